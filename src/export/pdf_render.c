/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/pdf_render: the intermediate document as an A4 PDF, laid out with
 * pango (shaping, font fallback, line breaking) and written by cairo
 * (embedded font subsets, outline, metadata, tags).  Built as clerk-pdf.so
 * and loaded by export/pdf.c only when a PDF is asked for.
 *
 * Layout is done twice over the same data: first every block is broken
 * into lines and the lines are placed on pages (so that the total is known
 * for "Page 3 of 7"), then each page is drawn with its heading and footer.
 * Placement keeps a heading with the line after it, the first and last
 * lines of a paragraph with their neighbours, and the signature with the
 * last lines of the last minute, moving them to the next page together
 * rather than leaving a heading or the signature alone.
 *
 * This file calls nothing of clerk's (see clerk/pdf_render.h).
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/pdf_render.h"

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.890
#define MARGIN_X 62.0
#define TOP 78.0
#define BOTTOM (PAGE_H - 84.0)
#define FONT "DejaVu Sans"
#define BODY_SIZE 10.0

/* One line of the text as placed on a page. */
struct line {
	PangoLayout *layout; /* the paragraph the line is part of (not owned) */
	int index;           /* its line in layout */
	double x, height, baseline, space_before;
	PangoLayout *label;  /* drawn at label_x on this line (not owned) */
	double label_x;
	PangoLayout *aside;  /* drawn right-aligned on this line */
	bool keep_next, keep_prev;
	const char *outline; /* a heading: its bookmark text (not owned) */
	int outline_level;   /* 0 the document's title, 1 a heading */
	bool boxed;          /* the confidential marking: a box round it */
	const char *tag;     /* structure element ("H1", "P", ...) */
	bool tag_start, tag_end; /* first and last line of its element */
	const char *label_tag;   /* the label's own element ("TD") beside the
				    text's, or NULL: the label is in tag */
	const char *row;         /* the element round a table's row ("TR") */
	bool row_start, row_end;
	const char *group;       /* the element round several ("L", "Table") */
	bool group_start, group_end;
	int page;
	double y; /* top of the line on its page */
};

struct render {
	const struct pdf_request *req;
	struct pdf_output *out;
	PangoContext *pc;
	PangoLayout **layouts;
	size_t nlayouts, caplayouts;
	struct line *lines;
	size_t nlines, caplines;
	char **strings; /* outline texts made here */
	size_t nstrings, capstrings;
	int pages;
	bool failed;
};

static void *grow(void *v, size_t *cap, size_t n, size_t size, bool *failed)
{
	if (n < *cap)
		return v;
	size_t c = *cap ? *cap * 2 : 64;
	void *nv = realloc(v, c * size);
	if (!nv) {
		*failed = true;
		return v;
	}
	*cap = c;
	return nv;
}

static PangoLayout *new_layout(struct render *r, const char *text,
			       double size, bool bold, double width,
			       PangoAlignment align)
{
	r->layouts = grow(r->layouts, &r->caplayouts, r->nlayouts,
			  sizeof *r->layouts, &r->failed);
	if (r->failed)
		return NULL;
	PangoLayout *l = pango_layout_new(r->pc);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD
						   : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0)
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text ? text : "", -1);
	r->layouts[r->nlayouts++] = l;
	return l;
}

static const char *keep_string(struct render *r, char *s)
{
	r->strings = grow(r->strings, &r->capstrings, r->nstrings,
			  sizeof *r->strings, &r->failed);
	if (r->failed || !s) {
		free(s);
		r->failed = true;
		return "";
	}
	r->strings[r->nstrings++] = s;
	return s;
}

static char *joined(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 2);
	if (!s)
		return NULL;
	memcpy(s, a, la);
	s[la] = la && lb ? ' ' : '\0';
	memcpy(s + la + (la && lb), b, lb + 1);
	return s;
}

/* Options of one paragraph's lines. */
struct para_opts {
	double x;            /* left of the text */
	double space_before; /* above its first line */
	bool keep_next;      /* every line kept with the next (a heading) */
	bool keep_prev;      /* every line kept with the one before */
	PangoLayout *label;  /* on the first line, at label_x */
	double label_x;
	PangoLayout *aside;  /* on the first line, at the right */
	const char *outline;
	int outline_level;
	bool boxed;
	const char *tag;
	const char *label_tag;
};

/* Which of a paragraph's lines one layout gives: all of them, or one
 * piece of a long paragraph laid out a piece at a time (add_text). */
struct piece {
	bool opens;  /* holds the paragraph's first line */
	bool closes; /* holds its last line */
	int nlines;  /* lines taken from the layout's start */
};

/* Add lines of layout l, placed at o->x: the first p->nlines of them. */
static void add_piece(struct render *r, PangoLayout *l,
		      const struct para_opts *o, const struct piece *p)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	for (int i = 0; i < p->nlines; i++) {
		r->lines = grow(r->lines, &r->caplines, r->nlines,
				sizeof *r->lines, &r->failed);
		if (r->failed)
			break;
		bool first = p->opens && i == 0;
		bool last = p->closes && i == p->nlines - 1;
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		int base = pango_layout_iter_get_baseline(it);
		struct line *ln = &r->lines[r->nlines++];
		memset(ln, 0, sizeof *ln);
		ln->layout = l;
		ln->index = i;
		ln->x = o->x + (double)logical.x / PANGO_SCALE;
		ln->height = (double)logical.height / PANGO_SCALE;
		ln->baseline = (double)(base - logical.y) / PANGO_SCALE;
		ln->space_before = first ? o->space_before : 0;
		ln->keep_next = o->keep_next || (first && !last);
		ln->keep_prev = o->keep_prev || (last && !first);
		ln->tag = o->tag;
		ln->tag_start = first;
		ln->tag_end = last;
		ln->boxed = o->boxed;
		if (first) {
			ln->label_tag = o->label_tag;
			ln->label = o->label;
			ln->label_x = o->label_x;
			ln->aside = o->aside;
			ln->outline = o->outline;
			ln->outline_level = o->outline_level;
		}
		if (!pango_layout_iter_next_line(it))
			break;
	}
	pango_layout_iter_free(it);
}

/* Break layout l into lines placed at o->x. */
static void add_lines(struct render *r, PangoLayout *l,
		      const struct para_opts *o)
{
	if (!l)
		return;
	struct piece whole = {true, true, pango_layout_get_line_count(l)};
	add_piece(r, l, o, &whole);
}

#define TEXT_W (PAGE_W - 2 * MARGIN_X)

/* Pango's time to break one paragraph into lines grows with the square of
 * its length (a 20,000-word paragraph took 2.3 times a 10,000-word one),
 * and a text may be 256 KB. So a long paragraph is laid out a piece of
 * about PIECE_BYTES at a time: every line of a piece but its last is
 * kept, and the next piece starts where that last line began. Pango
 * breaks lines greedily, each break depending only on the text from the
 * line's start, so these are the lines one layout of the whole gives. */
#define PIECE_BYTES 4096

/* Where a piece of text may end: after a space before text + PIECE_BYTES,
 * or 0 when there is none (then the rest is laid out whole). */
static size_t piece_end(const char *text, size_t len)
{
	if (len <= PIECE_BYTES)
		return 0;
	for (size_t i = PIECE_BYTES; i > PIECE_BYTES / 2; i--)
		if (text[i] == ' ')
			return i;
	return 0;
}

static void add_text(struct render *r, const char *text, double size,
		     bool bold, const struct para_opts *o)
{
	double width = PAGE_W - MARGIN_X - o->x;
	if (o->aside)
		width -= 60;
	text = text ? text : "";
	size_t len = strlen(text), cut;
	struct piece p = {.opens = true};
	while (!r->failed && (cut = piece_end(text, len)) > 0) {
		PangoLayout *l = new_layout(r, "", size, bold, width,
					    PANGO_ALIGN_LEFT);
		if (!l)
			return;
		pango_layout_set_text(l, text, (int)cut);
		int n = pango_layout_get_line_count(l);
		if (n < 2) /* one unbreakable run: no break point seen */
			break;
		PangoLayoutLine *rest = pango_layout_get_line_readonly(l, n - 1);
		p.nlines = n - 1;
		add_piece(r, l, o, &p);
		p.opens = false;
		text += rest->start_index;
		len -= (size_t)rest->start_index;
	}
	PangoLayout *l = new_layout(r, "", size, bold, width, PANGO_ALIGN_LEFT);
	if (!l)
		return;
	pango_layout_set_text(l, text, (int)len);
	p.closes = true;
	p.nlines = pango_layout_get_line_count(l);
	add_piece(r, l, o, &p);
}

/* How add_rows tags its rows: a list's items (tag "LI", the label in
 * it), or a table's rows (row "TR", the label in label_tag, the text in
 * tag, a group heading row's text in caption_tag). */
struct rows_tags {
	const char *tag, *label_tag, *row, *caption_tag;
};

/* Rows with a label column: numbered points, attendance, fields. */
static void add_rows(struct render *r, const struct doc_block *b,
		     double indent, bool bold_label, const struct rows_tags *t)
{
	bool first = true;
	for (size_t i = 0; i < b->nrows; i++) {
		const struct doc_row *row = &b->rows[i];
		struct para_opts o = {.x = MARGIN_X + indent,
				      .space_before = first ? 6 : 2,
				      .tag = t->tag};
		size_t start = r->nlines;
		if (row->caption) {
			if (!*row->text)
				continue;
			o.x = MARGIN_X;
			o.space_before = first ? 6 : 8;
			o.keep_next = true;
			o.tag = t->caption_tag ? t->caption_tag : t->tag;
			add_text(r, row->text, BODY_SIZE, true, &o);
		} else {
			if (*row->label) {
				o.label = new_layout(r, row->label, BODY_SIZE,
						     bold_label, indent - 4,
						     PANGO_ALIGN_LEFT);
				o.label_tag = t->label_tag;
			}
			o.label_x = MARGIN_X;
			add_text(r, row->text, BODY_SIZE, false, &o);
		}
		if (t->row && start < r->nlines) {
			r->lines[start].row = r->lines[r->nlines - 1].row = t->row;
			r->lines[start].row_start = true;
			r->lines[r->nlines - 1].row_end = true;
		}
		first = false;
	}
}

static void add_block(struct render *r, const struct doc_block *b,
		      bool before_signature)
{
	size_t start = r->nlines, end = 0;
	struct para_opts o = {.x = MARGIN_X, .space_before = 7, .tag = "P"};
	/* The attendance: a table whose rows are a marker cell and the
	 * person's name as the row's header (as the HTML has it); a notice's
	 * fields: the field's name as the header, its value in a cell. */
	static const struct rows_tags list_tags = {.tag = "LI"},
				      attendance_tags = {.tag = "TH",
							 .label_tag = "TD",
							 .row = "TR",
							 .caption_tag = "TH"},
				      field_tags = {.tag = "TD",
						    .label_tag = "TH",
						    .row = "TR"};
	switch (b->kind) {
	case DOC_HEADING:
		o.space_before = 14;
		o.keep_next = true;
		o.outline = b->text;
		o.outline_level = 1;
		o.tag = "H2";
		add_text(r, b->text, 11.5, true, &o);
		break;
	case DOC_MINUTE: {
		o.space_before = 14;
		o.keep_next = true;
		o.tag = "H2";
		o.x = MARGIN_X + (*b->number ? 40 : 0);
		if (*b->number) {
			o.label = new_layout(r, b->number, 11, true, 38,
					     PANGO_ALIGN_LEFT);
			o.label_x = MARGIN_X;
		}
		if (*b->aside)
			o.aside = new_layout(r, b->aside, 10, true, 0,
					     PANGO_ALIGN_LEFT);
		o.outline = keep_string(r, joined(b->number, b->text));
		o.outline_level = 1;
		add_text(r, b->text, 11, true, &o);
		break;
	}
	case DOC_PARA:
		o.keep_next = b->bold; /* "RESOLVED:", "The Board heard that:" */
		add_text(r, b->text, BODY_SIZE, b->bold, &o);
		break;
	case DOC_BULLETS:
		for (size_t i = 0; i < b->nrows; i++) {
			struct para_opts bo = {.x = MARGIN_X + 22,
					       .space_before = i ? 3 : 6,
					       .label_x = MARGIN_X + 8,
					       .tag = "LI"};
			bo.label = new_layout(r, "\xE2\x80\xA2", BODY_SIZE,
					      false, 0, PANGO_ALIGN_LEFT);
			add_text(r, b->rows[i].text, BODY_SIZE, false, &bo);
		}
		break;
	case DOC_NUMBERED:
		add_rows(r, b, 28, false, &list_tags);
		break;
	case DOC_ATTENDANCE:
		add_rows(r, b, 18, true, &attendance_tags);
		end = r->nlines; /* the key is a paragraph after the table */
		if (*b->aside) { /* the key to the markers */
			struct para_opts k = {.x = MARGIN_X, .space_before = 6,
					      .tag = "P"};
			add_text(r, b->aside, 8.5, false, &k);
		}
		break;
	case DOC_FIELDS:
		add_rows(r, b, 110, true, &field_tags);
		break;
	case DOC_CONFIDENTIAL:
		o.space_before = 12;
		o.boxed = true;
		o.x = MARGIN_X + 6;
		add_text(r, b->text, BODY_SIZE, true, &o);
		break;
	case DOC_SIGNATURE:
		o.space_before = 36;
		o.keep_prev = true;
		add_text(r, b->text, BODY_SIZE, false, &o);
		break;
	}
	if (!end)
		end = r->nlines;
	if (start < end &&
	    (b->kind == DOC_BULLETS || b->kind == DOC_NUMBERED ||
	     b->kind == DOC_ATTENDANCE || b->kind == DOC_FIELDS)) {
		const char *g = b->kind == DOC_BULLETS || b->kind == DOC_NUMBERED
					? "L"
					: "Table";
		r->lines[start].group = r->lines[end - 1].group = g;
		r->lines[start].group_start = true;
		r->lines[end - 1].group_end = true;
	}
	/* The line before the signature goes with it: with its own
	 * keep_prev a paragraph's last line, two lines of the last minute. */
	if (b->kind == DOC_SIGNATURE && start > 0 && start < r->nlines)
		r->lines[start - 1].keep_prev = true;
	(void)before_signature;
}

/* Place every line on a page; returns the number of pages. */
static int paginate(struct render *r)
{
	int page = 0;
	size_t page_start = 0;
	double y = TOP;
	for (size_t i = 0; i < r->nlines;) {
		struct line *ln = &r->lines[i];
		double gap = i == page_start ? 0 : ln->space_before;
		if (y + gap + ln->height > BOTTOM && i > page_start) {
			size_t b = i;
			while (b > page_start + 1 &&
			       (r->lines[b - 1].keep_next || r->lines[b].keep_prev))
				b--;
			if (b <= page_start + 1)
				b = i;
			page++;
			page_start = b;
			y = TOP;
			i = b;
			continue;
		}
		y += gap;
		ln->page = page;
		ln->y = y;
		y += ln->height;
		i++;
	}
	return page + 1;
}

static void show(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

static void draw_line(struct render *r, cairo_t *cr, struct line *ln)
{
	PangoLayoutLine *pl = pango_layout_get_line_readonly(ln->layout,
							     ln->index);
	double base = ln->y + ln->baseline;
	if (ln->boxed) {
		cairo_rectangle(cr, ln->x - 5, ln->y - 3, TEXT_W - 2,
				ln->height + 6);
		cairo_set_line_width(cr, 1.2);
		cairo_stroke(cr);
	}
	/* A table's cell: its label is a cell of its own, before the text's. */
	if (ln->label && ln->label_tag) {
		PangoLayoutLine *ll = pango_layout_get_line_readonly(ln->label, 0);
		cairo_tag_begin(cr, ln->label_tag, NULL);
		cairo_move_to(cr, ln->label_x, base);
		pango_cairo_show_layout_line(cr, ll);
		cairo_tag_end(cr, ln->label_tag);
	}
	if (ln->tag && ln->tag_start)
		cairo_tag_begin(cr, ln->tag, NULL);
	if (ln->label && !ln->label_tag) {
		PangoLayoutLine *ll = pango_layout_get_line_readonly(ln->label, 0);
		cairo_move_to(cr, ln->label_x, base);
		pango_cairo_show_layout_line(cr, ll);
	}
	cairo_move_to(cr, ln->x, base);
	pango_cairo_show_layout_line(cr, pl);
	if (ln->aside) {
		int w, h;
		pango_layout_get_size(ln->aside, &w, &h);
		PangoLayoutLine *al = pango_layout_get_line_readonly(ln->aside, 0);
		cairo_move_to(cr, PAGE_W - MARGIN_X - (double)w / PANGO_SCALE,
			      base);
		pango_cairo_show_layout_line(cr, al);
	}
	if (ln->tag && ln->tag_end)
		cairo_tag_end(cr, ln->tag);
	(void)r;
}

static void textf(struct render *r, cairo_t *cr, double x, double y,
		  double width, PangoAlignment align, double size, bool bold,
		  const char *fmt, ...) __attribute__((format(printf, 9, 10)));
static void textf(struct render *r, cairo_t *cr, double x, double y,
		  double width, PangoAlignment align, double size, bool bold,
		  const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	PangoLayout *l = new_layout(r, buf, size, bold, width, align);
	if (l)
		show(cr, l, x, y);
}

/* The house style's page number (page.number) for page of pages:
 * {page} and {pages} replaced, the rest as written; cut at size. */
static void page_number(char *out, size_t size, const char *tmpl, int page,
			int pages)
{
	size_t n = 0;
	out[0] = '\0';
	for (const char *t = tmpl; *t && n + 12 < size;) {
		if (strncmp(t, "{pages}", 7) == 0) {
			n += (size_t)snprintf(out + n, size - n, "%d", pages);
			t += 7;
		} else if (strncmp(t, "{page}", 6) == 0) {
			n += (size_t)snprintf(out + n, size - n, "%d", page);
			t += 6;
		} else {
			out[n++] = *t++;
			out[n] = '\0';
		}
	}
}

/* The page's heading and footer, the minute book's box. */
static void furniture(struct render *r, cairo_t *cr, int page)
{
	const struct doc *d = r->req->doc;
	const char *council = d->council ? d->council : "";
	if (page > 0 && *council)
		textf(r, cr, MARGIN_X, 34, TEXT_W, PANGO_ALIGN_LEFT, 8, false,
		      "%s", council);
	if (d->confidential) {
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0.6, 0, 0);
		textf(r, cr, MARGIN_X, 48, TEXT_W, PANGO_ALIGN_CENTER, 11, true,
		      "%s", d->confidential);
		textf(r, cr, MARGIN_X, PAGE_H - 40, TEXT_W, PANGO_ALIGN_CENTER,
		      8, true, "%s", d->confidential);
		cairo_restore(cr);
	}
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, MARGIN_X, PAGE_H - 66);
	cairo_line_to(cr, PAGE_W - MARGIN_X, PAGE_H - 66);
	cairo_stroke(cr);
	char footer[512];
	snprintf(footer, sizeof footer, "%s%s%s", d->body ? d->body : "",
		 d->body && d->day ? " \xC2\xB7 " : "", d->day ? d->day : "");
	textf(r, cr, MARGIN_X, PAGE_H - 60, TEXT_W - 90, PANGO_ALIGN_LEFT, 8,
	      false, "%s", footer);
	char number[512];
	page_number(number, sizeof number,
		    d->page_of ? d->page_of : "Page {page} of {pages}",
		    page + 1, r->pages);
	textf(r, cr, MARGIN_X, PAGE_H - 60, TEXT_W, PANGO_ALIGN_RIGHT, 8,
	      false, "%s", number);
	if (r->req->first_leaf > 0) {
		textf(r, cr, MARGIN_X, PAGE_H - 50, TEXT_W - 90,
		      PANGO_ALIGN_LEFT, 8, true, "%s %d",
		      r->req->leaf_label ? r->req->leaf_label : "Minute book page",
		      r->req->first_leaf + page);
		double bw = 84, bh = 30, bx = PAGE_W - MARGIN_X - bw,
		       by = PAGE_H - 50;
		cairo_rectangle(cr, bx, by + 10, bw, bh);
		cairo_set_line_width(cr, 0.8);
		cairo_stroke(cr);
		textf(r, cr, bx + 3, by + 11, bw - 6, PANGO_ALIGN_LEFT, 6.5,
		      false, "%s",
		      r->req->initials_label ? r->req->initials_label
					     : "Chair's initials");
	}
}

static cairo_status_t write_out(void *closure, const unsigned char *data,
				unsigned int len)
{
	struct pdf_output *out = closure;
	out->write(out->closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The document's own heading: the council, then its title. */
static void add_title(struct render *r)
{
	const struct doc *d = r->req->doc;
	if (d->council && *d->council) {
		struct para_opts o = {.x = MARGIN_X, .keep_next = true,
				      .tag = "P"};
		add_lines(r, new_layout(r, d->council, 15, true, TEXT_W,
					PANGO_ALIGN_CENTER), &o);
	}
	struct para_opts o = {.x = MARGIN_X, .space_before = 8,
			      .keep_next = true, .outline = d->title,
			      .outline_level = 0, .tag = "H1"};
	add_lines(r, new_layout(r, d->title ? d->title : "", 13, true, TEXT_W,
				PANGO_ALIGN_CENTER), &o);
}

/* The elements round a line: its group (a list, a table) and its row;
 * the line's own element (and a table's label cell) are opened and closed
 * by draw_line. */
static void tag_begin(cairo_t *cr, struct line *ln)
{
	if (ln->group && ln->group_start)
		cairo_tag_begin(cr, ln->group, NULL);
	if (ln->row && ln->row_start)
		cairo_tag_begin(cr, ln->row, NULL);
}

static void tag_end(cairo_t *cr, struct line *ln)
{
	if (ln->row && ln->row_end)
		cairo_tag_end(cr, ln->row);
	if (ln->group && ln->group_end)
		cairo_tag_end(cr, ln->group);
}

/* Font maps made and not yet finalized (see clerk_pdf_release). */
static gint live_fontmaps;

static void fontmap_gone(gpointer data, GObject *where)
{
	(void)data;
	(void)where;
	g_atomic_int_add(&live_fontmaps, -1);
}

int clerk_pdf_render(const struct pdf_request *req, struct pdf_output *out)
{
	if (!req || req->abi != CLERK_PDF_ABI) {
		snprintf(out->error, sizeof out->error,
			 "the PDF renderer is of another version of clerk");
		return -1;
	}
	struct render r = {.req = req, .out = out};
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
		write_out, out, PAGE_W, PAGE_H);
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	const struct doc *d = req->doc;
	if (d->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
					       d->title);
	if (d->council)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR,
					       d->council);
	if (d->body)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
					       d->body);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "clerk");
	cairo_t *cr = cairo_create(s);
	PangoFontMap *fm = pango_cairo_font_map_new();
	g_atomic_int_inc(&live_fontmaps);
	g_object_weak_ref(G_OBJECT(fm), fontmap_gone, NULL);
	r.pc = pango_font_map_create_context(fm);
	pango_cairo_context_set_resolution(r.pc, 72);
	pango_cairo_update_context(cr, r.pc);
	if (req->lang)
		pango_context_set_language(r.pc,
					   pango_language_from_string(req->lang));

	add_title(&r);
	for (size_t i = 0; i < d->n; i++)
		add_block(&r, &d->v[i],
			  i + 1 < d->n && d->v[i + 1].kind == DOC_SIGNATURE);
	r.pages = r.failed ? 0 : paginate(&r);

	cairo_tag_begin(cr, "Document", NULL);
	size_t next = 0;
	int outline_root = CAIRO_PDF_OUTLINE_ROOT;
	for (int p = 0; p < r.pages && !r.failed; p++) {
		cairo_set_source_rgb(cr, 0, 0, 0);
		for (; next < r.nlines && r.lines[next].page == p; next++) {
			struct line *ln = &r.lines[next];
			tag_begin(cr, ln);
			draw_line(&r, cr, ln);
			tag_end(cr, ln);
			if (ln->outline && *ln->outline) {
				char dest[64];
				snprintf(dest, sizeof dest,
					 "page=%d pos=[%.1f %.1f]", p + 1,
					 ln->x, ln->y);
				int id = cairo_pdf_surface_add_outline(
					s,
					ln->outline_level == 0
						? CAIRO_PDF_OUTLINE_ROOT
						: outline_root,
					ln->outline, dest,
					ln->outline_level == 0
						? CAIRO_PDF_OUTLINE_FLAG_OPEN
						: 0);
				if (ln->outline_level == 0)
					outline_root = id;
			}
		}
		furniture(&r, cr, p);
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	for (size_t i = 0; i < r.nlayouts; i++)
		g_object_unref(r.layouts[i]);
	free(r.layouts);
	for (size_t i = 0; i < r.nstrings; i++)
		free(r.strings[i]);
	free(r.strings);
	free(r.lines);
	g_object_unref(r.pc);
	g_object_unref(fm);
	/* pango sorts fonts in a thread of its own, which may still hold the
	 * font map (and so its fonts) for a moment: wait for it to let go,
	 * a few seconds at most. */
	for (int i = 0; i < 5000 && g_atomic_int_get(&live_fontmaps) > 0; i++)
		g_usleep(1000);
	out->pages = r.pages;
	if (r.failed) {
		snprintf(out->error, sizeof out->error, "out of memory");
		return -1;
	}
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(out->error, sizeof out->error, "%s",
			 cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

/* cairo and fontconfig keep their caches (fonts, patterns, the font
 * configuration) until told to let go; clerk says so once, as it exits,
 * so that the leak checkers see nothing held. */
void clerk_pdf_release(void)
{
	/* Not while a font map lives on in pango's thread: its fonts are
	 * still cairo's, and cairo would abort (an assertion in its hash
	 * table, seen once in the suite under load); the caches then go
	 * with the process. */
	if (g_atomic_int_get(&live_fontmaps) > 0)
		return;
	cairo_debug_reset_static_data();
	FcFini();
}
