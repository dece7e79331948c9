/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export_private: helpers shared by the exporters of src/export, not part
 * of the public interface.
 */
#ifndef CLERK_EXPORT_PRIVATE_H
#define CLERK_EXPORT_PRIVATE_H

#include "clerk/export.h"

/* A copy of text fit for any output: line breaks and tabs become spaces,
 * runs of blanks one space, control characters and invalid bytes '?'.
 * Caller frees. */
char *export_clean(const char *text);
/* Append export_clean(text) to o with the markup characters & < > " as
 * entities (and ' as &#39; when apos: HTML attributes may be quoted with
 * it), for the HTML and the Word (XML) documents alike. */
void export_escape_markup(struct strbuf *o, const char *text, bool apos);
/* True when the document's text anywhere is marked confidential. */
bool export_is_confidential(const struct doc *d);
/* A page's number when the house style does not say (page.number). */
#define EXPORT_PAGE_NUMBER "Page {page} of {pages}"
/* The pieces of d's page number (d->page_of, else EXPORT_PAGE_NUMBER) in
 * order: fn(ctx, text, len, 0) for text as written, fn(ctx, NULL, 0, 1)
 * for {page}, fn(ctx, NULL, 0, 2) for {pages}. */
void export_page_pieces(const struct doc *d,
			void (*fn)(void *ctx, const char *text, size_t len,
				   int field),
			void *ctx);

#endif
