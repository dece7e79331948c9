/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db: opening the clerk file safely, migrations, statements, transactions.
 *
 * Durability: WAL with synchronous=FULL makes every commit reach the disk
 * (one fdatasync, ~0.25 ms here) before clerk shows it as saved; a simulated
 * power cut lost nothing in that mode.  On a network filesystem, where WAL's
 * shared memory is unsafe, the file falls back to a rollback journal with
 * synchronous=EXTRA.
 *
 * Safety of other files: before SQLite touches a path, clerk checks that it
 * is empty, absent, or an SQLite file carrying clerk's application_id, so that
 * a mistyped --db never modifies someone else's data.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "db_private.h"

#define STMT_CACHE_MAX 512

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
	unsigned watch_gen; /* db->watch_gen when prepared */
};

/* How long a statement waits for another connection's lock. */
#define DB_BUSY_TIMEOUT_MS 5000

/* The pages of the file each connection keeps in memory (limit_cache). */
#define DB_CACHE_PAGES 256

struct db {
	sqlite3 *sql;
	char *path;
	bool readonly;
	char *repair; /* why writes are refused until clerk check --repair */
	long long work_left; /* db_limit_work: progress calls still allowed */
	int depth; /* open db_begin() calls: 1 = BEGIN, more = SAVEPOINTs */
	int wal_frames; /* frames in the WAL after the last commit (deferred
			   checkpoints only) */
	sqlite3_int64 wal_room; /* bytes db_idle() keeps in the WAL file of an
				   interactive writer in WAL mode; 0: none */
	bool wal_restart; /* the WAL was wholly checkpointed and no commit
			     has restarted it since (db_idle does) */
	bool fts_merge; /* committed since db_idle last found nothing to
			   merge in the search index (db_idle merges) */
	bool interactive; /* db_interactive_writer: its idle moments keep
			     the search index merged */
	bool defer_search; /* an interactive writer of a file at step 14 or
			      later: its captures are noted in
			      search_pending, indexed when idle */
	bool search_pending; /* may have noted captures not indexed yet
				(db_idle and db_close index them) */
	sqlite3_int64 words_seen; /* sqlite3_total_changes64 when the
				     search index's new words were last
				     listed (db_idle and db_close list them
				     after any write: wordlist.c) */
	char *who; /* user_who(), for the audit, read at its first use */
	bool schema_expected; /* check_roots read the schema and found it
				 exactly db_expected_rows */
	unsigned watch_want; /* watched tables a statement would write whose
				triggers this connection has not made yet */
	unsigned watch_made; /* watched tables whose triggers it has made */
	unsigned watch_txn;  /* ... of those, made in the open transaction */
	unsigned watch_gen;  /* counts the rollbacks that took some away */
	size_t nstmts;
	struct stmt_slot stmts[STMT_CACHE_MAX];
};

/* ---- paths ---- */

char *db_default_path(const char *explicit_path)
{
	if (explicit_path && *explicit_path)
		return xstrdup(explicit_path);
	const char *env = getenv("CLERK_DB");
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/clerk/clerk.db", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/clerk/clerk.db", home ? home : ".");
}

/* mkdir -p for the folder holding path, private to the user. */
static enum clerk_status make_parent_dirs(const char *path,
					  struct clerk_err *err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	enum clerk_status rc = CLERK_OK;
	if (!slash || slash == dir)
		goto out;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			rc = clerk_fail(err, CLERK_IO, "cannot create folder %s: %s",
					dir, strerror(errno));
			goto out;
		}
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		rc = clerk_fail(err, CLERK_IO, "cannot create folder %s: %s", dir,
				strerror(errno));
out:
	free(dir);
	return rc;
}

/* SQLite opens the file with O_NOFOLLOW (a link could lead a write out of
 * the folder the clerk chose), so a link would otherwise be refused with
 * "cannot open" or as not an SQLite file: say what it is and where it leads. */
static enum clerk_status refuse_link(const char *path, struct clerk_err *err)
{
	char *target = realpath(path, NULL);
	enum clerk_status rc = clerk_fail(
		err, CLERK_FOREIGN,
		"%s is a symbolic link: clerk opens a database only by the "
		"file's own path, with its journal beside it; give %s instead",
		path, target ? target : "the path of the file it leads to");
	free(target);
	return rc;
}

/* A database with a second name (a hard link) has two places for its
 * journal, as a symbolic link would: SQLite keeps the -wal and -shm
 * files beside the name it was given, so a writer through one name and
 * a reader or writer through the other would not see each other's
 * changes, and a checkpoint through one could overwrite the other's. */
static enum clerk_status refuse_names(const char *path, nlink_t names,
				      struct clerk_err *err)
{
	return clerk_fail(err, CLERK_FOREIGN,
			  "%s has %ju names (hard links): clerk keeps a "
			  "database's journal beside the name it is given, so "
			  "each name would have its own; copy it (cp %s COPY) "
			  "and open the copy, or remove the other names",
			  path, (uintmax_t)names, path);
}

/* Refuse anything that is not absent, empty, or an SQLite file. */
static enum clerk_status check_file_kind(const char *path, bool *exists,
					 struct clerk_err *err)
{
	struct stat st;
	*exists = false;
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return CLERK_OK;
		return clerk_fail(err, CLERK_IO, "cannot open %s: %s", path,
				  strerror(errno));
	}
	if (S_ISLNK(st.st_mode))
		return refuse_link(path, err);
	if (S_ISDIR(st.st_mode))
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s is a folder, not a clerk database", path);
	*exists = true;
	if (S_ISREG(st.st_mode) && st.st_nlink > 1)
		return refuse_names(path, st.st_nlink, err);
	if (st.st_size == 0)
		return CLERK_OK;
	/* Through SQLite's VFS, not open()/close(): closing a descriptor of a
	 * file drops every POSIX lock this process holds on it, and another
	 * connection of this process may have it open; SQLite's VFS keeps such
	 * a descriptor until those locks are gone. */
	char head[16] = {0};
	if (access(path, R_OK) != 0)
		return clerk_fail(err, CLERK_IO, "cannot read %s: %s", path,
				  strerror(errno));
	sqlite3_vfs *vfs = sqlite3_vfs_find(NULL);
	sqlite3_file *f = vfs ? xcalloc(1, (size_t)vfs->szOsFile) : NULL;
	int flags = 0;
	bool got = f &&
		   vfs->xOpen(vfs, path, f, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB,
			      &flags) == SQLITE_OK &&
		   f->pMethods &&
		   f->pMethods->xRead(f, head, (int)sizeof head, 0) == SQLITE_OK;
	if (f && f->pMethods)
		f->pMethods->xClose(f);
	free(f);
	if (!got || memcmp(head, "SQLite format 3", 16) != 0)
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s is not a clerk database (not an SQLite file); "
				  "it was left untouched",
				  path);
	return CLERK_OK;
}

/* Create an absent file with mode 0600 before SQLite opens it, so that the
 * minutes of exempt items are never readable by other users. */
static enum clerk_status create_private_file(const char *path,
					     struct clerk_err *err)
{
	enum clerk_status rc = make_parent_dirs(path, err);
	if (rc)
		return rc;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return clerk_fail(err, errno == EROFS || errno == EACCES
					       ? CLERK_READONLY
					       : CLERK_IO,
				  "cannot create %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return CLERK_OK;
}

/* True for NFS, SMB/CIFS and FUSE mounts, where WAL's shared memory is
 * unsafe.  CLERK_ASSUME_NETWORK_FS=1 makes every path count as one, so that
 * a test can prove the fallback without a network mount. */
static bool on_network_fs(const char *path)
{
	const char *assume = getenv("CLERK_ASSUME_NETWORK_FS");
	if (assume && strcmp(assume, "1") == 0)
		return true;
	struct statfs fs;
	if (statfs(path, &fs) != 0)
		return false;
	switch ((unsigned long)fs.f_type) {
	case 0x6969UL:     /* NFS */
	case 0x517BUL:     /* SMB */
	case 0xFF534D42UL: /* CIFS */
	case 0xFE534D42UL: /* SMB2 */
	case 0x65735546UL: /* FUSE (sshfs and friends) */
		return true;
	default:
		return false;
	}
}

/* ---- the clock inside SQL ---- */

static void sql_clerk_now(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	char buf[CLERK_TIME_LEN];
	time_format_utc(clock_now(), buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* Who makes the change, for the audit triggers: read once a connection. */
static void sql_clerk_user(sqlite3_context *ctx, int argc,
			   sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct db *db = sqlite3_user_data(ctx);
	if (!db->who)
		db->who = user_who();
	sqlite3_result_text(ctx, db->who, -1, SQLITE_STATIC);
}

/* ---- errors ---- */

/* The sentence of a file whose triggers or indexes need repairing. */
static enum clerk_status needs_repair(struct db *db, struct clerk_err *err)
{
	return clerk_fail(err, CLERK_READONLY,
			  "%s cannot be changed until it is repaired (%s): the "
			  "rules that lock confirmed minutes and audit every "
			  "change must be clerk's own; run 'clerk check --repair'",
			  db->path, db->repair);
}


enum clerk_status db_fail(struct db *db, struct clerk_err *err,
			  const char *doing)
{
	int code = db && db->sql ? sqlite3_extended_errcode(db->sql) : SQLITE_ERROR;
	const char *msg = db && db->sql ? sqlite3_errmsg(db->sql) : "no database";
	const char *path = db ? db->path : "";
	switch (code & 0xFF) {
	case SQLITE_FULL:
		return clerk_fail(err, CLERK_FULL,
				  "the disk holding %s is full: %s was not saved; "
				  "free some space and try again",
				  path, doing);
	case SQLITE_READONLY:
		if (db->repair)
			return needs_repair(db, err);
		return clerk_fail(err, CLERK_READONLY,
				  "%s is read-only: %s was refused", path, doing);
	case SQLITE_CONSTRAINT:
		if (strstr(msg, "minutes confirmed"))
			return clerk_fail(err, CLERK_LOCKED,
					  "these minutes were confirmed and signed; "
					  "they are a legal record and cannot be "
					  "changed (%s refused): record a correction "
					  "instead",
					  doing);
		return clerk_fail(err, CLERK_INVALID, "%s was refused: %s", doing,
				  msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return clerk_fail(err, CLERK_DB,
				  "%s stayed busy in another program for 5 seconds: "
				  "%s did not go through (nothing was changed); try "
				  "again",
				  path, doing);
	case SQLITE_INTERRUPT:
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s: %s was stopped: it took far more work than "
				  "a file of this size needs (a damaged or hostile "
				  "file?); nothing was changed",
				  path, doing);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		/* Name what could not be read: a look-up that meets a
		 * damaged table says which records are missing from its
		 * answer, not only that the file is damaged. */
		if (strncmp(doing, "reading ", 8) == 0 ||
		    strncmp(doing, "listing ", 8) == 0)
			return clerk_fail(err, CLERK_FOREIGN,
					  "could not read %s (%s is damaged or "
					  "not a clerk database (%s))",
					  doing + 8, path, msg);
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s is damaged or not a clerk database (%s): "
				  "%s failed",
				  path, msg, doing);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return clerk_fail(err, CLERK_IO, "%s: %s failed: %s", path, doing,
				  msg);
	default:
		return clerk_fail(err, CLERK_DB, "%s: %s failed: %s", path, doing,
				  msg);
	}
}

/* ---- statements ---- */

static enum clerk_status watch_make(struct db *db, struct clerk_err *err);
static void watch_remake(struct db *db);
static void search_defer(struct db *db);

/* Prepare one statement; a statement refused because it writes a table
 * whose audit triggers this connection has not made yet (see
 * watch_authorize) is prepared again once they are made. */
static int prepare_watched(struct db *db, const char *sql, unsigned flags,
			   sqlite3_stmt **stmt, const char **tail)
{
	int rc = sqlite3_prepare_v3(db->sql, sql, -1, flags, stmt, tail);
	if (rc == SQLITE_AUTH && (db->watch_want & ~db->watch_made)) {
		if (watch_make(db, NULL) == CLERK_OK)
			rc = sqlite3_prepare_v3(db->sql, sql, -1, flags, stmt,
						tail);
	}
	return rc;
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct clerk_err *err)
{
	struct stmt_slot *slot = NULL;
	for (size_t i = 0; i < db->nstmts && !slot; i++)
		if (db->stmts[i].sql == sql)
			slot = &db->stmts[i];
	/* A rollback took triggers away (watch_remake): a kept statement
	 * is prepared again here, where the triggers it needs can be made,
	 * rather than by SQLite inside sqlite3_step, where they cannot. */
	if (slot && slot->stmt && slot->watch_gen == db->watch_gen)
		return slot->stmt;
	if (slot) {
		sqlite3_finalize(slot->stmt);
		slot->stmt = NULL;
	}
	sqlite3_stmt *stmt = NULL;
	if (prepare_watched(db, sql, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) !=
	    SQLITE_OK) {
		db_fail(db, err, "preparing a query");
		return NULL;
	}
	if (!slot && db->nstmts < STMT_CACHE_MAX)
		slot = &db->stmts[db->nstmts++];
	if (slot) {
		slot->sql = sql;
		slot->stmt = stmt;
		slot->watch_gen = db->watch_gen;
	}
	/* A full cache is a programming error caught in tests; the statement
	 * still works but leaks until close.  512 is far more than clerk uses. */
	return stmt;
}

void db_done(sqlite3_stmt *stmt)
{
	if (stmt) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
	}
}

/* As sqlite3_exec, one statement at a time, so that a statement that
 * writes a watched table is prepared again once its triggers are made
 * (without running the statements before it twice). */
enum clerk_status db_exec(struct db *db, const char *sql, struct clerk_err *err)
{
	const char *next = sql;
	while (next && *next) {
		sqlite3_stmt *st = NULL;
		const char *tail = NULL;
		if (prepare_watched(db, next, 0, &st, &tail) != SQLITE_OK)
			return db_fail(db, err, "a database update");
		next = tail;
		if (!st) /* only blanks or a comment */
			continue;
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE) {
			enum clerk_status f = db_fail(db, err, "a database update");
			sqlite3_finalize(st);
			return f;
		}
		sqlite3_finalize(st);
	}
	return CLERK_OK;
}

/* Transactions nest: the outermost db_begin() is BEGIN IMMEDIATE, inner
 * ones are savepoints, so that an action made of several model writes (end
 * one item, start the next) can be committed as one: a kill between them
 * then leaves neither.  SQLite may roll a whole transaction back by itself
 * (a full disk): the depth is then taken as 0 again.  The statements are
 * prepared once and kept (one minute point of the live console opens and
 * closes six: parsing them each time was a fifth of its instructions). */
static const char sql_begin[] = "BEGIN IMMEDIATE";
static const char sql_savepoint[] = "SAVEPOINT clerk_nested";
static const char sql_release[] = "RELEASE clerk_nested";
static const char sql_commit[] = "COMMIT";

/* Run one kept statement that returns no rows. */
static enum clerk_status db_run_kept(struct db *db, const char *sql,
				     struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, err, "a database update");
	sqlite3_reset(st);
	return rc;
}

static void sync_depth(struct db *db)
{
	if (sqlite3_get_autocommit(db->sql)) {
		/* SQLite rolled the transaction back by itself (a full
		 * disk): the triggers made in it are gone with it. */
		if (db->depth > 0 && db->watch_txn)
			watch_remake(db);
		db->depth = 0;
	}
}

enum clerk_status db_begin(struct db *db, struct clerk_err *err)
{
	if (db->repair)
		return needs_repair(db, err);
	if (db->readonly)
		return clerk_fail(err, CLERK_READONLY,
				  "%s is read-only: changes are refused (look-ups "
				  "still work)",
				  db->path);
	sync_depth(db);
	enum clerk_status rc =
		db_run_kept(db, db->depth ? sql_savepoint : sql_begin, err);
	if (!rc)
		db->depth++;
	return rc;
}

enum clerk_status db_commit(struct db *db, struct clerk_err *err)
{
	sync_depth(db);
	if (db->depth > 1) {
		enum clerk_status rc = db_run_kept(db, sql_release, err);
		if (rc)
			db_rollback(db);
		else
			db->depth--;
		return rc;
	}
	enum clerk_status rc = db_run_kept(db, sql_commit, err);
	if (rc) {
		db_rollback(db);
	} else {
		db->depth = 0;
		db->watch_txn = 0;
		db->fts_merge = true;
		db->search_pending = db->defer_search;
	}
	return rc;
}

void db_rollback(struct db *db)
{
	sync_depth(db);
	if (db->depth > 1) {
		sqlite3_exec(db->sql,
			     "ROLLBACK TO clerk_nested; RELEASE clerk_nested",
			     NULL, NULL, NULL);
		db->depth--;
		watch_remake(db);
		return;
	}
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	db->depth = 0;
	watch_remake(db);
}

/* ---- small helpers ---- */

/* n random bytes from the kernel (getrandom, else /dev/urandom). */
static void random_bytes(unsigned char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = getrandom(buf + got, n - got, 0);
		if (r > 0)
			got += (size_t)r;
		else if (r < 0 && errno != EINTR)
			break;
	}
	if (got < n) {
		int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
		while (fd >= 0 && got < n) {
			ssize_t r = read(fd, buf + got, n - got);
			if (r > 0)
				got += (size_t)r;
			else if (r == 0 || errno != EINTR)
				break;
		}
		if (fd >= 0)
			close(fd);
	}
	if (got < n) {
		/* Ids that might repeat would merge records that differ. */
		fputs("clerk: no random numbers from the system: cannot make "
		      "a new id\n",
		      stderr);
		abort();
	}
}

/* A random UUID (version 4, RFC 9562), lower case, from the kernel's
 * random source in one system call.  libuuid's uuid_generate_random made
 * six for each (it stirs its own generator with getpid, getuid, getppid
 * and gettid): a minute point takes two, twelve of the 43 system calls it
 * made.  And libuuid, loaded by every command at start for these two
 * small functions, cost each 0.05 M instructions. */
void db_uuid(char out[CLERK_UUID_LEN])
{
	unsigned char u[16];
	random_bytes(u, sizeof u);
	u[6] = (unsigned char)((u[6] & 0x0f) | 0x40); /* version 4 */
	u[8] = (unsigned char)((u[8] & 0x3f) | 0x80); /* RFC variant */
	static const char hex[] = "0123456789abcdef";
	char *p = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[u[i] >> 4];
		*p++ = hex[u[i] & 15];
	}
	*p = '\0';
}

/* 8-4-4-4-12 hexadecimal digits of either case, as libuuid's uuid_parse
 * accepted. */
bool db_is_uuid(const char *s)
{
	if (!s || strlen(s) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		char c = s[i];
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (c != '-')
				return false;
		} else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
			     (c >= 'A' && c <= 'F'))) {
			return false;
		}
	}
	return true;
}

void db_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s)
		sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, idx);
}

const char *db_col_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *t = sqlite3_column_text(stmt, col);
	return t ? (const char *)t : "";
}

char *db_col_dup(sqlite3_stmt *stmt, int col)
{
	return xstrdup(db_col_text(stmt, col));
}

sqlite3 *db_handle(struct db *db)
{
	return db->sql;
}

/* ---- checkpoints ---- */

/* SQLite copies the WAL into the file (a checkpoint, with an fsync of the
 * file) at the commit that takes the WAL past 1,000 pages: one commit in
 * fifty in a live meeting waits several times the fsync.  A console defers
 * that to its idle moments; these bound the WAL meanwhile. */
#define DB_WAL_IDLE_FRAMES 1000  /* checkpoint when idle beyond this */
#define DB_WAL_FORCE_FRAMES 8000 /* never idle: checkpoint at commit */

static void db_checkpoint(struct db *db)
{
	int log = 0, done = 0;
	if (sqlite3_wal_checkpoint_v2(db->sql, NULL, SQLITE_CHECKPOINT_PASSIVE,
				      &log, &done) == SQLITE_OK &&
	    done >= log) {
		db->wal_frames = 0;
		db->wal_restart = log > 0;
	}
}

static int db_wal_hook(void *arg, sqlite3 *sql, const char *name, int frames)
{
	(void)sql;
	(void)name;
	struct db *db = arg;
	db->wal_frames = frames;
	db->wal_restart = false;
	if (frames >= DB_WAL_FORCE_FRAMES)
		db_checkpoint(db);
	return SQLITE_OK;
}

/* Room the WAL file is given when idle: the frames written between two
 * idle checkpoints, and a burst beyond them. */
#define DB_WAL_ROOM_FRAMES (DB_WAL_IDLE_FRAMES + 250)

static bool db_in_wal_mode(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA journal_mode", NULL);
	bool wal = st && sqlite3_step(st) == SQLITE_ROW &&
		   strcmp(db_col_text(st, 0), "wal") == 0;
	if (st)
		db_done(st);
	return wal;
}

/* The WAL file's size with room for DB_WAL_ROOM_FRAMES frames, or 0 when
 * the connection is not in WAL mode (a rollback journal on a network
 * filesystem).  The page size of a WAL file cannot change. */
static sqlite3_int64 db_wal_room_bytes(struct db *db)
{
	if (!db_in_wal_mode(db))
		return 0;
	sqlite3_stmt *st = db_stmt(db, "PRAGMA page_size", NULL);
	sqlite3_int64 page = 4096;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		page = sqlite3_column_int64(st, 0);
	if (st)
		db_done(st);
	return 32 + DB_WAL_ROOM_FRAMES * (24 + page); /* header, frames */
}

/* Zeros written to the WAL file from its end up to `want` bytes, and
 * synced; false if the disk refused (the file may then be longer, which
 * is harmless).  Its size is read again here, under the write lock. */
static bool wal_fill_zeros(sqlite3_file *wal, sqlite3_int64 want)
{
	static const char zeros[65536];
	sqlite3_int64 size = 0;
	if (wal->pMethods->xFileSize(wal, &size) != SQLITE_OK)
		return false;
	while (size < want) {
		int n = want - size < (sqlite3_int64)sizeof zeros
				? (int)(want - size)
				: (int)sizeof zeros;
		if (wal->pMethods->xWrite(wal, zeros, n, size) != SQLITE_OK)
			return false;
		size += n;
	}
	return wal->pMethods->xSync(wal, SQLITE_SYNC_NORMAL) == SQLITE_OK;
}

/* Give the WAL file room for the frames of the coming commits, so that a
 * commit overwrites blocks the file already has.  A commit that appends to
 * the file makes its fdatasync also write the file's new size to the
 * filesystem's journal: on the benchmark's disk an 84 KB write with
 * fdatasync took 0.39 ms (p99 0.75) growing a file, 0.24 (p99 0.37) over
 * blocks it had; a session's WAL grows until its first checkpoint.  Zeros
 * are not frames: SQLite reads a WAL only up to the first
 * frame whose salt and checksum fail, as it does after every reset, and a
 * WAL whose header is zeros is empty.  Done holding the write lock (BEGIN
 * IMMEDIATE, without waiting for it), so that no other connection writes
 * the WAL meanwhile, and through SQLite's own handle of the file.  Only a
 * speed-up: any failure leaves the WAL to grow as it would have.
 * SQLite's own means do not do the same: SQLITE_FCNTL_PERSIST_WAL keeps
 * the file between sessions only (and with journal_size_limit it is cut
 * to nothing at close); SQLITE_FCNTL_SIZE_HINT and CHUNK_SIZE extend with
 * fallocate, whose unwritten extents still cost a journal commit at their
 * first write.  Removing this was measured on 2026-12-05 (benchlive, the
 * small archive, three runs of 1,000 events on a loaded machine): an
 * event's cost above fdatasync rose from 1.07 to 1.40 ms median. */
static void db_wal_make_room(struct db *db)
{
	sqlite3_file *wal = NULL;
	sqlite3_int64 want = db->wal_room, size = 0;
	if (sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_JOURNAL_POINTER,
				 &wal) != SQLITE_OK ||
	    !wal || !wal->pMethods ||
	    wal->pMethods->xFileSize(wal, &size) != SQLITE_OK || size >= want)
		return;
	sqlite3_busy_timeout(db->sql, 0);
	if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK) {
		if (!wal_fill_zeros(wal, want))
			db->wal_room = 0; /* a full disk: do not retry */
		(void)sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_busy_timeout(db->sql, DB_BUSY_TIMEOUT_MS);
}

/* The first step with search_pending (schema step 14). */
#define DB_STEP_SEARCH_PENDING 14

void db_interactive_writer(struct db *db)
{
	if (db->readonly)
		return;
	db->interactive = true;
	sqlite3_wal_hook(db->sql, db_wal_hook, db);
	db->wal_room = db_wal_room_bytes(db);
	/* The WAL of a session begins empty: its first idle moment starts it,
	 * rather than the first action's commit. */
	db->wal_restart = db->wal_room != 0;
	/* Only a speed-up: without it the journals go to /var/tmp as before. */
	(void)sqlite3_exec(db->sql, "PRAGMA temp_store=MEMORY", NULL, NULL, NULL);
	if (!db->repair && db_schema_version(db) >= DB_STEP_SEARCH_PENDING)
		search_defer(db);
}

/* The scope of a document of meeting `id` (schema steps 16 and 17): its
 * body's token and its month's, as the steps wrote them; '' for a meeting
 * that is not there. */
#define SEARCH_SCOPE_OF(id)                                                \
	"coalesce((SELECT '0b' || hex(g.body_id) || ' 0m' || "                \
	"substr(g.starts_at, 1, 4) || substr(g.starts_at, 6, 2) "              \
	"FROM meeting g WHERE g.id = " id "), '')"

/* What the console noted in search_pending, copied into search_doc (and by
 * its triggers into both full-text indexes) in the order captured, as the
 * rows now read; the notes removed.  One statement for both tables, so
 * that search_doc's ids keep the order written (record_captures_read). */
static const char sql_search_catch_up[] =
	"INSERT INTO search_doc(src, src_id, meeting_id, item_id, body, scope)\n"
	"  SELECT p.src, p.src_id,\n"
	"    CASE p.src WHEN 'minute' THEN m.meeting_id ELSE r.meeting_id END,\n"
	"    CASE p.src WHEN 'minute' THEN m.item_id ELSE r.item_id END,\n"
	"    CASE p.src WHEN 'minute' THEN m.body\n"
	"      ELSE trim(r.preamble || ' ' || r.body) END,\n"
	"    " SEARCH_SCOPE_OF(
		"CASE p.src WHEN 'minute' THEN m.meeting_id ELSE r.meeting_id END") "\n"
	"  FROM search_pending p\n"
	"  LEFT JOIN minute_text m ON p.src = 'minute' AND m.id = p.src_id\n"
	"  LEFT JOIN resolution r ON p.src = 'resolution' AND r.id = p.src_id\n"
	"  WHERE (m.id IS NOT NULL OR r.id IS NOT NULL)\n"
	"    AND NOT EXISTS (SELECT 1 FROM search_doc d\n"
	"                    WHERE d.src_id = p.src_id)\n"
	"  ORDER BY p.id;\n"
	"DELETE FROM search_pending;";

/* A write transaction of the idle moments: `sql` run between BEGIN
 * IMMEDIATE (without waiting for another writer: the next idle moment
 * tries again) and COMMIT.  Only housekeeping: a failure is rolled back
 * and changes nothing recorded. */
static bool db_idle_work(struct db *db, int (*work)(sqlite3 *, const char *),
			 const char *sql)
{
	bool done = false;
	sqlite3_busy_timeout(db->sql, 0);
	if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK) {
		done = work(db->sql, sql) == SQLITE_OK &&
		       sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) ==
			       SQLITE_OK;
		if (!done)
			(void)sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL,
					   NULL);
	}
	sqlite3_busy_timeout(db->sql, DB_BUSY_TIMEOUT_MS);
	return done;
}

static int exec_sql(sqlite3 *sql, const char *text)
{
	return sqlite3_exec(sql, text, NULL, NULL, NULL);
}

static bool db_idle_write(struct db *db, const char *sql)
{
	return db_idle_work(db, exec_sql, sql);
}

static int list_words(sqlite3 *sql, const char *unused)
{
	(void)unused;
	return wordlist_catch_up(sql);
}

/* List the new words of the documents this connection wrote (schema step
 * 18), in a write of their own: housekeeping, so a failure or a busy file
 * leaves them noted, and a prefix search reads the vocabulary until the
 * next writer lists them.  Any write may have written a document, in a
 * transaction or not (an edit of an item's text commits on its own):
 * SQLite's count of the rows changed, triggers' included, says whether
 * there was one. */
static bool db_wrote_since_words(struct db *db)
{
	return sqlite3_total_changes64(db->sql) != db->words_seen;
}

static void db_list_words(struct db *db)
{
	if (db->readonly || db->repair ||
	    db_schema_version(db) < DB_STEP_WORDLIST ||
	    !wordlist_waiting(db->sql))
		db->words_seen = sqlite3_total_changes64(db->sql);
	else if (db_idle_work(db, list_words, NULL))
		db->words_seen = sqlite3_total_changes64(db->sql);
}

/* Index what this connection noted (db_idle, db_close): its idle moment
 * is the time for it.  A write of another connection meanwhile leaves it
 * to the next one.  The index's new segments are merged later. */
static bool search_noted(struct db *db);

static void db_index_noted(struct db *db)
{
	/* Nothing noted (a console that captured nothing, or one whose
	 * notes were indexed already): no write.  The catch-up, prepared
	 * and run in a transaction of its own, cost 0.5 M instructions at
	 * every console's close for nothing (issue 17). */
	if (!search_noted(db)) {
		db->search_pending = false;
		return;
	}
	sqlite3_int64 before = sqlite3_total_changes64(db->sql);
	if (!db_idle_write(db, sql_search_catch_up))
		return;
	db->search_pending = false;
	if (sqlite3_total_changes64(db->sql) != before)
		db->fts_merge = true;
}

/* True when a capture is noted and not yet indexed (false when the file
 * has no search_pending: a file of an older step read as it is). */
static bool search_noted(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM search_pending LIMIT 1",
				   NULL);
	bool noted = st && sqlite3_step(st) == SQLITE_ROW;
	if (st)
		db_done(st);
	return noted;
}

static enum clerk_status open_connection(struct db *db, bool readonly,
					 bool immutable, struct clerk_err *err);
static enum clerk_status setup_connection(struct db *db,
					  struct clerk_err *err);
static void trust_schema(sqlite3 *sql);
static bool writable(const char *path);

/* The catch-up in a connection of its own, for a read-only one (a look-up
 * such as `clerk search`) of a file it may write: waits for a writer as
 * every write does, and is rolled back whole if it cannot finish. */
static void search_catch_up_aside(struct db *db)
{
	struct db w = {.path = db->path};
	if (!writable(db->path) || open_connection(&w, false, false, NULL) ||
	    setup_connection(&w, NULL)) {
		if (w.sql)
			sqlite3_close(w.sql);
		free(w.who);
		return;
	}
	/* The reader checked that the schema is clerk's. */
	trust_schema(w.sql);
	bool words = db_schema_version(db) >= DB_STEP_WORDLIST;
	if (sqlite3_exec(w.sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_exec(w.sql, sql_search_catch_up, NULL, NULL,
				 NULL) != SQLITE_OK ||
		    (words && wordlist_catch_up(w.sql) != SQLITE_OK) ||
		    sqlite3_exec(w.sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			(void)sqlite3_exec(w.sql, "ROLLBACK", NULL, NULL, NULL);
	}
	sqlite3_close(w.sql);
	free(w.who);
}

void db_search_catch_up(struct db *db)
{
	if (db->repair || !search_noted(db))
		return;
	if (db->readonly) {
		search_catch_up_aside(db);
		return;
	}
	if (db->depth == 0) {
		if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
		    SQLITE_OK)
			return;
		if (sqlite3_exec(db->sql, sql_search_catch_up, NULL, NULL,
				 NULL) != SQLITE_OK ||
		    sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) !=
			    SQLITE_OK) {
			(void)sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL,
					   NULL);
			return;
		}
	} else if (sqlite3_exec(db->sql,
				"SAVEPOINT clerk_catch_up;", NULL, NULL,
				NULL) != SQLITE_OK) {
		return;
	} else if (sqlite3_exec(db->sql, sql_search_catch_up, NULL, NULL,
				NULL) != SQLITE_OK) {
		(void)sqlite3_exec(db->sql,
				   "ROLLBACK TO clerk_catch_up;"
				   "RELEASE clerk_catch_up;",
				   NULL, NULL, NULL);
		return;
	} else {
		(void)sqlite3_exec(db->sql, "RELEASE clerk_catch_up;", NULL,
				   NULL, NULL);
	}
	db->search_pending = false;
	db->fts_merge = true;
}

/* The search index's merges, done when idle.  FTS5 writes a new segment
 * of its index at each commit and merges segments as they pile up; it
 * used to do so inside the commit that crossed its work unit (schema step
 * 13 turns that off): one minute point in 12 then did 1 to 4 million
 * instructions more than the 0.6 of the others, one in 2,000 as many as
 * 72 million (a merge of the largest segments).  Here each idle moment
 * writes at most DB_FTS_MERGE_PAGES pages of merged segments (a few
 * milliseconds) to each of the two indexes, merging any level that holds
 * four segments or more (FTS5's usermerge) and continuing a merge begun
 * before; with nothing to merge it writes nothing.  A writer that is never
 * idle still merges when a level reaches sixteen segments (FTS5's
 * crisismerge). */
#define DB_FTS_MERGE_PAGES 16
#define DB_STR_(x) #x
#define DB_STR(x) DB_STR_(x)

static void db_fts_merge(struct db *db)
{
	sqlite3_int64 before = sqlite3_total_changes64(db->sql);
	db_idle_write(db,
		      "INSERT INTO search_fts(search_fts, rank) VALUES "
		      "('merge', " DB_STR(DB_FTS_MERGE_PAGES) ");"
		      "INSERT INTO search_words(search_words, rank) VALUES "
		      "('merge', " DB_STR(DB_FTS_MERGE_PAGES) ");");
	/* Pages written: a merge may be left to continue. */
	db->fts_merge = sqlite3_total_changes64(db->sql) != before;
}

/* After a checkpoint that copied the whole WAL into the file, the next
 * commit starts the WAL again from its beginning: it writes the WAL's
 * header and syncs it before its own frames, two fdatasyncs instead of
 * one (SQLite orders them so for a crash between the two).  Every
 * fortieth minute point paid that.  So the WAL is restarted here, when
 * idle, by a commit that changes nothing: the file's application id set
 * to the value it has (clerk's: check_header refused any other), which
 * writes one page.  Another connection's read of an older snapshot can
 * keep the WAL from restarting; the commit then only appends a frame. */
static void db_wal_restart(struct db *db)
{
	db->wal_restart = false;
	db_idle_write(db, "PRAGMA application_id = " DB_STR(
				  CLERK_APPLICATION_ID) ";");
}

void db_idle(struct db *db)
{
	if (db->depth != 0)
		return;
	if (db->wal_frames >= DB_WAL_IDLE_FRAMES)
		db_checkpoint(db);
	if (db->search_pending)
		db_index_noted(db);
	if (db_wrote_since_words(db))
		db_list_words(db);
	if (db->fts_merge)
		db_fts_merge(db); /* its commit, if any, restarts the WAL */
	if (db->wal_restart)
		db_wal_restart(db);
	if (db->wal_room)
		db_wal_make_room(db);
}

long long db_data_version(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA data_version", NULL);
	long long v = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	if (st)
		db_done(st);
	return v;
}

/* SQLite calls this every DB_WORK_STEP virtual-machine steps. */
#define DB_WORK_STEP 1000

static int db_work_progress(void *arg)
{
	struct db *db = arg;
	return --db->work_left < 0;
}

void db_limit_work(struct db *db, long long steps)
{
	if (steps <= 0) {
		sqlite3_progress_handler(db->sql, 0, NULL, NULL);
		return;
	}
	db->work_left = steps / DB_WORK_STEP + 1;
	sqlite3_progress_handler(db->sql, DB_WORK_STEP, db_work_progress, db);
}

long long db_page_count(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA page_count", NULL);
	long long n = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	if (st)
		db_done(st);
	return n;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

bool db_is_readonly(const struct db *db)
{
	return db->readonly;
}

bool db_on_network_fs(const struct db *db)
{
	return on_network_fs(db->path);
}

static int pragma_int(struct db *db, const char *pragma)
{
	sqlite3_stmt *stmt = NULL;
	int value = -1;
	if (sqlite3_prepare_v2(db->sql, pragma, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		value = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return value;
}

int db_schema_version(struct db *db)
{
	return pragma_int(db, "PRAGMA user_version");
}

int db_program_schema_version(void)
{
	int v = 0;
	for (const struct db_migration *m = db_migrations; m->version; m++)
		v = m->version;
	return v;
}

/* ---- audit and lock triggers ----
 *
 * The one place in db where SQL is built by formatting: the triggers are
 * generated from PRAGMA table_info of clerk's own tables, named in the two
 * fixed lists below, so only identifiers from the schema (never data) are
 * formatted in; every value anywhere else is a bound parameter.
 * tests/reliability/confidentiality.sh checks that src/ holds no other
 * formatted SQL than the documented exceptions. */

/* Recorded content: audited, and locked once the minutes are confirmed. */
static const char *const content_tables[] = {
	"agenda_item", "event",      "attendance", "declaration",
	"minute_text", "resolution", "vote",       "application", NULL,
};
/* Audited but never locked: actions are tracked after confirmation. */
static const char *const audited_only[] = {"action", "correction", "meeting",
					   NULL};

/* json_object('col', PREFIX.col, ...) for every column of table. */
static void json_of_row(struct db *db, const char *table, const char *prefix,
			struct strbuf *out)
{
	char *sql = xasprintf("PRAGMA table_info(%s)", table);
	sqlite3_stmt *stmt = NULL;
	sb_add(out, "json_object(");
	if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) == SQLITE_OK) {
		bool first = true;
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			const char *col = db_col_text(stmt, 1);
			sb_addf(out, "%s'%s', %s.%s", first ? "" : ", ", col,
				prefix, col);
			first = false;
		}
	}
	sqlite3_finalize(stmt);
	free(sql);
	sb_add(out, ")");
}

/* True once the audit table has its `who` column (schema step 5): the
 * triggers of the steps before it are made without it. */
static bool audit_has_who(struct db *db)
{
	sqlite3_stmt *stmt = NULL;
	bool has = false;
	if (sqlite3_prepare_v2(db->sql, "PRAGMA table_info(audit)", -1, &stmt,
			       NULL) == SQLITE_OK)
		while (!has && sqlite3_step(stmt) == SQLITE_ROW)
			has = strcmp(db_col_text(stmt, 1), "who") == 0;
	sqlite3_finalize(stmt);
	return has;
}

/* True when the file has the table yet (a step after the first adds
 * some: the triggers of the steps before it are made without them). */
static bool table_exists(struct db *db, const char *table)
{
	sqlite3_stmt *stmt = NULL;
	bool has = false;
	if (sqlite3_prepare_v2(db->sql,
			       "SELECT 1 FROM sqlite_master WHERE type = "
			       "'table' AND name = ?1",
			       -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
		has = sqlite3_step(stmt) == SQLITE_ROW;
	}
	sqlite3_finalize(stmt);
	return has;
}

/* Where the audit triggers of a table are made. */
enum audit_in {
	AUDIT_IN_FILE, /* the steps before 12: DROP and CREATE in the file */
	AUDIT_IN_CONNECTION, /* CREATE TEMP ... IF NOT EXISTS, the same text */
	AUDIT_DROPPED, /* from step 12: dropped from the file */
};

/* The three audit triggers of table, made (or dropped) as `in` says. */
static void audit_triggers_for(struct db *db, const char *table,
			       enum audit_in in, struct strbuf *sql)
{
	if (in == AUDIT_DROPPED) {
		sb_addf(sql,
			"DROP TRIGGER IF EXISTS audit_%1$s_i;"
			"DROP TRIGGER IF EXISTS audit_%1$s_u;"
			"DROP TRIGGER IF EXISTS audit_%1$s_d;",
			table);
		return;
	}
	bool temp = in == AUDIT_IN_CONNECTION;
	struct strbuf oldj = {0}, newj = {0};
	json_of_row(db, table, "OLD", &oldj);
	json_of_row(db, table, "NEW", &newj);
	bool who = temp || audit_has_who(db);
	const char *cols = who ? "at,tbl,row_id,op,old,new,who"
			       : "at,tbl,row_id,op,old,new";
	const char *by = who ? ",clerk_user()" : "";
	static const char *const ops[] = {"i", "u", "d"};
	static const char *const events[] = {"INSERT", "UPDATE", "DELETE"};
	for (int i = 0; i < 3; i++) {
		if (temp)
			sb_addf(sql, "CREATE TEMP TRIGGER IF NOT EXISTS ");
		else
			sb_addf(sql,
				"DROP TRIGGER IF EXISTS audit_%s_%s;"
				"CREATE TRIGGER ",
				table, ops[i]);
		sb_addf(sql,
			"audit_%1$s_%2$s AFTER %3$s ON %1$s BEGIN "
			"INSERT INTO audit(%4$s) VALUES "
			"(clerk_now(),'%1$s',%5$s.id,'%6$s',%7$s,%8$s%9$s); END;",
			table, ops[i], events[i], cols, i == 0 ? "NEW" : "OLD",
			i == 0 ? "insert" : i == 1 ? "update" : "delete",
			i == 0 ? "NULL" : sb_str(&oldj),
			i == 2 ? "NULL" : sb_str(&newj), by);
	}
	sb_free(&oldj);
	sb_free(&newj);
}

static void lock_triggers_for(const char *table, struct strbuf *sql)
{
	static const char *const ops[] = {"INSERT", "UPDATE", "DELETE"};
	for (int i = 0; i < 3; i++) {
		const char *row = i == 2 ? "OLD" : "NEW";
		sb_addf(sql,
			"DROP TRIGGER IF EXISTS lock_%1$s_%2$c;"
			"CREATE TRIGGER lock_%1$s_%2$c BEFORE %3$s ON %1$s "
			"WHEN (SELECT minutes_state FROM meeting WHERE id = "
			"%4$s.meeting_id) = 'confirmed' BEGIN "
			"SELECT RAISE(ABORT, 'minutes confirmed'); END;",
			table, ops[i][0] | 0x20, ops[i], row);
	}
}

/* The step from which the audit triggers (and those copying records into
 * search_doc) are each writing connection's own, not the file's. */
#define DB_STEP_OWN_TRIGGERS 12

/* (Re)create every trigger from the current columns, so that a migration
 * that adds a column is audited without editing this code.  From step 12
 * the file keeps only the lock triggers; the audit triggers are made by
 * each connection that writes (watch_make). */
static enum clerk_status install_triggers(struct db *db, int version,
					  struct clerk_err *err)
{
	enum audit_in in = version >= DB_STEP_OWN_TRIGGERS ? AUDIT_DROPPED
							   : AUDIT_IN_FILE;
	struct strbuf sql = {0};
	for (const char *const *t = content_tables; *t; t++) {
		if (!table_exists(db, *t))
			continue;
		audit_triggers_for(db, *t, in, &sql);
		lock_triggers_for(*t, &sql);
	}
	for (const char *const *t = audited_only; *t; t++)
		audit_triggers_for(db, *t, in, &sql);
	sb_add(&sql,
	       "DROP TRIGGER IF EXISTS lock_meeting;"
	       "CREATE TRIGGER lock_meeting BEFORE UPDATE ON meeting "
	       "WHEN OLD.minutes_state = 'confirmed' AND ("
	       " NEW.minutes_state IS NOT OLD.minutes_state OR"
	       " NEW.venue IS NOT OLD.venue OR NEW.starts_at IS NOT OLD.starts_at"
	       " OR NEW.public_present IS NOT OLD.public_present OR"
	       " NEW.confirmed_at IS NOT OLD.confirmed_at OR"
	       " NEW.first_minute IS NOT OLD.first_minute) BEGIN "
	       "SELECT RAISE(ABORT, 'minutes confirmed'); END;");
	enum clerk_status rc = db_exec(db, sb_str(&sql), err);
	sb_free(&sql);
	return rc;
}

/* ---- the writing connection's own triggers ----
 *
 * SQLite parses every trigger in a file whenever a connection reads its
 * schema, and the audit triggers (and those copying records into
 * search_doc) were 60% of what every command paid to start, look-ups
 * included.  From schema step 12 they are TEMP triggers of the connection
 * that writes, made before its first write to each table: an authorizer
 * refuses to prepare a statement that writes a watched table whose
 * triggers are not made yet, the triggers are made, and the statement is
 * prepared again (db_stmt, db_exec).  So no write of clerk's reaches a
 * watched table without them; a statement prepared by other means fails
 * ("not authorized") rather than write unaudited.  Creating a trigger
 * costs more than reading it (SQLite writes and parses it again), so only
 * the tables a command writes are paid for.  TEMP objects belong to the
 * transaction that made them: a rollback removes those it made, and they
 * are made again at once (watch_remake). */

/* The tables watched, in the order of their bits. */
static const char *const watched[] = {
	"agenda_item", "event",	 "attendance", "declaration",
	"minute_text", "resolution", "vote",       "application",
	"action",      "correction", "meeting",    "person",
};
#define WATCH_N (sizeof watched / sizeof *watched)
#define WATCH_MINUTE_TEXT 4 /* watched[4] */
#define WATCH_RESOLUTION 5
#define WATCH_AUDITED 11 /* the first 11 are audited; person is not */
#define WATCH_BIT(i) (1u << (i))

/* The rows of search_doc copied from records (schema step 2), by table. */
static const struct {
	const char *table;
	const char *sql;
} search_triggers[] = {
	{"minute_text",
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_minute_ai AFTER INSERT ON "
	 "minute_text BEGIN\n"
	 "  INSERT INTO search_doc(src, src_id, meeting_id, item_id, body, "
	 "scope)\n"
	 "  VALUES ('minute', NEW.id, NEW.meeting_id, NEW.item_id, NEW.body,\n"
	 "    " SEARCH_SCOPE_OF("NEW.meeting_id") "); END;\n"
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_minute_au AFTER UPDATE OF "
	 "meeting_id, item_id, body\n"
	 "  ON minute_text BEGIN\n"
	 "  UPDATE search_doc SET meeting_id = NEW.meeting_id,\n"
	 "    item_id = NEW.item_id, body = NEW.body,\n"
	 "    scope = " SEARCH_SCOPE_OF("NEW.meeting_id") "\n"
	 "  WHERE src_id = OLD.id; END;\n"
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_minute_ad AFTER DELETE ON "
	 "minute_text BEGIN\n"
	 "  DELETE FROM search_doc WHERE src_id = OLD.id; END;\n"},
	{"resolution",
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_resolution_ai AFTER INSERT "
	 "ON resolution BEGIN\n"
	 "  INSERT INTO search_doc(src, src_id, meeting_id, item_id, body, "
	 "scope)\n"
	 "  VALUES ('resolution', NEW.id, NEW.meeting_id, NEW.item_id,\n"
	 "          trim(NEW.preamble || ' ' || NEW.body),\n"
	 "    " SEARCH_SCOPE_OF("NEW.meeting_id") "); END;\n"
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_resolution_au AFTER UPDATE "
	 "OF meeting_id, item_id,\n"
	 "  preamble, body ON resolution BEGIN\n"
	 "  UPDATE search_doc SET meeting_id = NEW.meeting_id,\n"
	 "    item_id = NEW.item_id, body = trim(NEW.preamble || ' ' || "
	 "NEW.body),\n"
	 "    scope = " SEARCH_SCOPE_OF("NEW.meeting_id") "\n"
	 "  WHERE src_id = OLD.id; END;\n"
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_resolution_ad AFTER DELETE "
	 "ON resolution BEGIN\n"
	 "  DELETE FROM search_doc WHERE src_id = OLD.id; END;\n"},
	{"agenda_item",
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_item_ai AFTER INSERT ON "
	 "agenda_item BEGIN\n"
	 "  INSERT INTO search_doc(src, src_id, meeting_id, item_id, title, "
	 "body, scope)\n"
	 "  VALUES ('item', NEW.id, NEW.meeting_id, NEW.id, NEW.title,\n"
	 "          NEW.description, " SEARCH_SCOPE_OF("NEW.meeting_id") ");\n"
	 "END;\n"
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_item_au AFTER UPDATE OF "
	 "meeting_id, title,\n"
	 "  description ON agenda_item BEGIN\n"
	 "  UPDATE search_doc SET meeting_id = NEW.meeting_id, title = "
	 "NEW.title,\n"
	 "    body = NEW.description,\n"
	 "    scope = " SEARCH_SCOPE_OF("NEW.meeting_id") "\n"
	 "  WHERE src_id = OLD.id; END;\n"
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_item_ad AFTER DELETE ON "
	 "agenda_item BEGIN\n"
	 "  DELETE FROM search_doc WHERE src_id = OLD.id; END;\n"},
	{"declaration",
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_declaration_ai AFTER INSERT "
	 "ON declaration BEGIN\n"
	 "  INSERT INTO search_doc(src, src_id, meeting_id, item_id, title, "
	 "body, scope)\n"
	 "  VALUES ('declaration', NEW.id, NEW.meeting_id, NEW.item_id,\n"
	 "    coalesce((SELECT trim(honorific || ' ' || name) FROM person\n"
	 "              WHERE id = NEW.person_id), ''), NEW.what,\n"
	 "    " SEARCH_SCOPE_OF("NEW.meeting_id") "); END;\n"
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_declaration_au AFTER UPDATE "
	 "OF meeting_id, item_id,\n"
	 "  person_id, what ON declaration BEGIN\n"
	 "  UPDATE search_doc SET meeting_id = NEW.meeting_id,\n"
	 "    item_id = NEW.item_id, body = NEW.what,\n"
	 "    title = coalesce((SELECT trim(honorific || ' ' || name) FROM "
	 "person\n"
	 "                      WHERE id = NEW.person_id), ''),\n"
	 "    scope = " SEARCH_SCOPE_OF("NEW.meeting_id") "\n"
	 "  WHERE src_id = OLD.id; END;\n"
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_declaration_ad AFTER DELETE "
	 "ON declaration BEGIN\n"
	 "  DELETE FROM search_doc WHERE src_id = OLD.id; END;\n"},
	/* A meeting moved to another body or date: its documents' scope
	 * (schema steps 16 and 17) follows it. */
	{"meeting",
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_meeting_au AFTER UPDATE OF "
	 "body_id, starts_at ON meeting\n"
	 "  WHEN NEW.body_id IS NOT OLD.body_id\n"
	 "    OR substr(NEW.starts_at, 1, 7) IS NOT substr(OLD.starts_at, 1, 7)\n"
	 "  BEGIN\n"
	 "  UPDATE search_doc SET scope = " SEARCH_SCOPE_OF("NEW.id") "\n"
	 "  WHERE meeting_id = NEW.id; END;\n"},
	{"person",
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_person_au AFTER UPDATE OF "
	 "honorific, name ON person\n"
	 "  BEGIN\n"
	 "  UPDATE search_doc SET title = trim(NEW.honorific || ' ' || "
	 "NEW.name)\n"
	 "  WHERE src = 'declaration' AND src_id IN\n"
	 "    (SELECT id FROM declaration WHERE person_id = NEW.id); END;\n"},
};

/* The live console's captures, indexed when it is idle (schema step 14):
 * an interactive writer's connection notes each paragraph and resolution
 * it inserts in search_pending instead of copying it into search_doc and
 * the full-text indexes inside the keystroke's commit (12 of the 23 pages
 * a minute point wrote).  Made before search_triggers, under the same
 * names, so that their "IF NOT EXISTS" leaves these in place; the update
 * and delete triggers are the same (a row not yet copied has no row in
 * search_doc to change: db_search_catch_up copies it as it then reads). */
static const struct {
	const char *table;
	const char *sql;
} search_deferred[] = {
	{"minute_text",
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_minute_ai AFTER INSERT ON "
	 "minute_text BEGIN\n"
	 "  INSERT INTO search_pending(src, src_id) VALUES ('minute', NEW.id); "
	 "END;\n"},
	{"resolution",
	 "CREATE TEMP TRIGGER IF NOT EXISTS search_resolution_ai AFTER INSERT "
	 "ON resolution BEGIN\n"
	 "  INSERT INTO search_pending(src, src_id) VALUES ('resolution', "
	 "NEW.id); END;\n"},
};
#define SEARCH_DEFERRED_N (sizeof search_deferred / sizeof *search_deferred)

/* The bits whose triggers a write to watched table i needs: deleting an
 * agenda item deletes its application (ON DELETE CASCADE). */
static unsigned watch_need(size_t i)
{
	unsigned need = WATCH_BIT(i);
	if (strcmp(watched[i], "agenda_item") == 0)
		need |= WATCH_BIT(7);
	return need;
}

static int watch_authorize(void *arg, int action, const char *a,
			   const char *b, const char *schema,
			   const char *trigger)
{
	(void)b;
	(void)trigger;
	struct db *db = arg;
	if ((action != SQLITE_INSERT && action != SQLITE_UPDATE &&
	     action != SQLITE_DELETE) ||
	    !a || (schema && strcmp(schema, "main") != 0))
		return SQLITE_OK;
	for (size_t i = 0; i < WATCH_N; i++) {
		if (strcmp(a, watched[i]) != 0)
			continue;
		unsigned need = watch_need(i);
		if ((db->watch_made & need) == need)
			return SQLITE_OK;
		db->watch_want |= need;
		return SQLITE_DENY;
	}
	return SQLITE_OK;
}

/* Make the triggers of the tables wanted and not made yet. */
static enum clerk_status watch_make(struct db *db, struct clerk_err *err)
{
	unsigned todo = db->watch_want & ~db->watch_made;
	db->watch_want = 0;
	if (!todo)
		return CLERK_OK;
	struct strbuf sql = {0};
	sb_add(&sql, "");
	for (size_t i = 0; i < WATCH_N; i++) {
		if (!(todo & WATCH_BIT(i)))
			continue;
		if (i < WATCH_AUDITED)
			audit_triggers_for(db, watched[i], AUDIT_IN_CONNECTION,
					   &sql);
		for (size_t s = 0; db->defer_search && s < SEARCH_DEFERRED_N;
		     s++)
			if (strcmp(search_deferred[s].table, watched[i]) == 0)
				sb_add(&sql, search_deferred[s].sql);
		for (size_t s = 0; s < sizeof search_triggers / sizeof *search_triggers;
		     s++)
			if (strcmp(search_triggers[s].table, watched[i]) == 0)
				sb_add(&sql, search_triggers[s].sql);
	}
	char *msg = NULL;
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_exec(db->sql, sb_str(&sql), NULL, NULL, &msg) != SQLITE_OK)
		rc = db_fail(db, err, "preparing the audit of a change");
	else {
		db->watch_made |= todo;
		if (!sqlite3_get_autocommit(db->sql))
			db->watch_txn |= todo;
	}
	sqlite3_free(msg);
	sb_free(&sql);
	return rc;
}

/* After a rollback: make again the triggers the transaction had made. */
static void watch_remake(struct db *db)
{
	unsigned lost = db->watch_txn;
	if (!lost)
		return;
	db->watch_txn = 0;
	db->watch_made &= ~lost;
	db->watch_want |= lost;
	db->watch_gen++;
	(void)watch_make(db, NULL);
}

/* From now on this connection's captures are noted in search_pending and
 * indexed when idle.  Triggers it made already for paragraphs and
 * resolutions copy at once: they are made again (the statements prepared
 * with them are prepared again: watch_gen).  Its first idle moment indexes
 * what a console that was killed left noted. */
static void search_defer(struct db *db)
{
	unsigned redo = db->watch_made & (WATCH_BIT(WATCH_MINUTE_TEXT) |
					  WATCH_BIT(WATCH_RESOLUTION));
	db->defer_search = true;
	db->search_pending = true;
	if (!redo || db->depth != 0)
		return;
	if (sqlite3_exec(db->sql,
			 "DROP TRIGGER IF EXISTS temp.search_minute_ai;"
			 "DROP TRIGGER IF EXISTS temp.search_resolution_ai;",
			 NULL, NULL, NULL) != SQLITE_OK)
		return;
	db->watch_made &= ~redo;
	db->watch_want |= redo;
	db->watch_gen++;
	(void)watch_make(db, NULL);
}

/* Watch the writes of a connection that may write (its file is at the
 * program's step by now: db_open migrated it). */
static void watch_writes(struct db *db)
{
	if (db->readonly || db->repair)
		return;
	sqlite3_set_authorizer(db->sql, watch_authorize, db);
}

enum clerk_status db_prepare_writes(struct db *db, struct clerk_err *err)
{
	if (db->readonly || db->repair)
		return CLERK_OK;
	db->watch_want = (1u << WATCH_N) - 1;
	return watch_make(db, err);
}

/* ---- migrations ---- */

static bool step_rebuilds(const struct db_migration *m)
{
	for (const int *v = db_rebuild_steps; *v; v++)
		if (*v == m->version)
			return true;
	return false;
}

/* After a step that rebuilt tables: every reference still finds its row. */
static enum clerk_status foreign_keys_intact(struct db *db,
					     const struct db_migration *m,
					     struct clerk_err *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->sql, "PRAGMA foreign_key_check", -1, &st,
			       NULL) != SQLITE_OK)
		return db_fail(db, err, "checking the upgraded file");
	int step = sqlite3_step(st);
	char table[64] = "";
	if (step == SQLITE_ROW)
		snprintf(table, sizeof table, "%s", db_col_text(st, 0));
	sqlite3_finalize(st);
	if (step == SQLITE_ROW)
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s could not be upgraded (%s): a row of %s "
				  "refers to a record that is not there; it was "
				  "left untouched",
				  db->path, m->what, table);
	if (step != SQLITE_DONE)
		return db_fail(db, err, "checking the upgraded file");
	return CLERK_OK;
}

/* Run the steps after version `from` up to `to` (inclusive). */
static enum clerk_status migrate_to(struct db *db, int from, int to,
				    struct clerk_err *err)
{
	for (const struct db_migration *m = db_migrations; m->version; m++) {
		if (m->version <= from || m->version > to)
			continue;
		/* A step that rebuilds a table others refer to runs with
		 * foreign keys off (they cannot change inside a transaction)
		 * and proves them intact before it commits. */
		bool rebuilds = step_rebuilds(m);
		enum clerk_status rc =
			rebuilds ? db_exec(db, "PRAGMA foreign_keys=OFF", err)
				    : CLERK_OK;
		if (!rc)
			rc = db_begin(db, err);
		if (rc)
			return rc;
		char set[96];
		snprintf(set, sizeof set,
			 "PRAGMA user_version = %d; PRAGMA application_id = %d;",
			 m->version, CLERK_APPLICATION_ID);
		if ((rc = db_exec(db, m->sql, err)) ||
		    (rebuilds && (rc = foreign_keys_intact(db, m, err))) ||
		    (rc = install_triggers(db, m->version, err)) ||
		    (rc = db_exec(db, set, err)) || (rc = db_commit(db, err))) {
			db_rollback(db);
			if (rebuilds)
				db_exec(db, "PRAGMA foreign_keys=ON", NULL);
			return rc;
		}
		if (rebuilds &&
		    (rc = db_exec(db, "PRAGMA foreign_keys=ON", err)))
			return rc;
		/* Each step rewrites the schema and every trigger: copied into
		 * the file now, the steps of a new file do not pile up in the
		 * WAL (six steps left ~700 KB there, more than a small disk
		 * holds beside the file).  Only housekeeping: a failure leaves
		 * the WAL as it was. */
		(void)sqlite3_wal_checkpoint_v2(db->sql, NULL,
						SQLITE_CHECKPOINT_TRUNCATE, NULL,
						NULL);
	}
	return CLERK_OK;
}

static enum clerk_status migrate(struct db *db, int from, struct clerk_err *err)
{
	return migrate_to(db, from, db_program_schema_version(), err);
}

/* Check application_id and user_version before anything is written: a file
 * that is not clerk's, or is newer than this program, is left untouched. */
static enum clerk_status check_header(struct db *db, enum db_mode mode,
				      int *version, struct clerk_err *err)
{
	/* Each read is checked at once, so that the reason of a failure (a
	 * busy or damaged file) is still the connection's last error. */
	int app = pragma_int(db, "PRAGMA application_id");
	if (app < 0)
		return db_fail(db, err, "reading the file header");
	int tables = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
	if (tables < 0)
		return db_fail(db, err, "reading the file header");
	*version = pragma_int(db, "PRAGMA user_version");
	if (*version < 0)
		return db_fail(db, err, "reading the file header");
	if (app != CLERK_APPLICATION_ID && (app != 0 || tables > 0))
		return clerk_fail(err, CLERK_FOREIGN,
				  "%s is an SQLite file but not a clerk database; "
				  "it was left untouched",
				  db->path);
	int mine = db_program_schema_version();
	if (*version > mine)
		return clerk_fail(err, CLERK_NEWER,
				  "%s was written by a newer clerk (schema %d; this "
				  "clerk knows up to %d): upgrade clerk to open it",
				  db->path, *version, mine);
	if (*version == mine)
		return CLERK_OK;
	if (tables == 0 && mode != DB_CREATE)
		return clerk_fail(err, CLERK_NOT_FOUND,
				  "%s holds no clerk data yet: run 'clerk init' to "
				  "set up your council, or 'clerk demo'",
				  db->path);
	if (db->readonly)
		return clerk_fail(err, CLERK_READONLY,
				  "%s uses an older schema (%d) and is read-only, so "
				  "it cannot be upgraded",
				  db->path, *version);
	return CLERK_OK;
}

/* Before clerk writes to a file that already holds data, make sure it is
 * sound: writing into a damaged file can spread the damage.
 *
 * This runs on every writable open (the console, every writing command), so
 * its cost must not grow with the file: PRAGMA quick_check reads every page
 * (about 9 s for a 1.7 GB twenty-year archive).  Instead it checks what a
 * write depends on whatever it touches, in a bounded number of reads:
 * - the file is as long as its header says (a truncated file);
 * - the schema page reads (sqlite_schema, read by check_header);
 * - the root page of every table and index opens (a page overwritten with
 *   garbage where a b-tree starts, whose damage any write below it would
 *   spread);
 * and PRAGMA cell_size_check makes SQLite itself test every page a command
 * touches later, so a write that reaches a damaged page fails with
 * SQLITE_CORRUPT and is rolled back (db_fail says "is damaged").  Damage
 * deeper inside a b-tree that no command touches is found by 'clerk check'
 * (integrity_check and foreign keys over the whole file). */
static enum clerk_status damaged(struct db *db, const char *why,
				 struct clerk_err *err)
{
	char *safe = utf8_sanitize(why);
	clerk_fail(err, CLERK_FOREIGN,
		   "%s is damaged (%s): it was left untouched; run 'clerk check' "
		   "for details and restore it from a backup",
		   db->path, safe);
	free(safe);
	return CLERK_FOREIGN;
}

/* Size of the file PATH+SUFFIX, 0 when there is none. */
static off_t companion_size(const char *path, const char *suffix)
{
	char *p = xasprintf("%s%s", path, suffix);
	struct stat st;
	off_t size = stat(p, &st) == 0 ? st.st_size : 0;
	free(p);
	return size;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* A file shorter than the page count in its header was cut off.  The
 * header's count is trusted only when SQLite marks it valid (bytes 92-95
 * equal the change counter at 24-27), and only with no -wal or -journal
 * beside it, since a checkpoint or rollback interrupted by a crash may
 * legitimately leave the file short until SQLite recovers it. */
static enum clerk_status check_length(struct db *db, struct clerk_err *err)
{
	if (companion_size(db->path, "-wal") > 0 ||
	    companion_size(db->path, "-journal") > 0)
		return CLERK_OK;
	/* Read through SQLite's own handle.  Never open() and close() the
	 * file while a connection is open: closing any descriptor of a file
	 * drops every POSIX lock the process holds on it, SQLite's included;
	 * another process then takes itself for the last connection,
	 * checkpoints and deletes the -wal under this one's feet, and the
	 * file is corrupted (tests/reliability/concurrency.sh caught it). */
	unsigned char h[100];
	sqlite3_file *file = NULL;
	sqlite3_int64 size = 0;
	if (sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_FILE_POINTER,
				 &file) != SQLITE_OK ||
	    !file || !file->pMethods ||
	    file->pMethods->xFileSize(file, &size) != SQLITE_OK ||
	    file->pMethods->xRead(file, h, (int)sizeof h, 0) != SQLITE_OK)
		return CLERK_OK; /* SQLite's own errors will tell */
	uint32_t page = (uint32_t)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	uint32_t pages = be32(h + 28);
	if (pages == 0 || be32(h + 24) != be32(h + 92))
		return CLERK_OK;
	if ((uint64_t)size < (uint64_t)pages * page) {
		char why[120];
		snprintf(why, sizeof why,
			 "the file is cut short: %lld of %lu pages",
			 (long long)(size / page), (unsigned long)pages);
		return damaged(db, why, err);
	}
	return CLERK_OK;
}

/* Open one b-tree at its root as SQLite does: SELECT ... LIMIT 1 reads the
 * root page and the pages down to the first row.  Returns SQLITE_OK, or
 * the error, with why naming the b-tree. */
static int probe_root(struct db *db, bool table, const char *name,
		      const char *tbl_name, char *why, size_t whylen)
{
	/* NOT INDEXED: read the table itself, not a covering index. */
	char *sql = table ? sqlite3_mprintf("SELECT 1 FROM \"%w\" NOT INDEXED"
					    " LIMIT 1",
					    name)
			  : sqlite3_mprintf("SELECT 1 FROM \"%w\" INDEXED BY"
					    " \"%w\" LIMIT 1",
					    tbl_name, name);
	sqlite3_stmt *probe = NULL;
	int rc = SQLITE_OK;
	/* An index the planner cannot scan alone (a partial index) fails
	 * to prepare: it is left to the pages a command touches. */
	if (sqlite3_prepare_v2(db->sql, sql, -1, &probe, NULL) == SQLITE_OK) {
		int step = sqlite3_step(probe);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			rc = step;
			snprintf(why, whylen, "%s: %s", name,
				 sqlite3_errmsg(db->sql));
		}
	}
	sqlite3_finalize(probe);
	sqlite3_free(sql);
	return rc;
}

/* The file as SQLite's b-tree layer sees it, for reading pages straight
 * from the file (struct pages_view, page_looks_sound). */
struct pages_view {
	sqlite3_file *file;
	unsigned char *page; /* one page, and 32 bytes of zeros after it */
	uint32_t size, usable, count, pending;
	uint32_t max_local, min_local, max_leaf, min_leaf;
};

/* Open the view: only when no -wal and no -journal holds pages (then,
 * inside the read transaction the caller holds, the file is the snapshot
 * and nobody may write it: a reader of the file alone blocks a
 * checkpoint, and a rollback journal's reader holds the shared lock). */
static bool pages_open(struct db *db, struct pages_view *v)
{
	memset(v, 0, sizeof *v);
	if (companion_size(db->path, "-wal") > 0 ||
	    companion_size(db->path, "-journal") > 0)
		return false;
	unsigned char h[100];
	sqlite3_int64 fsize = 0;
	if (sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_FILE_POINTER,
				 &v->file) != SQLITE_OK ||
	    !v->file || !v->file->pMethods ||
	    v->file->pMethods->xFileSize(v->file, &fsize) != SQLITE_OK ||
	    v->file->pMethods->xRead(v->file, h, (int)sizeof h, 0) != SQLITE_OK)
		return false;
	v->size = (uint32_t)h[16] << 8 | h[17];
	if (v->size == 1)
		v->size = 65536;
	if (v->size < 512 || (v->size & (v->size - 1)) || h[20] > v->size - 480)
		return false;
	v->usable = v->size - h[20];
	uint32_t in_file = (uint32_t)(fsize / v->size);
	v->count = be32(h + 28);
	if (v->count == 0 || be32(h + 24) != be32(h + 92))
		v->count = in_file;
	if (v->count > in_file)
		v->count = in_file;
	v->pending = 0x40000000 / v->size + 1;
	v->max_local = (v->usable - 12) * 64 / 255 - 23;
	v->min_local = (v->usable - 12) * 32 / 255 - 23;
	v->max_leaf = v->usable - 35;
	v->min_leaf = (v->usable - 12) * 32 / 255 - 23;
	v->page = xcalloc(1, (size_t)v->size + 32);
	return true;
}

/* The size of a payload, the varint at *p (as cellSizePtr reads it, at
 * most 9 bytes), *p moved past it; false when it runs to the page's end. */
static bool payload_size(const unsigned char **p, const unsigned char *end,
			 uint32_t *out)
{
	const unsigned char *q = *p;
	uint32_t n = *q;
	if (n >= 0x80) {
		const unsigned char *stop = q + 8;
		n &= 0x7f;
		do {
			if (q + 1 >= end)
				return false;
			n = (n << 7) | (*++q & 0x7f);
		} while (*q >= 0x80 && q < stop);
	}
	*p = q + 1;
	*out = n;
	return true;
}

/* The bytes a cell takes on its page: its header (hdr bytes) and the part
 * of its payload of n bytes kept on the page, as SQLite counts them. */
static uint32_t cell_bytes(const struct pages_view *v, uint32_t n,
			   uint32_t hdr, bool intkey)
{
	uint32_t max_local = intkey ? v->max_leaf : v->max_local;
	uint32_t min_local = intkey ? v->min_leaf : v->min_local;
	if (n <= max_local) {
		n += hdr;
		if (n < 4)
			n = 4;
	} else {
		n = min_local + (n - min_local) % (v->usable - 4);
		if (n > max_local)
			n = min_local;
		n += 4 + (uint16_t)hdr;
	}
	return (uint16_t)n;
}

/* The size SQLite gives the cell at c (btreeCellSizeCheck's xCellSize:
 * cellSizePtr, cellSizePtrNoPayload), or -1 when measuring it would read
 * past the page. */
static long cell_size(const struct pages_view *v, const unsigned char *c,
		      bool leaf, bool intkey)
{
	const unsigned char *end = v->page + v->size;
	const unsigned char *p = c + (leaf ? 0 : 4);
	if (!leaf && intkey) { /* a table's interior cell: child, rowid */
		const unsigned char *stop = p + 9;
		do {
			if (p >= end)
				return -1;
		} while ((*p++ & 0x80) && p < stop);
		return (uint16_t)(p - c);
	}
	uint32_t n;
	if (p >= end || !payload_size(&p, end, &n))
		return -1;
	if (intkey) { /* a table's leaf cell: its rowid */
		const unsigned char *stop = p + 9;
		do {
			if (p >= end)
				return -1;
		} while ((*p++ & 0x80) && p < stop);
	}
	return cell_bytes(v, n, (uint32_t)(p - c), intkey);
}

/* The cells of a table's interior page (v->page) as page_looks_sound tests
 * them, in a loop of their own: such a page holds hundreds, and a cell is
 * only a child's page number and a rowid (cell_size's first case).  A cell
 * takes at most 13 bytes (4 and a varint of at most 9), so only one that
 * starts in the last 13 bytes of the usable part can end past it: only
 * there is its rowid read.  The rowid's varint is read without testing
 * for the page's end at each byte: 32 bytes of zeros follow the page, and
 * a varint running past its end makes the cell end past the usable part,
 * which fails as cell_size's -1 would. */
static bool interior_cells_sound(const struct pages_view *v, uint32_t cells,
				 uint32_t first, uint32_t last)
{
	const unsigned char *d = v->page, *ptr = d + 12;
	for (uint32_t i = 0; i < cells; i++, ptr += 2) {
		uint32_t pc = (uint32_t)ptr[0] << 8 | ptr[1];
		if (pc < first || pc > last)
			return false;
		if (pc + 13 <= v->usable)
			continue;
		const unsigned char *c = d + pc, *p = c + 4, *stop = p + 9;
		while ((*p++ & 0x80) && p < stop)
			;
		if (pc + (uint32_t)(p - c) > v->usable)
			return false;
	}
	return true;
}

/* The cells of an index's page (v->page), leaf or interior, as
 * page_looks_sound tests them, in a loop of their own (cell_size's index
 * case).  A cell starts within the usable part (first..last), so its
 * payload's size begins before the page's end. */
static bool index_cells_sound(const struct pages_view *v, uint32_t cells,
			      uint32_t first, uint32_t last, bool leaf)
{
	const unsigned char *d = v->page, *end = d + v->size;
	const unsigned char *ptr = d + (leaf ? 8 : 12);
	uint32_t skip = leaf ? 0 : 4; /* an interior cell's child page */
	for (uint32_t i = 0; i < cells; i++, ptr += 2) {
		uint32_t pc = (uint32_t)ptr[0] << 8 | ptr[1];
		if (pc < first || pc > last)
			return false;
		const unsigned char *c = d + pc, *p = c + skip;
		uint32_t n;
		if (!payload_size(&p, end, &n) ||
		    pc + cell_bytes(v, n, (uint32_t)(p - c), false) > v->usable)
			return false;
	}
	return true;
}

/* Read page pgno into v->page and test it as SQLite's btreeInitPage does
 * with cell_size_check on (decodeFlags, the cell count, each cell's place
 * and size), as a page of a table (intkey) or of an index.  False when the
 * page is not sound or cannot be read, or when SQLite might see it
 * otherwise (page 1, the lock-byte page, past the end of the file). */
static bool page_looks_sound(struct pages_view *v, uint32_t pgno,
			     bool intkey, bool *leaf, int *ncell)
{
	if (pgno < 2 || pgno > v->count || pgno == v->pending ||
	    v->file->pMethods->xRead(v->file, v->page, (int)v->size,
				     (sqlite3_int64)(pgno - 1) * v->size) !=
		    SQLITE_OK)
		return false;
	const unsigned char *d = v->page;
	if (d[0] != (intkey ? 0x05 : 0x02) && d[0] != (intkey ? 0x0D : 0x0A))
		return false;
	*leaf = (d[0] & 0x08) != 0;
	uint32_t cells = (uint32_t)d[3] << 8 | d[4];
	if (cells > (v->size - 8) / 6)
		return false;
	uint32_t offset = *leaf ? 8 : 12;
	uint32_t first = offset + 2 * cells;
	uint32_t last = v->usable - 4 - (*leaf ? 0 : 1);
	if (!intkey || !*leaf) {
		*ncell = (int)cells;
		return intkey ? interior_cells_sound(v, cells, first, last)
			      : index_cells_sound(v, cells, first, last, *leaf);
	}
	for (uint32_t i = 0; i < cells; i++) {
		uint32_t pc = (uint32_t)d[offset + 2 * i] << 8 | d[offset + 2 * i + 1];
		if (pc < first || pc > last)
			return false;
		long sz = cell_size(v, d + pc, *leaf, intkey);
		if (sz < 0 || pc + (uint32_t)sz > v->usable)
			return false;
	}
	*ncell = (int)cells;
	return true;
}

/* Whether SQLite, opening the b-tree at root and moving to its first row
 * (moveToRoot, moveToLeftmost), would find every page on the way sound: each
 * page tested as page_looks_sound, a root with no cells only as a leaf,
 * every child with cells and of the root's kind, no deeper than SQLite
 * goes.  False does not say the b-tree is damaged, only that SQLite itself
 * must be asked (probe_root). */
static bool root_looks_sound(struct pages_view *v, uint32_t root, bool intkey)
{
	bool leaf = false;
	int cells = 0;
	if (!page_looks_sound(v, root, intkey, &leaf, &cells) ||
	    (cells == 0 && !leaf))
		return false;
	for (int depth = 0; !leaf; depth++) {
		const unsigned char *d = v->page;
		uint32_t pc = (uint32_t)d[12] << 8 | d[13];
		uint32_t child = be32(d + pc);
		if (depth >= 18 || child == root ||
		    !page_looks_sound(v, child, intkey, &leaf, &cells) ||
		    cells < 1)
			return false;
	}
	return true;
}

/* How SQLite keeps a table's b-tree, told from the text that makes it: by
 * rowid (TREE_ROWID) when the word WITHOUT is nowhere in it (SQLite makes a
 * table WITHOUT ROWID only from those words); as an index is kept
 * (TREE_KEYED) when it ends with ") WITHOUT ROWID", its only WITHOUT, as
 * the full-text index's tables do, and holds no comment that could hide a
 * part of it (tests/reliability/damaged_roots.sh);
 * else not told (TREE_ASK: SQLite is asked, probe_root).  A text clerk
 * does not make is refused by check_schema before anything is written. */
enum tree_kind { TREE_ROWID, TREE_KEYED, TREE_ASK };

static size_t trim_end(const char *s, size_t n)
{
	while (n > 0 && strchr(" \t\r\n", s[n - 1]))
		n--;
	return n;
}

static enum tree_kind table_kind(const char *sql)
{
	const char *first = sql; /* its first WITHOUT, any case */
	while ((first = strpbrk(first, "wW")) &&
	       strncasecmp(first, "without", 7) != 0)
		first++;
	if (!first)
		return TREE_ROWID;
	static const char tail[] = "WITHOUT ROWID";
	size_t t = sizeof tail - 1, n = trim_end(sql, strlen(sql));
	if (n <= t || strncasecmp(sql + n - t, tail, t) != 0)
		return TREE_ASK;
	/* ") WITHOUT ROWID" at its end is its only WITHOUT */
	const char *last = sql + n - t;
	size_t before = trim_end(sql, n - t);
	return first == last && before > 0 && sql[before - 1] == ')' &&
		       !strstr(sql, "/*")
		       ? TREE_KEYED
		       : TREE_ASK;
}

/* Before writing, every b-tree is opened at its root and followed down to
 * its first row (one path per b-tree, about ninety b-trees, whatever the
 * size of the archive), as SELECT 1 FROM t NOT INDEXED LIMIT 1 (or INDEXED
 * BY i) would.  The pages of that path are read straight from the file and
 * tested as SQLite tests them as it reads (root_looks_sound): asking
 * SQLite, ninety statements prepared and run, cost about 2 M instructions
 * at every writable open, reading the pages here about 0.5 M (issue 17,
 * BENCHMARKS.md "The writer's check of every b-tree").  A table WITHOUT
 * ROWID (the full-text index's) is tested as an index, whose form SQLite
 * gives its pages (table_kind).  Any b-tree whose path does not pass those
 * tests, a table whose kind its text does not tell, or every b-tree when
 * the file is not the whole snapshot (a -wal or -journal beside it), is
 * asked of SQLite itself (probe_root),
 * whose error refuses the file naming the b-tree; so the same files are
 * refused with the same words, and the tests here only spare SQLite the
 * b-trees it would find sound. */
static enum clerk_status check_roots(struct db *db, struct clerk_err *err)
{
	sqlite3_stmt *list = NULL;
	/* The statement holds the read transaction while the pages are
	 * read.  It reads every row of the schema, each b-tree's marked by
	 * its last column, so that the same reading tells check_schema
	 * whether the schema is exactly clerk's (db_schema_expect_row):
	 * reading it again cost 0.15 M instructions at every writable
	 * open. */
	int rc = sqlite3_prepare_v2(db->sql,
				    "SELECT type, name, tbl_name, sql, rootpage, "
				    "rootpage > 0 AND type IN ('table','index') "
				    "FROM sqlite_schema",
				    -1, &list, NULL);
	char why[200] = "";
	struct pages_view v;
	bool direct = false, opened = false;
	struct schema_expect expect;
	db_schema_expect_start(&expect);
	while (rc == SQLITE_OK && (rc = sqlite3_step(list)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		const struct db_schema_row *mine =
			db_schema_expect_row(&expect, list);
		if (!sqlite3_column_int(list, 5))
			continue;
		if (!opened) {
			direct = pages_open(db, &v);
			opened = true;
		}
		bool table = strcmp(db_col_text(list, 0), "table") == 0;
		sqlite3_int64 root = sqlite3_column_int64(list, 4);
		enum tree_kind kind =
			table ? table_kind(db_col_text(list, DB_SCHEMA_SQL))
			      : TREE_KEYED;
		/* A text that does not tell (a comment saying "without")
		 * but is clerk's own, byte for byte: its kind as SQLite made
		 * it at the build (schema-gen). */
		if (kind == TREE_ASK && mine && mine->rowid >= 0)
			kind = mine->rowid ? TREE_ROWID : TREE_KEYED;
		if (direct && kind != TREE_ASK && root > 1 &&
		    root < UINT32_MAX &&
		    root_looks_sound(&v, (uint32_t)root, kind == TREE_ROWID)) {
			rc = SQLITE_OK;
			continue;
		}
		rc = probe_root(db, table, db_col_text(list, 1),
				db_col_text(list, 2), why, sizeof why);
	}
	if (direct)
		free(v.page);
	db->schema_expected = db_schema_expect_end(&expect, rc == SQLITE_DONE);
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	if (rc != SQLITE_OK && !why[0])
		snprintf(why, sizeof why, "%s", sqlite3_errmsg(db->sql));
	sqlite3_finalize(list);
	if (rc == SQLITE_OK)
		return CLERK_OK;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return db_fail(db, err, "checking the file");
	return damaged(db, why, err);
}

static enum clerk_status check_sound(struct db *db, struct clerk_err *err)
{
	enum clerk_status rc = check_length(db, err);
	if (!rc)
		rc = check_roots(db, err);
	return rc;
}

/* A file from someone else cannot reach beyond its own data: no
 * direct writes to the schema or pages (defensive), no function with side
 * effects called from its schema (trusted_schema off: only innocuous
 * functions, such as clerk_now, run in triggers, views and indexes), no
 * extension loaded, no view at all (clerk uses none; a recursive view
 * hung every command), and "text" never taken for a string. */
static enum clerk_status harden_connection(struct db *db,
					   struct clerk_err *err)
{
	static const int off[] = {SQLITE_DBCONFIG_TRUSTED_SCHEMA,
				  SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION,
				  SQLITE_DBCONFIG_DQS_DML, SQLITE_DBCONFIG_DQS_DDL,
				  SQLITE_DBCONFIG_ENABLE_VIEW};
	int set = -1;
	if (sqlite3_db_config(db->sql, SQLITE_DBCONFIG_DEFENSIVE, 1, &set) !=
		    SQLITE_OK ||
	    set != 1)
		return db_fail(db, err, "setting up the connection");
	for (size_t i = 0; i < sizeof off / sizeof off[0]; i++)
		if (sqlite3_db_config(db->sql, off[i], 0, &set) != SQLITE_OK ||
		    set != 0)
			return db_fail(db, err, "setting up the connection");
	return CLERK_OK;
}

static enum clerk_status setup_connection(struct db *db, struct clerk_err *err)
{
	sqlite3_busy_timeout(db->sql, DB_BUSY_TIMEOUT_MS);
	enum clerk_status rc = harden_connection(db, err);
	if (rc)
		return rc;
	/* Innocuous: they may run in clerk's triggers with trusted_schema
	 * off (they read the clock and the user, and change nothing). */
	if (sqlite3_create_function(db->sql, "clerk_now", 0,
				    SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
				    sql_clerk_now, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(db->sql, "clerk_user", 0,
				    SQLITE_UTF8 | SQLITE_INNOCUOUS, db,
				    sql_clerk_user, NULL, NULL) != SQLITE_OK)
		return db_fail(db, err, "setting up the connection");
	/* cell_size_check: SQLite tests each page it reads more strictly, so
	 * that a command reaching a damaged page stops there (check_sound). */
	return db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA cell_size_check=ON;",
		       err);
}

/* 256 pages (1 MB) of the file kept in memory instead of 2,000.  A command
 * reads most pages once, and each new page of the cache is a new page of
 * memory for the kernel to fault in, which costs more than reading the
 * page again from the file; fewer than 256 and a year's minutes or a
 * body's attendance read pages again (BENCHMARKS.md, "SQLite's page
 * cache").  Set once the connection is known to read the file: the pragma
 * reads the schema, and a file that cannot be read is reported by
 * check_header. */
static void limit_cache(struct db *db)
{
	(void)sqlite3_exec(db->sql,
			   "PRAGMA cache_size=" DB_STR(DB_CACHE_PAGES), NULL,
			   NULL, NULL);
}

/* The journal: WAL + FULL, or a rollback journal on network filesystems.
 * Called only once the file is known to be clerk's (or empty). */
static enum clerk_status set_journal(struct db *db, struct clerk_err *err)
{
	if (db->readonly)
		return CLERK_OK;
	return db_exec(db,
		       on_network_fs(db->path) ? "PRAGMA journal_mode=DELETE; "
						 "PRAGMA synchronous=EXTRA;"
					       : "PRAGMA journal_mode=WAL; "
						 "PRAGMA synchronous=FULL;",
		       err);
}

static enum clerk_status open_connection(struct db *db, bool readonly,
					 bool immutable, struct clerk_err *err)
{
	int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW;
	flags |= readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	char *uri = NULL;
	char *escaped = sqlite3_mprintf("%q", db->path);
	if (immutable)
		uri = xasprintf("file:%s?immutable=1", escaped);
	sqlite3_free(escaped);
	int rc = sqlite3_open_v2(uri ? uri : db->path, &db->sql,
				 uri ? flags : (flags & ~SQLITE_OPEN_URI), NULL);
	free(uri);
	db->readonly = readonly;
	if (rc != SQLITE_OK)
		return db_fail(db, err, "opening the file");
	sqlite3_extended_result_codes(db->sql, 1);
	return CLERK_OK;
}

/* Can clerk write here?  A WAL file also needs its folder writable. */
static bool writable(const char *path)
{
	if (access(path, W_OK) != 0)
		return false;
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	bool ok;
	if (!slash)
		ok = access(".", W_OK) == 0;
	else if (slash == dir)
		ok = access("/", W_OK) == 0;
	else {
		*slash = '\0';
		ok = access(dir, W_OK) == 0;
	}
	free(dir);
	return ok;
}

static bool companion_exists(const char *path, const char *suffix)
{
	char *p = xasprintf("%s%s", path, suffix);
	bool yes = access(p, F_OK) == 0;
	free(p);
	return yes;
}

/* SQLite gives the -wal and -shm files the mode of the database file.  A
 * read-only file once opened in a writable folder can leave a read-only
 * -shm behind, and later, with the file writable again, every write would
 * fail as "read-only".  Before writing, give such companions (if they are
 * ours) the database file's mode again. */
static void repair_companions(const char *path)
{
	struct stat st, cst;
	if (stat(path, &st) != 0)
		return;
	static const char *const suffixes[] = {"-shm", "-wal"};
	for (size_t i = 0; i < 2; i++) {
		char *p = xasprintf("%s%s", path, suffixes[i]);
		if (stat(p, &cst) == 0 && cst.st_uid == geteuid() &&
		    access(p, W_OK) != 0)
			chmod(p, st.st_mode & 0666);
		free(p);
	}
}

/* True when a read-only connection failed because it cannot set up the
 * WAL's shared memory (no -shm, folder read-only), not because the file is
 * busy or damaged. */
static bool cannot_share_wal(struct db *db)
{
	int code = sqlite3_extended_errcode(db->sql) & 0xFF;
	return code == SQLITE_CANTOPEN || code == SQLITE_READONLY ||
	       code == SQLITE_IOERR;
}

/* Before SQLite starts: clerk uses each connection from one thread, and
 * never asks SQLite how much memory it holds, so SQLite need not take a
 * mutex and count bytes in every malloc and free (a tenth of an export's
 * instructions).  A no-op once SQLite has started (a test's VFS). */
static void db_configure_sqlite(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	db_sqlite_memory();
	(void)sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* Trust the schema: let clerk's triggers use the full-text index (a
 * virtual table SQLite does not mark innocuous).  Only once the schema is
 * known to be exactly clerk's. */
static void trust_schema(sqlite3 *sql)
{
	(void)sqlite3_db_config(sql, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);
}

enum clerk_status db_reference_schema(int version, sqlite3 **out,
				      struct clerk_err *err)
{
	static char name[] = "clerk's own schema";
	struct db ref = {.path = name};
	*out = NULL;
	enum clerk_status rc = CLERK_OK;
	if (sqlite3_open_v2(":memory:", &ref.sql,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY,
			    NULL) != SQLITE_OK)
		rc = db_fail(&ref, err, "making the reference schema");
	if (!rc)
		rc = setup_connection(&ref, err);
	if (!rc) {
		trust_schema(ref.sql);
		rc = migrate_to(&ref, 0, version, err);
	}
	for (size_t i = 0; i < ref.nstmts; i++)
		sqlite3_finalize(ref.stmts[i].stmt);
	free(ref.who);
	if (rc) {
		sqlite3_close(ref.sql);
		return rc;
	}
	*out = ref.sql;
	return CLERK_OK;
}

enum clerk_status db_schema_report(struct db *db, struct schema_report *rep,
				   struct clerk_err *err)
{
	return db_schema_compare(db->sql, db_schema_version(db), rep, err);
}

enum clerk_status db_schema_repair(struct db *db, struct clerk_err *err)
{
	if (db->readonly)
		return clerk_fail(err, CLERK_READONLY,
				  "%s is read-only: it cannot be repaired here",
				  db->path);
	struct schema_report rep;
	int version = db_schema_version(db);
	enum clerk_status rc = db_schema_compare(db->sql, version, &rep, err);
	if (!rc && rep.tables_differ) {
		char *p = utf8_sanitize(db->path);
		rc = clerk_fail(err, CLERK_FOREIGN,
				"%s cannot be repaired: %s; restore it from a "
				"backup",
				p, rep.first);
		free(p);
	}
	if (!rc && rep.verdict != SCHEMA_SAME)
		rc = db_schema_restore(db->sql, version, err);
	schema_report_free(&rep);
	if (!rc) {
		trust_schema(db->sql);
		if (version < db_program_schema_version())
			rc = migrate(db, version, err);
	}
	return rc;
}

/* A record's scope as the triggers write it, and the records whose
 * scope is another. */
#define SEARCH_SCOPE_DUE SEARCH_SCOPE_OF("search_doc.meeting_id")
#define SEARCH_MISFILED "search_doc WHERE scope IS NOT " SEARCH_SCOPE_DUE

/* The count a statement of the search index's checks answers (sql a
 * string literal: db_stmt caches it by address). */
static enum clerk_status count_of(struct db *db, const char *sql,
				  long long *n, struct clerk_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return CLERK_DB;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	db_done(st);
	return step == SQLITE_ROW ? CLERK_OK
				  : db_fail(db, err, "checking the search index");
}

enum clerk_status db_search_misfiled(struct db *db, long long *n,
				     struct clerk_err *err)
{
	*n = 0;
	if (db_schema_version(db) < DB_STEP_SEARCH_MONTH)
		return CLERK_OK;
	return count_of(db, "SELECT count(*) FROM " SEARCH_MISFILED, n, err);
}

enum clerk_status db_search_rescope(struct db *db, long long *n,
				    struct clerk_err *err)
{
	*n = 0;
	if (db_schema_version(db) < DB_STEP_SEARCH_MONTH)
		return CLERK_OK;
	/* search_doc_au indexes each record filed again. */
	enum clerk_status rc = db_exec(
		db,
		"UPDATE search_doc SET scope = " SEARCH_SCOPE_DUE
		" WHERE scope IS NOT " SEARCH_SCOPE_DUE,
		err);
	if (!rc)
		*n = sqlite3_changes64(db->sql);
	return rc;
}

bool db_wordlist_ready(struct db *db)
{
	return db_schema_version(db) >= DB_STEP_WORDLIST &&
	       !wordlist_waiting(db->sql);
}

/* The words of search_words' vocabulary that the list lacks. */
#define WORDLIST_LACKS                                                     \
	"search_words_vocab v WHERE NOT EXISTS (SELECT 1 FROM "            \
	"search_wordlist w WHERE w.word = v.term)"

static enum clerk_status wordlist_lacking(struct db *db, long long *n,
					 struct clerk_err *err)
{
	return count_of(db, "SELECT count(*) FROM " WORDLIST_LACKS, n, err);
}

enum clerk_status db_wordlist_missing(struct db *db, long long *n,
				      struct clerk_err *err)
{
	*n = 0;
	return db_wordlist_ready(db) ? wordlist_lacking(db, n, err) : CLERK_OK;
}

enum clerk_status db_wordlist_relist(struct db *db, long long *n,
				     struct clerk_err *err)
{
	*n = 0;
	if (db_schema_version(db) < DB_STEP_WORDLIST)
		return CLERK_OK;
	enum clerk_status rc = db_begin(db, err);
	if (rc)
		return rc;
	rc = wordlist_lacking(db, n, err);
	if (!rc && wordlist_relist(db->sql) != SQLITE_OK)
		rc = db_fail(db, err, "listing the words of the search index");
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

const char *db_repair_reason(const struct db *db)
{
	return db->repair;
}

/* Refuse a file whose schema is not what this clerk creates at the file's
 * version; a file whose triggers or indexes alone differ is opened for
 * reading only.  A file exactly as clerk makes it is trusted (its
 * triggers may use the full-text index). */
static enum clerk_status check_schema(struct db *db, int version,
				      struct clerk_err *err)
{
	/* Already known, from check_roots' reading: db_schema_compare would
	 * answer the same (db_schema_is_expected) from a reading of its own. */
	if (db->schema_expected && version == db_expected_version) {
		trust_schema(db->sql);
		return CLERK_OK;
	}
	struct schema_report rep;
	enum clerk_status rc = db_schema_compare(db->sql, version, &rep, err);
	if (rc)
		return rc;
	char *p = utf8_sanitize(db->path);
	if (rep.verdict == SCHEMA_FOREIGN)
		rc = clerk_fail(err, CLERK_FOREIGN,
				"%s is not a clerk database as this clerk makes "
				"it: %s; it was left untouched ('clerk check' "
				"lists every difference)",
				p, rep.first);
	else if (rep.verdict == SCHEMA_REPAIR) {
		db->repair = xstrdup(rep.first);
		if (!db->readonly)
			(void)sqlite3_exec(db->sql, "PRAGMA query_only=ON", NULL,
					   NULL, NULL);
	} else {
		trust_schema(db->sql);
	}
	free(p);
	schema_report_free(&rep);
	return rc;
}

enum clerk_status db_open(const char *path, enum db_mode mode, struct db **out,
			  struct clerk_err *err)
{
	*out = NULL;
	db_configure_sqlite();
	bool exists;
	enum clerk_status rc = check_file_kind(path, &exists, err);
	if (rc)
		return rc;
	/* A missing file is a storage error (exit 4, as documented), not an
	 * empty answer (exit 1) that a script could take for "none". */
	if (!exists && mode != DB_CREATE)
		return clerk_fail(err, CLERK_IO,
				  "no clerk database at %s: run 'clerk init' to "
				  "set up your council, 'clerk demo' for the "
				  "demo board, or give --db FILE",
				  path);
	if (!exists && (rc = create_private_file(path, err)))
		return rc;

	struct db *db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	bool readonly = mode == DB_READONLY || mode == DB_INSPECT ||
			!writable(path);
	if (readonly && mode == DB_CREATE && !exists)
		readonly = false;
	/* A file nobody may write, closed cleanly (no -wal): read it as an
	 * immutable snapshot, so that no -wal or -shm is left beside it. */
	bool immutable = readonly && exists && access(path, W_OK) != 0 &&
			 !companion_exists(path, "-wal");
	if (!readonly)
		repair_companions(path);
	rc = open_connection(db, readonly, immutable, err);
	if (!rc)
		rc = setup_connection(db, err);
	if (!rc && readonly && !immutable &&
	    pragma_int(db, "SELECT count(*) FROM sqlite_schema") < 0 &&
	    cannot_share_wal(db)) {
		/* A WAL file in a read-only folder without its -shm: read it as
		 * an immutable snapshot.  Never when the file is merely busy or
		 * damaged: an immutable reader of a file another program is
		 * writing would see torn pages. */
		sqlite3_close_v2(db->sql);
		db->sql = NULL;
		rc = open_connection(db, true, true, err);
		if (!rc)
			rc = setup_connection(db, err);
	}
	int version = 0;
	if (!rc)
		limit_cache(db);
	if (!rc)
		rc = check_header(db, mode, &version, err);
	if (!rc && !db->readonly && exists && version > 0)
		rc = check_sound(db, err);
	if (!rc)
		rc = set_journal(db, err);
	if (!rc && mode != DB_INSPECT && mode != DB_REPAIR)
		rc = check_schema(db, version, err);
	if (!rc && !db->repair && mode != DB_INSPECT && mode != DB_REPAIR &&
	    version < db_program_schema_version())
		rc = migrate(db, version, err);
	if (!rc && (mode == DB_CREATE || mode == DB_EXISTING))
		watch_writes(db);
	if (rc) {
		db_close(&db);
		return rc;
	}
	*out = db;
	return CLERK_OK;
}

void db_close(struct db **pdb)
{
	struct db *db = *pdb;
	if (!db)
		return;
	/* A writer that is not interactive (a command, an import) has no idle
	 * moments: it merges the search index once as it closes, as the
	 * console does when idle; else its segments would pile up to FTS5's
	 * crisismerge (sixteen a level), each read by every search.  Bounded,
	 * and best effort: what was recorded is already committed. */
	if (db->sql && db->fts_merge && !db->interactive && db->depth == 0)
		db_fts_merge(db);
	/* The console indexes what it noted as it closes (what a kill
	 * leaves noted, the next console or search indexes). */
	if (db->sql && db->search_pending && db->depth == 0)
		db_index_noted(db);
	/* Every writer lists the words it wrote as it closes: a command
	 * has no idle moment, and a prefix search would read the
	 * vocabulary until the next writer did. */
	if (db->sql && db->depth == 0 && db_wrote_since_words(db))
		db_list_words(db);
	for (size_t i = 0; i < db->nstmts; i++)
		sqlite3_finalize(db->stmts[i].stmt);
	if (db->sql)
		sqlite3_close_v2(db->sql);
	free(db->path);
	free(db->repair);
	free(db->who);
	free(db);
	*pdb = NULL;
}
