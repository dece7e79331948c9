/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_common: the harnesses' clerk file (see fuzz_common.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"

static char world_dir[] = "/tmp/clerk-fuzz.XXXXXX";
static struct fuzz_world world;

/* Files and folders written by fuzz_write_file, removed at exit (files
 * first, folders deepest first). */
static char **made;
static size_t nmade;

static void note_made(const char *path)
{
	for (size_t i = 0; i < nmade; i++)
		if (strcmp(made[i], path) == 0)
			return;
	made = xrealloc(made, (nmade + 1) * sizeof *made);
	made[nmade++] = xstrdup(path);
}

static void world_remove(void)
{
	db_close(&world.db);
	for (size_t i = nmade; i-- > 0;) {
		if (unlink(made[i]) != 0)
			rmdir(made[i]);
		free(made[i]);
	}
	free(made);
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

const char *fuzz_dir(void)
{
	fuzz_world();
	return world_dir;
}

char *fuzz_write_file(const char *name, const uint8_t *data, size_t size)
{
	char *path = xasprintf("%s/%s", fuzz_dir(), name);
	/* the folders on the way, in order, so that removal (in reverse)
	 * takes the deepest first */
	for (char *slash = strchr(path + strlen(world_dir) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(path, 0700) == 0)
			note_made(path);
		*slash = '/';
	}
	note_made(path);
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
	return path;
}

char *fuzz_string(const uint8_t *data, size_t size)
{
	return xstrndup((const char *)data, size);
}
