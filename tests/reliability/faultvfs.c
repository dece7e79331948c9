/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * faultvfs: full disks and power cuts for SQLite, in a test (see faultvfs.h).
 *
 * Each file opened through the shim keeps a list of its unsynced
 * operations: before a write or a truncation reaches the real file, the
 * bytes it will replace are read and kept (to undo it), and a write's new
 * bytes too (to let it land again).  A sync empties the list (those bytes
 * are now on the platter) and notes the synced size.  A power cut walks
 * every open file's list from the newest entry back, writes the old bytes
 * again and truncates to the synced size: what is left is exactly what was
 * synced.  Then, by the model chosen (faultvfs_cut_model), some of the
 * unsynced operations land after all, in the order they were made:
 *
 * - FAULTVFS_LOSE_ALL: none (the disk had written nothing unsynced);
 * - FAULTVFS_PREFIX: every operation before a random point of the global
 *   order lands, and the one the point falls in is torn: a random subset of
 *   its 512-byte sectors lands (the disk was writing it when the power
 *   died);
 * - FAULTVFS_SUBSET: each operation lands whole, torn or not at all, at
 *   random (a disk's cache reorders writes between barriers).
 *
 * Directory entries: a file deleted without a directory sync (SQLite's
 * xDelete with syncDir 0: a rollback journal deleted under
 * synchronous=FULL) comes back after the cut with the content it had,
 * unless the directory was synced since (a delete with syncDir, or the
 * first sync of a journal or WAL SQLite created, which the unix VFS follows
 * with a sync of the directory).
 *
 * Then the process leaves with _exit(0).  Shared memory (-shm) is passed
 * through untouched: after a real power cut it is rebuilt from the WAL, and
 * SQLite does the same here because no lock survives the process.  Files
 * closed with unsynced data are not reverted (SQLite closes none in WAL
 * mode while a connection is open; a rollback journal is synced before it
 * is closed).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "faultvfs.h"

/* One unsynced write or truncation. */
struct undo {
	struct undo *prev;
	long seq;           /* its place in the order of all operations */
	bool truncation;    /* a truncation to `to` (else a write) */
	sqlite3_int64 to;
	sqlite3_int64 off;  /* the bytes it replaced: [off, off+len) */
	int len;
	sqlite3_int64 woff; /* a write's own bytes: [woff, woff+wlen) */
	int wlen;
	unsigned char *wrote;
	unsigned char bytes[];
};

/* A file deleted without a directory sync, with what it held. */
struct deleted {
	struct deleted *next;
	char *name;
	size_t len;
	unsigned char *bytes;
};

struct ffile {
	sqlite3_file base;
	sqlite3_file *real;
	struct ffile *next_open; /* the list of open files */
	struct ffile *prev_open;
	struct undo *undo;        /* newest first */
	sqlite3_int64 synced_size;
	bool dirsync;             /* its first sync also syncs its folder */
};

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static struct ffile *open_files;
static struct deleted *deleted_files;
static long full_after = -1, full_for = -1, cut_after = -1, kill_after = -1;
static bool kill_once_done; /* kill after the op instead of before it */
static long n_writes, n_failed, n_syncs, n_ops;
static enum faultvfs_model cut_model = FAULTVFS_LOSE_ALL;
static uint64_t rng = 88172645463325252ull;
static long landed_ops, torn_ops, revived_files;
static bool real_syncs = true;

long faultvfs_writes(void) { return n_writes; }
long faultvfs_failed(void) { return n_failed; }
long faultvfs_syncs(void) { return n_syncs; }
long faultvfs_ops(void) { return n_ops; }
void faultvfs_full_after(long n) { full_after = n; full_for = -1; }
void faultvfs_full_for(long k) { full_for = k > 0 ? k : -1; }
void faultvfs_cut_after(long n) { cut_after = n > 0 ? n : -1; }
void faultvfs_kill_after(long n, bool once_done)
{
	kill_after = n > 0 ? n : -1;
	kill_once_done = once_done;
}
void faultvfs_real_syncs(bool on) { real_syncs = on; }

void faultvfs_cut_model(enum faultvfs_model model, unsigned long seed)
{
	cut_model = model;
	rng = 0x9E3779B97F4A7C15ull * (seed + 1);
}

/* xorshift64: the same seed gives the same cut. */
static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void undo_clear(struct ffile *f)
{
	while (f->undo) {
		struct undo *u = f->undo;
		f->undo = u->prev;
		free(u->wrote);
		free(u);
	}
}

/* The folder was synced: every deletion in it is on the disk for good. */
static void deleted_clear(void)
{
	while (deleted_files) {
		struct deleted *d = deleted_files;
		deleted_files = d->next;
		free(d->name);
		free(d->bytes);
		free(d);
	}
}

#define SECTOR 512

/* Let a write land again, whole or (torn) a random subset of its sectors. */
static void land_write(struct ffile *f, const struct undo *u, bool torn)
{
	const sqlite3_io_methods *m = f->real->pMethods;
	if (!torn) {
		m->xWrite(f->real, u->wrote, u->wlen, u->woff);
		return;
	}
	torn_ops++;
	sqlite3_int64 at = u->woff, end = u->woff + u->wlen;
	while (at < end) {
		sqlite3_int64 next = (at / SECTOR + 1) * SECTOR;
		if (next > end)
			next = end;
		if (rnd() & 1)
			m->xWrite(f->real, u->wrote + (at - u->woff),
				  (int)(next - at), at);
		at = next;
	}
}

/* Which unsynced operations land after the cut: 0 not at all, 1 whole,
 * 2 torn. */
static int landing(long seq, long point)
{
	switch (cut_model) {
	case FAULTVFS_PREFIX:
		return seq < point ? 1 : seq == point ? 2 : 0;
	case FAULTVFS_SUBSET: {
		unsigned r = (unsigned)(rnd() % 4);
		return r < 2 ? (int)r : r == 2 ? 1 : 2;
	}
	default:
		return 0;
	}
}

void faultvfs_power_cut(void)
{
	long first = -1, last = -1;
	for (struct ffile *f = open_files; f; f = f->next_open) {
		for (struct undo *u = f->undo; u; u = u->prev) {
			f->real->pMethods->xWrite(f->real, u->bytes, u->len, u->off);
			if (first < 0 || u->seq < first)
				first = u->seq;
			if (u->seq > last)
				last = u->seq;
		}
		f->real->pMethods->xTruncate(f->real, f->synced_size);
	}
	long point = first < 0 ? 0 : first + (long)(rnd() % (uint64_t)(last - first + 2));
	for (struct ffile *f = open_files; f; f = f->next_open) {
		/* oldest first: the order they were made in */
		size_t n = 0;
		for (struct undo *u = f->undo; u; u = u->prev)
			n++;
		struct undo **v = malloc((n ? n : 1) * sizeof *v);
		if (!v)
			break;
		size_t k = n;
		for (struct undo *u = f->undo; u; u = u->prev)
			v[--k] = u;
		for (size_t i = 0; i < n; i++) {
			int how = landing(v[i]->seq, point);
			if (!how)
				continue;
			landed_ops++;
			if (v[i]->truncation)
				f->real->pMethods->xTruncate(f->real, v[i]->to);
			else
				land_write(f, v[i], how == 2);
		}
		free(v);
	}
	/* Deletions the folder never synced: the files are back. */
	for (struct deleted *d = deleted_files; d; d = d->next) {
		int fd = open(d->name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0)
			continue;
		if (write(fd, d->bytes, d->len) == (ssize_t)d->len)
			revived_files++;
		close(fd);
	}
	const char *report = getenv("FAULTVFS_REPORT_FD");
	if (report && *report)
		dprintf(atoi(report), "cut landed %ld torn %ld revived %ld\n",
			landed_ops, torn_ops, revived_files);
	_exit(0);
}

/* One more write, sync, truncation or deletion: is it the one the power
 * dies on (or the process is killed at)? */
static void tick(void)
{
	n_ops++;
	if (cut_after > 0 && --cut_after == 0)
		faultvfs_power_cut();
	if (kill_after > 0 && --kill_after == 0 && !kill_once_done)
		raise(SIGKILL);
}

/* The operation tick() counted is done: the kill that waited for it. */
static int done(int rc)
{
	if (kill_after == 0 && kill_once_done)
		raise(SIGKILL);
	return rc;
}

/* Keep the bytes [off, off+len) of f before they change, and what a write
 * puts there (wrote, wlen) or the size a truncation leaves (wrote NULL). */
static int remember(struct ffile *f, sqlite3_int64 off, sqlite3_int64 len,
		    const void *wrote, int wlen)
{
	static long seq;
	sqlite3_int64 size = 0;
	int rc = f->real->pMethods->xFileSize(f->real, &size);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_int64 keep = off >= size || len <= 0 ? 0 /* beyond the end: the
							   truncation undoes it */
			     : off + len > size	      ? size - off
						      : len;
	struct undo *u = calloc(1, sizeof *u + (size_t)keep);
	if (!u)
		return SQLITE_NOMEM;
	u->seq = seq++;
	u->off = off;
	u->len = (int)keep;
	u->truncation = wrote == NULL;
	u->to = off;
	if (wrote) {
		u->woff = off;
		u->wlen = wlen;
		u->wrote = malloc((size_t)wlen ? (size_t)wlen : 1);
		if (!u->wrote) {
			free(u);
			return SQLITE_NOMEM;
		}
		memcpy(u->wrote, wrote, (size_t)wlen);
	}
	if (keep) {
		rc = f->real->pMethods->xRead(f->real, u->bytes, (int)keep, off);
		if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
			free(u->wrote);
			free(u);
			return rc;
		}
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
	int rc = remember(f, o, n, b, n);
	return done(rc ? rc : RM(f)->xWrite(f->real, b, n, o));
}
static int f_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	struct ffile *f = (struct ffile *)file;
	tick();
	sqlite3_int64 old = 0;
	int rc = RM(f)->xFileSize(f->real, &old);
	if (!rc)
		rc = remember(f, size, old > size ? old - size : 0, NULL, 0);
	return done(rc ? rc : RM(f)->xTruncate(f->real, size));
}
static int f_sync(sqlite3_file *file, int flags)
{
	struct ffile *f = (struct ffile *)file;
	tick();
	int rc = real_syncs ? RM(f)->xSync(f->real, flags) : SQLITE_OK;
	if (rc == SQLITE_OK) {
		n_syncs++;
		undo_clear(f);
		rc = RM(f)->xFileSize(f->real, &f->synced_size);
		if (f->dirsync) {
			/* the unix VFS syncs the folder of a journal or WAL it
			 * created at its first sync */
			f->dirsync = false;
			deleted_clear();
		}
	}
	return done(rc);
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
	f->dirsync = (flags & SQLITE_OPEN_CREATE) &&
		     (flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL |
			       SQLITE_OPEN_WAL));
	f->next_open = open_files;
	if (open_files)
		open_files->prev_open = f;
	open_files = f;
	return SQLITE_OK;
}

/* A deletion without syncDir is not on the disk until the folder is
 * synced: keep what the file holds, to bring it back at a cut. */
static int v_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	tick();
	if (sync_dir) {
		int rc = real_vfs->xDelete(real_vfs, name, sync_dir);
		if (rc == SQLITE_OK)
			deleted_clear();
		return done(rc);
	}
	int fd = open(name, O_RDONLY);
	if (fd >= 0) {
		struct deleted *d = calloc(1, sizeof *d);
		off_t size = lseek(fd, 0, SEEK_END);
		if (d && size >= 0 && (d->name = strdup(name)) &&
		    (d->bytes = malloc((size_t)size + 1)) &&
		    pread(fd, d->bytes, (size_t)size, 0) == (ssize_t)size) {
			d->len = (size_t)size;
			d->next = deleted_files;
			deleted_files = d;
		} else if (d) {
			free(d->name);
			free(d->bytes);
			free(d);
		}
		close(fd);
	}
	return done(real_vfs->xDelete(real_vfs, name, sync_dir));
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
	fault_vfs.xDelete = v_delete;
	return sqlite3_vfs_register(&fault_vfs, 1);
}

#ifdef FAULTVFS_PRELOAD
/* Preloaded into clerk: take the faults from the environment. */
__attribute__((constructor)) static void faultvfs_preload(void)
{
	const char *full = getenv("FAULTVFS_FULL_AFTER");
	const char *full_k = getenv("FAULTVFS_FULL_FOR");
	const char *cut = getenv("FAULTVFS_CUT_AFTER");
	const char *model = getenv("FAULTVFS_CUT_MODEL");
	const char *seed = getenv("FAULTVFS_CUT_SEED");
	if (faultvfs_register() != SQLITE_OK)
		return;
	if (model && *model)
		faultvfs_cut_model((enum faultvfs_model)atoi(model),
				   seed ? strtoul(seed, NULL, 10) : 0);
	if (full && *full)
		faultvfs_full_after(atol(full));
	if (full_k && *full_k)
		faultvfs_full_for(atol(full_k));
	if (cut && *cut)
		faultvfs_cut_after(atol(cut));
}
#endif
