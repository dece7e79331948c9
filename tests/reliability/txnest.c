/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * txnest: several model writes made one atomic action with db_begin /
 * db_commit around them (transactions nest as savepoints).  A kill before
 * the outer commit leaves none of them; a full disk at the outer commit
 * leaves none and the connection can begin again.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clerk/model.h"
#include "faultvfs.h"
#include "relcommon.h"

static enum clerk_status note(struct db *db, const char *text,
			      struct clerk_err *err)
{
	return event_append(db, REL_MEETING, EVENT_NOTE, NULL, NULL, text, NULL,
			    err);
}

int main(void)
{
	char dir[] = "/tmp/clerk-txnest.XXXXXX";
	if (!mkdtemp(dir))
		return 99;
	char *path = xasprintf("%s/tx.db", dir);
	rel_seed(path, 0);
	faultvfs_register();
	struct clerk_err err = {0};
	struct db *db = NULL;
	if (db_open(path, DB_EXISTING, &db, &err))
		return 99;

	bool ok = !db_begin(db, &err) && !note(db, "a", &err) &&
		  !note(db, "b", &err) && !db_commit(db, &err);
	rel_ok(ok && rel_count_events(path) == 2,
	       "two model writes inside db_begin/db_commit are both saved");

	ok = !db_begin(db, &err) && !note(db, "c", &err) && !db_begin(db, &err) &&
	     !note(db, "d", &err);
	db_rollback(db);
	ok = ok && !db_commit(db, &err);
	rel_ok(ok && rel_count_events(path) == 3,
	       "an inner rollback undoes only the inner write (%d events)",
	       rel_count_events(path));

	ok = !db_begin(db, &err) && !note(db, "e", &err) && !note(db, "f", &err);
	rel_ok(ok && rel_count_events(path) == 3,
	       "nothing of an open action is visible to another connection");
	db_rollback(db);
	rel_ok(rel_count_events(path) == 3, "an outer rollback undoes it all");

	db_close(&db);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct db *cdb = NULL;
		if (db_open(path, DB_EXISTING, &cdb, &err) || db_begin(cdb, &err) ||
		    note(cdb, "g", &err) || note(cdb, "h", &err))
			_exit(3);
		_exit(0); /* killed before the outer commit */
	}
	int status = 0;
	waitpid(pid, &status, 0);
	char *ic = rel_integrity(path);
	rel_ok(WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
		       rel_count_events(path) == 3 && strcmp(ic, "ok") == 0,
	       "a process dying before the outer commit leaves none of the "
	       "action (%d events, integrity %s)",
	       rel_count_events(path), ic);
	free(ic);

	if (db_open(path, DB_EXISTING, &db, &err))
		return 99;
	ok = !db_begin(db, &err) && !note(db, "i", &err) && !note(db, "j", &err);
	faultvfs_full_after(0);
	enum clerk_status rc = db_commit(db, &err);
	faultvfs_full_after(-1);
	rel_ok(ok && rc == CLERK_FULL && rel_count_events(path) == 3,
	       "a full disk at the outer commit saves none of the action: %s",
	       err.msg);
	ok = !db_begin(db, &err) && !note(db, "i", &err) && !note(db, "j", &err) &&
	     !db_commit(db, &err);
	rel_ok(ok && rel_count_events(path) == 5,
	       "with room again the same action is saved whole");
	db_close(&db);
	scratch_unlink(path);
	rmdir(dir);
	free(path);
	return rel_done();
}
