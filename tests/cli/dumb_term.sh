#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A terminal that cannot place the cursor (TERM=dumb) is refused with a
# sentence saying what to use instead, not a blank screen; nothing is
# recorded.  Run on a real pseudo-terminal (script(1)).
. "$top_srcdir/tests/lib.sh"
setup

if need script; then
	db=$T/demo.db
	"$CLERK" --db "$db" demo >/dev/null 2>&1
	out=$(TERM=dumb script -qec "'$CLERK' --db '$db' live 2017-10-05; echo rc=\$?" /dev/null </dev/null 2>&1)
	has "TERM=dumb: exit 2" "$out" "rc=2"
	has "TERM=dumb: a sentence saying why and what to do" "$out" "this terminal (TERM=dumb) cannot place the cursor"
	is "TERM=dumb: the meeting was not opened" \
		"$("$CLERK" --db "$db" meetings | grep 2017-10-05 | grep -c scheduled)" 1
fi
done_testing
