/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/pane: the parts a screen is made of, and the list every pane with a
 * selection shares.
 *
 * A list pane is the rows of a list, the one selected and the first shown.
 * It knows nothing of what the rows hold, so the live console's agenda and
 * attendance, the pickers, the review screen's meetings and the look-up
 * screen's entries move, page, scroll and take clicks the same way: the
 * selection is kept in view in one place, list_pane_fit().  A row may take
 * several lines (a look-up entry wrapped to the terminal).
 *
 * A pager pane is lines of text read a screenful at a time (the review
 * screen's minutes and history, the help screen, a look-up page with
 * nothing to open): it scrolls in one place, pager_pane_scroll().
 *
 * A pane of the live console is an ops table and its rectangle:
 *
 *     static const struct pane_ops agenda_ops = {
 *             .name = "agenda",
 *             .context = UI_CTX_LIVE,    // keys looked up first when it
 *                                        // has the focus (LIVE: none own)
 *             .resize = agenda_resize,   // take its rectangle from the
 *                                        // layout (and its list's rows)
 *             .draw = agenda_draw,       // paint from the meeting
 *             .key = agenda_key,         // an action for it alone (Enter)
 *             .count = agenda_count,     // rows of its list (NULL: none)
 *             .label = agenda_label,     // a row as text, for searching
 *             .hints = agenda_hints,     // what the key bar shows while
 *             .nhints = 9,               // it has the focus
 *     };
 *
 * The actions themselves are not the panes': they are the live_do_NAME
 * handlers that src/ui/actions.def names (see live_screen.h).  The review
 * screen's two panes have a smaller ops table of their own (draw, move,
 * key bar: review_screen.h), as they paint from the review screen, not
 * from a meeting in progress.
 */
#ifndef CLERK_UI_PANE_H
#define CLERK_UI_PANE_H

#include <stdbool.h>
#include <stddef.h>

#include "clerk/ui.h"

/* ----------------------------------------------------------- pager pane */

struct pager_pane {
	size_t top; /* the first line shown */
	size_t n;   /* lines of text */
	size_t h;   /* lines shown at once */
};

/* Take the text's length and the lines shown; keep the view within the
 * text.  Call before painting and before scrolling. */
void pager_pane_fit(struct pager_pane *pg, size_t n, size_t h);
/* Move the view by delta lines: never before the first line, nor further
 * than the last line at the foot of the view (text that fits stays put). */
void pager_pane_scroll(struct pager_pane *pg, long delta);
/* Up, down, page up/down (page lines), top, bottom: false for any other
 * action. */
bool pager_pane_navigate(struct pager_pane *pg, enum ui_action a, long page);

/* ------------------------------------------------------------ list pane */

struct list_pane {
	size_t sel; /* the selected row */
	size_t top; /* the first row shown; with height, the first line */
	size_t n;   /* rows in the list */
	struct ui_rect rows; /* where the rows are painted */
	/* Rows that cannot be selected (a picker's headings), or NULL:
	 * moving passes over them. */
	bool (*skip)(const void *ctx, size_t row);
	/* The lines a row takes, or NULL for one each.  With it, top counts
	 * lines, so that a row taller than the pane can still be read, and a
	 * page moves the view (the selection follows it) rather than the
	 * selection a page of rows; a list with nothing to select then
	 * scrolls as a pager. */
	size_t (*height)(const void *ctx, size_t row);
	const void *ctx; /* given to skip and height */
};

/* Take the list's length and rows rectangle; keep the selection on a row
 * that exists and in view.  Call before painting. */
void list_pane_fit(struct list_pane *lp, size_t n, struct ui_rect rows);
/* Move the selection by delta rows, stopping at either end, and on past
 * rows that cannot be selected; it stays where it was when only those lie
 * that way. */
void list_pane_move(struct list_pane *lp, long delta);
/* Up, down, page up/down (page rows, or lines with height), top, bottom:
 * false for any other action. */
bool list_pane_navigate(struct list_pane *lp, enum ui_action a, int page);
/* The row under screen position (x, y) in *idx; false when none is. */
bool list_pane_row_at(const struct list_pane *lp, int x, int y, size_t *idx);
/* With height: the first line of row i, and the row that line l is in
 * (n when l is past the last row). */
size_t list_pane_row_line(const struct list_pane *lp, size_t i);
size_t list_pane_line_row(const struct list_pane *lp, size_t l);

/* -------------------------------------------------- panes of the console */

struct app;
struct live_screen;
struct ui_live_layout;

/* One entry of the key bar: the action's first key and a short word. */
struct pane_hint {
	enum ui_action action;
	const char *label;
};

struct live_pane;

struct pane_ops {
	const char *name;
	enum ui_context context;
	void (*resize)(struct live_pane *p, const struct ui_live_layout *lay);
	void (*draw)(struct app *app, struct live_screen *s,
		     struct live_pane *p);
	/* Enter and the like, meant for the pane with the focus: its own
	 * meaning, or UI_KEY_UNUSED. */
	enum ui_key_result (*key)(struct app *app, struct live_screen *s,
				  enum ui_action a);
	size_t (*count)(const struct live_screen *s);
	char *(*label)(const struct live_screen *s, size_t i); /* caller frees */
	const struct pane_hint *hints;
	size_t nhints;
};

struct live_pane {
	const struct pane_ops *ops;
	struct ui_rect r;      /* from the layout, each time it is painted */
	struct list_pane list; /* the panes that are lists */
};

extern const struct pane_ops pane_agenda_ops, pane_attendance_ops,
	pane_item_ops;

#endif
