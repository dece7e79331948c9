/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/lookup/sqlexec: run SQL on a clerk file through clerk's own
 * connection set-up (so that the audit triggers find clerk_now()), for the
 * look-up tests to shape a fixture or to write while clerk reads.
 *
 *   sqlexec FILE SQL             run SQL once (creating FILE if absent)
 *   sqlexec --repeat N FILE SQL  run SQL N times
 *   sqlexec --until STOP FILE SQL  run SQL again and again until the file
 *                                STOP exists (a writer beside a reader)
 *
 * Each run is one transaction (BEGIN IMMEDIATE ... COMMIT).
 *
 * Exits 0 when every run succeeded, else prints the error and exits 1.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/db.h"

int main(int argc, char **argv)
{
	long repeat = 1;
	const char *until = NULL;
	int i = 1;
	if (argc > 2 && strcmp(argv[1], "--repeat") == 0) {
		repeat = strtol(argv[2], NULL, 10);
		i = 3;
	} else if (argc > 2 && strcmp(argv[1], "--until") == 0) {
		until = argv[2];
		i = 3;
	}
	if (argc - i != 2) {
		fputs("usage: sqlexec [--repeat N | --until STOP] FILE SQL\n",
		      stderr);
		return 2;
	}
	struct db *db = NULL;
	struct clerk_err err = {0};
	if (db_open(argv[i], DB_CREATE, &db, &err)) {
		fprintf(stderr, "sqlexec: %s\n", err.msg);
		return 1;
	}
	int rc = 0;
	for (long n = 0; (until ? access(until, F_OK) != 0 : n < repeat) && !rc;
	     n++) {
		if (db_begin(db, &err) || db_exec(db, argv[i + 1], &err) ||
		    db_commit(db, &err))
			rc = 1;
	}
	if (rc) {
		db_rollback(db);
		fprintf(stderr, "sqlexec: %s\n", err.msg);
	}
	db_close(&db);
	return rc;
}
