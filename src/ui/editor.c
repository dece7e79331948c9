/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/editor: the multi-line text editor widget and the one-line prompt,
 * both on the text buffer of clerk/editor.h.  The editor word-wraps to its
 * box, moves by character, word, row and line, undoes recent edits, takes
 * pasted text as fast input, starts a new point on Enter, commits through
 * the caller's function on save and asks before throwing edits away.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app_private.h"
#include "clerk/editor.h"

/* Apply an editing key to tb (width: display width of its rows).  Returns
 * false when the key is not an editing key. */
static bool edit_key(struct app *app, struct textbuf *tb, int key, int width)
{
	enum ui_context ctx = UI_CTX_EDITOR;
	switch (ui_keymap_lookup_in(&app->keymap, &ctx, 1, key)) {
	case UI_ACT_ed_undo:
		if (!tb_undo(tb))
			beep();
		return true;
	case UI_ACT_ed_word_left:
		tb_word_left(tb);
		return true;
	case UI_ACT_ed_word_right:
		tb_word_right(tb);
		return true;
	case UI_ACT_ed_line_start:
		tb_row_start(tb, width);
		return true;
	case UI_ACT_ed_line_end:
		tb_row_end(tb, width);
		return true;
	case UI_ACT_ed_kill_line:
		tb_kill_line(tb);
		return true;
	default:
		break;
	}
	switch (key) {
	case UI_KEY_FN + KEY_LEFT:
		tb_left(tb);
		return true;
	case UI_KEY_FN + KEY_RIGHT:
		tb_right(tb);
		return true;
	case UI_KEY_FN + KEY_UP:
		tb_up(tb, width);
		return true;
	case UI_KEY_FN + KEY_DOWN:
		tb_down(tb, width);
		return true;
	case UI_KEY_FN + KEY_BACKSPACE:
		tb_backspace(tb);
		return true;
	case UI_KEY_FN + KEY_DC:
		tb_delete(tb);
		return true;
	case UI_KEY_ENTER:
		if (tb->single_line)
			return false;
		tb_insert_cp(tb, '\n');
		return true;
	default:
		break;
	}
	if (key >= 0x20 && key < UI_KEY_FN && key != 0x7F) {
		tb_insert_cp(tb, (uint32_t)key);
		return true;
	}
	return false;
}

/* Draw the rows of tb in r (top row `top`), placing the cursor. */
static void draw_text(struct app *app, const struct textbuf *tb,
		      struct ui_rect r, size_t *top)
{
	struct tb_line *lines;
	size_t n = tb_wrap(tb->s, tb->len, r.w, &lines);
	size_t row;
	int col;
	tb_locate(tb->s, lines, n, tb->cur, &row, &col);
	if (row < *top)
		*top = row;
	if (row >= *top + (size_t)r.h)
		*top = row - (size_t)r.h + 1;
	for (int i = 0; i < r.h && *top + (size_t)i < n; i++) {
		const struct tb_line *l = &lines[*top + (size_t)i];
		char *text = xstrndup(tb->s + l->start, l->end - l->start);
		ui_put(app, r.y + i, r.x, r.w, UI_ROLE_NORMAL, false, text);
		free(text);
	}
	ui_cursor(app, r.y + (int)(row - *top), r.x + (col < r.w ? col : r.w - 1));
	free(lines);
}

/* ------------------------------------------------------------ editor */

struct editor {
	const char *title;
	struct textbuf tb;
	size_t top;
	char error[1100];
	struct ui_rect text; /* where the text went at the last paint */
};

static struct ui_rect editor_box(void)
{
	int w = COLS - 4 > 100 ? 100 : COLS - 4;
	int h = LINES - 4 > 30 ? 30 : LINES - 4;
	return ui_layout_centre(COLS, LINES, w, h);
}

/* The error of a failed save, wrapped to the box and ending on the hint
 * line (it may cover the last lines of text until the next key): a message
 * such as the full-disk one must be read to its end. */
static void draw_error(struct app *app, const char *error, struct ui_rect b,
		       int hint_y)
{
	char **lines = NULL;
	size_t n = ui_wrap(error, b.w - 2, &lines);
	size_t room = (size_t)(b.h - 2);
	size_t first = n > room ? n - room : 0;
	for (size_t i = first; i < n; i++)
		ui_put(app, hint_y - (int)(n - 1 - i), b.x + 1, b.w - 2,
		       UI_ROLE_ERROR, true, lines[i]);
	ui_lines_free(lines, n);
}

static void editor_draw(struct app *app, void *ctx)
{
	struct editor *ed = ctx;
	struct ui_rect b = editor_box();
	ui_box(app, b, ed->title);
	char save[64], cancel[64], undo[64];
	ui_keymap_describe(&app->keymap, UI_ACT_ed_save, save, sizeof save);
	ui_keymap_describe(&app->keymap, UI_ACT_ed_cancel, cancel, sizeof cancel);
	ui_keymap_describe(&app->keymap, UI_ACT_ed_undo, undo, sizeof undo);
	int hint_y = b.y + b.h - 2;
	if (ed->error[0])
		draw_error(app, ed->error, b, hint_y);
	else
		ui_putf(app, hint_y, b.x + 1, b.w - 2, UI_ROLE_DIM,
			"%s save · %s cancel · %s undo · Enter new point",
			save, cancel, undo);
	ed->text = (struct ui_rect){b.y + 1, b.x + 1, b.h - 3, b.w - 2};
	draw_text(app, &ed->tb, ed->text, &ed->top);
}

/* Commit text changed in the editor when the session ends under it; true
 * when it was saved.  Blank text and unchanged text are left alone. */
static bool save_on_hangup(struct app *app, struct textbuf *tb,
			   const char *original, ui_commit_fn commit, void *ctx)
{
	const char *text = tb_text(tb);
	if (strcmp(original, text) == 0 || text[strspn(text, " \t\n")] == '\0')
		return false;
	struct clerk_err err = {0};
	return commit(app, ctx, text, &err) == CLERK_OK;
}

bool ui_edit(struct app *app, const char *title, const char *initial,
	     ui_commit_fn commit, void *ctx)
{
	struct editor ed = {.title = title};
	tb_init(&ed.tb, initial);
	char *original = xstrdup(tb_text(&ed.tb));
	bool saved = false;
	ui_app_push_overlay(app, editor_draw, &ed);
	for (;;) {
		int key = ui_app_read_key(app);
		if (key == UI_KEY_HANGUP) {
			/* The terminal is gone (SIGHUP, SIGTERM): keep what was
			 * typed, as the clerk would have, rather than lose it. */
			saved = save_on_hangup(app, &ed.tb, original, commit, ctx);
			break;
		}
		if (key == UI_KEY_TICK || key == UI_KEY_RESIZE)
			continue;
		ed.error[0] = '\0';
		if (key == UI_KEY_PASTE_START || key == UI_KEY_PASTE_END) {
			app->pasting = key == UI_KEY_PASTE_START;
			if (app->pasting)
				tb_paste_begin(&ed.tb);
			else
				tb_paste_end(&ed.tb);
			continue;
		}
		if (app->pasting && key == UI_KEY_ESC)
			continue; /* pasted text never cancels */
		enum ui_context ctx_ed = UI_CTX_EDITOR;
		enum ui_action a = ui_keymap_lookup_in(&app->keymap, &ctx_ed, 1,
						       key);
		/* Help (F1) inside the editor lists the editor's keys; a
		 * printable help key ('?') is text here. */
		if (a == UI_ACT_help && (key < 0x20 || key >= UI_KEY_FN)) {
			ui_help_show(app, &ctx_ed, 1);
			continue;
		}
		if (a == UI_ACT_ed_save) {
			struct clerk_err err = {0};
			if (commit(app, ctx, tb_text(&ed.tb), &err) == CLERK_OK) {
				saved = true;
				ui_app_saved(app);
				break;
			}
			snprintf(ed.error, sizeof ed.error, "%s",
				 err.msg[0] ? err.msg
					    : clerk_status_text(err.status));
			continue;
		}
		if (a == UI_ACT_ed_cancel || key == UI_KEY_INTERRUPT) {
			if (strcmp(original, tb_text(&ed.tb)) == 0 ||
			    ui_confirm(app, "Throw away this text?"))
				break;
			continue;
		}
		int width = ed.text.w > 0 ? ed.text.w : COLS - 6;
		if (!edit_key(app, &ed.tb, key, width))
			beep();
	}
	ui_app_pop_overlay(app);
	free(original);
	tb_free(&ed.tb);
	return saved;
}

/* ------------------------------------------------------------ prompt */

struct prompt {
	const char *title;
	struct textbuf tb;
};

static void prompt_draw(struct app *app, void *ctx)
{
	struct prompt *p = ctx;
	int w = COLS - 4 > 72 ? 72 : COLS - 4;
	struct ui_rect b = ui_layout_centre(COLS, LINES, w, 5);
	ui_box(app, b, p->title);
	int fw = b.w - 4;
	/* show the end of the text when it is wider than the field */
	const char *s = tb_text(&p->tb);
	char *before = xstrndup(s, p->tb.cur);
	size_t len = strlen(before), skip = 0;
	/* Measured once and then less each character skipped: measuring
	 * what is left for each one made a long line cost its cube. */
	int cx = utf8_width(before);
	while (cx > fw - 1 && skip < len) {
		uint32_t cp;
		skip += utf8_decode(before + skip, len - skip, &cp);
		cx -= utf8_cp_width(cp);
	}
	ui_put(app, b.y + 2, b.x + 2, fw, UI_ROLE_SELECTED, true, s + skip);
	ui_put(app, b.y + 3, b.x + 2, fw, UI_ROLE_DIM, false,
	       "Enter ok · Esc cancel");
	ui_cursor(app, b.y + 2, b.x + 2 + cx);
	free(before);
}

char *ui_prompt(struct app *app, const char *title, const char *initial)
{
	struct prompt p = {.title = title};
	tb_init(&p.tb, initial);
	p.tb.single_line = true;
	char *result = NULL;
	ui_app_push_overlay(app, prompt_draw, &p);
	for (;;) {
		int key = ui_app_read_key(app);
		if (key == UI_KEY_HANGUP || key == UI_KEY_ESC ||
		    key == UI_KEY_INTERRUPT)
			break;
		if (key == UI_KEY_TICK || key == UI_KEY_RESIZE)
			continue;
		if (key == UI_KEY_PASTE_START || key == UI_KEY_PASTE_END) {
			app->pasting = key == UI_KEY_PASTE_START;
			if (app->pasting)
				tb_paste_begin(&p.tb);
			else
				tb_paste_end(&p.tb);
			continue;
		}
		if (app->pasting && key == UI_KEY_ENTER)
			key = ' '; /* a pasted line break does not submit */
		if (key == UI_KEY_ENTER) {
			result = xstrdup(tb_text(&p.tb));
			break;
		}
		if (!edit_key(app, &p.tb, key, 1 << 20))
			beep();
	}
	ui_app_pop_overlay(app);
	tb_free(&p.tb);
	return result;
}
