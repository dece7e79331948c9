/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/live/test_live_check: an action of the console reads again only
 * what it changed (one attendance row, the declarations, the new events of
 * the log) and walks only the log's new events.  After every step of a
 * scripted meeting, the context must be exactly what a whole read of the
 * file gives (live_check_fresh, which compares every field the console
 * holds and derives); the statements an action runs must not include the
 * whole lists it did not change; and the check itself must see a context
 * that has drifted.  CLERK_LIVE_CHECK is set, so every partial read inside
 * an action is checked too.
 *
 * The board, seats and agenda are live_fixture.c's, as test_live.c's.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* a test watches the statements run */
#include "clerk/db_sql.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "live_fixture.h"

#define OK(call) assert_int_equal((call), CLERK_OK)

/* The context is what a whole read gives (else say where it is not). */
#define SAME(f)                                                            \
	do {                                                               \
		char *diff_ = NULL;                                        \
		bool same_ = live_check_fresh((f)->l, &diff_);             \
		if (!same_)                                                \
			print_error("%s:%d: %s\n", __FILE__, __LINE__,     \
				    diff_);                                \
		free(diff_);                                               \
		assert_true(same_);                                        \
	} while (0)

/* ------------------------------------------- statements an action runs */

static struct strbuf ran;

static int trace_stmt(unsigned kind, void *ctx, void *p, void *x)
{
	(void)ctx;
	(void)p;
	const char *sql = x;
	if (kind == SQLITE_TRACE_STMT && sql && strncmp(sql, "--", 2)) {
		sb_add(&ran, sql);
		sb_add(&ran, "\n");
	}
	return 0;
}

static void watch(struct fx *f)
{
	/* The check reads the whole meeting on the same connection. */
	unsetenv("CLERK_LIVE_CHECK");
	sb_reset(&ran);
	sqlite3_trace_v2(db_handle(f->db), SQLITE_TRACE_STMT, trace_stmt, NULL);
}

static void unwatch(struct fx *f)
{
	sqlite3_trace_v2(db_handle(f->db), 0, NULL, NULL);
	setenv("CLERK_LIVE_CHECK", "1", 1);
}

/* The queries that read a whole part of the meeting again. */
#define READ_ATTENDANCE "ORDER BY s.position IS NULL"
#define READ_AGENDA "FROM agenda_item WHERE meeting_id = ?1 ORDER BY"
#define READ_BODY "FROM body"

static bool ran_any(const char *what)
{
	return strstr(sb_str(&ran), what) != NULL;
}

/* ------------------------------------------------------------ tests */

/* A whole meeting, step by step: after each, what the console holds is
 * what the file says. */
static void test_session_matches_whole_read(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	SAME(f);
	int n = 0;
	OK(live_att_all_present(l, &n, &f->err));
	assert_int_equal(n, 5);
	SAME(f);
	OK(live_next(l, &f->err));
	SAME(f);
	clock_advance(2 * MIN);
	OK(live_att_apology(l, f->member[4], "on leave", &f->err));
	SAME(f);
	OK(live_att_absent(l, f->member[3], "", &f->err));
	SAME(f);
	OK(live_att_present(l, f->member[3], &f->err));
	SAME(f);
	/* A substitute adds a row; removing one takes it away. */
	OK(live_att_substitute_apology(l, f->member[0], f->nominated, &f->err));
	SAME(f);
	OK(live_att_sub_remove(l, f->nominated, &f->err));
	SAME(f);
	OK(live_att_substitute(l, f->member[0], f->other, &f->err));
	SAME(f);
	OK(live_att_seat_to_member(l, f->member[0], &f->err));
	SAME(f);
	clock_advance(MIN);
	OK(live_att_arrived(l, f->member[4], 0, &f->err));
	SAME(f);
	OK(live_left_room(l, f->member[1], &f->err));
	SAME(f);
	clock_advance(MIN);
	OK(live_returned(l, f->member[1], &f->err));
	SAME(f);
	OK(live_att_also(l, "Pat Press", "observer", NULL, &f->err));
	SAME(f);
	/* A pecuniary interest in a later item: out when it starts, back
	 * when it ends. */
	OK(live_declare(l, f->member[1], 2, INTEREST_PECUNIARY, "employed",
			false, false, NULL, &f->err));
	SAME(f);
	OK(live_next(l, &f->err));
	SAME(f);
	clock_advance(3 * MIN);
	OK(live_next(l, &f->err));
	SAME(f);
	assert_true(live_presence_of(l, f->member[1])->out_interest);
	clock_advance(MIN);
	clerk_id text;
	OK(live_text_add(l, SECTION_HEARD, "Referrals had risen.", &text,
			 &f->err));
	SAME(f);
	OK(live_text_add_item(l, 0, SECTION_RECEIVED, "A report.", NULL,
			      &f->err));
	SAME(f);
	OK(live_text_edit(l, text, "  Referrals had risen by 4%.  ", &f->err));
	SAME(f);
	struct resolution m = { 0 };
	OK(live_move(l, RES_MOTION, NULL, "The Board:", "Notes the report.",
		     f->member[0], f->member[2], &m, &f->err));
	SAME(f);
	OK(live_vote_counts(l, m.id, 3, 0, 1, &f->err));
	SAME(f);
	OK(live_action_add(l, m.id, "Report back.", "Director", "2017-12-01",
			   NULL, &f->err));
	SAME(f);
	resolution_free(&m);
	OK(live_text_delete(l, text, &f->err));
	SAME(f);
	clock_advance(5 * MIN);
	OK(live_prev(l, &f->err));
	SAME(f);
	OK(live_jump(l, 3, &f->err));
	SAME(f);
	OK(live_att_departed(l, f->member[2], 0, &f->err));
	SAME(f);
	OK(live_adjourn(l, "a break", &f->err));
	SAME(f);
	clock_advance(10 * MIN);
	SAME(f); /* the clocks run on: derived at the same moment */
	OK(live_refresh(l, &f->err));
	SAME(f);
	OK(live_resume(l, &f->err));
	SAME(f);
	clock_advance(MIN);
	OK(live_close(l, &f->err));
	SAME(f);
}

/* Another console's writes are read whole at the next read. */
static void test_other_console(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	int n = 0;
	OK(live_att_all_present(l, &n, &f->err));
	OK(live_next(l, &f->err));
	struct db *db2 = NULL;
	OK(db_open(f->path, DB_EXISTING, &db2, &f->err));
	struct attendance_list al = { 0 };
	OK(attendance_list(db2, f->meeting, &al, &f->err));
	struct attendance a = al.v[2]; /* borrows its strings */
	a.status = ATT_APOLOGY;
	OK(attendance_set(db2, &a, &f->err));
	attendance_list_free(&al);
	OK(event_append(db2, f->meeting, EVENT_NOTE, f->item[0], NULL,
			"from elsewhere", NULL, &f->err));
	OK(live_refresh(l, &f->err));
	SAME(f);
	assert_int_equal(live_attendance_of(l, f->member[2])->status,
			 ATT_APOLOGY);
	OK(meeting_set_status(db2, f->meeting, MEETING_ADJOURNED, &f->err));
	/* An action made before the tick has seen it starts from the file. */
	OK(live_text_add(l, SECTION_HEARD, "Typed here.", NULL, &f->err));
	SAME(f);
	assert_true(l->adjourned);
	db_close(&db2);
}

/* An action reads again what it changed, not the whole meeting. */
static void test_reads_only_what_changed(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	int n = 0;
	OK(live_att_all_present(l, &n, &f->err));
	OK(live_next(l, &f->err));
	watch(f);
	OK(live_att_apology(l, f->member[4], "", &f->err));
	unwatch(f);
	assert_false(ran_any(READ_ATTENDANCE));
	assert_false(ran_any(READ_AGENDA));
	assert_false(ran_any(READ_BODY));
	assert_int_equal(live_attendance_of(l, f->member[4])->status,
			 ATT_APOLOGY);
	watch(f);
	OK(live_next(l, &f->err));
	unwatch(f);
	assert_false(ran_any(READ_ATTENDANCE));
	assert_false(ran_any(READ_AGENDA));
	assert_int_equal(l->current, 1);
	watch(f);
	OK(live_text_add(l, SECTION_HEARD, "A point.", NULL, &f->err));
	unwatch(f);
	assert_false(ran_any(READ_ATTENDANCE));
	assert_false(ran_any(READ_AGENDA));
	assert_false(ran_any("FROM minute_text t"));
	/* A row added to the list reads the list again, in its order. */
	watch(f);
	OK(live_att_also(l, "Pat Press", "observer", NULL, &f->err));
	unwatch(f);
	assert_true(ran_any(READ_ATTENDANCE));
	SAME(f);
	sb_free(&ran);
}

/* The check sees a context that is not what the file says. */
static void test_check_sees_drift(void **state)
{
	struct fx *f = *state;
	struct live *l = f->l;
	int n = 0;
	OK(live_att_all_present(l, &n, &f->err));
	OK(live_next(l, &f->err));
	SAME(f);
	char *diff = NULL;
	l->attendance.v[1].status = ATT_ABSENT;
	assert_false(live_check_fresh(l, &diff));
	assert_non_null(strstr(diff, "attendance 1"));
	free(diff);
	l->attendance.v[1].status = ATT_PRESENT;
	SAME(f);
	l->items[0].elapsed += 60;
	assert_false(live_check_fresh(l, &diff));
	assert_non_null(strstr(diff, "item 0 timing"));
	free(diff);
	OK(live_reload(l, &f->err));
	SAME(f);
	l->presence[2].out = true;
	assert_false(live_check_fresh(l, NULL));
	OK(live_reload(l, &f->err));
	SAME(f);
}

int main(void)
{
	setenv("CLERK_LIVE_CHECK", "1", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_session_matches_whole_read,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_other_console, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(test_reads_only_what_changed,
						fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_check_sees_drift, fx_setup,
						fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
