/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model: the business of a committee as plain C structs, and every read and
 * write of them.  No other module sees SQL.
 *
 * Ownership: a struct filled by a model function owns its strings; release it
 * with the matching *_free() (which also zeroes it, so freeing twice is safe).
 * Lists are { v, n } arrays released with their *_list_free().
 * Ids are UUID text (CLERK_UUID_LEN); an empty id means "none".  Creating a
 * record with an empty id gives it a fresh UUID and writes it back.
 * Times are time_t (UTC); 0 means "not set".  Dates are "YYYY-MM-DD".
 *
 * Every write commits before it returns (one transaction per call), so what
 * the caller shows as saved is on disk.  Writes to meetings whose minutes are
 * confirmed fail with CLERK_LOCKED and change nothing.
 *
 * The same verbs mean the same everywhere:
 * - X_create checks every field first (an empty required text, invalid
 *   UTF-8, an unknown enum value or a malformed date gives CLERK_INVALID
 *   with a sentence naming the field, and nothing is written), gives the
 *   record a fresh id when its id is empty, and stores it;
 * - X_update replaces every stored field of the record with that id (the
 *   same checks; CLERK_NOT_FOUND when there is no such record);
 * - X_get fills *out (CLERK_NOT_FOUND when there is none); X_delete removes;
 * - X_list fills a list (empty, not an error, when nothing matches) in the
 *   order its comment gives;
 * - NULL text fields are stored as "" (or their documented default).
 * Failures of the file itself come from db_fail(): CLERK_READONLY,
 * CLERK_FULL, CLERK_IO, with what was being done ("recording the vote").
 */
#ifndef CLERK_MODEL_H
#define CLERK_MODEL_H

#include "clerk/core.h"
#include "clerk/db.h"

typedef char clerk_id[CLERK_UUID_LEN];

/* ---------------------------------------------------------------- enums */

/* X(enum suffix, stored text).  Stored text is what the schema checks. */
/* parish: a parish or town council (England); community: a Welsh
 * community or town council; scottish: a Scottish council. */
#define COUNCIL_KIND_LIST(X)                                              \
	X(PRINCIPAL, "principal") X(PARISH, "parish")                     \
	X(COMMUNITY, "community") X(SCOTTISH, "scottish")
#define NATION_LIST(X) \
	X(ENGLAND, "england") X(WALES, "wales") X(SCOTLAND, "scotland")
#define QUORUM_KIND_LIST(X) \
	X(FRACTION, "fraction") X(FIXED, "fixed") X(COMPOSITE, "composite")
#define NUMBERING_LIST(X) \
	X(PER_MEETING, "meeting") X(PER_YEAR, "year") X(RUNNING, "running")
#define MEMBER_ROLE_LIST(X) \
	X(CHAIRMAN, "chairman") X(VICE_CHAIRMAN, "vice-chairman") X(MEMBER, "member")
#define MEETING_STATUS_LIST(X)                                            \
	X(SCHEDULED, "scheduled") X(IN_PROGRESS, "in progress")           \
	X(ADJOURNED, "adjourned") X(CLOSED, "closed") X(CANCELLED, "cancelled") \
	X(POSTPONED, "postponed")
#define MINUTES_STATE_LIST(X) X(DRAFT, "draft") X(CONFIRMED, "confirmed")
#define ITEM_KIND_LIST(X)                                                  \
	X(APOLOGIES, "apologies") X(DECLARATIONS, "declarations")          \
	X(PREVIOUS_MINUTES, "previous minutes") X(DEPUTATIONS, "deputations") \
	X(ANNOUNCEMENTS, "announcements") X(ORDINARY, "ordinary")          \
	X(ELECTION, "election") X(AOB, "any other business")               \
	X(NEXT_MEETING, "date of next meeting") X(URGENT, "urgent")
#define ATTENDANCE_STATUS_LIST(X)                                          \
	X(EXPECTED, "expected") X(PRESENT, "present") X(APOLOGY, "apology") \
	X(ABSENT, "absent") X(SUBSTITUTE, "substitute")                    \
	X(IN_ATTENDANCE, "in attendance")
#define INTEREST_KIND_LIST(X)                                              \
	X(PECUNIARY, "pecuniary") X(REGISTRABLE, "registrable")            \
	X(NON_REGISTRABLE, "non-registrable")
#define MINUTE_SECTION_LIST(X)                                             \
	X(RECEIVED, "received") X(NARRATIVE, "narrative") X(HEARD, "heard") \
	X(COMMENTED, "commented") X(EXEMPT, "exempt")
#define RESOLUTION_KIND_LIST(X) \
	X(MOTION, "motion") X(AMENDMENT, "amendment") X(EXCLUSION, "exclusion")
#define OUTCOME_LIST(X)                                                   \
	X(PENDING, "pending") X(CARRIED, "carried") X(LOST, "lost")       \
	X(WITHDRAWN, "withdrawn")
#define VOTE_LIST(X) X(FOR, "for") X(AGAINST, "against") X(ABSTAIN, "abstain")
#define ACTION_STATUS_LIST(X) X(OPEN, "open") X(DONE, "done") X(DROPPED, "dropped")
/* What a person is to the council: the six-month rule (Local Government
 * Act 1972 s.85) applies to councillors only. */
#define PERSON_KIND_LIST(X)                                                \
	X(COUNCILLOR, "councillor") X(COOPTED, "co-opted member")          \
	X(OFFICER, "officer") X(PARTNER, "partner representative")
/* Events of the live log.  A new kind is appended, never renumbered: the
 * stored form is the text. */
#define EVENT_KIND_LIST(X)                                                 \
	X(OPENED, "opened") X(ITEM_STARTED, "item started")               \
	X(ITEM_ENDED, "item ended") X(ARRIVED, "arrived") X(LEFT, "left")  \
	X(RETURNED, "returned") X(DECLARED, "declared")                   \
	X(PUBLIC_EXCLUDED, "public excluded")                             \
	X(PUBLIC_READMITTED, "public readmitted")                         \
	X(TEXT_RECORDED, "text recorded") X(MOVED, "moved")               \
	X(VOTE_TAKEN, "vote taken") X(ADJOURNED, "adjourned")             \
	X(RESUMED, "resumed") X(CLOSED, "closed")                         \
	X(QUORUM_LOST, "quorum lost") X(QUORUM_REGAINED, "quorum regained") \
	X(ATTENDANCE, "attendance") X(URGENT_ADDED, "urgent item added")  \
	X(NOTE, "note") X(PRESIDING, "presiding") X(ELECTED, "elected")

#define X(name, text) COUNCIL_##name,
enum council_kind { COUNCIL_KIND_LIST(X) };
#undef X
#define X(name, text) NATION_##name,
enum nation { NATION_LIST(X) };
#undef X
#define X(name, text) QUORUM_##name,
enum quorum_kind { QUORUM_KIND_LIST(X) };
#undef X
#define X(name, text) NUMBERING_##name,
enum numbering { NUMBERING_LIST(X) };
#undef X
#define X(name, text) ROLE_##name,
enum member_role { MEMBER_ROLE_LIST(X) };
#undef X
#define X(name, text) MEETING_##name,
enum meeting_status { MEETING_STATUS_LIST(X) };
#undef X
#define X(name, text) MINUTES_##name,
enum minutes_state { MINUTES_STATE_LIST(X) };
#undef X
#define X(name, text) ITEM_##name,
enum item_kind { ITEM_KIND_LIST(X) };
#undef X
#define X(name, text) ATT_##name,
enum attendance_status { ATTENDANCE_STATUS_LIST(X) };
#undef X
#define X(name, text) INTEREST_##name,
enum interest_kind { INTEREST_KIND_LIST(X) };
#undef X
#define X(name, text) SECTION_##name,
enum minute_section { MINUTE_SECTION_LIST(X) };
#undef X
#define X(name, text) RES_##name,
enum resolution_kind { RESOLUTION_KIND_LIST(X) };
#undef X
#define X(name, text) OUTCOME_##name,
enum outcome { OUTCOME_LIST(X) };
#undef X
#define X(name, text) VOTE_##name,
enum vote_choice { VOTE_LIST(X) };
#undef X
#define X(name, text) ACTION_##name,
enum action_status { ACTION_STATUS_LIST(X) };
#undef X
#define X(name, text) EVENT_##name,
enum event_kind { EVENT_KIND_LIST(X) };
#undef X
/* PERSON_UNSTATED: on creation, a councillor when the honorific says so
 * ("Councillor", "Cllr"), else an officer; never stored. */
#define X(name, text) PERSON_##name,
enum person_kind { PERSON_UNSTATED, PERSON_KIND_LIST(X) };
#undef X

/* Stored text of each enum value, and back (false when text is unknown). */
const char *council_kind_text(enum council_kind v);
const char *quorum_kind_text(enum quorum_kind v);
const char *member_role_text(enum member_role v);
const char *meeting_status_text(enum meeting_status v);
const char *minutes_state_text(enum minutes_state v);
const char *item_kind_text(enum item_kind v);
const char *attendance_status_text(enum attendance_status v);
const char *interest_kind_text(enum interest_kind v);
const char *minute_section_text(enum minute_section v);
const char *resolution_kind_text(enum resolution_kind v);
const char *outcome_text(enum outcome v);
const char *vote_choice_text(enum vote_choice v);
const char *action_status_text(enum action_status v);
const char *event_kind_text(enum event_kind v);
bool item_kind_parse(const char *s, enum item_kind *out);
bool attendance_status_parse(const char *s, enum attendance_status *out);
bool interest_kind_parse(const char *s, enum interest_kind *out);
bool event_kind_parse(const char *s, enum event_kind *out);
bool meeting_status_parse(const char *s, enum meeting_status *out);
const char *numbering_text(enum numbering v);
bool council_kind_parse(const char *s, enum council_kind *out);
const char *nation_text(enum nation v);
bool nation_parse(const char *s, enum nation *out);
bool quorum_kind_parse(const char *s, enum quorum_kind *out);
bool numbering_parse(const char *s, enum numbering *out);
bool member_role_parse(const char *s, enum member_role *out);
bool minutes_state_parse(const char *s, enum minutes_state *out);
bool minute_section_parse(const char *s, enum minute_section *out);
bool resolution_kind_parse(const char *s, enum resolution_kind *out);
bool outcome_parse(const char *s, enum outcome *out);
bool vote_choice_parse(const char *s, enum vote_choice *out);
bool action_status_parse(const char *s, enum action_status *out);
const char *person_kind_text(enum person_kind v);
bool person_kind_parse(const char *s, enum person_kind *out);

/* ------------------------------------------------------ councils, bodies */

struct council {
	clerk_id id;
	char *name;
	enum council_kind kind;
	enum nation nation; /* whose statutes apply */
	char *year_start;   /* "05-01": first day of the municipal year */
	/* What its papers print; "" is left out of them. */
	char *officer;       /* proper officer or chief executive: "Jane Davies" */
	char *officer_title; /* "Clerk to the Council", "Chief Executive" */
	char *address;       /* "Council Offices, Knowle Green, Staines" */
	char *enquiries;     /* "democratic.services@example.gov.uk" */
	char *filming;       /* the filming notice of its agendas */
	char *conduct;       /* the code of conduct it cites */
};
struct council_list {
	struct council *v;
	size_t n;
};

struct body {
	clerk_id id;
	clerk_id council_id;
	char *name;       /* "Health and Wellbeing Board" */
	char *short_name; /* "HWB" ("" when none) */
	char *self_name;  /* "the Board": how minutes name it */
	enum quorum_kind quorum_kind;
	int quorum_num, quorum_den; /* fraction of the seats (rounded up) */
	int quorum_fixed; /* fixed number, or floor of a composite rule */
	bool substitutes_allowed;
	char *minute_format; /* "%n.", "%n/%y", "(%n)" */
	enum numbering numbering;
	char *year_start; /* "05-01": first day of the municipal year */
	char *style;      /* house style name: "county", "parish" */
	char *tz;         /* "Europe/London" */
	char *standard_items; /* opening/closing items, "kind|title" lines */
	/* Where the numbering of year or running minutes picks up (a council
	 * moving to clerk part-way through its sequence): the first meeting
	 * from next_minute_from starts at next_minute (0: count from 1). */
	int next_minute;
	time_t next_minute_from;
	/* Filled on reads, ignored on writes: */
	char *council_name;
	enum council_kind council_kind;
	enum nation council_nation;
	/* Ended: wound up by the council (a ModernGov committee expired or
	 * deleted, or `clerk body end`); kept with its record, offered for
	 * no new meeting.  ended_reason: why ("" when not said). */
	bool ended;
	char *ended_reason;
};

/* A council's kind and nation must agree: a parish council is English, a
 * community council Welsh, a Scottish council Scottish, a principal council
 * English or Welsh (CLERK_INVALID otherwise).  Its name is unique. */
enum clerk_status council_create(struct db *db, struct council *c,
				 struct clerk_err *err);
enum clerk_status council_update(struct db *db, const struct council *c,
				 struct clerk_err *err);
enum clerk_status council_get(struct db *db, const char *id, struct council *out,
			      struct clerk_err *err);
/* A council by UUID, whole name, or unambiguous part of its name
 * (CLERK_NOT_FOUND, CLERK_AMBIGUOUS naming the candidates). */
enum clerk_status council_find(struct db *db, const char *name,
			       struct council *out, struct clerk_err *err);
/* Every council, by name. */
enum clerk_status council_list_all(struct db *db, struct council_list *out,
				   struct clerk_err *err);
void council_list_free(struct council_list *l);
/* The nation a kind of council belongs to (principal: England). */
enum nation council_default_nation(enum council_kind kind);
/* The statute under which a council excludes the press and public, as a
 * phrase that completes "excluded from the meeting under ...", citing
 * paragraph (of Schedule 12A, or Schedule 7A in Scotland) when the kind
 * has exempt paragraphs: "section 1(2) of the Public Bodies (Admission to
 * Meetings) Act 1960".  Caller frees. */
char *council_exclusion_law(enum council_kind kind, enum nation nation,
			    const char *paragraph);
/* True when the council's exclusions cite a paragraph of an exempt
 * information schedule; *max is its last paragraph (7 for Schedule 12A,
 * 15 for Schedule 7A). */
bool council_cites_paragraph(enum council_kind kind, int *max);
void council_free(struct council *c);

/* A parish, town or community council: its bodies minute in the parish
 * style and seat no substitutes unless the clerk says otherwise. */
bool council_kind_is_local(enum council_kind kind);
enum clerk_status body_create(struct db *db, struct body *b,
			      struct clerk_err *err);
enum clerk_status body_update(struct db *db, const struct body *b,
			      struct clerk_err *err);
enum clerk_status body_get(struct db *db, const char *id, struct body *out,
			   struct clerk_err *err);
/* A body's name and its short name are each unique within its council
 * (CLERK_CONFLICT naming the other body); body_create and body_update
 * refuse a duplicate.
 * Find a body by UUID, short name, or any case-insensitive part of its
 * name.  Several matches give CLERK_AMBIGUOUS with the candidates listed in
 * err; none gives CLERK_NOT_FOUND. */
enum clerk_status body_find(struct db *db, const char *name, struct body *out,
			    struct clerk_err *err);
struct body_list {
	struct body *v;
	size_t n;
};
/* Every body, by name. */
enum clerk_status body_list_all(struct db *db, struct body_list *out,
				struct clerk_err *err);
/* Remove a body that nothing recorded depends on: its seats, their
 * memberships and substitutes go with it; a body with meetings gives
 * CLERK_CONFLICT and is kept. */
enum clerk_status body_delete(struct db *db, const char *id,
			      struct clerk_err *err);
/* Mark a body ended (with why, "" for not said), or not ended again. */
enum clerk_status body_set_ended(struct db *db, const char *id, bool ended,
				 const char *reason, struct clerk_err *err);
void body_free(struct body *b);
void body_list_free(struct body_list *l);
/* Seats needed for a quorum when `seats` seats are filled. */
int body_quorum(const struct body *b, int seats);

/* ----------------------------------------------------------------- people */

struct person {
	clerk_id id;
	char *honorific;    /* "Councillor", "Dr", "" */
	char *name;         /* "Liz Fairhurst" */
	char *organisation; /* "Hampshire County Council" */
	char *role;         /* "Executive Member for Adult Social Care" */
	char *pronoun;      /* "he", "she", "they" or "" */
	enum person_kind kind; /* councillor, co-opted member, officer... */
};
struct person_list {
	struct person *v;
	size_t n;
};

enum clerk_status person_create(struct db *db, struct person *p,
				struct clerk_err *err);
enum clerk_status person_update(struct db *db, const struct person *p,
				struct clerk_err *err);
enum clerk_status person_get(struct db *db, const char *id, struct person *out,
			     struct clerk_err *err);
/* People whose name contains `part` (case-insensitive), best match first:
 * the exact name, then names starting with it, then a word starting with
 * it, then the rest; alphabetical within each. */
enum clerk_status person_search(struct db *db, const char *part,
				struct person_list *out, struct clerk_err *err);
/* Everyone, by name. */
enum clerk_status person_list_all(struct db *db, struct person_list *out,
				  struct clerk_err *err);
/* "Councillor Liz Fairhurst": honorific and name (caller frees). */
char *person_display_name(const struct person *p);
/* Split "Cllr Jo Bruce" into the honorific as the council writes it
 * ("Cllr"; "Cllr." loses its full stop) and the name ("Jo Bruce"), both
 * trimmed; no known honorific gives "" and the whole.  Caller frees both. */
void person_split_honorific(const char *full, char **honorific, char **name);
/* The length of the honorific s starts with (followed by a space), or 0. */
size_t person_honorific_length(const char *s);
void person_free(struct person *p);
void person_list_free(struct person_list *l);

/* ------------------------------------------------------ seats, membership */

struct seat {
	clerk_id id;
	clerk_id body_id;
	int position;
	char *label; /* organisation or role the seat is held for */
	bool voting;
	char *vacancy_note;  /* "Vacancy as of 1 Oct 2017" ("" when filled) */
	bool substitute_tbc; /* a substitute is still to be confirmed */
	char *from; /* date: first day the seat exists ("" or NULL: always) */
	char *to;   /* date: LAST day it exists, included ("" or NULL: open) */
};

struct seat_substitute {
	struct person person;
	char *capacity; /* "Assistant Director, Children & Families" */
};

/* A seat as it stood on a date: its main member (if any) and substitutes. */
struct seat_info {
	struct seat seat;
	bool filled;          /* false: vacant */
	struct person member; /* valid when filled */
	enum member_role role;
	char *member_capacity;
	char *member_since; /* date */
	struct seat_substitute *subs;
	size_t nsubs;
};
struct seat_info_list {
	struct seat_info *v;
	size_t n;
};

/* Position 0 puts the seat after the body's last.  A to date before the
 * from date is refused (CLERK_INVALID). */
enum clerk_status seat_create(struct db *db, struct seat *s,
			      struct clerk_err *err);
enum clerk_status seat_update(struct db *db, const struct seat *s,
			      struct clerk_err *err);
void seat_free(struct seat *s);
/* Record that person holds seat from `from` (date) to `to` (NULL: open),
 * both days included: `to` is the last day held.  A term overlapping
 * another of the same seat is refused with CLERK_CONFLICT. */
enum clerk_status membership_add(struct db *db, const char *seat_id,
				 const char *person_id, enum member_role role,
				 const char *capacity, const char *from,
				 const char *to, struct clerk_err *err);
/* End the open membership of a seat: `to` is its last day. */
enum clerk_status membership_end(struct db *db, const char *seat_id,
				 const char *to, struct clerk_err *err);
/* A seat by id (CLERK_NOT_FOUND when there is none). */
enum clerk_status seat_get(struct db *db, const char *id, struct seat *out,
			   struct clerk_err *err);
/* Remove a seat made by mistake, with its memberships and substitutes;
 * refused (CLERK_CONFLICT) once a meeting recorded anyone in it. */
enum clerk_status seat_delete(struct db *db, const char *seat_id,
			      struct clerk_err *err);
/* End person's open terms on body's seats (as member or as nominated
 * substitute) after last_day, the last day they serve; CLERK_NOT_FOUND
 * when they have none open that day.  *ended counts the terms ended. */
enum clerk_status membership_end_person(struct db *db, const char *body_id,
					const char *person_id,
					const char *last_day, int *ended,
					struct clerk_err *err);
/* Remove a membership (or, with substitute, a nomination) of person on
 * body recorded by mistake; refused (CLERK_CONFLICT) once a meeting of the
 * body recorded the person's attendance in that capacity. */
enum clerk_status membership_delete_person(struct db *db, const char *body_id,
					   const char *person_id,
					   bool substitute, int *removed,
					   struct clerk_err *err);
/* Nominating the same person twice for one seat at the same time is
 * refused (CLERK_CONFLICT). */
enum clerk_status substitute_add(struct db *db, const char *seat_id,
				 const char *person_id, const char *capacity,
				 const char *from, const char *to,
				 struct clerk_err *err);
/* One term of a person in a seat, from its from date to its to date, both
 * included (the to date is the last day the seat was held). */
struct membership {
	clerk_id id;
	clerk_id seat_id;
	struct person person;
	enum member_role role;
	char *capacity;
	char *from; /* date */
	char *to;   /* date: last day held, "" while still held */
};
struct membership_list {
	struct membership *v;
	size_t n;
};
/* Every term of a seat, oldest first. */
enum clerk_status membership_history(struct db *db, const char *seat_id,
				     struct membership_list *out,
				     struct clerk_err *err);
void membership_list_free(struct membership_list *l);
/* The seats of a body in existence on `date` (NULL: today: from <= date
 * <= to, open ends open), in order; a seat with no member that day is
 * listed, vacant. */
enum clerk_status seat_info_list(struct db *db, const char *body_id,
				 const char *date, struct seat_info_list *out,
				 struct clerk_err *err);
void seat_info_list_free(struct seat_info_list *l);

/* ---------------------------------------------------------------- meetings */

struct meeting {
	clerk_id id;
	clerk_id body_id;
	time_t starts_at;
	char *venue;
	enum meeting_status status;
	enum minutes_state minutes_state;
	clerk_id confirmed_at; /* meeting that confirmed these minutes */
	time_t confirmed_on;
	char *confirmed_amendment;
	clerk_id signed_by;
	int first_minute;   /* 0: computed from the body's numbering */
	int public_present; /* -1: not noted */
	char *called_off_reason; /* why CANCELLED or POSTPONED ("" none) */
};
struct meeting_list {
	struct meeting *v;
	size_t n;
};

enum clerk_status meeting_create(struct db *db, struct meeting *m,
				 struct clerk_err *err);
/* Saves body, start, venue, status, first_minute, public_present and the
 * reason it was called off; the confirmation is only ever set by
 * meeting_confirm.  Create and update refuse (CLERK_CONFLICT) a second
 * meeting of the body at the same start: both would have the same name. */
enum clerk_status meeting_update(struct db *db, const struct meeting *m,
				 struct clerk_err *err);
enum clerk_status meeting_get(struct db *db, const char *id, struct meeting *out,
			      struct clerk_err *err);
/* A meeting named by UUID, or by date "YYYY-MM-DD" (local date in the
 * body's zone) with body (NULL: any body; several meetings that day give
 * CLERK_AMBIGUOUS naming the bodies). */
enum clerk_status meeting_find(struct db *db, const char *name,
			       const char *body, struct meeting *out,
			       struct clerk_err *err);
/* The meeting in progress (or adjourned), else the next scheduled one from
 * `now` (a scheduled meeting stays "next" for 12 hours after its planned
 * start, as it may open late); CLERK_NOT_FOUND when there is none. */
enum clerk_status meeting_current(struct db *db, time_t now,
				  struct meeting *out, struct clerk_err *err);
/* Meetings of a body (NULL: all bodies), by start time. */
enum clerk_status meeting_list(struct db *db, const char *body_id,
			       struct meeting_list *out, struct clerk_err *err);
/* The meetings a console may open: in progress or adjourned, and those
 * scheduled to start at or after `since` (0: whenever), in order of start
 * (found from the index, not by listing the archive). */
enum clerk_status meeting_list_open(struct db *db, time_t since,
				    struct meeting_list *out,
				    struct clerk_err *err);
/* The meeting meeting_current names, found in `open` (meeting_list_open's
 * list from at most twelve hours before `now`); NULL when none.  The
 * pointer is into `open`. */
const struct meeting *meeting_current_in(const struct meeting_list *open,
					 time_t now);
enum clerk_status meeting_set_status(struct db *db, const char *meeting_id,
				     enum meeting_status status,
				     struct clerk_err *err);
/* Confirmation (model/confirm.c).  Minutes are confirmed, and confirmed
 * minutes corrected, only at a later meeting of the same body (or of the
 * body set as body.minutes_confirmed_by, where standing orders say so)
 * that has been held or is in progress; minutes of a meeting that was not
 * held cannot be confirmed.  Each refusal (CLERK_INVALID, or CLERK_LOCKED
 * when already confirmed) names the rule and what to do instead. */

/* True when the meeting took place or is taking place: in progress,
 * adjourned or closed, or scheduled and its time has come (minutes typed
 * in afterwards); never cancelled or postponed. */
bool meeting_was_held(const struct meeting *m);
enum clerk_status meeting_check_confirmation(struct db *db,
					     const struct meeting *m,
					     const struct meeting *at,
					     struct clerk_err *err);
enum clerk_status meeting_check_correction(struct db *db,
					   const struct meeting *m,
					   const struct meeting *at,
					   struct clerk_err *err);
/* Where a council's standing orders say so, the minutes of body_id are
 * confirmed at meetings of confirmer_id (NULL, "" or body_id itself: at its
 * own meetings, the default). */
enum clerk_status body_set_minutes_confirmed_by(struct db *db,
					       const char *body_id,
					       const char *confirmer_id,
					       struct clerk_err *err);
/* The body at whose meetings body_id's minutes are confirmed: its
 * standing orders' choice, else itself. */
void meeting_confirming_body(struct db *db, const char *body_id, clerk_id out);
/* Who presided at a confirming meeting, and so signs. */
enum presiding_role {
	PRESIDING_CHAIRMAN,
	PRESIDING_VICE_CHAIRMAN,
	PRESIDING_MEMBER, /* another member, named by the clerk */
};
/* "chairman", "vice-chairman", "presiding". */
const char *presiding_role_text(enum presiding_role r);
/* Who signs minutes confirmed at meeting `at`: `named` (a person id, or
 * NULL) when given, who must be recorded present there when its
 * attendance is recorded; else the body's chairman recorded present,
 * else its vice-chairman (when no attendance is recorded: the chairman,
 * else vice-chairman, holding the seat that day).  CLERK_INVALID saying
 * to name who presided when there is none. */
enum clerk_status meeting_presiding(struct db *db, const struct meeting *at,
				    const char *named, clerk_id who,
				    enum presiding_role *role,
				    struct clerk_err *err);
/* Record that `meeting_id`'s minutes were confirmed at meeting `at_id`
 * with the amendment (may be "") and signed by the person presiding
 * (`presiding`, a person id, or NULL: worked out by meeting_presiding).
 * Checks meeting_check_confirmation first; locked from then on.  To keep
 * the signed text as well, use export_confirm_minutes(). */
enum clerk_status meeting_confirm(struct db *db, const char *meeting_id,
				  const char *at_id, const char *amendment,
				  const char *presiding, struct clerk_err *err);
/* The minutes meeting `at` would confirm at its "minutes of the previous
 * meeting" item: the latest earlier meeting that took place, of at's body
 * (or of a body whose minutes at's body confirms), whose minutes are still
 * a draft.  CLERK_NOT_FOUND saying so when there is none. */
enum clerk_status meeting_awaiting_confirmation(struct db *db,
					       const struct meeting *at,
					       struct meeting *out,
					       struct clerk_err *err);
/* In what capacity the signer of confirmed minutes presided. */
enum clerk_status meeting_signed_as(struct db *db, const char *meeting_id,
				    enum presiding_role *role);
/* The number of a meeting's first minute, from the body's numbering rule:
 * per meeting it is 1; per municipal year (from body.year_start, in the
 * body's zone) it continues from the meetings before it in the same year,
 * each agenda item taking one number; cancelled meetings take none, and a
 * meeting whose first_minute is set restarts the count there. */
int meeting_first_minute(struct db *db, const struct meeting *m);
/* The same, reporting a read that failed (out is then 1). */
enum clerk_status meeting_first_minute_read(struct db *db,
					    const struct meeting *m, int *out,
					    struct clerk_err *err);
/* The first calendar year of the municipal year that holds time t for
 * body b (from body.year_start, "05-01" when unset), in the body's zone. */
int body_municipal_year(const struct body *b, time_t t);
/* Minute number n in format fmt (a body's minute_format; "%n." when NULL
 * or empty): %n the number, %y the last two digits of municipal year
 * `year`, %% a percent sign.  Caller frees. */
char *minute_number_format(const char *fmt, int n, int year);
/* Minute number n of meeting m as the body prints it (its minute_format:
 * "%n." gives "6.", "%n/%y" gives "6/17"); caller frees. */
char *minute_number_text(const struct body *b, const struct meeting *m, int n);
/* The minute number of an agenda item of a meeting held ("" for a meeting
 * not held: scheduled or called off, or an unknown item); caller frees. */
char *item_minute_number(struct db *db, const char *item_id);
/* The same, and a record that could not be read (not one gone) fills
 * *err when it holds no failure yet. */
char *item_minute_number_read(struct db *db, const char *item_id,
			      struct clerk_err *err);
/* Minute numbers of many items of few meetings (a search's hits): each
 * meeting, its body, its first minute and the order its items were taken
 * are read once into the memo, however many of its items are numbered.
 * Start from {0}; minute_memo_free when done. */
struct minute_memo_meeting;
struct minute_memo {
	struct minute_memo_meeting *meetings;
	size_t n;
	struct body *bodies;
	size_t nbodies;
};
/* The number item_minute_number_read gives the item item_id of meeting
 * meeting_id at agenda place `position`; caller frees. */
char *minute_memo_number(struct db *db, struct minute_memo *memo,
			 const char *item_id, const char *meeting_id,
			 int position, struct clerk_err *err);
void minute_memo_free(struct minute_memo *memo);
/* A meeting cancelled or postponed: not held on its date, so never run,
 * counted for attendance or numbered. */
bool meeting_called_off(const struct meeting *m);
/* Call a meeting off (status CANCELLED or POSTPONED) with a reason (may be
 * ""): refused (CLERK_CONFLICT, with a sentence) once it has been opened,
 * as what happened there is recorded. */
enum clerk_status meeting_call_off(struct db *db, const char *meeting_id,
				   enum meeting_status status,
				   const char *reason, struct clerk_err *err);
/* What is recorded of a meeting (events, attendance, declarations, minute
 * text, resolutions, votes, actions, corrections, or minutes confirmed or
 * confirming others): a sentence naming it in *what (caller frees), or
 * NULL with nothing recorded. */
enum clerk_status meeting_recorded(struct db *db, const char *meeting_id,
				   char **what, struct clerk_err *err);
/* Whether clerk holds the proceedings of a meeting (attendance, minute
 * text or resolutions) in *held, as opposed to a meeting known only by its
 * date, whose minutes were kept elsewhere (an import, or an earlier meeting
 * whose confirmation alone was recorded: its signed copy is then empty). */
enum clerk_status meeting_proceedings_held(struct db *db,
					   const char *meeting_id, bool *held,
					   struct clerk_err *err);
/* Delete a meeting with nothing recorded, with its agenda; one with
 * anything recorded gives CLERK_CONFLICT naming what. */
enum clerk_status meeting_delete(struct db *db, const char *meeting_id,
				 struct clerk_err *err);
void meeting_free(struct meeting *m);
void meeting_list_free(struct meeting_list *l);

/* ------------------------------------------------------------------ agenda */

struct agenda_item {
	clerk_id id;
	clerk_id meeting_id;
	int position;
	char *number; /* "6" */
	char *title;
	char *description;
	char *presenter;
	time_t planned_start;
	int planned_minutes;
	char *pages; /* "11 - 32" */
	bool exempt;
	char *exempt_paragraph; /* Sch. 12A paragraph, "3" */
	enum item_kind kind;
	char *urgent_reason;
};
struct item_list {
	struct agenda_item *v;
	size_t n;
};

/* Insert at it->position (0: at the end), shifting later items down. */
enum clerk_status item_create(struct db *db, struct agenda_item *it,
			      struct clerk_err *err);
/* Saves every field but the position (see item_move) and the meeting. */
enum clerk_status item_update(struct db *db, const struct agenda_item *it,
			      struct clerk_err *err);
/* Delete an item and close the gap; an item with minutes, events or
 * declarations recorded against it gives CLERK_CONFLICT. */
enum clerk_status item_delete(struct db *db, const char *item_id,
			      struct clerk_err *err);
/* Move an item to position `to` (1-based), renumbering positions. */
enum clerk_status item_move(struct db *db, const char *item_id, int to,
			    struct clerk_err *err);
enum clerk_status item_get(struct db *db, const char *id,
			   struct agenda_item *out, struct clerk_err *err);
/* The agenda of a meeting, in order (positions 1..n). */
enum clerk_status item_list(struct db *db, const char *meeting_id,
			    struct item_list *out, struct clerk_err *err);
void item_free(struct agenda_item *it);
void item_list_free(struct item_list *l);

/* ------------------------------------------------------------------ events */

struct event {
	clerk_id id;
	clerk_id meeting_id;
	int seq;
	time_t at;
	enum event_kind kind;
	clerk_id item_id;
	clerk_id person_id;
	char *detail;
};
struct event_list {
	struct event *v;
	size_t n;
};

/* Append an event stamped clock_now(); item_id/person_id may be NULL or "".
 * *out (may be NULL) receives the event as stored. */
enum clerk_status event_append(struct db *db, const char *meeting_id,
			       enum event_kind kind, const char *item_id,
			       const char *person_id, const char *detail,
			       struct event *out, struct clerk_err *err);
/* The log of a meeting, in order of seq. */
enum clerk_status event_list(struct db *db, const char *meeting_id,
			     struct event_list *out, struct clerk_err *err);
void event_free(struct event *e);
/* Append to *out the events of the meeting numbered after `after_seq`, in
 * order: the log is only ever appended to, so a reader that holds the log up
 * to some event reads on from there.  On failure *out keeps what it held
 * (and perhaps some of the new events). */
enum clerk_status event_list_after(struct db *db, const char *meeting_id,
				   int after_seq, struct event_list *out,
				   struct clerk_err *err);
/* The events of the meeting whose detail is a or b, in order. */
enum clerk_status event_list_details(struct db *db, const char *meeting_id,
				     const char *a, const char *b,
				     struct event_list *out,
				     struct clerk_err *err);
void event_list_free(struct event_list *l);

/* -------------------------------------------------------------- attendance */

struct attendance {
	clerk_id id;
	clerk_id meeting_id;
	clerk_id person_id;
	clerk_id seat_id; /* "" for also-in-attendance */
	enum attendance_status status;
	clerk_id substitute_for; /* member this person stood in for */
	char *capacity;          /* "standing observer" */
	char *note;              /* reason for apology */
	char *substitute_note;   /* what happened to the substitute */
	time_t arrived_at;       /* late arrival */
	clerk_id arrived_item;
	time_t left_at; /* early departure */
	clerk_id left_item;
	/* Filled on reads: */
	struct person person;
};
struct attendance_list {
	struct attendance *v;
	size_t n;
};

/* Insert or replace the attendance of a->person_id at a->meeting_id; a->id
 * receives the id of the row (an existing row keeps its id). */
enum clerk_status attendance_set(struct db *db, struct attendance *a,
				 struct clerk_err *err);
enum clerk_status attendance_delete(struct db *db, const char *id,
				    struct clerk_err *err);
/* Attendance of a meeting: seat order first, then others by name. */
enum clerk_status attendance_list(struct db *db, const char *meeting_id,
				  struct attendance_list *out,
				  struct clerk_err *err);
/* One person's row of a meeting's attendance, as attendance_list reads it
 * (CLERK_NOT_FOUND when they have none): the live console reads again
 * only the row an action changed. */
enum clerk_status attendance_get_person(struct db *db, const char *meeting_id,
					const char *person_id,
					struct attendance *out,
					struct clerk_err *err);
/* Add an 'expected' row for each seat's main member on the meeting's date
 * who has no row yet. */
enum clerk_status attendance_expect_members(struct db *db,
					    const char *meeting_id,
					    struct clerk_err *err);
/* The same with the seats on the meeting's local day already read; have:
 * the meeting's attendance as read in the same transaction (only members
 * without a row there are written), or NULL.  *added (may be NULL): how
 * many rows were written. */
enum clerk_status attendance_expect_seats(struct db *db,
					  const char *meeting_id,
					  const struct seat_info_list *seats,
					  const struct attendance_list *have,
					  int *added, struct clerk_err *err);
void attendance_free(struct attendance *a);
void attendance_list_free(struct attendance_list *l);

/* ------------------------------------------------- planning applications */

/* A planning application taken as an agenda item (model/application.c):
 * one per item.  conditions: one a line, in order (the reasons for
 * refusal when refused); speakers: one a line, a role (objector,
 * supporter, applicant, agent, ward member, parish) and, after a colon,
 * the name when the minutes give it. */
struct application {
	clerk_id id;
	clerk_id meeting_id;
	clerk_id item_id;
	char *reference; /* "APP/19/01181" */
	char *site;
	char *applicant;
	char *proposal;
	char *ward;
	char *recommendation; /* the officer's */
	char *decision;	      /* "", approved, refused, deferred, delegated,
			       * withdrawn */
	char *conditions;
	char *speakers;
};
struct application_list {
	struct application *v;
	size_t n;
};
/* Insert (a->id empty: an id is made) or update; refused once the
 * meeting's minutes are confirmed, or when a field is not valid. */
enum clerk_status application_save(struct db *db, struct application *a,
				   struct clerk_err *err);
/* The meeting's applications, in agenda order. */
enum clerk_status application_list(struct db *db, const char *meeting_id,
				   struct application_list *out,
				   struct clerk_err *err);
/* The application of item_id in l, or NULL. */
const struct application *application_of_item(const struct application_list *l,
					      const char *item_id);
bool application_decision_valid(const char *d);
/* The role a speaker line starts with ("objector: Mrs A Smith" gives
 * "objector"), or NULL when it names none. */
const char *application_speaker_role(const char *line);
void application_free(struct application *a);
void application_list_free(struct application_list *l);

/* ------------------------------------------------------------ declarations */

struct declaration {
	clerk_id id;
	clerk_id meeting_id;
	clerk_id item_id;
	clerk_id person_id;
	enum interest_kind kind;
	char *what;
	bool sensitive;
	bool dispensation;
	bool left_room;
};
struct declaration_list {
	struct declaration *v;
	size_t n;
};
enum clerk_status declaration_create(struct db *db, struct declaration *d,
				     struct clerk_err *err);
enum clerk_status declaration_update(struct db *db, const struct declaration *d,
				     struct clerk_err *err);
enum clerk_status declaration_delete(struct db *db, const char *id,
				     struct clerk_err *err);
/* Declarations on the whole business first, then in agenda order, by the
 * declaring member's name. */
enum clerk_status declaration_list(struct db *db, const char *meeting_id,
				   struct declaration_list *out,
				   struct clerk_err *err);
void declaration_free(struct declaration *d);
void declaration_list_free(struct declaration_list *l);

/* ------------------------------------------------------------ minute text */

/* One paragraph or point of an item's minute. */
struct minute_text {
	clerk_id id;
	clerk_id meeting_id;
	clerk_id item_id;
	enum minute_section section;
	int position;
	char *body;
};
struct minute_text_list {
	struct minute_text *v;
	size_t n;
};
/* Append (position 0: at the end of its section). */
enum clerk_status minute_text_create(struct db *db, struct minute_text *t,
				     struct clerk_err *err);
enum clerk_status minute_text_update(struct db *db, const char *id,
				     const char *body, struct clerk_err *err);
enum clerk_status minute_text_delete(struct db *db, const char *id,
				     struct clerk_err *err);
/* All text of a meeting (item_id NULL) or of one item, in item, section,
 * position order. */
enum clerk_status minute_text_list(struct db *db, const char *meeting_id,
				   const char *item_id,
				   struct minute_text_list *out,
				   struct clerk_err *err);
void minute_text_free(struct minute_text *t);
void minute_text_list_free(struct minute_text_list *l);

/* ------------------------------------------------------ resolutions, votes */

struct resolution {
	clerk_id id;
	clerk_id meeting_id;
	clerk_id item_id;
	int position;
	enum resolution_kind kind;
	clerk_id amends; /* the motion an amendment amends */
	char *preamble;  /* "The Health and Wellbeing Board:" or "" */
	char *body;
	clerk_id mover;
	clerk_id seconder;
	enum outcome outcome;
	bool voted; /* false: agreed without a count */
	int votes_for, votes_against, votes_abstain;
	bool recorded; /* named vote: see vote_list */
	bool has_casting;
	enum vote_choice casting; /* chair's casting vote (FOR or AGAINST) */
};
struct resolution_list {
	struct resolution *v;
	size_t n;
};
enum clerk_status resolution_create(struct db *db, struct resolution *r,
				    struct clerk_err *err);
enum clerk_status resolution_update(struct db *db, const struct resolution *r,
				    struct clerk_err *err);
/* Delete a resolution with its votes; actions and amendments pointing at
 * it are kept, unlinked. */
enum clerk_status resolution_delete(struct db *db, const char *id,
				    struct clerk_err *err);
/* Resolutions of a meeting (item_id NULL) or one item, in agenda order
 * then position. */
enum clerk_status resolution_list(struct db *db, const char *meeting_id,
				  const char *item_id,
				  struct resolution_list *out,
				  struct clerk_err *err);
void resolution_free(struct resolution *r);
void resolution_list_free(struct resolution_list *l);

struct vote {
	clerk_id id;
	clerk_id meeting_id;
	clerk_id resolution_id;
	clerk_id person_id;
	enum vote_choice vote;
	char *reason;
};
struct vote_list {
	struct vote *v;
	size_t n;
};
/* Insert or replace one member's vote on a resolution; v->id and
 * v->meeting_id are filled from the stored row. */
enum clerk_status vote_set(struct db *db, struct vote *v, struct clerk_err *err);
/* Named votes on a resolution: for, against, abstaining; by name within
 * each. */
enum clerk_status vote_list(struct db *db, const char *resolution_id,
			    struct vote_list *out, struct clerk_err *err);
void vote_free(struct vote *v);
void vote_list_free(struct vote_list *l);

/* ---------------------------------------------------------------- actions */

struct action {
	clerk_id id;
	clerk_id meeting_id;
	clerk_id resolution_id;
	char *body;
	char *owner;
	char *due; /* date or "" */
	enum action_status status;
};
struct action_list {
	struct action *v;
	size_t n;
};
enum clerk_status action_create(struct db *db, struct action *a,
				struct clerk_err *err);
enum clerk_status action_update(struct db *db, const struct action *a,
				struct clerk_err *err);
/* Actions of a meeting: open ones first, then by due date (undated last). */
enum clerk_status action_list(struct db *db, const char *meeting_id,
			      struct action_list *out, struct clerk_err *err);
void action_free(struct action *a);
void action_list_free(struct action_list *l);

/* ------------------------------------------------------------ corrections */

/* A correction to confirmed minutes, made at a later meeting. */
struct correction {
	clerk_id id;
	clerk_id meeting_id; /* corrected */
	clerk_id made_at;    /* meeting that made it */
	time_t at;
	char *body;
};
struct correction_list {
	struct correction *v;
	size_t n;
};
enum clerk_status correction_create(struct db *db, struct correction *c,
				    struct clerk_err *err);
/* Corrections of meeting_id (as corrected) or made at it (made_at true),
 * oldest first.  A correction with no time is stamped clock_now(). */
enum clerk_status correction_list(struct db *db, const char *meeting_id,
				  bool made_at, struct correction_list *out,
				  struct clerk_err *err);
void correction_free(struct correction *c);
void correction_list_free(struct correction_list *l);

/* ----------------------------------------------------------------- audit */

/* One change to a meeting's record, as the audit trail keeps it: the row
 * before and after, as JSON objects of its columns ("" when none). */
struct audit_entry {
	long long seq;
	time_t at;
	char *table; /* "minute_text", "attendance", "meeting", ... */
	clerk_id row_id;
	char *op;    /* "insert", "update", "delete" */
	char *old_json;
	char *new_json;
	char *who;   /* "jsmith (Jane Smith)"; "" before clerk recorded it */
};
struct audit_list {
	struct audit_entry *v;
	size_t n;
};
/* Every change to meeting_id's record (the meeting, its agenda, events,
 * attendance, declarations, minute text, resolutions, votes, actions and
 * the corrections of its minutes), oldest first. */
enum clerk_status audit_history(struct db *db, const char *meeting_id,
				struct audit_list *out, struct clerk_err *err);
void audit_list_free(struct audit_list *l);
/* The change in lines a reader follows, each "    field: value\n": a new
 * or removed record's fields, a changed record's changed fields as
 * "old -> new" (text quoted, none as -); ids left out, and with db (may
 * be NULL) a person's id shown as their name and an agenda item's as its
 * title.  Caller frees. */
char *audit_entry_changes(struct db *db, const struct audit_entry *a);
/* The same, and a name or title that could not be read (the file damaged,
 * not a record since deleted) fills *err (when err is not NULL and holds
 * no failure yet): the caller must not show the lines as whole. */
char *audit_entry_changes_read(struct db *db, const struct audit_entry *a,
			       struct clerk_err *err);
/* The record an entry changed, in one line a reader recognises: its kind,
 * the start of its id as `clerk history` prints it, and who or what it is
 * about ("declaration 1a2b3c4d: \"Cllr Ann Smith\"").  Caller frees. */
char *audit_entry_record(struct db *db, const struct audit_entry *a);
/* Keep only the changes to the record whose id starts with row_prefix
 * (any case); returns how many are left. */
size_t audit_list_keep_record(struct audit_list *l, const char *row_prefix);

/* ------------------------------------------------------ approved absence */

/* A councillor's absence approved by the authority (Local Government Act
 * 1972 s.85(1)), at a meeting, until a last day. */
struct absence_approval {
	clerk_id id;
	clerk_id person_id;
	clerk_id approved_at; /* the meeting that approved it */
	char *until;          /* date: last day covered */
	char *reason;
};
/* Refused (CLERK_INVALID, with a sentence) for someone not recorded as a
 * councillor, a meeting called off or not yet held, a last day before the
 * meeting, or an empty reason. */
enum clerk_status absence_approve(struct db *db, struct absence_approval *a,
				  struct clerk_err *err);
void absence_approval_free(struct absence_approval *a);

/* --------------------------------------------------------- signed minutes */

/* Confirmed minutes as they were signed (model/signed.c): the public and
 * the confidential record in clerk's format-neutral document form
 * (export/docform.c), the house style they were made in, and a SHA-256
 * digest (64 hex digits) of the three.  Written once, never replaced. */
#define SIGNED_DIGEST_LEN 65
struct signed_minutes {
	clerk_id meeting_id;
	time_t signed_at;
	char *style;
	char *public_doc;
	char *confidential_doc;
	char *digest; /* filled on reads; computed by the store */
};
/* The digest of a signed record, as lower-case hex. */
void signed_minutes_digest(const char *style, const char *public_doc,
			   const char *confidential_doc,
			   char out[SIGNED_DIGEST_LEN]);
/* Keep the signed text of confirmed minutes (CLERK_INVALID when they are
 * not confirmed, CLERK_LOCKED when it is already kept). */
enum clerk_status signed_minutes_store(struct db *db,
				       const struct signed_minutes *s,
				       struct clerk_err *err);
/* CLERK_NOT_FOUND when the meeting's minutes were not kept as signed (a
 * draft, or confirmed in a file made before clerk kept the signed
 * text). */
enum clerk_status signed_minutes_get(struct db *db, const char *meeting_id,
				     struct signed_minutes *out,
				     struct clerk_err *err);
/* True when the stored digest matches the stored text. */
bool signed_minutes_intact(const struct signed_minutes *s);
/* Check every signed record: the meetings whose stored text no longer
 * matches its digest go in *broken (oldest signed first), the number of
 * records checked in *checked. */
enum clerk_status signed_minutes_verify(struct db *db,
					struct meeting_list *broken,
					size_t *checked,
					struct clerk_err *err);
void signed_minutes_free(struct signed_minutes *s);

/* ------------------------------------------------------- derived queries */

/* Who is in the room at time t (0: now, from the whole log): members and
 * substitutes present, arrived and not departed nor out for an interest.
 * The log is replayed up to t: attendance rows marked present, substitute
 * or in attendance are there from the start (unless the log has their
 * ARRIVED, or their arrived_at is later); ARRIVED brings a person in; LEFT
 * "departed" (or left_at) takes them away for good; any other LEFT puts
 * them out of the room until RETURNED; a declaration with left_room keeps
 * its member out while its item runs (from ITEM_STARTED, or from DECLARED
 * when made during the item, to ITEM_ENDED).  Only voting members and
 * substitutes on voting seats count towards the quorum. */
struct room_state {
	int voting_in_room; /* voting members physically present */
	int seats;          /* filled seats of the body */
	int quorum;         /* needed */
	bool quorate;
	clerk_id current_item;  /* item running at t ("" none) */
	bool public_excluded;
	struct attendance_list in_room; /* present and in the room */
	struct attendance_list out_of_room; /* present but out (interest) */
};
enum clerk_status room_state_at(struct db *db, const char *meeting_id, time_t t,
				struct room_state *out, struct clerk_err *err);
void room_state_free(struct room_state *r);

/* A member's attendance over a period.  Only meetings that have started
 * (by clock_now()) and were not cancelled count.  At each, every seat's
 * member on that day was expected; no row or a row still 'expected' counts
 * as absent. */
struct attendance_summary {
	struct person person;
	int expected;      /* meetings where they held a seat */
	int present;       /* attended in person as the member */
	int as_substitute; /* attended as someone's substitute */
	int apologies;
	int absent;
	int substitute_sent; /* their substitute attended in their place */
	time_t last_attended; /* 0: never in the period */
};
struct attendance_summary_list {
	struct attendance_summary *v;
	size_t n;
};
/* Per person for a body (body_id) or one person (person_id); dates may be
 * NULL for open ends.  Sorted by name; one person gives one row even when
 * they were never expected (all zeros). */
enum clerk_status attendance_summary(struct db *db, const char *body_id,
				     const char *person_id, const char *from,
				     const char *to,
				     struct attendance_summary_list *out,
				     struct clerk_err *err);
void attendance_summary_list_free(struct attendance_summary_list *l);

#endif
