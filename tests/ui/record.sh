#!/bin/bash
# What is shown is what is minuted, and checked where it is entered
# (issue 20): the item pane shows a capture with the house style's words
# around it (so doubled words are seen before export) and the editor says
# what the style adds; the mover and seconder pickers start on "(not
# noted)", list only members present and entitled to vote on the item and
# leave the mover out of the seconders; vote counts are checked as typed
# against those entitled, keeping what was typed; abstainers on a show of
# hands are named with a reason; a motion agreed without a vote is worded
# by the style; a motion never put to the vote is not minuted as RESOLVED.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run record 2017-10-05 <<'KEYS'
y
a
P
/Keith Mans<Enter><Enter>
L
<Tab>
n
t
@dump received-prompt
The Board received a report on the budget.
<C-s>
@dump received-shown
r
@dump mover
/Fairhurst<Enter><Enter>
@dump seconder
/Stallard<Enter><Enter>
That the Board note the report.
<C-s>
v
<Enter>
25<Enter>
@dump too-many
<Enter>
@dump kept
<C-a><C-k>15<Enter>
0<Enter>
2<Enter>
@dump abstainer
/Crocker<Enter><Enter>
as he had not been present at that meeting<Enter>
<Esc>
r
<Enter>
<Enter>
That the Board thank the officers.
<C-s>
=
r
<Enter>
<Enter>
That the Board defer the next report.
<C-s>
C
y
q
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "the editor says what the style adds" record received-prompt \
	"Minuted as: The Board received … (one paragraph per line)"
screen_has "the pane shows the capture as minuted: the doubled words are seen" \
	record received-shown "The Board received The Board received"
is "the mover picker starts on (not noted)" \
	"$(grep -m1 '(not noted)' "$T/record/mover.txt" | grep -c '▶\|>\|█')" 1
lacks "an officer in attendance or a member who left cannot move" \
	"$(cat "$T/record/mover.txt")" "Councillor Keith Mans"
lacks "the seconder list leaves out the mover" \
	"$(sed -n '/Seconded by/,/└/p' "$T/record/seconder.txt")" "Councillor Liz Fairhurst"
screen_has "25 votes with 19 entitled (Councillor Mans has left) are refused as typed" \
	record too-many "25 votes, but only 19 members present are entitled to vote."
has "the prompt comes back with what was typed" \
	"$(sed -n '/Votes for/,/└/p' "$T/record/kept.txt")" "25"

q1() { sql "$1" | head -n 1; }
is "the count as corrected" \
	"$(q1 "SELECT votes_for || '|' || votes_against || '|' || votes_abstain || '|' || outcome FROM resolution WHERE meeting_id='$MID' AND body LIKE '%note the report%'")" \
	"15|0|2|carried"
is "one of the two abstainers named, with the reason" \
	"$(q1 "SELECT p.name || '|' || v.vote || '|' || v.reason FROM vote v JOIN person p ON p.id = v.person_id")" \
	"Steve Crocker|abstain|as he had not been present at that meeting"
is "no mover noted where none was picked" \
	"$(q1 "SELECT count(*) FROM resolution WHERE meeting_id='$MID' AND body LIKE '%thank%' AND mover IS NULL OR mover = ''")" 1

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/county.txt" 2>"$T/export.err"
county=$(tr '\n' ' ' <"$T/county.txt" | tr -s ' ')
has "the abstainer named in the minutes" "$county" \
	"(Votes: For 15, Against 0, Abstentions 2) Steve Crocker abstained as he had not been present at that meeting."
has "a motion never put: not minuted as resolved" "$county" \
	"A motion was moved: That the Board defer the next report. The motion was not put to the vote."
lacks "never as a resolution" "$county" "2. That the Board defer"
"$CLERK" --db "$DB" export 2017-10-05 --style parish -o "$T/parish.txt" 2>>"$T/export.err"
parish=$(tr '\n' ' ' <"$T/parish.txt" | tr -s ' ')
has "agreed without a vote, in the parish style's words" "$parish" \
	"That the Board thank the officers. All were in favour."

done_testing
