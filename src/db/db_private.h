/* db internals shared by db.c and schema.c. */
#ifndef CLERK_DB_PRIVATE_H
#define CLERK_DB_PRIVATE_H

#include "clerk/db.h"

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

#endif
