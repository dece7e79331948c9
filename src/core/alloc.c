/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core/alloc: allocation that reports exhaustion instead of returning NULL.
 * Every change is committed as it is made, so ending the process here loses
 * nothing that was shown as saved. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk/core.h"

static void (*before_exit)(void);

void xalloc_on_exhaustion(void (*restore)(void))
{
	before_exit = restore;
}

/* Exit 4, the storage status, as SQLite's own out-of-memory path gives:
 * not abort(), whose core dump and exit 134 read as a crash.  An open
 * transaction is rolled back by SQLite when the process ends; a file being
 * exported is written under a temporary name and never renamed. */
static void *out_of_memory(size_t size)
{
	if (before_exit)
		before_exit(); /* the terminal, when a console is open */
	fprintf(stderr,
		"clerk: out of memory (asked for %zu bytes): stopped; every "
		"change shown as saved is kept, nothing else was written\n",
		size);
	_exit(4);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	return p ? p : out_of_memory(size);
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	return p ? p : out_of_memory(count * size);
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	return p ? p : out_of_memory(size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	return sb_detach(&sb);
}

void xfree(void *pp)
{
	void **p = pp;
	free(*p);
	*p = NULL;
}
