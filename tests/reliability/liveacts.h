/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * liveacts: a scripted live meeting driven through the live API exactly as
 * the console drives it (take the next item, record heard text with £, é,
 * ŵ and curly quotes, attendance and apologies, resolutions, members
 * stepping out and back, declarations, adjourn, resume), shared by the
 * kill driver (killdrv) and the power-cut harness (powercut).
 */
#ifndef CLERK_LIVEACTS_H
#define CLERK_LIVEACTS_H

#include "clerk/live.h"

struct state {
	int current;
	int running;
	int adjourned;
};

enum act { A_JUMP, A_TEXT, A_PRESENT, A_APOLOGY, A_RESOLVE, A_OUT,
	   A_DECLARE, A_ADJOURN, A_RESUME };
extern const char *const act_names[];

struct state state_of(const struct live *l);
/* The id of the last event of the meeting's log ("" when none). */
const char *last_event_id(const struct live *l);
/* The next action, chosen by r. */
enum act choose(const struct live *l, unsigned r);
/* The state an action will leave. */
struct state predict(const struct live *l, enum act a);
/* Do one action; table and id name the row it wrote (id "" when it wrote
 * none of its own: the log's last event stands for it). */
enum clerk_status act(struct live *l, enum act a, unsigned r, int n,
		      const char *seed, const char **table, clerk_id id,
		      struct clerk_err *err);
/* Open the meeting of date (YYYY-MM-DD) in the clerk file at path. */
int open_meeting(const char *path, const char *date, struct db **db,
		 struct live **l, struct clerk_err *err);
/* Rows with this id in table (event, minute_text, resolution,
 * declaration), read with plain SQLite; -1 for another table. */
int plain_count(sqlite3 *s, const char *table, const char *id);

#endif
