/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/markdown: CommonMark that renders the same on GitHub, GitLab,
 * pandoc and the like.  Every piece of text is escaped: the characters
 * that make emphasis, links, code, HTML and tables anywhere, and those that
 * start a heading, quote, list or rule at the beginning of a paragraph.
 * Paragraphs are not wrapped, so a paragraph is one line.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "export_private.h"

/* Append text escaped for a Markdown paragraph (at_start: the text opens a
 * line, where block syntax would otherwise be recognised). */
static void md_escape(struct strbuf *o, const char *text, bool at_start)
{
	char *t = export_clean(text);
	const char *p = t;
	if (at_start) {
		/* "#", ">", "+", "-", "=", "|" open blocks; so do "1." / "1)". */
		size_t digits = strspn(p, "0123456789");
		if (digits && digits < 10 && (p[digits] == '.' || p[digits] == ')')) {
			sb_addn(o, p, digits);
			sb_addc(o, '\\');
			p += digits;
		} else if (*p && strchr("#>+-=|", *p)) {
			sb_addc(o, '\\');
		}
	}
	for (; *p; p++) {
		char c = *p;
		if (strchr("\\`*_[]<>|~", c) ||
		    (c == '&' && (isalnum((unsigned char)p[1]) || p[1] == '#')))
			sb_addc(o, '\\');
		sb_addc(o, c);
	}
	free(t);
}

static void md_banner(struct export_ctx *ctx)
{
	sb_add(&ctx->out, "> **");
	md_escape(&ctx->out, ctx->doc->confidential, false);
	sb_add(&ctx->out, "**\n\n");
}

static enum clerk_status md_begin(struct export_ctx *ctx)
{
	if (export_is_confidential(ctx->doc))
		md_banner(ctx);
	return CLERK_OK;
}

/* True when a list label is a valid ordered list marker ("12."). */
static bool md_ordered_label(const char *l)
{
	size_t digits = strspn(l, "0123456789");
	return digits > 0 && digits < 10 && l[digits] == '.' && !l[digits + 1];
}

static void md_rows(struct strbuf *o, const struct doc_block *b)
{
	for (size_t i = 0; i < b->nrows; i++) {
		const struct doc_row *r = &b->rows[i];
		if (b->kind == DOC_BULLETS) {
			sb_add(o, "- ");
			md_escape(o, r->text, true);
		} else if (b->kind == DOC_NUMBERED && md_ordered_label(r->label)) {
			sb_add(o, r->label);
			sb_addc(o, ' ');
			md_escape(o, r->text, true);
		} else if (b->kind == DOC_FIELDS) {
			sb_add(o, "**");
			md_escape(o, r->label, false);
			sb_add(o, ":** ");
			md_escape(o, r->text, false);
			sb_addc(o, '\n');
		} else if (r->caption) {
			if (!*r->text)
				continue;
			md_escape(o, r->text, true);
			sb_addc(o, '\n');
		} else {
			md_escape(o, r->label, true);
			sb_addc(o, ' ');
			md_escape(o, r->text, !*r->label);
			sb_addc(o, '\n');
		}
		sb_addc(o, '\n');
	}
	if (b->kind == DOC_BULLETS || b->kind == DOC_NUMBERED)
		sb_addc(o, '\n');
}

static enum clerk_status md_block(struct export_ctx *ctx,
				  const struct doc_block *b)
{
	struct strbuf *o = &ctx->out;
	switch (b->kind) {
	case DOC_HEADING:
		sb_add(o, "**");
		md_escape(o, b->text, false);
		sb_add(o, "**\n\n");
		break;
	case DOC_MINUTE:
		if (*b->number) {
			md_escape(o, b->number, true);
			sb_addc(o, ' ');
		}
		sb_add(o, "**");
		md_escape(o, b->text, false);
		sb_add(o, "**");
		if (*b->aside) {
			sb_add(o, " — ");
			md_escape(o, b->aside, false);
		}
		sb_add(o, "\n\n");
		break;
	case DOC_PARA:
	case DOC_SIGNATURE:
		if (b->bold)
			sb_add(o, "**");
		md_escape(o, b->text, !b->bold);
		sb_add(o, b->bold ? "**\n\n" : "\n\n");
		break;
	case DOC_BULLETS:
	case DOC_NUMBERED:
	case DOC_ATTENDANCE:
	case DOC_FIELDS:
		md_rows(o, b);
		break;
	case DOC_CONFIDENTIAL:
		sb_add(o, "> **");
		md_escape(o, b->text, false);
		sb_add(o, "**\n\n");
		break;
	}
	return CLERK_OK;
}

static enum clerk_status md_end(struct export_ctx *ctx, bool ok)
{
	if (ok && export_is_confidential(ctx->doc))
		md_banner(ctx);
	return CLERK_OK;
}

const struct export_ops export_markdown_ops = {
	.name = "markdown",
	.extension = "md",
	.needs_file = false,
	.begin = md_begin,
	.block = md_block,
	.end = md_end,
};
