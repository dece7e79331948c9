/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/ical: a body's meetings as an iCalendar file (RFC 5545).
 *
 * One VEVENT per meeting: UID from the meeting's UUID, DTSTAMP from clerk's
 * clock, DTSTART and DTEND in UTC (the end from the agenda's planned
 * minutes, else two hours on), SUMMARY the body's name, LOCATION the venue,
 * DESCRIPTION the agenda (exempt items by title only), STATUS CANCELLED for
 * a cancelled meeting.  Text is escaped (backslash, semicolon, comma,
 * newline) and content lines are folded at 75 octets without splitting a
 * UTF-8 character; every line ends with CRLF.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/dataexport.h"
#include "clerk/opendata.h"

#define FOLD_OCTETS 75
#define DEFAULT_MINUTES 120

/* The agenda text of each meeting, gathered before the events. */
struct agenda_text {
	char id[CLERK_UUID_LEN];
	struct strbuf text;
};

struct ical {
	FILE *out;
	struct agenda_text *agendas;
	size_t n;
	char stamp[20];
};

/* Write one content line, folded: after 75 octets, CRLF and a space, never
 * inside a UTF-8 sequence. */
static void put_line(FILE *out, const char *line)
{
	size_t used = 0;
	for (const char *s = line; *s;) {
		size_t len = 1;
		while (((unsigned char)s[len] & 0xc0) == 0x80)
			len++;
		if (used + len > FOLD_OCTETS) {
			fputs("\r\n ", out);
			used = 1;
		}
		fwrite(s, 1, len, out);
		used += len;
		s += len;
	}
	fputs("\r\n", out);
}

/* NAME:escaped-text as one folded line. */
static void put_text(FILE *out, const char *name, const char *text)
{
	struct strbuf sb = {0};
	sb_addf(&sb, "%s:", name);
	for (const char *s = text ? text : ""; *s; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			sb_addc(&sb, '\\'), sb_addc(&sb, *s);
		else if (*s == '\n')
			sb_add(&sb, "\\n");
		else if (*s == '\r' || ((unsigned char)*s < 0x20 && *s != '\t'))
			continue; /* control characters are not allowed */
		else
			sb_addc(&sb, *s);
	}
	put_line(out, sb_str(&sb));
	sb_free(&sb);
}

/* "20171005T090000Z" */
static void ical_utc(time_t t, char out[20])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y%m%dT%H%M%SZ", &tm);
}

static struct agenda_text *agenda_of(struct ical *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->agendas[i].id, id) == 0)
			return &c->agendas[i];
	return NULL;
}

static int on_item(void *ctx, const struct od_row *r)
{
	struct ical *c = ctx;
	const char *meeting = od_get(r, "meeting_id");
	struct agenda_text *a = agenda_of(c, meeting);
	if (!a) {
		c->agendas = xrealloc(c->agendas, (c->n + 1) * sizeof *c->agendas);
		a = &c->agendas[c->n++];
		memset(a, 0, sizeof *a);
		snprintf(a->id, sizeof a->id, "%s", meeting);
	}
	const char *num = od_get(r, "number");
	const char *exempt = od_get(r, "exempt");
	sb_addf(&a->text, "%s%s%s%s%s", a->text.len ? "\n" : "",
		num && *num ? num : "", num && *num ? ". " : "",
		od_get(r, "title") ? od_get(r, "title") : "",
		exempt && strcmp(exempt, "0") ? " (exempt)" : "");
	return 0;
}

static int on_meeting(void *ctx, const struct od_row *r)
{
	struct ical *c = ctx;
	time_t start;
	if (!time_parse_utc(od_get(r, "starts_at"), &start))
		return 0;
	const char *pm = od_get(r, "planned_minutes");
	int mins = pm && atoi(pm) > 0 ? atoi(pm) : DEFAULT_MINUTES;
	char s[20], e[20];
	ical_utc(start, s);
	ical_utc(start + (time_t)mins * 60, e);
	FILE *out = c->out;
	put_line(out, "BEGIN:VEVENT");
	char *uid = xasprintf("UID:%s@clerk", od_get(r, "id"));
	put_line(out, uid);
	free(uid);
	char *line = xasprintf("DTSTAMP:%s", c->stamp);
	put_line(out, line);
	free(line);
	line = xasprintf("DTSTART:%s", s);
	put_line(out, line);
	free(line);
	line = xasprintf("DTEND:%s", e);
	put_line(out, line);
	free(line);
	put_text(out, "SUMMARY", od_get(r, "body_name"));
	if (od_get(r, "venue") && *od_get(r, "venue"))
		put_text(out, "LOCATION", od_get(r, "venue"));
	struct agenda_text *a = agenda_of(c, od_get(r, "id"));
	if (a)
		put_text(out, "DESCRIPTION", sb_str(&a->text));
	const char *status = od_get(r, "status");
	put_line(out, status && strcmp(status, "cancelled") == 0
			      ? "STATUS:CANCELLED"
			      : "STATUS:CONFIRMED");
	put_line(out, "END:VEVENT");
	return 0;
}

enum clerk_status dataexport_ical(struct db *db, const char *body_id,
				  FILE *out, struct clerk_err *err)
{
	struct ical c = {.out = out};
	ical_utc(clock_now(), c.stamp);
	enum clerk_status rc =
		opendata_each(db, OD_ITEMS, body_id, on_item, &c, err);
	if (!rc) {
		put_line(out, "BEGIN:VCALENDAR");
		put_line(out, "VERSION:2.0");
		put_line(out, "PRODID:-//clerk//clerk " PACKAGE_VERSION "//EN");
		put_line(out, "CALSCALE:GREGORIAN");
		put_line(out, "METHOD:PUBLISH");
		rc = opendata_each(db, OD_MEETINGS, body_id, on_meeting, &c,
				   err);
		put_line(out, "END:VCALENDAR");
	}
	for (size_t i = 0; i < c.n; i++)
		sb_free(&c.agendas[i].text);
	free(c.agendas);
	if (!rc && ferror(out))
		rc = clerk_fail(err, CLERK_IO, "cannot write the calendar");
	return rc;
}
