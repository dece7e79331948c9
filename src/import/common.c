/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/common: what the importers share — the report of problems, reading
 * a file, trimming, honorifics, times of day, the planning of item times and
 * the kind of a standard agenda item.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/model.h"
#include "import_private.h"

/* ------------------------------------------------------------- report */

void import_report_add(struct import_report *r, const char *file, int line,
		       const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	r->v[r->n].file = xstrdup(file ? file : "input");
	r->v[r->n].line = line;
	/* The reason may quote input: keep it printable. */
	r->v[r->n].reason = utf8_sanitize(sb_str(&sb));
	r->n++;
	sb_free(&sb);
}

void import_report_print(const struct import_report *r, FILE *out)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].line > 0)
			fprintf(out, "%s:%d: %s\n", r->v[i].file, r->v[i].line,
				r->v[i].reason);
		else
			fprintf(out, "%s: %s\n", r->v[i].file, r->v[i].reason);
	}
}

static void count(struct strbuf *sb, int n, const char *one,
		  const char *many)
{
	if (!n)
		return;
	sb_addf(sb, "%s%d %s", sb->len ? ", " : "", n, n == 1 ? one : many);
}

void import_report_summary(const struct import_report *r, FILE *out)
{
	struct strbuf sb = {0};
	count(&sb, r->bodies, "body", "bodies");
	count(&sb, r->meetings, "meeting", "meetings");
	count(&sb, r->items, "agenda item", "agenda items");
	count(&sb, r->people, "person", "people");
	count(&sb, r->seats, "seat", "seats");
	count(&sb, r->memberships, "membership", "memberships");
	count(&sb, r->substitutes, "substitute nomination",
	      "substitute nominations");
	count(&sb, r->attendance, "attendance record", "attendance records");
	count(&sb, r->ended, "body marked ended", "bodies marked ended");
	count(&sb, r->statuses, "meeting status changed",
	      "meeting statuses changed");
	if (!sb.len)
		sb_add(&sb, "nothing new");
	sb_add(&sb, " written");
	if (r->unchanged)
		sb_addf(&sb, "; %d already up to date", r->unchanged);
	fprintf(out, "%s.\n", sb_str(&sb));
	sb_free(&sb);
}

void import_report_free(struct import_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].file);
		free(r->v[i].reason);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

enum clerk_status import_read_file(const char *path, char **buf, size_t *len,
				   struct clerk_err *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return clerk_fail(err, CLERK_IO, "cannot read %s: %s", path,
				  strerror(errno));
	struct strbuf sb = {0};
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_addn(&sb, chunk, got);
	bool bad = ferror(f);
	if (f != stdin)
		fclose(f);
	if (bad) {
		sb_free(&sb);
		return clerk_fail(err, CLERK_IO, "cannot read %s", path);
	}
	*len = sb.len;
	*buf = sb_detach(&sb);
	return CLERK_OK;
}

/* --------------------------------------------------------------- text */

/* Length of a blank at s (space, tab, CR, LF, U+00A0), 0 if none. */
static size_t blank_len(const char *s, size_t n)
{
	if (n >= 1 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2;
	return 0;
}

char *imp_trim_dup(const char *s, size_t n)
{
	size_t b;
	while (n && (b = blank_len(s, n))) {
		s += b;
		n -= b;
	}
	for (;;) {
		if (n >= 1 && blank_len(s + n - 1, 1)) {
			n--;
			continue;
		}
		if (n >= 2 && blank_len(s + n - 2, 2) == 2) {
			n -= 2;
			continue;
		}
		break;
	}
	return xstrndup(s, n);
}

char *imp_trim(char *s)
{
	char *t = imp_trim_dup(s, strlen(s));
	strcpy(s, t);
	free(t);
	return s;
}

void imp_squeeze(char *s)
{
	char *w = s;
	bool space = false;
	for (const char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n') {
			space = true;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
}

bool imp_starts_with_honorific(const char *s)
{
	return person_honorific_length(s) > 0;
}

void imp_split_honorific(const char *full, char **honorific, char **name)
{
	char *raw;
	person_split_honorific(full, honorific, &raw);
	*name = imp_trim_dup(raw, strlen(raw)); /* no-break spaces too */
	free(raw);
}

/* ---------------------------------------------------------------- time */

bool imp_parse_clock(const char *s, int *hour, int *minute, bool *has_ampm)
{
	while (*s == ' ')
		s++;
	if (!isdigit((unsigned char)*s))
		return false;
	char *stop;
	long h = strtol(s, &stop, 10);
	long m = 0;
	const char *end = stop;
	if (end - s > 2)
		return false;
	if (*end == '.' || *end == ':') {
		const char *ms = end + 1;
		if (!isdigit((unsigned char)ms[0]) || !isdigit((unsigned char)ms[1]))
			return false;
		m = (ms[0] - '0') * 10 + (ms[1] - '0');
		end = ms + 2;
	}
	while (*end == ' ')
		end++;
	*has_ampm = false;
	if (strncasecmp(end, "am", 2) == 0 || strncasecmp(end, "a.m.", 4) == 0) {
		if (h < 1 || h > 12)
			return false;
		h = h == 12 ? 0 : h;
		*has_ampm = true;
		end += end[1] == '.' ? 4 : 2;
	} else if (strncasecmp(end, "pm", 2) == 0 ||
		   strncasecmp(end, "p.m.", 4) == 0) {
		if (h < 1 || h > 12)
			return false;
		h = h == 12 ? 12 : h + 12;
		*has_ampm = true;
		end += end[1] == '.' ? 4 : 2;
	} else if (strncasecmp(end, "noon", 4) == 0) {
		if (h != 12 || m)
			return false;
		*has_ampm = true;
		end += 4;
	}
	while (*end == ' ')
		end++;
	if (*end || h > 23 || m > 59)
		return false;
	*hour = (int)h;
	*minute = (int)m;
	return true;
}

bool import_parse_clock(const char *s, int *hour, int *minute)
{
	bool ampm;
	return imp_parse_clock(s, hour, minute, &ampm);
}

void import_split_honorific(const char *full, char **honorific, char **name)
{
	imp_split_honorific(full, honorific, name);
}

void import_plan_fill(time_t *starts, int *minutes, size_t n,
		      time_t meeting_start)
{
	time_t cur = meeting_start;
	for (size_t i = 0; i < n; i++) {
		if (!starts[i])
			starts[i] = cur;
		/* An untimed item after this one shares its slot: it starts
		 * at the same time, and the last of the run takes the gap up
		 * to the next timed item ("1. APOLOGIES", "2. DECLARATIONS",
		 * "3. MINUTES 10.05": 1 and 2 both at 10.00, 2 lasting 5). */
		if (minutes[i] <= 0)
			minutes[i] = i + 1 < n && starts[i + 1] > starts[i]
					     ? (int)((starts[i + 1] - starts[i]) / 60)
					     : 0;
		cur = starts[i] + (time_t)minutes[i] * 60;
	}
}

/* ---------------------------------------------------------------- kinds */

/* True when title starts with `words` (any case), as a whole word. */
static bool title_starts(const char *title, const char *words)
{
	size_t n = strlen(words);
	return strncasecmp(title, words, n) == 0 &&
	       !isalnum((unsigned char)title[n]);
}

const char *imp_kind_of_title(const char *title)
{
	/* Titles that name a standard item but are not it: "Matters arising
	 * from the minutes" is business of its own, not the confirmation of
	 * the minutes; "Minutes of the Planning Sub-Committee" received from
	 * another body is ordinary business too. */
	static const char *const not_standard[] = {
		"matters arising", "action log", "actions arising",
		"minutes of sub", "minutes of the sub", "minutes of committees",
		"minutes of other", "minutes and recommendations of",
	};
	for (size_t i = 0; i < sizeof not_standard / sizeof *not_standard; i++)
		if (strcasestr(title, not_standard[i]))
			return "ordinary";
	static const struct {
		const char *words;
		const char *kind;
	} kinds[] = {
		{"apologies", "apologies"},
		{"declarations of interest", "declarations"},
		{"declaration of interest", "declarations"},
		{"declarations of members", "declarations"},
		{"disclosures of interest", "declarations"},
		{"disclosure of interest", "declarations"},
		{"declarations of pecuniary", "declarations"},
		{"minutes of previous meeting", "previous minutes"},
		{"minutes of the previous meeting", "previous minutes"},
		{"minutes of last meeting", "previous minutes"},
		{"minutes of the last meeting", "previous minutes"},
		{"confirmation of minutes", "previous minutes"},
		{"confirmation of the minutes", "previous minutes"},
		{"to approve the minutes", "previous minutes"},
		{"to confirm the minutes", "previous minutes"},
		{"approval of minutes", "previous minutes"},
		{"approval of the minutes", "previous minutes"},
		{"deputations", "deputations"},
		{"public participation", "deputations"},
		{"public question", "deputations"},
		{"announcements", "announcements"},
		{"any other business", "any other business"},
		{"date of next meeting", "date of next meeting"},
		{"date of the next meeting", "date of next meeting"},
		{"dates of future meetings", "date of next meeting"},
		{"date of future meetings", "date of next meeting"},
		{"election of", "election"},
		{"appointment of chair", "election"},
		{"appointment of vice", "election"},
		{"urgent business", "urgent"},
		{"urgent items", "urgent"},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strcasestr(title, kinds[i].words))
			return kinds[i].kind;
	/* "Minutes", "Minutes of the meeting held on 12 March": the
	 * minutes to confirm. */
	if (title_starts(title, "minutes"))
		return "previous minutes";
	return "ordinary";
}

void imp_item_free(struct istore_item *it)
{
	free(it->number);
	free(it->title);
	free(it->description);
	free(it->pages);
	free(it->presenter);
	free(it->exempt_paragraph);
	free(it->app_reference);
	free(it->app_site);
	free(it->app_applicant);
	free(it->app_proposal);
	free(it->app_ward);
	free(it->app_recommendation);
	memset(it, 0, sizeof *it);
}
