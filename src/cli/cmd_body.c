/*
 * cli/cmd_body: `clerk body add NAME [options]` and `clerk body edit BODY
 * [options]` — a committee's name and rules: short name, how the minutes
 * name it, quorum rule, whether substitutes are allowed, minute numbering.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/import_store.h"
#include "prepare.h"

#define BODY_USAGE                                                          \
	"body add NAME [--council NAME] [--short S] [--self 'the Board']\n" \
	"            [--quorum 1/4|5|'1/4 min 3'] [--substitutes yes|no]\n"  \
	"            [--minute-format '%n.'] [--numbering meeting|year]\n"    \
	"            [--tz ZONE]\n"                                           \
	"       clerk body edit BODY [--name NAME] [same options]"

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

/* Apply the options to b; returns a status (usage errors in err). */
static enum clerk_status apply_opts(int argc, char **argv, struct body *b,
				    const char **council, const char **confirmer,
				    struct clerk_err *err)
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
			*council = optarg;
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
						"--numbering takes meeting or "
						"year");
			break;
		case 'z':
			set_str(&b->tz, optarg);
			break;
		case 'C':
			if (!confirmer)
				rc = clerk_fail(err, CLERK_USAGE, "usage");
			else
				*confirmer = optarg;
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
	cli_say(cli, ", substitutes %s, minutes numbered \"%s\" per %s.\n",
		b->substitutes_allowed ? "allowed" : "not allowed",
		b->minute_format, numbering_text(b->numbering));
}

static int body_add(struct cli *cli, struct db *db, int argc, char **argv)
{
	struct clerk_err err = {0};
	struct body b = {.substitutes_allowed = true, .quorum_num = 1,
			 .quorum_den = 4};
	const char *council = NULL;
	b.standard_items = xstrdup(prep_default_standard_items);
	b.self_name = xstrdup("the Committee");
	b.minute_format = xstrdup("%n.");
	enum clerk_status rc = apply_opts(argc, argv, &b, &council, NULL, &err);
	if (!rc && optind != argc - 1)
		rc = clerk_fail(&err, CLERK_USAGE, "usage");
	if (!rc)
		set_str(&b.name, argv[optind]);
	if (!rc)
		rc = istore_council_ensure(db, council, b.council_id, &err);
	if (!rc)
		rc = body_create(db, &b, &err);
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
	const char *council = NULL, *confirmer = NULL;
	if (argc < 2 || argv[1][0] == '-')
		return cli_usage(cli, BODY_USAGE);
	enum clerk_status rc = body_find(db, argv[1], &b, &err);
	if (!rc)
		rc = apply_opts(argc - 1, argv + 1, &b, &council, &confirmer,
				&err);
	if (!rc && optind != argc - 1)
		rc = clerk_fail(&err, CLERK_USAGE, "usage");
	if (!rc && council)
		rc = istore_council_ensure(db, council, b.council_id, &err);
	struct body by = {0};
	if (!rc && confirmer && strcmp(confirmer, "-") != 0)
		rc = body_find(db, confirmer, &by, &err);
	if (!rc)
		rc = body_update(db, &b, &err);
	if (!rc && confirmer)
		rc = body_set_minutes_confirmed_by(db, b.id, by.id, &err);
	int code = 0;
	if (rc == CLERK_USAGE && strcmp(err.msg, "usage") == 0)
		code = cli_usage(cli, BODY_USAGE);
	else if (rc)
		code = cli_report(cli, &err);
	else
		print_body(cli, "Changed", &b);
	if (!rc && confirmer)
		cli_say(cli, "Its minutes are confirmed at meetings of the %s.\n",
			by.name ? by.name : b.name);
	body_free(&by);
	body_free(&b);
	return code;
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
	else
		return cli_usage(cli, BODY_USAGE);
	struct db *db;
	int code = cli_open_db(cli, DB_CREATE, &db);
	if (code)
		return code;
	code = run(cli, db, argc - 1, argv + 1);
	db_close(&db);
	return code;
}
