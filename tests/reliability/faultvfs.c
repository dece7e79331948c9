/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * faultvfs: full disks and power cuts for SQLite, in a test (see faultvfs.h).
 *
 * Each file opened through the shim keeps an undo list: before a write or a
 * truncation reaches the real file, the bytes it will replace are read and
 * kept.  A sync empties the list (those bytes are now on the platter) and
 * notes the synced size.  A power cut walks every open file's list from the
 * newest entry back, writes the old bytes again, truncates to the synced
 * size, and leaves the process with _exit(0).  Shared memory (-shm) is
 * passed through untouched: after a real power cut it is rebuilt from the
 * WAL, and SQLite does the same here because no lock survives the process.
 * Files closed with unsynced data are not reverted (SQLite closes none in
 * WAL mode while a connection is open).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "faultvfs.h"

struct undo {
	struct undo *prev;
	sqlite3_int64 off;
	int len;
	unsigned char bytes[];
};

struct ffile {
	sqlite3_file base;
	sqlite3_file *real;
	struct ffile *next_open; /* the list of open files */
	struct ffile *prev_open;
	struct undo *undo;        /* newest first */
	sqlite3_int64 synced_size;
};

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static struct ffile *open_files;
static long full_after = -1, full_for = -1, cut_after = -1;
static long n_writes, n_failed, n_syncs;

long faultvfs_writes(void) { return n_writes; }
long faultvfs_failed(void) { return n_failed; }
long faultvfs_syncs(void) { return n_syncs; }
void faultvfs_full_after(long n) { full_after = n; full_for = -1; }
void faultvfs_full_for(long k) { full_for = k > 0 ? k : -1; }
void faultvfs_cut_after(long n) { cut_after = n > 0 ? n : -1; }

static void undo_clear(struct ffile *f)
{
	while (f->undo) {
		struct undo *u = f->undo;
		f->undo = u->prev;
		free(u);
	}
}

void faultvfs_power_cut(void)
{
	for (struct ffile *f = open_files; f; f = f->next_open) {
		for (struct undo *u = f->undo; u; u = u->prev)
			f->real->pMethods->xWrite(f->real, u->bytes, u->len, u->off);
		f->real->pMethods->xTruncate(f->real, f->synced_size);
	}
	_exit(0);
}

/* One more write, sync or truncation: is it the one the power dies on? */
static void tick(void)
{
	if (cut_after > 0 && --cut_after == 0)
		faultvfs_power_cut();
}

/* Keep the bytes [off, off+len) of f before they change. */
static int remember(struct ffile *f, sqlite3_int64 off, sqlite3_int64 len)
{
	sqlite3_int64 size = 0;
	int rc = f->real->pMethods->xFileSize(f->real, &size);
	if (rc != SQLITE_OK)
		return rc;
	if (off >= size || len <= 0)
		return SQLITE_OK; /* beyond the end: the truncation undoes it */
	if (off + len > size)
		len = size - off;
	struct undo *u = malloc(sizeof *u + (size_t)len);
	if (!u)
		return SQLITE_NOMEM;
	u->off = off;
	u->len = (int)len;
	rc = f->real->pMethods->xRead(f->real, u->bytes, (int)len, off);
	if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
		free(u);
		return rc;
	}
	u->prev = f->undo;
	f->undo = u;
	return SQLITE_OK;
}

#define REAL(f) (((struct ffile *)(f))->real)
#define RM(f) (REAL(f)->pMethods)

static int f_close(sqlite3_file *file)
{
	struct ffile *f = (struct ffile *)file;
	if (f->prev_open)
		f->prev_open->next_open = f->next_open;
	else
		open_files = f->next_open;
	if (f->next_open)
		f->next_open->prev_open = f->prev_open;
	undo_clear(f);
	return RM(f)->xClose(f->real);
}
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
	return RM(f)->xRead(REAL(f), b, n, o);
}
static int f_write(sqlite3_file *file, const void *b, int n, sqlite3_int64 o)
{
	struct ffile *f = (struct ffile *)file;
	n_writes++;
	if (full_after == 0) {
		n_failed++;
		if (full_for > 0 && --full_for == 0)
			full_after = -1; /* space was freed */
		return SQLITE_FULL;
	}
	if (full_after > 0)
		full_after--;
	tick();
	int rc = remember(f, o, n);
	return rc ? rc : RM(f)->xWrite(f->real, b, n, o);
}
static int f_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	struct ffile *f = (struct ffile *)file;
	tick();
	sqlite3_int64 old = 0;
	int rc = RM(f)->xFileSize(f->real, &old);
	if (!rc && old > size)
		rc = remember(f, size, old - size);
	return rc ? rc : RM(f)->xTruncate(f->real, size);
}
static int f_sync(sqlite3_file *file, int flags)
{
	struct ffile *f = (struct ffile *)file;
	tick();
	int rc = RM(f)->xSync(f->real, flags);
	if (rc == SQLITE_OK) {
		n_syncs++;
		undo_clear(f);
		rc = RM(f)->xFileSize(f->real, &f->synced_size);
	}
	return rc;
}
static int f_size(sqlite3_file *f, sqlite3_int64 *s) { return RM(f)->xFileSize(REAL(f), s); }
static int f_lock(sqlite3_file *f, int l) { return RM(f)->xLock(REAL(f), l); }
static int f_unlock(sqlite3_file *f, int l) { return RM(f)->xUnlock(REAL(f), l); }
static int f_check(sqlite3_file *f, int *o) { return RM(f)->xCheckReservedLock(REAL(f), o); }
static int f_fctl(sqlite3_file *f, int op, void *a) { return RM(f)->xFileControl(REAL(f), op, a); }
static int f_sector(sqlite3_file *f) { return RM(f)->xSectorSize(REAL(f)); }
static int f_chars(sqlite3_file *f) { return RM(f)->xDeviceCharacteristics(REAL(f)); }
static int f_shmmap(sqlite3_file *f, int i, int sz, int e, void volatile **p)
{
	return RM(f)->xShmMap(REAL(f), i, sz, e, p);
}
static int f_shmlock(sqlite3_file *f, int o, int n, int fl) { return RM(f)->xShmLock(REAL(f), o, n, fl); }
static void f_shmbarrier(sqlite3_file *f) { RM(f)->xShmBarrier(REAL(f)); }
static int f_shmunmap(sqlite3_file *f, int d) { return RM(f)->xShmUnmap(REAL(f), d); }

static const sqlite3_io_methods fault_methods = {
	2, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock,
	f_unlock, f_check, f_fctl, f_sector, f_chars, f_shmmap, f_shmlock,
	f_shmbarrier, f_shmunmap, NULL, NULL,
};

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file,
		  int flags, int *out_flags)
{
	(void)vfs;
	struct ffile *f = (struct ffile *)file;
	memset(f, 0, sizeof *f);
	f->real = (sqlite3_file *)(f + 1);
	int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
	if (rc != SQLITE_OK || !f->real->pMethods) {
		f->base.pMethods = NULL;
		return rc;
	}
	f->base.pMethods = &fault_methods;
	RM(f)->xFileSize(f->real, &f->synced_size);
	f->next_open = open_files;
	if (open_files)
		open_files->prev_open = f;
	open_files = f;
	return SQLITE_OK;
}

int faultvfs_register(void)
{
	if (real_vfs)
		return SQLITE_OK;
	int rc = sqlite3_initialize();
	if (rc != SQLITE_OK)
		return rc;
	real_vfs = sqlite3_vfs_find(NULL);
	fault_vfs = *real_vfs;
	fault_vfs.zName = "faultvfs";
	fault_vfs.pNext = NULL;
	fault_vfs.szOsFile = (int)sizeof(struct ffile) + real_vfs->szOsFile;
	fault_vfs.xOpen = v_open;
	return sqlite3_vfs_register(&fault_vfs, 1);
}

#ifdef FAULTVFS_PRELOAD
/* Preloaded into clerk: take the faults from the environment. */
__attribute__((constructor)) static void faultvfs_preload(void)
{
	const char *full = getenv("FAULTVFS_FULL_AFTER");
	const char *full_k = getenv("FAULTVFS_FULL_FOR");
	const char *cut = getenv("FAULTVFS_CUT_AFTER");
	if (faultvfs_register() != SQLITE_OK)
		return;
	if (full && *full)
		faultvfs_full_after(atol(full));
	if (full_k && *full_k)
		faultvfs_full_for(atol(full_k));
	if (cut && *cut)
		faultvfs_cut_after(atol(cut));
}
#endif
