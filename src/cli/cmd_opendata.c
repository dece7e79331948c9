/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_opendata: `clerk popolo [BODY] [-o FILE]`, `clerk ics BODY
 * [-o FILE]` and `clerk attendance-csv BODY [-o FILE]` — open data out.
 * Without -o the data goes to standard output; with it, the file is
 * replaced whole (written under a temporary name, then renamed).
 */
#include "config.h"

#include <getopt.h>
#include <string.h>

#include "clerk/dataexport.h"
#include "clerk/model.h"
#include "clerk/cli.h"
#include "clerk/lookup_cli.h"

static int run_export(struct cli *cli, int argc, char **argv,
		      dataexport_fn fn, bool body_required, const char *usage)
{
	static const struct option options[] = {
		{"output", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	const char *path = NULL;
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "o:", options, NULL)) != -1) {
		if (opt != 'o')
			return cli_usage(cli, usage);
		path = optarg;
	}
	int npos = argc - optind;
	if (npos > 1 || (body_required && npos != 1))
		return cli_usage(cli, usage);
	/* Read-only, as every look-up: an export never writes the file, and
	 * a damaged page it meets is reported by the read that meets it. */
	struct db *db;
	int code = lookup_cli_open(cli, &db);
	if (code)
		return code;
	struct clerk_err err = {0};
	struct body b = {0};
	enum clerk_status rc = CLERK_OK;
	if (npos == 1)
		rc = body_find(db, argv[optind], &b, &err);
	if (!rc)
		rc = dataexport_write(db, npos == 1 ? b.id : NULL, fn, path,
				      &err);
	if (rc)
		code = cli_report(cli, &err);
	body_free(&b);
	db_close(&db);
	return code;
}

int cmd_popolo(struct cli *cli, int argc, char **argv)
{
	return run_export(cli, argc, argv, dataexport_popolo, false,
			  "popolo [BODY] [-o FILE]");
}

int cmd_ics(struct cli *cli, int argc, char **argv)
{
	return run_export(cli, argc, argv, dataexport_ical, true,
			  "ics BODY [-o FILE]");
}

int cmd_attendance_csv(struct cli *cli, int argc, char **argv)
{
	return run_export(cli, argc, argv, dataexport_attendance_csv, true,
			  "attendance-csv BODY [-o FILE]");
}
