#!/bin/bash
# What clerk does with the file --db names: a file that is not a clerk
# database, one written by a newer clerk, and a read-only one are refused
# (exit 4) and left byte for byte as they were, as is one another program
# holds open; look-ups still work on a read-only database; a missing folder
# is created for a new database.
. "$top_srcdir/tests/lib.sh"
setup

# Not a database at all.
printf 'Minutes of the Parish Council\nnot a database\n' > "$T/notes.txt"
before=$(cksum < "$T/notes.txt")
out=$("$CLERK" --db "$T/notes.txt" demo 2>&1); rc=$?
is "demo onto a text file: exit 4" "$rc" 4
has "says it is not a clerk database" "$out" "$T/notes.txt is not a clerk database"
is "the text file is unchanged" "$(cksum < "$T/notes.txt")" "$before"
out=$("$CLERK" --db "$T/notes.txt" meetings 2>&1); rc=$?
is "meetings on a text file: exit 4" "$rc" 4
is "still unchanged" "$(cksum < "$T/notes.txt")" "$before"
is "no temporary file is left beside it" "$(ls -A "$T")" "home
notes.txt"

# A folder is not a database either.
mkdir "$T/folder.db"
out=$("$CLERK" --db "$T/folder.db" demo 2>&1); rc=$?
is "demo onto a folder: exit 4" "$rc" 4
has "says it is not a file" "$out" "$T/folder.db is not a file"

if need sqlite3; then
	# Another program's SQLite file.
	sqlite3 "$T/other.sqlite" "CREATE TABLE t(x); INSERT INTO t VALUES (42);"
	before=$(cksum < "$T/other.sqlite")
	out=$("$CLERK" --db "$T/other.sqlite" demo 2>&1); rc=$?
	is "demo onto another program's SQLite file: exit 4" "$rc" 4
	has "says it is not a clerk database" "$out" "not a clerk database"
	is "the SQLite file is unchanged" "$(cksum < "$T/other.sqlite")" "$before"

	# A clerk file from a newer clerk.
	"$CLERK" --db "$T/newer.db" demo >/dev/null 2>&1
	sqlite3 "$T/newer.db" "PRAGMA user_version = 9999;"
	before=$(cksum < "$T/newer.db")
	out=$("$CLERK" --db "$T/newer.db" demo 2>&1); rc=$?
	is "demo onto a newer clerk's file: exit 4" "$rc" 4
	has "says it was written by a newer clerk" "$out" "written by a newer clerk"
	is "the newer file is unchanged" "$(cksum < "$T/newer.db")" "$before"
	out=$("$CLERK" --db "$T/newer.db" meetings 2>&1); rc=$?
	is "meetings on a newer clerk's file: exit 4" "$rc" 4
	has "and says why" "$out" "upgrade clerk"
	is "still unchanged" "$(cksum < "$T/newer.db")" "$before"

	# A database another program holds open is not pulled from under it.
	"$CLERK" --db "$T/open.db" demo >/dev/null 2>&1
	mkfifo "$T/to-sqlite" "$T/from-sqlite"
	sqlite3 "$T/open.db" < "$T/to-sqlite" > "$T/from-sqlite" &
	holder=$!
	exec 3> "$T/to-sqlite" 4< "$T/from-sqlite"
	echo "SELECT count(*) FROM meeting;" >&3
	read -r -u 4 count
	before=$(cksum < "$T/open.db")
	out=$("$CLERK" --db "$T/open.db" demo 2>&1); rc=$?
	is "demo onto a database open elsewhere: exit 4" "$rc" 4
	has "says it is open in another program" "$out" "$T/open.db is open in another program"
	is "the open database is unchanged" "$(cksum < "$T/open.db")" "$before"
	exec 3>&- 4<&-
	wait "$holder"
	out=$("$CLERK" --db "$T/open.db" demo 2>&1); rc=$?
	is "once closed, demo replaces it: exit 0" "$rc" 0
else
	echo "# sqlite3 is not installed: foreign and newer files not tried"
fi

# A read-only database: look-ups work, replacing it is refused.
"$CLERK" --db "$T/ro.db" demo >/dev/null 2>&1
chmod 0444 "$T/ro.db"
before=$(cksum < "$T/ro.db")
out=$("$CLERK" --db "$T/ro.db" meetings 2>&1); rc=$?
is "meetings on a read-only database: exit 0" "$rc" 0
has "and the meetings are listed" "$out" "2017-10-05  10:00  HWB   scheduled"
out=$("$CLERK" --db "$T/ro.db" demo 2>&1); rc=$?
is "demo onto a read-only file: exit 4" "$rc" 4
has "says the file is read-only" "$out" "$T/ro.db is read-only: clerk demo will not replace it"
is "the read-only file is unchanged" "$(cksum < "$T/ro.db")" "$before"
is "its mode is unchanged" "$(stat -c %a "$T/ro.db")" 444

# A read-only folder: the demo cannot be built there (not as root, who may
# write anywhere).
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$T/locked" && chmod 0555 "$T/locked"
	out=$("$CLERK" --db "$T/locked/demo.db" demo 2>&1); rc=$?
	is "demo into a read-only folder: exit 4" "$rc" 4
	has "names the folder" "$out" "$T/locked"
	chmod 0755 "$T/locked"
fi

# A missing folder is created, private to the user.
out=$("$CLERK" --db "$T/a/b/c/demo.db" demo 2>&1); rc=$?
is "demo into missing folders: exit 0" "$rc" 0
ok "the database is there" test -s "$T/a/b/c/demo.db"
is "the new folders are private" "$(stat -c %a "$T/a/b/c")" 700

# An empty file (as left by touch) may become the demo database.
: > "$T/empty.db"
out=$("$CLERK" --db "$T/empty.db" demo 2>&1); rc=$?
is "demo onto an empty file: exit 0" "$rc" 0
has "which then lists meetings" "$("$CLERK" --db "$T/empty.db" meetings 2>&1)" "2017-06-29"

done_testing
