/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/style: house styles.  A style file is a list of `key = value`
 * lines; a line starting with blanks continues the value above (joined with
 * one space), '#' starts a comment line, and a value in double quotes keeps
 * the blanks at its ends.  A style is found by name, in the user's folder
 * ($XDG_CONFIG_HOME/clerk/styles, else ~/.config/clerk/styles) and then the
 * system's (share/styles); a file that cannot be read, holds a key clerk
 * does not know, a {variable} its key does not have, or lacks a key the
 * minutes need, is refused naming the file and line (style_keys.c).  Values are templates whose
 * {placeholders} the builders fill in (style_expand), and dates have their
 * own small template language (style_date), so that a council changes the
 * wording of its minutes by copying and editing a file, not the code.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/export.h"

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* A value in double quotes keeps its blanks: `key = " (substitute)"`. */
static const char *unquote(char *v)
{
	size_t n = strlen(v);
	if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
		v[n - 1] = '\0';
		return v + 1;
	}
	return v;
}

/* The keys of a style, by hash (open addressing; the slot holds the key's
 * index + 1), so that each line read, and each style_get, finds its key at
 * once; kept in the style (index, index_cap) once it is read. */
struct style_index {
	size_t *slot;
	size_t cap; /* a power of two, at least twice the keys */
};

static size_t style_hash(const char *key)
{
	size_t h = 5381;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = h * 33 + *p;
	return h;
}

static size_t *style_slot(const struct style *s, const struct style_index *x,
			  const char *key)
{
	size_t i = style_hash(key) & (x->cap - 1);
	while (x->slot[i] && strcmp(s->keys[x->slot[i] - 1], key) != 0)
		i = (i + 1) & (x->cap - 1);
	return &x->slot[i];
}

/* Set key to value (a key set again keeps its place and takes the later
 * value and line); returns the key's index. */
static size_t style_set(struct style *s, struct style_index *x,
			const char *key, const char *value, long line)
{
	if (2 * (s->n + 1) > x->cap) {
		struct style_index bigger = {
			xcalloc(x->cap ? 2 * x->cap : 256, sizeof *x->slot),
			x->cap ? 2 * x->cap : 256};
		for (size_t i = 0; i < s->n; i++)
			*style_slot(s, &bigger, s->keys[i]) = i + 1;
		free(x->slot);
		*x = bigger;
	}
	size_t *slot = style_slot(s, x, key);
	if (*slot) {
		size_t i = *slot - 1;
		free(s->values[i]);
		s->values[i] = xstrdup(value);
		s->lines[i] = line;
		return i;
	}
	/* The arrays grow by doubling: at 16 keys, 32, 64, ... */
	if (s->n >= 16 ? (s->n & (s->n - 1)) == 0 : s->n == 0) {
		size_t cap = s->n ? 2 * s->n : 16;
		s->keys = xrealloc(s->keys, cap * sizeof *s->keys);
		s->values = xrealloc(s->values, cap * sizeof *s->values);
		s->lines = xrealloc(s->lines, cap * sizeof *s->lines);
	}
	s->keys[s->n] = xstrdup(key);
	s->values[s->n] = xstrdup(value);
	s->lines[s->n] = line;
	*slot = s->n + 1;
	return s->n++;
}

/* Parse one line into s; last is the index of the key a continuation line
 * extends (-1 when none).  Returns NULL, or what is wrong with the line. */
static const char *style_parse_line(struct style *s, struct style_index *x,
				    char *line, long lineno, long *last)
{
	bool cont = line[0] == ' ' || line[0] == '\t';
	char *t = trim(line);
	if (*t == '\0' || *t == '#')
		return NULL;
	if (cont) {
		if (*last < 0)
			return "an indented line continues no value";
		char *v = s->values[*last];
		const char *more = unquote(t);
		/* the value, a space, the line: joined without printf */
		size_t nv = strlen(v), nm = strlen(more);
		if (nv) {
			char *j = xmalloc(nv + 1 + nm + 1);
			memcpy(j, v, nv);
			j[nv] = ' ';
			memcpy(j + nv + 1, more, nm + 1);
			s->values[*last] = j;
		} else {
			s->values[*last] = xstrdup(more);
		}
		free(v);
		return NULL;
	}
	char *eq = strchr(t, '=');
	if (!eq || eq == t)
		return "expected 'key = value' (or an indented continuation of "
		       "a value)";
	*eq = '\0';
	char *key = trim(t);
	for (char *k = key; *k; k++)
		if (!isalnum((unsigned char)*k) && *k != '.' && *k != '_' &&
		    *k != '-')
			return "a key holds only letters, digits, '.', '_' and "
			       "'-'";
	*last = (long)style_set(s, x, key, unquote(trim(eq + 1)), lineno);
	return NULL;
}

/* The folder of the user's own styles: $XDG_CONFIG_HOME/clerk/styles, else
 * ~/.config/clerk/styles (NULL when neither can be named).  Caller frees. */
static char *user_style_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/clerk/styles", xdg);
	const char *home = getenv("HOME");
	if (home && *home == '/')
		return xasprintf("%s/.config/clerk/styles", home);
	return NULL;
}

/* The file of style `name`: the user's folder first, then the system's. */
static char *style_path(const char *name)
{
	char *dir = user_style_dir();
	if (dir) {
		char *p = xasprintf("%s/%s.style", dir, name);
		free(dir);
		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	char *rel = xasprintf("styles/%s.style", name);
	char *p = clerk_share_path(rel);
	free(rel);
	return p;
}

bool style_name_valid(const char *name)
{
	if (!name || !*name || strlen(name) > 64)
		return false;
	for (const char *c = name; *c; c++)
		if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_')
			return false;
	return true;
}

/* The longest line and the most lines a style file may have: a style is a
 * page or two of wording, so anything far larger (a device, a runaway
 * file) is refused rather than read without end. */
#define STYLE_LINE_MAX 8192
#define STYLE_LINES_MAX 5000

/* Whether the n bytes at s are all ASCII (valid UTF-8, without the
 * longer check). */
static bool ascii(const char *s, size_t n)
{
	unsigned char any = 0;
	for (size_t i = 0; i < n; i++)
		any |= (unsigned char)s[i];
	return any < 0x80;
}

/* Read the lines of fp into out; fills err naming path and line.  The file
 * is read whole (a house style is a few kilobytes) and cut into lines as
 * fgets(STYLE_LINE_MAX + 2) would cut it: a line is its bytes up to its
 * newline, ending at a NUL in it; no more than (STYLE_LINES_MAX + 1) x
 * (STYLE_LINE_MAX + 1) bytes are read, past which a line too long or one
 * too many has been found. */
static enum clerk_status style_read(FILE *fp, const char *path,
				    struct style *out, struct clerk_err *err)
{
	const size_t most = (size_t)(STYLE_LINES_MAX + 1) * (STYLE_LINE_MAX + 1);
	size_t cap = 16384, have = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (have == cap) {
			if (cap >= most)
				break;
			cap = cap * 2 < most ? cap * 2 : most;
			buf = xrealloc(buf, cap + 1);
		}
		size_t got = fread(buf + have, 1, cap - have, fp);
		have += got;
		if (got == 0)
			break;
	}
	bool failed = ferror(fp) != 0;
	int read_errno = errno;
	struct style_index x = {0};
	long last = -1, lineno = 0;
	enum clerk_status rc = CLERK_OK;
	for (size_t at = 0; !rc && at < have;) {
		/* one fgets: up to the newline, at most STYLE_LINE_MAX + 1
		 * bytes */
		size_t room = have - at < (size_t)STYLE_LINE_MAX + 1
				      ? have - at
				      : (size_t)STYLE_LINE_MAX + 1;
		char *line = buf + at;
		char *nl = memchr(line, '\n', room);
		size_t chunk = nl ? (size_t)(nl - line) + 1 : room;
		at += chunk;
		/* the line as a string: what fgets gave, to its first NUL */
		char save = line[chunk];
		line[chunk] = '\0';
		lineno++;
		size_t len = strlen(line);
		const char *why = NULL;
		if (lineno > STYLE_LINES_MAX)
			why = "the file is longer than a house style can be "
			      "(5000 lines)";
		else if (len > STYLE_LINE_MAX ||
			 (len == STYLE_LINE_MAX + 1 && line[len - 1] != '\n'))
			why = "the line is longer than 8192 bytes";
		else if (!ascii(line, len) && !utf8_valid(line, len))
			why = "the line is not valid UTF-8 text";
		else
			why = style_parse_line(out, &x, line, lineno, &last);
		line[chunk] = save;
		if (why)
			rc = clerk_fail(err, CLERK_INVALID, "%s line %ld: %s",
					path, lineno, why);
	}
	if (!rc && failed)
		rc = clerk_fail(err, CLERK_IO, "%s line %ld: cannot read: %s",
				path, lineno + 1, strerror(read_errno));
	free(buf);
	out->index = x.slot;
	out->index_cap = x.cap;
	return rc;
}

enum clerk_status style_load(const char *name, struct style *out,
			     struct clerk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!name || !*name)
		name = "county";
	if (!style_name_valid(name))
		return clerk_fail(err, CLERK_INVALID,
				  "house style '%s' is not a style's name: a name "
				  "holds only letters, digits, '-' and '_' (put "
				  "the file in ~/.config/clerk/styles and give "
				  "its name)",
				  name);
	char *path = style_path(name);
	/* O_NONBLOCK: opening a FIFO put in place of a style must not wait
	 * for a writer; anything but a regular file is refused. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	FILE *fp = NULL;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    fcntl(fd, F_SETFL, 0) == 0)
		fp = fdopen(fd, "r");
	if (!fp) {
		int e = fd < 0 ? errno : EINVAL;
		if (fd >= 0)
			close(fd);
		enum clerk_status rc = clerk_fail(
			err, e == ENOENT ? CLERK_NOT_FOUND : CLERK_IO,
			"cannot read house style '%s' (%s): %s", name, path,
			e == EINVAL ? "not a regular file" : strerror(e));
		free(path);
		return rc;
	}
	out->name = xstrdup(name);
	out->path = path;
	enum clerk_status rc = style_read(fp, path, out, err);
	fclose(fp);
	if (!rc)
		rc = style_validate(out, err);
	if (rc)
		style_free(out);
	return rc;
}

const char *style_get(const struct style *s, const char *key, const char *def)
{
	if (s->index) {
		struct style_index x = {s->index, s->index_cap};
		size_t slot = *style_slot(s, &x, key);
		return slot ? s->values[slot - 1] : def;
	}
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->keys[i], key) == 0)
			return s->values[i];
	return def;
}

void style_free(struct style *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->keys[i]);
		free(s->values[i]);
	}
	free(s->keys);
	free(s->values);
	free(s->lines);
	free(s->index);
	free(s->name);
	free(s->path);
	memset(s, 0, sizeof *s);
}

/* Case changes by Unicode's rules: names of councils and bodies are
 * upper-cased in the house style ("CAFÉ", "ÉCOLE"), or given a capital
 * first letter (mode 1). */
static void add_cased(struct strbuf *sb, const char *v, int mode)
{
	if (mode == 0) {
		sb_add(sb, v);
		return;
	}
	char *cased = mode == 2 ? utf8_upper(v) : utf8_upper_first(v);
	sb_add(sb, cased);
	free(cased);
}

static const char *find_var(const struct style_var *vars, size_t nvars,
			    const char *name, size_t len)
{
	for (size_t i = 0; i < nvars; i++)
		if (strlen(vars[i].name) == len &&
		    strncmp(vars[i].name, name, len) == 0)
			return vars[i].value ? vars[i].value : "";
	return NULL;
}

/* Expand n bytes of tmpl into sb; *all_set becomes false when a
 * placeholder is unknown or empty. */
static void expand_into(struct strbuf *sb, const char *tmpl, size_t n,
			const struct style_var *vars, size_t nvars,
			bool *all_set)
{
	const char *end = tmpl + n;
	for (const char *p = tmpl; p < end;) {
		if (p + 1 < end && p[0] == '[' && p[1] == '[') {
			/* An optional group: kept only when every placeholder
			 * inside has a value. */
			const char *close = strstr(p + 2, "]]");
			if (close && close < end) {
				struct strbuf inner = {0};
				bool set = true;
				expand_into(&inner, p + 2, (size_t)(close - p - 2),
					    vars, nvars, &set);
				if (set)
					sb_add(sb, sb_str(&inner));
				sb_free(&inner);
				p = close + 2;
				continue;
			}
		}
		const char *close = *p == '{' ? memchr(p, '}', (size_t)(end - p))
					      : NULL;
		if (!close || close - p > 40) {
			sb_addc(sb, *p++);
			continue;
		}
		size_t len = (size_t)(close - p - 1);
		char name[48];
		memcpy(name, p + 1, len);
		name[len] = '\0';
		const char *v = find_var(vars, nvars, name, len);
		int mode = 0;
		if (!v) {
			/* {NAME}: upper case; {Name}: capitalised. */
			bool all_upper = len > 0, first_upper = len > 0 &&
					     isupper((unsigned char)name[0]);
			for (size_t i = 0; i < len; i++) {
				if (islower((unsigned char)name[i]))
					all_upper = false;
				name[i] = (char)tolower((unsigned char)name[i]);
			}
			v = find_var(vars, nvars, name, len);
			mode = all_upper && len > 1 ? 2 : first_upper ? 1 : 0;
		}
		if (!v || !*v)
			*all_set = false;
		if (!v)
			sb_addn(sb, p, len + 2);
		else
			add_cased(sb, v, mode);
		p = close + 1;
	}
}

char *style_expand(const char *tmpl, const struct style_var *vars,
		   size_t nvars)
{
	struct strbuf sb = {0};
	sb_add(&sb, "");
	bool all_set = true;
	expand_into(&sb, tmpl, strlen(tmpl), vars, nvars, &all_set);
	return sb_detach(&sb);
}

static const char *ordinal_suffix(int day)
{
	if (day % 100 >= 11 && day % 100 <= 13)
		return "th";
	switch (day % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	default:
		return "th";
	}
}

char *style_date(const char *tmpl, time_t t, const char *tz)
{
	static const char *const days[] = {"Sunday",   "Monday", "Tuesday",
					   "Wednesday", "Thursday", "Friday",
					   "Saturday"};
	static const char *const months[] = {
		"January", "February", "March",     "April",   "May",      "June",
		"July",    "August",   "September", "October", "November",
		"December"};
	struct tm tm;
	time_to_local(t, tz && *tz ? tz : CLERK_DEFAULT_TZ, &tm);
	char day[16], dayth[16], year[16], hour12[16], minute[16], hh[16], mon[8];
	snprintf(day, sizeof day, "%d", tm.tm_mday);
	snprintf(dayth, sizeof dayth, "%d%s", tm.tm_mday,
		 ordinal_suffix(tm.tm_mday));
	snprintf(year, sizeof year, "%d", tm.tm_year + 1900);
	int h12 = tm.tm_hour % 12 ? tm.tm_hour % 12 : 12;
	snprintf(hour12, sizeof hour12, "%d", h12);
	snprintf(minute, sizeof minute, "%02d", tm.tm_min);
	snprintf(hh, sizeof hh, "%02d", tm.tm_hour);
	snprintf(mon, sizeof mon, "%.3s", months[tm.tm_mon]);
	const struct style_var vars[] = {
		{"weekday", days[tm.tm_wday]},
		{"day", day},
		{"dayth", dayth},
		{"month", months[tm.tm_mon]},
		{"mon", mon},
		{"year", year},
		{"hour12", hour12},
		{"minute", minute},
		{"mm", minute},
		{"hh", hh},
		{"ampm", tm.tm_hour < 12 ? "am" : "pm"},
	};
	return style_expand(tmpl, vars, sizeof vars / sizeof vars[0]);
}
