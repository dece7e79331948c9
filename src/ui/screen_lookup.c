/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/screen_lookup: the look-up console — bodies, a body's membership, a
 * person's seats, attendance and declarations, full-text search, and the
 * minutes of a meeting opened at an item.
 *
 * Every page is the same screen: a title row, a list of entries (each one
 * or more text lines, some of which can be opened with Enter), and the
 * status row.  The entries are a list pane (src/ui/pane.h) whose rows are
 * as tall as their lines, so they move, page and scroll as every list
 * does; a page with nothing to open (the minutes) scrolls as a pager.
 * Opening an entry runs the next page on top (a nested ui_app_run), so Esc
 * simply returns to the page below.  Pages keep the
 * data they show and rebuild their lines when the width changes, so text
 * is wrapped to the terminal, never cut mid-word when it can be wrapped.
 * All data comes from the lookup module (read-only) and, for minutes, the
 * export module's public minutes rendered as text.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "clerk/export.h"
#include "clerk/lookup.h"
#include "clerk/model.h"
#include "clerk/ui_lookup.h"

enum page_kind { PAGE_BODIES, PAGE_MEMBERS, PAGE_PERSON, PAGE_SEARCH, PAGE_TEXT };

/* What Enter on an entry opens. */
enum open_kind { OPEN_NONE, OPEN_BODY, OPEN_PERSON, OPEN_MINUTES };

struct entry {
	enum open_kind open;
	char id[CLERK_UUID_LEN];      /* body, person or meeting */
	char item_id[CLERK_UUID_LEN]; /* OPEN_MINUTES: the item */
	size_t first, nlines;         /* its lines */
};

struct line {
	enum ui_role role;
	char *text; /* may hold LOOKUP_MARK_OPEN/CLOSE around matches */
	size_t entry;
};

struct page {
	enum page_kind kind;
	char *title;
	char id[CLERK_UUID_LEN]; /* body (members), person, meeting (text) */
	char item_id[CLERK_UUID_LEN]; /* text: scroll to this item */
	char *query;                  /* search */
	bool best;                    /* search: best match first */
	struct line *lines;
	size_t nlines, cap;
	struct entry *entries;
	size_t nentries, ecap;
	struct list_pane list; /* rows: the entries; top: the first line */
	int width;    /* the width the lines were built for */
	bool scrolled; /* text page: the item was scrolled to */
};

static void page_run(struct app *app, struct page *p);

/* ------------------------------------------------------------ building */

static void page_clear(struct page *p)
{
	for (size_t i = 0; i < p->nlines; i++)
		free(p->lines[i].text);
	p->nlines = 0;
	p->nentries = 0;
}

static void page_free(struct page *p)
{
	page_clear(p);
	free(p->lines);
	free(p->entries);
	free(p->title);
	free(p->query);
	memset(p, 0, sizeof *p);
}

/* Start a new entry; lines added next belong to it. */
static struct entry *entry_add(struct page *p, enum open_kind open,
			       const char *id, const char *item_id)
{
	if (p->nentries == p->ecap) {
		p->ecap = p->ecap ? 2 * p->ecap : 32;
		p->entries = xrealloc(p->entries, p->ecap * sizeof *p->entries);
	}
	struct entry *e = &p->entries[p->nentries++];
	memset(e, 0, sizeof *e);
	e->open = open;
	snprintf(e->id, sizeof e->id, "%s", id ? id : "");
	snprintf(e->item_id, sizeof e->item_id, "%s", item_id ? item_id : "");
	e->first = p->nlines;
	return e;
}

static void line_add(struct page *p, enum ui_role role, const char *text)
{
	if (!p->nentries)
		entry_add(p, OPEN_NONE, NULL, NULL);
	if (p->nlines == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->lines = xrealloc(p->lines, p->cap * sizeof *p->lines);
	}
	struct line *l = &p->lines[p->nlines++];
	l->role = role;
	l->text = xstrdup(text);
	l->entry = p->nentries - 1;
	p->entries[l->entry].nlines++;
}

/* Add text wrapped to the page's width, continuation lines indented. */
static void wrap_add(struct page *p, enum ui_role role, int indent,
		     const char *text)
{
	int width = p->width - indent - 1;
	char **lines = NULL;
	size_t n = ui_wrap(text, width > 10 ? width : 10, &lines);
	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("%*s%s", indent + (i ? 2 : 0), "", lines[i]);
		line_add(p, role, t);
		free(t);
	}
	if (!n)
		line_add(p, role, "");
	ui_lines_free(lines, n);
}

static void wrap_addf(struct page *p, enum ui_role role, int indent,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void wrap_addf(struct page *p, enum ui_role role, int indent,
		      const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	wrap_add(p, role, indent, sb_str(&sb));
	sb_free(&sb);
}

static const char *role_title(const char *role)
{
	if (strcmp(role, "chairman") == 0)
		return " (Chairman)";
	if (strcmp(role, "vice-chairman") == 0)
		return " (Vice-Chairman)";
	return "";
}

static void build_bodies(struct app *app, struct page *p)
{
	struct lookup_body_list l;
	struct clerk_err err = {0};
	free(p->title);
	p->title = xstrdup("Bodies: choose one to see its membership");
	if (lookup_body_all(ui_app_db(app), &l, &err)) {
		wrap_add(p, UI_ROLE_ERROR, 1, err.msg);
		return;
	}
	for (size_t i = 0; i < l.n; i++) {
		entry_add(p, OPEN_BODY, l.v[i].id, NULL);
		wrap_addf(p, l.v[i].ended ? UI_ROLE_DIM : UI_ROLE_NORMAL, 1,
			  "%s%s%s%s%s%s%s", l.v[i].name,
			  *l.v[i].short_name ? " (" : "", l.v[i].short_name,
			  *l.v[i].short_name ? ")" : "",
			  l.v[i].ended ? " \u2014 ended" : "",
			  l.v[i].ended && *l.v[i].ended ? ": " : "",
			  l.v[i].ended ? l.v[i].ended : "");
	}
	if (!l.n)
		wrap_add(p, UI_ROLE_DIM, 1, "No bodies yet (clerk demo builds one).");
	lookup_body_list_free(&l);
}

static void holder_line(struct page *p, const char *lead,
			const struct lookup_holder *h, const char *role)
{
	entry_add(p, OPEN_PERSON, h->person_id, NULL);
	wrap_addf(p, UI_ROLE_NORMAL, 6, "%s%s%s%s%s", lead, h->name,
		  role ? role_title(role) : "", *h->capacity ? ", " : "",
		  h->capacity);
}

static void build_members(struct app *app, struct page *p)
{
	struct lookup_membership m;
	struct clerk_err err = {0};
	if (lookup_membership(ui_app_db(app), p->id, NULL, &m, &err)) {
		wrap_add(p, UI_ROLE_ERROR, 1, err.msg);
		return;
	}
	free(p->title);
	p->title = xasprintf("%s%s%s%s%s · %s · %d seats, %d filled · quorum %d",
			     m.body.name, *m.body.short_name ? " (" : "",
			     m.body.short_name, *m.body.short_name ? ")" : "",
			     m.body.ended ? " (ended)" : "", m.date, m.in_use,
			     m.filled, m.quorum);
	for (size_t i = 0; i < m.nseats; i++) {
		const struct lookup_seat *s = &m.seats[i];
		if (!s->in_use)
			continue;
		entry_add(p, OPEN_NONE, NULL, NULL);
		wrap_addf(p, UI_ROLE_TITLE, 0, "%2d  %s%s", s->position, s->label,
			  s->voting ? "" : " (non-voting)");
		if (s->filled)
			holder_line(p, "", &s->member, s->role);
		else
			wrap_addf(p, UI_ROLE_WARN, 6, "vacant%s%s",
				  *s->vacancy_note ? ": " : "", s->vacancy_note);
		for (size_t j = 0; j < s->nsubs; j++)
			holder_line(p, "substitute: ", &s->subs[j], NULL);
		if (s->substitute_tbc) {
			entry_add(p, OPEN_NONE, NULL, NULL);
			wrap_add(p, UI_ROLE_WARN, 6, "substitute: TBC");
		}
	}
	lookup_membership_free(&m);
}

static void person_posts(struct app *app, struct page *p,
			 struct lookup_person *who)
{
	struct clerk_err err = {0};
	entry_add(p, OPEN_NONE, NULL, NULL);
	line_add(p, UI_ROLE_TITLE, "SEATS");
	if (lookup_person_posts(ui_app_db(app), who, NULL, &err)) {
		wrap_add(p, UI_ROLE_ERROR, 1, err.msg);
		return;
	}
	for (size_t i = 0; i < who->nposts; i++) {
		const struct lookup_post *o = &who->posts[i];
		entry_add(p, OPEN_BODY, o->body_id, NULL);
		if (o->substitute)
			wrap_addf(p, UI_ROLE_NORMAL, 2,
				  "%s: substitute%s%s, %s, since %s", o->body_name,
				  *o->for_member ? " for " : " (seat vacant)",
				  o->for_member, o->seat_label, o->since);
		else
			wrap_addf(p, UI_ROLE_NORMAL, 2, "%s: %s, %s, since %s",
				  o->body_name,
				  *role_title(o->role) ? role_title(o->role) + 1
						       : "member",
				  o->seat_label, o->since);
	}
	if (!who->nposts)
		wrap_add(p, UI_ROLE_DIM, 2, "no seat and no nomination now");
}

static void person_attendance(struct app *app, struct page *p,
			      const char *person_id)
{
	struct lookup_attendance_list l;
	struct clerk_err err = {0};
	entry_add(p, OPEN_NONE, NULL, NULL);
	line_add(p, UI_ROLE_NORMAL, "");
	line_add(p, UI_ROLE_TITLE, "ATTENDANCE");
	if (lookup_attendance(ui_app_db(app), NULL, person_id, NULL, NULL, &l,
			      &err)) {
		wrap_add(p, UI_ROLE_ERROR, 1, err.msg);
		return;
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct lookup_attendance *a = &l.v[i];
		enum lookup_rule rule = lookup_rule_of(a);
		char note[192] = "";
		if (rule == LOOKUP_RULE_PASSED)
			snprintf(note, sizeof note,
				 " — six months without attending the authority: "
				 "ceases to be a member unless the absence was "
				 "approved (s.85)");
		else if (rule == LOOKUP_RULE_SOON)
			snprintf(note, sizeof note,
				 " — six-month rule (s.85) in %ld days",
				 a->s85_days_left);
		else if (rule == LOOKUP_RULE_APPROVED)
			snprintf(note, sizeof note,
				 " — absence approved until %s (s.85)",
				 a->approved_until);
		wrap_addf(p, rule == LOOKUP_RULE_PASSED ? UI_ROLE_ERROR
			     : rule == LOOKUP_RULE_SOON ? UI_ROLE_WARN
							: UI_ROLE_NORMAL,
			  2,
			  "%s: expected %d, present %d, as substitute %d, "
			  "apologies %d, absent %d, substitute sent %d; last "
			  "attended %s%s",
			  a->body_name, a->expected, a->present, a->as_substitute,
			  a->apologies, a->absent, a->substitute_sent,
			  *a->last_attended ? a->last_attended : "never", note);
	}
	if (!l.n)
		wrap_add(p, UI_ROLE_DIM, 2, "not expected at any meeting held, and attended none");
	lookup_attendance_list_free(&l);
	/* The reasons given with each apology. */
	struct lookup_apology_list ap = {0};
	if (lookup_apologies(ui_app_db(app), NULL, person_id, NULL, NULL, &ap,
			     &err)) {
		wrap_add(p, UI_ROLE_ERROR, 1, err.msg);
		return;
	}
	for (size_t i = 0; i < ap.n; i++)
		wrap_addf(p, UI_ROLE_NORMAL, 2, "apology %s, %s: %s",
			  ap.v[i].date, ap.v[i].body_name,
			  *ap.v[i].reason ? ap.v[i].reason : "no reason given");
	lookup_apology_list_free(&ap);
}

static void person_declarations(struct app *app, struct page *p,
				const char *person_id)
{
	struct lookup_declaration_list l;
	struct clerk_err err = {0};
	entry_add(p, OPEN_NONE, NULL, NULL);
	line_add(p, UI_ROLE_NORMAL, "");
	line_add(p, UI_ROLE_TITLE, "DECLARATIONS OF INTEREST");
	if (lookup_person_declarations(ui_app_db(app), person_id, &l, &err)) {
		wrap_add(p, UI_ROLE_ERROR, 1, err.msg);
		return;
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct lookup_declaration *d = &l.v[i];
		entry_add(p, OPEN_MINUTES, d->meeting_id, d->item_id);
		wrap_addf(p, UI_ROLE_NORMAL, 2, "%s %s %s %s: %s interest%s%s%s",
			  d->date, *d->body_short ? d->body_short : d->body_name,
			  d->item_number, d->item_title, d->kind,
			  d->sensitive ? " (sensitive: not published)" : ": ",
			  d->what, d->left_room ? "; left the room" : "");
	}
	if (!l.n)
		wrap_add(p, UI_ROLE_DIM, 2, "none recorded");
	lookup_declaration_list_free(&l);
}

static void build_person(struct app *app, struct page *p)
{
	struct lookup_person_list people;
	struct clerk_err err = {0};
	if (lookup_people_match(ui_app_db(app), p->id, &people, &err) ||
	    people.n != 1) {
		wrap_add(p, UI_ROLE_ERROR, 1,
			 err.msg[0] ? err.msg : "this person is no longer there");
		lookup_person_list_free(&people);
		return;
	}
	struct lookup_person *who = &people.v[0];
	free(p->title);
	p->title = xasprintf("%s%s%s%s%s", who->name, *who->role ? ", " : "",
			     who->role, *who->organisation ? ", " : "",
			     who->organisation);
	person_posts(app, p, who);
	person_attendance(app, p, who->id);
	person_declarations(app, p, who->id);
	lookup_person_list_free(&people);
}

static void build_search(struct app *app, struct page *p)
{
	struct lookup_search_opts opts = {.text = p->query, .limit = 200,
					  .best = p->best};
	struct lookup_hit_list hits;
	struct clerk_err err = {0};
	enum clerk_status st = lookup_search(ui_app_db(app), &opts, &hits, &err);
	if (st) {
		if (clerk_status_storage(st))
			clerk_fail_reading(&err, st, "the records searched");
		wrap_add(p, UI_ROLE_ERROR, 1, err.msg);
		return;
	}
	for (size_t i = 0; i < hits.n; i++) {
		const struct lookup_hit *h = &hits.v[i];
		entry_add(p, OPEN_MINUTES, h->meeting_id, h->item_id);
		wrap_addf(p, UI_ROLE_TITLE, 1, "%s · %s%s%s · %s%s · %s %s",
			  *h->body_short ? h->body_short : h->body_name, h->date,
			  *h->minute ? " · minute " : "", h->minute,
			  strcmp(h->kind, "item") == 0 ? "agenda" : h->kind,
			  h->exempt ? " (exempt)" : "", h->item_number,
			  h->item_title);
		/* The snippet keeps its marks: one line, its match in view. */
		char *snip = lookup_snippet_focus(h->snippet, p->width - 4);
		char *t = xasprintf("    %s", snip);
		line_add(p, UI_ROLE_NORMAL, t);
		free(t);
		free(snip);
	}
	if (!hits.n)
		wrap_addf(p, UI_ROLE_DIM, 1, "Nothing recorded matches '%s'.",
			  p->query);
	free(p->title);
	p->title = xasprintf("Search: %s · %zu hit%s, %s", p->query, hits.n,
			     hits.n == 1 ? "" : "s",
			     p->best ? "best match first" : "newest first");
	lookup_hit_list_free(&hits);
}

/* The public minutes of a meeting (its agenda when not held yet), as the
 * text exporter lays them out, with the item's line noted. */
static void build_text(struct app *app, struct page *p)
{
	struct db *db = ui_app_db(app);
	struct clerk_err err = {0};
	struct meeting m = {0};
	struct doc doc = {0};
	struct export_opts opts = {0};
	char *text = NULL;
	if (meeting_get(db, p->id, &m, &err) ||
	    (m.status == MEETING_SCHEDULED || meeting_called_off(&m)
		     ? export_agenda_build(db, p->id, &opts, &doc, &err)
		     : export_minutes_build(db, p->id, &opts, &doc, &err)) ||
	    export_render(&export_text_ops, &doc, &text, &err)) {
		wrap_add(p, UI_ROLE_ERROR, 1, err.msg);
		goto out;
	}
	free(p->title);
	p->title = xstrdup(doc.title ? doc.title : "Minutes");
	struct agenda_item it = {0};
	char *needle = NULL;
	if (*p->item_id && item_get(db, p->item_id, &it, &err) == CLERK_OK) {
		/* Minute headings are the titles in capitals. */
		needle = utf8_upper(it.title);
		/* At most 24 bytes, cut between characters. */
		size_t cut = strlen(needle) > 24 ? 24 : strlen(needle);
		while (cut && ((unsigned char)needle[cut] & 0xC0) == 0x80)
			cut--;
		needle[cut] = '\0';
	}
	size_t found = (size_t)-1;
	for (char *s = text, *nl; s && *s; s = nl ? nl + 1 : NULL) {
		nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		if (needle && found == (size_t)-1 && strstr(s, needle))
			found = p->nlines;
		line_add(p, UI_ROLE_NORMAL, s);
		if (!nl)
			break;
	}
	if (found != (size_t)-1 && !p->scrolled) {
		p->list.top = found;
		p->scrolled = true;
	}
	free(needle);
	item_free(&it);
out:
	free(text);
	doc_free(&doc);
	meeting_free(&m);
}

static void page_build(struct app *app, struct page *p)
{
	page_clear(p);
	p->width = ui_app_cols(app);
	switch (p->kind) {
	case PAGE_BODIES:
		build_bodies(app, p);
		break;
	case PAGE_MEMBERS:
		build_members(app, p);
		break;
	case PAGE_PERSON:
		build_person(app, p);
		break;
	case PAGE_SEARCH:
		build_search(app, p);
		break;
	case PAGE_TEXT:
		build_text(app, p);
		break;
	}
	size_t *sel = &p->list.sel;
	if (*sel >= p->nentries)
		*sel = 0;
	/* Start on the first entry that opens something. */
	while (*sel + 1 < p->nentries && p->entries[*sel].open == OPEN_NONE)
		(*sel)++;
}

/* ------------------------------------------------------------- drawing */

/* Paint text with its marked words in another role; returns columns. */
static int put_marked(struct app *app, int y, int x, int width,
		      enum ui_role role, enum ui_role hi, const char *text)
{
	int used = 0;
	bool marked = false;
	for (const char *s = text; *s && used < width;) {
		if (*s == LOOKUP_MARK_OPEN || *s == LOOKUP_MARK_CLOSE) {
			marked = *s == LOOKUP_MARK_OPEN;
			s++;
			continue;
		}
		size_t n = strcspn(s, "\x01\x02");
		char *seg = xstrndup(s, n);
		used += ui_put(app, y, x + used, width - used, marked ? hi : role,
			       false, seg);
		free(seg);
		s += n;
	}
	return used;
}

static int body_rows(struct app *app)
{
	int rows = ui_app_rows(app) - 2;
	return rows > 1 ? rows : 1;
}

static bool selectable(const struct page *p)
{
	for (size_t i = 0; i < p->nentries; i++)
		if (p->entries[i].open != OPEN_NONE)
			return true;
	return false;
}

/* The list pane's rows are the entries: as tall as their lines, and
 * passed over when they open nothing (a seat's heading). */
static size_t entry_height(const void *ctx, size_t row)
{
	const struct page *p = ctx;
	return p->entries[row].nlines;
}

static bool entry_shut(const void *ctx, size_t row)
{
	const struct page *p = ctx;
	return p->entries[row].open == OPEN_NONE;
}

static const char *hints(struct app *app, const struct page *p,
			 struct strbuf *sb)
{
	static const enum ui_action acts[] = {
		UI_ACT_help,	   UI_ACT_select, UI_ACT_back, UI_ACT_find_text,
		UI_ACT_find_person, UI_ACT_bodies, UI_ACT_quit};
	static const char *const words[] = {"help", "open",   "back", "search",
					    "who",  "bodies", "quit"};
	const struct ui_keymap *km = ui_app_keymap(app);
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		if (km->nkeys[acts[i]] == 0)
			continue;
		if (acts[i] == UI_ACT_select && !selectable(p))
			continue;
		char name[32];
		ui_key_name(km->keys[acts[i]][0], name);
		/* "<Enter>" reads better as "Enter" on the status row */
		if (name[0] == '<' && name[1]) {
			memmove(name, name + 1, strlen(name));
			name[strlen(name) - 1] = '\0';
		}
		sb_addf(sb, "%s%s %s", sb->len ? "|" : "", name, words[i]);
	}
	return sb_str(sb);
}

static void page_draw(struct app *app, void *state)
{
	struct page *p = state;
	int cols = ui_app_cols(app), rows = body_rows(app);
	if (p->width != cols)
		page_build(app, p);
	list_pane_fit(&p->list, p->nentries, (struct ui_rect){1, 0, rows, cols});
	ui_put(app, 0, 0, cols, UI_ROLE_HEADER, true, p->title ? p->title : "");
	bool sel = selectable(p);
	for (int r = 0; r < rows; r++) {
		size_t i = p->list.top + (size_t)r;
		int y = 1 + r;
		if (i >= p->nlines) {
			ui_put(app, y, 0, cols, UI_ROLE_NORMAL, true, "");
			continue;
		}
		const struct line *l = &p->lines[i];
		bool on = sel && l->entry == p->list.sel;
		enum ui_role role = on ? UI_ROLE_SELECTED : l->role;
		ui_put(app, y, 0, cols, role, true, "");
		put_marked(app, y, 0, cols, role, on ? UI_ROLE_SELECTED : UI_ROLE_KEY,
			   l->text);
	}
	struct strbuf sb = {0};
	ui_draw_status(app, ui_app_rows(app) - 1, hints(app, p, &sb));
	sb_free(&sb);
}

/* -------------------------------------------------------------- keys */

static void open_page(struct app *app, enum page_kind kind, const char *id,
		      const char *item_id, const char *query)
{
	struct page next = {.kind = kind};
	next.list.height = entry_height;
	next.list.skip = entry_shut;
	snprintf(next.id, sizeof next.id, "%s", id ? id : "");
	snprintf(next.item_id, sizeof next.item_id, "%s", item_id ? item_id : "");
	next.query = query ? xstrdup(query) : NULL;
	page_run(app, &next);
	page_free(&next);
}

static void open_entry(struct app *app, struct page *p)
{
	if (p->list.sel >= p->nentries)
		return;
	const struct entry *e = &p->entries[p->list.sel];
	char id[CLERK_UUID_LEN], item[CLERK_UUID_LEN];
	memcpy(id, e->id, sizeof id);
	memcpy(item, e->item_id, sizeof item);
	switch (e->open) {
	case OPEN_BODY:
		open_page(app, PAGE_MEMBERS, id, NULL, NULL);
		break;
	case OPEN_PERSON:
		open_page(app, PAGE_PERSON, id, NULL, NULL);
		break;
	case OPEN_MINUTES:
		open_page(app, PAGE_TEXT, id, item, NULL);
		break;
	case OPEN_NONE:
		break;
	}
}

static void ask_search(struct app *app)
{
	char *q = ui_prompt(app, "Search the minutes for", "");
	if (q && q[strspn(q, " ")])
		open_page(app, PAGE_SEARCH, NULL, NULL, q);
	free(q);
}

/* Find a person by name: one opens, several are offered, none suggests. */
static void ask_person(struct app *app)
{
	char *q = ui_prompt(app, "Who (part of a name)", "");
	struct lookup_person_list l = {0};
	struct clerk_err err = {0};
	if (!q || !q[strspn(q, " ")]) {
		free(q);
		return;
	}
	if (lookup_people_match(ui_app_db(app), q, &l, &err)) {
		ui_app_error(app, &err);
	} else if (l.n == 0) {
		char **near = NULL;
		lookup_people_suggest(ui_app_db(app), q, 3, &near, &err);
		if (near && near[0])
			ui_app_message(app, UI_ROLE_WARN,
				       "Nobody matches '%s'; did you mean %s?", q,
				       near[0]);
		else
			ui_app_message(app, UI_ROLE_WARN, "Nobody matches '%s'", q);
		lookup_strings_free(&near);
	} else {
		struct ui_pick_item *items = xcalloc(l.n, sizeof *items);
		for (size_t i = 0; i < l.n; i++)
			items[i].label = l.v[i].name;
		int c = l.n == 1 ? 0 : ui_pick(app, "Which person?", items, l.n, 0);
		if (c >= 0)
			open_page(app, PAGE_PERSON, l.v[c].id, NULL, NULL);
		free(items);
	}
	lookup_person_list_free(&l);
	free(q);
}

static enum ui_key_result page_key(struct app *app, void *state, int key)
{
	struct page *p = state;
	static const enum ui_context ctxs[] = {UI_CTX_BROWSE, UI_CTX_LIST};
	enum ui_action a = ui_keymap_lookup_in(ui_app_keymap(app), ctxs, 2, key);
	/* a page keeps one line of the last in view */
	if (list_pane_navigate(&p->list, a, body_rows(app) - 1))
		return UI_KEY_USED;
	switch (a) {
	case UI_ACT_select:
		open_entry(app, p);
		p->width = 0; /* rebuild: the data may have changed meanwhile */
		break;
	case UI_ACT_back:
	case UI_ACT_cancel:
		return UI_KEY_LEAVE;
	case UI_ACT_find_text:
		ask_search(app);
		break;
	case UI_ACT_search_order: /* the hits again, in the other order */
		if (p->kind != PAGE_SEARCH)
			return UI_KEY_UNUSED;
		p->best = !p->best;
		p->width = 0;
		p->list.sel = p->list.top = 0; /* the first hit of the new order */
		break;
	case UI_ACT_find_person:
		ask_person(app);
		break;
	case UI_ACT_bodies:
		open_page(app, PAGE_BODIES, NULL, NULL, NULL);
		break;
	default:
		return UI_KEY_UNUSED;
	}
	return UI_KEY_USED;
}

static size_t page_contexts(struct app *app, void *state,
			    enum ui_context out[4])
{
	(void)app;
	(void)state;
	out[0] = UI_CTX_BROWSE;
	out[1] = UI_CTX_LIST;
	return 2;
}

static const struct ui_screen_ops page_ops = {
	.name = "lookup",
	.draw = page_draw,
	.key = page_key,
	.resize = NULL,
	.tick = NULL,
	.may_quit = NULL,
	.contexts = page_contexts,
};

static void page_run(struct app *app, struct page *p)
{
	struct ui_screen screen = {&page_ops, p};
	p->list.ctx = p;
	page_build(app, p);
	ui_app_run(app, &screen);
}

void ui_lookup_run(struct app *app, const struct ui_lookup_start *start)
{
	if (start->person_id) {
		open_page(app, PAGE_PERSON, start->person_id, NULL, NULL);
	} else if (start->search) {
		open_page(app, PAGE_SEARCH, NULL, NULL, start->search);
	} else if (start->body_id) {
		open_page(app, PAGE_MEMBERS, start->body_id, NULL, NULL);
	} else {
		struct lookup_body_list l = {0};
		struct clerk_err err = {0};
		lookup_body_all(ui_app_db(app), &l, &err);
		if (l.n == 1)
			open_page(app, PAGE_MEMBERS, l.v[0].id, NULL, NULL);
		else
			open_page(app, PAGE_BODIES, NULL, NULL, NULL);
		lookup_body_list_free(&l);
	}
}
