/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Model tests: review puts right what the room missed (clerk/review.h),
 * under the room's rules, each refusal a sentence naming the rule and
 * nothing changed by it; confirmed minutes refuse it all.
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

#include <cmocka.h>

#include "clerk/model_scale.h"
#include "clerk/review.h"
#include "fixture.h"

/* A meeting of 29 June 2017 with two items: three members present on
 * voting seats (Ann, Bob, Cat), Dan's seat with Sid nominated as his
 * substitute and Dan not recorded, Eve holding a non-voting seat and
 * present, and Olly an officer in attendance. */
struct meet {
	clerk_id mt, next, budget, other;
	clerk_id ann, bob, cat, dan, sid, eve, olly, zed;
	clerk_id dan_seat;
};

static void present(struct fixture *f, const char *mt, const char *pid,
		    enum attendance_status st)
{
	struct clerk_err err;
	struct attendance a = {.status = st};
	memcpy(a.meeting_id, mt, sizeof a.meeting_id);
	memcpy(a.person_id, pid, sizeof a.person_id);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_OK);
}

static void setup_meeting(struct fixture *f, struct meet *m)
{
	struct clerk_err err;
	clerk_id seat;
	fixture_person(f, "Ann Able", m->ann);
	fixture_person(f, "Bob Bold", m->bob);
	fixture_person(f, "Cat Clear", m->cat);
	fixture_person(f, "Dan Distant", m->dan);
	fixture_person(f, "Sid Standin", m->sid);
	fixture_person(f, "Eve Observer", m->eve);
	fixture_person(f, "Olly Officer", m->olly);
	fixture_person(f, "Zed Zero", m->zed);
	fixture_seat(f, "A", true, m->ann, "2017-01-01", seat);
	fixture_seat(f, "B", true, m->bob, "2017-01-01", seat);
	fixture_seat(f, "C", true, m->cat, "2017-01-01", seat);
	fixture_seat(f, "D", true, m->dan, "2017-01-01", m->dan_seat);
	assert_int_equal(substitute_add(f->db, m->dan_seat, m->sid, "", 
					"2017-01-01", NULL, &err),
			 CLERK_OK);
	fixture_seat(f, "E", false, m->eve, "2017-01-01", seat);
	fixture_meeting(f, 2017, 6, 29, 10, m->mt);
	fixture_meeting(f, 2017, 10, 5, 10, m->next);
	fixture_item(f, m->mt, "Budget", m->budget);
	fixture_item(f, m->mt, "Other business", m->other);
	present(f, m->mt, m->ann, ATT_PRESENT);
	present(f, m->mt, m->bob, ATT_PRESENT);
	present(f, m->mt, m->cat, ATT_PRESENT);
	present(f, m->mt, m->eve, ATT_PRESENT);
	present(f, m->mt, m->olly, ATT_IN_ATTENDANCE);
}

static int count(struct fixture *f, const char *sql)
{
	sqlite3_stmt *st = NULL;
	struct clerk_err err;
	st = db_stmt(f->db, sql, &err);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	db_done(st);
	return n;
}

static void decl(struct declaration *d, const struct meet *m, const char *pid,
		 enum interest_kind kind, const char *what)
{
	memset(d, 0, sizeof *d);
	memcpy(d->meeting_id, m->mt, sizeof d->meeting_id);
	memcpy(d->item_id, m->budget, sizeof d->item_id);
	memcpy(d->person_id, pid, sizeof d->person_id);
	d->kind = kind;
	static char buf[256];
	snprintf(buf, sizeof buf, "%s", what);
	d->what = buf;
}

static void test_declarations(void **state)
{
	struct fixture *f = *state;
	struct meet m;
	setup_meeting(f, &m);
	struct clerk_err err;
	struct declaration d;
	decl(&d, &m, m.dan, INTEREST_NON_REGISTRABLE, "a governor");
	assert_int_equal(review_declare(f->db, &d, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "Dan Distant was not recorded present"));
	decl(&d, &m, m.ann, INTEREST_NON_REGISTRABLE, "");
	assert_int_equal(review_declare(f->db, &d, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "Say what the interest is"));
	decl(&d, &m, m.ann, INTEREST_NON_REGISTRABLE, "a governor");
	memcpy(d.item_id, m.next, sizeof d.item_id); /* not an item */
	assert_int_equal(review_declare(f->db, &d, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "item of this meeting"));
	assert_int_equal(count(f, "SELECT count(*) FROM declaration"), 0);
	/* A pecuniary interest without dispensation: out of the room. */
	decl(&d, &m, m.ann, INTEREST_PECUNIARY, "owns the site");
	assert_int_equal(review_declare(f->db, &d, &err), CLERK_OK);
	assert_true(d.left_room);
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE tbl = "
				  "'declaration' AND op = 'insert'"),
			 1);
	/* ...so she was not entitled to vote on the budget. */
	char why[512];
	assert_false(review_entitled(f->db, m.mt, m.budget, m.ann, why,
				     sizeof why));
	assert_non_null(strstr(why, "Ann Able had a pecuniary interest"));
	assert_true(review_entitled(f->db, m.mt, m.other, m.ann, NULL, 0));
	assert_false(review_entitled(f->db, m.mt, m.other, m.eve, why,
				     sizeof why));
	assert_non_null(strstr(why, "did not hold a voting seat"));
	assert_int_equal(review_entitled_count(f->db, m.mt, m.budget), 2);
	assert_int_equal(review_entitled_count(f->db, m.mt, m.other), 3);
}

static void test_texts(void **state)
{
	struct fixture *f = *state;
	struct meet m;
	setup_meeting(f, &m);
	struct clerk_err err;
	char empty[] = "", floods[] = "The meeting heard of the floods.";
	struct minute_text t = {.section = SECTION_HEARD, .body = empty};
	memcpy(t.meeting_id, m.mt, sizeof t.meeting_id);
	memcpy(t.item_id, m.other, sizeof t.item_id);
	assert_int_equal(review_add_text(f->db, &t, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "empty"));
	t.body = floods;
	t.section = SECTION_EXEMPT;
	assert_int_equal(review_add_text(f->db, &t, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "exempt item only"));
	t.section = SECTION_HEARD;
	assert_int_equal(review_add_text(f->db, &t, &err), CLERK_OK);
	struct minute_text_list l;
	assert_int_equal(minute_text_list(f->db, m.mt, m.other, &l, &err),
			 CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].body, "The meeting heard of the floods.");
	minute_text_list_free(&l);
	/* Confirmed: review adds nothing more. */
	assert_int_equal(meeting_confirm(f->db, m.mt, m.next, "", m.ann, &err),
			 CLERK_OK);
	memset(t.id, 0, sizeof t.id);
	assert_int_equal(review_add_text(f->db, &t, &err), CLERK_LOCKED);
	struct declaration d;
	decl(&d, &m, m.bob, INTEREST_NON_REGISTRABLE, "a governor");
	assert_int_equal(review_declare(f->db, &d, &err), CLERK_LOCKED);
	char notice[256];
	assert_int_equal(review_substitute(f->db, m.mt, m.dan, m.sid, notice,
					   sizeof notice, &err),
			 CLERK_LOCKED);
}

static void test_substitutes(void **state)
{
	struct fixture *f = *state;
	struct meet m;
	setup_meeting(f, &m);
	struct clerk_err err;
	char notice[256];
	int before = count(f, "SELECT count(*) FROM attendance");
	/* A seat counts once: Ann is present. */
	assert_int_equal(review_substitute(f->db, m.mt, m.ann, m.sid, notice,
					   sizeof notice, &err),
			 CLERK_CONFLICT);
	assert_non_null(strstr(err.msg, "a seat counts once"));
	/* Only a member is substituted; a member cannot substitute. */
	assert_int_equal(review_substitute(f->db, m.mt, m.olly, m.sid, notice,
					   sizeof notice, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "only a member can be substituted"));
	assert_int_equal(review_substitute(f->db, m.mt, m.dan, m.bob, notice,
					   sizeof notice, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "in their own right"));
	assert_int_equal(count(f, "SELECT count(*) FROM attendance"), before);
	/* A body that allows none. */
	f->body.substitutes_allowed = false;
	assert_int_equal(body_update(f->db, &f->body, &err), CLERK_OK);
	assert_int_equal(review_substitute(f->db, m.mt, m.dan, m.sid, notice,
					   sizeof notice, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "allows no substitutes"));
	f->body.substitutes_allowed = true;
	assert_int_equal(body_update(f->db, &f->body, &err), CLERK_OK);
	/* Zed, not nominated: recorded, with a warning; withdrawn. */
	assert_int_equal(review_substitute(f->db, m.mt, m.dan, m.zed, notice,
					   sizeof notice, &err),
			 CLERK_OK);
	assert_non_null(strstr(notice, "Zed Zero is not a nominated substitute "
				       "for Dan Distant"));
	assert_int_equal(review_substitute(f->db, m.mt, m.dan, m.sid, notice,
					   sizeof notice, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "Zed Zero is already recorded as "
					"substituting for Dan Distant"));
	assert_int_equal(review_substitute_remove(f->db, m.mt, m.zed, &err),
			 CLERK_OK);
	assert_int_equal(review_substitute_remove(f->db, m.mt, m.zed, &err),
			 CLERK_NOT_FOUND);
	/* Sid, nominated: no warning; Dan's apology says so. */
	assert_int_equal(review_substitute(f->db, m.mt, m.dan, m.sid, notice,
					   sizeof notice, &err),
			 CLERK_OK);
	assert_string_equal(notice, "");
	assert_int_equal(count(f, "SELECT count(*) FROM attendance WHERE status "
				  "= 'apology' AND substitute_note = 'Sid "
				  "Standin attended as substitute'"),
			 1);
	assert_true(review_entitled(f->db, m.mt, m.budget, m.sid, NULL, 0));
	assert_int_equal(review_entitled_count(f->db, m.mt, m.budget), 4);
}

static void test_proposers_and_votes(void **state)
{
	struct fixture *f = *state;
	struct meet m;
	setup_meeting(f, &m);
	struct clerk_err err;
	char words[] = "That the budget be agreed.";
	struct resolution r = {.kind = RES_MOTION,
			       .body = words,
			       .outcome = OUTCOME_CARRIED};
	memcpy(r.meeting_id, m.mt, sizeof r.meeting_id);
	memcpy(r.item_id, m.budget, sizeof r.item_id);
	assert_int_equal(resolution_create(f->db, &r, &err), CLERK_OK);
	assert_int_equal(review_proposers(f->db, m.mt, r.id, m.olly, "", &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "Olly Officer was not recorded present "
					"as a member or substitute: they cannot "
					"have moved the motion"));
	assert_int_equal(review_proposers(f->db, m.mt, r.id, m.eve, "", &err),
			 CLERK_INVALID);
	assert_int_equal(review_proposers(f->db, m.mt, r.id, m.ann, m.ann, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "different member"));
	assert_int_equal(review_proposers(f->db, m.mt, r.id, m.ann, m.bob, &err),
			 CLERK_OK);
	/* Three members entitled: four votes are too many. */
	assert_int_equal(review_votes(f->db, m.mt, r.id, 3, 1, 0, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "4 votes counted but only 3 members "
					"were present and entitled"));
	assert_int_equal(review_votes(f->db, m.mt, r.id, 1, 1, 0, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "casting vote"));
	assert_int_equal(review_votes(f->db, m.mt, r.id, 1, 2, 0, &err),
			 CLERK_OK);
	struct resolution_list l;
	assert_int_equal(resolution_list(f->db, m.mt, NULL, &l, &err), CLERK_OK);
	assert_int_equal(l.v[0].outcome, OUTCOME_LOST);
	assert_true(l.v[0].voted);
	assert_string_equal(l.v[0].mover, m.ann);
	assert_string_equal(l.v[0].seconder, m.bob);
	resolution_list_free(&l);
	/* Ann declares a pecuniary interest in the budget: she could not
	 * have moved it, and one fewer was entitled to vote. */
	struct declaration d;
	decl(&d, &m, m.ann, INTEREST_PECUNIARY, "owns the site");
	assert_int_equal(review_declare(f->db, &d, &err), CLERK_OK);
	assert_int_equal(review_proposers(f->db, m.mt, r.id, m.ann, m.bob, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "pecuniary interest"));
	assert_int_equal(review_votes(f->db, m.mt, r.id, 1, 2, 0, &err),
			 CLERK_INVALID);
	/* Withdrawn: not noted. */
	assert_int_equal(review_proposers(f->db, m.mt, r.id, "", NULL, &err),
			 CLERK_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM resolution WHERE mover "
				  "IS NULL AND seconder IS NULL"),
			 1);
}

/* The bodies meeting_list_near gave with l: each meeting's, once, with the
 * label body_get_label reads; asked again, none is added. */
static void check_near_bodies(struct fixture *f, const char *body_id,
			      const struct meeting_list *l, time_t t,
			      const char *id, int after, size_t limit,
			      struct body_list *bodies)
{
	struct clerk_err err;
	for (size_t k = 0; k < l->n; k++) {
		size_t found = 0;
		for (size_t b = 0; b < bodies->n; b++) {
			if (strcmp(bodies->v[b].id, l->v[k].body_id) != 0)
				continue;
			struct body label = {0};
			assert_int_equal(body_get_label(f->db, bodies->v[b].id,
							&label, &err),
					 CLERK_OK);
			assert_string_equal(bodies->v[b].name, label.name);
			assert_string_equal(bodies->v[b].short_name,
					    label.short_name);
			assert_string_equal(bodies->v[b].tz, label.tz);
			body_free(&label);
			found++;
		}
		assert_int_equal(found, 1);
	}
	size_t n = bodies->n;
	struct meeting_list again = {0};
	assert_int_equal(meeting_list_near(f->db, body_id, t, id, after, limit,
					   &again, bodies, &err),
			 CLERK_OK);
	assert_int_equal(bodies->n, n);
	meeting_list_free(&again);
}

/* meeting_list_near from every place of ref (meeting_list's order, of
 * body_id's meetings or all), either way, up to six: the slice of ref,
 * with their bodies' labels. */
static void check_near(struct fixture *f, const char *body_id,
		       const struct meeting_list *ref)
{
	struct clerk_err err;
	for (size_t at = 0; at <= ref->n; at++) {
		/* the place: meeting `at`, or just past the last */
		time_t t = at < ref->n ? ref->v[at].starts_at
				       : ref->v[ref->n - 1].starts_at + 1;
		const char *id = at < ref->n ? ref->v[at].id : "";
		for (size_t limit = 1; limit <= 6; limit++)
			for (int after = 0; after < 2; after++) {
				size_t from = after ? at : at > limit ? at - limit : 0;
				size_t to = !after ? at : at + limit < ref->n ? at + limit
									   : ref->n;
				struct meeting_list l = {0};
				struct body_list bodies = {0};
				assert_int_equal(meeting_list_near(f->db, body_id, t, id,
								   after, limit, &l,
								   &bodies, &err),
						 CLERK_OK);
				assert_int_equal(l.n, to - from);
				for (size_t k = 0; k < l.n; k++)
					assert_string_equal(l.v[k].id, ref->v[from + k].id);
				check_near_bodies(f, body_id, &l, t, id, after,
						  limit, &bodies);
				body_list_free(&bodies);
				meeting_list_free(&l);
			}
	}
}

/* The review list's window (clerk/model_scale.h): the meetings next to any
 * place, either way, are those of meeting_list's order (starts_at, then
 * id), however many start at the same time and wherever the window cuts
 * them. */
static void test_list_near_ties(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	/* A body meets once a day: the Board's meetings on six days, and on
	 * the third, eleven other bodies' at 9, 10 and 11 (seven at 10). */
	static const int hours[] = {10, 9, 10, 11, 10, 10, 9, 10, 11, 10, 10};
	for (int day = 1; day <= 6; day++) {
		clerk_id id;
		fixture_meeting(f, 2017, 6, day, 10, id);
	}
	for (size_t i = 0; i < sizeof hours / sizeof *hours; i++) {
		char name[32], short_name[8];
		snprintf(name, sizeof name, "Panel %zu", i);
		snprintf(short_name, sizeof short_name, "P%zu", i);
		struct body b = {.name = xstrdup(name),
				 .short_name = xstrdup(short_name)};
		memcpy(b.council_id, f->council.id, sizeof b.council_id);
		assert_int_equal(body_create(f->db, &b, &err), CLERK_OK);
		struct meeting mt = {.public_present = -1};
		memcpy(mt.body_id, b.id, sizeof mt.body_id);
		mt.starts_at = time_from_local("Europe/London", 2017, 6, 3,
					       hours[i], 0);
		assert_int_equal(meeting_create(f->db, &mt, &err), CLERK_OK);
		meeting_free(&mt);
		body_free(&b);
	}
	struct meeting_list all = {0}, board = {0};
	assert_int_equal(meeting_list(f->db, NULL, &all, &err), CLERK_OK);
	assert_int_equal(all.n, 6 + sizeof hours / sizeof *hours);
	assert_int_equal(meeting_list(f->db, f->body.id, &board, &err), CLERK_OK);
	assert_int_equal(board.n, 6);
	check_near(f, NULL, &all);
	check_near(f, f->body.id, &board);
	meeting_list_free(&all);
	meeting_list_free(&board);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(test_declarations),
		T(test_texts),
		T(test_substitutes),
		T(test_proposers_and_votes),
		T(test_list_near_ties),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
