/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db/outfile: writing a file the user named without destroying what the
 * name leads to (see include/clerk/outfile.h).
 *
 * Found before this module: `-o /dev/null` replaced the device with a
 * regular file, and `-o clerk.db` replaced the open database with the
 * minutes' text, both with exit 0.  Every writer now goes through here.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clerk/outfile.h"

static enum clerk_status refuse(struct clerk_err *err, const char *path,
				const char *why)
{
	char *safe = utf8_sanitize(path);
	enum clerk_status rc = clerk_fail(err, CLERK_USAGE,
					  "%s %s: nothing was written; give "
					  "the name of a new or ordinary file",
					  safe, why);
	free(safe);
	return rc;
}

static enum clerk_status io_fail(struct clerk_err *err, const char *path,
				 int e)
{
	char *safe = utf8_sanitize(path);
	enum clerk_status rc = clerk_fail(err, e == ENOSPC ? CLERK_FULL : CLERK_IO,
					  "cannot write %s: %s", safe,
					  strerror(e));
	free(safe);
	return rc;
}

static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* path with its folder's links and ".." resolved, so that two names of
 * one file compare equal even when the file does not exist yet. */
static char *canonical(const char *path)
{
	char *dir = folder_of(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *real = realpath(dir, NULL);
	char *out = real ? xasprintf("%s/%s", strcmp(real, "/") ? real : "",
				     base)
			 : xstrdup(path);
	free(real);
	free(dir);
	return out;
}

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;
	return stat(path, &b) == 0 && a->st_dev == b.st_dev &&
	       a->st_ino == b.st_ino;
}

/* Refuse target when it is the open database or one of its companions,
 * by identity (a hard link) or by name (a companion not there yet). */
static enum clerk_status check_database(const char *name, const char *target,
					const struct stat *st,
					const char *database,
					struct clerk_err *err)
{
	if (!database)
		return CLERK_OK;
	if (st && same_file(st, database))
		return refuse(err, name, "is the database itself");
	static const char *const companions[] = {"-wal", "-shm", "-journal"};
	char *mine = canonical(target);
	char *db = canonical(database);
	enum clerk_status rc = strcmp(mine, db) == 0
				       ? refuse(err, name, "is the database itself")
				       : CLERK_OK;
	for (size_t i = 0; !rc && i < 3; i++) {
		char *comp = xasprintf("%s%s", db, companions[i]);
		char *raw = xasprintf("%s%s", database, companions[i]);
		if (strcmp(mine, comp) == 0 || (st && same_file(st, raw))) {
			char *why = xasprintf("is the database's %s file",
					      companions[i]);
			rc = refuse(err, name, why);
			free(why);
		}
		free(raw);
		free(comp);
	}
	free(db);
	free(mine);
	return rc;
}

/* What a file that is neither regular, a character device nor a FIFO is. */
static const char *kind_refused(mode_t mode)
{
	if (S_ISDIR(mode))
		return "is a folder";
	if (S_ISSOCK(mode))
		return "is a socket";
	if (S_ISBLK(mode))
		return "is a disk (a block device)";
	return "is not an ordinary file";
}

/* Decide kind and the file to replace (*target, REGULAR only). */
static enum clerk_status resolve(const char *path,
				 const struct outfile_opts *opts,
				 enum outfile_kind *kind, char **target,
				 struct clerk_err *err)
{
	*target = NULL;
	if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0) {
		*kind = OUTFILE_STDOUT;
		return CLERK_OK;
	}
	if (!*path)
		return refuse(err, "''", "is not a file name");
	struct stat st;
	if (lstat(path, &st) != 0) {
		if (errno != ENOENT)
			return io_fail(err, path, errno);
		*kind = OUTFILE_REGULAR;
		enum clerk_status rc =
			check_database(path, path, NULL, opts->database, err);
		if (!rc)
			*target = xstrdup(path);
		return rc;
	}
	char *resolved = NULL;
	if (S_ISLNK(st.st_mode)) {
		if (stat(path, &st) != 0)
			return refuse(err, path,
				      "is a symbolic link that leads nowhere");
		resolved = realpath(path, NULL);
		if (!resolved)
			return io_fail(err, path, errno);
	}
	enum clerk_status rc = CLERK_OK;
	if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
		*kind = OUTFILE_DIRECT;
	else if (S_ISREG(st.st_mode))
		*kind = OUTFILE_REGULAR;
	else
		rc = refuse(err, path, kind_refused(st.st_mode));
	if (!rc)
		rc = check_database(path, resolved ? resolved : path, &st,
				    opts->database, err);
	if (!rc && *kind == OUTFILE_REGULAR)
		*target = resolved ? resolved : xstrdup(path);
	else
		free(resolved);
	return rc;
}

enum clerk_status outfile_check(const char *path,
				const struct outfile_opts *opts,
				enum outfile_kind *kind, struct clerk_err *err)
{
	char *target = NULL;
	enum clerk_status rc = resolve(path, opts, kind, &target, err);
	free(target);
	return rc;
}

static mode_t new_file_mode(bool confidential)
{
	if (confidential)
		return 0600;
	mode_t mask = umask(0);
	umask(mask);
	return 0644 & ~mask;
}

enum clerk_status outfile_open(struct outfile *of, const char *path,
			       const struct outfile_opts *opts,
			       struct clerk_err *err)
{
	memset(of, 0, sizeof *of);
	of->fd = -1;
	of->name = xstrdup(path);
	enum clerk_status rc = resolve(path, opts, &of->kind, &of->target, err);
	if (rc)
		return rc;
	switch (of->kind) {
	case OUTFILE_STDOUT:
		of->fp = opts->stdout_fp ? opts->stdout_fp : stdout;
		return CLERK_OK;
	case OUTFILE_DIRECT: {
		/* No O_CREAT: if the device went away meanwhile, nothing is
		 * created in its place. */
		of->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		struct stat st;
		if (of->fd < 0)
			return io_fail(err, path, errno);
		if (fstat(of->fd, &st) != 0 ||
		    !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
			return refuse(err, path, "changed while it was opened");
		return CLERK_OK;
	}
	case OUTFILE_REGULAR:
		of->tmp = xasprintf("%s.tmp-XXXXXX", of->target);
		of->fd = mkostemp(of->tmp, O_CLOEXEC);
		if (of->fd < 0) {
			int e = errno;
			free(of->tmp);
			of->tmp = NULL;
			return io_fail(err, path, e);
		}
		if (fchmod(of->fd, new_file_mode(opts->confidential)) != 0)
			return io_fail(err, path, errno);
		return CLERK_OK;
	}
	return CLERK_OK;
}

enum clerk_status outfile_put(struct outfile *of, const void *bytes,
			      size_t len, struct clerk_err *err)
{
	if (of->kind == OUTFILE_STDOUT) {
		if (len && fwrite(bytes, 1, len, of->fp) != len)
			return io_fail(err, "standard output", errno);
		return CLERK_OK;
	}
	const char *p = bytes;
	while (len) {
		ssize_t w = write(of->fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return io_fail(err, of->name, errno);
		}
		p += w;
		len -= (size_t)w;
	}
	return CLERK_OK;
}

static void sync_folder(const char *path)
{
	char *dir = folder_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Sync the temporary file and rename it over the target, which must still
 * be absent or a regular file (not replaced meanwhile by a folder, a link
 * or a device). */
static enum clerk_status put_in_place(struct outfile *of,
				      struct clerk_err *err)
{
	if (fsync(of->fd) != 0)
		return io_fail(err, of->name, errno);
	int fd = of->fd;
	of->fd = -1;
	if (close(fd) != 0)
		return io_fail(err, of->name, errno);
	struct stat st;
	if (lstat(of->target, &st) == 0 && !S_ISREG(st.st_mode))
		return refuse(err, of->name, "changed while it was written");
	if (rename(of->tmp, of->target) != 0)
		return io_fail(err, of->name, errno);
	free(of->tmp);
	of->tmp = NULL;
	sync_folder(of->target);
	return CLERK_OK;
}

enum clerk_status outfile_finish(struct outfile *of, bool commit,
				 struct clerk_err *err)
{
	enum clerk_status rc = CLERK_OK;
	if (commit && of->kind == OUTFILE_STDOUT && of->fp &&
	    fflush(of->fp) != 0)
		rc = io_fail(err, "standard output", errno);
	if (commit && of->kind == OUTFILE_REGULAR && of->fd >= 0)
		rc = put_in_place(of, err);
	if (of->fd >= 0 && close(of->fd) != 0 && commit && !rc)
		rc = io_fail(err, of->name, errno);
	if (of->tmp)
		unlink(of->tmp);
	free(of->tmp);
	free(of->target);
	free(of->name);
	memset(of, 0, sizeof *of);
	of->fd = -1;
	return rc;
}

enum clerk_status outfile_write(const char *path,
				const struct outfile_opts *opts,
				const void *bytes, size_t len,
				struct clerk_err *err)
{
	struct outfile of;
	enum clerk_status rc = outfile_open(&of, path, opts, err);
	if (!rc)
		rc = outfile_put(&of, bytes, len, err);
	enum clerk_status frc = outfile_finish(&of, rc == CLERK_OK, err);
	return rc ? rc : frc;
}
