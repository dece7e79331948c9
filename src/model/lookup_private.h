/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lookup internals shared by lookup.c, lookup_attendance.c and
 * lookup_search.c: read snapshots, growing arrays, dates as day numbers. */
#ifndef CLERK_LOOKUP_PRIVATE_H
#define CLERK_LOOKUP_PRIVATE_H

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"
#include "clerk/lookup.h"

/* The columns of search_fts a user's words are searched in (title and
 * body); from schema step 16 the next one, scope, holds the token of each
 * document's body, which no query of words reaches. */
#define SEARCH_TEXT_COLUMNS 2
#define SEARCH_SCOPE_COLUMN 2

/* Make clerk_snippet(), the snippet of a text holding its words many
 * times (search_snippet.c), with FTS5's api; an SQLite result code. */
int search_snippet_register(fts5_api *api);
/* Make clerk_rank(), bm25 over title and body (search_rank.c). */
int search_rank_register(fts5_api *api);

/* What clerk_rank works out over the whole index before scoring a row
 * (the average length of a document, each phrase's weight), kept across
 * the queries of one search when passed to it as a pointer of type
 * SEARCH_RANK_MEMO: FTS5 forgets it at each new query, and working it out
 * reads every match of the archive.  Valid within one read transaction;
 * zeroed to start, freed with search_rank_memo_free. */
#define SEARCH_RANK_MEMO "clerk_rank_memo"
struct search_rank_memo {
	bool ready;
	int nphrase;
	double avgdl;
	double *idf; /* [nphrase] */
};
void search_rank_memo_free(struct search_rank_memo *memo);

/* A search, between lookup_search.c and search_newest.c. */
struct search_query {
	const char *words; /* the words, as expand_prefixes made them */
	char *fts;	   /* what FTS5 is asked */
	int nscope;	   /* its first phrases: the scope's */
};
/* Matches (rowid, rank) in the order shown: a statement's rows, or an
 * array of them. */
struct ranked_row {
	sqlite3_int64 id;
	double rank;
};
struct ranked_source {
	sqlite3_stmt *st; /* or: */
	const struct ranked_row *row;
	size_t n, at;
};
/* A statement of the search, its functions made on the connection. */
sqlite3_stmt *search_stmt(struct db *db, const char *sql,
			  struct clerk_err *err);
/* Take the matches of src in order, each checked by `hit` (sql_hit, bound
 * with the filters), until `limit` pass; *rows counts those read. */
enum clerk_status search_take(struct db *db, struct ranked_source *src,
			      sqlite3_stmt *hit, const struct search_query *q,
			      const struct lookup_search_opts *opts, int limit,
			      int *rows, struct lookup_hit_list *out,
			      struct clerk_err *err);
/* FTS5's complaint about a query, as a usage error. */
enum clerk_status search_fail(struct db *db, const char *text,
			      const struct search_query *q,
			      struct clerk_err *err);
/* How many hits a search shows, and how many matches it reads first to
 * find them (room for those a filter leaves out). */
int search_limit(const struct lookup_search_opts *opts);
int search_page(int limit);
/* The matches newest first (search_newest.c): ?2 ?3 of `hit` the UTC
 * bounds of the period (NULL: none). */
enum clerk_status search_newest(struct db *db, const struct search_query *q,
				const struct lookup_search_opts *opts,
				const char *from, const char *to,
				sqlite3_stmt *hit, struct lookup_hit_list *out,
				struct clerk_err *err);

/* The zone used when no body gives one. */
#define LOOKUP_DEFAULT_TZ "Europe/London"

/* Start a read transaction unless one is open, so that a look-up reads one
 * consistent snapshot; returns whether it started one (pass to
 * lookup_read_end). */
bool lookup_read_begin(struct db *db);
void lookup_read_end(struct db *db, bool began);

/* Make room for one more element in *v (holding *n of size `size`). */
void *lookup_grow(void *v, size_t n, size_t size);

/* Days since 1970-01-01 of a date "YYYY-MM-DD"; false when malformed. */
bool lookup_date_days(const char *date, long *days);
/* The date `months` calendar months after `date` (clamped to the month's
 * end), as days since 1970-01-01. */
long lookup_date_add_months(const char *date, int months);
/* The local date (in tz) of a stored UTC time. */
void lookup_local_date(const char *utc, const char *tz,
		       char out[LOOKUP_DATE_LEN]);
/* Fill b from a statement's columns starting at `col`: id, name,
 * short_name, council, tz, quorum_kind, num, den, fixed. */
void lookup_body_from_row(sqlite3_stmt *st, int col, struct lookup_body *b);
/* Fetch one body by id into *out (CLERK_NOT_FOUND when absent). */
enum clerk_status lookup_body_get(struct db *db, const char *id,
				  struct lookup_body *out,
				  struct clerk_err *err);

/* Fill the six-month rule's fields of r (s85, s85_last, s85_days,
 * s85_days_left, approved_until/reason) for its person, whose line is for
 * body_id (tz its zone, today its date); needs r->current and
 * r->member_since.  model/lookup_s85.c. */
enum clerk_status lookup_s85(struct db *db, const char *body_id,
			     const char *tz, const char *today,
			     struct lookup_attendance *r, struct clerk_err *err);

#endif
