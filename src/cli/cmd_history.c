/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/cmd_history: `clerk history MEETING [--body NAME] [--record ID]` —
 * every change to a meeting's record (or to one of its records), oldest first, from the audit trail: when (local
 * time), who (login and display name), what (the kind of record and its
 * id) and how: a new record's values, a changed record's old and new
 * values of each field that changed, a removed record's last values.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/cli.h"
#include "clerk/model.h"

#define HISTORY_USAGE "history MEETING [--body NAME] [--record ID]"

/* The whole history, made before a line is printed: a name that cannot
 * be read fails the command (exit 4) with nothing printed, rather than a
 * history showing ids where names belong. */
static enum clerk_status make_history(struct db *db,
				      const struct audit_list *h,
				      const char *tz, struct strbuf *out,
				      struct clerk_err *err)
{
	for (size_t i = 0; i < h->n && !err->status; i++) {
		const struct audit_entry *a = &h->v[i];
		char when[32];
		time_format_local(a->at, tz, "%Y-%m-%d %H:%M:%S", when,
				  sizeof when);
		sb_addf(out, "%s  %s  %s %s %.8s\n", when,
			*a->who ? a->who : "(not recorded)", a->op, a->table,
			a->row_id);
		char *changes = audit_entry_changes_read(db, a, err);
		sb_add(out, changes);
		free(changes);
	}
	return err->status;
}

int cmd_history(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"body", required_argument, NULL, 'b'},
		{"record", required_argument, NULL, 'r'},
		{NULL, 0, NULL, 0},
	};
	const char *body = NULL, *record = NULL;
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "b:r:", options, NULL)) != -1) {
		if (opt == 'b')
			body = optarg;
		else if (opt == 'r' && *optarg)
			record = optarg;
		else
			return cli_usage(cli, HISTORY_USAGE);
	}
	if (argc - optind != 1)
		return cli_usage(cli, HISTORY_USAGE);
	struct db *db = NULL;
	int rc = cli_open_db(cli, DB_READONLY, &db);
	if (rc)
		return rc;
	struct clerk_err err = {0};
	struct meeting m = {0};
	struct body b = {0};
	struct audit_list h = {0};
	enum clerk_status st = meeting_find(db, argv[optind], body, &m, &err);
	if (!st && (st = body_get(db, m.body_id, &b, &err)))
		clerk_fail_reading(&err, st, "the meeting's body");
	if (!st && (st = audit_history(db, m.id, &h, &err)))
		clerk_fail_reading(&err, st, "the meeting's history");
	if (st)
		rc = cli_report(cli, &err);
	if (!rc && record && h.n && !audit_list_keep_record(&h, record)) {
		clerk_fail(&err, CLERK_NOT_FOUND,
			   "no change to this meeting's record is to a record "
			   "whose id starts \"%s\"; `clerk history %s` lists "
			   "every change with its record's id",
			   record, argv[optind]);
		rc = cli_report(cli, &err);
	}
	if (!rc && !h.n)
		cli_say(cli, "No changes are recorded for this meeting.\n");
	struct strbuf text = {0};
	if (!rc && make_history(db, &h, b.tz, &text, &err))
		rc = cli_report(cli, &err);
	if (!rc)
		cli_say(cli, "%s", sb_str(&text));
	sb_free(&text);
	audit_list_free(&h);
	body_free(&b);
	meeting_free(&m);
	db_close(&db);
	return rc;
}
