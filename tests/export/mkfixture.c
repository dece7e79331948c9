/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tests/export/mkfixture: `mkfixture DB` builds, through the model API, the
 * meetings the export tests need that the demo board does not have:
 *
 *  - Testshire County Council's Audit Committee (county style): a meeting
 *    on 2024-03-14 with a member whose name is hostile markup, a sensitive
 *    interest, a late arrival and an early departure, a counted and
 *    recorded vote decided by the chairman's casting vote, and an exempt
 *    item with its exclusion resolution and confidential minute; and a
 *    meeting on 2024-04-18 that confirms it.
 *  - Little Snoring Parish Council (parish style): minutes numbered through
 *    the municipal year ("222/19"), decisions with proposer, seconder and
 *    votes, an abstention with its reason, and the exclusion of the public
 *    under the Public Bodies (Admission to Meetings) Act 1960.
 *
 * Strings the tests look for (and must not find in public minutes) are in
 * capitals: EXEMPT-MINUTE-TEXT, SENSITIVE-DETAIL.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk/model.h"

/* The model's structs hold `char *` that its writes only read: this test
 * program points them at string literals. */
#pragma GCC diagnostic ignored "-Wcast-qual"

static struct db *db;

static void check(enum clerk_status rc, const struct clerk_err *err,
		  const char *what)
{
	if (rc) {
		fprintf(stderr, "mkfixture: %s: %s\n", what, err->msg);
		exit(1);
	}
}

static void person(const char *hon, const char *name, const char *pronoun,
		   const char *role, clerk_id out)
{
	struct clerk_err err = {0};
	struct person p = {.id = "",
			   .honorific = (char *)hon,
			   .name = (char *)name,
			   .organisation = (char *)"",
			   .role = (char *)role,
			   .pronoun = (char *)pronoun};
	check(person_create(db, &p, &err), &err, name);
	memcpy(out, p.id, sizeof(clerk_id));
}

static void seat_sub(const char *body_id, const char *label,
		     const char *member, enum member_role role,
		     const char *capacity, const char *sub)
{
	struct clerk_err err = {0};
	struct seat s = {.label = (char *)label, .voting = true,
			 .vacancy_note = (char *)""};
	memcpy(s.body_id, body_id, sizeof s.body_id);
	check(seat_create(db, &s, &err), &err, label);
	check(membership_add(db, s.id, member, role, capacity, "2019-01-01",
			     NULL, &err),
	      &err, "membership");
	if (sub)
		check(substitute_add(db, s.id, sub, "Deputy Member", "2019-01-01",
				     NULL, &err),
		      &err, "substitute");
}

static void seat(const char *body_id, const char *label, const char *member,
		 enum member_role role, const char *capacity)
{
	seat_sub(body_id, label, member, role, capacity, NULL);
}

/* An attendance row of person standing in (or sending apologies) for
 * member. */
static void attend_for(const char *meeting_id, const char *person_id,
		       const char *member_id, enum attendance_status st,
		       const char *note)
{
	struct clerk_err err = {0};
	struct attendance a = {.status = st,
			       .note = (char *)(note ? note : ""),
			       .capacity = (char *)"",
			       .substitute_note = (char *)""};
	memcpy(a.meeting_id, meeting_id, sizeof a.meeting_id);
	memcpy(a.person_id, person_id, sizeof a.person_id);
	memcpy(a.substitute_for, member_id, sizeof a.substitute_for);
	check(attendance_set(db, &a, &err), &err, "substitute attendance");
}

static void meeting(const char *body_id, int y, int m, int d, int h,
		    const char *venue, clerk_id out)
{
	struct clerk_err err = {0};
	struct meeting mt = {.public_present = -1, .venue = (char *)venue};
	memcpy(mt.body_id, body_id, sizeof mt.body_id);
	mt.starts_at = time_from_local("Europe/London", y, m, d, h, 0);
	check(meeting_create(db, &mt, &err), &err, "meeting");
	memcpy(out, mt.id, sizeof(clerk_id));
}

static void item(const char *meeting_id, enum item_kind kind,
		 const char *title, const char *exempt_para, clerk_id out)
{
	struct clerk_err err = {0};
	struct agenda_item it = {.title = (char *)title,
				 .kind = kind,
				 .exempt = exempt_para != NULL,
				 .exempt_paragraph = (char *)(exempt_para ? exempt_para
									  : ""),
				 .description = (char *)"",
				 .presenter = (char *)"",
				 .pages = (char *)"",
				 .number = (char *)"",
				 .urgent_reason = (char *)""};
	memcpy(it.meeting_id, meeting_id, sizeof it.meeting_id);
	check(item_create(db, &it, &err), &err, title);
	memcpy(out, it.id, sizeof(clerk_id));
}

static void attend(const char *meeting_id, const char *person_id,
		   enum attendance_status st, const char *note,
		   struct attendance *out)
{
	struct clerk_err err = {0};
	struct attendance a = {.status = st,
			       .note = (char *)(note ? note : ""),
			       .capacity = (char *)"",
			       .substitute_note = (char *)""};
	memcpy(a.meeting_id, meeting_id, sizeof a.meeting_id);
	memcpy(a.person_id, person_id, sizeof a.person_id);
	if (out) {
		a.arrived_at = out->arrived_at;
		memcpy(a.arrived_item, out->arrived_item, sizeof a.arrived_item);
		a.left_at = out->left_at;
		memcpy(a.left_item, out->left_item, sizeof a.left_item);
	}
	check(attendance_set(db, &a, &err), &err, "attendance");
}

static void text(const char *meeting_id, const char *item_id,
		 enum minute_section section, const char *body)
{
	struct clerk_err err = {0};
	struct minute_text t = {.section = section, .body = (char *)body};
	memcpy(t.meeting_id, meeting_id, sizeof t.meeting_id);
	memcpy(t.item_id, item_id, sizeof t.item_id);
	check(minute_text_create(db, &t, &err), &err, "minute text");
}

static void resolution(const char *meeting_id, const char *item_id,
		       struct resolution *r)
{
	struct clerk_err err = {0};
	memcpy(r->meeting_id, meeting_id, sizeof r->meeting_id);
	memcpy(r->item_id, item_id, sizeof r->item_id);
	if (!r->preamble)
		r->preamble = (char *)"";
	check(resolution_create(db, r, &err), &err, "resolution");
}

static void vote(const char *meeting_id, const struct resolution *r,
		 const char *person_id, enum vote_choice v, const char *reason)
{
	struct clerk_err err = {0};
	struct vote vt = {.vote = v, .reason = (char *)(reason ? reason : "")};
	memcpy(vt.meeting_id, meeting_id, sizeof vt.meeting_id);
	memcpy(vt.resolution_id, r->id, sizeof vt.resolution_id);
	memcpy(vt.person_id, person_id, sizeof vt.person_id);
	check(vote_set(db, &vt, &err), &err, "vote");
}

static void body(const char *council_name, enum council_kind kind,
		 const char *name, const char *self, const char *style,
		 const char *format, enum numbering numbering, struct body *b)
{
	struct clerk_err err = {0};
	struct council c = {.id = "", .name = (char *)council_name, .kind = kind};
	check(council_create(db, &c, &err), &err, council_name);
	memset(b, 0, sizeof *b);
	memcpy(b->council_id, c.id, sizeof b->council_id);
	b->name = (char *)name;
	b->short_name = (char *)"";
	b->self_name = (char *)self;
	b->quorum_kind = QUORUM_FIXED;
	b->quorum_fixed = 3;
	b->substitutes_allowed = true;
	b->minute_format = (char *)format;
	b->numbering = numbering;
	b->year_start = (char *)"05-01";
	b->style = (char *)style;
	b->tz = (char *)"Europe/London";
	b->standard_items = (char *)"";
	check(body_create(db, b, &err), &err, name);
}

static void county(void)
{
	struct body b;
	body("Testshire County Council", COUNCIL_PRINCIPAL, "Audit Committee",
	     "the Committee", "county", "%n.", NUMBERING_PER_MEETING, &b);
	clerk_id chair, vice, evil, late, sens;
	person("Councillor", "Ann Chair", "she", "", chair);
	person("Councillor", "Vic Vice", "he", "", vice);
	person("Councillor", "<script>alert(\"x\")</script> & 'Co'", "they", "",
	       evil);
	person("Councillor", "Lara Late", "she", "", late);
	person("Councillor", "Sam Sensitive", "he", "", sens);
	seat(b.id, "Member", chair, ROLE_CHAIRMAN, "Chairman of Audit <&>");
	seat(b.id, "Member", vice, ROLE_VICE_CHAIRMAN, "");
	seat(b.id, "Member", evil, ROLE_MEMBER, "Member for \"Quotes\" & <b>Tags</b>");
	seat(b.id, "Member", late, ROLE_MEMBER, "");
	seat(b.id, "Member", sens, ROLE_MEMBER, "");

	clerk_id m1, m2, apol, decl, prev, budget, exempt, apol2, prev2, other2;
	meeting(b.id, 2024, 3, 14, 10, "Council Chamber, Testshire", m1);
	item(m1, ITEM_APOLOGIES, "Apologies for Absence", NULL, apol);
	item(m1, ITEM_DECLARATIONS, "Declarations of Interest", NULL, decl);
	item(m1, ITEM_PREVIOUS_MINUTES, "Minutes of Previous Meeting", NULL, prev);
	item(m1, ITEM_ORDINARY, "Budget Monitoring", NULL, budget);
	item(m1, ITEM_ORDINARY, "Contract Award", "3", exempt);
	(void)apol;
	(void)prev;

	attend(m1, chair, ATT_PRESENT, NULL, NULL);
	attend(m1, vice, ATT_PRESENT, NULL, NULL);
	attend(m1, evil, ATT_PRESENT, NULL, NULL);
	attend(m1, sens, ATT_PRESENT, NULL, NULL);
	struct attendance mv = {0};
	mv.arrived_at = time_from_local("Europe/London", 2024, 3, 14, 10, 25);
	memcpy(mv.arrived_item, budget, sizeof mv.arrived_item);
	mv.left_at = time_from_local("Europe/London", 2024, 3, 14, 11, 5);
	memcpy(mv.left_item, exempt, sizeof mv.left_item);
	attend(m1, late, ATT_PRESENT, NULL, &mv);

	struct clerk_err err = {0};
	struct declaration d = {.kind = INTEREST_PECUNIARY,
				.what = (char *)"SENSITIVE-DETAIL home address",
				.sensitive = true,
				.left_room = true};
	memcpy(d.meeting_id, m1, sizeof d.meeting_id);
	memcpy(d.item_id, budget, sizeof d.item_id);
	memcpy(d.person_id, sens, sizeof d.person_id);
	check(declaration_create(db, &d, &err), &err, "declaration");
	(void)decl;

	text(m1, budget, SECTION_RECEIVED,
	     "a report from the Director of Finance regarding the budget.");
	text(m1, budget, SECTION_HEARD, "Spending was on target & <under> budget");
	struct resolution r = {.kind = RES_MOTION,
			       .body = (char *)"That the Committee notes the "
					       "budget position.",
			       .outcome = OUTCOME_CARRIED,
			       .voted = true,
			       .votes_for = 2,
			       .votes_against = 2,
			       .votes_abstain = 0,
			       .recorded = true,
			       .has_casting = true,
			       .casting = VOTE_FOR};
	memcpy(r.mover, chair, sizeof r.mover);
	memcpy(r.seconder, vice, sizeof r.seconder);
	resolution(m1, budget, &r);
	vote(m1, &r, chair, VOTE_FOR, NULL);
	vote(m1, &r, vice, VOTE_FOR, NULL);
	vote(m1, &r, evil, VOTE_AGAINST, NULL);
	vote(m1, &r, late, VOTE_AGAINST, NULL);

	struct resolution ex = {.kind = RES_EXCLUSION,
				.body = (char *)"That the press and public be "
						"excluded for the Contract Award "
						"(Paragraph 3 of Schedule 12A).",
				.outcome = OUTCOME_CARRIED};
	resolution(m1, exempt, &ex);
	text(m1, exempt, SECTION_NARRATIVE,
	     "EXEMPT-MINUTE-TEXT the tenders were opened.");
	text(m1, exempt, SECTION_EXEMPT, "EXEMPT-MINUTE-TEXT Acme Ltd bid £1m.");
	struct resolution award = {.kind = RES_MOTION,
				   .body = (char *)"EXEMPT-MINUTE-TEXT That the "
						   "contract be awarded to Acme.",
				   .outcome = OUTCOME_CARRIED};
	resolution(m1, exempt, &award);

	/* An urgent item, an amendment that was lost and a motion carried
	 * on a count. */
	clerk_id urgent;
	item(m1, ITEM_URGENT, "Storm Damage to County Hall", NULL, urgent);
	struct agenda_item ui = {0};
	check(item_get(db, urgent, &ui, &err), &err, "urgent item");
	free(ui.urgent_reason);
	ui.urgent_reason = xstrdup("repairs could not wait for the next meeting");
	free(ui.description);
	ui.description = xstrdup("To agree emergency repairs.");
	check(item_update(db, &ui, &err), &err, "urgent item");
	item_free(&ui);
	struct agenda_item ei = {0};
	check(item_get(db, exempt, &ei, &err), &err, "exempt item");
	free(ei.description);
	ei.description = xstrdup("EXEMPT-DESCRIPTION the bids received.");
	check(item_update(db, &ei, &err), &err, "exempt item");
	item_free(&ei);
	struct resolution mo = {.kind = RES_MOTION,
				.body = (char *)"That repairs of up to £50,000 be "
						"approved.",
				.outcome = OUTCOME_CARRIED,
				.voted = true,
				.votes_for = 4};
	memcpy(mo.mover, chair, sizeof mo.mover);
	memcpy(mo.seconder, vice, sizeof mo.seconder);
	resolution(m1, urgent, &mo);
	struct resolution am = {.kind = RES_AMENDMENT,
				.body = (char *)"Replace £50,000 with £20,000.",
				.outcome = OUTCOME_LOST,
				.voted = true,
				.votes_for = 1,
				.votes_against = 3};
	memcpy(am.amends, mo.id, sizeof am.amends);
	memcpy(am.mover, evil, sizeof am.mover);
	resolution(m1, urgent, &am);

	meeting(b.id, 2024, 4, 18, 10, "Council Chamber, Testshire", m2);
	item(m2, ITEM_APOLOGIES, "Apologies for Absence", NULL, apol2);
	item(m2, ITEM_PREVIOUS_MINUTES, "Minutes of Previous Meeting", NULL,
	     prev2);
	item(m2, ITEM_ORDINARY, "Risk Register", NULL, other2);
	attend(m2, chair, ATT_PRESENT, NULL, NULL);
	attend(m2, vice, ATT_APOLOGY, "due to illness", NULL);
	/* Apologies and what became of each member's substitute. */
	clerk_id dora, sid, una, ursula, al, sue, nick, nell;
	person("Councillor", "Dora Deputy", "she", "", dora);
	person("Councillor", "Sid Sub", "he", "", sid);
	person("Councillor", "Una Unable", "she", "", una);
	person("Councillor", "Ursula Ill", "she", "", ursula);
	person("Councillor", "Al Also", "he", "", al);
	person("Councillor", "Sue Sorry", "she", "", sue);
	person("Councillor", "Nick Nosub", "he", "", nick);
	person("Councillor", "Nell Nominee", "she", "", nell);
	seat_sub(b.id, "Member", dora, ROLE_MEMBER, "", sid);
	seat_sub(b.id, "Member", una, ROLE_MEMBER, "", ursula);
	seat_sub(b.id, "Member", al, ROLE_MEMBER, "", sue);
	seat_sub(b.id, "Member", nick, ROLE_MEMBER, "", nell);
	attend(m2, dora, ATT_APOLOGY, NULL, NULL);
	attend_for(m2, sid, dora, ATT_SUBSTITUTE, NULL);
	attend(m2, una, ATT_APOLOGY, NULL, NULL);
	attend_for(m2, ursula, una, ATT_APOLOGY, "due to a clash of meetings");
	attend(m2, al, ATT_APOLOGY, NULL, NULL);
	attend_for(m2, sue, al, ATT_APOLOGY, NULL);
	attend(m2, nick, ATT_APOLOGY, NULL, NULL);
	(void)apol2;
	(void)prev2;
	(void)other2;
}

static void parish(void)
{
	struct body b;
	body("Little Snoring Parish Council", COUNCIL_PARISH,
	     "Little Snoring Parish Council", "the Council", "parish", "%n/%y",
	     NUMBERING_PER_YEAR, &b);
	clerk_id chair, a, c, d, clerk;
	person("Cllr", "Mary Green", "she", "", chair);
	person("Cllr", "John Hedge", "he", "", a);
	person("Cllr", "Priya Lane", "she", "", c);
	person("Cllr", "Tom Field", "he", "", d);
	person("Mrs", "Jo Quill", "she", "Clerk to the Council", clerk);
	seat(b.id, "Councillor", chair, ROLE_CHAIRMAN, "");
	seat(b.id, "Councillor", a, ROLE_MEMBER, "");
	seat(b.id, "Councillor", c, ROLE_MEMBER, "");
	seat(b.id, "Councillor", d, ROLE_MEMBER, "");

	/* The first meeting of the municipal year starts at minute 220. */
	clerk_id m1, m2, x, apol, prev, planning, closed;
	meeting(b.id, 2019, 5, 14, 19, "the Village Hall", m1);
	struct clerk_err err = {0};
	struct meeting mt = {0};
	check(meeting_get(db, m1, &mt, &err), &err, "meeting");
	mt.first_minute = 220;
	check(meeting_update(db, &mt, &err), &err, "first minute");
	meeting_free(&mt);
	item(m1, ITEM_APOLOGIES, "Apologies", NULL, x);
	item(m1, ITEM_ORDINARY, "Election of Chairman", NULL, x);

	meeting(b.id, 2019, 6, 11, 19, "the Village Hall", m2);
	item(m2, ITEM_APOLOGIES, "Apologies for absence", NULL, apol);
	item(m2, ITEM_PREVIOUS_MINUTES, "Minutes", NULL, prev);
	item(m2, ITEM_ORDINARY, "Planning applications", NULL, planning);
	item(m2, ITEM_ORDINARY, "Staffing", "1", closed);
	(void)apol;
	(void)prev;
	attend(m2, chair, ATT_PRESENT, NULL, NULL);
	attend(m2, a, ATT_PRESENT, NULL, NULL);
	attend(m2, c, ATT_PRESENT, NULL, NULL);
	attend(m2, d, ATT_APOLOGY, "work commitments", NULL);
	attend(m2, clerk, ATT_IN_ATTENDANCE, NULL, NULL);

	text(m2, planning, SECTION_NARRATIVE,
	     "Application 19/00123/FUL, extension at 3 Mill Lane.");
	struct resolution r = {.kind = RES_MOTION,
			       .body = (char *)"That the Council raises no "
					       "objection.",
			       .outcome = OUTCOME_CARRIED,
			       .voted = true,
			       .votes_for = 2,
			       .votes_against = 0,
			       .votes_abstain = 1};
	memcpy(r.mover, a, sizeof r.mover);
	memcpy(r.seconder, chair, sizeof r.seconder);
	resolution(m2, planning, &r);
	vote(m2, &r, c, VOTE_ABSTAIN, "being a neighbour of the applicant");
	/* No exclusion resolution recorded: the style's wording is used. */
	text(m2, closed, SECTION_EXEMPT, "EXEMPT-MINUTE-TEXT the clerk's pay.");
}

/* `mkfixture DB edit-WHAT`: try an edit of the 2024-03-14 minutes (or,
 * for edit-draft, of the 2024-04-18 ones) as the console would; print the
 * model's message and exit with its documented code. */
static int edit(const char *what)
{
	struct clerk_err err = {0};
	struct meeting m = {0};
	bool draft = strcmp(what, "edit-draft") == 0;
	check(meeting_find(db, draft ? "2024-04-18" : "2024-03-14", "Audit", &m,
			   &err),
	      &err, "meeting");
	struct item_list il = {0};
	check(item_list(db, m.id, &il, &err), &err, "items");
	enum clerk_status rc;
	if (strcmp(what, "edit-text") == 0 || draft) {
		struct minute_text t = {.section = SECTION_NARRATIVE,
					.body = (char *)"An edit."};
		memcpy(t.meeting_id, m.id, sizeof t.meeting_id);
		memcpy(t.item_id, il.v[il.n - 1].id, sizeof t.item_id);
		rc = minute_text_create(db, &t, &err);
	} else if (strcmp(what, "edit-attendance") == 0) {
		struct attendance_list al = {0};
		check(attendance_list(db, m.id, &al, &err), &err, "attendance");
		al.v[0].status = ATT_ABSENT;
		rc = attendance_set(db, &al.v[0], &err);
		attendance_list_free(&al);
	} else {
		struct resolution_list rl = {0};
		check(resolution_list(db, m.id, NULL, &rl, &err), &err, "res");
		rl.v[0].votes_for = 9;
		rc = resolution_update(db, &rl.v[0], &err);
		resolution_list_free(&rl);
	}
	if (rc)
		fprintf(stderr, "%s\n", err.msg);
	item_list_free(&il);
	meeting_free(&m);
	return clerk_status_exit_code(rc);
}

/* A body numbering its minutes "(1)", "(2)" at each meeting. */
static void bracketed(void)
{
	struct body b;
	body("Testshire County Council (Licensing)", COUNCIL_PRINCIPAL,
	     "Licensing Sub-Committee", "the Sub-Committee", "county", "(%n)",
	     NUMBERING_PER_MEETING, &b);
	clerk_id m, x;
	meeting(b.id, 2024, 5, 2, 14, "Committee Room 1", m);
	item(m, ITEM_APOLOGIES, "Apologies", NULL, x);
	item(m, ITEM_ORDINARY, "Premises Licence: The Red Lion", NULL, x);
	text(m, x, SECTION_NARRATIVE, "The Sub-Committee heard the applicant.");
}

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 3) {
		fputs("usage: mkfixture DB [edit-text|edit-attendance|"
		      "edit-resolution|edit-draft]\n",
		      stderr);
		return 2;
	}
	struct clerk_err err = {0};
	check(db_open(argv[1], DB_CREATE, &db, &err), &err, argv[1]);
	int rc = 0;
	if (argc == 3) {
		rc = edit(argv[2]);
	} else {
		county();
		parish();
		bracketed();
	}
	db_close(&db);
	return rc;
}
