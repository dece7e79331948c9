/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui: the ncurses console toolkit.
 *
 * The console is an application context (struct app, passed to everything:
 * there are no globals) that owns the terminal, the key map, the colours
 * and the screen being shown.  One loop (ui_app_run) paints the screen,
 * reads one key, and hands it to the screen.  Keys come from the terminal
 * or, in script mode, from a keystroke script (see "Script mode" below), so
 * that every screen can be tested headlessly.
 *
 * Screens.  A screen is a small ops table and a state pointer:
 *
 *     static const struct ui_screen_ops review_ops = {
 *             .name = "review",
 *             .draw = review_draw,     // paint everything from the state
 *             .key = review_key,       // act on one key; UI_KEY_UNUSED
 *                                      // lets the app try global actions
 *             .resize = review_resize, // optional: the terminal changed
 *             .tick = NULL,            // optional: once a second
 *             .may_quit = NULL,        // optional: confirm before leaving
 *     };
 *     struct ui_screen s = {&review_ops, &state};
 *     ui_app_run(app, &s);
 *
 * To add a screen (review, membership, person, search): write its state
 * struct and those functions in src/ui/screen_NAME.c, compute its pane
 * rectangles with a pure function (like ui_layout_live) so that geometry is
 * unit-tested apart from painting, paint only with the helpers below (they
 * measure by display width, never cut a character, and sanitise data), put
 * any new key in src/ui/actions.def with a context (add a context to
 * UI_CONTEXT_LIST if none fits), and test it with a script (tests/ui/).
 * A screen of several panes (the live console) gives each pane its own
 * file and ops table, and every list the one list pane: src/ui/pane.h.
 * Draw functions must not change data; key functions change data only
 * through model/live calls, which commit before they return, then call
 * ui_app_saved() so that the status line shows "saved".
 *
 * Modal widgets (dialogs, pickers, the editor) run their own small loop on
 * top of the screen: they push an overlay so that a repaint (resize, clock
 * tick, script dump) paints the screen and then them.
 *
 * Script mode.  `clerk live MEETING --script FILE [--dump DIR]` (or
 * CLERK_SCRIPT=FILE) runs the console on a virtual terminal (newterm with
 * TERM from --term, default xterm-256color, output to /dev/null) and reads
 * keys from FILE instead of the keyboard.  A script line is either
 *   # a comment
 *   @command args     a harness command (below)
 *   keys              text typed as is, <Name> for special keys (<Enter>,
 *                     <Esc>, <Tab>, <BackTab>, <Up>, <Down>, <Left>,
 *                     <Right>, <Home>, <End>, <PageUp>, <PageDown>,
 *                     <Delete>, <Backspace>, <Insert>, <Space>, <F1>..<F12>,
 *                     <C-a>..<C-z>, <C-_>, <C-Left>, <C-Right>, <lt> for '<',
 *                     <Hash> for a '#' that starts a line, <PasteStart>
 *                     and <PasteEnd> around pasted text)
 * Harness commands: @clock +5m | +30s | +1h | 2017-10-05T10:00:00Z (moves the
 * injected clock), @dump NAME (writes DIR/NAME.txt: the screen as UTF-8
 * text, trailing blanks trimmed), @resize COLS ROWS, @click X Y (a mouse
 * click), @expect TEXT (fails the run, exit 3, when TEXT is not on screen),
 * @signal HUP|TERM|INT (as if the signal came).  The end of the script
 * leaves the console as if hung up.
 */
#ifndef CLERK_UI_H
#define CLERK_UI_H

#include <stdbool.h>
#include <stdio.h>

#include "clerk/core.h"

struct cli;
struct db;
struct app;

/* ---------------------------------------------------------------- keys */

/* A key: a Unicode code point, or UI_KEY_FN + an ncurses KEY_ code, or one
 * of the synthetic keys below (above every code point). */
#define UI_KEY_FN 0x1000000
#define UI_KEY_SYN 0x2000000
enum {
	UI_KEY_ENTER = '\n',
	UI_KEY_TAB = '\t',
	UI_KEY_ESC = 27,
	UI_KEY_CLEFT = UI_KEY_SYN + 1,
	UI_KEY_CRIGHT,
	UI_KEY_CLICK,   /* mouse: position in app->mouse_x/y */
	UI_KEY_RESIZE,  /* the terminal changed size */
	UI_KEY_TICK,    /* a second passed with no key */
	UI_KEY_HANGUP,  /* terminal gone, SIGHUP/SIGTERM or script ended */
	UI_KEY_INTERRUPT, /* SIGINT */
	UI_KEY_PASTE_START, /* bracketed paste: the text pasted follows */
	UI_KEY_PASTE_END,
};
/* The key of Ctrl plus a letter ('a'..'z'). */
#define UI_CTRL(c) ((c) & 0x1f)

/* Parse one key name as written in keys files and scripts ("j", "<Enter>",
 * "<C-z>", "<F1>"); false when unknown. */
bool ui_key_parse(const char *name, size_t len, int *key);
/* The name of a key ("<Down>", "j"); written into out (32 bytes room). */
const char *ui_key_name(int key, char out[32]);

/* --------------------------------------------------------------- actions */

#define UI_CONTEXT_LIST(X) \
	X(GLOBAL) X(LIST) X(LIVE) X(ATTEND) X(EDITOR) X(DIALOG) X(REVIEW) X(BROWSE)
enum ui_context {
#define UI_CONTEXT_ENUM(name) UI_CTX_##name,
	UI_CONTEXT_LIST(UI_CONTEXT_ENUM)
#undef UI_CONTEXT_ENUM
	UI_CTX_COUNT
};

enum ui_action {
	UI_ACT_NONE,
#define UI_ACTION(name, ctx, access, keys, help) UI_ACT_##name,
#include "../../src/ui/actions.def"
#undef UI_ACTION
	UI_ACT_COUNT
};

/* Who may take an action in the live console (the access column of
 * src/ui/actions.def): any console, or only the one driving the meeting. */
enum ui_access { UI_WATCH, UI_DRIVE };

struct ui_action_info {
	const char *name;
	enum ui_context context;
	enum ui_access access;
	const char *keys; /* defaults */
	const char *help;
};
/* The static description of an action. */
const struct ui_action_info *ui_action_info(enum ui_action a);
/* The action named `name`, or UI_ACT_NONE. */
enum ui_action ui_action_find(const char *name, size_t len);
/* A heading for a context ("In the live console"). */
const char *ui_context_name(enum ui_context c);

/* The key map: for each context, which action a key triggers. */
#define UI_KEYMAP_MAX 8 /* keys per action */
struct ui_keymap {
	int keys[UI_ACT_COUNT][UI_KEYMAP_MAX];
	int nkeys[UI_ACT_COUNT];
};
/* Fill the map with the defaults of actions.def. */
void ui_keymap_defaults(struct ui_keymap *km);
/* The action bound to key in context ctx (GLOBAL is tried last), or
 * UI_ACT_NONE. */
enum ui_action ui_keymap_lookup(const struct ui_keymap *km,
				enum ui_context ctx, int key);
/* Same, trying contexts ctxs[0..n-1] in order, then GLOBAL. */
enum ui_action ui_keymap_lookup_in(const struct ui_keymap *km,
				   const enum ui_context *ctxs, size_t n,
				   int key);
/* The keys of an action as text ("<F1> ?"), into out. */
void ui_keymap_describe(const struct ui_keymap *km, enum ui_action a,
			char *out, size_t outlen);
/* Apply a keys file's text to the map.  Lines: "bind ACTION KEY..." (the
 * keys replace the action's), "unbind ACTION", "# comment", blank.  On the
 * first bad line returns CLERK_INVALID with "FILE:LINE: what is wrong" in
 * err and leaves the map as it was. */
enum clerk_status ui_keymap_apply(struct ui_keymap *km, const char *text,
				  const char *filename, struct clerk_err *err);
/* Load $XDG_CONFIG_HOME/clerk/keys (else ~/.config/clerk/keys) when it
 * exists; a missing file is not an error. */
enum clerk_status ui_keymap_load_user(struct ui_keymap *km,
				      struct clerk_err *err);
/* The user's keys file path (caller frees). */
char *ui_keymap_user_path(void);
/* Print the action list: plain text (man false) or man-page .TP entries. */
void ui_actions_print(FILE *out, const struct ui_keymap *km, bool man);

/* ---------------------------------------------------------------- layout */

struct ui_rect {
	int y, x, h, w;
};

/* The smallest terminal the console draws on. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 16

/* Panes of the live console.  A pure function of the terminal size. */
struct ui_live_layout {
	bool too_small;
	bool wide; /* three columns: agenda | item | attendance */
	struct ui_rect header, agenda, item, attendance, status;
};
void ui_layout_live(int cols, int rows, struct ui_live_layout *out);
/* The rectangles as text ("header 0,0 80x1\n..."), for tests. */
void ui_layout_live_format(const struct ui_live_layout *l, struct strbuf *sb);
/* A centred box of at most w x h inside a cols x rows screen. */
struct ui_rect ui_layout_centre(int cols, int rows, int w, int h);

/* A list's first shown row *top moved, as little as it must, so that row
 * sel is one of the `rows` rows shown: every list keeps its selection in
 * view this one way. */
void ui_scroll_to(size_t sel, size_t *top, int rows);

/* ---------------------------------------------------------------- colour */

#define UI_ROLE_LIST(X)                                               \
	X(NORMAL) X(HEADER) X(TITLE) X(SELECTED) X(CURRENT) X(DONE) \
	X(WARN) X(ERROR) X(OK) X(DIM) X(STATUS) X(KEY) X(SAVED) X(FRAME) \
	X(PRESENT) X(SUBSTITUTE) X(OUT)
enum ui_role {
#define UI_ROLE_ENUM(name) UI_ROLE_##name,
	UI_ROLE_LIST(UI_ROLE_ENUM)
#undef UI_ROLE_ENUM
	UI_ROLE_COUNT
};

/* ------------------------------------------------------------- screens */

enum ui_key_result {
	UI_KEY_USED,   /* handled */
	UI_KEY_UNUSED, /* not for this screen: try global actions */
	UI_KEY_LEAVE,  /* close the screen */
};

struct ui_screen_ops {
	const char *name;
	void (*draw)(struct app *app, void *state);
	enum ui_key_result (*key)(struct app *app, void *state, int key);
	void (*resize)(struct app *app, void *state);
	void (*tick)(struct app *app, void *state);
	/* true when the user may leave now (may ask); NULL: always */
	bool (*may_quit)(struct app *app, void *state);
	/* contexts of this screen's keys, most specific first */
	size_t (*contexts)(struct app *app, void *state,
			   enum ui_context out[4]);
};

struct ui_screen {
	const struct ui_screen_ops *ops;
	void *state;
};

/* ------------------------------------------------------------------ app */

struct ui_options {
	bool no_color;
	const char *script;   /* keystroke script, or NULL: the terminal */
	const char *dump_dir; /* where @dump writes ("." when NULL) */
	const char *term;     /* TERM for script mode */
	int cols, rows;       /* script mode size (default 80x24) */
};

/* Start the console: locale, terminal (or virtual one for a script), keys
 * file, colours, signals.  On failure returns NULL with err filled. */
struct app *ui_app_start(const struct ui_options *opt, struct db *db,
			 struct clerk_err *err);
/* Restore the terminal and free the app; sets *app to NULL.  Returns the
 * script's verdict: 0, or 3 when an @expect failed. */
int ui_app_end(struct app **app);
/* Run screen until it leaves or the user quits. */
void ui_app_run(struct app *app, struct ui_screen *screen);
/* The database, the key map and sizes of the running app. */
struct db *ui_app_db(struct app *app);
const struct ui_keymap *ui_app_keymap(struct app *app);
int ui_app_cols(struct app *app);
int ui_app_rows(struct app *app);
bool ui_app_script_mode(struct app *app);
/* Mouse position of the last UI_KEY_CLICK. */
void ui_app_mouse(struct app *app, int *x, int *y);
/* Ask the loop to stop (after the current key). */
void ui_app_quit(struct app *app);
bool ui_app_quitting(struct app *app);
/* A message on the status line until the next key (role WARN/ERROR/OK). */
void ui_app_message(struct app *app, enum ui_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Show "saved" on the status line: call only after the commit returned. */
void ui_app_saved(struct app *app);
/* Report a failed change: the error's sentence on the status line. */
void ui_app_error(struct app *app, const struct clerk_err *err);
/* Repaint everything now (screen, overlays, status line). */
void ui_app_paint(struct app *app);
/* Read the next key (painting first); script commands are run here.
 * Returns UI_KEY_TICK after a second without a key (terminal mode). */
int ui_app_read_key(struct app *app);
/* The action of key for the given contexts (GLOBAL last). */
enum ui_action ui_app_action(struct app *app, const enum ui_context *ctxs,
			     size_t n, int key);

/* Overlays: modal widgets paint on top of the screen. */
typedef void (*ui_overlay_fn)(struct app *app, void *ctx);
void ui_app_push_overlay(struct app *app, ui_overlay_fn draw, void *ctx);
void ui_app_pop_overlay(struct app *app);

/* ------------------------------------------------------------- painting */

/* Glyphs: Unicode in a UTF-8 locale, ASCII otherwise. */
enum ui_glyph {
	UI_G_VLINE, UI_G_HLINE, UI_G_TL, UI_G_TR, UI_G_BL, UI_G_BR,
	UI_G_CURRENT, UI_G_DONE, UI_G_DASH, UI_G_DOT, UI_G_ELLIPSIS,
	UI_G_COUNT
};
const char *ui_glyph(struct app *app, enum ui_glyph g);

/* Put text (UTF-8 data: sanitised, measured by display width, never cut
 * mid-character) at y,x in at most width columns; pad fills the rest with
 * spaces.  Returns the columns used. */
int ui_put(struct app *app, int y, int x, int width, enum ui_role role,
	   bool pad, const char *text);
/* Same, but text that does not fit ends with an ellipsis ("…") so that the
 * reader sees it was cut (names, titles). */
int ui_put_ellipsis(struct app *app, int y, int x, int width,
		    enum ui_role role, bool pad, const char *text);
/* Same as ui_put, right-aligned within width. */
int ui_put_right(struct app *app, int y, int x, int width, enum ui_role role,
		 const char *text);
/* printf then ui_put (no padding). */
int ui_putf(struct app *app, int y, int x, int width, enum ui_role role,
	    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Fill a rectangle with spaces in role. */
void ui_fill(struct app *app, struct ui_rect r, enum ui_role role);
/* A framed box with a title on its top border. */
void ui_box(struct app *app, struct ui_rect r, const char *title);
/* A vertical line of h cells. */
void ui_vline(struct app *app, int y, int x, int h);
/* Wrap text (UTF-8, '\n' breaks) into lines of at most width columns;
 * returns the count, lines in *out (each a malloc'd string; free with
 * ui_lines_free). */
size_t ui_wrap(const char *text, int width, char ***out);
void ui_lines_free(char **lines, size_t n);
/* The status row at y: the current message if any, else the hints
 * ("F1 help|n next|q quit": a key, a space, what it does; the key shown in
 * KEY role), and "saved" on the right when a change was just committed. */
void ui_draw_status(struct app *app, int y, const char *hints);
/* Place the terminal cursor (visible) at y,x, or hide it (y < 0). */
void ui_cursor(struct app *app, int y, int x);

/* -------------------------------------------------------------- dialogs */

/* Ask a yes/no question; true for yes.  Esc and n say no. */
bool ui_confirm(struct app *app, const char *question);
/* Show a message box until a key. */
void ui_message_box(struct app *app, const char *title, const char *text);
/* A one-line prompt.  Returns a new string (caller frees), or NULL when
 * cancelled with Esc. */
char *ui_prompt(struct app *app, const char *title, const char *initial);

/* An entry of a picker. */
struct ui_pick_item {
	const char *label; /* shown (sanitised) */
	const char *note;  /* shown dim on the right, or NULL */
	bool disabled;     /* shown, not choosable (note says why) */
	bool heading;      /* a group heading line */
};
/* Let the user choose one of n items (arrows, j/k, / search, mouse,
 * Enter); returns its index, or -1 when cancelled.  `start` is selected
 * first. */
int ui_pick(struct app *app, const char *title, const struct ui_pick_item *items,
	    size_t n, int start);

/* The same, typing filtering the list from the start when searching (the
 * user pressed / to find something): Enter keeps the filter, Enter again
 * chooses. */
int ui_pick_search(struct app *app, const char *title,
		   const struct ui_pick_item *items, size_t n, int start,
		   bool searching);

/* The help screen: every action with its keys, for the given contexts. */
void ui_help_show(struct app *app, const enum ui_context *ctxs, size_t n);

/* The multi-line editor (see clerk/editor.h).  commit is called with the
 * text on save; when it fails the editor stays open and shows err. */
typedef enum clerk_status (*ui_commit_fn)(struct app *app, void *ctx,
					  const char *text,
					  struct clerk_err *err);
/* Edit text in a box titled title; returns true when saved (committed). */
bool ui_edit(struct app *app, const char *title, const char *initial,
	     ui_commit_fn commit, void *ctx);

#endif
