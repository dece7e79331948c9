/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the editor's text buffer (clerk/editor.h): insertion,
 * deletion and movement by character, word, row and line on UTF-8 text,
 * word wrap by display width, and undo. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "clerk/editor.h"

static void type(struct textbuf *tb, const char *s)
{
	/* one code point at a time, as keys arrive */
	while (*s) {
		uint32_t cp = (unsigned char)*s;
		size_t n = 1;
		if (cp >= 0xF0)
			cp &= 0x07, n = 4;
		else if (cp >= 0xE0)
			cp &= 0x0F, n = 3;
		else if (cp >= 0xC0)
			cp &= 0x1F, n = 2;
		for (size_t i = 1; i < n; i++)
			cp = (cp << 6) | ((unsigned char)s[i] & 0x3F);
		tb_insert_cp(tb, cp);
		s += n;
	}
}

static void test_insert_and_delete_utf8(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, NULL);
	type(&tb, "Café £5");
	assert_string_equal(tb_text(&tb), "Café £5");
	assert_true(tb_backspace(&tb));
	assert_true(tb_backspace(&tb));
	assert_string_equal(tb_text(&tb), "Café ");
	assert_true(tb_left(&tb));
	assert_true(tb_backspace(&tb)); /* removes é: two bytes */
	assert_string_equal(tb_text(&tb), "Caf ");
	assert_int_equal(tb.cur, 3);
	tb_line_start(&tb);
	assert_false(tb_backspace(&tb));
	assert_true(tb_delete(&tb));
	assert_string_equal(tb_text(&tb), "af ");
	tb_free(&tb);
}

static void test_combining_mark_moves_with_base(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, "e\xCC\x81x"); /* e + combining acute, x */
	assert_int_equal(tb.cur, 4);
	tb_left(&tb); /* before x */
	tb_left(&tb); /* before e, not between e and its accent */
	assert_int_equal(tb.cur, 0);
	tb_right(&tb);
	assert_int_equal(tb.cur, 3);
	tb_free(&tb);
}

static void test_words(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, "The Board noted, the report.");
	tb_word_left(&tb);
	assert_int_equal(tb.cur, strlen("The Board noted, the "));
	tb_word_left(&tb);
	tb_word_left(&tb);
	assert_int_equal(tb.cur, strlen("The Board "));
	tb_word_right(&tb);
	assert_int_equal(tb.cur, strlen("The Board noted, "));
	tb_line_start(&tb);
	assert_int_equal(tb.cur, 0);
	tb_line_end(&tb);
	assert_int_equal(tb.cur, tb.len);
	tb_free(&tb);
}

static void test_lines_and_newlines(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, NULL);
	type(&tb, "first point");
	tb_insert_cp(&tb, '\n');
	type(&tb, "second");
	assert_string_equal(tb_text(&tb), "first point\nsecond");
	assert_true(tb_up(&tb, 40));
	assert_int_equal(tb.cur, 6); /* column 6 of the first line */
	assert_true(tb_down(&tb, 40));
	assert_int_equal(tb.cur, strlen("first point\nsecond"));
	assert_false(tb_down(&tb, 40));
	tb_line_start(&tb);
	assert_int_equal(tb.cur, strlen("first point\n"));
	tb_free(&tb);
}

static void test_wrap_by_display_width(void **state)
{
	(void)state;
	const char *s = "Ŵ£é 漢字漢字 end";
	struct tb_line *l;
	size_t n = tb_wrap(s, strlen(s), 8, &l);
	/* "Ŵ£é " (4 cols) then "漢字漢字 " (8+1: the space ends the row) */
	assert_int_equal(n, 3);
	assert_int_equal(l[0].start, 0);
	assert_memory_equal(s + l[0].start, "Ŵ£é ", l[0].end - l[0].start);
	assert_memory_equal(s + l[1].start, "漢字漢字 ", l[1].end - l[1].start);
	assert_int_equal(l[1].width, 8);
	assert_string_equal(s + l[2].start, "end");
	free(l);
	/* a word wider than the row breaks between characters */
	n = tb_wrap("abcdefghij", 10, 4, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[2].start, 8);
	free(l);
	/* a wide character never straddles the edge */
	n = tb_wrap("a漢字", strlen("a漢字"), 4, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].width, 3);
	free(l);
	n = tb_wrap("", 0, 10, &l);
	assert_int_equal(n, 1);
	free(l);
	n = tb_wrap("x\n", 2, 10, &l);
	assert_int_equal(n, 2);
	free(l);
}

static void test_cursor_rows_when_wrapped(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, "one two three four");
	/* width 9: "one two " / "three " / "four" */
	struct tb_line *l;
	size_t n = tb_wrap(tb.s, tb.len, 9, &l);
	assert_int_equal(n, 3);
	size_t row;
	int col;
	tb_locate(tb.s, l, n, tb.len, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 4);
	tb_locate(tb.s, l, n, strlen("one two "), &row, &col);
	assert_int_equal(row, 1); /* the end of a wrapped row is the next */
	assert_int_equal(col, 0);
	free(l);
	tb_row_start(&tb, 9);
	assert_int_equal(tb.cur, strlen("one two three "));
	assert_true(tb_up(&tb, 9));
	assert_int_equal(tb.cur, strlen("one two "));
	tb_row_end(&tb, 9);
	/* stays on the row: before its trailing space */
	assert_int_equal(tb.cur, strlen("one two three"));
	tb_free(&tb);
}

static void test_undo_by_words(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, "RESOLVED:");
	type(&tb, " That the Board");
	assert_true(tb_undo(&tb));
	assert_string_equal(tb_text(&tb), "RESOLVED: That the ");
	assert_true(tb_undo(&tb));
	assert_string_equal(tb_text(&tb), "RESOLVED: That ");
	tb_backspace(&tb);
	tb_backspace(&tb);
	assert_string_equal(tb_text(&tb), "RESOLVED: Tha");
	assert_true(tb_undo(&tb)); /* both deletions at once */
	assert_string_equal(tb_text(&tb), "RESOLVED: That ");
	assert_true(tb_undo(&tb));
	assert_true(tb_undo(&tb));
	assert_string_equal(tb_text(&tb), "RESOLVED:");
	assert_false(tb_undo(&tb));
	tb_free(&tb);
}

static void test_paste_long_and_control_chars(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, NULL);
	char *big = malloc(20001);
	for (int i = 0; i < 20000; i++)
		big[i] = (char)('a' + i % 26);
	big[20000] = '\0';
	tb_insert(&tb, big);
	assert_int_equal(tb.len, 20000);
	tb_insert(&tb, "\x1b[31m\tx\r\n\xff");
	assert_string_equal(tb_text(&tb) + 20000, "[31m x \n\xEF\xBF\xBD");
	assert_true(tb_undo(&tb));
	assert_int_equal(tb.len, 20000);
	free(big);
	tb_free(&tb);
	/* a one-line buffer turns newlines into spaces */
	tb_init(&tb, NULL);
	tb.single_line = true;
	tb_insert(&tb, "a\nb");
	assert_string_equal(tb_text(&tb), "a b");
	tb_free(&tb);
}

static void test_paste_is_one_undo_step(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, "Before ");
	tb_paste_begin(&tb);
	type(&tb, "pasted words\nover two lines");
	tb_paste_end(&tb);
	type(&tb, " typed");
	assert_string_equal(tb_text(&tb), "Before pasted words\nover two lines typed");
	assert_true(tb_undo(&tb)); /* the typed word */
	assert_string_equal(tb_text(&tb), "Before pasted words\nover two lines ");
	assert_true(tb_undo(&tb)); /* the space before it */
	assert_string_equal(tb_text(&tb), "Before pasted words\nover two lines");
	assert_true(tb_undo(&tb)); /* the whole paste at once */
	assert_string_equal(tb_text(&tb), "Before ");
	tb_free(&tb);
}

static void test_kill_line(void **state)
{
	(void)state;
	struct textbuf tb;
	tb_init(&tb, "abc\ndef");
	tb.cur = 1;
	assert_true(tb_kill_line(&tb));
	assert_string_equal(tb_text(&tb), "a\ndef");
	assert_true(tb_kill_line(&tb));
	assert_string_equal(tb_text(&tb), "adef");
	tb_free(&tb);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_and_delete_utf8),
		cmocka_unit_test(test_combining_mark_moves_with_base),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_lines_and_newlines),
		cmocka_unit_test(test_wrap_by_display_width),
		cmocka_unit_test(test_cursor_rows_when_wrapped),
		cmocka_unit_test(test_undo_by_words),
		cmocka_unit_test(test_paste_long_and_control_chars),
		cmocka_unit_test(test_kill_line),
		cmocka_unit_test(test_paste_is_one_undo_step),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
