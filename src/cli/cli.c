/*
 * cli: global options, dispatch, and the help text, all driven by the one
 * list of commands in commands.def.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"

struct command {
	const char *name;
	const char *summary;
	const char *usage;
	int (*run)(struct cli *cli, int argc, char **argv);
};

static const struct command commands[] = {
#define CLI_COMMAND(name, summary, usage) {#name, summary, usage, cmd_##name},
#include "commands.def"
#undef CLI_COMMAND
	{NULL, NULL, NULL, NULL},
};

/* The command run when none is named: the live console. */
#define DEFAULT_COMMAND "live"

static void print_help(FILE *out)
{
	fputs("usage: clerk [--db FILE] [--no-color] COMMAND [ARGS]\n"
	      "\n"
	      "clerk runs council committee meetings and keeps their minutes.\n"
	      "With no COMMAND it opens the live console on the meeting in\n"
	      "progress, else the next one scheduled.\n"
	      "\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; commands[i].name; i++) {
		/* An '_' in a C name is a '-' on the command line. */
		char shown[32];
		snprintf(shown, sizeof shown, "%s", commands[i].name);
		for (char *c = shown; *c; c++)
			*c = *c == '_' ? '-' : *c;
		fprintf(out, "  %-12s %s\n", shown, commands[i].summary);
	}
	fputs("\n"
	      "Options:\n"
	      "  --db FILE     the clerk database (default: $CLERK_DB, else\n"
	      "                $XDG_DATA_HOME/clerk/clerk.db)\n"
	      "  --no-color    no colour in the console (also NO_COLOR=1)\n"
	      "  -h, --help    this help; `clerk COMMAND --help` for one command\n"
	      "  -V, --version the version\n"
	      "\n"
	      "A MEETING is its date (2017-06-29) or its UUID; add --body NAME\n"
	      "when several bodies met that day.  A body is named by any\n"
	      "unambiguous part of its name or its short name.\n"
	      "\n"
	      "Exit status: 0 success, 1 nothing found, 2 usage error,\n"
	      "3 input or record refused, 4 storage error.\n"
	      "See clerk(1).\n",
	      out);
}

/* True when the typed name is the command's: "attendance-csv" names
 * cmd_attendance_csv. */
static bool command_named(const char *def, const char *typed)
{
	for (; *def && *typed; def++, typed++)
		if (*def != *typed && !(*def == '_' && *typed == '-'))
			return false;
	return *def == *typed;
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; commands[i].name; i++)
		if (command_named(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int cli_report(struct cli *cli, const struct clerk_err *err)
{
	fprintf(cli->err, "clerk: %s\n",
		err->msg[0] ? err->msg : clerk_status_text(err->status));
	return clerk_status_exit_code(err->status);
}

void cli_say(struct cli *cli, const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	/* Sanitise line by line so that the format's own line ends survive. */
	const char *line = sb_str(&sb);
	while (*line) {
		size_t n = strcspn(line, "\n\t");
		char *part = xstrndup(line, n);
		char *safe = utf8_sanitize(part);
		fputs(safe, cli->out);
		free(safe);
		free(part);
		line += n;
		if (*line)
			fputc(*line++, cli->out);
	}
	sb_free(&sb);
}

int cli_usage(struct cli *cli, const char *usage)
{
	fprintf(cli->err, "clerk: usage: clerk %s\n", usage);
	return 2;
}

int cli_open_db(struct cli *cli, enum db_mode mode, struct db **out)
{
	struct clerk_err err = {0};
	if (db_open(cli->db_path, mode, out, &err))
		return cli_report(cli, &err);
	return 0;
}

/* True when argv holds --help or -h after the command name. */
static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

int cli_main(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'd'},
		{"no-color", no_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cli cli = {.out = stdout, .err = stderr};
	const char *nc = getenv("NO_COLOR");
	cli.no_color = nc && *nc;
	int opt;
	/* '+': stop at the command name; its own options are its business. */
	while ((opt = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (opt) {
		case 'd':
			cli.db_option = optarg;
			break;
		case 'C':
			cli.no_color = true;
			break;
		case 'h':
			print_help(stdout);
			return 0;
		case 'V':
			printf("clerk %s\n", PACKAGE_VERSION);
			return 0;
		default:
			fputs("Try 'clerk --help'.\n", stderr);
			return 2;
		}
	}
	static char default_command[] = DEFAULT_COMMAND;
	char *fallback[] = {default_command, NULL};
	int cargc = argc - optind;
	char **cargv = argv + optind;
	if (cargc == 0) {
		cargc = 1;
		cargv = fallback;
	}
	const struct command *cmd = find_command(cargv[0]);
	if (!cmd) {
		fprintf(stderr, "clerk: no command '%s'. Try 'clerk --help'.\n",
			cargv[0]);
		return 2;
	}
	if (wants_help(cargc, cargv)) {
		printf("usage: clerk %s\n%s\n", cmd->usage, cmd->summary);
		return 0;
	}
	cli.db_path = db_default_path(cli.db_option);
	optind = 1; /* let the command parse its own options */
	int rc = cmd->run(&cli, cargc, cargv);
	free(cli.db_path);
	return rc;
}
