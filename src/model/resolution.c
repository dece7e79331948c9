/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/resolution: motions, amendments and resolutions on an item, with
 * their outcome and counted votes, and the named votes of a recorded vote.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

#define RES_COLS                                                               \
	"r.id, r.meeting_id, r.item_id, r.position, r.kind, r.amends, "        \
	"r.preamble, r.body, r.mover, r.seconder, r.outcome, r.voted, "         \
	"r.votes_for, r.votes_against, r.votes_abstain, r.recorded, r.casting"

static void res_read(sqlite3_stmt *st, void *out)
{
	struct resolution *r = out;
	memset(r, 0, sizeof *r);
	model_col_id(st, 0, r->id);
	model_col_id(st, 1, r->meeting_id);
	model_col_id(st, 2, r->item_id);
	r->position = sqlite3_column_int(st, 3);
	MODEL_COL_ENUM(st, 4, resolution_kind_parse, &r->kind);
	model_col_id(st, 5, r->amends);
	r->preamble = db_col_dup(st, 6);
	r->body = db_col_dup(st, 7);
	model_col_id(st, 8, r->mover);
	model_col_id(st, 9, r->seconder);
	MODEL_COL_ENUM(st, 10, outcome_parse, &r->outcome);
	r->voted = sqlite3_column_int(st, 11) != 0;
	r->votes_for = sqlite3_column_int(st, 12);
	r->votes_against = sqlite3_column_int(st, 13);
	r->votes_abstain = sqlite3_column_int(st, 14);
	r->recorded = sqlite3_column_int(st, 15) != 0;
	r->has_casting = vote_choice_parse(db_col_text(st, 16), &r->casting);
}

static enum clerk_status res_check(const struct resolution *r,
				   struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(r->meeting_id, "meeting", err)) ||
	    (rc = model_check_id(r->item_id, "agenda item", err)) ||
	    (rc = model_check_text(r->preamble, "preamble", false, err)) ||
	    (rc = model_check_text(r->body, "resolution's wording", true, err)))
		return rc;
	if ((unsigned)r->kind > RES_EXCLUSION ||
	    (unsigned)r->outcome > OUTCOME_WITHDRAWN)
		return clerk_fail(err, CLERK_INVALID,
				  "the kind or outcome of the resolution is "
				  "unknown");
	if (r->votes_for < 0 || r->votes_against < 0 || r->votes_abstain < 0)
		return clerk_fail(err, CLERK_INVALID, "a vote count is negative");
	if (r->has_casting && r->casting == VOTE_ABSTAIN)
		return clerk_fail(err, CLERK_INVALID,
				  "a casting vote is for or against, not an "
				  "abstention");
	return CLERK_OK;
}

static void res_bind(sqlite3_stmt *st, const struct resolution *r)
{
	db_bind_text(st, 1, r->id);
	db_bind_text(st, 2, r->meeting_id);
	db_bind_text(st, 3, r->item_id);
	sqlite3_bind_int(st, 4, r->position);
	db_bind_text(st, 5, resolution_kind_text(r->kind));
	model_bind_id(st, 6, r->amends);
	model_bind_str(st, 7, r->preamble);
	db_bind_text(st, 8, r->body);
	model_bind_id(st, 9, r->mover);
	model_bind_id(st, 10, r->seconder);
	db_bind_text(st, 11, outcome_text(r->outcome));
	sqlite3_bind_int(st, 12, r->voted);
	sqlite3_bind_int(st, 13, r->votes_for);
	sqlite3_bind_int(st, 14, r->votes_against);
	sqlite3_bind_int(st, 15, r->votes_abstain);
	sqlite3_bind_int(st, 16, r->recorded);
	db_bind_text(st, 17, r->has_casting ? vote_choice_text(r->casting) : NULL);
}

static enum clerk_status res_insert(struct db *db, void *arg,
				    struct clerk_err *err)
{
	static const char last[] =
		"SELECT max(position) FROM resolution WHERE item_id = ?1";
	static const char sql[] =
		"INSERT INTO resolution(id, meeting_id, item_id, position, kind, "
		"amends, preamble, body, mover, seconder, outcome, voted, "
		"votes_for, votes_against, votes_abstain, recorded, casting) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
		"?14, ?15, ?16, ?17)";
	struct resolution *r = arg;
	if (r->position <= 0)
		r->position = model_query_int(db, last, r->item_id, 0) + 1;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	res_bind(st, r);
	return model_step_done(db, st, "recording the resolution", err);
}

enum clerk_status resolution_create(struct db *db, struct resolution *r,
				    struct clerk_err *err)
{
	enum clerk_status rc = res_check(r, err);
	if (!rc)
		rc = model_refuse_confirmed(db, r->meeting_id,
					    "recording the resolution", err);
	if (rc)
		return rc;
	model_ensure_id(r->id);
	return model_tx(db, res_insert, r, err);
}

enum clerk_status resolution_update(struct db *db, const struct resolution *r,
				    struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE resolution SET meeting_id = ?2, item_id = ?3, position = "
		"?4, kind = ?5, amends = ?6, preamble = ?7, body = ?8, mover = ?9, "
		"seconder = ?10, outcome = ?11, voted = ?12, votes_for = ?13, "
		"votes_against = ?14, votes_abstain = ?15, recorded = ?16, "
		"casting = ?17 WHERE id = ?1";
	enum clerk_status rc = res_check(r, err);
	if (!rc)
		rc = model_refuse_confirmed_row(db, MODEL_ROW_RESOLUTION, r->id,
						"saving the resolution", err);
	if (!rc)
		rc = model_refuse_confirmed(db, r->meeting_id,
					    "saving the resolution", err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	res_bind(st, r);
	rc = model_step_done(db, st, "saving the resolution", err);
	return rc ? rc : model_check_changed(db, "resolution", r->id, err);
}

/* Run one statement taking the resolution id as ?1. */
static enum clerk_status res_exec(struct db *db, const char *sql,
				  const char *id, const char *doing,
				  struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	return model_step_done(db, st, doing, err);
}

/* Its votes go with it; actions and amendments that pointed at it stay. */
static enum clerk_status res_remove(struct db *db, void *arg,
				    struct clerk_err *err)
{
	static const char votes[] = "DELETE FROM vote WHERE resolution_id = ?1";
	static const char actions[] =
		"UPDATE action SET resolution_id = NULL WHERE resolution_id = ?1";
	static const char amends[] =
		"UPDATE resolution SET amends = NULL WHERE amends = ?1";
	static const char sql[] = "DELETE FROM resolution WHERE id = ?1";
	const char *id = arg;
	const char *doing = "deleting the resolution";
	enum clerk_status rc;
	if ((rc = res_exec(db, votes, id, doing, err)) ||
	    (rc = res_exec(db, actions, id, doing, err)) ||
	    (rc = res_exec(db, amends, id, doing, err)) ||
	    (rc = res_exec(db, sql, id, doing, err)))
		return rc;
	return model_check_changed(db, "resolution", id, err);
}

enum clerk_status resolution_delete(struct db *db, const char *id,
				    struct clerk_err *err)
{
	if (!model_has(id))
		return clerk_fail(err, CLERK_INVALID, "no resolution was given");
	if (model_refuse_confirmed_row(db, MODEL_ROW_RESOLUTION, id,
				       "deleting the resolution", err))
		return err->status;
	return model_tx(db, res_remove, (void *)(uintptr_t)id, err);
}

enum clerk_status resolution_list(struct db *db, const char *meeting_id,
				  const char *item_id,
				  struct resolution_list *out,
				  struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " RES_COLS " FROM resolution r JOIN agenda_item i ON "
		"i.id = r.item_id WHERE r.meeting_id = ?1 AND (?2 IS NULL OR "
		"r.item_id = ?2) ORDER BY i.position, r.position, r.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	model_bind_id(st, 2, item_id);
	enum clerk_status rc =
		MODEL_READ_ROWS(db, st, res_read, out, "reading the resolutions", err);
	if (rc)
		resolution_list_free(out);
	return rc;
}

void resolution_free(struct resolution *r)
{
	if (!r)
		return;
	free(r->preamble);
	free(r->body);
	memset(r, 0, sizeof *r);
}

void resolution_list_free(struct resolution_list *l)
{
	MODEL_LIST_FREE(l, resolution_free);
}

/* ------------------------------------------------------------------ votes */

enum clerk_status vote_set(struct db *db, struct vote *v, struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO vote(id, meeting_id, resolution_id, person_id, vote, "
		"reason) SELECT ?1, r.meeting_id, r.id, ?3, ?4, ?5 FROM resolution "
		"r WHERE r.id = ?2 ON CONFLICT(resolution_id, person_id) DO UPDATE "
		"SET vote = ?4, reason = ?5 RETURNING id, meeting_id";
	enum clerk_status rc;
	if ((rc = model_check_id(v->resolution_id, "resolution", err)) ||
	    (rc = model_check_id(v->person_id, "member voting", err)) ||
	    (rc = model_check_text(v->reason, "reason", false, err)))
		return rc;
	if ((unsigned)v->vote > VOTE_ABSTAIN)
		return clerk_fail(err, CLERK_INVALID, "the vote is unknown");
	if ((rc = model_refuse_confirmed_row(db, MODEL_ROW_RESOLUTION,
					     v->resolution_id,
					     "recording the vote", err)))
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	clerk_id id = "";
	model_copy_id(id, v->id);
	model_ensure_id(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, v->resolution_id);
	db_bind_text(st, 3, v->person_id);
	db_bind_text(st, 4, vote_choice_text(v->vote));
	model_bind_str(st, 5, v->reason);
	int step = sqlite3_step(st);
	bool found = step == SQLITE_ROW;
	if (found) {
		model_col_id(st, 0, v->id);
		model_col_id(st, 1, v->meeting_id);
		step = sqlite3_step(st);
	}
	if (step != SQLITE_DONE)
		rc = model_fail(db, "recording the vote", err);
	else if (!found)
		rc = clerk_fail(err, CLERK_NOT_FOUND, "no resolution with id %s",
				v->resolution_id);
	db_done(st);
	return rc;
}

enum clerk_status vote_list(struct db *db, const char *resolution_id,
			    struct vote_list *out, struct clerk_err *err)
{
	/* For, against, abstaining; by surname (the name's last word: the
	 * text after its last space) within each, then by the whole name
	 * ("J Doran" before "S Doran"). */
	static const char sql[] =
		"SELECT v.id, v.meeting_id, v.resolution_id, v.person_id, v.vote, "
		"v.reason FROM vote v JOIN person p ON p.id = v.person_id WHERE "
		"v.resolution_id = ?1 ORDER BY CASE v.vote WHEN 'for' THEN 0 WHEN "
		"'against' THEN 1 ELSE 2 END, substr(p.name, length(rtrim(p.name, "
		"replace(p.name, ' ', ''))) + 1) COLLATE NOCASE, "
		"p.name COLLATE NOCASE, v.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, resolution_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct vote *v = MODEL_LIST_PUSH(out);
		model_col_id(st, 0, v->id);
		model_col_id(st, 1, v->meeting_id);
		model_col_id(st, 2, v->resolution_id);
		model_col_id(st, 3, v->person_id);
		MODEL_COL_ENUM(st, 4, vote_choice_parse, &v->vote);
		v->reason = db_col_dup(st, 5);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = db_fail(db, err, "reading the votes");
		vote_list_free(out);
	}
	db_done(st);
	return rc;
}

void vote_free(struct vote *v)
{
	if (!v)
		return;
	free(v->reason);
	memset(v, 0, sizeof *v);
}

void vote_list_free(struct vote_list *l)
{
	MODEL_LIST_FREE(l, vote_free);
}
