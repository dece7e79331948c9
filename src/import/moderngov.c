/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/moderngov: responses saved from a ModernGov web service
 * (mgWebService.asmx) into bodies, meetings, agenda items and attendance.
 *
 * Three responses are understood, recognised by their root element:
 *
 *   <committees>   (GetCommittees): <committee> with <committeeid>,
 *                  <committeetitle>, <committeedeleted>True|False ...
 *   <getmeetings>  (GetMeetings): <committee> ... <meetings><meeting> with
 *                  <meetingid>, <meetingdate>05/10/2017</meetingdate>,
 *                  <meetingtime>10.00 am</meetingtime>, <location> ...
 *   <getmeeting>   (GetMeeting): one <meeting> with the above and
 *                  <agendaitems><agendaitemcount> 12</agendaitemcount>
 *                  <agendaitem> (<agendaitemnumber>, <agendaitemtitle>,
 *                  <agendaitemtext>, <agendaitemisexempt>) and
 *                  <attendees><attendee name=".." role=".." attendance=".."/>
 *
 * The service's quirks are handled: dates dd/mm/yyyy (sometimes with a
 * time after them), times "10.00 am", booleans "True"/"False", counts with
 * leading spaces (checked against what the file holds), titles and texts
 * HTML-escaped twice (&amp;amp; and &amp;lt;p&amp;gt;: decoded, tags
 * dropped), attendees as attributes (or, in older versions, as child
 * elements).  XML is parsed with expat; a malformed file is reported with
 * its line and nothing is imported.
 */
#include "config.h"

#include <ctype.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_private.h"

struct mg_item {
	int line;
	char *number, *title, *text, *exempt;
};

struct mg_attendee {
	int line;
	char *name, *role, *attendance;
};

struct mg_committee {
	int line;
	const char *file;
	char *id, *title, *deleted;
};

struct mg_meeting {
	int line;
	const char *file;
	char *id, *committee_id, *committee_title, *date, *time, *venue;
	char *item_count, *attendee_count;
	int item_count_line, attendee_count_line;
	struct mg_item *items;
	size_t nitems;
	struct mg_attendee *att;
	size_t natt;
};

/* Everything read from all files. */
struct mg_data {
	struct mg_committee *com;
	size_t ncom;
	struct mg_meeting *meet;
	size_t nmeet;
};

/* The parser's state while reading one file. */
struct mg_parse {
	XML_Parser xp;
	const char *file;
	struct import_report *rep;
	struct mg_data *d;
	int depth;
	char root[32];
	struct strbuf text;
	struct mg_committee *cur_com;
	struct mg_meeting *cur_meet;
	struct mg_item *cur_item;
	struct mg_attendee *cur_att;
	/* Committee of the <committee> a GetMeetings <meeting> sits in. */
	char *outer_com_id, *outer_com_title;
	/* <committeecount> and <meetingcount>, checked against what follows. */
	char *com_count, *meet_count;
	int com_count_line, meet_count_line;
	size_t coms_here, meets_here;
};

/* Check a count element (" 3", with the service's leading spaces) against
 * the number of records found. */
static void check_count(struct mg_parse *p, const char *what,
			const char *count, int line, size_t found)
{
	if (!count)
		return;
	char *end;
	const char *s = count;
	while (*s == ' ' || *s == '\t')
		s++;
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < 0 || (size_t)v != found)
		import_report_add(p->rep, p->file, line,
				  "%s says \"%s\" but the file lists %zu",
				  what, count, found);
}

static int cur_line(struct mg_parse *p)
{
	return (int)XML_GetCurrentLineNumber(p->xp);
}

/* Replace *field with the trimmed text collected so far. */
static void take(struct mg_parse *p, char **field)
{
	free(*field);
	*field = imp_trim_dup(sb_str(&p->text), p->text.len);
}

static const char *attr(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcasecmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

static char *attr_dup(const XML_Char **atts, const char *a, const char *b)
{
	const char *v = attr(atts, a);
	if (!v && b)
		v = attr(atts, b);
	return v ? imp_trim_dup(v, strlen(v)) : NULL;
}

static void start_meeting(struct mg_parse *p)
{
	struct mg_data *d = p->d;
	d->meet = xrealloc(d->meet, (d->nmeet + 1) * sizeof *d->meet);
	p->cur_meet = &d->meet[d->nmeet++];
	memset(p->cur_meet, 0, sizeof *p->cur_meet);
	p->cur_meet->line = cur_line(p);
	p->cur_meet->file = p->file;
	if (p->outer_com_id)
		p->cur_meet->committee_id = xstrdup(p->outer_com_id);
	if (p->outer_com_title)
		p->cur_meet->committee_title = xstrdup(p->outer_com_title);
}

static void start_attendee(struct mg_parse *p, const XML_Char **atts)
{
	struct mg_meeting *m = p->cur_meet;
	m->att = xrealloc(m->att, (m->natt + 1) * sizeof *m->att);
	p->cur_att = &m->att[m->natt++];
	memset(p->cur_att, 0, sizeof *p->cur_att);
	p->cur_att->line = cur_line(p);
	p->cur_att->name = attr_dup(atts, "name", "membername");
	p->cur_att->role = attr_dup(atts, "role", "roledescription");
	p->cur_att->attendance = attr_dup(atts, "attendance", "attendancetype");
}

static void XMLCALL on_start(void *ud, const XML_Char *el,
			     const XML_Char **atts)
{
	struct mg_parse *p = ud;
	if (p->depth++ == 0)
		snprintf(p->root, sizeof p->root, "%s", el);
	sb_reset(&p->text);
	if (strcasecmp(el, "committee") == 0 && !p->cur_meet) {
		struct mg_data *d = p->d;
		d->com = xrealloc(d->com, (d->ncom + 1) * sizeof *d->com);
		p->cur_com = &d->com[d->ncom++];
		memset(p->cur_com, 0, sizeof *p->cur_com);
		p->coms_here++;
		p->meets_here = 0;
		p->cur_com->line = cur_line(p);
		p->cur_com->file = p->file;
	} else if (strcasecmp(el, "meeting") == 0 && !p->cur_meet) {
		start_meeting(p);
		p->meets_here++;
	} else if (strcasecmp(el, "agendaitem") == 0 && p->cur_meet) {
		struct mg_meeting *m = p->cur_meet;
		m->items = xrealloc(m->items, (m->nitems + 1) * sizeof *m->items);
		p->cur_item = &m->items[m->nitems++];
		memset(p->cur_item, 0, sizeof *p->cur_item);
		p->cur_item->line = cur_line(p);
	} else if (strcasecmp(el, "attendee") == 0 && p->cur_meet) {
		start_attendee(p, atts);
	}
}

/* Elements inside an <agendaitem>. */
static void end_item_field(struct mg_parse *p, const char *el)
{
	struct mg_item *it = p->cur_item;
	if (strcasecmp(el, "agendaitemnumber") == 0)
		take(p, &it->number);
	else if (strcasecmp(el, "agendaitemtitle") == 0)
		take(p, &it->title);
	else if (strcasecmp(el, "agendaitemtext") == 0)
		take(p, &it->text);
	else if (strcasecmp(el, "agendaitemisexempt") == 0 ||
		 strcasecmp(el, "agendaitemexempt") == 0 ||
		 strcasecmp(el, "isexempt") == 0)
		take(p, &it->exempt);
}

/* Child-element form of an attendee (older versions of the service). */
static void end_attendee_field(struct mg_parse *p, const char *el)
{
	struct mg_attendee *a = p->cur_att;
	if (strcasecmp(el, "name") == 0 || strcasecmp(el, "membername") == 0)
		take(p, &a->name);
	else if (strcasecmp(el, "role") == 0 ||
		 strcasecmp(el, "roledescription") == 0)
		take(p, &a->role);
	else if (strcasecmp(el, "attendance") == 0 ||
		 strcasecmp(el, "attendancetype") == 0)
		take(p, &a->attendance);
}

static void end_meeting_field(struct mg_parse *p, const char *el)
{
	struct mg_meeting *m = p->cur_meet;
	if (strcasecmp(el, "meetingid") == 0)
		take(p, &m->id);
	else if (strcasecmp(el, "meetingdate") == 0)
		take(p, &m->date);
	else if (strcasecmp(el, "meetingtime") == 0)
		take(p, &m->time);
	else if (strcasecmp(el, "location") == 0 ||
		 strcasecmp(el, "venue") == 0 ||
		 strcasecmp(el, "meetinglocation") == 0)
		take(p, &m->venue);
	else if (strcasecmp(el, "committeeid") == 0)
		take(p, &m->committee_id);
	else if (strcasecmp(el, "committeetitle") == 0 ||
		 strcasecmp(el, "committeename") == 0)
		take(p, &m->committee_title);
	else if (strcasecmp(el, "agendaitemcount") == 0) {
		take(p, &m->item_count);
		m->item_count_line = cur_line(p);
	} else if (strcasecmp(el, "attendeecount") == 0) {
		take(p, &m->attendee_count);
		m->attendee_count_line = cur_line(p);
	}
}

static void end_committee_field(struct mg_parse *p, const char *el)
{
	struct mg_committee *c = p->cur_com;
	if (strcasecmp(el, "committeeid") == 0)
		take(p, &c->id);
	else if (strcasecmp(el, "committeetitle") == 0 ||
		 strcasecmp(el, "committeename") == 0)
		take(p, &c->title);
	else if (strcasecmp(el, "committeedeleted") == 0)
		take(p, &c->deleted);
}

static void XMLCALL on_end(void *ud, const XML_Char *el)
{
	struct mg_parse *p = ud;
	p->depth--;
	if (p->cur_att) {
		if (strcasecmp(el, "attendee") == 0)
			p->cur_att = NULL;
		else
			end_attendee_field(p, el);
	} else if (p->cur_item) {
		if (strcasecmp(el, "agendaitem") == 0)
			p->cur_item = NULL;
		else
			end_item_field(p, el);
	} else if (p->cur_meet) {
		if (strcasecmp(el, "meeting") == 0)
			p->cur_meet = NULL;
		else
			end_meeting_field(p, el);
	} else if (!p->cur_com && strcasecmp(el, "committeecount") == 0) {
		take(p, &p->com_count);
		p->com_count_line = cur_line(p);
	} else if (p->cur_com) {
		if (strcasecmp(el, "meetingcount") == 0) {
			take(p, &p->meet_count);
			p->meet_count_line = cur_line(p);
		} else if (strcasecmp(el, "committee") == 0) {
			check_count(p, "meetingcount", p->meet_count,
				    p->meet_count_line, p->meets_here);
			free(p->meet_count);
			p->meet_count = NULL;
			p->cur_com = NULL;
			free(p->outer_com_id);
			free(p->outer_com_title);
			p->outer_com_id = p->outer_com_title = NULL;
		} else if (strcasecmp(el, "meetings") != 0) {
			end_committee_field(p, el);
			/* Meetings listed inside this committee belong to it. */
			if (strcasecmp(el, "committeeid") == 0) {
				free(p->outer_com_id);
				p->outer_com_id = xstrdup(p->cur_com->id);
			} else if (strcasecmp(el, "committeetitle") == 0) {
				free(p->outer_com_title);
				p->outer_com_title = xstrdup(p->cur_com->title);
			}
		}
	}
	sb_reset(&p->text);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct mg_parse *p = ud;
	sb_addn(&p->text, s, (size_t)len);
}

/* A GetMeetings file's <committee> holds meetings: while inside one, a
 * <meeting> must not be mistaken for the end of the committee.  on_start
 * only opens a committee when no meeting is open, and keeps the committee
 * open around its meetings, which is what we need. */

static void parse_file(struct mg_data *d, const struct import_source *src,
		       struct import_report *rep)
{
	struct mg_parse p = {.file = src->name, .rep = rep, .d = d};
	p.xp = XML_ParserCreate("UTF-8");
	XML_SetUserData(p.xp, &p);
	XML_SetElementHandler(p.xp, on_start, on_end);
	XML_SetCharacterDataHandler(p.xp, on_text);
	/* Feed in slices: XML_Parse takes an int length. */
	const char *buf = src->buf;
	size_t left = src->len;
	bool ok = true;
	do {
		int n = left > (1u << 30) ? 1 << 30 : (int)left;
		left -= (size_t)n;
		if (XML_Parse(p.xp, buf, n, left == 0) == XML_STATUS_ERROR) {
			import_report_add(rep, src->name,
					  (int)XML_GetCurrentLineNumber(p.xp),
					  "not well-formed XML: %s (column %lu)",
					  XML_ErrorString(XML_GetErrorCode(p.xp)),
					  (unsigned long)
						  XML_GetCurrentColumnNumber(
							  p.xp) + 1);
			ok = false;
			break;
		}
		buf += n;
	} while (left);
	if (ok)
		check_count(&p, "committeecount", p.com_count, p.com_count_line,
			    p.coms_here);
	if (ok && strcasecmp(p.root, "committees") != 0 &&
	    strcasecmp(p.root, "getcommittees") != 0 &&
	    strcasecmp(p.root, "getmeetings") != 0 &&
	    strcasecmp(p.root, "getmeeting") != 0)
		import_report_add(rep, src->name, 1,
				  "<%s> is not a ModernGov GetCommittees, "
				  "GetMeetings or GetMeeting response",
				  p.root[0] ? p.root : "(empty)");
	XML_ParserFree(p.xp);
	sb_free(&p.text);
	free(p.outer_com_id);
	free(p.outer_com_title);
	free(p.com_count);
	free(p.meet_count);
}

/* ------------------------------------------------------------ decoding */

/* Decode HTML character references (&amp; &lt; &#39; &#x2019; ...) once. */
static char *html_unescape(const char *s)
{
	static const struct {
		const char *name;
		const char *text;
	} ents[] = {
		{"amp", "&"},	 {"lt", "<"},	 {"gt", ">"},
		{"quot", "\""},	 {"apos", "'"},	 {"nbsp", " "},
		{"pound", "£"}, {"rsquo", "’"}, {"lsquo", "‘"},
		{"ndash", "–"}, {"mdash", "—"}, {"hellip", "…"},
	};
	struct strbuf sb = {0};
	while (*s) {
		if (*s != '&') {
			sb_addc(&sb, *s++);
			continue;
		}
		const char *semi = strchr(s, ';');
		bool done = false;
		if (semi && semi - s <= 10) {
			if (s[1] == '#') {
				unsigned long cp =
					(s[2] == 'x' || s[2] == 'X')
						? strtoul(s + 3, NULL, 16)
						: strtoul(s + 2, NULL, 10);
				if (cp > 0 && cp < 0x110000 &&
				    !(cp >= 0xd800 && cp < 0xe000)) {
					char out[4];
					sb_addn(&sb, out,
						utf8_encode((uint32_t)cp, out));
					done = true;
				}
			} else {
				for (size_t i = 0; i < sizeof ents / sizeof *ents;
				     i++) {
					size_t n = strlen(ents[i].name);
					if ((size_t)(semi - s - 1) == n &&
					    strncmp(s + 1, ents[i].name, n) == 0) {
						sb_add(&sb, ents[i].text);
						done = true;
						break;
					}
				}
			}
		}
		if (done) {
			s = semi + 1;
		} else {
			sb_addc(&sb, *s++);
		}
	}
	return sb_detach(&sb);
}

/* Drop HTML tags; block ends (</p>, <br>, </li>) become line breaks. */
static char *strip_tags(const char *s)
{
	struct strbuf sb = {0};
	while (*s) {
		if (*s == '<' && (isalpha((unsigned char)s[1]) || s[1] == '/') &&
		    strchr(s, '>')) {
			const char *end = strchr(s, '>');
			if (strncasecmp(s, "</p", 3) == 0 ||
			    strncasecmp(s, "<br", 3) == 0 ||
			    strncasecmp(s, "</li", 4) == 0 ||
			    strncasecmp(s, "</div", 5) == 0)
				sb_addc(&sb, '\n');
			s = end + 1;
			continue;
		}
		sb_addc(&sb, *s++);
	}
	return sb_detach(&sb);
}

/* Text as ModernGov serves it (escaped twice, perhaps HTML) to plain text:
 * lines trimmed and squeezed, empty lines dropped. */
static char *mg_plain(const char *s)
{
	if (!s)
		return xstrdup("");
	char *a = html_unescape(s);
	char *b = html_unescape(a);
	char *c = strip_tags(b);
	char *d = html_unescape(c); /* entities that were inside the HTML */
	free(a);
	free(b);
	free(c);
	struct strbuf out = {0};
	char *save = NULL;
	for (char *line = strtok_r(d, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		imp_squeeze(line);
		imp_trim(line);
		if (!*line)
			continue;
		if (out.len)
			sb_addc(&out, '\n');
		sb_add(&out, line);
	}
	free(d);
	return sb_detach(&out);
}

/* "True"/"False" (any case, with blanks), "1"/"0"; false if neither. */
static bool mg_bool(const char *s, bool *out)
{
	if (!s || !*s) {
		*out = false;
		return true;
	}
	if (strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0) {
		*out = true;
		return true;
	}
	if (strcasecmp(s, "false") == 0 || strcmp(s, "0") == 0) {
		*out = false;
		return true;
	}
	return false;
}

/* "05/10/2017" or "05/10/2017 00:00:00" (dd/mm/yyyy). */
static bool mg_date(const char *s, int *y, int *m, int *d)
{
	if (!s)
		return false;
	char rest[32] = "";
	int n = sscanf(s, "%2d/%2d/%4d%31s", d, m, y, rest);
	if (n < 3)
		return false;
	char iso[11];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", *y, *m, *d);
	return date_parse(iso, y, m, d);
}

/* A count with leading spaces (" 12"); -1 if not a number. */
static long mg_count(const char *s)
{
	if (!s)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end)
		return -1;
	return v;
}

/* ------------------------------------------------------------- checking */

static const struct mg_committee *committee_by_id(const struct mg_data *d,
						  const char *id)
{
	for (size_t i = 0; id && i < d->ncom; i++)
		if (d->com[i].id && strcmp(d->com[i].id, id) == 0)
			return &d->com[i];
	return NULL;
}

/* The attendance status (stored text) for ModernGov's wording. */
static const char *mg_attendance(const char *s)
{
	if (!s || !*s)
		return "expected";
	if (strcasestr(s, "substitute"))
		return "substitute";
	if (strcasestr(s, "apolog"))
		return "apology";
	if (strcasestr(s, "absent"))
		return "absent";
	if (strcasestr(s, "in attendance") || strcasestr(s, "attending"))
		return "in attendance";
	if (strcasestr(s, "present") || strcasestr(s, "attended") ||
	    strcasestr(s, "virtual"))
		return "present";
	if (strcasestr(s, "expected"))
		return "expected";
	return NULL;
}

static void check_meeting(const struct mg_data *d, const struct mg_meeting *m,
			  struct import_report *rep)
{
	int y, mo, day, h, mi;
	bool ampm;
	const char *f = m->file;
	if (!m->id || !*m->id)
		import_report_add(rep, f, m->line, "a meeting has no meetingid");
	if (!mg_date(m->date, &y, &mo, &day))
		import_report_add(rep, f, m->line,
				  "meeting %s: date \"%s\" is not dd/mm/yyyy",
				  m->id ? m->id : "?", m->date ? m->date : "");
	if (m->time && *m->time && !imp_parse_clock(m->time, &h, &mi, &ampm))
		import_report_add(rep, f, m->line,
				  "meeting %s: time \"%s\" is not a time of "
				  "day like 10.00 am",
				  m->id ? m->id : "?", m->time);
	if (!(m->committee_title && *m->committee_title) &&
	    !committee_by_id(d, m->committee_id))
		import_report_add(rep, f, m->line,
				  "meeting %s: its committee (%s) is not named "
				  "here nor in any GetCommittees file given",
				  m->id ? m->id : "?",
				  m->committee_id ? m->committee_id : "none");
	long c = mg_count(m->item_count);
	if (m->item_count && (c < 0 || (size_t)c != m->nitems))
		import_report_add(rep, f, m->item_count_line,
				  "agendaitemcount says \"%s\" but the "
				  "meeting lists %zu items",
				  m->item_count, m->nitems);
	c = mg_count(m->attendee_count);
	if (m->attendee_count && (c < 0 || (size_t)c != m->natt))
		import_report_add(rep, f, m->attendee_count_line,
				  "attendeecount says \"%s\" but the meeting "
				  "lists %zu attendees",
				  m->attendee_count, m->natt);
	for (size_t i = 0; i < m->nitems; i++) {
		const struct mg_item *it = &m->items[i];
		bool ex;
		if (!it->title || !*it->title)
			import_report_add(rep, f, it->line,
					  "agenda item has no title");
		if (!mg_bool(it->exempt, &ex))
			import_report_add(rep, f, it->line,
					  "exempt flag \"%s\" is neither True "
					  "nor False",
					  it->exempt);
	}
	for (size_t i = 0; i < m->natt; i++) {
		const struct mg_attendee *a = &m->att[i];
		if (!a->name || !*a->name)
			import_report_add(rep, f, a->line, "attendee has no name");
		if (!mg_attendance(a->attendance))
			import_report_add(rep, f, a->line,
					  "attendance \"%s\" is not one clerk "
					  "knows (Present, Apologies, Absent, "
					  "Substitute, In attendance)",
					  a->attendance);
	}
}

static void check_all(const struct mg_data *d, struct import_report *rep)
{
	for (size_t i = 0; i < d->ncom; i++) {
		const struct mg_committee *c = &d->com[i];
		bool del;
		if (!c->title || !*c->title)
			import_report_add(rep, c->file, c->line,
					  "a committee has no committeetitle");
		if (!mg_bool(c->deleted, &del))
			import_report_add(rep, c->file, c->line,
					  "committeedeleted \"%s\" is neither "
					  "True nor False",
					  c->deleted);
	}
	for (size_t i = 0; i < d->nmeet; i++)
		check_meeting(d, &d->meet[i], rep);
}

/* -------------------------------------------------------------- storing */

static enum clerk_status store_attendee(struct db *db, const char *meeting,
					const struct mg_attendee *a,
					struct import_report *rep,
					struct clerk_err *err)
{
	char *plain = mg_plain(a->name);
	char *hon, *name, person[CLERK_UUID_LEN];
	imp_split_honorific(plain, &hon, &name);
	bool created, changed;
	enum clerk_status rc =
		istore_person_ensure(db, hon, name, "", person, &created, err);
	rep->people += created;
	char *role = mg_plain(a->role);
	/* "Substitute for Dr Andrew Whitfield": the member stood in for. */
	char subfor[CLERK_UUID_LEN] = "";
	const char *status = mg_attendance(a->attendance);
	const char *for_name = strcmp(status, "substitute") == 0
				       ? strcasestr(role, "substitute for ")
				       : NULL;
	if (!rc && for_name) {
		char *fh, *fn;
		imp_split_honorific(for_name + strlen("substitute for "), &fh,
				    &fn);
		rc = istore_person_ensure(db, fh, fn, "", subfor, &created, err);
		rep->people += created;
		free(fh);
		free(fn);
	}
	if (!rc)
		rc = istore_attendance_set(db, meeting, person, status, role,
					   subfor[0] ? subfor : NULL, &changed,
					   err);
	if (!rc) {
		rep->attendance += changed;
		rep->unchanged += !changed;
	}
	free(plain);
	free(hon);
	free(name);
	free(role);
	return rc;
}

static enum clerk_status store_item(struct db *db, const char *meeting,
				    const struct mg_item *src,
				    struct import_report *rep,
				    struct clerk_err *err)
{
	struct istore_item it = {0};
	it.number = mg_plain(src->number);
	size_t k = strlen(it.number);
	if (k && it.number[k - 1] == '.')
		it.number[k - 1] = '\0';
	it.title = mg_plain(src->title);
	it.description = mg_plain(src->text);
	it.kind = imp_kind_of_title(it.title);
	mg_bool(src->exempt, &it.exempt);
	const char *para = it.exempt ? strcasestr(it.description, "paragraph ")
				     : NULL;
	if (para) {
		para += strlen("paragraph ");
		it.exempt_paragraph = xstrndup(para, strspn(para, "0123456789"));
	}
	bool changed;
	enum clerk_status rc = istore_item_upsert(db, meeting, &it, &changed,
						  err);
	rep->items += changed;
	rep->unchanged += !changed;
	imp_item_free(&it);
	return rc;
}

static enum clerk_status store_meeting(struct db *db, const char *council,
				       const struct mg_data *d,
				       const struct mg_meeting *m,
				       struct import_report *rep,
				       struct clerk_err *err)
{
	const char *title = m->committee_title;
	if (!title || !*title) {
		/* check_meeting made sure one of the two names it. */
		const struct mg_committee *c = committee_by_id(d, m->committee_id);
		title = c ? c->title : "";
	}
	char *plain_title = mg_plain(title);
	char body[CLERK_UUID_LEN], meeting[CLERK_UUID_LEN], tz[64];
	bool created;
	enum clerk_status rc =
		istore_body_ensure(db, council, plain_title, body, &created, err);
	free(plain_title);
	if (rc)
		return rc;
	rep->bodies += created;
	if ((rc = istore_body_tz(db, body, tz, sizeof tz, err)))
		return rc;
	int y, mo, day, h = 0, mi = 0;
	bool ampm;
	mg_date(m->date, &y, &mo, &day);
	if (m->time && *m->time)
		imp_parse_clock(m->time, &h, &mi, &ampm);
	time_t start = time_from_local(tz, y, mo, day, h, mi);
	char *venue = mg_plain(m->venue);
	rc = istore_meeting_ensure(db, body, start, venue, meeting, &created,
				   err);
	free(venue);
	if (rc)
		return rc;
	rep->meetings += created;
	for (size_t i = 0; i < m->nitems && !rc; i++)
		rc = store_item(db, meeting, &m->items[i], rep, err);
	for (size_t i = 0; i < m->natt && !rc; i++)
		rc = store_attendee(db, meeting, &m->att[i], rep, err);
	return rc;
}

static enum clerk_status store_all(struct db *db, const char *council_name,
				   const struct mg_data *d,
				   struct import_report *rep,
				   struct clerk_err *err)
{
	char council[CLERK_UUID_LEN], body[CLERK_UUID_LEN];
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	if ((rc = istore_council_ensure(db, council_name, council, err)))
		goto fail;
	for (size_t i = 0; i < d->ncom; i++) {
		bool deleted = false, created;
		mg_bool(d->com[i].deleted, &deleted);
		if (deleted)
			continue;
		char *title = mg_plain(d->com[i].title);
		rc = istore_body_ensure(db, council, title, body, &created, err);
		free(title);
		if (rc)
			goto fail;
		rep->bodies += created;
		rep->unchanged += !created;
	}
	for (size_t i = 0; i < d->nmeet; i++)
		if ((rc = store_meeting(db, council, d, &d->meet[i], rep, err)))
			goto fail;
	if ((rc = db_commit(db, err)))
		goto fail;
	return CLERK_OK;
fail:
	db_rollback(db);
	return rc;
}

static void free_meeting(struct mg_meeting *m)
{
	free(m->id);
	free(m->committee_id);
	free(m->committee_title);
	free(m->date);
	free(m->time);
	free(m->venue);
	free(m->item_count);
	free(m->attendee_count);
	for (size_t j = 0; j < m->nitems; j++) {
		free(m->items[j].number);
		free(m->items[j].title);
		free(m->items[j].text);
		free(m->items[j].exempt);
	}
	free(m->items);
	for (size_t j = 0; j < m->natt; j++) {
		free(m->att[j].name);
		free(m->att[j].role);
		free(m->att[j].attendance);
	}
	free(m->att);
	memset(m, 0, sizeof *m);
}

static void free_data(struct mg_data *d)
{
	for (size_t i = 0; i < d->ncom; i++) {
		free(d->com[i].id);
		free(d->com[i].title);
		free(d->com[i].deleted);
	}
	free(d->com);
	for (size_t i = 0; i < d->nmeet; i++)
		free_meeting(&d->meet[i]);
	free(d->meet);
}

/* GetMeetings and GetMeeting may both describe one meeting: keep the
 * fuller record (the one with items or attendees) and drop the other. */
static void merge_duplicates(struct mg_data *d)
{
	for (size_t i = 0; i < d->nmeet; i++) {
		for (size_t j = i + 1; j < d->nmeet;) {
			struct mg_meeting *a = &d->meet[i], *b = &d->meet[j];
			if (!a->id || !b->id || strcmp(a->id, b->id) != 0) {
				j++;
				continue;
			}
			if (b->nitems + b->natt > a->nitems + a->natt) {
				struct mg_meeting t = *a;
				*a = *b;
				*b = t;
			}
			if (!a->venue && b->venue) {
				a->venue = b->venue;
				b->venue = NULL;
			}
			free_meeting(b);
			*b = d->meet[--d->nmeet];
		}
	}
}

enum clerk_status import_moderngov(struct db *db, const char *council,
				   const struct import_source *src, size_t nsrc,
				   struct import_report *rep,
				   struct clerk_err *err)
{
	struct mg_data d = {0};
	size_t before = rep->n;
	for (size_t i = 0; i < nsrc; i++)
		parse_file(&d, &src[i], rep);
	if (rep->n == before)
		check_all(&d, rep);
	enum clerk_status rc;
	if (rep->n > before) {
		rc = clerk_fail(err, CLERK_INVALID,
				"%zu problem%s found; nothing was imported",
				rep->n - before,
				rep->n - before == 1 ? "" : "s");
	} else {
		merge_duplicates(&d);
		rc = store_all(db, council, &d, rep, err);
	}
	free_data(&d);
	return rc;
}
