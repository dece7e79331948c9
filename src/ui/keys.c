/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/keys: key names, the table of actions (from actions.def), the key map
 * built from it, and the user's keys file that rebinds actions.
 *
 * Virtual keys vs keyboard keys: screens never test for a letter; they ask
 * the map which action a key means in their context(s).  The same names of
 * keys are used in keys files, in test scripts and on the help screen.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/ui.h"

static const struct ui_action_info actions[UI_ACT_COUNT] = {
	/* no key: nothing to refuse a watching console */
	[UI_ACT_NONE] = {"none", UI_CTX_GLOBAL, UI_WATCH, "", ""},
#define UI_ACTION(name, ctx, access, keys, help) \
	[UI_ACT_##name] = {#name, UI_CTX_##ctx, UI_##access, keys, help},
#include "actions.def"
#undef UI_ACTION
};

static const char *const context_names[UI_CTX_COUNT] = {
#define UI_CONTEXT_NAME(name) #name,
	UI_CONTEXT_LIST(UI_CONTEXT_NAME)
#undef UI_CONTEXT_NAME
};

const struct ui_action_info *ui_action_info(enum ui_action a)
{
	return &actions[a < UI_ACT_COUNT ? a : UI_ACT_NONE];
}

enum ui_action ui_action_find(const char *name, size_t len)
{
	for (int a = 1; a < UI_ACT_COUNT; a++)
		if (strlen(actions[a].name) == len &&
		    strncmp(actions[a].name, name, len) == 0)
			return (enum ui_action)a;
	return UI_ACT_NONE;
}

const char *ui_context_name(enum ui_context c)
{
	static const char *const lower[UI_CTX_COUNT] = {
		"Everywhere", "In lists", "In the live console",
		"In the attendance pane", "In the text editor", "In dialogs",
		"In the review screen (clerk review)",
		"In the look-up screens (clerk browse)"};
	(void)context_names;
	return c < UI_CTX_COUNT ? lower[c] : "?";
}

/* --------------------------------------------------------------- names */

static const struct {
	const char *name;
	int key;
} named_keys[] = {
	{"Enter", UI_KEY_ENTER},
	{"Tab", UI_KEY_TAB},
	{"BackTab", UI_KEY_FN + KEY_BTAB},
	{"S-Tab", UI_KEY_FN + KEY_BTAB},
	{"Esc", UI_KEY_ESC},
	{"Space", ' '},
	{"lt", '<'},
	{"Hash", '#'},
	{"gt", '>'},
	{"Up", UI_KEY_FN + KEY_UP},
	{"Down", UI_KEY_FN + KEY_DOWN},
	{"Left", UI_KEY_FN + KEY_LEFT},
	{"Right", UI_KEY_FN + KEY_RIGHT},
	{"Home", UI_KEY_FN + KEY_HOME},
	{"End", UI_KEY_FN + KEY_END},
	{"PageUp", UI_KEY_FN + KEY_PPAGE},
	{"PageDown", UI_KEY_FN + KEY_NPAGE},
	{"PgUp", UI_KEY_FN + KEY_PPAGE},
	{"PgDn", UI_KEY_FN + KEY_NPAGE},
	{"Insert", UI_KEY_FN + KEY_IC},
	{"Delete", UI_KEY_FN + KEY_DC},
	{"Backspace", UI_KEY_FN + KEY_BACKSPACE},
	{"C-Left", UI_KEY_CLEFT},
	{"C-Right", UI_KEY_CRIGHT},
	{"Resize", UI_KEY_RESIZE},
	{"PasteStart", UI_KEY_PASTE_START},
	{"PasteEnd", UI_KEY_PASTE_END},
};

bool ui_key_parse(const char *name, size_t len, int *key)
{
	if (len == 0)
		return false;
	if (name[0] != '<' || len == 1) {
		uint32_t cp;
		size_t used = utf8_decode(name, len, &cp);
		if (used != len || cp == 0xFFFD || cp < 0x20 || cp == 0x7F)
			return false;
		*key = (int)cp;
		return true;
	}
	if (name[len - 1] != '>')
		return false;
	const char *in = name + 1;
	size_t n = len - 2;
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strlen(named_keys[i].name) == n &&
		    strncasecmp(named_keys[i].name, in, n) == 0) {
			*key = named_keys[i].key;
			return true;
		}
	if ((in[0] == 'F' || in[0] == 'f') && n >= 2 && n <= 3) {
		int f = atoi(in + 1);
		if (f >= 1 && f <= 12) {
			*key = UI_KEY_FN + KEY_F(f);
			return true;
		}
	}
	if (n == 3 && (in[0] == 'C' || in[0] == 'c') && in[1] == '-') {
		char c = in[2];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || c == '_') {
			*key = c == '_' ? 31 : UI_CTRL(c);
			return true;
		}
	}
	return false;
}

const char *ui_key_name(int key, char out[32])
{
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (named_keys[i].key == key && key != '>' && key != ' ' &&
		    key != '#') {
			snprintf(out, 32, "<%s>", named_keys[i].name);
			return out;
		}
	if (key == ' ') {
		snprintf(out, 32, "<Space>");
	} else if (key > UI_KEY_FN + KEY_F0 && key <= UI_KEY_FN + KEY_F(12)) {
		snprintf(out, 32, "<F%d>", key - UI_KEY_FN - KEY_F0);
	} else if (key == 31) {
		snprintf(out, 32, "<C-_>");
	} else if (key > 0 && key < 27) {
		snprintf(out, 32, "<C-%c>", 'a' + key - 1);
	} else if (key >= 0x20 && key <= 0x10FFFF) {
		size_t n = utf8_encode((uint32_t)key, out);
		out[n] = '\0';
	} else {
		snprintf(out, 32, "<0x%x>", (unsigned)key);
	}
	return out;
}

/* -------------------------------------------------------------- keymap */

/* Parse a space-separated list of key names; false names the bad one. */
static bool parse_keys(const char *spec, int keys[UI_KEYMAP_MAX], int *n,
		       const char **bad, size_t *badlen)
{
	*n = 0;
	const char *p = spec;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '\n')
			break;
		const char *e = p;
		while (*e && *e != ' ' && *e != '\t' && *e != '\n')
			e++;
		int k;
		if (!ui_key_parse(p, (size_t)(e - p), &k) || *n == UI_KEYMAP_MAX) {
			*bad = p;
			*badlen = (size_t)(e - p);
			return false;
		}
		keys[(*n)++] = k;
		p = e;
	}
	return true;
}

void ui_keymap_defaults(struct ui_keymap *km)
{
	memset(km, 0, sizeof *km);
	for (int a = 1; a < UI_ACT_COUNT; a++) {
		const char *bad;
		size_t badlen;
		if (!parse_keys(actions[a].keys, km->keys[a], &km->nkeys[a],
				&bad, &badlen))
			km->nkeys[a] = 0; /* tests/ui/test_keys checks none */
	}
}

static enum ui_action lookup_ctx(const struct ui_keymap *km,
				 enum ui_context ctx, int key)
{
	for (int a = 1; a < UI_ACT_COUNT; a++) {
		if (actions[a].context != ctx)
			continue;
		for (int i = 0; i < km->nkeys[a]; i++)
			if (km->keys[a][i] == key)
				return (enum ui_action)a;
	}
	return UI_ACT_NONE;
}

enum ui_action ui_keymap_lookup_in(const struct ui_keymap *km,
				   const enum ui_context *ctxs, size_t n,
				   int key)
{
	for (size_t i = 0; i < n; i++) {
		enum ui_action a = lookup_ctx(km, ctxs[i], key);
		if (a != UI_ACT_NONE)
			return a;
	}
	return lookup_ctx(km, UI_CTX_GLOBAL, key);
}

enum ui_action ui_keymap_lookup(const struct ui_keymap *km,
				enum ui_context ctx, int key)
{
	return ui_keymap_lookup_in(km, &ctx, 1, key);
}

void ui_keymap_describe(const struct ui_keymap *km, enum ui_action a,
			char *out, size_t outlen)
{
	struct strbuf sb = {0};
	for (int i = 0; i < km->nkeys[a]; i++) {
		char name[32];
		if (i)
			sb_addc(&sb, ' ');
		sb_add(&sb, ui_key_name(km->keys[a][i], name));
	}
	snprintf(out, outlen, "%s", sb_str(&sb));
	sb_free(&sb);
}

enum clerk_status ui_keymap_apply(struct ui_keymap *km, const char *text,
				  const char *filename, struct clerk_err *err)
{
	struct ui_keymap work = *km;
	int lineno = 0;
	const char *p = text;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t linelen = eol ? (size_t)(eol - p) : strlen(p);
		char *line = xstrndup(p, linelen);
		lineno++;
		p += linelen + (eol ? 1 : 0);
		char *s = line;
		while (*s == ' ' || *s == '\t')
			s++;
		size_t sl = strlen(s);
		while (sl && (s[sl - 1] == ' ' || s[sl - 1] == '\t' ||
			      s[sl - 1] == '\r'))
			s[--sl] = '\0';
		if (!*s || *s == '#') {
			free(line);
			continue;
		}
		char *verb = s;
		char *rest = s + strcspn(s, " \t");
		if (*rest)
			*rest++ = '\0';
		while (*rest == ' ' || *rest == '\t')
			rest++;
		char *aname = rest;
		char *keys = rest + strcspn(rest, " \t");
		if (*keys)
			*keys++ = '\0';
		enum clerk_status st = CLERK_OK;
		bool bind = strcmp(verb, "bind") == 0;
		if (!bind && strcmp(verb, "unbind") != 0) {
			st = clerk_fail(err, CLERK_INVALID,
					"%s:%d: unknown command '%s' (use bind "
					"ACTION KEY... or unbind ACTION)",
					filename, lineno, verb);
		} else if (!*aname) {
			st = clerk_fail(err, CLERK_INVALID,
					"%s:%d: %s needs an action name",
					filename, lineno, verb);
		} else {
			enum ui_action a = ui_action_find(aname, strlen(aname));
			const char *bad = NULL;
			size_t badlen = 0;
			int k[UI_KEYMAP_MAX] = {0}, nk = 0;
			if (a == UI_ACT_NONE)
				st = clerk_fail(err, CLERK_INVALID,
						"%s:%d: unknown action '%s' "
						"(clerk keys lists them)",
						filename, lineno, aname);
			else if (bind && !parse_keys(keys, k, &nk, &bad, &badlen))
				st = clerk_fail(err, CLERK_INVALID,
						"%s:%d: unknown key '%.*s' (a "
						"character, or <Enter>, "
						"<F1>, <C-x> ...)",
						filename, lineno, (int)badlen,
						bad);
			else if (bind && nk == 0)
				st = clerk_fail(err, CLERK_INVALID,
						"%s:%d: bind %s needs at least "
						"one key",
						filename, lineno, aname);
			else {
				memcpy(work.keys[a], k, sizeof k);
				work.nkeys[a] = bind ? nk : 0;
			}
		}
		free(line);
		if (st != CLERK_OK)
			return st;
	}
	*km = work;
	return CLERK_OK;
}

char *ui_keymap_user_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/clerk/keys", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.config/clerk/keys", home && *home ? home : ".");
}

enum clerk_status ui_keymap_load_user(struct ui_keymap *km,
				      struct clerk_err *err)
{
	char *path = ui_keymap_user_path();
	FILE *f = fopen(path, "r");
	if (!f) {
		enum clerk_status st = CLERK_OK;
		if (errno != ENOENT)
			st = clerk_fail(err, CLERK_IO, "%s: %s", path,
					strerror(errno));
		free(path);
		return st;
	}
	struct strbuf sb = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&sb, buf, n);
	fclose(f);
	enum clerk_status st = ui_keymap_apply(km, sb_str(&sb), path, err);
	sb_free(&sb);
	free(path);
	return st;
}

/* Escape text for a man page line (backslashes and leading dots). */
static void man_escape(FILE *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", out);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

/* The man page says which live keys still work while another console
 * drives the meeting, from the access column of actions.def, so that the
 * page cannot fall behind the console's refusals. */
static void man_watching(FILE *out)
{
	fputs(".SS \"While another console drives the meeting\"\n"
	      "The live console only watches (its header says READ\\-ONLY)\n"
	      "and takes only these actions; the others are refused, saying\n"
	      "who drives the meeting:\n",
	      out);
	const char *sep = "";
	for (int a = 1; a < UI_ACT_COUNT; a++) {
		enum ui_context c = actions[a].context;
		if (actions[a].access != UI_WATCH ||
		    (c != UI_CTX_GLOBAL && c != UI_CTX_LIST &&
		     c != UI_CTX_LIVE && c != UI_CTX_ATTEND))
			continue;
		fprintf(out, "%s\\fB%s\\fR", sep, actions[a].name);
		sep = ",\n";
	}
	fputs(".\n", out);
}

void ui_actions_print(FILE *out, const struct ui_keymap *km, bool man)
{
	for (int c = 0; c < UI_CTX_COUNT; c++) {
		bool any = false;
		for (int a = 1; a < UI_ACT_COUNT; a++) {
			if (actions[a].context != (enum ui_context)c)
				continue;
			char keys[128];
			ui_keymap_describe(km, (enum ui_action)a, keys,
					   sizeof keys);
			if (!any) {
				if (man)
					fprintf(out, ".SS \"%s\"\n",
						ui_context_name((enum ui_context)c));
				else
					fprintf(out, "%s%s:\n", c ? "\n" : "",
						ui_context_name((enum ui_context)c));
				any = true;
			}
			if (man) {
				fputs(".TP\n.B \"", out);
				man_escape(out, keys);
				fputs("\"\n", out);
				man_escape(out, actions[a].help);
				/* On its own line: a text line stays within 80 bytes. */
				fprintf(out, "\n(\\fB%s\\fR)\n", actions[a].name);
			} else {
				fprintf(out, "  %-16s %-18s %s\n", keys,
					actions[a].name, actions[a].help);
			}
		}
		if (man && c == UI_CTX_ATTEND)
			man_watching(out); /* the last of the live console's */
	}
}
