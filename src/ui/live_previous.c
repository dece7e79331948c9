/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/live_previous: the "minutes of the previous meeting" item of the live
 * console.  Confirming the previous minutes is business of the confirming
 * meeting (LGA 1972 Sch. 12 para 41): at that item the meeting resolves
 * that they are a correct record (with any amendment) and the person
 * presiding signs them; clerk locks them and keeps the signed text
 * (export_confirm_minutes: the same rules as clerk confirm).  The item
 * pane says which minutes await confirmation, and which were confirmed.
 *
 * Kept apart from screen_live.c, which only calls in here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_private.h"
#include "clerk/export.h"
#include "clerk/live.h"
#include "clerk/model.h"
#include "clerk/model_scale.h"
#include "clerk/ui_live.h"

/* "29 June 2017" in the body's zone. */
static void day_of(const struct live *l, time_t t, char out[64])
{
	time_format_local(t, l->body.tz, "%e %B %Y", out, 64);
	if (out[0] == ' ')
		memmove(out, out + 1, strlen(out));
}

/* Who presided, when neither the chairman nor the vice-chairman is
 * recorded present: the clerk picks from the members present (false:
 * cancelled, or nobody present). */
static bool pick_presiding(struct app *app, const struct live *l, clerk_id out)
{
	struct ui_pick_item *items = xcalloc(l->attendance.n + 1, sizeof *items);
	char **labels = xcalloc(l->attendance.n + 1, sizeof *labels);
	size_t *idx = xcalloc(l->attendance.n + 1, sizeof *idx);
	size_t n = 0;
	for (size_t i = 0; i < l->attendance.n; i++) {
		const struct attendance *a = &l->attendance.v[i];
		if (a->status != ATT_PRESENT && a->status != ATT_SUBSTITUTE)
			continue;
		labels[n] = person_display_name(&a->person);
		items[n].label = labels[n];
		idx[n++] = i;
	}
	int c = n ? ui_pick(app,
			    "Who presided and signs? (no chairman or "
			    "vice-chairman present)",
			    items, n, 0)
		  : -1;
	if (!n)
		ui_app_message(app, UI_ROLE_ERROR,
			       "Nobody is recorded present to sign the minutes: "
			       "record the attendance first");
	if (c >= 0)
		snprintf(out, CLERK_UUID_LEN, "%s",
			 l->attendance.v[idx[c]].person_id);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(idx);
	return c >= 0;
}

void ui_live_confirm_previous(struct app *app, struct live *l)
{
	int cur = l->current;
	const struct live_item *it =
		cur >= 0 && (size_t)cur < l->nitems ? &l->items[cur] : NULL;
	if (!it || !l->running || it->item.kind != ITEM_PREVIOUS_MINUTES) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Previous minutes are confirmed at the item "
			       "\"Minutes of the previous meeting\": take that "
			       "item first");
		return;
	}
	struct clerk_err err = {0};
	struct meeting prev = {0};
	if (meeting_awaiting_confirmation(l->db, &l->meeting, &prev, &err)) {
		ui_app_error(app, &err);
		return;
	}
	char day[64];
	day_of(l, prev.starts_at, day);
	char *q = xasprintf("Resolve that the minutes of the meeting held on %s "
			    "be confirmed as a correct record and signed?",
			    day);
	bool yes = ui_confirm(app, q);
	free(q);
	char *amend = yes ? ui_prompt(app,
				      "Amendment made on confirmation (empty: "
				      "none)",
				      "")
			  : NULL;
	clerk_id who = "";
	enum presiding_role role;
	struct clerk_err why = {0};
	bool go = amend != NULL;
	if (go && meeting_presiding(l->db, &l->meeting, NULL, who, &role, &why))
		go = pick_presiding(app, l, who);
	if (go) {
		enum clerk_status st = export_confirm_minutes(
			l->db, prev.id, l->meeting.id, amend, who, &err);
		if (st == CLERK_OK)
			st = live_reload(l, &err);
		if (st != CLERK_OK) {
			ui_app_error(app, &err);
		} else {
			ui_app_saved(app);
			ui_app_message(app, UI_ROLE_OK,
				       "Confirmed and signed: the minutes of "
				       "%s are locked and kept as signed",
				       day);
		}
	}
	free(amend);
	meeting_free(&prev);
}

size_t ui_live_previous_lines(struct app *app, const struct live *l,
			      char **out, size_t max)
{
	size_t n = 0;
	struct clerk_err err = {0};
	struct meeting_list done = {0};
	if (meeting_list_confirmed_at(l->db, l->meeting.id, &done, &err) ==
	    CLERK_OK) {
		for (size_t i = 0; i < done.n && n < max; i++) {
			const struct meeting *m = &done.v[i];
			char day[64];
			day_of(l, m->starts_at, day);
			char *who = live_person_name(l, m->signed_by);
			const char *am = m->confirmed_amendment;
			out[n++] = xasprintf(
				"Confirmed: the minutes of %s, signed by "
				"%s%s%s",
				day, who, am && *am ? "; amended: " : "",
				am && *am ? am : "");
			free(who);
		}
		meeting_list_free(&done);
	}
	struct meeting prev = {0};
	if (n < max && !l->closed &&
	    meeting_awaiting_confirmation(l->db, &l->meeting, &prev, &err) ==
		    CLERK_OK) {
		char day[64], key[32];
		day_of(l, prev.starts_at, day);
		ui_keymap_describe(&app->keymap, UI_ACT_confirm_previous, key,
				   sizeof key);
		out[n++] = xasprintf("The minutes of %s await confirmation "
				     "(%s: resolve to confirm them)",
				     day, key);
	}
	meeting_free(&prev);
	return n;
}
