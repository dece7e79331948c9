/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_search: `clerk search TEXT [--body NAME] [--from DATE] [--to DATE]
 * [--limit N] [--best] [--confidential] [--json | --csv]` — what meetings
 * recorded about something, the newest meeting first (or, with --best, the
 * best match first): each hit with its body, date, item and a snippet with
 * the matched words highlighted.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/lookup_cli.h"

static const char *kind_word(const char *kind)
{
	if (strcmp(kind, "item") == 0)
		return "agenda";
	return kind;
}

/* The snippet with its marks removed (marked: as [brackets]). */
static char *snippet_text(const char *s, bool brackets)
{
	struct strbuf sb = {0};
	for (; *s; s++) {
		if (*s == LOOKUP_MARK_OPEN || *s == LOOKUP_MARK_CLOSE) {
			if (brackets)
				sb_addc(&sb, *s == LOOKUP_MARK_OPEN ? '[' : ']');
			continue;
		}
		sb_addc(&sb, *s);
	}
	return sb_detach(&sb);
}

static char *item_label(const struct lookup_hit *h)
{
	if (!*h->item_title)
		return xstrdup("");
	return *h->item_number ? xasprintf("%s %s", h->item_number, h->item_title)
			       : xstrdup(h->item_title);
}

/* The first line says how the hits are ordered, and how to ask for the
 * other order. */
static void print_order(const struct listing *l,
			const struct lookup_hit_list *hits, bool best)
{
	listing_linef(l, 0, LISTING_PLAIN, "%zu hit%s, %s", hits->n,
		      hits->n == 1 ? "" : "s",
		      best ? "best match first"
			   : "newest meeting first (--best: best match first)");
}

static void print_text(const struct listing *l, const struct lookup_hit_list *hits,
		       bool best)
{
	print_order(l, hits, best);
	for (size_t i = 0; i < hits->n; i++) {
		const struct lookup_hit *h = &hits->v[i];
		char *item = item_label(h);
		listing_linef(l, 0, LISTING_HEADING, "%s · %s%s%s · %s%s%s%s",
			      *h->body_short ? h->body_short : h->body_name, h->date,
			      *h->minute ? " · minute " : "", h->minute,
			      kind_word(h->kind), h->exempt ? " (exempt)" : "",
			      *item ? " · " : "", item);
		char *snip = l->width ? lookup_snippet_focus(h->snippet, l->width - 4)
				      : xstrdup(h->snippet);
		listing_line(l, 4, LISTING_PLAIN, snip);
		free(snip);
		free(item);
	}
}

static void print_csv(const struct listing *l, const struct lookup_hit_list *hits)
{
	static const char *const headers[] = {
		"rank", "body", "date", "item", "title", "kind", "exempt",
		"snippet", "meeting_id", "item_id", "minute"};
	struct listing_table *t = listing_table_new(11, headers);
	for (size_t i = 0; i < hits->n; i++) {
		const struct lookup_hit *h = &hits->v[i];
		char rank[24];
		snprintf(rank, sizeof rank, "%zu", i + 1);
		char *snip = snippet_text(h->snippet, true);
		const char *cells[] = {
			rank, h->body_name, h->date, h->item_number, h->item_title,
			kind_word(h->kind), h->exempt ? "yes" : "no", snip,
			h->meeting_id, h->item_id, h->minute,
		};
		listing_table_add(t, cells);
		free(snip);
	}
	listing_table_print(l, t, 0);
	listing_table_free(&t);
}

static json_t *json_matches(const char *s)
{
	json_t *arr = json_array();
	for (const char *p = strchr(s, LOOKUP_MARK_OPEN); p;
	     p = strchr(p, LOOKUP_MARK_OPEN)) {
		p++;
		size_t n = strcspn(p, "\x02");
		char *word = xstrndup(p, n);
		json_array_append_new(arr, listing_json_str(word));
		free(word);
		p += n;
	}
	return arr;
}

static void print_json(const struct listing *l, const struct lookup_hit_list *hits,
		       const char *text, bool best)
{
	json_t *root = json_object(), *arr = json_array();
	char *query = lookup_search_query(text);
	json_object_set_new(root, "query", listing_json_str(text));
	json_object_set_new(root, "fts_query", listing_json_str(query));
	json_object_set_new(root, "order", json_string(best ? "best" : "newest"));
	free(query);
	for (size_t i = 0; i < hits->n; i++) {
		const struct lookup_hit *h = &hits->v[i];
		json_t *j = json_object();
		char *snip = snippet_text(h->snippet, false);
		json_object_set_new(j, "rank", json_integer((json_int_t)i + 1));
		if (best) /* bm25: lower is better */
			json_object_set_new(j, "score", json_real(h->rank));
		json_object_set_new(j, "body", listing_json_str(h->body_name));
		json_object_set_new(j, "short_name", listing_json_str(h->body_short));
		json_object_set_new(j, "date", json_string(h->date));
		json_object_set_new(j, "meeting_id", json_string(h->meeting_id));
		json_object_set_new(j, "item_id", json_string(h->item_id));
		json_object_set_new(j, "item_number", listing_json_str(h->item_number));
		json_object_set_new(j, "item_title", listing_json_str(h->item_title));
		json_object_set_new(j, "minute", listing_json_str(h->minute));
		json_object_set_new(j, "kind", json_string(kind_word(h->kind)));
		json_object_set_new(j, "exempt", json_boolean(h->exempt));
		json_object_set_new(j, "snippet", listing_json_str(snip));
		json_object_set_new(j, "matches", json_matches(h->snippet));
		json_array_append_new(arr, j);
		free(snip);
	}
	json_object_set_new(root, "hits", arr);
	listing_json_print(l, root);
}

struct search_args {
	enum listing_format format;
	struct lookup_search_opts opts;
	const char *body;
	char *text;
};

static const char usage[] =
	"search TEXT [--body NAME] [--from DATE] [--to DATE] [--limit N] "
	"[--best] [--confidential] [--json | --csv]";

/* --body, --limit, --best and --confidential, the options of its own. */
static int search_option(struct cli *cli, int opt, const char *arg, void *ctx)
{
	struct search_args *a = ctx;
	char *end;
	switch (opt) {
	case LOOKUP_OPT_BODY:
		a->body = arg;
		return 0;
	case LOOKUP_OPT_LIMIT:
		a->opts.limit = (int)strtol(arg, &end, 10);
		if (*end || a->opts.limit <= 0) {
			fprintf(cli->err, "clerk: --limit wants a number above 0\n");
			return 2;
		}
		return 0;
	case LOOKUP_OPT_EXEMPT:
		a->opts.exempt = true;
		return 0;
	case LOOKUP_OPT_BEST:
		a->opts.best = true;
		return 0;
	default:
		return cli_usage(cli, usage);
	}
}

static int parse_args(struct cli *cli, int argc, char **argv,
		      struct search_args *a)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, LOOKUP_OPT_BODY},
		{"from", required_argument, NULL, LOOKUP_OPT_FROM},
		{"to", required_argument, NULL, LOOKUP_OPT_TO},
		{"limit", required_argument, NULL, LOOKUP_OPT_LIMIT},
		{"best", no_argument, NULL, LOOKUP_OPT_BEST},
		{"confidential", no_argument, NULL, LOOKUP_OPT_EXEMPT},
		{"exempt", no_argument, NULL, LOOKUP_OPT_EXEMPT}, /* older name */
		{"json", no_argument, NULL, LOOKUP_OPT_JSON},
		{"csv", no_argument, NULL, LOOKUP_OPT_CSV},
		{NULL, 0, NULL, 0},
	};
	struct lookup_cli_opts o = {0};
	int code = lookup_cli_parse(cli, argc, argv, options, usage,
				    search_option, a, &o);
	if (!code && !lookup_cli_dates(cli, &o))
		code = 2;
	if (code) {
		free(o.words);
		return code;
	}
	a->format = o.format;
	a->opts.from = o.from;
	a->opts.to = o.to;
	a->text = o.words;
	if (!a->text || !a->text[strspn(a->text, " \t")]) {
		free(a->text);
		a->text = NULL;
		return cli_usage(cli, usage);
	}
	a->opts.text = a->text;
	return 0;
}

static void report_none(struct cli *cli, const struct search_args *a)
{
	char *shown = utf8_sanitize(a->text);
	fprintf(cli->err, "clerk: nothing recorded matches '%s'%s%s%s", shown,
		a->body || a->opts.from || a->opts.to ? " (with " : "",
		a->body ? "--body" : "",
		a->body && (a->opts.from || a->opts.to) ? ", " : "");
	if (a->opts.from || a->opts.to)
		fprintf(cli->err, "the dates given");
	if (a->body || a->opts.from || a->opts.to)
		fputc(')', cli->err);
	fputs("; try fewer words, or a prefix such as safeguard*\n", cli->err);
	free(shown);
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	struct search_args a = {0};
	int rc = parse_args(cli, argc, argv, &a);
	if (rc)
		return rc;
	struct db *db = NULL;
	struct lookup_body body = {0};
	struct lookup_hit_list hits = {0};
	struct clerk_err err = {0};
	rc = lookup_cli_open(cli, &db);
	if (!rc && a.body) {
		rc = lookup_cli_body(cli, db, a.body, &body);
		a.opts.body_id = body.id;
	}
	enum clerk_status st = CLERK_OK;
	if (!rc && (st = lookup_search(db, &a.opts, &hits, &err))) {
		if (clerk_status_storage(st))
			clerk_fail_reading(&err, st, "the records searched");
		rc = cli_report(cli, &err);
	}
	if (!rc && hits.n == 0) {
		report_none(cli, &a);
		rc = 1;
	}
	if (!rc) {
		struct listing l;
		listing_init(&l, cli->out, a.format, cli->no_color);
		if (a.format == LISTING_JSON)
			print_json(&l, &hits, a.text, a.opts.best);
		else if (a.format == LISTING_CSV)
			print_csv(&l, &hits);
		else
			print_text(&l, &hits, a.opts.best);
	}
	lookup_hit_list_free(&hits);
	lookup_body_free(&body);
	db_close(&db);
	free(a.text);
	return rc;
}
