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
#include "clerk/safety.h"

/* The work a merge may take: reading and copying every row of a file, a
 * few lookups a row, is well under this per page; a file that needs more
 * (none can, with its schema checked: no views, no triggers of its own)
 * is stopped rather than left to hang or amplify. */
#define MERGE_WORK_BASE 50000000LL
#define MERGE_WORK_PER_PAGE 200000LL

static long long merge_work(struct db *db)
{
	long long pages = db_page_count(db);
	return MERGE_WORK_BASE + (pages > 0 ? pages : 0) * MERGE_WORK_PER_PAGE;
}

/* The first line of a check's details, without its newline. */
static char *first_problem(const struct safety_report *r)
{
	const char *d = sb_str(&r->details);
	return xstrndup(d, strcspn(d, "\n"));
}

/* The file to merge passes what `clerk check` asks (schema, its own
 * triggers, integrity, foreign keys) and every value is valid, or nothing
 * is merged.  Returns an exit code. */
static int check_other_file(struct cli *cli, const char *path,
			    long long *work)
{
	struct db *other = NULL;
	struct clerk_err err = {0};
	if (db_open(path, DB_READONLY, &other, &err))
		return cli_report(cli, &err);
	*work = merge_work(other);
	db_limit_work(other, *work);
	int code = 0;
	char *safe = utf8_sanitize(path);
	struct safety_report r = {0};
	if (db_repair_reason(other)) {
		fprintf(cli->err,
			"clerk: %s cannot be merged: %s (without clerk's own "
			"triggers its confirmed minutes may have been changed); "
			"nothing was merged\n",
			safe, db_repair_reason(other));
		code = 4;
	} else if (safety_check(other, &r, &err)) {
		code = cli_report(cli, &err);
	} else if (r.problems) {
		char *first = first_problem(&r);
		fprintf(cli->err,
			"clerk: %s is not sound (%d problem%s; the first: %s): "
			"nothing was merged; 'clerk --db %s check' lists them\n",
			safe, r.problems, r.problems == 1 ? "" : "s", first, safe);
		free(first);
		code = 4;
	} else if (merge_check_values(other, &err)) {
		code = cli_report(cli, &err);
	}
	safety_report_free(&r);
	free(safe);
	db_close(&other);
	return code;
}

int cmd_merge(struct cli *cli, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cli, "merge OTHER.db");
	long long work = 0;
	int code = check_other_file(cli, argv[1], &work);
	if (code)
		return code;
	struct db *db;
	code = cli_open_db(cli, DB_CREATE, &db);
	if (code)
		return code;
	struct clerk_err err = {0};
	struct merge_report rep = {0};
	/* The other file is ATTACHed to this connection: its reads count. */
	db_limit_work(db, work + merge_work(db));
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
