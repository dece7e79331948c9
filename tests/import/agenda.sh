#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk import agenda: a notice of meeting's agenda (the Hampshire Health and
# Wellbeing Board, 5 October 2017) in, listed back out, and read again.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db"
here="$top_srcdir/tests/import"
count() { sqlite3 "$CLERK_DB" "SELECT count(*) FROM $1"; }

$CLERK body add "Health and Wellbeing Board" --council "Hampshire County Council" \
	--short HWB --self "the Board" >/dev/null
$CLERK meeting add HWB 2017-10-05 10.00 --venue "Ashburton Hall" >/dev/null
$CLERK meeting add HWB 2017-12-14 10.00 >/dev/null

out=$($CLERK import agenda 2017-10-05 "$here/notice.txt" 2>&1)
has "import reports the items written" "$out" "12 agenda items written."
list=$($CLERK item list 2017-10-05)
has "item 6 with its pages and time" "$list" \
	"6.	DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION (Pages 11 - 32)	10.15"
has "item 3 timed 10.05" "$list" "3.	MINUTES OF PREVIOUS MEETING (Pages 5 - 10)	10.05"
has "item 12 timed 11.30" "$list" "12.	DATE OF NEXT MEETING	11.30"
has "a description follows its item" "$list" \
	"	To receive an update from the Chair of the Hampshire District Health and Wellbeing Forum."
has "item 1 starts with the meeting" "$list" "1.	APOLOGIES FOR ABSENCE	10.00"
is "durations come from the times" \
	"$(sqlite3 "$CLERK_DB" "SELECT planned_minutes FROM agenda_item JOIN meeting m ON m.id = meeting_id WHERE m.starts_at LIKE '2017-10-05%' AND number IN ('6','7','10') ORDER BY position")" \
	"15
15
15"
is "standard items get their kind" \
	"$(sqlite3 "$CLERK_DB" "SELECT kind FROM agenda_item JOIN meeting m ON m.id = meeting_id WHERE m.starts_at LIKE '2017-10-05%' AND number IN ('1','11','12') ORDER BY position" | tr '\n' ,)" \
	"apologies,any other business,date of next meeting,"

# Round trip: what item list prints, import agenda reads back the same.
printf '%s\n' "$list" >"$T/listed.txt"
ok "the listing imports into another meeting" $CLERK import agenda 2017-12-14 "$T/listed.txt"
list2=$($CLERK item list 2017-12-14)
is "the same items and timings come back" "$list2" "$list"

# The notice of meeting clerk export writes (header, wrapped descriptions,
# times only where they change) reads back to the same agenda.
$CLERK meeting add HWB 2018-03-08 10.00 >/dev/null
$CLERK export 2017-10-05 --agenda >"$T/notice-out.txt"
ok "the exported notice of meeting imports" $CLERK import agenda 2018-03-08 "$T/notice-out.txt"
is "same items, pages, timings and descriptions" "$($CLERK item list 2018-03-08)" "$list"
has "untimed items share the slot of the item above" "$list" "4.	DEPUTATIONS	10.05"

# A whole agenda pack: the agenda is read between "AGENDA" and "ABOUT THIS
# AGENDA"; the rest of the pack is not agenda.
{ printf 'NOTICE OF MEETING\n\nMeeting\tHealth and Wellbeing Board\n\n'; cat "$here/notice.txt"
  printf '\nABOUT THIS AGENDA:\n\nOn request, this agenda can be provided in large print.\n\n1. PURPOSE OF PROTOCOL\n'; } >"$T/pack.txt"
$CLERK meeting add HWB 2018-06-07 10.00 >/dev/null
ok "a whole pack imports" $CLERK import agenda 2018-06-07 "$T/pack.txt"
is "only its agenda" "$($CLERK item list 2018-06-07 | sed 's/^/x/' | grep -c '^x[0-9]')" 12
lacks "the text after the agenda is left out" "$($CLERK item list 2018-06-07)" "large print"

# Times without a date in an afternoon meeting are afternoon times.
$CLERK meeting add HWB 2018-01-11 14:00 >/dev/null
printf '1. APOLOGIES\n2. BUDGET\t2.30\n3. ANY OTHER BUSINESS\t3.15\n' >"$T/pm.txt"
$CLERK import agenda 2018-01-11 "$T/pm.txt" >/dev/null
has "2.30 in a 2 pm meeting is 14.30" "$($CLERK item list 2018-01-11)" "2.	BUDGET	14.30"

# Bad lines: every one reported with its line number; nothing changes.
before=$(count agenda_item)
printf 'AGENDA\nSome stray words\n1. APOLOGIES\t10.00\n2. REPORT\t25.61\n2. REPORT AGAIN\t10.20\n3.\t\t10.30\n4. LATE\t09.00\n' >"$T/bad.txt"
out=$($CLERK import agenda 2017-10-05 "$T/bad.txt" 2>&1); rc=$?
is "a bad agenda is refused (exit 3)" "$rc" 3
has "stray text named with its line" "$out" "bad.txt:2: text before the first numbered item"
has "unreadable time named with its line" "$out" "bad.txt:4: item 2 ends with a time clerk cannot read"
has "duplicate number named with its line" "$out" "bad.txt:5: item number 2 is used twice (first on line 4)"
has "an item without title named" "$out" "bad.txt:6: item 3 has no title"
has "a time going backwards named" "$out" "bad.txt:7: item 4 is timed 09.00, before the item above it"
has "nothing imported, says so" "$out" "nothing was imported"
is "no agenda item was added or removed" "$(count agenda_item)" "$before"
is "the old agenda is intact" "$($CLERK item list 2017-10-05)" "$list"
printf '1. FINE\n\xff\xfe bad bytes\n' >"$T/binary.txt"
out=$($CLERK import agenda 2017-10-05 "$T/binary.txt" 2>&1)
has "invalid UTF-8 named with its line" "$out" "binary.txt:2: the line is not valid UTF-8 text"
exits "an empty file is refused" 3 $CLERK import agenda 2017-10-05 /dev/null
exits "a missing file is an i/o error" 4 $CLERK import agenda 2017-10-05 "$T/none.txt"
exits "an unknown meeting is not found" 1 $CLERK import agenda 2019-01-01 "$here/notice.txt"

# Planning applications the agenda lists: a title that starts with the
# reference, or the fields `item list` prints, read back into their own
# fields; words like "Site:" elsewhere stay description.
$CLERK meeting add HWB 2018-02-08 10:00 >/dev/null
printf '%s\n' 'AGENDA' '1. APOLOGIES' '2. 23/01212/HOU - 4 Church Street, Staines' \
	'3. OTHER BUSINESS' '	Site: visits by members' '4. A REPORTED ITEM' \
	'	Application: 13/01783/F' '	Site: Post Office, Wereham' \
	'	Applicant: Mr A Smith' '	Proposal: Change of use to a dwelling' \
	'	Ward: Wereham' '	Recommendation: No objection' '	Decision: approved' >"$T/plan.txt"
ok "an agenda of applications is imported" $CLERK import agenda 2018-02-08 "$T/plan.txt"
is "the two applications, with their fields" \
	"$(sqlite3 "$CLERK_DB" "SELECT a.reference, a.site, a.applicant, a.proposal, a.ward, a.recommendation, a.decision FROM application a JOIN agenda_item i ON i.id = a.item_id ORDER BY i.position")" \
	"23/01212/HOU|4 Church Street, Staines|||||
13/01783/F|Post Office, Wereham|Mr A Smith|Change of use to a dwelling|Wereham|No objection|"
has "a Site: line of another item stays its description" "$($CLERK item list 2018-02-08)" "Site: visits by members"
round=$($CLERK item list 2018-02-08)
printf '%s\n' "$round" >"$T/round.txt"
ok "item list is read back" $CLERK import agenda 2018-02-08 "$T/round.txt"
is "with the applications unchanged" "$($CLERK item list 2018-02-08)" "$round"
done_testing
