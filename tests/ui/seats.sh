#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One seat, one voter (issue 20), on the demo board of 20 voting seats:
# every member is marked present, then a substitute recorded for a member
# present asks whether the member sent apologies (yes: the apology is
# recorded and the substitute holds the seat; no: nothing changes);
# marking the member present while the substitute sits asks which of the
# two holds the seat; a substitute who is not the seat's nominated one is
# minuted as what they are; a substitute's own apologies are recorded; a
# substitute recorded by mistake is removed.  The quorum never counts both.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run seats 2017-10-05 <<'KEYS'
y
a
P
@dump all-present
/Andrew Whit<Enter><Enter>
s
@dump ask-apology
y
<Enter>
@dump substituted
/Keith Mans<Enter><Enter>
s
n
@dump refused
/Andrew Whit<Enter><Enter>
p
@dump who-holds
<Enter>
@dump sub-holds
/Stallard<Enter><Enter>
s
y
/Roy Perry<Enter><Enter>
@dump other-sub
/Christine Holloway<Enter><Enter>
s
y
<Enter>
/Steve Manley<Enter><Enter>
o
Unwell<Enter>
@dump sub-apology
/Decker<Enter><Enter>
s
y
<Enter>
/Peter Kelly<Enter><Enter>
x
@dump ask-remove
y
@dump removed
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "all twenty present" seats all-present "quorate: 20 present, 5 needed"
screen_has "a substitute for a member present asks about apologies" seats ask-apology \
	"Dr Andrew Whitfield is marked present: a seat counts once."
screen_has "yes: the apology, and the seat counted once" seats substituted "quorate: 20 present, 5 needed"
screen_has "no: no substitute, and the clerk is told" seats refused \
	"No substitute recorded: the member present holds the seat"
screen_has "the member marked present while the substitute sits: which holds the seat" \
	seats who-holds "Dr Peter Bibawy sits for Dr Andrew Whitfield: who holds the"
screen_has "the substitute keeps it" seats sub-holds \
	"Dr Peter Bibawy holds the seat: Dr Andrew Whitfield is not marked present"
screen_has "still counted once" seats sub-holds "quorate: 20 present, 5 needed"
screen_has "someone not nominated is accepted with a warning" seats other-sub \
	"is not the nominated substitute"
screen_has "a substitute's own apology: that seat is empty" seats sub-apology "quorate: 19 present, 5 needed"
screen_has "and when a substitute is removed, the member's too" seats removed "quorate: 18 present, 5 needed"
screen_has "x on a substitute asks before removing" seats ask-remove \
	"Remove this substitute, recorded by mistake?"
screen_has "removed" seats removed "Substitute removed"

q1() { sql "$1" | head -n 1; }
status() {
	q1 "SELECT a.status || '|' || coalesce(s.name, '') FROM attendance a
	    JOIN person p ON p.id = a.person_id LEFT JOIN person s ON s.id = a.substitute_for
	    WHERE a.meeting_id = '$MID' AND p.name = '$1'"
}
is "Whitfield: apology" "$(status 'Andrew Whitfield')" "apology|"
is "Bibawy: substitute for him" "$(status 'Peter Bibawy')" "substitute|Andrew Whitfield"
is "Keith Mans still present, no substitute" "$(status 'Keith Mans')" "present|"
is "Roy Perry substitutes for Patricia Stallard" "$(status 'Roy Perry')" "substitute|Patricia Stallard"
is "Steve Manley, Holloway's substitute, sent his own apologies" \
	"$(status 'Steve Manley')" "apology|Christine Holloway"
is "Peter Kelly's row is gone" "$(status 'Peter Kelly')" ""
is "no seat counted twice: members present plus substitutes sitting" \
	"$(q1 "SELECT count(*) FROM attendance WHERE meeting_id='$MID' AND status IN ('present','substitute')")" 18
is "the removal is in the log" \
	"$(q1 "SELECT e.detail FROM event e JOIN person p ON p.id = e.person_id
	       WHERE e.meeting_id='$MID' AND p.name='Peter Kelly' ORDER BY e.seq DESC")" removed

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
is "the minutes export" "$?" 0
minutes=$(tr '\n' ' ' <"$T/minutes.txt" | tr -s ' ')
has "the nominated substitute attended in his place" "$minutes" \
	"Dr Andrew Whitfield, Clinical Chairman. Dr Peter Bibawy, Medical Director, his substitute, attended in his place."
has "someone not nominated is minuted as what they are" "$minutes" \
	"Councillor Roy Perry"
lacks "never as her substitute" "$minutes" "Councillor Roy Perry, Executive Member for Policy & Resources & HCC Leader, her substitute"
has "with the sentence for a substitute not nominated" "$minutes" "attended as substitute."
has "the substitute's own apologies" "$minutes" \
	"was unable to attend in her place due to Unwell"
lacks "Whitfield is not listed present" "$(grep -i 'whitfield' "$T/minutes.txt" | head -1)" "p Dr Andrew"

done_testing
