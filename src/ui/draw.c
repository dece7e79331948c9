/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/draw: painting helpers.  Colour by semantic role (none at all under
 * NO_COLOR or --no-color: then only bold, reverse and underline), text put
 * by display width through the wide-character API (never cut inside a
 * character, data sanitised first), boxes, lines, wrapping, the status row.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app_private.h"

struct role_style {
	short fg, bg;
	attr_t color_attr; /* with colour */
	attr_t plain_attr; /* without */
};

static const struct role_style role_styles[UI_ROLE_COUNT] = {
	[UI_ROLE_NORMAL] = {-1, -1, 0, 0},
	[UI_ROLE_HEADER] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
	[UI_ROLE_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[UI_ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[UI_ROLE_CURRENT] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[UI_ROLE_DONE] = {COLOR_GREEN, -1, 0, 0},
	[UI_ROLE_WARN] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	[UI_ROLE_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
	[UI_ROLE_OK] = {COLOR_GREEN, -1, 0, 0},
	[UI_ROLE_DIM] = {-1, -1, A_DIM, A_DIM},
	[UI_ROLE_STATUS] = {COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE},
	[UI_ROLE_KEY] = {COLOR_BLUE, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
	[UI_ROLE_SAVED] = {COLOR_GREEN, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
	[UI_ROLE_FRAME] = {COLOR_BLUE, -1, 0, 0},
	/* Attendance, told apart at a glance: present, a substitute in a
	 * seat, out of the room (an interest, or gone); apologies and
	 * absences are DIM.  Without colour the marker letter says it. */
	[UI_ROLE_PRESENT] = {COLOR_GREEN, -1, 0, 0},
	[UI_ROLE_SUBSTITUTE] = {COLOR_CYAN, -1, 0, 0},
	[UI_ROLE_OUT] = {COLOR_YELLOW, -1, 0, A_DIM},
};

void ui_colors_init(struct app *app, bool color)
{
	app->color = color;
	if (color) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < UI_ROLE_COUNT; r++) {
		const struct role_style *s = &role_styles[r];
		if (!color) {
			app->role_attr[r] = s->plain_attr;
		} else if (s->fg == -1 && s->bg == -1) {
			app->role_attr[r] = s->color_attr;
		} else {
			init_pair((short)r, s->fg, s->bg);
			app->role_attr[r] = COLOR_PAIR(r) | s->color_attr;
		}
	}
}

attr_t ui_role_attr(struct app *app, enum ui_role role)
{
	return role < UI_ROLE_COUNT ? app->role_attr[role] : 0;
}

const char *ui_glyph(struct app *app, enum ui_glyph g)
{
	static const char *const uni[UI_G_COUNT] = {
		"│", "─", "┌", "┐", "└", "┘", "▶", "✓", "—", "·", "…"};
	static const char *const ascii[UI_G_COUNT] = {
		"|", "-", "+", "+", "+", "+", ">", "*", "-", ".", "..."};
	if (g >= UI_G_COUNT)
		return "?";
	return app->utf8 ? uni[g] : ascii[g];
}

static int put_text(struct app *app, int y, int x, int width,
		    enum ui_role role, bool pad, const char *text,
		    bool ellipsis)
{
	if (width <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	char *clean = utf8_sanitize(text ? text : "");
	if (!app->utf8) { /* "Sian", not "Si?n", where the locale is not UTF-8 */
		char *ascii = utf8_to_ascii(clean);
		free(clean);
		clean = ascii;
	}
	size_t n = strlen(clean), i = 0, k = 0;
	wchar_t *w = xmalloc((n + 2) * sizeof *w);
	int used = 0;
	/* when the text is wider than width, end it with an ellipsis */
	int limit = ellipsis && utf8_width(clean) > width && width >= 2
			    ? width - 1
			    : width;
	while (i < n) {
		uint32_t cp;
		size_t l = utf8_decode(clean + i, n - i, &cp);
		int cw = utf8_cp_width(cp);
		if (used + cw > limit)
			break;
		w[k++] = (wchar_t)cp;
		used += cw;
		i += l;
	}
	if (i < n && limit < width) {
		w[k++] = app->utf8 ? L'\u2026' : L'~';
		used++;
	}
	w[k] = L'\0';
	attr_t attr = ui_role_attr(app, role);
	attrset(attr);
	if (k)
		mvaddnwstr(y, x, w, (int)k);
	/* The blanks padding it, in the role's colours, as one run of
	 * cells: added as characters, they were most of the cost of
	 * painting a screen (each blank measured and placed by curses). */
	if (pad && used < width)
		mvhline(y, x + used, ' ', width - used);
	attrset(A_NORMAL);
	free(w);
	free(clean);
	return pad ? width : used;
}

int ui_put(struct app *app, int y, int x, int width, enum ui_role role,
	   bool pad, const char *text)
{
	return put_text(app, y, x, width, role, pad, text, false);
}

int ui_put_ellipsis(struct app *app, int y, int x, int width,
		    enum ui_role role, bool pad, const char *text)
{
	return put_text(app, y, x, width, role, pad, text, true);
}

int ui_put_right(struct app *app, int y, int x, int width, enum ui_role role,
		 const char *text)
{
	int w = utf8_width(text);
	if (w > width)
		w = width;
	return ui_put(app, y, x + width - w, w, role, false, text);
}

int ui_putf(struct app *app, int y, int x, int width, enum ui_role role,
	    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct strbuf sb = {0};
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	int used = ui_put(app, y, x, width, role, false, sb_str(&sb));
	sb_free(&sb);
	return used;
}

void ui_fill(struct app *app, struct ui_rect r, enum ui_role role)
{
	for (int y = r.y; y < r.y + r.h; y++)
		ui_put(app, y, r.x, r.w, role, true, "");
}

void ui_vline(struct app *app, int y, int x, int h)
{
	for (int i = 0; i < h; i++)
		ui_put(app, y + i, x, 1, UI_ROLE_FRAME, false,
		       ui_glyph(app, UI_G_VLINE));
}

void ui_box(struct app *app, struct ui_rect r, const char *title)
{
	if (r.w < 2 || r.h < 2)
		return;
	ui_fill(app, r, UI_ROLE_NORMAL);
	struct strbuf top = {0};
	sb_add(&top, ui_glyph(app, UI_G_TL));
	for (int i = 0; i < r.w - 2; i++)
		sb_add(&top, ui_glyph(app, UI_G_HLINE));
	sb_add(&top, ui_glyph(app, UI_G_TR));
	ui_put(app, r.y, r.x, r.w, UI_ROLE_FRAME, false, sb_str(&top));
	sb_reset(&top);
	sb_add(&top, ui_glyph(app, UI_G_BL));
	for (int i = 0; i < r.w - 2; i++)
		sb_add(&top, ui_glyph(app, UI_G_HLINE));
	sb_add(&top, ui_glyph(app, UI_G_BR));
	ui_put(app, r.y + r.h - 1, r.x, r.w, UI_ROLE_FRAME, false, sb_str(&top));
	sb_free(&top);
	ui_vline(app, r.y + 1, r.x, r.h - 2);
	ui_vline(app, r.y + 1, r.x + r.w - 1, r.h - 2);
	if (title && *title) {
		char *t = xasprintf(" %s ", title);
		ui_put(app, r.y, r.x + 2, r.w - 4, UI_ROLE_TITLE, false, t);
		free(t);
	}
}

/* Append the wrapped rows of one line (no '\n' in it) to v. */
static void wrap_line(const char *p, size_t linelen, int width, char ***v,
		      size_t *n, size_t *cap)
{
	size_t pos = 0;
	do {
		/* the longest prefix that fits, broken after a space */
		size_t fit = utf8_fit_n(p + pos, linelen - pos, width, NULL);
		size_t take = fit;
		if (pos + fit < linelen) {
			size_t b = fit;
			while (b > 0 && p[pos + b - 1] != ' ')
				b--;
			if (b > 0)
				take = b;
			if (take == 0) { /* a character wider than width */
				uint32_t cp;
				take = utf8_decode(p + pos, linelen - pos, &cp);
			}
		}
		size_t keep = take;
		while (keep > 0 && p[pos + keep - 1] == ' ' && pos + take < linelen)
			keep--;
		if (*n == *cap) {
			*cap *= 2;
			*v = xrealloc(*v, *cap * sizeof **v);
		}
		(*v)[(*n)++] = xstrndup(p + pos, keep);
		pos += take;
	} while (pos < linelen);
}

size_t ui_wrap(const char *text, int width, char ***out)
{
	size_t n = 0, cap = 4;
	char **v = xmalloc(cap * sizeof *v);
	const char *p = text ? text : "";
	if (width < 1)
		width = 1;
	for (;;) {
		const char *eol = strchr(p, '\n');
		char *line = xstrndup(p, eol ? (size_t)(eol - p) : strlen(p));
		char *clean = utf8_sanitize(line);
		wrap_line(clean, strlen(clean), width, &v, &n, &cap);
		free(clean);
		free(line);
		if (!eol)
			break;
		p = eol + 1;
	}
	*out = v;
	return n;
}

void ui_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

void ui_draw_status(struct app *app, int y, const char *hints)
{
	ui_put(app, y, 0, COLS, UI_ROLE_STATUS, true, "");
	int right = app->saved ? 7 : 0;
	int width = COLS - right;
	if (app->message[0]) {
		/* a long message takes the row above too */
		char **rows;
		size_t n = ui_wrap(app->message, width, &rows);
		if (n > 1 && y > 0) {
			ui_put(app, y - 1, 0, COLS, app->message_role, true,
			       rows[0]);
			struct strbuf rest = {0};
			for (size_t i = 1; i < n; i++)
				sb_addf(&rest, "%s%s", i > 1 ? " " : "", rows[i]);
			ui_put(app, y, 0, width, app->message_role, true,
			       sb_str(&rest));
			sb_free(&rest);
		} else {
			ui_put(app, y, 0, width, app->message_role, false,
			       app->message);
		}
		ui_lines_free(rows, n);
	} else {
		/* hints: "F1 help|n next|d declare": a key, a space, what it
		 * does; the key is shown in KEY role */
		int x = 0;
		const char *p = hints;
		while (*p && x < width) {
			size_t len = strcspn(p, "|");
			char *pair = xstrndup(p, len);
			char *label = strchr(pair, ' ');
			if (label)
				*label++ = '\0';
			int need = utf8_width(pair) + 1 +
				   (label ? utf8_width(label) : 0);
			if (x + need > width) {
				free(pair);
				break;
			}
			x += ui_put(app, y, x, width - x, UI_ROLE_KEY, false,
				    pair);
			if (label)
				x += ui_putf(app, y, x, width - x,
					     UI_ROLE_STATUS, " %s", label);
			x += 2;
			free(pair);
			p += len;
			if (*p == '|')
				p++;
		}
	}
	if (app->saved)
		ui_put(app, y, COLS - 6, 6, UI_ROLE_SAVED, false, " saved");
}

void ui_scroll_to(size_t sel, size_t *top, int rows)
{
	if (sel < *top)
		*top = sel;
	if (rows > 0 && sel >= *top + (size_t)rows)
		*top = sel - (size_t)rows + 1;
}
