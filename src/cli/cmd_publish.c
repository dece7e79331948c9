/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_publish: `clerk publish DIR [--council NAME] [--drafts]` writes a
 * council's public site (publish.h) into DIR and says how many files were
 * written, left as they were, and removed.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>

#include "clerk/cli.h"
#include "clerk/publish.h"

static const char publish_usage[] = "publish DIR [--council NAME] [--drafts]";

int cmd_publish(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"council", required_argument, NULL, 'c'},
		{"drafts", no_argument, NULL, 'D'},
		{NULL, 0, NULL, 0},
	};
	struct publish_opts po = {0};
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "c:", options, NULL)) != -1) {
		if (opt == 'c')
			po.council = optarg;
		else if (opt == 'D')
			po.drafts = true;
		else
			return cli_usage(cli, publish_usage);
	}
	if (argc - optind != 1)
		return cli_usage(cli, publish_usage);
	const char *dir = argv[optind];
	struct db *db;
	int code = cli_open_db(cli, DB_READONLY, &db);
	if (code)
		return code;
	po.database = db_path(db);
	struct clerk_err err = {0};
	struct publish_stats st = {0};
	if (publish_site(db, dir, &po, &st, &err)) {
		code = cli_report(cli, &err);
	} else {
		char *d = utf8_sanitize(dir);
		char *c = utf8_sanitize(st.council);
		fprintf(cli->err,
			"clerk: the site of %s is in %s: %d file%s written, "
			"%d unchanged, %d removed%s\n",
			c, d, st.written, st.written == 1 ? "" : "s",
			st.unchanged, st.removed,
			po.drafts ? " (draft minutes included, marked as drafts)"
				  : "");
		free(c);
		free(d);
	}
	publish_stats_free(&st);
	db_close(&db);
	return code;
}
