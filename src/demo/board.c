/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo/board: reading the line-oriented, indented .board format into a tree
 * of nodes (see board.h), with errors that name the file, the line and what
 * is wrong there.  It knows nothing of councils or meetings.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"

/* A .board file larger than this is surely a mistake. */
#define BOARD_MAX_BYTES (8u << 20)
/* Deepest nesting accepted. */
#define BOARD_MAX_DEPTH 32

struct parser {
	const char *file;
	int line;
	struct clerk_err *err;
	struct board_node *stack[BOARD_MAX_DEPTH + 1];
	int depth;                /* stack[0..depth] are open */
	struct board_node *last;  /* the last node added (not a '+' line) */
};

static enum clerk_status parse_fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum clerk_status parse_fail(struct parser *p, const char *fmt, ...)
{
	char reason[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return clerk_fail(p->err, CLERK_INVALID, "%s:%d: %s", p->file, p->line,
			  reason);
}

static struct board_node *node_add_kid(struct board_node *parent)
{
	if (parent->nkids == parent->capkids) {
		parent->capkids = parent->capkids ? parent->capkids * 2 : 8;
		parent->kids = xrealloc(parent->kids,
					parent->capkids * sizeof *parent->kids);
	}
	struct board_node *n = &parent->kids[parent->nkids++];
	memset(n, 0, sizeof *n);
	return n;
}

void board_node_free(struct board_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		board_node_free(&n->kids[i]);
	free(n->kids);
	free(n->key);
	free(n->value);
	memset(n, 0, sizeof *n);
}

static bool is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

/* Refuse bytes that would be unsafe on a terminal or in a minute. */
static enum clerk_status check_text(struct parser *p, const char *s, size_t n)
{
	if (!utf8_valid(s, n))
		return parse_fail(p, "the line is not valid UTF-8 text");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\t')
			return parse_fail(p, "a tab character: use spaces");
		if (c < 0x20 || c == 0x7f)
			return parse_fail(p, "a control character (byte 0x%02x)",
					  c);
	}
	return CLERK_OK;
}

/* Append a '+' line's text to the value of the node it continues. */
static enum clerk_status add_continuation(struct parser *p,
					  struct board_node *parent,
					  const char *text, size_t n)
{
	if (parent != p->last || parent->line == 0)
		return parse_fail(p, "a '+' line continues the line just above "
				     "it, indented under it");
	if (n == 0)
		return CLERK_OK;
	char *joined = parent->value[0]
			       ? xasprintf("%s %.*s", parent->value, (int)n, text)
			       : xstrndup(text, n);
	free(parent->value);
	parent->value = joined;
	return CLERK_OK;
}

/* Find the parent of a line indented by `indent`, closing deeper lines. */
static enum clerk_status find_parent(struct parser *p, int indent,
				     struct board_node **out)
{
	while (p->depth > 0 && p->stack[p->depth]->indent >= indent)
		p->depth--;
	struct board_node *parent = p->stack[p->depth];
	if (parent->child_indent == 0)
		parent->child_indent = indent;
	else if (parent->child_indent != indent)
		return parse_fail(p,
				  "indented by %d spaces, but the lines beside it "
				  "are indented by %d",
				  indent, parent->child_indent);
	*out = parent;
	return CLERK_OK;
}

/* One line, without its newline. */
static enum clerk_status parse_line(struct parser *p, const char *s, size_t n)
{
	if (n > 0 && s[n - 1] == '\r')
		n--;
	size_t indent = 0;
	while (indent < n && s[indent] == ' ')
		indent++;
	if (indent == n || s[indent] == '#') /* blank or comment */
		return utf8_valid(s, n)
			       ? CLERK_OK
			       : parse_fail(p, "the line is not valid UTF-8 text");
	enum clerk_status rc = check_text(p, s, n);
	if (rc)
		return rc;
	const char *key = s + indent;
	size_t klen = 0;
	if (key[0] == '+')
		klen = 1;
	else
		while (indent + klen < n && is_key_char(key[klen]))
			klen++;
	if (klen == 0)
		return parse_fail(p, "expected a keyword (letters, digits, '-') "
				     "at the start of the line, found '%c'",
				  key[0]);
	const char *val = key + klen;
	size_t vlen = n - indent - klen;
	if (vlen > 0 && val[0] != ' ')
		return parse_fail(p, "expected a space after '%.*s'", (int)klen,
				  key);
	while (vlen > 0 && *val == ' ')
		val++, vlen--;
	while (vlen > 0 && val[vlen - 1] == ' ')
		vlen--;
	struct board_node *parent = NULL;
	if ((rc = find_parent(p, (int)indent, &parent)))
		return rc;
	if (key[0] == '+')
		return add_continuation(p, parent, val, vlen);
	if (p->depth >= BOARD_MAX_DEPTH)
		return parse_fail(p, "nested more than %d levels deep",
				  BOARD_MAX_DEPTH);
	struct board_node *node = node_add_kid(parent);
	node->key = xstrndup(key, klen);
	node->value = xstrndup(val, vlen);
	node->line = p->line;
	node->indent = (int)indent;
	p->stack[++p->depth] = node;
	p->last = node;
	return CLERK_OK;
}

enum clerk_status board_parse(const char *file, const char *text, size_t len,
			      struct board_node *root, struct clerk_err *err)
{
	memset(root, 0, sizeof *root);
	root->key = xstrdup("");
	root->value = xstrdup("");
	root->indent = -1;
	struct parser p = {.file = file, .err = err, .last = root};
	p.stack[0] = root;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3; /* a byte-order mark left by some editors */
		len -= 3;
	}
	size_t pos = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		p.line++;
		if (memchr(text + pos, '\0', n)) {
			board_node_free(root);
			return parse_fail(&p, "a NUL byte: this is not a text "
					      "file");
		}
		enum clerk_status rc = parse_line(&p, text + pos, n);
		if (rc) {
			board_node_free(root);
			return rc;
		}
		pos += n + (nl ? 1 : 0);
	}
	return CLERK_OK;
}

enum clerk_status board_read_file(const char *path, struct board_node *root,
				  struct clerk_err *err)
{
	memset(root, 0, sizeof *root);
	FILE *f = fopen(path, "rb");
	if (!f)
		return clerk_fail(err, CLERK_IO, "cannot read %s: %s", path,
				  strerror(errno));
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;
	enum clerk_status rc = CLERK_OK;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (sb.len + n > BOARD_MAX_BYTES) {
			rc = clerk_fail(err, CLERK_INVALID,
					"%s is larger than %u MiB: not a .board "
					"file",
					path, BOARD_MAX_BYTES >> 20);
			break;
		}
		sb_addn(&sb, buf, n);
	}
	if (!rc && ferror(f))
		rc = clerk_fail(err, CLERK_IO, "cannot read %s: %s", path,
				strerror(errno));
	fclose(f);
	if (!rc)
		rc = board_parse(path, sb_str(&sb), sb.len, root, err);
	sb_free(&sb);
	return rc;
}
