/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/lookup_cli: naming bodies and people on the command line for the
 * look-up commands, with the documented exit codes: 1 when nothing
 * matches (with the names there are, or "did you mean"), 2 when a name
 * fits several (with the candidates); and the options they share
 * (--at, --from, --to, --json, --csv), parsed in one place.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/lookup_cli.h"

char *lookup_cli_join(int argc, char **argv, int from)
{
	if (from >= argc)
		return NULL;
	struct strbuf sb = {0};
	for (int i = from; i < argc; i++) {
		if (i > from)
			sb_addc(&sb, ' ');
		sb_add(&sb, argv[i]);
	}
	return sb_detach(&sb);
}

int lookup_cli_open(struct cli *cli, struct db **db)
{
	struct clerk_err err = {0};
	enum clerk_status rc = db_open(cli->db_path, DB_READONLY, db, &err);
	/* A file of an older schema cannot be read as it is: upgrade it when
	 * it is writable (db_open opens it read-only again when it is not,
	 * and says so). */
	if (rc == CLERK_READONLY)
		rc = db_open(cli->db_path, DB_EXISTING, db, &err);
	if (rc == CLERK_NOT_FOUND) {
		/* A missing file is a storage problem (exit 4), not an empty
		 * answer (exit 1) that a script could take for "nobody". */
		cli_report(cli, &err);
		return clerk_status_exit_code(CLERK_IO);
	}
	if (rc)
		return cli_report(cli, &err);
	cli_warn_if_readable(cli);
	return 0;
}

static void print_body_name(FILE *f, const struct lookup_body *b)
{
	char *name = utf8_sanitize(b->name);
	char *shrt = utf8_sanitize(b->short_name);
	fprintf(f, "  %s%s%s%s\n", name, *shrt ? " (" : "", shrt, *shrt ? ")" : "");
	free(name);
	free(shrt);
}

int lookup_cli_body(struct cli *cli, struct db *db, const char *name,
		    struct lookup_body *out)
{
	struct clerk_err err = {0};
	struct lookup_body_list l;
	memset(out, 0, sizeof *out);
	if (lookup_body_match(db, name, &l, &err))
		return cli_report(cli, &err);
	char *shown = utf8_sanitize(name);
	int rc = 0;
	if (l.n == 1) {
		*out = l.v[0];
		memset(&l.v[0], 0, sizeof l.v[0]);
	} else if (l.n > 1) {
		fprintf(cli->err, "clerk: '%s' matches %zu bodies; name one:\n",
			shown, l.n);
		for (size_t i = 0; i < l.n; i++)
			print_body_name(cli->err, &l.v[i]);
		rc = 2;
	} else {
		struct lookup_body_list all;
		rc = 1;
		if (lookup_body_all(db, &all, &err)) {
			rc = cli_report(cli, &err);
		} else if (all.n == 0) {
			fprintf(cli->err,
				"clerk: no body matches '%s': the file has no "
				"bodies yet (try 'clerk demo')\n",
				shown);
		} else {
			fprintf(cli->err,
				"clerk: no body matches '%s'; the bodies are:\n",
				shown);
			for (size_t i = 0; i < all.n; i++)
				print_body_name(cli->err, &all.v[i]);
		}
		lookup_body_list_free(&all);
	}
	free(shown);
	lookup_body_list_free(&l);
	return rc;
}

int lookup_cli_no_person(struct cli *cli, struct db *db, const char *name)
{
	struct clerk_err err = {0};
	char **near = NULL;
	if (lookup_people_suggest(db, name, 5, &near, &err)) {
		lookup_strings_free(&near);
		return cli_report(cli, &err);
	}
	char *shown = utf8_sanitize(name);
	if (!near[0]) {
		fprintf(cli->err, "clerk: nobody matches '%s'\n", shown);
	} else {
		fprintf(cli->err, "clerk: nobody matches '%s'; did you mean:\n",
			shown);
		for (char **p = near; *p; p++) {
			char *s = utf8_sanitize(*p);
			fprintf(cli->err, "  %s\n", s);
			free(s);
		}
	}
	free(shown);
	lookup_strings_free(&near);
	return 1;
}

int lookup_cli_one_near(struct cli *cli, struct db *db, const char *name,
			char **near)
{
	struct clerk_err err = {0};
	char **cands = NULL;
	*near = NULL;
	if (lookup_people_suggest(db, name, 2, &cands, &err)) {
		lookup_strings_free(&cands);
		return cli_report(cli, &err);
	}
	bool one = cands[0] && !cands[1];
	if (one) {
		char *shown = utf8_sanitize(name), *s = utf8_sanitize(cands[0]);
		fprintf(cli->err,
			"clerk: nobody is called '%s'; showing the one close "
			"match, %s\n",
			shown, s);
		free(shown);
		free(s);
		*near = xstrdup(cands[0]);
	}
	lookup_strings_free(&cands);
	return one ? 0 : lookup_cli_no_person(cli, db, name);
}

int lookup_cli_person(struct cli *cli, struct db *db, const char *name,
		      struct lookup_person *out)
{
	struct clerk_err err = {0};
	struct lookup_person_list l;
	memset(out, 0, sizeof *out);
	if (lookup_people_match(db, name, &l, &err))
		return cli_report(cli, &err);
	int rc = 0;
	if (l.n == 0) {
		rc = lookup_cli_no_person(cli, db, name);
	} else if (l.n > 1) {
		char *shown = utf8_sanitize(name);
		fprintf(cli->err, "clerk: '%s' matches %zu people; name one:\n",
			shown, l.n);
		for (size_t i = 0; i < l.n; i++) {
			char *s = utf8_sanitize(l.v[i].name);
			fprintf(cli->err, "  %s\n", s);
			free(s);
		}
		free(shown);
		rc = 2;
	} else {
		*out = l.v[0];
		memset(&l.v[0], 0, sizeof l.v[0]);
	}
	lookup_person_list_free(&l);
	return rc;
}

bool lookup_cli_date(struct cli *cli, const char *option, const char *value)
{
	int y, m, d;
	if (date_parse(value, &y, &m, &d))
		return true;
	char *shown = utf8_sanitize(value);
	fprintf(cli->err, "clerk: %s '%s' is not a date: write it as YYYY-MM-DD\n",
		option, shown);
	free(shown);
	return false;
}

int lookup_cli_parse(struct cli *cli, int argc, char **argv,
		     const struct option *options, const char *usage,
		     lookup_cli_extra_fn extra, void *ctx,
		     struct lookup_cli_opts *o)
{
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		int rc = 0;
		switch (opt) {
		case LOOKUP_OPT_AT:
			o->at = optarg;
			break;
		case LOOKUP_OPT_FROM:
			o->from = optarg;
			break;
		case LOOKUP_OPT_TO:
			o->to = optarg;
			break;
		case LOOKUP_OPT_JSON:
			o->format = LISTING_JSON;
			break;
		case LOOKUP_OPT_CSV:
			o->format = LISTING_CSV;
			break;
		default:
			rc = extra && opt != '?' ? extra(cli, opt, optarg, ctx)
						 : cli_usage(cli, usage);
		}
		if (rc)
			return rc;
	}
	o->words = lookup_cli_join(argc, argv, optind);
	return 0;
}

bool lookup_cli_dates(struct cli *cli, const struct lookup_cli_opts *o)
{
	return (!o->at || lookup_cli_date(cli, "--at", o->at)) &&
	       (!o->from || lookup_cli_date(cli, "--from", o->from)) &&
	       (!o->to || lookup_cli_date(cli, "--to", o->to));
}

int lookup_cli_parse_named(struct cli *cli, int argc, char **argv,
			   const char *usage, struct lookup_cli_opts *o)
{
	static const struct option options[] = {
		{"at", required_argument, NULL, LOOKUP_OPT_AT},
		{"json", no_argument, NULL, LOOKUP_OPT_JSON},
		{"csv", no_argument, NULL, LOOKUP_OPT_CSV},
		{NULL, 0, NULL, 0},
	};
	int code = lookup_cli_parse(cli, argc, argv, options, usage, NULL, NULL,
				    o);
	if (code)
		return code;
	if (!o->words)
		return cli_usage(cli, usage);
	if (!lookup_cli_dates(cli, o)) {
		free(o->words);
		o->words = NULL;
		return 2;
	}
	return 0;
}
