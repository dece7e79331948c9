/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live business: what is recorded on the item being taken.
 *
 * Declarations of interest (a pecuniary one without dispensation sends the
 * member out of the room for the item), the words of the minute, motions
 * and amendments with their mover and seconder, votes (by counts or named,
 * amendments before the motion they amend, the chair's casting vote on
 * equal votes), the exclusion of the press and public with its legal
 * basis, urgent items and the actions arising.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/record.h"
#include "live_int.h"

/* The end of an action that wrote the log and the resolutions (or the
 * actions arising), the declarations, or the minute text. */
static enum clerk_status live_act_res(struct live *l, enum clerk_status rc,
				      struct clerk_err *err)
{
	live_dirty(l, LIVE_READ_RESOLUTIONS);
	return live_act_done(l, rc, err);
}

static enum clerk_status live_act_decl(struct live *l, enum clerk_status rc,
				       struct clerk_err *err)
{
	live_dirty(l, LIVE_READ_DECLARATIONS);
	return live_act_done(l, rc, err);
}

static enum clerk_status live_act_texts(struct live *l, enum clerk_status rc,
					struct clerk_err *err)
{
	live_dirty(l, LIVE_READ_TEXTS);
	return live_act_done(l, rc, err);
}

/* ------------------------------------------------------ declarations */

/* The index an item argument names (-1: current), or a refusal. */
static enum clerk_status live_item_arg(const struct live *l, int item_index,
				       int *idx, struct clerk_err *err)
{
	if (item_index < 0)
		return live_need_item(l, idx, err);
	if ((size_t)item_index >= l->nitems)
		return clerk_fail(err, CLERK_INVALID,
				  "There is no item %d: the agenda has %zu items",
				  item_index + 1, l->nitems);
	*idx = item_index;
	return CLERK_OK;
}

/* Refuse unless person is marked present (as member, substitute or in
 * attendance); `doing` completes "only someone present can ...". */
static enum clerk_status live_need_present(const struct live *l,
					   const char *person_id,
					   const char *doing,
					   struct clerk_err *err)
{
	const struct attendance *a = live_attendance_of(l, person_id);
	if (a && (a->status == ATT_PRESENT || a->status == ATT_SUBSTITUTE ||
		  a->status == ATT_IN_ATTENDANCE))
		return CLERK_OK;
	char *name = live_person_name(l, person_id);
	clerk_fail(err, CLERK_INVALID,
		   "%s is not marked present: only someone present can %s",
		   name, doing);
	free(name);
	return CLERK_INVALID;
}

enum clerk_status live_declare(struct live *l, const char *person_id,
			       int item_index, enum interest_kind kind,
			       const char *what, bool sensitive,
			       bool dispensation, struct declaration *out,
			       struct clerk_err *err)
{
	live_act_begin(l, err);
	int idx;
	enum clerk_status rc;
	if ((rc = live_need_sitting(l, false, err)) ||
	    (rc = live_item_arg(l, item_index, &idx, err)) ||
	    (rc = live_need_present(l, person_id, "declare an interest", err)))
		return rc;
	if (live_blank(what) && !sensitive)
		return clerk_fail(err, CLERK_INVALID,
				  "Say what the interest is (for a sensitive "
				  "interest only its existence is minuted)");
	if ((rc = live_tx(l, err)))
		return rc;
	const struct live_item *it = &l->items[idx];
	struct declaration d = { 0 };
	char *w = live_trim(what);
	snprintf(d.meeting_id, sizeof d.meeting_id, "%s", l->meeting.id);
	snprintf(d.item_id, sizeof d.item_id, "%s", it->item.id);
	snprintf(d.person_id, sizeof d.person_id, "%s", person_id);
	d.kind = kind;
	d.what = w;
	d.sensitive = sensitive;
	d.dispensation = dispensation;
	d.left_room = kind == INTEREST_PECUNIARY && !dispensation;
	rc = declaration_create(l->db, &d, err);
	if (!rc)
		rc = event_append(l->db, l->meeting.id, EVENT_DECLARED,
				  it->item.id, person_id,
				  interest_kind_text(kind), NULL, err);
	const struct live_presence *p = live_presence_of(l, person_id);
	if (!rc && d.left_room && it->running && p && p->in_room)
		rc = event_append(l->db, l->meeting.id, EVENT_LEFT, it->item.id,
				  person_id, "interest", NULL, err);
	if (!rc && d.left_room) {
		char *name = live_person_name(l, person_id);
		live_notice(l,
			    "%s has a pecuniary interest in item %s and no "
			    "dispensation: %s.",
			    name, it->item.number,
			    it->running ? "they have left the room"
					: "they will leave the room when it "
					  "is taken");
		free(name);
	}
	if (!rc && out) {
		*out = d;
		out->what = xstrdup(w);
	}
	free(w);
	return live_act_decl(l, rc, err);
}

enum clerk_status live_declaration_delete(struct live *l, const char *id,
					  struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct declaration *d = NULL;
	for (size_t i = 0; id && i < l->declarations.n; i++)
		if (!strcmp(l->declarations.v[i].id, id))
			d = &l->declarations.v[i];
	if (!d)
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "There is no such declaration at this meeting");
	clerk_id person;
	snprintf(person, sizeof person, "%s", d->person_id);
	bool back = false;
	const struct live_presence *p = live_presence_of(l, person);
	int idx = live_item_index(l, d->item_id);
	if (p && p->out_interest && idx == l->current && d->left_room)
		back = true;
	enum clerk_status rc = live_tx(l, err);
	if (rc)
		return rc;
	rc = declaration_delete(l->db, id, err);
	if (!rc && back)
		rc = live_event(l, EVENT_RETURNED, person, "interest", err);
	return live_act_decl(l, rc, err);
}

/* ------------------------------------------------------ minute text */

static const struct minute_text *live_text_of(const struct live *l,
					      const char *id)
{
	for (size_t i = 0; id && i < l->texts.n; i++)
		if (!strcmp(l->texts.v[i].id, id))
			return &l->texts.v[i];
	return NULL;
}

/* Put a text just written into l->texts where minute_text_list() would
 * read it (agenda order, then section, then position): after the texts of
 * earlier items and sections and after its own section's, whose positions
 * are lower.  Searched from the end, where the text being taken goes. */
static void live_texts_insert(struct live *l, int idx, struct minute_text *t)
{
	struct minute_text_list *list = &l->texts;
	size_t at = list->n;
	while (at > 0) {
		const struct minute_text *o = &list->v[at - 1];
		int oidx = live_item_index(l, o->item_id);
		if (oidx < idx || (oidx == idx && o->section <= t->section))
			break;
		at--;
	}
	list->v = xrealloc(list->v, (list->n + 1) * sizeof *list->v);
	memmove(&list->v[at + 1], &list->v[at],
		(list->n - at) * sizeof *list->v);
	list->v[at] = *t;
	list->n++;
}

enum clerk_status live_text_add(struct live *l, enum minute_section section,
				const char *body, clerk_id *id_out,
				struct clerk_err *err)
{
	return live_text_add_item(l, -1, section, body, id_out, err);
}

enum clerk_status live_text_add_item(struct live *l, int item_index,
				     enum minute_section section,
				     const char *body, clerk_id *id_out,
				     struct clerk_err *err)
{
	live_act_begin(l, err);
	int idx;
	enum clerk_status rc = live_item_arg(l, item_index, &idx, err);
	if (rc)
		return rc;
	if (live_blank(body))
		return clerk_fail(err, CLERK_INVALID,
				  "The text is empty: nothing was recorded");
	if ((rc = live_tx(l, err)))
		return rc;
	/* The item current at the moment of the commit, read inside the
	 * same transaction: another writer may have moved the meeting on
	 * since this context was read (everything is read again then; when
	 * no other connection has written, the context is the file). */
	if (item_index < 0 && db_data_version(l->db) != l->data_version &&
	    ((rc = live_read_parts(l, LIVE_READ_LOG, err)) ||
	     (rc = live_need_item(l, &idx, err))))
		return live_act_end(l, rc, err);
	struct minute_text t = { 0 };
	snprintf(t.meeting_id, sizeof t.meeting_id, "%s", l->meeting.id);
	snprintf(t.item_id, sizeof t.item_id, "%s", l->items[idx].item.id);
	t.section = section;
	t.body = live_trim(body);
	rc = minute_text_create(l->db, &t, err);
	if (!rc) {
		/* The log names the text, so the minutes place it where it
		 * happened (clerk/record.h). */
		char detail[64];
		snprintf(detail, sizeof detail, "%s %s",
			 minute_section_text(section), t.id);
		rc = live_event(l, EVENT_TEXT_RECORDED, NULL, detail, err);
	}
	if (!rc && id_out)
		snprintf(*id_out, sizeof(clerk_id), "%s", t.id);
	if (!rc && l->hung_up)
		rc = minute_text_set_unfinished(l->db, t.id, true, err);
	if (rc || l->hung_up) {
		minute_text_free(&t);
		return live_act_end(l, rc, err);
	}
	live_texts_insert(l, idx, &t); /* takes t's body */
	return live_act_end_reading(l, rc, LIVE_READ_LOG, err);
}

enum clerk_status live_text_edit(struct live *l, const char *id,
				 const char *body, struct clerk_err *err)
{
	live_act_begin(l, err);
	if (!live_text_of(l, id))
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "There is no such text in this meeting's "
				  "minutes");
	if (live_blank(body))
		return clerk_fail(err, CLERK_INVALID,
				  "The text is empty: delete it instead");
	enum clerk_status rc = live_tx(l, err);
	if (rc)
		return rc;
	char *b = live_trim(body);
	rc = minute_text_update(l->db, id, b, err);
	/* Corrected by the clerk: accepted; saved by a hang-up: unfinished. */
	if (!rc && (l->hung_up || live_text_unfinished(l, id))) {
		rc = minute_text_set_unfinished(l->db, id, l->hung_up, err);
		free(b);
		return live_act_texts(l, rc, err);
	}
	if (rc) {
		free(b);
		return live_act_end(l, rc, err);
	}
	/* Only its words changed: put them in the text held. */
	for (size_t i = 0; i < l->texts.n; i++)
		if (!strcmp(l->texts.v[i].id, id)) {
			free(l->texts.v[i].body);
			l->texts.v[i].body = b;
			b = NULL;
			break;
		}
	if (b) { /* not held after all: read the text again */
		free(b);
		return live_act_texts(l, rc, err);
	}
	return live_act_done(l, rc, err);
}

enum clerk_status live_text_accept(struct live *l, const char *id,
				   struct clerk_err *err)
{
	live_act_begin(l, err);
	if (!live_text_of(l, id))
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "There is no such text in this meeting's "
				  "minutes");
	if (!live_text_unfinished(l, id))
		return clerk_fail(err, CLERK_INVALID,
				  "That text was finished: there is nothing "
				  "to accept");
	enum clerk_status rc = live_tx(l, err);
	if (rc)
		return rc;
	rc = minute_text_set_unfinished(l->db, id, false, err);
	return live_act_texts(l, rc, err);
}

enum clerk_status live_text_delete(struct live *l, const char *id,
				   struct clerk_err *err)
{
	live_act_begin(l, err);
	if (!live_text_of(l, id))
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "There is no such text in this meeting's "
				  "minutes");
	enum clerk_status rc = live_tx(l, err);
	if (rc)
		return rc;
	return live_act_texts(l, minute_text_delete(l->db, id, err), err);
}

/* --------------------------------------------- proposals, resolutions */

bool live_motion_unfinished(const struct live *l, const char *id)
{
	return id && record_resolution_unfinished(&l->events, id);
}

/* Note in the log that the words of resolution id were saved by a
 * hang-up (unfinished) or accepted by the clerk. */
static enum clerk_status live_motion_mark(struct live *l, const char *id,
					  bool unfinished,
					  struct clerk_err *err)
{
	char detail[96];
	snprintf(detail, sizeof detail, "%s %s",
		 unfinished ? RECORD_MOTION_UNFINISHED : RECORD_MOTION_ACCEPTED,
		 id);
	return live_event(l, EVENT_NOTE, NULL, detail, err);
}

/* Number of resolutions on an item, for the position of a new one. */
static int live_item_resolutions(const struct live *l, const char *item_id)
{
	int n = 0;
	for (size_t i = 0; i < l->resolutions.n; i++)
		if (!strcmp(l->resolutions.v[i].item_id, item_id))
			n++;
	return n;
}

/* Create a resolution on item idx; r's preamble and body are set to trimmed
 * copies that the caller releases (resolution_free, or handed to *out). */
static enum clerk_status live_res_create(struct live *l, int idx,
					 struct resolution *r,
					 const char *preamble,
					 const char *body,
					 struct clerk_err *err)
{
	char *p = live_trim(preamble), *b = live_trim(body);
	snprintf(r->meeting_id, sizeof r->meeting_id, "%s", l->meeting.id);
	snprintf(r->item_id, sizeof r->item_id, "%s", l->items[idx].item.id);
	r->position = live_item_resolutions(l, r->item_id) + 1;
	r->preamble = p;
	r->body = b;
	return resolution_create(l->db, r, err);
}

/* Hand r to *out when the action succeeded and out is not NULL, else
 * release it. */
static void live_res_out(struct resolution *r, enum clerk_status rc,
			 struct resolution *out)
{
	if (!rc && out)
		*out = *r;
	else
		resolution_free(r);
}

/* The mover and seconder, when given, must be members entitled to vote on
 * the item, and different. */
static enum clerk_status live_check_proposers(const struct live *l, int idx,
					      const char *mover,
					      const char *seconder,
					      struct clerk_err *err)
{
	char why[512];
	if (!live_blank(mover) && !live_entitled(l, mover, idx, why, sizeof why))
		return clerk_fail(err, CLERK_INVALID,
				  "%s: they cannot move a motion", why);
	if (!live_blank(seconder) &&
	    !live_entitled(l, seconder, idx, why, sizeof why))
		return clerk_fail(err, CLERK_INVALID,
				  "%s: they cannot second a motion", why);
	if (!live_blank(mover) && !live_blank(seconder) &&
	    !strcmp(mover, seconder))
		return clerk_fail(err, CLERK_INVALID,
				  "The seconder must be a different member from "
				  "the mover");
	return CLERK_OK;
}

enum clerk_status live_move(struct live *l, enum resolution_kind kind,
			    const char *amends, const char *preamble,
			    const char *body, const char *mover,
			    const char *seconder, struct resolution *out,
			    struct clerk_err *err)
{
	live_act_begin(l, err);
	int idx;
	enum clerk_status rc;
	if ((rc = live_need_item(l, &idx, err)) ||
	    (rc = live_may_transact(l, err)) ||
	    (rc = live_check_proposers(l, idx, mover, seconder, err)))
		return rc;
	if (live_blank(body))
		return clerk_fail(err, CLERK_INVALID,
				  "The words of the motion are empty");
	if (kind == RES_EXCLUSION)
		return clerk_fail(err, CLERK_INVALID,
				  "Exclude the press and public with its own "
				  "command, which words the resolution");
	const struct resolution *m = live_resolution_of(l, amends);
	if (kind == RES_AMENDMENT &&
	    (!m || m->kind != RES_MOTION || m->outcome != OUTCOME_PENDING))
		return clerk_fail(err, CLERK_INVALID,
				  "An amendment must be moved to a motion still "
				  "before the meeting");
	if (kind == RES_MOTION && !live_blank(amends))
		return clerk_fail(err, CLERK_INVALID,
				  "A motion amends nothing: move an amendment");
	if ((rc = live_tx(l, err)))
		return rc;
	struct resolution r = { 0 };
	r.kind = kind;
	r.outcome = OUTCOME_PENDING;
	if (kind == RES_AMENDMENT)
		snprintf(r.amends, sizeof r.amends, "%s", amends);
	snprintf(r.mover, sizeof r.mover, "%s", mover ? mover : "");
	snprintf(r.seconder, sizeof r.seconder, "%s", seconder ? seconder : "");
	rc = live_res_create(l, idx, &r, preamble, body, err);
	if (!rc)
		rc = live_event(l, EVENT_MOVED, mover, r.id, err);
	if (!rc && l->hung_up)
		rc = live_motion_mark(l, r.id, true, err);
	live_res_out(&r, rc, out);
	return live_act_res(l, rc, err);
}

enum clerk_status live_resolve(struct live *l, const char *preamble,
			       const char *body, struct resolution *out,
			       struct clerk_err *err)
{
	live_act_begin(l, err);
	int idx;
	enum clerk_status rc = live_need_item(l, &idx, err);
	if (rc || (rc = live_may_transact(l, err)))
		return rc;
	if (live_blank(body))
		return clerk_fail(err, CLERK_INVALID,
				  "The words of the resolution are empty");
	if ((rc = live_tx(l, err)))
		return rc;
	struct resolution r = { 0 };
	r.kind = RES_MOTION;
	r.outcome = OUTCOME_CARRIED;
	rc = live_res_create(l, idx, &r, preamble, body, err);
	if (!rc) {
		char detail[64];
		snprintf(detail, sizeof detail, "resolution %s", r.id);
		rc = live_event(l, EVENT_TEXT_RECORDED, NULL, detail, err);
	}
	if (!rc && l->hung_up)
		rc = live_motion_mark(l, r.id, true, err);
	live_res_out(&r, rc, out);
	return live_act_res(l, rc, err);
}

/* The resolution named by id, or a refusal. */
static enum clerk_status live_res_arg(const struct live *l, const char *id,
				      const struct resolution **out,
				      struct clerk_err *err)
{
	*out = live_resolution_of(l, id);
	if (*out)
		return CLERK_OK;
	return clerk_fail(err, CLERK_NOT_FOUND,
			  "There is no such motion or resolution at this "
			  "meeting");
}

/* Write a copy of r with new words (NULL: keep). */
static enum clerk_status live_res_write(struct live *l,
					const struct resolution *r,
					const char *preamble, const char *body,
					struct clerk_err *err)
{
	struct resolution c = *r; /* borrows r's strings */
	char *p = preamble ? live_trim(preamble) : NULL;
	char *b = body ? live_trim(body) : NULL;
	if (p)
		c.preamble = p;
	if (b)
		c.body = b;
	enum clerk_status rc = resolution_update(l->db, &c, err);
	free(p);
	free(b);
	return rc;
}

enum clerk_status live_resolution_edit(struct live *l, const char *id,
				       const char *preamble, const char *body,
				       struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc = live_res_arg(l, id, &r, err);
	if (rc)
		return rc;
	if (body && live_blank(body))
		return clerk_fail(err, CLERK_INVALID,
				  "The words of the resolution are empty: "
				  "delete it instead");
	if ((rc = live_tx(l, err)))
		return rc;
	/* Corrected by the clerk: accepted; saved by a hang-up: unfinished. */
	bool was = live_motion_unfinished(l, id);
	clerk_id rid;
	snprintf(rid, sizeof rid, "%s", id);
	rc = live_res_write(l, r, preamble, body, err);
	if (!rc && was != l->hung_up)
		rc = live_motion_mark(l, rid, l->hung_up, err);
	return live_act_res(l, rc, err);
}

/* The office person holds now: an election at this meeting decides it
 * from that moment, else the seat's role; "elected to preside" for a
 * member who holds neither. */
static const char *live_role_of(const struct live *l, const char *person_id)
{
	const char *holder[2] = {NULL, NULL}; /* chairman, vice-chairman */
	for (size_t i = 0; i < l->events.n; i++) {
		const struct event *e = &l->events.v[i];
		if (e->kind == EVENT_ELECTED)
			holder[strcmp(e->detail, "Chairman") ? 1 : 0] =
				e->person_id;
	}
	for (int k = 0; k < 2; k++)
		if (holder[k] && !strcmp(holder[k], person_id))
			return k ? "Vice-Chairman" : "Chairman";
	for (size_t i = 0; i < l->seats.n; i++) {
		const struct seat_info *si = &l->seats.v[i];
		if (!si->filled || strcmp(si->member.id, person_id))
			continue;
		if (si->role == ROLE_CHAIRMAN && !holder[0])
			return "Chairman";
		if (si->role == ROLE_VICE_CHAIRMAN && !holder[1])
			return "Vice-Chairman";
	}
	return "elected to preside";
}

enum clerk_status live_elected(struct live *l, const char *person_id,
			       enum member_role role, struct clerk_err *err)
{
	live_act_begin(l, err);
	int idx;
	enum clerk_status rc = live_need_item(l, &idx, err);
	if (rc)
		return rc;
	if (l->items[idx].item.kind != ITEM_ELECTION)
		return clerk_fail(err, CLERK_INVALID,
				  "Item %s is not an election: a chairman or "
				  "vice-chairman is elected at an election item",
				  l->items[idx].item.number);
	if (role != ROLE_CHAIRMAN && role != ROLE_VICE_CHAIRMAN)
		return clerk_fail(err, CLERK_INVALID,
				  "The office is chairman or vice-chairman");
	const struct attendance *a = live_attendance_of(l, person_id);
	char *name = live_person_name(l, person_id);
	if (!a || a->status != ATT_PRESENT || !*a->seat_id) {
		clerk_fail(err, CLERK_INVALID,
			   "%s is not present as a member of the %s: only a "
			   "member can be elected to its office",
			   name, l->body.name);
		free(name);
		return CLERK_INVALID;
	}
	if ((rc = live_tx(l, err))) {
		free(name);
		return rc;
	}
	const char *office = role == ROLE_CHAIRMAN ? "Chairman" : "Vice-Chairman";
	rc = live_event(l, EVENT_ELECTED, person_id, office, err);
	if (!rc)
		live_notice(l, "%s is %s from now%s.", name, office,
			    role == ROLE_CHAIRMAN ? " and takes the Chair" : "");
	free(name);
	return live_act_done(l, rc, err);
}

/* True when `hay` holds `needle`, ignoring ASCII case ("" never). */
static bool live_has_words(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n)
		return false;
	for (const char *p = hay; *p; p++) {
		size_t i = 0;
		while (i < n && p[i] &&
		       (p[i] | (p[i] >= 'A' && p[i] <= 'Z' ? 0x20 : 0)) ==
			       (needle[i] |
				(needle[i] >= 'A' && needle[i] <= 'Z' ? 0x20
								       : 0)))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

static bool live_word_char(char c)
{
	unsigned char u = (unsigned char)c;
	return u >= 0x80 || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') ||
	       (u >= '0' && u <= '9');
}

/* True when `name` stands in `text` as a word (not inside another). */
static bool live_names(const char *text, const char *name)
{
	size_t n = strlen(name);
	if (!n)
		return false;
	for (const char *p = text; *p; p++)
		if ((p == text || !live_word_char(p[-1])) &&
		    !strncasecmp(p, name, n) && !live_word_char(p[n]))
			return true;
	return false;
}

enum live_office live_election_office(const struct live *l, int item_index)
{
	if (item_index < 0 || (size_t)item_index >= l->nitems ||
	    l->items[item_index].item.kind != ITEM_ELECTION)
		return LIVE_OFFICE_ASK;
	const char *title = l->items[item_index].item.title;
	/* "Election of a chair for the meeting": who presides today only */
	if (live_has_words(title, "for the meeting") ||
	    live_has_words(title, "for this meeting") ||
	    live_has_words(title, "to preside"))
		return LIVE_OFFICE_PRESIDE;
	if (live_has_words(title, "vice") || live_has_words(title, "deputy"))
		return LIVE_OFFICE_VICE_CHAIRMAN;
	if (live_has_words(title, "chair") || live_has_words(title, "mayor") ||
	    live_has_words(title, "conven"))
		return LIVE_OFFICE_CHAIRMAN;
	return LIVE_OFFICE_ASK;
}

bool live_election_due(const struct live *l, const char *res_id,
		       int *candidate)
{
	if (candidate)
		*candidate = -1;
	const struct resolution *r = res_id ? live_resolution_of(l, res_id)
					    : NULL;
	if (!r || r->kind != RES_MOTION || r->outcome != OUTCOME_CARRIED)
		return false;
	int idx = live_item_index(l, r->item_id);
	if (idx < 0 || l->items[idx].item.kind != ITEM_ELECTION)
		return false;
	/* Asked once: an office given on the item after the decision
	 * answers it. */
	int decided = record_resolution_seq(&l->events, r->id);
	for (size_t i = 0; i < l->events.n; i++) {
		const struct event *e = &l->events.v[i];
		if ((e->kind == EVENT_ELECTED || e->kind == EVENT_PRESIDING) &&
		    e->seq > decided && !strcmp(e->item_id, r->item_id))
			return false;
	}
	/* The member the motion names ("That Councillor Keith Mans be
	 * elected ..."), when one present is named in it. */
	for (size_t i = 0; candidate && i < l->attendance.n; i++) {
		const struct attendance *a = &l->attendance.v[i];
		if (a->status == ATT_PRESENT && *a->seat_id &&
		    live_names(r->body, a->person.name)) {
			*candidate = (int)i;
			break;
		}
	}
	return true;
}

enum clerk_status live_presiding(struct live *l, const char *person_id,
				 struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, false, err);
	if (rc)
		return rc;
	const struct attendance *a = live_attendance_of(l, person_id);
	const struct live_presence *p = live_presence_of(l, person_id);
	char *name = live_person_name(l, person_id);
	if (!a || !p || a->status != ATT_PRESENT || !*a->seat_id) {
		clerk_fail(err, CLERK_INVALID,
			   "%s is not present as a member of the %s: only a "
			   "member present can preside",
			   name, l->body.name);
		free(name);
		return CLERK_INVALID;
	}
	if (p->departed) {
		clerk_fail(err, CLERK_INVALID,
			   "%s has left the meeting and cannot preside", name);
		free(name);
		return CLERK_INVALID;
	}
	const char *role = live_role_of(l, person_id);
	if ((rc = live_tx(l, err))) {
		free(name);
		return rc;
	}
	rc = live_event(l, EVENT_PRESIDING, person_id, role, err);
	if (!rc)
		live_notice(l, "%s (%s) is in the Chair from now: the minutes "
			       "say so here.",
			    name, role);
	free(name);
	return live_act_done(l, rc, err);
}

enum clerk_status live_motion_accept(struct live *l, const char *id,
				     struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc = live_res_arg(l, id, &r, err);
	if (rc)
		return rc;
	if (!live_motion_unfinished(l, id))
		return clerk_fail(err, CLERK_INVALID,
				  "Those words were finished: there is nothing "
				  "to accept");
	if ((rc = live_tx(l, err)))
		return rc;
	return live_act_res(l, live_motion_mark(l, id, false, err), err);
}

enum clerk_status live_resolution_delete(struct live *l, const char *id,
					 struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc = live_res_arg(l, id, &r, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < l->resolutions.n; i++)
		if (!strcmp(l->resolutions.v[i].amends, id))
			return clerk_fail(err, CLERK_INVALID,
					  "An amendment was moved to this "
					  "motion: delete the amendment first");
	if ((rc = live_tx(l, err)))
		return rc;
	return live_act_res(l, resolution_delete(l->db, id, err), err);
}

/* Refuse a vote or agreement on r while it is decided, or while it is a
 * motion with an amendment still pending. */
static enum clerk_status live_need_votable(const struct live *l,
					   const struct resolution *r,
					   struct clerk_err *err)
{
	if (r->outcome != OUTCOME_PENDING)
		return clerk_fail(err, CLERK_INVALID,
				  "This has already been decided (%s)",
				  outcome_text(r->outcome));
	for (size_t i = 0; i < l->resolutions.n; i++) {
		const struct resolution *a = &l->resolutions.v[i];
		if (a->kind == RES_AMENDMENT && !strcmp(a->amends, r->id) &&
		    a->outcome == OUTCOME_PENDING)
			return clerk_fail(err, CLERK_INVALID,
					  "An amendment to this motion is still "
					  "before the meeting: amendments are "
					  "voted on before the substantive "
					  "motion");
	}
	return CLERK_OK;
}

/* Set the outcome of r (copy of stored) with a VOTE_TAKEN event. */
static enum clerk_status live_res_decide(struct live *l, struct resolution *c,
					 struct clerk_err *err)
{
	enum clerk_status rc = resolution_update(l->db, c, err);
	if (rc)
		return rc;
	char detail[64];
	snprintf(detail, sizeof detail, "%s %s", c->id,
		 c->outcome == OUTCOME_PENDING ? "equal"
					       : outcome_text(c->outcome));
	if (c->outcome == OUTCOME_PENDING)
		live_notice(l,
			    "Equal votes (%d for, %d against): the chair has a "
			    "second, casting vote.",
			    c->votes_for, c->votes_against);
	return live_event(l, EVENT_VOTE_TAKEN, NULL, detail, err);
}

enum clerk_status live_agree(struct live *l, const char *id,
			     struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc;
	if ((rc = live_res_arg(l, id, &r, err)) ||
	    (rc = live_need_votable(l, r, err)) ||
	    (rc = live_may_transact(l, err)))
		return rc;
	if ((rc = live_tx(l, err)))
		return rc;
	struct resolution c = *r;
	c.outcome = OUTCOME_CARRIED;
	c.voted = false;
	return live_act_res(l, live_res_decide(l, &c, err), err);
}

enum clerk_status live_withdraw(struct live *l, const char *id,
				struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc = live_res_arg(l, id, &r, err);
	if (rc)
		return rc;
	if (r->outcome != OUTCOME_PENDING)
		return clerk_fail(err, CLERK_INVALID,
				  "This has already been decided (%s)",
				  outcome_text(r->outcome));
	if ((rc = live_tx(l, err)))
		return rc;
	/* Amendments to a withdrawn motion fall with it. */
	for (size_t i = 0; i < l->resolutions.n && !rc; i++) {
		const struct resolution *a = &l->resolutions.v[i];
		if (a == r || (!strcmp(a->amends, id) &&
			       a->outcome == OUTCOME_PENDING)) {
			struct resolution c = *a;
			c.outcome = OUTCOME_WITHDRAWN;
			rc = resolution_update(l->db, &c, err);
		}
	}
	return live_act_res(l, rc, err);
}

enum outcome live_outcome_of(int votes_for, int votes_against,
			     bool has_casting, enum vote_choice casting)
{
	if (votes_for > votes_against)
		return OUTCOME_CARRIED;
	if (votes_against > votes_for)
		return OUTCOME_LOST;
	if (!has_casting)
		return OUTCOME_PENDING;
	return casting == VOTE_FOR ? OUTCOME_CARRIED : OUTCOME_LOST;
}

enum clerk_status live_vote_counts(struct live *l, const char *id,
				   int votes_for, int votes_against,
				   int abstain, struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc;
	if ((rc = live_res_arg(l, id, &r, err)) ||
	    (rc = live_need_votable(l, r, err)) ||
	    (rc = live_may_transact(l, err)))
		return rc;
	if (votes_for < 0 || votes_against < 0 || abstain < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "Votes cannot be negative");
	int total = votes_for + votes_against + abstain;
	if (total > l->voting_in_room)
		return clerk_fail(err, CLERK_INVALID,
				  "%d votes counted but only %d voting member%s "
				  "in the room",
				  total, l->voting_in_room,
				  l->voting_in_room == 1 ? " is" : "s are");
	if ((rc = live_tx(l, err)))
		return rc;
	struct resolution c = *r;
	c.voted = true;
	c.recorded = false;
	c.votes_for = votes_for;
	c.votes_against = votes_against;
	c.votes_abstain = abstain;
	c.has_casting = false;
	c.outcome = live_outcome_of(votes_for, votes_against, false, VOTE_FOR);
	return live_act_res(l, live_res_decide(l, &c, err), err);
}

bool live_entitled(const struct live *l, const char *person_id,
		   int item_index, char *why, size_t whylen)
{
	const struct attendance *a = live_attendance_of(l, person_id);
	const struct live_presence *p = live_presence_of(l, person_id);
	char *name = live_person_name(l, person_id);
	const char *item_id = item_index >= 0 && (size_t)item_index < l->nitems
				      ? l->items[item_index].item.id
				      : "";
	const char *reason = NULL;
	if (!a || !p ||
	    (a->status != ATT_PRESENT && a->status != ATT_SUBSTITUTE))
		reason = "is not present as a member or substitute";
	else if (!p->voting)
		reason = "does not hold a voting seat";
	else if (p->departed)
		reason = "has left the meeting";
	else if (live_pecuniary_of(l, person_id, item_id))
		reason = "has a pecuniary interest in this item without "
			 "dispensation, is out of the room and may not vote";
	else if (!p->in_room)
		reason = "is out of the room";
	if (reason && why)
		snprintf(why, whylen, "%s %s", name, reason);
	free(name);
	return !reason;
}

/* Tally the named votes of r into c. */
static enum clerk_status live_tally(struct live *l, struct resolution *c,
				    struct clerk_err *err)
{
	struct vote_list vl = { 0 };
	enum clerk_status rc = vote_list(l->db, c->id, &vl, err);
	if (rc)
		return rc;
	c->votes_for = c->votes_against = c->votes_abstain = 0;
	for (size_t i = 0; i < vl.n; i++) {
		if (vl.v[i].vote == VOTE_FOR)
			c->votes_for++;
		else if (vl.v[i].vote == VOTE_AGAINST)
			c->votes_against++;
		else
			c->votes_abstain++;
	}
	vote_list_free(&vl);
	c->voted = c->recorded = true;
	return CLERK_OK;
}

enum clerk_status live_vote_member(struct live *l, const char *id,
				   const char *person_id,
				   enum vote_choice choice, const char *reason,
				   struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc;
	if ((rc = live_res_arg(l, id, &r, err)) ||
	    (rc = live_need_votable(l, r, err)) ||
	    (rc = live_may_transact(l, err)))
		return rc;
	char why[512];
	if (!live_entitled(l, person_id, live_item_index(l, r->item_id), why,
			   sizeof why))
		return clerk_fail(err, CLERK_INVALID, "%s: their vote is not "
						      "taken",
				  why);
	if ((rc = live_tx(l, err)))
		return rc;
	struct vote v = { 0 };
	char *rs = live_trim(reason);
	snprintf(v.meeting_id, sizeof v.meeting_id, "%s", l->meeting.id);
	snprintf(v.resolution_id, sizeof v.resolution_id, "%s", id);
	snprintf(v.person_id, sizeof v.person_id, "%s", person_id);
	v.vote = choice;
	v.reason = rs;
	rc = vote_set(l->db, &v, err);
	free(rs);
	struct resolution c = *r;
	if (!rc && !(rc = live_tally(l, &c, err)))
		rc = resolution_update(l->db, &c, err);
	return live_act_res(l, rc, err);
}

enum clerk_status live_vote_close(struct live *l, const char *id,
				  struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc;
	if ((rc = live_res_arg(l, id, &r, err)) ||
	    (rc = live_need_votable(l, r, err)) ||
	    (rc = live_may_transact(l, err)))
		return rc;
	struct resolution c = *r;
	if ((rc = live_tally(l, &c, err)))
		return rc;
	if (!c.votes_for && !c.votes_against && !c.votes_abstain)
		return clerk_fail(err, CLERK_INVALID,
				  "No member's vote has been recorded yet");
	c.has_casting = false;
	c.outcome = live_outcome_of(c.votes_for, c.votes_against, false,
				    VOTE_FOR);
	if ((rc = live_tx(l, err)))
		return rc;
	return live_act_res(l, live_res_decide(l, &c, err), err);
}

enum clerk_status live_casting_vote(struct live *l, const char *id,
				    enum vote_choice choice,
				    struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc = live_res_arg(l, id, &r, err);
	if (rc || (rc = live_may_transact(l, err)))
		return rc;
	if (!r->voted || r->outcome != OUTCOME_PENDING ||
	    r->votes_for != r->votes_against)
		return clerk_fail(err, CLERK_INVALID,
				  "A casting vote is given only when the votes "
				  "are equal");
	if (choice != VOTE_FOR && choice != VOTE_AGAINST)
		return clerk_fail(err, CLERK_INVALID,
				  "The casting vote is for or against");
	if ((rc = live_tx(l, err)))
		return rc;
	struct resolution c = *r;
	c.has_casting = true;
	c.casting = choice;
	c.outcome = live_outcome_of(c.votes_for, c.votes_against, true, choice);
	return live_act_res(l, live_res_decide(l, &c, err), err);
}

enum clerk_status live_vote_abstainer(struct live *l, const char *id,
				      const char *person_id,
				      const char *reason,
				      struct clerk_err *err)
{
	live_act_begin(l, err);
	const struct resolution *r;
	enum clerk_status rc = live_res_arg(l, id, &r, err);
	if (rc)
		return rc;
	if (!r->voted || r->recorded)
		return clerk_fail(err, CLERK_INVALID,
				  "Abstentions are named on a vote by show of "
				  "hands, once it is counted (a recorded vote "
				  "names everyone)");
	char why[512];
	if (!live_entitled(l, person_id, live_item_index(l, r->item_id), why,
			   sizeof why))
		return clerk_fail(err, CLERK_INVALID, "%s: they cannot have "
						      "abstained",
				  why);
	struct vote_list vl = { 0 };
	if ((rc = vote_list(l->db, id, &vl, err)))
		return rc;
	int named = 0;
	bool again = false;
	for (size_t i = 0; i < vl.n; i++) {
		named += vl.v[i].vote == VOTE_ABSTAIN;
		again |= !strcmp(vl.v[i].person_id, person_id);
	}
	vote_list_free(&vl);
	if (!again && named >= r->votes_abstain)
		return clerk_fail(err, CLERK_INVALID,
				  "%d abstention%s counted, and %d already "
				  "named",
				  r->votes_abstain,
				  r->votes_abstain == 1 ? " was" : "s were",
				  named);
	if ((rc = live_tx(l, err)))
		return rc;
	struct vote v = { 0 };
	char *rs = live_trim(reason);
	snprintf(v.meeting_id, sizeof v.meeting_id, "%s", l->meeting.id);
	snprintf(v.resolution_id, sizeof v.resolution_id, "%s", id);
	snprintf(v.person_id, sizeof v.person_id, "%s", person_id);
	v.vote = VOTE_ABSTAIN;
	v.reason = rs;
	rc = vote_set(l->db, &v, err);
	free(rs);
	return live_act_res(l, rc, err);
}
