/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/scratch: a clerk file in a folder of its own under /tmp, for the
 * C tests: made fresh for each test and removed whole afterwards, with
 * the companions SQLite leaves beside it (-wal, -shm, -journal), so that
 * no test sees another's file and none leaves one behind.
 */
#ifndef CLERK_TESTS_SCRATCH_H
#define CLERK_TESTS_SCRATCH_H

#include <stddef.h>

/* Make a folder /tmp/clerk-NAME.XXXXXX in dir (of dir_size bytes) and
 * return the path of "clerk.db" in it, to be freed.  NULL if the folder
 * cannot be made. */
char *scratch_make(char *dir, size_t dir_size, const char *name);

/* Remove the file at path and its companions. */
void scratch_unlink(const char *path);

/* Remove the file, its companions and the folder scratch_make made. */
void scratch_remove(const char *dir, const char *path);

#endif
