/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_agenda: the notice-of-meeting agenda importer on any bytes. */
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
	import_agenda_text(w->db, w->meeting_id, "fuzz", (const char *)data,
			   size, &rep, &err);
	db_rollback(w->db);
	import_report_free(&rep);
	return 0;
}
