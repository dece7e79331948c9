/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clerk/review.h: putting right, before confirmation, what the room missed
 * (src/model/review.c).  Each function is one change to a held meeting's
 * draft minutes under the same rules as in the room: a declaration is made
 * by someone recorded present, a pecuniary one without dispensation means
 * they left the room; a substitute stands in for a member of the body who
 * was not present, once per seat; a mover or seconder is a member present
 * and entitled to vote on the item, the seconder another than the mover;
 * votes counted are no more than the members present and entitled.  A
 * refusal is a sentence naming the rule; confirmed minutes are refused
 * (CLERK_LOCKED) by the model as always.  Every change is written through
 * the model's own writers, so the audit trail (clerk history) keeps the
 * old and new values and who made it.
 */
#ifndef CLERK_REVIEW_H
#define CLERK_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "clerk/model.h"

/* True when person_id was entitled to vote on item_id at meeting_id:
 * recorded present as a member or substitute on a voting seat, there for
 * the item (not arrived after it, not gone before it) and with no
 * pecuniary interest in it without dispensation.  When not, and why is
 * not NULL, a sentence naming the person is written to why. */
bool review_entitled(struct db *db, const char *meeting_id,
		     const char *item_id, const char *person_id, char *why,
		     size_t whylen);
/* How many were entitled to vote on the item (review_entitled). */
int review_entitled_count(struct db *db, const char *meeting_id,
			  const char *item_id);

/* Add a declaration nobody recorded (d->id is set).  The declarer must
 * have been recorded present; the item must be the meeting's; a
 * disclosable pecuniary interest without dispensation is recorded with
 * the member leaving the room. */
enum clerk_status review_declare(struct db *db, struct declaration *d,
				 struct clerk_err *err);
/* Add a paragraph (or point) to an item of the meeting: t->item_id,
 * section and body; t->id is set. */
enum clerk_status review_add_text(struct db *db, struct minute_text *t,
				  struct clerk_err *err);
/* Add a resolution nobody recorded: res->meeting_id, item_id, body and
 * outcome (carried or lost), as a motion agreed or lost without a count;
 * its mover, seconder and votes are then set with review_proposers and
 * review_votes.  res->id and position are set. */
enum clerk_status review_add_resolution(struct db *db, struct resolution *res,
					struct clerk_err *err);
/* Record that sub_id attended meeting_id as substitute for member_id, who
 * holds a seat of the body and was not recorded present (their apology is
 * recorded).  Refused where the body allows no substitutes, for a member
 * of the body in their own right, and when the seat already has a
 * substitute.  A substitute not nominated for the seat is recorded with a
 * warning written to notice (size len; "" when none). */
enum clerk_status review_substitute(struct db *db, const char *meeting_id,
				    const char *member_id, const char *sub_id,
				    char *notice, size_t len,
				    struct clerk_err *err);
/* Correct a person's attendance (present, apology, absent).  A seat counts
 * once: a member whose substitute sat cannot be made present. */
enum clerk_status review_attendance(struct db *db, struct attendance *a,
				    struct clerk_err *err);
/* Withdraw a substitute's attendance recorded by mistake (the member's
 * note of it goes too; their apology stays). */
enum clerk_status review_substitute_remove(struct db *db,
					   const char *meeting_id,
					   const char *sub_id,
					   struct clerk_err *err);
/* Correct the mover and seconder of resolution_id of meeting_id (a person
 * id, or "" or NULL: not noted). */
enum clerk_status review_proposers(struct db *db, const char *meeting_id,
				   const char *resolution_id,
				   const char *mover, const char *seconder,
				   struct clerk_err *err);
/* Correct the counted votes of resolution_id of meeting_id; its outcome
 * follows them
 * (equal votes keep the chair's casting vote, and are refused without
 * one).  Refused when the total exceeds the members entitled to vote. */
enum clerk_status review_votes(struct db *db, const char *meeting_id,
			       const char *resolution_id,
			       int votes_for, int votes_against, int abstain,
			       struct clerk_err *err);

/* Motions (and amendments, resolutions) of meeting_id whose words were
 * saved because the terminal hung up and are not yet accepted: *ids (the
 * caller frees) and *n. */
enum clerk_status review_unfinished_motions(struct db *db,
					    const char *meeting_id,
					    clerk_id **ids, size_t *n,
					    struct clerk_err *err);
/* Accept (unfinished false) the words of resolution_id saved unfinished,
 * as they stand or once corrected; or mark them unfinished (saved by a
 * hang-up in review).  The log notes it ("motion accepted <id>", as the
 * console does), so that confirmation may proceed.  Accepting words that
 * were finished is refused. */
enum clerk_status review_motion_mark(struct db *db, const char *meeting_id,
				     const char *resolution_id,
				     bool unfinished, struct clerk_err *err);

#endif
