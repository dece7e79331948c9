/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clerk/model_lease.h: the lease a console keeps on the meeting it drives
 * (table console_lease, one row per meeting), and the mark on minute text
 * saved because the terminal hung up.
 *
 * A lease names the console (a random token), who runs it, on which
 * machine and in which process, since when it drives the meeting and when
 * it last renewed the lease; times are real time (time(2)), not clerk's
 * clock, which for a meeting recorded for its own date reads another day.
 */
#ifndef CLERK_MODEL_LEASE_H
#define CLERK_MODEL_LEASE_H

#include "clerk/model.h"

struct console_lease {
	clerk_id meeting_id;
	clerk_id token;
	char holder[64]; /* login name */
	char host[64];
	long pid;
	time_t since, renewed;
};

/* The lease on a meeting: CLERK_NOT_FOUND when there is none. */
enum clerk_status lease_get(struct db *db, const char *meeting_id,
			    struct console_lease *out, struct clerk_err *err);
/* Write the lease (replacing any other console's). */
enum clerk_status lease_put(struct db *db, const struct console_lease *l,
			    struct clerk_err *err);
/* Renew the lease of console `token` at `at`; *mine is false (and nothing
 * written) when the lease is no longer that console's. */
enum clerk_status lease_renew(struct db *db, const char *meeting_id,
			      const char *token, time_t at, bool *mine,
			      struct clerk_err *err);
/* Give the lease up, when it is still console `token`'s. */
enum clerk_status lease_drop(struct db *db, const char *meeting_id,
			     const char *token, struct clerk_err *err);

/* Mark a paragraph of minute text unfinished (saved by a hang-up) or, when
 * the clerk accepts it, finished. */
enum clerk_status minute_text_set_unfinished(struct db *db, const char *id,
					     bool unfinished,
					     struct clerk_err *err);
/* Ids of the unfinished paragraphs of a meeting (item_id NULL) or one
 * item, in item, section and position order; caller frees *ids. */
enum clerk_status minute_text_unfinished(struct db *db, const char *meeting_id,
					 clerk_id **ids, size_t *n,
					 struct clerk_err *err);

#endif
