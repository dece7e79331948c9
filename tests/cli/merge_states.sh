#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk merge and a meeting's state: it only moves forward (scheduled, in
# progress, held, confirmed), and the file where it went further gives its
# whole record; confirmed minutes are never changed by a merge.  Conflicts
# are warnings naming the meeting's date and the item's title, the merge
# exits 0, --conflicts shows both versions side by side and --take
# theirs|ours settles them, audited.
. "$top_srcdir/tests/lib.sh"
setup
unset CLERK_SCRIPT XDG_CONFIG_HOME LINES COLUMNS
export TERM=dumb
# 08:58 UTC is 09:58 in Winchester: two minutes before the meeting.
export CLERK_NOW=2017-10-05T08:58:00Z
A="$T/office.db" B="$T/laptop.db" A0="$T/office-before.db"
q() { sqlite3 -batch -noheader "$1" "$2"; }
oct5="SELECT id FROM meeting WHERE starts_at LIKE '2017-10-05%'"
$CLERK --db "$A" demo >/dev/null
$CLERK --db "$B" demo >/dev/null
cp "$A" "$A0"

# The laptop holds the meeting of 5 October 2017; the office file still
# has it scheduled.
mkdir -p "$T/d"
printf '%s\n' y a P '<Tab>' n h 'The Board heard that the inspection found good practice.' \
	'<C-s>' '@clock 2017-10-05T11:00:00Z' C y q >"$T/hold.keys"
ok "the laptop holds the meeting" $CLERK --db "$B" live 2017-10-05 --script "$T/hold.keys" --dump "$T/d"
is "it is closed there" "$(q "$B" "SELECT status FROM meeting WHERE id = ($oct5)")" closed
att=$(q "$B" "SELECT count(*) FROM attendance WHERE meeting_id = ($oct5)")
ev=$(q "$B" "SELECT count(*) FROM event WHERE meeting_id = ($oct5)")
is "with its attendance (20 present) and log" "$att $([ "$ev" -gt 5 ] && echo events)" "20 events"
is "scheduled in the office file, nobody marked" \
	"$(q "$A" "SELECT status, (SELECT count(*) FROM attendance WHERE meeting_id = m.id) FROM meeting m WHERE id = ($oct5)")" "scheduled|0"

out=$($CLERK --db "$A" merge "$B" 2>"$T/err"); rc=$?
is "the merge completes: exit 0" "$rc" 0
is "without a warning" "$(cat "$T/err")" ""
has "it says whose record was taken, and why" "$out" "Took $B's record of the meeting of 5 Oct 2017 (Health and Wellbeing Board), with its attendance and business: held there, scheduled here (a meeting's state only moves forward)."
is "the meeting is held in the office file" "$(q "$A" "SELECT status FROM meeting WHERE id = ($oct5)")" closed
is "one meeting that day, not two" "$(q "$A" "SELECT count(*) FROM meeting WHERE starts_at LIKE '2017-10-05%'")" 1
is "with the laptop's attendance" "$(q "$A" "SELECT count(*) FROM attendance WHERE meeting_id = ($oct5) AND status = 'present'")" "$att"
is "and its log" "$(q "$A" "SELECT count(*) FROM event WHERE meeting_id = ($oct5)")" "$ev"
is "and its business" "$(q "$A" "SELECT body FROM minute_text WHERE meeting_id = ($oct5)")" \
	"The Board heard that the inspection found good practice."
is "its agenda once" "$(q "$A" "SELECT count(*) FROM agenda_item WHERE meeting_id = ($oct5)")" \
	"$(q "$B" "SELECT count(*) FROM agenda_item WHERE meeting_id = ($oct5)")"
printf '%s\n' y h 'More words.' '<C-s>' '@dump after' q >"$T/again.keys"
$CLERK --db "$A" live 2017-10-05 --script "$T/again.keys" --dump "$T/d" >/dev/null 2>&1
has "it cannot be opened again: the console shows it closed" "$(head -1 "$T/d/after.txt")" "CLOSED"
is "... and it was not opened a second time" \
	"$(q "$A" "SELECT status, (SELECT count(*) FROM event WHERE meeting_id = m.id AND kind = 'opened') FROM meeting m WHERE id = ($oct5)")" "closed|1"
exits "nor can it be cancelled" 3 $CLERK --db "$A" meeting cancel 2017-10-05 --reason "Merged"
ok "the merged file is sound" $CLERK --db "$A" check

# The other way: the held record here stays; the scheduled one is dropped.
out=$($CLERK --db "$B" merge "$A0" 2>&1); rc=$?
is "merging the scheduled file into the held one completes" "$rc" 0
has "it says this file's record is kept" "$out" "Kept this file's record of the meeting of 5 Oct 2017 (Health and Wellbeing Board): held here, scheduled in $A0 (a meeting's state only moves forward)."
is "still held, with the same attendance and log" \
	"$(q "$B" "SELECT status, (SELECT count(*) FROM attendance WHERE meeting_id = m.id), (SELECT count(*) FROM event WHERE meeting_id = m.id) FROM meeting m WHERE id = ($oct5)")" \
	"closed|$att|$ev"

# Confirmed minutes are never changed by a merge: the signed record wins.
C="$T/confirmed.db" L="$T/edited.db"
$CLERK --db "$C" demo >/dev/null
$CLERK --db "$L" demo >/dev/null
ok "the office confirms the minutes of 29 June" env CLERK_NOW=2017-10-06T12:00:00Z $CLERK --db "$C" confirm 2017-06-29 --at 2017-10-05
# The laptop's copy of those minutes was edited (by hand, unaudited: the
# audit triggers are clerk's connections' own).
sqlite3 "$L" "UPDATE minute_text SET body = body || ' (edited on the laptop)' WHERE rowid = (SELECT min(t.rowid) FROM minute_text t JOIN meeting m ON m.id = t.meeting_id WHERE m.starts_at LIKE '2017-06-29%')"
ok "the laptop file is sound" $CLERK --db "$L" check
jun29="SELECT id FROM meeting WHERE starts_at LIKE '2017-06-29%'"
before=$(q "$C" "SELECT group_concat(body, '|') FROM (SELECT body FROM minute_text WHERE meeting_id = ($jun29) ORDER BY rowid)")
digest=$(q "$C" "SELECT digest FROM signed_minutes WHERE meeting_id = ($jun29)")
out=$($CLERK --db "$C" merge "$L" 2>&1); rc=$?
is "merging into confirmed minutes completes" "$rc" 0
has "a warning says the signed record wins" "$out" "clerk: warning: the minutes of the meeting of 29 Jun 2017 (Health and Wellbeing Board) are confirmed and signed in this file (held in $L): a merge never changes confirmed minutes, so the signed record is kept"
lacks "the edit is not a conflict to settle" "$out" "conflict:"
is "the confirmed minutes are unchanged" "$(q "$C" "SELECT group_concat(body, '|') FROM (SELECT body FROM minute_text WHERE meeting_id = ($jun29) ORDER BY rowid)")" "$before"
is "the signed record too" "$(q "$C" "SELECT digest FROM signed_minutes WHERE meeting_id = ($jun29)")" "$digest"
out=$($CLERK --db "$L" merge "$C" 2>&1); rc=$?
is "the laptop takes the confirmed minutes" "$rc|$(q "$L" "SELECT minutes_state FROM meeting WHERE id = ($jun29)")" "0|confirmed"
has "... saying so" "$out" "confirmed there, held here"
is "with their signed record" "$(q "$L" "SELECT digest FROM signed_minutes WHERE meeting_id = ($jun29)")" "$digest"
is "and without the laptop's edit" "$(q "$L" "SELECT count(*) FROM minute_text WHERE body LIKE '%edited on the laptop%'")" 0
has "the laptop file is sound, its signed minutes intact" "$($CLERK --db "$L" check 2>&1)" "3 confirmed minutes match their SHA-256 digest"

# Conflicts: warnings naming the meeting's date and the item, exit 0.
F="$T/f.db" G="$T/g.db"
$CLERK --db "$F" demo >/dev/null
$CLERK --db "$G" demo >/dev/null
$CLERK --db "$G" item edit 2017-10-05 6 --title "DOMESTIC ABUSE JTAI: THE INSPECTORS' FINDINGS" >/dev/null
$CLERK --db "$G" person edit "Keith Mans" --role "Executive Member for Public Health" >/dev/null
cp "$F" "$T/f2.db"
audit=$(q "$F" "SELECT count(*) FROM audit")
out=$($CLERK --db "$F" merge "$G" 2>"$T/err"); rc=$?
err=$(cat "$T/err")
is "a merge with conflicts completes: exit 0" "$rc" 0
has "the item's conflict names the meeting's date and the item's title" "$err" \
	"clerk: warning: conflict: the meeting of 5 Oct 2017 (Health and Wellbeing Board), item 6 DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION: title differs; this file's version is kept"
has "the person's names the person" "$err" \
	"clerk: warning: conflict: person Councillor Keith Mans (Hampshire County Council): role differs; this file's version is kept"
lacks "no UUID in the warnings" "$err" "$(q "$F" "SELECT id FROM person WHERE name = 'Keith Mans'")"
has "it says how to see and settle them" "$err" "'clerk merge --conflicts $G' shows both versions; 'clerk merge $G --take theirs' or '--take ours' settles them"
is "this file's version is kept" "$(q "$F" "SELECT title FROM agenda_item WHERE meeting_id = ($oct5) AND number = '6'")" \
	"DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION"
is "nothing written" "$(q "$F" "SELECT count(*) FROM audit")" "$audit"

out=$($CLERK --db "$F" merge --conflicts "$G" 2>&1); rc=$?
is "--conflicts exits 0" "$rc" 0
has "--conflicts names each" "$out" "the meeting of 5 Oct 2017 (Health and Wellbeing Board), item 6 DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION: title differs"
has "with both versions side by side" "$out" \
	"  title          DOMESTIC ABUSE JOINT TARGETED  | DOMESTIC ABUSE JTAI: THE"
has "... wrapped, not cut" "$out" \
	"                 AREA INSPECTION                | INSPECTORS' FINDINGS"
has "the person's roles side by side" "$out" "Executive Member for Public"
is "--conflicts writes nothing" "$(q "$F" "SELECT count(*) FROM audit")|$(q "$F" "SELECT count(*) FROM person")" "$audit|48"

out=$($CLERK --db "$F" merge "$G" --take theirs 2>&1); rc=$?
is "--take theirs exits 0" "$rc" 0
has "it says what it settled" "$out" "Settled 4 conflicts: took the other file's versions (recorded in the audit)."
is "the other file's title is taken" "$(q "$F" "SELECT title FROM agenda_item WHERE meeting_id = ($oct5) AND number = '6'")" \
	"DOMESTIC ABUSE JTAI: THE INSPECTORS' FINDINGS"
is "and the role" "$(q "$F" "SELECT role FROM person WHERE name = 'Keith Mans'")" "Executive Member for Public Health"
is "the title's change is audited" "$(q "$F" "SELECT count(*) FROM audit WHERE tbl = 'agenda_item' AND op = 'update' AND new LIKE '%INSPECTORS%'")" 1
is "the role's too" "$(q "$F" "SELECT count(*) FROM audit WHERE tbl = 'person' AND new LIKE '%Public Health%'")" 1
has "a merge after settling finds no conflict" "$($CLERK --db "$F" merge "$G" 2>&1)" "Merged from $G: nothing new."
lacks "... none at all" "$($CLERK --db "$F" merge "$G" 2>&1)" "conflict"

out=$($CLERK --db "$T/f2.db" merge "$G" --take ours 2>&1); rc=$?
is "--take ours exits 0" "$rc" 0
has "it says what it settled" "$out" "kept this file's versions (recorded in the audit)"
is "this file's title is kept" "$(q "$T/f2.db" "SELECT title FROM agenda_item WHERE meeting_id = ($oct5) AND number = '6'")" \
	"DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION"
is "the audit records the version set aside" \
	"$(q "$T/f2.db" "SELECT old FROM audit WHERE tbl = 'agenda_item' AND who LIKE '%this file''s version kept%' AND new LIKE '%JOINT TARGETED%'")" \
	"{\"title\":\"DOMESTIC ABUSE JTAI: THE INSPECTORS' FINDINGS\"}"
exits "--take takes theirs or ours only" 2 $CLERK --db "$F" merge "$G" --take mine
exits "--conflicts with --take is a usage error" 2 $CLERK --db "$F" merge --conflicts "$G" --take theirs
done_testing
