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
 * FAULTVFS_FULL_AFTER, FAULTVFS_FULL_FOR and FAULTVFS_CUT_AFTER from the
 * environment.
 */
#ifndef CLERK_FAULTVFS_H
#define CLERK_FAULTVFS_H

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
/* Revert every open file to its synced bytes now and _exit(0). */
void faultvfs_power_cut(void) __attribute__((noreturn));
/* Counters since registration: writes attempted, writes failed full,
 * syncs completed. */
long faultvfs_writes(void);
long faultvfs_failed(void);
long faultvfs_syncs(void);

#endif
