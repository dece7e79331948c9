/* SPDX-License-Identifier: GPL-3.0-or-later */
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

#endif
