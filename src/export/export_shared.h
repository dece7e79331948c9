/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export_shared: the state shared by the minutes builders of src/export
 * (minutes.c, people.c, decisions.c, agenda.c) while one document is built.
 */
#ifndef CLERK_EXPORT_SHARED_H
#define CLERK_EXPORT_SHARED_H

#include "clerk/export.h"
#include "clerk/model.h"
#include "clerk/record.h"

#define MINUTES_BASE_VARS 24

struct minutes_ctx {
	struct db *db;
	const struct export_opts *opts;
	struct doc *doc;
	struct style style;
	struct body body;
	struct council council; /* the body's: its kind, law and details */
	struct meeting meeting;
	struct item_list items;
	struct attendance_list att;
	struct declaration_list decl;
	struct minute_text_list texts;
	struct seat_info_list seats; /* on the meeting's date */
	struct event_list events;    /* the meeting's log, in order */
	struct action_list actions;  /* actions arising, as recorded */
	struct application_list apps; /* planning applications, by item */
	struct record_captures captured; /* the order rows were written in */
	/* Every resolution of the meeting, in agenda order: read by the first
	 * builder that needs one (minutes_item_resolutions). */
	struct resolution_list res;
	bool res_read, res_ok;
	int first_minute;
	int muni_year;
	size_t *order; /* items in the order taken: order[k], k-th minuted */
	clerk_id *unfinished; /* draft: texts saved by a hang-up, not accepted */
	size_t nunfinished;
	size_t *rank;  /* rank[i]: where items.v[i] is minuted */
	char *self_noun, *date, *short_date, *confirmed_date;
	struct style_var base[MINUTES_BASE_VARS];
	size_t nbase;
	/* The first read that failed while the document was built: the
	 * builders go on (nothing they hold is freed early) but the document
	 * is thrown away and this is the command's answer. */
	struct clerk_err failed;
};

/* Read everything the minutes of meeting_id need, load the style, and set
 * the document's confidential marking; minutes_ctx_close() releases it. */
enum clerk_status minutes_ctx_open(struct db *db, const char *meeting_id,
				   const struct export_opts *opts,
				   struct doc *out, struct minutes_ctx *c,
				   struct clerk_err *err);
void minutes_ctx_close(struct minutes_ctx *c);
/* The resolutions of item_id, in order, read with the meeting's others at
 * the first call (one query, not one an item): false when that read
 * failed (minutes_read has noted it).  The list shares the context's
 * strings: release it with free(out->v), never resolution_list_free. */
bool minutes_item_resolutions(struct minutes_ctx *c, const char *item_id,
			      struct resolution_list *out);
/* Note the outcome of a read a builder made: true when it succeeded; else
 * the first failure is kept, worded "could not read WHAT (why)", and
 * the document will not be written (no silent half-answers). */
bool minutes_read(struct minutes_ctx *c, enum clerk_status rc,
		  const struct clerk_err *err, const char *what);
/* Word err, from a read of WHAT that failed, as "could not read WHAT
 * (why)"; returns rc. */
enum clerk_status minutes_read_fail(struct clerk_err *err,
				    enum clerk_status rc, const char *what);

/* Style key expanded with extra variables (looked up first) and the
 * context's; NULL when the key is empty or missing.  Caller frees. */
char *minutes_say(const struct minutes_ctx *c, const char *key,
		  const struct style_var *extra, size_t nextra);
/* Paragraphs of text, split at "\n" escapes, appended to d. */
void minutes_paras(struct doc *d, const char *text);
/* The paragraphs of style key, expanded as minutes_say() expands it,
 * appended to the document; false, and nothing added, when the key is
 * empty or missing. */
bool minutes_say_paras(struct minutes_ctx *c, const char *key,
		       const struct style_var *extra, size_t nextra);
/* The display name of person id ("" when unknown).  Caller frees. */
char *minutes_person_name(struct minutes_ctx *c, const char *id);
/* {he} {his} {him} for a recorded pronoun ("they" when none). */
void minutes_pronouns(const char *pronoun, struct style_var out[3]);
/* Minute number n in the body's format ("12.", "222/19").  Caller frees. */
char *minutes_number(const struct minutes_ctx *c, int n);
/* The minute number and title of an item of this meeting. */
char *minutes_item_number(const struct minutes_ctx *c, const char *item_id);
const char *minutes_item_title(const struct minutes_ctx *c,
			       const char *item_id);
/* Words saved when the terminal hung up and not accepted yet, in draft
 * minutes: body with the style's unfinished.mark after it (text id, or a
 * resolution's id with resolution true); else a copy of body. */
char *minutes_marked(const struct minutes_ctx *c, const char *id,
		     bool resolution, const char *body);
/* A copy in capitals by Unicode's rules ("CAFÉ").  Caller frees. */
char *minutes_upper(const char *s);

/* people.c: the attendance block, apologies, declarations. */
void minutes_attendance(struct minutes_ctx *c);
void minutes_apologies(struct minutes_ctx *c);
void minutes_declarations(struct minutes_ctx *c);

/* application.c: a planning application's fields and speakers (above
 * its minute), and its decision with the vote and its conditions or
 * reasons for refusal (below the resolution), in the style's words. */
void minutes_application_head(struct minutes_ctx *c,
			      const struct application *a);
void minutes_application_decision(struct minutes_ctx *c,
				  const struct application *a);

/* decisions.c: confirmations of earlier minutes and corrections (with
 * generated: the confirmation sentences too), an exempt item's exclusion,
 * and an item's resolutions (exempt: only exclusions unless confidential). */
/* The confirmation of earlier minutes at this meeting, minuted once: in
 * the clerk's words where they typed a paragraph (generated false) or the
 * resolution (typed), else in the style's; an amendment made on
 * confirmation is always minuted. */
void minutes_previous(struct minutes_ctx *c, bool generated, bool typed);
void minutes_exclusion(struct minutes_ctx *c, const struct agenda_item *it);
/* A run of an item's resolutions, rl->v[idx[0..n)], in the order given:
 * an amendment or a motion not carried in a paragraph of its own, those
 * resolved under "RESOLVED:", numbered when the item has more than one
 * (total); *k counts those numbered so far on the item. */
void minutes_resolution_run(struct minutes_ctx *c,
			    const struct resolution_list *rl, const size_t *idx,
			    size_t n, int total, int *k);
/* True when r is a resolution (carried, not an amendment). */
bool minutes_is_resolved(const struct resolution *r);

/* proceedings.c: what happened to the meeting itself, from its log.
 * The event c->events.v[i] as minuted where it happened (the quorum lost
 * and restored, an adjournment, the readmission of the public, a late
 * arrival, an early departure, leaving for an interest). */
void minutes_event(struct minutes_ctx *c, size_t i);
/* Who presided at the log's seq (-1: at the end): the last member the log
 * puts in the Chair before it, else the body's chairman recorded present;
 * *name and *as (the style's word for the capacity: chairman,
 * vice_chairman, or the chairman's for a member elected to preside) are
 * "" when neither is known.  Caller frees both. */
void minutes_presiding_at(struct minutes_ctx *c, int seq, char **name,
			  char **as);
/* True when the log has the arrival (EVENT_ARRIVED) or the departure
 * (EVENT_LEFT) of person at item: minuted from the log, where it
 * happened. */
bool minutes_event_logged_movement(const struct minutes_ctx *c,
				   enum event_kind kind, const char *person_id,
				   const char *item_id);
/* True when the item was taken (started) at the meeting. */
bool minutes_item_taken(const struct minutes_ctx *c, const char *item_id);
/* True when the meeting was closed while inquorate. */
bool minutes_ended_inquorate(const struct minutes_ctx *c);
/* The sentence that the remaining business was not transacted, and the
 * items never taken. */
void minutes_not_transacted(struct minutes_ctx *c);
/* One action arising, at its place in the item's record (style key
 * action.item), and the list of all the meeting's actions at the end
 * (actions.title, action.list); empty keys leave them out. */
void minutes_action_at(struct minutes_ctx *c, const struct action *a);
void minutes_action_list(struct minutes_ctx *c);
/* "The meeting commenced at ... and closed at ...". */
void minutes_times(struct minutes_ctx *c);

#endif
