/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_meeting: `clerk meeting add BODY DATE TIME [--venue V]` — a new
 * meeting, with the body's standard opening and closing items already on
 * its agenda (apologies, declarations, minutes ... any other business, date
 * of next meeting), each planned for five minutes from the start.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/import.h"
#include "prepare.h"

#define MEETING_USAGE "meeting add BODY DATE TIME [--venue V]"

/* Minutes planned for each standard item. */
#define STANDARD_MINUTES 5

/* Add the body's standard items ("kind|title" lines) to the meeting. */
static enum clerk_status add_standard_items(struct db *db,
					    const struct body *b,
					    const struct meeting *m,
					    int *added, struct clerk_err *err)
{
	/* A body made by an import has no list of its own: the usual one. */
	char *list = xstrdup(b->standard_items && *b->standard_items
				     ? b->standard_items
				     : prep_default_standard_items);
	char *save = NULL;
	enum clerk_status rc = CLERK_OK;
	*added = 0;
	for (char *line = strtok_r(list, "\n", &save); line && !rc;
	     line = strtok_r(NULL, "\n", &save)) {
		char *bar = strchr(line, '|');
		struct agenda_item it = {0};
		if (bar) {
			*bar = '\0';
			if (!item_kind_parse(line, &it.kind))
				it.kind = ITEM_ORDINARY;
		}
		snprintf(it.meeting_id, sizeof it.meeting_id, "%s", m->id);
		char num[16];
		snprintf(num, sizeof num, "%d", *added + 1);
		it.number = xstrdup(num);
		it.title = xstrdup(bar ? bar + 1 : line);
		it.planned_minutes = STANDARD_MINUTES;
		rc = item_create(db, &it, err);
		*added += !rc;
		item_free(&it);
	}
	free(list);
	return rc ? rc : prep_replan(db, m, err);
}

int cmd_meeting(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"venue", required_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	const char *venue = "";
	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return cli_usage(cli, MEETING_USAGE);
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc - 1, argv + 1, "", options, NULL)) != -1) {
		if (opt != 'v')
			return cli_usage(cli, MEETING_USAGE);
		venue = optarg;
	}
	if (argc - 1 - optind != 3)
		return cli_usage(cli, MEETING_USAGE);
	char **pos = argv + 1 + optind;
	struct clerk_err err = {0};
	int y, mo, d, h, mi;
	if (!date_parse(pos[1], &y, &mo, &d)) {
		clerk_fail(&err, CLERK_USAGE, "\"%s\" is not a date (YYYY-MM-DD)",
			   pos[1]);
		return cli_report(cli, &err);
	}
	if (!import_parse_clock(pos[2], &h, &mi)) {
		clerk_fail(&err, CLERK_USAGE,
			   "\"%s\" is not a time of day (10:00, 10.00 am, 2.30pm)",
			   pos[2]);
		return cli_report(cli, &err);
	}
	struct db *db;
	int code = cli_open_db(cli, DB_CREATE, &db);
	if (code)
		return code;
	struct body b = {0};
	struct meeting m = {.public_present = -1};
	int added = 0;
	enum clerk_status rc = body_find(db, pos[0], &b, &err);
	if (!rc) {
		snprintf(m.body_id, sizeof m.body_id, "%s", b.id);
		m.starts_at = time_from_local(b.tz, y, mo, d, h, mi);
		m.venue = xstrdup(venue);
		rc = meeting_create(db, &m, &err);
	}
	if (!rc)
		rc = add_standard_items(db, &b, &m, &added, &err);
	if (rc) {
		code = cli_report(cli, &err);
	} else {
		char when[64];
		time_format_local(m.starts_at, b.tz, "%A %-d %B %Y at %H:%M",
				  when, sizeof when);
		cli_say(cli, "Added a meeting of %s on %s%s%s, with %d "
				  "standard item%s.\n",
			b.name, when, *venue ? " at " : "", venue, added,
			added == 1 ? "" : "s");
	}
	meeting_free(&m);
	body_free(&b);
	db_close(&db);
	return code;
}
