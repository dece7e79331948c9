/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * editor: the text buffer behind the console's multi-line editor, with no
 * curses in it so that every operation is unit-tested on its own.
 *
 * The text is UTF-8 with '\n' between lines (points).  The cursor is a byte
 * offset that always sits on a character boundary, never inside a sequence
 * nor between a character and its combining marks.  Display lines come from
 * word-wrapping the text to a width in terminal columns (tb_wrap).  Every
 * edit records an undo step; consecutive typing (or deleting) is coalesced
 * into one step per word, so that undo takes back a word at a time.
 */
#ifndef CLERK_EDITOR_H
#define CLERK_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TB_UNDO_MAX 64

struct tb_snapshot {
	char *text;
	size_t cur;
};

struct textbuf {
	char *s; /* always NUL-terminated */
	size_t len, cap;
	size_t cur;   /* byte offset of the cursor */
	int goal_col; /* column kept while moving up and down (-1: none) */
	bool single_line; /* '\n' is refused (prompts) */
	struct tb_snapshot undo[TB_UNDO_MAX];
	size_t nundo;
	int last_edit; /* kind of the last edit, for coalescing */
};

/* One display line: bytes [start, end) of the text, `width` columns. */
struct tb_line {
	size_t start, end;
	int width;
};

/* Start a buffer holding a copy of text (NULL: empty), cursor at the end. */
void tb_init(struct textbuf *tb, const char *text);
void tb_free(struct textbuf *tb);
/* The text (owned by the buffer). */
const char *tb_text(const struct textbuf *tb);
/* Insert UTF-8 text at the cursor, cursor after it.  Control characters
 * other than '\n' (and '\n' too in a single-line buffer) become spaces or
 * are dropped ('\r', '\t' become a space), invalid bytes become U+FFFD. */
void tb_insert(struct textbuf *tb, const char *text);
/* Insert one code point. */
void tb_insert_cp(struct textbuf *tb, uint32_t cp);
/* Delete the character before / at the cursor; false at the edge. */
bool tb_backspace(struct textbuf *tb);
bool tb_delete(struct textbuf *tb);
/* Delete from the cursor to the end of its line (or the newline itself
 * when already there). */
bool tb_kill_line(struct textbuf *tb);
/* Cursor moves; each returns false when it could not move. */
bool tb_left(struct textbuf *tb);
bool tb_right(struct textbuf *tb);
bool tb_word_left(struct textbuf *tb);
bool tb_word_right(struct textbuf *tb);
/* Start / end of the logical line ('\n' to '\n'). */
void tb_line_start(struct textbuf *tb);
void tb_line_end(struct textbuf *tb);
/* Start / end of the display row at width. */
void tb_row_start(struct textbuf *tb, int width);
void tb_row_end(struct textbuf *tb, int width);
/* Up / down one display row at width, keeping the column. */
bool tb_up(struct textbuf *tb, int width);
bool tb_down(struct textbuf *tb, int width);
/* Take back the last edit step; false when there is none. */
bool tb_undo(struct textbuf *tb);
/* Text typed between these two (a bracketed paste) is one undo step. */
void tb_paste_begin(struct textbuf *tb);
void tb_paste_end(struct textbuf *tb);

/* Word-wrap s (len bytes) to width columns.  Breaks after spaces; a word
 * wider than the line is broken between characters; '\n' ends a line.
 * Returns the number of lines (at least 1) and the array in *out (caller
 * frees with free()). */
size_t tb_wrap(const char *s, size_t len, int width, struct tb_line **out);
/* The display row and column of byte offset pos among lines. */
void tb_locate(const char *s, const struct tb_line *lines, size_t n, size_t pos,
	       size_t *row, int *col);

#endif
