/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_board: a .board file (the demo's council, bodies, people and
 * meetings, share/demo/NAME.board) read through demo_load_file, as `clerk demo`
 * reads each one: the indented parser (board.c) and the loader that turns
 * the tree into records (demo.c).  The input is written to a file in the
 * harness's folder; the load runs inside db_begin()/db_rollback().
 */
#include "config.h"

#include <stdlib.h>

#include "clerk/demo.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_world *w = fuzz_world();
	char *path = fuzz_write_file("in.board", data, size);
	struct clerk_err err = {0};
	struct demo_summary sum = {0};
	if (db_begin(w->db, &err) == CLERK_OK) {
		demo_load_file(w->db, path, &sum, &err);
		db_rollback(w->db);
	}
	free(path);
	return 0;
}
