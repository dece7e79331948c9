/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/summary: a member's attendance over a period, for the annual
 * report and for members' records.  The counting is not done here: it is
 * the look-ups' (model/lookup_attendance.c, the one place the attendance
 * rules live), so `clerk attendance` and this summary always give the same
 * figures.  This file only turns its per-body rows into the model's shape:
 * one row per person (summed over the bodies asked for), sorted by name,
 * with the person's record and the start of the last meeting attended in
 * the period.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/lookup.h"
#include "model_private.h"

/* The summary row of person_id in out, added when missing. */
static enum clerk_status summary_of(struct db *db, const char *person_id,
				    struct attendance_summary_list *out,
				    struct attendance_summary **row,
				    struct clerk_err *err)
{
	for (size_t i = 0; i < out->n; i++)
		if (strcmp(out->v[i].person.id, person_id) == 0) {
			*row = &out->v[i];
			return CLERK_OK;
		}
	*row = MODEL_LIST_PUSH(out);
	return person_get(db, person_id, &(*row)->person, err);
}

/* Add the look-up's rows (one per person and body) into out. */
static enum clerk_status summary_add(struct db *db,
				     const struct lookup_attendance_list *l,
				     struct attendance_summary_list *out,
				     struct clerk_err *err)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct lookup_attendance *a = &l->v[i];
		struct attendance_summary *s;
		enum clerk_status rc = summary_of(db, a->person_id, out, &s, err);
		if (rc)
			return rc;
		s->expected += a->expected;
		s->present += a->present;
		s->as_substitute += a->as_substitute;
		s->apologies += a->apologies;
		s->absent += a->absent;
		s->substitute_sent += a->substitute_sent;
		if (a->last_in_period > s->last_attended)
			s->last_attended = a->last_in_period;
	}
	return CLERK_OK;
}

/* Count one body (or, body_id NULL, every body of person_id) into out. */
static enum clerk_status summary_count(struct db *db, const char *body_id,
				       const char *person_id, const char *from,
				       const char *to,
				       struct attendance_summary_list *out,
				       struct clerk_err *err)
{
	struct lookup_attendance_list l;
	enum clerk_status rc =
		lookup_attendance(db, body_id, person_id, from, to, &l, err);
	if (!rc)
		rc = summary_add(db, &l, out, err);
	lookup_attendance_list_free(&l);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	const struct attendance_summary *x = a, *y = b;
	int c = strcasecmp(x->person.name, y->person.name);
	return c ? c : strcmp(x->person.id, y->person.id);
}

enum clerk_status attendance_summary(struct db *db, const char *body_id,
				     const char *person_id, const char *from,
				     const char *to,
				     struct attendance_summary_list *out,
				     struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	enum clerk_status rc;
	if ((rc = model_check_date(from, "start of the period", false, err)) ||
	    (rc = model_check_date(to, "end of the period", false, err)))
		return rc;
	const char *body = model_has(body_id) ? body_id : NULL;
	const char *person = model_has(person_id) ? person_id : NULL;
	from = model_has(from) ? from : NULL;
	to = model_has(to) ? to : NULL;
	if (body || person) {
		rc = summary_count(db, body, person, from, to, out, err);
	} else {
		struct body_list bodies;
		rc = body_list_all(db, &bodies, err);
		for (size_t i = 0; !rc && i < bodies.n; i++)
			rc = summary_count(db, bodies.v[i].id, NULL, from, to, out,
					   err);
		body_list_free(&bodies);
	}
	if (!rc && person && out->n == 0) { /* never expected: zeros */
		struct attendance_summary *s;
		rc = summary_of(db, person, out, &s, err);
	}
	if (rc)
		attendance_summary_list_free(out);
	else if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, by_name);
	return rc;
}

void attendance_summary_list_free(struct attendance_summary_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		person_free(&l->v[i].person);
	free(l->v);
	memset(l, 0, sizeof *l);
}
