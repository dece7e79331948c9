/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live: the context of a running meeting and everything derived from it.
 *
 * live_reload() reads the meeting, its body and council, the seats as on
 * the meeting's date, the agenda, the attendance and the whole event log,
 * and derives from them the current item, each item's timings, who is in
 * the room, the clocks, the projected finish and the quorum.  Nothing is
 * kept only in memory: a context freed and opened again is the same.
 * The actions live in the sibling files (agenda.c, attend.c, business.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#include "live_int.h"

/* ------------------------------------------------------------ helpers */

void live_notice(struct live *l, const char *fmt, ...)
{
	size_t len = strlen(l->notice);
	if (len && len + 1 < sizeof l->notice)
		l->notice[len++] = ' ';
	if (len + 1 >= sizeof l->notice)
		return;
	l->notice[len] = '\0';
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->notice + len, sizeof l->notice - len, fmt, ap);
	va_end(ap);
}

bool live_blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

char *live_trim(const char *s)
{
	if (!s)
		return xstrdup("");
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

const char *live_current_id(const struct live *l)
{
	if (l->current < 0)
		return NULL;
	return l->items[l->current].item.id;
}

enum clerk_status live_need_sitting(const struct live *l, bool not_adjourned,
				    struct clerk_err *err)
{
	if (l->closed)
		return clerk_fail(err, CLERK_INVALID,
				  "The meeting is closed: nothing more can "
				  "happen in the room");
	if (not_adjourned && l->adjourned)
		return clerk_fail(err, CLERK_INVALID,
				  "The meeting is adjourned: resume it first");
	return CLERK_OK;
}

enum clerk_status live_may_transact(const struct live *l,
				    struct clerk_err *err)
{
	if (!l->quorum_warning)
		return CLERK_OK;
	return clerk_fail(err, CLERK_INVALID,
			  "Inquorate (%d in the room, %d needed): no business "
			  "can be transacted. Wait for members to return, "
			  "adjourn to a time, or close the meeting",
			  l->voting_in_room, l->quorum);
}

enum clerk_status live_need_item(const struct live *l, int *idx,
				 struct clerk_err *err)
{
	if (l->current < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "No item has been taken yet: start the first "
				  "item (next) before recording its business");
	*idx = l->current;
	return CLERK_OK;
}

enum clerk_status live_event(struct live *l, enum event_kind kind,
			     const char *person_id, const char *detail,
			     struct clerk_err *err)
{
	return event_append(l->db, l->meeting.id, kind, live_current_id(l),
			    person_id, detail ? detail : "", NULL, err);
}

const struct resolution *live_resolution_of(const struct live *l,
					    const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < l->resolutions.n; i++)
		if (!strcmp(l->resolutions.v[i].id, id))
			return &l->resolutions.v[i];
	return NULL;
}

const struct declaration *live_pecuniary_of(const struct live *l,
					    const char *person_id,
					    const char *item_id)
{
	for (size_t i = 0; i < l->declarations.n; i++) {
		const struct declaration *d = &l->declarations.v[i];
		if (d->kind == INTEREST_PECUNIARY && !d->dispensation &&
		    !strcmp(d->person_id, person_id) &&
		    !strcmp(d->item_id, item_id))
			return d;
	}
	return NULL;
}

void live_act_begin(struct live *l, struct clerk_err *err)
{
	l->notice[0] = '\0';
	clerk_err_clear(err);
	l->now = clock_now();
	l->act_seq = l->events.n ? l->events.v[l->events.n - 1].seq : 0;
	l->dirty = 0;
	l->ntouched = 0;
}

void live_dirty(struct live *l, unsigned parts)
{
	l->dirty |= parts;
}

void live_att_touched(struct live *l, const char *person_id)
{
	for (size_t i = 0; i < l->ntouched; i++)
		if (!strcmp(l->touched[i], person_id))
			return;
	l->touched = xrealloc(l->touched, (l->ntouched + 1) *
						  sizeof *l->touched);
	snprintf(l->touched[l->ntouched++], sizeof(clerk_id), "%s",
		 person_id);
}

/* The person whose event in this action (after l->act_seq) took the quorum
 * away (lost) or brought it back: the last leaving, or the last arrival or
 * return, or change of attendance; NULL when none (a seat changed). */
static const char *live_quorum_cause(const struct live *l, bool lost)
{
	for (size_t i = l->events.n; i-- > 0;) {
		const struct event *e = &l->events.v[i];
		if (e->seq <= l->act_seq)
			break;
		if (!e->person_id[0])
			continue;
		if (e->kind == EVENT_ATTENDANCE ||
		    (lost && e->kind == EVENT_LEFT) ||
		    (!lost && (e->kind == EVENT_RETURNED ||
			       e->kind == EVENT_ARRIVED)))
			return e->person_id;
	}
	return NULL;
}

/* Append QUORUM_LOST or QUORUM_REGAINED when the room and the log
 * disagree; true when an event was written. */
static bool live_quorum_log(struct live *l, struct clerk_err *err)
{
	if (l->closed || l->adjourned)
		return false;
	char detail[64];
	if (!l->quorum_reached) {
		/* Until the quorum is first reached there is nothing to lose
		 * (attendance is often taken during the first item). */
		if (!l->quorate)
			return false;
		snprintf(detail, sizeof detail, "quorum reached %d of %d",
			 l->voting_in_room, l->quorum);
		return !event_append(l->db, l->meeting.id, EVENT_NOTE,
				     live_current_id(l), NULL, detail, NULL,
				     err);
	}
	snprintf(detail, sizeof detail, "%d of %d", l->voting_in_room,
		 l->quorum);
	if (!l->quorate && !l->quorum_lost_logged) {
		if (event_append(l->db, l->meeting.id, EVENT_QUORUM_LOST,
				 live_current_id(l), live_quorum_cause(l, true),
				 detail, NULL, err))
			return false;
		live_notice(l,
			    "Quorum lost: %d voting member%s in the room, %d "
			    "needed. No business can be transacted until it "
			    "is regained.",
			    l->voting_in_room, l->voting_in_room == 1 ? "" : "s",
			    l->quorum);
		return true;
	}
	if (l->quorate && l->quorum_lost_logged) {
		if (event_append(l->db, l->meeting.id, EVENT_QUORUM_REGAINED,
				 live_current_id(l), live_quorum_cause(l, false),
				 detail, NULL, err))
			return false;
		live_notice(l, "Quorum regained: %d voting members in the "
			       "room, %d needed.",
			    l->voting_in_room, l->quorum);
		return true;
	}
	return false;
}

enum clerk_status live_tx(struct live *l, struct clerk_err *err)
{
	if (l->watching)
		return live_lease_refuse(l, err);
	enum clerk_status rc = db_begin(l->db, err);
	l->in_tx = !rc;
	/* Two consoles: the lease is read inside the transaction, so that
	 * a console taken over writes nothing more. */
	if (!rc && (rc = live_lease_confirm(l, err))) {
		db_rollback(l->db);
		l->in_tx = false;
	}
	return rc;
}

/* Undo the open transaction (if any) and show what is saved. */
static void live_act_undo(struct live *l)
{
	struct clerk_err e2;
	if (l->in_tx)
		db_rollback(l->db);
	l->in_tx = false;
	l->notice[0] = '\0';
	l->dirty = 0;
	l->ntouched = 0;
	live_reload(l, &e2);
}

enum clerk_status live_act_end_reading(struct live *l, enum clerk_status rc,
				       unsigned parts, struct clerk_err *err)
{
	if (!rc)
		rc = live_read_parts(l, parts, err);
	/* A quorum event only appends to the log. */
	if (!rc && live_quorum_log(l, err))
		rc = live_read_parts(l, LIVE_READ_LOG, err);
	if (!rc)
		rc = err->status;
	if (!rc && l->in_tx) {
		l->in_tx = false;
		rc = db_commit(l->db, err);
	}
	if (rc) {
		live_act_undo(l);
		return rc;
	}
	return CLERK_OK;
}

enum clerk_status live_act_end(struct live *l, enum clerk_status rc,
			       struct clerk_err *err)
{
	return live_act_end_reading(l, rc, LIVE_READ_ACTION, err);
}

enum clerk_status live_act_done(struct live *l, enum clerk_status rc,
				struct clerk_err *err)
{
	return live_act_end_reading(l, rc, LIVE_READ_LOG, err);
}

enum clerk_status live_att_set(struct live *l, struct attendance *a,
			       struct clerk_err *err)
{
	live_att_touched(l, a->person_id);
	return attendance_set(l->db, a, err);
}

/* ------------------------------------------------------------ context */

static void live_free_business(struct live *l);

void live_free(struct live **lp)
{
	if (!lp || !*lp)
		return;
	struct live *l = *lp;
	meeting_free(&l->meeting);
	body_free(&l->body);
	council_free(&l->council);
	seat_info_list_free(&l->seats);
	live_free_business(l);
	event_list_free(&l->events);
	minute_text_list_free(&l->texts);
	free(l->unfinished);
	free(l->touched);
	free(l);
	*lp = NULL;
}

/* Planned start and length of each item: the agenda's time when it has
 * one, else straight after the item before. */
static void live_derive_plan(struct live *l)
{
	time_t cursor = l->meeting.starts_at;
	for (size_t i = 0; i < l->nitems; i++) {
		struct live_item *it = &l->items[i];
		it->planned_start =
			it->item.planned_start ? it->item.planned_start : cursor;
		it->planned_seconds = it->item.planned_minutes > 0
					      ? it->item.planned_minutes * 60
					      : 0;
		cursor = it->planned_start + it->planned_seconds;
	}
	l->planned_finish = cursor;
}

static struct live_presence *live_presence_mut(struct live *l,
					       const char *person_id)
{
	if (!person_id || !*person_id)
		return NULL;
	for (size_t i = 0; i < l->attendance.n; i++)
		if (!strcmp(l->attendance.v[i].person_id, person_id))
			return &l->presence[i];
	return NULL;
}

/* Walk the log in order from the first event not yet walked: item
 * spells, adjournments, the public, people leaving and returning, quorum
 * events.  What depends on the time now is left to live_derive_now. */
static void live_derive_log(struct live *l)
{
	for (size_t i = l->log_done; i < l->events.n; i++) {
		const struct event *e = &l->events.v[i];
		int idx = live_item_index(l, e->item_id);
		struct live_presence *p = live_presence_mut(l, e->person_id);
		int running = l->log_running;
		switch (e->kind) {
		case EVENT_OPENED:
			if (!l->opened_at)
				l->opened_at = e->at;
			break;
		case EVENT_ITEM_STARTED:
			if (idx < 0)
				break;
			if (running >= 0) {
				l->items[running].elapsed_done +=
					(int)(e->at - l->log_spell);
				l->items[running].ended = e->at;
			}
			l->log_running = idx;
			l->log_spell = e->at;
			l->current = idx;
			if (!l->items[idx].started)
				l->items[idx].started = e->at;
			l->items[idx].spells++;
			l->items[idx].ended = 0;
			break;
		case EVENT_ITEM_ENDED:
			if (idx < 0 || idx != running)
				break;
			l->items[idx].elapsed_done +=
				(int)(e->at - l->log_spell);
			l->items[idx].ended = e->at;
			l->log_running = -1;
			break;
		case EVENT_ADJOURNED:
			l->log_adj_from = e->at;
			break;
		case EVENT_RESUMED:
			if (l->log_adj_from)
				l->log_adj_closed +=
					(int)(e->at - l->log_adj_from);
			l->log_adj_from = 0;
			break;
		case EVENT_CLOSED:
			l->closed_at = e->at;
			break;
		case EVENT_PUBLIC_EXCLUDED:
			l->public_excluded = true;
			break;
		case EVENT_PUBLIC_READMITTED:
			l->public_excluded = false;
			break;
		case EVENT_LEFT:
			if (p && strcmp(e->detail, "departed")) {
				p->out = true;
				if (!strcmp(e->detail, "interest"))
					p->out_interest = true;
			}
			break;
		case EVENT_RETURNED:
		case EVENT_ARRIVED:
			if (p)
				p->out = p->out_interest = false;
			break;
		case EVENT_NOTE:
			if (!strncmp(e->detail, "quorum reached", 14))
				l->quorum_reached = true;
			break;
		case EVENT_QUORUM_LOST:
			l->quorum_lost_logged = true;
			break;
		case EVENT_QUORUM_REGAINED:
			l->quorum_lost_logged = false;
			break;
		default:
			break;
		}
	}
	l->log_done = l->events.n;
}

/* The running item's spell and the adjournment counted up to now. */
static void live_derive_spells(struct live *l)
{
	l->running = false;
	for (size_t i = 0; i < l->nitems; i++) {
		l->items[i].elapsed = l->items[i].elapsed_done;
		l->items[i].running = false;
	}
	if (l->log_running >= 0) {
		struct live_item *it = &l->items[l->log_running];
		it->elapsed += (int)(l->now - l->log_spell);
		it->running = true;
		l->running = true;
	}
	l->adjourned_seconds = l->log_adj_closed;
	if (l->log_adj_from && l->adjourned)
		l->adjourned_seconds += (int)(l->now - l->log_adj_from);
}

static const struct seat_info *live_seat_by_id(const struct live *l,
					       const char *seat_id)
{
	if (!seat_id || !*seat_id)
		return NULL;
	for (size_t i = 0; i < l->seats.n; i++)
		if (!strcmp(l->seats.v[i].seat.id, seat_id))
			return &l->seats.v[i];
	return NULL;
}

/* The seat of an attendance row, looked for where it was found last:
 * every action derives the room again, and searching the seats for each
 * row took 600 string comparisons a minute point with 34 members present
 * (3,200 for a council of 80), now one a row. */
static const struct seat_info *live_seat_hinted(const struct live *l,
						const char *seat_id,
						size_t *hint)
{
	if (seat_id && *seat_id && *hint < l->seats.n &&
	    !strcmp(l->seats.v[*hint].seat.id, seat_id))
		return &l->seats.v[*hint];
	const struct seat_info *s = live_seat_by_id(l, seat_id);
	if (s)
		*hint = (size_t)(s - l->seats.v);
	return s;
}

/* Who is in the room, and the quorum. */
static void live_derive_room(struct live *l)
{
	l->voting_seats = l->voting_in_room = 0;
	for (size_t i = 0; i < l->attendance.n; i++) {
		const struct attendance *a = &l->attendance.v[i];
		struct live_presence *p = &l->presence[i];
		bool here = a->status == ATT_PRESENT ||
			    a->status == ATT_SUBSTITUTE ||
			    a->status == ATT_IN_ATTENDANCE;
		bool member = a->status == ATT_PRESENT ||
			      a->status == ATT_SUBSTITUTE;
		p->departed = a->left_at && a->left_at <= l->now;
		bool arrived = !a->arrived_at || a->arrived_at <= l->now;
		p->in_room = here && arrived && !p->departed && !p->out;
		const struct seat_info *s =
			live_seat_hinted(l, a->seat_id, &p->seat_hint);
		p->voting = member && a->seat_id[0] && (!s || s->seat.voting);
		if (p->in_room && p->voting)
			l->voting_in_room++;
	}
	for (size_t i = 0; i < l->seats.n; i++)
		if (l->seats.v[i].filled && l->seats.v[i].seat.voting)
			l->voting_seats++;
	l->quorum = body_quorum(&l->body, l->voting_seats);
	l->quorate = l->voting_in_room >= l->quorum;
	l->quorum_warning = (l->current >= 0 || l->quorum_reached) &&
			    !l->closed && !l->adjourned && !l->quorate;
}

/* Clocks and the projected finish. */
static void live_derive_clock(struct live *l)
{
	time_t end = l->closed_at ? l->closed_at : l->now;
	l->sitting = 0;
	if (l->opened_at)
		l->sitting = (int)(end - l->opened_at) - l->adjourned_seconds;
	if (l->sitting < 0)
		l->sitting = 0;
	if (l->closed) {
		l->projected_finish = l->closed_at ? l->closed_at : l->now;
	} else {
		time_t base = l->now;
		if (l->current < 0 && l->meeting.starts_at > base)
			base = l->meeting.starts_at;
		long rest = 0;
		for (size_t i = 0; i < l->nitems; i++) {
			const struct live_item *it = &l->items[i];
			if ((int)i == l->current) {
				if (it->planned_seconds > it->elapsed)
					rest += it->planned_seconds -
						it->elapsed;
			} else if (!it->spells) {
				rest += it->planned_seconds;
			}
		}
		l->projected_finish = base + rest;
	}
	l->delay = (int)(l->projected_finish - l->planned_finish);
	for (size_t i = 0; i < l->nitems; i++) {
		struct live_item *it = &l->items[i];
		it->done = it->spells && !it->running;
		it->overrun = it->planned_seconds &&
			      it->elapsed > it->planned_seconds;
	}
}

/* ------------------------------------------------------------ reading */

/* What never changes in the room: the body, its council, and its seats as
 * on the meeting's date (no action of the console writes them). */
/* A read of the console's records that failed says what it was reading
 * ("could not read the attendance (FILE is damaged ...)"), so that the
 * sentence on the screen names what is missing, not only the file; a
 * refusal that is not about reading (none here today) keeps its words. */
static enum clerk_status live_read_fail(struct clerk_err *err,
					enum clerk_status rc, const char *what)
{
	if (rc == CLERK_DB || rc == CLERK_IO || rc == CLERK_FOREIGN)
		return clerk_fail_reading(err, rc, what);
	return rc;
}

static enum clerk_status live_read_fixed(struct live *l, struct clerk_err *err)
{
	body_free(&l->body);
	council_free(&l->council);
	seat_info_list_free(&l->seats);
	enum clerk_status rc;
	if ((rc = body_get(l->db, l->meeting.body_id, &l->body, err)))
		return live_read_fail(err, rc, "the meeting's body");
	if ((rc = council_get(l->db, l->body.council_id, &l->council, err)))
		return live_read_fail(err, rc, "the body's council");
	char date[16];
	time_format_local(l->meeting.starts_at, l->body.tz, "%Y-%m-%d", date,
			  sizeof date);
	rc = seat_info_list(l->db, l->body.id, date, &l->seats, err);
	return live_read_fail(err, rc, "the seats and their members");
}

static void live_free_items(struct live *l)
{
	for (size_t i = 0; i < l->nitems; i++)
		item_free(&l->items[i].item);
	xfree(&l->items);
	l->nitems = 0;
}

static void live_free_attendance(struct live *l)
{
	attendance_list_free(&l->attendance);
	xfree(&l->presence);
}

static void live_free_business(struct live *l)
{
	live_free_items(l);
	live_free_attendance(l);
	declaration_list_free(&l->declarations);
	resolution_list_free(&l->resolutions);
	action_list_free(&l->actions);
}

static enum clerk_status live_read_meeting(struct live *l,
					   struct clerk_err *err)
{
	clerk_id id;
	snprintf(id, sizeof id, "%s", l->meeting.id);
	meeting_free(&l->meeting);
	snprintf(l->meeting.id, sizeof l->meeting.id, "%s", id);
	enum clerk_status rc = meeting_get(l->db, id, &l->meeting, err);
	/* The id is kept for the next read, even when this one failed. */
	snprintf(l->meeting.id, sizeof l->meeting.id, "%s", id);
	return live_read_fail(err, rc, "the meeting");
}

static enum clerk_status live_read_items(struct live *l, struct clerk_err *err)
{
	live_free_items(l);
	struct item_list items = { 0 };
	enum clerk_status rc = item_list(l->db, l->meeting.id, &items, err);
	if (rc)
		return live_read_fail(err, rc, "the agenda");
	l->items = xcalloc(items.n ? items.n : 1, sizeof *l->items);
	l->nitems = items.n;
	for (size_t i = 0; i < items.n; i++)
		l->items[i].item = items.v[i]; /* takes the strings */
	free(items.v);
	return CLERK_OK;
}

static enum clerk_status live_read_attendance(struct live *l,
					      struct clerk_err *err)
{
	live_free_attendance(l);
	enum clerk_status rc =
		attendance_list(l->db, l->meeting.id, &l->attendance, err);
	l->presence = xcalloc(l->attendance.n ? l->attendance.n : 1,
			      sizeof *l->presence);
	return live_read_fail(err, rc, "the attendance");
}

static enum clerk_status live_read_declarations(struct live *l,
						struct clerk_err *err)
{
	declaration_list_free(&l->declarations);
	enum clerk_status rc =
		declaration_list(l->db, l->meeting.id, &l->declarations, err);
	return live_read_fail(err, rc, "the declarations of interest");
}

static enum clerk_status live_read_resolutions(struct live *l,
					       struct clerk_err *err)
{
	resolution_list_free(&l->resolutions);
	action_list_free(&l->actions);
	enum clerk_status rc = resolution_list(l->db, l->meeting.id, NULL,
					       &l->resolutions, err);
	if (rc)
		return live_read_fail(err, rc, "the resolutions");
	rc = action_list(l->db, l->meeting.id, &l->actions, err);
	return live_read_fail(err, rc, "the actions arising");
}

static enum clerk_status live_read_texts(struct live *l, struct clerk_err *err)
{
	minute_text_list_free(&l->texts);
	xfree(&l->unfinished);
	l->nunfinished = 0;
	enum clerk_status rc =
		minute_text_list(l->db, l->meeting.id, NULL, &l->texts, err);
	if (rc)
		return live_read_fail(err, rc, "the text of the minutes");
	rc = minute_text_unfinished(l->db, l->meeting.id, &l->unfinished,
				    &l->nunfinished, err);
	return live_read_fail(err, rc, "which text was saved unfinished");
}

bool live_text_unfinished(const struct live *l, const char *id)
{
	for (size_t i = 0; i < l->nunfinished; i++)
		if (!strcmp(l->unfinished[i], id))
			return true;
	return false;
}

/* The log is only appended to: read on after the last event held. */
static enum clerk_status live_read_log(struct live *l, bool from_start,
				       struct clerk_err *err)
{
	if (from_start)
		event_list_free(&l->events);
	int after = l->events.n ? l->events.v[l->events.n - 1].seq : 0;
	enum clerk_status rc =
		event_list_after(l->db, l->meeting.id, after, &l->events, err);
	return live_read_fail(err, rc, "the meeting's log");
}

/* The attendance rows the action changed, read again one by one in
 * place; *whole is set when the list must be read whole instead (a row
 * added or removed, or one whose place in the list may have changed: a
 * new seat, or becoming or ceasing to be a substitute). */
static enum clerk_status live_read_touched(struct live *l, bool *whole,
					   struct clerk_err *err)
{
	for (size_t t = 0; t < l->ntouched && !*whole; t++) {
		struct attendance *old = NULL;
		size_t i = 0;
		for (; i < l->attendance.n; i++)
			if (!strcmp(l->attendance.v[i].person_id,
				    l->touched[t])) {
				old = &l->attendance.v[i];
				break;
			}
		if (!old) {
			*whole = true;
			break;
		}
		struct attendance row;
		enum clerk_status rc = attendance_get_person(
			l->db, l->meeting.id, l->touched[t], &row, err);
		if (rc == CLERK_NOT_FOUND) {
			clerk_err_clear(err);
			*whole = true;
			break;
		}
		if (rc)
			return live_read_fail(err, rc, "the attendance");
		if (strcmp(row.seat_id, old->seat_id) ||
		    (row.status == ATT_SUBSTITUTE) !=
			    (old->status == ATT_SUBSTITUTE)) {
			attendance_free(&row);
			*whole = true;
			break;
		}
		attendance_free(old);
		*old = row;
	}
	return CLERK_OK;
}

/* Read what `parts` names and what the action marked as written (every
 * part, when another connection has written the file since the last read
 * or that cannot be told).  *rewalk is set when the rows the log's walk
 * indexes (agenda, attendance) or the log itself were read anew. */
static enum clerk_status live_read(struct live *l, unsigned parts,
				   bool *rewalk, struct clerk_err *err)
{
	long long version = db_data_version(l->db);
	parts |= l->dirty;
	if (version < 0 || version != l->data_version ||
	    l->log_done > l->events.n)
		parts = LIVE_READ_EVERYTHING;
	l->data_version = -1; /* until this read is whole */
	enum clerk_status rc = CLERK_OK;
	if (!(parts & LIVE_READ_ATTENDANCE) && l->ntouched) {
		bool whole = false;
		rc = live_read_touched(l, &whole, err);
		if (whole)
			parts |= LIVE_READ_ATTENDANCE;
	}
	l->dirty = 0;
	l->ntouched = 0;
	*rewalk = (parts & (LIVE_READ_ITEMS | LIVE_READ_ATTENDANCE |
			    LIVE_READ_FIXED)) != 0;
	if (!rc && (parts & LIVE_READ_MEETING))
		rc = live_read_meeting(l, err);
	if (!rc && (parts & LIVE_READ_ITEMS))
		rc = live_read_items(l, err);
	if (!rc && (parts & LIVE_READ_ATTENDANCE))
		rc = live_read_attendance(l, err);
	if (!rc && (parts & LIVE_READ_DECLARATIONS))
		rc = live_read_declarations(l, err);
	if (!rc && (parts & LIVE_READ_RESOLUTIONS))
		rc = live_read_resolutions(l, err);
	if (!rc && (parts & LIVE_READ_FIXED))
		rc = live_read_fixed(l, err);
	if (!rc && (parts & LIVE_READ_TEXTS))
		rc = live_read_texts(l, err);
	if (!rc)
		rc = live_read_log(l, parts & LIVE_READ_FIXED, err);
	if (!rc)
		l->data_version = version;
	return rc;
}

/* Start the walk of the log again from its first event. */
static void live_derive_reset(struct live *l)
{
	l->log_done = 0;
	l->log_running = -1;
	l->log_spell = l->log_adj_from = 0;
	l->log_adj_closed = 0;
	l->current = -1;
	l->public_excluded = l->quorum_lost_logged = false;
	l->quorum_reached = false;
	l->opened_at = l->closed_at = 0;
	for (size_t i = 0; i < l->nitems; i++) {
		struct agenda_item item = l->items[i].item;
		l->items[i] = (struct live_item){ .item = item };
	}
	for (size_t i = 0; i < l->attendance.n; i++) {
		struct live_presence *p = &l->presence[i];
		*p = (struct live_presence){ 0 };
		snprintf(p->person_id, sizeof p->person_id, "%s",
			 l->attendance.v[i].person_id);
	}
}

/* Everything derived from what was read, at `now`: the log's new events
 * walked (all of them when rewalk), then what depends on the time. */
static void live_derive_at(struct live *l, bool read_ok, bool rewalk,
			   time_t now)
{
	l->now = now;
	l->running = false;
	l->sitting = l->adjourned_seconds = l->delay = 0;
	l->voting_seats = l->voting_in_room = l->quorum = 0;
	l->quorate = l->quorum_warning = false;
	if (!read_ok) {
		/* Unknown until a whole read (the next read is whole: its
		 * data_version was left at -1). */
		l->current = -1;
		l->public_excluded = l->quorum_lost_logged = false;
		l->quorum_reached = false;
		l->opened_at = l->closed_at = 0;
		l->log_done = 0;
		return;
	}
	if (rewalk)
		live_derive_reset(l);
	l->adjourned = l->meeting.status == MEETING_ADJOURNED;
	l->closed = l->meeting.status == MEETING_CLOSED;
	live_derive_plan(l);
	live_derive_log(l);
	live_derive_spells(l);
	live_derive_room(l);
	live_derive_clock(l);
}

enum clerk_status live_read_afresh(const struct live *l, struct live **out,
				   struct clerk_err *err)
{
	struct live *f = xcalloc(1, sizeof *f);
	f->db = l->db;
	snprintf(f->meeting.id, sizeof f->meeting.id, "%s", l->meeting.id);
	f->data_version = -1;
	bool rewalk = true;
	enum clerk_status rc = live_read(f, LIVE_READ_EVERYTHING, &rewalk, err);
	live_derive_at(f, rc == CLERK_OK, true, l->now);
	*out = f;
	return rc;
}

enum clerk_status live_read_parts(struct live *l, unsigned parts,
				  struct clerk_err *err)
{
	bool rewalk = true;
	enum clerk_status rc = live_read(l, parts, &rewalk, err);
	live_derive_at(l, rc == CLERK_OK, rewalk, clock_now());
	snprintf(l->unread, sizeof l->unread, "%s", rc ? err->msg : "");
	if (!rc && parts != LIVE_READ_EVERYTHING)
		live_check_env(l);
	return rc;
}

enum clerk_status live_reload(struct live *l, struct clerk_err *err)
{
	return live_read_parts(l, LIVE_READ_EVERYTHING, err);
}

enum clerk_status live_refresh(struct live *l, struct clerk_err *err)
{
	return live_read_parts(l, LIVE_READ_LOG, err);
}

static bool live_log_has(const struct event_list *ev, enum event_kind kind)
{
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].kind == kind)
			return true;
	return false;
}

/* Opening, in one transaction; each step is also safe to repeat, so that
 * opening again after a kill finds the meeting as it was left.  The body,
 * council and seats, the attendance and the log are read inside it, for
 * the console as well as for the opening: the members expected are those
 * of the seats read, and only those without a row are written (reopening
 * a meeting in progress writes nothing).  *read: the parts read that need
 * no reading again after the commit. */
static enum clerk_status live_start_meeting(struct live *l, int clock,
					   unsigned *read,
					   struct clerk_err *err)
{
	struct db *db = l->db;
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	/* Inside the transaction: a write by another connection after it
	 * changes the version, and the console then reads everything. */
	long long version = db_data_version(db);
	int added = 0;
	if (!(rc = live_read_fixed(l, err)) &&
	    !(rc = live_read_attendance(l, err)) &&
	    !(rc = live_read_log(l, true, err))) {
		/* The clock before anything is written: OPENED and the
		 * members expected are stamped with its time. */
		if (clock >= 0)
			live_clock_from_log(&l->meeting, &l->events,
					    (enum live_clock)clock);
		if (l->body.tz && *l->body.tz) {
			rc = attendance_expect_seats(db, l->meeting.id,
						     &l->seats, &l->attendance,
						     &added, err);
		} else {
			/* The model's day of a body without a zone. */
			rc = attendance_expect_members(db, l->meeting.id, err);
			added = 1;
		}
	}
	if (!rc && !live_log_has(&l->events, EVENT_OPENED))
		rc = event_append(db, l->meeting.id, EVENT_OPENED, NULL, NULL,
				  "", NULL, err);
	if (!rc && l->meeting.status == MEETING_SCHEDULED)
		rc = meeting_set_status(db, l->meeting.id, MEETING_IN_PROGRESS,
					err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db, err)))
		return rc;
	l->data_version = version;
	*read = LIVE_READ_FIXED | (added ? 0u : (unsigned)LIVE_READ_ATTENDANCE);
	return CLERK_OK;
}

static enum clerk_status live_open_as(struct db *db, const char *meeting_id,
				      const struct console_lease *driver,
				      int clock, struct live **out,
				      struct clerk_err *err);

enum clerk_status live_open(struct db *db, const char *meeting_id,
			    struct live **out, struct clerk_err *err)
{
	return live_open_as(db, meeting_id, NULL, -1, out, err);
}

enum clerk_status live_open_on_clock(struct db *db, const char *meeting_id,
				     enum live_clock how, struct live **out,
				     struct clerk_err *err)
{
	return live_open_as(db, meeting_id, NULL, (int)how, out, err);
}

enum clerk_status live_open_watching(struct db *db, const char *meeting_id,
				     const struct console_lease *driver,
				     struct live **out, struct clerk_err *err)
{
	return live_open_as(db, meeting_id, driver, -1, out, err);
}

/* Open to drive (driver NULL) or only to watch the meeting another console
 * drives (nothing written); clock: the live_clock to set as
 * live_clock_start does, or -1 to leave clerk's clock alone. */
static enum clerk_status live_open_as(struct db *db, const char *meeting_id,
				      const struct console_lease *driver,
				      int clock, struct live **out,
				      struct clerk_err *err)
{
	struct meeting m = { 0 };
	*out = NULL;
	clerk_err_clear(err);
	enum clerk_status rc = meeting_get(db, meeting_id, &m, err);
	if (rc)
		return rc;
	if (meeting_called_off(&m)) {
		/* Called off: not held that day, so nothing is recorded. */
		clerk_fail(err, CLERK_INVALID,
			   "That meeting was %s%s%s: it cannot be run (arrange "
			   "it again with clerk meeting edit MEETING --date)",
			   meeting_status_text(m.status),
			   *m.called_off_reason ? " - " : "",
			   m.called_off_reason);
		meeting_free(&m);
		return CLERK_INVALID;
	}
	if (m.minutes_state == MINUTES_CONFIRMED) {
		meeting_free(&m);
		return clerk_fail(err, CLERK_LOCKED,
				  "The minutes of that meeting are confirmed "
				  "and locked: it cannot be run again");
	}
	struct live *l = xcalloc(1, sizeof *l);
	l->db = db;
	l->meeting = m; /* live_read keeps the id and reads it again */
	l->data_version = -1;
	unsigned read = 0;
	/* The console is the interactive writer: no action of its should
	 * wait for a checkpoint (live_idle runs them) or a temporary file.
	 * Said before the opening writes: its temp_store, set once the
	 * opening has made the connection's temporary triggers, made SQLite
	 * read the whole schema again (2.5 M instructions, and every
	 * statement prepared again) when a meeting was first opened. */
	db_interactive_writer(db);
	/* A closed meeting is not started: its clock is set from its log
	 * read for the clock alone. */
	if (clock >= 0 && (driver || m.status == MEETING_CLOSED) &&
	    (rc = live_clock_start(db, &m, (enum live_clock)clock, err))) {
		live_free(&l);
		return rc;
	}
	if (!driver && m.status != MEETING_CLOSED &&
	    (rc = live_start_meeting(l, clock, &read, err))) {
		live_free(&l);
		if (rc == CLERK_DB || rc == CLERK_IO || rc == CLERK_FOREIGN) {
			char why[sizeof err->msg];
			snprintf(why, sizeof why, "%s", err->msg);
			clerk_fail(err, rc,
				   "the meeting could not be opened: its "
				   "members and its log could not be read or "
				   "written (%s); nothing was saved",
				   why);
		}
		return rc;
	}
	if (driver)
		live_lease_watch(l, driver);
	/* What the opening read is not read again, unless another
	 * connection has written since (live_read). */
	if ((rc = live_read_parts(l, LIVE_READ_EVERYTHING & ~read, err))) {
		live_free(&l);
		return rc;
	}
	*out = l;
	return CLERK_OK;
}

void live_idle(struct live *l)
{
	db_idle(l->db);
}

/* ------------------------------------------------------------ queries */

int live_item_index(const struct live *l, const char *item_id)
{
	if (!item_id || !*item_id)
		return -1;
	for (size_t i = 0; i < l->nitems; i++)
		if (!strcmp(l->items[i].item.id, item_id))
			return (int)i;
	return -1;
}

const struct attendance *live_attendance_of(const struct live *l,
					    const char *person_id)
{
	if (!person_id || !*person_id)
		return NULL;
	for (size_t i = 0; i < l->attendance.n; i++)
		if (!strcmp(l->attendance.v[i].person_id, person_id))
			return &l->attendance.v[i];
	return NULL;
}

const struct live_presence *live_presence_of(const struct live *l,
					     const char *person_id)
{
	if (!person_id || !*person_id)
		return NULL;
	for (size_t i = 0; i < l->attendance.n; i++)
		if (!strcmp(l->attendance.v[i].person_id, person_id))
			return &l->presence[i];
	return NULL;
}

const struct seat_info *live_seat_of(const struct live *l,
				     const char *person_id)
{
	const struct attendance *a = live_attendance_of(l, person_id);
	if (a && a->seat_id[0])
		return live_seat_by_id(l, a->seat_id);
	for (size_t i = 0; i < l->seats.n; i++)
		if (l->seats.v[i].filled &&
		    !strcmp(l->seats.v[i].member.id, person_id))
			return &l->seats.v[i];
	return NULL;
}

char *live_person_name(const struct live *l, const char *person_id)
{
	if (person_id && *person_id) {
		const struct attendance *a = live_attendance_of(l, person_id);
		if (a && a->person.name)
			return person_display_name(&a->person);
		for (size_t i = 0; i < l->seats.n; i++) {
			const struct seat_info *s = &l->seats.v[i];
			if (s->filled && !strcmp(s->member.id, person_id))
				return person_display_name(&s->member);
			for (size_t j = 0; j < s->nsubs; j++)
				if (!strcmp(s->subs[j].person.id, person_id))
					return person_display_name(
						&s->subs[j].person);
		}
	}
	return xstrdup("unknown person");
}

int live_item_at(const struct live *l, time_t t)
{
	int running = -1, found = -1;
	time_t from = 0;
	for (size_t i = 0; i < l->events.n; i++) {
		const struct event *e = &l->events.v[i];
		if (e->at > t)
			break;
		if (e->kind == EVENT_ITEM_STARTED) {
			running = live_item_index(l, e->item_id);
			from = e->at;
		} else if (e->kind == EVENT_ITEM_ENDED && running >= 0 &&
			   live_item_index(l, e->item_id) == running) {
			running = -1;
		}
	}
	if (running >= 0 && from <= t)
		found = running;
	return found;
}

const char *live_item_id_at(const struct live *l, time_t t)
{
	int idx = live_item_at(l, t);
	return idx < 0 ? "" : l->items[idx].item.id;
}

int live_item_remaining(const struct live *l)
{
	if (l->current < 0)
		return 0;
	const struct live_item *it = &l->items[l->current];
	if (!it->planned_seconds)
		return 0;
	return it->planned_seconds - it->elapsed;
}
