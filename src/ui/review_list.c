/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/review_list: the review screen's list of meetings (date, body, status:
 * scheduled / draft minutes / confirmed), a list pane (src/ui/pane.h).
 * An archive of thousands of meetings opens on one screenful: the list
 * reads the meetings next to those shown, and the others as the clerk
 * moves to them.  Nor does it count the archive to open: the first screen
 * shows no place in the list, and the count, which grows with the
 * archive, is made when the clerk first moves (list_count).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "review_screen.h"
#include "clerk/model.h"
#include "clerk/model_scale.h"

/* "scheduled" (still to come), "draft minutes" (held, not yet
 * confirmed), "confirmed" (and locked), or "cancelled" / "postponed". */
static const char *minutes_status(const struct meeting *m)
{
	if (m->minutes_state == MINUTES_CONFIRMED)
		return "confirmed";
	if (meeting_called_off(m))
		return meeting_status_text(m->status);
	if (m->status == MEETING_SCHEDULED && m->starts_at > clock_now())
		return "scheduled";
	return "draft minutes";
}

static const struct body *body_cached(struct db *db, struct body_list *c,
				      const char *id, struct clerk_err *err)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].id, id) == 0)
			return &c->v[i];
	struct body b = {0};
	/* only its name and time zone: what the line shows */
	enum clerk_status rc = body_get_label(db, id, &b, err);
	if (rc != CLERK_OK) {
		clerk_fail_reading(err, rc, "the meeting's body");
		return NULL;
	}
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n] = b;
	return &c->v[c->n++];
}

char *review_meeting_line(struct db *db, struct body_list *bodies,
			  const struct meeting *m)
{
	struct clerk_err err = {0};
	const struct body *b = body_cached(db, bodies, m->body_id, &err);
	/* Never a line that looks whole: the failure is the line. */
	if (!b)
		return xasprintf("%s", err.msg);
	char when[64] = "?";
	time_format_local(m->starts_at, b->tz, "%a %e %b %Y  %H:%M", when,
			  sizeof when);
	return xasprintf("%s  %-13s  %s", when, minutes_status(m),
			 b->name ? b->name : "?");
}

/* A meeting of the list and its line, made when first shown: an archive
 * of thousands of meetings opens on one screenful, not on formatting
 * every date. */
struct review_row {
	struct meeting m;
	char *label;
};

static void rows_free(struct review_row **v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		meeting_free(&v[i]->m);
		free(v[i]->label);
		free(v[i]);
	}
	free(v);
}

void review_list_free(struct review_screen *s)
{
	rows_free(s->win, s->nwin);
	s->win = NULL;
	s->nwin = s->total = s->base = 0;
	rows_free(s->left, s->nleft);
	s->left = NULL;
	s->nleft = 0;
	s->counted = s->more = false;
	body_list_free(&s->bodies);
}

/* Meetings are read this many at a time, next to those read already. */
enum { LIST_CHUNK = 128 };

/* The rows of meetings the list shows: the screen less its two heading
 * lines and the key bar. */
static int list_rows(void)
{
	return LINES - 3;
}

static const char *list_body(const struct review_screen *s)
{
	return *s->body_id ? s->body_id : NULL;
}

/* Add the meetings of l to the window, before or after those read. */
static void list_take(struct review_screen *s, struct meeting_list *l,
		      bool after)
{
	s->win = xrealloc(s->win, (s->nwin + l->n + 1) * sizeof *s->win);
	if (!after) {
		memmove(s->win + l->n, s->win, s->nwin * sizeof *s->win);
		s->base -= l->n <= s->base ? l->n : s->base;
	}
	for (size_t i = 0; i < l->n; i++) {
		struct review_row *r = xcalloc(1, sizeof *r);
		r->m = l->v[i]; /* the meeting's strings move with it */
		s->win[after ? s->nwin + i : i] = r;
	}
	s->nwin += l->n;
	if (!s->counted) /* every meeting read, from place 0 */
		s->total = s->nwin;
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Put the meetings read in their places in the whole list, with its
 * length: what the list opened without, as the first screen shows
 * neither, and what moving needs (the ends of the list, the selection
 * kept from running past them).  The places read so far move by the
 * number of meetings before the first read. */
static enum clerk_status list_count(struct review_screen *s,
				    struct clerk_err *err)
{
	if (s->counted || !s->nwin) /* uncounted, nothing read: no list */
		return CLERK_OK;
	size_t before = 0, total = 0;
	const struct meeting *first = &s->win[0]->m;
	enum clerk_status rc =
		meeting_count_place(s->db, list_body(s), first->starts_at,
				    first->id, &before, &total, err);
	if (rc)
		return rc;
	s->base = before; /* from 0: nothing is read before it uncounted */
	s->list.sel += before;
	s->list.top += before;
	/* meetings added since they were read are counted too */
	s->total = total > s->base + s->nwin ? total : s->base + s->nwin;
	s->counted = true;
	s->more = false;
	return CLERK_OK;
}

/* A place near either end of the list (Home, End: the first row drawn
 * may be a screenful from the end) far from the meetings read: the window
 * moves to that end (the oldest or newest meetings) rather than reading
 * every meeting between (the whole archive, from its newest end to Home). */
static void list_jump(struct review_screen *s, size_t i)
{
	bool newest = i >= LIST_CHUNK;
	if (!s->counted || !s->nwin || (newest && i + LIST_CHUNK < s->total) ||
	    (i >= s->base && i < s->base + s->nwin) ||
	    (i < s->base ? s->base - i : i - (s->base + s->nwin)) < LIST_CHUNK)
		return;
	struct clerk_err err = {0};
	struct meeting_list l = {0};
	if (meeting_list_end(s->db, list_body(s), newest, LIST_CHUNK, &l,
			     &err) || !l.n || l.n > s->total) {
		meeting_list_free(&l);
		return; /* read the way there instead */
	}
	s->left = xrealloc(s->left, (s->nleft + s->nwin) * sizeof *s->left);
	memcpy(s->left + s->nleft, s->win, s->nwin * sizeof *s->win);
	s->nleft += s->nwin;
	s->nwin = 0;
	s->base = newest ? s->total - l.n : 0;
	list_take(s, &l, true);
}

/* Meeting i of the list (NULL past its end), reading the meetings between
 * the window and it when it is not read yet: past the end of those read,
 * uncounted, while more may follow. */
static struct review_row *list_at(struct review_screen *s, size_t i)
{
	struct clerk_err err = {0};
	if (i < s->total)
		list_jump(s, i);
	while (i < s->total && s->nwin && i < s->base) {
		struct meeting_list l = {0};
		size_t want = s->base - i + LIST_CHUNK;
		if (meeting_list_near(s->db, list_body(s), s->win[0]->m.starts_at,
				      s->win[0]->m.id, false,
				      want < s->base ? want : s->base, &l,
				      &s->bodies, &err) || !l.n) {
			meeting_list_free(&l);
			return NULL;
		}
		list_take(s, &l, false);
	}
	while ((i < s->total || s->more) && s->nwin &&
	       i >= s->base + s->nwin) {
		struct meeting_list l = {0};
		const struct meeting *last = &s->win[s->nwin - 1]->m;
		char *past = xasprintf("%s\x01", last->id); /* just after it */
		size_t want = i - (s->base + s->nwin) + LIST_CHUNK;
		enum clerk_status rc =
			meeting_list_near(s->db, list_body(s), last->starts_at, past,
					  true, want, &l, &s->bodies, &err);
		free(past);
		if (!rc && !s->counted) /* fewer than asked: the end */
			s->more = l.n >= want;
		if (rc || !l.n) {
			meeting_list_free(&l);
			return NULL;
		}
		list_take(s, &l, true);
	}
	if (i < s->base || i >= s->base + s->nwin)
		return NULL;
	return s->win[i - s->base];
}

const char *review_list_label(struct review_screen *s, size_t i)
{
	struct review_row *r = list_at(s, i);
	if (!r)
		return "";
	if (!r->label)
		r->label = review_meeting_line(s->db, &s->bodies, &r->m);
	return r->label;
}

/* Read the list again, opening on meeting `keep` when given and still
 * there, else on the newest meeting already held (the minutes a clerk is
 * working on), else the newest of all.  Only the meetings next to it are
 * read, and they are not counted: the list's places are counted from the
 * first read until the clerk moves (list_count). */
enum clerk_status review_list_open(struct review_screen *s, const char *keep,
				   struct clerk_err *err)
{
	struct meeting k = {0};
	bool kept = keep && *keep &&
		    meeting_get(s->db, keep, &k, NULL) == CLERK_OK &&
		    (!list_body(s) || strcmp(k.body_id, s->body_id) == 0);
	review_list_free(s);
	/* The place: the kept meeting, or just after every meeting held. */
	time_t at = kept ? k.starts_at : clock_now() + 1;
	char id[CLERK_UUID_LEN] = "";
	if (kept)
		snprintf(id, sizeof id, "%s", k.id);
	meeting_free(&k);
	struct meeting_list lo = {0}, hi = {0};
	/* A screenful each side of the place: the first screen shows the
	 * one before it and those just before that (or, with the place
	 * near the top, just after); more is read as the clerk moves. */
	size_t near = list_rows() > 0 ? (size_t)list_rows() : 1;
	enum clerk_status rc = meeting_list_near(s->db, list_body(s), at, id,
						 false, near, &lo, &s->bodies,
						 err);
	/* Opened on now, what is to come (nothing, most days) is read only
	 * when the screen has room for it: the newest meeting held is drawn
	 * at its foot. */
	bool after = kept || lo.n < near;
	if (!rc && after)
		rc = meeting_list_near(s->db, list_body(s), at, id, true, near,
				       &hi, &s->bodies, err);
	if (rc) {
		meeting_list_free(&lo);
		meeting_list_free(&hi);
		return rc;
	}
	/* Both ends reached: the meetings read are the whole list. */
	s->counted = lo.n < near && after && hi.n < near;
	s->more = !s->counted && (!after || hi.n >= near);
	size_t before = lo.n;
	list_take(s, &hi, true);
	list_take(s, &lo, false);
	s->total = s->nwin;
	if (kept)
		s->list.sel = before;
	else if (before)
		s->list.sel = before - 1;
	else { /* nothing held yet: the newest of all, counted to be found */
		rc = list_count(s, err);
		s->list.sel = s->total ? s->total - 1 : 0;
	}
	return rc;
}

/* Read again, the selected meeting kept, on the same line of the screen
 * (its place in the list may be counted or not). */
enum clerk_status review_list_load(struct review_screen *s,
				   struct clerk_err *err)
{
	char keep[CLERK_UUID_LEN] = "";
	const struct review_row *r =
		s->list.sel < s->total ? list_at(s, s->list.sel) : NULL;
	if (r)
		snprintf(keep, sizeof keep, "%s", r->m.id);
	size_t line = s->list.sel > s->list.top ? s->list.sel - s->list.top : 0;
	enum clerk_status rc = review_list_open(s, keep, err);
	if (!rc)
		s->list.top = s->list.sel > line ? s->list.sel - line : 0;
	return rc;
}

const struct meeting *review_selected(struct review_screen *s)
{
	const struct review_row *r =
		s->list.sel < s->total ? list_at(s, s->list.sel) : NULL;
	return r ? &r->m : NULL;
}

static void draw_list(struct app *app, struct review_screen *s)
{
	int rows = list_rows();
	ui_put(app, 0, 0, COLS, UI_ROLE_HEADER, true,
	       " Minutes: meetings and their minutes");
	ui_put(app, 1, 0, COLS, UI_ROLE_DIM, true,
	       " date              time   minutes        body");
	list_pane_fit(&s->list, s->total, (struct ui_rect){2, 0, rows, COLS});
	for (int r = 0; r < rows; r++) {
		size_t i = s->list.top + (size_t)r;
		const struct review_row *row = list_at(s, i);
		if (!row)
			break;
		const struct meeting *m = &row->m;
		enum ui_role role = i == s->list.sel ? UI_ROLE_SELECTED
				    : m->minutes_state == MINUTES_CONFIRMED
					    ? UI_ROLE_DONE
					    : UI_ROLE_NORMAL;
		/* Only the selected row's colour runs to the edge: the
		 * others are on a cleared screen. */
		ui_put(app, 2 + r, 0, 1, role, true, "");
		ui_put(app, 2 + r, 1, COLS - 1, role, role == UI_ROLE_SELECTED,
		       review_list_label(s, i));
	}
	if (!s->total)
		ui_put(app, 3, 1, COLS - 1, UI_ROLE_DIM, false,
		       "No meetings yet: clerk meeting add, or clerk demo.");
}

/* The meetings move as every list, a page as long as the pager's, once
 * they are counted (a move that cannot be made says why). */
static bool list_navigate(struct app *app, struct review_screen *s,
			  enum ui_action a)
{
	struct list_pane moved = s->list; /* only to ask: is a a move? */
	if (!list_pane_navigate(&moved, a, (int)review_page()))
		return false;
	struct clerk_err err = {0};
	if (list_count(s, &err)) {
		ui_app_error(app, &err);
		return true;
	}
	s->list.n = s->total;
	return list_pane_navigate(&s->list, a, (int)review_page());
}

static const struct review_hint list_hints[] = {
	{UI_ACT_help, "help"},
	{UI_ACT_select, "open"},
	{UI_ACT_review_export, "export"},
	{UI_ACT_review_confirm, "confirm"},
	{UI_ACT_quit, "quit"},
};

const struct review_pane_ops review_list_ops = {
	.name = "meetings",
	.draw = draw_list,
	.navigate = list_navigate,
	REVIEW_HINTS(list_hints),
};
