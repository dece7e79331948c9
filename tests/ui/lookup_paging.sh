#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/ui/lookup_paging.sh: the look-up console (clerk browse) on a short
# terminal, where its entries of several lines do not fit: Page Down and
# Page Up move a screenful and select the first entry that opens there,
# End shows the last lines with the last entry selected, Home the first,
# and a page with nothing to open (the minutes) scrolls a line at a time.
# The screens are compared whole, and Enter shows which entry is selected,
# so any change of where a page starts or what is selected shows.  (The
# search results page is left to tests/lookup, whose ranking it follows.)
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
# Which entry each key left selected: Enter opens that person's page.
opened() { # what dump name
	has "$1" "$(head -1 "$T/lookup_members/$2_sel.txt" 2>/dev/null)" "$3"
}
opened "first the first member" open "Councillor Keith Mans,"
opened "Page Down: the first member in the new page" down1 "Steve Crocker,"
opened "again" down2 "Dr Sarah Schofield,"
opened "Page Up: back a page" up1 "Steve Crocker,"
opened "End: the last entry" end "Nigel Cooper,"
opened "Up from it" end_up "Shantha Dickinson,"
opened "Page Up near the end" end_pageup "Dr Liz Mearns,"
opened "Home: the first again" home "Councillor Keith Mans,"
opened "Down: the substitute next" home_down "Councillor Roy Perry,"

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
