/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/review_list: the review screen's list of meetings (date, body, status:
 * scheduled / draft minutes / confirmed), a list pane (src/ui/pane.h).
 * An archive of thousands of meetings opens on one screenful: the list
 * reads the meetings next to those shown, and the others as the clerk
 * moves to them.
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

static const struct body *body_cached(struct db *db, struct body_cache *c,
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

void review_body_cache_free(struct body_cache *c)
{
	for (size_t i = 0; i < c->n; i++)
		body_free(&c->v[i]);
	free(c->v);
}

char *review_meeting_line(struct db *db, struct body_cache *bodies,
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

void review_list_free(struct review_screen *s)
{
	for (size_t i = 0; s->labels && i < s->total; i++)
		free(s->labels[i]);
	free(s->labels);
	s->labels = NULL;
	for (size_t i = 0; i < s->nwin; i++) {
		meeting_free(s->win[i]);
		free(s->win[i]);
	}
	free(s->win);
	s->win = NULL;
	s->nwin = s->total = s->base = 0;
	for (size_t i = 0; i < s->nleft; i++) {
		meeting_free(s->left[i]);
		free(s->left[i]);
	}
	free(s->left);
	s->left = NULL;
	s->nleft = 0;
	if (s->bodies)
		review_body_cache_free(s->bodies);
	free(s->bodies);
	s->bodies = NULL;
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
		struct meeting *m = xcalloc(1, sizeof *m);
		*m = l->v[i]; /* the meeting's strings move with it */
		s->win[after ? s->nwin + i : i] = m;
	}
	s->nwin += l->n;
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* A place near either end of the list (Home, End: the first row drawn
 * may be a screenful from the end) far from the meetings read: the window
 * moves to that end (the oldest or newest meetings) rather than reading
 * every meeting between (the whole archive, from its newest end to Home). */
static void list_jump(struct review_screen *s, size_t i)
{
	bool newest = i >= LIST_CHUNK;
	if (!s->nwin || (newest && i + LIST_CHUNK < s->total) ||
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
 * the window and it when it is not read yet. */
static const struct meeting *list_at(struct review_screen *s, size_t i)
{
	struct clerk_err err = {0};
	if (i < s->total)
		list_jump(s, i);
	while (i < s->total && s->nwin && i < s->base) {
		struct meeting_list l = {0};
		size_t want = s->base - i + LIST_CHUNK;
		if (meeting_list_near(s->db, list_body(s), s->win[0]->starts_at,
				      s->win[0]->id, false,
				      want < s->base ? want : s->base, &l,
				      &err) || !l.n) {
			meeting_list_free(&l);
			return NULL;
		}
		list_take(s, &l, false);
	}
	while (i < s->total && s->nwin && i >= s->base + s->nwin) {
		struct meeting_list l = {0};
		const struct meeting *last = s->win[s->nwin - 1];
		char *past = xasprintf("%s\x01", last->id); /* just after it */
		enum clerk_status rc =
			meeting_list_near(s->db, list_body(s), last->starts_at, past,
					  true, i - (s->base + s->nwin) + LIST_CHUNK,
					  &l, &err);
		free(past);
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

/* Meeting i's line, made when first shown: an archive of thousands of
 * meetings opens on one screenful, not on formatting every date. */
const char *review_list_label(struct review_screen *s, size_t i)
{
	const struct meeting *m = list_at(s, i);
	if (!m)
		return "";
	if (!s->labels[i])
		s->labels[i] = review_meeting_line(s->db, s->bodies, m);
	return s->labels[i];
}

/* Read the list again, opening on meeting `keep` when given and still
 * there, else on the newest meeting already held (the minutes a clerk is
 * working on), else the newest of all.  Only the meetings next to it are
 * read (the list's other places are counted through an index). */
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
	size_t before = 0;
	struct meeting_list lo = {0}, hi = {0};
	/* A screenful each side of the place: the first screen shows the
	 * one before it and those just before that (or, with the place
	 * near the top, just after); more is read as the clerk moves. */
	size_t near = list_rows() > 0 ? (size_t)list_rows() : 1;
	enum clerk_status rc = meeting_count_place(s->db, list_body(s), at, id,
						   &before, &s->total, err);
	/* A side the count found empty is not asked for (the list opens on
	 * now: nothing is to come, most days). */
	if (!rc && before)
		rc = meeting_list_near(s->db, list_body(s), at, id, false, near,
				       &lo, err);
	if (!rc && before < s->total)
		rc = meeting_list_near(s->db, list_body(s), at, id, true, near,
				       &hi, err);
	if (rc) {
		meeting_list_free(&lo);
		meeting_list_free(&hi);
		return rc;
	}
	s->base = before;
	list_take(s, &hi, true);
	list_take(s, &lo, false);
	if (s->base + s->nwin > s->total) /* changed between the queries */
		s->total = s->base + s->nwin;
	s->labels = xcalloc(s->total + 1, sizeof *s->labels);
	s->bodies = xcalloc(1, sizeof *s->bodies);
	if (kept)
		s->list.sel = before;
	else
		s->list.sel = before ? before - 1 : s->total ? s->total - 1 : 0;
	return CLERK_OK;
}

enum clerk_status review_list_load(struct review_screen *s,
				   struct clerk_err *err)
{
	char keep[CLERK_UUID_LEN] = "";
	const struct meeting *m = s->list.sel < s->total ? list_at(s, s->list.sel) : NULL;
	if (m)
		snprintf(keep, sizeof keep, "%s", m->id);
	return review_list_open(s, keep, err);
}

const struct meeting *review_selected(struct review_screen *s)
{
	return s->list.sel < s->total ? list_at(s, s->list.sel) : NULL;
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
		const struct meeting *m = list_at(s, i);
		if (!m)
			break;
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

/* The meetings move as every list, a page as long as the pager's. */
static bool list_navigate(struct review_screen *s, enum ui_action a)
{
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
