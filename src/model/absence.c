/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/absence: absences approved by the authority under the Local
 * Government Act 1972 s.85(1) ("unless the failure was due to some reason
 * approved by the authority before the expiry of that period").  How they
 * count is in model/lookup_s85.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

/* The approval must be made at a meeting held, about a councillor. */
static enum clerk_status absence_check(struct db *db,
				       const struct absence_approval *a,
				       struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(a->person_id, "person", err)) ||
	    (rc = model_check_id(a->approved_at, "meeting", err)) ||
	    (rc = model_check_date(a->until, "last day", true, err)) ||
	    (rc = model_check_text(a->reason, "reason", true, err)))
		return rc;
	struct person p = {0};
	struct meeting m = {0};
	if ((rc = person_get(db, a->person_id, &p, err)) ||
	    (rc = meeting_get(db, a->approved_at, &m, err)))
		goto out;
	char *tz = model_body_tz(db, m.body_id);
	char date[11];
	model_local_date(m.starts_at, tz, date);
	free(tz);
	if (p.kind != PERSON_COUNCILLOR)
		rc = clerk_fail(err, CLERK_INVALID,
				"%s is recorded as %s %s: the six-month rule "
				"(s.85) applies to councillors only (if %s is a "
				"councillor: clerk person edit --kind councillor)",
				p.name, p.kind == PERSON_OFFICER ? "an" : "a",
				person_kind_text(p.kind), p.name);
	else if (meeting_called_off(&m))
		rc = clerk_fail(err, CLERK_INVALID,
				"the meeting of %s was %s: an absence is approved "
				"at a meeting held",
				date, meeting_status_text(m.status));
	else if (m.starts_at > clock_now())
		rc = clerk_fail(err, CLERK_INVALID,
				"the meeting of %s has not been held yet: an "
				"absence is approved at a meeting held",
				date);
	else if (strcmp(a->until, date) < 0)
		rc = clerk_fail(err, CLERK_INVALID,
				"the last day %s is before the meeting of %s that "
				"approves the absence",
				a->until, date);
out:
	person_free(&p);
	meeting_free(&m);
	return rc;
}

enum clerk_status absence_approve(struct db *db, struct absence_approval *a,
				  struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO absence_approval(id, person_id, approved_at, until, "
		"reason) VALUES (?1, ?2, ?3, ?4, ?5)";
	enum clerk_status rc = absence_check(db, a, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_ensure_id(a->id);
	db_bind_text(st, 1, a->id);
	db_bind_text(st, 2, a->person_id);
	db_bind_text(st, 3, a->approved_at);
	db_bind_text(st, 4, a->until);
	db_bind_text(st, 5, a->reason);
	return model_step_done(db, st, "recording the approved absence", err);
}

void absence_approval_free(struct absence_approval *a)
{
	if (!a)
		return;
	free(a->until);
	free(a->reason);
	memset(a, 0, sizeof *a);
}
