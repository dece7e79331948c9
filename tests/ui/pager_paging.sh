#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/ui/pager_paging.sh: the pager pane on a short terminal, in the
# review screen's minutes and in the help screen, which scroll the same
# way: Page Down keeps two lines of the last page (the review's), End
# puts the last line at the foot, Up goes back a line from there, Home
# returns to the top, and the view never runs past the text.
. "$top_srcdir/tests/ui/ui_lib.sh"
export CLERK_NOW=2017-10-05T08:00:00Z

mkdir -p "$T/pg"
cat >"$T/pg.keys" <<'KEYS'
<Enter>
@expect AT A MEETING of the Health and Wellbeing Board
@dump open
<PageDown>
@dump down
<End>
@dump end
<Down>
@dump end_down
<Up>
@dump end_up
<Home>
@dump home
<F1>
@dump help
<End>
@dump help_end
<PageUp>
@dump help_up
<Home>
@dump help_home
<Esc>
@dump closed
q
q
KEYS
"$CLERK" --db "$DB" review --script "$T/pg.keys" --dump "$T/pg" \
	--size 90x16 >"$T/pg.out" 2>"$T/pg.err"
is "the review script runs to the end" "$?" 0
# The header's position: first-last/lines (14 lines shown of the minutes).
pos() { head -1 "$T/pg/$1.txt" | grep -o '[0-9]*-[0-9]*/[0-9]*$'; }
total=$(pos open | cut -d/ -f2)
ok "the minutes are longer than two screens" test "$total" -gt 28
is "opened at the top" "$(pos open)" "1-14/$total"
is "Page Down: twelve lines on, two kept in view" "$(pos down)" "13-26/$total"
is "End: the last line at the foot" "$(pos end)" "$((total - 13))-$total/$total"
is "Down at the end goes no further" "$(pos end_down)" "$((total - 13))-$total/$total"
is "Up goes back a line" "$(pos end_up)" "$((total - 14))-$((total - 1))/$total"
is "Home: the top again" "$(pos home)" "1-14/$total"

help=$(cat "$T/pg/help.txt")
has "help opens on its first lines" "$help" "Everywhere:"
lacks "its last line below" "$help" "Keys file:"
has "End in the help: its last line" "$(cat "$T/pg/help_end.txt")" "Keys file:"
lacks "its first line gone" "$(cat "$T/pg/help_end.txt")" "Everywhere:"
has "Page Up: back towards the top" "$(cat "$T/pg/help_up.txt")" "In lists:"
has "Home: the first line again" "$(cat "$T/pg/help_home.txt")" "Everywhere:"
lacks "Esc closes the help over the minutes" "$(cat "$T/pg/closed.txt")" "Help — keys"
is "the minutes kept their place under it" "$(pos closed)" "1-14/$total"

done_testing
