/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/review_screen: the parts of the review screen (clerk review), shared
 * by its files.
 *
 * The screen is two panes, one shown at a time, each an ops table:
 *
 *     review_list.c   the meetings (a list pane, read a window at a time)
 *     review_pager.c  the selected meeting's minutes as published, or its
 *                     history (a pager pane)
 *
 * screen_review.c runs the screen: it paints the pane shown and its key
 * bar, gives it the keys that move, and does the rest itself; the actions
 * on the minutes (export, edit, confirm, correct) are review_act.c's.
 */
#ifndef CLERK_UI_REVIEW_SCREEN_H
#define CLERK_UI_REVIEW_SCREEN_H

#include "app_private.h"
#include "pane.h"
#include "clerk/model.h"

struct review_screen;
struct review_row; /* a meeting of the list and its line (review_list.c) */

/* A key the key bar shows, by its action (the key bound to it is shown),
 * and what it does in the pane. */
struct review_hint {
	enum ui_action act;
	const char *label;
};

struct review_pane_ops {
	const char *name;
	void (*draw)(struct app *app, struct review_screen *s);
	/* Up, down, a page, Home, End, in the pane's way: false for any
	 * other action. */
	bool (*navigate)(struct app *app, struct review_screen *s,
			 enum ui_action a);
	/* what the key bar shows while the pane is shown */
	const struct review_hint *hints;
	size_t nhints;
};
#define REVIEW_HINTS(a) .hints = (a), .nhints = sizeof(a) / sizeof *(a)

extern const struct review_pane_ops review_list_ops, review_pager_ops;

struct review_screen {
	/* The file, opened for reading (cmd_review) until the clerk first
	 * changes something: then opened again for writing (`reading`
	 * false from then on), and the app's connection is this one. */
	struct db *db;
	bool reading;
	char *body_id; /* "" for every body */
	const struct review_pane_ops *pane; /* the one shown */
	/* The list reads the meetings it shows: `total` in all, of which
	 * win[0..nwin) are read, from place `base` on (each allocated on its
	 * own, so that a meeting selected stays where it is while the window
	 * grows).  Until `counted`, the list is opened on what it read, not
	 * on a count of the archive: places are counted from the first
	 * meeting read (base 0), `total` is the meetings read, and `more`
	 * says whether the list may go on past them.  The clerk's first move
	 * counts them (review_list.c). */
	size_t total, base, nwin;
	bool counted, more;
	struct review_row **win;
	/* Meetings of a window left for another (Home, End), kept until the
	 * list is read again: a meeting selected stays where it is. */
	struct review_row **left;
	size_t nleft;
	/* The bodies of the meetings read, each read once (with the
	 * meetings, or by itself): a list of thousands of meetings names a
	 * few dozen bodies. */
	struct body_list bodies;
	struct list_pane list; /* the meetings */
	/* The pager's text, read when a meeting is opened. */
	bool history; /* the pager shows the meeting's history */
	char record[CLERK_UUID_LEN]; /* ... of this record only, when set */
	char **lines;
	size_t nlines;
	struct pager_pane view;
};

static inline bool review_paging(const struct review_screen *s)
{
	return s->pane == &review_pager_ops;
}

/* review_list.c */
/* Meeting m's line in the list, its body's label found in bodies, or
 * read and added to it. */
char *review_meeting_line(struct db *db, struct body_list *bodies,
			  const struct meeting *m);
enum clerk_status review_list_open(struct review_screen *s, const char *keep,
				   struct clerk_err *err);
enum clerk_status review_list_load(struct review_screen *s,
				   struct clerk_err *err);
void review_list_free(struct review_screen *s);
const char *review_list_label(struct review_screen *s, size_t i);
const struct meeting *review_selected(struct review_screen *s);

/* review_pager.c */
enum clerk_status review_pager_load(struct app *app, struct review_screen *s,
				    struct clerk_err *err);
void review_pager_free(struct review_screen *s);
bool review_history_choose(struct app *app, struct review_screen *s);
enum clerk_status review_history_load(struct review_screen *s,
				      struct clerk_err *err);

/* review_act.c */
void review_act_export(struct app *app, struct review_screen *s);
void review_act_confirm(struct app *app, struct review_screen *s);
void review_act_correct(struct app *app, struct review_screen *s);
void review_act_edit(struct app *app, struct review_screen *s);

/* Lines a page moves, in the list and the pager alike: the screen less
 * its header, key bar and two lines kept in view. */
static inline long review_page(void)
{
	return LINES > 4 ? LINES - 4 : 1;
}

#endif
