#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quorum stops business (issue 20): on the demo board (quorum 5), five
# members are marked present and the meeting takes its first items; one
# leaves and the meeting is inquorate.  Moving a motion, agreeing it,
# starting the next item and taking an urgent item are then refused with
# a sentence that offers what the chair can do, while what the meeting
# heard can still be minuted.  The quorum comes back, business resumes;
# it is lost again, the meeting adjourns to a time, resumes and closes
# inquorate.  The minutes say when the quorum was lost and restored and
# who left or returned, the adjournment, the times, and list the business
# that was not transacted.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run quorum 2017-10-05 <<'KEYS'
y
a
p
j
p
j
p
j
p
j
p
<Tab>
@clock 2017-10-05T09:00:00Z
n
@clock +3m
n
@clock +2m
a
L
<Tab>
@dump lost
r
@dump move-refused
n
@dump next-refused
u
@dump urgent-refused
h
The Chairman asked the members present to wait for those who had left
<C-s>
@dump heard
@clock +2m
a
/Rushton<Enter><Enter>
l
<Tab>
@dump restored
n
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That the minutes of the meeting held on 29 June 2017 be confirmed.
<C-s>
=
@dump agreed
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That the Board's next meeting consider the minutes of its sub-group.
<C-s>
@clock +3m
a
/Rushton<Enter><Enter>
L
<Tab>
=
@dump agree-refused
v
@dump vote-refused
z
until 11.30am<Enter>
@clock +20m
z
y
C
y
@dump closed
q
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "the header says the quorum is lost" quorum lost "QUORUM LOST: 4 present, 5 needed"
refusal="Inquorate (4 in the room, 5 needed): no business can be transacted. Wait for"
offer="members to return, adjourn to a time (z) or close (C)"
for d in move-refused next-refused urgent-refused agree-refused vote-refused; do
	screen_has "$d: the sentence says why" quorum "$d" "$refusal"
	screen_has "$d: and what the chair can do" quorum "$d" "$offer"
done
screen_has "narrative is still captured while inquorate" quorum heard \
	"The Chairman asked the"
screen_has "the quorum is back when Dr Rushton arrives" quorum restored "quorate: 5 present, 5 needed"
screen_has "business goes on once quorate" quorum agreed "RESOLVED (1): That the minutes"

q1() { sql "$1" | head -n 1; }
is "no item was started while inquorate: items 1, 2, 3 only" \
	"$(q1 "SELECT group_concat(DISTINCT i.number) FROM event e JOIN agenda_item i ON i.id = e.item_id
	       WHERE e.meeting_id='$MID' AND e.kind='item started'")" "1,2,3"
is "no urgent item was added" \
	"$(q1 "SELECT count(*) FROM agenda_item WHERE meeting_id='$MID' AND kind='urgent'")" 0
is "the motion agreed while quorate; the one moved before the loss never decided" \
	"$(q1 "SELECT group_concat(outcome || ' ' || voted, ',') FROM resolution WHERE meeting_id='$MID'")" \
	"carried 0,pending 0"
is "the log: lost (by Steve Crocker), restored (Dr Rushton), lost again" \
	"$(sql "SELECT e.kind || ' ' || e.detail || ' ' || coalesce(p.name, '') FROM event e
	        LEFT JOIN person p ON p.id = e.person_id
	        WHERE e.meeting_id='$MID' AND e.kind LIKE 'quorum%' ORDER BY e.seq")" \
	"quorum lost 4 of 5 Steve Crocker
quorum regained 5 of 5 Barbara Rushton
quorum lost 4 of 5 Barbara Rushton"
is "the narrative was recorded" \
	"$(q1 "SELECT count(*) FROM minute_text WHERE meeting_id='$MID' AND section='heard'")" 1

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
is "the minutes export" "$?" 0
minutes=$(tr '\n' ' ' <"$T/minutes.txt" | tr -s ' ')
has "the loss, with time and who left, at item 2" "$minutes" \
	"The meeting became inquorate at 10.05 am when Steve Crocker left."
has "the return, with who came back" "$minutes" \
	"The quorum was restored at 10.07 am when Dr Barbara Rushton returned."
has "the second loss at item 3, then the adjournment to a time" "$minutes" \
	"The meeting became inquorate at 10.10 am when Dr Barbara Rushton left. The meeting adjourned at 10.10 am (until 11.30am) and reconvened at 10.30 am."
has "the business not transacted, listed" "$minutes" \
	"The meeting being inquorate, the remaining business was not transacted: - 4 DEPUTATIONS - 5 CHAIRMAN'S ANNOUNCEMENTS"
has "the last item listed" "$minutes" "- 12 DATE OF NEXT MEETING"
lacks "items never taken have no minute of their own" "$minutes" "4. DEPUTATIONS"
has "the times of the meeting" "$minutes" \
	"The meeting commenced at 10.00 am and closed at 10.30 am."

"$CLERK" --db "$DB" export 2017-10-05 --style parish -o "$T/parish.txt" 2>>"$T/export.err"
parish=$(tr '\n' ' ' <"$T/parish.txt" | tr -s ' ')
has "a parish style words it its own way" "$parish" \
	"As the meeting was inquorate, the following business was not transacted:"
has "and its quorum sentences" "$parish" \
	"The meeting became quorate again at 10.07am when Dr Barbara Rushton returned."

done_testing
