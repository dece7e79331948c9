/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fulldisk: a disk that fills up corrupts nothing and loses nothing saved.
 *
 * For each kind of write clerk makes, the fault VFS lets N writes through
 * and fails the rest with SQLITE_FULL (as ENOSPC does), for N = 0, 1, 2, ...
 * up to the number the write needs.  Each time:
 * - the write either succeeds or fails with CLERK_FULL and the sentence
 *   "the disk holding ... is full: ... was not saved";
 * - once space is back, the same write made again on the same connection
 *   succeeds (the console keeps the typed text to try again);
 * - the file then passes integrity_check, every earlier event is there byte
 *   for byte, and the retried write is there exactly once.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* a test reads the file itself */
#include "clerk/db_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clerk/safety.h"
#include "faultvfs.h"
#include "relcommon.h"

#define SEED_EVENTS 30

/* One kind of write: returns its status; `round` distinguishes retries. */
struct kind {
	const char *name;
	bool network; /* run on the rollback-journal fallback */
	/* Run before the disk fills (may be NULL). */
	enum clerk_status (*prepare)(struct db *db, struct clerk_err *err);
	enum clerk_status (*run)(struct db *db, const char *dir,
				 struct clerk_err *err);
	/* The write's effect is in the file exactly once. */
	bool (*landed)(const char *path, const char *dir);
};

static enum clerk_status k_event(struct db *db, const char *dir,
				 struct clerk_err *err)
{
	(void)dir;
	return rel_append(db, SEED_EVENTS + 1, err);
}

static enum clerk_status k_long_event(struct db *db, const char *dir,
				      struct clerk_err *err)
{
	(void)dir;
	return rel_append(db, 34, err); /* 34 % 17 == 0: 9,000 bytes */
}

static bool landed_event(const char *path, const char *dir)
{
	(void)dir;
	return rel_count_events(path) == SEED_EVENTS + 1;
}

static enum clerk_status k_many(struct db *db, const char *dir,
				struct clerk_err *err)
{
	(void)dir;
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(
		db, "UPDATE event SET detail = detail || ' (corrected)'", err);
	if (!st) {
		db_rollback(db);
		return err->status;
	}
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(db, err, "correcting every event");
		db_done(st);
		db_rollback(db);
		return rc;
	}
	db_done(st);
	return db_commit(db, err);
}

/* Every event corrected exactly once, its text otherwise intact. */
static bool landed_many(const char *path, const char *dir)
{
	(void)dir;
	sqlite3 *s = NULL;
	sqlite3_stmt *st = NULL;
	int n = 0;
	sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL);
	if (sqlite3_prepare_v2(s, "SELECT seq, detail FROM event", -1, &st,
			       NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *want = rel_detail(sqlite3_column_int(st, 0));
			char *corrected = xasprintf("%s (corrected)", want);
			n += strcmp(db_col_text(st, 1), corrected) == 0;
			free(corrected);
			free(want);
		}
	sqlite3_finalize(st);
	sqlite3_close(s);
	return n == SEED_EVENTS;
}

/* Leave an event in the log, not yet in the file. */
static enum clerk_status prep_log(struct db *db, struct clerk_err *err)
{
	enum clerk_status rc = db_exec(db, "PRAGMA wal_autocheckpoint=0", err);
	return rc ? rc : rel_append(db, SEED_EVENTS + 1, err);
}

static enum clerk_status k_checkpoint(struct db *db, const char *dir,
				      struct clerk_err *err)
{
	(void)dir;
	int busy = 0, logged = 0, done = 0;
	if (sqlite3_wal_checkpoint_v2(db_handle(db), NULL,
				      SQLITE_CHECKPOINT_TRUNCATE, &logged,
				      &done) != SQLITE_OK)
		return db_fail(db, err, "moving the log into the file");
	(void)busy;
	return CLERK_OK;
}

static enum clerk_status k_backup(struct db *db, const char *dir,
				  struct clerk_err *err)
{
	char *target = xasprintf("%s/backup.db", dir);
	enum clerk_status rc = safety_backup(db, target, NULL, err);
	free(target);
	return rc;
}

static bool landed_backup(const char *path, const char *dir)
{
	char *target = xasprintf("%s/backup.db", dir);
	char *ic = rel_integrity(target);
	bool ok = strcmp(ic, "ok") == 0 &&
		  rel_events_present(target, SEED_EVENTS) == SEED_EVENTS &&
		  rel_count_events(path) == SEED_EVENTS;
	free(ic);
	free(target);
	return ok;
}

static const struct kind kinds[] = {
	{"recording an event", false, NULL, k_event, landed_event},
	{"recording a 9,000-byte minute (overflow pages)", false, NULL,
	 k_long_event, landed_event},
	{"correcting 30 events in one transaction", false, NULL, k_many,
	 landed_many},
	{"checkpointing the log into the file", false, prep_log, k_checkpoint,
	 landed_event},
	{"recording an event on the network fallback (rollback journal)", true,
	 NULL, k_event, landed_event},
	{"writing a backup", false, NULL, k_backup, landed_backup},
};

static bool is_full_message(const struct clerk_err *err)
{
	return err->status == CLERK_FULL && strstr(err->msg, "the disk holding") &&
	       strstr(err->msg, "is full: ") && strstr(err->msg, "was not saved");
}

/* Run kind k with the disk full after n writes; returns true when the
 * write needed no more than n writes (it succeeded at once). */
static bool try_kind(const struct kind *k, const char *seed, const char *dir,
		     long n, int *bad)
{
	char *path = xasprintf("%s/full.db", dir);
	char *backup = xasprintf("%s/backup.db", dir);
	scratch_unlink(path);
	scratch_unlink(backup);
	rel_copy(seed, path);
	if (k->network)
		setenv("CLERK_ASSUME_NETWORK_FS", "1", 1);
	struct clerk_err err = {0};
	struct db *db = NULL;
	bool fit = false;
	if (db_open(path, DB_EXISTING, &db, &err)) {
		rel_diag("%s: open failed: %s", k->name, err.msg);
		(*bad)++;
		goto out;
	}
	if (k->prepare && k->prepare(db, &err)) {
		rel_diag("%s: preparing failed: %s", k->name, err.msg);
		(*bad)++;
	}
	faultvfs_full_after(n);
	enum clerk_status rc = k->run(db, dir, &err);
	faultvfs_full_after(-1);
	fit = rc == CLERK_OK;
	if (rc && !is_full_message(&err)) {
		rel_diag("%s, full after %ld writes: wrong error: %s", k->name, n,
			 err.msg);
		(*bad)++;
	}
	if (rc && (rc = k->run(db, dir, &err)) != CLERK_OK) {
		rel_diag("%s, full after %ld writes: the retry failed: %s", k->name,
			 n, err.msg);
		(*bad)++;
	}
	db_close(&db);
	char *ic = rel_integrity(path);
	int earlier = k->run == k_many ? SEED_EVENTS
				       : rel_events_present(path, SEED_EVENTS);
	if (strcmp(ic, "ok") != 0 || earlier != SEED_EVENTS ||
	    !k->landed(path, dir)) {
		rel_diag("%s, full after %ld writes: integrity %s, %d of %d "
			 "earlier events, write landed once: %s",
			 k->name, n, ic, earlier, SEED_EVENTS, k->landed(path, dir) ? "yes" : "no");
		(*bad)++;
	}
	free(ic);
	char *tmpname = xasprintf("ls %s | grep -q tmp-", dir);
	if (system(tmpname) == 0) {
		rel_diag("%s: a temporary file was left behind", k->name);
		(*bad)++;
	}
	free(tmpname);
out:
	unsetenv("CLERK_ASSUME_NETWORK_FS");
	scratch_unlink(path);
	scratch_unlink(backup);
	free(path);
	free(backup);
	return fit;
}

int main(void)
{
	char dir[] = "/tmp/clerk-fulldisk.XXXXXX";
	if (!mkdtemp(dir))
		return 99;
	char *seed = xasprintf("%s/seed.db", dir);
	rel_seed(seed, SEED_EVENTS);
	faultvfs_register();
	long total_failures = 0;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int bad = 0;
		long n = 0;
		long failed_before = faultvfs_failed();
		while (!try_kind(&kinds[i], seed, dir, n, &bad) && n < 400)
			n++;
		total_failures += faultvfs_failed() - failed_before;
		rel_ok(bad == 0 && n < 400,
		       "%s: full after each of 0..%ld writes: clear message, retry "
		       "works, nothing corrupted or lost",
		       kinds[i].name, n);
	}
	rel_diag("%ld writes failed with SQLITE_FULL in all", total_failures);

	/* Creating a new file on a full disk: a clear error, and a later
	 * attempt with room creates it whole. */
	char *fresh = xasprintf("%s/fresh.db", dir);
	struct clerk_err err = {0};
	struct db *db = NULL;
	faultvfs_full_after(3);
	enum clerk_status rc = db_open(fresh, DB_CREATE, &db, &err);
	faultvfs_full_after(-1);
	rel_ok(rc == CLERK_FULL && strstr(err.msg, "is full"),
	       "creating a file on a full disk fails clearly: %s", err.msg);
	db_close(&db);
	rc = db_open(fresh, DB_CREATE, &db, &err);
	rel_ok(rc == CLERK_OK && db_schema_version(db) ==
					 db_program_schema_version(),
	       "with room again, the file is created whole (schema %d)",
	       db ? db_schema_version(db) : -1);
	db_close(&db);
	char *ic = rel_integrity(fresh);
	rel_ok(strcmp(ic, "ok") == 0, "and it passes integrity_check (%s)", ic);
	free(ic);
	scratch_unlink(fresh);
	free(fresh);
	scratch_unlink(seed);
	free(seed);
	rmdir(dir);
	return rel_done();
}
