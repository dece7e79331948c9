/*
 * live_int: helpers shared by the files of the live module (not public).
 *
 * Each action follows one pattern: live_act_begin() clears the notice and
 * takes the time; the action checks its input and refuses before writing
 * anything; live_tx() opens one transaction; the action writes through the
 * model (whose own transactions nest in it); then live_act_end() reloads
 * the context, appends a quorum event when the quorum was lost or
 * regained, and commits, so that an action is saved whole or not at all
 * (a kill half-way leaves nothing of it).
 */
#ifndef CLERK_LIVE_INT_H
#define CLERK_LIVE_INT_H

#include "clerk/live.h"

/* Start an action: clear l->notice and err. */
void live_act_begin(struct live *l, struct clerk_err *err);
/* Open the action's transaction, so that all its writes are one commit
 * (call it after the checks, before the first write). */
enum clerk_status live_tx(struct live *l, struct clerk_err *err);
/* Finish an action whose writes returned rc: reload, check the quorum;
 * returns rc when it failed, else the status of the reload. */
enum clerk_status live_act_end(struct live *l, enum clerk_status rc,
			       struct clerk_err *err);
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
