/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_style: a house-style file (share/styles/NAME.style, or the user's own
 * in ~/.config/clerk/styles) read by style_load, as every export does: its
 * lines, quoting, keys checked against style_keys.c.  A style that loads is
 * used for the minutes and the agenda of the harness's meeting, rendered
 * as text and HTML, so that every template is expanded.  The input is also
 * expanded as one template and as a date template, with variables set.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clerk/export.h"
#include "fuzz_common.h"

static void render(const struct doc *d)
{
	const struct export_ops *ops[] = {&export_text_ops, &export_html_ops};
	for (size_t i = 0; i < 2; i++) {
		char *out = NULL;
		struct clerk_err err = {0};
		export_render(ops[i], d, &out, &err);
		free(out);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_world *w = fuzz_world();
	static bool env_set;
	if (!env_set) {
		/* the user's styles folder is the harness's */
		char *cfg = xasprintf("%s/config", fuzz_dir());
		setenv("XDG_CONFIG_HOME", cfg, 1);
		free(cfg);
		env_set = true;
	}
	char *path = fuzz_write_file("config/clerk/styles/fuzz.style", data, size);
	free(path);
	struct style st = {0};
	struct clerk_err err = {0};
	if (style_load("fuzz", &st, &err) == CLERK_OK) {
		struct export_opts opts = {.style = "fuzz"};
		struct doc d = {0};
		if (export_minutes_build(w->db, w->meeting_id, &opts, &d, &err) ==
		    CLERK_OK)
			render(&d);
		doc_free(&d);
		memset(&d, 0, sizeof d);
		if (export_agenda_build(w->db, w->meeting_id, &opts, &d, &err) ==
		    CLERK_OK)
			render(&d);
		doc_free(&d);
		style_free(&st);
	}
	char *text = fuzz_string(data, size);
	const struct style_var vars[] = {
		{"name", "Cllr Ann Briggs"}, {"body", "the Board"},
		{"date", "29 June 2017"},    {"he", "she"},
		{"text", "é ŵ £ <b>"},       {"time", ""},
	};
	free(style_expand(text, vars, sizeof vars / sizeof *vars));
	free(style_date(text, 1498726800, "Europe/London"));
	free(text);
	return 0;
}
