/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_common: the harnesses' clerk file (see fuzz_common.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"

static char world_dir[] = "/tmp/clerk-fuzz.XXXXXX";
static struct fuzz_world world;

static void world_remove(void)
{
	db_close(&world.db);
	static const char *const names[] = {"fuzz.db", "fuzz.db-wal",
					    "fuzz.db-shm", "fuzz.db-journal"};
	for (size_t i = 0; i < 4; i++) {
		char *p = xasprintf("%s/%s", world_dir, names[i]);
		unlink(p);
		free(p);
	}
	rmdir(world_dir);
}

static void world_die(const struct clerk_err *err)
{
	fprintf(stderr, "fuzz: setting up: %s\n", err->msg);
	abort();
}

struct fuzz_world *fuzz_world(void)
{
	if (world.db)
		return &world;
	struct clerk_err err = {0};
	if (!mkdtemp(world_dir))
		abort();
	char *path = xasprintf("%s/fuzz.db", world_dir);
	atexit(world_remove);
	if (db_open(path, DB_CREATE, &world.db, &err))
		world_die(&err);
	free(path);
	/* Fixed strings, owned here: the model copies what it keeps. */
	char cname[] = "Hampshire County Council", bname[] = "Health and Wellbeing Board";
	char venue[] = "Ashburton Hall";
	struct council c = {.name = cname};
	struct body b = {.name = bname};
	if (council_create(world.db, &c, &err))
		world_die(&err);
	memcpy(b.council_id, c.id, sizeof b.council_id);
	if (body_create(world.db, &b, &err))
		world_die(&err);
	memcpy(world.body_id, b.id, sizeof world.body_id);
	struct meeting m = {.starts_at = 1507194000, .venue = venue,
			    .public_present = -1};
	memcpy(m.body_id, b.id, sizeof m.body_id);
	if (meeting_create(world.db, &m, &err))
		world_die(&err);
	memcpy(world.meeting_id, m.id, sizeof world.meeting_id);
	return &world;
}
