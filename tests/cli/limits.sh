#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The documented limit of one text (256 KB): a longer one, imported or
# typed, is refused with a sentence naming the field, and nothing is saved;
# one at the limit is kept whole.
. "$top_srcdir/tests/lib.sh"
setup
need python3 || { done_testing; exit; }
export CLERK_DB=$T/limits.db CLERK_NOW=2024-05-10T10:00:00Z
"$CLERK" body add "Test Committee" --short TC >/dev/null
"$CLERK" meeting add TC 2024-06-04 19:00 >/dev/null
before=$("$CLERK" item list 2024-06-04)

python3 -c "
print('1.\tAPOLOGIES FOR ABSENCE')
print('\tTo receive any apologies.')
print('2.\tA VERY LONG REPORT')
print('\t' + 'word ' * 60000)" >"$T/big.txt"
out=$("$CLERK" import agenda 2024-06-04 "$T/big.txt" 2>&1); rc=$?
is "an agenda with a 300 KB description is refused" "$rc" 3
has "naming the field and the limit" "$out" "more than the 262144 (256 KB, some 40,000 words) one text may hold"
has "saying what to do and that nothing was saved" "$out" "split it into several paragraphs or items; nothing was saved"
is "the agenda is as it was" "$("$CLERK" item list 2024-06-04)" "$before"

python3 -c "
print('1.\tAPOLOGIES FOR ABSENCE')
print('\tTo receive any apologies.')
print('2.\tA LONG REPORT')
print('\t' + 'word ' * 40000)" >"$T/long.txt"
ok "a 200 KB description is within the limit" "$CLERK" import agenda 2024-06-04 "$T/long.txt"
has "and kept" "$("$CLERK" export 2024-06-04 --agenda)" "A LONG REPORT"

done_testing
