/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/screen_review: the clerk's desk after the meeting.  A list of the
 * meetings (review_list.c); Enter opens a meeting's minutes exactly as they
 * will be published in a pager (review_pager.c).  From the pager the clerk
 * exports them (x), corrects the draft before confirmation (e: attendance,
 * declarations, narrative, resolutions, votes — each change goes through
 * the model, which commits it and keeps it in the audit trail), records
 * their confirmation at a later meeting (K), which locks them, and after
 * that records corrections as new, visible records (C): review_act.c.
 *
 * This file runs the screen: the pane shown paints itself and moves in its
 * own way (its ops table, review_screen.h); the keys that open, leave and
 * act are the same on both.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "review_screen.h"
#include "clerk/ui_review.h"

/* The key bar: each hint's first key, by its name ("F1", not "<F1>"). */
static void put_hints(struct app *app, int y, const struct review_hint *h,
		      size_t n)
{
	struct strbuf sb = {0};
	for (size_t i = 0; i < n; i++) {
		enum ui_action a = h[i].act;
		if (app->keymap.nkeys[a] == 0)
			continue;
		char name[32];
		ui_key_name(app->keymap.keys[a][0], name);
		if (name[0] == '<' && name[1] == 'F') {
			memmove(name, name + 1, strlen(name));
			name[strlen(name) - 1] = '\0';
		}
		sb_addf(&sb, "%s%s %s", sb.len ? "|" : "", name, h[i].label);
	}
	ui_draw_status(app, y, sb_str(&sb));
	sb_free(&sb);
}

static void review_draw(struct app *app, void *state)
{
	struct review_screen *s = state;
	s->pane->draw(app, s);
	put_hints(app, LINES - 1, s->pane->hints, s->pane->nhints);
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

/* Enter on the list: the selected meeting's minutes, from their top. */
static void review_open(struct app *app, struct review_screen *s)
{
	struct clerk_err err = {0};
	if (review_paging(s) || !review_selected(s))
		return;
	s->view.top = 0;
	if (review_pager_load(app, s, &err))
		ui_app_error(app, &err);
	else
		s->pane = &review_pager_ops;
}

/* Before the clerk's first change: the file, opened for reading, is
 * opened again as every writer opens it, with every check a writer gets
 * on opening (a damaged file, one whose schema is not clerk's, a newer
 * clerk's are refused, and said so here), and the screen and the app go
 * on with that connection.  A file that cannot be written is opened
 * read-only again, and the change is refused as it always was.  False
 * when the file cannot be opened (nothing is changed). */
static bool review_writer(struct app *app, struct review_screen *s)
{
	if (!s->reading)
		return true;
	struct db *w = NULL;
	struct clerk_err err = {0};
	if (db_open(db_path(s->db), DB_EXISTING, &w, &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return false;
	}
	db_close(&s->db);
	s->db = app->db = w;
	s->reading = false;
	return true;
}

static void review_history(struct app *app, struct review_screen *s)
{
	struct clerk_err err = {0};
	if (!review_history_choose(app, s))
		return;
	if (review_history_load(s, &err)) {
		ui_app_error(app, &err);
		return;
	}
	s->pane = &review_pager_ops;
	s->history = true;
}

static void review_back(struct review_screen *s)
{
	s->pane = &review_list_ops;
	s->history = false;
}

static enum ui_key_result review_key(struct app *app, void *state, int key)
{
	struct review_screen *s = state;
	enum ui_context ctxs[4];
	size_t n = review_contexts(app, s, ctxs);
	enum ui_action a = ui_keymap_lookup_in(&app->keymap, ctxs, n, key);
	if (s->pane->navigate(app, s, a))
		return UI_KEY_USED;
	switch (a) {
	case UI_ACT_select:
		review_open(app, s);
		break;
	case UI_ACT_cancel:
		review_back(s);
		break;
	case UI_ACT_review_history:
		review_history(app, s);
		break;
	case UI_ACT_quit: /* the pager closes; the list leaves (the app's) */
		if (!review_paging(s))
			return UI_KEY_UNUSED;
		review_back(s);
		break;
	case UI_ACT_review_export:
		review_act_export(app, s);
		break;
	case UI_ACT_review_edit:
		if (!review_paging(s))
			ui_app_message(app, UI_ROLE_WARN,
				       "Open the minutes first (Enter)");
		else if (review_writer(app, s))
			review_act_edit(app, s);
		break;
	case UI_ACT_review_confirm:
		if (review_writer(app, s))
			review_act_confirm(app, s);
		break;
	case UI_ACT_review_correct:
		if (review_writer(app, s))
			review_act_correct(app, s);
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
		rc = review_history_load(s, &err);
	else if (review_paging(s))
		rc = review_pager_load(app, s, &err);
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
				  .body_id = xstrdup(body_id ? body_id : ""),
				  .pane = &review_list_ops};
	s.reading = db_is_readonly(s.db);
	enum clerk_status rc = review_list_open(&s, meeting_id, err);
	if (!rc && meeting_id) {
		rc = review_pager_load(app, &s, err);
		if (!rc)
			s.pane = &review_pager_ops;
	}
	if (!rc) {
		struct ui_screen screen = {&review_ops, &s};
		ui_app_run(app, &screen);
	}
	review_pager_free(&s);
	review_list_free(&s);
	free(s.body_id);
	return rc;
}
