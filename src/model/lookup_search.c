/*
 * model/lookup_search: full-text search over what meetings recorded —
 * minute text, resolutions, agenda titles and descriptions, declarations —
 * through the FTS5 index search_fts (schema step 2), ranked by bm25.
 *
 * Users type words, "phrases", prefix* and AND/OR/NOT; a bare word that
 * carries punctuation FTS5 would refuse ("well-being", "s.85") is searched
 * as a phrase of its parts.  Whatever FTS5 still cannot parse (an
 * unbalanced quote, a dangling OR) is a usage error with a sentence saying
 * how to write the query.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static enum clerk_status search_fail(struct db *db, const char *text,
				     struct clerk_err *err)
{
	const char *msg = sqlite3_errmsg(db_handle(db));
	int code = sqlite3_errcode(db_handle(db)) & 0xFF;
	if (code == SQLITE_ERROR)
		return clerk_fail(err, CLERK_USAGE,
				  "cannot search for '%s': %s.  Write words, "
				  "\"a phrase\" in double quotes, a prefix with *, "
				  "and AND, OR, NOT in capitals",
				  text, msg);
	return db_fail(db, err, "searching");
}

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
	h->snippet = db_col_dup(st, 9);
	h->exempt = sqlite3_column_int(st, 10) != 0;
	h->rank = sqlite3_column_double(st, 11);
}

enum clerk_status lookup_search(struct db *db,
				const struct lookup_search_opts *opts,
				struct lookup_hit_list *out,
				struct clerk_err *err)
{
	static const char sql[] =
		"SELECT d.meeting_id, coalesce(d.item_id, ''), b.name, "
		"coalesce(b.short_name, ''), b.tz, m.starts_at, "
		"coalesce(ai.number, ''), coalesce(ai.title, ''), d.src, "
		"snippet(search_fts, -1, char(1), char(2), '…', 20), "
		"coalesce(ai.exempt, 0) OR EXISTS (SELECT 1 FROM minute_text t "
		"  WHERE t.id = d.src_id AND t.section = 'exempt'), "
		"bm25(search_fts, 2.0, 1.0) AS rank "
		"FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid "
		"JOIN meeting m ON m.id = d.meeting_id "
		"JOIN body b ON b.id = m.body_id "
		"LEFT JOIN agenda_item ai ON ai.id = d.item_id "
		"WHERE search_fts MATCH ?1 "
		"AND (?2 IS NULL OR m.body_id = ?2) "
		"AND (?3 IS NULL OR m.starts_at >= ?3) "
		"AND (?4 IS NULL OR m.starts_at < ?4) "
		"AND (?5 OR NOT (coalesce(ai.exempt, 0) OR EXISTS (SELECT 1 "
		"  FROM minute_text t WHERE t.id = d.src_id "
		"  AND t.section = 'exempt'))) "
		"ORDER BY rank, m.starts_at DESC, d.id LIMIT ?6";
	memset(out, 0, sizeof *out);
	char from[CLERK_TIME_LEN], to[CLERK_TIME_LEN];
	const char *tz = LOOKUP_DEFAULT_TZ;
	struct lookup_body body = {0};
	if (!opts->text || !*opts->text)
		return clerk_fail(err, CLERK_USAGE, "nothing to search for");
	if (opts->body_id && !lookup_body_get(db, opts->body_id, &body, err))
		tz = body.tz;
	bool bad_from = opts->from && !date_bound(opts->from, 0, tz, from);
	bool bad_to = opts->to && !date_bound(opts->to, 1, tz, to);
	lookup_body_free(&body);
	if (bad_from || bad_to)
		return clerk_fail(err, CLERK_USAGE,
				  "%s '%s' is not a date: write it as YYYY-MM-DD",
				  bad_from ? "--from" : "--to",
				  bad_from ? opts->from : opts->to);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	char *query = lookup_search_query(opts->text);
	bool began = lookup_read_begin(db);
	db_bind_text(st, 1, query);
	db_bind_text(st, 2, opts->body_id);
	db_bind_text(st, 3, opts->from ? from : NULL);
	db_bind_text(st, 4, opts->to ? to : NULL);
	sqlite3_bind_int(st, 5, opts->exempt);
	sqlite3_bind_int(st, 6, opts->limit > 0 ? opts->limit : 50);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		hit_from_row(st, &out->v[out->n++]);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = search_fail(db, opts->text, err);
		lookup_hit_list_free(out);
	}
	db_done(st);
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
