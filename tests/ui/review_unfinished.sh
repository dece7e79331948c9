#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Review accepts a motion's words saved unfinished (issue 20): two motions'
# words saved when the terminal hung up are shown as unfinished in the
# review screen, above the minutes and in the list of resolutions; one is
# accepted as it stands, the other corrected (which accepts it).  The log
# says so in the console's words, the draft minutes lose their marks, and
# confirmation, refused while they remained, then proceeds.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run hup 2017-10-05 <<'KEYS'
y
a
P
<Tab>
n
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That the Board notes the half typed
@signal HUP
KEYS
is "the hang-up while typing a motion ends the console cleanly" "$UI_RC" 0
ui_run hup2 2017-10-05 <<'KEYS'
n
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That the Board endorses the draft strat
@signal HUP
KEYS
is "a second motion, too" "$UI_RC" 0
r1=$(sql "SELECT id FROM resolution WHERE body = 'That the Board notes the half typed'")
r2=$(sql "SELECT id FROM resolution WHERE body = 'That the Board endorses the draft strat'")
is "both were kept, marked unfinished in the log" \
	"$(sql "SELECT count(*) FROM event WHERE kind='note' AND detail IN ('motion unfinished $r1', 'motion unfinished $r2')")" 2
ui_run close 2017-10-05 <<'KEYS'
C
y
q
KEYS
is "the meeting is closed" "$(sql "SELECT status FROM meeting WHERE id='$MID'")" closed

"$CLERK" --db "$DB" meeting add HWB 2017-12-07 10:00 >/dev/null 2>&1
out=$(CLERK_NOW=2017-12-07T11:00:00Z "$CLERK" --db "$DB" confirm 2017-10-05 --at 2017-12-07 2>&1)
has "confirmation is refused while they remain" "$(echo "$out" | tr '\n' ' ' | tr -s ' ')" \
	"0 paragraphs and 2 motions saved unfinished when the terminal hung up"

export CLERK_NOW=2017-10-06T09:00:00Z
cat >"$T/review.keys" <<'KEYS'
@expect AT A MEETING
@dump pager
e
/resolutions<Enter><Enter>
@dump list
/half typed<Enter><Enter>
@dump how
<Enter>
@expect Accepted
@dump accepted
e
/resolutions<Enter><Enter>
/strat<Enter><Enter>
<Down><Enter>
<C-e>egy.<C-s>
@expect saved
@dump corrected
q
q
KEYS
mkdir -p "$T/rv"
"$CLERK" --db "$DB" review 2017-10-05 --script "$T/review.keys" --dump "$T/rv" \
	>"$T/rv.out" 2>"$T/rv.err"
is "the review script runs to the end" "$?" 0
is "nothing went wrong on the way" "$(cat "$T/rv.err")" ""
flat() { tr '\n' ' ' <"$1" | tr -s ' '; }
has "the review shows the motion's words unfinished above the minutes" \
	"$(flat "$T/rv/pager.txt")" \
	"UNFINISHED MOTION (saved when the terminal hung up; e, resolutions, accepts or corrects it): That the Board notes the half typed"
has "the list of resolutions marks them" "$(flat "$T/rv/list.txt")" \
	"[UNFINISHED] That the Board notes the half typed"
has "picking one offers to accept or correct it" "$(flat "$T/rv/how.txt")" \
	"Motion saved unfinished when the terminal hung up"
has "accept it as it stands" "$(flat "$T/rv/how.txt")" "accept it as it stands"
lacks "accepted: no longer shown unfinished" "$(flat "$T/rv/accepted.txt")" \
	"UNFINISHED MOTION (saved when the terminal hung up; e, resolutions, accepts or corrects it): That the Board notes"
is "the log says the first was accepted, in the console's words" \
	"$(sql "SELECT count(*) FROM event WHERE kind='note' AND detail='motion accepted $r1'")" 1
is "the second was corrected" \
	"$(sql "SELECT body FROM resolution WHERE id='$r2'")" "That the Board endorses the draft strategy."
is "and so accepted" \
	"$(sql "SELECT count(*) FROM event WHERE kind='note' AND detail='motion accepted $r2'")" 1
lacks "nothing is shown unfinished any more" "$(flat "$T/rv/corrected.txt")" "UNFINISHED"

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
minutes=$(flat "$T/minutes.txt")
has "the minutes hold the words accepted" "$minutes" "That the Board notes the half typed"
has "and the words corrected" "$minutes" "That the Board endorses the draft strategy."
lacks "with no mark left" "$minutes" "UNFINISHED"

out=$(CLERK_NOW=2017-12-07T11:00:00Z "$CLERK" --db "$DB" confirm 2017-10-05 --at 2017-12-07 2>&1)
is "confirmation then proceeds" "$?" 0
is "the minutes are confirmed" "$(sql "SELECT minutes_state FROM meeting WHERE id='$MID'")" confirmed

done_testing
