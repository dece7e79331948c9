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
	"m.first_minute, m.public_present"

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
				   err)))
		return rc;
	if (!m->starts_at)
		return clerk_fail(err, CLERK_INVALID,
				  "the meeting has no date and time");
	if ((unsigned)m->status > MEETING_CANCELLED ||
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
	db_bind_text(st, 5, meeting_status_text(m->status));
	if (m->first_minute > 0)
		sqlite3_bind_int(st, 6, m->first_minute);
	else
		sqlite3_bind_null(st, 6);
	if (m->public_present >= 0)
		sqlite3_bind_int(st, 7, m->public_present);
	else
		sqlite3_bind_null(st, 7);
}

enum clerk_status meeting_create(struct db *db, struct meeting *m,
				 struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO meeting(id, body_id, starts_at, venue, status, "
		"first_minute, public_present) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	enum clerk_status rc = meeting_check(m, err);
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
		"status = ?5, first_minute = ?6, public_present = ?7 WHERE id = ?1";
	enum clerk_status rc = meeting_check(m, err);
	if (!rc)
		rc = model_refuse_confirmed(db, m->id, "saving the meeting", err);
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
		(*tzs)[out->n - 1] = db_col_dup(st, 12);
		(*names)[out->n - 1] = db_col_dup(st, 13);
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
	time_t day;
	struct meeting_list near = {0};
	char **tzs = NULL, **names = NULL;
	time_parse_utc(date, &day);
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
	return rc;
}

enum clerk_status meeting_current(struct db *db, time_t now,
				  struct meeting *out, struct clerk_err *err)
{
	/* A meeting that has not been opened yet stays current for twelve
	 * hours after its planned start (it may start late). */
	static const char sql[] =
		"SELECT " MEETING_COLS " FROM meeting m WHERE m.status IN "
		"('in progress', 'adjourned') OR (m.status = 'scheduled' AND "
		"m.starts_at >= ?1) ORDER BY m.status = 'in progress' DESC, "
		"m.status = 'adjourned' DESC, m.starts_at LIMIT 1";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_bind_time(st, 1, (now ? now : clock_now()) - 12 * 3600);
	enum clerk_status rc = CLERK_OK;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		meeting_read(st, out);
	else if (step == SQLITE_DONE)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"no meeting is in progress or coming up");
	else
		rc = db_fail(db, err, "finding the current meeting");
	db_done(st);
	return rc;
}

enum clerk_status meeting_list(struct db *db, const char *body_id,
			       struct meeting_list *out, struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " MEETING_COLS " FROM meeting m WHERE ?1 IS NULL OR "
		"m.body_id = ?1 ORDER BY m.starts_at, m.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_bind_id(st, 1, body_id);
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

enum clerk_status meeting_set_status(struct db *db, const char *meeting_id,
				     enum meeting_status status,
				     struct clerk_err *err)
{
	static const char sql[] = "UPDATE meeting SET status = ?2 WHERE id = ?1";
	if ((unsigned)status > MEETING_CANCELLED)
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
	db_bind_text(st, 2, meeting_status_text(status));
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
	memset(m, 0, sizeof *m);
}

void meeting_list_free(struct meeting_list *l)
{
	MODEL_LIST_FREE(l, meeting_free);
}
