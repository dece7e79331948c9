/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/members_csv: a body's membership table (Appendix B of an agenda
 * pack) from CSV into seats, memberships and substitute nominations.
 *
 * Columns: organisation or seat, main member, nominated substitute(s).
 * Fields follow RFC 4180 (double quotes around fields holding commas, ""
 * for a quote); a quoted field may span lines.  A member cell is a name with
 * an optional honorific and, after the first comma, the capacity they sit
 * in: "Cllr Keith Mans, Executive Lead Member Children's Services".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_private.h"

/* One named person in a cell. */
struct who {
	char *honorific, *name, *capacity;
};

struct row {
	int line;
	char *label;
	const char *role; /* "member", "chairman", "vice-chairman" */
	bool vacant;
	char *vacancy_note;
	struct who member;
	struct who *subs;
	size_t nsubs;
	bool sub_tbc;
};

struct members_parse {
	const char *name;
	struct import_report *rep;
	struct row *rows;
	size_t n;
};

/* ------------------------------------------------------------------ CSV */

struct csv {
	const char *buf;
	size_t len, pos;
	int line; /* line of the next character */
};

/* Read one record into fields (strings owned by the caller); false at the
 * end of input.  *start_line is the record's first line; *bad is set (with
 * a reason) on an unterminated quote. */
static bool csv_next(struct csv *c, char ***fields, size_t *nfields,
		     int *start_line, const char **bad)
{
	if (c->pos >= c->len)
		return false;
	*fields = NULL;
	*nfields = 0;
	*bad = NULL;
	*start_line = c->line;
	struct strbuf f = {0};
	bool quoted = false, was_quoted = false;
	for (;;) {
		bool end = c->pos >= c->len;
		char ch = end ? '\n' : c->buf[c->pos];
		if (end && quoted) {
			*bad = "a quoted field is not closed before the end of "
			       "the file";
			quoted = false;
		}
		if (!end)
			c->pos++;
		if (quoted) {
			if (ch == '"') {
				if (c->pos < c->len && c->buf[c->pos] == '"') {
					sb_addc(&f, '"');
					c->pos++;
				} else {
					quoted = false;
				}
			} else {
				if (ch == '\n')
					c->line++;
				sb_addc(&f, ch);
			}
			continue;
		}
		if (ch == '"' && f.len == 0 && !was_quoted) {
			quoted = was_quoted = true;
			continue;
		}
		if (ch == ',' || ch == '\n') {
			*fields = xrealloc(*fields,
					   (*nfields + 1) * sizeof **fields);
			(*fields)[(*nfields)++] = sb_detach(&f);
			was_quoted = false;
			if (ch == '\n') {
				c->line++;
				break;
			}
			continue;
		}
		if (ch == '\r' && (c->pos >= c->len || c->buf[c->pos] == '\n'))
			continue;
		sb_addc(&f, ch);
	}
	sb_free(&f);
	return true;
}

static void free_fields(char **fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(fields[i]);
	free(fields);
}

/* ---------------------------------------------------------------- cells */

/* "Dr Nicola Decker, Clinical Chair" into a person and a capacity. */
static void parse_who(const char *cell, struct who *w)
{
	const char *comma = strchr(cell, ',');
	char *person = comma ? imp_trim_dup(cell, (size_t)(comma - cell))
			     : imp_trim_dup(cell, strlen(cell));
	w->capacity = comma ? imp_trim_dup(comma + 1, strlen(comma + 1))
			    : xstrdup("");
	imp_squeeze(person);
	imp_squeeze(w->capacity);
	imp_split_honorific(person, &w->honorific, &w->name);
	free(person);
}

static void free_who(struct who *w)
{
	free(w->honorific);
	free(w->name);
	free(w->capacity);
}

/* Split a substitutes cell: ";" always separates; " and " separates when
 * the next part starts with an honorific ("Dr Liz Mearns, Medical Director
 * and Dr John Duffy, Assistant Director"), so that "Director Policy and
 * Governance" stays whole. */
static void parse_subs(const char *cell, struct row *r)
{
	char *s = xstrdup(cell);
	char *part = s;
	for (char *p = s;; p++) {
		bool at_end = *p == '\0';
		size_t cut = 0;
		if (*p == ';')
			cut = 1;
		else if (strncasecmp(p, " and ", 5) == 0 &&
			 imp_starts_with_honorific(p + 5))
			cut = 5;
		if (!cut && !at_end)
			continue;
		*p = '\0';
		char *t = imp_trim_dup(part, strlen(part));
		if (*t) {
			r->subs = xrealloc(r->subs,
					   (r->nsubs + 1) * sizeof *r->subs);
			parse_who(t, &r->subs[r->nsubs++]);
		}
		free(t);
		if (at_end)
			break;
		p += cut - 1;
		part = p + 1;
	}
	free(s);
}

/* Cut "(Chairman of the HWB)" or "(and Vice Chair of HWB)" off a label,
 * giving the member's role. */
static const char *cut_role(char *label)
{
	char *open = strrchr(label, '(');
	size_t n = strlen(label);
	if (!open || label[n - 1] != ')')
		return "member";
	const char *role = NULL;
	if (strcasestr(open, "vice chair") || strcasestr(open, "vice-chair"))
		role = "vice-chairman";
	else if (strcasestr(open, "chair"))
		role = "chairman";
	if (!role)
		return "member";
	*open = '\0';
	imp_trim(label);
	return role;
}

static bool is_header(char **f, size_t n)
{
	return n >= 1 && (strcasecmp(f[0], "Organisation") == 0 ||
			  strcasecmp(f[0], "Organization") == 0 ||
			  strcasecmp(f[0], "Seat") == 0);
}

static bool all_blank(char **f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *t = imp_trim_dup(f[i], strlen(f[i]));
		bool empty = !*t;
		free(t);
		if (!empty)
			return false;
	}
	return true;
}

/* Check one record and add it as a row; problems go to the report. */
static void parse_record(struct members_parse *mp, char **f, size_t n,
			 int line)
{
	for (size_t i = 0; i < n; i++) {
		if (!utf8_valid(f[i], strlen(f[i]))) {
			import_report_add(mp->rep, mp->name, line,
					  "column %zu is not valid UTF-8 text",
					  i + 1);
			return;
		}
	}
	if (n < 2 || n > 3) {
		import_report_add(mp->rep, mp->name, line,
				  "expected 3 columns (organisation, main "
				  "member, nominated substitute), found %zu",
				  n);
		return;
	}
	char *label = imp_trim_dup(f[0], strlen(f[0]));
	char *member = imp_trim_dup(f[1], strlen(f[1]));
	char *subs = n > 2 ? imp_trim_dup(f[2], strlen(f[2])) : xstrdup("");
	imp_squeeze(label);
	imp_squeeze(member);
	if (!*label) {
		import_report_add(mp->rep, mp->name, line,
				  "the organisation / seat column is empty");
		goto done;
	}
	mp->rows = xrealloc(mp->rows, (mp->n + 1) * sizeof *mp->rows);
	struct row *r = &mp->rows[mp->n++];
	memset(r, 0, sizeof *r);
	r->line = line;
	r->role = cut_role(label);
	r->label = xstrdup(label);
	if (!*member || strncasecmp(member, "Vacan", 5) == 0) {
		r->vacant = true;
		r->vacancy_note = xstrdup(*member ? member : "Vacant");
	} else {
		r->vacancy_note = xstrdup("");
		parse_who(member, &r->member);
		if (!*r->member.name)
			import_report_add(mp->rep, mp->name, line,
					  "the main member has no name: \"%s\"",
					  member);
	}
	if (strcasecmp(subs, "TBC") == 0)
		r->sub_tbc = true;
	else
		parse_subs(subs, r);
	for (size_t i = 0; i < r->nsubs; i++)
		if (!*r->subs[i].name)
			import_report_add(mp->rep, mp->name, line,
					  "substitute %zu has no name", i + 1);
done:
	free(label);
	free(member);
	free(subs);
}

static void parse_all(struct members_parse *mp, const char *buf, size_t len)
{
	struct csv c = {.buf = buf, .len = len, .line = 1};
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		c.pos = 3;
	if (memchr(buf, '\0', len)) {
		import_report_add(mp->rep, mp->name, 0,
				  "the file holds NUL bytes: is it a CSV "
				  "text file?");
		return;
	}
	char **f;
	size_t n;
	int line;
	const char *bad;
	while (csv_next(&c, &f, &n, &line, &bad)) {
		if (bad)
			import_report_add(mp->rep, mp->name, line, "%s", bad);
		else if (!all_blank(f, n) && !is_header(f, n))
			parse_record(mp, f, n, line);
		free_fields(f, n);
	}
	if (mp->n == 0 && mp->rep->n == 0)
		import_report_add(mp->rep, mp->name, 0,
				  "no seats found (each row: organisation, "
				  "main member, nominated substitute)");
}

/* ---------------------------------------------------------------- store */

static enum clerk_status store_row(struct db *db, const char *body_id,
				   const char *from, int position,
				   const struct row *r,
				   struct import_report *rep,
				   struct clerk_err *err)
{
	char seat[CLERK_UUID_LEN], person[CLERK_UUID_LEN];
	bool changed, created;
	enum clerk_status rc =
		istore_seat_ensure(db, body_id, position, r->label,
				   r->vacancy_note, r->sub_tbc, seat, &changed,
				   err);
	if (rc)
		return rc;
	rep->seats += changed;
	if (!r->vacant) {
		if ((rc = istore_person_ensure(db, r->member.honorific,
					       r->member.name, "", person,
					       &created, err)))
			return rc;
		rep->people += created;
	}
	if ((rc = istore_member_set(db, seat, r->vacant ? NULL : person,
				    r->role, r->vacant ? "" : r->member.capacity,
				    from, &changed, err)))
		return rc;
	rep->memberships += changed;
	rep->unchanged += !changed;
	char(*ids)[CLERK_UUID_LEN] = xcalloc(r->nsubs + 1, sizeof *ids);
	char **caps = xcalloc(r->nsubs + 1, sizeof *caps);
	for (size_t i = 0; i < r->nsubs && !rc; i++) {
		rc = istore_person_ensure(db, r->subs[i].honorific,
					  r->subs[i].name, "", ids[i],
					  &created, err);
		rep->people += created;
		caps[i] = r->subs[i].capacity;
	}
	if (!rc)
		rc = istore_subs_set(db, seat, ids, caps, r->nsubs, from,
				     &changed, err);
	if (!rc)
		rep->substitutes += changed ? (int)r->nsubs : 0;
	free(ids);
	free(caps);
	return rc;
}

static enum clerk_status store(struct db *db, const char *body_id,
			       const char *from, struct members_parse *mp,
			       struct clerk_err *err)
{
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < mp->n; i++)
		if ((rc = store_row(db, body_id, from, (int)i + 1, &mp->rows[i],
				    mp->rep, err)))
			goto fail;
	if ((rc = db_commit(db, err)))
		goto fail;
	return CLERK_OK;
fail:
	db_rollback(db);
	return rc;
}

static void free_rows(struct members_parse *mp)
{
	for (size_t i = 0; i < mp->n; i++) {
		struct row *r = &mp->rows[i];
		free(r->label);
		free(r->vacancy_note);
		if (!r->vacant)
			free_who(&r->member);
		for (size_t j = 0; j < r->nsubs; j++)
			free_who(&r->subs[j]);
		free(r->subs);
	}
	free(mp->rows);
}

enum clerk_status import_members_csv(struct db *db, const char *body_id,
				     const char *from, const char *name,
				     const char *buf, size_t len,
				     struct import_report *rep,
				     struct clerk_err *err)
{
	char today[CLERK_TIME_LEN];
	if (!from) {
		time_format_utc(clock_now(), today);
		today[10] = '\0';
		from = today;
	} else {
		int y, m, d;
		if (!date_parse(from, &y, &m, &d))
			return clerk_fail(err, CLERK_USAGE,
					  "'%s' is not a date (YYYY-MM-DD)",
					  from);
	}
	struct members_parse mp = {.name = name, .rep = rep};
	size_t before = rep->n;
	parse_all(&mp, buf, len);
	enum clerk_status rc;
	if (rep->n > before)
		rc = clerk_fail(err, CLERK_INVALID,
				"%s: %zu problem%s found; nothing was imported",
				name, rep->n - before,
				rep->n - before == 1 ? "" : "s");
	else
		rc = store(db, body_id, from, &mp, err);
	free_rows(&mp);
	return rc;
}
