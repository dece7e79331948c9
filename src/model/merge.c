/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/merge: the SQL of `clerk merge` (see merge.h).
 *
 * The other file is ATTACHed read-only (a URI with mode=ro; refused if
 * SQLite did not honour it) as schema "other".  Tables are copied parents
 * first.  For each, the column list comes from PRAGMA table_info, so that a
 * column added by a later schema step is merged too; both files must be at
 * the same schema version.  Meetings are copied as drafts and given their
 * minutes state last, because the lock triggers refuse content under
 * confirmed minutes.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/merge.h"

/* Tables in the order their rows may refer to each other, with the
 * natural key a second copy under another id would collide on. */
static const struct {
	const char *table;
	const char *one, *noun; /* singular and plural, for the summary */
	const char *unique; /* "a, b" or NULL */
} tables[] = {
	{"council", "council", "councils", NULL},
	{"body", "body", "bodies", NULL},
	{"person", "person", "people", NULL},
	{"seat", "seat", "seats", NULL},
	{"membership", "membership", "memberships", NULL},
	{"substitute", "substitute nomination", "substitute nominations", NULL},
	{"meeting", "meeting", "meetings", NULL},
	{"absence_approval", "approved absence", "approved absences", NULL},
	{"agenda_item", "agenda item", "agenda items", NULL},
	{"event", "event", "events", "meeting_id, seq"},
	{"attendance", "attendance record", "attendance records", "meeting_id, person_id"},
	{"declaration", "declaration", "declarations", NULL},
	{"application", "planning application", "planning applications",
	 "item_id"},
	{"minute_text", "minute paragraph", "minute paragraphs", NULL},
	{"resolution", "resolution", "resolutions", NULL},
	{"vote", "vote", "votes", "resolution_id, person_id"},
	{"action", "action", "actions", NULL},
	{"correction", "correction", "corrections", NULL},
};

struct cols {
	char **v;
	size_t n;
};

static void cols_free(struct cols *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* Column names of main.table. */
static enum clerk_status table_cols(struct db *db, const char *table,
				    struct cols *out, struct clerk_err *err)
{
	char *sql = xasprintf("PRAGMA main.table_info(%s)", table);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_fail(db, err, "reading the tables");
	while (sqlite3_step(st) == SQLITE_ROW) {
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		out->v[out->n++] = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return CLERK_OK;
}

static enum clerk_status exec(struct db *db, const char *sql, int *changes,
			      struct clerk_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db_handle(db), sql, NULL, NULL, &msg) != SQLITE_OK) {
		enum clerk_status rc = clerk_fail(err, CLERK_DB,
						  "merging: %s",
						  msg ? msg : "SQL error");
		sqlite3_free(msg);
		return rc;
	}
	if (changes)
		*changes = sqlite3_changes(db_handle(db));
	return CLERK_OK;
}

static void add_conflict(struct merge_report *rep, const char *table,
			 const char *id, const char *what)
{
	rep->v = xrealloc(rep->v, (rep->n + 1) * sizeof *rep->v);
	rep->v[rep->n].table = xstrdup(table);
	rep->v[rep->n].id = xstrdup(id);
	rep->v[rep->n].what = xstrdup(what);
	rep->n++;
}

/* Rows with the same id and different content: one conflict each, naming
 * the columns that differ. */
static enum clerk_status find_changed(struct db *db, const char *table,
				      const struct cols *c,
				      struct merge_report *rep,
				      struct clerk_err *err)
{
	struct strbuf sql = {0}, same = {0};
	sb_add(&sql, "SELECT o.id");
	for (size_t i = 0; i < c->n; i++) {
		sb_addf(&sql, ", o.\"%s\" IS NOT m.\"%s\"", c->v[i], c->v[i]);
		sb_addf(&same, "%so.\"%s\" IS m.\"%s\"", i ? " AND " : "",
			c->v[i], c->v[i]);
	}
	sb_addf(&sql, " FROM other.\"%s\" o JOIN main.\"%s\" m ON m.id = o.id "
		      "WHERE NOT (%s)",
		table, table, sb_str(&same));
	sqlite3_stmt *st;
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_prepare_v2(db_handle(db), sb_str(&sql), -1, &st, NULL) !=
	    SQLITE_OK) {
		rc = db_fail(db, err, "comparing the files");
	} else {
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct strbuf what = {0};
			for (size_t i = 0; i < c->n; i++)
				if (sqlite3_column_int(st, (int)i + 1))
					sb_addf(&what, "%s%s",
						what.len ? ", " : "", c->v[i]);
			sb_add(&what, " differ");
			add_conflict(rep, table,
				     (const char *)sqlite3_column_text(st, 0),
				     sb_str(&what));
			sb_free(&what);
		}
		sqlite3_finalize(st);
	}
	sb_free(&sql);
	sb_free(&same);
	return rc;
}

/* New rows (id unknown here) that collide on the natural key with a row
 * already here: conflicts, and kept out of the copy via temp.merge_skip. */
static enum clerk_status find_collisions(struct db *db, const char *table,
					 const char *unique,
					 struct merge_report *rep,
					 struct clerk_err *err)
{
	struct strbuf on = {0};
	char *keys = xstrdup(unique);
	char *save = NULL;
	for (char *k = strtok_r(keys, ", ", &save); k;
	     k = strtok_r(NULL, ", ", &save))
		sb_addf(&on, "%sm.\"%s\" = o.\"%s\"", on.len ? " AND " : "", k, k);
	free(keys);
	char *sql = xasprintf(
		"SELECT o.id FROM other.\"%s\" o JOIN main.\"%s\" m ON %s "
		"WHERE NOT EXISTS (SELECT 1 FROM main.\"%s\" x WHERE x.id = o.id)",
		table, table, sb_str(&on), table);
	sb_free(&on);
	sqlite3_stmt *st;
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK) {
		rc = db_fail(db, err, "comparing the files");
	} else {
		sqlite3_stmt *ins = NULL;
		sqlite3_prepare_v2(db_handle(db),
				   "INSERT OR IGNORE INTO temp.merge_skip(id) "
				   "VALUES (?)",
				   -1, &ins, NULL);
		char *what = xasprintf("another record of the same %s is "
				       "already here (%s)",
				       strcmp(table, "event") == 0 ? "event"
								   : "thing",
				       unique);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *id = (const char *)sqlite3_column_text(st, 0);
			add_conflict(rep, table, id, what);
			sqlite3_bind_text(ins, 1, id, -1, SQLITE_TRANSIENT);
			sqlite3_step(ins);
			sqlite3_reset(ins);
		}
		free(what);
		sqlite3_finalize(ins);
		sqlite3_finalize(st);
	}
	free(sql);
	return rc;
}

/* Copy the rows of one table that this file lacks. */
static enum clerk_status copy_table(struct db *db, size_t t,
				    struct merge_report *rep,
				    struct strbuf *summary,
				    struct clerk_err *err)
{
	const char *table = tables[t].table;
	struct cols c = {0};
	enum clerk_status rc = table_cols(db, table, &c, err);
	if (!rc)
		rc = find_changed(db, table, &c, rep, err);
	if (!rc && tables[t].unique)
		rc = find_collisions(db, table, tables[t].unique, rep, err);
	struct strbuf list = {0}, sel = {0};
	for (size_t i = 0; i < c.n; i++) {
		sb_addf(&list, "%s\"%s\"", i ? ", " : "", c.v[i]);
		if (strcmp(table, "meeting") == 0 &&
		    strcmp(c.v[i], "minutes_state") == 0)
			sb_addf(&sel, "%s'draft'", i ? ", " : "");
		else
			sb_addf(&sel, "%so.\"%s\"", i ? ", " : "", c.v[i]);
	}
	int changes = 0;
	if (!rc) {
		char *sql = xasprintf(
			"INSERT INTO main.\"%s\" (%s) SELECT %s FROM other.\"%s\""
			" o WHERE NOT EXISTS (SELECT 1 FROM main.\"%s\" m WHERE "
			"m.id = o.id) AND o.id NOT IN (SELECT id FROM "
			"temp.merge_skip)",
			table, sb_str(&list), sb_str(&sel), table, table);
		if (strcmp(table, "meeting") == 0)
			rc = exec(db,
				  "INSERT INTO temp.merge_meetings SELECT o.id,"
				  " o.minutes_state FROM other.meeting o WHERE"
				  " NOT EXISTS (SELECT 1 FROM main.meeting m "
				  "WHERE m.id = o.id)",
				  NULL, err);
		if (!rc)
			rc = exec(db, sql, &changes, err);
		free(sql);
	}
	if (!rc && changes) {
		rep->added += changes;
		sb_addf(summary, "%s%d %s", summary->len ? ", " : "", changes,
			changes == 1 ? tables[t].one : tables[t].noun);
	}
	sb_free(&list);
	sb_free(&sel);
	cols_free(&c);
	return rc;
}

/* ATTACH path read-only as "other". */
static enum clerk_status attach(struct db *db, const char *path,
				struct clerk_err *err)
{
	struct strbuf uri = {0};
	sb_add(&uri, "file:");
	for (const char *s = path; *s; s++) {
		if (*s == '%' || *s == '?' || *s == '#')
			sb_addf(&uri, "%%%02X", (unsigned char)*s);
		else
			sb_addc(&uri, *s);
	}
	sb_add(&uri, "?mode=ro");
	sqlite3_stmt *st;
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_prepare_v2(db_handle(db), "ATTACH ? AS other", -1, &st,
			       NULL) != SQLITE_OK)
		rc = db_fail(db, err, "opening the other file");
	else {
		sqlite3_bind_text(st, 1, sb_str(&uri), -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = clerk_fail(err, CLERK_IO, "cannot open %s: %s",
					path, sqlite3_errmsg(db_handle(db)));
		sqlite3_finalize(st);
	}
	sb_free(&uri);
	if (!rc && sqlite3_db_readonly(db_handle(db), "other") != 1) {
		exec(db, "DETACH other", NULL, NULL);
		rc = clerk_fail(err, CLERK_IO,
				"cannot open %s read-only (this SQLite does not "
				"take URI file names)",
				path);
	}
	return rc;
}

/* The other file must be clerk's, at our schema version, and not us. */
static enum clerk_status check_other(struct db *db, const char *path,
				     struct clerk_err *err)
{
	struct db *other = NULL;
	enum clerk_status rc = db_open(path, DB_READONLY, &other, err);
	if (rc)
		return rc;
	int theirs = db_schema_version(other), ours = db_schema_version(db);
	db_close(&other);
	if (theirs != ours)
		return clerk_fail(err, CLERK_INVALID,
				  "%s is at schema version %d and this file at "
				  "%d: open both with this clerk first (it "
				  "upgrades them), then merge",
				  path, theirs, ours);
	char a[PATH_MAX], b[PATH_MAX];
	if (realpath(path, a) && realpath(db_path(db), b) && strcmp(a, b) == 0)
		return clerk_fail(err, CLERK_USAGE,
				  "%s is this file: nothing to merge", path);
	return CLERK_OK;
}

static enum clerk_status merge_all(struct db *db, struct merge_report *rep,
				   struct strbuf *summary,
				   struct clerk_err *err)
{
	enum clerk_status rc = exec(
		db,
		"CREATE TEMP TABLE IF NOT EXISTS merge_skip (id TEXT PRIMARY "
		"KEY); CREATE TEMP TABLE IF NOT EXISTS merge_meetings (id TEXT "
		"PRIMARY KEY, minutes_state TEXT); DELETE FROM merge_skip; "
		"DELETE FROM merge_meetings;",
		NULL, err);
	if (!rc)
		rc = db_begin(db, err);
	if (rc)
		return rc;
	for (size_t t = 0; !rc && t < sizeof tables / sizeof *tables; t++)
		rc = copy_table(db, t, rep, summary, err);
	if (!rc)
		rc = exec(db,
			  "UPDATE main.meeting SET minutes_state = (SELECT "
			  "minutes_state FROM temp.merge_meetings g WHERE g.id "
			  "= meeting.id) WHERE id IN (SELECT id FROM "
			  "temp.merge_meetings WHERE minutes_state <> 'draft')",
			  NULL, err);
	if (!rc)
		rc = db_commit(db, err);
	if (rc)
		db_rollback(db);
	return rc;
}

enum clerk_status merge_file(struct db *db, const char *other_path,
			     struct merge_report *rep, struct clerk_err *err)
{
	memset(rep, 0, sizeof *rep);
	if (db_is_readonly(db))
		return clerk_fail(err, CLERK_READONLY,
				  "%s is read-only: nothing can be merged into "
				  "it",
				  db_path(db));
	enum clerk_status rc = check_other(db, other_path, err);
	if (!rc)
		rc = attach(db, other_path, err);
	if (rc)
		return rc;
	struct strbuf summary = {0};
	rc = merge_all(db, rep, &summary, err);
	exec(db, "DETACH other", NULL, NULL);
	rep->summary = sb_detach(&summary);
	return rc;
}

void merge_report_free(struct merge_report *rep)
{
	for (size_t i = 0; i < rep->n; i++) {
		free(rep->v[i].table);
		free(rep->v[i].id);
		free(rep->v[i].what);
	}
	free(rep->v);
	free(rep->summary);
	memset(rep, 0, sizeof *rep);
}
