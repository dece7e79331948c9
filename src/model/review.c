/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/review: what the room missed, put right before confirmation under
 * the room's own rules (clerk/review.h).  Each function reads what it
 * needs of the meeting, refuses with a sentence naming the rule, and
 * writes through the model's writers (which refuse confirmed minutes and
 * whose rows the audit triggers record), several writes in one
 * transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/db.h"
#include "clerk/record.h"
#include "clerk/review.h"

/* What the rules look at: the meeting, its body, agenda, attendance,
 * declarations and seats as on its date. */
struct rv {
	struct meeting m;
	struct body b;
	struct item_list items;
	struct attendance_list att;
	struct declaration_list decl;
	struct seat_info_list seats;
};

static void rv_free(struct rv *r)
{
	meeting_free(&r->m);
	body_free(&r->b);
	item_list_free(&r->items);
	attendance_list_free(&r->att);
	declaration_list_free(&r->decl);
	seat_info_list_free(&r->seats);
}

static enum clerk_status rv_load(struct db *db, const char *meeting_id,
				 struct rv *r, struct clerk_err *err)
{
	memset(r, 0, sizeof *r);
	enum clerk_status rc;
	if ((rc = meeting_get(db, meeting_id, &r->m, err)) ||
	    (rc = body_get(db, r->m.body_id, &r->b, err)) ||
	    (rc = item_list(db, meeting_id, &r->items, err)) ||
	    (rc = attendance_list(db, meeting_id, &r->att, err)) ||
	    (rc = declaration_list(db, meeting_id, &r->decl, err)))
		return rc;
	char day[16];
	time_format_local(r->m.starts_at, r->b.tz, "%Y-%m-%d", day, sizeof day);
	return seat_info_list(db, r->m.body_id, day, &r->seats, err);
}

static int rv_item_pos(const struct rv *r, const char *item_id)
{
	for (size_t i = 0; item_id && *item_id && i < r->items.n; i++)
		if (!strcmp(r->items.v[i].id, item_id))
			return (int)i;
	return -1;
}

static const struct attendance *rv_att(const struct rv *r, const char *pid)
{
	for (size_t i = 0; pid && *pid && i < r->att.n; i++)
		if (!strcmp(r->att.v[i].person_id, pid))
			return &r->att.v[i];
	return NULL;
}

static const struct seat_info *rv_seat(const struct rv *r, const char *seat_id)
{
	for (size_t i = 0; seat_id && *seat_id && i < r->seats.n; i++)
		if (!strcmp(r->seats.v[i].seat.id, seat_id))
			return &r->seats.v[i];
	return NULL;
}

/* The seat person_id holds in their own right that day, or NULL. */
static const struct seat_info *rv_seat_of_member(const struct rv *r,
						 const char *pid)
{
	for (size_t i = 0; i < r->seats.n; i++)
		if (r->seats.v[i].filled &&
		    !strcmp(r->seats.v[i].member.id, pid))
			return &r->seats.v[i];
	return NULL;
}

static char *rv_name(struct db *db, const char *pid)
{
	struct person p = {0};
	struct clerk_err e = {0};
	char *n = pid && *pid && person_get(db, pid, &p, &e) == CLERK_OK
			  ? person_display_name(&p)
			  : xstrdup("unknown person");
	person_free(&p);
	return n;
}

/* NULL when entitled, else why not (static text). */
static const char *rv_not_entitled(const struct rv *r, const char *item_id,
				   const char *pid)
{
	const struct attendance *a = rv_att(r, pid);
	if (!a || (a->status != ATT_PRESENT && a->status != ATT_SUBSTITUTE))
		return "was not recorded present as a member or substitute";
	const struct seat_info *s = rv_seat(r, a->seat_id);
	if (!s) /* rows written without their seat: the one held that day */
		s = rv_seat_of_member(r, a->status == ATT_SUBSTITUTE
						 ? a->substitute_for
						 : pid);
	if (!s)
		return "did not hold a seat on the body";
	if (!s->seat.voting)
		return "did not hold a voting seat";
	int at = rv_item_pos(r, item_id);
	int came = rv_item_pos(r, a->arrived_item);
	int went = rv_item_pos(r, a->left_item);
	if (at >= 0 && came > at)
		return "arrived after this item";
	if (at >= 0 && went >= 0 && went < at)
		return "had left the meeting before this item";
	for (size_t i = 0; i < r->decl.n; i++) {
		const struct declaration *d = &r->decl.v[i];
		if (d->kind == INTEREST_PECUNIARY && !d->dispensation &&
		    !strcmp(d->person_id, pid) && !strcmp(d->item_id, item_id))
			return "had a pecuniary interest in this item without "
			       "dispensation, left the room and could not vote";
	}
	return NULL;
}

bool review_entitled(struct db *db, const char *meeting_id,
		     const char *item_id, const char *person_id, char *why,
		     size_t whylen)
{
	struct rv r;
	struct clerk_err err = {0};
	const char *no = "could not be checked";
	if (rv_load(db, meeting_id, &r, &err) == CLERK_OK)
		no = rv_not_entitled(&r, item_id, person_id);
	rv_free(&r);
	if (no && why) {
		char *n = rv_name(db, person_id);
		snprintf(why, whylen, "%s %s", n, no);
		free(n);
	}
	return !no;
}

static int rv_count(const struct rv *r, const char *item_id)
{
	int n = 0;
	for (size_t i = 0; i < r->att.n; i++)
		n += !rv_not_entitled(r, item_id, r->att.v[i].person_id);
	return n;
}

int review_entitled_count(struct db *db, const char *meeting_id,
			  const char *item_id)
{
	struct rv r;
	struct clerk_err err = {0};
	int n = rv_load(db, meeting_id, &r, &err) == CLERK_OK
			? rv_count(&r, item_id)
			: 0;
	rv_free(&r);
	return n;
}

/* The item must be one of the meeting's. */
static enum clerk_status rv_need_item(const struct rv *r, const char *item_id,
				      struct clerk_err *err)
{
	if (rv_item_pos(r, item_id) < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "Choose an item of this meeting's agenda");
	return CLERK_OK;
}

enum clerk_status review_declare(struct db *db, struct declaration *d,
				 struct clerk_err *err)
{
	struct rv r;
	enum clerk_status rc = rv_load(db, d->meeting_id, &r, err);
	if (!rc)
		rc = rv_need_item(&r, d->item_id, err);
	const struct attendance *a = rc ? NULL : rv_att(&r, d->person_id);
	if (!rc && (!a || (a->status != ATT_PRESENT &&
			   a->status != ATT_SUBSTITUTE))) {
		char *n = rv_name(db, d->person_id);
		rc = clerk_fail(err, CLERK_INVALID,
				"%s was not recorded present: only a member "
				"present declares an interest. Correct the "
				"attendance first",
				n);
		free(n);
	}
	if (!rc && (!d->what || !*d->what) && !d->sensitive)
		rc = clerk_fail(err, CLERK_INVALID,
				"Say what the interest is (for a sensitive "
				"interest only its existence is minuted)");
	if (!rc) {
		/* The code of conduct: out of the room for the item. */
		if (d->kind == INTEREST_PECUNIARY && !d->dispensation)
			d->left_room = true;
		rc = declaration_create(db, d, err);
	}
	rv_free(&r);
	return rc;
}

enum clerk_status review_add_text(struct db *db, struct minute_text *t,
				  struct clerk_err *err)
{
	struct rv r;
	enum clerk_status rc = rv_load(db, t->meeting_id, &r, err);
	if (!rc)
		rc = rv_need_item(&r, t->item_id, err);
	if (!rc && (!t->body || !*t->body))
		rc = clerk_fail(err, CLERK_INVALID,
				"The paragraph is empty: type what the minutes "
				"say");
	if (!rc && t->section == SECTION_EXEMPT &&
	    !r.items.v[rv_item_pos(&r, t->item_id)].exempt)
		rc = clerk_fail(err, CLERK_INVALID,
				"A confidential minute belongs to an exempt "
				"item only: this item was taken in public");
	if (!rc)
		rc = minute_text_create(db, t, err);
	rv_free(&r);
	return rc;
}

/* The nominated substitute entry of seat for pid, or NULL. */
static const struct seat_substitute *rv_nominated(const struct seat_info *s,
						  const char *pid)
{
	for (size_t i = 0; s && i < s->nsubs; i++)
		if (!strcmp(s->subs[i].person.id, pid))
			return &s->subs[i];
	return NULL;
}

static enum clerk_status rv_sub_check(struct db *db, const struct rv *r,
				      const char *member_id,
				      const char *sub_id,
				      const struct seat_info *seat,
				      struct clerk_err *err)
{
	char *mname = rv_name(db, member_id), *sname = rv_name(db, sub_id);
	const struct attendance *ma = rv_att(r, member_id);
	const struct attendance *sa = rv_att(r, sub_id);
	enum clerk_status rc = CLERK_OK;
	if (!r->b.substitutes_allowed)
		rc = clerk_fail(err, CLERK_INVALID,
				"The %s allows no substitutes: %s cannot have "
				"attended in place of %s",
				r->b.name, sname, mname);
	else if (!strcmp(member_id, sub_id))
		rc = clerk_fail(err, CLERK_INVALID,
				"%s cannot substitute for themselves", mname);
	else if (!seat)
		rc = clerk_fail(err, CLERK_INVALID,
				"%s did not hold a seat on the %s that day: "
				"only a member can be substituted",
				mname, r->b.name);
	else if (ma && ma->status == ATT_PRESENT)
		rc = clerk_fail(err, CLERK_CONFLICT,
				"%s is recorded present: a seat counts once. "
				"Correct their attendance to an apology first",
				mname);
	else if (rv_seat_of_member(r, sub_id))
		rc = clerk_fail(err, CLERK_INVALID,
				"%s is a member of the %s in their own right "
				"and cannot substitute for %s",
				sname, r->b.name, mname);
	else if (sa && sa->status == ATT_SUBSTITUTE)
		rc = clerk_fail(err, CLERK_INVALID,
				"%s is already recorded as a substitute", sname);
	for (size_t i = 0; !rc && i < r->att.n; i++) {
		const struct attendance *a = &r->att.v[i];
		if (a->status == ATT_SUBSTITUTE &&
		    !strcmp(a->substitute_for, member_id)) {
			char *other = rv_name(db, a->person_id);
			rc = clerk_fail(err, CLERK_INVALID,
					"%s is already recorded as substituting "
					"for %s",
					other, mname);
			free(other);
		}
	}
	free(mname);
	free(sname);
	return rc;
}

enum clerk_status review_substitute(struct db *db, const char *meeting_id,
				    const char *member_id, const char *sub_id,
				    char *notice, size_t len,
				    struct clerk_err *err)
{
	if (notice && len)
		notice[0] = '\0';
	struct rv r;
	enum clerk_status rc = rv_load(db, meeting_id, &r, err);
	const struct seat_info *seat =
		rc ? NULL : rv_seat_of_member(&r, member_id);
	if (!rc)
		rc = rv_sub_check(db, &r, member_id, sub_id, seat, err);
	if (rc) {
		rv_free(&r);
		return rc;
	}
	const struct seat_substitute *nom = rv_nominated(seat, sub_id);
	char *sname = rv_name(db, sub_id), *mname = rv_name(db, member_id);
	if (!nom && notice && len)
		snprintf(notice, len,
			 "Warning: %s is not a nominated substitute for %s.",
			 sname, mname);
	const struct attendance *sa = rv_att(&r, sub_id);
	const struct attendance *ma = rv_att(&r, member_id);
	char *empty = xstrdup("");
	char *cap = xstrdup(nom && nom->capacity ? nom->capacity
			    : sa && sa->capacity ? sa->capacity
						 : "");
	char *snote = xasprintf("%s attended as substitute", sname);
	struct attendance s = {0}, m = {0};
	if (sa)
		s = *sa; /* borrows its strings */
	snprintf(s.meeting_id, sizeof s.meeting_id, "%s", meeting_id);
	snprintf(s.person_id, sizeof s.person_id, "%s", sub_id);
	snprintf(s.seat_id, sizeof s.seat_id, "%s", seat->seat.id);
	snprintf(s.substitute_for, sizeof s.substitute_for, "%s", member_id);
	s.status = ATT_SUBSTITUTE;
	s.capacity = cap;
	if (!sa)
		s.note = s.substitute_note = empty;
	if (ma) {
		m = *ma;
	} else {
		snprintf(m.meeting_id, sizeof m.meeting_id, "%s", meeting_id);
		snprintf(m.person_id, sizeof m.person_id, "%s", member_id);
		snprintf(m.seat_id, sizeof m.seat_id, "%s", seat->seat.id);
		m.capacity = m.note = empty;
	}
	if (m.status != ATT_APOLOGY)
		m.status = ATT_APOLOGY;
	m.substitute_note = snote;
	if (!(rc = db_begin(db, err))) {
		if ((rc = attendance_set(db, &s, err)) ||
		    (rc = attendance_set(db, &m, err)))
			db_rollback(db);
		else
			rc = db_commit(db, err);
	}
	free(empty);
	free(cap);
	free(snote);
	free(sname);
	free(mname);
	rv_free(&r);
	return rc;
}

enum clerk_status review_substitute_remove(struct db *db,
					   const char *meeting_id,
					   const char *sub_id,
					   struct clerk_err *err)
{
	struct rv r;
	enum clerk_status rc = rv_load(db, meeting_id, &r, err);
	const struct attendance *sa = rc ? NULL : rv_att(&r, sub_id);
	if (!rc && (!sa || sa->status != ATT_SUBSTITUTE)) {
		char *n = rv_name(db, sub_id);
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"%s is not recorded as a substitute at this "
				"meeting",
				n);
		free(n);
	}
	if (rc) {
		rv_free(&r);
		return rc;
	}
	const struct attendance *ma = rv_att(&r, sa->substitute_for);
	char *empty = xstrdup("");
	if (!(rc = db_begin(db, err))) {
		rc = attendance_delete(db, sa->id, err);
		if (!rc && ma) {
			struct attendance m = *ma;
			m.substitute_note = empty;
			rc = attendance_set(db, &m, err);
		}
		if (rc)
			db_rollback(db);
		else
			rc = db_commit(db, err);
	}
	free(empty);
	rv_free(&r);
	return rc;
}

enum clerk_status review_attendance(struct db *db, struct attendance *a,
				    struct clerk_err *err)
{
	struct rv r;
	enum clerk_status rc = rv_load(db, a->meeting_id, &r, err);
	for (size_t i = 0; !rc && a->status == ATT_PRESENT && i < r.att.n; i++) {
		const struct attendance *o = &r.att.v[i];
		if (o->status != ATT_SUBSTITUTE ||
		    strcmp(o->substitute_for, a->person_id) != 0)
			continue;
		char *mname = rv_name(db, a->person_id);
		char *sname = rv_name(db, o->person_id);
		rc = clerk_fail(err, CLERK_CONFLICT,
				"%s sat as substitute for %s, and a seat "
				"counts once: withdraw the substitute's "
				"attendance first",
				sname, mname);
		free(mname);
		free(sname);
	}
	if (!rc)
		rc = attendance_set(db, a, err);
	rv_free(&r);
	return rc;
}

enum clerk_status review_add_resolution(struct db *db, struct resolution *res,
				       struct clerk_err *err)
{
	struct rv r;
	enum clerk_status rc = rv_load(db, res->meeting_id, &r, err);
	if (!rc)
		rc = rv_need_item(&r, res->item_id, err);
	if (!rc && (!res->body || !*res->body))
		rc = clerk_fail(err, CLERK_INVALID,
				"The words of the resolution are empty: type "
				"what the meeting resolved");
	if (!rc && res->outcome != OUTCOME_CARRIED &&
	    res->outcome != OUTCOME_LOST)
		rc = clerk_fail(err, CLERK_INVALID,
				"A resolution added in review was agreed or "
				"lost: a motion withdrawn or still pending is "
				"not a decision of the meeting");
	if (!rc) {
		/* A decision of the meeting, added after it: a motion,
		 * agreed without a count (votes, mover and seconder are
		 * corrected apart, under their own rules), after the item's
		 * other resolutions. */
		struct resolution_list rl = {0};
		rc = resolution_list(db, res->meeting_id, res->item_id, &rl,
				     err);
		res->position = (int)rl.n + 1;
		resolution_list_free(&rl);
		res->kind = RES_MOTION;
		res->voted = false;
		res->recorded = false;
		res->has_casting = false;
		res->amends[0] = '\0';
		res->mover[0] = res->seconder[0] = '\0';
	}
	if (!rc)
		rc = resolution_create(db, res, err);
	rv_free(&r);
	return rc;
}

/* Resolution `id` of meeting_id, with the meeting loaded; *out owned by
 * the caller. */
static enum clerk_status rv_resolution(struct db *db, const char *meeting_id,
				       const char *id, struct rv *r,
				       struct resolution *out,
				       struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	enum clerk_status rc = rv_load(db, meeting_id, r, err);
	if (rc)
		return rc;
	struct resolution_list rl = {0};
	if ((rc = resolution_list(db, meeting_id, NULL, &rl, err)))
		return rc;
	rc = CLERK_NOT_FOUND;
	for (size_t j = 0; j < rl.n && rc; j++)
		if (!strcmp(rl.v[j].id, id)) {
			*out = rl.v[j];
			memset(&rl.v[j], 0, sizeof rl.v[j]);
			rc = CLERK_OK;
		}
	resolution_list_free(&rl);
	if (rc)
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "no such resolution at this meeting");
	return CLERK_OK;
}

enum clerk_status review_proposers(struct db *db, const char *meeting_id,
				   const char *resolution_id,
				   const char *mover, const char *seconder,
				   struct clerk_err *err)
{
	struct rv r;
	struct resolution res;
	enum clerk_status rc = rv_resolution(db, meeting_id, resolution_id, &r, &res, err);
	bool hm = mover && *mover, hs = seconder && *seconder;
	const char *no;
	if (!rc && hm && (no = rv_not_entitled(&r, res.item_id, mover))) {
		char *n = rv_name(db, mover);
		rc = clerk_fail(err, CLERK_INVALID,
				"%s %s: they cannot have moved the motion", n, no);
		free(n);
	}
	if (!rc && hs && (no = rv_not_entitled(&r, res.item_id, seconder))) {
		char *n = rv_name(db, seconder);
		rc = clerk_fail(err, CLERK_INVALID,
				"%s %s: they cannot have seconded the motion", n,
				no);
		free(n);
	}
	if (!rc && hm && hs && !strcmp(mover, seconder))
		rc = clerk_fail(err, CLERK_INVALID,
				"The seconder must be a different member from "
				"the mover");
	if (!rc) {
		snprintf(res.mover, sizeof res.mover, "%s", hm ? mover : "");
		snprintf(res.seconder, sizeof res.seconder, "%s",
			 hs ? seconder : "");
		rc = resolution_update(db, &res, err);
	}
	resolution_free(&res);
	rv_free(&r);
	return rc;
}

enum clerk_status review_votes(struct db *db, const char *meeting_id,
			       const char *resolution_id,
			       int votes_for, int votes_against, int abstain,
			       struct clerk_err *err)
{
	struct rv r;
	struct resolution res;
	enum clerk_status rc = rv_resolution(db, meeting_id, resolution_id, &r, &res, err);
	int total = votes_for + votes_against + abstain;
	int entitled = rc ? 0 : rv_count(&r, res.item_id);
	if (rc) {
		/* nothing more */
	} else if (votes_for < 0 || votes_against < 0 || abstain < 0) {
		rc = clerk_fail(err, CLERK_INVALID,
				"Votes are counted from nought: a count cannot "
				"be negative");
	} else if (res.outcome == OUTCOME_WITHDRAWN) {
		rc = clerk_fail(err, CLERK_INVALID,
				"That motion was withdrawn and never put to the "
				"vote");
	} else if (res.recorded) {
		rc = clerk_fail(err, CLERK_INVALID,
				"That was a recorded vote: its counts are the "
				"named votes of each member");
	} else if (total > entitled) {
		rc = clerk_fail(err, CLERK_INVALID,
				"%d votes counted but only %d member%s present "
				"and entitled to vote on the item",
				total, entitled, entitled == 1 ? " was" : "s were");
	} else if (votes_for == votes_against && !res.has_casting) {
		rc = clerk_fail(err, CLERK_INVALID,
				"The votes are equal and no casting vote of the "
				"chair is recorded (Local Government Act 1972 "
				"Sch. 12 para 39): the outcome cannot follow");
	}
	if (!rc) {
		res.voted = true;
		res.votes_for = votes_for;
		res.votes_against = votes_against;
		res.votes_abstain = abstain;
		if (votes_for != votes_against)
			res.has_casting = false;
		res.outcome = votes_for > votes_against ? OUTCOME_CARRIED
			      : votes_for < votes_against ? OUTCOME_LOST
			      : res.casting == VOTE_FOR    ? OUTCOME_CARRIED
							   : OUTCOME_LOST;
		rc = resolution_update(db, &res, err);
	}
	resolution_free(&res);
	rv_free(&r);
	return rc;
}

/* ------------------------------------------ words saved unfinished */

enum clerk_status review_unfinished_motions(struct db *db,
					    const char *meeting_id,
					    clerk_id **ids, size_t *n,
					    struct clerk_err *err)
{
	*ids = NULL;
	*n = 0;
	struct event_list ev = {0};
	struct resolution_list rl = {0};
	enum clerk_status rc;
	if (!(rc = event_list(db, meeting_id, &ev, err)) &&
	    !(rc = resolution_list(db, meeting_id, NULL, &rl, err)))
		for (size_t i = 0; i < rl.n; i++) {
			if (!record_resolution_unfinished(&ev, rl.v[i].id))
				continue;
			*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
			snprintf((*ids)[(*n)++], sizeof **ids, "%s",
				 rl.v[i].id);
		}
	event_list_free(&ev);
	resolution_list_free(&rl);
	return rc;
}

enum clerk_status review_motion_mark(struct db *db, const char *meeting_id,
				     const char *resolution_id,
				     bool unfinished, struct clerk_err *err)
{
	struct rv m;
	struct resolution r = {0};
	struct event_list ev = {0};
	enum clerk_status rc = rv_resolution(db, meeting_id, resolution_id, &m,
					     &r, err);
	rv_free(&m);
	if (!rc)
		rc = event_list(db, meeting_id, &ev, err);
	bool was = !rc && record_resolution_unfinished(&ev, resolution_id);
	if (!rc && !unfinished && !was)
		rc = clerk_fail(err, CLERK_INVALID,
				"Those words were finished: there is nothing "
				"to accept");
	if (!rc && was != unfinished) {
		/* The log says it, as the console does (clerk/record.h). */
		char detail[96];
		snprintf(detail, sizeof detail, "%s %s",
			 unfinished ? RECORD_MOTION_UNFINISHED
				    : RECORD_MOTION_ACCEPTED,
			 resolution_id);
		rc = event_append(db, meeting_id, EVENT_NOTE, r.item_id, NULL,
				  detail, NULL, err);
	}
	event_list_free(&ev);
	resolution_free(&r);
	return rc;
}
