#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Damaged files: a truncated clerk file, random bytes, a file that is not
# SQLite, another program's SQLite file, a file from a newer clerk, a page
# overwritten with garbage.  Every command gives a clear error (exit 1 or 4,
# never a crash), and leaves the file exactly as it was.
. "$top_srcdir/tests/lib.sh"
setup
RELTOOL=$top_builddir/tests/reliability/reltool
good=$T/good.db
"$RELTOOL" seed "$good" 60 || exit 99
pagesize=$(sqlite3 "$good" 'PRAGMA page_size')
pages=$(sqlite3 "$good" 'PRAGMA page_count')

# Each damaged file and the words its error must contain.
make_damaged() {
	rm -f "$T"/d-*
	head -c $((pagesize * pages / 2)) "$good" >"$T/d-truncated-half.db"
	head -c 100 "$good" >"$T/d-truncated-header.db"
	head -c 40000 /dev/urandom >"$T/d-random.db"
	{ printf 'SQLite format 3\0'; head -c 40000 /dev/urandom; } >"$T/d-random-header.db"
	printf 'Minutes of the meeting held on 29 June 2017\n' >"$T/d-text.db"
	printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n' >"$T/d-pdf.db"
	sqlite3 "$T/d-other.db" 'CREATE TABLE notes(x); INSERT INTO notes VALUES(1);'
	cp "$good" "$T/d-newer.db"
	sqlite3 "$T/d-newer.db" 'PRAGMA user_version = 99'
	cp "$good" "$T/d-garbage-page.db"
	# Overwrite page 3 (a page of the event table or its index) with noise.
	head -c "$pagesize" /dev/urandom |
		dd of="$T/d-garbage-page.db" bs="$pagesize" seek=2 conv=notrunc 2>/dev/null
}
make_damaged

expect() { # file: the words its error must contain, one choice a line
	case $1 in
	*truncated-half*|*garbage-page*) echo "is damaged" ;;
	*truncated-header*|*random-header*) printf '%s\n' "is damaged" "not a clerk database" ;;
	*random*|*text*|*pdf*) echo "is not a clerk database (not an SQLite file); it was left untouched" ;;
	*other*) echo "is an SQLite file but not a clerk database; it was left untouched" ;;
	*newer*) echo "was written by a newer clerk (schema 99; this clerk knows up to" ;;
	esac
}

for f in "$T"/d-*.db; do
	name=$(basename "$f" .db)
	sum=$(cksum <"$f")
	for cmd in "check" "backup $T/out-$name.db" "reltool-events" "reltool-append"; do
		case $cmd in
		reltool-events) out=$("$RELTOOL" events "$f" 2>&1); rc=$? ;;
		reltool-append) out=$("$RELTOOL" append "$f" "new note" 2>&1); rc=$? ;;
		*) out=$("$CLERK" --db "$f" $cmd 2>&1); rc=$? ;;
		esac
		want=$(expect "$f")
		[ "$rc" -ge 1 ] && [ "$rc" -le 4 ]
		_tap_result $? "$name: ${cmd%% *} fails cleanly (exit $rc, no crash)" "$out"
		printf '%s\n' "$out" | grep -qF "$want"
		_tap_result $? "$name: ${cmd%% *} says what is wrong" "wanted: $want
in: $out"
		is "$name: ${cmd%% *} leaves the file untouched" "$(cksum <"$f")" "$sum"
	done
	is "$name: no backup was made of it" "$(ls "$T" | grep -c "out-$name")" 0
done

# The same damaged files with the journal and lock files a crash leaves.
lacks "no damaged file grew a -wal beside it" "$(ls "$T")" "d-random.db-wal"

# An empty file is a fresh start for look-ups: "no clerk data yet", exit 1.
: >"$T/empty.db"
out=$("$CLERK" --db "$T/empty.db" check 2>&1); rc=$?
is "an empty file: check exits 1 (nothing found)" "$rc" 1
has "an empty file: says it holds no clerk data" "$out" "holds no clerk data yet"
is "an empty file stays empty" "$(stat -c %s "$T/empty.db")" 0

# A folder where the file should be.
mkdir "$T/folder.db"
out=$("$CLERK" --db "$T/folder.db" check 2>&1); rc=$?
is "a folder: exit 4" "$rc" 4
has "a folder: says so" "$out" "is a folder, not a clerk database"

# A symbolic link to a good file, and one that leads nowhere: refused,
# saying what it is and where it leads (it was "not an SQLite file").
ln -s "$good" "$T/link.db"
out=$("$CLERK" --db "$T/link.db" check 2>&1); rc=$?
is "a link: exit 4" "$rc" 4
has "a link: says so and names the file it leads to" "$out" \
	"link.db is a symbolic link: clerk opens a database only by the file's own path, with its journal beside it; give $(realpath "$good") instead"
lacks "a link: no -wal beside the link" "$(ls "$T")" "link.db-wal"
ln -s "$T/none.db" "$T/dangling.db"
out=$("$CLERK" --db "$T/dangling.db" council add "Linked Parish Council" 2>&1); rc=$?
is "a link that leads nowhere: exit 4" "$rc" 4
has "a link that leads nowhere: says so" "$out" "dangling.db is a symbolic link"
is "a link that leads nowhere: nothing created where it leads" \
	"$(ls "$T" | grep -c '^none.db')" 0

# A second name for the good file (a hard link): each name would have its
# own journal, so both are refused, whichever is given, and a writer
# changes nothing; with the second name gone the file opens again.
ln "$good" "$T/second.db"
sum=$(md5sum <"$good")
out=$("$CLERK" --db "$T/second.db" council add "Second Parish Council" 2>&1); rc=$?
is "a second name: exit 4" "$rc" 4
has "a second name: says why and what to do" "$out" \
	"second.db has 2 names (hard links): clerk keeps a database's journal beside the name it is given, so each name would have its own; copy it"
out=$("$CLERK" --db "$good" check 2>&1); rc=$?
is "the first name too: exit 4" "$rc" 4
has "the first name too: says so" "$out" "has 2 names (hard links)"
is "a second name: the file is unchanged" "$(md5sum <"$good")" "$sum"
lacks "a second name: no -wal beside either" "$(ls "$T")" "-wal"
rm "$T/second.db"
ok "with one name again, it opens" "$CLERK" --db "$good" check

# The good file is still good after all this.
is "the undamaged file still passes integrity_check" \
	"$(sqlite3 "$good" 'PRAGMA integrity_check')" ok
is "and holds its 60 events" "$("$RELTOOL" events "$good")" 60

done_testing
