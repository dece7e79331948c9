/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_seat: `clerk seat add BODY LABEL [--non-voting] [--from DATE]
 * [--to DATE]` — a place on a body, usually held for an organisation or a
 * role, added after the others; --from and --to give the first and last day
 * it exists (a seat created or replaced part-way through a year).
 */
#include "config.h"

#include <getopt.h>
#include <string.h>

#include "prepare.h"

#define SEAT_USAGE \
	"seat add BODY LABEL [--non-voting] [--from DATE] [--to DATE]"

int cmd_seat(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") != 0)
		return cli_seat_correct(cli, argc, argv);
	static const struct option options[] = {
		{"non-voting", no_argument, NULL, 'n'},
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return cli_usage(cli, SEAT_USAGE);
	bool voting = true;
	const char *from = NULL, *to = NULL;
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		if (opt == 'n')
			voting = false;
		else if (opt == 'f')
			from = optarg;
		else if (opt == 't')
			to = optarg;
		else
			return cli_usage(cli, SEAT_USAGE);
	}
	if (argc - 1 - optind != 2)
		return cli_usage(cli, SEAT_USAGE);
	const char *body_name = argv[1 + optind], *label = argv[2 + optind];
	struct db *db;
	int code = cli_open_db(cli, DB_CREATE, &db);
	if (code)
		return code;
	struct clerk_err err = {0};
	struct body b = {0};
	struct seat s = {0};
	enum clerk_status rc = body_find(db, body_name, &b, &err);
	if (!rc) {
		snprintf(s.body_id, sizeof s.body_id, "%s", b.id);
		s.position = 0; /* after the body's last seat, ended ones too */
		s.label = xstrdup(label);
		s.voting = voting;
		s.vacancy_note = xstrdup("");
		s.from = xstrdup(from ? from : "");
		s.to = xstrdup(to ? to : "");
		rc = seat_create(db, &s, &err);
	}
	if (rc)
		code = cli_report(cli, &err);
	else
		cli_say(cli, "Added seat %d of %s: %s%s.\n", s.position,
			b.name, label, voting ? "" : " (non-voting)");
	seat_free(&s);
	body_free(&b);
	db_close(&db);
	return code;
}
