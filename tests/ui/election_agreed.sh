#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# An election item agreed changes who holds the office from that moment
# (issue 20), without a further key: when the motion of an election item
# is agreed (=) or carried by a vote, the console asks who was elected to
# the office the item's title names, offering first the member the motion
# names; the log keeps it, the screen says who holds the office from now,
# and the minutes say it where it happened.  An item whose title names no
# office asks which; Esc leaves it to V.
. "$top_srcdir/tests/ui/ui_lib.sh"

"$CLERK" --db "$DB" item add 2017-10-05 "Election of Vice-Chairman" --at 3 \
	--kind election >"$T/add.out" 2>&1
is "an election of a vice-chairman is on the agenda" "$?" 0
"$CLERK" --db "$DB" item add 2017-10-05 "Election of Chairman" --at 4 \
	--kind election >>"$T/add.out" 2>&1
is "and of a chairman" "$?" 0
"$CLERK" --db "$DB" item add 2017-10-05 "Annual appointments" --at 5 \
	--kind election >>"$T/add.out" 2>&1
is "and an election whose title names no office" "$?" 0

ui_run agreed 2017-10-05 <<'KEYS'
y
a
P
<Tab>
@clock 2017-10-05T09:00:00Z
n
n
n
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That Councillor Keith Mans be elected Vice-Chairman of the Board.
<C-s>
=
@dump ask
y
@dump elected
@clock +5m
n
r
/Stallard<Enter><Enter>
/Allen<Enter><Enter>
That the nominee be elected Chairman of the Board for the year.
<C-s>
v
<Enter>
15<Enter>
2<Enter>
0<Enter>
@dump who
/Decker<Enter><Enter>
@dump chairman
@clock +5m
n
r
<Enter>
<Enter>
That the appointments be made as set out in the report.
<C-s>
=
@dump which-office
<Esc>
@dump left-to-v
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "agreeing the motion asks, offering the member it names" agreed ask \
	"Carried: is Councillor Keith Mans elected Vice-Chairman,"
screen_has "from now, or someone else" agreed ask "from now?  y: yes; n: someone else"
screen_has "the screen says who holds the office from now" agreed elected \
	"Councillor Keith Mans is Vice-Chairman from now."
screen_has "carried by a vote: it asks who was elected Chairman" agreed who \
	"Carried: who is elected Chairman?"
screen_has "the new Chairman holds it from now, and takes the Chair" agreed chairman \
	"Dr Nicola Decker is Chairman from now and takes the Chair."
screen_has "a title naming no office: it asks which" agreed which-office \
	"Carried at an election: to which office?"
screen_has "Esc leaves it to V, saying so" agreed left-to-v \
	"Nobody recorded as elected yet: V records who was elected"
is "the log keeps both elections, each on its item" \
	"$(sql "SELECT i.title || ': ' || p.name || ' ' || e.detail FROM event e JOIN person p ON p.id = e.person_id JOIN agenda_item i ON i.id = e.item_id
	        WHERE e.meeting_id='$MID' AND e.kind='elected' ORDER BY e.seq" | tr '\n' ';')" \
	"Election of Vice-Chairman: Keith Mans Vice-Chairman;Election of Chairman: Nicola Decker Chairman;"
is "each after the decision it follows" \
	"$(sql "SELECT group_concat(kind, ',') FROM (SELECT kind FROM event WHERE meeting_id='$MID' AND kind IN ('vote taken','elected') ORDER BY seq)")" \
	"vote taken,elected,vote taken,elected,vote taken"

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
minutes=$(tr '\n' ' ' <"$T/minutes.txt" | tr -s ' ')
has "the minutes say the Vice-Chairman's election where it happened" "$minutes" \
	"That Councillor Keith Mans be elected Vice-Chairman of the Board. Councillor Keith Mans was elected Vice-Chairman and took office from that point of the meeting."
has "and the Chairman's, after the vote" "$minutes" \
	"Dr Nicola Decker was elected Chairman and took office from that point of the meeting."

# The minutes confirmed at this meeting are signed by the Chairman
# elected at it, who took the Chair from that moment.
out=$("$CLERK" --db "$DB" confirm 2017-06-29 --at 2017-10-05 2>&1)
is "the previous minutes are confirmed" "$?" 0
has "signed by the Chairman elected" "$out" "signed by Dr Nicola Decker"

done_testing
