/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * publish: one council's public record as a static website, ready to be
 * uploaded as it is (`clerk publish DIR`).
 *
 * The site is plain HTML that needs no JavaScript and links only
 * relatively, so it works from any folder of any web server, or from the
 * disk:
 *
 *   index.html                      the council: its bodies, its members
 *   minutes.atom                    an Atom feed of the minutes published
 *   bodies/SLUG/index.html          a body: membership, meetings by year
 *   bodies/SLUG/meetings.ics        its meetings (iCalendar)
 *   bodies/SLUG/popolo.json         its people, seats and meetings (Popolo)
 *   bodies/SLUG/DATE-agenda.html    a meeting's agenda (and .pdf)
 *   bodies/SLUG/DATE-minutes.html   its public minutes (and .pdf, .docx)
 *   people/SLUG.html                a person: roles and attendance
 *
 * Everything comes from the exporters the commands use (the minutes and
 * agenda builders with HTML, DOCX and PDF, dataexport's iCalendar and
 * Popolo, the attendance look-up), with the public filter every export
 * applies: exempt minutes and sensitive interests never reach the site.
 * Minutes are published once confirmed; drafts only when asked, marked as
 * drafts.
 *
 * Rebuilding writes only what changed: each file's new bytes are compared
 * with the file on disk (the time stamps an iCalendar's DTSTAMP and a PDF's
 * CreationDate carry aside) and the file is left alone when they are the
 * same; what is written goes through outfile (a temporary name, then
 * rename).  The site remembers the files it wrote (.clerk-site) and
 * removes those it no longer makes (draft minutes no longer asked for, a
 * meeting deleted), never any other file.
 */
#ifndef CLERK_PUBLISH_H
#define CLERK_PUBLISH_H

#include "clerk/core.h"
#include "clerk/db.h"

struct publish_opts {
	const char *council;  /* the council whose site it is (a name or part
				 of one); NULL: the only council in the file */
	bool drafts;          /* publish draft minutes too, marked as drafts */
	const char *database; /* the open database: never written over */
};

struct publish_stats {
	int written;   /* files written (new or changed) */
	int unchanged; /* files already as they should be */
	int removed;   /* files of an earlier run no longer made */
	char *council; /* the council's name; freed by publish_stats_free */
};

/* Write the site of a council into dir (made when missing).  Refuses
 * (CLERK_USAGE) a dir that is not a folder or cannot be written, and a
 * file holding several councils when opts->council is NULL; CLERK_NOT_FOUND
 * when the council has no bodies.  On a failure part-way, the files
 * already written stay (each is whole) and err says what failed. */
enum clerk_status publish_site(struct db *db, const char *dir,
			       const struct publish_opts *opts,
			       struct publish_stats *stats,
			       struct clerk_err *err);
void publish_stats_free(struct publish_stats *s);

#endif
