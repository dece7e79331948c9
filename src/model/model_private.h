/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model internals shared by the files of src/model: binding and reading
 * ids and times, checking text input, running a write as one transaction,
 * and growing { v, n } lists.  Nothing here is visible outside the model.
 */
#ifndef CLERK_MODEL_PRIVATE_H
#define CLERK_MODEL_PRIVATE_H

#include <stdio.h>

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"
#include "clerk/model.h"

/* Append one zeroed element to a { v, n } list; returns a pointer to it. */
#define MODEL_LIST_PUSH(list)                                                  \
	(model_grow((void **)&(list)->v, &(list)->n, sizeof *(list)->v),       \
	 &(list)->v[(list)->n - 1])
void model_grow(void **v, size_t *n, size_t size);
/* The X_list_free of every list: free_one each element, then the array,
 * and zero the list (a NULL list is left alone). */
#define MODEL_LIST_FREE(list, free_one)                                  \
	do {                                                             \
		if (!(list))                                             \
			break;                                           \
		for (size_t i_ = 0; i_ < (list)->n; i_++)                \
			free_one(&(list)->v[i_]);                        \
		free((list)->v);                                         \
		memset((list), 0, sizeof *(list));                       \
	} while (0)

/* Give id a fresh UUID when it is empty. */
void model_ensure_id(clerk_id id);
/* Copy a (possibly NULL) id into out ("" for NULL). */
void model_copy_id(clerk_id out, const char *id);
static inline bool model_has(const char *s)
{
	return s && *s;
}
/* s, or def when s is NULL or empty. */
const char *model_or(const char *s, const char *def);

/* Bind an id, or NULL when it is NULL or empty. */
void model_bind_id(sqlite3_stmt *st, int idx, const char *id);
/* Bind a string, "" for NULL. */
void model_bind_str(sqlite3_stmt *st, int idx, const char *s);
/* Bind a time as UTC text, or NULL when t is 0. */
void model_bind_time(sqlite3_stmt *st, int idx, time_t t);
/* Read an id column ("" for NULL). */
void model_col_id(sqlite3_stmt *st, int col, clerk_id out);
/* Read a UTC time column (0 for NULL or unreadable). */
time_t model_col_time(sqlite3_stmt *st, int col);
/* Read an enum column through its parse function (left as is if unknown). */
#define MODEL_COL_ENUM(st, col, parse, out) \
	((void)parse(db_col_text((st), (col)), (out)))

/* The most one text field may hold (a paragraph, a description, a name):
 * a real minute or agenda text is a few KB, and searching, editing and
 * exporting stay quick below this (a 5 MB paragraph took seconds a key).
 * Documented in the man page (LIMITS). */
#define MODEL_TEXT_MAX (256 * 1024)

/* Refuse text that is not valid UTF-8, longer than MODEL_TEXT_MAX (and,
 * when required, empty), naming the field: "the title is empty". */
enum clerk_status model_check_text(const char *s, const char *field,
				   bool required, struct clerk_err *err);
/* Refuse an empty id, naming what it should be ("the meeting"). */
enum clerk_status model_check_id(const char *id, const char *what,
				 struct clerk_err *err);
/* Refuse a date that is not a real "YYYY-MM-DD" (NULL and "" allowed when
 * optional). */
enum clerk_status model_check_date(const char *s, const char *field,
				   bool required, struct clerk_err *err);

/* db_fail for a failed write, with plainer words for the constraints a
 * caller can break (a missing referenced record, a duplicate id). */
enum clerk_status model_fail(struct db *db, const char *doing,
			     struct clerk_err *err);
/* Step a write statement to completion and reset it; on failure fill err
 * with db_fail(doing). */
enum clerk_status model_step_done(struct db *db, sqlite3_stmt *st,
				  const char *doing, struct clerk_err *err);
/* Run fn(db, arg, err) inside one transaction: commit on success, roll
 * back on failure. */
typedef enum clerk_status (*model_tx_fn)(struct db *db, void *arg,
					 struct clerk_err *err);
enum clerk_status model_tx(struct db *db, model_tx_fn fn, void *arg,
			   struct clerk_err *err);
/* Read one row of a query into a struct: the X_read of a model file. */
typedef void (*model_read_fn)(sqlite3_stmt *st, void *out);
/* The X_get of every record: zero *out (size bytes), run sql with id as ?1
 * and read its row with read; CLERK_NOT_FOUND "no WHAT with id ID" when
 * there is none, db_fail "reading the WHAT" when the file fails. */
enum clerk_status model_get_row(struct db *db, const char *sql, const char *id,
				model_read_fn read, void *out, size_t size,
				const char *what, struct clerk_err *err);
/* The X_list of every record: step st (prepared and bound by the caller)
 * to the end, appending each row to the { v, n } list through read, and
 * reset it; db_fail(doing) when the file fails, and the caller then frees
 * the list with its X_list_free. */
enum clerk_status model_read_rows(struct db *db, sqlite3_stmt *st,
				  model_read_fn read, void **v, size_t *n,
				  size_t size, const char *doing,
				  struct clerk_err *err);
#define MODEL_READ_ROWS(db, st, read, list, doing, err)                   \
	model_read_rows((db), (st), (read), (void **)&(list)->v, &(list)->n, \
			sizeof *(list)->v, (doing), (err))
/* Fail with CLERK_NOT_FOUND when the last write changed no row. */
enum clerk_status model_check_changed(struct db *db, const char *what,
				      const char *id, struct clerk_err *err);
/* One integer from a query taking one text parameter (def when no row). */
int model_query_int(struct db *db, const char *sql, const char *param,
		    int def);

/* Local date "YYYY-MM-DD" of t in zone tz. */
void model_local_date(time_t t, const char *tz, char out[11]);
/* The zone of a body ("Europe/London" when unknown). */
char *model_body_tz(struct db *db, const char *body_id);

/* Read a person from the PERSON columns starting at col:
 * id, honorific, name, organisation, role, pronoun. */
void model_read_person(sqlite3_stmt *st, int col, struct person *p);

/* Deep copies, for derived results. */
void person_copy(struct person *dst, const struct person *src);
void attendance_copy(struct attendance *dst, const struct attendance *src);

/* The lock (model/confirm.c): CLERK_LOCKED, saying that the minutes were
 * confirmed and `doing` was refused, when the meeting (or the meeting of
 * the row) has confirmed minutes.  Called by every write to a meeting's
 * record before it writes, so that the lock does not rest on the triggers
 * inside the file alone. */
enum model_row_table {
	MODEL_ROW_ITEM,
	MODEL_ROW_ATTENDANCE,
	MODEL_ROW_DECLARATION,
	MODEL_ROW_TEXT,
	MODEL_ROW_RESOLUTION,
};
enum clerk_status model_refuse_confirmed(struct db *db, const char *meeting_id,
					 const char *doing,
					 struct clerk_err *err);
enum clerk_status model_refuse_confirmed_row(struct db *db,
					     enum model_row_table table,
					     const char *row_id,
					     const char *doing,
					     struct clerk_err *err);

#endif
