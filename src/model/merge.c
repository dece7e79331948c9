/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/merge: the SQL of `clerk merge` (see merge.h).
 *
 * The other file is ATTACHed read-only (a URI with mode=ro; refused if
 * SQLite did not honour it) as schema "other", and each of its tables is
 * copied into a temporary table temp.o_TABLE.  Records there that are the
 * same thing as a record here under another id are matched, parents first
 * (a council by name, a body by council and name, ...): temp.merge_map
 * pairs the other file's id with this file's, and every id and reference
 * in the temporary copies is rewritten through it.  From then on a matched
 * record is simply "the same id in both files": identical, or a conflict.
 *
 * A meeting's state only moves forward (scheduled, in progress or
 * adjourned, closed, confirmed): where the two files disagree, the record
 * of the file that went further is kept whole (its attendance, events,
 * agenda and minutes), the other's dropped.  Minutes confirmed here are
 * never touched.  Tables are then copied parents first; for each, the
 * column list comes from PRAGMA table_info, so that a column added by a
 * later schema step is merged too; both files must be at the same schema
 * version.  Meetings are copied as drafts and given their minutes state
 * (and signed record) last, because the lock triggers refuse content under
 * confirmed minutes.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clerk/merge.h"

/* Tables in the order their rows may refer to each other, with the
 * natural key a second copy under another id would collide on, and how a
 * record of the other file is matched to one here (SQL over o, the other
 * file's row with its references already rewritten, and m, this file's);
 * NULL: never matched. */
static const struct {
	const char *table;
	const char *one, *noun; /* singular and plural, for the summary */
	const char *unique;     /* "a, b" or NULL */
	const char *match;
	const char *match2; /* then, for the rest: a looser key, or NULL */
	const char *by;     /* how it was matched, for the report */
	bool named;     /* each match reported by name */
} tables[] = {
	{"council", "council", "councils", NULL, "m.name = o.name", NULL, "name",
	 true},
	{"body", "body", "bodies", NULL,
	 "m.council_id = o.council_id AND m.name = o.name", NULL,
	 "council and name",
	 true},
	{"person", "person", "people", NULL,
	 "m.name = o.name AND m.organisation = o.organisation", NULL,
	 "name and organisation", true},
	{"seat", "seat", "seats", NULL,
	 "m.body_id = o.body_id AND m.label = o.label AND m.position = o.position",
	 "m.body_id = o.body_id AND m.label = o.label", "body and name", true},
	{"membership", "membership", "memberships", NULL,
	 "m.seat_id = o.seat_id AND m.person_id = o.person_id AND "
	 "m.from_date = o.from_date",
	 NULL, NULL, false},
	{"substitute", "substitute nomination", "substitute nominations", NULL,
	 "m.seat_id = o.seat_id AND m.person_id = o.person_id AND "
	 "m.from_date = o.from_date",
	 NULL, NULL, false},
	{"meeting", "meeting", "meetings", NULL,
	 "m.body_id = o.body_id AND m.starts_at = o.starts_at", NULL,
	 "body and start", true},
	{"absence_approval", "approved absence", "approved absences", NULL,
	 "m.person_id = o.person_id AND m.approved_at = o.approved_at AND "
	 "m.until = o.until",
	 NULL, NULL, false},
	{"agenda_item", "agenda item", "agenda items", NULL,
	 "m.meeting_id = o.meeting_id AND m.number = o.number AND "
	 "(o.number <> '' OR m.title = o.title)",
	 NULL, "meeting and number", false},
	{"event", "event", "events", "meeting_id, seq",
	 "m.meeting_id = o.meeting_id AND m.seq = o.seq", NULL, NULL, false},
	{"attendance", "attendance record", "attendance records",
	 "meeting_id, person_id",
	 "m.meeting_id = o.meeting_id AND m.person_id = o.person_id", NULL,
	 NULL, false},
	{"declaration", "declaration", "declarations", NULL,
	 "m.meeting_id = o.meeting_id AND m.item_id IS o.item_id AND "
	 "m.person_id = o.person_id AND m.kind = o.kind",
	 NULL, NULL, false},
	{"application", "planning application", "planning applications",
	 "item_id", "m.item_id = o.item_id", NULL, NULL, false},
	{"minute_text", "minute paragraph", "minute paragraphs", NULL,
	 "m.item_id = o.item_id AND m.section = o.section AND "
	 "m.position = o.position",
	 NULL, NULL, false},
	{"resolution", "resolution", "resolutions", NULL,
	 "m.item_id = o.item_id AND m.position = o.position", NULL, NULL, false},
	{"vote", "vote", "votes", "resolution_id, person_id",
	 "m.resolution_id = o.resolution_id AND m.person_id = o.person_id",
	 NULL, NULL, false},
	{"action", "action", "actions", NULL,
	 "m.meeting_id = o.meeting_id AND m.resolution_id IS o.resolution_id "
	 "AND m.body = o.body",
	 NULL, NULL, false},
	{"correction", "correction", "corrections", NULL,
	 "m.meeting_id = o.meeting_id AND m.at = o.at", NULL, NULL, false},
};
#define NTABLES (sizeof tables / sizeof *tables)

/* Tables without an id of their own, copied with their meeting or body. */
static const char *const extra_tables[] = {"signed_minutes", "body_ended"};
#define NEXTRA (sizeof extra_tables / sizeof *extra_tables)

static const char *table_name(size_t t)
{
	return t < NTABLES ? tables[t].table : extra_tables[t - NTABLES];
}

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

static void cols_push(struct cols *c, const char *s)
{
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n++] = xstrdup(s);
}

/* Column names (col 1 of PRAGMA table_info) or referring columns (col 3
 * of PRAGMA foreign_key_list) of main.table. */
static enum clerk_status pragma_cols(struct db *db, const char *pragma,
				     int col, const char *table,
				     struct cols *out, struct clerk_err *err)
{
	char *sql = xasprintf("PRAGMA main.%s(%s)", pragma, table);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_fail(db, err, "reading the tables");
	while (sqlite3_step(st) == SQLITE_ROW)
		cols_push(out, (const char *)sqlite3_column_text(st, col));
	sqlite3_finalize(st);
	return CLERK_OK;
}

static enum clerk_status table_cols(struct db *db, const char *table,
				    struct cols *out, struct clerk_err *err)
{
	return pragma_cols(db, "table_info", 1, table, out, err);
}

static bool has_col(const struct cols *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i], name) == 0)
			return true;
	return false;
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

/* exec() of a statement built like printf. */
static enum clerk_status execf(struct db *db, int *changes,
			       struct clerk_err *err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static enum clerk_status execf(struct db *db, int *changes,
			       struct clerk_err *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct strbuf sql = {0};
	sb_vaddf(&sql, fmt, ap);
	va_end(ap);
	enum clerk_status rc = exec(db, sb_str(&sql), changes, err);
	sb_free(&sql);
	return rc;
}

/* sql prepared with its only datum, ?1, the id given (bound, never
 * formatted into the SQL); NULL when it cannot be prepared.  The caller
 * finalizes it. */
static sqlite3_stmt *stmt_id(struct db *db, const char *sql, const char *id)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	return st;
}

/* Run one statement whose only datum, ?1, is the id given. */
static enum clerk_status exec_id(struct db *db, const char *sql, const char *id,
				 struct clerk_err *err)
{
	sqlite3_stmt *st = stmt_id(db, sql, id);
	enum clerk_status rc = CLERK_OK;
	if (!st || sqlite3_step(st) != SQLITE_DONE)
		rc = clerk_fail(err, CLERK_DB, "merging: %s",
				sqlite3_errmsg(db_handle(db)));
	sqlite3_finalize(st);
	return rc;
}

/* Whether changes to main.table are audited by clerk's triggers (the
 * connection's own since schema step 12: db_prepare_writes made them). */
static bool audited(struct db *db, const char *table)
{
	char *name = xasprintf("audit_%s_u", table);
	sqlite3_stmt *st =
		stmt_id(db,
			"SELECT 1 FROM temp.sqlite_master WHERE type = "
			"'trigger' AND name = ?1",
			name);
	bool yes = st && sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	free(name);
	return yes;
}

/* The first column of the first row of sql with ?1 = a, or NULL. */
static char *query_text(struct db *db, const char *sql, const char *a)
{
	sqlite3_stmt *st = stmt_id(db, sql, a);
	char *out = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void push(char ***v, size_t *n, char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

/* "the meeting of 5 Oct 2017 (Health and Wellbeing Board)". */
static char *meeting_label(struct db *db, const char *meeting_id)
{
	sqlite3_stmt *st =
		stmt_id(db,
			"SELECT m.starts_at, coalesce(b.tz, "
			"'Europe/London'), coalesce(b.name, '?') FROM "
			"main.meeting m LEFT JOIN main.body b ON b.id = "
			"m.body_id WHERE m.id = ?1",
			meeting_id);
	char *out = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		time_t t = 0;
		char day[64] = "";
		const char *tz = (const char *)sqlite3_column_text(st, 1);
		if (time_parse_utc((const char *)sqlite3_column_text(st, 0),
				   &t))
			time_format_local(t, tz, "%e %b %Y", day, sizeof day);
		out = xasprintf("the meeting of %s (%s)",
				day[0] == ' ' ? day + 1 : day,
				(const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	return out ? out : xasprintf("meeting %s", meeting_id);
}

/* What a clerk calls a row of this file (it exists here): a person by
 * name, an item by its meeting's date and its number and title, etc. */
static char *row_label(struct db *db, size_t t, const char *id)
{
	const char *table = tables[t].table;
	char *s = NULL, *name = NULL, *sql = NULL;
	if (strcmp(table, "council") == 0 || strcmp(table, "body") == 0) {
		sql = xasprintf("SELECT name FROM main.%s WHERE id = ?1", table);
		name = query_text(db, sql, id);
	} else if (strcmp(table, "person") == 0) {
		name = query_text(db,
				  "SELECT trim(honorific || ' ' || name) || "
				  "CASE WHEN organisation <> '' THEN ' (' || "
				  "organisation || ')' ELSE '' END FROM "
				  "main.person WHERE id = ?1",
				  id);
	} else if (strcmp(table, "seat") == 0) {
		name = query_text(db,
				  "SELECT s.label || ', on the ' || b.name FROM "
				  "main.seat s JOIN main.body b ON b.id = "
				  "s.body_id WHERE s.id = ?1",
				  id);
	} else if (strcmp(table, "membership") == 0 ||
		   strcmp(table, "substitute") == 0 ||
		   strcmp(table, "absence_approval") == 0) {
		sql = xasprintf("SELECT 'of ' || trim(p.honorific || ' ' || "
				"p.name) FROM main.%s r JOIN main.person p ON "
				"p.id = r.person_id WHERE r.id = ?1",
				table);
		name = query_text(db, sql, id);
	}
	if (sql || name) {
		s = xasprintf("%s %s", tables[t].one, name ? name : id);
		free(sql);
		free(name);
		return s;
	}
	if (strcmp(table, "meeting") == 0)
		return meeting_label(db, id);
	/* The rest belong to a meeting, most to an item of it. */
	sql = xasprintf("SELECT meeting_id FROM main.%s WHERE id = ?1", table);
	char *meeting = query_text(db, sql, id);
	free(sql);
	char *item = NULL;
	struct cols c = {0};
	struct clerk_err err = {0};
	if (strcmp(table, "agenda_item") == 0) {
		item = xstrdup(id);
	} else if (!table_cols(db, table, &c, &err) && has_col(&c, "item_id")) {
		sql = xasprintf("SELECT item_id FROM main.%s WHERE id = ?1",
				table);
		item = query_text(db, sql, id);
		free(sql);
	} else if (has_col(&c, "resolution_id")) {
		sql = xasprintf("SELECT r.item_id FROM main.%s v JOIN "
				"main.resolution r ON r.id = v.resolution_id "
				"WHERE v.id = ?1",
				table);
		item = query_text(db, sql, id);
		free(sql);
	}
	cols_free(&c);
	char *ml = meeting ? meeting_label(db, meeting) : xstrdup("a meeting");
	char *il = item ? query_text(db,
				     "SELECT 'item ' || CASE WHEN number <> '' "
				     "THEN rtrim(number, '.') || ' ' ELSE '' "
				     "END || title FROM main.agenda_item WHERE "
				     "id = ?1",
				     item)
			: NULL;
	if (strcmp(table, "agenda_item") == 0)
		s = xasprintf("%s, %s", ml, il ? il : id);
	else if (il)
		s = xasprintf("%s, %s: %s", ml, il, tables[t].one);
	else
		s = xasprintf("%s: %s", ml, tables[t].one);
	free(ml);
	free(il);
	free(item);
	free(meeting);
	return s;
}

static struct merge_conflict *add_conflict(struct merge_report *rep,
					   const char *table, const char *id,
					   const char *what, char *label)
{
	rep->v = xrealloc(rep->v, (rep->n + 1) * sizeof *rep->v);
	struct merge_conflict *c = &rep->v[rep->n++];
	memset(c, 0, sizeof *c);
	c->table = xstrdup(table);
	c->id = xstrdup(id);
	c->what = xstrdup(what);
	c->label = label;
	return c;
}

static char *col_or_empty(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return xstrdup(t ? (const char *)t : "");
}

/* Rows with the same id and different content: one conflict each, naming
 * the columns that differ, with both versions. */
static enum clerk_status find_changed(struct db *db, size_t t,
				      const struct cols *c,
				      struct merge_report *rep,
				      struct clerk_err *err)
{
	const char *table = tables[t].table;
	struct strbuf sql = {0}, same = {0};
	sb_add(&sql, "SELECT o.id");
	for (size_t i = 0; i < c->n; i++) {
		sb_addf(&sql, ", o.\"%s\" IS NOT m.\"%s\", m.\"%s\", o.\"%s\"",
			c->v[i], c->v[i], c->v[i], c->v[i]);
		sb_addf(&same, "%so.\"%s\" IS m.\"%s\"", i ? " AND " : "",
			c->v[i], c->v[i]);
	}
	sb_addf(&sql,
		" FROM temp.\"o_%s\" o JOIN main.\"%s\" m ON m.id = o.id "
		"WHERE NOT (%s) AND o.id NOT IN (SELECT id FROM "
		"temp.merge_take) ORDER BY o.rowid",
		table, table, sb_str(&same));
	sqlite3_stmt *st;
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_prepare_v2(db_handle(db), sb_str(&sql), -1, &st, NULL) !=
	    SQLITE_OK) {
		rc = db_fail(db, err, "comparing the files");
	} else {
		while (sqlite3_step(st) == SQLITE_ROW) {
			struct strbuf what = {0};
			const char *id = (const char *)sqlite3_column_text(st, 0);
			struct merge_conflict *k =
				add_conflict(rep, table, id, "", row_label(db, t, id));
			for (size_t i = 0; i < c->n; i++) {
				int base = 1 + 3 * (int)i;
				if (!sqlite3_column_int(st, base))
					continue;
				sb_addf(&what, "%s%s", what.len ? ", " : "",
					c->v[i]);
				k->d = xrealloc(k->d, (k->nd + 1) * sizeof *k->d);
				k->d[k->nd].col = xstrdup(c->v[i]);
				k->d[k->nd].ours = col_or_empty(st, base + 1);
				k->d[k->nd].theirs = col_or_empty(st, base + 2);
				k->nd++;
			}
			sb_add(&what, k->nd == 1 ? " differs" : " differ");
			free(k->what);
			k->what = sb_detach(&what);
		}
		sqlite3_finalize(st);
	}
	sb_free(&sql);
	sb_free(&same);
	return rc;
}

/* Settle conflicts rep->v[first..]: theirs is written over this file's row
 * (the audit triggers record it, or where a table has none, a row written
 * here: old this file's version, new the other's); ours is kept, and the
 * audit records the version set aside (old: the other file's, new: this
 * file's).  Table and column names come from clerk's own schema; the id
 * is bound. */
static enum clerk_status settle(struct db *db, const char *table,
				enum merge_take take, struct merge_report *rep,
				size_t first, struct clerk_err *err)
{
	enum clerk_status rc = CLERK_OK;
	bool by_trigger = audited(db, table);
	for (size_t i = first; !rc && i < rep->n; i++) {
		struct merge_conflict *k = &rep->v[i];
		if (!k->nd)
			continue;
		struct strbuf set = {0}, ours = {0}, theirs = {0};
		for (size_t j = 0; j < k->nd; j++) {
			sb_addf(&set, "%s\"%s\" = (SELECT o.\"%s\" FROM "
				      "temp.\"o_%s\" o WHERE o.id = main.\"%s\".id)",
				j ? ", " : "", k->d[j].col, k->d[j].col, table,
				table);
			sb_addf(&ours, "%s'%s', m.\"%s\"", j ? ", " : "",
				k->d[j].col, k->d[j].col);
			sb_addf(&theirs, "%s'%s', o.\"%s\"", j ? ", " : "",
				k->d[j].col, k->d[j].col);
		}
		bool take_theirs = take == MERGE_TAKE_THEIRS;
		if (!take_theirs || !by_trigger) {
			char *sql = xasprintf(
				"INSERT INTO main.audit(at, tbl, row_id, op, old, "
				"new, who) SELECT clerk_now(), '%s', m.id, "
				"'update', json_object(%s), json_object(%s), "
				"clerk_user() || ' (merge: %s)' FROM main.\"%s\" m "
				"JOIN temp.\"o_%s\" o ON o.id = m.id WHERE m.id = ?1",
				table, take_theirs ? sb_str(&ours) : sb_str(&theirs),
				take_theirs ? sb_str(&theirs) : sb_str(&ours),
				take_theirs ? "the other file''s version taken"
					    : "this file''s version kept",
				table, table);
			rc = exec_id(db, sql, k->id, err);
			free(sql);
		}
		if (!rc && take_theirs) {
			char *sql = xasprintf("UPDATE main.\"%s\" SET %s WHERE "
					      "id = ?1",
					      table, sb_str(&set));
			rc = exec_id(db, sql, k->id, err);
			free(sql);
		}
		sb_free(&set);
		sb_free(&ours);
		sb_free(&theirs);
		if (!rc)
			rep->settled++;
	}
	return rc;
}

/* New rows (id unknown here) that collide on the natural key with a row
 * already here: conflicts, and kept out of the copy via temp.merge_skip. */
static enum clerk_status find_collisions(struct db *db, size_t t,
					 struct merge_report *rep,
					 struct clerk_err *err)
{
	const char *table = tables[t].table, *unique = tables[t].unique;
	struct strbuf on = {0};
	char *keys = xstrdup(unique);
	char *save = NULL;
	for (char *k = strtok_r(keys, ", ", &save); k;
	     k = strtok_r(NULL, ", ", &save))
		sb_addf(&on, "%sm.\"%s\" = o.\"%s\"", on.len ? " AND " : "", k, k);
	free(keys);
	char *sql = xasprintf(
		"SELECT o.id, m.id FROM temp.\"o_%s\" o JOIN main.\"%s\" m ON %s "
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
			const char *here = (const char *)sqlite3_column_text(st, 1);
			add_conflict(rep, table, id, what, row_label(db, t, here));
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
				    const struct merge_options *opt,
				    struct merge_report *rep,
				    struct strbuf *summary,
				    struct clerk_err *err)
{
	const char *table = tables[t].table;
	struct cols c = {0};
	enum clerk_status rc = table_cols(db, table, &c, err);
	size_t first = rep->n;
	if (!rc)
		rc = find_changed(db, t, &c, rep, err);
	size_t changed_end = rep->n;
	if (!rc && tables[t].unique)
		rc = find_collisions(db, t, rep, err);
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
	if (!rc && strcmp(table, "meeting") == 0)
		rc = exec(db,
			  "INSERT INTO temp.merge_meetings SELECT o.id,"
			  " o.minutes_state FROM temp.o_meeting o WHERE"
			  " NOT EXISTS (SELECT 1 FROM main.meeting m "
			  "WHERE m.id = o.id)",
			  NULL, err);
	if (!rc)
		rc = execf(db, &changes, err,
			   "INSERT INTO main.\"%s\" (%s) SELECT %s FROM "
			   "temp.\"o_%s\" o WHERE NOT EXISTS (SELECT 1 "
			   "FROM main.\"%s\" m WHERE m.id = o.id) AND "
			   "o.id NOT IN (SELECT id FROM temp.merge_skip) "
			   "ORDER BY o.rowid",
			   table, sb_str(&list), sb_str(&sel), table, table);
	/* Settled after the copy: theirs may refer to a row just copied. */
	if (!rc && opt->take != MERGE_TAKE_NONE && changed_end > first) {
		struct merge_report tmp = {0};
		tmp.v = rep->v;
		tmp.n = changed_end;
		rc = settle(db, table, opt->take, &tmp, first, err);
		rep->settled += tmp.settled;
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

/* Rewrite the references of temp.o_TABLE (and with ids, its own ids)
 * through temp.merge_map. */
static enum clerk_status rewrite(struct db *db, const char *table, bool ids,
				 struct clerk_err *err)
{
	struct cols refs = {0};
	enum clerk_status rc =
		pragma_cols(db, "foreign_key_list", 3, table, &refs, err);
	if (ids && !rc)
		cols_push(&refs, "id");
	for (size_t i = 0; !rc && i < refs.n; i++)
		rc = execf(db, NULL, err,
			   "UPDATE temp.\"o_%1$s\" SET \"%2$s\" = (SELECT "
			   "main_id FROM temp.merge_map WHERE other_id = "
			   "\"o_%1$s\".\"%2$s\") WHERE \"%2$s\" IN (SELECT "
			   "other_id FROM temp.merge_map)",
			   table, refs.v[i]);
	cols_free(&refs);
	return rc;
}

/* Match the rows of temp.o_TABLE (references already rewritten) that are
 * a row here under another id, and not yet matched: one to one only. */
static enum clerk_status match_by(struct db *db, size_t t, const char *on,
				  struct clerk_err *err)
{
	return execf(
		db, NULL, err,
		"WITH c AS (SELECT o.id AS oid, m.id AS mid FROM "
		"temp.\"o_%1$s\" o JOIN main.\"%1$s\" m ON %2$s WHERE NOT "
		"EXISTS (SELECT 1 FROM main.\"%1$s\" x WHERE x.id = o.id) AND "
		"NOT EXISTS (SELECT 1 FROM temp.\"o_%1$s\" y WHERE y.id = m.id)"
		" AND o.id NOT IN (SELECT other_id FROM temp.merge_map) AND "
		"m.id NOT IN (SELECT main_id FROM temp.merge_map)"
		"), u AS (SELECT oid, min(mid) AS mid FROM c GROUP BY oid HAVING "
		"count(*) = 1) INSERT INTO temp.merge_map(other_id, main_id, tbl)"
		" SELECT oid, mid, '%1$s' FROM u WHERE mid NOT IN (SELECT mid "
		"FROM u GROUP BY mid HAVING count(*) > 1)",
		tables[t].table, on);
}

static enum clerk_status match_table(struct db *db, size_t t,
				     struct clerk_err *err)
{
	enum clerk_status rc = CLERK_OK;
	if (tables[t].match)
		rc = match_by(db, t, tables[t].match, err);
	if (!rc && tables[t].match2)
		rc = match_by(db, t, tables[t].match2, err);
	return rc;
}

/* Report the matches: named ones each, the rest counted.  With no_match
 * each named one is a conflict instead, and nothing is written. */
static enum clerk_status report_matches(struct db *db,
					const struct merge_options *opt,
					struct merge_report *rep,
					struct clerk_err *err)
{
	int rest = 0;
	for (size_t t = 0; t < NTABLES; t++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db_handle(db),
				       "SELECT other_id, main_id FROM "
				       "temp.merge_map WHERE tbl = ?1 ORDER BY "
				       "rowid",
				       -1, &st, NULL) != SQLITE_OK)
			return db_fail(db, err, "matching records");
		sqlite3_bind_text(st, 1, tables[t].table, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *oid = (const char *)sqlite3_column_text(st, 0);
			const char *mid = (const char *)sqlite3_column_text(st, 1);
			rep->matched++;
			if (!tables[t].named) {
				rest++;
				continue;
			}
			char *label = row_label(db, t, mid);
			if (opt->no_match) {
				char *what = xasprintf(
					"the same %s as this file's under "
					"another id (same %s), not matched "
					"(--no-match)",
					tables[t].one, tables[t].by);
				add_conflict(rep, tables[t].table, oid, what,
					     label);
				free(what);
			} else {
				push(&rep->notes, &rep->nnotes,
				     xasprintf("Matched %s (same %s).", label,
					       tables[t].by));
				free(label);
			}
		}
		sqlite3_finalize(st);
	}
	if (rest && !opt->no_match)
		push(&rep->notes, &rep->nnotes,
		     xasprintf("Matched %d more record%s under them: agenda "
			       "items by meeting and number, memberships, "
			       "attendance, events and minutes by their "
			       "place.",
			       rest, rest == 1 ? "" : "s"));
	if (opt->no_match && rep->matched)
		rep->refused = true;
	return CLERK_OK;
}

/* A meeting's place on its way: scheduled 0, running 1, closed 2,
 * confirmed 3; NULL for cancelled (not ranked). */
#define RANK(a)                                                                \
	"CASE WHEN " a ".minutes_state = 'confirmed' THEN 3 WHEN " a           \
	".status = 'closed' THEN 2 WHEN " a ".status IN ('in progress', "      \
	"'adjourned') THEN 1 WHEN " a ".status = 'scheduled' THEN 0 END"

static const char *rank_word(int r)
{
	static const char *const w[] = {"scheduled", "in progress", "held",
					"confirmed"};
	return r >= 0 && r <= 3 ? w[r] : "?";
}

/* Delete the record of meeting id, here (main) or in the other file's
 * copies: every row of its attendance, events, agenda and minutes,
 * children first, and its actions. */
static enum clerk_status drop_record(struct db *db, bool theirs,
				     const char *id, struct clerk_err *err)
{
	static const char *const order[] = {
		"vote",        "action",     "application", "minute_text",
		"declaration", "resolution", "attendance",  "event",
		"agenda_item",
	};
	enum clerk_status rc = CLERK_OK;
	for (size_t i = 0; !rc && i < sizeof order / sizeof *order; i++) {
		char *sql = xasprintf("DELETE FROM %s%s WHERE meeting_id = ?1",
				      theirs ? "temp.o_" : "main.", order[i]);
		rc = exec_id(db, sql, id, err);
		free(sql);
	}
	if (!rc && theirs)
		rc = exec_id(db, "DELETE FROM temp.o_meeting WHERE id = ?1", id,
			     err);
	if (!rc && theirs)
		rc = exec_id(db,
			     "DELETE FROM temp.o_signed_minutes WHERE "
			     "meeting_id = ?1",
			     id, err);
	return rc;
}

/* Where a meeting is in both files in different states, the further
 * state's record wins; minutes confirmed here are never changed. */
static enum clerk_status forward_states(struct db *db, const char *other,
					struct merge_report *rep,
					struct clerk_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(
		    db_handle(db),
		    "SELECT m.id, " RANK("m") ", " RANK("o") ", "
		    "(SELECT digest FROM main.signed_minutes WHERE meeting_id = "
		    "m.id) IS NOT (SELECT digest FROM temp.o_signed_minutes "
		    "WHERE meeting_id = m.id) FROM main.meeting m JOIN "
		    "temp.o_meeting o ON o.id = m.id ORDER BY m.starts_at",
		    -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, "comparing the meetings");
	enum clerk_status rc = CLERK_OK;
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 1) == SQLITE_NULL ||
		    sqlite3_column_type(st, 2) == SQLITE_NULL)
			continue; /* cancelled in one: compared as any row */
		char *id = xstrdup((const char *)sqlite3_column_text(st, 0));
		int ours = sqlite3_column_int(st, 1),
		    theirs = sqlite3_column_int(st, 2);
		bool signed_differ = sqlite3_column_int(st, 3);
		char *label = meeting_label(db, id);
		if (ours == 3) {
			/* Confirmed here: the signed record wins. */
			if (theirs < 3 || signed_differ)
				push(&rep->warnings, &rep->nwarnings,
				     xasprintf(
					     "the minutes of %s are confirmed "
					     "and signed in this file (%s in "
					     "%s): a merge never changes "
					     "confirmed minutes, so the signed "
					     "record is kept and the other "
					     "file's record of that meeting is "
					     "not merged",
					     label,
					     theirs == 3 ? "signed differently"
							 : rank_word(theirs),
					     other));
			rc = drop_record(db, true, id, err);
		} else if (ours > theirs) {
			push(&rep->notes, &rep->nnotes,
			     xasprintf("Kept this file's record of %s: %s here, "
				       "%s in %s (a meeting's state only moves "
				       "forward).",
				       label, rank_word(ours), rank_word(theirs),
				       other));
			rc = drop_record(db, true, id, err);
		} else if (theirs > ours) {
			push(&rep->notes, &rep->nnotes,
			     xasprintf("Took %s's record of %s, with its "
				       "attendance and business: %s there, %s "
				       "here (a meeting's state only moves "
				       "forward).",
				       other, label, rank_word(theirs),
				       rank_word(ours)));
			rc = exec_id(db,
				     "INSERT INTO temp.merge_take(id) VALUES "
				     "(?1)",
				     id, err);
			if (!rc)
				rc = exec_id(db,
					     "INSERT OR REPLACE INTO "
					     "temp.merge_meetings SELECT id, "
					     "minutes_state FROM temp.o_meeting "
					     "WHERE id = ?1",
					     id, err);
			if (!rc)
				rc = drop_record(db, false, id, err);
		}
		free(label);
		free(id);
	}
	sqlite3_finalize(st);
	/* Actions whose resolution is in neither file now stay out. */
	if (!rc)
		rc = exec(db,
			  "DELETE FROM temp.o_action WHERE resolution_id IS NOT "
			  "NULL AND resolution_id NOT IN (SELECT id FROM "
			  "main.resolution UNION SELECT id FROM "
			  "temp.o_resolution)",
			  NULL, err);
	return rc;
}

/* The meetings whose record came from the other file take its row, then
 * every copied meeting its minutes state and signed record; bodies ended
 * there are ended here. */
static enum clerk_status finish_meetings(struct db *db,
					 struct clerk_err *err)
{
	struct cols c = {0};
	enum clerk_status rc = table_cols(db, "meeting", &c, err);
	struct strbuf names = {0}, vals = {0};
	for (size_t i = 0; i < c.n; i++) {
		if (strcmp(c.v[i], "id") == 0 ||
		    strcmp(c.v[i], "minutes_state") == 0)
			continue;
		sb_addf(&names, "%s\"%s\"", names.len ? ", " : "", c.v[i]);
		sb_addf(&vals, "%so.\"%s\"", vals.len ? ", " : "", c.v[i]);
	}
	if (!rc)
		rc = execf(db, NULL, err,
			   "UPDATE main.meeting SET (%s) = (SELECT %s FROM "
			   "temp.o_meeting o WHERE o.id = meeting.id) WHERE id "
			   "IN (SELECT id FROM temp.merge_take)",
			   sb_str(&names), sb_str(&vals));
	if (!rc)
		rc = exec(db,
			  "UPDATE main.meeting SET minutes_state = (SELECT "
			  "minutes_state FROM temp.merge_meetings g WHERE g.id "
			  "= meeting.id) WHERE id IN (SELECT id FROM "
			  "temp.merge_meetings WHERE minutes_state <> 'draft');"
			  "INSERT INTO main.signed_minutes SELECT s.* FROM "
			  "temp.o_signed_minutes s JOIN main.meeting m ON m.id "
			  "= s.meeting_id WHERE m.minutes_state = 'confirmed' "
			  "AND NOT EXISTS (SELECT 1 FROM main.signed_minutes x "
			  "WHERE x.meeting_id = s.meeting_id);"
			  "INSERT OR IGNORE INTO main.body_ended SELECT e.* FROM "
			  "temp.o_body_ended e JOIN main.body b ON b.id = "
			  "e.body_id",
			  NULL, err);
	sb_free(&names);
	sb_free(&vals);
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

/* Copy the other file's tables into temp.o_*, match, rewrite ids. */
static enum clerk_status prepare(struct db *db,
				 const struct merge_options *opt,
				 struct merge_report *rep,
				 struct clerk_err *err)
{
	enum clerk_status rc = exec(
		db,
		"CREATE TEMP TABLE merge_skip (id TEXT PRIMARY KEY);"
		"CREATE TEMP TABLE merge_meetings (id TEXT PRIMARY KEY, "
		"minutes_state TEXT);"
		"CREATE TEMP TABLE merge_take (id TEXT PRIMARY KEY);"
		"CREATE TEMP TABLE merge_map (other_id TEXT PRIMARY KEY, "
		"main_id TEXT NOT NULL, tbl TEXT NOT NULL);",
		NULL, err);
	for (size_t t = 0; !rc && t < NTABLES + NEXTRA; t++)
		rc = execf(db, NULL, err,
			   "CREATE TEMP TABLE \"o_%1$s\" AS SELECT * FROM "
			   "other.\"%1$s\"",
			   table_name(t));
	/* Parents first: a child's key holds its parents' ids as here. */
	for (size_t t = 0; !rc && t < NTABLES; t++) {
		rc = rewrite(db, tables[t].table, false, err);
		if (!rc)
			rc = match_table(db, t, err);
	}
	if (!rc)
		rc = report_matches(db, opt, rep, err);
	/* Then every reference and id, including those to later tables. */
	for (size_t t = 0; !rc && t < NTABLES + NEXTRA; t++)
		rc = rewrite(db, table_name(t), t < NTABLES, err);
	return rc;
}

static enum clerk_status merge_all(struct db *db, const char *other,
				   const struct merge_options *opt,
				   struct merge_report *rep,
				   struct strbuf *summary,
				   struct clerk_err *err)
{
	/* Its statements are its own (not db_stmt's): the triggers that
	 * audit the tables it writes are made first, outside the
	 * transaction. */
	enum clerk_status rc = db_prepare_writes(db, err);
	if (!rc)
		rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = prepare(db, opt, rep, err);
	if (!rc && !rep->refused)
		rc = forward_states(db, other, rep, err);
	for (size_t t = 0; !rc && !rep->refused && t < NTABLES; t++)
		rc = copy_table(db, t, opt, rep, summary, err);
	if (!rc && !rep->refused)
		rc = finish_meetings(db, err);
	if (!rc && !opt->dry_run && !rep->refused)
		rc = db_commit(db, err);
	else
		db_rollback(db);
	exec(db,
	     "DROP TABLE IF EXISTS temp.merge_skip;"
	     "DROP TABLE IF EXISTS temp.merge_meetings;"
	     "DROP TABLE IF EXISTS temp.merge_take;"
	     "DROP TABLE IF EXISTS temp.merge_map;",
	     NULL, NULL);
	for (size_t t = 0; t < NTABLES + NEXTRA; t++)
		execf(db, NULL, NULL, "DROP TABLE IF EXISTS temp.\"o_%s\"",
		      table_name(t));
	return rc;
}

enum clerk_status merge_file_opts(struct db *db, const char *other_path,
				  const struct merge_options *opt,
				  struct merge_report *rep,
				  struct clerk_err *err)
{
	memset(rep, 0, sizeof *rep);
	if (db_is_readonly(db) && !opt->dry_run)
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
	char *safe = utf8_sanitize(other_path);
	rc = merge_all(db, safe, opt, rep, &summary, err);
	free(safe);
	exec(db, "DETACH other", NULL, NULL);
	rep->summary = sb_detach(&summary);
	return rc;
}

enum clerk_status merge_file(struct db *db, const char *other_path,
			     struct merge_report *rep, struct clerk_err *err)
{
	return merge_file_opts(db, other_path, &(struct merge_options){0}, rep,
			       err);
}

void merge_report_free(struct merge_report *rep)
{
	for (size_t i = 0; i < rep->n; i++) {
		free(rep->v[i].table);
		free(rep->v[i].id);
		free(rep->v[i].what);
		free(rep->v[i].label);
		for (size_t j = 0; j < rep->v[i].nd; j++) {
			free(rep->v[i].d[j].col);
			free(rep->v[i].d[j].ours);
			free(rep->v[i].d[j].theirs);
		}
		free(rep->v[i].d);
	}
	free(rep->v);
	for (size_t i = 0; i < rep->nnotes; i++)
		free(rep->notes[i]);
	free(rep->notes);
	for (size_t i = 0; i < rep->nwarnings; i++)
		free(rep->warnings[i]);
	free(rep->warnings);
	free(rep->summary);
	memset(rep, 0, sizeof *rep);
}
