/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Model tests, part three: what is derived from the record — who is in the
 * room and whether the meeting is quorate at a given moment, replayed from
 * the log, and members' attendance over a period.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

#define T0 1507194000 /* 2017-10-05 10:00 BST */

static void attend(struct fixture *f, const char *mt, const char *person,
		   const char *seat, enum attendance_status st,
		   const char *sub_for)
{
	struct clerk_err err;
	struct attendance a = {.status = st};
	memcpy(a.meeting_id, mt, sizeof a.meeting_id);
	memcpy(a.person_id, person, sizeof a.person_id);
	if (seat)
		memcpy(a.seat_id, seat, sizeof a.seat_id);
	if (sub_for)
		memcpy(a.substitute_for, sub_for, sizeof a.substitute_for);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_OK);
}

static void log_at(struct fixture *f, const char *mt, int minute,
		   enum event_kind kind, const char *item, const char *person,
		   const char *detail)
{
	struct clerk_err err;
	clock_set(T0 + minute * 60);
	assert_int_equal(event_append(f->db, mt, kind, item, person, detail, NULL,
				      &err),
			 CLERK_OK);
}

static void declare(struct fixture *f, const char *mt, const char *item,
		    const char *person)
{
	struct clerk_err err;
	struct declaration d = {.kind = INTEREST_PECUNIARY, .left_room = true,
				.what = xstrdup("a care home")};
	memcpy(d.meeting_id, mt, sizeof d.meeting_id);
	memcpy(d.item_id, item, sizeof d.item_id);
	memcpy(d.person_id, person, sizeof d.person_id);
	assert_int_equal(declaration_create(f->db, &d, &err), CLERK_OK);
	declaration_free(&d);
}

struct room {
	struct fixture *f;
	clerk_id mt, items[3];
	clerk_id a, b, c, d, e, fl, n, o; /* see build_room */
};

/* Seven voting seats (A B C D F and two whose members stay away), one
 * non-voting (N); quorum a third of the seats, rounded up: 3.  E stands
 * in for D; O is an observer; F arrives late. */
static void build_room(struct fixture *f, struct room *r)
{
	struct clerk_err err;
	clerk_id seat[8], x, y;
	const char *names[] = {"Ann A", "Ben B", "Cat C", "Dan D", "Fay F",
			       "Xav X", "Yan Y", "Ned N"};
	char *ids[] = {r->a, r->b, r->c, r->d, r->fl, x, y, r->n};
	r->f = f;
	f->body.quorum_num = 1;
	f->body.quorum_den = 3;
	assert_int_equal(body_update(f->db, &f->body, &err), CLERK_OK);
	for (int i = 0; i < 8; i++) {
		fixture_person(f, names[i], ids[i]);
		fixture_seat(f, names[i], i < 7, ids[i], "2017-05-01", seat[i]);
	}
	fixture_person(f, "Eve E", r->e);
	fixture_person(f, "Olly O", r->o);
	fixture_meeting(f, 2017, 10, 5, 10, r->mt);
	for (int i = 0; i < 3; i++)
		fixture_item(f, r->mt, "Item", r->items[i]);
	for (int i = 0; i < 3; i++)
		attend(f, r->mt, ids[i], seat[i], ATT_PRESENT, NULL);
	attend(f, r->mt, r->d, seat[3], ATT_APOLOGY, NULL);
	attend(f, r->mt, r->e, seat[3], ATT_SUBSTITUTE, r->d);
	attend(f, r->mt, r->fl, seat[4], ATT_PRESENT, NULL);
	attend(f, r->mt, r->n, seat[7], ATT_PRESENT, NULL);
	attend(f, r->mt, r->o, NULL, ATT_IN_ATTENDANCE, NULL);
	declare(f, r->mt, r->items[1], r->a);
	declare(f, r->mt, r->items[1], r->b);
}

static void play_log(struct room *r)
{
	struct fixture *f = r->f;
	log_at(f, r->mt, 0, EVENT_OPENED, NULL, NULL, "");
	log_at(f, r->mt, 5, EVENT_ITEM_STARTED, r->items[0], NULL, "");
	log_at(f, r->mt, 10, EVENT_ITEM_ENDED, r->items[0], NULL, "");
	log_at(f, r->mt, 10, EVENT_ITEM_STARTED, r->items[1], NULL, "");
	log_at(f, r->mt, 12, EVENT_LEFT, r->items[1], r->c, "out");
	log_at(f, r->mt, 15, EVENT_RETURNED, r->items[1], r->c, "");
	log_at(f, r->mt, 20, EVENT_ARRIVED, r->items[1], r->fl, "");
	log_at(f, r->mt, 25, EVENT_ITEM_ENDED, r->items[1], NULL, "");
	log_at(f, r->mt, 25, EVENT_ITEM_STARTED, r->items[2], NULL, "");
	declare(f, r->mt, r->items[2], r->c);
	log_at(f, r->mt, 27, EVENT_DECLARED, r->items[2], r->c, "");
	log_at(f, r->mt, 30, EVENT_PUBLIC_EXCLUDED, NULL, NULL, "");
	log_at(f, r->mt, 35, EVENT_LEFT, r->items[2], r->a, "departed");
	log_at(f, r->mt, 40, EVENT_ITEM_ENDED, r->items[2], NULL, "");
}

static bool listed(const struct attendance_list *l, const char *person)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].person_id, person) == 0)
			return true;
	return false;
}

/* The room at minute `minute`: voting members in it, and whether it is
 * quorate. */
static void check_room(struct room *r, int minute, int voting, bool quorate,
		       struct room_state *rs)
{
	struct clerk_err err;
	assert_int_equal(room_state_at(r->f->db, r->mt,
				       minute < 0 ? 0 : T0 + minute * 60 + 30, rs,
				       &err),
			 CLERK_OK);
	assert_int_equal(rs->seats, 7);
	assert_int_equal(rs->quorum, 3);
	assert_int_equal(rs->voting_in_room, voting);
	assert_int_equal(rs->quorate, quorate);
}

static void test_room_state_quorum(void **state)
{
	struct room r;
	struct room_state rs;
	build_room(*state, &r);
	play_log(&r);
	check_room(&r, 6, 4, true, &rs); /* A B C and E for D; F not yet */
	assert_string_equal(rs.current_item, r.items[0]);
	assert_true(listed(&rs.in_room, r.n) && listed(&rs.in_room, r.o));
	assert_false(listed(&rs.in_room, r.fl) || listed(&rs.in_room, r.d));
	assert_int_equal(rs.in_room.n, 6);
	room_state_free(&rs);
	check_room(&r, 11, 2, false, &rs); /* A and B out for an interest */
	assert_string_equal(rs.current_item, r.items[1]);
	assert_int_equal(rs.out_of_room.n, 2);
	assert_true(listed(&rs.out_of_room, r.a) && listed(&rs.out_of_room, r.b));
	room_state_free(&rs);
	check_room(&r, 13, 1, false, &rs); /* C stepped out too */
	assert_true(listed(&rs.out_of_room, r.c));
	room_state_free(&rs);
	check_room(&r, 21, 3, true, &rs); /* C back, F arrived */
	assert_true(listed(&rs.in_room, r.fl));
	room_state_free(&rs);
	check_room(&r, 26, 5, true, &rs); /* the item ended: A and B back */
	assert_false(rs.public_excluded);
	room_state_free(&rs);
	check_room(&r, 28, 4, true, &rs); /* C declared during item 3 */
	assert_true(listed(&rs.out_of_room, r.c));
	room_state_free(&rs);
	check_room(&r, 31, 4, true, &rs);
	assert_true(rs.public_excluded);
	room_state_free(&rs);
	check_room(&r, -1, 4, true, &rs); /* now: A departed, C back */
	assert_false(listed(&rs.in_room, r.a) || listed(&rs.out_of_room, r.a));
	assert_string_equal(rs.current_item, "");
	room_state_free(&rs);
}

static void test_room_state_fixed_quorum(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	struct room r;
	struct room_state rs;
	build_room(f, &r);
	f->body.quorum_kind = QUORUM_FIXED;
	f->body.quorum_fixed = 5;
	assert_int_equal(body_update(f->db, &f->body, &err), CLERK_OK);
	assert_int_equal(room_state_at(f->db, r.mt, 0, &rs, &err), CLERK_OK);
	assert_int_equal(rs.quorum, 5);
	assert_int_equal(rs.voting_in_room, 5); /* A B C E F; N does not vote */
	assert_true(rs.quorate);
	room_state_free(&rs);
	assert_int_equal(room_state_at(f->db, "no-such", 0, &rs, &err),
			 CLERK_NOT_FOUND);
}

static const struct attendance_summary *
summary_of(const struct attendance_summary_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].person.name, name) == 0)
			return &l->v[i];
	fail_msg("%s is not in the summary", name);
	return NULL;
}

static void test_attendance_summary(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id ann, bob, sue, s1, s2, june, aug, sept, oct, dec;
	fixture_person(f, "Ann Member", ann);
	fixture_person(f, "Bob Later", bob);
	fixture_person(f, "Sue Substitute", sue);
	fixture_seat(f, "One", true, ann, "2017-05-01", s1);
	fixture_seat(f, "Two", true, bob, "2017-09-01", s2);
	fixture_meeting(f, 2017, 6, 29, 10, june);
	fixture_meeting(f, 2017, 8, 10, 10, aug);
	fixture_meeting(f, 2017, 9, 14, 10, sept);
	fixture_meeting(f, 2017, 10, 5, 10, oct);
	fixture_meeting(f, 2017, 12, 7, 10, dec); /* not yet held */
	assert_int_equal(meeting_set_status(f->db, aug, MEETING_CANCELLED, &err),
			 CLERK_OK);
	attend(f, june, ann, s1, ATT_PRESENT, NULL);
	attend(f, sept, ann, s1, ATT_APOLOGY, NULL);
	attend(f, sept, sue, s1, ATT_SUBSTITUTE, ann);
	attend(f, oct, ann, s1, ATT_PRESENT, NULL);
	attend(f, oct, bob, s2, ATT_PRESENT, NULL);
	attend(f, dec, bob, s2, ATT_PRESENT, NULL);
	struct attendance_summary_list l;
	assert_int_equal(attendance_summary(f->db, f->body.id, NULL, NULL, NULL,
					    &l, &err),
			 CLERK_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].person.name, "Ann Member"); /* by name */
	const struct attendance_summary *s = summary_of(&l, "Ann Member");
	assert_int_equal(s->expected, 3);
	assert_int_equal(s->present, 2);
	assert_int_equal(s->apologies, 1);
	assert_int_equal(s->absent, 0);
	assert_int_equal(s->substitute_sent, 1);
	assert_int_equal(s->as_substitute, 0);
	assert_int_equal(s->last_attended, T0);
	s = summary_of(&l, "Bob Later");
	assert_int_equal(s->expected, 2);
	assert_int_equal(s->present, 1);
	assert_int_equal(s->absent, 1);
	s = summary_of(&l, "Sue Substitute");
	assert_int_equal(s->expected, 0);
	assert_int_equal(s->as_substitute, 1);
	assert_int_equal(s->last_attended,
			 time_from_local("Europe/London", 2017, 9, 14, 10, 0));
	attendance_summary_list_free(&l);
	assert_int_equal(attendance_summary(f->db, f->body.id, ann, "2017-07-01",
					    "2017-09-30", &l, &err),
			 CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].expected, 1);
	assert_int_equal(l.v[0].apologies, 1);
	assert_int_equal(l.v[0].last_attended, 0);
	attendance_summary_list_free(&l);
	assert_int_equal(attendance_summary(f->db, NULL, bob, "2017-01-01",
					    "2017-06-30", &l, &err),
			 CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].person.name, "Bob Later");
	assert_int_equal(l.v[0].expected, 0);
	attendance_summary_list_free(&l);
	assert_int_equal(attendance_summary(f->db, NULL, NULL, "2017-1-1", NULL,
					    &l, &err),
			 CLERK_INVALID);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(test_room_state_quorum),
		T(test_room_state_fixed_quorum),
		T(test_attendance_summary),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
