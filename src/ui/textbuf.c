/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/textbuf: the buffer of the multi-line editor (clerk/editor.h): UTF-8
 * text, a cursor that moves by character, word, row and line, insertion and
 * deletion, word wrap by display width, and undo.  No curses here, so that
 * the tests drive it directly.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/core.h"
#include "clerk/editor.h"

enum { EDIT_NONE, EDIT_TYPE, EDIT_DELETE, EDIT_OTHER, EDIT_PASTE };

static uint32_t cp_at(const struct textbuf *tb, size_t pos, size_t *len)
{
	uint32_t cp;
	size_t l = utf8_decode(tb->s + pos, tb->len - pos, &cp);
	if (len)
		*len = l;
	return cp;
}

static bool is_mark(uint32_t cp)
{
	return cp >= 0x300 && utf8_cp_width(cp) == 0;
}

/* Start of the character before pos (combining marks go with their base). */
static size_t prev_pos(const struct textbuf *tb, size_t pos)
{
	while (pos > 0) {
		pos--;
		while (pos > 0 && ((unsigned char)tb->s[pos] & 0xC0) == 0x80)
			pos--;
		if (pos == 0 || !is_mark(cp_at(tb, pos, NULL)))
			break;
	}
	return pos;
}

/* Position after the character at pos and its combining marks. */
static size_t next_pos(const struct textbuf *tb, size_t pos)
{
	if (pos >= tb->len)
		return tb->len;
	size_t l;
	cp_at(tb, pos, &l);
	pos += l;
	while (pos < tb->len && is_mark(cp_at(tb, pos, &l)))
		pos += l;
	return pos;
}

static void reserve(struct textbuf *tb, size_t extra)
{
	if (tb->len + extra + 1 <= tb->cap)
		return;
	size_t cap = tb->cap ? tb->cap : 64;
	while (cap < tb->len + extra + 1)
		cap *= 2;
	tb->s = xrealloc(tb->s, cap);
	tb->cap = cap;
}

void tb_init(struct textbuf *tb, const char *text)
{
	memset(tb, 0, sizeof *tb);
	tb->goal_col = -1;
	reserve(tb, 0);
	tb->s[0] = '\0';
	if (text)
		tb_insert(tb, text);
	tb->cur = tb->len;
	for (size_t i = 0; i < tb->nundo; i++)
		free(tb->undo[i].text);
	tb->nundo = 0;
	tb->last_edit = EDIT_NONE;
}

void tb_free(struct textbuf *tb)
{
	free(tb->s);
	for (size_t i = 0; i < tb->nundo; i++)
		free(tb->undo[i].text);
	memset(tb, 0, sizeof *tb);
}

const char *tb_text(const struct textbuf *tb)
{
	return tb->s ? tb->s : "";
}

static void snapshot(struct textbuf *tb)
{
	if (tb->nundo == TB_UNDO_MAX) {
		free(tb->undo[0].text);
		memmove(tb->undo, tb->undo + 1,
			(TB_UNDO_MAX - 1) * sizeof tb->undo[0]);
		tb->nundo--;
	}
	tb->undo[tb->nundo].text = xstrdup(tb->s);
	tb->undo[tb->nundo].cur = tb->cur;
	tb->nundo++;
}

/* Record an undo step unless this edit continues the previous one. */
static void begin_edit(struct textbuf *tb, int kind, bool new_word)
{
	if (tb->last_edit == EDIT_PASTE && kind == EDIT_TYPE) {
		tb->goal_col = -1; /* a paste is one undo step */
		return;
	}
	if (kind != tb->last_edit || kind == EDIT_OTHER || new_word)
		snapshot(tb);
	tb->last_edit = kind;
	tb->goal_col = -1;
}

static void raw_insert(struct textbuf *tb, const char *bytes, size_t n)
{
	reserve(tb, n);
	memmove(tb->s + tb->cur + n, tb->s + tb->cur, tb->len - tb->cur + 1);
	memcpy(tb->s + tb->cur, bytes, n);
	tb->len += n;
	tb->cur += n;
}

static void raw_delete(struct textbuf *tb, size_t from, size_t to)
{
	memmove(tb->s + from, tb->s + to, tb->len - to + 1);
	tb->len -= to - from;
	tb->cur = from;
}

/* The bytes to store for cp ("" to drop it). */
static size_t clean_cp(const struct textbuf *tb, uint32_t cp, char out[4])
{
	if (cp == '\n' && !tb->single_line)
		return utf8_encode(cp, out);
	if (cp == '\t' || cp == '\n' || cp == '\r')
		cp = ' ';
	else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return 0;
	else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return utf8_encode(cp, out);
}

void tb_insert_cp(struct textbuf *tb, uint32_t cp)
{
	char buf[4];
	size_t n = clean_cp(tb, cp, buf);
	if (n == 0)
		return;
	bool space = cp == ' ' || cp == '\n';
	bool after_space = tb->cur == 0 || tb->s[tb->cur - 1] == ' ' ||
			   tb->s[tb->cur - 1] == '\n';
	begin_edit(tb, EDIT_TYPE, after_space && !space);
	raw_insert(tb, buf, n);
}

void tb_insert(struct textbuf *tb, const char *text)
{
	begin_edit(tb, EDIT_OTHER, false);
	size_t n = strlen(text), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t l = utf8_decode(text + i, n - i, &cp);
		char buf[4];
		size_t m = clean_cp(tb, cp, buf);
		if (m)
			raw_insert(tb, buf, m);
		i += l;
	}
	/* text inserted may end a run; the next typing starts a new step */
	tb->last_edit = EDIT_OTHER;
}

bool tb_backspace(struct textbuf *tb)
{
	if (tb->cur == 0)
		return false;
	begin_edit(tb, EDIT_DELETE, false);
	raw_delete(tb, prev_pos(tb, tb->cur), tb->cur);
	return true;
}

bool tb_delete(struct textbuf *tb)
{
	if (tb->cur >= tb->len)
		return false;
	begin_edit(tb, EDIT_DELETE, false);
	size_t at = tb->cur;
	raw_delete(tb, at, next_pos(tb, at));
	return true;
}

bool tb_kill_line(struct textbuf *tb)
{
	if (tb->cur >= tb->len)
		return false;
	begin_edit(tb, EDIT_OTHER, false);
	size_t end = tb->cur;
	while (end < tb->len && tb->s[end] != '\n')
		end++;
	if (end == tb->cur)
		end++;
	raw_delete(tb, tb->cur, end);
	return true;
}

static void moved(struct textbuf *tb)
{
	tb->last_edit = EDIT_NONE;
	tb->goal_col = -1;
}

bool tb_left(struct textbuf *tb)
{
	if (tb->cur == 0)
		return false;
	tb->cur = prev_pos(tb, tb->cur);
	moved(tb);
	return true;
}

bool tb_right(struct textbuf *tb)
{
	if (tb->cur >= tb->len)
		return false;
	tb->cur = next_pos(tb, tb->cur);
	moved(tb);
	return true;
}

/* A character that is part of a word: not a space nor ASCII punctuation. */
static bool is_word(uint32_t cp)
{
	if (cp == ' ' || cp == '\n' || cp == 0xA0)
		return false;
	if (cp < 0x80 && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", (int)cp))
		return false;
	return true;
}

bool tb_word_right(struct textbuf *tb)
{
	size_t pos = tb->cur, start = pos;
	while (pos < tb->len && is_word(cp_at(tb, pos, NULL)))
		pos = next_pos(tb, pos);
	while (pos < tb->len && !is_word(cp_at(tb, pos, NULL)))
		pos = next_pos(tb, pos);
	tb->cur = pos;
	moved(tb);
	return pos != start;
}

bool tb_word_left(struct textbuf *tb)
{
	size_t pos = tb->cur, start = pos;
	while (pos > 0 && !is_word(cp_at(tb, prev_pos(tb, pos), NULL)))
		pos = prev_pos(tb, pos);
	while (pos > 0 && is_word(cp_at(tb, prev_pos(tb, pos), NULL)))
		pos = prev_pos(tb, pos);
	tb->cur = pos;
	moved(tb);
	return pos != start;
}

void tb_line_start(struct textbuf *tb)
{
	while (tb->cur > 0 && tb->s[tb->cur - 1] != '\n')
		tb->cur--;
	moved(tb);
}

void tb_line_end(struct textbuf *tb)
{
	while (tb->cur < tb->len && tb->s[tb->cur] != '\n')
		tb->cur++;
	moved(tb);
}

/* Width of the character at pos (with its marks). */
static int width_at(const char *s, size_t len, size_t pos, size_t *next)
{
	uint32_t cp;
	size_t l = utf8_decode(s + pos, len - pos, &cp);
	int w = utf8_cp_width(cp);
	pos += l;
	while (pos < len) {
		uint32_t m;
		size_t ml = utf8_decode(s + pos, len - pos, &m);
		if (!is_mark(m))
			break;
		pos += ml;
	}
	*next = pos;
	return w;
}

size_t tb_wrap(const char *s, size_t len, int width, struct tb_line **out)
{
	if (width < 1)
		width = 1;
	size_t n = 0, cap = 8;
	struct tb_line *v = xmalloc(cap * sizeof *v);
	size_t pos = 0;
	for (;;) {
		size_t start = pos, brk = 0;
		int w = 0, brk_w = 0;
		bool nl = false;
		while (pos < len) {
			if (s[pos] == '\n') {
				nl = true;
				break;
			}
			size_t next;
			int cw = width_at(s, len, pos, &next);
			if (w + cw > width && pos > start) {
				if (s[pos] == ' ') { /* the space ends this line */
					pos = next;
				} else if (brk > start) {
					pos = brk;
					w = brk_w;
				}
				break;
			}
			w += cw;
			pos = next;
			if (s[pos - 1] == ' ') {
				brk = pos;
				brk_w = w;
			}
		}
		if (n == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[n].start = start;
		v[n].end = pos;
		v[n].width = w > width ? width : w;
		n++;
		if (nl)
			pos++; /* the next line starts after the newline */
		else if (pos >= len)
			break;
		if (nl && pos >= len) { /* text ends with '\n': an empty line */
			if (n == cap) {
				cap *= 2;
				v = xrealloc(v, cap * sizeof *v);
			}
			v[n].start = v[n].end = len;
			v[n].width = 0;
			n++;
			break;
		}
	}
	*out = v;
	return n;
}

void tb_locate(const char *s, const struct tb_line *lines, size_t n, size_t pos,
	       size_t *row, int *col)
{
	size_t r = 0;
	for (size_t i = 0; i < n; i++) {
		if (lines[i].start > pos)
			break;
		r = i;
		/* the end of a wrapped (not newline-ended) row belongs to the
		 * next row, which starts there */
		if (pos < lines[i].end ||
		    (pos == lines[i].end &&
		     (i + 1 == n || lines[i + 1].start != pos)))
			break;
	}
	int c = 0;
	size_t p = lines[r].start;
	size_t end = lines[r].end;
	while (p < pos && p < end) {
		size_t next;
		c += width_at(s, end, p, &next);
		p = next;
	}
	*row = r;
	*col = c;
}

/* Byte offset in row r of lines at column col (or its end). */
static size_t offset_at_col(const char *s, const struct tb_line *line, int col,
			    bool last_of_text_or_nl)
{
	size_t p = line->start;
	int c = 0;
	while (p < line->end) {
		size_t next;
		int cw = width_at(s, line->end, p, &next);
		if (c + cw > col)
			break;
		c += cw;
		p = next;
	}
	/* at the end of a wrapped row, stay before its last character so
	 * that the cursor remains on this row */
	if (p == line->end && !last_of_text_or_nl && p > line->start) {
		size_t q = line->start, prev = line->start;
		while (q < line->end) {
			prev = q;
			width_at(s, line->end, q, &q);
		}
		p = prev;
	}
	return p;
}

static bool row_ends_hard(const char *s, size_t len, const struct tb_line *l)
{
	return l->end >= len || s[l->end] == '\n';
}

static bool move_rows(struct textbuf *tb, int width, int delta)
{
	struct tb_line *lines;
	size_t n = tb_wrap(tb->s, tb->len, width, &lines);
	size_t row;
	int col;
	tb_locate(tb->s, lines, n, tb->cur, &row, &col);
	bool ok = false;
	if ((delta < 0 && row > 0) || (delta > 0 && row + 1 < n)) {
		size_t target = delta < 0 ? row - 1 : row + 1;
		int goal = tb->goal_col >= 0 ? tb->goal_col : col;
		tb->cur = offset_at_col(tb->s, &lines[target], goal,
					row_ends_hard(tb->s, tb->len,
						      &lines[target]));
		tb->last_edit = EDIT_NONE;
		tb->goal_col = goal;
		ok = true;
	}
	free(lines);
	return ok;
}

bool tb_up(struct textbuf *tb, int width)
{
	return move_rows(tb, width, -1);
}

bool tb_down(struct textbuf *tb, int width)
{
	return move_rows(tb, width, +1);
}

void tb_row_start(struct textbuf *tb, int width)
{
	struct tb_line *lines;
	size_t n = tb_wrap(tb->s, tb->len, width, &lines);
	size_t row;
	int col;
	tb_locate(tb->s, lines, n, tb->cur, &row, &col);
	tb->cur = lines[row].start;
	free(lines);
	moved(tb);
}

void tb_row_end(struct textbuf *tb, int width)
{
	struct tb_line *lines;
	size_t n = tb_wrap(tb->s, tb->len, width, &lines);
	size_t row;
	int col;
	tb_locate(tb->s, lines, n, tb->cur, &row, &col);
	tb->cur = offset_at_col(tb->s, &lines[row], 1 << 30,
				row_ends_hard(tb->s, tb->len, &lines[row]));
	free(lines);
	moved(tb);
}

bool tb_undo(struct textbuf *tb)
{
	if (tb->nundo == 0)
		return false;
	struct tb_snapshot *sn = &tb->undo[--tb->nundo];
	size_t n = strlen(sn->text);
	tb->len = 0;
	reserve(tb, n);
	memcpy(tb->s, sn->text, n + 1);
	tb->len = n;
	tb->cur = sn->cur;
	free(sn->text);
	sn->text = NULL;
	moved(tb);
	return true;
}

void tb_paste_begin(struct textbuf *tb)
{
	snapshot(tb);
	tb->last_edit = EDIT_PASTE;
}

void tb_paste_end(struct textbuf *tb)
{
	if (tb->last_edit == EDIT_PASTE)
		tb->last_edit = EDIT_OTHER;
}
