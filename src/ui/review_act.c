/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/review_act: what the clerk does to the minutes from the review
 * screen: export them (x), correct the draft (e), record their
 * confirmation at a later meeting (K), which locks them, and record a
 * correction after that (C).  Each change goes through the model, which
 * commits it and keeps it in the audit trail; the additions to a draft
 * are review_fix.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "review_screen.h"
#include "clerk/export.h"
#include "clerk/model.h"
#include "clerk/model_lease.h"
#include "clerk/review.h"
#include "clerk/ui_review.h"

/* A later meeting of the same body, chosen by the clerk (-1: none). */
static int pick_later(struct app *app, struct review_screen *s,
		      const char *title, struct meeting *out)
{
	const struct meeting *m = review_selected(s);
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
	struct body_list bodies = {0};
	/* A meeting called off is shown, not offered: the clerk sees why
	 * the meeting they expected cannot take the confirmation. */
	for (size_t i = 0; i < all.n; i++)
		if (all.v[i].starts_at > m->starts_at) {
			labels[n] = review_meeting_line(s->db, &bodies, &all.v[i]);
			items[n].label = labels[n];
			items[n].disabled = meeting_called_off(&all.v[i]);
			if (items[n].disabled)
				items[n].note = "not held";
			else
				open++;
			idx[n++] = i;
		}
	body_list_free(&bodies);
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

void review_act_export(struct app *app, struct review_screen *s)
{
	const struct meeting *m = review_selected(s);
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

void review_act_confirm(struct app *app, struct review_screen *s)
{
	const struct meeting *m = review_selected(s);
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
		review_list_load(s, &err);
		if (review_paging(s))
			review_pager_load(app, s, &err);
	}
	free(amend);
	meeting_free(&at);
}

void review_act_correct(struct app *app, struct review_screen *s)
{
	const struct meeting *m = review_selected(s);
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

void review_act_edit(struct app *app, struct review_screen *s)
{
	const struct meeting *m = review_selected(s);
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
	if (review_pager_load(app, s, &err))
		ui_app_error(app, &err);
}
