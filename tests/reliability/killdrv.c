/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * killdrv: a scripted live meeting for the kill test, driven through the
 * live API exactly as the console drives it (linked with libclerk.a).
 *
 *   killdrv run FILE DATE SEED    open the meeting of DATE and act on it
 *                                 until killed (or 100,000 actions)
 *   killdrv verify FILE DATE ACKS check FILE after a kill against the lines
 *                                 `run` printed (ACKS)
 *
 * `run` prints, unbuffered, the state it reopened at
 *     open current C running R adjourned A
 * then before each action
 *     do ACTION expect CURRENT RUNNING ADJOURNED
 * (the state the action will leave), and after it has committed
 *     ack N TABLE ID events E current C running R adjourned A
 * where TABLE ID is the row the action wrote (or the log's last event) —
 * the moment the console would show it as saved.  A refusal prints
 * "refused ACTION: sentence" and the run goes on.
 *
 * `verify` checks, with plain SQLite: integrity_check is ok; every acked
 * row is in the file; the log has at least as many events as the last ack
 * said; and the meeting reopened with live_open is at the state of the last
 * ack — or, when the action in flight at the kill had already committed,
 * at the state that action announced (a move found half-done, the item
 * ended and the next not started, is reported as "half-done" and fails).
 * It prints one line of counts and exits 0 when all hold, 1 otherwise
 * (with the reason).
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* a test reads the file itself */
#include "clerk/db_sql.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/live.h"

struct state {
	int current;
	int running;
	int adjourned;
};

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof buf - 1)
		n = (int)sizeof buf - 1;
	/* One write per line: a kill never leaves half an acknowledgement
	 * that could be misread. */
	if (write(STDOUT_FILENO, buf, (size_t)n) != n)
		_exit(5);
}

static struct state state_of(const struct live *l)
{
	struct state s = {l->current, l->running ? 1 : 0, l->adjourned ? 1 : 0};
	return s;
}

static const char *last_event_id(const struct live *l)
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

enum act { A_JUMP, A_TEXT, A_PRESENT, A_APOLOGY, A_RESOLVE, A_OUT,
	   A_DECLARE, A_ADJOURN, A_RESUME };
static const char *const act_names[] = {
	"jump", "text", "present", "apology", "resolve", "out-or-back",
	"declare", "adjourn", "resume",
};

static enum act choose(const struct live *l, unsigned r)
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
static struct state predict(const struct live *l, enum act a)
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
static enum clerk_status act(struct live *l, enum act a, unsigned r, int n,
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

static int open_meeting(const char *path, const char *date, struct db **db,
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

static int run(const char *path, const char *date, const char *seed)
{
	struct clerk_err err = {0};
	struct db *db = NULL;
	struct live *l = NULL;
	if (open_meeting(path, date, &db, &l, &err)) {
		fprintf(stderr, "killdrv: %s\n", err.msg);
		return 3;
	}
	/* The state as reopened: the baseline of this run (an action of the
	 * last run that committed but was never acknowledged is in it). */
	struct state s0 = state_of(l);
	say("open current %d running %d adjourned %d\n", s0.current, s0.running,
	    s0.adjourned);
	unsigned r = (unsigned)strtoul(seed, NULL, 10) * 2654435761u + 1;
	for (int n = 1; n <= 100000; n++) {
		r = r * 1103515245u + 12345u;
		unsigned pick = r >> 8;
		enum act a = choose(l, pick);
		struct state want = predict(l, a);
		say("do %s expect %d %d %d\n", act_names[a], want.current,
		    want.running, want.adjourned);
		const char *table;
		clerk_id id;
		enum clerk_status rc = act(l, a, pick, n, seed, &table, id, &err);
		if (rc == CLERK_DB || rc == CLERK_IO || rc == CLERK_FULL ||
		    rc == CLERK_FOREIGN) {
			fprintf(stderr, "killdrv: %s\n", err.msg);
			return 3;
		}
		if (rc) {
			say("refused %s: %s\n", act_names[a], err.msg);
			continue;
		}
		if (!id[0])
			snprintf(id, sizeof id, "%s", last_event_id(l));
		if (!id[0])
			table = "event";
		struct state s = state_of(l);
		say("ack %d %s %s events %zu current %d running %d adjourned %d\n",
		    n, id[0] ? table : "none", id[0] ? id : "-", l->events.n,
		    s.current, s.running, s.adjourned);
	}
	live_free(&l);
	db_close(&db);
	return 0;
}

/* ---------------------------------------------------------------- verify */

static int plain_count(sqlite3 *s, const char *table, const char *id)
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

static char *plain_text(sqlite3 *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	struct strbuf sb = {0};
	if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) == SQLITE_OK)
		while (sqlite3_step(st) == SQLITE_ROW)
			sb_addf(&sb, "%s%s", sb.len ? "; " : "",
				(const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return sb_detach(&sb);
}

struct acks {
	int acked, missing;
	size_t last_events;
	struct state last, inflight;
	bool have_last, have_inflight;
};

static void read_acks(sqlite3 *s, const char *file, struct acks *a)
{
	FILE *in = fopen(file, "r");
	char line[2048];
	while (in && fgets(line, sizeof line, in)) {
		char table[32], id[64];
		int n;
		size_t ev;
		struct state st;
		char name[32];
		if (sscanf(line, "ack %d %31s %63s events %zu current %d running %d "
				 "adjourned %d",
			   &n, table, id, &ev, &st.current, &st.running,
			   &st.adjourned) == 7) {
			a->acked++;
			if (strcmp(table, "none") != 0 && plain_count(s, table, id) != 1) {
				a->missing++;
				printf("missing: %s", line);
			}
			a->last_events = ev;
			a->last = st;
			a->have_last = true;
			a->have_inflight = false;
		} else if (sscanf(line, "do %31s expect %d %d %d", name, &st.current,
				  &st.running, &st.adjourned) == 4) {
			a->inflight = st;
			a->have_inflight = true;
		} else if (sscanf(line, "open current %d running %d adjourned %d",
				  &st.current, &st.running, &st.adjourned) == 3) {
			a->last = st;
			a->have_last = true;
			a->have_inflight = false;
		} else if (strncmp(line, "refused", 7) == 0) {
			a->have_inflight = false;
		}
	}
	if (in)
		fclose(in);
}

static bool same(struct state a, struct state b)
{
	return a.current == b.current && a.running == b.running &&
	       a.adjourned == b.adjourned;
}

static int verify(const char *path, const char *date, const char *file)
{
	sqlite3 *s = NULL;
	int bad = 0;
	if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		printf("cannot open %s\n", path);
		return 1;
	}
	char *ic = plain_text(s, "PRAGMA integrity_check");
	char *events = plain_text(s, "SELECT count(*) FROM event");
	struct acks a = {0};
	read_acks(s, file, &a);
	sqlite3_close(s);
	if (strcmp(ic, "ok") != 0) {
		printf("integrity_check: %s\n", ic);
		bad++;
	}
	if (a.missing)
		bad++;
	if (a.have_last && (size_t)atol(events) < a.last_events) {
		printf("the log has %s events; the last ack said %zu\n", events,
		       a.last_events);
		bad++;
	}
	struct clerk_err err = {0};
	struct db *db = NULL;
	struct live *l = NULL;
	struct state now = {-9, -9, -9};
	if (open_meeting(path, date, &db, &l, &err)) {
		printf("reopening failed: %s\n", err.msg);
		bad++;
	} else {
		now = state_of(l);
	}
	live_free(&l);
	db_close(&db);
	bool at_last = a.have_last && same(now, a.last);
	bool at_inflight = a.have_inflight && same(now, a.inflight);
	/* A move to another item stopped half-way (the item ended, the next
	 * not started): named apart in the report, and a failure — each live
	 * action is one transaction. */
	bool half_done = a.have_last && a.have_inflight && !at_last &&
			 !at_inflight && now.running == 0 &&
			 (now.current == a.last.current ||
			  now.current == a.inflight.current);
	if (a.have_last && !at_last && !at_inflight) {
		printf("reopened at item %d running %d adjourned %d; the last ack "
		       "showed %d %d %d\n",
		       now.current, now.running, now.adjourned, a.last.current,
		       a.last.running, a.last.adjourned);
		bad++;
	}
	printf("acked %d missing %d events %s state %s integrity %s\n", a.acked,
	       a.missing, events,
	       at_last	     ? "as-acked"
	       : at_inflight ? "in-flight-committed"
	       : half_done   ? "half-done"
	       /* killed before the first run had opened the meeting (a
		* loaded machine): nothing was shown, nothing to compare */
	       : !a.have_last ? "nothing-shown"
			      : "-",
	       ic);
	free(ic);
	free(events);
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "run") == 0)
		return run(argv[2], argv[3], argv[4]);
	if (argc == 5 && strcmp(argv[1], "verify") == 0)
		return verify(argv[2], argv[3], argv[4]);
	fputs("usage: killdrv run FILE DATE SEED | verify FILE DATE ACKS\n", stderr);
	return 2;
}
