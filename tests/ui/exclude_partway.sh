#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Excluding the press and public part-way through an item (issue 20): what
# the meeting did in public on the item before the exclusion (a point
# heard, a resolution agreed) stays in the public minutes, in its place
# before the exclusion resolution; only what follows the exclusion is
# exempt, shown in the confidential record alone.  The console says so
# when the exclusion is made.  Before, marking the item exempt hid its
# whole minute, public business included, from the public minutes.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run part 2017-10-05 <<'KEYS'
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
n
h
The inspection's summary was presented in public
<C-s>
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That the Board notes the summary of the inspection.
<C-s>
=
@clock +5m
X
3<Enter>
@dump excluded
h
Confidential staffing details were given
<C-s>
t
Named members of staff were discussed.
<C-s>
@dump exempt
I
q
y
KEYS
is "the scenario ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "the console says the public part stays public" part excluded \
	"Press and public excluded: what was done in public on item 6 before the"
is "item 6 is now exempt (paragraph 3)" \
	"$(sql "SELECT exempt || ' ' || exempt_paragraph FROM agenda_item WHERE meeting_id='$MID' AND number='6'")" \
	"1 3"
is "the log: the public business, the exclusion, then the exempt business" \
	"$(sql "SELECT group_concat(kind, ',') FROM (SELECT kind FROM event WHERE meeting_id='$MID'
	        AND kind IN ('text recorded','vote taken','public excluded','public readmitted') ORDER BY seq)")" \
	"text recorded,vote taken,public excluded,text recorded,text recorded,public readmitted"

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/public.txt" 2>"$T/export.err"
is "the public minutes export" "$?" 0
pub=$(tr '\n' ' ' <"$T/public.txt" | tr -s ' ')
has "public: the point heard before the exclusion" "$pub" \
	"6. DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION The Board heard that: - The inspection's summary was presented in public"
has "public: the resolution agreed before it, then the exclusion" "$pub" \
	"That the Board notes the summary of the inspection. RESOLVED: That the press and public be excluded from the meeting during item 6"
lacks "public: nothing said after the exclusion" "$pub" "Confidential staffing details"
lacks "public: nor the exempt paragraph" "$pub" "Named members of staff"
has "public: the readmission is minuted" "$pub" "The press and public were readmitted."

"$CLERK" --db "$DB" export 2017-10-05 --confidential -o "$T/conf.txt" 2>>"$T/export.err"
conf=$(tr '\n' ' ' <"$T/conf.txt" | tr -s ' ')
has "confidential: the exempt part after the exclusion" "$conf" \
	"Confidential staffing details were given"
has "confidential: its exempt paragraph" "$conf" "Named members of staff were discussed."
has "confidential: the public part too, before it" "$conf" \
	"The inspection's summary was presented in public"

done_testing
