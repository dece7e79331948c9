#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Everything at its place in the record (issue 20).
# - An action recorded in the room (owner, due date) and a planning
#   decision are minuted where they happened, as the other captures are:
#   after the vote they followed, before what was said after it; the
#   style's list of actions at the end of the minutes stays where a style
#   asks for it.
# - A meeting typed up afterwards, with no log, is minuted in the order
#   its paragraphs and resolutions were written, as a meeting recorded
#   live is: a point typed after a resolution prints after it.
. "$top_srcdir/tests/ui/ui_lib.sh"

"$CLERK" --db "$DB" item edit 2017-10-05 6 --application 17/01234/FUL \
	--site "Land at Ashburton Road" --decision approved >"$T/app.out" 2>&1
is "item 6 is a planning application, decided approved" "$?" 0

ui_run place 2017-10-05 <<'KEYS'
y
a
P
<Tab>
n
n
n
n
n
n
h
Point before the vote.
<C-s>
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That the application be approved.
<C-s>
v
<Enter>
12<Enter>
3<Enter>
0<Enter>
w
Send the decision notice to the applicant<Enter>
Head of Planning<Enter>
2017-10-12<Enter>
@dump action
h
Point after the vote.
<C-s>
@dump after
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
aid=$(sql "SELECT id FROM action WHERE body = 'Send the decision notice to the applicant'")
is "the action is recorded with its owner and due date" \
	"$(sql "SELECT owner || '|' || due FROM action WHERE id = '$aid'")" \
	"Head of Planning|2017-10-12"
is "the log places it on the item where it was recorded" \
	"$(sql "SELECT i.number FROM event e JOIN agenda_item i ON i.id = e.item_id WHERE e.kind = 'text recorded' AND e.detail = 'action $aid'")" 6

flat() { tr '\n' ' ' <"$1" | tr -s ' '; }
pane() { sed -n 's/^[^│]*│ *//p' "$T/place/$1.txt" | tr -s ' \n' ' '; }
# between() TEXT FIRST SECOND THIRD: the three appear in that order
inorder() {
	local text=$1 what=$2 a=$3 b=$4 c=$5
	local rest=${text#*"$a"}
	[ "$rest" != "$text" ] && rest2=${rest#*"$b"} && [ "$rest2" != "$rest" ] &&
		[ "${rest2#*"$c"}" != "$rest2" ]
	_tap_result $? "$what" "wanted, in this order: [$a] [$b] [$c]"
}
inorder "$(pane after)" "the item pane shows the action where it was recorded, as the minutes do" \
	"be approved." "Action: Send the decision notice" "Point after the vote."
"$CLERK" --db "$DB" export 2017-10-05 --style partnership -o "$T/p.txt" 2>"$T/export.err"
p=$(flat "$T/p.txt")
has "the partnership style minutes the action under the item" "$p" \
	"Action: Send the decision notice to the applicant (Head of Planning), by"
inorder "$p" "the action at its place: after the vote, before the point made after it" \
	"That the application be approved." "Action: Send the decision notice" "Point after the vote."
inorder "$p" "the point made before the vote stays before it" \
	"Point before the vote." "That the application be approved." "Action: Send"
"$CLERK" --db "$DB" export 2017-10-05 --style planning -o "$T/planning.txt" 2>>"$T/export.err"
pl=$(flat "$T/planning.txt")
inorder "$pl" "the planning decision follows the vote that made it, before the point made after it" \
	"That the application be approved." "DECISION: Approved (12:3)" "Point after the vote."
"$CLERK" --db "$DB" export 2017-10-05 --style parish -o "$T/parish.txt" 2>>"$T/export.err"
parish=$(flat "$T/parish.txt")
has "the parish style still lists the actions at the end" "$parish" \
	"Actions - Send the decision notice to the applicant - Head of Planning, by 12th October 2017"
inorder "$parish" "after the last item's minute" "Point after the vote." "DATE OF NEXT MEETING" \
	"Actions - Send the decision notice"
is "no export failed" "$(grep -v 'minutes written to' "$T/export.err")" ""

# A meeting typed up afterwards (29 June 2017: no log) in review.
is "the meeting of 29 June has no log" \
	"$(sql "SELECT count(*) FROM event e JOIN meeting m ON m.id = e.meeting_id WHERE m.starts_at LIKE '2017-06-29%'")" 0
cat >"$T/typed.keys" <<'KEYS'
@expect AT A MEETING
e
/add a paragraph<Enter><Enter>
/ANY OTHER<Enter><Enter>
/heard<Enter><Enter>
The Board heard first that the clinic had opened.<C-s>
@expect Added
e
/add a resolution<Enter><Enter>
/ANY OTHER<Enter><Enter>
<Enter>
That the Board welcome the opening of the clinic.<C-s>
@expect Resolution added
e
/add a paragraph<Enter><Enter>
/ANY OTHER<Enter><Enter>
/heard<Enter><Enter>
The Board heard after the resolution that a second clinic would follow.<C-s>
@expect Added
q
q
KEYS
mkdir -p "$T/typed"
"$CLERK" --db "$DB" review 2017-06-29 --script "$T/typed.keys" --dump "$T/typed" \
	>"$T/typed.out" 2>"$T/typed.err"
is "the review script runs to the end" "$?" 0
is "nothing went wrong typing it up" "$(cat "$T/typed.err")" ""
is "still no log: typed up afterwards" \
	"$(sql "SELECT count(*) FROM event e JOIN meeting m ON m.id = e.meeting_id WHERE m.starts_at LIKE '2017-06-29%'")" 0
"$CLERK" --db "$DB" export 2017-06-29 -o "$T/typed.txt" 2>"$T/export.err"
t=$(flat "$T/typed.txt")
inorder "$t" "typed up: the point written after the resolution prints after it" \
	"The Board heard first that the clinic had opened." \
	"That the Board welcome the opening of the clinic." \
	"The Board heard after the resolution that a second clinic would follow."
lacks "not gathered with the first point before the resolution (the older order)" "$t" \
	"clinic had opened. - The Board heard after"
"$CLERK" --db "$DB" export 2017-06-29 --format html -o "$T/typed.html" 2>>"$T/export.err"
h=$(tr '\n' ' ' <"$T/typed.html" | sed 's/<[^>]*>/ /g' | tr -s ' ')
inorder "$h" "every format prints it the same way (HTML)" \
	"clinic had opened." "welcome the opening of the clinic." "a second clinic would follow."

done_testing
