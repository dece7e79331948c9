/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * wordlist: the words of the search index as written, each listed once
 * (schema step 18), so that a prefix finds the words it stands for by a
 * range of a key rather than by fts5vocab, which counts every document of
 * each word it lists.
 *
 * search_words' triggers note each document written in
 * search_wordlist_todo; a writing connection lists the noted documents'
 * words here and clears the notes.  The words are the tokens of
 * search_words' own tokenizer, asked of FTS5 itself, so that the list
 * cannot disagree with the index.  Many documents noted at once (an
 * import, a generated archive) are listed from the vocabulary instead:
 * one pass over the index rather than a tokenizer run per document.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/core.h"
#include "db_private.h"

/* search_words' tokenize= (schema step 7), without its name. */
#define WORDLIST_TOKENIZER "unicode61"
static const char *tokenizer_args[] = {"remove_diacritics", "2"};

/* More documents noted than this: the vocabulary is read instead (a
 * tokenizer run costs about as much per document as the vocabulary of
 * the five-year archive does per thousand). */
#define WORDLIST_TOKENIZE_MAX 1000

static const char sql_from_vocab[] =
	"INSERT OR IGNORE INTO search_wordlist(word)\n"
	"  SELECT term FROM search_words_vocab;\n"
	"DELETE FROM search_wordlist_todo;";

/* The distinct words of one catch-up, each added to the list once: a
 * 5 MB minute holds a few thousand words among its 800,000 tokens. */
struct word_set {
	char **slot;
	size_t cap, n;
	sqlite3_stmt *add; /* INSERT OR IGNORE INTO search_wordlist */
	int rc;
};

static uint64_t word_hash(const char *w, size_t n)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 1099511628211u;
	return h;
}

static char **word_slot(char **slot, size_t cap, const char *w, size_t n)
{
	size_t i = (size_t)word_hash(w, n) & (cap - 1);
	while (slot[i] && !(strncmp(slot[i], w, n) == 0 && slot[i][n] == '\0'))
		i = (i + 1) & (cap - 1);
	return &slot[i];
}

static void word_set_grow(struct word_set *s)
{
	size_t cap = s->cap ? s->cap * 2 : 256;
	char **slot = xcalloc(cap, sizeof *slot);
	for (size_t i = 0; i < s->cap; i++)
		if (s->slot[i])
			*word_slot(slot, cap, s->slot[i], strlen(s->slot[i])) =
				s->slot[i];
	free(s->slot);
	s->slot = slot;
	s->cap = cap;
}

static int word_token(void *ctx, int flags, const char *token, int len,
		      int begin, int end)
{
	(void)flags; /* a colocated token is indexed too */
	(void)begin;
	(void)end;
	struct word_set *s = ctx;
	size_t n = (size_t)len;
	if ((s->n + 1) * 2 > s->cap)
		word_set_grow(s);
	char **slot = word_slot(s->slot, s->cap, token, n);
	if (*slot)
		return SQLITE_OK;
	*slot = xstrndup(token, n);
	s->n++;
	sqlite3_bind_text(s->add, 1, token, len, SQLITE_STATIC);
	int step = sqlite3_step(s->add);
	sqlite3_reset(s->add);
	s->rc = step == SQLITE_DONE ? SQLITE_OK : step;
	return s->rc;
}

static void word_set_free(struct word_set *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->slot[i]);
	free(s->slot);
}

/* List the words of each noted document's title and body. */
static int list_noted(sqlite3 *sql, fts5_tokenizer *tk, Fts5Tokenizer *t)
{
	static const char sql_noted[] =
		"SELECT d.title, d.body FROM search_wordlist_todo n\n"
		"  JOIN search_doc d ON d.id = n.doc";
	struct word_set set = {0};
	sqlite3_stmt *docs = NULL;
	int rc = sqlite3_prepare_v2(sql, sql_noted, -1, &docs, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(sql,
					"INSERT OR IGNORE INTO "
					"search_wordlist(word) VALUES (?1)",
					-1, &set.add, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(docs)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		for (int col = 0; col < 2 && rc == SQLITE_OK; col++) {
			const char *text =
				(const char *)sqlite3_column_text(docs, col);
			int len = sqlite3_column_bytes(docs, col);
			if (text)
				rc = tk->xTokenize(t, &set,
						   FTS5_TOKENIZE_DOCUMENT,
						   text, len, word_token);
			if (rc == SQLITE_OK)
				rc = set.rc;
		}
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(docs);
	sqlite3_finalize(set.add);
	word_set_free(&set);
	return rc;
}

static int list_by_tokenizer(sqlite3 *sql)
{
	fts5_api *api = db_fts5_api(sql);
	void *ud = NULL;
	fts5_tokenizer tk;
	Fts5Tokenizer *t = NULL;
	if (!api ||
	    api->xFindTokenizer(api, WORDLIST_TOKENIZER, &ud, &tk) !=
		    SQLITE_OK ||
	    tk.xCreate(ud, tokenizer_args,
		       (int)(sizeof tokenizer_args / sizeof *tokenizer_args),
		       &t) != SQLITE_OK)
		return SQLITE_ERROR;
	int rc = list_noted(sql, &tk, t);
	tk.xDelete(t);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(sql, "DELETE FROM search_wordlist_todo", NULL,
				  NULL, NULL);
	return rc;
}

/* How many documents are noted, counted to at most limit + 1. */
static int noted_count(sqlite3 *sql, int limit)
{
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(sql,
			       "SELECT count(*) FROM (SELECT 1 FROM "
			       "search_wordlist_todo LIMIT ?1)",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, limit + 1);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

bool wordlist_waiting(sqlite3 *sql)
{
	return noted_count(sql, 0) != 0;
}

int wordlist_catch_up(sqlite3 *sql)
{
	int n = noted_count(sql, WORDLIST_TOKENIZE_MAX);
	if (n < 0)
		return SQLITE_ERROR;
	if (n == 0)
		return SQLITE_OK;
	if (n > WORDLIST_TOKENIZE_MAX)
		return sqlite3_exec(sql, sql_from_vocab, NULL, NULL, NULL);
	return list_by_tokenizer(sql);
}

int wordlist_relist(sqlite3 *sql)
{
	int rc = sqlite3_exec(sql, "DELETE FROM search_wordlist;", NULL, NULL,
			      NULL);
	return rc ? rc : sqlite3_exec(sql, sql_from_vocab, NULL, NULL, NULL);
}
