/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_common: what the libFuzzer harnesses share.  Each harness defines
 * LLVMFuzzerTestOneInput(); built with clang -fsanitize=fuzzer it is
 * fuzzed (make fuzz), built with replay_main.c by any compiler it replays
 * the seed corpus and the regression inputs (make check).
 */
#ifndef CLERK_FUZZ_COMMON_H
#define CLERK_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "clerk/db.h"
#include "clerk/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harnesses' clerk file, made once per process in a temporary folder
 * (removed at exit): a council, a body with two seats and their members,
 * and a meeting.  Each input runs inside db_begin()/db_rollback(), so every
 * input meets the same file. */
struct fuzz_world {
	struct db *db;
	clerk_id body_id;
	clerk_id meeting_id;
};
struct fuzz_world *fuzz_world(void);

/* The world's temporary folder (made by fuzz_world()). */
const char *fuzz_dir(void);
/* Write data to the file fuzz_dir()/name (folders made as needed; removed
 * at exit with the world) and return its path (caller frees). */
char *fuzz_write_file(const char *name, const uint8_t *data, size_t size);
/* data as a NUL-terminated string (bytes after a NUL are cut, as reading a
 * file into a C string does); caller frees. */
char *fuzz_string(const uint8_t *data, size_t size);

#endif
