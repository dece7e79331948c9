/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/pdf: the PDF format.  The document is rendered by clerk-pdf.so
 * (export/pdf_render.c: cairo and pango), loaded with dlopen() the first
 * time a PDF is written, as import/html_text loads gumbo: linked into
 * clerk, cairo and pango (with fontconfig, freetype, harfbuzz and glib)
 * would cost every command their start-up, and only PDF needs them.
 *
 * Before it is handed over, the document is cleaned as every format
 * cleans its text (export_clean: valid UTF-8, no control characters), so
 * the renderer needs nothing of clerk's.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/model.h"
#include "clerk/pdf_render.h"
#include "export_private.h"

#ifndef CLERK_PKGLIBEXECDIR
#define CLERK_PKGLIBEXECDIR "/usr/local/libexec/clerk"
#endif
#define RENDERER "clerk-pdf.so"

/* The renderer, loaded once per process and never unloaded. */
/* The renderer's own clean-up, run as clerk exits. */
static void (*release)(void);

static void pdf_release_at_exit(void)
{
	release();
}

static enum clerk_status pdf_load(clerk_pdf_render_fn *fn,
				  struct clerk_err *err)
{
	static clerk_pdf_render_fn loaded;
	if (!loaded) {
		/* The library stays loaded until clerk exits, which is when
		 * its caches are released (pdf_release_at_exit). */
		/* The build tree's own renderer for a clerk built there (the
		 * tests), else the installed one: never one found through a
		 * search path. */
		char *path = clerk_in_build_tree()
				     ? xstrdup(CLERK_BUILDDIR "/" RENDERER)
				     : xstrdup(CLERK_PKGLIBEXECDIR "/" RENDERER);
		void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
		if (!lib) {
			const char *why = dlerror();
			clerk_fail(err, CLERK_IO,
				   "writing PDF needs clerk's PDF renderer %s, "
				   "which cannot be loaded (%s): install cairo "
				   "and pango (Debian's libcairo2 and "
				   "libpango-1.0-0) or reinstall clerk",
				   path, why ? why : "not found");
			free(path);
			return CLERK_IO;
		}
		*(void **)&loaded = dlsym(lib, "clerk_pdf_render");
		if (!loaded) {
			dlclose(lib);
			clerk_fail(err, CLERK_IO,
				   "%s is not clerk's PDF renderer", path);
			free(path);
			return CLERK_IO;
		}
		*(void **)&release = dlsym(lib, "clerk_pdf_release");
		if (release)
			atexit(pdf_release_at_exit);
		free(path);
	}
	*fn = loaded;
	return CLERK_OK;
}

static char *clean_or_null(const char *s)
{
	return s ? export_clean(s) : NULL;
}

/* A copy of d with every string cleaned (see above). */
static void pdf_clean_copy(const struct doc *d, struct doc *c)
{
	memset(c, 0, sizeof *c);
	c->title = clean_or_null(d->title);
	c->confidential = clean_or_null(d->confidential);
	c->council = clean_or_null(d->council);
	c->body = clean_or_null(d->body);
	c->day = clean_or_null(d->day);
	c->lang = clean_or_null(d->lang);
	c->page_of = xstrdup(d->page_of ? d->page_of : EXPORT_PAGE_NUMBER);
	c->first_leaf = d->first_leaf;
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->v[i];
		char *t = export_clean(b->text);
		struct doc_block *nb = doc_add(c, b->kind, t);
		free(t);
		nb->bold = b->bold;
		free(nb->number);
		nb->number = export_clean(b->number);
		free(nb->aside);
		nb->aside = export_clean(b->aside);
		for (size_t r = 0; r < b->nrows; r++) {
			char *l = export_clean(b->rows[r].label);
			char *x = export_clean(b->rows[r].text);
			doc_row_add(nb, l, x)->caption = b->rows[r].caption;
			free(l);
			free(x);
		}
	}
}

static void append_bytes(void *closure, const unsigned char *data, size_t len)
{
	struct strbuf *sb = closure;
	if (sb)
		sb_addn(sb, (const char *)data, len);
}

/* Render d into sb (NULL: only count) and its pages into *pages. */
static enum clerk_status pdf_render(const struct doc *d, struct strbuf *sb,
				    int *pages, struct clerk_err *err)
{
	clerk_pdf_render_fn render;
	enum clerk_status rc = pdf_load(&render, err);
	if (rc)
		return rc;
	struct doc c;
	pdf_clean_copy(d, &c);
	struct pdf_request req = {
		.abi = CLERK_PDF_ABI,
		.doc = &c,
		.first_leaf = d->first_leaf,
		.lang = c.lang ? c.lang : "en-GB",
		.leaf_label = "Minute book page",
		.initials_label = "Chair's initials",
	};
	struct pdf_output out = {.write = append_bytes, .closure = sb};
	if (render(&req, &out) != 0)
		rc = clerk_fail(err, CLERK_IO, "the PDF could not be made: %s",
				out.error);
	*pages = out.pages;
	doc_free(&c);
	return rc;
}

enum clerk_status export_pdf_pages(const struct doc *d, int *pages,
				   struct clerk_err *err)
{
	return pdf_render(d, NULL, pages, err);
}

/* The last occurrence of needle in the n bytes at hay, or NULL. */
static const char *last_of(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

/* The number after key in the trailer t ("/Root 185 0 R"), or -1. */
static long trailer_number(const char *t, const char *key)
{
	const char *p = strstr(t, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

/* Set the document's language (the catalog's /Lang, which screen readers
 * use to choose a voice): cairo 1.16 has no call for it, so it is added
 * as PDF adds anything to a finished file, by an incremental update (a new
 * version of the catalog, its cross-reference section and a trailer
 * pointing back at the previous one).  Nothing is changed when the file is
 * not laid out as cairo writes it. */
static void pdf_set_lang(struct strbuf *sb, const char *lang)
{
	for (const char *c = lang; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= '0' && *c <= '9') || *c == '-'))
			return;
	const char *trailer = last_of(sb->s, sb->len, "\ntrailer\n");
	const char *sx = last_of(sb->s, sb->len, "\nstartxref\n");
	if (!trailer || !sx || sx < trailer)
		return;
	char *t = xstrndup(trailer, (size_t)(sx - trailer));
	long size = trailer_number(t, "/Size "), root = trailer_number(t, "/Root "),
	     info = trailer_number(t, "/Info ");
	free(t);
	long prev = strtol(sx + strlen("\nstartxref\n"), NULL, 10);
	if (size <= 0 || root <= 0 || prev <= 0)
		return;
	char head[48];
	snprintf(head, sizeof head, "\n%ld 0 obj\n", root);
	const char *obj = last_of(sb->s, sb->len, head);
	if (!obj)
		return;
	obj += strlen(head);
	const char *end = strstr(obj, "\nendobj");
	const char *close = end ? last_of(obj, (size_t)(end - obj), ">>") : NULL;
	if (!close || strncmp(obj, "<<", 2) != 0)
		return;
	char *dict = xstrndup(obj, (size_t)(close - obj));
	size_t at = sb->len;
	sb_addf(sb, "%ld 0 obj\n%s   /Lang (%s)\n>>\nendobj\n", root, dict,
		lang);
	free(dict);
	size_t xref = sb->len;
	sb_addf(sb, "xref\n0 1\n0000000000 65535 f \n%ld 1\n%010zu 00000 n \n",
		root, at);
	sb_addf(sb, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", size, root);
	if (info > 0)
		sb_addf(sb, "   /Info %ld 0 R\n", info);
	sb_addf(sb, "   /Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n", prev, xref);
}

static enum clerk_status pdf_begin(struct export_ctx *ctx)
{
	(void)ctx;
	return CLERK_OK;
}

static enum clerk_status pdf_block(struct export_ctx *ctx,
				   const struct doc_block *b)
{
	(void)ctx;
	(void)b;
	return CLERK_OK;
}

/* The whole document at once: pages are laid out knowing all of it. */
static enum clerk_status pdf_end(struct export_ctx *ctx, bool ok)
{
	if (!ok)
		return CLERK_OK;
	int pages = 0;
	enum clerk_status rc = pdf_render(ctx->doc, &ctx->out, &pages, ctx->err);
	if (!rc)
		pdf_set_lang(&ctx->out, ctx->doc->lang ? ctx->doc->lang : "en-GB");
	return rc;
}

const struct export_ops export_pdf_ops = {
	.name = "pdf",
	.extension = "pdf",
	.needs_file = true,
	.begin = pdf_begin,
	.block = pdf_block,
	.end = pdf_end,
};

void export_doc_meta(struct db *db, const char *meeting_id, struct doc *d)
{
	struct meeting m = {0};
	struct body b = {0};
	struct council c = {0};
	struct clerk_err err = {0};
	if (!d->lang)
		d->lang = xstrdup("en-GB");
	if (meeting_get(db, meeting_id, &m, &err) ||
	    body_get(db, m.body_id, &b, &err)) {
		meeting_free(&m);
		body_free(&b);
		return;
	}
	const char *tz = b.tz && *b.tz ? b.tz : "Europe/London";
	if (!d->body)
		d->body = xstrdup(b.name ? b.name : "");
	if (!d->day)
		d->day = style_date("{day} {month} {year}", m.starts_at, tz);
	if (!d->council && council_get(db, b.council_id, &c, &err) == CLERK_OK)
		d->council = xstrdup(c.name ? c.name : "");
	/* Minutes kept as signed carry no page number: the body's house
	 * style gives it, as it gives a draft's. */
	struct style st = {0};
	if (!d->page_of && style_load(b.style, &st, &err) == CLERK_OK)
		d->page_of = xstrdup(
			style_get(&st, "page.number", EXPORT_PAGE_NUMBER));
	style_free(&st);
	council_free(&c);
	meeting_free(&m);
	body_free(&b);
}
