#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Preparing a meeting on the command line: body, seats, members,
# substitutes, a meeting with its standard items, and agenda items with
# planned times kept consistent.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db" CLERK_NOW=2017-09-01T09:00:00Z
q() { sqlite3 "$CLERK_DB" "$1"; }

out=$($CLERK body add "Health and Wellbeing Board" --council "Hampshire County Council" \
	--short HWB --self "the Board" --quorum 1/4 --substitutes yes --minute-format "%n." 2>&1)
has "body add says what it made" "$out" "Added body Health and Wellbeing Board (HWB): quorum 1/4 of the seats"
out=$($CLERK body edit HWB --quorum "1/3 min 5" --minute-format "%n/%y" --numbering year 2>&1)
has "body edit shows the new rules" "$out" "quorum 1/3 of the seats (at least 5)"
is "the rules are stored" "$(q "SELECT quorum_kind, quorum_num, quorum_den, quorum_fixed, minute_format, minute_numbering, self_name FROM body")" \
	"composite|1|3|5|%n/%y|year|the Board"
exits "an impossible quorum is refused" 2 $CLERK body edit HWB --quorum 5/4
exits "a minute format without %n is refused" 2 $CLERK body edit HWB --minute-format "No."
exits "an unknown body is not found" 1 $CLERK body edit "Planning" --short P

ok "seat add" $CLERK seat add HWB "Hampshire County Council"
ok "another seat" $CLERK seat add HWB "North Hampshire Clinical Commissioning Group"
out=$($CLERK member add HWB 1 "Cllr Liz Fairhurst" --role chairman \
	--capacity "Executive Member Adult Social Care and Health" --from 2017-05-25 2>&1)
has "member add names the person and role" "$out" "Cllr Liz Fairhurst (new) holds seat 1 of Health and Wellbeing Board as chairman from 2017-05-25"
ok "member add by part of the seat's label" $CLERK member add HWB "North Hampshire" "Dr Nicola Decker" --capacity "Clinical Chair" --from 2017-05-25
out=$($CLERK substitute add HWB 1 "Councillor Zilliah Brooks" 2>&1)
has "substitute add, from today" "$out" "Councillor Zilliah Brooks (new) is a nominated substitute for seat 1 of Health and Wellbeing Board from 2017-09-01"
is "membership stored with its dates" "$(q "SELECT p.name, m.role, m.from_date FROM membership m JOIN person p ON p.id = m.person_id ORDER BY p.name")" \
	"Liz Fairhurst|chairman|2017-05-25
Nicola Decker|member|2017-05-25"
exits "an unknown seat is not found" 1 $CLERK member add HWB "Police" "Michael Lane"
exits "a bad date is a usage error" 2 $CLERK member add HWB 1 "Someone" --from 25/05/2017
$CLERK body edit HWB --substitutes no >/dev/null
exits "no substitutes when the body allows none" 3 $CLERK substitute add HWB 2 "Peter Kelly"

out=$($CLERK meeting add HWB 2017-10-05 10:00 --venue "Ashburton Hall" 2>&1)
has "meeting add with the standard items" "$out" "Thursday 5 October 2017 at 10:00 at Ashburton Hall, with 7 standard items"
list=$($CLERK item list 2017-10-05)
has "apologies first, at the start" "$list" "1.	APOLOGIES FOR ABSENCE	10.00"
has "date of next meeting last" "$list" "7.	DATE OF NEXT MEETING	10.30"
exits "a bad time is a usage error" 2 $CLERK meeting add HWB 2017-12-14 25.00

ok "item add goes before the closing items" $CLERK item add 2017-10-05 "DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION" \
	--minutes 15 --pages "11 - 32" --presenter "Director of Public Health" \
	--description "To consider an overview of the key findings."
list=$($CLERK item list 2017-10-05)
has "the new item is 6, after the announcements" "$list" "6.	DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION (Pages 11 - 32)	10.25"
has "AOB moves to 7 and 15 minutes later" "$list" "7.	ANY OTHER BUSINESS	10.40"
has "the presenter is listed" "$list" "Presenter: Director of Public Health"

ok "item edit --start sets the time" $CLERK item edit 2017-10-05 6 --start 10.30
list=$($CLERK item list 2017-10-05)
has "item 6 now at 10.30" "$list" "DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION (Pages 11 - 32)	10.30"
is "the item before it got the time as its duration" "$(q "SELECT planned_minutes FROM agenda_item WHERE number = '5'")" 10
exits "a start before the item above is refused" 3 $CLERK item edit 2017-10-05 6 --start 09.00

ok "item add --exempt" $CLERK item add 2017-10-05 "CARE PROVIDER CONTRACTS" --exempt 3 --minutes 10
has "the exempt paragraph is listed" "$($CLERK item list 2017-10-05)" "Exempt: Schedule 12A paragraph 3."
exits "an exempt paragraph must be 1 to 7" 2 $CLERK item edit 2017-10-05 CARE --exempt 9
ok "item edit --not-exempt" $CLERK item edit 2017-10-05 CARE --not-exempt
is "no longer exempt" "$(q "SELECT exempt FROM agenda_item WHERE title LIKE 'CARE%'")" 0

ok "item move" $CLERK item move 2017-10-05 CARE 1
list=$($CLERK item list 2017-10-05)
has "moved item is number 1 at the start" "$list" "1.	CARE PROVIDER CONTRACTS	10.00"
has "the others are renumbered and retimed" "$list" "2.	APOLOGIES FOR ABSENCE	10.10"
ok "item delete" $CLERK item delete 2017-10-05 CARE
list=$($CLERK item list 2017-10-05)
has "after delete, apologies is 1 again at 10.00" "$list" "1.	APOLOGIES FOR ABSENCE	10.00"
lacks "the deleted item is gone" "$list" "CARE PROVIDER"
exits "an unknown item is not found" 1 $CLERK item delete 2017-10-05 "Budget"
exits "an ambiguous item is refused" 2 $CLERK item edit 2017-10-05 "O" --minutes 3
exits "a bad verb is a usage error" 2 $CLERK item frob 2017-10-05

# What item list prints (presenter, exempt paragraph too) imports back the same.
$CLERK meeting add HWB 2017-11-02 14:00 >/dev/null
$CLERK item add 2017-11-02 "CARE PROVIDER CONTRACTS" --exempt 3 --minutes 20 \
	--presenter "Director of Adults' Health and Care" --description "Terms of the new contracts." >/dev/null
$CLERK item list 2017-11-02 >"$T/nov.txt"
$CLERK meeting add HWB 2017-11-03 14:00 >/dev/null
ok "the listing imports" $CLERK import agenda 2017-11-03 "$T/nov.txt"
is "the same agenda, presenter and exemption included" "$($CLERK item list 2017-11-03)" "$(cat "$T/nov.txt")"
is "the exempt paragraph survives the trip" "$(q "SELECT exempt, exempt_paragraph, presenter FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.starts_at LIKE '2017-11-03%' AND title LIKE 'CARE%'")" \
	"1|3|Director of Adults' Health and Care"

# A body made by a ModernGov import gets the usual standard items too.
$CLERK import moderngov "$top_srcdir/tests/import/mg-committees.xml" >/dev/null
has "meeting add for an imported body" "$($CLERK meeting add "Select Committee" 2017-11-07 10:00 2>&1)" "with 7 standard items"
done_testing
