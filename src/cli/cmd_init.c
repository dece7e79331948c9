/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_init: `clerk init`, a guided first set-up.  It asks, a line at a
 * time, for the council, its first body, that body's seats and members (or
 * a members file to import) and its first meeting, and does each step by
 * running the very command a clerk would type, printed before it runs: the
 * clerk sees how to script the next council or body, and nothing is set up
 * here that the commands could not do.  A step a command refuses is asked
 * again, with the command's own sentence above; an answer left blank takes
 * the default shown in brackets.
 *
 * Plain `clerk` on a file that holds no council runs it before the console
 * opens (cmd_live.c).
 */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/cli.h"
#include "clerk/core.h"
#include "help.h"

enum { INIT_MAX_SEATS = 200 };

struct init {
	struct cli *cli;
	FILE *in;
	bool echo;  /* answers come from a file or pipe: show them */
	int steps;  /* commands run */
};

/* The answer to one question, trimmed; def when left blank; NULL at the
 * end of the input. */
static char *ask(struct init *in, const char *question, const char *def)
{
	if (def && *def)
		fprintf(in->cli->out, "%s [%s]: ", question, def);
	else
		fprintf(in->cli->out, "%s: ", question);
	fflush(in->cli->out);
	char *line = NULL;
	size_t cap = 0;
	if (getline(&line, &cap, in->in) < 0) {
		free(line);
		fputc('\n', in->cli->out);
		return NULL;
	}
	char *s = line;
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	char *answer = xstrdup(*s ? s : def ? def : "");
	if (in->echo)
		fprintf(in->cli->out, "%s\n", answer);
	free(line);
	return answer;
}

/* A word quoted for the shell when it needs it. */
static void print_word(FILE *f, const char *w)
{
	bool plain = *w != '\0';
	for (const char *p = w; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("-_./:@%+,=", *p))
			plain = false;
	if (plain) {
		fputs(w, f);
		return;
	}
	fputc('\'', f);
	for (const char *p = w; *p; p++)
		if (*p == '\'')
			fputs("'\\''", f);
		else
			fputc(*p, f);
	fputc('\'', f);
}

/* A command line being built: an option with an empty value is left out
 * (what is not given is left out of the council's papers). */
struct args {
	char *v[48];
	int n;
};

static void arg(struct args *a, const char *s)
{
	if (a->n < 47)
		a->v[a->n++] = xstrdup(s);
	a->v[a->n] = NULL;
}

static void opt(struct args *a, const char *name, const char *value)
{
	if (value && *value) {
		arg(a, name);
		arg(a, value);
	}
}

/* Run `clerk ARGS`, printed first as it would be typed; frees a's words. */
static int run(struct init *in, struct args *a)
{
	fputs("  $ clerk", in->cli->out);
	if (in->cli->db_option) {
		fputs(" --db ", in->cli->out);
		print_word(in->cli->out, in->cli->db_option);
	}
	for (int i = 0; i < a->n; i++) {
		fputc(' ', in->cli->out);
		print_word(in->cli->out, a->v[i]);
	}
	fputc('\n', in->cli->out);
	fflush(in->cli->out);
	const struct cli_fact *cmd = cli_find_command(a->v[0]);
	optind = 0; /* each command parses its own options afresh */
	int rc = cmd ? cmd->run(in->cli, a->n, a->v) : 2;
	fflush(in->cli->out);
	for (int i = 0; i < a->n; i++)
		free(a->v[i]);
	a->n = 0;
	if (rc == 0)
		in->steps++;
	else
		fputs("That was refused: the reason is above.\n", in->cli->out);
	return rc;
}

/* The initials of the capitalised words: "Wereham Parish Council": WPC. */
static char *initials(const char *name)
{
	char buf[16];
	size_t n = 0;
	for (const char *p = name; *p && n + 1 < sizeof buf; p++)
		if ((p == name || p[-1] == ' ') && isupper((unsigned char)*p))
			buf[n++] = *p;
	buf[n] = '\0';
	return xstrdup(n ? buf : "B1");
}

static bool is_local(const char *kind)
{
	return strcmp(kind, "parish") == 0 || strcmp(kind, "community") == 0;
}

struct setup {
	char *council, *kind, *body, *short_name, *date_from;
};

static void setup_free(struct setup *s)
{
	free(s->council);
	free(s->kind);
	free(s->body);
	free(s->short_name);
	free(s->date_from);
}

#define ASK(var, q, def)                                                      \
	do {                                                                  \
		free(var);                                                    \
		if (!((var) = ask(in, (q), (def))))                           \
			goto eof;                                             \
	} while (0)

static int step_council(struct init *in, struct setup *s)
{
	char *officer = NULL, *title = NULL, *address = NULL, *enquiries = NULL;
	fputs("\nYour council\n", in->cli->out);
	for (;;) {
		ASK(s->council, "Its name (e.g. Anytown Parish Council)", NULL);
		if (!*s->council)
			continue;
		ASK(s->kind, "Its kind: parish (or town), community (Welsh), "
			     "principal or scottish", "parish");
		ASK(officer, "Its clerk or proper officer, as notices name them "
			     "(blank: left out)", "");
		ASK(title, "Their title", is_local(s->kind)
						 ? "Clerk to the Council"
						 : "Chief Executive");
		ASK(address, "Its address for notices (blank: left out)", "");
		ASK(enquiries, "Who to ask about meetings: an e-mail or a name "
			       "(blank: left out)", "");
		struct args a = {0};
		arg(&a, "council");
		arg(&a, "add");
		arg(&a, s->council);
		opt(&a, "--kind", s->kind);
		opt(&a, "--officer", officer);
		opt(&a, "--officer-title", *officer ? title : "");
		opt(&a, "--address", address);
		opt(&a, "--enquiries", enquiries);
		if (run(in, &a) == 0)
			break;
	}
	free(officer);
	free(title);
	free(address);
	free(enquiries);
	return 0;
eof:
	free(officer);
	free(title);
	free(address);
	free(enquiries);
	return -1;
}

static int step_body(struct init *in, struct setup *s)
{
	bool local = is_local(s->kind);
	char *self = NULL, *quorum = NULL, *style = NULL;
	fputs("\nIts first body (the full council, or a committee)\n",
	      in->cli->out);
	for (;;) {
		ASK(s->body, "Its name", local ? s->council : NULL);
		if (!*s->body)
			continue;
		char *def = initials(s->body);
		free(s->short_name);
		s->short_name = ask(in, "A short name to type in commands", def);
		free(def);
		if (!s->short_name)
			goto eof;
		ASK(self, "How its minutes call it",
		    local ? "the Council" : "the Committee");
		/* LGA 1972 Sch. 12 para 12: a parish council's quorum is a
		 * third of its members, never fewer than three. */
		ASK(quorum, "Its quorum: a number, a fraction, or both",
		    local ? "1/3 min 3" : "1/4 min 3");
		bool planning = strstr(s->body, "lanning") != NULL;
		ASK(style, "Its house style (county, planning, parish, "
			   "partnership, or your own)",
		    local ? "parish" : planning ? "planning" : "county");
		struct args a = {0};
		arg(&a, "body");
		arg(&a, "add");
		arg(&a, s->body);
		opt(&a, "--council", s->council);
		opt(&a, "--short", s->short_name);
		opt(&a, "--self", self);
		opt(&a, "--quorum", quorum);
		opt(&a, "--style", style);
		if (run(in, &a) == 0)
			break;
	}
	free(self);
	free(quorum);
	free(style);
	return 0;
eof:
	free(self);
	free(quorum);
	free(style);
	return -1;
}

/* Seats and members typed here: the names first, then who chairs, then
 * the commands. */
static int step_members_typed(struct init *in, struct setup *s, int seats)
{
	char *names[INIT_MAX_SEATS] = {0};
	char *chair = NULL, *vice = NULL;
	int n = 0, rc = -1;
	fputs("Its members, one a line as the minutes name them (Cllr Ann "
	      "Smith); a blank line leaves the other seats vacant.\n",
	      in->cli->out);
	while (n < seats) {
		char q[32];
		snprintf(q, sizeof q, "Seat %d", n + 1);
		char *name = ask(in, q, "");
		if (!name)
			goto out;
		if (!*name) {
			free(name);
			break;
		}
		names[n++] = name;
	}
	if (n) {
		ASK(chair, "Who chairs it (a name above; blank: nobody yet)", "");
		ASK(vice, "And who is vice-chairman (blank: nobody)", "");
	}
	for (int i = 0; i < seats; i++) {
		char label[32], pos[16];
		snprintf(label, sizeof label, "Councillor %d", i + 1);
		snprintf(pos, sizeof pos, "%d", i + 1);
		struct args a = {0};
		arg(&a, "seat");
		arg(&a, "add");
		arg(&a, s->short_name);
		arg(&a, label);
		if (run(in, &a))
			goto out;
		if (i >= n)
			continue;
		const char *role = chair && *chair && strstr(names[i], chair)
					   ? "chairman"
				   : vice && *vice && strstr(names[i], vice)
					   ? "vice-chairman"
					   : "member";
		arg(&a, "member");
		arg(&a, "add");
		arg(&a, s->short_name);
		arg(&a, pos);
		arg(&a, names[i]);
		opt(&a, "--role", role);
		opt(&a, "--from", s->date_from);
		if (run(in, &a))
			goto out;
	}
	rc = 0;
eof:
out:
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(chair);
	free(vice);
	return rc;
}

static int step_members(struct init *in, struct setup *s)
{
	char *file = NULL, *count = NULL;
	int rc = -1;
	fputs("\nIts seats and members\n", in->cli->out);
	ASK(s->date_from, "From which day do they serve (YYYY-MM-DD)",
	    "today");
	if (strcmp(s->date_from, "today") == 0) {
		char today[16];
		time_format_local(clock_now(), CLERK_DEFAULT_TZ, "%Y-%m-%d", today,
				  sizeof today);
		free(s->date_from);
		s->date_from = xstrdup(today);
	}
	for (;;) {
		ASK(file, "A members file to import (CSV: seat, member, "
			  "substitutes, as clerk import members reads; blank: "
			  "type them here)", "");
		if (!*file)
			break;
		struct args a = {0};
		arg(&a, "import");
		arg(&a, "members");
		arg(&a, s->short_name);
		arg(&a, file);
		opt(&a, "--from", s->date_from);
		if (run(in, &a) == 0) {
			rc = 0;
			goto out;
		}
	}
	for (;;) {
		ASK(count, "How many seats has it", "");
		char *end;
		long k = strtol(count, &end, 10);
		if (*count && !*end && k >= 1 && k <= INIT_MAX_SEATS) {
			rc = step_members_typed(in, s, (int)k);
			goto out;
		}
		fprintf(in->cli->out, "A number from 1 to %d, please.\n",
			INIT_MAX_SEATS);
	}
eof:
out:
	free(file);
	free(count);
	return rc;
}

static int step_meeting(struct init *in, struct setup *s)
{
	char *date = NULL, *time = NULL, *venue = NULL;
	int rc = -1;
	fputs("\nIts first meeting\n", in->cli->out);
	for (;;) {
		ASK(date, "Its date (YYYY-MM-DD; blank: add one later)", "");
		if (!*date) {
			rc = 0;
			break;
		}
		ASK(time, "It starts at", is_local(s->kind) ? "19:00" : "10:00");
		ASK(venue, "Where (blank: left out)", "");
		struct args a = {0};
		arg(&a, "meeting");
		arg(&a, "add");
		arg(&a, s->short_name);
		arg(&a, date);
		arg(&a, time);
		opt(&a, "--venue", venue);
		if (run(in, &a) == 0) {
			fprintf(in->cli->out,
				"\nNext: its agenda (clerk import agenda %s "
				"FILE, or clerk item add), then run it with "
				"clerk live %s.\n",
				date, date);
			rc = 0;
			break;
		}
	}
eof:
	free(date);
	free(time);
	free(venue);
	return rc;
}

int cmd_init(struct cli *cli, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage(cli, "init");
	struct init in = {.cli = cli, .in = stdin, .echo = !isatty(0)};
	struct setup s = {0};
	fprintf(cli->out,
		"Setting up your council in %s.  Each step runs the command "
		"shown, so that you can type the next ones yourself.\n",
		cli->db_path);
	int rc = step_council(&in, &s);
	if (!rc)
		rc = step_body(&in, &s);
	if (!rc)
		rc = step_members(&in, &s);
	if (!rc)
		rc = step_meeting(&in, &s);
	setup_free(&s);
	if (rc) {
		fprintf(cli->err,
			"clerk: init stopped before the end (%d step%s done, "
			"kept); the commands above show what was done: run "
			"the rest yourself, or clerk init again for another "
			"body\n",
			in.steps, in.steps == 1 ? "" : "s");
		return 1;
	}
	fprintf(cli->out, "Set up: %d commands run.\n", in.steps);
	return 0;
}
