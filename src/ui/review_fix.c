/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/review_fix: the review screen's additions to draft minutes, for what
 * the room missed: a declaration nobody recorded, a paragraph for an item
 * that had none, a substitute's attendance, the mover and seconder, the
 * vote counts, and withdrawing any of these.  The rules are the room's and
 * live in the model (clerk/review.h); a refusal is shown as its sentence,
 * and what was typed is offered again.  Every change is committed and
 * audited by the model (clerk history).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_private.h"
#include "clerk/model.h"
#include "clerk/review.h"
#include "clerk/ui_review.h"

/* A refusal: the model's sentence in a box (until a key). */
static void refused(struct app *app, const struct clerk_err *err)
{
	ui_message_box(app, "Not recorded", err->msg);
}

/* Pick an item of the meeting's agenda (its index in *items, -1: none). */
static int pick_item(struct app *app, struct db *db, const struct meeting *m,
		     const char *title, struct item_list *items)
{
	struct clerk_err err = {0};
	if (item_list(db, m->id, items, &err)) {
		ui_app_error(app, &err);
		return -1;
	}
	if (!items->n) {
		ui_app_message(app, UI_ROLE_WARN, "The meeting has no agenda");
		return -1;
	}
	struct ui_pick_item *pi = xcalloc(items->n, sizeof *pi);
	char **labels = xcalloc(items->n, sizeof *labels);
	for (size_t i = 0; i < items->n; i++) {
		labels[i] = xasprintf("%-3s %s", items->v[i].number,
				      items->v[i].title);
		pi[i].label = labels[i];
	}
	int c = ui_pick_search(app, title, pi, items->n, 0, false);
	for (size_t i = 0; i < items->n; i++)
		free(labels[i]);
	free(labels);
	free(pi);
	return c;
}

/* Pick someone of the meeting's attendance: those for whom `ok` (may be
 * NULL: all) holds are choosable, the others shown with why not.  With
 * allow_none, "(not noted)" comes first and returns -2.  Returns the
 * index in *al, or -1 when cancelled. */
typedef const char *(*who_ok_fn)(const struct attendance *a, void *ctx);
static int pick_person(struct app *app, const char *title,
		       const struct attendance_list *al, who_ok_fn ok,
		       void *ctx, bool allow_none)
{
	size_t off = allow_none ? 1 : 0;
	struct ui_pick_item *pi = xcalloc(al->n + 1, sizeof *pi);
	char **labels = xcalloc(al->n + 1, sizeof *labels);
	char **notes = xcalloc(al->n + 1, sizeof *notes);
	if (allow_none)
		pi[0].label = "(not noted)";
	int start = -1;
	for (size_t i = 0; i < al->n; i++) {
		const char *no = ok ? ok(&al->v[i], ctx) : NULL;
		char *n = person_display_name(&al->v[i].person);
		labels[i] = xasprintf("%-11s %s",
				      attendance_status_text(al->v[i].status),
				      n);
		free(n);
		pi[i + off].label = labels[i];
		if (no) {
			notes[i] = xstrdup(no);
			pi[i + off].note = notes[i];
			pi[i + off].disabled = true;
		} else if (start < 0) {
			start = (int)(i + off);
		}
	}
	int c = ui_pick_search(app, title, pi, al->n + off,
			       allow_none || start < 0 ? 0 : start, false);
	for (size_t i = 0; i < al->n; i++) {
		free(labels[i]);
		free(notes[i]);
	}
	free(labels);
	free(notes);
	free(pi);
	if (c < 0)
		return -1;
	if (allow_none && c == 0)
		return -2;
	return c - (int)off;
}

static const char *present_only(const struct attendance *a, void *ctx)
{
	(void)ctx;
	return a->status == ATT_PRESENT || a->status == ATT_SUBSTITUTE
		       ? NULL
		       : "not present";
}

/* ------------------------------------------------------- declarations */

void ui_review_add_declaration(struct app *app, struct db *db,
			       const struct meeting *m)
{
	struct item_list items = {0};
	struct attendance_list al = {0};
	struct clerk_err err = {0};
	int it = pick_item(app, db, m, "Declared on which item?", &items);
	if (it < 0 || attendance_list(db, m->id, &al, &err)) {
		if (err.status)
			ui_app_error(app, &err);
		item_list_free(&items);
		return;
	}
	int p = pick_person(app, "Who declared it?", &al, present_only, NULL,
			    false);
	static const enum interest_kind kinds[] = {
		INTEREST_PECUNIARY, INTEREST_REGISTRABLE,
		INTEREST_NON_REGISTRABLE};
	struct ui_pick_item kp[3] = {
		{.label = "disclosable pecuniary (leaves the room)"},
		{.label = "other registrable (personal)"},
		{.label = "non-registrable (non-pecuniary)"}};
	int k = p >= 0 ? ui_pick(app, "What kind of interest?", kp, 3, 0) : -1;
	char *typed = NULL;
	struct declaration d = {0};
	if (k >= 0) {
		d.kind = kinds[k];
		d.dispensation = d.kind == INTEREST_PECUNIARY &&
				 ui_confirm(app, "Did the member hold a "
						 "dispensation to take part?");
		d.sensitive = ui_confirm(app, "A sensitive interest (only its "
					      "existence is minuted)?");
		snprintf(d.meeting_id, sizeof d.meeting_id, "%s", m->id);
		snprintf(d.item_id, sizeof d.item_id, "%s", items.v[it].id);
		snprintf(d.person_id, sizeof d.person_id, "%s",
			 al.v[p].person_id);
	}
	while (k >= 0) {
		char *what = ui_prompt(app, "The interest declared", typed);
		free(typed);
		typed = NULL;
		if (!what)
			break;
		d.what = what;
		d.left_room = false;
		if (review_declare(db, &d, &err) == CLERK_OK) {
			ui_app_saved(app);
			ui_app_message(app, UI_ROLE_OK,
				       "Declaration added%s",
				       d.left_room ? ": the member left the "
						     "room for the item"
						   : "");
			free(what);
			break;
		}
		refused(app, &err);
		typed = what;
		if (err.status != CLERK_INVALID || strstr(err.msg, "present"))
			break; /* typing again would not help */
	}
	free(typed);
	attendance_list_free(&al);
	item_list_free(&items);
}

/* ----------------------------------------------------------- paragraphs */

struct add_text_ctx {
	struct db *db;
	const struct meeting *m;
	const char *item_id;
	enum minute_section section;
	int added;
};

/* Each non-empty line of the editor is one paragraph or point. */
static enum clerk_status commit_add_text(struct app *app, void *ctx,
					 const char *text,
					 struct clerk_err *err)
{
	(void)app;
	struct add_text_ctx *c = ctx;
	enum clerk_status rc = db_begin(c->db, err);
	int n = 0;
	for (const char *p = text; !rc && p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		while (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
			       p[len - 1] == '\r'))
			len--;
		if (len) {
			struct minute_text t = {.section = c->section};
			snprintf(t.meeting_id, sizeof t.meeting_id, "%s",
				 c->m->id);
			snprintf(t.item_id, sizeof t.item_id, "%s", c->item_id);
			t.body = xstrndup(p, len);
			rc = review_add_text(c->db, &t, err);
			free(t.body);
			n++;
		}
		p = nl ? nl + 1 : NULL;
	}
	if (!rc && !n)
		rc = clerk_fail(err, CLERK_INVALID,
				"The paragraph is empty: type what the minutes "
				"say");
	if (rc) {
		db_rollback(c->db);
		return rc;
	}
	c->added = n;
	return db_commit(c->db, err);
}

void ui_review_add_text(struct app *app, struct db *db, const struct meeting *m)
{
	struct item_list items = {0};
	int it = pick_item(app, db, m, "A paragraph for which item?", &items);
	static const enum minute_section secs[] = {
		SECTION_RECEIVED, SECTION_NARRATIVE, SECTION_HEARD,
		SECTION_COMMENTED, SECTION_EXEMPT};
	struct ui_pick_item sp[5] = {
		{.label = "received (the report it received)"},
		{.label = "narrative"},
		{.label = "heard (a point the meeting heard)"},
		{.label = "commented (a point members made)"},
		{.label = "confidential minute (exempt items)"}};
	int k = it >= 0 ? ui_pick(app, "Which part of its minute?", sp, 5, 1)
			: -1;
	if (k >= 0) {
		struct add_text_ctx c = {.db = db,
					 .m = m,
					 .item_id = items.v[it].id,
					 .section = secs[k]};
		if (ui_edit(app, "Add to the minute (one paragraph or point "
				 "a line)",
			    "", commit_add_text, &c)) {
			ui_app_saved(app);
			ui_app_message(app, UI_ROLE_OK, "Added %d paragraph%s",
				       c.added, c.added == 1 ? "" : "s");
		}
	}
	item_list_free(&items);
}

struct add_resolution_ctx {
	struct db *db;
	const struct meeting *m;
	const char *item_id;
	enum outcome outcome;
};

static enum clerk_status commit_add_resolution(struct app *app, void *ctx,
					       const char *text,
					       struct clerk_err *err)
{
	(void)app;
	struct add_resolution_ctx *c = ctx;
	struct resolution r = {.outcome = c->outcome};
	snprintf(r.meeting_id, sizeof r.meeting_id, "%s", c->m->id);
	snprintf(r.item_id, sizeof r.item_id, "%s", c->item_id);
	char *body = xstrdup(text ? text : "");
	size_t len = strlen(body);
	while (len && (body[len - 1] == '\n' || body[len - 1] == ' '))
		body[--len] = '\0';
	r.body = body;
	enum clerk_status rc = review_add_resolution(c->db, &r, err);
	free(body);
	return rc;
}

void ui_review_add_resolution(struct app *app, struct db *db,
			      const struct meeting *m)
{
	struct item_list items = {0};
	int it = pick_item(app, db, m, "A resolution at which item?", &items);
	struct ui_pick_item op[2] = {{.label = "agreed (carried)"},
				     {.label = "lost"}};
	int k = it >= 0 ? ui_pick(app, "What did the meeting decide?", op, 2, 0)
			: -1;
	if (k >= 0) {
		struct add_resolution_ctx c = {
			.db = db,
			.m = m,
			.item_id = items.v[it].id,
			.outcome = k == 0 ? OUTCOME_CARRIED : OUTCOME_LOST};
		if (ui_edit(app, "The words of the resolution (its mover, "
				 "seconder and votes: e, mover and seconder / "
				 "votes)",
			    "", commit_add_resolution, &c)) {
			ui_app_saved(app);
			ui_app_message(app, UI_ROLE_OK, "Resolution added");
		}
	}
	item_list_free(&items);
}

void ui_review_remove_text(struct app *app, struct db *db,
			   const struct meeting *m)
{
	struct minute_text_list tl = {0};
	struct clerk_err err = {0};
	if (minute_text_list(db, m->id, NULL, &tl, &err)) {
		ui_app_error(app, &err);
		return;
	}
	struct ui_pick_item *pi = xcalloc(tl.n + 1, sizeof *pi);
	char **labels = xcalloc(tl.n + 1, sizeof *labels);
	for (size_t i = 0; i < tl.n; i++) {
		labels[i] = xasprintf("%-10s %s",
				      minute_section_text(tl.v[i].section),
				      tl.v[i].body);
		pi[i].label = labels[i];
	}
	int c = tl.n ? ui_pick_search(app, "Withdraw which paragraph or point?",
				      pi, tl.n, 0, false)
		     : -1;
	if (!tl.n)
		ui_app_message(app, UI_ROLE_WARN, "No minute text recorded");
	if (c >= 0 && ui_confirm(app, "Withdraw it from the draft minutes (the "
				      "history keeps it)?")) {
		if (minute_text_delete(db, tl.v[c].id, &err))
			refused(app, &err);
		else
			ui_app_saved(app);
	}
	for (size_t i = 0; i < tl.n; i++)
		free(labels[i]);
	free(labels);
	free(pi);
	minute_text_list_free(&tl);
}

/* ---------------------------------------------------------- substitutes */

void ui_review_add_substitute(struct app *app, struct db *db,
			      const struct meeting *m)
{
	struct clerk_err err = {0};
	struct body b = {0};
	struct seat_info_list seats = {0};
	struct person_list all = {0};
	char day[16] = "";
	if (body_get(db, m->body_id, &b, &err) == CLERK_OK)
		time_format_local(m->starts_at, b.tz, "%Y-%m-%d", day,
				  sizeof day);
	if (err.status || seat_info_list(db, m->body_id, day, &seats, &err) ||
	    person_list_all(db, &all, &err)) {
		ui_app_error(app, &err);
		goto out;
	}
	/* The member: those holding a seat that day. */
	struct ui_pick_item *mp = xcalloc(seats.n + 1, sizeof *mp);
	char **ml = xcalloc(seats.n + 1, sizeof *ml);
	size_t *mi = xcalloc(seats.n + 1, sizeof *mi);
	size_t nm = 0;
	for (size_t i = 0; i < seats.n; i++) {
		if (!seats.v[i].filled)
			continue;
		ml[nm] = person_display_name(&seats.v[i].member);
		mp[nm].label = ml[nm];
		mi[nm++] = i;
	}
	int c = nm ? ui_pick_search(app, "Substitute for which member?", mp, nm,
				    0, false)
		   : -1;
	if (!nm)
		ui_app_message(app, UI_ROLE_WARN,
			       "No seat of the body was filled that day");
	const struct seat_info *seat = c >= 0 ? &seats.v[mi[c]] : NULL;
	for (size_t i = 0; i < nm; i++)
		free(ml[i]);
	free(ml);
	free(mp);
	free(mi);
	if (!seat)
		goto out;
	/* The substitute: the seat's nominated ones first, then anyone. */
	size_t n = seat->nsubs + all.n + 2;
	struct ui_pick_item *sp = xcalloc(n, sizeof *sp);
	char **sl = xcalloc(n, sizeof *sl);
	const char **ids = xcalloc(n, sizeof *ids);
	size_t ns = 0;
	for (size_t i = 0; i < seat->nsubs; i++) {
		sl[ns] = person_display_name(&seat->subs[i].person);
		sp[ns].label = sl[ns];
		sp[ns].note = "nominated";
		ids[ns++] = seat->subs[i].person.id;
	}
	sp[ns++].heading = true;
	sp[ns - 1].label = "everyone else";
	for (size_t i = 0; i < all.n; i++) {
		sl[ns] = person_display_name(&all.v[i]);
		sp[ns].label = sl[ns];
		ids[ns++] = all.v[i].id;
	}
	int s = ui_pick_search(app, "Who attended as substitute?", sp, ns,
			       seat->nsubs ? 0 : 1, false);
	if (s >= 0 && ids[s]) {
		char notice[512];
		if (review_substitute(db, m->id, seat->member.id, ids[s], notice,
				      sizeof notice, &err))
			refused(app, &err);
		else {
			ui_app_saved(app);
			ui_app_message(app, *notice ? UI_ROLE_WARN : UI_ROLE_OK,
				       "%s",
				       *notice ? notice
					       : "Substitute's attendance added");
		}
	}
	for (size_t i = 0; i < ns; i++)
		free(sl[i]);
	free(sl);
	free(sp);
	free(ids);
out:
	person_list_free(&all);
	seat_info_list_free(&seats);
	body_free(&b);
}

static const char *substitutes_only(const struct attendance *a, void *ctx)
{
	(void)ctx;
	return a->status == ATT_SUBSTITUTE ? NULL : "not a substitute";
}

void ui_review_remove_substitute(struct app *app, struct db *db,
				 const struct meeting *m)
{
	struct attendance_list al = {0};
	struct clerk_err err = {0};
	if (attendance_list(db, m->id, &al, &err)) {
		ui_app_error(app, &err);
		return;
	}
	int p = pick_person(app, "Withdraw whose attendance as substitute?",
			    &al, substitutes_only, NULL, false);
	if (p >= 0 && al.v[p].status != ATT_SUBSTITUTE)
		ui_app_message(app, UI_ROLE_WARN, "Not a substitute");
	else if (p >= 0 &&
		 ui_confirm(app, "Withdraw it (recorded by mistake)?")) {
		if (review_substitute_remove(db, m->id, al.v[p].person_id, &err))
			refused(app, &err);
		else
			ui_app_saved(app);
	}
	attendance_list_free(&al);
}

/* ---------------------------------------------------------- resolutions */

static int pick_resolution(struct app *app, struct db *db,
			   const struct meeting *m, struct resolution_list *rl)
{
	struct clerk_err err = {0};
	if (resolution_list(db, m->id, NULL, rl, &err)) {
		ui_app_error(app, &err);
		return -1;
	}
	if (!rl->n) {
		ui_app_message(app, UI_ROLE_WARN, "No resolutions recorded");
		return -1;
	}
	struct ui_pick_item *pi = xcalloc(rl->n, sizeof *pi);
	char **labels = xcalloc(rl->n, sizeof *labels);
	for (size_t i = 0; i < rl->n; i++) {
		const struct resolution *r = &rl->v[i];
		labels[i] = r->voted ? xasprintf("%d-%d-%d  %s", r->votes_for,
						 r->votes_against,
						 r->votes_abstain, r->body)
				     : xstrdup(r->body);
		pi[i].label = labels[i];
	}
	int c = ui_pick_search(app, "Which resolution?", pi, rl->n, 0, false);
	for (size_t i = 0; i < rl->n; i++)
		free(labels[i]);
	free(labels);
	free(pi);
	return c;
}

struct entitled_ctx {
	struct db *db;
	const struct meeting *m;
	const char *item_id;
	char why[512];
};

static const char *entitled_only(const struct attendance *a, void *ctx)
{
	struct entitled_ctx *e = ctx;
	if (review_entitled(e->db, e->m->id, e->item_id, a->person_id, NULL, 0))
		return NULL;
	return "not entitled to vote on the item";
}

void ui_review_proposers(struct app *app, struct db *db,
			 const struct meeting *m)
{
	struct resolution_list rl = {0};
	struct attendance_list al = {0};
	struct clerk_err err = {0};
	int c = pick_resolution(app, db, m, &rl);
	if (c >= 0 && attendance_list(db, m->id, &al, &err)) {
		ui_app_error(app, &err);
		c = -1;
	}
	struct entitled_ctx e = {.db = db, .m = m};
	if (c >= 0)
		e.item_id = rl.v[c].item_id;
	int mv = c >= 0 ? pick_person(app, "Moved by", &al, entitled_only, &e,
				      true)
			: -1;
	int sc = mv != -1 ? pick_person(app, "Seconded by", &al, entitled_only,
					&e, true)
			  : -1;
	if (sc != -1) {
		const char *mover = mv >= 0 ? al.v[mv].person_id : "";
		const char *seconder = sc >= 0 ? al.v[sc].person_id : "";
		if (review_proposers(db, m->id, rl.v[c].id, mover, seconder,
				     &err))
			refused(app, &err);
		else
			ui_app_saved(app);
	}
	attendance_list_free(&al);
	resolution_list_free(&rl);
}

void ui_review_votes(struct app *app, struct db *db, const struct meeting *m)
{
	struct resolution_list rl = {0};
	int c = pick_resolution(app, db, m, &rl);
	char *typed = NULL;
	if (c >= 0) {
		const struct resolution *r = &rl.v[c];
		typed = xasprintf("%d %d %d", r->votes_for, r->votes_against,
				  r->votes_abstain);
	}
	while (c >= 0) {
		char *v = ui_prompt(app, "Votes: for against abstaining", typed);
		free(typed);
		typed = NULL;
		if (!v)
			break;
		struct clerk_err err = {0};
		int f, a, ab;
		char extra;
		if (sscanf(v, "%d %d %d %c", &f, &a, &ab, &extra) != 3)
			clerk_fail(&err, CLERK_INVALID,
				   "Votes are three whole numbers: for, "
				   "against, abstaining (e.g. 5 2 1)");
		else if (review_votes(db, m->id, rl.v[c].id, f, a, ab, &err) ==
			 CLERK_OK) {
			ui_app_saved(app);
			free(v);
			break;
		}
		refused(app, &err);
		typed = v;
	}
	free(typed);
	resolution_list_free(&rl);
}
