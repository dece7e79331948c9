/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * demo: the demo board.  The .board files of share/demo describe councils,
 * bodies, seats, people and meetings in a readable, hand-editable text format (see
 * the top of share/demo/hampshire-hwb.board); this module reads them and
 * writes what they describe through the model, so that `clerk demo` gives a
 * clerk a real board (the Hampshire Health and Wellbeing Board) to try.
 *
 * Errors in a .board file name the file, the line and what is wrong there
 * ("hampshire-hwb.board:212: no person 'rushtom' (declare it with 'person
 * rushtom' before this line)").
 */
#ifndef CLERK_DEMO_H
#define CLERK_DEMO_H

#include "clerk/core.h"
#include "clerk/db.h"

/* What a load wrote, for the user's summary. */
struct demo_summary {
	int files, councils, bodies, seats, people, meetings, items,
		attendance;
};

/* Read every *.board file of folder `dir` in name order (byte order) and
 * write its records into db, which should be new and empty.  Stops at the
 * first error: the caller discards the half-written file.  *sum (may be
 * NULL) receives counts. */
enum clerk_status demo_load_dir(struct db *db, const char *dir,
				struct demo_summary *sum, struct clerk_err *err);

/* Read one .board file into db (as demo_load_dir does for each file). */
enum clerk_status demo_load_file(struct db *db, const char *path,
				 struct demo_summary *sum,
				 struct clerk_err *err);

/* Create, or re-create, the demo database at path from the .board files of
 * `dir` (NULL: clerk_share_dir()/demo).  The database is built in a new
 * temporary file beside path (mode 0600) and renamed over path only when
 * complete, so a failure leaves any old file exactly as it was.  Refuses to
 * replace a file that is not a clerk database, one written by a newer clerk,
 * one that is read-only or open in a running clerk (CLERK_FOREIGN,
 * CLERK_NEWER, CLERK_READONLY, CLERK_DB), and, unless force, a clerk
 * database holding a body the demo does not describe (CLERK_CONFLICT).
 * Creates path's folder when missing. */
enum clerk_status demo_build(const char *path, const char *dir, bool force,
			     struct demo_summary *sum, struct clerk_err *err);

#endif
