/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db/backup: an online backup of the clerk file.
 *
 * A copy of a WAL database made with cp can miss rows that were committed
 * (they may still be in the -wal file), so clerk copies through SQLite's
 * backup API, which reads one consistent snapshot while the live console
 * goes on writing.  The copy is written under a temporary name in the
 * target's folder (created 0600 by mkstemp: a backup holds exempt minutes),
 * switched to a rollback journal so that it is one self-contained file,
 * synced, checked with quick_check, and only then renamed over the target.
 * Whatever fails, the temporary file is removed and the target is as it was.
 *
 * Like db, this module works on the storage itself, so it uses the SQLite
 * API directly; it runs no SQL built from data.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* db code: the file kept whole */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clerk/outfile.h"
#include "clerk/db_sql.h"
#include "clerk/safety.h"

/* How long a backup waits, in total, for a writer to let go (rollback
 * journal only: under WAL a reader never waits). */
#define BACKUP_BUSY_TRIES 200
#define BACKUP_BUSY_SLEEP_MS 25

/* Translate an SQLite failure on the backup file into a sentence. */
static enum clerk_status backup_fail(int code, const char *target,
				     const char *detail, struct clerk_err *err)
{
	switch (code & 0xFF) {
	case SQLITE_FULL:
		return clerk_fail(err, CLERK_FULL,
				  "the disk holding %s is full: the backup was not "
				  "saved; free some space and try again",
				  target);
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return clerk_fail(err, CLERK_READONLY,
				  "cannot write the backup %s: %s", target, detail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return clerk_fail(err, CLERK_FOREIGN,
				  "the database is damaged (%s): the backup %s was "
				  "not made; run 'clerk check' for details",
				  detail, target);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return clerk_fail(err, CLERK_DB,
				  "the database stayed busy in another program: the "
				  "backup %s was not saved; try again",
				  target);
	default:
		return clerk_fail(err, CLERK_IO, "the backup %s failed: %s", target,
				  detail);
	}
}

/* Accept a target that is absent, empty, or a clerk file; refuse anything
 * else (including the database itself) without touching it. */
static enum clerk_status backup_check_target(struct db *db, const char *target,
					     struct clerk_err *err)
{
	struct stat tst, sst;
	if (stat(target, &tst) != 0) {
		if (errno == ENOENT)
			return CLERK_OK;
		return clerk_fail(err, CLERK_IO, "cannot use %s for the backup: %s",
				  target, strerror(errno));
	}
	if (S_ISDIR(tst.st_mode))
		return clerk_fail(err, CLERK_USAGE,
				  "%s is a folder: give the backup file's name, "
				  "e.g. %s/clerk-backup.db",
				  target, target);
	if (stat(db_path(db), &sst) == 0 && sst.st_dev == tst.st_dev &&
	    sst.st_ino == tst.st_ino)
		return clerk_fail(err, CLERK_USAGE,
				  "%s is the database itself: give another file "
				  "for the backup",
				  target);
	if (!S_ISREG(tst.st_mode))
		return clerk_fail(err, CLERK_USAGE,
				  "%s is not a regular file: it was left untouched",
				  target);
	if (tst.st_size == 0)
		return CLERK_OK;
	unsigned char head[72] = {0};
	int fd = open(target, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, head, sizeof head) : -1;
	if (fd >= 0)
		close(fd);
	uint32_t app = (uint32_t)head[68] << 24 | (uint32_t)head[69] << 16 |
		       (uint32_t)head[70] << 8 | head[71];
	if (n != (ssize_t)sizeof head ||
	    memcmp(head, "SQLite format 3", 16) != 0 ||
	    app != CLERK_APPLICATION_ID)
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s exists and is not a clerk database: it was "
				  "left untouched; choose another name for the backup",
				  target);
	return CLERK_OK;
}

/* Copy every page of db into dst, waiting for a writer if need be. */
static int backup_copy(struct db *db, sqlite3 *dst, int *pages)
{
	sqlite3_backup *b =
		sqlite3_backup_init(dst, "main", db_handle(db), "main");
	if (!b)
		return sqlite3_extended_errcode(dst);
	int rc;
	int tries = 0;
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			if (++tries > BACKUP_BUSY_TRIES)
				break;
			sqlite3_sleep(BACKUP_BUSY_SLEEP_MS);
		}
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return SQLITE_OK;
	return rc;
}

/* A copy is one self-contained file (no -wal beside it), and sound. */
static int backup_settle(sqlite3 *dst, char *detail, size_t detail_len)
{
	int rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_stmt *stmt = NULL;
	rc = sqlite3_prepare_v2(dst, "PRAGMA quick_check", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *res = (const char *)sqlite3_column_text(stmt, 0);
		if (res && strcmp(res, "ok") != 0) {
			snprintf(detail, detail_len, "%s", res);
			for (char *p = detail; *p; p++)
				if (*p == '\n')
					*p = ' ';
			rc = SQLITE_CORRUPT;
		} else {
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* fsync a file or a folder by name. */
static int backup_sync_path(const char *path, bool folder)
{
	int fd = open(path, (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) |
				    O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Write db into the temporary file tmp (already created 0600). */
static enum clerk_status backup_write_tmp(struct db *db, const char *tmp,
					  const char *target,
					  struct safety_backup_info *info,
					  struct clerk_err *err)
{
	sqlite3 *dst = NULL;
	char detail[512] = "";
	int rc = sqlite3_open_v2(tmp, &dst,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(dst, 1);
		rc = backup_copy(db, dst, &info->pages);
	}
	if (rc == SQLITE_OK)
		rc = backup_settle(dst, detail, sizeof detail);
	if (rc != SQLITE_OK && !detail[0])
		snprintf(detail, sizeof detail, "%s",
			 dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
	if (sqlite3_close(dst) != SQLITE_OK && rc == SQLITE_OK) {
		rc = SQLITE_IOERR;
		snprintf(detail, sizeof detail, "closing the copy failed");
	}
	if (rc != SQLITE_OK)
		return backup_fail(rc, target, detail, err);
	if (backup_sync_path(tmp, false) != 0)
		return clerk_fail(err, errno == ENOSPC ? CLERK_FULL : CLERK_IO,
				  "the backup %s could not be written to disk: %s",
				  target, strerror(errno));
	return CLERK_OK;
}

/* Back db up into the file outfile opened for a regular target. */
static enum clerk_status backup_to_file(struct db *db, const char *target,
					const struct outfile_opts *o,
					struct safety_backup_info *info,
					struct clerk_err *err)
{
	struct outfile of;
	enum clerk_status rc = outfile_open(&of, target, o, err);
	if (!rc)
		rc = backup_check_target(db, of.target, err);
	if (!rc)
		rc = backup_write_tmp(db, of.tmp, target, info, err);
	if (of.tmp) {
		char *journal = xasprintf("%s-journal", of.tmp);
		unlink(journal);
		free(journal);
	}
	enum clerk_status frc = outfile_finish(&of, rc == CLERK_OK, err);
	return rc ? rc : frc;
}

/* Copy the file at path into of, in blocks. */
static enum clerk_status stream_copy(const char *path, struct outfile *of,
				     long long *bytes, struct clerk_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return clerk_fail(err, CLERK_IO, "cannot read the backup: %s",
				  strerror(errno));
	static char buf[65536];
	enum clerk_status rc = CLERK_OK;
	ssize_t n;
	while (!rc && (n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rc = clerk_fail(err, CLERK_IO, "cannot read the backup: %s",
					strerror(errno));
		else {
			rc = outfile_put(of, buf, (size_t)n, err);
			*bytes += n;
		}
	}
	close(fd);
	return rc;
}

/* A device or FIFO (a pipe to another machine, a tape): the backup is made
 * and checked in a private temporary file, then copied there whole. */
static enum clerk_status backup_to_device(struct db *db, const char *target,
					  const struct outfile_opts *o,
					  struct safety_backup_info *info,
					  struct clerk_err *err)
{
	const char *tmpdir = getenv("TMPDIR");
	char *tmp = xasprintf("%s/clerk-backup-XXXXXX",
			      tmpdir && *tmpdir == '/' ? tmpdir : "/tmp");
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		enum clerk_status rc = clerk_fail(
			err, errno == ENOSPC ? CLERK_FULL : CLERK_IO,
			"cannot make the backup's temporary file %s: %s", tmp,
			strerror(errno));
		free(tmp);
		return rc;
	}
	fchmod(fd, 0600);
	close(fd);
	enum clerk_status rc = backup_write_tmp(db, tmp, target, info, err);
	if (!rc) {
		struct outfile of;
		rc = outfile_open(&of, target, o, err);
		if (!rc)
			rc = stream_copy(tmp, &of, &info->bytes, err);
		enum clerk_status frc = outfile_finish(&of, rc == CLERK_OK, err);
		if (!rc)
			rc = frc;
	}
	unlink(tmp);
	char *journal = xasprintf("%s-journal", tmp);
	unlink(journal);
	free(journal);
	free(tmp);
	return rc;
}

enum clerk_status safety_backup(struct db *db, const char *target,
				struct safety_backup_info *info,
				struct clerk_err *err)
{
	struct safety_backup_info local = {0};
	if (!info)
		info = &local;
	memset(info, 0, sizeof *info);
	/* A backup holds the exempt minutes: created 0600. */
	struct outfile_opts o = {.database = db_path(db), .confidential = true};
	enum outfile_kind kind;
	enum clerk_status rc = outfile_check(target, &o, &kind, err);
	if (rc)
		return rc;
	if (kind != OUTFILE_REGULAR)
		return backup_to_device(db, target, &o, info, err);
	rc = backup_to_file(db, target, &o, info, err);
	struct stat st;
	if (!rc && stat(target, &st) == 0)
		info->bytes = (long long)st.st_size;
	return rc;
}
