/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/scratch: see scratch.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "clerk/core.h"
#include "scratch.h"

char *scratch_make(char *dir, size_t dir_size, const char *name)
{
	snprintf(dir, dir_size, "/tmp/clerk-%s.XXXXXX", name);
	if (!mkdtemp(dir))
		return NULL;
	return xasprintf("%s/clerk.db", dir);
}

void scratch_unlink(const char *path)
{
	static const char *const companion[] = {"", "-wal", "-shm",
						"-journal"};
	for (size_t i = 0; i < sizeof companion / sizeof companion[0]; i++) {
		char *p = xasprintf("%s%s", path, companion[i]);
		unlink(p);
		free(p);
	}
}

void scratch_remove(const char *dir, const char *path)
{
	scratch_unlink(path);
	rmdir(dir);
}
