/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/import_store: find-or-create by natural keys and "set the current
 * membership of a seat", for the importers.  Everything here runs inside the
 * one transaction an importer holds (model writes nest in it as savepoints),
 * so an import stays all-or-nothing.
 *
 * Writes go through the model API (council_create, body_create,
 * person_create, seat_create/update, item_create/update/delete,
 * meeting_create/update, membership_add, substitute_add, attendance_set), so
 * they get the model's checks and defaults.  The SQL left here is what the
 * model lacks: the natural-key look-ups, making room for a seat at a given
 * position, and ending every open term of a seat on a date.
 *
 * Natural keys: a council and a body by name (case-insensitive), a person by
 * name, a seat by body, position and label, a meeting by body and start
 * time, an agenda item by meeting and number, attendance by meeting and
 * person.  Writes happen only when something differs, so importing the same
 * data twice changes nothing (and adds nothing to the audit).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/import_store.h"
#include "model_private.h"

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
	struct meeting m = {0};
	enum clerk_status rc = meeting_get(db, meeting_id, &m, err);
	if (rc)
		return rc;
	*starts_at = m.starts_at;
	*confirmed = m.minutes_state == MINUTES_CONFIRMED;
	char *zone = model_body_tz(db, m.body_id);
	snprintf(tz, tzlen, "%s", zone);
	free(zone);
	meeting_free(&m);
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
	struct item_list items = {0};
	enum clerk_status rc = item_list(db, meeting_id, &items, err);
	for (size_t i = items.n; !rc && i > 0; i--)
		rc = item_delete(db, items.v[i - 1].id, err);
	item_list_free(&items);
	return rc;
}

/* The model's agenda item for an importer's item (borrowing its strings). */
static struct agenda_item item_from(const char *meeting_id, int position,
				    const struct istore_item *it)
{
	struct agenda_item a = {.position = position};
	model_copy_id(a.meeting_id, meeting_id);
	a.number = it->number;
	a.title = it->title;
	a.description = it->description;
	a.presenter = it->presenter;
	a.planned_start = it->start;
	a.planned_minutes = it->minutes;
	a.pages = it->pages;
	a.exempt = it->exempt;
	a.exempt_paragraph = it->exempt_paragraph;
	if (!it->kind || !item_kind_parse(it->kind, &a.kind))
		a.kind = ITEM_ORDINARY;
	return a;
}

enum clerk_status istore_item_insert(struct db *db, const char *meeting_id,
				     int position, const struct istore_item *it,
				     struct clerk_err *err)
{
	struct agenda_item a = item_from(meeting_id, position, it);
	enum clerk_status rc = item_create(db, &a, err);
	if (rc || !it->app_reference)
		return rc;
	/* a planning application the agenda lists: its fields */
	char none[] = "";
	struct application app = {
		.reference = it->app_reference,
		.site = it->app_site ? it->app_site : none,
		.applicant = it->app_applicant ? it->app_applicant : none,
		.proposal = it->app_proposal ? it->app_proposal : none,
		.ward = it->app_ward ? it->app_ward : none,
		.recommendation = it->app_recommendation
					  ? it->app_recommendation
					  : none,
		.decision = none,
		.conditions = none,
		.speakers = none};
	model_copy_id(app.meeting_id, meeting_id);
	model_copy_id(app.item_id, a.id);
	return application_save(db, &app, err);
}

static bool same_text(const char *stored, const char *given)
{
	return strcmp(stored ? stored : "", given ? given : "") == 0;
}

/* Copy the fields an import of an existing item may change; true when
 * they already held these values. */
static bool item_merge(struct agenda_item *a, const struct istore_item *it)
{
	bool same = same_text(a->title, it->title) &&
		    same_text(a->description, it->description) &&
		    a->exempt == it->exempt && same_text(a->pages, it->pages) &&
		    same_text(a->exempt_paragraph, it->exempt_paragraph);
	if (same)
		return true;
	free(a->title);
	free(a->description);
	free(a->pages);
	free(a->exempt_paragraph);
	a->title = xstrdup(it->title ? it->title : "");
	a->description = xstrdup(it->description ? it->description : "");
	a->pages = xstrdup(it->pages ? it->pages : "");
	a->exempt_paragraph =
		xstrdup(it->exempt_paragraph ? it->exempt_paragraph : "");
	a->exempt = it->exempt;
	return false;
}

enum clerk_status istore_item_upsert(struct db *db, const char *meeting_id,
				     const struct istore_item *it,
				     bool *changed, struct clerk_err *err)
{
	*changed = false;
	struct item_list items = {0};
	enum clerk_status rc = item_list(db, meeting_id, &items, err);
	if (rc)
		return rc;
	struct agenda_item *found = NULL;
	for (size_t i = 0; i < items.n && !found; i++)
		if (same_text(items.v[i].number, it->number))
			found = &items.v[i];
	if (!found) {
		*changed = true;
		rc = istore_item_insert(db, meeting_id, 0, it, err);
	} else if (!item_merge(found, it)) {
		*changed = true;
		rc = item_update(db, found, err);
	}
	item_list_free(&items);
	return rc;
}

/* sql prepared with texts[0..n) bound as ?1..?n (NULL binds NULL); NULL
 * with err filled when it cannot be prepared. */
static sqlite3_stmt *stmt_texts(struct db *db, const char *sql,
				const char *const *texts, int n,
				struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	for (int i = 0; st && i < n; i++)
		db_bind_text(st, i + 1, texts[i]);
	return st;
}

/* Run sql, a write taking texts[0..n) as ?1..?n. */
static enum clerk_status run_texts(struct db *db, const char *sql,
				   const char *const *texts, int n,
				   const char *doing, struct clerk_err *err)
{
	sqlite3_stmt *st = stmt_texts(db, sql, texts, n, err);
	return st ? step_done(db, st, doing, err) : err->status;
}

/* The id in the first row of a lookup by natural key, sql taking
 * key[0..n) as ?1..?n; "" when none. */
static enum clerk_status find_id(struct db *db, const char *sql,
				 const char *const *key, int n,
				 char id[CLERK_UUID_LEN], const char *doing,
				 struct clerk_err *err)
{
	sqlite3_stmt *st = stmt_texts(db, sql, key, n, err);
	if (!st)
		return err->status;
	int step = sqlite3_step(st);
	id[0] = '\0';
	if (step == SQLITE_ROW)
		copy_id(id, db_col_text(st, 0));
	db_done(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return db_fail(db, err, doing);
	return CLERK_OK;
}

enum clerk_status istore_council_ensure(struct db *db, const char *name,
					char id[CLERK_UUID_LEN],
					struct clerk_err *err)
{
	enum clerk_status rc = find_id(
		db,
		name ? "SELECT id FROM council WHERE name = ?1 COLLATE NOCASE"
		     : "SELECT id FROM council WHERE (SELECT count(*) FROM "
		       "council) = 1 OR name = 'Council' LIMIT 1",
		&name, name ? 1 : 0, id, "finding the council", err);
	if (rc || id[0])
		return rc;
	struct council c = {.name = xstrdup(name ? name : "Council"),
			    .kind = COUNCIL_PRINCIPAL};
	rc = council_create(db, &c, err);
	if (!rc)
		copy_id(id, c.id);
	council_free(&c);
	return rc;
}

enum clerk_status istore_body_ensure(struct db *db, const char *council_id,
				     const char *name, char id[CLERK_UUID_LEN],
				     bool *created, struct clerk_err *err)
{
	*created = false;
	enum clerk_status rc =
		find_id(db,
			"SELECT id FROM body WHERE name = ?1 COLLATE NOCASE",
			&name, 1, id, "finding the body", err);
	if (rc || id[0])
		return rc;
	/* Every setting but the name takes the model's default. */
	struct body b = {.name = xstrdup(name), .substitutes_allowed = true};
	model_copy_id(b.council_id, council_id);
	rc = body_create(db, &b, err);
	if (!rc) {
		copy_id(id, b.id);
		*created = true;
	}
	body_free(&b);
	return rc;
}

enum clerk_status istore_body_tz(struct db *db, const char *body_id, char *tz,
				 size_t tzlen, struct clerk_err *err)
{
	(void)err;
	char *zone = model_body_tz(db, body_id);
	snprintf(tz, tzlen, "%s", zone);
	free(zone);
	return CLERK_OK;
}

enum clerk_status istore_person_ensure(struct db *db, const char *honorific,
				       const char *name,
				       const char *organisation,
				       char id[CLERK_UUID_LEN], bool *created,
				       struct clerk_err *err)
{
	*created = false;
	const char *key[] = {name, honorific ? honorific : ""};
	enum clerk_status rc =
		find_id(db,
			"SELECT id FROM person WHERE name = ?1 COLLATE NOCASE "
			"ORDER BY honorific = ?2 DESC LIMIT 1",
			key, 2, id, "finding a person", err);
	if (rc || id[0])
		return rc;
	struct person p = {.honorific = xstrdup(honorific ? honorific : ""),
			   .name = xstrdup(name),
			   .organisation =
				   xstrdup(organisation ? organisation : "")};
	rc = person_create(db, &p, err);
	if (!rc) {
		copy_id(id, p.id);
		*created = true;
	}
	person_free(&p);
	return rc;
}

/* The seat of a body at `position` with `label`; found false when none. */
static enum clerk_status seat_find(struct db *db, const char *body_id,
				   int position, const char *label,
				   struct seat *out, bool *found,
				   struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(
		db,
		"SELECT id, voting, vacancy_note, substitute_tbc, from_date, "
		"to_date FROM seat"
		" WHERE body_id = ?1 AND position = ?2 AND label = ?3",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, body_id);
	sqlite3_bind_int(st, 2, position);
	db_bind_text(st, 3, label);
	int step = sqlite3_step(st);
	*found = step == SQLITE_ROW;
	if (*found) {
		copy_id(out->id, db_col_text(st, 0));
		out->voting = sqlite3_column_int(st, 1) != 0;
		out->vacancy_note = db_col_dup(st, 2);
		out->substitute_tbc = sqlite3_column_int(st, 3) != 0;
		out->from = db_col_dup(st, 4);
		out->to = db_col_dup(st, 5);
	}
	db_done(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return db_fail(db, err, "finding a seat");
	return CLERK_OK;
}

enum clerk_status istore_seat_ensure(struct db *db, const char *body_id,
				     int position, const char *label,
				     const char *vacancy_note, bool sub_tbc,
				     char id[CLERK_UUID_LEN], bool *changed,
				     struct clerk_err *err)
{
	*changed = false;
	struct seat s = {.position = position, .label = xstrdup(label),
			 .voting = true};
	model_copy_id(s.body_id, body_id);
	bool found = false;
	enum clerk_status rc =
		seat_find(db, body_id, position, label, &s, &found, err);
	if (rc) {
		seat_free(&s);
		return rc;
	}
	if (found) {
		copy_id(id, s.id);
		bool same = same_text(s.vacancy_note, vacancy_note) &&
			    s.substitute_tbc == sub_tbc;
		if (!same) {
			*changed = true;
			free(s.vacancy_note);
			s.vacancy_note = xstrdup(vacancy_note);
			s.substitute_tbc = sub_tbc;
			rc = seat_update(db, &s, err);
		}
		seat_free(&s);
		return rc;
	}
	*changed = true;
	/* A different seat at this position moves down to make room. */
	sqlite3_stmt *st = db_stmt(db,
				   "UPDATE seat SET position = position + 1 "
				   "WHERE body_id = ? AND position >= ?",
				   err);
	if (st) {
		db_bind_text(st, 1, body_id);
		sqlite3_bind_int(st, 2, position);
		rc = step_done(db, st, "making room for a seat", err);
	} else {
		rc = err->status;
	}
	s.vacancy_note = xstrdup(vacancy_note);
	s.substitute_tbc = sub_tbc;
	if (!rc)
		rc = seat_create(db, &s, err);
	if (!rc)
		copy_id(id, s.id);
	seat_free(&s);
	return rc;
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

/* End every open membership of a seat the day before `to` (its successor's
 * first day: to dates are last days), except the one with `keep` id (may be
 * "").  A term that began on `to` itself is replaced before it was held for
 * a day (the same import run again with a correction): it is removed, since
 * a last day before its first cannot be written. */
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
	static const char *const sql[] = {
		"DELETE FROM membership WHERE seat_id = ?1 AND to_date IS NULL "
		"AND id <> ?2 AND from_date >= ?3",
		"UPDATE membership SET to_date = date(?3, '-1 day') WHERE "
		"seat_id = ?1 AND to_date IS NULL AND id <> ?2",
	};
	const char *args[] = {seat_id, keep, to};
	for (size_t i = 0; i < 2 && !rc; i++)
		rc = run_texts(db, sql[i], args, 3, "ending a membership", err);
	return rc;
}

enum clerk_status istore_member_set(struct db *db, const char *seat_id,
				    const char *person_id, const char *role,
				    const char *capacity, const char *from,
				    bool *changed, struct clerk_err *err)
{
	*changed = false;
	const char *key[] = {seat_id, person_id ? person_id : "", role,
			     capacity};
	sqlite3_stmt *st = stmt_texts(
		db,
		"SELECT id FROM membership WHERE seat_id = ?1 AND to_date IS "
		"NULL AND person_id = ?2 AND role = ?3 AND capacity = ?4",
		key, 4, err);
	if (!st)
		return err->status;
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
	enum member_role r = ROLE_MEMBER;
	if (!member_role_parse(role, &r))
		return clerk_fail(err, CLERK_INVALID, "the role \"%s\" is unknown",
				  role);
	*changed = true;
	return membership_add(db, seat_id, person_id, r, capacity, from, NULL,
			      err);
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
	/* As end_memberships: ended the day before, or removed when they
	 * began on `from` itself. */
	static const char *const sql[] = {
		"DELETE FROM substitute WHERE seat_id = ?2 AND to_date IS NULL "
		"AND from_date >= ?1",
		"UPDATE substitute SET to_date = date(?1, '-1 day') WHERE "
		"seat_id = ?2 AND to_date IS NULL",
	};
	const char *args[] = {from, seat_id};
	for (size_t i = 0; i < 2 && !rc; i++)
		rc = run_texts(db, sql[i], args, 2, "ending a nomination", err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && !rc; i++)
		rc = substitute_add(db, seat_id, person_ids[i], capacities[i],
				    from, NULL, err);
	return rc;
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
	struct meeting m = {0};
	enum clerk_status rc;
	if (found) {
		if ((rc = meeting_get(db, id, &m, err)))
			return rc;
		free(m.venue);
		m.venue = xstrdup(venue);
		rc = meeting_update(db, &m, err);
		meeting_free(&m);
		return rc;
	}
	m.starts_at = starts_at;
	m.venue = xstrdup(venue ? venue : "");
	m.public_present = -1;
	model_copy_id(m.body_id, body_id);
	rc = meeting_create(db, &m, err);
	if (!rc) {
		copy_id(id, m.id);
		*created = true;
	}
	meeting_free(&m);
	return rc;
}

/* The seat in the meeting's body that `person_id` holds or last held
 * ("" when none). */
static enum clerk_status seat_of(struct db *db, const char *meeting_id,
				 const char *person_id, clerk_id seat_id,
				 struct clerk_err *err)
{
	const char *key[] = {meeting_id, person_id};
	return find_id(
		db,
		"SELECT s.id FROM seat s JOIN membership ms ON ms.seat_id = s.id"
		" JOIN meeting m ON m.id = ?1 AND m.body_id = s.body_id WHERE "
		"ms.person_id = ?2 ORDER BY ms.to_date IS NULL DESC LIMIT 1",
		key, 2, seat_id, "finding the member's seat", err);
}

enum clerk_status istore_attendance_set(struct db *db, const char *meeting_id,
					const char *person_id,
					const char *status,
					const char *capacity,
					const char *substitute_for,
					bool *changed, struct clerk_err *err)
{
	*changed = false;
	enum attendance_status want;
	if (!attendance_status_parse(status, &want))
		return clerk_fail(err, CLERK_INVALID,
				  "the attendance status \"%s\" is unknown", status);
	struct attendance_list all = {0};
	enum clerk_status rc = attendance_list(db, meeting_id, &all, err);
	if (rc)
		return rc;
	struct attendance *a = NULL, fresh = {0};
	for (size_t i = 0; i < all.n && !a; i++)
		if (strcmp(all.v[i].person_id, person_id) == 0)
			a = &all.v[i];
	if (a && a->status == want && same_text(a->capacity, capacity) &&
	    strcmp(a->substitute_for, substitute_for ? substitute_for : "") == 0)
		goto out;
	if (!a) {
		a = &fresh;
		model_copy_id(a->meeting_id, meeting_id);
		model_copy_id(a->person_id, person_id);
		if ((rc = seat_of(db, meeting_id,
				  substitute_for ? substitute_for : person_id,
				  a->seat_id, err)))
			goto out;
	}
	*changed = true;
	a->status = want;
	free(a->capacity);
	a->capacity = xstrdup(capacity ? capacity : "");
	model_copy_id(a->substitute_for, substitute_for);
	rc = attendance_set(db, a, err);
out:
	attendance_free(&fresh);
	attendance_list_free(&all);
	return rc;
}

/* ------------------------------------------------- links to other systems */

enum clerk_status istore_link_get(struct db *db, const char *council_id,
				  const char *source, const char *kind,
				  const char *ref, char id[CLERK_UUID_LEN],
				  struct clerk_err *err)
{
	const char *key[] = {council_id, source, kind, ref};
	return find_id(
		db,
		"SELECT record_id FROM import_link WHERE council_id = ?1 "
		"AND source = ?2 AND kind = ?3 AND ref = ?4",
		key, 4, id, "reading what was imported before", err);
}

enum clerk_status istore_link_set(struct db *db, const char *council_id,
				  const char *source, const char *kind,
				  const char *ref, const char *record_id,
				  struct clerk_err *err)
{
	const char *args[] = {council_id, source, kind, ref, record_id};
	return run_texts(
		db,
		"INSERT INTO import_link(council_id, source, kind, ref, record_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET "
		"record_id = excluded.record_id WHERE record_id <> "
		"excluded.record_id",
		args, 5, "recording where a record came from", err);
}

enum clerk_status istore_body_end(struct db *db, const char *body_id,
				  bool ended, const char *reason,
				  bool *changed, struct clerk_err *err)
{
	const char *args[] = {body_id, reason ? reason : ""};
	enum clerk_status rc = run_texts(
		db,
		ended ? "INSERT INTO body_ended(body_id, reason) VALUES (?1, ?2) "
			"ON CONFLICT DO UPDATE SET reason = excluded.reason "
			"WHERE reason <> excluded.reason"
		      : "DELETE FROM body_ended WHERE body_id = ?1 AND ?2 = ?2",
		args, 2, "marking the body ended", err);
	*changed = !rc && sqlite3_changes(db_handle(db)) > 0;
	return rc;
}

enum clerk_status istore_person_details(struct db *db, const char *person_id,
					const char *party, const char *ward,
					const char *role, bool *changed,
					struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(
		db,
		"UPDATE person SET party = coalesce(?2, party), ward = "
		"coalesce(?3, ward), role = coalesce(?4, role) WHERE id = ?1 AND "
		"(party <> coalesce(?2, party) OR ward <> coalesce(?3, ward) OR "
		"role <> coalesce(?4, role))",
		err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, person_id);
	if (party)
		db_bind_text(st, 2, party);
	if (ward)
		db_bind_text(st, 3, ward);
	if (role)
		db_bind_text(st, 4, role);
	enum clerk_status rc = step_done(db, st, "saving the person", err);
	*changed = !rc && sqlite3_changes(db_handle(db)) > 0;
	return rc;
}

enum clerk_status istore_meeting_status(struct db *db, const char *meeting_id,
					bool cancelled, bool *changed,
					struct clerk_err *err)
{
	*changed = false;
	struct meeting m = {0};
	enum clerk_status rc = meeting_get(db, meeting_id, &m, err);
	if (rc)
		return rc;
	/* Only a meeting that has not been held moves: a cancellation
	 * published later cancels it; a cancellation withdrawn reinstates it. */
	enum meeting_status want = m.status;
	if (cancelled && m.status == MEETING_SCHEDULED)
		want = MEETING_CANCELLED;
	else if (!cancelled && m.status == MEETING_CANCELLED)
		want = MEETING_SCHEDULED;
	if (want != m.status) {
		m.status = want;
		rc = meeting_update(db, &m, err);
		*changed = !rc;
	}
	meeting_free(&m);
	return rc;
}

enum clerk_status istore_ward_seat(struct db *db, const char *body_id,
				   const char *ward, const char *person_id,
				   char id[CLERK_UUID_LEN], bool *created,
				   struct clerk_err *err)
{
	*created = false;
	const char *key[] = {body_id, ward, person_id};
	enum clerk_status rc = find_id(
		db,
		"SELECT s.id FROM seat s JOIN membership ms ON ms.seat_id = s.id"
		" WHERE s.body_id = ?1 AND s.label = ?2 AND ms.person_id = ?3 "
		"LIMIT 1",
		key, 3, id, "finding the ward's seat", err);
	if (rc || id[0])
		return rc;
	struct seat s = {0};
	model_copy_id(s.body_id, body_id);
	s.label = xstrdup(ward);
	s.voting = true;
	rc = seat_create(db, &s, err);
	if (!rc) {
		copy_id(id, s.id);
		*created = true;
	}
	seat_free(&s);
	return rc;
}

enum clerk_status istore_term_set(struct db *db, const char *seat_id,
				  const char *person_id, const char *capacity,
				  const char *from, const char *to,
				  bool *changed, struct clerk_err *err)
{
	*changed = false;
	const char *key[] = {seat_id, person_id, from};
	sqlite3_stmt *st = stmt_texts(
		db,
		"SELECT id, coalesce(to_date, '') FROM membership WHERE seat_id ="
		" ?1 AND person_id = ?2 AND from_date = ?3",
		key, 3, err);
	if (!st)
		return err->status;
	char id[CLERK_UUID_LEN] = "", old_to[16] = "";
	if (sqlite3_step(st) == SQLITE_ROW) {
		copy_id(id, db_col_text(st, 0));
		snprintf(old_to, sizeof old_to, "%s", db_col_text(st, 1));
	}
	db_done(st);
	if (!id[0]) {
		*changed = true;
		return membership_add(db, seat_id, person_id, ROLE_MEMBER,
				      capacity, from, to && *to ? to : NULL, err);
	}
	if (strcmp(old_to, to ? to : "") == 0)
		return CLERK_OK;
	st = db_stmt(db, "UPDATE membership SET to_date = ?2 WHERE id = ?1", err);
	if (!st)
		return err->status;
	db_bind_text(st, 1, id);
	if (to && *to)
		db_bind_text(st, 2, to);
	*changed = true;
	return step_done(db, st, "changing the term of office", err);
}
