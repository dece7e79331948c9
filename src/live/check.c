/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live check: an action of the console reads again only what it changed
 * (one attendance row, the declarations, the log's new events) and walks
 * only the log's new events; this file says whether what the context then
 * holds is what a whole read of the file gives, so that the incremental
 * reading cannot drift unseen.  The tests call live_check_fresh after each
 * step of a scripted meeting; with CLERK_LIVE_CHECK in the environment
 * every partial read is checked (any test or console run can be).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live_int.h"

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

static void describe_person(struct strbuf *sb, const struct person *p)
{
	sb_addf(sb, " person %s|%s|%s|%s|%s|%s|%d", p->id, str(p->honorific),
		str(p->name), str(p->organisation), str(p->role),
		str(p->pronoun), (int)p->kind);
}

static void describe_fixed(const struct live *l, struct strbuf *sb)
{
	const struct body *b = &l->body;
	sb_addf(sb, "body %s %s|%s|%s q%d %d/%d f%d subs%d tz %s\n", b->id,
		str(b->name), str(b->short_name), str(b->self_name),
		(int)b->quorum_kind, b->quorum_num, b->quorum_den,
		b->quorum_fixed, b->substitutes_allowed, str(b->tz));
	sb_addf(sb, "council %s %s %d %d\n", l->council.id, str(l->council.name),
		(int)l->council.kind, (int)l->council.nation);
	for (size_t i = 0; i < l->seats.n; i++) {
		const struct seat_info *s = &l->seats.v[i];
		sb_addf(sb, "seat %zu %s %s voting%d filled%d role%d", i,
			s->seat.id, str(s->seat.label), s->seat.voting,
			s->filled, (int)s->role);
		if (s->filled)
			describe_person(sb, &s->member);
		for (size_t j = 0; j < s->nsubs; j++)
			sb_addf(sb, " sub %s|%s", s->subs[j].person.id,
				str(s->subs[j].capacity));
		sb_addc(sb, '\n');
	}
}

static void describe_business(const struct live *l, struct strbuf *sb)
{
	const struct meeting *m = &l->meeting;
	sb_addf(sb, "meeting %s body %s at %lld venue %s status %d minutes %d "
		    "confirmed %s %lld %s signed %s first %d public %d off %s\n",
		m->id, m->body_id, (long long)m->starts_at, str(m->venue),
		(int)m->status, (int)m->minutes_state, m->confirmed_at,
		(long long)m->confirmed_on, str(m->confirmed_amendment),
		m->signed_by, m->first_minute, m->public_present,
		str(m->called_off_reason));
	for (size_t i = 0; i < l->nitems; i++) {
		const struct live_item *li = &l->items[i];
		const struct agenda_item *it = &li->item;
		sb_addf(sb, "item %zu %s %s pos %d %s|%s|%s|%s plan %lld %d "
			    "pages %s exempt %d %s kind %d urgent %s\n",
			i, it->id, it->meeting_id, it->position, str(it->number),
			str(it->title), str(it->description),
			str(it->presenter), (long long)it->planned_start,
			it->planned_minutes, str(it->pages), it->exempt,
			str(it->exempt_paragraph), (int)it->kind,
			str(it->urgent_reason));
		sb_addf(sb, "item %zu timing %lld %d started %lld ended %lld "
			    "spells %d elapsed %d done %d running %d done%d "
			    "overrun %d\n",
			i, (long long)li->planned_start, li->planned_seconds,
			(long long)li->started, (long long)li->ended,
			li->spells, li->elapsed, li->elapsed_done, li->running,
			li->done, li->overrun);
	}
	for (size_t i = 0; i < l->attendance.n; i++) {
		const struct attendance *a = &l->attendance.v[i];
		const struct live_presence *p = &l->presence[i];
		sb_addf(sb, "attendance %zu %s %s %s seat %s status %d for %s "
			    "%s|%s|%s arrived %lld %s left %lld %s",
			i, a->id, a->meeting_id, a->person_id, a->seat_id,
			(int)a->status, a->substitute_for, str(a->capacity),
			str(a->note), str(a->substitute_note),
			(long long)a->arrived_at, a->arrived_item,
			(long long)a->left_at, a->left_item);
		describe_person(sb, &a->person);
		sb_addf(sb, "\npresence %zu %s room %d interest %d out %d "
			    "departed %d voting %d\n",
			i, p->person_id, p->in_room, p->out_interest, p->out,
			p->departed, p->voting);
	}
	for (size_t i = 0; i < l->declarations.n; i++) {
		const struct declaration *d = &l->declarations.v[i];
		sb_addf(sb, "declaration %zu %s %s %s %s kind %d %s %d %d %d\n",
			i, d->id, d->meeting_id, d->item_id, d->person_id,
			(int)d->kind, str(d->what), d->sensitive,
			d->dispensation, d->left_room);
	}
	for (size_t i = 0; i < l->resolutions.n; i++) {
		const struct resolution *r = &l->resolutions.v[i];
		sb_addf(sb, "resolution %zu %s %s %s pos %d kind %d amends %s "
			    "%s|%s mover %s seconder %s outcome %d voted %d "
			    "%d/%d/%d recorded %d casting %d %d\n",
			i, r->id, r->meeting_id, r->item_id, r->position,
			(int)r->kind, r->amends, str(r->preamble),
			str(r->body), r->mover, r->seconder, (int)r->outcome,
			r->voted, r->votes_for, r->votes_against,
			r->votes_abstain, r->recorded, r->has_casting,
			(int)r->casting);
	}
	for (size_t i = 0; i < l->actions.n; i++) {
		const struct action *a = &l->actions.v[i];
		sb_addf(sb, "action %zu %s %s %s %s|%s|%s status %d\n", i,
			a->id, a->meeting_id, a->resolution_id, str(a->body),
			str(a->owner), str(a->due), (int)a->status);
	}
}

void live_describe(const struct live *l, struct strbuf *sb)
{
	describe_fixed(l, sb);
	describe_business(l, sb);
	for (size_t i = 0; i < l->texts.n; i++) {
		const struct minute_text *t = &l->texts.v[i];
		sb_addf(sb, "text %zu %s %s %s section %d pos %d %s\n", i,
			t->id, t->meeting_id, t->item_id, (int)t->section,
			t->position, str(t->body));
	}
	for (size_t i = 0; i < l->nunfinished; i++)
		sb_addf(sb, "unfinished %s\n", l->unfinished[i]);
	for (size_t i = 0; i < l->events.n; i++) {
		const struct event *e = &l->events.v[i];
		sb_addf(sb, "event %zu %s %s seq %d at %lld kind %d %s %s %s\n",
			i, e->id, e->meeting_id, e->seq, (long long)e->at,
			(int)e->kind, e->item_id, e->person_id, str(e->detail));
	}
	sb_addf(sb, "current %d running %d adjourned %d closed %d public "
		    "excluded %d\n",
		l->current, l->running, l->adjourned, l->closed,
		l->public_excluded);
	sb_addf(sb, "clock now %lld opened %lld closed %lld sitting %d "
		    "adjourned %d planned %lld projected %lld delay %d\n",
		(long long)l->now, (long long)l->opened_at,
		(long long)l->closed_at, l->sitting, l->adjourned_seconds,
		(long long)l->planned_finish, (long long)l->projected_finish,
		l->delay);
	sb_addf(sb, "quorum seats %d needed %d in room %d quorate %d warning "
		    "%d reached %d lost logged %d\n",
		l->voting_seats, l->quorum, l->voting_in_room, l->quorate,
		l->quorum_warning, l->quorum_reached, l->quorum_lost_logged);
	sb_addf(sb, "walk %zu running %d spell %lld adjourned from %lld "
		    "closed %d\n",
		l->log_done, l->log_running, (long long)l->log_spell,
		(long long)l->log_adj_from, l->log_adj_closed);
}

/* The first line where a and b differ, as a sentence (caller frees). */
static char *first_difference(const char *a, const char *b)
{
	size_t line = 1;
	const char *la = a, *lb = b;
	while (*a && *a == *b) {
		if (*a == '\n') {
			line++;
			la = a + 1;
			lb = b + 1;
		}
		a++;
		b++;
	}
	size_t na = strcspn(la, "\n"), nb = strcspn(lb, "\n");
	return xasprintf("line %zu differs: held \"%.*s\", read afresh "
			 "\"%.*s\"",
			 line, (int)na, la, (int)nb, lb);
}

bool live_check_fresh(const struct live *l, char **diff)
{
	if (diff)
		*diff = NULL;
	struct clerk_err err = { 0 };
	struct live *f = NULL;
	enum clerk_status rc = live_read_afresh(l, &f, &err);
	bool same = false;
	if (rc) {
		if (diff)
			*diff = xasprintf("the file could not be read afresh: "
					  "%s",
					  err.msg);
	} else {
		struct strbuf held = { 0 }, fresh = { 0 };
		live_describe(l, &held);
		live_describe(f, &fresh);
		same = !strcmp(sb_str(&held), sb_str(&fresh));
		if (!same && diff)
			*diff = first_difference(sb_str(&held),
						 sb_str(&fresh));
		sb_free(&held);
		sb_free(&fresh);
	}
	live_free(&f);
	return same;
}

void live_check_env(const struct live *l)
{
	const char *on = getenv("CLERK_LIVE_CHECK");
	if (!on || !*on || !strcmp(on, "0"))
		return;
	char *diff = NULL;
	if (live_check_fresh(l, &diff))
		return;
	fprintf(stderr,
		"clerk: CLERK_LIVE_CHECK: the live context is not what a "
		"whole read gives: %s\n",
		diff);
	free(diff);
	abort();
}
