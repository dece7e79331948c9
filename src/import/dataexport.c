/*
 * import/dataexport: what the open-data writers share — writing a file
 * safely (through outfile: a temporary name, sync, rename; devices in place) and ISO 8601 times with offsets.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/dataexport.h"
#include "clerk/outfile.h"

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
	/* Every byte first, in memory: a writer that fails half-way leaves
	 * nothing on standard output, a device or the file. */
	char *bytes = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&bytes, &len);
	if (!mem)
		return clerk_fail(err, CLERK_IO, "out of memory: %s",
				  strerror(errno));
	enum clerk_status rc = fn(db, body_id, mem, err);
	if (fclose(mem) != 0 && !rc)
		rc = clerk_fail(err, CLERK_IO, "out of memory: %s",
				strerror(errno));
	if (!rc) {
		struct outfile_opts o = {.database = db_path(db)};
		rc = outfile_write(path ? path : "-", &o, bytes, len, err);
	}
	free(bytes);
	return rc;
}
