/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * benchrun: runs a command several times and prints its median and worst
 * wall-clock time and its peak memory, for bench.sh.
 *
 *   benchrun RUNS COMMAND [ARGS...]
 *
 * prints "MEDIAN_MS WORST_MS PEAK_RSS_KB".  The command's output goes to
 * /dev/null; a run that fails (exit status other than 0 or 1, the
 * "nothing found" of look-ups) makes benchrun fail, so a broken operation
 * is never reported with a good time.
 *
 * With BENCH_DRAWN=FILE in the environment it also times each run up to
 * the moment the command closes FILE after writing it (inotify), and
 * prints that median fourth: the console's `--dump` writes its screen when
 * the first screen is drawn, so this is the time to the first screen,
 * without what quitting costs.
 */
#include <fcntl.h>
#include <libgen.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

/* An inotify descriptor watching the folder of BENCH_DRAWN's file for a
 * file closed after writing; -1 without BENCH_DRAWN.  The file is removed
 * first, so that only this run's writing counts. */
static int watch_drawn(const char *file)
{
	if (!file)
		return -1;
	char *copy = strdup(file);
	int fd = inotify_init1(IN_CLOEXEC);
	if (!copy || fd < 0 ||
	    inotify_add_watch(fd, dirname(copy), IN_CLOSE_WRITE) < 0) {
		perror("benchrun: inotify");
		exit(2);
	}
	free(copy);
	unlink(file);
	return fd;
}

/* Milliseconds from start until the file named by BENCH_DRAWN is closed
 * after writing; a run that never writes it within ten seconds fails. */
static double wait_drawn(int fd, const char *file, double start)
{
	char *copy = strdup(file);
	const char *name = copy ? basename(copy) : "";
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	struct pollfd p = { .fd = fd, .events = POLLIN };
	for (;;) {
		if (poll(&p, 1, 10000) != 1) {
			fprintf(stderr, "benchrun: %s was never written\n", file);
			exit(1);
		}
		ssize_t n = read(fd, buf, sizeof buf);
		for (ssize_t at = 0; n > 0 && at < n;) {
			const struct inotify_event *ev = (const void *)(buf + at);
			if (ev->len && strcmp(ev->name, name) == 0) {
				free(copy);
				return now_ms() - start;
			}
			at += (ssize_t)(sizeof *ev + ev->len);
		}
	}
}

/* Run argv once; returns its wall time, adds its peak RSS to *rss_kb and,
 * with BENCH_DRAWN set, the time until that file was written to *drawn. */
static double run_once(char **argv, long *rss_kb, double *drawn)
{
	const char *file = getenv("BENCH_DRAWN");
	int watch = watch_drawn(file);
	double start = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("benchrun: fork");
		exit(2);
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (watch >= 0) {
		*drawn = wait_drawn(watch, file, start);
		close(watch);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("benchrun: wait4");
		exit(2);
	}
	double ms = now_ms() - start;
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
		fprintf(stderr, "benchrun: %s failed (status %d)\n", argv[0],
			status);
		exit(1);
	}
	if (ru.ru_maxrss > *rss_kb)
		*rss_kb = ru.ru_maxrss;
	return ms;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: benchrun RUNS COMMAND [ARGS...]\n");
		return 2;
	}
	int runs = atoi(argv[1]);
	if (runs < 1)
		runs = 1;
	double *t = calloc((size_t)runs, sizeof *t);
	double *d = calloc((size_t)runs, sizeof *d);
	double warm;
	long rss = 0;
	run_once(argv + 2, &rss, &warm); /* warm the page cache */
	for (int i = 0; i < runs; i++)
		t[i] = run_once(argv + 2, &rss, &d[i]);
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	qsort(d, (size_t)runs, sizeof *d, cmp_double);
	printf("%.2f %.2f %ld", t[runs / 2], t[runs - 1], rss);
	if (getenv("BENCH_DRAWN"))
		printf(" %.2f", d[runs / 2]);
	printf("\n");
	free(t);
	free(d);
	return 0;
}
