/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_merge: `clerk merge OTHER.db` — copy what another clerk file has
 * and this one lacks, matching records that are the same thing under
 * another id (each match reported); list the records that differ between
 * the two as warnings, named as a clerk names them; `--conflicts` shows
 * both versions side by side and `--take theirs|ours` settles them.
 * Exit 0 when the merge completed.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/merge.h"

static const char merge_usage[] =
	"merge OTHER.db [--no-match] [--take theirs|ours] | merge --conflicts "
	"OTHER.db";

struct lines {
	char **v;
	size_t n;
};

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* A value cut into lines of at most cols columns, at spaces where it has
 * them; line breaks and tabs read as spaces, control characters made
 * safe for the terminal. */
static void wrap(const char *value, int cols, struct lines *out)
{
	char *flat = xstrdup(value);
	for (char *p = flat; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	char *safe = utf8_sanitize(flat);
	free(flat);
	const char *p = safe;
	do {
		size_t n = utf8_fit(p, cols, NULL);
		if (p[n] && p[n] != ' ') {
			size_t b = n;
			while (b > 0 && p[b - 1] != ' ')
				b--;
			if (b > 1)
				n = b - 1;
		}
		if (!n && *p)
			n = strlen(p); /* nothing fits: the whole of it */
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		out->v[out->n++] = xstrndup(p, n);
		p += n;
		while (*p == ' ')
			p++;
	} while (*p);
	free(safe);
}

/* s, then spaces to cols columns. */
static void put_padded(FILE *f, const char *s, int cols)
{
	int w = utf8_width(s);
	fprintf(f, "%s%*s", s, w < cols ? cols - w : 0, "");
}

/* One row of the side-by-side table: name, this file's, the other's. */
static void put_row(FILE *f, const char *name, const char *ours,
		    const char *theirs)
{
	struct lines n = {0}, a = {0}, b = {0};
	wrap(name, 14, &n);
	wrap(ours, 30, &a);
	wrap(theirs, 30, &b);
	size_t rows = n.n > a.n ? n.n : a.n;
	if (b.n > rows)
		rows = b.n;
	for (size_t i = 0; i < rows; i++) {
		fputs("  ", f);
		put_padded(f, i < n.n ? n.v[i] : "", 14);
		fputc(' ', f);
		put_padded(f, i < a.n ? a.v[i] : "", 30);
		const char *right = i < b.n ? b.v[i] : "";
		fprintf(f, " |%s%s\n", *right ? " " : "", right);
	}
	lines_free(&n);
	lines_free(&a);
	lines_free(&b);
}

/* `clerk merge --conflicts OTHER.db`: both versions, side by side. */
static void show_conflicts(struct cli *cli, const struct merge_report *rep,
			   const char *other)
{
	if (!rep->n) {
		fprintf(cli->out, "No conflicts with %s.\n", other);
		return;
	}
	fprintf(cli->out, "%zu conflict%s with %s:\n", rep->n,
		rep->n == 1 ? "" : "s", other);
	for (size_t i = 0; i < rep->n; i++) {
		const struct merge_conflict *k = &rep->v[i];
		char *label = utf8_sanitize(k->label ? k->label : k->id);
		fprintf(cli->out, "\n%s: %s\n", label, k->what);
		free(label);
		if (!k->nd)
			continue;
		put_row(cli->out, "", "this file", other);
		for (size_t j = 0; j < k->nd; j++)
			put_row(cli->out, k->d[j].col,
				*k->d[j].ours ? k->d[j].ours : "(none)",
				*k->d[j].theirs ? k->d[j].theirs : "(none)");
	}
	fprintf(cli->out,
		"\nSettle them with 'clerk merge %s --take theirs' (the other "
		"file's versions) or '--take ours' (this file's); either is "
		"recorded in the audit.\n",
		other);
}

int cmd_merge(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"no-match", no_argument, NULL, 'n'},
		{"conflicts", no_argument, NULL, 'c'},
		{"take", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	struct merge_options mopt = {0};
	int opt;
	opterr = 0;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt == 'n') {
			mopt.no_match = true;
		} else if (opt == 'c') {
			mopt.dry_run = true;
		} else if (opt == 't' && strcmp(optarg, "theirs") == 0) {
			mopt.take = MERGE_TAKE_THEIRS;
		} else if (opt == 't' && strcmp(optarg, "ours") == 0) {
			mopt.take = MERGE_TAKE_OURS;
		} else if (opt == 't') {
			char *safe = utf8_sanitize(optarg);
			fprintf(cli->err,
				"clerk: merge: --take takes 'theirs' (the other "
				"file's version) or 'ours' (this file's), not "
				"'%s'\n",
				safe);
			free(safe);
			return cli_usage(cli, merge_usage);
		} else {
			fprintf(cli->err, "clerk: merge: unknown option '%s'\n",
				argv[optind - 1]);
			return cli_usage(cli, merge_usage);
		}
	}
	if (argc - optind != 1)
		return cli_usage(cli, merge_usage);
	if (mopt.dry_run && mopt.take != MERGE_TAKE_NONE) {
		fprintf(cli->err, "clerk: merge: --conflicts only shows them; "
				  "settle them with --take without "
				  "--conflicts\n");
		return cli_usage(cli, merge_usage);
	}
	const char *path = argv[optind];
	long long work = 0;
	struct clerk_err err = {0};
	/* The checks are merge_check_file's, shared with the fuzz harness. */
	if (merge_check_file(path, &work, &err))
		return cli_report(cli, &err);
	struct db *db;
	int code = cli_open_db(cli, mopt.dry_run ? DB_EXISTING : DB_CREATE, &db);
	if (code)
		return code;
	struct merge_report rep = {0};
	/* The other file is ATTACHed to this connection: its reads count. */
	db_limit_work(db, work + merge_work_limit(db));
	enum clerk_status rc = merge_file_opts(db, path, &mopt, &rep, &err);
	db_limit_work(db, 0);
	char *safe = utf8_sanitize(path);
	if (rc) {
		code = cli_report(cli, &err);
	} else if (mopt.dry_run) {
		show_conflicts(cli, &rep, safe);
	} else if (rep.refused) {
		for (size_t i = 0; i < rep.n; i++) {
			char *label = utf8_sanitize(rep.v[i].label);
			fprintf(cli->err, "clerk: conflict: %s: %s\n", label,
				rep.v[i].what);
			free(label);
		}
		fprintf(cli->err,
			"clerk: %zu record%s of %s %s the same as this file's "
			"under other ids; with --no-match nothing was merged "
			"(merge without it to match them)\n",
			rep.n, rep.n == 1 ? "" : "s", safe,
			rep.n == 1 ? "is" : "are");
		code = 3;
	} else {
		for (size_t i = 0; i < rep.nnotes; i++) {
			char *note = utf8_sanitize(rep.notes[i]);
			fprintf(cli->out, "%s\n", note);
			free(note);
		}
		fprintf(cli->out, "Merged from %s: %s.\n", safe,
			*rep.summary ? rep.summary : "nothing new");
		for (size_t i = 0; i < rep.nwarnings; i++) {
			char *w = utf8_sanitize(rep.warnings[i]);
			fprintf(cli->err, "clerk: warning: %s\n", w);
			free(w);
		}
		const char *kept = mopt.take == MERGE_TAKE_THEIRS
					   ? "the other file's version is taken"
					   : "this file's version is kept";
		for (size_t i = 0; i < rep.n; i++) {
			char *label = utf8_sanitize(rep.v[i].label);
			fprintf(cli->err, "clerk: warning: conflict: %s: %s; %s\n",
				label, rep.v[i].what,
				rep.v[i].nd ? kept : "this file's version is kept");
			free(label);
		}
		if (rep.settled)
			fprintf(cli->out,
				"Settled %d conflict%s: %s (recorded in the "
				"audit).\n",
				rep.settled, rep.settled == 1 ? "" : "s",
				mopt.take == MERGE_TAKE_THEIRS
					? "took the other file's versions"
					: "kept this file's versions");
		else if (rep.n)
			fprintf(cli->err,
				"clerk: %zu record%s differ between the files: "
				"'clerk merge --conflicts %s' shows both "
				"versions; 'clerk merge %s --take theirs' or "
				"'--take ours' settles them\n",
				rep.n, rep.n == 1 ? "" : "s", safe, safe);
	}
	free(safe);
	merge_report_free(&rep);
	db_close(&db);
	return code;
}
