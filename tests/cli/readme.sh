#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README runs as written: every command of its ```sh blocks, in order,
# from the demo onwards, in a folder laid out like a built clone (clerk and
# share/ beside it).  The quick start's own script (it installs packages)
# and the make targets are left out: they are checked elsewhere
# (tests/cli/suite.sh) or take minutes (make bench, make fuzz).
. "$top_srcdir/tests/lib.sh"
setup

clone=$T/clone
mkdir -p "$clone"
ln -s "$CLERK" "$clone/clerk"
ln -s "$top_srcdir/share" "$clone/share"
awk '/^```sh$/ { on = 1; next } /^```/ { on = 0 } on' "$top_srcdir/README.md" |
	sed 's/[[:space:]]#.*//; s/^#.*//' >"$T/readme.sh"
has "the README says how to leave the console" "$(cat "$top_srcdir/README.md")" "\`q\` leaves"
has "the README sets CLERK_DB for its examples" "$(cat "$T/readme.sh")" "export CLERK_DB="
cd "$clone" || exit 1
n=0
while IFS= read -r line; do
	while [ "${line%\\}" != "$line" ] && IFS= read -r more; do
		line="${line%\\} ${more}"
	done
	case "$line" in
	"" | *quickstart* | make* | autoreconf* | ./configure*) continue ;;
	esac
	n=$((n + 1))
	out=$(eval "$line" 2>&1 </dev/null); rc=$?
	[ $rc -eq 0 ]
	_tap_result $? "README command $n runs: $line" "exit $rc: $out"
	# What the README sets for the commands after it (export ...) holds.
	case "$line" in export*) eval "$line" ;; esac
done <"$T/readme.sh"
[ "$n" -gt 20 ]; _tap_result $? "the README's commands were found ($n)"
done_testing
