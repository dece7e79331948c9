/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/meeting: the meetings of a body, finding one by date or id, the
 * meeting in progress, its status, confirmation of its minutes, and the
 * number of its first minute under the body's numbering rule.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/model_scale.h"
#include "model_private.h"

#define MEETING_COLS                                                           \
	"m.id, m.body_id, m.starts_at, m.venue, m.status, m.minutes_state, "    \
	"m.confirmed_at, m.confirmed_on, m.confirmed_amendment, m.signed_by, " \
	"m.first_minute, m.public_present, m.postponed, m.called_off_reason"

static void meeting_read(sqlite3_stmt *st, void *out)
{
	struct meeting *m = out;
	memset(m, 0, sizeof *m);
	model_col_id(st, 0, m->id);
	model_col_id(st, 1, m->body_id);
	m->starts_at = model_col_time(st, 2);
	m->venue = db_col_dup(st, 3);
	MODEL_COL_ENUM(st, 4, meeting_status_parse, &m->status);
	MODEL_COL_ENUM(st, 5, minutes_state_parse, &m->minutes_state);
	model_col_id(st, 6, m->confirmed_at);
	m->confirmed_on = model_col_time(st, 7);
	m->confirmed_amendment = db_col_dup(st, 8);
	model_col_id(st, 9, m->signed_by);
	m->first_minute = sqlite3_column_int(st, 10);
	m->public_present = sqlite3_column_type(st, 11) == SQLITE_NULL
				    ? -1
				    : sqlite3_column_int(st, 11);
	/* Postponed is stored as cancelled with a flag (the status column's
	 * CHECK predates it); the model shows it as its own status. */
	if (m->status == MEETING_CANCELLED && sqlite3_column_int(st, 12))
		m->status = MEETING_POSTPONED;
	m->called_off_reason = db_col_dup(st, 13);
}

bool meeting_called_off(const struct meeting *m)
{
	return m->status == MEETING_CANCELLED || m->status == MEETING_POSTPONED;
}

/* Read every row of a query of MEETING_COLS into out. */
static enum clerk_status meeting_rows(struct db *db, sqlite3_stmt *st,
				      struct meeting_list *out,
				      struct clerk_err *err)
{
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		meeting_read(st, MODEL_LIST_PUSH(out));
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = db_fail(db, err, "reading the meetings");
		meeting_list_free(out);
	}
	db_done(st);
	return rc;
}

static enum clerk_status meeting_check(const struct meeting *m,
				       struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(m->body_id, "body for the meeting", err)) ||
	    (rc = model_check_text(m->venue, "venue", false, err)) ||
	    (rc = model_check_text(m->confirmed_amendment, "amendment", false,
				   err)) ||
	    (rc = model_check_text(m->called_off_reason, "reason", false, err)))
		return rc;
	if (!m->starts_at)
		return clerk_fail(err, CLERK_INVALID,
				  "the meeting has no date and time");
	if ((unsigned)m->status > MEETING_POSTPONED ||
	    (unsigned)m->minutes_state > MINUTES_CONFIRMED)
		return clerk_fail(err, CLERK_INVALID,
				  "the meeting's status is unknown");
	return CLERK_OK;
}

static void meeting_bind(sqlite3_stmt *st, const struct meeting *m)
{
	db_bind_text(st, 1, m->id);
	db_bind_text(st, 2, m->body_id);
	model_bind_time(st, 3, m->starts_at);
	model_bind_str(st, 4, m->venue);
	db_bind_text(st, 5, meeting_status_text(meeting_called_off(m)
							? MEETING_CANCELLED
							: m->status));
	if (m->first_minute > 0)
		sqlite3_bind_int(st, 6, m->first_minute);
	else
		sqlite3_bind_null(st, 6);
	if (m->public_present >= 0)
		sqlite3_bind_int(st, 7, m->public_present);
	else
		sqlite3_bind_null(st, 7);
	sqlite3_bind_int(st, 8, m->status == MEETING_POSTPONED);
	model_bind_str(st, 9, m->called_off_reason);
}

/* Another meeting of the body at the same start: refused with a sentence,
 * as neither could then be named by its date. */
static enum clerk_status meeting_check_start(struct db *db,
					     const struct meeting *m,
					     struct clerk_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM meeting WHERE body_id = ?1 AND "
		"starts_at = ?2 AND id <> ?3";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, m->body_id);
	model_bind_time(st, 2, m->starts_at);
	db_bind_text(st, 3, m->id);
	int step = sqlite3_step(st);
	int n = step == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	db_done(st);
	if (n < 0)
		return db_fail(db, err, "looking for a meeting at that time");
	if (n == 0)
		return CLERK_OK;
	char *tz = model_body_tz(db, m->body_id);
	char when[64];
	time_format_local(m->starts_at, tz, "%A %-d %B %Y at %H:%M", when,
			  sizeof when);
	free(tz);
	return clerk_fail(err, CLERK_CONFLICT,
			  "the body already has a meeting on %s: a body cannot "
			  "hold two meetings at the same start (edit or delete "
			  "the other one)",
			  when);
}

enum clerk_status meeting_create(struct db *db, struct meeting *m,
				 struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO meeting(id, body_id, starts_at, venue, status, "
		"first_minute, public_present, postponed, called_off_reason) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	model_ensure_id(m->id);
	enum clerk_status rc = meeting_check(m, err);
	if (!rc)
		rc = meeting_check_start(db, m, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_ensure_id(m->id);
	meeting_bind(st, m);
	return model_step_done(db, st, "creating the meeting", err);
}

enum clerk_status meeting_update(struct db *db, const struct meeting *m,
				 struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE meeting SET body_id = ?2, starts_at = ?3, venue = ?4, "
		"status = ?5, first_minute = ?6, public_present = ?7, "
		"postponed = ?8, called_off_reason = ?9 WHERE id = ?1";
	enum clerk_status rc = meeting_check(m, err);
	if (!rc)
		rc = model_refuse_confirmed(db, m->id, "saving the meeting", err);
	if (!rc)
		rc = meeting_check_start(db, m, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	meeting_bind(st, m);
	rc = model_step_done(db, st, "saving the meeting", err);
	return rc ? rc : model_check_changed(db, "meeting", m->id, err);
}

enum clerk_status meeting_get(struct db *db, const char *id, struct meeting *out,
			      struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " MEETING_COLS " FROM meeting m WHERE m.id = ?1";
	return model_get_row(db, sql, id, meeting_read, out, sizeof *out,
			     "meeting", err);
}

/* ------------------------------------------------------ finding by date */

/* Meetings (of body_id, or any) within a day and a half of the date, with
 * their body's zone and name, by start. */
static enum clerk_status meetings_near(struct db *db, const char *body_id,
				       time_t day, struct meeting_list *out,
				       char ***tzs, char ***names,
				       struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " MEETING_COLS ", b.tz, b.name FROM meeting m "
		"JOIN body b ON b.id = m.body_id WHERE (?1 IS NULL OR "
		"m.body_id = ?1) AND m.starts_at >= ?2 AND m.starts_at < ?3 "
		"ORDER BY m.starts_at, b.name";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_bind_id(st, 1, body_id);
	model_bind_time(st, 2, day - 86400);
	model_bind_time(st, 3, day + 2 * 86400);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		meeting_read(st, MODEL_LIST_PUSH(out));
		*tzs = xrealloc(*tzs, out->n * sizeof **tzs);
		*names = xrealloc(*names, out->n * sizeof **names);
		(*tzs)[out->n - 1] = db_col_dup(st, 14);
		(*names)[out->n - 1] = db_col_dup(st, 15);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE)
		rc = db_fail(db, err, "looking up the meetings of that day");
	db_done(st);
	return rc;
}

static enum clerk_status meeting_pick(struct meeting_list *near, char **tzs,
				      char **names, const char *date,
				      struct meeting *out, struct clerk_err *err)
{
	struct strbuf sb = {0};
	size_t hits = 0, hit = 0;
	for (size_t i = 0; i < near->n; i++) {
		char local[11], hhmm[8];
		model_local_date(near->v[i].starts_at, tzs[i], local);
		if (strcmp(local, date) != 0)
			continue;
		time_format_local(near->v[i].starts_at, tzs[i], "%H:%M", hhmm,
				  sizeof hhmm);
		sb_addf(&sb, "%s%s at %s", hits ? ", " : "", names[i], hhmm);
		hit = i;
		hits++;
	}
	enum clerk_status rc = CLERK_OK;
	if (hits == 0)
		rc = clerk_fail(err, CLERK_NOT_FOUND, "no meeting on %s", date);
	else if (hits > 1)
		rc = clerk_fail(err, CLERK_AMBIGUOUS,
				"%zu meetings on %s: %s; name the body or give the "
				"meeting's id",
				hits, date, sb_str(&sb));
	else {
		*out = near->v[hit];
		memset(&near->v[hit], 0, sizeof *out);
	}
	sb_free(&sb);
	return rc;
}

static enum clerk_status meeting_on_date(struct db *db, const char *date,
					 const char *body_id,
					 struct meeting *out,
					 struct clerk_err *err)
{
	time_t day = 0;
	struct meeting_list near = {0};
	char **tzs = NULL, **names = NULL;
	if (!time_parse_utc(date, &day))
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "%s is not a date clerk can read", date);
	enum clerk_status rc =
		meetings_near(db, body_id, day, &near, &tzs, &names, err);
	if (!rc)
		rc = meeting_pick(&near, tzs, names, date, out, err);
	for (size_t i = 0; i < near.n; i++) {
		free(tzs[i]);
		free(names[i]);
	}
	free(tzs);
	free(names);
	meeting_list_free(&near);
	return rc;
}

enum clerk_status meeting_find(struct db *db, const char *name,
			       const char *body, struct meeting *out,
			       struct clerk_err *err)
{
	int y, mo, d;
	memset(out, 0, sizeof *out);
	if (!model_has(name))
		return clerk_fail(err, CLERK_USAGE, "no meeting was named");
	if (db_is_uuid(name))
		return meeting_get(db, name, out, err);
	if (!date_parse(name, &y, &mo, &d))
		return clerk_fail(err, CLERK_USAGE,
				  "\"%s\" names no meeting: give its date "
				  "(YYYY-MM-DD) or its id",
				  name);
	struct body b = {0};
	if (model_has(body)) {
		enum clerk_status rc = body_find(db, body, &b, err);
		if (rc)
			return rc;
	}
	enum clerk_status rc = meeting_on_date(
		db, name, model_has(body) ? b.id : NULL, out, err);
	body_free(&b);
	if (rc == CLERK_DB || rc == CLERK_IO || rc == CLERK_FOREIGN)
		clerk_fail_reading(err, rc, "the meetings");
	return rc;
}

/* A meeting that has not been opened yet stays current for twelve hours
 * after its planned start (it may start late). */
#define MEETING_LATE_START (12 * 3600)

/* The index of the current meeting in `open`, or open->n for none. */
static size_t current_index(const struct meeting_list *open, time_t now)
{
	static const enum meeting_status first[] = {MEETING_IN_PROGRESS,
						    MEETING_ADJOURNED};
	for (size_t k = 0; k < sizeof first / sizeof *first; k++)
		for (size_t i = 0; i < open->n; i++)
			if (open->v[i].status == first[k])
				return i;
	for (size_t i = 0; i < open->n; i++)
		if (open->v[i].status == MEETING_SCHEDULED &&
		    open->v[i].starts_at >= now - MEETING_LATE_START)
			return i;
	return open->n;
}

const struct meeting *meeting_current_in(const struct meeting_list *open,
					 time_t now)
{
	size_t i = current_index(open, now);
	return i < open->n ? &open->v[i] : NULL;
}

enum clerk_status meeting_current(struct db *db, time_t now,
				  struct meeting *out, struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!now)
		now = clock_now();
	struct meeting_list open = {0};
	enum clerk_status rc =
		meeting_list_open(db, now - MEETING_LATE_START, &open, err);
	if (rc)
		return rc;
	size_t i = current_index(&open, now);
	if (i < open.n) {
		*out = open.v[i]; /* takes its strings */
		memset(&open.v[i], 0, sizeof open.v[i]);
	} else {
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"no meeting is in progress or coming up");
	}
	meeting_list_free(&open);
	return rc;
}

enum clerk_status meeting_list(struct db *db, const char *body_id,
			       struct meeting_list *out, struct clerk_err *err)
{
	/* One body's through meeting_body: "?1 IS NULL OR m.body_id = ?1"
	 * made SQLite walk every meeting of the archive in date order. */
	static const char *const sql[2] = {
		"SELECT " MEETING_COLS " FROM meeting m "
		"ORDER BY m.starts_at, m.id",
		"SELECT " MEETING_COLS " FROM meeting m WHERE m.body_id = ?1 "
		"ORDER BY m.starts_at, m.id",
	};
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql[body_id != NULL], err);
	if (!st)
		return CLERK_DB;
	if (body_id)
		model_bind_id(st, 1, body_id);
	return meeting_rows(db, st, out, err);
}

enum clerk_status meeting_list_open(struct db *db, time_t since,
				    struct meeting_list *out,
				    struct clerk_err *err)
{
	/* The first half walks the index on starts_at from `since`; the
	 * second reads only the status of each meeting. */
	static const char sql[] =
		"SELECT " MEETING_COLS " FROM meeting m WHERE (?1 IS NULL OR "
		"m.starts_at >= ?1) AND m.status = 'scheduled' UNION ALL SELECT " MEETING_COLS
		" FROM meeting m WHERE m.status IN ('in progress', 'adjourned') "
		"ORDER BY 3, 1"; /* starts_at, id */
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_bind_time(st, 1, since);
	return meeting_rows(db, st, out, err);
}

/* The export reads the meetings confirmed at one meeting; listing every
 * meeting of the archive for that took 50-80 ms on twenty years of them. */
enum clerk_status meeting_list_confirmed_at(struct db *db, const char *at_id,
					    struct meeting_list *out,
					    struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " MEETING_COLS " FROM meeting m WHERE m.confirmed_at = ?1 "
		"ORDER BY m.starts_at, m.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, at_id);
	return meeting_rows(db, st, out, err);
}

enum clerk_status meeting_list_between(struct db *db, const char *body_id,
				       time_t from, time_t to,
				       struct meeting_list *out,
				       struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " MEETING_COLS " FROM meeting m WHERE m.body_id = ?1 AND "
		"m.starts_at >= ?2 AND m.starts_at < ?3 ORDER BY m.starts_at, m.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, body_id);
	model_bind_time(st, 2, from);
	model_bind_time(st, 3, to);
	return meeting_rows(db, st, out, err);
}

/* Meetings next to a place in meeting_list's order (starts_at, then id),
 * through meeting_start or meeting_body: the review list reads the
 * screenful it shows, not the archive.  [body][after].  In the index's
 * order only, by starts_at: meetings starting at the same time are put in
 * id order as they are read (near_rows), where ordering by id too made
 * SQLite sort every start time's meetings apart (a third of the review
 * list's first screen, issue 17).  Each with its body's label
 * (body_get_label's columns), found in the same statement through the
 * body's key rather than by a statement of its own per body (a screenful
 * of meetings names as many bodies); a meeting whose body is missing is
 * read all the same (LEFT JOIN), without it. */
#define NEAR_FROM                                                            \
	"SELECT " MEETING_COLS ", b.name, b.short_name, b.tz FROM meeting m " \
	"LEFT JOIN body b ON b.id = m.body_id WHERE "
#define NEAR_BEFORE                                                          \
	"m.starts_at <= ?2 AND (m.starts_at < ?2 OR m.id < ?3) "             \
	"ORDER BY m.starts_at DESC"
#define NEAR_AFTER                                                           \
	"m.starts_at >= ?2 AND (m.starts_at > ?2 OR m.id >= ?3) "            \
	"ORDER BY m.starts_at"
static const char *const sql_near[2][2] = {
	{NEAR_FROM NEAR_BEFORE, NEAR_FROM NEAR_AFTER},
	{NEAR_FROM "m.body_id = ?1 AND " NEAR_BEFORE,
	 NEAR_FROM "m.body_id = ?1 AND " NEAR_AFTER},
};
enum { NEAR_BODY_COL = 14 }; /* b.name; the body's id is the meeting's */
/* The list's length, and the meetings on one side of the place: what is
 * counted one by one is those between the place and the nearer end of the
 * list, never the whole archive; the archive's length is SQLite's count of
 * an index's entries, page by page.  A place in the last year (the review
 * list opens on now) counts those after it, the meetings still to come;
 * an older one first finds the nearer end by time, from the first and last
 * meeting's start.  One statement, so that the counts agree. */
#define COUNT_TOTAL(body) "SELECT (SELECT count(*) FROM meeting m " body "), "
#define COUNT_BEFORE(and)                                                     \
	"(SELECT count(*) FROM meeting m WHERE " and "m.starts_at <= ?2 AND " \
	"(m.starts_at < ?2 OR m.id < ?3))"
#define COUNT_AFTER(and)                                                      \
	"(SELECT count(*) FROM meeting m WHERE " and "m.starts_at >= ?2 AND " \
	"(m.starts_at > ?2 OR m.id >= ?3))"
#define COUNT_NEARER(body)                                                    \
	"julianday(?2) - julianday((SELECT min(m.starts_at) FROM meeting m "  \
	body ")) < julianday((SELECT max(m.starts_at) FROM meeting m " body   \
	")) - julianday(?2)"
#define COUNT_PLACE(body, and)                                                \
	COUNT_TOTAL(body) "CASE WHEN " COUNT_NEARER(body) " THEN "            \
	COUNT_BEFORE(and) " END, CASE WHEN NOT (" COUNT_NEARER(body) ") THEN " \
	COUNT_AFTER(and) " END"
#define COUNT_RECENT(body, and) COUNT_TOTAL(body) "NULL, " COUNT_AFTER(and)
static const char *const sql_count_place[2][2] = { /* [body][recent] */
	{COUNT_PLACE("", ""), COUNT_RECENT("", "")},
	{COUNT_PLACE("WHERE m.body_id = ?1", "m.body_id = ?1 AND "),
	 COUNT_RECENT("WHERE m.body_id = ?1", "m.body_id = ?1 AND ")},
};

enum clerk_status meeting_count_place(struct db *db, const char *body_id,
				      time_t starts_at, const char *id,
				      size_t *before, size_t *total,
				      struct clerk_err *err)
{
	*before = *total = 0;
	bool recent = starts_at > clock_now() - 366 * 86400;
	sqlite3_stmt *st =
		db_stmt(db, sql_count_place[body_id != NULL][recent], err);
	if (!st)
		return CLERK_DB;
	if (body_id)
		db_bind_text(st, 1, body_id);
	model_bind_time(st, 2, starts_at);
	db_bind_text(st, 3, id ? id : "");
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		sqlite3_int64 all = sqlite3_column_int64(st, 0);
		sqlite3_int64 n = sqlite3_column_int64(st, 1);
		if (sqlite3_column_type(st, 1) == SQLITE_NULL) /* those after */
			n = all - sqlite3_column_int64(st, 2);
		*total = (size_t)all;
		*before = n < 0 ? 0 : n > all ? (size_t)all : (size_t)n;
	}
	db_done(st);
	return step == SQLITE_ROW ? CLERK_OK
				  : db_fail(db, err, "counting the meetings");
}

/* The first or last LIMIT meetings of meeting_list's order. */
static const char *const sql_end[2][2] = {
	{"SELECT " MEETING_COLS " FROM meeting m "
	 "ORDER BY m.starts_at, m.id LIMIT ?2",
	 "SELECT " MEETING_COLS " FROM meeting m "
	 "ORDER BY m.starts_at DESC, m.id DESC LIMIT ?2"},
	{"SELECT " MEETING_COLS " FROM meeting m WHERE m.body_id = ?1 "
	 "ORDER BY m.starts_at, m.id LIMIT ?2",
	 "SELECT " MEETING_COLS " FROM meeting m WHERE m.body_id = ?1 "
	 "ORDER BY m.starts_at DESC, m.id DESC LIMIT ?2"},
};

enum clerk_status meeting_list_end(struct db *db, const char *body_id,
				   bool newest, size_t limit,
				   struct meeting_list *out,
				   struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql_end[body_id != NULL][newest], err);
	if (!st)
		return CLERK_DB;
	if (body_id)
		db_bind_text(st, 1, body_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	enum clerk_status rc = meeting_rows(db, st, out, err);
	/* The newest came newest first: put them in the list's order. */
	for (size_t i = 0; !rc && newest && i < out->n / 2; i++) {
		struct meeting t = out->v[i];
		out->v[i] = out->v[out->n - 1 - i];
		out->v[out->n - 1 - i] = t;
	}
	return rc;
}

/* Meeting list order (starts_at, then id), one way or the other. */
static int near_cmp(const struct meeting *a, const struct meeting *b,
		    bool after)
{
	int c = a->starts_at < b->starts_at   ? -1
		: a->starts_at > b->starts_at ? 1
					      : strcmp(a->id, b->id);
	return after ? c : -c;
}

/* The label of the body of the row's meeting m, added to bodies unless
 * it is there already (or the body is missing). */
static void near_body(sqlite3_stmt *st, const struct meeting *m,
		      struct body_list *bodies)
{
	if (sqlite3_column_type(st, NEAR_BODY_COL) == SQLITE_NULL)
		return;
	for (size_t i = 0; i < bodies->n; i++)
		if (strcmp(bodies->v[i].id, m->body_id) == 0)
			return;
	struct body *b = MODEL_LIST_PUSH(bodies);
	memset(b, 0, sizeof *b);
	memcpy(b->id, m->body_id, sizeof b->id);
	b->name = db_col_dup(st, NEAR_BODY_COL);
	b->short_name = db_col_dup(st, NEAR_BODY_COL + 1);
	b->tz = db_col_dup(st, NEAR_BODY_COL + 2);
}

/* The first `limit` rows of a NEAR_ query, in its direction: rows are read
 * until `limit` are held and the next starts at another time than the
 * last (so that every meeting of a start time is there to be ordered),
 * each put in its place among those of its start time, and the rest
 * dropped. */
static enum clerk_status near_rows(struct db *db, sqlite3_stmt *st,
				   bool after, size_t limit,
				   struct meeting_list *out,
				   struct body_list *bodies,
				   struct clerk_err *err)
{
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct meeting m;
		meeting_read(st, &m);
		if (out->n && out->n >= limit &&
		    m.starts_at != out->v[out->n - 1].starts_at) {
			meeting_free(&m);
			step = SQLITE_DONE;
			break;
		}
		if (bodies)
			near_body(st, &m, bodies);
		size_t i = out->n;
		*MODEL_LIST_PUSH(out) = m;
		for (; i > 0 && near_cmp(&out->v[i - 1], &m, after) > 0; i--)
			out->v[i] = out->v[i - 1];
		out->v[i] = m;
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = db_fail(db, err, "reading the meetings");
		meeting_list_free(out);
	}
	while (out->n > limit)
		meeting_free(&out->v[--out->n]);
	db_done(st);
	return rc;
}

enum clerk_status meeting_list_near(struct db *db, const char *body_id,
				    time_t starts_at, const char *id,
				    bool after, size_t limit,
				    struct meeting_list *out,
				    struct body_list *bodies,
				    struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql_near[body_id != NULL][after], err);
	if (!st)
		return CLERK_DB;
	if (body_id)
		db_bind_text(st, 1, body_id);
	model_bind_time(st, 2, starts_at);
	db_bind_text(st, 3, id ? id : "");
	enum clerk_status rc = near_rows(db, st, after, limit, out, bodies, err);
	/* Those before came newest first: put them in the list's order. */
	for (size_t i = 0; !rc && !after && i < out->n / 2; i++) {
		struct meeting t = out->v[i];
		out->v[i] = out->v[out->n - 1 - i];
		out->v[out->n - 1 - i] = t;
	}
	return rc;
}

enum clerk_status meeting_set_status(struct db *db, const char *meeting_id,
				     enum meeting_status status,
				     struct clerk_err *err)
{
	static const char sql[] = "UPDATE meeting SET status = ?2, "
				  "postponed = ?3 WHERE id = ?1";
	if ((unsigned)status > MEETING_POSTPONED)
		return clerk_fail(err, CLERK_INVALID,
				  "the meeting's status is unknown");
	enum clerk_status locked = model_refuse_confirmed(
		db, meeting_id, "changing the meeting's status", err);
	if (locked)
		return locked;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	db_bind_text(st, 2, meeting_status_text(
				    status == MEETING_POSTPONED ? MEETING_CANCELLED
								: status));
	sqlite3_bind_int(st, 3, status == MEETING_POSTPONED);
	enum clerk_status rc =
		model_step_done(db, st, "changing the meeting's status", err);
	return rc ? rc : model_check_changed(db, "meeting", meeting_id, err);
}

enum clerk_status meeting_awaiting_confirmation(struct db *db,
					       const struct meeting *at,
					       struct meeting *out,
					       struct clerk_err *err)
{
	/* Draft minutes of an earlier meeting that took place, of a body
	 * whose minutes at's body confirms (its own, or a body that names it
	 * in minutes_confirmed_by); the latest first. */
	static const char sql[] =
		"SELECT " MEETING_COLS " FROM meeting m JOIN body b ON b.id = "
		"m.body_id WHERE ((m.body_id = ?1 AND b.minutes_confirmed_by IS "
		"NULL) OR b.minutes_confirmed_by = ?1) AND m.minutes_state = "
		"'draft' AND m.starts_at < ?2 AND (m.status IN ('in progress', "
		"'adjourned', 'closed') OR (m.status = 'scheduled' AND "
		"m.starts_at <= ?3)) ORDER BY m.starts_at DESC LIMIT 1";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, at->body_id);
	model_bind_time(st, 2, at->starts_at);
	model_bind_time(st, 3, clock_now());
	enum clerk_status rc = CLERK_OK;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		meeting_read(st, out);
	else if (step == SQLITE_DONE)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"no earlier minutes of this body are waiting "
				"for confirmation");
	else
		rc = db_fail(db, err, "finding the minutes to confirm");
	db_done(st);
	return rc;
}

void meeting_free(struct meeting *m)
{
	if (!m)
		return;
	free(m->venue);
	free(m->confirmed_amendment);
	free(m->called_off_reason);
	memset(m, 0, sizeof *m);
}

void meeting_list_free(struct meeting_list *l)
{
	MODEL_LIST_FREE(l, meeting_free);
}

/* ------------------------------------------------- called off, deleted */

enum clerk_status meeting_call_off(struct db *db, const char *meeting_id,
				   enum meeting_status status,
				   const char *reason, struct clerk_err *err)
{
	struct meeting m;
	if (status != MEETING_CANCELLED && status != MEETING_POSTPONED)
		return clerk_fail(err, CLERK_INVALID,
				  "a meeting is called off as cancelled or "
				  "postponed");
	enum clerk_status rc = meeting_get(db, meeting_id, &m, err);
	if (rc)
		return rc;
	if (m.status != MEETING_SCHEDULED && !meeting_called_off(&m)) {
		rc = clerk_fail(err, CLERK_CONFLICT,
				"that meeting is %s: it was held, and what "
				"happened there is recorded, so it cannot be %s",
				meeting_status_text(m.status),
				meeting_status_text(status));
	} else {
		m.status = status;
		free(m.called_off_reason);
		m.called_off_reason = xstrdup(reason ? reason : "");
		rc = meeting_update(db, &m, err);
	}
	meeting_free(&m);
	return rc;
}

/* Each kind of record a meeting may hold, with how a sentence names it. */
static const struct {
	const char *sql, *what;
} meeting_records[] = {
	{"SELECT count(*) FROM event WHERE meeting_id = ?1", "events of its log"},
	{"SELECT count(*) FROM attendance WHERE meeting_id = ?1",
	 "attendance"},
	{"SELECT count(*) FROM declaration WHERE meeting_id = ?1",
	 "declarations of interest"},
	{"SELECT count(*) FROM minute_text WHERE meeting_id = ?1",
	 "minute text"},
	{"SELECT count(*) FROM resolution WHERE meeting_id = ?1",
	 "resolutions"},
	{"SELECT count(*) FROM vote WHERE meeting_id = ?1", "votes"},
	{"SELECT count(*) FROM action WHERE meeting_id = ?1", "actions"},
	{"SELECT count(*) FROM correction WHERE meeting_id = ?1 OR "
	 "made_at = ?1",
	 "corrections"},
	{"SELECT count(*) FROM meeting WHERE id = ?1 AND minutes_state = "
	 "'confirmed'",
	 "confirmed minutes"},
	{"SELECT count(*) FROM meeting WHERE confirmed_at = ?1",
	 "the confirmation of earlier minutes"},
	{"SELECT count(*) FROM absence_approval WHERE approved_at = ?1",
	 "approved absences"},
};

enum clerk_status meeting_recorded(struct db *db, const char *meeting_id,
				   char **what, struct clerk_err *err)
{
	struct strbuf sb = {0};
	*what = NULL;
	for (size_t i = 0; i < sizeof meeting_records / sizeof *meeting_records;
	     i++) {
		int n = model_query_int(db, meeting_records[i].sql, meeting_id,
					-1);
		if (n < 0) {
			sb_free(&sb);
			return db_fail(db, err, "reading what the meeting "
						"recorded");
		}
		if (n > 0)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "",
				meeting_records[i].what);
	}
	if (sb.len)
		*what = xstrdup(sb_str(&sb));
	sb_free(&sb);
	return CLERK_OK;
}

enum clerk_status meeting_proceedings_held(struct db *db,
					   const char *meeting_id, bool *held,
					   struct clerk_err *err)
{
	int n = model_query_int(
		db,
		"SELECT EXISTS (SELECT 1 FROM attendance WHERE meeting_id = ?1)"
		" OR EXISTS (SELECT 1 FROM minute_text WHERE meeting_id = ?1)"
		" OR EXISTS (SELECT 1 FROM resolution WHERE meeting_id = ?1)",
		meeting_id, -1);
	if (n < 0)
		return db_fail(db, err, "reading whether the meeting's "
					"proceedings are recorded");
	*held = n > 0;
	return CLERK_OK;
}

static enum clerk_status meeting_remove(struct db *db, void *arg,
					struct clerk_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM agenda_item WHERE meeting_id = ?1",
		"DELETE FROM meeting WHERE id = ?1",
	};
	const char *id = *(const char **)arg;
	enum clerk_status rc = CLERK_OK;
	for (size_t i = 0; i < 2 && !rc; i++) {
		sqlite3_stmt *st = db_stmt(db, sql[i], err);
		if (!st)
			return CLERK_DB;
		db_bind_text(st, 1, id);
		rc = model_step_done(db, st, "deleting the meeting", err);
	}
	return rc;
}

enum clerk_status meeting_delete(struct db *db, const char *meeting_id,
				 struct clerk_err *err)
{
	struct meeting m;
	enum clerk_status rc = meeting_get(db, meeting_id, &m, err);
	if (rc)
		return rc;
	char *what = NULL;
	if ((rc = meeting_recorded(db, meeting_id, &what, err))) {
		meeting_free(&m);
		return rc;
	}
	if (what) {
		rc = clerk_fail(err, CLERK_CONFLICT,
				"that meeting has %s recorded: it cannot be "
				"deleted, as nothing recorded is ever lost%s",
				what,
				m.status == MEETING_SCHEDULED
					? " (cancel it instead: clerk meeting "
					  "cancel MEETING --reason TEXT)"
					: "");
		free(what);
	} else {
		rc = model_tx(db, meeting_remove, &meeting_id, err);
	}
	meeting_free(&m);
	return rc;
}
