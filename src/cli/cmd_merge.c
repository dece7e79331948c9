/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_merge: `clerk merge OTHER.db` — copy what another clerk file has
 * and this one lacks; list the records that differ between the two (kept
 * as they are here) and exit 3 when there are any.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/merge.h"

int cmd_merge(struct cli *cli, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cli, "merge OTHER.db");
	long long work = 0;
	struct clerk_err err = {0};
	if (merge_check_file(argv[1], &work, &err))
		return cli_report(cli, &err);
	struct db *db;
	int code = cli_open_db(cli, DB_CREATE, &db);
	if (code)
		return code;
	struct merge_report rep = {0};
	/* The other file is ATTACHed to this connection: its reads count. */
	db_limit_work(db, work + merge_work_limit(db));
	enum clerk_status rc = merge_file(db, argv[1], &rep, &err);
	db_limit_work(db, 0);
	if (rc) {
		code = cli_report(cli, &err);
	} else {
		fprintf(cli->out, "Merged from %s: %s.\n", argv[1],
			*rep.summary ? rep.summary : "nothing new");
		for (size_t i = 0; i < rep.n; i++)
			fprintf(cli->err,
				"clerk: conflict: %s %s: %s; this file's version "
				"is kept\n",
				rep.v[i].table, rep.v[i].id, rep.v[i].what);
		if (rep.n) {
			fprintf(cli->err,
				"clerk: %zu record%s differ between the files; "
				"resolve by hand\n",
				rep.n, rep.n == 1 ? "" : "s");
			code = 3;
		}
	}
	merge_report_free(&rep);
	db_close(&db);
	return code;
}
