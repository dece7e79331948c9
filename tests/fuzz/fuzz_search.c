/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_search: what a user types to `clerk search` (and the look-up
 * console's s): each line of the input is searched for on a file of
 * meetings in five months, newest first and best first, alone and with a
 * body and a period, a page of two.  A search either answers or refuses
 * the words as a usage error, never as a storage error; it never shows
 * more hits than asked; newest first, the dates never rise.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/lookup.h"
#include "fuzz_common.h"

static const char *const texts[] = {
	"The budget was noted; safeguarding of children (s.85) reviewed.",
	"Well-being strategy: the Board agreed the budget and 0m201710.",
	"Councillor Example declared an interest in the pharmacy budget.",
};

/* Five meetings a month apart, each with an item and three minutes. */
static void world_texts(struct fuzz_world *w)
{
	static bool made;
	if (made)
		return;
	made = true;
	struct clerk_err err = {0};
	char title[] = "Budget and safeguarding", number[] = "1";
	for (int i = 0; i < 5; i++) {
		char venue[] = "Ashburton Hall";
		struct meeting m = {.starts_at = 1500000000 + (time_t)i * 2678400,
				    .venue = venue, .public_present = -1};
		memcpy(m.body_id, w->body_id, sizeof m.body_id);
		struct agenda_item it = {.number = number, .title = title,
					 .description = title};
		if (meeting_create(w->db, &m, &err))
			abort();
		memcpy(it.meeting_id, m.id, sizeof it.meeting_id);
		if (item_create(w->db, &it, &err))
			abort();
		for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
			char *body = xstrdup(texts[t]);
			struct minute_text mt = {.section = SECTION_HEARD,
						 .body = body};
			memcpy(mt.meeting_id, m.id, sizeof mt.meeting_id);
			memcpy(mt.item_id, it.id, sizeof mt.item_id);
			if (minute_text_create(w->db, &mt, &err))
				abort();
			free(body);
		}
	}
}

static void one_search(struct fuzz_world *w, const char *line, bool best,
		       bool filtered)
{
	struct lookup_search_opts opts = {.text = line, .limit = 2,
					  .best = best};
	if (filtered) {
		opts.body_id = w->body_id;
		opts.from = "2017-07-20";
		opts.to = "2017-12-31";
	}
	struct lookup_hit_list hits = {0};
	struct clerk_err err = {0};
	enum clerk_status st = lookup_search(w->db, &opts, &hits, &err);
	if (st != CLERK_OK && st != CLERK_USAGE)
		abort(); /* the words are the user's to mend, never storage */
	if (hits.n > 2) /* the text's hits and a name's attendance, together */
		abort();
	for (size_t i = 1; !best && i < hits.n; i++)
		if (strcmp(hits.v[i].kind, "attendance") != 0 &&
		    strcmp(hits.v[i - 1].kind, "attendance") != 0 &&
		    strcmp(hits.v[i].date, hits.v[i - 1].date) > 0)
			abort(); /* newest first: a date never rises */
	lookup_hit_list_free(&hits);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_world *w = fuzz_world();
	world_texts(w);
	char *text = fuzz_string(data, size);
	for (char *line = text, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		for (int mode = 0; mode < 4; mode++)
			one_search(w, line, mode & 1, mode & 2);
	}
	free(text);
	return 0;
}
