#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Names and titles the user typed are echoed back by the preparing commands
# without their escape sequences, control characters or bidi overrides, so
# a pasted name can never drive the terminal; they are stored exactly.
. "$top_srcdir/tests/lib.sh"
setup
db=$T/x.db
esc=$(printf '\033')
rlo=$(printf '\342\200\256')
out=$("$CLERK" --db "$db" body add "Evil ${esc}[31mBoard" --council Test 2>&1)
out+=$("$CLERK" --db "$db" seat add Evil "Seat ${rlo}x" 2>&1)
out+=$("$CLERK" --db "$db" member add Evil 1 "Cllr ${esc}]0;pwn$(printf '\007')Bob" --from 2020-01-01 2>&1)
out+=$("$CLERK" --db "$db" meeting add Evil 2020-02-03 10:00 --venue "Hall" 2>&1)
out+=$("$CLERK" --db "$db" item add 2020-02-03 "Title ${esc}[2J here" 2>&1)
has "the commands echoed what was added" "$out" "Board"
lacks "no escape byte reaches the terminal" "$out" "$esc"
lacks "no bidi override reaches the terminal" "$out" "$rlo"
lacks "no bell reaches the terminal" "$out" "$(printf '\007')"
is "the body's name is stored exactly" \
	"$(sqlite3 "$db" "SELECT name FROM body")" "Evil ${esc}[31mBoard"
is "the seat label is stored exactly" \
	"$(sqlite3 "$db" "SELECT label FROM seat")" "Seat ${rlo}x"
done_testing
