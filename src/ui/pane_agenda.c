/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/pane_agenda: the agenda pane of the live console: each item with its
 * planned and actual start, the current one marked, and the projected
 * finish on the last row.  Enter on an item takes it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "live_screen.h"

/* marker 2, number 3, title, space, plan 5, space, actual 5, space */
#define AGENDA_TIMES 12

static void agenda_resize(struct live_pane *p, const struct ui_live_layout *lay)
{
	p->r = lay->agenda;
	/* a title row above the items, the finish below them */
	int rows = p->r.h - 2;
	p->list.rows = (struct ui_rect){p->r.y + 1, p->r.x, rows < 1 ? 1 : rows,
					p->r.w};
}

static size_t agenda_count(const struct live_screen *s)
{
	return s->l->nitems;
}

static void draw_agenda_row(struct app *app, const struct live_screen *s,
			    const struct live_pane *p, size_t idx, int y)
{
	const struct live *l = s->l;
	const struct ui_rect r = p->r;
	const struct live_item *it = &l->items[idx];
	bool cur = (int)idx == l->current;
	bool sel = s->focus == PANE_AGENDA && idx == p->list.sel;
	enum ui_role role = sel	       ? UI_ROLE_SELECTED
			    : cur      ? UI_ROLE_CURRENT
			    : it->done ? UI_ROLE_DONE
				       : UI_ROLE_NORMAL;
	ui_put(app, y, r.x, r.w, role, true, "");
	const char *mark = cur	      ? ui_glyph(app, UI_G_CURRENT)
			   : it->done ? ui_glyph(app, UI_G_DONE)
				      : " ";
	ui_put(app, y, r.x, 2, role, false, mark);
	ui_putf(app, y, r.x + 2, 3, role, "%s", it->item.number);
	char *title = xasprintf("%s%s", it->item.title,
				it->item.exempt ? " (exempt)" : "");
	ui_put_ellipsis(app, y, r.x + 5, r.w - 5 - 13, role, false, title);
	free(title);
	char plan[16], actual[16];
	ui_live_fmt_time(l, it->planned_start, plan);
	if (it->started)
		ui_live_fmt_time(l, it->started, actual);
	else
		snprintf(actual, sizeof actual, "%s", ui_glyph(app, UI_G_DASH));
	ui_put(app, y, r.x + r.w - AGENDA_TIMES, 5, role, false, plan);
	ui_put_right(app, y, r.x + r.w - 6, 5,
		     it->overrun ? UI_ROLE_WARN : role, actual);
}

/* The projected finish on the pane's last row. */
static void draw_finish(struct app *app, const struct live *l,
			struct ui_rect r)
{
	char proj[16], plan[16];
	ui_live_fmt_time(l, l->projected_finish, proj);
	ui_live_fmt_time(l, l->planned_finish, plan);
	int late = l->delay / 60;
	char line[96];
	if (l->closed)
		snprintf(line, sizeof line, " closed at %s", proj);
	else if (late > 0)
		snprintf(line, sizeof line, " finish ~%s (plan %s, +%d min)",
			 proj, plan, late);
	else
		snprintf(line, sizeof line, " finish ~%s (plan %s)", proj, plan);
	ui_put(app, r.y + r.h - 1, r.x, r.w,
	       late > 0 && !l->closed ? UI_ROLE_WARN : UI_ROLE_DIM, true, line);
}

static void agenda_draw(struct app *app, struct live_screen *s,
			struct live_pane *p)
{
	const struct ui_rect r = p->r;
	ui_put(app, r.y, r.x, r.w, UI_ROLE_TITLE, true, " AGENDA");
	ui_put(app, r.y, r.x + r.w - AGENDA_TIMES, AGENDA_TIMES, UI_ROLE_TITLE,
	       false, "plan actual");
	list_pane_fit(&p->list, agenda_count(s), p->list.rows);
	for (int i = 0; i < p->list.rows.h && p->list.top + (size_t)i < p->list.n;
	     i++)
		draw_agenda_row(app, s, p, p->list.top + (size_t)i,
				p->list.rows.y + i);
	draw_finish(app, s->l, r);
}

/* Enter takes the selected item (asking first to readmit the public when
 * they were excluded for the item being left). */
static enum ui_key_result agenda_key(struct app *app, struct live_screen *s,
				     enum ui_action a)
{
	if (a != UI_ACT_select)
		return UI_KEY_UNUSED;
	struct live *l = s->l;
	size_t sel = s->pane[PANE_AGENDA].list.sel;
	struct clerk_err err = {0};
	if (!ui_live_refused_inquorate(app, s) &&
	    (sel == (size_t)l->current || ui_live_readmit_before_moving(app, s)))
		ui_live_report_and_follow(app, s, live_jump(l, sel, &err), &err,
					  NULL);
	return UI_KEY_USED;
}

static char *agenda_label(const struct live_screen *s, size_t i)
{
	return xasprintf("%s %s", s->l->items[i].item.number,
			 s->l->items[i].item.title);
}

static const struct pane_hint agenda_hints[] = {
	{UI_ACT_help, "help"},	       {UI_ACT_next_item, "next"},
	{UI_ACT_attendance, "attend"}, {UI_ACT_declare, "declare"},
	{UI_ACT_heard, "heard"},       {UI_ACT_resolve, "resolve"},
	{UI_ACT_vote, "vote"},	       {UI_ACT_adjourn, "adjourn"},
	{UI_ACT_quit, "quit"},
};

const struct pane_ops pane_agenda_ops = {
	.name = "agenda",
	.context = UI_CTX_LIVE, /* no keys of its own beyond the console's */
	.resize = agenda_resize,
	.draw = agenda_draw,
	.key = agenda_key,
	.count = agenda_count,
	.label = agenda_label,
	.hints = agenda_hints,
	.nhints = sizeof agenda_hints / sizeof agenda_hints[0],
};
