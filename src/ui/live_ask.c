/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/live_ask: the questions the live console's handlers ask: a person
 * from the attendance, a count checked as it is typed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "live_screen.h"

/* Pick a person from the attendance: their index in l->attendance, -2 for
 * "(not noted)" (offered first, and where the picker starts, when
 * allow_none), -1 when cancelled.  `leave_out` (may be NULL) is not
 * listed (the mover, when picking the seconder). */
int ui_live_pick_attendee(struct app *app, struct live_screen *s,
			 const char *title, enum pick_who who, bool allow_none,
			 const char *leave_out)
{
	const struct live *l = s->l;
	size_t n = l->attendance.n;
	struct ui_pick_item *items = xcalloc(n + 1, sizeof *items);
	int *map = xcalloc(n + 1, sizeof *map);
	char **labels = xcalloc(n + 1, sizeof *labels);
	size_t k = 0;
	if (allow_none) {
		items[k].label = "(not noted)";
		map[k++] = -2;
	}
	for (size_t i = 0; i < n; i++) {
		const struct attendance *a = &l->attendance.v[i];
		if (who == PICK_ENTITLED &&
		    !live_entitled(l, a->person_id, l->current, NULL, 0))
			continue;
		if (leave_out && strcmp(a->person_id, leave_out) == 0)
			continue;
		labels[k] = person_display_name(&a->person);
		items[k].label = labels[k];
		const struct live_presence *pr = live_presence_of(l, a->person_id);
		items[k].note = pr && pr->out ? "out of the room" : NULL;
		map[k++] = (int)i;
	}
	int choice = ui_pick(app, title, items, k, 0);
	int result = choice >= 0 ? map[choice] : -1;
	for (size_t i = 0; i < k; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(map);
	return result;
}

/* Ask for a whole number from 0 to max (max < 0: no limit), -1 when
 * cancelled.  A refusal says why (`what_max` completes "only N ...") and
 * asks again with the text typed kept. */
int ui_live_prompt_count(struct app *app, const char *title, int max,
			const char *what_max)
{
	char *typed = NULL;
	for (;;) {
		char *s = ui_prompt(app, title, typed);
		free(typed);
		typed = NULL;
		if (!s)
			return -1;
		char *end;
		long v = strtol(s, &end, 10);
		bool ok = *s && *end == '\0' && v >= 0 && v < 10000;
		if (ok && (max < 0 || v <= max)) {
			free(s);
			return (int)v;
		}
		typed = s;
		if (!ok) {
			ui_message_box(app, "Not a number",
				       "Type a whole number, 0 or more.");
			continue;
		}
		char *why = xasprintf("%ld votes, but only %d %s.", v, max,
				      what_max);
		ui_message_box(app, "Too many votes", why);
		free(why);
	}
}
