/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/seat: the seats of a body, who held each one and when (membership
 * history), their nominated substitutes, and the membership table of a
 * body as it stood on a given date.
 *
 * A term runs from its from date up to, not including, its to date, so one
 * member's term can end on the day the next one's begins.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

/* ------------------------------------------------------------------ seats */

static enum clerk_status seat_check(const struct seat *s, struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(s->body_id, "body for the seat", err)) ||
	    (rc = model_check_text(s->label, "seat's label", false, err)) ||
	    (rc = model_check_text(s->vacancy_note, "vacancy note", false, err)) ||
	    (rc = model_check_date(s->from, "seat's first day", false, err)) ||
	    (rc = model_check_date(s->to, "seat's last day", false, err)))
		return rc;
	if (model_has(s->from) && model_has(s->to) && strcmp(s->to, s->from) < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "the seat's last day %s is before its first day %s",
				  s->to, s->from);
	return CLERK_OK;
}

static void seat_bind(sqlite3_stmt *st, const struct seat *s)
{
	db_bind_text(st, 1, s->id);
	db_bind_text(st, 2, s->body_id);
	sqlite3_bind_int(st, 3, s->position);
	model_bind_str(st, 4, s->label);
	sqlite3_bind_int(st, 5, s->voting);
	model_bind_str(st, 6, s->vacancy_note);
	sqlite3_bind_int(st, 7, s->substitute_tbc);
	db_bind_text(st, 8, model_has(s->from) ? s->from : NULL);
	db_bind_text(st, 9, model_has(s->to) ? s->to : NULL);
}

static enum clerk_status seat_insert(struct db *db, void *arg,
				     struct clerk_err *err)
{
	static const char last[] =
		"SELECT max(position) FROM seat WHERE body_id = ?1";
	static const char sql[] =
		"INSERT INTO seat(id, body_id, position, label, voting, "
		"vacancy_note, substitute_tbc, from_date, to_date) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	struct seat *s = arg;
	if (s->position <= 0)
		s->position = model_query_int(db, last, s->body_id, 0) + 1;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	seat_bind(st, s);
	return model_step_done(db, st, "adding the seat", err);
}

enum clerk_status seat_create(struct db *db, struct seat *s,
			      struct clerk_err *err)
{
	enum clerk_status rc = seat_check(s, err);
	if (rc)
		return rc;
	model_ensure_id(s->id);
	return model_tx(db, seat_insert, s, err);
}

enum clerk_status seat_update(struct db *db, const struct seat *s,
			      struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE seat SET body_id = ?2, position = ?3, label = ?4, "
		"voting = ?5, vacancy_note = ?6, substitute_tbc = ?7, "
		"from_date = ?8, to_date = ?9 WHERE id = ?1";
	enum clerk_status rc = seat_check(s, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	seat_bind(st, s);
	rc = model_step_done(db, st, "saving the seat", err);
	return rc ? rc : model_check_changed(db, "seat", s->id, err);
}

void seat_free(struct seat *s)
{
	if (!s)
		return;
	free(s->label);
	free(s->vacancy_note);
	free(s->from);
	free(s->to);
	memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------- membership */

/* One term of a member or substitute, as given by the caller. */
struct term {
	const char *seat_id, *person_id, *capacity, *from, *to;
	enum member_role role;
};

static enum clerk_status term_check(const struct term *t,
				    struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(t->seat_id, "seat", err)) ||
	    (rc = model_check_id(t->person_id, "person", err)) ||
	    (rc = model_check_text(t->capacity, "capacity", false, err)) ||
	    (rc = model_check_date(t->from, "start date", true, err)) ||
	    (rc = model_check_date(t->to, "end date", false, err)))
		return rc;
	if (model_has(t->to) && strcmp(t->to, t->from) < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "the last day %s is before the first day %s",
				  t->to, t->from);
	if ((unsigned)t->role > ROLE_MEMBER)
		return clerk_fail(err, CLERK_INVALID, "the member's role is unknown");
	return CLERK_OK;
}

/* Refuse a term overlapping another term of the seat. */
static enum clerk_status membership_overlap(struct db *db,
					    const struct term *t,
					    struct clerk_err *err)
{
	static const char sql[] =
		"SELECT p.name, m.from_date FROM membership m "
		"JOIN person p ON p.id = m.person_id WHERE m.seat_id = ?1 "
		"AND (?3 IS NULL OR m.from_date <= ?3) "
		"AND (m.to_date IS NULL OR m.to_date >= ?2) LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, t->seat_id);
	db_bind_text(st, 2, t->from);
	db_bind_text(st, 3, model_has(t->to) ? t->to : NULL);
	enum clerk_status rc = CLERK_OK;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		rc = clerk_fail(err, CLERK_CONFLICT,
				"the seat is already held by %s from %s: end that "
				"membership first",
				db_col_text(st, 0), db_col_text(st, 1));
	else if (step != SQLITE_DONE)
		rc = db_fail(db, err, "checking the seat's members");
	db_done(st);
	return rc;
}

static enum clerk_status membership_insert(struct db *db, void *arg,
					   struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO membership(id, seat_id, person_id, role, capacity, "
		"from_date, to_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	const struct term *t = arg;
	enum clerk_status rc = membership_overlap(db, t, err);
	sqlite3_stmt *st = rc ? NULL : db_stmt(db, sql, err);
	if (!st)
		return rc ? rc : CLERK_DB;
	clerk_id id = "";
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, t->seat_id);
	db_bind_text(st, 3, t->person_id);
	db_bind_text(st, 4, member_role_text(t->role));
	model_bind_str(st, 5, t->capacity);
	db_bind_text(st, 6, t->from);
	db_bind_text(st, 7, model_has(t->to) ? t->to : NULL);
	return model_step_done(db, st, "recording the membership", err);
}

enum clerk_status membership_add(struct db *db, const char *seat_id,
				 const char *person_id, enum member_role role,
				 const char *capacity, const char *from,
				 const char *to, struct clerk_err *err)
{
	struct term t = {seat_id, person_id, capacity, from, to, role};
	enum clerk_status rc = term_check(&t, err);
	return rc ? rc : model_tx(db, membership_insert, &t, err);
}

enum clerk_status membership_end(struct db *db, const char *seat_id,
				 const char *to, struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE membership SET to_date = ?2 WHERE seat_id = ?1 "
		"AND to_date IS NULL AND from_date <= ?2";
	enum clerk_status rc;
	if ((rc = model_check_id(seat_id, "seat", err)) ||
	    (rc = model_check_date(to, "end date", true, err)))
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, seat_id);
	db_bind_text(st, 2, to);
	rc = model_step_done(db, st, "ending the membership", err);
	if (!rc && sqlite3_changes(db_handle(db)) == 0)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"the seat has no member who started by %s", to);
	return rc;
}

static enum clerk_status substitute_insert(struct db *db, void *arg,
					   struct clerk_err *err)
{
	static const char last[] =
		"SELECT count(*) FROM substitute WHERE seat_id = ?1";
	static const char sql[] =
		"INSERT INTO substitute(id, seat_id, person_id, capacity, position, "
		"from_date, to_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	static const char twice[] =
		"SELECT count(*) FROM substitute WHERE seat_id = ?1 AND "
		"person_id = ?2 AND (?4 IS NULL OR from_date <= ?4) AND "
		"(to_date IS NULL OR to_date >= ?3)"; /* first and last days */
	const struct term *t = arg;
	sqlite3_stmt *chk = db_stmt(db, twice, err);
	if (!chk)
		return CLERK_DB;
	db_bind_text(chk, 1, t->seat_id);
	db_bind_text(chk, 2, t->person_id);
	db_bind_text(chk, 3, t->from);
	db_bind_text(chk, 4, model_has(t->to) ? t->to : NULL);
	int step = sqlite3_step(chk), same = sqlite3_column_int(chk, 0);
	db_done(chk);
	if (step != SQLITE_ROW)
		return db_fail(db, err, "checking the seat's substitutes");
	if (same)
		return clerk_fail(err, CLERK_CONFLICT,
				  "that person is already a nominated substitute "
				  "for this seat at that time");
	int position = model_query_int(db, last, t->seat_id, 0) + 1;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	clerk_id id = "";
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, t->seat_id);
	db_bind_text(st, 3, t->person_id);
	model_bind_str(st, 4, t->capacity);
	sqlite3_bind_int(st, 5, position);
	db_bind_text(st, 6, t->from);
	db_bind_text(st, 7, model_has(t->to) ? t->to : NULL);
	return model_step_done(db, st, "recording the substitute", err);
}

enum clerk_status substitute_add(struct db *db, const char *seat_id,
				 const char *person_id, const char *capacity,
				 const char *from, const char *to,
				 struct clerk_err *err)
{
	struct term t = {seat_id, person_id, capacity, from, to, ROLE_MEMBER};
	enum clerk_status rc = term_check(&t, err);
	return rc ? rc : model_tx(db, substitute_insert, &t, err);
}

enum clerk_status membership_history(struct db *db, const char *seat_id,
				     struct membership_list *out,
				     struct clerk_err *err)
{
	static const char sql[] =
		"SELECT m.id, m.seat_id, m.role, m.capacity, m.from_date, "
		"m.to_date, p.id, p.honorific, p.name, p.organisation, p.role, "
		"p.pronoun, p.kind FROM membership m JOIN person p ON p.id = m.person_id "
		"WHERE m.seat_id = ?1 ORDER BY m.from_date, m.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, seat_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct membership *m = MODEL_LIST_PUSH(out);
		model_col_id(st, 0, m->id);
		model_col_id(st, 1, m->seat_id);
		MODEL_COL_ENUM(st, 2, member_role_parse, &m->role);
		m->capacity = db_col_dup(st, 3);
		m->from = db_col_dup(st, 4);
		m->to = db_col_dup(st, 5);
		model_read_person(st, 6, &m->person);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = db_fail(db, err, "reading the seat's history");
		membership_list_free(out);
	}
	db_done(st);
	return rc;
}

void membership_list_free(struct membership_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		person_free(&l->v[i].person);
		free(l->v[i].capacity);
		free(l->v[i].from);
		free(l->v[i].to);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* -------------------------------------------------------- seats on a date */

/* The seat of the list with id `seat_id`, or NULL (a body has a few dozen
 * seats at most). */
static struct seat_info *seat_in(struct seat_info_list *l, const char *seat_id)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].seat.id, seat_id))
			return &l->v[i];
	return NULL;
}

/* The member of each seat on the date: one query for the whole body (a
 * query per seat cost more in statement steps than the rows themselves);
 * where terms overlap, the latest started wins.  Each seat's terms are
 * walked from the latest started on or before the date, back only as far
 * as the first that covers it: a seat's whole history is not read. */
static enum clerk_status seat_members_on(struct db *db, const char *body_id,
					 const char *date,
					 struct seat_info_list *l,
					 struct clerk_err *err)
{
	static const char sql[] =
		"SELECT m.seat_id, m.role, m.capacity, m.from_date, p.id, "
		"p.honorific, p.name, p.organisation, p.role, p.pronoun, p.kind FROM "
		"seat s JOIN membership m ON m.rowid = (SELECT x.rowid FROM "
		"membership x WHERE x.seat_id = s.id AND x.from_date <= ?2 AND "
		"(x.to_date IS NULL OR x.to_date >= ?2) ORDER BY x.from_date DESC "
		"LIMIT 1) JOIN person p ON p.id = m.person_id WHERE s.body_id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, body_id);
	db_bind_text(st, 2, date);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct seat_info *si = seat_in(l, db_col_text(st, 0));
		if (!si || si->filled)
			continue;
		si->filled = true;
		MODEL_COL_ENUM(st, 1, member_role_parse, &si->role);
		si->member_capacity = db_col_dup(st, 2);
		si->member_since = db_col_dup(st, 3);
		model_read_person(st, 4, &si->member);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE)
		rc = db_fail(db, err, "reading the seats' members");
	db_done(st);
	for (size_t i = 0; i < l->n; i++)
		if (!l->v[i].filled) {
			l->v[i].role = ROLE_MEMBER;
			l->v[i].member_capacity = xstrdup("");
			l->v[i].member_since = xstrdup("");
		}
	return rc;
}

/* The nominated substitutes of each seat on the date, in their order. */
static enum clerk_status seat_subs_on(struct db *db, const char *body_id,
				      const char *date,
				      struct seat_info_list *l,
				      struct clerk_err *err)
{
	static const char sql[] =
		"SELECT x.seat_id, x.capacity, p.id, p.honorific, p.name, "
		"p.organisation, p.role, p.pronoun, p.kind FROM seat s JOIN "
		"substitute x "
		"ON x.seat_id = s.id JOIN person p ON p.id = x.person_id WHERE "
		"s.body_id = ?1 AND x.from_date <= ?2 AND (x.to_date IS NULL OR "
		"x.to_date >= ?2) ORDER BY x.seat_id, x.position, x.from_date";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, body_id);
	db_bind_text(st, 2, date);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct seat_info *si = seat_in(l, db_col_text(st, 0));
		if (!si)
			continue;
		si->subs = xrealloc(si->subs, (si->nsubs + 1) * sizeof *si->subs);
		struct seat_substitute *sub = &si->subs[si->nsubs++];
		sub->capacity = db_col_dup(st, 1);
		model_read_person(st, 2, &sub->person);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE)
		rc = db_fail(db, err, "reading the seats' substitutes");
	db_done(st);
	return rc;
}

static enum clerk_status seat_rows(struct db *db, const char *body_id,
				   const char *date, struct seat_info_list *out,
				   struct clerk_err *err)
{
	static const char sql[] =
		"SELECT id, body_id, position, label, voting, vacancy_note, "
		"substitute_tbc, coalesce(from_date, ''), coalesce(to_date, '') "
		"FROM seat WHERE body_id = ?1 "
		"AND (from_date IS NULL OR from_date <= ?2) "
		"AND (to_date IS NULL OR to_date >= ?2) ORDER BY position, id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, body_id);
	db_bind_text(st, 2, date);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct seat *s = &MODEL_LIST_PUSH(out)->seat;
		model_col_id(st, 0, s->id);
		model_col_id(st, 1, s->body_id);
		s->position = sqlite3_column_int(st, 2);
		s->label = db_col_dup(st, 3);
		s->voting = sqlite3_column_int(st, 4) != 0;
		s->vacancy_note = db_col_dup(st, 5);
		s->substitute_tbc = sqlite3_column_int(st, 6) != 0;
		s->from = db_col_dup(st, 7);
		s->to = db_col_dup(st, 8);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE)
		rc = db_fail(db, err, "reading the seats");
	db_done(st);
	return rc;
}

enum clerk_status seat_info_list(struct db *db, const char *body_id,
				 const char *date, struct seat_info_list *out,
				 struct clerk_err *err)
{
	char today[11];
	memset(out, 0, sizeof *out);
	enum clerk_status rc = model_check_date(date, "date", false, err);
	if (rc)
		return rc;
	if (!model_has(date)) {
		char *tz = model_body_tz(db, body_id);
		model_local_date(clock_now(), tz, today);
		free(tz);
		date = today;
	}
	if (!(rc = seat_rows(db, body_id, date, out, err)) &&
	    !(rc = seat_members_on(db, body_id, date, out, err)))
		rc = seat_subs_on(db, body_id, date, out, err);
	if (rc)
		seat_info_list_free(out);
	return rc;
}

void seat_info_list_free(struct seat_info_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		struct seat_info *si = &l->v[i];
		seat_free(&si->seat);
		person_free(&si->member);
		free(si->member_capacity);
		free(si->member_since);
		for (size_t j = 0; j < si->nsubs; j++) {
			person_free(&si->subs[j].person);
			free(si->subs[j].capacity);
		}
		free(si->subs);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
