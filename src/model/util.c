/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/util: the small pieces every model file uses: ids, binding and
 * reading times, checking text before anything is written, stepping a write
 * and running a group of writes as one transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_private.h"

void model_grow(void **v, size_t *n, size_t size)
{
	*v = xrealloc(*v, (*n + 1) * size);
	memset((char *)*v + *n * size, 0, size);
	(*n)++;
}

void model_ensure_id(clerk_id id)
{
	if (!id[0])
		db_uuid(id);
}

void model_copy_id(clerk_id out, const char *id)
{
	/* Not snprintf: ids are copied for every row read, and the live
	 * console rereads a whole meeting after each action (make bench). */
	size_t n = id ? strnlen(id, CLERK_UUID_LEN - 1) : 0;
	if (n)
		memcpy(out, id, n);
	out[n] = '\0';
}

const char *model_or(const char *s, const char *def)
{
	return model_has(s) ? s : def;
}

void model_bind_id(sqlite3_stmt *st, int idx, const char *id)
{
	db_bind_text(st, idx, model_has(id) ? id : NULL);
}

void model_bind_str(sqlite3_stmt *st, int idx, const char *s)
{
	db_bind_text(st, idx, s ? s : "");
}

void model_bind_time(sqlite3_stmt *st, int idx, time_t t)
{
	char buf[CLERK_TIME_LEN];
	if (!t) {
		sqlite3_bind_null(st, idx);
		return;
	}
	time_format_utc(t, buf);
	db_bind_text(st, idx, buf);
}

void model_col_id(sqlite3_stmt *st, int col, clerk_id out)
{
	model_copy_id(out, db_col_text(st, col));
}

time_t model_col_time(sqlite3_stmt *st, int col)
{
	time_t t = 0;
	const char *s = db_col_text(st, col);
	if (*s && !time_parse_utc(s, &t))
		t = 0;
	return t;
}

enum clerk_status model_check_text(const char *s, const char *field,
				   bool required, struct clerk_err *err)
{
	if (required && !model_has(s))
		return clerk_fail(err, CLERK_INVALID, "the %s is empty", field);
	size_t n = s ? strlen(s) : 0;
	if (n > MODEL_TEXT_MAX)
		return clerk_fail(err, CLERK_INVALID,
				  "the %s is %zu bytes, more than the %d (256 KB, "
				  "some 40,000 words) one text may hold: split it "
				  "into several paragraphs or items; nothing was "
				  "saved",
				  field, n, MODEL_TEXT_MAX);
	if (s && !utf8_valid(s, n))
		return clerk_fail(err, CLERK_INVALID,
				  "the %s is not valid UTF-8 text: nothing was "
				  "saved",
				  field);
	return CLERK_OK;
}

enum clerk_status model_check_id(const char *id, const char *what,
				 struct clerk_err *err)
{
	if (!model_has(id))
		return clerk_fail(err, CLERK_INVALID, "no %s was given", what);
	return CLERK_OK;
}

enum clerk_status model_check_date(const char *s, const char *field,
				   bool required, struct clerk_err *err)
{
	int y, m, d;
	if (!model_has(s))
		return required ? clerk_fail(err, CLERK_INVALID,
					     "the %s is missing", field)
				: CLERK_OK;
	if (!date_parse(s, &y, &m, &d))
		return clerk_fail(err, CLERK_INVALID,
				  "the %s \"%s\" is not a date (YYYY-MM-DD)", field,
				  s);
	return CLERK_OK;
}

enum clerk_status model_fail(struct db *db, const char *doing,
				    struct clerk_err *err)
{
	switch (sqlite3_extended_errcode(db_handle(db))) {
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return clerk_fail(err, CLERK_INVALID,
				  "%s was refused: it names a body, seat, person, "
				  "meeting or item that does not exist",
				  doing);
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return clerk_fail(err, CLERK_CONFLICT,
				  "%s was refused: a record with that id already "
				  "exists",
				  doing);
	default:
		return db_fail(db, err, doing);
	}
}

enum clerk_status model_step_done(struct db *db, sqlite3_stmt *st,
				  const char *doing, struct clerk_err *err)
{
	int rc = sqlite3_step(st);
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	enum clerk_status status = CLERK_OK;
	if (rc != SQLITE_DONE)
		status = model_fail(db, doing, err);
	db_done(st);
	return status;
}

enum clerk_status model_tx(struct db *db, model_tx_fn fn, void *arg,
			   struct clerk_err *err)
{
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = fn(db, arg, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

enum clerk_status model_get_row(struct db *db, const char *sql, const char *id,
				model_read_fn read, void *out, size_t size,
				const char *what, struct clerk_err *err)
{
	memset(out, 0, size);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	enum clerk_status rc = CLERK_OK;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		read(st, out);
	} else if (step == SQLITE_DONE) {
		rc = clerk_fail(err, CLERK_NOT_FOUND, "no %s with id %s", what,
				id ? id : "(none)");
	} else {
		char doing[80];
		snprintf(doing, sizeof doing, "reading the %s", what);
		rc = db_fail(db, err, doing);
	}
	db_done(st);
	return rc;
}

enum clerk_status model_read_rows(struct db *db, sqlite3_stmt *st,
				  model_read_fn read, void **v, size_t *n,
				  size_t size, const char *doing,
				  struct clerk_err *err)
{
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		model_grow(v, n, size);
		read(st, (char *)*v + (*n - 1) * size);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE)
		rc = db_fail(db, err, doing);
	db_done(st);
	return rc;
}

enum clerk_status model_check_changed(struct db *db, const char *what,
				      const char *id, struct clerk_err *err)
{
	if (sqlite3_changes(db_handle(db)) > 0)
		return CLERK_OK;
	return clerk_fail(err, CLERK_NOT_FOUND, "no %s with id %s", what,
			  id ? id : "(none)");
}

int model_query_int(struct db *db, const char *sql, const char *param, int def)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (!st)
		return def;
	db_bind_text(st, 1, param);
	int v = def;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int(st, 0);
	db_done(st);
	return v;
}

void model_local_date(time_t t, const char *tz, char out[11])
{
	struct tm tm;
	time_to_local(t, tz, &tm);
	char buf[48];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday);
	snprintf(out, 11, "%.10s", buf);
}

char *model_body_tz(struct db *db, const char *body_id)
{
	static const char sql[] = "SELECT tz FROM body WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	char *tz = NULL;
	if (st) {
		db_bind_text(st, 1, body_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			tz = db_col_dup(st, 0);
		db_done(st);
	}
	if (!model_has(tz)) {
		free(tz);
		tz = xstrdup(CLERK_DEFAULT_TZ);
	}
	return tz;
}
