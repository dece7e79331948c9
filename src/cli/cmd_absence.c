/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_absence: `clerk absence approve PERSON --until DATE --reason TEXT
 * --at MEETING [--body NAME]` — record that the authority, at a meeting it
 * held, approved a councillor's reason for not attending until a last day
 * (Local Government Act 1972 s.85(1)); `clerk attendance` then counts the
 * six months with it.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "prepare.h"

#define ABSENCE_USAGE                                                       \
	"absence approve PERSON --until DATE --reason TEXT --at MEETING "    \
	"[--body NAME]"

struct absence_opts {
	const char *until, *reason, *at, *body;
};

static bool parse_absence_opts(int argc, char **argv, struct absence_opts *o)
{
	static const struct option options[] = {
		{"until", required_argument, NULL, 'u'},
		{"reason", required_argument, NULL, 'r'},
		{"at", required_argument, NULL, 'a'},
		{"body", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'u': o->until = optarg; break;
		case 'r': o->reason = optarg; break;
		case 'a': o->at = optarg; break;
		case 'b': o->body = optarg; break;
		default: return false;
		}
	}
	return argc - optind == 1 && o->until && o->reason && o->at;
}

int cmd_absence(struct cli *cli, int argc, char **argv)
{
	struct absence_opts o = {0};
	if (argc < 2 || strcmp(argv[1], "approve") != 0 ||
	    !parse_absence_opts(argc - 1, argv + 1, &o))
		return cli_usage(cli, ABSENCE_USAGE);
	const char *spec = argv[1 + optind];
	struct clerk_err err = {0};
	if (prep_date(o.until, "--until", &err))
		return cli_report(cli, &err);
	struct db *db;
	int code = cli_open_db(cli, DB_EXISTING, &db);
	if (code)
		return code;
	struct person p = {0};
	struct meeting m = {0};
	struct absence_approval a = {0};
	enum clerk_status rc = prep_person_named(db, spec, &p, &err);
	if (!rc)
		rc = meeting_find(db, o.at, o.body, &m, &err);
	if (!rc) {
		memcpy(a.person_id, p.id, sizeof a.person_id);
		memcpy(a.approved_at, m.id, sizeof a.approved_at);
		a.until = xstrdup(o.until);
		a.reason = xstrdup(o.reason);
		rc = absence_approve(db, &a, &err);
	}
	if (rc) {
		code = cli_report(cli, &err);
	} else {
		char *who = person_display_name(&p);
		cli_say(cli, "Recorded: the authority approved the absence of %s "
			     "until %s (%s), at its meeting of %s.\n",
			who, o.until, o.reason, o.at);
		free(who);
	}
	absence_approval_free(&a);
	meeting_free(&m);
	person_free(&p);
	db_close(&db);
	return code;
}
