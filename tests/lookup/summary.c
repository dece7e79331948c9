/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/lookup/summary: print the model's attendance_summary() of a body
 * as CSV rows "person,expected,present,as_substitute,apologies,absent,
 * substitute_sent,last_attended" (sorted as the model sorts, by name), so
 * that a test can set it beside `clerk attendance --csv`.
 *
 *   summary FILE BODY [FROM [TO]]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "clerk/model.h"

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 5) {
		fputs("usage: summary FILE BODY [FROM [TO]]\n", stderr);
		return 2;
	}
	struct db *db = NULL;
	struct clerk_err err = {0};
	struct body b = {0};
	struct attendance_summary_list l = {0};
	if (db_open(argv[1], DB_READONLY, &db, &err) ||
	    body_find(db, argv[2], &b, &err) ||
	    attendance_summary(db, b.id, NULL, argc > 3 ? argv[3] : NULL,
			       argc > 4 ? argv[4] : NULL, &l, &err)) {
		fprintf(stderr, "summary: %s\n", err.msg);
		db_close(&db);
		return 1;
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct attendance_summary *s = &l.v[i];
		char *name = person_display_name(&s->person);
		char date[11] = "";
		if (s->last_attended)
			time_format_local(s->last_attended, b.tz, "%Y-%m-%d", date,
					  sizeof date);
		printf("%s,%d,%d,%d,%d,%d,%d,%s\n", name, s->expected, s->present,
		       s->as_substitute, s->apologies, s->absent,
		       s->substitute_sent, date);
		free(name);
	}
	attendance_summary_list_free(&l);
	body_free(&b);
	db_close(&db);
	return 0;
}
