#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# No silent half-answers, beyond the minutes (damaged_tables.sh): the
# open-data exports (popolo, ics, attendance-csv) and the review screen
# meet one table of the demo file made unreadable at a time.  Each table an
# export reads makes it fail: exit 4, "could not read" and the words naming
# the records, nothing on standard output and no file (nor a temporary
# one) in the folder; every other table leaves its output byte for byte.
#
# The exports open the file read-only, as look-ups do, so a damaged root
# page reaches their reads (a writable open is refused at once, naming the
# table).  The review screen writes (corrections), so its file is opened
# for writing and every root page is checked then: there the damage is put
# on the leaf pages of a table after its first one, which the check on
# opening does not read and the screen does.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 99
export CLERK_NOW=2017-10-05T08:00:00Z # the calendar's DTSTAMP
"$CLERK" --db "$T/demo.db" demo >/dev/null 2>&1 || exit 99
"$CLERK" --db "$T/demo.db" backup "$T/good.db" >/dev/null 2>&1 || exit 99
pagesize=$(sqlite3 "$T/good.db" 'PRAGMA page_size')

# noise PAGE...: d.db's pages overwritten with 0xFF (not a b-tree page).
noise() {
	local p
	for p in "$@"; do
		head -c "$pagesize" /dev/zero | tr '\0' '\377' |
			dd of="$T/d.db" bs="$pagesize" seek=$((p - 1)) \
				conv=notrunc 2>/dev/null
	done
}
fresh() { rm -f "$T"/d.db*; cp "$T/good.db" "$T/d.db"; }
# damage TABLE: its root page and its indexes' (as damaged_tables.sh).
damage() {
	fresh
	noise $(sqlite3 "$T/good.db" "SELECT rootpage FROM sqlite_schema
		WHERE rootpage > 0 AND tbl_name = '$1'")
}
# damage_leaves TABLE: every leaf page of TABLE but its first.
damage_leaves() {
	fresh
	noise $(sqlite3 "$T/good.db" "SELECT pageno FROM dbstat
		WHERE name = '$1' AND pagetype = 'leaf' AND path > (SELECT
		min(path) FROM dbstat WHERE name = '$1' AND pagetype = 'leaf')")
}

# fails LABEL WORDS ARGS...: exit 4, "could not read WORDS", nothing on
# standard output, no file in the folder; to standard output too.
fails() {
	local label=$1 words=$2
	shift 2
	rm -rf "$T/out"
	mkdir "$T/out"
	"$CLERK" --db "$T/d.db" "$@" -o "$T/out/file" >"$T/stdout" \
		2>"$T/stderr"
	local rc=$?
	is "$label: exit 4" "$rc" 4
	has "$label: says what could not be read" "$(cat "$T/stderr")" \
		"could not read $words ("
	is "$label: nothing on standard output" "$(cat "$T/stdout")" ""
	is "$label: no file written (nor a temporary one)" "$(ls -A "$T/out")" ""
	"$CLERK" --db "$T/d.db" "$@" >"$T/stdout" 2>"$T/stderr"
	rc=$?
	is "$label, to standard output: exit 4, nothing written" \
		"$rc:$(wc -c <"$T/stdout")" "4:0"
}

# check_export NAME READS ARGS...: READS holds "table|words" lines, the
# tables the export reads; the others must leave its output unchanged.
check_export() {
	local name=$1 reads=$2
	shift 2
	"$CLERK" --db "$T/good.db" "$@" >"$T/good.out" 2>&1 || exit 99
	local table words
	while IFS='|' read -r table words; do
		damage "$table"
		fails "$name with $table unreadable" "$words" "$@"
	done <<<"$reads"
	local needed=" $(cut -d'|' -f1 <<<"$reads" | tr '\n' ' ') "
	local same=0 other=0
	for table in $(sqlite3 "$T/good.db" "SELECT name FROM sqlite_schema
			WHERE type = 'table' AND rootpage > 0 ORDER BY name"); do
		case $needed in *" $table "*) continue ;; esac
		damage "$table"
		other=$((other + 1))
		"$CLERK" --db "$T/d.db" "$@" >"$T/d.out" 2>&1 &&
			cmp -s "$T/good.out" "$T/d.out" && same=$((same + 1))
	done
	is "$name: the $other tables it does not read leave it unchanged" \
		"$same" "$other"
}

# Popolo of the whole file reads every set.
check_export "popolo" "council|the councils
body|the bodies
person|the people
seat|the seats
membership|the memberships and substitutes
substitute|the memberships and substitutes
meeting|the meetings
agenda_item|the meetings
attendance|the attendance
declaration|the declarations of interest
resolution|the resolutions
vote|the recorded votes" popolo

# One body's: the body is found first, then its people (every table that
# names a person of the body is read to find them).
check_export "popolo of a body" "body|the bodies
body_ended|the bodies
council|the bodies
person|the people
membership|the people
substitute|the people
seat|the people
meeting|the people
attendance|the people
declaration|the people
resolution|the people
vote|the people
agenda_item|the meetings" popolo Health

check_export "ics" "body|the bodies
body_ended|the bodies
council|the bodies
agenda_item|the agenda items
meeting|the agenda items" ics Health

check_export "attendance-csv" "body|the bodies
body_ended|the bodies
council|the bodies
attendance|the attendance
meeting|the attendance
person|the attendance
seat|the attendance" attendance-csv Health

# The review screen: the minutes of 2017-06-29 with the text of the
# minutes, the people or the attendance unreadable past their first page.
printf '@dump pager\nq\nq\n' >"$T/direct.keys"
printf '@dump list\n<Enter>\n@dump pager\nq\nq\n' >"$T/list.keys"
"$CLERK" --db "$T/good.db" review 2017-06-29 --script "$T/direct.keys" \
	--dump "$T" --size 100x30 >/dev/null 2>&1 || exit 99
has "review of the sound file: the minutes" "$(cat "$T/pager.txt")" \
	"AT A MEETING"
for tw in "minute_text|the text of the minutes" "person|the attendance" \
	"attendance|the attendance"; do
	table=${tw%%|*} words=${tw#*|}
	damage_leaves "$table"
	before=$(cksum <"$T/d.db")
	rm -rf "$T/dump"
	mkdir "$T/dump"
	out=$("$CLERK" --db "$T/d.db" review 2017-06-29 --script \
		"$T/direct.keys" --dump "$T/dump" --size 100x30 2>&1)
	rc=$?
	is "review 2017-06-29 with $table unreadable: exit 4" "$rc" 4
	has "review with $table unreadable: says what could not be read" \
		"$out" "could not read $words ("
	is "review with $table unreadable: no minutes shown" \
		"$(ls -A "$T/dump")" ""
	# From the list: Enter on the meeting shows the sentence, not an
	# empty pager (the list opens on the newest meeting held, 29 June).
	rm -rf "$T/dump"
	mkdir "$T/dump"
	"$CLERK" --db "$T/d.db" review --script "$T/list.keys" \
		--dump "$T/dump" --size 100x30 >/dev/null 2>&1
	screen=$(tr -s ' \n' ' ' <"$T/dump/pager.txt")
	has "review list, Enter, with $table unreadable: the sentence shown" \
		"$screen" "could not read $words ("
	lacks "review list, Enter, with $table unreadable: no minutes shown" \
		"$screen" "AT A MEETING"
	is "review with $table unreadable: the file untouched" \
		"$(cksum <"$T/d.db")" "$before"
done
done_testing
