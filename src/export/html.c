/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/html: one self-contained, printable HTML5 file in UTF-8.  The
 * stylesheet is inside the file (nothing is fetched), a print stylesheet
 * sets A4 pages, and a confidential document carries its marking in the
 * head of a table wrapping the whole page, which browsers repeat at the
 * top of every printed page (a fixed-position header overlaps the text).  Every piece of text is
 * escaped (&, <, >, quotes), so a name can never become markup.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_private.h"

static void html_escape(struct strbuf *o, const char *text)
{
	export_escape_markup(o, text, true);
}

static const char html_style[] =
	"body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;"
	"line-height:1.4;max-width:48em;margin:2em auto;padding:0 1em;"
	"color:#000;background:#fff}\n"
	"h1,h2{font-size:11pt;font-weight:bold;margin:1.2em 0 .6em}\n"
	"h2 .num{display:inline-block;min-width:3em}\n"
	"h2 .aside{float:right;font-weight:normal}\n"
	"p{margin:.6em 0}\n"
	"table{border-collapse:collapse;margin:.6em 0}\n"
	"td,th{vertical-align:top;text-align:left;padding:.1em .6em .1em 0}\n"
	"table.attendance th{padding-top:.6em}\n"
	"td.marker{width:1.5em}\n"
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

static enum clerk_status html_begin(struct export_ctx *ctx)
{
	struct strbuf *o = &ctx->out;
	const struct doc *d = ctx->doc;
	sb_add(o, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
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
	sb_add(o, "</style>\n</head>\n<body>\n");
	if (export_is_confidential(d)) {
		sb_add(o, "<table class=\"page\"><thead><tr><td "
			  "class=\"confidential-page\">");
		html_escape(o, d->confidential);
		sb_add(o, "</td></tr></thead>\n<tbody><tr><td>\n"
			  "<p class=\"confidential first\">");
		html_escape(o, d->confidential);
		sb_add(o, "</p>\n");
	}
	return CLERK_OK;
}

static void html_table(struct strbuf *o, const struct doc_block *b)
{
	bool att = b->kind == DOC_ATTENDANCE;
	sb_add(o, att ? "<table class=\"attendance\">\n"
		      : "<table class=\"fields\">\n");
	for (size_t i = 0; i < b->nrows; i++) {
		const struct doc_row *r = &b->rows[i];
		if (r->caption) {
			sb_add(o, "<tr><th colspan=\"2\">");
			html_escape(o, r->text);
			sb_add(o, "</th></tr>\n");
		} else if (att) {
			sb_add(o, "<tr><td class=\"marker\">");
			html_escape(o, r->label);
			sb_add(o, "</td><td>");
			html_escape(o, r->text);
			sb_add(o, "</td></tr>\n");
		} else {
			sb_add(o, "<tr><th scope=\"row\">");
			html_escape(o, r->label);
			sb_add(o, "</th><td>");
			html_escape(o, r->text);
			sb_add(o, "</td></tr>\n");
		}
	}
	sb_add(o, "</table>\n");
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
	switch (b->kind) {
	case DOC_HEADING:
		sb_add(o, "<h1>");
		html_escape(o, b->text);
		sb_add(o, "</h1>\n");
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
		html_table(o, b);
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
