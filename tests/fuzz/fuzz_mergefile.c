/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_mergefile: a clerk file given to `clerk merge`: the input's bytes
 * are written to a file and opened through merge_check_file, the very
 * checks `clerk merge` makes before it copies anything (read-only open,
 * schema and clerk's own triggers, integrity and foreign keys, every
 * value, under a limit of SQLite work).  A file that passes is then merged
 * into a new, empty clerk file.  The seeds are small clerk files (page
 * size 512) so that mutations reach their pages.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "clerk/merge.h"
#include "fuzz_common.h"

static void remove_db(const char *path)
{
	static const char *const tails[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < 4; i++) {
		char *p = xasprintf("%s%s", path, tails[i]);
		unlink(p);
		free(p);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_world();
	char *other = xasprintf("%s/other.db", fuzz_dir());
	remove_db(other);
	free(fuzz_write_file("other.db", data, size));
	long long work = 0;
	struct clerk_err err = {0};
	if (merge_check_file(other, &work, &err) == CLERK_OK) {
		char *target = xasprintf("%s/target.db", fuzz_dir());
		remove_db(target);
		struct db *db = NULL;
		if (db_open(target, DB_CREATE, &db, &err) == CLERK_OK) {
			struct merge_report rep = {0};
			db_limit_work(db, work + merge_work_limit(db));
			merge_file(db, other, &rep, &err);
			merge_report_free(&rep);
			db_close(&db);
		}
		remove_db(target);
		free(target);
	}
	remove_db(other);
	free(other);
	return 0;
}
