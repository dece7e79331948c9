#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# An election item agreed changes who holds the office from that moment
# (issue 20): the Board elects a new Vice-Chairman at an election item; V
# there records who was elected to which office (or who is in the Chair;
# agreeing the motion asks first, see election_agreed.sh: declined here),
# the console says so, and the log keeps it.
# From then the new Vice-Chairman is the vice-chair (V puts them in the
# Chair as Vice-Chairman; the former one, in the Chair, presides only as a
# member elected for the meeting), the minutes say the election and who
# was in the Chair where each happened, and the minutes confirmed at this
# meeting are signed by the member in the Chair.
. "$top_srcdir/tests/ui/ui_lib.sh"

"$CLERK" --db "$DB" item add 2017-10-05 "Election of Vice-Chairman" --at 3 \
	--kind election >"$T/add.out" 2>&1
is "an election item is added to the agenda" "$?" 0

ui_run elect 2017-10-05 <<'KEYS'
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
n
<Esc>
V
@dump who
/Mans<Enter><Enter>
@dump office
jj<Enter>
@dump elected
V
/Mans<Enter><Enter>
<Enter>
@dump mans-chair
V
/Rushton<Enter><Enter>
<Enter>
@dump rushton-chair
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "V at the election item asks who was elected" elect who \
	"Elected, or in the Chair: who?"
screen_has "and which office" elect office "To which office?"
screen_has "the screen says who holds it from now" elect elected \
	"Councillor Keith Mans is Vice-Chairman from now."
screen_has "the new Vice-Chairman presides as such" elect mans-chair \
	"Councillor Keith Mans (Vice-Chairman) is in the Chair from now"
screen_has "the former one no longer presides as Vice-Chairman" elect rushton-chair \
	"Dr Barbara Rushton (elected to preside) is in the Chair from now"
is "the log keeps the election" \
	"$(sql "SELECT p.name || ' ' || e.detail FROM event e JOIN person p ON p.id = e.person_id
	        WHERE e.meeting_id='$MID' AND e.kind='elected'")" "Keith Mans Vice-Chairman"

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
minutes=$(tr '\n' ' ' <"$T/minutes.txt" | tr -s ' ')
has "the minutes say the election where it happened" "$minutes" \
	"Councillor Keith Mans was elected Vice-Chairman and took office from that point of the meeting."
has "and who was in the Chair, as what, after it" "$minutes" \
	"Councillor Keith Mans (Vice-Chairman) in the Chair. Dr Barbara Rushton in the Chair."

# The minutes of 29 June confirmed at this meeting are signed by the member
# in the Chair at the time, not the chairman on the seat list.
out=$("$CLERK" --db "$DB" confirm 2017-06-29 --at 2017-10-05 2>&1)
is "the previous minutes are confirmed" "$?" 0
has "signed by the member in the Chair" "$out" "signed by Dr Barbara Rushton"
is "the file records who signed" \
	"$(sql "SELECT p.name FROM meeting m JOIN person p ON p.id = m.signed_by WHERE m.starts_at LIKE '2017-06-29%'")" \
	"Barbara Rushton"

done_testing
