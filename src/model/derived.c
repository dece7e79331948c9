/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/derived: answers computed from what is recorded rather than stored.
 *
 * room_state_at replays a meeting's log up to a moment to know who was in
 * the room, which item was running, whether the public were excluded and
 * whether the meeting was quorate.  The log is read as the live module
 * writes it: ARRIVED brings a person in; LEFT takes them out of the room
 * ("departed": gone for the rest of the meeting); RETURNED brings them back;
 * a member with a declaration that made them leave the room is out while
 * that item runs (from ITEM_STARTED, or from DECLARED when made during it,
 * to ITEM_ENDED).  Attendance rows give who was present from the start,
 * and arrival and departure times recorded on them are honoured too.
 *
 * attendance_summary counts, per member over a period, the meetings they
 * were expected at and what became of each.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

/* One person of the attendance as the log is replayed. */
struct presence {
	const struct attendance *att;
	bool in;      /* at the meeting now */
	bool out;     /* at the meeting but out of the room */
	bool gone;    /* left the meeting */
	bool voting;  /* counts towards the quorum */
	clerk_id out_item; /* item they are out for because of an interest */
};

struct replay {
	struct db *db;
	time_t t;
	struct meeting meeting;
	struct body body;
	struct seat_info_list seats;
	struct attendance_list att;
	struct event_list events;
	struct declaration_list decls;
	struct presence *p;
	clerk_id current;
	bool excluded;
};

static bool before(const struct replay *r, time_t at)
{
	return r->t == 0 || at <= r->t;
}

static struct presence *presence_of(struct replay *r, const char *person_id)
{
	for (size_t i = 0; i < r->att.n; i++)
		if (strcmp(r->att.v[i].person_id, person_id) == 0)
			return &r->p[i];
	return NULL;
}

/* The seat held by person on the meeting's date, if any. */
static const struct seat_info *seat_held(const struct replay *r,
					 const char *person_id)
{
	for (size_t i = 0; i < r->seats.n; i++)
		if (r->seats.v[i].filled &&
		    strcmp(r->seats.v[i].member.id, person_id) == 0)
			return &r->seats.v[i];
	return NULL;
}

static bool counts_for_quorum(const struct replay *r,
			      const struct attendance *a)
{
	if (a->status == ATT_IN_ATTENDANCE)
		return false;
	for (size_t i = 0; a->seat_id[0] && i < r->seats.n; i++)
		if (strcmp(r->seats.v[i].seat.id, a->seat_id) == 0)
			return r->seats.v[i].seat.voting;
	const struct seat_info *held =
		seat_held(r, a->status == ATT_SUBSTITUTE ? a->substitute_for
							 : a->person_id);
	return held && held->seat.voting;
}

static bool has_arrival_event(const struct replay *r, const char *person_id)
{
	for (size_t i = 0; i < r->events.n; i++)
		if (r->events.v[i].kind == EVENT_ARRIVED &&
		    strcmp(r->events.v[i].person_id, person_id) == 0)
			return true;
	return false;
}

/* Who is there before any event: present from the start, arrival and
 * departure times on the attendance row permitting. */
static void presence_start(struct replay *r)
{
	r->p = xcalloc(r->att.n + 1, sizeof *r->p);
	for (size_t i = 0; i < r->att.n; i++) {
		const struct attendance *a = &r->att.v[i];
		struct presence *p = &r->p[i];
		p->att = a;
		p->voting = counts_for_quorum(r, a);
		bool attended = a->status == ATT_PRESENT ||
				a->status == ATT_SUBSTITUTE ||
				a->status == ATT_IN_ATTENDANCE;
		p->in = attended && !has_arrival_event(r, a->person_id) &&
			(!a->arrived_at || before(r, a->arrived_at));
		p->gone = a->left_at && before(r, a->left_at);
	}
}

/* The declaration that sends person out of the room for item, if any. */
static bool leaves_for(const struct replay *r, const char *person_id,
		       const char *item_id)
{
	for (size_t i = 0; i < r->decls.n; i++) {
		const struct declaration *d = &r->decls.v[i];
		if (d->left_room && item_id[0] &&
		    strcmp(d->person_id, person_id) == 0 &&
		    strcmp(d->item_id, item_id) == 0)
			return true;
	}
	return false;
}

static void send_out(struct presence *p, const char *item_id)
{
	p->out = true;
	model_copy_id(p->out_item, item_id);
}

/* True when the log says person declared on item after event seq: they
 * leave then, not when the item starts. */
static bool declared_later(const struct replay *r, const char *person_id,
			   const char *item_id, int seq)
{
	for (size_t i = 0; i < r->events.n; i++) {
		const struct event *e = &r->events.v[i];
		if (e->kind == EVENT_DECLARED && e->seq > seq &&
		    strcmp(e->person_id, person_id) == 0 &&
		    strcmp(e->item_id, item_id) == 0)
			return true;
	}
	return false;
}

static void item_started(struct replay *r, const struct event *e)
{
	model_copy_id(r->current, e->item_id);
	for (size_t i = 0; i < r->att.n; i++) {
		const char *who = r->att.v[i].person_id;
		if (leaves_for(r, who, e->item_id) &&
		    !declared_later(r, who, e->item_id, e->seq))
			send_out(&r->p[i], e->item_id);
	}
}

static void item_ended(struct replay *r, const char *item_id)
{
	for (size_t i = 0; i < r->att.n; i++)
		if (r->p[i].out_item[0] &&
		    (!item_id[0] || strcmp(r->p[i].out_item, item_id) == 0)) {
			r->p[i].out = false;
			r->p[i].out_item[0] = '\0';
		}
	if (!item_id[0] || strcmp(r->current, item_id) == 0)
		r->current[0] = '\0';
}

static void person_event(struct replay *r, const struct event *e)
{
	struct presence *p = presence_of(r, e->person_id);
	if (!p)
		return;
	switch (e->kind) {
	case EVENT_ARRIVED:
		p->in = true;
		p->gone = p->out = false;
		break;
	case EVENT_LEFT:
		if (strcmp(e->detail, "departed") == 0)
			p->gone = true;
		else
			send_out(p, strcmp(e->detail, "interest") == 0 ? r->current
								       : "");
		break;
	case EVENT_RETURNED:
		p->out = p->gone = false;
		p->out_item[0] = '\0';
		break;
	case EVENT_DECLARED: {
		const char *item = e->item_id[0] ? e->item_id : r->current;
		if (strcmp(item, r->current) == 0 &&
		    leaves_for(r, e->person_id, item))
			send_out(p, item);
		break;
	}
	default:
		break;
	}
}

static void replay_event(struct replay *r, const struct event *e)
{
	switch (e->kind) {
	case EVENT_ITEM_STARTED:
		item_started(r, e);
		break;
	case EVENT_ITEM_ENDED:
		item_ended(r, e->item_id);
		break;
	case EVENT_PUBLIC_EXCLUDED:
		r->excluded = true;
		break;
	case EVENT_PUBLIC_READMITTED:
		r->excluded = false;
		break;
	default:
		if (e->person_id[0])
			person_event(r, e);
		break;
	}
}

static enum clerk_status replay_load(struct replay *r, const char *meeting_id,
				     struct clerk_err *err)
{
	enum clerk_status rc;
	char date[11];
	if ((rc = meeting_get(r->db, meeting_id, &r->meeting, err)) ||
	    (rc = body_get(r->db, r->meeting.body_id, &r->body, err)))
		return rc;
	model_local_date(r->meeting.starts_at, r->body.tz, date);
	if ((rc = seat_info_list(r->db, r->body.id, date, &r->seats, err)) ||
	    (rc = attendance_list(r->db, meeting_id, &r->att, err)) ||
	    (rc = event_list(r->db, meeting_id, &r->events, err)) ||
	    (rc = declaration_list(r->db, meeting_id, &r->decls, err)))
		return rc;
	return CLERK_OK;
}

static void replay_free(struct replay *r)
{
	meeting_free(&r->meeting);
	body_free(&r->body);
	seat_info_list_free(&r->seats);
	attendance_list_free(&r->att);
	event_list_free(&r->events);
	declaration_list_free(&r->decls);
	free(r->p);
}

static void room_fill(const struct replay *r, struct room_state *out)
{
	for (size_t i = 0; i < r->seats.n; i++)
		out->seats += r->seats.v[i].filled && r->seats.v[i].seat.voting;
	out->quorum = body_quorum(&r->body, out->seats);
	for (size_t i = 0; i < r->att.n; i++) {
		const struct presence *p = &r->p[i];
		if (!p->in || p->gone)
			continue;
		struct attendance_list *l = p->out ? &out->out_of_room
						   : &out->in_room;
		attendance_copy(MODEL_LIST_PUSH(l), p->att);
		out->voting_in_room += !p->out && p->voting;
	}
	out->quorate = out->voting_in_room >= out->quorum;
	model_copy_id(out->current_item, r->current);
	out->public_excluded = r->excluded;
}

enum clerk_status room_state_at(struct db *db, const char *meeting_id, time_t t,
				struct room_state *out, struct clerk_err *err)
{
	struct replay r = {.db = db, .t = t};
	memset(out, 0, sizeof *out);
	enum clerk_status rc = replay_load(&r, meeting_id, err);
	if (!rc) {
		presence_start(&r);
		for (size_t i = 0; i < r.events.n; i++)
			if (before(&r, r.events.v[i].at))
				replay_event(&r, &r.events.v[i]);
		room_fill(&r, out);
	}
	replay_free(&r);
	return rc;
}

void room_state_free(struct room_state *r)
{
	if (!r)
		return;
	attendance_list_free(&r->in_room);
	attendance_list_free(&r->out_of_room);
	memset(r, 0, sizeof *r);
}
