/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/lookup_search: full-text search over what meetings recorded —
 * minute text, resolutions, agenda titles and descriptions, declarations —
 * through the FTS5 index search_fts (schema step 2), ranked by bm25 over
 * title and body (clerk_rank, search_rank.c).  A search of a body asks
 * FTS5 for the body's token too (schema step 16), so that it reads that
 * body's matches only.
 *
 * Users type words, "phrases", prefix* and AND/OR/NOT; a bare word that
 * carries punctuation FTS5 would refuse ("well-being", "s.85") is searched
 * as a phrase of its parts.  Whatever FTS5 still cannot parse (an
 * unbalanced quote, a dangling OR) is a usage error with a sentence saying
 * how to write the query.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/model.h"
#include "lookup_private.h"

/* A character FTS5 accepts in a bare word. */
static bool bareword_char(unsigned char c)
{
	return c >= 0x80 || isalnum(c) || c == '_' || c == 0x1A;
}

static bool is_operator(const char *w, size_t n)
{
	return (n == 3 && strncmp(w, "AND", 3) == 0) ||
	       (n == 2 && strncmp(w, "OR", 2) == 0) ||
	       (n == 3 && strncmp(w, "NOT", 3) == 0) ||
	       (n >= 4 && strncmp(w, "NEAR", 4) == 0) ||
	       (n == 1 && (*w == '+' || *w == '^'));
}

/* Append one bare word, quoting it when FTS5 would refuse its characters. */
static void add_word(struct strbuf *sb, const char *w, size_t n)
{
	bool star = n > 1 && w[n - 1] == '*';
	size_t core = star ? n - 1 : n;
	bool plain = true;
	for (size_t i = 0; i < core; i++)
		if (!bareword_char((unsigned char)w[i]))
			plain = false;
	if (plain || is_operator(w, n) || memchr(w, ':', n)) {
		sb_addn(sb, w, n);
		return;
	}
	sb_addc(sb, '"');
	sb_addn(sb, w, core);
	sb_addc(sb, '"');
	if (star)
		sb_addc(sb, '*');
}

char *lookup_search_query(const char *text)
{
	struct strbuf sb = {0};
	const char *p = text;
	while (*p) {
		if (isspace((unsigned char)*p) || *p == '(' || *p == ')') {
			sb_addc(&sb, *p == '(' || *p == ')' ? *p : ' ');
			p++;
		} else if (*p == '"') {
			/* A phrase, copied up to its closing quote (or to the
			 * end, which FTS5 then refuses). */
			const char *end = strchr(p + 1, '"');
			size_t n = end ? (size_t)(end - p) + 1 : strlen(p);
			sb_addn(&sb, p, n);
			p += n;
		} else {
			const char *w = p;
			while (*p && !isspace((unsigned char)*p) && *p != '(' &&
			       *p != ')' && *p != '"')
				p++;
			add_word(&sb, w, (size_t)(p - w));
		}
	}
	return sb_detach(&sb);
}

void lookup_hit_list_free(struct lookup_hit_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		struct lookup_hit *h = &l->v[i];
		free(h->body_name);
		free(h->body_short);
		free(h->item_number);
		free(h->item_title);
		free(h->minute);
		free(h->kind);
		free(h->snippet);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* The UTC time of local midnight starting `date` (plus `days`) in tz. */
static bool date_bound(const char *date, int days, const char *tz,
		       char out[CLERK_TIME_LEN])
{
	int y, m, d;
	if (!date_parse(date, &y, &m, &d))
		return false;
	time_t t = time_from_local(tz, y, m, d, 0, 0) + (time_t)days * 86400;
	/* A day later at midnight: recompute to stay exact across DST. */
	if (days) {
		struct tm tm;
		time_to_local(t + 43200, tz, &tm);
		t = time_from_local(tz, tm.tm_year + 1900, tm.tm_mon + 1,
				    tm.tm_mday, 0, 0);
	}
	time_format_utc(t, out);
	return true;
}

/* FTS5's complaint about the words typed, not about the query clerk made
 * of them: the words are asked alone (the message is then the one they
 * always had). */
static char *words_error(struct db *db, const struct search_query *q)
{
	char *msg = xstrdup(sqlite3_errmsg(db_handle(db)));
	if (q->fts == q->words || strcmp(q->fts, q->words) == 0)
		return msg;
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT rowid FROM search_fts WHERE "
				   "search_fts MATCH ?1 LIMIT 1",
				   NULL);
	if (!st)
		return msg;
	db_bind_text(st, 1, q->words);
	int step = sqlite3_step(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE &&
	    (sqlite3_errcode(db_handle(db)) & 0xFF) == SQLITE_ERROR) {
		free(msg);
		msg = xstrdup(sqlite3_errmsg(db_handle(db)));
	}
	db_done(st);
	return msg;
}

enum clerk_status search_fail(struct db *db, const char *text,
			      const struct search_query *q,
			      struct clerk_err *err)
{
	int code = sqlite3_errcode(db_handle(db)) & 0xFF;
	if (code != SQLITE_ERROR)
		return db_fail(db, err, "searching");
	char *msg = words_error(db, q);
	enum clerk_status rc =
		clerk_fail(err, CLERK_USAGE,
			   "cannot search for '%s': %s.  Write words, "
			   "\"a phrase\" in double quotes, a prefix with *, "
			   "and AND, OR, NOT in capitals",
			   text, msg);
	free(msg);
	return rc;
}

/* Fill h from the details statement (columns as in sql_hit). */
static void hit_from_row(sqlite3_stmt *st, struct lookup_hit *h)
{
	memset(h, 0, sizeof *h);
	snprintf(h->meeting_id, sizeof h->meeting_id, "%s", db_col_text(st, 0));
	snprintf(h->item_id, sizeof h->item_id, "%s", db_col_text(st, 1));
	h->body_name = db_col_dup(st, 2);
	h->body_short = db_col_dup(st, 3);
	lookup_local_date(db_col_text(st, 5), db_col_text(st, 4), h->date);
	h->item_number = db_col_dup(st, 6);
	h->item_title = db_col_dup(st, 7);
	h->kind = db_col_dup(st, 8);
	h->exempt = sqlite3_column_int(st, 9) != 0;
}

/* The best matches of the whole archive, from FTS5 alone: bm25 scores
 * every match (reading each one's length from search_fts_docsize) and
 * SQLite keeps the best ?2 of them in a top-N sort, so that only those are
 * joined to their meetings and items (sql_hit) afterwards.  This is the
 * floor of the question itself: the same query ranked over every match
 * (BENCHMARKS.md).  Ties keep the order of recording. */
static const char sql_ranked[] =
	"SELECT rowid, clerk_rank(search_fts, 0, 2.0, 1.0) AS r FROM search_fts "
	"WHERE search_fts MATCH ?1 ORDER BY r, rowid LIMIT ?2 OFFSET ?3";
/* One match's details, when it passes the filters; its item's agenda
 * place and meeting number it (item_place).  A minute is confidential by
 * its section, a declaration by its flag, anything by its item's: each
 * source is looked for in its own table only. */
static const char sql_hit[] =
	"SELECT d.meeting_id, coalesce(d.item_id, ''), b.name, "
	"coalesce(b.short_name, ''), b.tz, m.starts_at, "
	"coalesce(ai.number, ''), coalesce(ai.title, ''), d.src, "
	"coalesce(ai.exempt, 0) OR CASE d.src WHEN 'minute' THEN EXISTS (SELECT 1 "
	"  FROM minute_text t WHERE t.id = d.src_id AND t.section = 'exempt') "
	"  WHEN 'declaration' THEN EXISTS (SELECT 1 FROM declaration x "
	"  WHERE x.id = d.src_id AND x.sensitive) ELSE 0 END "
	"  AS exempt, ai.position, ai.meeting_id "
	"FROM search_doc d JOIN meeting m ON m.id = d.meeting_id "
	"JOIN body b ON b.id = m.body_id "
	"LEFT JOIN agenda_item ai ON ai.id = d.item_id "
	"WHERE d.id = ?1 AND (?2 IS NULL OR m.body_id = ?2) "
	"AND (?3 IS NULL OR m.starts_at >= ?3) "
	"AND (?4 IS NULL OR m.starts_at < ?4)";
/* The snippets of the matches kept, in one pass over the matches between
 * the first and the last of them (?2, ?3), computed only for the rowids
 * clerk_hit_wanted finds in the hits' sorted rowids (?4, bound as a
 * pointer).  A query per match (rowid = ?) costs a new FTS5 query each:
 * 120 thousand instructions a snippet on the small archive, where walking
 * a match costs one thousand.  The function rather than an IN list, which
 * looked each match walked up in a temporary index (0.5 of the 17 million
 * instructions of 'search budget' on the small archive). */
static const char sql_snippets[] =
	"SELECT rowid, coalesce("
	"clerk_snippet(search_fts, -1, char(1), char(2), '…', 20), "
	"snippet(search_fts, -1, char(1), char(2), '…', 20)) "
	"FROM search_fts WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
	"AND clerk_hit_wanted(rowid, ?4)";

/* Where a hit's agenda item stands: its meeting and agenda place
 * (position 0: no item, or one gone), from which it is numbered. */
struct item_place {
	clerk_id meeting;
	int position;
};

/* The item place of a row whose columns `col` and `col` + 1 are the
 * item's position and meeting (NULL when there is no item). */
static void place_from_row(sqlite3_stmt *st, int col, struct item_place *p)
{
	memset(p, 0, sizeof *p);
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return;
	p->position = sqlite3_column_int(st, col);
	snprintf(p->meeting, sizeof p->meeting, "%s", db_col_text(st, col + 1));
}

/* The minute number of a hit on item_id, as its minutes print it: each
 * meeting and body read once for all the hits (minute_memo). */
static char *hit_minute(struct db *db, struct minute_memo *memo,
			const char *item_id, const struct item_place *p,
			struct clerk_err *err)
{
	if (!*item_id || !*p->meeting)
		return xstrdup(""); /* no item, or one gone */
	return minute_memo_number(db, memo, item_id, p->meeting, p->position,
				  err);
}

/* Details of match `rowid` into *h; false when a filter leaves it out. */
static enum clerk_status search_one(struct db *db, sqlite3_stmt *hit,
				    sqlite3_int64 rowid, bool exempt,
				    struct lookup_hit *h, struct item_place *p,
				    bool *kept, struct clerk_err *err)
{
	*kept = false;
	sqlite3_bind_int64(hit, 1, rowid);
	int step = sqlite3_step(hit);
	if (step == SQLITE_ROW && (exempt || !sqlite3_column_int(hit, 9))) {
		hit_from_row(hit, h);
		place_from_row(hit, 10, p);
		*kept = true;
	}
	sqlite3_reset(hit);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return db_fail(db, err, "searching");
	return CLERK_OK;
}

static int rowid_cmp(const void *a, const void *b)
{
	const sqlite3_int64 *x = a, *y = b;
	return *x < *y ? -1 : *x > *y;
}

/* The rowids whose snippets are wanted, sorted. */
struct wanted {
	sqlite3_int64 *id;
	size_t n;
};

static const char wanted_type[] = "clerk_wanted";

/* clerk_hit_wanted(rowid, wanted): 1 when rowid is one of the wanted. */
static void hit_wanted(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const struct wanted *w = sqlite3_value_pointer(argv[1], wanted_type);
	sqlite3_int64 id = sqlite3_value_int64(argv[0]);
	sqlite3_result_int(ctx, w && bsearch(&id, w->id, w->n, sizeof *w->id,
					     rowid_cmp) != NULL);
}

/* clerk_hit_wanted, clerk_snippet (search_snippet.c) and clerk_rank
 * (search_rank.c), made on the connection. */
static int search_functions_make(struct db *db)
{
	fts5_api *api = db_fts5_api(db_handle(db));
	int rc = api ? SQLITE_OK : SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db_handle(db), "clerk_hit_wanted", 2,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					     NULL, hit_wanted, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = search_snippet_register(api);
	if (rc == SQLITE_OK)
		rc = search_rank_register(api);
	return rc;
}

/* A statement of the search.  Its functions are made once for the
 * connection when the first such statement is prepared, and kept: making
 * or removing a function while the connection has statements prepared
 * makes SQLite prepare every one of them again. */
sqlite3_stmt *search_stmt(struct db *db, const char *sql,
			  struct clerk_err *err)
{
	struct clerk_err none = {0};
	sqlite3_stmt *st = db_stmt(db, sql, &none);
	if (st)
		return st;
	if (search_functions_make(db) != SQLITE_OK) {
		db_fail(db, err, "searching");
		return NULL;
	}
	return db_stmt(db, sql, err);
}

/* Matches between two hits whose snippets one query walks rather than
 * starting another (a query costs about as much as walking a hundred
 * matches): the newest hits of an archive written a body at a time lie
 * far apart (search_newest.c). */
#define SNIPPET_RUN_GAP 2048

/* Fill the snippet of every hit in out; ids[i] is the rowid of out->v[i].
 * A hit whose snippet is not found keeps an empty one.  One query for
 * each run of hits at most SNIPPET_RUN_GAP apart (search_runs says why
 * its runs are found by a loop of their own). */
static enum clerk_status search_snippets(struct db *db,
					 const struct search_query *q,
					 const sqlite3_int64 *ids,
					 struct lookup_hit_list *out,
					 struct clerk_err *err)
{
	if (!out->n)
		return CLERK_OK;
	sqlite3_stmt *snip = search_stmt(db, sql_snippets, err);
	if (!snip)
		return CLERK_DB;
	struct wanted w = {xcalloc(out->n, sizeof *w.id), out->n};
	memcpy(w.id, ids, out->n * sizeof *w.id);
	if (w.n > 1) /* one: nothing to sort */
		qsort(w.id, w.n, sizeof *w.id, rowid_cmp);
	db_bind_text(snip, 1, q->fts);
	sqlite3_bind_pointer(snip, 4, &w, wanted_type, NULL);
	int step = SQLITE_DONE;
	for (size_t run = 0, end; step == SQLITE_DONE && run < w.n;
	     run = end) {
		for (end = run + 1;
		     end < w.n && w.id[end] - w.id[end - 1] <= SNIPPET_RUN_GAP;
		     end++)
			;
		sqlite3_bind_int64(snip, 2, w.id[run]);
		sqlite3_bind_int64(snip, 3, w.id[end - 1]);
		while ((step = sqlite3_step(snip)) == SQLITE_ROW) {
			sqlite3_int64 id = sqlite3_column_int64(snip, 0);
			for (size_t i = 0; i < out->n; i++)
				if (ids[i] == id && !out->v[i].snippet)
					out->v[i].snippet =
						xstrdup(db_col_text(snip, 1));
		}
		if (step == SQLITE_DONE)
			sqlite3_reset(snip);
	}
	enum clerk_status rc =
		step == SQLITE_DONE ? CLERK_OK : db_fail(db, err, "searching");
	db_done(snip);
	free(w.id);
	for (size_t i = 0; i < out->n; i++)
		if (!out->v[i].snippet)
			out->v[i].snippet = xstrdup("");
	return rc;
}

/* The meetings a filter keeps (a body, a period or both), through the
 * meeting indexes (meeting_body, meeting_start), each with the first and
 * last of its documents (search_doc_meeting: two seeks a meeting), so that
 * the cost follows the meetings the filter keeps, however old the archive.
 * ?2 body, ?3 ?4 the UTC bounds of the period ('' sorts before every
 * start and x'', a blob, after: a start however written). */
static const char *const sql_filter_meetings[2] = {
	"SELECT m.id, (SELECT min(id) FROM search_doc WHERE meeting_id = m.id), "
	"(SELECT max(id) FROM search_doc WHERE meeting_id = m.id) FROM meeting m "
	"WHERE m.starts_at >= coalesce(?3, '') AND m.starts_at < coalesce(?4, x'') "
	"ORDER BY m.id",
	"SELECT m.id, (SELECT min(id) FROM search_doc WHERE meeting_id = m.id), "
	"(SELECT max(id) FROM search_doc WHERE meeting_id = m.id) FROM meeting m "
	"WHERE m.body_id = ?2 AND m.starts_at >= coalesce(?3, '') "
	"AND m.starts_at < coalesce(?4, x'') ORDER BY m.id",
};
/* The matches of one run of the filter's documents, ?2 to ?3, that the
 * filter keeps (clerk_doc_kept), ranked by bm25: only those are scored,
 * and the best ?4 kept in a top-N sort.  A query for each run of
 * documents (search_runs) rather than one from the first document to the
 * last: the runs of a period's meetings lie far apart when the archive
 * was written a body at a time (an import of each committee's history),
 * and one query walked every match of the archive between them.  bm25's
 * weights (?5, the search's memo) are worked out at the first run only:
 * working them out reads every match of the archive. */
static const char sql_filtered[] =
	"SELECT rowid, clerk_rank(search_fts, 0, 2.0, 1.0, ?5) AS r "
	"FROM search_fts WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
	"AND clerk_doc_kept(rowid) ORDER BY r, rowid LIMIT ?4";

/* The documents a filter keeps: the spans of its meetings' documents
 * (merged, sorted) and its meetings' ids (sorted).  A match outside every
 * span is left out at once; one inside a span is looked up (its meeting
 * may be another, recorded in between). */
struct docset {
	sqlite3_int64 (*span)[2];
	size_t nspan;
	char (*meeting)[CLERK_UUID_LEN];
	size_t nmeeting;
	sqlite3_stmt *doc; /* the meeting of document ?1 */
	bool failed;
};

static int span_cmp(const void *a, const void *b)
{
	const sqlite3_int64 *x = a, *y = b;
	return x[0] < y[0] ? -1 : x[0] > y[0];
}

static int meeting_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void doc_kept(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct docset *ds = sqlite3_user_data(ctx);
	sqlite3_int64 id = sqlite3_value_int64(argv[0]);
	size_t lo = 0, hi = ds->nspan;
	while (lo < hi) { /* the first span ending at or after id */
		size_t mid = lo + (hi - lo) / 2;
		if (ds->span[mid][1] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	bool kept = false;
	if (lo < ds->nspan && ds->span[lo][0] <= id) {
		sqlite3_bind_int64(ds->doc, 1, id);
		int step = sqlite3_step(ds->doc);
		if (step == SQLITE_ROW) {
			const char *m = db_col_text(ds->doc, 0);
			kept = bsearch(m, ds->meeting, ds->nmeeting,
				       sizeof *ds->meeting, meeting_cmp) != NULL;
		} else if (step != SQLITE_DONE) {
			ds->failed = true;
		}
		sqlite3_reset(ds->doc);
	}
	sqlite3_result_int(ctx, kept);
}

/* The meetings of the filter and their documents' spans into *ds. */
static enum clerk_status docset_read(struct db *db,
				     const struct lookup_search_opts *opts,
				     const char *from, const char *to,
				     struct docset *ds, struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_filter_meetings[opts->body_id != NULL],
				   err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 2, opts->body_id);
	db_bind_text(st, 3, from);
	db_bind_text(st, 4, to);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		ds->meeting = lookup_grow(ds->meeting, ds->nmeeting,
					  sizeof *ds->meeting);
		snprintf(ds->meeting[ds->nmeeting++], CLERK_UUID_LEN, "%s",
			 db_col_text(st, 0));
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			continue; /* a meeting that recorded nothing */
		ds->span = lookup_grow(ds->span, ds->nspan, sizeof *ds->span);
		ds->span[ds->nspan][0] = sqlite3_column_int64(st, 1);
		ds->span[ds->nspan++][1] = sqlite3_column_int64(st, 2);
	}
	db_done(st);
	if (step != SQLITE_DONE)
		return db_fail(db, err, "searching");
	/* The ids come sorted (ORDER BY m.id, in SQLite's BINARY order,
	 * which is strcmp's); the spans are sorted and merged here. */
	if (ds->nspan > 1) /* none: no array to sort */
		qsort(ds->span, ds->nspan, sizeof *ds->span, span_cmp);
	size_t n = 0;
	for (size_t i = 0; i < ds->nspan; i++) {
		if (n && ds->span[i][0] <= ds->span[n - 1][1] + 1) {
			if (ds->span[i][1] > ds->span[n - 1][1])
				ds->span[n - 1][1] = ds->span[i][1];
		} else {
			ds->span[n][0] = ds->span[i][0];
			ds->span[n++][1] = ds->span[i][1];
		}
	}
	ds->nspan = n;
	return CLERK_OK;
}

/* The next match of src into *r: SQLITE_ROW, SQLITE_DONE or an error. */
static int ranked_next(struct ranked_source *src, struct ranked_row *r)
{
	if (!src->st) {
		if (src->at == src->n)
			return SQLITE_DONE;
		*r = src->row[src->at++];
		return SQLITE_ROW;
	}
	int step = sqlite3_step(src->st);
	if (step == SQLITE_ROW) {
		r->id = sqlite3_column_int64(src->st, 0);
		r->rank = sqlite3_column_double(src->st, 1);
	}
	return step;
}

/* Take the matches of src in order, keeping those that pass the filters,
 * until `limit` are kept; *rows counts the matches read. */
enum clerk_status search_take(struct db *db, struct ranked_source *src,
			      sqlite3_stmt *hit, const struct search_query *q,
			      const struct lookup_search_opts *opts, int limit,
			      int *rows, struct lookup_hit_list *out,
			      struct clerk_err *err)
{
	int step = SQLITE_DONE;
	*rows = 0;
	sqlite3_int64 *ids = xcalloc((size_t)limit + 1, sizeof *ids);
	struct item_place *places = xcalloc((size_t)limit + 1, sizeof *places);
	struct ranked_row r;
	while (out->n < (size_t)limit &&
	       (step = ranked_next(src, &r)) == SQLITE_ROW) {
		struct lookup_hit h;
		bool kept;
		(*rows)++;
		enum clerk_status rc = search_one(db, hit, r.id, opts->exempt,
						  &h, &places[out->n], &kept,
						  err);
		if (rc) {
			free(ids);
			free(places);
			return rc;
		}
		if (!kept)
			continue;
		h.rank = r.rank;
		ids[out->n] = r.id;
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		out->v[out->n++] = h;
	}
	enum clerk_status rc = CLERK_OK;
	if (out->n < (size_t)limit && step != SQLITE_DONE)
		rc = search_fail(db, opts->text, q, err);
	else
		rc = search_snippets(db, q, ids, out, err);
	/* The minute number of each hit kept, as its minutes print it. */
	struct clerk_err nerr = {0};
	struct minute_memo memo = {0};
	for (size_t i = 0; !rc && i < out->n; i++)
		if (!out->v[i].minute) {
			out->v[i].minute = hit_minute(db, &memo, out->v[i].item_id,
						      &places[i], &nerr);
			if ((rc = nerr.status))
				*err = nerr;
		}
	minute_memo_free(&memo);
	free(ids);
	free(places);
	return rc;
}

/* How many hits a search shows, and how many of the best matches it asks
 * for first: room for those a filter or confidentiality leaves out. */
int search_limit(const struct lookup_search_opts *opts)
{
	return opts->limit > 0 ? opts->limit : 50;
}

int search_page(int limit)
{
	return limit * 2 > 100 ? limit * 2 : 100;
}

/* Take the best `limit` of the rows of `ranked` (bound but for its LIMIT,
 * parameter `page_param`) that pass the filters: from the best page of
 * them, or, when the matches left out (confidential, or not of the filter)
 * left that page short, from all of them. */
static enum clerk_status search_pages(struct db *db, sqlite3_stmt *ranked,
				      int page_param, sqlite3_stmt *hit,
				      const struct search_query *q,
				      const struct lookup_search_opts *opts,
				      const bool *failed,
				      struct lookup_hit_list *out,
				      struct clerk_err *err)
{
	int limit = search_limit(opts), rows = 0;
	int page = search_page(limit);
	struct ranked_source src = {.st = ranked};
	sqlite3_bind_int(ranked, page_param, page);
	enum clerk_status rc =
		search_take(db, &src, hit, q, opts, limit, &rows, out, err);
	if (!rc && !*failed && out->n < (size_t)limit && rows == page) {
		lookup_hit_list_free(out);
		sqlite3_reset(ranked);
		sqlite3_bind_int(ranked, page_param, -1);
		rc = search_take(db, &src, hit, q, opts, limit, &rows, out,
				 err);
	}
	return rc;
}

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked_row *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Documents between two runs of a filter's documents that one query walks
 * rather than starting another.  Measured: a year of the five-year
 * archive lies in 60 runs about 3,500 documents apart, and searching a
 * word in one document of twelve cost 95 M instructions walked as one
 * run, 106 M as 60; the twenty-year archive's runs lie 14,000 apart, and
 * 60 queries cost 143 M against 180 M. */
#define SEARCH_RUN_GAP 8192

/* The best `page` (-1: all) matches of the filter's documents, asked of
 * each run of them (spans at most SEARCH_RUN_GAP apart are one run),
 * merged into *rows (*n of them).  A query FTS5 cannot read is the
 * user's to mend (search_fail), as without a filter.
 *
 * Its runs are not search_snippets' made by one helper: those group
 * single rowids (hits) by the gap between neighbours, against what one
 * snippet query walks; these group spans (the first and last of the
 * filter's documents lying together) by the gap from one's last to the
 * next's first, against what one ranked query costs, measured apart.  A
 * helper would take both shapes and a gap, longer than the condition it
 * would share. */
static enum clerk_status search_runs(struct db *db, sqlite3_stmt *ranked,
				     const struct search_query *q,
				     const struct lookup_search_opts *opts,
				     const struct docset *ds, int page,
				     struct ranked_row **rows, size_t *n,
				     struct clerk_err *err)
{
	*rows = NULL;
	*n = 0;
	sqlite3_bind_int(ranked, 4, page);
	struct ranked_source src = {.st = ranked};
	for (size_t i = 0; i < ds->nspan; i++) {
		sqlite3_int64 first = ds->span[i][0];
		while (i + 1 < ds->nspan &&
		       ds->span[i + 1][0] - ds->span[i][1] <= SEARCH_RUN_GAP)
			i++;
		sqlite3_bind_int64(ranked, 2, first);
		sqlite3_bind_int64(ranked, 3, ds->span[i][1]);
		struct ranked_row r;
		int step;
		while ((step = ranked_next(&src, &r)) == SQLITE_ROW) {
			*rows = lookup_grow(*rows, *n, sizeof **rows);
			(*rows)[(*n)++] = r;
		}
		sqlite3_reset(ranked);
		if (step != SQLITE_DONE)
			return search_fail(db, opts->text, q, err);
	}
	if (*n > 1) /* one: nothing to sort */
		qsort(*rows, *n, sizeof **rows, ranked_cmp);
	if (page >= 0 && *n > (size_t)page)
		*n = (size_t)page;
	return CLERK_OK;
}

/* search_pages for the runs of a filter's documents. */
static enum clerk_status search_spans(struct db *db, sqlite3_stmt *ranked,
				      const struct docset *ds, sqlite3_stmt *hit,
				      const struct search_query *q,
				      const struct lookup_search_opts *opts,
				      struct lookup_hit_list *out,
				      struct clerk_err *err)
{
	int limit = search_limit(opts), rows = 0;
	int page = search_page(limit);
	struct ranked_row *all = NULL;
	size_t n = 0;
	enum clerk_status rc =
		search_runs(db, ranked, q, opts, ds, page, &all, &n, err);
	struct ranked_source src = {.row = all, .n = n};
	if (!rc && !ds->failed)
		rc = search_take(db, &src, hit, q, opts, limit, &rows, out, err);
	if (!rc && !ds->failed && out->n < (size_t)limit && rows == page) {
		lookup_hit_list_free(out);
		free(all);
		rc = search_runs(db, ranked, q, opts, ds, -1, &all, &n,
				 err);
		src = (struct ranked_source){.row = all, .n = n};
		if (!rc && !ds->failed)
			rc = search_take(db, &src, hit, q, opts, limit, &rows,
					 out, err);
	}
	free(all);
	return rc;
}

/* The matches of a body alone (schema step 16): those FTS5 finds holding
 * the body's token, each checked as it is taken against its meeting's
 * body (search_one), as every hit is. */
static const char sql_scoped[] =
	"SELECT rowid, clerk_rank(search_fts, 1, 2.0, 1.0) AS r FROM search_fts "
	"WHERE search_fts MATCH ?1 ORDER BY r, rowid LIMIT ?4";

/* The matches of a body, a period or both: all of them ranked.  A body
 * alone is found by its token; a period (with a body or not) from the
 * filter's meetings, rather than by joining every match of the archive
 * to its meeting. */
static enum clerk_status search_filtered(struct db *db,
					 const struct search_query *q,
					 const struct lookup_search_opts *opts,
					 const char *from, const char *to,
					 sqlite3_stmt *hit,
					 struct lookup_hit_list *out,
					 struct clerk_err *err)
{
	struct docset ds = {0};
	enum clerk_status rc = CLERK_OK;
	sqlite3_stmt *ranked = NULL;
	bool by_token = q->nscope > 0 && !from && !to;
	if (by_token) {
		if (!(ranked = search_stmt(db, sql_scoped, err)))
			rc = CLERK_DB;
	} else if (!(rc = docset_read(db, opts, from, to, &ds, err)) &&
		   ds.nspan) {
		ds.doc = db_stmt(db,
				 "SELECT meeting_id FROM search_doc WHERE id = ?1",
				 err);
		if (!ds.doc ||
		    sqlite3_create_function(db_handle(db), "clerk_doc_kept", 1,
					    SQLITE_UTF8, &ds, doc_kept, NULL,
					    NULL) != SQLITE_OK)
			rc = ds.doc ? db_fail(db, err, "searching") : CLERK_DB;
		else if (!(ranked = search_stmt(db, sql_filtered, err)))
			rc = CLERK_DB;
	}
	if (ranked) {
		struct search_rank_memo memo = {0};
		db_bind_text(ranked, 1, q->fts);
		if (by_token) {
			rc = search_pages(db, ranked, 4, hit, q, opts,
					  &ds.failed, out, err);
		} else {
			sqlite3_bind_pointer(ranked, 5, &memo, SEARCH_RANK_MEMO,
					     NULL);
			rc = search_spans(db, ranked, &ds, hit, q, opts, out,
					  err);
		}
		db_done(ranked); /* before the memo it points to goes */
		search_rank_memo_free(&memo);
		if (!rc && ds.failed)
			rc = db_fail(db, err, "searching");
	}
	if (ds.doc) {
		sqlite3_create_function(db_handle(db), "clerk_doc_kept", 1,
					SQLITE_UTF8, NULL, NULL, NULL, NULL);
		db_done(ds.doc);
	}
	free(ds.span);
	free(ds.meeting);
	return rc;
}

/* The first schema step whose search index holds each document's body. */
#define SEARCH_STEP_SCOPE 16

/* Parentheses that pair and quotes that close: only then can the words
 * be put in parentheses of clerk's and mean what they meant (FTS5
 * refuses the others as they are). */
static bool words_balanced(const char *w)
{
	int depth = 0;
	bool quoted = false;
	for (; *w; w++) {
		if (*w == '"')
			quoted = !quoted;
		else if (!quoted && *w == '(')
			depth++;
		else if (!quoted && *w == ')' && --depth < 0)
			return false;
	}
	return !quoted && depth == 0;
}

/* The body's phrase in the scope (schema step 16), appended to sb: '0b'
 * and the hex of its id, as SQL's hex() writes it.  A document holds one
 * such token, so that its scope never outweighs its words in a snippet
 * (snippet() takes the column where the query's phrases score best, the
 * first of equals: the scope's one phrase scores no more than one word). */
static void scope_phrase(const char *body_id, struct strbuf *sb)
{
	sb_add(sb, "scope : \"0b");
	for (const unsigned char *p = (const unsigned char *)body_id; *p; p++)
		sb_addf(sb, "%02X", *p);
	sb_add(sb, "\"");
}

/* Whether the words could reach a scope's token: every token of the
 * scope starts with 0b (a body, step 16) or 0m (a month, step 17), which
 * a word (or a prefix, 0*) of plain ASCII text can only match by holding
 * that pair; any other byte might fold to b or m (remove_diacritics).  Words that could are searched
 * in title and body only ({title body} : (...)); the others are not, as
 * that filter would cost every search a quarter more to weigh each word
 * (FTS5 then reads each match's positions to see its columns). */
static bool words_may_reach_scope(const char *w)
{
	for (const unsigned char *p = (const unsigned char *)w; *p; p++) {
		if (*p >= 0x80)
			return true;
		if (*p == '0' && p[1] && strchr("bBmM*\"", p[1]))
			return true;
	}
	return false;
}

/* What FTS5 is asked for the words: the body's phrase first, for a search
 * of a body, then the words, which never reach the scope. */
static void search_query_make(struct db *db, const char *words,
			      const char *body_id, struct search_query *q)
{
	memset(q, 0, sizeof *q);
	q->words = words;
	if (!words_balanced(words)) {
		q->fts = xstrdup(words);
		return;
	}
	struct strbuf sb = {0};
	bool scoped = db_schema_version(db) >= SEARCH_STEP_SCOPE;
	if (scoped && body_id) {
		scope_phrase(body_id, &sb);
		sb_add(&sb, " AND ");
		q->nscope = 1;
	}
	if (scoped && words_may_reach_scope(words))
		sb_addf(&sb, "{title body} : (%s)", words);
	else
		sb_addf(&sb, "(%s)", words);
	q->fts = sb_detach(&sb);
}

/* The best matches first from FTS5 alone (a top-N sort over every match),
 * filtered one by one; with a body or a period, every match they keep is
 * ranked (search_filtered). */
static enum clerk_status search_walk(struct db *db, const char *words,
				     const struct lookup_search_opts *opts,
				     const char *from, const char *to,
				     struct lookup_hit_list *out,
				     struct clerk_err *err)
{
	sqlite3_stmt *hit = db_stmt(db, sql_hit, err);
	if (!hit)
		return CLERK_DB;
	struct search_query q;
	search_query_make(db, words, opts->body_id, &q);
	db_bind_text(hit, 2, opts->body_id);
	db_bind_text(hit, 3, from);
	db_bind_text(hit, 4, to);
	enum clerk_status rc;
	if (!opts->best) {
		rc = search_newest(db, &q, opts, from, to, hit, out, err);
		db_done(hit);
		free(q.fts);
		return rc;
	}
	if (opts->body_id || from || to) {
		rc = search_filtered(db, &q, opts, from, to, hit, out, err);
		db_done(hit);
		free(q.fts);
		return rc;
	}
	sqlite3_stmt *ranked = search_stmt(db, sql_ranked, err);
	if (!ranked) {
		db_done(hit);
		free(q.fts);
		return CLERK_DB;
	}
	bool failed = false;
	db_bind_text(ranked, 1, q.fts);
	sqlite3_bind_int(ranked, 3, 0);
	rc = search_pages(db, ranked, 2, hit, &q, opts, &failed, out, err);
	db_done(ranked);
	db_done(hit);
	free(q.fts);
	return rc;
}

/* Attendance of the people whose name holds the words searched for, at
 * meetings held (newest first), with the meeting's apologies item: a name
 * is not in the text index, as attendance is a record, not text.  The
 * people are found first (CROSS JOIN keeps that order) and their rows
 * through attendance_person: the planner otherwise read every attendance
 * row of the archive for every search of a word, names or not. */
static const char sql_people[] =
	"SELECT a.meeting_id, coalesce(ai.id, ''), b.name, "
	"coalesce(b.short_name, ''), b.tz, m.starts_at, "
	"coalesce(ai.number, ''), coalesce(ai.title, ''), a.status, "
	"trim(p.honorific || ' ' || p.name), a.note, "
	"coalesce((SELECT trim(q.honorific || ' ' || q.name) FROM person q "
	"  WHERE q.id = a.substitute_for), ''), ai.position, ai.meeting_id "
	"FROM person p CROSS JOIN attendance a ON a.person_id = p.id "
	"JOIN meeting m ON m.id = a.meeting_id JOIN body b ON b.id = m.body_id "
	"LEFT JOIN agenda_item ai ON ai.id = (SELECT i.id FROM agenda_item i "
	"  WHERE i.meeting_id = m.id AND i.kind = 'apologies' "
	"  ORDER BY i.position LIMIT 1) "
	"WHERE instr(lower(p.name), lower(?1)) > 0 AND a.status <> 'expected' "
	"AND m.status NOT IN ('scheduled', 'cancelled') "
	"AND (?2 IS NULL OR m.body_id = ?2) "
	"AND (?3 IS NULL OR m.starts_at >= ?3) "
	"AND (?4 IS NULL OR m.starts_at < ?4) "
	"ORDER BY m.starts_at DESC, p.name LIMIT ?5";

/* Words only (letters, spaces, hyphens, apostrophes): what a name is. */
static bool name_like(const char *text)
{
	bool letter = false;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (isalpha(*p) || *p >= 0x80)
			letter = true;
		else if (*p != ' ' && *p != '-' && *p != '\'' && *p != '.')
			return false;
	}
	return letter;
}

/* "[Councillor Liz Fairhurst]: apologies (Unwell)". */
static char *attendance_snippet(sqlite3_stmt *st)
{
	const char *status = db_col_text(st, 8), *note = db_col_text(st, 10);
	const char *for_whom = db_col_text(st, 11);
	bool apology = strcmp(status, "apology") == 0;
	return xasprintf("%c%s%c: %s%s%s%s%s", LOOKUP_MARK_OPEN,
			 db_col_text(st, 9), LOOKUP_MARK_CLOSE,
			 apology ? "apologies" : status,
			 *for_whom ? " for " : "", for_whom,
			 *note ? " - " : "", note);
}

/* Append the attendance hits of people named by the text, up to limit. */
static enum clerk_status search_people(struct db *db,
				       const struct lookup_search_opts *opts,
				       const char *from, const char *to,
				       int limit, struct lookup_hit_list *out,
				       struct clerk_err *err)
{
	struct clerk_err nerr = {0}; /* a minute number not read */
	struct minute_memo memo = {0};
	if (out->n >= (size_t)limit || !name_like(opts->text))
		return CLERK_OK;
	sqlite3_stmt *st = db_stmt(db, sql_people, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, opts->text);
	db_bind_text(st, 2, opts->body_id);
	db_bind_text(st, 3, from);
	db_bind_text(st, 4, to);
	sqlite3_bind_int(st, 5, limit - (int)out->n);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		struct lookup_hit *h = &out->v[out->n++];
		memset(h, 0, sizeof *h);
		snprintf(h->meeting_id, sizeof h->meeting_id, "%s",
			 db_col_text(st, 0));
		snprintf(h->item_id, sizeof h->item_id, "%s", db_col_text(st, 1));
		h->body_name = db_col_dup(st, 2);
		h->body_short = db_col_dup(st, 3);
		lookup_local_date(db_col_text(st, 5), db_col_text(st, 4), h->date);
		h->item_number = db_col_dup(st, 6);
		h->item_title = db_col_dup(st, 7);
		h->kind = xstrdup("attendance");
		h->snippet = attendance_snippet(st);
		struct item_place place;
		place_from_row(st, 12, &place);
		h->minute = hit_minute(db, &memo, h->item_id, &place, &nerr);
		if (nerr.status)
			break;
	}
	db_done(st);
	minute_memo_free(&memo);
	if (nerr.status) {
		*err = nerr;
		return nerr.status;
	}
	return step == SQLITE_DONE ? CLERK_OK : db_fail(db, err, "searching");
}

/* At most this many words stand for one prefix (the first in alphabetical
 * order); a shorter prefix than that matches too much to rank well. */
enum { PREFIX_WORDS = 64 };

/* word as an FTS5 string: a word of a file made by hand may hold a
 * quote, which must not end the string early. */
static void add_quoted(struct strbuf *sb, const char *word)
{
	sb_addc(sb, '"');
	for (const char *q; (q = strchr(word, '"')); word = q + 1) {
		sb_addn(sb, word, (size_t)(q - word) + 1);
		sb_addc(sb, '"');
	}
	sb_add(sb, word);
	sb_addc(sb, '"');
}

/* Append to sb, for the bare prefix w* (w of n bytes, lower-cased), the
 * words as written that start with it, a range of the list of the index's
 * words (schema step 18; search_words' vocabulary before it, or while a
 * document's words are not listed yet): "word" OR "word" ...  When there
 * are more than PREFIX_WORDS of them, or none, the prefix itself over the
 * stems leads: "w* OR word ...".  Otherwise the words alone stand for it:
 * FTS5 reads a prefix by merging the whole doclist of every stem starting
 * with it, for every query of the search, where a word's doclist is read
 * only as far as the search needs (safeguard* on the five-year archive: 95
 * to 57 million instructions).  A stem that starts with the prefix comes
 * from a word that does, but for a prefix typed past where the stemmer
 * rewrote a word's end ("happi*" for "happy"): those need the whole word
 * or "happ*".  The vocabulary counts every document of each word it lists
 * (25 million instructions for "safeguarding" on the twenty-year
 * archive); the list holds each word once. */
static enum clerk_status prefix_words(struct db *db, const char *w, size_t n,
				      struct strbuf *sb, struct clerk_err *err)
{
	static const char sql_list[] =
		"SELECT word FROM search_wordlist WHERE word >= ?1 AND "
		"word < ?2 ORDER BY word LIMIT ?3";
	static const char sql_vocab[] =
		"SELECT term FROM search_words_vocab WHERE term >= ?1 AND "
		"term < ?2 ORDER BY term LIMIT ?3";
	const char *sql = db_wordlist_ready(db) ? sql_list : sql_vocab;
	char *lo = xstrndup(w, n), *hi = xstrndup(w, n);
	for (size_t i = 0; i < n; i++)
		lo[i] = hi[i] = (char)tolower((unsigned char)lo[i]);
	hi[n - 1]++; /* the first string after every word starting with lo */
	sqlite3_stmt *st = db_stmt(db, sql, err);
	enum clerk_status rc = st ? CLERK_OK : CLERK_DB;
	if (st) {
		db_bind_text(st, 1, lo);
		db_bind_text(st, 2, hi);
		sqlite3_bind_int(st, 3, PREFIX_WORDS + 1);
		struct strbuf words = {0};
		int step, nwords = 0;
		while ((step = sqlite3_step(st)) == SQLITE_ROW &&
		       nwords < PREFIX_WORDS) {
			sb_add(&words, nwords++ ? " OR " : "");
			add_quoted(&words, db_col_text(st, 0));
		}
		bool complete = step == SQLITE_DONE && nwords > 0;
		db_done(st);
		if (step != SQLITE_DONE && step != SQLITE_ROW) {
			rc = db_fail(db, err, "searching");
		} else {
			if (!complete) {
				sb_addn(sb, w, n);
				sb_addc(sb, '*');
			}
			if (nwords)
				sb_addf(sb, "%s%s", complete ? "" : " OR ",
					sb_str(&words));
		}
		sb_free(&words);
	}
	free(lo);
	free(hi);
	return rc;
}

/* The FTS5 query with each bare prefix word* outside quotes widened to
 * (word* OR each word as written that starts with it): the index holds
 * stems, so "sustainab*" alone would miss "sustainability" (stem
 * "sustain"); the words are stemmed again as they are searched. */
static enum clerk_status expand_prefixes(struct db *db, const char *query,
					 char **out, struct clerk_err *err)
{
	struct strbuf sb = {0};
	enum clerk_status rc = CLERK_OK;
	/* FTS5 takes "a b" as a AND b, but not "(a OR b) c": in a query with a
	 * prefix, operands side by side get an explicit AND.  NEAR() takes
	 * only phrases, so a query with NEAR is left as it is. */
	if (!strchr(query, '*') || strstr(query, "NEAR")) {
		*out = xstrdup(query);
		return CLERK_OK;
	}
	bool grouped = true, operand = false;
	const char *p = query;
	while (*p && !rc) {
		if (*p == '"') {
			const char *end = strchr(p + 1, '"');
			size_t n = end ? (size_t)(end - p) + 1 : strlen(p);
			if (operand && grouped)
				sb_add(&sb, " AND ");
			sb_addn(&sb, p, n);
			p += n;
			if (*p == '*')
				sb_addc(&sb, *p++);
			operand = true;
			continue;
		}
		if (!bareword_char((unsigned char)*p)) {
			if (*p == '(' && operand && grouped)
				sb_add(&sb, " AND ");
			if (*p == '(' || *p == '+' || *p == '^')
				operand = false;
			else if (*p == ')')
				operand = true;
			sb_addc(&sb, *p++);
			continue;
		}
		const char *w = p;
		while (bareword_char((unsigned char)*p) || *p == ':')
			p++;
		size_t n = (size_t)(p - w);
		if (is_operator(w, n)) {
			sb_addn(&sb, w, n);
			operand = false;
			continue;
		}
		if (operand && grouped)
			sb_add(&sb, " AND ");
		operand = true;
		if (*p != '*' || memchr(w, ':', n)) {
			sb_addn(&sb, w, n);
			continue;
		}
		p++; /* the star */
		sb_addc(&sb, '(');
		rc = prefix_words(db, w, n, &sb, err);
		sb_addc(&sb, ')');
	}
	if (rc) {
		sb_free(&sb);
		return rc;
	}
	*out = sb_detach(&sb);
	return CLERK_OK;
}

enum clerk_status lookup_search(struct db *db,
				const struct lookup_search_opts *opts,
				struct lookup_hit_list *out,
				struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	char from[CLERK_TIME_LEN], to[CLERK_TIME_LEN];
	const char *tz = LOOKUP_DEFAULT_TZ;
	struct lookup_body body = {0};
	if (!opts->text || !*opts->text)
		return clerk_fail(err, CLERK_USAGE, "nothing to search for");
	/* The body's zone bounds its days; without dates it is not read. */
	if (opts->body_id && (opts->from || opts->to) &&
	    !lookup_body_get(db, opts->body_id, &body, err))
		tz = body.tz;
	bool bad_from = opts->from && !date_bound(opts->from, 0, tz, from);
	bool bad_to = opts->to && !date_bound(opts->to, 1, tz, to);
	lookup_body_free(&body);
	if (bad_from || bad_to)
		return clerk_fail(err, CLERK_USAGE,
				  "%s '%s' is not a date: write it as YYYY-MM-DD",
				  bad_from ? "--from" : "--to",
				  bad_from ? opts->from : opts->to);
	/* What a live console captured a moment ago and indexes when idle
	 * (schema step 14) is indexed first, so that it is found. */
	db_search_catch_up(db);
	char *typed = lookup_search_query(opts->text), *query = NULL;
	bool began = lookup_read_begin(db);
	enum clerk_status rc = expand_prefixes(db, typed, &query, err);
	free(typed);
	if (!rc)
		rc = search_walk(db, query, opts, opts->from ? from : NULL,
				 opts->to ? to : NULL, out, err);
	if (!rc)
		rc = search_people(db, opts, opts->from ? from : NULL,
				   opts->to ? to : NULL,
				   opts->limit > 0 ? opts->limit : 50, out, err);
	if (rc)
		lookup_hit_list_free(out);
	lookup_read_end(db, began);
	free(query);
	return rc;
}

char *lookup_snippet_focus(const char *snip, int room)
{
	const char *mark = strchr(snip, LOOKUP_MARK_OPEN);
	if (!mark || room <= 0)
		return xstrdup(snip);
	char *prefix = xstrndup(snip, (size_t)(mark - snip));
	size_t skip = 0, n = strlen(prefix);
	while (skip < n && utf8_width(prefix + skip) > room / 3) {
		uint32_t cp;
		skip += utf8_decode(prefix + skip, n - skip, &cp);
	}
	if (skip) {
		const char *sp = strchr(prefix + skip, ' ');
		if (sp)
			skip = (size_t)(sp + 1 - prefix);
	}
	free(prefix);
	return skip ? xasprintf("\xE2\x80\xA6%s", snip + skip) : xstrdup(snip);
}
