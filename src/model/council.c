/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/council: the authorities bodies belong to.  A council's kind
 * (principal, parish or town, Welsh community, Scottish) and nation decide
 * the law its minutes cite; its own details (proper officer, address,
 * enquiries, filming notice, code of conduct) are what its papers print,
 * and a detail not set is left out, never taken from another council.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_private.h"

#define COUNCIL_COLS                                                        \
	"id, name, kind, nation, year_start, officer, officer_title, address, " \
	"enquiries, filming, conduct"

static void council_read(sqlite3_stmt *st, void *out)
{
	struct council *c = out;
	memset(c, 0, sizeof *c);
	model_col_id(st, 0, c->id);
	c->name = db_col_dup(st, 1);
	MODEL_COL_ENUM(st, 2, council_kind_parse, &c->kind);
	MODEL_COL_ENUM(st, 3, nation_parse, &c->nation);
	c->year_start = db_col_dup(st, 4);
	c->officer = db_col_dup(st, 5);
	c->officer_title = db_col_dup(st, 6);
	c->address = db_col_dup(st, 7);
	c->enquiries = db_col_dup(st, 8);
	c->filming = db_col_dup(st, 9);
	c->conduct = db_col_dup(st, 10);
}

enum nation council_default_nation(enum council_kind kind)
{
	switch (kind) {
	case COUNCIL_COMMUNITY:
		return NATION_WALES;
	case COUNCIL_SCOTTISH:
		return NATION_SCOTLAND;
	default:
		return NATION_ENGLAND;
	}
}

bool council_cites_paragraph(enum council_kind kind, int *max)
{
	bool principal = kind == COUNCIL_PRINCIPAL || kind == COUNCIL_SCOTTISH;
	if (max)
		*max = kind == COUNCIL_SCOTTISH ? 15 : principal ? 7 : 0;
	return principal;
}

char *council_exclusion_law(enum council_kind kind, enum nation nation,
			    const char *paragraph)
{
	(void)nation; /* England and Wales share the 1972 Act's wording */
	const char *p = paragraph && *paragraph ? paragraph : "?";
	switch (kind) {
	case COUNCIL_PARISH:
	case COUNCIL_COMMUNITY:
		return xstrdup("section 1(2) of the Public Bodies (Admission to "
			       "Meetings) Act 1960");
	case COUNCIL_SCOTTISH:
		return xasprintf("section 50A(4) of the Local Government "
				 "(Scotland) Act 1973, on the grounds that it "
				 "involves the likely disclosure of exempt "
				 "information as defined in paragraph %s of Part "
				 "I of Schedule 7A to the Act",
				 p);
	case COUNCIL_PRINCIPAL:
	default:
		return xasprintf("section 100A(4) of the Local Government Act "
				 "1972, on the grounds that it involves the "
				 "likely disclosure of exempt information as "
				 "defined in paragraph %s of Part 1 of Schedule "
				 "12A to the Act",
				 p);
	}
}

/* A municipal year start "MM-DD" that is a real day. */
static bool year_start_valid(const char *s)
{
	char date[16];
	int y, m, d;
	if (!s || strlen(s) != 5)
		return false;
	snprintf(date, sizeof date, "2000-%s", s);
	return date_parse(date, &y, &m, &d);
}

static enum clerk_status council_check(const struct council *c,
				       struct clerk_err *err)
{
	static const char *const fields[] = {"officer",   "officer's title",
					     "address",   "enquiries contact",
					     "filming notice",
					     "code of conduct"};
	const char *values[] = {c->officer,   c->officer_title, c->address,
				c->enquiries, c->filming,       c->conduct};
	enum clerk_status rc =
		model_check_text(c->name, "council's name", true, err);
	for (size_t i = 0; !rc && i < sizeof values / sizeof *values; i++)
		rc = model_check_text(values[i], fields[i], false, err);
	if (rc)
		return rc;
	if ((unsigned)c->kind > COUNCIL_SCOTTISH ||
	    (unsigned)c->nation > NATION_SCOTLAND)
		return clerk_fail(err, CLERK_INVALID,
				  "the kind or nation of the council is unknown");
	bool agrees = c->kind == COUNCIL_PRINCIPAL
			      ? c->nation != NATION_SCOTLAND
			      : c->nation == council_default_nation(c->kind);
	if (!agrees)
		return clerk_fail(
			err, CLERK_INVALID,
			"a %s council cannot be in %s: parish councils are "
			"English, community councils Welsh, Scottish councils "
			"Scottish, principal councils English or Welsh",
			council_kind_text(c->kind), nation_text(c->nation));
	if (model_has(c->year_start) && !year_start_valid(c->year_start))
		return clerk_fail(err, CLERK_INVALID,
				  "the start of the municipal year \"%s\" is not a "
				  "day of the year (MM-DD)",
				  c->year_start);
	return CLERK_OK;
}

/* Another council already called name (case aside)? */
static enum clerk_status council_unique(struct db *db, const struct council *c,
					struct clerk_err *err)
{
	static const char sql[] = "SELECT count(*) FROM council WHERE name = ?1 "
				  "COLLATE NOCASE AND id <> ?2";
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, c->name);
	db_bind_text(st, 2, c->id);
	int step = sqlite3_step(st);
	int n = step == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	db_done(st);
	if (step != SQLITE_ROW)
		return db_fail(db, err, "reading the councils");
	if (n)
		return clerk_fail(err, CLERK_CONFLICT,
				  "there is already a council called \"%s\"",
				  c->name);
	return CLERK_OK;
}

/* ?1 id ... ?11 conduct. */
static void council_bind(sqlite3_stmt *st, const struct council *c)
{
	db_bind_text(st, 1, c->id);
	db_bind_text(st, 2, c->name);
	db_bind_text(st, 3, council_kind_text(c->kind));
	db_bind_text(st, 4, nation_text(c->nation));
	db_bind_text(st, 5, model_or(c->year_start, "05-01"));
	model_bind_str(st, 6, c->officer);
	model_bind_str(st, 7, c->officer_title);
	model_bind_str(st, 8, c->address);
	model_bind_str(st, 9, c->enquiries);
	model_bind_str(st, 10, c->filming);
	model_bind_str(st, 11, c->conduct);
}

enum clerk_status council_create(struct db *db, struct council *c,
				 struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO council(" COUNCIL_COLS ") VALUES (?1, ?2, ?3, ?4, "
		"?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	model_ensure_id(c->id);
	enum clerk_status rc = council_check(c, err);
	if (!rc)
		rc = council_unique(db, c, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	council_bind(st, c);
	return model_step_done(db, st, "creating the council", err);
}

/* The council's row, then its bodies' municipal year: a body counts its
 * minutes through the year of its council. */
static enum clerk_status council_save(struct db *db, void *arg,
				      struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE council SET name = ?2, kind = ?3, nation = ?4, "
		"year_start = ?5, officer = ?6, officer_title = ?7, address = ?8, "
		"enquiries = ?9, filming = ?10, conduct = ?11 WHERE id = ?1";
	static const char year_sql[] =
		"UPDATE body SET year_start = ?2 WHERE council_id = ?1";
	const struct council *c = arg;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	council_bind(st, c);
	enum clerk_status rc = model_step_done(db, st, "saving the council", err);
	if (!rc)
		rc = model_check_changed(db, "council", c->id, err);
	if (rc)
		return rc;
	if (!(st = db_stmt(db, year_sql, err)))
		return CLERK_DB;
	db_bind_text(st, 1, c->id);
	db_bind_text(st, 2, model_or(c->year_start, "05-01"));
	return model_step_done(db, st, "saving the council's bodies", err);
}

enum clerk_status council_update(struct db *db, const struct council *c,
				 struct clerk_err *err)
{
	enum clerk_status rc = council_check(c, err);
	if (!rc)
		rc = council_unique(db, c, err);
	if (rc)
		return rc;
	struct council copy = *c; /* model_tx passes a mutable pointer */
	return model_tx(db, council_save, &copy, err);
}

enum clerk_status council_get(struct db *db, const char *id, struct council *out,
			      struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " COUNCIL_COLS " FROM council WHERE id = ?1";
	return model_get_row(db, sql, id, council_read, out, sizeof *out,
			     "council", err);
}

enum clerk_status council_list_all(struct db *db, struct council_list *out,
				   struct clerk_err *err)
{
	static const char sql[] = "SELECT " COUNCIL_COLS
				  " FROM council ORDER BY name COLLATE NOCASE";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	enum clerk_status rc = MODEL_READ_ROWS(db, st, council_read, out,
					       "listing the councils", err);
	if (rc)
		council_list_free(out);
	return rc;
}

enum clerk_status council_find(struct db *db, const char *name,
			       struct council *out, struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!model_has(name))
		return clerk_fail(err, CLERK_USAGE, "no council was named");
	if (db_is_uuid(name))
		return council_get(db, name, out, err);
	struct council_list all;
	enum clerk_status rc = council_list_all(db, &all, err);
	if (rc)
		return rc;
	size_t hit = all.n, n = 0;
	for (size_t i = 0; i < all.n && hit == all.n; i++)
		if (strcasecmp(all.v[i].name, name) == 0)
			hit = i, n = 1;
	for (size_t i = 0; i < all.n && n == 0; i++)
		if (strcasestr(all.v[i].name, name)) {
			hit = i;
			for (size_t j = i; j < all.n; j++)
				n += strcasestr(all.v[j].name, name) != NULL;
		}
	if (n == 0)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"no council is called \"%s\" (see 'clerk council "
				"list')",
				name);
	else if (n > 1)
		rc = clerk_fail(err, CLERK_AMBIGUOUS,
				"\"%s\" matches %zu councils; give more of the "
				"name (see 'clerk council list')",
				name, n);
	else {
		*out = all.v[hit];
		memset(&all.v[hit], 0, sizeof *all.v);
	}
	council_list_free(&all);
	return rc;
}

void council_free(struct council *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->year_start);
	free(c->officer);
	free(c->officer_title);
	free(c->address);
	free(c->enquiries);
	free(c->filming);
	free(c->conduct);
	memset(c, 0, sizeof *c);
}

void council_list_free(struct council_list *l)
{
	MODEL_LIST_FREE(l, council_free);
}
