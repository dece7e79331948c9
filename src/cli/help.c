/*
 * cli/help: everything printed from the table of commands.  The table is
 * expanded once, as a flat list of facts, so that one command's usage lines,
 * options, notes and examples are found by walking the list for its name.
 */
#include "config.h"

#include <string.h>

#include "help.h"

const struct cli_fact cli_facts[] = {
#define CLI_COMMAND(name, summary) \
	{CLI_FACT_COMMAND, #name, summary, NULL, NULL, cmd_##name},
#define CLI_USAGE(name, usage) {CLI_FACT_USAGE, #name, usage, NULL, NULL, NULL},
#define CLI_OPTION(name, option, arg, help) \
	{CLI_FACT_OPTION, #name, option, arg, help, NULL},
#define CLI_NOTE(name, text) {CLI_FACT_NOTE, #name, text, NULL, NULL, NULL},
#define CLI_EXAMPLE(name, text) \
	{CLI_FACT_EXAMPLE, #name, text, NULL, NULL, NULL},
#include "commands.def"
#undef CLI_COMMAND
#undef CLI_USAGE
#undef CLI_OPTION
#undef CLI_NOTE
#undef CLI_EXAMPLE
	{CLI_FACT_COMMAND, NULL, NULL, NULL, NULL, NULL},
};

/* True when the typed name is the command's: "attendance-csv" names
 * cmd_attendance_csv. */
static bool command_named(const char *def, const char *typed)
{
	for (; *def && *typed; def++, typed++)
		if (*def != *typed && !(*def == '_' && *typed == '-'))
			return false;
	return *def == *typed;
}

const struct cli_fact *cli_find_command(const char *typed)
{
	for (const struct cli_fact *f = cli_facts; f->command; f++)
		if (f->kind == CLI_FACT_COMMAND && command_named(f->command, typed))
			return f;
	return NULL;
}

const char *cli_command_shown(const struct cli_fact *cmd, char *buf,
			      size_t size)
{
	snprintf(buf, size, "%s", cmd->command);
	for (char *c = buf; *c; c++)
		*c = *c == '_' ? '-' : *c;
	return buf;
}

void cli_print_help(FILE *out)
{
	fputs("usage: clerk [--db FILE] [--no-color] COMMAND [ARGS]\n"
	      "\n"
	      "clerk runs council committee meetings and keeps their minutes.\n"
	      "With no COMMAND it opens the live console on the meeting in\n"
	      "progress, else the next one scheduled.\n"
	      "\n"
	      "Commands:\n",
	      out);
	for (const struct cli_fact *f = cli_facts; f->command; f++) {
		if (f->kind != CLI_FACT_COMMAND)
			continue;
		char shown[32];
		fprintf(out, "  %-14s %s\n",
			cli_command_shown(f, shown, sizeof shown), f->text);
	}
	fputs("\n"
	      "Options:\n"
	      "  --db FILE     the clerk database (default: $CLERK_DB, else\n"
	      "                $XDG_DATA_HOME/clerk/clerk.db)\n"
	      "  --no-color    no colour in the console (also NO_COLOR=1)\n"
	      "  -h, --help    this help; `clerk COMMAND --help` for one command\n"
	      "  -V, --version the version and licence\n"
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

/* The facts of one kind about cmd, in order; f is the previous one found
 * (NULL to start). */
static const struct cli_fact *next_fact(const struct cli_fact *cmd,
					enum cli_fact_kind kind,
					const struct cli_fact *f)
{
	for (f = f ? f + 1 : cli_facts; f->command; f++)
		if (f->kind == kind && strcmp(f->command, cmd->command) == 0)
			return f;
	return NULL;
}

/* An option's column: "--at DATE", padded to line the explanations up. */
static void print_option(FILE *out, const struct cli_fact *o)
{
	char head[64];
	snprintf(head, sizeof head, "%s%s%s", o->text, *o->arg ? " " : "",
		 o->arg);
	if (strlen(head) > 22)
		fprintf(out, "  %s\n  %-22s %s\n", head, "", o->help);
	else
		fprintf(out, "  %-22s %s\n", head, o->help);
}

void cli_print_command_help(FILE *out, const struct cli_fact *cmd)
{
	const char *lead = "usage:";
	const struct cli_fact *f = NULL;
	while ((f = next_fact(cmd, CLI_FACT_USAGE, f))) {
		/* "[--db FILE] demo" puts the global option first. */
		fprintf(out, "%s clerk %s\n", lead, f->text);
		lead = "   or:";
	}
	fprintf(out, "%s\n", cmd->text);
	if ((f = next_fact(cmd, CLI_FACT_OPTION, NULL))) {
		fputs("\nOptions:\n", out);
		for (; f; f = next_fact(cmd, CLI_FACT_OPTION, f))
			print_option(out, f);
	}
	if ((f = next_fact(cmd, CLI_FACT_NOTE, NULL))) {
		fputc('\n', out);
		for (; f; f = next_fact(cmd, CLI_FACT_NOTE, f))
			fprintf(out, "%s\n", f->text);
	}
	const char *head = "\nExample:\n";
	for (f = NULL; (f = next_fact(cmd, CLI_FACT_EXAMPLE, f)); head = "")
		fprintf(out, "%s  %s\n", head, f->text);
	fputs("\nGlobal options (before COMMAND): --db FILE, --no-color.  "
	      "See clerk(1).\n", out);
}

bool cli_usage_word(const char **s, char *word, size_t size,
		    enum cli_word_kind *kind)
{
	const char *p = *s;
	while (*p == ' ')
		p++;
	if (!*p)
		return false;
	size_t n = strchr("[]|", *p) ? 1 : strcspn(p, " []|");
	if (n >= size)
		n = size - 1;
	memcpy(word, p, n);
	word[n] = '\0';
	*s = p + n;
	if (strchr("[]|", *word))
		*kind = CLI_WORD_PUNCT;
	else if (*word == '-' || !strpbrk(word, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		*kind = CLI_WORD_LITERAL;
	else
		*kind = CLI_WORD_META;
	return true;
}

/* Write text for troff: a '-' as "\-", a backslash as "\e". */
static void man_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", out);
		else if (*s == '\\')
			fputs("\\e", out);
		else
			fputc(*s, out);
	}
}

/* One usage form as ".BR" (or ".RB" when it starts roman): its literals
 * bold, its metavariables italic inside the roman parts, spaces and
 * brackets roman.  A macro line rather than text, so that a long synopsis
 * stays the one tag of its .TP. */
static void man_usage_line(FILE *out, const char *usage)
{
	char word[64];
	enum cli_word_kind kind;
	const char *s = usage;
	while (*s == ' ')
		s++;
	const char *peek = s;
	cli_usage_word(&peek, word, sizeof word, &kind);
	bool bold = kind == CLI_WORD_LITERAL;
	fputs(bold ? ".BR \"" : ".RB \"", out);
	while (*s) {
		const char *start = s;
		if (!cli_usage_word(&s, word, sizeof word, &kind))
			break;
		bool want_bold = kind == CLI_WORD_LITERAL;
		size_t spaces = strspn(start, " ");
		if (spaces && bold && !want_bold) { /* "body add" stays bold */
			fputs("\" \"", out);
			bold = false;
		}
		for (size_t i = 0; i < spaces; i++)
			fputc(' ', out);
		if (want_bold != bold) {
			fputs("\" \"", out);
			bold = want_bold;
		}
		if (kind == CLI_WORD_META)
			fputs("\\fI", out);
		man_text(out, word);
		if (kind == CLI_WORD_META)
			fputs("\\fR", out);
	}
	fputs("\"\n", out);
}

void cli_print_man_synopsis(FILE *out)
{
	for (const struct cli_fact *f = cli_facts; f->command; f++) {
		if (f->kind != CLI_FACT_USAGE)
			continue;
		fputs(".TP\n", out);
		man_usage_line(out, f->text);
	}
}
