/*
 * model/agenda: the items of business of a meeting, kept in agenda order.
 * Inserting, deleting and moving an item renumber the positions of the
 * others in the same transaction, so the order never has gaps or repeats.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

#define ITEM_COLS                                                              \
	"id, meeting_id, position, number, title, description, presenter, "    \
	"planned_start, planned_minutes, pages, exempt, exempt_paragraph, "    \
	"kind, urgent_reason"

static void item_read(sqlite3_stmt *st, void *out)
{
	struct agenda_item *it = out;
	memset(it, 0, sizeof *it);
	model_col_id(st, 0, it->id);
	model_col_id(st, 1, it->meeting_id);
	it->position = sqlite3_column_int(st, 2);
	it->number = db_col_dup(st, 3);
	it->title = db_col_dup(st, 4);
	it->description = db_col_dup(st, 5);
	it->presenter = db_col_dup(st, 6);
	it->planned_start = model_col_time(st, 7);
	it->planned_minutes = sqlite3_column_int(st, 8);
	it->pages = db_col_dup(st, 9);
	it->exempt = sqlite3_column_int(st, 10) != 0;
	it->exempt_paragraph = db_col_dup(st, 11);
	it->kind = ITEM_ORDINARY;
	MODEL_COL_ENUM(st, 12, item_kind_parse, &it->kind);
	it->urgent_reason = db_col_dup(st, 13);
}

static enum clerk_status item_check(const struct agenda_item *it,
				    struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(it->meeting_id, "meeting for the item", err)) ||
	    (rc = model_check_text(it->title, "item's title", true, err)) ||
	    (rc = model_check_text(it->number, "item's number", false, err)) ||
	    (rc = model_check_text(it->description, "description", false,
				   err)) ||
	    (rc = model_check_text(it->presenter, "presenter", false, err)) ||
	    (rc = model_check_text(it->pages, "pages", false, err)) ||
	    (rc = model_check_text(it->exempt_paragraph, "exempt paragraph",
				   false, err)) ||
	    (rc = model_check_text(it->urgent_reason, "reason for urgency",
				   false, err)))
		return rc;
	if ((unsigned)it->kind > ITEM_URGENT)
		return clerk_fail(err, CLERK_INVALID, "the item's kind is unknown");
	if (it->planned_minutes < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "the planned length of the item is negative");
	return CLERK_OK;
}

/* Bind ?1 id ... ?14 urgent_reason (ITEM_COLS order). */
static void item_bind(sqlite3_stmt *st, const struct agenda_item *it)
{
	db_bind_text(st, 1, it->id);
	db_bind_text(st, 2, it->meeting_id);
	sqlite3_bind_int(st, 3, it->position);
	model_bind_str(st, 4, it->number);
	db_bind_text(st, 5, it->title);
	model_bind_str(st, 6, it->description);
	model_bind_str(st, 7, it->presenter);
	model_bind_time(st, 8, it->planned_start);
	sqlite3_bind_int(st, 9, it->planned_minutes);
	model_bind_str(st, 10, it->pages);
	sqlite3_bind_int(st, 11, it->exempt);
	model_bind_str(st, 12, it->exempt_paragraph);
	db_bind_text(st, 13, item_kind_text(it->kind));
	model_bind_str(st, 14, it->urgent_reason);
}

/* Add delta to the positions of the meeting's items in [from, to]. */
static enum clerk_status item_shift(struct db *db, const char *meeting_id,
				    int from, int to, int delta,
				    struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE agenda_item SET position = position + ?4 WHERE "
		"meeting_id = ?1 AND position >= ?2 AND position <= ?3";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	sqlite3_bind_int(st, 2, from);
	sqlite3_bind_int(st, 3, to);
	sqlite3_bind_int(st, 4, delta);
	return model_step_done(db, st, "renumbering the agenda", err);
}

static int item_count(struct db *db, const char *meeting_id)
{
	static const char sql[] =
		"SELECT count(*) FROM agenda_item WHERE meeting_id = ?1";
	return model_query_int(db, sql, meeting_id, 0);
}

static enum clerk_status item_insert(struct db *db, void *arg,
				     struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO agenda_item(" ITEM_COLS ") VALUES (?1, ?2, ?3, ?4, "
		"?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
	struct agenda_item *it = arg;
	int n = item_count(db, it->meeting_id);
	if (it->position <= 0 || it->position > n + 1)
		it->position = n + 1;
	enum clerk_status rc =
		item_shift(db, it->meeting_id, it->position, n, 1, err);
	sqlite3_stmt *st = rc ? NULL : db_stmt(db, sql, err);
	if (!st)
		return rc ? rc : CLERK_DB;
	item_bind(st, it);
	return model_step_done(db, st, "adding the agenda item", err);
}

enum clerk_status item_create(struct db *db, struct agenda_item *it,
			      struct clerk_err *err)
{
	enum clerk_status rc = item_check(it, err);
	if (!rc)
		rc = model_refuse_confirmed(db, it->meeting_id,
					    "adding the agenda item", err);
	if (rc)
		return rc;
	bool fresh = !it->id[0];
	int asked = it->position;
	model_ensure_id(it->id);
	rc = model_tx(db, item_insert, it, err);
	if (rc) {
		it->position = asked;
		if (fresh)
			it->id[0] = '\0';
	}
	return rc;
}

enum clerk_status item_update(struct db *db, const struct agenda_item *it,
			      struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE agenda_item SET number = ?4, title = ?5, description = "
		"?6, presenter = ?7, planned_start = ?8, planned_minutes = ?9, "
		"pages = ?10, exempt = ?11, exempt_paragraph = ?12, kind = ?13, "
		"urgent_reason = ?14 WHERE id = ?1 AND meeting_id = ?2";
	enum clerk_status rc = item_check(it, err);
	if (!rc)
		rc = model_refuse_confirmed_row(db, MODEL_ROW_ITEM, it->id,
						"saving the agenda item", err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	item_bind(st, it);
	rc = model_step_done(db, st, "saving the agenda item", err);
	return rc ? rc : model_check_changed(db, "agenda item", it->id, err);
}

enum clerk_status item_get(struct db *db, const char *id,
			   struct agenda_item *out, struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " ITEM_COLS " FROM agenda_item WHERE id = ?1";
	return model_get_row(db, sql, id, item_read, out, sizeof *out,
			     "agenda item", err);
}

static enum clerk_status item_remove(struct db *db, void *arg,
				     struct clerk_err *err)
{
	static const char sql[] = "DELETE FROM agenda_item WHERE id = ?1";
	const struct agenda_item *it = arg;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, it->id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		bool used = sqlite3_extended_errcode(db_handle(db)) ==
			    SQLITE_CONSTRAINT_FOREIGNKEY;
		enum clerk_status rc =
			used ? clerk_fail(err, CLERK_CONFLICT,
					  "item %s \"%s\" has minutes, events or "
					  "declarations recorded against it, so it "
					  "cannot be deleted",
					  it->number, it->title)
			     : model_fail(db, "deleting the agenda item", err);
		db_done(st);
		return rc;
	}
	db_done(st);
	return item_shift(db, it->meeting_id, it->position + 1, 1 << 30, -1,
			  err);
}

enum clerk_status item_delete(struct db *db, const char *item_id,
			      struct clerk_err *err)
{
	struct agenda_item it;
	enum clerk_status rc = item_get(db, item_id, &it, err);
	if (rc)
		return rc;
	rc = model_refuse_confirmed(db, it.meeting_id,
				    "deleting the agenda item", err);
	if (!rc)
		rc = model_tx(db, item_remove, &it, err);
	item_free(&it);
	return rc;
}

struct item_move_arg {
	struct agenda_item *it;
	int to;
};

static enum clerk_status item_reposition(struct db *db, void *arg,
					 struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE agenda_item SET position = ?2 WHERE id = ?1";
	struct item_move_arg *a = arg;
	int from = a->it->position, to = a->to;
	enum clerk_status rc =
		to < from ? item_shift(db, a->it->meeting_id, to, from - 1, 1, err)
			  : item_shift(db, a->it->meeting_id, from + 1, to, -1,
				       err);
	sqlite3_stmt *st = rc ? NULL : db_stmt(db, sql, err);
	if (!st)
		return rc ? rc : CLERK_DB;
	db_bind_text(st, 1, a->it->id);
	sqlite3_bind_int(st, 2, to);
	return model_step_done(db, st, "moving the agenda item", err);
}

enum clerk_status item_move(struct db *db, const char *item_id, int to,
			    struct clerk_err *err)
{
	struct agenda_item it;
	enum clerk_status rc = item_get(db, item_id, &it, err);
	if (rc)
		return rc;
	int n = item_count(db, it.meeting_id);
	struct item_move_arg a = {&it, to < 1 ? 1 : to > n ? n : to};
	if (a.to != it.position)
		rc = model_refuse_confirmed(db, it.meeting_id,
					    "moving the agenda item", err);
	if (!rc && a.to != it.position)
		rc = model_tx(db, item_reposition, &a, err);
	item_free(&it);
	return rc;
}

enum clerk_status item_list(struct db *db, const char *meeting_id,
			    struct item_list *out, struct clerk_err *err)
{
	static const char sql[] = "SELECT " ITEM_COLS " FROM agenda_item "
				  "WHERE meeting_id = ?1 ORDER BY position, id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	enum clerk_status rc =
		MODEL_READ_ROWS(db, st, item_read, out, "reading the agenda", err);
	if (rc)
		item_list_free(out);
	return rc;
}

void item_free(struct agenda_item *it)
{
	if (!it)
		return;
	free(it->number);
	free(it->title);
	free(it->description);
	free(it->presenter);
	free(it->pages);
	free(it->exempt_paragraph);
	free(it->urgent_reason);
	memset(it, 0, sizeof *it);
}

void item_list_free(struct item_list *l)
{
	MODEL_LIST_FREE(l, item_free);
}
