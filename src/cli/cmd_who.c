/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_who: `clerk who NAME [--at DATE] [--json | --csv]` — every body a
 * person sits on, as main member (with their role) or as nominated
 * substitute (and for whom), and since when.  A name that matches nobody
 * but is close to exactly one name is answered for that one, saying so;
 * otherwise it gets "did you mean" suggestions and exit status 1.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/lookup_cli.h"

/* "Chairman", "member", "substitute for Dr Andrew Whitfield". */
static char *post_as(const struct lookup_post *p)
{
	if (p->substitute)
		return *p->for_member ? xasprintf("substitute for %s", p->for_member)
				      : xstrdup("substitute (seat vacant)");
	if (strcmp(p->role, "chairman") == 0)
		return xstrdup("Chairman");
	if (strcmp(p->role, "vice-chairman") == 0)
		return xstrdup("Vice-Chairman");
	return xstrdup("member");
}

static char *body_label(const struct lookup_post *p)
{
	return *p->body_short ? xasprintf("%s (%s)", p->body_name, p->body_short)
			      : xstrdup(p->body_name);
}

static void print_person_text(const struct listing *l,
			      const struct lookup_person *p, const char *date)
{
	struct strbuf head = {0};
	sb_add(&head, p->name);
	if (*p->role)
		sb_addf(&head, ", %s", p->role);
	if (*p->organisation)
		sb_addf(&head, ", %s", p->organisation);
	listing_line(l, 0, LISTING_HEADING, sb_str(&head));
	sb_free(&head);
	if (!p->nposts) {
		listing_linef(l, 2, LISTING_DIM,
			      "no seat and no nomination as substitute on %s", date);
		return;
	}
	static const char *const headers[] = {"Body", "As", "Seat", "Since"};
	struct listing_table *t = listing_table_new(4, headers);
	for (size_t i = 0; i < p->nposts; i++) {
		const struct lookup_post *o = &p->posts[i];
		char *body = body_label(o), *as = post_as(o);
		const char *cells[] = {body, as, o->seat_label, o->since};
		listing_table_add(t, cells);
		free(body);
		free(as);
	}
	listing_table_print(l, t, 2);
	listing_table_free(&t);
}

static void add_csv_rows(struct listing_table *t, const struct lookup_person *p)
{
	for (size_t i = 0; i < p->nposts; i++) {
		const struct lookup_post *o = &p->posts[i];
		char pos[16];
		snprintf(pos, sizeof pos, "%d", o->seat_position);
		const char *cells[] = {
			p->name,	o->body_name, o->body_short,
			o->substitute ? "substitute" : "member",
			o->role,	pos,	      o->seat_label,
			o->capacity, o->since,   o->until,
			o->for_member,
		};
		listing_table_add(t, cells);
	}
}

static json_t *json_person(const struct lookup_person *p)
{
	json_t *j = json_object(), *posts = json_array();
	json_object_set_new(j, "id", json_string(p->id));
	json_object_set_new(j, "name", listing_json_str(p->name));
	json_object_set_new(j, "role", listing_json_str(p->role));
	json_object_set_new(j, "organisation", listing_json_str(p->organisation));
	for (size_t i = 0; i < p->nposts; i++) {
		const struct lookup_post *o = &p->posts[i];
		json_t *k = json_object();
		json_object_set_new(k, "body_id", json_string(o->body_id));
		json_object_set_new(k, "body", listing_json_str(o->body_name));
		json_object_set_new(k, "short_name", listing_json_str(o->body_short));
		json_object_set_new(k, "as", json_string(o->substitute ? "substitute"
								       : "member"));
		json_object_set_new(k, "role", listing_json_str(o->role));
		json_object_set_new(k, "seat_position", json_integer(o->seat_position));
		json_object_set_new(k, "seat", listing_json_str(o->seat_label));
		json_object_set_new(k, "capacity", listing_json_str(o->capacity));
		json_object_set_new(k, "since", listing_json_str(o->since));
		json_object_set_new(k, "until", *o->until ? listing_json_str(o->until)
							 : json_null());
		json_object_set_new(k, "for_member",
				    o->substitute && *o->for_member
					    ? listing_json_str(o->for_member)
					    : json_null());
		json_array_append_new(posts, k);
	}
	json_object_set_new(j, "posts", posts);
	return j;
}

static void print_people(const struct listing *l,
			 const struct lookup_person_list *people,
			 const char *date)
{
	if (l->format == LISTING_JSON) {
		json_t *root = json_object(), *arr = json_array();
		json_object_set_new(root, "date", json_string(date));
		for (size_t i = 0; i < people->n; i++)
			json_array_append_new(arr, json_person(&people->v[i]));
		json_object_set_new(root, "people", arr);
		listing_json_print(l, root);
		return;
	}
	if (l->format == LISTING_CSV) {
		static const char *const headers[] = {
			"person", "body", "short_name", "as", "role", "seat_position",
			"seat", "capacity", "since", "until", "for_member"};
		struct listing_table *t = listing_table_new(11, headers);
		for (size_t i = 0; i < people->n; i++)
			add_csv_rows(t, &people->v[i]);
		listing_table_print(l, t, 0);
		listing_table_free(&t);
		return;
	}
	for (size_t i = 0; i < people->n; i++) {
		if (i)
			fputc('\n', l->out);
		print_person_text(l, &people->v[i], date);
	}
}

static const char usage[] = "who NAME [--at DATE] [--json | --csv]";

int cmd_who(struct cli *cli, int argc, char **argv)
{
	struct lookup_cli_opts o = {0};
	int code = lookup_cli_parse_named(cli, argc, argv, usage, &o);
	if (code)
		return code;
	char *name = o.words;
	enum listing_format format = o.format;
	const char *at = o.at;
	char today[LOOKUP_DATE_LEN];
	lookup_today(NULL, today);
	const char *date = at ? at : today;
	struct db *db = NULL;
	struct lookup_person_list people = {0};
	struct clerk_err err = {0};
	int rc = lookup_cli_open(cli, &db);
	if (!rc && lookup_people_match(db, name, &people, &err))
		rc = cli_report(cli, &err);
	char *near = NULL;
	if (!rc && people.n == 0)
		rc = lookup_cli_one_near(cli, db, name, &near);
	if (!rc && near && lookup_people_match(db, near, &people, &err))
		rc = cli_report(cli, &err);
	free(near);
	for (size_t i = 0; !rc && i < people.n; i++)
		if (lookup_person_posts(db, &people.v[i], date, &err))
			rc = cli_report(cli, &err);
	if (!rc) {
		struct listing l;
		listing_init(&l, cli->out, format, cli->no_color);
		print_people(&l, &people, date);
	}
	lookup_person_list_free(&people);
	db_close(&db);
	free(name);
	return rc;
}
