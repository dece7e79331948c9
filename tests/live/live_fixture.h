/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/live/live_fixture: the board the live API tests run a meeting of:
 * a council and its body (quorum 3), five seats with members A-E (A in
 * the chair), a nominated substitute for seat 1 and someone not nominated,
 * and an agenda of four items starting at START, with the console open.
 */
#ifndef CLERK_TESTS_LIVE_FIXTURE_H
#define CLERK_TESTS_LIVE_FIXTURE_H

#include "clerk/live.h"

#define START 1507194000 /* 2017-10-05T09:00:00Z, 10:00 in London */
#define MIN 60

struct fx {
	char dir[64];
	char *path;
	struct db *db;
	clerk_id council, body, meeting;
	clerk_id member[5]; /* A (chairman), B, C, D, E */
	clerk_id seat[5];
	clerk_id nominated; /* substitute nominated for seat 0 */
	clerk_id other;     /* someone not nominated */
	clerk_id item[4];
	struct live *l;
	struct clerk_err err;
};

/* cmocka set-ups: a principal council's body with substitutes, a parish
 * council's, a body that allows none; and the teardown removing the file. */
int fx_setup_with(void **state, enum council_kind kind, bool subs);
int fx_setup(void **state);
int fx_setup_parish(void **state);
int fx_setup_nosubs(void **state);
int fx_teardown(void **state);

#endif
