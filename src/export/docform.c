/*
 * export/docform: the intermediate document as text, so that minutes can
 * be kept as signed and rendered again, in any format, without the data or
 * the house style they were built from.
 *
 * Why this form rather than each format's bytes: every exporter (text,
 * Markdown, HTML, DOCX, and any added later) lays out the same blocks, so
 * keeping the blocks keeps exactly what was signed — every sentence, name,
 * number and heading — in one record per audience (public, confidential),
 * and a later export in any format says the same words.  Only the layout
 * code may change with clerk's version; the words cannot.
 *
 * One line per element, fields separated by tabs; backslash, tab, newline
 * and carriage return inside a field are written \\, \t, \n, \r:
 *
 *   clerk-doc 1
 *   title TITLE
 *   confidential MARK                      (only in a confidential record)
 *   block KIND BOLD NUMBER TEXT ASIDE      (KIND a name: "minute", "para")
 *   row CAPTION LABEL TEXT                 (a row of the block above)
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_private.h"

static const char *const kind_names[] = {
	[DOC_HEADING] = "heading",	 [DOC_MINUTE] = "minute",
	[DOC_PARA] = "para",		 [DOC_BULLETS] = "bullets",
	[DOC_NUMBERED] = "numbered",	 [DOC_ATTENDANCE] = "attendance",
	[DOC_FIELDS] = "fields",	 [DOC_CONFIDENTIAL] = "confidential",
	[DOC_SIGNATURE] = "signature",
};
#define NKINDS (sizeof kind_names / sizeof *kind_names)

static void put_field(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '\t');
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '\\':
			sb_add(sb, "\\\\");
			break;
		case '\t':
			sb_add(sb, "\\t");
			break;
		case '\n':
			sb_add(sb, "\\n");
			break;
		case '\r':
			sb_add(sb, "\\r");
			break;
		default:
			sb_addc(sb, *p);
		}
	}
}

char *doc_serialize(const struct doc *d)
{
	struct strbuf sb = {0};
	sb_add(&sb, "clerk-doc 1\ntitle");
	put_field(&sb, d->title);
	sb_addc(&sb, '\n');
	if (d->confidential) {
		sb_add(&sb, "confidential");
		put_field(&sb, d->confidential);
		sb_addc(&sb, '\n');
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->v[i];
		sb_addf(&sb, "block\t%s\t%d", kind_names[b->kind], b->bold ? 1 : 0);
		put_field(&sb, b->number);
		put_field(&sb, b->text);
		put_field(&sb, b->aside);
		sb_addc(&sb, '\n');
		for (size_t r = 0; r < b->nrows; r++) {
			sb_addf(&sb, "row\t%d", b->rows[r].caption ? 1 : 0);
			put_field(&sb, b->rows[r].label);
			put_field(&sb, b->rows[r].text);
			sb_addc(&sb, '\n');
		}
	}
	return sb_detach(&sb);
}

/* Split one line (NUL-terminated, modified in place) at its tabs and undo
 * the escapes; returns the number of fields (at most max). */
static size_t split_line(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;
	while (n < max) {
		fields[n++] = p;
		char *w = p;
		while (*p && *p != '\t') {
			if (*p == '\\' && p[1]) {
				p++;
				*w++ = *p == 't' ? '\t' : *p == 'n' ? '\n'
				       : *p == 'r' ? '\r' : *p;
				p++;
			} else {
				*w++ = *p++;
			}
		}
		bool more = *p == '\t';
		*w = '\0';
		if (!more)
			break;
		p++;
	}
	return n;
}

static int kind_of(const char *name)
{
	for (size_t k = 0; k < NKINDS; k++)
		if (kind_names[k] && strcmp(kind_names[k], name) == 0)
			return (int)k;
	return -1;
}

/* One line into d; false when it is not a line of the form. */
static bool parse_line(struct doc *d, char *line)
{
	char *f[6];
	size_t n = split_line(line, f, 6);
	if (strcmp(f[0], "title") == 0 && n == 2) {
		free(d->title);
		d->title = xstrdup(f[1]);
	} else if (strcmp(f[0], "confidential") == 0 && n == 2) {
		free(d->confidential);
		d->confidential = xstrdup(f[1]);
	} else if (strcmp(f[0], "block") == 0 && n == 6) {
		int kind = kind_of(f[1]);
		if (kind < 0)
			return false;
		struct doc_block *b = doc_add(d, (enum doc_kind)kind, f[4]);
		b->bold = strcmp(f[2], "1") == 0;
		free(b->number);
		b->number = xstrdup(f[3]);
		free(b->aside);
		b->aside = xstrdup(f[5]);
	} else if (strcmp(f[0], "row") == 0 && n == 4 && d->n) {
		doc_row_add(&d->v[d->n - 1], f[2], f[3])->caption =
			strcmp(f[1], "1") == 0;
	} else {
		return false;
	}
	return true;
}

enum clerk_status doc_parse(const char *text, struct doc *out,
			    struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	static const char magic[] = "clerk-doc 1\n";
	if (!text || strncmp(text, magic, sizeof magic - 1) != 0)
		return clerk_fail(err, CLERK_INVALID,
				  "the signed minutes are not in a form this "
				  "clerk reads");
	char *copy = xstrdup(text + sizeof magic - 1);
	size_t lineno = 1;
	enum clerk_status rc = CLERK_OK;
	for (char *line = copy; *line && !rc;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		if (!parse_line(out, line))
			rc = clerk_fail(err, CLERK_INVALID,
					"the signed minutes are damaged at line "
					"%zu of their stored form",
					lineno);
		line = nl ? nl + 1 : line + strlen(line);
	}
	free(copy);
	if (rc)
		doc_free(out);
	return rc;
}
