/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clerk/model_scale.h: narrow queries the domain model (model.h) answers
 * only by listing everything.  Each exists so that a caller's cost follows
 * the size of its answer rather than the size of the archive (the
 * twenty-year benchmark, make bench); each returns what the corresponding
 * full listing would, filtered.
 */
#ifndef CLERK_MODEL_SCALE_H
#define CLERK_MODEL_SCALE_H

#include "clerk/model.h"

/* The meetings whose minutes were confirmed at meeting AT_ID, in date order
 * (meeting_list filtered on confirmed_at, through an index). */
enum clerk_status meeting_list_confirmed_at(struct db *db, const char *at_id,
					    struct meeting_list *out,
					    struct clerk_err *err);

/* The meetings of body BODY_ID starting in [from, to) (UTC), in date order
 * (meeting_list of the body, filtered on starts_at, through an index). */
enum clerk_status meeting_list_between(struct db *db, const char *body_id,
				       time_t from, time_t to,
				       struct meeting_list *out,
				       struct clerk_err *err);

/* Body ID's id, name, short name and time zone only, the rest of OUT
 * zero (body_free frees it): what a list of meetings labels them with,
 * without the body's council and settings (body_get). */
enum clerk_status body_get_label(struct db *db, const char *id,
				 struct body *out, struct clerk_err *err);

/* How many meetings (of BODY_ID; of every body when NULL) there are
 * (TOTAL), and how many come before the place (starts_at, id) in
 * meeting_list's order: by starts_at, then id ("" : before every meeting
 * starting then).  What is counted one by one is the meetings between the
 * place and the nearer end of the list (by time). */
enum clerk_status meeting_count_place(struct db *db, const char *body_id,
				      time_t starts_at, const char *id,
				      size_t *before, size_t *total,
				      struct clerk_err *err);

/* The oldest (!newest) or the newest LIMIT meetings, in meeting_list's
 * order: the review list's Home and End. */
enum clerk_status meeting_list_end(struct db *db, const char *body_id,
				   bool newest, size_t limit,
				   struct meeting_list *out,
				   struct clerk_err *err);

/* Up to LIMIT meetings next to that place, in meeting_list's order: those
 * just before it (!after), or it and those just after (after).  When
 * BODIES is not NULL, the label of each of their bodies not in it yet
 * (body_get_label's) is added to it, read with the meetings. */
enum clerk_status meeting_list_near(struct db *db, const char *body_id,
				    time_t starts_at, const char *id,
				    bool after, size_t limit,
				    struct meeting_list *out,
				    struct body_list *bodies,
				    struct clerk_err *err);

#endif
