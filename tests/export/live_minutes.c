/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/export/live_minutes: a meeting run through the live console's API
 * (clerk/live.h) from the demo board's notice of 5 October 2017 comes out
 * as minutes in the house style: attendance with a substitute and a late
 * arrival at its item, a pecuniary interest that sent a member out, heard
 * points, a counted vote, the exclusion of the public worded by the live
 * module and shown once, the exempt minute only in the confidential
 * record, and the confirmation of 29 June 2017's minutes (recorded by the
 * demo as made at this meeting) under the previous-minutes item.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "clerk/demo.h"
#include "clerk/export.h"
#include "clerk/live.h"
#include "clerk/model.h"
#include "../scratch.h"

struct fx {
	char dir[64];
	char *path;
	struct db *db;
	struct live *l;
};

static void person_id(struct fx *f, const char *name, clerk_id out)
{
	struct person_list pl = {0};
	struct clerk_err err = {0};
	assert_int_equal(person_search(f->db, name, &pl, &err), CLERK_OK);
	assert_true(pl.n >= 1);
	memcpy(out, pl.v[0].id, sizeof(clerk_id));
	person_list_free(&pl);
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	struct clerk_err err = {0};
	f->path = scratch_make(f->dir, sizeof f->dir, "livemin");
	assert_non_null(f->path);
	assert_int_equal(db_open(f->path, DB_CREATE, &f->db, &err), CLERK_OK);
	struct demo_summary sum = {0};
	assert_int_equal(demo_load_dir(f->db, CLERK_SRCDIR "/share/demo", &sum,
				       &err),
			 CLERK_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	live_free(&f->l);
	db_close(&f->db);
	scratch_remove(f->dir, f->path);
	free(f->path);
	free(f);
	clock_reset();
	return 0;
}

static char *minutes_text(struct fx *f, const char *meeting_id,
			  bool confidential)
{
	struct export_opts opts = {.confidential = confidential};
	struct doc d = {0};
	struct clerk_err err = {0};
	char *out = NULL;
	assert_int_equal(export_minutes_build(f->db, meeting_id, &opts, &d, &err),
			 CLERK_OK);
	assert_int_equal(export_render(&export_text_ops, &d, &out, &err),
			 CLERK_OK);
	doc_free(&d);
	/* One line: sentences are checked whatever the wrapping. */
	char *w = out;
	for (char *r = out; *r; r++) {
		char ch = *r == '\n' ? ' ' : *r;
		if (ch == ' ' && w > out && w[-1] == ' ')
			continue;
		*w++ = ch;
	}
	*w = '\0';
	return out;
}

static void has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("wanted to see: %s", needle);
}

static void lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle))
		fail_msg("did not want: %s", needle);
}

/* A call that must succeed; on failure its sentence is shown. */
#define OK(call)                                                        \
	do {                                                            \
		if ((call) != CLERK_OK)                                 \
			fail_msg("%s: %s", #call, err.msg);             \
	} while (0)

static void test_live_meeting_minutes(void **state)
{
	struct fx *f = *state;
	struct live *l = NULL;
	struct clerk_err err = {0};
	struct meeting m = {0}, june = {0};
	OK(meeting_find(f->db, "2017-10-05", "HWB", &m, &err));
	OK(meeting_find(f->db, "2017-06-29", "HWB", &june, &err));
	clock_set(time_from_local("Europe/London", 2017, 10, 5, 10, 0));
	OK(live_open(f->db, m.id, &l, &err));
	f->l = l;
	clerk_id fairhurst, mans, whitfield, bibawy, crocker, stallard;
	person_id(f, "Liz Fairhurst", fairhurst);
	person_id(f, "Keith Mans", mans);
	person_id(f, "Andrew Whitfield", whitfield);
	person_id(f, "Peter Bibawy", bibawy);
	person_id(f, "Steve Crocker", crocker);
	person_id(f, "Patricia Stallard", stallard);

	/* Attendance: all present but three. */
	OK(live_att_substitute(l, whitfield, bibawy, &err));
	OK(live_att_all_present(l, NULL, &err));
	OK(live_att_apology(l, crocker, "attending another meeting", &err));
	OK(live_att_absent(l, stallard, "", &err));

	/* 1 apologies, 2 declarations, 3 previous minutes. */
	OK(live_next(l, &err));
	OK(live_next(l, &err));
	OK(live_declare(l, mans, 5, INTEREST_PECUNIARY,
			"a director of a domestic abuse charity", false, false,
			NULL, &err));
	clock_advance(300);
	OK(live_next(l, &err));
	/* Item 3: this meeting confirms the minutes of 29 June (the console's
	 * K), signed by the chairman recorded present. */
	OK(export_confirm_minutes(f->db, june.id, m.id, "", NULL, &err));
	/* 4, 5, then 6: the JTAI item, with a late arrival. */
	OK(live_next(l, &err));
	OK(live_next(l, &err));
	clock_advance(600);
	OK(live_next(l, &err));
	OK(live_att_arrived(l, stallard, 0, &err));
	OK(live_text_add(l, SECTION_HEARD, "The inspection found good practice",
			 NULL, &err));
	struct resolution r = {0};
	OK(live_move(l, RES_MOTION, NULL, "", "That the Board notes the findings.",
		     fairhurst, NULL, &r, &err));
	OK(live_vote_counts(l, r.id, 12, 1, 2, &err));
	resolution_free(&r);
	/* 7: taken in private, the public excluded before it starts (the
	 * resolution is moved at item 6). */
	OK(live_exclude_public(l, 6, "2", NULL, &err));
	clock_advance(900);
	OK(live_next(l, &err));
	OK(live_text_add(l, SECTION_EXEMPT, "EXEMPT-LIVE a named child's case",
			 NULL, &err));
	OK(live_readmit_public(l, &err));
	OK(live_close(l, &err));

	char *pub = minutes_text(f, m.id, false);
	if (getenv("LIVE_MINUTES_SHOW"))
		fprintf(stderr, "%s\n", pub);
	has(pub, "AT A MEETING of the Health and Wellbeing Board of HAMPSHIRE "
		 "COUNTY COUNCIL held at Ashburton Hall");
	has(pub, "Steve Crocker, Director of Children's Services, due to "
		 "attending another meeting. His substitute did not attend.");
	has(pub, "Dr Peter Bibawy, Medical Director, his substitute, attended "
		 "in his place.");
	has(pub, "Councillor Keith Mans declared a disclosable pecuniary "
		 "interest in minute 6 (DOMESTIC ABUSE JOINT TARGETED AREA "
		 "INSPECTION): a director of a domestic abuse charity. He left "
		 "the meeting while the matter was discussed.");
	has(pub, "The Minutes of the Health and Wellbeing Board meeting held on "
		 "29 June 2017 were confirmed as a correct record and signed by "
		 "the Chairman.");
	has(pub, "Councillor Patricia Stallard arrived at the meeting during "
		 "this item at 10.15 am.");
	has(pub, "The Board heard that: - The inspection found good practice");
	/* Two resolutions at item 6: numbered. */
	has(pub, "RESOLVED: 1. That the Board notes the findings. (Votes: For "
		 "12, Against 1, Abstentions 2) 2. That the press and public be "
		 "excluded from the meeting during item 7");
	/* The exempt item shows its title only, and then the readmission of
	 * the press and public (never exempt: it is what the public saw). */
	has(pub, "7. ANNUAL REPORT OF THE HAMPSHIRE SAFEGUARDING CHILDREN'S "
		 "BOARD The press and public were readmitted. 8. HAMPSHIRE AND "
		 "ISLE OF WIGHT");
	lacks(pub, "EXEMPT-LIVE");
	/* The exclusion is shown once, where it was resolved. */
	const char *first = strstr(pub, "public be excluded");
	assert_non_null(first);
	assert_null(strstr(first + 1, "public be excluded"));
	free(pub);

	char *conf = minutes_text(f, m.id, true);
	has(conf, "EXEMPT-LIVE a named child's case");
	free(conf);
	/* The June minutes are now signed with the October date. */
	char *jm = minutes_text(f, june.id, false);
	has(jm, "Chairman, 5 October 2017");
	free(jm);
	meeting_free(&m);
	meeting_free(&june);
}

int main(void)
{
	setenv("CLERK_SHARE", CLERK_SRCDIR "/share", 1);
	setenv("TZ", "Europe/London", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_live_meeting_minutes, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
