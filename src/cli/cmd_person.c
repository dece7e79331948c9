/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_person: the people of a council's bodies, and what each is.
 *
 *   clerk person add NAME [--kind K] [--organisation O] [--role R]
 *                         [--pronoun P]
 *   clerk person edit PERSON [--name N] [--honorific H] [--kind K]
 *                            [--organisation O] [--role R] [--pronoun P]
 *
 * NAME may start with an honorific ("Cllr Ann Smith": written out as
 * "Councillor").  A person's kind (councillor, co-opted member, officer,
 * partner representative) decides whether the six-month rule applies to
 * them; not given, it follows the honorific (a councillor) or is officer.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/import.h"
#include "prepare.h"

#define PERSON_USAGE                                                        \
	"person add NAME [--kind K] [--organisation O] [--role R] "          \
	"[--pronoun P]\n"                                                    \
	"       clerk person edit PERSON [--name N] [--honorific H] "        \
	"[--kind K]\n"                                                       \
	"            [--organisation O] [--role R] [--pronoun P]"

struct person_opts {
	const char *name, *honorific, *kind, *organisation, *role, *pronoun;
};

static bool parse_person_opts(int argc, char **argv, struct person_opts *o)
{
	static const struct option options[] = {
		{"name", required_argument, NULL, 'n'},
		{"honorific", required_argument, NULL, 'h'},
		{"kind", required_argument, NULL, 'k'},
		{"organisation", required_argument, NULL, 'o'},
		{"role", required_argument, NULL, 'r'},
		{"pronoun", required_argument, NULL, 'p'},
		{NULL, 0, NULL, 0},
	};
	const char **slot[128] = {0};
	slot['n'] = &o->name, slot['h'] = &o->honorific, slot['k'] = &o->kind;
	slot['o'] = &o->organisation, slot['r'] = &o->role;
	slot['p'] = &o->pronoun;
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt > 0 && opt < 128 && slot[opt])
			*slot[opt] = optarg;
		else
			return false;
	}
	return argc - optind == 1;
}

static void replace(char **field, const char *v)
{
	if (!v)
		return;
	free(*field);
	*field = xstrdup(v);
}

/* Apply the options to p (the kind checked first). */
static enum clerk_status apply_opts(struct person *p,
				    const struct person_opts *o,
				    struct clerk_err *err)
{
	if (o->kind) {
		enum clerk_status rc = prep_person_kind(o->kind, &p->kind, err);
		if (rc)
			return rc;
	}
	if (o->name) {
		char *hon, *name;
		import_split_honorific(o->name, &hon, &name);
		replace(&p->name, name);
		if (*hon)
			replace(&p->honorific, hon);
		free(hon);
		free(name);
	}
	replace(&p->honorific, o->honorific);
	replace(&p->organisation, o->organisation);
	replace(&p->role, o->role);
	replace(&p->pronoun, o->pronoun);
	return CLERK_OK;
}

static enum clerk_status person_add(struct db *db, const char *spec,
				    const struct person_opts *o,
				    struct person *p, struct clerk_err *err)
{
	struct person same = {0};
	enum clerk_status rc = prep_person_named(db, spec, &same, err);
	if (!rc && strcasecmp(same.name, p->name ? p->name : "") == 0)
		rc = clerk_fail(err, CLERK_CONFLICT,
				"%s is already recorded: change them with clerk "
				"person edit",
				same.name);
	else
		rc = CLERK_OK;
	person_free(&same);
	if (!rc)
		rc = apply_opts(p, o, err);
	return rc ? rc : person_create(db, p, err);
}

int cmd_person(struct cli *cli, int argc, char **argv)
{
	struct person_opts o = {0};
	if (argc < 2 || (strcmp(argv[1], "add") && strcmp(argv[1], "edit")) ||
	    !parse_person_opts(argc - 1, argv + 1, &o))
		return cli_usage(cli, PERSON_USAGE);
	bool add = strcmp(argv[1], "add") == 0;
	const char *spec = argv[1 + optind];
	if (add && o.name)
		return cli_usage(cli, PERSON_USAGE);
	struct db *db;
	int code = cli_open_db(cli, add ? DB_CREATE : DB_EXISTING, &db);
	if (code)
		return code;
	struct clerk_err err = {0};
	struct person p = {0};
	enum clerk_status rc;
	if (add) {
		import_split_honorific(spec, &p.honorific, &p.name);
		rc = person_add(db, spec, &o, &p, &err);
	} else {
		rc = prep_person_named(db, spec, &p, &err);
		if (!rc)
			rc = apply_opts(&p, &o, &err);
		if (!rc)
			rc = person_update(db, &p, &err);
	}
	if (rc) {
		code = cli_report(cli, &err);
	} else {
		char *who = person_display_name(&p);
		const char *org = p.organisation ? p.organisation : "";
		cli_say(cli, "%s %s: %s%s%s.\n", add ? "Added" : "Saved", who,
			person_kind_text(p.kind), *org ? ", " : "", org);
		free(who);
	}
	person_free(&p);
	db_close(&db);
	return code;
}
