/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/live_do_meeting: the live console's handlers for the meeting as a
 * whole: moving between items, the chair, the press and public, urgent
 * business, adjourning and closing, which console drives.  The rules
 * (quorum, who may preside, what may be excluded) are live's: these ask,
 * call clerk/live.h and report.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/ui_live.h"
#include "live_screen.h"

/* Ask for a whole number >= 0 (NULL title cancels: -1). */
static int prompt_number(struct app *app, const char *title)
{
	return ui_live_prompt_count(app, title, -1, NULL);
}

/* n and b: the next or previous item, asking first to readmit the public
 * when they were excluded for the item being left. */
void live_do_next_item(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	if (!ui_live_refused_inquorate(app, s) &&
	    ui_live_readmit_before_moving(app, s))
		ui_live_report_and_follow(app, s, live_next(s->l, &err), &err,
					  NULL);
}

void live_do_prev_item(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	if (!ui_live_refused_inquorate(app, s) &&
	    ui_live_readmit_before_moving(app, s))
		ui_live_report_and_follow(app, s, live_prev(s->l, &err), &err,
					  NULL);
}

void live_do_readmit(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	ui_live_report(app, s, live_readmit_public(s->l, &err), &err,
		       "Press and public readmitted");
}

void live_do_public_count(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	int count = prompt_number(app, "Members of the public present");
	if (count >= 0)
		ui_live_report(app, s, live_note_public(s->l, count, &err), &err,
			       "Noted");
}

void live_do_confirm_previous(struct app *app, struct live_screen *s)
{
	if (!ui_live_refused_inquorate(app, s))
		ui_live_confirm_previous(app, s->l);
}

void live_do_close_meeting(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	if (ui_confirm(app, "Close the meeting now?"))
		ui_live_report_and_follow(app, s, live_close(s->l, &err), &err,
					  "Meeting closed");
}

void live_do_take_over(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	if (!l->watching) {
		ui_app_message(app, UI_ROLE_OK,
			       "This console is driving the meeting already");
		return;
	}
	char *who = live_lease_sentence(&l->driver, l->body.tz);
	char *note = live_lease_clock_note(l->body.tz);
	char *q = l->driver_gone
			  ? xasprintf("Take the meeting here?  The console that "
				      "drove it has left.")
			  : xasprintf("Take over?  %s; that console will be "
				      "read-only from now.%s%s",
				      who, *note ? "  " : "", note);
	free(note);
	free(who);
	bool yes = ui_confirm(app, q);
	free(q);
	if (!yes)
		return;
	struct clerk_err err = {0};
	if (live_lease_take(l, &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return;
	}
	ui_live_show_current(s);
	ui_app_message(app, UI_ROLE_OK,
		       "This console drives the meeting now");
}

/* V: who is in the Chair; at an election item, also who was elected to
 * which office (held from now). */
void live_do_presiding(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	const struct live_item *cur = ui_live_current_item(l);
	bool election = cur && cur->item.kind == ITEM_ELECTION;
	int i = ui_live_pick_attendee(app, s,
				      election ? "Elected, or in the Chair: who?"
					       : "Who is in the Chair?",
				      PICK_ANYONE, false, NULL);
	if (i < 0)
		return;
	int o = 0;
	if (election) {
		struct ui_pick_item offices[] = {
			{.label = "In the Chair (presides from now)"},
			{.label = "Elected Chairman"},
			{.label = "Elected Vice-Chairman"}};
		o = ui_pick(app, "To which office?", offices, 3, 0);
		if (o < 0)
			return;
	}
	struct clerk_err err = {0};
	const char *who = l->attendance.v[i].person_id;
	ui_live_report(app, s,
		       o == 0 ? live_presiding(l, who, &err)
			      : live_elected(l, who,
					     o == 1 ? ROLE_CHAIRMAN
						    : ROLE_VICE_CHAIRMAN,
					     &err),
		       &err, NULL);
}

void live_do_exclude(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	char *para = NULL;
	if (ui_live_refused_inquorate(app, s))
		return;
	if (council_cites_paragraph(l->council.kind, NULL)) {
		para = ui_prompt(app, l->council.kind == COUNCIL_SCOTTISH
					      ? "Paragraph of Schedule 7A (1-15)"
					      : "Paragraph of Schedule 12A (1-7)",
				 NULL);
		if (!para)
			return;
	}
	struct clerk_err err = {0};
	enum clerk_status st = live_exclude_public(l, -1, para ? para : "", NULL,
						   &err);
	free(para);
	ui_live_report(app, s, st, &err, "Press and public excluded");
}

void live_do_urgent(struct app *app, struct live_screen *s)
{
	if (ui_live_refused_inquorate(app, s))
		return;
	char *title = ui_prompt(app, "Urgent item: title", NULL);
	if (!title)
		return;
	char *reason = ui_prompt(app, "The chair's reason for urgency", NULL);
	if (reason) {
		struct clerk_err err = {0};
		size_t idx = 0;
		enum clerk_status st =
			live_add_urgent(s->l, title, reason, &idx, &err);
		if (st == CLERK_OK)
			s->pane[PANE_AGENDA].list.sel = idx;
		ui_live_report(app, s, st, &err,
			       "Urgent item added: Enter on it in the agenda "
			       "takes it");
	}
	free(title);
	free(reason);
}

void live_do_adjourn(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	if (s->l->adjourned) {
		if (!ui_confirm(app, "Resume the meeting now?"))
			return;
		ui_live_report_and_follow(app, s, live_resume(s->l, &err),
					  &err, "Resumed");
		return;
	}
	char *reason = ui_prompt(app, "Adjourn: reason (may be empty)", NULL);
	if (!reason)
		return;
	ui_live_report_and_follow(app, s, live_adjourn(s->l, reason, &err),
				  &err, "Adjourned: z resumes");
	free(reason);
}
