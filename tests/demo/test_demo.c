/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/demo/test_demo: the demo board as a clerk would find it after
 * `clerk demo` — read back through the model API — and the .board format's
 * refusals, each naming the file and line.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../src/demo/board.h"
#include "clerk/demo.h"
#include "clerk/model.h"

struct fixture {
	char dir[64];
	char *path;
	struct db *db;
	struct body body;
};

static char *boards_dir(void)
{
	const char *top = getenv("top_srcdir");
	return xasprintf("%s/share/demo", top && *top ? top : CLERK_SRCDIR);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	strcpy(f->dir, "/tmp/clerk-demo-test.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->path = xasprintf("%s/demo.db", f->dir);
	char *boards = boards_dir();
	struct clerk_err err = {0};
	struct demo_summary sum = {0};
	enum clerk_status rc = demo_build(f->path, boards, false, &sum, &err);
	free(boards);
	if (rc) {
		fprintf(stderr, "# demo_build: %s\n", err.msg);
		return -1;
	}
	if (db_open(f->path, DB_EXISTING, &f->db, &err) ||
	    body_find(f->db, "HWB", &f->body, &err)) {
		fprintf(stderr, "# %s\n", err.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	if (!f)
		return 0;
	body_free(&f->body);
	db_close(&f->db);
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	int rc = system(cmd);
	free(cmd);
	free(f->path);
	free(f);
	return rc == 0 ? 0 : -1;
}

/* ------------------------------------------------------------ the board */

static void test_body(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(f->body.name, "Health and Wellbeing Board");
	assert_string_equal(f->body.short_name, "HWB");
	assert_string_equal(f->body.self_name, "the Board");
	assert_string_equal(f->body.council_name, "Hampshire County Council");
	assert_int_equal(f->body.council_kind, COUNCIL_PRINCIPAL);
	assert_int_equal(f->body.quorum_kind, QUORUM_FRACTION);
	assert_int_equal(f->body.quorum_num, 1);
	assert_int_equal(f->body.quorum_den, 4);
	assert_true(f->body.substitutes_allowed);
	assert_string_equal(f->body.minute_format, "%n.");
	assert_string_equal(f->body.style, "hampshire");
	assert_string_equal(f->body.tz, "Europe/London");
	/* A quarter of 21 seats, rounded up. */
	assert_int_equal(body_quorum(&f->body, 21), 6);
}

static const struct seat_info *seat_at(const struct seat_info_list *l,
				       int position)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].seat.position == position)
			return &l->v[i];
	static const struct seat_info none;
	fail_msg("no seat at position %d", position);
	return &none;
}

static bool has_sub(const struct seat_info *si, const char *name)
{
	for (size_t i = 0; i < si->nsubs; i++)
		if (strcmp(si->subs[i].person.name, name) == 0)
			return true;
	return false;
}

/* Appendix B: 21 seats on 5 October 2017. */
static void test_seats_october(void **state)
{
	struct fixture *f = *state;
	struct seat_info_list l = {0};
	struct clerk_err err = {0};
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-10-05", &l, &err),
			 CLERK_OK);
	/* The 21 seats of Appendix B: the seat Fire and Rescue replaced ended
	 * on 30 September 2017, by its own date in the schema. */
	assert_int_equal(l.n, 21);
	for (size_t i = 0; i < l.n; i++)
		assert_int_not_equal(l.v[i].seat.position, 22);
	int filled = 0;
	for (int pos = 1; pos <= 21; pos++)
		filled += seat_at(&l, pos)->filled;
	assert_int_equal(filled, 20); /* all but NHS England */

	const struct seat_info *chair = seat_at(&l, 3);
	assert_string_equal(chair->member.name, "Liz Fairhurst");
	assert_string_equal(chair->member.honorific, "Councillor");
	assert_int_equal(chair->role, ROLE_CHAIRMAN);
	assert_true(has_sub(chair, "Zilliah Brooks"));

	const struct seat_info *vice = seat_at(&l, 8);
	assert_string_equal(vice->member.name, "Barbara Rushton");
	assert_string_equal(vice->member.honorific, "Dr");
	assert_int_equal(vice->role, ROLE_VICE_CHAIRMAN);
	assert_true(vice->seat.substitute_tbc);
	assert_int_equal(vice->nsubs, 0);

	const struct seat_info *nhs = seat_at(&l, 13);
	assert_string_equal(nhs->seat.label,
			    "Wessex Local Area Team of NHS England");
	assert_false(nhs->filled);
	assert_string_equal(nhs->seat.vacancy_note, "Vacancy as of 1 Oct 2017");
	assert_int_equal(nhs->nsubs, 2);
	assert_true(has_sub(nhs, "Liz Mearns"));
	assert_true(has_sub(nhs, "John Duffy"));

	const struct seat_info *em2 = seat_at(&l, 17);
	assert_string_equal(em2->seat.label,
			    "District/Borough Council Elected Member 2");
	assert_string_equal(em2->member.name, "Roger Allen");
	assert_int_equal(em2->nsubs, 0);

	const struct seat_info *fire = seat_at(&l, 21);
	assert_string_equal(fire->seat.label, "Hampshire Fire and Rescue Service");
	assert_string_equal(fire->member.name, "Shantha Dickinson");
	assert_true(has_sub(fire, "Nigel Cooper"));

	assert_string_equal(fire->seat.from, "2017-10-01");
	assert_string_equal(fire->seat.to, "");

	/* Paul Archer's seat went to Fire and Rescue; he substitutes for the
	 * Director of Adults' Health and Care. */
	assert_true(has_sub(seat_at(&l, 4), "Paul Archer"));
	assert_true(has_sub(seat_at(&l, 5), "Stuart Ashley"));
	seat_info_list_free(&l);
}

/* The membership the minutes of 29 June 2017 show. */
static void test_seats_june(void **state)
{
	struct fixture *f = *state;
	struct seat_info_list l = {0};
	struct clerk_err err = {0};
	assert_int_equal(seat_info_list(f->db, f->body.id, "2017-06-29", &l, &err),
			 CLERK_OK);
	/* 21 seats, all filled: Fire and Rescue's seat did not exist yet. */
	assert_int_equal(l.n, 21);
	int filled = 0;
	for (size_t i = 0; i < l.n; i++) {
		filled += l.v[i].filled;
		assert_int_not_equal(l.v[i].seat.position, 21);
	}
	assert_int_equal(filled, 21);
	assert_string_equal(seat_at(&l, 13)->member.name, "Dominic Hardy");
	const struct seat_info *archer = seat_at(&l, 22);
	assert_string_equal(archer->seat.to, "2017-09-30");
	assert_string_equal(archer->member.name, "Paul Archer");
	assert_string_equal(archer->member_capacity,
			    "Director of Transformation & Governance");
	/* "He did not have a nominated substitute." */
	assert_int_equal(seat_at(&l, 5)->nsubs, 0);  /* Steve Crocker */
	assert_int_equal(seat_at(&l, 14)->nsubs, 0); /* Michael Lane */
	assert_int_equal(seat_at(&l, 4)->nsubs, 0);
	seat_info_list_free(&l);
}

/* ---------------------------------------------------------- 5 October */

static void find_meeting(struct fixture *f, const char *date, struct meeting *m)
{
	struct clerk_err err = {0};
	if (meeting_find(f->db, date, "HWB", m, &err))
		fail_msg("meeting %s: %s", date, err.msg);
}

static void local_hhmm(time_t t, char out[8])
{
	if (!t) {
		strcpy(out, "-");
		return;
	}
	time_format_local(t, "Europe/London", "%H:%M", out, 8);
}

static void test_agenda_october(void **state)
{
	static const struct {
		const char *number, *title, *pages, *start;
		int minutes;
		enum item_kind kind;
	} want[] = {
		{"1", "APOLOGIES FOR ABSENCE", "", "10:00", 5, ITEM_APOLOGIES},
		{"2", "DECLARATIONS OF INTEREST", "", "-", 0, ITEM_DECLARATIONS},
		{"3", "MINUTES OF PREVIOUS MEETING", "5 - 10", "10:05", 5,
		 ITEM_PREVIOUS_MINUTES},
		{"4", "DEPUTATIONS", "", "-", 0, ITEM_DEPUTATIONS},
		{"5", "CHAIRMAN'S ANNOUNCEMENTS", "", "10:10", 5,
		 ITEM_ANNOUNCEMENTS},
		{"6", "DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION", "11 - 32",
		 "10:15", 15, ITEM_ORDINARY},
		{"7", "ANNUAL REPORT OF THE HAMPSHIRE SAFEGUARDING CHILDREN'S "
		      "BOARD",
		 "", "10:30", 15, ITEM_ORDINARY},
		{"8", "HAMPSHIRE AND ISLE OF WIGHT SUSTAINABILITY AND "
		      "TRANSFORMATION PLAN",
		 "", "10:45", 15, ITEM_ORDINARY},
		{"9", "HEALTH AND WELLBEING DISTRICT FORUM", "33 - 36", "11:00",
		 10, ITEM_ORDINARY},
		{"10", "HEALTH AND WELLBEING BOARD BUSINESS SUBGROUP REPORT",
		 "37 - 58", "11:10", 15, ITEM_ORDINARY},
		{"11", "ANY OTHER BUSINESS", "", "11:25", 5, ITEM_AOB},
		{"12", "DATE OF NEXT MEETING", "", "11:30", 5, ITEM_NEXT_MEETING},
	};
	struct fixture *f = *state;
	struct meeting m = {0};
	find_meeting(f, "2017-10-05", &m);
	assert_int_equal(m.status, MEETING_SCHEDULED);
	assert_int_equal(m.minutes_state, MINUTES_DRAFT);
	assert_string_equal(m.venue,
			    "Ashburton Hall, Elizabeth II Court, The Castle, "
			    "Winchester");
	char hhmm[8];
	local_hhmm(m.starts_at, hhmm);
	assert_string_equal(hhmm, "10:00");
	struct item_list l = {0};
	struct clerk_err err = {0};
	assert_int_equal(item_list(f->db, m.id, &l, &err), CLERK_OK);
	assert_int_equal(l.n, 12);
	for (size_t i = 0; i < l.n; i++) {
		assert_string_equal(l.v[i].number, want[i].number);
		assert_string_equal(l.v[i].title, want[i].title);
		assert_string_equal(l.v[i].pages, want[i].pages);
		local_hhmm(l.v[i].planned_start, hhmm);
		assert_string_equal(hhmm, want[i].start);
		assert_int_equal(l.v[i].planned_minutes, want[i].minutes);
		assert_int_equal(l.v[i].kind, want[i].kind);
	}
	assert_string_equal(l.v[5].presenter,
			    "Steve Crocker, Director of Children's Services");
	assert_non_null(strstr(l.v[11].description, "14 December 2017"));
	item_list_free(&l);
	meeting_free(&m);
}

/* ------------------------------------------------------------ 29 June */

static const struct attendance *attendee(const struct attendance_list *l,
					 const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].person.name, name) == 0)
			return &l->v[i];
	static const struct attendance none;
	fail_msg("%s is not in the attendance", name);
	return &none;
}

static void test_attendance_june(void **state)
{
	struct fixture *f = *state;
	struct meeting m = {0};
	find_meeting(f, "2017-06-29", &m);
	struct attendance_list l = {0};
	struct clerk_err err = {0};
	assert_int_equal(attendance_list(f->db, m.id, &l, &err), CLERK_OK);
	int count[ATT_IN_ATTENDANCE + 1] = {0};
	for (size_t i = 0; i < l.n; i++)
		count[l.v[i].status]++;
	/* PRESENT: 15 'p' and 6 'a' (5 apologies, Paul Archer absent). */
	assert_int_equal(count[ATT_PRESENT], 15);
	assert_int_equal(count[ATT_APOLOGY] + count[ATT_ABSENT], 6);
	assert_int_equal(count[ATT_APOLOGY], 5);
	assert_int_equal(count[ATT_SUBSTITUTE], 1);
	assert_int_equal(count[ATT_IN_ATTENDANCE], 1);
	assert_int_equal(attendee(&l, "Paul Archer")->status, ATT_ABSENT);

	const struct attendance *whitfield = attendee(&l, "Andrew Whitfield");
	const struct attendance *bibawy = attendee(&l, "Peter Bibawy");
	assert_int_equal(whitfield->status, ATT_APOLOGY);
	assert_int_equal(bibawy->status, ATT_SUBSTITUTE);
	assert_string_equal(bibawy->substitute_for, whitfield->person_id);
	assert_string_equal(bibawy->seat_id, whitfield->seat_id);
	assert_non_null(strstr(whitfield->substitute_note,
			       "attended in his place"));

	const struct attendance *schofield = attendee(&l, "Sarah Schofield");
	assert_int_equal(schofield->status, ATT_APOLOGY);
	assert_non_null(strstr(schofield->substitute_note,
			       "Heather Hauschild, Chief Officer, was unable to "
			       "attend in her place due to a CCG Board meeting"));
	assert_string_equal(schofield->person.pronoun, "she");
	assert_non_null(strstr(attendee(&l, "Julie Dawes")->substitute_note,
			       "Sue Harriman"));
	const struct attendance *crocker = attendee(&l, "Steve Crocker");
	assert_non_null(strstr(crocker->note, "Isle of Wight"));
	assert_string_equal(crocker->substitute_note,
			    "He did not have a nominated substitute.");
	assert_string_equal(attendee(&l, "Michael Lane")->substitute_note,
			    "He did not have a nominated substitute.");

	const struct attendance *huxstep = attendee(&l, "Roger Huxstep");
	assert_int_equal(huxstep->status, ATT_IN_ATTENDANCE);
	assert_string_equal(huxstep->capacity, "standing observer");
	assert_string_equal(huxstep->seat_id, "");
	assert_string_equal(attendee(&l, "Phil Taverner")->capacity,
			    "Test Valley Community Services, Voluntary Sector "
			    "Representative");
	attendance_list_free(&l);
	meeting_free(&m);
}

static int count_section(const struct minute_text_list *l, const char *item_id,
			 enum minute_section s)
{
	int n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += strcmp(l->v[i].item_id, item_id) == 0 && l->v[i].section == s;
	return n;
}

static void test_minutes_june(void **state)
{
	struct fixture *f = *state;
	struct meeting m = {0};
	find_meeting(f, "2017-06-29", &m);
	struct item_list items = {0};
	struct minute_text_list text = {0};
	struct resolution_list res = {0};
	struct action_list actions = {0};
	struct clerk_err err = {0};
	assert_int_equal(item_list(f->db, m.id, &items, &err), CLERK_OK);
	assert_int_equal(items.n, 14);
	assert_string_equal(items.v[4].title, "ELECTION OF VICE CHAIRMAN");
	assert_int_equal(items.v[4].kind, ITEM_ELECTION);
	assert_string_equal(items.v[13].title, "DATE OF NEXT MEETING");
	assert_int_equal(minute_text_list(f->db, m.id, NULL, &text, &err),
			 CLERK_OK);
	/* Item 7: received, one point heard, two comments. */
	const char *i7 = items.v[6].id;
	assert_int_equal(count_section(&text, i7, SECTION_RECEIVED), 1);
	assert_int_equal(count_section(&text, i7, SECTION_HEARD), 1);
	assert_int_equal(count_section(&text, i7, SECTION_COMMENTED), 2);
	assert_int_equal(count_section(&text, items.v[7].id, SECTION_HEARD), 5);
	assert_int_equal(count_section(&text, items.v[13].id, SECTION_NARRATIVE),
			 3);
	for (size_t i = 0; i < text.n; i++)
		if (strcmp(text.v[i].item_id, i7) == 0 &&
		    text.v[i].section == SECTION_RECEIVED)
			assert_string_equal(
				text.v[i].body,
				"a presentation on behalf of the Director of "
				"Public Health (see Item 7 in the Minute Book) "
				"regarding the Hampshire Domestic Abuse "
				"Strategy for 2017-2022.");

	/* The vice-chairman: proposed by the Chairman, seconded. */
	assert_int_equal(resolution_list(f->db, m.id, items.v[4].id, &res, &err),
			 CLERK_OK);
	assert_int_equal(res.n, 1);
	assert_non_null(strstr(res.v[0].body, "Dr Barbara Rushton appointed"));
	struct person mover = {0}, seconder = {0};
	assert_int_equal(person_get(f->db, res.v[0].mover, &mover, &err),
			 CLERK_OK);
	assert_int_equal(person_get(f->db, res.v[0].seconder, &seconder, &err),
			 CLERK_OK);
	assert_string_equal(mover.name, "Liz Fairhurst");
	assert_string_equal(seconder.name, "David Chilvers");
	person_free(&mover);
	person_free(&seconder);
	resolution_list_free(&res);

	/* Item 8: three numbered resolutions under one preamble. */
	assert_int_equal(resolution_list(f->db, m.id, items.v[7].id, &res, &err),
			 CLERK_OK);
	assert_int_equal(res.n, 3);
	for (size_t i = 0; i < res.n; i++) {
		assert_string_equal(res.v[i].preamble,
				    "The Health and Wellbeing Board:");
		assert_int_equal(res.v[i].outcome, OUTCOME_CARRIED);
	}
	assert_string_equal(res.v[1].body,
			    "Consider and confirm the proposed application of "
			    "the IBCF.");
	resolution_list_free(&res);

	assert_int_equal(action_list(f->db, m.id, &actions, &err), CLERK_OK);
	assert_int_equal(actions.n, 1);
	assert_string_equal(actions.v[0].owner, "Business Subgroup");
	assert_string_equal(actions.v[0].due, "2017-10-05");
	action_list_free(&actions);
	minute_text_list_free(&text);
	item_list_free(&items);
	meeting_free(&m);
}

/* February's minutes were confirmed at 29 June and are locked; June's are
 * a draft until 5 October confirms them (in the live console). */
static void test_confirmed(void **state)
{
	struct fixture *f = *state;
	struct meeting feb = {0}, june = {0}, oct = {0};
	find_meeting(f, "2017-02-23", &feb);
	find_meeting(f, "2017-06-29", &june);
	find_meeting(f, "2017-10-05", &oct);
	assert_int_equal(feb.minutes_state, MINUTES_CONFIRMED);
	assert_string_equal(feb.confirmed_at, june.id);
	assert_int_equal(june.minutes_state, MINUTES_DRAFT);
	assert_string_equal(june.confirmed_at, "");
	assert_true(feb.confirmed_on != 0);
	struct person signer = {0};
	struct clerk_err err = {0};
	assert_int_equal(person_get(f->db, feb.signed_by, &signer, &err),
			 CLERK_OK);
	assert_string_equal(signer.name, "Liz Fairhurst");
	/* locked: even the attendance of February cannot change */
	struct attendance a = {.status = ATT_PRESENT};
	memcpy(a.meeting_id, feb.id, sizeof a.meeting_id);
	memcpy(a.person_id, signer.id, sizeof a.person_id);
	assert_int_equal(attendance_set(f->db, &a, &err), CLERK_LOCKED);
	person_free(&signer);
	meeting_free(&feb);
	meeting_free(&june);
	meeting_free(&oct);
}

/* ------------------------------------------------------- the format */

static void expect_parse_error(const char *text, const char *want)
{
	struct board_node root;
	struct clerk_err err = {0};
	assert_int_equal(board_parse("t.board", text, strlen(text), &root, &err),
			 CLERK_INVALID);
	if (!strstr(err.msg, want))
		fail_msg("wanted '%s' in '%s'", want, err.msg);
	assert_null(root.kids);
}

static void test_parse(void **state)
{
	(void)state;
	const char *text = "# comment\n"
			   "person a\n"
			   "  name Ann\n"
			   "    + Smith  \n"
			   "\n"
			   "  role  Clerk \r\n"
			   "person b\n";
	struct board_node root;
	struct clerk_err err = {0};
	assert_int_equal(board_parse("t.board", text, strlen(text), &root, &err),
			 CLERK_OK);
	assert_int_equal(root.nkids, 2);
	assert_string_equal(root.kids[0].value, "a");
	assert_int_equal(root.kids[0].nkids, 2);
	assert_string_equal(root.kids[0].kids[0].value, "Ann Smith");
	assert_string_equal(root.kids[0].kids[1].key, "role");
	assert_string_equal(root.kids[0].kids[1].value, "Clerk");
	assert_int_equal(root.kids[0].kids[1].line, 6);
	assert_int_equal(root.kids[1].line, 7);
	board_node_free(&root);
	board_node_free(&root); /* twice is safe */

	expect_parse_error("person a\n\tname A\n", "t.board:2: a tab character");
	expect_parse_error("person a\n    name A\n  role B\n",
			   "t.board:3: indented by 2 spaces, but the lines "
			   "beside it are indented by 4");
	expect_parse_error("+ more\n", "t.board:1: a '+' line continues");
	expect_parse_error("person a\n  name A\n  role B\n    x y\n  + z\n",
			   "t.board:5: a '+' line continues");
	expect_parse_error("person a\n  =name A\n", "t.board:2: expected a keyword");
	expect_parse_error("person a\n  name\xff\n", "t.board:2: the line is not "
						     "valid UTF-8");
	expect_parse_error("person a\n  name A\x1b[2J\n",
			   "t.board:2: a control character");
}

/* A folder holding one .board file with text; returns the folder. */
static char *board_folder(const char *text)
{
	char *dir = xstrdup("/tmp/clerk-board.XXXXXX");
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/x.board", dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	free(path);
	return dir;
}

static void remove_folder(char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
}

static void expect_load_error(const char *text, const char *want)
{
	char *dir = board_folder(text);
	char *db_path = xasprintf("%s/t.db", dir);
	struct clerk_err err = {0};
	enum clerk_status rc = demo_build(db_path, dir, false, NULL, &err);
	assert_int_equal(rc, CLERK_INVALID);
	char *where = xasprintf("%s/x.board:%s", dir, want);
	if (!strstr(err.msg, where))
		fail_msg("wanted '%s' in '%s'", where, err.msg);
	/* Nothing is left behind: no database, no temporary file. */
	char *cmd = xasprintf("test -z \"$(ls -A '%s' | grep -v '^x.board$')\"",
			      dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(where);
	free(db_path);
	remove_folder(dir);
}

static void test_load_errors(void **state)
{
	(void)state;
	static const char head[] = "council c\n  name C\n"
				   "person p\n  name P\n"
				   "body b\n  council c\n  name B\n"
				   "  seat S\n    member p\n      from 2017-05-25\n";
	char *t;
	expect_load_error("person p\n  nmae P\n",
			  "2: 'nmae' does not belong under 'person'");
	expect_load_error("person p\n", "1: 'person' needs a 'name' line");
	expect_load_error("person p\n  name P\nperson p\n  name Q\n",
			  "3: person 'p' is declared twice");
	expect_load_error("persn p\n", "1: unknown statement 'persn'");
	expect_load_error("person p\n  name P\n  pronoun hee\n",
			  "3: unknown pronoun 'hee'");
	t = xasprintf("%smeeting m\n  body b\n  starts 2017-06-31 10:00\n", head);
	expect_load_error(t, "13: '2017-06-31' is not a date");
	free(t);
	t = xasprintf("%smeeting m\n  body b\n  starts 2017-06-29 10:00\n"
		      "  attendance\n    present q\n",
		      head);
	expect_load_error(t, "15: no person 'q' (declare it with 'person q'");
	free(t);
	t = xasprintf("%sperson o\n  name O\nmeeting m\n  body b\n"
		      "  starts 2017-06-29 10:00\n  attendance\n    present o\n",
		      head);
	expect_load_error(t, "17: 'o' held no seat of this body on 2017-06-29");
	free(t);
	t = xasprintf("%smeeting m\n  body b\n  starts 2017-06-29 10:00\n"
		      "  item 1\n    title T\n    kind ordinry\n",
		      head);
	expect_load_error(t, "16: unknown kind 'ordinry'");
	free(t);
	t = xasprintf("%smeeting m\n  body b\n  starts 2017-06-29 10:00\n"
		      "  confirmed-at n\n    signed-by p\n",
		      head);
	expect_load_error(t, "14: no meeting 'n'");
	free(t);
	t = xasprintf("%s      to 2017-05-01\n", head);
	expect_load_error(t, "9: 'to 2017-05-01' is not after 'from 2017-05-25'");
	free(t);
}

/* A failed rebuild leaves the old database exactly as it was. */
static void test_failed_rebuild_keeps_file(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db); /* as when no clerk has the file open */
	char *before = xasprintf("cksum < '%s'", f->path);
	FILE *p = popen(before, "r");
	char sum1[128] = "", sum2[128] = "";
	assert_non_null(fgets(sum1, sizeof sum1, p));
	pclose(p);
	char *dir = board_folder("person p\n  name P\n  bogus x\n");
	struct clerk_err err = {0};
	assert_int_equal(demo_build(f->path, dir, false, NULL, &err), CLERK_INVALID);
	p = popen(before, "r");
	assert_non_null(fgets(sum2, sizeof sum2, p));
	pclose(p);
	assert_string_equal(sum1, sum2);
	char *cmd = xasprintf("test \"$(ls -A '%s')\" = demo.db", f->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(before);
	remove_folder(dir);
	assert_int_equal(db_open(f->path, DB_EXISTING, &f->db, &err), CLERK_OK);
}

/* Mangled copies of the real board (bytes flipped, lines cut, indentation
 * changed) are parsed without a crash, and each either parses or names a
 * line of the file.  Deterministic: a fixed generator. */
static void test_parse_mangled(void **state)
{
	(void)state;
	char *dir = boards_dir();
	char *path = xasprintf("%s/hampshire-hwb.board", dir);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	struct strbuf sb = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sb_addn(&sb, buf, n);
	fclose(fp);
	static const char bytes[] = {' ', '\n', '+', '#', '\t', '\0', '\xc3',
				     'x', '-', '\r'};
	uint32_t seed = 12345;
	char *copy = xmalloc(sb.len + 1);
	for (int round = 0; round < 2000; round++) {
		memcpy(copy, sb.s, sb.len);
		size_t len = sb.len;
		for (int k = 0; k < 1 + round % 4; k++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % len;
			seed = seed * 1103515245u + 12345u;
			if (seed % 5 == 0)
				len = at + 1; /* cut the file short */
			else
				copy[at] = bytes[(seed >> 8) % sizeof bytes];
		}
		struct board_node root;
		struct clerk_err err = {0};
		enum clerk_status rc = board_parse("m.board", copy, len, &root,
						   &err);
		if (rc) {
			assert_int_equal(rc, CLERK_INVALID);
			assert_int_equal(strncmp(err.msg, "m.board:", 8), 0);
		}
		board_node_free(&root);
	}
	free(copy);
	sb_free(&sb);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body),
		cmocka_unit_test(test_seats_october),
		cmocka_unit_test(test_seats_june),
		cmocka_unit_test(test_agenda_october),
		cmocka_unit_test(test_attendance_june),
		cmocka_unit_test(test_minutes_june),
		cmocka_unit_test(test_confirmed),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_mangled),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_failed_rebuild_keeps_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
