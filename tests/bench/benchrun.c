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
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Run argv once; returns its wall time, adds its peak RSS to *rss_kb. */
static double run_once(char **argv, long *rss_kb)
{
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
	long rss = 0;
	run_once(argv + 2, &rss); /* warm the page cache */
	for (int i = 0; i < runs; i++)
		t[i] = run_once(argv + 2, &rss);
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	printf("%.2f %.2f %ld\n", t[runs / 2], t[runs - 1], rss);
	free(t);
	return 0;
}
