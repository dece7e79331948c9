/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/list_pane: the selection, scrolling and clicks of every list pane
 * (src/ui/pane.h), written once.
 */
#include "config.h"

#include "pane.h"

void list_pane_fit(struct list_pane *lp, size_t n, struct ui_rect rows)
{
	lp->n = n;
	lp->rows = rows;
	/* the list may have shrunk under the selection (a substitute
	 * removed) */
	if (lp->sel >= n && n)
		lp->sel = n - 1;
	ui_scroll_to(lp->sel, &lp->top, rows.h < 1 ? 1 : rows.h);
}

static bool skipped(const struct list_pane *lp, long row)
{
	return lp->skip && lp->skip(lp->skip_ctx, (size_t)row);
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

bool list_pane_navigate(struct list_pane *lp, enum ui_action a, int page)
{
	/* far enough to reach either end of any list */
	const long ends = 100000;
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
	size_t i = lp->top + (size_t)(y - r.y);
	if (i >= lp->n)
		return false;
	*idx = i;
	return true;
}
