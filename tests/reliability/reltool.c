/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reltool: a test helper for the reliability tests, linked with libclerk.a.
 *
 *   reltool create FILE        create an empty clerk database (db_open)
 *   reltool seed FILE N        a fresh file with a meeting and N events
 *   reltool mode FILE          print "journal_mode synchronous" as clerk
 *                              opens FILE for writing
 *   reltool append FILE TEXT   record a note event through the model
 *   reltool events FILE        print the number of events (model look-up)
 *   reltool text FILE DATE BODYFILE  add the contents of BODYFILE as a
 *                              paragraph of minute text ("heard") to the
 *                              last agenda item of the meeting of DATE
 *   reltool secrets FILE DATE  declare on the first public item of the
 *                              meeting of DATE a sensitive interest
 *                              ("SENSITIVE-PUBLIC-DETAIL"); take its
 *                              exempt item,
 *                              mark everyone present, and record
 *                              there a sensitive interest ("SENSITIVE-
 *                              SECRET-DETAIL") and a confidential minute
 *                              ("EXEMPT-SECRET-TEXT") through the live API
 *   reltool writeloop FILE STOP  record events and minute text (through the
 *                              model, one commit each) until the file STOP
 *                              exists; print "written N failed F slowest
 *                              MS" and every failure's message; with
 *                              REL_PAUSE_MS set, pause that long between
 *                              writes (a clerk types; a loop does not)
 *
 * Exit 0 on success; on failure prints clerk's message and exits with
 * clerk's exit code.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CLERK_SQL_ALLOWED /* a test reads the file itself */
#include "clerk/db_sql.h"
#include "clerk/live.h"
#include "clerk/model.h"
#include "relcommon.h"

static int fail(const struct clerk_err *err)
{
	fprintf(stderr, "reltool: %s\n", err->msg);
	return clerk_status_exit_code(err->status);
}

static void print_pragma(struct db *db, const char *pragma)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(db_handle(db), pragma, -1, &stmt, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		printf("%s", db_col_text(stmt, 0));
	sqlite3_finalize(stmt);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One write of the loop: an event, or every third time a paragraph of
 * minute text (which also feeds the search index). */
static enum clerk_status write_one(struct db *db, const char *item_id, int n,
				   struct clerk_err *err)
{
	char text[128];
	snprintf(text, sizeof text, "written while others read, number %d", n);
	if (n % 3)
		return event_append(db, REL_MEETING, EVENT_NOTE, NULL, NULL, text,
				    NULL, err);
	struct minute_text t = {.section = SECTION_HEARD, .body = text};
	snprintf(t.meeting_id, sizeof t.meeting_id, "%s", REL_MEETING);
	snprintf(t.item_id, sizeof t.item_id, "%s", item_id);
	return minute_text_create(db, &t, err);
}

static enum clerk_status write_loop(struct db *db, const char *stop,
				    struct clerk_err *err)
{
	char title[] = "Concurrency";
	struct agenda_item it = {.title = title};
	snprintf(it.meeting_id, sizeof it.meeting_id, "%s", REL_MEETING);
	enum clerk_status rc = item_create(db, &it, err);
	if (rc)
		return rc;
	int written = 0, failed = 0;
	double slowest = 0;
	const char *pause = getenv("REL_PAUSE_MS");
	useconds_t pause_us = pause ? (useconds_t)atoi(pause) * 1000 : 0;
	while (access(stop, F_OK) != 0) {
		if (pause_us)
			usleep(pause_us);
		double t0 = now_ms();
		if (write_one(db, it.id, written + failed, err)) {
			failed++;
			printf("failed: %s\n", err->msg);
		} else {
			written++;
		}
		double dt = now_ms() - t0;
		if (dt > slowest)
			slowest = dt;
	}
	printf("written %d failed %d slowest %.1f\n", written, failed, slowest);
	return failed ? CLERK_DB : CLERK_OK;
}

static enum clerk_status add_text(struct db *db, const char *date,
				  const char *file, struct clerk_err *err)
{
	struct meeting m = {0};
	struct item_list items = {0};
	struct strbuf body = {0};
	enum clerk_status rc = meeting_find(db, date, NULL, &m, err);
	if (!rc)
		rc = item_list(db, m.id, &items, err);
	if (!rc && !items.n)
		rc = clerk_fail(err, CLERK_NOT_FOUND, "the meeting has no items");
	FILE *f = rc ? NULL : fopen(file, "rb");
	if (!rc && !f)
		rc = clerk_fail(err, CLERK_IO, "cannot read %s", file);
	if (f) {
		char buf[4096];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			sb_addn(&body, buf, n);
		fclose(f);
		sb_add(&body, ""); /* never NULL */
		struct minute_text t = {.section = SECTION_HEARD, .body = body.s};
		memcpy(t.meeting_id, m.id, sizeof t.meeting_id);
		memcpy(t.item_id, items.v[items.n - 1].id, sizeof t.item_id);
		rc = minute_text_create(db, &t, err);
	}
	sb_free(&body);
	item_list_free(&items);
	meeting_free(&m);
	return rc;
}

static enum clerk_status add_secrets(struct db *db, const char *date,
				     struct clerk_err *err)
{
	struct meeting m = {0};
	struct live *l = NULL;
	enum clerk_status rc = meeting_find(db, date, NULL, &m, err);
	if (!rc)
		rc = live_open(db, m.id, &l, err);
	if (!rc)
		rc = live_att_all_present(l, NULL, err);
	size_t exempt = l ? l->nitems - 1 : 0, public = 0;
	for (size_t i = 0; l && i < l->nitems; i++)
		if (l->items[i].item.exempt)
			exempt = i;
	while (l && public < l->nitems && l->items[public].item.exempt)
		public++;
	/* A sensitive interest on a public item: only its existence is
	 * minuted, and search must not find its details either. */
	if (!rc)
		rc = live_jump(l, public, err);
	if (!rc)
		rc = live_declare(l, l->seats.v[1].member.id, -1,
				  INTEREST_REGISTRABLE,
				  "SENSITIVE-PUBLIC-DETAIL: shares in Brightwater Homes",
				  true, false, NULL, err);
	if (!rc)
		rc = live_jump(l, exempt, err);
	if (!rc) {
		const char *who = l->seats.v[0].member.id;
		rc = live_declare(l, who, -1, INTEREST_REGISTRABLE,
				  "SENSITIVE-SECRET-DETAIL", true, false, NULL,
				  err);
	}
	if (!rc)
		rc = live_text_add(l, SECTION_EXEMPT,
				   "EXEMPT-SECRET-TEXT: the bid of Acme Ltd", NULL,
				   err);
	live_free(&l);
	meeting_free(&m);
	return rc;
}

static int run(const char *action, const char *path, const char *arg,
	       const char *arg2, struct db **db, struct clerk_err *err)
{
	if (strcmp(action, "create") == 0)
		return db_open(path, DB_CREATE, db, err);
	if (strcmp(action, "seed") == 0) {
		rel_seed(path, arg ? atoi(arg) : 0);
		return CLERK_OK;
	}
	enum clerk_status rc = db_open(path, DB_EXISTING, db, err);
	if (rc)
		return rc;
	if (strcmp(action, "mode") == 0) {
		print_pragma(*db, "PRAGMA journal_mode");
		putchar(' ');
		print_pragma(*db, "PRAGMA synchronous");
		putchar('\n');
	} else if (strcmp(action, "append") == 0) {
		rc = event_append(*db, REL_MEETING, EVENT_NOTE, NULL, NULL,
				  arg ? arg : "", NULL, err);
	} else if (strcmp(action, "secrets") == 0 && arg) {
		rc = add_secrets(*db, arg, err);
	} else if (strcmp(action, "text") == 0 && arg && arg2) {
		rc = add_text(*db, arg, arg2, err);
	} else if (strcmp(action, "writeloop") == 0 && arg) {
		rc = write_loop(*db, arg, err);
	} else if (strcmp(action, "events") == 0) {
		struct event_list l = {0};
		if (!(rc = event_list(*db, REL_MEETING, &l, err)))
			printf("%zu\n", l.n);
		event_list_free(&l);
	} else {
		rc = clerk_fail(err, CLERK_USAGE, "unknown action %s", action);
	}
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: reltool create|seed|mode|append|events FILE [ARG]\n",
		      stderr);
		return 2;
	}
	struct clerk_err err = {0};
	struct db *db = NULL;
	int rc = run(argv[1], argv[2], argc > 3 ? argv[3] : NULL,
		     argc > 4 ? argv[4] : NULL, &db, &err);
	db_close(&db);
	return rc ? fail(&err) : 0;
}
