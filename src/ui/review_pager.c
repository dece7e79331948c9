/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/review_pager: the review screen's pager pane (src/ui/pane.h): the
 * selected meeting's minutes exactly as they will be published (the text
 * exporter's output), with any text saved unfinished above them, or the
 * meeting's history, wrapped to the terminal's width.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "review_screen.h"
#include "clerk/export.h"
#include "clerk/model.h"
#include "clerk/model_lease.h"
#include "clerk/review.h"

void review_pager_free(struct review_screen *s)
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

/* Render the review_selected meeting's minutes as published, wrapped to the
 * terminal's width. */
enum clerk_status review_pager_load(struct app *app, struct review_screen *s,
				    struct clerk_err *err)
{
	const struct meeting *m = review_selected(s);
	if (!m)
		return clerk_fail(err, CLERK_NOT_FOUND, "no meeting review_selected");
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
	review_pager_free(s);
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
	/* the text may be shorter now (a correction withdrawn) */
	pager_pane_fit(&s->view, s->nlines, s->view.h);
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
bool review_history_choose(struct app *app, struct review_screen *s)
{
	const struct meeting *m = review_selected(s);
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

/* The review_selected meeting's history (clerk history) in the pager, or that of
 * the record picked: one line per change, then its fields, wrapped to the
 * terminal's width. */
enum clerk_status review_history_load(struct review_screen *s,
				      struct clerk_err *err)
{
	const struct meeting *m = review_selected(s);
	if (!m)
		return clerk_fail(err, CLERK_NOT_FOUND, "no meeting review_selected");
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
	review_pager_free(s);
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
	s->view.top = 0;
	return CLERK_OK;
}

static void draw_pager(struct app *app, struct review_screen *s)
{
	const struct meeting *m = review_selected(s);
	int rows = LINES - 2;
	char *head = xasprintf(" %s%s", m ? review_list_label(s, s->list.sel) : "",
			       m && m->minutes_state == MINUTES_CONFIRMED
				       ? "  (locked)"
				       : "");
	pager_pane_fit(&s->view, s->nlines, rows > 0 ? (size_t)rows : 1);
	size_t top = s->view.top;
	/* The meeting on the left, cut to leave its place to the position
	 * on the right: at 80 columns a long body's name meets it. */
	char pos[48];
	snprintf(pos, sizeof pos, "%zu-%zu/%zu", s->nlines ? top + 1 : 0,
		 top + (size_t)rows < s->nlines ? top + (size_t)rows : s->nlines,
		 s->nlines);
	int room = COLS - (int)strlen(pos) - 3;
	ui_put(app, 0, 0, COLS, UI_ROLE_HEADER, true, "");
	ui_put_ellipsis(app, 0, 0, room > 0 ? room : COLS, UI_ROLE_HEADER, false,
			head);
	free(head);
	for (int r = 0; r < rows; r++) {
		size_t i = top + (size_t)r;
		if (i >= s->nlines)
			break;
		ui_put(app, 1 + r, 0, COLS, UI_ROLE_NORMAL, true, s->lines[i]);
	}
	ui_put_right(app, 0, COLS - 16, 15, UI_ROLE_HEADER, pos);
}

static bool pager_navigate(struct app *app, struct review_screen *s,
			   enum ui_action a)
{
	(void)app;
	pager_pane_fit(&s->view, s->nlines, LINES > 2 ? (size_t)LINES - 2 : 1);
	return pager_pane_navigate(&s->view, a, review_page());
}

static const struct review_hint pager_hints[] = {
	{UI_ACT_help, "help"},
	{UI_ACT_review_export, "export"},
	{UI_ACT_review_edit, "edit"},
	{UI_ACT_review_confirm, "confirm"},
	{UI_ACT_review_correct, "correct"},
	{UI_ACT_cancel, "back"},
};

const struct review_pane_ops review_pager_ops = {
	.name = "minutes",
	.draw = draw_pager,
	.navigate = pager_navigate,
	REVIEW_HINTS(pager_hints),
};
