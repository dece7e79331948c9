/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/lookup_s85: the six-month rule of the Local Government Act 1972,
 * s.85(1): "if a member of a local authority fails throughout a period of
 * six consecutive months from the date of his last attendance to attend any
 * meeting of the authority, he shall, unless the failure was due to some
 * reason approved by the authority before the expiry of that period, cease
 * to be a member of the authority."
 *
 * So, as clerk counts it:
 * - it applies to councillors only (person.kind), never to co-opted
 *   members, officers or partner representatives;
 * - attendance is at any meeting held (started, not called off) of any body
 *   of the same council, as a member or as a substitute (s.85(2): as a
 *   member of a committee or sub-committee), not as an observer;
 * - the six months run from the last such attendance (else from the start
 *   of the current term on the body asked about);
 * - an absence approved at a meeting held before the six months ran out
 *   (`clerk absence approve`) covers the councillor to its last day: the
 *   rule bites only after the later of the six months and that day.
 * Each look-up reads the person's own attendance rows (index on person_id)
 * and approvals, so its cost follows the person, not the archive.
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lookup_private.h"

/* Kind of the person and council of the body. */
static enum clerk_status s85_applies(struct db *db, const char *person_id,
				     const char *body_id, bool *applies,
				     char council[CLERK_UUID_LEN],
				     struct clerk_err *err)
{
	static const char sql[] =
		"SELECT p.kind = 'councillor', b.council_id FROM person p, body b "
		"WHERE p.id = ?1 AND b.id = ?2";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, person_id);
	db_bind_text(st, 2, body_id);
	int step = sqlite3_step(st);
	*applies = step == SQLITE_ROW && sqlite3_column_int(st, 0);
	snprintf(council, CLERK_UUID_LEN, "%s",
		 step == SQLITE_ROW ? db_col_text(st, 1) : "");
	db_done(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? CLERK_OK
		       : db_fail(db, err, "reading a person's kind");
}

/* The start of the last meeting of the council attended as a member or
 * substitute, up to now ("" none). */
static enum clerk_status s85_last(struct db *db, const char *person_id,
				  const char *council, const char *tz,
				  char out[LOOKUP_DATE_LEN],
				  struct clerk_err *err)
{
	static const char sql[] =
		"SELECT max(m.starts_at) FROM attendance a JOIN meeting m ON "
		"m.id = a.meeting_id JOIN body b ON b.id = m.body_id WHERE "
		"a.person_id = ?1 AND b.council_id = ?2 AND m.status <> "
		"'cancelled' AND m.starts_at <= ?3 AND a.status IN "
		"('present', 'substitute')";
	char now[CLERK_TIME_LEN];
	time_format_utc(clock_now(), now);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, person_id);
	db_bind_text(st, 2, council);
	db_bind_text(st, 3, now);
	int step = sqlite3_step(st);
	out[0] = '\0';
	if (step == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		lookup_local_date(db_col_text(st, 0), tz, out);
	db_done(st);
	return step == SQLITE_ROW ? CLERK_OK
				  : db_fail(db, err, "reading attendance");
}

/* Extend *deadline (a day number) by each approval made by then, oldest
 * approval first; note the one covering today (the first made of those
 * reaching furthest). */
static enum clerk_status s85_approvals(struct db *db, const char *tz,
				       struct lookup_attendance *r,
				       long today, long *deadline,
				       struct clerk_err *err)
{
	static const char sql[] =
		"SELECT m.starts_at, x.until, x.reason FROM absence_approval x "
		"JOIN meeting m ON m.id = x.approved_at WHERE x.person_id = ?1 "
		"ORDER BY m.starts_at, x.until";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, r->person_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char made[LOOKUP_DATE_LEN];
		long made_day, until_day;
		lookup_local_date(db_col_text(st, 0), tz, made);
		if (!lookup_date_days(made, &made_day) ||
		    !lookup_date_days(db_col_text(st, 1), &until_day) ||
		    made_day > *deadline)
			continue; /* approved too late: the member had ceased */
		if (until_day > *deadline)
			*deadline = until_day;
		long shown;
		if (until_day >= today &&
		    (!*r->approved_until ||
		     (lookup_date_days(r->approved_until, &shown) &&
		      until_day > shown))) {
			snprintf(r->approved_until, sizeof r->approved_until,
				 "%s", db_col_text(st, 1));
			free(r->approved_reason);
			r->approved_reason = xstrdup(db_col_text(st, 2));
		}
	}
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading approved absences");
}

enum clerk_status lookup_s85(struct db *db, const char *body_id,
			     const char *tz, const char *today,
			     struct lookup_attendance *r, struct clerk_err *err)
{
	char council[CLERK_UUID_LEN];
	r->s85_days = r->s85_days_left = -1;
	enum clerk_status rc =
		s85_applies(db, r->person_id, body_id, &r->s85, council, err);
	if (rc || !r->s85 || !r->current)
		return rc;
	if ((rc = s85_last(db, r->person_id, council, tz, r->s85_last, err)))
		return rc;
	const char *start = *r->s85_last ? r->s85_last : r->member_since;
	long today_day, start_day;
	if (!*start || !lookup_date_days(start, &start_day) ||
	    !lookup_date_days(today, &today_day))
		return CLERK_OK;
	long deadline = lookup_date_add_months(start, 6);
	rc = s85_approvals(db, tz, r, today_day, &deadline, err);
	r->s85_days = today_day - start_day;
	r->s85_days_left = deadline - today_day;
	return rc;
}

enum lookup_rule lookup_rule_of(const struct lookup_attendance *a)
{
	if (!a->s85 || !a->current || a->s85_days < 0)
		return LOOKUP_RULE_NONE;
	if (a->s85_days_left < 0)
		return LOOKUP_RULE_PASSED;
	if (*a->approved_until)
		return LOOKUP_RULE_APPROVED;
	if (a->s85_days >= LOOKUP_SIX_MONTH_WARN_DAYS)
		return LOOKUP_RULE_SOON;
	return LOOKUP_RULE_OK;
}
