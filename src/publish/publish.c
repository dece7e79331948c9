/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * publish/publish: the pages of a council's site (publish.h lists them).
 *
 * The minutes and agendas are the exporters' own documents: built by
 * export_minutes_build and export_agenda_build with the public filter,
 * rendered as HTML, DOCX and PDF by the exporters the commands use; a
 * minutes or agenda page is the exporter's HTML with the site's way back
 * (a breadcrumb) and its downloads put in.  The calendars and the Popolo
 * file are dataexport's.  Only the council's, body's and person's pages
 * are laid out here, in the same plain style.  Every page is in the
 * language the exporter writes, has one <h1>, headings in order, tables
 * with captions and header cells, and links that are relative and name
 * their file (index.html), so the site works from a disk as well.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/dataexport.h"
#include "clerk/export.h"
#include "clerk/lookup.h"
#include "clerk/model.h"
#include "publish_private.h"

#define LANG "en-GB"

struct pub_body {
	struct body b;
	char *slug;
	struct lookup_membership ms;
};

struct pub_person {
	clerk_id id;
	char *name; /* as shown: "Councillor Liz Fairhurst" */
	char *plain; /* without the honorific: "Liz Fairhurst" (the slug) */
	char *key;  /* sorted by: folded plain name, then id */
	char *slug;
};

/* One minutes page, for the Atom feed. */
struct pub_entry {
	clerk_id id;
	time_t updated;
	char *title;
	char *href; /* from the site's top */
	bool draft;
};

struct pub {
	struct db *db;
	const struct publish_opts *o;
	struct site site;
	struct council c;
	struct pub_body *bodies;
	size_t nbodies;
	struct pub_person *people;
	size_t npeople, pcap;
	struct pub_entry *entries;
	size_t nentries, ecap;
};

/* ------------------------------------------------------------ helpers */

static void esc(struct strbuf *o, const char *text)
{
	char *t = utf8_sanitize(text ? text : "");
	for (const char *p = t; *p; p++) {
		switch (*p) {
		case '&': sb_add(o, "&amp;"); break;
		case '<': sb_add(o, "&lt;"); break;
		case '>': sb_add(o, "&gt;"); break;
		case '"': sb_add(o, "&quot;"); break;
		case '\'': sb_add(o, "&#39;"); break;
		default: sb_addc(o, *p);
		}
	}
	free(t);
}

/* A file name made of text: ASCII letters and digits, '-' between words. */
static char *slugify(const char *text)
{
	char *a = utf8_to_ascii(text ? text : "");
	struct strbuf sb = {0};
	bool dash = false;
	for (const char *p = a; *p; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && sb.len)
				sb_addc(&sb, '-');
			sb_addc(&sb, c);
			dash = false;
		} else {
			dash = true;
		}
		if (sb.len > 60)
			break;
	}
	free(a);
	if (!sb.len)
		sb_add(&sb, "x");
	return sb_detach(&sb);
}

/* base, or base-2, base-3... when one of the n slugs get() gives has it
 * (base is taken over). */
static char *unique_slug(char *base, size_t n,
			 const char *(*get)(size_t i, const void *v),
			 const void *v)
{
	char *s = xstrdup(base);
	for (int k = 2;; k++) {
		bool clash = false;
		for (size_t i = 0; i < n && !clash; i++)
			clash = strcmp(get(i, v), s) == 0;
		if (!clash)
			break;
		free(s);
		s = xasprintf("%s-%d", base, k);
	}
	free(base);
	return s;
}

static const char *body_slug_at(size_t i, const void *v)
{
	return ((const struct pub_body *)v)[i].slug;
}

static const char *person_slug_at(size_t i, const void *v)
{
	return ((const struct pub_person *)v)[i].slug;
}

static const char *site_css =
	"body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;"
	"line-height:1.4;max-width:52em;margin:2em auto;padding:0 1em;"
	"color:#000;background:#fff}\n"
	"h1{font-size:15pt;margin:.6em 0}\n"
	"h2{font-size:13pt;margin:1.6em 0 .6em}\n"
	"h3{font-size:11pt;margin:1.2em 0 .4em}\n"
	"a{color:#0645ad}\na:visited{color:#5a2a8a}\n"
	"nav p{margin:0 0 1em;font-size:10pt}\n"
	"p.council{font-size:13pt;font-weight:bold;margin:0}\n"
	"table{border-collapse:collapse;margin:.6em 0;width:100%}\n"
	"th,td{text-align:left;vertical-align:top;padding:.3em .6em .3em 0;"
	"border-bottom:1px solid #bbb}\n"
	"caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
	"td.n{text-align:right}\n"
	/* A link a line: apart enough to be touched (WCAG 2.2 target size). */
	"li{margin:.4em 0}\n"
	"footer{margin-top:3em;padding-top:.5em;font-size:9pt;"
	"border-top:1px solid #bbb}\n";

/* The top of a page of the site: root leads to the site's top ("",
 * "../../"); crumbs is the breadcrumb's HTML (NULL: none). */
static void page_begin(struct strbuf *o, const char *title, const char *root,
		       const char *crumbs)
{
	sb_add(o, "<!DOCTYPE html>\n<html lang=\"" LANG "\">\n<head>\n"
		  "<meta charset=\"utf-8\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width\">\n"
		  "<title>");
	esc(o, title);
	sb_add(o, "</title>\n<link rel=\"alternate\" "
		  "type=\"application/atom+xml\" title=\"New minutes\" href=\"");
	sb_addf(o, "%sminutes.atom\">\n<style>\n%s</style>\n</head>\n<body>\n",
		root, site_css);
	if (crumbs)
		sb_addf(o, "<nav aria-label=\"Breadcrumb\"><p>%s</p></nav>\n",
			crumbs);
	sb_add(o, "<main>\n");
}

static void page_end(struct strbuf *o, const struct pub *p)
{
	sb_add(o, "</main>\n<footer><p>");
	esc(o, p->c.name);
	sb_add(o, ". Published with clerk.</p></footer>\n</body>\n</html>\n");
}

static enum clerk_status put_sb(struct pub *p, const char *rel,
				struct strbuf *o, struct clerk_err *err)
{
	enum clerk_status rc =
		site_put(&p->site, rel, o->s ? o->s : "", o->len, err);
	sb_free(o);
	return rc;
}

/* The exporter's HTML with the site's extras put in: extra_head before
 * </head>, top just inside <body>, after_h1 after the title. */
static enum clerk_status inject(const char *html, const char *extra_head,
				const char *top, const char *after_h1,
				struct strbuf *o, struct clerk_err *err)
{
	const char *head = strstr(html, "</head>\n");
	const char *body = head ? strstr(head, "<body>\n") : NULL;
	const char *h1 = body ? strstr(body, "</h1>\n") : NULL;
	if (!h1)
		return clerk_fail(err, CLERK_INVALID,
				  "internal: the HTML exporter's page has no "
				  "</head>, <body> or <h1>");
	sb_addn(o, html, (size_t)(head - html));
	sb_add(o, extra_head);
	sb_addn(o, head, (size_t)(body - head) + strlen("<body>\n"));
	sb_add(o, top);
	body += strlen("<body>\n");
	sb_addn(o, body, (size_t)(h1 - body) + strlen("</h1>\n"));
	sb_add(o, after_h1);
	sb_add(o, h1 + strlen("</h1>\n"));
	return CLERK_OK;
}

static char *date_text(time_t t, const char *tz)
{
	return style_date("{weekday} {day} {month} {year}", t, tz);
}

/* ------------------------------------------------------------ people */

static struct pub_person *person_of(struct pub *p, const char *id)
{
	for (size_t i = 0; i < p->npeople; i++)
		if (strcmp(p->people[i].id, id) == 0)
			return &p->people[i];
	return NULL;
}

static enum clerk_status person_note(struct pub *p, const char *id,
				     const char *name, struct clerk_err *err)
{
	if (!*id || person_of(p, id))
		return CLERK_OK;
	struct person who = {0};
	enum clerk_status rc = person_get(p->db, id, &who, err);
	if (rc)
		return rc;
	if (p->npeople == p->pcap) {
		p->pcap = p->pcap ? 2 * p->pcap : 32;
		p->people = xrealloc(p->people, p->pcap * sizeof *p->people);
	}
	struct pub_person *e = &p->people[p->npeople++];
	memset(e, 0, sizeof *e);
	memcpy(e->id, id, sizeof e->id);
	e->name = xstrdup(name);
	e->plain = xstrdup(who.name && *who.name ? who.name : name);
	char *f = utf8_fold(e->plain);
	e->key = xasprintf("%s\x01%s", f, id);
	free(f);
	person_free(&who);
	return CLERK_OK;
}

static int person_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pub_person *)a)->key,
		      ((const struct pub_person *)b)->key);
}

/* A link to a person's page from a page `root` below the top, or their
 * name when they have none. */
static void person_link(struct strbuf *o, struct pub *p, const char *id,
			const char *name, const char *root)
{
	struct pub_person *e = person_of(p, id);
	if (e) {
		sb_addf(o, "<a href=\"%speople/%s.html\">", root, e->slug);
		esc(o, name);
		sb_add(o, "</a>");
	} else {
		esc(o, name);
	}
}

static const char *role_word(const char *role)
{
	if (role && strcmp(role, "chairman") == 0)
		return "Chairman";
	if (role && strcmp(role, "vice-chairman") == 0)
		return "Vice-Chairman";
	return NULL;
}

static enum clerk_status person_page(struct pub *p, struct pub_person *e,
				     struct clerk_err *err)
{
	struct person who = {0};
	enum clerk_status rc = person_get(p->db, e->id, &who, err);
	if (rc)
		return rc;
	struct lookup_person lp = {0};
	memcpy(lp.id, e->id, sizeof lp.id);
	struct lookup_attendance_list al = {0};
	rc = lookup_person_posts(p->db, &lp, NULL, err);
	if (!rc)
		rc = lookup_attendance(p->db, NULL, e->id, NULL, NULL, &al, err);
	struct strbuf crumbs = {0}, o = {0};
	if (!rc) {
		sb_add(&crumbs, "<a href=\"../index.html\">");
		esc(&crumbs, p->c.name);
		sb_add(&crumbs, "</a> › ");
		esc(&crumbs, e->name);
		page_begin(&o, e->name, "../", crumbs.s);
		sb_add(&o, "<h1>");
		esc(&o, e->name);
		sb_add(&o, "</h1>\n");
		if (who.role && *who.role) {
			sb_add(&o, "<p>");
			esc(&o, who.role);
			if (who.organisation && *who.organisation &&
			    !strstr(who.role, who.organisation)) {
				sb_add(&o, ", ");
				esc(&o, who.organisation);
			}
			sb_add(&o, "</p>\n");
		} else if (who.organisation && *who.organisation) {
			sb_add(&o, "<p>");
			esc(&o, who.organisation);
			sb_add(&o, "</p>\n");
		}
		sb_add(&o, "<h2>Roles</h2>\n<ul>\n");
		for (size_t i = 0; i < lp.nposts; i++) {
			const struct lookup_post *po = &lp.posts[i];
			size_t b;
			for (b = 0; b < p->nbodies; b++)
				if (strcmp(p->bodies[b].b.id, po->body_id) == 0)
					break;
			if (b == p->nbodies)
				continue; /* another council's */
			sb_add(&o, "<li>");
			const char *rw = role_word(po->role);
			sb_add(&o, po->substitute ? "Substitute"
				   : rw          ? rw
						 : "Member");
			sb_addf(&o, " of the <a href=\"../bodies/%s/index.html\">",
				p->bodies[b].slug);
			esc(&o, po->body_name);
			sb_add(&o, "</a>");
			if (po->seat_label && *po->seat_label) {
				sb_add(&o, " (");
				esc(&o, po->seat_label);
				sb_add(&o, ")");
			}
			if (po->substitute && po->for_member &&
			    *po->for_member) {
				sb_add(&o, ", for ");
				esc(&o, po->for_member);
			}
			if (po->since && *po->since) {
				sb_add(&o, ", since ");
				esc(&o, po->since);
			}
			sb_add(&o, "</li>\n");
		}
		sb_add(&o, "</ul>\n<h2>Attendance</h2>\n");
		size_t shown = 0;
		for (size_t i = 0; i < al.n; i++) {
			const struct lookup_attendance *a = &al.v[i];
			size_t b;
			for (b = 0; b < p->nbodies; b++)
				if (strcmp(p->bodies[b].b.id, a->body_id) == 0)
					break;
			if (b == p->nbodies)
				continue;
			if (!shown++)
				sb_add(&o,
				       "<table>\n<caption>Attendance at the "
				       "meetings held</caption>\n<thead><tr>"
				       "<th scope=\"col\">Body</th>"
				       "<th scope=\"col\">Meetings</th>"
				       "<th scope=\"col\">Present</th>"
				       "<th scope=\"col\">As a substitute</th>"
				       "<th scope=\"col\">Apologies</th>"
				       "<th scope=\"col\">Absent</th>"
				       "<th scope=\"col\">Last attended</th>"
				       "</tr></thead>\n<tbody>\n");
			sb_addf(&o, "<tr><th scope=\"row\"><a href=\"../bodies/"
				    "%s/index.html\">",
				p->bodies[b].slug);
			esc(&o, a->body_name);
			sb_addf(&o,
				"</a></th><td class=\"n\">%d</td>"
				"<td class=\"n\">%d</td><td class=\"n\">%d</td>"
				"<td class=\"n\">%d</td><td class=\"n\">%d</td><td>",
				a->expected, a->present, a->as_substitute,
				a->apologies, a->absent);
			esc(&o, *a->last_attended ? a->last_attended : "none");
			sb_add(&o, "</td></tr>\n");
		}
		if (shown)
			sb_add(&o, "</tbody>\n</table>\n");
		else
			sb_add(&o, "<p>No meetings recorded yet.</p>\n");
		page_end(&o, p);
		char *rel = xasprintf("people/%s.html", e->slug);
		rc = put_sb(p, rel, &o, err);
		free(rel);
	}
	sb_free(&crumbs);
	sb_free(&o);
	lookup_attendance_list_free(&al);
	lookup_person_free(&lp);
	person_free(&who);
	return rc;
}

/* ---------------------------------------------------------- meetings */

/* Render d with the exporter called format into rel. */
static enum clerk_status put_doc(struct pub *p, const char *format,
				 const struct doc *d, const char *rel,
				 struct clerk_err *err)
{
	char *bytes = NULL;
	size_t len = 0;
	enum clerk_status rc = export_bytes(export_find(format), d, &bytes,
					    &len, err);
	if (!rc)
		rc = site_put(&p->site, rel, bytes, len, err);
	free(bytes);
	return rc;
}

/* A draft's marking, first in the document, in every format. */
static void mark_draft(struct doc *d)
{
	struct doc_block *b = doc_add(
		d, DOC_PARA,
		"DRAFT: these minutes have not yet been confirmed as a correct "
		"record.");
	b->bold = true;
	struct doc_block last = *b;
	memmove(&d->v[1], &d->v[0], (d->n - 1) * sizeof *d->v);
	d->v[0] = last;
}

/* The page of an agenda or minutes: the exporter's HTML, its PDF (and
 * DOCX), with the way back and the downloads. */
static enum clerk_status meeting_doc(struct pub *p, struct pub_body *pb,
				     const struct meeting *m, const char *key,
				     bool minutes, struct doc *d,
				     struct clerk_err *err)
{
	const char *what = minutes ? "minutes" : "agenda";
	bool draft = minutes && m->minutes_state != MINUTES_CONFIRMED;
	if (draft)
		mark_draft(d);
	char *base = xasprintf("bodies/%s/%s-%s", pb->slug, key, what);
	char *file = strrchr(base, '/') + 1;
	char *html = NULL;
	enum clerk_status rc = export_render(&export_html_ops, d, &html, err);
	struct strbuf top = {0}, after = {0}, o = {0};
	if (!rc) {
		char *day = date_text(m->starts_at, pb->b.tz);
		sb_add(&top, "<nav aria-label=\"Breadcrumb\"><p><a href=\"../../"
			     "index.html\">");
		esc(&top, p->c.name);
		sb_add(&top, "</a> › <a href=\"index.html\">");
		esc(&top, pb->b.name);
		sb_addf(&top, "</a> › %s, ", minutes ? "Minutes" : "Agenda");
		esc(&top, day);
		sb_add(&top, "</p></nav>\n");
		free(day);
		sb_addf(&after, "<p class=\"downloads\">Download %s%s: "
				"<a href=\"%s.pdf\">PDF</a>",
			draft ? "these draft " : "the ", what, file);
		if (minutes)
			sb_addf(&after, " · <a href=\"%s.docx\">Word (DOCX)</a>",
				file);
		sb_add(&after, "</p>\n");
		rc = inject(html, "<style>@media print{nav,p.downloads{display:"
				  "none}}</style>\n",
			    top.s, after.s, &o, err);
	}
	if (!rc) {
		char *rel = xasprintf("%s.html", base);
		rc = put_sb(p, rel, &o, err);
		free(rel);
	}
	if (!rc) {
		char *rel = xasprintf("%s.pdf", base);
		rc = put_doc(p, "pdf", d, rel, err);
		free(rel);
	}
	if (!rc && minutes) {
		char *rel = xasprintf("%s.docx", base);
		rc = put_doc(p, "docx", d, rel, err);
		free(rel);
	}
	if (!rc && minutes) {
		if (p->nentries == p->ecap) {
			p->ecap = p->ecap ? 2 * p->ecap : 16;
			p->entries = xrealloc(p->entries,
					      p->ecap * sizeof *p->entries);
		}
		struct pub_entry *e = &p->entries[p->nentries++];
		memcpy(e->id, m->id, sizeof e->id);
		e->updated = !draft && m->confirmed_on ? m->confirmed_on
						       : m->starts_at;
		e->title = xstrdup(d->title ? d->title : what);
		e->href = xasprintf("%s.html", base);
		e->draft = draft;
	}
	free(html);
	free(base);
	sb_free(&top);
	sb_free(&after);
	sb_free(&o);
	return rc;
}

/* Confirmed minutes (confirmation made sure the meeting was held), and
 * when asked the draft minutes of a meeting held. */
static bool minutes_published(const struct pub *p, const struct meeting *m)
{
	return m->minutes_state == MINUTES_CONFIRMED ||
	       (p->o->drafts && m->status == MEETING_CLOSED);
}

/* Which meetings get a minutes page: those published whose proceedings
 * clerk holds.  A meeting known only by its date (imported, or recorded
 * only so that a later meeting could confirm its minutes) would give a
 * page with a heading and nothing under it, so it gets none. */
static enum clerk_status minutes_pages(const struct pub *p,
				       const struct meeting_list *ml,
				       bool **out, struct clerk_err *err)
{
	bool *page = xcalloc(ml->n ? ml->n : 1, sizeof *page);
	enum clerk_status rc = CLERK_OK;
	for (size_t k = 0; !rc && k < ml->n; k++)
		if (minutes_published(p, &ml->v[k]))
			rc = meeting_proceedings_held(p->db, ml->v[k].id,
						      &page[k], err);
	if (rc) {
		free(page);
		page = NULL;
	}
	*out = page;
	return rc;
}

static const char *status_word(const struct meeting *m)
{
	switch (m->status) {
	case MEETING_SCHEDULED: return "Scheduled";
	case MEETING_IN_PROGRESS: return "In progress";
	case MEETING_ADJOURNED: return "Adjourned";
	case MEETING_CLOSED: return "Held";
	case MEETING_CANCELLED: return "Cancelled";
	case MEETING_POSTPONED: return "Postponed";
	}
	return "";
}

/* The file names of a body's meetings: the date, and the time too when
 * the body met twice that day. */
static char **meeting_keys(const struct pub_body *pb,
			   const struct meeting_list *ml)
{
	char **keys = xcalloc(ml->n ? ml->n : 1, sizeof *keys);
	for (size_t i = 0; i < ml->n; i++) {
		char day[16], other[16];
		time_format_local(ml->v[i].starts_at, pb->b.tz, "%Y-%m-%d", day,
				  sizeof day);
		bool twice = false;
		for (size_t j = 0; j < ml->n && !twice; j++) {
			time_format_local(ml->v[j].starts_at, pb->b.tz,
					  "%Y-%m-%d", other, sizeof other);
			twice = j != i && strcmp(day, other) == 0;
		}
		char hm[8];
		time_format_local(ml->v[i].starts_at, pb->b.tz, "%H%M", hm,
				  sizeof hm);
		keys[i] = twice ? xasprintf("%s-%s", day, hm) : xstrdup(day);
	}
	return keys;
}

/* ------------------------------------------------------------- bodies */

static void membership_table(struct strbuf *o, struct pub *p,
			     const struct pub_body *pb)
{
	const struct lookup_membership *ms = &pb->ms;
	sb_add(o, "<h2>Membership</h2>\n");
	if (!ms->in_use) {
		sb_add(o, "<p>No seats are recorded.</p>\n");
		return;
	}
	/* Today's membership, undated: the page changes when it does. */
	sb_add(o, "<table>\n<caption>Seats, members and nominated "
		  "substitutes</caption>\n<thead><tr><th scope=\"col\">Seat</th>"
		  "<th scope=\"col\">Member</th>"
		  "<th scope=\"col\">Substitutes</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < ms->nseats; i++) {
		const struct lookup_seat *s = &ms->seats[i];
		if (!s->in_use)
			continue;
		sb_add(o, "<tr><th scope=\"row\">");
		esc(o, s->label && *s->label ? s->label : "Seat");
		if (!s->voting)
			sb_add(o, " (non-voting)");
		sb_add(o, "</th><td>");
		if (s->filled) {
			person_link(o, p, s->member.person_id, s->member.name,
				    "../../");
			const char *rw = role_word(s->role);
			if (rw)
				sb_addf(o, " (%s)", rw);
		} else {
			sb_add(o, "Vacant");
			if (s->vacancy_note && *s->vacancy_note) {
				sb_add(o, ": ");
				esc(o, s->vacancy_note);
			}
		}
		sb_add(o, "</td><td>");
		for (size_t k = 0; k < s->nsubs; k++) {
			if (k)
				sb_add(o, "; ");
			person_link(o, p, s->subs[k].person_id, s->subs[k].name,
				    "../../");
		}
		if (!s->nsubs)
			sb_add(o, s->substitute_tbc ? "To be confirmed" : "None");
		sb_add(o, "</td></tr>\n");
	}
	sb_add(o, "</tbody>\n</table>\n");
	char *rule = lookup_quorum_rule(&ms->body);
	sb_addf(o, "<p>Quorum: %d (", ms->quorum);
	esc(o, rule);
	sb_add(o, ").</p>\n");
	free(rule);
}

static enum clerk_status body_pages(struct pub *p, struct pub_body *pb,
				    struct clerk_err *err)
{
	struct meeting_list ml = {0};
	enum clerk_status rc = meeting_list(p->db, pb->b.id, &ml, err);
	if (rc)
		return rc;
	bool *page = NULL;
	if ((rc = minutes_pages(p, &ml, &page, err))) {
		meeting_list_free(&ml);
		return rc;
	}
	char **keys = meeting_keys(pb, &ml);
	struct strbuf crumbs = {0}, o = {0};
	sb_add(&crumbs, "<a href=\"../../index.html\">");
	esc(&crumbs, p->c.name);
	sb_add(&crumbs, "</a> › ");
	esc(&crumbs, pb->b.name);
	page_begin(&o, pb->b.name, "../../", crumbs.s);
	sb_add(&o, "<p class=\"council\">");
	esc(&o, p->c.name);
	sb_add(&o, "</p>\n<h1>");
	esc(&o, pb->b.name);
	sb_add(&o, "</h1>\n");
	if (pb->b.ended)
		sb_add(&o, "<p>This body has ended; its record is kept here.</p>\n");
	sb_add(&o, "<p>Its meetings as a calendar: <a href=\"meetings.ics\">"
		  "meetings.ics</a> (iCalendar). Its members, seats and "
		  "meetings as open data: <a href=\"popolo.json\">popolo.json"
		  "</a> (Popolo JSON).</p>\n");
	sb_add(&o, "<h2>Meetings</h2>\n");
	if (!ml.n)
		sb_add(&o, "<p>No meetings are recorded.</p>\n");
	/* By municipal year, the latest first; in date order within it. */
	int year = 0;
	for (size_t n = 0; n < ml.n; n++) {
		size_t i = ml.n - 1 - n;
		int y = body_municipal_year(&pb->b, ml.v[i].starts_at);
		if (n && y == year)
			continue;
		year = y;
		size_t first = i;
		while (first > 0 &&
		       body_municipal_year(&pb->b, ml.v[first - 1].starts_at) == y)
			first--;
		sb_addf(&o, "<h3>%d/%02d</h3>\n<table>\n<caption>Meetings in "
			    "the municipal year %d/%02d</caption>\n<thead><tr>"
			    "<th scope=\"col\">Date</th>"
			    "<th scope=\"col\">Status</th>"
			    "<th scope=\"col\">Agenda</th>"
			    "<th scope=\"col\">Minutes</th></tr></thead>\n<tbody>\n",
			y, (y + 1) % 100, y, (y + 1) % 100);
		for (size_t k = first; k <= i; k++) {
			const struct meeting *m = &ml.v[k];
			char *day = date_text(m->starts_at, pb->b.tz);
			char hm[8];
			time_format_local(m->starts_at, pb->b.tz, "%H:%M", hm,
					  sizeof hm);
			sb_add(&o, "<tr><th scope=\"row\">");
			esc(&o, day);
			sb_addf(&o, ", %s</th><td>%s", hm, status_word(m));
			if (meeting_called_off(m) && m->called_off_reason &&
			    *m->called_off_reason) {
				sb_add(&o, ": ");
				esc(&o, m->called_off_reason);
			}
			sb_add(&o, "</td><td>");
			if (!meeting_called_off(m))
				sb_addf(&o, "<a href=\"%s-agenda.html\">Agenda"
					    "</a> · <a href=\"%s-agenda.pdf\">"
					    "PDF</a>",
					keys[k], keys[k]);
			sb_add(&o, "</td><td>");
			if (page[k])
				sb_addf(&o, "<a href=\"%s-minutes.html\">%s</a> · "
					    "<a href=\"%s-minutes.pdf\">PDF</a> · "
					    "<a href=\"%s-minutes.docx\">DOCX</a>",
					keys[k],
					m->minutes_state == MINUTES_CONFIRMED
						? "Minutes"
						: "Draft minutes",
					keys[k], keys[k]);
			else if (minutes_published(p, m))
				sb_add(&o, "Kept outside this record");
			else if (m->status == MEETING_CLOSED)
				sb_add(&o, "Not yet confirmed");
			sb_add(&o, "</td></tr>\n");
			free(day);
		}
		sb_add(&o, "</tbody>\n</table>\n");
	}
	membership_table(&o, p, pb);
	page_end(&o, p);
	char *rel = xasprintf("bodies/%s/index.html", pb->slug);
	rc = put_sb(p, rel, &o, err);
	free(rel);
	/* Each meeting's agenda and minutes. */
	for (size_t k = 0; !rc && k < ml.n; k++) {
		const struct meeting *m = &ml.v[k];
		struct export_opts eo = {0};
		if (!meeting_called_off(m)) {
			struct doc d = {0};
			rc = export_agenda_build(p->db, m->id, &eo, &d, err);
			if (!rc)
				rc = meeting_doc(p, pb, m, keys[k], false, &d, err);
			doc_free(&d);
		}
		if (!rc && page[k]) {
			struct doc d = {0};
			rc = export_minutes_build(p->db, m->id, &eo, &d, err);
			if (!rc)
				rc = meeting_doc(p, pb, m, keys[k], true, &d, err);
			doc_free(&d);
		}
	}
	/* The open data. */
	static const struct {
		const char *file;
		dataexport_fn fn;
	} data[] = {
		{"meetings.ics", dataexport_ical},
		{"popolo.json", dataexport_popolo},
	};
	for (size_t i = 0; !rc && i < sizeof data / sizeof data[0]; i++) {
		char *bytes = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&bytes, &len);
		if (!mem)
			rc = clerk_fail(err, CLERK_IO, "out of memory: %s",
					strerror(errno));
		if (!rc) {
			rc = data[i].fn(p->db, pb->b.id, mem, err);
			if (fclose(mem) != 0 && !rc)
				rc = clerk_fail(err, CLERK_IO,
						"out of memory: %s",
						strerror(errno));
		}
		if (!rc) {
			char *drel = xasprintf("bodies/%s/%s", pb->slug,
					       data[i].file);
			rc = site_put(&p->site, drel, bytes, len, err);
			free(drel);
		}
		free(bytes);
	}
	for (size_t i = 0; i < ml.n; i++)
		free(keys[i]);
	free(keys);
	free(page);
	sb_free(&crumbs);
	sb_free(&o);
	meeting_list_free(&ml);
	return rc;
}

/* -------------------------------------------------- the council's top */

static enum clerk_status index_page(struct pub *p, struct clerk_err *err)
{
	struct strbuf o = {0};
	page_begin(&o, p->c.name, "", NULL);
	sb_add(&o, "<h1>");
	esc(&o, p->c.name);
	sb_add(&o, "</h1>\n");
	if (p->c.address && *p->c.address) {
		sb_add(&o, "<p>");
		esc(&o, p->c.address);
		sb_add(&o, "</p>\n");
	}
	if (p->c.enquiries && *p->c.enquiries) {
		sb_add(&o, "<p>Enquiries: ");
		esc(&o, p->c.enquiries);
		sb_add(&o, "</p>\n");
	}
	sb_add(&o, "<h2>Committees and meetings</h2>\n<ul>\n");
	for (size_t i = 0; i < p->nbodies; i++) {
		const struct pub_body *pb = &p->bodies[i];
		sb_addf(&o, "<li><a href=\"bodies/%s/index.html\">", pb->slug);
		esc(&o, pb->b.name);
		sb_add(&o, "</a>");
		if (pb->b.ended)
			sb_add(&o, " (ended)");
		sb_add(&o, "</li>\n");
	}
	sb_add(&o, "</ul>\n<h2>Members and substitutes</h2>\n");
	if (!p->npeople)
		sb_add(&o, "<p>No members are recorded.</p>\n");
	else
		sb_add(&o, "<ul>\n");
	for (size_t i = 0; i < p->npeople; i++) {
		sb_add(&o, "<li>");
		person_link(&o, p, p->people[i].id, p->people[i].name, "");
		sb_add(&o, "</li>\n");
	}
	if (p->npeople)
		sb_add(&o, "</ul>\n");
	sb_add(&o, "<h2>New minutes</h2>\n<p>Follow the minutes as they are "
		  "published: <a href=\"minutes.atom\">minutes.atom</a> (an "
		  "Atom feed for a feed reader).</p>\n");
	page_end(&o, p);
	return put_sb(p, "index.html", &o, err);
}

static void xml_esc(struct strbuf *o, const char *t)
{
	esc(o, t);
}

static int entry_cmp(const void *a, const void *b)
{
	const struct pub_entry *x = a, *y = b;
	if (x->updated != y->updated)
		return x->updated < y->updated ? 1 : -1;
	return strcmp(x->id, y->id);
}

/* Atom (RFC 4287): one entry per minutes page, the latest first; ids are
 * the meetings' UUIDs, links relative to the feed. */
static enum clerk_status atom_feed(struct pub *p, struct clerk_err *err)
{
	if (p->nentries > 1) /* none: no array to sort */
		qsort(p->entries, p->nentries, sizeof *p->entries,
		      entry_cmp);
	struct strbuf o = {0};
	char when[CLERK_TIME_LEN];
	time_format_utc(p->nentries ? p->entries[0].updated : 0, when);
	sb_add(&o, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		  "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" LANG
		  "\">\n<title>");
	xml_esc(&o, p->c.name);
	sb_addf(&o, ": minutes</title>\n<id>urn:uuid:%s</id>\n"
		    "<updated>%s</updated>\n<author><name>",
		p->c.id, when);
	xml_esc(&o, p->c.name);
	sb_add(&o, "</name></author>\n<link rel=\"self\" href=\"minutes.atom\"/>\n"
		  "<link rel=\"alternate\" type=\"text/html\" "
		  "href=\"index.html\"/>\n");
	for (size_t i = 0; i < p->nentries; i++) {
		const struct pub_entry *e = &p->entries[i];
		time_format_utc(e->updated, when);
		sb_add(&o, "<entry>\n<title>");
		if (e->draft)
			sb_add(&o, "Draft: ");
		xml_esc(&o, e->title);
		sb_addf(&o, "</title>\n<id>urn:uuid:%s</id>\n<updated>%s</updated>\n"
			    "<link rel=\"alternate\" type=\"text/html\" href=\"",
			e->id, when);
		xml_esc(&o, e->href);
		sb_add(&o, "\"/>\n<summary>");
		xml_esc(&o, e->draft ? "Draft minutes, not yet confirmed."
				     : "Minutes confirmed as a correct record.");
		sb_add(&o, "</summary>\n</entry>\n");
	}
	sb_add(&o, "</feed>\n");
	return put_sb(p, "minutes.atom", &o, err);
}

/* ------------------------------------------------------------ the run */

static enum clerk_status find_council(struct pub *p, struct clerk_err *err)
{
	if (p->o->council)
		return council_find(p->db, p->o->council, &p->c, err);
	struct council_list cl = {0};
	enum clerk_status rc = council_list_all(p->db, &cl, err);
	if (!rc && cl.n == 0)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"the file holds no council to publish: add one "
				"with clerk council add");
	else if (!rc && cl.n > 1) {
		struct strbuf names = {0};
		for (size_t i = 0; i < cl.n; i++)
			sb_addf(&names, "%s%s", i ? "; " : "", cl.v[i].name);
		char *shown = utf8_sanitize(names.s);
		rc = clerk_fail(err, CLERK_USAGE,
				"the file holds %zu councils (%s), and a site is "
				"one council's: name it with --council NAME",
				cl.n, shown);
		free(shown);
		sb_free(&names);
	} else if (!rc) {
		p->c = cl.v[0];
		memset(&cl.v[0], 0, sizeof cl.v[0]);
	}
	council_list_free(&cl);
	return rc;
}

static enum clerk_status gather(struct pub *p, struct clerk_err *err)
{
	struct body_list bl = {0};
	enum clerk_status rc = body_list_all(p->db, &bl, err);
	if (rc)
		return rc;
	p->bodies = xcalloc(bl.n ? bl.n : 1, sizeof *p->bodies);
	for (size_t i = 0; i < bl.n; i++) {
		if (strcmp(bl.v[i].council_id, p->c.id) != 0)
			continue;
		struct pub_body *pb = &p->bodies[p->nbodies];
		pb->b = bl.v[i];
		memset(&bl.v[i], 0, sizeof bl.v[i]);
		pb->slug = unique_slug(slugify(*pb->b.short_name
						       ? pb->b.short_name
						       : pb->b.name),
				       p->nbodies, body_slug_at, p->bodies);
		p->nbodies++;
	}
	body_list_free(&bl);
	if (!p->nbodies) {
		char *shown = utf8_sanitize(p->c.name);
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"%s has no bodies to publish: add one with clerk "
				"body add",
				shown);
		free(shown);
		return rc;
	}
	for (size_t i = 0; !rc && i < p->nbodies; i++) {
		struct pub_body *pb = &p->bodies[i];
		rc = lookup_membership(p->db, pb->b.id, NULL, &pb->ms, err);
		for (size_t s = 0; !rc && s < pb->ms.nseats; s++) {
			const struct lookup_seat *st = &pb->ms.seats[s];
			if (!st->in_use)
				continue;
			if (st->filled)
				rc = person_note(p, st->member.person_id,
						 st->member.name, err);
			for (size_t k = 0; !rc && k < st->nsubs; k++)
				rc = person_note(p, st->subs[k].person_id,
						 st->subs[k].name, err);
		}
	}
	if (p->npeople > 1) /* none: no array to sort */
		qsort(p->people, p->npeople, sizeof *p->people, person_cmp);
	for (size_t i = 0; i < p->npeople; i++)
		p->people[i].slug = unique_slug(slugify(p->people[i].plain), i, person_slug_at, p->people);
	return rc;
}

enum clerk_status publish_site(struct db *db, const char *dir,
			       const struct publish_opts *opts,
			       struct publish_stats *stats,
			       struct clerk_err *err)
{
	memset(stats, 0, sizeof *stats);
	struct pub p = {.db = db, .o = opts};
	enum clerk_status rc = find_council(&p, err);
	if (!rc)
		rc = gather(&p, err);
	if (!rc)
		rc = site_open(&p.site, dir, opts->database, stats, err);
	if (!rc)
		stats->council = xstrdup(p.c.name);
	for (size_t i = 0; !rc && i < p.nbodies; i++)
		rc = body_pages(&p, &p.bodies[i], err);
	for (size_t i = 0; !rc && i < p.npeople; i++)
		rc = person_page(&p, &p.people[i], err);
	if (!rc)
		rc = index_page(&p, err);
	if (!rc)
		rc = atom_feed(&p, err);
	if (!rc)
		rc = site_finish(&p.site, err);
	site_free(&p.site);
	for (size_t i = 0; i < p.nbodies; i++) {
		body_free(&p.bodies[i].b);
		free(p.bodies[i].slug);
		lookup_membership_free(&p.bodies[i].ms);
	}
	free(p.bodies);
	for (size_t i = 0; i < p.npeople; i++) {
		free(p.people[i].name);
		free(p.people[i].plain);
		free(p.people[i].key);
		free(p.people[i].slug);
	}
	free(p.people);
	for (size_t i = 0; i < p.nentries; i++) {
		free(p.entries[i].title);
		free(p.entries[i].href);
	}
	free(p.entries);
	council_free(&p.c);
	return rc;
}

void publish_stats_free(struct publish_stats *s)
{
	free(s->council);
	memset(s, 0, sizeof *s);
}
