/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_item: the agenda of a meeting, item by item.
 *
 *   clerk item list MEETING
 *   clerk item add MEETING TITLE [options]
 *   clerk item edit MEETING ITEM [--title T] [options]
 *   clerk item move MEETING ITEM POSITION
 *   clerk item delete MEETING ITEM
 *
 * ITEM is the item's number as printed ("6") or part of its title.  Planned
 * times are kept consistent: each item starts when the one before it ends,
 * from the meeting's start; --minutes sets an item's duration, and --start
 * sets when it begins by changing the duration of the item before it.
 * `item list` prints the agenda laid out like a notice of meeting, with each
 * item's kind, which `clerk import agenda` reads back; `item edit ... --kind`
 * corrects a kind.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/import.h"
#include "clerk/lookup_cli.h"
#include "prepare.h"

#define ITEM_USAGE                                                          \
	"item list MEETING [--body B]\n"                                    \
	"       clerk item add MEETING TITLE [--at N] [--minutes N]\n"        \
	"            [--start HH.MM] [--pages '11 - 32'] [--description T]\n" \
	"            [--presenter P] [--exempt PARAGRAPH] [--kind K]\n"       \
	"       clerk item edit MEETING ITEM [--title T] [--not-exempt] [...]\n" \
	"            [--application REF] [--site S] [--applicant A]\n"      \
	"            [--proposal P] [--ward W] [--recommendation R]\n"      \
	"            [--decision D] [--condition C]... [--speaker ROLE[: NAME]]...\n" \
	"       clerk item move MEETING ITEM POSITION\n"                      \
	"       clerk item delete MEETING ITEM"

#define ITEM_MAX_LINES 40
struct item_opts {
	const char *body, *title, *pages, *description, *presenter, *exempt,
		*kind, *number, *start, *minutes, *at;
	bool not_exempt;
	/* a planning application's fields */
	const char *reference, *site, *applicant, *proposal, *ward,
		*recommendation, *decision;
	const char *conditions[ITEM_MAX_LINES], *speakers[ITEM_MAX_LINES];
	int nconditions, nspeakers;
	bool no_conditions, no_speakers, too_many;
};

static bool parse_item_opts(int argc, char **argv, struct item_opts *o)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, 'b'},
		{"title", required_argument, NULL, 'T'},
		{"pages", required_argument, NULL, 'p'},
		{"description", required_argument, NULL, 'd'},
		{"presenter", required_argument, NULL, 'P'},
		{"exempt", required_argument, NULL, 'x'},
		{"not-exempt", no_argument, NULL, 'X'},
		{"kind", required_argument, NULL, 'k'},
		{"number", required_argument, NULL, 'n'},
		{"start", required_argument, NULL, 's'},
		{"minutes", required_argument, NULL, 'm'},
		{"at", required_argument, NULL, 'a'},
		{"application", required_argument, NULL, 'R'},
		{"site", required_argument, NULL, 'L'},
		{"applicant", required_argument, NULL, 'G'},
		{"proposal", required_argument, NULL, 'O'},
		{"ward", required_argument, NULL, 'D'},
		{"recommendation", required_argument, NULL, 'E'},
		{"decision", required_argument, NULL, 'C'},
		{"condition", required_argument, NULL, 'c'},
		{"speaker", required_argument, NULL, 'K'},
		{"no-conditions", no_argument, NULL, 'N'},
		{"no-speakers", no_argument, NULL, 'Q'},
		{NULL, 0, NULL, 0},
	};
	const char **slot[128] = {0};
	slot['b'] = &o->body, slot['T'] = &o->title, slot['p'] = &o->pages;
	slot['d'] = &o->description, slot['P'] = &o->presenter;
	slot['x'] = &o->exempt, slot['k'] = &o->kind, slot['n'] = &o->number;
	slot['s'] = &o->start, slot['m'] = &o->minutes, slot['a'] = &o->at;
	slot['R'] = &o->reference, slot['L'] = &o->site;
	slot['G'] = &o->applicant, slot['O'] = &o->proposal;
	slot['D'] = &o->ward, slot['E'] = &o->recommendation;
	slot['C'] = &o->decision;
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt == 'X')
			o->not_exempt = true;
		else if (opt == 'N')
			o->no_conditions = true;
		else if (opt == 'Q')
			o->no_speakers = true;
		else if (opt == 'c' || opt == 'K') {
			const char **v = opt == 'c' ? o->conditions : o->speakers;
			int *n = opt == 'c' ? &o->nconditions : &o->nspeakers;
			if (*n == ITEM_MAX_LINES)
				o->too_many = true;
			else
				v[(*n)++] = optarg;
		} else if (opt > 0 && opt < 128 && slot[opt])
			*slot[opt] = optarg;
		else
			return false;
	}
	return true;
}

static void set_str(char **field, const char *v)
{
	if (!v)
		return;
	free(*field);
	*field = xstrdup(v);
}

/* Index of the item named by spec: its number, else a unique part of its
 * title. */
static enum clerk_status find_item(const struct item_list *l,
				   const char *spec, size_t *out,
				   struct clerk_err *err)
{
	size_t hits = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (strcmp(l->v[i].number, spec) == 0) {
			*out = i;
			return CLERK_OK;
		}
	}
	for (size_t i = 0; i < l->n; i++)
		if (strcasestr(l->v[i].title, spec))
			*out = i, hits++;
	if (hits == 1)
		return CLERK_OK;
	if (hits)
		return clerk_fail(err, CLERK_AMBIGUOUS,
				  "\"%s\" matches %zu items: give the item's "
				  "number",
				  spec, hits);
	return clerk_fail(err, CLERK_NOT_FOUND, "the meeting has no item \"%s\"",
			  spec);
}

/* Apply the options that describe an item (not its place or times). */
static enum clerk_status apply_fields(const struct item_opts *o,
				      struct agenda_item *it,
				      struct clerk_err *err)
{
	set_str(&it->title, o->title);
	set_str(&it->pages, o->pages);
	set_str(&it->description, o->description);
	set_str(&it->presenter, o->presenter);
	set_str(&it->number, o->number);
	if (o->exempt) {
		it->exempt = true;
		set_str(&it->exempt_paragraph, o->exempt);
		char *end;
		long para = strtol(o->exempt, &end, 10);
		if (end == o->exempt || *end || para < 1 || para > 7)
			return clerk_fail(err, CLERK_USAGE,
					  "--exempt takes the paragraph of "
					  "Schedule 12A (1 to 7), not \"%s\"",
					  o->exempt);
	}
	if (o->not_exempt) {
		it->exempt = false;
		set_str(&it->exempt_paragraph, "");
	}
	if (o->kind && !item_kind_parse(o->kind, &it->kind))
		return clerk_fail(err, CLERK_USAGE,
				  "\"%s\" is not a kind of item (apologies, "
				  "declarations, previous minutes, deputations, "
				  "announcements, ordinary, election, any other "
				  "business, date of next meeting, urgent)",
				  o->kind);
	if (o->minutes)
		return prep_int(o->minutes, 0, "--minutes",
				&it->planned_minutes, err);
	return CLERK_OK;
}

static bool wants_application(const struct item_opts *o)
{
	return o->reference || o->site || o->applicant || o->proposal ||
	       o->ward || o->recommendation || o->decision ||
	       o->nconditions || o->nspeakers || o->no_conditions ||
	       o->no_speakers;
}

/* Lines joined by newlines, after `keep` (the lines already there). */
static char *join_lines(const char *keep, const char *const *v, int n)
{
	struct strbuf sb = {0};
	sb_add(&sb, keep ? keep : "");
	for (int i = 0; i < n; i++) {
		char *line = xstrdup(v[i]);
		for (char *p = line; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		sb_addf(&sb, "%s%s", sb.len ? "\n" : "", line);
		free(line);
	}
	return sb_detach(&sb);
}

/* The planning application options: the item's application, made when it
 * has none.  --condition and --speaker add lines; --no-conditions and
 * --no-speakers clear them first. */
static enum clerk_status apply_application(struct db *db,
					   const struct agenda_item *it,
					   const struct item_opts *o,
					   struct clerk_err *err)
{
	if (o->too_many)
		return clerk_fail(err, CLERK_USAGE,
				  "at most %d conditions and %d speakers at "
				  "once: give the rest in another item edit",
				  ITEM_MAX_LINES, ITEM_MAX_LINES);
	struct application_list l = {0};
	enum clerk_status rc = application_list(db, it->meeting_id, &l, err);
	if (rc)
		return rc;
	struct application a = {0};
	const struct application *was = application_of_item(&l, it->id);
	if (was) {
		memcpy(a.id, was->id, sizeof a.id);
		a.reference = xstrdup(was->reference);
		a.site = xstrdup(was->site);
		a.applicant = xstrdup(was->applicant);
		a.proposal = xstrdup(was->proposal);
		a.ward = xstrdup(was->ward);
		a.recommendation = xstrdup(was->recommendation);
		a.decision = xstrdup(was->decision);
		a.conditions = xstrdup(was->conditions);
		a.speakers = xstrdup(was->speakers);
	} else {
		a.reference = xstrdup("");
		a.site = xstrdup("");
		a.applicant = xstrdup("");
		a.proposal = xstrdup("");
		a.ward = xstrdup("");
		a.recommendation = xstrdup("");
		a.decision = xstrdup("");
		a.conditions = xstrdup("");
		a.speakers = xstrdup("");
	}
	memcpy(a.meeting_id, it->meeting_id, sizeof a.meeting_id);
	memcpy(a.item_id, it->id, sizeof a.item_id);
	set_str(&a.reference, o->reference);
	set_str(&a.site, o->site);
	set_str(&a.applicant, o->applicant);
	set_str(&a.proposal, o->proposal);
	set_str(&a.ward, o->ward);
	set_str(&a.recommendation, o->recommendation);
	set_str(&a.decision, o->decision);
	char *c = join_lines(o->no_conditions ? "" : a.conditions,
			     o->conditions, o->nconditions);
	free(a.conditions);
	a.conditions = c;
	char *sp = join_lines(o->no_speakers ? "" : a.speakers, o->speakers,
			      o->nspeakers);
	free(a.speakers);
	a.speakers = sp;
	rc = application_save(db, &a, err);
	application_free(&a);
	application_list_free(&l);
	return rc;
}

/* --start: make the item before `idx` last until `start`. */
static enum clerk_status apply_start(struct db *db, const struct meeting *m,
				     const char *tz, struct item_list *l,
				     size_t idx, const char *start,
				     struct clerk_err *err)
{
	int h, mi;
	if (!import_parse_clock(start, &h, &mi))
		return clerk_fail(err, CLERK_USAGE,
				  "--start \"%s\" is not a time of day (10.15)",
				  start);
	struct tm day;
	time_to_local(m->starts_at, tz, &day);
	time_t t = time_from_local(tz, day.tm_year + 1900, day.tm_mon + 1,
				   day.tm_mday, h, mi);
	if (idx == 0)
		return t == m->starts_at
			       ? CLERK_OK
			       : clerk_fail(err, CLERK_INVALID,
					    "the first item starts with the "
					    "meeting; change the meeting's "
					    "time instead");
	struct agenda_item *prev = &l->v[idx - 1];
	if (t < prev->planned_start)
		return clerk_fail(err, CLERK_INVALID,
				  "item %s cannot start at %02d.%02d, before "
				  "item %s above it",
				  l->v[idx].number, h, mi, prev->number);
	prev->planned_minutes = (int)((t - prev->planned_start) / 60);
	return item_update(db, prev, err);
}

/* One "\tLabel: value" line of item list, when value is set. */
static void list_field(struct cli *cli, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	struct strbuf sb = {0}; /* one line: several joined by "; " */
	for (const char *p = value; *p; p++)
		if (*p == '\n')
			sb_add(&sb, "; ");
		else
			sb_addf(&sb, "%c", *p);
	char *v = utf8_sanitize(sb_str(&sb));
	fprintf(cli->out, "\t%s: %s\n", label, v);
	free(v);
	sb_free(&sb);
}

/* A planning application's fields under its item. */
static void list_application(struct cli *cli, const struct application *a)
{
	list_field(cli, "Application", *a->reference ? a->reference : "(no reference)");
	list_field(cli, "Site", a->site);
	list_field(cli, "Applicant", a->applicant);
	list_field(cli, "Proposal", a->proposal);
	list_field(cli, "Ward", a->ward);
	list_field(cli, "Recommendation", a->recommendation);
	list_field(cli, "Speakers", a->speakers);
	list_field(cli, "Decision", a->decision);
	list_field(cli, "Conditions", a->conditions);
}

/* Print the agenda as a notice of meeting's AGENDA section. */
static void list_items(struct cli *cli, const struct item_list *l,
		       const struct application_list *apps, const char *tz)
{
	fputs("AGENDA\n\n\tApprox. Timings\n", cli->out);
	for (size_t i = 0; i < l->n; i++) {
		const struct agenda_item *it = &l->v[i];
		char when[16] = "";
		if (it->planned_start)
			time_format_local(it->planned_start, tz, "%H.%M", when,
					  sizeof when);
		char *title = utf8_sanitize(it->title);
		fprintf(cli->out, "%s.\t%s", *it->number ? it->number : "?",
			title);
		free(title);
		if (*it->pages)
			fprintf(cli->out, " (Page%s %s)",
				strchr(it->pages, '-') ? "s" : "", it->pages);
		fprintf(cli->out, "\t%s\n", when);
		char *desc = xstrdup(it->description);
		char *save = NULL;
		for (char *line = strtok_r(desc, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			char *clean = utf8_sanitize(line);
			fprintf(cli->out, "\t%s\n", clean);
			free(clean);
		}
		free(desc);
		/* The kind decides what the minutes print under the item
		 * (the confirmation of the minutes, the apologies): shown so
		 * that a wrong one is seen, and read back by import. */
		fprintf(cli->out, "\tKind: %s\n", item_kind_text(it->kind));
		if (it->exempt)
			fprintf(cli->out,
				"\tExempt: Schedule 12A paragraph %s.\n",
				*it->exempt_paragraph ? it->exempt_paragraph
						      : "(not given)");
		if (*it->presenter) {
			char *p = utf8_sanitize(it->presenter);
			fprintf(cli->out, "\tPresenter: %s\n", p);
			free(p);
		}
		const struct application *a = application_of_item(apps, it->id);
		if (a)
			list_application(cli, a);
	}
}

/* Where a new item goes by default: before the closing items. */
static int default_position(const struct item_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == ITEM_AOB || l->v[i].kind == ITEM_NEXT_MEETING)
			return (int)i + 1;
	return (int)l->n + 1;
}

struct item_ctx {
	struct cli *cli;
	struct db *db;
	struct meeting m;
	struct body b;
	struct item_list l;
	struct item_opts o;
	char **pos; /* positional arguments after MEETING */
	int npos;
	struct clerk_err err;
};

static enum clerk_status do_add(struct item_ctx *c)
{
	if (c->npos != 1)
		return clerk_fail(&c->err, CLERK_USAGE, "usage");
	struct agenda_item it = {0};
	snprintf(it.meeting_id, sizeof it.meeting_id, "%s", c->m.id);
	it.title = xstrdup(c->pos[0]);
	it.position = default_position(&c->l);
	it.kind = ITEM_ORDINARY;
	enum clerk_status rc = apply_fields(&c->o, &it, &c->err);
	if (!rc && c->o.at)
		rc = prep_int(c->o.at, 1, "--at", &it.position, &c->err);
	if (!rc)
		rc = item_create(c->db, &it, &c->err);
	if (!rc && wants_application(&c->o))
		rc = apply_application(c->db, &it, &c->o, &c->err);
	if (!rc)
		rc = prep_renumber(c->db, c->m.id, &c->err);
	if (!rc && c->o.start) {
		item_list_free(&c->l);
		rc = item_list(c->db, c->m.id, &c->l, &c->err);
		size_t idx = 0;
		for (size_t i = 0; i < c->l.n; i++)
			if (strcmp(c->l.v[i].id, it.id) == 0)
				idx = i;
		if (!rc)
			rc = apply_start(c->db, &c->m, c->b.tz, &c->l, idx,
					 c->o.start, &c->err);
	}
	if (!rc)
		cli_say(c->cli, "Added item \"%s\".\n", it.title);
	item_free(&it);
	return rc;
}

static enum clerk_status do_edit(struct item_ctx *c)
{
	size_t idx = 0;
	if (c->npos != 1)
		return clerk_fail(&c->err, CLERK_USAGE, "usage");
	enum clerk_status rc = find_item(&c->l, c->pos[0], &idx, &c->err);
	if (rc)
		return rc;
	struct agenda_item *it = &c->l.v[idx];
	rc = apply_fields(&c->o, it, &c->err);
	if (!rc)
		rc = item_update(c->db, it, &c->err);
	if (!rc && wants_application(&c->o))
		rc = apply_application(c->db, it, &c->o, &c->err);
	if (!rc && c->o.start)
		rc = apply_start(c->db, &c->m, c->b.tz, &c->l, idx, c->o.start,
				 &c->err);
	if (!rc)
		cli_say(c->cli, "Changed item %s \"%s\".\n", it->number,
			it->title);
	return rc;
}

static enum clerk_status do_move(struct item_ctx *c)
{
	size_t idx = 0;
	int to;
	if (c->npos != 2)
		return clerk_fail(&c->err, CLERK_USAGE, "usage");
	enum clerk_status rc = find_item(&c->l, c->pos[0], &idx, &c->err);
	if (!rc)
		rc = prep_int(c->pos[1], 1, "position", &to, &c->err);
	if (!rc && to > (int)c->l.n)
		rc = clerk_fail(&c->err, CLERK_USAGE,
				"the agenda has only %zu items", c->l.n);
	if (!rc)
		rc = item_move(c->db, c->l.v[idx].id, to, &c->err);
	if (!rc)
		rc = prep_renumber(c->db, c->m.id, &c->err);
	if (!rc)
		cli_say(c->cli, "Moved \"%s\" to position %d.\n",
			c->l.v[idx].title, to);
	return rc;
}

static enum clerk_status do_delete(struct item_ctx *c)
{
	size_t idx = 0;
	if (c->npos != 1)
		return clerk_fail(&c->err, CLERK_USAGE, "usage");
	enum clerk_status rc = find_item(&c->l, c->pos[0], &idx, &c->err);
	if (!rc)
		rc = item_delete(c->db, c->l.v[idx].id, &c->err);
	if (!rc)
		rc = prep_renumber(c->db, c->m.id, &c->err);
	if (!rc)
		cli_say(c->cli, "Deleted \"%s\".\n", c->l.v[idx].title);
	return rc;
}

static enum clerk_status run_verb(struct item_ctx *c, const char *verb)
{
	enum clerk_status rc;
	if (strcmp(verb, "list") == 0) {
		if (c->npos != 0)
			return clerk_fail(&c->err, CLERK_USAGE, "usage");
		struct application_list apps = {0};
		rc = application_list(c->db, c->m.id, &apps, &c->err);
		if (!rc)
			list_items(c->cli, &c->l, &apps, c->b.tz);
		application_list_free(&apps);
		return rc;
	}
	if (strcmp(verb, "add") == 0)
		rc = do_add(c);
	else if (strcmp(verb, "edit") == 0)
		rc = do_edit(c);
	else if (strcmp(verb, "move") == 0)
		rc = do_move(c);
	else if (strcmp(verb, "delete") == 0)
		rc = do_delete(c);
	else
		return clerk_fail(&c->err, CLERK_USAGE, "usage");
	return rc ? rc : prep_replan(c->db, &c->m, &c->err);
}

int cmd_item(struct cli *cli, int argc, char **argv)
{
	struct item_ctx c = {.cli = cli};
	if (argc < 3 || !parse_item_opts(argc - 1, argv + 1, &c.o) ||
	    argc - 1 - optind < 1)
		return cli_usage(cli, ITEM_USAGE);
	const char *verb = argv[1], *meeting = argv[1 + optind];
	c.pos = argv + 2 + optind;
	c.npos = argc - 2 - optind;
	/* A list is a look-up: read-only, so that a damaged page is met by
	 * the read that needs it and named ("could not read the agenda"). */
	int code = strcmp(verb, "list") == 0 ? lookup_cli_open(cli, &c.db)
					     : cli_open_db(cli, DB_CREATE, &c.db);
	if (code)
		return code;
	enum clerk_status rc = meeting_find(c.db, meeting, c.o.body, &c.m,
					    &c.err);
	if (!rc)
		rc = body_get(c.db, c.m.body_id, &c.b, &c.err);
	if (!rc && (rc = item_list(c.db, c.m.id, &c.l, &c.err)))
		clerk_fail_reading(&c.err, rc, "the agenda");
	if (!rc)
		rc = run_verb(&c, verb);
	if (rc == CLERK_USAGE && strcmp(c.err.msg, "usage") == 0)
		code = cli_usage(cli, ITEM_USAGE);
	else if (rc)
		code = cli_report(cli, &c.err);
	item_list_free(&c.l);
	body_free(&c.b);
	meeting_free(&c.m);
	db_close(&c.db);
	return code;
}
