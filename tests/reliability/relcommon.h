/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * relcommon: what the reliability tests share — TAP output, a seeded clerk
 * file (a council, a body, a meeting in progress), appending events the way
 * the live console does (one committed transaction each), and checking a
 * file afterwards with a plain SQLite connection that bypasses clerk.
 */
#ifndef CLERK_RELCOMMON_H
#define CLERK_RELCOMMON_H

#include <stdbool.h>

#include "clerk/db.h"
#include "../scratch.h"

/* The meeting every seeded file holds. */
#define REL_MEETING "6a1f4c2e-0000-4000-8000-000000000001"

/* TAP: one line per check; rel_done prints the plan and returns the exit
 * code. */
void rel_ok(bool cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int rel_done(void);
/* Print a "# ..." diagnostic line. */
void rel_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Create a clerk file at path (removing any old one) holding the seeded
 * meeting and `events` events with seq 1..events.  Exits on failure. */
void rel_seed(const char *path, int events);
/* Append event number seq (its detail derived from seq) in its own
 * transaction; on failure fills err through db_fail. */
enum clerk_status rel_append(struct db *db, int seq, struct clerk_err *err);
/* The detail text rel_append stores for seq: 40 to 9,000 bytes (caller
 * frees). */
char *rel_detail(int seq);

/* Checks made on the file with a fresh SQLite connection (no clerk code):
 * integrity_check result ("ok" when sound; caller frees). */
char *rel_integrity(const char *path);
/* Number of events in the file, and how many of seq 1..upto are present
 * with their exact detail (upto when none is lost). */
int rel_count_events(const char *path);
int rel_events_present(const char *path, int upto);
/* Copy a file byte for byte (for fresh copies of a seed). */
void rel_copy(const char *from, const char *to);

#endif
