/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lookup: the officers' quick answers, as read-only queries.
 *
 * "Who sits on this board, and who is their substitute?", "which boards
 * does Dr X sit on?", "what was their attendance this year?", "what did we
 * decide about Y?".  Every function here only reads, so it works on a
 * read-only file and beside a meeting being recorded by another process
 * (each look-up reads one consistent snapshot of a WAL file).
 *
 * Ownership: every struct filled here owns its strings; release it with the
 * matching *_free(), which zeroes it (freeing twice is safe).  Dates are
 * "YYYY-MM-DD" in the body's zone; times are time_t (UTC).
 */
#ifndef CLERK_LOOKUP_H
#define CLERK_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "clerk/core.h"
#include "clerk/db.h"

#define LOOKUP_DATE_LEN 11

/* ------------------------------------------------------------- bodies */

struct lookup_body {
	char id[CLERK_UUID_LEN];
	char *name;       /* "Health and Wellbeing Board" */
	char *short_name; /* "HWB", or "" */
	char *council;    /* "Hampshire County Council" */
	char *tz;         /* "Europe/London" */
	char *quorum_kind; /* "fraction", "fixed", "composite" */
	int quorum_num, quorum_den, quorum_fixed;
	char *ended; /* NULL, or why the body ended ("" when not said) */
	bool substitutes_allowed; /* false: a parish's councillors send none */
};
struct lookup_body_list {
	struct lookup_body *v;
	size_t n;
};

/* The bodies that `name` names: a UUID, or an exact name or short name
 * (case-insensitive) gives that one body; else every body whose name or
 * short name contains `name` case-insensitively, or whose initials (of the
 * words other than and/of/the/for) equal it.  An empty list is not an
 * error: the caller says "not found" and may offer lookup_body_all(). */
enum clerk_status lookup_body_match(struct db *db, const char *name,
				    struct lookup_body_list *out,
				    struct clerk_err *err);
/* Every body, by name. */
enum clerk_status lookup_body_all(struct db *db, struct lookup_body_list *out,
				  struct clerk_err *err);
void lookup_body_free(struct lookup_body *b);
void lookup_body_list_free(struct lookup_body_list *l);
/* Seats needed for a quorum of body b when `seats` voting seats are filled:
 * a fraction rounds up; a composite rule takes the larger of the fraction
 * and its fixed floor. */
int lookup_quorum(const struct lookup_body *b, int seats);
/* The body's quorum rule in words ("one quarter of the filled seats");
 * caller frees. */
char *lookup_quorum_rule(const struct lookup_body *b);
/* Today's date in zone tz, from clock_now(). */
void lookup_today(const char *tz, char out[LOOKUP_DATE_LEN]);

/* --------------------------------------------------------- membership */

/* A person holding, or nominated for, a seat. */
struct lookup_holder {
	char person_id[CLERK_UUID_LEN];
	char *name;     /* display name: "Councillor Liz Fairhurst" */
	char *capacity; /* how shown on this body: "Clinical Chairman" */
	char *since;    /* first day (date) */
	char *until;    /* last day, or "" while open */
};

struct lookup_seat {
	char id[CLERK_UUID_LEN];
	int position;
	char *label; /* organisation or role the seat is held for */
	bool voting;
	char *vacancy_note;  /* "Vacancy as of 1 Oct 2017", or "" */
	bool substitute_tbc; /* a substitute is still to be confirmed */
	bool filled;         /* false: vacant on the date */
	struct lookup_holder member; /* valid when filled */
	char *role; /* "chairman", "vice-chairman", "member" */
	struct lookup_holder *subs;  /* nominated substitutes, in order */
	size_t nsubs;
	/* In existence on the date, by the seat's from and to dates: a seat
	 * ended (replaced) before the date, or created after it, is listed
	 * apart and not counted.  A seat in existence with no member is in
	 * use, vacant. */
	bool in_use;
	char *first_day; /* the seat's first day, or "" (always) */
	char *last_day;  /* its last day, included, or "" (open) */
};

struct lookup_membership {
	struct lookup_body body;
	char date[LOOKUP_DATE_LEN]; /* the day it describes */
	struct lookup_seat *seats;  /* in seat order, in use or not */
	size_t nseats;
	int in_use;        /* seats in use on the date */
	int filled;        /* seats with a main member */
	int voting_filled; /* of which voting */
	int quorum;        /* members needed, from lookup_quorum() */
};

/* The seats of body_id as they stood on `date` (NULL: today in the body's
 * zone): main members with their roles, nominated substitutes, vacancies. */
enum clerk_status lookup_membership(struct db *db, const char *body_id,
				    const char *date,
				    struct lookup_membership *out,
				    struct clerk_err *err);
void lookup_membership_free(struct lookup_membership *m);

/* -------------------------------------------------------------- people */

/* One place a person holds: a seat as main member, or as a substitute. */
struct lookup_post {
	char body_id[CLERK_UUID_LEN];
	char *body_name;
	char *body_short;
	int seat_position;
	char *seat_label;
	bool substitute; /* nominated substitute rather than main member */
	char *role;      /* "chairman", "vice-chairman", "member", "substitute" */
	char *capacity;
	char *since;
	char *until;      /* "" while open */
	char *for_member; /* a substitute's main member on the date, or "" */
};

struct lookup_person {
	char id[CLERK_UUID_LEN];
	char *name;         /* display name, with honorific */
	char *organisation;
	char *role;
	struct lookup_post *posts;
	size_t nposts;
};
struct lookup_person_list {
	struct lookup_person *v;
	size_t n;
};

/* People that `query` names: the whole query appears in their name (with
 * or without honorific, case-insensitive, a leading "Cllr"/"Dr"... in the
 * query ignored), or every word of the query begins a different word of
 * their name ("A Whitfield").  Posts are not filled.  An empty list is not
 * an error. */
enum clerk_status lookup_people_match(struct db *db, const char *query,
				      struct lookup_person_list *out,
				      struct clerk_err *err);
/* When nothing matches: up to `max` display names nearest to `query` by
 * edit distance (whole name or surname), nearest first, and only those
 * close enough to be a plausible typing slip.  *out is a NULL-terminated
 * array the caller frees with lookup_strings_free(). */
enum clerk_status lookup_people_suggest(struct db *db, const char *query,
					size_t max, char ***out,
					struct clerk_err *err);
void lookup_strings_free(char ***v);
/* Fill p->posts with the seats p holds or is nominated for on `date`
 * (NULL: today), by body name and seat order. */
enum clerk_status lookup_person_posts(struct db *db, struct lookup_person *p,
				      const char *date, struct clerk_err *err);
void lookup_person_free(struct lookup_person *p);
void lookup_person_list_free(struct lookup_person_list *l);

/* A declaration of interest a person made. */
struct lookup_declaration {
	char meeting_id[CLERK_UUID_LEN];
	char item_id[CLERK_UUID_LEN]; /* "" when made for the whole meeting */
	char date[LOOKUP_DATE_LEN];
	char *body_name;
	char *body_short;
	char *item_number;
	char *item_title;
	char *kind; /* "pecuniary", "registrable", "non-registrable" */
	char *what; /* "" for a sensitive interest: only its existence shows */
	bool sensitive;
	bool left_room;
	bool dispensation;
};
struct lookup_declaration_list {
	struct lookup_declaration *v;
	size_t n;
};
/* The declarations of interest of a person, latest first. */
enum clerk_status lookup_person_declarations(struct db *db,
					     const char *person_id,
					     struct lookup_declaration_list *out,
					     struct clerk_err *err);
void lookup_declaration_list_free(struct lookup_declaration_list *l);

/* Edit distance (Levenshtein, over code points, ASCII case ignored). */
int lookup_edit_distance(const char *a, const char *b);

/* ---------------------------------------------------------- attendance */

/* One person's record on one body over a period. */
struct lookup_attendance {
	char person_id[CLERK_UUID_LEN];
	char *name;
	char body_id[CLERK_UUID_LEN];
	char *body_name;
	bool current;      /* holds a seat on the body today */
	int expected;      /* meetings held while they held a seat */
	int present;       /* attended as the member */
	int as_substitute; /* attended as someone's substitute */
	int apologies;
	int absent; /* recorded absent, or not recorded at a closed meeting */
	int substitute_sent; /* their substitute attended in their place */
	char last_attended[LOOKUP_DATE_LEN]; /* any meeting of the body up to
					      * now, "" if never */
	time_t last_in_period; /* start of the last meeting attended within
				* the period, 0 if none */
	char member_since[LOOKUP_DATE_LEN];  /* start of the current seat */
	long days_since; /* from last attendance (else from member_since) to
			  * today; -1 when neither is known */
	long days_left;  /* before six months pass (s.85); negative: passed */
	/* The six-month rule (Local Government Act 1972 s.85), which applies
	 * to councillors only and counts every meeting of the authority
	 * (any of its council's bodies) attended as a member or substitute,
	 * and the absences the authority approved (model/lookup_s85.c). */
	bool s85;              /* a councillor: the rule applies */
	char s85_last[LOOKUP_DATE_LEN]; /* last attendance at a meeting of
					 * the authority, "" never */
	long s85_days;         /* days since then (else since member_since);
				* -1 unknown */
	long s85_days_left;    /* before the rule bites; negative: passed */
	char approved_until[LOOKUP_DATE_LEN]; /* approved absence covering
					       * today, "" none */
	char *approved_reason; /* its reason (NULL none) */
};
struct lookup_attendance_list {
	struct lookup_attendance *v;
	size_t n;
	int meetings; /* meetings held in the period (over the bodies) */
};

/* The six-month rule (Local Government Act 1972 s.85) warns this many days
 * after the last attendance. */
#define LOOKUP_SIX_MONTH_WARN_DAYS 120

/* Where a line stands under the six-month rule: not applicable (not a
 * councillor, or no current seat), fine, approaching (from the warning
 * day), covered by an approved absence, or passed. */
enum lookup_rule {
	LOOKUP_RULE_NONE, LOOKUP_RULE_OK, LOOKUP_RULE_SOON,
	LOOKUP_RULE_APPROVED, LOOKUP_RULE_PASSED
};
enum lookup_rule lookup_rule_of(const struct lookup_attendance *a);

/* An apology for absence, with the reason given. */
struct lookup_apology {
	char date[LOOKUP_DATE_LEN]; /* local date of the meeting */
	char *body_name;
	char person_id[CLERK_UUID_LEN];
	char *name;   /* "Councillor Liz Fairhurst" */
	char *reason; /* "" when none was given */
};
struct lookup_apology_list {
	struct lookup_apology *v;
	size_t n;
};
/* Apologies at the meetings held (started, not called off) of body_id
 * (NULL: any) by person_id (NULL: anyone), dated from..to (NULL: open),
 * oldest first. */
enum clerk_status lookup_apologies(struct db *db, const char *body_id,
				   const char *person_id, const char *from,
				   const char *to,
				   struct lookup_apology_list *out,
				   struct clerk_err *err);
void lookup_apology_list_free(struct lookup_apology_list *l);

/* Attendance per member of body_id, or of person_id on every body they sat
 * on or substituted for; meetings held (started by clock_now() and not
 * cancelled) between `from` and `to` (dates, NULL: open), counted by the
 * rules in model/lookup_attendance.c (the same that attendance_summary()
 * uses); days since the last attendance are relative to clock_now(). */
enum clerk_status lookup_attendance(struct db *db, const char *body_id,
				    const char *person_id, const char *from,
				    const char *to,
				    struct lookup_attendance_list *out,
				    struct clerk_err *err);
void lookup_attendance_list_free(struct lookup_attendance_list *l);

/* -------------------------------------------------------------- search */

/* Marks around the matched words in a hit's snippet. */
#define LOOKUP_MARK_OPEN '\x01'
#define LOOKUP_MARK_CLOSE '\x02'

struct lookup_search_opts {
	const char *text;    /* the query, FTS5 syntax: words, "phrases",
			      * prefix*, AND/OR/NOT */
	const char *body_id; /* NULL: every body */
	const char *from;    /* date or NULL */
	const char *to;      /* date or NULL */
	bool exempt;         /* include exempt (confidential) text */
	int limit;           /* most hits (0: 50) */
	bool best;           /* best match first (bm25); else newest first */
};

struct lookup_hit {
	char meeting_id[CLERK_UUID_LEN];
	char item_id[CLERK_UUID_LEN];
	char *body_name;
	char *body_short;
	char date[LOOKUP_DATE_LEN];
	char *item_number;
	char *item_title;
	char *minute;  /* its minute number as printed ("6.", "23/17"); ""
			* for a meeting not held */
	char *kind;    /* "minute", "resolution", "item", "declaration" */
	char *snippet; /* matched words between LOOKUP_MARK_OPEN/CLOSE */
	bool exempt;
	double rank; /* bm25: lower is better */
};
struct lookup_hit_list {
	struct lookup_hit *v;
	size_t n;
};

/* Hits for opts->text, best first (bm25, an item's title weighing twice
 * its text).  A query FTS5 cannot parse gives CLERK_USAGE with a sentence
 * saying what is wrong.  Words with punctuation ("well-being") are searched
 * as phrases. */
enum clerk_status lookup_search(struct db *db,
				const struct lookup_search_opts *opts,
				struct lookup_hit_list *out,
				struct clerk_err *err);
void lookup_hit_list_free(struct lookup_hit_list *l);
/* The snippet to show in `room` columns: when its first match would fall
 * past the first third, it starts later, after "…", so that the match is
 * seen.  Caller frees. */
char *lookup_snippet_focus(const char *snippet, int room);
/* The query as given to FTS5: bare words with punctuation quoted as
 * phrases (caller frees). */
char *lookup_search_query(const char *text);

#endif
