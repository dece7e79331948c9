/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/moderngov: responses saved from a ModernGov web service
 * (mgWebService.asmx) into bodies, meetings, agenda items, people,
 * attendance and councillors' terms of office.
 *
 * Four responses are understood, recognised by their root element, laid out
 * as real servers answer (tests/import/mg-*.xml mirror them):
 *
 *   <committees>   GetCommittees: <committeescount> 3</committeescount>,
 *                  <committee> with <committeeid>, <committeetitle>,
 *                  <committeedeleted> and <committeeexpired> True|False;
 *   <getmeetings>  GetMeetings: <meetingscount>, <committeescount>, and per
 *                  <committee> its <committeemeetingcount> and
 *                  <committeemeetings><meeting> with <meetingid>,
 *                  <meetingdate>13/01/2026</meetingdate>,
 *                  <meetingstatus>Cancelled</meetingstatus>, <meetingtime>;
 *   <meeting>      GetMeeting: one meeting and NO committee (that comes from
 *                  the GetMeetings file that lists it, given in the same
 *                  command or imported before), <meetinglocation>,
 *                  <agendaitems><agendaitem> with <agendaitemtitle>,
 *                  <agendatext> (Word's HTML, escaped), the internal
 *                  <agendaitemnumber> beside the published
 *                  <fulldisplaynumberformat>1.</fulldisplaynumberformat>,
 *                  <isrestricted>, <linkeddocuments> (skipped), and
 *                  <attendees><attendee membertype=".." name=".."
 *                  roledescription=".." attendance=".." politicalparty=".."
 *                  ward=".."/>;
 *   <councillorsbyward>  GetCouncillorsByWard: <ward><wardtitle>, per
 *                  councillor <fullusername>, <politicalpartytitle>,
 *                  <keyposts>, <termsofoffice><termofoffice> <startdate>,
 *                  <enddate> (a date or "unspecified").
 *
 * The older forms (<getmeeting> around the meeting, <agendaitemtext>,
 * <committeecount>, <meetingcount>) are still read.  The service's quirks:
 * dates dd/mm/yyyy (sometimes with a time after them), times "10.00 am",
 * booleans "True"/"False", counts with leading spaces (checked against what
 * the file holds), empty elements holding only a line break, entities
 * escaped twice (&amp;amp;).  XML is parsed with expat, agenda text's HTML
 * with gumbo (html_text.c); a malformed file is reported with its line and
 * nothing is imported.  Records are linked to their ModernGov ids
 * (import_link), so importing again updates them: a meeting cancelled
 * since is cancelled, a committee expired since is ended.
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
	char *number, *display_number, *title, *text, *exempt, *restricted;
};

struct mg_attendee {
	int line;
	char *name, *role, *attendance, *member_type, *party, *ward;
};

struct mg_committee {
	int line;
	const char *file;
	char *id, *title, *deleted, *expired;
};

struct mg_meeting {
	int line;
	const char *file;
	char *id, *committee_id, *committee_title, *date, *time, *venue, *status;
	char *item_count, *attendee_count;
	int item_count_line, attendee_count_line;
	bool detailed; /* from a GetMeeting: its items and attendees are all */
	struct mg_item *items;
	size_t nitems;
	struct mg_attendee *att;
	size_t natt;
};

struct mg_term {
	char *start, *end;
};

struct mg_councillor {
	int line;
	const char *file;
	char *id, *name, *party, *keyposts, *ward;
	struct mg_term *terms;
	size_t nterms;
};

/* Everything read from all files. */
struct mg_data {
	struct mg_committee *com;
	size_t ncom;
	struct mg_meeting *meet;
	size_t nmeet;
	struct mg_councillor *cllr;
	size_t ncllr;
};

/* The parser's state while reading one file. */
struct mg_parse {
	XML_Parser xp;
	const char *file;
	struct import_report *rep;
	struct mg_data *d;
	int depth;
	int skip; /* depth inside an element whose content is not read */
	char root[32];
	struct strbuf text;
	struct mg_committee *cur_com;
	struct mg_meeting *cur_meet;
	struct mg_item *cur_item;
	struct mg_attendee *cur_att;
	struct mg_councillor *cur_cllr;
	struct mg_term *cur_term;
	/* Committee of the <committee> a GetMeetings <meeting> sits in. */
	char *outer_com_id, *outer_com_title;
	char *ward; /* <wardtitle> of the ward being read */
	/* Counts (" 3"), checked against what follows. */
	char *com_count, *meet_count, *all_meet_count, *cllr_count;
	int com_count_line, meet_count_line, all_meet_count_line,
		cllr_count_line;
	size_t coms_here, meets_here, all_meets_here, cllrs_here;
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

/* Take a count element's text and line. */
static void take_count(struct mg_parse *p, char **field, int *line)
{
	take(p, field);
	*line = cur_line(p);
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

static bool is(const char *el, const char *name)
{
	return strcasecmp(el, name) == 0;
}

static void start_meeting(struct mg_parse *p)
{
	struct mg_data *d = p->d;
	d->meet = xrealloc(d->meet, (d->nmeet + 1) * sizeof *d->meet);
	p->cur_meet = &d->meet[d->nmeet++];
	memset(p->cur_meet, 0, sizeof *p->cur_meet);
	p->cur_meet->line = cur_line(p);
	p->cur_meet->file = p->file;
	/* A GetMeeting (the meeting is the root, or in <getmeeting>) lists
	 * the whole agenda; a GetMeetings meeting only its date. */
	p->cur_meet->detailed = p->depth <= 2 && !p->cur_com;
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
	p->cur_att->role = attr_dup(atts, "roledescription", "role");
	p->cur_att->attendance = attr_dup(atts, "attendance", "attendancetype");
	p->cur_att->member_type = attr_dup(atts, "membertype", NULL);
	p->cur_att->party = attr_dup(atts, "politicalparty", NULL);
	p->cur_att->ward = attr_dup(atts, "ward", NULL);
}

static void start_councillor(struct mg_parse *p)
{
	struct mg_data *d = p->d;
	d->cllr = xrealloc(d->cllr, (d->ncllr + 1) * sizeof *d->cllr);
	p->cur_cllr = &d->cllr[d->ncllr++];
	memset(p->cur_cllr, 0, sizeof *p->cur_cllr);
	p->cur_cllr->line = cur_line(p);
	p->cur_cllr->file = p->file;
	p->cur_cllr->ward = xstrdup(p->ward ? p->ward : "");
	p->cllrs_here++;
}

static void start_term(struct mg_parse *p)
{
	struct mg_councillor *c = p->cur_cllr;
	c->terms = xrealloc(c->terms, (c->nterms + 1) * sizeof *c->terms);
	p->cur_term = &c->terms[c->nterms++];
	memset(p->cur_term, 0, sizeof *p->cur_term);
}

static void XMLCALL on_start(void *ud, const XML_Char *el,
			     const XML_Char **atts)
{
	struct mg_parse *p = ud;
	if (p->depth++ == 0)
		snprintf(p->root, sizeof p->root, "%s", el);
	sb_reset(&p->text);
	if (p->skip) {
		p->skip++;
		return;
	}
	if (is(el, "linkeddocuments") || is(el, "workaddress") ||
	    is(el, "homeaddress") || is(el, "surgerydetails")) {
		p->skip = 1; /* their <title>, <isrestricted>, <meetingdate>
				are not the item's or the meeting's */
	} else if (is(el, "committee") && !p->cur_meet) {
		struct mg_data *d = p->d;
		d->com = xrealloc(d->com, (d->ncom + 1) * sizeof *d->com);
		p->cur_com = &d->com[d->ncom++];
		memset(p->cur_com, 0, sizeof *p->cur_com);
		p->coms_here++;
		p->meets_here = 0;
		p->cur_com->line = cur_line(p);
		p->cur_com->file = p->file;
	} else if (is(el, "meeting") && !p->cur_meet) {
		start_meeting(p);
		p->meets_here++;
		p->all_meets_here++;
	} else if (is(el, "agendaitem") && p->cur_meet) {
		struct mg_meeting *m = p->cur_meet;
		m->items = xrealloc(m->items, (m->nitems + 1) * sizeof *m->items);
		p->cur_item = &m->items[m->nitems++];
		memset(p->cur_item, 0, sizeof *p->cur_item);
		p->cur_item->line = cur_line(p);
	} else if (is(el, "attendee") && p->cur_meet) {
		start_attendee(p, atts);
	} else if (is(el, "ward")) {
		free(p->ward);
		p->ward = NULL;
		p->cllrs_here = 0;
		free(p->cllr_count);
		p->cllr_count = NULL;
	} else if (is(el, "councillor")) {
		start_councillor(p);
	} else if (is(el, "termofoffice") && p->cur_cllr) {
		start_term(p);
	}
}

/* Elements inside an <agendaitem>. */
static void end_item_field(struct mg_parse *p, const char *el)
{
	struct mg_item *it = p->cur_item;
	if (is(el, "agendaitemnumber"))
		take(p, &it->number);
	else if (is(el, "fulldisplaynumberformat"))
		take(p, &it->display_number);
	else if (is(el, "agendaitemtitle"))
		take(p, &it->title);
	else if (is(el, "agendatext") || is(el, "agendaitemtext"))
		take(p, &it->text);
	else if (is(el, "isrestricted"))
		take(p, &it->restricted);
	else if (is(el, "agendaitemisexempt") || is(el, "agendaitemexempt") ||
		 is(el, "isexempt"))
		take(p, &it->exempt);
}

/* Child-element form of an attendee (older versions of the service). */
static void end_attendee_field(struct mg_parse *p, const char *el)
{
	struct mg_attendee *a = p->cur_att;
	if (is(el, "name") || is(el, "membername"))
		take(p, &a->name);
	else if (is(el, "role") || is(el, "roledescription"))
		take(p, &a->role);
	else if (is(el, "attendance") || is(el, "attendancetype"))
		take(p, &a->attendance);
}

static void end_meeting_field(struct mg_parse *p, const char *el)
{
	struct mg_meeting *m = p->cur_meet;
	if (is(el, "meetingid"))
		take(p, &m->id);
	else if (is(el, "meetingdate"))
		take(p, &m->date);
	else if (is(el, "meetingtime"))
		take(p, &m->time);
	else if (is(el, "meetingstatus"))
		take(p, &m->status);
	else if (is(el, "location") || is(el, "venue") ||
		 is(el, "meetinglocation"))
		take(p, &m->venue);
	else if (is(el, "committeeid"))
		take(p, &m->committee_id);
	else if (is(el, "committeetitle") || is(el, "committeename"))
		take(p, &m->committee_title);
	else if (is(el, "agendaitemcount"))
		take_count(p, &m->item_count, &m->item_count_line);
	else if (is(el, "attendeecount"))
		take_count(p, &m->attendee_count, &m->attendee_count_line);
}

static void end_committee_field(struct mg_parse *p, const char *el)
{
	struct mg_committee *c = p->cur_com;
	if (is(el, "committeeid")) {
		take(p, &c->id);
		free(p->outer_com_id);
		p->outer_com_id = xstrdup(c->id);
	} else if (is(el, "committeetitle") || is(el, "committeename")) {
		take(p, &c->title);
		free(p->outer_com_title);
		p->outer_com_title = xstrdup(c->title);
	} else if (is(el, "committeedeleted")) {
		take(p, &c->deleted);
	} else if (is(el, "committeeexpired")) {
		take(p, &c->expired);
	} else if (is(el, "committeemeetingcount") || is(el, "meetingcount")) {
		take_count(p, &p->meet_count, &p->meet_count_line);
	}
}

static void end_committee(struct mg_parse *p)
{
	check_count(p, "committeemeetingcount", p->meet_count,
		    p->meet_count_line, p->meets_here);
	free(p->meet_count);
	p->meet_count = NULL;
	p->cur_com = NULL;
	free(p->outer_com_id);
	free(p->outer_com_title);
	p->outer_com_id = p->outer_com_title = NULL;
}

static void end_councillor_field(struct mg_parse *p, const char *el)
{
	struct mg_councillor *c = p->cur_cllr;
	if (p->cur_term) {
		if (is(el, "termofoffice"))
			p->cur_term = NULL;
		else if (is(el, "startdate"))
			take(p, &p->cur_term->start);
		else if (is(el, "enddate"))
			take(p, &p->cur_term->end);
	} else if (is(el, "councillor")) {
		p->cur_cllr = NULL;
	} else if (is(el, "councillorid")) {
		take(p, &c->id);
	} else if (is(el, "fullusername")) {
		take(p, &c->name);
	} else if (is(el, "politicalpartytitle")) {
		take(p, &c->party);
	} else if (is(el, "keyposts")) {
		take(p, &c->keyposts);
	}
}

/* Elements outside any record: counts, ward titles. */
static void end_outer_field(struct mg_parse *p, const char *el)
{
	if (is(el, "committeescount") || is(el, "committeecount"))
		take_count(p, &p->com_count, &p->com_count_line);
	else if (is(el, "meetingscount"))
		take_count(p, &p->all_meet_count, &p->all_meet_count_line);
	else if (is(el, "wardtitle"))
		take(p, &p->ward);
	else if (is(el, "councillorcount"))
		take_count(p, &p->cllr_count, &p->cllr_count_line);
	else if (is(el, "ward"))
		check_count(p, "councillorcount", p->cllr_count,
			    p->cllr_count_line, p->cllrs_here);
}

static void XMLCALL on_end(void *ud, const XML_Char *el)
{
	struct mg_parse *p = ud;
	p->depth--;
	if (p->skip) {
		p->skip--;
	} else if (p->cur_att) {
		if (is(el, "attendee"))
			p->cur_att = NULL;
		else
			end_attendee_field(p, el);
	} else if (p->cur_item) {
		if (is(el, "agendaitem"))
			p->cur_item = NULL;
		else
			end_item_field(p, el);
	} else if (p->cur_meet) {
		if (is(el, "meeting"))
			p->cur_meet = NULL;
		else
			end_meeting_field(p, el);
	} else if (p->cur_cllr) {
		end_councillor_field(p, el);
	} else if (p->cur_com) {
		if (is(el, "committee"))
			end_committee(p);
		else
			end_committee_field(p, el);
	} else {
		end_outer_field(p, el);
	}
	sb_reset(&p->text);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct mg_parse *p = ud;
	if (!p->skip)
		sb_addn(&p->text, s, (size_t)len);
}

static bool known_root(const char *root)
{
	static const char *const roots[] = {
		"committees", "getcommittees", "getmeetings",
		"meeting",    "getmeeting",    "councillorsbyward",
	};
	for (size_t i = 0; i < sizeof roots / sizeof *roots; i++)
		if (is(root, roots[i]))
			return true;
	return false;
}

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
	if (ok) {
		check_count(&p, "committeescount", p.com_count, p.com_count_line,
			    p.coms_here);
		check_count(&p, "meetingscount", p.all_meet_count,
			    p.all_meet_count_line, p.all_meets_here);
	}
	if (ok && !known_root(p.root))
		import_report_add(rep, src->name, 1,
				  "<%s> is not a ModernGov GetCommittees, "
				  "GetMeetings, GetMeeting or "
				  "GetCouncillorsByWard response",
				  p.root[0] ? p.root : "(empty)");
	XML_ParserFree(p.xp);
	sb_free(&p.text);
	free(p.outer_com_id);
	free(p.outer_com_title);
	free(p.ward);
	free(p.com_count);
	free(p.meet_count);
	free(p.all_meet_count);
	free(p.cllr_count);
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

/* Plain text of a title or name: entities the service escaped twice
 * ("&amp;amp;" reaches us as "&amp;") decoded, blanks squeezed. */
static char *mg_plain(const char *s)
{
	if (!s)
		return xstrdup("");
	char *t = html_unescape(s);
	imp_squeeze(t);
	imp_trim(t);
	return t;
}

/* Agenda text (Word's HTML, escaped once by the XML; older servers escape
 * it twice, so that "&lt;p&gt;" is what remains) as plain paragraphs. */
static enum clerk_status mg_agenda_text(const char *s, char **out,
					struct clerk_err *err)
{
	*out = NULL;
	if (!s || !*s) {
		*out = xstrdup("");
		return CLERK_OK;
	}
	char *html = !strchr(s, '<') && strstr(s, "&lt;") ? html_unescape(s)
							   : xstrdup(s);
	*out = imp_html_to_text(html, err);
	free(html);
	return *out ? CLERK_OK : err->status;
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
		if (d->com[i].id && d->com[i].title && *d->com[i].title &&
		    strcmp(d->com[i].id, id) == 0)
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

static bool mg_cancelled(const struct mg_meeting *m)
{
	return m->status && strcasestr(m->status, "cancel");
}

/* "02/05/2002" to "2002-05-02" in iso; false when not a date. */
static bool mg_iso_date(const char *s, char iso[11])
{
	int y, mo, d;
	if (!mg_date(s, &y, &mo, &d))
		return false;
	snprintf(iso, 11, "%04d-%02d-%02d", y, mo, d);
	return true;
}

static void check_items(const struct mg_meeting *m, struct import_report *rep)
{
	for (size_t i = 0; i < m->nitems; i++) {
		const struct mg_item *it = &m->items[i];
		bool flag;
		if (!it->title || !*it->title)
			import_report_add(rep, m->file, it->line,
					  "agenda item has no title");
		if (!mg_bool(it->exempt, &flag))
			import_report_add(rep, m->file, it->line,
					  "exempt flag \"%s\" is neither True "
					  "nor False",
					  it->exempt);
		if (!mg_bool(it->restricted, &flag))
			import_report_add(rep, m->file, it->line,
					  "isrestricted \"%s\" is neither True "
					  "nor False",
					  it->restricted);
	}
}

static void check_meeting(const struct mg_meeting *m,
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
	check_items(m, rep);
	for (size_t i = 0; i < m->natt; i++) {
		const struct mg_attendee *a = &m->att[i];
		if (!a->name || !*a->name)
			import_report_add(rep, f, a->line, "attendee has no name");
		if (!mg_attendance(a->attendance))
			import_report_add(rep, f, a->line,
					  "attendance \"%s\" is not one clerk "
					  "knows (Present, Apologies, Absent, "
					  "Substitute, In attendance, Expected)",
					  a->attendance);
	}
}

static void check_councillor(const struct mg_councillor *c,
			     struct import_report *rep)
{
	char iso[11];
	if (!c->name || !*c->name)
		import_report_add(rep, c->file, c->line,
				  "a councillor has no fullusername");
	for (size_t i = 0; i < c->nterms; i++) {
		const struct mg_term *t = &c->terms[i];
		if (!mg_iso_date(t->start, iso))
			import_report_add(rep, c->file, c->line,
					  "%s: term of office starting \"%s\": "
					  "not a date dd/mm/yyyy",
					  c->name ? c->name : "?",
					  t->start ? t->start : "");
		if (t->end && *t->end && strcasecmp(t->end, "unspecified") &&
		    !mg_iso_date(t->end, iso))
			import_report_add(rep, c->file, c->line,
					  "%s: term of office ending \"%s\": "
					  "not a date dd/mm/yyyy",
					  c->name ? c->name : "?", t->end);
	}
}

static void check_all(const struct mg_data *d, struct import_report *rep)
{
	for (size_t i = 0; i < d->ncom; i++) {
		const struct mg_committee *c = &d->com[i];
		bool flag;
		if (!c->title || !*c->title)
			import_report_add(rep, c->file, c->line,
					  "a committee has no committeetitle");
		if (!mg_bool(c->deleted, &flag))
			import_report_add(rep, c->file, c->line,
					  "committeedeleted \"%s\" is neither "
					  "True nor False",
					  c->deleted);
		if (!mg_bool(c->expired, &flag))
			import_report_add(rep, c->file, c->line,
					  "committeeexpired \"%s\" is neither "
					  "True nor False",
					  c->expired);
	}
	for (size_t i = 0; i < d->nmeet; i++)
		check_meeting(&d->meet[i], rep);
	for (size_t i = 0; i < d->ncllr; i++)
		check_councillor(&d->cllr[i], rep);
}

/* -------------------------------------------------------------- storing */

struct mg_store {
	struct db *db;
	const struct mg_data *d;
	struct import_report *rep;
	char council[CLERK_UUID_LEN];
};

static const char SOURCE[] = "moderngov";

/* A person named as the service writes them ("Councillor Liz Fairhurst"). */
static enum clerk_status person_named(struct mg_store *s, const char *full,
				      char id[CLERK_UUID_LEN],
				      struct clerk_err *err)
{
	char *plain = mg_plain(full);
	char *hon, *name;
	imp_split_honorific(plain, &hon, &name);
	bool created;
	enum clerk_status rc =
		istore_person_ensure(s->db, hon, name, "", id, &created, err);
	s->rep->people += created;
	free(plain);
	free(hon);
	free(name);
	return rc;
}

static enum clerk_status store_attendee(struct mg_store *s,
					const char *meeting, bool held,
					const struct mg_attendee *a,
					struct clerk_err *err)
{
	char person[CLERK_UUID_LEN];
	enum clerk_status rc = person_named(s, a->name, person, err);
	char *party = a->party ? mg_plain(a->party) : NULL;
	char *ward = a->ward ? mg_plain(a->ward) : NULL;
	bool changed = false;
	if (!rc && (party || ward))
		rc = istore_person_details(s->db, person, party, ward, NULL,
					   &changed, err);
	free(party);
	free(ward);
	const char *status = mg_attendance(a->attendance);
	/* Attendance is a record of a meeting held: "Expected" (the agenda's
	 * list of members) and a cancelled meeting record none. */
	if (rc || !held || strcmp(status, "expected") == 0)
		return rc;
	char *role = mg_plain(a->role);
	/* "Substitute for Dr Andrew Whitfield": the member stood in for. */
	char subfor[CLERK_UUID_LEN] = "";
	const char *for_name = strcmp(status, "substitute") == 0
				       ? strcasestr(role, "substitute for ")
				       : NULL;
	if (for_name)
		rc = person_named(s, for_name + strlen("substitute for "),
				  subfor, err);
	if (!rc)
		rc = istore_attendance_set(s->db, meeting, person, status, role,
					   subfor[0] ? subfor : NULL, &changed,
					   err);
	if (!rc) {
		s->rep->attendance += changed;
		s->rep->unchanged += !changed;
	}
	free(role);
	return rc;
}

/* The published number ("9." of <fulldisplaynumberformat>), else the
 * internal <agendaitemnumber>, without its full stop. */
static char *item_number(const struct mg_item *src)
{
	char *n = mg_plain(src->display_number && *src->display_number
				   ? src->display_number
				   : src->number);
	size_t k = strlen(n);
	if (k && n[k - 1] == '.')
		n[k - 1] = '\0';
	return n;
}

static enum clerk_status store_item(struct mg_store *s, const char *meeting,
				    const struct mg_item *src,
				    struct clerk_err *err)
{
	struct istore_item it = {0};
	it.number = item_number(src);
	it.title = mg_plain(src->title);
	enum clerk_status rc = mg_agenda_text(src->text, &it.description, err);
	if (rc) {
		imp_item_free(&it);
		return rc;
	}
	it.kind = imp_kind_of_title(it.title);
	bool exempt = false, restricted = false;
	mg_bool(src->exempt, &exempt);
	mg_bool(src->restricted, &restricted);
	it.exempt = exempt || restricted;
	const char *para = it.exempt ? strcasestr(it.description, "paragraph ")
				     : NULL;
	if (para) {
		para += strlen("paragraph ");
		it.exempt_paragraph = xstrndup(para, strspn(para, "0123456789"));
	}
	bool changed;
	rc = istore_item_upsert(s->db, meeting, &it, &changed, err);
	s->rep->items += changed;
	s->rep->unchanged += !changed;
	imp_item_free(&it);
	return rc;
}

/* The committee a meeting belongs to: named in its own record, or by id
 * in a GetCommittees or GetMeetings file given. */
static const char *committee_title(const struct mg_data *d,
				   const struct mg_meeting *m)
{
	if (m->committee_title && *m->committee_title)
		return m->committee_title;
	const struct mg_committee *c = committee_by_id(d, m->committee_id);
	return c ? c->title : NULL;
}

/* The clerk meeting a ModernGov meeting is: the one imported before under
 * its id, else the body's meeting at that start (created when missing). */
static enum clerk_status find_meeting(struct mg_store *s,
				      const struct mg_meeting *m,
				      char meeting[CLERK_UUID_LEN],
				      struct clerk_err *err)
{
	enum clerk_status rc = istore_link_get(s->db, s->council, SOURCE,
					       "meeting", m->id, meeting, err);
	const char *title = committee_title(s->d, m);
	if (rc || meeting[0])
		return rc;
	if (!title) {
		import_report_add(s->rep, m->file, m->line,
				  "meeting %s: its committee is not known: give "
				  "the GetMeetings file that lists it in the "
				  "same command, or import that file first",
				  m->id);
		return clerk_fail(err, CLERK_INVALID,
				  "1 problem found; nothing was imported");
	}
	char body[CLERK_UUID_LEN], tz[64];
	bool created;
	char *plain = mg_plain(title);
	rc = istore_body_ensure(s->db, s->council, plain, body, &created, err);
	free(plain);
	if (rc)
		return rc;
	s->rep->bodies += created;
	if (m->committee_id && *m->committee_id &&
	    (rc = istore_link_set(s->db, s->council, SOURCE, "committee",
				  m->committee_id, body, err)))
		return rc;
	if ((rc = istore_body_tz(s->db, body, tz, sizeof tz, err)))
		return rc;
	int y, mo, day, h = 0, mi = 0;
	bool ampm;
	mg_date(m->date, &y, &mo, &day);
	if (m->time && *m->time)
		imp_parse_clock(m->time, &h, &mi, &ampm);
	time_t start = time_from_local(tz, y, mo, day, h, mi);
	char *venue = mg_plain(m->venue);
	rc = istore_meeting_ensure(s->db, body, start, venue, meeting, &created,
				   err);
	free(venue);
	if (rc)
		return rc;
	s->rep->meetings += created;
	return istore_link_set(s->db, s->council, SOURCE, "meeting", m->id,
			       meeting, err);
}

static enum clerk_status store_meeting(struct mg_store *s,
				       const struct mg_meeting *m,
				       struct clerk_err *err)
{
	char meeting[CLERK_UUID_LEN];
	enum clerk_status rc = find_meeting(s, m, meeting, err);
	if (rc)
		return rc;
	bool changed = false;
	if (m->status && (rc = istore_meeting_status(s->db, meeting,
						     mg_cancelled(m), &changed,
						     err)))
		return rc;
	s->rep->statuses += changed;
	int y, mo, day;
	mg_date(m->date, &y, &mo, &day);
	char iso[32], today[32];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, mo, day);
	struct tm now;
	time_to_local(clock_now(), CLERK_DEFAULT_TZ, &now);
	snprintf(today, sizeof today, "%04d-%02d-%02d", now.tm_year + 1900,
		 now.tm_mon + 1, now.tm_mday);
	bool held = !mg_cancelled(m) && strcmp(iso, today) <= 0;
	for (size_t i = 0; i < m->nitems && !rc; i++)
		rc = store_item(s, meeting, &m->items[i], err);
	for (size_t i = 0; i < m->natt && !rc; i++)
		rc = store_attendee(s, meeting, held, &m->att[i], err);
	return rc;
}

static enum clerk_status store_committee(struct mg_store *s,
					 const struct mg_committee *c,
					 struct clerk_err *err)
{
	bool deleted = false, expired = false, created = false, changed;
	mg_bool(c->deleted, &deleted);
	mg_bool(c->expired, &expired);
	char body[CLERK_UUID_LEN];
	enum clerk_status rc = CLERK_OK;
	if (c->id && *c->id)
		rc = istore_link_get(s->db, s->council, SOURCE, "committee",
				     c->id, body, err);
	else
		body[0] = '\0';
	if (!rc && !body[0]) {
		char *title = mg_plain(c->title);
		rc = istore_body_ensure(s->db, s->council, title, body,
					&created, err);
		free(title);
		s->rep->bodies += created;
		if (!rc && c->id && *c->id)
			rc = istore_link_set(s->db, s->council, SOURCE,
					     "committee", c->id, body, err);
	}
	/* A committee listed by GetMeetings says nothing of its state. */
	if (!rc && (c->deleted || c->expired))
		rc = istore_body_end(s->db, body, deleted || expired,
				     deleted ? "deleted in ModernGov"
					     : "expired in ModernGov",
				     &changed, err);
	else
		changed = false;
	if (!rc) {
		s->rep->ended += changed && (deleted || expired);
		s->rep->unchanged += !changed && !created;
	}
	return rc;
}

/* ModernGov ends a term on the day the next one begins (election day);
 * clerk's last day is inclusive, so a term that reaches the start of the
 * councillor's next term ends the day before it. */
static void term_end_before_next(const struct mg_councillor *c,
				 const char *from,
				 char to[11])
{
	char next[11] = "";
	for (size_t j = 0; j < c->nterms; j++) {
		char start[11];
		mg_iso_date(c->terms[j].start, start);
		if (strcmp(start, from) > 0 && (!next[0] || strcmp(start, next) < 0))
			memcpy(next, start, sizeof next);
	}
	if (!next[0] || (to[0] && strcmp(to, next) < 0))
		return;
	struct tm tm = {0};
	if (sscanf(next, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_mday -= 1;
	tm.tm_hour = 12;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	strftime(to, 11, "%Y-%m-%d", &tm);
}

/* A councillor: the person with party, ward and key posts, and each term
 * of office as membership of the council's "Council" body in a seat of
 * their ward. */
static enum clerk_status store_councillor(struct mg_store *s,
					  const char *council_body,
					  const struct mg_councillor *c,
					  struct clerk_err *err)
{
	char person[CLERK_UUID_LEN] = "", seat[CLERK_UUID_LEN];
	enum clerk_status rc = CLERK_OK;
	if (c->id && *c->id)
		rc = istore_link_get(s->db, s->council, SOURCE, "councillor",
				     c->id, person, err);
	if (!rc && !person[0])
		rc = person_named(s, c->name, person, err);
	if (!rc && c->id && *c->id)
		rc = istore_link_set(s->db, s->council, SOURCE, "councillor",
				     c->id, person, err);
	char *party = mg_plain(c->party), *ward = mg_plain(c->ward);
	char *posts = mg_plain(c->keyposts);
	bool changed = false, created = false;
	if (!rc)
		rc = istore_person_details(s->db, person, party, ward,
					   *posts ? posts : NULL, &changed,
					   err);
	s->rep->unchanged += !rc && !changed;
	if (!rc && c->nterms)
		rc = istore_ward_seat(s->db, council_body,
				      *ward ? ward : "(no ward)", person, seat,
				      &created, err);
	s->rep->seats += created;
	for (size_t i = 0; !rc && i < c->nterms; i++) {
		char from[11], to[11] = "";
		mg_iso_date(c->terms[i].start, from);
		if (c->terms[i].end && strcasecmp(c->terms[i].end, "unspecified"))
			mg_iso_date(c->terms[i].end, to);
		term_end_before_next(c, from, to);
		rc = istore_term_set(s->db, seat, person, party, from, to,
				     &changed, err);
		s->rep->memberships += !rc && changed;
	}
	free(party);
	free(ward);
	free(posts);
	return rc;
}

static enum clerk_status store_councillors(struct mg_store *s,
					   struct clerk_err *err)
{
	if (!s->d->ncllr)
		return CLERK_OK;
	char body[CLERK_UUID_LEN];
	bool created;
	enum clerk_status rc =
		istore_body_ensure(s->db, s->council, "Council", body, &created,
				   err);
	s->rep->bodies += created;
	for (size_t i = 0; !rc && i < s->d->ncllr; i++)
		rc = store_councillor(s, body, &s->d->cllr[i], err);
	return rc;
}

static enum clerk_status store_all(struct db *db, const char *council_name,
				   const struct mg_data *d,
				   struct import_report *rep,
				   struct clerk_err *err)
{
	struct mg_store s = {.db = db, .d = d, .rep = rep};
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	if ((rc = istore_council_ensure(db, council_name, s.council, err)))
		goto fail;
	for (size_t i = 0; i < d->ncom; i++)
		if ((rc = store_committee(&s, &d->com[i], err)))
			goto fail;
	for (size_t i = 0; i < d->nmeet; i++)
		if ((rc = store_meeting(&s, &d->meet[i], err)))
			goto fail;
	if ((rc = store_councillors(&s, err)))
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
	free(m->status);
	free(m->item_count);
	free(m->attendee_count);
	for (size_t j = 0; j < m->nitems; j++) {
		free(m->items[j].number);
		free(m->items[j].display_number);
		free(m->items[j].title);
		free(m->items[j].text);
		free(m->items[j].exempt);
		free(m->items[j].restricted);
	}
	free(m->items);
	for (size_t j = 0; j < m->natt; j++) {
		free(m->att[j].name);
		free(m->att[j].role);
		free(m->att[j].attendance);
		free(m->att[j].member_type);
		free(m->att[j].party);
		free(m->att[j].ward);
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
		free(d->com[i].expired);
	}
	free(d->com);
	for (size_t i = 0; i < d->nmeet; i++)
		free_meeting(&d->meet[i]);
	free(d->meet);
	for (size_t i = 0; i < d->ncllr; i++) {
		struct mg_councillor *c = &d->cllr[i];
		free(c->id);
		free(c->name);
		free(c->party);
		free(c->keyposts);
		free(c->ward);
		for (size_t j = 0; j < c->nterms; j++) {
			free(c->terms[j].start);
			free(c->terms[j].end);
		}
		free(c->terms);
	}
	free(d->cllr);
}

/* Move *from to *to when *to is empty. */
static void fill(char **to, char **from)
{
	if ((!*to || !**to) && *from && **from) {
		free(*to);
		*to = *from;
		*from = NULL;
	}
}

/* GetMeetings and GetMeeting may both describe one meeting: keep the
 * GetMeeting's record (its agenda and attendees), with the committee the
 * GetMeetings gives it, and the status the later file gives. */
static void merge_duplicates(struct mg_data *d)
{
	for (size_t i = 0; i < d->nmeet; i++) {
		for (size_t j = i + 1; j < d->nmeet;) {
			struct mg_meeting *a = &d->meet[i], *b = &d->meet[j];
			if (!a->id || !b->id || strcmp(a->id, b->id) != 0) {
				j++;
				continue;
			}
			if (b->detailed && !a->detailed) {
				struct mg_meeting t = *a;
				*a = *b;
				*b = t;
			}
			fill(&a->committee_id, &b->committee_id);
			fill(&a->committee_title, &b->committee_title);
			fill(&a->venue, &b->venue);
			fill(&a->status, &b->status);
			fill(&a->time, &b->time);
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
