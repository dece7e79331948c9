/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_members: `clerk members BODY [--at DATE] [--json | --csv]` — who
 * sits on a body, seat by seat: the main member and their role, the
 * nominated substitutes, vacant seats and substitutes still to be
 * confirmed, and the quorum.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/lookup_cli.h"

static const char *role_title(const char *role)
{
	if (strcmp(role, "chairman") == 0)
		return "Chairman";
	if (strcmp(role, "vice-chairman") == 0)
		return "Vice-Chairman";
	return "";
}

/* "Name (Chairman), capacity" */
static char *holder_text(const struct lookup_holder *h, const char *role)
{
	const char *title = role ? role_title(role) : "";
	return xasprintf("%s%s%s%s%s%s", h->name, *title ? " (" : "", title,
			 *title ? ")" : "", *h->capacity ? ", " : "", h->capacity);
}

/* A seat's lines; "no substitute" only where the body allows one, since
 * under a parish council it would be true of every seat and say nothing. */
static void print_seat(const struct listing *l, const struct lookup_seat *s,
		       bool substitutes_allowed)
{
	listing_linef(l, 0, LISTING_HEADING, "%2d  %s%s", s->position, s->label,
		      s->voting ? "" : " (non-voting)");
	if (s->filled) {
		char *t = holder_text(&s->member, s->role);
		listing_line(l, 6, LISTING_PLAIN, t);
		free(t);
	} else {
		listing_linef(l, 6, LISTING_WARN, "vacant%s%s",
			      *s->vacancy_note ? ": " : "", s->vacancy_note);
	}
	for (size_t i = 0; i < s->nsubs; i++) {
		char *t = holder_text(&s->subs[i], NULL);
		listing_linef(l, 6, LISTING_PLAIN, "%s %s",
			      i == 0 ? "substitute:" : "           ", t);
		free(t);
	}
	if (s->substitute_tbc)
		listing_linef(l, 6, LISTING_WARN, "%s TBC",
			      s->nsubs ? "           " : "substitute:");
	else if (!s->nsubs && substitutes_allowed)
		listing_line(l, 6, LISTING_DIM, "no substitute");
}

/* Seats retired before the date, or created after it. */
static void print_not_in_use(const struct listing *l,
			     const struct lookup_membership *m)
{
	bool first = true;
	for (size_t i = 0; i < m->nseats; i++) {
		const struct lookup_seat *s = &m->seats[i];
		if (s->in_use)
			continue;
		if (first) {
			fputc('\n', l->out);
			listing_linef(l, 0, LISTING_DIM, "Not in use on %s:", m->date);
		}
		first = false;
		bool later = strcmp(s->first_day, m->date) > 0;
		listing_linef(l, 0, LISTING_DIM, "%2d  %s: %s %s%s%s%s", s->position,
			      s->label, later ? "from" : "until",
			      later ? s->first_day : s->last_day,
			      *s->vacancy_note ? " (" : "", s->vacancy_note,
			      *s->vacancy_note ? ")" : "");
	}
}

static void print_text(const struct listing *l, const struct lookup_membership *m)
{
	const struct lookup_body *b = &m->body;
	listing_linef(l, 0, LISTING_HEADING, "%s%s%s%s%s%s: membership on %s",
		      b->name, *b->short_name ? " (" : "", b->short_name,
		      *b->short_name ? ")" : "", *b->council ? ", " : "",
		      b->council, m->date);
	if (b->ended)
		listing_linef(l, 0, LISTING_DIM, "Ended%s%s: no new meetings.",
			      *b->ended ? ": " : "", b->ended);
	fputc('\n', l->out);
	for (size_t i = 0; i < m->nseats; i++)
		if (m->seats[i].in_use)
			print_seat(l, &m->seats[i], b->substitutes_allowed);
	print_not_in_use(l, m);
	fputc('\n', l->out);
	char *rule = lookup_quorum_rule(b);
	listing_linef(l, 0, LISTING_PLAIN, "%d seats, %d filled, %d vacant",
		      m->in_use, m->filled, m->in_use - m->filled);
	listing_linef(l, 0, LISTING_PLAIN, "Quorum: %d (%s)", m->quorum, rule);
	free(rule);
}

static void csv_holder(struct listing_table *t, const struct lookup_seat *s,
		       const char *as, const struct lookup_holder *h,
		       const char *role, const char *note)
{
	char pos[16];
	snprintf(pos, sizeof pos, "%d", s->position);
	const char *cells[] = {
		pos,
		s->label,
		s->voting ? "yes" : "no",
		as,
		h ? h->name : "",
		role ? role : "",
		h ? h->capacity : "",
		h ? h->since : "",
		h ? h->until : "",
		note,
	};
	listing_table_add(t, cells);
}

static void print_csv(const struct listing *l, const struct lookup_membership *m)
{
	static const char *const headers[] = {
		"position", "seat", "voting", "as", "name", "role", "capacity",
		"since", "until", "note"};
	struct listing_table *t = listing_table_new(10, headers);
	for (size_t i = 0; i < m->nseats; i++) {
		const struct lookup_seat *s = &m->seats[i];
		if (!s->in_use)
			continue;
		if (s->filled)
			csv_holder(t, s, "member", &s->member, s->role, "");
		else
			csv_holder(t, s, "vacant", NULL, NULL, s->vacancy_note);
		for (size_t j = 0; j < s->nsubs; j++)
			csv_holder(t, s, "substitute", &s->subs[j], NULL, "");
		if (s->substitute_tbc)
			csv_holder(t, s, "substitute", NULL, NULL, "TBC");
	}
	listing_table_print(l, t, 0);
	listing_table_free(&t);
}

static json_t *json_holder(const struct lookup_holder *h, const char *role)
{
	json_t *j = json_object();
	json_object_set_new(j, "person_id", json_string(h->person_id));
	json_object_set_new(j, "name", listing_json_str(h->name));
	if (role)
		json_object_set_new(j, "role", listing_json_str(role));
	json_object_set_new(j, "capacity", listing_json_str(h->capacity));
	json_object_set_new(j, "since", listing_json_str(h->since));
	json_object_set_new(j, "until", *h->until ? listing_json_str(h->until)
						 : json_null());
	return j;
}

static json_t *json_seat(const struct lookup_seat *s)
{
	json_t *j = json_object();
	json_object_set_new(j, "position", json_integer(s->position));
	json_object_set_new(j, "label", listing_json_str(s->label));
	json_object_set_new(j, "voting", json_boolean(s->voting));
	json_object_set_new(j, "vacant", json_boolean(!s->filled));
	json_object_set_new(j, "vacancy_note",
			    s->filled ? json_null() : listing_json_str(s->vacancy_note));
	json_object_set_new(j, "member", s->filled ? json_holder(&s->member, s->role)
						   : json_null());
	json_t *subs = json_array();
	for (size_t i = 0; i < s->nsubs; i++)
		json_array_append_new(subs, json_holder(&s->subs[i], NULL));
	json_object_set_new(j, "substitutes", subs);
	json_object_set_new(j, "substitute_tbc", json_boolean(s->substitute_tbc));
	if (!s->in_use) {
		json_object_set_new(j, "first_day", listing_json_str(s->first_day));
		json_object_set_new(j, "last_day", *s->last_day
							   ? listing_json_str(s->last_day)
							   : json_null());
	}
	return j;
}

static void print_json(const struct listing *l, const struct lookup_membership *m)
{
	json_t *root = json_object(), *body = json_object(), *seats = json_array();
	json_object_set_new(body, "id", json_string(m->body.id));
	json_object_set_new(body, "name", listing_json_str(m->body.name));
	json_object_set_new(body, "short_name", listing_json_str(m->body.short_name));
	json_object_set_new(body, "council", listing_json_str(m->body.council));
	json_object_set_new(body, "substitutes_allowed",
			    json_boolean(m->body.substitutes_allowed));
	json_object_set_new(root, "body", body);
	json_object_set_new(root, "date", json_string(m->date));
	json_t *unused = json_array();
	for (size_t i = 0; i < m->nseats; i++)
		json_array_append_new(m->seats[i].in_use ? seats : unused,
				      json_seat(&m->seats[i]));
	json_object_set_new(root, "seats", seats);
	json_object_set_new(root, "seats_not_in_use", unused);
	json_object_set_new(root, "filled", json_integer(m->filled));
	char *rule = lookup_quorum_rule(&m->body);
	json_t *quorum = json_object();
	json_object_set_new(quorum, "needed", json_integer(m->quorum));
	json_object_set_new(quorum, "rule", listing_json_str(rule));
	json_object_set_new(root, "quorum", quorum);
	free(rule);
	listing_json_print(l, root);
}

static const char usage[] = "members BODY [--at DATE] [--json | --csv]";

int cmd_members(struct cli *cli, int argc, char **argv)
{
	struct lookup_cli_opts o = {0};
	int code = lookup_cli_parse_named(cli, argc, argv, usage, &o);
	if (code)
		return code;
	char *name = o.words;
	enum listing_format format = o.format;
	const char *at = o.at;
	struct db *db = NULL;
	struct lookup_body body;
	struct lookup_membership m = {0};
	struct clerk_err err = {0};
	int rc = lookup_cli_open(cli, &db);
	if (!rc)
		rc = lookup_cli_body(cli, db, name, &body);
	if (!rc) {
		if (lookup_membership(db, body.id, at, &m, &err))
			rc = cli_report(cli, &err);
		lookup_body_free(&body);
	}
	if (!rc) {
		struct listing l;
		listing_init(&l, cli->out, format, cli->no_color);
		if (format == LISTING_JSON)
			print_json(&l, &m);
		else if (format == LISTING_CSV)
			print_csv(&l, &m);
		else
			print_text(&l, &m);
	}
	lookup_membership_free(&m);
	db_close(&db);
	free(name);
	return rc;
}
