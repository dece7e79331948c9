/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_meetings: `clerk meetings [--body NAME]` lists meetings, oldest
 * first, one a line: local date and time, body, status, state of the
 * minutes, venue.  Columns are separated by two spaces and padded by display
 * width, so names with accents line up.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/model.h"

static const char meetings_usage[] = "meetings [--body NAME]";

/* Write s (sanitised for the terminal) padded to cols display columns. */
static void put_cell(FILE *out, const char *s, int cols)
{
	char *safe = utf8_sanitize(s);
	int w = utf8_width(safe);
	fputs(safe, out);
	for (; w < cols; w++)
		fputc(' ', out);
	free(safe);
}

/* The name a body is listed by: its short name, else its name. */
static const char *body_label(const struct body *b)
{
	return b->short_name && *b->short_name ? b->short_name : b->name;
}

static const struct body *body_of(const struct body_list *bodies,
				  const char *id)
{
	for (size_t i = 0; i < bodies->n; i++)
		if (strcmp(bodies->v[i].id, id) == 0)
			return &bodies->v[i];
	return NULL;
}

static void print_meetings(struct cli *cli, const struct meeting_list *ml,
			   const struct body_list *bodies)
{
	int bw = 4;
	for (size_t i = 0; i < ml->n; i++) {
		const struct body *b = body_of(bodies, ml->v[i].body_id);
		if (b && utf8_width(body_label(b)) > bw)
			bw = utf8_width(body_label(b));
	}
	fputs("DATE        TIME   ", cli->out);
	put_cell(cli->out, "BODY", bw + 2);
	fputs("STATUS       MINUTES    VENUE\n", cli->out);
	for (size_t i = 0; i < ml->n; i++) {
		const struct meeting *m = &ml->v[i];
		const struct body *b = body_of(bodies, m->body_id);
		const char *tz = b && b->tz && *b->tz ? b->tz : CLERK_DEFAULT_TZ;
		char when[32];
		time_format_local(m->starts_at, tz, "%Y-%m-%d  %H:%M", when,
				  sizeof when);
		fprintf(cli->out, "%s  ", when);
		put_cell(cli->out, b ? body_label(b) : "?", bw + 2);
		put_cell(cli->out, meeting_status_text(m->status), 13);
		bool venue = m->venue && *m->venue;
		put_cell(cli->out, minutes_state_text(m->minutes_state),
			 venue ? 11 : 0);
		if (venue)
			put_cell(cli->out, m->venue, 0);
		fputc('\n', cli->out);
	}
}

int cmd_meetings(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	const char *body_name = NULL;
	int opt;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+b:", options, NULL)) != -1) {
		if (opt == 'b') {
			body_name = optarg;
			continue;
		}
		if (optopt == 'b')
			fprintf(cli->err, "clerk: meetings: --body needs a NAME\n");
		else
			fprintf(cli->err, "clerk: meetings: unknown option '%s'\n",
				argv[optind - 1]);
		return cli_usage(cli, meetings_usage);
	}
	if (optind < argc) {
		fprintf(cli->err, "clerk: meetings: unexpected argument '%s'\n",
			argv[optind]);
		return cli_usage(cli, meetings_usage);
	}
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_READONLY, &db);
	if (rc)
		return rc;
	struct clerk_err err = {0};
	struct body only = {0};
	struct body_list bodies = {0};
	struct meeting_list ml = {0};
	enum clerk_status st = CLERK_OK;
	/* With --body, every line is of that body: the others are not read. */
	if ((body_name && (st = body_find(db, body_name, &only, &err))) ||
	    (!body_name && (st = body_list_all(db, &bodies, &err)) &&
	     clerk_fail_reading(&err, st, "the bodies")) ||
	    ((st = meeting_list(db, body_name ? only.id : NULL, &ml, &err)) &&
	     clerk_fail_reading(&err, st, "the meetings"))) {
		rc = cli_report(cli, &err);
	} else if (ml.n == 0) {
		char *name = utf8_sanitize(body_name ? only.name : "");
		fprintf(cli->err, "clerk: no meetings%s%s\n",
			body_name ? " of the " : "", name);
		free(name);
		rc = 1;
	} else {
		struct body_list one = {.v = &only, .n = 1};
		print_meetings(cli, &ml, body_name ? &one : &bodies);
	}
	meeting_list_free(&ml);
	body_list_free(&bodies);
	body_free(&only);
	db_close(&db);
	return rc;
}
