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

/* One column of a conflict: this file's value and the other's ("" for
 * NULL). */
struct merge_diff {
	char *col;
	char *ours;
	char *theirs;
};

struct merge_conflict {
	char *table; /* "person" */
	char *id;    /* the row (this file's id when it was matched) */
	char *what;  /* "name, organisation differ" */
	char *label; /* "meeting of 5 Oct 2017, item 6 DOMESTIC ABUSE ...:
		      * resolution" — what a clerk calls it */
	struct merge_diff *d;
	size_t nd;
};

/* How to merge. */
enum merge_take { MERGE_TAKE_NONE, MERGE_TAKE_OURS, MERGE_TAKE_THEIRS };
struct merge_options {
	bool no_match;        /* records matched under other ids: conflicts,
			       * and nothing is written */
	bool dry_run;         /* work it all out, write nothing */
	enum merge_take take; /* settle conflicts: this file's or theirs */
};

struct merge_report {
	int added;       /* rows copied */
	int unchanged;   /* rows already here, identical */
	int matched;     /* rows matched to this file's under another id */
	int settled;     /* conflicts settled by --take */
	bool refused;    /* --no-match and matches found: nothing written */
	char *summary;   /* "3 meetings, 12 agenda items, ..." (never NULL) */
	char **notes;    /* matches and meetings' states, one sentence each */
	size_t nnotes;
	char **warnings; /* confirmed minutes kept as signed, and the like */
	size_t nwarnings;
	struct merge_conflict *v;
	size_t n;
};

/* Merge the clerk file at other_path (opened read-only; it must be a clerk
 * file at the same schema version, and not this file) into db.  Records
 * that are the same thing under another id (a council or body by name, a
 * person by name and organisation, a seat by body and label, a meeting by
 * body and start, an agenda item by meeting and number, and what hangs off
 * them by its parents and place) are matched and merged.  A meeting's
 * state only moves forward: the file where it went further gives its
 * record.  Confirmed minutes here are never changed.  Conflicts are listed
 * in *rep and leave this file's version (unless opt->take says theirs);
 * the rest is committed.  Returns CLERK_OK even when there were
 * conflicts. */
enum clerk_status merge_file_opts(struct db *db, const char *other_path,
				  const struct merge_options *opt,
				  struct merge_report *rep,
				  struct clerk_err *err);
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
