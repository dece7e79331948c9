/*
 * model/summary: a member's attendance over a period, for the annual
 * report and for members' records.  Only meetings that have taken place
 * (started by the program's clock and not cancelled) count.  At each, every
 * seat's member on that day was expected; their attendance row says whether
 * they came, sent apologies or stayed away (no row, or still 'expected',
 * counts as absent), and substitutes standing in are counted both for the
 * substitute and for the member who sent them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_private.h"

struct tally {
	struct attendance_summary_list *out;
	const char *person_id; /* only this person (NULL: everyone) */
};

static struct attendance_summary *tally_of(struct tally *t,
					   const struct person *p)
{
	if (t->person_id && strcmp(t->person_id, p->id) != 0)
		return NULL;
	for (size_t i = 0; i < t->out->n; i++)
		if (strcmp(t->out->v[i].person.id, p->id) == 0)
			return &t->out->v[i];
	struct attendance_summary *s = MODEL_LIST_PUSH(t->out);
	person_copy(&s->person, p);
	return s;
}

static const struct attendance *row_of(const struct attendance_list *att,
				       const char *person_id)
{
	for (size_t i = 0; i < att->n; i++)
		if (strcmp(att->v[i].person_id, person_id) == 0)
			return &att->v[i];
	return NULL;
}

static bool sent_substitute(const struct attendance_list *att,
			    const char *member_id)
{
	for (size_t i = 0; i < att->n; i++)
		if (att->v[i].status == ATT_SUBSTITUTE &&
		    strcmp(att->v[i].substitute_for, member_id) == 0)
			return true;
	return false;
}

static void attended(struct attendance_summary *s, time_t when)
{
	if (when > s->last_attended)
		s->last_attended = when;
}

static void tally_member(struct tally *t, const struct seat_info *si,
			 const struct attendance_list *att, time_t when)
{
	struct attendance_summary *s = tally_of(t, &si->member);
	if (!s)
		return;
	const struct attendance *a = row_of(att, si->member.id);
	s->expected++;
	s->substitute_sent += sent_substitute(att, si->member.id);
	enum attendance_status st = a ? a->status : ATT_EXPECTED;
	if (st == ATT_PRESENT || st == ATT_IN_ATTENDANCE) {
		s->present++;
		attended(s, when);
	} else if (st == ATT_APOLOGY) {
		s->apologies++;
	} else if (st != ATT_SUBSTITUTE) {
		s->absent++;
	}
}

static enum clerk_status tally_meeting(struct db *db, struct tally *t,
				       const struct meeting *m, const char *date,
				       struct clerk_err *err)
{
	struct seat_info_list seats;
	struct attendance_list att;
	enum clerk_status rc = seat_info_list(db, m->body_id, date, &seats, err);
	if (rc)
		return rc;
	if (!(rc = attendance_list(db, m->id, &att, err))) {
		for (size_t i = 0; i < seats.n; i++)
			if (seats.v[i].filled)
				tally_member(t, &seats.v[i], &att, m->starts_at);
		for (size_t i = 0; i < att.n; i++) {
			struct attendance_summary *s;
			if (att.v[i].status == ATT_SUBSTITUTE &&
			    (s = tally_of(t, &att.v[i].person))) {
				s->as_substitute++;
				attended(s, m->starts_at);
			}
		}
		attendance_list_free(&att);
	}
	seat_info_list_free(&seats);
	return rc;
}

/* The local date of m if it falls within [from, to] and took place. */
static bool meeting_counts(struct db *db, const struct meeting *m,
			   const char *from, const char *to, char date[11])
{
	if (m->status == MEETING_CANCELLED || m->starts_at > clock_now())
		return false;
	char *tz = model_body_tz(db, m->body_id);
	model_local_date(m->starts_at, tz, date);
	free(tz);
	return (!model_has(from) || strcmp(date, from) >= 0) &&
	       (!model_has(to) || strcmp(date, to) <= 0);
}

static int by_name(const void *a, const void *b)
{
	const struct attendance_summary *x = a, *y = b;
	int c = strcasecmp(x->person.name, y->person.name);
	return c ? c : strcmp(x->person.id, y->person.id);
}

enum clerk_status attendance_summary(struct db *db, const char *body_id,
				     const char *person_id, const char *from,
				     const char *to,
				     struct attendance_summary_list *out,
				     struct clerk_err *err)
{
	struct meeting_list ml;
	memset(out, 0, sizeof *out);
	enum clerk_status rc;
	if ((rc = model_check_date(from, "start of the period", false, err)) ||
	    (rc = model_check_date(to, "end of the period", false, err)) ||
	    (rc = meeting_list(db, model_has(body_id) ? body_id : NULL, &ml, err)))
		return rc;
	struct tally t = {out, model_has(person_id) ? person_id : NULL};
	char date[11];
	for (size_t i = 0; !rc && i < ml.n; i++)
		if (meeting_counts(db, &ml.v[i], from, to, date))
			rc = tally_meeting(db, &t, &ml.v[i], date, err);
	meeting_list_free(&ml);
	if (!rc && t.person_id && out->n == 0) /* never expected: zeros */
		rc = person_get(db, t.person_id, &MODEL_LIST_PUSH(out)->person,
				err);
	if (rc)
		attendance_summary_list_free(out);
	else if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, by_name);
	return rc;
}

void attendance_summary_list_free(struct attendance_summary_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		person_free(&l->v[i].person);
	free(l->v);
	memset(l, 0, sizeof *l);
}
