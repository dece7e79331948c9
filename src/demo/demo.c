/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo: giving .board files their meaning.  board.c turns a file into a
 * tree of "KEYWORD VALUE" lines; this file walks the tree, checks every
 * keyword and value (naming the file and line of any mistake), resolves the
 * handles by which records refer to each other, and writes the records
 * through the model API only.
 *
 * The format is documented in full at the top of
 * share/demo/hampshire-hwb.board.  The keywords, by level (* repeatable):
 *
 *   council HANDLE:  name, kind
 *   person HANDLE:   name, honorific, organisation, role, pronoun
 *   body HANDLE:     council, name, short-name, self-name, quorum,
 *                    substitutes, minute-format, numbering, year-start,
 *                    style, tz, standard-item*, seat* LABEL:
 *     seat:          voting, vacancy, substitute-tbc, from, to (its first
 *                    and last day), member* HANDLE,
 *                    substitute* HANDLE
 *       member:      from, to, role, capacity   (substitute: no role)
 *   meeting HANDLE:  body, starts, venue, status, public-present,
 *                    confirmed-at HANDLE (signed-by, amendment),
 *                    attendance, item* NUMBER
 *     attendance:    present*|apology*|absent*|substitute*|in-attendance*
 *                    HANDLE, each with for, capacity, note, substitute-note
 *     item:          title, kind, description, presenter, pages, time,
 *                    minutes, exempt, urgent-reason, received, narrative*,
 *                    heard*, commented*, resolved* TEXT:
 *       resolved:    preamble, mover, seconder, outcome, kind, action* TEXT
 *         action:    owner, due
 *
 * A handle is declared before it is used (files are read in name order
 * and share their handles), except the meeting of `confirmed-at`.  Planned
 * times: an item's `time` is its start; its length runs to the next timed
 * item unless `minutes` says otherwise; a first item without a time starts
 * with the meeting.
 *
 * Every model write commits by itself, so a load is not one transaction;
 * demo_build() makes the whole load atomic by building a new file and
 * renaming it into place.  Confirmations (`confirmed-at`) may name a meeting
 * declared later, and they lock the minutes, so they are applied last.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "board.h"
#include "clerk/demo.h"
#include "clerk/export.h"
#include "clerk/model.h"

/* ---------------------------------------------------------------- tables */

/* The stored texts of the model's enums, indexed by enum value. */
#define X(name, text) text,
static const char *const council_kinds[] = {COUNCIL_KIND_LIST(X)};
static const char *const numberings[] = {NUMBERING_LIST(X)};
static const char *const roles[] = {MEMBER_ROLE_LIST(X)};
static const char *const statuses[] = {MEETING_STATUS_LIST(X)};
static const char *const item_kinds[] = {ITEM_KIND_LIST(X)};
static const char *const res_kinds[] = {RESOLUTION_KIND_LIST(X)};
static const char *const outcomes[] = {OUTCOME_LIST(X)};
#undef X
#define COUNT(a) (sizeof(a) / sizeof *(a))

/* A declared record: its handle and, for meetings and bodies, what later
 * statements need to know of it. */
struct sym {
	char *handle;
	clerk_id id;
	char *tz;        /* bodies and meetings: the zone */
	enum council_kind kind; /* councils */
	char date[11];   /* meetings: local date of the start */
	size_t body;     /* meetings: index in bodies */
	time_t confirm_time; /* meetings: when its minutes would be confirmed */
};
struct symtab {
	const char *what; /* "person" */
	struct sym *v;
	size_t n, cap;
};

/* A term on a seat, kept to find a member's seat on a meeting's date. */
struct term {
	clerk_id seat_id;
	size_t body, person;
	char from[11], to[11]; /* to "" when open */
};

/* A confirmation to apply once every meeting exists. */
struct confirm {
	size_t meeting;
	const struct board_node *node; /* the confirmed-at line */
	char *file;
};

struct loader {
	struct db *db;
	struct clerk_err *err;
	const char *file; /* the file being read */
	struct symtab councils, bodies, people, meetings;
	struct term *terms;
	size_t nterms, capterms;
	struct confirm *confirms;
	size_t nconfirms, capconfirms;
	struct board_node *trees; /* every file's tree, kept for confirms */
	size_t ntrees, captrees;
	struct demo_summary sum;
};

/* ---------------------------------------------------------------- errors */

static enum clerk_status fail_at(struct loader *L, const struct board_node *n,
				 const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "FILE:LINE: reason", CLERK_INVALID. */
static enum clerk_status fail_at(struct loader *L, const struct board_node *n,
				 const char *fmt, ...)
{
	char reason[800];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return clerk_fail(L->err, CLERK_INVALID, "%s:%d: %s", L->file, n->line,
			  reason);
}

/* A model call failed while writing what line n describes. */
static enum clerk_status model_fail(struct loader *L, const struct board_node *n,
				    const struct clerk_err *merr)
{
	enum clerk_status st = merr->status ? merr->status : CLERK_DB;
	return clerk_fail(L->err, st, "%s:%d: %s", L->file, n->line,
			  merr->msg[0] ? merr->msg : clerk_status_text(st));
}

/* ------------------------------------------------------------ symbols */

static ssize_t sym_find(const struct symtab *t, const char *handle)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].handle, handle) == 0)
			return (ssize_t)i;
	return -1;
}

static bool handle_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* Declare the handle of top-level line n in t; returns the new symbol. */
static enum clerk_status sym_declare(struct loader *L, struct symtab *t,
				     const struct board_node *n,
				     struct sym **out)
{
	if (!handle_ok(n->value))
		return fail_at(L, n,
			       "'%s' needs a handle (letters, digits, '-'), "
			       "found '%s'",
			       n->key, n->value);
	if (sym_find(t, n->value) >= 0)
		return fail_at(L, n, "%s '%s' is declared twice", t->what,
			       n->value);
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	struct sym *s = &t->v[t->n++];
	memset(s, 0, sizeof *s);
	s->handle = xstrdup(n->value);
	*out = s;
	return CLERK_OK;
}

/* Resolve a handle written at line n; *out receives its index. */
static enum clerk_status sym_use(struct loader *L, const struct symtab *t,
				 const struct board_node *n, const char *handle,
				 size_t *out)
{
	ssize_t i = sym_find(t, handle);
	if (i < 0)
		return fail_at(L, n,
			       "no %s '%s' (declare it with '%s %s' before "
			       "this line)",
			       t->what, handle, t->what, handle);
	*out = (size_t)i;
	return CLERK_OK;
}

static void symtab_free(struct symtab *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].handle);
		free(t->v[i].tz);
	}
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

/* ----------------------------------------------------- keywords, values */

/* True when word is one of the space-separated words of list. */
static bool in_list(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		size_t k = strcspn(p, " ");
		if (k == n && strncmp(p, word, n) == 0)
			return true;
		p += k;
	}
	return false;
}

/* Check the lines under n: each keyword in `once` at most once, those in
 * `many` any number of times, nothing else. */
static enum clerk_status check_keys(struct loader *L, const struct board_node *n,
				    const char *once, const char *many)
{
	for (size_t i = 0; i < n->nkids; i++) {
		const struct board_node *k = &n->kids[i];
		if (in_list(many, k->key))
			continue;
		if (!in_list(once, k->key))
			return fail_at(L, k,
				       "'%s' does not belong under '%s' (line "
				       "%d); expected one of: %s%s%s",
				       k->key, n->key, n->line, once,
				       *many ? " " : "", many);
		for (size_t j = 0; j < i; j++)
			if (strcmp(n->kids[j].key, k->key) == 0)
				return fail_at(L, k,
					       "'%s' is given twice under '%s' "
					       "(first on line %d)",
					       k->key, n->key, n->kids[j].line);
	}
	return CLERK_OK;
}

static const struct board_node *kid(const struct board_node *n, const char *key)
{
	for (size_t i = 0; i < n->nkids; i++)
		if (strcmp(n->kids[i].key, key) == 0)
			return &n->kids[i];
	return NULL;
}

/* The model's structs hold `char *` for text they only read; this gives a
 * constant string that type without a cast the compiler warns about. */
static char *txt(const char *s)
{
	return (char *)(uintptr_t)s;
}

/* The value under key, or def when the line is absent. */
static char *val(const struct board_node *n, const char *key, const char *def)
{
	const struct board_node *k = kid(n, key);
	return k ? k->value : txt(def);
}

/* A required, non-empty value. */
static enum clerk_status need(struct loader *L, const struct board_node *n,
			      const char *key, const char **out)
{
	const struct board_node *k = kid(n, key);
	if (!k)
		return fail_at(L, n, "'%s' needs a '%s' line under it", n->key,
			       key);
	if (!*k->value)
		return fail_at(L, k, "'%s' is empty", key);
	*out = k->value;
	return CLERK_OK;
}

/* The index of text in a table of names. */
static enum clerk_status pick(struct loader *L, const struct board_node *n,
			      const char *text, const char *const *names,
			      size_t count, const char *what, int *out)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(names[i], text) == 0) {
			*out = (int)i;
			return CLERK_OK;
		}
	struct strbuf sb = {0};
	for (size_t i = 0; i < count; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", names[i]);
	enum clerk_status rc = fail_at(L, n, "unknown %s '%s'; expected one of: %s",
				       what, text, sb_str(&sb));
	sb_free(&sb);
	return rc;
}

/* An optional enum under key (def when absent). */
static enum clerk_status pick_kid(struct loader *L, const struct board_node *n,
				  const char *key, const char *const *names,
				  size_t count, int def, int *out)
{
	const struct board_node *k = kid(n, key);
	*out = def;
	return k ? pick(L, k, k->value, names, count, key, out) : CLERK_OK;
}

static enum clerk_status yes_no(struct loader *L, const struct board_node *n,
				const char *key, bool def, bool *out)
{
	static const char *const yn[] = {"no", "yes"};
	int v;
	enum clerk_status rc = pick_kid(L, n, key, yn, 2, def, &v);
	*out = v == 1;
	return rc;
}

/* A whole non-negative number no larger than max. */
static bool parse_count(const char *s, int max, int *out)
{
	if (!*s)
		return false;
	long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
		if (v > max)
			return false;
	}
	*out = (int)v;
	return true;
}

/* A date "YYYY-MM-DD" at line k, copied to out. */
static enum clerk_status date_at(struct loader *L, const struct board_node *k,
				 const char *s, char out[11])
{
	int y, m, d;
	if (strlen(s) != 10 || !date_parse(s, &y, &m, &d))
		return fail_at(L, k, "'%s' is not a date: write YYYY-MM-DD",
			       s);
	memcpy(out, s, 11);
	return CLERK_OK;
}

/* An optional date under key ("" when absent). */
static enum clerk_status date_kid(struct loader *L, const struct board_node *n,
				  const char *key, bool required, char out[11])
{
	const struct board_node *k = kid(n, key);
	out[0] = '\0';
	if (!k)
		return required ? fail_at(L, n, "'%s' needs a '%s DATE' line "
						"under it",
					  n->key, key)
				: CLERK_OK;
	return date_at(L, k, k->value, out);
}

/* A clock time "10.05" or "10:05". */
static enum clerk_status hhmm_at(struct loader *L, const struct board_node *k,
				 const char *s, int *h, int *m)
{
	if (strlen(s) == 5 && (s[2] == '.' || s[2] == ':')) {
		char hh[3] = {s[0], s[1], 0}, mm[3] = {s[3], s[4], 0};
		if (parse_count(hh, 23, h) && parse_count(mm, 59, m))
			return CLERK_OK;
	}
	return fail_at(L, k, "'%s' is not a time of day: write HH.MM or HH:MM",
		       s);
}

/* A day of the year "MM-DD" (29 February allowed). */
static bool month_day_ok(const char *s)
{
	char buf[16];
	int y, m, d;
	if (strlen(s) != 5)
		return false;
	snprintf(buf, sizeof buf, "2000-%s", s);
	return date_parse(buf, &y, &m, &d);
}

/* ------------------------------------------------------------- records */

static enum clerk_status load_council(struct loader *L,
				      const struct board_node *n)
{
	struct sym *s;
	const char *name;
	int kind;
	enum clerk_status rc;
	if ((rc = sym_declare(L, &L->councils, n, &s)) ||
	    (rc = check_keys(L, n, "name kind", "")) ||
	    (rc = need(L, n, "name", &name)) ||
	    (rc = pick_kid(L, n, "kind", council_kinds, COUNT(council_kinds),
			   COUNCIL_PRINCIPAL, &kind)))
		return rc;
	struct council c = {.name = txt(name),
			    .kind = (enum council_kind)kind};
	struct clerk_err merr = {0};
	if (council_create(L->db, &c, &merr))
		return model_fail(L, n, &merr);
	memcpy(s->id, c.id, sizeof s->id);
	s->kind = c.kind;
	L->sum.councils++;
	return CLERK_OK;
}

static enum clerk_status load_person(struct loader *L,
				     const struct board_node *n)
{
	static const char *const pronouns[] = {"he", "she", "they"};
	struct sym *s;
	const char *name;
	int pronoun;
	enum clerk_status rc;
	if ((rc = sym_declare(L, &L->people, n, &s)) ||
	    (rc = check_keys(L, n, "name honorific organisation role pronoun",
			     "")) ||
	    (rc = need(L, n, "name", &name)) ||
	    (rc = pick_kid(L, n, "pronoun", pronouns, COUNT(pronouns), -1,
			   &pronoun)))
		return rc;
	struct person p = {
		.honorific = val(n, "honorific", ""),
		.name = txt(name),
		.organisation = val(n, "organisation", ""),
		.role = val(n, "role", ""),
		.pronoun = txt(pronoun >= 0 ? pronouns[pronoun] : ""),
	};
	struct clerk_err merr = {0};
	if (person_create(L->db, &p, &merr))
		return model_fail(L, n, &merr);
	memcpy(s->id, p.id, sizeof s->id);
	L->sum.people++;
	return CLERK_OK;
}

/* "fraction 1/4", "fixed 5" or "composite 1/4 3" into b. */
static enum clerk_status parse_quorum(struct loader *L,
				      const struct board_node *k,
				      struct body *b)
{
	char kind[16] = "";
	int num = 0, den = 0, fixed = 0, used = 0;
	const char *s = k->value;
	if (sscanf(s, "%15s %n", kind, &used) == 1) {
		const char *rest = s + used;
		int end = 0;
		if (strcmp(kind, "fraction") == 0 &&
		    sscanf(rest, "%d/%d%n", &num, &den, &end) == 2 &&
		    !rest[end] && num > 0 && den >= num) {
			b->quorum_kind = QUORUM_FRACTION;
		} else if (strcmp(kind, "fixed") == 0 &&
			   sscanf(rest, "%d%n", &fixed, &end) == 1 &&
			   !rest[end] && fixed > 0) {
			b->quorum_kind = QUORUM_FIXED;
		} else if (strcmp(kind, "composite") == 0 &&
			   sscanf(rest, "%d/%d %d%n", &num, &den, &fixed,
				  &end) == 3 &&
			   !rest[end] && num > 0 && den >= num && fixed > 0) {
			b->quorum_kind = QUORUM_COMPOSITE;
		} else {
			kind[0] = '\0';
		}
	}
	if (!kind[0])
		return fail_at(L, k,
			       "a quorum is 'fraction N/D', 'fixed N' or "
			       "'composite N/D MIN', not '%s'",
			       s);
	b->quorum_num = num ? num : 1;
	b->quorum_den = den ? den : 4;
	b->quorum_fixed = fixed;
	return CLERK_OK;
}

/* The body's standard items, "kind|title" lines joined with newlines. */
static enum clerk_status standard_items(struct loader *L,
					const struct board_node *n,
					struct strbuf *out)
{
	for (size_t i = 0; i < n->nkids; i++) {
		const struct board_node *k = &n->kids[i];
		if (strcmp(k->key, "standard-item") != 0)
			continue;
		const char *bar = strchr(k->value, '|');
		if (!bar || !bar[1])
			return fail_at(L, k, "a standard item is 'KIND|TITLE', "
					     "not '%s'",
				       k->value);
		char *kind = xstrndup(k->value, (size_t)(bar - k->value));
		int v;
		enum clerk_status rc = pick(L, k, kind, item_kinds,
					    COUNT(item_kinds), "item kind", &v);
		free(kind);
		if (rc)
			return rc;
		sb_addf(out, "%s%s", out->len ? "\n" : "", k->value);
	}
	return CLERK_OK;
}

/* A member or substitute line under a seat. */
static enum clerk_status load_term(struct loader *L, const struct board_node *k,
				   const struct seat *seat, size_t body)
{
	bool member = strcmp(k->key, "member") == 0;
	size_t who;
	char from[11], to[11];
	int role = ROLE_MEMBER;
	enum clerk_status rc;
	if ((rc = check_keys(L, k,
			     member ? "from to role capacity" : "from to capacity",
			     "")) ||
	    (rc = sym_use(L, &L->people, k, k->value, &who)) ||
	    (rc = date_kid(L, k, "from", true, from)) ||
	    (rc = date_kid(L, k, "to", false, to)) ||
	    (rc = pick_kid(L, k, "role", roles, COUNT(roles), ROLE_MEMBER,
			   &role)))
		return rc;
	if (to[0] && strcmp(to, from) <= 0)
		return fail_at(L, k, "'to %s' is not after 'from %s'", to, from);
	const char *capacity = val(k, "capacity", "");
	const char *pid = L->people.v[who].id;
	struct clerk_err merr = {0};
	if (member)
		rc = membership_add(L->db, seat->id, pid, (enum member_role)role,
				    capacity, from, to[0] ? to : NULL, &merr);
	else
		rc = substitute_add(L->db, seat->id, pid, capacity, from,
				    to[0] ? to : NULL, &merr);
	if (rc)
		return model_fail(L, k, &merr);
	if (member) {
		if (L->nterms == L->capterms) {
			L->capterms = L->capterms ? 2 * L->capterms : 32;
			L->terms = xrealloc(L->terms,
					    L->capterms * sizeof *L->terms);
		}
		struct term *t = &L->terms[L->nterms++];
		memcpy(t->seat_id, seat->id, sizeof t->seat_id);
		t->body = body;
		t->person = who;
		memcpy(t->from, from, sizeof from);
		memcpy(t->to, to, sizeof to);
	}
	return CLERK_OK;
}

static enum clerk_status load_seat(struct loader *L, const struct board_node *n,
				   size_t body, int position)
{
	enum clerk_status rc;
	struct seat s = {.position = position};
	char from[11], to[11];
	if ((rc = check_keys(L, n, "voting vacancy substitute-tbc from to",
			     "member substitute")) ||
	    (rc = yes_no(L, n, "voting", true, &s.voting)) ||
	    (rc = yes_no(L, n, "substitute-tbc", false, &s.substitute_tbc)) ||
	    (rc = date_kid(L, n, "from", false, from)) ||
	    (rc = date_kid(L, n, "to", false, to)))
		return rc;
	if (from[0] && to[0] && strcmp(to, from) < 0)
		return fail_at(L, n, "the seat's last day 'to %s' is before its "
				     "first day 'from %s'", to, from);
	s.from = from;
	s.to = to;
	if (!*n->value)
		return fail_at(L, n, "a seat needs a label: 'seat ORGANISATION "
				     "OR ROLE'");
	memcpy(s.body_id, L->bodies.v[body].id, sizeof s.body_id);
	s.label = n->value;
	s.vacancy_note = val(n, "vacancy", "");
	struct clerk_err merr = {0};
	if (seat_create(L->db, &s, &merr))
		return model_fail(L, n, &merr);
	L->sum.seats++;
	for (size_t i = 0; i < n->nkids; i++) {
		const struct board_node *k = &n->kids[i];
		if ((strcmp(k->key, "member") == 0 ||
		     strcmp(k->key, "substitute") == 0) &&
		    (rc = load_term(L, k, &s, body)))
			return rc;
	}
	return CLERK_OK;
}

static enum clerk_status load_body(struct loader *L, const struct board_node *n)
{
	struct sym *s;
	const char *name, *council;
	size_t ci;
	int numbering;
	struct strbuf items = {0};
	struct body b = {.quorum_kind = QUORUM_FRACTION,
			 .quorum_num = 1,
			 .quorum_den = 4};
	enum clerk_status rc;
	if ((rc = sym_declare(L, &L->bodies, n, &s)) ||
	    (rc = check_keys(L, n,
			     "council name short-name self-name quorum "
			     "substitutes minute-format numbering year-start "
			     "style tz",
			     "standard-item seat")) ||
	    (rc = need(L, n, "council", &council)) ||
	    (rc = sym_use(L, &L->councils, kid(n, "council"), council, &ci)) ||
	    (rc = need(L, n, "name", &name)) ||
	    (rc = yes_no(L, n, "substitutes",
			 !council_kind_is_local(L->councils.v[ci].kind),
			 &b.substitutes_allowed)) ||
	    (rc = pick_kid(L, n, "numbering", numberings, COUNT(numberings),
			   NUMBERING_PER_MEETING, &numbering)) ||
	    (kid(n, "quorum") && (rc = parse_quorum(L, kid(n, "quorum"), &b))) ||
	    (rc = standard_items(L, n, &items)))
		goto out;
	const struct board_node *ys = kid(n, "year-start");
	if (ys && !month_day_ok(ys->value)) {
		rc = fail_at(L, ys, "'year-start' is MM-DD, not '%s'", ys->value);
		goto out;
	}
	memcpy(b.council_id, L->councils.v[ci].id, sizeof b.council_id);
	b.name = txt(name);
	b.short_name = val(n, "short-name", "");
	b.self_name = val(n, "self-name", "the Committee");
	b.minute_format = val(n, "minute-format", "%n.");
	b.numbering = (enum numbering)numbering;
	b.year_start = val(n, "year-start", "05-01");
	b.style = val(n, "style",
		      council_kind_is_local(L->councils.v[ci].kind) ? "parish"
								    : "county");
	b.tz = val(n, "tz", CLERK_DEFAULT_TZ);
	b.standard_items = txt(sb_str(&items));
	struct clerk_err merr = {0};
	if (body_create(L->db, &b, &merr)) {
		rc = model_fail(L, n, &merr);
		goto out;
	}
	memcpy(s->id, b.id, sizeof s->id);
	s->tz = xstrdup(b.tz);
	L->sum.bodies++;
	size_t bi = (size_t)(s - L->bodies.v);
	int position = 0;
	for (size_t i = 0; i < n->nkids && !rc; i++)
		if (strcmp(n->kids[i].key, "seat") == 0)
			rc = load_seat(L, &n->kids[i], bi, ++position);
out:
	sb_free(&items);
	return rc;
}

/* ------------------------------------------------------------ meetings */

/* The seat body `body` gave person `who` on local date `date`, or NULL. */
static const char *seat_held(const struct loader *L, size_t body, size_t who,
			     const char *date)
{
	for (size_t i = 0; i < L->nterms; i++) {
		const struct term *t = &L->terms[i];
		if (t->body == body && t->person == who &&
		    strcmp(t->from, date) <= 0 &&
		    (!t->to[0] || strcmp(date, t->to) < 0))
			return t->seat_id;
	}
	return NULL;
}

static enum clerk_status load_attendee(struct loader *L,
				       const struct board_node *k,
				       const struct sym *m, size_t *seen,
				       size_t nseen)
{
	static const char *const keys[] = {"present", "apology", "absent",
					   "substitute", "in-attendance"};
	static const enum attendance_status status[] = {
		ATT_PRESENT, ATT_APOLOGY, ATT_ABSENT, ATT_SUBSTITUTE,
		ATT_IN_ATTENDANCE};
	int which;
	size_t who, whom = 0;
	enum clerk_status rc;
	if ((rc = pick(L, k, k->key, keys, COUNT(keys), "attendance", &which)) ||
	    (rc = check_keys(L, k, "for capacity note substitute-note", "")) ||
	    (rc = sym_use(L, &L->people, k, k->value, &who)))
		return rc;
	seen[nseen] = who;
	for (size_t i = 0; i < nseen; i++)
		if (seen[i] == who)
			return fail_at(L, k, "'%s' is listed twice in this "
					     "meeting's attendance",
				       k->value);
	const struct board_node *f = kid(k, "for");
	bool sub = status[which] == ATT_SUBSTITUTE;
	if (sub && !f)
		return fail_at(L, k, "a substitute needs a 'for MEMBER' line "
				     "under it");
	if (!sub && f)
		return fail_at(L, f, "only a substitute stands in 'for' a "
				     "member");
	if (f && (rc = sym_use(L, &L->people, f, f->value, &whom)))
		return rc;
	struct attendance a = {.status = status[which]};
	memcpy(a.meeting_id, m->id, sizeof a.meeting_id);
	memcpy(a.person_id, L->people.v[who].id, sizeof a.person_id);
	if (status[which] != ATT_IN_ATTENDANCE) {
		const char *seat = seat_held(L, m->body, sub ? whom : who, m->date);
		if (!seat)
			return fail_at(L, sub ? f : k,
				       "'%s' held no seat of this body on %s%s",
				       sub ? f->value : k->value, m->date,
				       sub ? ""
					   : " (list a non-member as "
					     "'in-attendance')");
		memcpy(a.seat_id, seat, sizeof a.seat_id);
	}
	if (sub)
		memcpy(a.substitute_for, L->people.v[whom].id,
		       sizeof a.substitute_for);
	a.capacity = val(k, "capacity", "");
	a.note = val(k, "note", "");
	a.substitute_note = val(k, "substitute-note", "");
	struct clerk_err merr = {0};
	if (attendance_set(L->db, &a, &merr))
		return model_fail(L, k, &merr);
	L->sum.attendance++;
	return CLERK_OK;
}

static enum clerk_status load_attendance(struct loader *L,
					 const struct board_node *n,
					 const struct sym *m)
{
	size_t *seen = xcalloc(n->nkids + 1, sizeof *seen);
	enum clerk_status rc = CLERK_OK;
	if (*n->value)
		rc = fail_at(L, n, "'attendance' takes no value: list people on "
				   "the lines under it");
	for (size_t i = 0; i < n->nkids && !rc; i++)
		rc = load_attendee(L, &n->kids[i], m, seen, i);
	free(seen);
	return rc;
}

/* An item's planned start and length, worked out before it is written. */
struct plan {
	time_t start;
	int minutes;
	bool fixed_minutes;
};

static enum clerk_status plan_items(struct loader *L, const struct board_node *n,
				    const struct sym *m, time_t starts_at,
				    struct plan *plans)
{
	int y, mo, d;
	date_parse(m->date, &y, &mo, &d);
	size_t k = 0;
	for (size_t i = 0; i < n->nkids; i++) {
		const struct board_node *it = &n->kids[i];
		if (strcmp(it->key, "item") != 0)
			continue;
		struct plan *p = &plans[k++];
		const struct board_node *t = kid(it, "time");
		const struct board_node *mins = kid(it, "minutes");
		int h, mi;
		enum clerk_status rc;
		if (t) {
			if ((rc = hhmm_at(L, t, t->value, &h, &mi)))
				return rc;
			p->start = time_from_local(m->tz, y, mo, d, h, mi);
		}
		if (mins) {
			if (!parse_count(mins->value, 24 * 60, &p->minutes))
				return fail_at(L, mins,
					       "'minutes' is a number of "
					       "minutes, not '%s'",
					       mins->value);
			p->fixed_minutes = true;
		}
	}
	/* The printed agenda times items from the third on; the first item
	 * starts with the meeting. */
	if (k > 0 && !plans[0].start)
		plans[0].start = starts_at;
	for (size_t i = 0; i < k; i++) {
		if (!plans[i].start || plans[i].fixed_minutes)
			continue;
		for (size_t j = i + 1; j < k; j++)
			if (plans[j].start) {
				if (plans[j].start > plans[i].start)
					plans[i].minutes = (int)((plans[j].start -
								  plans[i].start) /
								 60);
				break;
			}
	}
	return CLERK_OK;
}

static enum clerk_status load_minute_text(struct loader *L,
					  const struct board_node *k,
					  const struct sym *m,
					  const struct agenda_item *it,
					  enum minute_section section)
{
	if (!*k->value)
		return fail_at(L, k, "'%s' is empty", k->key);
	struct minute_text t = {.section = section, .body = k->value};
	memcpy(t.meeting_id, m->id, sizeof t.meeting_id);
	memcpy(t.item_id, it->id, sizeof t.item_id);
	struct clerk_err merr = {0};
	if (minute_text_create(L->db, &t, &merr))
		return model_fail(L, k, &merr);
	return CLERK_OK;
}

static enum clerk_status load_action(struct loader *L, const struct board_node *k,
				     const struct sym *m,
				     const struct resolution *r)
{
	char due[11];
	enum clerk_status rc;
	if ((rc = check_keys(L, k, "owner due", "")) ||
	    (rc = date_kid(L, k, "due", false, due)))
		return rc;
	if (!*k->value)
		return fail_at(L, k, "'action' needs the text of what is to be "
				     "done");
	struct action a = {.body = k->value,
			   .owner = val(k, "owner", ""),
			   .due = due,
			   .status = ACTION_OPEN};
	memcpy(a.meeting_id, m->id, sizeof a.meeting_id);
	memcpy(a.resolution_id, r->id, sizeof a.resolution_id);
	struct clerk_err merr = {0};
	if (action_create(L->db, &a, &merr))
		return model_fail(L, k, &merr);
	return CLERK_OK;
}

static enum clerk_status load_resolution(struct loader *L,
					 const struct board_node *k,
					 const struct sym *m,
					 const struct agenda_item *it,
					 int position)
{
	int kind, outcome;
	size_t mover, seconder;
	const struct board_node *mv = kid(k, "mover"), *sc = kid(k, "seconder");
	enum clerk_status rc;
	if ((rc = check_keys(L, k, "preamble mover seconder outcome kind",
			     "action")) ||
	    (rc = pick_kid(L, k, "kind", res_kinds, COUNT(res_kinds), RES_MOTION,
			   &kind)) ||
	    (rc = pick_kid(L, k, "outcome", outcomes, COUNT(outcomes),
			   OUTCOME_CARRIED, &outcome)) ||
	    (mv && (rc = sym_use(L, &L->people, mv, mv->value, &mover))) ||
	    (sc && (rc = sym_use(L, &L->people, sc, sc->value, &seconder))))
		return rc;
	if (!*k->value)
		return fail_at(L, k, "'resolved' needs the words resolved");
	struct resolution r = {.position = position,
			       .kind = (enum resolution_kind)kind,
			       .preamble = val(k, "preamble", ""),
			       .body = k->value,
			       .outcome = (enum outcome)outcome};
	memcpy(r.meeting_id, m->id, sizeof r.meeting_id);
	memcpy(r.item_id, it->id, sizeof r.item_id);
	if (mv)
		memcpy(r.mover, L->people.v[mover].id, sizeof r.mover);
	if (sc)
		memcpy(r.seconder, L->people.v[seconder].id, sizeof r.seconder);
	struct clerk_err merr = {0};
	if (resolution_create(L->db, &r, &merr))
		return model_fail(L, k, &merr);
	for (size_t i = 0; i < k->nkids; i++)
		if (strcmp(k->kids[i].key, "action") == 0 &&
		    (rc = load_action(L, &k->kids[i], m, &r)))
			return rc;
	return CLERK_OK;
}

/* The minute of an item: its text in file order, then its resolutions. */
static enum clerk_status load_minute(struct loader *L, const struct board_node *n,
				     const struct sym *m,
				     const struct agenda_item *it)
{
	static const char *const sections[] = {"received", "narrative", "heard",
					       "commented"};
	static const enum minute_section section[] = {
		SECTION_RECEIVED, SECTION_NARRATIVE, SECTION_HEARD,
		SECTION_COMMENTED};
	enum clerk_status rc = CLERK_OK;
	int resolutions = 0;
	for (size_t i = 0; i < n->nkids && !rc; i++) {
		const struct board_node *k = &n->kids[i];
		if (strcmp(k->key, "resolved") == 0) {
			rc = load_resolution(L, k, m, it, ++resolutions);
			continue;
		}
		for (size_t s = 0; s < COUNT(sections); s++)
			if (strcmp(k->key, sections[s]) == 0)
				rc = load_minute_text(L, k, m, it, section[s]);
	}
	return rc;
}

static enum clerk_status load_item(struct loader *L, const struct board_node *n,
				   struct sym *m, const struct plan *p)
{
	int kind;
	const char *title;
	enum clerk_status rc;
	if ((rc = check_keys(L, n,
			     "title kind description presenter pages time "
			     "minutes exempt received urgent-reason",
			     "narrative heard commented resolved")) ||
	    (rc = need(L, n, "title", &title)) ||
	    (rc = pick_kid(L, n, "kind", item_kinds, COUNT(item_kinds),
			   ITEM_ORDINARY, &kind)))
		return rc;
	const struct board_node *ex = kid(n, "exempt");
	if (ex && !*ex->value)
		return fail_at(L, ex, "'exempt' needs the paragraph of "
				      "Schedule 12A that applies");
	struct agenda_item it = {
		.number = n->value,
		.title = txt(title),
		.description = val(n, "description", ""),
		.presenter = val(n, "presenter", ""),
		.planned_start = p->start,
		.planned_minutes = p->minutes,
		.pages = val(n, "pages", ""),
		.exempt = ex != NULL,
		.exempt_paragraph = ex ? ex->value : txt(""),
		.kind = (enum item_kind)kind,
		.urgent_reason = val(n, "urgent-reason", ""),
	};
	memcpy(it.meeting_id, m->id, sizeof it.meeting_id);
	struct clerk_err merr = {0};
	if (item_create(L->db, &it, &merr))
		return model_fail(L, n, &merr);
	L->sum.items++;
	if (it.kind == ITEM_PREVIOUS_MINUTES && p->start)
		m->confirm_time = p->start;
	return load_minute(L, n, m, &it);
}

static enum clerk_status load_items(struct loader *L, const struct board_node *n,
				    struct sym *m, time_t starts_at)
{
	struct plan *plans = xcalloc(n->nkids + 1, sizeof *plans);
	enum clerk_status rc = plan_items(L, n, m, starts_at, plans);
	size_t k = 0;
	for (size_t i = 0; i < n->nkids && !rc; i++)
		if (strcmp(n->kids[i].key, "item") == 0)
			rc = load_item(L, &n->kids[i], m, &plans[k++]);
	free(plans);
	return rc;
}

/* "2017-06-29 10:00" in the body's zone. */
static enum clerk_status parse_starts(struct loader *L,
				      const struct board_node *k, struct sym *m,
				      time_t *out)
{
	char date[11];
	int y, mo, d, h, mi;
	enum clerk_status rc;
	if (strlen(k->value) != 16 || k->value[10] != ' ')
		return fail_at(L, k, "'starts' is 'YYYY-MM-DD HH:MM', not '%s'",
			       k->value);
	memcpy(date, k->value, 10);
	date[10] = '\0';
	if ((rc = date_at(L, k, date, m->date)) ||
	    (rc = hhmm_at(L, k, k->value + 11, &h, &mi)))
		return rc;
	date_parse(date, &y, &mo, &d);
	*out = time_from_local(m->tz, y, mo, d, h, mi);
	return CLERK_OK;
}

static enum clerk_status queue_confirm(struct loader *L,
				       const struct board_node *k, size_t meeting)
{
	enum clerk_status rc = check_keys(L, k, "signed-by amendment", "");
	if (rc)
		return rc;
	if (!*k->value)
		return fail_at(L, k, "'confirmed-at' needs the handle of the "
				     "meeting that confirmed the minutes");
	if (L->nconfirms == L->capconfirms) {
		L->capconfirms = L->capconfirms ? 2 * L->capconfirms : 8;
		L->confirms = xrealloc(L->confirms,
				       L->capconfirms * sizeof *L->confirms);
	}
	struct confirm *c = &L->confirms[L->nconfirms++];
	c->meeting = meeting;
	c->node = k;
	c->file = xstrdup(L->file);
	return CLERK_OK;
}

static enum clerk_status load_meeting(struct loader *L,
				      const struct board_node *n)
{
	struct sym *s;
	const char *body;
	size_t bi;
	int status;
	time_t starts_at = 0;
	enum clerk_status rc;
	if ((rc = sym_declare(L, &L->meetings, n, &s)) ||
	    (rc = check_keys(L, n,
			     "body starts venue status public-present "
			     "confirmed-at attendance",
			     "item")) ||
	    (rc = need(L, n, "body", &body)) ||
	    (rc = sym_use(L, &L->bodies, kid(n, "body"), body, &bi)))
		return rc;
	s->body = bi;
	s->tz = xstrdup(L->bodies.v[bi].tz);
	const struct board_node *st = kid(n, "starts");
	if (!st)
		return fail_at(L, n, "'meeting' needs a 'starts YYYY-MM-DD HH:MM' "
				     "line under it");
	if ((rc = parse_starts(L, st, s, &starts_at)) ||
	    (rc = pick_kid(L, n, "status", statuses, COUNT(statuses),
			   MEETING_SCHEDULED, &status)))
		return rc;
	struct meeting m = {.starts_at = starts_at,
			    .venue = val(n, "venue", ""),
			    .status = (enum meeting_status)status,
			    .minutes_state = MINUTES_DRAFT,
			    .public_present = -1};
	const struct board_node *pp = kid(n, "public-present");
	if (pp && !parse_count(pp->value, 100000, &m.public_present))
		return fail_at(L, pp, "'public-present' is a number, not '%s'",
			       pp->value);
	memcpy(m.body_id, L->bodies.v[bi].id, sizeof m.body_id);
	struct clerk_err merr = {0};
	if (meeting_create(L->db, &m, &merr))
		return model_fail(L, n, &merr);
	memcpy(s->id, m.id, sizeof s->id);
	s->confirm_time = starts_at;
	L->sum.meetings++;
	size_t mi = (size_t)(s - L->meetings.v);
	if ((rc = load_items(L, n, s, starts_at)))
		return rc;
	const struct board_node *att = kid(n, "attendance");
	if (att && (rc = load_attendance(L, att, s)))
		return rc;
	const struct board_node *ca = kid(n, "confirmed-at");
	return ca ? queue_confirm(L, ca, mi) : CLERK_OK;
}

/* Confirm and lock minutes, once every meeting exists.  The time of the
 * confirmation is that of the confirming meeting's "minutes of previous
 * meeting" item (else its start), not the time of the load. */
static enum clerk_status apply_confirms(struct loader *L)
{
	enum clerk_status rc = CLERK_OK;
	for (size_t i = 0; i < L->nconfirms && !rc; i++) {
		const struct confirm *c = &L->confirms[i];
		const struct board_node *k = c->node;
		const char *signer;
		size_t at, who;
		L->file = c->file;
		if ((rc = sym_use(L, &L->meetings, k, k->value, &at)) ||
		    (rc = need(L, k, "signed-by", &signer)) ||
		    (rc = sym_use(L, &L->people, kid(k, "signed-by"), signer,
				  &who)))
			break;
		if (at == c->meeting) {
			rc = fail_at(L, k, "a meeting cannot confirm its own "
					   "minutes");
			break;
		}
		struct clerk_err merr = {0};
		clock_set(L->meetings.v[at].confirm_time);
		rc = export_confirm_minutes(
			L->db, L->meetings.v[c->meeting].id, L->meetings.v[at].id,
			val(k, "amendment", ""), L->people.v[who].id, &merr);
		clock_reset();
		if (rc)
			rc = model_fail(L, k, &merr);
	}
	return rc;
}

/* ------------------------------------------------------------ files */

static enum clerk_status load_tree(struct loader *L,
				   const struct board_node *root)
{
	static const char *const tops[] = {"council", "person", "body",
					   "meeting"};
	enum clerk_status rc = CLERK_OK;
	for (size_t i = 0; i < root->nkids && !rc; i++) {
		const struct board_node *n = &root->kids[i];
		int which;
		if ((rc = pick(L, n, n->key, tops, COUNT(tops), "statement",
			       &which)))
			break;
		switch (which) {
		case 0:
			rc = load_council(L, n);
			break;
		case 1:
			rc = load_person(L, n);
			break;
		case 2:
			rc = load_body(L, n);
			break;
		default:
			rc = load_meeting(L, n);
			break;
		}
	}
	return rc;
}

/* Parse the file at path and write its records; the tree is kept in L for
 * the confirmations applied at the end. */
static enum clerk_status load_path(struct loader *L, const char *path)
{
	if (L->ntrees == L->captrees) {
		L->captrees = L->captrees ? 2 * L->captrees : 4;
		L->trees = xrealloc(L->trees, L->captrees * sizeof *L->trees);
	}
	struct board_node *root = &L->trees[L->ntrees];
	enum clerk_status rc = board_read_file(path, root, L->err);
	if (rc)
		return rc;
	L->ntrees++;
	L->file = path;
	L->sum.files++;
	return load_tree(L, root);
}

static void loader_init(struct loader *L, struct db *db, struct clerk_err *err)
{
	memset(L, 0, sizeof *L);
	L->db = db;
	L->err = err;
	L->councils.what = "council";
	L->bodies.what = "body";
	L->people.what = "person";
	L->meetings.what = "meeting";
}

/* Apply the confirmations, hand over the summary, free everything. */
static enum clerk_status loader_finish(struct loader *L, enum clerk_status rc,
				       struct demo_summary *sum)
{
	if (!rc)
		rc = apply_confirms(L);
	if (!rc && sum)
		*sum = L->sum;
	symtab_free(&L->councils);
	symtab_free(&L->bodies);
	symtab_free(&L->people);
	symtab_free(&L->meetings);
	free(L->terms);
	for (size_t i = 0; i < L->nconfirms; i++)
		free(L->confirms[i].file);
	free(L->confirms);
	for (size_t i = 0; i < L->ntrees; i++)
		board_node_free(&L->trees[i]);
	free(L->trees);
	return rc;
}

enum clerk_status demo_load_file(struct db *db, const char *path,
				 struct demo_summary *sum, struct clerk_err *err)
{
	struct loader L;
	loader_init(&L, db, err);
	return loader_finish(&L, load_path(&L, path), sum);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_board_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 6 && strcmp(name + n - 6, ".board") == 0;
}

/* The *.board files of dir, sorted by name (caller frees). */
static enum clerk_status list_boards(const char *dir, char ***out, size_t *n,
				     struct clerk_err *err)
{
	*out = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return clerk_fail(err, CLERK_IO,
				  "cannot read the demo folder %s: %s", dir,
				  strerror(errno));
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!is_board_name(e->d_name))
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		(*out)[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (*n == 0)
		return clerk_fail(err, CLERK_IO,
				  "no .board files in the demo folder %s", dir);
	qsort(*out, *n, sizeof **out, compare_names);
	return CLERK_OK;
}

enum clerk_status demo_load_dir(struct db *db, const char *dir,
				struct demo_summary *sum, struct clerk_err *err)
{
	char **paths;
	size_t n;
	enum clerk_status rc = list_boards(dir, &paths, &n, err);
	struct loader L;
	loader_init(&L, db, err);
	for (size_t i = 0; i < n && !rc; i++)
		rc = load_path(&L, paths[i]);
	rc = loader_finish(&L, rc, sum);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return rc;
}
