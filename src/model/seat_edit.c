/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/seat_edit: correcting a body's membership table — reading and
 * removing a seat, ending a person's terms on a body, and removing a term
 * recorded by mistake.  A record that a meeting's attendance depends on is
 * never removed: the minutes would lose who was there.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

static void seat_read(sqlite3_stmt *st, void *out)
{
	struct seat *s = out;
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

enum clerk_status seat_get(struct db *db, const char *id, struct seat *out,
			   struct clerk_err *err)
{
	static const char sql[] =
		"SELECT id, body_id, position, label, voting, vacancy_note, "
		"substitute_tbc, coalesce(from_date, ''), coalesce(to_date, '') "
		"FROM seat WHERE id = ?1";
	return model_get_row(db, sql, id, seat_read, out, sizeof *out, "seat",
			     err);
}

/* Run each statement of sql with ?1 = a, ?2 = b, ?3 = c (NULL: unbound). */
static enum clerk_status run_all(struct db *db, const char *const *sql,
				 size_t n, const char *a, const char *b,
				 const char *c, const char *doing,
				 struct clerk_err *err)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = db_stmt(db, sql[i], err);
		if (!st)
			return CLERK_DB;
		db_bind_text(st, 1, a);
		if (b)
			db_bind_text(st, 2, b);
		if (c)
			db_bind_text(st, 3, c);
		enum clerk_status rc = model_step_done(db, st, doing, err);
		if (rc)
			return rc;
	}
	return CLERK_OK;
}

static enum clerk_status seat_remove(struct db *db, void *arg,
				     struct clerk_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM substitute WHERE seat_id = ?1",
		"DELETE FROM membership WHERE seat_id = ?1",
		"DELETE FROM seat WHERE id = ?1",
	};
	return run_all(db, sql, 3, arg, NULL, NULL, "removing the seat", err);
}

enum clerk_status seat_delete(struct db *db, const char *seat_id,
			      struct clerk_err *err)
{
	int used = model_query_int(
		db, "SELECT count(*) FROM attendance WHERE seat_id = ?1", seat_id,
		-1);
	if (used < 0)
		return db_fail(db, err, "reading the attendance");
	if (used > 0)
		return clerk_fail(err, CLERK_CONFLICT,
				  "meetings recorded attendance in this seat %d "
				  "time%s, so it is kept: end it with 'clerk seat "
				  "edit BODY SEAT --to DATE' instead",
				  used, used == 1 ? "" : "s");
	clerk_id id;
	model_copy_id(id, seat_id);
	return model_tx(db, seat_remove, id, err);
}

struct end_args {
	const char *body_id, *person_id, *to;
	int ended;
};

static enum clerk_status end_terms(struct db *db, void *arg,
				   struct clerk_err *err)
{
	static const char *const sql[] = {
		"UPDATE membership SET to_date = ?3 WHERE person_id = ?2 AND "
		"seat_id IN (SELECT id FROM seat WHERE body_id = ?1) AND "
		"from_date <= ?3 AND (to_date IS NULL OR to_date > ?3)",
		"UPDATE substitute SET to_date = ?3 WHERE person_id = ?2 AND "
		"seat_id IN (SELECT id FROM seat WHERE body_id = ?1) AND "
		"from_date <= ?3 AND (to_date IS NULL OR to_date > ?3)",
	};
	struct end_args *a = arg;
	for (size_t i = 0; i < 2; i++) {
		enum clerk_status rc = run_all(db, sql + i, 1, a->body_id,
					       a->person_id, a->to,
					       "ending the membership", err);
		if (rc)
			return rc;
		a->ended += sqlite3_changes(db_handle(db));
	}
	return CLERK_OK;
}

enum clerk_status membership_end_person(struct db *db, const char *body_id,
					const char *person_id,
					const char *last_day, int *ended,
					struct clerk_err *err)
{
	enum clerk_status rc = model_check_date(last_day, "last day", true, err);
	if (rc)
		return rc;
	/* A term's to date is its last day (inclusive, as everywhere). */
	struct end_args a = {body_id, person_id, last_day, 0};
	rc = model_tx(db, end_terms, &a, err);
	if (!rc && a.ended == 0)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"they hold no seat of that body on %s (nor are "
				"they a nominated substitute)",
				last_day);
	if (ended)
		*ended = a.ended;
	return rc;
}

struct delete_args {
	const char *body_id, *person_id;
	bool substitute;
	int removed;
};

static enum clerk_status delete_terms(struct db *db, void *arg,
				      struct clerk_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM membership WHERE person_id = ?2 AND seat_id IN "
		"(SELECT id FROM seat WHERE body_id = ?1)",
		"DELETE FROM substitute WHERE person_id = ?2 AND seat_id IN "
		"(SELECT id FROM seat WHERE body_id = ?1)",
	};
	struct delete_args *a = arg;
	enum clerk_status rc =
		run_all(db, sql + (a->substitute ? 1 : 0), 1, a->body_id,
			a->person_id, NULL, "removing the membership", err);
	if (!rc)
		a->removed = sqlite3_changes(db_handle(db));
	return rc;
}

enum clerk_status membership_delete_person(struct db *db, const char *body_id,
					   const char *person_id,
					   bool substitute, int *removed,
					   struct clerk_err *err)
{
	/* Attendance in that capacity at a meeting of the body: a member's
	 * own row, or a substitute's row standing in for someone. */
	static const char used_sql[] =
		"SELECT count(*) FROM attendance a JOIN meeting m ON m.id = "
		"a.meeting_id WHERE m.body_id = ?1 AND a.person_id = ?2 AND "
		"(CASE WHEN ?3 THEN a.status = 'substitute' OR a.substitute_for "
		"IS NOT NULL ELSE a.seat_id IS NOT NULL AND a.substitute_for IS "
		"NULL END)";
	sqlite3_stmt *st = db_stmt(db, used_sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, body_id);
	db_bind_text(st, 2, person_id);
	sqlite3_bind_int(st, 3, substitute);
	int step = sqlite3_step(st), used = sqlite3_column_int(st, 0);
	db_done(st);
	if (step != SQLITE_ROW)
		return db_fail(db, err, "reading the attendance");
	if (used)
		return clerk_fail(err, CLERK_CONFLICT,
				  "meetings of the body recorded them as %s %d "
				  "time%s, so the record is kept: end it with "
				  "'clerk member end' instead",
				  substitute ? "a substitute" : "a member", used,
				  used == 1 ? "" : "s");
	struct delete_args a = {body_id, person_id, substitute, 0};
	enum clerk_status rc = model_tx(db, delete_terms, &a, err);
	if (!rc && a.removed == 0)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"they are not %s of that body",
				substitute ? "a nominated substitute on any seat"
					   : "a member");
	if (removed)
		*removed = a.removed;
	return rc;
}
