/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live: the running meeting, without any user interface.
 *
 * A struct live is the context of one meeting being run.  Everything in it
 * is derived from the database (the agenda, the attendance, the event log,
 * the declarations, the minute text, resolutions and actions): live_reload()
 * rebuilds it from scratch, so freeing the context and opening the meeting
 * again (after a crash or a kill) gives the same current item, the same
 * clocks and everything that was shown as saved.
 *
 * Actions (next item, mark present, declare, vote, ...) check their input,
 * append events through the model, commit before returning and then read
 * again what they changed (the log's new events, one attendance row, the
 * declarations, ...): the context is then what a whole read would give,
 * which live_check_fresh verifies.  A refusal returns a status other than CLERK_OK with a
 * sentence for the user in err and changes nothing.  An action that
 * succeeds but has something the clerk must notice (the substitute is not
 * the nominated one; the quorum was lost; a casting vote is needed) returns
 * CLERK_OK and leaves that sentence in l->notice ("" when there is nothing
 * to say).  Every action clears l->notice first.
 *
 * Times are time_t UTC from clock_now(); seconds are plain ints.  Items are
 * named by their index in l->items (agenda order); people by person id.
 * Pointers into the context stay valid until the next action or reload.
 *
 * Event details written here (readers of the log can rely on them):
 *   LEFT      "interest" (pecuniary interest), "departed" (early departure),
 *             "out" (left the room for a while)
 *   RETURNED  "interest" or "" ; ITEM_ENDED "adjourned" when the meeting was
 *             adjourned during the item, "" otherwise
 *   ATTENDANCE the new status text ("present", "apology", ...)
 *   ARRIVED   "" ; QUORUM_LOST/REGAINED "N of M" (voting members in the room
 *             of the quorum needed), with the person whose leaving (or
 *             return) in the same action changed it, when there is one ; MOVED the resolution id ;
 *   VOTE_TAKEN the resolution id and outcome "id carried" ;
 *   PUBLIC_EXCLUDED the exclusion resolution id ; NOTE "public N", and
 *   NOTE "quorum reached N of M" the first time the quorum is reached
 *   (QUORUM_LOST is logged only after that, so that attendance taken
 *   during the first item logs no loss) ;
 *   URGENT_ADDED the chair's reason ; TEXT_RECORDED "SECTION <text id>",
 *   "resolution <id>" or "action <id>" (what it recorded).
 */
#ifndef CLERK_LIVE_H
#define CLERK_LIVE_H

#include "clerk/core.h"
#include "clerk/db.h"
#include "clerk/model.h"
#include "clerk/model_lease.h"

/* One agenda item with its planned and actual timings. */
struct live_item {
	struct agenda_item item; /* as on the agenda */
	time_t planned_start; /* the agenda's time, else meeting start plus
				 the planned minutes of the items before */
	int planned_seconds;  /* planned_minutes * 60 (0: no plan) */
	time_t started;       /* first ITEM_STARTED (0: never taken) */
	time_t ended;         /* last ITEM_ENDED when not running (0: none) */
	int spells;           /* times it was started (out of order: > 1) */
	int elapsed;          /* seconds taken, all spells, the running one
				 counted up to now */
	bool running;         /* being taken now */
	bool done;            /* taken and ended */
	bool overrun;         /* elapsed > planned_seconds (with a plan) */
	int elapsed_done;     /* internal: seconds of the spells ended */
};

/* What the log says about one person present (derived each reload). */
struct live_presence {
	clerk_id person_id;
	bool in_room;      /* present, arrived, not departed, not out */
	bool out_interest; /* out of the room for a pecuniary interest */
	bool out;          /* out of the room for any reason */
	bool departed;     /* left the meeting early */
	bool voting;       /* holds (or substitutes on) a voting seat */
	size_t seat_hint;  /* where its seat was last found in seats
			      (checked before it is used) */
};

struct live {
	struct db *db; /* borrowed: not closed by live_free */
	struct meeting meeting;
	struct body body;
	struct council council;
	struct seat_info_list seats; /* seats as on the meeting's date */
	struct live_item *items;     /* agenda order */
	size_t nitems;
	struct attendance_list attendance;
	struct live_presence *presence; /* one per attendance row, same order */
	struct event_list events;
	struct declaration_list declarations; /* whole meeting */
	struct minute_text_list texts;        /* whole meeting */
	clerk_id *unfinished; /* ids of texts saved by a hang-up and not yet
				 accepted (live_text_unfinished) */
	size_t nunfinished;
	bool hung_up; /* set by the console when its terminal has gone: text
			 written from now on is saved unfinished */
	struct resolution_list resolutions;   /* whole meeting */
	struct action_list actions;           /* whole meeting */

	/* The item being taken: the last one started (-1: none yet).  While
	 * adjourned it is the item that was running, with running false. */
	int current;
	bool running;       /* items[current] is running now */
	bool adjourned;     /* status adjourned */
	bool closed;        /* status closed */
	bool public_excluded; /* press and public excluded now */

	/* Clocks. */
	time_t now;            /* clock_now() at the last reload */
	time_t opened_at;      /* first OPENED event */
	time_t closed_at;      /* CLOSED event (0: not closed) */
	int sitting;           /* seconds since opening, less adjournments */
	int adjourned_seconds; /* seconds spent adjourned */
	time_t planned_finish; /* planned start of the meeting plus the plan */
	time_t projected_finish; /* now + what remains of the current item's
				    plan + the plan of items not yet taken */
	int delay;             /* projected_finish - planned_finish, seconds */

	/* Quorum, by the body's rule, from voting members in the room. */
	int voting_seats;   /* filled voting seats */
	int quorum;         /* voting members needed */
	int voting_in_room; /* voting members and substitutes in the room */
	bool quorate;
	bool quorum_warning; /* not quorate once business has begun or the
				quorum was reached */
	bool quorum_reached; /* reached at some time (NOTE "quorum reached") */
	bool quorum_lost_logged; /* the log's last quorum event is QUORUM_LOST */
	bool in_tx; /* internal: an action's transaction is open */
	int act_seq; /* internal: the log's last seq when the action began */
	long long data_version; /* internal: db_data_version() at the last
				   whole read (-1: read everything next) */
	/* Internal: how far the log has been walked (live.c derives the
	 * events after log_done only, unless the rows it indexes were read
	 * again), and where that walk stood. */
	size_t log_done;
	int log_running;      /* item running after those events (-1) */
	time_t log_spell;     /* its spell's start */
	time_t log_adj_from;  /* adjourned since (0: not) */
	int log_adj_closed;   /* seconds of the adjournments ended */
	/* Internal: what the action being made wrote besides the log, to be
	 * read again at its end (live_int.h: LIVE_READ_*), and the people
	 * whose attendance row it changed (read again one by one). */
	unsigned dirty;
	clerk_id *touched;
	size_t ntouched;

	/* Two consoles, one meeting (see live_lease_*). */
	clerk_id lease_token; /* this console's lease, when it drives the
				 meeting ("": it keeps none) */
	time_t lease_renewed; /* real time of its last renewal */
	bool watching;        /* read-only: another console drives */
	bool driver_gone;     /* watching, and that console has left */
	struct console_lease driver; /* who drives, while watching */

	/* What the last action has to tell the clerk ("" when nothing). */
	char notice[1024];
	/* The sentence of the last read that failed ("could not read the
	 * agenda (...)"), "" once a read is whole again: until then what is
	 * derived (current item, quorum, clocks) is unknown, and the console
	 * says so instead of showing it as if nothing had happened. */
	char unread[1024];
};

/* ------------------------------------------------------------ context */

/* Open meeting `meeting_id` (UUID) for running.  A scheduled meeting is set
 * in progress, OPENED is appended and an 'expected' attendance row is added
 * for each seat's member; a meeting in progress or adjourned is only loaded
 * (no event written).  A closed meeting opens for reading and for minute
 * text; cancelled or confirmed ones are refused.  *out owns the context;
 * the db is borrowed and must outlive it. */
enum clerk_status live_open(struct db *db, const char *meeting_id,
			    struct live **out, struct clerk_err *err);
/* The same, only to watch a meeting that another console (`driver`, see
 * live_lease_driver) drives: nothing is written, every action is refused
 * until live_lease_take. */
enum clerk_status live_open_watching(struct db *db, const char *meeting_id,
				     const struct console_lease *driver,
				     struct live **out, struct clerk_err *err);
/* A meeting whose date is not today is either held now, or recorded for
 * its own date (a rehearsal, the demo, minutes written up afterwards). */
enum live_clock { LIVE_CLOCK_NOW, LIVE_CLOCK_OWN_DATE };
/* True when meeting m (not closed) falls on another day than today in its
 * body's zone and its log does not yet say how its clock runs: the
 * console asks before live_open. */
bool live_clock_ask(struct db *db, const struct meeting *m);
/* Set clerk's clock for running meeting m, before live_open.  Recorded for
 * its own date, the clock starts at the meeting's planned start (the first
 * time) or where its log left off (reopening), and runs; held now, the
 * real clock is used.  The choice is kept in the log (NOTE "clock own
 * date" / "clock now", after live_open: see live_clock_keep), so that
 * reopening resumes the same clock without asking. */
enum clerk_status live_clock_start(struct db *db, const struct meeting *m,
				   enum live_clock how, struct clerk_err *err);
/* live_clock_start(how), then live_open, in one: the clock is set from
 * the log the opening reads, in its transaction and before it writes (the
 * log is read once, not once for the clock and again for the console). */
enum clerk_status live_open_on_clock(struct db *db, const char *meeting_id,
				     enum live_clock how, struct live **out,
				     struct clerk_err *err);
/* Keep the choice in the log of the opened meeting (once). */
enum clerk_status live_clock_keep(struct live *l, enum live_clock how,
				  struct clerk_err *err);
/* Rebuild every derived field of l from the database at clock_now(). */
enum clerk_status live_reload(struct live *l, struct clerk_err *err);
/* The same for the console's tick, reading again only what may have
 * changed: the log after its last event, and everything when another
 * connection has written the file since (this context's own actions keep
 * it up to date themselves). */
enum clerk_status live_refresh(struct live *l, struct clerk_err *err);
/* The clerk has been idle (the console's tick): do what no action should
 * wait for, which is copying the WAL into the file (db_idle). */
void live_idle(struct live *l);
/* Release the context and set *l to NULL (NULL is fine). */
void live_free(struct live **l);

/* The check of the incremental reading (tests, CLERK_LIVE_CHECK): an
 * action reads again only what it changed, so compare everything this
 * context holds and derives with a context read afresh from the file at
 * the same moment.  True when they agree; otherwise *diff (when not NULL)
 * gets a sentence naming the first line that differs (caller frees).
 * With CLERK_LIVE_CHECK set in the environment every partial read is
 * checked so, and a difference is printed and aborts the program. */
bool live_check_fresh(const struct live *l, char **diff);
/* Everything the context holds and derives, one fact a line (what
 * live_check_fresh compares; not the notice, the lease or the clock
 * choice of the console). */
void live_describe(const struct live *l, struct strbuf *sb);

/* Refuse (CLERK_INVALID, with a sentence offering what the chair can do)
 * while the meeting is inquorate once business has begun: an inquorate
 * meeting transacts no business.  Moving, agreeing and voting motions,
 * excluding the public, starting another item and taking an urgent item
 * all check it; minute text, attendance, adjourning and closing do not. */
enum clerk_status live_may_transact(const struct live *l,
				    struct clerk_err *err);
/* Index in l->items of item `item_id`, or -1. */
int live_item_index(const struct live *l, const char *item_id);
/* Attendance row of a person, or NULL. */
const struct attendance *live_attendance_of(const struct live *l,
					    const char *person_id);
/* Derived presence of a person, or NULL when they have no attendance row. */
const struct live_presence *live_presence_of(const struct live *l,
					     const char *person_id);
/* The seat a person holds or substitutes on at this meeting, or NULL. */
const struct seat_info *live_seat_of(const struct live *l,
				     const char *person_id);
/* The resolution (motion, amendment, exclusion) of this meeting with that
 * id, or NULL. */
const struct resolution *live_resolution_of(const struct live *l,
					    const char *id);
/* "Councillor Liz Fairhurst" for anyone the context knows (members,
 * substitutes, attendance); "unknown person" otherwise.  Caller frees. */
char *live_person_name(const struct live *l, const char *person_id);
/* Index of the item that was running at time t (-1: none then). */
int live_item_at(const struct live *l, time_t t);
/* Seconds the current item has left of its plan (negative: overrun; 0
 * with no current item or no plan). */
int live_item_remaining(const struct live *l);

/* ---------------------------------------------------- moving through */

/* End the running item (if any) and start the next: an item skipped
 * before the current one (after an item taken out of order, the agenda
 * resumes where it was left); else, after going back to an item already
 * taken (b, or choosing it), the item the clerk went back from, in one
 * key; else the first after the current not yet taken; else simply the one
 * after the current.  Before any item is taken, starts the first.  Refused
 * when the current item is the last, while adjourned or closed. */
enum clerk_status live_next(struct live *l, struct clerk_err *err);
/* End the running item and start the one before it in agenda order.
 * Refused at the first item, while adjourned or closed. */
enum clerk_status live_prev(struct live *l, struct clerk_err *err);
/* End the running item and start items[index], in or out of agenda order
 * (an item may be taken again; its spells add up).  Refused for the
 * running item itself, a bad index, while adjourned or closed. */
enum clerk_status live_jump(struct live *l, size_t index,
			    struct clerk_err *err);
/* Adjourn: end the running item's spell (detail "adjourned"), append
 * ADJOURNED with the reason (may be "") and set the status adjourned. */
enum clerk_status live_adjourn(struct live *l, const char *reason,
			       struct clerk_err *err);
/* Resume an adjourned meeting: RESUMED, status in progress, and the item
 * that was running is started again. */
enum clerk_status live_resume(struct live *l, struct clerk_err *err);
/* Close: end the running item (members out for an interest return),
 * append CLOSED and set the status closed. */
enum clerk_status live_close(struct live *l, struct clerk_err *err);

/* ---------------------------------------------------------- attendance */

/* Mark a person with an attendance row present (a substitute stays a
 * substitute; an early departure is cleared). */
enum clerk_status live_att_present(struct live *l, const char *person_id,
				   struct clerk_err *err);
/* Mark a member's apology with its reason (may be ""); for a substitute,
 * the substitute's own apology (they keep the seat they were for, and
 * no longer count). */
enum clerk_status live_att_apology(struct live *l, const char *person_id,
				   const char *reason, struct clerk_err *err);
/* Mark a member absent (no apology). */
enum clerk_status live_att_absent(struct live *l, const char *person_id,
				  const char *reason, struct clerk_err *err);
/* Record that person `sub_id` attends as substitute for member
 * `member_id` (who must hold a seat at this meeting).  Refused when the
 * body allows no substitutes, or when sub_id holds a seat of their own.
 * Accepted with a warning in l->notice when sub_id is not one of the
 * seat's nominated substitutes.  The member, if only expected, is marked
 * as having sent an apology. */
enum clerk_status live_att_substitute(struct live *l, const char *member_id,
				      const char *sub_id,
				      struct clerk_err *err);
/* The same for a member marked present who, the clerk confirms, sent
 * apologies: the apology is recorded and the substitute takes the seat, in
 * one commit (live_att_substitute refuses a present member: a seat counts
 * once). */
enum clerk_status live_att_substitute_apology(struct live *l,
					      const char *member_id,
					      const char *sub_id,
					      struct clerk_err *err);
/* Remove a substitute recorded by mistake (their row goes; ATTENDANCE
 * "removed" is logged); the member's own status is kept. */
enum clerk_status live_att_sub_remove(struct live *l, const char *sub_id,
				      struct clerk_err *err);
/* The member, not their substitute, holds the seat: the substitute's row
 * goes (recorded by mistake) and the member is marked present.  (Marking
 * the member present while a substitute sits is refused with
 * CLERK_CONFLICT, as is a substitute's return while the member is.) */
enum clerk_status live_att_seat_to_member(struct live *l,
					  const char *member_id,
					  struct clerk_err *err);
/* Late arrival of a person at time `at` (0: now; later than now is
 * refused): marked present (or kept a substitute), with the time and the
 * item running then; ARRIVED appended (and LEFT "interest" when they have
 * a pecuniary interest in the item running now). */
enum clerk_status live_att_arrived(struct live *l, const char *person_id,
				   time_t at, struct clerk_err *err);
/* Early departure at time `at` (0: now; later than now is refused), with
 * the item running then: LEFT "departed" appended; they no longer count
 * for the quorum or votes. */
enum clerk_status live_att_departed(struct live *l, const char *person_id,
				    time_t at, struct clerk_err *err);
/* Add someone "also in attendance" (officer, observer) by name with their
 * capacity: an existing person of exactly that name (case-insensitive) is
 * used, else one is created.  *person_id_out (may be NULL) receives the
 * id.  Refused for an empty name or a member of the body. */
enum clerk_status live_att_also(struct live *l, const char *name,
				const char *capacity, clerk_id *person_id_out,
				struct clerk_err *err);
/* Mark every member still 'expected' present; *count (may be NULL)
 * receives how many. */
enum clerk_status live_att_all_present(struct live *l, int *count,
				       struct clerk_err *err);
/* A present person steps out of the room for a while (LEFT "out"). */
enum clerk_status live_left_room(struct live *l, const char *person_id,
				 struct clerk_err *err);
/* A person out of the room (for any reason) comes back (RETURNED). */
enum clerk_status live_returned(struct live *l, const char *person_id,
				struct clerk_err *err);

/* ------------------------------------------------------ declarations */

/* Record a declaration by a person on items[item_index] (-1: the current
 * item).  A pecuniary interest without dispensation sets left_room, and
 * the member is marked out of the room (LEFT "interest") at once when the
 * item is running, else when it starts; they are marked back (RETURNED
 * "interest") when the item ends.  *out (may be NULL) receives the
 * declaration. */
enum clerk_status live_declare(struct live *l, const char *person_id,
			       int item_index, enum interest_kind kind,
			       const char *what, bool sensitive,
			       bool dispensation, struct declaration *out,
			       struct clerk_err *err);
/* Withdraw a declaration made in error (a member it sent out returns). */
enum clerk_status live_declaration_delete(struct live *l, const char *id,
					  struct clerk_err *err);

/* ------------------------------------------------------ minute text */

/* Add a paragraph or point to the current item's minute in `section`
 * (SECTION_EXEMPT: the confidential minute).  Refused when empty or with
 * no current item.  *id_out (may be NULL) receives its id. */
enum clerk_status live_text_add(struct live *l, enum minute_section section,
				const char *body, clerk_id *id_out,
				struct clerk_err *err);
/* The same for items[item_index], taken or not (-1: the current item), so
 * that the minute of an earlier item can be caught up without taking it
 * again. */
enum clerk_status live_text_add_item(struct live *l, int item_index,
				     enum minute_section section,
				     const char *body, clerk_id *id_out,
				     struct clerk_err *err);
/* Replace the words of a paragraph or point (refused when empty).  The
 * clerk correcting a paragraph saved unfinished accepts it. */
enum clerk_status live_text_edit(struct live *l, const char *id,
				 const char *body, struct clerk_err *err);
/* Text written while l->hung_up (the terminal hung up: SIGHUP, SIGTERM,
 * with the editor open) is saved, and marked unfinished in the same
 * commit: the console and the review show it as such until the clerk
 * accepts it (as it stands, or by correcting it). */
bool live_text_unfinished(const struct live *l, const char *id);
/* Accept a paragraph saved unfinished, as it stands. */
enum clerk_status live_text_accept(struct live *l, const char *id,
				   struct clerk_err *err);
enum clerk_status live_text_delete(struct live *l, const char *id,
				   struct clerk_err *err);

/* --------------------------------------------- proposals, resolutions */

/* Move a motion (kind MOTION; amends NULL) or an amendment (kind
 * AMENDMENT; amends the motion's id) on the current item, with mover and
 * seconder (either may be NULL or "" when not noted).  The outcome is
 * pending until voted or agreed.  *out (may be NULL) receives it. */
enum clerk_status live_move(struct live *l, enum resolution_kind kind,
			    const char *amends, const char *preamble,
			    const char *body, const char *mover,
			    const char *seconder, struct resolution *out,
			    struct clerk_err *err);
/* A resolution agreed without a vote (RESOLVED), outcome carried. */
enum clerk_status live_resolve(struct live *l, const char *preamble,
			       const char *body, struct resolution *out,
			       struct clerk_err *err);
/* The words of a motion, amendment or resolution saved while l->hung_up
 * are marked unfinished in the log (clerk/record.h) until accepted: as
 * they stand (live_motion_accept) or corrected (live_resolution_edit). */
bool live_motion_unfinished(const struct live *l, const char *id);
enum clerk_status live_motion_accept(struct live *l, const char *id,
				     struct clerk_err *err);
/* Who presides from now (Local Government Act 1972 Sch. 12 para 5): in
 * the chair's absence the vice-chair, or a member elected for the
 * meeting.  Refused for someone not present as a member (substitutes and
 * officers do not preside) or who has left; the log keeps it
 * (EVENT_PRESIDING) and the minutes say it where it happened, and name
 * who gave a casting vote. */
enum clerk_status live_presiding(struct live *l, const char *person_id,
				 struct clerk_err *err);
/* An election item agreed: person holds `role` (ROLE_CHAIRMAN or
 * ROLE_VICE_CHAIRMAN) from now, for the rest of the meeting (who
 * presides, who gives the casting vote, who signs the minutes confirmed
 * here).  An elected chairman takes the Chair.  Refused away from an
 * election item, or for someone not present as a member. */
enum clerk_status live_elected(struct live *l, const char *person_id,
			       enum member_role role, struct clerk_err *err);
/* What an election item elects, from its title: a member to preside at
 * this meeting only ("Election of a chair for the meeting": PRESIDE, see
 * live_presiding), the Vice-Chairman ("Vice", "Deputy"), the Chairman
 * ("Chair", "Mayor", "Convener"); ASK when the item is no election or its
 * title does not say (the console then asks which office). */
enum live_office {
	LIVE_OFFICE_ASK,
	LIVE_OFFICE_CHAIRMAN,
	LIVE_OFFICE_VICE_CHAIRMAN,
	LIVE_OFFICE_PRESIDE,
};
enum live_office live_election_office(const struct live *l, int item_index);
/* After resolution res_id was agreed or carried by a vote: true when it
 * decided an election (a motion carried on an election item) and nobody
 * has been recorded elected (or presiding) on that item since, so the
 * console asks who was elected (live_elected then changes who holds the
 * office from that moment; live_presiding for a chair of the meeting).  *candidate (may be NULL) receives the attendance index of the
 * member present whom the motion's words name, or -1. */
bool live_election_due(const struct live *l, const char *res_id,
		       int *candidate);
/* Change the words of a resolution (NULL keeps a part). */
enum clerk_status live_resolution_edit(struct live *l, const char *id,
				       const char *preamble, const char *body,
				       struct clerk_err *err);
enum clerk_status live_resolution_delete(struct live *l, const char *id,
					 struct clerk_err *err);
/* Agree a pending motion or amendment without a count (carried). */
enum clerk_status live_agree(struct live *l, const char *id,
			     struct clerk_err *err);
/* Withdraw a pending motion or amendment. */
enum clerk_status live_withdraw(struct live *l, const char *id,
				struct clerk_err *err);
/* Vote by counts.  Refused on a motion with an amendment still pending,
 * and when the total exceeds the voting members in the room.  On equal
 * votes the outcome stays pending and l->notice asks for the chair's
 * casting vote; otherwise carried or lost. */
enum clerk_status live_vote_counts(struct live *l, const char *id,
				   int votes_for, int votes_against,
				   int abstain, struct clerk_err *err);
/* One member's vote in a recorded (named) vote.  Refused for anyone not
 * present and entitled: not a voting member or substitute, out of the
 * room, departed, or with a pecuniary interest in the item and no
 * dispensation.  Counts are kept up to date; the outcome stays pending. */
enum clerk_status live_vote_member(struct live *l, const char *id,
				   const char *person_id,
				   enum vote_choice choice, const char *reason,
				   struct clerk_err *err);
/* Name a member who abstained on a vote by show of hands (counted), with
 * their reason (may be ""): the counts do not change.  Refused on a vote
 * not counted or recorded by name, for anyone not entitled to vote on the
 * item, and beyond the number of abstentions counted. */
enum clerk_status live_vote_abstainer(struct live *l, const char *id,
				      const char *person_id,
				      const char *reason,
				      struct clerk_err *err);
/* Close a recorded vote: outcome from the named votes (equal votes: as in
 * live_vote_counts). */
enum clerk_status live_vote_close(struct live *l, const char *id,
				  struct clerk_err *err);
/* The chair's casting vote (VOTE_FOR or VOTE_AGAINST) on a resolution with
 * equal votes; sets carried or lost.  Refused when votes are not equal. */
enum clerk_status live_casting_vote(struct live *l, const char *id,
				    enum vote_choice choice,
				    struct clerk_err *err);
/* The outcome of counts: carried, lost, or pending for a tie that has no
 * casting vote yet (has_casting false). */
enum outcome live_outcome_of(int votes_for, int votes_against,
			     bool has_casting, enum vote_choice casting);
/* Entitled to vote on items[item_index] now: present, in the room, voting
 * seat, no pecuniary interest without dispensation on the item.  When not,
 * and why is not NULL, a sentence is written to why (size whylen). */
bool live_entitled(const struct live *l, const char *person_id,
		   int item_index, char *why, size_t whylen);

/* ------------------------------------------------------ exempt business */

/* The words of the resolution excluding the press and public from
 * items[item_index]: for a principal council citing "paragraph N of Part 1
 * of Schedule 12A to the Local Government Act 1972", for a parish council
 * "section 1(2) of the Public Bodies (Admission to Meetings) Act 1960"
 * (paragraph ignored).  Caller frees. */
char *live_exclusion_wording(const struct live *l, size_t item_index,
			     const char *paragraph);
/* Exclude the press and public for items[item_index] (-1: the current
 * item): the resolution (kind exclusion, carried) is recorded on the
 * current item (or that item when none is current), the item is marked
 * exempt with its paragraph, PUBLIC_EXCLUDED appended.  A principal
 * council needs a paragraph 1 to 7.  *out (may be NULL) receives it. */
enum clerk_status live_exclude_public(struct live *l, int item_index,
				      const char *paragraph,
				      struct resolution *out,
				      struct clerk_err *err);
/* Readmit the press and public (PUBLIC_READMITTED). */
enum clerk_status live_readmit_public(struct live *l, struct clerk_err *err);
/* Note how many members of the public are present (>= 0). */
enum clerk_status live_note_public(struct live *l, int count,
				   struct clerk_err *err);

/* ----------------------------------------------------- urgent, actions */

/* Add an urgent item not on the agenda, after the current item (at the
 * end when none), with the chair's reason for urgency (required);
 * URGENT_ADDED appended.  *index_out (may be NULL) receives its index
 * (it is not started: live_jump to take it). */
enum clerk_status live_add_urgent(struct live *l, const char *title,
				  const char *reason, size_t *index_out,
				  struct clerk_err *err);
/* An action arising from resolution `resolution_id` (may be NULL), with
 * owner and due date "YYYY-MM-DD" (NULL or "": none). */
enum clerk_status live_action_add(struct live *l, const char *resolution_id,
				  const char *body, const char *owner,
				  const char *due, clerk_id *id_out,
				  struct clerk_err *err);

/* ---------------------------------------- two consoles, one meeting */

/* The console driving meeting `meeting_id` now: CLERK_OK with *driver, or
 * CLERK_NOT_FOUND when none does (no lease, or its console is gone: its
 * process has ended on this machine, or it has not renewed the lease for
 * a minute). */
enum clerk_status live_lease_driver(struct db *db, const char *meeting_id,
				    struct console_lease *driver,
				    struct clerk_err *err);
/* "jane on pc1 (process 123) has driven this meeting since 10.02am
 * today, real time" (local time in zone tz; the day when it is not
 * today): the lease is kept in real time.  Caller frees. */
char *live_lease_sentence(const struct console_lease *d, const char *tz);
/* When this console runs the meeting on its own recorded clock (another
 * day than today), the sentence that tells the two clocks apart: "The
 * meeting itself runs on its own recorded clock (10.17am on Thu 5 Oct
 * 2017 here), not real time."; "" when its clock is real time.  Caller
 * frees. */
char *live_lease_clock_note(const char *tz);
/* Drive the meeting from this console: take the lease (from any other
 * console, which is told at its next tick and refused at its next action)
 * and read again what the other console wrote. */
enum clerk_status live_lease_take(struct live *l, struct clerk_err *err);
/* Only watch the meeting driven by `driver`: every action is refused
 * (CLERK_CONFLICT, saying who drives it and that T takes over). */
void live_lease_watch(struct live *l, const struct console_lease *driver);
/* The console's tick: renew the lease every few seconds while driving;
 * when another console has taken the meeting, watch from now and say so
 * in l->notice; while watching, say once that the driving console has
 * left.  True when l->notice has something to tell. */
bool live_lease_tick(struct live *l);
/* Give the lease up (leaving the console). */
void live_lease_release(struct live *l);

#endif
