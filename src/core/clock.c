/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core/clock: the one source of "now", and UTC <-> local time.
 *
 * Tests fix the clock with CLERK_NOW or clock_set() and move it with
 * clock_advance(), so that item timers and timestamps are reproducible.
 * Local time conversions switch the TZ variable for the duration of a call:
 * clerk is single-threaded, and this is the only portable way to reach the
 * system's zone database from C. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/core.h"

static bool clock_fixed;
static bool clock_env_read;
static time_t clock_value;
/* CLERK_CLOCK_FROM: the clock starts at that time and then runs in real
 * time (demonstrations of a past meeting, with a clock that ticks). */
static time_t clock_offset;

static void clock_read_env(void)
{
	if (clock_env_read)
		return;
	clock_env_read = true;
	const char *env = getenv("CLERK_NOW");
	time_t t;
	if (env && *env && time_parse_utc(env, &t)) {
		clock_fixed = true;
		clock_value = t;
		return;
	}
	env = getenv("CLERK_CLOCK_FROM");
	if (env && *env && time_parse_utc(env, &t))
		clock_offset = t - time(NULL);
}

time_t clock_now(void)
{
	clock_read_env();
	return clock_fixed ? clock_value : time(NULL) + clock_offset;
}

void clock_set(time_t t)
{
	clock_env_read = true;
	clock_fixed = true;
	clock_value = t;
}

void clock_run_from(time_t t)
{
	clock_read_env();
	if (clock_fixed)
		clock_value = t;
	else
		clock_offset = t - time(NULL);
}

void clock_advance(long seconds)
{
	clock_set(clock_now() + seconds);
}

void clock_reset(void)
{
	clock_fixed = false;
	clock_env_read = false;
	clock_offset = 0;
}

void time_format_utc(time_t t, char out[CLERK_TIME_LEN])
{
	struct tm tm;
	/* A time beyond years 0-9999 does not fit, and strftime then leaves
	 * out unterminated: such a time is held at the nearest bound. */
	if (!gmtime_r(&t, &tm) ||
	    strftime(out, CLERK_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, CLERK_TIME_LEN, "%s",
			 t < 0 ? "0000-01-01T00:00:00Z" : "9999-12-31T23:59:59Z");
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

bool date_parse(const char *s, int *year, int *month, int *day)
{
	int y, m, d, n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return false;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*year = y, *month = m, *day = d;
	return true;
}

/* The digits of s[from..to) as a number; false if any is not a digit. */
static bool digits(const char *s, int from, int to, int *out)
{
	int v = 0;
	for (int i = from; i < to; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* "YYYY-MM-DDTHH:MM:SSZ" exactly, read without sscanf: every time column of
 * every row read goes through here, and the live console rereads a whole
 * meeting after each action (make bench).  Anything else is left to the
 * general parser. */
static bool parse_utc_fast(const char *s, size_t len, int *y, int *mo, int *d,
			   int *h, int *mi, int *sec)
{
	return len == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' &&
	       s[13] == ':' && s[16] == ':' && s[19] == 'Z' &&
	       digits(s, 0, 4, y) && digits(s, 5, 7, mo) && digits(s, 8, 10, d) &&
	       digits(s, 11, 13, h) && digits(s, 14, 16, mi) &&
	       digits(s, 17, 19, sec);
}

bool time_parse_utc(const char *s, time_t *out)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
	if (!s)
		return false;
	size_t len = strlen(s);
	if (parse_utc_fast(s, len, &y, &mo, &d, &h, &mi, &sec)) {
		if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
		    h > 23 || mi > 59 || sec > 60)
			return false;
	} else if (len == 10) {
		if (!date_parse(s, &y, &mo, &d))
			return false;
	} else if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi,
			  &sec, &n) == 6 &&
		   (size_t)n == len) {
		if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
		    h > 23 || mi > 59 || sec > 60)
			return false;
	} else {
		return false;
	}
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*out = timegm(&tm);
	return true;
}

/* Make tz the process's zone.  glibc reads a zone's file again each time
 * TZ changes, so switching to a body's zone and back for every date (as
 * the review list did for each of 12,000 meetings) read a file per date.
 * The zone is left set: every local time in clerk is converted here, with
 * its zone named, so nothing reads the process's zone otherwise. */
static void tz_use(const char *tz)
{
	const char *want = tz && *tz ? tz : "UTC";
	const char *cur = getenv("TZ");
	if (cur && strcmp(cur, want) == 0)
		return;
	setenv("TZ", want, 1);
	tzset();
}

void time_to_local(time_t t, const char *tz, struct tm *out)
{
	tz_use(tz);
	localtime_r(&t, out);
}

time_t time_from_local(const char *tz, int year, int month, int day, int hour,
		       int minute)
{
	struct tm tm = {0};
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_isdst = -1;
	tz_use(tz);
	return mktime(&tm);
}

void time_format_local(time_t t, const char *tz, const char *fmt, char *out,
		       size_t outlen)
{
	struct tm tm;
	time_to_local(t, tz, &tm);
	/* fmt comes from clerk's own code and house-style files. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	size_t n = strftime(out, outlen, fmt, &tm);
#pragma GCC diagnostic pop
	if (n == 0 && outlen)
		out[0] = '\0';
}
