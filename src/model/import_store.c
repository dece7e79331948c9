/*
 * model/import_store: find-or-create by natural keys and "set the current
 * membership of a seat", for the importers.  Everything here runs inside the
 * one transaction an importer holds, so none of it begins or commits.
 *
 * Natural keys: a council and a body by name (case-insensitive), a person by
 * name, a seat by body, position and label, a meeting by body and start
 * time, an agenda item by meeting and number, attendance by meeting and
 * person.  Writes happen only when something differs, so importing the same
 * data twice changes nothing (and adds nothing to the audit).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "clerk/import_store.h"

/* Step a statement that returns no row; fills err on failure. */
static enum clerk_status step_done(struct db *db, sqlite3_stmt *st,
				   const char *doing, struct clerk_err *err)
{
	int rc = sqlite3_step(st);
	db_done(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, doing);
	return CLERK_OK;
}

static void copy_id(char id[CLERK_UUID_LEN], const char *s)
{
	snprintf(id, CLERK_UUID_LEN, "%s", s);
}

static void bind_time(sqlite3_stmt *st, int idx, time_t t)
{
	if (!t) {
		sqlite3_bind_null(st, idx);
		return;
	}
	char buf[CLERK_TIME_LEN];
	time_format_utc(t, buf);
	sqlite3_bind_text(st, idx, buf, -1, SQLITE_TRANSIENT);
}

enum clerk_status istore_meeting_info(struct db *db, const char *meeting_id,
				      time_t *starts_at, char *tz, size_t tzlen,
				      bool *confirmed, struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT m.starts_at, b.tz, m.minutes_state = 'confirmed' "
		"FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = ?",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, meeting_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		db_done(st);
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "reading the meeting");
		return clerk_fail(err, CLERK_NOT_FOUND, "no meeting %s",
				  meeting_id);
	}
	if (!time_parse_utc(db_col_text(st, 0), starts_at))
		*starts_at = 0;
	snprintf(tz, tzlen, "%s", db_col_text(st, 1));
	*confirmed = sqlite3_column_int(st, 2) != 0;
	db_done(st);
	return CLERK_OK;
}

enum clerk_status istore_items_clear(struct db *db, const char *meeting_id,
				     struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT (SELECT count(*) FROM minute_text WHERE meeting_id = ?1)"
		" + (SELECT count(*) FROM resolution WHERE meeting_id = ?1)"
		" + (SELECT count(*) FROM declaration WHERE meeting_id = ?1"
		"    AND item_id IS NOT NULL)"
		" + (SELECT count(*) FROM event WHERE meeting_id = ?1"
		"    AND item_id IS NOT NULL)",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, meeting_id);
	int used = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	if (used)
		return clerk_fail(err, CLERK_LOCKED,
				  "the meeting already has minutes, declarations "
				  "or events recorded against its agenda items; "
				  "its agenda cannot be replaced by an import");
	st = db_stmt(db, "DELETE FROM agenda_item WHERE meeting_id = ?", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, meeting_id);
	return step_done(db, st, "clearing the old agenda", err);
}

static void bind_item(sqlite3_stmt *st, const struct istore_item *it)
{
	db_bind_text(st, 3, it->number ? it->number : "");
	db_bind_text(st, 4, it->title ? it->title : "");
	db_bind_text(st, 5, it->description ? it->description : "");
	db_bind_text(st, 6, it->presenter ? it->presenter : "");
	bind_time(st, 7, it->start);
	sqlite3_bind_int(st, 8, it->minutes);
	db_bind_text(st, 9, it->pages ? it->pages : "");
	sqlite3_bind_int(st, 10, it->exempt);
	db_bind_text(st, 11, it->exempt_paragraph ? it->exempt_paragraph : "");
	db_bind_text(st, 12, it->kind ? it->kind : "ordinary");
}

enum clerk_status istore_item_insert(struct db *db, const char *meeting_id,
				     int position, const struct istore_item *it,
				     struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(
		db,
		"INSERT INTO agenda_item (id, meeting_id, number, title,"
		" description, presenter, planned_start, planned_minutes, pages,"
		" exempt, exempt_paragraph, kind, position)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
		err);
	if (!st)
		return err->status;
	char id[CLERK_UUID_LEN];
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, meeting_id);
	bind_item(st, it);
	sqlite3_bind_int(st, 13, position);
	return step_done(db, st, "adding an agenda item", err);
}

enum clerk_status istore_item_upsert(struct db *db, const char *meeting_id,
				     const struct istore_item *it,
				     bool *changed, struct clerk_err *err)
{
	*changed = false;
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT id, title = ?3 AND description = ?4 AND exempt = ?5"
		" AND pages = ?6 AND exempt_paragraph = ?7 FROM agenda_item "
		"WHERE meeting_id = ?1 AND number = ?2",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, meeting_id);
	db_bind_text(st, 2, it->number);
	db_bind_text(st, 3, it->title ? it->title : "");
	db_bind_text(st, 4, it->description ? it->description : "");
	sqlite3_bind_int(st, 5, it->exempt);
	db_bind_text(st, 6, it->pages ? it->pages : "");
	db_bind_text(st, 7, it->exempt_paragraph ? it->exempt_paragraph : "");
	char id[CLERK_UUID_LEN] = "";
	bool same = false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		copy_id(id, db_col_text(st, 0));
		same = sqlite3_column_int(st, 1) != 0;
	}
	db_done(st);
	if (same)
		return CLERK_OK;
	*changed = true;
	if (!id[0]) {
		st = db_stmt(db,
			     "SELECT coalesce(max(position), 0) + 1 FROM "
			     "agenda_item WHERE meeting_id = ?",
			     err);
		if (!st)
			return err->status;
		db_bind_text(st, 1, meeting_id);
		int pos = sqlite3_step(st) == SQLITE_ROW
				  ? sqlite3_column_int(st, 0)
				  : 1;
		db_done(st);
		return istore_item_insert(db, meeting_id, pos, it, err);
	}
	st = db_stmt(db,
		     "UPDATE agenda_item SET title = ?2, description = ?3,"
		     " exempt = ?4, pages = ?5, exempt_paragraph = ?6 WHERE "
		     "id = ?1",
		     err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, it->title ? it->title : "");
	db_bind_text(st, 3, it->description ? it->description : "");
	sqlite3_bind_int(st, 4, it->exempt);
	db_bind_text(st, 5, it->pages ? it->pages : "");
	db_bind_text(st, 6, it->exempt_paragraph ? it->exempt_paragraph : "");
	return step_done(db, st, "updating an agenda item", err);
}

enum clerk_status istore_council_ensure(struct db *db, const char *name,
					char id[CLERK_UUID_LEN],
					struct clerk_err *err)
{
	sqlite3_stmt *st;
	if (name) {
		st = db_stmt(db,
			     "SELECT id FROM council WHERE name = ? COLLATE "
			     "NOCASE",
			     err);
		if (!st)
			return err->status;
		db_bind_text(st, 1, name);
	} else {
		st = db_stmt(db,
			     "SELECT id FROM council WHERE (SELECT count(*) "
			     "FROM council) = 1 OR name = 'Council' LIMIT 1",
			     err);
		if (!st)
			return err->status;
	}
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		copy_id(id, db_col_text(st, 0));
	db_done(st);
	if (found)
		return CLERK_OK;
	st = db_stmt(db, "INSERT INTO council (id, name) VALUES (?, ?)", err);
	if (!st)
		return err->status;
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, name ? name : "Council");
	return step_done(db, st, "adding the council", err);
}

enum clerk_status istore_body_ensure(struct db *db, const char *council_id,
				     const char *name, char id[CLERK_UUID_LEN],
				     bool *created, struct clerk_err *err)
{
	*created = false;
	sqlite3_stmt *st = db_stmt(
		db, "SELECT id FROM body WHERE name = ? COLLATE NOCASE", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		copy_id(id, db_col_text(st, 0));
	db_done(st);
	if (found)
		return CLERK_OK;
	st = db_stmt(db,
		     "INSERT INTO body (id, council_id, name) VALUES (?, ?, ?)",
		     err);
	if (!st)
		return err->status;
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, council_id);
	db_bind_text(st, 3, name);
	*created = true;
	return step_done(db, st, "adding the body", err);
}

enum clerk_status istore_body_tz(struct db *db, const char *body_id, char *tz,
				 size_t tzlen, struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT tz FROM body WHERE id = ?", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, body_id);
	const char *z = sqlite3_step(st) == SQLITE_ROW ? db_col_text(st, 0) : "";
	snprintf(tz, tzlen, "%s", *z ? z : "Europe/London");
	db_done(st);
	return CLERK_OK;
}

enum clerk_status istore_person_ensure(struct db *db, const char *honorific,
				       const char *name,
				       const char *organisation,
				       char id[CLERK_UUID_LEN], bool *created,
				       struct clerk_err *err)
{
	*created = false;
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT id FROM person WHERE name = ? COLLATE NOCASE "
		"ORDER BY honorific = ? DESC LIMIT 1",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, honorific ? honorific : "");
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		copy_id(id, db_col_text(st, 0));
	db_done(st);
	if (found)
		return CLERK_OK;
	st = db_stmt(db,
		     "INSERT INTO person (id, honorific, name, organisation) "
		     "VALUES (?, ?, ?, ?)",
		     err);
	if (!st)
		return err->status;
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, honorific ? honorific : "");
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, organisation ? organisation : "");
	*created = true;
	return step_done(db, st, "adding a person", err);
}

enum clerk_status istore_seat_ensure(struct db *db, const char *body_id,
				     int position, const char *label,
				     const char *vacancy_note, bool sub_tbc,
				     char id[CLERK_UUID_LEN], bool *changed,
				     struct clerk_err *err)
{
	*changed = false;
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT id, vacancy_note = ?4 AND substitute_tbc = ?5 FROM seat"
		" WHERE body_id = ?1 AND position = ?2 AND label = ?3",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, body_id);
	sqlite3_bind_int(st, 2, position);
	db_bind_text(st, 3, label);
	db_bind_text(st, 4, vacancy_note);
	sqlite3_bind_int(st, 5, sub_tbc);
	bool found = sqlite3_step(st) == SQLITE_ROW, same = false;
	if (found) {
		copy_id(id, db_col_text(st, 0));
		same = sqlite3_column_int(st, 1) != 0;
	}
	db_done(st);
	if (same)
		return CLERK_OK;
	*changed = true;
	if (found) {
		st = db_stmt(db,
			     "UPDATE seat SET vacancy_note = ?, substitute_tbc "
			     "= ? WHERE id = ?",
			     err);
		if (!st)
			return err->status;
		db_bind_text(st, 1, vacancy_note);
		sqlite3_bind_int(st, 2, sub_tbc);
		db_bind_text(st, 3, id);
		return step_done(db, st, "updating a seat", err);
	}
	/* A different seat at this position moves down to make room. */
	st = db_stmt(db,
		     "UPDATE seat SET position = position + 1 WHERE body_id = ?"
		     " AND position >= ?",
		     err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, body_id);
	sqlite3_bind_int(st, 2, position);
	enum clerk_status rc = step_done(db, st, "making room for a seat", err);
	if (rc)
		return rc;
	st = db_stmt(db,
		     "INSERT INTO seat (id, body_id, position, label, "
		     "vacancy_note, substitute_tbc) VALUES (?, ?, ?, ?, ?, ?)",
		     err);
	if (!st)
		return err->status;
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, body_id);
	sqlite3_bind_int(st, 3, position);
	db_bind_text(st, 4, label);
	db_bind_text(st, 5, vacancy_note);
	sqlite3_bind_int(st, 6, sub_tbc);
	return step_done(db, st, "adding a seat", err);
}

/* Refuse to end a term on a date before it began: sql selects (position,
 * label, from_date) of such a term for ?1 seat, ?2 id kept, ?3 date. */
static enum clerk_status later_term(struct db *db, const char *sql,
				    const char *seat_id, const char *keep,
				    const char *to, struct clerk_err *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, "checking the membership");
	db_bind_text(st, 1, seat_id);
	db_bind_text(st, 2, keep);
	db_bind_text(st, 3, to);
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = clerk_fail(err, CLERK_CONFLICT,
				"seat %d (%s) has a term that began on %s, "
				"after %s: import with a later --from date",
				sqlite3_column_int(st, 0), db_col_text(st, 1),
				db_col_text(st, 2), to);
	sqlite3_finalize(st);
	return rc;
}

/* End every open membership of a seat on `to`, except the one with `keep`
 * id (may be ""). */
static enum clerk_status end_memberships(struct db *db, const char *seat_id,
					 const char *keep, const char *to,
					 struct clerk_err *err)
{
	enum clerk_status rc = later_term(
		db,
		"SELECT s.position, s.label, m.from_date FROM membership m JOIN "
		"seat s ON s.id = m.seat_id WHERE m.seat_id = ?1 AND m.to_date "
		"IS NULL AND m.id <> ?2 AND m.from_date > ?3",
		seat_id, keep, to, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(
		db,
		"UPDATE membership SET to_date = ?3 WHERE seat_id = ?1 AND "
		"to_date IS NULL AND id <> ?2",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, seat_id);
	db_bind_text(st, 2, keep);
	db_bind_text(st, 3, to);
	return step_done(db, st, "ending a membership", err);
}

enum clerk_status istore_member_set(struct db *db, const char *seat_id,
				    const char *person_id, const char *role,
				    const char *capacity, const char *from,
				    bool *changed, struct clerk_err *err)
{
	*changed = false;
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT id FROM membership WHERE seat_id = ?1 AND to_date IS "
		"NULL AND person_id = ?2 AND role = ?3 AND capacity = ?4",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, seat_id);
	db_bind_text(st, 2, person_id ? person_id : "");
	db_bind_text(st, 3, role);
	db_bind_text(st, 4, capacity);
	char keep[CLERK_UUID_LEN] = "";
	if (sqlite3_step(st) == SQLITE_ROW)
		copy_id(keep, db_col_text(st, 0));
	db_done(st);
	int before = sqlite3_total_changes(db_handle(db));
	enum clerk_status rc = end_memberships(db, seat_id, keep, from, err);
	if (rc)
		return rc;
	*changed = sqlite3_total_changes(db_handle(db)) != before;
	if (keep[0] || !person_id)
		return CLERK_OK;
	st = db_stmt(db,
		     "INSERT INTO membership (id, seat_id, person_id, role, "
		     "capacity, from_date) VALUES (?, ?, ?, ?, ?, ?)",
		     err);
	if (!st)
		return err->status;
	char id[CLERK_UUID_LEN];
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, seat_id);
	db_bind_text(st, 3, person_id);
	db_bind_text(st, 4, role);
	db_bind_text(st, 5, capacity);
	db_bind_text(st, 6, from);
	*changed = true;
	return step_done(db, st, "adding a membership", err);
}

/* True when the open nominations of a seat are exactly these, in order. */
static enum clerk_status subs_same(struct db *db, const char *seat_id,
				   char (*person_ids)[CLERK_UUID_LEN],
				   char *const *capacities, size_t n,
				   bool *same, struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT person_id, capacity FROM substitute WHERE seat_id = ? "
		"AND to_date IS NULL ORDER BY position",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, seat_id);
	size_t i = 0;
	*same = true;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (i >= n || strcmp(db_col_text(st, 0), person_ids[i]) ||
		    strcmp(db_col_text(st, 1), capacities[i]))
			*same = false;
		i++;
	}
	db_done(st);
	if (i != n)
		*same = false;
	return CLERK_OK;
}

enum clerk_status istore_subs_set(struct db *db, const char *seat_id,
				  char (*person_ids)[CLERK_UUID_LEN],
				  char *const *capacities, size_t n,
				  const char *from, bool *changed,
				  struct clerk_err *err)
{
	bool same = false;
	*changed = false;
	enum clerk_status rc =
		subs_same(db, seat_id, person_ids, capacities, n, &same, err);
	if (rc || same)
		return rc;
	*changed = true;
	rc = later_term(db,
			"SELECT s.position, s.label, u.from_date FROM substitute "
			"u JOIN seat s ON s.id = u.seat_id WHERE u.seat_id = ?1 "
			"AND u.to_date IS NULL AND u.id <> ?2 AND u.from_date > ?3",
			seat_id, "", from, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db,
				   "UPDATE substitute SET to_date = ? WHERE "
				   "seat_id = ? AND to_date IS NULL",
				   err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, seat_id);
	if ((rc = step_done(db, st, "ending a nomination", err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		st = db_stmt(db,
			     "INSERT INTO substitute (id, seat_id, person_id, "
			     "capacity, position, from_date) VALUES (?, ?, ?, ?,"
			     " ?, ?)",
			     err);
		if (!st)
			return err->status;
		char id[CLERK_UUID_LEN];
		db_uuid(id);
		db_bind_text(st, 1, id);
		db_bind_text(st, 2, seat_id);
		db_bind_text(st, 3, person_ids[i]);
		db_bind_text(st, 4, capacities[i]);
		sqlite3_bind_int(st, 5, (int)i + 1);
		db_bind_text(st, 6, from);
		if ((rc = step_done(db, st, "adding a substitute", err)))
			return rc;
	}
	return CLERK_OK;
}

enum clerk_status istore_meeting_ensure(struct db *db, const char *body_id,
					time_t starts_at, const char *venue,
					char id[CLERK_UUID_LEN], bool *created,
					struct clerk_err *err)
{
	*created = false;
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT id, venue = ?3 OR ?3 = '' FROM meeting WHERE body_id = ?1"
		" AND starts_at = ?2",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, body_id);
	bind_time(st, 2, starts_at);
	db_bind_text(st, 3, venue ? venue : "");
	bool found = sqlite3_step(st) == SQLITE_ROW, same = false;
	if (found) {
		copy_id(id, db_col_text(st, 0));
		same = sqlite3_column_int(st, 1) != 0;
	}
	db_done(st);
	if (found && same)
		return CLERK_OK;
	if (found) {
		st = db_stmt(db, "UPDATE meeting SET venue = ? WHERE id = ?",
			     err);
		if (!st)
			return err->status;
		db_bind_text(st, 1, venue);
		db_bind_text(st, 2, id);
		return step_done(db, st, "setting the venue", err);
	}
	st = db_stmt(db,
		     "INSERT INTO meeting (id, body_id, starts_at, venue) "
		     "VALUES (?, ?, ?, ?)",
		     err);
	if (!st)
		return err->status;
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, body_id);
	bind_time(st, 3, starts_at);
	db_bind_text(st, 4, venue ? venue : "");
	*created = true;
	return step_done(db, st, "adding the meeting", err);
}

enum clerk_status istore_attendance_set(struct db *db, const char *meeting_id,
					const char *person_id,
					const char *status,
					const char *capacity,
					const char *substitute_for,
					bool *changed, struct clerk_err *err)
{
	*changed = false;
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT id, status = ?3 AND capacity = ?4 AND substitute_for IS"
		" ?5 FROM attendance WHERE meeting_id = ?1 AND person_id = ?2",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, meeting_id);
	db_bind_text(st, 2, person_id);
	db_bind_text(st, 3, status);
	db_bind_text(st, 4, capacity);
	db_bind_text(st, 5, substitute_for);
	char id[CLERK_UUID_LEN] = "";
	bool same = false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		copy_id(id, db_col_text(st, 0));
		same = sqlite3_column_int(st, 1) != 0;
	}
	db_done(st);
	if (same)
		return CLERK_OK;
	*changed = true;
	if (id[0]) {
		st = db_stmt(db,
			     "UPDATE attendance SET status = ?, capacity = ?, "
			     "substitute_for = ? WHERE id = ?",
			     err);
		if (!st)
			return err->status;
		db_bind_text(st, 1, status);
		db_bind_text(st, 2, capacity);
		db_bind_text(st, 3, substitute_for);
		db_bind_text(st, 4, id);
		return step_done(db, st, "updating attendance", err);
	}
	st = db_stmt(db,
		     "INSERT INTO attendance (id, meeting_id, person_id, seat_id,"
		     " status, capacity, substitute_for) VALUES (?1, ?2, ?3, "
		     "(SELECT s.id FROM seat s JOIN membership ms ON ms.seat_id ="
		     " s.id JOIN meeting m ON m.id = ?2 AND m.body_id = s.body_id"
		     " WHERE ms.person_id = coalesce(?6, ?3) ORDER BY ms.to_date"
		     " IS NULL DESC LIMIT 1), ?4, ?5, ?6)",
		     err);
	if (!st)
		return err->status;
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, meeting_id);
	db_bind_text(st, 3, person_id);
	db_bind_text(st, 4, status);
	db_bind_text(st, 5, capacity);
	db_bind_text(st, 6, substitute_for);
	return step_done(db, st, "recording attendance", err);
}
