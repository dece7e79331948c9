/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/app_private: the application context, shared by the files of src/ui
 * only.  Other modules use the accessors of clerk/ui.h.
 */
#ifndef CLERK_UI_APP_PRIVATE_H
#define CLERK_UI_APP_PRIVATE_H

#include <curses.h>

#include "clerk/ui.h"

#define UI_MAX_OVERLAYS 8

struct app {
	struct db *db;
	SCREEN *term;
	FILE *term_out, *term_in; /* script mode's virtual terminal */
	bool script_mode;
	FILE *script;
	char *script_name;
	char *dump_dir;
	int script_line;
	char *line;      /* current script line */
	size_t line_pos; /* next byte of it */
	bool expect_failed;
	bool hung_up;
	bool utf8;
	bool color;
	attr_t role_attr[UI_ROLE_COUNT];
	struct ui_keymap keymap;
	struct ui_screen *screen;
	struct {
		ui_overlay_fn draw;
		void *ctx;
	} overlays[UI_MAX_OVERLAYS];
	int noverlays;
	bool quit;
	char message[512];
	enum ui_role message_role;
	bool saved;
	int mouse_x, mouse_y;
	int cursor_y, cursor_x;
	int cleft, cright; /* terminal codes of Ctrl-Left / Ctrl-Right */
	bool pasting;      /* between UI_KEY_PASTE_START and _END */
	/* The screen painted since the last key, at clock_now() painted_at:
	 * a script's @dump or @expect right after shows it as it is rather
	 * than painting it again. */
	bool painted;
	time_t painted_at;
};

/* Attribute of a role (colour pair or plain attributes). */
attr_t ui_role_attr(struct app *app, enum ui_role role);
/* Set up roles for colour or none. */
void ui_colors_init(struct app *app, bool color);

#endif
