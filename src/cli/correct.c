/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/correct: putting right a body's membership table — `clerk seat edit
 * BODY SEAT ...`, `clerk seat delete BODY SEAT`, `clerk member end BODY
 * PERSON --last-day DATE`, `clerk member delete BODY PERSON` and `clerk
 * substitute delete BODY PERSON`.  Ending a term keeps its history; a
 * delete removes a record made by mistake and is refused once a meeting
 * recorded attendance that depends on it.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/import.h"
#include "prepare.h"

/* Someone already recorded, named as a clerk types them ("Cllr Jo
 * Bruce"): the exact name, else the one person whose name holds it. */
static enum clerk_status existing_person(struct db *db, const char *full,
					 struct person *out,
					 struct clerk_err *err)
{
	char *hon, *name;
	import_split_honorific(full, &hon, &name);
	memset(out, 0, sizeof *out);
	struct person_list l = {0};
	enum clerk_status rc = person_search(db, name, &l, err);
	size_t hit = l.n;
	for (size_t i = 0; !rc && i < l.n && hit == l.n; i++)
		if (strcasecmp(l.v[i].name, name) == 0)
			hit = i;
	if (!rc && hit == l.n && l.n == 1)
		hit = 0;
	if (!rc && hit == l.n && l.n)
		rc = clerk_fail(err, CLERK_AMBIGUOUS,
				"\"%s\" matches %zu people: give the whole name",
				name, l.n);
	else if (!rc && hit == l.n)
		rc = clerk_fail(err, CLERK_NOT_FOUND, "nobody is called \"%s\"",
				name);
	if (!rc) {
		*out = l.v[hit];
		memset(&l.v[hit], 0, sizeof *l.v);
	}
	person_list_free(&l);
	free(hon);
	free(name);
	return rc;
}

static int finish(struct cli *cli, enum clerk_status rc,
		  const struct clerk_err *err, const char *usage)
{
	if (rc == CLERK_USAGE && strcmp(err->msg, "usage") == 0)
		return cli_usage(cli, usage);
	return rc ? cli_report(cli, err) : 0;
}

/* ---------------------------------------------------------------- seats */

#define SEAT_EDIT_USAGE                                                     \
	"seat edit BODY SEAT [--label L] [--voting | --non-voting]\n"       \
	"            [--from DATE] [--to DATE]   ('' clears a date)\n"      \
	"       clerk seat delete BODY SEAT"

static enum clerk_status seat_opts(int argc, char **argv, struct seat *s,
				   struct clerk_err *err)
{
	static const struct option options[] = {
		{"label", required_argument, NULL, 'l'},
		{"voting", no_argument, NULL, 'v'},
		{"non-voting", no_argument, NULL, 'n'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		char **field = opt == 'l' ? &s->label
			     : opt == 'f' ? &s->from
			     : opt == 't' ? &s->to
					  : NULL;
		if (field) {
			if (opt != 'l' && *optarg &&
			    prep_date(optarg, opt == 'f' ? "--from" : "--to", err))
				return CLERK_USAGE;
			free(*field);
			*field = xstrdup(optarg);
		} else if (opt == 'v' || opt == 'n') {
			s->voting = opt == 'v';
		} else {
			return clerk_fail(err, CLERK_USAGE, "usage");
		}
	}
	return argc - optind == 2 ? CLERK_OK
				  : clerk_fail(err, CLERK_USAGE, "usage");
}

int cli_seat_correct(struct cli *cli, int argc, char **argv)
{
	bool del = strcmp(argv[1], "delete") == 0;
	if (!del && strcmp(argv[1], "edit") != 0)
		return cli_usage(cli, SEAT_EDIT_USAGE);
	if (argc < 4)
		return cli_usage(cli, SEAT_EDIT_USAGE);
	struct db *db;
	int code = cli_open_db(cli, DB_EXISTING, &db);
	if (code)
		return code;
	struct clerk_err err = {0};
	struct body b = {0};
	struct seat s = {0};
	clerk_id seat_id;
	enum clerk_status rc = body_find(db, argv[2], &b, &err);
	if (!rc)
		rc = prep_seat(db, b.id, argv[3], NULL, seat_id, &err);
	if (!rc)
		rc = seat_get(db, seat_id, &s, &err);
	if (!rc && del)
		rc = argc == 4 ? seat_delete(db, seat_id, &err)
			       : clerk_fail(&err, CLERK_USAGE, "usage");
	else if (!rc && !(rc = seat_opts(argc - 1, argv + 1, &s, &err)))
		rc = seat_update(db, &s, &err);
	code = finish(cli, rc, &err, SEAT_EDIT_USAGE);
	if (!rc)
		cli_say(cli, "%s seat %d of %s: %s%s.\n",
			del ? "Deleted" : "Changed", s.position, b.name, s.label,
			s.voting ? "" : " (non-voting)");
	seat_free(&s);
	body_free(&b);
	db_close(&db);
	return code;
}

/* --------------------------------------------------- members, substitutes */

#define MEMBER_EDIT_USAGE                                  \
	"member end BODY PERSON --last-day DATE\n"         \
	"       clerk member delete BODY PERSON"
#define SUB_EDIT_USAGE "substitute delete BODY PERSON"

/* `member end|delete` and `substitute delete`: one person on one body. */
static int person_on_body(struct cli *cli, int argc, char **argv,
			  bool substitute, const char *usage)
{
	static const struct option options[] = {
		{"last-day", required_argument, NULL, 'l'},
		{NULL, 0, NULL, 0},
	};
	bool end = strcmp(argv[1], "end") == 0;
	const char *last = NULL;
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1)
		if (opt == 'l' && end)
			last = optarg;
		else
			return cli_usage(cli, usage);
	if (argc - 1 - optind != 2 || (end && !last))
		return cli_usage(cli, usage);
	const char *body_name = argv[1 + optind], *who = argv[2 + optind];
	struct clerk_err err = {0};
	if (last && prep_date(last, "--last-day", &err))
		return cli_report(cli, &err);
	struct db *db;
	int code = cli_open_db(cli, DB_EXISTING, &db);
	if (code)
		return code;
	struct body b = {0};
	struct person p = {0};
	int n = 0;
	enum clerk_status rc = body_find(db, body_name, &b, &err);
	if (!rc)
		rc = existing_person(db, who, &p, &err);
	if (!rc && end)
		rc = membership_end_person(db, b.id, p.id, last, &n, &err);
	else if (!rc)
		rc = membership_delete_person(db, b.id, p.id, substitute, &n,
					      &err);
	code = finish(cli, rc, &err, usage);
	if (!rc) {
		char *name = person_display_name(&p);
		if (end)
			cli_say(cli, "%s serves on %s until %s (%d term%s "
				     "ended).\n",
				name, b.name, last, n, n == 1 ? "" : "s");
		else
			cli_say(cli, "Deleted %d %s record%s of %s on %s.\n", n,
				substitute ? "substitute" : "membership",
				n == 1 ? "" : "s", name, b.name);
		free(name);
	}
	person_free(&p);
	body_free(&b);
	db_close(&db);
	return code;
}

int cli_member_correct(struct cli *cli, int argc, char **argv)
{
	if (strcmp(argv[1], "end") && strcmp(argv[1], "delete"))
		return cli_usage(cli, MEMBER_EDIT_USAGE);
	return person_on_body(cli, argc, argv, false, MEMBER_EDIT_USAGE);
}

int cli_substitute_correct(struct cli *cli, int argc, char **argv)
{
	if (strcmp(argv[1], "delete"))
		return cli_usage(cli, SUB_EDIT_USAGE);
	return person_on_body(cli, argc, argv, true, SUB_EDIT_USAGE);
}
