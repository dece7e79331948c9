/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * relcommon: helpers shared by the reliability tests (see relcommon.h).
 * The seed and the appended events go through clerk's db layer; the checks
 * afterwards use SQLite alone, so that clerk's code cannot hide a loss.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* a test reads the file itself */
#include "clerk/db_sql.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../scratch.h"
#include "relcommon.h"

static int tap_n, tap_failed;

void rel_ok(bool cond, const char *fmt, ...)
{
	va_list ap;
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

void rel_diag(const char *fmt, ...)
{
	va_list ap;
	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

int rel_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

void rel_copy(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb");
	FILE *out = fopen(to, "wb");
	if (!in || !out) {
		fprintf(stderr, "rel_copy %s -> %s failed\n", from, to);
		exit(99);
	}
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	fclose(out);
}

char *rel_detail(int seq)
{
	/* Mostly a line or a paragraph; every 17th spills onto overflow
	 * pages, as a long minute does. */
	int bytes = seq % 17 == 0 ? 9000 : 40 + (seq * 97) % 1500;
	struct strbuf sb = {0};
	sb_addf(&sb, "event %d:", seq);
	while ((int)sb.len < bytes)
		sb_addc(&sb, (char)('a' + (seq + (int)sb.len) % 26));
	return sb_detach(&sb);
}

enum clerk_status rel_append(struct db *db, int seq, struct clerk_err *err)
{
	char id[CLERK_UUID_LEN];
	char msg[64];
	snprintf(msg, sizeof msg, "recording event %d", seq);
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(
		db,
		"INSERT INTO event(id, meeting_id, seq, at, kind, detail) "
		"VALUES (?, ?, ?, clerk_now(), 'note', ?)",
		err);
	if (!st) {
		db_rollback(db);
		return err->status;
	}
	char *detail = rel_detail(seq);
	db_uuid(id);
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, REL_MEETING);
	sqlite3_bind_int(st, 3, seq);
	db_bind_text(st, 4, detail);
	free(detail);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(db, err, msg);
		db_done(st);
		db_rollback(db);
		return rc;
	}
	db_done(st);
	return db_commit(db, err);
}

void rel_seed(const char *path, int events)
{
	struct clerk_err err = {0};
	struct db *db = NULL;
	scratch_unlink(path);
	if (db_open(path, DB_CREATE, &db, &err) ||
	    db_exec(db,
		    "INSERT INTO council(id, name) VALUES ('c1', 'Hampshire County "
		    "Council');"
		    "INSERT INTO body(id, council_id, name) VALUES ('b1', 'c1', "
		    "'Health and Wellbeing Board');"
		    "INSERT INTO meeting(id, body_id, starts_at, venue, status) "
		    "VALUES ('" REL_MEETING "', 'b1', '2017-10-05T09:00:00Z', "
		    "'Ashburton Hall', 'in progress');",
		    &err)) {
		fprintf(stderr, "seed: %s\n", err.msg);
		exit(99);
	}
	for (int i = 1; i <= events; i++)
		if (rel_append(db, i, &err)) {
			fprintf(stderr, "seed: %s\n", err.msg);
			exit(99);
		}
	db_close(&db);
}

static sqlite3 *rel_plain_open(const char *path)
{
	sqlite3 *s = NULL;
	if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(s);
		return NULL;
	}
	sqlite3_busy_timeout(s, 5000);
	/* A check after the fact: nothing here needs to reach the disk. */
	sqlite3_exec(s, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
	return s;
}

char *rel_integrity(const char *path)
{
	sqlite3 *s = rel_plain_open(path);
	sqlite3_stmt *st = NULL;
	struct strbuf sb = {0};
	if (!s) {
		sb_add(&sb, "cannot open");
	} else if (sqlite3_prepare_v2(s, "PRAGMA integrity_check", -1, &st,
				      NULL) != SQLITE_OK) {
		sb_addf(&sb, "cannot check: %s", sqlite3_errmsg(s));
	} else {
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			sb_addf(&sb, "%s%s", sb.len ? "; " : "",
				(const char *)sqlite3_column_text(st, 0));
		if (rc != SQLITE_DONE)
			sb_addf(&sb, "%sstopped: %s", sb.len ? "; " : "",
				sqlite3_errmsg(s));
	}
	sqlite3_finalize(st);
	sqlite3_close(s);
	return sb_detach(&sb);
}

int rel_count_events(const char *path)
{
	sqlite3 *s = rel_plain_open(path);
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (s && sqlite3_prepare_v2(s, "SELECT count(*) FROM event", -1, &st,
				    NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(s);
	return n;
}

int rel_events_present(const char *path, int upto)
{
	sqlite3 *s = rel_plain_open(path);
	sqlite3_stmt *st = NULL;
	int found = 0;
	if (s && sqlite3_prepare_v2(s,
				    "SELECT DISTINCT seq, detail FROM event WHERE "
				    "seq <= ? ORDER BY seq",
				    -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, upto);
		while (sqlite3_step(st) == SQLITE_ROW) {
			int seq = sqlite3_column_int(st, 0);
			char *want = rel_detail(seq);
			const char *got = (const char *)sqlite3_column_text(st, 1);
			if (got && strcmp(got, want) == 0)
				found++;
			free(want);
		}
	}
	sqlite3_finalize(st);
	sqlite3_close(s);
	return found;
}
