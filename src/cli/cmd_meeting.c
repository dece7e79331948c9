/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_meeting: the meetings of a body, as they are arranged and change.
 *
 *   clerk meeting add BODY DATE TIME [--venue V]
 *   clerk meeting edit MEETING [--body B] [--date D] [--time T] [--venue V]
 *   clerk meeting cancel MEETING [--body B] --reason TEXT
 *   clerk meeting postpone MEETING [--body B] [--reason TEXT]
 *   clerk meeting delete MEETING [--body B]
 *
 * A new meeting has the body's standard opening and closing items already
 * on its agenda (apologies, declarations, minutes ... any other business,
 * date of next meeting), each planned for five minutes from the start; an
 * edit of its date or time moves the agenda's planned times with it.  A
 * meeting called off (cancelled or postponed) keeps its agenda but is never
 * run nor counted for attendance; only a meeting with nothing recorded can
 * be deleted.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/import.h"
#include "prepare.h"

#define MEETING_USAGE                                                       \
	"meeting add BODY DATE TIME [--venue V]\n"                          \
	"       clerk meeting edit MEETING [--body B] [--date YYYY-MM-DD]\n"  \
	"            [--time HH:MM] [--venue V]\n"                           \
	"       clerk meeting cancel MEETING [--body B] --reason TEXT\n"      \
	"       clerk meeting postpone MEETING [--body B] [--reason TEXT]\n"  \
	"       clerk meeting delete MEETING [--body B]"

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

static int meeting_add(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"venue", required_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	const char *venue = "";
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
	if (!rc && b.ended)
		rc = clerk_fail(&err, CLERK_INVALID,
				"the %s has ended%s%s%s: a body the council has "
				"wound up holds no new meetings, and its record "
				"is kept ('clerk body end \"%s\" --not' if it "
				"was marked ended by mistake)",
				b.name, *b.ended_reason ? " (" : "",
				b.ended_reason, *b.ended_reason ? ")" : "",
				*b.short_name ? b.short_name : b.name);
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

/* ------------------------------------------- edit, call off, delete */

struct change_opts {
	const char *body, *date, *time, *venue, *reason;
	bool has_reason;
};

/* Options of edit/cancel/postpone/delete; argv[0] is the verb; the one
 * positional argument (MEETING) is left in *meeting. */
static bool parse_change_opts(int argc, char **argv, struct change_opts *o,
			      const char **meeting)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, 'b'},
		{"date", required_argument, NULL, 'D'},
		{"time", required_argument, NULL, 'T'},
		{"venue", required_argument, NULL, 'v'},
		{"reason", required_argument, NULL, 'r'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'b': o->body = optarg; break;
		case 'D': o->date = optarg; break;
		case 'T': o->time = optarg; break;
		case 'v': o->venue = optarg; break;
		case 'r':
			o->reason = optarg;
			o->has_reason = true;
			break;
		default: return false;
		}
	}
	if (argc - optind != 1)
		return false;
	*meeting = argv[optind];
	return true;
}

/* "Health and Wellbeing Board on Thursday 5 October 2017 at 10:00". */
static char *meeting_words(const struct body *b, time_t at)
{
	char when[64];
	time_format_local(at, b->tz, "%A %-d %B %Y at %H:%M", when, sizeof when);
	return xasprintf("%s on %s", b->name, when);
}

/* The new start of an edited meeting: its local date and time, each
 * replaced when given. */
static enum clerk_status new_start(const struct body *b, const struct meeting *m,
				   const struct change_opts *o, time_t *out,
				   struct clerk_err *err)
{
	char date[16], clock[8];
	time_format_local(m->starts_at, b->tz, "%Y-%m-%d", date, sizeof date);
	time_format_local(m->starts_at, b->tz, "%H:%M", clock, sizeof clock);
	int y, mo, d, h, mi;
	if (!date_parse(o->date ? o->date : date, &y, &mo, &d))
		return clerk_fail(err, CLERK_USAGE,
				  "\"%s\" is not a date (YYYY-MM-DD)", o->date);
	if (!import_parse_clock(o->time ? o->time : clock, &h, &mi))
		return clerk_fail(err, CLERK_USAGE,
				  "\"%s\" is not a time of day (10:00, 10.00 "
				  "am, 2.30pm)",
				  o->time);
	*out = time_from_local(b->tz, y, mo, d, h, mi);
	return CLERK_OK;
}

/* Date, time and venue, with the agenda's planned times, in one
 * transaction. */
static enum clerk_status edit_meeting(struct db *db, const struct body *b,
				      struct meeting *m,
				      const struct change_opts *o,
				      struct clerk_err *err)
{
	time_t start = 0;
	enum clerk_status rc = new_start(b, m, o, &start, err);
	if (rc || (rc = db_begin(db, err)))
		return rc;
	m->starts_at = start;
	if (o->venue) {
		free(m->venue);
		m->venue = xstrdup(o->venue);
	}
	if ((rc = meeting_update(db, m, err)) || (rc = prep_replan(db, m, err))) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

static enum clerk_status change_meeting(struct cli *cli, struct db *db,
					const char *verb, const char *name,
					const struct change_opts *o,
					struct clerk_err *err)
{
	struct meeting m = {0};
	struct body b = {0};
	enum clerk_status rc = meeting_find(db, name, o->body, &m, err);
	if (!rc)
		rc = body_get(db, m.body_id, &b, err);
	if (rc)
		goto out;
	char *was = meeting_words(&b, m.starts_at);
	if (strcmp(verb, "edit") == 0) {
		rc = edit_meeting(db, &b, &m, o, err);
		if (!rc) {
			char now[64];
			time_format_local(m.starts_at, b.tz,
					  "%A %-d %B %Y at %H:%M", now,
					  sizeof now);
			cli_say(cli, "The meeting of %s is now on %s%s%s.\n",
				was, now, *m.venue ? ", venue " : "", m.venue);
		}
	} else if (strcmp(verb, "delete") == 0) {
		rc = meeting_delete(db, m.id, err);
		if (!rc)
			cli_say(cli, "Deleted the meeting of %s, with its "
				     "agenda.\n", was);
	} else {
		enum meeting_status to = strcmp(verb, "cancel") == 0
						 ? MEETING_CANCELLED
						 : MEETING_POSTPONED;
		rc = meeting_call_off(db, m.id, to, o->reason, err);
		if (!rc)
			cli_say(cli, "The meeting of %s is %s%s%s.\n", was,
				meeting_status_text(to),
				o->reason && *o->reason ? ": " : "",
				o->reason ? o->reason : "");
	}
	free(was);
out:
	meeting_free(&m);
	body_free(&b);
	return rc;
}

static int meeting_change(struct cli *cli, int argc, char **argv)
{
	struct change_opts o = {0};
	const char *name = NULL, *verb = argv[0];
	bool edit = strcmp(verb, "edit") == 0;
	if (!parse_change_opts(argc, argv, &o, &name))
		return cli_usage(cli, MEETING_USAGE);
	bool call_off = !edit && strcmp(verb, "delete") != 0;
	/* Each verb takes only its own options. */
	if ((!edit && (o.date || o.time || o.venue)) ||
	    (!call_off && o.has_reason))
		return cli_usage(cli, MEETING_USAGE);
	struct clerk_err err = {0};
	if (edit && !o.date && !o.time && !o.venue) {
		clerk_fail(&err, CLERK_USAGE,
			   "nothing to change: give --date, --time or --venue");
		return cli_report(cli, &err);
	}
	if (strcmp(verb, "cancel") == 0 &&
	    (!o.reason || !*o.reason)) {
		clerk_fail(&err, CLERK_USAGE,
			   "a cancellation is minuted with its reason: give "
			   "--reason TEXT");
		return cli_report(cli, &err);
	}
	struct db *db;
	int code = cli_open_db(cli, DB_EXISTING, &db);
	if (code)
		return code;
	if (change_meeting(cli, db, verb, name, &o, &err))
		code = cli_report(cli, &err);
	db_close(&db);
	return code;
}

int cmd_meeting(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(cli, MEETING_USAGE);
	const char *verb = argv[1];
	if (strcmp(verb, "add") == 0)
		return meeting_add(cli, argc, argv);
	if (strcmp(verb, "edit") == 0 || strcmp(verb, "cancel") == 0 ||
	    strcmp(verb, "postpone") == 0 || strcmp(verb, "delete") == 0)
		return meeting_change(cli, argc - 1, argv + 1);
	return cli_usage(cli, MEETING_USAGE);
}
