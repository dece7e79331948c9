#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A long text holding the searched words many times (issue 17): FTS5's
# snippet() walks every match again for each match, half a second for one
# 200 KB minute; clerk's own snippet takes over above 100 matches and
# must still show the words of the query, marked, in a window of the text.
. "$top_srcdir/tests/lib.sh"
setup
need python3 || { done_testing; exit; }
export CLERK_DB=$T/long.db CLERK_NOW=2024-05-10T10:00:00Z
"$CLERK" body add "Test Committee" --short TC >/dev/null
"$CLERK" meeting add TC 2024-06-04 19:00 >/dev/null
# Item 2: 2,000 budgets, and once, far in, the hall beside the budget;
# a zebra at the very end.
python3 -c "
print('1.\tAPOLOGIES FOR ABSENCE')
print('\tTo receive any apologies; the budget was noted.')
print('2.\tTHE LONG REPORT')
print('\t' + 'budget report road ' * 1200 + 'repairs to the village hall budget were agreed ' + 'road report budget ' * 800 + 'then closed at zebra')
" >"$T/agenda.txt"
ok "an agenda with a 60 KB description is imported" \
	"$CLERK" import agenda 2024-06-04 "$T/agenda.txt"
snippet() { # query: the snippet of the long item's hit
	"$CLERK" search "$1" --csv | awk -F, '$5 == "THE LONG REPORT" { print $8 }'
}
one=$(snippet budget)
has "a common word: its matches are marked" "$one" "[budget]"
has "the window starts where a budget is" "$one" "…"
is "and is a window of twenty words, not the text" \
	"$(printf '%s' "$one" | tr -d '…' | wc -w)" 20
two=$(snippet "hall budget")
has "two words: the window holding both is chosen, far into the text" \
	"$two" "…[hall] [budget] were agreed road report"
has "a phrase is marked whole" "$(snippet '"hall budget"')" "[hall budget]"
end=$(snippet 'zebra OR budget')
has "a window at the end of the text ends with it, with no ellipsis" \
	"$end" "[budget] then closed at [zebra]"
is "and is twenty words" "$(printf '%s' "$end" | tr -d '…' | wc -w)" 20
is "the short item keeps FTS5's own snippet" \
	"$("$CLERK" search budget --csv | awk -F, '$5 == "APOLOGIES FOR ABSENCE" { print $8 }')" \
	"To receive any apologies; the [budget] was noted."
done_testing
