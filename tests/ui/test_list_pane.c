/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the list pane every list of the console shares
 * (src/ui/pane.h): moving stops at the ends and passes over rows that
 * cannot be chosen (a picker's headings), the selection is kept in view
 * and on a row that exists, and a click finds the row under it.  Rows of
 * several lines (the look-up screen's entries) page by lines, the
 * selection following the view, and the pager pane (minutes, help) never
 * scrolls past its text. */
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

/* ------------------------------------------------- rows of several lines */

/* Eight entries as the look-up screen has them: a heading of one line
 * (cannot be opened), entries of 3, 2 and 4 lines, another heading, then 3,
 * 2 and 3 lines.  Their first lines: 0 1 4 6 10 11 14 16; 19 in all. */
static const size_t tall[] = {1, 3, 2, 4, 1, 3, 2, 3};

static size_t tall_height(const void *ctx, size_t row)
{
	(void)ctx;
	return tall[row];
}

static bool tall_heading(const void *ctx, size_t row)
{
	(void)ctx;
	return row == 0 || row == 4;
}

static void fit_tall(struct list_pane *lp)
{
	list_pane_fit(lp, sizeof tall / sizeof tall[0], five_rows);
}

static void test_tall_rows_page_by_lines(void **state)
{
	(void)state;
	struct list_pane lp = {.sel = 1, .skip = tall_heading,
			       .height = tall_height};
	fit_tall(&lp);
	assert_int_equal(lp.top, 0);
	assert_int_equal(list_pane_row_line(&lp, 3), 6);
	assert_int_equal(list_pane_line_row(&lp, 9), 3);
	assert_int_equal(list_pane_line_row(&lp, 19), 8); /* past the end */
	/* a page of 4 lines: the view moves, the entry at its top selected */
	assert_true(list_pane_navigate(&lp, UI_ACT_page_down, 4));
	fit_tall(&lp);
	assert_int_equal(lp.sel, 2);
	assert_int_equal(lp.top, 4);
	/* line 8 is inside entry 3: the view goes back to its first line */
	assert_true(list_pane_navigate(&lp, UI_ACT_page_down, 4));
	fit_tall(&lp);
	assert_int_equal(lp.sel, 3);
	assert_int_equal(lp.top, 6);
	/* line 10 is a heading: the entry after it */
	assert_true(list_pane_navigate(&lp, UI_ACT_page_down, 4));
	fit_tall(&lp);
	assert_int_equal(lp.sel, 5);
	assert_int_equal(lp.top, 10);
	/* End: the last lines, the last entry */
	assert_true(list_pane_navigate(&lp, UI_ACT_bottom, 4));
	fit_tall(&lp);
	assert_int_equal(lp.sel, 7);
	assert_int_equal(lp.top, 14);
	assert_true(list_pane_navigate(&lp, UI_ACT_page_up, 4));
	fit_tall(&lp);
	assert_int_equal(lp.sel, 5);
	assert_int_equal(lp.top, 10);
	/* Up passes over the heading; the view follows the selection */
	assert_true(list_pane_navigate(&lp, UI_ACT_up, 4));
	fit_tall(&lp);
	assert_int_equal(lp.sel, 3);
	assert_int_equal(lp.top, 6);
	/* Home: the first line, the first entry that can be opened */
	assert_true(list_pane_navigate(&lp, UI_ACT_top, 4));
	fit_tall(&lp);
	assert_int_equal(lp.sel, 1);
	assert_int_equal(lp.top, 0);
}

static void test_tall_rows_clicked(void **state)
{
	(void)state;
	struct list_pane lp = {.sel = 3, .skip = tall_heading,
			       .height = tall_height};
	fit_tall(&lp); /* entry 3 (lines 6-9) at the foot: lines 5-9 shown */
	assert_int_equal(lp.top, 5);
	size_t idx = 99;
	assert_true(list_pane_row_at(&lp, 12, 2, &idx)); /* line 5 */
	assert_int_equal(idx, 2);
	assert_true(list_pane_row_at(&lp, 12, 6, &idx)); /* line 9 */
	assert_int_equal(idx, 3);
}

static bool all_text(const void *ctx, size_t row)
{
	(void)ctx;
	(void)row;
	return true;
}

static size_t twenty(const void *ctx, size_t row)
{
	(void)ctx;
	(void)row;
	return 20;
}

/* Nothing to select (the minutes, one entry of 20 lines): up and down
 * move the view a line, as in a pager, and it stops at the text's end. */
static void test_nothing_to_select_scrolls_as_a_pager(void **state)
{
	(void)state;
	struct list_pane lp = {.skip = all_text, .height = twenty};
	list_pane_fit(&lp, 1, five_rows);
	assert_true(list_pane_navigate(&lp, UI_ACT_down, 4));
	assert_int_equal(lp.top, 1);
	assert_true(list_pane_navigate(&lp, UI_ACT_page_down, 4));
	assert_int_equal(lp.top, 5);
	assert_true(list_pane_navigate(&lp, UI_ACT_bottom, 4));
	assert_int_equal(lp.top, 15);
	assert_true(list_pane_navigate(&lp, UI_ACT_page_down, 4));
	assert_int_equal(lp.top, 15);
	assert_true(list_pane_navigate(&lp, UI_ACT_up, 4));
	assert_int_equal(lp.top, 14);
	list_pane_fit(&lp, 1, five_rows);
	assert_int_equal(lp.top, 14); /* painting leaves the view alone */
	assert_true(list_pane_navigate(&lp, UI_ACT_top, 4));
	assert_int_equal(lp.top, 0);
	assert_int_equal(lp.sel, 0);
}

/* ------------------------------------------------------------ pager pane */

static void test_pager_stays_within_its_text(void **state)
{
	(void)state;
	struct pager_pane pg = {0};
	pager_pane_fit(&pg, 10, 4);
	pager_pane_scroll(&pg, 100);
	assert_int_equal(pg.top, 6); /* the last line at the foot */
	pager_pane_scroll(&pg, -2);
	assert_int_equal(pg.top, 4);
	pager_pane_scroll(&pg, -100);
	assert_int_equal(pg.top, 0);
	assert_true(pager_pane_navigate(&pg, UI_ACT_page_down, 3));
	assert_int_equal(pg.top, 3);
	assert_true(pager_pane_navigate(&pg, UI_ACT_bottom, 3));
	assert_int_equal(pg.top, 6);
	assert_true(pager_pane_navigate(&pg, UI_ACT_page_up, 3));
	assert_int_equal(pg.top, 3);
	assert_true(pager_pane_navigate(&pg, UI_ACT_top, 3));
	assert_int_equal(pg.top, 0);
	assert_false(pager_pane_navigate(&pg, UI_ACT_select, 3));
	/* the text shrank under the view (read again, narrower) */
	pg.top = 6;
	pager_pane_fit(&pg, 5, 4);
	assert_int_equal(pg.top, 1);
	/* text that fits does not scroll */
	pager_pane_fit(&pg, 3, 4);
	assert_int_equal(pg.top, 0);
	assert_true(pager_pane_navigate(&pg, UI_ACT_down, 3));
	assert_int_equal(pg.top, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves_stop_at_the_ends),
		cmocka_unit_test(test_empty_list_does_not_move),
		cmocka_unit_test(test_selection_kept_in_view_and_in_the_list),
		cmocka_unit_test(test_click_finds_the_row),
		cmocka_unit_test(test_headings_are_passed_over),
		cmocka_unit_test(test_tall_rows_page_by_lines),
		cmocka_unit_test(test_tall_rows_clicked),
		cmocka_unit_test(test_nothing_to_select_scrolls_as_a_pager),
		cmocka_unit_test(test_pager_stays_within_its_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
