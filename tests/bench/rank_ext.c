/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/bench/clerk-rank.so: clerk's ranking of search matches
 * (src/model/search_rank.c) as an extension of the sqlite3 shell, so that
 * the floors of `clerk search` in bench.sh rank as clerk ranks: by bm25
 * over title and body.  From schema step 16 the index has a third column
 * (each document's body) that FTS5's own bm25() would count in every
 * document's length; the floor would then answer another question.
 *
 *   sqlite3 -cmd '.load tests/bench/clerk-rank' FILE
 *     "SELECT ... ORDER BY clerk_rank(search_fts, 0, 2.0, 1.0) ..."
 *
 * The shell and this object use the same libsqlite3 (both link it), so
 * the extension calls it directly.
 */
#include "config.h"

#include "lookup_private.h"

int sqlite3_clerkrank_init(sqlite3 *sql, char **msg, const void *api);

int sqlite3_clerkrank_init(sqlite3 *sql, char **msg, const void *api)
{
	(void)msg;
	(void)api;
	fts5_api *fts5 = db_fts5_api(sql);
	return fts5 ? search_rank_register(fts5) : SQLITE_ERROR;
}
