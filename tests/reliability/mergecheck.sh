#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A file given to `clerk merge` passes what `clerk check` asks and every
# value it brings passes the validation typed input passes, or nothing is
# merged: invalid UTF-8, a NUL byte, binary data, an id that is not a UUID,
# a row pointing at nothing, a file without its lock triggers, a damaged
# file, a body's house style that is a path, a text over 256 KB.  A sound file from another laptop still merges.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 99
"$CLERK" --db "$T/demo.db" demo >/dev/null 2>&1 || exit 99
# The file merged into: an empty clerk file.
fresh() { rm -f "$T/into.db"*; "$CLERK" --db "$T/into.db" body add "Parish Council" --council "Upper Testwood Parish Council" >/dev/null || exit 99; }
copy() { rm -f "$T/$1"*; sqlite3 "$T/demo.db" ".backup '$T/$1'"; }
rows() { sqlite3 "$T/into.db" "SELECT (SELECT count(*) FROM person) || ' ' || (SELECT count(*) FROM meeting) || ' ' || (SELECT count(*) FROM minute_text)"; }

refused() { # description file sentence exit
	fresh
	before=$(rows)
	out=$(timeout 30 "$CLERK" --db "$T/into.db" merge "$T/$2" 2>&1); rc=$?
	is "$1: merge refused (exit $4)" "$rc" "$4"
	has "$1: says why" "$out" "$3"
	has "$1: says nothing was merged" "$out" "nothing was merged"
	is "$1: nothing was merged" "$(rows)" "$before"
}

copy utf8.db
sqlite3 "$T/utf8.db" "UPDATE person SET name = CAST(X'45FF65' AS TEXT) WHERE rowid = (SELECT min(rowid) FROM person);" || exit 99
refused "invalid UTF-8 in a name" utf8.db "the name of person row" 3
has "invalid UTF-8: named as such" "$out" "is not valid UTF-8 text"

copy nul.db
sqlite3 "$T/nul.db" "UPDATE body SET name = CAST(X'41004243' AS TEXT) WHERE rowid = (SELECT min(rowid) FROM body);" || exit 99
refused "a NUL byte in a body's name" nul.db "holds a NUL byte" 3

copy blob.db
sqlite3 "$T/blob.db" "UPDATE person SET organisation = X'DEADBEEF' WHERE rowid = (SELECT max(rowid) FROM person);" || exit 99
refused "binary data for an organisation" blob.db "is binary data, not text" 3

# What the command line refuses (body edit --style ../x, a text over
# 256 KB) is refused from a file too.
copy style.db
sqlite3 "$T/style.db" "UPDATE body SET style = '../../etc/passwd' WHERE rowid = (SELECT min(rowid) FROM body);" || exit 99
refused "a body's style that is a path" style.db "is a path, not a house style's name" 3
copy big.db
sqlite3 "$T/big.db" "UPDATE person SET role = printf('%.*c', 300000, 'x') WHERE rowid = (SELECT min(rowid) FROM person);" || exit 99
refused "a text longer than 256 KB" big.db "is longer than the 256 KB one text may hold" 3

copy badid.db
sqlite3 "$T/badid.db" "PRAGMA foreign_keys=OFF; UPDATE council SET id = 'x' || id;
 UPDATE body SET council_id = 'x' || council_id;" || exit 99
refused "an id that is not a UUID" badid.db "is not an id clerk makes" 3

copy orphan.db
sqlite3 "$T/orphan.db" "PRAGMA foreign_keys=OFF; INSERT INTO body(id, council_id, name) VALUES ('6d1f5c8e-0000-4000-8000-000000000001', '6d1f5c8e-0000-4000-8000-000000000002', 'Ghost Board');"
refused "a body whose council is missing" orphan.db "is not sound" 4
has "a missing council: the foreign-key check named" "$out" "foreign key: body"

copy nolock.db
sqlite3 "$T/nolock.db" "DROP TRIGGER lock_minute_text_u;"
refused "a file without its lock triggers" nolock.db "lock_minute_text_u" 4

copy damaged.db
pages=$(sqlite3 "$T/damaged.db" "PRAGMA page_count")
root=$(sqlite3 "$T/damaged.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'person_name'")
size=$(sqlite3 "$T/damaged.db" "PRAGMA page_size")
printf 'garbage%.0s' $(seq 1 200) | dd of="$T/damaged.db" bs=1 seek=$(((root - 1) * size + 8)) conv=notrunc status=none
refused "a damaged file" damaged.db "nothing was merged" 4

# A sound file merges.
fresh
out=$("$CLERK" --db "$T/into.db" merge "$T/demo.db" 2>&1); rc=$?
is "a sound file merges (exit 0)" "$rc" 0
has "and says what it brought" "$out" "Merged from"
is "its meetings came in" "$(sqlite3 "$T/into.db" "SELECT count(*) FROM meeting")" \
	"$(sqlite3 "$T/demo.db" "SELECT count(*) FROM meeting")"

done_testing
