/*
 * cli/help: the table of commands (commands.def) read as facts, and what is
 * printed from it: `clerk --help`, `clerk COMMAND --help`, the man page's
 * synopsis lines and shell completion.  Private to src/cli.
 */
#ifndef CLERK_CLI_HELP_H
#define CLERK_CLI_HELP_H

#include <stdio.h>

#include "clerk/cli.h"

enum cli_fact_kind {
	CLI_FACT_COMMAND,
	CLI_FACT_USAGE,
	CLI_FACT_OPTION,
	CLI_FACT_NOTE,
	CLI_FACT_EXAMPLE,
};

/* One line of commands.def.  text is the summary, usage, option name,
 * note or example; arg and help are an option's argument ("" for a flag)
 * and explanation. */
struct cli_fact {
	enum cli_fact_kind kind;
	const char *command; /* its C name: attendance_csv */
	const char *text, *arg, *help;
	int (*run)(struct cli *cli, int argc, char **argv);
};

/* Every fact, in the table's order, ended by one whose command is NULL. */
extern const struct cli_fact cli_facts[];

/* The command fact of the command typed ("attendance-csv"), or NULL. */
const struct cli_fact *cli_find_command(const char *typed);
/* Its name as typed: '_' shown as '-'.  buf holds at least 32 bytes. */
const char *cli_command_shown(const struct cli_fact *cmd, char *buf,
			      size_t size);

/* `clerk --help`. */
void cli_print_help(FILE *out);
/* `clerk COMMAND --help`: its forms, summary, options, notes, examples. */
void cli_print_command_help(FILE *out, const struct cli_fact *cmd);


/* The words of a usage line, each with what it is: a literal the user
 * types (a command, a subcommand, an option, a keyword such as "html"), a
 * metavariable (BODY, FILE...), or punctuation ("[", "]", "|"). */
enum cli_word_kind { CLI_WORD_LITERAL, CLI_WORD_META, CLI_WORD_PUNCT };
/* The next word of *s (advanced past it and any spaces before it); false
 * at the end.  word holds at least 64 bytes. */
bool cli_usage_word(const char **s, char *word, size_t size,
		    enum cli_word_kind *kind);

/* `clerk help --man`: each usage form as the man page's COMMANDS section
 * gives it, a `.TP` line and the synopsis. */
void cli_print_man_synopsis(FILE *out);
/* `clerk help --complete N WORD...`: the candidates for word N (0 is the
 * first word after "clerk"), one a line; names of bodies, people and
 * meeting dates are read from the database the words name (or the
 * default), when it can be read. */
int cli_complete(struct cli *cli, int index, int argc, char **argv);

#endif
