#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk merge: another clerk file's bodies, people and meetings come in by
# UUID; merging twice changes nothing; a record changed in both files is
# reported as a warning naming it as a clerk does, not overwritten, and
# the merge still completes (exit 0).
. "$top_srcdir/tests/lib.sh"
setup
here="$top_srcdir/tests/import"
A="$T/office.db" B="$T/laptop.db"
counts() { sqlite3 "$1" "SELECT (SELECT count(*) FROM body), (SELECT count(*) FROM person), (SELECT count(*) FROM seat), (SELECT count(*) FROM membership), (SELECT count(*) FROM meeting), (SELECT count(*) FROM agenda_item), (SELECT count(*) FROM attendance)"; }

# The office file holds the board and its members.
$CLERK --db "$A" body add "Health and Wellbeing Board" --council "Hampshire County Council" --short HWB >/dev/null
$CLERK --db "$A" import members HWB "$here/appendix-b.csv" --from 2017-05-25 >/dev/null
# The laptop starts as a copy, then records meetings of its own.
$CLERK --db "$A" backup "$B" >/dev/null
$CLERK --db "$B" meeting add HWB 2017-10-05 10:00 --venue "Ashburton Hall" >/dev/null
$CLERK --db "$B" import agenda 2017-10-05 "$here/notice.txt" >/dev/null
$CLERK --db "$B" import moderngov "$here/mg-meetings.xml" "$here/mg-meeting.xml" >/dev/null

before=$(counts "$B")
out=$($CLERK --db "$A" merge "$B" 2>&1); rc=$?
is "merge succeeds" "$rc" 0
has "merge says what it brought" "$out" "2 meetings"
is "the office file now has the laptop's records" "$(counts "$A")" "$before"
is "same meeting ids in both files" \
	"$(sqlite3 "$A" "SELECT group_concat(id) FROM (SELECT id FROM meeting ORDER BY id)")" \
	"$(sqlite3 "$B" "SELECT group_concat(id) FROM (SELECT id FROM meeting ORDER BY id)")"
has "the merged agenda lists the same" "$($CLERK --db "$A" item list 2017-10-05)" "6.	DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION (Pages 11 - 32)	10.15"
is "the other file was not written to" "$(counts "$B")" "$before"

after=$(counts "$A")
audit=$(sqlite3 "$A" "SELECT count(*) FROM audit")
out=$($CLERK --db "$A" merge "$B" 2>&1); rc=$?
is "merging twice succeeds" "$rc" 0
has "the second merge brings nothing" "$out" "nothing new"
is "and changes no count" "$(counts "$A")" "$after"
is "nor adds to the audit" "$(sqlite3 "$A" "SELECT count(*) FROM audit")" "$audit"

# The same person edited differently in each file: reported, not overwritten.
pid=$(sqlite3 "$A" "SELECT id FROM person WHERE name = 'Keith Mans'")
sqlite3 "$B" "UPDATE person SET organisation = 'Hampshire County Council (laptop)' WHERE id = '$pid'"
$CLERK --db "$B" meeting add HWB 2017-12-14 10:00 >/dev/null
out=$($CLERK --db "$A" merge "$B" 2>&1); rc=$?
is "a merge with a conflict completes: exit 0" "$rc" 0
has "the conflict names the person and what differs" "$out" "clerk: warning: conflict: person Cllr Keith Mans: organisation differs; this file's version is kept"
lacks "and not by UUID" "$out" "$pid"
has "and says how to settle it" "$out" "'clerk merge --conflicts $B' shows both versions"
is "this file's version is kept" "$(sqlite3 "$A" "SELECT organisation FROM person WHERE id = '$pid'")" ""
has "the rest is merged" "$out" "1 meeting"
is "the new meeting arrived" "$(sqlite3 "$A" "SELECT count(*) FROM meeting WHERE starts_at LIKE '2017-12-14%'")" 1

exits "merging a file with itself is refused" 2 $CLERK --db "$A" merge "$A"
exits "a missing file is a storage error, as documented" 4 $CLERK --db "$A" merge "$T/none.db"
printf 'not a database' >"$T/junk.db"
exits "a foreign file is refused" 4 $CLERK --db "$A" merge "$T/junk.db"
done_testing
