/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/agenda_text: the agenda of a notice of meeting, as plain text, into
 * a meeting's agenda.
 *
 * The layout is the one councils publish (see the Hampshire notice in
 * share/demo and tests/import/notice.txt):
 *
 *     AGENDA
 *         Approx. Timings
 *     1. APOLOGIES FOR ABSENCE
 *     To receive any apologies for absence received.
 *     3. MINUTES OF PREVIOUS MEETING (Pages 5 - 10)	10.05
 *     6.	DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION (Pages 11 - 32)	10.15
 *     	To consider an overview of ...
 *
 * An item line is a number with a full stop, a title, optional page
 * references and an optional approximate time at the end; the lines up to
 * the next item are its description.  Tabs and spaces are interchangeable.
 * An item whose title or description says "exempt" (or names a paragraph of
 * Schedule 12A) is marked exempt.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_private.h"

struct agenda_parse {
	const char *name;
	struct import_report *rep;
	struct istore_item *items;
	int *lines; /* line of each item */
	size_t n;
	int meeting_hour; /* to read "2.30" as 14:30 in an afternoon meeting */
	struct tm day;    /* the meeting's local date */
	const char *tz;
	int last_minutes; /* minutes since midnight of the last timed item */
	struct strbuf desc;
	bool blank_before; /* the line before was blank */
	bool done;         /* past the agenda: "ABOUT THIS AGENDA:" */
};

/* Length of the item number at the start of s ("6." gives 2), 0 if the line
 * is not an item line. */
static size_t item_number_len(const char *s)
{
	size_t i = 0;
	while (isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 3)
		return 0;
	if (isalpha((unsigned char)s[i]) && s[i + 1] == '.')
		i++; /* "6a." */
	if (s[i] != '.')
		return 0;
	if (s[i + 1] != ' ' && s[i + 1] != '\t' && s[i + 1] != '\0')
		return 0;
	return i + 1;
}

/* Cut an approximate time off the end of title; returns true and the time
 * when there is one.  "…	10.15" or "… 10.15" or "… 2.30 pm". */
static bool cut_time(char *title, int *hour, int *minute, bool *ampm,
		     bool *bad)
{
	*bad = false;
	/* Back over an optional "am"/"pm", then over digits, '.', digits. */

	char *sp = strrchr(title, '\t');
	char *last_space = strrchr(title, ' ');
	if (!sp || (last_space && last_space > sp))
		sp = last_space;
	char *tail = sp ? sp + 1 : title;
	if (sp && (strcasecmp(tail, "am") == 0 || strcasecmp(tail, "pm") == 0)) {
		/* The time is the word before; a title that is only "am"
		 * has none. */
		size_t k = (size_t)(sp - title);
		while (k && title[k - 1] != ' ' && title[k - 1] != '\t')
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
	return true;
}

/* Cut "(Pages 11 - 32)" or "(Page 5)" off the end of title into *pages. */
static void cut_pages(char *title, char **pages)
{
	size_t n = strlen(title);
	if (n < 8 || title[n - 1] != ')')
		return;
	char *open = strrchr(title, '(');
	if (!open)
		return;
	const char *p = open + 1;
	if (strncasecmp(p, "Pages ", 6) == 0)
		p += 6;
	else if (strncasecmp(p, "Page ", 5) == 0)
		p += 5;
	else
		return;
	*pages = imp_trim_dup(p, strlen(p) - 1);
	imp_squeeze(*pages);
	*open = '\0';
	imp_trim(title);
}

static void finish_description(struct agenda_parse *ap)
{
	if (!ap->n)
		return;
	struct istore_item *it = &ap->items[ap->n - 1];
	free(it->description);
	it->description = sb_detach(&ap->desc);
	/* Exempt: the notice says so in the title or the description. */
	if (it->exempt)
		return; /* "Exempt: Schedule 12A paragraph 3." said so */
	if (strcasestr(it->title, "exempt") ||
	    strcasestr(it->description, "exempt") ||
	    strcasestr(it->description, "Schedule 12A")) {
		it->exempt = true;
		const char *p = strcasestr(it->description, "paragraph ");
		if (!p)
			p = strcasestr(it->title, "paragraph ");
		if (p) {
			p += strlen("paragraph ");
			size_t k = strspn(p, "0123456789");
			free(it->exempt_paragraph);
			it->exempt_paragraph = xstrndup(p, k);
		}
	}
}

/* Read the time at the end of an item line into the item's start. */
static void item_time(struct agenda_parse *ap, struct istore_item *it,
		      int line, int hour, int minute, bool ampm)
{
	/* "2.30" is 14:30 in an afternoon meeting, and "1.15" after a morning
	 * meeting ran past noon; "09.00" or "9.30" in the morning stays. */
	if (!ampm && hour < 12 &&
	    (ap->meeting_hour >= 12 || (hour < ap->meeting_hour && hour <= 7)))
		hour += 12;
	int mins = hour * 60 + minute;
	if (mins < ap->last_minutes)
		import_report_add(ap->rep, ap->name, line,
				  "item %s is timed %02d.%02d, before the item "
				  "above it",
				  it->number, hour, minute);
	ap->last_minutes = mins;
	it->start = time_from_local(ap->tz, ap->day.tm_year + 1900,
				    ap->day.tm_mon + 1, ap->day.tm_mday, hour,
				    minute);
}

static void parse_item_line(struct agenda_parse *ap, const char *line,
			    size_t numlen, int lineno)
{
	finish_description(ap);
	ap->items = xrealloc(ap->items, (ap->n + 1) * sizeof *ap->items);
	ap->lines = xrealloc(ap->lines, (ap->n + 1) * sizeof *ap->lines);
	struct istore_item *it = &ap->items[ap->n];
	memset(it, 0, sizeof *it);
	ap->lines[ap->n] = lineno;
	ap->n++;
	it->number = xstrndup(line, numlen - 1);
	char *title = imp_trim_dup(line + numlen, strlen(line + numlen));
	int hour, minute;
	bool ampm, bad;
	bool timed = cut_time(title, &hour, &minute, &ampm, &bad);
	if (bad)
		import_report_add(ap->rep, ap->name, lineno,
				  "item %s ends with a time clerk cannot read "
				  "(write it as 10.15)",
				  it->number);
	imp_trim(title);
	cut_pages(title, &it->pages);
	imp_squeeze(title);
	it->title = title;
	it->description = xstrdup("");
	it->kind = imp_kind_of_title(title);
	if (!*title)
		import_report_add(ap->rep, ap->name, lineno,
				  "item %s has no title", it->number);
	if (timed)
		item_time(ap, it, lineno, hour, minute, ampm);
	for (size_t i = 0; i + 1 < ap->n; i++)
		if (strcmp(ap->items[i].number, it->number) == 0)
			import_report_add(ap->rep, ap->name, lineno,
					  "item number %s is used twice (first "
					  "on line %d)",
					  it->number, ap->lines[i]);
}

/* Lines before the first item that are headings, not business:
 * "AGENDA", "Approx. Timings", or both on one line. */
static bool is_heading(const char *s)
{
	if (strncmp(s, "AGENDA", 6) == 0) {
		s += 6;
		while (*s == ' ' || *s == '\t')
			s++;
	}
	return !*s || strcasecmp(s, "Approx. Timings") == 0 ||
	       strcasecmp(s, "Approx Timings") == 0 ||
	       strcasecmp(s, "Item") == 0;
}

/* Lines that end the agenda of a notice of meeting. */
static bool is_trailer(const char *s)
{
	return strncmp(s, "ABOUT THIS AGENDA", 17) == 0 ||
	       strncmp(s, "ABOUT THIS MEETING", 18) == 0 ||
	       strcasecmp(s, "This page is intentionally left blank") == 0;
}

/* Add a description line: an indented line or one after a blank line
 * starts a paragraph; other lines continue the one before (wrapped text). */
static void add_description(struct agenda_parse *ap, const char *raw,
			    char *line)
{
	bool indented = raw[0] == '\t' || raw[0] == ' ';
	struct istore_item *it = &ap->items[ap->n - 1];
	imp_squeeze(line);
	/* The lines `clerk item list` adds after a description. */
	if (strncmp(line, "Presenter: ", 11) == 0) {
		free(it->presenter);
		it->presenter = xstrdup(line + 11);
		return;
	}
	if (strncmp(line, "Exempt: Schedule 12A paragraph ", 31) == 0) {
		it->exempt = true;
		free(it->exempt_paragraph);
		it->exempt_paragraph =
			xstrndup(line + 31, strspn(line + 31, "0123456789"));
		return;
	}
	if (ap->desc.len)
		sb_addc(&ap->desc,
			indented || ap->blank_before ? '\n' : ' ');
	sb_add(&ap->desc, line);
}

static void parse_line(struct agenda_parse *ap, const char *raw, size_t n,
		       int lineno)
{
	if (memchr(raw, '\0', n)) {
		import_report_add(ap->rep, ap->name, lineno,
				  "the line holds a NUL byte: is this a text "
				  "file?");
		return;
	}
	if (!utf8_valid(raw, n)) {
		import_report_add(ap->rep, ap->name, lineno,
				  "the line is not valid UTF-8 text");
		return;
	}
	char *line = imp_trim_dup(raw, n);
	size_t numlen = item_number_len(line);
	if (is_trailer(line)) {
		ap->done = true;
	} else if (numlen) {
		parse_item_line(ap, line, numlen, lineno);
	} else if (*line && ap->n) {
		add_description(ap, raw, line);
	} else if (*line && !is_heading(line)) {
		import_report_add(ap->rep, ap->name, lineno,
				  "text before the first numbered item: "
				  "\"%.40s\"",
				  line);
	}
	ap->blank_before = !*line;
	free(line);
}

/* Where the agenda starts: after a line "AGENDA" (a whole notice of
 * meeting may come before it), else at the top.  *lineno gets the number
 * of lines skipped. */
static size_t agenda_start(const char *buf, size_t len, int *lineno)
{
	size_t pos = 0;
	int n = 0;
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t k = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		n++;
		char *line = imp_trim_dup(buf + pos, k);
		bool agenda = strncmp(line, "AGENDA", 6) == 0 && is_heading(line);
		free(line);
		pos += k + (nl ? 1 : 0);
		if (agenda) {
			*lineno = n;
			return pos;
		}
	}
	*lineno = 0;
	return 0;
}

static void parse_all(struct agenda_parse *ap, const char *buf, size_t len)
{
	int lineno = 0;
	size_t pos = agenda_start(buf, len, &lineno);
	while (pos < len && !ap->done) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		lineno++;
		if (pos == 0 && n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
			parse_line(ap, buf + 3, n - 3, lineno);
		else
			parse_line(ap, buf + pos, n, lineno);
		pos += n + (nl ? 1 : 0);
	}
	finish_description(ap);
	if (ap->n == 0 && ap->rep->n == 0)
		import_report_add(ap->rep, ap->name, 0,
				  "no numbered items found (an item line "
				  "looks like \"6. TITLE (Pages 11 - 32) "
				  "10.15\")");
}

static enum clerk_status store(struct db *db, const char *meeting_id,
			       struct agenda_parse *ap,
			       struct clerk_err *err)
{
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	if ((rc = istore_items_clear(db, meeting_id, err)))
		goto fail;
	for (size_t i = 0; i < ap->n; i++)
		if ((rc = istore_item_insert(db, meeting_id, (int)i + 1,
					     &ap->items[i], err)))
			goto fail;
	if ((rc = db_commit(db, err)))
		goto fail;
	ap->rep->items = (int)ap->n;
	return CLERK_OK;
fail:
	db_rollback(db);
	return rc;
}

enum clerk_status import_agenda_text(struct db *db, const char *meeting_id,
				     const char *name, const char *buf,
				     size_t len, struct import_report *rep,
				     struct clerk_err *err)
{
	time_t start;
	char tz[64];
	bool confirmed;
	enum clerk_status rc = istore_meeting_info(db, meeting_id, &start, tz,
						   sizeof tz, &confirmed, err);
	if (rc)
		return rc;
	if (confirmed)
		return clerk_fail(err, CLERK_LOCKED,
				  "the minutes of this meeting are confirmed: "
				  "its agenda cannot change");
	struct agenda_parse ap = {.name = name, .rep = rep, .tz = tz};
	time_to_local(start, tz, &ap.day);
	ap.meeting_hour = ap.day.tm_hour;
	size_t before = rep->n;
	parse_all(&ap, buf, len);
	if (rep->n > before) {
		rc = clerk_fail(err, CLERK_INVALID,
				"%s: %zu problem%s found; nothing was imported",
				name, rep->n - before,
				rep->n - before == 1 ? "" : "s");
	} else {
		time_t *starts = xcalloc(ap.n, sizeof *starts);
		int *mins = xcalloc(ap.n, sizeof *mins);
		for (size_t i = 0; i < ap.n; i++)
			starts[i] = ap.items[i].start;
		import_plan_fill(starts, mins, ap.n, start);
		for (size_t i = 0; i < ap.n; i++) {
			ap.items[i].start = starts[i];
			ap.items[i].minutes = mins[i];
		}
		free(starts);
		free(mins);
		rc = store(db, meeting_id, &ap, err);
	}
	for (size_t i = 0; i < ap.n; i++)
		imp_item_free(&ap.items[i]);
	free(ap.items);
	free(ap.lines);
	sb_free(&ap.desc);
	return rc;
}
