/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/application: a planning application taken as an agenda item, with
 * the fields a planning committee's minutes print about it (reference,
 * site, applicant, proposal, ward, the officer's recommendation), who
 * addressed the committee, and the decision with its conditions or reasons
 * for refusal.  One row per item; the vote is the item's resolution's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model_private.h"

#define APP_COLS                                                           \
	"id, meeting_id, item_id, reference, site, applicant, proposal, "  \
	"ward, recommendation, decision, conditions, speakers"

static const char *const decisions[] = {"",	    "approved", "refused",
					"deferred", "delegated", "withdrawn",
					NULL};
static const char *const speaker_roles[] = {
	"objector", "supporter", "applicant", "agent", "ward member", "parish",
	NULL};

bool application_decision_valid(const char *d)
{
	for (const char *const *p = decisions; *p; p++)
		if (strcmp(*p, d ? d : "") == 0)
			return true;
	return false;
}

const char *application_speaker_role(const char *line)
{
	for (const char *const *p = speaker_roles; *p; p++) {
		size_t n = strlen(*p);
		if (strncmp(line, *p, n) == 0 && (line[n] == '\0' || line[n] == ':'))
			return *p;
	}
	return NULL;
}

static void app_read(sqlite3_stmt *st, void *out)
{
	struct application *a = out;
	memset(a, 0, sizeof *a);
	model_col_id(st, 0, a->id);
	model_col_id(st, 1, a->meeting_id);
	model_col_id(st, 2, a->item_id);
	a->reference = db_col_dup(st, 3);
	a->site = db_col_dup(st, 4);
	a->applicant = db_col_dup(st, 5);
	a->proposal = db_col_dup(st, 6);
	a->ward = db_col_dup(st, 7);
	a->recommendation = db_col_dup(st, 8);
	a->decision = db_col_dup(st, 9);
	a->conditions = db_col_dup(st, 10);
	a->speakers = db_col_dup(st, 11);
}

static enum clerk_status app_check(const struct application *a,
				   struct clerk_err *err)
{
	enum clerk_status rc;
	if ((rc = model_check_id(a->meeting_id, "meeting", err)) ||
	    (rc = model_check_id(a->item_id, "agenda item", err)) ||
	    (rc = model_check_text(a->reference, "application reference",
				   false, err)) ||
	    (rc = model_check_text(a->site, "site", false, err)) ||
	    (rc = model_check_text(a->applicant, "applicant", false, err)) ||
	    (rc = model_check_text(a->proposal, "proposal", false, err)) ||
	    (rc = model_check_text(a->ward, "ward", false, err)) ||
	    (rc = model_check_text(a->recommendation, "recommendation", false,
				   err)))
		return rc;
	if (!application_decision_valid(a->decision))
		return clerk_fail(err, CLERK_INVALID,
				  "\"%s\" is not a planning decision (approved, "
				  "refused, deferred, delegated or withdrawn)",
				  a->decision);
	/* every speaker line names a role the minutes know */
	const char *p = a->speakers ? a->speakers : "";
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		bool ok = application_speaker_role(line) != NULL;
		if (!ok) {
			rc = clerk_fail(err, CLERK_INVALID,
					"\"%s\" is not a speaker: give the role "
					"(objector, supporter, applicant, agent, "
					"ward member or parish), and the name "
					"after a colon if it is minuted",
					line);
			free(line);
			return rc;
		}
		free(line);
		p += len;
		if (*p)
			p++;
	}
	return CLERK_OK;
}

static void app_bind(sqlite3_stmt *st, const struct application *a)
{
	db_bind_text(st, 1, a->id);
	db_bind_text(st, 2, a->meeting_id);
	db_bind_text(st, 3, a->item_id);
	model_bind_str(st, 4, a->reference);
	model_bind_str(st, 5, a->site);
	model_bind_str(st, 6, a->applicant);
	model_bind_str(st, 7, a->proposal);
	model_bind_str(st, 8, a->ward);
	model_bind_str(st, 9, a->recommendation);
	model_bind_str(st, 10, a->decision);
	model_bind_str(st, 11, a->conditions);
	model_bind_str(st, 12, a->speakers);
}

enum clerk_status application_save(struct db *db, struct application *a,
				   struct clerk_err *err)
{
	static const char ins[] =
		"INSERT INTO application(" APP_COLS ") VALUES (?1, ?2, ?3, ?4, "
		"?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
	static const char upd[] =
		"UPDATE application SET meeting_id = ?2, item_id = ?3, "
		"reference = ?4, site = ?5, applicant = ?6, proposal = ?7, "
		"ward = ?8, recommendation = ?9, decision = ?10, "
		"conditions = ?11, speakers = ?12 WHERE id = ?1";
	enum clerk_status rc = app_check(a, err);
	if (!rc)
		rc = model_refuse_confirmed(db, a->meeting_id,
					    "saving the planning application",
					    err);
	if (rc)
		return rc;
	bool fresh = !a->id[0];
	sqlite3_stmt *st = db_stmt(db, fresh ? ins : upd, err);
	if (!st)
		return CLERK_DB;
	model_ensure_id(a->id);
	app_bind(st, a);
	rc = model_step_done(db, st, "saving the planning application", err);
	if (rc && fresh)
		a->id[0] = '\0';
	return rc;
}

enum clerk_status application_list(struct db *db, const char *meeting_id,
				   struct application_list *out,
				   struct clerk_err *err)
{
	static const char sql[] =
		"SELECT a.id, a.meeting_id, a.item_id, a.reference, a.site, "
		"a.applicant, a.proposal, a.ward, a.recommendation, a.decision, "
		"a.conditions, a.speakers FROM application a JOIN agenda_item i "
		"ON i.id = a.item_id WHERE a.meeting_id = ?1 ORDER BY i.position";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	db_bind_text(st, 1, meeting_id);
	enum clerk_status rc = MODEL_READ_ROWS(db, st, app_read, out,
					       "reading the planning "
					       "applications",
					       err);
	if (rc)
		application_list_free(out);
	return rc;
}

const struct application *application_of_item(const struct application_list *l,
					      const char *item_id)
{
	for (size_t i = 0; l && i < l->n; i++)
		if (strcmp(l->v[i].item_id, item_id) == 0)
			return &l->v[i];
	return NULL;
}

void application_free(struct application *a)
{
	if (!a)
		return;
	free(a->reference);
	free(a->site);
	free(a->applicant);
	free(a->proposal);
	free(a->ward);
	free(a->recommendation);
	free(a->decision);
	free(a->conditions);
	free(a->speakers);
	memset(a, 0, sizeof *a);
}

void application_list_free(struct application_list *l)
{
	MODEL_LIST_FREE(l, application_free);
}
