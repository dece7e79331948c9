/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_council: `clerk council add|edit|list` — the authority a body
 * belongs to: its kind (principal, parish or town, Welsh community,
 * Scottish), whose statutes apply, when its municipal year starts, and the
 * details its papers print (proper officer, address, enquiries contact,
 * filming notice, code of conduct).  A detail given as '' is cleared: its
 * papers then leave it out.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "prepare.h"

#define COUNCIL_USAGE                                                         \
	"council add NAME [--kind principal|parish|community|scottish]\n"     \
	"            [--nation england|wales|scotland] [--year-start MM-DD]\n" \
	"            [--officer NAME] [--officer-title TITLE] [--address A]\n" \
	"            [--enquiries CONTACT] [--filming TEXT] [--conduct TEXT]\n" \
	"       clerk council edit COUNCIL [--name NAME] [same options]\n"     \
	"       clerk council list"

static void set_str(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

/* Apply the options to c; *nation_given tells whether --nation was. */
static enum clerk_status apply_opts(int argc, char **argv, struct council *c,
				    bool *nation_given, struct clerk_err *err)
{
	static const struct option options[] = {
		{"name", required_argument, NULL, 'n'},
		{"kind", required_argument, NULL, 'k'},
		{"nation", required_argument, NULL, 'N'},
		{"year-start", required_argument, NULL, 'y'},
		{"officer", required_argument, NULL, 'o'},
		{"officer-title", required_argument, NULL, 't'},
		{"address", required_argument, NULL, 'a'},
		{"enquiries", required_argument, NULL, 'e'},
		{"filming", required_argument, NULL, 'f'},
		{"conduct", required_argument, NULL, 'c'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'n': set_str(&c->name, optarg); break;
		case 'k':
			if (!council_kind_parse(optarg, &c->kind))
				return clerk_fail(err, CLERK_USAGE,
						  "--kind takes principal, parish "
						  "(parish or town), community "
						  "(Welsh community) or scottish");
			break;
		case 'N':
			if (!nation_parse(optarg, &c->nation))
				return clerk_fail(err, CLERK_USAGE,
						  "--nation takes england, wales "
						  "or scotland");
			*nation_given = true;
			break;
		case 'y': set_str(&c->year_start, optarg); break;
		case 'o': set_str(&c->officer, optarg); break;
		case 't': set_str(&c->officer_title, optarg); break;
		case 'a': set_str(&c->address, optarg); break;
		case 'e': set_str(&c->enquiries, optarg); break;
		case 'f': set_str(&c->filming, optarg); break;
		case 'c': set_str(&c->conduct, optarg); break;
		default: return clerk_fail(err, CLERK_USAGE, "usage");
		}
	}
	return CLERK_OK;
}

static const char *kind_words(enum council_kind k)
{
	switch (k) {
	case COUNCIL_PARISH: return "parish or town council";
	case COUNCIL_COMMUNITY: return "Welsh community council";
	case COUNCIL_SCOTTISH: return "Scottish council";
	default: return "principal council";
	}
}

static void print_council(struct cli *cli, const char *verb,
			  const struct council *c)
{
	cli_say(cli, "%s%s: %s (%s), municipal year from %s.\n", verb, c->name,
		kind_words(c->kind), nation_text(c->nation),
		c->year_start && *c->year_start ? c->year_start : "05-01");
	const char *rows[][2] = {
		{"Officer", c->officer},   {"Officer's title", c->officer_title},
		{"Address", c->address},   {"Enquiries", c->enquiries},
		{"Filming", c->filming},   {"Code of conduct", c->conduct},
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		if (rows[i][1] && *rows[i][1])
			cli_say(cli, "  %s: %s\n", rows[i][0], rows[i][1]);
}

static int report(struct cli *cli, enum clerk_status rc,
		  const struct clerk_err *err)
{
	if (rc == CLERK_USAGE && strcmp(err->msg, "usage") == 0)
		return cli_usage(cli, COUNCIL_USAGE);
	return cli_report(cli, err);
}

static int council_add(struct cli *cli, struct db *db, int argc, char **argv)
{
	struct clerk_err err = {0};
	struct council c = {.kind = COUNCIL_PRINCIPAL};
	bool nation_given = false;
	enum clerk_status rc = apply_opts(argc, argv, &c, &nation_given, &err);
	if (!rc && optind != argc - 1)
		rc = clerk_fail(&err, CLERK_USAGE, "usage");
	if (!rc) {
		if (!c.name)
			set_str(&c.name, argv[optind]);
		if (!nation_given)
			c.nation = council_default_nation(c.kind);
		rc = council_create(db, &c, &err);
	}
	int code = rc ? report(cli, rc, &err) : 0;
	if (!rc)
		print_council(cli, "Added ", &c);
	council_free(&c);
	return code;
}

static int council_edit(struct cli *cli, struct db *db, int argc, char **argv)
{
	struct clerk_err err = {0};
	struct council c = {0};
	bool nation_given = false;
	if (argc < 2 || argv[1][0] == '-')
		return cli_usage(cli, COUNCIL_USAGE);
	enum clerk_status rc = council_find(db, argv[1], &c, &err);
	enum council_kind was = c.kind;
	if (!rc)
		rc = apply_opts(argc - 1, argv + 1, &c, &nation_given, &err);
	if (!rc && optind != argc - 1)
		rc = clerk_fail(&err, CLERK_USAGE, "usage");
	/* A new kind brings its nation unless one was given. */
	if (!rc && c.kind != was && !nation_given)
		c.nation = council_default_nation(c.kind);
	if (!rc)
		rc = council_update(db, &c, &err);
	int code = rc ? report(cli, rc, &err) : 0;
	if (!rc)
		print_council(cli, "Changed ", &c);
	council_free(&c);
	return code;
}

static int council_list(struct cli *cli, struct db *db, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage(cli, COUNCIL_USAGE);
	struct clerk_err err = {0};
	struct council_list l;
	enum clerk_status rc = council_list_all(db, &l, &err);
	if (rc)
		return cli_report(cli, &err);
	for (size_t i = 0; i < l.n; i++)
		print_council(cli, "", &l.v[i]);
	if (!l.n)
		cli_say(cli, "No councils yet: add one with 'clerk council add "
			     "NAME --kind KIND'.\n");
	council_list_free(&l);
	return 0;
}

int cmd_council(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(cli, COUNCIL_USAGE);
	int (*run)(struct cli *, struct db *, int, char **) = NULL;
	enum db_mode mode = DB_CREATE;
	if (strcmp(argv[1], "add") == 0)
		run = council_add;
	else if (strcmp(argv[1], "edit") == 0)
		run = council_edit;
	else if (strcmp(argv[1], "list") == 0)
		run = council_list, mode = DB_READONLY;
	else
		return cli_usage(cli, COUNCIL_USAGE);
	struct db *db;
	int code = cli_open_db(cli, mode, &db);
	if (code)
		return code;
	code = run(cli, db, argc - 1, argv + 1);
	db_close(&db);
	return code;
}
