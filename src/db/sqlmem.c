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
 * it puts it back on its list: a few instructions each.  Larger blocks
 * (pages of the cache, big strings) go to malloc as before.  Chunks are
 * kept for the life of the process: what SQLite freed is used again for
 * its next objects, so a long console session holds no more than its
 * largest moment did.
 *
 * Each thread has its own lists and chunk (clerk uses SQLite from one
 * thread, but a test's helper thread is then safe too).  A sanitizer build
 * leaves SQLite on malloc, so that AddressSanitizer still sees every block.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
		struct sm_chunk *c = malloc(SM_CHUNK);
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
}

#else

void db_sqlite_memory(void)
{
}

#endif
