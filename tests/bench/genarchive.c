/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * genarchive: builds a realistic archive of committee records in one clerk
 * file, for the benchmarks (make bench).  Everything goes through the model
 * API, as the program itself writes it, inside one outer transaction per
 * meeting (the model's own commits nest as savepoints), so the file looks
 * exactly like one clerk built over the years: audit rows, search index and
 * all.
 *
 *   genarchive FILE [small|mid|large]
 *
 * large: 60 bodies, 800 people with membership changing over 20 years,
 * about 12,000 meetings, 150,000 agenda items, 400,000 attendance records
 * and 100 MB of minute text.  mid: the same council over five years (so
 * that growth with the archive's age is seen apart from growth with the
 * council's size).  small: a tenth of the bodies and people over two years.  A fixed seed makes every run build the same archive.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/live.h"
#include "clerk/model.h"

struct scale {
	int bodies, people, years, meetings_per_year, seats_min, seats_span;
	int items_min, items_span;
};

static const struct scale large = {60, 800, 20, 10, 26, 14, 10, 6};
static const struct scale mid = {60, 800, 5, 10, 26, 14, 10, 6};
static const struct scale small = {6, 80, 2, 10, 26, 14, 10, 6};

/* ---- a deterministic generator (xorshift64*) ---- */

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

#define PICK(a) ((a)[rnd(sizeof(a) / sizeof((a)[0]))])

static const char *const given[] = {
	"Liz", "Keith", "Patricia", "Graham", "Roger", "Sallie", "David",
	"Anne", "Nicola", "Dominic", "Christine", "Michael", "Barbara", "Nick",
	"Alex", "Andrew", "Sarah", "Phil", "Julie", "Steve", "Paul", "Heather",
	"Sue", "Peter", "Ffion", "Gwyneth", "Dafydd", "Rhys", "Siân", "Zoë",
	"Chloé", "Ayesha", "Imran", "Priya", "Tomasz", "Agnieszka", "Fiona",
	"Roy", "Ray", "Zilliah", "Stuart", "Simon", "Carol", "Tricia", "Nigel"};
static const char *const family[] = {
	"Fairhurst", "Mans", "Stallard", "Allen", "Bacon", "Chilvers",
	"Crampton", "Decker", "Hardy", "Holloway", "Lane", "Rushton", "Tustian",
	"Whitfield", "Schofield", "Taverner", "Dawes", "Crocker", "Archer",
	"Hauschild", "Harriman", "Bibawy", "Huxstep", "Perry", "Bolton",
	"Brooks", "Ashley", "Bryant", "Kelly", "Howden", "Manley", "Mearns",
	"Duffy", "Hughes", "Raffaelli", "Harrowell", "Dalton", "Dickinson",
	"Cooper", "Ap Ŵyn", "Prŷs", "Okafor", "Nowak", "Khan", "Patel", "Smith"};
static const char *const topics[] = {
	"Health and Wellbeing", "Planning", "Audit", "Children and Young People",
	"Adult Social Care", "Environment", "Transport", "Housing",
	"Economy", "Culture", "Resources", "Licensing"};
static const char *const kinds[] = {"Board", "Committee", "Select Committee",
				     "Panel", "Sub-Committee"};
static const char *const orgs[] = {
	"Hampshire County Council", "Hart District Council",
	"Gosport Borough Council", "Eastleigh Borough Council",
	"Test Valley Borough Council", "North Hampshire CCG",
	"Healthwatch Hampshire", "NHS England Wessex",
	"Hampshire Fire and Rescue Service", "Voluntary Sector"};
static const char *const nouns[] = {
	"budget", "strategy", "care market", "delayed discharge", "funding",
	"safeguarding", "housing need", "school places", "bus services",
	"flood defences", "public health", "domestic abuse", "recycling",
	"planning application", "highways maintenance", "library service",
	"workforce plan", "capital programme", "risk register", "consultation",
	"joint strategic needs assessment", "better care fund", "air quality",
	"carers", "dementia", "mental health", "broadband", "youth service"};
static const char *const verbs[] = {
	"had increased", "remained under pressure", "was on track",
	"would be reviewed", "had been welcomed by partners",
	"was higher than the national average", "needed further work",
	"would be reported back", "had been delayed", "showed improvement"};
static const char *const officers[] = {
	"the Director of Adults' Health and Care", "the Director of Public Health",
	"the Director of Children's Services", "the Chief Executive",
	"the Head of Finance", "the Director of Economy, Transport and Environment",
	"the Head of Legal Services", "the Monitoring Officer"};

static void sentence(struct strbuf *sb)
{
	sb_addf(sb, "The %s %s, and the %s %s", PICK(nouns), PICK(verbs),
		PICK(nouns), PICK(verbs));
	int extra = (int)rnd(3);
	for (int i = 0; i < extra; i++)
		sb_addf(sb, "; members noted that the %s %s", PICK(nouns),
			PICK(verbs));
}

static void die(const struct clerk_err *err)
{
	fprintf(stderr, "genarchive: %s\n", err->msg);
	exit(1);
}

#define TRY(call)                      \
	do {                           \
		if ((call) != CLERK_OK) \
			die(&err);     \
	} while (0)

struct world {
	struct db *db;
	const struct scale *sc;
	clerk_id council;
	clerk_id *people;
	long items_made;
};

static void make_people(struct world *w)
{
	struct clerk_err err = {0};
	w->people = xcalloc((size_t)w->sc->people, sizeof *w->people);
	TRY(db_begin(w->db, &err));
	for (int i = 0; i < w->sc->people; i++) {
		char name[128];
		snprintf(name, sizeof name, "%s %s", PICK(given), PICK(family));
		struct person p = {.honorific = rnd(3) ? (char *)"" : (char *)"Councillor",
				   .name = name,
				   .organisation = (char *)PICK(orgs),
				   .role = (char *)"",
				   .pronoun = rnd(2) ? (char *)"she" : (char *)"he"};
		if (rnd(8) == 0)
			p.honorific = (char *)"Dr";
		TRY(person_create(w->db, &p, &err));
		memcpy(w->people[i], p.id, sizeof p.id);
	}
	TRY(db_commit(w->db, &err));
}

static const char *person_at(struct world *w, int body, int seat, int term)
{
	unsigned k = (unsigned)(body * 131 + seat * 17 + term * 7919);
	return w->people[k % (unsigned)w->sc->people];
}

/* Seats with a member per four-year term and a nominated substitute. */
static int make_seats(struct world *w, const char *body_id, int b,
		      clerk_id **seats_out)
{
	struct clerk_err err = {0};
	int nseats = w->sc->seats_min + (int)rnd((unsigned)w->sc->seats_span);
	clerk_id *seats = xcalloc((size_t)nseats, sizeof *seats);
	int first = 2026 - w->sc->years;
	for (int s = 0; s < nseats; s++) {
		char label[96];
		snprintf(label, sizeof label, "%s %d", PICK(orgs), s + 1);
		struct seat seat = {.position = s + 1, .label = label,
				    .voting = s % 9 != 8,
				    .vacancy_note = (char *)""};
		memcpy(seat.body_id, body_id, sizeof seat.body_id);
		TRY(seat_create(w->db, &seat, &err));
		memcpy(seats[s], seat.id, sizeof seat.id);
		for (int y = first, t = 0; y < 2026; y += 4, t++) {
			char from[32], to[32];
			snprintf(from, sizeof from, "%d-05-01", y);
			snprintf(to, sizeof to, "%d-04-30", y + 4);
			enum member_role role = s == 0   ? ROLE_CHAIRMAN
						: s == 1 ? ROLE_VICE_CHAIRMAN
							 : ROLE_MEMBER;
			TRY(membership_add(w->db, seat.id, person_at(w, b, s, t),
					   role, "", from, y + 4 >= 2026 ? NULL : to,
					   &err));
			TRY(substitute_add(w->db, seat.id,
					   person_at(w, b, s + 50, t), "", from,
					   y + 4 >= 2026 ? NULL : to, &err));
		}
	}
	*seats_out = seats;
	return nseats;
}

static void add_text(struct world *w, const struct agenda_item *it,
		     enum minute_section section)
{
	struct clerk_err err = {0};
	struct strbuf sb = {0};
	if (section == SECTION_RECEIVED)
		sb_addf(&sb, "The Committee received a report from %s regarding the %s.",
			PICK(officers), PICK(nouns));
	else
		sentence(&sb);
	struct minute_text t = {.section = section, .body = sb.s};
	memcpy(t.meeting_id, it->meeting_id, sizeof t.meeting_id);
	memcpy(t.item_id, it->id, sizeof t.item_id);
	TRY(minute_text_create(w->db, &t, &err));
	sb_free(&sb);
}

/* A phrase found in only a handful of items, for the rare-phrase search. */
static void add_rare_text(struct world *w, const struct agenda_item *it)
{
	struct clerk_err err = {0};
	struct minute_text t = {
		.section = SECTION_HEARD,
		.body = (char *)"The Pennington Marshes causeway would be "
				"rebuilt before the winter storms."};
	memcpy(t.meeting_id, it->meeting_id, sizeof t.meeting_id);
	memcpy(t.item_id, it->id, sizeof t.item_id);
	TRY(minute_text_create(w->db, &t, &err));
}

static void make_item(struct world *w, const char *meeting_id, int n,
		      time_t start)
{
	struct clerk_err err = {0};
	char title[160], number[8];
	snprintf(title, sizeof title, "%s %s", PICK(nouns),
		 rnd(2) ? "update" : "annual report");
	for (char *c = title; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 32);
	snprintf(number, sizeof number, "%d", n);
	struct agenda_item it = {.number = number, .title = title,
				 .description = (char *)"To consider the report.",
				 .presenter = (char *)PICK(officers),
				 .planned_start = start + n * 900,
				 .planned_minutes = 15, .pages = (char *)"",
				 .exempt = rnd(40) == 0,
				 .exempt_paragraph = (char *)"",
				 .kind = ITEM_ORDINARY,
				 .urgent_reason = (char *)""};
	if (it.exempt)
		it.exempt_paragraph = (char *)"3";
	memcpy(it.meeting_id, meeting_id, sizeof it.meeting_id);
	TRY(item_create(w->db, &it, &err));
	add_text(w, &it, SECTION_RECEIVED);
	int heard = 2 + (int)rnd(3);
	for (int i = 0; i < heard; i++)
		add_text(w, &it, SECTION_HEARD);
	add_text(w, &it, SECTION_COMMENTED);
	if (++w->items_made % 50000 == 250)
		add_rare_text(w, &it);
	struct strbuf sb = {0};
	sb_addf(&sb, "That the Committee note the %s and agree the %s.",
		PICK(nouns), PICK(nouns));
	struct resolution r = {.kind = RES_MOTION, .preamble = (char *)"",
			       .body = sb.s, .outcome = OUTCOME_CARRIED};
	memcpy(r.meeting_id, meeting_id, sizeof r.meeting_id);
	memcpy(r.item_id, it.id, sizeof r.item_id);
	TRY(resolution_create(w->db, &r, &err));
	sb_free(&sb);
}

static void make_attendance(struct world *w, const char *meeting_id, int b,
			    clerk_id *seats, int nseats, int term)
{
	struct clerk_err err = {0};
	for (int s = 0; s < nseats; s++) {
		unsigned roll = rnd(100);
		struct attendance a = {.status = roll < 80   ? ATT_PRESENT
						 : roll < 95 ? ATT_APOLOGY
							     : ATT_ABSENT,
				       .capacity = (char *)"", .note = (char *)"",
				       .substitute_note = (char *)""};
		memcpy(a.meeting_id, meeting_id, sizeof a.meeting_id);
		memcpy(a.person_id, person_at(w, b, s, term), sizeof a.person_id);
		memcpy(a.seat_id, seats[s], sizeof a.seat_id);
		TRY(attendance_set(w->db, &a, &err));
		if (a.status == ATT_APOLOGY && roll < 88) {
			struct attendance sub = {.status = ATT_SUBSTITUTE,
						 .capacity = (char *)"",
						 .note = (char *)"",
						 .substitute_note = (char *)""};
			memcpy(sub.meeting_id, meeting_id, sizeof sub.meeting_id);
			memcpy(sub.person_id, person_at(w, b, s + 50, term),
			       sizeof sub.person_id);
			memcpy(sub.seat_id, seats[s], sizeof sub.seat_id);
			memcpy(sub.substitute_for, a.person_id,
			       sizeof sub.substitute_for);
			if (strcmp(sub.person_id, a.person_id) != 0)
				attendance_set(w->db, &sub, &err);
		}
	}
}

static void make_meetings(struct world *w, const char *body_id, int b,
			  clerk_id *seats, int nseats)
{
	struct clerk_err err = {0};
	int first = 2026 - w->sc->years;
	for (int y = first; y < 2026; y++) {
		for (int k = 0; k < w->sc->meetings_per_year; k++) {
			int month = 1 + k + (k >= 7); /* no meeting in August */
			int day = 3 + (int)rnd(24);
			struct meeting m = {.starts_at = time_from_local(
						    "Europe/London", y, month,
						    day, 10, 0),
					    .venue = (char *)"Ashburton Hall",
					    .status = MEETING_CLOSED,
					    .public_present = -1};
			memcpy(m.body_id, body_id, sizeof m.body_id);
			TRY(db_begin(w->db, &err));
			TRY(meeting_create(w->db, &m, &err));
			int nitems = w->sc->items_min +
				     (int)rnd((unsigned)w->sc->items_span);
			for (int i = 1; i <= nitems; i++)
				make_item(w, m.id, i, m.starts_at);
			int term = (y - first - (month < 5)) / 4;
			if (term < 0)
				term = 0;
			make_attendance(w, m.id, b, seats, nseats, term);
			TRY(db_commit(w->db, &err));
		}
	}
}

static void make_bodies(struct world *w)
{
	struct clerk_err err = {0};
	for (int b = 0; b < w->sc->bodies; b++) {
		char name[160], short_name[16];
		snprintf(name, sizeof name, "%s %s",
			 topics[b % (int)(sizeof topics / sizeof topics[0])],
			 kinds[(b / 12) % 5]);
		snprintf(short_name, sizeof short_name, "B%02d", b + 1);
		struct body body = {.name = name, .short_name = short_name,
				    .self_name = (char *)"the Committee",
				    .quorum_kind = QUORUM_FRACTION,
				    .quorum_num = 1, .quorum_den = 4,
				    .substitutes_allowed = true,
				    .minute_format = (char *)"%n.",
				    .year_start = (char *)"05-01",
				    .style = (char *)"county",
				    .tz = (char *)"Europe/London",
				    .standard_items = (char *)""};
		memcpy(body.council_id, w->council, sizeof body.council_id);
		TRY(db_begin(w->db, &err));
		TRY(body_create(w->db, &body, &err));
		clerk_id *seats;
		int nseats = make_seats(w, body.id, b, &seats);
		TRY(db_commit(w->db, &err));
		make_meetings(w, body.id, b, seats, nseats);
		free(seats);
		fprintf(stderr, "\rgenarchive: %d of %d bodies", b + 1,
			w->sc->bodies);
	}
	fputc('\n', stderr);
}

/* The next meeting of the first body, scheduled in the future, so that the
 * console has something to open: a meeting in progress with its first
 * items taken. */
static void make_live_meeting(struct world *w)
{
	struct clerk_err err = {0};
	struct body_list bodies = {0};
	TRY(body_list_all(w->db, &bodies, &err));
	struct meeting m = {.starts_at = time_from_local("Europe/London", 2026,
							 11, 23, 10, 0),
			    .venue = (char *)"Ashburton Hall",
			    .status = MEETING_SCHEDULED, .public_present = -1};
	memcpy(m.body_id, bodies.v[0].id, sizeof m.body_id);
	TRY(meeting_create(w->db, &m, &err));
	for (int i = 1; i <= 12; i++) {
		char title[32], number[8];
		snprintf(title, sizeof title, "ITEM %d", i);
		snprintf(number, sizeof number, "%d", i);
		struct agenda_item it = {.number = number, .title = title,
					 .description = (char *)"",
					 .presenter = (char *)"",
					 .planned_start = m.starts_at + i * 600,
					 .planned_minutes = 10,
					 .pages = (char *)"",
					 .exempt_paragraph = (char *)"",
					 .kind = ITEM_ORDINARY,
					 .urgent_reason = (char *)""};
		memcpy(it.meeting_id, m.id, sizeof it.meeting_id);
		TRY(item_create(w->db, &it, &err));
	}
	clock_set(m.starts_at);
	struct live *l = NULL;
	TRY(live_open(w->db, m.id, &l, &err));
	int count = 0;
	TRY(live_att_all_present(l, &count, &err));
	TRY(live_next(l, &err));
	live_free(&l);
	printf("%s\n", m.id);
	body_list_free(&bodies);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: genarchive FILE [small|mid|large]\n");
		return 2;
	}
	const char *size = argc == 3 ? argv[2] : "small";
	struct world w = {.sc = strcmp(size, "large") == 0 ? &large
			  : strcmp(size, "mid") == 0	 ? &mid
							 : &small};
	struct clerk_err err = {0};
	clock_set(time_from_local("Europe/London", 2026, 11, 1, 9, 0));
	remove(argv[1]);
	TRY(db_open(argv[1], DB_CREATE, &w.db, &err));
	/* A generator that fails is run again: it needs none of the product's
	 * durability, and an fsync per meeting made the large archive take
	 * tens of minutes, mostly in the kernel.  The file is checkpointed and
	 * synced once at the end.  The model's nested commits are savepoints,
	 * whose journals SQLite kept in files in /var/tmp: 580,000 writes for
	 * the small archive, two thirds of its time, in the kernel; they are
	 * kept in memory, and a page cache of 256 MB holds the indexes that
	 * every meeting adds to at random places (UUIDs), instead of reading
	 * them back from the file. */
	TRY(db_exec(w.db,
		    "PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; "
		    "PRAGMA cache_size=-262144",
		    &err));
	/* Twenty years of meetings are written here in minutes, with no idle
	 * console to merge the search index's segments between them (schema
	 * step 13 leaves that to db_idle): FTS5 merges them as it writes, as
	 * it did before that step, and the archive keeps the setting of every
	 * clerk file at the end. */
	TRY(db_exec(w.db,
		    "INSERT INTO search_fts(search_fts, rank) "
		    "VALUES ('automerge', 4);"
		    "INSERT INTO search_words(search_words, rank) "
		    "VALUES ('automerge', 4);",
		    &err));
	struct council c = {.name = (char *)"Hampshire County Council",
			    .kind = COUNCIL_PRINCIPAL};
	TRY(council_create(w.db, &c, &err));
	memcpy(w.council, c.id, sizeof w.council);
	make_people(&w);
	make_bodies(&w);
	make_live_meeting(&w);
	free(w.people);
	TRY(db_exec(w.db,
		    "INSERT INTO search_fts(search_fts, rank) "
		    "VALUES ('automerge', 0);"
		    "INSERT INTO search_words(search_words, rank) "
		    "VALUES ('automerge', 0);",
		    &err));
	TRY(db_exec(w.db, "PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE)",
		    &err));
	db_close(&w.db);
	return 0;
}
