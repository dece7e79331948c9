/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * search_snippet: the snippet of a search hit whose text holds its words
 * many times, in time linear in the text.
 *
 * FTS5's own snippet() scores a window at every match by walking every
 * match again: a 200 KB minute holding "budget" 3,400 times cost 1,366
 * million instructions (half a second) for one snippet.  clerk_snippet()
 * takes the same arguments, answers NULL for a text with few matches (so
 * that the caller falls back on snippet(), whose choice of words every
 * ordinary hit keeps), and otherwise slides one window of ntoken tokens
 * over the matches once: the window holding the most different words of
 * the query wins, the earliest on a tie, centred on its matches as
 * snippet() centres them; the text is then tokenized only as far as the
 * window's end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/core.h"
#include "lookup_private.h"

/* Above this many matches in one text, snippet() costs more than a
 * million instructions (it is quadratic in the matches): take over. */
#define SNIPPET_MANY_MATCHES 100
/* The widest window asked for (snippet() allows 64 tokens). */
#define SNIPPET_MAX_TOKENS 64

struct match {
	int phrase, col, off;
};

struct window {
	int col, start, ntoken;
};

/* The best window of ntoken tokens among the n matches m (ordered by
 * column, then position, as FTS5 gives them): two cursors over the
 * matches and a count per phrase, so each match is seen twice. */
static struct window best_window(const struct match *m, int n, int nphrase,
				 int ntoken)
{
	int *seen = xcalloc((size_t)nphrase, sizeof *seen);
	struct window best = {m[0].col, m[0].off, ntoken};
	int best_score = -1, best_last = m[0].off;
	int distinct = 0, hi = 0;
	for (int lo = 0; lo < n; lo++) {
		if (hi < lo)
			hi = lo;
		while (hi < n && m[hi].col == m[lo].col &&
		       m[hi].off < m[lo].off + ntoken) {
			if (seen[m[hi].phrase]++ == 0)
				distinct++;
			hi++;
		}
		/* A different word is worth more than any repeat. */
		int score = distinct * 1000 + (hi - lo - distinct);
		if (score > best_score) {
			best_score = score;
			best = (struct window){m[lo].col, m[lo].off, ntoken};
			best_last = m[hi - 1].off;
		}
		if (--seen[m[lo].phrase] == 0)
			distinct--;
	}
	free(seen);
	/* Centre the matches in the window. */
	int span = best_last - best.start + 1;
	if (span < ntoken)
		best.start -= (ntoken - span) / 2;
	if (best.start < 0)
		best.start = 0;
	return best;
}

/* What the tokenizer records of the window's tokens. */
struct window_tokens {
	int first, ntoken; /* the window, in token positions */
	int pos;	   /* the position of the next token */
	int n;		   /* tokens of the window seen */
	int size;	   /* tokens in the whole text */
	int begin[SNIPPET_MAX_TOKENS], end[SNIPPET_MAX_TOKENS];
};

static int window_token(void *ctx, int flags, const char *token, int len,
			int begin, int end)
{
	(void)token;
	(void)len;
	struct window_tokens *w = ctx;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	int pos = w->pos++;
	if (pos < w->first)
		return SQLITE_OK;
	w->begin[w->n] = begin;
	w->end[w->n] = end;
	/* Past the window: stop reading the text. */
	return ++w->n == w->ntoken ? SQLITE_DONE : SQLITE_OK;
}

/* Where the window's marks open and close: one pair around each match,
 * or around matches that overlap, as snippet() marks them. */
struct marks {
	bool open[SNIPPET_MAX_TOKENS], close[SNIPPET_MAX_TOKENS];
};

static void mark_matches(const Fts5ExtensionApi *api, Fts5Context *fts,
			 const struct match *m, int n, struct window win,
			 struct marks *mk)
{
	int from = -1, to = -1; /* the span being marked, in the window */
	for (int i = 0; i < n; i++) {
		if (m[i].col != win.col)
			continue;
		int first = m[i].off - win.start;
		int last = first + api->xPhraseSize(fts, m[i].phrase) - 1;
		if (last < 0 || first >= win.ntoken)
			continue;
		first = first < 0 ? 0 : first;
		last = last >= win.ntoken ? win.ntoken - 1 : last;
		if (from >= 0 && first <= to) {
			to = last > to ? last : to;
			continue;
		}
		if (from >= 0) {
			mk->open[from] = true;
			mk->close[to] = true;
		}
		from = first;
		to = last;
	}
	if (from >= 0) {
		mk->open[from] = true;
		mk->close[to] = true;
	}
}

/* The window's text with its matches between open and close, ellipsis
 * where text is left out before or after. */
static char *window_text(const char *text, const struct window_tokens *w,
			 const struct marks *mk,
			 const char *open, const char *close,
			 const char *ellipsis)
{
	struct strbuf sb = {0};
	bool inside = false;
	if (w->first > 0)
		sb_add(&sb, ellipsis);
	for (int i = 0; i < w->n; i++) {
		if (i > 0)
			sb_addn(&sb, text + w->end[i - 1],
				(size_t)(w->begin[i] - w->end[i - 1]));
		if (mk->open[i]) {
			sb_add(&sb, open);
			inside = true;
		}
		sb_addn(&sb, text + w->begin[i],
			(size_t)(w->end[i] - w->begin[i]));
		/* A match cut by the end of the text closes there. */
		if (inside && (mk->close[i] || i == w->n - 1)) {
			sb_add(&sb, close);
			inside = false;
		}
	}
	if (w->first + w->n < w->size)
		sb_add(&sb, ellipsis);
	return sb_detach(&sb);
}

/* clerk_snippet(fts, col, open, close, ellipsis, ntoken): col is ignored
 * (every column is looked at, as with snippet(-1)). */
static void clerk_snippet(const Fts5ExtensionApi *api, Fts5Context *fts,
			  sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	int n = 0;
	if (nval != 5) {
		sqlite3_result_error(ctx, "clerk_snippet: five arguments", -1);
		return;
	}
	int rc = api->xInstCount(fts, &n);
	if (rc != SQLITE_OK || n <= SNIPPET_MANY_MATCHES) {
		if (rc != SQLITE_OK)
			sqlite3_result_error_code(ctx, rc);
		return; /* NULL: snippet() will do */
	}
	int ntoken = sqlite3_value_int(val[4]);
	if (ntoken < 1)
		ntoken = 1;
	if (ntoken > SNIPPET_MAX_TOKENS)
		ntoken = SNIPPET_MAX_TOKENS;
	/* The words' matches: the scope's (schema step 16), asked for by a
	 * search of a body or a period, are none of the snippet's. */
	struct match *m = xcalloc((size_t)n, sizeof *m);
	int kept = 0;
	for (int i = 0; i < n && rc == SQLITE_OK; i++) {
		rc = api->xInst(fts, i, &m[kept].phrase, &m[kept].col,
				&m[kept].off);
		if (m[kept].col != SEARCH_SCOPE_COLUMN)
			kept++;
	}
	n = kept;
	if (rc == SQLITE_OK && n <= SNIPPET_MANY_MATCHES) {
		free(m);
		return; /* NULL: snippet() will do */
	}
	const char *text = NULL;
	int len = 0;
	struct window win = {0};
	if (rc == SQLITE_OK) {
		win = best_window(m, n, api->xPhraseCount(fts), ntoken);
		rc = api->xColumnText(fts, win.col, &text, &len);
	}
	int size = 0;
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, win.col, &size);
	/* A window running past the end starts earlier. */
	if (win.start > size - ntoken)
		win.start = size > ntoken ? size - ntoken : 0;
	struct window_tokens w = {
		.first = win.start, .ntoken = ntoken, .size = size};
	if (rc == SQLITE_OK) {
		rc = api->xTokenize(fts, text, len, &w, window_token);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	if (rc == SQLITE_OK) {
		struct marks mk = {0};
		mark_matches(api, fts, m, n, win, &mk);
		const char *open = (const char *)sqlite3_value_text(val[1]);
		const char *close = (const char *)sqlite3_value_text(val[2]);
		const char *ellipsis = (const char *)sqlite3_value_text(val[3]);
		char *out = window_text(text, &w, &mk, open ? open : "",
					close ? close : "",
					ellipsis ? ellipsis : "");
		sqlite3_result_text(ctx, out, -1, free);
	} else {
		sqlite3_result_error_code(ctx, rc);
	}
	free(m);
}

int search_snippet_register(fts5_api *api)
{
	return api->xCreateFunction(api, "clerk_snippet", NULL, clerk_snippet,
				    NULL);
}
