/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clerk/record.h: the record of a meeting in the order it happened
 * (model/record.c).  Pure functions over lists already read through the
 * model: the minutes and the live console's item pane show an item's
 * captures, decisions and the changes of attendance where each happened,
 * and the items in the order they were taken.
 *
 * The order comes from the live log: a paragraph or point is placed by the
 * event that recorded it (TEXT_RECORDED, whose detail ends with its id), a
 * resolution by its decision (the last VOTE_TAKEN naming it), else by its
 * moving (MOVED, TEXT_RECORDED "resolution <id>", PUBLIC_EXCLUDED).  What
 * the log does not place (typed up afterwards, imported, or recorded
 * before the log named its records) keeps its place after what comes
 * before it in the older order: sections received, narrative, heard,
 * commented, exempt, then the resolutions.
 *
 * An item the log places nothing of (a meeting typed up afterwards, with
 * no log) follows the order its rows were captured in, where the file
 * keeps it (record_captures_read): the paragraphs and resolutions in the
 * order they were written, each section's paragraphs still in their own
 * order.  Actions arising are placed by the log when it names them
 * (TEXT_RECORDED "action <id>"), else after the resolutions they arise
 * from; a planning decision follows the vote that made it (export).
 */
#ifndef CLERK_RECORD_H
#define CLERK_RECORD_H

#include "clerk/model.h"

enum record_kind {
	RECORD_TEXT,       /* texts.v[index] */
	RECORD_RESOLUTION, /* resolutions.v[index] */
	RECORD_EVENT,      /* events.v[index]: see record_event_minuted */
	RECORD_ACTION,     /* actions.v[index] (record_item_with only) */
};
struct record_entry {
	enum record_kind kind;
	size_t index;
	int seq; /* the log's seq placing it; -1 when the log does not */
};
struct record_list {
	struct record_entry *v;
	size_t n;
};

/* True for the events minuted where they happened: the quorum lost and
 * restored, an adjournment, the readmission of the press and public, a
 * late arrival, an early departure, a member leaving for an interest, who
 * took the chair. */
bool record_event_minuted(const struct event *e);
/* The seq of the event that recorded text id / decided resolution id
 * (-1: none). */
int record_text_seq(const struct event_list *ev, const char *text_id);
int record_resolution_seq(const struct event_list *ev, const char *res_id);
/* The record of item_id in order: its texts (from the meeting's texts),
 * its resolutions (from rl, which may hold other items'), and the
 * minuted events of the log on it. */
void record_item(const struct event_list *ev, const char *item_id,
		 const struct minute_text_list *texts,
		 const struct resolution_list *rl, struct record_list *out);
/* The order in which a meeting's paragraphs and resolutions were
 * written to the file: one sequence common to both (seq grows with each
 * row written), by row id. */
struct record_capture {
	clerk_id id;
	long long seq;
};
struct record_captures {
	struct record_capture *v;
	size_t n;
};
/* Read it for meeting_id (model/minutes.c).  A file that keeps no such
 * order for some rows leaves them out: they keep the older order. */
enum clerk_status record_captures_read(struct db *db, const char *meeting_id,
				       struct record_captures *out,
				       struct clerk_err *err);
void record_captures_free(struct record_captures *c);
/* record_item, with the actions arising (actions, may be NULL) and the
 * capture order (cap, may be NULL) for an item the log places nothing
 * of.  An action the log does not place but that arises from a
 * resolution of the item comes after the run of resolutions holding it,
 * with that resolution's seq; one arising from nothing, and placed by
 * nothing, is not in the item's record. */
void record_item_with(const struct event_list *ev, const char *item_id,
		      const struct minute_text_list *texts,
		      const struct resolution_list *rl,
		      const struct action_list *actions,
		      const struct record_captures *cap,
		      struct record_list *out);
/* The seq of the event that recorded action id (-1: none); *item_id
 * (may be NULL) receives the item it was recorded on. */
int record_action_seq(const struct event_list *ev, const char *action_id,
		      const char **item_id);
void record_list_free(struct record_list *l);
/* The order the items were taken in: order[k] is the index in items of
 * the k-th taken (by its first ITEM_STARTED); an item never taken keeps
 * its place after the agenda items before it. */
void record_item_order(const struct event_list *ev,
		       const struct item_list *items, size_t *order);
/* True when the press and public were excluded at the moment of seq (the
 * log up to it: PUBLIC_EXCLUDED, then PUBLIC_READMITTED). */
bool record_excluded_at(const struct event_list *ev, int seq);
/* The seq of the exclusion of the public from item_id (-1: the log has
 * none: excluded from its start, or planned exempt). */
int record_exclusion_seq(const struct event_list *ev, const char *item_id);
/* The log's notes about the words of a motion saved because the terminal
 * hung up ("motion unfinished <id>") and accepted since ("motion accepted
 * <id>"): true when the last of them says unfinished. */
bool record_resolution_unfinished(const struct event_list *ev,
				  const char *res_id);
#define RECORD_MOTION_UNFINISHED "motion unfinished"
#define RECORD_MOTION_ACCEPTED "motion accepted"

#endif
