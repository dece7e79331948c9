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
 * What is read again is named by parts: an action says what it wrote
 * (live_dirty, live_att_set: one person's row) and ends with
 * live_act_done, which reads that and the log's new events and walks only
 * those events, so that recording a minute point or marking a member
 * present costs the same at the thousandth event as at the first; an
 * action that says nothing ends with live_act_end and reads the whole
 * meeting again.  live_check_fresh (check.c) compares the result with a
 * whole read; tests/live/test_live_check.c runs it after every step.
 */
#ifndef CLERK_LIVE_INT_H
#define CLERK_LIVE_INT_H

#include "clerk/live.h"

/* The parts of the context read from the file.  The log (events) is read
 * on from the last event held every time, and only its new events are
 * walked; the body, council and seats only when everything is (opening,
 * a failed action, another connection having written the file since:
 * PRAGMA data_version).  Reading the agenda or the attendance list again
 * walks the whole log again (the presence of each row is derived from
 * it). */
enum live_read_part {
	LIVE_READ_LOG = 0,
	LIVE_READ_MEETING = 1 << 0,      /* the meeting row (its status) */
	LIVE_READ_ITEMS = 1 << 1,        /* the agenda */
	LIVE_READ_ATTENDANCE = 1 << 2,   /* the whole attendance list */
	LIVE_READ_DECLARATIONS = 1 << 3, /* declarations of interest */
	LIVE_READ_RESOLUTIONS = 1 << 4,  /* resolutions and actions */
	LIVE_READ_TEXTS = 1 << 5,        /* the minute text */
	LIVE_READ_FIXED = 1 << 6,        /* body, council, seats; the log anew */
	LIVE_READ_BUSINESS = LIVE_READ_MEETING | LIVE_READ_ITEMS |
			     LIVE_READ_ATTENDANCE | LIVE_READ_DECLARATIONS |
			     LIVE_READ_RESOLUTIONS,
	LIVE_READ_ACTION = LIVE_READ_BUSINESS | LIVE_READ_TEXTS,
	LIVE_READ_EVERYTHING = LIVE_READ_ACTION | LIVE_READ_FIXED,
};
/* What an action wrote besides the log, read again at its end (by
 * live_act_end_reading): parts, or one person's attendance row. */
void live_dirty(struct live *l, unsigned parts);
void live_att_touched(struct live *l, const char *person_id);
/* Read `parts` (everything when the file was written by another connection
 * since the last read) and derive the context at clock_now(). */
enum clerk_status live_read_parts(struct live *l, unsigned parts,
				  struct clerk_err *err);

/* A context of the same meeting read whole from the file and derived at
 * l->now (the check of the incremental reading: live_check_fresh). */
enum clerk_status live_read_afresh(const struct live *l, struct live **out,
				   struct clerk_err *err);
/* With CLERK_LIVE_CHECK set: live_check_fresh, aborting on a difference
 * (check.c). */
void live_check_env(const struct live *l);
/* live_clock_start's work from the whole log ev of meeting m, already
 * read (clock.c): set clerk's clock as the log's notes say, else as how
 * says. */
void live_clock_from_log(const struct meeting *m, const struct event_list *ev,
			 enum live_clock how);

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
/* The same for an action that said what it wrote (live_dirty,
 * live_att_touched, or only the log): reads that, and the log. */
enum clerk_status live_act_done(struct live *l, enum clerk_status rc,
				struct clerk_err *err);
/* attendance_set, marking the person's row to be read again. */
enum clerk_status live_att_set(struct live *l, struct attendance *a,
			       struct clerk_err *err);
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
