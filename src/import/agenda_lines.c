/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/agenda_lines: recognising the shapes of the lines of an agenda as
 * councils print them, one line at a time and without context.
 *
 * Real agendas number their items in many ways:
 *
 *     6. DOMESTIC ABUSE (Pages 11 - 32)   10.15     the seed's notice
 *     1 . Apologies for Absence                     a planning agenda
 *     1) Apologies   /   Item 1: Apologies          parish agendas
 *     1APOLOGIES FOR ABSENCE                        a parish agenda from PDF
 *     1.                                            a ModernGov agenda page:
 *     Apologies for Absence                           the title on the next line
 *     a) 24/00123/FUL  (i) ...  5.1 ...             sub-items
 *
 * and decorate them with page references ("(Pages 5 - 10)", "Pages 5-10",
 * "(pp. 5 to 10)", "Page 5"), times ("10.15", "10:15am", "10.15 a.m.") and,
 * when copied from a web page, link text ("pdf icon PDF 252 KB").  The
 * functions here say what a line is; agenda_text.c decides, with what came
 * before, what to do with it.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_private.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static const char *skip_blanks(const char *s)
{
	while (is_blank(*s))
		s++;
	return s;
}

/* True when s starts with word w (any case) not followed by a letter or
 * digit. */
static bool word_at(const char *s, const char *w)
{
	size_t n = strlen(w);
	return strncasecmp(s, w, n) == 0 && !isalnum((unsigned char)s[n]);
}

/* The value of the digits s[0..n), saturating (numbers of any length are
 * item numbers; only the sequence check needs their value). */
static unsigned long long digits_value(const char *s, size_t n)
{
	unsigned long long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (v > (~0ULL - 9) / 10)
			return ~0ULL;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v;
}

/* "(a)", "(ii)" groups after an item number, as `clerk item list` prints
 * the numbers of sub-items ("5(a)(i)"); their length. */
static size_t paren_groups(const char *s)
{
	size_t i = 0;
	for (;;) {
		if (s[i] != '(')
			return i;
		size_t k = 1;
		while (isalnum((unsigned char)s[i + k]) && k < 6)
			k++;
		if (k == 1 || s[i + k] != ')')
			return i;
		i += k + 1;
	}
}

bool agl_item_number(const char *s, struct agl_number *out)
{
	memset(out, 0, sizeof *out);
	const char *p = s;
	bool item_word = false;
	if (word_at(p, "agenda item")) {
		p = skip_blanks(p + 11);
		item_word = true;
	} else if (word_at(p, "item")) {
		p = skip_blanks(p + 4);
		item_word = true;
	}
	size_t nd = strspn(p, "0123456789");
	if (nd == 0)
		return false;
	const char *num = p;
	size_t numlen = nd;
	out->value = digits_value(p, nd);
	p += nd;
	/* "6a." and "5(a)(i)." as clerk lists sub-items. */
	if (islower((unsigned char)*p) && (p[1] == '.' || p[1] == ')' ||
					   p[1] == '('))
		p++;
	p += paren_groups(p);
	numlen = (size_t)(p - num);
	bool explicit_mark = false;
	const char *q = skip_blanks(p);
	if (*q == '.' && isdigit((unsigned char)q[1]) && q == p) {
		/* "5.1 Title": a decimal sub-item (or a time, or "1.5
		 * million": the caller checks the sequence). */
		size_t nd2 = strspn(q + 1, "0123456789");
		const char *after = q + 1 + nd2;
		if (*after == '.')
			after++;
		if (nd2 > 2 || (*after && !is_blank(*after)))
			return false;
		after = skip_blanks(after);
		if (!*after || islower((unsigned char)*after))
			return false;
		out->decimal = true;
		out->minor = digits_value(q + 1, nd2);
		out->text = xstrndup(num, (size_t)(q + 1 + nd2 - num));
		out->title_at = (size_t)(after - s);
		out->needs_sequence = true;
		return true;
	}
	if (*q == '.' || *q == ')' || *q == ':' ||
	    (item_word && (*q == '-' || strncmp(q, "\xe2\x80\x93", 3) == 0))) {
		explicit_mark = true;
		q += strncmp(q, "\xe2\x80\x93", 3) == 0 ? 3 : 1;
		if (*q && !is_blank(*q) && !isupper((unsigned char)*q))
			return false; /* "1.5m", "3.30pm", "10:15" */
		q = skip_blanks(q);
	}
	if (explicit_mark || item_word) {
		out->text = xstrndup(num, numlen);
		out->title_at = (size_t)(q - s);
		return true;
	}
	if (!*q) { /* a number alone on its line */
		out->text = xstrndup(num, numlen);
		out->title_at = (size_t)(q - s);
		out->needs_sequence = true;
		return true;
	}
	if (*p == '\t') { /* a number column */
		out->text = xstrndup(num, numlen);
		out->title_at = (size_t)(q - s);
		return true;
	}
	if (q > p && isupper((unsigned char)*q)) { /* "1 Apologies" */
		out->text = xstrndup(num, numlen);
		out->title_at = (size_t)(q - s);
		out->needs_sequence = true;
		return true;
	}
	if (q == p && isupper((unsigned char)p[0]) && isalpha((unsigned char)p[1]) &&
	    numlen == nd) { /* "1APOLOGIES", typed without a space */
		out->text = xstrndup(num, numlen);
		out->title_at = (size_t)(p - s);
		out->needs_sequence = true;
		return true;
	}
	return false;
}

void agl_number_free(struct agl_number *n)
{
	free(n->text);
	memset(n, 0, sizeof *n);
}

/* A small roman numeral, i to xx. */
static bool is_roman(const char *s, size_t n)
{
	static const char *const romans[] = {
		"i",   "ii",   "iii",	"iv",  "v",    "vi",  "vii",
		"viii", "ix",  "x",	"xi",  "xii",  "xiii", "xiv",
		"xv",  "xvi",  "xvii", "xviii", "xix", "xx",
	};
	for (size_t i = 0; i < sizeof romans / sizeof *romans; i++)
		if (strlen(romans[i]) == n && strncasecmp(s, romans[i], n) == 0)
			return true;
	return false;
}

bool agl_sub_label(const char *s, char last_letter, struct agl_sub *out)
{
	memset(out, 0, sizeof *out);
	const char *p = s;
	bool open = *p == '(';
	if (open)
		p++;
	size_t n = 0;
	while (isalpha((unsigned char)p[n]) && n < 6)
		n++;
	if (n == 0)
		return false;
	char close = p[n];
	if (open ? close != ')' : close != ')' && close != '.')
		return false;
	const char *after = p + n + 1;
	if (*after && !is_blank(*after))
		return false;
	after = skip_blanks(after);
	if (!*after)
		return false;
	char c = (char)tolower((unsigned char)p[0]);
	bool next_letter = n == 1 && (c == 'a' || (last_letter &&
						    c == last_letter + 1));
	if (next_letter) {
		out->letter = true;
	} else if (is_roman(p, n)) {
		out->letter = false;
	} else {
		return false;
	}
	/* "a. N. Other" is a name, not a sub-item: a letter with a full stop
	 * must be followed by a word. */
	if (close == '.' && n == 1 && after[1] == '.')
		return false;
	out->label = xstrndup(p, n);
	out->title_at = (size_t)(after - s);
	return true;
}

size_t agl_bullet_len(const char *s)
{
	static const char *const bullets[] = {
		"\xe2\x80\xa2", /* • */
		"\xc2\xb7",	/* · */
		"\xe2\x96\xaa", /* ▪ */
		"\xe2\x97\xa6", /* ◦ */
		"\xef\x82\xb7", /* Word's Symbol-font bullet, U+F0B7 */
		"\xe2\x80\x93", /* – */
		"-",
		"*",
		"o",
	};
	for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++) {
		size_t n = strlen(bullets[i]);
		if (strncmp(s, bullets[i], n) == 0 && is_blank(s[n]))
			return n;
	}
	return 0;
}

/* ------------------------------------------------------------ the noise */

static const char *const file_types[] = {
	"pdf", "docx", "doc", "xlsx", "xls", "pptx", "ppt",
	"rtf", "odt",  "html", "htm", "txt", "zip", "csv",
};

/* Length of a file type word at s ("PDF"), 0 if none. */
static size_t file_type_at(const char *s)
{
	for (size_t i = 0; i < sizeof file_types / sizeof *file_types; i++)
		if (word_at(s, file_types[i]))
			return strlen(file_types[i]);
	return 0;
}

/* "pdf icon" at s: its length, 0 if none. */
static size_t icon_at(const char *s)
{
	size_t t = file_type_at(s);
	if (!t)
		return 0;
	const char *p = skip_blanks(s + t);
	return p > s + t && word_at(p, "icon") ? (size_t)(p + 4 - s) : 0;
}

/* "PDF 252 KB", "(PDF, 1.2MB)", "[PDF 252KB]" at s: its length, 0 if none. */
static size_t size_at(const char *s)
{
	const char *p = s;
	char close = 0;
	if (*p == '(' || *p == '[') {
		close = *p == '(' ? ')' : ']';
		p = skip_blanks(p + 1);
	}
	size_t t = file_type_at(p);
	if (!t)
		return 0;
	p += t;
	if (*p == ',')
		p++;
	p = skip_blanks(p);
	size_t nd = strspn(p, "0123456789");
	if (!nd)
		return 0;
	p += nd;
	if ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1]))
		p += 1 + strspn(p + 1, "0123456789");
	p = skip_blanks(p);
	size_t unit = word_at(p, "kb") || word_at(p, "mb") ? 2
		      : word_at(p, "bytes")		  ? 5
		      : word_at(p, "k") || word_at(p, "m")  ? 1
							    : 0;
	if (!unit)
		return 0;
	p += unit;
	if (close) {
		p = skip_blanks(p);
		if (*p != close)
			return 0;
		p++;
	}
	return (size_t)(p - s);
}

bool agl_cut_noise(char *s)
{
	bool cut = false;
	for (size_t i = 0; s[i];) {
		bool start = i == 0 || !isalnum((unsigned char)s[i - 1]);
		size_t n = start ? icon_at(s + i) : 0;
		if (!n && start)
			n = size_at(s + i);
		if (!n) {
			i++;
			continue;
		}
		memmove(s + i, s + i + n, strlen(s + i + n) + 1);
		cut = true;
	}
	if (cut) {
		imp_squeeze(s);
		imp_trim(s);
	}
	return cut;
}

/* ------------------------------------------------------ page references */

/* A page reference filling s to its end: "(Pages 11 - 32)", "Pages 5-10",
 * "(pp. 5 to 10)", "Page 5", "(p. 7)".  Returns the pages ("11 - 32") or
 * NULL. */
static char *pages_to_end(const char *s)
{
	const char *p = s;
	bool open = *p == '(' || *p == '[';
	char close = *p == '(' ? ')' : ']';
	if (open)
		p = skip_blanks(p + 1);
	size_t w = word_at(p, "pages")	? 5
		   : word_at(p, "page") ? 4
		   : strncasecmp(p, "pp.", 3) == 0 ? 3
		   : word_at(p, "pp")		  ? 2
		   : strncasecmp(p, "p.", 2) == 0 ? 2
						  : 0;
	if (!w)
		return NULL;
	p = skip_blanks(p + w);
	size_t a = strspn(p, "0123456789");
	if (!a)
		return NULL;
	const char *first = p;
	p = skip_blanks(p + a);
	const char *second = NULL;
	size_t b = 0;
	size_t dash = *p == '-'				     ? 1
		      : strncmp(p, "\xe2\x80\x93", 3) == 0 ? 3 /* – */
		      : strncmp(p, "\xe2\x80\x94", 3) == 0 ? 3 /* — */
		      : word_at(p, "to")		     ? 2
							     : 0;
	if (dash) {
		p = skip_blanks(p + dash);
		b = strspn(p, "0123456789");
		if (!b)
			return NULL;
		second = p;
		p = skip_blanks(p + b);
	}
	if (open) {
		if (*p != close)
			return NULL;
		p = skip_blanks(p + 1);
	}
	if (*p)
		return NULL;
	struct strbuf sb = {0};
	sb_addn(&sb, first, a);
	if (second) {
		sb_add(&sb, " - ");
		sb_addn(&sb, second, b);
	}
	return sb_detach(&sb);
}

char *agl_pages_only(const char *s)
{
	return pages_to_end(s);
}

bool agl_cut_pages(char *s, char **pages)
{
	for (size_t i = 1; s[i]; i++) {
		if (!is_blank(s[i - 1]))
			continue;
		char *found = pages_to_end(s + i);
		if (!found)
			continue;
		free(*pages);
		*pages = found;
		s[i] = '\0';
		imp_trim(s);
		return true;
	}
	return false;
}

/* ---------------------------------------------------------------- times */

bool agl_cut_time(char *title, int *hour, int *minute, bool *ampm, bool *bad)
{
	*bad = false;
	char *sp = strrchr(title, '\t');
	char *last_space = strrchr(title, ' ');
	if (!sp || (last_space && last_space > sp))
		sp = last_space;
	char *tail = sp ? sp + 1 : title;
	if (sp && (strcasecmp(tail, "am") == 0 || strcasecmp(tail, "pm") == 0 ||
		   strcasecmp(tail, "a.m.") == 0 ||
		   strcasecmp(tail, "p.m.") == 0)) {
		/* The time is the word before; a title that is only "am"
		 * has none. */
		size_t k = (size_t)(sp - title);
		while (k && is_blank(title[k - 1]))
			k--;
		while (k && !is_blank(title[k - 1]))
			k--;
		sp = k ? title + k - 1 : NULL;
		tail = sp ? sp + 1 : title;
	}
	if (!isdigit((unsigned char)*tail))
		return false;
	/* Only something shaped like a time counts: d.dd or dd.dd. */
	const char *dot = strpbrk(tail, ".:");
	if (!dot || dot - tail > 2 || !isdigit((unsigned char)dot[1]))
		return false;
	if (!imp_parse_clock(tail, hour, minute, ampm)) {
		*bad = true;
		return false;
	}
	*tail = '\0';
	imp_trim(title);
	return true;
}

size_t agl_lead_time(const char *s, int *hour, int *minute, bool *ampm)
{
	size_t n = strspn(s, "0123456789");
	if (n < 1 || n > 2 || (s[n] != '.' && s[n] != ':') ||
	    !isdigit((unsigned char)s[n + 1]) || !isdigit((unsigned char)s[n + 2]))
		return 0;
	size_t end = n + 3;
	const char *p = skip_blanks(s + end);
	if (word_at(p, "am") || word_at(p, "pm"))
		end = (size_t)(p + 2 - s);
	else if (strncasecmp(p, "a.m.", 4) == 0 || strncasecmp(p, "p.m.", 4) == 0)
		end = (size_t)(p + 4 - s);
	if (!is_blank(s[end]))
		return 0;
	char *clock = xstrndup(s, end);
	bool ok = imp_parse_clock(clock, hour, minute, ampm);
	free(clock);
	return ok ? (size_t)(skip_blanks(s + end) - s) : 0;
}

/* ------------------------------------------------------- other shapes */

bool agl_is_footer(const char *s)
{
	/* "Page 2 of 5", "Page 2", "- 2 -" */
	if (word_at(s, "page")) {
		const char *p = skip_blanks(s + 4);
		size_t n = strspn(p, "0123456789");
		if (!n)
			return false;
		p = skip_blanks(p + n);
		if (word_at(p, "of")) {
			p = skip_blanks(p + 2);
			p += strspn(p, "0123456789");
		}
		return !*skip_blanks(p);
	}
	if (*s == '-') {
		const char *p = skip_blanks(s + 1);
		size_t n = strspn(p, "0123456789");
		p = skip_blanks(p + n);
		return n && p[0] == '-' && !p[1];
	}
	return false;
}

/* One cell of a heading row. */
static bool heading_cell(const char *s, size_t n)
{
	static const char *const words[] = {
		"agenda", "agenda and minutes", "agenda and decisions",
		"agenda, decisions and minutes", "agenda and draft minutes",
		"items", "item", "no.", "no", "item no.", "item no",
		"agenda item", "approx. timings", "approx timings",
		"approximate timings", "approx. time", "timings", "time",
		"page", "pages", "page no.", "page no", "business", "media",
		"subject", "title", "ref.", "ref", "number", "lead officer",
	};
	while (n && (s[n - 1] == ' ' || s[n - 1] == ':'))
		n--;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
			return true;
	return false;
}

bool agl_is_heading(const char *s)
{
	if (!*s)
		return true;
	if (strncasecmp(s, "Venue:", 6) == 0 ||
	    strncasecmp(s, "Contact:", 8) == 0)
		return true; /* a ModernGov agenda page's preamble */
	/* Cells apart by tabs or runs of spaces, each a heading word. */
	const char *p = s;
	while (*p) {
		const char *end = p;
		while (*end && *end != '\t' && !(end[0] == ' ' && end[1] == ' '))
			end++;
		if (!heading_cell(p, (size_t)(end - p)))
			return false;
		p = skip_blanks(end);
	}
	return true;
}

bool agl_is_agenda_heading(const char *s)
{
	return word_at(s, "agenda") && agl_is_heading(s);
}

bool agl_is_trailer(const char *s)
{
	return strncmp(s, "ABOUT THIS AGENDA", 17) == 0 ||
	       strncmp(s, "ABOUT THIS MEETING", 18) == 0 ||
	       strcasecmp(s, "This page is intentionally left blank") == 0;
}

enum agl_marker agl_marker(const char *s)
{
	if (strcasecmp(s, "Minutes:") == 0 || strcasecmp(s, "Decision:") == 0 ||
	    strcasecmp(s, "Decisions:") == 0)
		return AGL_RECORD;
	if (strncasecmp(s, "Additional documents", 20) == 0 ||
	    strcasecmp(s, "Documents:") == 0 ||
	    strcasecmp(s, "Supporting documents:") == 0)
		return AGL_DOCUMENTS;
	if (strncasecmp(s, "View the reasons why item", 25) == 0 ||
	    strncasecmp(s, "View the reasons item", 21) == 0)
		return AGL_RESTRICTED;
	if (strncasecmp(s, "View the background to item", 27) == 0 ||
	    strncasecmp(s, "View the decision for item", 26) == 0 ||
	    strncasecmp(s, "View the minutes for item", 25) == 0)
		return AGL_LINK;
	return AGL_NONE;
}
