/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * publish/publish_private.h: the site's files (publish/site.c), shared by
 * the pages (publish/publish.c).
 */
#ifndef CLERK_PUBLISH_PRIVATE_H
#define CLERK_PUBLISH_PRIVATE_H

#include "clerk/publish.h"

/* A site being written: its folder and the files this run makes. */
struct site {
	char *dir;
	const char *database;
	char **files; /* relative paths, in the order made */
	size_t nfiles, cap;
	char **staged; /* changed files written to the staging folder */
	size_t nstaged, stcap;
	struct publish_stats *stats;
};

/* Check dir (a folder that can be written, made when missing) and start a
 * site in it. */
enum clerk_status site_open(struct site *s, const char *dir,
			    const char *database, struct publish_stats *stats,
			    struct clerk_err *err);
/* Put rel (a path inside the site: lower-case letters, digits, '-', '.',
 * '/') with these bytes: its folders made, and the file written through
 * outfile unless it already holds the same (stamps aside). */
enum clerk_status site_put(struct site *s, const char *rel, const char *bytes,
			   size_t len, struct clerk_err *err);
/* Remove the files an earlier run wrote that this one did not make, and
 * record this run's (.clerk-site). */
enum clerk_status site_finish(struct site *s, struct clerk_err *err);
void site_free(struct site *s);

/* True when a and b are the same but for the time stamps a rebuild
 * changes without the content changing (DTSTAMP, /CreationDate). */
bool site_same(const char *a, size_t alen, const char *b, size_t blen);

#endif
