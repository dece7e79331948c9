/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/import/record_votes: a test helper that records, through the model,
 * what no import brings in: on the meeting of DATE, a carried resolution on
 * its first ordinary item with a recorded vote (the first three people
 * present: for, against, abstain), a declaration of interest, a sensitive
 * one, and a resolution on its exempt item (if any).
 *
 *   record_votes DB DATE
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "clerk/model.h"

static int fail(const struct clerk_err *err)
{
	fprintf(stderr, "record_votes: %s\n", err->msg);
	return 1;
}

int main(int argc, char **argv)
{
	struct clerk_err err = {0};
	struct db *db;
	struct meeting m;
	struct item_list items;
	struct attendance_list att;
	if (argc != 3)
		return 2;
	if (db_open(argv[1], DB_EXISTING, &db, &err) ||
	    meeting_find(db, argv[2], NULL, &m, &err) ||
	    item_list(db, m.id, &items, &err) ||
	    attendance_list(db, m.id, &att, &err))
		return fail(&err);
	size_t ord = 0, ex = items.n;
	while (ord < items.n && items.v[ord].kind != ITEM_ORDINARY)
		ord++;
	for (size_t i = 0; i < items.n; i++)
		if (items.v[i].exempt)
			ex = i;
	if (ord == items.n || att.n < 3)
		return fprintf(stderr, "record_votes: no item or attendees\n"), 1;
	struct resolution r = {.outcome = OUTCOME_CARRIED, .voted = true,
			       .votes_for = 10, .votes_against = 2,
			       .votes_abstain = 1, .recorded = true};
	snprintf(r.meeting_id, sizeof r.meeting_id, "%s", m.id);
	snprintf(r.item_id, sizeof r.item_id, "%s", items.v[ord].id);
	snprintf(r.mover, sizeof r.mover, "%s", att.v[0].person_id);
	r.preamble = xstrdup("The Health and Wellbeing Board:");
	r.body = xstrdup("Endorse the strategy, and support partnership "
			 "actions to take it forward.");
	if (resolution_create(db, &r, &err))
		return fail(&err);
	static const enum vote_choice choice[] = {VOTE_FOR, VOTE_AGAINST,
						  VOTE_ABSTAIN};
	for (int i = 0; i < 3; i++) {
		struct vote v = {.vote = choice[i], .reason = xstrdup("")};
		snprintf(v.meeting_id, sizeof v.meeting_id, "%s", m.id);
		snprintf(v.resolution_id, sizeof v.resolution_id, "%s", r.id);
		snprintf(v.person_id, sizeof v.person_id, "%s",
			 att.v[i].person_id);
		if (vote_set(db, &v, &err))
			return fail(&err);
		vote_free(&v);
	}
	struct declaration d = {.kind = INTEREST_NON_REGISTRABLE,
				.what = xstrdup("school governor")};
	snprintf(d.meeting_id, sizeof d.meeting_id, "%s", m.id);
	snprintf(d.item_id, sizeof d.item_id, "%s", items.v[ord].id);
	snprintf(d.person_id, sizeof d.person_id, "%s", att.v[1].person_id);
	if (declaration_create(db, &d, &err))
		return fail(&err);
	declaration_free(&d);
	struct declaration s = {.kind = INTEREST_PECUNIARY, .sensitive = true,
				.left_room = true,
				.what = xstrdup("SECRET ADDRESS DETAIL")};
	snprintf(s.meeting_id, sizeof s.meeting_id, "%s", m.id);
	snprintf(s.item_id, sizeof s.item_id, "%s", items.v[ord].id);
	snprintf(s.person_id, sizeof s.person_id, "%s", att.v[2].person_id);
	if (declaration_create(db, &s, &err))
		return fail(&err);
	declaration_free(&s);
	if (ex < items.n) {
		struct resolution e = {.outcome = OUTCOME_CARRIED};
		snprintf(e.meeting_id, sizeof e.meeting_id, "%s", m.id);
		snprintf(e.item_id, sizeof e.item_id, "%s", items.v[ex].id);
		e.preamble = xstrdup("");
		e.body = xstrdup("CONFIDENTIAL CONTRACT TERMS agreed.");
		if (resolution_create(db, &e, &err))
			return fail(&err);
		resolution_free(&e);
	}
	resolution_free(&r);
	attendance_list_free(&att);
	item_list_free(&items);
	meeting_free(&m);
	db_close(&db);
	return 0;
}
