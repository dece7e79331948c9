/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/application: a planning application in its item's minute, as the
 * body's style words it — the fields (reference, site, applicant, proposal,
 * ward, the officer's recommendation) and who addressed the committee
 * above the minute; the decision with the vote, then its conditions or
 * reasons for refusal, numbered, below the resolution.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_private.h"
#include "export_shared.h"

/* The speaker key of a role: "ward member" is speaker.ward_member. */
static char *speaker_key(const char *role)
{
	char *k = xasprintf("speaker.%s", role);
	for (char *p = k; *p; p++)
		if (*p == ' ')
			*p = '_';
	return k;
}

void minutes_application_head(struct minutes_ctx *c,
			      const struct application *a)
{
	const struct style_var v[] = {{"reference", a->reference},
				      {"site", a->site},
				      {"applicant", a->applicant},
				      {"proposal", a->proposal},
				      {"ward", a->ward},
				      {"recommendation", a->recommendation}};
	minutes_say_paras(c, "application.fields", v, 6);
	const char *p = a->speakers;
	while (p && *p) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		const char *role = application_speaker_role(line);
		if (role) {
			const char *name = line + strlen(role);
			while (*name == ':' || *name == ' ')
				name++;
			char *key = speaker_key(role);
			const struct style_var sv[] = {
				{"speaker", style_get(&c->style, key, role)},
				{"name", name}};
			char *t = minutes_say(c, "application.speaker", sv, 2);
			if (t)
				doc_add(c->doc, DOC_PARA, t);
			free(t);
			free(key);
		}
		free(line);
		p += len;
		if (*p)
			p++;
	}
}

void minutes_application_decision(struct minutes_ctx *c,
				  const struct application *a)
{
	if (!*a->decision)
		return;
	/* the vote: the item's last resolution that was counted */
	struct resolution_list rl;
	char f[16] = "", ag[16] = "", ab[16] = "";
	if (minutes_item_resolutions(c, a->item_id, &rl))
		for (size_t i = 0; i < rl.n; i++)
			if (rl.v[i].voted && rl.v[i].kind == RES_MOTION) {
				snprintf(f, sizeof f, "%d", rl.v[i].votes_for);
				snprintf(ag, sizeof ag, "%d",
					 rl.v[i].votes_against);
				snprintf(ab, sizeof ab, "%d",
					 rl.v[i].votes_abstain);
			}
	free(rl.v); /* the strings are the context's */
	char *key = xasprintf("decision.%s", a->decision);
	const struct style_var v[] = {
		{"decision", style_get(&c->style, key, a->decision)},
		{"reference", a->reference},
		{"for", f},
		{"against", ag},
		{"abstain", ab}};
	minutes_say_paras(c, "application.decision", v, 5);
	free(key);
	if (!*a->conditions)
		return;
	bool refused = strcmp(a->decision, "refused") == 0;
	char *h = minutes_say(c, refused ? "application.reasons"
					 : "application.conditions",
			      NULL, 0);
	if (h)
		doc_add(c->doc, DOC_PARA, h);
	free(h);
	struct doc_block *list = doc_add(c->doc, DOC_NUMBERED, NULL);
	int k = 0;
	const char *p = a->conditions;
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		char label[16];
		snprintf(label, sizeof label, "%d.", ++k);
		doc_row_add(list, label, line);
		free(line);
		p += len;
		if (*p)
			p++;
	}
}
