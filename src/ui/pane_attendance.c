/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/pane_attendance: the attendance pane of the live console: each person
 * with their standing (present, apology, substitute for whom, in the room
 * or out), a count in the title.  While it has the focus the ATTEND keys
 * of actions.def act on the selected person (live_do_attend.c).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "live_screen.h"

static char marker_of(const struct attendance *a)
{
	switch (a->status) {
	case ATT_PRESENT:
		return 'p';
	case ATT_APOLOGY:
		return 'a';
	case ATT_ABSENT:
		return 'x';
	case ATT_SUBSTITUTE:
		return 's';
	case ATT_IN_ATTENDANCE:
		return 'i';
	default:
		return '.';
	}
}

/* The colour of an attendance row: who is in the room, in whose seat,
 * who has gone out, and who is not there. */
static enum ui_role att_role(const struct attendance *a,
			     const struct live_presence *pr)
{
	if (a->status == ATT_APOLOGY || a->status == ATT_ABSENT)
		return UI_ROLE_DIM;
	if (pr && (pr->out || pr->departed))
		return UI_ROLE_OUT;
	if (a->status == ATT_SUBSTITUTE)
		return UI_ROLE_SUBSTITUTE;
	return a->status == ATT_PRESENT ? UI_ROLE_PRESENT : UI_ROLE_NORMAL;
}

/* The text of one attendance row (caller frees). */
static char *att_line(const struct live *l, const struct attendance *a)
{
	struct strbuf sb = {0};
	char *name = person_display_name(&a->person);
	sb_add(&sb, name);
	free(name);
	const struct seat_info *si = live_seat_of(l, a->person_id);
	if (a->substitute_for[0]) { /* sitting, or sent apologies ('a') */
		/* "for Keith Mans": the name without honorific, to fit */
		const struct attendance *m =
			live_attendance_of(l, a->substitute_for);
		char *full = m ? xstrdup(m->person.name)
			       : live_person_name(l, a->substitute_for);
		sb_addf(&sb, " for %s", full);
		free(full);
	} else if (si && si->filled &&
		   strcmp(si->member.id, a->person_id) == 0) {
		if (si->role == ROLE_CHAIRMAN)
			sb_add(&sb, " (Chairman)");
		else if (si->role == ROLE_VICE_CHAIRMAN)
			sb_add(&sb, " (Vice-Chairman)");
	}
	if (a->status == ATT_IN_ATTENDANCE && a->capacity && *a->capacity)
		sb_addf(&sb, ", %s", a->capacity);
	const struct live_presence *pr = live_presence_of(l, a->person_id);
	char t[16];
	if (a->arrived_at) {
		ui_live_fmt_time(l, a->arrived_at, t);
		sb_addf(&sb, " arr %s", t);
	}
	if (pr && pr->departed) {
		ui_live_fmt_time(l, a->left_at, t);
		sb_addf(&sb, " left %s", t);
	} else if (pr && pr->out_interest) {
		sb_add(&sb, " (out: interest)");
	} else if (pr && pr->out) {
		sb_add(&sb, " (out)");
	}
	return sb_detach(&sb);
}
static void attendance_resize(struct live_pane *p,
			      const struct ui_live_layout *lay)
{
	p->r = lay->attendance;
	/* a title row above the people */
	p->list.rows = (struct ui_rect){p->r.y + 1, p->r.x, p->r.h - 1, p->r.w};
}

static size_t attendance_count(const struct live_screen *s)
{
	return s->l->attendance.n;
}

/* " ATTENDANCE 14 p · 5 apol · 2 sub" */
static void draw_attendance_title(struct app *app, const struct live *l,
				  struct ui_rect r)
{
	int np = 0, na = 0, ns = 0;
	for (size_t i = 0; i < l->attendance.n; i++) {
		enum attendance_status st = l->attendance.v[i].status;
		np += st == ATT_PRESENT;
		na += st == ATT_APOLOGY;
		ns += st == ATT_SUBSTITUTE;
	}
	char title[96];
	snprintf(title, sizeof title, " ATTENDANCE %d p · %d apol · %d sub", np,
		 na, ns);
	ui_put(app, r.y, r.x, r.w, UI_ROLE_TITLE, true, title);
}

static void draw_attendance_row(struct app *app, const struct live_screen *s,
				const struct live_pane *p, size_t idx, int y)
{
	const struct live *l = s->l;
	const struct ui_rect r = p->r;
	const struct attendance *a = &l->attendance.v[idx];
	const struct live_presence *pr = live_presence_of(l, a->person_id);
	bool sel = s->focus == PANE_ATTEND && idx == p->list.sel;
	enum ui_role role = sel ? UI_ROLE_SELECTED : att_role(a, pr);
	char *text = att_line(l, a);
	ui_put(app, y, r.x, r.w, role, true, "");
	char *line = xasprintf("%c %s", marker_of(a), text);
	ui_put_ellipsis(app, y, r.x + 1, r.w - 1, role, false, line);
	free(line);
	free(text);
}

static void attendance_draw(struct app *app, struct live_screen *s,
			    struct live_pane *p)
{
	draw_attendance_title(app, s->l, p->r);
	list_pane_fit(&p->list, attendance_count(s), p->list.rows);
	for (int i = 0; i < p->list.rows.h && p->list.top + (size_t)i < p->list.n;
	     i++)
		draw_attendance_row(app, s, p, p->list.top + (size_t)i,
				    p->list.rows.y + i);
}

static char *attendance_label(const struct live_screen *s, size_t i)
{
	return att_line(s->l, &s->l->attendance.v[i]);
}

static const struct pane_hint attendance_hints[] = {
	{UI_ACT_help, "help"},		  {UI_ACT_present, "present"},
	{UI_ACT_apology, "apology"},	  {UI_ACT_substitute, "sub"},
	{UI_ACT_late, "late"},		  {UI_ACT_departed, "left"},
	{UI_ACT_out_of_room, "out/in"},	  {UI_ACT_in_attendance, "also"},
	{UI_ACT_focus, "agenda"},	  {UI_ACT_quit, "quit"},
};

const struct pane_ops pane_attendance_ops = {
	.name = "attendance",
	.context = UI_CTX_ATTEND,
	.resize = attendance_resize,
	.draw = attendance_draw,
	.key = NULL, /* Enter does nothing here */
	.count = attendance_count,
	.label = attendance_label,
	.hints = attendance_hints,
	.nhints = sizeof attendance_hints / sizeof attendance_hints[0],
};
