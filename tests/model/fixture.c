/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/model/fixture: see fixture.h. */
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
#include "fixture.h"

int fixture_setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct clerk_err err;
	f->path = scratch_make(f->dir, sizeof f->dir, "model");
	assert_non_null(f->path);
	clock_set(1507197600); /* 2017-10-05T10:00:00Z */
	assert_int_equal(db_open(f->path, DB_CREATE, &f->db, &err), CLERK_OK);
	f->council.name = xstrdup("Hampshire County Council");
	assert_int_equal(council_create(f->db, &f->council, &err), CLERK_OK);
	memcpy(f->body.council_id, f->council.id, sizeof f->body.council_id);
	f->body.name = xstrdup("Health and Wellbeing Board");
	f->body.short_name = xstrdup("HWB");
	f->body.self_name = xstrdup("the Board");
	f->body.substitutes_allowed = true;
	assert_int_equal(body_create(f->db, &f->body, &err), CLERK_OK);
	*state = f;
	return 0;
}

int fixture_teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	scratch_remove(f->dir, f->path);
	council_free(&f->council);
	body_free(&f->body);
	free(f->path);
	free(f);
	clock_reset();
	return 0;
}

void fixture_person(struct fixture *f, const char *name, clerk_id out)
{
	struct clerk_err err;
	struct person p = {.id = "", .name = xstrdup(name)};
	assert_int_equal(person_create(f->db, &p, &err), CLERK_OK);
	memcpy(out, p.id, CLERK_UUID_LEN);
	free(p.name);
}

void fixture_seat(struct fixture *f, const char *label, bool voting,
		  const char *member_id, const char *from, clerk_id out)
{
	struct clerk_err err;
	struct seat s = {.label = xstrdup(label), .voting = voting};
	memcpy(s.body_id, f->body.id, sizeof s.body_id);
	assert_int_equal(seat_create(f->db, &s, &err), CLERK_OK);
	if (member_id)
		assert_int_equal(membership_add(f->db, s.id, member_id,
						ROLE_MEMBER, "", from, NULL,
						&err),
				 CLERK_OK);
	memcpy(out, s.id, CLERK_UUID_LEN);
	free(s.label);
}

void fixture_meeting(struct fixture *f, int y, int m, int d, int h,
		     clerk_id out)
{
	struct clerk_err err;
	struct meeting mt = {.public_present = -1};
	memcpy(mt.body_id, f->body.id, sizeof mt.body_id);
	mt.starts_at = time_from_local("Europe/London", y, m, d, h, 0);
	assert_int_equal(meeting_create(f->db, &mt, &err), CLERK_OK);
	memcpy(out, mt.id, CLERK_UUID_LEN);
}

void fixture_item(struct fixture *f, const char *meeting_id, const char *title,
		  clerk_id out)
{
	struct clerk_err err;
	struct agenda_item it = {.title = xstrdup(title)};
	memcpy(it.meeting_id, meeting_id, sizeof it.meeting_id);
	assert_int_equal(item_create(f->db, &it, &err), CLERK_OK);
	memcpy(out, it.id, CLERK_UUID_LEN);
	free(it.title);
}
