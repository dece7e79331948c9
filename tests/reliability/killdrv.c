/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * killdrv: a scripted live meeting for the kill test, driven through the
 * live API exactly as the console drives it (linked with libclerk.a).
 *
 *   killdrv run FILE DATE SEED [ACKS IO]
 *                                 open the meeting of DATE and act on it
 *                                 until killed (or 100,000 actions); with
 *                                 ACKS and IO, it is killed (SIGKILL) at
 *                                 the IO-th write, sync, truncation or
 *                                 deletion after its ACKS-th
 *                                 acknowledgement (IO 0: right after it;
 *                                 IO < 0: once the |IO|-th is done),
 *                                 a moment tied to its progress, not to
 *                                 the clock
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

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <signal.h>

#include "faultvfs.h"
#include "liveacts.h"

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

/* The kill, once the ACKS-th action has been acknowledged. */
static void arm_kill(int acks, int kill_acks, long kill_io)
{
	if (kill_acks < 0 || acks != kill_acks)
		return;
	if (kill_io == 0)
		raise(SIGKILL);
	/* IO < 0: at the |IO|-th operation once it is done */
	faultvfs_kill_after(kill_io > 0 ? kill_io : -kill_io, kill_io < 0);
}

static int run(const char *path, const char *date, const char *seed,
	       int kill_acks, long kill_io)
{
	struct clerk_err err = {0};
	if (kill_acks >= 0)
		faultvfs_register();
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
	int acks = 0;
	arm_kill(acks, kill_acks, kill_io);
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
		arm_kill(++acks, kill_acks, kill_io);
	}
	live_free(&l);
	db_close(&db);
	return 0;
}

/* ---------------------------------------------------------------- verify */

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
		return run(argv[2], argv[3], argv[4], -1, 0);
	if (argc == 7 && strcmp(argv[1], "run") == 0)
		return run(argv[2], argv[3], argv[4], atoi(argv[5]),
			   atol(argv[6]));
	if (argc == 5 && strcmp(argv[1], "verify") == 0)
		return verify(argv[2], argv[3], argv[4]);
	fputs("usage: killdrv run FILE DATE SEED [ACKS IO] | verify FILE DATE "
	      "ACKS\n",
	      stderr);
	return 2;
}
