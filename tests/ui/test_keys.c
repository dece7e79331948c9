/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of key names, the action list and the keys file: every
 * default key in actions.def parses, no key means two actions in one
 * context, a keys file rebinds actions or is refused with the file
 * and line named, and a console that only watches may only look. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "clerk/ui.h"

static void test_key_names_round_trip(void **state)
{
	(void)state;
	const char *names[] = {"j", "<Enter>", "<Esc>", "<F1>", "<F12>",
			       "<C-z>", "<C-_>", "<Up>", "<PageDown>", "<Space>",
			       "<BackTab>", "<C-Left>", "é", "<lt>"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int k;
		char out[32];
		assert_true(ui_key_parse(names[i], strlen(names[i]), &k));
		assert_string_equal(ui_key_name(k, out), names[i]);
	}
	int k;
	assert_false(ui_key_parse("<Nope>", 6, &k));
	assert_false(ui_key_parse("ab", 2, &k));
	assert_false(ui_key_parse("<F13>", 5, &k));
	assert_true(ui_key_parse("<enter>", 7, &k));
	assert_int_equal(k, '\n');
}

static void test_defaults_parse_and_do_not_clash(void **state)
{
	(void)state;
	struct ui_keymap km;
	ui_keymap_defaults(&km);
	for (int a = 1; a < UI_ACT_COUNT; a++) {
		const struct ui_action_info *ai = ui_action_info(a);
		/* every action has a key and all of its defaults parsed */
		int spaces = 0;
		for (const char *p = ai->keys; *p; p++)
			spaces += *p == ' ';
		assert_int_equal(km.nkeys[a], spaces + 1);
		for (int b = a + 1; b < UI_ACT_COUNT; b++) {
			const struct ui_action_info *bi = ui_action_info(b);
			if (bi->context != ai->context)
				continue;
			for (int i = 0; i < km.nkeys[a]; i++)
				for (int j = 0; j < km.nkeys[b]; j++)
					if (km.keys[a][i] == km.keys[b][j])
						fail_msg("%s and %s share a key",
							 ai->name, bi->name);
		}
	}
	/* attendance keys never hide a live console key */
	for (int a = 1; a < UI_ACT_COUNT; a++) {
		if (ui_action_info(a)->context != UI_CTX_ATTEND)
			continue;
		for (int i = 0; i < km.nkeys[a]; i++)
			assert_int_equal(ui_keymap_lookup(&km, UI_CTX_LIVE,
							  km.keys[a][i]),
					 UI_ACT_NONE);
	}
	assert_int_equal(ui_keymap_lookup(&km, UI_CTX_LIVE, 'n'),
			 UI_ACT_next_item);
	assert_int_equal(ui_keymap_lookup(&km, UI_CTX_LIVE, UI_KEY_FN + KEY_F(1)),
			 UI_ACT_help);
}

static void test_keys_file_rebinds(void **state)
{
	(void)state;
	struct ui_keymap km;
	struct clerk_err err = {0};
	ui_keymap_defaults(&km);
	assert_int_equal(ui_keymap_apply(&km,
					 "# my keys\n"
					 "\n"
					 "bind next_item <Right> N\n"
					 "  unbind redraw  \n",
					 "keys", &err),
			 CLERK_OK);
	assert_int_equal(ui_keymap_lookup(&km, UI_CTX_LIVE, 'N'),
			 UI_ACT_next_item);
	assert_int_equal(ui_keymap_lookup(&km, UI_CTX_LIVE, 'n'), UI_ACT_NONE);
	assert_int_equal(ui_keymap_lookup(&km, UI_CTX_LIVE, UI_CTRL('l')),
			 UI_ACT_NONE);
	char desc[64];
	ui_keymap_describe(&km, UI_ACT_next_item, desc, sizeof desc);
	assert_string_equal(desc, "<Right> N");
}

static void test_keys_file_errors_name_the_line(void **state)
{
	(void)state;
	struct ui_keymap km, before;
	struct clerk_err err = {0};
	ui_keymap_defaults(&km);
	before = km;
	assert_int_equal(ui_keymap_apply(&km, "bind quit Q\nbind nxt n\n",
					 "/home/x/keys", &err),
			 CLERK_INVALID);
	assert_string_equal(err.msg, "/home/x/keys:2: unknown action 'nxt' "
				     "(clerk keys lists them)");
	/* nothing of a bad file is applied, not even its good lines */
	assert_memory_equal(&km, &before, sizeof km);
	assert_int_equal(ui_keymap_apply(&km, "\n\nbind quit <Hyper>\n", "k",
					 &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "k:3: unknown key '<Hyper>'"));
	assert_int_equal(ui_keymap_apply(&km, "frob quit q\n", "k", &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "k:1: unknown command 'frob'"));
	assert_int_equal(ui_keymap_apply(&km, "bind quit\n", "k", &err),
			 CLERK_INVALID);
	assert_non_null(strstr(err.msg, "k:1: bind quit needs at least one key"));
}

/* The access column of actions.def decides what a console that only
 * watches a meeting may do: it may look and move, and take over, but
 * nothing that records (every attendance key records). */
static void test_watching_console_only_looks(void **state)
{
	(void)state;
	const enum ui_action may[] = {UI_ACT_help,  UI_ACT_quit,
				      UI_ACT_down,  UI_ACT_page_down,
				      UI_ACT_focus, UI_ACT_attendance,
				      UI_ACT_item_back, UI_ACT_take_over};
	const enum ui_action refused[] = {UI_ACT_select, UI_ACT_next_item,
					  UI_ACT_heard, UI_ACT_vote,
					  UI_ACT_close_meeting};
	for (size_t i = 0; i < sizeof may / sizeof may[0]; i++)
		assert_int_equal(ui_action_info(may[i])->access, UI_WATCH);
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		assert_int_equal(ui_action_info(refused[i])->access, UI_DRIVE);
	for (int a = 1; a < UI_ACT_COUNT; a++)
		if (ui_action_info((enum ui_action)a)->context == UI_CTX_ATTEND)
			assert_int_equal(ui_action_info((enum ui_action)a)->access,
					 UI_DRIVE);
	/* no key pressed: nothing to refuse */
	assert_int_equal(ui_action_info(UI_ACT_NONE)->access, UI_WATCH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_names_round_trip),
		cmocka_unit_test(test_defaults_parse_and_do_not_clash),
		cmocka_unit_test(test_keys_file_rebinds),
		cmocka_unit_test(test_keys_file_errors_name_the_line),
		cmocka_unit_test(test_watching_console_only_looks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
