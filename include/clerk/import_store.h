/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import_store: the reads and writes the importers need that the general
 * model (model.h) does not offer: find-or-create by natural keys (a body by
 * name, a person by name, a seat by position and label, a meeting by body
 * and start time, an item by number) and "set the current membership of a
 * seat", all meant to run inside ONE transaction the importer opens with
 * db_begin() and closes with db_commit() or db_rollback().
 *
 * These functions never begin or commit a transaction themselves; their
 * writes go through the model (model.h), whose own transactions nest inside
 * the importer's as savepoints.  Each
 * returns CLERK_OK or fills err (through db_fail) and returns its status.
 * `*created` (when the pointer is not NULL) tells whether a row was added.
 */
#ifndef CLERK_IMPORT_STORE_H
#define CLERK_IMPORT_STORE_H

#include "clerk/core.h"
#include "clerk/db.h"

/* An agenda item as an importer hands it to the store. */
struct istore_item {
	char *number;
	char *title;
	char *description;
	char *pages;
	char *presenter;
	time_t start; /* 0: not set */
	int minutes;
	bool exempt;
	char *exempt_paragraph;
	const char *kind; /* stored text of enum item_kind, e.g. "ordinary" */
	/* A planning application (NULL reference: the item is none): from a
	 * title that starts with its reference ("APP/19/01181 - Site"), or
	 * the Application:, Site:, ... lines `clerk item list` prints. */
	char *app_reference, *app_site, *app_applicant, *app_proposal,
		*app_ward, *app_recommendation;
};

/* The meeting's planned start, zone (from its body) and whether its minutes
 * are confirmed; CLERK_NOT_FOUND when there is no such meeting. */
enum clerk_status istore_meeting_info(struct db *db, const char *meeting_id,
				      time_t *starts_at, char *tz, size_t tzlen,
				      bool *confirmed, struct clerk_err *err);
/* Delete every agenda item of a meeting; CLERK_LOCKED when anything
 * recorded (minutes, events, votes) still refers to one. */
enum clerk_status istore_items_clear(struct db *db, const char *meeting_id,
				     struct clerk_err *err);
/* Insert an item at `position`. */
enum clerk_status istore_item_insert(struct db *db, const char *meeting_id,
				     int position, const struct istore_item *it,
				     struct clerk_err *err);
/* Insert or update the item numbered it->number of a meeting (matched by
 * number, else appended at the end); *changed tells whether anything was
 * written. */
enum clerk_status istore_item_upsert(struct db *db, const char *meeting_id,
				     const struct istore_item *it,
				     bool *changed, struct clerk_err *err);

/* The council named `name` (NULL: the only one, else one named "Council"),
 * created when missing. */
enum clerk_status istore_council_ensure(struct db *db, const char *name,
					char id[CLERK_UUID_LEN],
					struct clerk_err *err);
/* The body of that council named `name` (case-insensitive), created when
 * missing. */
enum clerk_status istore_body_ensure(struct db *db, const char *council_id,
				     const char *name, char id[CLERK_UUID_LEN],
				     bool *created, struct clerk_err *err);
/* The zone of a body ("Europe/London" when unknown). */
enum clerk_status istore_body_tz(struct db *db, const char *body_id, char *tz,
				 size_t tzlen, struct clerk_err *err);
/* A person with this name (case-insensitive), created with the honorific
 * and organisation when missing. */
enum clerk_status istore_person_ensure(struct db *db, const char *honorific,
				       const char *name,
				       const char *organisation,
				       char id[CLERK_UUID_LEN], bool *created,
				       struct clerk_err *err);
/* The seat of a body at `position` with `label`, created when missing;
 * its vacancy note and substitute-TBC flag are set; *changed tells whether
 * anything was written. */
enum clerk_status istore_seat_ensure(struct db *db, const char *body_id,
				     int position, const char *label,
				     const char *vacancy_note, bool sub_tbc,
				     char id[CLERK_UUID_LEN], bool *changed,
				     struct clerk_err *err);
/* Make `person_id` (NULL: nobody, the seat is vacant) the seat's main
 * member from date `from` in `role` ("member", "chairman", ...) with
 * `capacity`.  An open membership of someone else (or with another role or
 * capacity) is ended on `from`.  *changed tells whether anything was
 * written. */
enum clerk_status istore_member_set(struct db *db, const char *seat_id,
				    const char *person_id, const char *role,
				    const char *capacity, const char *from,
				    bool *changed, struct clerk_err *err);
/* Make the `n` people the seat's nominated substitutes from `from`, in
 * order, ending the open nominations that differ. */
enum clerk_status istore_subs_set(struct db *db, const char *seat_id,
				  char (*person_ids)[CLERK_UUID_LEN],
				  char *const *capacities, size_t n,
				  const char *from, bool *changed,
				  struct clerk_err *err);
/* The meeting of a body starting at `starts_at`, created when missing; a
 * non-empty venue is set. */
enum clerk_status istore_meeting_ensure(struct db *db, const char *body_id,
					time_t starts_at, const char *venue,
					char id[CLERK_UUID_LEN], bool *created,
					struct clerk_err *err);
/* Set a person's attendance at a meeting (status is the stored text of
 * enum attendance_status; substitute_for the member they stood in for, or
 * NULL); *changed tells whether anything was written. */
enum clerk_status istore_attendance_set(struct db *db, const char *meeting_id,
					const char *person_id,
					const char *status,
					const char *capacity,
					const char *substitute_for,
					bool *changed, struct clerk_err *err);

/* The record an imported id stands for: `kind` "committee", "meeting" or
 * "councillor" of `source` ("moderngov") in a council; id "" when none. */
enum clerk_status istore_link_get(struct db *db, const char *council_id,
				  const char *source, const char *kind,
				  const char *ref, char id[CLERK_UUID_LEN],
				  struct clerk_err *err);
/* Remember that the source's `ref` is the record `record_id`. */
enum clerk_status istore_link_set(struct db *db, const char *council_id,
				  const char *source, const char *kind,
				  const char *ref, const char *record_id,
				  struct clerk_err *err);
/* Mark a body ended (wound up: kept with its records) or current. */
enum clerk_status istore_body_end(struct db *db, const char *body_id,
				  bool ended, const char *reason,
				  bool *changed, struct clerk_err *err);
/* Set a person's party, ward and role (NULL: left as it is). */
enum clerk_status istore_person_details(struct db *db, const char *person_id,
					const char *party, const char *ward,
					const char *role, bool *changed,
					struct clerk_err *err);
/* Cancel a scheduled meeting, or reinstate a cancelled one; a meeting
 * that has started is left as it is. */
enum clerk_status istore_meeting_status(struct db *db, const char *meeting_id,
					bool cancelled, bool *changed,
					struct clerk_err *err);
/* The seat of a body labelled with `ward` that the person has held,
 * created (at the end) when none. */
enum clerk_status istore_ward_seat(struct db *db, const char *body_id,
				   const char *ward, const char *person_id,
				   char id[CLERK_UUID_LEN], bool *created,
				   struct clerk_err *err);
/* A term of office of a person in a seat from `from` to `to` (dates; the
 * to date no longer held; NULL or "": open), added or its end updated. */
enum clerk_status istore_term_set(struct db *db, const char *seat_id,
				  const char *person_id, const char *capacity,
				  const char *from, const char *to,
				  bool *changed, struct clerk_err *err);

#endif
