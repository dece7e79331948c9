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

#endif
