/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * safety: keeping the clerk file whole.
 *
 * Two operations a clerk (or a nightly job) runs on the file itself, at the
 * storage level beside db:
 * - an online backup through SQLite's backup API, which copies a consistent
 *   snapshot even while the live console is writing (a plain file copy of a
 *   WAL database can miss committed rows); the copy is written to a
 *   temporary name with mode 0600, synced, checked, then renamed into place,
 *   so a backup file is either the old one or a whole new one;
 * - a check: SQLite's integrity and foreign-key checks, and how the file is
 *   journalled (WAL, or a rollback journal on a network filesystem).
 */
#ifndef CLERK_SAFETY_H
#define CLERK_SAFETY_H

#include "clerk/core.h"
#include "clerk/db.h"

/* What a backup wrote. */
struct safety_backup_info {
	long long bytes; /* size of the backup file */
	int pages;       /* database pages copied */
};

/* Copy the open database to `target` with the online backup API.  target
 * may be absent, empty, or an earlier clerk file (which is replaced whole);
 * anything else, a folder, or the database itself is refused untouched.
 * The file is created 0600 under a temporary name in target's folder,
 * fsynced, checked with quick_check, and renamed over target.  On failure
 * nothing is left behind and err says why (CLERK_FULL for a full disk).
 * info may be NULL. */
enum clerk_status safety_backup(struct db *db, const char *target,
				struct safety_backup_info *info,
				struct clerk_err *err);

/* The result of checking a clerk file. */
struct safety_report {
	char *journal_mode;    /* "wal", "delete", ... as SQLite reports it */
	int synchronous;       /* clerk's commits: 0 off, 1 normal, 2 full,
				  3 extra */
	bool network_fs;       /* on a network filesystem (see db.h) */
	bool readonly;         /* the file or its folder is read-only */
	int schema;            /* the file's schema version */
	long long bytes;       /* size of the file */
	int problems;          /* number of problems found; 0: sound */
	bool tables_differ;    /* a table is missing or different */
	bool schema_repairable; /* the schema differs only in views,
				   triggers or indexes: clerk check --repair
				   puts it right */
	long long search_misfiled; /* records the search index files under
				      another body or month than their
				      meeting's: --repair files them again */
	long long search_unlisted; /* words of the search index missing
				      from its list of words: --repair
				      lists them again */
	struct strbuf details; /* one line per problem, "\n"-terminated */
};

/* Compare the schema with this clerk's (every difference), run PRAGMA
 * integrity_check and foreign_key_check on the open database and describe
 * its journalling.  Returns CLERK_OK when the checks ran (look at
 * out->problems for the verdict), an error when they could not run.
 * Release out with safety_report_free(). */
enum clerk_status safety_check(struct db *db, struct safety_report *out,
			       struct clerk_err *err);
void safety_report_free(struct safety_report *r);

/* The name of a synchronous level: "off", "normal", "full", "extra". */
const char *safety_synchronous_text(int level);

#endif
