/*
 * export/people: who was there, in the house style — the attendance (a
 * PRESENT table with the chairman and vice-chairman first and p / a
 * markers, or a sentence of names), those also in attendance, apologies
 * written as sentences from what was recorded about each member's
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
	/* Substitutes, when the style lists them. */
	for (size_t i = 0; i < c->att.n; i++) {
		const struct attendance *a = &c->att.v[i];
		if (a->status != ATT_SUBSTITUTE && !(a->status == ATT_PRESENT &&
						     *a->substitute_for))
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
	for (size_t i = 0; i < c->att.n; i++)
		if (c->att.v[i].status == ATT_SUBSTITUTE) {
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

static void also_in_attendance(struct minutes_ctx *c, bool run)
{
	char **names = xcalloc(c->att.n + 1, sizeof *names);
	size_t k = 0;
	for (size_t i = 0; i < c->att.n; i++) {
		const struct attendance *a = &c->att.v[i];
		if (a->status != ATT_IN_ATTENDANCE)
			continue;
		char *s = entry_text(c, "also.entry", a, "");
		if (s)
			names[k++] = s;
	}
	if (k && run) {
		char *all = join_names(names, k);
		const struct style_var v[] = {{"names", all}};
		char *s = minutes_say(c, "also.run", v, 1);
		if (s)
			doc_add(c->doc, DOC_PARA, s);
		free(s);
		free(all);
	} else if (k) {
		char *h = minutes_say(c, "also.heading", NULL, 0);
		if (h)
			doc_add(c->doc, DOC_PARA, h);
		free(h);
		for (size_t i = 0; i < k; i++)
			doc_add(c->doc, DOC_PARA, names[i]);
	}
	for (size_t i = 0; i < k; i++)
		free(names[i]);
	free(names);
	if (run && c->meeting.public_present > 0) {
		char count[16];
		snprintf(count, sizeof count, "%d", c->meeting.public_present);
		const struct style_var v[] = {{"count", count}};
		char *s = minutes_say(c, "public.run", v, 1);
		if (s)
			doc_add(c->doc, DOC_PARA, s);
		free(s);
	}
}

void minutes_attendance(struct minutes_ctx *c)
{
	const struct attendance **rows = xcalloc(c->att.n + 1, sizeof *rows);
	size_t n = 0;
	for (size_t i = 0; i < c->att.n; i++)
		if (is_member(&c->att.v[i]))
			rows[n++] = &c->att.v[i];
	qsort(rows, n, sizeof *rows, by_surname);
	bool run = strcmp(style_get(&c->style, "present.layout", "table"),
			  "run") == 0;
	if (run)
		attendance_run(c, rows, n);
	else
		attendance_table(c, rows, n);
	also_in_attendance(c, run);
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

/* The clause about a member's substitute (style apologies.sub_*). */
static char *substitute_clause(struct minutes_ctx *c, const struct attendance *a,
			       const struct style_var pv[3])
{
	const struct attendance *sub = NULL;
	for (size_t i = 0; i < c->att.n; i++)
		if (strcmp(c->att.v[i].substitute_for, a->person_id) == 0)
			sub = &c->att.v[i];
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
		const struct style_var v[] = {{"name", name},
					      {"capacity", cap},
					      {"reason", reason_of(a->note)},
					      {"then", then ? then : "."},
					      pv[0],
					      pv[1],
					      pv[2]};
		char *s = minutes_say(c, run ? "apologies.run_entry"
					     : "apologies.entry",
				      v, 7);
		if (s)
			entries[k++] = s;
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
	if (person_get(c->db, d->person_id, &p, &err))
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
