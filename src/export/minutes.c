/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/minutes: the minutes of a meeting as an intermediate document, in
 * the body's house style.
 *
 * Reads the meeting, its body, attendance, agenda, declarations, minute
 * text, resolutions and votes through the model, and writes the opening
 * line, the attendance, then one numbered minute per agenda item in the
 * body's numbering ("12.", "222/19", "(26)").  Every sentence is a template
 * of the style file.  What is public is decided here: an exempt item's
 * minute shows only its title and the exclusion resolution unless the
 * confidential record was asked for, and a sensitive interest is shown
 * only as existing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/model.h"
#include "clerk/model_lease.h"
#include "clerk/record.h"
#include "export_private.h"
#include "export_shared.h"

/* Append the paragraphs of a style value, split at its "\n" escapes. */
void minutes_paras(struct doc *d, const char *text)
{
	if (!text || !*text)
		return;
	const char *p = text;
	for (;;) {
		const char *br = strstr(p, "\\n");
		char *para = br ? xstrndup(p, (size_t)(br - p)) : xstrdup(p);
		char *t = export_clean(para);
		if (*t)
			doc_add(d, DOC_PARA, t);
		free(t);
		free(para);
		if (!br)
			break;
		p = br + 2;
	}
}

char *minutes_say(const struct minutes_ctx *c, const char *key,
		  const struct style_var *extra, size_t nextra)
{
	const char *tmpl = style_get(&c->style, key, "");
	if (!*tmpl)
		return NULL;
	size_t n = nextra + c->nbase;
	struct style_var *vars = xcalloc(n ? n : 1, sizeof *vars);
	if (nextra)
		memcpy(vars, extra, nextra * sizeof *vars);
	memcpy(vars + nextra, c->base, c->nbase * sizeof *vars);
	char *out = style_expand(tmpl, vars, n);
	free(vars);
	return out;
}

bool minutes_say_paras(struct minutes_ctx *c, const char *key,
		       const struct style_var *extra, size_t nextra)
{
	char *s = minutes_say(c, key, extra, nextra);
	if (!s)
		return false;
	minutes_paras(c->doc, s);
	free(s);
	return true;
}

static void say_label(struct minutes_ctx *c, const char *key)
{
	char *s = minutes_say(c, key, NULL, 0);
	if (s)
		doc_add(c->doc, DOC_PARA, s)->bold = true;
	free(s);
}

enum clerk_status minutes_read_fail(struct clerk_err *err,
				    enum clerk_status rc, const char *what)
{
	return clerk_fail_reading(err, rc, what);
}

bool minutes_read(struct minutes_ctx *c, enum clerk_status rc,
		  const struct clerk_err *err, const char *what)
{
	if (rc == CLERK_OK)
		return true;
	if (c->failed.status == CLERK_OK) {
		c->failed = *err;
		minutes_read_fail(&c->failed, rc, what);
	}
	return false;
}

char *minutes_person_name(struct minutes_ctx *c, const char *id)
{
	if (!id || !*id)
		return xstrdup("");
	struct person p = {0};
	struct clerk_err err = {0};
	if (!minutes_read(c, person_get(c->db, id, &p, &err), &err,
			  "a person named in the minutes"))
		return xstrdup("");
	char *n = person_display_name(&p);
	person_free(&p);
	return n;
}

void minutes_pronouns(const char *pronoun, struct style_var out[3])
{
	const char *he = "they", *his = "their", *him = "them";
	if (pronoun && strcmp(pronoun, "he") == 0)
		he = "he", his = "his", him = "him";
	else if (pronoun && strcmp(pronoun, "she") == 0)
		he = "she", his = "her", him = "her";
	out[0] = (struct style_var){"he", he};
	out[1] = (struct style_var){"his", his};
	out[2] = (struct style_var){"him", him};
}

char *minutes_number(const struct minutes_ctx *c, int n)
{
	return minute_number_format(c->body.minute_format, n, c->muni_year);
}

static char *date_in_style(const struct minutes_ctx *c, const char *key,
			   time_t t)
{
	const char *tmpl = style_get(&c->style, key, "{day} {month} {year}");
	return style_date(tmpl, t, c->body.tz);
}

/* The minute number of an item as cited in a sentence ("12", "222/19"):
 * without a closing full stop ("" when it is not on this agenda). */
char *minutes_item_number(const struct minutes_ctx *c, const char *item_id)
{
	for (size_t i = 0; i < c->items.n; i++)
		if (strcmp(c->items.v[i].id, item_id) == 0) {
			char *n = minutes_number(c, c->first_minute +
							    (int)c->rank[i]);
			size_t len = strlen(n);
			if (len > 1 && n[len - 1] == '.')
				n[len - 1] = '\0';
			return n;
		}
	return xstrdup("");
}

const char *minutes_item_title(const struct minutes_ctx *c, const char *item_id)
{
	for (size_t i = 0; i < c->items.n; i++)
		if (strcmp(c->items.v[i].id, item_id) == 0)
			return c->items.v[i].title;
	return "";
}

/* ------------------------------------------------------ minute sections */

static bool item_has_text(const struct minutes_ctx *c,
			  const struct agenda_item *it,
			  enum minute_section section)
{
	for (size_t i = 0; i < c->texts.n; i++)
		if (c->texts.v[i].section == section &&
		    strcmp(c->texts.v[i].item_id, it->id) == 0)
			return true;
	return false;
}

/* True when the clerk recorded the meeting's own resolution at the item
 * (r), whose words then stand for the sentence clerk would generate. */
static bool item_has_motion(struct minutes_ctx *c,
			    const struct agenda_item *it)
{
	struct resolution_list rl;
	bool found = false;
	if (!minutes_item_resolutions(c, it->id, &rl))
		return false;
	for (size_t i = 0; i < rl.n && !found; i++)
		found = rl.v[i].kind != RES_EXCLUSION;
	free(rl.v);
	return found;
}

/* Late arrivals and early departures at this item that the log does not
 * place (recorded afterwards): at the top of the item, as before. */
static void item_movements(struct minutes_ctx *c, const struct agenda_item *it)
{
	for (size_t i = 0; i < c->att.n; i++) {
		const struct attendance *a = &c->att.v[i];
		bool arrived = strcmp(a->arrived_item, it->id) == 0 && *it->id &&
			       !minutes_event_logged_movement(
				       c, EVENT_ARRIVED, a->person_id, it->id);
		bool left = strcmp(a->left_item, it->id) == 0 && *it->id &&
			    !minutes_event_logged_movement(c, EVENT_LEFT,
							   a->person_id, it->id);
		if (!arrived && !left)
			continue;
		char *name = person_display_name(&a->person);
		struct style_var pv[3];
		minutes_pronouns(a->person.pronoun, pv);
		for (int k = 0; k < 2; k++) {
			if (!(k == 0 ? arrived : left))
				continue;
			time_t t = k == 0 ? a->arrived_at : a->left_at;
			char *tm = t ? date_in_style(c, "time", t) : xstrdup("");
			const struct style_var v[] = {{"name", name},
						      {"time", tm},
						      pv[0],
						      pv[1],
						      pv[2]};
			minutes_say_paras(c, k == 0 ? "arrived" : "left", v, 5);
			free(tm);
		}
		free(name);
	}
}

char *minutes_marked(const struct minutes_ctx *c, const char *id,
		     bool resolution, const char *body)
{
	bool unfinished = false;
	if (c->meeting.minutes_state != MINUTES_DRAFT)
		return xstrdup(body);
	if (resolution)
		unfinished = record_resolution_unfinished(&c->events, id);
	for (size_t i = 0; !resolution && i < c->nunfinished; i++)
		unfinished |= !strcmp(c->unfinished[i], id);
	if (!unfinished)
		return xstrdup(body);
	/* The draft must say it, whatever the style: a council may reword
	 * the mark, not leave it out. */
	const char *mark = style_get(&c->style, "unfinished.mark", "");
	if (!*mark)
		mark = "[UNFINISHED: saved when the terminal hung up and not "
		       "yet accepted]";
	return xasprintf("%s %s", body, mark);
}

struct item_writer;
static void write_text_body(struct minutes_ctx *c, struct item_writer *w,
			    const struct minute_text *t, const char *body);

/* Where the record of an item is being written: the bullets of the last
 * heard or commented run (a point after them continues it). */
struct item_writer {
	struct doc_block *list;
	enum minute_section list_section;
	const struct resolution_list *rl;
	int total; /* resolutions (numbered when more than one) */
	int k;     /* numbered so far */
	const struct application *app; /* the item's planning application,
					  when its decision is minuted */
	const struct resolution *decisive; /* the vote that decided it */
	bool decided; /* its decision written */
};

static void write_text(struct minutes_ctx *c, struct item_writer *w,
		       const struct minute_text *t)
{
	char *body = minutes_marked(c, t->id, false, t->body);
	write_text_body(c, w, t, body);
	free(body);
}

static void write_text_body(struct minutes_ctx *c, struct item_writer *w,
			    const struct minute_text *t, const char *body)
{
	if (t->section != SECTION_HEARD && t->section != SECTION_COMMENTED)
		w->list = NULL;
	switch (t->section) {
	case SECTION_RECEIVED: {
		const struct style_var v[] = {{"text", body}};
		if (!minutes_say_paras(c, "received", v, 1))
			doc_add(c->doc, DOC_PARA, body);
		break;
	}
	case SECTION_HEARD:
	case SECTION_COMMENTED:
		if (!w->list || w->list_section != t->section) {
			say_label(c, t->section == SECTION_HEARD ? "heard"
								 : "commented");
			w->list = doc_add(c->doc, DOC_BULLETS, NULL);
			w->list_section = t->section;
		}
		doc_row_add(w->list, NULL, body);
		break;
	case SECTION_NARRATIVE:
	case SECTION_EXEMPT:
		doc_add(c->doc, DOC_PARA, body);
		break;
	}
}

/* A run of resolutions rec[from, to): those the log does not place keep
 * the older order (what was not resolved first, then the resolutions). */
static void write_resolutions(struct minutes_ctx *c, struct item_writer *w,
			      const struct record_entry *rec, size_t from,
			      size_t to)
{
	size_t n = 0, *idx = xcalloc(to - from + 1, sizeof *idx);
	bool placed = false;
	for (size_t i = from; i < to; i++)
		placed |= rec[i].seq >= 0;
	for (int pass = placed ? 2 : 0; pass < (placed ? 3 : 2); pass++)
		for (size_t i = from; i < to; i++) {
			bool res = minutes_is_resolved(&w->rl->v[rec[i].index]);
			if (pass == 2 || (pass == 0) != res)
				idx[n++] = rec[i].index;
		}
	minutes_resolution_run(c, w->rl, idx, n, w->total, &w->k);
	w->list = NULL;
	/* A planning decision follows the vote that made it. */
	for (size_t i = 0; i < n && w->app && !w->decided; i++)
		if (&w->rl->v[idx[i]] == w->decisive) {
			minutes_application_decision(c, w->app);
			w->decided = true;
		}
	free(idx);
}

/* Whether entry e of an exempt item is public: done in public before the
 * press and public were excluded from it (or after their readmission).
 * What the log does not place is exempt. */
static bool entry_public(const struct minutes_ctx *c,
			 const struct agenda_item *it,
			 const struct record_entry *e, int excluded_seq)
{
	if (!it->exempt)
		return true;
	if (e->seq < 0 || excluded_seq < 0)
		return false;
	return e->seq < excluded_seq || !record_excluded_at(&c->events, e->seq);
}

/* An exempt item's exclusion, and in the confidential record the mark
 * and what its kind prints, where the exempt part of it begins. */
static void exempt_part(struct minutes_ctx *c, const struct agenda_item *it,
			struct item_writer *w);
static void item_opening(struct minutes_ctx *c, const struct agenda_item *it);

/* The record of an item, in order; what is exempt only in the
 * confidential record (what happened to the meeting, and attendance,
 * always). */
static void write_record(struct minutes_ctx *c, const struct agenda_item *it,
			 struct item_writer *w, const struct record_list *rec)
{
	int excluded_seq = record_exclusion_seq(&c->events, it->id);
	bool split = !it->exempt;
	if (!it->exempt)
		item_opening(c, it);
	for (size_t i = 0; i < rec->n; i++) {
		const struct record_entry *e = &rec->v[i];
		if (!split && !(e->seq >= 0 && excluded_seq >= 0 &&
				e->seq < excluded_seq)) {
			exempt_part(c, it, w);
			split = true;
		}
		bool shown = entry_public(c, it, e, excluded_seq) ||
			     c->opts->confidential;
		switch (e->kind) {
		case RECORD_TEXT: {
			const struct minute_text *t = &c->texts.v[e->index];
			if (t->section == SECTION_EXEMPT && !it->exempt)
				break;
			if (shown)
				write_text(c, w, t);
			break;
		}
		case RECORD_RESOLUTION: {
			const struct resolution *r = &w->rl->v[e->index];
			if (it->exempt && r->kind == RES_EXCLUSION)
				break; /* shown with the exclusion */
			if (!shown)
				break;
			size_t j = i + 1;
			while (j < rec->n &&
			       rec->v[j].kind == RECORD_RESOLUTION &&
			       (split || (rec->v[j].seq >= 0 &&
					  rec->v[j].seq < excluded_seq)) &&
			       (entry_public(c, it, &rec->v[j], excluded_seq) ||
				c->opts->confidential) &&
			       !(it->exempt &&
				 w->rl->v[rec->v[j].index].kind == RES_EXCLUSION))
				j++;
			write_resolutions(c, w, rec->v, i, j);
			i = j - 1;
			break;
		}
		case RECORD_EVENT:
			/* what happened to the meeting is never exempt */
			w->list = NULL;
			minutes_event(c, e->index);
			break;
		case RECORD_ACTION:
			if (!shown)
				break;
			w->list = NULL;
			minutes_action_at(c, &c->actions.v[e->index]);
			break;
		}
	}
	if (!split)
		exempt_part(c, it, w);
}

/* The resolution a planning decision was made by: the item's last motion
 * voted on (whose counts the decision cites), else its last motion
 * decided; NULL when there is none (the decision then ends the item). */
static const struct resolution *decisive(const struct resolution_list *rl)
{
	const struct resolution *voted = NULL, *decided = NULL;
	for (size_t i = 0; i < rl->n; i++) {
		const struct resolution *r = &rl->v[i];
		if (r->kind != RES_MOTION)
			continue;
		if (r->voted)
			voted = r;
		if (r->outcome == OUTCOME_CARRIED || r->outcome == OUTCOME_LOST)
			decided = r;
	}
	return voted ? voted : decided;
}

/* "The Chairman took item 11 before item 10.": the first item of the
 * agenda before this one that was taken after it. */
static void order_changed(struct minutes_ctx *c, size_t idx)
{
	const struct agenda_item *it = &c->items.v[idx];
	if (!minutes_item_taken(c, it->id))
		return;
	for (size_t j = 0; j < idx; j++) {
		if (c->rank[j] < c->rank[idx] ||
		    !minutes_item_taken(c, c->items.v[j].id))
			continue;
		const struct style_var v[] = {{"number", it->number},
					      {"before", c->items.v[j].number},
					      {"title", it->title}};
		minutes_say_paras(c, "order.changed", v, 3);
		return;
	}
}

/* The whole minute of one agenda item. */
static void minute_item(struct minutes_ctx *c, size_t idx)
{
	const struct agenda_item *it = &c->items.v[idx];
	struct doc_block *h = doc_add(c->doc, DOC_MINUTE, NULL);
	free(h->number);
	h->number = minutes_number(c, c->first_minute + (int)c->rank[idx]);
	free(h->text);
	h->text = strcmp(style_get(&c->style, "minute.title_case", "upper"),
			 "upper") == 0
			  ? minutes_upper(it->title)
			  : xstrdup(it->title);
	const struct style_var pv[] = {{"paragraph", it->exempt_paragraph},
				       {"reason", it->urgent_reason}};
	/* The item's agenda wording above its minute, where the style asks
	 * (and "Minutes:" after it); an exempt item's only in the
	 * confidential record. */
	if (it->description && *it->description &&
	    (!it->exempt || c->opts->confidential)) {
		const struct style_var av[] = {{"text", it->description}};
		if (minutes_say_paras(c, "minute.agenda", av, 1))
			minutes_say_paras(c, "minute.heading", NULL, 0);
	}
	order_changed(c, idx);
	if (it->kind == ITEM_URGENT)
		minutes_say_paras(c, "urgent", pv, 2);
	item_movements(c, it);
	/* The item's record in the order it happened. */
	struct resolution_list rl;
	if (!minutes_item_resolutions(c, it->id, &rl))
		return;
	struct record_list rec = {0};
	record_item_with(&c->events, it->id, &c->texts, &rl, &c->actions,
			 &c->captured, &rec);
	struct item_writer w = {.rl = &rl};
	for (size_t i = 0; i < rl.n; i++)
		w.total += minutes_is_resolved(&rl.v[i]) &&
			   !(it->exempt && rl.v[i].kind == RES_EXCLUSION);
	const struct application *app = application_of_item(&c->apps, it->id);
	if (app && (!it->exempt || c->opts->confidential)) {
		w.app = app;
		w.decisive = decisive(&rl);
	}
	write_record(c, it, &w, &rec);
	/* A decision made by no vote recorded here ends the item. */
	if (w.app && !w.decided)
		minutes_application_decision(c, app);
	record_list_free(&rec);
	free(rl.v); /* the strings are the context's */
}

/* What an item's kind prints before its record (the apologies, the
 * declarations, the previous minutes, a planning application's fields). */
static void item_opening(struct minutes_ctx *c, const struct agenda_item *it)
{
	switch (it->kind) {
	case ITEM_APOLOGIES:
		minutes_apologies(c);
		break;
	case ITEM_DECLARATIONS:
		if (!item_has_text(c, it, SECTION_NARRATIVE))
			minutes_say_paras(c, "declarations.standard", NULL, 0);
		minutes_declarations(c);
		break;
	case ITEM_PREVIOUS_MINUTES:
		minutes_previous(c, !item_has_text(c, it, SECTION_NARRATIVE),
				 item_has_motion(c, it));
		break;
	default:
		break;
	}
	const struct application *app = application_of_item(&c->apps, it->id);
	if (app)
		minutes_application_head(c, app);
}

static void exempt_part(struct minutes_ctx *c, const struct agenda_item *it,
			struct item_writer *w)
{
	w->list = NULL;
	minutes_exclusion(c, it);
	if (!c->opts->confidential)
		return;
	char *law = council_exclusion_law(c->council.kind, c->council.nation,
					  it->exempt_paragraph);
	const struct style_var cv[] = {{"paragraph", it->exempt_paragraph},
				       {"reason", it->urgent_reason},
				       {"law", law}};
	char *mark = minutes_say(c, "confidential.item", cv, 3);
	doc_add(c->doc, DOC_CONFIDENTIAL, mark ? mark : "CONFIDENTIAL");
	free(mark);
	free(law);
	item_opening(c, it);
}

char *minutes_upper(const char *s)
{
	return utf8_upper(s);
}

/* --------------------------------------------------------------- driver */

static void ctx_base_vars(struct minutes_ctx *c)
{
	const char *self = *c->body.self_name ? c->body.self_name : "the Committee";
	c->self_noun = xstrdup(strncmp(self, "the ", 4) == 0 ? self + 4 : self);
	c->date = date_in_style(c, "date", c->meeting.starts_at);
	c->short_date = date_in_style(c, "short_date", c->meeting.starts_at);
	c->confirmed_date = xstrdup("");
	if (c->meeting.minutes_state == MINUTES_CONFIRMED) {
		/* Signed on the day of the meeting that confirmed them. */
		struct meeting at = {0};
		struct clerk_err err = {0};
		time_t when = c->meeting.confirmed_on;
		if (*c->meeting.confirmed_at &&
		    minutes_read(c, meeting_get(c->db, c->meeting.confirmed_at,
						&at, &err),
				 &err, "the meeting that confirmed these minutes"))
			when = at.starts_at;
		meeting_free(&at);
		if (when) {
			free(c->confirmed_date);
			c->confirmed_date = date_in_style(c, "short_date", when);
		}
	}
	size_t n = 0;
	c->base[n++] = (struct style_var){"body", c->body.name};
	c->base[n++] = (struct style_var){"council", c->body.council_name};
	c->base[n++] = (struct style_var){"self", self};
	c->base[n++] = (struct style_var){"self_noun", c->self_noun};
	c->base[n++] = (struct style_var){"venue", c->meeting.venue};
	c->base[n++] = (struct style_var){"date", c->date};
	c->base[n++] = (struct style_var){"short_date", c->short_date};
	c->base[n++] = (struct style_var){"confirmed_date", c->confirmed_date};
	c->base[n++] = (struct style_var){
		"chairman", style_get(&c->style, "chairman", "Chairman")};
	c->base[n++] = (struct style_var){
		"vice_chairman",
		style_get(&c->style, "vice_chairman", "Vice-Chairman")};
	/* The council's own details: what is not set stays empty, and a
	 * sentence needing it is left out ([[...]]). */
	c->base[n++] = (struct style_var){"officer", c->council.officer};
	c->base[n++] =
		(struct style_var){"officer_title", c->council.officer_title};
	c->base[n++] = (struct style_var){"address", c->council.address};
	c->base[n++] = (struct style_var){"enquiries", c->council.enquiries};
	c->base[n++] = (struct style_var){"filming", c->council.filming};
	c->base[n++] = (struct style_var){"conduct", c->council.conduct};
	c->nbase = n;
}

static void ctx_free(struct minutes_ctx *c)
{
	style_free(&c->style);
	body_free(&c->body);
	council_free(&c->council);
	meeting_free(&c->meeting);
	item_list_free(&c->items);
	attendance_list_free(&c->att);
	declaration_list_free(&c->decl);
	minute_text_list_free(&c->texts);
	seat_info_list_free(&c->seats);
	event_list_free(&c->events);
	resolution_list_free(&c->res);
	action_list_free(&c->actions);
	application_list_free(&c->apps);
	record_captures_free(&c->captured);
	free(c->order);
	free(c->rank);
	free(c->unfinished);
	free(c->self_noun);
	free(c->date);
	free(c->short_date);
	free(c->confirmed_date);
}

enum clerk_status minutes_ctx_open(struct db *db, const char *meeting_id,
				   const struct export_opts *opts,
				   struct doc *out, struct minutes_ctx *c,
				   struct clerk_err *err)
{
	memset(c, 0, sizeof *c);
	c->db = db;
	c->opts = opts;
	c->doc = out;
	/* Every read is worded with what it reads: a damaged table must
	 * name itself, not only the file. */
	const char *what = "the meeting";
	enum clerk_status rc = meeting_get(db, meeting_id, &c->meeting, err);
	if (!rc) {
		what = "the meeting's body";
		rc = body_get(db, c->meeting.body_id, &c->body, err);
	}
	if (!rc) {
		what = "the council the body belongs to";
		rc = council_get(db, c->body.council_id, &c->council, err);
	}
	if (!rc) {
		what = NULL; /* style_load names the file and line itself */
		rc = style_load(opts->style && *opts->style ? opts->style
							    : c->body.style,
				&c->style, err);
	}
	if (!rc) {
		what = "the agenda";
		rc = item_list(db, meeting_id, &c->items, err);
	}
	if (!rc) {
		what = "the attendance";
		rc = attendance_list(db, meeting_id, &c->att, err);
	}
	if (!rc) {
		what = "the declarations of interest";
		rc = declaration_list(db, meeting_id, &c->decl, err);
	}
	if (!rc) {
		what = "the text of the minutes";
		rc = minute_text_list(db, meeting_id, NULL, &c->texts, err);
	}
	if (!rc) {
		what = "the meeting's log";
		rc = event_list(db, meeting_id, &c->events, err);
	}
	if (!rc) {
		what = "the actions arising";
		rc = action_list(db, meeting_id, &c->actions, err);
	}
	if (!rc) {
		what = "the planning applications";
		rc = application_list(db, meeting_id, &c->apps, err);
	}
	if (!rc) {
		what = "the order the minutes were written in";
		rc = record_captures_read(db, meeting_id, &c->captured, err);
	}
	if (!rc) {
		char day[16];
		time_format_local(c->meeting.starts_at, c->body.tz, "%Y-%m-%d",
				  day, sizeof day);
		what = "the seats and their members";
		rc = seat_info_list(db, c->body.id, day, &c->seats, err);
	}
	if (!rc) {
		what = "the earlier meetings that number the minutes";
		rc = meeting_first_minute_read(db, &c->meeting, &c->first_minute,
					       err);
	}
	if (rc) {
		if (what)
			minutes_read_fail(err, rc, what);
		ctx_free(c);
		return rc;
	}
	/* Items are minuted in the order they were taken. */
	c->order = xcalloc(c->items.n + 1, sizeof *c->order);
	c->rank = xcalloc(c->items.n + 1, sizeof *c->rank);
	record_item_order(&c->events, &c->items, c->order);
	for (size_t k = 0; k < c->items.n; k++)
		c->rank[c->order[k]] = k;
	/* Draft minutes mark what a hang-up saved and nobody accepted. */
	if (c->meeting.minutes_state == MINUTES_DRAFT &&
	    (rc = minute_text_unfinished(db, meeting_id, &c->unfinished,
					 &c->nunfinished, err))) {
		minutes_read_fail(err, rc, "the text saved unfinished");
		ctx_free(c);
		return rc;
	}
	c->muni_year = body_municipal_year(&c->body, c->meeting.starts_at);
	ctx_base_vars(c);
	if (opts->confidential)
		out->confidential = xstrdup(
			style_get(&c->style, "confidential.mark", "CONFIDENTIAL"));
	if (!out->page_of)
		out->page_of = xstrdup(
			style_get(&c->style, "page.number", EXPORT_PAGE_NUMBER));
	return CLERK_OK;
}

void minutes_ctx_close(struct minutes_ctx *c)
{
	ctx_free(c);
}

bool minutes_item_resolutions(struct minutes_ctx *c, const char *item_id,
			      struct resolution_list *out)
{
	memset(out, 0, sizeof *out);
	if (!c->res_read) {
		struct clerk_err err = {0};
		c->res_read = true;
		c->res_ok = minutes_read(c, resolution_list(c->db, c->meeting.id,
							   NULL, &c->res, &err),
					 &err, "the resolutions");
	}
	if (!c->res_ok)
		return false;
	out->v = xcalloc(c->res.n ? c->res.n : 1, sizeof *out->v);
	for (size_t i = 0; i < c->res.n; i++)
		if (strcmp(c->res.v[i].item_id, item_id) == 0)
			out->v[out->n++] = c->res.v[i];
	return true;
}

/* The amendment made on confirmation, shown on the confirmed minutes as a
 * correction they were signed with. */
static void amended_on_confirmation(struct minutes_ctx *c)
{
	const char *amendment = c->meeting.confirmed_amendment;
	if (c->meeting.minutes_state != MINUTES_CONFIRMED || !amendment ||
	    !*amendment)
		return;
	const struct style_var v[] = {{"amendment", amendment}};
	const char *tmpl = style_get(
		&c->style, "confirmed.amendment",
		"Amended when confirmed as a correct record on "
		"{confirmed_date}: {amendment}");
	struct style_var vars[MINUTES_BASE_VARS + 1];
	vars[0] = v[0];
	memcpy(vars + 1, c->base, c->nbase * sizeof *vars);
	char *s = style_expand(tmpl, vars, c->nbase + 1);
	minutes_paras(c->doc, s);
	free(s);
}

/* The minutes built from the data in the house style. */
static enum clerk_status minutes_from_data(struct db *db,
					   const char *meeting_id,
					   const struct export_opts *opts,
					   struct doc *out,
					   struct clerk_err *err)
{
	struct minutes_ctx c;
	memset(out, 0, sizeof *out);
	enum clerk_status rc = minutes_ctx_open(db, meeting_id, opts, out, &c, err);
	if (rc)
		return rc;
	out->title = xasprintf("Minutes of the %s, %s", c.body.name, c.short_date);
	minutes_say_paras(&c, "opening", NULL, 0);
	minutes_attendance(&c);
	/* Who took the chair before any item was taken. */
	for (size_t i = 0; i < c.events.n; i++)
		if (c.events.v[i].kind == EVENT_PRESIDING &&
		    !*c.events.v[i].item_id)
			minutes_event(&c, i);
	bool has_previous = false;
	for (size_t i = 0; i < c.items.n; i++)
		has_previous |= c.items.v[i].kind == ITEM_PREVIOUS_MINUTES;
	if (!has_previous)
		minutes_previous(&c, true, false);
	/* A meeting that ended inquorate did not transact the business it
	 * never took: those items are listed, not minuted. */
	bool inquorate = minutes_ended_inquorate(&c);
	for (size_t k = 0; k < c.items.n; k++) {
		size_t i = c.order[k];
		if (!inquorate || minutes_item_taken(&c, c.items.v[i].id))
			minute_item(&c, i);
	}
	if (inquorate)
		minutes_not_transacted(&c);
	minutes_action_list(&c);
	minutes_times(&c);
	amended_on_confirmation(&c);
	char *sig = minutes_say(&c, "signature", NULL, 0);
	if (sig)
		doc_add(out, DOC_SIGNATURE, sig);
	free(sig);
	rc = c.failed.status;
	if (rc) {
		*err = c.failed;
		doc_free(out);
	}
	minutes_ctx_close(&c);
	return rc;
}

/* After confirmed minutes: each correction recorded since, as a new and
 * visible record ("Correction recorded at the meeting of ...").  Worded in
 * the body's current style (its built-in wording when the style cannot be
 * read: the signed text must still come out). */
static enum clerk_status later_corrections(struct db *db,
					   const struct meeting *m,
					   struct doc *out,
					   struct clerk_err *err)
{
	struct correction_list cl = {0};
	enum clerk_status rc = correction_list(db, m->id, false, &cl, err);
	if (rc || !cl.n) {
		correction_list_free(&cl);
		return rc ? minutes_read_fail(err, rc,
					      "the corrections made after signing")
			  : CLERK_OK;
	}
	struct body b = {0};
	struct style st = {0};
	struct clerk_err serr = {0};
	if ((rc = body_get(db, m->body_id, &b, err))) {
		correction_list_free(&cl);
		return minutes_read_fail(err, rc, "the meeting's body");
	}
	if (style_load(b.style, &st, &serr) != CLERK_OK)
		style_free(&st);
	doc_add(out, DOC_HEADING,
		style_get(&st, "corrected.heading", "CORRECTIONS MADE AFTER SIGNING"));
	for (size_t i = 0; i < cl.n; i++) {
		struct meeting at = {0};
		time_t when = cl.v[i].at;
		if (*cl.v[i].made_at && !rc &&
		    (rc = meeting_get(db, cl.v[i].made_at, &at, err)) == CLERK_OK)
			when = at.starts_at;
		meeting_free(&at);
		if (rc)
			minutes_read_fail(err, rc,
					  "the meeting a correction was made at");
		char *date = style_date(style_get(&st, "short_date",
						  "{day} {month} {year}"),
					when, b.tz ? b.tz : CLERK_DEFAULT_TZ);
		const struct style_var v[] = {{"correction_date", date},
					      {"correction", cl.v[i].body}};
		char *s = style_expand(
			style_get(&st, "corrected.note",
				  "Correction recorded at the meeting of "
				  "{correction_date}: {correction}"),
			v, 2);
		minutes_paras(out, s);
		free(s);
		free(date);
	}
	style_free(&st);
	body_free(&b);
	correction_list_free(&cl);
	return rc;
}

/* Confirmed minutes as kept when signed; CLERK_NOT_FOUND when they were
 * confirmed before clerk kept the signed text. */
static enum clerk_status minutes_as_signed(struct db *db,
					   const char *meeting_id,
					   const struct export_opts *opts,
					   struct doc *out,
					   struct clerk_err *err)
{
	struct signed_minutes sm = {0};
	struct clerk_err miss = {0};
	enum clerk_status rc = signed_minutes_get(db, meeting_id, &sm, &miss);
	if (rc == CLERK_NOT_FOUND)
		return rc;
	if (rc) {
		*err = miss;
		return minutes_read_fail(err, rc, "the minutes as signed");
	}
	rc = doc_parse(opts->confidential ? sm.confidential_doc : sm.public_doc,
		       out, err);
	signed_minutes_free(&sm);
	return rc;
}

enum clerk_status export_minutes_build(struct db *db, const char *meeting_id,
				       const struct export_opts *opts,
				       struct doc *out, struct clerk_err *err)
{
	struct meeting m = {0};
	memset(out, 0, sizeof *out);
	enum clerk_status rc = meeting_get(db, meeting_id, &m, err);
	if (rc)
		return minutes_read_fail(err, rc, "the meeting");
	if (m.minutes_state == MINUTES_CONFIRMED)
		rc = minutes_as_signed(db, meeting_id, opts, out, err);
	if (m.minutes_state != MINUTES_CONFIRMED || rc == CLERK_NOT_FOUND)
		rc = minutes_from_data(db, meeting_id, opts, out, err);
	if (!rc && m.minutes_state == MINUTES_CONFIRMED &&
	    (rc = later_corrections(db, &m, out, err)))
		doc_free(out);
	if (!rc)
		export_doc_meta(db, meeting_id, out);
	meeting_free(&m);
	return rc;
}

enum clerk_status export_confirm_minutes(struct db *db, const char *meeting_id,
					 const char *at_id,
					 const char *amendment,
					 const char *presiding,
					 struct clerk_err *err)
{
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	struct export_opts pub = {0}, conf = {.confidential = true};
	struct doc dp = {0}, dc = {0};
	struct body b = {0};
	struct meeting m = {0};
	struct signed_minutes sm = {0};
	if (!(rc = meeting_confirm(db, meeting_id, at_id, amendment, presiding,
				   err)) &&
	    !(rc = meeting_get(db, meeting_id, &m, err)) &&
	    !(rc = body_get(db, m.body_id, &b, err)) &&
	    !(rc = minutes_from_data(db, meeting_id, &pub, &dp, err)) &&
	    !(rc = minutes_from_data(db, meeting_id, &conf, &dc, err))) {
		snprintf(sm.meeting_id, sizeof sm.meeting_id, "%s", meeting_id);
		sm.style = xstrdup(b.style);
		sm.public_doc = doc_serialize(&dp);
		sm.confidential_doc = doc_serialize(&dc);
		rc = signed_minutes_store(db, &sm, err);
	}
	if (!rc)
		rc = db_commit(db, err);
	if (rc)
		db_rollback(db);
	signed_minutes_free(&sm);
	doc_free(&dp);
	doc_free(&dc);
	body_free(&b);
	meeting_free(&m);
	return rc;
}
