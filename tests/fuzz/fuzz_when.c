/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_when: dates and times as given on the command line (`meeting add
 * BODY 2017-06-29 10:00`, `--from`/`--to`, `--start 10.15`, `item list
 * 2017-06-29`, `--next-from`): each line of the input is read as a date
 * (date_parse), a time of day (import_parse_clock), a stored UTC time
 * (time_parse_utc) and a meeting's name (meeting_find), and what is
 * accepted is turned into a time in a few zones and back.  A date
 * accepted must be a real day, and noon of it must come back as the same
 * day in London and in UTC.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/import.h"
#include "fuzz_common.h"

static const char *const zones[] = {"Europe/London", "UTC",
				    "Pacific/Chatham", "America/St_Johns"};

static void one_line(struct fuzz_world *w, const char *line, int *y, int *mo,
		     int *d, bool *have_date)
{
	int yy, mm, dd;
	if (date_parse(line, &yy, &mm, &dd)) {
		if (yy < 1900 || mm < 1 || mm > 12 || dd < 1 || dd > 31)
			abort();
		for (size_t z = 0; z < 2; z++) {
			struct tm tm;
			time_t t = time_from_local(zones[z], yy, mm, dd, 12, 0);
			time_to_local(t, zones[z], &tm);
			if (tm.tm_year + 1900 != yy || tm.tm_mon + 1 != mm ||
			    tm.tm_mday != dd)
				abort();
		}
		*y = yy, *mo = mm, *d = dd;
		*have_date = true;
	}
	int h, mi;
	if (import_parse_clock(line, &h, &mi)) {
		if (h < 0 || h > 23 || mi < 0 || mi > 59)
			abort();
		if (*have_date)
			for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
				time_t t = time_from_local(zones[z], *y, *mo, *d,
							   h, mi);
				char out[64];
				time_format_local(t, zones[z], "%Y-%m-%d %H:%M",
						  out, sizeof out);
			}
	}
	time_t t;
	if (time_parse_utc(line, &t)) {
		char out[64];
		time_format_local(t, "Europe/London", "%Y-%m-%d %H:%M", out,
				  sizeof out);
	}
	struct meeting m = {0};
	struct clerk_err err = {0};
	meeting_find(w->db, line, NULL, &m, &err);
	meeting_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_world *w = fuzz_world();
	char *text = fuzz_string(data, size);
	int y = 0, mo = 0, d = 0;
	bool have_date = false;
	for (char *line = text, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		one_line(w, line, &y, &mo, &d, &have_date);
	}
	free(text);
	return 0;
}
