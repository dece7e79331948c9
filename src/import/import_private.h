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

/* Free the strings of an istore_item and zero it. */
void imp_item_free(struct istore_item *it);

#endif
