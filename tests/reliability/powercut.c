/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * powercut: every action shown as saved survives a power cut.
 *
 * A child process opens a clerk file through the fault VFS and runs a live
 * meeting through the live module, exactly as the console does (take the
 * next item, record heard text, attendance, resolutions, declarations,
 * adjourn, resume: liveacts.c), writing "ack N TABLE ID" to a pipe after
 * each action commits (the moment the console shows it as saved).  The
 * power is cut at the k-th write, sync, truncation or deletion, for every
 * k (or every STEP-th): the VFS puts back every byte that had not been
 * synced, then lets some of the unsynced writes land after all, by one of
 * three models (faultvfs.h: none; every write before a random point, in
 * order, the one at the point torn at sector boundaries; a random subset,
 * whole or torn), and brings back files deleted without a sync of their
 * folder (a rollback journal so deleted comes back, hot).  The parent then
 * opens the file with plain SQLite and checks that it is sound and that
 * every acknowledged row is there.
 *
 * Two controls show the harness can see a loss: WAL with
 * synchronous=NORMAL (commits not synced), and the network fallback's
 * rollback journal with synchronous=FULL instead of EXTRA (the journal's
 * deletion, which commits, not synced: it comes back and rolls an
 * acknowledged action back).  Each must lose acknowledged actions.
 *
 *   powercut [ACTIONS [STEP]]
 *
 * make check runs the defaults (8 actions, a cut at every 4th I/O point,
 * the three models in turn); make reliability runs 24 actions with a cut
 * at every I/O point, each with the three models.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "faultvfs.h"
#include "relcommon.h"

#include "liveacts.h"

#define DATE "2017-10-05"

enum mode { MODE_WAL_FULL, MODE_ROLLBACK_EXTRA, MODE_WAL_NORMAL,
	    MODE_ROLLBACK_FULL };

static const char *const mode_names[] = {
	"WAL + synchronous=FULL (local disk)",
	"rollback journal + synchronous=EXTRA (network filesystem)",
	"WAL + synchronous=NORMAL (control: unsynced commits)",
	"rollback journal + synchronous=FULL (control: the journal's deletion "
	"not synced)",
};

static const char *const model_names[] = {"nothing unsynced lands",
					  "a prefix lands, torn",
					  "a random subset lands"};

/* The child: run the meeting, acknowledge each action on fd. */
static void child_run(const char *path, enum mode mode, int actions, long cut,
		      enum faultvfs_model model, unsigned long seed, int fd)
{
	if (mode == MODE_ROLLBACK_EXTRA || mode == MODE_ROLLBACK_FULL)
		setenv("CLERK_ASSUME_NETWORK_FS", "1", 1);
	char fdtext[16];
	snprintf(fdtext, sizeof fdtext, "%d", fd);
	setenv("FAULTVFS_REPORT_FD", fdtext, 1);
	faultvfs_register();
	faultvfs_real_syncs(false);
	faultvfs_cut_model(model, seed);
	faultvfs_cut_after(cut);
	struct clerk_err err = {0};
	struct db *db = NULL;
	struct live *l = NULL;
	if (db_open(path, DB_EXISTING, &db, &err) ||
	    (mode == MODE_WAL_NORMAL &&
	     db_exec(db, "PRAGMA synchronous=NORMAL", &err)) ||
	    (mode == MODE_ROLLBACK_FULL &&
	     db_exec(db, "PRAGMA synchronous=FULL", &err)) ||
	    /* Checkpoint often so that cuts also land inside checkpoints. */
	    db_exec(db, "PRAGMA wal_autocheckpoint=8", &err)) {
		dprintf(fd, "error %s\n", err.msg);
		_exit(3);
	}
	struct meeting m = {0};
	if (meeting_find(db, DATE, NULL, &m, &err) ||
	    live_open(db, m.id, &l, &err)) {
		dprintf(fd, "error %s\n", err.msg);
		_exit(3);
	}
	meeting_free(&m);
	unsigned r = 2654435761u;
	for (int n = 1; n <= actions; n++) {
		r = r * 1103515245u + 12345u;
		unsigned pick = r >> 8;
		enum act a = choose(l, pick);
		const char *table;
		clerk_id id;
		enum clerk_status rc = act(l, a, pick, n, "powercut", &table, id,
					   &err);
		if (rc == CLERK_DB || rc == CLERK_IO || rc == CLERK_FULL ||
		    rc == CLERK_FOREIGN) {
			dprintf(fd, "error %s\n", err.msg);
			_exit(4);
		}
		if (rc)
			continue; /* refused: nothing shown as saved */
		if (!id[0]) {
			table = "event";
			snprintf(id, CLERK_UUID_LEN, "%s", last_event_id(l));
		}
		dprintf(fd, "ack %d %s %s\n", n, table, id);
	}
	live_free(&l);
	db_close(&db);
	dprintf(fd, "ops %ld\n", faultvfs_ops());
	_exit(0);
}

struct ack {
	char table[32];
	char id[64];
};

struct cut_result {
	struct ack *acks;
	int nacks;
	long ops; /* I/O points of a run without a cut */
	long landed, torn, revived;
	bool error;
};

static struct cut_result run_once(const char *seed_file, const char *path,
			       enum mode mode, int actions, long cut,
			       enum faultvfs_model model, unsigned long seed)
{
	struct cut_result o = {0};
	int p[2];
	scratch_unlink(path);
	rel_copy(seed_file, path);
	fflush(stdout);
	if (pipe(p) != 0)
		exit(99);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		child_run(path, mode, actions, cut, model, seed, p[1]);
	}
	close(p[1]);
	FILE *in = fdopen(p[0], "r");
	char line[1200];
	while (fgets(line, sizeof line, in)) {
		struct ack a;
		int n;
		long ops, landed, torn, revived;
		if (sscanf(line, "ack %d %31s %63s", &n, a.table, a.id) == 3) {
			o.acks = xrealloc(o.acks, (size_t)(o.nacks + 1) * sizeof a);
			o.acks[o.nacks++] = a;
		} else if (sscanf(line, "ops %ld", &ops) == 1) {
			o.ops = ops;
		} else if (sscanf(line, "cut landed %ld torn %ld revived %ld",
				  &landed, &torn, &revived) == 3) {
			o.landed = landed, o.torn = torn, o.revived = revived;
		} else if (strncmp(line, "error", 5) == 0) {
			o.error = true;
			rel_diag("child: %s", line);
		}
	}
	fclose(in);
	int status;
	waitpid(pid, &status, 0);
	return o;
}

/* Acknowledged rows missing from the file (plain SQLite: a hot journal
 * left by the cut is rolled back here, as any program opening it would). */
static int lost_acks(const char *path, const struct cut_result *o)
{
	sqlite3 *s = NULL;
	if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(s);
		return o->nacks;
	}
	sqlite3_busy_timeout(s, 5000);
	/* a check after the fact: its own writes need not reach the disk */
	sqlite3_exec(s, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
	int lost = 0;
	for (int i = 0; i < o->nacks; i++)
		if (plain_count(s, o->acks[i].table, o->acks[i].id) != 1)
			lost++;
	sqlite3_close(s);
	return lost;
}

struct tally {
	int runs, unsound, lost, runs_with_loss, errors;
	long landed, torn, revived;
	int lost_by_model[3];
};

static struct tally cut_everywhere(const char *seed_file, const char *path,
				   enum mode mode, int actions, long step)
{
	struct tally t = {0};
	struct cut_result full = run_once(seed_file, path, mode, actions, 0,
				       FAULTVFS_LOSE_ALL, 0);
	free(full.acks);
	for (long cut = 1; cut <= full.ops; cut += step) {
		/* Every model at every point in the long run; in make check
		 * one model a point, in turn. */
		int first = step > 1 ? (int)((cut / step) % 3) : 0;
		int last = step > 1 ? first : 2;
		for (int model = first; model <= last; model++) {
			struct cut_result o =
				run_once(seed_file, path, mode, actions, cut,
					 (enum faultvfs_model)model,
					 (unsigned long)cut * 3 + (unsigned long)model);
			/* the rollback of a hot journal first, then the check */
			int lost = lost_acks(path, &o);
			char *ic = rel_integrity(path);
			t.runs++;
			if (strcmp(ic, "ok") != 0) {
				t.unsound++;
				rel_diag("cut at I/O %ld (%s): integrity_check says %s",
					 cut, model_names[model], ic);
			}
			free(ic);
			if (o.error)
				t.errors++;
			if (lost > 0) {
				t.lost += lost;
				t.runs_with_loss++;
				t.lost_by_model[model] += lost;
			}
			t.landed += o.landed;
			t.torn += o.torn;
			t.revived += o.revived;
			free(o.acks);
		}
	}
	rel_diag("%s: %d cuts over %ld I/O points, %d unsound, %d acknowledged "
		 "actions lost in %d cuts (by model: %d, %d, %d); unsynced "
		 "writes landed after the cut: %ld, of them torn: %ld; deleted "
		 "files brought back: %ld",
		 mode_names[mode], t.runs, full.ops, t.unsound, t.lost,
		 t.runs_with_loss, t.lost_by_model[0], t.lost_by_model[1],
		 t.lost_by_model[2], t.landed, t.torn, t.revived);
	return t;
}

/* The seed: a body of six members and its meeting of 2017-10-05 with the
 * standard items and two more, made by clerk itself. */
static void seed_board(const char *path)
{
	const char *clerk = getenv("CLERK");
	char *bin = clerk && *clerk ? xstrdup(clerk)
				    : xasprintf("%s/clerk", CLERK_BUILDDIR);
	struct strbuf sb = {0};
	sb_addf(&sb, "set -e; C='%s'; D='%s'; exec >/dev/null 2>&1; "
		     "\"$C\" --db \"$D\" body add 'Health and Wellbeing Board' "
		     "--self 'the Board'; ",
		bin, path);
	for (int i = 1; i <= 6; i++)
		sb_addf(&sb, "\"$C\" --db \"$D\" seat add Health 'Seat %d'; "
			     "\"$C\" --db \"$D\" member add Health 'Seat %d' "
			     "'Member %d' --from 2017-05-01; ",
			i, i, i);
	sb_addf(&sb, "\"$C\" --db \"$D\" meeting add Health " DATE " 10:00 "
		     "--venue 'Ashburton Hall'; "
		     "\"$C\" --db \"$D\" item add " DATE " 'Domestic Abuse JTAI'; "
		     "\"$C\" --db \"$D\" item add " DATE " 'HSCB Report'");
	if (system(sb_str(&sb)) != 0) {
		fprintf(stderr, "powercut: cannot make the seed with %s\n", bin);
		exit(99);
	}
	sb_free(&sb);
	free(bin);
}

int main(int argc, char **argv)
{
	int actions = argc > 1 ? atoi(argv[1]) : 8;
	long step = argc > 2 ? atol(argv[2]) : 4;
	char dir[] = "/tmp/clerk-powercut.XXXXXX";
	if (!mkdtemp(dir))
		return 99;
	char *seed = xasprintf("%s/seed.db", dir);
	char *path = xasprintf("%s/cut.db", dir);
	seed_board(seed);

	struct tally t = cut_everywhere(seed, path, MODE_WAL_FULL, actions, step);
	rel_ok(t.runs * step > 3 * actions, "WAL+FULL: the power was cut at %d "
	       "points", t.runs);
	rel_ok(t.unsound == 0, "WAL+FULL: the file passed integrity_check after "
	       "every cut (%d unsound)", t.unsound);
	rel_ok(t.lost == 0, "WAL+FULL: every acknowledged action survived "
	       "(%d lost)", t.lost);
	rel_ok(t.errors == 0, "WAL+FULL: no write failed before the cut");
	rel_ok(t.landed > 0 && t.torn > 0, "WAL+FULL: unsynced writes did land "
	       "after cuts (%ld, %ld torn)", t.landed, t.torn);

	t = cut_everywhere(seed, path, MODE_ROLLBACK_EXTRA, actions, step);
	rel_ok(t.unsound == 0, "network fallback: integrity ok after every one "
	       "of %d cuts", t.runs);
	rel_ok(t.lost == 0, "network fallback: every acknowledged action "
	       "survived (%d lost)", t.lost);
	rel_ok(t.errors == 0, "network fallback: no write failed before the cut");

	t = cut_everywhere(seed, path, MODE_WAL_NORMAL, actions, step);
	rel_ok(t.lost > 0, "control: with unsynced commits the harness "
	       "does see losses (%d actions lost in %d of %d cuts)",
	       t.lost, t.runs_with_loss, t.runs);

	t = cut_everywhere(seed, path, MODE_ROLLBACK_FULL, actions, step);
	rel_ok(t.lost > 0 && t.revived > 0, "control: the network fallback "
	       "with synchronous=FULL loses acknowledged actions when a deleted "
	       "journal comes back (%d lost in %d of %d cuts; %ld journals "
	       "back)",
	       t.lost, t.runs_with_loss, t.runs, t.revived);

	scratch_unlink(seed);
	scratch_unlink(path);
	rmdir(dir);
	free(seed);
	free(path);
	return rel_done();
}
