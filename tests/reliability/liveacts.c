/* SPDX-License-Identifier: GPL-3.0-or-later */
/* liveacts: a scripted live meeting (see liveacts.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "liveacts.h"

struct state state_of(const struct live *l)
{
	struct state s = {l->current, l->running ? 1 : 0, l->adjourned ? 1 : 0};
	return s;
}

const char *last_event_id(const struct live *l)
{
	return l->events.n ? l->events.v[l->events.n - 1].id : "";
}

/* A member of the body, chosen by r. */
static const char *some_member(const struct live *l, unsigned r)
{
	size_t filled = 0;
	for (size_t i = 0; i < l->seats.n; i++)
		filled += l->seats.v[i].filled;
	if (!filled)
		return NULL;
	size_t k = r % filled;
	for (size_t i = 0; i < l->seats.n; i++)
		if (l->seats.v[i].filled && k-- == 0)
			return l->seats.v[i].member.id;
	return NULL;
}

const char *const act_names[] = {
	"jump", "text", "present", "apology", "resolve", "out-or-back",
	"declare", "adjourn", "resume",
};

enum act choose(const struct live *l, unsigned r)
{
	if (l->adjourned)
		return A_RESUME;
	if (l->current < 0)
		return A_JUMP;
	unsigned p = r % 100;
	return p < 25 ? A_JUMP : p < 45 ? A_TEXT : p < 55 ? A_PRESENT
	       : p < 60 ? A_APOLOGY : p < 72 ? A_RESOLVE : p < 84 ? A_OUT
	       : p < 95 ? A_DECLARE : A_ADJOURN;
}

/* The state an action will leave. */
struct state predict(const struct live *l, enum act a)
{
	struct state s = state_of(l);
	if (a == A_JUMP) {
		s.current = (int)((size_t)(l->current + 1) % l->nitems);
		s.running = 1;
	} else if (a == A_ADJOURN) {
		s.running = 0;
		s.adjourned = 1;
	} else if (a == A_RESUME) {
		s.running = 1;
		s.adjourned = 0;
	}
	return s;
}

/* Do one action; table and id name the row it wrote. */
enum clerk_status act(struct live *l, enum act a, unsigned r, int n,
			     const char *seed, const char **table, clerk_id id,
			     struct clerk_err *err)
{
	char text[512];
	const char *who = some_member(l, r / 100);
	enum clerk_status rc;
	*table = "event";
	id[0] = '\0';
	switch (a) {
	case A_JUMP:
		return live_jump(l, (size_t)predict(l, a).current, err);
	case A_TEXT:
		*table = "minute_text";
		snprintf(text, sizeof text,
			 "Run %s, action %d: the Board heard that the £2.5m "
			 "budget for Ŵyn's café was agreed — “noted”.",
			 seed, n);
		return live_text_add(l, SECTION_HEARD, text, (clerk_id *)id, err);
	case A_PRESENT:
		return who ? live_att_present(l, who, err) : CLERK_OK;
	case A_APOLOGY:
		return who ? live_att_apology(l, who, "unwell", err) : CLERK_OK;
	case A_RESOLVE: {
		struct resolution res = {0};
		*table = "resolution";
		snprintf(text, sizeof text,
			 "That the Board notes item %d of run %s.", n, seed);
		rc = live_resolve(l, "", text, &res, err);
		if (!rc)
			snprintf(id, CLERK_UUID_LEN, "%s", res.id);
		resolution_free(&res);
		return rc;
	}
	case A_OUT: {
		const struct live_presence *p = who ? live_presence_of(l, who) : NULL;
		if (!p || p->departed)
			return who ? live_att_present(l, who, err) : CLERK_OK;
		return p->out ? live_returned(l, who, err)
			      : live_left_room(l, who, err);
	}
	case A_DECLARE: {
		struct declaration d = {0};
		*table = "declaration";
		snprintf(text, sizeof text, "governor of a school (run %s, %d)",
			 seed, n);
		rc = who ? live_declare(l, who, -1, INTEREST_NON_REGISTRABLE, text,
					false, false, &d, err)
			 : CLERK_OK;
		if (!rc && who)
			snprintf(id, CLERK_UUID_LEN, "%s", d.id);
		declaration_free(&d);
		return rc;
	}
	case A_ADJOURN:
		return live_adjourn(l, "a short break", err);
	case A_RESUME:
		return live_resume(l, err);
	}
	return CLERK_OK;
}

int open_meeting(const char *path, const char *date, struct db **db,
			struct live **l, struct clerk_err *err)
{
	struct meeting m = {0};
	if (db_open(path, DB_EXISTING, db, err) ||
	    meeting_find(*db, date, NULL, &m, err) ||
	    live_open(*db, m.id, l, err)) {
		meeting_free(&m);
		return 1;
	}
	meeting_free(&m);
	return 0;
}

int plain_count(sqlite3 *s, const char *table, const char *id)
{
	static const char *const tables[] = {"event", "minute_text",
					     "resolution", "declaration", NULL};
	static const char *const queries[] = {
		"SELECT count(*) FROM event WHERE id = ?",
		"SELECT count(*) FROM minute_text WHERE id = ?",
		"SELECT count(*) FROM resolution WHERE id = ?",
		"SELECT count(*) FROM declaration WHERE id = ?",
	};
	for (int i = 0; tables[i]; i++) {
		if (strcmp(table, tables[i]) != 0)
			continue;
		sqlite3_stmt *st = NULL;
		int n = -1;
		if (sqlite3_prepare_v2(s, queries[i], -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				n = sqlite3_column_int(st, 0);
		}
		sqlite3_finalize(st);
		return n;
	}
	return -1;
}

