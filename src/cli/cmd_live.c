/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_live: `clerk live [MEETING]`, the live console.  With no MEETING
 * it takes the meeting in progress (or adjourned), else the next one
 * scheduled, and lists the others to choose from when there are several.
 * A scheduled meeting is opened (its clock starts) only after the clerk
 * says yes.  --script/--dump (or CLERK_SCRIPT) run it headless for tests.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/cli.h"
#include "clerk/live.h"
#include "clerk/model.h"
#include "clerk/ui.h"
#include "clerk/ui_live.h"

#define LIVE_USAGE                                                       \
	"live [MEETING] [--body NAME] [--script FILE] [--dump DIR] "     \
	"[--size COLSxROWS] [--term TERM]"

struct live_args {
	const char *meeting, *body;
	struct ui_options ui;
};

static int parse_args(struct cli *cli, int argc, char **argv,
		      struct live_args *a)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, 'b'},
		CLI_UI_OPTIONS,
		{NULL, 0, NULL, 0},
	};
	int opt, rc;
	optind = 0; /* reset glibc's getopt: options may follow MEETING */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'b':
			a->body = optarg;
			break;
		default:
			if ((rc = cli_ui_option(cli, opt, optarg, &a->ui)) < 0)
				return cli_usage(cli, LIVE_USAGE);
			if (rc)
				return rc;
		}
	}
	if (argc - optind > 1)
		return cli_usage(cli, LIVE_USAGE);
	a->meeting = optind < argc ? argv[optind] : NULL;
	return 0;
}

/* A picker line for a meeting: "Health and Wellbeing Board, Thu 5 Oct
 * 2017 10:00 (scheduled)". */
static char *meeting_label(struct db *db, const struct meeting *m)
{
	struct body b = {0};
	struct clerk_err err = {0};
	char when[64] = "";
	if (body_get(db, m->body_id, &b, &err) == CLERK_OK)
		time_format_local(m->starts_at, b.tz, "%a %-d %b %Y %H:%M", when,
				  sizeof when);
	char *s = xasprintf("%s, %s (%s)", b.name ? b.name : "?", when,
			    meeting_status_text(m->status));
	body_free(&b);
	return s;
}

/* Keep err to be printed once the terminal is restored (a message printed
 * under the full screen is wiped when it closes); returns its exit code. */
static int defer(struct clerk_err *report, const struct clerk_err *err)
{
	*report = *err;
	return clerk_status_exit_code(err->status);
}

/* With no MEETING: the current one, or a choice among the open and
 * scheduled ones when there are several.  With none current (the next
 * meeting is days away, or every scheduled one is past), the list of every
 * meeting that can still be run, newest first.  Returns the exit code. */
static int choose_meeting(struct clerk_err *report, struct app *app,
			  struct db *db, struct meeting *out)
{
	struct clerk_err err = {0};
	time_t now = clock_now();
	/* Those of the last day hold the current meeting, if any (one
	 * query, not two: issue 17); with none, every one. */
	struct meeting_list all = {0};
	if (meeting_list_open(db, now - 86400, &all, &err) != CLERK_OK)
		return defer(report, &err);
	const struct meeting *cur = meeting_current_in(&all, now);
	bool current = cur != NULL;
	if (!current) {
		meeting_list_free(&all);
		if (meeting_list_open(db, 0, &all, &err) != CLERK_OK)
			return defer(report, &err);
	}
	size_t n = 0, start = 0;
	struct ui_pick_item *items = xcalloc(all.n + 1, sizeof *items);
	char **labels = xcalloc(all.n + 1, sizeof *labels);
	size_t *idx = xcalloc(all.n + 1, sizeof *idx);
	for (size_t k = 0; k < all.n; k++) {
		/* Newest first when choosing among past ones. */
		size_t i = current ? k : all.n - 1 - k;
		const struct meeting *m = &all.v[i];
		bool open = m->status == MEETING_IN_PROGRESS ||
			    m->status == MEETING_ADJOURNED;
		bool coming = m->status == MEETING_SCHEDULED &&
			      (!current || m->starts_at + 86400 > now);
		if (!open && !coming)
			continue;
		if (m == cur)
			start = n;
		idx[n++] = i;
	}
	/* The labels only when there is a choice to show them in. */
	size_t nlabels = current && n == 1 ? 0 : n;
	for (size_t k = 0; k < nlabels; k++) {
		labels[k] = meeting_label(db, &all.v[idx[k]]);
		items[k].label = labels[k];
	}
	int rc = 0;
	if (n == 0) {
		clerk_fail(&err, CLERK_NOT_FOUND,
			   "no meeting to run: every meeting is closed or called "
			   "off; schedule one (clerk meeting add BODY DATE TIME), "
			   "or review minutes with clerk review");
		rc = defer(report, &err);
	} else if (current && n == 1) {
		*out = all.v[idx[0]]; /* takes its strings */
		memset(&all.v[idx[0]], 0, sizeof all.v[idx[0]]);
	} else {
		int c = ui_pick(app,
				current ? "Which meeting?"
					: "No meeting today: which one is it?",
				items, n, (int)start);
		if (c < 0) {
			rc = 1;
		} else if (meeting_get(db, all.v[idx[c]].id, out, &err) !=
			   CLERK_OK) {
			rc = defer(report, &err);
		}
	}
	for (size_t i = 0; i < nlabels; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(idx);
	meeting_list_free(&all);
	return rc;
}

/* Open the meeting for running, asking before a scheduled one starts. */
static int open_meeting(struct clerk_err *report, struct app *app,
			struct db *db,
			const struct meeting *m, struct live **out)
{
	struct clerk_err err = {0};
	if (m->status == MEETING_SCHEDULED) {
		char *label = meeting_label(db, m);
		char *q = xasprintf("Open the meeting now?  %s.  Its clock "
				    "starts and attendance is taken.",
				    label);
		bool yes = ui_confirm(app, q);
		free(q);
		free(label);
		if (!yes) {
			clerk_fail(&err, CLERK_NOT_FOUND,
				   "not opened: the meeting stays scheduled "
				   "(clerk meetings lists them; clerk live DATE "
				   "opens one)");
			return defer(report, &err);
		}
	}
	/* Two consoles, one meeting: another console drives it.  Say who
	 * and since when; watch only, unless the clerk takes over. */
	struct console_lease driver = {0};
	bool took_over = false;
	if (m->status != MEETING_SCHEDULED &&
	    live_lease_driver(db, m->id, &driver, &err) == CLERK_OK) {
		struct body b = {0};
		body_get(db, m->body_id, &b, &err);
		/* The clock the meeting runs on here, whichever is chosen
		 * (its log says), so that the question can tell it from the
		 * lease's real time. */
		clerk_err_clear(&err);
		if (live_clock_start(db, m, LIVE_CLOCK_NOW, &err) != CLERK_OK) {
			body_free(&b);
			return defer(report, &err);
		}
		char *who = live_lease_sentence(&driver, b.tz ? b.tz : "");
		char *note = live_lease_clock_note(b.tz ? b.tz : "");
		body_free(&b);
		char *q = xasprintf("%s.%s%s  Take over?  y: drive the meeting "
				    "from here (that console becomes "
				    "read-only); n: only watch it here "
				    "(read-only).",
				    who, *note ? "  " : "", note);
		free(note);
		free(who);
		bool take = ui_confirm(app, q);
		free(q);
		took_over = take;
		if (!take) {
			if (live_clock_start(db, m, LIVE_CLOCK_NOW, &err) !=
				    CLERK_OK ||
			    live_open_watching(db, m->id, &driver, out,
					       &err) != CLERK_OK)
				return defer(report, &err);
			return 0;
		}
	}
	clerk_err_clear(&err);
	/* A meeting on another day: held now, or recorded for its own date
	 * (its clock then starts at the planned start, and runs).  An
	 * explicit CLERK_CLOCK_FROM or CLERK_NOW has already said what now
	 * is: no question then. */
	enum live_clock how = LIVE_CLOCK_NOW;
	bool asked = false;
	const char *from = getenv("CLERK_CLOCK_FROM"), *now = getenv("CLERK_NOW");
	bool clock_given = (from && *from) || (now && *now);
	if (!clock_given && live_clock_ask(db, m)) {
		struct body b = {0};
		char day[32] = "";
		if (body_get(db, m->body_id, &b, &err) == CLERK_OK)
			time_format_local(m->starts_at, b.tz, "%a %-d %b %Y",
					  day, sizeof day);
		body_free(&b);
		char *title = xasprintf("%s is not today: how is it recorded?",
					day);
		struct ui_pick_item items[] = {
			{.label = "for its own date: the clock starts at its "
				  "planned start, and runs"},
			{.label = "held now: the clock is today's"}};
		int c = ui_pick(app, title, items, 2, 0);
		free(title);
		if (c < 0)
			return 1;
		how = c == 0 ? LIVE_CLOCK_OWN_DATE : LIVE_CLOCK_NOW;
		asked = true;
	}
	if (live_open_on_clock(db, m->id, how, out, &err) != CLERK_OK ||
	    (asked && live_clock_keep(*out, how, &err) != CLERK_OK) ||
	    live_lease_take(*out, &err) != CLERK_OK)
		return defer(report, &err);
	if (took_over)
		ui_app_message(app, UI_ROLE_OK,
			       "This console drives the meeting now; the other "
			       "one is read-only");
	return 0;
}

/* Whether the file is missing or holds no council yet: plain clerk then
 * sets one up first (clerk init) rather than pointing only at the demo. */
static bool needs_setup(const struct cli *cli)
{
	struct db *db = NULL;
	struct clerk_err err = {0};
	if (access(cli->db_path, F_OK) != 0)
		return true;
	if (db_open(cli->db_path, DB_READONLY, &db, &err) != CLERK_OK)
		return err.status == CLERK_NOT_FOUND; /* no clerk data yet */
	struct council_list cl = {0};
	bool none = council_list_all(db, &cl, &err) == CLERK_OK && cl.n == 0;
	council_list_free(&cl);
	db_close(&db);
	return none;
}

int cmd_live(struct cli *cli, int argc, char **argv)
{
	struct live_args a = {0};
	a.ui.no_color = cli->no_color;
	int rc = parse_args(cli, argc, argv, &a);
	if (rc)
		return rc;
	/* On a terminal, with no council yet: the guided set-up, in lines,
	 * before the console takes the screen. */
	if (!a.meeting && !a.ui.script && isatty(0) && isatty(1) &&
	    needs_setup(cli)) {
		fputs("This file holds no council yet: clerk init sets one up "
		      "(clerk demo builds a demo board instead).\n",
		      cli->out);
		char init_word[] = "init";
		char *init_argv[] = {init_word, NULL};
		if ((rc = cmd_init(cli, 1, init_argv)))
			return rc;
	}
	struct db *db = NULL;
	if ((rc = cli_open_db(cli, DB_EXISTING, &db)))
		return rc;
	struct clerk_err err = {0};
	struct meeting m = {0};
	if (a.meeting && meeting_find(db, a.meeting, a.body, &m, &err) != CLERK_OK) {
		db_close(&db);
		return cli_report(cli, &err);
	}
	struct app *app = ui_app_start(&a.ui, db, &err);
	if (!app) {
		meeting_free(&m);
		db_close(&db);
		return cli_report(cli, &err);
	}
	struct clerk_err report = {0};
	if (!a.meeting)
		rc = choose_meeting(&report, app, db, &m);
	struct live *l = NULL;
	if (rc == 0)
		rc = open_meeting(&report, app, db, &m, &l);
	if (rc == 0)
		ui_live_run(app, l);
	int verdict = ui_app_end(&app);
	live_lease_release(l);
	if (report.status)
		cli_report(cli, &report);
	db_close(&db);
	live_free(&l);
	meeting_free(&m);
	return rc ? rc : verdict;
}
