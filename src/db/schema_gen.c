/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db/schema_gen: writes src/db/schema_expected.c at build time.
 *
 * Every opening of a file compares its schema with the one this clerk
 * creates (schema_check.c).  Building that schema runs every migration
 * step (about 125 million instructions), so the build runs them once,
 * here, into an in-memory database, and writes its rows as C: the text a
 * file of the latest version must hold, byte for byte.  Made from the
 * steps themselves, it cannot fall out of step with them.
 *
 * This program is linked without schema_expected.c: it has none yet, and
 * its own empty list below stands in for it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_private.h"

const int db_expected_version = 0;
const struct db_schema_row db_expected_rows[1];
const size_t db_expected_n = 0;

/* How SQLite keeps the table of the reference called name: 1 by rowid, 0
 * WITHOUT ROWID, -1 when it does not say (an SQLite before 3.37, which
 * has no table_list). */
static int table_rowid(sqlite3 *ref, const char *name)
{
	sqlite3_stmt *st = NULL;
	int rowid = -1;
	if (sqlite3_prepare_v2(ref,
			       "SELECT wr FROM pragma_table_list WHERE "
			       "schema = 'main' AND name = ?1",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			rowid = sqlite3_column_int(st, 0) ? 0 : 1;
	}
	sqlite3_finalize(st);
	return rowid;
}

/* s as a C string literal, every byte that is not plain ASCII escaped. */
static void literal(const char *s, size_t len)
{
	putchar('"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			fputs(i + 1 < len ? "\\n\"\n\t\t\"" : "\\n", stdout);
		else if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20 || c >= 0x7f || c == '?')
			printf("\\%03o", c); /* '?': no trigraphs */
		else
			putchar(c);
	}
	putchar('"');
}

int main(void)
{
	int version = db_program_schema_version();
	sqlite3 *ref = NULL;
	struct clerk_err err;
	if (db_reference_schema(version, &ref, &err) != CLERK_OK) {
		fprintf(stderr, "schema-gen: %s\n", err.msg);
		return 1;
	}
	/* The rows the digest reads (schema_check.c), sorted as
	 * expected_find() searches them: by name, then type (BINARY). */
	sqlite3_stmt *st = NULL;
	int rc = db_schema_rows(ref, true, &st);
	printf("/* SPDX-License-Identifier: GPL-3.0-or-later */\n"
	       "/* Written by src/db/schema-gen from the migration steps "
	       "(schema.c, db.c):\n"
	       " * the schema of a clerk file at step %d, as sqlite_schema "
	       "holds it.  Do not edit. */\n"
	       "#include \"config.h\"\n\n#include \"db_private.h\"\n\n"
	       "const int db_expected_version = %d;\n\n"
	       "const struct db_schema_row db_expected_rows[] = {\n",
	       version, version);
	size_t n = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		size_t len[4];
		fputs("\t{{", stdout);
		for (int col = 0; col < 4; col++) {
			if (col)
				fputs(",\n\t  ", stdout);
			const char *f = db_schema_field(st, col, &len[col]);
			literal(f, len[col]);
		}
		const char *type = (const char *)sqlite3_column_text(st, 0);
		int rowid = type && !strcmp(type, "table")
				    ? table_rowid(ref,
						  (const char *)
							  sqlite3_column_text(st, 1))
				    : -1;
		printf("},\n\t {%zu, %zu, %zu, %zu}, %d},\n", len[0], len[1],
		       len[2], len[3], rowid);
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(ref);
	if (rc != SQLITE_DONE || n == 0) {
		fprintf(stderr, "schema-gen: the reference schema cannot be "
				"read\n");
		return 1;
	}
	printf("};\n\nconst size_t db_expected_n = %zu;\n", n);
	return fflush(stdout) == 0 ? 0 : 1;
}
