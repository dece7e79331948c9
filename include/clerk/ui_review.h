/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui_review: the review screen (src/ui/screen_review.c), opened by
 * `clerk review`: the meetings and the state of their minutes, each
 * meeting's minutes as published in a pager, exporting them, correcting
 * the draft, confirming them and recording corrections after that.
 */
#ifndef CLERK_UI_REVIEW_H
#define CLERK_UI_REVIEW_H

#include "clerk/ui.h"

/* Run the review screen over the meetings of body_id (NULL: every body),
 * with meeting_id's minutes open when not NULL, until the user leaves.
 * Fails (err filled) only when the meetings cannot be read.  The app's
 * connection may be one opened for reading only: before the clerk's first
 * change the screen opens the file again for writing, closes the
 * connection it was given and gives the app the new one, which the caller
 * then closes (ui_app_db). */
enum clerk_status ui_review_run(struct app *app, const char *body_id,
				const char *meeting_id, struct clerk_err *err);

/* The export dialog for the minutes of meeting_id: format, file name,
 * public or confidential; the file is written (through a temporary name)
 * and the status line says where.  For any screen's export key (the live
 * console can bind it). */
void ui_review_export(struct app *app, struct db *db, const char *meeting_id);

/* The review screen's additions to a meeting's draft minutes, for what
 * the room missed (src/ui/review_fix.c): each asks what it needs, applies
 * the room's rules through clerk/review.h, shows a refusal's sentence and
 * offers again what was typed. */
struct meeting;
void ui_review_add_declaration(struct app *app, struct db *db,
			       const struct meeting *m);
void ui_review_add_text(struct app *app, struct db *db,
			const struct meeting *m);
void ui_review_remove_text(struct app *app, struct db *db,
			   const struct meeting *m);
void ui_review_add_resolution(struct app *app, struct db *db,
			      const struct meeting *m);
void ui_review_add_substitute(struct app *app, struct db *db,
			      const struct meeting *m);
void ui_review_remove_substitute(struct app *app, struct db *db,
				 const struct meeting *m);
void ui_review_proposers(struct app *app, struct db *db,
			 const struct meeting *m);
void ui_review_votes(struct app *app, struct db *db, const struct meeting *m);

#endif
