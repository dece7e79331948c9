/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_browse: `clerk browse [BODY | --person NAME | --search TEXT]` —
 * the look-up console: bodies, membership, people (seats, attendance,
 * declarations) and full-text search opening the minutes at the item.
 * Names are resolved before the console starts, with the same messages and
 * exit codes as the look-up commands.  --script/--dump run it headless.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/lookup_cli.h"
#include "clerk/ui.h"
#include "clerk/ui_lookup.h"

#define BROWSE_USAGE                                                       \
	"browse [BODY | --person NAME | --search TEXT] [--script FILE] "   \
	"[--dump DIR] [--size COLSxROWS] [--term TERM]"

struct browse_args {
	const char *person, *search;
	char *body;
	struct ui_options ui;
};

static int parse_args(struct cli *cli, int argc, char **argv,
		      struct browse_args *a)
{
	static const struct option options[] = {
		{"person", required_argument, NULL, 'p'},
		{"search", required_argument, NULL, 'f'},
		CLI_UI_OPTIONS,
		{NULL, 0, NULL, 0},
	};
	int opt, rc;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'p':
			a->person = optarg;
			break;
		case 'f':
			a->search = optarg;
			break;
		default:
			if ((rc = cli_ui_option(cli, opt, optarg, &a->ui)) < 0)
				return cli_usage(cli, BROWSE_USAGE);
			if (rc)
				return rc;
		}
	}
	a->body = lookup_cli_join(argc, argv, optind);
	if ((a->body != NULL) + (a->person != NULL) + (a->search != NULL) > 1) {
		fprintf(cli->err, "clerk: name a body, or give --person or "
				  "--search, not several\n");
		return 2;
	}
	return 0;
}

int cmd_browse(struct cli *cli, int argc, char **argv)
{
	struct browse_args a = {0};
	a.ui.no_color = cli->no_color;
	int rc = parse_args(cli, argc, argv, &a);
	if (rc) {
		free(a.body);
		return rc;
	}
	struct db *db = NULL;
	struct lookup_body body = {0};
	struct lookup_person person = {0};
	struct ui_lookup_start start = {.search = a.search};
	rc = lookup_cli_open(cli, &db);
	if (!rc && a.body && !(rc = lookup_cli_body(cli, db, a.body, &body)))
		start.body_id = body.id;
	if (!rc && a.person && !(rc = lookup_cli_person(cli, db, a.person, &person)))
		start.person_id = person.id;
	if (!rc) {
		struct clerk_err err = {0};
		struct app *app = ui_app_start(&a.ui, db, &err);
		if (!app) {
			rc = cli_report(cli, &err);
		} else {
			ui_lookup_run(app, &start);
			rc = ui_app_end(&app);
		}
	}
	lookup_person_free(&person);
	lookup_body_free(&body);
	db_close(&db);
	free(a.body);
	return rc;
}
