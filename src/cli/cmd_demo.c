/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_demo: `clerk [--db FILE] demo` builds the demo board (the
 * Hampshire Health and Wellbeing Board, from the .board files of
 * share/demo) into the database, replacing it whole and safely (see
 * demo_build).
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/demo.h"

static const char demo_usage[] = "[--db FILE] demo [--force]";

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"force", no_argument, NULL, 'f'},
		{NULL, 0, NULL, 0},
	};
	bool force = false;
	int opt;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		if (opt == 'f') {
			force = true;
			continue;
		}
		fprintf(cli->err, "clerk: demo: unknown option '%s'\n",
			argv[optind - 1]);
		return cli_usage(cli, demo_usage);
	}
	if (optind < argc) {
		fprintf(cli->err, "clerk: demo: unexpected argument '%s'\n",
			argv[optind]);
		return cli_usage(cli, demo_usage);
	}
	struct clerk_err err = {0};
	struct demo_summary sum = {0};
	if (demo_build(cli->db_path, NULL, force, &sum, &err))
		return cli_report(cli, &err);
	char *path = utf8_sanitize(cli->db_path);
	fprintf(cli->out,
		"Built the demo board in %s: %d %s, %d %s, %d seats, %d people, "
		"%d %s (%d agenda items, %d attendance records).\n"
		"Try: clerk --db %s meetings\n",
		path, sum.councils, sum.councils == 1 ? "council" : "councils",
		sum.bodies, sum.bodies == 1 ? "body" : "bodies", sum.seats,
		sum.people, sum.meetings,
		sum.meetings == 1 ? "meeting" : "meetings", sum.items,
		sum.attendance, path);
	free(path);
	return 0;
}
