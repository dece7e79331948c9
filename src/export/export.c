/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/export: the driver.  Finds an exporter by name, runs it over a
 * document (begin, each block, end), and writes the result where it was
 * asked, through outfile (standard output, a device, or a file through a
 * temporary name and rename() so that nobody ever opens half a document).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clerk/outfile.h"
#include "export_private.h"

static const struct export_ops *const exporters[] = {
	&export_text_ops, &export_markdown_ops, &export_html_ops,
	&export_docx_ops, &export_pdf_ops, NULL,
};

const struct export_ops *export_find(const char *name)
{
	for (size_t i = 0; exporters[i]; i++)
		if (strcmp(exporters[i]->name, name) == 0)
			return exporters[i];
	if (strcmp(name, "md") == 0 || strcmp(name, "txt") == 0)
		return name[0] == 'm' ? &export_markdown_ops : &export_text_ops;
	return NULL;
}

const char *export_names(void)
{
	return "text|markdown|html|docx|pdf";
}

/* Whole runs are copied at once: the minutes of a meeting are tens of
 * thousands of characters, and a call per character was a tenth of an
 * export's time. */
char *export_clean(const char *text)
{
	/* One pass: each run of blanks (" \t\r\n") becomes one space, none
	 * at the ends; text that is all printable ASCII then needs no
	 * sanitizing (utf8_sanitize would copy it as it is). */
	const char *p = text ? text : "";
	char *buf = xmalloc(strlen(p) + 1), *o = buf;
	bool gap = false, plain = true;
	for (; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
			gap = true;
			continue;
		}
		if (gap && o > buf)
			*o++ = ' ';
		gap = false;
		plain = plain && ch >= 0x20 && ch < 0x7f;
		*o++ = (char)ch;
	}
	*o = '\0';
	if (plain)
		return buf;
	char *clean = utf8_sanitize(buf);
	free(buf);
	return clean;
}

static const char *markup_entity(char c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	default:
		return "&#39;";
	}
}

/* U+FFFE and U+FFFF are not characters XML 1.0 allows (one of them made a
 * DOCX that Word and LibreOffice refuse whole): they are written as U+FFFD,
 * visibly.  Controls are already '?' (export_clean); surrogates are not
 * valid UTF-8. */
static bool xml_nonchar(const char *p)
{
	return (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBF &&
	       ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF);
}

void export_escape_markup(struct strbuf *o, const char *text, bool apos)
{
	char *t = export_clean(text);
	const char *special = apos ? "&<>\"'\xEF" : "&<>\"\xEF";
	for (const char *p = t; *p; p++) {
		size_t run = strcspn(p, special);
		sb_addn(o, p, run);
		p += run;
		if (!*p)
			break;
		if ((unsigned char)*p != 0xEF)
			sb_add(o, markup_entity(*p));
		else if (xml_nonchar(p)) {
			sb_add(o, "\xEF\xBF\xBD");
			p += 2;
		} else {
			sb_addc(o, *p);
		}
	}
	free(t);
}

void export_page_pieces(const struct doc *d,
			void (*fn)(void *ctx, const char *text, size_t len,
				   int field),
			void *ctx)
{
	const char *t = d->page_of ? d->page_of : EXPORT_PAGE_NUMBER;
	while (*t) {
		const char *a = strstr(t, "{page}"), *b = strstr(t, "{pages}");
		const char *f = a && (!b || a < b) ? a : b;
		if (!f) {
			fn(ctx, t, strlen(t), 0);
			break;
		}
		if (f > t)
			fn(ctx, t, (size_t)(f - t), 0);
		fn(ctx, NULL, 0, f == a ? 1 : 2);
		t = f + (f == a ? strlen("{page}") : strlen("{pages}"));
	}
}

bool export_is_confidential(const struct doc *d)
{
	return d->confidential != NULL;
}

void export_wrap(struct strbuf *out, const char *text, int width,
		 const char *first, const char *rest)
{
	char *clean = export_clean(text);
	const char *indent = first;
	int col = utf8_width(first);
	bool line_has_word = false;
	sb_add(out, first);
	/* clean holds words with one space between them: each word is
	 * measured as it is found (printable ASCII one column a byte, else
	 * utf8_width over the word), and added with the space before it. */
	for (char *p = clean; *p;) {
		char *end = p;
		bool plain = true;
		while (*end && *end != ' ') {
			unsigned char ch = (unsigned char)*end++;
			plain = plain && ch >= 0x20 && ch < 0x7f;
		}
		size_t len = (size_t)(end - p);
		int w = (int)len;
		if (!plain) {
			/* the word measured where it is: cut at its end for a
			 * moment */
			char keep = *end;
			*end = '\0';
			w = utf8_width(p);
			*end = keep;
		}
		if (line_has_word && col + 1 + w > width) {
			sb_addc(out, '\n');
			indent = rest;
			sb_add(out, indent);
			col = utf8_width(indent);
			line_has_word = false;
		}
		if (line_has_word) {
			sb_addn(out, p - 1, len + 1); /* the space, the word */
			col++;
		} else {
			sb_addn(out, p, len);
		}
		col += w;
		line_has_word = true;
		p = end;
		while (*p == ' ')
			p++;
	}
	sb_addc(out, '\n');
	free(clean);
}

/* Run ops over d: begin, each block, end (always, to free its state).
 * The bytes are left in ctx->out. */
static enum clerk_status export_run(const struct export_ops *ops,
				    struct export_ctx *ctx)
{
	const struct doc *d = ctx->doc;
	enum clerk_status rc = ops->begin(ctx);
	for (size_t i = 0; rc == CLERK_OK && i < d->n; i++)
		rc = ops->block(ctx, &d->v[i]);
	enum clerk_status erc = ops->end(ctx, rc == CLERK_OK);
	return rc != CLERK_OK ? rc : erc;
}

enum clerk_status export_render(const struct export_ops *ops,
				const struct doc *d, char **out,
				struct clerk_err *err)
{
	struct export_ctx ctx = {.doc = d, .err = err};
	*out = NULL;
	if (ops->needs_file)
		return clerk_fail(err, CLERK_USAGE,
				  "the %s format is a file: name one with -o FILE",
				  ops->name);
	enum clerk_status rc = export_run(ops, &ctx);
	if (rc == CLERK_OK)
		*out = sb_detach(&ctx.out);
	sb_free(&ctx.out);
	return rc;
}

enum clerk_status export_bytes(const struct export_ops *ops,
			       const struct doc *d, char **bytes, size_t *len,
			       struct clerk_err *err)
{
	struct export_ctx ctx = {.doc = d, .err = err};
	*bytes = NULL;
	*len = 0;
	enum clerk_status rc = export_run(ops, &ctx);
	if (rc == CLERK_OK) {
		sb_add(&ctx.out, "");
		*len = ctx.out.len;
		*bytes = sb_detach(&ctx.out);
	}
	sb_free(&ctx.out);
	return rc;
}

enum clerk_status export_write(const struct export_ops *ops,
			       const struct doc *d, const char *path,
			       FILE *stdout_fp, const char *database,
			       struct clerk_err *err)
{
	if (!path && ops->needs_file)
		return clerk_fail(err, CLERK_USAGE,
				  "the %s format is a binary file: name it with "
				  "-o FILE (or -o - for standard output)",
				  ops->name);
	/* Every byte first: a failure leaves no partial file, even on a
	 * device or standard output.  A binary format's bytes may hold NULs:
	 * they are taken by length. */
	struct export_ctx ctx = {.doc = d, .err = err};
	enum clerk_status rc = export_run(ops, &ctx);
	if (!rc) {
		struct outfile_opts o = {
			.database = database,
			.confidential = export_is_confidential(d),
			.stdout_fp = stdout_fp,
		};
		rc = outfile_write(path ? path : "-", &o, sb_str(&ctx.out),
				   ctx.out.len, err);
	}
	sb_free(&ctx.out);
	return rc;
}
