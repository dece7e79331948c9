/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/lookup_apologies: the apologies for absence sent to the meetings
 * held, with the reasons given, for `clerk attendance` and the look-up
 * console's person page.  A meeting counts as in model/lookup_attendance.c:
 * started by the program's clock and not called off.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lookup_private.h"

static bool in_dates(const char *date, const char *from, const char *to)
{
	return (!from || strcmp(date, from) >= 0) && (!to || strcmp(date, to) <= 0);
}

enum clerk_status lookup_apologies(struct db *db, const char *body_id,
				   const char *person_id, const char *from,
				   const char *to,
				   struct lookup_apology_list *out,
				   struct clerk_err *err)
{
	/* Body first (meeting_body index) or person first (attendance_person
	 * index), whichever is named; the local dates are checked in C. */
#define APOLOGY_SQL(WHERE)                                                   \
	"SELECT m.starts_at, b.tz, b.name, a.person_id, "                     \
	"trim(p.honorific || ' ' || p.name), a.note FROM attendance a "       \
	"JOIN meeting m ON m.id = a.meeting_id JOIN body b ON "               \
	"b.id = m.body_id JOIN person p ON p.id = a.person_id WHERE " WHERE  \
	" AND a.status = 'apology' AND m.status <> 'cancelled' AND "          \
	"m.starts_at <= ?3 AND m.starts_at >= ?4 ORDER BY m.starts_at, p.name"
	static const char by_body[] = APOLOGY_SQL(
		"m.body_id = ?1 AND (?2 IS NULL OR a.person_id = ?2)");
	static const char by_person[] = APOLOGY_SQL("a.person_id = ?2");
	const char *sql = body_id ? by_body : by_person;
	if (!body_id && !person_id)
		return clerk_fail(err, CLERK_USAGE, "name a body or a person");
	memset(out, 0, sizeof *out);
	char now[CLERK_TIME_LEN], since[CLERK_TIME_LEN] = "";
	time_format_utc(clock_now(), now);
	time_t t;
	/* A day early: the local date of a UTC time may be the next day. */
	if (from && time_parse_utc(from, &t))
		time_format_utc(t - 86400, since);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	if (body_id)
		db_bind_text(st, 1, body_id);
	if (person_id)
		db_bind_text(st, 2, person_id);
	db_bind_text(st, 3, now);
	db_bind_text(st, 4, since);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char date[LOOKUP_DATE_LEN];
		lookup_local_date(db_col_text(st, 0), db_col_text(st, 1), date);
		if (!in_dates(date, from, to))
			continue;
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		struct lookup_apology *a = &out->v[out->n++];
		memcpy(a->date, date, sizeof a->date);
		a->body_name = xstrdup(db_col_text(st, 2));
		snprintf(a->person_id, sizeof a->person_id, "%s",
			 db_col_text(st, 3));
		a->name = xstrdup(db_col_text(st, 4));
		a->reason = xstrdup(db_col_text(st, 5));
	}
	db_done(st);
	if (step != SQLITE_DONE) {
		lookup_apology_list_free(out);
		return db_fail(db, err, "reading the apologies");
	}
	return CLERK_OK;
}

void lookup_apology_list_free(struct lookup_apology_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].body_name);
		free(l->v[i].name);
		free(l->v[i].reason);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
