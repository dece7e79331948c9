#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Who counts towards the quorum (issue 20; DESIGN.md, "Rules of
# procedure"): only voting members and their substitutes physically in the
# room.  On the demo board (21 seats, 20 filled) one seat is made
# non-voting (a co-opted member who does not vote): with everyone present
# the header counts 19, of a quorum of 5 (one quarter of the 19 filled
# voting seats).  An officer also in attendance adds nobody; a member who
# declares a pecuniary interest leaves the room for the item and is not
# counted while out, and counts again when the item ends.
. "$top_srcdir/tests/ui/ui_lib.sh"

"$CLERK" --db "$DB" seat edit HWB 12 --non-voting >"$T/seat.out" 2>&1
is "seat 12 (Healthwatch Hampshire) no longer votes" "$?" 0

ui_run who 2017-10-05 <<'KEYS'
y
a
P
@dump all
i
Jo Bloggs<Enter>
Democratic Services Officer<Enter>
@dump officer
<Tab>
n
n
d
/Keith<Enter><Enter>
/DOMESTIC<Enter><Enter>
<Enter>
Governor of a school bidding for the service<Enter>
n
@dump declared
@clock +2m
n
n
n
n
@dump out
n
@dump back
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
head1() { head -1 "$T/who/$1.txt"; }
has "all present: the non-voting member is not counted" "$(head1 all)" \
	"quorate: 19 present, 5 needed"
is "although twenty are marked present" \
	"$(sql "SELECT count(*) FROM attendance WHERE meeting_id='$MID' AND status='present'")" 20
has "an officer also in attendance adds nobody" "$(head1 officer)" \
	"quorate: 19 present, 5 needed"
is "the officer is recorded in attendance" \
	"$(sql "SELECT a.status FROM attendance a JOIN person p ON p.id=a.person_id WHERE a.meeting_id='$MID' AND p.name='Jo Bloggs'")" \
	"in attendance"
has "a member out of the room for an interest is not counted" "$(head1 out)" \
	"quorate: 18 present, 5 needed"
is "the log has them leave for the interest" \
	"$(sql "SELECT count(*) FROM event e JOIN person p ON p.id=e.person_id WHERE e.meeting_id='$MID' AND e.kind='left' AND e.detail='interest' AND p.name='Keith Mans'")" 1
has "and counts again once the item is over" "$(head1 back)" \
	"quorate: 19 present, 5 needed"

done_testing
