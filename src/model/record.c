/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/record: the record of a meeting in the order it happened (see
 * clerk/record.h).  No SQL: it orders what the model has read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/record.h"

bool record_event_minuted(const struct event *e)
{
	switch (e->kind) {
	case EVENT_QUORUM_LOST:
	case EVENT_QUORUM_REGAINED:
	case EVENT_ADJOURNED:
	case EVENT_PUBLIC_READMITTED:
	case EVENT_ARRIVED:
	case EVENT_PRESIDING:
	case EVENT_ELECTED:
		return true;
	case EVENT_LEFT:
		return e->detail && (!strcmp(e->detail, "departed") ||
				     !strcmp(e->detail, "interest"));
	default:
		return false;
	}
}

/* True when detail ends with " id" (or is id). */
static bool names_at_end(const char *detail, const char *id)
{
	size_t n = strlen(detail), k = strlen(id);
	if (!k || n < k || strcmp(detail + n - k, id) != 0)
		return false;
	return n == k || detail[n - k - 1] == ' ';
}

int record_text_seq(const struct event_list *ev, const char *text_id)
{
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].kind == EVENT_TEXT_RECORDED &&
		    names_at_end(ev->v[i].detail, text_id))
			return ev->v[i].seq;
	return -1;
}

int record_resolution_seq(const struct event_list *ev, const char *res_id)
{
	int moved = -1, decided = -1;
	size_t k = strlen(res_id);
	if (!k)
		return -1;
	for (size_t i = 0; i < ev->n; i++) {
		const struct event *e = &ev->v[i];
		if (e->kind == EVENT_VOTE_TAKEN &&
		    !strncmp(e->detail, res_id, k) &&
		    (!e->detail[k] || e->detail[k] == ' '))
			decided = e->seq;
		else if (moved < 0 &&
			 (((e->kind == EVENT_MOVED ||
			    e->kind == EVENT_PUBLIC_EXCLUDED) &&
			   !strcmp(e->detail, res_id)) ||
			  (e->kind == EVENT_TEXT_RECORDED &&
			   names_at_end(e->detail, res_id))))
			moved = e->seq;
	}
	return decided >= 0 ? decided : moved;
}

int record_action_seq(const struct event_list *ev, const char *action_id,
		      const char **item_id)
{
	for (size_t i = 0; *action_id && i < ev->n; i++)
		if (ev->v[i].kind == EVENT_TEXT_RECORDED &&
		    !strncmp(ev->v[i].detail, "action ", 7) &&
		    names_at_end(ev->v[i].detail, action_id)) {
			if (item_id)
				*item_id = ev->v[i].item_id;
			return ev->v[i].seq;
		}
	return -1;
}

struct keyed {
	struct record_entry e;
	long long eff; /* the key it sorts by */
	size_t old;    /* its place in the older order */
	int pos;       /* its position in its section (texts, resolutions) */
	int group;     /* its section; resolutions after the texts */
	long long cap; /* its capture seq (-1: unknown) */
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->eff != y->eff)
		return x->eff < y->eff ? -1 : 1;
	return x->old < y->old ? -1 : x->old > y->old;
}

static long long capture_of(const struct record_captures *cap,
			    const char *id)
{
	for (size_t i = 0; cap && i < cap->n; i++)
		if (!strcmp(cap->v[i].id, id))
			return cap->v[i].seq;
	return -1;
}

static int ll_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

/* Sort k[0, n) by the capture order, keeping each group (a section of
 * paragraphs, the resolutions) in its own order: the group's capture
 * seqs, sorted, are given to its members in their order, so that a
 * paragraph inserted between two others stays there. */
static void order_by_capture(struct keyed *k, size_t n)
{
	long long *seqs = xcalloc(n ? n : 1, sizeof *seqs);
	for (int g = SECTION_RECEIVED; g <= SECTION_EXEMPT + 1; g++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			if (k[i].group == g && k[i].cap >= 0)
				seqs[m++] = k[i].cap;
		qsort(seqs, m, sizeof *seqs, ll_cmp);
		/* members of the group are in their own order in k */
		size_t j = 0;
		for (size_t i = 0; i < n; i++)
			if (k[i].group == g && k[i].cap >= 0)
				k[i].cap = seqs[j++];
	}
	free(seqs);
	long long before = -1;
	for (size_t i = 0; i < n; i++) {
		if (k[i].cap > before)
			before = k[i].cap;
		k[i].eff = k[i].cap >= 0 ? k[i].cap : before;
	}
	qsort(k, n, sizeof *k, keyed_cmp);
}

void record_item(const struct event_list *ev, const char *item_id,
		 const struct minute_text_list *texts,
		 const struct resolution_list *rl, struct record_list *out)
{
	record_item_with(ev, item_id, texts, rl, NULL, NULL, out);
}

void record_item_with(const struct event_list *ev, const char *item_id,
		      const struct minute_text_list *texts,
		      const struct resolution_list *rl,
		      const struct action_list *actions,
		      const struct record_captures *cap,
		      struct record_list *out)
{
	memset(out, 0, sizeof *out);
	size_t na = actions ? actions->n : 0;
	size_t cap_n = texts->n + rl->n + ev->n + na, n = 0;
	struct keyed *k = xcalloc(cap_n ? cap_n : 1, sizeof *k);
	/* The older order: texts by section then position, resolutions by
	 * position, then the events. */
	for (int sec = SECTION_RECEIVED; sec <= SECTION_EXEMPT; sec++)
		for (size_t i = 0; i < texts->n; i++) {
			const struct minute_text *t = &texts->v[i];
			if ((int)t->section != sec || strcmp(t->item_id, item_id))
				continue;
			k[n].group = sec;
			k[n].cap = capture_of(cap, t->id);
			k[n++].e = (struct record_entry){
				RECORD_TEXT, i, record_text_seq(ev, t->id)};
		}
	for (size_t i = 0; i < rl->n; i++)
		if (!strcmp(rl->v[i].item_id, item_id)) {
			k[n].group = SECTION_EXEMPT + 1;
			k[n].cap = capture_of(cap, rl->v[i].id);
			k[n++].e = (struct record_entry){
				RECORD_RESOLUTION, i,
				record_resolution_seq(ev, rl->v[i].id)};
		}
	for (size_t i = 0; i < ev->n; i++)
		if (!strcmp(ev->v[i].item_id, item_id) &&
		    record_event_minuted(&ev->v[i])) {
			k[n].group = -1;
			k[n].cap = -1;
			k[n++].e = (struct record_entry){RECORD_EVENT, i,
							 ev->v[i].seq};
		}
	bool placed = false;
	for (size_t i = 0; i < n; i++)
		placed |= k[i].e.seq >= 0;
	/* Actions the log places, on this item. */
	for (size_t i = 0; i < na; i++) {
		const char *on = NULL;
		int seq = record_action_seq(ev, actions->v[i].id, &on);
		if (seq < 0 || !on || strcmp(on, item_id))
			continue;
		k[n].group = -1;
		k[n].cap = -1;
		k[n++].e = (struct record_entry){RECORD_ACTION, i, seq};
		placed = true;
	}
	for (size_t i = 0; i < n; i++)
		k[i].old = i;
	if (!placed && cap) {
		order_by_capture(k, n);
	} else {
		long long before = -1;
		for (size_t i = 0; i < n; i++) {
			if (k[i].e.seq > before)
				before = k[i].e.seq;
			k[i].eff = k[i].e.seq >= 0 ? k[i].e.seq : before;
		}
		qsort(k, n, sizeof *k, keyed_cmp);
	}
	out->v = xcalloc(n + na + 1, sizeof *out->v);
	for (size_t i = 0; i < n; i++)
		out->v[i] = k[i].e;
	out->n = n;
	free(k);
	/* Actions the log does not place follow the run of resolutions
	 * holding the one they arise from. */
	for (size_t i = 0; i < na; i++) {
		const struct action *a = &actions->v[i];
		if (!*a->resolution_id || record_action_seq(ev, a->id, NULL) >= 0)
			continue;
		size_t at = out->n;
		for (size_t j = 0; j < out->n && at == out->n; j++)
			if (out->v[j].kind == RECORD_RESOLUTION &&
			    !strcmp(rl->v[out->v[j].index].id, a->resolution_id))
				at = j;
		if (at == out->n)
			continue; /* arises from another item's resolution */
		int seq = out->v[at].seq;
		/* after the run, and after the actions already put there */
		while (at + 1 < out->n &&
		       (out->v[at + 1].kind == RECORD_RESOLUTION ||
			(out->v[at + 1].kind == RECORD_ACTION &&
			 record_action_seq(
				 ev, actions->v[out->v[at + 1].index].id,
				 NULL) < 0)))
			at++;
		memmove(out->v + at + 2, out->v + at + 1,
			(out->n - at - 1) * sizeof *out->v);
		out->v[at + 1] = (struct record_entry){RECORD_ACTION, i, seq};
		out->n++;
	}
}

void record_list_free(struct record_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

void record_item_order(const struct event_list *ev,
		       const struct item_list *items, size_t *order)
{
	size_t n = items->n;
	struct keyed *k = xcalloc(n ? n : 1, sizeof *k);
	int before = -1;
	for (size_t i = 0; i < n; i++) {
		int seq = -1;
		for (size_t j = 0; j < ev->n && seq < 0; j++)
			if (ev->v[j].kind == EVENT_ITEM_STARTED &&
			    !strcmp(ev->v[j].item_id, items->v[i].id))
				seq = ev->v[j].seq;
		k[i].e.index = i;
		k[i].old = i;
		if (seq > before)
			before = seq;
		k[i].eff = seq >= 0 ? seq : before;
	}
	qsort(k, n, sizeof *k, keyed_cmp);
	for (size_t i = 0; i < n; i++)
		order[i] = k[i].e.index;
	free(k);
}

bool record_excluded_at(const struct event_list *ev, int seq)
{
	bool excluded = false;
	for (size_t i = 0; i < ev->n && ev->v[i].seq <= seq; i++) {
		if (ev->v[i].kind == EVENT_PUBLIC_EXCLUDED)
			excluded = true;
		else if (ev->v[i].kind == EVENT_PUBLIC_READMITTED)
			excluded = false;
	}
	return excluded;
}

int record_exclusion_seq(const struct event_list *ev, const char *item_id)
{
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].kind == EVENT_PUBLIC_EXCLUDED &&
		    !strcmp(ev->v[i].item_id, item_id))
			return ev->v[i].seq;
	return -1;
}

bool record_resolution_unfinished(const struct event_list *ev,
				  const char *res_id)
{
	bool unfinished = false;
	size_t k = strlen(RECORD_MOTION_UNFINISHED);
	size_t a = strlen(RECORD_MOTION_ACCEPTED);
	for (size_t i = 0; *res_id && i < ev->n; i++) {
		const struct event *e = &ev->v[i];
		if (e->kind != EVENT_NOTE)
			continue;
		if (!strncmp(e->detail, RECORD_MOTION_UNFINISHED, k) &&
		    e->detail[k] == ' ' && !strcmp(e->detail + k + 1, res_id))
			unfinished = true;
		else if (!strncmp(e->detail, RECORD_MOTION_ACCEPTED, a) &&
			 e->detail[a] == ' ' &&
			 !strcmp(e->detail + a + 1, res_id))
			unfinished = false;
	}
	return unfinished;
}
