/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui_live: the live console screen (src/ui/screen_live.c) and the choice
 * of meeting it opens (src/cli/cmd_live.c).
 */
#ifndef CLERK_UI_LIVE_H
#define CLERK_UI_LIVE_H

#include "clerk/live.h"
#include "clerk/ui.h"

/* Run the live console on an opened meeting until the user leaves (or the
 * terminal hangs up).  Everything is committed as it is done. */
void ui_live_run(struct app *app, struct live *l);

/* At the "minutes of the previous meeting" item (src/ui/live_previous.c):
 * the meeting resolves to confirm the earlier minutes awaiting
 * confirmation, with any amendment, and the person presiding signs them
 * (export_confirm_minutes).  Refused, saying where, at any other item. */
void ui_live_confirm_previous(struct app *app, struct live *l);
/* What the item pane shows at that item: the minutes confirmed at this
 * meeting and those awaiting confirmation, at most max lines, each a new
 * string in out[] (caller frees).  Returns how many. */
size_t ui_live_previous_lines(struct app *app, const struct live *l,
			      char **out, size_t max);

#endif
