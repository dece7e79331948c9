/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db internals shared by db.c and schema.c. */
#ifndef CLERK_DB_PRIVATE_H
#define CLERK_DB_PRIVATE_H

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
/* The digest of a schema (schema_check.c), 0 when it cannot be read. */
uint64_t db_schema_digest(sqlite3 *sql);
/* The digest this clerk expects at version (0: none listed). */
uint64_t db_schema_known_digest(int version);
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

#endif
