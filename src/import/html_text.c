/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/html_text: HTML (as ModernGov serves agenda text: Word's HTML,
 * <div class="WordSection1"><p class="MsoNormal"><span>...) to plain
 * paragraphs, with Debian's gumbo, a parser that follows the HTML5
 * specification (entities, unclosed tags, Word's markup).
 *
 * gumbo is loaded with dlopen() when the first HTML text is read, not
 * linked into clerk: linked, it cost every clerk command ~220,000
 * instructions at start-up (callgrind: `clerk --version` 1.96 M -> 2.18 M),
 * and only `clerk import moderngov` needs it.
 */
#include "config.h"

#include <dlfcn.h>
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "import_private.h"

#ifndef GUMBO_SONAME
#define GUMBO_SONAME "libgumbo.so.1"
#endif

struct gumbo_api {
	void *lib;
	GumboOutput *(*parse)(const GumboOptions *, const char *, size_t);
	void (*destroy)(const GumboOptions *, GumboOutput *);
	const GumboOptions *defaults;
};

/* The library, loaded once per process (it is never unloaded: a loaded
 * shared object is the process's for its life). */
static bool gumbo_load(struct gumbo_api *api, struct clerk_err *err)
{
	static struct gumbo_api loaded;
	if (!loaded.lib) {
		void *lib = dlopen(GUMBO_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (!lib) {
			clerk_fail(err, CLERK_IO,
				   "reading the HTML of agenda text needs the "
				   "gumbo library (%s), which cannot be "
				   "loaded: install Debian's libgumbo1",
				   GUMBO_SONAME);
			return false;
		}
		*(void **)&loaded.parse = dlsym(lib, "gumbo_parse_with_options");
		*(void **)&loaded.destroy = dlsym(lib, "gumbo_destroy_output");
		loaded.defaults = dlsym(lib, "kGumboDefaultOptions");
		if (!loaded.parse || !loaded.destroy || !loaded.defaults) {
			dlclose(lib);
			memset(&loaded, 0, sizeof loaded);
			clerk_fail(err, CLERK_IO,
				   "%s is not the gumbo library clerk knows",
				   GUMBO_SONAME);
			return false;
		}
		loaded.lib = lib;
	}
	*api = loaded;
	return true;
}

/* Elements that end a paragraph. */
static bool is_block(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_P:
	case GUMBO_TAG_DIV:
	case GUMBO_TAG_BR:
	case GUMBO_TAG_LI:
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
	case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TR:
	case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_HR:
		return true;
	default:
		return false;
	}
}

/* Start a new paragraph unless one has just started. */
static void paragraph_break(struct strbuf *sb)
{
	while (sb->len && sb->s[sb->len - 1] == ' ')
		sb->s[--sb->len] = '\0';
	if (sb->len && sb->s[sb->len - 1] != '\n')
		sb_addc(sb, '\n');
}

/* Text with runs of white space (Word wraps lines inside a paragraph, and
 * &nbsp; is U+00A0) as single spaces. */
static void add_text(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		size_t skip = 0;
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
			space = true, skip = 1;
		if (space) {
			if (sb->len && sb->s[sb->len - 1] != ' ' &&
			    sb->s[sb->len - 1] != '\n')
				sb_addc(sb, ' ');
		} else {
			sb_addc(sb, *s);
		}
		s += skip;
	}
}

static void walk(const GumboNode *node, struct strbuf *sb, int depth)
{
	if (depth > 200)
		return; /* nesting deeper than any document: not text */
	if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
		add_text(sb, node->v.text.text);
		return;
	}
	if (node->type != GUMBO_NODE_ELEMENT &&
	    node->type != GUMBO_NODE_TEMPLATE)
		return;
	const GumboElement *el = &node->v.element;
	if (el->tag == GUMBO_TAG_SCRIPT || el->tag == GUMBO_TAG_STYLE ||
	    el->tag == GUMBO_TAG_HEAD)
		return;
	bool block = is_block(el->tag);
	if (block)
		paragraph_break(sb);
	if (el->tag == GUMBO_TAG_LI)
		sb_add(sb, "\xe2\x80\xa2 ");
	for (unsigned i = 0; i < el->children.length; i++)
		walk(el->children.data[i], sb, depth + 1);
	if (block)
		paragraph_break(sb);
	else if (el->tag == GUMBO_TAG_TD || el->tag == GUMBO_TAG_TH)
		add_text(sb, " ");
}

char *imp_html_to_text(const char *html, struct clerk_err *err)
{
	struct gumbo_api api;
	if (!gumbo_load(&api, err))
		return NULL;
	GumboOutput *out = api.parse(api.defaults, html, strlen(html));
	struct strbuf sb = {0};
	walk(out->root, &sb, 0);
	api.destroy(api.defaults, out);
	/* Trim each paragraph; drop the empty ones Word leaves (&nbsp;). */
	struct strbuf clean = {0};
	char *text = sb_detach(&sb), *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		imp_trim(line);
		if (!*line)
			continue;
		if (clean.len)
			sb_addc(&clean, '\n');
		sb_add(&clean, line);
	}
	free(text);
	return sb_detach(&clean);
}
