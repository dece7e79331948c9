/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import: bringing agendas, memberships and ModernGov data into clerk.
 *
 * Each importer is a plain function on a buffer in memory, so that it can be
 * called from the command line, from tests, and from a libFuzzer harness
 * (LLVMFuzzerTestOneInput can hand its bytes straight to any of them).
 * Every importer works in two phases:
 *
 *   1. parse the whole buffer, recording every bad line in the report with
 *      its line number and the reason;
 *   2. only when nothing was wrong, write everything in ONE transaction.
 *
 * So an import is all or nothing: when it returns anything but CLERK_OK the
 * database is exactly as it was, and the report says what to fix.  Buffers
 * need not be NUL-terminated and may hold any bytes (invalid UTF-8 and NUL
 * bytes are reported as bad lines, never trusted).
 */
#ifndef CLERK_IMPORT_H
#define CLERK_IMPORT_H

#include <stdio.h>

#include "clerk/core.h"
#include "clerk/db.h"

/* One problem found in an input: where and why. */
struct import_problem {
	char *file; /* the source's name as given to the importer */
	int line;   /* 1-based; 0 when the problem is not tied to a line */
	char *reason;
};

/* What an import found and did.  Zero-initialise; release with
 * import_report_free(). */
struct import_report {
	struct import_problem *v;
	size_t n;
	/* Records written (only meaningful when the import succeeded). */
	int bodies, meetings, items, people, seats, memberships, substitutes,
		attendance;
	int ended;    /* bodies marked ended (a committee wound up) */
	int statuses; /* meetings cancelled or reinstated */
	int unchanged; /* records already present and identical */
};

/* Record a problem (printf-style reason) in the report. */
void import_report_add(struct import_report *r, const char *file, int line,
		       const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Print one "FILE:LINE: reason" line per problem to out. */
void import_report_print(const struct import_report *r, FILE *out);
/* Print a one-line summary of what was written ("12 items ...") to out. */
void import_report_summary(const struct import_report *r, FILE *out);
/* Release the report's problems and zero it. */
void import_report_free(struct import_report *r);

/* Replace the agenda of meeting `meeting_id` with the items of a notice of
 * meeting in plain text: numbered items ("6." or "6.<TAB>"), titles in
 * capitals, "(Pages 11 - 32)", a description on the lines that follow, and
 * an approximate time ("10.15") at the end of the title line.  Planned
 * start times are taken in the meeting's zone on the meeting's date; items
 * without a time get one from the items before them, and durations are the
 * gaps between starts.  `name` names the buffer in problems.  Returns
 * CLERK_INVALID (with the problems in *rep) when any line is bad, and
 * CLERK_LOCKED when the meeting's minutes are confirmed or an old item
 * already has minutes recorded against it. */
enum clerk_status import_agenda_text(struct db *db, const char *meeting_id,
				     const char *name, const char *buf,
				     size_t len, struct import_report *rep,
				     struct clerk_err *err);

struct istore_item;

/* How to import an agenda, and the items read (for the caller to show). */
struct import_agenda {
	bool dry_run;	   /* read and check only: write nothing */
	bool skip_unknown; /* lines that cannot be placed are skipped (each
			      reported as "skipped: ..."), not refused */
	/* Filled: the items read, in order (also when nothing was written,
	 * but empty when the file was refused). */
	struct istore_item *items;
	size_t n;
};
/* Read an agenda as import_agenda_text() does, in any of the layouts real
 * agendas use: "6. TITLE", "1 . Title", "1) Title", "Item 1 Title",
 * "1APOLOGIES", the number alone on its line and the title on the next (a
 * ModernGov agenda page), sub-items "a)", "(b)", "(i)", "5.1" as items of
 * their own ("5(a)", "5(a)(i)", "5.1"), bullets kept in the description,
 * page references "(Pages 11 - 32)", "Pages 5-10", "(pp. 5 to 10)" and
 * "Page 5" (also alone on the line after the title), times "10.15",
 * "10:15am", "10.15 a.m." at the end of the title or before the number, and
 * link text ("pdf icon PDF 252 KB", "Additional documents:") dropped.  A
 * line that cannot be placed (text before the first item, bytes that are not
 * UTF-8) is reported with its line and refuses the import unless
 * a->skip_unknown; a wrong item (a number used twice, a time that is not
 * one, no title) always refuses it.  Item numbers may have any number of
 * digits.  Free a with import_agenda_free(). */
enum clerk_status import_agenda(struct db *db, const char *meeting_id,
				const char *name, const char *buf, size_t len,
				struct import_agenda *a,
				struct import_report *rep,
				struct clerk_err *err);
void import_agenda_free(struct import_agenda *a);

/* Set the membership of body `body_id` from a CSV table laid out like
 * Appendix B of an agenda pack: organisation / seat, main member with
 * capacity ("Cllr Keith Mans, Executive Lead Member ..."), nominated
 * substitute(s) (several joined by " and " before an honorific, or by
 * ";"; "TBC"; or empty).  A member cell "Vacancy as of 1 Oct 2017" leaves
 * the seat vacant with that note; "(Chairman ...)" and "(... Vice Chair
 * ...)" after the organisation give the member that role.  Header rows
 * ("Organisation,...") and blank rows are skipped.  Seats are matched by
 * position and label; a member or substitute who changed has the old
 * membership ended on `from` (a date; NULL: today) and the new one started
 * then; an unchanged row changes nothing, so importing twice is harmless. */
enum clerk_status import_members_csv(struct db *db, const char *body_id,
				     const char *from, const char *name,
				     const char *buf, size_t len,
				     struct import_report *rep,
				     struct clerk_err *err);

/* One input file for import_moderngov(). */
struct import_source {
	const char *name;
	const char *buf;
	size_t len;
};

/* Import responses saved from a ModernGov web service (mgWebService.asmx):
 * GetCommittees, GetMeetings and GetMeeting, recognised by their root
 * element, in any order.  Committees become bodies (matched by name) of the
 * council `council` (NULL: the only council in the file, else "Council");
 * meetings are matched by body and start time; agenda items by meeting and
 * number; attendees by name.  All sources are written in one transaction,
 * or none is. */
enum clerk_status import_moderngov(struct db *db, const char *council,
				   const struct import_source *src, size_t nsrc,
				   struct import_report *rep,
				   struct clerk_err *err);

/* Fill missing planned starts and durations of n items in order: an item
 * without a start begins when the item before it ends (the first at
 * meeting_start); an item without a duration lasts until the next item
 * when that one has a start, else none (the untimed item after it shares
 * its slot). */
void import_plan_fill(time_t *starts, int *minutes, size_t n, time_t meeting_start);

/* Parse a time of day as written on agendas: "10.15", "10:15", "10.00 am",
 * "2.30pm", "12 noon"; false when s is not one. */
bool import_parse_clock(const char *s, int *hour, int *minute);
/* Split "Cllr Keith Mans" into honorific "Councillor" and name "Keith
 * Mans" (both newly allocated; honorific "" when there is none). */
void import_split_honorific(const char *full, char **honorific, char **name);

/* Read a whole file into memory (caller frees *buf); fills err naming the
 * file when it cannot be read. */
enum clerk_status import_read_file(const char *path, char **buf, size_t *len,
				   struct clerk_err *err);

#endif
