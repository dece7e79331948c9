#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A headless run checks its arguments before it touches the database: a
# --dump folder that does not exist, or a --script that cannot be read, is a
# usage error (exit 2) and no keystroke is recorded.
. "$top_srcdir/tests/lib.sh"
setup

db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null 2>&1
printf 'y\nq\ny\n' >"$T/keys"
before=$(cksum <"$db")
for cmd in "live 2017-10-05" "review" "browse"; do
	# shellcheck disable=SC2086
	out=$("$CLERK" --db "$db" $cmd --script "$T/keys" --dump "$T/out" 2>&1); rc=$?
	is "$cmd --dump with no such folder: exit 2" "$rc" 2
	has "$cmd: says which folder" "$out" "--dump $T/out: no such folder"
	# shellcheck disable=SC2086
	out=$("$CLERK" --db "$db" $cmd --script "$T/nokeys" 2>&1); rc=$?
	is "$cmd --script with no such file: exit 2" "$rc" 2
done
is "the database was not touched" "$(cksum <"$db")" "$before"
is "the meeting was not opened" "$("$CLERK" --db "$db" meetings | grep 2017-10-05 | grep -c scheduled)" 1
mkdir "$T/out"
# The clock of the meeting's own morning, as the console's tests use, so the
# console does not first ask whether the 2017 meeting is being held today.
out=$(CLERK_NOW=2017-10-05T08:58:00Z "$CLERK" --db "$db" live 2017-10-05 --script "$T/keys" --dump "$T/out" 2>&1); rc=$?
is "with the folder made, the same run works" "$rc" 0
done_testing
