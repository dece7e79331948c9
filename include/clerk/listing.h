/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * listing: how a look-up command prints what it found.
 *
 * Three forms: text (aligned, fitted to the terminal's width and styled on
 * a terminal; whole and plain on a pipe), CSV (RFC 4180: a header line,
 * fields quoted when they hold a comma, a quote or a line break, quotes
 * doubled, lines ending CRLF) and JSON (written with jansson).  Text from
 * the database never reaches the terminal with control characters in it:
 * every cell and line is cleaned first.
 *
 * Text may carry LISTING_MARK_OPEN/CLOSE around words to highlight (search
 * snippets): bold and reverse on a terminal, [brackets] on a pipe.
 */
#ifndef CLERK_LISTING_H
#define CLERK_LISTING_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

enum listing_format { LISTING_TEXT, LISTING_CSV, LISTING_JSON };

enum listing_style {
	LISTING_PLAIN,
	LISTING_HEADING, /* bold */
	LISTING_DIM,     /* secondary detail */
	LISTING_WARN,    /* yellow: attention soon */
	LISTING_ALERT,   /* red: a rule is broken */
};

#define LISTING_MARK_OPEN '\x01'
#define LISTING_MARK_CLOSE '\x02'

struct listing {
	FILE *out;
	enum listing_format format;
	bool tty;   /* out is a terminal */
	int width;  /* columns to fit on a terminal; 0: no limit */
	bool color; /* colours allowed (a terminal, no --no-color/NO_COLOR) */
	bool ascii; /* a terminal that cannot show UTF-8: names transliterated */
};

/* Set up printing to out: on a terminal the width comes from TIOCGWINSZ,
 * else $COLUMNS, else 80; on a pipe there is no limit and no style. */
void listing_init(struct listing *l, FILE *out, enum listing_format format,
		  bool no_color);

/* Print one line of text (indented by `indent` columns) in a style, cut
 * with "…" to the width on a terminal. */
void listing_line(const struct listing *l, int indent, enum listing_style style,
		  const char *text);
/* printf-style listing_line. */
void listing_linef(const struct listing *l, int indent,
		   enum listing_style style, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A copy of s fit for a line: line breaks and tabs become spaces, other
 * control characters '?'; marks are kept when keep_marks.  Caller frees. */
char *listing_clean(const char *s, bool keep_marks);

/* A table of text cells, printed aligned (text) or as CSV. */
struct listing_table;
/* A table with ncols columns named by headers (copied). */
struct listing_table *listing_table_new(size_t ncols,
					const char *const *headers);
/* Right-align column col in text form (numbers). */
void listing_table_right(struct listing_table *t, size_t col);
/* Add a row of ncols cells (copied; NULL is empty). */
void listing_table_add(struct listing_table *t, const char *const *cells);
/* Print the table in l's format (text or CSV), text indented by indent;
 * on a terminal the widest columns are narrowed until the table fits. */
void listing_table_print(const struct listing *l,
			 const struct listing_table *t, int indent);
void listing_table_free(struct listing_table **t);

/* Write one CSV field (quoted when needed) to out. */
void listing_csv_field(FILE *out, const char *s);
/* Write a CSV line of n fields. */
void listing_csv_row(FILE *out, const char *const *cells, size_t n);

/* A JSON string of s (never NULL: invalid UTF-8 is cleaned first). */
json_t *listing_json_str(const char *s);
/* Print root (indented, keys in insertion order, a final newline) and
 * release it. */
void listing_json_print(const struct listing *l, json_t *root);

#endif
