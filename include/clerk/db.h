/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db: the clerk file.  Opening and creating it, the pragmas that make every
 * commit durable, schema migrations, transactions, cached prepared
 * statements, UUIDs, and translating SQLite's failures into sentences a clerk
 * can act on.
 *
 * Only db and model use SQL: the statements, and every SQLite type, are in
 * clerk/db_sql.h, which no other part of clerk can include (it stops the
 * build).  A struct db is one connection; clerk is single-threaded, so it
 * needs no locking of its own.
 */
#ifndef CLERK_DB_H
#define CLERK_DB_H

#include "clerk/core.h"

/* "clrk" in ASCII: lets clerk (and file(1)) recognise its own files. */
#define CLERK_APPLICATION_ID 0x636c726b
/* Length of a UUID in text form, with its NUL. */
#define CLERK_UUID_LEN 37

enum db_mode {
	DB_CREATE,   /* open, creating the file (mode 0600) and its folder */
	DB_EXISTING, /* open read-write; the file must exist */
	DB_READONLY, /* open for look-ups only; never writes */
	DB_INSPECT,  /* read-only, and a schema that differs from this
			clerk's is opened rather than refused (clerk check) */
	DB_REPAIR,   /* read-write, a differing schema opened (clerk check
			--repair) */
};

/* How a file's schema compares with the one this clerk creates. */
enum schema_verdict {
	SCHEMA_SAME,    /* as this clerk creates it */
	SCHEMA_REPAIR,  /* one of clerk's triggers or indexes is missing or
			   altered, or there is an index clerk does not
			   create: readable; writes refused until repaired */
	SCHEMA_FOREIGN, /* a table missing or different, a view, a trigger
			   clerk does not create: the file is refused */
};

struct schema_report {
	enum schema_verdict verdict;
	char first[512];     /* the first difference of the gravest kind */
	struct strbuf lines; /* every difference, one a line */
	int n;               /* how many */
	bool tables_differ;  /* a table is missing or different: that
				cannot be repaired */
};

struct db;

/* The database path: --db (explicit, may be NULL), else $CLERK_DB, else
 * $XDG_DATA_HOME/clerk/clerk.db, else ~/.local/share/clerk/clerk.db.
 * Returns a newly allocated string. */
char *db_default_path(const char *explicit_path);

/* Open (and, in DB_CREATE mode, create or upgrade) the clerk file at path.
 * Refuses a file that is not a clerk database and one written by a newer
 * clerk, without modifying it.  In DB_EXISTING mode a read-only file is
 * opened read-only (db_is_readonly tells) so that look-ups still work.
 * On success *out owns the connection; free it with db_close(). */
enum clerk_status db_open(const char *path, enum db_mode mode, struct db **out,
			  struct clerk_err *err);
/* Close the connection and set *db to NULL. */
void db_close(struct db **db);

/* Compare the open file's schema with what this clerk creates (every
 * table a table with its columns, clerk's own triggers and indexes and no
 * other, no view).  Every connection does it on opening: a SCHEMA_FOREIGN
 * file is refused, a SCHEMA_REPAIR one opened for reading only (except in
 * DB_INSPECT and DB_REPAIR modes).  Release rep with schema_report_free. */
enum clerk_status db_schema_report(struct db *db, struct schema_report *rep,
				   struct clerk_err *err);
void schema_report_free(struct schema_report *rep);
/* Put the schema right: drop the views, triggers and indexes clerk does
 * not create, restore its own (DB_REPAIR connections).  A missing or
 * different table cannot be repaired: that is refused, nothing changed. */
enum clerk_status db_schema_repair(struct db *db, struct clerk_err *err);
/* The records the search index files under another body or month than
 * their meeting's (schema step 17; 0 before it): a search of the body, or
 * newest first, may miss them.  db_search_rescope files them again
 * (DB_REPAIR connections), *n how many. */
enum clerk_status db_search_misfiled(struct db *db, long long *n,
				     struct clerk_err *err);
enum clerk_status db_search_rescope(struct db *db, long long *n,
				    struct clerk_err *err);
/* Whether the list of the search index's words (schema step 18) holds
 * every word of the index, so that a prefix may read it; false before step
 * 18, or while a document is written and its words not listed yet. */
bool db_wordlist_ready(struct db *db);
/* The words of the index the list lacks while it is taken as whole (a
 * file changed by a program that is not clerk): a prefix search may miss
 * them.  db_wordlist_relist makes the list again (DB_REPAIR connections),
 * *n the words it lacked. */
enum clerk_status db_wordlist_missing(struct db *db, long long *n,
				      struct clerk_err *err);
enum clerk_status db_wordlist_relist(struct db *db, long long *n,
				     struct clerk_err *err);
/* Why writes are refused until `clerk check --repair` (NULL: they are
 * not). */
const char *db_repair_reason(const struct db *db);

/* Stop any statement of this connection, from now on, once SQLite has run
 * `steps` virtual-machine steps in all (db_fail then says the work was
 * stopped); 0 lifts the limit.  So that no file can hang or amplify a
 * command that reads it (clerk merge). */
void db_limit_work(struct db *db, long long steps);
/* The number of pages of the main file (-1 when it cannot be read). */
long long db_page_count(struct db *db);

const char *db_path(const struct db *db);
/* Tune the connection for an interactive writer, so that no action waits
 * for work it can do without:
 * - the WAL checkpoint, which SQLite otherwise runs inside the commit that
 *   fills the WAL past 1,000 pages, is deferred to db_idle().  The WAL is
 *   still checkpointed at a commit once it passes 8,000 pages, and when the
 *   last connection closes.  db_idle() checkpoints when the WAL holds 1,000
 *   pages or more (call it when the user has been idle; it does nothing
 *   inside a transaction);
 * - temporary files stay in memory (PRAGMA temp_store=MEMORY): a statement
 *   that writes a dozen pages through the search triggers keeps its
 *   statement journal in memory instead of creating, writing and unlinking
 *   a file in /var/tmp, and a full /var/tmp cannot fail a recording.  An
 *   interactive writer's statements touch one meeting, so the memory is a
 *   few dozen pages;
 * - when idle, db_idle() also gives the WAL file room for the frames of
 *   the commits to come (zeros, about 5 MB), so that a commit overwrites
 *   blocks the file has instead of growing it: growing a file makes its
 *   fdatasync also commit the file's size to the filesystem's journal;
 * - after a checkpoint, db_idle() starts the WAL again itself (a commit
 *   that changes nothing), so that the next action's commit does not sync
 *   the WAL's new header before its own frames (two fdatasyncs);
 * - db_idle() merges the search index's segments (a bounded amount each
 *   time), which FTS5 no longer does inside commits (schema step 13); a
 *   writer that is not interactive merges once in db_close() instead;
 * - what it captures (paragraphs, resolutions) is noted in search_pending
 *   in the action's commit, and copied into the search index by db_idle()
 *   (and as it closes) rather than inside that commit (schema step 14):
 *   half the pages a minute point wrote. */
void db_interactive_writer(struct db *db);
void db_idle(struct db *db);
/* Before reading the search index: index what a console noted and has not
 * indexed yet (it does when idle; it may have been killed first), so that
 * a capture of a moment ago is found from any process.  A read-only
 * connection does it through a connection of its own when the file is
 * writable; best effort (a file no one may write, or a writer that holds
 * the file past the busy timeout, is searched as it is).  With nothing
 * noted: one read of an empty table. */
void db_search_catch_up(struct db *db);
/* PRAGMA data_version: it changes when another connection (another clerk,
 * a look-up, an import) has committed to the file since the last call, and
 * never for this connection's own commits; -1 when it cannot be read.  A
 * reader that keeps what it read can tell from it whether to read again. */
long long db_data_version(struct db *db);
/* True when writes will be refused (read-only file, folder or mode). */
bool db_is_readonly(const struct db *db);
/* True when the file lives on a network filesystem (NFS, SMB, sshfs), where
 * clerk uses a rollback journal with synchronous=EXTRA instead of WAL.
 * CLERK_ASSUME_NETWORK_FS=1 in the environment makes it true (for tests). */
bool db_on_network_fs(const struct db *db);
/* The schema version of the open file and of this program. */
int db_schema_version(struct db *db);
int db_program_schema_version(void);
/* The first schema step whose search index holds each record's month
 * (its meeting's, in its scope): what a search newest first reads a month
 * at a time, and what check and --repair look for. */
#define DB_STEP_SEARCH_MONTH 17

/* Make, on a connection that writes, every trigger that audits its writes
 * (and copies records into the search index), before statements prepared
 * other than by db_stmt or db_exec write to clerk's tables (merge).  db_stmt
 * and db_exec make those a statement needs by themselves. */
enum clerk_status db_prepare_writes(struct db *db, struct clerk_err *err);

/* Run sql (no results) directly. */
enum clerk_status db_exec(struct db *db, const char *sql, struct clerk_err *err);

/* Transactions: BEGIN IMMEDIATE (so a writer never fails half-way on a lock),
 * COMMIT, ROLLBACK.  A single statement outside a transaction commits by
 * itself.  They nest: inside an open transaction db_begin() makes a
 * savepoint, db_commit() releases it (nothing reaches the disk until the
 * outermost commit) and db_rollback() undoes only the innermost level.  So
 * a caller can make several model writes (each its own transaction) one
 * atomic action: db_begin, the writes, db_commit. */
enum clerk_status db_begin(struct db *db, struct clerk_err *err);
enum clerk_status db_commit(struct db *db, struct clerk_err *err);
void db_rollback(struct db *db);

/* Fill err from the connection's last error: SQLITE_FULL becomes CLERK_FULL,
 * read-only errors CLERK_READONLY, the lock triggers CLERK_LOCKED, and so on;
 * `doing` says what clerk was trying to do ("recording the vote"). */
enum clerk_status db_fail(struct db *db, struct clerk_err *err,
			  const char *doing);

/* A fresh random UUID, lower case. */
void db_uuid(char out[CLERK_UUID_LEN]);
/* True when s looks like a UUID. */
bool db_is_uuid(const char *s);

#endif
