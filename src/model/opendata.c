/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/opendata: the reads behind the open-data exports (see opendata.h).
 * One SELECT per set, each limited by ?1 = body id (NULL: all bodies).
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <string.h>

#include "clerk/opendata.h"

/* The SELECT of each set, indexed by enum od_set. */
static const char *const set_sql[] = {
	[OD_COUNCILS] =
		"SELECT c.id, c.name, c.kind FROM council c WHERE ?1 IS NULL "
		"OR c.id IN (SELECT council_id FROM body WHERE id = ?1) "
		"ORDER BY c.name, c.id",
	[OD_BODIES] =
		"SELECT id, council_id, name, short_name, self_name, quorum_kind,"
		" quorum_num, quorum_den, quorum_fixed, substitutes_allowed, tz "
		"FROM body WHERE ?1 IS NULL OR id = ?1 ORDER BY name, id",
	[OD_PEOPLE] =
		"SELECT p.id, p.honorific, p.name, p.organisation, p.role FROM "
		"person p WHERE ?1 IS NULL OR p.id IN ("
		" SELECT m.person_id FROM membership m JOIN seat s ON s.id ="
		" m.seat_id WHERE s.body_id = ?1"
		" UNION SELECT u.person_id FROM substitute u JOIN seat s ON s.id"
		" = u.seat_id WHERE s.body_id = ?1"
		" UNION SELECT a.person_id FROM attendance a JOIN meeting g ON"
		" g.id = a.meeting_id WHERE g.body_id = ?1"
		" UNION SELECT v.person_id FROM vote v JOIN meeting g ON g.id ="
		" v.meeting_id WHERE g.body_id = ?1"
		" UNION SELECT d.person_id FROM declaration d JOIN meeting g ON"
		" g.id = d.meeting_id WHERE g.body_id = ?1"
		" UNION SELECT r.mover FROM resolution r JOIN meeting g ON g.id"
		" = r.meeting_id WHERE g.body_id = ?1"
		" UNION SELECT r.seconder FROM resolution r JOIN meeting g ON"
		" g.id = r.meeting_id WHERE g.body_id = ?1) "
		"ORDER BY p.name COLLATE NOCASE, p.id",
	[OD_SEATS] =
		"SELECT id, body_id, position, label, voting, vacancy_note FROM "
		"seat WHERE ?1 IS NULL OR body_id = ?1 ORDER BY body_id, "
		"position",
	[OD_MEMBERSHIPS] =
		"SELECT m.id, m.seat_id, s.body_id, m.person_id, m.role, "
		"m.capacity, m.from_date, m.to_date, s.label, s.position, 0 FROM "
		"membership m "
		"JOIN seat s ON s.id = m.seat_id WHERE ?1 IS NULL OR s.body_id ="
		" ?1 UNION ALL "
		"SELECT u.id, u.seat_id, s.body_id, u.person_id, 'substitute', "
		"u.capacity, u.from_date, u.to_date, s.label, s.position, 1 FROM "
		"substitute u "
		"JOIN seat s ON s.id = u.seat_id WHERE ?1 IS NULL OR s.body_id ="
		" ?1 ORDER BY 3, 10, 11, 7, 1",
	[OD_MEETINGS] =
		"SELECT g.id, g.body_id, g.starts_at, g.venue, g.status, "
		"g.minutes_state, b.name, b.tz, (SELECT sum(planned_minutes) "
		"FROM agenda_item WHERE meeting_id = g.id) FROM meeting g JOIN "
		"body b ON b.id = g.body_id WHERE ?1 IS NULL OR g.body_id = ?1 "
		"ORDER BY g.starts_at, g.id",
	[OD_ITEMS] =
		"SELECT i.id, i.meeting_id, i.position, i.number, i.title, "
		"i.description, i.planned_start, i.planned_minutes, i.pages, "
		"i.exempt, i.exempt_paragraph, i.kind, i.presenter FROM "
		"agenda_item i JOIN meeting g ON g.id = i.meeting_id WHERE ?1 IS"
		" NULL OR g.body_id = ?1 ORDER BY g.starts_at, i.meeting_id, "
		"i.position",
	[OD_ATTENDANCE] =
		"SELECT a.id, a.meeting_id, a.person_id, a.seat_id, a.status, "
		"a.substitute_for, a.capacity, a.note, a.arrived_at, a.left_at, "
		"g.starts_at, trim(p.honorific || ' ' || p.name), s.label, "
		"(SELECT trim(q.honorific || ' ' || q.name) FROM person q WHERE "
		"q.id = a.substitute_for) FROM attendance a JOIN meeting g ON "
		"g.id = a.meeting_id JOIN person p ON p.id = a.person_id LEFT "
		"JOIN seat s ON s.id = a.seat_id WHERE ?1 IS NULL OR g.body_id "
		"= ?1 ORDER BY g.starts_at, a.meeting_id, s.position IS NULL, "
		"s.position, p.name COLLATE NOCASE",
	[OD_DECLARATIONS] =
		"SELECT d.id, d.meeting_id, d.item_id, d.person_id, d.kind, "
		"d.what, d.sensitive, d.dispensation, d.left_room FROM "
		"declaration d JOIN meeting g ON g.id = d.meeting_id WHERE ?1 IS"
		" NULL OR g.body_id = ?1 ORDER BY g.starts_at, d.meeting_id, "
		"d.id",
	[OD_RESOLUTIONS] =
		"SELECT r.id, r.meeting_id, r.item_id, r.position, r.kind, "
		"r.preamble, r.body, r.mover, r.seconder, r.outcome, r.voted, "
		"r.votes_for, r.votes_against, r.votes_abstain, r.recorded, "
		"r.casting, i.exempt, i.exempt_paragraph, g.body_id, g.starts_at"
		" FROM resolution r JOIN meeting g ON g.id = r.meeting_id JOIN "
		"agenda_item i ON i.id = r.item_id WHERE ?1 IS NULL OR g.body_id"
		" = ?1 ORDER BY g.starts_at, i.position, r.position",
	[OD_VOTES] =
		"SELECT v.id, v.meeting_id, v.resolution_id, v.person_id, "
		"v.vote, v.reason FROM vote v JOIN meeting g ON g.id = "
		"v.meeting_id WHERE ?1 IS NULL OR g.body_id = ?1 ORDER BY "
		"g.starts_at, v.resolution_id, v.person_id",
};

/* Column names of each set, as documented in opendata.h. */
static const char *const set_names[][20] = {
	[OD_COUNCILS] = {"id", "name", "kind"},
	[OD_BODIES] = {"id", "council_id", "name", "short_name", "self_name",
		       "quorum_kind", "quorum_num", "quorum_den",
		       "quorum_fixed", "substitutes_allowed", "tz"},
	[OD_PEOPLE] = {"id", "honorific", "name", "organisation", "role"},
	[OD_SEATS] = {"id", "body_id", "position", "label", "voting",
		      "vacancy_note"},
	[OD_MEMBERSHIPS] = {"id", "seat_id", "body_id", "person_id", "role",
			    "capacity", "from_date", "to_date", "seat_label"},
	[OD_MEETINGS] = {"id", "body_id", "starts_at", "venue", "status",
			 "minutes_state", "body_name", "tz",
			 "planned_minutes"},
	[OD_ITEMS] = {"id", "meeting_id", "position", "number", "title",
		      "description", "planned_start", "planned_minutes",
		      "pages", "exempt", "exempt_paragraph", "kind",
		      "presenter"},
	[OD_ATTENDANCE] = {"id", "meeting_id", "person_id", "seat_id",
			   "status", "substitute_for", "capacity", "note",
			   "arrived_at", "left_at", "starts_at",
			   "person_name", "seat_label",
			   "substitute_for_name"},
	[OD_DECLARATIONS] = {"id", "meeting_id", "item_id", "person_id",
			     "kind", "what", "sensitive", "dispensation",
			     "left_room"},
	[OD_RESOLUTIONS] = {"id", "meeting_id", "item_id", "position", "kind",
			    "preamble", "body", "mover", "seconder",
			    "outcome", "voted", "votes_for", "votes_against",
			    "votes_abstain", "recorded", "casting",
			    "item_exempt", "exempt_paragraph", "body_id",
			    "starts_at"},
	[OD_VOTES] = {"id", "meeting_id", "resolution_id", "person_id",
		      "vote", "reason"},
};

/* What each set is, for the sentence when it cannot be read. */
static const char *const set_what[] = {
	[OD_COUNCILS] = "the councils",
	[OD_BODIES] = "the bodies",
	[OD_PEOPLE] = "the people",
	[OD_SEATS] = "the seats",
	[OD_MEMBERSHIPS] = "the memberships and substitutes",
	[OD_MEETINGS] = "the meetings",
	[OD_ITEMS] = "the agenda items",
	[OD_ATTENDANCE] = "the attendance",
	[OD_DECLARATIONS] = "the declarations of interest",
	[OD_RESOLUTIONS] = "the resolutions",
	[OD_VOTES] = "the recorded votes",
};

/* A read that failed: "could not read the people (FILE is damaged ...)",
 * so that a damaged table names itself, not only the file. */
static enum clerk_status set_fail(struct db *db, enum od_set set,
				  struct clerk_err *err)
{
	enum clerk_status rc = db_fail(db, err, "reading the records to export");
	return clerk_fail_reading(err, rc, set_what[set]);
}

enum clerk_status opendata_each(struct db *db, enum od_set set,
				const char *body_id, od_row_fn fn, void *ctx,
				struct clerk_err *err)
{
	if ((unsigned)set > OD_VOTES)
		return clerk_fail(err, CLERK_USAGE, "no such set of records");
	/* Not db_stmt: the text is chosen at run time, so not cacheable by
	 * address of a literal in the caller; each walk prepares its own. */
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db_handle(db), set_sql[set], -1, &st, NULL) !=
	    SQLITE_OK)
		return set_fail(db, set, err);
	db_bind_text(st, 1, body_id);
	int n = sqlite3_column_count(st);
	const char *values[20];
	struct od_row row = {.n = n, .names = set_names[set], .values = values};
	enum clerk_status rc = CLERK_OK;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n && i < 20; i++)
			values[i] = (const char *)sqlite3_column_text(st, i);
		if (fn(ctx, &row)) {
			rc = err && err->status ? err->status : CLERK_IO;
			break;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = set_fail(db, set, err);
	sqlite3_finalize(st);
	return rc;
}

const char *od_get(const struct od_row *row, const char *name)
{
	for (int i = 0; i < row->n; i++)
		if (row->names[i] && strcmp(row->names[i], name) == 0)
			return row->values[i];
	return NULL;
}
