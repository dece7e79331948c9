/*
 * model/action: what a meeting asked someone to do (tracked to later
 * meetings, so never locked), and corrections to confirmed minutes, which
 * are new, visible records made at a later meeting rather than edits.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

/* ---------------------------------------------------------------- actions */

#define ACTION_COLS "id, meeting_id, resolution_id, body, owner, due, status"

static enum clerk_status action_check(const struct action *a,
				      struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(a->meeting_id, "meeting", err)) ||
	    (rc = model_check_text(a->body, "action", true, err)) ||
	    (rc = model_check_text(a->owner, "action's owner", false, err)) ||
	    (rc = model_check_date(a->due, "due date", false, err)))
		return rc;
	if ((unsigned)a->status > ACTION_DROPPED)
		return clerk_fail(err, CLERK_INVALID,
				  "the action's status is unknown");
	return CLERK_OK;
}

static void action_bind(sqlite3_stmt *st, const struct action *a)
{
	db_bind_text(st, 1, a->id);
	db_bind_text(st, 2, a->meeting_id);
	model_bind_id(st, 3, a->resolution_id);
	db_bind_text(st, 4, a->body);
	model_bind_str(st, 5, a->owner);
	db_bind_text(st, 6, model_has(a->due) ? a->due : NULL);
	db_bind_text(st, 7, action_status_text(a->status));
}

enum clerk_status action_create(struct db *db, struct action *a,
				struct clerk_err *err)
{
	static const char sql[] = "INSERT INTO action(" ACTION_COLS
				  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	enum clerk_status rc = action_check(a, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_ensure_id(a->id);
	action_bind(st, a);
	return model_step_done(db, st, "recording the action", err);
}

enum clerk_status action_update(struct db *db, const struct action *a,
				struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE action SET meeting_id = ?2, resolution_id = ?3, body = ?4, "
		"owner = ?5, due = ?6, status = ?7 WHERE id = ?1";
	enum clerk_status rc = action_check(a, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	action_bind(st, a);
	rc = model_step_done(db, st, "saving the action", err);
	return rc ? rc : model_check_changed(db, "action", a->id, err);
}

enum clerk_status action_list(struct db *db, const char *meeting_id,
			      struct action_list *out, struct clerk_err *err)
{
	/* Open actions first, then by due date (undated last). */
	static const char sql[] =
		"SELECT " ACTION_COLS " FROM action WHERE meeting_id = ?1 ORDER BY "
		"status <> 'open', due IS NULL, due, rowid";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct action *a = MODEL_LIST_PUSH(out);
		model_col_id(st, 0, a->id);
		model_col_id(st, 1, a->meeting_id);
		model_col_id(st, 2, a->resolution_id);
		a->body = db_col_dup(st, 3);
		a->owner = db_col_dup(st, 4);
		a->due = db_col_dup(st, 5);
		MODEL_COL_ENUM(st, 6, action_status_parse, &a->status);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = db_fail(db, err, "reading the actions");
		action_list_free(out);
	}
	db_done(st);
	return rc;
}

void action_free(struct action *a)
{
	if (!a)
		return;
	free(a->body);
	free(a->owner);
	free(a->due);
	memset(a, 0, sizeof *a);
}

void action_list_free(struct action_list *l)
{
	MODEL_LIST_FREE(l, action_free);
}

/* ------------------------------------------------------------ corrections */

enum clerk_status correction_create(struct db *db, struct correction *c,
				    struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO correction(id, meeting_id, made_at, at, body) "
		"VALUES (?1, ?2, ?3, ?4, ?5)";
	enum clerk_status rc;
	if ((rc = model_check_id(c->meeting_id, "meeting corrected", err)) ||
	    (rc = model_check_id(c->made_at, "meeting at which the correction "
					     "was made", err)) ||
	    (rc = model_check_text(c->body, "correction", true, err)))
		return rc;
	/* Made at a later meeting of the body that confirms the minutes. */
	struct meeting m = {0}, at = {0};
	if (!(rc = meeting_get(db, c->meeting_id, &m, err)) &&
	    !(rc = meeting_get(db, c->made_at, &at, err)))
		rc = meeting_check_correction(db, &m, &at, err);
	meeting_free(&m);
	meeting_free(&at);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_ensure_id(c->id);
	if (!c->at)
		c->at = clock_now();
	db_bind_text(st, 1, c->id);
	db_bind_text(st, 2, c->meeting_id);
	model_bind_id(st, 3, c->made_at);
	model_bind_time(st, 4, c->at);
	db_bind_text(st, 5, c->body);
	return model_step_done(db, st, "recording the correction", err);
}

enum clerk_status correction_list(struct db *db, const char *meeting_id,
				  bool made_at, struct correction_list *out,
				  struct clerk_err *err)
{
	static const char sql[] =
		"SELECT id, meeting_id, made_at, at, body FROM correction WHERE "
		"(?2 = 0 AND meeting_id = ?1) OR (?2 = 1 AND made_at = ?1) "
		"ORDER BY at, rowid";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	sqlite3_bind_int(st, 2, made_at);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct correction *c = MODEL_LIST_PUSH(out);
		model_col_id(st, 0, c->id);
		model_col_id(st, 1, c->meeting_id);
		model_col_id(st, 2, c->made_at);
		c->at = model_col_time(st, 3);
		c->body = db_col_dup(st, 4);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = db_fail(db, err, "reading the corrections");
		correction_list_free(out);
	}
	db_done(st);
	return rc;
}

void correction_free(struct correction *c)
{
	if (!c)
		return;
	free(c->body);
	memset(c, 0, sizeof *c);
}

void correction_list_free(struct correction_list *l)
{
	MODEL_LIST_FREE(l, correction_free);
}
