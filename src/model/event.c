/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/event: the log of what happened in the room.  Events are only ever
 * appended, numbered in order within their meeting and stamped with the
 * program's clock, so the log can be replayed to know the state of the
 * meeting at any moment (derived.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

#define EVENT_COLS "id, meeting_id, seq, at, kind, item_id, person_id, detail"

static void event_read(sqlite3_stmt *st, void *out)
{
	struct event *e = out;
	memset(e, 0, sizeof *e);
	model_col_id(st, 0, e->id);
	model_col_id(st, 1, e->meeting_id);
	e->seq = sqlite3_column_int(st, 2);
	e->at = model_col_time(st, 3);
	e->kind = EVENT_NOTE;
	MODEL_COL_ENUM(st, 4, event_kind_parse, &e->kind);
	model_col_id(st, 5, e->item_id);
	model_col_id(st, 6, e->person_id);
	e->detail = db_col_dup(st, 7);
}

static enum clerk_status event_insert(struct db *db, void *arg,
				      struct clerk_err *err)
{
	static const char next[] =
		"SELECT coalesce(max(seq), 0) + 1 FROM event WHERE meeting_id = ?1";
	static const char sql[] =
		"INSERT INTO event(" EVENT_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7, ?8)";
	struct event *e = arg;
	e->seq = model_query_int(db, next, e->meeting_id, 1);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, e->id);
	db_bind_text(st, 2, e->meeting_id);
	sqlite3_bind_int(st, 3, e->seq);
	model_bind_time(st, 4, e->at);
	db_bind_text(st, 5, event_kind_text(e->kind));
	model_bind_id(st, 6, e->item_id);
	model_bind_id(st, 7, e->person_id);
	model_bind_str(st, 8, e->detail);
	return model_step_done(db, st, "recording the event", err);
}

enum clerk_status event_append(struct db *db, const char *meeting_id,
			       enum event_kind kind, const char *item_id,
			       const char *person_id, const char *detail,
			       struct event *out, struct clerk_err *err)
{
	enum clerk_status rc;
	if (out)
		memset(out, 0, sizeof *out);
	if ((rc = model_check_id(meeting_id, "meeting for the event", err)) ||
	    (rc = model_check_text(detail, "event's detail", false, err)))
		return rc;
	if ((unsigned)kind > EVENT_ELECTED)
		return clerk_fail(err, CLERK_INVALID, "the event's kind is unknown");
	if ((rc = model_refuse_confirmed(db, meeting_id, "recording the event",
					 err)))
		return rc;
	struct event e = {.kind = kind, .at = clock_now()};
	db_uuid(e.id);
	model_copy_id(e.meeting_id, meeting_id);
	model_copy_id(e.item_id, item_id);
	model_copy_id(e.person_id, person_id);
	e.detail = xstrdup(detail ? detail : "");
	rc = model_tx(db, event_insert, &e, err);
	if (!rc && out)
		*out = e;
	else
		event_free(&e);
	return rc;
}

enum clerk_status event_list(struct db *db, const char *meeting_id,
			     struct event_list *out, struct clerk_err *err)
{
	static const char sql[] = "SELECT " EVENT_COLS " FROM event WHERE "
				  "meeting_id = ?1 ORDER BY seq";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	enum clerk_status rc =
		MODEL_READ_ROWS(db, st, event_read, out, "reading the meeting's log", err);
	if (rc)
		event_list_free(out);
	return rc;
}

enum clerk_status event_list_after(struct db *db, const char *meeting_id,
				   int after_seq, struct event_list *out,
				   struct clerk_err *err)
{
	static const char sql[] = "SELECT " EVENT_COLS " FROM event WHERE "
				  "meeting_id = ?1 AND seq > ?2 ORDER BY seq";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	sqlite3_bind_int(st, 2, after_seq);
	return MODEL_READ_ROWS(db, st, event_read, out,
			       "reading the meeting's log", err);
}

enum clerk_status event_list_details(struct db *db, const char *meeting_id,
				     const char *a, const char *b,
				     struct event_list *out,
				     struct clerk_err *err)
{
	static const char sql[] = "SELECT " EVENT_COLS " FROM event WHERE "
				  "meeting_id = ?1 AND detail IN (?2, ?3) "
				  "ORDER BY seq";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	db_bind_text(st, 2, a);
	db_bind_text(st, 3, b);
	enum clerk_status rc = MODEL_READ_ROWS(db, st, event_read, out,
					       "reading the meeting's log", err);
	if (rc)
		event_list_free(out);
	return rc;
}

void event_free(struct event *e)
{
	if (!e)
		return;
	free(e->detail);
	memset(e, 0, sizeof *e);
}

void event_list_free(struct event_list *l)
{
	MODEL_LIST_FREE(l, event_free);
}
