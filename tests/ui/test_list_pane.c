/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the list pane every list of the console shares
 * (src/ui/pane.h): moving stops at the ends and passes over rows that
 * cannot be chosen (a picker's headings), the selection is kept in view
 * and on a row that exists, and a click finds the row under it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "../../src/ui/pane.h"

static const struct ui_rect five_rows = {2, 10, 5, 20};

static void test_moves_stop_at_the_ends(void **state)
{
	(void)state;
	struct list_pane lp = {0};
	list_pane_fit(&lp, 12, five_rows);
	list_pane_move(&lp, -1);
	assert_int_equal(lp.sel, 0);
	assert_true(list_pane_navigate(&lp, UI_ACT_page_down, 4));
	assert_int_equal(lp.sel, 4);
	assert_true(list_pane_navigate(&lp, UI_ACT_bottom, 4));
	assert_int_equal(lp.sel, 11);
	list_pane_move(&lp, 1);
	assert_int_equal(lp.sel, 11);
	assert_true(list_pane_navigate(&lp, UI_ACT_top, 4));
	assert_int_equal(lp.sel, 0);
	assert_false(list_pane_navigate(&lp, UI_ACT_select, 4));
}

static void test_empty_list_does_not_move(void **state)
{
	(void)state;
	struct list_pane lp = {0};
	list_pane_fit(&lp, 0, five_rows);
	list_pane_move(&lp, 3);
	assert_int_equal(lp.sel, 0);
	size_t idx;
	assert_false(list_pane_row_at(&lp, 12, 3, &idx));
}

static void test_selection_kept_in_view_and_in_the_list(void **state)
{
	(void)state;
	struct list_pane lp = {0};
	list_pane_fit(&lp, 30, five_rows);
	lp.sel = 17;
	list_pane_fit(&lp, 30, five_rows);
	assert_true(lp.top <= 17 && 17 < lp.top + 5);
	/* the list shrank under the selection */
	list_pane_fit(&lp, 3, five_rows);
	assert_int_equal(lp.sel, 2);
	assert_true(lp.top <= 2);
}

static void test_click_finds_the_row(void **state)
{
	(void)state;
	struct list_pane lp = {0};
	list_pane_fit(&lp, 30, five_rows);
	lp.sel = 20;
	list_pane_fit(&lp, 30, five_rows);
	size_t idx = 999;
	assert_true(list_pane_row_at(&lp, 10, 2, &idx));
	assert_int_equal(idx, lp.top);
	assert_true(list_pane_row_at(&lp, 29, 6, &idx));
	assert_int_equal(idx, lp.top + 4);
	assert_false(list_pane_row_at(&lp, 30, 3, &idx)); /* right of it */
	assert_false(list_pane_row_at(&lp, 12, 7, &idx)); /* below */
	assert_false(list_pane_row_at(&lp, 9, 3, &idx));  /* left */
	assert_false(list_pane_row_at(&lp, 12, 1, &idx)); /* above */
}

/* rows 0 and 3 are headings */
static bool heading(const void *ctx, size_t row)
{
	(void)ctx;
	return row == 0 || row == 3;
}

static void test_headings_are_passed_over(void **state)
{
	(void)state;
	struct list_pane lp = {.sel = 1, .skip = heading};
	list_pane_fit(&lp, 6, five_rows);
	list_pane_move(&lp, 1);
	assert_int_equal(lp.sel, 2);
	list_pane_move(&lp, 1);
	assert_int_equal(lp.sel, 4);
	list_pane_move(&lp, -1);
	assert_int_equal(lp.sel, 2);
	/* only a heading that way: the selection stays */
	lp.sel = 1;
	list_pane_move(&lp, -1);
	assert_int_equal(lp.sel, 1);
	assert_true(list_pane_navigate(&lp, UI_ACT_top, 4));
	assert_int_equal(lp.sel, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves_stop_at_the_ends),
		cmocka_unit_test(test_empty_list_does_not_move),
		cmocka_unit_test(test_selection_kept_in_view_and_in_the_list),
		cmocka_unit_test(test_click_finds_the_row),
		cmocka_unit_test(test_headings_are_passed_over),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
