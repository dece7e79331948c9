/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live clock: a meeting held on another day than today.
 *
 * Clerks rehearse meetings, run the demo of a past one, and type up
 * minutes afterwards from their notes.  Such a meeting is recorded for its
 * own date: clerk's clock starts at the meeting's planned start and runs,
 * so item timers, arrivals and the times minuted make sense.  The choice
 * is a NOTE in the log ("clock own date" or "clock now"); reopening a
 * meeting recorded for its own date resumes its clock where the log left
 * off, without asking again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live_int.h"

#define LIVE_CLOCK_OWN "clock own date"
#define LIVE_CLOCK_HELD "clock now"

/* The choice the notes of ev record (-1: none), the last one kept. */
static int live_clock_noted(const struct event_list *ev)
{
	int how = -1;
	for (size_t i = 0; i < ev->n; i++) {
		const struct event *e = &ev->v[i];
		if (e->kind != EVENT_NOTE)
			continue;
		if (!strcmp(e->detail, LIVE_CLOCK_OWN))
			how = LIVE_CLOCK_OWN_DATE;
		else if (!strcmp(e->detail, LIVE_CLOCK_HELD))
			how = LIVE_CLOCK_NOW;
	}
	return how;
}

/* The time of the latest event of ev (0: none). */
static time_t live_log_last(const struct event_list *ev)
{
	time_t last = 0;
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].at > last)
			last = ev->v[i].at;
	return last;
}

/* The choice the log records (-1: none); when it is its own date and last
 * is not NULL, the time of the log's last event.  Only the notes of the
 * choice are read, the whole log only for the time a clock resumes from. */
static int live_clock_logged(struct db *db, const char *meeting_id,
			     time_t *last)
{
	struct event_list ev = { 0 };
	struct clerk_err err = { 0 };
	if (last)
		*last = 0;
	if (event_list_details(db, meeting_id, LIVE_CLOCK_OWN, LIVE_CLOCK_HELD,
			       &ev, &err) != CLERK_OK)
		return -1;
	int how = live_clock_noted(&ev);
	event_list_free(&ev);
	if (how != LIVE_CLOCK_OWN_DATE || !last)
		return how;
	if (event_list(db, meeting_id, &ev, &err) != CLERK_OK)
		return -1;
	*last = live_log_last(&ev);
	event_list_free(&ev);
	return how;
}

/* Run clerk's clock for meeting m as its log says (logged, last: see
 * live_clock_logged), else as how says. */
static void live_clock_run(const struct meeting *m, int logged, time_t last,
			   enum live_clock how)
{
	if (logged >= 0)
		how = (enum live_clock)logged;
	if (how != LIVE_CLOCK_OWN_DATE)
		return;
	/* Reopening: where the record left off; else the planned start. */
	clock_run_from(logged >= 0 && last ? last : m->starts_at);
}

void live_clock_from_log(const struct meeting *m, const struct event_list *ev,
			 enum live_clock how)
{
	int logged = live_clock_noted(ev);
	live_clock_run(m, logged,
		       logged == LIVE_CLOCK_OWN_DATE ? live_log_last(ev) : 0, how);
}

bool live_clock_ask(struct db *db, const struct meeting *m)
{
	if (m->status == MEETING_CLOSED || m->status == MEETING_CANCELLED)
		return false;
	if (live_clock_logged(db, m->id, NULL) >= 0)
		return false;
	struct body b = { 0 };
	struct clerk_err err = { 0 };
	if (body_get(db, m->body_id, &b, &err) != CLERK_OK)
		return false;
	char day[16], today[16];
	time_format_local(m->starts_at, b.tz, "%Y-%m-%d", day, sizeof day);
	time_format_local(clock_now(), b.tz, "%Y-%m-%d", today, sizeof today);
	body_free(&b);
	return strcmp(day, today) != 0;
}

enum clerk_status live_clock_start(struct db *db, const struct meeting *m,
				   enum live_clock how, struct clerk_err *err)
{
	clerk_err_clear(err);
	time_t last;
	int logged = live_clock_logged(db, m->id, &last);
	live_clock_run(m, logged, last, how);
	return CLERK_OK;
}

enum clerk_status live_clock_keep(struct live *l, enum live_clock how,
				  struct clerk_err *err)
{
	clerk_err_clear(err);
	if (live_clock_logged(l->db, l->meeting.id, NULL) >= 0)
		return CLERK_OK;
	enum clerk_status rc = event_append(
		l->db, l->meeting.id, EVENT_NOTE, NULL, NULL,
		how == LIVE_CLOCK_OWN_DATE ? LIVE_CLOCK_OWN : LIVE_CLOCK_HELD,
		NULL, err);
	return rc ? rc : live_reload(l, err);
}
