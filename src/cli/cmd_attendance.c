/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_attendance: `clerk attendance [BODY | --person NAME] [--from DATE]
 * [--to DATE] [--json | --csv]` — per member: meetings expected, present,
 * present as a substitute, apologies, absent, substitute sent, and the days
 * since their last attendance, warning as the six-month rule (Local
 * Government Act 1972 s.85) approaches and once it has passed.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/lookup_cli.h"

static const char *rule_word(enum lookup_rule s)
{
	switch (s) {
	case LOOKUP_RULE_OK:
		return "ok";
	case LOOKUP_RULE_SOON:
		return "warning";
	case LOOKUP_RULE_APPROVED:
		return "approved";
	case LOOKUP_RULE_PASSED:
		return "passed";
	case LOOKUP_RULE_NONE:
	default:
		return "";
	}
}

static void count_cells(const struct lookup_attendance *a, char buf[6][16])
{
	snprintf(buf[0], 16, "%d", a->expected);
	snprintf(buf[1], 16, "%d", a->present);
	snprintf(buf[2], 16, "%d", a->as_substitute);
	snprintf(buf[3], 16, "%d", a->apologies);
	snprintf(buf[4], 16, "%d", a->absent);
	snprintf(buf[5], 16, "%d", a->substitute_sent);
}

/* "last attended a meeting of the authority on 2017-06-29" or "joined
 * on ...". */
static void s85_since(const struct lookup_attendance *a, char *out, size_t n)
{
	if (*a->s85_last)
		snprintf(out, n, "last attending a meeting of the authority on %s",
			 a->s85_last);
	else
		snprintf(out, n, "joining on %s with no meeting of the authority "
				 "attended", a->member_since);
}

static void print_warnings(const struct listing *l,
			   const struct lookup_attendance_list *list,
			   bool by_body)
{
	bool any = false;
	for (size_t i = 0; i < list->n; i++) {
		const struct lookup_attendance *a = &list->v[i];
		enum lookup_rule s = lookup_rule_of(a);
		if (s != LOOKUP_RULE_SOON && s != LOOKUP_RULE_PASSED &&
		    s != LOOKUP_RULE_APPROVED)
			continue;
		if (!any)
			fputc('\n', l->out);
		any = true;
		const char *who = by_body ? a->body_name : a->name;
		char since[128];
		s85_since(a, since, sizeof since);
		if (s == LOOKUP_RULE_PASSED)
			listing_linef(l, 0, LISTING_ALERT,
				      "! %s: %ld days since %s; six months have "
				      "passed: ceases to be a member of the "
				      "authority unless the absence was approved "
				      "by the authority (s.85)",
				      who, a->s85_days, since);
		else if (s == LOOKUP_RULE_APPROVED)
			listing_linef(l, 0, LISTING_PLAIN,
				      "%s: %ld days since %s; absence approved by "
				      "the authority until %s: %s (s.85)",
				      who, a->s85_days, since, a->approved_until,
				      a->approved_reason ? a->approved_reason : "");
		else
			listing_linef(l, 0, LISTING_WARN,
				      "! %s: %ld days since %s; six months in %ld "
				      "days (s.85)",
				      who, a->s85_days, since, a->s85_days_left);
	}
	if (any)
		listing_line(l, 0, LISTING_DIM,
			     "s.85 Local Government Act 1972: a councillor who "
			     "attends no meeting of the authority for six months "
			     "ceases to be a member of the authority unless the "
			     "failure was due to a reason approved by the "
			     "authority before the six months ran out (clerk "
			     "absence approve).");
}

/* Each apology sent in the period, with its reason. */
static void print_apologies(const struct listing *l,
			    const struct lookup_apology_list *ap, bool by_body)
{
	if (!ap->n)
		return;
	fputc('\n', l->out);
	listing_line(l, 0, LISTING_HEADING, "Apologies");
	for (size_t i = 0; i < ap->n; i++) {
		const struct lookup_apology *a = &ap->v[i];
		listing_linef(l, 2, LISTING_PLAIN, "%s  %s: %s", a->date,
			      by_body ? a->body_name : a->name,
			      *a->reason ? a->reason : "no reason given");
	}
}

static void print_text(const struct listing *l,
		       const struct lookup_attendance_list *list,
		       const char *title, bool by_body, const char *from,
		       const char *to, const char *today)
{
	listing_linef(l, 0, LISTING_HEADING, "%s: attendance %s%s%s%s%s", title,
		      from ? "from " : "", from ? from : "", from && to ? " " : "",
		      to ? "to " : "", to ? to : (from ? "" : "at every meeting"));
	listing_linef(l, 0, LISTING_PLAIN,
		      "%d meeting%s held; days since last attendance as of %s",
		      list->meetings, list->meetings == 1 ? "" : "s", today);
	fputc('\n', l->out);
	static const char *const headers[] = {
		"Member", "Exp", "Pres", "Sub", "Apol", "Abs", "Sent", "Last",
		"Days", "s.85"};
	const char *const *h = headers;
	const char *body_headers[10];
	if (by_body) {
		memcpy(body_headers, headers, sizeof body_headers);
		body_headers[0] = "Body";
		h = body_headers;
	}
	struct listing_table *t = listing_table_new(10, h);
	for (size_t c = 1; c <= 6; c++)
		listing_table_right(t, c);
	listing_table_right(t, 8);
	for (size_t i = 0; i < list->n; i++) {
		const struct lookup_attendance *a = &list->v[i];
		char n[6][16], days[24];
		count_cells(a, n);
		if (a->days_since >= 0)
			snprintf(days, sizeof days, "%ld", a->days_since);
		else
			snprintf(days, sizeof days, "-");
		enum lookup_rule s = lookup_rule_of(a);
		const char *rule = s == LOOKUP_RULE_PASSED     ? "PASSED"
				   : s == LOOKUP_RULE_SOON     ? "soon"
				   : s == LOOKUP_RULE_APPROVED ? "approved"
							       : "";
		const char *cells[] = {
			by_body ? a->body_name : a->name,
			n[0], n[1], n[2], n[3], n[4], n[5],
			*a->last_attended ? a->last_attended : "never",
			days, rule,
		};
		listing_table_add(t, cells);
	}
	listing_table_print(l, t, 0);
	listing_table_free(&t);
	listing_line(l, 0, LISTING_DIM,
		     "Exp expected, Pres present, Sub present as substitute, "
		     "Apol apologies, Abs absent, Sent substitute sent");
	print_warnings(l, list, by_body);
}

static void print_csv(const struct listing *l,
		      const struct lookup_attendance_list *list)
{
	static const char *const headers[] = {
		"body", "person", "current", "expected", "present",
		"as_substitute", "apologies", "absent", "substitute_sent",
		"last_attended", "days_since", "six_month_rule"};
	struct listing_table *t = listing_table_new(12, headers);
	for (size_t i = 0; i < list->n; i++) {
		const struct lookup_attendance *a = &list->v[i];
		char n[6][16], days[24] = "";
		count_cells(a, n);
		if (a->days_since >= 0)
			snprintf(days, sizeof days, "%ld", a->days_since);
		const char *cells[] = {
			a->body_name, a->name, a->current ? "yes" : "no",
			n[0], n[1], n[2], n[3], n[4], n[5],
			a->last_attended, days, rule_word(lookup_rule_of(a)),
		};
		listing_table_add(t, cells);
	}
	listing_table_print(l, t, 0);
	listing_table_free(&t);
}

static void print_json(const struct listing *l,
		       const struct lookup_attendance_list *list,
		       const char *from, const char *to, const char *today)
{
	json_t *root = json_object(), *rows = json_array();
	json_object_set_new(root, "from", from ? json_string(from) : json_null());
	json_object_set_new(root, "to", to ? json_string(to) : json_null());
	json_object_set_new(root, "today", json_string(today));
	json_object_set_new(root, "meetings", json_integer(list->meetings));
	for (size_t i = 0; i < list->n; i++) {
		const struct lookup_attendance *a = &list->v[i];
		json_t *j = json_object();
		json_object_set_new(j, "body_id", json_string(a->body_id));
		json_object_set_new(j, "body", listing_json_str(a->body_name));
		json_object_set_new(j, "person_id", json_string(a->person_id));
		json_object_set_new(j, "name", listing_json_str(a->name));
		json_object_set_new(j, "current", json_boolean(a->current));
		json_object_set_new(j, "expected", json_integer(a->expected));
		json_object_set_new(j, "present", json_integer(a->present));
		json_object_set_new(j, "as_substitute", json_integer(a->as_substitute));
		json_object_set_new(j, "apologies", json_integer(a->apologies));
		json_object_set_new(j, "absent", json_integer(a->absent));
		json_object_set_new(j, "substitute_sent",
				    json_integer(a->substitute_sent));
		json_object_set_new(j, "last_attended",
				    *a->last_attended ? json_string(a->last_attended)
						      : json_null());
		json_object_set_new(j, "days_since", a->days_since >= 0
							     ? json_integer(a->days_since)
							     : json_null());
		enum lookup_rule s = lookup_rule_of(a);
		json_object_set_new(j, "six_month_rule", s == LOOKUP_RULE_NONE
								 ? json_null()
								 : json_string(rule_word(s)));
		json_object_set_new(j, "days_left", s == LOOKUP_RULE_NONE
							    ? json_null()
							    : json_integer(a->s85_days_left));
		json_object_set_new(j, "approved_until",
				    *a->approved_until
					    ? json_string(a->approved_until)
					    : json_null());
		json_array_append_new(rows, j);
	}
	json_object_set_new(root, "attendance", rows);
	listing_json_print(l, root);
}

/* With no BODY nor --person, a file holding one body means that body. */
static int only_body(struct cli *cli, struct db *db, struct lookup_body *out)
{
	struct clerk_err err = {0};
	struct lookup_body_list all;
	if (lookup_body_all(db, &all, &err))
		return cli_report(cli, &err);
	int rc = 0;
	if (all.n == 1) {
		*out = all.v[0];
		memset(&all.v[0], 0, sizeof all.v[0]);
	} else {
		fprintf(cli->err, "clerk: name a body or give --person NAME%s\n",
			all.n ? "; the bodies are:" : " (the file has no bodies)");
		for (size_t i = 0; i < all.n; i++) {
			char *s = utf8_sanitize(all.v[i].name);
			fprintf(cli->err, "  %s\n", s);
			free(s);
		}
		rc = 2;
	}
	lookup_body_list_free(&all);
	return rc;
}

struct att_args {
	enum listing_format format;
	const char *from, *to;
	const char *person;
	char *body;
};

static const char usage[] =
	"attendance [BODY | --person NAME] [--from DATE] [--to DATE] "
	"[--json | --csv]";

/* --person NAME, the one option of its own. */
static int att_option(struct cli *cli, int opt, const char *arg, void *ctx)
{
	struct att_args *a = ctx;
	if (opt != LOOKUP_OPT_PERSON)
		return cli_usage(cli, usage);
	a->person = arg;
	return 0;
}

static int parse_args(struct cli *cli, int argc, char **argv,
		      struct att_args *a)
{
	static const struct option options[] = {
		{"person", required_argument, NULL, LOOKUP_OPT_PERSON},
		{"from", required_argument, NULL, LOOKUP_OPT_FROM},
		{"to", required_argument, NULL, LOOKUP_OPT_TO},
		{"json", no_argument, NULL, LOOKUP_OPT_JSON},
		{"csv", no_argument, NULL, LOOKUP_OPT_CSV},
		{NULL, 0, NULL, 0},
	};
	struct lookup_cli_opts o = {0};
	int code = lookup_cli_parse(cli, argc, argv, options, usage, att_option,
				    a, &o);
	a->format = o.format;
	a->from = o.from;
	a->to = o.to;
	a->body = o.words;
	if (!code && !lookup_cli_dates(cli, &o))
		code = 2;
	if (code) {
		free(a->body);
		a->body = NULL;
	}
	return code;
}

int cmd_attendance(struct cli *cli, int argc, char **argv)
{
	struct att_args a = {0};
	int rc = parse_args(cli, argc, argv, &a);
	if (rc)
		return rc;
	struct db *db = NULL;
	struct lookup_body body = {0};
	struct lookup_person person = {0};
	struct lookup_attendance_list list = {0};
	struct clerk_err err = {0};
	rc = lookup_cli_open(cli, &db);
	if (!rc && a.body)
		rc = lookup_cli_body(cli, db, a.body, &body);
	else if (!rc && !a.person)
		rc = only_body(cli, db, &body);
	if (!rc && a.person)
		rc = lookup_cli_person(cli, db, a.person, &person);
	if (!rc && lookup_attendance(db, *body.id ? body.id : NULL,
				     *person.id ? person.id : NULL, a.from, a.to,
				     &list, &err))
		rc = cli_report(cli, &err);
	if (!rc && list.n == 0) {
		fprintf(cli->err, "clerk: no attendance to report: %s\n",
			*person.id ? "they held no seat and attended no meeting"
				   : "the body has no members");
		rc = 1;
	}
	if (!rc) {
		char today[LOOKUP_DATE_LEN];
		lookup_today(body.tz, today);
		struct listing l;
		listing_init(&l, cli->out, a.format, cli->no_color);
		bool by_body = *person.id && !*body.id;
		if (a.format == LISTING_JSON)
			print_json(&l, &list, a.from, a.to, today);
		else if (a.format == LISTING_CSV)
			print_csv(&l, &list);
		else
			print_text(&l, &list, by_body ? person.name : body.name,
				   by_body, a.from, a.to, today);
		struct lookup_apology_list ap = {0};
		if (a.format == LISTING_TEXT &&
		    lookup_apologies(db, *body.id ? body.id : NULL,
				     *person.id ? person.id : NULL, a.from,
				     a.to, &ap, &err) == CLERK_OK)
			print_apologies(&l, &ap, by_body);
		else if (a.format == LISTING_TEXT)
			rc = cli_report(cli, &err);
		lookup_apology_list_free(&ap);
	}
	lookup_attendance_list_free(&list);
	lookup_person_free(&person);
	lookup_body_free(&body);
	db_close(&db);
	free(a.body);
	return rc;
}
