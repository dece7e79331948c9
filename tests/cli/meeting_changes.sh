#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Meetings that change: `clerk meeting edit`, `cancel`, `postpone` and
# `delete`, followed through to the calendar, the list of meetings,
# attendance and the live console; and one meeting per start of a body.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db" CLERK_NOW=2018-01-10T09:00:00Z
q() { sqlite3 "$CLERK_DB" "$1"; }

$CLERK body add "Scrutiny Panel" --council "Testshire Council" --short SP >/dev/null
$CLERK seat add SP "Member" >/dev/null
$CLERK member add SP 1 "Cllr Ann Example" --from 2017-01-01 >/dev/null
$CLERK meeting add SP 2017-11-01 10:00 >/dev/null
$CLERK meeting add SP 2017-12-01 10:00 --venue "Room 1" >/dev/null
$CLERK meeting add SP 2018-02-01 10:00 >/dev/null
$CLERK meeting add SP 2018-03-01 10:00 >/dev/null

# Edit: date, time and venue; the agenda's planned times move with it.
out=$($CLERK meeting edit 2018-02-01 --date 2018-02-08 --time 14:30 --venue "Council Chamber" 2>&1)
has "edit says what the meeting became" "$out" "is now on Thursday 8 February 2018 at 14:30, venue Council Chamber"
has "the agenda starts at the new time" "$($CLERK item list 2018-02-08)" "APOLOGIES FOR ABSENCE	14.30"
exits "the old date names no meeting" 1 $CLERK item list 2018-02-01
exits "edit with nothing to change is a usage error" 2 $CLERK meeting edit 2018-02-08
exits "edit to a date that is no date" 2 $CLERK meeting edit 2018-02-08 --date 8/2/2018

# One meeting per start of a body: add and edit are refused.
out=$($CLERK meeting add SP 2018-03-01 10:00 2>&1); rc=$?
is "a second meeting at the same start is refused" "$rc" 3
has "... with a sentence" "$out" "already has a meeting on Thursday 1 March 2018 at 10:00"
exits "edit onto another meeting's start is refused" 3 $CLERK meeting edit 2018-02-08 --date 2018-03-01 --time 10:00
is "still one meeting on 1 March" "$(q "SELECT count(*) FROM meeting WHERE starts_at = '2018-03-01T10:00:00Z'")" 1
$CLERK meeting add SP 2018-03-01 18:00 >/dev/null
is "another time of the same day is a meeting of its own" "$(q "SELECT count(*) FROM meeting WHERE starts_at LIKE '2018-03-01%'")" 2

# Cancel, with the reason; postpone.
exits "cancel needs a reason" 2 $CLERK meeting cancel 2017-12-01
out=$($CLERK meeting cancel 2017-12-01 --reason "Insufficient business" 2>&1)
has "cancel says so, with the reason" "$out" "is cancelled: Insufficient business."
is "the reason is stored" "$(q "SELECT status, called_off_reason FROM meeting WHERE venue = 'Room 1'")" "cancelled|Insufficient business"
ok "postpone" $CLERK meeting postpone 2018-02-08 --reason "Budget papers late"
list=$($CLERK meetings)
has "meetings lists the cancelled meeting" "$list" "2017-12-01  10:00  SP    cancelled"
has "meetings lists the postponed meeting" "$list" "2018-02-08  14:30  SP    postponed"
has "a scheduled meeting stays scheduled" "$list" "2018-03-01  10:00  SP    scheduled"

# The calendar.
ics=$($CLERK ics SP)
is "two meetings called off are CANCELLED in the calendar" "$(grep -c '^STATUS:CANCELLED' <<<"$ics")" 2
is "the others CONFIRMED" "$(grep -c '^STATUS:CONFIRMED' <<<"$ics")" 3

# Attendance: only the meeting held counts.
att=$($CLERK attendance SP)
has "one meeting held, not two" "$att" "1 meeting held"
has "the member was expected once" "$att" "Cllr Ann Example    1     0    0     0    1"

# The console: refused with a sentence, never offered.
mkdir -p "$T/d"
out=$($CLERK live 2017-12-01 --script /dev/null --dump "$T/d" 2>&1); rc=$?
is "the console refuses a cancelled meeting" "$rc" 3
has "... saying why" "$out" "That meeting was cancelled - Insufficient business: it cannot be run"
has "a postponed one too" "$($CLERK live 2018-02-08 --script /dev/null --dump "$T/d" 2>&1)" "That meeting was postponed"
is "nothing was recorded at either" "$(q "SELECT count(*) FROM event")" 0
export CLERK_NOW=2017-12-01T09:00:00Z
printf '@dump pick\n' >"$T/pick.keys"
$CLERK live --script "$T/pick.keys" --dump "$T/d" >/dev/null 2>&1
has "with no meeting named, the console offers the scheduled meeting" "$(cat "$T/d/pick.txt")" "Scrutiny Panel, Thu 1 Mar 2018 10:00 (scheduled)"
lacks "... but not the cancelled meeting of the day" "$(cat "$T/d/pick.txt")" "1 Dec 2017"
lacks "... nor the postponed one" "$(cat "$T/d/pick.txt")" "8 Feb 2018"
export CLERK_NOW=2018-01-10T09:00:00Z

# Delete: only a meeting with nothing recorded.
out=$($CLERK meeting delete 2018-03-01 --body SP 2>&1); rc=$?
is "two meetings that day: the date is ambiguous" "$rc" 2
has "... and says so" "$out" "2 meetings on 2018-03-01"
id=$(q "SELECT id FROM meeting WHERE starts_at = '2018-03-01T18:00:00Z'")
out=$($CLERK meeting delete "$id" 2>&1)
has "delete by id says what went" "$out" "Deleted the meeting of Scrutiny Panel on Thursday 1 March 2018 at 18:00, with its agenda."
is "the meeting and its agenda are gone" "$(q "SELECT count(*) FROM meeting WHERE id = '$id'")|$(q "SELECT count(*) FROM agenda_item WHERE meeting_id = '$id'")" "0|0"
is "the deletion is audited" "$(q "SELECT count(*) FROM audit WHERE tbl = 'meeting' AND op = 'delete' AND row_id = '$id'")" 1
printf 'y\n' >"$T/open.keys"
ok "the meeting of 1 November is opened in the console" $CLERK live 2017-11-01 --script "$T/open.keys" --dump "$T/d"
out=$($CLERK meeting delete 2017-11-01 2>&1); rc=$?
is "a meeting held is not deleted" "$rc" 3
has "... saying what is recorded" "$out" "that meeting has events of its log, attendance recorded: it cannot be deleted, as nothing recorded is ever lost"
lacks "... and not suggesting to cancel a meeting held" "$out" "cancel it instead"
exits "nor cancelled once held" 3 $CLERK meeting cancel 2017-11-01 --reason "Too late"
is "and it is still there" "$(q "SELECT count(*) FROM meeting WHERE starts_at = '2017-11-01T10:00:00Z'")" 1
exits "an unknown verb is a usage error" 2 $CLERK meeting move 2017-11-01

done_testing
