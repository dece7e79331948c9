/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/model/fixture: a fresh clerk file in a private folder, holding a
 * council, the Health and Wellbeing Board and a few people, for the model
 * tests.  Include after <cmocka.h>. */
#ifndef CLERK_TEST_FIXTURE_H
#define CLERK_TEST_FIXTURE_H

#include "clerk/model.h"

struct fixture {
	char dir[64];
	char *path;
	struct db *db;
	struct council council;
	struct body body; /* "Health and Wellbeing Board", "HWB" */
};

/* cmocka setup/teardown: *state becomes a struct fixture. */
int fixture_setup(void **state);
int fixture_teardown(void **state);
/* A new person with that name; returns their id in out. */
void fixture_person(struct fixture *f, const char *name, clerk_id out);
/* A new seat at the end of the body with its member from `from`. */
void fixture_seat(struct fixture *f, const char *label, bool voting,
		  const char *member_id, const char *from, clerk_id out);
/* A meeting of the body at local time y-m-d h:00 in Europe/London. */
void fixture_meeting(struct fixture *f, int y, int m, int d, int h,
		     clerk_id out);
/* An agenda item at the end of the meeting's agenda. */
void fixture_item(struct fixture *f, const char *meeting_id, const char *title,
		  clerk_id out);

#endif
