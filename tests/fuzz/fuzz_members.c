/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_members: the membership-table (Appendix B CSV) importer. */
#include "config.h"

#include "clerk/import.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_world *w = fuzz_world();
	struct import_report rep = {0};
	struct clerk_err err = {0};
	if (db_begin(w->db, &err))
		return 0;
	import_members_csv(w->db, w->body_id, "2017-06-01", "fuzz",
			   (const char *)data, size, &rep, &err);
	db_rollback(w->db);
	import_report_free(&rep);
	return 0;
}
