/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/check: `clerk check` — is the clerk file sound?  Prints the file's
 * size and schema, how it is journalled, and the result of SQLite's
 * integrity and foreign-key checks.  Exit 0 when sound, 4 when not.  It
 * opens the file read-only, so it never changes what it checks.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/model.h"
#include "clerk/safety.h"

/* Every confirmed minutes' signed text against its SHA-256 digest; prints
 * a line for each that no longer matches and returns how many. */
static int check_signed_minutes(struct cli *cli, struct db *db)
{
	struct meeting_list broken = {0};
	struct clerk_err err = {0};
	size_t checked = 0;
	if (signed_minutes_verify(db, &broken, &checked, &err)) {
		fprintf(cli->out, "signed:       could not be checked: %s\n",
			err.msg);
		return 1;
	}
	if (!broken.n)
		fprintf(cli->out, "signed:       ok (%zu confirmed minutes match "
				  "their SHA-256 digest)\n",
			checked);
	for (size_t i = 0; i < broken.n; i++) {
		const struct meeting *m = &broken.v[i];
		struct body b = {0};
		char day[32] = "?";
		if (body_get(db, m->body_id, &b, &err) == CLERK_OK)
			time_format_local(m->starts_at, b.tz, "%Y-%m-%d", day,
					  sizeof day);
		cli_say(cli,
			"signed:       the minutes of %s (%s, meeting %s) no "
			"longer match the text signed: their stored text was "
			"changed after confirmation\n",
			day, b.name ? b.name : "?", m->id);
		body_free(&b);
	}
	int n = (int)broken.n;
	meeting_list_free(&broken);
	return n;
}

static void check_print_journal(struct cli *cli, const struct safety_report *r)
{
	fprintf(cli->out, "journal:      %s, synchronous %s", r->journal_mode,
		safety_synchronous_text(r->synchronous));
	if (r->network_fs)
		fputs(" (on a network filesystem: WAL is unsafe there, so clerk "
		      "writes it with a rollback journal and extra syncs)",
		      cli->out);
	if (r->readonly)
		fputs(" (read-only here: look-ups only)", cli->out);
	fputc('\n', cli->out);
}

/* clerk check --repair: restore clerk's own triggers and indexes, drop
 * views, triggers and indexes it does not create; file again in the
 * search index the records filed under another body or month, and list
 * again the index's words. */
static int check_repair(struct cli *cli)
{
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_REPAIR, &db);
	if (rc)
		return rc;
	struct clerk_err err = {0};
	long long refiled = 0, relisted = 0;
	if (db_schema_repair(db, &err) ||
	    db_search_rescope(db, &refiled, &err) ||
	    db_wordlist_relist(db, &relisted, &err)) {
		rc = cli_report(cli, &err);
	} else {
		fputs("schema:       repaired: views, triggers and indexes "
		      "clerk does not create dropped, its own restored; no "
		      "data was changed\n",
		      cli->out);
		if (refiled)
			fprintf(cli->out,
				"search:       %lld record%s filed again under "
				"%s meeting's body and month\n",
				refiled, refiled == 1 ? "" : "s",
				refiled == 1 ? "its" : "their");
		if (relisted)
			fprintf(cli->out,
				"search:       %lld word%s listed again for "
				"search by prefix\n",
				relisted, relisted == 1 ? "" : "s");
	}
	db_close(&db);
	return rc;
}

/* How many of the problems' lines start with `what`. */
static int count_lines(const struct safety_report *r, const char *what)
{
	int n = 0;
	for (const char *p = sb_str(&r->details); (p = strstr(p, what)); p++)
		n++;
	return n;
}

/* Whether clerk check --repair puts every problem right: the schema's, if
 * it can, and the search index's. */
static bool all_repairable(const struct safety_report *r)
{
	int schema = count_lines(r, "schema: ");
	return (schema == 0 || r->schema_repairable) &&
	       r->problems == schema + count_lines(r, "search: ");
}

int cmd_check(struct cli *cli, int argc, char **argv)
{
	bool repair = argc == 2 && strcmp(argv[1], "--repair") == 0;
	if (argc != 1 && !repair)
		return cli_usage(cli, "check [--repair]");
	if (repair) {
		int rrc = check_repair(cli);
		if (rrc)
			return rrc;
	}
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_INSPECT, &db);
	if (rc)
		return rc;
	struct clerk_err err = {0};
	struct safety_report r;
	if (safety_check(db, &r, &err)) {
		db_close(&db);
		return cli_report(cli, &err);
	}
	char *path = utf8_sanitize(db_path(db));
	fprintf(cli->out, "file:         %s (%lld KiB, schema %d)\n", path,
		(r.bytes + 1023) / 1024, r.schema);
	check_print_journal(cli, &r);
	int altered = 0;
	if (r.problems == 0)
		fputs("schema:       as this clerk creates it\nintegrity:    "
		      "ok\nforeign keys: ok\n",
		      cli->out);
	else
		fputs(sb_str(&r.details), cli->out);
	/* The signed text is checked whenever clerk's tables are there:
	 * minutes altered once their lock triggers were dropped are named. */
	if (!r.tables_differ)
		altered = check_signed_minutes(cli, db);
	if (altered)
		fprintf(cli->out,
			"%s holds %d confirmed minutes whose text is not what "
			"was signed: restore it from a backup made before the "
			"change (clerk backup makes one)\n",
			path, altered);
	if (r.problems == 0 && !altered) {
		fprintf(cli->out, "%s is sound\n", path);
	} else if (r.problems && all_repairable(&r) && !r.search_misfiled &&
		   !r.search_unlisted) {
		fprintf(cli->out,
			"%s is not as this clerk makes it (%d problem%s): "
			"run 'clerk check --repair' to drop what clerk "
			"does not create and restore its own triggers "
			"and indexes\n",
			path, r.problems, r.problems == 1 ? "" : "s");
	} else if (r.problems && all_repairable(&r)) {
		fprintf(cli->out,
			"%s is not as this clerk makes it (%d problem%s), "
			"though every record is whole: run 'clerk check "
			"--repair' to file the search index again%s\n",
			path, r.problems, r.problems == 1 ? "" : "s",
			count_lines(&r, "schema: ")
				? " and restore clerk's own triggers and "
				  "indexes"
				: "");
	} else if (r.problems) {
		fprintf(cli->out,
			"%s is damaged (%d problem%s): restore it from a "
			"backup (clerk backup makes one) or keep a copy and "
			"ask for help\n",
			path, r.problems, r.problems == 1 ? "" : "s");
	}
	if (r.problems || altered)
		rc = 4;
	free(path);
	safety_report_free(&r);
	db_close(&db);
	return rc;
}
