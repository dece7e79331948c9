/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/minutes: the narrative of each item's minute, one row per paragraph
 * or point, grouped in sections (what was received, narrative, what the
 * meeting heard, members' comments, exempt text) and ordered within each.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/record.h"
#include "model_private.h"

#define TEXT_COLS "t.id, t.meeting_id, t.item_id, t.section, t.position, t.body"
/* Sections in the order a minute reads. */
#define SECTION_ORDER                                                          \
	"CASE t.section WHEN 'received' THEN 0 WHEN 'narrative' THEN 1 "        \
	"WHEN 'heard' THEN 2 WHEN 'commented' THEN 3 ELSE 4 END"

static void text_read(sqlite3_stmt *st, void *out)
{
	struct minute_text *t = out;
	memset(t, 0, sizeof *t);
	model_col_id(st, 0, t->id);
	model_col_id(st, 1, t->meeting_id);
	model_col_id(st, 2, t->item_id);
	MODEL_COL_ENUM(st, 3, minute_section_parse, &t->section);
	t->position = sqlite3_column_int(st, 4);
	t->body = db_col_dup(st, 5);
}

static enum clerk_status text_insert_row(struct db *db,
					 const struct minute_text *t,
					 struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO minute_text(id, meeting_id, item_id, section, "
		"position, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, t->id);
	db_bind_text(st, 2, t->meeting_id);
	db_bind_text(st, 3, t->item_id);
	db_bind_text(st, 4, minute_section_text(t->section));
	sqlite3_bind_int(st, 5, t->position);
	db_bind_text(st, 6, t->body);
	return model_step_done(db, st, "adding to the minute", err);
}

/* Make room at t's position, then insert it. */
static enum clerk_status text_insert(struct db *db, void *arg,
				     struct clerk_err *err)
{
	static const char shift[] =
		"UPDATE minute_text SET position = position + 1 WHERE item_id = ?1 "
		"AND section = ?2 AND position >= ?3";
	struct minute_text *t = arg;
	sqlite3_stmt *st = db_stmt(db, shift, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, t->item_id);
	db_bind_text(st, 2, minute_section_text(t->section));
	sqlite3_bind_int(st, 3, t->position);
	enum clerk_status rc = model_step_done(db, st, "adding to the minute", err);
	return rc ? rc : text_insert_row(db, t, err);
}

/* The last position in t's section (its number of paragraphs: positions
 * run 1, 2, ... without gaps), found from the index rather than counted,
 * so that the thousandth point of an item costs what the first did. */
static int text_count(struct db *db, const struct minute_text *t)
{
	static const char sql[] =
		"SELECT coalesce(max(position), 0) FROM minute_text WHERE "
		"item_id = ?1 AND section = ?2";
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	int n = 0;
	if (st) {
		db_bind_text(st, 1, t->item_id);
		db_bind_text(st, 2, minute_section_text(t->section));
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		db_done(st);
	}
	return n;
}

enum clerk_status minute_text_create(struct db *db, struct minute_text *t,
				     struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(t->meeting_id, "meeting", err)) ||
	    (rc = model_check_id(t->item_id, "agenda item", err)) ||
	    (rc = model_check_text(t->body, "minute text", true, err)))
		return rc;
	if ((unsigned)t->section > SECTION_EXEMPT)
		return clerk_fail(err, CLERK_INVALID,
				  "the section of the minute is unknown");
	if ((rc = model_refuse_confirmed(db, t->meeting_id,
					 "recording the minute text", err)))
		return rc;
	/* Position 0 (or past the end): after the last paragraph of the
	 * section, the way the live console records a point; that is one
	 * INSERT, with nothing to move and no savepoint around it. */
	int n = text_count(db, t);
	if (t->position <= 0 || t->position > n + 1)
		t->position = n + 1;
	model_ensure_id(t->id);
	if (t->position == n + 1)
		return text_insert_row(db, t, err);
	return model_tx(db, text_insert, t, err);
}

enum clerk_status minute_text_update(struct db *db, const char *id,
				     const char *body, struct clerk_err *err)
{
	static const char sql[] = "UPDATE minute_text SET body = ?2 WHERE id = ?1";
	enum clerk_status rc = model_check_text(body, "minute text", true, err);
	if (!rc)
		rc = model_refuse_confirmed_row(db, MODEL_ROW_TEXT, id,
						"saving the minute text", err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, body);
	rc = model_step_done(db, st, "saving the minute text", err);
	return rc ? rc : model_check_changed(db, "minute text", id, err);
}

static enum clerk_status text_remove(struct db *db, void *arg,
				     struct clerk_err *err)
{
	static const char sql[] =
		"DELETE FROM minute_text WHERE id = ?1 RETURNING item_id, section, "
		"position";
	static const char close_gap[] =
		"UPDATE minute_text SET position = position - 1 WHERE item_id = ?1 "
		"AND section = ?2 AND position > ?3";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, arg);
	int step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		db_done(st);
		return clerk_fail(err, CLERK_NOT_FOUND, "no minute text with id %s",
				  (const char *)arg);
	}
	if (step != SQLITE_ROW) {
		enum clerk_status rc =
			model_fail(db, "deleting the minute text", err);
		db_done(st);
		return rc;
	}
	char *item = db_col_dup(st, 0), *section = db_col_dup(st, 1);
	int position = sqlite3_column_int(st, 2);
	enum clerk_status rc = model_step_done(db, st, "deleting the minute text",
					       err);
	if (!rc && (st = db_stmt(db, close_gap, err))) {
		db_bind_text(st, 1, item);
		db_bind_text(st, 2, section);
		sqlite3_bind_int(st, 3, position);
		rc = model_step_done(db, st, "renumbering the minute", err);
	}
	free(item);
	free(section);
	return rc;
}

enum clerk_status minute_text_delete(struct db *db, const char *id,
				     struct clerk_err *err)
{
	if (!model_has(id))
		return clerk_fail(err, CLERK_INVALID, "no minute text was given");
	if (model_refuse_confirmed_row(db, MODEL_ROW_TEXT, id,
				       "deleting the minute text", err))
		return err->status;
	return model_tx(db, text_remove, (void *)(uintptr_t)id, err);
}

enum clerk_status minute_text_list(struct db *db, const char *meeting_id,
				   const char *item_id,
				   struct minute_text_list *out,
				   struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " TEXT_COLS " FROM minute_text t JOIN agenda_item i ON "
		"i.id = t.item_id WHERE t.meeting_id = ?1 AND (?2 IS NULL OR "
		"t.item_id = ?2) ORDER BY i.position, " SECTION_ORDER
		", t.position, t.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	model_bind_id(st, 2, item_id);
	enum clerk_status rc =
		MODEL_READ_ROWS(db, st, text_read, out, "reading the minutes", err);
	if (rc)
		minute_text_list_free(out);
	return rc;
}

void minute_text_free(struct minute_text *t)
{
	if (!t)
		return;
	free(t->body);
	memset(t, 0, sizeof *t);
}

void minute_text_list_free(struct minute_text_list *l)
{
	MODEL_LIST_FREE(l, minute_text_free);
}

/* ------------------------------------------------- the capture order */

static void record_capture_read(sqlite3_stmt *st, void *out)
{
	struct record_capture *c = out;
	model_col_id(st, 0, c->id);
	c->seq = sqlite3_column_int64(st, 1);
}

/* Where a meeting's paragraphs and resolutions were written: the rows
 * the full-text index keeps of them (schema step 2) are numbered in the
 * order written (an INTEGER PRIMARY KEY, which VACUUM never renumbers),
 * one sequence for both tables, and found by meeting through an index.
 * It is the only order the file keeps of rows written without a log (a
 * meeting typed up afterwards); a file indexed after the fact (step 2 of
 * an older file) numbered its rows table by table, which gives the older
 * order back. */
enum clerk_status record_captures_read(struct db *db, const char *meeting_id,
				       struct record_captures *out,
				       struct clerk_err *err)
{
	static const char sql[] =
		"SELECT src_id, id FROM search_doc WHERE meeting_id = ?1 AND "
		"src IN ('minute', 'resolution') ORDER BY id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	enum clerk_status rc = MODEL_READ_ROWS(
		db, st, record_capture_read, out,
		"reading the order the minutes were written in", err);
	if (rc)
		record_captures_free(out);
	return rc;
}

void record_captures_free(struct record_captures *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}
