#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Ended bodies (issue 14): a committee expired in ModernGov, or one the
# council wound up (clerk body end), keeps its record, is shown as ended by
# body list, members and the browse console, and is offered for no new
# meeting.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db" TERM=dumb
here="$top_srcdir/tests/import"
$CLERK demo >/dev/null
out=$($CLERK body list); rc=$?
is "body list exits 0" "$rc" 0
has "it lists the board, current" "$out" "Health and Wellbeing Board (HWB)	Hampshire County Council	current"
lacks "nothing is ended yet" "$out" "ended"

out=$($CLERK body end HWB --reason "replaced by the Integrated Care Partnership" 2>&1); rc=$?
is "body end exits 0" "$rc" 0
has "it says what it did" "$out" "Marked the Health and Wellbeing Board ended (replaced by the Integrated Care Partnership): it is offered for no new meeting, and its record is kept."
is "the row says so" "$(sqlite3 "$CLERK_DB" "SELECT reason FROM body_ended e JOIN body b ON b.id = e.body_id WHERE b.short_name = 'HWB'")" \
	"replaced by the Integrated Care Partnership"
has "body list shows it ended, with why" "$($CLERK body list)" \
	"Health and Wellbeing Board (HWB)	Hampshire County Council	ended (replaced by the Integrated Care Partnership)"
has "the membership look-up says it has ended" "$($CLERK members HWB)" \
	"Ended: replaced by the Integrated Care Partnership: no new meetings."
meetings=$(sqlite3 "$CLERK_DB" "SELECT count(*) FROM meeting")
out=$($CLERK meeting add HWB 2018-01-11 10:00 2>&1); rc=$?
is "a new meeting of an ended body is refused (exit 3)" "$rc" 3
has "... saying why and what to do" "$out" "the Health and Wellbeing Board has ended (replaced by the Integrated Care Partnership): a body the council has wound up holds no new meetings, and its record is kept"
is "... and nothing is written" "$(sqlite3 "$CLERK_DB" "SELECT count(*) FROM meeting")" "$meetings"
has "its meetings are kept" "$($CLERK meetings --body HWB)" "2017"
mkdir -p "$T/d"
printf '%s\n' '@dump bodies' q >"$T/browse.keys"
$CLERK browse --script "$T/browse.keys" --dump "$T/d" >/dev/null 2>&1
has "the browse console lists it as ended" "$(cat "$T/d/bodies.txt" 2>/dev/null)" "Health and Wellbeing Board (HWB) — ended"

out=$($CLERK body end HWB --not 2>&1); rc=$?
is "body end --not exits 0" "$rc" 0
has "it says the body is current again" "$out" "The Health and Wellbeing Board is no longer marked ended"
ok "a meeting can be added again" $CLERK meeting add HWB 2018-01-11 10:00
has "body list shows it current" "$($CLERK body list)" "Health and Wellbeing Board (HWB)	Hampshire County Council	current"

# A committee ModernGov says expired (or deleted) is ended too.
export CLERK_DB="$T/mg.db"
ok "ModernGov committees import" $CLERK import moderngov "$here/mg-eb-committees.xml" --council "Eastbrook District Council"
out=$($CLERK body list)
has "the expired committee is listed ended" "$out" "Town Centre Regeneration Working Party	Eastbrook District Council	ended (expired in ModernGov)"
has "the current one current" "$out" "Culture & Leisure Committee	Eastbrook District Council	current"
exits "the expired committee is offered for no new meeting" 3 $CLERK meeting add "Town Centre Regeneration" 2024-01-11 19:00
exits "a missing body is not found" 1 $CLERK body end "No Such Panel"
done_testing
