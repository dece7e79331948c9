/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/lookup: bodies named loosely, a body's membership on a date, and
 * people found by name (with "did you mean" when a name is mistyped).
 *
 * Terms of membership and nomination run from their from date up to, not
 * including, their to date (as in model/seat.c).  Matching of names is done
 * in C over the few hundred bodies and people a council has, so that the
 * rules (initials, honorifics, word prefixes, edit distance) stay readable;
 * a person named exactly is found through the indexes first, so that the
 * common look-up reads a few rows rather than every name.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lookup_private.h"
#include "model_private.h"

/* ------------------------------------------------------------- helpers */

bool lookup_read_begin(struct db *db)
{
	sqlite3 *h = db_handle(db);
	if (!sqlite3_get_autocommit(h))
		return false;
	return sqlite3_exec(h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void lookup_read_end(struct db *db, bool began)
{
	if (began)
		sqlite3_exec(db_handle(db), "COMMIT", NULL, NULL, NULL);
}

void *lookup_grow(void *v, size_t n, size_t size)
{
	/* Grow by doubling whenever n reaches a power of two. */
	if (n == 0)
		return xrealloc(v, 4 * size);
	if (n >= 4 && (n & (n - 1)) == 0)
		return xrealloc(v, 2 * n * size);
	return v;
}

void lookup_today(const char *tz, char out[LOOKUP_DATE_LEN])
{
	time_format_local(clock_now(), tz && *tz ? tz : LOOKUP_DEFAULT_TZ,
			  "%Y-%m-%d", out, LOOKUP_DATE_LEN);
}

void lookup_local_date(const char *utc, const char *tz,
		       char out[LOOKUP_DATE_LEN])
{
	time_t t;
	if (!time_parse_utc(utc, &t)) {
		snprintf(out, LOOKUP_DATE_LEN, "%.10s", utc);
		return;
	}
	time_format_local(t, tz && *tz ? tz : LOOKUP_DEFAULT_TZ, "%Y-%m-%d", out,
			  LOOKUP_DATE_LEN);
}

/* Days from the civil date (proleptic Gregorian) to 1970-01-01. */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool lookup_date_days(const char *date, long *days)
{
	int y, m, d;
	if (!date || !date_parse(date, &y, &m, &d))
		return false;
	*days = days_from_civil(y, m, d);
	return true;
}

long lookup_date_add_months(const char *date, int months)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;
	if (!date_parse(date, &y, &m, &d))
		return 0;
	int total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	int last = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	if (d > last)
		d = last;
	return days_from_civil(y, m, d);
}

/* ------------------------------------------------------------- bodies */

#define BODY_COLUMNS                                                        \
	"b.id, b.name, coalesce(b.short_name, ''), coalesce(c.name, ''), b.tz, " \
	"b.quorum_kind, b.quorum_num, b.quorum_den, b.quorum_fixed, "           \
	"(SELECT reason FROM body_ended e WHERE e.body_id = b.id), "            \
	"b.substitutes_allowed "

void lookup_body_from_row(sqlite3_stmt *st, int col, struct lookup_body *b)
{
	snprintf(b->id, sizeof b->id, "%s", db_col_text(st, col));
	b->name = db_col_dup(st, col + 1);
	b->short_name = db_col_dup(st, col + 2);
	b->council = db_col_dup(st, col + 3);
	b->tz = db_col_dup(st, col + 4);
	b->quorum_kind = db_col_dup(st, col + 5);
	b->quorum_num = sqlite3_column_int(st, col + 6);
	b->quorum_den = sqlite3_column_int(st, col + 7);
	b->quorum_fixed = sqlite3_column_int(st, col + 8);
	b->ended = sqlite3_column_type(st, col + 9) == SQLITE_NULL
			   ? NULL
			   : db_col_dup(st, col + 9);
	b->substitutes_allowed = sqlite3_column_int(st, col + 10) != 0;
}

void lookup_body_free(struct lookup_body *b)
{
	if (!b)
		return;
	free(b->name);
	free(b->short_name);
	free(b->council);
	free(b->tz);
	free(b->quorum_kind);
	free(b->ended);
	memset(b, 0, sizeof *b);
}

void lookup_body_list_free(struct lookup_body_list *l)
{
	MODEL_LIST_FREE(l, lookup_body_free);
}

/* The bodies, or (?1 not NULL) the one of that id: one statement for
 * both, since a command that names a body reads them all to match the
 * name and then its own by id, and preparing a second statement of these
 * columns cost 0.1 M instructions of every such command's start (a
 * council has tens of bodies: reading them all is cheaper). */
static const char sql_bodies[] =
	"SELECT " BODY_COLUMNS "FROM body b "
	"LEFT JOIN council c ON c.id = b.council_id "
	"WHERE ?1 IS NULL OR b.id = ?1 "
	"ORDER BY b.name COLLATE NOCASE, b.id";

enum clerk_status lookup_body_get(struct db *db, const char *id,
				  struct lookup_body *out,
				  struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql_bodies, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	enum clerk_status rc = CLERK_OK;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		lookup_body_from_row(st, 0, out);
	else if (step == SQLITE_DONE)
		rc = clerk_fail(err, CLERK_NOT_FOUND, "no body with id %s", id);
	else
		rc = db_fail(db, err, "reading the body");
	db_done(st);
	return rc;
}

enum clerk_status lookup_body_all(struct db *db, struct lookup_body_list *out,
				  struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql_bodies, err);
	if (!st)
		return CLERK_DB;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		memset(&out->v[out->n], 0, sizeof *out->v);
		lookup_body_from_row(st, 0, &out->v[out->n++]);
	}
	db_done(st);
	if (step != SQLITE_DONE) {
		lookup_body_list_free(out);
		return db_fail(db, err, "reading the bodies");
	}
	return CLERK_OK;
}

static bool is_minor_word(const char *w, size_t n)
{
	static const char *const minor[] = {"and", "of", "the", "for", "&", NULL};
	for (size_t i = 0; minor[i]; i++)
		if (strlen(minor[i]) == n && strncasecmp(w, minor[i], n) == 0)
			return true;
	return false;
}

/* "Health and Wellbeing Board" -> "hwb". */
static char *body_initials(const char *name)
{
	struct strbuf sb = {0};
	const char *p = name;
	while (*p) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		const char *w = p;
		while (*p && *p != ' ' && *p != '-')
			p++;
		if (p > w && !is_minor_word(w, (size_t)(p - w)))
			sb_addc(&sb, (char)tolower((unsigned char)*w));
	}
	return sb_detach(&sb);
}

/* 2: exact name, short name or id; 1: part or initials; 0: no match. */
static int body_match_level(const struct lookup_body *b, const char *name)
{
	if (strcasecmp(b->name, name) == 0 || strcasecmp(b->id, name) == 0 ||
	    (*b->short_name && strcasecmp(b->short_name, name) == 0))
		return 2;
	if (strcasestr(b->name, name) ||
	    (*b->short_name && strcasestr(b->short_name, name)))
		return 1;
	char *initials = body_initials(b->name);
	int level = strlen(initials) > 1 && strcasecmp(initials, name) == 0;
	free(initials);
	return level;
}

enum clerk_status lookup_body_match(struct db *db, const char *name,
				    struct lookup_body_list *out,
				    struct clerk_err *err)
{
	struct lookup_body_list all;
	memset(out, 0, sizeof *out);
	if (!name || !*name)
		return CLERK_OK;
	enum clerk_status rc = lookup_body_all(db, &all, err);
	if (rc)
		return rc;
	int best = 0;
	for (size_t i = 0; i < all.n; i++) {
		int level = body_match_level(&all.v[i], name);
		if (level > best)
			best = level;
	}
	for (size_t i = 0; best && i < all.n; i++) {
		if (body_match_level(&all.v[i], name) != best)
			continue;
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		out->v[out->n++] = all.v[i];
		memset(&all.v[i], 0, sizeof all.v[i]);
	}
	lookup_body_list_free(&all);
	return CLERK_OK;
}

int lookup_quorum(const struct lookup_body *b, int seats)
{
	int fraction = 0;
	if (b->quorum_den > 0)
		fraction = (seats * b->quorum_num + b->quorum_den - 1) /
			   b->quorum_den;
	if (strcmp(b->quorum_kind, "fixed") == 0)
		return b->quorum_fixed;
	if (strcmp(b->quorum_kind, "composite") == 0)
		return fraction > b->quorum_fixed ? fraction : b->quorum_fixed;
	return fraction;
}

static const char *fraction_words(int num, int den, char *buf, size_t len)
{
	static const char *const names[] = {NULL,      NULL,     "half",
					    "third",   "quarter", "fifth",
					    "sixth",   "seventh", "eighth"};
	if (num == 1 && den >= 2 && den <= 8) {
		snprintf(buf, len, "one %s", names[den]);
		return buf;
	}
	snprintf(buf, len, "%d/%d", num, den);
	return buf;
}

char *lookup_quorum_rule(const struct lookup_body *b)
{
	char f[32];
	fraction_words(b->quorum_num, b->quorum_den, f, sizeof f);
	if (strcmp(b->quorum_kind, "fixed") == 0)
		return xasprintf("%d members", b->quorum_fixed);
	if (strcmp(b->quorum_kind, "composite") == 0)
		return xasprintf("%s of the filled voting seats, at least %d", f,
				 b->quorum_fixed);
	return xasprintf("%s of the filled voting seats, rounded up", f);
}

/* --------------------------------------------------------- membership */

static void holder_free(struct lookup_holder *h)
{
	free(h->name);
	free(h->capacity);
	free(h->since);
	free(h->until);
	memset(h, 0, sizeof *h);
}

/* Columns person_id, name, capacity, from, to starting at col. */
static void holder_from_row(sqlite3_stmt *st, int col, struct lookup_holder *h)
{
	snprintf(h->person_id, sizeof h->person_id, "%s", db_col_text(st, col));
	h->name = db_col_dup(st, col + 1);
	h->capacity = db_col_dup(st, col + 2);
	h->since = db_col_dup(st, col + 3);
	h->until = db_col_dup(st, col + 4);
}

void lookup_membership_free(struct lookup_membership *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nseats; i++) {
		struct lookup_seat *s = &m->seats[i];
		free(s->label);
		free(s->vacancy_note);
		free(s->role);
		free(s->first_day);
		free(s->last_day);
		holder_free(&s->member);
		for (size_t j = 0; j < s->nsubs; j++)
			holder_free(&s->subs[j]);
		free(s->subs);
	}
	free(m->seats);
	lookup_body_free(&m->body);
	memset(m, 0, sizeof *m);
}

static enum clerk_status seat_member(struct db *db, struct lookup_seat *s,
				     const char *date, struct clerk_err *err)
{
	static const char sql[] =
		"SELECT m.person_id, trim(p.honorific || ' ' || p.name), "
		"m.capacity, m.from_date, coalesce(m.to_date, ''), m.role "
		"FROM membership m JOIN person p ON p.id = m.person_id "
		"WHERE m.seat_id = ?1 AND m.from_date <= ?2 "
		"AND (m.to_date IS NULL OR m.to_date >= ?2) "
		"ORDER BY m.from_date DESC LIMIT 1";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, s->id);
	db_bind_text(st, 2, date);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		s->filled = true;
		holder_from_row(st, 0, &s->member);
		s->role = db_col_dup(st, 5);
	} else {
		s->role = xstrdup("");
	}
	db_done(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? CLERK_OK
		       : db_fail(db, err, "reading a seat's member");
}

static enum clerk_status seat_subs(struct db *db, struct lookup_seat *s,
				   const char *date, struct clerk_err *err)
{
	static const char sql[] =
		"SELECT u.person_id, trim(p.honorific || ' ' || p.name), "
		"u.capacity, u.from_date, coalesce(u.to_date, '') "
		"FROM substitute u JOIN person p ON p.id = u.person_id "
		"WHERE u.seat_id = ?1 AND u.from_date <= ?2 "
		"AND (u.to_date IS NULL OR u.to_date >= ?2) "
		"ORDER BY u.position, p.name COLLATE NOCASE";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, s->id);
	db_bind_text(st, 2, date);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		s->subs = lookup_grow(s->subs, s->nsubs, sizeof *s->subs);
		memset(&s->subs[s->nsubs], 0, sizeof *s->subs);
		holder_from_row(st, 0, &s->subs[s->nsubs++]);
	}
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading a seat's substitutes");
}

static enum clerk_status membership_seats(struct db *db,
					  struct lookup_membership *m,
					  struct clerk_err *err)
{
	static const char sql[] =
		"SELECT id, position, label, voting, vacancy_note, substitute_tbc, "
		"coalesce(from_date, ''), coalesce(to_date, '') "
		"FROM seat WHERE body_id = ?1 ORDER BY position, id";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, m->body.id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		m->seats = lookup_grow(m->seats, m->nseats, sizeof *m->seats);
		struct lookup_seat *s = &m->seats[m->nseats++];
		memset(s, 0, sizeof *s);
		snprintf(s->id, sizeof s->id, "%s", db_col_text(st, 0));
		s->position = sqlite3_column_int(st, 1);
		s->label = db_col_dup(st, 2);
		s->voting = sqlite3_column_int(st, 3) != 0;
		s->vacancy_note = db_col_dup(st, 4);
		s->substitute_tbc = sqlite3_column_int(st, 5) != 0;
		s->first_day = db_col_dup(st, 6);
		s->last_day = db_col_dup(st, 7);
	}
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading the seats");
}

/* In existence on the date, by the seat's own dates (the schema's, both
 * days included; "" open). */
static bool seat_in_use(const struct lookup_seat *s, const char *date)
{
	return (!*s->first_day || strcmp(s->first_day, date) <= 0) &&
	       (!*s->last_day || strcmp(s->last_day, date) >= 0);
}

enum clerk_status lookup_membership(struct db *db, const char *body_id,
				    const char *date,
				    struct lookup_membership *out,
				    struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	if (date && !date_parse(date, &(int){0}, &(int){0}, &(int){0}))
		return clerk_fail(err, CLERK_USAGE,
				  "'%s' is not a date: write it as YYYY-MM-DD", date);
	bool began = lookup_read_begin(db);
	enum clerk_status rc = lookup_body_get(db, body_id, &out->body, err);
	if (!rc) {
		if (date)
			snprintf(out->date, sizeof out->date, "%s", date);
		else
			lookup_today(out->body.tz, out->date);
		rc = membership_seats(db, out, err);
	}
	for (size_t i = 0; !rc && i < out->nseats; i++) {
		struct lookup_seat *s = &out->seats[i];
		rc = seat_member(db, s, out->date, err);
		if (!rc)
			rc = seat_subs(db, s, out->date, err);
		if (!rc)
			s->in_use = seat_in_use(s, out->date);
		out->in_use += !rc && s->in_use;
		if (!rc && s->filled) {
			out->filled++;
			out->voting_filled += s->voting;
		}
	}
	lookup_read_end(db, began);
	if (rc) {
		lookup_membership_free(out);
		return rc;
	}
	out->quorum = lookup_quorum(&out->body, out->voting_filled);
	return CLERK_OK;
}

/* -------------------------------------------------------------- people */

int lookup_edit_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	uint32_t *ca = xcalloc(na + 1, sizeof *ca), *cb = xcalloc(nb + 1, sizeof *cb);
	size_t la = 0, lb = 0;
	for (size_t i = 0; i < na;) {
		i += utf8_decode(a + i, na - i, &ca[la]);
		ca[la] = ca[la] < 128 ? (uint32_t)tolower((int)ca[la]) : ca[la];
		la++;
	}
	for (size_t i = 0; i < nb;) {
		i += utf8_decode(b + i, nb - i, &cb[lb]);
		cb[lb] = cb[lb] < 128 ? (uint32_t)tolower((int)cb[lb]) : cb[lb];
		lb++;
	}
	int *row = xcalloc(lb + 1, sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (ca[i - 1] != cb[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	int d = row[lb];
	free(row);
	free(ca);
	free(cb);
	return d;
}

/* Folded by Unicode's rules (case, accents, composed or decomposed:
 * utf8_fold), punctuation other than apostrophes and hyphens to spaces,
 * runs of spaces to one, no space at either end: "SIÂN  O'Neil" gives
 * "sian o'neil". */
static char *name_norm(const char *s)
{
	char *folded = utf8_fold(s);
	struct strbuf sb = {0};
	bool space = true;
	for (const unsigned char *p = (const unsigned char *)folded; *p; p++) {
		unsigned char c = *p;
		if (c < 128 && !isalnum(c) && c != '\'' && c != '-')
			c = ' ';
		if (c == ' ') {
			if (!space)
				sb_addc(&sb, ' ');
			space = true;
			continue;
		}
		sb_addc(&sb, (char)c);
		space = false;
	}
	free(folded);
	char *r = sb_detach(&sb);
	size_t n = strlen(r);
	if (n && r[n - 1] == ' ')
		r[n - 1] = '\0';
	return r;
}

/* "Fairhurst, Liz" as a list or a register writes it is "Liz Fairhurst". */
static char *surname_first_turned(const char *query)
{
	const char *comma = strchr(query, ',');
	if (!comma || strchr(comma + 1, ','))
		return xstrdup(query);
	return xasprintf("%s %.*s", comma + 1, (int)(comma - query), query);
}

/* The query without a leading title ("cllr liz fairhurst" -> "liz
 * fairhurst"), normalised. */
static char *query_norm(const char *query)
{
	static const char *const titles[] = {
		"cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "mx",
		"prof", "professor", "sir", "dame", "rev", "lord", "lady", NULL};
	char *turned = surname_first_turned(query);
	char *q = name_norm(turned);
	free(turned);
	char *space = strchr(q, ' ');
	if (!space)
		return q;
	for (size_t i = 0; titles[i]; i++) {
		size_t n = strlen(titles[i]);
		if ((size_t)(space - q) == n && strncmp(q, titles[i], n) == 0) {
			memmove(q, space + 1, strlen(space + 1) + 1);
			break;
		}
	}
	return q;
}

/* Split a normalised string into words (pointers into a copy). */
static size_t split_words(char *s, char **words, size_t max)
{
	size_t n = 0;
	for (char *tok = strtok(s, " "); tok && n < max; tok = strtok(NULL, " "))
		words[n++] = tok;
	return n;
}

/* Every query word begins a different word of the name, in order. */
static bool words_prefix_match(const char *qn, const char *nn)
{
	char *qc = xstrdup(qn), *nc = xstrdup(nn);
	char *qw[16], *nw[16];
	size_t nq = split_words(qc, qw, 16), nname = split_words(nc, nw, 16);
	size_t j = 0;
	bool ok = nq > 0;
	for (size_t i = 0; ok && i < nq; i++) {
		while (j < nname && strncmp(nw[j], qw[i], strlen(qw[i])) != 0)
			j++;
		ok = j < nname;
		j++;
	}
	free(qc);
	free(nc);
	return ok;
}

struct person_row {
	char id[CLERK_UUID_LEN];
	char *display;
	char *name;
	char *organisation;
	char *role;
};

static void person_row_clear(struct person_row *r)
{
	free(r->display);
	free(r->name);
	free(r->organisation);
	free(r->role);
}

static void person_rows_free(struct person_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		person_row_clear(&v[i]);
	free(v);
}

#define PERSON_ROW_COLS \
	"id, trim(honorific || ' ' || name), name, organisation, role"

static void person_row_add(sqlite3_stmt *st, struct person_row **rows,
			   size_t *n)
{
	*rows = lookup_grow(*rows, *n, sizeof **rows);
	struct person_row *r = &(*rows)[(*n)++];
	snprintf(r->id, sizeof r->id, "%s", db_col_text(st, 0));
	r->display = db_col_dup(st, 1);
	r->name = db_col_dup(st, 2);
	r->organisation = db_col_dup(st, 3);
	r->role = db_col_dup(st, 4);
}

/* Every person, by name (letter case aside), then id. */
static enum clerk_status person_rows(struct db *db, struct person_row **out,
				     size_t *n, struct clerk_err *err)
{
	static const char sql[] = "SELECT " PERSON_ROW_COLS
				  " FROM person ORDER BY name COLLATE NOCASE, id";
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		person_row_add(st, out, n);
	db_done(st);
	if (step != SQLITE_DONE) {
		person_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, err, "reading people");
	}
	return CLERK_OK;
}

static int ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The order of SQLite's NOCASE: bytes with ASCII letters folded, a string
 * before any longer one it begins. */
static int nocase_cmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;
	for (;; x++, y++) {
		int cx = ascii_lower(*x), cy = ascii_lower(*y);
		if (cx != cy || !cx)
			return cx - cy;
	}
}

/* A UUID or an exact name, with or without honorific, names one person.
 * Letter case is set aside as the person_name index sets it aside (ASCII
 * only), so that person_rows_named() finds through it every person this
 * accepts. */
static bool person_is_named(const struct person_row *r, const char *query)
{
	return strcmp(r->id, query) == 0 || nocase_cmp(r->name, query) == 0 ||
	       nocase_cmp(r->display, query) == 0;
}

static bool nocase_prefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (ascii_lower((unsigned char)*s) !=
		    ascii_lower((unsigned char)*prefix))
			return false;
	return true;
}

/* Add the person whose id is `id`, if any. */
static enum clerk_status person_rows_id(struct db *db, const char *id,
					struct person_row **rows, size_t *n,
					struct clerk_err *err)
{
	static const char sql[] = "SELECT " PERSON_ROW_COLS
				  " FROM person WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		person_row_add(st, rows, n);
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK : db_fail(db, err, "reading people");
}

/* Add the people whose name begins with `prefix` (letter case aside),
 * read from the person_name index, which keeps them together. */
static enum clerk_status person_rows_prefix(struct db *db, const char *prefix,
					    struct person_row **rows,
					    size_t *n, struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " PERSON_ROW_COLS " FROM person WHERE name >= ?1 "
		"COLLATE NOCASE ORDER BY name COLLATE NOCASE";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, prefix);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW &&
	       nocase_prefix(db_col_text(st, 2), prefix))
		person_row_add(st, rows, n);
	db_done(st);
	return step == SQLITE_ROW || step == SQLITE_DONE
		       ? CLERK_OK
		       : db_fail(db, err, "reading people");
}

static int person_row_cmp(const void *x, const void *y)
{
	const struct person_row *a = x, *b = y;
	int c = nocase_cmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

/* Keep the rows that person_is_named() accepts, once each, in the order of
 * person_rows(). */
static void person_rows_keep_named(struct person_row *v, size_t *n,
				   const char *query)
{
	if (*n > 1)
		qsort(v, *n, sizeof *v, person_row_cmp);
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++) {
		bool dup = kept && strcmp(v[kept - 1].id, v[i].id) == 0;
		if (dup || !person_is_named(&v[i], query))
			person_row_clear(&v[i]);
		else
			v[kept++] = v[i];
	}
	*n = kept;
}

/* The people that `query` names exactly (person_is_named), found without
 * reading every name.  The display name is the honorific, a space and the
 * name, trimmed; so a person it names has an id equal to the query, or a
 * name that begins the query, or begins it after one of its spaces, or
 * begins with a space.  Those few are read through the indexes, then
 * tested. */
static enum clerk_status person_rows_named(struct db *db, const char *query,
					   struct person_row **out, size_t *n,
					   struct clerk_err *err)
{
	*out = NULL;
	*n = 0;
	enum clerk_status rc = person_rows_id(db, query, out, n, err);
	if (!rc && *query)
		rc = person_rows_prefix(db, query, out, n, err);
	for (const char *s = query; !rc && (s = strchr(s, ' ')); s++)
		if (s[1])
			rc = person_rows_prefix(db, s + 1, out, n, err);
	if (!rc)
		rc = person_rows_prefix(db, " ", out, n, err);
	if (rc) {
		person_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	person_rows_keep_named(*out, n, query);
	return CLERK_OK;
}

static bool person_matches(const struct person_row *r, const char *qn)
{
	char *nn = name_norm(r->name), *dn = name_norm(r->display);
	bool ok = *qn && (strstr(nn, qn) || strstr(dn, qn) ||
			  words_prefix_match(qn, nn));
	free(nn);
	free(dn);
	return ok;
}

/* Move the rows' display names, organisations and roles into out. */
static void people_add(struct lookup_person_list *out,
		       struct person_row *r)
{
	out->v = lookup_grow(out->v, out->n, sizeof *out->v);
	struct lookup_person *p = &out->v[out->n++];
	memset(p, 0, sizeof *p);
	memcpy(p->id, r->id, sizeof p->id);
	p->name = r->display;
	p->organisation = r->organisation;
	p->role = r->role;
	r->display = r->organisation = r->role = NULL;
}

enum clerk_status lookup_people_match(struct db *db, const char *query,
				      struct lookup_person_list *out,
				      struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	struct person_row *rows;
	size_t n;
	/* An exact name is found through the indexes: only a partial or
	 * mistyped one needs every name, in C. */
	enum clerk_status rc = person_rows_named(db, query, &rows, &n, err);
	if (rc)
		return rc;
	bool exact = n > 0;
	if (!exact) {
		free(rows);
		rc = person_rows(db, &rows, &n, err);
		if (rc)
			return rc;
	}
	char *qn = query_norm(query);
	for (size_t i = 0; i < n; i++)
		if (exact || person_matches(&rows[i], qn))
			people_add(out, &rows[i]);
	free(qn);
	person_rows_free(rows, n);
	return CLERK_OK;
}

/* The smallest distance between the query and the name, its surname, or
 * its first and last words. */
static int name_distance(const char *qn, const char *name)
{
	char *nn = name_norm(name);
	int best = lookup_edit_distance(qn, nn);
	char *copy = xstrdup(nn);
	char *w[16];
	size_t n = split_words(copy, w, 16);
	if (n > 1) {
		int d = lookup_edit_distance(qn, w[n - 1]);
		if (d < best)
			best = d;
		char *fl = xasprintf("%s %s", w[0], w[n - 1]);
		d = lookup_edit_distance(qn, fl);
		if (d < best)
			best = d;
		free(fl);
	}
	free(copy);
	free(nn);
	return best;
}

static int cmp_int_pair(const void *a, const void *b)
{
	const int *x = a, *y = b;
	return x[0] != y[0] ? x[0] - y[0] : x[1] - y[1];
}

enum clerk_status lookup_people_suggest(struct db *db, const char *query,
					size_t max, char ***out,
					struct clerk_err *err)
{
	*out = xcalloc(max + 1, sizeof **out);
	struct person_row *rows;
	size_t n;
	enum clerk_status rc = person_rows(db, &rows, &n, err);
	if (rc)
		return rc;
	char *qn = query_norm(query);
	int len = utf8_width(qn);
	/* A slip is about one wrong letter in four, and at least two. */
	int limit = len / 4 + 1 > 2 ? len / 4 + 1 : 2;
	int(*cand)[2] = xcalloc(n + 1, sizeof *cand);
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		int d = name_distance(qn, rows[i].name);
		if (d <= limit && d < len) {
			cand[nc][0] = d;
			cand[nc][1] = (int)i;
			nc++;
		}
	}
	qsort(cand, nc, sizeof *cand, cmp_int_pair);
	for (size_t i = 0; i < nc && i < max; i++)
		(*out)[i] = xstrdup(rows[cand[i][1]].display);
	free(cand);
	free(qn);
	person_rows_free(rows, n);
	return CLERK_OK;
}

void lookup_strings_free(char ***v)
{
	if (!*v)
		return;
	for (char **p = *v; *p; p++)
		free(*p);
	free(*v);
	*v = NULL;
}

static void post_free(struct lookup_post *p)
{
	free(p->body_name);
	free(p->body_short);
	free(p->seat_label);
	free(p->role);
	free(p->capacity);
	free(p->since);
	free(p->until);
	free(p->for_member);
	memset(p, 0, sizeof *p);
}

void lookup_person_free(struct lookup_person *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->organisation);
	free(p->role);
	for (size_t i = 0; i < p->nposts; i++)
		post_free(&p->posts[i]);
	free(p->posts);
	memset(p, 0, sizeof *p);
}

void lookup_person_list_free(struct lookup_person_list *l)
{
	MODEL_LIST_FREE(l, lookup_person_free);
}

enum clerk_status lookup_person_posts(struct db *db, struct lookup_person *p,
				      const char *date, struct clerk_err *err)
{
	static const char sql[] =
		"SELECT b.id, b.name, coalesce(b.short_name, ''), s.position, "
		"s.label, 0, m.role, m.capacity, m.from_date, "
		"coalesce(m.to_date, ''), '' "
		"FROM membership m JOIN seat s ON s.id = m.seat_id "
		"JOIN body b ON b.id = s.body_id WHERE m.person_id = ?1 "
		"AND m.from_date <= ?2 AND (m.to_date IS NULL OR m.to_date >= ?2) "
		"UNION ALL "
		"SELECT b.id, b.name, coalesce(b.short_name, ''), s.position, "
		"s.label, 1, 'substitute', u.capacity, u.from_date, "
		"coalesce(u.to_date, ''), coalesce((SELECT trim(q.honorific || ' ' "
		"|| q.name) FROM membership m2 JOIN person q ON q.id = m2.person_id "
		"WHERE m2.seat_id = s.id AND m2.from_date <= ?2 AND (m2.to_date IS "
		"NULL OR m2.to_date >= ?2) ORDER BY m2.from_date DESC LIMIT 1), '') "
		"FROM substitute u JOIN seat s ON s.id = u.seat_id "
		"JOIN body b ON b.id = s.body_id WHERE u.person_id = ?1 "
		"AND u.from_date <= ?2 AND (u.to_date IS NULL OR u.to_date >= ?2) "
		"ORDER BY 2 COLLATE NOCASE, 1, 6, 4";
	char today[LOOKUP_DATE_LEN];
	if (!date) {
		lookup_today(NULL, today);
		date = today;
	} else if (!date_parse(date, &(int){0}, &(int){0}, &(int){0})) {
		return clerk_fail(err, CLERK_USAGE,
				  "'%s' is not a date: write it as YYYY-MM-DD", date);
	}
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, p->id);
	db_bind_text(st, 2, date);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		p->posts = lookup_grow(p->posts, p->nposts, sizeof *p->posts);
		struct lookup_post *o = &p->posts[p->nposts++];
		memset(o, 0, sizeof *o);
		snprintf(o->body_id, sizeof o->body_id, "%s", db_col_text(st, 0));
		o->body_name = db_col_dup(st, 1);
		o->body_short = db_col_dup(st, 2);
		o->seat_position = sqlite3_column_int(st, 3);
		o->seat_label = db_col_dup(st, 4);
		o->substitute = sqlite3_column_int(st, 5) != 0;
		o->role = db_col_dup(st, 6);
		o->capacity = db_col_dup(st, 7);
		o->since = db_col_dup(st, 8);
		o->until = db_col_dup(st, 9);
		o->for_member = db_col_dup(st, 10);
	}
	db_done(st);
	return step == SQLITE_DONE ? CLERK_OK
				   : db_fail(db, err, "reading a person's seats");
}

void lookup_declaration_list_free(struct lookup_declaration_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		struct lookup_declaration *d = &l->v[i];
		free(d->body_name);
		free(d->body_short);
		free(d->item_number);
		free(d->item_title);
		free(d->kind);
		free(d->what);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

enum clerk_status lookup_person_declarations(struct db *db,
					     const char *person_id,
					     struct lookup_declaration_list *out,
					     struct clerk_err *err)
{
	static const char sql[] =
		"SELECT d.meeting_id, coalesce(ai.id, ''), m.starts_at, b.tz, "
		"b.name, coalesce(b.short_name, ''), coalesce(ai.number, ''), "
		"coalesce(ai.title, ''), d.kind, "
		"CASE WHEN d.sensitive THEN '' ELSE d.what END, d.sensitive, "
		"d.left_room, d.dispensation FROM declaration d "
		"JOIN meeting m ON m.id = d.meeting_id "
		"JOIN body b ON b.id = m.body_id "
		"LEFT JOIN agenda_item ai ON ai.id = d.item_id "
		"WHERE d.person_id = ?1 "
		"ORDER BY m.starts_at DESC, ai.position, d.id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, person_id);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = lookup_grow(out->v, out->n, sizeof *out->v);
		struct lookup_declaration *d = &out->v[out->n++];
		memset(d, 0, sizeof *d);
		snprintf(d->meeting_id, sizeof d->meeting_id, "%s",
			 db_col_text(st, 0));
		snprintf(d->item_id, sizeof d->item_id, "%s", db_col_text(st, 1));
		lookup_local_date(db_col_text(st, 2), db_col_text(st, 3), d->date);
		d->body_name = db_col_dup(st, 4);
		d->body_short = db_col_dup(st, 5);
		d->item_number = db_col_dup(st, 6);
		d->item_title = db_col_dup(st, 7);
		d->kind = db_col_dup(st, 8);
		d->what = db_col_dup(st, 9);
		d->sensitive = sqlite3_column_int(st, 10) != 0;
		d->left_room = sqlite3_column_int(st, 11) != 0;
		d->dispensation = sqlite3_column_int(st, 12) != 0;
	}
	db_done(st);
	if (step != SQLITE_DONE) {
		lookup_declaration_list_free(out);
		return db_fail(db, err, "reading declarations");
	}
	return CLERK_OK;
}
