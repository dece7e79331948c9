/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live attendance: who is at the meeting and who is in the room.
 *
 * The attendance row of each person holds their status (present, apology,
 * substitute, ...) and their late arrival or early departure; the event
 * log says when they came and went (ARRIVED, LEFT, RETURNED), so that the
 * room, and with it the quorum, can be derived at any moment.  Substitutes
 * follow the body's standing orders: none where the body allows none, and
 * a warning (not a refusal) when the one chosen is not the nominated one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "live_int.h"

/* The attendance row of person, or a refusal naming them. */
static enum clerk_status live_att_row(const struct live *l,
				      const char *person_id,
				      const struct attendance **out,
				      struct clerk_err *err)
{
	*out = live_attendance_of(l, person_id);
	if (*out)
		return CLERK_OK;
	char *name = live_person_name(l, person_id);
	clerk_fail(err, CLERK_NOT_FOUND,
		   "%s is not on the attendance list of this meeting: add them "
		   "as a substitute or as also in attendance",
		   name);
	free(name);
	return CLERK_NOT_FOUND;
}

/* Write a copy of row with a new status, note (NULL: keep) and the
 * departure cleared when clear_left; then an ATTENDANCE event. */
static enum clerk_status live_att_write(struct live *l,
					const struct attendance *row,
					enum attendance_status status,
					const char *note, bool clear_left,
					struct clerk_err *err)
{
	struct attendance a = *row; /* borrows row's strings */
	char *n = note ? xstrdup(note) : NULL;
	a.status = status;
	if (n)
		a.note = n;
	if (clear_left) {
		a.left_at = 0;
		a.left_item[0] = '\0';
	}
	enum clerk_status rc = live_att_set(l, &a, err);
	free(n);
	if (!rc)
		rc = live_event(l, EVENT_ATTENDANCE, row->person_id,
				attendance_status_text(status), err);
	return rc;
}

/* The substitute sitting in member's seat (status substitute), or NULL. */
static const struct attendance *live_sitting_sub(const struct live *l,
						 const char *member_id)
{
	for (size_t i = 0; i < l->attendance.n; i++) {
		const struct attendance *a = &l->attendance.v[i];
		if (a->status == ATT_SUBSTITUTE &&
		    !strcmp(a->substitute_for, member_id))
			return a;
	}
	return NULL;
}

/* A seat counts once: refuse to mark a member present (or arrived) while
 * their substitute sits, and a substitute back in the seat while the
 * member is present. */
static enum clerk_status live_one_voter(const struct live *l,
					const struct attendance *row,
					struct clerk_err *err)
{
	const struct attendance *other = NULL;
	if (row->substitute_for[0]) {
		other = live_attendance_of(l, row->substitute_for);
		if (!other || other->status != ATT_PRESENT)
			return CLERK_OK;
	} else if (!(other = live_sitting_sub(l, row->person_id))) {
		return CLERK_OK;
	}
	const char *sub_id = row->substitute_for[0] ? row->person_id
						    : other->person_id;
	const char *mem_id = row->substitute_for[0] ? row->substitute_for
						    : row->person_id;
	char *sub = live_person_name(l, sub_id);
	char *mem = live_person_name(l, mem_id);
	clerk_fail(err, CLERK_CONFLICT,
		   row->substitute_for[0]
			   ? "%s is marked present: a seat counts once, so %s "
			     "cannot sit as substitute for %s"
			   : "%s sits as substitute for %s: a seat counts once. "
			     "Say which of the two holds the seat",
		   row->substitute_for[0] ? mem : sub,
		   row->substitute_for[0] ? sub : mem, mem);
	free(sub);
	free(mem);
	return CLERK_CONFLICT;
}

/* Common head of the attendance actions. */
static enum clerk_status live_att_begin(struct live *l, const char *person_id,
					const struct attendance **row,
					struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, false, err);
	if (rc)
		return rc;
	return live_att_row(l, person_id, row, err);
}

enum clerk_status live_att_present(struct live *l, const char *person_id,
				   struct clerk_err *err)
{
	const struct attendance *row;
	enum clerk_status rc = live_att_begin(l, person_id, &row, err);
	if (rc)
		return rc;
	enum attendance_status st = row->status;
	if (row->substitute_for[0]) /* a substitute who had sent apologies */
		st = ATT_SUBSTITUTE;
	else if (st != ATT_IN_ATTENDANCE)
		st = ATT_PRESENT;
	if ((rc = live_one_voter(l, row, err)) || (rc = live_tx(l, err)))
		return rc;
	return live_act_done(l, live_att_write(l, row, st, NULL, true, err),
			    err);
}

/* Apology or absence: only for members (not substitutes or others). */
static enum clerk_status live_att_away(struct live *l, const char *person_id,
				       enum attendance_status st,
				       const char *reason,
				       struct clerk_err *err)
{
	const struct attendance *row;
	enum clerk_status rc = live_att_begin(l, person_id, &row, err);
	if (rc)
		return rc;
	if (row->substitute_for[0] && st == ATT_APOLOGY) {
		/* "Her substitute ... also sent apologies": the substitute's
		 * row keeps the seat it was for, and no longer counts. */
		if ((rc = live_tx(l, err)))
			return rc;
		return live_act_done(l,
				    live_att_write(l, row, ATT_APOLOGY,
						   reason ? reason : "", false,
						   err),
				    err);
	}
	if (row->status == ATT_IN_ATTENDANCE || row->status == ATT_SUBSTITUTE) {
		char *name = live_person_name(l, person_id);
		clerk_fail(err, CLERK_INVALID,
			   "%s is not a member of the %s at this meeting: an "
			   "apology or absence is recorded for members only",
			   name, l->body.name);
		free(name);
		return CLERK_INVALID;
	}
	if ((rc = live_tx(l, err)))
		return rc;
	return live_act_done(l,
			    live_att_write(l, row, st, reason ? reason : "",
					   false, err),
			    err);
}

enum clerk_status live_att_apology(struct live *l, const char *person_id,
				   const char *reason, struct clerk_err *err)
{
	return live_att_away(l, person_id, ATT_APOLOGY, reason, err);
}

enum clerk_status live_att_absent(struct live *l, const char *person_id,
				  const char *reason, struct clerk_err *err)
{
	return live_att_away(l, person_id, ATT_ABSENT, reason, err);
}

/* The nominated substitute entry of seat for person, or NULL. */
static const struct seat_substitute *
live_nominated(const struct seat_info *s, const char *person_id)
{
	for (size_t i = 0; s && i < s->nsubs; i++)
		if (!strcmp(s->subs[i].person.id, person_id))
			return &s->subs[i];
	return NULL;
}

/* The names of a seat's nominated substitutes, for a sentence. */
static char *live_nominated_names(const struct seat_info *s)
{
	struct strbuf sb = { 0 };
	for (size_t i = 0; s && i < s->nsubs; i++) {
		char *n = person_display_name(&s->subs[i].person);
		sb_add(&sb, i ? (i + 1 == s->nsubs ? " or " : ", ") : "");
		sb_add(&sb, n);
		free(n);
	}
	return sb_detach(&sb);
}

/* Refusals of a substitution; CLERK_OK when it may go ahead. */
static enum clerk_status live_sub_check(struct live *l, const char *mname,
					const char *sname,
					const struct attendance *member,
					const char *sub_id,
					struct clerk_err *err)
{
	if (!l->body.substitutes_allowed)
		return clerk_fail(err, CLERK_INVALID,
				  "The %s allows no substitutes: %s cannot "
				  "attend in place of %s",
				  l->body.name, sname, mname);
	if (!member->seat_id[0] || member->status == ATT_SUBSTITUTE ||
	    member->status == ATT_IN_ATTENDANCE)
		return clerk_fail(err, CLERK_INVALID,
				  "%s does not hold a seat on the %s: only a "
				  "member can be substituted",
				  mname, l->body.name);
	if (!strcmp(member->person_id, sub_id))
		return clerk_fail(err, CLERK_INVALID,
				  "%s cannot substitute for themselves", mname);
	const struct attendance *srow = live_attendance_of(l, sub_id);
	if (srow && srow->seat_id[0] && srow->status != ATT_SUBSTITUTE)
		return clerk_fail(err, CLERK_INVALID,
				  "%s is a member of the %s in their own right "
				  "and cannot substitute for %s",
				  sname, l->body.name, mname);
	if (srow && srow->status == ATT_SUBSTITUTE &&
	    strcmp(srow->substitute_for, member->person_id))
		return clerk_fail(err, CLERK_INVALID,
				  "%s is already substituting for another member",
				  sname);
	for (size_t i = 0; i < l->attendance.n; i++) {
		const struct attendance *a = &l->attendance.v[i];
		if (a->status == ATT_SUBSTITUTE &&
		    !strcmp(a->substitute_for, member->person_id) &&
		    strcmp(a->person_id, sub_id)) {
			char *other = live_person_name(l, a->person_id);
			clerk_fail(err, CLERK_INVALID,
				   "%s is already substituting for %s", other,
				   mname);
			free(other);
			return CLERK_INVALID;
		}
	}
	return CLERK_OK;
}

/* Write the substitute's row and mark the member's apology. */
static enum clerk_status live_sub_write(struct live *l,
					const struct attendance *member,
					const char *sub_id,
					const struct seat_substitute *nom,
					const char *sname,
					struct clerk_err *err)
{
	const struct attendance *srow = live_attendance_of(l, sub_id);
	struct attendance a = { 0 };
	if (srow)
		a = *srow; /* borrows its strings */
	char *cap = xstrdup(nom && nom->capacity ? nom->capacity
			    : srow          ? srow->capacity
					    : "");
	char *empty = xstrdup("");
	snprintf(a.meeting_id, sizeof a.meeting_id, "%s", l->meeting.id);
	snprintf(a.person_id, sizeof a.person_id, "%s", sub_id);
	snprintf(a.seat_id, sizeof a.seat_id, "%s", member->seat_id);
	snprintf(a.substitute_for, sizeof a.substitute_for, "%s",
		 member->person_id);
	a.status = ATT_SUBSTITUTE;
	a.capacity = cap;
	if (!srow)
		a.note = a.substitute_note = empty;
	enum clerk_status rc = live_att_set(l, &a, err);
	free(cap);
	free(empty);
	if (!rc)
		rc = live_event(l, EVENT_ATTENDANCE, sub_id, "substitute", err);
	if (rc)
		return rc;
	struct attendance m = *member;
	char *snote = xasprintf("%s attended as substitute", sname);
	m.substitute_note = snote;
	bool was_present = m.status == ATT_PRESENT;
	if (m.status == ATT_EXPECTED || m.status == ATT_ABSENT || was_present)
		m.status = ATT_APOLOGY;
	if (was_present) { /* the apology asked for when they were present */
		m.left_at = 0;
		m.left_item[0] = '\0';
		m.arrived_at = 0;
		m.arrived_item[0] = '\0';
	}
	rc = live_att_set(l, &m, err);
	if (!rc && was_present)
		rc = live_event(l, EVENT_ATTENDANCE, member->person_id,
				attendance_status_text(ATT_APOLOGY), err);
	free(snote);
	return rc;
}

static enum clerk_status live_att_sub(struct live *l, const char *member_id,
				      const char *sub_id, bool apology,
				      struct clerk_err *err)
{
	const struct attendance *member;
	enum clerk_status rc = live_att_begin(l, member_id, &member, err);
	if (rc)
		return rc;
	if (member->status == ATT_PRESENT && !apology) {
		char *mname = live_person_name(l, member_id);
		clerk_fail(err, CLERK_CONFLICT,
			   "%s is marked present: a seat counts once. Record "
			   "that they sent apologies for a substitute to take "
			   "the seat",
			   mname);
		free(mname);
		return CLERK_CONFLICT;
	}
	struct person sp = { 0 };
	if (!sub_id || (rc = person_get(l->db, sub_id, &sp, err)))
		return rc ? rc
			  : clerk_fail(err, CLERK_INVALID,
				       "Choose who attends as substitute");
	char *sname = person_display_name(&sp);
	char *mname = live_person_name(l, member_id);
	const struct seat_info *seat = live_seat_of(l, member_id);
	const struct seat_substitute *nom = live_nominated(seat, sub_id);
	rc = live_sub_check(l, mname, sname, member, sub_id, err);
	if (!rc && !nom) {
		char *names = live_nominated_names(seat);
		if (*names)
			live_notice(l,
				    "Warning: %s is not the nominated substitute "
				    "for %s (nominated: %s).",
				    sname, mname, names);
		else
			live_notice(l,
				    "Warning: %s is not the nominated substitute "
				    "for %s (the seat has no nominated "
				    "substitute).",
				    sname, mname);
		free(names);
	}
	if (!rc && !(rc = live_tx(l, err)))
		rc = live_act_done(l, live_sub_write(l, member, sub_id, nom, sname,
						    err),
				  err);
	free(sname);
	free(mname);
	person_free(&sp);
	return rc;
}

enum clerk_status live_att_substitute(struct live *l, const char *member_id,
				      const char *sub_id,
				      struct clerk_err *err)
{
	return live_att_sub(l, member_id, sub_id, false, err);
}

enum clerk_status live_att_substitute_apology(struct live *l,
					      const char *member_id,
					      const char *sub_id,
					      struct clerk_err *err)
{
	return live_att_sub(l, member_id, sub_id, true, err);
}

/* Delete the substitute's row sub and what the member's row says of it. */
static enum clerk_status live_sub_delete(struct live *l,
					 const struct attendance *sub,
					 struct clerk_err *err)
{
	const struct attendance *member =
		live_attendance_of(l, sub->substitute_for);
	live_dirty(l, LIVE_READ_ATTENDANCE); /* a row goes */
	enum clerk_status rc = attendance_delete(l->db, sub->id, err);
	if (!rc)
		rc = live_event(l, EVENT_ATTENDANCE, sub->person_id, "removed",
				err);
	if (!rc && member && member->substitute_note &&
	    *member->substitute_note) {
		struct attendance m = *member;
		char empty[] = "";
		m.substitute_note = empty;
		rc = live_att_set(l, &m, err);
	}
	return rc;
}

enum clerk_status live_att_sub_remove(struct live *l, const char *sub_id,
				      struct clerk_err *err)
{
	const struct attendance *row;
	enum clerk_status rc = live_att_begin(l, sub_id, &row, err);
	if (rc)
		return rc;
	if (!row->substitute_for[0]) {
		char *name = live_person_name(l, sub_id);
		clerk_fail(err, CLERK_INVALID,
			   "%s is not recorded as a substitute: only a "
			   "substitute's record can be removed",
			   name);
		free(name);
		return CLERK_INVALID;
	}
	if ((rc = live_tx(l, err)))
		return rc;
	return live_act_done(l, live_sub_delete(l, row, err), err);
}

enum clerk_status live_att_seat_to_member(struct live *l,
					  const char *member_id,
					  struct clerk_err *err)
{
	const struct attendance *row;
	enum clerk_status rc = live_att_begin(l, member_id, &row, err);
	if (rc)
		return rc;
	const struct attendance *sub = live_sitting_sub(l, member_id);
	if (!sub)
		return live_att_present(l, member_id, err);
	if ((rc = live_tx(l, err)))
		return rc;
	rc = live_sub_delete(l, sub, err);
	if (!rc) {
		struct attendance m = *row; /* borrows row's strings */
		char empty[] = "";
		m.substitute_note = empty;
		rc = live_att_write(l, &m, ATT_PRESENT, "", true, err);
	}
	return live_act_done(l, rc, err);
}

/* Record arrival or departure time `at` (0: now) during the current item. */
static enum clerk_status live_att_when(struct live *l, time_t *at,
				       struct clerk_err *err)
{
	if (!*at)
		*at = l->now;
	if (*at > l->now)
		return clerk_fail(err, CLERK_INVALID,
				  "That time is later than now: record an "
				  "arrival or departure when it happens");
	return CLERK_OK;
}

enum clerk_status live_att_arrived(struct live *l, const char *person_id,
				   time_t at, struct clerk_err *err)
{
	const struct attendance *row;
	enum clerk_status rc = live_att_begin(l, person_id, &row, err);
	if (rc || (rc = live_att_when(l, &at, err)) ||
	    (rc = live_one_voter(l, row, err)) || (rc = live_tx(l, err)))
		return rc;
	struct attendance a = *row;
	if (a.substitute_for[0])
		a.status = ATT_SUBSTITUTE;
	else if (a.status != ATT_IN_ATTENDANCE)
		a.status = ATT_PRESENT;
	a.arrived_at = at;
	snprintf(a.arrived_item, sizeof a.arrived_item, "%s",
		 live_item_id_at(l, at));
	a.left_at = 0;
	a.left_item[0] = '\0';
	if (!(rc = live_att_set(l, &a, err)))
		rc = live_event(l, EVENT_ARRIVED, person_id, "", err);
	/* Arriving during an item they have a pecuniary interest in, they
	 * stay out of the room for it. */
	if (!rc && l->running &&
	    live_pecuniary_of(l, person_id, live_current_id(l)))
		rc = live_event(l, EVENT_LEFT, person_id, "interest", err);
	return live_act_done(l, rc, err);
}

enum clerk_status live_att_departed(struct live *l, const char *person_id,
				    time_t at, struct clerk_err *err)
{
	const struct attendance *row;
	enum clerk_status rc = live_att_begin(l, person_id, &row, err);
	if (rc || (rc = live_att_when(l, &at, err)))
		return rc;
	const struct live_presence *p = live_presence_of(l, person_id);
	if (!p || p->departed ||
	    (row->status != ATT_PRESENT && row->status != ATT_SUBSTITUTE &&
	     row->status != ATT_IN_ATTENDANCE)) {
		char *name = live_person_name(l, person_id);
		clerk_fail(err, CLERK_INVALID,
			   "%s is not at the meeting: only someone present "
			   "can leave early",
			   name);
		free(name);
		return CLERK_INVALID;
	}
	if ((rc = live_tx(l, err)))
		return rc;
	struct attendance a = *row;
	a.left_at = at;
	snprintf(a.left_item, sizeof a.left_item, "%s",
		 live_item_id_at(l, at));
	if (!(rc = live_att_set(l, &a, err)))
		rc = live_event(l, EVENT_LEFT, person_id, "departed", err);
	return live_act_done(l, rc, err);
}

/* An existing person named exactly `full` (case-insensitive, the
 * honorific apart: "Cllr Colin Sampson" is Colin Sampson, a councillor),
 * or create them. */
static enum clerk_status live_person_by_name(struct live *l, const char *full,
					     clerk_id id, struct clerk_err *err)
{
	char *hon, *name;
	person_split_honorific(full, &hon, &name);
	if (!*name) { /* only an honorific: the words as typed */
		free(name);
		name = xstrdup(full);
		*hon = '\0';
	}
	struct person_list found = { 0 };
	enum clerk_status rc = person_search(l->db, name, &found, err);
	if (rc && rc != CLERK_NOT_FOUND)
		goto done;
	rc = CLERK_OK;
	id[0] = '\0';
	for (size_t i = 0; i < found.n && !id[0]; i++)
		if (!strcasecmp(found.v[i].name, name))
			snprintf(id, sizeof(clerk_id), "%s", found.v[i].id);
	if (id[0])
		goto done;
	struct person p = { 0 };
	char *empty = xstrdup("");
	p.name = name;
	p.honorific = hon;
	p.organisation = p.role = p.pronoun = empty;
	clerk_err_clear(err);
	rc = person_create(l->db, &p, err);
	if (!rc)
		snprintf(id, sizeof(clerk_id), "%s", p.id);
	free(empty);
done:
	person_list_free(&found);
	free(hon);
	free(name);
	return rc;
}

enum clerk_status live_att_also(struct live *l, const char *name,
				const char *capacity, clerk_id *person_id_out,
				struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, false, err);
	if (rc)
		return rc;
	char *n = live_trim(name);
	if (!*n) {
		free(n);
		return clerk_fail(err, CLERK_INVALID,
				  "Give the name of the person in attendance");
	}
	clerk_id id;
	if ((rc = live_tx(l, err)) ||
	    (rc = live_person_by_name(l, n, id, err))) {
		free(n);
		return live_act_done(l, rc, err);
	}
	const struct attendance *row = live_attendance_of(l, id);
	if (row && row->status != ATT_IN_ATTENDANCE) {
		clerk_fail(err, CLERK_INVALID,
			   "%s is already on the attendance list as %s: mark "
			   "them there instead",
			   n, attendance_status_text(row->status));
		free(n);
		return live_act_done(l, CLERK_INVALID, err);
	}
	free(n);
	struct attendance a = { 0 };
	char *cap = live_trim(capacity), *empty = xstrdup("");
	if (row)
		a = *row;
	snprintf(a.meeting_id, sizeof a.meeting_id, "%s", l->meeting.id);
	snprintf(a.person_id, sizeof a.person_id, "%s", id);
	a.status = ATT_IN_ATTENDANCE;
	a.capacity = cap;
	if (!row)
		a.note = a.substitute_note = empty;
	rc = live_att_set(l, &a, err);
	free(cap);
	free(empty);
	if (!rc)
		rc = live_event(l, EVENT_ATTENDANCE, id, "in attendance", err);
	if (!rc && person_id_out)
		snprintf(*person_id_out, sizeof(clerk_id), "%s", id);
	return live_act_done(l, rc, err);
}

enum clerk_status live_att_all_present(struct live *l, int *count,
				       struct clerk_err *err)
{
	live_act_begin(l, err);
	if (count)
		*count = 0;
	enum clerk_status rc = live_need_sitting(l, false, err);
	if (rc)
		return rc;
	if ((rc = live_tx(l, err)))
		return rc;
	for (size_t i = 0; i < l->attendance.n && !rc; i++) {
		if (l->attendance.v[i].status != ATT_EXPECTED)
			continue;
		rc = live_att_write(l, &l->attendance.v[i], ATT_PRESENT, NULL,
				    false, err);
		if (!rc && count)
			(*count)++;
	}
	return live_act_done(l, rc, err);
}

enum clerk_status live_left_room(struct live *l, const char *person_id,
				 struct clerk_err *err)
{
	const struct attendance *row;
	enum clerk_status rc = live_att_begin(l, person_id, &row, err);
	if (rc)
		return rc;
	const struct live_presence *p = live_presence_of(l, person_id);
	if (!p || !p->in_room) {
		char *name = live_person_name(l, person_id);
		clerk_fail(err, CLERK_INVALID, "%s is not in the room", name);
		free(name);
		return CLERK_INVALID;
	}
	if ((rc = live_tx(l, err)))
		return rc;
	return live_act_done(l, live_event(l, EVENT_LEFT, person_id, "out", err),
			    err);
}

enum clerk_status live_returned(struct live *l, const char *person_id,
				struct clerk_err *err)
{
	const struct attendance *row;
	enum clerk_status rc = live_att_begin(l, person_id, &row, err);
	if (rc)
		return rc;
	const struct live_presence *p = live_presence_of(l, person_id);
	if (!p || !p->out) {
		char *name = live_person_name(l, person_id);
		clerk_fail(err, CLERK_INVALID,
			   "%s is not out of the room", name);
		free(name);
		return CLERK_INVALID;
	}
	const char *why = p->out_interest ? "interest" : "";
	if ((rc = live_tx(l, err)))
		return rc;
	return live_act_done(l, live_event(l, EVENT_RETURNED, person_id, why,
					  err),
			    err);
}
