/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/popolo: a body's people, seats, memberships, meetings, motions and
 * votes as Popolo JSON (see dataexport.h for the shape and the "clerk:"
 * extensions).  Built with jansson; rows come from opendata.
 */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/dataexport.h"
#include "clerk/opendata.h"

struct popolo {
	struct db *db;
	json_t *persons, *orgs, *posts, *memberships, *events, *motions,
		*vote_events, *votes;
	json_t *event_by_id;   /* meeting id -> event object */
	json_t *body_tz;       /* body id -> zone */
	json_t *council_of;    /* body id -> council id */
	json_t *council_names; /* lower-case council name -> id */
	json_t *seat_org;      /* seat id -> organisation id */
	json_t *derived_orgs;  /* organisation name -> id */
	struct clerk_err *err;
};

/* ---------------------------------------------------------------- values */

static bool has(const char *s)
{
	return s && *s;
}

/* Set key to a string, skipping empty values (Popolo leaves them out). */
static void set_str(json_t *o, const char *key, const char *v)
{
	if (has(v))
		json_object_set_new(o, key, json_string(v));
}

static bool truth(const char *v)
{
	return v && strcmp(v, "0") != 0 && *v;
}

static int number(const char *v)
{
	return v ? atoi(v) : 0;
}

/* A stored UTC time as local ISO 8601 with offset. */
static void set_time(json_t *o, const char *key, const char *utc,
		     const char *tz)
{
	time_t t;
	char iso[32];
	if (!has(utc) || !time_parse_utc(utc, &t))
		return;
	dataexport_iso_local(t, tz, iso);
	json_object_set_new(o, key, json_string(iso));
}

/* Popolo's end_date is the last day held; clerk's to_date is the first day
 * no longer held. */
static void set_end_date(json_t *o, const char *to)
{
	time_t t;
	if (!has(to) || !time_parse_utc(to, &t))
		return;
	char buf[CLERK_TIME_LEN];
	time_format_utc(t - 86400, buf);
	buf[10] = '\0';
	json_object_set_new(o, "end_date", json_string(buf));
}

static const char *tz_of(struct popolo *p, const char *body_id)
{
	const char *tz = json_string_value(json_object_get(p->body_tz, body_id));
	return tz ? tz : CLERK_DEFAULT_TZ;
}

/* --------------------------------------------------------- organisations */

/* The organisation a seat is held for: its label up to " – " or " - ",
 * e.g. "Hampshire County Council – Director of Public Health". */
static char *seat_org_name(const char *label)
{
	const char *cut = strstr(label, " – ");
	const char *dash = strstr(label, " - ");
	if (!cut || (dash && dash < cut))
		cut = dash;
	return cut ? xstrndup(label, (size_t)(cut - label)) : xstrdup(label);
}

/* A stable id for a derived organisation: "org-" and a hash of its name. */
static char *org_id_for(const char *name)
{
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *s = (const unsigned char *)name; *s; s++)
		h = (h ^ (uint64_t)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s)) *
		    1099511628211ULL;
	return xasprintf("org-%016llx", (unsigned long long)h);
}

static const char *org_for_seat(struct popolo *p, const char *body_id,
				const char *label)
{
	char *name = seat_org_name(label);
	char *lower = xstrdup(name);
	for (char *c = lower; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c += 32;
	const char *council = json_string_value(
		json_object_get(p->council_names, lower));
	const char *council_of =
		json_string_value(json_object_get(p->council_of, body_id));
	const char *id;
	if (council && council_of && strcmp(council, council_of) == 0) {
		id = council;
	} else if ((id = json_string_value(
			    json_object_get(p->derived_orgs, name))) == NULL) {
		char *nid = org_id_for(name);
		json_t *o = json_object();
		set_str(o, "id", nid);
		set_str(o, "name", name);
		set_str(o, "classification", "represented organisation");
		json_array_append_new(p->orgs, o);
		json_object_set_new(p->derived_orgs, name, json_string(nid));
		free(nid);
		id = json_string_value(json_object_get(p->derived_orgs, name));
	}
	free(name);
	free(lower);
	return id;
}

/* ----------------------------------------------------------------- rows */

static int on_council(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	json_t *o = json_object();
	set_str(o, "id", od_get(r, "id"));
	set_str(o, "name", od_get(r, "name"));
	set_str(o, "classification", "council");
	json_array_append_new(p->orgs, o);
	char *lower = xstrdup(od_get(r, "name") ? od_get(r, "name") : "");
	for (char *c = lower; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c += 32;
	json_object_set_new(p->council_names, lower,
			    json_string(od_get(r, "id")));
	free(lower);
	return 0;
}

static int on_body(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	const char *id = od_get(r, "id");
	json_t *o = json_object();
	set_str(o, "id", id);
	set_str(o, "name", od_get(r, "name"));
	set_str(o, "classification", "committee");
	set_str(o, "parent_id", od_get(r, "council_id"));
	if (has(od_get(r, "short_name"))) {
		json_t *other = json_object();
		set_str(other, "name", od_get(r, "short_name"));
		set_str(other, "note", "short name");
		json_object_set_new(o, "other_names", json_pack("[o]", other));
	}
	json_t *q = json_object();
	set_str(q, "rule", od_get(r, "quorum_kind"));
	json_object_set_new(q, "numerator", json_integer(number(od_get(r, "quorum_num"))));
	json_object_set_new(q, "denominator", json_integer(number(od_get(r, "quorum_den"))));
	json_object_set_new(q, "fixed", json_integer(number(od_get(r, "quorum_fixed"))));
	json_object_set_new(o, "clerk:quorum", q);
	json_object_set_new(o, "clerk:substitutes_allowed",
			    json_boolean(truth(od_get(r, "substitutes_allowed"))));
	json_array_append_new(p->orgs, o);
	json_object_set_new(p->body_tz, id, json_string(od_get(r, "tz")));
	json_object_set_new(p->council_of, id,
			    json_string(od_get(r, "council_id")));
	return 0;
}

static int on_person(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	json_t *o = json_object();
	set_str(o, "id", od_get(r, "id"));
	set_str(o, "name", od_get(r, "name"));
	set_str(o, "honorific_prefix", od_get(r, "honorific"));
	set_str(o, "summary", od_get(r, "role"));
	if (has(od_get(r, "organisation")))
		json_object_set_new(o, "clerk:organisation",
				    json_string(od_get(r, "organisation")));
	json_array_append_new(p->persons, o);
	return 0;
}

static int on_seat(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	const char *label = od_get(r, "label") ? od_get(r, "label") : "";
	json_t *o = json_object();
	set_str(o, "id", od_get(r, "id"));
	set_str(o, "label", label);
	set_str(o, "role", "member");
	set_str(o, "organization_id", od_get(r, "body_id"));
	json_object_set_new(o, "clerk:position",
			    json_integer(number(od_get(r, "position"))));
	json_object_set_new(o, "clerk:voting",
			    json_boolean(truth(od_get(r, "voting"))));
	if (has(od_get(r, "vacancy_note")))
		json_object_set_new(o, "clerk:vacancy_note",
				    json_string(od_get(r, "vacancy_note")));
	json_array_append_new(p->posts, o);
	json_object_set_new(p->seat_org, od_get(r, "id"),
			    json_string(org_for_seat(p, od_get(r, "body_id"),
						     label)));
	return 0;
}

static int on_membership(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	json_t *o = json_object();
	set_str(o, "id", od_get(r, "id"));
	set_str(o, "person_id", od_get(r, "person_id"));
	set_str(o, "organization_id", od_get(r, "body_id"));
	set_str(o, "post_id", od_get(r, "seat_id"));
	set_str(o, "role", od_get(r, "role"));
	set_str(o, "label", od_get(r, "capacity"));
	set_str(o, "start_date", od_get(r, "from_date"));
	set_end_date(o, od_get(r, "to_date"));
	set_str(o, "on_behalf_of_id",
		json_string_value(json_object_get(p->seat_org,
						  od_get(r, "seat_id"))));
	json_array_append_new(p->memberships, o);
	return 0;
}

static int on_meeting(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	const char *tz = od_get(r, "tz") ? od_get(r, "tz") : CLERK_DEFAULT_TZ;
	json_t *o = json_object();
	set_str(o, "id", od_get(r, "id"));
	set_str(o, "name", od_get(r, "body_name"));
	set_str(o, "classification", "meeting");
	set_str(o, "organization_id", od_get(r, "body_id"));
	set_time(o, "start_date", od_get(r, "starts_at"), tz);
	time_t t;
	int mins = number(od_get(r, "planned_minutes"));
	if (mins > 0 && time_parse_utc(od_get(r, "starts_at"), &t)) {
		char iso[32];
		dataexport_iso_local(t + (time_t)mins * 60, tz, iso);
		json_object_set_new(o, "end_date", json_string(iso));
	}
	set_str(o, "location", od_get(r, "venue"));
	set_str(o, "status", od_get(r, "status"));
	set_str(o, "clerk:minutes_state", od_get(r, "minutes_state"));
	json_object_set_new(o, "clerk:agenda", json_array());
	json_object_set_new(o, "clerk:attendance", json_array());
	json_object_set_new(o, "clerk:declarations", json_array());
	json_array_append(p->events, o);
	json_object_set_new(p->event_by_id, od_get(r, "id"), o);
	return 0;
}

static json_t *event_list(struct popolo *p, const char *meeting_id,
			  const char *key)
{
	return json_object_get(json_object_get(p->event_by_id, meeting_id),
			       key);
}

static const char *event_tz(struct popolo *p, const char *meeting_id)
{
	json_t *ev = json_object_get(p->event_by_id, meeting_id);
	return tz_of(p, json_string_value(json_object_get(ev, "organization_id")));
}

static int on_item(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	const char *meeting = od_get(r, "meeting_id");
	bool exempt = truth(od_get(r, "exempt"));
	json_t *o = json_object();
	set_str(o, "id", od_get(r, "id"));
	set_str(o, "number", od_get(r, "number"));
	set_str(o, "title", od_get(r, "title"));
	if (!exempt)
		set_str(o, "description", od_get(r, "description"));
	set_str(o, "kind", od_get(r, "kind"));
	set_str(o, "pages", od_get(r, "pages"));
	set_str(o, "presenter", od_get(r, "presenter"));
	set_time(o, "planned_start", od_get(r, "planned_start"),
		 event_tz(p, meeting));
	json_object_set_new(o, "planned_minutes",
			    json_integer(number(od_get(r, "planned_minutes"))));
	json_object_set_new(o, "clerk:exempt", json_boolean(exempt));
	if (exempt)
		set_str(o, "clerk:exempt_paragraph",
			od_get(r, "exempt_paragraph"));
	json_array_append_new(event_list(p, meeting, "clerk:agenda"), o);
	return 0;
}

static int on_attendance(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	const char *meeting = od_get(r, "meeting_id");
	const char *tz = event_tz(p, meeting);
	json_t *o = json_object();
	set_str(o, "person_id", od_get(r, "person_id"));
	set_str(o, "status", od_get(r, "status"));
	set_str(o, "post_id", od_get(r, "seat_id"));
	set_str(o, "substitute_for_id", od_get(r, "substitute_for"));
	set_str(o, "capacity", od_get(r, "capacity"));
	set_str(o, "note", od_get(r, "note"));
	set_time(o, "arrived_at", od_get(r, "arrived_at"), tz);
	set_time(o, "left_at", od_get(r, "left_at"), tz);
	json_array_append_new(event_list(p, meeting, "clerk:attendance"), o);
	return 0;
}

static int on_declaration(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	bool sensitive = truth(od_get(r, "sensitive"));
	json_t *o = json_object();
	set_str(o, "person_id", od_get(r, "person_id"));
	set_str(o, "item_id", od_get(r, "item_id"));
	set_str(o, "kind", od_get(r, "kind"));
	if (!sensitive)
		set_str(o, "what", od_get(r, "what"));
	json_object_set_new(o, "sensitive", json_boolean(sensitive));
	json_object_set_new(o, "dispensation",
			    json_boolean(truth(od_get(r, "dispensation"))));
	json_object_set_new(o, "left_room",
			    json_boolean(truth(od_get(r, "left_room"))));
	json_array_append_new(event_list(p, od_get(r, "meeting_id"),
					 "clerk:declarations"),
			      o);
	return 0;
}

/* Popolo results: "pass" and "fail"; others as stored. */
static const char *result_of(const char *outcome)
{
	if (outcome && strcmp(outcome, "carried") == 0)
		return "pass";
	if (outcome && strcmp(outcome, "lost") == 0)
		return "fail";
	return outcome;
}

static void add_vote_event(struct popolo *p, const struct od_row *r,
			   const char *date)
{
	json_t *ve = json_object();
	char *id = xasprintf("%s-vote", od_get(r, "id"));
	set_str(ve, "id", id);
	set_str(ve, "motion_id", od_get(r, "id"));
	set_str(ve, "organization_id", od_get(r, "body_id"));
	set_str(ve, "legislative_session_id", od_get(r, "meeting_id"));
	set_str(ve, "start_date", date);
	set_str(ve, "result", result_of(od_get(r, "outcome")));
	json_object_set_new(
		ve, "counts",
		json_pack("[{s:s,s:i},{s:s,s:i},{s:s,s:i}]", "option", "yes",
			  "value", number(od_get(r, "votes_for")), "option",
			  "no", "value", number(od_get(r, "votes_against")),
			  "option", "abstain", "value",
			  number(od_get(r, "votes_abstain"))));
	if (has(od_get(r, "casting")))
		json_object_set_new(
			ve, "clerk:casting_vote",
			json_string(strcmp(od_get(r, "casting"), "for") == 0
					    ? "yes"
					    : "no"));
	json_array_append_new(p->vote_events, ve);
	free(id);
}

static int on_resolution(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	bool exempt = truth(od_get(r, "item_exempt")) &&
		      strcmp(od_get(r, "kind") ? od_get(r, "kind") : "",
			     "exclusion") != 0;
	json_t *o = json_object();
	set_str(o, "id", od_get(r, "id"));
	set_str(o, "organization_id", od_get(r, "body_id"));
	set_str(o, "legislative_session_id", od_get(r, "meeting_id"));
	set_str(o, "classification", od_get(r, "kind"));
	char *text;
	if (exempt)
		text = xasprintf("Exempt: Schedule 12A paragraph %s; not "
				 "published.",
				 has(od_get(r, "exempt_paragraph"))
					 ? od_get(r, "exempt_paragraph")
					 : "(not given)");
	else
		text = xasprintf("%s%s%s",
				 has(od_get(r, "preamble")) ? od_get(r, "preamble") : "",
				 has(od_get(r, "preamble")) ? "\n" : "",
				 od_get(r, "body") ? od_get(r, "body") : "");
	set_str(o, "text", text);
	free(text);
	char date[CLERK_TIME_LEN] = "";
	time_t t;
	if (time_parse_utc(od_get(r, "starts_at"), &t)) {
		time_format_local(t, tz_of(p, od_get(r, "body_id")), "%Y-%m-%d",
				  date, sizeof date);
		set_str(o, "date", date);
	}
	set_str(o, "creator_id", od_get(r, "mover"));
	set_str(o, "result", result_of(od_get(r, "outcome")));
	set_str(o, "clerk:item_id", od_get(r, "item_id"));
	set_str(o, "clerk:seconder_id", od_get(r, "seconder"));
	json_object_set_new(o, "clerk:exempt", json_boolean(exempt));
	json_array_append_new(p->motions, o);
	if (truth(od_get(r, "voted")))
		add_vote_event(p, r, date);
	return 0;
}

static int on_vote(void *ctx, const struct od_row *r)
{
	struct popolo *p = ctx;
	const char *v = od_get(r, "vote");
	json_t *o = json_object();
	char *ve = xasprintf("%s-vote", od_get(r, "resolution_id"));
	set_str(o, "vote_event_id", ve);
	set_str(o, "voter_id", od_get(r, "person_id"));
	set_str(o, "option",
		!v ? "" : strcmp(v, "for") == 0 ? "yes"
			: strcmp(v, "against") == 0 ? "no" : "abstain");
	json_array_append_new(p->votes, o);
	free(ve);
	return 0;
}

/* ------------------------------------------------------------ document */

static json_t *extensions_doc(void)
{
	return json_pack(
		"{s:s,s:s,s:s,s:s,s:s}", "clerk:agenda",
		"on an event: its agenda items (number, title, description, "
		"pages, planned_start, planned_minutes, kind, presenter)",
		"clerk:exempt",
		"on an agenda item or motion: true when exempt under Schedule "
		"12A to the Local Government Act 1972 (description and text "
		"withheld); clerk:exempt_paragraph names the paragraph",
		"clerk:attendance",
		"on an event: person_id, status (present, apology, absent, "
		"substitute, in attendance, expected), post_id, "
		"substitute_for_id, capacity, arrived_at, left_at",
		"clerk:declarations",
		"on an event: declarations of interest (person_id, item_id, "
		"kind: pecuniary, registrable, non-registrable; what, withheld "
		"when sensitive; dispensation; left_room)",
		"clerk:quorum",
		"on a committee: rule (fraction, fixed, composite), numerator, "
		"denominator, fixed");
}

static enum clerk_status walk(struct popolo *p, const char *body_id)
{
	static const struct {
		enum od_set set;
		od_row_fn fn;
	} steps[] = {
		{OD_COUNCILS, on_council},     {OD_BODIES, on_body},
		{OD_PEOPLE, on_person},	       {OD_SEATS, on_seat},
		{OD_MEMBERSHIPS, on_membership}, {OD_MEETINGS, on_meeting},
		{OD_ITEMS, on_item},	       {OD_ATTENDANCE, on_attendance},
		{OD_DECLARATIONS, on_declaration},
		{OD_RESOLUTIONS, on_resolution}, {OD_VOTES, on_vote},
	};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		enum clerk_status rc = opendata_each(p->db, steps[i].set,
						     body_id, steps[i].fn, p,
						     p->err);
		if (rc)
			return rc;
	}
	return CLERK_OK;
}

enum clerk_status dataexport_popolo(struct db *db, const char *body_id,
				    FILE *out, struct clerk_err *err)
{
	struct popolo p = {
		.db = db,
		.err = err,
		.persons = json_array(),
		.orgs = json_array(),
		.posts = json_array(),
		.memberships = json_array(),
		.events = json_array(),
		.motions = json_array(),
		.vote_events = json_array(),
		.votes = json_array(),
		.event_by_id = json_object(),
		.body_tz = json_object(),
		.council_of = json_object(),
		.council_names = json_object(),
		.seat_org = json_object(),
		.derived_orgs = json_object(),
	};
	enum clerk_status rc = walk(&p, body_id);
	if (!rc) {
		json_t *doc = json_pack(
			"{s:{s:s,s:s,s:o},s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
			"meta", "generator", "clerk " PACKAGE_VERSION,
			"specification", "https://www.popoloproject.com/specs/",
			"extensions", extensions_doc(), "persons", p.persons,
			"organizations", p.orgs, "posts", p.posts,
			"memberships", p.memberships, "events", p.events,
			"motions", p.motions, "vote_events", p.vote_events,
			"votes", p.votes);
		p.persons = p.orgs = p.posts = p.memberships = p.events =
			p.motions = p.vote_events = p.votes = NULL;
		if (!doc || json_dumpf(doc, out, JSON_INDENT(2) |
							 JSON_PRESERVE_ORDER) ||
		    fputc('\n', out) == EOF)
			rc = clerk_fail(err, CLERK_IO,
					"cannot write the Popolo JSON");
		json_decref(doc);
	}
	json_decref(p.persons);
	json_decref(p.orgs);
	json_decref(p.posts);
	json_decref(p.memberships);
	json_decref(p.events);
	json_decref(p.motions);
	json_decref(p.vote_events);
	json_decref(p.votes);
	json_decref(p.event_by_id);
	json_decref(p.body_tz);
	json_decref(p.council_of);
	json_decref(p.council_names);
	json_decref(p.seat_org);
	json_decref(p.derived_orgs);
	return rc;
}
