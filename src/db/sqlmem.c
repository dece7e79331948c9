/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db/sqlmem: the memory SQLite allocates, from lists of freed blocks.
 *
 * Reading the schema (every command does it on opening) makes SQLite
 * allocate, copy and free some 30,000 small objects: the tables, the
 * audit and lock triggers and their expressions.  Through the C library's
 * malloc that was about 3 M instructions of `clerk members` on an empty
 * file, a quarter of it.  Here a small block (up to 1 KB) is taken from a
 * list of freed blocks of its size, or cut from a 64 KB chunk, and freeing
 * it puts it back on its list: a few instructions each.  The pages of
 * SQLite's cache have slots of their own (below); other large blocks go
 * to malloc as before.  Chunks are
 * kept for the life of the process: what SQLite freed is used again for
 * its next objects, so a long console session holds no more than its
 * largest moment did.
 *
 * Each thread has its own lists and chunk (clerk uses SQLite from one
 * thread, but a test's helper thread is then safe too).  A sanitizer build
 * leaves SQLite on malloc, so that AddressSanitizer still sees every block.
 */
#include "config.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db_private.h"

#if defined(__SANITIZE_ADDRESS__)
#define SQLMEM_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SQLMEM_OFF 1
#endif
#endif

#ifndef SQLMEM_OFF

#define SM_QUANTUM 16   /* block sizes are multiples of this */
#define SM_SMALL 1024   /* the largest block kept on a list */
#define SM_CHUNK 65536  /* cut into small blocks */
#define SM_HEAD 8       /* each block's size, before it */

struct sm_free {
	struct sm_free *next;
};

/* A chunk's first bytes link it to the previous one: kept reachable. */
struct sm_chunk {
	struct sm_chunk *prev;
};

static _Thread_local struct sm_free *sm_lists[SM_SMALL / SM_QUANTUM + 1];
static _Thread_local char *sm_next, *sm_end;
static _Thread_local struct sm_chunk *sm_chunks;

/* One 2 MB stretch of memory, asked of the kernel as a single huge page,
 * holds SQLite's page cache and the first chunks.  On the virtual
 * machines clerk is measured on, faulting in each new 4 KB page costs
 * about 10 us, and a command's page cache alone is a few hundred of them;
 * a huge page is one fault (BENCHMARKS.md, "Memory in one huge page").
 * Where the kernel's setting is [never] there is no stretch; where it
 * has no huge page to give at the moment, the stretch is ordinary memory,
 * and SQLite's writing to every slot as it starts faults in the 1.2 MB
 * of slots at once. */
#define SM_REGION ((size_t)2 << 20)
#define SM_PAGE 4096       /* clerk's page size: larger pages go to malloc */
#define SM_CACHE_SLOTS 272 /* db.c's 256 pages, and a few for a second file */

static char *sm_region;
static atomic_size_t sm_region_used; /* chunks are cut by any thread */

/* The stretch, aligned to 2 MB as a huge page must be, or NULL. */
static char *sm_region_map(void)
{
	size_t span = 2 * SM_REGION;
	char *p = mmap(NULL, span, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	char *region = (char *)(((uintptr_t)p + SM_REGION - 1) &
				~(uintptr_t)(SM_REGION - 1));
	char *end = region + SM_REGION;
	if (region > p)
		(void)munmap(p, (size_t)(region - p));
	if (end < p + span)
		(void)munmap(end, (size_t)(p + span - end));
#ifdef MADV_HUGEPAGE
	(void)madvise(region, SM_REGION, MADV_HUGEPAGE);
#endif
	return region;
}

/* Whether the kernel gives a huge page to memory that asks for one: its
 * setting is "[always]" or "[madvise]", not "[never]".  Without huge
 * pages the stretch is not worth having: SQLite writes to every slot of
 * the page cache as it starts, and each would be a fault of its own. */
static bool sm_huge_pages(void)
{
	char setting[64];
	int fd = open("/sys/kernel/mm/transparent_hugepage/enabled",
		      O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, setting, sizeof setting - 1);
	(void)close(fd);
	if (n <= 0)
		return false;
	setting[n] = '\0';
	return strstr(setting, "[never]") == NULL;
}

/* The page cache's slots first; chunks are cut from the rest.  Before
 * SQLite starts only: once it has (a test's own VFS), SQLite refuses the
 * slots and the whole stretch is left to chunks. */
static void sm_region_share(void)
{
	if (!sm_huge_pages())
		return;
	sm_region = sm_region_map();
	if (!sm_region)
		return;
	int header = 0;
	if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK)
		return;
	size_t slot = ((size_t)SM_PAGE + (size_t)header + 15) & ~(size_t)15;
	if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, sm_region, (int)slot,
			   SM_CACHE_SLOTS) == SQLITE_OK)
		atomic_store(&sm_region_used, slot * SM_CACHE_SLOTS);
}

/* A new chunk: from the stretch while it lasts, then from malloc. */
static void *sm_chunk_new(void)
{
	if (sm_region) {
		size_t at = atomic_fetch_add(&sm_region_used, SM_CHUNK);
		if (at + SM_CHUNK <= SM_REGION)
			return sm_region + at;
	}
	return malloc(SM_CHUNK);
}

static size_t sm_round(int n)
{
	size_t want = n > 0 ? (size_t)n : 1;
	if (want <= SM_SMALL)
		return (want + SM_QUANTUM - 1) & ~(size_t)(SM_QUANTUM - 1);
	return (want + 7) & ~(size_t)7;
}

static void *sm_large(size_t size)
{
	uint64_t *head = malloc(size + SM_HEAD);
	if (!head)
		return NULL;
	*head = size;
	return head + 1;
}

static void *sm_malloc(int n)
{
	size_t size = sm_round(n);
	if (size > SM_SMALL)
		return sm_large(size);
	struct sm_free **list = &sm_lists[size / SM_QUANTUM];
	if (*list) {
		struct sm_free *b = *list;
		*list = b->next;
		return b;
	}
	if ((size_t)(sm_end - sm_next) < size + SM_HEAD) {
		struct sm_chunk *c = sm_chunk_new();
		if (!c)
			return sm_large(size);
		c->prev = sm_chunks;
		sm_chunks = c;
		/* The head of the first block is at an 8-byte boundary after
		 * the link, so every block starts 8-byte aligned. */
		sm_next = (char *)c + 16 - SM_HEAD;
		sm_end = (char *)c + SM_CHUNK;
	}
	uint64_t *head = (uint64_t *)(void *)sm_next;
	*head = size;
	sm_next += size + SM_HEAD;
	return head + 1;
}

static int sm_size(void *p)
{
	return p ? (int)((uint64_t *)p)[-1] : 0;
}

static void sm_free(void *p)
{
	if (!p)
		return;
	size_t size = ((uint64_t *)p)[-1];
	if (size > SM_SMALL) {
		free((uint64_t *)p - 1);
		return;
	}
	struct sm_free *b = p;
	struct sm_free **list = &sm_lists[size / SM_QUANTUM];
	b->next = *list;
	*list = b;
}

static void *sm_realloc(void *p, int n)
{
	size_t old = ((uint64_t *)p)[-1];
	size_t size = sm_round(n);
	if (size == old)
		return p;
	if (old > SM_SMALL && size > SM_SMALL) {
		uint64_t *head = realloc((uint64_t *)p - 1, size + SM_HEAD);
		if (!head)
			return NULL;
		*head = size;
		return head + 1;
	}
	void *q = sm_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, old < size ? old : size);
	sm_free(p);
	return q;
}

static int sm_roundup(int n)
{
	return (int)sm_round(n);
}

static int sm_init(void *arg)
{
	(void)arg;
	return SQLITE_OK;
}

static void sm_shutdown(void *arg)
{
	(void)arg;
}

void db_sqlite_memory(void)
{
	static const sqlite3_mem_methods methods = {
		sm_malloc, sm_free,	sm_realloc,  sm_size,
		sm_roundup, sm_init, sm_shutdown, NULL,
	};
	(void)sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
	sm_region_share();
}

#else

void db_sqlite_memory(void)
{
}

#endif
