/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_member: `clerk member add BODY SEAT PERSON [--role R]
 * [--capacity TEXT] [--from DATE] [--to DATE] [--kind K]` — who holds a
 * seat, and when.  The person is created when nobody has that name yet;
 * --kind records what they are (councillor, co-opted member, officer,
 * partner representative).
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "prepare.h"

#define MEMBER_USAGE                                                      \
	"member add BODY SEAT PERSON [--role chairman|vice-chairman|member]\n" \
	"            [--capacity TEXT] [--from DATE] [--to DATE] [--kind K]"

struct member_opts {
	enum member_role role;
	const char *capacity, *from, *to, *kind;
};

static bool parse_member_opts(int argc, char **argv, struct member_opts *o)
{
	static const struct option options[] = {
		{"role", required_argument, NULL, 'r'},
		{"capacity", required_argument, NULL, 'c'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"kind", required_argument, NULL, 'k'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'r':
			if (!member_role_parse(optarg, &o->role))
				return false;
			break;
		case 'c':
			o->capacity = optarg;
			break;
		case 'f':
			o->from = optarg;
			break;
		case 't':
			o->to = optarg;
			break;
		case 'k':
			o->kind = optarg;
			break;
		default:
			return false;
		}
	}
	return argc - optind == 3;
}

int cmd_member(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") != 0)
		return cli_member_correct(cli, argc, argv);
	struct member_opts o = {.role = ROLE_MEMBER, .capacity = ""};
	if (argc < 2 || strcmp(argv[1], "add") != 0 ||
	    !parse_member_opts(argc - 1, argv + 1, &o))
		return cli_usage(cli, MEMBER_USAGE);
	char **pos = argv + 1 + optind;
	struct db *db;
	int code = cli_open_db(cli, DB_CREATE, &db);
	if (code)
		return code;
	struct clerk_err err = {0};
	struct body b = {0};
	struct person p = {0};
	clerk_id seat;
	bool created = false;
	char today[11];
	enum clerk_status rc = prep_date(o.from, "--from", &err);
	if (!rc)
		rc = prep_date(o.to, "--to", &err);
	if (!rc)
		rc = body_find(db, pos[0], &b, &err);
	if (!rc && !o.from) {
		time_format_local(clock_now(), b.tz, "%Y-%m-%d", today,
				  sizeof today);
		o.from = today;
	}
	if (!rc)
		rc = prep_seat(db, b.id, pos[1], o.from, seat, &err);
	enum person_kind kind = PERSON_UNSTATED;
	if (!rc && o.kind)
		rc = prep_person_kind(o.kind, &kind, &err);
	if (!rc)
		rc = prep_person(db, pos[2], &p, &created, &err);
	/* A new member who is not a councillor sits as a co-opted member
	 * unless said otherwise. */
	if (!rc && kind == PERSON_UNSTATED && created &&
	    p.kind != PERSON_COUNCILLOR)
		kind = PERSON_COOPTED;
	if (!rc && kind != PERSON_UNSTATED && kind != p.kind) {
		p.kind = kind;
		rc = person_update(db, &p, &err);
	}
	if (!rc)
		rc = membership_add(db, seat, p.id, o.role, o.capacity, o.from,
				    o.to, &err);
	if (rc) {
		code = cli_report(cli, &err);
	} else {
		char *who = person_display_name(&p);
		cli_say(cli, "%s%s holds seat %s of %s as %s from %s%s%s.\n",
			who, created ? " (new)" : "", pos[1], b.name,
			member_role_text(o.role), o.from, o.to ? " to " : "",
			o.to ? o.to : "");
		free(who);
	}
	person_free(&p);
	body_free(&b);
	db_close(&db);
	return code;
}
