/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/app: the console's application context and its loop.
 *
 * It owns the terminal (a real one, or a virtual one in script mode), reads
 * keys (from the keyboard, with a one-second tick for the clocks, or from a
 * keystroke script with harness commands), paints the screen and its
 * overlays, and turns signals into keys: the handlers only set a flag; the
 * loop notices it.  SIGHUP and SIGTERM (and a terminal that keeps failing
 * to read) end the console cleanly, so that the caller closes the database;
 * SIGINT asks before leaving.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "app_private.h"
#include "clerk/db.h"

/* Signal flags: the only file-scope state, as handlers cannot take a
 * context.  Never touched except by the handlers and read_terminal(). */
static volatile sig_atomic_t signal_hangup;
static volatile sig_atomic_t signal_interrupt;

static void on_hangup(int sig)
{
	(void)sig;
	signal_hangup = 1;
}

static void on_interrupt(int sig)
{
	(void)sig;
	signal_interrupt = 1;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_hangup; /* no SA_RESTART: poll() returns EINTR */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = on_interrupt;
	sigaction(SIGINT, &sa, NULL);
	signal_hangup = 0;
	signal_interrupt = 0;
}

/* Key codes given to the bracketed paste markers (above ncurses' own). */
#define PASTE_START_CODE (KEY_MAX + 1)
#define PASTE_END_CODE (KEY_MAX + 2)

/* The terminal code of a key named by terminfo (kLFT5...), or -1. */
static int defined_key(const char *name)
{
	int k = key_defined(name);
	return k > 0 ? k : -1;
}

/* A terminal without cursor addressing (TERM=dumb, a printing terminal)
 * would show a blank or garbled screen: say so instead. */
static bool can_place_cursor(void)
{
	char *cup = tigetstr("cup");
	return cup && cup != (char *)-1 && *cup;
}

/* Out of memory with the console open: the terminal is given back before
 * the message, which would otherwise be drawn under the full screen. */
static void give_terminal_back(void)
{
	if (!isendwin())
		endwin();
	fputs("\033[?2004l", stdout);
	fflush(stdout);
}

static bool setup_terminal(struct app *app, const struct ui_options *opt,
			   struct clerk_err *err)
{
	if (app->script_mode) {
		const char *term = opt->term ? opt->term : "xterm-256color";
		app->term_out = fopen("/dev/null", "w");
		app->term_in = fopen("/dev/null", "r");
		if (!app->term_out || !app->term_in) {
			clerk_fail(err, CLERK_IO, "cannot open /dev/null: %s",
				   strerror(errno));
			return false;
		}
		app->term = newterm(term, app->term_out, app->term_in);
		if (!app->term) {
			clerk_fail(err, CLERK_USAGE,
				   "terminal type '%s' is not known to ncurses",
				   term);
			return false;
		}
		set_term(app->term);
		resizeterm(opt->rows > 0 ? opt->rows : 24,
			   opt->cols > 0 ? opt->cols : 80);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			clerk_fail(err, CLERK_USAGE,
				   "the live console needs a terminal (or "
				   "--script FILE for a headless run)");
			return false;
		}
		const char *t = getenv("TERM");
		app->term = newterm(t && *t ? t : "xterm", stdout, stdin);
		if (!app->term) {
			clerk_fail(err, CLERK_USAGE,
				   "terminal type '%s' is not known to ncurses",
				   t ? t : "");
			return false;
		}
		set_term(app->term);
		xalloc_on_exhaustion(give_terminal_back);
		if (!can_place_cursor()) {
			clerk_fail(err, CLERK_USAGE,
				   "this terminal (TERM=%s) cannot place the "
				   "cursor, which the console needs: run it in "
				   "a terminal such as xterm or the Linux "
				   "console (TERM=xterm-256color or TERM=linux); "
				   "the look-ups (clerk members, who, attendance, "
				   "search) work on any terminal",
				   t && *t ? t : "xterm");
			return false;
		}
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
		mouseinterval(0);
		/* bracketed paste: the terminal marks pasted text, so that a
		 * paste outside an editor is not taken for commands */
		define_key("\033[200~", PASTE_START_CODE);
		define_key("\033[201~", PASTE_END_CODE);
		fputs("\033[?2004h", stdout);
		fflush(stdout);
	}
	raw();
	noecho();
	/* Function keys are decoded only where keys are read from the
	 * terminal: a script names its keys in its text (<C-Left>), and
	 * building ncurses' table of the terminal's keys, which a script
	 * never reads, cost 0.1 M instructions before its first screen. */
	app->cleft = app->cright = -1;
	if (!app->script_mode) {
		keypad(stdscr, TRUE);
		set_escdelay(25);
		app->cleft = defined_key("kLFT5");
		app->cright = defined_key("kRIT5");
	}
	return true;
}

struct app *ui_app_start(const struct ui_options *opt, struct db *db,
			 struct clerk_err *err)
{
	/* The character set only, as every command sets it (cli_main):
	 * ncurses needs it for wide characters.  The console's dates and
	 * messages stay in clerk's words whatever LC_TIME or LC_MESSAGES say,
	 * as the commands' and the minutes' do, and LC_ALL's other categories
	 * cost a tenth of a million instructions at every opening. */
	setlocale(LC_CTYPE, "");
	struct app *app = xcalloc(1, sizeof *app);
	app->db = db;
	app->cursor_y = -1;
	app->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	ui_keymap_defaults(&app->keymap);
	if (ui_keymap_load_user(&app->keymap, err) != CLERK_OK) {
		free(app);
		return NULL;
	}
	const char *script = opt->script;
	if (!script) {
		const char *env = getenv("CLERK_SCRIPT");
		if (env && *env)
			script = env;
	}
	if (script) {
		app->script_mode = true;
		app->script = fopen(script, "r");
		if (!app->script) {
			clerk_fail(err, CLERK_IO, "cannot read the script %s: %s",
				   script, strerror(errno));
			free(app);
			return NULL;
		}
		app->script_name = xstrdup(script);
		app->dump_dir = xstrdup(opt->dump_dir ? opt->dump_dir : ".");
	}
	if (!setup_terminal(app, opt, err)) {
		int rc = ui_app_end(&app);
		(void)rc;
		return NULL;
	}
	const char *nc = getenv("NO_COLOR");
	ui_colors_init(app, !opt->no_color && !(nc && *nc) && has_colors());
	install_signals();
	return app;
}

int ui_app_end(struct app **pp)
{
	struct app *app = *pp;
	if (!app)
		return 0;
	int rc = app->expect_failed ? 3 : 0;
	if (app->term) {
		if (!app->script_mode) {
			curs_set(1);
			if (!app->hung_up) {
				fputs("\033[?2004l", stdout);
				fflush(stdout);
			}
		}
		endwin();
		delscreen(app->term);
		xalloc_on_exhaustion(NULL);
	}
	if (app->term_out)
		fclose(app->term_out);
	if (app->term_in)
		fclose(app->term_in);
	if (app->script)
		fclose(app->script);
	free(app->script_name);
	free(app->dump_dir);
	free(app->line);
	free(app);
	*pp = NULL;
	signal(SIGHUP, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	return rc;
}

struct db *ui_app_db(struct app *app)
{
	return app->db;
}

const struct ui_keymap *ui_app_keymap(struct app *app)
{
	return &app->keymap;
}

int ui_app_cols(struct app *app)
{
	(void)app;
	return COLS;
}

int ui_app_rows(struct app *app)
{
	(void)app;
	return LINES;
}

bool ui_app_script_mode(struct app *app)
{
	return app->script_mode;
}

void ui_app_mouse(struct app *app, int *x, int *y)
{
	*x = app->mouse_x;
	*y = app->mouse_y;
}

void ui_app_quit(struct app *app)
{
	app->quit = true;
}

bool ui_app_quitting(struct app *app)
{
	return app->quit;
}

void ui_app_message(struct app *app, enum ui_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_role = role;
	app->painted = false;
}

void ui_app_saved(struct app *app)
{
	app->saved = true;
	app->painted = false;
}

void ui_app_error(struct app *app, const struct clerk_err *err)
{
	ui_app_message(app, UI_ROLE_ERROR, "%s",
		       err->msg[0] ? err->msg : clerk_status_text(err->status));
	app->saved = false;
}

void ui_app_push_overlay(struct app *app, ui_overlay_fn draw, void *ctx)
{
	if (app->noverlays < UI_MAX_OVERLAYS) {
		app->overlays[app->noverlays].draw = draw;
		app->overlays[app->noverlays].ctx = ctx;
	}
	app->noverlays++;
	app->painted = false;
}

void ui_app_pop_overlay(struct app *app)
{
	if (app->noverlays > 0)
		app->noverlays--;
	app->painted = false;
}

enum ui_action ui_app_action(struct app *app, const enum ui_context *ctxs,
			     size_t n, int key)
{
	return ui_keymap_lookup_in(&app->keymap, ctxs, n, key);
}

/* ------------------------------------------------------------ painting */

static void paint_too_small(struct app *app)
{
	char msg[160];
	snprintf(msg, sizeof msg,
		 "Terminal too small: %dx%d. clerk needs at least %dx%d. "
		 "Enlarge the window (q leaves).",
		 COLS, LINES, UI_MIN_COLS, UI_MIN_ROWS);
	char **lines;
	size_t n = ui_wrap(msg, COLS, &lines);
	for (size_t i = 0; i < n && (int)i < LINES; i++)
		ui_put(app, (int)i, 0, COLS, UI_ROLE_WARN, false, lines[i]);
	ui_lines_free(lines, n);
}

void ui_app_paint(struct app *app)
{
	app->cursor_y = -1;
	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS) {
		paint_too_small(app);
	} else {
		if (app->screen && app->screen->ops->draw)
			app->screen->ops->draw(app, app->screen->state);
		int n = app->noverlays < UI_MAX_OVERLAYS ? app->noverlays
							 : UI_MAX_OVERLAYS;
		for (int i = 0; i < n; i++)
			app->overlays[i].draw(app, app->overlays[i].ctx);
	}
	if (app->cursor_y >= 0) {
		move(app->cursor_y, app->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
	app->painted = true;
	app->painted_at = clock_now();
}

/* Paint unless the screen was painted since the last key at this same
 * time (drawing it again would draw the same). */
static void paint_if_stale(struct app *app)
{
	if (!app->painted || app->painted_at != clock_now())
		ui_app_paint(app);
}

void ui_cursor(struct app *app, int y, int x)
{
	app->cursor_y = y;
	app->cursor_x = x;
}

/* The screen as UTF-8 lines, trailing blanks trimmed (the harness's @dump
 * and @expect).  A row's cells are read in one call and their characters
 * taken from the cells themselves (cchar_t's chars, what getcchar copies),
 * a row at a time into one buffer: a call per cell cost a tenth of the
 * console's first screen. */
static char *screen_text(void)
{
	struct strbuf sb = {0};
	cchar_t *row = xcalloc((size_t)COLS + 1, sizeof *row);
	/* at most CCHARW_MAX characters of 4 bytes in each cell */
	char *line = xmalloc((size_t)COLS * CCHARW_MAX * 4 + 1);
	for (int y = 0; y < LINES; y++) {
		size_t len = 0;
		int got = mvwin_wchnstr(stdscr, y, 0, row, COLS) == ERR ? 0 : COLS;
		for (int x = 0; x < COLS; x++) {
			const wchar_t *wch = row[x].chars;
			if (x >= got || wch[0] == L'\0') {
				line[len++] = ' ';
				continue;
			}
			if (wch[0] >= 0x20 && wch[0] < 0x7f && wch[1] == L'\0') {
				line[len++] = (char)wch[0];
				continue;
			}
			for (int i = 0; i < CCHARW_MAX && wch[i]; i++)
				len += utf8_encode((uint32_t)wch[i], line + len);
			if (utf8_cp_width((uint32_t)wch[0]) == 2)
				x++; /* the next cell is the character's right half */
		}
		while (len > 0 && line[len - 1] == ' ')
			len--;
		line[len++] = '\n';
		sb_addn(&sb, line, len);
	}
	free(line);
	free(row);
	return sb_detach(&sb);
}

/* ---------------------------------------------------------- key reading */

static int translate_function_key(struct app *app, int code)
{
	if (code == KEY_RESIZE)
		return UI_KEY_RESIZE;
	if (code == PASTE_START_CODE)
		return UI_KEY_PASTE_START;
	if (code == PASTE_END_CODE)
		return UI_KEY_PASTE_END;
	if (code == KEY_ENTER)
		return UI_KEY_ENTER;
	if (code == app->cleft)
		return UI_KEY_CLEFT;
	if (code == app->cright)
		return UI_KEY_CRIGHT;
	if (code == KEY_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) != OK)
			return UI_KEY_TICK;
		app->mouse_x = ev.x;
		app->mouse_y = ev.y;
		return UI_KEY_CLICK;
	}
	return UI_KEY_FN + code;
}

static int translate_char(wint_t wc)
{
	if (wc == '\r')
		return UI_KEY_ENTER;
	if (wc == 127 || wc == 8)
		return UI_KEY_FN + KEY_BACKSPACE;
	return (int)wc;
}

static int read_terminal(struct app *app)
{
	int streak = 0;
	for (;;) {
		if (signal_hangup) {
			app->hung_up = true;
			return UI_KEY_HANGUP;
		}
		if (signal_interrupt) {
			signal_interrupt = 0;
			return UI_KEY_INTERRUPT;
		}
		wint_t wc;
		nodelay(stdscr, TRUE);
		int rc = wget_wch(stdscr, &wc);
		if (rc == KEY_CODE_YES)
			return translate_function_key(app, (int)wc);
		if (rc == OK)
			return translate_char(wc);
		struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
		int pr = poll(&pfd, 1, 1000);
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr == 0)
			return UI_KEY_TICK;
		if (pr < 0 || (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))) {
			app->hung_up = true;
			return UI_KEY_HANGUP;
		}
		/* readable but no key: after many in a row, the terminal is
		 * gone (reads return end-of-file) */
		if (++streak > 50) {
			app->hung_up = true;
			return UI_KEY_HANGUP;
		}
	}
}

static bool next_script_line(struct app *app)
{
	free(app->line);
	app->line = NULL;
	app->line_pos = 0;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n = getline(&buf, &cap, app->script);
	if (n < 0) {
		free(buf);
		return false;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	app->line = buf;
	app->script_line++;
	return true;
}

static void script_error(struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void script_error(struct app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "clerk: %s:%d: ", app->script_name, app->script_line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	app->expect_failed = true;
}

static void script_dump(struct app *app, const char *name)
{
	paint_if_stale(app);
	char *text = screen_text();
	char *path = xasprintf("%s/%s.txt", app->dump_dir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		script_error(app, "cannot write %s: %s", path, strerror(errno));
	} else {
		fputs(text, f);
		if (fclose(f) != 0)
			script_error(app, "cannot write %s", path);
	}
	free(path);
	free(text);
}

static bool parse_clock(const char *arg, struct app *app)
{
	if (arg[0] == '+' || arg[0] == '-') {
		char *end;
		long v = strtol(arg + 1, &end, 10);
		long mult = 1;
		if (*end == 'm')
			mult = 60;
		else if (*end == 'h')
			mult = 3600;
		else if (*end == 's' || *end == '\0')
			mult = 1;
		else
			return false;
		if (*end && end[1])
			return false;
		clock_advance((arg[0] == '-' ? -v : v) * mult);
		return true;
	}
	time_t t;
	if (!time_parse_utc(arg, &t))
		return false;
	(void)app;
	clock_set(t);
	return true;
}

/* Run a harness command; returns a key to deliver, or 0 for none. */
static int script_command(struct app *app, const char *cmd)
{
	const char *arg = cmd + strcspn(cmd, " ");
	size_t verb = (size_t)(arg - cmd);
	while (*arg == ' ')
		arg++;
	if (verb == 4 && strncmp(cmd, "dump", 4) == 0) {
		if (!*arg || strchr(arg, '/'))
			script_error(app, "@dump needs a NAME (no '/')");
		else
			script_dump(app, arg);
		return 0;
	}
	if (verb == 5 && strncmp(cmd, "clock", 5) == 0) {
		if (!parse_clock(arg, app))
			script_error(app, "@clock wants +5m, +30s, +1h or a "
					  "UTC time, not '%s'", arg);
		return UI_KEY_TICK;
	}
	if (verb == 6 && strncmp(cmd, "resize", 6) == 0) {
		int c, r;
		if (sscanf(arg, "%d %d", &c, &r) != 2 || c < 1 || r < 1) {
			script_error(app, "@resize wants COLS ROWS");
			return 0;
		}
		resizeterm(r, c);
		return UI_KEY_RESIZE;
	}
	if (verb == 5 && strncmp(cmd, "click", 5) == 0) {
		if (sscanf(arg, "%d %d", &app->mouse_x, &app->mouse_y) != 2) {
			script_error(app, "@click wants X Y");
			return 0;
		}
		return UI_KEY_CLICK;
	}
	if (verb == 6 && strncmp(cmd, "expect", 6) == 0) {
		paint_if_stale(app);
		char *text = screen_text();
		if (!strstr(text, arg)) {
			script_error(app, "expected '%s' on the screen:", arg);
			fputs(text, stderr);
		}
		free(text);
		return 0;
	}
	if (verb == 6 && strncmp(cmd, "signal", 6) == 0) {
		if (strcmp(arg, "INT") == 0)
			return UI_KEY_INTERRUPT;
		if (strcmp(arg, "HUP") == 0 || strcmp(arg, "TERM") == 0) {
			app->hung_up = true;
			return UI_KEY_HANGUP;
		}
		script_error(app, "@signal wants HUP, TERM or INT");
		return 0;
	}
	script_error(app, "unknown harness command '@%.*s'", (int)verb, cmd);
	return 0;
}

static int read_script(struct app *app)
{
	for (;;) {
		if (app->hung_up)
			return UI_KEY_HANGUP;
		if (!app->line || !app->line[app->line_pos]) {
			if (!next_script_line(app)) {
				app->hung_up = true;
				return UI_KEY_HANGUP;
			}
			if (app->line[0] == '#')
				app->line[0] = '\0';
			if (app->line[0] == '@') {
				int k = script_command(app, app->line + 1);
				app->line[0] = '\0';
				if (k)
					return k;
			}
			continue;
		}
		const char *p = app->line + app->line_pos;
		int key;
		if (*p == '<') {
			const char *e = strchr(p, '>');
			if (e && ui_key_parse(p, (size_t)(e - p + 1), &key)) {
				app->line_pos += (size_t)(e - p + 1);
				return key;
			}
		}
		uint32_t cp;
		size_t l = utf8_decode(p, strlen(p), &cp);
		app->line_pos += l;
		return (int)cp;
	}
}

int ui_app_read_key(struct app *app)
{
	ui_app_paint(app);
	int key = app->script_mode ? read_script(app) : read_terminal(app);
	app->painted = false; /* what the key does is not painted yet */
	/* An editor or a dialog open takes the ticks the screen would have
	 * had: the file's idle work (checkpoint, search index merges) is
	 * done here meanwhile, not in the next action's commit. */
	if (key == UI_KEY_TICK && app->noverlays > 0 && app->db)
		db_idle(app->db);
	if (key == UI_KEY_RESIZE) {
		if (app->screen && app->screen->ops->resize)
			app->screen->ops->resize(app, app->screen->state);
	} else if (key != UI_KEY_TICK) {
		app->message[0] = '\0';
		app->saved = false;
	}
	return key;
}

/* --------------------------------------------------------------- loop */

static size_t screen_contexts(struct app *app, enum ui_context out[4])
{
	if (app->screen && app->screen->ops->contexts)
		return app->screen->ops->contexts(app, app->screen->state, out);
	return 0;
}

static bool may_quit(struct app *app)
{
	if (app->hung_up)
		return true;
	if (app->screen && app->screen->ops->may_quit)
		return app->screen->ops->may_quit(app, app->screen->state);
	return true;
}

void ui_app_run(struct app *app, struct ui_screen *screen)
{
	struct ui_screen *prev = app->screen;
	app->screen = screen;
	app->painted = false;
	while (!app->quit) {
		int key = ui_app_read_key(app);
		if (key == UI_KEY_HANGUP) {
			app->quit = true;
			break;
		}
		if (key == UI_KEY_RESIZE)
			continue;
		if (key == UI_KEY_TICK) {
			if (screen->ops->tick)
				screen->ops->tick(app, screen->state);
			continue;
		}
		if (key == UI_KEY_INTERRUPT) {
			if (may_quit(app))
				break;
			continue;
		}
		/* pasted text is for editors: on a screen it would be taken
		 * for a burst of commands */
		if (key == UI_KEY_PASTE_START || key == UI_KEY_PASTE_END) {
			app->pasting = key == UI_KEY_PASTE_START;
			if (!app->pasting)
				ui_app_message(app, UI_ROLE_WARN,
					       "Paste ignored: open the editor "
					       "first (h, c, t, r)");
			continue;
		}
		if (app->pasting)
			continue;
		bool small = COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
		enum ui_key_result r = UI_KEY_UNUSED;
		if (!small && screen->ops->key)
			r = screen->ops->key(app, screen->state, key);
		if (r == UI_KEY_LEAVE)
			break;
		if (r == UI_KEY_USED)
			continue;
		enum ui_context ctxs[4];
		size_t n = screen_contexts(app, ctxs);
		switch (ui_app_action(app, ctxs, n, key)) {
		case UI_ACT_help:
			if (!small)
				ui_help_show(app, ctxs, n);
			break;
		case UI_ACT_quit:
		case UI_ACT_interrupt:
			if (may_quit(app))
				app->quit = true;
			break;
		case UI_ACT_redraw:
			clearok(curscr, TRUE);
			break;
		default:
			break;
		}
	}
	app->screen = prev;
	app->painted = false;
}
