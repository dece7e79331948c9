/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db internals shared by db.c and schema.c. */
#ifndef CLERK_DB_PRIVATE_H
#define CLERK_DB_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CLERK_SQL_ALLOWED /* db code */
#include "clerk/db_sql.h"

struct db_migration {
	int version;      /* user_version after this step */
	const char *what; /* one line for the log */
	const char *sql;  /* the step */
};

/* Ends with an entry whose version is 0. */
extern const struct db_migration db_migrations[];
/* The steps that rebuild a table others refer to (SQLite cannot change a
 * CHECK in place): they run with foreign keys off, which cannot change
 * inside a transaction, and prove them intact before they commit.  Ends
 * with 0. */
extern const int db_rebuild_steps[];

/* A new in-memory database holding the schema this clerk creates at
 * `version`: the migration steps up to it and the triggers, as a file of
 * that version has them. */
enum clerk_status db_reference_schema(int version, sqlite3 **out,
				      struct clerk_err *err);
/* Prepare *st to read every row of sql's schema but SQLite's own, as
 * type, name, tbl_name, sql: sorted by name then type (binary order, as
 * db_expected_rows are) or, not sorted, as stored.  SQLite's result code;
 * the caller finalizes *st either way (schema_check.c). */
int db_schema_rows(sqlite3 *sql, bool sorted, sqlite3_stmt **st);
/* Column DB_SCHEMA_SQL holds the sql in every read of the schema. */
#define DB_SCHEMA_SQL 3
/* Column col of st's row as the schema is compared: its text ("" for
 * NULL) and *len its length in bytes; a shadow table's sql (written by
 * SQLite, not clerk) has length 0. */
const char *db_schema_field(sqlite3_stmt *st, int col, size_t *len);
/* The digest of a schema (schema_check.c), 0 when it cannot be read. */
uint64_t db_schema_digest(sqlite3 *sql);
/* The digest this clerk expects at version (0: none listed). */
uint64_t db_schema_known_digest(int version);
/* The schema this clerk creates at its latest version, row by row as
 * sqlite_schema holds it (type, name, tbl_name, sql; a shadow table's sql
 * left empty), sorted by name then type, with the length of each field.
 * src/db/schema_expected.c, written at build time by src/db/schema-gen
 * from the migration steps themselves (db_reference_schema), so that it
 * can never differ from them. */
struct db_schema_row {
	const char *f[4];
	unsigned len[4];
	/* A table: 1 kept by rowid, 0 WITHOUT ROWID, as SQLite made it
	 * from its text; -1 for any other row or when SQLite would not
	 * say. */
	int rowid;
};
extern const int db_expected_version;
extern const struct db_schema_row db_expected_rows[];
extern const size_t db_expected_n;
/* True when sql's schema is exactly db_expected_rows (schema_check.c). */
bool db_schema_is_expected(sqlite3 *sql);
/* The same answer from a reading of sqlite_schema made for another
 * purpose: start, give every row it reads (each row of sqlite_schema,
 * SQLite's own too, its columns 0 to 3 type, name, tbl_name and sql),
 * then end, with whole false when the reading stopped before its last
 * row; end frees what start took. */
struct schema_expect {
	unsigned char *seen; /* each expected row met */
	size_t matched;
	bool same; /* no difference yet */
};
void db_schema_expect_start(struct schema_expect *x);
/* The expected row that this one is byte for byte, its text compared
 * (not a shadow table's), while every row so far has been; else NULL. */
const struct db_schema_row *db_schema_expect_row(struct schema_expect *x,
						 sqlite3_stmt *st);
bool db_schema_expect_end(struct schema_expect *x, bool whole);
/* Compare file's schema with the reference at version (schema_check.c). */
enum clerk_status db_schema_compare(sqlite3 *file, int version,
				    struct schema_report *rep,
				    struct clerk_err *err);
/* Drop the views, triggers and indexes clerk does not create and create
 * its own that are missing or altered, in one transaction. */
enum clerk_status db_schema_restore(sqlite3 *file, int version,
				    struct clerk_err *err);

/* Give SQLite clerk's allocator for its small objects (sqlmem.c); before
 * SQLite starts, else nothing. */
void db_sqlite_memory(void);

/* The words of the search index listed once (wordlist.c, schema step
 * 18).  wordlist_waiting: a document is noted whose words are not listed
 * yet.  wordlist_catch_up lists the noted documents' words and clears the
 * notes; wordlist_relist makes the list again from the vocabulary (clerk
 * check --repair).  Both write, inside the caller's transaction, and
 * answer SQLite's result code. */
#define DB_STEP_WORDLIST 18
bool wordlist_waiting(sqlite3 *sql);
int wordlist_catch_up(sqlite3 *sql);
int wordlist_relist(sqlite3 *sql);

#endif
