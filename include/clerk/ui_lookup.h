/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui_lookup: the look-up screens of the console (src/ui/screen_lookup.c),
 * opened by `clerk browse` (src/cli/cmd_browse.c).
 *
 * Four pages, each a list of entries one can move through and open:
 *   bodies     → the membership of the chosen body;
 *   membership → the seats in order, each with its main member and
 *                nominated substitutes; a person opens their page;
 *   person     → their seats (each opens that body's membership), their
 *                attendance on each body, their declarations of interest
 *                (each opens the meeting's minutes at the item);
 *   search     → full-text hits, best first; a hit opens the meeting's
 *                minutes (or, for a meeting not held yet, its agenda) at
 *                the item.
 * Everywhere: s searches, w finds a person, b chooses a body, Esc goes
 * back.  The screens only read.
 */
#ifndef CLERK_UI_LOOKUP_H
#define CLERK_UI_LOOKUP_H

#include "clerk/ui.h"

/* Where the look-up console starts (at most one of them set; none: the
 * only body's membership, else the list of bodies). */
struct ui_lookup_start {
	const char *body_id;
	const char *person_id;
	const char *search;
};

/* Run the look-up console until the user leaves it. */
void ui_lookup_run(struct app *app, const struct ui_lookup_start *start);

#endif
