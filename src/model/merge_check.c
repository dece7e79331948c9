/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/merge_check: every value a file brings to `clerk merge` passes the
 * validation typed input passes, or nothing is merged (see merge.h).
 *
 * Found: merge let in invalid UTF-8 that the command line refuses.  The
 * other file's schema is already known to be clerk's (db_open compares
 * it), so its tables are clerk's own; each of their rows is read once.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/merge.h"
#include "clerk/safety.h"
#include "model_private.h"

/* Tables whose rows merge never copies: the audit of the other file, and
 * the full-text index, which this file's triggers rebuild. */
static bool not_merged(const char *table)
{
	return strcmp(table, "audit") == 0 ||
	       strncmp(table, "search_", 7) == 0;
}

/* Why one value is refused, or NULL: what typed input may not be (see
 * model_check_text and body_check) may not come in by merge either. */
static const char *value_fault(sqlite3_stmt *st, int col, const char *table)
{
	int type = sqlite3_column_type(st, col);
	if (type == SQLITE_BLOB)
		return "is binary data, not text";
	if (type != SQLITE_TEXT)
		return NULL;
	const char *t = (const char *)sqlite3_column_text(st, col);
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	if (!t)
		return NULL;
	if (strlen(t) != n)
		return "holds a NUL byte";
	if (!utf8_valid(t, n))
		return "is not valid UTF-8 text";
	const char *name = sqlite3_column_name(st, col);
	size_t len = strlen(name);
	bool is_id = strcmp(name, "id") == 0 ||
		     (len > 3 && strcmp(name + len - 3, "_id") == 0);
	if (is_id && *t && !db_is_uuid(t))
		return "is not an id clerk makes (a UUID)";
	/* The signed minutes are whole documents, kept as signed; every
	 * other text is one typed field. */
	if (n > MODEL_TEXT_MAX && strcmp(table, "signed_minutes") != 0)
		return "is longer than the 256 KB one text may hold";
	if (strcmp(table, "body") == 0 && strcmp(name, "style") == 0 &&
	    strchr(t, '/'))
		return "is a path, not a house style's name";
	return NULL;
}

/* Check every value of one table. */
static enum clerk_status check_table(struct db *other, const char *table,
				     struct clerk_err *err)
{
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", table);
	sqlite3_stmt *st = NULL;
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_prepare_v2(db_handle(other), sql, -1, &st, NULL) !=
	    SQLITE_OK)
		rc = db_fail(other, err, "reading the other file");
	sqlite3_free(sql);
	int step = SQLITE_DONE;
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int ncols = sqlite3_column_count(st);
		for (int col = 0; col < ncols && !rc; col++) {
			const char *why = value_fault(st, col, table);
			if (!why)
				continue;
			const char *id = ncols && strcmp(sqlite3_column_name(st, 0),
							 "id") == 0
						 ? (const char *)sqlite3_column_text(st, 0)
						 : NULL;
			char *safe = utf8_sanitize(id ? id : "?");
			rc = clerk_fail(err, CLERK_INVALID,
					"%s: the %s of %s row %s %s: nothing was "
					"merged",
					db_path(other), sqlite3_column_name(st, col),
					table, safe, why);
			free(safe);
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_fail(other, err, "reading the other file");
	sqlite3_finalize(st);
	return rc;
}

enum clerk_status merge_check_values(struct db *other, struct clerk_err *err)
{
	sqlite3_stmt *list = NULL;
	if (sqlite3_prepare_v2(db_handle(other),
			       "SELECT name FROM sqlite_schema WHERE type = "
			       "'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' "
			       "ORDER BY name",
			       -1, &list, NULL) != SQLITE_OK)
		return db_fail(other, err, "reading the other file");
	enum clerk_status rc = CLERK_OK;
	int step;
	while (!rc && (step = sqlite3_step(list)) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(list, 0);
		if (!not_merged(table))
			rc = check_table(other, table, err);
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_fail(other, err, "reading the other file");
	sqlite3_finalize(list);
	return rc;
}

/* The work a merge may take: reading and copying every row of a file, a
 * few lookups a row, is well under this per page; a file that needs more
 * (none can, with its schema checked: no views, no triggers of its own)
 * is stopped rather than left to hang or amplify. */
#define MERGE_WORK_BASE 50000000LL
#define MERGE_WORK_PER_PAGE 200000LL

long long merge_work_limit(struct db *db)
{
	long long pages = db_page_count(db);
	return MERGE_WORK_BASE + (pages > 0 ? pages : 0) * MERGE_WORK_PER_PAGE;
}

/* The first line of a check's details, without its newline. */
static char *first_problem(const struct safety_report *r)
{
	const char *d = sb_str(&r->details);
	return xstrndup(d, strcspn(d, "\n"));
}

enum clerk_status merge_check_file(const char *path, long long *work,
				   struct clerk_err *err)
{
	struct db *other = NULL;
	enum clerk_status rc = db_open(path, DB_READONLY, &other, err);
	if (rc)
		return rc;
	*work = merge_work_limit(other);
	db_limit_work(other, *work);
	char *safe = utf8_sanitize(path);
	struct safety_report r = {0};
	if (db_repair_reason(other)) {
		rc = clerk_fail(err, CLERK_FOREIGN,
				"%s cannot be merged: %s (without clerk's own "
				"triggers its confirmed minutes may have been "
				"changed); nothing was merged",
				safe, db_repair_reason(other));
	} else if ((rc = safety_check(other, &r, err))) {
		/* err says why */
	} else if (r.problems) {
		char *first = first_problem(&r);
		rc = clerk_fail(err, CLERK_FOREIGN,
				"%s is not sound (%d problem%s; the first: %s): "
				"nothing was merged; 'clerk --db %s check' lists "
				"them",
				safe, r.problems, r.problems == 1 ? "" : "s",
				first, safe);
		free(first);
	} else {
		rc = merge_check_values(other, err);
	}
	safety_report_free(&r);
	free(safe);
	db_close(&other);
	return rc;
}
