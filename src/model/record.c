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

struct keyed {
	struct record_entry e;
	int eff;     /* the seq it sorts by */
	size_t old;  /* its place in the older order */
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->eff != y->eff)
		return x->eff < y->eff ? -1 : 1;
	return x->old < y->old ? -1 : x->old > y->old;
}

void record_item(const struct event_list *ev, const char *item_id,
		 const struct minute_text_list *texts,
		 const struct resolution_list *rl, struct record_list *out)
{
	memset(out, 0, sizeof *out);
	size_t cap = texts->n + rl->n + ev->n, n = 0;
	struct keyed *k = xcalloc(cap ? cap : 1, sizeof *k);
	/* The older order: texts by section then position, resolutions by
	 * position, then the events. */
	for (int sec = SECTION_RECEIVED; sec <= SECTION_EXEMPT; sec++)
		for (size_t i = 0; i < texts->n; i++) {
			const struct minute_text *t = &texts->v[i];
			if ((int)t->section != sec || strcmp(t->item_id, item_id))
				continue;
			k[n++].e = (struct record_entry){
				RECORD_TEXT, i, record_text_seq(ev, t->id)};
		}
	for (size_t i = 0; i < rl->n; i++)
		if (!strcmp(rl->v[i].item_id, item_id))
			k[n++].e = (struct record_entry){
				RECORD_RESOLUTION, i,
				record_resolution_seq(ev, rl->v[i].id)};
	for (size_t i = 0; i < ev->n; i++)
		if (!strcmp(ev->v[i].item_id, item_id) &&
		    record_event_minuted(&ev->v[i]))
			k[n++].e = (struct record_entry){RECORD_EVENT, i,
							 ev->v[i].seq};
	int before = -1;
	for (size_t i = 0; i < n; i++) {
		k[i].old = i;
		if (k[i].e.seq > before)
			before = k[i].e.seq;
		k[i].eff = k[i].e.seq >= 0 ? k[i].e.seq : before;
	}
	qsort(k, n, sizeof *k, keyed_cmp);
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	for (size_t i = 0; i < n; i++)
		out->v[i] = k[i].e;
	out->n = n;
	free(k);
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
