#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The record in the order it happened (issue 20): at item 6 a point is
# heard, a motion is moved and agreed, a point is made after the vote and a
# member leaves.  The item pane and the minutes show them in that order
# (the point after the vote after the resolution, the departure where it
# happened, not at the top of the item).  Item 8 is then taken before
# item 7: the minutes take the items in the order taken, numbered so, and
# say that the order changed in the style's words (order.changed).  Before
# this, the minutes printed every point before the resolutions, every
# departure at the top of its item and the items in agenda order.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run order 2017-10-05 <<'KEYS'
y
a
P
<Tab>
@clock 2017-10-05T09:00:00Z
n
n
n
n
n
@clock +10m
n
h
The report set out the findings of the joint inspection
<C-s>
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That the Board notes the findings of the inspection.
<C-s>
=
@clock +2m
h
A point was made after the vote about training for GPs
<C-s>
@clock +1m
a
/Rushton<Enter><Enter>
L
<Tab>
@dump item6
<Down><Down>
<Enter>
@dump out8
n
@dump resume7
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""

# The pane: line numbers of each capture, in the order they happened.
line_of() { grep -n -F "$2" "$T/order/$1" | head -n 1 | cut -d: -f1; }
before() { # what, dump/file, first, second
	local a b
	a=$(line_of "$2" "$3")
	b=$(line_of "$2" "$4")
	if [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; then
		_tap_result 0 "$1"
	else
		_tap_result 1 "$1" "'$3' at line ${a:-none}, '$4' at line ${b:-none}"
	fi
}
before "pane: the point heard comes before the motion" item6.txt \
	"The report set out the" "RESOLVED (1): That the Board notes"
before "pane: the point made after the vote comes after the resolution" \
	item6.txt "RESOLVED (1): That the Board notes" "A point was made after"
before "pane: the departure shows after that point, where it happened" \
	item6.txt "A point was made after" "Barbara Rushton left the meeting at"
screen_has "item 8 was taken out of order" order out8 "8 HAMPSHIRE AND ISL"
screen_has "then item 7" order resume7 "7 ANNUAL REPORT"

is "the log names each point it recorded" \
	"$(sql "SELECT count(*) FROM event e JOIN minute_text t
	        ON e.detail = t.section || ' ' || t.id WHERE e.meeting_id='$MID'
	        AND e.kind='text recorded'")" 2
is "the decision came between the two points in the log" \
	"$(sql "SELECT group_concat(kind, ',') FROM (SELECT kind FROM event
	        WHERE meeting_id='$MID' AND kind IN ('text recorded','vote taken','left')
	        ORDER BY seq)")" "text recorded,vote taken,text recorded,left"
is "items started in the order taken" \
	"$(sql "SELECT group_concat(n, ',') FROM (SELECT i.number n FROM event e
	        JOIN agenda_item i ON i.id = e.item_id WHERE e.meeting_id='$MID'
	        AND e.kind='item started' ORDER BY e.seq)")" "1,2,3,4,5,6,8,7"

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/order/minutes.txt" 2>"$T/export.err"
is "the minutes export" "$?" 0
m="$T/order/minutes.txt"
minutes=$(tr '\n' ' ' <"$m" | tr -s ' ')
before "minutes: the point heard before the resolution" minutes.txt \
	"findings of the joint inspection" "RESOLVED:"
before "minutes: the point made after the vote prints after the resolution" \
	minutes.txt "That the Board notes the findings" "A point was made after"
before "minutes: the departure prints where it happened, after that point" \
	minutes.txt "A point was made after" \
	"Dr Barbara Rushton left the meeting during this item at 10.13 am."
has "the point after the vote is under its own heading again" "$minutes" \
	"The Board heard that: - A point was made after the vote"
has "the change of order, in the style's words, at item 8's minute" \
	"$minutes" "The Chairman took item 8 before item 7."
before "item 8 is minuted before item 7" minutes.txt \
	"HAMPSHIRE AND ISLE OF WIGHT" "ANNUAL REPORT OF THE HAMPSHIRE"
has "and numbered in the order minuted: item 8 is minute 7" "$minutes" \
	"7. HAMPSHIRE AND ISLE OF WIGHT"
has "item 7 is minute 8" "$minutes" "8. ANNUAL REPORT OF THE HAMPSHIRE"
lacks "items taken in agenda order say nothing of it" "$minutes" \
	"took item 7 before"

# A search cites the minute numbers the minutes give, not agenda places.
minute_of() { # search words, agenda item number: its minute number
	"$CLERK" --db "$DB" search "$1" --from 2017-10-05 --to 2017-10-05 --csv |
		python3 -c 'import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["item"] == sys.argv[1] and r["kind"] == "agenda":
        print(r["minute"]); break' "$2"
}
is "search: item 8, taken before item 7, is cited as minute 7" \
	"$(minute_of 'Hampshire and Isle of Wight' 8)" "7."
is "search: item 7 as minute 8" "$(minute_of 'annual report' 7)" "8."
is "search: an item taken in its place keeps its number" \
	"$(minute_of 'inspection' 6)" "6."

"$CLERK" --db "$DB" export 2017-10-05 --style partnership -o "$T/p.txt" 2>>"$T/export.err"
has "another style words it its own way" "$(tr '\n' ' ' <"$T/p.txt" | tr -s ' ')" \
	"The Chair took item 8 before item 7."

done_testing
