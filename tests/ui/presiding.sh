#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Who presides is part of the record (issue 20): in the chair's absence
# the vice-chair takes the chair, recorded in the room (V) with a sentence
# on the screen and an event in the log; the minutes say it where it
# happened in the house style ("Dr Barbara Rushton (Vice-Chairman) in the
# Chair."), and the casting vote on equal votes names who gave it.  Before
# this, nothing recorded who presided and the casting vote was always the
# Chairman's, unnamed.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run chair 2017-10-05 <<'KEYS'
y
a
P
<Tab>
@clock 2017-10-05T09:00:00Z
n
@clock +2m
V
/Rushton<Enter><Enter>
@dump presiding
r
/Stallard<Enter><Enter>
/Mans<Enter><Enter>
That the Board writes to the Secretary of State about the pilot.
<C-s>
v
<Enter>
5<Enter>
5<Enter>
0<Enter>
@dump equal
<Enter>
@dump cast
V
/Graham<Enter><Enter>
@dump elected
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "the screen says who is in the Chair from now" chair presiding \
	"Dr Barbara Rushton (Vice-Chairman) is in the Chair from now"
screen_has "a member elected for the meeting is recorded as such" chair elected \
	"(elected to preside) is in the Chair from now"
is "the log records who presides, as what" \
	"$(sql "SELECT group_concat(p.name || ' ' || e.detail, ',') FROM event e JOIN person p
	        ON p.id = e.person_id WHERE e.meeting_id='$MID' AND e.kind='presiding'")" \
	"Barbara Rushton Vice-Chairman,Graham Allen elected to preside"
is "the motion was carried on the casting vote" \
	"$(sql "SELECT outcome || ' ' || casting FROM resolution WHERE meeting_id='$MID'")" \
	"carried for"

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
is "the minutes export" "$?" 0
minutes=$(tr '\n' ' ' <"$T/minutes.txt" | tr -s ' ')
has "the minutes say who took the chair, where it happened" "$minutes" \
	"1. APOLOGIES FOR ABSENCE No apologies for absence were received. Dr Barbara Rushton (Vice-Chairman) in the Chair."
has "the casting vote names who gave it" "$minutes" \
	"There being an equality of votes, the Vice-Chairman, Dr Barbara Rushton, gave a casting vote for the motion."
has "a member elected to preside, without a role" "$minutes" \
	"Graham Allen in the Chair."
"$CLERK" --db "$DB" export 2017-10-05 --style partnership -o "$T/p.txt" 2>>"$T/export.err"
has "another style uses its own word for the role" \
	"$(tr '\n' ' ' <"$T/p.txt" | tr -s ' ')" "Dr Barbara Rushton (Vice-Chair) in the Chair."

done_testing
