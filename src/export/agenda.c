/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/agenda: the notice of a meeting — its fields (meeting, date and
 * time, place, enquiries), the signatory, then the agenda with each item's
 * number, title, page references, approximate start time and description,
 * in the layout of the seed's "NOTICE OF MEETING".  An exempt item is
 * listed by title only unless the confidential version was asked for.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_private.h"
#include "export_shared.h"

static void agenda_fields(struct minutes_ctx *c)
{
	struct doc_block *f = doc_add(c->doc, DOC_FIELDS, NULL);
	char *when = style_date(style_get(&c->style, "agenda.datetime",
					  "{weekday} {day} {month} {year} "
					  "{hour12}.{minute} {ampm}"),
				c->meeting.starts_at, c->body.tz);
	char *enquiries = minutes_say(c, "agenda.enquiries", NULL, 0);
	const char *rows[][2] = {
		{"agenda.field.meeting", c->body.name},
		{"agenda.field.date", when},
		{"agenda.field.place", c->meeting.venue},
		{"agenda.field.enquiries", enquiries ? enquiries : ""},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *label = style_get(&c->style, rows[i][0], "");
		if (*label && rows[i][1] && *rows[i][1])
			doc_row_add(f, label, rows[i][1]);
	}
	free(enquiries);
	free(when);
}

static void agenda_item(struct minutes_ctx *c, const struct agenda_item *it,
			size_t idx, time_t *last_time)
{
	struct doc_block *h = doc_add(c->doc, DOC_MINUTE, NULL);
	free(h->number);
	/* The item's own number ("6", "6a"), else its place on the agenda. */
	if (!it->number || !*it->number)
		h->number = xasprintf("%zu.", idx + 1);
	else
		h->number = xasprintf(
			"%s%s", it->number,
			strchr(".)", it->number[strlen(it->number) - 1]) ? "" : ".");
	struct strbuf title = {0};
	char *upper = strcmp(style_get(&c->style, "minute.title_case", "upper"),
			     "upper") == 0
			      ? minutes_upper(it->title)
			      : xstrdup(it->title);
	sb_add(&title, upper);
	free(upper);
	if (it->pages && *it->pages) {
		const struct style_var v[] = {{"pages", it->pages}};
		char *p = minutes_say(c, "agenda.pages", v, 1);
		if (p)
			sb_addf(&title, " %s", p);
		free(p);
	}
	free(h->text);
	h->text = sb_detach(&title);
	/* The time is shown where it moves on: not for the first item (it
	 * starts with the meeting) nor an item planned with the one before. */
	if (it->planned_start && it->planned_start != *last_time &&
	    it->planned_start != c->meeting.starts_at) {
		free(h->aside);
		h->aside = style_date(style_get(&c->style, "agenda.time",
						"{hour12}.{minute}"),
				      it->planned_start, c->body.tz);
	}
	if (it->planned_start)
		*last_time = it->planned_start;
	if (it->exempt && !c->opts->confidential) {
		char *law = council_exclusion_law(c->council.kind,
						  c->council.nation,
						  it->exempt_paragraph);
		const struct style_var v[] = {{"paragraph", it->exempt_paragraph},
					      {"law", law}};
		char *s = minutes_say(c, "agenda.exempt", v, 2);
		if (s)
			doc_add(c->doc, DOC_PARA, s);
		free(s);
		free(law);
		return;
	}
	if (it->description && *it->description)
		doc_add(c->doc, DOC_PARA, it->description);
}

enum clerk_status export_agenda_build(struct db *db, const char *meeting_id,
				      const struct export_opts *opts,
				      struct doc *out, struct clerk_err *err)
{
	struct minutes_ctx c;
	memset(out, 0, sizeof *out);
	enum clerk_status rc = minutes_ctx_open(db, meeting_id, opts, out, &c, err);
	if (rc)
		return rc;
	out->title = xasprintf("Agenda of the %s, %s", c.body.name, c.short_date);
	char *t = minutes_say(&c, "agenda.title", NULL, 0);
	if (t)
		doc_add(out, DOC_HEADING, t);
	free(t);
	agenda_fields(&c);
	/* The council's details filled in: a detail the council has not set
	 * leaves its [[...]] out. */
	minutes_say_paras(&c, "agenda.signatory", NULL, 0);
	minutes_say_paras(&c, "agenda.notice", NULL, 0);
	struct doc_block *h = doc_add(out, DOC_MINUTE,
				      style_get(&c.style, "agenda.heading",
						"AGENDA"));
	free(h->aside);
	h->aside = xstrdup(style_get(&c.style, "agenda.timings", ""));
	time_t last = 0;
	for (size_t i = 0; i < c.items.n; i++)
		agenda_item(&c, &c.items.v[i], i, &last);
	minutes_say_paras(&c, "agenda.about", NULL, 0);
	rc = c.failed.status;
	if (rc) {
		*err = c.failed;
		doc_free(out);
	}
	minutes_ctx_close(&c);
	if (!rc)
		export_doc_meta(db, meeting_id, out);
	return rc;
}
