/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * core/unicode: the Unicode rules clerk needs beyond decoding, from
 * utf8proc (one small library, the same tables in every locale): capitals
 * ("CAFÉ", not "CAFé"), a folded form for matching names whatever their
 * case and accents ("SIÂN", "sian" and "Siân" are one name), and a readable
 * ASCII form for terminals whose locale is not UTF-8 ("Siân" as "Sian",
 * not "Si?n").
 */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <unistd.h>

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "clerk/core.h"

/* Capitals that are more than one letter: utf8proc maps code point to code
 * point, Unicode's SpecialCasing does not. */
static const char *upper_special(uint32_t cp)
{
	switch (cp) {
	case 0x00DF: /* ß */
		return "SS";
	case 0xFB00: /* ﬀ */
		return "FF";
	case 0xFB01: /* ﬁ */
		return "FI";
	case 0xFB02: /* ﬂ */
		return "FL";
	default:
		return NULL;
	}
}

/* Append s[0..n) to sb with the first `count` letters (all when count < 0)
 * in capitals. */
static char *upper_n(const char *s, long count)
{
	struct strbuf sb = {0};
	size_t n = strlen(s), i = 0;
	long done = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		bool invalid = cp == 0xFFFD && len == 1;
		if (invalid || (count >= 0 && done >= count)) {
			sb_addn(&sb, s + i, len);
		} else {
			const char *special = upper_special(cp);
			char buf[4];
			if (special)
				sb_add(&sb, special);
			else
				sb_addn(&sb, buf,
					utf8_encode((uint32_t)utf8proc_toupper(
							    (utf8proc_int32_t)cp),
						    buf));
			done++;
		}
		i += len;
	}
	return sb_detach(&sb);
}

char *utf8_upper(const char *s)
{
	return upper_n(s, -1);
}

char *utf8_upper_first(const char *s)
{
	return upper_n(s, 1);
}

/* utf8proc_map over s with options, or a copy of s when it fails (only on
 * invalid UTF-8, which the database never holds). */
static char *mapped(const char *s, utf8proc_option_t options)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | options);
	if (n < 0) {
		free(out);
		return xstrdup(s);
	}
	char *r = xstrdup((const char *)out);
	free(out);
	return r;
}

char *utf8_fold(const char *s)
{
	return mapped(s, UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
				 UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
				 UTF8PROC_IGNORE);
}

/* Letters that keep no accent to strip but have a usual spelling in ASCII,
 * and the punctuation of typeset text. */
static const char *ascii_spelling(uint32_t cp)
{
	static const struct {
		uint32_t cp;
		const char *ascii;
	} table[] = {
		{0x00A3, "GBP "}, {0x20AC, "EUR "}, {0x00A9, "(c)"},
		{0x00AB, "<<"},   {0x00BB, ">>"},   {0x00B7, "."},
		{0x00C6, "AE"},   {0x00E6, "ae"},   {0x00D0, "D"},
		{0x00F0, "d"},    {0x00D8, "O"},    {0x00F8, "o"},
		{0x00DE, "Th"},   {0x00FE, "th"},   {0x00DF, "ss"},
		{0x0110, "D"},    {0x0111, "d"},    {0x0141, "L"},
		{0x0142, "l"},    {0x0152, "OE"},   {0x0153, "oe"},
		{0x0131, "i"},    {0x2010, "-"},    {0x2011, "-"},
		{0x2012, "-"},    {0x2013, "-"},    {0x2014, "--"},
		{0x2018, "'"},    {0x2019, "'"},    {0x201A, ","},
		{0x201C, "\""},   {0x201D, "\""},   {0x201E, "\""},
		{0x2022, "*"},    {0x2026, "..."},  {0x2032, "'"},
		{0x2192, "->"},   {0x2190, "<-"},   {0x00D7, "x"},
		{0x2212, "-"},    {0x00A0, " "},    {0x2009, " "},
		{0x202F, " "},    {0x2502, "|"},    {0x2500, "-"},
		{0x2713, "v"},    {0x2717, "x"},    {0x00B0, " deg"},
	};
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (table[i].cp == cp)
			return table[i].ascii;
	return NULL;
}

char *utf8_to_ascii(const char *s)
{
	/* Accents off by decomposition first (Gwŷn, Siân, Zoë), then the
	 * letters and signs that have a usual ASCII spelling. */
	char *plain = mapped(s, UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
					UTF8PROC_STRIPMARK);
	struct strbuf sb = {0};
	size_t n = strlen(plain), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(plain + i, n - i, &cp);
		const char *ascii;
		if (cp < 0x80)
			sb_addc(&sb, (char)cp);
		else if ((ascii = ascii_spelling(cp)))
			sb_add(&sb, ascii);
		else
			sb_addc(&sb, '?');
		i += len;
	}
	free(plain);
	return sb_detach(&sb);
}

bool utf8_terminal_is_ascii(FILE *out)
{
	return isatty(fileno(out)) == 1 &&
	       strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
}
