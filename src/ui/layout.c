/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/layout: pane geometry as pure functions of the terminal size, apart
 * from painting, so that tests check the rectangles at 80x24, 200x60 and
 * below the minimum without a terminal.
 *
 * The live console: a header row, a status row at the bottom, and between
 * them the agenda (top left), the attendance (bottom left) and the current
 * item (right).  From 160 columns the attendance gets a column of its own
 * on the right, so that a large terminal shows every pane at full height;
 * the agenda then takes two fifths, as agenda titles are long (a county's
 * run to sixty characters and more), and the names a quarter.
 */
#include "config.h"

#include "clerk/ui.h"

static struct ui_rect rect(int y, int x, int h, int w)
{
	struct ui_rect r = {y, x, h < 0 ? 0 : h, w < 0 ? 0 : w};
	return r;
}

void ui_layout_live(int cols, int rows, struct ui_live_layout *out)
{
	struct ui_live_layout l = {0};
	if (cols < UI_MIN_COLS || rows < UI_MIN_ROWS) {
		l.too_small = true;
		*out = l;
		return;
	}
	int body_h = rows - 2;
	l.header = rect(0, 0, 1, cols);
	l.status = rect(rows - 1, 0, 1, cols);
	if (cols >= 160) {
		int left = cols * 2 / 5;
		int right = cols / 4;
		l.wide = true;
		l.agenda = rect(1, 0, body_h, left);
		/* one column between panes for the separator line */
		l.item = rect(1, left + 1, body_h, cols - left - right - 2);
		l.attendance = rect(1, cols - right, body_h, right);
	} else {
		int left = cols * 45 / 100;
		if (left < 34)
			left = 34;
		if (left > 60)
			left = 60;
		int agenda_h = body_h / 2;
		l.agenda = rect(1, 0, agenda_h, left);
		l.attendance = rect(1 + agenda_h, 0, body_h - agenda_h, left);
		l.item = rect(1, left + 1, body_h, cols - left - 1);
	}
	*out = l;
}

static void add_rect(struct strbuf *sb, const char *name, struct ui_rect r)
{
	sb_addf(sb, "%s %d,%d %dx%d\n", name, r.y, r.x, r.w, r.h);
}

void ui_layout_live_format(const struct ui_live_layout *l, struct strbuf *sb)
{
	if (l->too_small) {
		sb_add(sb, "too small\n");
		return;
	}
	add_rect(sb, "header", l->header);
	add_rect(sb, "agenda", l->agenda);
	add_rect(sb, "item", l->item);
	add_rect(sb, "attendance", l->attendance);
	add_rect(sb, "status", l->status);
}

struct ui_rect ui_layout_centre(int cols, int rows, int w, int h)
{
	if (w > cols - 2)
		w = cols - 2;
	if (h > rows - 2)
		h = rows - 2;
	if (w < 1)
		w = cols;
	if (h < 1)
		h = rows;
	return rect((rows - h) / 2, (cols - w) / 2, h, w);
}
