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
 * The board, seats and agenda are those of test_live.c.
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

#include "clerk/live.h"

#define START 1507194000 /* 2017-10-05T09:00:00Z, 10:00 in London */
#define MIN 60

struct fx {
	char dir[64];
	char *path;
	struct db *db;
	clerk_id council, body, meeting;
	clerk_id member[5]; /* A (chairman), B, C, D, E */
	clerk_id seat[5];
	clerk_id nominated; /* substitute nominated for seat 0 */
	clerk_id other;     /* someone not nominated */
	clerk_id item[4];
	struct live *l;
	struct clerk_err err;
};

static const char *const names[5] = {"Anne Able", "Ben Baker", "Cara Cole",
				     "Dev Dale", "Eve Evans"};

static void fx_person(struct fx *f, const char *name, clerk_id out)
{
	struct person p = {.name = xstrdup(name),
			   .honorific = xstrdup("Councillor")};
	assert_int_equal(person_create(f->db, &p, &f->err), CLERK_OK);
	memcpy(out, p.id, CLERK_UUID_LEN);
	free(p.name);
	free(p.honorific);
}

static void fx_body(struct fx *f, enum council_kind kind, bool subs)
{
	struct council c = {.name = xstrdup("Hampshire County Council"),
			    .kind = kind};
	assert_int_equal(council_create(f->db, &c, &f->err), CLERK_OK);
	memcpy(f->council, c.id, CLERK_UUID_LEN);
	council_free(&c);
	struct body b = {.name = xstrdup("Health and Wellbeing Board"),
			 .short_name = xstrdup("HWB"),
			 .self_name = xstrdup("the Board"),
			 .tz = xstrdup("Europe/London"),
			 .quorum_kind = QUORUM_FIXED,
			 .quorum_fixed = 3,
			 .substitutes_allowed = subs};
	memcpy(b.council_id, f->council, CLERK_UUID_LEN);
	assert_int_equal(body_create(f->db, &b, &f->err), CLERK_OK);
	memcpy(f->body, b.id, CLERK_UUID_LEN);
	body_free(&b);
}

static void fx_seats(struct fx *f)
{
	for (int i = 0; i < 5; i++) {
		fx_person(f, names[i], f->member[i]);
		struct seat s = {.label = xasprintf("Seat %d", i + 1),
				 .voting = true,
				 .position = i + 1};
		memcpy(s.body_id, f->body, CLERK_UUID_LEN);
		assert_int_equal(seat_create(f->db, &s, &f->err), CLERK_OK);
		memcpy(f->seat[i], s.id, CLERK_UUID_LEN);
		assert_int_equal(membership_add(f->db, s.id, f->member[i],
						i ? ROLE_MEMBER : ROLE_CHAIRMAN,
						"", "2017-05-01", NULL, &f->err),
				 CLERK_OK);
		free(s.label);
	}
	fx_person(f, "Nina Nominated", f->nominated);
	fx_person(f, "Oscar Other", f->other);
	assert_int_equal(substitute_add(f->db, f->seat[0], f->nominated,
					"Deputy", "2017-05-01", NULL, &f->err),
			 CLERK_OK);
}

static void fx_agenda(struct fx *f)
{
	struct meeting m = {.venue = xstrdup("Ashburton Hall"),
			    .starts_at = START,
			    .public_present = -1};
	memcpy(m.body_id, f->body, CLERK_UUID_LEN);
	assert_int_equal(meeting_create(f->db, &m, &f->err), CLERK_OK);
	memcpy(f->meeting, m.id, CLERK_UUID_LEN);
	meeting_free(&m);
	static const char *const titles[4] = {"Apologies", "Declarations",
					      "Domestic Abuse", "Any Other"};
	static const int plan[4] = {10, 15, 20, 5};
	for (int i = 0; i < 4; i++) {
		struct agenda_item it = {.title = xstrdup(titles[i]),
					 .number = xasprintf("%d", i + 1),
					 .planned_minutes = plan[i]};
		memcpy(it.meeting_id, f->meeting, CLERK_UUID_LEN);
		assert_int_equal(item_create(f->db, &it, &f->err), CLERK_OK);
		memcpy(f->item[i], it.id, CLERK_UUID_LEN);
		item_free(&it);
	}
}

static int fx_setup_with(void **state, enum council_kind kind, bool subs)
{
	struct fx *f = xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "%s", "/tmp/clerk-live.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->path = xasprintf("%s/clerk.db", f->dir);
	clock_set(START - 5 * MIN);
	assert_int_equal(db_open(f->path, DB_CREATE, &f->db, &f->err),
			 CLERK_OK);
	fx_body(f, kind, subs);
	fx_seats(f);
	fx_agenda(f);
	clock_set(START);
	assert_int_equal(live_open(f->db, f->meeting, &f->l, &f->err),
			 CLERK_OK);
	*state = f;
	return 0;
}

static int fx_setup(void **state)
{
	return fx_setup_with(state, COUNCIL_PRINCIPAL, true);
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	live_free(&f->l);
	db_close(&f->db);
	for (size_t i = 0; i < 4; i++) {
		char *p = xasprintf("%s%s", f->path, suffix[i]);
		unlink(p);
		free(p);
	}
	rmdir(f->dir);
	free(f->path);
	free(f);
	clock_reset();
	return 0;
}

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
