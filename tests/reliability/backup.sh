#!/bin/bash
# clerk backup and clerk check: a whole, private, checked copy; refusals that
# leave other files alone; the journal mode reported, and the rollback-journal
# fallback used on a network filesystem.
. "$top_srcdir/tests/lib.sh"
setup
RELTOOL=$top_builddir/tests/reliability/reltool
db=$T/clerk.db

ok "an empty clerk database is created" "$RELTOOL" create "$db"
# 300 councils with names that need quoting, committed one by one.
for i in $(seq 1 300); do
	echo "INSERT INTO council(id,name) VALUES('c$i','Council $i''s \"name\" <b>');"
done | sqlite3 "$db"
is "the rows are there" "$(sqlite3 "$db" 'SELECT count(*) FROM council')" 300

out=$("$CLERK" --db "$db" check 2>&1); rc=$?
is "check: a sound file exits 0" "$rc" 0
has "check: names the file" "$out" "file:         $db"
has "check: reports WAL with full syncs" "$out" "journal:      wal, synchronous full"
has "check: integrity ok" "$out" "integrity:    ok"
has "check: foreign keys ok" "$out" "foreign keys: ok"
has "check: verdict" "$out" "$db is sound"

out=$("$CLERK" --db "$db" backup "$T/backup.db" 2>&1); rc=$?
is "backup exits 0" "$rc" 0
has "backup says where it wrote" "$out" "backup written to $T/backup.db"
is "the backup is private (0600)" "$(stat -c %a "$T/backup.db")" 600
is "the backup holds every row" \
	"$(sqlite3 "$T/backup.db" 'SELECT count(*) FROM council')" 300
is "the backup keeps text exactly" \
	"$(sqlite3 "$T/backup.db" "SELECT name FROM council WHERE id='c7'")" \
	"Council 7's \"name\" <b>"
is "the backup is one self-contained file (rollback journal)" \
	"$(sqlite3 "$T/backup.db" 'PRAGMA journal_mode')" delete
is "the backup passes integrity_check" \
	"$(sqlite3 "$T/backup.db" 'PRAGMA integrity_check')" ok
is "no temporary file is left behind" \
	"$(ls "$T" | grep -c tmp-)" 0
ok "clerk itself checks the backup as sound" "$CLERK" --db "$T/backup.db" check

# A newer backup replaces an earlier one whole.
echo "INSERT INTO council(id,name) VALUES('c301','Late');" | sqlite3 "$db"
exits "a second backup over the first succeeds" 0 \
	"$CLERK" --db "$db" backup "$T/backup.db"
is "the second backup has the new row" \
	"$(sqlite3 "$T/backup.db" 'SELECT count(*) FROM council')" 301

# Refusals leave files untouched.
printf 'precious notes\n' >"$T/notes.txt"
sum=$(cksum <"$T/notes.txt")
out=$("$CLERK" --db "$db" backup "$T/notes.txt" 2>&1); rc=$?
is "backup over a file that is not clerk's is refused (exit 4)" "$rc" 4
has "and says so" "$out" "is not a clerk database: it was left untouched"
is "that file is unchanged" "$(cksum <"$T/notes.txt")" "$sum"
sqlite3 "$T/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES(1);'
sum=$(cksum <"$T/other.db")
exits "backup over someone else's SQLite file is refused" 4 \
	"$CLERK" --db "$db" backup "$T/other.db"
is "that SQLite file is unchanged" "$(cksum <"$T/other.db")" "$sum"
out=$("$CLERK" --db "$db" backup "$db" 2>&1); rc=$?
is "backup onto the database itself is refused (exit 2)" "$rc" 2
has "and says why" "$out" "is the database itself"
exits "backup onto a folder is refused" 2 "$CLERK" --db "$db" backup "$T"
exits "backup without a file name is a usage error" 2 "$CLERK" --db "$db" backup
out=$("$CLERK" --db "$T/none.db" backup "$T/b2.db" 2>&1); rc=$?
is "backup of a missing database exits 4 (storage error, as documented)" "$rc" 4
has "and says there is no database" "$out" "no clerk database at"
[ ! -e "$T/b2.db" ]; _tap_result $? "no backup file is made from nothing"

# Network filesystem: WAL is unsafe there; clerk falls back to a rollback
# journal with synchronous=EXTRA, and check reports it.
is "on a local disk clerk uses WAL + full" "$("$RELTOOL" mode "$db")" "wal 2"
is "on a network filesystem clerk uses a rollback journal + extra" \
	"$(CLERK_ASSUME_NETWORK_FS=1 "$RELTOOL" mode "$db")" "delete 3"
out=$(CLERK_ASSUME_NETWORK_FS=1 "$CLERK" --db "$db" check 2>&1)
has "check reports the rollback journal" "$out" "journal:      delete, synchronous extra"
has "check says why" "$out" "on a network filesystem"
is "the file itself is now in rollback-journal mode" \
	"$(sqlite3 "$db" 'PRAGMA journal_mode')" delete
is "no -wal file is left beside it" "$(ls "$T" | grep -c 'clerk.db-wal')" 0
is "the rows survived the switch" \
	"$(sqlite3 "$db" 'SELECT count(*) FROM council')" 301
is "back on a local disk clerk returns to WAL" "$("$RELTOOL" mode "$db")" "wal 2"
CLERK_ASSUME_NETWORK_FS=1 "$RELTOOL" mode "$db" >/dev/null
exits "backup works from a rollback-journal file too" 0 \
	env CLERK_ASSUME_NETWORK_FS=1 "$CLERK" --db "$db" backup "$T/b3.db"
is "and holds every row" "$(sqlite3 "$T/b3.db" 'SELECT count(*) FROM council')" 301

# A damaged file: check finds the problem and says so (exit 4).
cp "$T/backup.db" "$T/broken.db"
for i in $(seq 1 20); do
	echo "INSERT INTO person(id,name,organisation) VALUES('p$i','Name $i','Org $((100 - i))');"
done | sqlite3 "$T/broken.db"
sqlite3 "$T/broken.db" 'PRAGMA writable_schema=ON;
  UPDATE sqlite_schema SET sql=replace(sql,"person(name","person(organisation")
  WHERE name="person_name";' 2>/dev/null
sqlite3 "$T/broken.db" 'PRAGMA foreign_keys=OFF;
  INSERT INTO body(id,council_id,name) VALUES("b1","nowhere","Orphan Board");'
out=$("$CLERK" --db "$T/broken.db" check 2>&1); rc=$?
is "check on a damaged file exits 4" "$rc" 4
has "check reports the bad index" "$out" "integrity: "
has "check reports the orphan row" "$out" "foreign key: body row"
has "check gives advice" "$out" "restore it from a backup"

done_testing
