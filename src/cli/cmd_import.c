/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_import: `clerk import agenda|members|moderngov ...` — reading
 * files into clerk.  Each import is all or nothing: on any bad line it
 * prints every problem as FILE:LINE: reason, writes nothing, and exits 3.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/import.h"
#include "clerk/import_store.h"
#include "clerk/model.h"

#define USAGE_IMPORT                                                       \
	"import agenda MEETING FILE [--body NAME] [--dry-run]\n"           \
	"            [--skip-unknown]\n"                                     \
	"       clerk import members BODY FILE.csv [--from DATE]\n"        \
	"       clerk import moderngov FILE... [--council NAME]"

struct import_opts {
	const char *body;
	const char *from;
	const char *council;
	bool dry_run, skip_unknown;
};

/* Parse the options of an import; leaves positional arguments in
 * argv[optind..]. */
static bool parse_opts(int argc, char **argv, struct import_opts *o)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, 'b'},
		{"from", required_argument, NULL, 'f'},
		{"council", required_argument, NULL, 'c'},
		{"dry-run", no_argument, NULL, 'n'},
		{"skip-unknown", no_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	int opt;
	optind = 0; /* 0: glibc re-initialises (cli.c parsed with "+") */
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'b':
			o->body = optarg;
			break;
		case 'f':
			o->from = optarg;
			break;
		case 'c':
			o->council = optarg;
			break;
		case 'n':
			o->dry_run = true;
			break;
		case 's':
			o->skip_unknown = true;
			break;
		default:
			return false;
		}
	}
	return true;
}

/* Print the outcome of an import and return the exit code. */
static int finish(struct cli *cli, enum clerk_status rc,
		  struct import_report *rep, struct clerk_err *err)
{
	import_report_print(rep, cli->err);
	int code = 0;
	if (rc)
		code = cli_report(cli, err);
	else
		import_report_summary(rep, cli->out);
	import_report_free(rep);
	return code;
}

/* The items an agenda import read, one line each: number, planned time,
 * kind (which `clerk item edit ... --kind` corrects), title and pages. */
static void show_items(struct cli *cli, const struct import_agenda *a,
		       const char *tz)
{
	int w = 3;
	for (size_t i = 0; i < a->n; i++) {
		int k = (int)strlen(a->items[i].number) + 1;
		w = k > w ? k : w;
	}
	fprintf(cli->out, "%-*s  %-5s  %-20s  %s\n", w, "No.", "Time", "Kind",
		"Title");
	for (size_t i = 0; i < a->n; i++) {
		const struct istore_item *it = &a->items[i];
		char when[16] = "";
		if (it->start)
			time_format_local(it->start, tz, "%H.%M", when,
					  sizeof when);
		char *num = xstrdup(it->number), *title = utf8_sanitize(it->title);
		size_t k = strlen(num);
		num = xrealloc(num, k + 2);
		strcpy(num + k, ".");
		fprintf(cli->out, "%-*s  %-5s  %-20s  %s", w, num, when, it->kind,
			title);
		if (it->pages && *it->pages)
			fprintf(cli->out, " (Page%s %s)",
				strchr(it->pages, '-') ? "s" : "", it->pages);
		if (it->exempt)
			fputs(" [exempt]", cli->out);
		fputc('\n', cli->out);
		free(num);
		free(title);
	}
}

static int import_agenda_file(struct cli *cli, struct db *db, int argc,
			      char **argv, const struct import_opts *o)
{
	if (argc != 2)
		return cli_usage(cli, "import agenda MEETING FILE [--body NAME] "
				      "[--dry-run] [--skip-unknown]");
	struct clerk_err err = {0};
	struct meeting m = {0};
	struct body b = {0};
	struct import_report rep = {0};
	struct import_agenda a = {.dry_run = o->dry_run,
				  .skip_unknown = o->skip_unknown};
	char *buf = NULL;
	size_t len = 0;
	enum clerk_status rc = meeting_find(db, argv[0], o->body, &m, &err);
	if (!rc)
		rc = body_get(db, m.body_id, &b, &err);
	if (!rc)
		rc = import_read_file(argv[1], &buf, &len, &err);
	if (!rc)
		rc = import_agenda(db, m.id, argv[1], buf, len, &a, &rep, &err);
	if (!rc)
		show_items(cli, &a, b.tz);
	if (!rc && o->dry_run) {
		fprintf(cli->out,
			"%zu agenda item%s read; nothing written (--dry-run).\n",
			a.n, a.n == 1 ? "" : "s");
		rep.items = 0;
	}
	free(buf);
	body_free(&b);
	meeting_free(&m);
	import_agenda_free(&a);
	if (!rc && o->dry_run) {
		import_report_print(&rep, cli->err);
		import_report_free(&rep);
		return 0;
	}
	int code = finish(cli, rc, &rep, &err);
	if (!rc)
		fprintf(cli->out, "A kind is corrected with: clerk item edit %s "
				  "ITEM --kind KIND\n",
			argv[0]);
	return code;
}

static int import_members(struct cli *cli, struct db *db, int argc,
			  char **argv, const struct import_opts *o)
{
	if (argc != 2)
		return cli_usage(cli,
				 "import members BODY FILE.csv [--from DATE]");
	struct clerk_err err = {0};
	struct body b = {0};
	struct import_report rep = {0};
	char *buf = NULL;
	size_t len = 0;
	enum clerk_status rc = body_find(db, argv[0], &b, &err);
	if (!rc)
		rc = import_read_file(argv[1], &buf, &len, &err);
	if (!rc)
		rc = import_members_csv(db, b.id, o->from, argv[1], buf, len,
					&rep, &err);
	free(buf);
	body_free(&b);
	return finish(cli, rc, &rep, &err);
}

static int import_mg(struct cli *cli, struct db *db, int argc, char **argv,
		     const struct import_opts *o)
{
	if (argc < 1)
		return cli_usage(cli, "import moderngov FILE... [--council NAME] "
				      "(GetCommittees, GetMeetings, GetMeeting, "
				      "GetCouncillorsByWard responses)");
	struct clerk_err err = {0};
	struct import_report rep = {0};
	struct import_source *src = xcalloc((size_t)argc, sizeof *src);
	char **bufs = xcalloc((size_t)argc, sizeof *bufs);
	enum clerk_status rc = CLERK_OK;
	for (int i = 0; i < argc && !rc; i++) {
		src[i].name = argv[i];
		rc = import_read_file(argv[i], &bufs[i], &src[i].len, &err);
		src[i].buf = bufs[i];
	}
	if (!rc)
		rc = import_moderngov(db, o->council, src, (size_t)argc, &rep,
				      &err);
	for (int i = 0; i < argc; i++)
		free(bufs[i]);
	free(bufs);
	free(src);
	return finish(cli, rc, &rep, &err);
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(cli, USAGE_IMPORT);
	const char *what = argv[1];
	struct import_opts o = {0};
	if (!parse_opts(argc - 1, argv + 1, &o))
		return cli_usage(cli, USAGE_IMPORT);
	int nargs = argc - 1 - optind;
	char **args = argv + 1 + optind;
	int (*run)(struct cli *, struct db *, int, char **,
		   const struct import_opts *) = NULL;
	if (strcmp(what, "agenda") == 0)
		run = import_agenda_file;
	else if (strcmp(what, "members") == 0)
		run = import_members;
	else if (strcmp(what, "moderngov") == 0)
		run = import_mg;
	else
		return cli_usage(cli, USAGE_IMPORT);
	struct db *db;
	int code = cli_open_db(cli, DB_CREATE, &db);
	if (code)
		return code;
	code = run(cli, db, nargs, args, &o);
	db_close(&db);
	return code;
}
