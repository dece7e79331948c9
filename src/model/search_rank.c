/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * search_rank: clerk_rank(), FTS5's bm25 over the columns a user searches.
 *
 * From schema step 16 search_fts has a third column, scope, holding the
 * token of each document's body, and a search of a body asks for it
 * (body-token AND (words)).  FTS5's bm25() would count it: in the length
 * of every document and of the average one, which changes the order of
 * matches of nearly equal scores (4 of the 50 best of 'budget' in one body
 * of the five-year archive), and as a phrase of the query, whose weight it
 * works out by reading every document of the body.  clerk_rank(search_fts,
 * nscope, w0, w1) is the bm25(search_fts, w0, w1) of an index holding
 * title and body alone: the same arithmetic, in the same order, as
 * SQLite's fts5_aux.c, over columns 0 and 1, leaving out the query's
 * first nscope phrases (the scope's, which come first).  So every search
 * ranks and scores its matches exactly as before the step.
 *
 * A fifth argument, a struct search_rank_memo bound as a pointer, keeps
 * the average length and the phrases' weights from one query to the next
 * of the same search (a search of a period asks once for each run of its
 * meetings' documents), so that they are worked out once.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lookup_private.h"

/* What is computed once per query: the average length of a document and
 * each phrase's inverse document frequency (its weight). */
struct rank_data {
	int nphrase;
	double weight[SEARCH_TEXT_COLUMNS]; /* of title and body */
	double avgdl;
	double *idf;  /* [nphrase]: 0 for the scope's phrases */
	double *freq; /* [nphrase]: the current row's, reused */
};

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *arg)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)arg)++;
	return SQLITE_OK;
}

/* The average length and the weights of the phrases into p, over the
 * whole index (fts5Bm25GetData). */
static int rank_weigh(const Fts5ExtensionApi *api, Fts5Context *fts,
		      int nscope, struct rank_data *p)
{
	sqlite3_int64 nrow = 0, ntoken = 0;
	int rc = api->xRowCount(fts, &nrow);
	for (int col = 0; rc == SQLITE_OK && col < SEARCH_TEXT_COLUMNS; col++) {
		sqlite3_int64 n = 0;
		rc = api->xColumnTotalSize(fts, col, &n);
		ntoken += n;
	}
	if (rc == SQLITE_OK)
		p->avgdl = (double)ntoken / (double)nrow;
	for (int i = nscope; rc == SQLITE_OK && i < p->nphrase; i++) {
		sqlite3_int64 nhit = 0;
		rc = api->xQueryPhrase(fts, i, &nhit, count_row);
		if (rc == SQLITE_OK) {
			/* A phrase in more than half the documents weighs
			 * almost nothing, never less (as bm25 has it). */
			double idf = log((nrow - nhit + 0.5) / (nhit + 0.5));
			if (idf <= 0.0)
				idf = 1e-6;
			p->idf[i] = idf;
		}
	}
	return rc;
}

/* The weights from the search's memo, or worked out and kept in it. */
static int rank_weigh_memo(const Fts5ExtensionApi *api, Fts5Context *fts,
			   int nscope, struct search_rank_memo *memo,
			   struct rank_data *p)
{
	size_t size = sizeof(double) * (size_t)p->nphrase;
	if (memo && memo->ready && memo->nphrase == p->nphrase) {
		p->avgdl = memo->avgdl;
		memcpy(p->idf, memo->idf, size);
		return SQLITE_OK;
	}
	int rc = rank_weigh(api, fts, nscope, p);
	if (rc == SQLITE_OK && memo) {
		double *idf = sqlite3_realloc64(memo->idf, size ? size : 1);
		if (!idf)
			return SQLITE_NOMEM;
		memcpy(idf, p->idf, size);
		*memo = (struct search_rank_memo){true, p->nphrase, p->avgdl, idf};
	}
	return rc;
}

void search_rank_memo_free(struct search_rank_memo *memo)
{
	sqlite3_free(memo->idf);
	*memo = (struct search_rank_memo){0};
}

/* The rank data of this query, made at its first row. */
static int rank_data_get(const Fts5ExtensionApi *api, Fts5Context *fts,
			 int nscope, int nval, sqlite3_value **val,
			 struct rank_data **out)
{
	struct rank_data *p = api->xGetAuxdata(fts, 0);
	*out = p;
	if (p)
		return SQLITE_OK;
	int nphrase = api->xPhraseCount(fts);
	p = sqlite3_malloc64(sizeof *p + (size_t)nphrase * 2 * sizeof(double));
	if (!p)
		return SQLITE_NOMEM;
	memset(p, 0, sizeof *p + (size_t)nphrase * 2 * sizeof(double));
	p->nphrase = nphrase;
	p->idf = (double *)&p[1];
	p->freq = &p->idf[nphrase];
	/* Weights past those given are 1, as bm25() has them. */
	for (int col = 0; col < SEARCH_TEXT_COLUMNS; col++)
		p->weight[col] = nval - 1 > col ? sqlite3_value_double(val[1 + col])
						: 1.0;
	struct search_rank_memo *memo =
		nval > 1 + SEARCH_TEXT_COLUMNS
			? sqlite3_value_pointer(val[1 + SEARCH_TEXT_COLUMNS],
						SEARCH_RANK_MEMO)
			: NULL;
	int rc = rank_weigh_memo(api, fts, nscope, memo, p);
	if (rc == SQLITE_OK)
		rc = api->xSetAuxdata(fts, p, sqlite3_free);
	else
		sqlite3_free(p);
	*out = rc == SQLITE_OK ? p : NULL;
	return rc;
}

/* clerk_rank(search_fts, nscope, weight of title, weight of body): minus
 * the bm25 score of the row, as bm25() returns it. */
static void clerk_rank(const Fts5ExtensionApi *api, Fts5Context *fts,
		       sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	const double k1 = 1.2, b = 0.75;
	if (nval < 1) {
		sqlite3_result_error(ctx, "clerk_rank: the scope's phrases", -1);
		return;
	}
	int nscope = sqlite3_value_int(val[0]);
	struct rank_data *p = NULL;
	int rc = rank_data_get(api, fts, nscope, nval, val, &p);
	int ninst = 0;
	if (rc == SQLITE_OK) {
		memset(p->freq, 0, sizeof(double) * (size_t)p->nphrase);
		rc = api->xInstCount(fts, &ninst);
	}
	for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
		int ip, ic, io;
		rc = api->xInst(fts, i, &ip, &ic, &io);
		/* The words' phrases are in title and body alone. */
		if (rc == SQLITE_OK && ip >= nscope && ic < SEARCH_TEXT_COLUMNS)
			p->freq[ip] += p->weight[ic];
	}
	/* The length of the row: its title and body. */
	int ntok = 0;
	for (int col = 0; rc == SQLITE_OK && col < SEARCH_TEXT_COLUMNS; col++) {
		int n = 0;
		rc = api->xColumnSize(fts, col, &n);
		ntok += n;
	}
	double d = (double)ntok;
	double score = 0.0;
	for (int i = nscope; rc == SQLITE_OK && i < p->nphrase; i++)
		score += p->idf[i] * ((p->freq[i] * (k1 + 1.0)) /
				      (p->freq[i] +
				       k1 * (1 - b + b * d / p->avgdl)));
	if (rc == SQLITE_OK)
		sqlite3_result_double(ctx, -1.0 * score);
	else
		sqlite3_result_error_code(ctx, rc);
}

int search_rank_register(fts5_api *api)
{
	return api->xCreateFunction(api, "clerk_rank", NULL, clerk_rank, NULL);
}
