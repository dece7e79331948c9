/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of core: UTF-8 width and fitting, sanitising for the terminal,
 * the string buffer, the fixed clock and local-time conversion. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "clerk/core.h"

static void test_width_counts_columns_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("Cllr Ffion Ŵyn"), 14);
	assert_int_equal(utf8_width("£56 million"), 11);
	assert_int_equal(utf8_width("会议"), 4); /* wide characters: 2 each */
	assert_int_equal(utf8_width("e\xcc\x81"), 1); /* e + combining acute */
}

static void test_fit_never_cuts_a_character(void **state)
{
	(void)state;
	int used = -1;
	/* "Ŵ" is 2 bytes, 1 column: 3 columns hold "aŴb" = 4 bytes. */
	assert_int_equal(utf8_fit("aŴbc", 3, &used), 4);
	assert_int_equal(used, 3);
	/* A wide character that would straddle the edge is left out. */
	assert_int_equal(utf8_fit("a会", 2, &used), 1);
	assert_int_equal(used, 1);
}

static void test_sanitize_removes_escapes_and_bidi(void **state)
{
	(void)state;
	char *s = utf8_sanitize("Cllr \x1b[31mRed\x1b[0m \xe2\x80\xae" "evil \xff ŷ");
	assert_null(strchr(s, '\x1b'));
	assert_null(strstr(s, "\xe2\x80\xae"));
	assert_non_null(strstr(s, "ŷ"));
	assert_string_equal(s, "Cllr ?[31mRed?[0m ?evil ? ŷ");
	free(s);
}

static void test_valid_rejects_overlong_and_surrogates(void **state)
{
	(void)state;
	assert_true(utf8_valid("Ŵŷ £", strlen("Ŵŷ £")));
	assert_false(utf8_valid("\xc0\xaf", 2));     /* overlong '/' */
	assert_false(utf8_valid("\xed\xa0\x80", 3)); /* surrogate */
	assert_false(utf8_valid("abc\xe2\x82", 5));  /* truncated */
}

static void test_strbuf_grows(void **state)
{
	(void)state;
	struct strbuf sb = {0};
	assert_string_equal(sb_str(&sb), "");
	for (int i = 0; i < 1000; i++)
		sb_addf(&sb, "%d,", i % 10);
	assert_int_equal(sb.len, 2000);
	char *s = sb_detach(&sb);
	assert_int_equal(strlen(s), 2000);
	assert_null(sb.s);
	free(s);
}

static void test_clock_is_fixed_and_advances(void **state)
{
	(void)state;
	time_t t;
	assert_true(time_parse_utc("2017-10-05T09:00:00Z", &t));
	clock_set(t);
	assert_int_equal(clock_now(), t);
	clock_advance(17 * 60);
	char buf[CLERK_TIME_LEN];
	time_format_utc(clock_now(), buf);
	assert_string_equal(buf, "2017-10-05T09:17:00Z");
	clock_reset();
}

static void test_clock_from_runs_from_the_given_time(void **state)
{
	(void)state;
	clock_reset();
	setenv("CLERK_CLOCK_FROM", "2017-10-05T08:58:00Z", 1);
	time_t start;
	assert_true(time_parse_utc("2017-10-05T08:58:00Z", &start));
	time_t first = clock_now();
	/* It starts there (this test takes well under a minute)... */
	assert_true(first >= start && first < start + 60);
	/* ...and it runs: it follows the real clock from there. */
	time_t later = time(NULL) + 2;
	while (time(NULL) < later)
		;
	assert_true(clock_now() >= first + 2);
	unsetenv("CLERK_CLOCK_FROM");
	clock_reset();
}

static void test_local_time_in_summer_and_winter(void **state)
{
	(void)state;
	/* 10.00 am in Winchester is 09:00 UTC in October (BST) and 10:00 UTC
	 * in February (GMT). */
	time_t oct = time_from_local("Europe/London", 2017, 10, 5, 10, 0);
	time_t feb = time_from_local("Europe/London", 2017, 2, 23, 10, 0);
	char buf[CLERK_TIME_LEN];
	time_format_utc(oct, buf);
	assert_string_equal(buf, "2017-10-05T09:00:00Z");
	time_format_utc(feb, buf);
	assert_string_equal(buf, "2017-02-23T10:00:00Z");
	char local[64];
	time_format_local(oct, "Europe/London", "%H:%M %d/%m/%Y", local,
			  sizeof local);
	assert_string_equal(local, "10:00 05/10/2017");
}

static void test_bad_dates_are_refused(void **state)
{
	(void)state;
	int y, m, d;
	time_t t;
	assert_false(date_parse("2017-02-29", &y, &m, &d));
	assert_true(date_parse("2016-02-29", &y, &m, &d));
	assert_false(date_parse("29/06/2017", &y, &m, &d));
	assert_false(time_parse_utc("2017-06-29T25:00:00Z", &t));
	assert_false(time_parse_utc("yesterday", &t));
}

static void test_status_exit_codes(void **state)
{
	(void)state;
	struct clerk_err err;
	assert_int_equal(clerk_fail(&err, CLERK_LOCKED, "minute %d", 7),
			 CLERK_LOCKED);
	assert_string_equal(err.msg, "minute 7");
	assert_int_equal(clerk_status_exit_code(CLERK_NOT_FOUND), 1);
	assert_int_equal(clerk_status_exit_code(CLERK_USAGE), 2);
	assert_int_equal(clerk_status_exit_code(CLERK_LOCKED), 3);
	assert_int_equal(clerk_status_exit_code(CLERK_FULL), 4);
}

#if defined(__SANITIZE_ADDRESS__)
/* Under AddressSanitizer a huge request is its own error unless the
 * allocator may return NULL, as malloc does: then clerk's own path runs. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}
#endif

/* Out of memory is the storage status (exit 4) with a sentence, not a
 * crash (abort, exit 134). */
static void test_out_of_memory_exits_4(void **state)
{
	(void)state;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		(void)!freopen("/dev/null", "w", stderr);
		void *p = xmalloc((size_t)-1 / 2);
		free(p);
		_exit(0);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 4);
}

/* SHA-256 (the digest of signed minutes) gives the standard's answers,
 * whole or fed in pieces, at the lengths where the padding changes. */
static void sha256_hex(const char *data, size_t len, size_t piece,
		       char out[2 * SHA256_LEN + 1])
{
	struct sha256 c;
	unsigned char d[SHA256_LEN];
	sha256_begin(&c);
	for (size_t at = 0; at < len; at += piece)
		sha256_add(&c, data + at, len - at < piece ? len - at : piece);
	sha256_end(&c, d);
	for (size_t i = 0; i < SHA256_LEN; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void test_sha256_matches_the_standard(void **state)
{
	(void)state;
	static const struct {
		char c;
		size_t len;
		const char *text, *hex;
	} cases[] = {
		{0, 3, "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{0, 0, "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{0, 56, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
		{'x', 55, NULL, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
		{'x', 64, NULL, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
		{'a', 1000000, NULL, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *buf = NULL;
		const char *data = cases[i].text;
		if (!data) {
			buf = xmalloc(cases[i].len);
			memset(buf, cases[i].c, cases[i].len);
			data = buf;
		}
		static const size_t pieces[] = {1, 7, 64, 1000000};
		for (size_t p = 0; p < 4; p++) {
			char hex[2 * SHA256_LEN + 1];
			if (cases[i].len > 1000 && pieces[p] == 1)
				continue;
			sha256_hex(data, cases[i].len, pieces[p], hex);
			assert_string_equal(hex, cases[i].hex);
		}
		free(buf);
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_counts_columns_not_bytes),
		cmocka_unit_test(test_fit_never_cuts_a_character),
		cmocka_unit_test(test_sanitize_removes_escapes_and_bidi),
		cmocka_unit_test(test_valid_rejects_overlong_and_surrogates),
		cmocka_unit_test(test_strbuf_grows),
		cmocka_unit_test(test_sha256_matches_the_standard),
		cmocka_unit_test(test_clock_is_fixed_and_advances),
		cmocka_unit_test(test_clock_from_runs_from_the_given_time),
		cmocka_unit_test(test_local_time_in_summer_and_winter),
		cmocka_unit_test(test_bad_dates_are_refused),
		cmocka_unit_test(test_status_exit_codes),
		cmocka_unit_test(test_out_of_memory_exits_4),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
