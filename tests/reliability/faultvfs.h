/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * faultvfs: a test-only SQLite VFS that wraps the default one to stage the
 * two disasters a clerk's laptop meets: a full disk and a power cut.
 *
 * - Full disk: after N more writes, every write fails with SQLITE_FULL (as
 *   ENOSPC does), until cleared.
 * - Power cut: every write and truncation since a file's last sync is
 *   remembered with the bytes it replaced; a power cut puts those bytes
 *   back, newest first, and cuts the file to its synced size, so what is
 *   left on disk is exactly what had been synced, then ends the process
 *   at once (_exit), as a power loss would.
 *
 * Linked into a test program (call faultvfs_register() first), or built as
 * faultvfs.so and preloaded into clerk (LD_PRELOAD), where it reads
 * FAULTVFS_FULL_AFTER, FAULTVFS_FULL_FOR, FAULTVFS_CUT_AFTER,
 * FAULTVFS_CUT_MODEL and FAULTVFS_CUT_SEED from the environment.
 */
#ifndef CLERK_FAULTVFS_H
#define CLERK_FAULTVFS_H

#include <stdbool.h>

/* What of the unsynced writes lands when the power is cut (faultvfs.c). */
enum faultvfs_model {
	FAULTVFS_LOSE_ALL, /* nothing unsynced */
	FAULTVFS_PREFIX,   /* all before a random point, the one at it torn */
	FAULTVFS_SUBSET,   /* each whole, torn or not at all, at random */
};

/* Make the fault VFS SQLite's default.  Returns an SQLite result code. */
int faultvfs_register(void);
/* After n more writes (n >= 0), fail every write with SQLITE_FULL; n < 0
 * clears the fault (the disk has room again). */
void faultvfs_full_after(long n);
/* Once full, fail only k writes, then have room again (k <= 0: stay full
 * until cleared).  Call after faultvfs_full_after(). */
void faultvfs_full_for(long k);
/* After n more writes, syncs or truncations (n >= 1), cut the power: revert
 * every open file to what was synced and _exit(0).  n <= 0: never. */
void faultvfs_cut_after(long n);
/* The model of the next cuts, and the seed of their random choices. */
void faultvfs_cut_model(enum faultvfs_model model, unsigned long seed);
/* At the n-th more write, sync, truncation or deletion (n >= 1), kill the
 * process with SIGKILL where it stands (what was written stays, as after
 * kill -9): before the operation, or once it is done (once_done: a kill
 * after a commit's last sync and before it is acknowledged); n <= 0:
 * never. */
void faultvfs_kill_after(long n, bool once_done);
/* Whether a sync reaches the disk (default true).  A power-cut harness
 * that stages the cut itself turns it off: what a cut leaves is decided by
 * the VFS's own account of syncs, and real ones only cost time. */
void faultvfs_real_syncs(bool on);
/* Revert every open file to its synced bytes, let land what the model
 * says, bring back files deleted without a folder sync, and _exit(0). */
void faultvfs_power_cut(void) __attribute__((noreturn));
/* Counters since registration: writes attempted, writes failed full,
 * syncs completed. */
long faultvfs_writes(void);
long faultvfs_failed(void);
long faultvfs_syncs(void);
/* Every I/O point so far: writes, syncs, truncations, deletions. */
long faultvfs_ops(void);

#endif
