/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/lease: the console's lease on a meeting, and unfinished text (see
 * clerk/model_lease.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/model_lease.h"
#include "model_private.h"

#define LEASE_COLS "meeting_id, token, holder, host, pid, since, renewed"

static void lease_read(sqlite3_stmt *st, void *out)
{
	struct console_lease *l = out;
	snprintf(l->meeting_id, sizeof l->meeting_id, "%s", db_col_text(st, 0));
	snprintf(l->token, sizeof l->token, "%s", db_col_text(st, 1));
	snprintf(l->holder, sizeof l->holder, "%s", db_col_text(st, 2));
	snprintf(l->host, sizeof l->host, "%s", db_col_text(st, 3));
	l->pid = (long)sqlite3_column_int64(st, 4);
	if (!time_parse_utc(db_col_text(st, 5), &l->since))
		l->since = 0;
	if (!time_parse_utc(db_col_text(st, 6), &l->renewed))
		l->renewed = 0;
}

enum clerk_status lease_get(struct db *db, const char *meeting_id,
			    struct console_lease *out, struct clerk_err *err)
{
	static const char sql[] = "SELECT " LEASE_COLS
				  " FROM console_lease WHERE meeting_id = ?1";
	return model_get_row(db, sql, meeting_id, lease_read, out, sizeof *out,
			     "console lease", err);
}

enum clerk_status lease_put(struct db *db, const struct console_lease *l,
			    struct clerk_err *err)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO console_lease(" LEASE_COLS
		") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	char since[CLERK_TIME_LEN], renewed[CLERK_TIME_LEN];
	time_format_utc(l->since, since);
	time_format_utc(l->renewed, renewed);
	db_bind_text(st, 1, l->meeting_id);
	db_bind_text(st, 2, l->token);
	db_bind_text(st, 3, l->holder);
	db_bind_text(st, 4, l->host);
	sqlite3_bind_int64(st, 5, l->pid);
	db_bind_text(st, 6, since);
	db_bind_text(st, 7, renewed);
	return model_step_done(db, st, "taking the meeting for this console",
			       err);
}

enum clerk_status lease_renew(struct db *db, const char *meeting_id,
			      const char *token, time_t at, bool *mine,
			      struct clerk_err *err)
{
	static const char sql[] = "UPDATE console_lease SET renewed = ?3 "
				  "WHERE meeting_id = ?1 AND token = ?2";
	*mine = false;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	char t[CLERK_TIME_LEN];
	time_format_utc(at, t);
	db_bind_text(st, 1, meeting_id);
	db_bind_text(st, 2, token);
	db_bind_text(st, 3, t);
	enum clerk_status rc =
		model_step_done(db, st, "renewing this console's lease", err);
	*mine = !rc && sqlite3_changes(db_handle(db)) > 0;
	return rc;
}

enum clerk_status lease_drop(struct db *db, const char *meeting_id,
			     const char *token, struct clerk_err *err)
{
	static const char sql[] = "DELETE FROM console_lease "
				  "WHERE meeting_id = ?1 AND token = ?2";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	db_bind_text(st, 2, token);
	return model_step_done(db, st, "giving up this console's lease", err);
}

enum clerk_status minute_text_set_unfinished(struct db *db, const char *id,
					     bool unfinished,
					     struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE minute_text SET unfinished = ?2 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	sqlite3_bind_int(st, 2, unfinished ? 1 : 0);
	enum clerk_status rc = model_step_done(db, st, "marking the text", err);
	return rc ? rc : model_check_changed(db, "text", id, err);
}

enum clerk_status minute_text_unfinished(struct db *db, const char *meeting_id,
					 clerk_id **ids, size_t *n,
					 struct clerk_err *err)
{
	static const char sql[] =
		"SELECT t.id FROM minute_text t JOIN agenda_item i ON "
		"i.id = t.item_id WHERE t.meeting_id = ?1 AND t.unfinished "
		"ORDER BY i.position, t.section, t.position";
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		snprintf((*ids)[*n], sizeof(clerk_id), "%s",
			 db_col_text(st, 0));
		(*n)++;
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE)
		rc = db_fail(db, err, "reading unfinished text");
	db_done(st);
	if (rc) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}
