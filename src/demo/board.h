/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo/board: the syntax of .board files, without their meaning.
 *
 * A .board file is a tree of lines "KEYWORD VALUE", where a line indented
 * further than the one above it is its child, '#' lines are comments, and a
 * line whose keyword is '+' continues its parent's value (joined with one
 * space).  The format is documented in full at the top of
 * share/demo/hampshire-hwb.board; demo.c gives the keywords their meaning.
 *
 * Private to src/demo (and its tests).
 */
#ifndef CLERK_DEMO_BOARD_H
#define CLERK_DEMO_BOARD_H

#include "clerk/core.h"

/* One line of a .board file and the lines under it. */
struct board_node {
	char *key;   /* the keyword ("" for the root) */
	char *value; /* the rest of the line, continuations joined ("" if none) */
	int line;    /* 1-based line number in its file (0 for the root) */
	int indent;  /* columns of indentation (-1 for the root) */
	int child_indent; /* indentation of its children (0: none yet) */
	struct board_node *kids;
	size_t nkids, capkids;
};

/* Parse text (len bytes) of the file named `file` into *root, whose children
 * are the top-level lines.  On a syntax error returns CLERK_INVALID with
 * "FILE:LINE: reason" in err and leaves *root empty. */
enum clerk_status board_parse(const char *file, const char *text, size_t len,
			      struct board_node *root, struct clerk_err *err);

/* Read and parse the file at path (see board_parse); CLERK_IO when it
 * cannot be read. */
enum clerk_status board_read_file(const char *path, struct board_node *root,
				  struct clerk_err *err);

/* Release a tree filled by board_parse (the node itself is not freed, and
 * is zeroed, so freeing twice is safe). */
void board_node_free(struct board_node *n);

#endif
