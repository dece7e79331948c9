/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/complete: shell completion, answered by clerk itself from the table
 * of commands (its subcommands, options and what each argument names) and
 * from the database (bodies, people and meeting dates), so that the bash
 * and zsh scripts in share/completion stay a few lines each and never fall
 * behind the commands.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/model.h"
#include "help.h"

/* What an argument names, from its metavariable in the usage line. */
enum arg_kind { ARG_NONE, ARG_BODY, ARG_MEETING, ARG_PERSON, ARG_FILE };

static enum arg_kind meta_kind(const char *command, const char *meta)
{
	if (strcmp(meta, "BODY") == 0)
		return ARG_BODY;
	if (strncmp(meta, "MEETING", 7) == 0)
		return ARG_MEETING;
	if (strcmp(meta, "PERSON") == 0 ||
	    (strcmp(meta, "NAME") == 0 && strcmp(command, "who") == 0))
		return ARG_PERSON;
	if (strncmp(meta, "FILE", 4) == 0 || strcmp(meta, "DIR") == 0 ||
	    strstr(meta, ".db"))
		return ARG_FILE;
	return ARG_NONE;
}

/* The option fact of cmd called `typed` ("--body"; "-b" where the table
 * says "-b, --body"), or NULL. */
static const struct cli_fact *find_option(const struct cli_fact *cmd,
					  const char *typed)
{
	for (const struct cli_fact *f = cli_facts; f->command; f++) {
		if (f->kind != CLI_FACT_OPTION ||
		    strcmp(f->command, cmd->command) != 0)
			continue;
		const char *names = f->text, *p;
		size_t n = strlen(typed);
		for (p = strstr(names, typed); p; p = strstr(p + 1, typed))
			if ((p == names || p[-1] == ' ') &&
			    (p[n] == '\0' || p[n] == ','))
				return f;
	}
	return NULL;
}

/* The kind of the option's argument: --body NAME names a body, --person
 * NAME a person, --at MEETING2 a meeting. */
static enum arg_kind option_arg_kind(const struct cli_fact *opt)
{
	if (!*opt->arg)
		return ARG_NONE;
	if (strstr(opt->text, "--body"))
		return ARG_BODY;
	if (strstr(opt->text, "--person") || strstr(opt->text, "--signed-by"))
		return ARG_PERSON;
	return meta_kind("", opt->arg);
}

/* The positional metavariables of a usage form, after its command and
 * subcommand: "members BODY [--at DATE]" gives BODY; "body add NAME ..."
 * gives NAME and the subcommand "add" in sub ("" when none). */
static size_t usage_positionals(const char *usage, char metas[][64],
				size_t max, char *sub, size_t subsize)
{
	char word[64];
	enum cli_word_kind kind;
	size_t n = 0;
	int depth = 0, literals = 0;
	bool after_option = false;
	*sub = '\0';
	while (cli_usage_word(&usage, word, sizeof word, &kind)) {
		bool plain = kind == CLI_WORD_LITERAL && *word != '-';
		if (*word == '[')
			depth++;
		else if (*word == ']')
			depth--;
		else if (plain && depth == 0 && literals < 2 && n == 0) {
			if (literals++ == 1)
				snprintf(sub, subsize, "%s", word);
		} else if (kind == CLI_WORD_META && !after_option && n < max &&
			   literals > 0) {
			snprintf(metas[n++], 64, "%s", word);
		}
		after_option = kind == CLI_WORD_LITERAL && *word == '-';
	}
	return n;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void offer(struct cli *cli, const char *candidate, const char *prefix)
{
	if (starts_with(candidate, prefix))
		fprintf(cli->out, "%s\n", candidate);
}

/* Names from the database; nothing when it cannot be read. */
static void offer_records(struct cli *cli, enum arg_kind kind,
			  const char *prefix)
{
	struct db *db = NULL;
	struct clerk_err err = {0};
	if (kind == ARG_NONE || kind == ARG_FILE ||
	    db_open(cli->db_path, DB_READONLY, &db, &err))
		return;
	struct body_list bodies = {0};
	if (body_list_all(db, &bodies, &err) == CLERK_OK) {
		if (kind == ARG_BODY)
			for (size_t i = 0; i < bodies.n; i++)
				offer(cli, bodies.v[i].name, prefix);
	}
	struct meeting_list meetings = {0};
	if (kind == ARG_MEETING &&
	    meeting_list(db, NULL, &meetings, &err) == CLERK_OK) {
		char last[16] = "";
		for (size_t i = 0; i < meetings.n; i++) {
			const char *tz = CLERK_DEFAULT_TZ;
			for (size_t b = 0; b < bodies.n; b++)
				if (strcmp(bodies.v[b].id,
					   meetings.v[i].body_id) == 0)
					tz = bodies.v[b].tz;
			struct tm tm;
			char date[16];
			time_to_local(meetings.v[i].starts_at, tz, &tm);
			strftime(date, sizeof date, "%Y-%m-%d", &tm);
			if (strcmp(date, last) != 0) /* two meetings a day */
				offer(cli, date, prefix);
			snprintf(last, sizeof last, "%s", date);
		}
		meeting_list_free(&meetings);
	}
	struct person_list people = {0};
	if (kind == ARG_PERSON &&
	    person_list_all(db, &people, &err) == CLERK_OK) {
		for (size_t i = 0; i < people.n; i++)
			offer(cli, people.v[i].name, prefix);
		person_list_free(&people);
	}
	body_list_free(&bodies);
	db_close(&db);
}

/* Words 1..index-1 of a command's arguments: options (and their arguments)
 * set aside, the positionals counted; the subcommand is the first. */
static size_t count_positionals(const struct cli_fact *cmd, int index,
				char **argv, const char **first)
{
	size_t n = 0;
	*first = NULL;
	for (int i = 1; i < index; i++) {
		if (argv[i][0] == '-' && argv[i][1]) {
			const struct cli_fact *o = find_option(cmd, argv[i]);
			if (o && *o->arg)
				i++;
			continue;
		}
		if (n++ == 0)
			*first = argv[i];
	}
	return n;
}

static void complete_command_word(struct cli *cli, const struct cli_fact *cmd,
				  int index, char **argv)
{
	const char *word = argv[index] ? argv[index] : "";
	const struct cli_fact *f;
	/* The argument of the option before it. */
	if (index > 1 && argv[index - 1][0] == '-') {
		const struct cli_fact *o = find_option(cmd, argv[index - 1]);
		if (o && *o->arg) {
			offer_records(cli, option_arg_kind(o), word);
			return;
		}
	}
	if (*word == '-') {
		for (f = cli_facts; f->command; f++) {
			if (f->kind != CLI_FACT_OPTION ||
			    strcmp(f->command, cmd->command) != 0)
				continue;
			const char *name = strstr(f->text, "--");
			offer(cli, name ? name : f->text, word);
		}
		offer(cli, "--help", word);
		return;
	}
	const char *first;
	size_t pos = count_positionals(cmd, index, argv, &first);
	for (f = cli_facts; f->command; f++) {
		if (f->kind != CLI_FACT_USAGE ||
		    strcmp(f->command, cmd->command) != 0)
			continue;
		char metas[8][64], sub[64];
		size_t n = usage_positionals(f->text, metas, 8, sub, sizeof sub);
		size_t at = pos;
		if (*sub) { /* "body add NAME": the subcommand comes first */
			if (pos == 0) {
				offer(cli, sub, word);
				continue;
			}
			if (!first || strcmp(first, sub) != 0)
				continue;
			at = pos - 1;
		}
		if (at < n)
			offer_records(cli, meta_kind(cmd->command, metas[at]),
				      word);
	}
}

int cli_complete(struct cli *cli, int index, int argc, char **argv)
{
	/* The global options come before the command. */
	int i = 0;
	while (i < argc && i < index && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			if (i + 1 == index)
				return 0; /* a file: the shell completes it */
			cli->db_option = argv[++i];
		}
		i++;
	}
	free(cli->db_path);
	cli->db_path = db_default_path(cli->db_option);
	const char *word = index < argc ? argv[index] : "";
	if (i == index) {
		if (*word == '-') {
			static const char *const globals[] = {
				"--db", "--no-color", "--help", "--version"};
			for (size_t g = 0; g < sizeof globals / sizeof *globals;
			     g++)
				offer(cli, globals[g], word);
			return 0;
		}
		for (const struct cli_fact *f = cli_facts; f->command; f++) {
			char shown[32];
			if (f->kind == CLI_FACT_COMMAND)
				offer(cli, cli_command_shown(f, shown,
							     sizeof shown),
				      word);
		}
		return 0;
	}
	if (i >= argc)
		return 0;
	const struct cli_fact *cmd = cli_find_command(argv[i]);
	if (!cmd)
		return 0;
	/* argv[i] is the command: its words from there on, the one being
	 * completed possibly past the end (an empty word). */
	char **words = xcalloc((size_t)(argc - i) + 2, sizeof *words);
	for (int w = i; w < argc; w++)
		words[w - i] = argv[w];
	complete_command_word(cli, cmd, index - i, words);
	free(words);
	return 0;
}
