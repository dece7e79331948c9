/*
 * cli/cmd_demo: `clerk [--db FILE] demo` builds the demo board (the
 * Hampshire Health and Wellbeing Board, from the .board files of
 * share/demo) into the database, replacing it whole and safely (see
 * demo_build).
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/demo.h"

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {{NULL, 0, NULL, 0}};
	int opt;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		fprintf(cli->err, "clerk: demo: unknown option '%s'\n",
			argv[optind - 1]);
		return cli_usage(cli, "[--db FILE] demo");
	}
	if (optind < argc) {
		fprintf(cli->err, "clerk: demo: unexpected argument '%s'\n",
			argv[optind]);
		return cli_usage(cli, "[--db FILE] demo");
	}
	struct clerk_err err = {0};
	struct demo_summary sum = {0};
	if (demo_build(cli->db_path, NULL, &sum, &err))
		return cli_report(cli, &err);
	char *path = utf8_sanitize(cli->db_path);
	fprintf(cli->out,
		"Built the demo board in %s: %d council, %d body, %d seats, "
		"%d people, %d meetings (%d agenda items, %d attendance "
		"records).\n"
		"Try: clerk --db %s meetings\n",
		path, sum.councils, sum.bodies, sum.seats, sum.people,
		sum.meetings, sum.items, sum.attendance, path);
	free(path);
	return 0;
}
