/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_keys: `clerk keys [--defaults] [--man]` prints the console's
 * actions with their keys, from the one action list (src/ui/actions.def)
 * and the user's keys file, so that a user can see what their file does
 * and the man page's KEYS section is generated from the same list.
 */
#include "config.h"

#include <getopt.h>

#include "clerk/cli.h"
#include "clerk/ui.h"

int cmd_keys(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"defaults", no_argument, NULL, 'd'},
		{"man", no_argument, NULL, 'm'},
		{NULL, 0, NULL, 0},
	};
	bool defaults = false, man = false;
	int opt;
	optind = 0; /* reset glibc's getopt: options may follow MEETING */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt == 'd')
			defaults = true;
		else if (opt == 'm')
			man = true;
		else
			return cli_usage(cli, "keys [--defaults] [--man]");
	}
	if (optind != argc)
		return cli_usage(cli, "keys [--defaults] [--man]");
	struct ui_keymap km;
	ui_keymap_defaults(&km);
	if (!defaults) {
		struct clerk_err err = {0};
		if (ui_keymap_load_user(&km, &err) != CLERK_OK)
			return cli_report(cli, &err);
	}
	ui_actions_print(cli->out, &km, man);
	return 0;
}
