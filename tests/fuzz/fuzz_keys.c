/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_keys: the user's keys file (~/.config/clerk/keys: "bind ACTION
 * KEY...", "unbind ACTION", comments) applied to the default key map, as
 * the console does at start; then every action's keys are described (as
 * the help screen does) and every key bound is looked up in every context.
 * A refused file must leave the map exactly as it was.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/ui.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);
	struct ui_keymap km, before;
	ui_keymap_defaults(&km);
	before = km;
	struct clerk_err err = {0};
	if (ui_keymap_apply(&km, text, "keys", &err) != CLERK_OK &&
	    memcmp(&km, &before, sizeof km) != 0)
		abort(); /* a refused file changed the map */
	char desc[256];
	for (int a = 0; a < UI_ACT_COUNT; a++) {
		ui_keymap_describe(&km, (enum ui_action)a, desc, sizeof desc);
		if (!memchr(desc, '\0', sizeof desc))
			abort();
		for (int k = 0; k < km.nkeys[a] && k < UI_KEYMAP_MAX; k++) {
			char name[32];
			ui_key_name(km.keys[a][k], name);
			for (int c = 0; c < UI_CTX_COUNT; c++)
				ui_keymap_lookup(&km, (enum ui_context)c,
						 km.keys[a][k]);
		}
	}
	/* the whole input as one key name, as a script's <...> is read */
	int key;
	ui_key_parse(text, strlen(text), &key);
	free(text);
	return 0;
}
