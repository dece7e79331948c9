/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/screen_live: the live console, the screen the clerk keeps open for the
 * whole meeting.  A header (body, date, venue, live clock, quorum), then
 * its panes: the agenda with planned and actual times (pane_agenda.c), the
 * current item with its running clock and everything captured for it
 * (pane_item.c), the attendance (pane_attendance.c); a key bar below.
 *
 * This file lays the panes out (ui_layout_live), moves the focus between
 * them, and hands each key's action to its handler: the list keys to the
 * focused pane's list, the LIVE and ATTEND actions of actions.def to the
 * live_do_NAME handler the table below holds (live_do_*.c).  Every action
 * commits through live before "saved" is shown.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/ui_live.h"
#include "live_screen.h"

/* ----------------------------------------------------------- helpers */

void ui_live_fmt_time(const struct live *l, time_t t, char out[16])
{
	if (!t) {
		snprintf(out, 16, "-");
		return;
	}
	time_format_local(t, l->body.tz, "%H:%M", out, 16);
}

/* After an action: "saved" and the live notice, or the refusal. */
void ui_live_report(struct app *app, struct live_screen *s,
		    enum clerk_status st, const struct clerk_err *err,
		    const char *done)
{
	if (st != CLERK_OK) {
		ui_app_error(app, err);
		return;
	}
	ui_app_saved(app);
	if (s->l->notice[0])
		ui_app_message(app, UI_ROLE_WARN, "%s", s->l->notice);
	else if (done)
		ui_app_message(app, UI_ROLE_OK, "%s", done);
}

void ui_live_show_current(struct live_screen *s)
{
	if (s->l->current >= 0)
		s->pane[PANE_AGENDA].list.sel = (size_t)s->l->current;
}

void ui_live_report_and_follow(struct app *app, struct live_screen *s,
			       enum clerk_status st,
			       const struct clerk_err *err, const char *done)
{
	ui_live_report(app, s, st, err, done);
	if (st == CLERK_OK)
		ui_live_show_current(s);
}

/* True (and the clerk told why, and what the chair can do, with the keys)
 * when the meeting is inquorate: no business may be transacted.  Asked
 * before any picker or editor opens, so nothing is typed in vain. */
bool ui_live_refused_inquorate(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	if (live_may_transact(s->l, &err) == CLERK_OK)
		return false;
	char adj[32], cls[32];
	ui_keymap_describe(&app->keymap, UI_ACT_adjourn, adj, sizeof adj);
	ui_keymap_describe(&app->keymap, UI_ACT_close_meeting, cls, sizeof cls);
	ui_app_message(app, UI_ROLE_ERROR,
		       "Inquorate (%d in the room, %d needed): no business can "
		       "be transacted. Wait for members to return, adjourn to "
		       "a time (%s) or close (%s)",
		       s->l->voting_in_room, s->l->quorum, adj, cls);
	return true;
}

/* Moving to another item while the press and public are excluded: ask
 * whether to readmit them first (the exclusion was for the item being
 * left).  False when the move should not go ahead. */
bool ui_live_readmit_before_moving(struct app *app, struct live_screen *s)
{
	if (!s->l->public_excluded)
		return true;
	struct ui_pick_item items[] = {
		{.label = "readmit the press and public, then move on"},
		{.label = "keep them excluded for the next item too"}};
	int c = ui_pick(app, "The press and public are excluded", items, 2, 0);
	if (c < 0)
		return false;
	if (c == 1)
		return true;
	struct clerk_err err = {0};
	if (live_readmit_public(s->l, &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return false;
	}
	ui_app_saved(app);
	return true;
}

const struct live_item *ui_live_current_item(const struct live *l)
{
	return l->current >= 0 && (size_t)l->current < l->nitems
		       ? &l->items[l->current]
		       : NULL;
}

/* " Health and Wellbeing Board · Thu 5 Oct 2017 · Ashburton Hall": the
 * whole venue when it fits in room, else its first part, else the body's
 * short name.  Caller frees. */
static char *header_left(const struct live *l, int room)
{
	char date[64];
	time_format_local(l->meeting.starts_at, l->body.tz, "%a %-d %b %Y", date,
			  sizeof date);
	char *venue = xstrndup(l->meeting.venue, strcspn(l->meeting.venue, ","));
	char *left = xasprintf(" %s · %s · %s", l->body.name, date,
			       l->meeting.venue);
	if (utf8_width(left) > room) {
		free(left);
		left = xasprintf(" %s · %s · %s", l->body.name, date, venue);
	}
	if (utf8_width(left) > room && *l->body.short_name) {
		free(left);
		left = xasprintf(" %s · %s · %s", l->body.short_name, date, venue);
	}
	free(venue);
	return left;
}

/* "LIVE 10:17  quorate: 14 present, 5 needed": the state, the time and
 * the quorum in words (who is counted, and how many it needs). */
static void header_right(const struct live *l, char *out, size_t len)
{
	char now[16];
	ui_live_fmt_time(l, clock_now(), now);
	const char *state = l->closed	   ? "CLOSED"
			    : l->adjourned ? "ADJOURNED"
			    : l->running   ? "LIVE"
					   : "OPEN";
	/* Not known while the records cannot be read (never "0 needed"). */
	if (l->unread[0]) {
		snprintf(out, len, "%s%s  RECORDS UNREADABLE",
			 l->watching ? "READ-ONLY  " : "", now);
		return;
	}
	snprintf(out, len, "%s%s%s %s  %s: %d present, %d needed",
		 l->watching ? "READ-ONLY  " : "",
		 l->public_excluded ? "PRIVATE  " : "", state, now,
		 l->quorate	     ? "quorate"
		 : l->quorum_warning ? "QUORUM LOST"
				     : "quorum",
		 l->voting_in_room, l->quorum);
}

static void draw_header(struct app *app, struct live_screen *s)
{
	const struct live *l = s->l;
	struct ui_rect r = s->lay.header;
	ui_fill(app, r, UI_ROLE_HEADER);
	char right[128];
	header_right(l, right, sizeof right);
	int rw = utf8_width(right);
	int room = r.w - rw - 2;
	char *left = header_left(l, room);
	ui_put_ellipsis(app, r.y, r.x, room, UI_ROLE_HEADER, false, left);
	free(left);
	enum ui_role role = l->quorum_warning || l->unread[0] ? UI_ROLE_ERROR
							      : UI_ROLE_HEADER;
	ui_put(app, r.y, r.x + r.w - rw - 1, rw, role, false, right);
}

/* --------------------------------------------------------- the screen */

static struct live_pane *focused(struct live_screen *s)
{
	return &s->pane[s->focus];
}

int ui_live_page(const struct live_screen *s)
{
	int page = s->pane[s->focus].r.h - 2;
	return page < 1 ? 1 : page;
}

/* The key bar: the focused pane's hints, each with its action's first
 * key as the user's keys file binds it. */
static const char *hints(struct app *app, struct live_screen *s,
			 struct strbuf *sb)
{
	const struct pane_ops *ops = focused(s)->ops;
	const struct ui_keymap *km = &app->keymap;
	for (size_t i = 0; i < ops->nhints; i++) {
		enum ui_action a = ops->hints[i].action;
		if (km->nkeys[a] == 0)
			continue;
		char name[32];
		ui_key_name(km->keys[a][0], name);
		/* "<F1>" reads better as "F1" on the status row */
		if (name[0] == '<' && name[1] == 'F') {
			memmove(name, name + 1, strlen(name));
			name[strlen(name) - 1] = '\0';
		}
		sb_addf(sb, "%s%s %s", i ? "|" : "", name, ops->hints[i].label);
	}
	return sb_str(sb);
}

static void live_draw(struct app *app, void *state)
{
	struct live_screen *s = state;
	ui_layout_live(COLS, LINES, &s->lay);
	if (s->lay.too_small)
		return;
	draw_header(app, s);
	for (int i = 0; i < PANE_COUNT; i++) {
		struct live_pane *p = &s->pane[i];
		p->ops->resize(p, &s->lay);
		p->ops->draw(app, s, p);
	}
	int top = s->lay.item.y, h = s->lay.item.h;
	ui_vline(app, top, s->lay.item.x - 1, h);
	if (s->lay.wide)
		ui_vline(app, top, s->lay.attendance.x - 1, h);
	struct strbuf sb = {0};
	ui_draw_status(app, s->lay.status.y, hints(app, s, &sb));
	sb_free(&sb);
}

const struct style *ui_live_style(struct app *app, struct live_screen *s)
{
	if (s->style_state != LIVE_STYLE_UNREAD)
		return &s->style;
	struct clerk_err err = {0};
	s->style_state = LIVE_STYLE_READ;
	if (style_load(s->l->body.style, &s->style, &err) != CLERK_OK) {
		/* The minutes will refuse the same style when exported; the
		 * room goes on, showing captures as typed. */
		style_free(&s->style);
		memset(&s->style, 0, sizeof s->style);
		s->style_state = LIVE_STYLE_REFUSED;
		ui_app_message(app, UI_ROLE_WARN, "%s", err.msg);
	}
	return &s->style;
}

static void live_tick(struct app *app, void *state)
{
	struct live_screen *s = state;
	struct clerk_err err = {0};
	/* The first idle moment reads the style the first screen did not
	 * need, so that a refused one is said as the meeting opens. */
	(void)ui_live_style(app, s);
	live_idle(s->l);
	/* Two consoles: renew the lease; a console taken over is told at
	 * once, one watching is told when the driver has left. */
	if (live_lease_tick(s->l))
		ui_app_message(app, UI_ROLE_WARN, "%s", s->l->notice);
	if (live_refresh(s->l, &err) != CLERK_OK)
		ui_app_error(app, &err);
}

/* While another console drives the meeting this one only watches: what
 * would write (DRIVE in actions.def) is refused before any dialog opens
 * (live refuses it too, inside the transaction). */
static bool refused_watching(struct app *app, struct live_screen *s,
			     enum ui_action a)
{
	if (!s->l->watching || ui_action_info(a)->access == UI_WATCH)
		return false;
	char *who = live_lease_sentence(&s->l->driver, s->l->body.tz);
	ui_app_message(app, UI_ROLE_ERROR,
		       "Read-only: %s. Nothing was recorded; T takes over.",
		       who);
	free(who);
	return true;
}

static bool live_may_quit(struct app *app, void *state)
{
	struct live_screen *s = state;
	if (s->l->closed)
		return true;
	return ui_confirm(app, "Leave the console?  The meeting stays open: "
			       "clerk live takes it up again where it was.");
}

/* The focused pane's own keys first (the attendance's), then the
 * console's, then the lists'. */
static size_t live_contexts(struct app *app, void *state,
			    enum ui_context out[4])
{
	(void)app;
	struct live_screen *s = state;
	size_t n = 0;
	if (focused(s)->ops->context != UI_CTX_LIVE)
		out[n++] = focused(s)->ops->context;
	out[n++] = UI_CTX_LIVE;
	out[n++] = UI_CTX_LIST;
	return n;
}

/* ------------------------------------------------------------ the focus */

void live_do_focus(struct app *app, struct live_screen *s)
{
	(void)app;
	s->focus = (enum live_pane_id)((s->focus + 1) % LIVE_FOCUSABLE);
}

void live_do_focus_back(struct app *app, struct live_screen *s)
{
	(void)app;
	s->focus = (enum live_pane_id)((s->focus + LIVE_FOCUSABLE - 1) %
				       LIVE_FOCUSABLE);
}

void live_do_attendance(struct app *app, struct live_screen *s)
{
	(void)app;
	s->focus = PANE_ATTEND;
}

/* A click on a row of a list selects it and gives its pane the focus. */
static void click(struct app *app, struct live_screen *s)
{
	int x, y;
	ui_app_mouse(app, &x, &y);
	for (int i = 0; i < LIVE_FOCUSABLE; i++) {
		struct live_pane *p = &s->pane[i];
		p->list.n = p->ops->count(s);
		size_t idx;
		if (list_pane_row_at(&p->list, x, y, &idx)) {
			s->focus = (enum live_pane_id)i;
			p->list.sel = idx;
			return;
		}
	}
}

/* "/": find a row of the focused list by typing part of it. */
static void search_focused(struct app *app, struct live_screen *s)
{
	struct live_pane *p = focused(s);
	size_t cnt = p->ops->count(s);
	struct ui_pick_item *items = xcalloc(cnt + 1, sizeof *items);
	char **labels = xcalloc(cnt + 1, sizeof *labels);
	for (size_t i = 0; i < cnt; i++) {
		labels[i] = p->ops->label(s, i);
		items[i].label = labels[i];
	}
	int c = ui_pick_search(app, "Find", items, cnt, 0, true);
	if (c >= 0)
		p->list.sel = (size_t)c;
	for (size_t i = 0; i < cnt; i++)
		free(labels[i]);
	free(labels);
	free(items);
}

/* The LIST actions, on the focused pane's list. */
static enum ui_key_result list_action(struct app *app, struct live_screen *s,
				      enum ui_action a)
{
	struct live_pane *p = focused(s);
	p->list.n = p->ops->count(s);
	if (a == UI_ACT_select && p->ops->key)
		p->ops->key(app, s, a);
	else if (a == UI_ACT_cancel)
		s->focus = PANE_AGENDA; /* Esc: back to the agenda */
	else if (a == UI_ACT_search)
		search_focused(app, s);
	else
		list_pane_navigate(&p->list, a, ui_live_page(s));
	return UI_KEY_USED;
}

/* ------------------------------------------------------------ the keys */

typedef void live_handler(struct app *app, struct live_screen *s);

/* Each LIVE and ATTEND action's handler, from actions.def. */
static live_handler *const handlers[UI_ACT_COUNT] = {
#define LIVE_HANDLER_GLOBAL(name)
#define LIVE_HANDLER_LIST(name)
#define LIVE_HANDLER_LIVE(name) [UI_ACT_##name] = live_do_##name,
#define LIVE_HANDLER_ATTEND(name) LIVE_HANDLER_LIVE(name)
#define LIVE_HANDLER_EDITOR(name)
#define LIVE_HANDLER_DIALOG(name)
#define LIVE_HANDLER_REVIEW(name)
#define LIVE_HANDLER_BROWSE(name)
#define UI_ACTION(name, ctx, access, keys, help) LIVE_HANDLER_##ctx(name)
#include "actions.def"
#undef UI_ACTION
};

static enum ui_key_result live_key(struct app *app, void *state, int key)
{
	struct live_screen *s = state;
	if (key == UI_KEY_CLICK) {
		click(app, s);
		return UI_KEY_USED;
	}
	enum ui_context ctxs[4];
	size_t n = live_contexts(app, s, ctxs);
	enum ui_action a = ui_keymap_lookup_in(&app->keymap, ctxs, n, key);
	if (refused_watching(app, s, a))
		return UI_KEY_USED;
	if (ui_action_info(a)->context == UI_CTX_LIST)
		return list_action(app, s, a);
	if (!handlers[a])
		return UI_KEY_UNUSED; /* the app's: help, quit, redraw */
	handlers[a](app, s);
	return UI_KEY_USED;
}

static const struct ui_screen_ops live_ops = {
	.name = "live",
	.draw = live_draw,
	.key = live_key,
	.resize = NULL, /* laid out afresh on every paint */
	.tick = live_tick,
	.may_quit = live_may_quit,
	.contexts = live_contexts,
};

void ui_live_run(struct app *app, struct live *l)
{
	struct live_screen s = {.l = l, .focus = PANE_AGENDA};
	s.pane[PANE_AGENDA].ops = &pane_agenda_ops;
	s.pane[PANE_ATTEND].ops = &pane_attendance_ops;
	s.pane[PANE_ITEM].ops = &pane_item_ops;
	ui_live_show_current(&s);
	struct ui_screen screen = {&live_ops, &s};
	ui_app_run(app, &screen);
	style_free(&s.style);
}
