/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/style_keys: every key a house style may set, the {variables} each
 * key's value may use, and the keys the minutes cannot do without.  A style
 * is checked against this list when it is loaded, so that a misspelt key or
 * variable is an error naming the file and line, never a sentence silently
 * missing from published minutes.  A new key is added here, with its
 * variables, and documented in the header of each shipped style.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "clerk/export.h"

/* What every minutes or agenda template may use (minutes.c ctx_base_vars),
 * besides its key's own. */
static const char base_vars[] =
	" body council self self_noun venue date short_date confirmed_date "
	"chairman vice_chairman officer officer_title address enquiries "
	"filming conduct ";
/* A date or time template (style_date). */
static const char date_vars[] =
	" weekday day dayth month mon year hour12 minute mm hh ampm ";
static const char pronouns[] = " he his him ";

enum key_flags {
	KEY_DATE = 1,      /* a date template: date_vars only */
	KEY_REQUIRED = 2,  /* the minutes need it */
	KEY_PRONOUNS = 4,  /* the sentence is about a person: he his him */
	KEY_WORD = 8,      /* a setting, not a template: no variables */
	KEY_OWN = 16,      /* its own variables only (furniture of a page) */
};

struct style_key {
	const char *key;
	const char *vars; /* the key's own variables, space-separated */
	unsigned flags;
	const char *choices; /* KEY_WORD: " a b " allowed values, or NULL */
};

static const struct style_key keys[] = {
	{"chairman", "", KEY_REQUIRED | KEY_WORD, NULL},
	{"vice_chairman", "", KEY_WORD, NULL},
	{"date", "", KEY_DATE | KEY_REQUIRED, NULL},
	{"short_date", "", KEY_DATE | KEY_REQUIRED, NULL},
	{"time", "", KEY_DATE | KEY_REQUIRED, NULL},
	{"opening", "", KEY_REQUIRED, NULL},
	/* attendance */
	{"present.layout", "", KEY_WORD, " table run "},
	{"present.heading", "", 0, NULL},
	{"present.chairman", "", 0, NULL},
	{"present.vice_chairman", "", 0, NULL},
	{"present.marker.present", "", 0, NULL},
	{"present.marker.absent", "", 0, NULL},
	{"present.key", " present absent ", 0, NULL},
	{"present.entry", " name capacity role office member ", 0, NULL},
	{"present.run", " names ", 0, NULL},
	{"present.run_entry", " name capacity role office member ", 0, NULL},
	{"present.substitute", " name capacity role office member ", 0, NULL},
	{"present.order", "", KEY_WORD, " surname seat "},
	{"substitutes.heading", "", 0, NULL},
	{"substitutes.entry", " name capacity role office member ", 0, NULL},
	{"substitutes.run", " names ", 0, NULL},
	{"officers.heading", "", 0, NULL},
	{"officers.entry", " name capacity role office member ", 0, NULL},
	{"officers.run", " names ", 0, NULL},
	{"others.heading", "", 0, NULL},
	{"others.entry", " name capacity role office member ", 0, NULL},
	{"others.run", " names ", 0, NULL},
	{"also.heading", "", 0, NULL},
	{"also.entry", " name capacity role office member ", 0, NULL},
	{"also.run", " names ", 0, NULL},
	{"public.run", " count ", 0, NULL},
	{"absent.run", " names ", 0, NULL},
	/* apologies */
	{"apologies.title", "", 0, NULL},
	{"apologies.layout", "", KEY_WORD, " list run "},
	{"apologies.none", "", 0, NULL},
	{"apologies.intro", "", 0, NULL},
	{"apologies.entry", " name capacity reason then sub sub_capacity ",
	 KEY_PRONOUNS, NULL},
	{"apologies.run", " names ", 0, NULL},
	{"apologies.run_entry", " name capacity reason then sub sub_capacity ",
	 KEY_PRONOUNS, NULL},
	{"apologies.sub_attended", " sub sub_capacity sub_reason ",
	 KEY_PRONOUNS, NULL},
	{"apologies.sub_unable", " sub sub_capacity sub_reason ", KEY_PRONOUNS,
	 NULL},
	{"apologies.sub_apologies", " sub sub_capacity sub_reason ",
	 KEY_PRONOUNS, NULL},
	{"apologies.sub_absent", " sub sub_capacity sub_reason ", KEY_PRONOUNS,
	 NULL},
	{"apologies.sub_other", " sub sub_capacity sub_reason ", KEY_PRONOUNS,
	 NULL},
	{"apologies.no_sub", " sub sub_capacity sub_reason ", KEY_PRONOUNS,
	 NULL},
	{"apologies.sub_note", " note ", 0, NULL},
	/* declarations */
	{"declarations.standard", "", 0, NULL},
	{"declarations.none", "", 0, NULL},
	{"declarations.entry", " name kind what minute title ",
	 KEY_PRONOUNS | KEY_REQUIRED, NULL},
	{"declarations.sensitive", " name kind what minute title ",
	 KEY_PRONOUNS | KEY_REQUIRED, NULL},
	{"declarations.left", " name kind what minute title ", KEY_PRONOUNS,
	 NULL},
	{"declarations.dispensation", " name kind what minute title ",
	 KEY_PRONOUNS, NULL},
	{"interest.pecuniary", "", KEY_WORD, NULL},
	{"interest.registrable", "", KEY_WORD, NULL},
	{"interest.non-registrable", "", KEY_WORD, NULL},
	/* earlier minutes */
	{"previous.confirmed", " prev_body prev_date amendment signer ",
	 KEY_REQUIRED, NULL},
	{"previous.amended", " prev_body prev_date amendment signer ", 0, NULL},
	{"previous.correction", " prev_body prev_date correction ", 0, NULL},
	/* each minute */
	{"minute.title_case", "", KEY_WORD, " upper as "},
	{"minute.agenda", " text ", 0, NULL},
	{"minute.heading", "", 0, NULL},
	/* planning applications (export/application.c) */
	{"application.fields",
	 " reference site applicant proposal ward recommendation ", 0, NULL},
	{"application.speaker", " speaker name ", 0, NULL},
	{"speaker.objector", "", KEY_WORD, NULL},
	{"speaker.supporter", "", KEY_WORD, NULL},
	{"speaker.applicant", "", KEY_WORD, NULL},
	{"speaker.agent", "", KEY_WORD, NULL},
	{"speaker.ward_member", "", KEY_WORD, NULL},
	{"speaker.parish", "", KEY_WORD, NULL},
	{"application.decision", " decision reference for against abstain ", 0,
	 NULL},
	{"decision.approved", "", KEY_WORD, NULL},
	{"decision.refused", "", KEY_WORD, NULL},
	{"decision.deferred", "", KEY_WORD, NULL},
	{"decision.delegated", "", KEY_WORD, NULL},
	{"decision.withdrawn", "", KEY_WORD, NULL},
	{"application.conditions", "", 0, NULL},
	{"application.reasons", "", 0, NULL},
	{"received", " text ", KEY_REQUIRED, NULL},
	{"heard", "", KEY_REQUIRED, NULL},
	{"commented", "", KEY_REQUIRED, NULL},
	{"resolved", "", KEY_REQUIRED, NULL},
	{"arrived", " name time ", KEY_PRONOUNS, NULL},
	{"left", " name time ", KEY_PRONOUNS, NULL},
	{"left.interest", " name time ", KEY_PRONOUNS, NULL},
	{"order.changed", " number before title ", 0, NULL},
	{"unfinished.mark", "", 0, NULL},
	{"presiding", " name role time ", 0, NULL},
	{"elected", " name role time ", 0, NULL},
	/* decisions */
	{"resolution.moved", " mover seconder ", 0, NULL},
	{"resolution.votes",
	 " for against abstain for_names against_names abstain_names casting presiding presiding_as ",
	 0, NULL},
	{"resolution.recorded",
	 " for against abstain for_names against_names abstain_names casting presiding presiding_as ",
	 0, NULL},
	{"resolution.abstention", " name reason ", 0, NULL},
	{"resolution.casting",
	 " for against abstain for_names against_names abstain_names casting presiding presiding_as ",
	 0, NULL},
	{"resolution.agreed",
	 " for against abstain for_names against_names abstain_names casting presiding presiding_as ",
	 0, NULL},
	{"resolution.motion", " mover seconder body ", 0, NULL},
	{"resolution.amendment", " mover seconder body ", 0, NULL},
	{"outcome.pending", "", 0, NULL},
	{"outcome.lost", "", 0, NULL},
	{"outcome.withdrawn", "", 0, NULL},
	{"outcome.amendment_lost", "", 0, NULL},
	{"outcome.amendment_carried", "", 0, NULL},
	/* exempt and urgent business */
	{"exclusion", " paragraph law ", KEY_REQUIRED, NULL},
	{"confidential.mark", "", 0, NULL},
	{"confidential.item", " paragraph reason law ", 0, NULL},
	{"urgent", " paragraph reason ", 0, NULL},
	/* actions arising */
	{"action.item", " action owner due ", 0, NULL},
	{"actions.title", "", 0, NULL},
	{"action.list", " action owner due ", 0, NULL},
	/* what happened to the meeting itself (export/proceedings.c) */
	{"quorum.lost", " time name present needed ", 0, NULL},
	{"quorum.restored", " time name present needed ", 0, NULL},
	{"quorum.not_transacted", "", 0, NULL},
	{"adjourned", " time reason resumed ", 0, NULL},
	{"public.readmitted", " time ", 0, NULL},
	{"meeting.times", " start end ", 0, NULL},
	{"signature", "", KEY_REQUIRED, NULL},
	/* the notice of meeting */
	{"agenda.title", "", 0, NULL},
	{"agenda.field.meeting", "", 0, NULL},
	{"agenda.field.date", "", 0, NULL},
	{"agenda.field.place", "", 0, NULL},
	{"agenda.field.enquiries", "", 0, NULL},
	{"agenda.enquiries", "", 0, NULL},
	{"agenda.datetime", "", KEY_DATE, NULL},
	{"agenda.signatory", "", 0, NULL},
	{"agenda.notice", "", 0, NULL},
	{"agenda.exempt", " paragraph law ", 0, NULL},
	{"agenda.heading", "", 0, NULL},
	{"agenda.timings", "", 0, NULL},
	{"agenda.time", "", KEY_DATE, NULL},
	{"agenda.pages", " pages ", 0, NULL},
	/* paged formats (PDF, DOCX, printed HTML): each page's number */
	{"page.number", " page pages ", KEY_OWN, NULL},
	{"agenda.about", "", 0, NULL},
};

/* The style files list their keys in about the order of the table: the
 * search starts after the key found last, so that checking a file costs a
 * comparison or two a key rather than half the table. */
static const struct style_key *key_find(const char *key)
{
	static size_t next;
	const size_t n = sizeof keys / sizeof *keys;
	for (size_t k = 0; k < n; k++) {
		size_t i = (next + k) % n;
		if (strcmp(keys[i].key, key) == 0) {
			next = i + 1;
			return &keys[i];
		}
	}
	return NULL;
}

/* Is " name " in the space-separated list? */
static bool in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = strstr(list, name); p; p = strstr(p + 1, name))
		if (p > list && p[-1] == ' ' && p[n] == ' ')
			return true;
	return false;
}

static bool var_known(const struct style_key *k, const char *name)
{
	if (k->flags & KEY_DATE)
		return in_list(date_vars, name);
	if (k->flags & KEY_OWN)
		return in_list(k->vars, name);
	return in_list(k->vars, name) || in_list(base_vars, name) ||
	       ((k->flags & KEY_PRONOUNS) && in_list(pronouns, name));
}

/* The first {variable} of value that key k does not have, copied into
 * bad (lower case, as written in bad_as); false when all are known.  The
 * rule for what is a placeholder is style_expand's: '{', up to 40
 * characters, '}'. */
static bool unknown_var(const struct style_key *k, const char *value,
			char bad_as[48])
{
	for (const char *p = strchr(value, '{'); p; p = strchr(p + 1, '{')) {
		const char *close = strchr(p, '}');
		if (!close || close - p > 40)
			continue;
		size_t len = (size_t)(close - p - 1);
		char name[48];
		memcpy(name, p + 1, len);
		name[len] = '\0';
		memcpy(bad_as, name, len + 1);
		for (size_t i = 0; i < len; i++)
			name[i] = (char)tolower((unsigned char)name[i]);
		if (!len || !var_known(k, name))
			return true;
	}
	return false;
}

/* Keys one layout needs: the table, or the sentence of names. */
static const char *layout_needs(const struct style *s, const char *key)
{
	if (strcmp(key, "present.entry") == 0)
		return strcmp(style_get(s, "present.layout", "table"), "table")
				       ? NULL
				       : "present.layout = table";
	if (strcmp(key, "present.run") == 0 ||
	    strcmp(key, "present.run_entry") == 0)
		return strcmp(style_get(s, "present.layout", "table"), "run")
				       ? NULL
				       : "present.layout = run";
	if (strcmp(key, "apologies.entry") == 0)
		return strcmp(style_get(s, "apologies.layout", "list"), "list")
				       ? NULL
				       : "apologies.layout = list";
	if (strcmp(key, "apologies.run") == 0 ||
	    strcmp(key, "apologies.run_entry") == 0)
		return strcmp(style_get(s, "apologies.layout", "list"), "run")
				       ? NULL
				       : "apologies.layout = run";
	return NULL;
}

enum clerk_status style_validate(const struct style *s, struct clerk_err *err)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct style_key *k = key_find(s->keys[i]);
		char bad[48];
		if (!k)
			return clerk_fail(err, CLERK_INVALID,
					  "%s line %ld: clerk knows no key \"%s\" "
					  "(the keys are listed in the header of "
					  "share/styles/county.style)",
					  s->path, s->lines[i], s->keys[i]);
		if (k->choices) {
			char word[80];
			snprintf(word, sizeof word, " %s ", s->values[i]);
			if (!strstr(k->choices, word))
				return clerk_fail(err, CLERK_INVALID,
						  "%s line %ld: %s takes one of%s"
						  "(not \"%s\")",
						  s->path, s->lines[i], k->key,
						  k->choices, s->values[i]);
		} else if (unknown_var(k, s->values[i], bad)) {
			return clerk_fail(err, CLERK_INVALID,
					  "%s line %ld: %s has no variable {%s} "
					  "(the variables of each key are listed "
					  "in the header of "
					  "share/styles/county.style)",
					  s->path, s->lines[i], k->key, bad);
		}
	}
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const char *because = layout_needs(s, keys[i].key);
		bool needed = (keys[i].flags & KEY_REQUIRED) || because;
		if (needed && !style_get(s, keys[i].key, NULL))
			return clerk_fail(err, CLERK_INVALID,
					  "%s: the key \"%s\" is missing%s%s%s "
					  "(an empty value leaves the sentence out)",
					  s->path, keys[i].key,
					  because ? ", which " : "",
					  because ? because : "",
					  because ? " needs" : "");
	}
	return CLERK_OK;
}
