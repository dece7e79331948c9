/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/live_screen: what the files of the live console share, and nothing
 * beyond src/ui sees.
 *
 * The console is three panes (pane_agenda.c, pane_attendance.c,
 * pane_item.c: src/ui/pane.h) inside screen_live.c, which paints the
 * header and key bar, gives the focus, and hands each action to its
 * handler.  Every action of context LIVE or ATTEND in src/ui/actions.def
 * has a handler `void live_do_NAME(struct app *, struct live_screen *)`,
 * declared below from that same list, so adding a key is one line there
 * and one handler (in live_do_*.c, by subject); a missing handler fails
 * the link.  The handlers ask (pickers, prompts, the editor) and then call
 * clerk/live.h, where the rules of procedure are.
 */
#ifndef CLERK_UI_LIVE_SCREEN_H
#define CLERK_UI_LIVE_SCREEN_H

#include "app_private.h"
#include "clerk/export.h"
#include "clerk/live.h"
#include "pane.h"

/* The panes that take the focus come first, in Tab order. */
enum live_pane_id { PANE_AGENDA, PANE_ATTEND, PANE_ITEM, PANE_COUNT };
#define LIVE_FOCUSABLE 2

struct live_screen {
	struct live *l;
	enum live_pane_id focus;
	struct live_pane pane[PANE_COUNT];
	int item_scroll; /* rows the item pane is scrolled back from the
			    newest capture */
	int scroll_item; /* the item item_scroll belongs to */
	struct ui_live_layout lay;
	/* The body's house style, as ui_live_style reads it. */
	struct style style;
	enum { LIVE_STYLE_UNREAD, LIVE_STYLE_READ, LIVE_STYLE_REFUSED }
		style_state;
};

/* The handlers, one per LIVE or ATTEND action of actions.def. */
#define LIVE_HANDLER_GLOBAL(name)
#define LIVE_HANDLER_LIST(name)
#define LIVE_HANDLER_LIVE(name) \
	void live_do_##name(struct app *app, struct live_screen *s);
#define LIVE_HANDLER_ATTEND(name) LIVE_HANDLER_LIVE(name)
#define LIVE_HANDLER_EDITOR(name)
#define LIVE_HANDLER_DIALOG(name)
#define LIVE_HANDLER_REVIEW(name)
#define LIVE_HANDLER_BROWSE(name)
#define UI_ACTION(name, ctx, access, keys, help) LIVE_HANDLER_##ctx(name)
#include "actions.def"
#undef UI_ACTION
#undef LIVE_HANDLER_GLOBAL
#undef LIVE_HANDLER_LIST
#undef LIVE_HANDLER_LIVE
#undef LIVE_HANDLER_ATTEND
#undef LIVE_HANDLER_EDITOR
#undef LIVE_HANDLER_DIALOG
#undef LIVE_HANDLER_REVIEW
#undef LIVE_HANDLER_BROWSE

/* ------------------------------------------------- shared by the panes */

/* "10:17" in the body's zone, "-" for no time. */
void ui_live_fmt_time(const struct live *l, time_t t, char out[16]);
/* The item being taken, or NULL before the first. */
const struct live_item *ui_live_current_item(const struct live *l);
/* Rows a page key moves in the pane with the focus. */
int ui_live_page(const struct live_screen *s);
/* The body's house style: captures are shown as the minutes print them.
 * Read when something first needs it (a capture shown, an editor's title)
 * or at the console's first idle tick, whichever comes first: not before
 * the first screen, which seldom needs it.  A style refused is said once
 * (the clerk warned, as the minutes will refuse it when exported); then
 * an empty style, so that captures are shown as typed. */
const struct style *ui_live_style(struct app *app, struct live_screen *s);

/* ---------------------------------------------- shared by the handlers */

/* After an action: "saved" and the live notice, or the refusal. */
void ui_live_report(struct app *app, struct live_screen *s,
		    enum clerk_status st, const struct clerk_err *err,
		    const char *done);
/* The same, then the agenda's selection follows the current item (after
 * moving between items, adjourning, closing). */
void ui_live_report_and_follow(struct app *app, struct live_screen *s,
			       enum clerk_status st,
			       const struct clerk_err *err, const char *done);
/* The agenda's selection on the current item, when there is one. */
void ui_live_show_current(struct live_screen *s);
/* True (and the clerk told why) when the meeting is inquorate. */
bool ui_live_refused_inquorate(struct app *app, struct live_screen *s);
/* Before leaving an item while the public are excluded: readmit them?
 * False when the move should not go ahead. */
bool ui_live_readmit_before_moving(struct app *app, struct live_screen *s);

/* Who a picker of people lists. */
enum pick_who {
	PICK_ANYONE,   /* everyone on the attendance list */
	PICK_ENTITLED, /* present and entitled to vote on the current item */
};
/* A person from the attendance: their index in l->attendance, -2 for
 * "(not noted)" (offered first when allow_none), -1 when cancelled;
 * leave_out (may be NULL) is not listed. */
int ui_live_pick_attendee(struct app *app, struct live_screen *s,
			  const char *title, enum pick_who who,
			  bool allow_none, const char *leave_out);
/* A whole number from 0 to max (max < 0: no limit), -1 when cancelled;
 * what_max completes "only N ..." in the refusal. */
int ui_live_prompt_count(struct app *app, const char *title, int max,
			 const char *what_max);

#endif
