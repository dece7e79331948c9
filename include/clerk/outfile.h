/*
 * outfile: the one way clerk writes a file the user named — `-o FILE` of
 * every command, each file of a period's folder, a backup.
 *
 * What the name leads to decides how it is written:
 * - "-" (and /dev/stdout): standard output;
 * - nothing yet, or a regular file: a new file is written under a
 *   temporary name in the same folder, synced, and renamed over the name,
 *   so a reader never sees half a file and a failure leaves the old one;
 * - a character device or a FIFO (/dev/null, a pipe): written to directly,
 *   never replaced, never created;
 * - a symbolic link is followed: the file it leads to is replaced (the link
 *   stays), a device or FIFO it leads to is written to; a link leading
 *   nowhere or to anything else is refused;
 * - a folder, a socket, a block device, the open database or its -wal,
 *   -shm and -journal files: refused with a sentence (CLERK_USAGE, exit 2),
 *   and nothing is touched.
 * Nothing is opened until the caller has every byte, so a command that
 * fails before writing leaves no partial file, even on a device.
 */
#ifndef CLERK_OUTFILE_H
#define CLERK_OUTFILE_H

#include <stdio.h>
#include <sys/types.h>

#include "clerk/core.h"

/* Where a name leads. */
enum outfile_kind {
	OUTFILE_STDOUT,  /* "-" or /dev/stdout */
	OUTFILE_REGULAR, /* a new file, or one replaced whole */
	OUTFILE_DIRECT,  /* a character device or FIFO, written in place */
};

struct outfile_opts {
	/* The open database (NULL: none): it and its -wal, -shm and -journal
	 * files are refused. */
	const char *database;
	/* Confidential content: the file is created mode 0600 (else 0666
	 * less the umask). */
	bool confidential;
	/* Where "-" writes (NULL: stdout). */
	FILE *stdout_fp;
};

/* A file being written. */
struct outfile {
	enum outfile_kind kind;
	char *name;   /* as the user gave it, for messages */
	char *target; /* REGULAR: the file replaced (links followed) */
	char *tmp;    /* REGULAR: the temporary file, renamed at the end */
	int fd;       /* REGULAR, DIRECT: where bytes go */
	FILE *fp;     /* STDOUT: where bytes go */
};

/* Decide where path leads and refuse what must not be written (see the
 * top); *kind receives the answer.  Touches nothing. */
enum clerk_status outfile_check(const char *path,
				const struct outfile_opts *opts,
				enum outfile_kind *kind, struct clerk_err *err);
/* Check path and open it for writing (REGULAR: create the temporary file
 * beside it).  Release with outfile_finish() on every path. */
enum clerk_status outfile_open(struct outfile *of, const char *path,
			       const struct outfile_opts *opts,
			       struct clerk_err *err);
/* Append len bytes. */
enum clerk_status outfile_put(struct outfile *of, const void *bytes,
			      size_t len, struct clerk_err *err);
/* commit: sync and put the file in place (REGULAR: rename, after checking
 * again that the name still leads to a regular file or nothing); !commit:
 * remove the temporary file.  Releases of; returns the first failure. */
enum clerk_status outfile_finish(struct outfile *of, bool commit,
				 struct clerk_err *err);
/* outfile_open, outfile_put of all bytes, outfile_finish. */
enum clerk_status outfile_write(const char *path,
				const struct outfile_opts *opts,
				const void *bytes, size_t len,
				struct clerk_err *err);

#endif
