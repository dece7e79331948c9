/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/live/test_live_demo: the demo board's meeting of 5 October 2017
 * (Hampshire Health and Wellbeing Board, Ashburton Hall, 10:00), run live
 * from the agenda of its notice with its "Approx. Timings", through the
 * live API on a clerk file built from share/demo with a fixed clock.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "clerk/demo.h"
#include "clerk/live.h"
#include "../scratch.h"

#define T0 1507194000 /* 2017-10-05T09:00:00Z: 10:00 in Winchester */
#define MIN 60

struct fx {
	char dir[64];
	char *path;
	struct db *db;
	clerk_id meeting;
	struct live *l;
	struct clerk_err err;
};

#define OK(call) assert_int_equal((call), CLERK_OK)

static int fx_setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	f->path = scratch_make(f->dir, sizeof f->dir, "livedemo");
	assert_non_null(f->path);
	clock_set(T0 - 60 * MIN);
	OK(db_open(f->path, DB_CREATE, &f->db, &f->err));
	const char *top = getenv("top_srcdir");
	char *dir = top ? xasprintf("%s/share/demo", top)
			: clerk_share_path("demo");
	OK(demo_load_dir(f->db, dir, NULL, &f->err));
	free(dir);
	struct meeting m = {0};
	OK(meeting_find(f->db, "2017-10-05", "HWB", &m, &f->err));
	memcpy(f->meeting, m.id, sizeof f->meeting);
	assert_int_equal(m.status, MEETING_SCHEDULED);
	meeting_free(&m);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
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

/* The id of the person named exactly `name`. */
static void person_named(struct fx *f, const char *name, clerk_id out)
{
	struct person_list pl = {0};
	OK(person_search(f->db, name, &pl, &f->err));
	out[0] = '\0';
	for (size_t i = 0; i < pl.n; i++)
		if (!strcmp(pl.v[i].name, name))
			memcpy(out, pl.v[i].id, sizeof(clerk_id));
	person_list_free(&pl);
	assert_string_not_equal(out, "");
}

/* Move the clock to local time 10:mm (hh 10 or 11) and reload. */
static void at(struct fx *f, int hh, int mm)
{
	clock_set(T0 + ((hh - 10) * 60 + mm) * MIN);
	OK(live_reload(f->l, &f->err));
}

static int count_events(struct fx *f, enum event_kind kind)
{
	int n = 0;
	for (size_t i = 0; i < f->l->events.n; i++)
		n += f->l->events.v[i].kind == kind;
	return n;
}

static void test_demo_meeting(void **state)
{
	struct fx *f = *state;
	clock_set(T0);
	OK(live_open(f->db, f->meeting, &f->l, &f->err));
	struct live *l = f->l;
	/* The agenda of the notice and its timings. */
	assert_int_equal(l->nitems, 12);
	assert_string_equal(l->items[5].item.title,
			    "DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION");
	assert_int_equal(l->items[5].planned_start, T0 + 15 * MIN);
	assert_int_equal(l->items[5].planned_seconds, 15 * MIN);
	assert_int_equal(l->planned_finish, T0 + 95 * MIN); /* 11:35 */
	/* Twenty filled seats on the day (NHS England's is vacant): a quorum
	 * of a quarter is five. */
	assert_int_equal(l->attendance.n, 20);
	assert_int_equal(l->voting_seats, 20);
	assert_int_equal(l->quorum, 5);

	/* Apologies: Dr Whitfield's nominated substitute attends; Julie
	 * Dawes is replaced by someone who is not her nominated substitute. */
	clerk_id whitfield, bibawy, dawes, dalton, mans, allen, fairhurst;
	person_named(f, "Andrew Whitfield", whitfield);
	person_named(f, "Peter Bibawy", bibawy);
	person_named(f, "Julie Dawes", dawes);
	person_named(f, "Fiona Dalton", dalton);
	person_named(f, "Keith Mans", mans);
	person_named(f, "Graham Allen", allen);
	person_named(f, "Liz Fairhurst", fairhurst);
	OK(live_att_apology(l, whitfield, "", &f->err));
	OK(live_att_substitute(l, whitfield, bibawy, &f->err));
	assert_string_equal(l->notice, "");
	OK(live_att_apology(l, dawes, "", &f->err));
	OK(live_att_substitute(l, dawes, dalton, &f->err));
	assert_non_null(strstr(l->notice, "not the nominated substitute for "
					  "Julie Dawes (nominated: Sue "
					  "Harriman)"));
	int n = 0;
	OK(live_att_all_present(l, &n, &f->err));
	assert_int_equal(n, 18);
	assert_int_equal(l->voting_in_room, 20);

	/* Items 1 to 5, then item 6 from 10:16 runs four minutes over. */
	OK(live_next(l, &f->err));
	at(f, 10, 3);
	OK(live_next(l, &f->err));
	OK(live_declare(l, mans, 5, INTEREST_NON_REGISTRABLE,
			"school governor", false, false, NULL, &f->err));
	assert_true(live_presence_of(l, mans)->in_room);
	at(f, 10, 5);
	OK(live_next(l, &f->err));
	at(f, 10, 9);
	OK(live_next(l, &f->err));
	OK(live_next(l, &f->err));
	at(f, 10, 16);
	OK(live_next(l, &f->err));
	assert_int_equal(l->current, 5);
	assert_int_equal(l->items[5].started, T0 + 16 * MIN);
	OK(live_text_add(l, SECTION_RECEIVED,
			 "a report of the Director of Children's Services",
			 NULL, &f->err));
	OK(live_resolve(l, "The Health and Wellbeing Board:",
			"Notes the findings of the inspection.", NULL,
			&f->err));
	at(f, 10, 35);
	assert_true(l->items[5].overrun);
	assert_int_equal(live_item_remaining(l), -4 * MIN);
	/* Items 7 to 12 still need 65 minutes: 11:40, five minutes late. */
	assert_int_equal(l->projected_finish, T0 + 100 * MIN);
	assert_int_equal(l->delay, 5 * MIN);

	/* Graham Allen leaves during item 7; the meeting stays quorate. */
	OK(live_next(l, &f->err));
	at(f, 10, 40);
	OK(live_att_departed(l, allen, 0, &f->err));
	assert_int_equal(l->voting_in_room, 19);
	assert_true(l->quorate);
	assert_int_equal(count_events(f, EVENT_QUORUM_LOST), 0);

	/* Killed and opened again: the same item and clock. */
	at(f, 10, 44);
	live_free(&f->l);
	OK(live_open(f->db, f->meeting, &f->l, &f->err));
	l = f->l;
	assert_int_equal(l->current, 6);
	assert_int_equal(l->items[6].elapsed, 9 * MIN);
	assert_int_equal(l->sitting, 44 * MIN);
	assert_int_equal(live_attendance_of(l, bibawy)->status, ATT_SUBSTITUTE);
	assert_int_equal(live_attendance_of(l, fairhurst)->status, ATT_PRESENT);
	assert_int_equal(count_events(f, EVENT_OPENED), 1);

	/* The rest of the agenda, and the meeting closes at 11:42. */
	for (int i = 7; i < 12; i++)
		OK(live_next(l, &f->err));
	at(f, 11, 42);
	OK(live_close(l, &f->err));
	assert_true(l->closed);
	assert_int_equal(l->closed_at, T0 + 102 * MIN);
	assert_int_equal(l->sitting, 102 * MIN);
	assert_true(l->items[11].done);
	struct meeting m = {0};
	OK(meeting_get(f->db, f->meeting, &m, &f->err));
	assert_int_equal(m.status, MEETING_CLOSED);
	meeting_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_meeting, fx_setup,
						fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
