/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Storage tests: what the clerk file promises.  A new file is private
 * (0600) in a folder created for it; every connection is durable (WAL,
 * synchronous FULL) with foreign keys enforced and clerk's application id;
 * files that are not clerk's, or are newer than this program, are refused
 * and left byte-for-byte as they were; a read-only file still opens for
 * look-ups; a file of every earlier schema version is brought up to date
 * with its data; every change to recorded content is audited; confirmed
 * minutes cannot be changed.
 */
#include "config.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "clerk/model.h"
#include "db_private.h"

struct tmp {
	char dir[64];
};

static int tmp_setup(void **state)
{
	struct tmp *t = xcalloc(1, sizeof *t);
	snprintf(t->dir, sizeof t->dir, "/tmp/clerk-storage.XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	clock_set(1507197600);
	*state = t;
	return 0;
}

static int tmp_teardown(void **state)
{
	struct tmp *t = *state;
	char *cmd = xasprintf("chmod -R u+w '%s' && rm -rf '%s'", t->dir, t->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(t);
	clock_reset();
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct strbuf sb = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return sb_detach(&sb);
}

static void spit(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static int pragma(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL),
			 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(h);
}

static void test_new_file_is_private_in_new_folder(void **state)
{
	struct tmp *t = *state;
	struct clerk_err err;
	struct db *db = NULL;
	char *path = xasprintf("%s/a/b/clerk.db", t->dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), CLERK_OK);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *dir = xasprintf("%s/a/b", t->dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0077, 0);
	assert_int_equal(db_schema_version(db), db_program_schema_version());
	db_close(&db);
	assert_null(db);
	free(dir);
	free(path);
}

static void test_connection_is_durable(void **state)
{
	struct tmp *t = *state;
	struct clerk_err err;
	struct db *db = NULL;
	char *path = xasprintf("%s/clerk.db", t->dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), CLERK_OK);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), "PRAGMA journal_mode",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(pragma(db, "PRAGMA synchronous"), 2); /* FULL */
	assert_int_equal(pragma(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(pragma(db, "PRAGMA application_id"),
			 CLERK_APPLICATION_ID);
	/* foreign keys are enforced: a body of no council is refused */
	struct body b = {.council_id = "00000000-0000-4000-8000-000000000000",
			 .name = xstrdup("Orphan Board")};
	assert_int_equal(body_create(db, &b, &err), CLERK_INVALID);
	assert_non_null(strstr(err.msg, "creating the body"));
	body_free(&b);
	db_close(&db);
	free(path);
}

/* Opening path must fail with status and a message containing `says`,
 * and leave the file exactly as it was, with no journal beside it. */
static void assert_refused_untouched(const char *path, enum db_mode mode,
				     enum clerk_status status, const char *says)
{
	size_t before_len, after_len;
	char *before = slurp(path, &before_len);
	struct clerk_err err;
	struct db *db = NULL;
	assert_int_equal(db_open(path, mode, &db, &err), status);
	assert_null(db);
	assert_non_null(strstr(err.msg, says));
	assert_non_null(strstr(err.msg, path));
	char *after = slurp(path, &after_len);
	assert_int_equal(after_len, before_len);
	assert_memory_equal(after, before, before_len);
	char *wal = xasprintf("%s-wal", path);
	assert_int_equal(access(wal, F_OK), -1);
	free(wal);
	free(before);
	free(after);
}

static void test_foreign_files_refused_untouched(void **state)
{
	struct tmp *t = *state;
	char *text = xasprintf("%s/notes.txt", t->dir);
	const char *notes = "Minutes of the parish meeting\nItem 1\n£20 agreed\n";
	spit(text, notes, strlen(notes));
	assert_refused_untouched(text, DB_CREATE, CLERK_FOREIGN,
				 "not an SQLite file");
	assert_refused_untouched(text, DB_EXISTING, CLERK_FOREIGN,
				 "left untouched");
	char *other = xasprintf("%s/other.sqlite", t->dir);
	raw_exec(other, "CREATE TABLE recipes(name TEXT);"
			"INSERT INTO recipes VALUES ('bara brith');");
	assert_refused_untouched(other, DB_CREATE, CLERK_FOREIGN,
				 "not a clerk database");
	free(text);
	free(other);
}

static void test_newer_file_refused_untouched(void **state)
{
	struct tmp *t = *state;
	struct clerk_err err;
	struct db *db = NULL;
	char *path = xasprintf("%s/clerk.db", t->dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), CLERK_OK);
	db_close(&db);
	char *bump = xasprintf("PRAGMA journal_mode=DELETE; PRAGMA user_version=%d;",
			       db_program_schema_version() + 1);
	raw_exec(path, bump);
	assert_refused_untouched(path, DB_EXISTING, CLERK_NEWER, "newer clerk");
	assert_refused_untouched(path, DB_CREATE, CLERK_NEWER, "upgrade clerk");
	free(bump);
	free(path);
}

static void test_read_only_file_reads_but_refuses_writes(void **state)
{
	struct tmp *t = *state;
	struct clerk_err err;
	struct db *db = NULL;
	char *path = xasprintf("%s/clerk.db", t->dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), CLERK_OK);
	struct council c = {.name = xstrdup("Hampshire County Council")};
	assert_int_equal(council_create(db, &c, &err), CLERK_OK);
	db_close(&db);
	raw_exec(path, "PRAGMA journal_mode=DELETE;");
	assert_int_equal(chmod(path, 0400), 0);
	assert_int_equal(chmod(t->dir, 0500), 0);
	/* root writes through file modes: ask for read-only then */
	enum db_mode mode = geteuid() == 0 ? DB_READONLY : DB_EXISTING;
	assert_int_equal(db_open(path, mode, &db, &err), CLERK_OK);
	assert_true(db_is_readonly(db));
	struct council got;
	assert_int_equal(council_get(db, c.id, &got, &err), CLERK_OK);
	assert_string_equal(got.name, "Hampshire County Council");
	council_free(&got);
	struct council more = {.name = xstrdup("Test Valley Borough Council")};
	assert_int_equal(council_create(db, &more, &err), CLERK_READONLY);
	assert_non_null(strstr(err.msg, "read-only"));
	struct person p = {.name = xstrdup("Liz Fairhurst")};
	assert_int_equal(person_create(db, &p, &err), CLERK_READONLY);
	struct agenda_item it = {.meeting_id = "x", .title = xstrdup("Minutes")};
	assert_int_equal(item_create(db, &it, &err), CLERK_READONLY);
	db_close(&db);
	assert_int_equal(chmod(t->dir, 0700), 0);
	item_free(&it);
	person_free(&p);
	council_free(&more);
	council_free(&c);
	free(path);
}

/* A file at schema version v, as the program that wrote it left it, with a
 * council in it when the schema has councils. */
/* A file as clerk made it at version v: its schema, triggers included,
 * copied from the reference. */
static void make_file_at_version(const char *path, int v)
{
	spit(path, "", 0);
	if (v == 0)
		return;
	sqlite3 *ref = NULL, *dst = NULL;
	struct clerk_err err;
	assert_int_equal(db_reference_schema(v, &ref, &err), CLERK_OK);
	assert_int_equal(sqlite3_open(path, &dst), SQLITE_OK);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", ref, "main");
	assert_non_null(b);
	assert_int_equal(sqlite3_backup_step(b, -1), SQLITE_DONE);
	sqlite3_backup_finish(b);
	sqlite3_close(dst);
	sqlite3_close(ref);
	char *set = xasprintf("PRAGMA user_version=%d; PRAGMA application_id=%d;"
			      "INSERT INTO council(id, name) VALUES "
			      "('11111111-1111-4111-8111-111111111111', "
			      "'Cyngor Sir Ynys Môn');",
			      v, CLERK_APPLICATION_ID);
	raw_exec(path, set);
	free(set);
}

static void test_migrates_from_every_earlier_version(void **state)
{
	struct tmp *t = *state;
	int latest = db_program_schema_version();
	assert_true(latest >= 1);
	for (int v = 0; v < latest; v++) {
		struct clerk_err err;
		struct db *db = NULL;
		char *path = xasprintf("%s/v%d.db", t->dir, v);
		make_file_at_version(path, v);
		assert_int_equal(db_open(path, v ? DB_EXISTING : DB_CREATE, &db,
					 &err),
				 CLERK_OK);
		assert_int_equal(db_schema_version(db), latest);
		assert_int_equal(pragma(db, "PRAGMA application_id"),
				 CLERK_APPLICATION_ID);
		assert_int_equal(pragma(db, "SELECT count(*) FROM sqlite_schema "
					    "WHERE name IN ('audit', 'meeting', "
					    "'attendance', 'lock_meeting')"),
				 4);
		struct council c;
		if (v > 0) {
			assert_int_equal(
				council_get(db,
					    "11111111-1111-4111-8111-111111111111",
					    &c, &err),
				CLERK_OK);
			assert_string_equal(c.name, "Cyngor Sir Ynys Môn");
			council_free(&c);
		}
		db_close(&db);
		free(path);
	}
}

/* The digests schema_check.c keeps (its fast path) are those of the
 * reference at each version; when a step or a trigger changes, this says
 * what to write there. */
static void test_schema_digests_are_current(void **state)
{
	(void)state;
	int latest = db_program_schema_version();
	struct strbuf want = {0}, have = {0};
	for (int v = 1; v <= latest; v++) {
		sqlite3 *ref = NULL;
		struct clerk_err err;
		assert_int_equal(db_reference_schema(v, &ref, &err), CLERK_OK);
		sb_addf(&want, "\t{%d, 0x%016llxULL},\n", v,
			(unsigned long long)db_schema_digest(ref));
		sb_addf(&have, "\t{%d, 0x%016llxULL},\n", v,
			(unsigned long long)db_schema_known_digest(v));
		sqlite3_close(ref);
	}
	if (strcmp(sb_str(&want), sb_str(&have)) != 0)
		fprintf(stderr, "# known_digests in src/db/schema_check.c should "
				"read:\n%s",
			sb_str(&want));
	assert_string_equal(sb_str(&have), sb_str(&want));
	sb_free(&want);
	sb_free(&have);
}

/* The reference with one change made by writing sqlite_schema itself
 * (as a hostile file could), then whether the fast path takes it for
 * clerk's schema. */
static bool expected_after(const char *change)
{
	sqlite3 *ref = NULL;
	struct clerk_err err;
	assert_int_equal(db_reference_schema(db_program_schema_version(), &ref,
					     &err),
			 CLERK_OK);
	assert_int_equal(sqlite3_db_config(ref, SQLITE_DBCONFIG_DEFENSIVE, 0,
					   NULL),
			 SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(ref, change, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "# %s: %s\n", change, msg);
	sqlite3_free(msg);
	assert_int_equal(rc, SQLITE_OK);
	bool same = db_schema_is_expected(ref);
	sqlite3_close(ref);
	return same;
}

/* schema_expected.c, written by the build, is the reference at the latest
 * step, and its comparison (every opening's fast path) says "not clerk's
 * schema" of any row changed, missing, added or twice, so that such a
 * file goes on to the full comparison and its verdict. */
static void test_schema_expected_is_the_reference(void **state)
{
	(void)state;
	assert_int_equal(db_expected_version, db_program_schema_version());
	assert_true(expected_after("SELECT 1"));
	/* the text a shadow table holds is SQLite's: not compared */
	assert_true(expected_after(
		"PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = "
		"sql || ' ' WHERE name = 'search_fts_data'"));
	static const char *const changes[] = {
		"PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = "
		"sql || ' ' WHERE name = 'lock_vote_i'",
		"PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = "
		"replace(sql, 'confirmed', 'confirmeD') WHERE name = "
		"'lock_meeting'",
		"PRAGMA writable_schema=ON; UPDATE sqlite_schema SET tbl_name = "
		"'vote' WHERE name = 'lock_event_i'",
		"PRAGMA writable_schema=ON; UPDATE sqlite_schema SET type = "
		"'view' WHERE name = 'council'",
		"PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = "
		"CAST(sql || char(0) || 'x' AS TEXT) WHERE name = 'council'",
		"PRAGMA writable_schema=ON; UPDATE sqlite_schema SET name = "
		"'SQLite_council' WHERE name = 'council'",
		"PRAGMA writable_schema=ON; INSERT INTO sqlite_schema SELECT * "
		"FROM sqlite_schema WHERE name = 'meeting_start'",
		"PRAGMA writable_schema=ON; INSERT INTO sqlite_schema VALUES "
		"('trigger', NULL, 'vote', 0, 'CREATE TRIGGER x')",
		"DROP INDEX meeting_start",
		"DROP TRIGGER lock_vote_d",
		"CREATE TRIGGER planted AFTER INSERT ON minute_text BEGIN "
		"DELETE FROM minute_text WHERE id = NEW.id; END",
		"CREATE INDEX extra ON meeting(venue)",
		"CREATE TABLE extra (a)",
	};
	for (size_t i = 0; i < sizeof changes / sizeof *changes; i++) {
		bool same = expected_after(changes[i]);
		if (same)
			fprintf(stderr, "# taken for clerk's: %s\n", changes[i]);
		assert_false(same);
	}
}

/* Audit rows of one table, as "op|at|old title" lines. */
static char *audit_of(struct db *db, const char *tbl)
{
	static const char sql[] =
		"SELECT op, at, coalesce(json_extract(old, '$.title'), '-') "
		"FROM audit WHERE tbl = ?1 ORDER BY seq";
	sqlite3_stmt *st = NULL;
	struct strbuf sb = {0};
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_addf(&sb, "%s|%s|%s\n", sqlite3_column_text(st, 0),
			sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	return sb_detach(&sb);
}

static void make_meeting(struct db *db, clerk_id out)
{
	struct clerk_err err;
	struct council c = {.name = xstrdup("Hampshire County Council")};
	assert_int_equal(council_create(db, &c, &err), CLERK_OK);
	struct body b = {.name = xstrdup("Health and Wellbeing Board")};
	memcpy(b.council_id, c.id, sizeof b.council_id);
	assert_int_equal(body_create(db, &b, &err), CLERK_OK);
	struct meeting m = {.starts_at = 1507194000, .public_present = -1};
	memcpy(m.body_id, b.id, sizeof m.body_id);
	assert_int_equal(meeting_create(db, &m, &err), CLERK_OK);
	memcpy(out, m.id, CLERK_UUID_LEN);
	meeting_free(&m);
	body_free(&b);
	council_free(&c);
}

static void test_changes_are_audited(void **state)
{
	struct tmp *t = *state;
	struct clerk_err err;
	struct db *db = NULL;
	char *path = xasprintf("%s/clerk.db", t->dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), CLERK_OK);
	clerk_id mt;
	make_meeting(db, mt);
	struct agenda_item it = {.title = xstrdup("Declarations of Interest")};
	memcpy(it.meeting_id, mt, sizeof it.meeting_id);
	assert_int_equal(item_create(db, &it, &err), CLERK_OK);
	clock_advance(60);
	free(it.title);
	it.title = xstrdup("Declarations of Interest (£)");
	assert_int_equal(item_update(db, &it, &err), CLERK_OK);
	clock_advance(60);
	assert_int_equal(item_delete(db, it.id, &err), CLERK_OK);
	char *log = audit_of(db, "agenda_item");
	assert_string_equal(log,
			    "insert|2017-10-05T10:00:00Z|-\n"
			    "update|2017-10-05T10:01:00Z|Declarations of Interest\n"
			    "delete|2017-10-05T10:02:00Z|"
			    "Declarations of Interest (£)\n");
	free(log);
	item_free(&it);
	db_close(&db);
	free(path);
}

static void test_confirmed_minutes_refuse_every_edit(void **state)
{
	struct tmp *t = *state;
	struct clerk_err err;
	struct db *db = NULL;
	char *path = xasprintf("%s/clerk.db", t->dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), CLERK_OK);
	clerk_id mt;
	make_meeting(db, mt);
	struct person p = {.name = xstrdup("Liz Fairhurst")};
	assert_int_equal(person_create(db, &p, &err), CLERK_OK);
	struct agenda_item it = {.title = xstrdup("Budget")};
	memcpy(it.meeting_id, mt, sizeof it.meeting_id);
	assert_int_equal(item_create(db, &it, &err), CLERK_OK);
	struct resolution r = {.body = xstrdup("Approves the budget."),
			       .outcome = OUTCOME_CARRIED};
	memcpy(r.meeting_id, mt, sizeof r.meeting_id);
	memcpy(r.item_id, it.id, sizeof r.item_id);
	assert_int_equal(resolution_create(db, &r, &err), CLERK_OK);
	/* Confirmed at a later meeting of the same body, already held. */
	struct meeting first = {0}, next = {.starts_at = 1507195800,
					    .public_present = -1};
	assert_int_equal(meeting_get(db, mt, &first, &err), CLERK_OK);
	memcpy(next.body_id, first.body_id, sizeof next.body_id);
	assert_int_equal(meeting_create(db, &next, &err), CLERK_OK);
	assert_int_equal(meeting_confirm(db, mt, next.id, "", p.id, &err),
			 CLERK_OK);
	int audit = pragma(db, "SELECT count(*) FROM audit");
	free(r.body);
	r.body = xstrdup("Rejects the budget.");
	assert_int_equal(resolution_update(db, &r, &err), CLERK_LOCKED);
	assert_non_null(strstr(err.msg, "saving the resolution refused"));
	assert_int_equal(resolution_delete(db, r.id, &err), CLERK_LOCKED);
	struct vote v = {.vote = VOTE_FOR};
	memcpy(v.resolution_id, r.id, sizeof v.resolution_id);
	memcpy(v.person_id, p.id, sizeof v.person_id);
	assert_int_equal(vote_set(db, &v, &err), CLERK_LOCKED);
	struct attendance a = {.status = ATT_PRESENT};
	memcpy(a.meeting_id, mt, sizeof a.meeting_id);
	memcpy(a.person_id, p.id, sizeof a.person_id);
	assert_int_equal(attendance_set(db, &a, &err), CLERK_LOCKED);
	struct declaration d = {.kind = INTEREST_REGISTRABLE};
	memcpy(d.meeting_id, mt, sizeof d.meeting_id);
	memcpy(d.person_id, p.id, sizeof d.person_id);
	assert_int_equal(declaration_create(db, &d, &err), CLERK_LOCKED);
	assert_int_equal(item_move(db, it.id, 1, &err), CLERK_OK); /* no-op */
	free(it.title);
	it.title = xstrdup("Budget 2018/19");
	assert_int_equal(item_update(db, &it, &err), CLERK_LOCKED);
	assert_int_equal(pragma(db, "SELECT count(*) FROM audit"), audit);
	struct resolution_list rl;
	assert_int_equal(resolution_list(db, mt, NULL, &rl, &err), CLERK_OK);
	assert_string_equal(rl.v[0].body, "Approves the budget.");
	resolution_list_free(&rl);
	/* a correction is the way to change them, and it is recorded */
	struct correction c = {.body = xstrdup("For 2017 read 2018")};
	memcpy(c.meeting_id, mt, sizeof c.meeting_id);
	memcpy(c.made_at, next.id, sizeof c.made_at);
	assert_int_equal(correction_create(db, &c, &err), CLERK_OK);
	correction_free(&c);
	meeting_free(&first);
	meeting_free(&next);
	vote_free(&v);
	attendance_free(&a);
	declaration_free(&d);
	resolution_free(&r);
	item_free(&it);
	person_free(&p);
	db_close(&db);
	free(path);
}

/* From schema step 12 the audit triggers are each writing connection's
 * own: a file upgraded from any earlier step keeps none, and what clerk
 * writes to it is still audited. */
static void test_upgraded_files_still_audit(void **state)
{
	struct tmp *t = *state;
	int latest = db_program_schema_version();
	for (int v = 1; v < latest; v++) {
		struct clerk_err err;
		struct db *db = NULL;
		char *path = xasprintf("%s/u%d.db", t->dir, v);
		make_file_at_version(path, v);
		assert_int_equal(db_open(path, DB_EXISTING, &db, &err), CLERK_OK);
		assert_int_equal(pragma(db, "SELECT count(*) FROM sqlite_schema "
					    "WHERE name LIKE 'audit!_%' ESCAPE '!' "
					    "OR name LIKE 'search!_item!_%' ESCAPE '!'"),
				 0);
		clerk_id mt;
		make_meeting(db, mt);
		struct agenda_item it = {.title = xstrdup("Apologies")};
		memcpy(it.meeting_id, mt, sizeof it.meeting_id);
		assert_int_equal(item_create(db, &it, &err), CLERK_OK);
		char *log = audit_of(db, "agenda_item");
		assert_string_equal(log, "insert|2017-10-05T10:00:00Z|-\n");
		free(log);
		assert_int_equal(pragma(db, "SELECT count(*) FROM search_doc "
					    "WHERE title = 'Apologies'"),
				 1);
		item_free(&it);
		db_close(&db);
		free(path);
	}
}

/* Steps 16 and 17 give every document already indexed the scope of its
 * meeting (its body's token, then its month's) and index it again, with
 * the setting of step 13:
 * a search of the body finds what was recorded before the upgrade, and
 * the index is whole. */
static void test_upgrade_indexes_each_documents_body(void **state)
{
	struct tmp *t = *state;
	struct clerk_err err;
	struct db *db = NULL;
	char *path = xasprintf("%s/v15.db", t->dir);
	make_file_at_version(path, 15);
	raw_exec(path,
		 "INSERT INTO body(id, council_id, name) VALUES "
		 "('22222222-2222-4222-8222-222222222222', "
		 "'11111111-1111-4111-8111-111111111111', 'Board'),"
		 "('55555555-5555-4555-8555-555555555555', "
		 "'11111111-1111-4111-8111-111111111111', 'Panel');"
		 "INSERT INTO meeting(id, body_id, starts_at) VALUES "
		 "('33333333-3333-4333-8333-333333333333', "
		 "'22222222-2222-4222-8222-222222222222', "
		 "'2017-10-05T09:00:00Z'),"
		 "('44444444-4444-4444-8444-444444444444', "
		 "'55555555-5555-4555-8555-555555555555', "
		 "'2017-10-06T09:00:00Z');"
		 "INSERT INTO search_doc(src, src_id, meeting_id, item_id, title, "
		 "body) VALUES ('item', 'x1', "
		 "'33333333-3333-4333-8333-333333333333', 'x1', 'Budget', "
		 "'The budget for next year'), ('item', 'x2', "
		 "'44444444-4444-4444-8444-444444444444', 'x2', 'Budget', ''),"
		 "('item', 'x3', 'gone', 'x3', 'Budget', '');");
	assert_int_equal(db_open(path, DB_EXISTING, &db, &err), CLERK_OK);
	assert_int_equal(db_schema_version(db), db_program_schema_version());
	/* ... and, from step 17, its month. */
	assert_int_equal(pragma(db, "SELECT count(*) FROM search_doc WHERE "
				    "src_id = 'x1' AND scope = '0b' || "
				    "hex('22222222-2222-4222-8222-222222222222')"
				    " || ' 0m201710'"),
			 1);
	assert_int_equal(pragma(db, "SELECT count(*) FROM search_fts WHERE "
				    "search_fts MATCH 'scope : \"0m201710\" "
				    "AND budget'"),
			 2);
	/* ... and, from step 18, its words are listed once each. */
	assert_int_equal(pragma(db, "SELECT count(*) FROM search_wordlist "
				    "WHERE word IN ('budget', 'the', 'for', "
				    "'next', 'year')"),
			 5);
	assert_int_equal(pragma(db, "SELECT count(*) FROM search_wordlist"), 5);
	assert_int_equal(pragma(db, "SELECT count(*) FROM "
				    "search_wordlist_todo"),
			 0);
	/* A document of a meeting that is not there has no body. */
	assert_int_equal(pragma(db, "SELECT count(*) FROM search_doc WHERE "
				    "src_id = 'x3' AND scope = ''"),
			 1);
	assert_int_equal(pragma(db, "SELECT group_concat(rowid) FROM "
				    "search_fts WHERE search_fts MATCH "
				    "'scope : \"0b' || "
				    "hex('22222222-2222-4222-8222-222222222222') "
				    "|| '\" AND budget'"),
			 1);
	assert_int_equal(pragma(db, "SELECT count(*) FROM search_fts WHERE "
				    "search_fts MATCH 'budget'"),
			 3);
	assert_int_equal(pragma(db, "SELECT v FROM search_fts_config "
				    "WHERE k = 'automerge'"),
			 0);
	assert_int_equal(db_exec(db,
				 "INSERT INTO search_fts(search_fts, rank) "
				 "VALUES ('integrity-check', 1)",
				 &err),
			 CLERK_OK);
	db_close(&db);
	free(path);
}

/* A rollback removes the triggers made in its transaction: they are made
 * again, so that the next change is audited all the same. */
static void test_audited_after_a_rollback(void **state)
{
	struct tmp *t = *state;
	struct clerk_err err;
	struct db *db = NULL;
	char *path = xasprintf("%s/clerk.db", t->dir);
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), CLERK_OK);
	clerk_id mt;
	make_meeting(db, mt);
	struct agenda_item it = {.title = xstrdup("Undone")};
	memcpy(it.meeting_id, mt, sizeof it.meeting_id);
	assert_int_equal(db_begin(db, &err), CLERK_OK);
	assert_int_equal(item_create(db, &it, &err), CLERK_OK);
	db_rollback(db);
	item_free(&it);
	struct agenda_item kept = {.title = xstrdup("Kept")};
	memcpy(kept.meeting_id, mt, sizeof kept.meeting_id);
	assert_int_equal(item_create(db, &kept, &err), CLERK_OK);
	char *log = audit_of(db, "agenda_item");
	assert_string_equal(log, "insert|2017-10-05T10:00:00Z|-\n");
	free(log);
	assert_int_equal(pragma(db, "SELECT count(*) FROM audit WHERE tbl = "
				    "'agenda_item' AND new LIKE '%Kept%'"),
			 1);
	assert_int_equal(pragma(db, "SELECT count(*) FROM search_doc "
				    "WHERE title IN ('Kept', 'Undone')"),
			 1);
	item_free(&kept);
	db_close(&db);
	free(path);
}

/* schema_expected.c records how SQLite keeps each of clerk's tables, which
 * the writer's check of every b-tree trusts where a table's text does not
 * tell (check_roots): every table whose text has no WITHOUT is kept by
 * rowid, resolution too (its text says "without" in a comment only), and
 * the full-text index's _idx tables WITHOUT ROWID. */
static void test_schema_expected_tables_kind(void **state)
{
	(void)state;
	bool resolution = false, idx = false;
	for (size_t i = 0; i < db_expected_n; i++) {
		const struct db_schema_row *e = &db_expected_rows[i];
		if (strcmp(e->f[0], "table") != 0) {
			assert_int_equal(e->rowid, -1);
			continue;
		}
		if (!strcasestr(e->f[3], "without") && e->len[3] > 0)
			assert_int_equal(e->rowid, 1);
		if (strcmp(e->f[1], "resolution") == 0) {
			assert_int_equal(e->rowid, 1);
			resolution = true;
		}
		if (strcmp(e->f[1], "search_fts_idx") == 0) {
			assert_int_equal(e->rowid, 0);
			idx = true;
		}
	}
	assert_true(resolution);
	assert_true(idx);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, tmp_setup, tmp_teardown)
	const struct CMUnitTest tests[] = {
		T(test_new_file_is_private_in_new_folder),
		T(test_connection_is_durable),
		T(test_foreign_files_refused_untouched),
		T(test_newer_file_refused_untouched),
		T(test_read_only_file_reads_but_refuses_writes),
		T(test_migrates_from_every_earlier_version),
		T(test_schema_digests_are_current),
		T(test_schema_expected_is_the_reference),
		T(test_schema_expected_tables_kind),
		T(test_changes_are_audited),
		T(test_confirmed_minutes_refuse_every_edit),
		T(test_upgraded_files_still_audit),
		T(test_audited_after_a_rollback),
		T(test_upgrade_indexes_each_documents_body),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
