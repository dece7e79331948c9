/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * live lease: two consoles, one meeting.
 *
 * Found: a second console on the same meeting file worked silently beside
 * the first, and comments typed in it were recorded on an item the first
 * had already ended.  So the console driving a meeting keeps a lease in the
 * file (model_lease.h) and renews it while it runs.  Another console
 * opening the meeting is told who drives it and since when, and only
 * watches (every action refused, with that sentence) unless the clerk
 * takes over; the console taken over is told at its next tick, and its
 * next action is refused inside the transaction that would have written
 * it, so that no write of a console taken over can reach the file.
 *
 * A lease whose console is gone is no lease: on this machine when its
 * process has ended (a kill, a crash), elsewhere when it has not been
 * renewed for LIVE_LEASE_STALE seconds.  Lease times are real time (see
 * model_lease.h), the one place of the console that does not read clerk's
 * clock: a meeting recorded for its own date runs that clock on another
 * day, and two processes may run it from different points.
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "live_int.h"

#define LIVE_LEASE_RENEW 10 /* seconds between renewals */
#define LIVE_LEASE_STALE 60 /* not renewed for this long: gone */

static time_t lease_time(void)
{
	return time(NULL); /* real time: see the comment at the top */
}

/* Where this console runs: its machine and its process. */
static void lease_here(struct console_lease *me)
{
	if (gethostname(me->host, sizeof me->host) != 0)
		me->host[0] = '\0';
	me->host[sizeof me->host - 1] = '\0';
	me->pid = (long)getpid();
}

/* This console as a lease names it: who, where.  The account is looked
 * up (getpwuid, 25 k instructions) only when $USER does not say. */
static void lease_me(struct console_lease *me)
{
	const char *user = getenv("USER");
	struct passwd *pw = NULL;
	if (!user || !*user) {
		pw = getpwuid(geteuid());
		user = pw ? pw->pw_name : "";
	}
	snprintf(me->holder, sizeof me->holder, "%s", user ? user : "");
	lease_here(me);
}

/* True when the console holding lease d is still running (asked at the
 * opening and at every tick of a console watching: who this one is does
 * not matter, only where it runs). */
static bool lease_alive(const struct console_lease *d)
{
	struct console_lease me = { 0 };
	lease_here(&me);
	if (!strcmp(d->host, me.host) && d->pid > 0) {
		if (d->pid == me.pid)
			return false; /* this process: it is ours to take */
		if (kill((pid_t)d->pid, 0) != 0 && errno == ESRCH)
			return false;
		return true;
	}
	return d->renewed + LIVE_LEASE_STALE >= lease_time();
}

enum clerk_status live_lease_driver(struct db *db, const char *meeting_id,
				    struct console_lease *driver,
				    struct clerk_err *err)
{
	enum clerk_status rc = lease_get(db, meeting_id, driver, err);
	if (rc)
		return rc;
	if (!lease_alive(driver))
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "the console that drove this meeting has "
				  "gone");
	return CLERK_OK;
}

static void lease_clock(time_t t, const char *tz, char out[16])
{
	char buf[16];
	time_format_local(t, tz, "%-I.%M%P", buf, sizeof buf);
	snprintf(out, 16, "%s", buf);
}

/* Since when another console has driven the meeting, said as what it is:
 * real time (the lease is of processes), with the day when it is not
 * today. */
char *live_lease_sentence(const struct console_lease *d, const char *tz)
{
	time_t real = lease_time();
	char since[16], sday[16], rday[16], when[64];
	lease_clock(d->since, tz, since);
	time_format_local(d->since, tz, "%Y-%m-%d", sday, sizeof sday);
	time_format_local(real, tz, "%Y-%m-%d", rday, sizeof rday);
	if (!strcmp(sday, rday)) {
		snprintf(when, sizeof when, "%s today", since);
	} else {
		char day[32];
		time_format_local(d->since, tz, "%a %-d %b %Y", day,
				  sizeof day);
		snprintf(when, sizeof when, "%s on %s", since, day);
	}
	return xasprintf("%s on %s (process %ld) has driven this meeting "
			 "since %s, real time",
			 *d->holder ? d->holder : "someone",
			 *d->host ? d->host : "another machine", d->pid, when);
}

/* Where this console runs the meeting on its own recorded clock (another
 * day: a rehearsal, the demo, minutes typed up afterwards), the lease's
 * real time and the meeting's times are two clocks: say which is which. */
char *live_lease_clock_note(const char *tz)
{
	time_t real = lease_time(), meeting = clock_now();
	char rday[16], mday[16];
	time_format_local(real, tz, "%Y-%m-%d", rday, sizeof rday);
	time_format_local(meeting, tz, "%Y-%m-%d", mday, sizeof mday);
	if (!strcmp(rday, mday))
		return xstrdup("");
	char at[16], day[32];
	lease_clock(meeting, tz, at);
	time_format_local(meeting, tz, "%a %-d %b %Y", day, sizeof day);
	return xasprintf("The meeting itself runs on its own recorded clock "
			 "(%s on %s here), not real time.",
			 at, day);
}

enum clerk_status live_lease_take(struct live *l, struct clerk_err *err)
{
	clerk_err_clear(err);
	struct console_lease me = { 0 };
	lease_me(&me);
	snprintf(me.meeting_id, sizeof me.meeting_id, "%s", l->meeting.id);
	db_uuid(me.token);
	me.since = me.renewed = lease_time();
	enum clerk_status rc = lease_put(l->db, &me, err);
	if (rc)
		return rc;
	snprintf(l->lease_token, sizeof l->lease_token, "%s", me.token);
	l->lease_renewed = me.renewed;
	l->watching = false;
	l->driver_gone = false;
	memset(&l->driver, 0, sizeof l->driver);
	/* What the other console wrote before it was taken over: everything
	 * is read again when another connection has written since the last
	 * read (live_read), else only the log's new events. */
	return live_read_parts(l, LIVE_READ_LOG, err);
}

void live_lease_watch(struct live *l, const struct console_lease *driver)
{
	l->watching = true;
	l->driver_gone = false;
	l->lease_token[0] = '\0';
	l->driver = *driver;
}

enum clerk_status live_lease_refuse(const struct live *l,
				    struct clerk_err *err)
{
	char *who = live_lease_sentence(&l->driver, l->body.tz);
	clerk_fail(err, CLERK_CONFLICT,
		   "Read-only: %s. Nothing was recorded; T takes over.",
		   who);
	free(who);
	return CLERK_CONFLICT;
}

/* Inside an action's transaction: is the lease still this console's?
 * When another console has taken the meeting, this one watches from now
 * and the action is refused. */
enum clerk_status live_lease_confirm(struct live *l, struct clerk_err *err)
{
	if (!l->lease_token[0])
		return CLERK_OK; /* no lease kept (tests, the command line) */
	struct console_lease d = { 0 };
	struct clerk_err e2 = { 0 };
	enum clerk_status rc = lease_get(l->db, l->meeting.id, &d, &e2);
	if (rc == CLERK_OK && !strcmp(d.token, l->lease_token))
		return CLERK_OK;
	if (rc != CLERK_OK && rc != CLERK_NOT_FOUND) {
		*err = e2;
		return rc;
	}
	if (rc == CLERK_NOT_FOUND) {
		/* Given up by nobody: take it again (a lease dropped by a
		 * `clerk check --repair`, say). */
		struct console_lease me = { 0 };
		lease_me(&me);
		snprintf(me.meeting_id, sizeof me.meeting_id, "%s",
			 l->meeting.id);
		snprintf(me.token, sizeof me.token, "%s", l->lease_token);
		me.since = me.renewed = lease_time();
		return lease_put(l->db, &me, err);
	}
	live_lease_watch(l, &d);
	char *who = live_lease_sentence(&d, l->body.tz);
	clerk_fail(err, CLERK_CONFLICT,
		   "Taken over: %s. Nothing was recorded here; T takes the "
		   "meeting back.",
		   who);
	free(who);
	return CLERK_CONFLICT;
}

bool live_lease_tick(struct live *l)
{
	struct console_lease d = { 0 };
	struct clerk_err err = { 0 };
	enum clerk_status rc = lease_get(l->db, l->meeting.id, &d, &err);
	if (l->watching) {
		bool gone = rc == CLERK_NOT_FOUND ||
			    (rc == CLERK_OK && !lease_alive(&d));
		if (rc == CLERK_OK && !gone && strcmp(d.token, l->driver.token))
			l->driver = d; /* a third console took over */
		if (gone && !l->driver_gone) {
			l->driver_gone = true;
			live_notice(l, "The console that drove this meeting has "
				       "left it: press T to take the meeting "
				       "here.");
			return true;
		}
		if (!gone)
			l->driver_gone = false;
		return false;
	}
	if (!l->lease_token[0] || (rc != CLERK_OK && rc != CLERK_NOT_FOUND))
		return false;
	if (rc == CLERK_OK && strcmp(d.token, l->lease_token)) {
		live_lease_watch(l, &d);
		char *who = live_lease_sentence(&d, l->body.tz);
		l->notice[0] = '\0';
		live_notice(l, "Taken over: %s. This console is read-only now; "
			       "T takes the meeting back.",
			    who);
		free(who);
		return true;
	}
	time_t now = lease_time();
	if (rc == CLERK_OK && now - l->lease_renewed < LIVE_LEASE_RENEW &&
	    now >= l->lease_renewed)
		return false;
	bool mine = false;
	if (rc == CLERK_OK &&
	    lease_renew(l->db, l->meeting.id, l->lease_token, now, &mine,
			&err) == CLERK_OK &&
	    mine) {
		l->lease_renewed = now;
		return false;
	}
	if (rc == CLERK_NOT_FOUND) {
		/* Dropped by nobody: keep it. */
		struct console_lease me = { 0 };
		lease_me(&me);
		snprintf(me.meeting_id, sizeof me.meeting_id, "%s",
			 l->meeting.id);
		snprintf(me.token, sizeof me.token, "%s", l->lease_token);
		me.since = me.renewed = now;
		if (lease_put(l->db, &me, &err) == CLERK_OK)
			l->lease_renewed = now;
	}
	return false;
}

void live_lease_release(struct live *l)
{
	if (!l || !l->lease_token[0])
		return;
	struct clerk_err err = { 0 };
	lease_drop(l->db, l->meeting.id, l->lease_token, &err);
	l->lease_token[0] = '\0';
}
