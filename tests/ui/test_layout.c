/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the console's geometry (ui_layout_live): the panes at
 * 80x24 and 200x60 are checked rectangle by rectangle, they never overlap
 * nor leave the screen at any size from the minimum up, and below the
 * minimum the layout says "too small". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "clerk/ui.h"

static char *format(int cols, int rows)
{
	struct ui_live_layout l;
	ui_layout_live(cols, rows, &l);
	struct strbuf sb = {0};
	ui_layout_live_format(&l, &sb);
	return sb_detach(&sb);
}

static void test_80x24(void **state)
{
	(void)state;
	char *s = format(80, 24);
	assert_string_equal(s, "header 0,0 80x1\n"
			       "agenda 1,0 36x11\n"
			       "item 1,37 43x22\n"
			       "attendance 12,0 36x11\n"
			       "status 23,0 80x1\n");
	free(s);
}

static void test_200x60_uses_three_columns(void **state)
{
	(void)state;
	char *s = format(200, 60);
	assert_string_equal(s, "header 0,0 200x1\n"
			       "agenda 1,0 80x58\n"
			       "item 1,81 68x58\n"
			       "attendance 1,150 50x58\n"
			       "status 59,0 200x1\n");
	free(s);
}

static void test_too_small(void **state)
{
	(void)state;
	char *s = format(59, 24);
	assert_string_equal(s, "too small\n");
	free(s);
	s = format(80, 15);
	assert_string_equal(s, "too small\n");
	free(s);
	s = format(0, 0);
	assert_string_equal(s, "too small\n");
	free(s);
	s = format(UI_MIN_COLS, UI_MIN_ROWS);
	assert_string_not_equal(s, "too small\n");
	free(s);
}

static bool inside(struct ui_rect r, int cols, int rows)
{
	return r.x >= 0 && r.y >= 0 && r.w > 0 && r.h > 0 &&
	       r.x + r.w <= cols && r.y + r.h <= rows;
}

static bool overlap(struct ui_rect a, struct ui_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

static void test_every_size_fits(void **state)
{
	(void)state;
	for (int cols = UI_MIN_COLS; cols <= 300; cols += 7)
		for (int rows = UI_MIN_ROWS; rows <= 100; rows += 5) {
			struct ui_live_layout l;
			ui_layout_live(cols, rows, &l);
			assert_false(l.too_small);
			struct ui_rect r[5] = {l.header, l.agenda, l.item,
					       l.attendance, l.status};
			for (int i = 0; i < 5; i++) {
				assert_true(inside(r[i], cols, rows));
				for (int j = i + 1; j < 5; j++)
					assert_false(overlap(r[i], r[j]));
			}
			/* the item pane is never a sliver */
			assert_true(l.item.w >= 24);
		}
}

static void test_centre(void **state)
{
	(void)state;
	struct ui_rect r = ui_layout_centre(80, 24, 40, 10);
	assert_int_equal(r.x, 20);
	assert_int_equal(r.y, 7);
	r = ui_layout_centre(30, 10, 40, 20); /* clipped to the screen */
	assert_int_equal(r.w, 28);
	assert_int_equal(r.h, 8);
	assert_int_equal(r.x, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_80x24),
		cmocka_unit_test(test_200x60_uses_three_columns),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_every_size_fits),
		cmocka_unit_test(test_centre),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
