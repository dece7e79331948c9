/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/live_do_motion: the live console's handlers for motions: moving one
 * or an amendment, agreeing, voting (by show of hands, or recorded by
 * name, with the chair's casting vote on equal votes), withdrawing.  Who
 * may move, second and vote, and what a vote decides, are live's rules.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "live_screen.h"


/* The last resolution of the current item still pending (an amendment
 * before its motion), or NULL. */
static const struct resolution *pending_resolution(const struct live *l)
{
	const struct live_item *it = ui_live_current_item(l);
	if (!it)
		return NULL;
	for (size_t i = l->resolutions.n; i-- > 0;) {
		const struct resolution *r = &l->resolutions.v[i];
		if (strcmp(r->item_id, it->item.id) == 0 &&
		    r->outcome == OUTCOME_PENDING && r->kind != RES_EXCLUSION)
			return r;
	}
	return NULL;
}

static const struct resolution *last_motion(const struct live *l)
{
	const struct live_item *it = ui_live_current_item(l);
	if (!it)
		return NULL;
	for (size_t i = l->resolutions.n; i-- > 0;) {
		const struct resolution *r = &l->resolutions.v[i];
		if (strcmp(r->item_id, it->item.id) == 0 && r->kind == RES_MOTION)
			return r;
	}
	return NULL;
}
/* An election item's motion agreed or carried (Local Government Act 1972
 * Sch. 12 para 5: an election is a decision of the meeting): ask who was
 * elected, to the office the item's title names (else ask which), and
 * record it, so that the office changes hands from this moment (who
 * presides, who gives the casting vote, who signs).  The member the
 * motion names is offered first; Esc leaves it to V. */
static void ask_elected(struct app *app, struct live_screen *s,
			const char *id)
{
	struct live *l = s->l;
	int cand = -1;
	if (!live_election_due(l, id, &cand))
		return;
	const struct resolution *r = live_resolution_of(l, id);
	enum live_office office =
		live_election_office(l, r ? live_item_index(l, r->item_id) : -1);
	if (office == LIVE_OFFICE_ASK) {
		struct ui_pick_item offices[] = {
			{.label = "Chairman"},
			{.label = "Vice-Chairman"},
			{.label = "in the Chair for this meeting only"}};
		int o = ui_pick(app, "Carried at an election: to which office?",
				offices, 3, 0);
		if (o < 0) {
			ui_app_message(app, UI_ROLE_WARN,
				       "Nobody recorded as elected yet: V "
				       "records who was elected");
			return;
		}
		office = o == 0	  ? LIVE_OFFICE_CHAIRMAN
			 : o == 1 ? LIVE_OFFICE_VICE_CHAIRMAN
				  : LIVE_OFFICE_PRESIDE;
	}
	const char *what = office == LIVE_OFFICE_CHAIRMAN ? "elected Chairman"
			   : office == LIVE_OFFICE_VICE_CHAIRMAN
				   ? "elected Vice-Chairman"
				   : "in the Chair for this meeting";
	clerk_id who = "";
	if (cand >= 0) {
		char *name = live_person_name(l, l->attendance.v[cand].person_id);
		char *q = xasprintf("Carried: is %s %s, from now?  y: yes; n: "
				    "someone else",
				    name, what);
		free(name);
		bool yes = ui_confirm(app, q);
		free(q);
		if (yes)
			snprintf(who, sizeof who, "%s",
				 l->attendance.v[cand].person_id);
	}
	if (!*who) {
		char *title = xasprintf("Carried: who is %s?", what);
		int i = ui_live_pick_attendee(app, s, title, PICK_ANYONE, false,
					      NULL);
		free(title);
		if (i < 0) {
			ui_app_message(app, UI_ROLE_WARN,
				       "Nobody recorded as elected yet: V "
				       "records who was elected");
			return;
		}
		snprintf(who, sizeof who, "%s", l->attendance.v[i].person_id);
	}
	struct clerk_err err = {0};
	enum clerk_status st =
		office == LIVE_OFFICE_PRESIDE
			? live_presiding(l, who, &err)
			: live_elected(l, who,
				       office == LIVE_OFFICE_CHAIRMAN
					       ? ROLE_CHAIRMAN
					       : ROLE_VICE_CHAIRMAN,
				       &err);
	ui_live_report(app, s, st, &err, NULL);
}

struct move_ctx {
	struct live_screen *s;
	enum resolution_kind kind;
	const char *amends;
	const char *mover, *seconder;
};

static enum clerk_status commit_move(struct app *app, void *ctx,
				     const char *text, struct clerk_err *err)
{
	struct move_ctx *m = ctx;
	m->s->l->hung_up = app->hung_up; /* saved by a hang-up: unfinished */
	return live_move(m->s->l, m->kind, m->amends, "", text, m->mover,
			 m->seconder, NULL, err);
}

/* Who moved and who seconded ("" where not noted); false when the clerk
 * stopped.  Only members present and entitled to vote on the item may
 * move or second; the seconder is someone other than the mover. */
static bool pick_mover_seconder(struct app *app, struct live_screen *s,
				clerk_id mover, clerk_id seconder)
{
	const struct live *l = s->l;
	int mi = ui_live_pick_attendee(app, s, "Moved by", PICK_ENTITLED, true,
				       NULL);
	if (mi == -1)
		return false;
	int si = ui_live_pick_attendee(
		app, s, "Seconded by", PICK_ENTITLED, true,
		mi >= 0 ? l->attendance.v[mi].person_id : NULL);
	if (si == -1)
		return false;
	if (mi >= 0)
		snprintf(mover, sizeof(clerk_id), "%s",
			 l->attendance.v[mi].person_id);
	if (si >= 0)
		snprintf(seconder, sizeof(clerk_id), "%s",
			 l->attendance.v[si].person_id);
	return true;
}

/* "Motion moved: = agrees it, v takes a vote", with the user's keys. */
static void report_moved(struct app *app, struct live_screen *s,
			 enum resolution_kind kind)
{
	char agree[32], vote[32];
	ui_keymap_describe(&app->keymap, UI_ACT_agree, agree, sizeof agree);
	ui_keymap_describe(&app->keymap, UI_ACT_vote, vote, sizeof vote);
	char *msg = xasprintf("%s moved: %s agrees it, %s takes a vote",
			      kind == RES_AMENDMENT ? "Amendment" : "Motion",
			      agree, vote);
	ui_live_report(app, s, CLERK_OK, NULL, msg);
	free(msg);
}

static void act_move(struct app *app, struct live_screen *s,
		     enum resolution_kind kind)
{
	const struct live *l = s->l;
	if (!ui_live_current_item(l)) {
		ui_app_message(app, UI_ROLE_WARN, "Start an item first (n)");
		return;
	}
	if (ui_live_refused_inquorate(app, s))
		return;
	char amends[CLERK_UUID_LEN] = "";
	if (kind == RES_AMENDMENT) {
		const struct resolution *m = last_motion(l);
		if (!m || m->outcome != OUTCOME_PENDING) {
			ui_app_message(app, UI_ROLE_WARN,
				       "No motion pending on this item to amend");
			return;
		}
		snprintf(amends, sizeof amends, "%s", m->id);
	}
	clerk_id mover = "", seconder = "";
	if (!pick_mover_seconder(app, s, mover, seconder))
		return;
	struct move_ctx m = {s, kind, kind == RES_AMENDMENT ? amends : NULL,
			     mover, seconder};
	if (ui_edit(app,
		    kind == RES_AMENDMENT ? "Amendment: the words proposed"
					  : "Motion: That the Board ...",
		    NULL, commit_move, &m))
		report_moved(app, s, kind);
}

static void ask_casting(struct app *app, struct live_screen *s,
			const char *id)
{
	struct ui_pick_item items[] = {{.label = "for"}, {.label = "against"}};
	int c = ui_pick(app, "Equal votes: the chair's casting vote", items, 2,
			0);
	if (c < 0) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Votes equal: the casting vote is still needed (v)");
		return;
	}
	struct clerk_err err = {0};
	enum clerk_status st = live_casting_vote(
		s->l, id, c == 0 ? VOTE_FOR : VOTE_AGAINST, &err);
	ui_live_report(app, s, st, &err, "Casting vote recorded");
	if (st == CLERK_OK)
		ask_elected(app, s, id);
}

static bool tie_pending(const struct live *l, const char *id)
{
	for (size_t i = 0; i < l->resolutions.n; i++) {
		const struct resolution *r = &l->resolutions.v[i];
		if (strcmp(r->id, id) == 0)
			return r->voted && r->outcome == OUTCOME_PENDING &&
			       r->votes_for == r->votes_against;
	}
	return false;
}

/* One member's recorded vote: 1 recorded (or did not vote), 0 when the
 * clerk stopped, -1 when it failed (the clerk told why). */
static int ask_member_vote(struct app *app, struct live *l, const char *id,
			   const char *person)
{
	static const struct ui_pick_item choices[] = {{.label = "for"},
						      {.label = "against"},
						      {.label = "abstain"},
						      {.label = "did not vote"}};
	char *name = live_person_name(l, person);
	char *title = xasprintf("Recorded vote: %s", name);
	free(name);
	int c = ui_pick(app, title, choices, 4, 0);
	free(title);
	if (c < 0) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Recorded vote stopped: the votes so far "
			       "are saved; v continues");
		return 0;
	}
	if (c == 3)
		return 1;
	enum vote_choice v = c == 0   ? VOTE_FOR
			     : c == 1 ? VOTE_AGAINST
				      : VOTE_ABSTAIN;
	struct clerk_err err = {0};
	if (live_vote_member(l, id, person, v, "", &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return -1;
	}
	ui_app_saved(app);
	return 1;
}

/* Each member present and entitled, by name; true when every one was
 * asked.  *excluded: those out of the room (for an interest) passed
 * over. */
static bool ask_each_member(struct app *app, struct live *l, const char *id,
			    int *excluded)
{
	/* the ids first: each vote recorded reloads the attendance */
	size_t np = l->attendance.n;
	clerk_id *people = xcalloc(np + 1, sizeof *people);
	for (size_t i = 0; i < np; i++)
		snprintf(people[i], sizeof people[0], "%s",
			 l->attendance.v[i].person_id);
	bool all = true;
	for (size_t i = 0; i < np && all; i++) {
		const struct live_presence *pr = live_presence_of(l, people[i]);
		if (!pr || !pr->voting)
			continue;
		if (!live_entitled(l, people[i], l->current, NULL, 0))
			*excluded += pr->out || pr->out_interest;
		else
			all = ask_member_vote(app, l, id, people[i]) > 0;
	}
	free(people);
	return all;
}

static void act_recorded_vote(struct app *app, struct live_screen *s,
			      const char *id)
{
	struct live *l = s->l;
	int excluded = 0;
	if (!ask_each_member(app, l, id, &excluded))
		return;
	struct clerk_err err = {0};
	enum clerk_status st = live_vote_close(l, id, &err);
	if (st == CLERK_OK && tie_pending(l, id)) {
		ask_casting(app, s, id);
		return;
	}
	char msg[96];
	snprintf(msg, sizeof msg, "Recorded vote closed%s",
		 excluded ? " (members out of the room did not vote)" : "");
	ui_live_report(app, s, st, &err, msg);
	if (st == CLERK_OK)
		ask_elected(app, s, id);
}

/* On a show of hands, those abstaining may be named, each with a reason
 * ("as they had not been present at that meeting"); Esc leaves the rest
 * unnamed. */
static void name_abstainers(struct app *app, struct live_screen *s,
			    const char *id, int count)
{
	struct live *l = s->l;
	for (int k = 0; k < count; k++) {
		char *title = xasprintf("Abstained (%d of %d; Esc: not named)",
					k + 1, count);
		int who = ui_live_pick_attendee(app, s, title, PICK_ENTITLED,
						false, NULL);
		free(title);
		if (who < 0)
			return;
		clerk_id pid;
		snprintf(pid, sizeof pid, "%s", l->attendance.v[who].person_id);
		char *reason = ui_prompt(app, "Why they abstained (may be "
					      "empty)",
					 NULL);
		if (!reason)
			return;
		struct clerk_err err = {0};
		enum clerk_status st =
			live_vote_abstainer(l, id, pid, reason, &err);
		free(reason);
		if (st != CLERK_OK) {
			ui_app_error(app, &err);
			return;
		}
		ui_app_saved(app);
	}
}

/* A show of hands: the counts for, against and abstaining, each checked
 * as it is typed against the members present and entitled to vote on
 * the item; false when the clerk stopped. */
static bool count_hands(struct app *app, const struct live *l, int *f,
			int *a, int *ab)
{
	int entitled = 0;
	for (size_t i = 0; i < l->attendance.n; i++)
		entitled += live_entitled(l, l->attendance.v[i].person_id,
					  l->current, NULL, 0);
	const char *more = "more members present are entitled to vote";
	*f = ui_live_prompt_count(app, "Votes for", entitled,
				  "members present are entitled to vote");
	if (*f < 0)
		return false;
	*a = ui_live_prompt_count(app, "Votes against", entitled - *f, more);
	if (*a < 0)
		return false;
	*ab = ui_live_prompt_count(app, "Abstentions", entitled - *f - *a, more);
	return *ab >= 0;
}

static void act_show_of_hands(struct app *app, struct live_screen *s,
			      const char *id)
{
	struct live *l = s->l;
	int f, a, ab;
	if (!count_hands(app, l, &f, &a, &ab))
		return;
	struct clerk_err err = {0};
	enum clerk_status st = live_vote_counts(l, id, f, a, ab, &err);
	if (st == CLERK_OK)
		name_abstainers(app, s, id, ab);
	if (st == CLERK_OK && tie_pending(l, id)) {
		ui_app_saved(app);
		ask_casting(app, s, id);
		return;
	}
	ui_live_report(app, s, st, &err, "Vote recorded");
	if (st == CLERK_OK)
		ask_elected(app, s, id);
}

/* v: a vote on the pending motion or amendment; on equal votes already
 * counted, the chair's casting vote. */
void live_do_vote(struct app *app, struct live_screen *s)
{
	const struct resolution *r = pending_resolution(s->l);
	if (!r) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Nothing to vote on: move a motion first (r)");
		return;
	}
	if (ui_live_refused_inquorate(app, s))
		return;
	char id[CLERK_UUID_LEN];
	snprintf(id, sizeof id, "%s", r->id);
	if (tie_pending(s->l, id)) {
		ask_casting(app, s, id);
		return;
	}
	struct ui_pick_item how[] = {{.label = "by show of hands (counts)"},
				     {.label = "recorded vote (by name)"}};
	char *title = xasprintf("Vote on the %s",
				r->kind == RES_AMENDMENT ? "amendment" : "motion");
	int c = ui_pick(app, title, how, 2, 0);
	free(title);
	if (c == 0)
		act_show_of_hands(app, s, id);
	else if (c == 1)
		act_recorded_vote(app, s, id);
}

void live_do_resolve(struct app *app, struct live_screen *s)
{
	act_move(app, s, RES_MOTION);
}

void live_do_amend(struct app *app, struct live_screen *s)
{
	act_move(app, s, RES_AMENDMENT);
}

void live_do_agree(struct app *app, struct live_screen *s)
{
	const struct resolution *r = pending_resolution(s->l);
	if (!r) {
		ui_app_message(app, UI_ROLE_WARN, "No motion pending");
		return;
	}
	if (ui_live_refused_inquorate(app, s))
		return;
	char id[CLERK_UUID_LEN];
	snprintf(id, sizeof id, "%s", r->id);
	struct clerk_err err = {0};
	enum clerk_status st = live_agree(s->l, id, &err);
	ui_live_report(app, s, st, &err, "Agreed");
	if (st == CLERK_OK)
		ask_elected(app, s, id);
}

void live_do_withdraw(struct app *app, struct live_screen *s)
{
	const struct resolution *r = pending_resolution(s->l);
	if (!r) {
		ui_app_message(app, UI_ROLE_WARN, "No motion pending");
		return;
	}
	char id[CLERK_UUID_LEN];
	snprintf(id, sizeof id, "%s", r->id);
	struct clerk_err err = {0};
	if (ui_confirm(app, "Withdraw the pending motion?"))
		ui_live_report(app, s, live_withdraw(s->l, id, &err), &err,
			       "Withdrawn");
}
