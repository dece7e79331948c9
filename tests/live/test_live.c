/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/live/test_live: the running meeting, through the live API on a
 * fresh clerk file with a fixed clock.
 *
 * The board has five voting seats (quorum: a fixed three), the first seat
 * with a nominated substitute; its meeting of 5 October 2017 at 10:00 has
 * four items planned at 10, 15, 20 and 5 minutes.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* a test reads the file itself */
#include "clerk/db_sql.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "clerk/lookup.h"
#include "live_fixture.h"

/* Number of events of a kind (with detail, when not NULL) in the log. */
static int count_events(struct fx *f, enum event_kind kind,
			const char *detail)
{
	int n = 0;
	for (size_t i = 0; i < f->l->events.n; i++)
		if (f->l->events.v[i].kind == kind &&
		    (!detail || !strcmp(f->l->events.v[i].detail, detail)))
			n++;
	return n;
}

/* An action succeeds, or is refused with status st; either way no
 * transaction is left open behind it. */
#define OK(call)                                                          \
	do {                                                              \
		assert_int_equal((call), CLERK_OK);                       \
		assert_true(sqlite3_get_autocommit(db_handle(f->db)));    \
	} while (0)
#define REFUSED(call, st)                                                 \
	do {                                                              \
		assert_int_equal((call), (st));                           \
		assert_true(sqlite3_get_autocommit(db_handle(f->db)));    \
	} while (0)

static void all_present_and_start(struct fx *f)
{
	int n = 0;
	OK(live_att_all_present(f->l, &n, &f->err));
	assert_int_equal(n, 5);
	OK(live_next(f->l, &f->err));
}

/* ------------------------------------------------------------ tests */

static void test_open(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	assert_int_equal(l->meeting.status, MEETING_IN_PROGRESS);
	assert_int_equal(count_events(f, EVENT_OPENED, NULL), 1);
	assert_int_equal(l->attendance.n, 5);
	for (size_t i = 0; i < l->attendance.n; i++)
		assert_int_equal(l->attendance.v[i].status, ATT_EXPECTED);
	assert_int_equal(l->nitems, 4);
	assert_int_equal(l->current, -1);
	/* Planned times follow from the start and the minutes. */
	assert_int_equal(l->items[2].planned_start, START + 25 * MIN);
	assert_int_equal(l->planned_finish, START + 50 * MIN);
	assert_int_equal(l->opened_at, START);
	assert_int_equal(l->quorum, 3);
	assert_false(l->quorate);
	assert_false(l->quorum_warning); /* no business begun yet */
}

static void test_timings_overrun_projection(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	assert_int_equal(l->current, 0);
	assert_true(l->running);
	clock_advance(12 * MIN);
	OK(live_reload(l, &f->err));
	assert_int_equal(l->items[0].elapsed, 12 * MIN);
	assert_true(l->items[0].overrun);
	assert_int_equal(live_item_remaining(l), -2 * MIN);
	/* 10:12 plus 15 + 20 + 5 minutes still planned: two minutes late. */
	assert_int_equal(l->projected_finish, START + 52 * MIN);
	assert_int_equal(l->delay, 2 * MIN);
	OK(live_next(l, &f->err));
	assert_int_equal(l->current, 1);
	assert_true(l->items[0].done);
	assert_int_equal(l->items[0].started, START);
	assert_int_equal(l->items[0].ended, START + 12 * MIN);
	clock_advance(5 * MIN);
	OK(live_reload(l, &f->err));
	assert_false(l->items[1].overrun);
	assert_int_equal(live_item_remaining(l), 10 * MIN);
	assert_int_equal(l->projected_finish, START + 17 * MIN + 35 * MIN);
	assert_int_equal(l->sitting, 17 * MIN);
	/* The last item cannot be followed by another. */
	OK(live_next(l, &f->err));
	OK(live_next(l, &f->err));
	assert_int_equal(l->current, 3);
	REFUSED(live_next(l, &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "last"));
}

static void test_out_of_order(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	clock_advance(2 * MIN);
	OK(live_jump(l, 2, &f->err)); /* item 3 before item 2 */
	clock_advance(4 * MIN);
	OK(live_next(l, &f->err)); /* back to item 2, not yet taken */
	assert_int_equal(l->current, 1);
	clock_advance(3 * MIN);
	OK(live_next(l, &f->err)); /* then item 4 */
	assert_int_equal(l->current, 3);
	clock_advance(1 * MIN);
	OK(live_jump(l, 2, &f->err)); /* item 3 again */
	clock_advance(6 * MIN);
	OK(live_reload(l, &f->err));
	assert_int_equal(l->items[2].spells, 2);
	assert_int_equal(l->items[2].elapsed, 10 * MIN);
	assert_int_equal(l->items[2].started, START + 2 * MIN);
	assert_true(l->items[2].running);
	assert_int_equal(count_events(f, EVENT_ITEM_STARTED, NULL), 5);
	REFUSED(live_jump(l, 2, &f->err), CLERK_INVALID);
	REFUSED(live_jump(l, 9, &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "no item 10"));
	OK(live_prev(l, &f->err));
	assert_int_equal(l->current, 1);
}

static void test_adjourn_resume(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	OK(live_next(l, &f->err));
	clock_advance(5 * MIN);
	OK(live_adjourn(l, "fire alarm", &f->err));
	assert_true(l->adjourned);
	assert_false(l->running);
	assert_int_equal(l->current, 1);
	REFUSED(live_next(l, &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "adjourned"));
	clock_advance(30 * MIN);
	OK(live_reload(l, &f->err));
	assert_int_equal(l->items[1].elapsed, 5 * MIN);
	OK(live_resume(l, &f->err));
	assert_false(l->adjourned);
	assert_true(l->running);
	assert_int_equal(l->current, 1);
	clock_advance(2 * MIN);
	OK(live_reload(l, &f->err));
	assert_int_equal(l->items[1].elapsed, 7 * MIN);
	assert_int_equal(l->adjourned_seconds, 30 * MIN);
	assert_int_equal(l->sitting, 7 * MIN);
	struct meeting m = {0};
	OK(meeting_get(f->db, f->meeting, &m, &f->err));
	assert_int_equal(m.status, MEETING_IN_PROGRESS);
	meeting_free(&m);
	REFUSED(live_resume(l, &f->err), CLERK_INVALID);
	OK(live_close(l, &f->err));
	assert_true(l->closed);
	assert_false(l->running);
	REFUSED(live_next(l, &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "closed"));
}

static void test_substitutes(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	OK(live_att_substitute(l, f->member[0], f->nominated, &f->err));
	assert_string_equal(l->notice, "");
	const struct attendance *a = live_attendance_of(l, f->nominated);
	assert_non_null(a);
	assert_int_equal(a->status, ATT_SUBSTITUTE);
	assert_string_equal(a->substitute_for, f->member[0]);
	assert_string_equal(a->seat_id, f->seat[0]);
	assert_int_equal(live_attendance_of(l, f->member[0])->status,
			 ATT_APOLOGY);
	assert_true(live_presence_of(l, f->nominated)->voting);
	/* Someone else for seat 2: accepted with a warning. */
	OK(live_att_substitute(l, f->member[1], f->other, &f->err));
	assert_non_null(strstr(l->notice, "Oscar Other is not the nominated "
					  "substitute for Councillor Ben "
					  "Baker"));
	assert_int_equal(live_attendance_of(l, f->other)->status,
			 ATT_SUBSTITUTE);
	/* A member cannot substitute for another. */
	REFUSED(live_att_substitute(l, f->member[2], f->member[3],
					     &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "in their own right"));
}

static void test_substitutes_refused(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	REFUSED(live_att_substitute(l, f->member[0], f->nominated,
					     &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "allows no substitutes"));
	assert_null(live_attendance_of(l, f->nominated));
	assert_int_equal(live_attendance_of(l, f->member[0])->status,
			 ATT_EXPECTED);
}

static void test_late_arrival_departure(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	for (int i = 0; i < 4; i++)
		OK(live_att_present(l, f->member[i], &f->err));
	OK(live_next(l, &f->err));
	clock_advance(12 * MIN);
	OK(live_next(l, &f->err));
	clock_advance(8 * MIN);
	REFUSED(live_att_arrived(l, f->member[4], START + 30 * MIN,
					  &f->err), CLERK_INVALID);
	/* Noted late: they came in at 10:08, during item 1. */
	OK(live_att_arrived(l, f->member[4], START + 8 * MIN, &f->err));
	const struct attendance *a = live_attendance_of(l, f->member[4]);
	assert_int_equal(a->status, ATT_PRESENT);
	assert_int_equal(a->arrived_at, START + 8 * MIN);
	assert_string_equal(a->arrived_item, f->item[0]);
	assert_int_equal(live_item_at(l, START + 12 * MIN), 1);
	assert_int_equal(live_item_at(l, START - MIN), -1);
	assert_int_equal(count_events(f, EVENT_ARRIVED, NULL), 1);
	assert_int_equal(l->voting_in_room, 5);
	clock_advance(5 * MIN);
	OK(live_att_departed(l, f->member[3], 0, &f->err));
	a = live_attendance_of(l, f->member[3]);
	assert_int_equal(a->left_at, START + 25 * MIN);
	assert_string_equal(a->left_item, f->item[1]);
	assert_true(live_presence_of(l, f->member[3])->departed);
	assert_int_equal(l->voting_in_room, 4);
	assert_int_equal(count_events(f, EVENT_LEFT, "departed"), 1);
	/* Apologies and also in attendance. */
	clerk_id officer, again;
	OK(live_att_also(l, "Graham Allen", "Director of Adults' Health and Care",
			 &officer, &f->err));
	assert_int_equal(live_attendance_of(l, officer)->status,
			 ATT_IN_ATTENDANCE);
	assert_string_equal(live_attendance_of(l, officer)->capacity,
			    "Director of Adults' Health and Care");
	OK(live_att_also(l, "graham allen", "Director", &again, &f->err));
	assert_string_equal(officer, again);
	REFUSED(live_att_also(l, "  ", "", NULL, &f->err), CLERK_INVALID);
	assert_int_equal(l->voting_in_room, 4); /* officers do not count */
}

static void test_quorum(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	/* Attendance taken during the first item: no loss is logged before
	 * the quorum is first reached, though the warning shows. */
	OK(live_next(l, &f->err));
	assert_true(l->quorum_warning);
	OK(live_att_present(l, f->member[0], &f->err));
	OK(live_att_present(l, f->member[1], &f->err));
	assert_int_equal(count_events(f, EVENT_QUORUM_LOST, NULL), 0);
	assert_false(l->quorum_reached);
	OK(live_att_all_present(l, NULL, &f->err));
	assert_true(l->quorate);
	assert_true(l->quorum_reached);
	assert_false(l->quorum_warning);
	assert_int_equal(count_events(f, EVENT_NOTE, "quorum reached 5 of 3"), 1);
	OK(live_att_departed(l, f->member[4], 0, &f->err));
	OK(live_left_room(l, f->member[3], &f->err));
	assert_true(l->quorate);
	assert_int_equal(count_events(f, EVENT_QUORUM_LOST, NULL), 0);
	clock_advance(MIN);
	OK(live_att_departed(l, f->member[2], 0, &f->err));
	assert_false(l->quorate);
	assert_true(l->quorum_warning);
	assert_non_null(strstr(l->notice, "Quorum lost: 2 voting members"));
	assert_int_equal(count_events(f, EVENT_QUORUM_LOST, "2 of 3"), 1);
	/* Another change while inquorate logs nothing more. */
	OK(live_att_also(l, "Observer", "observer", NULL, &f->err));
	assert_int_equal(count_events(f, EVENT_QUORUM_LOST, NULL), 1);
	OK(live_returned(l, f->member[3], &f->err));
	assert_true(l->quorate);
	assert_false(l->quorum_warning);
	assert_non_null(strstr(l->notice, "Quorum regained"));
	assert_int_equal(count_events(f, EVENT_QUORUM_REGAINED, "3 of 3"), 1);
}

static void test_pecuniary(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	OK(live_next(l, &f->err));
	OK(live_next(l, &f->err)); /* item 3 */
	struct declaration d = {0};
	OK(live_declare(l, f->member[1], -1, INTEREST_PECUNIARY,
			"employed by the provider", false, false, &d, &f->err));
	assert_true(d.left_room);
	declaration_free(&d);
	assert_non_null(strstr(l->notice, "left the room"));
	const struct live_presence *p = live_presence_of(l, f->member[1]);
	assert_true(p->out_interest);
	assert_false(p->in_room);
	assert_int_equal(l->voting_in_room, 4);
	assert_int_equal(count_events(f, EVENT_LEFT, "interest"), 1);
	/* A non-pecuniary interest changes nothing in the room. */
	OK(live_declare(l, f->member[2], -1, INTEREST_NON_REGISTRABLE,
			"school governor", false, false, NULL, &f->err));
	assert_true(live_presence_of(l, f->member[2])->in_room);
	/* Excluded from the vote. */
	struct resolution r = {0};
	OK(live_move(l, RES_MOTION, NULL, "", "That the Board note the report.",
		     f->member[0], f->member[2], &r, &f->err));
	assert_int_equal(r.outcome, OUTCOME_PENDING);
	REFUSED(live_vote_member(l, r.id, f->member[1], VOTE_FOR, "",
					  &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "Ben Baker has a pecuniary"));
	OK(live_vote_member(l, r.id, f->member[0], VOTE_FOR, "", &f->err));
	REFUSED(live_move(l, RES_AMENDMENT, r.id, "", "Add words.", f->member[1],
			  f->member[0], NULL, &f->err),
		CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "cannot move a motion"));
	REFUSED(live_vote_counts(l, r.id, 3, 2, 0, &f->err), CLERK_INVALID); /* 5 votes, 4 in the room */
	resolution_free(&r);
	/* Back when the item ends. */
	OK(live_next(l, &f->err));
	p = live_presence_of(l, f->member[1]);
	assert_false(p->out_interest);
	assert_true(p->in_room);
	assert_int_equal(count_events(f, EVENT_RETURNED, "interest"), 1);
	assert_int_equal(l->voting_in_room, 5);
}

static void test_pecuniary_later_item(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	OK(live_next(l, &f->err)); /* declarations, item 2 */
	OK(live_declare(l, f->member[4], 3, INTEREST_PECUNIARY, "landowner",
			false, false, NULL, &f->err));
	assert_true(live_presence_of(l, f->member[4])->in_room);
	OK(live_declare(l, f->member[3], 2, INTEREST_PECUNIARY, "a contract",
			false, true, NULL, &f->err)); /* dispensation */
	OK(live_jump(l, 3, &f->err));
	assert_true(live_presence_of(l, f->member[4])->out_interest);
	assert_true(live_presence_of(l, f->member[3])->in_room);
	/* Someone arriving during an item they declared a pecuniary
	 * interest in stays out for it. */
	OK(live_att_departed(l, f->member[2], 0, &f->err));
	OK(live_declare(l, f->member[2], 3, INTEREST_PECUNIARY, "tenant",
			false, false, NULL, &f->err));
	OK(live_att_arrived(l, f->member[2], 0, &f->err));
	assert_true(live_presence_of(l, f->member[2])->out_interest);
	assert_false(live_presence_of(l, f->member[2])->departed);
	/* Marked back by hand. */
	OK(live_returned(l, f->member[4], &f->err));
	assert_true(live_presence_of(l, f->member[4])->in_room);
	assert_int_equal(count_events(f, EVENT_RETURNED, "interest"), 1);
	assert_int_equal(count_events(f, EVENT_LEFT, "interest"), 2);
	REFUSED(live_declare(l, f->member[4], -1, INTEREST_REGISTRABLE,
				      "", false, false, NULL, &f->err), CLERK_INVALID);
}

static void test_amendment_first(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	struct resolution m = {0}, a = {0};
	OK(live_move(l, RES_MOTION, NULL, "", "That the plan be approved.",
		     f->member[0], f->member[1], &m, &f->err));
	REFUSED(live_move(l, RES_MOTION, NULL, "", "x", f->member[2],
				   f->member[2], NULL, &f->err), CLERK_INVALID);
	OK(live_move(l, RES_AMENDMENT, m.id, "", "Add \"subject to funding\".",
		     f->member[2], f->member[3], &a, &f->err));
	assert_string_equal(a.amends, m.id);
	assert_int_equal(count_events(f, EVENT_MOVED, NULL), 2);
	REFUSED(live_vote_counts(l, m.id, 4, 1, 0, &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "amendment"));
	REFUSED(live_agree(l, m.id, &f->err), CLERK_INVALID);
	OK(live_vote_counts(l, a.id, 3, 1, 1, &f->err));
	assert_int_equal(live_resolution_of(l, a.id)->outcome, OUTCOME_CARRIED);
	OK(live_vote_counts(l, m.id, 1, 4, 0, &f->err));
	const struct resolution *r = live_resolution_of(l, m.id);
	assert_int_equal(r->outcome, OUTCOME_LOST);
	assert_int_equal(r->votes_against, 4);
	REFUSED(live_vote_counts(l, m.id, 4, 1, 0, &f->err), CLERK_INVALID); /* already decided */
	resolution_free(&m);
	resolution_free(&a);
}

static void test_recorded_tie_casting(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	struct resolution m = {0};
	OK(live_move(l, RES_MOTION, NULL, "The Board:", "Approves the budget.",
		     f->member[1], f->member[2], &m, &f->err));
	OK(live_vote_member(l, m.id, f->member[0], VOTE_FOR, "", &f->err));
	OK(live_vote_member(l, m.id, f->member[1], VOTE_FOR, "", &f->err));
	OK(live_vote_member(l, m.id, f->member[2], VOTE_AGAINST, "", &f->err));
	OK(live_vote_member(l, m.id, f->member[3], VOTE_AGAINST, "", &f->err));
	OK(live_vote_member(l, m.id, f->member[4], VOTE_ABSTAIN, "conflicted",
			    &f->err));
	/* A change of mind replaces the vote. */
	OK(live_vote_member(l, m.id, f->member[4], VOTE_ABSTAIN, "", &f->err));
	REFUSED(live_vote_member(l, m.id, f->other, VOTE_FOR, "",
					  &f->err), CLERK_INVALID);
	OK(live_vote_close(l, m.id, &f->err));
	const struct resolution *r = live_resolution_of(l, m.id);
	assert_int_equal(r->outcome, OUTCOME_PENDING);
	assert_true(r->recorded);
	assert_int_equal(r->votes_for, 2);
	assert_int_equal(r->votes_against, 2);
	assert_int_equal(r->votes_abstain, 1);
	assert_non_null(strstr(l->notice, "casting vote"));
	REFUSED(live_casting_vote(l, m.id, VOTE_ABSTAIN, &f->err), CLERK_INVALID);
	OK(live_casting_vote(l, m.id, VOTE_FOR, &f->err));
	r = live_resolution_of(l, m.id);
	assert_int_equal(r->outcome, OUTCOME_CARRIED);
	assert_true(r->has_casting);
	assert_int_equal(r->casting, VOTE_FOR);
	assert_int_equal(count_events(f, EVENT_VOTE_TAKEN, NULL), 2);
	struct vote_list vl = {0};
	OK(vote_list(f->db, m.id, &vl, &f->err));
	assert_int_equal(vl.n, 5);
	vote_list_free(&vl);
	/* No casting vote when the votes are not equal. */
	struct resolution n = {0};
	OK(live_move(l, RES_MOTION, NULL, "", "Another.", NULL, NULL, &n,
		     &f->err));
	OK(live_vote_counts(l, n.id, 3, 2, 0, &f->err));
	REFUSED(live_casting_vote(l, n.id, VOTE_AGAINST, &f->err), CLERK_INVALID);
	assert_int_equal(live_outcome_of(2, 2, true, VOTE_AGAINST), OUTCOME_LOST);
	assert_int_equal(live_outcome_of(0, 0, false, VOTE_FOR),
			 OUTCOME_PENDING);
	resolution_free(&m);
	resolution_free(&n);
}

static void test_exclusion_principal(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	REFUSED(live_exclude_public(l, 3, "", NULL, &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "Schedule 12A"));
	REFUSED(live_exclude_public(l, 3, "9", NULL, &f->err), CLERK_INVALID);
	struct resolution r = {0};
	OK(live_exclude_public(l, 3, "3", &r, &f->err));
	assert_int_equal(r.kind, RES_EXCLUSION);
	assert_non_null(strstr(r.body, "item 4 (Any Other)"));
	assert_non_null(strstr(r.body, "paragraph 3 of Part 1 of Schedule 12A "
				       "to the Local Government Act 1972"));
	assert_string_equal(r.item_id, f->item[0]);
	resolution_free(&r);
	assert_true(l->public_excluded);
	assert_true(l->items[3].item.exempt);
	assert_string_equal(l->items[3].item.exempt_paragraph, "3");
	REFUSED(live_exclude_public(l, 3, "3", NULL, &f->err), CLERK_INVALID);
	OK(live_jump(l, 3, &f->err));
	clerk_id t;
	OK(live_text_add(l, SECTION_EXEMPT, "The Board discussed the tender.",
			 &t, &f->err));
	OK(live_readmit_public(l, &f->err));
	assert_false(l->public_excluded);
	assert_int_equal(count_events(f, EVENT_PUBLIC_READMITTED, NULL), 1);
	OK(live_note_public(l, 12, &f->err));
	assert_int_equal(l->meeting.public_present, 12);
	REFUSED(live_note_public(l, -1, &f->err), CLERK_INVALID);
}

static void test_exclusion_parish(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	struct resolution r = {0};
	OK(live_exclude_public(l, -1, NULL, &r, &f->err));
	assert_non_null(strstr(r.body, "section 1(2) of the Public Bodies "
				       "(Admission to Meetings) Act 1960"));
	assert_null(strstr(r.body, "Schedule 12A"));
	resolution_free(&r);
	char *w = live_exclusion_wording(l, 2, "1");
	assert_non_null(strstr(w, "item 3 (Domestic Abuse)"));
	free(w);
}

static void test_minute_text(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	clerk_id t;
	REFUSED(live_text_add(l, SECTION_HEARD, "x", &t, &f->err), CLERK_INVALID); /* no item yet */
	all_present_and_start(f);
	OK(live_text_add(l, SECTION_RECEIVED, "A report of the Director.", &t,
			 &f->err));
	OK(live_text_add(l, SECTION_HEARD, "  Referrals had risen.  ", NULL,
			 &f->err));
	assert_int_equal(l->texts.n, 2);
	OK(live_text_edit(l, t, "A report of the Director of Public Health.",
			  &f->err));
	REFUSED(live_text_edit(l, t, "", &f->err), CLERK_INVALID);
	int found = 0;
	for (size_t i = 0; i < l->texts.n; i++) {
		if (!strcmp(l->texts.v[i].body, "Referrals had risen."))
			found++;
		if (!strcmp(l->texts.v[i].body,
			    "A report of the Director of Public Health."))
			found++;
	}
	assert_int_equal(found, 2);
	OK(live_text_delete(l, t, &f->err));
	assert_int_equal(l->texts.n, 1);
	/* The minute of another item, without taking it. */
	OK(live_text_add_item(l, 2, SECTION_COMMENTED, "Members asked about "
			      "refuges.", NULL, &f->err));
	assert_int_equal(l->current, 0);
	assert_int_equal(l->items[2].spells, 0);
	assert_int_equal(l->texts.n, 2);
	REFUSED(live_text_add_item(l, 7, SECTION_HEARD, "x", NULL, &f->err),
		CLERK_INVALID);
	struct resolution r = {0};
	OK(live_resolve(l, "The Board:", "Notes the report.", &r, &f->err));
	assert_int_equal(r.outcome, OUTCOME_CARRIED);
	clerk_id act;
	REFUSED(live_action_add(l, r.id, "Report back", "Director",
					 "5 Oct", &act, &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "YYYY-MM-DD"));
	OK(live_action_add(l, r.id, "Report back in October", "Director",
			   "2017-10-31", &act, &f->err));
	assert_int_equal(l->actions.n, 1);
	assert_string_equal(l->actions.v[0].owner, "Director");
	assert_string_equal(l->actions.v[0].due, "2017-10-31");
	resolution_free(&r);
}

static void test_urgent(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	OK(live_next(l, &f->err));
	size_t idx = 0;
	REFUSED(live_add_urgent(l, "Flooding", "", &idx, &f->err), CLERK_INVALID);
	assert_non_null(strstr(f->err.msg, "reason"));
	OK(live_add_urgent(l, "Flooding in Romsey",
			   "The response is needed before the next meeting",
			   &idx, &f->err));
	assert_int_equal(idx, 2);
	assert_int_equal(l->nitems, 5);
	assert_int_equal(l->items[idx].item.kind, ITEM_URGENT);
	assert_string_equal(l->items[idx].item.urgent_reason,
			    "The response is needed before the next meeting");
	assert_int_equal(count_events(f, EVENT_URGENT_ADDED, NULL), 1);
	assert_int_equal(l->current, 1); /* still on item 2 */
	OK(live_jump(l, idx, &f->err));
	assert_string_equal(l->items[l->current].item.title,
			    "Flooding in Romsey");
}

static void test_reopen(void **state)
{
	struct fx *f = *state;
	all_present_and_start(f);
	OK(live_next(f->l, &f->err));
	clock_advance(7 * MIN);
	OK(live_declare(f->l, f->member[1], -1, INTEREST_PECUNIARY, "shares",
			false, false, NULL, &f->err));
	OK(live_exclude_public(f->l, -1, "3", NULL, &f->err));
	/* "Kill": drop the context; open a new connection and context. */
	live_free(&f->l);
	db_close(&f->db);
	clock_advance(3 * MIN);
	OK(db_open(f->path, DB_EXISTING, &f->db, &f->err));
	OK(live_open(f->db, f->meeting, &f->l, &f->err));
	struct live *l = f->l;
	assert_int_equal(count_events(f, EVENT_OPENED, NULL), 1);
	assert_int_equal(l->current, 1);
	assert_true(l->running);
	assert_int_equal(l->items[1].elapsed, 10 * MIN);
	assert_int_equal(l->sitting, 10 * MIN);
	assert_true(l->public_excluded);
	assert_true(live_presence_of(l, f->member[1])->out_interest);
	assert_int_equal(l->voting_in_room, 4);
	assert_int_equal(live_attendance_of(l, f->member[0])->status,
			 ATT_PRESENT);
	assert_int_equal(l->attendance.n, 5);
}

static void test_action_all_or_nothing(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	OK(live_next(l, &f->err));
	clock_advance(4 * MIN);
	/* A failure injected at the last write of closing (the CLOSED event,
	 * after the item was ended) undoes the whole action. */
	assert_int_equal(sqlite3_exec(db_handle(f->db),
				      "CREATE TEMP TRIGGER fail_close BEFORE "
				      "INSERT ON event WHEN NEW.kind = 'closed' "
				      "BEGIN SELECT RAISE(ABORT, 'injected'); "
				      "END",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_not_equal(live_close(l, &f->err), CLERK_OK);
	assert_true(sqlite3_get_autocommit(db_handle(f->db)));
	assert_non_null(strstr(f->err.msg, "injected"));
	assert_false(l->closed);
	assert_true(l->running);
	assert_int_equal(l->current, 1);
	assert_int_equal(count_events(f, EVENT_ITEM_ENDED, NULL), 1);
	struct meeting m = {0};
	OK(meeting_get(f->db, f->meeting, &m, &f->err));
	assert_int_equal(m.status, MEETING_IN_PROGRESS);
	meeting_free(&m);
	assert_int_equal(sqlite3_exec(db_handle(f->db),
				      "DROP TRIGGER temp.fail_close", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	OK(live_close(l, &f->err));
	assert_true(l->closed);
	assert_int_equal(count_events(f, EVENT_ITEM_ENDED, NULL), 2);
	/* Model writes nest in an outer transaction and roll back with it. */
	assert_int_equal(db_begin(f->db, &f->err), CLERK_OK);
	assert_int_equal(event_append(f->db, f->meeting, EVENT_NOTE, NULL, NULL,
				      "kept", NULL, &f->err),
			 CLERK_OK);
	db_rollback(f->db);
	OK(live_reload(l, &f->err));
	assert_int_equal(count_events(f, EVENT_NOTE, "kept"), 0);
}

/* What the console shows after an action that reads only part of the file
 * again is what a context read whole from the file shows. */
static void assert_same_as_read_whole(struct fx *f)
{
	struct db *db2 = NULL;
	struct live *whole = NULL;
	OK(db_open(f->path, DB_EXISTING, &db2, &f->err));
	OK(live_open(db2, f->meeting, &whole, &f->err));
	struct live *l = f->l;
	assert_int_equal(l->texts.n, whole->texts.n);
	for (size_t i = 0; i < l->texts.n; i++) {
		assert_string_equal(l->texts.v[i].id, whole->texts.v[i].id);
		assert_string_equal(l->texts.v[i].body, whole->texts.v[i].body);
		assert_int_equal(l->texts.v[i].position,
				 whole->texts.v[i].position);
	}
	assert_int_equal(l->events.n, whole->events.n);
	for (size_t i = 0; i < l->events.n; i++)
		assert_string_equal(l->events.v[i].id, whole->events.v[i].id);
	assert_int_equal(l->current, whole->current);
	assert_int_equal(l->voting_in_room, whole->voting_in_room);
	assert_int_equal(l->quorate, whole->quorate);
	assert_int_equal(l->quorum_lost_logged, whole->quorum_lost_logged);
	assert_int_equal(l->sitting, whole->sitting);
	for (size_t i = 0; i < l->nitems; i++)
		assert_int_equal(l->items[i].elapsed, whole->items[i].elapsed);
	for (size_t i = 0; i < l->attendance.n; i++)
		assert_int_equal(l->presence[i].in_room,
				 whole->presence[i].in_room);
	live_free(&whole);
	db_close(&db2);
}

static void test_captures_read_incrementally(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	OK(live_text_add(l, SECTION_HEARD, "Referrals had risen.", NULL,
			 &f->err));
	assert_same_as_read_whole(f);
	/* Out of agenda and section order: each lands where a reader of the
	 * whole file puts it. */
	OK(live_text_add_item(l, 2, SECTION_COMMENTED, "Refuges.", NULL,
			      &f->err));
	OK(live_text_add_item(l, 2, SECTION_RECEIVED, "A report.", NULL,
			      &f->err));
	OK(live_text_add(l, SECTION_RECEIVED, "The Director's report.", NULL,
			 &f->err));
	OK(live_text_add_item(l, 1, SECTION_HEARD, "None.", NULL, &f->err));
	OK(live_text_add(l, SECTION_HEARD, "Waiting times were down.", NULL,
			 &f->err));
	assert_same_as_read_whole(f);
	assert_int_equal(l->texts.n, 6);
	assert_string_equal(l->texts.v[0].body, "The Director's report.");
	assert_string_equal(l->texts.v[5].body, "Refuges.");
	/* The quorum lost between captures, and the log read on. */
	clock_advance(2 * MIN);
	OK(live_att_departed(l, f->member[1], 0, &f->err));
	OK(live_att_departed(l, f->member[2], 0, &f->err));
	OK(live_att_departed(l, f->member[3], 0, &f->err));
	assert_false(l->quorate);
	assert_int_equal(count_events(f, EVENT_QUORUM_LOST, NULL), 1);
	clock_advance(MIN);
	OK(live_text_add(l, SECTION_HEARD, "The meeting was inquorate.", NULL,
			 &f->err));
	assert_same_as_read_whole(f);
	/* A failed capture leaves the context as the file is. */
	assert_int_equal(sqlite3_exec(db_handle(f->db),
				      "CREATE TEMP TRIGGER fail_text BEFORE "
				      "INSERT ON event WHEN NEW.kind = "
				      "'text recorded' BEGIN SELECT "
				      "RAISE(ABORT, 'injected'); END",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_not_equal(live_text_add(l, SECTION_HEARD, "Lost.", NULL,
					   &f->err),
			     CLERK_OK);
	assert_int_equal(l->texts.n, 7);
	assert_same_as_read_whole(f);
}

/* Another connection's writes are seen at the console's next action. */
static void test_other_connection_seen(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	struct db *db2 = NULL;
	OK(db_open(f->path, DB_EXISTING, &db2, &f->err));
	struct minute_text t = {.section = SECTION_HEARD,
				.body = xstrdup("Typed on the other laptop.")};
	memcpy(t.meeting_id, f->meeting, CLERK_UUID_LEN);
	memcpy(t.item_id, f->item[0], CLERK_UUID_LEN);
	OK(minute_text_create(db2, &t, &f->err));
	minute_text_free(&t);
	OK(event_append(db2, f->meeting, EVENT_NOTE, f->item[0], NULL,
			"from elsewhere", NULL, &f->err));
	/* The console's tick sees it, without an action of its own. */
	OK(live_refresh(l, &f->err));
	assert_int_equal(l->texts.n, 1);
	assert_int_equal(count_events(f, EVENT_NOTE, "from elsewhere"), 1);
	/* And a tick with nothing new written changes nothing. */
	OK(live_refresh(l, &f->err));
	assert_int_equal(l->texts.n, 1);
	assert_int_equal(count_events(f, EVENT_NOTE, "from elsewhere"), 1);
	db_close(&db2);
	OK(live_text_add(l, SECTION_HEARD, "Typed here.", NULL, &f->err));
	assert_int_equal(l->texts.n, 2);
	assert_string_equal(l->texts.v[0].body, "Typed on the other laptop.");
	assert_int_equal(count_events(f, EVENT_NOTE, "from elsewhere"), 1);
	assert_same_as_read_whole(f);
}

static off_t file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_size : -1;
}

/* No action waits for the WAL to be copied into the file: that is done
 * when the clerk is idle, and the copy then holds everything. */
static void test_checkpoint_when_idle(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	all_present_and_start(f);
	live_idle(l);
	off_t before = file_size(f->path);
	char *wal = xasprintf("%s-wal", f->path);
	for (int i = 0; i < 200; i++) {
		char text[64];
		snprintf(text, sizeof text, "Point %d heard by the Board.", i);
		OK(live_text_add(l, SECTION_HEARD, text, NULL, &f->err));
	}
	/* SQLite alone would have copied the WAL at 1,000 pages (4 MB). */
	assert_true(file_size(wal) > 1000 * 4096);
	assert_int_equal(file_size(f->path), before);
	live_idle(l);
	assert_true(file_size(f->path) > before);
	/* The file read without the WAL holds all 200 points. */
	char *uri = xasprintf("file:%s?immutable=1", f->path);
	sqlite3 *raw = NULL;
	assert_int_equal(sqlite3_open_v2(uri, &raw, SQLITE_OPEN_READONLY |
							    SQLITE_OPEN_URI,
					 NULL),
			 SQLITE_OK);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(raw, "SELECT count(*) FROM "
						 "minute_text",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 200);
	sqlite3_finalize(st);
	sqlite3_close(raw);
	free(uri);
	free(wal);
}

/* The recording connection keeps statement journals in memory: a minute
 * point written through the search triggers no longer creates, writes and
 * unlinks a file in /var/tmp inside the commit (a third of its time). */
static void test_temporaries_in_memory(void **state)
{
	struct fx *f = *state;
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(f->db),
					    "PRAGMA temp_store", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2); /* MEMORY */
	sqlite3_finalize(st);
}

/* When idle, the recording connection gives the WAL file room for the
 * coming commits (zeros), so that a commit overwrites blocks rather than
 * growing the file; what is recorded before and after reads back whole,
 * from another connection and after a reopen. */
static void test_wal_room(void **state)
{
	struct fx *f = *state;
	all_present_and_start(f);
	OK(live_text_add(f->l, SECTION_HEARD, "Before the room.", NULL, &f->err));
	live_idle(f->l);
	char *wal = xasprintf("%s-wal", f->path);
	struct stat sb;
	assert_int_equal(stat(wal, &sb), 0);
	assert_true(sb.st_size >= 1000 * (24 + 4096)); /* room for 1,000 frames */
	for (int i = 0; i < 300; i++) {
		char text[64];
		snprintf(text, sizeof text, "Point %d.", i);
		OK(live_text_add(f->l, SECTION_HEARD, text, NULL, &f->err));
		if (i % 50 == 0)
			live_idle(f->l);
	}
	sqlite3 *other = NULL;
	sqlite3_stmt *st = NULL;
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(sqlite3_open_v2(f->path, &other,
						 SQLITE_OPEN_READONLY, NULL),
				 SQLITE_OK);
		assert_int_equal(
			sqlite3_prepare_v2(other,
					   "SELECT count(*), "
					   "(SELECT integrity_check FROM "
					   "pragma_integrity_check) "
					   "FROM minute_text WHERE section = 'heard'",
					   -1, &st, NULL),
			SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 301);
		assert_string_equal((const char *)sqlite3_column_text(st, 1),
				    "ok");
		sqlite3_finalize(st);
		sqlite3_close(other);
		/* Second pass: after the recording connection closed. */
		live_free(&f->l);
		db_close(&f->db);
	}
	free(wal);
}

static int query_int(struct fx *f, const char *sql)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(f->db), sql, -1, &st,
					    NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* FTS5's own check that both search indexes match their documents. */
static void assert_search_index_whole(struct fx *f)
{
	char *err = NULL;
	assert_int_equal(sqlite3_exec(db_handle(f->db),
				      "INSERT INTO search_fts(search_fts, rank) "
				      "VALUES ('integrity-check', 1);"
				      "INSERT INTO search_words(search_words, "
				      "rank) VALUES ('integrity-check', 1);",
				      NULL, NULL, &err),
			 SQLITE_OK);
	sqlite3_free(err);
}

/* The segments of the search index (one is written at each commit). */
static int fts_segments(struct fx *f)
{
	return query_int(f, "SELECT count(DISTINCT segid) FROM search_fts_idx")
	       + query_int(f, "SELECT count(DISTINCT segid) FROM "
			      "search_words_idx");
}

/* A minute point's commit writes nothing to the search index (schema
 * step 14: it is noted, and indexed when the clerk is idle) and merges
 * none (step 13): the merging is done when the clerk is idle too, and
 * every point is still found, the index whole. */
static void test_search_merged_when_idle(void **state)
{
	struct fx *f = *state;
	all_present_and_start(f);
	assert_int_equal(query_int(f, "SELECT v FROM search_fts_config "
				      "WHERE k = 'automerge'"),
			 0);
	assert_int_equal(query_int(f, "SELECT v FROM search_words_config "
				      "WHERE k = 'automerge'"),
			 0);
	live_idle(f->l);
	int before = fts_segments(f);
	/* Twelve points with no idle moment between them: noted, none
	 * indexed, no segment written inside a commit. */
	for (int i = 0; i < 12; i++) {
		char text[64];
		snprintf(text, sizeof text, "Quagga%d heard by the Board.", i);
		OK(live_text_add(f->l, SECTION_HEARD, text, NULL, &f->err));
	}
	assert_int_equal(fts_segments(f), before);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_pending"),
			 12);
	/* The idle moment indexes them, one segment in each index. */
	live_idle(f->l);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_pending"),
			 0);
	assert_true(fts_segments(f) <= before + 2);
	/* Segments written by other writers' commits (each its own) pile
	 * up; idle moments merge them. */
	for (int i = 0; i < 12; i++) {
		char sql[96];
		snprintf(sql, sizeof sql,
			 "UPDATE search_doc SET body = body || ' okapi%d' "
			 "WHERE id = (SELECT max(id) FROM search_doc)", i);
		assert_int_equal(sqlite3_exec(db_handle(f->db), sql, NULL, NULL,
					      NULL),
				 SQLITE_OK);
	}
	int piled = fts_segments(f);
	assert_true(piled >= before + 24);
	for (int i = 0; i < 4; i++)
		live_idle(f->l);
	assert_true(fts_segments(f) <= piled - 20);
	/* A long meeting with the console idle between points: the index
	 * stays a few segments, and finds every point. */
	for (int i = 12; i < 200; i++) {
		char text[64];
		snprintf(text, sizeof text, "Quagga%d heard by the Board.", i);
		OK(live_text_add(f->l, SECTION_HEARD, text, NULL, &f->err));
		live_idle(f->l);
	}
	assert_true(fts_segments(f) <= 16);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_fts WHERE "
				      "search_fts MATCH 'quagga199'"),
			 1);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_fts WHERE "
				      "search_fts MATCH 'quagga0'"),
			 1);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_doc WHERE "
				      "body LIKE 'Quagga%'"),
			 200);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_pending"),
			 0);
	assert_search_index_whole(f);
}

static int search_count(struct db *db, const char *text, const char *kind)
{
	struct lookup_search_opts o = {.text = text, .limit = 50};
	struct lookup_hit_list hits = {0};
	struct clerk_err err = {0};
	assert_int_equal(lookup_search(db, &o, &hits, &err), CLERK_OK);
	int n = 0;
	for (size_t i = 0; i < hits.n; i++)
		n += !kind || !strcmp(hits.v[i].kind, kind);
	lookup_hit_list_free(&hits);
	return n;
}

/* What the console captures is indexed for search when it is idle
 * (schema step 14), not in the keystroke's commit, which writes the
 * record, its audit and a note of it; yet a capture of a moment ago is
 * found at once, by a search from another process (a read-only look-up)
 * and by the console's own, as it now reads, in the order captured. */
static void test_capture_searchable_before_idle(void **state)
{
	struct fx *f = *state;
	all_present_and_start(f);
	live_idle(f->l);
	clerk_id p1, p2, p3;
	struct resolution r = {0};
	OK(live_text_add(f->l, SECTION_HEARD, "The zebra crossing was heard.",
			 &p1, &f->err));
	OK(live_resolve(f->l, "", "That the zebra crossing report be noted.",
			&r, &f->err));
	OK(live_text_add(f->l, SECTION_HEARD, "A second zebra point.", &p2,
			 &f->err));
	OK(live_text_add(f->l, SECTION_HEARD, "A wildebeest point, withdrawn.",
			 &p3, &f->err));
	/* Noted with the record and its audit, not yet in the index. */
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_pending"),
			 4);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_doc WHERE "
				      "body LIKE '%zebra%'"),
			 0);
	assert_int_equal(query_int(f, "SELECT count(*) FROM audit WHERE "
				      "tbl IN ('minute_text', 'resolution') "
				      "AND op = 'insert' AND new LIKE "
				      "'%zebra%'"),
			 3);
	/* Changed before it was indexed: indexed as it now reads. */
	OK(live_text_edit(f->l, p2, "A second zebra point, and an okapi.",
			  &f->err));
	OK(live_text_delete(f->l, p3, &f->err));
	/* Another process's search, on a read-only connection. */
	struct db *other = NULL;
	assert_int_equal(db_open(f->path, DB_READONLY, &other, &f->err),
			 CLERK_OK);
	assert_int_equal(search_count(other, "zebra", "minute"), 2);
	assert_int_equal(search_count(other, "zebra", "resolution"), 1);
	assert_int_equal(search_count(other, "okapi", NULL), 1);
	assert_int_equal(search_count(other, "wildebeest", NULL), 0);
	db_close(&other);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_pending"),
			 0);
	/* In the order captured (the order the minutes fall back on). */
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(f->db),
					    "SELECT src_id FROM search_doc "
					    "WHERE src IN ('minute', "
					    "'resolution') ORDER BY id DESC "
					    "LIMIT 3",
					    -1, &st, NULL),
			 SQLITE_OK);
	const char *want[] = {p2, r.id, p1};
	for (int i = 0; i < 3; i++) {
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0),
				    want[i]);
	}
	sqlite3_finalize(st);
	resolution_free(&r);
	/* The console's own search, before its idle moment. */
	OK(live_text_add(f->l, SECTION_HEARD, "A giraffe point.", NULL,
			 &f->err));
	assert_int_equal(search_count(f->db, "giraffe", NULL), 1);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_pending"),
			 0);
	assert_search_index_whole(f);
}

/* A console killed before its idle moment leaves its captures noted: the
 * next console's first idle moment indexes them (a search would too, as
 * above).  The console here is left without an idle moment and its
 * connection open: the file is as a kill leaves it. */
static void test_capture_indexed_after_kill(void **state)
{
	struct fx *f = *state;
	all_present_and_start(f);
	live_idle(f->l);
	OK(live_text_add(f->l, SECTION_HEARD, "An aardvark point.", NULL,
			 &f->err));
	live_free(&f->l);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_pending"),
			 1);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_doc WHERE "
				      "body LIKE '%aardvark%'"),
			 0);
	struct db *next = NULL;
	struct live *l = NULL;
	assert_int_equal(db_open(f->path, DB_EXISTING, &next, &f->err),
			 CLERK_OK);
	assert_int_equal(live_open(next, f->meeting, &l, &f->err), CLERK_OK);
	live_idle(l);
	live_free(&l);
	db_close(&next);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_pending"),
			 0);
	assert_int_equal(query_int(f, "SELECT count(*) FROM search_fts WHERE "
				      "search_fts MATCH 'aardvark'"),
			 1);
}

/* What else a point's commit no longer writes: the log's index of
 * people (schema step 15) holds only the events that name someone, and
 * still serves a person's events; the ids are random (version 4) UUIDs. */
static void test_point_writes_less(void **state)
{
	struct fx *f = *state;
	all_present_and_start(f);
	clerk_id p;
	OK(live_text_add(f->l, SECTION_HEARD, "A point.", &p, &f->err));
	assert_int_equal(query_int(f, "SELECT count(*) FROM "
				      "pragma_index_list('event') WHERE "
				      "name = 'event_person' AND partial = 1"),
			 1);
	/* Every event naming someone is in it (the attendance marked). */
	assert_true(query_int(f, "SELECT count(*) FROM event WHERE "
				 "person_id IS NOT NULL") >= 5);
	assert_int_equal(query_int(f, "SELECT count(*) FROM event INDEXED BY "
				      "event_person WHERE person_id IS NOT "
				      "NULL"),
			 query_int(f, "SELECT count(*) FROM event WHERE "
				      "person_id IS NOT NULL"));
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(f->db),
					    "EXPLAIN QUERY PLAN SELECT id FROM "
					    "event WHERE person_id = ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_non_null(strstr((const char *)sqlite3_column_text(st, 3),
			       "event_person"));
	sqlite3_finalize(st);
	assert_true(db_is_uuid(p));
	assert_int_equal(p[14], '4');
	assert_non_null(strchr("89ab", p[19]));
}

/* The WAL's salts, which change each time the WAL starts again from its
 * beginning (a commit that does so syncs the WAL's header first: two
 * fdatasyncs). */
static void wal_salts(const char *wal, unsigned char out[8])
{
	FILE *fp = fopen(wal, "rb");
	assert_non_null(fp);
	unsigned char hdr[32];
	assert_int_equal(fread(hdr, 1, sizeof hdr, fp), sizeof hdr);
	fclose(fp);
	memcpy(out, hdr + 16, 8);
}

/* After the idle moment that copied the WAL into the file, the WAL is
 * started again then, not by the clerk's next minute point. */
static void test_wal_restarted_when_idle(void **state)
{
	struct fx *f = *state;
	all_present_and_start(f);
	char *wal = xasprintf("%s-wal", f->path);
	unsigned char salts[8], again[8];
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 200; i++) {
			char text[64];
			snprintf(text, sizeof text, "Point %d.", i);
			OK(live_text_add(f->l, SECTION_HEARD, text, NULL,
					 &f->err));
		}
		wal_salts(wal, salts);
		live_idle(f->l); /* past 1,000 pages: checkpointed */
		wal_salts(wal, again);
		assert_memory_not_equal(salts, again, 8); /* restarted */
		OK(live_text_add(f->l, SECTION_HEARD, "Next.", NULL, &f->err));
		wal_salts(wal, salts);
		assert_memory_equal(salts, again, 8);
	}
	assert_int_equal(query_int(f, "SELECT count(*) FROM minute_text "
				      "WHERE section = 'heard'"),
			 402);
	free(wal);
}

static void test_open_refused(void **state)
{
	struct fx *f = *state;
	struct meeting m = {.starts_at = START + 86400, .public_present = -1};
	memcpy(m.body_id, f->body, CLERK_UUID_LEN);
	OK(meeting_create(f->db, &m, &f->err));
	OK(meeting_set_status(f->db, m.id, MEETING_CANCELLED, &f->err));
	struct live *other = NULL;
	REFUSED(live_open(f->db, m.id, &other, &f->err), CLERK_INVALID);
	assert_null(other);
	assert_non_null(strstr(f->err.msg, "cancelled"));
	REFUSED(live_open(f->db, "no-such-meeting", &other, &f->err),
		CLERK_NOT_FOUND);
	meeting_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_timings_overrun_projection,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_out_of_order, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_adjourn_resume, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_substitutes, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_substitutes_refused,
						fx_setup_nosubs, fx_teardown),
		cmocka_unit_test_setup_teardown(test_late_arrival_departure,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_quorum, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_pecuniary, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_pecuniary_later_item,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_amendment_first, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_recorded_tie_casting,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_exclusion_principal,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_exclusion_parish,
						fx_setup_parish, fx_teardown),
		cmocka_unit_test_setup_teardown(test_minute_text, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_urgent, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_reopen, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_open_refused, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_action_all_or_nothing,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_captures_read_incrementally,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_other_connection_seen,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_checkpoint_when_idle,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_temporaries_in_memory,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_wal_room, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_search_merged_when_idle,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_wal_restarted_when_idle,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(
			test_capture_searchable_before_idle, fx_setup,
			fx_teardown),
		cmocka_unit_test_setup_teardown(test_capture_indexed_after_kill,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_point_writes_less,
						fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
