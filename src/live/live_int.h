/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live_int: helpers shared by the files of the live module (not public).
 *
 * Each action follows one pattern: live_act_begin() clears the notice and
 * takes the time; the action checks its input and refuses before writing
 * anything; live_tx() opens one transaction; the action writes through the
 * model (whose own transactions nest in it); then live_act_end() reads
 * again what the action may have changed, derives the context, appends a
 * quorum event when the quorum was lost or regained, and commits, so that
 * an action is saved whole or not at all (a kill half-way leaves nothing of
 * it).  A failed action rolls back and reads everything again.
 *
 * What is read again is named by parts: an action that appends a capture
 * updates the context itself and names fewer, so that recording a minute
 * point costs the same at the thousandth point as at the first.
 */
#ifndef CLERK_LIVE_INT_H
#define CLERK_LIVE_INT_H

#include "clerk/live.h"

/* The parts of the context read from the file.  The log (events) is read
 * on from the last event held every time; the body, council and seats only
 * when everything is (opening, a failed action, another connection having
 * written the file since: PRAGMA data_version). */
enum live_read_part {
	LIVE_READ_LOG = 0,
	LIVE_READ_BUSINESS = 1 << 0, /* meeting, agenda, attendance,
					declarations, resolutions, actions */
	LIVE_READ_TEXTS = 1 << 1,    /* the minute text */
	LIVE_READ_FIXED = 1 << 2,    /* body, council, seats; the log anew */
	LIVE_READ_ACTION = LIVE_READ_BUSINESS | LIVE_READ_TEXTS,
	LIVE_READ_EVERYTHING = LIVE_READ_ACTION | LIVE_READ_FIXED,
};
/* Read `parts` (everything when the file was written by another connection
 * since the last read) and derive the context at clock_now(). */
enum clerk_status live_read_parts(struct live *l, unsigned parts,
				  struct clerk_err *err);

/* Start an action: clear l->notice and err. */
void live_act_begin(struct live *l, struct clerk_err *err);
/* Open the action's transaction, so that all its writes are one commit
 * (call it after the checks, before the first write). */
enum clerk_status live_tx(struct live *l, struct clerk_err *err);
/* Finish an action whose writes returned rc: reload, check the quorum;
 * returns rc when it failed, else the status of the reload. */
enum clerk_status live_act_end(struct live *l, enum clerk_status rc,
			       struct clerk_err *err);
/* The same, reading again only `parts`: for an action that has put what it
 * wrote into the context itself. */
enum clerk_status live_act_end_reading(struct live *l, enum clerk_status rc,
				       unsigned parts, struct clerk_err *err);
/* The refusal of a console that only watches (CLERK_CONFLICT). */
enum clerk_status live_lease_refuse(const struct live *l,
				    struct clerk_err *err);
/* Inside an action's transaction: refuse (and watch from now) when
 * another console has taken the meeting; OK when no lease is kept. */
enum clerk_status live_lease_confirm(struct live *l, struct clerk_err *err);
/* Append a sentence to l->notice (separated by a space). */
void live_notice(struct live *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Refuse (CLERK_INVALID) unless the meeting is sitting: not closed and,
 * when `not_adjourned`, not adjourned either. */
enum clerk_status live_need_sitting(const struct live *l, bool not_adjourned,
				    struct clerk_err *err);
/* Refuse unless an item is being taken (its index in *idx). */
enum clerk_status live_need_item(const struct live *l, int *idx,
				 struct clerk_err *err);
/* Append an event on the current item (when there is one). */
enum clerk_status live_event(struct live *l, enum event_kind kind,
			     const char *person_id, const char *detail,
			     struct clerk_err *err);
/* Id of the item running at time t ("" when none). */
const char *live_item_id_at(const struct live *l, time_t t);
/* The current item's id, or NULL. */
const char *live_current_id(const struct live *l);
/* True when s is NULL or only white space. */
bool live_blank(const char *s);
/* A copy of s without leading and trailing white space (caller frees). */
char *live_trim(const char *s);
/* Pecuniary declaration without dispensation by person on item, or NULL. */
const struct declaration *live_pecuniary_of(const struct live *l,
					    const char *person_id,
					    const char *item_id);
/* Start items[idx] (ending the running one first), sending out members with
 * a pecuniary interest in it. */
enum clerk_status live_item_start(struct live *l, size_t idx,
				  struct clerk_err *err);
/* End the running item's spell with detail (may be ""), bringing back the
 * members who were out for an interest. */
enum clerk_status live_item_end(struct live *l, const char *detail,
				struct clerk_err *err);

#endif
