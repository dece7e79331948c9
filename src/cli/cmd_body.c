/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_body: `clerk body add NAME [options]`, `clerk body edit BODY
 * [options]` and `clerk body delete BODY` — a committee's name and rules:
 * its council, short name, how the minutes name it, quorum rule, whether
 * substitutes are allowed, minute numbering and where its sequence
 * starts, and its house style.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/export.h"
#include "clerk/import_store.h"
#include "prepare.h"

#define BODY_USAGE                                                          \
	"body add NAME [--council NAME] [--short S] [--self 'the Board']\n" \
	"            [--quorum 1/4|5|'1/4 min 3'] [--substitutes yes|no]\n"  \
	"            [--minute-format '%n.'] [--numbering meeting|year|running]\n" \
	"            [--next-minute N [--next-minute-from DATE]]\n"           \
	"            [--style NAME] [--tz ZONE]\n"                            \
	"       clerk body edit BODY [--name NAME] [same options]\n"          \
	"            [--minutes-confirmed-by BODY|-]\n"                      \
	"       clerk body delete BODY   (only while it has no meetings)\n" \
	"       clerk body end BODY [--reason TEXT] [--not]\n"                 \
	"       clerk body list"

/* "1/4", "5" or "1/4 min 3" into the body's quorum rule. */
static enum clerk_status parse_quorum(const char *s, struct body *b,
				      struct clerk_err *err)
{
	int num, den, fixed;
	char extra;
	if (sscanf(s, "%d/%d min %d %c", &num, &den, &fixed, &extra) == 3) {
		b->quorum_kind = QUORUM_COMPOSITE;
	} else if (sscanf(s, "%d/%d %c", &num, &den, &extra) == 2) {
		b->quorum_kind = QUORUM_FRACTION;
		fixed = 0;
	} else if (sscanf(s, "%d %c", &fixed, &extra) == 1) {
		b->quorum_kind = QUORUM_FIXED;
		num = 1, den = 4;
	} else {
		return clerk_fail(err, CLERK_USAGE,
				  "quorum \"%s\" is not a rule: write a fraction "
				  "of the seats (1/4), a number (5), or both "
				  "(1/4 min 3)",
				  s);
	}
	if (num < 1 || den < 1 || num > den || fixed < 0)
		return clerk_fail(err, CLERK_USAGE,
				  "quorum \"%s\" is not possible", s);
	b->quorum_num = num, b->quorum_den = den, b->quorum_fixed = fixed;
	return CLERK_OK;
}

static void set_str(char **field, const char *v)
{
	free(*field);
	*field = xstrdup(v);
}

/* A style name that a style folder holds (its file is read, so that a
 * misspelt name or a broken file is refused now, not at the export). */
static enum clerk_status check_style(const char *name, struct clerk_err *err)
{
	struct style st;
	enum clerk_status rc = style_load(name, &st, err);
	style_free(&st);
	return rc;
}

/* The options that are not fields of the body itself. */
struct body_extra {
	const char *council;
	const char *next_from; /* date the --next-minute sequence starts */
	const char *confirmer; /* body edit: whose meetings confirm its
				  minutes ("-": its own) */
	bool style_given;
	bool substitutes_given;
	bool editing;
};

/* Apply the options to b; returns a status (usage errors in err). */
static enum clerk_status apply_opts(int argc, char **argv, struct body *b,
				    struct body_extra *x, struct clerk_err *err)
{
	static const struct option options[] = {
		{"name", required_argument, NULL, 'n'},
		{"council", required_argument, NULL, 'c'},
		{"short", required_argument, NULL, 's'},
		{"self", required_argument, NULL, 'S'},
		{"quorum", required_argument, NULL, 'q'},
		{"substitutes", required_argument, NULL, 'u'},
		{"minute-format", required_argument, NULL, 'm'},
		{"numbering", required_argument, NULL, 'N'},
		{"tz", required_argument, NULL, 'z'},
		{"style", required_argument, NULL, 'y'},
		{"next-minute", required_argument, NULL, 'x'},
		{"next-minute-from", required_argument, NULL, 'F'},
		{"minutes-confirmed-by", required_argument, NULL, 'C'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	enum clerk_status rc = CLERK_OK;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while (!rc && (opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'n':
			set_str(&b->name, optarg);
			break;
		case 'c':
			x->council = optarg;
			break;
		case 'y':
			rc = check_style(optarg, err);
			set_str(&b->style, optarg);
			x->style_given = true;
			break;
		case 'x':
			rc = prep_int(optarg, 1, "--next-minute",
				      &b->next_minute, err);
			break;
		case 'F':
			rc = prep_date(optarg, "--next-minute-from", err);
			x->next_from = optarg;
			break;
		case 'C':
			if (!x->editing)
				rc = clerk_fail(err, CLERK_USAGE, "usage");
			else
				x->confirmer = optarg;
			break;
		case 's':
			set_str(&b->short_name, optarg);
			break;
		case 'S':
			set_str(&b->self_name, optarg);
			break;
		case 'q':
			rc = parse_quorum(optarg, b, err);
			break;
		case 'u':
			if (strcmp(optarg, "yes") && strcmp(optarg, "no"))
				rc = clerk_fail(err, CLERK_USAGE,
						"--substitutes takes yes or no");
			b->substitutes_allowed = strcmp(optarg, "yes") == 0;
			x->substitutes_given = true;
			break;
		case 'm':
			if (!strstr(optarg, "%n"))
				rc = clerk_fail(err, CLERK_USAGE,
						"the minute format must hold %%n "
						"(the number), as in \"%%n.\" or "
						"\"%%n/%%y\"");
			set_str(&b->minute_format, optarg);
			break;
		case 'N':
			if (!numbering_parse(optarg, &b->numbering))
				rc = clerk_fail(err, CLERK_USAGE,
						"--numbering takes meeting, year "
						"or running");
			break;
		case 'z':
			set_str(&b->tz, optarg);
			break;
		default:
			rc = clerk_fail(err, CLERK_USAGE, "usage");
		}
	}
	return rc;
}

static void print_body(struct cli *cli, const char *verb, const struct body *b)
{
	cli_say(cli, "%s body %s", verb, b->name);
	if (b->short_name && *b->short_name)
		cli_say(cli, " (%s)", b->short_name);
	fprintf(cli->out, ": quorum ");
	if (b->quorum_kind == QUORUM_FIXED)
		fprintf(cli->out, "%d", b->quorum_fixed);
	else
		fprintf(cli->out, "%d/%d of the seats", b->quorum_num,
			b->quorum_den);
	if (b->quorum_kind == QUORUM_COMPOSITE)
		fprintf(cli->out, " (at least %d)", b->quorum_fixed);
	static const char *const numbering_words[] = {
		"afresh each meeting", "through the municipal year",
		"running on from year to year"};
	cli_say(cli, ", substitutes %s, minutes numbered \"%s\" %s",
		b->substitutes_allowed ? "allowed" : "not allowed",
		b->minute_format, numbering_words[b->numbering]);
	if (b->next_minute > 0) {
		char day[11];
		time_format_local(b->next_minute_from, b->tz, "%Y-%m-%d", day,
				  sizeof day);
		fprintf(cli->out, " (from %d at the first meeting from %s)",
			b->next_minute, day);
	}
	cli_say(cli, ", style %s, council %s.\n", b->style,
		b->council_name ? b->council_name : "");
}

/* The council named on the command line (created as a principal council
 * when none has that name, as a clerk's first body always did), else the
 * only council. */
static enum clerk_status body_council(struct db *db, const char *name,
				      struct body *b, struct clerk_err *err)
{
	struct council c = {0};
	enum clerk_status rc = name ? council_find(db, name, &c, err)
				    : CLERK_NOT_FOUND;
	if (rc == CLERK_NOT_FOUND)
		rc = istore_council_ensure(db, name, b->council_id, err);
	else if (!rc)
		snprintf(b->council_id, sizeof b->council_id, "%s", c.id);
	council_free(&c);
	if (rc)
		return rc;
	rc = council_get(db, b->council_id, &c, err);
	if (!rc) {
		free(b->council_name);
		b->council_name = xstrdup(c.name);
		b->council_kind = c.kind;
		if (c.year_start && *c.year_start) {
			free(b->year_start);
			b->year_start = xstrdup(c.year_start);
		}
	}
	council_free(&c);
	return rc;
}

/* --next-minute starts the sequence at the first meeting from its date
 * (today unless --next-minute-from gives one). */
static void next_minute_from(struct body *b, const struct body_extra *x)
{
	if (b->next_minute <= 0)
		return;
	int y, m, d;
	const char *tz = b->tz && *b->tz ? b->tz : CLERK_DEFAULT_TZ;
	if (x->next_from && date_parse(x->next_from, &y, &m, &d)) {
		b->next_minute_from = time_from_local(tz, y, m, d, 0, 0);
		return;
	}
	struct tm tm;
	time_to_local(clock_now(), tz, &tm);
	b->next_minute_from = time_from_local(tz, tm.tm_year + 1900,
					      tm.tm_mon + 1, tm.tm_mday, 0, 0);
}

static int body_add(struct cli *cli, struct db *db, int argc, char **argv)
{
	struct clerk_err err = {0};
	struct body b = {.substitutes_allowed = true, .quorum_num = 1,
			 .quorum_den = 4};
	struct body_extra x = {0};
	b.standard_items = xstrdup(prep_default_standard_items);
	b.self_name = xstrdup("the Committee");
	b.minute_format = xstrdup("%n.");
	enum clerk_status rc = apply_opts(argc, argv, &b, &x, &err);
	if (!rc && optind != argc - 1)
		rc = clerk_fail(&err, CLERK_USAGE, "usage");
	if (!rc)
		set_str(&b.name, argv[optind]);
	if (!rc)
		rc = body_council(db, x.council, &b, &err);
	/* A parish, town or community council minutes in the parish style
	 * unless told otherwise. */
	bool local = council_kind_is_local(b.council_kind);
	if (!rc && !x.style_given)
		set_str(&b.style, local ? "parish" : "county");
	/* Nor do they seat substitutes: a parish councillor cannot send
	 * another in their place, so a parish body allows none unless the
	 * clerk says otherwise (a joint committee may). */
	if (!rc && local && !x.substitutes_given)
		b.substitutes_allowed = false;
	if (!rc) {
		next_minute_from(&b, &x);
		rc = body_create(db, &b, &err);
	}
	int code = 0;
	if (rc == CLERK_USAGE && strcmp(err.msg, "usage") == 0)
		code = cli_usage(cli, BODY_USAGE);
	else if (rc)
		code = cli_report(cli, &err);
	else
		print_body(cli, "Added", &b);
	body_free(&b);
	return code;
}

static int body_edit(struct cli *cli, struct db *db, int argc, char **argv)
{
	struct clerk_err err = {0};
	struct body b = {0};
	struct body_extra x = {.editing = true};
	if (argc < 2 || argv[1][0] == '-')
		return cli_usage(cli, BODY_USAGE);
	enum clerk_status rc = body_find(db, argv[1], &b, &err);
	int was_next = b.next_minute;
	if (!rc)
		rc = apply_opts(argc - 1, argv + 1, &b, &x, &err);
	if (!rc && optind != argc - 1)
		rc = clerk_fail(&err, CLERK_USAGE, "usage");
	if (!rc && x.council)
		rc = body_council(db, x.council, &b, &err);
	if (!rc && (b.next_minute != was_next || x.next_from))
		next_minute_from(&b, &x);
	struct body by = {0};
	if (!rc && x.confirmer && strcmp(x.confirmer, "-") != 0)
		rc = body_find(db, x.confirmer, &by, &err);
	if (!rc)
		rc = body_update(db, &b, &err);
	if (!rc && x.confirmer)
		rc = body_set_minutes_confirmed_by(db, b.id, by.id, &err);
	int code = 0;
	if (rc == CLERK_USAGE && strcmp(err.msg, "usage") == 0)
		code = cli_usage(cli, BODY_USAGE);
	else if (rc)
		code = cli_report(cli, &err);
	else
		print_body(cli, "Changed", &b);
	if (!rc && x.confirmer)
		cli_say(cli, "Its minutes are confirmed at meetings of the %s.\n",
			by.name ? by.name : b.name);
	body_free(&by);
	body_free(&b);
	return code;
}

static int body_remove(struct cli *cli, struct db *db, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage(cli, BODY_USAGE);
	struct clerk_err err = {0};
	struct body b = {0};
	enum clerk_status rc = body_find(db, argv[1], &b, &err);
	if (!rc)
		rc = body_delete(db, b.id, &err);
	int code = rc ? cli_report(cli, &err) : 0;
	if (!rc)
		cli_say(cli, "Deleted body %s, with its seats.\n", b.name);
	body_free(&b);
	return code;
}

/* `clerk body end BODY [--reason TEXT] [--not]`: the council wound it up
 * (or, with --not, it was marked ended by mistake). */
static int body_end(struct cli *cli, struct db *db, int argc, char **argv)
{
	const char *name = NULL, *reason = "";
	bool undo = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc)
			reason = argv[++i];
		else if (strcmp(argv[i], "--not") == 0)
			undo = true;
		else if (argv[i][0] != '-' && !name)
			name = argv[i];
		else
			return cli_usage(cli, BODY_USAGE);
	}
	if (!name)
		return cli_usage(cli, BODY_USAGE);
	struct clerk_err err = {0};
	struct body b = {0};
	enum clerk_status rc = body_find(db, name, &b, &err);
	if (!rc)
		rc = body_set_ended(db, b.id, !undo, reason, &err);
	int code = rc ? cli_report(cli, &err) : 0;
	if (!rc && undo)
		cli_say(cli, "The %s is no longer marked ended: new meetings "
			     "can be added.\n",
			b.name);
	else if (!rc)
		cli_say(cli, "Marked the %s ended%s%s%s: it is offered for no new "
			     "meeting, and its record is kept.\n",
			b.name, *reason ? " (" : "", reason, *reason ? ")" : "");
	body_free(&b);
	return code;
}

/* `clerk body list`: every body, its council, and whether it has ended. */
static int body_list(struct cli *cli, struct db *db, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage(cli, BODY_USAGE);
	struct clerk_err err = {0};
	struct body_list l = {0};
	if (body_list_all(db, &l, &err))
		return cli_report(cli, &err);
	for (size_t i = 0; i < l.n; i++) {
		const struct body *b = &l.v[i];
		cli_say(cli, "%s%s%s%s\t%s\t%s%s%s%s\n", b->name,
			*b->short_name ? " (" : "", b->short_name,
			*b->short_name ? ")" : "", b->council_name,
			b->ended ? "ended" : "current",
			b->ended && *b->ended_reason ? " (" : "",
			b->ended ? b->ended_reason : "",
			b->ended && *b->ended_reason ? ")" : "");
	}
	if (!l.n)
		cli_say(cli, "No bodies yet: add one with 'clerk body add NAME' "
			     "(clerk demo builds one).\n");
	body_list_free(&l);
	return 0;
}

int cmd_body(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(cli, BODY_USAGE);
	int (*run)(struct cli *, struct db *, int, char **) = NULL;
	if (strcmp(argv[1], "add") == 0)
		run = body_add;
	else if (strcmp(argv[1], "edit") == 0)
		run = body_edit;
	else if (strcmp(argv[1], "delete") == 0)
		run = body_remove;
	else if (strcmp(argv[1], "end") == 0)
		run = body_end;
	else if (strcmp(argv[1], "list") == 0)
		run = body_list;
	else
		return cli_usage(cli, BODY_USAGE);
	struct db *db;
	int code = cli_open_db(cli, run == body_list ? DB_READONLY : DB_CREATE,
			       &db);
	if (code)
		return code;
	code = run(cli, db, argc - 1, argv + 1);
	db_close(&db);
	return code;
}
