/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/dialog: modal widgets on top of a screen: yes/no confirmation, a
 * message box, a picker (a list with search, mouse and disabled entries
 * that say why) and the help screen generated from the action list.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app_private.h"
#include "pane.h"

/* ------------------------------------------------------------ confirm */

struct confirm {
	const char *question;
};

static void confirm_draw(struct app *app, void *ctx)
{
	struct confirm *c = ctx;
	int w = COLS - 4 > 64 ? 64 : COLS - 4;
	char **lines;
	size_t n = ui_wrap(c->question, w - 4, &lines);
	struct ui_rect b = ui_layout_centre(COLS, LINES, w, (int)n + 4);
	ui_box(app, b, "Confirm");
	for (size_t i = 0; i < n && (int)i < b.h - 3; i++)
		ui_put(app, b.y + 1 + (int)i, b.x + 2, b.w - 4, UI_ROLE_NORMAL,
		       false, lines[i]);
	ui_put(app, b.y + b.h - 2, b.x + 2, b.w - 4, UI_ROLE_KEY, false,
	       "y yes · n no");
	ui_lines_free(lines, n);
}

bool ui_confirm(struct app *app, const char *question)
{
	struct confirm c = {question};
	bool yes = false;
	ui_app_push_overlay(app, confirm_draw, &c);
	for (;;) {
		int key = ui_app_read_key(app);
		if (key == 'y' || key == 'Y') {
			yes = true;
			break;
		}
		if (key == 'n' || key == 'N' || key == UI_KEY_ESC ||
		    key == UI_KEY_HANGUP || key == UI_KEY_INTERRUPT)
			break;
	}
	ui_app_pop_overlay(app);
	return yes;
}

/* ------------------------------------------------------------ message */

struct message {
	const char *title, *text;
};

static void message_draw(struct app *app, void *ctx)
{
	struct message *m = ctx;
	int w = COLS - 4 > 70 ? 70 : COLS - 4;
	char **lines;
	size_t n = ui_wrap(m->text, w - 4, &lines);
	struct ui_rect b = ui_layout_centre(COLS, LINES, w, (int)n + 4);
	ui_box(app, b, m->title);
	for (size_t i = 0; i < n && (int)i < b.h - 3; i++)
		ui_put(app, b.y + 1 + (int)i, b.x + 2, b.w - 4, UI_ROLE_NORMAL,
		       false, lines[i]);
	ui_put(app, b.y + b.h - 2, b.x + 2, b.w - 4, UI_ROLE_DIM, false,
	       "any key to continue");
	ui_lines_free(lines, n);
}

void ui_message_box(struct app *app, const char *title, const char *text)
{
	struct message m = {title, text};
	ui_app_push_overlay(app, message_draw, &m);
	for (;;) {
		int key = ui_app_read_key(app);
		if (key != UI_KEY_TICK && key != UI_KEY_RESIZE)
			break;
	}
	ui_app_pop_overlay(app);
}

/* ------------------------------------------------------------- picker */

struct picker {
	const char *title;
	const struct ui_pick_item *items;
	size_t n;
	size_t *shown; /* indices of the entries shown (filtered) */
	size_t nshown;
	struct list_pane list; /* rows: the entries shown; its rows rectangle
				  is where they went at the last paint */
	struct strbuf filter;
	bool searching;
	char note[256];
};

/* A heading is a row of the list that cannot be chosen. */
static bool picker_heading(const void *ctx, size_t row)
{
	const struct picker *p = ctx;
	return p->items[p->shown[row]].heading;
}

static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

static void picker_filter(struct picker *p)
{
	const char *f = sb_str(&p->filter);
	size_t was = p->nshown ? p->shown[p->list.sel] : (size_t)-1;
	p->nshown = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (*f && (p->items[i].heading ||
			   !contains_nocase(p->items[i].label, f)))
			continue;
		p->shown[p->nshown++] = i;
	}
	p->list.n = p->nshown;
	p->list.sel = 0;
	for (size_t i = 0; i < p->nshown; i++)
		if (p->shown[i] == was)
			p->list.sel = i;
	while (p->list.sel + 1 < p->nshown && picker_heading(p, p->list.sel))
		p->list.sel++;
}

static void picker_draw(struct app *app, void *ctx)
{
	struct picker *p = ctx;
	int w = COLS - 4 > 76 ? 76 : COLS - 4;
	int h = (int)p->nshown + 5;
	if (h < 8)
		h = 8;
	struct ui_rect b = ui_layout_centre(COLS, LINES, w, h);
	ui_box(app, b, p->title);
	list_pane_fit(&p->list, p->nshown,
		      (struct ui_rect){b.y + 1, b.x + 1, b.h - 4, b.w - 2});
	const struct ui_rect rows = p->list.rows;
	for (int r = 0; r < rows.h && p->list.top + (size_t)r < p->nshown; r++) {
		size_t idx = p->shown[p->list.top + (size_t)r];
		const struct ui_pick_item *it = &p->items[idx];
		bool sel = p->list.top + (size_t)r == p->list.sel;
		enum ui_role role = it->heading	 ? UI_ROLE_TITLE
				    : sel	 ? UI_ROLE_SELECTED
				    : it->disabled ? UI_ROLE_DIM
						   : UI_ROLE_NORMAL;
		int y = rows.y + r;
		ui_put(app, y, rows.x, rows.w, role, true, "");
		int nw = it->note ? utf8_width(it->note) : 0;
		if (nw > rows.w / 2)
			nw = rows.w / 2;
		ui_putf(app, y, rows.x + 1, rows.w - 2 - nw, role, "%s%s",
			it->heading ? "" : " ", it->label);
		if (it->note && nw > 0)
			ui_put_right(app, y, rows.x + rows.w - 1 - nw, nw,
				     sel ? role : UI_ROLE_DIM, it->note);
	}
	int hy = b.y + b.h - 2;
	if (p->note[0])
		ui_put(app, hy, b.x + 2, b.w - 4, UI_ROLE_WARN, false, p->note);
	else if (p->searching || p->filter.len)
		ui_putf(app, hy, b.x + 2, b.w - 4, UI_ROLE_NORMAL, "/%s%s",
			sb_str(&p->filter), p->searching ? "_" : "");
	else if (p->nshown == 0)
		ui_put(app, hy, b.x + 2, b.w - 4, UI_ROLE_DIM, false,
		       "nothing to choose · Esc back");
	else
		ui_put(app, hy, b.x + 2, b.w - 4, UI_ROLE_DIM, false,
		       "Enter choose · / search · Esc cancel");
}

/* Search mode: typed text filters; returns true when the key was used. */
static bool picker_search_key(struct picker *p, int key)
{
	if (key == UI_KEY_ENTER) {
		p->searching = false;
		return true;
	}
	if (key == UI_KEY_ESC) {
		p->searching = false;
		sb_reset(&p->filter);
		picker_filter(p);
		return true;
	}
	if (key == UI_KEY_FN + KEY_BACKSPACE) {
		if (p->filter.len) {
			size_t l = p->filter.len;
			do
				l--;
			while (l > 0 && ((unsigned char)p->filter.s[l] & 0xC0) == 0x80);
			p->filter.s[l] = '\0';
			p->filter.len = l;
		}
		picker_filter(p);
		return true;
	}
	if (key >= 0x20 && key < UI_KEY_FN) {
		char buf[4];
		size_t l = utf8_encode((uint32_t)key, buf);
		sb_addn(&p->filter, buf, l);
		picker_filter(p);
		return true;
	}
	return false;
}

/* Choose the selected entry: its item index, or -1 when it is disabled. */
static int picker_choose(struct picker *p)
{
	if (p->nshown == 0)
		return -1;
	const struct ui_pick_item *it = &p->items[p->shown[p->list.sel]];
	if (it->heading)
		return -1;
	if (it->disabled) {
		snprintf(p->note, sizeof p->note, "Not available: %s",
			 it->note ? it->note : it->label);
		return -1;
	}
	return (int)p->shown[p->list.sel];
}

/* A click on an entry chooses it: true when that ends the picker (its
 * index in *result). */
static bool picker_click(struct app *app, struct picker *p, int *result)
{
	int mx, my;
	size_t row;
	ui_app_mouse(app, &mx, &my);
	if (!list_pane_row_at(&p->list, mx, my, &row))
		return false;
	p->list.sel = row;
	return (*result = picker_choose(p)) >= 0;
}

/* One key of the picker: true when it ends it (*result: the entry
 * chosen, or -1 when cancelled). */
static bool picker_key(struct app *app, struct picker *p, int key,
		       int *result)
{
	enum ui_context ctx = UI_CTX_LIST;
	enum ui_action a = ui_keymap_lookup_in(&app->keymap, &ctx, 1, key);
	int page = p->list.rows.h > 1 ? p->list.rows.h - 1 : 1;
	if (list_pane_navigate(&p->list, a, page))
		return false;
	switch (a) {
	case UI_ACT_select:
		return (*result = picker_choose(p)) >= 0;
	case UI_ACT_cancel:
		if (!p->filter.len)
			return true;
		sb_reset(&p->filter);
		picker_filter(p);
		return false;
	case UI_ACT_search:
		p->searching = true;
		return false;
	default:
		beep();
		return false;
	}
}

int ui_pick(struct app *app, const char *title, const struct ui_pick_item *items,
	    size_t n, int start)
{
	return ui_pick_search(app, title, items, n, start, false);
}

int ui_pick_search(struct app *app, const char *title,
		   const struct ui_pick_item *items, size_t n, int start,
		   bool searching)
{
	struct picker p = {.title = title, .items = items, .n = n,
			   .searching = searching};
	p.list.skip = picker_heading;
	p.list.ctx = &p;
	p.shown = xmalloc((n + 1) * sizeof *p.shown);
	picker_filter(&p);
	if (start >= 0 && (size_t)start < n)
		for (size_t i = 0; i < p.nshown; i++)
			if (p.shown[i] == (size_t)start)
				p.list.sel = i;
	int result = -1;
	ui_app_push_overlay(app, picker_draw, &p);
	for (;;) {
		int key = ui_app_read_key(app);
		if (key == UI_KEY_HANGUP || key == UI_KEY_INTERRUPT)
			break;
		if (key == UI_KEY_TICK || key == UI_KEY_RESIZE)
			continue;
		p.note[0] = '\0';
		if (p.searching && picker_search_key(&p, key))
			continue;
		if (key == UI_KEY_CLICK ? picker_click(app, &p, &result)
					: picker_key(app, &p, key, &result))
			break;
	}
	ui_app_pop_overlay(app);
	free(p.shown);
	sb_free(&p.filter);
	return result;
}

/* --------------------------------------------------------------- help */

struct help {
	char **lines;
	size_t n;
	struct pager_pane view; /* scrolled as the review screen's minutes */
};

static void help_draw(struct app *app, void *ctx)
{
	struct help *h = ctx;
	struct ui_rect b = ui_layout_centre(COLS, LINES, COLS - 2 > 90 ? 90 : COLS - 2,
					    LINES - 2);
	ui_box(app, b, "Help — keys (Esc closes)");
	pager_pane_fit(&h->view, h->n, b.h > 2 ? (size_t)(b.h - 2) : 1);
	for (int r = 0; r < b.h - 2 && h->view.top + (size_t)r < h->n; r++) {
		const char *l = h->lines[h->view.top + (size_t)r];
		bool heading = l[0] != ' ';
		ui_put(app, b.y + 1 + r, b.x + 2, b.w - 4,
		       heading ? UI_ROLE_TITLE : UI_ROLE_NORMAL, false, l);
	}
}

static void help_add(struct help *h, size_t *cap, char *line)
{
	if (h->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		h->lines = xrealloc(h->lines, *cap * sizeof *h->lines);
	}
	h->lines[h->n++] = line;
}

void ui_help_show(struct app *app, const enum ui_context *ctxs, size_t n)
{
	struct help h = {0};
	size_t cap = 0;
	bool want[UI_CTX_COUNT] = {0};
	want[UI_CTX_GLOBAL] = want[UI_CTX_LIST] = true;
	for (size_t i = 0; i < n; i++)
		want[ctxs[i]] = true;
	for (int c = 0; c < UI_CTX_COUNT; c++) {
		if (!want[c])
			continue;
		help_add(&h, &cap, xasprintf("%s:",
					     ui_context_name((enum ui_context)c)));
		for (int a = 1; a < UI_ACT_COUNT; a++) {
			const struct ui_action_info *ai =
				ui_action_info((enum ui_action)a);
			if (ai->context != (enum ui_context)c)
				continue;
			char keys[128];
			ui_keymap_describe(&app->keymap, (enum ui_action)a, keys,
					   sizeof keys);
			int pad = 16 - utf8_width(keys);
			help_add(&h, &cap,
				 xasprintf("  %s%*s %s", keys, pad > 0 ? pad : 0,
					   "", ai->help));
		}
	}
	char *path = ui_keymap_user_path();
	help_add(&h, &cap, xasprintf("Keys file: %s", path));
	free(path);
	enum ui_context ctx = UI_CTX_LIST;
	ui_app_push_overlay(app, help_draw, &h);
	for (;;) {
		int key = ui_app_read_key(app);
		if (key == UI_KEY_HANGUP || key == UI_KEY_INTERRUPT)
			break;
		if (key == UI_KEY_TICK || key == UI_KEY_RESIZE)
			continue;
		enum ui_action a = ui_keymap_lookup_in(&app->keymap, &ctx, 1, key);
		/* a page keeps one line of the last in view; any other key
		 * closes the help */
		long page = h.view.h > 1 ? (long)h.view.h - 1 : 1;
		if (!pager_pane_navigate(&h.view, a, page))
			break;
	}
	ui_app_pop_overlay(app);
	for (size_t i = 0; i < h.n; i++)
		free(h.lines[i]);
	free(h.lines);
}
