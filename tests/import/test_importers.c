/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Unit tests of the importers as plain functions on buffers (the way a
 * fuzzer calls them): every truncation of each test file, and a few
 * corruptions, either imports or is refused — never crashes — and a refused
 * import leaves every row count as it was.  Also the planning of item times.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* a test reads the file itself */
#include "clerk/db_sql.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "clerk/import.h"
#include "clerk/model.h"

struct fixture {
	char dir[64];
	struct db *db;
	struct body body;
	struct meeting meeting;
};

static char *read_test_file(const char *name, size_t *len)
{
	char *path = xasprintf("%s/tests/import/%s", CLERK_SRCDIR, name);
	char *buf = NULL;
	struct clerk_err err = {0};
	assert_int_equal(import_read_file(path, &buf, len, &err), CLERK_OK);
	free(path);
	return buf;
}

/* Rows in every table an importer writes, as one comparable string. */
static char *counts(struct db *db)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM body) || ',' || (SELECT count(*) "
		"FROM person) || ',' || (SELECT count(*) FROM seat) || ',' || "
		"(SELECT count(*) FROM membership) || ',' || (SELECT count(*) FROM "
		"substitute) || ',' || (SELECT count(*) FROM meeting) || ',' || "
		"(SELECT count(*) FROM agenda_item) || ',' || (SELECT count(*) "
		"FROM attendance)";
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	char *s = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return s;
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct clerk_err err = {0};
	snprintf(f->dir, sizeof f->dir, "/tmp/clerk-imp.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	char *path = xasprintf("%s/t.db", f->dir);
	assert_int_equal(db_open(path, DB_CREATE, &f->db, &err), CLERK_OK);
	free(path);
	struct council c = {.name = xstrdup("Hampshire County Council")};
	assert_int_equal(council_create(f->db, &c, &err), CLERK_OK);
	f->body.name = xstrdup("Health and Wellbeing Board");
	f->body.quorum_num = 1;
	f->body.quorum_den = 4;
	snprintf(f->body.council_id, sizeof f->body.council_id, "%s", c.id);
	assert_int_equal(body_create(f->db, &f->body, &err), CLERK_OK);
	council_free(&c);
	snprintf(f->meeting.body_id, sizeof f->meeting.body_id, "%s",
		 f->body.id);
	f->meeting.starts_at =
		time_from_local("Europe/London", 2017, 10, 5, 10, 0);
	f->meeting.public_present = -1;
	assert_int_equal(meeting_create(f->db, &f->meeting, &err), CLERK_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(&f->db);
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	body_free(&f->body);
	meeting_free(&f->meeting);
	free(f);
	return 0;
}

/* Run an importer on a buffer: it returns OK, or INVALID / LOCKED with the
 * counts untouched. */
typedef enum clerk_status (*run_fn)(struct fixture *f, const char *buf,
				    size_t len, struct import_report *rep,
				    struct clerk_err *err);

static void check_one(struct fixture *f, run_fn run, const char *buf,
		      size_t len)
{
	struct import_report rep = {0};
	struct clerk_err err = {0};
	char *before = counts(f->db);
	enum clerk_status rc = run(f, buf, len, &rep, &err);
	if (rc != CLERK_OK) {
		assert_true(rc == CLERK_INVALID || rc == CLERK_LOCKED);
		assert_true(err.msg[0] != '\0');
		char *after = counts(f->db);
		assert_string_equal(after, before);
		free(after);
	}
	for (size_t i = 0; i < rep.n; i++)
		assert_true(rep.v[i].reason[0] != '\0');
	import_report_free(&rep);
	free(before);
}

/* Every prefix (in steps), then the whole with bytes flipped. */
static void torture(struct fixture *f, run_fn run, const char *name,
		    size_t step)
{
	size_t len;
	char *buf = read_test_file(name, &len);
	for (size_t n = 0; n <= len; n += step)
		check_one(f, run, buf, n);
	char *copy = xmalloc(len);
	for (size_t at = 0; at < len; at += 97) {
		memcpy(copy, buf, len);
		copy[at] = (char)(copy[at] ^ 0xa5);
		check_one(f, run, copy, len);
		copy[at] = '\0';
		check_one(f, run, copy, len);
	}
	free(copy);
	free(buf);
}

static enum clerk_status run_agenda(struct fixture *f, const char *buf,
				    size_t len, struct import_report *rep,
				    struct clerk_err *err)
{
	return import_agenda_text(f->db, f->meeting.id, "agenda", buf, len, rep,
				  err);
}

static enum clerk_status run_members(struct fixture *f, const char *buf,
				     size_t len, struct import_report *rep,
				     struct clerk_err *err)
{
	return import_members_csv(f->db, f->body.id, "2017-10-01", "members",
				  buf, len, rep, err);
}

static enum clerk_status run_mg(struct fixture *f, const char *buf,
				size_t len, struct import_report *rep,
				struct clerk_err *err)
{
	(void)f;
	struct import_source src = {"moderngov", buf, len};
	return import_moderngov(f->db, NULL, &src, 1, rep, err);
}

static void test_agenda_survives_truncation(void **state)
{
	torture(*state, run_agenda, "notice.txt", 13);
}

static void test_members_survive_truncation(void **state)
{
	torture(*state, run_members, "appendix-b.csv", 11);
}

static void test_moderngov_survives_truncation(void **state)
{
	torture(*state, run_mg, "mg-meeting.xml", 17);
}

static void test_agenda_reports_every_bad_line(void **state)
{
	struct fixture *f = *state;
	static const char text[] = "1. FINE\t10.00\n2. BAD\t10.99\n3.\n"
				   "4. LATE\t09.00\n";
	struct import_report rep = {0};
	struct clerk_err err = {0};
	assert_int_equal(run_agenda(f, text, sizeof text - 1, &rep, &err),
			 CLERK_INVALID);
	assert_int_equal(rep.n, 3);
	assert_int_equal(rep.v[0].line, 2);
	assert_int_equal(rep.v[1].line, 3);
	assert_int_equal(rep.v[2].line, 4);
	import_report_free(&rep);
}

static void test_plan_fills_starts_and_durations(void **state)
{
	(void)state;
	time_t s = 1000000;
	/* 1 and 2 untimed, 3 at +5 min, 4 untimed, 5 at +10 min. */
	time_t starts[5] = {0, 0, s + 300, 0, s + 600};
	int mins[5] = {0, 0, 0, 0, 0};
	import_plan_fill(starts, mins, 5, s);
	assert_true(starts[0] == s && starts[1] == s);
	assert_int_equal(mins[0], 0);
	assert_int_equal(mins[1], 5);
	assert_true(starts[3] == s + 300);
	assert_int_equal(mins[3], 5);
	assert_int_equal(mins[4], 0);
	/* Durations given: starts follow from them. */
	time_t s2[3] = {0, 0, 0};
	int m2[3] = {15, 20, 5};
	import_plan_fill(s2, m2, 3, s);
	assert_true(s2[1] == s + 900 && s2[2] == s + 2100);
}

static void test_clock_and_honorifics(void **state)
{
	(void)state;
	int h, m;
	assert_true(import_parse_clock("10.00 am", &h, &m) && h == 10 && m == 0);
	assert_true(import_parse_clock("2.30pm", &h, &m) && h == 14 && m == 30);
	assert_true(import_parse_clock("12 noon", &h, &m) && h == 12);
	assert_true(import_parse_clock("12.15 am", &h, &m) && h == 0);
	assert_false(import_parse_clock("25.00", &h, &m));
	assert_false(import_parse_clock("10.7", &h, &m));
	assert_false(import_parse_clock("ten", &h, &m));
	char *hon, *name;
	/* kept as the council writes it: "Cllr" stays "Cllr" */
	import_split_honorific("Cllr Keith Mans", &hon, &name);
	assert_string_equal(hon, "Cllr");
	assert_string_equal(name, "Keith Mans");
	free(hon);
	free(name);
	import_split_honorific("Cllr. Keith Mans", &hon, &name);
	assert_string_equal(hon, "Cllr");
	assert_string_equal(name, "Keith Mans");
	free(hon);
	free(name);
	import_split_honorific("Michael Lane", &hon, &name);
	assert_string_equal(hon, "");
	assert_string_equal(name, "Michael Lane");
	free(hon);
	free(name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_agenda_survives_truncation,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_members_survive_truncation,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_moderngov_survives_truncation, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_agenda_reports_every_bad_line, setup, teardown),
		cmocka_unit_test(test_plan_fills_starts_and_durations),
		cmocka_unit_test(test_clock_and_honorifics),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
