/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * opendata: the records clerk publishes as open data (Popolo JSON,
 * iCalendar, attendance CSV), read set by set as rows of named text
 * values.  The exporters decide the shape of the output; this module only
 * says what is stored, so that the SQL stays in the model.
 *
 * Every set can be limited to one body (body_id) or cover the whole file
 * (body_id NULL).  Rows come in a stable order (by position, date, name).
 */
#ifndef CLERK_OPENDATA_H
#define CLERK_OPENDATA_H

#include "clerk/core.h"
#include "clerk/db.h"

enum od_set {
	OD_COUNCILS,     /* id, name, kind */
	OD_BODIES,       /* id, council_id, name, short_name, self_name,
			    quorum_kind, quorum_num, quorum_den, quorum_fixed,
			    substitutes_allowed, tz */
	OD_PEOPLE,       /* id, honorific, name, organisation, role */
	OD_SEATS,        /* id, body_id, position, label, voting,
			    vacancy_note */
	OD_MEMBERSHIPS,  /* id, seat_id, body_id, person_id, role, capacity,
			    from_date, to_date, seat_label; main members and
			    (role "substitute") nominated substitutes */
	OD_MEETINGS,     /* id, body_id, starts_at, venue, status,
			    minutes_state, body_name, tz, planned_minutes */
	OD_ITEMS,        /* id, meeting_id, position, number, title,
			    description, planned_start, planned_minutes, pages,
			    exempt, exempt_paragraph, kind, presenter */
	OD_ATTENDANCE,   /* id, meeting_id, person_id, seat_id, status,
			    substitute_for, capacity, note, arrived_at, left_at,
			    starts_at, person_name, seat_label,
			    substitute_for_name */
	OD_DECLARATIONS, /* id, meeting_id, item_id, person_id, kind, what,
			    sensitive, dispensation, left_room */
	OD_RESOLUTIONS,  /* id, meeting_id, item_id, position, kind, preamble,
			    body, mover, seconder, outcome, voted, votes_for,
			    votes_against, votes_abstain, recorded, casting,
			    item_exempt, exempt_paragraph, body_id,
			    starts_at */
	OD_VOTES,        /* id, meeting_id, resolution_id, person_id, vote,
			    reason */
};

/* One row: n columns with their names and values (NULL for SQL NULL). */
struct od_row {
	int n;
	const char *const *names;
	const char *const *values;
};

/* Called once per row; a non-zero return stops the walk (and is returned
 * as CLERK_IO, the callback having filled err if it wants). */
typedef int (*od_row_fn)(void *ctx, const struct od_row *row);

/* Walk the rows of a set for body_id (NULL: every body). */
enum clerk_status opendata_each(struct db *db, enum od_set set,
				const char *body_id, od_row_fn fn, void *ctx,
				struct clerk_err *err);
/* The value of column `name` in row (NULL when absent or SQL NULL). */
const char *od_get(const struct od_row *row, const char *name);

#endif
