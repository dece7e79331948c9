/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * replay_main: a plain main() for a fuzz harness, so that any compiler
 * (and the sanitizer build of make check) runs the harness over files:
 *   HARNESS_replay [FILE_OR_FOLDER...]
 * Each file is one input; with no argument, the harness's seed corpus and
 * regression inputs under $top_srcdir/tests/fuzz (FUZZ_NAME).  Prints one
 * TAP line per file; a crash is a crash (the test fails).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

static int n;

static void replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		printf("not ok %d - cannot read %s\n", ++n, path);
		return;
	}
	struct strbuf sb = {0};
	char buf[65536];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&sb, buf, got);
	fclose(f);
	LLVMFuzzerTestOneInput((const uint8_t *)sb_str(&sb), sb.len);
	printf("ok %d - %s\n", ++n, path);
	fflush(stdout);
	sb_free(&sb);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		replay_file(path);
		return;
	}
	DIR *d = opendir(path);
	if (!d)
		return;
	char **names = NULL;
	size_t count = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (count + 1) * sizeof *names);
		names[count++] = xasprintf("%s/%s", path, e->d_name);
	}
	closedir(d);
	if (count)
		qsort(names, count, sizeof *names, by_name);
	for (size_t i = 0; i < count; i++) {
		replay(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		replay(argv[i]);
	if (argc == 1) {
		const char *top = getenv("top_srcdir");
		if (!top)
			top = CLERK_SRCDIR;
		char *corpus = xasprintf("%s/tests/fuzz/corpus/%s", top, FUZZ_NAME);
		char *regress = xasprintf("%s/tests/fuzz/regressions/%s", top,
					  FUZZ_NAME);
		replay(corpus);
		replay(regress);
		free(corpus);
		free(regress);
	}
	printf("1..%d\n", n);
	return 0;
}
