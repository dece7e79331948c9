/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/agenda_text: the agenda of a notice of meeting, as plain text, into
 * a meeting's agenda.
 *
 * The layouts are the ones councils publish (see agenda_lines.c for the
 * shapes of lines, tests/import/agendas/ for whole agendas):
 *
 *     AGENDA
 *         Approx. Timings
 *     1. APOLOGIES FOR ABSENCE
 *     To receive any apologies for absence received.
 *     3. MINUTES OF PREVIOUS MEETING (Pages 5 - 10)	10.05
 *     6.	DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION (Pages 11 - 32)	10.15
 *     	To consider an overview of ...
 *
 * An item line is a number, a title (on the same line or the next), optional
 * page references and an optional approximate time; sub-items ("a)", "(i)",
 * "5.1") are items of their own; the lines up to the next item are the
 * description.  An item whose title or description says "exempt" (or names
 * a paragraph of Schedule 12A), or that a ModernGov page says is
 * restricted, is marked exempt.
 *
 * Nothing is folded silently: a line that cannot be placed is reported with
 * its number, and the import refused unless the clerk asks to skip such
 * lines.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/model.h"
#include "import_private.h"

struct agenda_parse {
	const char *name;
	struct import_report *rep;
	bool skip_unknown;
	int wrong;   /* problems that refuse the import whatever the options */
	int unknown; /* lines that could not be placed */
	struct istore_item *items;
	int *lines; /* line of each item */
	size_t n, cap;
	int meeting_hour; /* to read "2.30" as 14:30 in an afternoon meeting */
	struct tm day;    /* the meeting's local date */
	const char *tz;
	int last_minutes; /* minutes since midnight of the last timed item */
	struct strbuf desc;
	bool blank_before;  /* the line before was blank */
	bool done;	    /* past the agenda: "ABOUT THIS AGENDA:" */
	bool await_title;   /* the last item's number stood alone on its line */
	bool skipping;	    /* in a "Minutes:" or documents block */
	bool documents;	    /* the block is a list of documents */
	bool have_top;	    /* a numbered (not sub-) item has been read */
	unsigned long long top_value;
	size_t top;	    /* index of the last numbered item */
	size_t letter;	    /* index of the last lettered sub-item, or n */
	char last_letter;   /* its letter, 0 when none since the last item */
};

static void vreport(struct agenda_parse *ap, int line, const char *prefix,
		    const char *fmt, va_list va)
{
	struct strbuf sb = {0};
	sb_add(&sb, prefix);
	sb_vaddf(&sb, fmt, va);
	import_report_add(ap->rep, ap->name, line, "%s", sb_str(&sb));
	sb_free(&sb);
}

/* A problem with an item the file has: the import is refused. */
__attribute__((format(printf, 3, 4))) static void
wrong(struct agenda_parse *ap, int line, const char *fmt, ...)
{
	va_list va;
	va_start(va, fmt);
	vreport(ap, line, "", fmt, va);
	va_end(va);
	ap->wrong++;
}

/* A line that cannot be placed: refused, or skipped when asked. */
__attribute__((format(printf, 3, 4))) static void
unknown(struct agenda_parse *ap, int line, const char *fmt, ...)
{
	va_list va;
	va_start(va, fmt);
	vreport(ap, line, ap->skip_unknown ? "skipped: " : "", fmt, va);
	va_end(va);
	ap->unknown++;
}

static struct istore_item *current(struct agenda_parse *ap)
{
	return &ap->items[ap->n - 1];
}

/* Mark the item exempt, with the paragraph of Schedule 12A found after
 * "paragraph " in text (if any). */
static void mark_exempt(struct istore_item *it, const char *text)
{
	it->exempt = true;
	const char *p = text ? strcasestr(text, "paragraph ") : NULL;
	if (p && !(it->exempt_paragraph && *it->exempt_paragraph)) {
		p += strlen("paragraph ");
		free(it->exempt_paragraph);
		it->exempt_paragraph = xstrndup(p, strspn(p, "0123456789"));
	}
}

static void finish_description(struct agenda_parse *ap)
{
	if (!ap->n)
		return;
	struct istore_item *it = current(ap);
	if (ap->desc.len || !it->description) {
		free(it->description);
		it->description = sb_detach(&ap->desc);
	}
	/* Exempt: the notice says so in the title or the description; the
	 * item that excludes the press and public cites the paragraph but is
	 * itself public. */
	if (strncasecmp(it->title, "Exclusion of", 12) == 0)
		return;
	if (strcasestr(it->title, "exempt"))
		mark_exempt(it, it->title);
	if (strcasestr(it->description, "exempt") ||
	    strcasestr(it->description, "Schedule 12A"))
		mark_exempt(it, it->description);
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
		wrong(ap, line, "item %s is timed %02d.%02d, before the item "
				"above it",
		      it->number, hour, minute);
	ap->last_minutes = mins;
	it->start = time_from_local(ap->tz, ap->day.tm_year + 1900,
				    ap->day.tm_mon + 1, ap->day.tm_mday, hour,
				    minute);
}

/* The title of the current item from `text` (the rest of its number's line,
 * or the line after a number alone): link text, page references and the
 * time are cut off it, in whichever order the agenda has them. */
static void read_title(struct agenda_parse *ap, const char *text, int lineno)
{
	struct istore_item *it = current(ap);
	char *title = xstrdup(text);
	bool timed = false;
	int hour = 0, minute = 0;
	bool ampm = false;
	for (bool again = true; again;) {
		again = agl_cut_noise(title);
		int h, m;
		bool am, bad;
		if (agl_cut_time(title, &h, &m, &am, &bad)) {
			timed = again = true;
			hour = h, minute = m, ampm = am;
		} else if (bad) {
			wrong(ap, lineno,
			      "item %s ends with a time clerk cannot read "
			      "(write it as 10.15)",
			      it->number);
		}
		if (agl_cut_pages(title, &it->pages))
			again = true;
	}
	imp_squeeze(title);
	free(it->title);
	it->title = title;
	it->kind = imp_kind_of_title(title);
	if (!*title)
		wrong(ap, lineno, "item %s has no title", it->number);
	if (timed)
		item_time(ap, it, lineno, hour, minute, ampm);
}

/* Start a new item numbered `number` (taken) whose title is `title`, or on
 * the next line when `title` is empty. */
static void new_item(struct agenda_parse *ap, char *number, const char *title,
		     int lineno)
{
	finish_description(ap);
	if (ap->await_title)
		wrong(ap, ap->lines[ap->n - 1], "item %s has no title",
		      current(ap)->number);
	if (ap->n == ap->cap) {
		ap->cap = ap->cap ? ap->cap * 2 : 16;
		ap->items = xrealloc(ap->items, ap->cap * sizeof *ap->items);
		ap->lines = xrealloc(ap->lines, ap->cap * sizeof *ap->lines);
	}
	struct istore_item *it = &ap->items[ap->n];
	memset(it, 0, sizeof *it);
	ap->lines[ap->n] = lineno;
	ap->n++;
	it->number = number;
	it->title = xstrdup("");
	it->kind = "ordinary";
	ap->skipping = ap->documents = false;
	ap->blank_before = false;
	ap->await_title = !*title;
	if (*title)
		read_title(ap, title, lineno);
}

/* A numbered line: is it the next item?  The shapes that could be text
 * ("2 Members present", "1APOLOGIES", a number alone, "5.1") are items only
 * when they follow the item before; inside a "Minutes:" block every shape
 * must. */
static bool takes_number(const struct agenda_parse *ap,
			 const struct agl_number *num)
{
	if (num->decimal)
		return ap->have_top && num->value == ap->top_value &&
		       num->minor >= 1;
	if (!num->needs_sequence && !ap->skipping)
		return true;
	if (!ap->have_top)
		return num->value <= 999 && !ap->skipping;
	return num->value == ap->top_value + 1;
}

static void top_item(struct agenda_parse *ap, struct agl_number *num,
		     const char *line, int lineno)
{
	char *number = num->text;
	num->text = NULL;
	new_item(ap, number, line + num->title_at, lineno);
	if (!num->decimal) {
		ap->have_top = true;
		ap->top_value = num->value;
		ap->top = ap->n - 1;
		ap->last_letter = 0;
		ap->letter = ap->n;
	}
}

/* "a) Title", "(i) Title": an item of its own, numbered under its parent
 * ("5(a)", "5(a)(i)", "5(i)"). */
static void sub_item(struct agenda_parse *ap, struct agl_sub *sub,
		     const char *line, int lineno)
{
	size_t parent = !sub->letter && ap->letter < ap->n ? ap->letter : ap->top;
	struct strbuf num = {0};
	sb_addf(&num, "%s(%s)", ap->items[parent].number, sub->label);
	new_item(ap, sb_detach(&num), line + sub->title_at, lineno);
	if (sub->letter) {
		ap->last_letter = (char)tolower((unsigned char)sub->label[0]);
		ap->letter = ap->n - 1;
	}
}

/* A planning application's line as `clerk item list` prints it:
 * "Application: REF" makes the item one; the field lines after it
 * ("Site: ...") are its fields (elsewhere they are description). */
static bool application_line(struct istore_item *it, const char *line)
{
	static const struct {
		const char *label;
		size_t off;
	} fields[] = {
		{"Site: ", offsetof(struct istore_item, app_site)},
		{"Applicant: ", offsetof(struct istore_item, app_applicant)},
		{"Proposal: ", offsetof(struct istore_item, app_proposal)},
		{"Ward: ", offsetof(struct istore_item, app_ward)},
		{"Recommendation: ",
		 offsetof(struct istore_item, app_recommendation)},
	};
	if (strncmp(line, "Application: ", 13) == 0) {
		free(it->app_reference);
		it->app_reference = xstrdup(line + 13);
		return true;
	}
	if (!it->app_reference)
		return false;
	/* what the committee did is no part of an agenda: not read back */
	if (!strncmp(line, "Speakers: ", 10) || !strncmp(line, "Decision: ", 10) ||
	    !strncmp(line, "Conditions: ", 12))
		return true;
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		size_t n = strlen(fields[i].label);
		if (strncmp(line, fields[i].label, n))
			continue;
		char **f = (char **)((char *)it + fields[i].off);
		free(*f);
		*f = xstrdup(line + n);
		return true;
	}
	return false;
}

/* The reference a title starts with, when it names a planning application
 * ("APP/19/01181 - Townfield Primary School", "13/01783/F: Post Office"):
 * letters and digits with a '/' and at least two digits, then " - ", " – "
 * or ": " and the site.  The site goes to *site. */
static char *title_reference(const char *title, char **site)
{
	size_t n = 0, digits = 0;
	bool slash = false;
	while (title[n] && (isalnum((unsigned char)title[n]) || title[n] == '/')) {
		digits += isdigit((unsigned char)title[n]) != 0;
		slash |= title[n] == '/';
		n++;
	}
	if (!slash || digits < 2 || title[n - 1] == '/')
		return NULL;
	const char *rest = title + n;
	static const char *const seps[] = {" - ", " \xe2\x80\x93 ", ": ", NULL};
	for (const char *const *sep = seps; *sep; sep++)
		if (strncmp(rest, *sep, strlen(*sep)) == 0) {
			*site = imp_trim_dup(rest + strlen(*sep),
					     strlen(rest + strlen(*sep)));
			return xstrndup(title, n);
		}
	return NULL;
}

/* Add a description line: an indented line or one after a blank line
 * starts a paragraph; other lines continue the one before (wrapped text). */
static void add_description(struct agenda_parse *ap, const char *raw,
			    char *line)
{
	bool indented = raw[0] == '\t' || raw[0] == ' ';
	struct istore_item *it = current(ap);
	imp_squeeze(line);
	/* The lines `clerk item list` adds after a description. */
	if (strncmp(line, "Presenter: ", 11) == 0) {
		free(it->presenter);
		it->presenter = xstrdup(line + 11);
		return;
	}
	if (strncmp(line, "Exempt: Schedule 12A paragraph ", 31) == 0) {
		free(it->exempt_paragraph);
		it->exempt_paragraph = NULL;
		mark_exempt(it, line);
		return;
	}
	enum item_kind kind;
	if (strncmp(line, "Kind: ", 6) == 0 && item_kind_parse(line + 6, &kind)) {
		it->kind = item_kind_text(kind);
		return;
	}
	if (application_line(it, line))
		return;
	size_t bullet = agl_bullet_len(line);
	if (ap->desc.len)
		sb_addc(&ap->desc, indented || ap->blank_before || bullet
					   ? '\n'
					   : ' ');
	if (bullet) {
		sb_add(&ap->desc, "\xe2\x80\xa2 ");
		line += bullet + 1;
	}
	sb_add(&ap->desc, line);
}

/* A line inside an item (after its number). */
static void item_text(struct agenda_parse *ap, const char *raw, char *line,
		      int lineno)
{
	struct agl_sub sub;
	char *pages;
	switch (agl_marker(line)) {
	case AGL_RECORD:
		ap->skipping = true;
		return;
	case AGL_DOCUMENTS:
		ap->skipping = ap->documents = true;
		return;
	case AGL_RESTRICTED:
		mark_exempt(current(ap), NULL);
		return;
	case AGL_LINK:
		return;
	case AGL_NONE:
		break;
	}
	if (ap->skipping)
		return;
	if (ap->await_title) {
		ap->await_title = false;
		read_title(ap, line, lineno);
		return;
	}
	if ((pages = agl_pages_only(line))) {
		/* "(Pages 5 - 10)" on the line after the title; elsewhere a
		 * page number of the printed pack. */
		struct istore_item *it = current(ap);
		if (!ap->desc.len && !(it->pages && *it->pages)) {
			free(it->pages);
			it->pages = pages;
		} else {
			free(pages);
		}
		return;
	}
	if (agl_is_footer(line))
		return;
	if (agl_sub_label(line, ap->last_letter, &sub)) {
		sub_item(ap, &sub, line, lineno);
		free(sub.label);
		return;
	}
	if (agl_cut_noise(line))
		return; /* a link to a document: "Minutes pdf icon PDF 99 KB" */
	add_description(ap, raw, line);
}

static void parse_line(struct agenda_parse *ap, const char *raw, size_t n,
		       int lineno)
{
	if (memchr(raw, '\0', n)) {
		unknown(ap, lineno,
			"the line holds a NUL byte: is this a text file?");
		return;
	}
	if (!utf8_valid(raw, n)) {
		unknown(ap, lineno, "the line is not valid UTF-8 text");
		return;
	}
	char *line = imp_trim_dup(raw, n);
	for (char *p = line; *p; p++)
		if (*p == '\f' || *p == '\v')
			*p = ' '; /* a page break of a PDF's text */
	imp_trim(line);
	struct agl_number num;
	int h, m;
	bool ampm;
	size_t lead = agl_lead_time(line, &h, &m, &ampm);
	if (agl_is_trailer(line)) {
		ap->done = true;
	} else if (!*line) {
		if (ap->documents)
			ap->skipping = ap->documents = false;
		ap->blank_before = true;
	} else if (agl_item_number(line + lead, &num)) {
		if (takes_number(ap, &num)) {
			top_item(ap, &num, line + lead, lineno);
			if (lead)
				item_time(ap, current(ap), lineno, h, m, ampm);
		} else if (ap->n) {
			item_text(ap, raw, line, lineno);
		} else {
			unknown(ap, lineno,
				"\"%.40s\" is not the first item (numbered "
				"%llu, too high)",
				line, num.value);
		}
		agl_number_free(&num);
	} else if (ap->n) {
		item_text(ap, raw, line, lineno);
	} else if (!agl_is_heading(line) && !agl_is_footer(line)) {
		unknown(ap, lineno, "text before the first numbered item: "
				    "\"%.40s\"",
			line);
	}
	if (*line)
		ap->blank_before = false;
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
		bool agenda = agl_is_agenda_heading(line);
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

static int by_number(const void *a, const void *b, void *ctx)
{
	const struct istore_item *items = ctx;
	const size_t *x = a, *y = b;
	int c = strcmp(items[*x].number, items[*y].number);
	return c ? c : (*x > *y) - (*x < *y);
}

/* Item numbers used twice, each named at its later line (sorting keeps
 * this linear enough for agendas of any length). */
static void check_numbers(struct agenda_parse *ap)
{
	size_t *order = xcalloc(ap->n ? ap->n : 1, sizeof *order);
	for (size_t i = 0; i < ap->n; i++)
		order[i] = i;
	qsort_r(order, ap->n, sizeof *order, by_number, ap->items);
	for (size_t i = 1; i < ap->n; i++) {
		size_t first = order[i - 1], again = order[i];
		if (strcmp(ap->items[first].number, ap->items[again].number))
			continue;
		while (i + 1 < ap->n && strcmp(ap->items[order[i + 1]].number,
					       ap->items[first].number) == 0)
			i++; /* report the second use only */
		wrong(ap, ap->lines[again],
		      "item number %s is used twice (first on line %d)",
		      ap->items[again].number, ap->lines[first]);
	}
	free(order);
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
	if (ap->await_title)
		wrong(ap, ap->lines[ap->n - 1], "item %s has no title",
		      current(ap)->number);
	check_numbers(ap);
	for (size_t i = 0; i < ap->n; i++) {
		struct istore_item *it = &ap->items[i];
		char *site = NULL;
		char *ref = it->app_reference || !it->title
				    ? NULL
				    : title_reference(it->title, &site);
		if (ref) {
			it->app_reference = ref;
			it->app_site = site;
		}
	}
	if (ap->n == 0 && ap->rep->n == 0)
		wrong(ap, 0, "no numbered items found (an item line looks "
			     "like \"6. TITLE (Pages 11 - 32) 10.15\")");
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

/* Planned starts and durations of the items from the times read. */
static void plan(struct agenda_parse *ap, time_t meeting_start)
{
	time_t *starts = xcalloc(ap->n ? ap->n : 1, sizeof *starts);
	int *mins = xcalloc(ap->n ? ap->n : 1, sizeof *mins);
	for (size_t i = 0; i < ap->n; i++)
		starts[i] = ap->items[i].start;
	import_plan_fill(starts, mins, ap->n, meeting_start);
	for (size_t i = 0; i < ap->n; i++) {
		ap->items[i].start = starts[i];
		ap->items[i].minutes = mins[i];
	}
	free(starts);
	free(mins);
}

enum clerk_status import_agenda(struct db *db, const char *meeting_id,
				const char *name, const char *buf, size_t len,
				struct import_agenda *a,
				struct import_report *rep,
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
	struct agenda_parse ap = {.name = name,
				  .rep = rep,
				  .tz = tz,
				  .skip_unknown = a->skip_unknown};
	time_to_local(start, tz, &ap.day);
	ap.meeting_hour = ap.day.tm_hour;
	parse_all(&ap, buf, len);
	int refusing = ap.wrong + (ap.skip_unknown ? 0 : ap.unknown);
	if (refusing) {
		rc = clerk_fail(err, CLERK_INVALID,
				"%s: %d problem%s found; nothing was imported%s",
				name, refusing, refusing == 1 ? "" : "s",
				ap.wrong ? ""
					 : " (--skip-unknown imports the "
					   "items and skips those lines)");
	} else {
		plan(&ap, start);
		if (!a->dry_run)
			rc = store(db, meeting_id, &ap, err);
	}
	if (!rc) {
		a->items = ap.items;
		a->n = ap.n;
		ap.items = NULL;
		ap.n = 0;
	}
	for (size_t i = 0; i < ap.n; i++)
		imp_item_free(&ap.items[i]);
	free(ap.items);
	free(ap.lines);
	sb_free(&ap.desc);
	return rc;
}

void import_agenda_free(struct import_agenda *a)
{
	for (size_t i = 0; i < a->n; i++)
		imp_item_free(&a->items[i]);
	free(a->items);
	a->items = NULL;
	a->n = 0;
}

enum clerk_status import_agenda_text(struct db *db, const char *meeting_id,
				     const char *name, const char *buf,
				     size_t len, struct import_report *rep,
				     struct clerk_err *err)
{
	struct import_agenda a = {0};
	enum clerk_status rc =
		import_agenda(db, meeting_id, name, buf, len, &a, rep, err);
	import_agenda_free(&a);
	return rc;
}
