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
#include "clerk/safety.h"

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
 * views, triggers and indexes it does not create. */
static int check_repair(struct cli *cli)
{
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_REPAIR, &db);
	if (rc)
		return rc;
	struct clerk_err err = {0};
	if (db_schema_repair(db, &err))
		rc = cli_report(cli, &err);
	else
		fputs("schema:       repaired: views, triggers and indexes "
		      "clerk does not create dropped, its own restored; no "
		      "data was changed\n",
		      cli->out);
	db_close(&db);
	return rc;
}

/* How many of the problems are the schema's. */
static int count_schema_lines(const struct safety_report *r)
{
	int n = 0;
	for (const char *p = sb_str(&r->details); (p = strstr(p, "schema: "));
	     p++)
		n++;
	return n;
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
	if (r.problems == 0) {
		fputs("schema:       as this clerk creates it\nintegrity:    "
		      "ok\nforeign keys: ok\n",
		      cli->out);
		fprintf(cli->out, "%s is sound\n", path);
	} else {
		fputs(sb_str(&r.details), cli->out);
		if (r.schema_repairable &&
		    r.problems == count_schema_lines(&r))
			fprintf(cli->out,
				"%s is not as this clerk makes it (%d problem%s): "
				"run 'clerk check --repair' to drop what clerk "
				"does not create and restore its own triggers "
				"and indexes\n",
				path, r.problems, r.problems == 1 ? "" : "s");
		else
			fprintf(cli->out,
				"%s is damaged (%d problem%s): restore it from a "
				"backup (clerk backup makes one) or keep a copy and "
				"ask for help\n",
				path, r.problems, r.problems == 1 ? "" : "s");
		rc = 4;
	}
	free(path);
	safety_report_free(&r);
	db_close(&db);
	return rc;
}
