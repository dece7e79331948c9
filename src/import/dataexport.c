/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/dataexport: what the open-data writers share — writing a file
 * safely (temporary name, sync, rename) and ISO 8601 times with offsets.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/dataexport.h"

void dataexport_iso_local(time_t t, const char *tz, char out[32])
{
	char buf[26]; /* 2017-10-05T10:00:00+0100 */
	time_format_local(t, tz, "%Y-%m-%dT%H:%M:%S%z", buf, sizeof buf);
	/* strftime's +0100 becomes +01:00 */
	size_t n = strlen(buf);
	if (n >= 5 && (buf[n - 5] == '+' || buf[n - 5] == '-'))
		snprintf(out, 32, "%.*s:%s", (int)(n - 2), buf, buf + n - 2);
	else
		snprintf(out, 32, "%s", buf);
}

enum clerk_status dataexport_write(struct db *db, const char *body_id,
				   dataexport_fn fn, const char *path,
				   struct clerk_err *err)
{
	if (!path || strcmp(path, "-") == 0) {
		enum clerk_status rc = fn(db, body_id, stdout, err);
		if (!rc && fflush(stdout) != 0)
			rc = clerk_fail(err, CLERK_IO,
					"cannot write to standard output: %s",
					strerror(errno));
		return rc;
	}
	char *tmp = xasprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		enum clerk_status rc = clerk_fail(err, CLERK_IO,
						  "cannot write %s: %s", path,
						  strerror(errno));
		free(tmp);
		return rc;
	}
	FILE *f = fdopen(fd, "w");
	enum clerk_status rc = f ? fn(db, body_id, f, err)
				 : clerk_fail(err, CLERK_IO, "cannot write %s",
					      path);
	if (!rc && (fflush(f) != 0 || fsync(fd) != 0))
		rc = clerk_fail(err, errno == ENOSPC ? CLERK_FULL : CLERK_IO,
				"cannot write %s: %s", path, strerror(errno));
	if (f)
		fclose(f);
	else
		close(fd);
	if (!rc && rename(tmp, path) != 0)
		rc = clerk_fail(err, CLERK_IO, "cannot write %s: %s", path,
				strerror(errno));
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}
