#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# n after going back (issue 20): `n` used to skip every item already
# started, so going back to an earlier item cost extra keys to return.
# Now n from an item the clerk went back to returns, in one key, to the
# item the clerk went back from; after an item taken out of order it still
# resumes the agenda where it was left, and then goes on past the item
# already taken.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run next 2017-10-05 <<'KEYS'
y
a
P
<Tab>
n
n
n
n
n
@dump at5
b
b
b
@dump back2
n
@dump return5
n
@dump on6
<Down><Down>
<Enter>
@dump out8
n
@dump resume7
n
@dump past8
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "five items taken" next at5 "5 CHAIRMAN'S ANNOUNCEMENTS"
screen_has "b three times goes back to item 2" next back2 "2 DECLARATIONS OF INTEREST"
screen_has "one n returns to item 5, where the clerk went back from" next return5 \
	"5 CHAIRMAN'S ANNOUNCEMENTS"
screen_has "then n goes on to item 6" next on6 "6 DOMESTIC ABUSE"
screen_has "item 8 taken out of order" next out8 "8 HAMPSHIRE AND ISL"
screen_has "n resumes the agenda at item 7" next resume7 "7 ANNUAL REPORT"
screen_has "and then goes past item 8, already taken, to item 9" next past8 \
	"9 HEALTH AND WELLBE"
is "the items started, in the order taken" \
	"$(sql "SELECT group_concat(i.number, ',') FROM (SELECT i.number FROM event e JOIN agenda_item i ON i.id = e.item_id WHERE e.meeting_id='$MID' AND e.kind='item started' ORDER BY e.seq) i")" \
	"1,2,3,4,5,4,3,2,5,6,8,7,9"

done_testing
