/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live agenda: moving through the business of a running meeting.
 *
 * Taking an item appends ITEM_STARTED; leaving it appends ITEM_ENDED.  The
 * timings of live.c are derived from those pairs, so an item taken twice
 * (out of agenda order, or across an adjournment) adds its spells up.
 * Members with a pecuniary interest in an item, and no dispensation, are
 * sent out of the room when it starts and brought back when it ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live_int.h"

enum clerk_status live_item_end(struct live *l, const char *detail,
				struct clerk_err *err)
{
	if (!l->running)
		return CLERK_OK;
	enum clerk_status rc;
	if ((rc = live_event(l, EVENT_ITEM_ENDED, NULL, detail, err)))
		return rc;
	for (size_t i = 0; i < l->attendance.n; i++) {
		if (!l->presence[i].out_interest)
			continue;
		if ((rc = live_event(l, EVENT_RETURNED,
				     l->attendance.v[i].person_id, "interest",
				     err)))
			return rc;
	}
	l->running = false;
	return CLERK_OK;
}

enum clerk_status live_item_start(struct live *l, size_t idx,
				  struct clerk_err *err)
{
	enum clerk_status rc = live_item_end(l, "", err);
	if (rc)
		return rc;
	const char *item_id = l->items[idx].item.id;
	if ((rc = event_append(l->db, l->meeting.id, EVENT_ITEM_STARTED,
			       item_id, NULL, "", NULL, err)))
		return rc;
	for (size_t i = 0; i < l->attendance.n; i++) {
		const char *pid = l->attendance.v[i].person_id;
		/* Those just brought back from the last item count as in. */
		bool in = l->presence[i].in_room || l->presence[i].out_interest;
		if (!in || !live_pecuniary_of(l, pid, item_id))
			continue;
		if ((rc = event_append(l->db, l->meeting.id, EVENT_LEFT,
				       item_id, pid, "interest", NULL, err)))
			return rc;
		char *name = live_person_name(l, pid);
		live_notice(l,
			    "%s has a pecuniary interest in this item and has "
			    "left the room.",
			    name);
		free(name);
	}
	return CLERK_OK;
}

/* The item the clerk went back from: when an item already taken was
 * started again from a later one (b, or choosing it on the agenda), the
 * later one, until the meeting is back there or beyond; -1 otherwise.
 * Going on from an item taken out of order to one skipped (never taken)
 * is not going back. */
static int live_back_from(const struct live *l)
{
	int prev = -1, back = -1;
	bool *taken = xcalloc(l->nitems ? l->nitems : 1, sizeof *taken);
	for (size_t i = 0; i < l->events.n; i++) {
		const struct event *e = &l->events.v[i];
		if (e->kind != EVENT_ITEM_STARTED)
			continue;
		int idx = live_item_index(l, e->item_id);
		if (idx < 0)
			continue;
		if (back >= 0 && idx >= back)
			back = -1;
		if (prev >= 0 && idx < prev && taken[idx] && prev > back)
			back = prev;
		taken[idx] = true;
		prev = idx;
	}
	free(taken);
	return back;
}

/* The item after the current one: an item skipped before it (taken out of
 * order: the agenda resumes where it was left); else the item the clerk
 * went back from (one key back there, not through the items between);
 * else the first after it not yet taken; else simply the following one;
 * -1 at the end. */
static int live_next_index(const struct live *l)
{
	int cur = l->current;
	for (int i = 0; i < cur; i++)
		if (!l->items[i].spells)
			return i;
	int back = live_back_from(l);
	if (back > cur)
		return back;
	for (size_t i = (size_t)(cur + 1); i < l->nitems; i++)
		if (!l->items[i].spells)
			return (int)i;
	if (cur >= 0 && (size_t)cur + 1 < l->nitems)
		return cur + 1;
	return -1;
}

static enum clerk_status live_goto(struct live *l, size_t idx,
				   struct clerk_err *err)
{
	enum clerk_status rc = live_tx(l, err);
	if (rc)
		return rc;
	return live_act_done(l, live_item_start(l, idx, err), err);
}

enum clerk_status live_next(struct live *l, struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, true, err);
	if (rc || (rc = live_may_transact(l, err)))
		return rc;
	if (!l->nitems)
		return clerk_fail(err, CLERK_INVALID,
				  "The agenda has no items: add one first");
	int idx = live_next_index(l);
	if (idx < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "Item %s is the last on the agenda: close the "
				  "meeting when its business is done",
				  l->items[l->current].item.number);
	return live_goto(l, (size_t)idx, err);
}

enum clerk_status live_prev(struct live *l, struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, true, err);
	if (rc || (rc = live_may_transact(l, err)))
		return rc;
	if (l->current < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "No item has been taken yet: there is no "
				  "previous item");
	if (l->current == 0)
		return clerk_fail(err, CLERK_INVALID,
				  "This is the first item on the agenda");
	return live_goto(l, (size_t)l->current - 1, err);
}

enum clerk_status live_jump(struct live *l, size_t index,
			    struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, true, err);
	if (rc || (rc = live_may_transact(l, err)))
		return rc;
	if (index >= l->nitems)
		return clerk_fail(err, CLERK_INVALID,
				  "There is no item %zu: the agenda has %zu "
				  "item%s",
				  index + 1, l->nitems,
				  l->nitems == 1 ? "" : "s");
	if ((int)index == l->current && l->running)
		return clerk_fail(err, CLERK_INVALID,
				  "Item %s is already being taken",
				  l->items[index].item.number);
	return live_goto(l, index, err);
}

enum clerk_status live_adjourn(struct live *l, const char *reason,
			       struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, true, err);
	if (rc || (rc = live_tx(l, err)))
		return rc;
	live_dirty(l, LIVE_READ_MEETING);
	if (!(rc = live_item_end(l, "adjourned", err)) &&
	    !(rc = live_event(l, EVENT_ADJOURNED, NULL, reason ? reason : "",
			      err)))
		rc = meeting_set_status(l->db, l->meeting.id,
					MEETING_ADJOURNED, err);
	return live_act_done(l, rc, err);
}

/* True when the log's last item event is an end by adjournment. */
static bool live_paused_by_adjournment(const struct live *l)
{
	for (size_t i = l->events.n; i-- > 0;) {
		const struct event *e = &l->events.v[i];
		if (e->kind == EVENT_ITEM_STARTED)
			return false;
		if (e->kind == EVENT_ITEM_ENDED)
			return !strcmp(e->detail, "adjourned");
	}
	return false;
}

enum clerk_status live_resume(struct live *l, struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, false, err);
	if (rc)
		return rc;
	if (!l->adjourned)
		return clerk_fail(err, CLERK_INVALID,
				  "The meeting is not adjourned");
	bool restart = l->current >= 0 && live_paused_by_adjournment(l);
	if ((rc = live_tx(l, err)))
		return rc;
	live_dirty(l, LIVE_READ_MEETING);
	if (!(rc = live_event(l, EVENT_RESUMED, NULL, "", err)) &&
	    !(rc = meeting_set_status(l->db, l->meeting.id,
				      MEETING_IN_PROGRESS, err)) &&
	    restart) {
		/* Presence must be fresh to send out interested members. */
		if (!(rc = live_reload(l, err)))
			rc = live_item_start(l, (size_t)l->current, err);
	}
	return live_act_done(l, rc, err);
}

enum clerk_status live_close(struct live *l, struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, false, err);
	if (rc || (rc = live_tx(l, err)))
		return rc;
	live_dirty(l, LIVE_READ_MEETING);
	if (!(rc = live_item_end(l, "", err)) &&
	    !(rc = live_event(l, EVENT_CLOSED, NULL, "", err)))
		rc = meeting_set_status(l->db, l->meeting.id, MEETING_CLOSED,
					err);
	return live_act_done(l, rc, err);
}
