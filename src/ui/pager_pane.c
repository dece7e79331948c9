/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/pager_pane: where the view of a text is, and how it scrolls, written
 * once for the review screen's minutes and history, the help screen and
 * the look-up screen (src/ui/pane.h).
 */
#include "config.h"

#include "pane.h"

/* The furthest the view goes: the last line at its foot. */
static size_t last_top(const struct pager_pane *pg)
{
	return pg->n > pg->h ? pg->n - pg->h : 0;
}

void pager_pane_fit(struct pager_pane *pg, size_t n, size_t h)
{
	pg->n = n;
	pg->h = h ? h : 1;
	pager_pane_scroll(pg, 0); /* the text may have shrunk under the view */
}

void pager_pane_scroll(struct pager_pane *pg, long delta)
{
	size_t last = last_top(pg);
	size_t top = pg->top < last ? pg->top : last;
	if (delta < 0)
		top = (size_t)-delta > top ? 0 : top - (size_t)-delta;
	else
		top = (size_t)delta > last - top ? last : top + (size_t)delta;
	pg->top = top;
}

bool pager_pane_navigate(struct pager_pane *pg, enum ui_action a, long page)
{
	switch (a) {
	case UI_ACT_up:
		pager_pane_scroll(pg, -1);
		return true;
	case UI_ACT_down:
		pager_pane_scroll(pg, 1);
		return true;
	case UI_ACT_page_up:
		pager_pane_scroll(pg, -page);
		return true;
	case UI_ACT_page_down:
		pager_pane_scroll(pg, page);
		return true;
	case UI_ACT_top:
		pg->top = 0;
		return true;
	case UI_ACT_bottom:
		pg->top = last_top(pg);
		return true;
	default:
		return false;
	}
}
