/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/attendance: who was expected at a meeting and who came, in what
 * capacity, with apologies, substitutes, late arrivals and early
 * departures.  One row per person per meeting.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

#define ATT_COLS                                                               \
	"a.id, a.meeting_id, a.person_id, a.seat_id, a.status, "                \
	"a.substitute_for, a.capacity, a.note, a.substitute_note, "            \
	"a.arrived_at, a.arrived_item, a.left_at, a.left_item, p.id, "         \
	"p.honorific, p.name, p.organisation, p.role, p.pronoun, p.kind"

static void att_read(sqlite3_stmt *st, void *out)
{
	struct attendance *a = out;
	memset(a, 0, sizeof *a);
	model_col_id(st, 0, a->id);
	model_col_id(st, 1, a->meeting_id);
	model_col_id(st, 2, a->person_id);
	model_col_id(st, 3, a->seat_id);
	MODEL_COL_ENUM(st, 4, attendance_status_parse, &a->status);
	model_col_id(st, 5, a->substitute_for);
	a->capacity = db_col_dup(st, 6);
	a->note = db_col_dup(st, 7);
	a->substitute_note = db_col_dup(st, 8);
	a->arrived_at = model_col_time(st, 9);
	model_col_id(st, 10, a->arrived_item);
	a->left_at = model_col_time(st, 11);
	model_col_id(st, 12, a->left_item);
	model_read_person(st, 13, &a->person);
}

static enum clerk_status att_check(const struct attendance *a,
				   struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(a->meeting_id, "meeting", err)) ||
	    (rc = model_check_id(a->person_id, "person", err)) ||
	    (rc = model_check_text(a->capacity, "capacity", false, err)) ||
	    (rc = model_check_text(a->note, "note", false, err)) ||
	    (rc = model_check_text(a->substitute_note, "substitute note", false,
				   err)))
		return rc;
	if ((unsigned)a->status > ATT_IN_ATTENDANCE)
		return clerk_fail(err, CLERK_INVALID,
				  "the attendance status is unknown");
	if (model_has(a->substitute_for) &&
	    strcmp(a->substitute_for, a->person_id) == 0)
		return clerk_fail(err, CLERK_INVALID,
				  "a member cannot be their own substitute");
	return CLERK_OK;
}

enum clerk_status attendance_set(struct db *db, struct attendance *a,
				 struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO attendance(id, meeting_id, person_id, seat_id, status, "
		"substitute_for, capacity, note, substitute_note, arrived_at, "
		"arrived_item, left_at, left_item) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT(meeting_id, person_id) "
		"DO UPDATE SET seat_id = ?4, status = ?5, substitute_for = ?6, "
		"capacity = ?7, note = ?8, substitute_note = ?9, arrived_at = ?10, "
		"arrived_item = ?11, left_at = ?12, left_item = ?13 RETURNING id";
	enum clerk_status rc = att_check(a, err);
	if (!rc)
		rc = model_refuse_confirmed(db, a->meeting_id,
					    "recording the attendance", err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	clerk_id id = "";
	model_copy_id(id, a->id);
	model_ensure_id(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, a->meeting_id);
	db_bind_text(st, 3, a->person_id);
	model_bind_id(st, 4, a->seat_id);
	db_bind_text(st, 5, attendance_status_text(a->status));
	model_bind_id(st, 6, a->substitute_for);
	model_bind_str(st, 7, a->capacity);
	model_bind_str(st, 8, a->note);
	model_bind_str(st, 9, a->substitute_note);
	model_bind_time(st, 10, a->arrived_at);
	model_bind_id(st, 11, a->arrived_item);
	model_bind_time(st, 12, a->left_at);
	model_bind_id(st, 13, a->left_item);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		model_col_id(st, 0, id);
		step = sqlite3_step(st);
	}
	if (step != SQLITE_DONE)
		rc = model_fail(db, "recording the attendance", err);
	else
		memcpy(a->id, id, sizeof a->id);
	db_done(st);
	return rc;
}

enum clerk_status attendance_delete(struct db *db, const char *id,
				    struct clerk_err *err)
{
	static const char sql[] = "DELETE FROM attendance WHERE id = ?1";
	if (model_refuse_confirmed_row(db, MODEL_ROW_ATTENDANCE, id,
				       "removing the attendance", err))
		return err->status;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	enum clerk_status rc =
		model_step_done(db, st, "removing the attendance", err);
	return rc ? rc : model_check_changed(db, "attendance record", id, err);
}

enum clerk_status attendance_list(struct db *db, const char *meeting_id,
				  struct attendance_list *out,
				  struct clerk_err *err)
{
	/* Seat order (the member before a substitute in the same seat), then
	 * everyone without a seat by name. */
	static const char sql[] =
		"SELECT " ATT_COLS " FROM attendance a JOIN person p ON "
		"p.id = a.person_id LEFT JOIN seat s ON s.id = a.seat_id "
		"WHERE a.meeting_id = ?1 ORDER BY s.position IS NULL, s.position, "
		"a.status = 'substitute', p.name COLLATE NOCASE, a.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	enum clerk_status rc =
		MODEL_READ_ROWS(db, st, att_read, out, "reading the attendance", err);
	if (rc)
		attendance_list_free(out);
	return rc;
}

enum clerk_status attendance_get_person(struct db *db, const char *meeting_id,
					const char *person_id,
					struct attendance *out,
					struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " ATT_COLS " FROM attendance a JOIN person p ON "
		"p.id = a.person_id WHERE a.meeting_id = ?1 AND a.person_id = ?2";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	db_bind_text(st, 2, person_id);
	enum clerk_status rc = CLERK_OK;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		att_read(st, out);
	else if (step == SQLITE_DONE)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"no attendance of person %s at meeting %s",
				person_id ? person_id : "(none)",
				meeting_id ? meeting_id : "(none)");
	else
		rc = db_fail(db, err, "reading the attendance");
	db_done(st);
	return rc;
}

struct expect_arg {
	const char *meeting_id;
	const struct seat_info_list *seats;
	const struct attendance_list *have; /* NULL: not read */
	int added;
};

/* Whether the member of seat i already has a row: in the attendance read
 * (a->have), or written for an earlier seat they also hold. */
static bool expect_has_row(const struct expect_arg *a, size_t i)
{
	const char *pid = a->seats->v[i].member.id;
	for (size_t k = 0; k < a->have->n; k++)
		if (!strcmp(a->have->v[k].person_id, pid))
			return true;
	for (size_t j = 0; j < i; j++)
		if (a->seats->v[j].filled &&
		    !strcmp(a->seats->v[j].member.id, pid))
			return true;
	return false;
}

static enum clerk_status expect_insert(struct db *db, void *arg,
				       struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO attendance(id, meeting_id, person_id, seat_id, status) "
		"VALUES (?1, ?2, ?3, ?4, 'expected') "
		"ON CONFLICT(meeting_id, person_id) DO NOTHING";
	struct expect_arg *a = arg;
	enum clerk_status rc = CLERK_OK;
	for (size_t i = 0; !rc && i < a->seats->n; i++) {
		const struct seat_info *si = &a->seats->v[i];
		if (!si->filled || (a->have && expect_has_row(a, i)))
			continue;
		sqlite3_stmt *st = db_stmt(db, sql, err);
		if (!st)
			return CLERK_DB;
		clerk_id id = "";
		db_uuid(id);
		db_bind_text(st, 1, id);
		db_bind_text(st, 2, a->meeting_id);
		db_bind_text(st, 3, si->member.id);
		db_bind_text(st, 4, si->seat.id);
		rc = model_step_done(db, st, "listing the members expected", err);
		a->added += sqlite3_changes(db_handle(db)) > 0;
	}
	return rc;
}

enum clerk_status attendance_expect_seats(struct db *db,
					  const char *meeting_id,
					  const struct seat_info_list *seats,
					  const struct attendance_list *have,
					  int *added, struct clerk_err *err)
{
	struct expect_arg a = {meeting_id, seats, have, 0};
	enum clerk_status rc = model_tx(db, expect_insert, &a, err);
	if (added)
		*added = a.added;
	return rc;
}

enum clerk_status attendance_expect_members(struct db *db,
					    const char *meeting_id,
					    struct clerk_err *err)
{
	struct meeting m;
	struct seat_info_list seats = {0};
	enum clerk_status rc = meeting_get(db, meeting_id, &m, err);
	if (rc)
		return rc;
	char *tz = model_body_tz(db, m.body_id);
	char date[11];
	model_local_date(m.starts_at, tz, date);
	rc = seat_info_list(db, m.body_id, date, &seats, err);
	if (!rc)
		rc = attendance_expect_seats(db, meeting_id, &seats, NULL, NULL,
					     err);
	seat_info_list_free(&seats);
	free(tz);
	meeting_free(&m);
	return rc;
}

void attendance_copy(struct attendance *dst, const struct attendance *src)
{
	*dst = *src;
	dst->capacity = xstrdup(src->capacity ? src->capacity : "");
	dst->note = xstrdup(src->note ? src->note : "");
	dst->substitute_note =
		xstrdup(src->substitute_note ? src->substitute_note : "");
	person_copy(&dst->person, &src->person);
}

void attendance_free(struct attendance *a)
{
	if (!a)
		return;
	free(a->capacity);
	free(a->note);
	free(a->substitute_note);
	person_free(&a->person);
	memset(a, 0, sizeof *a);
}

void attendance_list_free(struct attendance_list *l)
{
	MODEL_LIST_FREE(l, attendance_free);
}
