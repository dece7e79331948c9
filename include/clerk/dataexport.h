/*
 * dataexport: clerk's records as open data.
 *
 *   Popolo JSON (https://www.popoloproject.com): persons, organizations
 *   (the council, its bodies, and the organisations seats are held for),
 *   posts (seats), memberships (main members and, with role "substitute",
 *   nominated substitutes; on_behalf_of_id names the organisation a member
 *   represents), events (meetings), motions, vote_events and votes.  What
 *   Popolo has no term for is carried in documented extensions, all named
 *   "clerk:...": an event's "clerk:agenda" (items with "clerk:exempt" and
 *   "clerk:exempt_paragraph"), "clerk:attendance" and "clerk:declarations".
 *   Exempt items' descriptions and resolutions, and what a sensitive
 *   interest is, are withheld, as in the public minutes.
 *
 *   iCalendar (RFC 5545): one VEVENT per meeting, UID from the meeting's
 *   UUID, times in UTC, lines folded at 75 octets, text escaped.
 *
 *   Attendance CSV (RFC 4180): one row per person per meeting.
 *
 * Each writer takes a body (NULL: every body in the file) and a stream.
 */
#ifndef CLERK_DATAEXPORT_H
#define CLERK_DATAEXPORT_H

#include <stdio.h>

#include "clerk/core.h"
#include "clerk/db.h"

enum clerk_status dataexport_popolo(struct db *db, const char *body_id,
				    FILE *out, struct clerk_err *err);
enum clerk_status dataexport_ical(struct db *db, const char *body_id,
				  FILE *out, struct clerk_err *err);
enum clerk_status dataexport_attendance_csv(struct db *db, const char *body_id,
					    FILE *out, struct clerk_err *err);

/* A writer above. */
typedef enum clerk_status (*dataexport_fn)(struct db *db, const char *body_id,
					   FILE *out, struct clerk_err *err);
/* Run `fn` into memory, then write it to `path` (NULL or "-": standard
 * output) through outfile: a file under a temporary name in the same
 * folder, synced, then renamed into place; a device or FIFO in place; the
 * database and its companions refused.  Nothing is written on failure. */
enum clerk_status dataexport_write(struct db *db, const char *body_id,
				   dataexport_fn fn, const char *path,
				   struct clerk_err *err);

/* "2017-10-05T10:00:00+01:00": t in zone tz as ISO 8601 with its offset. */
void dataexport_iso_local(time_t t, const char *tz, char out[32]);

#endif
