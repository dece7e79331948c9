#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writing files never destroys what is there: every writer (-o of export in
# each format and --agenda, popolo, ics, attendance-csv, each file of a
# period's folder, backup) writes a character device (/dev/null) or a FIFO
# in place and never replaces it; refuses the open database and its -wal,
# -shm and -journal files, a folder and a link leading nowhere (exit 2, a
# sentence, nothing touched); follows a symbolic link to the regular file it
# names (the link stays a link); and writes "-" to standard output.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 99
db=$T/clerk.db
export CLERK_DB=$db
"$CLERK" demo >/dev/null 2>&1 || exit 99

# name | command line before -o (the path is appended)
writers=(
	"export text|export 2017-06-29"
	"export markdown|export 2017-06-29 --format markdown"
	"export html|export 2017-06-29 --format html"
	"export docx|export 2017-06-29 --format docx"
	"export --agenda|export 2017-10-05 --agenda"
	"export --agenda docx|export 2017-10-05 --agenda --format docx"
	"export --confidential|export 2017-06-29 --confidential"
	"popolo|popolo"
	"ics|ics Health"
	"attendance-csv|attendance-csv Health"
	"backup|backup"
)

run() { # words... path: the command, with "-o PATH" (backup: just PATH)
	local path=${!#}
	local words=("${@:1:$#-1}")
	if [ "${words[0]}" = backup ]; then
		"$CLERK" "${words[@]}" "$path"
	else
		"$CLERK" "${words[@]}" -o "$path"
	fi
}

dbsum() { cat "$db" "$db-wal" 2>/dev/null | cksum; }

for w in "${writers[@]}"; do
	name=${w%%|*}
	read -r -a cmd <<<"${w#*|}"

	# A character device: written in place, still a device.
	out=$(run "${cmd[@]}" /dev/null 2>&1); rc=$?
	is "$name -o /dev/null: exit 0" "$rc" 0
	[ -c /dev/null ]; _tap_result $? "$name: /dev/null is still a character device"

	# A FIFO: its reader gets the whole file; the FIFO stays a FIFO.
	rm -f "$T/fifo" "$T/got"
	mkfifo "$T/fifo"
	cat "$T/fifo" >"$T/got" &
	reader=$!
	out=$(run "${cmd[@]}" "$T/fifo" 2>&1); rc=$?
	wait "$reader"
	is "$name into a FIFO: exit 0" "$rc" 0
	[ -p "$T/fifo" ]; _tap_result $? "$name: the FIFO is still a FIFO"
	[ -s "$T/got" ]; _tap_result $? "$name: the FIFO's reader got the file"

	# The open database and its companions: refused, untouched.
	before=$(dbsum)
	for f in "$db" "$db-wal" "$db-shm" "$db-journal" "./clerk.db"; do
		out=$(run "${cmd[@]}" "$f" 2>&1); rc=$?
		is "$name onto ${f#$T/}: exit 2" "$rc" 2
		has "$name onto ${f#$T/}: says so" "$out" "is the database"
	done
	is "$name: the database is unchanged" "$(dbsum)" "$before"
	[ ! -e "$db-journal" ]; _tap_result $? "$name: no -journal file was made"
	ok "$name: the database still opens" "$CLERK" meetings

	# A hard link to the database is the database too: with a second
	# name the database itself is refused (each name would have its own
	# journal), before anything is written.
	ln -f "$db" "$T/hard.db"
	out=$(run "${cmd[@]}" "$T/hard.db" 2>&1); rc=$?
	is "$name onto a hard link of the database: exit 4" "$rc" 4
	has "$name onto a hard link of the database: says why" "$out" "has 2 names"
	rm -f "$T/hard.db"
	is "$name: the database is still unchanged" "$(dbsum)" "$before"

	# A symbolic link to a regular file: the file is replaced, the link
	# stays.  (Empty: a backup replaces only an empty or clerk file.)
	: >"$T/real.out"
	ln -sfn real.out "$T/link.out"
	out=$(run "${cmd[@]}" "$T/link.out" 2>&1); rc=$?
	is "$name through a symbolic link: exit 0" "$rc" 0
	[ -L "$T/link.out" ]; _tap_result $? "$name: the link is still a link"
	[ -f "$T/real.out" ] && [ -s "$T/real.out" ]
	_tap_result $? "$name: the file it names was written"

	# A link leading nowhere, a folder: refused.
	ln -sfn "$T/none/x" "$T/dangling"
	out=$(run "${cmd[@]}" "$T/dangling" 2>&1); rc=$?
	is "$name onto a link leading nowhere: exit 2" "$rc" 2
	[ ! -e "$T/none" ]; _tap_result $? "$name: nothing was made where it leads"
	mkdir -p "$T/dir"
	out=$(run "${cmd[@]}" "$T/dir" 2>&1); rc=$?
	is "$name onto a folder: exit 2" "$rc" 2
	has "$name onto a folder: says so" "$out" "is a folder"
	is "$name: no temporary file is left behind" \
		"$(ls -A "$T" | grep -c tmp)" 0
done

# "-" is standard output (docx too: asked for explicitly).
out=$("$CLERK" export 2017-06-29 -o - 2>/dev/null)
has "export -o - writes the minutes to standard output" "$out" "Health and Wellbeing Board"
"$CLERK" export 2017-06-29 --format docx -o - 2>/dev/null >"$T/stdout.docx"
ok "export --format docx -o - writes a whole DOCX to standard output" \
	unzip -tq "$T/stdout.docx"
out=$("$CLERK" popolo -o - 2>/dev/null)
has "popolo -o - writes to standard output" "$out" '"persons"'
out=$("$CLERK" export 2017-06-29 -o /dev/stdout 2>/dev/null)
has "export -o /dev/stdout writes to standard output" "$out" "Health and Wellbeing Board"
"$CLERK" backup - 2>/dev/null >"$T/stdout.db"
is "backup - writes a clerk file to standard output" \
	"$(head -c 15 "$T/stdout.db")" "SQLite format 3"

# The period export's folder: a FIFO among its files is written in place,
# a link to the database is refused.
mkdir -p "$T/period"
mkfifo "$T/period/2017-06-29.txt"
cat "$T/period/2017-06-29.txt" >"$T/period-got" &
reader=$!
exits "a period export with a FIFO among its files: exit 0" 0 \
	"$CLERK" export --body Health --from 2017-01-01 --to 2017-12-31 -o "$T/period"
wait "$reader"
[ -p "$T/period/2017-06-29.txt" ]; _tap_result $? "the period's FIFO is still a FIFO"
has "its reader got the minutes" "$(cat "$T/period-got")" "29th"
rm -f "$T/period/2017-06-29.txt"
ln -s "$db" "$T/period/2017-06-29.txt"
before=$(dbsum)
out=$("$CLERK" export --body Health --from 2017-01-01 --to 2017-12-31 -o "$T/period" 2>&1); rc=$?
is "a period export whose file is a link to the database: exit 2" "$rc" 2
has "and says so" "$out" "is the database"
is "the database is unchanged" "$(dbsum)" "$before"

done_testing
