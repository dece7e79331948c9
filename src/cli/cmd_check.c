/*
 * cli/check: `clerk check` — is the clerk file sound?  Prints the file's
 * size and schema, how it is journalled, and the result of SQLite's
 * integrity and foreign-key checks.  Exit 0 when sound, 4 when not.  It
 * opens the file read-only, so it never changes what it checks.
 */
#include "config.h"

#include <stdlib.h>

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

int cmd_check(struct cli *cli, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_usage(cli, "check");
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_READONLY, &db);
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
		fputs("integrity:    ok\nforeign keys: ok\n", cli->out);
		fprintf(cli->out, "%s is sound\n", path);
	} else {
		fputs(sb_str(&r.details), cli->out);
		fprintf(cli->out,
			"%s is damaged (%d problem%s): restore it from a backup "
			"(clerk backup makes one) or keep a copy and ask for help\n",
			path, r.problems, r.problems == 1 ? "" : "s");
		rc = 4;
	}
	free(path);
	safety_report_free(&r);
	db_close(&db);
	return rc;
}
