/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/text: plain text, wrapped at 80 columns, in the layout of a typed
 * set of minutes: headings on their own lines, "- " bullets and "1. "
 * points with hanging indents, attendance as "p Name (capacity)" lines, and
 * a banner at the top and bottom of a confidential document.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_private.h"

#define TEXT_WIDTH 80

static void text_banner(struct export_ctx *ctx)
{
	char *mark = export_clean(ctx->doc->confidential);
	int w = utf8_width(mark);
	int pad = w + 4 < TEXT_WIDTH ? (TEXT_WIDTH - w - 4) / 2 : 0;
	struct strbuf *o = &ctx->out;
	for (int i = 0; i < TEXT_WIDTH; i++)
		sb_addc(o, '*');
	sb_add(o, "\n**");
	for (int i = 0; i < pad; i++)
		sb_addc(o, ' ');
	sb_add(o, mark);
	for (int i = pad + w + 4; i < TEXT_WIDTH; i++)
		sb_addc(o, ' ');
	sb_add(o, "**\n");
	for (int i = 0; i < TEXT_WIDTH; i++)
		sb_addc(o, '*');
	sb_add(o, "\n\n");
	free(mark);
}

static enum clerk_status text_begin(struct export_ctx *ctx)
{
	if (export_is_confidential(ctx->doc))
		text_banner(ctx);
	return CLERK_OK;
}

/* "number title" with the aside (an approximate time) at the right. */
static void text_minute(struct strbuf *o, const struct doc_block *b)
{
	char *aside = export_clean(b->aside);
	int aw = utf8_width(aside);
	struct strbuf head = {0};
	char *num = export_clean(b->number);
	char *first = *num ? xasprintf("%s ", num) : xstrdup("");
	char *rest = xstrdup(first);
	for (char *c = rest; *c; c++)
		*c = ' ';
	export_wrap(&head, b->text, TEXT_WIDTH - (aw ? aw + 2 : 0), first, rest);
	if (aw) {
		/* Put the aside at the right end of the first line. */
		char *nl = strchr(head.s, '\n');
		size_t firstlen = (size_t)(nl - head.s);
		char *line = xstrndup(head.s, firstlen);
		sb_add(o, line);
		for (int c = utf8_width(line); c < TEXT_WIDTH - aw; c++)
			sb_addc(o, ' ');
		sb_add(o, aside);
		sb_add(o, nl);
		free(line);
	} else {
		sb_add(o, sb_str(&head));
	}
	sb_addc(o, '\n');
	sb_free(&head);
	free(first);
	free(rest);
	free(num);
	free(aside);
}

/* Rows with a label column ("1." points, "p" markers, field names). */
static void text_labelled(struct strbuf *o, const struct doc_block *b,
			  int minwidth, int gap)
{
	int lw = minwidth;
	for (size_t i = 0; i < b->nrows; i++)
		if (!b->rows[i].caption) {
			char *l = export_clean(b->rows[i].label);
			int w = utf8_width(l);
			if (w > lw)
				lw = w;
			free(l);
		}
	for (size_t i = 0; i < b->nrows; i++) {
		const struct doc_row *r = &b->rows[i];
		if (r->caption) {
			if (i > 0)
				sb_addc(o, '\n');
			if (*r->text)
				export_wrap(o, r->text, TEXT_WIDTH, "", "");
			continue;
		}
		char *l = export_clean(r->label);
		struct strbuf first = {0};
		sb_add(&first, l);
		for (int c = utf8_width(l); c < lw + gap; c++)
			sb_addc(&first, ' ');
		char *rest = xstrdup(sb_str(&first));
		memset(rest, ' ', strlen(rest));
		rest[lw + gap] = '\0';
		export_wrap(o, r->text, TEXT_WIDTH, sb_str(&first), rest);
		sb_free(&first);
		free(rest);
		free(l);
	}
	sb_addc(o, '\n');
}

static enum clerk_status text_block(struct export_ctx *ctx,
				    const struct doc_block *b)
{
	struct strbuf *o = &ctx->out;
	switch (b->kind) {
	case DOC_HEADING:
	case DOC_PARA:
		export_wrap(o, b->text, TEXT_WIDTH, "", "");
		sb_addc(o, '\n');
		break;
	case DOC_MINUTE:
		text_minute(o, b);
		break;
	case DOC_BULLETS:
		for (size_t i = 0; i < b->nrows; i++)
			export_wrap(o, b->rows[i].text, TEXT_WIDTH, "- ", "  ");
		sb_addc(o, '\n');
		break;
	case DOC_NUMBERED:
	case DOC_ATTENDANCE:
		text_labelled(o, b, 1, 1);
		break;
	case DOC_FIELDS:
		text_labelled(o, b, 12, 2);
		break;
	case DOC_CONFIDENTIAL: {
		char *t = xasprintf("[%s]", b->text);
		export_wrap(o, t, TEXT_WIDTH, "", " ");
		sb_addc(o, '\n');
		free(t);
		break;
	}
	case DOC_SIGNATURE:
		sb_addc(o, '\n');
		export_wrap(o, b->text, TEXT_WIDTH, "", "");
		break;
	}
	return CLERK_OK;
}

static enum clerk_status text_end(struct export_ctx *ctx, bool ok)
{
	if (ok && export_is_confidential(ctx->doc)) {
		sb_addc(&ctx->out, '\n');
		text_banner(ctx);
	}
	return CLERK_OK;
}

const struct export_ops export_text_ops = {
	.name = "text",
	.extension = "txt",
	.needs_file = false,
	.begin = text_begin,
	.block = text_block,
	.end = text_end,
};
