/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/live_do_attend: the live console's handlers for the attendance pane
 * (the ATTEND keys of actions.def), each on the person selected there:
 * present, apologies, substitutes, arrivals, departures, leaving the room.
 * That a seat counts once, and who counts for the quorum, are live's rules;
 * here the clerk is asked which of two a conflict means.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "live_screen.h"

static const struct attendance *selected_att(struct live_screen *s)
{
	size_t sel = s->pane[PANE_ATTEND].list.sel;
	return sel < s->l->attendance.n ? &s->l->attendance.v[sel] : NULL;
}

/* s: a substitute for the selected member, from their nominated
 * substitutes (anyone else with a warning). */
void live_do_substitute(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	const struct attendance *a = selected_att(s);
	if (!a)
		return;
	clerk_id member;
	snprintf(member, sizeof member, "%s", a->person_id);
	const struct seat_info *si = live_seat_of(l, member);
	if (!si || !si->filled || strcmp(si->member.id, member) != 0) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Select the member who sends the substitute");
		return;
	}
	/* A seat counts once: a member marked present has a substitute
	 * only if they sent apologies after all. */
	bool apology = false;
	if (a->status == ATT_PRESENT) {
		char *mn = live_person_name(l, member);
		char *q = xasprintf("%s is marked present: a seat counts once. "
				    "Did %s send apologies (the substitute "
				    "then holds the seat)?",
				    mn, mn);
		free(mn);
		apology = ui_confirm(app, q);
		free(q);
		if (!apology) {
			ui_app_message(app, UI_ROLE_WARN,
				       "No substitute recorded: the member "
				       "present holds the seat");
			return;
		}
	}
	struct person_list all = {0};
	struct clerk_err err = {0};
	if (person_list_all(l->db, &all, &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return;
	}
	size_t cap = si->nsubs + all.n + 4, k = 0;
	struct ui_pick_item *items = xcalloc(cap, sizeof *items);
	char **labels = xcalloc(cap, sizeof *labels);
	const char **ids = xcalloc(cap, sizeof *ids);
	items[k++] = (struct ui_pick_item){.label = "Nominated substitutes",
					   .heading = true};
	for (size_t i = 0; i < si->nsubs; i++) {
		labels[k] = person_display_name(&si->subs[i].person);
		items[k].label = labels[k];
		ids[k++] = si->subs[i].person.id;
	}
	if (si->nsubs == 0)
		items[k++] = (struct ui_pick_item){
			.label = "(none nominated)", .disabled = true,
			.note = "no nominated substitute"};
	items[k++] = (struct ui_pick_item){
		.label = "Anyone else (recorded with a warning)", .heading = true};
	for (size_t i = 0; i < all.n; i++) {
		bool nominated = false;
		for (size_t j = 0; j < si->nsubs; j++)
			nominated |= strcmp(si->subs[j].person.id, all.v[i].id) == 0;
		if (nominated || strcmp(all.v[i].id, member) == 0)
			continue;
		labels[k] = person_display_name(&all.v[i]);
		items[k].label = labels[k];
		const struct seat_info *own = live_seat_of(l, all.v[i].id);
		if (own && own->filled && strcmp(own->member.id, all.v[i].id) == 0) {
			items[k].disabled = true;
			items[k].note = "holds a seat";
		}
		ids[k++] = all.v[i].id;
	}
	char *m = live_person_name(l, member);
	char *title = xasprintf("Substitute for %s", m);
	free(m);
	int c = ui_pick(app, title, items, k, 1);
	free(title);
	enum clerk_status st = CLERK_OK;
	if (c >= 0 && ids[c]) {
		clerk_id sub;
		snprintf(sub, sizeof sub, "%s", ids[c]);
		st = apology ? live_att_substitute_apology(l, member, sub, &err)
			     : live_att_substitute(l, member, sub, &err);
		ui_live_report(app, s, st, &err,
			       apology ? "Apology recorded; the substitute "
					 "holds the seat"
				       : "Substitute recorded");
	}
	for (size_t i = 0; i < k; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(ids);
	person_list_free(&all);
}

/* A member is marked present while their substitute sits: a seat counts
 * once, so the clerk says which of the two holds it. */
static void ask_seat_holder(struct app *app, struct live_screen *s,
			    const char *member_id)
{
	struct live *l = s->l;
	const struct attendance *sub = NULL;
	for (size_t i = 0; i < l->attendance.n; i++)
		if (l->attendance.v[i].status == ATT_SUBSTITUTE &&
		    strcmp(l->attendance.v[i].substitute_for, member_id) == 0)
			sub = &l->attendance.v[i];
	if (!sub)
		return;
	char *mn = live_person_name(l, member_id);
	char *sn = live_person_name(l, sub->person_id);
	char *l0 = xasprintf("%s (the substitute was recorded by mistake)", mn);
	char *l1 = xasprintf("%s, as substitute (%s is not counted)", sn, mn);
	struct ui_pick_item items[] = {{.label = l0}, {.label = l1}};
	char *title = xasprintf("%s sits for %s: who holds the seat?", sn, mn);
	int c = ui_pick(app, title, items, 2, 1);
	struct clerk_err err = {0};
	if (c == 0)
		ui_live_report(app, s, live_att_seat_to_member(l, member_id, &err),
			       &err, "The member holds the seat; the "
				     "substitute is removed");
	else
		ui_app_message(app, UI_ROLE_WARN,
			       "%s holds the seat: %s is not marked present", sn,
			       mn);
	free(title);
	free(l0);
	free(l1);
	free(mn);
	free(sn);
}

/* The selected person's id in pid, false when nobody is selected. */
static bool selected_id(struct live_screen *s, clerk_id pid)
{
	const struct attendance *row = selected_att(s);
	if (!row)
		return false;
	snprintf(pid, sizeof(clerk_id), "%s", row->person_id);
	return true;
}

/* p and l: present from the start, or arrived now.  Marking a member
 * whose substitute sits asks which of the two holds the seat. */
static void mark_arrived(struct app *app, struct live_screen *s, bool late)
{
	const struct attendance *row = selected_att(s);
	if (!row)
		return;
	clerk_id pid;
	snprintf(pid, sizeof pid, "%s", row->person_id);
	struct clerk_err err = {0};
	enum clerk_status st = late ? live_att_arrived(s->l, pid, 0, &err)
				    : live_att_present(s->l, pid, &err);
	if (st == CLERK_CONFLICT && !row->substitute_for[0])
		ask_seat_holder(app, s, pid);
	else
		ui_live_report(app, s, st, &err, NULL);
}

void live_do_present(struct app *app, struct live_screen *s)
{
	mark_arrived(app, s, false);
}

void live_do_late(struct app *app, struct live_screen *s)
{
	mark_arrived(app, s, true);
}

void live_do_apology(struct app *app, struct live_screen *s)
{
	clerk_id pid;
	if (!selected_id(s, pid))
		return;
	char *reason = ui_prompt(app, "Apology: reason (may be empty)", NULL);
	if (!reason)
		return;
	struct clerk_err err = {0};
	enum clerk_status st = live_att_apology(s->l, pid, reason, &err);
	free(reason);
	ui_live_report(app, s, st, &err, NULL);
}

/* x: absent; on a substitute, removing one recorded by mistake. */
void live_do_absent(struct app *app, struct live_screen *s)
{
	const struct attendance *row = selected_att(s);
	if (!row)
		return;
	clerk_id pid;
	snprintf(pid, sizeof pid, "%s", row->person_id);
	struct clerk_err err = {0};
	if (!row->substitute_for[0]) {
		ui_live_report(app, s, live_att_absent(s->l, pid, "", &err),
			       &err, NULL);
		return;
	}
	if (!ui_confirm(app, "Remove this substitute, recorded by mistake?"))
		return;
	ui_live_report(app, s, live_att_sub_remove(s->l, pid, &err), &err,
		       "Substitute removed");
}

void live_do_departed(struct app *app, struct live_screen *s)
{
	clerk_id pid;
	if (!selected_id(s, pid))
		return;
	struct clerk_err err = {0};
	ui_live_report(app, s, live_att_departed(s->l, pid, 0, &err), &err,
		       NULL);
}

void live_do_out_of_room(struct app *app, struct live_screen *s)
{
	clerk_id pid;
	if (!selected_id(s, pid))
		return;
	struct clerk_err err = {0};
	const struct live_presence *pr = live_presence_of(s->l, pid);
	enum clerk_status st = pr && pr->out ? live_returned(s->l, pid, &err)
					     : live_left_room(s->l, pid, &err);
	ui_live_report(app, s, st, &err, NULL);
}

void live_do_in_attendance(struct app *app, struct live_screen *s)
{
	char *name = ui_prompt(app, "Also in attendance: name", NULL);
	if (!name)
		return;
	char *cap = ui_prompt(app, "Capacity (e.g. Director of Public Health)",
			      NULL);
	if (cap) {
		struct clerk_err err = {0};
		ui_live_report(app, s, live_att_also(s->l, name, cap, NULL, &err),
			       &err, "Added");
	}
	free(name);
	free(cap);
}

void live_do_all_present(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	int count = 0;
	enum clerk_status st = live_att_all_present(s->l, &count, &err);
	char msg[64];
	snprintf(msg, sizeof msg, "%d marked present", count);
	ui_live_report(app, s, st, &err, msg);
}
