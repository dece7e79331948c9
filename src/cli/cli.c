/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli: global options and dispatch, driven by the one list of commands in
 * commands.def (read by help.c, which also prints the help from it).
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "clerk/cli.h"
#include "help.h"

/* The command run when none is named: the live console. */
#define DEFAULT_COMMAND "live"

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
		if (cli->ascii) {
			char *plain = utf8_to_ascii(safe);
			free(safe);
			safe = plain;
		}
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

/* A database others can read leaks the council's record, exempt minutes
 * and sensitive interests included, and SQLite gives its -wal and -shm
 * files the same mode: said once, on standard error, and not refused (a
 * shared office folder may be the clerk's choice). */
void cli_warn_if_readable(struct cli *cli)
{
	struct stat st;
	if (stat(cli->db_path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !(st.st_mode & (S_IRGRP | S_IROTH)))
		return;
	char *safe = utf8_sanitize(cli->db_path);
	fprintf(cli->err,
		"clerk: warning: %s is readable by others (mode %04o), and so "
		"are its -wal and -shm files: exempt minutes and sensitive "
		"interests too; chmod 600 it unless that is meant\n",
		safe, (unsigned)(st.st_mode & 07777));
	free(safe);
}

int cli_open_db(struct cli *cli, enum db_mode mode, struct db **out)
{
	struct clerk_err err = {0};
	if (db_open(cli->db_path, mode, out, &err))
		return cli_report(cli, &err);
	cli_warn_if_readable(cli);
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
	/* The character set only: numbers, dates and sorting stay as clerk
	 * writes them whatever the locale. */
	setlocale(LC_CTYPE, "");
	struct cli cli = {.out = stdout, .err = stderr};
	/* A terminal that cannot show UTF-8 is given names it can read
	 * ("Gwyn", not "Gw?n"); files and pipes keep clerk's UTF-8. */
	cli.ascii = utf8_terminal_is_ascii(stdout);
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
			cli_print_help(stdout);
			return 0;
		case 'V':
			cli_print_version(stdout);
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
	const struct cli_fact *cmd = cli_find_command(cargv[0]);
	if (!cmd) {
		fprintf(stderr, "clerk: no command '%s'. Try 'clerk --help'.\n",
			cargv[0]);
		return 2;
	}
	if (wants_help(cargc, cargv)) {
		cli_print_command_help(stdout, cmd);
		return 0;
	}
	cli.db_path = db_default_path(cli.db_option);
	optind = 1; /* let the command parse its own options */
	int rc = cmd->run(&cli, cargc, cargv);
	free(cli.db_path);
	return rc;
}
