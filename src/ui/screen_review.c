/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/screen_review: the clerk's desk after the meeting.  A list of the
 * meetings (date, body, status: scheduled / draft minutes / confirmed);
 * Enter opens a meeting's minutes exactly as they will be published (the
 * text exporter's output) in a scrolling pager.  From the pager the clerk
 * exports them (x), corrects the draft before confirmation (e: attendance,
 * declarations, narrative, resolutions, votes — each change goes through
 * the model, which commits it and keeps it in the audit trail), records
 * their confirmation at a later meeting (K), which locks them, and after
 * that records corrections as new, visible records (C).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app_private.h"
#include "pane.h"
#include "clerk/export.h"
#include "clerk/model.h"
#include "clerk/model_lease.h"
#include "clerk/model_scale.h"
#include "clerk/review.h"
#include "clerk/ui_review.h"

/* The bodies of the listed meetings, each read once: a list of thousands
 * of meetings names a few dozen bodies. */
struct body_cache {
	struct body *v;
	size_t n;
};

struct review_screen {
	struct db *db;
	char *body_id; /* "" for every body */
	/* The list reads the meetings it shows: `total` in all, of which
	 * win[0..nwin) are read, from place `base` on (each allocated on its
	 * own, so that a meeting selected stays where it is while the window
	 * grows). */
	size_t total, base, nwin;
	struct meeting **win;
	char **labels; /* one per meeting, made when first drawn */
	struct body_cache *bodies; /* the listed meetings' bodies */
	struct list_pane list; /* the meetings */
	/* The pager, when a meeting is open. */
	bool paging;
	bool history; /* the pager shows the meeting's history */
	char record[CLERK_UUID_LEN]; /* ... of this record only, when set */
	char **lines;
	size_t nlines, ptop;
};

/* ------------------------------------------------------------- the list */

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
	enum clerk_status rc = body_get(db, id, &b, err);
	if (rc != CLERK_OK) {
		clerk_fail_reading(err, rc, "the meeting's body");
		return NULL;
	}
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n] = b;
	return &c->v[c->n++];
}

static void body_cache_free(struct body_cache *c)
{
	for (size_t i = 0; i < c->n; i++)
		body_free(&c->v[i]);
	free(c->v);
}

static char *meeting_line(struct db *db, struct body_cache *bodies,
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

static void list_free(struct review_screen *s)
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
	if (s->bodies)
		body_cache_free(s->bodies);
	free(s->bodies);
	s->bodies = NULL;
}

/* Meetings are read this many at a time, next to those read already. */
enum { LIST_CHUNK = 128 };
/* Later than any meeting: the place after the last. */
#define LIST_END ((time_t)253402300799) /* 9999-12-31T23:59:59Z */

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

/* Meeting i of the list (NULL past its end), reading the meetings between
 * the window and it when it is not read yet. */
static const struct meeting *list_at(struct review_screen *s, size_t i)
{
	struct clerk_err err = {0};
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
static const char *list_label(struct review_screen *s, size_t i)
{
	const struct meeting *m = list_at(s, i);
	if (!m)
		return "";
	if (!s->labels[i])
		s->labels[i] = meeting_line(s->db, s->bodies, m);
	return s->labels[i];
}

/* Read the list again, opening on meeting `keep` when given and still
 * there, else on the newest meeting already held (the minutes a clerk is
 * working on), else the newest of all.  Only the meetings next to it are
 * read (the list's other places are counted through an index). */
static enum clerk_status list_open(struct review_screen *s, const char *keep,
				   struct clerk_err *err)
{
	struct meeting k = {0};
	bool kept = keep && *keep &&
		    meeting_get(s->db, keep, &k, NULL) == CLERK_OK &&
		    (!list_body(s) || strcmp(k.body_id, s->body_id) == 0);
	list_free(s);
	/* The place: the kept meeting, or just after every meeting held. */
	time_t at = kept ? k.starts_at : clock_now() + 1;
	char id[CLERK_UUID_LEN] = "";
	if (kept)
		snprintf(id, sizeof id, "%s", k.id);
	meeting_free(&k);
	size_t before = 0;
	struct meeting_list lo = {0}, hi = {0};
	enum clerk_status rc = meeting_count_before(s->db, list_body(s), LIST_END,
						    "", &s->total, err);
	if (!rc)
		rc = meeting_count_before(s->db, list_body(s), at, id, &before,
					  err);
	if (!rc)
		rc = meeting_list_near(s->db, list_body(s), at, id, false,
				       LIST_CHUNK, &lo, err);
	if (!rc)
		rc = meeting_list_near(s->db, list_body(s), at, id, true,
				       LIST_CHUNK, &hi, err);
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

static enum clerk_status list_load(struct review_screen *s,
				   struct clerk_err *err)
{
	char keep[CLERK_UUID_LEN] = "";
	const struct meeting *m = s->list.sel < s->total ? list_at(s, s->list.sel) : NULL;
	if (m)
		snprintf(keep, sizeof keep, "%s", m->id);
	return list_open(s, keep, err);
}

static const struct meeting *selected(struct review_screen *s)
{
	return s->list.sel < s->total ? list_at(s, s->list.sel) : NULL;
}

/* ------------------------------------------------------------ the pager */

static void pager_free(struct review_screen *s)
{
	ui_lines_free(s->lines, s->nlines);
	s->lines = NULL;
	s->nlines = 0;
}

/* Text saved unfinished when the terminal hung up (issue 20) is shown as
 * such above the minutes, until the clerk accepts it (e: as it stands, or
 * corrected). */
static void pager_unfinished(struct review_screen *s, const char *meeting_id,
			     int width)
{
	clerk_id *ids = NULL, *mids = NULL;
	size_t n = 0, nm = 0;
	struct clerk_err err = {0};
	struct minute_text_list tl = {0};
	struct resolution_list rl = {0};
	enum clerk_status rc =
		minute_text_unfinished(s->db, meeting_id, &ids, &n, &err);
	if (!rc)
		rc = review_unfinished_motions(s->db, meeting_id, &mids, &nm,
					       &err);
	if (!rc && !(n + nm)) {
		free(ids);
		free(mids);
		return;
	}
	if (!rc)
		rc = minute_text_list(s->db, meeting_id, NULL, &tl, &err);
	if (!rc)
		rc = resolution_list(s->db, meeting_id, NULL, &rl, &err);
	/* Unreadable, it is said above the minutes: text saved unfinished
	 * must not pass for accepted because its mark could not be read. */
	if (rc) {
		free(ids);
		ids = NULL;
		free(mids);
		mids = NULL;
		nm = 0;
		n = 1; /* the sentence, then a blank line */
		clerk_fail_reading(&err, rc, "which text was saved unfinished");
	}
	char **add = NULL;
	size_t nadd = 0;
	for (size_t k = 0; k <= n + nm; k++) {
		char *line = NULL;
		if (rc && k == 0) {
			line = xasprintf("%s", err.msg);
		} else if (k == n + nm) {
			line = xstrdup("");
		} else if (k < n) {
			for (size_t i = 0; i < tl.n && !line; i++)
				if (!strcmp(tl.v[i].id, ids[k]))
					line = xasprintf(
						"UNFINISHED (saved when the "
						"terminal hung up; e accepts "
						"or corrects it): %s",
						tl.v[i].body);
			if (!line)
				continue;
		} else {
			/* the words of a motion: e, resolutions */
			for (size_t i = 0; i < rl.n && !line; i++)
				if (!strcmp(rl.v[i].id, mids[k - n]))
					line = xasprintf(
						"UNFINISHED MOTION (saved when "
						"the terminal hung up; e, "
						"resolutions, accepts or "
						"corrects it): %s",
						rl.v[i].body);
			if (!line)
				continue;
		}
		char **w = NULL;
		size_t nw = *line ? ui_wrap(line, width, &w) : 0;
		if (!nw) {
			add = xrealloc(add, (nadd + 1) * sizeof *add);
			add[nadd++] = xstrdup("");
		}
		for (size_t i = 0; i < nw; i++) {
			add = xrealloc(add, (nadd + 1) * sizeof *add);
			add[nadd++] = w[i];
		}
		free(w);
		free(line);
	}
	s->lines = xrealloc(s->lines, (s->nlines + nadd) * sizeof *s->lines);
	memmove(s->lines + nadd, s->lines, s->nlines * sizeof *s->lines);
	memcpy(s->lines, add, nadd * sizeof *add);
	s->nlines += nadd;
	free(add);
	free(ids);
	free(mids);
	minute_text_list_free(&tl);
	resolution_list_free(&rl);
}

/* Render the selected meeting's minutes as published, wrapped to the
 * terminal's width. */
static enum clerk_status pager_load(struct app *app, struct review_screen *s,
				    struct clerk_err *err)
{
	const struct meeting *m = selected(s);
	if (!m)
		return clerk_fail(err, CLERK_NOT_FOUND, "no meeting selected");
	s->history = false;
	struct export_opts opts = {0};
	struct doc d = {0};
	char *text = NULL;
	enum clerk_status rc = export_minutes_build(s->db, m->id, &opts, &d, err);
	if (!rc)
		rc = export_render(&export_text_ops, &d, &text, err);
	doc_free(&d);
	if (rc)
		return rc;
	pager_free(s);
	int width = COLS > 1 ? COLS : 1;
	/* Each line of the text as its own paragraph, so blank lines and
	 * the exporter's indents survive a narrower terminal. */
	char *p = text;
	for (;;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		char **w = NULL;
		size_t n = *p ? ui_wrap(p, width, &w) : 0;
		if (!n) {
			s->lines = xrealloc(s->lines,
					    (s->nlines + 1) * sizeof *s->lines);
			s->lines[s->nlines++] = xstrdup("");
		}
		for (size_t i = 0; i < n; i++) {
			s->lines = xrealloc(s->lines,
					    (s->nlines + 1) * sizeof *s->lines);
			s->lines[s->nlines++] = w[i];
		}
		free(w);
		if (!nl)
			break;
		p = nl + 1;
	}
	free(text);
	pager_unfinished(s, m->id, width);
	(void)app;
	if (s->ptop >= s->nlines)
		s->ptop = s->nlines ? s->nlines - 1 : 0;
	return CLERK_OK;
}

/* The record whose history to show: the whole meeting (an empty prefix)
 * or one record, picked by what it is about ("declaration 1a2b3c4d: Cllr
 * Ann Smith").  Returns false when the clerk picks nothing. */
static bool history_pick(struct app *app, const struct audit_list *h,
			 struct db *db, char record[CLERK_UUID_LEN])
{
	struct ui_pick_item *items = xcalloc(h->n + 1, sizeof *items);
	char **labels = xcalloc(h->n + 1, sizeof *labels);
	char **notes = xcalloc(h->n + 1, sizeof *notes);
	const char **ids = xcalloc(h->n + 1, sizeof *ids);
	size_t *counts = xcalloc(h->n + 1, sizeof *counts);
	size_t n = 1;
	counts[0] = h->n;
	items[0].label = "The whole meeting";
	/* Each record once, in the order of its first change, with how
	 * many changes it had. */
	for (size_t i = 0; i < h->n; i++) {
		size_t k = 1;
		while (k < n && strcmp(ids[k], h->v[i].row_id) != 0)
			k++;
		if (k == n) {
			ids[n] = h->v[i].row_id;
			labels[n] = audit_entry_record(db, &h->v[i]);
			items[n].label = labels[n];
			n++;
		}
		counts[k]++;
	}
	for (size_t k = 0; k < n; k++) {
		notes[k] = xasprintf("%zu change%s", counts[k],
				     counts[k] == 1 ? "" : "s");
		items[k].note = notes[k];
	}
	free(counts);
	int c = ui_pick(app, "History of", items, n, 0);
	if (c >= 0)
		snprintf(record, CLERK_UUID_LEN, "%s", c == 0 ? "" : ids[c]);
	for (size_t i = 0; i < n; i++) {
		free(labels[i]);
		free(notes[i]);
	}
	free(labels);
	free(notes);
	free(ids);
	free(items);
	return c >= 0;
}

/* Ask whose history to show: false when nothing is picked (or the history
 * cannot be read, which is reported). */
static bool history_choose(struct app *app, struct review_screen *s)
{
	const struct meeting *m = selected(s);
	struct audit_list h = {0};
	struct clerk_err err = {0};
	if (!m)
		return false;
	if (audit_history(s->db, m->id, &h, &err)) {
		ui_app_error(app, &err);
		return false;
	}
	bool picked = history_pick(app, &h, s->db, s->record);
	audit_list_free(&h);
	return picked;
}

/* The selected meeting's history (clerk history) in the pager, or that of
 * the record picked: one line per change, then its fields, wrapped to the
 * terminal's width. */
static enum clerk_status history_load(struct review_screen *s,
				      struct clerk_err *err)
{
	const struct meeting *m = selected(s);
	if (!m)
		return clerk_fail(err, CLERK_NOT_FOUND, "no meeting selected");
	struct audit_list h = {0};
	enum clerk_status rc = audit_history(s->db, m->id, &h, err);
	if (rc)
		return rc;
	const char *what = "this meeting's record";
	if (*s->record) {
		audit_list_keep_record(&h, s->record);
		what = "this record";
	}
	/* The times are the body's local times: without its zone they
	 * would be shown wrong, so an unreadable body is the answer. */
	char *tz = NULL;
	struct body b = {0};
	if ((rc = body_get(s->db, m->body_id, &b, err)) == CLERK_OK)
		tz = xstrdup(b.tz);
	body_free(&b);
	if (rc) {
		audit_list_free(&h);
		return clerk_fail_reading(err, rc, "the meeting's body");
	}
	pager_free(s);
	struct strbuf sb = {0};
	sb_addf(&sb, "History: %zu change%s to %s, oldest first\n\n", h.n,
		h.n == 1 ? "" : "s", what);
	for (size_t i = 0; i < h.n; i++) {
		char when[32];
		time_format_local(h.v[i].at, tz ? tz : CLERK_DEFAULT_TZ,
				  "%Y-%m-%d %H:%M:%S", when, sizeof when);
		char *changes = audit_entry_changes_read(s->db, &h.v[i], err);
		sb_addf(&sb, "%s  %s  %s %s %.8s\n%s", when,
			*h.v[i].who ? h.v[i].who : "(not recorded)", h.v[i].op,
			h.v[i].table, h.v[i].row_id, changes);
		free(changes);
	}
	free(tz);
	audit_list_free(&h);
	if (err->status) { /* a name it could not read: not shown as whole */
		sb_free(&sb);
		return err->status;
	}
	int width = COLS > 1 ? COLS : 1;
	char *text = sb_detach(&sb);
	for (char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		char **w = NULL;
		size_t n = *p ? ui_wrap(p, width, &w) : 0;
		s->lines = xrealloc(s->lines,
				    (s->nlines + (n ? n : 1)) * sizeof *s->lines);
		if (!n)
			s->lines[s->nlines++] = xstrdup("");
		for (size_t i = 0; i < n; i++)
			s->lines[s->nlines++] = w[i];
		free(w);
	}
	free(text);
	s->ptop = 0;
	return CLERK_OK;
}

/* ------------------------------------------------------------- drawing */

static void put_hints(struct app *app, int y, const enum ui_action *acts,
		      const char *const *labels, size_t n)
{
	struct strbuf sb = {0};
	for (size_t i = 0; i < n; i++) {
		if (app->keymap.nkeys[acts[i]] == 0)
			continue;
		char name[32];
		ui_key_name(app->keymap.keys[acts[i]][0], name);
		if (name[0] == '<' && name[1] == 'F') {
			memmove(name, name + 1, strlen(name));
			name[strlen(name) - 1] = '\0';
		}
		sb_addf(&sb, "%s%s %s", sb.len ? "|" : "", name, labels[i]);
	}
	ui_draw_status(app, y, sb_str(&sb));
	sb_free(&sb);
}

static void draw_list(struct app *app, struct review_screen *s)
{
	int rows = LINES - 3;
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
		char *line = xasprintf(" %s", list_label(s, i));
		ui_put(app, 2 + r, 0, COLS, role, true, line);
		free(line);
	}
	if (!s->total)
		ui_put(app, 3, 1, COLS - 1, UI_ROLE_DIM, false,
		       "No meetings yet: clerk meeting add, or clerk demo.");
	static const enum ui_action acts[] = {UI_ACT_help, UI_ACT_select,
					      UI_ACT_review_export,
					      UI_ACT_review_confirm, UI_ACT_quit};
	static const char *const labels[] = {"help", "open", "export",
					     "confirm", "quit"};
	put_hints(app, LINES - 1, acts, labels, 5);
}

static void draw_pager(struct app *app, struct review_screen *s)
{
	const struct meeting *m = selected(s);
	int rows = LINES - 2;
	char *head = xasprintf(" %s%s", m ? list_label(s, s->list.sel) : "",
			       m && m->minutes_state == MINUTES_CONFIRMED
				       ? "  (locked)"
				       : "");
	/* The meeting on the left, cut to leave its place to the position
	 * on the right: at 80 columns a long body's name meets it. */
	if (rows > 0 && s->nlines > (size_t)rows &&
	    s->ptop > s->nlines - (size_t)rows)
		s->ptop = s->nlines - (size_t)rows;
	char pos[48];
	snprintf(pos, sizeof pos, "%zu-%zu/%zu", s->nlines ? s->ptop + 1 : 0,
		 s->ptop + (size_t)rows < s->nlines ? s->ptop + (size_t)rows
						     : s->nlines,
		 s->nlines);
	int room = COLS - (int)strlen(pos) - 3;
	ui_put(app, 0, 0, COLS, UI_ROLE_HEADER, true, "");
	ui_put_ellipsis(app, 0, 0, room > 0 ? room : COLS, UI_ROLE_HEADER, false,
			head);
	free(head);
	for (int r = 0; r < rows; r++) {
		size_t i = s->ptop + (size_t)r;
		if (i >= s->nlines)
			break;
		ui_put(app, 1 + r, 0, COLS, UI_ROLE_NORMAL, true, s->lines[i]);
	}
	static const enum ui_action acts[] = {
		UI_ACT_help,           UI_ACT_review_export, UI_ACT_review_edit,
		UI_ACT_review_confirm, UI_ACT_review_correct, UI_ACT_cancel};
	static const char *const labels[] = {"help",    "export",  "edit",
					     "confirm", "correct", "back"};
	put_hints(app, LINES - 1, acts, labels, 6);
	ui_put_right(app, 0, COLS - 16, 15, UI_ROLE_HEADER, pos);
}

static void review_draw(struct app *app, void *state)
{
	struct review_screen *s = state;
	if (s->paging)
		draw_pager(app, s);
	else
		draw_list(app, s);
}

static size_t review_contexts(struct app *app, void *state,
			      enum ui_context out[4])
{
	(void)app;
	(void)state;
	out[0] = UI_CTX_REVIEW;
	out[1] = UI_CTX_LIST;
	return 2;
}

/* ------------------------------------------------------------- actions */

/* A later meeting of the same body, chosen by the clerk (-1: none). */
static int pick_later(struct app *app, struct review_screen *s,
		      const char *title, struct meeting *out)
{
	const struct meeting *m = selected(s);
	struct meeting_list all = {0};
	struct clerk_err err = {0};
	clerk_id confirmer = "";
	if (m)
		meeting_confirming_body(s->db, m->body_id, confirmer);
	if (!m || meeting_list(s->db, confirmer, &all, &err)) {
		ui_app_error(app, &err);
		return -1;
	}
	struct ui_pick_item *items = xcalloc(all.n + 1, sizeof *items);
	char **labels = xcalloc(all.n + 1, sizeof *labels);
	size_t *idx = xcalloc(all.n + 1, sizeof *idx);
	size_t n = 0, open = 0;
	struct body_cache bodies = {0};
	/* A meeting called off is shown, not offered: the clerk sees why
	 * the meeting they expected cannot take the confirmation. */
	for (size_t i = 0; i < all.n; i++)
		if (all.v[i].starts_at > m->starts_at) {
			labels[n] = meeting_line(s->db, &bodies, &all.v[i]);
			items[n].label = labels[n];
			items[n].disabled = meeting_called_off(&all.v[i]);
			if (items[n].disabled)
				items[n].note = "not held";
			else
				open++;
			idx[n++] = i;
		}
	body_cache_free(&bodies);
	int c = -1;
	if (!open)
		ui_app_message(app, UI_ROLE_WARN,
			       "No later meeting of the body that confirms "
			       "these minutes has been held or is to come: "
			       "add the meeting first");
	else
		c = ui_pick(app, title, items, n, 0);
	if (c >= 0)
		meeting_get(s->db, all.v[idx[c]].id, out, &err);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(idx);
	meeting_list_free(&all);
	return c;
}

static void act_export(struct app *app, struct review_screen *s)
{
	const struct meeting *m = selected(s);
	if (m)
		ui_review_export(app, s->db, m->id);
}

void ui_review_export(struct app *app, struct db *db, const char *meeting_id)
{
	struct meeting mt = {0};
	struct clerk_err err = {0};
	if (meeting_get(db, meeting_id, &mt, &err)) {
		ui_app_error(app, &err);
		return;
	}
	const struct meeting *m = &mt;
	static const char *const formats[] = {"text", "markdown", "html", "docx"};
	struct ui_pick_item items[4] = {{0}};
	for (int i = 0; i < 4; i++)
		items[i].label = formats[i];
	int f = ui_pick(app, "Export the minutes as", items, 4, 0);
	if (f < 0) {
		meeting_free(&mt);
		return;
	}
	const struct export_ops *ops = export_find(formats[f]);
	char day[16];
	time_format_local(m->starts_at, CLERK_DEFAULT_TZ, "%Y-%m-%d", day,
			  sizeof day);
	char *def = xasprintf("minutes-%s.%s", day, ops->extension);
	char *path = ui_prompt(app, "Write to file", def);
	free(def);
	if (!path || !*path) {
		free(path);
		meeting_free(&mt);
		return;
	}
	struct export_opts opts = {0};
	opts.confidential = ui_confirm(
		app, "Include the exempt (confidential) minutes?  The file is "
		     "then marked CONFIDENTIAL on every page and private.");
	struct doc d = {0};
	enum clerk_status rc = export_minutes_build(db, m->id, &opts, &d, &err);
	/* A file name typed here is a file, even "-": standard output is
	 * the screen. */
	if (!rc && strcmp(path, "-") == 0) {
		free(path);
		path = xstrdup("./-");
	}
	if (!rc)
		rc = export_write(ops, &d, path, NULL, db_path(db), &err);
	if (rc)
		ui_app_error(app, &err);
	else
		ui_app_message(app, UI_ROLE_OK, "Written to %s%s", path,
			       opts.confidential ? " (confidential, mode 0600)"
						 : "");
	doc_free(&d);
	free(path);
	meeting_free(&mt);
}

static void act_confirm(struct app *app, struct review_screen *s)
{
	const struct meeting *m = selected(s);
	if (!m)
		return;
	if (m->minutes_state == MINUTES_CONFIRMED) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Already confirmed and locked: record a "
			       "correction instead");
		return;
	}
	struct meeting at = {0};
	if (pick_later(app, s, "Confirmed at which meeting?", &at) < 0)
		return;
	char *amend = ui_prompt(app, "Amendment made when confirming (empty: "
				     "none)",
				"");
	struct clerk_err err = {0};
	char id[CLERK_UUID_LEN];
	snprintf(id, sizeof id, "%s", m->id);
	/* Signed by whoever presided there (the model finds the chairman,
	 * else the vice-chairman, in that meeting's attendance). */
	if (amend && export_confirm_minutes(s->db, id, at.id, amend, NULL, &err)) {
		ui_app_error(app, &err);
	} else if (amend) {
		ui_app_saved(app);
		ui_app_message(app, UI_ROLE_OK,
			       "Confirmed and kept as signed: these minutes "
			       "are now locked");
		list_load(s, &err);
		if (s->paging)
			pager_load(app, s, &err);
	}
	free(amend);
	meeting_free(&at);
}

static void act_correct(struct app *app, struct review_screen *s)
{
	const struct meeting *m = selected(s);
	if (!m)
		return;
	if (m->minutes_state != MINUTES_CONFIRMED) {
		ui_app_message(app, UI_ROLE_WARN,
			       "These minutes are still a draft: correct them "
			       "with e");
		return;
	}
	struct meeting at = {0};
	if (pick_later(app, s, "Correction made at which meeting?", &at) < 0)
		return;
	char *text = ui_prompt(app, "Correction", "");
	struct clerk_err err = {0};
	if (text && *text) {
		struct correction c = {0};
		snprintf(c.meeting_id, sizeof c.meeting_id, "%s", m->id);
		snprintf(c.made_at, sizeof c.made_at, "%s", at.id);
		c.body = text;
		text = NULL;
		if (correction_create(s->db, &c, &err))
			ui_app_error(app, &err);
		else {
			ui_app_saved(app);
			ui_app_message(app, UI_ROLE_OK,
				       "Correction recorded: it appears in the "
				       "minutes of the meeting it was made at");
		}
		correction_free(&c);
	}
	free(text);
	meeting_free(&at);
}

/* Edit the draft: the commit callbacks of the editor. */
struct text_edit {
	struct db *db;
	char id[CLERK_UUID_LEN];
	struct resolution *res;
	bool unfinished; /* the text was saved unfinished */
};

static enum clerk_status commit_minute_text(struct app *app, void *ctx,
					    const char *text,
					    struct clerk_err *err)
{
	struct text_edit *e = ctx;
	/* Corrected by the clerk: accepted, if it was saved unfinished;
	 * saved by a hang-up: unfinished.  One commit. */
	enum clerk_status rc = db_begin(e->db, err);
	if (!rc)
		rc = minute_text_update(e->db, e->id, text, err);
	if (!rc && (e->unfinished || app->hung_up))
		rc = minute_text_set_unfinished(e->db, e->id, app->hung_up,
						err);
	if (rc) {
		db_rollback(e->db);
		return rc;
	}
	return db_commit(e->db, err);
}

/* Is text `id` among the unfinished ones? */
static bool id_in(const clerk_id *ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(ids[i], id))
			return true;
	return false;
}

static enum clerk_status commit_resolution(struct app *app, void *ctx,
					   const char *text,
					   struct clerk_err *err)
{
	struct text_edit *e = ctx;
	char *old = e->res->body;
	e->res->body = xstrdup(text);
	/* Corrected by the clerk: accepted, if the words were saved
	 * unfinished; saved by a hang-up: unfinished.  One commit. */
	enum clerk_status rc = db_begin(e->db, err);
	if (!rc)
		rc = resolution_update(e->db, e->res, err);
	if (!rc && e->unfinished != app->hung_up)
		rc = review_motion_mark(e->db, e->res->meeting_id, e->res->id,
					app->hung_up, err);
	if (!rc)
		rc = db_commit(e->db, err);
	else
		db_rollback(e->db);
	if (rc) {
		free(e->res->body);
		e->res->body = old;
	} else {
		free(old);
		e->unfinished = app->hung_up;
	}
	return rc;
}

static void edit_attendance(struct app *app, struct review_screen *s,
			    const struct meeting *m)
{
	struct attendance_list al = {0};
	struct clerk_err err = {0};
	if (attendance_list(s->db, m->id, &al, &err)) {
		ui_app_error(app, &err);
		return;
	}
	struct ui_pick_item *items = xcalloc(al.n + 1, sizeof *items);
	char **labels = xcalloc(al.n + 1, sizeof *labels);
	for (size_t i = 0; i < al.n; i++) {
		char *n = person_display_name(&al.v[i].person);
		labels[i] = xasprintf("%-13s %s",
				      attendance_status_text(al.v[i].status), n);
		free(n);
		items[i].label = labels[i];
	}
	int c = ui_pick(app, "Whose attendance?", items, al.n, 0);
	if (c >= 0) {
		static const enum attendance_status sts[] = {
			ATT_PRESENT, ATT_APOLOGY, ATT_ABSENT};
		struct ui_pick_item st[3] = {{0}};
		for (int i = 0; i < 3; i++)
			st[i].label = attendance_status_text(sts[i]);
		int k = ui_pick(app, "Was", st, 3, 0);
		if (k >= 0) {
			struct attendance *a = &al.v[c];
			a->status = sts[k];
			char *reason = NULL;
			if (sts[k] == ATT_APOLOGY) {
				reason = ui_prompt(app, "Reason (empty: none)",
						   a->note);
				if (reason) {
					free(a->note);
					a->note = reason;
				}
			}
			if (review_attendance(s->db, a, &err))
				ui_app_error(app, &err);
			else
				ui_app_saved(app);
		}
	}
	for (size_t i = 0; i < al.n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	attendance_list_free(&al);
}

static void edit_declarations(struct app *app, struct review_screen *s,
			      const struct meeting *m)
{
	struct declaration_list dl = {0};
	struct clerk_err err = {0};
	if (declaration_list(s->db, m->id, &dl, &err)) {
		ui_app_error(app, &err);
		return;
	}
	if (!dl.n) {
		ui_app_message(app, UI_ROLE_WARN, "No declarations recorded");
		declaration_list_free(&dl);
		return;
	}
	struct ui_pick_item *items = xcalloc(dl.n + 1, sizeof *items);
	char **labels = xcalloc(dl.n + 1, sizeof *labels);
	for (size_t i = 0; i < dl.n; i++) {
		struct person p = {0};
		enum clerk_status prc =
			person_get(s->db, dl.v[i].person_id, &p, &err);
		if (prc) {
			/* A declaration without its declarer is not offered
			 * for correction: say why there is no list. */
			clerk_fail_reading(&err, prc,
					   "who made the declarations");
			ui_app_error(app, &err);
			person_free(&p);
			for (size_t k = 0; k < i; k++)
				free(labels[k]);
			free(labels);
			free(items);
			declaration_list_free(&dl);
			return;
		}
		char *n = person_display_name(&p);
		labels[i] = xasprintf("%s: %s%s", n, dl.v[i].what,
				      dl.v[i].sensitive ? " (sensitive)" : "");
		free(n);
		person_free(&p);
		items[i].label = labels[i];
	}
	int c = ui_pick(app, "Which declaration?", items, dl.n, 0);
	if (c >= 0) {
		struct ui_pick_item op[3] = {
			{.label = "change what was declared"},
			{.label = "mark sensitive / not sensitive"},
			{.label = "delete it (recorded in error)"}};
		int k = ui_pick(app, "Correct it", op, 3, 0);
		struct declaration *d = &dl.v[c];
		enum clerk_status rc = CLERK_OK;
		bool done = false;
		if (k == 0) {
			char *what = ui_prompt(app, "Declared", d->what);
			if (what) {
				free(d->what);
				d->what = what;
				rc = declaration_update(s->db, d, &err);
				done = true;
			}
		} else if (k == 1) {
			d->sensitive = !d->sensitive;
			rc = declaration_update(s->db, d, &err);
			done = true;
		} else if (k == 2 && ui_confirm(app, "Delete this declaration?")) {
			rc = declaration_delete(s->db, d->id, &err);
			done = true;
		}
		if (rc)
			ui_app_error(app, &err);
		else if (done)
			ui_app_saved(app);
	}
	for (size_t i = 0; i < dl.n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	declaration_list_free(&dl);
}

static void edit_texts(struct app *app, struct review_screen *s,
		       const struct meeting *m)
{
	struct minute_text_list tl = {0};
	struct clerk_err err = {0};
	if (minute_text_list(s->db, m->id, NULL, &tl, &err)) {
		ui_app_error(app, &err);
		return;
	}
	struct ui_pick_item *items = xcalloc(tl.n + 1, sizeof *items);
	char **labels = xcalloc(tl.n + 1, sizeof *labels);
	clerk_id *unf = NULL;
	size_t nunf = 0;
	if (minute_text_unfinished(s->db, m->id, &unf, &nunf, &err))
		ui_app_error(app, &err);
	for (size_t i = 0; i < tl.n; i++) {
		labels[i] = xasprintf("%-10s %s%s",
				      minute_section_text(tl.v[i].section),
				      id_in(unf, nunf, tl.v[i].id)
					      ? "[UNFINISHED] "
					      : "",
				      tl.v[i].body);
		items[i].label = labels[i];
	}
	int c = tl.n ? ui_pick(app, "Which paragraph or point?", items, tl.n, 0)
		     : -1;
	if (!tl.n)
		ui_app_message(app, UI_ROLE_WARN, "No minute text recorded");
	int how = 1;
	if (c >= 0 && id_in(unf, nunf, tl.v[c].id)) {
		/* Saved when the terminal hung up: accept it as it stands,
		 * or correct (and so accept) it. */
		struct ui_pick_item op[] = {
			{.label = "accept it as it stands"},
			{.label = "correct the words"}};
		how = ui_pick(app, "Saved unfinished when the terminal hung up",
			      op, 2, 0);
	}
	if (c >= 0 && how == 0) {
		if (minute_text_set_unfinished(s->db, tl.v[c].id, false, &err))
			ui_app_error(app, &err);
		else {
			ui_app_saved(app);
			ui_app_message(app, UI_ROLE_OK, "Accepted");
		}
	} else if (c >= 0 && how == 1) {
		struct text_edit e = {.db = s->db,
				      .unfinished = id_in(unf, nunf, tl.v[c].id)};
		snprintf(e.id, sizeof e.id, "%s", tl.v[c].id);
		if (ui_edit(app, "Correct the text", tl.v[c].body,
			    commit_minute_text, &e))
			ui_app_saved(app);
	}
	free(unf);
	for (size_t i = 0; i < tl.n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	minute_text_list_free(&tl);
}

/* Resolutions: their wording (votes false) or their vote counts. */
static void edit_resolutions(struct app *app, struct review_screen *s,
			     const struct meeting *m, bool votes)
{
	struct resolution_list rl = {0};
	struct clerk_err err = {0};
	if (resolution_list(s->db, m->id, NULL, &rl, &err)) {
		ui_app_error(app, &err);
		return;
	}
	struct ui_pick_item *items = xcalloc(rl.n + 1, sizeof *items);
	char **labels = xcalloc(rl.n + 1, sizeof *labels);
	clerk_id *unf = NULL;
	size_t nunf = 0;
	if (review_unfinished_motions(s->db, m->id, &unf, &nunf, &err))
		ui_app_error(app, &err);
	for (size_t i = 0; i < rl.n; i++) {
		const struct resolution *r = &rl.v[i];
		const char *mark =
			id_in(unf, nunf, r->id) ? "[UNFINISHED] " : "";
		labels[i] = r->voted ? xasprintf("%d-%d-%d  %s%s", r->votes_for,
						 r->votes_against,
						 r->votes_abstain, mark, r->body)
				     : xasprintf("%s%s", mark, r->body);
		items[i].label = labels[i];
	}
	int c = rl.n ? ui_pick(app, "Which resolution?", items, rl.n, 0) : -1;
	if (!rl.n)
		ui_app_message(app, UI_ROLE_WARN, "No resolutions recorded");
	int how = 1;
	bool unfinished = c >= 0 && id_in(unf, nunf, rl.v[c].id);
	if (c >= 0 && !votes && unfinished) {
		/* Saved when the terminal hung up: accept the words as they
		 * stand, or correct (and so accept) them. */
		struct ui_pick_item op[] = {
			{.label = "accept it as it stands"},
			{.label = "correct the words"}};
		how = ui_pick(app, "Motion saved unfinished when the terminal "
				   "hung up",
			      op, 2, 0);
	}
	if (c >= 0 && !votes && how == 0) {
		if (review_motion_mark(s->db, m->id, rl.v[c].id, false, &err))
			ui_app_error(app, &err);
		else {
			ui_app_saved(app);
			ui_app_message(app, UI_ROLE_OK, "Accepted");
		}
	} else if (c >= 0 && !votes && how == 1) {
		struct text_edit e = {.db = s->db, .res = &rl.v[c],
				      .unfinished = unfinished};
		if (ui_edit(app, "Correct the resolution", rl.v[c].body,
			    commit_resolution, &e))
			ui_app_saved(app);
	} else if (c >= 0 && votes) {
		struct resolution *r = &rl.v[c];
		char cur[48];
		snprintf(cur, sizeof cur, "%d %d %d", r->votes_for,
			 r->votes_against, r->votes_abstain);
		char *v = ui_prompt(app, "Votes: for against abstaining", cur);
		int f, a, ab;
		if (v && sscanf(v, "%d %d %d", &f, &a, &ab) == 3 && f >= 0 &&
		    a >= 0 && ab >= 0) {
			r->voted = true;
			r->votes_for = f;
			r->votes_against = a;
			r->votes_abstain = ab;
			if (resolution_update(s->db, r, &err))
				ui_app_error(app, &err);
			else
				ui_app_saved(app);
		} else if (v) {
			ui_app_message(app, UI_ROLE_ERROR,
				       "Votes must be three numbers: for, against, "
				       "abstaining (e.g. 5 2 1)");
		}
		free(v);
	}
	free(unf);
	for (size_t i = 0; i < rl.n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	resolution_list_free(&rl);
}

static void act_edit(struct app *app, struct review_screen *s)
{
	const struct meeting *m = selected(s);
	if (!m)
		return;
	if (m->minutes_state == MINUTES_CONFIRMED) {
		ui_app_message(app, UI_ROLE_WARN,
			       "These minutes were confirmed and signed: they "
			       "are locked. Record a correction with C");
		return;
	}
	struct ui_pick_item what[] = {
		{.label = "attendance"},
		{.label = "declarations"},
		{.label = "narrative and points"},
		{.label = "resolutions"},
		{.label = "votes"},
		{.label = "add a declaration nobody recorded"},
		{.label = "add a paragraph or point to an item"},
		{.label = "add a substitute's attendance"},
		{.label = "mover and seconder"},
		{.label = "withdraw a paragraph or point"},
		{.label = "withdraw a substitute's attendance"},
		{.label = "add a resolution nobody recorded"}};
	int k = ui_pick(app, "Correct the draft minutes", what,
			sizeof what / sizeof what[0], 0);
	switch (k) {
	case 0:
		edit_attendance(app, s, m);
		break;
	case 1:
		edit_declarations(app, s, m);
		break;
	case 2:
		edit_texts(app, s, m);
		break;
	case 3:
		edit_resolutions(app, s, m, false);
		break;
	case 4: /* counted against the members entitled, as in the room */
		ui_review_votes(app, s->db, m);
		break;
	case 5:
		ui_review_add_declaration(app, s->db, m);
		break;
	case 6:
		ui_review_add_text(app, s->db, m);
		break;
	case 7:
		ui_review_add_substitute(app, s->db, m);
		break;
	case 8:
		ui_review_proposers(app, s->db, m);
		break;
	case 9:
		ui_review_remove_text(app, s->db, m);
		break;
	case 10:
		ui_review_remove_substitute(app, s->db, m);
		break;
	case 11:
		ui_review_add_resolution(app, s->db, m);
		break;
	default:
		return;
	}
	struct clerk_err err = {0};
	if (pager_load(app, s, &err))
		ui_app_error(app, &err);
}

/* --------------------------------------------------------------- keys */

/* Paging scrolls the text a line at a time; the list moves its
 * selection. */
static void review_move(struct review_screen *s, long delta)
{
	if (!s->paging) {
		s->list.n = s->total;
		list_pane_move(&s->list, delta);
		return;
	}
	long v = (long)s->ptop + delta;
	if (v < 0 || s->nlines == 0)
		v = 0;
	else if ((size_t)v >= s->nlines)
		v = (long)s->nlines - 1;
	s->ptop = (size_t)v;
}

static enum ui_key_result review_key(struct app *app, void *state, int key)
{
	struct review_screen *s = state;
	enum ui_context ctxs[4];
	size_t n = review_contexts(app, s, ctxs);
	enum ui_action a = ui_keymap_lookup_in(&app->keymap, ctxs, n, key);
	long page = LINES > 4 ? LINES - 4 : 1;
	struct clerk_err err = {0};
	switch (a) {
	case UI_ACT_up:
		review_move(s, -1);
		break;
	case UI_ACT_down:
		review_move(s, 1);
		break;
	case UI_ACT_page_up:
		review_move(s, -page);
		break;
	case UI_ACT_page_down:
		review_move(s, page);
		break;
	case UI_ACT_top:
		review_move(s, -1000000);
		break;
	case UI_ACT_bottom:
		review_move(s, 1000000);
		break;
	case UI_ACT_select:
		if (!s->paging && selected(s)) {
			s->ptop = 0;
			if (pager_load(app, s, &err))
				ui_app_error(app, &err);
			else
				s->paging = true;
		}
		break;
	case UI_ACT_cancel:
		s->paging = false;
		s->history = false;
		break;
	case UI_ACT_review_history:
		if (!history_choose(app, s))
			break;
		if (history_load(s, &err)) {
			ui_app_error(app, &err);
		} else {
			s->paging = true;
			s->history = true;
		}
		break;
	case UI_ACT_quit:
		if (!s->paging)
			return UI_KEY_UNUSED;
		s->paging = false;
		s->history = false;
		break;
	case UI_ACT_review_export:
		act_export(app, s);
		break;
	case UI_ACT_review_edit:
		if (s->paging)
			act_edit(app, s);
		else
			ui_app_message(app, UI_ROLE_WARN,
				       "Open the minutes first (Enter)");
		break;
	case UI_ACT_review_confirm:
		act_confirm(app, s);
		break;
	case UI_ACT_review_correct:
		act_correct(app, s);
		break;
	default:
		return UI_KEY_UNUSED;
	}
	return UI_KEY_USED;
}

static void review_resize(struct app *app, void *state)
{
	struct review_screen *s = state;
	struct clerk_err err = {0};
	enum clerk_status rc = CLERK_OK;
	if (s->history)
		rc = history_load(s, &err);
	else if (s->paging)
		rc = pager_load(app, s, &err);
	if (rc) /* read again and failed: say so over the text kept */
		ui_app_error(app, &err);
}

static const struct ui_screen_ops review_ops = {
	.name = "review",
	.draw = review_draw,
	.key = review_key,
	.resize = review_resize,
	.tick = NULL,
	.may_quit = NULL,
	.contexts = review_contexts,
};

enum clerk_status ui_review_run(struct app *app, const char *body_id,
				const char *meeting_id, struct clerk_err *err)
{
	struct review_screen s = {.db = ui_app_db(app),
				  .body_id = xstrdup(body_id ? body_id : "")};
	enum clerk_status rc = list_open(&s, meeting_id, err);
	if (!rc && meeting_id) {
		rc = pager_load(app, &s, err);
		s.paging = rc == CLERK_OK;
	}
	if (!rc) {
		struct ui_screen screen = {&review_ops, &s};
		ui_app_run(app, &screen);
	}
	pager_free(&s);
	list_free(&s);
	free(s.body_id);
	return rc;
}
