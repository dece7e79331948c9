/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pdf_render: the interface between clerk and its PDF renderer, a shared
 * object (clerk-pdf.so, linked with cairo and pango) that clerk loads with
 * dlopen() only when a PDF is written (export/pdf.c).  Linked into clerk,
 * cairo, pango, fontconfig and freetype would cost every command their
 * start-up; loaded, only `clerk export --format pdf` pays it.
 *
 * The renderer is plain C over the intermediate document (struct doc):
 * it calls nothing of clerk's, so that it can be loaded by a program that
 * does not export its symbols.  Every string it is given is valid UTF-8
 * without control characters (the caller cleans the document first).
 */
#ifndef CLERK_PDF_RENDER_H
#define CLERK_PDF_RENDER_H

#include <stddef.h>

#include "clerk/export.h"

/* Bumped whenever the structures below change: a renderer of another
 * version is refused rather than called with the wrong layout. */
#define CLERK_PDF_ABI 3

struct pdf_request {
	int abi;              /* CLERK_PDF_ABI */
	const struct doc *doc; /* cleaned: see above */
	int first_leaf;       /* a minute book's first page number; 0 when
				 the copy is not for the minute book */
	const char *lang;     /* BCP 47 language of the text: "en-GB" */
	const char *leaf_label;     /* "Minute book page" */
	const char *initials_label; /* "Chair's initials" */
};

struct pdf_output {
	/* Called with the PDF's bytes, in order, as they are produced. */
	void (*write)(void *closure, const unsigned char *data, size_t len);
	void *closure;
	int pages;        /* set: the number of pages written */
	char error[256];  /* set when the render fails */
};

/* Render req->doc as PDF through out->write; 0 on success, else -1 with
 * out->error saying why. */
typedef int (*clerk_pdf_render_fn)(const struct pdf_request *req,
				   struct pdf_output *out);
int clerk_pdf_render(const struct pdf_request *req, struct pdf_output *out);
/* Let go of the renderer's libraries' caches: once, after the last
 * render (clerk calls it as it exits). */
void clerk_pdf_release(void);

#endif
