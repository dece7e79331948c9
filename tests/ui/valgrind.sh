#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# make valgrind-ui: one console script (opening, attendance, the editor,
# a picker with search, help, resize, a vote, leaving) under valgrind.
# Fails on any memory error or definite leak of clerk's own.
set -u
: "${CLERK:?}" "${top_srcdir:?}"
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/clerk-valgrind.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T" LC_ALL=C.UTF-8 TZ=Europe/London CLERK_NOW=2017-10-05T08:58:00Z
unset XDG_CONFIG_HOME CLERK_DB
"$CLERK" --db "$T/db" demo >/dev/null || exit 1
cat >"$T/keys" <<'KEYS'
y
a
/Hollo<Enter><Enter>
o
Unwell é<Enter>
P
<Tab>
n
h
Point one £5<Enter>
point two<C-z>
<C-s>
r
<Enter>
/Stallard<Enter><Enter>
That the Board note the report.
<C-s>
v
<Enter>
10<Enter>
0<Enter>
0<Enter>
<F1>
<PageDown>
<Esc>
@resize 200 60
@dump wide
@resize 40 10
@resize 80 24
@dump last
q
y
KEYS
valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	"$CLERK" --db "$T/db" live 2017-10-05 --script "$T/keys" --dump "$T"
rc=$?
if [ $rc -ne 0 ]; then
	echo "valgrind-ui: FAILED (exit $rc)"
	exit 1
fi
grep -q "Point one £5" "$T/last.txt" || { echo "valgrind-ui: the script did not run through"; cat "$T/last.txt"; exit 1; }
echo "valgrind-ui: no memory errors, no definite leaks"
