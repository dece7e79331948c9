#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The exit codes are exactly those the man page and `clerk --help` give:
# 0 success, 1 nothing found, 2 usage error, 3 input or record refused,
# 4 storage error.  One check each, and every command that reads a database
# exits 4 when the file is missing (never 1, which a script would take for
# "nothing found"), creating nothing.
. "$top_srcdir/tests/lib.sh"
setup

db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null 2>&1

exits "0: success (a body's members listed)" 0 \
	"$CLERK" --db "$db" members "Health and Wellbeing"
exits "1: nothing found (nobody by that name)" 1 \
	"$CLERK" --db "$db" who Zzyzx
exits "2: usage error (an unknown option)" 2 \
	"$CLERK" --db "$db" meetings --frobnicate
printf 'not an agenda\n' >"$T/agenda.txt"
exits "3: input refused (an agenda with no items)" 3 \
	"$CLERK" --db "$db" import agenda 2017-10-05 "$T/agenda.txt"
exits "3: record refused (confirmed minutes are locked)" 3 \
	"$CLERK" --db "$db" item add 2017-02-23 "Late item"
printf 'this is not a database, it is a text file of some length\n%.0s' \
	$(seq 40) >"$T/text.db"
exits "4: storage error (not a clerk database)" 4 \
	"$CLERK" --db "$T/text.db" meetings

# A missing database: every command that reads one.
missing=$T/missing.db
for args in "meetings" "check" "backup $T/copy.db" "members Board" \
	"who Smith" "attendance" "search health" "export 2017-06-29" \
	"confirm 2017-06-29 --at 2017-10-05" "correct 2017-06-29 --at 2017-10-05 x" \
	"item list 2017-06-29" "popolo" "ics Board" "attendance-csv Board" \
	"live" "review" "browse"; do
	# shellcheck disable=SC2086
	out=$("$CLERK" --db "$missing" $args 2>&1 </dev/null); rc=$?
	[ "$rc" -eq 4 ]
	_tap_result $? "a missing database: clerk $args exits 4" "got $rc: $out"
	has "a missing database: clerk $args says so" "$out" "no clerk database at $missing"
	ok "a missing database: clerk $args creates nothing" test ! -e "$missing"
done

# What the man page documents is what the code returns.
man=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH [A-Z]/p' "$top_srcdir/share/clerk.1")
has "the man page: a missing database is a storage error (4)" "$man" "the database is missing"
done_testing
