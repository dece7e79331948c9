/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/search_newest: the matches of a search newest first — by their
 * meeting's start, then in agenda order — read a month at a time from the
 * newest month back, so that the cost follows the hits shown, not the age
 * of the archive.
 *
 * From schema step 17 each document's scope holds its meeting's month
 * (0m202511, in UTC): every match of a month is newer than every match of
 * the month before, so the months read so far, their matches sorted, are
 * the newest matches of the whole archive.  A search whose words match
 * few documents dates them all at once instead (one query, not one for
 * each month of twenty years); so does a file before step 17.
 *
 * Which is cheaper: reading months costs a query a month until a page of
 * matches is found, about page * months / N queries for N matches spread
 * over the months; dating all costs N.  Months are read when N passes
 * sqrt(page * months * MONTH_QUERY_MATCHES), counted up to there only.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/model.h"
#include "lookup_private.h"

/* What one month's query costs, in matches dated: on the twenty-year
 * archive a query costs about 1.1 million instructions, whatever it finds
 * (FTS5 reads the month's token in each of the index's segments), and
 * dating a match about 40 thousand (its document, meeting and item). */
#define MONTH_QUERY_MATCHES 28

/* At most this many months are read one by one (a century): a file whose
 * oldest meeting is dated in the year 1, by a program that is not clerk,
 * would otherwise ask 24,000 months for a word whose matches are all
 * confidential.  Past it every match is dated at once. */
#define MONTHS_MAX 1200

/* A match and what orders it: its meeting's start (newest first), the
 * meeting, its item's place on the agenda, the order recorded. */
struct dated {
	sqlite3_int64 id;
	char starts[CLERK_TIME_LEN];
	char meeting[CLERK_UUID_LEN];
	int position;
};

struct dated_list {
	struct dated *v;
	size_t n;
};

static int dated_cmp(const void *a, const void *b)
{
	const struct dated *x = a, *y = b;
	int c = strcmp(y->starts, x->starts);
	if (!c)
		c = strcmp(x->meeting, y->meeting);
	if (!c && x->position != y->position)
		c = x->position < y->position ? -1 : 1;
	if (!c)
		c = x->id < y->id ? -1 : x->id > y->id;
	return c;
}

/* The matches of ?1 in the period (?2, ?3) and body (?4), each with what
 * orders it.  FTS5 leads: a document is looked up only when it matches.
 * Without a period every start is in it, however written: '' sorts
 * before every text and x'' (a blob) after. */
static const char sql_dated[] =
	"SELECT f.rowid, m.starts_at, m.id, coalesce(ai.position, 0) "
	"FROM search_fts f CROSS JOIN search_doc d ON d.id = f.rowid "
	"CROSS JOIN meeting m ON m.id = d.meeting_id "
	"LEFT JOIN agenda_item ai ON ai.id = d.item_id "
	"WHERE search_fts MATCH ?1 AND m.starts_at >= coalesce(?2, '') "
	"AND m.starts_at < coalesce(?3, x'') AND (?4 IS NULL OR m.body_id = ?4)";

/* Whether the words match more than ?2 documents. */
static const char sql_many[] =
	"SELECT count(*) > ?2 FROM (SELECT 1 FROM search_fts "
	"WHERE search_fts MATCH ?1 LIMIT ?2 + 1)";

/* The first and last meeting starts of the period (and body): the months
 * to read. */
static const char *const sql_span[2] = {
	"SELECT (SELECT starts_at FROM meeting WHERE starts_at >= coalesce(?1, "
	"'') AND starts_at < coalesce(?2, x'') ORDER BY starts_at LIMIT 1), "
	"(SELECT starts_at FROM meeting WHERE starts_at >= coalesce(?1, '') "
	"AND starts_at < coalesce(?2, x'') ORDER BY starts_at DESC LIMIT 1)",
	"SELECT (SELECT starts_at FROM meeting WHERE body_id = ?3 AND starts_at "
	">= coalesce(?1, '') AND starts_at < coalesce(?2, x'') ORDER BY "
	"starts_at LIMIT 1), (SELECT starts_at FROM meeting WHERE body_id = ?3 "
	"AND starts_at >= coalesce(?1, '') AND starts_at < coalesce(?2, x'') "
	"ORDER BY starts_at DESC LIMIT 1)",
};

/* A month as year * 12 + month - 1, from a time's "YYYY-MM". */
static int month_of(const char *t)
{
	int y = 0, m = 0;
	if (sscanf(t, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		return -1;
	return y * 12 + m - 1;
}

/* The months the search reads, newest first: next, down to last. */
struct months {
	int next, last;
};

static enum clerk_status months_read(struct db *db,
				     const struct lookup_search_opts *opts,
				     const char *from, const char *to,
				     struct months *mo, struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql_span[opts->body_id != NULL], err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	db_bind_text(st, 3, opts->body_id);
	int step = sqlite3_step(st);
	mo->next = -1;
	mo->last = 0;
	if (step == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL) {
		mo->last = month_of(db_col_text(st, 0));
		mo->next = month_of(db_col_text(st, 1));
	}
	db_done(st);
	if (step != SQLITE_ROW)
		return db_fail(db, err, "searching");
	return CLERK_OK;
}

/* Whether a month is left to read: none when the period holds no
 * meeting, when a start names no month (month_of), or once mo->next has
 * passed mo->last. */
static bool months_left(const struct months *mo)
{
	return mo->next >= 0 && mo->last >= 0 && mo->next >= mo->last;
}

/* Append the rows of `dated` (bound but for ?1) matching `fts` to *l.
 * SQLITE_DONE, or an error with the statement left for its message. */
static int dated_read(sqlite3_stmt *dated, const char *fts,
		      struct dated_list *l)
{
	db_bind_text(dated, 1, fts);
	int step;
	while ((step = sqlite3_step(dated)) == SQLITE_ROW) {
		l->v = lookup_grow(l->v, l->n, sizeof *l->v);
		struct dated *d = &l->v[l->n++];
		d->id = sqlite3_column_int64(dated, 0);
		snprintf(d->starts, sizeof d->starts, "%s",
			 db_col_text(dated, 1));
		snprintf(d->meeting, sizeof d->meeting, "%s",
			 db_col_text(dated, 2));
		d->position = sqlite3_column_int(dated, 3);
	}
	if (step == SQLITE_DONE)
		sqlite3_reset(dated);
	return step;
}

/* Read months from mo->next back until *l holds at least `want` matches
 * or no month is left; each month's matches sorted as they come. */
static int months_take(sqlite3_stmt *dated, const struct search_query *q,
		       struct months *mo, size_t want, struct dated_list *l)
{
	int step = SQLITE_DONE;
	while (l->n < want && months_left(mo)) {
		char *fts = xasprintf("scope : \"0m%04d%02d\" AND %s",
				      mo->next / 12, mo->next % 12 + 1, q->fts);
		size_t first = l->n;
		step = dated_read(dated, fts, l);
		free(fts);
		if (step != SQLITE_DONE)
			return step;
		mo->next--;
		if (l->n - first > 1)
			qsort(l->v + first, l->n - first, sizeof *l->v,
			      dated_cmp);
	}
	return step;
}

/* Add the hits of more after those of out (more is left empty); grown
 * as lookup_grow grows it, for whoever adds to it next. */
static void hits_append(struct lookup_hit_list *out,
			struct lookup_hit_list *more)
{
	for (size_t i = 0; i < more->n; i++) {
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		out->v[out->n++] = more->v[i];
	}
	free(more->v);
	*more = (struct lookup_hit_list){0};
}

/* Take hits after those out holds from the sorted matches of l, from
 * l->v[*taken] on, until out holds as many as the search shows
 * (search_take over them); *taken moves past the matches read. */
static enum clerk_status dated_take(struct db *db, const struct dated_list *l,
				    size_t *taken, sqlite3_stmt *hit,
				    const struct search_query *q,
				    const struct lookup_search_opts *opts,
				    struct lookup_hit_list *out,
				    struct clerk_err *err)
{
	size_t n = l->n - *taken;
	struct ranked_row *rows = xcalloc(n + 1, sizeof *rows);
	for (size_t i = 0; i < n; i++)
		rows[i].id = l->v[*taken + i].id;
	struct ranked_source src = {.row = rows, .n = n};
	struct lookup_hit_list more = {0};
	int read = 0;
	enum clerk_status rc =
		search_take(db, &src, hit, q, opts,
			    search_limit(opts) - (int)out->n, &read, &more, err);
	*taken += (size_t)read;
	free(rows);
	hits_append(out, &more);
	return rc;
}

/* Whether reading the months mo (none read yet) costs less than dating
 * every match: whether the words match more than sqrt(page * months *
 * MONTH_QUERY_MATCHES) documents. */
static enum clerk_status months_cheaper(struct db *db,
					const struct search_query *q,
					const struct lookup_search_opts *opts,
					const struct months *mo, bool *cheaper,
					struct clerk_err *err)
{
	*cheaper = false;
	if (!months_left(mo) || mo->next - mo->last >= MONTHS_MAX)
		return CLERK_OK; /* no meeting, or dates no month walk takes */
	double weigh = (double)search_page(search_limit(opts)) *
		       (mo->next - mo->last + 1) * MONTH_QUERY_MATCHES;
	int many = 1;
	while ((double)many * many < weigh)
		many++;
	sqlite3_stmt *st = search_stmt(db, sql_many, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, q->fts);
	sqlite3_bind_int(st, 2, many);
	int step = sqlite3_step(st);
	*cheaper = step == SQLITE_ROW && sqlite3_column_int(st, 0);
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_ROW)
		rc = search_fail(db, opts->text, q, err);
	db_done(st);
	return rc;
}

/* Every match dated at once, sorted, and the hits taken. */
static enum clerk_status newest_at_once(struct db *db, sqlite3_stmt *dated,
					const struct search_query *q,
					const struct lookup_search_opts *opts,
					sqlite3_stmt *hit,
					struct lookup_hit_list *out,
					struct clerk_err *err)
{
	struct dated_list l = {0};
	int step = dated_read(dated, q->fts, &l);
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = search_fail(db, opts->text, q, err);
	} else {
		if (l.n > 1)
			qsort(l.v, l.n, sizeof *l.v, dated_cmp);
		size_t taken = 0;
		rc = dated_take(db, &l, &taken, hit, q, opts, out, err);
	}
	free(l.v);
	return rc;
}

/* The months mo read newest first until the hits are found: a page of
 * matches, then, when the filters (confidentiality) left it short, four
 * times as many, and so on to the oldest month.  A month read later is
 * older than every match taken, so its matches sort after them: the hits
 * taken stand, and the next take starts at the first match not read. */
static enum clerk_status newest_by_month(struct db *db, sqlite3_stmt *dated,
					 const struct search_query *q,
					 const struct lookup_search_opts *opts,
					 struct months *mo, sqlite3_stmt *hit,
					 struct lookup_hit_list *out,
					 struct clerk_err *err)
{
	enum clerk_status rc = CLERK_OK;
	struct dated_list l = {0};
	size_t want = (size_t)search_page(search_limit(opts)), taken = 0;
	while (!rc) {
		if (months_take(dated, q, mo, want, &l) != SQLITE_DONE) {
			rc = search_fail(db, opts->text, q, err);
			break;
		}
		rc = dated_take(db, &l, &taken, hit, q, opts, out, err);
		if (rc || out->n >= (size_t)search_limit(opts) ||
		    !months_left(mo))
			break;
		want = (l.n + 1) * 4;
	}
	free(l.v);
	return rc;
}

enum clerk_status search_newest(struct db *db, const struct search_query *q,
				const struct lookup_search_opts *opts,
				const char *from, const char *to,
				sqlite3_stmt *hit, struct lookup_hit_list *out,
				struct clerk_err *err)
{
	struct months mo = {-1, 0};
	bool by_month = false;
	enum clerk_status rc = CLERK_OK;
	if (db_schema_version(db) >= DB_STEP_SEARCH_MONTH &&
	    ((rc = months_read(db, opts, from, to, &mo, err)) ||
	     (rc = months_cheaper(db, q, opts, &mo, &by_month, err))))
		return rc;
	sqlite3_stmt *dated = search_stmt(db, sql_dated, err);
	if (!dated)
		return CLERK_DB;
	db_bind_text(dated, 2, from);
	db_bind_text(dated, 3, to);
	db_bind_text(dated, 4, opts->body_id);
	rc = by_month ? newest_by_month(db, dated, q, opts, &mo, hit, out, err)
		      : newest_at_once(db, dated, q, opts, hit, out, err);
	db_done(dated);
	return rc;
}
