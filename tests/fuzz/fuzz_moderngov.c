/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_moderngov: the ModernGov web-service XML importer.  The input may
 * hold up to three documents separated by a form feed (\f), imported
 * together as the command line does with several files. */
#include "config.h"

#include <string.h>

#include "clerk/import.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_world *w = fuzz_world();
	struct import_source src[3];
	size_t n = 0;
	const char *p = (const char *)data, *end = p + size;
	while (n < 3) {
		const char *ff = n < 2 ? memchr(p, '\f', (size_t)(end - p)) : NULL;
		src[n].name = n == 0 ? "fuzz-1.xml" : n == 1 ? "fuzz-2.xml"
							     : "fuzz-3.xml";
		src[n].buf = p;
		src[n].len = (size_t)((ff ? ff : end) - p);
		n++;
		if (!ff)
			break;
		p = ff + 1;
	}
	struct import_report rep = {0};
	struct clerk_err err = {0};
	if (db_begin(w->db, &err))
		return 0;
	import_moderngov(w->db, NULL, src, n, &rep, &err);
	db_rollback(w->db);
	import_report_free(&rep);
	return 0;
}
