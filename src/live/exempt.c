/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live exempt, urgent and actions: the rarer business of a meeting.
 *
 * Excluding the press and public is itself a resolution, and its words
 * must cite the law that allows it: for a principal council the paragraph
 * of Part 1 of Schedule 12A to the Local Government Act 1972 that makes the
 * item exempt; for a parish, town or Welsh community council section 1(2)
 * of the Public Bodies (Admission to Meetings) Act 1960; for a Scottish
 * council section 50A(4) of the Local Government (Scotland) Act 1973 and a
 * paragraph of Schedule 7A (council_exclusion_law).  Urgent business not on the agenda is
 * added live with the chair's reason for urgency (Local Government Act 1972
 * s.100B(4)(b)).  Actions name an owner and a due date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live_int.h"

char *live_exclusion_wording(const struct live *l, size_t item_index,
			     const char *paragraph)
{
	const struct agenda_item *it =
		item_index < l->nitems ? &l->items[item_index].item : NULL;
	struct strbuf what = { 0 };
	if (it && it->number && *it->number)
		sb_addf(&what, "item %s (%s)", it->number, it->title);
	else if (it)
		sb_addf(&what, "the item \"%s\"", it->title);
	else
		sb_add(&what, "the following item");
	char *r;
	if (l->council.kind == COUNCIL_PRINCIPAL)
		r = xasprintf("That the press and public be excluded from the "
			      "meeting during %s, as it is likely, in view of "
			      "the nature of the business to be transacted, "
			      "that if members of the public were present there "
			      "would be disclosure to them of exempt "
			      "information within paragraph %s of Part 1 of "
			      "Schedule 12A to the Local Government Act 1972, "
			      "and the public interest in maintaining the "
			      "exemption outweighs the public interest in "
			      "disclosing it.",
			      sb_str(&what), paragraph ? paragraph : "?");
	else if (!council_cites_paragraph(l->council.kind, NULL)) {
		char *law = council_exclusion_law(l->council.kind,
						  l->council.nation, paragraph);
		r = xasprintf("That, in view of the confidential nature of the "
			      "business to be transacted in %s, the press and "
			      "public be excluded from the meeting under %s.",
			      sb_str(&what), law);
		free(law);
	} else {
		char *law = council_exclusion_law(l->council.kind,
						  l->council.nation, paragraph);
		r = xasprintf("That the press and public be excluded from the "
			      "meeting during %s under %s.",
			      sb_str(&what), law);
		free(law);
	}
	sb_free(&what);
	return r;
}

/* A paragraph of the exempt-information schedule: "1" to "last" (7 of
 * Schedule 12A, 15 of the Scottish Schedule 7A). */
static bool live_paragraph_ok(const char *p, int last)
{
	char *end = NULL;
	long n = p && *p >= '1' && *p <= '9' ? strtol(p, &end, 10) : 0;
	return n >= 1 && n <= last && end && !*end;
}

/* Mark item idx exempt under paragraph (principal councils). */
static enum clerk_status live_mark_exempt(struct live *l, int idx,
					  const char *paragraph,
					  struct clerk_err *err)
{
	struct agenda_item it = l->items[idx].item; /* borrows its strings */
	char *p = xstrdup(paragraph ? paragraph : "");
	it.exempt = true;
	it.exempt_paragraph = p;
	enum clerk_status rc = item_update(l->db, &it, err);
	free(p);
	return rc;
}

enum clerk_status live_exclude_public(struct live *l, int item_index,
				      const char *paragraph,
				      struct resolution *out,
				      struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, true, err);
	if (!rc)
		rc = live_may_transact(l, err);
	if (rc)
		return rc;
	int idx = item_index;
	if (idx < 0 && (rc = live_need_item(l, &idx, err)))
		return rc;
	if ((size_t)idx >= l->nitems)
		return clerk_fail(err, CLERK_INVALID,
				  "There is no item %d: the agenda has %zu items",
				  idx + 1, l->nitems);
	if (l->public_excluded)
		return clerk_fail(err, CLERK_INVALID,
				  "The press and public are already excluded");
	int last_para = 7;
	bool parish = !council_cites_paragraph(l->council.kind, &last_para);
	char *para = live_trim(paragraph);
	if (!parish && !live_paragraph_ok(para, last_para)) {
		clerk_fail(err, CLERK_INVALID,
			   "Give the paragraph (1 to %d) of %s that makes "
			   "item %s exempt%s%s%s",
			   last_para,
			   l->council.kind == COUNCIL_SCOTTISH
				   ? "Part I of Schedule 7A to the Local "
				     "Government (Scotland) Act 1973"
				   : "Part 1 of Schedule 12A to the Local "
				     "Government Act 1972",
			   l->items[idx].item.number, *para ? " (\"" : "", para,
			   *para ? "\" is not one)" : "");
		free(para);
		return CLERK_INVALID;
	}
	if ((rc = live_tx(l, err))) {
		free(para);
		return rc;
	}
	struct resolution r = { 0 };
	int on = l->current >= 0 ? l->current : idx;
	snprintf(r.meeting_id, sizeof r.meeting_id, "%s", l->meeting.id);
	snprintf(r.item_id, sizeof r.item_id, "%s", l->items[on].item.id);
	for (size_t i = 0; i < l->resolutions.n; i++)
		if (!strcmp(l->resolutions.v[i].item_id, r.item_id))
			r.position++;
	r.position++;
	r.kind = RES_EXCLUSION;
	r.outcome = OUTCOME_CARRIED;
	r.preamble = xstrdup("");
	r.body = live_exclusion_wording(l, (size_t)idx, para);
	rc = resolution_create(l->db, &r, err);
	if (!rc)
		rc = live_mark_exempt(l, idx, parish ? "" : para, err);
	if (!rc)
		rc = event_append(l->db, l->meeting.id, EVENT_PUBLIC_EXCLUDED,
				  l->items[idx].item.id, NULL, r.id, NULL, err);
	free(para);
	/* Excluded part-way through the item being taken: what was done in
	 * public before stays public (the minutes keep it, clerk/record.h). */
	bool before = false;
	for (size_t i = 0; !rc && idx == l->current && i < l->texts.n; i++)
		before |= !strcmp(l->texts.v[i].item_id, r.item_id);
	for (size_t i = 0; !rc && idx == l->current && i < l->resolutions.n;
	     i++)
		before |= !strcmp(l->resolutions.v[i].item_id, r.item_id);
	if (!rc && before)
		live_notice(l,
			    "Press and public excluded: what was done in "
			    "public on item %s before the exclusion stays in "
			    "the public minutes; what follows is exempt.",
			    l->items[idx].item.number);
	if (!rc && out)
		*out = r;
	else
		resolution_free(&r);
	return live_act_end(l, rc, err);
}

enum clerk_status live_readmit_public(struct live *l, struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, false, err);
	if (rc)
		return rc;
	if (!l->public_excluded)
		return clerk_fail(err, CLERK_INVALID,
				  "The press and public are not excluded");
	if ((rc = live_tx(l, err)))
		return rc;
	return live_act_end(l,
			    live_event(l, EVENT_PUBLIC_READMITTED, NULL, "",
				       err),
			    err);
}

enum clerk_status live_note_public(struct live *l, int count,
				   struct clerk_err *err)
{
	live_act_begin(l, err);
	if (count < 0)
		return clerk_fail(err, CLERK_INVALID,
				  "The number of members of the public cannot "
				  "be negative");
	enum clerk_status rc = live_tx(l, err);
	if (rc)
		return rc;
	struct meeting m = l->meeting; /* borrows its strings */
	m.public_present = count;
	rc = meeting_update(l->db, &m, err);
	if (!rc) {
		char detail[32];
		snprintf(detail, sizeof detail, "public %d", count);
		rc = live_event(l, EVENT_NOTE, NULL, detail, err);
	}
	return live_act_end(l, rc, err);
}

enum clerk_status live_add_urgent(struct live *l, const char *title,
				  const char *reason, size_t *index_out,
				  struct clerk_err *err)
{
	live_act_begin(l, err);
	enum clerk_status rc = live_need_sitting(l, false, err);
	if (!rc)
		rc = live_may_transact(l, err);
	if (rc)
		return rc;
	if (live_blank(title))
		return clerk_fail(err, CLERK_INVALID,
				  "Give the title of the urgent item");
	if (live_blank(reason))
		return clerk_fail(err, CLERK_INVALID,
				  "Record the chair's reason why the item is "
				  "urgent: the minutes must state it");
	if ((rc = live_tx(l, err)))
		return rc;
	struct agenda_item it = { 0 };
	char *t = live_trim(title), *why = live_trim(reason);
	char *empty = xstrdup("");
	snprintf(it.meeting_id, sizeof it.meeting_id, "%s", l->meeting.id);
	it.position = l->current >= 0 ? l->items[l->current].item.position + 1
				      : 0;
	it.number = it.description = it.presenter = it.pages = empty;
	it.exempt_paragraph = empty;
	it.title = t;
	it.kind = ITEM_URGENT;
	it.urgent_reason = why;
	rc = item_create(l->db, &it, err);
	if (!rc)
		rc = event_append(l->db, l->meeting.id, EVENT_URGENT_ADDED,
				  it.id, NULL, why, NULL, err);
	free(t);
	free(why);
	free(empty);
	rc = live_act_end(l, rc, err);
	if (!rc && index_out)
		*index_out = (size_t)live_item_index(l, it.id);
	return rc;
}

enum clerk_status live_action_add(struct live *l, const char *resolution_id,
				  const char *body, const char *owner,
				  const char *due, clerk_id *id_out,
				  struct clerk_err *err)
{
	live_act_begin(l, err);
	if (live_blank(body))
		return clerk_fail(err, CLERK_INVALID,
				  "Say what the action is");
	if (!live_blank(resolution_id) && !live_resolution_of(l, resolution_id))
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "There is no such resolution at this meeting");
	int y, m, d;
	char *dd = live_trim(due);
	if (*dd && !date_parse(dd, &y, &m, &d)) {
		clerk_fail(err, CLERK_INVALID,
			   "The due date \"%s\" is not a date: write it as "
			   "YYYY-MM-DD",
			   dd);
		free(dd);
		return CLERK_INVALID;
	}
	enum clerk_status rc = live_tx(l, err);
	if (rc) {
		free(dd);
		return rc;
	}
	struct action a = { 0 };
	char *b = live_trim(body), *o = live_trim(owner);
	snprintf(a.meeting_id, sizeof a.meeting_id, "%s", l->meeting.id);
	snprintf(a.resolution_id, sizeof a.resolution_id, "%s",
		 resolution_id ? resolution_id : "");
	a.body = b;
	a.owner = o;
	a.due = dd;
	a.status = ACTION_OPEN;
	rc = action_create(l->db, &a, err);
	if (!rc) {
		/* The log names the action, so the minutes place it where it
		 * was recorded (clerk/record.h). */
		char detail[64];
		snprintf(detail, sizeof detail, "action %s", a.id);
		rc = live_event(l, EVENT_TEXT_RECORDED, NULL, detail, err);
	}
	if (!rc && id_out)
		snprintf(*id_out, sizeof(clerk_id), "%s", a.id);
	free(b);
	free(o);
	free(dd);
	return live_act_end(l, rc, err);
}
