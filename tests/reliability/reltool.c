/*
 * reltool: a test helper for the reliability tests, linked with libclerk.a.
 *
 *   reltool create FILE          create an empty clerk database (db_open)
 *   reltool mode FILE            print "journal_mode synchronous" as clerk
 *                                opens FILE read-write
 *
 * Exit 0 on success; on failure prints clerk's message and exits with
 * clerk's exit code.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "clerk/db.h"

static int fail(const struct clerk_err *err)
{
	fprintf(stderr, "reltool: %s\n", err->msg);
	return clerk_status_exit_code(err->status);
}

static int print_pragma(struct db *db, const char *pragma)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db_handle(db), pragma, -1, &stmt, NULL);
	if (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		printf("%s", db_col_text(stmt, 0));
	sqlite3_finalize(stmt);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: reltool create|mode FILE\n", stderr);
		return 2;
	}
	struct clerk_err err = {0};
	struct db *db = NULL;
	if (strcmp(argv[1], "create") == 0) {
		if (db_open(argv[2], DB_CREATE, &db, &err))
			return fail(&err);
	} else if (strcmp(argv[1], "mode") == 0) {
		if (db_open(argv[2], DB_EXISTING, &db, &err))
			return fail(&err);
		print_pragma(db, "PRAGMA journal_mode");
		putchar(' ');
		print_pragma(db, "PRAGMA synchronous");
		putchar('\n');
	} else {
		fputs("reltool: unknown action\n", stderr);
		return 2;
	}
	db_close(&db);
	return 0;
}
