/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli/prepare: helpers of the commands that prepare meetings (see
 * prepare.h).  All reads and writes go through the model.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clerk/import.h"
#include "prepare.h"

const char prep_default_standard_items[] =
	"apologies|APOLOGIES FOR ABSENCE\n"
	"declarations|DECLARATIONS OF INTEREST\n"
	"previous minutes|MINUTES OF PREVIOUS MEETING\n"
	"deputations|DEPUTATIONS\n"
	"announcements|CHAIRMAN'S ANNOUNCEMENTS\n"
	"any other business|ANY OTHER BUSINESS\n"
	"date of next meeting|DATE OF NEXT MEETING";

enum clerk_status prep_person(struct db *db, const char *full,
			      struct person *out, bool *created,
			      struct clerk_err *err)
{
	char *hon, *name;
	import_split_honorific(full, &hon, &name);
	memset(out, 0, sizeof *out);
	*created = false;
	struct person_list l = {0};
	enum clerk_status rc = CLERK_OK;
	if (!*name) {
		rc = clerk_fail(err, CLERK_USAGE, "no person was named");
		goto done;
	}
	if ((rc = person_search(db, name, &l, err)))
		goto done;
	for (size_t i = 0; i < l.n; i++) {
		if (strcasecmp(l.v[i].name, name) == 0) {
			*out = l.v[i];
			memset(&l.v[i], 0, sizeof l.v[i]);
			goto done;
		}
	}
	out->honorific = hon;
	out->name = name;
	hon = name = NULL;
	if (!(rc = person_create(db, out, err)))
		*created = true;
done:
	person_list_free(&l);
	free(hon);
	free(name);
	return rc;
}

enum clerk_status prep_person_named(struct db *db, const char *spec,
				    struct person *out, struct clerk_err *err)
{
	char *hon, *name;
	import_split_honorific(spec, &hon, &name);
	memset(out, 0, sizeof *out);
	struct person_list l = {0};
	enum clerk_status rc = *name ? person_search(db, name, &l, err)
				     : clerk_fail(err, CLERK_USAGE,
						  "no person was named");
	size_t pick = l.n, exact = 0;
	for (size_t i = 0; !rc && i < l.n; i++)
		if (strcasecmp(l.v[i].name, name) == 0) {
			pick = i;
			exact++;
		}
	if (!rc && !exact && l.n == 1)
		pick = 0;
	if (!rc && pick == l.n) {
		struct strbuf sb = {0};
		for (size_t i = 0; i < l.n && i < 8; i++)
			sb_addf(&sb, "%s%s", i ? ", " : "", l.v[i].name);
		rc = l.n ? clerk_fail(err, CLERK_AMBIGUOUS,
				      "\"%s\" names %zu people: %s; give more "
				      "of the name",
				      spec, l.n, sb_str(&sb))
			 : clerk_fail(err, CLERK_NOT_FOUND,
				      "nobody is called \"%s\"", spec);
		sb_free(&sb);
	} else if (!rc && exact > 1) {
		rc = clerk_fail(err, CLERK_AMBIGUOUS,
				"%zu people are called \"%s\"", exact, name);
	} else if (!rc) {
		*out = l.v[pick];
		memset(&l.v[pick], 0, sizeof l.v[pick]);
	}
	person_list_free(&l);
	free(hon);
	free(name);
	return rc;
}

enum clerk_status prep_person_kind(const char *s, enum person_kind *out,
				   struct clerk_err *err)
{
	if (person_kind_parse(s, out))
		return CLERK_OK;
	if (s && strcasecmp(s, "co-opted") == 0) {
		*out = PERSON_COOPTED;
		return CLERK_OK;
	}
	if (s && strcasecmp(s, "partner") == 0) {
		*out = PERSON_PARTNER;
		return CLERK_OK;
	}
	return clerk_fail(err, CLERK_USAGE,
			  "\"%s\" is not a kind of person: councillor, "
			  "co-opted member, officer or partner representative",
			  s ? s : "");
}

enum clerk_status prep_seat(struct db *db, const char *body_id,
			    const char *spec, const char *date, clerk_id out,
			    struct clerk_err *err)
{
	struct seat_info_list l = {0};
	enum clerk_status rc = seat_info_list(db, body_id, date, &l, err);
	if (rc)
		return rc;
	char *end;
	long pos = strtol(spec, &end, 10);
	size_t found = 0, which = 0;
	struct strbuf names = {0};
	for (size_t i = 0; i < l.n; i++) {
		const struct seat *s = &l.v[i].seat;
		bool hit = (*end == '\0' && end != spec)
				   ? s->position == pos
				   : strcasestr(s->label, spec) != NULL;
		if (*end != '\0' && strcasecmp(s->label, spec) == 0) {
			found = 1, which = i; /* an exact label wins */
			break;
		}
		if (hit) {
			sb_addf(&names, "%s%d %s", found ? "; " : "",
				s->position, s->label);
			found++;
			which = i;
		}
	}
	if (found == 1)
		snprintf(out, CLERK_UUID_LEN, "%s", l.v[which].seat.id);
	else if (!found)
		rc = clerk_fail(err, CLERK_NOT_FOUND,
				"the body has no seat \"%s\" on %s (name it by "
				"its number or part of its label; a seat exists "
				"only between its first and last day)",
				spec, date);
	else
		rc = clerk_fail(err, CLERK_AMBIGUOUS,
				"\"%s\" could be several seats: %s", spec,
				sb_str(&names));
	sb_free(&names);
	seat_info_list_free(&l);
	return rc;
}

enum clerk_status prep_date(const char *s, const char *what,
			    struct clerk_err *err)
{
	int y, m, d;
	if (s && !date_parse(s, &y, &m, &d))
		return clerk_fail(err, CLERK_USAGE,
				  "%s \"%s\" is not a date (YYYY-MM-DD)", what,
				  s);
	return CLERK_OK;
}

enum clerk_status prep_int(const char *s, int min, const char *what, int *out,
			   struct clerk_err *err)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < min || v > 100000)
		return clerk_fail(err, CLERK_USAGE,
				  "%s \"%s\" is not a whole number of %d or more",
				  what, s, min);
	*out = (int)v;
	return CLERK_OK;
}

enum clerk_status prep_replan(struct db *db, const struct meeting *m,
			      struct clerk_err *err)
{
	struct item_list l = {0};
	enum clerk_status rc = item_list(db, m->id, &l, err);
	time_t cur = m->starts_at;
	for (size_t i = 0; !rc && i < l.n; i++) {
		struct agenda_item *it = &l.v[i];
		if (it->planned_start != cur) {
			it->planned_start = cur;
			rc = item_update(db, it, err);
		}
		cur += (time_t)it->planned_minutes * 60;
	}
	item_list_free(&l);
	return rc;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

enum clerk_status prep_renumber(struct db *db, const char *meeting_id,
				struct clerk_err *err)
{
	struct item_list l = {0};
	enum clerk_status rc = item_list(db, meeting_id, &l, err);
	for (size_t i = 0; !rc && i < l.n; i++)
		if (l.v[i].number[0] && !all_digits(l.v[i].number))
			goto done;
	for (size_t i = 0; !rc && i < l.n; i++) {
		char num[24];
		snprintf(num, sizeof num, "%zu", i + 1);
		if (strcmp(num, l.v[i].number) == 0)
			continue;
		free(l.v[i].number);
		l.v[i].number = xstrdup(num);
		rc = item_update(db, &l.v[i], err);
	}
done:
	item_list_free(&l);
	return rc;
}
