/*
 * cli/backup: `clerk backup FILE` — a consistent copy of the clerk file,
 * taken with SQLite's online backup API (safe while the console runs).
 */
#include "config.h"

#include <stdlib.h>

#include "clerk/cli.h"
#include "clerk/outfile.h"
#include "clerk/safety.h"

int cmd_backup(struct cli *cli, int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '\0' ||
	    (argv[1][0] == '-' && argv[1][1] != '\0'))
		return cli_usage(cli, "backup FILE");
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_READONLY, &db);
	if (rc)
		return rc;
	struct clerk_err err = {0};
	struct safety_backup_info info;
	if (safety_backup(db, argv[1], &info, &err)) {
		db_close(&db);
		return cli_report(cli, &err);
	}
	/* The backup itself may have gone to standard output. */
	struct outfile_opts o = {0};
	enum outfile_kind kind = OUTFILE_REGULAR;
	(void)outfile_check(argv[1], &o, &kind, NULL);
	char *safe = utf8_sanitize(argv[1]);
	fprintf(kind == OUTFILE_STDOUT ? cli->err : cli->out, "backup written to %s (%lld KiB, %d pages, checked)\n",
		safe, (info.bytes + 1023) / 1024, info.pages);
	free(safe);
	db_close(&db);
	return 0;
}
