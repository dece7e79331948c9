/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import_private: helpers shared by the importers of src/import and nothing
 * else: trimming, splitting a person's honorific from their name, time-of-day
 * parsing, and the scheduling of planned item times.
 */
#ifndef CLERK_IMPORT_PRIVATE_H
#define CLERK_IMPORT_PRIVATE_H

#include "clerk/import.h"
#include "clerk/import_store.h"

/* A copy of s[0..n) without leading and trailing blanks (spaces, tabs, CR,
 * no-break spaces); caller frees. */
char *imp_trim_dup(const char *s, size_t n);
/* Trim s in place and return it. */
char *imp_trim(char *s);
/* Collapse runs of blanks to one space, in place. */
void imp_squeeze(char *s);

/* Split "Cllr Keith Mans" into honorific "Councillor" and name "Keith Mans"
 * (Cllr is written out); both newly allocated, honorific "" when none. */
void imp_split_honorific(const char *full, char **honorific, char **name);
/* True when s begins with an honorific followed by a space. */
bool imp_starts_with_honorific(const char *s);

/* Parse a time of day: "10.15", "10:15", "10.00 am", "2.30pm", "12 noon".
 * Stores 24-hour values; *has_ampm tells whether am/pm fixed the half of
 * the day.  False when s is not a time. */
bool imp_parse_clock(const char *s, int *hour, int *minute, bool *has_ampm);

/* The item kind (stored text) a standard agenda title suggests:
 * "APOLOGIES FOR ABSENCE" gives "apologies", and so on; "ordinary" else. */
const char *imp_kind_of_title(const char *title);

/* HTML (ModernGov's agenda text, Word's markup) as plain paragraphs, one a
 * line, with the gumbo parser; NULL with err when gumbo cannot be loaded.
 * Caller frees. */
char *imp_html_to_text(const char *html, struct clerk_err *err);

/* Free the strings of an istore_item and zero it. */
void imp_item_free(struct istore_item *it);

/* ------------------------------------------- agenda lines (agenda_lines.c)
 * What one trimmed line of an agenda is, without context.  */

/* An item number at the start of a line. */
struct agl_number {
	char *text;		  /* as the agenda writes it: "6", "6a", "5.1" */
	unsigned long long value; /* its leading number (saturating) */
	unsigned long long minor; /* "5.1": 1 */
	bool decimal;		  /* "5.1": a sub-item of item 5 */
	bool needs_sequence;	  /* only an item if it follows the one before:
				     "1APOLOGIES", "2 Minutes", "3" alone */
	size_t title_at;	  /* where the title starts ("" after "1.") */
};
/* Read an item number ("6.", "1 .", "1)", "Item 1", "1APOLOGIES", "5.1",
 * "6a.", a number alone); false when the line does not start with one. */
bool agl_item_number(const char *s, struct agl_number *out);
void agl_number_free(struct agl_number *n);

/* A sub-item label: "a)", "(b)", "c.", "(i)", "ii)". */
struct agl_sub {
	char *label;	 /* "a", "ii" */
	bool letter;	 /* a letter in sequence, not a roman numeral */
	size_t title_at; /* where its title starts */
};
/* Read a sub-item label; `last_letter` is the letter of the sub-item before
 * (0: none), so that "(i)" after "(h)" is a letter. */
bool agl_sub_label(const char *s, char last_letter, struct agl_sub *out);
/* Length of a bullet ("•", "-", "o") and the blank after it, 0 if none. */
size_t agl_bullet_len(const char *s);

/* Cut link and file-size text ("pdf icon", "PDF 252 KB", "(PDF, 1MB)") out
 * of s in place; true when there was some. */
bool agl_cut_noise(char *s);
/* Cut a page reference off the end of s ("(Pages 11 - 32)", "Pages 5-10",
 * "(pp. 5 to 10)", "Page 5"); *pages gets "11 - 32". */
bool agl_cut_pages(char *s, char **pages);
/* The pages of a line that is only a page reference, else NULL. */
char *agl_pages_only(const char *s);
/* Cut a time off the end of s ("10.15", "10:15am", "2.30 p.m."); *bad when
 * it is shaped like a time but is not one ("25.61"). */
bool agl_cut_time(char *s, int *hour, int *minute, bool *ampm, bool *bad);
/* A time at the start of s followed by a blank ("10.15\t6. TITLE"): the
 * offset of what follows it, 0 if none. */
size_t agl_lead_time(const char *s, int *hour, int *minute, bool *ampm);

/* "Page 2 of 5", "- 2 -": a page's header or footer. */
bool agl_is_footer(const char *s);
/* Column headings and preamble before the first item ("AGENDA", "No.\tItem",
 * "Approx. Timings", "Venue: ..."). */
bool agl_is_heading(const char *s);
/* A heading that starts the agenda ("AGENDA", "Agenda and minutes"). */
bool agl_is_agenda_heading(const char *s);
/* A line after which nothing is agenda ("ABOUT THIS AGENDA"). */
bool agl_is_trailer(const char *s);

/* Lines of a ModernGov agenda page that are not agenda text. */
enum agl_marker {
	AGL_NONE,
	AGL_RECORD,	/* "Minutes:", "Decision:": the record follows */
	AGL_DOCUMENTS,	/* "Additional documents:": links follow */
	AGL_RESTRICTED, /* "View the reasons why item 9 is restricted" */
	AGL_LINK,	/* "View the background to item 3." */
};
enum agl_marker agl_marker(const char *s);

#endif
