/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/doc: the intermediate document between the model and the output
 * formats — a growable list of blocks, each owning its strings.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/export.h"

struct doc_block *doc_add(struct doc *d, enum doc_kind kind, const char *text)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	struct doc_block *b = &d->v[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = xstrdup(text ? text : "");
	b->number = xstrdup("");
	b->aside = xstrdup("");
	return b;
}

struct doc_block *doc_addf(struct doc *d, enum doc_kind kind, const char *fmt,
			   ...)
{
	struct strbuf sb = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	struct doc_block *b = doc_add(d, kind, sb_str(&sb));
	sb_free(&sb);
	return b;
}

struct doc_row *doc_row_add(struct doc_block *b, const char *label,
			    const char *text)
{
	b->rows = xrealloc(b->rows, (b->nrows + 1) * sizeof *b->rows);
	struct doc_row *r = &b->rows[b->nrows++];
	r->label = xstrdup(label ? label : "");
	r->text = xstrdup(text ? text : "");
	r->caption = false;
	return r;
}

void doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct doc_block *b = &d->v[i];
		for (size_t j = 0; j < b->nrows; j++) {
			free(b->rows[j].label);
			free(b->rows[j].text);
		}
		free(b->rows);
		free(b->number);
		free(b->text);
		free(b->aside);
	}
	free(d->v);
	free(d->title);
	free(d->confidential);
	free(d->council);
	free(d->body);
	free(d->day);
	free(d->lang);
	free(d->page_of);
	memset(d, 0, sizeof *d);
}
