/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/live/live_fixture: the board, seats and agenda shared by the live
 * API tests (see live_fixture.h).
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

#include "../scratch.h"
#include "live_fixture.h"

static const char *const names[5] = {"Anne Able", "Ben Baker", "Cara Cole",
				     "Dev Dale", "Eve Evans"};

static void fx_person(struct fx *f, const char *name, clerk_id out)
{
	struct person p = {.name = xstrdup(name),
			   .honorific = xstrdup("Councillor")};
	assert_int_equal(person_create(f->db, &p, &f->err), CLERK_OK);
	memcpy(out, p.id, CLERK_UUID_LEN);
	free(p.name);
	free(p.honorific);
}

static void fx_body(struct fx *f, enum council_kind kind, bool subs)
{
	struct council c = {.name = xstrdup("Hampshire County Council"),
			    .kind = kind};
	assert_int_equal(council_create(f->db, &c, &f->err), CLERK_OK);
	memcpy(f->council, c.id, CLERK_UUID_LEN);
	council_free(&c);
	struct body b = {.name = xstrdup("Health and Wellbeing Board"),
			 .short_name = xstrdup("HWB"),
			 .self_name = xstrdup("the Board"),
			 .tz = xstrdup("Europe/London"),
			 .quorum_kind = QUORUM_FIXED,
			 .quorum_fixed = 3,
			 .substitutes_allowed = subs};
	memcpy(b.council_id, f->council, CLERK_UUID_LEN);
	assert_int_equal(body_create(f->db, &b, &f->err), CLERK_OK);
	memcpy(f->body, b.id, CLERK_UUID_LEN);
	body_free(&b);
}

static void fx_seats(struct fx *f)
{
	for (int i = 0; i < 5; i++) {
		fx_person(f, names[i], f->member[i]);
		struct seat s = {.label = xasprintf("Seat %d", i + 1),
				 .voting = true,
				 .position = i + 1};
		memcpy(s.body_id, f->body, CLERK_UUID_LEN);
		assert_int_equal(seat_create(f->db, &s, &f->err), CLERK_OK);
		memcpy(f->seat[i], s.id, CLERK_UUID_LEN);
		assert_int_equal(membership_add(f->db, s.id, f->member[i],
						i ? ROLE_MEMBER : ROLE_CHAIRMAN,
						"", "2017-05-01", NULL, &f->err),
				 CLERK_OK);
		free(s.label);
	}
	fx_person(f, "Nina Nominated", f->nominated);
	fx_person(f, "Oscar Other", f->other);
	assert_int_equal(substitute_add(f->db, f->seat[0], f->nominated,
					"Deputy", "2017-05-01", NULL, &f->err),
			 CLERK_OK);
}

static void fx_agenda(struct fx *f)
{
	struct meeting m = {.venue = xstrdup("Ashburton Hall"),
			    .starts_at = START,
			    .public_present = -1};
	memcpy(m.body_id, f->body, CLERK_UUID_LEN);
	assert_int_equal(meeting_create(f->db, &m, &f->err), CLERK_OK);
	memcpy(f->meeting, m.id, CLERK_UUID_LEN);
	meeting_free(&m);
	static const char *const titles[4] = {"Apologies", "Declarations",
					      "Domestic Abuse", "Any Other"};
	static const int plan[4] = {10, 15, 20, 5};
	for (int i = 0; i < 4; i++) {
		struct agenda_item it = {.title = xstrdup(titles[i]),
					 .number = xasprintf("%d", i + 1),
					 .planned_minutes = plan[i]};
		memcpy(it.meeting_id, f->meeting, CLERK_UUID_LEN);
		assert_int_equal(item_create(f->db, &it, &f->err), CLERK_OK);
		memcpy(f->item[i], it.id, CLERK_UUID_LEN);
		item_free(&it);
	}
}

int fx_setup_with(void **state, enum council_kind kind, bool subs)
{
	struct fx *f = xcalloc(1, sizeof *f);
	f->path = scratch_make(f->dir, sizeof f->dir, "live");
	assert_non_null(f->path);
	clock_set(START - 5 * MIN);
	assert_int_equal(db_open(f->path, DB_CREATE, &f->db, &f->err),
			 CLERK_OK);
	fx_body(f, kind, subs);
	fx_seats(f);
	fx_agenda(f);
	clock_set(START);
	assert_int_equal(live_open(f->db, f->meeting, &f->l, &f->err),
			 CLERK_OK);
	*state = f;
	return 0;
}

int fx_setup(void **state)
{
	return fx_setup_with(state, COUNCIL_PRINCIPAL, true);
}

int fx_setup_parish(void **state)
{
	return fx_setup_with(state, COUNCIL_PARISH, true);
}

int fx_setup_nosubs(void **state)
{
	return fx_setup_with(state, COUNCIL_PRINCIPAL, false);
}

int fx_teardown(void **state)
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
