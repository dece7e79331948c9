/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * powercut: every event shown as saved survives a power cut.
 *
 * A child process opens a seeded clerk file through the fault VFS and
 * records events one by one, the way the live console does, writing "ack N"
 * to a pipe after each commit returns (the moment the console would show it
 * as saved).  The power is cut at the k-th write, sync or truncation: the
 * VFS puts back every byte that had not been synced and the child dies.
 * The parent then opens the file with plain SQLite and checks that it is
 * sound and that every acknowledged event is there, byte for byte.  k runs
 * over every I/O point of the workload, so cuts land inside transactions,
 * between a sync and its acknowledgement, and during checkpoints.
 *
 * The same is run with synchronous=NORMAL as a control: there commits are
 * not synced, so acknowledged events must be lost — if none were, the
 * harness could not see a loss and proves nothing.
 *
 *   powercut [EVENTS [STEP]]
 *
 * make check runs the defaults (12 events, a cut at every 5th I/O point);
 * make reliability runs 24 events with a cut at every I/O point.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "faultvfs.h"
#include "relcommon.h"

#define SEED_EVENTS 5

enum mode { MODE_WAL_FULL, MODE_WAL_NORMAL, MODE_ROLLBACK_EXTRA };

static const char *const mode_names[] = {
	"WAL + synchronous=FULL (local disk)",
	"WAL + synchronous=NORMAL (control: unsynced commits)",
	"rollback journal + synchronous=EXTRA (network filesystem)",
};

/* The child: record events, acknowledge each on fd, count I/O on the way. */
static void child_run(const char *path, enum mode mode, int events, long cut,
		      int fd)
{
	if (mode == MODE_ROLLBACK_EXTRA)
		setenv("CLERK_ASSUME_NETWORK_FS", "1", 1);
	faultvfs_register();
	faultvfs_cut_after(cut);
	struct clerk_err err = {0};
	struct db *db = NULL;
	if (db_open(path, DB_EXISTING, &db, &err)) {
		dprintf(fd, "error %s\n", err.msg);
		_exit(3);
	}
	if (mode == MODE_WAL_NORMAL)
		db_exec(db, "PRAGMA synchronous=NORMAL", &err);
	/* Checkpoint often so that cuts also land inside checkpoints. */
	db_exec(db, "PRAGMA wal_autocheckpoint=8", &err);
	for (int seq = SEED_EVENTS + 1; seq <= SEED_EVENTS + events; seq++) {
		if (rel_append(db, seq, &err)) {
			dprintf(fd, "error %s\n", err.msg);
			_exit(4);
		}
		dprintf(fd, "ack %d\n", seq);
	}
	db_close(&db);
	dprintf(fd, "ops %ld\n", faultvfs_writes() + faultvfs_syncs());
	_exit(0);
}

struct outcome {
	int last_ack;
	long ops; /* I/O points of a run without a cut */
	bool error;
};

static struct outcome run_once(const char *seed, const char *path,
			       enum mode mode, int events, long cut)
{
	struct outcome o = {SEED_EVENTS, 0, false};
	int p[2];
	rel_remove(path);
	rel_copy(seed, path);
	fflush(stdout);
	if (pipe(p) != 0)
		exit(99);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		child_run(path, mode, events, cut, p[1]);
	}
	close(p[1]);
	FILE *in = fdopen(p[0], "r");
	char line[1200];
	while (fgets(line, sizeof line, in)) {
		int n;
		long ops;
		if (sscanf(line, "ack %d", &n) == 1)
			o.last_ack = n;
		else if (sscanf(line, "ops %ld", &ops) == 1)
			o.ops = ops;
		else if (strncmp(line, "error", 5) == 0) {
			o.error = true;
			rel_diag("child: %s", line);
		}
	}
	fclose(in);
	int status;
	waitpid(pid, &status, 0);
	return o;
}

struct tally {
	int runs, unsound, lost_events, runs_with_loss, errors;
};

static struct tally cut_everywhere(const char *seed, const char *path,
				   enum mode mode, int events, long step)
{
	struct tally t = {0};
	struct outcome full = run_once(seed, path, mode, events, 0);
	for (long cut = 1; cut <= full.ops; cut += step) {
		struct outcome o = run_once(seed, path, mode, events, cut);
		char *ic = rel_integrity(path);
		t.runs++;
		if (strcmp(ic, "ok") != 0) {
			t.unsound++;
			rel_diag("cut at I/O %ld: integrity_check says %s", cut, ic);
		}
		free(ic);
		if (o.error)
			t.errors++;
		int lost = o.last_ack - rel_events_present(path, o.last_ack);
		if (lost > 0) {
			t.lost_events += lost;
			t.runs_with_loss++;
		}
	}
	rel_diag("%s: %d cuts over %ld I/O points, %d unsound, %d acknowledged "
		 "events lost in %d cuts",
		 mode_names[mode], t.runs, full.ops, t.unsound, t.lost_events,
		 t.runs_with_loss);
	return t;
}

int main(int argc, char **argv)
{
	int events = argc > 1 ? atoi(argv[1]) : 12;
	long step = argc > 2 ? atol(argv[2]) : 5;
	char dir[] = "/tmp/clerk-powercut.XXXXXX";
	if (!mkdtemp(dir))
		return 99;
	char *seed = xasprintf("%s/seed.db", dir);
	char *path = xasprintf("%s/cut.db", dir);
	rel_seed(seed, SEED_EVENTS);

	struct tally t = cut_everywhere(seed, path, MODE_WAL_FULL, events, step);
	rel_ok(t.runs * step > 3 * events, "WAL+FULL: the power was cut at %d points",
	       t.runs);
	rel_ok(t.unsound == 0, "WAL+FULL: the file passed integrity_check after "
	       "every cut (%d unsound)", t.unsound);
	rel_ok(t.lost_events == 0, "WAL+FULL: every acknowledged event survived "
	       "(%d lost)", t.lost_events);
	rel_ok(t.errors == 0, "WAL+FULL: no write failed before the cut");

	t = cut_everywhere(seed, path, MODE_ROLLBACK_EXTRA, events, step);
	rel_ok(t.unsound == 0, "network fallback: integrity ok after every one "
	       "of %d cuts", t.runs);
	rel_ok(t.lost_events == 0, "network fallback: every acknowledged event "
	       "survived (%d lost)", t.lost_events);

	t = cut_everywhere(seed, path, MODE_WAL_NORMAL, events, step);
	rel_ok(t.lost_events > 0, "control: with unsynced commits the harness "
	       "does see losses (%d events lost in %d of %d cuts)",
	       t.lost_events, t.runs_with_loss, t.runs);

	rel_remove(seed);
	rel_remove(path);
	rmdir(dir);
	free(seed);
	free(path);
	return rel_done();
}
