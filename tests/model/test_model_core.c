/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Model tests, part one: enums, councils and bodies, people, seats and
 * membership over time, meetings and the agenda.  Every test uses a fresh
 * clerk file (fixture.c) and checks what a clerk would see: the text stored,
 * the order of things, the error and its message.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

static void test_enum_text_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i <= EVENT_NOTE; i++) {
		enum event_kind k;
		assert_true(event_kind_parse(event_kind_text(i), &k));
		assert_int_equal(k, i);
	}
	for (int i = 0; i <= ITEM_URGENT; i++) {
		enum item_kind k;
		assert_true(item_kind_parse(item_kind_text(i), &k));
		assert_int_equal(k, i);
	}
	enum attendance_status a = ATT_PRESENT;
	assert_string_equal(attendance_status_text(ATT_IN_ATTENDANCE),
			    "in attendance");
	assert_false(attendance_status_parse("Present", &a));
	assert_false(attendance_status_parse(NULL, &a));
	assert_int_equal(a, ATT_PRESENT);
	assert_string_equal(item_kind_text(ITEM_AOB), "any other business");
	assert_string_equal(meeting_status_text(99), "");
}

static void test_body_round_trip(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	struct body b = {.name = xstrdup("Cyngor Cymuned Llanŵy"),
			 .short_name = xstrdup("CCLl"),
			 .self_name = xstrdup("the Council"),
			 .quorum_kind = QUORUM_COMPOSITE,
			 .quorum_num = 1,
			 .quorum_den = 3,
			 .quorum_fixed = 3,
			 .minute_format = xstrdup("%n/%y"),
			 .numbering = NUMBERING_PER_YEAR,
			 .year_start = xstrdup("05-15"),
			 .style = xstrdup("parish"),
			 .tz = xstrdup("Europe/London"),
			 .standard_items = xstrdup("apologies|Apologies")};
	memcpy(b.council_id, f->council.id, sizeof b.council_id);
	assert_int_equal(body_create(f->db, &b, &err), CLERK_OK);
	struct body got;
	assert_int_equal(body_get(f->db, b.id, &got, &err), CLERK_OK);
	assert_string_equal(got.name, "Cyngor Cymuned Llanŵy");
	assert_string_equal(got.short_name, "CCLl");
	assert_string_equal(got.self_name, "the Council");
	assert_int_equal(got.quorum_kind, QUORUM_COMPOSITE);
	assert_int_equal(got.quorum_num, 1);
	assert_int_equal(got.quorum_den, 3);
	assert_int_equal(got.quorum_fixed, 3);
	assert_false(got.substitutes_allowed);
	assert_string_equal(got.minute_format, "%n/%y");
	assert_int_equal(got.numbering, NUMBERING_PER_YEAR);
	assert_string_equal(got.year_start, "05-15");
	assert_string_equal(got.style, "parish");
	assert_string_equal(got.standard_items, "apologies|Apologies");
	assert_string_equal(got.council_name, "Hampshire County Council");
	/* composite: max(ceil(14/3), 3) = 5; with 6 seats max(2, 3) = 3 */
	assert_int_equal(body_quorum(&got, 14), 5);
	assert_int_equal(body_quorum(&got, 6), 3);
	free(got.self_name);
	got.self_name = xstrdup("the Parish Council");
	assert_int_equal(body_update(f->db, &got, &err), CLERK_OK);
	body_free(&got);
	assert_int_equal(body_get(f->db, b.id, &got, &err), CLERK_OK);
	assert_string_equal(got.self_name, "the Parish Council");
	body_free(&got);
	body_free(&b);
}

static void test_body_quorum_rules(void **state)
{
	struct fixture *f = *state;
	struct body b = f->body;
	assert_int_equal(body_quorum(&b, 14), 4); /* a quarter, rounded up */
	assert_int_equal(body_quorum(&b, 12), 3);
	b.quorum_kind = QUORUM_FIXED;
	b.quorum_fixed = 6;
	assert_int_equal(body_quorum(&b, 14), 6);
}

static void add_body(struct fixture *f, const char *name, const char *short_name)
{
	struct clerk_err err;
	struct body b = {.name = xstrdup(name), .short_name = xstrdup(short_name)};
	memcpy(b.council_id, f->council.id, sizeof b.council_id);
	assert_int_equal(body_create(f->db, &b, &err), CLERK_OK);
	body_free(&b);
}

static void test_body_find(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	struct body b;
	add_body(f, "Health Overview and Scrutiny Committee", "HOSC");
	assert_int_equal(body_find(f->db, "hwb", &b, &err), CLERK_OK);
	assert_string_equal(b.id, f->body.id);
	body_free(&b);
	assert_int_equal(body_find(f->db, "WELLBEING", &b, &err), CLERK_OK);
	assert_string_equal(b.name, "Health and Wellbeing Board");
	body_free(&b);
	assert_int_equal(body_find(f->db, f->body.id, &b, &err), CLERK_OK);
	assert_string_equal(b.short_name, "HWB");
	body_free(&b);
	assert_int_equal(body_find(f->db, "health", &b, &err), CLERK_AMBIGUOUS);
	assert_non_null(strstr(err.msg, "Health and Wellbeing Board (HWB)"));
	assert_non_null(
		strstr(err.msg, "Health Overview and Scrutiny Committee (HOSC)"));
	assert_int_equal(body_find(f->db, "Planning", &b, &err), CLERK_NOT_FOUND);
	assert_non_null(strstr(err.msg, "Planning"));
}

static void test_body_refuses_bad_input(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	struct body_list all;
	struct body b = {.name = xstrdup("")};
	memcpy(b.council_id, f->council.id, sizeof b.council_id);
	assert_int_equal(body_create(f->db, &b, &err), CLERK_INVALID);
	assert_string_equal(err.msg, "the body's name is empty");
	free(b.name);
	b.name = xstrdup("Bad \xC3\x28 name");
	assert_int_equal(body_create(f->db, &b, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "body's name is not valid UTF-8"));
	free(b.name);
	b.name = xstrdup("Planning");
	b.year_start = xstrdup("02-30");
	assert_int_equal(body_create(f->db, &b, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "02-30"));
	body_free(&b);
	assert_int_equal(body_list_all(f->db, &all, &err), CLERK_OK);
	assert_int_equal(all.n, 1);
	body_list_free(&all);
}

static void test_person_round_trip_utf8(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	struct person p = {.honorific = xstrdup("Councillor"),
			   .name = xstrdup("Siôn Ŵyn-Ŷates"),
			   .organisation = xstrdup("Cyngor £ Café"),
			   .role = xstrdup("Executive Member for Adult Social Care"),
			   .pronoun = xstrdup("he")};
	assert_int_equal(person_create(f->db, &p, &err), CLERK_OK);
	struct person got;
	assert_int_equal(person_get(f->db, p.id, &got, &err), CLERK_OK);
	assert_string_equal(got.name, "Siôn Ŵyn-Ŷates");
	assert_string_equal(got.organisation, "Cyngor £ Café");
	assert_string_equal(got.role, "Executive Member for Adult Social Care");
	assert_string_equal(got.pronoun, "he");
	char *shown = person_display_name(&got);
	assert_string_equal(shown, "Councillor Siôn Ŵyn-Ŷates");
	free(shown);
	free(got.organisation);
	got.organisation = xstrdup("Hampshire County Council");
	assert_int_equal(person_update(f->db, &got, &err), CLERK_OK);
	person_free(&got);
	assert_int_equal(person_get(f->db, p.id, &got, &err), CLERK_OK);
	assert_string_equal(got.organisation, "Hampshire County Council");
	person_free(&got);
	person_free(&p);
}

static void test_person_invalid_utf8_refused(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	struct person_list all;
	struct person p = {.name = xstrdup("Liz \xFF Fairhurst")};
	assert_int_equal(person_create(f->db, &p, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "person's name"));
	free(p.name);
	p.name = xstrdup("Liz Fairhurst");
	p.role = xstrdup("\xED\xA0\x80"); /* a surrogate */
	assert_int_equal(person_create(f->db, &p, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "role"));
	person_free(&p);
	assert_int_equal(person_list_all(f->db, &all, &err), CLERK_OK);
	assert_int_equal(all.n, 0);
	person_list_free(&all);
}

static void test_person_search_order(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id id;
	fixture_person(f, "Annette Smith", id);
	fixture_person(f, "Smith", id);
	fixture_person(f, "Jonathan Goldsmith", id);
	fixture_person(f, "Smithers Brown", id);
	struct person_list l;
	assert_int_equal(person_search(f->db, "smith", &l, &err), CLERK_OK);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0].name, "Smith");
	assert_string_equal(l.v[1].name, "Smithers Brown");
	assert_string_equal(l.v[2].name, "Annette Smith");
	assert_string_equal(l.v[3].name, "Jonathan Goldsmith");
	person_list_free(&l);
}

static void test_seat_info_at_dates(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id ann, bob, sue, seat, seat2;
	fixture_person(f, "Ann Old", ann);
	fixture_person(f, "Bob New", bob);
	fixture_person(f, "Sue Sub", sue);
	fixture_seat(f, "North Hampshire CCG", true, ann, "2016-05-01", seat);
	fixture_seat(f, "Healthwatch", false, NULL, NULL, seat2);
	assert_int_equal(membership_add(f->db, seat, bob, ROLE_CHAIRMAN, "Chair",
					"2017-09-01", NULL, &err),
			 CLERK_CONFLICT);
	assert_non_null(strstr(err.msg, "Ann Old"));
	/* The to date is the last day held: Ann holds the seat on 30 September
	 * and Bob from 1 October. */
	assert_int_equal(membership_end(f->db, seat, "2017-09-30", &err),
			 CLERK_OK);
	assert_int_equal(membership_add(f->db, seat, bob, ROLE_CHAIRMAN, "Chair",
					"2017-10-01", NULL, &err),
			 CLERK_OK);
	assert_int_equal(substitute_add(f->db, seat, sue, "Assistant Director",
					"2017-01-01", NULL, &err),
			 CLERK_OK);
	struct seat_info_list l;
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-06-01", &l, &err),
			 CLERK_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].seat.label, "North Hampshire CCG");
	assert_true(l.v[0].filled);
	assert_string_equal(l.v[0].member.name, "Ann Old");
	assert_int_equal(l.v[0].nsubs, 1);
	assert_string_equal(l.v[0].subs[0].person.name, "Sue Sub");
	assert_string_equal(l.v[0].subs[0].capacity, "Assistant Director");
	assert_false(l.v[1].filled);
	assert_false(l.v[1].seat.voting);
	seat_info_list_free(&l);
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-10-01", &l, &err),
			 CLERK_OK);
	assert_string_equal(l.v[0].member.name, "Bob New");
	assert_int_equal(l.v[0].role, ROLE_CHAIRMAN);
	assert_string_equal(l.v[0].member_capacity, "Chair");
	assert_string_equal(l.v[0].member_since, "2017-10-01");
	seat_info_list_free(&l);
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-09-30", &l, &err),
			 CLERK_OK);
	assert_true(l.v[0].filled);
	assert_string_equal(l.v[0].member.name, "Ann Old");
	seat_info_list_free(&l);
	assert_int_equal(seat_info_list(f->db, f->body.id, "2016-01-01", &l, &err),
			 CLERK_OK);
	assert_false(l.v[0].filled);
	assert_int_equal(l.v[0].nsubs, 0);
	seat_info_list_free(&l);
	/* NULL: today (the fixed clock says 2017-10-05) */
	assert_int_equal(seat_info_list(f->db, f->body.id, NULL, &l, &err),
			 CLERK_OK);
	assert_string_equal(l.v[0].member.name, "Bob New");
	seat_info_list_free(&l);
	struct membership_list h;
	assert_int_equal(membership_history(f->db, seat, &h, &err), CLERK_OK);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.v[0].person.name, "Ann Old");
	assert_string_equal(h.v[0].to, "2017-09-30");
	assert_string_equal(h.v[1].person.name, "Bob New");
	assert_string_equal(h.v[1].to, "");
	membership_list_free(&h);
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-13-01", &l, &err),
			 CLERK_INVALID);
}

/* A seat exists from its from date to its to date, both included: the
 * Director of Transformation's seat ends on 30 September 2017 and Fire and
 * Rescue's begins on 1 October, so the board has the same number of seats
 * either side of the change. */
static void test_seat_dates(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id ann, old_seat, new_seat, open_seat;
	fixture_person(f, "Ann Member", ann);
	fixture_seat(f, "Always", true, NULL, NULL, open_seat);
	struct seat s = {.label = xstrdup("Director of Transformation"),
			 .voting = true, .to = xstrdup("2017-09-30")};
	memcpy(s.body_id, f->body.id, sizeof s.body_id);
	assert_int_equal(seat_create(f->db, &s, &err), CLERK_OK);
	memcpy(old_seat, s.id, sizeof old_seat);
	assert_int_equal(membership_add(f->db, old_seat, ann, ROLE_MEMBER, "",
					"2017-05-25", "2017-09-30", &err),
			 CLERK_OK);
	seat_free(&s);
	s = (struct seat){.label = xstrdup("Fire and Rescue"), .voting = true,
			  .from = xstrdup("2017-10-01")};
	memcpy(s.body_id, f->body.id, sizeof s.body_id);
	assert_int_equal(seat_create(f->db, &s, &err), CLERK_OK);
	memcpy(new_seat, s.id, sizeof new_seat);
	seat_free(&s);

	struct seat_info_list l;
	const char *dates[] = {"2017-06-29", "2017-09-30", "2017-10-01",
			       "2017-10-05"};
	const char *second[] = {"Director of Transformation",
				"Director of Transformation", "Fire and Rescue",
				"Fire and Rescue"};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(seat_info_list(f->db, f->body.id, dates[i], &l,
						&err),
				 CLERK_OK);
		assert_int_equal(l.n, 2);
		assert_string_equal(l.v[0].seat.label, "Always");
		assert_false(l.v[0].filled); /* vacant, still listed */
		assert_string_equal(l.v[1].seat.label, second[i]);
		seat_info_list_free(&l);
	}
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-06-29", &l, &err),
			 CLERK_OK);
	assert_string_equal(l.v[1].seat.to, "2017-09-30");
	assert_string_equal(l.v[1].seat.from, "");
	assert_true(l.v[1].filled);
	seat_info_list_free(&l);

	/* Bad dates are refused and nothing is written. */
	s = (struct seat){.label = xstrdup("Backwards"), .voting = true,
			  .from = xstrdup("2017-10-01"), .to = xstrdup("2017-09-30")};
	memcpy(s.body_id, f->body.id, sizeof s.body_id);
	assert_int_equal(seat_create(f->db, &s, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "before its first day"));
	free(s.to);
	s.to = xstrdup("2017-9-30");
	assert_int_equal(seat_create(f->db, &s, &err), CLERK_INVALID);
	seat_free(&s);
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-10-05", &l, &err),
			 CLERK_OK);
	assert_int_equal(l.n, 2);
	seat_info_list_free(&l);
}

static void test_council_and_seat_round_trip(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	struct council c = {.name = xstrdup("Cyngor Tref Llanŷ"),
			    .kind = COUNCIL_PARISH};
	assert_int_equal(council_create(f->db, &c, &err), CLERK_OK);
	struct council got;
	assert_int_equal(council_get(f->db, c.id, &got, &err), CLERK_OK);
	assert_string_equal(got.name, "Cyngor Tref Llanŷ");
	assert_int_equal(got.kind, COUNCIL_PARISH);
	council_free(&got);
	council_free(&got); /* freeing twice is safe */
	council_free(&c);
	assert_int_equal(council_get(f->db, "nope", &got, &err), CLERK_NOT_FOUND);
	clerk_id seat;
	fixture_seat(f, "Healthwatch Hampshire", false, NULL, NULL, seat);
	struct seat s = {.position = 4,
			 .label = xstrdup("North Hampshire CCG"),
			 .voting = true,
			 .vacancy_note = xstrdup("Vacancy as of 1 Oct 2017"),
			 .substitute_tbc = true};
	memcpy(s.id, seat, sizeof s.id);
	memcpy(s.body_id, f->body.id, sizeof s.body_id);
	assert_int_equal(seat_update(f->db, &s, &err), CLERK_OK);
	seat_free(&s);
	struct seat_info_list l;
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-10-05", &l, &err),
			 CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].seat.position, 4);
	assert_string_equal(l.v[0].seat.label, "North Hampshire CCG");
	assert_true(l.v[0].seat.voting);
	assert_string_equal(l.v[0].seat.vacancy_note, "Vacancy as of 1 Oct 2017");
	assert_true(l.v[0].seat.substitute_tbc);
	assert_false(l.v[0].filled);
	seat_info_list_free(&l);
}

static void test_meeting_round_trip_and_find(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	struct meeting m = {.venue = xstrdup("Ashburton Hall, Winchester"),
			    .public_present = 3,
			    .first_minute = 0};
	memcpy(m.body_id, f->body.id, sizeof m.body_id);
	m.starts_at = time_from_local("Europe/London", 2017, 10, 5, 10, 0);
	assert_int_equal(meeting_create(f->db, &m, &err), CLERK_OK);
	struct meeting got;
	assert_int_equal(meeting_get(f->db, m.id, &got, &err), CLERK_OK);
	assert_int_equal(got.starts_at, 1507194000); /* 09:00 UTC (BST) */
	assert_string_equal(got.venue, "Ashburton Hall, Winchester");
	assert_int_equal(got.status, MEETING_SCHEDULED);
	assert_int_equal(got.minutes_state, MINUTES_DRAFT);
	assert_int_equal(got.public_present, 3);
	meeting_free(&got);
	/* 00:30 local on 6 October is 23:30 UTC on the 5th */
	clerk_id late;
	fixture_meeting(f, 2017, 10, 6, 0, late);
	assert_int_equal(meeting_find(f->db, "2017-10-05", NULL, &got, &err),
			 CLERK_OK);
	assert_string_equal(got.id, m.id);
	meeting_free(&got);
	assert_int_equal(meeting_find(f->db, "2017-10-06", "HWB", &got, &err),
			 CLERK_OK);
	assert_string_equal(got.id, late);
	meeting_free(&got);
	assert_int_equal(meeting_find(f->db, "2017-10-07", NULL, &got, &err),
			 CLERK_NOT_FOUND);
	assert_string_equal(err.msg, "no meeting on 2017-10-07");
	assert_int_equal(meeting_find(f->db, "next tuesday", NULL, &got, &err),
			 CLERK_USAGE);
	/* a second body meeting the same day */
	add_body(f, "Pension Fund Panel", "PFP");
	struct body pfp;
	assert_int_equal(body_find(f->db, "PFP", &pfp, &err), CLERK_OK);
	struct meeting m2 = {.public_present = -1};
	memcpy(m2.body_id, pfp.id, sizeof m2.body_id);
	m2.starts_at = time_from_local("Europe/London", 2017, 10, 5, 14, 0);
	assert_int_equal(meeting_create(f->db, &m2, &err), CLERK_OK);
	assert_int_equal(meeting_find(f->db, "2017-10-05", NULL, &got, &err),
			 CLERK_AMBIGUOUS);
	assert_non_null(strstr(err.msg, "Health and Wellbeing Board at 10:00"));
	assert_non_null(strstr(err.msg, "Pension Fund Panel at 14:00"));
	assert_int_equal(meeting_find(f->db, "2017-10-05", "pension", &got, &err),
			 CLERK_OK);
	assert_string_equal(got.id, m2.id);
	meeting_free(&got);
	struct meeting_list l;
	assert_int_equal(meeting_list(f->db, f->body.id, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].id, m.id);
	meeting_list_free(&l);
	assert_int_equal(meeting_list(f->db, NULL, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 3);
	meeting_list_free(&l);
	body_free(&pfp);
	meeting_free(&m);
}

static void test_meeting_current_and_status(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id past, next, later;
	struct meeting got;
	fixture_meeting(f, 2017, 6, 29, 10, past);
	fixture_meeting(f, 2017, 11, 30, 10, later);
	fixture_meeting(f, 2017, 10, 12, 10, next);
	assert_int_equal(meeting_current(f->db, clock_now(), &got, &err),
			 CLERK_OK);
	assert_string_equal(got.id, next);
	meeting_free(&got);
	assert_int_equal(meeting_set_status(f->db, past, MEETING_IN_PROGRESS, &err),
			 CLERK_OK);
	assert_int_equal(meeting_current(f->db, clock_now(), &got, &err),
			 CLERK_OK);
	assert_string_equal(got.id, past);
	assert_int_equal(got.status, MEETING_IN_PROGRESS);
	meeting_free(&got);
	assert_int_equal(meeting_set_status(f->db, "no-such", MEETING_CLOSED, &err),
			 CLERK_NOT_FOUND);
}

static void assert_agenda(struct fixture *f, const char *meeting_id,
			  const char *const *titles, size_t n)
{
	struct clerk_err err;
	struct item_list l;
	assert_int_equal(item_list(f->db, meeting_id, &l, &err), CLERK_OK);
	assert_int_equal(l.n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(l.v[i].title, titles[i]);
		assert_int_equal(l.v[i].position, (int)i + 1);
	}
	item_list_free(&l);
}

static void test_agenda_order(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, a, b, c;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	fixture_item(f, mt, "Apologies for Absence", a);
	fixture_item(f, mt, "Declarations of Interest", b);
	fixture_item(f, mt, "Date of Next Meeting", c);
	struct agenda_item it = {.title = xstrdup("Chairman's Announcements"),
				 .position = 3,
				 .kind = ITEM_ANNOUNCEMENTS};
	memcpy(it.meeting_id, mt, sizeof it.meeting_id);
	assert_int_equal(item_create(f->db, &it, &err), CLERK_OK);
	assert_agenda(f, mt,
		      (const char *const[]){"Apologies for Absence",
					    "Declarations of Interest",
					    "Chairman's Announcements",
					    "Date of Next Meeting"},
		      4);
	assert_int_equal(item_move(f->db, c, 1, &err), CLERK_OK);
	assert_agenda(f, mt,
		      (const char *const[]){"Date of Next Meeting",
					    "Apologies for Absence",
					    "Declarations of Interest",
					    "Chairman's Announcements"},
		      4);
	assert_int_equal(item_move(f->db, c, 99, &err), CLERK_OK);
	assert_int_equal(item_delete(f->db, b, &err), CLERK_OK);
	assert_agenda(f, mt,
		      (const char *const[]){"Apologies for Absence",
					    "Chairman's Announcements",
					    "Date of Next Meeting"},
		      3);
	assert_int_equal(item_delete(f->db, b, &err), CLERK_NOT_FOUND);
	item_free(&it);
}

/* Positions stay 1..n, in the order a plain array model predicts, through
 * a long fixed run of inserts, moves and deletes. */
static void test_agenda_order_survives_many_changes(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, ids[128];
	char titles[128][16];
	int order[128], n = 0, made = 0;
	unsigned seed = 12345;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	for (int step = 0; step < 120; step++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = (seed >> 16) & 0x7fff;
		int kind = (int)(r % 4); /* 0, 1: insert; 2: move; 3: delete */
		int op = n < 3 || kind < 2 ? 0 : kind - 1;
		int at = n ? (int)(r / 3 % (unsigned)n) : 0; /* 0-based */
		if (op == 0) { /* insert at `at` + 1 (one step: at most 120) */
			struct agenda_item it = {.position = at + 1};
			snprintf(titles[made], sizeof titles[made], "t%d", made);
			it.title = xstrdup(titles[made]);
			memcpy(it.meeting_id, mt, sizeof it.meeting_id);
			assert_int_equal(item_create(f->db, &it, &err), CLERK_OK);
			memcpy(ids[made], it.id, sizeof ids[made]);
			item_free(&it);
			memmove(&order[at + 1], &order[at],
				(size_t)(n - at) * sizeof *order);
			order[at] = made++;
			n++;
		} else if (op == 1) { /* move the item at `from` to `at` + 1 */
			int from = (int)((r >> 7) % (unsigned)n), moved = order[from];
			assert_int_equal(item_move(f->db, ids[moved], at + 1, &err),
					 CLERK_OK);
			memmove(&order[from], &order[from + 1],
				(size_t)(n - from - 1) * sizeof *order);
			memmove(&order[at + 1], &order[at],
				(size_t)(n - 1 - at) * sizeof *order);
			order[at] = moved;
		} else { /* delete the item at `at` */
			assert_int_equal(item_delete(f->db, ids[order[at]], &err),
					 CLERK_OK);
			memmove(&order[at], &order[at + 1],
				(size_t)(n - at - 1) * sizeof *order);
			n--;
		}
	}
	struct item_list l;
	assert_int_equal(item_list(f->db, mt, &l, &err), CLERK_OK);
	assert_int_equal(l.n, n);
	assert_true(n > 5);
	for (int i = 0; i < n; i++) {
		assert_int_equal(l.v[i].position, i + 1);
		assert_string_equal(l.v[i].title, titles[order[i]]);
	}
	item_list_free(&l);
}

static void test_agenda_round_trip(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	char *long_title = xmalloc(10001 * 2);
	for (int i = 0; i < 10000; i++)
		long_title[i] = (char)('a' + i % 26);
	memcpy(long_title + 9998, "é", 2); /* ends on a 2-byte character */
	long_title[10000] = '\0';
	struct agenda_item it = {.number = xstrdup("6"),
				 .title = long_title,
				 .description = xstrdup("Report of the Director £"),
				 .presenter = xstrdup("Dr Ŷ"),
				 .planned_start = 1507196700,
				 .planned_minutes = 25,
				 .pages = xstrdup("11 - 32"),
				 .exempt = true,
				 .exempt_paragraph = xstrdup("3"),
				 .kind = ITEM_URGENT,
				 .urgent_reason = xstrdup("Deadline of 13 October")};
	memcpy(it.meeting_id, mt, sizeof it.meeting_id);
	assert_int_equal(item_create(f->db, &it, &err), CLERK_OK);
	struct agenda_item got;
	assert_int_equal(item_get(f->db, it.id, &got, &err), CLERK_OK);
	assert_int_equal(strlen(got.title), 10000);
	assert_string_equal(got.title, long_title);
	assert_string_equal(got.number, "6");
	assert_string_equal(got.description, "Report of the Director £");
	assert_string_equal(got.presenter, "Dr Ŷ");
	assert_int_equal(got.planned_start, 1507196700);
	assert_int_equal(got.planned_minutes, 25);
	assert_string_equal(got.pages, "11 - 32");
	assert_true(got.exempt);
	assert_string_equal(got.exempt_paragraph, "3");
	assert_int_equal(got.kind, ITEM_URGENT);
	assert_string_equal(got.urgent_reason, "Deadline of 13 October");
	free(got.title);
	got.title = xstrdup("");
	assert_int_equal(item_update(f->db, &got, &err), CLERK_INVALID);
	assert_string_equal(err.msg, "the item's title is empty");
	free(got.title);
	got.title = xstrdup("Joint Strategic Needs Assessment");
	assert_int_equal(item_update(f->db, &got, &err), CLERK_OK);
	item_free(&got);
	assert_int_equal(item_get(f->db, it.id, &got, &err), CLERK_OK);
	assert_string_equal(got.title, "Joint Strategic Needs Assessment");
	item_free(&got);
	item_free(&it);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enum_text_round_trip),
#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
		T(test_body_round_trip),
		T(test_body_quorum_rules),
		T(test_body_find),
		T(test_body_refuses_bad_input),
		T(test_person_round_trip_utf8),
		T(test_person_invalid_utf8_refused),
		T(test_person_search_order),
		T(test_seat_info_at_dates),
		T(test_seat_dates),
		T(test_council_and_seat_round_trip),
		T(test_meeting_round_trip_and_find),
		T(test_meeting_current_and_status),
		T(test_agenda_order),
		T(test_agenda_order_survives_many_changes),
		T(test_agenda_round_trip),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
