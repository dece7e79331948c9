/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/person: the people of a council's committees (members, substitutes,
 * officers, observers), finding them by part of a name, and how minutes
 * name them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_private.h"

#define PERSON_COLS "id, honorific, name, organisation, role, pronoun, kind"

static void person_read(sqlite3_stmt *st, int col, struct person *p)
{
	memset(p, 0, sizeof *p);
	model_col_id(st, col, p->id);
	p->honorific = db_col_dup(st, col + 1);
	p->name = db_col_dup(st, col + 2);
	p->organisation = db_col_dup(st, col + 3);
	p->role = db_col_dup(st, col + 4);
	p->pronoun = db_col_dup(st, col + 5);
	if (!person_kind_parse(db_col_text(st, col + 6), &p->kind))
		p->kind = PERSON_UNSTATED; /* a query without the column */
}

/* The kind of a person whose kind was not stated: what the honorific says
 * ("Councillor", "Cllr"), else an officer. */
static enum person_kind person_kind_guess(const struct person *p)
{
	const char *h = p->honorific ? p->honorific : "";
	return strncasecmp(h, "councillor", 10) == 0 ||
			       strncasecmp(h, "cllr", 4) == 0
		       ? PERSON_COUNCILLOR
		       : PERSON_OFFICER;
}

/* Read a person from columns starting at col (used by other model files). */
void model_read_person(sqlite3_stmt *st, int col, struct person *p)
{
	person_read(st, col, p);
}

static enum clerk_status person_check(const struct person *p,
				      struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_text(p->name, "person's name", true, err)) ||
	    (rc = model_check_text(p->honorific, "honorific", false, err)) ||
	    (rc = model_check_text(p->organisation, "organisation", false,
				   err)) ||
	    (rc = model_check_text(p->role, "role", false, err)) ||
	    (rc = model_check_text(p->pronoun, "pronoun", false, err)))
		return rc;
	if ((unsigned)p->kind > PERSON_PARTNER)
		return clerk_fail(err, CLERK_INVALID, "the person's kind is unknown");
	return CLERK_OK;
}

static void person_bind(sqlite3_stmt *st, const struct person *p)
{
	db_bind_text(st, 1, p->id);
	model_bind_str(st, 2, p->honorific);
	db_bind_text(st, 3, p->name);
	model_bind_str(st, 4, p->organisation);
	model_bind_str(st, 5, p->role);
	model_bind_str(st, 6, p->pronoun);
	db_bind_text(st, 7, person_kind_text(p->kind != PERSON_UNSTATED
						    ? p->kind
						    : person_kind_guess(p)));
}

enum clerk_status person_create(struct db *db, struct person *p,
				struct clerk_err *err)
{
	static const char sql[] =
		"INSERT INTO person(" PERSON_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7)";
	enum clerk_status rc = person_check(p, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	model_ensure_id(p->id);
	if (p->kind == PERSON_UNSTATED)
		p->kind = person_kind_guess(p);
	person_bind(st, p);
	return model_step_done(db, st, "adding the person", err);
}

enum clerk_status person_update(struct db *db, const struct person *p,
				struct clerk_err *err)
{
	static const char sql[] =
		"UPDATE person SET honorific = ?2, name = ?3, organisation = ?4, "
		"role = ?5, pronoun = ?6, kind = ?7 WHERE id = ?1";
	enum clerk_status rc = person_check(p, err);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	person_bind(st, p);
	rc = model_step_done(db, st, "saving the person", err);
	return rc ? rc : model_check_changed(db, "person", p->id, err);
}

/* person_read for model_get_row: the person's columns come first. */
static void person_read_row(sqlite3_stmt *st, void *out)
{
	person_read(st, 0, out);
}

enum clerk_status person_get(struct db *db, const char *id, struct person *out,
			     struct clerk_err *err)
{
	static const char sql[] =
		"SELECT " PERSON_COLS " FROM person WHERE id = ?1";
	return model_get_row(db, sql, id, person_read_row, out, sizeof *out,
			     "person", err);
}

static enum clerk_status person_query(struct db *db, sqlite3_stmt *st,
				      struct person_list *out,
				      struct clerk_err *err)
{
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		person_read(st, 0, MODEL_LIST_PUSH(out));
	enum clerk_status rc = CLERK_OK;
	if (step != SQLITE_DONE) {
		rc = db_fail(db, err, "looking up people");
		person_list_free(out);
	}
	db_done(st);
	return rc;
}

enum clerk_status person_search(struct db *db, const char *part,
				struct person_list *out, struct clerk_err *err)
{
	/* Exact name first, then names starting with part, then a word of
	 * the name starting with it, then the rest; by name within each. */
	static const char sql[] =
		"SELECT " PERSON_COLS " FROM person "
		"WHERE instr(lower(name), lower(?1)) > 0 "
		"ORDER BY lower(name) = lower(?1) DESC, "
		"instr(lower(name), lower(?1)) = 1 DESC, "
		"instr(lower(name), ' ' || lower(?1)) > 0 DESC, "
		"name COLLATE NOCASE, id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, part ? part : "");
	return person_query(db, st, out, err);
}

enum clerk_status person_list_all(struct db *db, struct person_list *out,
				  struct clerk_err *err)
{
	static const char sql[] = "SELECT " PERSON_COLS
				  " FROM person ORDER BY name COLLATE NOCASE, id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	return person_query(db, st, out, err);
}

/* Honorifics as written, and how clerk stores them: as the council writes
 * them ("Cllr" stays "Cllr", "Councillor" stays "Councillor"); only the
 * full stop of an abbreviation and variant spellings are tidied. */
static const struct {
	const char *as_written;
	const char *stored;
} honorifics[] = {
	{"Cllr.", "Cllr"}, {"Cllr", "Cllr"},
	{"Councillor", "Councillor"}, {"Dr.", "Dr"}, {"Dr", "Dr"},
	{"Mr", "Mr"}, {"Mrs", "Mrs"}, {"Ms", "Ms"}, {"Miss", "Miss"},
	{"Mx", "Mx"}, {"Professor", "Professor"}, {"Prof.", "Professor"},
	{"Prof", "Professor"}, {"Sir", "Sir"}, {"Dame", "Dame"},
	{"Lord", "Lord"}, {"Lady", "Lady"}, {"Revd", "Revd"},
	{"Rev", "Revd"}, {"Canon", "Canon"},
};

/* Index of the honorific s starts with (followed by a space), or -1. */
static int honorific_at(const char *s)
{
	for (size_t i = 0; i < sizeof honorifics / sizeof *honorifics; i++) {
		size_t n = strlen(honorifics[i].as_written);
		if (strncasecmp(s, honorifics[i].as_written, n) == 0 &&
		    s[n] == ' ')
			return (int)i;
	}
	return -1;
}

size_t person_honorific_length(const char *s)
{
	int h = honorific_at(s);
	return h < 0 ? 0 : strlen(honorifics[h].as_written);
}

/* A copy of s[0..n) without the blanks at its ends. */
static char *trim_dup(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	char *t = xmalloc(n + 1);
	memcpy(t, s, n);
	t[n] = '\0';
	return t;
}

void person_split_honorific(const char *full, char **honorific, char **name)
{
	int h = honorific_at(full);
	if (h < 0) {
		*honorific = xstrdup("");
		*name = trim_dup(full, strlen(full));
		return;
	}
	const char *rest = full + strlen(honorifics[h].as_written);
	*honorific = xstrdup(honorifics[h].stored);
	*name = trim_dup(rest, strlen(rest));
}

char *person_display_name(const struct person *p)
{
	if (model_has(p->honorific))
		return xasprintf("%s %s", p->honorific, p->name ? p->name : "");
	return xstrdup(p->name ? p->name : "");
}

void person_copy(struct person *dst, const struct person *src)
{
	memcpy(dst->id, src->id, sizeof dst->id);
	dst->honorific = xstrdup(src->honorific ? src->honorific : "");
	dst->name = xstrdup(src->name ? src->name : "");
	dst->organisation = xstrdup(src->organisation ? src->organisation : "");
	dst->role = xstrdup(src->role ? src->role : "");
	dst->pronoun = xstrdup(src->pronoun ? src->pronoun : "");
	dst->kind = src->kind;
}

void person_free(struct person *p)
{
	if (!p)
		return;
	free(p->honorific);
	free(p->name);
	free(p->organisation);
	free(p->role);
	free(p->pronoun);
	memset(p, 0, sizeof *p);
}

void person_list_free(struct person_list *l)
{
	MODEL_LIST_FREE(l, person_free);
}
