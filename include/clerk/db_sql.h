/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db_sql: the SQL side of the clerk file, for src/db and src/model only.
 * Every other part of clerk works through the model's functions, which
 * say what a clerk does ("record the vote"), never how it is stored: a
 * file that includes this header without being db or model code stops the
 * build, so the rule is kept by the compiler rather than by discipline.
 */
#ifndef CLERK_DB_SQL_H
#define CLERK_DB_SQL_H

#ifndef CLERK_SQL_ALLOWED
#error "only src/db and src/model use SQL: call the model (clerk/model.h)"
#endif

#include <sqlite3.h>

#include "clerk/db.h"

/* The SQLite handle. */
sqlite3 *db_handle(struct db *db);

/* FTS5's API of the connection (its tokenizers, its functions); NULL
 * when it cannot be had. */
fts5_api *db_fts5_api(sqlite3 *sql);

/* A cached prepared statement for sql, which must be a string literal (it is
 * cached by address).  Returns NULL and fills err on failure.  The caller
 * binds, steps, and must call db_done() on every path. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct clerk_err *err);
/* Reset a statement from db_stmt() and clear its bindings. */
void db_done(sqlite3_stmt *stmt);

/* Bind helpers: a NULL string binds SQL NULL. */
void db_bind_text(sqlite3_stmt *stmt, int idx, const char *s);
/* Column as a newly allocated string ("" for NULL). */
char *db_col_dup(sqlite3_stmt *stmt, int col);
/* Column as a string owned by the statement ("" for NULL). */
const char *db_col_text(sqlite3_stmt *stmt, int col);

#endif
