#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The console under valgrind: a scripted live meeting (open, take items,
# mark attendance, record and edit text, resize, help, a hang-up) runs with
# no memory error and no definite leak.  Skipped in the sanitizer build
# (valgrind cannot run an AddressSanitizer binary).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup
command -v valgrind >/dev/null || { echo "1..0 # SKIP valgrind is not installed"; exit 0; }
if ldd "$CLERK" 2>/dev/null | grep -q libasan; then
	echo "1..0 # SKIP a sanitizer build: valgrind cannot run it"
	exit 0
fi
db=$T/v.db
make_live_board "$db" || exit 99
mkdir "$T/dump"
cat >"$T/keys" <<'KEYS'
y
<Enter>
n
a
p
<Esc>
h
The Board heard that the £2.5m plan for Ŵyn's café was agreed.
<C-s>
@resize 120 40
<F1>
<Esc>
n
h
Second point, then undone<C-_>
<C-s>
@dump end
@signal TERM
KEYS
valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
	--log-file="$T/vg.log" "$CLERK" --db "$db" live 2017-10-05 \
	--script "$T/keys" --dump "$T/dump" --size 100x30 >"$T/out" 2>&1
rc=$?
is "the scripted console exits 0 under valgrind" "$rc" 0
is "valgrind reports no memory error and no definite leak" "$(cat "$T/vg.log")" ""
[ -s "$T/dump/end.txt" ]; _tap_result $? "the script ran to its end (a screen was dumped)"
has "the text typed in the script was saved" \
	"$(sqlite3 "$db" 'SELECT body FROM minute_text')" "the £2.5m plan for Ŵyn's café"
valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
	--log-file="$T/vg2.log" "$CLERK" --db "$db" check >/dev/null 2>&1
is "clerk check is clean under valgrind too" "$?:$(cat "$T/vg2.log")" "0:"
done_testing
