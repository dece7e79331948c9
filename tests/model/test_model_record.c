/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Model tests, part two: what is recorded at and after a meeting — the
 * event log, attendance, declarations, minute text, resolutions and votes,
 * actions, corrections — confirmation locking the minutes, and the numbering
 * of minutes through a municipal year.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* a test reads the file itself */
#include "clerk/db_sql.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

static void test_event_append_and_list(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, item, liz;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	fixture_item(f, mt, "Apologies for Absence", item);
	fixture_person(f, "Liz Fairhurst", liz);
	struct event e;
	assert_int_equal(event_append(f->db, mt, EVENT_OPENED, NULL, NULL, "",
				      &e, &err),
			 CLERK_OK);
	assert_int_equal(e.seq, 1);
	assert_int_equal(e.at, 1507197600);
	event_free(&e);
	clock_advance(90);
	assert_int_equal(event_append(f->db, mt, EVENT_ARRIVED, item, liz,
				      "late: train £ délai", &e, &err),
			 CLERK_OK);
	assert_int_equal(e.seq, 2);
	event_free(&e);
	assert_int_equal(event_append(f->db, mt, EVENT_NOTE, "", "", NULL, NULL,
				      &err),
			 CLERK_OK);
	assert_int_equal(event_append(f->db, mt, EVENT_NOTE, NULL, NULL,
				      "\xC0\x80", NULL, &err),
			 CLERK_INVALID);
	struct event_list l;
	assert_int_equal(event_list(f->db, mt, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[1].kind, EVENT_ARRIVED);
	assert_int_equal(l.v[1].at, 1507197690);
	assert_string_equal(l.v[1].item_id, item);
	assert_string_equal(l.v[1].person_id, liz);
	assert_string_equal(l.v[1].detail, "late: train £ délai");
	assert_string_equal(l.v[2].person_id, "");
	assert_int_equal(l.v[2].seq, 3);
	event_list_free(&l);
}

static void test_attendance_upsert_and_order(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, zoe, al, sub, obs, s1, s2;
	fixture_person(f, "Zoe First", zoe);
	fixture_person(f, "Al Second", al);
	fixture_person(f, "Sam Substitute", sub);
	fixture_person(f, "Olly Observer", obs);
	fixture_seat(f, "Seat one", true, zoe, "2017-01-01", s1);
	fixture_seat(f, "Seat two", true, al, "2017-01-01", s2);
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	assert_int_equal(attendance_expect_members(f->db, mt, &err), CLERK_OK);
	assert_int_equal(attendance_expect_members(f->db, mt, &err), CLERK_OK);
	struct attendance a = {.status = ATT_IN_ATTENDANCE,
			       .capacity = xstrdup("standing observer")};
	memcpy(a.meeting_id, mt, sizeof a.meeting_id);
	memcpy(a.person_id, obs, sizeof a.person_id);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_OK);
	attendance_free(&a);
	struct attendance s = {.status = ATT_SUBSTITUTE};
	memcpy(s.meeting_id, mt, sizeof s.meeting_id);
	memcpy(s.person_id, sub, sizeof s.person_id);
	memcpy(s.seat_id, s1, sizeof s.seat_id);
	memcpy(s.substitute_for, zoe, sizeof s.substitute_for);
	assert_int_equal(attendance_set(f->db, &s, &err), CLERK_OK);
	struct attendance ap = {.status = ATT_APOLOGY,
				.note = xstrdup("unwell")};
	memcpy(ap.meeting_id, mt, sizeof ap.meeting_id);
	memcpy(ap.person_id, zoe, sizeof ap.person_id);
	memcpy(ap.seat_id, s1, sizeof ap.seat_id);
	assert_int_equal(attendance_set(f->db, &ap, &err), CLERK_OK);
	struct attendance_list l;
	assert_int_equal(attendance_list(f->db, mt, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0].person.name, "Zoe First");
	assert_int_equal(l.v[0].status, ATT_APOLOGY);
	assert_string_equal(l.v[0].note, "unwell");
	assert_string_equal(l.v[0].id, ap.id); /* the expected row, updated */
	assert_string_equal(l.v[1].person.name, "Sam Substitute");
	assert_string_equal(l.v[1].substitute_for, zoe);
	assert_string_equal(l.v[2].person.name, "Al Second");
	assert_int_equal(l.v[2].status, ATT_EXPECTED);
	assert_string_equal(l.v[3].person.name, "Olly Observer");
	assert_string_equal(l.v[3].capacity, "standing observer");
	assert_string_equal(l.v[3].seat_id, "");
	attendance_list_free(&l);
	assert_int_equal(attendance_delete(f->db, s.id, &err), CLERK_OK);
	assert_int_equal(attendance_delete(f->db, s.id, &err), CLERK_NOT_FOUND);
	attendance_free(&s);
	attendance_free(&ap);
}

static void test_attendance_round_trip(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, i1, i2, sue, ann, seat;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	fixture_item(f, mt, "Minutes", i1);
	fixture_item(f, mt, "Better Care Fund", i2);
	fixture_person(f, "Sue Substitute", sue);
	fixture_person(f, "Ann Member", ann);
	fixture_seat(f, "Seat", true, ann, "2017-01-01", seat);
	struct attendance a = {.status = ATT_SUBSTITUTE,
			       .capacity = xstrdup("Assistant Director"),
			       .note = xstrdup("for Ann"),
			       .substitute_note = xstrdup("left after item 2"),
			       .arrived_at = 1507194600,
			       .left_at = 1507201200};
	memcpy(a.meeting_id, mt, sizeof a.meeting_id);
	memcpy(a.person_id, sue, sizeof a.person_id);
	memcpy(a.seat_id, seat, sizeof a.seat_id);
	memcpy(a.substitute_for, ann, sizeof a.substitute_for);
	memcpy(a.arrived_item, i1, sizeof a.arrived_item);
	memcpy(a.left_item, i2, sizeof a.left_item);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_OK);
	struct attendance_list l;
	assert_int_equal(attendance_list(f->db, mt, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 1);
	struct attendance *g = &l.v[0];
	assert_string_equal(g->id, a.id);
	assert_int_equal(g->status, ATT_SUBSTITUTE);
	assert_string_equal(g->seat_id, seat);
	assert_string_equal(g->substitute_for, ann);
	assert_string_equal(g->capacity, "Assistant Director");
	assert_string_equal(g->note, "for Ann");
	assert_string_equal(g->substitute_note, "left after item 2");
	assert_int_equal(g->arrived_at, 1507194600);
	assert_string_equal(g->arrived_item, i1);
	assert_int_equal(g->left_at, 1507201200);
	assert_string_equal(g->left_item, i2);
	assert_string_equal(g->person.name, "Sue Substitute");
	attendance_list_free(&l);
	memcpy(a.substitute_for, sue, sizeof a.substitute_for);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_INVALID);
	assert_string_equal(err.msg, "a member cannot be their own substitute");
	attendance_free(&a);
}

static void test_references_must_exist(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, liz;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	fixture_person(f, "Liz Fairhurst", liz);
	struct attendance a = {.status = ATT_PRESENT,
			       .person_id = "00000000-0000-4000-8000-000000000001"};
	memcpy(a.meeting_id, mt, sizeof a.meeting_id);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_INVALID);
	assert_string_equal(err.msg,
			    "recording the attendance was refused: it names a "
			    "body, seat, person, meeting or item that does not "
			    "exist");
	struct person p = {.name = xstrdup("Someone Else")};
	memcpy(p.id, liz, sizeof p.id);
	assert_int_equal(person_create(f->db, &p, &err), CLERK_CONFLICT);
	assert_non_null(strstr(err.msg, "already exists"));
	person_free(&p);
	struct person_list l;
	assert_int_equal(person_list_all(f->db, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].name, "Liz Fairhurst");
	person_list_free(&l);
	struct attendance_list al;
	assert_int_equal(attendance_list(f->db, mt, &al, &err), CLERK_OK);
	assert_int_equal(al.n, 0);
	attendance_list_free(&al);
}

static void test_declaration_round_trip(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, item, liz;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	fixture_item(f, mt, "Better Care Fund", item);
	fixture_person(f, "Liz Fairhurst", liz);
	struct declaration d = {.kind = INTEREST_PECUNIARY,
				.what = xstrdup("Owns a care home in Eastleigh"),
				.left_room = true,
				.dispensation = false,
				.sensitive = true};
	memcpy(d.meeting_id, mt, sizeof d.meeting_id);
	memcpy(d.item_id, item, sizeof d.item_id);
	memcpy(d.person_id, liz, sizeof d.person_id);
	assert_int_equal(declaration_create(f->db, &d, &err), CLERK_OK);
	struct declaration_list l;
	assert_int_equal(declaration_list(f->db, mt, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].kind, INTEREST_PECUNIARY);
	assert_string_equal(l.v[0].what, "Owns a care home in Eastleigh");
	assert_true(l.v[0].left_room);
	assert_true(l.v[0].sensitive);
	assert_false(l.v[0].dispensation);
	assert_string_equal(l.v[0].item_id, item);
	l.v[0].dispensation = true;
	assert_int_equal(declaration_update(f->db, &l.v[0], &err), CLERK_OK);
	declaration_list_free(&l);
	assert_int_equal(declaration_list(f->db, mt, &l, &err), CLERK_OK);
	assert_true(l.v[0].dispensation);
	declaration_list_free(&l);
	assert_int_equal(declaration_delete(f->db, d.id, &err), CLERK_OK);
	assert_int_equal(declaration_list(f->db, mt, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 0);
	declaration_list_free(&l);
	declaration_free(&d);
}

static void add_text(struct fixture *f, const char *mt, const char *item,
		     enum minute_section section, int position, const char *body,
		     clerk_id out)
{
	struct clerk_err err;
	struct minute_text t = {.section = section, .position = position,
				.body = xstrdup(body)};
	memcpy(t.meeting_id, mt, sizeof t.meeting_id);
	memcpy(t.item_id, item, sizeof t.item_id);
	assert_int_equal(minute_text_create(f->db, &t, &err), CLERK_OK);
	if (out)
		memcpy(out, t.id, CLERK_UUID_LEN);
	minute_text_free(&t);
}

static void test_minute_text_order(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, i1, i2, heard2;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	fixture_item(f, mt, "Minutes", i1);
	fixture_item(f, mt, "Sustainability and Transformation Plan", i2);
	add_text(f, mt, i2, SECTION_HEARD, 0, "the plan was on track", NULL);
	add_text(f, mt, i2, SECTION_RECEIVED, 0, "a report of the Director",
		 NULL);
	add_text(f, mt, i2, SECTION_HEARD, 1, "funding was agreed", heard2);
	add_text(f, mt, i1, SECTION_NARRATIVE, 0, "were agreed", NULL);
	struct minute_text_list l;
	assert_int_equal(minute_text_list(f->db, mt, NULL, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[0].body, "were agreed");
	assert_string_equal(l.v[1].body, "a report of the Director");
	assert_string_equal(l.v[2].body, "funding was agreed");
	assert_int_equal(l.v[2].position, 1);
	assert_string_equal(l.v[3].body, "the plan was on track");
	assert_int_equal(l.v[3].position, 2);
	minute_text_list_free(&l);
	assert_int_equal(minute_text_update(f->db, heard2, "", &err),
			 CLERK_INVALID);
	assert_int_equal(minute_text_update(f->db, heard2,
					    "funding of £1.2m was agreed", &err),
			 CLERK_OK);
	assert_int_equal(minute_text_list(f->db, mt, i2, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[1].body, "funding of £1.2m was agreed");
	minute_text_list_free(&l);
	assert_int_equal(minute_text_delete(f->db, heard2, &err), CLERK_OK);
	assert_int_equal(minute_text_list(f->db, mt, i2, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[1].position, 1);
	minute_text_list_free(&l);
	assert_int_equal(minute_text_delete(f->db, heard2, &err), CLERK_NOT_FOUND);
}

static void test_resolution_and_votes(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, item, liz, ann;
	fixture_meeting(f, 2017, 10, 5, 10, mt);
	fixture_item(f, mt, "Budget", item);
	fixture_person(f, "Liz Fairhurst", liz);
	fixture_person(f, "Ann Briggs", ann);
	struct resolution r = {.kind = RES_MOTION,
			       .preamble = xstrdup("The Health and Wellbeing Board:"),
			       .body = xstrdup("Approves the plan."),
			       .outcome = OUTCOME_CARRIED,
			       .voted = true,
			       .votes_for = 6,
			       .votes_against = 6,
			       .votes_abstain = 1,
			       .recorded = true,
			       .has_casting = true,
			       .casting = VOTE_FOR};
	memcpy(r.meeting_id, mt, sizeof r.meeting_id);
	memcpy(r.item_id, item, sizeof r.item_id);
	memcpy(r.mover, liz, sizeof r.mover);
	assert_int_equal(resolution_create(f->db, &r, &err), CLERK_OK);
	assert_int_equal(r.position, 1);
	struct vote v = {.vote = VOTE_AGAINST};
	memcpy(v.resolution_id, r.id, sizeof v.resolution_id);
	memcpy(v.person_id, ann, sizeof v.person_id);
	assert_int_equal(vote_set(f->db, &v, &err), CLERK_OK);
	assert_string_equal(v.meeting_id, mt);
	clerk_id first;
	memcpy(first, v.id, sizeof first);
	v.id[0] = '\0';
	v.vote = VOTE_ABSTAIN;
	v.reason = xstrdup("not present for the debate");
	assert_int_equal(vote_set(f->db, &v, &err), CLERK_OK);
	assert_string_equal(v.id, first);
	memcpy(v.person_id, liz, sizeof v.person_id);
	v.vote = VOTE_FOR;
	v.id[0] = '\0';
	assert_int_equal(vote_set(f->db, &v, &err), CLERK_OK);
	struct vote_list vl;
	assert_int_equal(vote_list(f->db, r.id, &vl, &err), CLERK_OK);
	assert_int_equal(vl.n, 2);
	assert_string_equal(vl.v[0].person_id, liz);
	assert_string_equal(vl.v[1].person_id, ann);
	assert_int_equal(vl.v[1].vote, VOTE_ABSTAIN);
	assert_string_equal(vl.v[1].reason, "not present for the debate");
	vote_list_free(&vl);
	struct resolution_list l;
	assert_int_equal(resolution_list(f->db, mt, NULL, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].preamble, "The Health and Wellbeing Board:");
	assert_string_equal(l.v[0].body, "Approves the plan.");
	assert_string_equal(l.v[0].mover, liz);
	assert_string_equal(l.v[0].seconder, "");
	assert_int_equal(l.v[0].votes_for, 6);
	assert_int_equal(l.v[0].votes_against, 6);
	assert_int_equal(l.v[0].votes_abstain, 1);
	assert_true(l.v[0].recorded && l.v[0].has_casting);
	assert_int_equal(l.v[0].casting, VOTE_FOR);
	assert_int_equal(l.v[0].outcome, OUTCOME_CARRIED);
	l.v[0].has_casting = false;
	l.v[0].outcome = OUTCOME_LOST;
	assert_int_equal(resolution_update(f->db, &l.v[0], &err), CLERK_OK);
	resolution_list_free(&l);
	assert_int_equal(resolution_list(f->db, mt, item, &l, &err), CLERK_OK);
	assert_false(l.v[0].has_casting);
	assert_int_equal(l.v[0].outcome, OUTCOME_LOST);
	resolution_list_free(&l);
	assert_int_equal(resolution_delete(f->db, r.id, &err), CLERK_OK);
	assert_int_equal(vote_list(f->db, r.id, &vl, &err), CLERK_OK);
	assert_int_equal(vl.n, 0);
	vote_list_free(&vl);
	assert_int_equal(vote_set(f->db, &v, &err), CLERK_NOT_FOUND);
	vote_free(&v);
	resolution_free(&r);
}

static void test_actions_and_corrections(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, later;
	fixture_meeting(f, 2017, 6, 29, 10, mt);
	fixture_meeting(f, 2017, 10, 5, 10, later);
	struct action a = {.body = xstrdup("Bring back recommendations to the HWB"),
			   .owner = xstrdup("Director of Public Health"),
			   .due = xstrdup("2017-10-05")};
	memcpy(a.meeting_id, mt, sizeof a.meeting_id);
	assert_int_equal(action_create(f->db, &a, &err), CLERK_OK);
	free(a.due);
	a.due = xstrdup("October");
	assert_int_equal(action_update(f->db, &a, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "due date \"October\""));
	free(a.due);
	a.due = xstrdup("");
	a.status = ACTION_DONE;
	assert_int_equal(action_update(f->db, &a, &err), CLERK_OK);
	struct action_list al;
	assert_int_equal(action_list(f->db, mt, &al, &err), CLERK_OK);
	assert_int_equal(al.n, 1);
	assert_string_equal(al.v[0].owner, "Director of Public Health");
	assert_string_equal(al.v[0].due, "");
	assert_int_equal(al.v[0].status, ACTION_DONE);
	action_list_free(&al);
	action_free(&a);
	struct correction c = {.body = xstrdup("Minute 12: for Mr read Dr")};
	memcpy(c.meeting_id, mt, sizeof c.meeting_id);
	memcpy(c.made_at, later, sizeof c.made_at);
	/* Draft minutes are corrected directly, not by a correction. */
	assert_int_equal(correction_create(f->db, &c, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "not confirmed yet"));
	clerk_id liz;
	fixture_person(f, "Liz Fairhurst", liz);
	assert_int_equal(meeting_confirm(f->db, mt, later, "", liz, &err),
			 CLERK_OK);
	assert_int_equal(correction_create(f->db, &c, &err), CLERK_OK);
	struct correction_list cl;
	assert_int_equal(correction_list(f->db, mt, false, &cl, &err), CLERK_OK);
	assert_int_equal(cl.n, 1);
	assert_string_equal(cl.v[0].body, "Minute 12: for Mr read Dr");
	assert_int_equal(cl.v[0].at, 1507197600);
	correction_list_free(&cl);
	assert_int_equal(correction_list(f->db, later, true, &cl, &err), CLERK_OK);
	assert_int_equal(cl.n, 1);
	correction_list_free(&cl);
	assert_int_equal(correction_list(f->db, later, false, &cl, &err),
			 CLERK_OK);
	assert_int_equal(cl.n, 0);
	correction_list_free(&cl);
	correction_free(&c);
}

static int count_rows(struct fixture *f, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int n = -1;
	assert_int_equal(sqlite3_prepare_v2(db_handle(f->db), sql, -1, &st, NULL),
			 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_confirmed_minutes_are_locked(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, next, item, liz, text;
	fixture_meeting(f, 2017, 6, 29, 10, mt);
	fixture_meeting(f, 2017, 10, 5, 10, next);
	fixture_item(f, mt, "Minutes", item);
	fixture_person(f, "Liz Fairhurst", liz);
	add_text(f, mt, item, SECTION_NARRATIVE, 0, "were agreed", text);
	assert_int_equal(meeting_confirm(f->db, mt, next, "", liz, &err),
			 CLERK_OK);
	struct meeting m;
	assert_int_equal(meeting_get(f->db, mt, &m, &err), CLERK_OK);
	assert_int_equal(m.minutes_state, MINUTES_CONFIRMED);
	assert_string_equal(m.confirmed_at, next);
	assert_string_equal(m.signed_by, liz);
	assert_int_equal(m.confirmed_on, 1507197600);
	int audit = count_rows(f, "SELECT count(*) FROM audit");
	assert_int_equal(minute_text_update(f->db, text, "were not agreed", &err),
			 CLERK_LOCKED);
	assert_non_null(strstr(err.msg, "confirmed"));
	assert_non_null(strstr(err.msg, "correction"));
	assert_int_equal(minute_text_delete(f->db, text, &err), CLERK_LOCKED);
	struct minute_text t = {.section = SECTION_HEARD, .body = xstrdup("x")};
	memcpy(t.meeting_id, mt, sizeof t.meeting_id);
	memcpy(t.item_id, item, sizeof t.item_id);
	assert_int_equal(minute_text_create(f->db, &t, &err), CLERK_LOCKED);
	minute_text_free(&t);
	assert_int_equal(event_append(f->db, mt, EVENT_NOTE, NULL, NULL, "late",
				      NULL, &err),
			 CLERK_LOCKED);
	assert_int_equal(item_delete(f->db, item, &err), CLERK_LOCKED);
	free(m.venue);
	m.venue = xstrdup("Elsewhere");
	assert_int_equal(meeting_update(f->db, &m, &err), CLERK_LOCKED);
	assert_int_equal(meeting_confirm(f->db, mt, next, "again", liz, &err),
			 CLERK_LOCKED);
	meeting_free(&m);
	assert_int_equal(count_rows(f, "SELECT count(*) FROM audit"), audit);
	struct minute_text_list l;
	assert_int_equal(minute_text_list(f->db, mt, NULL, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].body, "were agreed");
	minute_text_list_free(&l);
}

static void set_numbering(struct fixture *f, enum numbering n)
{
	struct clerk_err err;
	f->body.numbering = n;
	assert_int_equal(body_update(f->db, &f->body, &err), CLERK_OK);
}

static int first_minute(struct fixture *f, const char *id)
{
	struct clerk_err err;
	struct meeting m;
	assert_int_equal(meeting_get(f->db, id, &m, &err), CLERK_OK);
	int n = meeting_first_minute(f->db, &m);
	meeting_free(&m);
	return n;
}

static void test_minute_numbering_through_the_year(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id march, june, oct, dec, item;
	fixture_meeting(f, 2017, 3, 16, 10, march); /* year 2016/17 */
	fixture_meeting(f, 2017, 6, 29, 10, june);
	fixture_meeting(f, 2017, 10, 5, 10, oct);
	fixture_meeting(f, 2017, 12, 7, 10, dec);
	for (int i = 0; i < 4; i++)
		fixture_item(f, march, "Item", item);
	for (int i = 0; i < 7; i++)
		fixture_item(f, june, "Item", item);
	for (int i = 0; i < 5; i++)
		fixture_item(f, oct, "Item", item);
	assert_int_equal(first_minute(f, oct), 1);
	set_numbering(f, NUMBERING_PER_YEAR);
	assert_int_equal(first_minute(f, march), 1);
	assert_int_equal(first_minute(f, june), 1);
	assert_int_equal(first_minute(f, oct), 8);
	assert_int_equal(first_minute(f, dec), 13);
	/* a meeting numbered by hand restarts the count there */
	struct meeting m;
	assert_int_equal(meeting_get(f->db, june, &m, &err), CLERK_OK);
	m.first_minute = 40;
	assert_int_equal(meeting_update(f->db, &m, &err), CLERK_OK);
	meeting_free(&m);
	assert_int_equal(first_minute(f, june), 40);
	assert_int_equal(first_minute(f, dec), 52);
	/* a cancelled meeting takes no numbers */
	assert_int_equal(meeting_set_status(f->db, oct, MEETING_CANCELLED, &err),
			 CLERK_OK);
	assert_int_equal(first_minute(f, dec), 47);
}


/* What the file says about one meeting, to show a refusal changed nothing. */
static char *meeting_row(struct fixture *f, const char *id)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(f->db),
					    "SELECT minutes_state || '|' || "
					    "coalesce(confirmed_at, '') || '|' || "
					    "(SELECT count(*) FROM correction) || '|' "
					    "|| (SELECT count(*) FROM audit) FROM "
					    "meeting WHERE id = ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	char *row = xstrdup(sqlite3_step(st) == SQLITE_ROW
				    ? (const char *)sqlite3_column_text(st, 0)
				    : "");
	sqlite3_finalize(st);
	return row;
}

static void test_confirmation_rules(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id june, oct, dec, coming, liz, vice, other_m, seat, seat2;
	fixture_person(f, "Liz Fairhurst", liz);
	fixture_person(f, "Anne Vice", vice);
	fixture_seat(f, "Chairman", true, NULL, "2017-01-01", seat);
	fixture_seat(f, "Vice", true, NULL, "2017-01-01", seat2);
	assert_int_equal(membership_add(f->db, seat, liz, ROLE_CHAIRMAN, "",
					"2017-01-01", NULL, &err),
			 CLERK_OK);
	assert_int_equal(membership_add(f->db, seat2, vice, ROLE_VICE_CHAIRMAN,
					"", "2017-01-01", NULL, &err),
			 CLERK_OK);
	fixture_meeting(f, 2017, 6, 29, 10, june);
	fixture_meeting(f, 2017, 9, 1, 10, dec); /* to be cancelled */
	fixture_meeting(f, 2017, 10, 5, 9, oct);  /* the clock: 11:00 */
	fixture_meeting(f, 2017, 12, 7, 10, coming);
	/* another body's meeting, held */
	struct body other = {.name = xstrdup("Upper Testwood Parish Council")};
	memcpy(other.council_id, f->council.id, sizeof other.council_id);
	assert_int_equal(body_create(f->db, &other, &err), CLERK_OK);
	struct meeting om = {.starts_at = 1507100000, .public_present = -1};
	memcpy(om.body_id, other.id, sizeof om.body_id);
	assert_int_equal(meeting_create(f->db, &om, &err), CLERK_OK);
	memcpy(other_m, om.id, sizeof other_m);
	assert_int_equal(meeting_set_status(f->db, dec, MEETING_CANCELLED, &err),
			 CLERK_OK);
	char *before = meeting_row(f, june);

	/* at another body's meeting */
	assert_int_equal(meeting_confirm(f->db, june, other_m, "", liz, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "only be confirmed at a meeting of the "
					"Health and Wellbeing Board"));
	/* at a cancelled meeting */
	assert_int_equal(meeting_confirm(f->db, june, dec, "", liz, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "was cancelled"));
	/* at a meeting still to come */
	assert_int_equal(meeting_confirm(f->db, june, coming, "", liz, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "has not been held yet"));
	/* the minutes of a meeting not held */
	assert_int_equal(meeting_confirm(f->db, coming, coming, "", liz, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "has no minutes to confirm"));
	/* corrections obey the same rules */
	struct correction c = {.body = xstrdup("for Mr read Dr")};
	memcpy(c.meeting_id, june, sizeof c.meeting_id);
	memcpy(c.made_at, oct, sizeof c.made_at);
	assert_int_equal(correction_create(f->db, &c, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "not confirmed yet"));
	char *after = meeting_row(f, june);
	assert_string_equal(after, before);
	free(after);

	/* The vice-chairman presided: the chairman sent apologies. */
	struct attendance a = {.status = ATT_APOLOGY};
	memcpy(a.meeting_id, oct, sizeof a.meeting_id);
	memcpy(a.person_id, liz, sizeof a.person_id);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_OK);
	struct attendance v = {.status = ATT_PRESENT};
	memcpy(v.meeting_id, oct, sizeof v.meeting_id);
	memcpy(v.person_id, vice, sizeof v.person_id);
	assert_int_equal(attendance_set(f->db, &v, &err), CLERK_OK);
	/* the absent chairman cannot be named to sign */
	assert_int_equal(meeting_confirm(f->db, june, oct, "", liz, &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "not recorded present"));
	assert_int_equal(meeting_confirm(f->db, june, oct, "Minute 3: for 4 read 5",
					 NULL, &err),
			 CLERK_OK);
	struct meeting m;
	assert_int_equal(meeting_get(f->db, june, &m, &err), CLERK_OK);
	assert_string_equal(m.signed_by, vice);
	assert_string_equal(m.confirmed_amendment, "Minute 3: for 4 read 5");
	meeting_free(&m);
	enum presiding_role role;
	assert_int_equal(meeting_signed_as(f->db, june, &role), CLERK_OK);
	assert_int_equal(role, PRESIDING_VICE_CHAIRMAN);
	/* a correction at another body's meeting is refused too */
	memcpy(c.made_at, other_m, sizeof c.made_at);
	assert_int_equal(correction_create(f->db, &c, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "only be corrected at a meeting"));
	memcpy(c.made_at, oct, sizeof c.made_at);
	assert_int_equal(correction_create(f->db, &c, &err), CLERK_OK);
	correction_free(&c);
	attendance_free(&a);
	attendance_free(&v);
	meeting_free(&om);
	body_free(&other);
	free(before);
}

/* A file whose lock triggers were dropped still refuses: the model checks. */
static void test_lock_without_triggers(void **state)
{
	struct fixture *f = *state;
	struct clerk_err err;
	clerk_id mt, next, item, liz, text;
	fixture_meeting(f, 2017, 6, 29, 10, mt);
	fixture_meeting(f, 2017, 10, 5, 10, next);
	fixture_item(f, mt, "Minutes", item);
	fixture_person(f, "Liz Fairhurst", liz);
	add_text(f, mt, item, SECTION_NARRATIVE, 0, "were agreed", text);
	assert_int_equal(meeting_confirm(f->db, mt, next, "", liz, &err),
			 CLERK_OK);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(f->db),
					    "SELECT name FROM sqlite_schema WHERE "
					    "type = 'trigger' AND name LIKE 'lock_%'",
					    -1, &st, NULL),
			 SQLITE_OK);
	struct strbuf drop = {0};
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_addf(&drop, "DROP TRIGGER %s;", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_true(drop.len > 0);
	assert_int_equal(sqlite3_exec(db_handle(f->db), sb_str(&drop), NULL,
				      NULL, NULL),
			 SQLITE_OK);
	sb_free(&drop);
	assert_int_equal(minute_text_update(f->db, text, "were not agreed", &err),
			 CLERK_LOCKED);
	assert_non_null(strstr(err.msg, "confirmed and signed"));
	assert_int_equal(minute_text_delete(f->db, text, &err), CLERK_LOCKED);
	assert_int_equal(item_delete(f->db, item, &err), CLERK_LOCKED);
	assert_int_equal(event_append(f->db, mt, EVENT_NOTE, NULL, NULL, "x",
				      NULL, &err),
			 CLERK_LOCKED);
	struct attendance a = {.status = ATT_PRESENT};
	memcpy(a.meeting_id, mt, sizeof a.meeting_id);
	memcpy(a.person_id, liz, sizeof a.person_id);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_LOCKED);
	assert_int_equal(meeting_set_status(f->db, mt, MEETING_CANCELLED, &err),
			 CLERK_LOCKED);
	struct minute_text_list l;
	assert_int_equal(minute_text_list(f->db, mt, NULL, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].body, "were agreed");
	minute_text_list_free(&l);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)
	const struct CMUnitTest tests[] = {
		T(test_event_append_and_list),
		T(test_attendance_upsert_and_order),
		T(test_attendance_round_trip),
		T(test_references_must_exist),
		T(test_declaration_round_trip),
		T(test_minute_text_order),
		T(test_resolution_and_votes),
		T(test_actions_and_corrections),
		T(test_confirmed_minutes_are_locked),
		T(test_confirmation_rules),
		T(test_lock_without_triggers),
		T(test_minute_numbering_through_the_year),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
