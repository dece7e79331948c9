/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/list_pane: the selection, scrolling and clicks of every list pane
 * (src/ui/pane.h), written once.
 *
 * Rows of one line each keep the selection in view row by row.  Rows of
 * several lines (height set) count the view in lines, and scroll it with
 * the pager pane, so that a list with nothing to select reads as a text.
 */
#include "config.h"

#include "pane.h"

static bool skipped(const struct list_pane *lp, long row)
{
	return lp->skip && lp->skip(lp->ctx, (size_t)row);
}

static size_t row_height(const struct list_pane *lp, size_t i)
{
	return lp->height ? lp->height(lp->ctx, i) : 1;
}

size_t list_pane_row_line(const struct list_pane *lp, size_t i)
{
	size_t line = 0;
	for (size_t r = 0; r < i && r < lp->n; r++)
		line += row_height(lp, r);
	return line;
}

size_t list_pane_line_row(const struct list_pane *lp, size_t l)
{
	size_t line = 0;
	for (size_t r = 0; r < lp->n; r++) {
		line += row_height(lp, r);
		if (l < line)
			return r;
	}
	return lp->n;
}

/* Any row the selection can rest on. */
static bool selectable(const struct list_pane *lp)
{
	for (size_t r = 0; r < lp->n; r++)
		if (!skipped(lp, (long)r))
			return true;
	return false;
}

/* The view of the rows' lines, as a pager scrolls it. */
static struct pager_pane lines_view(const struct list_pane *lp)
{
	struct pager_pane pg = {.top = lp->top};
	pager_pane_fit(&pg, list_pane_row_line(lp, lp->n),
		       lp->rows.h < 1 ? 1 : (size_t)lp->rows.h);
	return pg;
}

/* Rows of several lines: the whole selected row in view, its foot rather
 * than its head when it is taller than the view. */
static void fit_lines(struct list_pane *lp)
{
	size_t h = lp->rows.h < 1 ? 1 : (size_t)lp->rows.h;
	if (selectable(lp) && lp->sel < lp->n) {
		size_t first = list_pane_row_line(lp, lp->sel);
		size_t end = first + row_height(lp, lp->sel);
		if (first < lp->top)
			lp->top = first;
		if (end > lp->top + h)
			lp->top = end > h ? end - h : 0;
	}
	lp->top = lines_view(lp).top;
}

void list_pane_fit(struct list_pane *lp, size_t n, struct ui_rect rows)
{
	lp->n = n;
	lp->rows = rows;
	/* the list may have shrunk under the selection (a substitute
	 * removed) */
	if (lp->sel >= n && n)
		lp->sel = n - 1;
	if (lp->height)
		fit_lines(lp);
	else
		ui_scroll_to(lp->sel, &lp->top, rows.h < 1 ? 1 : rows.h);
}

void list_pane_move(struct list_pane *lp, long delta)
{
	if (lp->n == 0)
		return;
	long v = (long)lp->sel + delta;
	if (v < 0)
		v = 0;
	if (v >= (long)lp->n)
		v = (long)lp->n - 1;
	long step = delta < 0 ? -1 : 1;
	while (v >= 0 && v < (long)lp->n && skipped(lp, v))
		v += step;
	if (v < 0 || v >= (long)lp->n)
		return;
	lp->sel = (size_t)v;
}

/* The selection where the view now starts: the row at its top line, or
 * the next that can be selected. */
static void select_at_top(struct list_pane *lp)
{
	size_t r = list_pane_line_row(lp, lp->top);
	lp->sel = r < lp->n ? r : 0;
	if (lp->n && skipped(lp, (long)lp->sel))
		list_pane_move(lp, 1);
}

/* End: the last row that can be selected, when it lies ahead. */
static void select_last(struct list_pane *lp)
{
	for (size_t r = lp->n; r-- > lp->sel + 1;)
		if (!skipped(lp, (long)r)) {
			lp->sel = r;
			return;
		}
}

/* Rows of several lines: up and down move the selection (or, with none
 * to select, the view a line); a page, Home and End move the view and
 * the selection follows it. */
static bool navigate_lines(struct list_pane *lp, enum ui_action a, int page)
{
	bool sel = selectable(lp);
	struct pager_pane view = lines_view(lp);
	if ((a == UI_ACT_up || a == UI_ACT_down) && sel) {
		list_pane_move(lp, a == UI_ACT_up ? -1 : 1);
		return true;
	}
	if (!pager_pane_navigate(&view, a, page))
		return false;
	lp->top = view.top;
	if (a == UI_ACT_top)
		lp->sel = 0;
	if (!sel || a == UI_ACT_up || a == UI_ACT_down)
		return true;
	if (a == UI_ACT_bottom)
		select_last(lp);
	else if (a == UI_ACT_top && skipped(lp, 0))
		list_pane_move(lp, 1);
	else if (a == UI_ACT_page_up || a == UI_ACT_page_down)
		select_at_top(lp);
	return true;
}

bool list_pane_navigate(struct list_pane *lp, enum ui_action a, int page)
{
	/* far enough to reach either end of the list */
	const long ends = (long)lp->n;
	if (lp->height)
		return navigate_lines(lp, a, page);
	switch (a) {
	case UI_ACT_up:
		list_pane_move(lp, -1);
		return true;
	case UI_ACT_down:
		list_pane_move(lp, 1);
		return true;
	case UI_ACT_page_up:
		list_pane_move(lp, -page);
		return true;
	case UI_ACT_page_down:
		list_pane_move(lp, page);
		return true;
	case UI_ACT_top:
		list_pane_move(lp, -ends);
		return true;
	case UI_ACT_bottom:
		list_pane_move(lp, ends);
		return true;
	default:
		return false;
	}
}

bool list_pane_row_at(const struct list_pane *lp, int x, int y, size_t *idx)
{
	const struct ui_rect r = lp->rows;
	if (x < r.x || x >= r.x + r.w || y < r.y || y >= r.y + r.h)
		return false;
	size_t line = lp->top + (size_t)(y - r.y);
	size_t i = lp->height ? list_pane_line_row(lp, line) : line;
	if (i >= lp->n)
		return false;
	*idx = i;
	return true;
}
