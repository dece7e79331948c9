/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/export: the commands of the minutes' life after the meeting —
 *   clerk export MEETING   minutes (or --agenda, the notice) in a format
 *   clerk export --body B --from D --to D -o FOLDER   a period's minutes,
 *                          one file a meeting (a municipal year, say)
 *   clerk confirm MEETING --at MEETING2   confirmed and signed: locked
 *   clerk correct MEETING --at MEETING2 TEXT   a correction after that
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "clerk/cli.h"
#include "clerk/export.h"
#include "clerk/model.h"
#include "clerk/model_scale.h"

#define EXPORT_USAGE                                                        \
	"export MEETING [--body NAME] [--format text|markdown|html|docx|pdf] " \
	"[--confidential] [--agenda] [--style NAME] [--minute-book] "        \
	"[--first-leaf N] [-o FILE]\n"                                        \
	"   or: clerk export --body NAME --from DATE --to DATE "              \
	"[--format F] [--confidential] [--style NAME] [--minute-book] "      \
	"[--first-leaf N] -o FOLDER"
#define CONFIRM_USAGE                                                       \
	"confirm MEETING --at MEETING2 [--body NAME] [--amendment TEXT] "    \
	"[--presiding NAME]"
#define CORRECT_USAGE "correct MEETING --at MEETING2 [--body NAME] TEXT"

/* Find a meeting by date or id, reporting failure; returns an exit code. */
static int find_meeting(struct cli *cli, struct db *db, const char *name,
			const char *body, struct meeting *out)
{
	struct clerk_err err = {0};
	enum clerk_status rc = meeting_find(db, name, body, out, &err);
	/* Not found or ambiguous is an answer; a read that failed names what
	 * it was reading. */
	if (rc == CLERK_DB || rc == CLERK_IO || rc == CLERK_FOREIGN) {
		char why[sizeof err.msg];
		snprintf(why, sizeof why, "%s", err.msg);
		clerk_fail(&err, rc, "could not read the meetings and bodies to "
				     "find the meeting (%s)",
			   why);
	}
	if (rc)
		return cli_report(cli, &err);
	return 0;
}

/* "29 June 2017" for a meeting, in its body's zone (caller frees). */
static char *meeting_day(struct db *db, const struct meeting *m)
{
	struct body b = {0};
	struct clerk_err err = {0};
	const char *tz = CLERK_DEFAULT_TZ;
	if (body_get(db, m->body_id, &b, &err) == CLERK_OK && b.tz && *b.tz)
		tz = b.tz;
	char *s = style_date("{day} {month} {year}", m->starts_at, tz);
	body_free(&b);
	return s;
}

/* What `clerk export` was asked for. */
struct export_args {
	const char *meeting, *body, *format, *path, *from, *to;
	struct export_opts opts;
	bool agenda;
	bool minute_book; /* PDF pages numbered on through the minute book */
	int first_leaf;   /* its first page number; 0: worked out */
};

static int parse_export(struct cli *cli, int argc, char **argv,
			struct export_args *a)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'f'},
		{"confidential", no_argument, NULL, 'c'},
		{"agenda", no_argument, NULL, 'a'},
		{"style", required_argument, NULL, 's'},
		{"output", required_argument, NULL, 'o'},
		{"from", required_argument, NULL, 'F'},
		{"to", required_argument, NULL, 'T'},
		{"minute-book", no_argument, NULL, 'M'},
		{"first-leaf", required_argument, NULL, 'L'},
		{NULL, 0, NULL, 0},
	};
	memset(a, 0, sizeof *a);
	a->format = "text";
	char *end;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "b:f:o:", options, NULL)) != -1) {
		switch (opt) {
		case 'b': a->body = optarg; break;
		case 'f': a->format = optarg; break;
		case 'c': a->opts.confidential = true; break;
		case 'a': a->agenda = true; break;
		case 's': a->opts.style = optarg; break;
		case 'o': a->path = optarg; break;
		case 'F': a->from = optarg; break;
		case 'T': a->to = optarg; break;
		case 'M': a->minute_book = true; break;
		case 'L':
			a->minute_book = true;
			a->first_leaf = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || a->first_leaf < 1 ||
			    a->first_leaf > 1000000) {
				fprintf(cli->err, "clerk: --first-leaf takes the "
						  "number of the minute book's "
						  "page to start at (1 or "
						  "more)\n");
				return 2;
			}
			break;
		default: return cli_usage(cli, EXPORT_USAGE);
		}
	}
	bool period = a->from || a->to;
	if (argc - optind != (period ? 0 : 1))
		return cli_usage(cli, EXPORT_USAGE);
	if (!period)
		a->meeting = argv[optind];
	if (a->minute_book && (strcmp(a->format, "pdf") != 0 || a->agenda)) {
		fprintf(cli->err, "clerk: the minute book is minutes printed as "
				  "PDF: add --format pdf (and no --agenda)\n");
		return 2;
	}
	return 0;
}

/* The minute book's page on which meeting m's minutes start: one after the
 * pages of the minutes of the meetings its body held before it in the same
 * municipal year, as PDF. */
static enum clerk_status leaf_of(struct db *db, const struct meeting *m,
				 const struct export_opts *opts, int *leaf,
				 struct clerk_err *err)
{
	struct body b = {0};
	enum clerk_status rc = body_get(db, m->body_id, &b, err);
	if (rc)
		return rc;
	int year = body_municipal_year(&b, m->starts_at);
	int month = 5, day = 1;
	if (!b.year_start || sscanf(b.year_start, "%d-%d", &month, &day) != 2)
		month = 5, day = 1;
	time_t from = time_from_local(b.tz, year, month, day, 0, 0);
	struct meeting_list ml = {0};
	rc = meeting_list_between(db, b.id, from, m->starts_at, &ml, err);
	*leaf = 1;
	for (size_t i = 0; !rc && i < ml.n; i++) {
		const struct meeting *e = &ml.v[i];
		if (e->status != MEETING_CLOSED || e->starts_at >= m->starts_at ||
		    strcmp(e->id, m->id) == 0)
			continue;
		struct doc d = {0};
		int pages = 0;
		rc = export_minutes_build(db, e->id, opts, &d, err);
		if (!rc)
			rc = export_pdf_pages(&d, &pages, err);
		doc_free(&d);
		*leaf += pages;
	}
	meeting_list_free(&ml);
	body_free(&b);
	return rc;
}

/* The exporter named by --format, or NULL after saying which exist. */
static const struct export_ops *find_format(struct cli *cli, const char *name)
{
	const struct export_ops *ops = export_find(name);
	if (!ops) {
		char *f = utf8_sanitize(name);
		fprintf(cli->err, "clerk: no export format '%s': use one of %s\n",
			f, export_names());
		free(f);
	}
	return ops;
}

static int export_one(struct cli *cli, const struct export_args *a,
		      const struct export_ops *ops)
{
	if (ops->needs_file && !a->path) {
		fprintf(cli->err, "clerk: the %s format is a file: name it with "
				  "-o FILE (or -o - for standard output)\n",
			ops->name);
		return 2;
	}
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_READONLY, &db);
	if (rc)
		return rc;
	struct meeting m = {0};
	rc = find_meeting(cli, db, a->meeting, a->body, &m);
	struct doc d = {0};
	struct clerk_err err = {0};
	if (!rc) {
		enum clerk_status st =
			a->agenda
				? export_agenda_build(db, m.id, &a->opts, &d, &err)
				: export_minutes_build(db, m.id, &a->opts, &d, &err);
		if (!st && a->minute_book)
			st = a->first_leaf ? (d.first_leaf = a->first_leaf, CLERK_OK)
					   : leaf_of(db, &m, &a->opts, &d.first_leaf,
						     &err);
		if (!st)
			st = export_write(ops, &d, a->path, cli->out, db_path(db),
					  &err);
		if (st)
			rc = cli_report(cli, &err);
		else if (a->path && strcmp(a->path, "-") != 0) {
			char *p = utf8_sanitize(a->path);
			fprintf(cli->err, "clerk: %s written to %s%s\n",
				a->agenda ? "agenda" : "minutes", p,
				a->opts.confidential
					? " (confidential, mode 0600)"
					: "");
			free(p);
		}
	}
	doc_free(&d);
	meeting_free(&m);
	db_close(&db);
	return rc;
}

/* The folder a period's minutes go in: made when missing (private for
 * confidential minutes), refused when it is something else. */
static int make_folder(struct cli *cli, const char *dir, bool confidential)
{
	struct stat st;
	if (mkdir(dir, confidential ? 0700 : 0755) == 0)
		return 0;
	if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* Confidential minutes go only into a folder of one's own that
		 * nobody else can read or write: in another's folder its owner
		 * could read them, or swap a file for a link. */
		const char *why = !confidential	       ? NULL
				  : st.st_uid != geteuid() ? "it belongs to someone else"
				  : (st.st_mode & 077)     ? "others can read or write it"
							   : NULL;
		if (!why)
			return 0;
		char *safe = utf8_sanitize(dir);
		fprintf(cli->err,
			"clerk: confidential minutes are not written into %s: "
			"%s; give a new folder (made private) or chmod 700 one "
			"of your own\n",
			safe, why);
		free(safe);
		return 2;
	}
	int e = errno == EEXIST ? ENOTDIR : errno;
	char *safe = utf8_sanitize(dir);
	fprintf(cli->err, "clerk: cannot write the minutes into the folder "
			  "%s: %s\n",
		safe, strerror(e));
	free(safe);
	return 4;
}

/* The period's meetings that were held (closed), and how many were not. */
static int period_meetings(struct cli *cli, struct db *db,
			   const struct export_args *a, struct body *b,
			   struct meeting_list *held, int *not_held)
{
	int y1, m1, d1, y2, m2, d2;
	if (!date_parse(a->from, &y1, &m1, &d1) ||
	    !date_parse(a->to, &y2, &m2, &d2) || strcmp(a->from, a->to) > 0) {
		fprintf(cli->err, "clerk: the period must be --from DATE --to "
				  "DATE (YYYY-MM-DD), the first not after the "
				  "second\n");
		return 2;
	}
	struct clerk_err err = {0};
	if (body_find(db, a->body, b, &err))
		return cli_report(cli, &err);
	/* A day either side in UTC, then the local date decides. */
	time_t from = time_from_local(b->tz, y1, m1, d1, 0, 0) - 86400;
	time_t to = time_from_local(b->tz, y2, m2, d2, 0, 0) + 2 * 86400;
	struct meeting_list all = {0};
	if (meeting_list_between(db, b->id, from, to, &all, &err))
		return cli_report(cli, &err);
	memset(held, 0, sizeof *held);
	held->v = xcalloc(all.n ? all.n : 1, sizeof *held->v);
	*not_held = 0;
	for (size_t i = 0; i < all.n; i++) {
		char day[16];
		time_format_local(all.v[i].starts_at, b->tz, "%Y-%m-%d", day,
				  sizeof day);
		bool in = strcmp(day, a->from) >= 0 && strcmp(day, a->to) <= 0;
		if (in && all.v[i].status == MEETING_CLOSED) {
			held->v[held->n++] = all.v[i];
			continue;
		}
		if (in && !meeting_called_off(&all.v[i]))
			(*not_held)++;
		meeting_free(&all.v[i]);
	}
	free(all.v);
	return 0;
}

/* FOLDER/DATE.EXT, or DATE-2.EXT for a second meeting on the same day. */
static char *period_file(const char *dir, const struct body *b,
			 const struct meeting *m, const struct meeting *prev,
			 int *same_day, const char *ext)
{
	char day[16], prev_day[16] = "";
	time_format_local(m->starts_at, b->tz, "%Y-%m-%d", day, sizeof day);
	if (prev)
		time_format_local(prev->starts_at, b->tz, "%Y-%m-%d", prev_day,
				  sizeof prev_day);
	*same_day = strcmp(day, prev_day) ? 1 : *same_day + 1;
	if (*same_day > 1)
		return xasprintf("%s/%s-%d.%s", dir, day, *same_day, ext);
	return xasprintf("%s/%s.%s", dir, day, ext);
}

/* Every meeting's minutes are built before the first file is written: a
 * meeting whose records cannot all be read stops the export with nothing
 * written (no folder of some of the period's minutes passed off as all). */
static int build_period(struct cli *cli, struct db *db,
			const struct export_args *a,
			const struct meeting_list *held, struct doc *docs)
{
	int leaf = a->first_leaf ? a->first_leaf : 1;
	for (size_t i = 0; i < held->n; i++) {
		struct clerk_err err = {0};
		int pages = 0;
		enum clerk_status st = export_minutes_build(db, held->v[i].id,
							    &a->opts, &docs[i],
							    &err);
		/* The minute book's pages run on from one meeting to the
		 * next. */
		if (!st && a->minute_book) {
			docs[i].first_leaf = leaf;
			st = export_pdf_pages(&docs[i], &pages, &err);
			leaf += pages;
		}
		if (st == CLERK_OK)
			continue;
		char *day = meeting_day(db, &held->v[i]);
		fprintf(cli->err, "clerk: the minutes of %s: %s; nothing was "
				  "written\n",
			day, err.msg[0] ? err.msg : clerk_status_text(err.status));
		free(day);
		return clerk_status_exit_code(err.status);
	}
	return 0;
}

static int write_period(struct cli *cli, struct db *db,
			const struct export_args *a,
			const struct export_ops *ops, const struct body *b,
			const struct meeting_list *held, const struct doc *docs)
{
	int same_day = 0;
	for (size_t i = 0; i < held->n; i++) {
		char *path = period_file(a->path, b, &held->v[i],
					 i ? &held->v[i - 1] : NULL, &same_day,
					 ops->extension);
		struct clerk_err err = {0};
		enum clerk_status st = export_write(ops, &docs[i], path, cli->out,
						    db_path(db), &err);
		if (st) {
			char *day = meeting_day(db, &held->v[i]);
			fprintf(cli->err, "clerk: the minutes of %s: %s\n", day,
				err.msg[0] ? err.msg
					   : clerk_status_text(err.status));
			free(day);
			free(path);
			return clerk_status_exit_code(err.status);
		}
		char *safe = utf8_sanitize(path);
		fprintf(cli->out, "%s\n", safe);
		free(safe);
		free(path);
	}
	return 0;
}

static int export_period(struct cli *cli, const struct export_args *a,
			 const struct export_ops *ops)
{
	if (!a->from || !a->to || !a->body || !a->path || a->agenda) {
		fprintf(cli->err, "clerk: a period's minutes need --body NAME "
				  "--from DATE --to DATE and -o FOLDER (and no "
				  "--agenda)\n");
		return 2;
	}
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_READONLY, &db);
	if (rc)
		return rc;
	struct body b = {0};
	struct meeting_list held = {0};
	int not_held = 0;
	rc = period_meetings(cli, db, a, &b, &held, &not_held);
	char *name = utf8_sanitize(b.short_name && *b.short_name ? b.short_name
								  : b.name ? b.name : "");
	if (!rc && held.n == 0) {
		fprintf(cli->err, "clerk: %s held no meeting from %s to %s\n",
			name, a->from, a->to);
		rc = 1;
	}
	struct doc *docs = xcalloc(held.n ? held.n : 1, sizeof *docs);
	if (!rc)
		rc = build_period(cli, db, a, &held, docs);
	if (!rc)
		rc = make_folder(cli, a->path, a->opts.confidential);
	if (!rc)
		rc = write_period(cli, db, a, ops, &b, &held, docs);
	for (size_t i = 0; i < held.n; i++)
		doc_free(&docs[i]);
	free(docs);
	if (!rc) {
		char *dir = utf8_sanitize(a->path);
		fprintf(cli->err, "clerk: the minutes of %zu meeting%s of %s "
				  "from %s to %s written to %s%s",
			held.n, held.n == 1 ? "" : "s", name, a->from, a->to,
			dir, a->opts.confidential ? " (confidential, mode 0600)"
						  : "");
		if (not_held)
			fprintf(cli->err, "; %d not yet held left out",
				not_held);
		fputs("\n", cli->err);
		free(dir);
	}
	free(name);
	meeting_list_free(&held);
	body_free(&b);
	db_close(&db);
	return rc;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	struct export_args a;
	int rc = parse_export(cli, argc, argv, &a);
	if (rc)
		return rc;
	const struct export_ops *ops = find_format(cli, a.format);
	if (!ops)
		return 2;
	if (a.from || a.to)
		return export_period(cli, &a, ops);
	return export_one(cli, &a, ops);
}

/* The person named by `name` (a UUID or a unique part of a name). */
static int find_person(struct cli *cli, struct db *db, const char *name,
		       clerk_id out)
{
	struct person_list pl = {0};
	struct clerk_err err = {0};
	if (person_search(db, name, &pl, &err))
		return cli_report(cli, &err);
	int rc = 0;
	char *safe = utf8_sanitize(name);
	size_t pick = pl.n;
	for (size_t i = 0; i < pl.n; i++)
		if (strcasecmp(pl.v[i].name, name) == 0)
			pick = i;
	if (pl.n == 1)
		pick = 0;
	if (pl.n == 0) {
		fprintf(cli->err, "clerk: nobody called '%s'\n", safe);
		rc = 1;
	} else if (pick == pl.n) {
		fprintf(cli->err, "clerk: '%s' could be several people:", safe);
		for (size_t i = 0; i < pl.n && i < 8; i++) {
			char *n = person_display_name(&pl.v[i]);
			char *sn = utf8_sanitize(n);
			fprintf(cli->err, "%s %s", i ? "," : "", sn);
			free(sn);
			free(n);
		}
		fputs("; give more of the name\n", cli->err);
		rc = 2;
	} else {
		memcpy(out, pl.v[pick].id, sizeof(clerk_id));
	}
	free(safe);
	person_list_free(&pl);
	return rc;
}

/* The display name of person id ("" when none).  Caller frees. */
static char *signer_name(struct db *db, const char *id)
{
	struct person p = {0};
	struct clerk_err err = {0};
	if (!*id || person_get(db, id, &p, &err))
		return xstrdup("");
	char *n = person_display_name(&p);
	char *safe = utf8_sanitize(n);
	free(n);
	person_free(&p);
	return safe;
}

/* Parse MEETING --at MEETING2 [--body] [--amendment] [--signed-by]
 * [TEXT]; returns 0 or an exit code. */
struct confirm_args {
	const char *meeting, *at, *body, *amendment, *signed_by, *text;
};

static int parse_confirm(struct cli *cli, int argc, char **argv,
			 const char *usage, bool wants_text,
			 struct confirm_args *a)
{
	static const struct option options[] = {
		{"at", required_argument, NULL, 't'},
		{"body", required_argument, NULL, 'b'},
		{"amendment", required_argument, NULL, 'm'},
		{"signed-by", required_argument, NULL, 's'},
		{"presiding", required_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	memset(a, 0, sizeof *a);
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "b:", options, NULL)) != -1) {
		switch (opt) {
		case 't':
			a->at = optarg;
			break;
		case 'b':
			a->body = optarg;
			break;
		case 'm':
			if (wants_text)
				return cli_usage(cli, usage);
			a->amendment = optarg;
			break;
		case 's':
			if (wants_text)
				return cli_usage(cli, usage);
			a->signed_by = optarg;
			break;
		default:
			return cli_usage(cli, usage);
		}
	}
	int want = wants_text ? 2 : 1;
	if (argc - optind != want || !a->at)
		return cli_usage(cli, usage);
	a->meeting = argv[optind];
	if (wants_text)
		a->text = argv[optind + 1];
	return 0;
}

/* Open the database and find both meetings (the model checks the rules). */
static int open_pair(struct cli *cli, const struct confirm_args *a,
		     struct db **db, struct meeting *m, struct meeting *at)
{
	int rc = cli_open_db(cli, DB_EXISTING, db);
	if (rc)
		return rc;
	if ((rc = find_meeting(cli, *db, a->meeting, a->body, m)) ||
	    (rc = find_meeting(cli, *db, a->at, a->body, at)))
		return rc;
	return 0;
}

int cmd_confirm(struct cli *cli, int argc, char **argv)
{
	struct confirm_args a;
	int rc = parse_confirm(cli, argc, argv, CONFIRM_USAGE, false, &a);
	if (rc)
		return rc;
	struct db *db = NULL;
	struct meeting m = {0}, at = {0};
	clerk_id named = "";
	rc = open_pair(cli, &a, &db, &m, &at);
	if (!rc && a.signed_by)
		rc = find_person(cli, db, a.signed_by, named);
	struct clerk_err err = {0};
	if (!rc && export_confirm_minutes(db, m.id, at.id,
					  a.amendment ? a.amendment : "",
					  *named ? named : NULL, &err))
		rc = cli_report(cli, &err);
	struct meeting done = {0};
	if (!rc && meeting_get(db, m.id, &done, &err))
		rc = cli_report(cli, &err);
	if (!rc) {
		char *d1 = meeting_day(db, &m), *d2 = meeting_day(db, &at);
		char *who = signer_name(db, done.signed_by);
		enum presiding_role role;
		meeting_signed_as(db, m.id, &role);
		struct signed_minutes sm = {0};
		signed_minutes_get(db, m.id, &sm, &err);
		cli_say(cli,
			"The minutes of %s were confirmed at the meeting of %s "
			"and signed by %s (%s)%s.\n"
			"They are now locked and kept as signed (SHA-256 %s): "
			"later changes are refused; record a correction with "
			"`clerk correct`.\n",
			d1, d2, who, presiding_role_text(role),
			a.amendment && *a.amendment ? ", with an amendment" : "",
			sm.digest ? sm.digest : "?");
		signed_minutes_free(&sm);
		free(who);
		free(d1);
		free(d2);
	}
	meeting_free(&done);
	meeting_free(&m);
	meeting_free(&at);
	db_close(&db);
	return rc;
}

int cmd_correct(struct cli *cli, int argc, char **argv)
{
	struct confirm_args a;
	int rc = parse_confirm(cli, argc, argv, CORRECT_USAGE, true, &a);
	if (rc)
		return rc;
	struct db *db = NULL;
	struct meeting m = {0}, at = {0};
	rc = open_pair(cli, &a, &db, &m, &at);
	struct clerk_err err = {0};
	struct correction c = {0};
	if (!rc) {
		memcpy(c.meeting_id, m.id, sizeof c.meeting_id);
		memcpy(c.made_at, at.id, sizeof c.made_at);
		c.body = xstrdup(a.text);
		if (correction_create(db, &c, &err))
			rc = cli_report(cli, &err);
	}
	if (!rc) {
		char *d1 = meeting_day(db, &m), *d2 = meeting_day(db, &at);
		cli_say(cli,
			"Correction to the minutes of %s recorded at the meeting "
			"of %s; it appears in that meeting's minutes and after "
			"the signed minutes of %s.\n",
			d1, d2, d1);
		free(d1);
		free(d2);
	}
	correction_free(&c);
	meeting_free(&m);
	meeting_free(&at);
	db_close(&db);
	return rc;
}
