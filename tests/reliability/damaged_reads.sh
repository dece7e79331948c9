#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# No silent half-answers, beyond the minutes (damaged_tables.sh): the
# open-data exports (popolo, ics, attendance-csv) and the review screen
# meet one table of the demo file made unreadable at a time.  Each table an
# export reads makes it fail: exit 4, "could not read" and the words naming
# the records, nothing on standard output and no file (nor a temporary
# one) in the folder; every other table leaves its output byte for byte.
#
# Then the look-up commands (members, who, attendance, meetings, search,
# history, item list, body list, council list) and the live console.
#
# The exports open the file read-only, as look-ups do, so a damaged root
# page reaches their reads (a writable open is refused at once, naming the
# table).  The review screen opens it read-only too, and again for writing
# (every root page checked then) when the clerk first changes something:
# the damage is put on the leaf pages of a table after its first one, which
# that check does not read and the screen does; and on a root page the
# screen never reads, which the check refuses when the clerk edits.
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

# A root page the review screen does not read (the links of imported
# records): the minutes are shown, read-only; the first change (e) opens
# the file for writing, whose check refuses it, naming the table, and
# nothing is written.
damage import_link
before=$(cksum <"$T/d.db")
rm -rf "$T/dump"
mkdir "$T/dump"
printf '<Enter>\n@dump pager\ne\n@dump edit\nq\nq\n' >"$T/edit.keys"
"$CLERK" --db "$T/d.db" review --script "$T/edit.keys" --dump "$T/dump" \
	--size 200x30 >/dev/null 2>&1
is "review with import_link's root damaged: the screen opens (exit 0)" "$?" 0
has "review with import_link's root damaged: the minutes shown" \
	"$(cat "$T/dump/pager.txt")" "AT A MEETING"
has "review, e: the writer's check refuses the file, naming the table" \
	"$(tail -n 1 "$T/dump/edit.txt")" "d.db is damaged (import_link: "
lacks "review, e: no editing offered" "$(cat "$T/dump/edit.txt")" \
	"Correct the draft minutes"
is "review, e, with import_link's root damaged: the file untouched" \
	"$(cksum <"$T/d.db")" "$before"

# The live console: a table becomes unreadable while it runs.  The keys
# come through a FIFO; once the console has opened the meeting and taken
# the first item (a dump shows it), the text of the minutes' root pages
# are overwritten, another program commits (so the console's next read
# goes to the file, not its cache), and a tick makes it read again.  The
# item pane must say the records could not be read, not "no item taken
# yet", and the header must not show a quorum of 0; once the pages are
# back, the next read shows the item again.
export CLERK_NOW=2017-10-05T08:58:00Z TERM=dumb
fresh
rm -rf "$T/live" "$T/keys"
mkdir "$T/live"
mkfifo "$T/keys"
roots=$(sqlite3 "$T/good.db" "SELECT rootpage FROM sqlite_schema
	WHERE rootpage > 0 AND tbl_name = 'minute_text'")
bump() { # a commit by another program: the console reads the file again
	sqlite3 "$T/d.db" "PRAGMA user_version = $(sqlite3 "$T/d.db" \
		'PRAGMA user_version')"
}
wait_dump() {
	local i
	for i in $(seq 1 100); do
		[ -e "$T/live/$1.txt" ] && return 0
		sleep 0.1
	done
	return 1
}
"$CLERK" --db "$T/d.db" live 2017-10-05 --script "$T/keys" \
	--dump "$T/live" >"$T/live.out" 2>"$T/live.err" &
pid=$!
exec 7>"$T/keys"
printf 'y\nn\n@dump before\n' >&7
wait_dump before
has "live, sound: the first item running" "$(cat "$T/live/before.txt")" \
	"started 09:58"
noise $roots
bump
printf '@clock +1s\n@dump during\n' >&7
wait_dump during
during=$(tr -s ' \n│' ' ' <"$T/live/during.txt")
has "live, text of the minutes unreadable: the item pane says so" \
	"$during" "The meeting's records could not be read"
has "live, unreadable: the sentence names what" "$during" \
	"could not read the text of the minutes ("
lacks "live, unreadable: not 'no item taken yet'" "$during" \
	"no item taken yet"
lacks "live, unreadable: no quorum of 0 in the header" "$during" \
	"0 needed"
has "live, unreadable: the header says so" "$during" "RECORDS UNREADABLE"
for p in $roots; do
	dd if="$T/good.db" of="$T/d.db" bs="$pagesize" skip=$((p - 1)) \
		seek=$((p - 1)) count=1 conv=notrunc 2>/dev/null
done
bump
printf '@clock +1s\n@dump after\nq\ny\n' >&7
exec 7>&-
wait "$pid"
is "live: the console ends cleanly" "$?" 0
after=$(cat "$T/live/after.txt")
has "live, pages back: the item running again" "$after" "started 09:58"
lacks "live, pages back: the sentence gone" "$after" "could not be read"

# The look-ups, each table of the demo file unreadable in turn (its root
# pages, as above).  No silent half-answer: each command either answers
# exactly as with the sound file (the table is not one it reads), or
# exits 4 with "could not read" and what, and prints nothing on standard
# output (no partial list).
unset TERM
export CLERK_NOW=2017-10-05T08:00:00Z
lookups="members Health
members Health --json
members Health --at 2017-06-29 --csv
who Fairhurst
who Farhurst
attendance Health
attendance --person Fairhurst --json
meetings
meetings --body Health
search vice chairman
search Brightwater --confidential
history 2017-06-29
item list 2017-10-05
body list
council list"
tables=$(sqlite3 "$T/good.db" "SELECT name FROM sqlite_schema
	WHERE type = 'table' AND rootpage > 0 ORDER BY name")
declare -A good_out good_rc answered failed silent
while IFS= read -r cmd; do
	# shellcheck disable=SC2086
	good_out[$cmd]=$("$CLERK" --db "$T/good.db" $cmd 2>/dev/null)
	good_rc[$cmd]=$?
done <<<"$lookups"
for table in $tables; do
	damage "$table"
	while IFS= read -r cmd; do
		# shellcheck disable=SC2086
		out=$("$CLERK" --db "$T/d.db" $cmd 2>"$T/stderr")
		rc=$?
		if [ "$rc" = "${good_rc[$cmd]}" ] && [ "$out" = "${good_out[$cmd]}" ]; then
			answered[$cmd]=$((${answered[$cmd]:-0} + 1))
		elif [ "$rc" = 4 ] && [ -z "$out" ] &&
			grep -q "could not read .* (" "$T/stderr"; then
			failed[$cmd]=$((${failed[$cmd]:-0} + 1))
		else
			silent[$cmd]="${silent[$cmd]:-}$table (exit $rc: $(head -c 160 "$T/stderr"); $(printf '%s' "$out" | wc -l) lines out)
"
		fi
	done <<<"$lookups"
done
while IFS= read -r cmd; do
	is "clerk $cmd: each unreadable table gives the same answer or 'could not read' (exit 4, nothing printed): ${answered[$cmd]:-0} same, ${failed[$cmd]:-0} refused" \
		"${silent[$cmd]:-}" ""
	[ "${failed[$cmd]:-0}" -gt 0 ]
	_tap_result $? "clerk $cmd: some table it reads makes it fail (the check can fail)"
done <<<"$lookups"

# A few of the sentences, word for word.
damage seat
out=$("$CLERK" --db "$T/d.db" members Health 2>&1)
has "members with the seats unreadable: says so" "$out" "could not read "
damage minute_text
out=$("$CLERK" --db "$T/d.db" search vice chairman 2>&1)
has "search with the minutes' text unreadable: says so" "$out" "could not read "

# The look-up console (browse): each page opened on each unreadable
# table shows what the sound file shows, or a sentence saying what could
# not be read (never a page silently emptier); or browse refuses to start
# with the sentence (exit 4).
browse_pages="members|hwb
person|--person Stallard
search|--search chairman
minutes|--search chairman"
printf '@dump page\nq\n' >"$T/page.keys"
printf 'j\n<Enter>\n@dump page\nq\n' >"$T/open.keys"
declare -A good_page
while IFS='|' read -r page args; do
	keys=$T/page.keys
	[ "$page" = minutes ] && keys=$T/open.keys
	rm -rf "$T/bd"
	mkdir "$T/bd"
	# shellcheck disable=SC2086
	"$CLERK" --db "$T/good.db" browse $args --script "$keys" --dump "$T/bd" \
		--size 90x24 >/dev/null 2>&1 || exit 99
	good_page[$page]=$(cat "$T/bd/page.txt")
done <<<"$browse_pages"
while IFS='|' read -r page args; do
	keys=$T/page.keys
	[ "$page" = minutes ] && keys=$T/open.keys
	same=0 said=0 bad=
	for table in $tables; do
		damage "$table"
		rm -rf "$T/bd"
		mkdir "$T/bd"
		# shellcheck disable=SC2086
		"$CLERK" --db "$T/d.db" browse $args --script "$keys" \
			--dump "$T/bd" --size 90x24 >/dev/null 2>"$T/stderr"
		rc=$?
		shown=$(cat "$T/bd/page.txt" 2>/dev/null)
		flat=$(tr -s ' \n' ' ' <<<"$shown")
		if [ "$rc" = 0 ] && [ "$shown" = "${good_page[$page]}" ]; then
			same=$((same + 1))
		elif [ "$rc" = 0 ] && { [[ $flat == *"could not read "* ]] ||
			[[ $flat == *" is damaged "* ]]; }; then
			said=$((said + 1))
		elif [ "$rc" = 4 ] && grep -q "could not read \| is damaged " "$T/stderr"; then
			said=$((said + 1))
		else
			bad="$bad$table (exit $rc) "
		fi
	done
	is "browse, the $page page: each unreadable table shows the same page or says what could not be read ($same same, $said said so)" \
		"$bad" ""
	[ "$said" -gt 0 ]
	_tap_result $? "browse, the $page page: some table makes it say so (the check can fail)"
done <<<"$browse_pages"
done_testing
