/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/signed: confirmed minutes kept as they were signed.
 *
 * At confirmation the minutes are frozen: the public and the confidential
 * record, each in clerk's format-neutral document form (export/docform.c),
 * with the name of the house style they were made in.  A SHA-256 digest
 * (core/sha256.c) of the three is stored beside them, so that `clerk check` can
 * tell when the stored text no longer matches what was signed.  The record
 * is written once and never replaced (the file's triggers refuse updates
 * and deletions too).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

/* Each part is preceded by its length, so that no two different records
 * give the same bytes to digest. */
static void digest_part(struct sha256 *ctx, const char *s)
{
	char len[32];
	int n = snprintf(len, sizeof len, "%zu:", strlen(s));
	sha256_add(ctx, len, (size_t)n);
	sha256_add(ctx, s, strlen(s));
}

void signed_minutes_digest(const char *style, const char *public_doc,
			   const char *confidential_doc,
			   char out[SIGNED_DIGEST_LEN])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256 ctx;
	unsigned char d[SHA256_LEN];
	sha256_begin(&ctx);
	digest_part(&ctx, "clerk signed minutes 1");
	digest_part(&ctx, style ? style : "");
	digest_part(&ctx, public_doc ? public_doc : "");
	digest_part(&ctx, confidential_doc ? confidential_doc : "");
	sha256_end(&ctx, d);
	for (size_t i = 0; i < sizeof d; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * sizeof d] = '\0';
}

enum clerk_status signed_minutes_store(struct db *db,
				       const struct signed_minutes *s,
				       struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO signed_minutes(meeting_id, signed_at, style, "
		"public_doc, confidential_doc, digest) SELECT ?1, ?2, ?3, ?4, ?5, "
		"?6 FROM meeting WHERE id = ?1 AND minutes_state = 'confirmed'";
	enum clerk_status rc;
	if ((rc = model_check_id(s->meeting_id, "meeting", err)) ||
	    (rc = model_check_text(s->style, "style", true, err)) ||
	    (rc = model_check_text(s->public_doc, "signed minutes", true, err)) ||
	    (rc = model_check_text(s->confidential_doc, "signed minutes", true,
				   err)))
		return rc;
	char digest[SIGNED_DIGEST_LEN];
	signed_minutes_digest(s->style, s->public_doc, s->confidential_doc,
			      digest);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, s->meeting_id);
	model_bind_time(st, 2, s->signed_at ? s->signed_at : clock_now());
	db_bind_text(st, 3, s->style);
	db_bind_text(st, 4, s->public_doc);
	db_bind_text(st, 5, s->confidential_doc);
	db_bind_text(st, 6, digest);
	int step = sqlite3_step(st);
	int code = sqlite3_extended_errcode(db_handle(db));
	db_done(st);
	if (step == SQLITE_CONSTRAINT || code == SQLITE_CONSTRAINT_PRIMARYKEY)
		return clerk_fail(err, CLERK_LOCKED,
				  "the signed text of these minutes is already "
				  "kept; it is never replaced");
	if (step != SQLITE_DONE)
		return model_fail(db, "keeping the signed minutes", err);
	if (sqlite3_changes(db_handle(db)) == 0)
		return clerk_fail(err, CLERK_INVALID,
				  "only confirmed minutes are kept as signed: "
				  "confirm them first");
	return CLERK_OK;
}

static void signed_read(sqlite3_stmt *st, void *out)
{
	struct signed_minutes *s = out;
	memset(s, 0, sizeof *s);
	model_col_id(st, 0, s->meeting_id);
	s->signed_at = model_col_time(st, 1);
	s->style = db_col_dup(st, 2);
	s->public_doc = db_col_dup(st, 3);
	s->confidential_doc = db_col_dup(st, 4);
	s->digest = db_col_dup(st, 5);
}

enum clerk_status signed_minutes_get(struct db *db, const char *meeting_id,
				     struct signed_minutes *out,
				     struct clerk_err *err)
{
	static const char sql[] =
		"SELECT meeting_id, signed_at, style, public_doc, "
		"confidential_doc, digest FROM signed_minutes WHERE meeting_id = ?1";
	return model_get_row(db, sql, meeting_id, signed_read, out, sizeof *out,
			     "signed minutes of the meeting", err);
}

bool signed_minutes_intact(const struct signed_minutes *s)
{
	char digest[SIGNED_DIGEST_LEN];
	signed_minutes_digest(s->style, s->public_doc, s->confidential_doc,
			      digest);
	return s->digest && strcmp(digest, s->digest) == 0;
}

enum clerk_status signed_minutes_verify(struct db *db,
					struct meeting_list *broken,
					size_t *checked,
					struct clerk_err *err)
{
	static const char sql[] =
		"SELECT meeting_id, signed_at, style, public_doc, "
		"confidential_doc, digest FROM signed_minutes ORDER BY signed_at";
	memset(broken, 0, sizeof *broken);
	*checked = 0;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	struct clerk_id_list {
		clerk_id *v;
		size_t n;
	} bad = {0};
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct signed_minutes s;
		signed_read(st, &s);
		(*checked)++;
		if (!signed_minutes_intact(&s))
			model_copy_id(*MODEL_LIST_PUSH(&bad), s.meeting_id);
		signed_minutes_free(&s);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE)
		rc = db_fail(db, err, "reading the signed minutes");
	db_done(st);
	for (size_t i = 0; !rc && i < bad.n; i++)
		rc = meeting_get(db, bad.v[i], MODEL_LIST_PUSH(broken), err);
	free(bad.v);
	if (rc)
		meeting_list_free(broken);
	return rc;
}

void signed_minutes_free(struct signed_minutes *s)
{
	if (!s)
		return;
	free(s->style);
	free(s->public_doc);
	free(s->confidential_doc);
	free(s->digest);
	memset(s, 0, sizeof *s);
}
