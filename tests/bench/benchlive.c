/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * benchlive: the cost of recording one event in a live meeting, committed
 * to disk, against the floor of the disk itself.
 *
 *   benchlive FILE MEETING_ID N [point|attend]
 *
 * Opens the meeting in the live controller (as the console does) and
 * records N minute points on its current item, timing each call (it returns
 * only once the commit reached the disk); with "attend", N changes of one
 * member's attendance instead (apology, present, apology, ...: the
 * keystrokes a clerk makes most after minute points).  Between two points it calls
 * live_idle(), untimed, as the console's one-second tick does while the
 * clerk listens: that is where the WAL is copied into the file.  After
 * each event it times a small write with fdatasync to a file beside the
 * database: the disk's fsync time, taken in the same moments as the events
 * (a disk's fsync time drifts over a run, with what else it is doing).  Prints
 * "EVENT_MEDIAN_MS EVENT_P99_MS FSYNC_MEDIAN_MS FSYNC_P99_MS PEAK_RSS_KB".
 *
 * With BENCHLIVE_MARK set in the environment, each event is bracketed by
 * two failed writes to descriptor -1 ("event" before, "done" after, outside
 * the timed span), so that `strace` splits the system calls and the WAL
 * pages written per event from those of the idle ticks between them:
 *   BENCHLIVE_MARK=1 strace -o OUT benchlive FILE MEETING 300
 * Instructions per event: valgrind --tool=callgrind
 * --toggle-collect=live_text_add (or 'live_att_*' with "attend").
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "clerk/live.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void percentiles(double *t, int n, double *median, double *p99)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	*median = t[n / 2];
	*p99 = t[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1];
}

/* The floor: a small write to a file beside the database, made to reach
 * the disk with fdatasync.  Timed between two events, so that it meets the
 * disk in the state the events meet it. */
struct probe {
	char *path;
	int fd;
	off_t end;
};

static void probe_open(struct probe *p, const char *dbpath)
{
	p->path = xasprintf("%s.fsync-probe", dbpath);
	p->fd = open(p->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	p->end = 0;
	if (p->fd < 0) {
		perror(p->path);
		exit(1);
	}
}

static double probe_time(struct probe *p)
{
	static const char buf[4096];
	double start = now_ms();
	if (pwrite(p->fd, buf, sizeof buf, p->end) < 0 || fdatasync(p->fd) != 0) {
		perror("fdatasync");
		exit(1);
	}
	p->end += (off_t)sizeof buf;
	return now_ms() - start;
}

static void probe_close(struct probe *p)
{
	close(p->fd);
	unlink(p->path);
	free(p->path);
}

int main(int argc, char **argv)
{
	if (argc != 4 && argc != 5) {
		fprintf(stderr,
			"usage: benchlive FILE MEETING_ID N [point|attend]\n");
		return 2;
	}
	bool attend = argc == 5 && !strcmp(argv[4], "attend");
	int n = atoi(argv[3]);
	if (n < 10)
		n = 10;
	struct clerk_err err = {0};
	struct db *db = NULL;
	struct live *l = NULL;
	if (db_open(argv[1], DB_EXISTING, &db, &err) ||
	    live_open(db, argv[2], &l, &err)) {
		fprintf(stderr, "benchlive: %s\n", err.msg);
		return 1;
	}
	double *t = xcalloc((size_t)n, sizeof *t);
	double *f = xcalloc((size_t)n, sizeof *f);
	/* The member whose attendance changes: the first with a seat. */
	clerk_id member = "";
	for (size_t i = 0; attend && i < l->attendance.n && !member[0]; i++)
		if (l->attendance.v[i].seat_id[0] &&
		    !l->attendance.v[i].substitute_for[0])
			snprintf(member, sizeof member, "%s",
				 l->attendance.v[i].person_id);
	if (attend && !member[0]) {
		fprintf(stderr, "benchlive: the meeting has no member\n");
		return 1;
	}
	struct probe probe;
	probe_open(&probe, argv[1]);
	bool mark = getenv("BENCHLIVE_MARK") != NULL;
	live_idle(l); /* the console's first tick, before the first key */
	for (int i = 0; i < n; i++) {
		char text[96];
		snprintf(text, sizeof text, "Point %d heard by the meeting.", i);
		if (mark && write(-1, "event", 5) < 0)
			(void)0; /* fails: only a mark for strace */
		double start = now_ms();
		enum clerk_status rc =
			!attend ? live_text_add(l, SECTION_HEARD, text, NULL, &err)
			: i % 2 ? live_att_present(l, member, &err)
				: live_att_apology(l, member, "", &err);
		if (rc) {
			fprintf(stderr, "benchlive: %s\n", err.msg);
			return 1;
		}
		t[i] = now_ms() - start;
		if (mark && write(-1, "done", 4) < 0)
			(void)0;
		live_idle(l);
		f[i] = probe_time(&probe);
	}
	probe_close(&probe);
	double em, ep, fm, fp;
	percentiles(t, n, &em, &ep);
	percentiles(f, n, &fm, &fp);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("%.3f %.3f %.3f %.3f %ld\n", em, ep, fm, fp, ru.ru_maxrss);
	free(t);
	free(f);
	live_free(&l);
	db_close(&db);
	return 0;
}
