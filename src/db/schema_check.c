/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db/schema_check: is this file's schema the one this clerk creates?
 *
 * A clerk file used to be recognised only by its application id and
 * version.  A copy whose `council` table was replaced by a recursive view
 * hung every command; a planted trigger deleted each paragraph as it was
 * saved; with the lock and audit triggers dropped, confirmed minutes could
 * be edited.  So the file's schema (sqlite_schema) is compared with a
 * reference: the same migration steps run into an in-memory database.
 *
 * - A table clerk creates that is missing, is something else (a view), or
 *   is defined differently; any view; a trigger clerk does not create:
 *   the file is refused (SCHEMA_FOREIGN).
 * - One of clerk's triggers or indexes missing or altered, or an index
 *   clerk does not create: the file can be read, but writing is refused
 *   until `clerk check --repair` restores them (SCHEMA_REPAIR).
 * Tables clerk does not know are left alone: clerk never reads them.
 *
 * The shadow tables of the full-text index (created by SQLite's FTS5, their
 * text written by SQLite itself) are compared by name and kind only.
 *
 * Building the reference runs every migration step: about 125 million
 * instructions, ten times a whole `clerk members`.  So a file of the
 * latest version is first compared, row by row and byte by byte, with the
 * rows of the reference that the build wrote into schema_expected.c
 * (db_schema_is_expected: about 0.25 million instructions, every opening);
 * a file of an older version (opened once, to be upgraded) by a digest of
 * its schema (BLAKE2b over its rows in name order) with the digest this
 * clerk's reference has at that version, listed below.  Only a file that
 * differs from both is compared with the reference built in memory, and
 * that comparison alone gives the verdict and the messages.  A stale
 * digest costs time, never a wrong verdict, and tests/unit/test_storage.c
 * fails with the value to put here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_private.h"

struct schema_row {
	char *type, *name, *tbl, *sql;
};

struct schema_rows {
	struct schema_row *v;
	size_t n;
};

static void rows_free(struct schema_rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].type);
		free(r->v[i].name);
		free(r->v[i].tbl);
		free(r->v[i].sql);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

static char *col_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return xstrdup(t ? (const char *)t : "");
}

/* A shadow table of a virtual table (FTS5's): SQLite writes its text. */
static bool is_shadow(const char *sql)
{
	return strncmp(sql, "CREATE TABLE '", 14) == 0;
}

/* Every object of a schema but SQLite's own (whose name is like
 * 'sqlite_%'), its columns in the order DB_SCHEMA_SQL counts. */
#define SCHEMA_ROWS                                                            \
	"SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT "  \
	"LIKE 'sqlite!_%' ESCAPE '!'"

int db_schema_rows(sqlite3 *sql, bool sorted, sqlite3_stmt **st)
{
	*st = NULL;
	return sqlite3_prepare_v2(sql,
				  sorted ? SCHEMA_ROWS " ORDER BY name, type"
					 : SCHEMA_ROWS,
				  -1, st, NULL);
}

const char *db_schema_field(sqlite3_stmt *st, int col, size_t *len)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	*len = t ? (size_t)sqlite3_column_bytes(st, col) : 0;
	if (!t)
		return "";
	if (col == DB_SCHEMA_SQL && is_shadow(t))
		*len = 0;
	return t;
}

/* Every object of the schema but SQLite's own, by name (binary order). */
static int rows_load(sqlite3 *sql, struct schema_rows *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = NULL;
	int rc = db_schema_rows(sql, true, &st);
	size_t cap = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 128;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		struct schema_row *r = &out->v[out->n++];
		r->type = col_dup(st, 0);
		r->name = col_dup(st, 1);
		r->tbl = col_dup(st, 2);
		r->sql = col_dup(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static const struct schema_row *rows_find(const struct schema_rows *r,
					  const char *name)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(r->v[mid].name, name);
		if (c == 0)
			return &r->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The same text, or both a shadow table's (whose text is SQLite's). */
static bool same_sql(const struct schema_row *e, const struct schema_row *f)
{
	return is_shadow(e->sql) ? is_shadow(f->sql)
				 : strcmp(e->sql, f->sql) == 0;
}

/* The column names of table in sql, comma-separated (caller frees). */
static char *column_names(sqlite3 *sql, const char *table)
{
	struct strbuf sb = {0};
	sb_add(&sb, "");
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(sql, "SELECT name FROM pragma_table_info(?)",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "",
				(const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return sb_detach(&sb);
}

static void note(struct schema_report *rep, enum schema_verdict v,
		 const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void note(struct schema_report *rep, enum schema_verdict v,
		 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct strbuf line = {0};
	sb_vaddf(&line, fmt, ap);
	va_end(ap);
	char *safe = utf8_sanitize(sb_str(&line));
	sb_free(&line);
	/* The first difference of the gravest kind is the one named. */
	if (v > rep->verdict) {
		snprintf(rep->first, sizeof rep->first, "%s", safe);
		rep->verdict = v;
	}
	sb_addf(&rep->lines, "%s\n", safe);
	rep->n++;
	free(safe);
}

static void compare_table(sqlite3 *file, sqlite3 *ref,
			  const struct schema_row *e, const struct schema_row *f,
			  struct schema_report *rep)
{
	if (!f || strcmp(f->type, "table") != 0 || !same_sql(e, f))
		rep->tables_differ = true;
	if (!f) {
		note(rep, SCHEMA_FOREIGN, "table %s is missing", e->name);
		return;
	}
	if (strcmp(f->type, "table") != 0) {
		note(rep, SCHEMA_FOREIGN, "%s is a %s, not a table", e->name,
		     f->type);
		return;
	}
	if (!same_sql(e, f)) {
		char *want = column_names(ref, e->name);
		char *got = column_names(file, f->name);
		if (strcmp(want, got) != 0)
			note(rep, SCHEMA_FOREIGN,
			     "table %s has the columns (%s), not (%s)", e->name,
			     got, want);
		else
			note(rep, SCHEMA_FOREIGN,
			     "table %s is defined differently (%s)", e->name,
			     f->sql);
		free(want);
		free(got);
	}
}

/* An object of clerk's (a trigger or an index) the file lacks or altered. */
static void compare_owned(const struct schema_row *e,
			  const struct schema_row *f, struct schema_report *rep)
{
	if (!f)
		note(rep, SCHEMA_REPAIR, "%s %s on %s is missing", e->type,
		     e->name, e->tbl);
	else if (strcmp(e->type, f->type) != 0 || strcmp(e->sql, f->sql) != 0 ||
		 strcmp(e->tbl, f->tbl) != 0)
		note(rep, SCHEMA_REPAIR, "%s %s on %s was altered", e->type,
		     e->name, e->tbl);
}

/* What the file has that clerk does not create. */
static void compare_extra(const struct schema_row *f,
			  const struct schema_rows *ref,
			  struct schema_report *rep)
{
	const struct schema_row *e = rows_find(ref, f->name);
	if (e) /* clerk's name: compared above */
		return;
	if (strcmp(f->type, "view") == 0)
		note(rep, SCHEMA_FOREIGN, "a view %s that clerk does not create",
		     f->name);
	else if (strcmp(f->type, "trigger") == 0)
		note(rep, SCHEMA_FOREIGN,
		     "a trigger %s on %s that clerk does not create", f->name,
		     f->tbl);
	else if (strcmp(f->type, "index") == 0)
		note(rep, SCHEMA_REPAIR, "an index %s on %s that clerk does not "
					 "create",
		     f->name, f->tbl);
}

/* The digest of the schema this clerk creates at each version. */
static const struct {
	int version;
	uint64_t digest;
} known_digests[] = {
	{1, 0x512b29c1fdfa5a71ULL},
	{2, 0x5a1d6290c727e6b9ULL},
	{3, 0x0024b71b6e37dc9aULL},
	{4, 0xb3e423c2ad44e5d4ULL},
	{5, 0x4ce64cb9ca862e47ULL},
	{6, 0xa5167dfdd509dc12ULL},
	{7, 0x699f7f66a8389fabULL},
	{8, 0x5de4ad54e3407ff4ULL},
	{9, 0x5e814dbc6b0d3a0cULL},
	{10, 0x38550bbbcbfcec5cULL},
	{11, 0xe93ce007e27f41ebULL},
	{12, 0x71eec0f5adf7dc00ULL},
	{13, 0x71eec0f5adf7dc00ULL},
	{14, 0xb304bb7c1d072f45ULL},
	{15, 0xa776dfafadcacca2ULL},
	{16, 0x5c835291f4677ba5ULL},
	{17, 0x5c835291f4677ba5ULL},
	{18, 0x8b0efc7b70a90f1aULL},
};

/* BLAKE2b (RFC 7693), 64-bit output: the digest must resist a file made
 * to match it, so it is a cryptographic hash, not a checksum. */
struct b2b {
	uint64_t h[8], t;
	unsigned char buf[128];
	size_t n;
};

static const uint64_t b2b_iv[8] = {
	0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
	0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
	0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const unsigned char b2b_sigma[12][16] = {
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static uint64_t rotr64(uint64_t x, int n)
{
	return x >> n | x << (64 - n);
}

#define B2B_G(a, b, c, d, x, y)                                         \
	do {                                                            \
		v[a] = v[a] + v[b] + (x);                               \
		v[d] = rotr64(v[d] ^ v[a], 32);                         \
		v[c] = v[c] + v[d];                                     \
		v[b] = rotr64(v[b] ^ v[c], 24);                         \
		v[a] = v[a] + v[b] + (y);                               \
		v[d] = rotr64(v[d] ^ v[a], 16);                         \
		v[c] = v[c] + v[d];                                     \
		v[b] = rotr64(v[b] ^ v[c], 63);                         \
	} while (0)

static void b2b_compress(struct b2b *c, bool last)
{
	uint64_t v[16], m[16];
	for (int i = 0; i < 8; i++) {
		v[i] = c->h[i];
		v[i + 8] = b2b_iv[i];
	}
	v[12] ^= c->t;
	if (last)
		v[14] = ~v[14];
	memcpy(m, c->buf, sizeof m);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	for (int i = 0; i < 16; i++)
		m[i] = __builtin_bswap64(m[i]);
#endif
	/* Unrolled, each round's message indices are constants: a third
	 * fewer instructions, and this hashes the schema on every opening. */
#pragma GCC unroll 12
	for (int r = 0; r < 12; r++) {
		const unsigned char *s = b2b_sigma[r];
		B2B_G(0, 4, 8, 12, m[s[0]], m[s[1]]);
		B2B_G(1, 5, 9, 13, m[s[2]], m[s[3]]);
		B2B_G(2, 6, 10, 14, m[s[4]], m[s[5]]);
		B2B_G(3, 7, 11, 15, m[s[6]], m[s[7]]);
		B2B_G(0, 5, 10, 15, m[s[8]], m[s[9]]);
		B2B_G(1, 6, 11, 12, m[s[10]], m[s[11]]);
		B2B_G(2, 7, 8, 13, m[s[12]], m[s[13]]);
		B2B_G(3, 4, 9, 14, m[s[14]], m[s[15]]);
	}
	for (int i = 0; i < 8; i++)
		c->h[i] ^= v[i] ^ v[i + 8];
}

static void b2b_init(struct b2b *c)
{
	memset(c, 0, sizeof *c);
	memcpy(c->h, b2b_iv, sizeof c->h);
	c->h[0] ^= 0x01010000ULL ^ 8; /* no key, 8-byte digest */
}

static void b2b_update(struct b2b *c, const void *data, size_t len)
{
	const unsigned char *p = data;
	while (len) {
		if (c->n == sizeof c->buf) {
			c->t += c->n;
			b2b_compress(c, false);
			c->n = 0;
		}
		size_t take = sizeof c->buf - c->n < len ? sizeof c->buf - c->n
							 : len;
		memcpy(c->buf + c->n, p, take);
		c->n += take;
		p += take;
		len -= take;
	}
}

static uint64_t b2b_final(struct b2b *c)
{
	c->t += c->n;
	memset(c->buf + c->n, 0, sizeof c->buf - c->n);
	b2b_compress(c, true);
	return c->h[0];
}

/* One field, length first, so that no two rows hash alike. */
static void b2b_field(struct b2b *c, const char *s, uint64_t len)
{
	b2b_update(c, &len, sizeof len);
	b2b_update(c, s, len);
}

/* A row of the schema for the digest: its four fields in one buffer. */
struct digest_row {
	size_t off[4], len[4];
	size_t seq; /* the order read: ties of name stay in it */
};

static const char *digest_text; /* the buffer, for digest_cmp */

static int digest_cmp(const void *a, const void *b)
{
	const struct digest_row *x = a, *y = b;
	size_t n = x->len[1] < y->len[1] ? x->len[1] : y->len[1];
	int c = memcmp(digest_text + x->off[1], digest_text + y->off[1], n);
	if (c)
		return c;
	if (x->len[1] != y->len[1])
		return x->len[1] < y->len[1] ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* This runs on every opening.  The rows are read as stored and sorted by
 * name here (the order of the digests listed below, a name's binary order)
 * rather than by SQLite's ORDER BY, whose sorter copied each row's text
 * into records of its own: 0.4 M instructions of every command. */
uint64_t db_schema_digest(sqlite3 *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = db_schema_rows(sql, false, &st);
	struct strbuf text = {0};
	struct digest_row *rows = NULL;
	size_t n = 0, cap = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		struct digest_row *r = &rows[n];
		r->seq = n++;
		for (int col = 0; col < 4; col++) {
			const char *t = db_schema_field(st, col, &r->len[col]);
			r->off[col] = text.len;
			if (r->len[col])
				sb_addn(&text, t, r->len[col]);
		}
	}
	sqlite3_finalize(st);
	uint64_t digest = 0;
	if (rc == SQLITE_DONE) {
		digest_text = text.len ? sb_str(&text) : "";
		if (n > 1)
			qsort(rows, n, sizeof *rows, digest_cmp);
		struct b2b c;
		b2b_init(&c);
		for (size_t i = 0; i < n; i++)
			for (int col = 0; col < 4; col++)
				b2b_field(&c, digest_text + rows[i].off[col],
					  rows[i].len[col]);
		digest = b2b_final(&c);
		digest_text = NULL;
	}
	free(rows);
	sb_free(&text);
	return digest;
}

uint64_t db_schema_known_digest(int version)
{
	for (size_t i = 0; i < sizeof known_digests / sizeof *known_digests; i++)
		if (known_digests[i].version == version)
			return known_digests[i].digest;
	return 0;
}

/* name LIKE 'sqlite!_%' ESCAPE '!': SQLite's own objects.  LIKE folds the
 * case of ASCII letters only, whatever the locale (strncasecmp may fold
 * other bytes to them). */
static bool sqlite_own(const char *name, size_t len)
{
	static const char own[] = "sqlite_";
	if (len < sizeof own - 1)
		return false;
	for (size_t i = 0; i < sizeof own - 1; i++) {
		char c = name[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != own[i])
			return false;
	}
	return true;
}

/* The expected row of this name and type (NULL: none). */
static const struct db_schema_row *expected_find(const char *name,
						 size_t name_len,
						 const char *type,
						 size_t type_len)
{
	size_t lo = 0, hi = db_expected_n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct db_schema_row *e = &db_expected_rows[mid];
		size_t n = e->len[1] < name_len ? e->len[1] : name_len;
		int c = memcmp(e->f[1], name, n);
		if (!c)
			c = e->len[1] < name_len   ? -1
			    : e->len[1] > name_len ? 1
						   : strcmp(e->f[0], type);
		if (!c && e->len[0] != type_len)
			c = e->len[0] < type_len ? -1 : 1;
		if (!c)
			return e;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The file's schema is exactly the latest reference's: the same rows as
 * the digest reads them (every row but SQLite's own, whose name is like
 * 'sqlite_%'; a shadow table's text not compared), each field the same
 * bytes, none missing, none twice.  Anything else (a NULL name, a row
 * clerk does not make, a byte changed) is "no": the caller then compares
 * as before, so this can only make the answer come sooner, never change
 * it.  Cheaper than the digest (0.8 million instructions): the rows are
 * compared as SQLite gives them, neither copied nor sorted nor hashed.
 * The rows are given one by one (db_schema_expect_row), so that a reading
 * of the schema made for another purpose (the writer's check of every
 * b-tree, db.c check_roots) answers this too. */
void db_schema_expect_start(struct schema_expect *x)
{
	x->seen = db_expected_n ? xcalloc(db_expected_n, 1) : NULL;
	x->matched = 0;
	x->same = db_expected_n > 0;
}

const struct db_schema_row *db_schema_expect_row(struct schema_expect *x,
						 sqlite3_stmt *st)
{
	if (!x->same)
		return NULL;
	/* columns: type, name, tbl_name, sql; the name first, so that
	 * SQLite's own rows are passed over unread */
	const char *t[4];
	size_t len[4];
	t[1] = (const char *)sqlite3_column_text(st, 1);
	if (!t[1]) {
		x->same = false; /* the digest leaves it out: ask it */
		return NULL;
	}
	len[1] = (size_t)sqlite3_column_bytes(st, 1);
	if (sqlite_own(t[1], len[1]))
		return NULL;
	t[0] = db_schema_field(st, 0, &len[0]);
	t[2] = db_schema_field(st, 2, &len[2]);
	t[3] = db_schema_field(st, DB_SCHEMA_SQL, &len[3]);
	const struct db_schema_row *e = expected_find(t[1], len[1], t[0], len[0]);
	if (!e || x->seen[e - db_expected_rows]) {
		x->same = false;
		return NULL;
	}
	x->seen[e - db_expected_rows] = 1;
	x->matched++;
	x->same = len[2] == e->len[2] && len[3] == e->len[3] &&
		  (len[2] == 0 || memcmp(t[2], e->f[2], len[2]) == 0) &&
		  (len[3] == 0 || memcmp(t[3], e->f[3], len[3]) == 0);
	return x->same && len[3] > 0 ? e : NULL;
}

bool db_schema_expect_end(struct schema_expect *x, bool whole)
{
	bool same = whole && x->same && x->matched == db_expected_n;
	free(x->seen);
	memset(x, 0, sizeof *x);
	return same;
}

bool db_schema_is_expected(sqlite3 *sql)
{
	if (db_expected_n == 0)
		return false;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(sql,
			       "SELECT type, name, tbl_name, sql FROM sqlite_schema",
			       -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return false;
	}
	struct schema_expect x;
	db_schema_expect_start(&x);
	int rc = SQLITE_ERROR;
	while (x.same && (rc = sqlite3_step(st)) == SQLITE_ROW)
		db_schema_expect_row(&x, st);
	sqlite3_finalize(st);
	return db_schema_expect_end(&x, rc == SQLITE_DONE);
}

/* The reference schema at a version, and the rows of it and of a file. */
struct schema_pair {
	sqlite3 *ref;
	struct schema_rows want, got;
};

static void pair_free(struct schema_pair *p)
{
	rows_free(&p->want);
	rows_free(&p->got);
	sqlite3_close(p->ref);
}

/* Build the reference at version and read both schemas; the caller frees
 * p with pair_free() whatever this returns. */
static enum clerk_status pair_load(sqlite3 *file, int version,
				   struct schema_pair *p, struct clerk_err *err)
{
	memset(p, 0, sizeof *p);
	enum clerk_status rc = db_reference_schema(version, &p->ref, err);
	if (rc)
		return rc;
	int src = rows_load(p->ref, &p->want);
	if (src == SQLITE_OK)
		src = rows_load(file, &p->got);
	if (src != SQLITE_OK)
		return clerk_fail(err, CLERK_FOREIGN,
				  "the file's schema cannot be read: %s",
				  sqlite3_errstr(src));
	return CLERK_OK;
}

/* The same kind of object with the same text. */
static bool same_object(const struct schema_row *a, const struct schema_row *b)
{
	return a && b && strcmp(a->type, b->type) == 0 &&
	       strcmp(a->sql, b->sql) == 0;
}

enum clerk_status db_schema_compare(sqlite3 *file, int version,
				    struct schema_report *rep,
				    struct clerk_err *err)
{
	memset(rep, 0, sizeof *rep);
	if (version == db_expected_version && db_schema_is_expected(file))
		return CLERK_OK;
	uint64_t known = db_schema_known_digest(version);
	if (known && db_schema_digest(file) == known)
		return CLERK_OK;
	struct schema_pair p;
	enum clerk_status rc = pair_load(file, version, &p, err);
	for (size_t i = 0; !rc && i < p.want.n; i++) {
		const struct schema_row *e = &p.want.v[i];
		const struct schema_row *f = rows_find(&p.got, e->name);
		if (strcmp(e->type, "table") == 0)
			compare_table(file, p.ref, e, f, rep);
		else
			compare_owned(e, f, rep);
	}
	for (size_t i = 0; !rc && i < p.got.n; i++)
		compare_extra(&p.got.v[i], &p.want, rep);
	pair_free(&p);
	return rc;
}

enum clerk_status db_schema_restore(sqlite3 *file, int version,
				    struct clerk_err *err)
{
	struct schema_pair p;
	enum clerk_status rc = pair_load(file, version, &p, err);
	struct strbuf sql = {0};
	sb_add(&sql, "");
	/* Drop what clerk does not create (views, triggers, indexes on
	 * clerk's tables), then (re)create clerk's triggers and indexes. */
	for (size_t i = 0; !rc && i < p.got.n; i++) {
		const struct schema_row *f = &p.got.v[i];
		if (same_object(rows_find(&p.want, f->name), f) ||
		    strcmp(f->type, "table") == 0)
			continue;
		char *drop = sqlite3_mprintf("DROP %s IF EXISTS \"%w\";",
					     strcmp(f->type, "view") == 0
						     ? "VIEW"
					     : strcmp(f->type, "index") == 0
						     ? "INDEX"
						     : "TRIGGER",
					     f->name);
		sb_add(&sql, drop);
		sqlite3_free(drop);
	}
	for (size_t i = 0; !rc && i < p.want.n; i++) {
		const struct schema_row *e = &p.want.v[i];
		if (strcmp(e->type, "table") == 0 ||
		    same_object(e, rows_find(&p.got, e->name)))
			continue;
		sb_addf(&sql, "%s;", e->sql);
	}
	if (!rc && sql.len) {
		char *msg = NULL;
		char *txn = xasprintf("BEGIN IMMEDIATE;%sCOMMIT;", sb_str(&sql));
		if (sqlite3_exec(file, txn, NULL, NULL, &msg) != SQLITE_OK) {
			rc = clerk_fail(err, CLERK_DB,
					"the repair failed (nothing was changed): %s",
					msg ? msg : sqlite3_errmsg(file));
			sqlite3_exec(file, "ROLLBACK", NULL, NULL, NULL);
		}
		sqlite3_free(msg);
		free(txn);
	}
	sb_free(&sql);
	pair_free(&p);
	return rc;
}

void schema_report_free(struct schema_report *rep)
{
	sb_free(&rep->lines);
	memset(rep, 0, sizeof *rep);
}
