/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core/utf8: decoding, validation, display width and terminal-safe copies.
 * Width comes from utf8proc's tables, the same in every locale (the C
 * library's wcwidth() gives -1 for every accented letter unless the locale
 * is UTF-8); truncation always happens between characters. */
#include "config.h"

#include <string.h>
#include <utf8proc.h>

#include "clerk/core.h"

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	*cp = 0xFFFD;
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 1;
	}
	if (n < len)
		return 1;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 1;
	*cp = v;
	return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t used = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD &&
		    !(used == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return false;
		i += used;
	}
	return true;
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Bidirectional embeddings, overrides and isolates can reorder what follows
 * them on screen; they are never sent to the terminal. */
static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

int utf8_cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7f)
		return 1; /* printable ASCII, most of any text */
	if (is_control(cp))
		return 1;
	/* Unassigned and private-use code points: one column, as terminals
	 * draw them. */
	int w = utf8proc_charwidth((utf8proc_int32_t)cp);
	if (w == 0 && utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CN)
		return 1;
	return w;
}

int utf8_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	while (i < n) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			w++; /* printable ASCII: one column */
			i++;
			continue;
		}
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w += utf8_cp_width(cp);
	}
	return w;
}

size_t utf8_fit(const char *s, int cols, int *used)
{
	return utf8_fit_n(s, strlen(s), cols, used);
}

size_t utf8_fit_n(const char *s, size_t n, int cols, int *used)
{
	size_t i = 0;
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		int cw = utf8_cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}

char *utf8_sanitize(const char *s)
{
	struct strbuf sb = {0};
	size_t n = strlen(s), i = 0;
	while (i < n) {
		/* Printable ASCII, most of any text, is copied a run at once. */
		size_t run = i;
		while (run < n && (unsigned char)s[run] >= 0x20 &&
		       (unsigned char)s[run] < 0x7f)
			run++;
		if (run > i) {
			sb_addn(&sb, s + i, run - i);
			i = run;
			continue;
		}
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		bool bad = (cp == 0xFFFD && len == 1) || is_control(cp) ||
			   is_bidi_control(cp);
		if (bad)
			sb_addc(&sb, '?');
		else
			sb_addn(&sb, s + i, len);
		i += len;
	}
	return sb_detach(&sb);
}
