/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fts5_api: FTS5's API of a connection, through which clerk adds its
 * ranking and snippets (src/model) and uses FTS5's own tokenizer
 * (wordlist.c).  A file of its own: the benchmark's extension of the
 * sqlite3 shell (tests/bench/rank_ext.c) links it without the library.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* db code */
#include "clerk/db_sql.h"

fts5_api *db_fts5_api(sqlite3 *sql)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(sql, "SELECT fts5(?1)", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	if (sqlite3_finalize(st) != SQLITE_OK)
		api = NULL;
	return api;
}
