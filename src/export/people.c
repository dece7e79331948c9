/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/people: who was there, in the house style — the attendance (a
 * PRESENT table with the chairman and vice-chairman first and p / a
 * markers, or a sentence of names; the rest by surname or in seat order),
 * then each class a council minutes apart where its style asks: the
 * substitutes (for whom), the officers present (with their post, the clerk
 * among them), others in attendance (ward members with their ward,
 * observers), whoever is left "also in attendance", and the members of the
 * public and press by number.  Only members and substitutes are members of
 * the meeting; the others never count for quorum (live/attend.c).  Then
 * apologies written as sentences from what was recorded about each member's
 * substitute, and the declarations of interest (a sensitive interest only
 * as existing).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_private.h"
#include "export_shared.h"

/* The seat a person held on the meeting's date, or NULL. */
static const struct seat_info *seat_of(const struct minutes_ctx *c,
				       const char *person_id)
{
	for (size_t i = 0; i < c->seats.n; i++)
		if (c->seats.v[i].filled &&
		    strcmp(c->seats.v[i].member.id, person_id) == 0)
			return &c->seats.v[i];
	return NULL;
}

/* How a person is described: as recorded at the meeting, else their
 * membership, else their post and organisation.  Caller frees. */
static char *capacity_of(const struct minutes_ctx *c, const struct attendance *a)
{
	if (a->capacity && *a->capacity)
		return xstrdup(a->capacity);
	const struct seat_info *s = seat_of(c, a->person_id);
	if (s && s->member_capacity && *s->member_capacity)
		return xstrdup(s->member_capacity);
	/* A nominated substitute: as the membership table describes them. */
	for (size_t i = 0; i < c->seats.n; i++)
		for (size_t j = 0; j < c->seats.v[i].nsubs; j++) {
			const struct seat_substitute *sub = &c->seats.v[i].subs[j];
			if (strcmp(sub->person.id, a->person_id) == 0 &&
			    sub->capacity && *sub->capacity)
				return xstrdup(sub->capacity);
		}
	const char *role = a->person.role ? a->person.role : "";
	const char *org = a->person.organisation ? a->person.organisation : "";
	if (*role && *org)
		return xasprintf("%s, %s", role, org);
	return xstrdup(*role ? role : org);
}

static enum member_role role_of(const struct minutes_ctx *c, const char *person_id)
{
	const struct seat_info *s = seat_of(c, person_id);
	return s ? s->role : ROLE_MEMBER;
}

static bool is_member_row(const struct attendance *a)
{
	return a->status == ATT_PRESENT || a->status == ATT_APOLOGY ||
	       a->status == ATT_ABSENT || a->status == ATT_EXPECTED;
}

/* A member's row: not a substitute and not merely in attendance. */
static bool is_member(const struct attendance *a)
{
	return is_member_row(a) && !*a->substitute_for;
}

static const char *surname(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

static int by_surname(const void *pa, const void *pb)
{
	const struct attendance *a = *(const struct attendance *const *)pa;
	const struct attendance *b = *(const struct attendance *const *)pb;
	int r = strcoll(surname(a->person.name), surname(b->person.name));
	return r ? r : strcoll(a->person.name, b->person.name);
}

/* Where a person's seat comes among the body's seats (after every seat
 * when they hold none). */
static size_t seat_rank(const struct minutes_ctx *c, const char *person_id)
{
	for (size_t i = 0; i < c->seats.n; i++)
		if (c->seats.v[i].filled &&
		    strcmp(c->seats.v[i].member.id, person_id) == 0)
			return i;
	return c->seats.n;
}

/* Members in the order the style says (present.order): by surname (the
 * default) or in the order of their seats. */
static void sort_members(const struct minutes_ctx *c,
			 const struct attendance **rows, size_t n)
{
	qsort(rows, n, sizeof *rows, by_surname);
	if (strcmp(style_get(&c->style, "present.order", "surname"), "seat"))
		return;
	/* a stable insertion sort by seat, surname order among equals */
	for (size_t i = 1; i < n; i++) {
		const struct attendance *a = rows[i];
		size_t r = seat_rank(c, a->person_id), j = i;
		for (; j > 0 && seat_rank(c, rows[j - 1]->person_id) > r; j--)
			rows[j] = rows[j - 1];
		rows[j] = a;
	}
}

/* One "{name} ({capacity})" entry of style key. */
static char *entry_text(struct minutes_ctx *c, const char *key,
			const struct attendance *a, const char *office)
{
	char *name = person_display_name(&a->person);
	char *cap = capacity_of(c, a);
	char *member = minutes_person_name(c, a->substitute_for);
	const struct style_var v[] = {{"name", name},
				      {"capacity", cap},
				      {"role", a->person.role},
				      {"office", office},
				      {"member", member}};
	char *s = minutes_say(c, key, v, 5);
	free(name);
	free(cap);
	free(member);
	return s;
}

/* "A, B and C" from n strings. */
static char *join_names(char **names, size_t n)
{
	struct strbuf sb = {0};
	sb_add(&sb, "");
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_add(&sb, i + 1 == n ? " and " : ", ");
		sb_add(&sb, names[i]);
	}
	return sb_detach(&sb);
}

/* A substitute attending for a member. */
static bool is_substitute(const struct attendance *a)
{
	return a->status == ATT_SUBSTITUTE ||
	       (a->status == ATT_PRESENT && *a->substitute_for);
}

/* True when the style lists a class of attendance (substitutes, officers,
 * others) on its own: its CLASS.entry is set. */
static bool own_class(const struct minutes_ctx *c, const char *class)
{
	char key[32];
	snprintf(key, sizeof key, "%s.entry", class);
	return *style_get(&c->style, key, "") != '\0';
}

static void attendance_table(struct minutes_ctx *c,
			     const struct attendance **rows, size_t n)
{
	char *heading = minutes_say(c, "present.heading", NULL, 0);
	if (heading)
		doc_add(c->doc, DOC_HEADING, heading);
	free(heading);
	struct doc_block *t = doc_add(c->doc, DOC_ATTENDANCE, NULL);
	const char *mp = style_get(&c->style, "present.marker.present", "p");
	const char *ma = style_get(&c->style, "present.marker.absent", "a");
	/* The key to the markers rides in the table's aside: the formats
	 * that print a key (HTML, DOCX, PDF) print it; text and Markdown,
	 * whose markers are read as typed minutes, leave it out. */
	const struct style_var kv[] = {{"present", mp}, {"absent", ma}};
	char *key = minutes_say(c, "present.key", kv, 2);
	if (key) {
		free(t->aside);
		t->aside = key;
	}
	static const enum member_role order[] = {ROLE_CHAIRMAN, ROLE_VICE_CHAIRMAN,
						 ROLE_MEMBER};
	static const char *const captions[] = {"present.chairman",
					       "present.vice_chairman", NULL};
	for (int k = 0; k < 3; k++) {
		bool first = true;
		for (size_t i = 0; i < n; i++) {
			const struct attendance *a = rows[i];
			if (role_of(c, a->person_id) != order[k])
				continue;
			if (first) {
				char *cap = captions[k]
						    ? minutes_say(c, captions[k], NULL, 0)
						    : NULL;
				if (cap || t->nrows)
					doc_row_add(t, NULL, cap ? cap : "")->caption =
						true;
				free(cap);
				first = false;
			}
			char *s = entry_text(c, "present.entry", a, "");
			doc_row_add(t, a->status == ATT_PRESENT ? mp : ma,
				    s ? s : "");
			free(s);
		}
	}
	/* Substitutes, when the style lists them with the members. */
	for (size_t i = 0; i < c->att.n && !own_class(c, "substitutes"); i++) {
		const struct attendance *a = &c->att.v[i];
		if (!is_substitute(a))
			continue;
		char *s = entry_text(c, "present.substitute", a, "");
		if (s)
			doc_row_add(t, mp, s);
		free(s);
	}
}

/* The "Present:" sentence of the run layout. */
static void attendance_run(struct minutes_ctx *c, const struct attendance **rows,
			   size_t n)
{
	char **names = xcalloc(n + c->att.n + 1, sizeof *names);
	size_t k = 0;
	static const enum member_role order[] = {ROLE_CHAIRMAN, ROLE_VICE_CHAIRMAN,
						 ROLE_MEMBER};
	const char *offices[] = {
		style_get(&c->style, "chairman", "Chairman"),
		style_get(&c->style, "vice_chairman", "Vice-Chairman"), ""};
	for (int r = 0; r < 3; r++)
		for (size_t i = 0; i < n; i++)
			if (rows[i]->status == ATT_PRESENT &&
			    role_of(c, rows[i]->person_id) == order[r])
				names[k++] = entry_text(c, "present.run_entry",
							rows[i], offices[r]);
	for (size_t i = 0; i < c->att.n && !own_class(c, "substitutes"); i++)
		if (is_substitute(&c->att.v[i])) {
			char *s = entry_text(c, "present.substitute", &c->att.v[i],
					     "");
			if (s)
				names[k++] = s;
		}
	char *all = join_names(names, k);
	const struct style_var v[] = {{"names", all}};
	char *s = k ? minutes_say(c, "present.run", v, 1) : NULL;
	if (s)
		doc_add(c->doc, DOC_PARA, s);
	free(s);
	free(all);
	for (size_t i = 0; i < k; i++)
		free(names[i]);
	free(names);
}

/* Which class of attendance a row belongs to, as the style lists them. */
enum att_class { CLASS_NONE, CLASS_SUBSTITUTES, CLASS_OFFICERS, CLASS_OTHERS,
		 CLASS_ALSO };

static enum att_class class_of(const struct minutes_ctx *c,
			       const struct attendance *a)
{
	if (is_substitute(a))
		return own_class(c, "substitutes") ? CLASS_SUBSTITUTES : CLASS_NONE;
	if (a->status != ATT_IN_ATTENDANCE)
		return CLASS_NONE;
	if (a->person.kind == PERSON_OFFICER)
		return own_class(c, "officers") ? CLASS_OFFICERS : CLASS_ALSO;
	return own_class(c, "others") ? CLASS_OTHERS : CLASS_ALSO;
}

/* One class of attendance: in the run layout the sentence CLASS.run of
 * every entry, else the heading CLASS.heading and one entry a line. */
static void attendance_class(struct minutes_ctx *c, bool run,
			     enum att_class class, const char *prefix)
{
	char **names = xcalloc(c->att.n + 1, sizeof *names);
	size_t k = 0;
	char key[32];
	snprintf(key, sizeof key, "%s.entry", prefix);
	for (size_t i = 0; i < c->att.n; i++) {
		const struct attendance *a = &c->att.v[i];
		if (class_of(c, a) != class)
			continue;
		char *s = entry_text(c, key, a, "");
		if (s)
			names[k++] = s;
	}
	if (k && run) {
		char *all = join_names(names, k);
		const struct style_var v[] = {{"names", all}};
		snprintf(key, sizeof key, "%s.run", prefix);
		char *s = minutes_say(c, key, v, 1);
		if (s)
			doc_add(c->doc, DOC_PARA, s);
		free(s);
		free(all);
	} else if (k) {
		snprintf(key, sizeof key, "%s.heading", prefix);
		char *h = minutes_say(c, key, NULL, 0);
		if (h)
			doc_add(c->doc, DOC_PARA, h);
		free(h);
		for (size_t i = 0; i < k; i++)
			doc_add(c->doc, DOC_PARA, names[i]);
	}
	for (size_t i = 0; i < k; i++)
		free(names[i]);
	free(names);
}

/* The members of the public and press, by number. */
static void public_count(struct minutes_ctx *c)
{
	if (c->meeting.public_present <= 0)
		return;
	char count[16];
	snprintf(count, sizeof count, "%d", c->meeting.public_present);
	const struct style_var v[] = {{"count", count}};
	char *s = minutes_say(c, "public.run", v, 1);
	if (s)
		doc_add(c->doc, DOC_PARA, s);
	free(s);
}

void minutes_attendance(struct minutes_ctx *c)
{
	const struct attendance **rows = xcalloc(c->att.n + 1, sizeof *rows);
	size_t n = 0;
	for (size_t i = 0; i < c->att.n; i++)
		if (is_member(&c->att.v[i]))
			rows[n++] = &c->att.v[i];
	sort_members(c, rows, n);
	bool run = strcmp(style_get(&c->style, "present.layout", "table"),
			  "run") == 0;
	if (run)
		attendance_run(c, rows, n);
	else
		attendance_table(c, rows, n);
	attendance_class(c, run, CLASS_SUBSTITUTES, "substitutes");
	attendance_class(c, run, CLASS_OFFICERS, "officers");
	attendance_class(c, run, CLASS_OTHERS, "others");
	attendance_class(c, run, CLASS_ALSO, "also");
	public_count(c);
	free(rows);
}

/* --------------------------------------------------------- apologies */

/* The reason of an apology without a leading "due to". */
static const char *reason_of(const char *note)
{
	if (!note)
		return "";
	if (strncmp(note, "due to ", 7) == 0 || strncmp(note, "Due to ", 7) == 0)
		note += 7;
	return note;
}

/* True when sub_id is a nominated substitute of member_id's seat. */
static bool nominated_for(const struct minutes_ctx *c, const char *member_id,
			  const char *sub_id)
{
	const struct seat_info *s = seat_of(c, member_id);
	for (size_t j = 0; s && j < s->nsubs; j++)
		if (strcmp(s->subs[j].person.id, sub_id) == 0)
			return true;
	return false;
}

/* A substitute who is not the seat's nominated one, described as what
 * they are: as recorded at the meeting, else their own post and
 * organisation (never the capacity of some seat).  Caller frees. */
static char *own_capacity(const struct attendance *a)
{
	if (a->capacity && *a->capacity)
		return xstrdup(a->capacity);
	const char *role = a->person.role ? a->person.role : "";
	const char *org = a->person.organisation ? a->person.organisation : "";
	if (*role && *org)
		return xasprintf("%s, %s", role, org);
	return xstrdup(*role ? role : org);
}

/* The row of the substitute recorded for member a, or NULL. */
static const struct attendance *substitute_of(const struct minutes_ctx *c,
					      const struct attendance *a)
{
	const struct attendance *sub = NULL;
	for (size_t i = 0; i < c->att.n; i++)
		if (strcmp(c->att.v[i].substitute_for, a->person_id) == 0)
			sub = &c->att.v[i];
	return sub;
}

/* How the minutes describe a substitute: a nominated one as the seat's
 * table does, another as what they are.  Caller frees. */
static char *sub_capacity_of(struct minutes_ctx *c, const struct attendance *a,
			     const struct attendance *sub)
{
	if (!sub)
		return xstrdup("");
	return nominated_for(c, a->person_id, sub->person_id)
		       ? capacity_of(c, sub)
		       : own_capacity(sub);
}

/* The clause about a member's substitute (style apologies.sub_*). */
static char *substitute_clause(struct minutes_ctx *c, const struct attendance *a,
			       const struct style_var pv[3])
{
	const struct attendance *sub = substitute_of(c, a);
	/* What the clerk wrote about the substitute, when the attendance
	 * does not say it (no substitute's row): as a sentence. */
	if (!sub && a->substitute_note && *a->substitute_note) {
		size_t len = strlen(a->substitute_note);
		char *note = strchr(".!?", a->substitute_note[len - 1])
				     ? xstrdup(a->substitute_note)
				     : xasprintf("%s.", a->substitute_note);
		const struct style_var v[] = {{"note", note}};
		char *s = minutes_say(c, "apologies.sub_note", v, 1);
		free(note);
		return s;
	}
	const char *key;
	bool other = sub && !nominated_for(c, a->person_id, sub->person_id);
	if (sub && sub->status == ATT_APOLOGY)
		key = *sub->note ? "apologies.sub_unable" : "apologies.sub_apologies";
	else if (other && *style_get(&c->style, "apologies.sub_other", ""))
		key = "apologies.sub_other";
	else if (sub)
		key = "apologies.sub_attended";
	else if (!c->body.substitutes_allowed)
		return NULL;
	else {
		const struct seat_info *s = seat_of(c, a->person_id);
		key = s && s->nsubs ? "apologies.sub_absent" : "apologies.no_sub";
	}
	char *subname = sub ? person_display_name(&sub->person) : xstrdup("");
	char *subcap = other ? own_capacity(sub)
		       : sub ? capacity_of(c, sub)
			     : xstrdup("");
	const struct style_var v[] = {{"sub", subname},
				      {"sub_capacity", subcap},
				      {"sub_reason", sub ? reason_of(sub->note) : ""},
				      pv[0],
				      pv[1],
				      pv[2]};
	char *s = minutes_say(c, key, v, 6);
	free(subname);
	free(subcap);
	return s;
}

void minutes_apologies(struct minutes_ctx *c)
{
	bool run = strcmp(style_get(&c->style, "apologies.layout", "list"),
			  "run") == 0;
	char **entries = xcalloc(c->att.n + 1, sizeof *entries);
	size_t k = 0;
	for (size_t i = 0; i < c->att.n; i++) {
		const struct attendance *a = &c->att.v[i];
		if (a->status != ATT_APOLOGY || *a->substitute_for)
			continue;
		struct style_var pv[3];
		minutes_pronouns(a->person.pronoun, pv);
		char *then = run ? xstrdup("") : substitute_clause(c, a, pv);
		char *name = person_display_name(&a->person);
		char *cap = capacity_of(c, a);
		/* the substitute who attended, in every layout */
		const struct attendance *sub = substitute_of(c, a);
		if (sub && sub->status == ATT_APOLOGY)
			sub = NULL;
		char *subname = sub ? person_display_name(&sub->person)
				    : xstrdup("");
		char *subcap = sub_capacity_of(c, a, sub);
		const struct style_var v[] = {{"name", name},
					      {"capacity", cap},
					      {"reason", reason_of(a->note)},
					      {"then", then ? then : "."},
					      {"sub", subname},
					      {"sub_capacity", subcap},
					      pv[0],
					      pv[1],
					      pv[2]};
		char *s = minutes_say(c, run ? "apologies.run_entry"
					     : "apologies.entry",
				      v, 9);
		if (s)
			entries[k++] = s;
		free(subname);
		free(subcap);
		free(then);
		free(name);
		free(cap);
	}
	if (!k) {
		char *s = minutes_say(c, "apologies.none", NULL, 0);
		if (s)
			doc_add(c->doc, DOC_PARA, s);
		free(s);
	} else if (run) {
		char *all = join_names(entries, k);
		const struct style_var v[] = {{"names", all}};
		char *s = minutes_say(c, "apologies.run", v, 1);
		if (s)
			doc_add(c->doc, DOC_PARA, s);
		free(s);
		free(all);
	} else {
		char *intro = minutes_say(c, "apologies.intro", NULL, 0);
		if (intro)
			doc_add(c->doc, DOC_PARA, intro);
		free(intro);
		struct doc_block *b = doc_add(c->doc, DOC_BULLETS, NULL);
		for (size_t i = 0; i < k; i++)
			doc_row_add(b, NULL, entries[i]);
	}
	for (size_t i = 0; i < k; i++)
		free(entries[i]);
	free(entries);
}

/* ------------------------------------------------------ declarations */

static void declaration_para(struct minutes_ctx *c, const struct declaration *d)
{
	struct person p = {0};
	struct clerk_err err = {0};
	if (!minutes_read(c, person_get(c->db, d->person_id, &p, &err), &err,
			  "a member who declared an interest"))
		return;
	char *name = person_display_name(&p);
	struct style_var pv[3];
	minutes_pronouns(p.pronoun, pv);
	char *minute = minutes_item_number(c, d->item_id);
	char *kindkey = xasprintf("interest.%s", interest_kind_text(d->kind));
	const char *kind = style_get(&c->style, kindkey, interest_kind_text(d->kind));
	/* A sensitive interest: its existence only — no kind, no detail. */
	const struct style_var v[] = {
		{"name", name},
		{"kind", d->sensitive ? "" : kind},
		{"what", d->sensitive ? "" : d->what},
		{"minute", minute},
		{"title", minutes_item_title(c, d->item_id)},
		pv[0],
		pv[1],
		pv[2]};
	struct strbuf sb = {0};
	char *s = minutes_say(c, d->sensitive ? "declarations.sensitive"
					      : "declarations.entry",
			      v, 8);
	if (s)
		sb_add(&sb, s);
	free(s);
	if (d->left_room && (s = minutes_say(c, "declarations.left", v, 8))) {
		sb_addf(&sb, "%s%s", sb.len ? " " : "", s);
		free(s);
	}
	if (d->dispensation &&
	    (s = minutes_say(c, "declarations.dispensation", v, 8))) {
		sb_addf(&sb, "%s%s", sb.len ? " " : "", s);
		free(s);
	}
	if (sb.len)
		doc_add(c->doc, DOC_PARA, sb_str(&sb));
	sb_free(&sb);
	free(kindkey);
	free(minute);
	free(name);
	person_free(&p);
}

void minutes_declarations(struct minutes_ctx *c)
{
	if (!c->decl.n) {
		char *s = minutes_say(c, "declarations.none", NULL, 0);
		if (s)
			doc_add(c->doc, DOC_PARA, s);
		free(s);
	}
	for (size_t i = 0; i < c->decl.n; i++)
		declaration_para(c, &c->decl.v[i]);
}
