/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui/screen_live: the live console, the screen the clerk keeps open for the
 * whole meeting.  A header (body, date, venue, live clock, quorum), the
 * agenda with planned and actual times, the current item with its running
 * clock and everything captured for it, the attendance, and a status row.
 * Every action of the running meeting (clerk/live.h) is a key or two away;
 * each one commits through live before "saved" is shown.
 *
 * Geometry comes from ui_layout_live(); this file only paints and reacts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app_private.h"
#include "clerk/export.h"
#include "clerk/live.h"
#include "clerk/model.h"
#include "clerk/record.h"
#include "clerk/ui_live.h"

enum focus { FOCUS_AGENDA, FOCUS_ATTEND, FOCUS_COUNT };

struct live_screen {
	struct live *l;
	enum focus focus;
	size_t agenda_sel, agenda_top;
	size_t att_sel, att_top;
	int item_scroll; /* rows scrolled back from the newest capture */
	int scroll_item; /* the item item_scroll belongs to */
	struct ui_live_layout lay;
	struct style style; /* the body's house style: captures are shown
			       as the minutes print them */
};

/* ----------------------------------------------------------- helpers */

static void fmt_time(const struct live *l, time_t t, char out[16])
{
	if (!t) {
		snprintf(out, 16, "-");
		return;
	}
	time_format_local(t, l->body.tz, "%H:%M", out, 16);
}

static void fmt_clock(int secs, char out[16])
{
	if (secs < 0)
		secs = -secs;
	if (secs >= 3600)
		snprintf(out, 16, "%d:%02d:%02d", secs / 3600, secs / 60 % 60,
			 secs % 60);
	else
		snprintf(out, 16, "%02d:%02d", secs / 60, secs % 60);
}

/* After an action: "saved" and the live notice, or the refusal. */
static void report(struct app *app, struct live_screen *s, enum clerk_status st,
		   const struct clerk_err *err, const char *done)
{
	if (st != CLERK_OK) {
		ui_app_error(app, err);
		return;
	}
	ui_app_saved(app);
	if (s->l->notice[0])
		ui_app_message(app, UI_ROLE_WARN, "%s", s->l->notice);
	else if (done)
		ui_app_message(app, UI_ROLE_OK, "%s", done);
}

/* True (and the clerk told why, and what the chair can do, with the keys)
 * when the meeting is inquorate: no business may be transacted.  Asked
 * before any picker or editor opens, so nothing is typed in vain. */
static bool refused_inquorate(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	if (live_may_transact(s->l, &err) == CLERK_OK)
		return false;
	char adj[32], cls[32];
	ui_keymap_describe(&app->keymap, UI_ACT_adjourn, adj, sizeof adj);
	ui_keymap_describe(&app->keymap, UI_ACT_close_meeting, cls, sizeof cls);
	ui_app_message(app, UI_ROLE_ERROR,
		       "Inquorate (%d in the room, %d needed): no business can "
		       "be transacted. Wait for members to return, adjourn to "
		       "a time (%s) or close (%s)",
		       s->l->voting_in_room, s->l->quorum, adj, cls);
	return true;
}

/* Moving to another item while the press and public are excluded: ask
 * whether to readmit them first (the exclusion was for the item being
 * left).  False when the move should not go ahead. */
static bool readmit_before_moving(struct app *app, struct live_screen *s)
{
	if (!s->l->public_excluded)
		return true;
	struct ui_pick_item items[] = {
		{.label = "readmit the press and public, then move on"},
		{.label = "keep them excluded for the next item too"}};
	int c = ui_pick(app, "The press and public are excluded", items, 2, 0);
	if (c < 0)
		return false;
	if (c == 1)
		return true;
	struct clerk_err err = {0};
	if (live_readmit_public(s->l, &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return false;
	}
	ui_app_saved(app);
	return true;
}

static const struct attendance *selected_att(struct live_screen *s)
{
	if (s->att_sel >= s->l->attendance.n)
		return NULL;
	return &s->l->attendance.v[s->att_sel];
}

static const struct live_item *current_item(const struct live *l)
{
	return l->current >= 0 && (size_t)l->current < l->nitems
		       ? &l->items[l->current]
		       : NULL;
}

/* The last resolution of the current item still pending (an amendment
 * before its motion), or NULL. */
static const struct resolution *pending_resolution(const struct live *l)
{
	const struct live_item *it = current_item(l);
	if (!it)
		return NULL;
	for (size_t i = l->resolutions.n; i-- > 0;) {
		const struct resolution *r = &l->resolutions.v[i];
		if (strcmp(r->item_id, it->item.id) == 0 &&
		    r->outcome == OUTCOME_PENDING && r->kind != RES_EXCLUSION)
			return r;
	}
	return NULL;
}

static const struct resolution *last_motion(const struct live *l)
{
	const struct live_item *it = current_item(l);
	if (!it)
		return NULL;
	for (size_t i = l->resolutions.n; i-- > 0;) {
		const struct resolution *r = &l->resolutions.v[i];
		if (strcmp(r->item_id, it->item.id) == 0 && r->kind == RES_MOTION)
			return r;
	}
	return NULL;
}

/* ----------------------------------------------------------- header */

static void draw_header(struct app *app, struct live_screen *s)
{
	const struct live *l = s->l;
	struct ui_rect r = s->lay.header;
	ui_fill(app, r, UI_ROLE_HEADER);
	char date[64], now[16];
	time_format_local(l->meeting.starts_at, l->body.tz, "%a %-d %b %Y", date,
			  sizeof date);
	fmt_time(l, clock_now(), now);
	const char *state = l->closed	   ? "CLOSED"
			    : l->adjourned ? "ADJOURNED"
			    : l->running   ? "LIVE"
					   : "OPEN";
	char right[128];
	/* The quorum in words: who is counted, and how many it needs. */
	snprintf(right, sizeof right, "%s%s%s %s  %s: %d present, %d needed",
		 l->watching ? "READ-ONLY  " : "",
		 l->public_excluded ? "PRIVATE  " : "", state, now,
		 l->quorate	     ? "quorate"
		 : l->quorum_warning ? "QUORUM LOST"
				     : "quorum",
		 l->voting_in_room, l->quorum);
	int rw = utf8_width(right);
	/* the whole venue when it fits, else its first part, else the
	 * body's short name */
	int room = r.w - rw - 2;
	char *venue = xstrndup(l->meeting.venue, strcspn(l->meeting.venue, ","));
	char *left = xasprintf(" %s · %s · %s", l->body.name, date,
			       l->meeting.venue);
	if (utf8_width(left) > room) {
		free(left);
		left = xasprintf(" %s · %s · %s", l->body.name, date, venue);
	}
	if (utf8_width(left) > room && *l->body.short_name) {
		free(left);
		left = xasprintf(" %s · %s · %s", l->body.short_name, date, venue);
	}
	free(venue);
	ui_put_ellipsis(app, r.y, r.x, room, UI_ROLE_HEADER, false, left);
	free(left);
	enum ui_role role = l->quorum_warning ? UI_ROLE_ERROR : UI_ROLE_HEADER;
	ui_put(app, r.y, r.x + r.w - rw - 1, rw, role, false, right);
}

/* ----------------------------------------------------------- agenda */

static void draw_agenda(struct app *app, struct live_screen *s)
{
	const struct live *l = s->l;
	struct ui_rect r = s->lay.agenda;
	/* marker 2, number 3, title, space, plan 5, space, actual 5, space */
	int tw = r.w - 5 - 13;
	ui_put(app, r.y, r.x, r.w, UI_ROLE_TITLE, true, " AGENDA");
	ui_put(app, r.y, r.x + r.w - 12, 12, UI_ROLE_TITLE, false,
	       "plan actual");
	int rows = r.h - 2;
	if (rows < 1)
		rows = 1;
	ui_scroll_to(s->agenda_sel, &s->agenda_top, rows);
	for (int i = 0; i < rows && s->agenda_top + (size_t)i < l->nitems; i++) {
		size_t idx = s->agenda_top + (size_t)i;
		const struct live_item *it = &l->items[idx];
		int y = r.y + 1 + i;
		bool cur = (int)idx == l->current;
		bool sel = s->focus == FOCUS_AGENDA && idx == s->agenda_sel;
		enum ui_role role = sel		? UI_ROLE_SELECTED
				    : cur	? UI_ROLE_CURRENT
				    : it->done	? UI_ROLE_DONE
						: UI_ROLE_NORMAL;
		ui_put(app, y, r.x, r.w, role, true, "");
		const char *mark = cur	       ? ui_glyph(app, UI_G_CURRENT)
				   : it->done ? ui_glyph(app, UI_G_DONE)
					      : " ";
		ui_put(app, y, r.x, 2, role, false, mark);
		ui_putf(app, y, r.x + 2, 3, role, "%s", it->item.number);
		char *title = xasprintf("%s%s", it->item.title,
					it->item.exempt ? " (exempt)" : "");
		ui_put_ellipsis(app, y, r.x + 5, tw, role, false, title);
		free(title);
		char plan[16], actual[16];
		fmt_time(l, it->planned_start, plan);
		if (it->started)
			fmt_time(l, it->started, actual);
		else
			snprintf(actual, sizeof actual, "%s",
				 ui_glyph(app, UI_G_DASH));
		ui_put(app, y, r.x + r.w - 12, 5, role, false, plan);
		ui_put_right(app, y, r.x + r.w - 6, 5,
			     it->overrun ? UI_ROLE_WARN : role, actual);
	}
	/* the projected finish on the pane's last row */
	char proj[16], plan[16];
	fmt_time(l, l->projected_finish, proj);
	fmt_time(l, l->planned_finish, plan);
	int late = l->delay / 60;
	char line[96];
	if (l->closed)
		snprintf(line, sizeof line, " closed at %s", proj);
	else if (late > 0)
		snprintf(line, sizeof line, " finish ~%s (plan %s, +%d min)",
			 proj, plan, late);
	else
		snprintf(line, sizeof line, " finish ~%s (plan %s)", proj, plan);
	ui_put(app, r.y + r.h - 1, r.x, r.w,
	       late > 0 && !l->closed ? UI_ROLE_WARN : UI_ROLE_DIM, true, line);
}

/* -------------------------------------------------------- attendance */

static char marker_of(const struct attendance *a)
{
	switch (a->status) {
	case ATT_PRESENT:
		return 'p';
	case ATT_APOLOGY:
		return 'a';
	case ATT_ABSENT:
		return 'x';
	case ATT_SUBSTITUTE:
		return 's';
	case ATT_IN_ATTENDANCE:
		return 'i';
	default:
		return '.';
	}
}

/* The colour of an attendance row: who is in the room, in whose seat,
 * who has gone out, and who is not there. */
static enum ui_role att_role(const struct attendance *a,
			     const struct live_presence *pr)
{
	if (a->status == ATT_APOLOGY || a->status == ATT_ABSENT)
		return UI_ROLE_DIM;
	if (pr && (pr->out || pr->departed))
		return UI_ROLE_OUT;
	if (a->status == ATT_SUBSTITUTE)
		return UI_ROLE_SUBSTITUTE;
	return a->status == ATT_PRESENT ? UI_ROLE_PRESENT : UI_ROLE_NORMAL;
}

/* The text of one attendance row (caller frees). */
static char *att_line(const struct live *l, const struct attendance *a)
{
	struct strbuf sb = {0};
	char *name = person_display_name(&a->person);
	sb_add(&sb, name);
	free(name);
	const struct seat_info *si = live_seat_of(l, a->person_id);
	if (a->substitute_for[0]) { /* sitting, or sent apologies ('a') */
		/* "for Keith Mans": the name without honorific, to fit */
		const struct attendance *m =
			live_attendance_of(l, a->substitute_for);
		char *full = m ? xstrdup(m->person.name)
			       : live_person_name(l, a->substitute_for);
		sb_addf(&sb, " for %s", full);
		free(full);
	} else if (si && si->filled &&
		   strcmp(si->member.id, a->person_id) == 0) {
		if (si->role == ROLE_CHAIRMAN)
			sb_add(&sb, " (Chairman)");
		else if (si->role == ROLE_VICE_CHAIRMAN)
			sb_add(&sb, " (Vice-Chairman)");
	}
	if (a->status == ATT_IN_ATTENDANCE && a->capacity && *a->capacity)
		sb_addf(&sb, ", %s", a->capacity);
	const struct live_presence *pr = live_presence_of(l, a->person_id);
	char t[16];
	if (a->arrived_at) {
		fmt_time(l, a->arrived_at, t);
		sb_addf(&sb, " arr %s", t);
	}
	if (pr && pr->departed) {
		fmt_time(l, a->left_at, t);
		sb_addf(&sb, " left %s", t);
	} else if (pr && pr->out_interest) {
		sb_add(&sb, " (out: interest)");
	} else if (pr && pr->out) {
		sb_add(&sb, " (out)");
	}
	return sb_detach(&sb);
}

static void draw_attendance(struct app *app, struct live_screen *s)
{
	const struct live *l = s->l;
	struct ui_rect r = s->lay.attendance;
	int np = 0, na = 0, ns = 0;
	for (size_t i = 0; i < l->attendance.n; i++) {
		enum attendance_status st = l->attendance.v[i].status;
		np += st == ATT_PRESENT;
		na += st == ATT_APOLOGY;
		ns += st == ATT_SUBSTITUTE;
	}
	char title[96];
	snprintf(title, sizeof title, " ATTENDANCE %d p · %d apol · %d sub", np,
		 na, ns);
	ui_put(app, r.y, r.x, r.w, UI_ROLE_TITLE, true, title);
	int rows = r.h - 1;
	if (s->att_sel >= l->attendance.n && l->attendance.n)
		s->att_sel = l->attendance.n - 1;
	ui_scroll_to(s->att_sel, &s->att_top, rows);
	for (int i = 0; i < rows && s->att_top + (size_t)i < l->attendance.n;
	     i++) {
		size_t idx = s->att_top + (size_t)i;
		const struct attendance *a = &l->attendance.v[idx];
		const struct live_presence *pr = live_presence_of(l, a->person_id);
		bool sel = s->focus == FOCUS_ATTEND && idx == s->att_sel;
		enum ui_role role = sel ? UI_ROLE_SELECTED
							    : att_role(a, pr);
		int y = r.y + 1 + i;
		char *text = att_line(l, a);
		ui_put(app, y, r.x, r.w, role, true, "");
		char *line = xasprintf("%c %s", marker_of(a), text);
		ui_put_ellipsis(app, y, r.x + 1, r.w - 1, role, false, line);
		free(line);
		free(text);
	}
}

/* ------------------------------------------------------- item pane */

struct lines {
	char **text;
	enum ui_role *role;
	size_t n, cap;
};

static void add_line(struct lines *ls, enum ui_role role, char *text)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 32;
		ls->text = xrealloc(ls->text, ls->cap * sizeof *ls->text);
		ls->role = xrealloc(ls->role, ls->cap * sizeof *ls->role);
	}
	ls->text[ls->n] = text;
	ls->role[ls->n] = role;
	ls->n++;
}

/* Add text wrapped to width, the rows after the first indented by indent. */
static void add_wrapped(struct lines *ls, enum ui_role role, int width,
			int indent, const char *text)
{
	char **rows;
	size_t n = ui_wrap(text, width - indent, &rows);
	for (size_t i = 0; i < n; i++)
		add_line(ls, role, i == 0 ? xstrdup(rows[i])
					  : xasprintf("%*s%s", indent, "", rows[i]));
	ui_lines_free(rows, n);
}

/* The label of a section as the minutes print it ("The Board heard
 * that:"), else `fallback`.  Caller frees. */
static char *section_label(const struct live_screen *s, const char *key,
			   const char *fallback)
{
	char *v = export_style_sentence(&s->style, &s->l->body, key, NULL);
	return v ? v : xstrdup(fallback);
}

/* One capture as the minutes print it, under its section's heading when
 * it starts a run of that section (*last: the section of the capture
 * shown just before, -1 after anything else). */
static void add_text(struct lines *ls, const struct live_screen *s,
		     const struct minute_text *t, int *last, int width)
{
	const struct live *l = s->l;
	const char *heading = NULL, *bullet = "";
	char *label = NULL;
	switch (t->section) {
	case SECTION_RECEIVED:
		bullet = "Received: ";
		break;
	case SECTION_NARRATIVE:
		break;
	case SECTION_HEARD:
		heading = label = section_label(s, "heard", "Heard that:");
		bullet = "  - ";
		break;
	case SECTION_COMMENTED:
		heading = label = section_label(s, "commented",
						"Members commented:");
		bullet = "  - ";
		break;
	case SECTION_EXEMPT:
		heading = "Confidential minute:";
		bullet = "  ";
		break;
	}
	if (heading && *last != (int)t->section)
		add_line(ls, UI_ROLE_TITLE, xstrdup(heading));
	free(label);
	*last = (int)t->section;
	/* "Received" as minuted: the style's sentence around it. */
	char *said = t->section == SECTION_RECEIVED
			     ? export_style_sentence(&s->style, &l->body,
						     "received", t->body)
			     : NULL;
	char *line = said ? said : xasprintf("%s%s", bullet, t->body);
	bool unfinished = live_text_unfinished(l, t->id);
	if (unfinished) {
		/* Saved by a hang-up: shown as such until accepted. */
		char *u = xasprintf("%s [UNFINISHED: saved when the "
				    "terminal hung up; A accepts, E "
				    "corrects]",
				    line);
		free(line);
		line = u;
	}
	add_wrapped(ls, unfinished ? UI_ROLE_WARN : UI_ROLE_NORMAL, width,
		    strlen(bullet) > 4 ? 2 : (int)strlen(bullet), line);
	free(line);
}

/* A late arrival, a departure or a member leaving for an interest, where
 * it happened in the item, as the minutes say it. */
static void add_movement(struct lines *ls, const struct live *l,
			 const struct event *e, int width)
{
	if (e->kind != EVENT_ARRIVED && e->kind != EVENT_LEFT)
		return;
	char *who = live_person_name(l, e->person_id);
	char at[16];
	fmt_time(l, e->at, at);
	char *line = xasprintf(
		"%s %s at %s", who,
		e->kind == EVENT_ARRIVED	    ? "arrived"
		: !strcmp(e->detail, "interest") ? "left the room (interest)"
						 : "left the meeting",
		at);
	add_wrapped(ls, UI_ROLE_DIM, width, 2, line);
	free(line);
	free(who);
}

static void add_resolution(struct lines *ls, const struct live *l,
			   const struct resolution *r, int n, int width)
{
	struct strbuf sb = {0};
	const char *kind = r->kind == RES_AMENDMENT   ? "Amendment"
			   : r->kind == RES_EXCLUSION ? "Exclusion"
						      : "Motion";
	if (r->outcome == OUTCOME_CARRIED && r->kind != RES_AMENDMENT)
		sb_addf(&sb, "RESOLVED (%d): ", n);
	else
		sb_addf(&sb, "%s (%s): ", kind, outcome_text(r->outcome));
	if (r->preamble && *r->preamble)
		sb_addf(&sb, "%s ", r->preamble);
	sb_add(&sb, r->body);
	bool unfinished = live_motion_unfinished(l, r->id);
	if (unfinished) /* saved by a hang-up: shown as such until accepted */
		sb_add(&sb, " [UNFINISHED: saved when the terminal hung up; "
			    "A accepts, E corrects]");
	enum ui_role role = unfinished			  ? UI_ROLE_WARN
			    : r->outcome == OUTCOME_PENDING ? UI_ROLE_CURRENT
			    : r->outcome == OUTCOME_LOST  ? UI_ROLE_DIM
							  : UI_ROLE_NORMAL;
	add_wrapped(ls, role, width, 2, sb_str(&sb));
	sb_reset(&sb);
	if (r->mover[0] || r->seconder[0]) {
		char *m = r->mover[0] ? live_person_name(l, r->mover)
				      : xstrdup("not noted");
		char *sc = r->seconder[0] ? live_person_name(l, r->seconder)
					  : xstrdup("not noted");
		sb_addf(&sb, "  moved %s, seconded %s", m, sc);
		free(m);
		free(sc);
		add_wrapped(ls, UI_ROLE_DIM, width, 4, sb_str(&sb));
		sb_reset(&sb);
	}
	if (r->voted) {
		sb_addf(&sb, "  %s%d for, %d against, %d abstained",
			r->recorded ? "recorded vote: " : "", r->votes_for,
			r->votes_against, r->votes_abstain);
		if (r->has_casting)
			sb_addf(&sb, "; chair's casting vote %s",
				vote_choice_text(r->casting));
		sb_addf(&sb, " — %s", outcome_text(r->outcome));
		add_wrapped(ls, UI_ROLE_DIM, width, 4, sb_str(&sb));
	}
	for (size_t i = 0; i < l->actions.n; i++) {
		const struct action *a = &l->actions.v[i];
		if (strcmp(a->resolution_id, r->id) != 0)
			continue;
		sb_reset(&sb);
		sb_addf(&sb, "  Action: %s — %s%s%s", a->body,
			*a->owner ? a->owner : "no owner", *a->due ? ", by " : "",
			a->due);
		add_wrapped(ls, UI_ROLE_NORMAL, width, 4, sb_str(&sb));
	}
	sb_free(&sb);
}

static void build_item_lines(const struct live_screen *s,
			     const struct live_item *it, int width,
			     struct lines *ls)
{
	const struct live *l = s->l;
	const char *id = it->item.id;
	if (it->item.exempt)
		add_wrapped(ls, UI_ROLE_WARN, width, 2,
			    l->public_excluded
				    ? "EXEMPT: press and public excluded"
				    : "EXEMPT item: exclude the public (X)");
	if (it->item.urgent_reason && *it->item.urgent_reason) {
		char *u = xasprintf("Urgent: %s", it->item.urgent_reason);
		add_wrapped(ls, UI_ROLE_WARN, width, 2, u);
		free(u);
	}
	/* the declarations item lists every declaration of the meeting */
	bool all = it->item.kind == ITEM_DECLARATIONS;
	for (size_t i = 0; i < l->declarations.n; i++) {
		const struct declaration *d = &l->declarations.v[i];
		if (!all && strcmp(d->item_id, id) != 0)
			continue;
		int on = live_item_index(l, d->item_id);
		char *who = live_person_name(l, d->person_id);
		char *line = xasprintf(
			"%s%s%s: %s — %s (%s)%s%s", all ? "Item " : "Declared",
			all && on >= 0 ? l->items[on].item.number : "",
			all ? "" : "", who,
			interest_kind_text(d->kind),
			d->sensitive ? "sensitive" : d->what,
			d->dispensation ? ", dispensation" : "",
			d->left_room ? ", leaves the room" : "");
		add_wrapped(ls, UI_ROLE_NORMAL, width, 2, line);
		free(line);
		free(who);
	}
	/* The captures, decisions and comings and goings in the order they
	 * happened, as the minutes keep them (clerk/record.h). */
	struct record_list rec = {0};
	record_item(&l->events, id, &l->texts, &l->resolutions, &rec);
	int n = 0, last = -1;
	for (size_t i = 0; i < rec.n; i++) {
		const struct record_entry *e = &rec.v[i];
		if (e->kind == RECORD_TEXT) {
			add_text(ls, s, &l->texts.v[e->index], &last, width);
			continue;
		}
		last = -1;
		if (e->kind == RECORD_EVENT) {
			add_movement(ls, l, &l->events.v[e->index], width);
			continue;
		}
		const struct resolution *r = &l->resolutions.v[e->index];
		if (r->outcome == OUTCOME_CARRIED && r->kind != RES_AMENDMENT)
			n++;
		add_resolution(ls, l, r, n, width);
	}
	record_list_free(&rec);
}

static void draw_item(struct app *app, struct live_screen *s)
{
	const struct live *l = s->l;
	struct ui_rect r = s->lay.item;
	const struct live_item *it = current_item(l);
	if (!it) {
		ui_put(app, r.y, r.x + 1, r.w - 1, UI_ROLE_TITLE, false,
		       "Meeting open: no item taken yet");
		char next[64], att[64], pres[64];
		ui_keymap_describe(&app->keymap, UI_ACT_next_item, next,
				   sizeof next);
		ui_keymap_describe(&app->keymap, UI_ACT_attendance, att,
				   sizeof att);
		ui_keymap_describe(&app->keymap, UI_ACT_present, pres,
				   sizeof pres);
		char *text = xasprintf("%s starts the first item.  %s goes to "
				       "the attendance, where %s marks the "
				       "selected person present.",
				       next, att, pres);
		char **rows;
		size_t nrows = ui_wrap(text, r.w - 2, &rows);
		for (size_t i = 0; i < nrows && (int)i + 2 < r.h; i++)
			ui_put(app, r.y + 2 + (int)i, r.x + 1, r.w - 2,
			       UI_ROLE_NORMAL, false, rows[i]);
		ui_lines_free(rows, nrows);
		free(text);
		return;
	}
	char head[32], clock[160], el[16], plan[16], over[16];
	fmt_time(l, it->started, head);
	fmt_clock(it->elapsed, el);
	fmt_clock(it->planned_seconds, plan);
	fmt_clock(-live_item_remaining(l), over);
	const char *run = it->running ? ui_glyph(app, UI_G_CURRENT) : "‖";
	int n = snprintf(clock, sizeof clock, "started %s %s %s", head, run, el);
	if (it->planned_seconds)
		n += snprintf(clock + n, sizeof clock - (size_t)n, " of %s", plan);
	/* the title on up to two rows, then the clock */
	char *title = xasprintf("%s %s", it->item.number, it->item.title);
	char **trows;
	size_t ntrows = ui_wrap(title, r.w - 2, &trows);
	int y = r.y;
	for (size_t i = 0; i < ntrows && i < 2; i++)
		ui_put(app, y++, r.x + 1, r.w - 2, UI_ROLE_TITLE, false, trows[i]);
	ui_lines_free(trows, ntrows);
	free(title);
	ui_put(app, y++, r.x + 1, r.w - 2,
	       it->overrun ? UI_ROLE_WARN : UI_ROLE_CURRENT, false, clock);
	if (it->overrun)
		ui_putf(app, y++, r.x + 1, r.w - 2, UI_ROLE_WARN,
			"OVER TIME by %s", over);
	if (l->adjourned || l->closed)
		ui_put(app, y++, r.x + 1, r.w - 2, UI_ROLE_WARN, false,
		       l->closed ? "Meeting closed" : "Adjourned: z resumes");
	struct lines ls = {0};
	int width = r.w - 2;
	build_item_lines(s, it, width, &ls);
	if (it->item.kind == ITEM_PREVIOUS_MINUTES) {
		char *prev[8];
		size_t np = ui_live_previous_lines(app, l, prev, 8);
		for (size_t i = 0; i < np; i++) {
			add_wrapped(&ls, UI_ROLE_NORMAL, width, 2, prev[i]);
			free(prev[i]);
		}
	}
	int rows = r.y + r.h - y;
	/* newest capture last: show the tail when it does not fit, or
	 * what [ scrolled back to */
	if (s->scroll_item != l->current)
		s->item_scroll = 0;
	s->scroll_item = l->current;
	size_t first = ls.n > (size_t)rows ? ls.n - (size_t)rows : 0;
	if (s->item_scroll > (int)first)
		s->item_scroll = (int)first;
	if (s->item_scroll < 0)
		s->item_scroll = 0;
	first -= (size_t)s->item_scroll;
	if (s->item_scroll > 0 && rows > 0)
		rows--; /* room for the note below */
	for (size_t i = first; i < ls.n && i < first + (size_t)rows; i++)
		ui_put(app, y++, r.x + 1, width, ls.role[i], false, ls.text[i]);
	if (s->item_scroll > 0)
		ui_putf(app, y, r.x + 1, width, UI_ROLE_DIM,
			"%d more below (] scrolls on)", s->item_scroll);
	for (size_t i = 0; i < ls.n; i++)
		free(ls.text[i]);
	free(ls.text);
	free(ls.role);
}

/* --------------------------------------------------------- the screen */

static const char *hints(struct app *app, struct live_screen *s,
			 struct strbuf *sb)
{
	static const enum ui_action agenda[] = {
		UI_ACT_help, UI_ACT_next_item, UI_ACT_attendance,
		UI_ACT_declare, UI_ACT_heard, UI_ACT_resolve, UI_ACT_vote,
		UI_ACT_adjourn, UI_ACT_quit};
	static const char *const agenda_l[] = {
		"help", "next", "attend", "declare", "heard", "resolve",
		"vote", "adjourn", "quit"};
	static const enum ui_action attend[] = {
		UI_ACT_help, UI_ACT_present, UI_ACT_apology, UI_ACT_substitute,
		UI_ACT_late, UI_ACT_departed, UI_ACT_out_of_room,
		UI_ACT_in_attendance, UI_ACT_focus, UI_ACT_quit};
	static const char *const attend_l[] = {
		"help", "present", "apology", "sub", "late", "left", "out/in",
		"also", "agenda", "quit"};
	bool att = s->focus == FOCUS_ATTEND;
	size_t n = att ? sizeof attend / sizeof attend[0]
		       : sizeof agenda / sizeof agenda[0];
	for (size_t i = 0; i < n; i++) {
		enum ui_action a = att ? attend[i] : agenda[i];
		const struct ui_keymap *km = &app->keymap;
		if (km->nkeys[a] == 0)
			continue;
		char name[32];
		ui_key_name(km->keys[a][0], name);
		/* "<F1>" reads better as "F1" on the status row */
		if (name[0] == '<' && name[1] == 'F') {
			memmove(name, name + 1, strlen(name));
			name[strlen(name) - 1] = '\0';
		}
		sb_addf(sb, "%s%s %s", i ? "|" : "", name,
			att ? attend_l[i] : agenda_l[i]);
	}
	return sb_str(sb);
}

static void live_draw(struct app *app, void *state)
{
	struct live_screen *s = state;
	ui_layout_live(COLS, LINES, &s->lay);
	if (s->lay.too_small)
		return;
	draw_header(app, s);
	draw_agenda(app, s);
	draw_attendance(app, s);
	draw_item(app, s);
	int top = s->lay.item.y, h = s->lay.item.h;
	ui_vline(app, top, s->lay.item.x - 1, h);
	if (s->lay.wide)
		ui_vline(app, top, s->lay.attendance.x - 1, h);
	struct strbuf sb = {0};
	ui_draw_status(app, s->lay.status.y, hints(app, s, &sb));
	sb_free(&sb);
}

static void live_tick(struct app *app, void *state)
{
	struct live_screen *s = state;
	struct clerk_err err = {0};
	live_idle(s->l);
	/* Two consoles: renew the lease; a console taken over is told at
	 * once, one watching is told when the driver has left. */
	if (live_lease_tick(s->l))
		ui_app_message(app, UI_ROLE_WARN, "%s", s->l->notice);
	if (live_refresh(s->l, &err) != CLERK_OK)
		ui_app_error(app, &err);
}

/* While another console drives the meeting this one only watches: what
 * would write is refused before any dialog opens (live refuses it too,
 * inside the transaction). */
static bool refused_watching(struct app *app, struct live_screen *s,
			     enum ui_action a)
{
	if (!s->l->watching)
		return false;
	switch (a) {
	case UI_ACT_help:
	case UI_ACT_quit:
	case UI_ACT_redraw:
	case UI_ACT_interrupt:
	case UI_ACT_up:
	case UI_ACT_down:
	case UI_ACT_page_up:
	case UI_ACT_page_down:
	case UI_ACT_top:
	case UI_ACT_bottom:
	case UI_ACT_cancel:
	case UI_ACT_search:
	case UI_ACT_focus:
	case UI_ACT_focus_back:
	case UI_ACT_attendance:
	case UI_ACT_item_back:
	case UI_ACT_item_forward:
	case UI_ACT_take_over:
	case UI_ACT_NONE:
		return false;
	default:
		break;
	}
	char *who = live_lease_sentence(&s->l->driver, s->l->body.tz);
	ui_app_message(app, UI_ROLE_ERROR,
		       "Read-only: %s. Nothing was recorded; T takes over.",
		       who);
	free(who);
	return true;
}

/* Accept, one by one, the current item's paragraphs saved unfinished when
 * the terminal hung up. */
static void act_accept_text(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	const struct live_item *it = current_item(l);
	clerk_id *ids = NULL;
	size_t n = 0;
	for (size_t i = 0; it && i < l->texts.n; i++) {
		const struct minute_text *t = &l->texts.v[i];
		if (!strcmp(t->item_id, it->item.id) &&
		    live_text_unfinished(l, t->id)) {
			ids = xrealloc(ids, (n + 1) * sizeof *ids);
			snprintf(ids[n++], sizeof(clerk_id), "%s", t->id);
		}
	}
	/* The words of a motion saved by a hang-up, too. */
	size_t ntexts = n;
	for (size_t i = 0; it && i < l->resolutions.n; i++) {
		const struct resolution *r = &l->resolutions.v[i];
		if (!strcmp(r->item_id, it->item.id) &&
		    live_motion_unfinished(l, r->id)) {
			ids = xrealloc(ids, (n + 1) * sizeof *ids);
			snprintf(ids[n++], sizeof(clerk_id), "%s", r->id);
		}
	}
	if (!n) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Nothing on this item was saved unfinished");
		return;
	}
	int accepted = 0;
	for (size_t i = ntexts; i < n; i++) {
		const struct resolution *r = NULL;
		for (size_t j = 0; j < l->resolutions.n; j++)
			if (!strcmp(l->resolutions.v[j].id, ids[i]))
				r = &l->resolutions.v[j];
		if (!r)
			continue;
		char *q = xasprintf("Motion saved when the terminal hung up: "
				    "\u201c%s\u201d  Accept its words as they "
				    "stand?  (E corrects them instead)",
				    r->body);
		bool yes = ui_confirm(app, q);
		free(q);
		if (!yes)
			continue;
		struct clerk_err err = {0};
		if (live_motion_accept(l, ids[i], &err) != CLERK_OK) {
			ui_app_error(app, &err);
			free(ids);
			return;
		}
		accepted++;
	}
	n = ntexts;
	for (size_t i = 0; i < n; i++) {
		const struct minute_text *t = NULL;
		for (size_t j = 0; j < l->texts.n; j++)
			if (!strcmp(l->texts.v[j].id, ids[i]))
				t = &l->texts.v[j];
		if (!t)
			continue;
		char *q = xasprintf("Saved when the terminal hung up: \u201c%s\u201d"
				    "  Accept it as it stands?  (E corrects "
				    "it instead)",
				    t->body);
		bool yes = ui_confirm(app, q);
		free(q);
		if (!yes)
			continue;
		struct clerk_err err = {0};
		if (live_text_accept(l, ids[i], &err) != CLERK_OK) {
			ui_app_error(app, &err);
			break;
		}
		accepted++;
	}
	free(ids);
	if (accepted) {
		ui_app_saved(app);
		ui_app_message(app, UI_ROLE_OK, "Accepted %d paragraph%s",
			       accepted, accepted == 1 ? "" : "s");
	}
}

static void act_take_over(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	if (!l->watching) {
		ui_app_message(app, UI_ROLE_OK,
			       "This console is driving the meeting already");
		return;
	}
	char *who = live_lease_sentence(&l->driver, l->body.tz);
	char *q = l->driver_gone
			  ? xasprintf("Take the meeting here?  The console that "
				      "drove it has left.")
			  : xasprintf("Take over?  %s; that console will be "
				      "read-only from now.",
				      who);
	free(who);
	bool yes = ui_confirm(app, q);
	free(q);
	if (!yes)
		return;
	struct clerk_err err = {0};
	if (live_lease_take(l, &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return;
	}
	if (l->current >= 0)
		s->agenda_sel = (size_t)l->current;
	ui_app_message(app, UI_ROLE_OK,
		       "This console drives the meeting now");
}

static bool live_may_quit(struct app *app, void *state)
{
	struct live_screen *s = state;
	if (s->l->closed)
		return true;
	return ui_confirm(app, "Leave the console?  The meeting stays open: "
			       "clerk live takes it up again where it was.");
}

static size_t live_contexts(struct app *app, void *state,
			    enum ui_context out[4])
{
	(void)app;
	struct live_screen *s = state;
	size_t n = 0;
	if (s->focus == FOCUS_ATTEND)
		out[n++] = UI_CTX_ATTEND;
	out[n++] = UI_CTX_LIVE;
	out[n++] = UI_CTX_LIST;
	return n;
}

/* ----------------------------------------------------------- pickers */

/* Pick a person among the attendance rows (present ones first); only
 * those present when present_only.  Returns the index in attendance or
 * -1. */
/* Who a picker of people lists. */
enum pick_who {
	PICK_ANYONE,   /* everyone on the attendance list */
	PICK_ENTITLED, /* present and entitled to vote on the current item */
};

/* Pick a person from the attendance: their index in l->attendance, -2 for
 * "(not noted)" (offered first, and where the picker starts, when
 * allow_none), -1 when cancelled.  `leave_out` (may be NULL) is not
 * listed (the mover, when picking the seconder). */
static int pick_attendee(struct app *app, struct live_screen *s,
			 const char *title, enum pick_who who, bool allow_none,
			 const char *leave_out)
{
	const struct live *l = s->l;
	size_t n = l->attendance.n;
	struct ui_pick_item *items = xcalloc(n + 1, sizeof *items);
	int *map = xcalloc(n + 1, sizeof *map);
	char **labels = xcalloc(n + 1, sizeof *labels);
	size_t k = 0;
	if (allow_none) {
		items[k].label = "(not noted)";
		map[k++] = -2;
	}
	for (size_t i = 0; i < n; i++) {
		const struct attendance *a = &l->attendance.v[i];
		if (who == PICK_ENTITLED &&
		    !live_entitled(l, a->person_id, l->current, NULL, 0))
			continue;
		if (leave_out && strcmp(a->person_id, leave_out) == 0)
			continue;
		labels[k] = person_display_name(&a->person);
		items[k].label = labels[k];
		const struct live_presence *pr = live_presence_of(l, a->person_id);
		items[k].note = pr && pr->out ? "out of the room" : NULL;
		map[k++] = (int)i;
	}
	int choice = ui_pick(app, title, items, k, 0);
	int result = choice >= 0 ? map[choice] : -1;
	for (size_t i = 0; i < k; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(map);
	return result;
}

/* Ask for a whole number from 0 to max (max < 0: no limit), -1 when
 * cancelled.  A refusal says why (`what_max` completes "only N ...") and
 * asks again with the text typed kept. */
static int prompt_count(struct app *app, const char *title, int max,
			const char *what_max)
{
	char *typed = NULL;
	for (;;) {
		char *s = ui_prompt(app, title, typed);
		free(typed);
		typed = NULL;
		if (!s)
			return -1;
		char *end;
		long v = strtol(s, &end, 10);
		bool ok = *s && *end == '\0' && v >= 0 && v < 10000;
		if (ok && (max < 0 || v <= max)) {
			free(s);
			return (int)v;
		}
		typed = s;
		if (!ok) {
			ui_message_box(app, "Not a number",
				       "Type a whole number, 0 or more.");
			continue;
		}
		char *why = xasprintf("%ld votes, but only %d %s.", v, max,
				      what_max);
		ui_message_box(app, "Too many votes", why);
		free(why);
	}
}

/* Ask for a whole number >= 0 (NULL title cancels: -1). */
static int prompt_number(struct app *app, const char *title)
{
	return prompt_count(app, title, -1, NULL);
}

/* ------------------------------------------------------------ actions */

struct text_ctx {
	struct live_screen *s;
	enum minute_section section;
};

/* Save the editor's text: each line a point of the section. */
static enum clerk_status commit_text(struct app *app, void *ctx,
				     const char *text, struct clerk_err *err)
{
	struct text_ctx *t = ctx;
	t->s->l->hung_up = app->hung_up; /* saved by a hang-up: unfinished */
	const char *p = text;
	int added = 0;
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		char *b = line;
		while (*b == ' ')
			b++;
		if (*b) {
			enum clerk_status st =
				live_text_add(t->s->l, t->section, b, NULL, err);
			if (st != CLERK_OK) {
				free(line);
				return st;
			}
			added++;
		}
		free(line);
		p += len;
		if (*p == '\n')
			p++;
	}
	if (!added)
		return clerk_fail(err, CLERK_INVALID,
				  "nothing to save: type the text, or Esc");
	return CLERK_OK;
}

/* The editor's title: what the house style adds around the text, so that
 * the clerk does not type it twice ("Minuted as: The Board received …").
 * Caller frees. */
static char *text_title(const struct live_screen *s, const char *key,
			const char *fallback)
{
	char *said = export_style_sentence(&s->style, &s->l->body, key,
					   "\u2026");
	if (!said)
		return xstrdup(fallback);
	char *t = xasprintf("Minuted as: %s%s (one %s per line)", said,
			    strstr(said, "\u2026") ? "" : " \u2026",
			    strcmp(key, "received") == 0 ? "paragraph" : "point");
	free(said);
	return t;
}

static void act_text(struct app *app, struct live_screen *s,
		     enum minute_section sec, const char *key,
		     const char *fallback)
{
	if (!current_item(s->l)) {
		ui_app_message(app, UI_ROLE_WARN, "Start an item first (n)");
		return;
	}
	if (s->l->public_excluded &&
	    (sec == SECTION_RECEIVED || sec == SECTION_NARRATIVE))
		sec = SECTION_EXEMPT;
	struct text_ctx t = {s, sec};
	char *title = text_title(s, key, fallback);
	if (ui_edit(app, title, NULL, commit_text, &t))
		report(app, s, CLERK_OK, NULL, NULL);
	free(title);
}

struct move_ctx {
	struct live_screen *s;
	enum resolution_kind kind;
	const char *amends;
	const char *mover, *seconder;
};

static enum clerk_status commit_move(struct app *app, void *ctx,
				     const char *text, struct clerk_err *err)
{
	struct move_ctx *m = ctx;
	m->s->l->hung_up = app->hung_up; /* saved by a hang-up: unfinished */
	return live_move(m->s->l, m->kind, m->amends, "", text, m->mover,
			 m->seconder, NULL, err);
}

static void act_move(struct app *app, struct live_screen *s,
		     enum resolution_kind kind)
{
	const struct live *l = s->l;
	if (!current_item(l)) {
		ui_app_message(app, UI_ROLE_WARN, "Start an item first (n)");
		return;
	}
	if (refused_inquorate(app, s))
		return;
	char amends[CLERK_UUID_LEN] = "";
	if (kind == RES_AMENDMENT) {
		const struct resolution *m = last_motion(l);
		if (!m || m->outcome != OUTCOME_PENDING) {
			ui_app_message(app, UI_ROLE_WARN,
				       "No motion pending on this item to amend");
			return;
		}
		snprintf(amends, sizeof amends, "%s", m->id);
	}
	/* Only members present and entitled to vote on the item may move
	 * or second; the seconder is someone other than the mover. */
	int mi = pick_attendee(app, s, "Moved by", PICK_ENTITLED, true, NULL);
	if (mi == -1)
		return;
	int si = pick_attendee(app, s, "Seconded by", PICK_ENTITLED, true,
			       mi >= 0 ? l->attendance.v[mi].person_id : NULL);
	if (si == -1)
		return;
	clerk_id mover = "", seconder = "";
	if (mi >= 0)
		snprintf(mover, sizeof mover, "%s",
			 l->attendance.v[mi].person_id);
	if (si >= 0)
		snprintf(seconder, sizeof seconder, "%s",
			 l->attendance.v[si].person_id);
	struct move_ctx m = {s, kind, kind == RES_AMENDMENT ? amends : NULL,
			     mover, seconder};
	if (ui_edit(app,
		    kind == RES_AMENDMENT ? "Amendment: the words proposed"
					  : "Motion: That the Board ...",
		    NULL, commit_move, &m)) {
		char agree[32], vote[32];
		ui_keymap_describe(&app->keymap, UI_ACT_agree, agree, sizeof agree);
		ui_keymap_describe(&app->keymap, UI_ACT_vote, vote, sizeof vote);
		char *msg = xasprintf("%s moved: %s agrees it, %s takes a vote",
				      kind == RES_AMENDMENT ? "Amendment"
							    : "Motion",
				      agree, vote);
		report(app, s, CLERK_OK, NULL, msg);
		free(msg);
	}
}

static void ask_casting(struct app *app, struct live_screen *s,
			const char *id)
{
	struct ui_pick_item items[] = {{.label = "for"}, {.label = "against"}};
	int c = ui_pick(app, "Equal votes: the chair's casting vote", items, 2,
			0);
	if (c < 0) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Votes equal: the casting vote is still needed (v)");
		return;
	}
	struct clerk_err err = {0};
	enum clerk_status st = live_casting_vote(
		s->l, id, c == 0 ? VOTE_FOR : VOTE_AGAINST, &err);
	report(app, s, st, &err, "Casting vote recorded");
}

static bool tie_pending(const struct live *l, const char *id)
{
	for (size_t i = 0; i < l->resolutions.n; i++) {
		const struct resolution *r = &l->resolutions.v[i];
		if (strcmp(r->id, id) == 0)
			return r->voted && r->outcome == OUTCOME_PENDING &&
			       r->votes_for == r->votes_against;
	}
	return false;
}

static void act_recorded_vote(struct app *app, struct live_screen *s,
			      const char *id)
{
	struct live *l = s->l;
	struct ui_pick_item choices[] = {{.label = "for"},
					 {.label = "against"},
					 {.label = "abstain"},
					 {.label = "did not vote"}};
	int excluded = 0;
	size_t n = l->attendance.n;
	clerk_id *people = xcalloc(n + 1, sizeof *people);
	size_t np = 0;
	for (size_t i = 0; i < n; i++)
		snprintf(people[np++], sizeof people[0], "%s",
			 l->attendance.v[i].person_id);
	struct clerk_err err = {0};
	for (size_t i = 0; i < np; i++) {
		const struct live_presence *pr = live_presence_of(l, people[i]);
		if (!pr || !pr->voting)
			continue;
		if (!live_entitled(l, people[i], l->current, NULL, 0)) {
			excluded += pr->out || pr->out_interest;
			continue;
		}
		char *name = live_person_name(l, people[i]);
		char *title = xasprintf("Recorded vote: %s", name);
		free(name);
		int c = ui_pick(app, title, choices, 4, 0);
		free(title);
		if (c < 0) {
			ui_app_message(app, UI_ROLE_WARN,
				       "Recorded vote stopped: the votes so far "
				       "are saved; v continues");
			free(people);
			return;
		}
		if (c == 3)
			continue;
		enum vote_choice v = c == 0 ? VOTE_FOR
				     : c == 1 ? VOTE_AGAINST
					      : VOTE_ABSTAIN;
		if (live_vote_member(l, id, people[i], v, "", &err) != CLERK_OK) {
			ui_app_error(app, &err);
			free(people);
			return;
		}
		ui_app_saved(app);
	}
	free(people);
	enum clerk_status st = live_vote_close(l, id, &err);
	if (st == CLERK_OK && tie_pending(l, id)) {
		ask_casting(app, s, id);
		return;
	}
	char msg[96];
	snprintf(msg, sizeof msg, "Recorded vote closed%s",
		 excluded ? " (members out of the room did not vote)" : "");
	report(app, s, st, &err, msg);
}

/* On a show of hands, those abstaining may be named, each with a reason
 * ("as they had not been present at that meeting"); Esc leaves the rest
 * unnamed. */
static void name_abstainers(struct app *app, struct live_screen *s,
			    const char *id, int count)
{
	struct live *l = s->l;
	for (int k = 0; k < count; k++) {
		char *title = xasprintf("Abstained (%d of %d; Esc: not named)",
					k + 1, count);
		int who = pick_attendee(app, s, title, PICK_ENTITLED, false,
					NULL);
		free(title);
		if (who < 0)
			return;
		clerk_id pid;
		snprintf(pid, sizeof pid, "%s", l->attendance.v[who].person_id);
		char *reason = ui_prompt(app, "Why they abstained (may be "
					      "empty)",
					 NULL);
		if (!reason)
			return;
		struct clerk_err err = {0};
		enum clerk_status st =
			live_vote_abstainer(l, id, pid, reason, &err);
		free(reason);
		if (st != CLERK_OK) {
			ui_app_error(app, &err);
			return;
		}
		ui_app_saved(app);
	}
}

static void act_vote(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	const struct resolution *r = pending_resolution(l);
	if (!r) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Nothing to vote on: move a motion first (r)");
		return;
	}
	if (refused_inquorate(app, s))
		return;
	char id[CLERK_UUID_LEN];
	snprintf(id, sizeof id, "%s", r->id);
	if (tie_pending(l, id)) {
		ask_casting(app, s, id);
		return;
	}
	struct ui_pick_item how[] = {{.label = "by show of hands (counts)"},
				     {.label = "recorded vote (by name)"}};
	char *title = xasprintf("Vote on the %s",
				r->kind == RES_AMENDMENT ? "amendment" : "motion");
	int c = ui_pick(app, title, how, 2, 0);
	free(title);
	if (c < 0)
		return;
	if (c == 1) {
		act_recorded_vote(app, s, id);
		return;
	}
	/* Counts are checked as they are typed against the members present
	 * and entitled to vote on the item. */
	int entitled = 0;
	for (size_t i = 0; i < l->attendance.n; i++)
		entitled += live_entitled(l, l->attendance.v[i].person_id,
					  l->current, NULL, 0);
	const char *who = "members present are entitled to vote";
	int f = prompt_count(app, "Votes for", entitled, who);
	if (f < 0)
		return;
	int a = prompt_count(app, "Votes against", entitled - f,
			     "more members present are entitled to vote");
	if (a < 0)
		return;
	int ab = prompt_count(app, "Abstentions", entitled - f - a,
			      "more members present are entitled to vote");
	if (ab < 0)
		return;
	struct clerk_err err = {0};
	enum clerk_status st = live_vote_counts(l, id, f, a, ab, &err);
	if (st == CLERK_OK)
		name_abstainers(app, s, id, ab);
	if (st == CLERK_OK && tie_pending(l, id)) {
		ui_app_saved(app);
		ask_casting(app, s, id);
		return;
	}
	report(app, s, st, &err, "Vote recorded");
}

static void act_declare(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	int who = pick_attendee(app, s, "Declaration by", PICK_ANYONE, false,
				NULL);
	if (who < 0)
		return;
	clerk_id pid;
	snprintf(pid, sizeof pid, "%s", l->attendance.v[who].person_id);
	/* which item: the current one, else the one selected */
	size_t n = l->nitems;
	struct ui_pick_item *items = xcalloc(n, sizeof *items);
	char **labels = xcalloc(n, sizeof *labels);
	for (size_t i = 0; i < n; i++) {
		labels[i] = xasprintf("%s %s", l->items[i].item.number,
				      l->items[i].item.title);
		items[i].label = labels[i];
		items[i].note = (int)i == l->current ? "current" : NULL;
	}
	int start = l->current >= 0 ? l->current : (int)s->agenda_sel;
	int item = ui_pick(app, "On item", items, n, start);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	if (item < 0)
		return;
	struct ui_pick_item kinds[] = {
		{.label = "disclosable pecuniary (leaves the room)"},
		{.label = "other registrable"},
		{.label = "non-registrable / personal"},
		{.label = "pecuniary, sensitive (only its existence minuted)"},
	};
	int k = ui_pick(app, "Kind of interest", kinds, 4, 0);
	if (k < 0)
		return;
	enum interest_kind kind = k == 1   ? INTEREST_REGISTRABLE
				  : k == 2 ? INTEREST_NON_REGISTRABLE
					   : INTEREST_PECUNIARY;
	char *what = ui_prompt(app, "The interest (e.g. school governor)", NULL);
	if (!what)
		return;
	bool disp = false;
	if (kind == INTEREST_PECUNIARY)
		disp = ui_confirm(app, "Has the member a dispensation to stay "
				       "and take part?");
	struct clerk_err err = {0};
	enum clerk_status st = live_declare(l, pid, item, kind, what, k == 3,
					    disp, NULL, &err);
	free(what);
	report(app, s, st, &err, "Declaration recorded");
}

static void act_substitute(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	const struct attendance *a = selected_att(s);
	if (!a)
		return;
	clerk_id member;
	snprintf(member, sizeof member, "%s", a->person_id);
	const struct seat_info *si = live_seat_of(l, member);
	if (!si || !si->filled || strcmp(si->member.id, member) != 0) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Select the member who sends the substitute");
		return;
	}
	/* A seat counts once: a member marked present has a substitute
	 * only if they sent apologies after all. */
	bool apology = false;
	if (a->status == ATT_PRESENT) {
		char *mn = live_person_name(l, member);
		char *q = xasprintf("%s is marked present: a seat counts once. "
				    "Did %s send apologies (the substitute "
				    "then holds the seat)?",
				    mn, mn);
		free(mn);
		apology = ui_confirm(app, q);
		free(q);
		if (!apology) {
			ui_app_message(app, UI_ROLE_WARN,
				       "No substitute recorded: the member "
				       "present holds the seat");
			return;
		}
	}
	struct person_list all = {0};
	struct clerk_err err = {0};
	if (person_list_all(l->db, &all, &err) != CLERK_OK) {
		ui_app_error(app, &err);
		return;
	}
	size_t cap = si->nsubs + all.n + 4, k = 0;
	struct ui_pick_item *items = xcalloc(cap, sizeof *items);
	char **labels = xcalloc(cap, sizeof *labels);
	const char **ids = xcalloc(cap, sizeof *ids);
	items[k++] = (struct ui_pick_item){.label = "Nominated substitutes",
					   .heading = true};
	for (size_t i = 0; i < si->nsubs; i++) {
		labels[k] = person_display_name(&si->subs[i].person);
		items[k].label = labels[k];
		ids[k++] = si->subs[i].person.id;
	}
	if (si->nsubs == 0)
		items[k++] = (struct ui_pick_item){
			.label = "(none nominated)", .disabled = true,
			.note = "no nominated substitute"};
	items[k++] = (struct ui_pick_item){
		.label = "Anyone else (recorded with a warning)", .heading = true};
	for (size_t i = 0; i < all.n; i++) {
		bool nominated = false;
		for (size_t j = 0; j < si->nsubs; j++)
			nominated |= strcmp(si->subs[j].person.id, all.v[i].id) == 0;
		if (nominated || strcmp(all.v[i].id, member) == 0)
			continue;
		labels[k] = person_display_name(&all.v[i]);
		items[k].label = labels[k];
		const struct seat_info *own = live_seat_of(l, all.v[i].id);
		if (own && own->filled && strcmp(own->member.id, all.v[i].id) == 0) {
			items[k].disabled = true;
			items[k].note = "holds a seat";
		}
		ids[k++] = all.v[i].id;
	}
	char *m = live_person_name(l, member);
	char *title = xasprintf("Substitute for %s", m);
	free(m);
	int c = ui_pick(app, title, items, k, 1);
	free(title);
	enum clerk_status st = CLERK_OK;
	if (c >= 0 && ids[c]) {
		clerk_id sub;
		snprintf(sub, sizeof sub, "%s", ids[c]);
		st = apology ? live_att_substitute_apology(l, member, sub, &err)
			     : live_att_substitute(l, member, sub, &err);
		report(app, s, st, &err,
		       apology ? "Apology recorded; the substitute holds the seat"
			       : "Substitute recorded");
	}
	for (size_t i = 0; i < k; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(ids);
	person_list_free(&all);
}

/* The attendance actions on the selected person. */
/* A member is marked present while their substitute sits: a seat counts
 * once, so the clerk says which of the two holds it. */
static void ask_seat_holder(struct app *app, struct live_screen *s,
			    const char *member_id)
{
	struct live *l = s->l;
	const struct attendance *sub = NULL;
	for (size_t i = 0; i < l->attendance.n; i++)
		if (l->attendance.v[i].status == ATT_SUBSTITUTE &&
		    strcmp(l->attendance.v[i].substitute_for, member_id) == 0)
			sub = &l->attendance.v[i];
	if (!sub)
		return;
	char *mn = live_person_name(l, member_id);
	char *sn = live_person_name(l, sub->person_id);
	char *l0 = xasprintf("%s (the substitute was recorded by mistake)", mn);
	char *l1 = xasprintf("%s, as substitute (%s is not counted)", sn, mn);
	struct ui_pick_item items[] = {{.label = l0}, {.label = l1}};
	char *title = xasprintf("%s sits for %s: who holds the seat?", sn, mn);
	int c = ui_pick(app, title, items, 2, 1);
	struct clerk_err err = {0};
	if (c == 0)
		report(app, s, live_att_seat_to_member(l, member_id, &err), &err,
		       "The member holds the seat; the substitute is removed");
	else
		ui_app_message(app, UI_ROLE_WARN,
			       "%s holds the seat: %s is not marked present", sn,
			       mn);
	free(title);
	free(l0);
	free(l1);
	free(mn);
	free(sn);
}

static bool act_attendance(struct app *app, struct live_screen *s,
			   enum ui_action a)
{
	struct live *l = s->l;
	struct clerk_err err = {0};
	enum clerk_status st = CLERK_OK;
	if (a == UI_ACT_in_attendance) {
		char *name = ui_prompt(app, "Also in attendance: name", NULL);
		if (!name)
			return true;
		char *cap = ui_prompt(app, "Capacity (e.g. Director of Public Health)",
				      NULL);
		if (cap) {
			st = live_att_also(l, name, cap, NULL, &err);
			report(app, s, st, &err, "Added");
		}
		free(name);
		free(cap);
		return true;
	}
	if (a == UI_ACT_all_present) {
		int count = 0;
		st = live_att_all_present(l, &count, &err);
		char msg[64];
		snprintf(msg, sizeof msg, "%d marked present", count);
		report(app, s, st, &err, msg);
		return true;
	}
	const struct attendance *row = selected_att(s);
	if (!row)
		return true;
	clerk_id pid;
	snprintf(pid, sizeof pid, "%s", row->person_id);
	switch (a) {
	case UI_ACT_present:
	case UI_ACT_late:
		st = a == UI_ACT_present ? live_att_present(l, pid, &err)
					 : live_att_arrived(l, pid, 0, &err);
		if (st == CLERK_CONFLICT && !row->substitute_for[0]) {
			ask_seat_holder(app, s, pid);
			return true;
		}
		break;
	case UI_ACT_apology: {
		char *reason = ui_prompt(app, "Apology: reason (may be empty)", NULL);
		if (!reason)
			return true;
		st = live_att_apology(l, pid, reason, &err);
		free(reason);
		break;
	}
	case UI_ACT_absent:
		if (row->substitute_for[0]) {
			if (!ui_confirm(app, "Remove this substitute, recorded "
					     "by mistake?"))
				return true;
			report(app, s, live_att_sub_remove(l, pid, &err), &err,
			       "Substitute removed");
			return true;
		}
		st = live_att_absent(l, pid, "", &err);
		break;
	case UI_ACT_substitute:
		act_substitute(app, s);
		return true;
	case UI_ACT_departed:
		st = live_att_departed(l, pid, 0, &err);
		break;
	case UI_ACT_out_of_room: {
		const struct live_presence *pr = live_presence_of(l, pid);
		st = pr && pr->out ? live_returned(l, pid, &err)
				   : live_left_room(l, pid, &err);
		break;
	}
	default:
		return false;
	}
	report(app, s, st, &err, NULL);
	return true;
}

/* V: who is in the Chair; at an election item, also who was elected to
 * which office (held from now). */
static void act_presiding(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	const struct live_item *cur = current_item(l);
	bool election = cur && cur->item.kind == ITEM_ELECTION;
	int i = pick_attendee(app, s,
			      election ? "Elected, or in the Chair: who?"
				       : "Who is in the Chair?",
			      PICK_ANYONE, false, NULL);
	if (i < 0)
		return;
	int o = 0;
	if (election) {
		struct ui_pick_item offices[] = {
			{.label = "In the Chair (presides from now)"},
			{.label = "Elected Chairman"},
			{.label = "Elected Vice-Chairman"}};
		o = ui_pick(app, "To which office?", offices, 3, 0);
		if (o < 0)
			return;
	}
	struct clerk_err err = {0};
	const char *who = l->attendance.v[i].person_id;
	report(app, s,
	       o == 0 ? live_presiding(l, who, &err)
		      : live_elected(l, who,
				     o == 1 ? ROLE_CHAIRMAN : ROLE_VICE_CHAIRMAN,
				     &err),
	       &err, NULL);
}

static void act_simple(struct app *app, struct live_screen *s,
		       enum clerk_status st, const struct clerk_err *err,
		       const char *done)
{
	report(app, s, st, err, done);
	if (st == CLERK_OK && s->l->current >= 0)
		s->agenda_sel = (size_t)s->l->current;
}

static void act_exclude(struct app *app, struct live_screen *s)
{
	struct live *l = s->l;
	char *para = NULL;
	if (refused_inquorate(app, s))
		return;
	if (council_cites_paragraph(l->council.kind, NULL)) {
		para = ui_prompt(app, l->council.kind == COUNCIL_SCOTTISH
					      ? "Paragraph of Schedule 7A (1-15)"
					      : "Paragraph of Schedule 12A (1-7)",
				 NULL);
		if (!para)
			return;
	}
	struct clerk_err err = {0};
	enum clerk_status st = live_exclude_public(l, -1, para ? para : "", NULL,
						   &err);
	free(para);
	report(app, s, st, &err, "Press and public excluded");
}

static void act_urgent(struct app *app, struct live_screen *s)
{
	if (refused_inquorate(app, s))
		return;
	char *title = ui_prompt(app, "Urgent item: title", NULL);
	if (!title)
		return;
	char *reason = ui_prompt(app, "The chair's reason for urgency", NULL);
	if (reason) {
		struct clerk_err err = {0};
		size_t idx = 0;
		enum clerk_status st =
			live_add_urgent(s->l, title, reason, &idx, &err);
		if (st == CLERK_OK)
			s->agenda_sel = idx;
		report(app, s, st, &err,
		       "Urgent item added: Enter on it in the agenda takes it");
	}
	free(title);
	free(reason);
}

static void act_action(struct app *app, struct live_screen *s)
{
	const struct live *l = s->l;
	const struct resolution *r = NULL;
	const struct live_item *it = current_item(l);
	for (size_t i = 0; it && i < l->resolutions.n; i++)
		if (strcmp(l->resolutions.v[i].item_id, it->item.id) == 0)
			r = &l->resolutions.v[i];
	char rid[CLERK_UUID_LEN] = "";
	if (r)
		snprintf(rid, sizeof rid, "%s", r->id);
	char *body = ui_prompt(app, "Action: what is to be done", NULL);
	if (!body)
		return;
	char *owner = ui_prompt(app, "Owner", NULL);
	char *due = owner ? ui_prompt(app, "Due date (YYYY-MM-DD, may be empty)",
				      NULL)
			  : NULL;
	if (owner && due) {
		struct clerk_err err = {0};
		enum clerk_status st = live_action_add(
			s->l, rid[0] ? rid : NULL, body, owner, due, NULL, &err);
		report(app, s, st, &err, "Action recorded");
	}
	free(body);
	free(owner);
	free(due);
}

static void act_adjourn(struct app *app, struct live_screen *s)
{
	struct clerk_err err = {0};
	if (s->l->adjourned) {
		if (!ui_confirm(app, "Resume the meeting now?"))
			return;
		act_simple(app, s, live_resume(s->l, &err), &err, "Resumed");
		return;
	}
	char *reason = ui_prompt(app, "Adjourn: reason (may be empty)", NULL);
	if (!reason)
		return;
	act_simple(app, s, live_adjourn(s->l, reason, &err), &err,
		   "Adjourned: z resumes");
	free(reason);
}

/* ------------------------------------------------ correcting captures */

enum capture_kind { CAP_TEXT, CAP_DECL, CAP_RES };

struct capture {
	enum capture_kind kind;
	clerk_id id;
	char *label;
	char *body; /* words to edit */
};

/* The records captured on the current item (declarations: all of them on
 * the declarations item), newest last.  Returns the count. */
static size_t captures_of(const struct live *l, struct capture **out)
{
	const struct live_item *it = current_item(l);
	size_t cap = l->texts.n + l->declarations.n + l->resolutions.n + 1;
	struct capture *v = xcalloc(cap, sizeof *v);
	size_t n = 0;
	if (!it) {
		*out = v;
		return 0;
	}
	bool all = it->item.kind == ITEM_DECLARATIONS;
	for (size_t i = 0; i < l->declarations.n; i++) {
		const struct declaration *d = &l->declarations.v[i];
		if (!all && strcmp(d->item_id, it->item.id) != 0)
			continue;
		char *who = live_person_name(l, d->person_id);
		v[n].kind = CAP_DECL;
		snprintf(v[n].id, sizeof v[n].id, "%s", d->id);
		v[n].label = xasprintf("Declared: %s (%s)", who, d->what);
		v[n].body = xstrdup(d->what);
		free(who);
		n++;
	}
	for (size_t i = 0; i < l->texts.n; i++) {
		const struct minute_text *t = &l->texts.v[i];
		if (strcmp(t->item_id, it->item.id) != 0)
			continue;
		v[n].kind = CAP_TEXT;
		snprintf(v[n].id, sizeof v[n].id, "%s", t->id);
		v[n].label = xasprintf("%s: %s", minute_section_text(t->section),
				       t->body);
		v[n].body = xstrdup(t->body);
		n++;
	}
	for (size_t i = 0; i < l->resolutions.n; i++) {
		const struct resolution *r = &l->resolutions.v[i];
		if (strcmp(r->item_id, it->item.id) != 0)
			continue;
		v[n].kind = CAP_RES;
		snprintf(v[n].id, sizeof v[n].id, "%s", r->id);
		v[n].label = xasprintf("%s (%s): %s",
				       resolution_kind_text(r->kind),
				       outcome_text(r->outcome), r->body);
		v[n].body = xstrdup(r->body);
		n++;
	}
	*out = v;
	return n;
}

static void captures_free(struct capture *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].body);
	}
	free(v);
}

/* Let the user choose a capture; its index or -1. */
static int pick_capture(struct app *app, const char *title,
			const struct capture *v, size_t n)
{
	if (n == 0) {
		ui_app_message(app, UI_ROLE_WARN,
			       "Nothing captured on this item yet");
		return -1;
	}
	struct ui_pick_item *items = xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i].label = v[i].label;
	int c = ui_pick(app, title, items, n, (int)n - 1);
	free(items);
	return c;
}

struct edit_ctx {
	struct live_screen *s;
	const struct capture *c;
};

static enum clerk_status commit_edit(struct app *app, void *ctx,
				     const char *text, struct clerk_err *err)
{
	struct edit_ctx *e = ctx;
	e->s->l->hung_up = app->hung_up; /* saved by a hang-up: unfinished */
	if (e->c->kind == CAP_TEXT)
		return live_text_edit(e->s->l, e->c->id, text, err);
	return live_resolution_edit(e->s->l, e->c->id, NULL, text, err);
}

static void act_edit_capture(struct app *app, struct live_screen *s)
{
	struct capture *v;
	size_t n = captures_of(s->l, &v);
	int c = pick_capture(app, "Correct which?", v, n);
	if (c >= 0 && v[c].kind == CAP_DECL) {
		ui_app_message(app, UI_ROLE_WARN,
			       "A declaration is withdrawn (D) and made again");
	} else if (c >= 0) {
		struct edit_ctx e = {s, &v[c]};
		if (ui_edit(app, "Correct the words", v[c].body, commit_edit, &e))
			report(app, s, CLERK_OK, NULL, "Corrected");
	}
	captures_free(v, n);
}

static void act_delete_capture(struct app *app, struct live_screen *s)
{
	struct capture *v;
	size_t n = captures_of(s->l, &v);
	int c = pick_capture(app, "Withdraw which?", v, n);
	if (c >= 0) {
		char *q = xasprintf("Withdraw this from the record?  %s",
				    v[c].label);
		if (ui_confirm(app, q)) {
			struct clerk_err err = {0};
			enum clerk_status st =
				v[c].kind == CAP_TEXT
					? live_text_delete(s->l, v[c].id, &err)
				: v[c].kind == CAP_DECL
					? live_declaration_delete(s->l, v[c].id,
								  &err)
					: live_resolution_delete(s->l, v[c].id,
								 &err);
			report(app, s, st, &err, "Withdrawn");
		}
		free(q);
	}
	captures_free(v, n);
}

static void move_sel(struct live_screen *s, long delta)
{
	size_t *sel = s->focus == FOCUS_ATTEND ? &s->att_sel : &s->agenda_sel;
	size_t n = s->focus == FOCUS_ATTEND ? s->l->attendance.n : s->l->nitems;
	if (n == 0)
		return;
	long v = (long)*sel + delta;
	if (v < 0)
		v = 0;
	if (v >= (long)n)
		v = (long)n - 1;
	*sel = (size_t)v;
}

static void click(struct app *app, struct live_screen *s)
{
	int x, y;
	ui_app_mouse(app, &x, &y);
	struct ui_rect a = s->lay.agenda, t = s->lay.attendance;
	if (x >= a.x && x < a.x + a.w && y > a.y && y < a.y + a.h - 1) {
		size_t idx = s->agenda_top + (size_t)(y - a.y - 1);
		if (idx < s->l->nitems) {
			s->focus = FOCUS_AGENDA;
			s->agenda_sel = idx;
		}
	} else if (x >= t.x && x < t.x + t.w && y > t.y && y < t.y + t.h) {
		size_t idx = s->att_top + (size_t)(y - t.y - 1);
		if (idx < s->l->attendance.n) {
			s->focus = FOCUS_ATTEND;
			s->att_sel = idx;
		}
	}
}

static enum ui_key_result live_key(struct app *app, void *state, int key)
{
	struct live_screen *s = state;
	struct live *l = s->l;
	struct clerk_err err = {0};
	if (key == UI_KEY_CLICK) {
		click(app, s);
		return UI_KEY_USED;
	}
	enum ui_context ctxs[4];
	size_t n = live_contexts(app, s, ctxs);
	enum ui_action a = ui_keymap_lookup_in(&app->keymap, ctxs, n, key);
	int page = (s->focus == FOCUS_ATTEND ? s->lay.attendance.h
					     : s->lay.agenda.h) - 2;
	if (page < 1)
		page = 1;
	if (refused_watching(app, s, a))
		return UI_KEY_USED;
	if (ui_action_info(a)->context == UI_CTX_ATTEND)
		return act_attendance(app, s, a) ? UI_KEY_USED : UI_KEY_UNUSED;
	switch (a) {
	case UI_ACT_up:
		move_sel(s, -1);
		break;
	case UI_ACT_down:
		move_sel(s, 1);
		break;
	case UI_ACT_page_up:
		move_sel(s, -page);
		break;
	case UI_ACT_page_down:
		move_sel(s, page);
		break;
	case UI_ACT_top:
		move_sel(s, -100000);
		break;
	case UI_ACT_bottom:
		move_sel(s, 100000);
		break;
	case UI_ACT_focus:
	case UI_ACT_focus_back:
		s->focus = s->focus == FOCUS_AGENDA ? FOCUS_ATTEND : FOCUS_AGENDA;
		break;
	case UI_ACT_attendance:
		s->focus = FOCUS_ATTEND;
		break;
	case UI_ACT_cancel:
		s->focus = FOCUS_AGENDA;
		break;
	case UI_ACT_select:
		if (s->focus == FOCUS_AGENDA && !refused_inquorate(app, s) &&
		    (s->agenda_sel == (size_t)l->current ||
		     readmit_before_moving(app, s)))
			act_simple(app, s, live_jump(l, s->agenda_sel, &err),
				   &err, NULL);
		break;
	case UI_ACT_search: {
		size_t cnt = s->focus == FOCUS_ATTEND ? l->attendance.n
						      : l->nitems;
		struct ui_pick_item *items = xcalloc(cnt + 1, sizeof *items);
		char **labels = xcalloc(cnt + 1, sizeof *labels);
		for (size_t i = 0; i < cnt; i++) {
			labels[i] = s->focus == FOCUS_ATTEND
					    ? att_line(l, &l->attendance.v[i])
					    : xasprintf("%s %s",
							l->items[i].item.number,
							l->items[i].item.title);
			items[i].label = labels[i];
		}
		int c = ui_pick_search(app, "Find", items, cnt, 0, true);
		if (c >= 0)
			*(s->focus == FOCUS_ATTEND ? &s->att_sel
						   : &s->agenda_sel) = (size_t)c;
		for (size_t i = 0; i < cnt; i++)
			free(labels[i]);
		free(labels);
		free(items);
		break;
	}
	case UI_ACT_next_item:
		if (!refused_inquorate(app, s) && readmit_before_moving(app, s))
			act_simple(app, s, live_next(l, &err), &err, NULL);
		break;
	case UI_ACT_prev_item:
		if (!refused_inquorate(app, s) && readmit_before_moving(app, s))
			act_simple(app, s, live_prev(l, &err), &err, NULL);
		break;
	case UI_ACT_declare:
		act_declare(app, s);
		break;
	case UI_ACT_received:
		act_text(app, s, SECTION_RECEIVED, "received",
			 "The meeting received (one paragraph per line)");
		break;
	case UI_ACT_heard:
		act_text(app, s, SECTION_HEARD, "heard",
			 "The meeting heard that (one point per line)");
		break;
	case UI_ACT_commented:
		act_text(app, s, SECTION_COMMENTED, "commented",
			 "Members commented (one point per line)");
		break;
	case UI_ACT_minute:
		act_text(app, s, SECTION_NARRATIVE, "minute",
			 "The minute, as written (one paragraph per line)");
		break;
	case UI_ACT_resolve:
		act_move(app, s, RES_MOTION);
		break;
	case UI_ACT_amend:
		act_move(app, s, RES_AMENDMENT);
		break;
	case UI_ACT_vote:
		act_vote(app, s);
		break;
	case UI_ACT_agree: {
		const struct resolution *r = pending_resolution(l);
		if (!r) {
			ui_app_message(app, UI_ROLE_WARN, "No motion pending");
			break;
		}
		if (refused_inquorate(app, s))
			break;
		char id[CLERK_UUID_LEN];
		snprintf(id, sizeof id, "%s", r->id);
		report(app, s, live_agree(l, id, &err), &err, "Agreed");
		break;
	}
	case UI_ACT_exclude:
		act_exclude(app, s);
		break;
	case UI_ACT_readmit:
		report(app, s, live_readmit_public(l, &err), &err,
		       "Press and public readmitted");
		break;
	case UI_ACT_urgent:
		act_urgent(app, s);
		break;
	case UI_ACT_presiding:
		act_presiding(app, s);
		break;
	case UI_ACT_take_over:
		act_take_over(app, s);
		break;
	case UI_ACT_accept_text:
		act_accept_text(app, s);
		break;
	case UI_ACT_action:
		act_action(app, s);
		break;
	case UI_ACT_adjourn:
		act_adjourn(app, s);
		break;
	case UI_ACT_confirm_previous:
		if (!refused_inquorate(app, s))
			ui_live_confirm_previous(app, s->l);
		break;
	case UI_ACT_item_back:
		s->item_scroll += page;
		break;
	case UI_ACT_item_forward:
		s->item_scroll -= page;
		break;
	case UI_ACT_withdraw: {
		const struct resolution *r = pending_resolution(l);
		if (!r) {
			ui_app_message(app, UI_ROLE_WARN, "No motion pending");
			break;
		}
		char id[CLERK_UUID_LEN];
		snprintf(id, sizeof id, "%s", r->id);
		if (ui_confirm(app, "Withdraw the pending motion?"))
			report(app, s, live_withdraw(l, id, &err), &err,
			       "Withdrawn");
		break;
	}
	case UI_ACT_public_count: {
		int count = prompt_number(app, "Members of the public present");
		if (count >= 0)
			report(app, s, live_note_public(l, count, &err), &err,
			       "Noted");
		break;
	}
	case UI_ACT_edit_capture:
		act_edit_capture(app, s);
		break;
	case UI_ACT_delete_capture:
		act_delete_capture(app, s);
		break;
	case UI_ACT_close_meeting:
		if (ui_confirm(app, "Close the meeting now?"))
			act_simple(app, s, live_close(l, &err), &err,
				   "Meeting closed");
		break;
	default:
		return UI_KEY_UNUSED;
	}
	return UI_KEY_USED;
}

static const struct ui_screen_ops live_ops = {
	.name = "live",
	.draw = live_draw,
	.key = live_key,
	.resize = NULL,
	.tick = live_tick,
	.may_quit = live_may_quit,
	.contexts = live_contexts,
};

void ui_live_run(struct app *app, struct live *l)
{
	struct live_screen s = {.l = l, .focus = FOCUS_AGENDA};
	if (l->current >= 0)
		s.agenda_sel = (size_t)l->current;
	struct clerk_err err = {0};
	if (style_load(l->body.style, &s.style, &err) != CLERK_OK) {
		/* The minutes will refuse the same style when exported; the
		 * room goes on, showing captures as typed. */
		style_free(&s.style);
		memset(&s.style, 0, sizeof s.style);
		ui_app_message(app, UI_ROLE_WARN, "%s", err.msg);
	}
	struct ui_screen screen = {&live_ops, &s};
	ui_app_run(app, &screen);
	style_free(&s.style);
}
