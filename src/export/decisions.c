/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/decisions: what a meeting decided, in the house style — the
 * confirmation of earlier minutes and corrections recorded after
 * confirmation, the resolution excluding the public from an exempt item,
 * and each item's resolutions ("RESOLVED:", numbered when several) with
 * their mover and seconder, vote counts, recorded votes by name,
 * abstentions with their reasons and the chairman's casting vote.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/model_scale.h"
#include "clerk/record.h"
#include "export_private.h"
#include "export_shared.h"

static char *short_date(const struct minutes_ctx *c, time_t t)
{
	return style_date(style_get(&c->style, "short_date", "{day} {month} {year}"),
			  t, c->body.tz);
}

/* The confirmation of each meeting confirmed at this one. */
static void confirmations(struct minutes_ctx *c, bool typed)
{
	struct meeting_list ml = {0};
	struct clerk_err err = {0};
	if (!minutes_read(c, meeting_list_confirmed_at(c->db, c->meeting.id, &ml,
							&err),
			  &err, "the minutes confirmed at this meeting"))
		return;
	for (size_t i = 0; i < ml.n; i++) {
		const struct meeting *p = &ml.v[i];
		bool amended = p->confirmed_amendment &&
			       *p->confirmed_amendment;
		if (p->minutes_state != MINUTES_CONFIRMED ||
		    strcmp(p->confirmed_at, c->meeting.id) != 0 ||
		    (typed && !amended))
			continue;
		struct body pb = {0};
		if (!minutes_read(c, body_get(c->db, p->body_id, &pb, &err), &err,
				  "the body of minutes confirmed here"))
			continue;
		char *date = short_date(c, p->starts_at);
		char *signer = minutes_person_name(c, p->signed_by);
		const struct style_var v[] = {{"prev_body", pb.name},
					      {"prev_date", date},
					      {"amendment", p->confirmed_amendment},
					      {"signer", signer}};
		minutes_say_paras(c,
				  amended ? "previous.amended"
					  : "previous.confirmed",
				  v, 4);
		free(signer);
		free(date);
		body_free(&pb);
	}
	meeting_list_free(&ml);
}

/* Corrections to confirmed minutes recorded at this meeting. */
static void corrections(struct minutes_ctx *c)
{
	struct correction_list cl = {0};
	struct clerk_err err = {0};
	if (!minutes_read(c, correction_list(c->db, c->meeting.id, true, &cl,
					     &err),
			  &err, "the corrections recorded at this meeting"))
		return;
	for (size_t i = 0; i < cl.n; i++) {
		struct meeting p = {0};
		if (!minutes_read(c, meeting_get(c->db, cl.v[i].meeting_id, &p, &err),
				  &err, "the meeting a correction is to"))
			continue;
		struct body pb = {0};
		minutes_read(c, body_get(c->db, p.body_id, &pb, &err), &err,
			     "the body of a corrected meeting");
		char *date = short_date(c, p.starts_at);
		/* Confirmed on the day of the meeting that confirmed them. */
		time_t when = p.confirmed_on;
		struct meeting at = {0};
		if (*p.confirmed_at &&
		    minutes_read(c, meeting_get(c->db, p.confirmed_at, &at, &err),
				 &err, "the meeting that confirmed corrected minutes"))
			when = at.starts_at;
		meeting_free(&at);
		char *cdate = when ? short_date(c, when) : xstrdup("");
		const struct style_var v[] = {{"prev_body", pb.name},
					      {"prev_date", date},
					      {"confirmed_date", cdate},
					      {"correction", cl.v[i].body}};
		minutes_say_paras(c, "previous.correction", v, 4);
		free(date);
		free(cdate);
		body_free(&pb);
		meeting_free(&p);
	}
	correction_list_free(&cl);
}

void minutes_previous(struct minutes_ctx *c, bool generated, bool typed)
{
	if (generated)
		confirmations(c, typed);
	corrections(c);
}

/* ---------------------------------------------------------- resolutions */

static void resolved_label(struct minutes_ctx *c)
{
	char *s = minutes_say(c, "resolved", NULL, 0);
	if (s)
		doc_add(c->doc, DOC_PARA, s)->bold = true;
	free(s);
}

/* True when the live log shows the public excluded for this item by a
 * resolution moved at another item (the live console words it there, and
 * the minutes show it at that item). */
static bool excluded_elsewhere(struct minutes_ctx *c,
			       const struct agenda_item *it)
{
	struct event_list el = {0};
	struct clerk_err err = {0};
	bool found = false;
	if (!minutes_read(c, event_list(c->db, c->meeting.id, &el, &err), &err,
			  "the meeting's log"))
		return false;
	for (size_t i = 0; i < el.n && !found; i++)
		found = el.v[i].kind == EVENT_PUBLIC_EXCLUDED &&
			strcmp(el.v[i].item_id, it->id) == 0;
	event_list_free(&el);
	return found;
}

void minutes_exclusion(struct minutes_ctx *c, const struct agenda_item *it)
{
	struct resolution_list rl;
	minutes_item_resolutions(c, it->id, &rl);
	/* {law}: the statute this council excludes the public under. */
	char *law = council_exclusion_law(c->council.kind, c->council.nation,
					  it->exempt_paragraph);
	const struct style_var v[] = {{"paragraph", it->exempt_paragraph},
				      {"law", law}};
	bool any = false;
	for (size_t i = 0; i < rl.n; i++) {
		const struct resolution *r = &rl.v[i];
		if (r->kind != RES_EXCLUSION)
			continue;
		resolved_label(c);
		if (*r->body)
			doc_add(c->doc, DOC_PARA, r->body);
		else
			minutes_say_paras(c, "exclusion", v, 2);
		any = true;
	}
	if (!any && !excluded_elsewhere(c, it)) {
		resolved_label(c);
		minutes_say_paras(c, "exclusion", v, 2);
	}
	free(law);
	free(rl.v); /* the strings are the context's */
}

/* Names of the members who voted `choice`, "A, B and C" ("" none). */
static char *names_voting(struct minutes_ctx *c, const struct vote_list *vl,
			  enum vote_choice choice)
{
	struct strbuf sb = {0};
	sb_add(&sb, "");
	size_t total = 0, done = 0;
	for (size_t i = 0; i < vl->n; i++)
		total += vl->v[i].vote == choice;
	for (size_t i = 0; i < vl->n; i++) {
		if (vl->v[i].vote != choice)
			continue;
		char *n = minutes_person_name(c, vl->v[i].person_id);
		if (done)
			sb_add(&sb, done + 1 == total ? " and " : ", ");
		sb_add(&sb, n);
		free(n);
		done++;
	}
	return sb_detach(&sb);
}

/* The sentences about how a resolution was decided, appended to sb. */
static void vote_details(struct minutes_ctx *c, const struct resolution *r,
			 struct strbuf *sb)
{
	struct vote_list vl = {0};
	struct clerk_err err = {0};
	minutes_read(c, vote_list(c->db, r->id, &vl, &err), &err,
		     "the recorded votes");
	char f[16], a[16], ab[16];
	snprintf(f, sizeof f, "%d", r->votes_for);
	snprintf(a, sizeof a, "%d", r->votes_against);
	snprintf(ab, sizeof ab, "%d", r->votes_abstain);
	char *who = NULL, *as = NULL;
	minutes_presiding_at(c, record_resolution_seq(&c->events, r->id), &who,
			     &as);
	char *fn = names_voting(c, &vl, VOTE_FOR);
	char *an = names_voting(c, &vl, VOTE_AGAINST);
	char *abn = names_voting(c, &vl, VOTE_ABSTAIN);
	const struct style_var v[] = {
		{"for", f},          {"against", a},        {"abstain", ab},
		{"for_names", fn},   {"against_names", an}, {"abstain_names", abn},
		{"casting", r->casting == VOTE_FOR ? "for" : "against"},
		{"presiding", who},  {"presiding_as", as}};
	/* Agreed without a vote: the style's words for it, if any. */
	bool agreed = !r->voted && r->kind == RES_MOTION &&
		      r->outcome == OUTCOME_CARRIED;
	const char *keys[4] = {r->voted	  ? "resolution.votes"
			       : agreed ? "resolution.agreed"
					: NULL,
			       r->recorded ? "resolution.recorded" : NULL,
			       NULL,
			       r->has_casting ? "resolution.casting" : NULL};
	for (int k = 0; k < 4; k++) {
		if (k == 2) {
			/* Each abstention, named with its reason (a recorded
			 * vote names them once, in its list). */
			for (size_t i = 0; !r->recorded && i < vl.n; i++) {
				if (vl.v[i].vote != VOTE_ABSTAIN)
					continue;
				char *n = minutes_person_name(c, vl.v[i].person_id);
				const struct style_var av[] = {
					{"name", n}, {"reason", vl.v[i].reason}};
				char *s = minutes_say(c, "resolution.abstention",
						      av, 2);
				if (s && *s)
					sb_addf(sb, "%s%s", sb->len ? " " : "", s);
				free(s);
				free(n);
			}
			continue;
		}
		if (!keys[k])
			continue;
		char *s = minutes_say(c, keys[k], v, 9);
		if (s && *s)
			sb_addf(sb, "%s%s", sb->len ? " " : "", s);
		free(s);
	}
	free(fn);
	free(an);
	free(abn);
	free(who);
	free(as);
	vote_list_free(&vl);
}

/* "Proposed by A, seconded by B." for r, or "" when the style or the
 * record has none.  Caller frees. */
static char *moved_by(struct minutes_ctx *c, const struct resolution *r)
{
	char *m = minutes_person_name(c, r->mover);
	char *s = minutes_person_name(c, r->seconder);
	const struct style_var v[] = {{"mover", m}, {"seconder", s}};
	char *out = *m ? minutes_say(c, "resolution.moved", v, 2) : NULL;
	free(m);
	free(s);
	return out ? out : xstrdup("");
}

/* An amendment, or a motion that was lost or withdrawn: a paragraph of
 * what was moved and what became of it. */
static void not_resolved(struct minutes_ctx *c, const struct resolution *r)
{
	char *m = minutes_person_name(c, r->mover);
	char *s = minutes_person_name(c, r->seconder);
	char *body = minutes_marked(c, r->id, true, r->body);
	const struct style_var v[] = {{"mover", m}, {"seconder", s},
				      {"body", body}};
	struct strbuf sb = {0};
	/* A motion is not worded as an amendment (styles without a
	 * resolution.motion key keep their old wording). */
	char *t = r->kind == RES_MOTION ? minutes_say(c, "resolution.motion", v, 3)
					: NULL;
	if (!t)
		t = minutes_say(c, "resolution.amendment", v, 3);
	sb_add(&sb, t ? t : body);
	free(t);
	const char *key = r->kind == RES_AMENDMENT
				  ? (r->outcome == OUTCOME_LOST ? "outcome.amendment_lost"
				     : r->outcome == OUTCOME_WITHDRAWN
					     ? "outcome.withdrawn"
					     : "outcome.amendment_carried")
			  : r->outcome == OUTCOME_LOST	    ? "outcome.lost"
			  : r->outcome == OUTCOME_PENDING ? "outcome.pending"
							  : "outcome.withdrawn";
	vote_details(c, r, &sb);
	t = minutes_say(c, key, NULL, 0);
	if (t)
		sb_addf(&sb, " %s", t);
	free(t);
	doc_add(c->doc, DOC_PARA, sb_str(&sb));
	sb_free(&sb);
	free(body);
	free(m);
	free(s);
}

bool minutes_is_resolved(const struct resolution *r)
{
	/* A motion never decided (the meeting closed, or the minutes are
	 * drafted before the vote) is no resolution. */
	return r->kind != RES_AMENDMENT && r->outcome != OUTCOME_LOST &&
	       r->outcome != OUTCOME_WITHDRAWN && r->outcome != OUTCOME_PENDING;
}

void minutes_resolution_run(struct minutes_ctx *c,
			    const struct resolution_list *rl, const size_t *idx,
			    size_t n, int total, int *k)
{
	struct doc_block *list = NULL;
	for (size_t j = 0; j < n; j++) {
		const struct resolution *r = &rl->v[idx[j]];
		if (!minutes_is_resolved(r)) {
			not_resolved(c, r);
			list = NULL;
			continue;
		}
		if (total == 1) {
			char *moved = moved_by(c, r);
			if (*moved)
				doc_add(c->doc, DOC_PARA, moved);
			free(moved);
			resolved_label(c);
			if (*r->preamble)
				doc_add(c->doc, DOC_PARA, r->preamble);
			char *body = minutes_marked(c, r->id, true, r->body);
			doc_add(c->doc, DOC_PARA, body);
			free(body);
			struct strbuf sb = {0};
			vote_details(c, r, &sb);
			if (sb.len) /* a style's "\n" starts a paragraph */
				minutes_paras(c->doc, sb_str(&sb));
			sb_free(&sb);
			continue;
		}
		if (!list) {
			resolved_label(c);
			if (*r->preamble)
				doc_add(c->doc, DOC_PARA, r->preamble);
			list = doc_add(c->doc, DOC_NUMBERED, NULL);
		}
		struct strbuf sb = {0};
		char *body = minutes_marked(c, r->id, true, r->body);
		sb_add(&sb, body);
		free(body);
		char *moved = moved_by(c, r);
		if (*moved)
			sb_addf(&sb, " %s", moved);
		free(moved);
		vote_details(c, r, &sb);
		char label[16];
		snprintf(label, sizeof label, "%d.", ++*k);
		doc_row_add(list, label, sb_str(&sb));
		sb_free(&sb);
	}
}
