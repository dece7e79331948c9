/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_substitute: `clerk substitute add BODY SEAT PERSON [--capacity
 * TEXT] [--from DATE] [--to DATE]` — a nominated substitute of a seat.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "prepare.h"

#define SUB_USAGE                                                      \
	"substitute add BODY SEAT PERSON [--capacity TEXT] [--from DATE]\n" \
	"            [--to DATE]"

int cmd_substitute(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") != 0)
		return cli_substitute_correct(cli, argc, argv);
	static const struct option options[] = {
		{"capacity", required_argument, NULL, 'c'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	const char *capacity = "", *from = NULL, *to = NULL;
	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return cli_usage(cli, SUB_USAGE);
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		if (opt == 'c')
			capacity = optarg;
		else if (opt == 'f')
			from = optarg;
		else if (opt == 't')
			to = optarg;
		else
			return cli_usage(cli, SUB_USAGE);
	}
	if (argc - 1 - optind != 3)
		return cli_usage(cli, SUB_USAGE);
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
	enum clerk_status rc = prep_date(from, "--from", &err);
	if (!rc)
		rc = prep_date(to, "--to", &err);
	if (!rc)
		rc = body_find(db, pos[0], &b, &err);
	if (!rc && !b.substitutes_allowed)
		rc = clerk_fail(&err, CLERK_INVALID,
				"%s allows no substitutes (clerk body edit "
				"--substitutes yes)",
				b.name);
	if (!rc && !from) {
		time_format_local(clock_now(), b.tz, "%Y-%m-%d", today,
				  sizeof today);
		from = today;
	}
	if (!rc)
		rc = prep_seat(db, b.id, pos[1], from, seat, &err);
	if (!rc)
		rc = prep_person(db, pos[2], &p, &created, &err);
	if (!rc)
		rc = substitute_add(db, seat, p.id, capacity, from, to, &err);
	if (rc) {
		code = cli_report(cli, &err);
	} else {
		char *who = person_display_name(&p);
		cli_say(cli,
			"%s%s is a nominated substitute for seat %s of %s from "
			"%s.\n",
			who, created ? " (new)" : "", pos[1], b.name, from);
		free(who);
	}
	person_free(&p);
	body_free(&b);
	db_close(&db);
	return code;
}
