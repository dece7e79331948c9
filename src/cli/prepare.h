/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/prepare: what the commands that prepare meetings share (body, seat,
 * member, substitute, meeting, item): naming a person, a seat or a time on
 * the command line, and keeping an agenda's planned times consistent.
 * Private to src/cli.
 */
#ifndef CLERK_CLI_PREPARE_H
#define CLERK_CLI_PREPARE_H

#include "clerk/cli.h"
#include "clerk/model.h"

/* The opening and closing items ("kind|title" lines) of a new body's
 * meetings: apologies ... chairman's announcements, then any other business
 * and the date of the next meeting. */
extern const char prep_default_standard_items[];

/* The person called `full` ("Cllr Keith Mans": the honorific is split off
 * and written out); created when nobody has exactly that name. */
enum clerk_status prep_person(struct db *db, const char *full,
			      struct person *out, bool *created,
			      struct clerk_err *err);
/* The person named by `spec`: their exact name (case-insensitive, an
 * honorific allowed) or any part of it matching one person only; nobody
 * gives CLERK_NOT_FOUND, several CLERK_AMBIGUOUS naming them. */
enum clerk_status prep_person_named(struct db *db, const char *spec,
				    struct person *out, struct clerk_err *err);
/* A person's kind from --kind ("councillor", "co-opted member", "officer",
 * "partner representative"; "co-opted" and "partner" for short); usage
 * error listing them otherwise. */
enum clerk_status prep_person_kind(const char *s, enum person_kind *out,
				   struct clerk_err *err);
/* The seat of a body in existence on `date` (the day a term begins),
 * named by its position ("3") or any unambiguous case-insensitive part of
 * its label. */
enum clerk_status prep_seat(struct db *db, const char *body_id,
			    const char *spec, const char *date, clerk_id out,
			    struct clerk_err *err);
/* A date option: "YYYY-MM-DD"; usage error naming `what` otherwise. */
enum clerk_status prep_date(const char *s, const char *what,
			    struct clerk_err *err);
/* A whole number >= min from an option; usage error naming `what`. */
enum clerk_status prep_int(const char *s, int min, const char *what, int *out,
			   struct clerk_err *err);
/* Recompute the planned start of every item of a meeting from the
 * meeting's start and the durations before it, writing the items whose
 * start changed. */
enum clerk_status prep_replan(struct db *db, const struct meeting *m,
			      struct clerk_err *err);
/* Renumber the items of a meeting 1, 2, 3 ... when every number is plain
 * digits (an agenda with "6a" keeps its numbers). */
enum clerk_status prep_renumber(struct db *db, const char *meeting_id,
				struct clerk_err *err);

/* correct.c: `seat edit|delete`, `member end|delete` and `substitute
 * delete` (argv[1] is the verb); each returns the exit code. */
int cli_seat_correct(struct cli *cli, int argc, char **argv);
int cli_member_correct(struct cli *cli, int argc, char **argv);
int cli_substitute_correct(struct cli *cli, int argc, char **argv);

#endif
