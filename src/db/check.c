/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db/check: is the clerk file sound, and how is it journalled?
 *
 * Runs SQLite's own checks (integrity_check walks every page and index;
 * foreign_key_check finds rows pointing at rows that are gone) and reads the
 * journal mode and synchronous level the connection uses, so that a clerk
 * can see that the file is on WAL with full syncs, or on a rollback journal
 * because it lives on a network share.
 *
 * Like db, this module works on the storage itself and uses the SQLite API
 * directly; every statement is a fixed PRAGMA.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* db code: the file kept whole */

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clerk/db_sql.h"
#include "clerk/safety.h"

/* At most this many integrity problems are listed. */
#define CHECK_MAX_PROBLEMS 100

const char *safety_synchronous_text(int level)
{
	static const char *const names[] = {"off", "normal", "full", "extra"};
	if (level < 0 || level > 3)
		return "unknown";
	return names[level];
}

/* Prepare one of the fixed pragmas, filling err on failure. */
static sqlite3_stmt *check_prepare(struct db *db, const char *pragma,
				   struct clerk_err *err)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(db_handle(db), pragma, -1, &stmt, NULL) !=
	    SQLITE_OK) {
		db_fail(db, err, "checking the file");
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

static enum clerk_status check_journal(struct db *db, struct safety_report *r,
				       struct clerk_err *err)
{
	sqlite3_stmt *stmt = check_prepare(db, "PRAGMA journal_mode", err);
	if (!stmt)
		return err->status;
	r->journal_mode = xstrdup(sqlite3_step(stmt) == SQLITE_ROW
					  ? db_col_text(stmt, 0)
					  : "unknown");
	sqlite3_finalize(stmt);
	if (!(stmt = check_prepare(db, "PRAGMA synchronous", err)))
		return err->status;
	r->synchronous =
		sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
	sqlite3_finalize(stmt);
	/* A read-only connection never sets the level; report the one clerk
	 * writes this file with (db.c: FULL, or EXTRA on a network share). */
	if (db_is_readonly(db))
		r->synchronous = r->network_fs ? 3 : 2;
	return CLERK_OK;
}

static enum clerk_status check_integrity(struct db *db, struct safety_report *r,
					 struct clerk_err *err)
{
	sqlite3_stmt *stmt = check_prepare(db, "PRAGMA integrity_check(100)", err);
	if (!stmt)
		return err->status;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *row = db_col_text(stmt, 0);
		if (strcmp(row, "ok") == 0)
			continue;
		/* A row may hold several lines, headed "*** in database main
		 * ***": one problem per line, without the heading. */
		char *copy = xstrdup(row), *save = NULL;
		for (char *line = strtok_r(copy, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			if (strncmp(line, "*** ", 4) == 0)
				continue;
			if (r->problems < CHECK_MAX_PROBLEMS) {
				char *safe = utf8_sanitize(line);
				sb_addf(&r->details, "integrity: %s\n", safe);
				free(safe);
			}
			r->problems++;
		}
		free(copy);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		/* The check itself could not read the file: that is a problem
		 * with the file, not a failure to report. */
		sb_addf(&r->details, "integrity: the check stopped: %s\n",
			sqlite3_errstr(rc));
		r->problems++;
	}
	return CLERK_OK;
}

static enum clerk_status check_foreign_keys(struct db *db,
					    struct safety_report *r,
					    struct clerk_err *err)
{
	sqlite3_stmt *stmt = check_prepare(db, "PRAGMA foreign_key_check", err);
	if (!stmt)
		return err->status;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (r->problems < CHECK_MAX_PROBLEMS)
			sb_addf(&r->details,
				"foreign key: %s row %lld refers to a missing %s\n",
				db_col_text(stmt, 0),
				(long long)sqlite3_column_int64(stmt, 1),
				db_col_text(stmt, 2));
		r->problems++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		sb_addf(&r->details, "foreign key: the check stopped: %s\n",
			sqlite3_errstr(rc));
		r->problems++;
	}
	return CLERK_OK;
}

/* Every way the schema differs from what this clerk creates. */
static enum clerk_status check_schema(struct db *db, struct safety_report *r,
				      struct clerk_err *err)
{
	struct schema_report rep;
	enum clerk_status rc = db_schema_report(db, &rep, err);
	if (rc)
		return rc;
	r->schema_repairable = rep.verdict != SCHEMA_SAME && !rep.tables_differ;
	r->tables_differ = rep.tables_differ;
	const char *line = sb_str(&rep.lines);
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (r->problems < CHECK_MAX_PROBLEMS)
			sb_addf(&r->details, "schema: %.*s\n", (int)len, line);
		r->problems++;
		line += len + (end ? 1 : 0);
	}
	schema_report_free(&rep);
	return CLERK_OK;
}

/* Words of the search index missing from the list of its words (a file
 * changed by a program that is not clerk): a prefix may miss them. */
static enum clerk_status check_wordlist(struct db *db,
					struct safety_report *r,
					struct clerk_err *err)
{
	enum clerk_status rc = db_wordlist_missing(db, &r->search_unlisted, err);
	if (rc || !r->search_unlisted)
		return rc;
	sb_addf(&r->details,
		"search: %lld word%s of the search index %s not in its list "
		"of words: a search by prefix (safeg*) may not find %s\n",
		r->search_unlisted, r->search_unlisted == 1 ? "" : "s",
		r->search_unlisted == 1 ? "is" : "are",
		r->search_unlisted == 1 ? "it" : "them");
	r->problems++;
	return CLERK_OK;
}

/* Records the search index files under another body or month than their
 * meeting's (a file changed by hand, or by a program that is not clerk):
 * the record is whole, but a search may not find it. */
static enum clerk_status check_misfiled(struct db *db,
					struct safety_report *r,
					struct clerk_err *err)
{
	enum clerk_status rc = db_search_misfiled(db, &r->search_misfiled, err);
	if (rc || !r->search_misfiled)
		return rc;
	sb_addf(&r->details,
		"search: %lld record%s filed in the search index under another "
		"body or month than %s meeting's: a search may not find %s\n",
		r->search_misfiled, r->search_misfiled == 1 ? " is" : "s are",
		r->search_misfiled == 1 ? "its" : "their",
		r->search_misfiled == 1 ? "it" : "them");
	r->problems++;
	return CLERK_OK;
}

static enum clerk_status check_search(struct db *db, struct safety_report *r,
				      struct clerk_err *err)
{
	enum clerk_status rc = check_misfiled(db, r, err);
	return rc ? rc : check_wordlist(db, r, err);
}

/* Could clerk write this file?  WAL needs the folder writable too. */
static bool check_writable(const char *path)
{
	if (access(path, W_OK) != 0)
		return false;
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	bool ok = access(slash ? dir : ".", W_OK) == 0;
	free(dir);
	return ok;
}

enum clerk_status safety_check(struct db *db, struct safety_report *out,
			       struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	out->network_fs = db_on_network_fs(db);
	out->readonly = !check_writable(db_path(db));
	out->schema = db_schema_version(db);
	struct stat st;
	if (stat(db_path(db), &st) == 0)
		out->bytes = (long long)st.st_size;
	enum clerk_status rc = check_journal(db, out, err);
	if (!rc)
		rc = check_schema(db, out, err);
	if (!rc)
		rc = check_integrity(db, out, err);
	/* Foreign keys between tables that are not clerk's cannot be
	 * checked (SQLite refuses the check); the schema lines say why. */
	if (!rc && !out->tables_differ)
		rc = check_foreign_keys(db, out, err);
	if (!rc && !out->tables_differ)
		rc = check_search(db, out, err);
	if (rc)
		safety_report_free(out);
	return rc;
}

void safety_report_free(struct safety_report *r)
{
	free(r->journal_mode);
	sb_free(&r->details);
	memset(r, 0, sizeof *r);
}
