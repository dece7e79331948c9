/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/listing: text, CSV and JSON forms of a look-up's results, fitted to
 * the terminal by display width (utf8_width/utf8_fit), never by bytes.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "clerk/core.h"
#include "clerk/listing.h"

#define ELLIPSIS "\xE2\x80\xA6" /* U+2026, one column */

static int terminal_width(FILE *out)
{
	struct winsize ws;
	if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	int n = cols ? atoi(cols) : 0;
	return n > 0 ? n : 80;
}

void listing_init(struct listing *l, FILE *out, enum listing_format format,
		  bool no_color)
{
	memset(l, 0, sizeof *l);
	l->out = out;
	l->format = format;
	l->tty = isatty(fileno(out)) == 1;
	l->width = l->tty ? terminal_width(out) : 0;
	l->color = l->tty && !no_color;
	l->ascii = l->format == LISTING_TEXT && utf8_terminal_is_ascii(out);
}

char *listing_clean(const char *s, bool keep_marks)
{
	struct strbuf sb = {0};
	for (const char *p = s ? s : ""; *p;) {
		size_t n = strcspn(p, "\n\r\t\x01\x02");
		char *seg = xstrndup(p, n);
		char *safe = utf8_sanitize(seg);
		sb_add(&sb, safe);
		free(safe);
		free(seg);
		p += n;
		if (!*p)
			break;
		if (*p == LISTING_MARK_OPEN || *p == LISTING_MARK_CLOSE)
			sb_addc(&sb, keep_marks ? *p : '?');
		else
			sb_addc(&sb, ' ');
		p++;
	}
	return sb_detach(&sb);
}

static const char *style_on(const struct listing *l, enum listing_style style)
{
	if (!l->tty)
		return "";
	switch (style) {
	case LISTING_HEADING:
		return "\033[1m";
	case LISTING_DIM:
		return l->color ? "\033[2m" : "";
	case LISTING_WARN:
		return l->color ? "\033[33m" : "\033[1m";
	case LISTING_ALERT:
		return l->color ? "\033[1;31m" : "\033[1m";
	case LISTING_PLAIN:
	default:
		return "";
	}
}

/* Display width of text, marks not counted. */
static int width_unmarked(const char *text)
{
	struct strbuf plain = {0};
	for (const char *p = text; *p; p++)
		if (*p != LISTING_MARK_OPEN && *p != LISTING_MARK_CLOSE)
			sb_addc(&plain, *p);
	int w = utf8_width(sb_str(&plain));
	sb_free(&plain);
	return w;
}

/* Write clean text (marks kept) within `cols` columns (cols < 0: no
 * limit), ending with an ellipsis when cut; returns the columns used. */
static int write_fitted(const struct listing *l, enum listing_style style,
			const char *text, int cols)
{
	const char *on = style_on(l, style);
	bool cut = cols >= 0 && width_unmarked(text) > cols;
	int room = cut ? (cols > 0 ? cols - 1 : 0) : -1;
	int used = 0;
	bool marked = false;
	fputs(on, l->out);
	for (const char *p = text; *p;) {
		if (*p == LISTING_MARK_OPEN || *p == LISTING_MARK_CLOSE) {
			marked = *p == LISTING_MARK_OPEN;
			if (l->tty)
				fputs(marked ? "\033[1;7m" : "\033[0m", l->out);
			if (l->tty && !marked)
				fputs(on, l->out);
			if (!l->tty)
				fputc(marked ? '[' : ']', l->out);
			p++;
			continue;
		}
		size_t n = strcspn(p, "\x01\x02");
		char *seg = xstrndup(p, n);
		if (l->ascii) {
			char *plain = utf8_to_ascii(seg);
			free(seg);
			seg = plain;
		}
		size_t len = strlen(seg), bytes = len;
		int w = utf8_width(seg);
		if (room >= 0 && used + w > room)
			bytes = utf8_fit(seg, room - used, &w);
		fwrite(seg, 1, bytes, l->out);
		used += w;
		free(seg);
		if (bytes < len)
			break;
		p += n;
	}
	if (cut && cols > 0) {
		fputs(l->ascii ? "~" : ELLIPSIS, l->out);
		used++;
	}
	if (marked && !l->tty)
		fputc(']', l->out);
	if (l->tty && (*on || marked))
		fputs("\033[0m", l->out);
	return used;
}

void listing_line(const struct listing *l, int indent, enum listing_style style,
		  const char *text)
{
	char *clean = listing_clean(text, true);
	int cols = l->width > 0 ? l->width - indent : -1;
	if (cols == 0)
		cols = 1;
	fprintf(l->out, "%*s", indent, "");
	write_fitted(l, style, clean, cols);
	fputc('\n', l->out);
	free(clean);
}

void listing_linef(const struct listing *l, int indent,
		   enum listing_style style, const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	listing_line(l, indent, style, sb_str(&sb));
	sb_free(&sb);
}

/* ------------------------------------------------------------- tables */

struct listing_table {
	size_t ncols;
	char **headers;
	bool *right;
	char **cells; /* row-major, nrows * ncols, cleaned */
	size_t nrows;
	size_t cap;
};

struct listing_table *listing_table_new(size_t ncols,
					const char *const *headers)
{
	struct listing_table *t = xcalloc(1, sizeof *t);
	t->ncols = ncols;
	t->headers = xcalloc(ncols, sizeof *t->headers);
	t->right = xcalloc(ncols, sizeof *t->right);
	for (size_t i = 0; i < ncols; i++)
		t->headers[i] = listing_clean(headers[i], false);
	return t;
}

void listing_table_right(struct listing_table *t, size_t col)
{
	if (col < t->ncols)
		t->right[col] = true;
}

void listing_table_add(struct listing_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->cells = xrealloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
	}
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] =
			listing_clean(cells[i] ? cells[i] : "", false);
	t->nrows++;
}

void listing_table_free(struct listing_table **pt)
{
	struct listing_table *t = *pt;
	if (!t)
		return;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->headers[i]);
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->headers);
	free(t->right);
	free(t->cells);
	free(t);
	*pt = NULL;
}

/* Column widths: natural, then the widest narrowed one column at a time
 * until the table fits in `room` (never below 3 columns each). */
static void table_widths(const struct listing_table *t, int room, int *w)
{
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = utf8_width(t->headers[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			int cw = utf8_width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	}
	if (room <= 0)
		return;
	for (;;) {
		int total = 2 * (int)(t->ncols - 1);
		size_t widest = 0;
		for (size_t c = 0; c < t->ncols; c++) {
			total += w[c];
			if (w[c] > w[widest])
				widest = c;
		}
		if (total <= room || w[widest] <= 3)
			return;
		w[widest]--;
	}
}

static void table_cell(const struct listing *l, const char *s, int width,
		       bool right, bool last, enum listing_style style)
{
	int natural = utf8_width(s);
	int pad = natural < width ? width - natural : 0;
	if (right)
		fprintf(l->out, "%*s", pad, "");
	write_fitted(l, style, s, width);
	if (!right && !last)
		fprintf(l->out, "%*s", pad, "");
}

static void table_row(const struct listing *l, const struct listing_table *t,
		      char *const *cells, const int *w, int indent,
		      enum listing_style style)
{
	/* The last column takes no padding; trailing spaces would only make
	 * pipes and diffs noisier. */
	size_t last = t->ncols - 1;
	while (last > 0 && !*cells[last])
		last--;
	fprintf(l->out, "%*s", indent, "");
	for (size_t c = 0; c <= last; c++) {
		if (c)
			fputs("  ", l->out);
		table_cell(l, cells[c], w[c], t->right[c], c == last, style);
	}
	fputc('\n', l->out);
}

void listing_table_print(const struct listing *l,
			 const struct listing_table *t, int indent)
{
	if (l->format == LISTING_CSV) {
		listing_csv_row(l->out, (const char *const *)t->headers, t->ncols);
		for (size_t r = 0; r < t->nrows; r++)
			listing_csv_row(l->out,
					(const char *const *)&t->cells[r * t->ncols],
					t->ncols);
		return;
	}
	int *w = xcalloc(t->ncols, sizeof *w);
	table_widths(t, l->width > 0 ? l->width - indent : 0, w);
	table_row(l, t, t->headers, w, indent, LISTING_HEADING);
	for (size_t r = 0; r < t->nrows; r++)
		table_row(l, t, &t->cells[r * t->ncols], w, indent, LISTING_PLAIN);
	free(w);
}

/* ---------------------------------------------------------------- CSV */

void listing_csv_field(FILE *out, const char *s)
{
	s = s ? s : "";
	if (!s[strcspn(s, ",\"\r\n")]) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void listing_csv_row(FILE *out, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		listing_csv_field(out, cells[i]);
	}
	fputs("\r\n", out);
}

/* --------------------------------------------------------------- JSON */

json_t *listing_json_str(const char *s)
{
	json_t *j = json_string(s ? s : "");
	if (j)
		return j;
	char *clean = utf8_sanitize(s);
	j = json_string(clean);
	free(clean);
	return j ? j : json_string("");
}

void listing_json_print(const struct listing *l, json_t *root)
{
	json_dumpf(root, l->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', l->out);
	json_decref(root);
}
