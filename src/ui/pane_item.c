/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/pane_item: the current item's pane of the live console: its title,
 * its running clock against the time planned, and everything captured on
 * it as the minutes will print it (clerk/record.h keeps the order), newest
 * last; [ and ] scroll back and forth through the older captures.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/record.h"
#include "clerk/ui_live.h"
#include "live_screen.h"

struct lines {
	char **text;
	enum ui_role *role;
	size_t n, cap;
};

static void fmt_clock(int secs, char out[16])
{
	if (secs < 0)
		secs = -secs;
	if (secs >= 3600)
		snprintf(out, 16, "%d:%02d:%02d", secs / 3600, secs / 60 % 60,
			 secs % 60);
	else
		snprintf(out, 16, "%02d:%02d", secs / 60, secs % 60);
}

static void add_line(struct lines *ls, enum ui_role role, char *text)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 32;
		ls->text = xrealloc(ls->text, ls->cap * sizeof *ls->text);
		ls->role = xrealloc(ls->role, ls->cap * sizeof *ls->role);
	}
	ls->text[ls->n] = text;
	ls->role[ls->n] = role;
	ls->n++;
}

/* Add text wrapped to width, the rows after the first indented by indent. */
static void add_wrapped(struct lines *ls, enum ui_role role, int width,
			int indent, const char *text)
{
	char **rows;
	size_t n = ui_wrap(text, width - indent, &rows);
	/* The rows are kept, not copied: a long paragraph is thousands. */
	for (size_t i = 0; i < n; i++) {
		char *row = rows[i];
		if (i > 0 && indent > 0) {
			size_t len = strlen(rows[i]);
			row = xmalloc((size_t)indent + len + 1);
			memset(row, ' ', (size_t)indent);
			memcpy(row + indent, rows[i], len + 1);
			free(rows[i]);
		}
		add_line(ls, role, row);
	}
	free(rows);
}

/* The label of a section as the minutes print it ("The Board heard
 * that:"), else `fallback`.  Caller frees. */
static char *section_label(struct app *app, struct live_screen *s,
			   const char *key, const char *fallback)
{
	char *v = export_style_sentence(ui_live_style(app, s), &s->l->body,
					key, NULL);
	return v ? v : xstrdup(fallback);
}

/* One capture as the minutes print it, under its section's heading when
 * it starts a run of that section (*last: the section of the capture
 * shown just before, -1 after anything else). */
static void add_text(struct app *app, struct lines *ls,
		     struct live_screen *s, const struct minute_text *t,
		     int *last, int width)
{
	const struct live *l = s->l;
	const char *heading = NULL, *bullet = "";
	char *label = NULL;
	switch (t->section) {
	case SECTION_RECEIVED:
		bullet = "Received: ";
		break;
	case SECTION_NARRATIVE:
		break;
	case SECTION_HEARD:
		heading = label = section_label(app, s, "heard", "Heard that:");
		bullet = "  - ";
		break;
	case SECTION_COMMENTED:
		heading = label = section_label(app, s, "commented",
						"Members commented:");
		bullet = "  - ";
		break;
	case SECTION_EXEMPT:
		heading = "Confidential minute:";
		bullet = "  ";
		break;
	}
	if (heading && *last != (int)t->section)
		add_line(ls, UI_ROLE_TITLE, xstrdup(heading));
	free(label);
	*last = (int)t->section;
	/* "Received" as minuted: the style's sentence around it. */
	char *said = t->section == SECTION_RECEIVED
			     ? export_style_sentence(ui_live_style(app, s),
						     &l->body, "received",
						     t->body)
			     : NULL;
	/* Not xasprintf: printf copies a long %s a byte at a time. */
	char *line = said;
	if (!line) {
		struct strbuf sb = {0};
		sb_add(&sb, bullet);
		sb_add(&sb, t->body);
		line = sb_detach(&sb);
	}
	bool unfinished = live_text_unfinished(l, t->id);
	if (unfinished) {
		/* Saved by a hang-up: shown as such until accepted. */
		char *u = xasprintf("%s [UNFINISHED: saved when the "
				    "terminal hung up; A accepts, E "
				    "corrects]",
				    line);
		free(line);
		line = u;
	}
	add_wrapped(ls, unfinished ? UI_ROLE_WARN : UI_ROLE_NORMAL, width,
		    strlen(bullet) > 4 ? 2 : (int)strlen(bullet), line);
	free(line);
}

/* A late arrival, a departure or a member leaving for an interest, where
 * it happened in the item, as the minutes say it. */
static void add_movement(struct lines *ls, const struct live *l,
			 const struct event *e, int width)
{
	if (e->kind != EVENT_ARRIVED && e->kind != EVENT_LEFT)
		return;
	char *who = live_person_name(l, e->person_id);
	char at[16];
	ui_live_fmt_time(l, e->at, at);
	char *line = xasprintf(
		"%s %s at %s", who,
		e->kind == EVENT_ARRIVED	    ? "arrived"
		: !strcmp(e->detail, "interest") ? "left the room (interest)"
						 : "left the meeting",
		at);
	add_wrapped(ls, UI_ROLE_DIM, width, 2, line);
	free(line);
	free(who);
}

/* "moved X, seconded Y" under a motion, when either was noted. */
static void add_moved_by(struct lines *ls, const struct live *l,
			 const struct resolution *r, int width)
{
	if (!r->mover[0] && !r->seconder[0])
		return;
	char *m = r->mover[0] ? live_person_name(l, r->mover)
			      : xstrdup("not noted");
	char *sc = r->seconder[0] ? live_person_name(l, r->seconder)
				  : xstrdup("not noted");
	char *line = xasprintf("  moved %s, seconded %s", m, sc);
	add_wrapped(ls, UI_ROLE_DIM, width, 4, line);
	free(line);
	free(m);
	free(sc);
}

/* The count, and the chair's casting vote, once voted on. */
static void add_votes(struct lines *ls, const struct resolution *r,
		      int width)
{
	if (!r->voted)
		return;
	struct strbuf sb = {0};
	sb_addf(&sb, "  %s%d for, %d against, %d abstained",
		r->recorded ? "recorded vote: " : "", r->votes_for,
		r->votes_against, r->votes_abstain);
	if (r->has_casting)
		sb_addf(&sb, "; chair's casting vote %s",
			vote_choice_text(r->casting));
	sb_addf(&sb, " — %s", outcome_text(r->outcome));
	add_wrapped(ls, UI_ROLE_DIM, width, 4, sb_str(&sb));
	sb_free(&sb);
}

/* An action arising: what, who, by when; at its place in the record
 * (where it was recorded, else after the resolution that gave it), as the
 * minutes put it (clerk/record.h). */
static void add_action(struct lines *ls, const struct action *a, int width)
{
	char *line = xasprintf("  Action: %s — %s%s%s", a->body,
			       *a->owner ? a->owner : "no owner",
			       *a->due ? ", by " : "", a->due);
	add_wrapped(ls, UI_ROLE_NORMAL, width, 4, line);
	free(line);
}

static void add_resolution(struct lines *ls, const struct live *l,
			   const struct resolution *r, int n, int width)
{
	struct strbuf sb = {0};
	const char *kind = r->kind == RES_AMENDMENT   ? "Amendment"
			   : r->kind == RES_EXCLUSION ? "Exclusion"
						      : "Motion";
	if (r->outcome == OUTCOME_CARRIED && r->kind != RES_AMENDMENT)
		sb_addf(&sb, "RESOLVED (%d): ", n);
	else
		sb_addf(&sb, "%s (%s): ", kind, outcome_text(r->outcome));
	if (r->preamble && *r->preamble)
		sb_addf(&sb, "%s ", r->preamble);
	sb_add(&sb, r->body);
	bool unfinished = live_motion_unfinished(l, r->id);
	if (unfinished) /* saved by a hang-up: shown as such until accepted */
		sb_add(&sb, " [UNFINISHED: saved when the terminal hung up; "
			    "A accepts, E corrects]");
	enum ui_role role = unfinished			  ? UI_ROLE_WARN
			    : r->outcome == OUTCOME_PENDING ? UI_ROLE_CURRENT
			    : r->outcome == OUTCOME_LOST  ? UI_ROLE_DIM
							  : UI_ROLE_NORMAL;
	add_wrapped(ls, role, width, 2, sb_str(&sb));
	sb_free(&sb);
	add_moved_by(ls, l, r, width);
	add_votes(ls, r, width);
}

/* The declarations made on the item; on the declarations item, every
 * declaration of the meeting. */
static void add_declarations(struct lines *ls, const struct live *l,
			     const struct live_item *it, int width)
{
	const char *id = it->item.id;
	bool all = it->item.kind == ITEM_DECLARATIONS;
	for (size_t i = 0; i < l->declarations.n; i++) {
		const struct declaration *d = &l->declarations.v[i];
		if (!all && strcmp(d->item_id, id) != 0)
			continue;
		int on = live_item_index(l, d->item_id);
		char *who = live_person_name(l, d->person_id);
		char *line = xasprintf(
			"%s%s%s: %s — %s (%s)%s%s", all ? "Item " : "Declared",
			all && on >= 0 ? l->items[on].item.number : "",
			all ? "" : "", who,
			interest_kind_text(d->kind),
			d->sensitive ? "sensitive" : d->what,
			d->dispensation ? ", dispensation" : "",
			d->left_room ? ", leaves the room" : "");
		add_wrapped(ls, UI_ROLE_NORMAL, width, 2, line);
		free(line);
		free(who);
	}
}

/* The captures, decisions and comings and goings in the order they
 * happened, as the minutes keep them (clerk/record.h). */
static void add_record(struct app *app, struct lines *ls,
		       struct live_screen *s, const char *id, int width)
{
	const struct live *l = s->l;
	struct record_list rec = {0};
	record_item_with(&l->events, id, &l->texts, &l->resolutions,
			 &l->actions, NULL, &rec);
	int n = 0, last = -1;
	for (size_t i = 0; i < rec.n; i++) {
		const struct record_entry *e = &rec.v[i];
		if (e->kind == RECORD_TEXT) {
			add_text(app, ls, s, &l->texts.v[e->index], &last, width);
			continue;
		}
		last = -1;
		if (e->kind == RECORD_EVENT) {
			add_movement(ls, l, &l->events.v[e->index], width);
			continue;
		}
		if (e->kind == RECORD_ACTION) {
			add_action(ls, &l->actions.v[e->index], width);
			continue;
		}
		const struct resolution *r = &l->resolutions.v[e->index];
		if (r->outcome == OUTCOME_CARRIED && r->kind != RES_AMENDMENT)
			n++;
		add_resolution(ls, l, r, n, width);
	}
	record_list_free(&rec);
}

static void build_item_lines(struct app *app, struct live_screen *s,
			     const struct live_item *it, int width,
			     struct lines *ls)
{
	const struct live *l = s->l;
	const char *id = it->item.id;
	if (it->item.exempt)
		add_wrapped(ls, UI_ROLE_WARN, width, 2,
			    l->public_excluded
				    ? "EXEMPT: press and public excluded"
				    : "EXEMPT item: exclude the public (X)");
	if (it->item.urgent_reason && *it->item.urgent_reason) {
		char *u = xasprintf("Urgent: %s", it->item.urgent_reason);
		add_wrapped(ls, UI_ROLE_WARN, width, 2, u);
		free(u);
	}
	add_declarations(ls, l, it, width);
	add_record(app, ls, s, id, width);
}

/* A paragraph under a pane's first row, wrapped to the pane, as many rows
 * as fit. */
static void draw_note(struct app *app, struct ui_rect r, enum ui_role role,
		      const char *text)
{
	char **rows;
	size_t nrows = ui_wrap(text, r.w - 2, &rows);
	for (size_t i = 0; i < nrows && (int)i + 2 < r.h; i++)
		ui_put(app, r.y + 2 + (int)i, r.x + 1, r.w - 2, role, false,
		       rows[i]);
	ui_lines_free(rows, nrows);
}

/* Before the first item: what to press to begin. */
static void draw_no_item(struct app *app, struct ui_rect r)
{
	ui_put(app, r.y, r.x + 1, r.w - 1, UI_ROLE_TITLE, false,
	       "Meeting open: no item taken yet");
	char next[64], att[64], pres[64];
	ui_keymap_describe(&app->keymap, UI_ACT_next_item, next, sizeof next);
	ui_keymap_describe(&app->keymap, UI_ACT_attendance, att, sizeof att);
	ui_keymap_describe(&app->keymap, UI_ACT_present, pres, sizeof pres);
	char *text = xasprintf("%s starts the first item.  %s goes to "
			       "the attendance, where %s marks the "
			       "selected person present.",
			       next, att, pres);
	draw_note(app, r, UI_ROLE_NORMAL, text);
	free(text);
}

/* The last read failed: its sentence, and that nothing shown is sure. */
static void draw_unread(struct app *app, const struct live *l,
			struct ui_rect r)
{
	ui_put(app, r.y, r.x + 1, r.w - 1, UI_ROLE_ERROR, false,
	       "The meeting's records could not be read");
	char *text = xasprintf("%s.  The item running, the quorum and the "
			       "clocks are not known until they can be read "
			       "again.",
			       l->unread);
	draw_note(app, r, UI_ROLE_ERROR, text);
	free(text);
}

/* The title on up to two rows, the clock, and any warning; returns the
 * row below them. */
static int draw_item_heading(struct app *app, const struct live *l,
			     const struct live_item *it, struct ui_rect r)
{
	char head[32], clock[160], el[16], plan[16], over[16];
	ui_live_fmt_time(l, it->started, head);
	fmt_clock(it->elapsed, el);
	fmt_clock(it->planned_seconds, plan);
	fmt_clock(-live_item_remaining(l), over);
	const char *run = it->running ? ui_glyph(app, UI_G_CURRENT) : "‖";
	int n = snprintf(clock, sizeof clock, "started %s %s %s", head, run, el);
	if (it->planned_seconds)
		n += snprintf(clock + n, sizeof clock - (size_t)n, " of %s", plan);
	char *title = xasprintf("%s %s", it->item.number, it->item.title);
	char **trows;
	size_t ntrows = ui_wrap(title, r.w - 2, &trows);
	int y = r.y;
	for (size_t i = 0; i < ntrows && i < 2; i++)
		ui_put(app, y++, r.x + 1, r.w - 2, UI_ROLE_TITLE, false, trows[i]);
	ui_lines_free(trows, ntrows);
	free(title);
	ui_put(app, y++, r.x + 1, r.w - 2,
	       it->overrun ? UI_ROLE_WARN : UI_ROLE_CURRENT, false, clock);
	if (it->overrun)
		ui_putf(app, y++, r.x + 1, r.w - 2, UI_ROLE_WARN,
			"OVER TIME by %s", over);
	if (l->adjourned || l->closed)
		ui_put(app, y++, r.x + 1, r.w - 2, UI_ROLE_WARN, false,
		       l->closed ? "Meeting closed" : "Adjourned: z resumes");
	return y;
}

/* The first line shown of n when rows fit: the tail, or as far back as
 * [ scrolled (kept within what there is; reset on a new item). */
static size_t first_shown(struct live_screen *s, size_t n, int *rows)
{
	if (s->scroll_item != s->l->current)
		s->item_scroll = 0;
	s->scroll_item = s->l->current;
	size_t first = n > (size_t)*rows ? n - (size_t)*rows : 0;
	if (s->item_scroll > (int)first)
		s->item_scroll = (int)first;
	if (s->item_scroll < 0)
		s->item_scroll = 0;
	if (s->item_scroll > 0 && *rows > 0)
		(*rows)--; /* room for the note below */
	return first - (size_t)s->item_scroll;
}

static void lines_free(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->text[i]);
	free(ls->text);
	free(ls->role);
}

static void item_draw(struct app *app, struct live_screen *s,
		      struct live_pane *p)
{
	const struct live *l = s->l;
	const struct ui_rect r = p->r;
	const struct live_item *it = ui_live_current_item(l);
	if (l->unread[0]) {
		/* Not "no item taken yet": the records could not be read,
		 * so the item running is not known. */
		draw_unread(app, l, r);
		return;
	}
	if (!it) {
		draw_no_item(app, r);
		return;
	}
	int y = draw_item_heading(app, l, it, r);
	struct lines ls = {0};
	int width = r.w - 2;
	build_item_lines(app, s, it, width, &ls);
	if (it->item.kind == ITEM_PREVIOUS_MINUTES) {
		char *prev[8];
		size_t np = ui_live_previous_lines(app, l, prev, 8);
		for (size_t i = 0; i < np; i++) {
			add_wrapped(&ls, UI_ROLE_NORMAL, width, 2, prev[i]);
			free(prev[i]);
		}
	}
	int rows = r.y + r.h - y;
	size_t first = first_shown(s, ls.n, &rows);
	for (size_t i = first; i < ls.n && i < first + (size_t)rows; i++)
		ui_put(app, y++, r.x + 1, width, ls.role[i], false, ls.text[i]);
	if (s->item_scroll > 0)
		ui_putf(app, y, r.x + 1, width, UI_ROLE_DIM,
			"%d more below (] scrolls on)", s->item_scroll);
	lines_free(&ls);
}

static void item_resize(struct live_pane *p, const struct ui_live_layout *lay)
{
	p->r = lay->item;
}

/* [ and ]: a page of the pane with the focus at a time (the item pane
 * never has it). */
void live_do_item_back(struct app *app, struct live_screen *s)
{
	(void)app;
	s->item_scroll += ui_live_page(s);
}

void live_do_item_forward(struct app *app, struct live_screen *s)
{
	(void)app;
	s->item_scroll -= ui_live_page(s);
}

const struct pane_ops pane_item_ops = {
	.name = "item",
	.context = UI_CTX_LIVE,
	.resize = item_resize,
	.draw = item_draw,
	/* not a list, never has the focus: no key, rows or hints */
};
