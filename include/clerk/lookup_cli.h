/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lookup_cli: what the look-up commands (members, who, attendance, search)
 * share: their output options, naming a body or a person on the command
 * line with the right exit code when the name fits none or several, and
 * opening the file for reading only.
 */
#ifndef CLERK_LOOKUP_CLI_H
#define CLERK_LOOKUP_CLI_H

#include <getopt.h>

#include "clerk/cli.h"
#include "clerk/listing.h"
#include "clerk/lookup.h"

/* getopt_long codes of the options every look-up takes. */
enum {
	LOOKUP_OPT_JSON = 0x100,
	LOOKUP_OPT_CSV,
	LOOKUP_OPT_AT,
	LOOKUP_OPT_FROM,
	LOOKUP_OPT_TO,
	LOOKUP_OPT_BODY,
	LOOKUP_OPT_PERSON,
	LOOKUP_OPT_LIMIT,
	LOOKUP_OPT_EXEMPT,
	LOOKUP_OPT_BEST,
};

/* The words argv[from..argc-1] joined by spaces ("health and wellbeing"
 * typed unquoted); NULL when there are none.  Caller frees. */
char *lookup_cli_join(int argc, char **argv, int from);

/* Open the database for look-ups only (works on a read-only file and
 * beside a writer); on failure prints why and returns the exit code. */
int lookup_cli_open(struct cli *cli, struct db **db);

/* Resolve `name` to one body.  Returns 0 and fills *out; else prints
 * "no body matches" with the bodies there are (exit 1), or the candidates
 * when several match (exit 2), or a storage error, and returns the code. */
int lookup_cli_body(struct cli *cli, struct db *db, const char *name,
		    struct lookup_body *out);

/* Resolve `name` to one person (id and display name).  Returns 0; else
 * prints "did you mean" (exit 1) or the candidates (exit 2). */
int lookup_cli_person(struct cli *cli, struct db *db, const char *name,
		      struct lookup_person *out);

/* Print "nobody matches 'name'" with "did you mean" suggestions to the
 * error stream; returns 1 (or the exit code of a storage error). */
int lookup_cli_no_person(struct cli *cli, struct db *db, const char *name);
/* When nobody matches name but exactly one name is close to it: say so on
 * the error stream ("nobody is called 'Fairhirst'; showing the one close
 * match, ...") and return 0 with *near the name to use (caller frees).
 * Otherwise as lookup_cli_no_person, *near NULL. */
int lookup_cli_one_near(struct cli *cli, struct db *db, const char *name,
			char **near);

/* Check a --from/--to/--at date; prints a usage error and returns false
 * when it is not YYYY-MM-DD. */
bool lookup_cli_date(struct cli *cli, const char *option, const char *value);

/* The options the look-ups share, as lookup_cli_parse() leaves them. */
struct lookup_cli_opts {
	enum listing_format format; /* LISTING_TEXT unless --json or --csv */
	const char *at, *from, *to; /* NULL when not given */
	char *words; /* the words after the options, joined (NULL: none);
		      * the caller frees */
};
/* A command's own option: returns 0, or an exit code (after printing). */
typedef int (*lookup_cli_extra_fn)(struct cli *cli, int opt, const char *arg,
				   void *ctx);
/* Parse argv with the getopt_long table `options`: the shared LOOKUP_OPT_
 * codes fill *o, any other code goes to extra (NULL: a usage error), an
 * unknown option prints `usage`.  Returns 0 or the exit code.  Dates are
 * not checked here: see lookup_cli_dates. */
int lookup_cli_parse(struct cli *cli, int argc, char **argv,
		     const struct option *options, const char *usage,
		     lookup_cli_extra_fn extra, void *ctx,
		     struct lookup_cli_opts *o);
/* "COMMAND NAME [--at DATE] [--json | --csv]" (members, who): parse, and
 * require the name (o->words, which the caller frees) and a good date.
 * Returns 0 or the exit code (usage or the date's error printed). */
int lookup_cli_parse_named(struct cli *cli, int argc, char **argv,
			   const char *usage, struct lookup_cli_opts *o);
/* Check every date given in *o (lookup_cli_date); false after printing. */
bool lookup_cli_dates(struct cli *cli, const struct lookup_cli_opts *o);

#endif
