/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo/build: putting the demo database at a path without ever leaving a
 * half-built or damaged file there.
 *
 * The board is loaded into a new temporary file beside the target (same
 * folder, so rename() is atomic), synced, and renamed over the target only
 * when complete.  Before anything is written, the target is checked: a file
 * that is not a clerk database, one written by a newer clerk, one that is
 * read-only, or one open in a running clerk is refused and left untouched.
 * So is a clerk database holding a body the demo does not describe (a real
 * archive given by mistake), unless the caller forces it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clerk/demo.h"
#include "clerk/model.h"

/* The folder part of path ("." when it has none). */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* mkdir -p, private to the user. */
static enum clerk_status make_dirs(const char *dir, struct clerk_err *err)
{
	char *p = xstrdup(dir);
	enum clerk_status rc = CLERK_OK;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			rc = clerk_fail(err,
					errno == EACCES || errno == EROFS
						? CLERK_READONLY
						: CLERK_IO,
					"cannot create the folder %s: %s", p,
					strerror(errno));
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}

static bool nonempty_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && st.st_size > 0;
}

/* True when another process has the database at path open: every SQLite
 * connection to a WAL database holds a shared lock on the "dead man
 * switch" byte (offset 128) of its -shm file for as long as it is open. */
static bool held_open(const char *path)
{
	char *shm = xasprintf("%s-shm", path);
	int fd = open(shm, O_RDONLY | O_CLOEXEC);
	free(shm);
	if (fd < 0)
		return false;
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET,
			   .l_start = 128, .l_len = 1};
	bool held = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
	close(fd);
	return held;
}

/* Open path read-only to learn whether it is a clerk database clerk may
 * read, then remove the journal files the look-up itself left beside it
 * (a read-only connection cannot), so that a refusal leaves no trace. */
static enum clerk_status probe_clerk_file(const char *path,
					  struct body_list *bodies,
					  struct clerk_err *err)
{
	char *wal = xasprintf("%s-wal", path);
	char *shm = xasprintf("%s-shm", path);
	bool had_wal = access(wal, F_OK) == 0;
	bool had_shm = access(shm, F_OK) == 0;
	struct db *db = NULL;
	enum clerk_status rc = db_open(path, DB_READONLY, &db, err);
	if (!rc)
		rc = body_list_all(db, bodies, err);
	db_close(&db);
	if (!had_wal && !nonempty_file(wal))
		unlink(wal);
	if (!had_shm)
		unlink(shm);
	free(wal);
	free(shm);
	return rc;
}

/* May the demo replace what is at path?  Absent, empty, or a writable
 * clerk database that no running clerk holds open; *bodies receives the
 * bodies it holds. */
static enum clerk_status check_target(const char *path,
				      struct body_list *bodies,
				      struct clerk_err *err)
{
	struct stat st;
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return CLERK_OK;
		return clerk_fail(err, CLERK_IO, "cannot use %s: %s", path,
				  strerror(errno));
	}
	if (S_ISLNK(st.st_mode))
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s is a symbolic link: clerk demo will not "
				  "replace it; give the real path with --db",
				  path);
	if (!S_ISREG(st.st_mode))
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s is not a file: clerk demo will not replace it",
				  path);
	/* The mode bits, not access(): root may write anything, but a file
	 * someone made read-only is meant to stay as it is. */
	if ((st.st_mode & 0222) == 0 || access(path, W_OK) != 0)
		return clerk_fail(err, CLERK_READONLY,
				  "%s is read-only: clerk demo will not replace "
				  "it (make it writable, or give another --db)",
				  path);
	if (held_open(path))
		return clerk_fail(err, CLERK_DB,
				  "%s is open in another program (a running "
				  "clerk?): close it, then run clerk demo again",
				  path);
	char *wal = xasprintf("%s-wal", path);
	bool unfinished = nonempty_file(wal);
	free(wal);
	if (unfinished)
		return clerk_fail(err, CLERK_DB,
				  "%s was not closed cleanly (its journal %s-wal "
				  "holds changes): open it once with clerk, then "
				  "run clerk demo again",
				  path, path);
	if (st.st_size == 0)
		return CLERK_OK;
	struct clerk_err probe = {0};
	enum clerk_status rc = probe_clerk_file(path, bodies, &probe);
	switch (rc) {
	case CLERK_OK:
	case CLERK_NOT_FOUND: /* a clerk file with no data yet */
	case CLERK_READONLY:  /* an older clerk file: it is being replaced */
		return CLERK_OK;
	default:
		*err = probe;
		if (rc == CLERK_FOREIGN || rc == CLERK_NEWER)
			return rc;
		return clerk_fail(err, rc, "%s; clerk demo left it untouched",
				  probe.msg);
	}
}

static void unlink_db_files(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	char *shm = xasprintf("%s-shm", path);
	unlink(path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
}

/* fsync a file or folder by path. */
static bool sync_path(const char *path, bool dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

/* Refuse to replace a file holding a body that the new demo database
 * (db) does not: that is someone's real data. */
static enum clerk_status check_only_demo(struct db *db, const char *path,
					 const struct body_list *old,
					 struct clerk_err *err)
{
	struct body_list now = {0};
	enum clerk_status rc = body_list_all(db, &now, err);
	for (size_t i = 0; !rc && i < old->n; i++) {
		bool found = false;
		for (size_t j = 0; j < now.n && !found; j++)
			found = strcmp(old->v[i].name, now.v[j].name) == 0;
		if (found)
			continue;
		char *name = utf8_sanitize(old->v[i].name);
		rc = clerk_fail(err, CLERK_CONFLICT,
				"%s holds the %s, which is not part of the demo: "
				"clerk demo will not replace it (give another "
				"--db, or add --force to replace it all the same)",
				path, name);
		free(name);
	}
	body_list_free(&now);
	return rc;
}

/* Load the board into the empty file tmp and close it, complete. */
static enum clerk_status build_into(const char *tmp, const char *boards,
				    const char *path,
				    const struct body_list *old,
				    struct demo_summary *sum,
				    struct clerk_err *err)
{
	struct db *db = NULL;
	enum clerk_status rc = db_open(tmp, DB_CREATE, &db, err);
	if (rc)
		return rc;
	rc = demo_load_dir(db, boards, sum, err);
	if (!rc && old)
		rc = check_only_demo(db, path, old, err);
	db_close(&db); /* checkpoints and removes the WAL */
	if (rc)
		return rc;
	char *wal = xasprintf("%s-wal", tmp);
	bool left = access(wal, F_OK) == 0;
	free(wal);
	if (left)
		return clerk_fail(err, CLERK_IO,
				  "the new demo database %s could not be "
				  "completed (its journal was left open)",
				  tmp);
	if (!sync_path(tmp, false))
		return clerk_fail(err, CLERK_IO, "cannot save %s: %s", tmp,
				  strerror(errno));
	return CLERK_OK;
}

enum clerk_status demo_build(const char *path, const char *dir, bool force,
			     struct demo_summary *sum, struct clerk_err *err)
{
	char *boards = dir ? xstrdup(dir) : clerk_share_path("demo");
	char *folder = dir_of(path);
	char *tmp = NULL;
	struct body_list old = {0};
	enum clerk_status rc = check_target(path, &old, err);
	if (!rc)
		rc = make_dirs(folder, err);
	if (rc)
		goto out;
	const char *base = strrchr(path, '/');
	tmp = xasprintf("%s/.%s.demo-XXXXXX", folder, base ? base + 1 : path);
	int fd = mkstemp(tmp); /* mode 0600 */
	if (fd < 0) {
		rc = clerk_fail(err,
				errno == EACCES || errno == EROFS ? CLERK_READONLY
								  : CLERK_IO,
				"cannot write in the folder %s: %s", folder,
				strerror(errno));
		goto out;
	}
	close(fd);
	rc = build_into(tmp, boards, path, force ? NULL : &old, sum, err);
	if (!rc && rename(tmp, path) != 0)
		rc = clerk_fail(err, CLERK_IO, "cannot put the demo database at %s: %s",
				path, strerror(errno));
	if (rc) {
		unlink_db_files(tmp);
		goto out;
	}
	/* Journal files left by the file just replaced (by a read-only
	 * look-up; a non-empty journal was refused above) belong to it, not
	 * to the new one. */
	char *wal = xasprintf("%s-wal", path);
	char *shm = xasprintf("%s-shm", path);
	if (!nonempty_file(wal))
		unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	sync_path(folder, true);
out:
	body_list_free(&old);
	free(tmp);
	free(folder);
	free(boards);
	return rc;
}
