/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/html: one self-contained, printable HTML5 file in UTF-8.  The
 * stylesheet is inside the file (nothing is fetched), a print stylesheet
 * sets A4 pages, and a confidential document carries its marking in the
 * head of a table wrapping the whole page, which browsers repeat at the
 * top of every printed page (a fixed-position header overlaps the text).  Every piece of text is
 * escaped (&, <, >, quotes), so a name can never become markup.
 *
 * Made to be published as it is (WCAG 2.2 AA): the language set, one <h1>
 * (the document's title, under the council's name), every heading an <h2>
 * in the minutes' order, tables with a caption and real header cells (a
 * member's name heads their row; a group such as "Chairman:" heads its rows)
 * and the key to the p / a markers, and when printed the body, the date and
 * "Page N of M" in the page's margins where the browser supports them
 * (@page margin boxes: Chromium 131 and later).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_private.h"

static void html_escape(struct strbuf *o, const char *text)
{
	export_escape_markup(o, text, true);
}

struct html_state {
	const char *heading; /* the last heading: a table's caption */
};

static const char html_style[] =
	"body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;"
	"line-height:1.4;max-width:48em;margin:2em auto;padding:0 1em;"
	"color:#000;background:#fff}\n"
	"h1,h2{font-size:11pt;font-weight:bold;margin:1.2em 0 .6em}\n"
	"h1{font-size:13pt}\n"
	"p.council{font-size:13pt;font-weight:bold;margin:0}\n"
	"caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
	"caption.hidden{position:absolute;width:1px;height:1px;overflow:hidden;"
	"clip:rect(0 0 0 0);white-space:nowrap}\n"
	"tbody.group th[scope=rowgroup]{padding-top:.6em}\n"
	"table.attendance th[scope=row]{font-weight:normal}\n"
	"p.key{font-size:9pt}\n"
	"h2 .num{display:inline-block;min-width:3em}\n"
	"h2 .aside{float:right;font-weight:normal}\n"
	"p{margin:.6em 0}\n"
	"table{border-collapse:collapse;margin:.6em 0}\n"
	"td,th{vertical-align:top;text-align:left;padding:.1em .6em .1em 0}\n"
	"table.attendance th{padding-top:.6em}\n"
	"td.marker{width:1.5em;font-weight:bold}\n"
	"table.fields th{width:9em}\n"
	".signature{margin-top:3em}\n"
	".confidential{border:2px solid #000;font-weight:bold;text-align:center;"
	"padding:.3em;letter-spacing:.1em}\n"
	"table.page{width:100%;border-collapse:collapse;margin:0}\n"
	"table.page>thead>tr>td{display:none}\n"
	"table.page>tbody>tr>td{padding:0}\n"
	"@media print{\n"
	"@page{size:A4;margin:2.5cm 2cm 2cm}\n"
	"body{margin:0;max-width:none;padding:0;font-size:11pt}\n"
	"h2{page-break-after:avoid;break-after:avoid}\n"
	"tr,li{page-break-inside:avoid;break-inside:avoid}\n"
	"table.page>thead>tr>td{display:table-cell;text-align:center;"
	"font-weight:bold;letter-spacing:.1em;padding:0 0 1em}\n"
	"p.confidential.first{display:none}\n"
	"}\n";

/* Append text to o as the inside of a CSS string: a quote or backslash
 * ends nothing, and no < or > can close the <style>. */
static void css_string(struct strbuf *o, const char *text)
{
	char *clean = export_clean(text);
	for (const char *c = clean; *c; c++) {
		if (*c == '"' || *c == '\\' || *c == '<' || *c == '>')
			sb_addf(o, "\\%x ", (unsigned char)*c);
		else
			sb_addc(o, *c);
	}
	free(clean);
}

/* One piece of the page number as a CSS content value. */
static void css_piece(void *ctx, const char *text, size_t len, int field)
{
	struct strbuf *o = ctx;
	if (o->len && o->s[o->len - 1] != ':')
		sb_addc(o, ' ');
	if (field) {
		sb_add(o, field == 1 ? "counter(page)" : "counter(pages)");
		return;
	}
	char *t = xstrndup(text, len);
	sb_addc(o, '"');
	/* export_clean would drop the blanks at either end. */
	size_t lead = strspn(t, " "), n = strlen(t), trail = 0;
	while (trail < n - lead && t[n - 1 - trail] == ' ')
		trail++;
	for (size_t i = 0; i < lead; i++)
		sb_addc(o, ' ');
	css_string(o, t);
	for (size_t i = 0; i < trail && lead < n; i++)
		sb_addc(o, ' ');
	sb_addc(o, '"');
	free(t);
}

static enum clerk_status html_begin(struct export_ctx *ctx)
{
	struct strbuf *o = &ctx->out;
	const struct doc *d = ctx->doc;
	sb_add(o, "<!DOCTYPE html>\n<html lang=\"");
	html_escape(o, d->lang ? d->lang : "en-GB");
	sb_add(o, "\">\n<head>\n"
		  "<meta charset=\"utf-8\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width\">\n"
		  "<title>");
	if (export_is_confidential(d)) {
		html_escape(o, d->confidential);
		sb_add(o, ": ");
	}
	html_escape(o, d->title ? d->title : "Minutes");
	sb_add(o, "</title>\n<style>\n");
	sb_add(o, html_style);
	if (d->body || d->day) {
		/* The footer of every printed page: CSS strings are escaped
		 * as CSS (a quote or backslash in a name ends nothing). */
		sb_add(o, "@media print{@page{@bottom-left{content:\"");
		char *foot = xasprintf("%s%s%s", d->body ? d->body : "",
				       d->body && d->day ? " \xC2\xB7 " : "",
				       d->day ? d->day : "");
		char *clean = export_clean(foot);
		for (const char *c = clean; *c; c++) {
			if (*c == '"' || *c == '\\' || *c == '<' || *c == '>')
				sb_addf(o, "\\%x ", (unsigned char)*c);
			else
				sb_addc(o, *c);
		}
		free(clean);
		free(foot);
		sb_add(o, "\";font:9pt Arial,Helvetica,sans-serif}}}\n");
	}
	/* Each printed page's number, in the house style's words. */
	sb_add(o, "@media print{@page{@bottom-right{content:");
	export_page_pieces(d, css_piece, o);
	sb_add(o, ";font:9pt Arial,Helvetica,sans-serif}}}\n");
	sb_add(o, "</style>\n</head>\n<body>\n");
	if (export_is_confidential(d)) {
		sb_add(o, "<table class=\"page\" role=\"presentation\"><thead><tr><td "
			  "class=\"confidential-page\">");
		html_escape(o, d->confidential);
		sb_add(o, "</td></tr></thead>\n<tbody><tr><td>\n"
			  "<p class=\"confidential first\">");
		html_escape(o, d->confidential);
		sb_add(o, "</p>\n");
	}
	if (d->council && *d->council) {
		sb_add(o, "<p class=\"council\">");
		html_escape(o, d->council);
		sb_add(o, "</p>\n");
	}
	sb_add(o, "<h1>");
	html_escape(o, d->title ? d->title : "Minutes");
	sb_add(o, "</h1>\n");
	ctx->state = xcalloc(1, sizeof(struct html_state));
	return CLERK_OK;
}

/* A table with a caption (the heading it is under, read out by a screen
 * reader, not shown again) and header cells: a group's caption row heads
 * its group, a member's name heads its row (the marker is the data), a
 * field's name heads its value.  An empty caption row (a gap between
 * groups) starts a new group without a row. */
static void html_table(struct strbuf *o, const struct doc_block *b,
		       const char *heading)
{
	bool att = b->kind == DOC_ATTENDANCE;
	sb_add(o, att ? "<table class=\"attendance\">\n"
		      : "<table class=\"fields\">\n");
	sb_add(o, "<caption class=\"hidden\">");
	html_escape(o, heading && *heading ? heading : att ? "PRESENT" : "");
	sb_add(o, "</caption>\n<tbody class=\"group\">\n");
	for (size_t i = 0; i < b->nrows; i++) {
		const struct doc_row *r = &b->rows[i];
		if (r->caption) {
			if (i > 0)
				sb_add(o, "</tbody>\n<tbody class=\"group\">\n");
			if (!*r->text)
				continue;
			sb_add(o, "<tr><th colspan=\"2\" scope=\"rowgroup\">");
			html_escape(o, r->text);
			sb_add(o, "</th></tr>\n");
		} else if (att) {
			sb_add(o, "<tr><td class=\"marker\">");
			html_escape(o, r->label);
			sb_add(o, "</td><th scope=\"row\">");
			html_escape(o, r->text);
			sb_add(o, "</th></tr>\n");
		} else {
			sb_add(o, "<tr><th scope=\"row\">");
			html_escape(o, r->label);
			sb_add(o, "</th><td>");
			html_escape(o, r->text);
			sb_add(o, "</td></tr>\n");
		}
	}
	sb_add(o, "</tbody>\n</table>\n");
	if (att && *b->aside) {
		sb_add(o, "<p class=\"key\">");
		html_escape(o, b->aside);
		sb_add(o, "</p>\n");
	}
}

static void html_list(struct strbuf *o, const struct doc_block *b)
{
	bool numbered = b->kind == DOC_NUMBERED;
	sb_add(o, numbered ? "<ol>\n" : "<ul>\n");
	for (size_t i = 0; i < b->nrows; i++) {
		const struct doc_row *r = &b->rows[i];
		int n = numbered ? atoi(r->label) : 0;
		if (n > 0)
			sb_addf(o, "<li value=\"%d\">", n);
		else
			sb_add(o, "<li>");
		html_escape(o, r->text);
		sb_add(o, "</li>\n");
	}
	sb_add(o, numbered ? "</ol>\n" : "</ul>\n");
}

static enum clerk_status html_block(struct export_ctx *ctx,
				    const struct doc_block *b)
{
	struct strbuf *o = &ctx->out;
	struct html_state *st = ctx->state;
	switch (b->kind) {
	case DOC_HEADING:
		sb_add(o, "<h2>");
		html_escape(o, b->text);
		sb_add(o, "</h2>\n");
		st->heading = b->text;
		break;
	case DOC_MINUTE:
		sb_add(o, "<h2>");
		if (*b->aside) {
			sb_add(o, "<span class=\"aside\">");
			html_escape(o, b->aside);
			sb_add(o, "</span>");
		}
		if (*b->number) {
			sb_add(o, "<span class=\"num\">");
			html_escape(o, b->number);
			sb_add(o, "</span> ");
		}
		html_escape(o, b->text);
		sb_add(o, "</h2>\n");
		st->heading = b->text;
		break;
	case DOC_PARA:
		sb_add(o, b->bold ? "<p><strong>" : "<p>");
		html_escape(o, b->text);
		sb_add(o, b->bold ? "</strong></p>\n" : "</p>\n");
		break;
	case DOC_BULLETS:
	case DOC_NUMBERED:
		html_list(o, b);
		break;
	case DOC_ATTENDANCE:
	case DOC_FIELDS:
		html_table(o, b, st->heading ? st->heading : ctx->doc->title);
		break;
	case DOC_CONFIDENTIAL:
		sb_add(o, "<p class=\"confidential\">");
		html_escape(o, b->text);
		sb_add(o, "</p>\n");
		break;
	case DOC_SIGNATURE:
		sb_add(o, "<p class=\"signature\">");
		html_escape(o, b->text);
		sb_add(o, "</p>\n");
		break;
	}
	return CLERK_OK;
}

static enum clerk_status html_end(struct export_ctx *ctx, bool ok)
{
	free(ctx->state);
	ctx->state = NULL;
	if (ok && export_is_confidential(ctx->doc))
		sb_add(&ctx->out, "</td></tr></tbody></table>\n");
	if (ok)
		sb_add(&ctx->out, "</body>\n</html>\n");
	return CLERK_OK;
}

const struct export_ops export_html_ops = {
	.name = "html",
	.extension = "html",
	.needs_file = false,
	.begin = html_begin,
	.block = html_block,
	.end = html_end,
};
