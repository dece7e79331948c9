/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/live_do_capture: the live console's handlers for what is minuted on
 * an item: what the meeting received and heard, members' comments, plain
 * minutes, declarations of interest, actions; correcting or withdrawing a
 * capture, and accepting text a hang-up saved unfinished.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "live_screen.h"

struct text_ctx {
	struct live_screen *s;
	enum minute_section section;
};


/* Save the editor's text: each line a point of the section. */
static enum clerk_status commit_text(struct app *app, void *ctx,
				     const char *text, struct clerk_err *err)
{
	struct text_ctx *t = ctx;
	t->s->l->hung_up = app->hung_up; /* saved by a hang-up: unfinished */
	const char *p = text;
	int added = 0;
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		char *b = line;
		while (*b == ' ')
			b++;
		if (*b) {
			enum clerk_status st =
				live_text_add(t->s->l, t->section, b, NULL, err);
			if (st != CLERK_OK) {
				free(line);
				return st;
			}
			added++;
		}
		free(line);
		p += len;
		if (*p == '\n')
			p++;
	}
	if (!added)
		return clerk_fail(err, CLERK_INVALID,
				  "nothing to save: type the text, or Esc");
	return CLERK_OK;
}

/* The editor's title: what the house style adds around the text, so that
 * the clerk does not type it twice ("Minuted as: The Board received …").
 * Caller frees. */
static char *text_title(struct app *app, struct live_screen *s,
			const char *key, const char *fallback)
{
	char *said = export_style_sentence(ui_live_style(app, s), &s->l->body,
					   key, "\u2026");
	if (!said)
		return xstrdup(fallback);
	char *t = xasprintf("Minuted as: %s%s (one %s per line)", said,
			    strstr(said, "\u2026") ? "" : " \u2026",
			    strcmp(key, "received") == 0 ? "paragraph" : "point");
	free(said);
	return t;
}

static void act_text(struct app *app, struct live_screen *s,
		     enum minute_section sec, const char *key,
		     const char *fallback)
{
	if (!ui_live_current_item(s->l)) {
		ui_app_message(app, UI_ROLE_WARN, "Start an item first (n)");
		return;
	}
	if (s->l->public_excluded &&
	    (sec == SECTION_RECEIVED || sec == SECTION_NARRATIVE))
		sec = SECTION_EXEMPT;
	struct text_ctx t = {s, sec};
	char *title = text_title(app, s, key, fallback);
	if (ui_edit(app, title, NULL, commit_text, &t))
		ui_live_report(app, s, CLERK_OK, NULL, NULL);
	free(title);
}

/* The ids of the current item's paragraphs (or, when motions, the
 * motions) saved unfinished when the terminal hung up, in *out: taken
 * before any is accepted, as accepting reloads the meeting. */
static size_t unfinished_ids(const struct live *l, bool motions,
			     clerk_id **out)
{
	const struct live_item *it = ui_live_current_item(l);
	size_t n = 0, total = motions ? l->resolutions.n : l->texts.n;
	*out = xcalloc(total + 1, sizeof **out);
	for (size_t i = 0; it && i < total; i++) {
		const char *item_id = motions ? l->resolutions.v[i].item_id
					      : l->texts.v[i].item_id;
		const char *id = motions ? l->resolutions.v[i].id
					 : l->texts.v[i].id;
		bool unfinished = motions ? live_motion_unfinished(l, id)
					  : live_text_unfinished(l, id);
		if (!strcmp(item_id, it->item.id) && unfinished)
			snprintf((*out)[n++], sizeof(clerk_id), "%s", id);
	}
	return n;
}

/* Ask about each motion and accept those the clerk says yes to: how many,
 * or -1 when one failed (the clerk told why). */
static int accept_motions(struct app *app, struct live *l,
			  const clerk_id *ids, size_t n)
{
	int accepted = 0;
	for (size_t i = 0; i < n; i++) {
		const struct resolution *r = NULL;
		for (size_t j = 0; j < l->resolutions.n; j++)
			if (!strcmp(l->resolutions.v[j].id, ids[i]))
				r = &l->resolutions.v[j];
		if (!r)
			continue;
		char *q = xasprintf("Motion saved when the terminal hung up: "
				    "\u201c%s\u201d  Accept its words as they "
				    "stand?  (E corrects them instead)",
				    r->body);
		bool yes = ui_confirm(app, q);
		free(q);
		if (!yes)
			continue;
		struct clerk_err err = {0};
		if (live_motion_accept(l, ids[i], &err) != CLERK_OK) {
			ui_app_error(app, &err);
			return -1;
		}
		accepted++;
	}
	return accepted;
}

/* The same for paragraphs: how many were accepted before any failure
 * (the clerk told why). */
static int accept_texts(struct app *app, struct live *l, const clerk_id *ids,
			size_t n)
{
	int accepted = 0;
	for (size_t i = 0; i < n; i++) {
		const struct minute_text *t = NULL;
		for (size_t j = 0; j < l->texts.n; j++)
			if (!strcmp(l->texts.v[j].id, ids[i]))
				t = &l->texts.v[j];
		if (!t)
			continue;
		char *q = xasprintf("Saved when the terminal hung up: \u201c%s\u201d"
				    "  Accept it as it stands?  (E corrects "
				    "it instead)",
				    t->body);
		bool yes = ui_confirm(app, q);
		free(q);
		if (!yes)
			continue;
		struct clerk_err err = {0};
		if (live_text_accept(l, ids[i], &err) != CLERK_OK) {
			ui_app_error(app, &err);
			break;
		}
		accepted++;
	}
	return accepted;
}

/* A: accept, one by one, the current item's motions and paragraphs saved
 * unfinished when the terminal hung up. */
void live_do_accept_text(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	clerk_id *texts, *motions;
	size_t ntexts = unfinished_ids(l, false, &texts);
	size_t nmotions = unfinished_ids(l, true, &motions);
	int accepted = 0;
	if (!ntexts && !nmotions)
		ui_app_message(app, UI_ROLE_WARN,
			       "Nothing on this item was saved unfinished");
	else
		accepted = accept_motions(app, l, motions, nmotions);
	if (accepted >= 0 && ntexts)
		accepted += accept_texts(app, l, texts, ntexts);
	free(texts);
	free(motions);
	if (accepted > 0) {
		ui_app_saved(app);
		ui_app_message(app, UI_ROLE_OK, "Accepted %d paragraph%s",
			       accepted, accepted == 1 ? "" : "s");
	}
}

/* Which item a declaration is on: the current one, else the one selected
 * in the agenda, to start with.  Its index, or -1. */
static int pick_declared_item(struct app *app, struct live_screen *s)
{
	const struct live *l = s->l;
	size_t n = l->nitems;
	struct ui_pick_item *items = xcalloc(n, sizeof *items);
	char **labels = xcalloc(n, sizeof *labels);
	for (size_t i = 0; i < n; i++) {
		labels[i] = xasprintf("%s %s", l->items[i].item.number,
				      l->items[i].item.title);
		items[i].label = labels[i];
		items[i].note = (int)i == l->current ? "current" : NULL;
	}
	int start = l->current >= 0 ? l->current
				    : (int)s->pane[PANE_AGENDA].list.sel;
	int item = ui_pick(app, "On item", items, n, start);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	return item;
}

/* The kind of interest in *kind, and whether it is sensitive (only its
 * existence minuted); false when the clerk stopped. */
static bool pick_interest_kind(struct app *app, enum interest_kind *kind,
			       bool *sensitive)
{
	static const struct ui_pick_item kinds[] = {
		{.label = "disclosable pecuniary (leaves the room)"},
		{.label = "other registrable"},
		{.label = "non-registrable / personal"},
		{.label = "pecuniary, sensitive (only its existence minuted)"},
	};
	int k = ui_pick(app, "Kind of interest", kinds, 4, 0);
	*kind = k == 1	 ? INTEREST_REGISTRABLE
		: k == 2 ? INTEREST_NON_REGISTRABLE
			 : INTEREST_PECUNIARY;
	*sensitive = k == 3;
	return k >= 0;
}

/* d: who declares what interest, on which item. */
void live_do_declare(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	int who = ui_live_pick_attendee(app, s, "Declaration by", PICK_ANYONE,
					false, NULL);
	if (who < 0)
		return;
	clerk_id pid;
	snprintf(pid, sizeof pid, "%s", l->attendance.v[who].person_id);
	int item = pick_declared_item(app, s);
	enum interest_kind kind;
	bool sensitive;
	if (item < 0 || !pick_interest_kind(app, &kind, &sensitive))
		return;
	char *what = ui_prompt(app, "The interest (e.g. school governor)", NULL);
	if (!what)
		return;
	bool disp = false;
	if (kind == INTEREST_PECUNIARY)
		disp = ui_confirm(app, "Has the member a dispensation to stay "
				       "and take part?");
	struct clerk_err err = {0};
	enum clerk_status st = live_declare(l, pid, item, kind, what, sensitive,
					    disp, NULL, &err);
	free(what);
	ui_live_report(app, s, st, &err, "Declaration recorded");
}

enum capture_kind { CAP_TEXT, CAP_DECL, CAP_RES };

struct capture {
	enum capture_kind kind;
	clerk_id id;
	char *label;
	char *body; /* words to edit */
};

/* The records captured on the current item (declarations: all of them on
 * the declarations item), newest last.  Returns the count. */
static size_t captures_of(const struct live *l, struct capture **out)
{
	const struct live_item *it = ui_live_current_item(l);
	size_t cap = l->texts.n + l->declarations.n + l->resolutions.n + 1;
	struct capture *v = xcalloc(cap, sizeof *v);
	size_t n = 0;
	if (!it) {
		*out = v;
		return 0;
	}
	bool all = it->item.kind == ITEM_DECLARATIONS;
	for (size_t i = 0; i < l->declarations.n; i++) {
		const struct declaration *d = &l->declarations.v[i];
		if (!all && strcmp(d->item_id, it->item.id) != 0)
			continue;
		char *who = live_person_name(l, d->person_id);
		v[n].kind = CAP_DECL;
		snprintf(v[n].id, sizeof v[n].id, "%s", d->id);
		v[n].label = xasprintf("Declared: %s (%s)", who, d->what);
		v[n].body = xstrdup(d->what);
		free(who);
		n++;
	}
	for (size_t i = 0; i < l->texts.n; i++) {
		const struct minute_text *t = &l->texts.v[i];
		if (strcmp(t->item_id, it->item.id) != 0)
			continue;
		v[n].kind = CAP_TEXT;
		snprintf(v[n].id, sizeof v[n].id, "%s", t->id);
		v[n].label = xasprintf("%s: %s", minute_section_text(t->section),
				       t->body);
		v[n].body = xstrdup(t->body);
		n++;
	}
	for (size_t i = 0; i < l->resolutions.n; i++) {
		const struct resolution *r = &l->resolutions.v[i];
		if (strcmp(r->item_id, it->item.id) != 0)
			continue;
		v[n].kind = CAP_RES;
		snprintf(v[n].id, sizeof v[n].id, "%s", r->id);
		v[n].label = xasprintf("%s (%s): %s",
				       resolution_kind_text(r->kind),
				       outcome_text(r->outcome), r->body);
		v[n].body = xstrdup(r->body);
		n++;
	}
	*out = v;
	return n;
}

static void captures_free(struct capture *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].body);
	}
	free(v);
}

/* Let the user choose a capture; its index or -1. */
static int pick_capture(struct app *app, const char *title,
			const struct capture *v, size_t n)
{
	if (n == 0) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Nothing captured on this item yet");
		return -1;
	}
	struct ui_pick_item *items = xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i].label = v[i].label;
	int c = ui_pick(app, title, items, n, (int)n - 1);
	free(items);
	return c;
}

struct edit_ctx {
	struct live_screen *s;
	const struct capture *c;
};

static enum clerk_status commit_edit(struct app *app, void *ctx,
				     const char *text, struct clerk_err *err)
{
	struct edit_ctx *e = ctx;
	e->s->l->hung_up = app->hung_up; /* saved by a hang-up: unfinished */
	if (e->c->kind == CAP_TEXT)
		return live_text_edit(e->s->l, e->c->id, text, err);
	return live_resolution_edit(e->s->l, e->c->id, NULL, text, err);
}

void live_do_edit_capture(struct app *app, struct live_screen *s)
{
	struct capture *v;
	size_t n = captures_of(s->l, &v);
	int c = pick_capture(app, "Correct which?", v, n);
	if (c >= 0 && v[c].kind == CAP_DECL) {
		ui_app_message(app, UI_ROLE_WARN,
			       "A declaration is withdrawn (D) and made again");
	} else if (c >= 0) {
		struct edit_ctx e = {s, &v[c]};
		if (ui_edit(app, "Correct the words", v[c].body, commit_edit, &e))
			ui_live_report(app, s, CLERK_OK, NULL, "Corrected");
	}
	captures_free(v, n);
}

void live_do_delete_capture(struct app *app, struct live_screen *s)
{
	struct capture *v;
	size_t n = captures_of(s->l, &v);
	int c = pick_capture(app, "Withdraw which?", v, n);
	if (c >= 0) {
		char *q = xasprintf("Withdraw this from the record?  %s",
				    v[c].label);
		if (ui_confirm(app, q)) {
			struct clerk_err err = {0};
			enum clerk_status st =
				v[c].kind == CAP_TEXT
					? live_text_delete(s->l, v[c].id, &err)
				: v[c].kind == CAP_DECL
					? live_declaration_delete(s->l, v[c].id,
								  &err)
					: live_resolution_delete(s->l, v[c].id,
								 &err);
			ui_live_report(app, s, st, &err, "Withdrawn");
		}
		free(q);
	}
	captures_free(v, n);
}

void live_do_action(struct app *app, struct live_screen *s)
{
	const struct live *l = s->l;
	const struct resolution *r = NULL;
	const struct live_item *it = ui_live_current_item(l);
	for (size_t i = 0; it && i < l->resolutions.n; i++)
		if (strcmp(l->resolutions.v[i].item_id, it->item.id) == 0)
			r = &l->resolutions.v[i];
	char rid[CLERK_UUID_LEN] = "";
	if (r)
		snprintf(rid, sizeof rid, "%s", r->id);
	char *body = ui_prompt(app, "Action: what is to be done", NULL);
	if (!body)
		return;
	char *owner = ui_prompt(app, "Owner", NULL);
	char *due = owner ? ui_prompt(app, "Due date (YYYY-MM-DD, may be empty)",
				      NULL)
			  : NULL;
	if (owner && due) {
		struct clerk_err err = {0};
		enum clerk_status st = live_action_add(
			s->l, rid[0] ? rid : NULL, body, owner, due, NULL, &err);
		ui_live_report(app, s, st, &err, "Action recorded");
	}
	free(body);
	free(owner);
	free(due);
}

void live_do_received(struct app *app, struct live_screen *s)
{
	act_text(app, s, SECTION_RECEIVED, "received",
		 "The meeting received (one paragraph per line)");
}

void live_do_heard(struct app *app, struct live_screen *s)
{
	act_text(app, s, SECTION_HEARD, "heard",
		 "The meeting heard that (one point per line)");
}

void live_do_commented(struct app *app, struct live_screen *s)
{
	act_text(app, s, SECTION_COMMENTED, "commented",
		 "Members commented (one point per line)");
}

void live_do_minute(struct app *app, struct live_screen *s)
{
	act_text(app, s, SECTION_NARRATIVE, "minute",
		 "The minute, as written (one paragraph per line)");
}
