/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * merge: bringing the records of another clerk file into this one.
 *
 * Rows are keyed by UUID, so a body, person or meeting captured on another
 * laptop keeps its identity: rows the other file has and this one lacks are
 * copied (bodies, people, seats, memberships, meetings and everything
 * recorded under them); rows present in both and identical are left alone,
 * so merging twice changes nothing; rows present in both with different
 * content — or a second record of the same thing under another id, such as
 * two attendance records of one person at one meeting — are conflicts:
 * reported, never overwritten.  Everything is copied in one transaction.
 */
#ifndef CLERK_MERGE_H
#define CLERK_MERGE_H

#include "clerk/core.h"
#include "clerk/db.h"

struct merge_conflict {
	char *table; /* "person" */
	char *id;    /* the other file's row */
	char *what;  /* "name, organisation differ" */
};

struct merge_report {
	int added;       /* rows copied */
	int unchanged;   /* rows already here, identical */
	char *summary;   /* "3 meetings, 12 agenda items, ..." (never NULL) */
	struct merge_conflict *v;
	size_t n;
};

/* Merge the clerk file at other_path (opened read-only; it must be a clerk
 * file at the same schema version, and not this file) into db.  Conflicts
 * are listed in *rep and leave both versions as they were; the rest is
 * committed.  Returns CLERK_OK even when there were conflicts. */
enum clerk_status merge_file(struct db *db, const char *other_path,
			     struct merge_report *rep, struct clerk_err *err);
void merge_report_free(struct merge_report *rep);

/* Refuse a file to merge whose values would not pass as typed input:
 * text that is not valid UTF-8 or holds a NUL, binary data, an id that is
 * not a UUID.  err names the table, column and row (merge_check.c). */
enum clerk_status merge_check_values(struct db *other, struct clerk_err *err);

/* Open the file at path read-only and run every check `clerk merge` makes
 * before it copies anything: clerk's schema and its own triggers, what
 * `clerk check` asks (integrity, foreign keys), and every value
 * (merge_check_values), all under a limit of SQLite work, which is set in
 * *work for the merge itself.  CLERK_OK when it may be merged; otherwise
 * err names the first reason and says nothing was merged. */
enum clerk_status merge_check_file(const char *path, long long *work,
				   struct clerk_err *err);
/* The limit of SQLite work a merge may take for a file of db's size. */
long long merge_work_limit(struct db *db);

#endif
