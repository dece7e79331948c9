#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/ui/lookup_paging.sh: the look-up console (clerk browse) on a short
# terminal, where its entries of several lines do not fit: Page Down and
# Page Up move a screenful and select the first entry that opens there,
# End shows the last lines with the last entry selected, Home the first,
# and a page with nothing to open (the minutes) scrolls a line at a time.
# The screens are compared whole, so any change of where a page starts or
# which entry is selected shows.
. "$top_srcdir/tests/ui/ui_lib.sh"
export CLERK_NOW=2017-10-05T08:00:00Z

browse() {
	local name=$1
	shift
	mkdir -p "$T/$name"
	cat >"$T/$name.keys"
	"$CLERK" --db "$DB" browse "$@" --script "$T/$name.keys" \
		--dump "$T/$name" --size 90x16 >"$T/$name.out" 2>"$T/$name.err"
	UI_RC=$?
	UI_ERR=$(cat "$T/$name.err")
}

# The HWB's membership: 21 seats of two or more lines each.
browse lookup_members hwb <<'KEYS'
@expect 21 seats, 20 filled
@dump open
<Enter>
@dump open_sel
<Esc>
<PageDown>
@dump down1
<Enter>
@dump down1_sel
<Esc>
<PageDown>
@dump down2
<Enter>
@dump down2_sel
<Esc>
<PageUp>
@dump up1
<Enter>
@dump up1_sel
<Esc>
<End>
@dump end
<Enter>
@dump end_sel
<Esc>
<Up>
@dump end_up
<Enter>
@dump end_up_sel
<Esc>
<PageUp>
@dump end_pageup
<Enter>
@dump end_pageup_sel
<Esc>
<Home>
@dump home
<Enter>
@dump home_sel
<Esc>
<Down>
@dump home_down
<Enter>
@dump home_down_sel
<Esc>
q
KEYS
is "the membership script runs to the end" "$UI_RC" 0
for d in open down1 down2 up1 end end_up end_pageup home home_down; do
	screen_is "membership: $d" lookup_members "$d"
done
# Which entry each key left selected: Enter opens that person.
opened() { # what dump-dir dump want (the opened page's line $5, or the first)
	has "$1" "$(sed -n "${5:-1}p" "$T/$2/$3_sel.txt" 2>/dev/null)" "$4"
}
opened "first the first member" lookup_members open "Councillor Keith Mans, Execut"
opened "Page Down: the first member in the new page" lookup_members down1 "Steve Crocker, Director of Ch"
opened "again" lookup_members down2 "Dr Sarah Schofield, Chair, We"
opened "Page Up: back a page" lookup_members up1 "Steve Crocker, Director of Ch"
opened "End: the last entry" lookup_members end "Nigel Cooper, Area Manager HF"
opened "Up from it" lookup_members end_up "Shantha Dickinson, Assistant "
opened "Page Up near the end" lookup_members end_pageup "Dr Liz Mearns, Medical Direct"
opened "Home: the first again" lookup_members home "Councillor Keith Mans, Execut"
opened "Down: the substitute next" lookup_members home_down "Councillor Roy Perry, Executi"


# Search hits: two lines each, with a note after the last.
browse lookup_search --search "board" <<'KEYS'
@expect Search: board
@dump open
<Enter>
@dump open_sel
<Esc>
<PageDown>
@dump down1
<Enter>
@dump down1_sel
<Esc>
<PageDown>
@dump down2
<Enter>
@dump down2_sel
<Esc>
<End>
@dump end
<Enter>
@dump end_sel
<Esc>
<PageUp>
@dump up1
<Enter>
@dump up1_sel
<Esc>
<Home>
@dump home
<Enter>
@dump home_sel
<Esc>
q
KEYS
is "the search script runs to the end" "$UI_RC" 0
for d in open down1 down2 end up1 home; do
	screen_is "search: $d" lookup_search "$d"
done
# Each hit opens the minutes at its item: the item names the hit.
opened "the first hit" lookup_search open "12. HEALTH AND WELLBEING BOARD" 2
opened "Page Down: the first hit in the new page" lookup_search down1 "10. HEALTH AND WELLBEING BOARD" 2
opened "again" lookup_search down2 "5. ELECTION OF VICE CHAIRMAN" 2
opened "End: the last hit" lookup_search end "8. HAMPSHIRE AND ISLE OF WIGHT" 2
opened "Page Up from there" lookup_search up1 "3. MINUTES OF PREVIOUS MEETING" 2
opened "Home: the first hit again" lookup_search home "12. HEALTH AND WELLBEING BOARD" 2


# The minutes opened from a search hit: nothing to open, a line at a time.
browse lookup_minutes --search "vice chairman" <<'KEYS'
@expect 3 hits
<Down>
<Enter>
@expect ELECTION OF VICE CHAIRMAN
@dump open
<Down>
@dump down
<PageDown>
@dump pagedown
<End>
@dump end
<Up>
@dump end_up
<PageUp>
@dump pageup
<Home>
@dump home
q
KEYS
is "the minutes script runs to the end" "$UI_RC" 0
for d in open down pagedown end end_up pageup home; do
	screen_is "minutes: $d" lookup_minutes "$d"
done

done_testing
