/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * core: what every other module of clerk stands on.
 *
 * - status codes, declared once in CLERK_STATUS_LIST, and an error record
 *   that carries a human sentence naming what went wrong and where;
 * - allocation that never returns NULL (clerk cannot do anything useful
 *   without memory, so running out is reported and ends the program);
 * - a growable string buffer;
 * - UTF-8 decoding, validation and display width, so that names with
 *   accents, Welsh letters and wide characters are measured in columns;
 * - the one clock of the program ("now"), which tests can fix or advance,
 *   and conversion between stored UTC times and a meeting's local zone.
 */
#ifndef CLERK_CORE_H
#define CLERK_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

/* X(name, exit code, short description).  Exit codes are those documented in
 * clerk(1): 0 success, 1 nothing found, 2 usage, 3 data refused, 4 storage. */
#define CLERK_STATUS_LIST(X)                                              \
	X(OK, 0, "success")                                               \
	X(NOT_FOUND, 1, "not found")                                      \
	X(USAGE, 2, "usage error")                                        \
	X(AMBIGUOUS, 2, "ambiguous name")                                 \
	X(INVALID, 3, "invalid input")                                    \
	X(LOCKED, 3, "record is locked")                                  \
	X(CONFLICT, 3, "conflicting change")                              \
	X(DB, 4, "database error")                                        \
	X(IO, 4, "input/output error")                                    \
	X(READONLY, 4, "database is read-only")                           \
	X(FOREIGN, 4, "not a clerk database")                             \
	X(NEWER, 4, "database written by a newer clerk")                  \
	X(FULL, 4, "disk full")

enum clerk_status {
#define CLERK_STATUS_ENUM(name, code, text) CLERK_##name,
	CLERK_STATUS_LIST(CLERK_STATUS_ENUM)
#undef CLERK_STATUS_ENUM
};

/* The error record of one operation: a status and a sentence for the user. */
struct clerk_err {
	enum clerk_status status;
	char msg[1024];
};

/* Short description of a status ("not found"). */
const char *clerk_status_text(enum clerk_status status);
/* The process exit code documented for a status. */
int clerk_status_exit_code(enum clerk_status status);
/* Fill *err (if not NULL) with status and a printf-style sentence; returns
 * status so that callers can write `return clerk_fail(err, ...)`. */
enum clerk_status clerk_fail(struct clerk_err *err, enum clerk_status status,
			     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A read that failed with rc and *err, reworded as "could not read WHAT
 * (the reason)", so that a damaged table names what it held; returns rc. */
enum clerk_status clerk_fail_reading(struct clerk_err *err,
				     enum clerk_status rc, const char *what);
/* True for the statuses of the file itself (damaged, unreadable, busy):
 * those a read rewords with what it was reading (clerk_fail_reading). */
static inline bool clerk_status_storage(enum clerk_status rc)
{
	return rc == CLERK_DB || rc == CLERK_IO || rc == CLERK_FOREIGN;
}
/* Clear an error record to CLERK_OK and an empty message. */
void clerk_err_clear(struct clerk_err *err);

/* Allocation: these never return NULL; on exhaustion they print a message
 * and end the process (everything recorded is already committed). */
/* Run restore (e.g. give the terminal back) before clerk exits for lack of
 * memory; NULL for none. */
void xalloc_on_exhaustion(void (*restore)(void));
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a newly allocated string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Free *p and set it to NULL. */
void xfree(void *pp);

/* A growable, always NUL-terminated byte string. Zero-initialise to use. */
struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* The contents ("" when nothing was added yet); owned by the buffer. */
const char *sb_str(const struct strbuf *sb);
void sb_reset(struct strbuf *sb);
/* Hand the string to the caller (never NULL) and empty the buffer. */
char *sb_detach(struct strbuf *sb);
void sb_free(struct strbuf *sb);

/* UTF-8.  Decode one code point from s (at most n bytes); returns the number
 * of bytes used (>= 1) and stores U+FFFD in *cp for an invalid sequence. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* True when s is valid UTF-8 (no overlongs, no surrogates). */
bool utf8_valid(const char *s, size_t n);
/* Display width of one code point: 0 for combining marks, 2 for wide
 * characters, 1 otherwise; control characters count as 1 (shown as '?'). */
int utf8_cp_width(uint32_t cp);
/* Display width of a whole string, in terminal columns. */
int utf8_width(const char *s);
/* Number of bytes of s that fit in cols columns without cutting a
 * character; *used (if not NULL) receives the columns they take. */
size_t utf8_fit(const char *s, int cols, int *used);
/* The same within the first n bytes of s: a long text wrapped a row at a
 * time must not be measured whole for each row. */
size_t utf8_fit_n(const char *s, size_t n, int cols, int *used);
/* A copy of s safe to put on a terminal or in a plain-text line: control
 * characters (C0, DEL, C1) and bidi overrides become U+FFFD-free '?',
 * invalid bytes become '?'.  Caller frees. */
char *utf8_sanitize(const char *s);
/* Unicode rules (core/unicode, from utf8proc).  Capitals by Unicode's case
 * mapping: "Café" gives "CAFÉ", "Straße" "STRASSE"; utf8_upper_first
 * capitalises the first letter only.  Caller frees. */
char *utf8_upper(const char *s);
char *utf8_upper_first(const char *s);
/* The form names are matched in: case folded, accents and other marks
 * removed, compatibility forms unified, composed or decomposed alike
 * ("SIÂN", "Sia\u0302n" and "sian" all give "sian").  Caller frees. */
char *utf8_fold(const char *s);
/* A readable ASCII form for a terminal whose locale is not UTF-8: accents
 * dropped, ß as "ss", Ł as "L", dashes and quotes plain; what has no ASCII
 * spelling becomes '?'.  Caller frees. */
char *utf8_to_ascii(const char *s);
/* True when out is a terminal whose locale (LC_CTYPE, once setlocale has
 * run) is not UTF-8: what is shown there is given in utf8_to_ascii's form,
 * while files and pipes keep clerk's UTF-8. */
bool utf8_terminal_is_ascii(FILE *out);

/* The clock.  clock_now() is the only source of "now" in clerk.  It follows
 * the real time unless CLERK_NOW (an ISO-8601 UTC time such as
 * 2017-10-05T10:00:00Z) is set, or a test calls clock_set(); then it stands
 * still at that time until advanced.  CLERK_CLOCK_FROM (same form) instead
 * starts the clock at that time and lets it run (the demo of a past
 * meeting). */
time_t clock_now(void);
void clock_set(time_t t);
void clock_advance(long seconds);
/* From now on the clock reads t and runs on from there (a fixed clock is
 * set to t and stays fixed): a meeting recorded for its own date. */
void clock_run_from(time_t t);
/* Back to the real time (unless CLERK_NOW is set). */
void clock_reset(void);

/* Times are stored as UTC text "YYYY-MM-DDTHH:MM:SSZ" (20 chars + NUL). */
#define CLERK_TIME_LEN 21
void time_format_utc(time_t t, char out[CLERK_TIME_LEN]);
/* Parse stored UTC text, or a date "YYYY-MM-DD" (taken as 00:00 UTC);
 * returns false when s is neither. */
bool time_parse_utc(const char *s, time_t *out);
/* Break t into the local time of zone tz (e.g. "Europe/London"). */
void time_to_local(time_t t, const char *tz, struct tm *out);
/* The zone of a body that names none, and of dates with no body: the
 * zone every council in Great Britain meets in.  One place, so that a
 * build for elsewhere changes it once. */
#define CLERK_DEFAULT_TZ "Europe/London"

/* The UTC time of a local wall-clock time in zone tz. */
time_t time_from_local(const char *tz, int year, int month, int day,
		       int hour, int minute);
/* Format t in zone tz with strftime format fmt. */
void time_format_local(time_t t, const char *tz, const char *fmt, char *out,
		       size_t outlen) __attribute__((format(strftime, 3, 0)));
/* Parse a calendar date "YYYY-MM-DD" into its parts; false if malformed or
 * not a real date. */
bool date_parse(const char *s, int *year, int *month, int *day);

/* The folder of clerk's shared data (demo board, house styles): $CLERK_SHARE
 * when set, else the installed one when it exists, else the source tree's
 * share/ (so that clerk runs from its build folder). */
const char *clerk_share_dir(void);
/* True when the running program was built in this build tree (clerk or a
 * test program), not installed: it then uses the tree's own files. */
bool clerk_in_build_tree(void);
/* A file under the share folder (caller frees). */
char *clerk_share_path(const char *relative);

/* Who is using clerk, as the audit trail names them: "login (Display
 * Name)", the display name from $CLERK_NAME or else the account's full
 * name; just "login" when there is none.  Caller frees. */
char *user_who(void);

/* ---- SHA-256 (sha256.c) ---- */

#define SHA256_LEN 32
struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t n;
};
void sha256_begin(struct sha256 *c);
void sha256_add(struct sha256 *c, const void *data, size_t len);
void sha256_end(struct sha256 *c, unsigned char out[SHA256_LEN]);

#endif
