/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/proceedings: what happened to the meeting itself, minuted from
 * the event log in the body's house style: the loss and the return of the
 * quorum (at the item where they happened, with the time and who left or
 * came back), adjournments and resumptions, the readmission of the press
 * and public, the times the meeting commenced and closed, and, when it
 * ended inquorate, the business that was not transacted.
 *
 * Every sentence is a style key; a key left empty leaves its sentence out.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/model.h"
#include "export_shared.h"

static char *time_in_style(const struct minutes_ctx *c, time_t t)
{
	if (!t)
		return xstrdup("");
	const char *tmpl =
		style_get(&c->style, "time", "{hour12}.{minute} {ampm}");
	return style_date(tmpl, t, c->body.tz);
}

/* The first event of `kind` after index i (any item), or NULL. */
static const struct event *event_after(const struct minutes_ctx *c, size_t i,
				       enum event_kind kind)
{
	for (size_t j = i + 1; j < c->events.n; j++)
		if (c->events.v[j].kind == kind)
			return &c->events.v[j];
	return NULL;
}

/* "The meeting became inquorate at 11.05 am when Councillor X left." */
static void say_quorum(struct minutes_ctx *c, const struct event *e)
{
	bool lost = e->kind == EVENT_QUORUM_LOST;
	int present = 0, needed = 0;
	sscanf(e->detail, "%d of %d", &present, &needed);
	char in_room[16], need[16];
	snprintf(in_room, sizeof in_room, "%d", present);
	snprintf(need, sizeof need, "%d", needed);
	char *tm = time_in_style(c, e->at);
	char *name = minutes_person_name(c, e->person_id);
	const struct style_var v[] = {{"time", tm},
				      {"name", name},
				      {"present", in_room},
				      {"needed", need}};
	minutes_say_paras(c, lost ? "quorum.lost" : "quorum.restored", v, 4);
	free(name);
	free(tm);
}

/* "The meeting adjourned at 11.05 am (Fire alarm) and reconvened at
 * 11.20 am." */
static void say_adjourned(struct minutes_ctx *c, size_t i)
{
	const struct event *e = &c->events.v[i];
	const struct event *r = event_after(c, i, EVENT_RESUMED);
	const struct event *closed = event_after(c, i, EVENT_CLOSED);
	if (r && closed && closed->seq < r->seq)
		r = NULL;
	char *tm = time_in_style(c, e->at);
	char *back = r ? time_in_style(c, r->at) : xstrdup("");
	const struct style_var v[] = {
		{"time", tm}, {"reason", e->detail}, {"resumed", back}};
	minutes_say_paras(c, "adjourned", v, 3);
	free(back);
	free(tm);
}

/* "X arrived at the meeting during this item at 10.20 am." from the log:
 * a late arrival, an early departure, a member leaving for an interest. */
static void say_movement(struct minutes_ctx *c, const struct event *e)
{
	struct person p = {0};
	struct clerk_err err = {0};
	if (!minutes_read(c, person_get(c->db, e->person_id, &p, &err), &err,
			  "a person named in the minutes"))
		return;
	char *name = person_display_name(&p);
	struct style_var pv[3];
	minutes_pronouns(p.pronoun, pv);
	char *tm = time_in_style(c, e->at);
	const struct style_var v[] = {{"name", name}, {"time", tm},
				      pv[0],	     pv[1],
				      pv[2]};
	minutes_say_paras(c,
			  e->kind == EVENT_ARRIVED	   ? "arrived"
			  : !strcmp(e->detail, "interest") ? "left.interest"
							   : "left",
			  v, 5);
	free(tm);
	free(name);
	person_free(&p);
}

void minutes_event(struct minutes_ctx *c, size_t i)
{
	const struct event *e = &c->events.v[i];
	switch (e->kind) {
	case EVENT_QUORUM_LOST:
	case EVENT_QUORUM_REGAINED:
		say_quorum(c, e);
		break;
	case EVENT_ADJOURNED:
		say_adjourned(c, i);
		break;
	case EVENT_PUBLIC_READMITTED: {
		char *tm = time_in_style(c, e->at);
		const struct style_var v[] = {{"time", tm}};
		minutes_say_paras(c, "public.readmitted", v, 1);
		free(tm);
		break;
	}
	case EVENT_ARRIVED:
	case EVENT_LEFT:
		say_movement(c, e);
		break;
	case EVENT_ELECTED: {
		char *name = minutes_person_name(c, e->person_id);
		char *tm = time_in_style(c, e->at);
		const char *role =
			!strcmp(e->detail, "Chairman")
				? style_get(&c->style, "chairman", "Chairman")
				: style_get(&c->style, "vice_chairman",
					    "Vice-Chairman");
		const struct style_var v[] = {
			{"name", name}, {"role", role}, {"time", tm}};
		minutes_say_paras(c, "elected", v, 3);
		free(tm);
		free(name);
		break;
	}
	case EVENT_PRESIDING: {
		char *name = minutes_person_name(c, e->person_id);
		char *tm = time_in_style(c, e->at);
		const char *role =
			!strcmp(e->detail, "Chairman")
				? style_get(&c->style, "chairman", "Chairman")
			: !strcmp(e->detail, "Vice-Chairman")
				? style_get(&c->style, "vice_chairman",
					    "Vice-Chairman")
				: "";
		const struct style_var v[] = {
			{"name", name}, {"role", role}, {"time", tm}};
		minutes_say_paras(c, "presiding", v, 3);
		free(tm);
		free(name);
		break;
	}
	default:
		break;
	}
}

void minutes_presiding_at(struct minutes_ctx *c, int seq, char **name,
			  char **as)
{
	const struct event *last = NULL;
	for (size_t i = 0; i < c->events.n; i++)
		if ((c->events.v[i].kind == EVENT_PRESIDING ||
		     (c->events.v[i].kind == EVENT_ELECTED &&
		      !strcmp(c->events.v[i].detail, "Chairman"))) &&
		    (seq < 0 || c->events.v[i].seq <= seq))
			last = &c->events.v[i];
	const char *chair = style_get(&c->style, "chairman", "Chairman");
	if (last) {
		*name = minutes_person_name(c, last->person_id);
		*as = xstrdup(!strcmp(last->detail, "Vice-Chairman")
				      ? style_get(&c->style, "vice_chairman",
						  "Vice-Chairman")
				      : chair);
		return;
	}
	*as = xstrdup(chair);
	for (size_t i = 0; i < c->seats.n; i++) {
		const struct seat_info *si = &c->seats.v[i];
		if (!si->filled || si->role != ROLE_CHAIRMAN)
			continue;
		for (size_t j = 0; j < c->att.n; j++)
			if (!strcmp(c->att.v[j].person_id, si->member.id) &&
			    c->att.v[j].status == ATT_PRESENT) {
				*name = person_display_name(&si->member);
				return;
			}
	}
	*name = xstrdup("");
}

bool minutes_event_logged_movement(const struct minutes_ctx *c,
				   enum event_kind kind, const char *person_id,
				   const char *item_id)
{
	for (size_t i = 0; i < c->events.n; i++) {
		const struct event *e = &c->events.v[i];
		if (e->kind == kind && !strcmp(e->person_id, person_id) &&
		    !strcmp(e->item_id, item_id) &&
		    (kind != EVENT_LEFT || !strcmp(e->detail, "departed")))
			return true;
	}
	return false;
}

bool minutes_item_taken(const struct minutes_ctx *c, const char *item_id)
{
	for (size_t i = 0; i < c->events.n; i++)
		if (c->events.v[i].kind == EVENT_ITEM_STARTED &&
		    strcmp(c->events.v[i].item_id, item_id) == 0)
			return true;
	return false;
}

bool minutes_ended_inquorate(const struct minutes_ctx *c)
{
	bool inquorate = false;
	for (size_t i = 0; i < c->events.n; i++) {
		enum event_kind k = c->events.v[i].kind;
		if (k == EVENT_QUORUM_LOST)
			inquorate = true;
		else if (k == EVENT_QUORUM_REGAINED)
			inquorate = false;
		else if (k == EVENT_CLOSED)
			return inquorate;
	}
	return false;
}

void minutes_not_transacted(struct minutes_ctx *c)
{
	struct doc_block *list = NULL;
	for (size_t i = 0; i < c->items.n; i++) {
		const struct agenda_item *it = &c->items.v[i];
		if (minutes_item_taken(c, it->id))
			continue;
		if (!list) {
			char *s = minutes_say(c, "quorum.not_transacted", NULL,
					      0);
			if (!s) /* the record must still say it */
				s = xstrdup("The meeting being inquorate, the "
					    "remaining business was not "
					    "transacted:");
			minutes_paras(c->doc, s);
			free(s);
			list = doc_add(c->doc, DOC_BULLETS, NULL);
		}
		char *row = xasprintf("%s %s", it->number, it->title);
		doc_row_add(list, NULL, row);
		free(row);
	}
}

void minutes_times(struct minutes_ctx *c)
{
	time_t start = 0, end = 0;
	for (size_t i = 0; i < c->events.n; i++) {
		const struct event *e = &c->events.v[i];
		if (!start && e->kind == EVENT_ITEM_STARTED)
			start = e->at;
		if (e->kind == EVENT_CLOSED)
			end = e->at;
	}
	if (!start)
		return;
	char *from = time_in_style(c, start), *to = time_in_style(c, end);
	const struct style_var v[] = {{"start", from}, {"end", to}};
	minutes_say_paras(c, "meeting.times", v, 2);
	free(from);
	free(to);
}

char *export_style_sentence(const struct style *s, const struct body *b,
			    const char *key, const char *text)
{
	const char *tmpl = style_get(s, key, "");
	if (!*tmpl)
		return NULL;
	const char *self = *b->self_name ? b->self_name : "the Committee";
	const char *noun = strncmp(self, "the ", 4) == 0 ? self + 4 : self;
	const struct style_var v[] = {
		{"text", text ? text : ""},
		{"body", b->name},
		{"council", b->council_name},
		{"self", self},
		{"self_noun", noun},
		{"chairman", style_get(s, "chairman", "Chairman")}};
	return style_expand(tmpl, v, sizeof v / sizeof v[0]);
}

/* A due date "YYYY-MM-DD" in the style's short_date ("" stays ""). */
static char *due_in_style(const struct minutes_ctx *c, const char *due)
{
	int y, m, d;
	if (!due || !*due || !date_parse(due, &y, &m, &d))
		return xstrdup(due ? due : "");
	const char *tmpl =
		style_get(&c->style, "short_date", "{day} {month} {year}");
	return style_date(tmpl, time_from_local(c->body.tz, y, m, d, 12, 0),
			  c->body.tz);
}

/* One action in the style key's words. */
static char *action_text(const struct minutes_ctx *c, const char *key,
			 const struct action *a)
{
	char *due = due_in_style(c, a->due);
	const struct style_var v[] = {
		{"action", a->body}, {"owner", a->owner}, {"due", due}};
	char *s = minutes_say(c, key, v, 3);
	free(due);
	return s;
}

void minutes_action_at(struct minutes_ctx *c, const struct action *a)
{
	char *t = action_text(c, "action.item", a);
	if (t)
		minutes_paras(c->doc, t);
	free(t);
}

void minutes_action_list(struct minutes_ctx *c)
{
	if (!c->actions.n)
		return;
	char *title = minutes_say(c, "actions.title", NULL, 0);
	if (!title)
		return;
	doc_add(c->doc, DOC_PARA, title)->bold = true;
	free(title);
	struct doc_block *list = doc_add(c->doc, DOC_BULLETS, NULL);
	for (size_t i = 0; i < c->actions.n; i++) {
		char *t = action_text(c, "action.list", &c->actions.v[i]);
		if (t)
			doc_row_add(list, NULL, t);
		free(t);
	}
}
