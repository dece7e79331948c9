/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli: the command line.  `clerk [--db FILE] [--no-color] COMMAND [ARGS]`.
 *
 * Each command is declared once in src/cli/commands.def, which drives the
 * dispatch table, `clerk --help`, each command's --help, the man page's
 * synopsis lines and shell completion.  A command
 * is a function `int cmd_NAME(struct cli *cli, int argc, char **argv)`
 * (argv[0] is the command's name) returning a process exit code:
 *   0 success, 1 nothing found, 2 usage error, 3 input or record refused,
 *   4 storage error (database unreadable, read-only, disk full).
 */
#ifndef CLERK_CLI_H
#define CLERK_CLI_H

#include <stdio.h>

#include "clerk/core.h"
#include "clerk/db.h"

struct cli {
	const char *db_option; /* --db FILE, or NULL */
	char *db_path;         /* resolved path */
	bool no_color;         /* --no-color or NO_COLOR */
	bool ascii;            /* a terminal whose locale is not UTF-8 */
	FILE *out;             /* standard output */
	FILE *err;             /* standard error */
};

/* Run clerk with the process's arguments; returns the exit code. */
int cli_main(int argc, char **argv);

/* Open the database for a command; on failure prints the reason to
 * cli->err and returns the exit code (non-zero). */
int cli_open_db(struct cli *cli, enum db_mode mode, struct db **out);
/* Warn, on cli->err, when the database is readable by others. */
void cli_warn_if_readable(struct cli *cli);
/* Print "clerk: MESSAGE" for err and return its exit code. */
int cli_report(struct cli *cli, const struct clerk_err *err);
/* Print a message to cli->out with every control character, escape
 * sequence and bidi override of the data replaced by '?' (newlines and tabs
 * of the format kept): for echoes of names and titles the user typed. */
void cli_say(struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print "clerk: usage: ..." and return 2. */
int cli_usage(struct cli *cli, const char *usage);

/* The terminal options every screen takes, for a getopt_long table; their
 * codes are 's', 'd', 'z' and 't'. */
#define CLI_UI_OPTIONS                                       \
	{"script", required_argument, NULL, 's'},            \
	{"dump", required_argument, NULL, 'd'},              \
	{"size", required_argument, NULL, 'z'},              \
	{"term", required_argument, NULL, 't'}
struct ui_options;
/* Apply one of CLI_UI_OPTIONS to *ui: 0 when taken, 2 after printing why
 * a --size is not COLSxROWS, -1 when opt is not one of them. */
int cli_ui_option(struct cli *cli, int opt, const char *arg,
		  struct ui_options *ui);

#define CLI_COMMAND(name, summary) \
	int cmd_##name(struct cli *cli, int argc, char **argv);
#define CLI_USAGE(name, usage)
#define CLI_OPTION(name, option, arg, help)
#define CLI_NOTE(name, text)
#define CLI_EXAMPLE(name, text)
#include "../../src/cli/commands.def"
#undef CLI_COMMAND
#undef CLI_USAGE
#undef CLI_OPTION
#undef CLI_NOTE
#undef CLI_EXAMPLE

#endif
