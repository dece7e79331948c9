/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * curses_lazy: ncurses loaded when the console first calls it, not at the
 * start of every command.
 *
 * Debian builds libncursesw and libtinfo with BIND_NOW, so linking them
 * into clerk made every command (a look-up, `clerk --version`) bind their
 * 450 symbols at start: 0.45 million instructions, a tenth of what
 * `clerk members` costs on a small file, for libraries only the console
 * uses.  clerk is linked without them (Makefile.am); the ncurses functions
 * the console calls are defined here, each loading the library with
 * dlopen() the first time one of them is called and calling the library's
 * own function from then on.  The console pays the same binding once,
 * before its first screen.
 *
 * ncurses's variables that clerk reads (COLS, LINES, curscr, stdscr) are defined
 * here and exported (src/curses_lazy.list): the library, once loaded,
 * binds its references to them, exactly as it bound them before to the
 * copies the linker made in clerk (copy relocations).
 *
 * A function of ncurses the console starts to use must be added to the
 * list below: the link of clerk fails with "undefined reference" until it
 * is.  The tests of src/ui link with ncurses itself.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include <curses.h>
#include <term.h>

#ifndef CLERK_NCURSES_SONAME
#define CLERK_NCURSES_SONAME "libncursesw.so.6"
#endif

int COLS, LINES;
WINDOW *curscr, *stdscr;

static void *curses_sym(const char *name)
{
	static void *lib;
	if (!lib) {
		lib = dlopen(CLERK_NCURSES_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (!lib) {
			fprintf(stderr,
				"clerk: the console needs ncurses, which could "
				"not be loaded (%s): install Debian's "
				"libncursesw6\n",
				dlerror());
			exit(EXIT_FAILURE);
		}
	}
	void *fn = dlsym(lib, name);
	if (!fn) {
		fprintf(stderr, "clerk: ncurses (%s) has no %s\n",
			CLERK_NCURSES_SONAME, name);
		exit(EXIT_FAILURE);
	}
	return fn;
}

/* ret name params: calls the library's name with args.  The name is in
 * parentheses so that a macro of the same name (wattrset) is not
 * expanded, and the definition must agree with curses.h's declaration. */
#define LAZY(ret, name, params, args)                                  \
	ret(name) params                                               \
	{                                                              \
		static __typeof__(&(name)) real;                       \
		if (!real)                                             \
			*(void **)&real = curses_sym(#name);           \
		return real args;                                      \
	}

/* curses */
LAZY(int, beep, (void), ())
LAZY(int, clearok, (WINDOW * w, bool b), (w, b))
LAZY(int, doupdate, (void), ())
LAZY(int, endwin, (void), ())
LAZY(int, getcchar,
     (const cchar_t *c, wchar_t *s, attr_t *a, NCURSES_PAIRS_T *p, void *o),
     (c, s, a, p, o))
LAZY(int, getmouse, (MEVENT * e), (e))
LAZY(bool, has_colors, (void), ())
LAZY(int, init_pair, (NCURSES_PAIRS_T p, NCURSES_COLOR_T f, NCURSES_COLOR_T b),
     (p, f, b))
LAZY(bool, isendwin, (void), ())
LAZY(int, mouseinterval, (int n), (n))
LAZY(mmask_t, mousemask, (mmask_t m, mmask_t *old), (m, old))
LAZY(SCREEN *, newterm, (const char *t, FILE *out, FILE *in), (t, out, in))
LAZY(int, noecho, (void), ())
LAZY(int, resizeterm, (int l, int c), (l, c))
LAZY(int, set_escdelay, (int ms), (ms))
LAZY(SCREEN *, set_term, (SCREEN * s), (s))
LAZY(int, start_color, (void), ())
LAZY(int, use_default_colors, (void), ())
LAZY(int, waddnwstr, (WINDOW * w, const wchar_t *s, int n), (w, s, n))
LAZY(int, wattrset, (WINDOW * w, int a), (w, a))
LAZY(int, werase, (WINDOW * w), (w))
LAZY(int, whline, (WINDOW * w, chtype c, int n), (w, c, n))
LAZY(int, wget_wch, (WINDOW * w, wint_t *c), (w, c))
LAZY(int, win_wchnstr, (WINDOW * w, cchar_t *c, int n), (w, c, n))
LAZY(int, wmove, (WINDOW * w, int y, int x), (w, y, x))
LAZY(int, wnoutrefresh, (WINDOW * w), (w))
/* tinfo (loaded with ncursesw, which needs it) */
LAZY(int, curs_set, (int v), (v))
LAZY(int, define_key, (const char *s, int k), (s, k))
LAZY(int, key_defined, (const char *s), (s))
LAZY(int, keypad, (WINDOW * w, bool b), (w, b))
LAZY(int, nodelay, (WINDOW * w, bool b), (w, b))
LAZY(int, raw, (void), ())
LAZY(char *, tigetstr, (const char *cap), (cap))

void(delscreen)(SCREEN *s)
{
	static __typeof__(&(delscreen)) real;
	if (!real)
		*(void **)&real = curses_sym("delscreen");
	real(s);
}
