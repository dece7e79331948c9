/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/lookup_attendance: who came to the meetings of a body, per member,
 * and how long since each member last attended (the six-month rule of the
 * Local Government Act 1972 s.85).
 *
 * These are THE attendance rules of clerk: `clerk attendance`, the look-up
 * screen and the model's attendance_summary() (model/summary.c) all count
 * through this file, so they cannot disagree.
 *
 * A meeting counts once it has started by the program's clock and was not
 * cancelled (a past meeting still marked scheduled, as an imported one is,
 * counts too).  At each, the members expected are those whose term covers
 * the meeting's date, and anyone recorded against a seat in their own
 * right.  A member recorded present (or in attendance) is present; 'apology'
 * and 'absent' count as such; a member with no record (or still 'expected')
 * counts as absent, except while the meeting is still running (in progress
 * or adjourned), when they may yet arrive.  A person recorded as someone's
 * substitute attended as a substitute, and that member "sent a substitute".
 * The last attendance is taken over every meeting of the body up to now,
 * whatever the period asked for, since that is what the six-month rule
 * counts; the last one within the period is kept beside it.
 *
 * Everyone who was expected at, or substituted at, a meeting of the body
 * held up to now has a line, with their last attendance, even when the
 * period asked for is not theirs: so the body's whole history is read, but
 * as little of it as the answer allows.
 *
 * The counting is done in C over the rows of one body at a time, which
 * keeps the rules above readable.  Each meeting keeps the range of its own
 * rows.  The rows of a meeting within the period are read whole and
 * counted; of any other meeting only who has a row is read, from the index
 * on (meeting_id, person_id), since outside the period a row's status
 * matters only to give a line to someone not met yet and to find each
 * line's last attendance (walking back from the latest meeting), and there
 * it is read row by row: a few hundred rows of a twenty-year history of
 * 8,000 (see meet_meeting and find_last_attended).
 */
#include "config.h"

#define CLERK_SQL_ALLOWED /* model code */
#include "clerk/db_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lookup_private.h"

struct att_meeting {
	char id[CLERK_UUID_LEN];
	char date[LOOKUP_DATE_LEN];
	time_t starts_at;
	bool running; /* in progress or adjourned: no record is not absent yet */
	bool in_period;
	bool relevant; /* one person's line: they have a row there */
	size_t first_row, nrows; /* its rows in att_body.rows */
};

struct att_term {
	char person_id[CLERK_UUID_LEN];
	char from[LOOKUP_DATE_LEN];
	char to[LOOKUP_DATE_LEN]; /* "" open */
	int position;
};

/* A person's row at a meeting.  Outside the period only the person is read
 * at first (known false): the rest is read when a rule needs it. */
struct att_row {
	char person_id[CLERK_UUID_LEN];
	bool known;
	bool seat;
	char status[16];
	char substitute_for[CLERK_UUID_LEN];
};

/* Everything read for one body. */
struct att_body {
	struct lookup_body body;
	char today[LOOKUP_DATE_LEN];
	struct att_meeting *meetings;
	size_t nmeetings;
	struct att_term *terms;
	size_t nterms;
	struct att_row *rows;
	size_t nrows;
};

static void att_body_free(struct att_body *a)
{
	lookup_body_free(&a->body);
	free(a->meetings);
	free(a->terms);
	free(a->rows);
	memset(a, 0, sizeof *a);
}

static bool in_range(const char *date, const char *from, const char *to)
{
	return (!from || strcmp(date, from) >= 0) && (!to || strcmp(date, to) <= 0);
}

static enum clerk_status read_meetings(struct db *db, struct att_body *a,
				       const char *from, const char *to,
				       struct clerk_err *err)
{
	static const char sql[] =
		"SELECT id, starts_at, status FROM meeting WHERE body_id = ?1 "
		"AND status <> 'cancelled' ORDER BY starts_at, id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, a->body.id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		a->meetings = lookup_grow(a->meetings, a->nmeetings,
					  sizeof *a->meetings);
		struct att_meeting *m = &a->meetings[a->nmeetings];
		memset(m, 0, sizeof *m);
		snprintf(m->id, sizeof m->id, "%s", db_col_text(st, 0));
		lookup_local_date(db_col_text(st, 1), a->body.tz, m->date);
		if (!time_parse_utc(db_col_text(st, 1), &m->starts_at) ||
		    m->starts_at > clock_now())
			continue; /* not started by the clock: not held yet */
		const char *status = db_col_text(st, 2);
		m->running = strcmp(status, "in progress") == 0 ||
			     strcmp(status, "adjourned") == 0;
		m->in_period = in_range(m->date, from, to);
		a->nmeetings++;
	}
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading the meetings");
}

/* The body's terms of membership; of one person only when only is set
 * (no rule for that person's line reads anyone else's term). */
static enum clerk_status read_terms(struct db *db, struct att_body *a,
				    const char *only, struct clerk_err *err)
{
	static const char all[] =
		"SELECT m.person_id, m.from_date, coalesce(m.to_date, ''), "
		"s.position FROM membership m JOIN seat s ON s.id = m.seat_id "
		"WHERE s.body_id = ?1 ORDER BY m.from_date";
	static const char one[] =
		"SELECT m.person_id, m.from_date, coalesce(m.to_date, ''), "
		"s.position FROM membership m JOIN seat s ON s.id = m.seat_id "
		"WHERE m.person_id = ?2 AND s.body_id = ?1 ORDER BY m.from_date";
	sqlite3_stmt *st = db_stmt(db, only ? one : all, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, a->body.id);
	if (only)
		db_bind_text(st, 2, only);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		a->terms = lookup_grow(a->terms, a->nterms, sizeof *a->terms);
		struct att_term *t = &a->terms[a->nterms++];
		snprintf(t->person_id, sizeof t->person_id, "%s",
			 db_col_text(st, 0));
		snprintf(t->from, sizeof t->from, "%s", db_col_text(st, 1));
		snprintf(t->to, sizeof t->to, "%s", db_col_text(st, 2));
		t->position = sqlite3_column_int(st, 3);
	}
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading the membership");
}

/* snprintf(dst, size, "%s", src) without snprintf's cost: read_rows copies
 * a person's id from every row of the body's history. */
static void copy_text(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void row_fill(sqlite3_stmt *st, int col, struct att_row *r)
{
	r->known = true;
	r->seat = sqlite3_column_int(st, col) != 0;
	copy_text(r->status, sizeof r->status, db_col_text(st, col + 1));
	copy_text(r->substitute_for, sizeof r->substitute_for,
		  db_col_text(st, col + 2));
}

/* Append a meeting's rows to a->rows, in person order, and give the meeting
 * their range.  A meeting of the period is read whole; any other only from
 * the index on (meeting_id, person_id), a page or two, because for it only
 * who has a row matters until a rule asks for more (row_detail). */
static enum clerk_status read_rows(struct db *db, struct att_body *a,
				   struct att_meeting *m, struct clerk_err *err)
{
	static const char whole[] =
		"SELECT person_id, seat_id IS NOT NULL, status, "
		"coalesce(substitute_for, '') FROM attendance "
		"WHERE meeting_id = ?1 ORDER BY person_id";
	static const char ids[] = "SELECT person_id FROM attendance "
				  "WHERE meeting_id = ?1 ORDER BY person_id";
	m->first_row = a->nrows;
	m->nrows = 0;
	sqlite3_stmt *st = db_stmt(db, m->in_period ? whole : ids, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, m->id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		a->rows = lookup_grow(a->rows, a->nrows, sizeof *a->rows);
		struct att_row *r = &a->rows[a->nrows++];
		memset(r, 0, sizeof *r);
		copy_text(r->person_id, sizeof r->person_id, db_col_text(st, 0));
		if (m->in_period)
			row_fill(st, 1, r);
	}
	m->nrows = a->nrows - m->first_row;
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading the attendance");
}

/* Read the rest of a row read by read_rows as a person only. */
static enum clerk_status row_detail(struct db *db, const struct att_meeting *m,
				    struct att_row *r, struct clerk_err *err)
{
	static const char sql[] =
		"SELECT seat_id IS NOT NULL, status, coalesce(substitute_for, '') "
		"FROM attendance WHERE meeting_id = ?1 AND person_id = ?2";
	if (r->known)
		return CLERK_OK;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, m->id);
	db_bind_text(st, 2, r->person_id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		row_fill(st, 0, r);
	r->known = true; /* gone (not in this snapshot): no status, no rule */
	db_done(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? CLERK_OK
		       : db_fail(db, err, "reading the attendance");
}

static bool term_covers(const struct att_term *t, const char *date)
{
	return strcmp(t->from, date) <= 0 && (!*t->to || strcmp(t->to, date) >= 0);
}

static bool is_substituting(const struct att_row *r)
{
	return strcmp(r->status, "substitute") == 0 ||
	       (strcmp(r->status, "present") == 0 && *r->substitute_for);
}

/* Recorded in their own right against the meeting (not as a substitute
 * nor as an observer). */
static bool is_own_record(const struct att_row *r)
{
	return !*r->substitute_for &&
	       (strcmp(r->status, "present") == 0 ||
		strcmp(r->status, "apology") == 0 ||
		strcmp(r->status, "absent") == 0 ||
		(strcmp(r->status, "expected") == 0 && r->seat));
}

/* Per-person working record while counting one body. */
struct att_acc {
	struct lookup_attendance a;
	int position; /* seat order for sorting */
};

struct att_accs {
	struct att_acc *v; /* in the order first met (the final sort's ties) */
	size_t n;
	size_t *by_id; /* indexes into v sorted by person id, for acc_for */
};

/* Where person_id is, or would go, in accs->by_id. */
static size_t acc_slot(const struct att_accs *accs, const char *person_id,
		       bool *found)
{
	/* Binary search: it runs for every row of the body's history, over
	 * everyone who ever sat on it. */
	size_t lo = 0, hi = accs->n;
	*found = false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(accs->v[accs->by_id[mid]].a.person_id, person_id);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct att_acc *acc_find(struct att_accs *accs, const char *person_id)
{
	bool found;
	size_t i = acc_slot(accs, person_id, &found);
	return found ? &accs->v[accs->by_id[i]] : NULL;
}

static struct att_acc *acc_for(struct att_accs *accs, const char *person_id)
{
	bool found;
	size_t lo = acc_slot(accs, person_id, &found);
	if (found)
		return &accs->v[accs->by_id[lo]];
	accs->by_id = xrealloc(accs->by_id, (accs->n + 1) * sizeof *accs->by_id);
	memmove(accs->by_id + lo + 1, accs->by_id + lo,
		(accs->n - lo) * sizeof *accs->by_id);
	accs->by_id[lo] = accs->n;
	accs->v = lookup_grow(accs->v, accs->n, sizeof *accs->v);
	struct att_acc *acc = &accs->v[accs->n++];
	memset(acc, 0, sizeof *acc);
	snprintf(acc->a.person_id, sizeof acc->a.person_id, "%s", person_id);
	acc->position = 1 << 30;
	acc->a.days_since = -1;
	return acc;
}

static const struct att_row *row_of(const struct att_body *a,
				    const struct att_meeting *m,
				    const char *person_id)
{
	const struct att_row *rows = a->rows + m->first_row;
	for (size_t i = 0; i < m->nrows; i++)
		if (strcmp(rows[i].person_id, person_id) == 0)
			return &rows[i];
	return NULL;
}

static void note_attended(struct att_acc *acc, const struct att_meeting *m)
{
	if (strcmp(m->date, acc->a.last_attended) > 0)
		snprintf(acc->a.last_attended, sizeof acc->a.last_attended, "%s",
			 m->date);
	if (m->in_period && m->starts_at > acc->a.last_in_period)
		acc->a.last_in_period = m->starts_at;
}

/* Present as the member: recorded present (not for someone else) or in
 * attendance. */
static bool is_present(const struct att_row *r)
{
	return r && !*r->substitute_for &&
	       (strcmp(r->status, "present") == 0 ||
		strcmp(r->status, "in attendance") == 0);
}

/* Count one member expected at one meeting. */
static void count_expected(const struct att_body *a,
			   const struct att_meeting *m, struct att_acc *acc)
{
	const struct att_row *r = row_of(a, m, acc->a.person_id);
	const struct att_row *rows = a->rows + m->first_row;
	bool sent = false;
	for (size_t i = 0; i < m->nrows; i++)
		if (strcmp(rows[i].substitute_for, acc->a.person_id) == 0 &&
		    is_substituting(&rows[i]))
			sent = true;
	if (is_present(r))
		note_attended(acc, m);
	if (!m->in_period)
		return;
	acc->a.expected++;
	acc->a.substitute_sent += sent;
	const char *status = r && !is_substituting(r) ? r->status : "";
	if (is_present(r))
		acc->a.present++;
	else if (strcmp(status, "apology") == 0)
		acc->a.apologies++;
	else if (strcmp(status, "absent") == 0 || !m->running)
		acc->a.absent++;
}

/* The terms covering the meeting's date (the caller frees the array),
 * found once per meeting: the loops over them then run over the few dozen
 * members of that day rather than over every term of the body's history. */
static const struct att_term **meeting_cover(const struct att_body *a,
					     const struct att_meeting *m,
					     size_t *n)
{
	const struct att_term **cover = xcalloc(a->nterms + 1, sizeof *cover);
	*n = 0;
	for (size_t i = 0; i < a->nterms; i++)
		if (term_covers(&a->terms[i], m->date))
			cover[(*n)++] = &a->terms[i];
	return cover;
}

/* Count a meeting of the period (its rows are read whole). */
static void count_meeting(const struct att_body *a, const struct att_meeting *m,
			  const char *only, struct att_accs *accs)
{
	size_t ncover;
	const struct att_term **cover = meeting_cover(a, m, &ncover);
	/* Members expected, from their terms and their own records. */
	for (size_t i = 0; i < ncover; i++) {
		const char *pid = cover[i]->person_id;
		if (only && strcmp(pid, only))
			continue;
		struct att_acc *acc = acc_for(accs, pid);
		/* A member holding two terms that day counts once. */
		bool first = true;
		for (size_t j = 0; j < i; j++)
			if (strcmp(cover[j]->person_id, pid) == 0)
				first = false;
		if (first)
			count_expected(a, m, acc);
	}
	for (size_t i = 0; i < m->nrows; i++) {
		const struct att_row *r = &a->rows[m->first_row + i];
		if (only && strcmp(r->person_id, only))
			continue;
		bool by_term = false;
		for (size_t j = 0; j < ncover; j++)
			if (strcmp(cover[j]->person_id, r->person_id) == 0)
				by_term = true;
		if (is_own_record(r) && !by_term) {
			count_expected(a, m, acc_for(accs, r->person_id));
		} else if (is_substituting(r)) {
			struct att_acc *acc = acc_for(accs, r->person_id);
			note_attended(acc, m);
			acc->a.as_substitute += m->in_period;
		}
	}
	free(cover);
}

/* A meeting outside the period counts nothing, but gives a line, in the
 * same order as count_meeting() would, to each member expected and each
 * person recorded in their own right or as a substitute.  Only the row of
 * someone not met yet is read in full. */
static enum clerk_status meet_meeting(struct db *db, struct att_body *a,
				      const struct att_meeting *m,
				      const char *only, struct att_accs *accs,
				      struct clerk_err *err)
{
	size_t ncover;
	const struct att_term **cover = meeting_cover(a, m, &ncover);
	for (size_t i = 0; i < ncover; i++)
		if (!only || strcmp(cover[i]->person_id, only) == 0)
			acc_for(accs, cover[i]->person_id);
	free(cover);
	enum clerk_status rc = CLERK_OK;
	for (size_t i = 0; !rc && i < m->nrows; i++) {
		struct att_row *r = &a->rows[m->first_row + i];
		if ((only && strcmp(r->person_id, only)) ||
		    acc_find(accs, r->person_id))
			continue;
		rc = row_detail(db, m, r, err);
		if (!rc && (is_own_record(r) || is_substituting(r)))
			acc_for(accs, r->person_id);
	}
	return rc;
}

/* Whether any term of person_id covers the date. */
static bool has_term(const struct att_body *a, const char *person_id,
		     const char *date)
{
	for (size_t i = 0; i < a->nterms; i++)
		if (term_covers(&a->terms[i], date) &&
		    strcmp(a->terms[i].person_id, person_id) == 0)
			return true;
	return false;
}

/* Attended, by the rules of count_meeting(): present as a member expected
 * there, or as a substitute. */
static bool row_attended(const struct att_body *a, const struct att_meeting *m,
			 const struct att_row *r)
{
	return is_substituting(r) ||
	       (is_present(r) &&
		(is_own_record(r) || has_term(a, r->person_id, m->date)));
}

/* Each line's last attendance at any meeting of the body held up to now
 * (the six-month rule's), whatever the period.  Walking back from the
 * latest meeting, a row is read in full only when its meeting is later
 * than the attendance already found for its person: for most people the
 * first one or two. */
static enum clerk_status find_last_attended(struct db *db, struct att_body *a,
					    const char *only,
					    struct att_accs *accs,
					    struct clerk_err *err)
{
	enum clerk_status rc = CLERK_OK;
	for (size_t i = a->nmeetings; !rc && i-- > 0;) {
		const struct att_meeting *m = &a->meetings[i];
		for (size_t j = 0; !rc && j < m->nrows; j++) {
			struct att_row *r = &a->rows[m->first_row + j];
			struct att_acc *acc = only && strcmp(r->person_id, only)
						      ? NULL
						      : acc_find(accs, r->person_id);
			if (!acc || strcmp(m->date, acc->a.last_attended) <= 0)
				continue;
			rc = row_detail(db, m, r, err);
			if (!rc && row_attended(a, m, r))
				copy_text(acc->a.last_attended,
					  sizeof acc->a.last_attended, m->date);
		}
	}
	return rc;
}

/* Current term, seat order and the days counted for the six-month rule. */
static void finish_acc(const struct att_body *a, struct att_acc *acc)
{
	struct lookup_attendance *r = &acc->a;
	for (size_t i = 0; i < a->nterms; i++) {
		const struct att_term *t = &a->terms[i];
		if (strcmp(t->person_id, r->person_id))
			continue;
		if (t->position < acc->position || term_covers(t, a->today))
			acc->position = t->position;
		if (term_covers(t, a->today)) {
			r->current = true;
			snprintf(r->member_since, sizeof r->member_since, "%s",
				 t->from);
		}
	}
	long today, from;
	const char *start = *r->last_attended ? r->last_attended
			    : r->current      ? r->member_since
					      : "";
	lookup_date_days(a->today, &today);
	if (*start && lookup_date_days(start, &from)) {
		r->days_since = today - from;
		r->days_left = lookup_date_add_months(start, 6) - today;
	}
}

static int acc_cmp(const void *x, const void *y)
{
	const struct att_acc *a = x, *b = y;
	if (a->a.current != b->a.current)
		return a->a.current ? -1 : 1;
	if (a->position != b->position)
		return a->position < b->position ? -1 : 1;
	return strcasecmp(a->a.name ? a->a.name : "", b->a.name ? b->a.name : "");
}

static enum clerk_status person_name(struct db *db, const char *id, char **out,
				     struct clerk_err *err)
{
	static const char sql[] =
		"SELECT trim(honorific || ' ' || name) FROM person WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	int step = sqlite3_step(st);
	*out = xstrdup(step == SQLITE_ROW ? db_col_text(st, 0) : "");
	db_done(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? CLERK_OK
		       : db_fail(db, err, "reading a person");
}

static int meeting_ptr_cmp(const void *x, const void *y)
{
	const struct att_meeting *const *a = x, *const *b = y;
	return strcmp((*a)->id, (*b)->id);
}

/* One person's rows: their own and those of whoever stood in for them, at
 * the meetings of every body, read once through the indexes on
 * attendance(person_id) and attendance(substitute_for) (schema step 11) and
 * sorted by body, so that each body counted takes its own from here: the
 * cost follows the person's history, not the history of every body they
 * sat on. */
struct person_row {
	char meeting_id[CLERK_UUID_LEN];
	char body_id[CLERK_UUID_LEN];
	struct att_row r;
};
struct person_rows {
	struct person_row *v;
	size_t n;
};

static enum clerk_status person_rows_read(struct db *db, const char *person_id,
					  struct person_rows *out,
					  struct clerk_err *err)
{
	static const char sql[] =
		"SELECT a.meeting_id, m.body_id, a.person_id, "
		"a.seat_id IS NOT NULL, a.status, coalesce(a.substitute_for, '') "
		"FROM attendance a CROSS JOIN meeting m ON m.id = a.meeting_id "
		"WHERE a.person_id = ?1 OR a.substitute_for = ?1 "
		"ORDER BY m.body_id, m.starts_at, m.id, a.person_id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, person_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		struct person_row *p = &out->v[out->n++];
		memset(p, 0, sizeof *p);
		copy_text(p->meeting_id, sizeof p->meeting_id, db_col_text(st, 0));
		copy_text(p->body_id, sizeof p->body_id, db_col_text(st, 1));
		copy_text(p->r.person_id, sizeof p->r.person_id,
			  db_col_text(st, 2));
		row_fill(st, 3, &p->r);
	}
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading the attendance");
}

/* The body's share of the person's rows, given to its meetings (in date
 * order, as the rows come).  A meeting keeps them when the person has a
 * row there or a term of theirs covers its date, as a meeting of the body
 * read whole would give. */
static void take_person_rows(struct att_body *a, const char *person_id,
			     const struct person_rows *pr)
{
	/* The meetings are in date order, as the rows come: look them up
	 * through a copy sorted by id. */
	struct att_meeting **by_id =
		xcalloc(a->nmeetings + 1, sizeof *by_id);
	for (size_t i = 0; i < a->nmeetings; i++) {
		by_id[i] = &a->meetings[i];
		by_id[i]->first_row = by_id[i]->nrows = 0;
	}
	qsort(by_id, a->nmeetings, sizeof *by_id, meeting_ptr_cmp);
	struct att_meeting *m = NULL;
	for (size_t i = 0; i < pr->n; i++) {
		const struct person_row *p = &pr->v[i];
		if (strcmp(p->body_id, a->body.id))
			continue;
		if (!m || strcmp(m->id, p->meeting_id)) {
			struct att_meeting key;
			copy_text(key.id, sizeof key.id, p->meeting_id);
			const struct att_meeting *kp = &key;
			struct att_meeting **hit =
				bsearch(&kp, by_id, a->nmeetings, sizeof *by_id,
					meeting_ptr_cmp);
			m = hit ? *hit : NULL;
			if (!m)
				continue; /* not held yet, or called off */
			m->first_row = a->nrows;
		}
		a->rows = lookup_grow(a->rows, a->nrows, sizeof *a->rows);
		a->rows[a->nrows++] = p->r;
		m->nrows++;
		if (strcmp(p->r.person_id, person_id) == 0)
			m->relevant = true;
	}
	free(by_id);
}

/* Whether any term read covers the meeting's date. */
static bool meeting_covered(const struct att_body *a,
			    const struct att_meeting *m)
{
	for (size_t i = 0; i < a->nterms; i++)
		if (term_covers(&a->terms[i], m->date))
			return true;
	return false;
}

/* Count one body into out. */
static enum clerk_status count_body(struct db *db, const char *body_id,
				    const char *person_id,
				    const struct person_rows *pr,
				    const char *from, const char *to,
				    struct lookup_attendance_list *out,
				    struct clerk_err *err)
{
	struct att_body a = {0};
	struct att_accs accs = {0};
	enum clerk_status rc = lookup_body_get(db, body_id, &a.body, err);
	if (!rc) {
		lookup_today(a.body.tz, a.today);
		rc = read_meetings(db, &a, from, to, err);
	}
	if (!rc)
		rc = read_terms(db, &a, person_id, err);
	if (!rc && person_id) {
		take_person_rows(&a, person_id, pr);
		/* Rows only of a substitute, at a meeting outside the
		 * person's terms, say nothing of them. */
		for (size_t i = 0; !rc && i < a.nmeetings; i++)
			if (!a.meetings[i].relevant &&
			    !meeting_covered(&a, &a.meetings[i]))
				a.meetings[i].nrows = 0;
	}
	for (size_t i = 0; !rc && !person_id && i < a.nmeetings; i++)
		rc = read_rows(db, &a, &a.meetings[i], err);
	for (size_t i = 0; !rc && i < a.nmeetings; i++) {
		struct att_meeting *m = &a.meetings[i];
		if (m->in_period)
			count_meeting(&a, m, person_id, &accs);
		else
			rc = meet_meeting(db, &a, m, person_id, &accs, err);
		out->meetings += m->in_period;
	}
	/* Current members with no meeting yet still have a line. */
	for (size_t i = 0; !rc && i < a.nterms; i++)
		if (term_covers(&a.terms[i], a.today) &&
		    (!person_id || strcmp(a.terms[i].person_id, person_id) == 0))
			acc_for(&accs, a.terms[i].person_id);
	if (!rc)
		rc = find_last_attended(db, &a, person_id, &accs, err);
	for (size_t i = 0; !rc && i < accs.n; i++) {
		finish_acc(&a, &accs.v[i]);
		rc = person_name(db, accs.v[i].a.person_id, &accs.v[i].a.name, err);
		if (!rc)
			rc = lookup_s85(db, a.body.id, a.body.tz, a.today,
					&accs.v[i].a, err);
		memcpy(accs.v[i].a.body_id, a.body.id, sizeof a.body.id);
		accs.v[i].a.body_name = xstrdup(a.body.name ? a.body.name : "");
	}
	if (!rc && accs.n)
		qsort(accs.v, accs.n, sizeof *accs.v, acc_cmp);
	for (size_t i = 0; i < accs.n; i++) {
		if (rc) {
			free(accs.v[i].a.name);
			free(accs.v[i].a.body_name);
			free(accs.v[i].a.approved_reason);
			continue;
		}
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		out->v[out->n++] = accs.v[i].a;
	}
	free(accs.v);
	free(accs.by_id);
	att_body_free(&a);
	return rc;
}

/* The bodies a person sat on, was nominated for, or attended. */
static enum clerk_status person_bodies(struct db *db, const char *person_id,
				       char (**ids)[CLERK_UUID_LEN], size_t *n,
				       struct clerk_err *err)
{
	static const char sql[] =
		"SELECT s.body_id FROM membership m JOIN seat s ON s.id = m.seat_id "
		"WHERE m.person_id = ?1 UNION "
		"SELECT s.body_id FROM substitute u JOIN seat s ON s.id = u.seat_id "
		"WHERE u.person_id = ?1 UNION "
		"SELECT m.body_id FROM attendance a JOIN meeting m "
		"ON m.id = a.meeting_id WHERE a.person_id = ?1 "
		"AND a.status <> 'in attendance'";
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, person_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = lookup_grow(*ids, *n, sizeof **ids);
		snprintf((*ids)[(*n)++], CLERK_UUID_LEN, "%s", db_col_text(st, 0));
	}
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading a person's bodies");
}

static bool check_date(const char *date, const char *what,
		       struct clerk_err *err)
{
	if (!date || date_parse(date, &(int){0}, &(int){0}, &(int){0}))
		return true;
	clerk_fail(err, CLERK_USAGE, "%s '%s' is not a date: write it as YYYY-MM-DD",
		   what, date);
	return false;
}

enum clerk_status lookup_attendance(struct db *db, const char *body_id,
				    const char *person_id, const char *from,
				    const char *to,
				    struct lookup_attendance_list *out,
				    struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!check_date(from, "--from", err) || !check_date(to, "--to", err))
		return CLERK_USAGE;
	bool began = lookup_read_begin(db);
	enum clerk_status rc = CLERK_OK;
	struct person_rows pr = {0};
	if (person_id)
		rc = person_rows_read(db, person_id, &pr, err);
	if (rc) {
		/* nothing more to read */
	} else if (body_id) {
		rc = count_body(db, body_id, person_id, &pr, from, to, out, err);
	} else if (person_id) {
		char(*ids)[CLERK_UUID_LEN] = NULL;
		size_t n = 0;
		rc = person_bodies(db, person_id, &ids, &n, err);
		for (size_t i = 0; !rc && i < n; i++)
			rc = count_body(db, ids[i], person_id, &pr, from, to,
					out, err);
		free(ids);
	} else {
		rc = clerk_fail(err, CLERK_USAGE, "name a body or a person");
	}
	lookup_read_end(db, began);
	free(pr.v);
	if (rc)
		lookup_attendance_list_free(out);
	return rc;
}

void lookup_attendance_list_free(struct lookup_attendance_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].body_name);
		free(l->v[i].approved_reason);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
