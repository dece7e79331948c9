/*
 * model/declaration: declarations of interest made at a meeting, on an item
 * or on the business as a whole, with whether the member left the room and
 * whether a dispensation was granted.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

#define DECL_COLS                                                              \
	"id, meeting_id, item_id, person_id, kind, what, sensitive, "          \
	"dispensation, left_room"

static void decl_read(sqlite3_stmt *st, void *out)
{
	struct declaration *d = out;
	memset(d, 0, sizeof *d);
	model_col_id(st, 0, d->id);
	model_col_id(st, 1, d->meeting_id);
	model_col_id(st, 2, d->item_id);
	model_col_id(st, 3, d->person_id);
	MODEL_COL_ENUM(st, 4, interest_kind_parse, &d->kind);
	d->what = db_col_dup(st, 5);
	d->sensitive = sqlite3_column_int(st, 6) != 0;
	d->dispensation = sqlite3_column_int(st, 7) != 0;
	d->left_room = sqlite3_column_int(st, 8) != 0;
}

static enum clerk_status decl_check(const struct declaration *d,
				    struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(d->meeting_id, "meeting", err)) ||
	    (rc = model_check_id(d->person_id, "member declaring", err)) ||
	    (rc = model_check_text(d->what, "interest declared", false, err)))
		return rc;
	if ((unsigned)d->kind > INTEREST_NON_REGISTRABLE)
		return clerk_fail(err, CLERK_INVALID,
				  "the kind of interest is unknown");
	return CLERK_OK;
}

static void decl_bind(sqlite3_stmt *st, const struct declaration *d)
{
	db_bind_text(st, 1, d->id);
	db_bind_text(st, 2, d->meeting_id);
	model_bind_id(st, 3, d->item_id);
	db_bind_text(st, 4, d->person_id);
	db_bind_text(st, 5, interest_kind_text(d->kind));
	model_bind_str(st, 6, d->what);
	sqlite3_bind_int(st, 7, d->sensitive);
	sqlite3_bind_int(st, 8, d->dispensation);
	sqlite3_bind_int(st, 9, d->left_room);
}

enum clerk_status declaration_create(struct db *db, struct declaration *d,
				     struct clerk_err *err)
{
	static const char sql[] = "INSERT INTO declaration(" DECL_COLS
				  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	enum clerk_status rc = decl_check(d, err);
	if (!rc)
		rc = model_refuse_confirmed(db, d->meeting_id,
					    "recording the declaration", err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	bool fresh = !d->id[0];
	model_ensure_id(d->id);
	decl_bind(st, d);
	rc = model_step_done(db, st, "recording the declaration", err);
	if (rc && fresh)
		d->id[0] = '\0';
	return rc;
}

enum clerk_status declaration_update(struct db *db, const struct declaration *d,
				     struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE declaration SET meeting_id = ?2, item_id = ?3, person_id = "
		"?4, kind = ?5, what = ?6, sensitive = ?7, dispensation = ?8, "
		"left_room = ?9 WHERE id = ?1";
	enum clerk_status rc = decl_check(d, err);
	if (!rc)
		rc = model_refuse_confirmed_row(db, MODEL_ROW_DECLARATION, d->id,
						"saving the declaration", err);
	if (!rc)
		rc = model_refuse_confirmed(db, d->meeting_id,
					    "saving the declaration", err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	decl_bind(st, d);
	rc = model_step_done(db, st, "saving the declaration", err);
	return rc ? rc : model_check_changed(db, "declaration", d->id, err);
}

enum clerk_status declaration_delete(struct db *db, const char *id,
				     struct clerk_err *err)
{
	static const char sql[] = "DELETE FROM declaration WHERE id = ?1";
	if (model_refuse_confirmed_row(db, MODEL_ROW_DECLARATION, id,
				       "removing the declaration", err))
		return err->status;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	enum clerk_status rc =
		model_step_done(db, st, "removing the declaration", err);
	return rc ? rc : model_check_changed(db, "declaration", id, err);
}

enum clerk_status declaration_list(struct db *db, const char *meeting_id,
				   struct declaration_list *out,
				   struct clerk_err *err)
{
	/* Declarations on the whole business first, then by agenda order. */
	static const char sql[] =
		"SELECT d.id, d.meeting_id, d.item_id, d.person_id, d.kind, "
		"d.what, d.sensitive, d.dispensation, d.left_room FROM "
		"declaration d LEFT JOIN agenda_item i ON i.id = d.item_id "
		"JOIN person p ON p.id = d.person_id WHERE d.meeting_id = ?1 "
		"ORDER BY i.position IS NOT NULL, i.position, "
		"p.name COLLATE NOCASE, d.rowid";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	enum clerk_status rc =
		MODEL_READ_ROWS(db, st, decl_read, out, "reading the declarations", err);
	if (rc)
		declaration_list_free(out);
	return rc;
}

void declaration_free(struct declaration *d)
{
	if (!d)
		return;
	free(d->what);
	memset(d, 0, sizeof *d);
}

void declaration_list_free(struct declaration_list *l)
{
	MODEL_LIST_FREE(l, declaration_free);
}
