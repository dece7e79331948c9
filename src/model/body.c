/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/body: the bodies of a council (committees, boards, panels), the
 * quorum rule of a body, and finding a body by the name a clerk types.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/model_scale.h"
#include "model_private.h"

/* ------------------------------------------------------------------- body */

#define BODY_COLS                                                              \
	"b.id, b.council_id, b.name, b.short_name, b.self_name, b.quorum_kind, " \
	"b.quorum_num, b.quorum_den, b.quorum_fixed, b.substitutes_allowed, "   \
	"b.minute_format, b.minute_numbering, b.year_start, b.style, b.tz, "    \
	"b.standard_items, b.next_minute, b.next_minute_from, c.name, c.kind, " \
	"c.nation, (SELECT reason FROM body_ended e WHERE e.body_id = b.id)"
#define BODY_FROM " FROM body b JOIN council c ON c.id = b.council_id "

static void body_read(sqlite3_stmt *st, void *out)
{
	struct body *b = out;
	memset(b, 0, sizeof *b);
	model_col_id(st, 0, b->id);
	model_col_id(st, 1, b->council_id);
	b->name = db_col_dup(st, 2);
	b->short_name = db_col_dup(st, 3);
	b->self_name = db_col_dup(st, 4);
	MODEL_COL_ENUM(st, 5, quorum_kind_parse, &b->quorum_kind);
	b->quorum_num = sqlite3_column_int(st, 6);
	b->quorum_den = sqlite3_column_int(st, 7);
	b->quorum_fixed = sqlite3_column_int(st, 8);
	b->substitutes_allowed = sqlite3_column_int(st, 9) != 0;
	b->minute_format = db_col_dup(st, 10);
	MODEL_COL_ENUM(st, 11, numbering_parse, &b->numbering);
	b->year_start = db_col_dup(st, 12);
	b->style = db_col_dup(st, 13);
	b->tz = db_col_dup(st, 14);
	b->standard_items = db_col_dup(st, 15);
	b->next_minute = sqlite3_column_int(st, 16);
	b->next_minute_from = model_col_time(st, 17);
	b->council_name = db_col_dup(st, 18);
	MODEL_COL_ENUM(st, 19, council_kind_parse, &b->council_kind);
	MODEL_COL_ENUM(st, 20, nation_parse, &b->council_nation);
	b->ended = sqlite3_column_type(st, 21) != SQLITE_NULL;
	b->ended_reason = b->ended ? db_col_dup(st, 21) : NULL;
}

/* A municipal year start "MM-DD" that is a real day. */
static bool year_start_valid(const char *s)
{
	char date[16];
	int y, m, d;
	if (!s || strlen(s) != 5)
		return false;
	snprintf(date, sizeof date, "2000-%s", s);
	return date_parse(date, &y, &m, &d);
}

static enum clerk_status body_check(const struct body *b,
				    struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(b->council_id, "council for the body", err)) ||
	    (rc = model_check_text(b->name, "body's name", true, err)) ||
	    (rc = model_check_text(b->short_name, "short name", false, err)) ||
	    (rc = model_check_text(b->self_name, "self name", false, err)) ||
	    (rc = model_check_text(b->minute_format, "minute format", false,
				   err)) ||
	    (rc = model_check_text(b->style, "house style", false, err)) ||
	    (rc = model_check_text(b->tz, "time zone", false, err)) ||
	    (rc = model_check_text(b->standard_items, "standard items", false,
				   err)))
		return rc;
	if (model_has(b->year_start) && !year_start_valid(b->year_start))
		return clerk_fail(err, CLERK_INVALID,
				  "the start of the municipal year \"%s\" is not a "
				  "day of the year (MM-DD)",
				  b->year_start);
	if (b->quorum_num < 0 || b->quorum_den < 0 || b->quorum_fixed < 0 ||
	    (b->quorum_den > 0 && b->quorum_num > b->quorum_den))
		return clerk_fail(err, CLERK_INVALID,
				  "the quorum rule %d/%d (fixed %d) is not possible",
				  b->quorum_num, b->quorum_den, b->quorum_fixed);
	if ((unsigned)b->quorum_kind > QUORUM_COMPOSITE ||
	    (unsigned)b->numbering > NUMBERING_RUNNING)
		return clerk_fail(err, CLERK_INVALID,
				  "the quorum or numbering rule is unknown");
	if (b->next_minute < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "the next minute number %d is not possible",
				  b->next_minute);
	if (b->style && strchr(b->style, '/'))
		return clerk_fail(err, CLERK_INVALID,
				  "the house style \"%s\" is a name, not a path: "
				  "put the file in a style folder (see 'clerk "
				  "styles') and give its name",
				  b->style);
	return CLERK_OK;
}

/* Another body of the same council with this name or short name. */
static enum clerk_status body_unique(struct db *db, const struct body *b,
				     struct clerk_err *err)
{
	static const char sql[] =
		"SELECT name, (name = ?2 COLLATE NOCASE OR short_name = ?2 "
		"COLLATE NOCASE) AS by_name FROM body WHERE council_id = ?1 AND "
		"id <> ?4 AND (name = ?2 COLLATE NOCASE OR short_name = ?2 "
		"COLLATE NOCASE OR (?3 <> '' AND (name = ?3 COLLATE NOCASE OR "
		"short_name = ?3 COLLATE NOCASE))) ORDER BY by_name DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, b->council_id);
	db_bind_text(st, 2, b->name);
	model_bind_str(st, 3, b->short_name);
	db_bind_text(st, 4, b->id);
	int step = sqlite3_step(st);
	enum clerk_status rc = CLERK_OK;
	if (step == SQLITE_ROW && sqlite3_column_int(st, 1))
		rc = clerk_fail(err, CLERK_CONFLICT,
				"the council already has a body called \"%s\" "
				"(by its name or short name): give this one "
				"another name",
				b->name);
	else if (step == SQLITE_ROW)
		rc = clerk_fail(err, CLERK_CONFLICT,
				"the short name \"%s\" already names %s: give "
				"another",
				b->short_name, db_col_text(st, 0));
	else if (step != SQLITE_DONE)
		rc = db_fail(db, err, "reading the bodies");
	db_done(st);
	return rc;
}

/* Bind a body for INSERT or UPDATE: ?1 id ... ?16 standard_items; empty
 * settings take their defaults. */
static void body_bind(sqlite3_stmt *st, const struct body *b)
{
	bool no_fraction = b->quorum_den <= 0;
	db_bind_text(st, 1, b->id);
	db_bind_text(st, 2, b->council_id);
	db_bind_text(st, 3, b->name);
	model_bind_str(st, 4, b->short_name);
	db_bind_text(st, 5, model_or(b->self_name, "the Committee"));
	db_bind_text(st, 6, quorum_kind_text(b->quorum_kind));
	sqlite3_bind_int(st, 7, no_fraction ? 1 : b->quorum_num);
	sqlite3_bind_int(st, 8, no_fraction ? 4 : b->quorum_den);
	sqlite3_bind_int(st, 9, b->quorum_fixed);
	sqlite3_bind_int(st, 10, b->substitutes_allowed);
	db_bind_text(st, 11, model_or(b->minute_format, "%n."));
	db_bind_text(st, 12, numbering_text(b->numbering));
	db_bind_text(st, 13, model_or(b->year_start, "05-01"));
	db_bind_text(st, 14, model_or(b->style, "county"));
	db_bind_text(st, 15, model_or(b->tz, CLERK_DEFAULT_TZ));
	model_bind_str(st, 16, b->standard_items);
	if (b->next_minute > 0)
		sqlite3_bind_int(st, 17, b->next_minute);
	else
		sqlite3_bind_null(st, 17);
	model_bind_time(st, 18, b->next_minute > 0 ? b->next_minute_from : 0);
}

bool council_kind_is_local(enum council_kind kind)
{
	return kind == COUNCIL_PARISH || kind == COUNCIL_COMMUNITY;
}

enum clerk_status body_create(struct db *db, struct body *b,
			      struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO body(id, council_id, name, short_name, self_name, "
		"quorum_kind, quorum_num, quorum_den, quorum_fixed, "
		"substitutes_allowed, minute_format, minute_numbering, year_start, "
		"style, tz, standard_items, next_minute, next_minute_from) VALUES "
		"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
		"?15, ?16, ?17, ?18)";
	model_ensure_id(b->id);
	enum clerk_status rc = body_check(b, err);
	if (!rc)
		rc = body_unique(db, b, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	body_bind(st, b);
	return model_step_done(db, st, "creating the body", err);
}

enum clerk_status body_update(struct db *db, const struct body *b,
			      struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE body SET council_id = ?2, name = ?3, short_name = ?4, "
		"self_name = ?5, quorum_kind = ?6, quorum_num = ?7, quorum_den = "
		"?8, quorum_fixed = ?9, substitutes_allowed = ?10, minute_format = "
		"?11, minute_numbering = ?12, year_start = ?13, style = ?14, tz = "
		"?15, standard_items = ?16, next_minute = ?17, next_minute_from = "
		"?18 WHERE id = ?1";
	enum clerk_status rc = body_check(b, err);
	if (!rc)
		rc = body_unique(db, b, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	body_bind(st, b);
	rc = model_step_done(db, st, "saving the body", err);
	return rc ? rc : model_check_changed(db, "body", b->id, err);
}

enum clerk_status body_get(struct db *db, const char *id, struct body *out,
			   struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " BODY_COLS BODY_FROM "WHERE b.id = ?1";
	return model_get_row(db, sql, id, body_read, out, sizeof *out,
			     "body", err);
}

static void body_label_read(sqlite3_stmt *st, void *out)
{
	struct body *b = out;
	memset(b, 0, sizeof *b);
	model_col_id(st, 0, b->id);
	b->name = db_col_dup(st, 1);
	b->short_name = db_col_dup(st, 2);
	b->tz = db_col_dup(st, 3);
}

enum clerk_status body_get_label(struct db *db, const char *id,
				 struct body *out, struct clerk_err *err)
{
	static const char sql[] =
		"SELECT b.id, b.name, b.short_name, b.tz FROM body b WHERE b.id = ?1";
	return model_get_row(db, sql, id, body_label_read, out, sizeof *out,
			     "body", err);
}

enum clerk_status body_list_all(struct db *db, struct body_list *out,
				struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " BODY_COLS BODY_FROM "ORDER BY b.name COLLATE NOCASE";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	enum clerk_status rc =
		MODEL_READ_ROWS(db, st, body_read, out, "listing the bodies", err);
	if (rc)
		body_list_free(out);
	return rc;
}

/* The bodies matching name, by the first rule that matches any: exact
 * short name, exact name, then part of the name or short name. */
static void body_matches(const struct body_list *all, const char *name,
			 size_t *idx, size_t *n)
{
	*n = 0;
	for (int rule = 0; rule < 3 && *n == 0; rule++)
		for (size_t i = 0; i < all->n; i++) {
			const struct body *b = &all->v[i];
			bool hit = rule == 0 ? strcasecmp(b->short_name, name) == 0
				 : rule == 1 ? strcasecmp(b->name, name) == 0
					     : strcasestr(b->name, name) ||
						   strcasestr(b->short_name, name);
			if (hit)
				idx[(*n)++] = i;
		}
}

static enum clerk_status body_ambiguous(const struct body_list *all,
					const size_t *idx, size_t n,
					const char *name, struct clerk_err *err)
{
	struct strbuf sb = {0};
	for (size_t i = 0; i < n; i++) {
		const struct body *b = &all->v[idx[i]];
		sb_addf(&sb, "%s%s", i ? ", " : "", b->name);
		if (*b->short_name)
			sb_addf(&sb, " (%s)", b->short_name);
	}
	enum clerk_status rc = clerk_fail(
		err, CLERK_AMBIGUOUS,
		"\"%s\" matches %zu bodies: %s; give more of the name", name, n,
		sb_str(&sb));
	sb_free(&sb);
	return rc;
}

/* The one body whose short name, else whose whole name, is `name` in any
 * case (body_matches' first two rules), found without reading every body:
 * how a body is named nearly always.  False when there is no such single
 * body: the caller then applies every rule to the list of all bodies. */
static bool body_find_exact(struct db *db, const char *name, clerk_id id)
{
	static const char sql[] =
		"SELECT min(id), count(*) FROM body WHERE short_name = ?1 "
		"COLLATE NOCASE UNION ALL SELECT min(id), count(*) FROM body "
		"WHERE name = ?1 COLLATE NOCASE";
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (!st)
		return false;
	db_bind_text(st, 1, name);
	int found = 0;
	while (found == 0 && sqlite3_step(st) == SQLITE_ROW) {
		found = sqlite3_column_int(st, 1);
		if (found == 1)
			model_col_id(st, 0, id);
	}
	db_done(st);
	return found == 1;
}

static enum clerk_status body_find_in(struct db *db, const char *name,
				      struct body *out, struct clerk_err *err);

/* A body named on the command line: a read that fails says it was the
 * bodies that could not be read, not only that the file is damaged. */
enum clerk_status body_find(struct db *db, const char *name, struct body *out,
			    struct clerk_err *err)
{
	enum clerk_status rc = body_find_in(db, name, out, err);
	if (rc == CLERK_DB || rc == CLERK_IO || rc == CLERK_FOREIGN)
		clerk_fail_reading(err, rc, "the bodies");
	return rc;
}

static enum clerk_status body_find_in(struct db *db, const char *name,
				      struct body *out, struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!model_has(name))
		return clerk_fail(err, CLERK_USAGE, "no body was named");
	if (db_is_uuid(name))
		return body_get(db, name, out, err);
	clerk_id id;
	if (body_find_exact(db, name, id))
		return body_get(db, id, out, err);
	struct body_list all;
	enum clerk_status rc = body_list_all(db, &all, err);
	if (rc)
		return rc;
	size_t *idx = xcalloc(all.n + 1, sizeof *idx), n;
	body_matches(&all, name, idx, &n);
	if (n == 0)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"no body is called \"%s\" (see 'clerk bodies')", name);
	else if (n > 1)
		rc = body_ambiguous(&all, idx, n, name, err);
	else {
		*out = all.v[idx[0]];
		memset(&all.v[idx[0]], 0, sizeof *all.v);
	}
	free(idx);
	body_list_free(&all);
	return rc;
}

static enum clerk_status body_remove(struct db *db, void *arg,
				     struct clerk_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM substitute WHERE seat_id IN (SELECT id FROM seat "
		"WHERE body_id = ?1)",
		"DELETE FROM membership WHERE seat_id IN (SELECT id FROM seat "
		"WHERE body_id = ?1)",
		"DELETE FROM seat WHERE body_id = ?1",
		"DELETE FROM body WHERE id = ?1",
	};
	const char *id = arg;
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
		sqlite3_stmt *st = db_stmt(db, sql[i], err);
		if (!st)
			return CLERK_DB;
		db_bind_text(st, 1, id);
		enum clerk_status rc =
			model_step_done(db, st, "removing the body", err);
		if (rc)
			return rc;
	}
	return CLERK_OK;
}

enum clerk_status body_delete(struct db *db, const char *id,
			      struct clerk_err *err)
{
	struct body b;
	enum clerk_status rc = body_get(db, id, &b, err);
	if (rc)
		return rc;
	int meetings = model_query_int(
		db, "SELECT count(*) FROM meeting WHERE body_id = ?1", id, -1);
	if (meetings != 0)
		rc = meetings < 0 ? db_fail(db, err, "reading the meetings")
				  : clerk_fail(err, CLERK_CONFLICT,
					       "%s has %d meeting%s recorded, so it "
					       "is kept: a body is removed only "
					       "while nothing recorded depends on it",
					       b.name, meetings,
					       meetings == 1 ? "" : "s");
	body_free(&b);
	if (rc)
		return rc;
	clerk_id copy;
	model_copy_id(copy, id);
	return model_tx(db, body_remove, copy, err);
}

void body_free(struct body *b)
{
	if (!b)
		return;
	free(b->name);
	free(b->short_name);
	free(b->self_name);
	free(b->minute_format);
	free(b->year_start);
	free(b->style);
	free(b->tz);
	free(b->standard_items);
	free(b->council_name);
	free(b->ended_reason);
	memset(b, 0, sizeof *b);
}

enum clerk_status body_set_ended(struct db *db, const char *id, bool ended,
				 const char *reason, struct clerk_err *err)
{
	enum clerk_status rc = model_check_text(reason, "reason", false, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(
		db,
		ended ? "INSERT INTO body_ended(body_id, reason) VALUES (?1, ?2) "
			"ON CONFLICT(body_id) DO UPDATE SET reason = ?2"
		      : "DELETE FROM body_ended WHERE body_id = ?1 AND ?2 = ?2",
		err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	model_bind_str(st, 2, reason);
	rc = model_step_done(db, st, "recording that the body ended", err);
	return rc;
}

void body_list_free(struct body_list *l)
{
	MODEL_LIST_FREE(l, body_free);
}

int body_quorum(const struct body *b, int seats)
{
	int num = b->quorum_den > 0 ? b->quorum_num : 1;
	int den = b->quorum_den > 0 ? b->quorum_den : 4;
	int fraction = seats > 0 ? (seats * num + den - 1) / den : 0;
	switch (b->quorum_kind) {
	case QUORUM_FIXED:
		return b->quorum_fixed;
	case QUORUM_COMPOSITE:
		return fraction > b->quorum_fixed ? fraction : b->quorum_fixed;
	case QUORUM_FRACTION:
	default:
		return fraction;
	}
}
