/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_review: `clerk review [MEETING] [--body NAME]`, the review
 * screen: meetings and their minutes, export, corrections before
 * confirmation, confirmation and corrections after it.  --script/--dump
 * (or CLERK_SCRIPT) run it headless for tests, as for `clerk live`.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/model.h"
#include "clerk/ui.h"
#include "clerk/ui_review.h"

/* The file is opened for reading: a clerk reads minutes far more often
 * than they correct them, and a writer's checks on opening (every b-tree
 * of the file, issue 17) are made when the clerk first changes something,
 * just before it (screen_review.c).  A file of an older schema is
 * upgraded now, as a writer opening it would (and refused, as before,
 * when it cannot be written). */
static int review_open_db(struct cli *cli, struct db **db)
{
	struct clerk_err err = {0};
	enum clerk_status rc = db_open(cli->db_path, DB_READONLY, db, &err);
	if (rc == CLERK_READONLY)
		return cli_open_db(cli, DB_EXISTING, db);
	if (rc)
		return cli_report(cli, &err);
	cli_warn_if_readable(cli);
	return 0;
}

#define REVIEW_USAGE                                                     \
	"review [MEETING] [--body NAME] [--script FILE] [--dump DIR] "   \
	"[--size COLSxROWS] [--term TERM]"

int cmd_review(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, 'b'},
		CLI_UI_OPTIONS,
		{NULL, 0, NULL, 0},
	};
	struct ui_options ui = {.no_color = cli->no_color};
	const char *body = NULL;
	int opt, code;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'b':
			body = optarg;
			break;
		default:
			if ((code = cli_ui_option(cli, opt, optarg, &ui)) < 0)
				return cli_usage(cli, REVIEW_USAGE);
			if (code)
				return code;
		}
	}
	if (argc - optind > 1)
		return cli_usage(cli, REVIEW_USAGE);
	struct db *db = NULL;
	int rc = review_open_db(cli, &db);
	if (rc)
		return rc;
	struct clerk_err err = {0};
	struct body b = {0};
	struct meeting m = {0};
	if (body && body_find(db, body, &b, &err) != CLERK_OK)
		rc = cli_report(cli, &err);
	if (!rc && optind < argc &&
	    meeting_find(db, argv[optind], body, &m, &err) != CLERK_OK)
		rc = cli_report(cli, &err);
	struct app *app = NULL;
	if (!rc && !(app = ui_app_start(&ui, db, &err)))
		rc = cli_report(cli, &err);
	if (!rc && ui_review_run(app, body ? b.id : NULL,
				 optind < argc ? m.id : NULL, &err) != CLERK_OK) {
		db = ui_app_db(app); /* the screen may have opened it again */
		int end = ui_app_end(&app);
		(void)end;
		rc = cli_report(cli, &err);
	}
	if (app) {
		db = ui_app_db(app);
		rc = ui_app_end(&app);
	}
	meeting_free(&m);
	body_free(&b);
	db_close(&db);
	return rc;
}
