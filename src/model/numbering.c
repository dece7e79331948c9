/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/numbering: the number of a meeting's first minute.  A body numbers
 * its minutes afresh at each meeting, continuously through the municipal
 * year (which starts on the body's year_start, "05-01"), or running from
 * one year to the next; a body that came to clerk part-way through a
 * sequence starts it at its next_minute.  Every
 * agenda item of a meeting takes one minute number; a meeting whose
 * first_minute was set by hand restarts the count there.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/record.h"
#include "model_private.h"

/* The UTC start of the municipal year holding t. */
static time_t year_start_of(const struct body *b, time_t t)
{
	struct tm tm;
	int month = 5, day = 1;
	time_to_local(t, b->tz, &tm);
	if (sscanf(b->year_start, "%d-%d", &month, &day) != 2)
		month = 5, day = 1;
	int year = tm.tm_year + 1900;
	if (tm.tm_mon + 1 < month || (tm.tm_mon + 1 == month && tm.tm_mday < day))
		year--;
	return time_from_local(b->tz, year, month, day, 0, 0);
}

/* Continue the count over the body's earlier meetings since `since`
 * (the start of the municipal year, or of all time for running numbers),
 * starting at `first`. */
static enum clerk_status count_from(struct db *db, const struct meeting *m,
				    time_t since, int first, int *out,
				    struct clerk_err *err)
{
	static const char sql[] =
		"SELECT m.first_minute, (SELECT count(*) FROM agenda_item i "
		"WHERE i.meeting_id = m.id) FROM meeting m WHERE m.body_id = ?1 "
		"AND m.status <> 'cancelled' AND m.starts_at >= ?2 AND "
		"(m.starts_at < ?3 OR (m.starts_at = ?3 AND m.id < ?4)) "
		"ORDER BY m.starts_at, m.id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, m->body_id);
	if (since)
		model_bind_time(st, 2, since);
	else
		db_bind_text(st, 2, "");
	model_bind_time(st, 3, m->starts_at);
	db_bind_text(st, 4, m->id);
	int n = first, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int fixed = sqlite3_column_int(st, 0);
		if (fixed > 0)
			n = fixed;
		n += sqlite3_column_int(st, 1);
	}
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE)
		rc = model_fail(db, "counting the minutes of earlier meetings", err);
	db_done(st);
	*out = n;
	return rc;
}

/* The first minute of meeting m of body b (b already read). */
static enum clerk_status first_minute_of(struct db *db, const struct meeting *m,
					 const struct body *b, int *out,
					 struct clerk_err *err)
{
	*out = 1;
	if (m->first_minute > 0) {
		*out = m->first_minute;
		return CLERK_OK;
	}
	if (b->numbering == NUMBERING_PER_MEETING)
		return CLERK_OK;
	time_t since = b->numbering == NUMBERING_PER_YEAR
			       ? year_start_of(b, m->starts_at)
			       : 0;
	int first = 1;
	/* The sequence the council was in when it moved to clerk carries on
	 * from the number it gave, within its year. */
	if (b->next_minute > 0 && m->starts_at >= b->next_minute_from &&
	    b->next_minute_from >= since) {
		since = b->next_minute_from;
		first = b->next_minute;
	}
	return count_from(db, m, since, first, out, err);
}

enum clerk_status meeting_first_minute_read(struct db *db,
					    const struct meeting *m, int *out,
					    struct clerk_err *err)
{
	*out = 1;
	if (m->first_minute > 0) {
		*out = m->first_minute;
		return CLERK_OK;
	}
	struct body b;
	enum clerk_status rc = body_get(db, m->body_id, &b, err);
	if (!rc)
		rc = first_minute_of(db, m, &b, out, err);
	body_free(&b);
	return rc;
}

int meeting_first_minute(struct db *db, const struct meeting *m)
{
	struct clerk_err err = {0};
	int n = 1;
	meeting_first_minute_read(db, m, &n, &err);
	return n;
}

int body_municipal_year(const struct body *b, time_t t)
{
	struct tm tm;
	int month = 5, day = 1;
	time_to_local(t, b->tz, &tm);
	if (!b->year_start || sscanf(b->year_start, "%d-%d", &month, &day) != 2)
		month = 5, day = 1;
	int year = tm.tm_year + 1900;
	if (tm.tm_mon + 1 < month || (tm.tm_mon + 1 == month && tm.tm_mday < day))
		year--;
	return year;
}

char *minute_number_format(const char *fmt, int n, int year)
{
	if (!fmt || !*fmt)
		fmt = "%n.";
	struct strbuf sb = {0};
	sb_add(&sb, "");
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 'n') {
			sb_addf(&sb, "%d", n);
			p++;
		} else if (p[0] == '%' && p[1] == 'y') {
			sb_addf(&sb, "%02d", year % 100);
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			sb_addc(&sb, '%');
			p++;
		} else {
			sb_addc(&sb, *p);
		}
	}
	return sb_detach(&sb);
}

char *minute_number_text(const struct body *b, const struct meeting *m, int n)
{
	/* The year only where the format prints it: it takes the time in
	 * the body's zone. */
	const char *fmt = b->minute_format;
	int year = fmt && strstr(fmt, "%y")
			   ? body_municipal_year(b, m->starts_at)
			   : 0;
	return minute_number_format(fmt, n, year);
}

/* The items of meeting_id in the order the minutes number them
 * (record_item_order), read from its 'item started' events and its agenda
 * alone, into *n ids (caller frees).  NULL when the meeting has no such
 * event, or they cannot be read: each item then keeps its agenda place.
 * The events are read first, so that a meeting never opened in clerk
 * (most of an imported archive) costs one look at its log. */
static clerk_id *minuted_order(struct db *db, const char *meeting_id,
			       size_t *n)
{
	static const char items_sql[] =
		"SELECT id FROM agenda_item WHERE meeting_id = ?1 "
		"ORDER BY position, id";
	static const char events_sql[] =
		"SELECT seq, item_id FROM event WHERE meeting_id = ?1 "
		"AND kind = 'item started' AND item_id IS NOT NULL ORDER BY seq";
	struct item_list items = {0};
	struct event_list ev = {0};
	bool ok = true;
	*n = 0;
	for (int pass = 0; pass < 2 && ok && (!pass || ev.n); pass++) {
		sqlite3_stmt *st = db_stmt(db, pass ? items_sql : events_sql, NULL);
		if (!st) {
			ok = false;
			break;
		}
		db_bind_text(st, 1, meeting_id);
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			if (!pass) {
				ev.v = xrealloc(ev.v, (ev.n + 1) * sizeof *ev.v);
				struct event *e = &ev.v[ev.n++];
				memset(e, 0, sizeof *e);
				e->seq = sqlite3_column_int(st, 0);
				e->kind = EVENT_ITEM_STARTED;
				model_copy_id(e->item_id, db_col_text(st, 1));
			} else {
				items.v = xrealloc(items.v,
						   (items.n + 1) * sizeof *items.v);
				struct agenda_item *a = &items.v[items.n++];
				memset(a, 0, sizeof *a);
				model_copy_id(a->id, db_col_text(st, 0));
			}
		}
		ok = step == SQLITE_DONE;
		db_done(st);
	}
	clerk_id *ids = NULL;
	if (ok && ev.n && items.n) {
		size_t *order = xcalloc(items.n, sizeof *order);
		record_item_order(&ev, &items, order);
		ids = xcalloc(items.n, sizeof *ids);
		for (size_t k = 0; k < items.n; k++)
			memcpy(ids[k], items.v[order[k]].id, sizeof ids[k]);
		*n = items.n;
		free(order);
	}
	free(items.v); /* ids only: nothing else was read */
	free(ev.v);
	return ids;
}

/* Where item_id (at agenda place `position`) comes in the minutes of its
 * meeting, from 0, given the meeting's minuted order (NULL: the agenda's). */
static int minuted_rank(const clerk_id *order, size_t n, const char *item_id,
			int position)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(order[k], item_id) == 0)
			return (int)k;
	return position - 1;
}

/* A record gone (NOT_FOUND) leaves the number empty; one that could not
 * be read fills *err (if err holds no failure yet): a search must not show
 * its hits without their minute numbers as if they had none. */
static void number_fail(struct clerk_err *err, enum clerk_status rc,
			const struct clerk_err *why)
{
	if (rc == CLERK_OK || rc == CLERK_NOT_FOUND || !err || err->status)
		return;
	*err = *why;
	clerk_fail_reading(err, rc, "what numbers the minutes");
}

/* One meeting as the memo keeps it: read once for all its items. */
struct minute_memo_meeting {
	clerk_id id;
	enum clerk_status rc; /* reading the meeting or its body */
	struct clerk_err why;
	bool numbered; /* held, and its body read */
	struct meeting m;
	size_t body; /* in memo->bodies */
	int first;   /* the number of its first minute */
	clerk_id *order; /* minuted_order */
	size_t norder;
};

/* The meeting meeting_id in the memo, read (with its body, its first
 * minute and the order its items were taken) when it is not there yet. */
static struct minute_memo_meeting *memo_meeting(struct db *db,
						struct minute_memo *memo,
						const char *meeting_id)
{
	for (size_t i = 0; i < memo->n; i++)
		if (strcmp(memo->meetings[i].id, meeting_id) == 0)
			return &memo->meetings[i];
	memo->meetings = xrealloc(memo->meetings,
				  (memo->n + 1) * sizeof *memo->meetings);
	struct minute_memo_meeting *mm = &memo->meetings[memo->n++];
	memset(mm, 0, sizeof *mm);
	snprintf(mm->id, sizeof mm->id, "%s", meeting_id);
	mm->rc = meeting_get(db, meeting_id, &mm->m, &mm->why);
	if (mm->rc || mm->m.status == MEETING_SCHEDULED ||
	    meeting_called_off(&mm->m))
		return mm;
	size_t b = 0;
	while (b < memo->nbodies && strcmp(memo->bodies[b].id, mm->m.body_id))
		b++;
	if (b == memo->nbodies) {
		struct body body;
		if ((mm->rc = body_get(db, mm->m.body_id, &body, &mm->why))) {
			body_free(&body);
			return mm;
		}
		memo->bodies = xrealloc(memo->bodies,
					(memo->nbodies + 1) * sizeof *memo->bodies);
		memo->bodies[memo->nbodies++] = body;
	}
	mm->numbered = true;
	mm->body = b;
	/* As before, a first minute that cannot be counted starts the
	 * meeting at 1 rather than losing the hit. */
	struct clerk_err ignored = {0};
	first_minute_of(db, &mm->m, &memo->bodies[b], &mm->first, &ignored);
	mm->order = minuted_order(db, meeting_id, &mm->norder);
	return mm;
}

char *minute_memo_number(struct db *db, struct minute_memo *memo,
			 const char *item_id, const char *meeting_id,
			 int position, struct clerk_err *err)
{
	struct minute_memo_meeting *mm = memo_meeting(db, memo, meeting_id);
	number_fail(err, mm->rc, &mm->why);
	if (mm->rc || !mm->numbered)
		return xstrdup("");
	return minute_number_text(&memo->bodies[mm->body], &mm->m,
				  mm->first + minuted_rank(mm->order, mm->norder,
							   item_id, position));
}

void minute_memo_free(struct minute_memo *memo)
{
	for (size_t i = 0; i < memo->n; i++) {
		meeting_free(&memo->meetings[i].m);
		free(memo->meetings[i].order);
	}
	for (size_t i = 0; i < memo->nbodies; i++)
		body_free(&memo->bodies[i]);
	free(memo->meetings);
	free(memo->bodies);
	memset(memo, 0, sizeof *memo);
}

char *item_minute_number_read(struct db *db, const char *item_id,
			      struct clerk_err *err)
{
	struct agenda_item it = {0};
	struct clerk_err why = {0};
	enum clerk_status rc = item_get(db, item_id, &it, &why);
	char *out;
	if (rc) {
		number_fail(err, rc, &why);
		out = xstrdup("");
	} else {
		struct minute_memo memo = {0};
		out = minute_memo_number(db, &memo, it.id, it.meeting_id,
					 it.position, err);
		minute_memo_free(&memo);
	}
	item_free(&it);
	return out;
}

char *item_minute_number(struct db *db, const char *item_id)
{
	return item_minute_number_read(db, item_id, NULL);
}
