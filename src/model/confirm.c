/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/confirm: when minutes may be confirmed or corrected, who presided
 * and signed, and the lock that keeps confirmed minutes as they were signed.
 *
 * Minutes are confirmed and signed by the person presiding at a later
 * meeting of the same body (Local Government Act 1972, Sch. 12 para 41),
 * or of the body the council's standing orders name for it
 * (body.minutes_confirmed_by).  That meeting must have been held or be in
 * progress: never one cancelled, postponed or still to come.  Minutes of a
 * meeting not yet held cannot be confirmed.  A correction to confirmed
 * minutes is made the same way, at such a meeting.  The rules live here so
 * that the command line, the review screen, the live console and any
 * import meet the same refusals, each naming the rule and what to do.
 *
 * Every write to a meeting's record goes through model_refuse_confirmed()
 * first: the triggers inside the file refuse the same writes, but a file
 * whose triggers were dropped must not accept them either.
 */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/model_lease.h"
#include "clerk/record.h"
#include "model_private.h"

/* ------------------------------------------------------------- the lock */

static enum clerk_status locked(const char *doing, struct clerk_err *err)
{
	return clerk_fail(err, CLERK_LOCKED,
			  "these minutes were confirmed and signed; they are a "
			  "legal record and cannot be changed (%s refused): "
			  "record a correction instead",
			  doing);
}

enum clerk_status model_refuse_confirmed(struct db *db, const char *meeting_id,
					 const char *doing,
					 struct clerk_err *err)
{
	static const char sql[] =
		"SELECT minutes_state = 'confirmed' FROM meeting WHERE id = ?1";
	if (!model_has(meeting_id))
		return CLERK_OK;
	return model_query_int(db, sql, meeting_id, 0) ? locked(doing, err)
							: CLERK_OK;
}

enum clerk_status model_refuse_confirmed_row(struct db *db,
					     enum model_row_table table,
					     const char *row_id,
					     const char *doing,
					     struct clerk_err *err)
{
	/* One fixed statement per table: no SQL is formatted. */
	static const char item[] =
		"SELECT m.minutes_state = 'confirmed' FROM agenda_item r JOIN "
		"meeting m ON m.id = r.meeting_id WHERE r.id = ?1";
	static const char attendance[] =
		"SELECT m.minutes_state = 'confirmed' FROM attendance r JOIN "
		"meeting m ON m.id = r.meeting_id WHERE r.id = ?1";
	static const char declaration[] =
		"SELECT m.minutes_state = 'confirmed' FROM declaration r JOIN "
		"meeting m ON m.id = r.meeting_id WHERE r.id = ?1";
	static const char text[] =
		"SELECT m.minutes_state = 'confirmed' FROM minute_text r JOIN "
		"meeting m ON m.id = r.meeting_id WHERE r.id = ?1";
	static const char resolution[] =
		"SELECT m.minutes_state = 'confirmed' FROM resolution r JOIN "
		"meeting m ON m.id = r.meeting_id WHERE r.id = ?1";
	const char *sql = table == MODEL_ROW_ITEM	   ? item
			  : table == MODEL_ROW_ATTENDANCE  ? attendance
			  : table == MODEL_ROW_DECLARATION ? declaration
			  : table == MODEL_ROW_TEXT	   ? text
							   : resolution;
	if (!model_has(row_id))
		return CLERK_OK;
	return model_query_int(db, sql, row_id, 0) ? locked(doing, err)
						   : CLERK_OK;
}

/* ------------------------------------------------------------ the rules */

bool meeting_was_held(const struct meeting *m)
{
	switch (m->status) {
	case MEETING_IN_PROGRESS:
	case MEETING_ADJOURNED:
	case MEETING_CLOSED:
		return true;
	case MEETING_SCHEDULED:
		/* Minutes typed in afterwards: a meeting whose time has come
		 * and that nobody cancelled or postponed took place. */
		return m->starts_at <= clock_now();
	default:
		return false; /* cancelled, postponed */
	}
}

/* "the Health and Wellbeing Board's meeting of 5 October 2017". */
static char *meeting_words(struct db *db, const struct meeting *m)
{
	struct body b = {0};
	struct clerk_err err = {0};
	bool have = body_get(db, m->body_id, &b, &err) == CLERK_OK;
	char day[64];
	time_format_local(m->starts_at, have ? b.tz : CLERK_DEFAULT_TZ,
			  "%e %B %Y", day, sizeof day);
	char *s = xasprintf("the %s's meeting of %s", have ? b.name : "body",
			    day[0] == ' ' ? day + 1 : day);
	body_free(&b);
	return s;
}

/* Not held: why, in words ("was cancelled", "has not been held yet"). */
static const char *not_held_why(const struct meeting *m)
{
	if (m->status == MEETING_SCHEDULED)
		return "has not been held yet";
	return m->status == MEETING_CANCELLED ? "was cancelled"
					       : "was not held (it was postponed)";
}

/* The body whose meetings confirm body_id's minutes: its standing orders'
 * choice, else itself. */
void meeting_confirming_body(struct db *db, const char *body_id, clerk_id out)
{
	static const char sql[] =
		"SELECT coalesce(minutes_confirmed_by, id) FROM body WHERE id = ?1";
	model_copy_id(out, body_id);
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (!st)
		return;
	db_bind_text(st, 1, body_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		model_col_id(st, 0, out);
	db_done(st);
}

static char *body_name_of(struct db *db, const char *body_id)
{
	struct body b = {0};
	struct clerk_err err = {0};
	char *s = body_get(db, body_id, &b, &err) == CLERK_OK ? xstrdup(b.name)
							      : xstrdup("?");
	body_free(&b);
	return s;
}

/* The checks shared by confirmation and correction: `at` is a later
 * meeting of the right body that took place.  what: "confirmed",
 * "corrected". */
static enum clerk_status check_at(struct db *db, const struct meeting *m,
				  const struct meeting *at, const char *what,
				  struct clerk_err *err)
{
	char *mw = meeting_words(db, m), *aw = meeting_words(db, at);
	enum clerk_status rc = CLERK_OK;
	clerk_id want;
	meeting_confirming_body(db, m->body_id, want);
	if (strcmp(at->id, m->id) == 0 || at->starts_at <= m->starts_at) {
		rc = clerk_fail(err, CLERK_INVALID,
				"the minutes of %s can only be %s at a later "
				"meeting (Local Government Act 1972, Sch. 12 "
				"para 41), and %s is not later: name a meeting "
				"held after it",
				mw, what, aw);
	} else if (strcmp(at->body_id, want) != 0) {
		char *wb = body_name_of(db, want);
		rc = clerk_fail(err, CLERK_INVALID,
				"the minutes of %s can only be %s at a meeting "
				"of the %s (Sch. 12 para 41: signed at the next "
				"suitable meeting), not at %s: name a later "
				"meeting of the %s, or, where standing orders "
				"say another body confirms them, set it with "
				"`clerk body edit BODY --minutes-confirmed-by "
				"NAME`",
				mw, what, wb, aw, wb);
		free(wb);
	} else if (!meeting_was_held(at)) {
		rc = clerk_fail(err, CLERK_INVALID,
				"%s %s, so nothing can be %s at it: minutes are "
				"%s at a meeting that has been held or is in "
				"progress; %s",
				aw, not_held_why(at), what, what,
				at->status == MEETING_SCHEDULED
					? "do it at that meeting once it opens "
					  "(in the live console, at its minutes "
					  "of the previous meeting)"
					: "name the meeting at which it was done");
	}
	free(mw);
	free(aw);
	return rc;
}

enum clerk_status meeting_check_confirmation(struct db *db,
					     const struct meeting *m,
					     const struct meeting *at,
					     struct clerk_err *err)
{
	if (m->minutes_state == MINUTES_CONFIRMED)
		return clerk_fail(err, CLERK_LOCKED,
				  "these minutes were already confirmed and "
				  "signed; record a correction instead");
	if (!meeting_was_held(m)) {
		char *mw = meeting_words(db, m);
		enum clerk_status rc = clerk_fail(
			err, CLERK_INVALID,
			"%s %s, so it has no minutes to confirm: minutes are "
			"confirmed only after their meeting took place",
			mw, not_held_why(m));
		free(mw);
		return rc;
	}
	/* Words saved when the terminal hung up are not the record until the
	 * clerk accepts them. */
	clerk_id *ids = NULL;
	size_t ntexts = 0, nmotions = 0;
	enum clerk_status rc = minute_text_unfinished(db, m->id, &ids, &ntexts,
						      err);
	free(ids);
	if (rc)
		return rc;
	struct event_list ev = {0};
	struct resolution_list rl = {0};
	if (!(rc = event_list(db, m->id, &ev, err)) &&
	    !(rc = resolution_list(db, m->id, NULL, &rl, err)))
		for (size_t i = 0; i < rl.n; i++)
			nmotions += record_resolution_unfinished(&ev, rl.v[i].id);
	event_list_free(&ev);
	resolution_list_free(&rl);
	if (rc)
		return rc;
	if (ntexts || nmotions) {
		char *mw = meeting_words(db, m);
		rc = clerk_fail(
			err, CLERK_INVALID,
			"the minutes of %s still hold %zu paragraph%s and %zu "
			"motion%s saved unfinished when the terminal hung up: "
			"accept or correct them in review (clerk review, e; or "
			"A in the console) before they are confirmed",
			mw, ntexts, ntexts == 1 ? "" : "s", nmotions,
			nmotions == 1 ? "" : "s");
		free(mw);
		return rc;
	}
	return check_at(db, m, at, "confirmed", err);
}

enum clerk_status meeting_check_correction(struct db *db,
					   const struct meeting *m,
					   const struct meeting *at,
					   struct clerk_err *err)
{
	if (m->minutes_state != MINUTES_CONFIRMED) {
		char *mw = meeting_words(db, m);
		enum clerk_status rc = clerk_fail(
			err, CLERK_INVALID,
			"the minutes of %s are not confirmed yet: they are a "
			"draft, so correct them directly instead (clerk "
			"review)",
			mw);
		free(mw);
		return rc;
	}
	return check_at(db, m, at, "corrected", err);
}

enum clerk_status body_set_minutes_confirmed_by(struct db *db,
					       const char *body_id,
					       const char *confirmer_id,
					       struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE body SET minutes_confirmed_by = ?2 WHERE id = ?1";
	enum clerk_status rc = model_check_id(body_id, "body", err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, body_id);
	model_bind_id(st, 2, model_has(confirmer_id) &&
					 strcmp(confirmer_id, body_id) != 0
				 ? confirmer_id
				 : NULL);
	rc = model_step_done(db, st, "saving the body", err);
	return rc ? rc : model_check_changed(db, "body", body_id, err);
}

/* ------------------------------------------------------ who presided */

const char *presiding_role_text(enum presiding_role r)
{
	switch (r) {
	case PRESIDING_CHAIRMAN:
		return "chairman";
	case PRESIDING_VICE_CHAIRMAN:
		return "vice-chairman";
	default:
		return "presiding";
	}
}

/* The chairman (else vice-chairman) of at's body on its day, recorded
 * present at it (present_only) or simply holding the role. */
static bool chair_of(struct db *db, const struct meeting *at, bool present_only,
		     clerk_id who, enum presiding_role *role)
{
	static const char sql[] =
		"SELECT ms.person_id, ms.role FROM membership ms "
		"JOIN seat s ON s.id = ms.seat_id WHERE s.body_id = ?1 "
		"AND ms.role IN ('chairman', 'vice-chairman') "
		"AND ms.from_date <= ?2 AND (ms.to_date IS NULL OR ms.to_date >= ?2) "
		"AND (?4 = 0 OR EXISTS (SELECT 1 FROM attendance a WHERE "
		"a.meeting_id = ?3 AND a.person_id = ms.person_id AND "
		"a.status = 'present')) "
		"ORDER BY ms.role = 'chairman' DESC, ms.from_date DESC LIMIT 1";
	char day[11];
	char *tz = model_body_tz(db, at->body_id);
	model_local_date(at->starts_at, tz, day);
	free(tz);
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (!st)
		return false;
	db_bind_text(st, 1, at->body_id);
	db_bind_text(st, 2, day);
	db_bind_text(st, 3, at->id);
	sqlite3_bind_int(st, 4, present_only);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		model_col_id(st, 0, who);
		*role = strcmp(db_col_text(st, 1), "chairman") == 0
				? PRESIDING_CHAIRMAN
				: PRESIDING_VICE_CHAIRMAN;
	}
	db_done(st);
	return found;
}

static int attendance_recorded(struct db *db, const char *meeting_id)
{
	static const char sql[] =
		"SELECT count(*) FROM attendance WHERE meeting_id = ?1 AND "
		"status IN ('present', 'substitute')";
	return model_query_int(db, sql, meeting_id, 0);
}

enum clerk_status meeting_presiding(struct db *db, const struct meeting *at,
				    const char *named, clerk_id who,
				    enum presiding_role *role,
				    struct clerk_err *err)
{
	static const char present[] =
		"SELECT count(*) FROM attendance WHERE meeting_id = ?2 AND "
		"person_id = ?1 AND status IN ('present', 'substitute')";
	bool recorded = attendance_recorded(db, at->id) > 0;
	who[0] = '\0';
	*role = PRESIDING_MEMBER;
	if (model_has(named)) {
		sqlite3_stmt *st = db_stmt(db, present, err);
		if (!st)
			return CLERK_DB;
		db_bind_text(st, 1, named);
		db_bind_text(st, 2, at->id);
		bool there = sqlite3_step(st) == SQLITE_ROW &&
			     sqlite3_column_int(st, 0) > 0;
		db_done(st);
		if (recorded && !there) {
			char *aw = meeting_words(db, at);
			enum clerk_status rc = clerk_fail(
				err, CLERK_INVALID,
				"the person named to sign is not recorded "
				"present at %s: the minutes are signed by the "
				"person presiding there; correct that meeting's "
				"attendance first, or name who presided",
				aw);
			free(aw);
			return rc;
		}
		model_copy_id(who, named);
		clerk_id chair;
		enum presiding_role r;
		if (chair_of(db, at, false, chair, &r) && strcmp(chair, named) == 0)
			*role = r;
		return CLERK_OK;
	}
	/* Who the log of that meeting put in the Chair (the vice-chair in the
	 * chair's absence, a member elected for the meeting, a chairman
	 * elected there). */
	struct event_list ev = {0};
	if (event_list(db, at->id, &ev, err) == CLERK_OK) {
		const struct event *last = NULL;
		for (size_t i = 0; i < ev.n; i++)
			if (ev.v[i].kind == EVENT_PRESIDING ||
			    (ev.v[i].kind == EVENT_ELECTED &&
			     !strcmp(ev.v[i].detail, "Chairman")))
				last = &ev.v[i];
		if (last) {
			model_copy_id(who, last->person_id);
			*role = !strcmp(last->detail, "Chairman")
					? PRESIDING_CHAIRMAN
				: !strcmp(last->detail, "Vice-Chairman")
					? PRESIDING_VICE_CHAIRMAN
					: PRESIDING_MEMBER;
			event_list_free(&ev);
			return CLERK_OK;
		}
	}
	event_list_free(&ev);
	if (chair_of(db, at, recorded, who, role))
		return CLERK_OK;
	char *aw = meeting_words(db, at);
	enum clerk_status rc = clerk_fail(
		err, CLERK_INVALID,
		"%s %s: name the member who presided there, who signs the "
		"minutes (--presiding NAME)",
		recorded ? "neither the chairman nor the vice-chairman is "
			   "recorded present at"
			 : "no chairman or vice-chairman is on record for",
		aw);
	free(aw);
	return rc;
}

/* ----------------------------------------------------------- confirming */

enum clerk_status meeting_confirm(struct db *db, const char *meeting_id,
				  const char *at_id, const char *amendment,
				  const char *presiding, struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE meeting SET minutes_state = 'confirmed', confirmed_at = "
		"?2, confirmed_on = ?3, confirmed_amendment = ?4, signed_by = ?5, "
		"signed_as = ?6 WHERE id = ?1 AND minutes_state = 'draft'";
	enum clerk_status rc;
	if ((rc = model_check_id(meeting_id, "meeting", err)) ||
	    (rc = model_check_id(at_id, "meeting at which they were confirmed",
				 err)) ||
	    (rc = model_check_text(amendment, "amendment", false, err)))
		return rc;
	struct meeting m = {0}, at = {0};
	clerk_id who;
	enum presiding_role role = PRESIDING_MEMBER;
	if (!(rc = meeting_get(db, meeting_id, &m, err)) &&
	    !(rc = meeting_get(db, at_id, &at, err)) &&
	    !(rc = meeting_check_confirmation(db, &m, &at, err)))
		rc = meeting_presiding(db, &at, presiding, who, &role, err);
	meeting_free(&m);
	meeting_free(&at);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	db_bind_text(st, 2, at_id);
	model_bind_time(st, 3, clock_now());
	model_bind_str(st, 4, amendment);
	model_bind_id(st, 5, who);
	db_bind_text(st, 6, presiding_role_text(role));
	rc = model_step_done(db, st, "confirming the minutes", err);
	if (!rc && sqlite3_changes(db_handle(db)) == 0)
		rc = locked("confirming the minutes again", err);
	return rc;
}

enum clerk_status meeting_signed_as(struct db *db, const char *meeting_id,
				    enum presiding_role *role)
{
	static const char sql[] = "SELECT signed_as FROM meeting WHERE id = ?1";
	*role = PRESIDING_CHAIRMAN;
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = db_col_text(st, 0);
		*role = strcmp(s, "vice-chairman") == 0 ? PRESIDING_VICE_CHAIRMAN
			: strcmp(s, "presiding") == 0	 ? PRESIDING_MEMBER
							 : PRESIDING_CHAIRMAN;
	}
	db_done(st);
	return CLERK_OK;
}

/* -------------------------------------------------------------- history */

enum clerk_status audit_history(struct db *db, const char *meeting_id,
				struct audit_list *out, struct clerk_err *err)
{
	/* Every audited row of a meeting's record carries its meeting_id
	 * (the meeting row itself, its id); a correction is listed with the
	 * minutes it corrects. */
	static const char sql[] =
		"SELECT seq, at, tbl, row_id, op, old, new, who FROM audit WHERE "
		"(tbl = 'meeting' AND row_id = ?1) OR (tbl <> 'meeting' AND "
		"json_extract(coalesce(new, old), '$.meeting_id') = ?1) "
		"ORDER BY seq";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry *a = MODEL_LIST_PUSH(out);
		a->seq = sqlite3_column_int64(st, 0);
		a->at = model_col_time(st, 1);
		a->table = db_col_dup(st, 2);
		model_col_id(st, 3, a->row_id);
		a->op = db_col_dup(st, 4);
		a->old_json = db_col_dup(st, 5);
		a->new_json = db_col_dup(st, 6);
		a->who = db_col_dup(st, 7);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = db_fail(db, err, "reading the history of the meeting");
		audit_list_free(out);
	}
	db_done(st);
	return rc;
}

static void audit_entry_free(struct audit_entry *a)
{
	free(a->table);
	free(a->op);
	free(a->old_json);
	free(a->new_json);
	free(a->who);
	memset(a, 0, sizeof *a);
}

void audit_list_free(struct audit_list *l)
{
	MODEL_LIST_FREE(l, audit_entry_free);
}

/* Fields that say nothing to a reader (ids of the row and its meeting). */
static bool field_hidden(const char *key)
{
	return strcmp(key, "id") == 0 || strcmp(key, "meeting_id") == 0;
}

/* A JSON value as the history shows it: text quoted, null as "-". */
static char *value_text(const json_t *v)
{
	if (!v || json_is_null(v))
		return xstrdup("-");
	if (json_is_string(v))
		return xasprintf("\"%s\"", json_string_value(v));
	if (json_is_integer(v))
		return xasprintf("%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return xasprintf("%g", json_real_value(v));
	return xstrdup("?");
}

static json_t *parse_row(const char *text)
{
	if (!text || !*text)
		return NULL;
	return json_loads(text, 0, NULL);
}

/* Fields holding a person's id, shown by name. */
static bool field_person(const char *key)
{
	static const char *const keys[] = {"person_id", "mover", "seconder",
					   "substitute_for", "signed_by"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

/* Fields holding an agenda item's id, shown by its title. */
static bool field_item(const char *key)
{
	return strcmp(key, "item_id") == 0 ||
	       strcmp(key, "arrived_item") == 0 ||
	       strcmp(key, "left_item") == 0;
}

/* v as the history shows it: a person's or an item's id (with db) by the
 * name a reader knows, else value_text. */
/* A person or item that is gone is shown by its id; one that could not
 * be read is a failure the caller reports (into *failed, the first). */
static void named_fail(struct clerk_err *failed, enum clerk_status rc,
		       const struct clerk_err *err, const char *what)
{
	if (rc == CLERK_NOT_FOUND || !failed || failed->status)
		return;
	*failed = *err;
	clerk_fail_reading(failed, rc, what);
}

static char *value_named(struct db *db, const char *key, const json_t *v,
			 struct clerk_err *failed)
{
	if (db && json_is_string(v) && *json_string_value(v)) {
		const char *id = json_string_value(v);
		struct clerk_err err = {0};
		enum clerk_status rc;
		if (field_person(key)) {
			struct person p = {0};
			if ((rc = person_get(db, id, &p, &err)) == CLERK_OK) {
				char *n = person_display_name(&p);
				char *q = xasprintf("\"%s\"", n);
				free(n);
				person_free(&p);
				return q;
			}
			named_fail(failed, rc, &err,
				   "a person the history names");
			person_free(&p);
		} else if (field_item(key)) {
			struct agenda_item it = {0};
			if ((rc = item_get(db, id, &it, &err)) == CLERK_OK) {
				char *q = xasprintf("\"%s\"", it.title);
				item_free(&it);
				return q;
			}
			named_fail(failed, rc, &err,
				   "an agenda item the history names");
			item_free(&it);
		}
	}
	return value_text(v);
}

/* The field that tells a reader which record this is, in order of
 * preference: who it is about, then its title or words. */
static const char *const record_fields[] = {
	"person_id", "title", "body", "text", "motion", "description",
	"kind",      "status", "starts_at",
};

char *audit_entry_record(struct db *db, const struct audit_entry *a)
{
	if (strcmp(a->table, "meeting") == 0)
		return xstrdup("meeting: the meeting itself");
	json_t *row = parse_row(a->new_json ? a->new_json : a->old_json);
	char *name = NULL;
	for (size_t i = 0; !name && i < sizeof record_fields / sizeof *record_fields; i++) {
		json_t *v = json_object_get(row, record_fields[i]);
		if (v && !json_is_null(v) &&
		    !(json_is_string(v) && !*json_string_value(v)))
			name = value_named(db, record_fields[i], v, NULL);
	}
	json_decref(row);
	/* A long paragraph is named by its opening words. */
	if (name && utf8_width(name) > 60)
		strcpy(name + utf8_fit(name, 57, NULL), "...");
	char *out = xasprintf("%s %.8s%s%s", a->table, a->row_id,
			      name ? ": " : "", name ? name : "");
	free(name);
	return out;
}

size_t audit_list_keep_record(struct audit_list *l, const char *row_prefix)
{
	size_t kept = 0, plen = strlen(row_prefix);
	for (size_t i = 0; i < l->n; i++) {
		if (strncasecmp(l->v[i].row_id, row_prefix, plen) == 0)
			l->v[kept++] = l->v[i];
		else
			audit_entry_free(&l->v[i]);
	}
	l->n = kept;
	return kept;
}

char *audit_entry_changes(struct db *db, const struct audit_entry *a)
{
	return audit_entry_changes_read(db, a, NULL);
}

char *audit_entry_changes_read(struct db *db, const struct audit_entry *a,
			       struct clerk_err *err)
{
	struct strbuf sb = {0};
	sb_add(&sb, "");
	json_t *old = parse_row(a->old_json), *new = parse_row(a->new_json);
	json_t *shown = new ? new : old;
	const char *key;
	json_t *v;
	json_object_foreach(shown, key, v)
	{
		if (field_hidden(key))
			continue;
		json_t *ov = old ? json_object_get(old, key) : NULL;
		json_t *nv = new ? json_object_get(new, key) : NULL;
		if (old && new) {
			if (json_equal(ov, nv))
				continue;
			char *o = value_named(db, key, ov, err),
			     *n = value_named(db, key, nv, err);
			sb_addf(&sb, "    %s: %s -> %s\n", key, o, n);
			free(o);
			free(n);
		} else {
			if (json_is_null(v) ||
			    (json_is_string(v) && !*json_string_value(v)))
				continue;
			char *t = value_named(db, key, v, err);
			sb_addf(&sb, "    %s: %s\n", key, t);
			free(t);
		}
	}
	json_decref(old);
	json_decref(new);
	return sb_detach(&sb);
}
