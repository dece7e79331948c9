#!/bin/bash
# The capstone: the demo board's meeting of 5 October 2017 run in the
# console from opening to closing, checked screen by screen (expected
# dumps in tests/ui/expected/meeting-*.txt) and in the database afterwards:
# attendance with a substitute, an apology and a late arrival, declarations
# (a pecuniary one whose member leaves the room for item 8 and returns), an
# item that over-runs, resolutions agreed, by counts and by a recorded vote
# settled by the chair's casting vote, an action, an adjournment and
# resumption, an exempt item with the press and public excluded, an urgent
# item, and the close.
#
# Re-run under the room's rules (issue 20); what changed and why:
# - the mover of item 3 is picked by name: the pickers now start on "(not
#   noted)" (an Enter no longer names whoever is listed first), and list
#   only members present and entitled to vote on the item;
# - after the count on item 6 the console offers to name the one member
#   who abstained; Esc leaves the abstention unnamed, as before;
# - the item pane shows captures as the minutes print them, in the house
#   style: "The Board received ...", "The Board heard that:" (the screens
#   late, overrun, voted, ... changed accordingly);
# - the minutes now also say when the meeting adjourned and reconvened,
#   that the press and public were readmitted, and when the meeting
#   commenced and closed (checked at the end).
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run meeting 2017-10-05 <<'KEYS'
y
@clock 2017-10-05T08:59:00Z
a
/Andrew Whit<Enter><Enter>
s
@dump subpick
<Enter>
/Holloway<Enter><Enter>
o
Unwell<Enter>
/Roger<Enter><Enter>
x
P
@dump attendance
<Tab>
@clock 2017-10-05T09:00:00Z
n
@clock +3m
n
d
/Keith<Enter><Enter>
/DOMESTIC<Enter><Enter>
jj<Enter>
School governor<Enter>
d
/Alex<Enter><Enter>
@dump decl-who
/SUSTAIN<Enter><Enter>
<Enter>
Employed by Hampshire Hospitals NHS Foundation Trust<Enter>
n
@dump declarations
@clock +2m
n
r
/Mans<Enter><Enter>
/Stallard<Enter><Enter>
That the minutes of the meeting held on 29 June 2017 be confirmed as a correct record and signed by the Chairman.
@dump motion-edit
<C-s>
=
@dump minutes
@clock +3m
n
n
@clock 2017-10-05T09:15:00Z
n
t
A report from the Director of Children's Services regarding the joint targeted area inspection on domestic abuse (Item 6 in the Minute Book).
<C-s>
h
The inspection had found strong multi-agency working<Enter>
Four areas for improvement had been identified
<C-s>
@clock +10m
a
/Roger<Enter><Enter>
l
<Tab>
@dump late
@clock +10m
@dump overrun
r
/Crocker<Enter><Enter>
/Fairhurst<Enter><Enter>
That the Board note the findings of the inspection and the progress made against its recommendations.
<C-s>
v
<Enter>
15<Enter>
0<Enter>
1<Enter>
<Esc>
w
Bring back the strategic priorities to the Board in December
<Enter>
Director of Children's Services<Enter>
2017-12-14<Enter>
@dump voted
n
@clock +5m
@clock +10m
n
@dump interest-out
r
/Fairhurst<Enter><Enter>
/Rushton<Enter><Enter>
That the Board support the development of an inter-authority Health and Wellbeing Board Chairman's forum.
<C-s>
@dump after-save
v
j<Enter>
@dump recorded-first
<Enter>
<Enter>
<Enter>
<Enter>
<Enter>
<Enter>
<Enter>
<Enter>
<Enter>
j<Enter>
j<Enter>
j<Enter>
j<Enter>
j<Enter>
j<Enter>
j<Enter>
j<Enter>
j<Enter>
@dump casting
<Enter>
@dump casting-done
@clock +10m
n
@dump returned
@clock +5m
z
Fire alarm<Enter>
@clock +15m
@dump adjourned
z
y
@dump resumed
@clock +10m
n
X
1<Enter>
@dump excluded
t
Staffing arrangements of the Business Sub Group were discussed.
<C-s>
@dump exempt
I
@clock +10m
n
u
Winter pressures<Enter>
A letter from NHS England arrived after the agenda was published<Enter>
@dump urgent-added
<Enter>
@dump urgent
@clock +5m
n
@clock +5m
C
y
@dump closed
q
KEYS
is "the whole meeting ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
is "the substitute picker offers the nominated substitute first" \
	"$(sed -n '3,4p' "$T/meeting/subpick.txt" | sed 's/^[^│]*│ *//; s/ *│.*$//')" \
	"Nominated substitutes
Dr Peter Bibawy"
screen_has "and anyone else, members with a seat shown but not choosable" \
	meeting subpick "Graham Allen                                               holds a seat"
for d in attendance declarations minutes late overrun voted \
	interest-out recorded-first casting casting-done returned adjourned \
	resumed excluded exempt urgent-added urgent closed; do
	screen_is "screen: $d" meeting "$d"
done

q1() { sql "$1" | head -n 1; }
who() { # attendance status of a person of this meeting
	q1 "SELECT a.status || '|' || a.note || '|' || coalesce(a.arrived_at,'')
	    FROM attendance a JOIN person p ON p.id = a.person_id
	    WHERE a.meeting_id = '$MID' AND p.name = '$1'"
}
item() { q1 "SELECT id FROM agenda_item WHERE meeting_id='$MID' AND number='$1'"; }

is "meeting closed" "$(q1 "SELECT status FROM meeting WHERE id='$MID'")" closed
is "Dr Andrew Whitfield sent his apologies" "$(who 'Andrew Whitfield')" "apology||"
is "Dr Peter Bibawy substituted for him" \
	"$(q1 "SELECT s.name || ' for ' || m.name FROM attendance a
	       JOIN person s ON s.id = a.person_id JOIN person m ON m.id = a.substitute_for
	       WHERE a.meeting_id='$MID' AND a.status='substitute'")" \
	"Peter Bibawy for Andrew Whitfield"
is "Christine Holloway: apology, unwell" "$(who 'Christine Holloway')" "apology|Unwell|"
is "Councillor Roger Allen arrived late at 10:25" "$(who 'Roger Allen')" \
	"present||2017-10-05T09:25:00Z"
is "Alex Whitfield declared a pecuniary interest in item 8 and left" \
	"$(q1 "SELECT d.kind || '|' || d.left_room || '|' || i.number FROM declaration d
	       JOIN person p ON p.id = d.person_id JOIN agenda_item i ON i.id = d.item_id
	       WHERE d.meeting_id='$MID' AND p.name='Alex Whitfield'")" "pecuniary|1|8"
is "Councillor Keith Mans: a non-registrable interest in item 6" \
	"$(q1 "SELECT d.kind || '|' || d.what FROM declaration d JOIN person p ON p.id = d.person_id
	       WHERE d.meeting_id='$MID' AND p.name='Keith Mans'")" "non-registrable|School governor"
is "he left the room when item 8 began and came back when it ended" \
	"$(sql "SELECT e.kind || ' ' || e.detail || ' ' || e.at FROM event e JOIN person p ON p.id = e.person_id
	        WHERE e.meeting_id='$MID' AND p.name='Alex Whitfield' AND e.kind IN ('left','returned') ORDER BY e.seq")" \
	"left interest 2017-10-05T09:50:00Z
returned interest 2017-10-05T10:00:00Z"
is "item 6 planned 15 minutes, ran 10:15-10:35" \
	"$(sql "SELECT kind || ' ' || at FROM event WHERE item_id='$(item 6)' AND kind LIKE 'item%' ORDER BY seq")" \
	"item started 2017-10-05T09:15:00Z
item ended 2017-10-05T09:35:00Z"
is "the minutes of 29 June were agreed without a vote" \
	"$(q1 "SELECT outcome || '|' || voted FROM resolution WHERE item_id='$(item 3)'")" "carried|0"
is "item 6 resolved by 15 to 0 with 1 abstention" \
	"$(q1 "SELECT outcome || '|' || votes_for || '|' || votes_against || '|' || votes_abstain FROM resolution WHERE item_id='$(item 6)'")" \
	"carried|15|0|1"
is "item 8: a recorded vote of 9 to 9, carried on the chair's casting vote" \
	"$(q1 "SELECT outcome || '|' || recorded || '|' || votes_for || '|' || votes_against || '|' || casting FROM resolution WHERE item_id='$(item 8)'")" \
	"carried|1|9|9|for"
is "18 named votes, none from Alex Whitfield who was out of the room" \
	"$(q1 "SELECT count(*) || '|' || sum(p.name = 'Alex Whitfield') FROM vote v JOIN person p ON p.id = v.person_id
	       JOIN resolution r ON r.id = v.resolution_id WHERE r.item_id='$(item 8)'")" "18|0"
is "the action, its owner and due date" \
	"$(q1 "SELECT owner || '|' || due FROM action WHERE meeting_id='$MID'")" \
	"Director of Children's Services|2017-12-14"
is "adjourned at 11:05 for the fire alarm, resumed at 11:20" \
	"$(sql "SELECT kind || ' ' || at || ' ' || detail FROM event WHERE meeting_id='$MID' AND kind IN ('adjourned','resumed') ORDER BY seq")" \
	"adjourned 2017-10-05T10:05:00Z Fire alarm
resumed 2017-10-05T10:20:00Z "
is "item 10 exempt under paragraph 1" \
	"$(q1 "SELECT exempt || '|' || exempt_paragraph FROM agenda_item WHERE id='$(item 10)'")" "1|1"
is "the exclusion resolution is recorded" \
	"$(q1 "SELECT count(*) FROM resolution WHERE meeting_id='$MID' AND kind='exclusion'")" 1
is "its discussion went to the confidential minute" \
	"$(q1 "SELECT section FROM minute_text WHERE item_id='$(item 10)'")" exempt
is "the public were readmitted" \
	"$(q1 "SELECT count(*) FROM event WHERE meeting_id='$MID' AND kind='public readmitted'")" 1
is "the urgent item with the chair's reason" \
	"$(q1 "SELECT title || '|' || urgent_reason FROM agenda_item WHERE meeting_id='$MID' AND kind='urgent'")" \
	"Winter pressures|A letter from NHS England arrived after the agenda was published"
is "what the Board heard on item 6, in order" \
	"$(sql "SELECT body FROM minute_text WHERE item_id='$(item 6)' AND section='heard' ORDER BY position")" \
	"The inspection had found strong multi-agency working
Four areas for improvement had been identified"

# The minutes of the meeting as run: what the room's rules add to them.
"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
is "the minutes export" "$?" 0
minutes=$(tr '\n' ' ' <"$T/minutes.txt" | tr -s ' ')
has "the adjournment and the resumption are minuted" "$minutes" \
	"The meeting adjourned at 11.05 am (Fire alarm) and reconvened at 11.20 am."
has "so is the readmission of the press and public, after the exempt item's exclusion" \
	"$minutes" "disclosing it. The press and public were readmitted. 11. ANY OTHER BUSINESS"
has "and when the meeting commenced and closed" "$minutes" \
	"The meeting commenced at 10.00 am and closed at 11.50 am."
has "the motion of item 3 was agreed without a vote: the county style prints the resolution alone" \
	"$minutes" "RESOLVED: That the minutes of the meeting held on 29 June 2017"
has "the count on item 6" "$minutes" "(Votes: For 15, Against 0, Abstentions 1)"

# Reopening after the close shows the same record, read-only in effect.
ui_run reopen 2017-10-05 <<'KEYS'
@dump again
q
KEYS
is "a closed meeting reopens without a question" "$UI_RC" 0
screen_has "it shows the meeting closed" reopen again "closed at 11:50"
screen_has "with its last item" reopen again "▶ 12 DATE OF NEXT MEET"
screen_has "and the urgent item taken" reopen again "✓    Winter pressures   11:30 11:40"

done_testing
