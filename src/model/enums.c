/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/enums: the stored text of every enum of the model and back.
 *
 * Each enum is declared once as an X-macro list in model.h; the tables here
 * are generated from the same lists, so the text the schema checks and the
 * values the code uses cannot drift apart.
 */
#include "config.h"

#include <string.h>

#include "model_private.h"

#define NAME_OF(name, text) text,

/* text(v) and parse(s, out) for one enum from its list. */
#define MODEL_ENUM(type, prefix, LIST)                                         \
	static const char *const prefix##_names[] = {LIST(NAME_OF)};           \
	const char *prefix##_text(enum type v)                                 \
	{                                                                      \
		size_t n = sizeof prefix##_names / sizeof *prefix##_names;     \
		return (size_t)v < n ? prefix##_names[v] : "";                 \
	}                                                                      \
	bool prefix##_parse(const char *s, enum type *out)                     \
	{                                                                      \
		size_t n = sizeof prefix##_names / sizeof *prefix##_names;     \
		for (size_t i = 0; s && i < n; i++)                            \
			if (strcmp(s, prefix##_names[i]) == 0) {               \
				*out = (enum type)i;                           \
				return true;                                   \
			}                                                      \
		return false;                                                  \
	}

MODEL_ENUM(council_kind, council_kind, COUNCIL_KIND_LIST)
MODEL_ENUM(nation, nation, NATION_LIST)
MODEL_ENUM(quorum_kind, quorum_kind, QUORUM_KIND_LIST)
MODEL_ENUM(numbering, numbering, NUMBERING_LIST)
MODEL_ENUM(member_role, member_role, MEMBER_ROLE_LIST)
MODEL_ENUM(meeting_status, meeting_status, MEETING_STATUS_LIST)
MODEL_ENUM(minutes_state, minutes_state, MINUTES_STATE_LIST)
MODEL_ENUM(item_kind, item_kind, ITEM_KIND_LIST)
MODEL_ENUM(attendance_status, attendance_status, ATTENDANCE_STATUS_LIST)
MODEL_ENUM(interest_kind, interest_kind, INTEREST_KIND_LIST)
MODEL_ENUM(minute_section, minute_section, MINUTE_SECTION_LIST)
MODEL_ENUM(resolution_kind, resolution_kind, RESOLUTION_KIND_LIST)
MODEL_ENUM(outcome, outcome, OUTCOME_LIST)
MODEL_ENUM(vote_choice, vote_choice, VOTE_LIST)
MODEL_ENUM(action_status, action_status, ACTION_STATUS_LIST)
MODEL_ENUM(event_kind, event_kind, EVENT_KIND_LIST)

/* person_kind: value 0 is PERSON_UNSTATED, which has no stored text. */
#define X(name, text) text,
static const char *const person_kind_names[] = {"", PERSON_KIND_LIST(X)};
#undef X

const char *person_kind_text(enum person_kind v)
{
	size_t n = sizeof person_kind_names / sizeof *person_kind_names;
	return (size_t)v < n ? person_kind_names[v] : "";
}

bool person_kind_parse(const char *s, enum person_kind *out)
{
	size_t n = sizeof person_kind_names / sizeof *person_kind_names;
	for (size_t i = 1; s && i < n; i++)
		if (strcmp(s, person_kind_names[i]) == 0) {
			*out = (enum person_kind)i;
			return true;
		}
	return false;
}
