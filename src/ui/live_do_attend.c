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

/* A seat counts once: a member marked present has a substitute only if
 * they sent apologies after all.  False (and the clerk told) if not. */
static bool apologies_after_all(struct app *app, const struct live *l,
				const char *member)
{
	char *mn = live_person_name(l, member);
	char *q = xasprintf("%s is marked present: a seat counts once. "
			    "Did %s send apologies (the substitute "
			    "then holds the seat)?",
			    mn, mn);
	free(mn);
	bool apology = ui_confirm(app, q);
	free(q);
	if (!apology)
		ui_app_message(app, UI_ROLE_WARN,
			       "No substitute recorded: the member "
			       "present holds the seat");
	return apology;
}

/* Whom the substitute picker offers: the nominated substitutes, then
 * anyone else (a member holding a seat of their own shown, not
 * choosable). */
struct candidates {
	struct ui_pick_item *items;
	char **labels;
	const char **ids; /* NULL on headings and "(none nominated)" */
	size_t n;
};

static void add_candidate(struct candidates *c, const struct person *p)
{
	c->labels[c->n] = person_display_name(p);
	c->items[c->n].label = c->labels[c->n];
	c->ids[c->n++] = p->id;
}

static void add_heading(struct candidates *c, const char *label)
{
	c->items[c->n++] = (struct ui_pick_item){.label = label,
						 .heading = true};
}

static bool nominated(const struct seat_info *si, const char *id)
{
	for (size_t j = 0; j < si->nsubs; j++)
		if (strcmp(si->subs[j].person.id, id) == 0)
			return true;
	return false;
}

static void candidates_build(struct candidates *c, const struct live *l,
			     const struct seat_info *si, const char *member,
			     const struct person_list *all)
{
	size_t cap = si->nsubs + all->n + 4;
	c->items = xcalloc(cap, sizeof *c->items);
	c->labels = xcalloc(cap, sizeof *c->labels);
	c->ids = xcalloc(cap, sizeof *c->ids);
	add_heading(c, "Nominated substitutes");
	for (size_t i = 0; i < si->nsubs; i++)
		add_candidate(c, &si->subs[i].person);
	if (si->nsubs == 0)
		c->items[c->n++] = (struct ui_pick_item){
			.label = "(none nominated)", .disabled = true,
			.note = "no nominated substitute"};
	add_heading(c, "Anyone else (recorded with a warning)");
	for (size_t i = 0; i < all->n; i++) {
		const char *id = all->v[i].id;
		if (nominated(si, id) || strcmp(id, member) == 0)
			continue;
		const struct seat_info *own = live_seat_of(l, id);
		if (own && own->filled && strcmp(own->member.id, id) == 0) {
			c->items[c->n].disabled = true;
			c->items[c->n].note = "holds a seat";
		}
		add_candidate(c, &all->v[i]);
	}
}

static void candidates_free(struct candidates *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->labels[i]);
	free(c->labels);
	free(c->items);
	free(c->ids);
}

/* The substitute chosen for member into sub; false when none was. */
static bool pick_substitute(struct app *app, const struct live *l,
			    const struct seat_info *si, const char *member,
			    clerk_id sub)
{
	struct person_list all = {0};
	struct clerk_err err = {0};
	if (person_list_all(l->db, &all, &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return false;
	}
	struct candidates c = {0};
	candidates_build(&c, l, si, member, &all);
	char *m = live_person_name(l, member);
	char *title = xasprintf("Substitute for %s", m);
	free(m);
	int choice = ui_pick(app, title, c.items, c.n, 1);
	free(title);
	bool chosen = choice >= 0 && c.ids[choice];
	if (chosen)
		snprintf(sub, sizeof(clerk_id), "%s", c.ids[choice]);
	candidates_free(&c);
	person_list_free(&all);
	return chosen;
}

/* s: a substitute for the selected member, from their nominated
 * substitutes (anyone else with a warning). */
void live_do_substitute(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	const struct attendance *a = selected_att(s);
	if (!a)
		return;
	clerk_id member, sub;
	snprintf(member, sizeof member, "%s", a->person_id);
	const struct seat_info *si = live_seat_of(l, member);
	if (!si || !si->filled || strcmp(si->member.id, member) != 0) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Select the member who sends the substitute");
		return;
	}
	bool apology = a->status == ATT_PRESENT;
	if (apology && !apologies_after_all(app, l, member))
		return;
	if (!pick_substitute(app, l, si, member, sub))
		return;
	struct clerk_err err = {0};
	enum clerk_status st =
		apology ? live_att_substitute_apology(l, member, sub, &err)
			: live_att_substitute(l, member, sub, &err);
	ui_live_report(app, s, st, &err,
		       apology ? "Apology recorded; the substitute holds the seat"
			       : "Substitute recorded");
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
