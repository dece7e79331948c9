#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Open data out: Popolo JSON (checked against the schemas' required fields
# and references), iCalendar (RFC 5545 folding and escaping) and attendance
# CSV, from a board built by the importers plus recorded votes.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db" CLERK_NOW=2017-10-01T12:00:00Z
here="$top_srcdir/tests/import"
check="python3 $here/popolo_check.py"

$CLERK body add "Health and Wellbeing Board" --council "Hampshire County Council" --short HWB >/dev/null
$CLERK import members HWB "$here/appendix-b.csv" --from 2017-05-25 >/dev/null
$CLERK import moderngov "$here/mg-committees.xml" "$here/mg-meetings.xml" "$here/mg-meeting.xml" >/dev/null
$CLERK import agenda 2017-10-05 "$here/notice.txt" >/dev/null
ok "votes, declarations and resolutions are recorded" \
	"$top_builddir/tests/import/record_votes" "$CLERK_DB" 2017-06-29

ok "clerk popolo writes a file" $CLERK popolo HWB -o "$T/hwb.json"
out=$($check "$T/hwb.json" 2>&1)
is "the Popolo export has every required field and reference" "$out" ""
j() { jq -r "$1" "$T/hwb.json"; }
is "persons: main members, substitutes and attendees" "$(j '.persons | length')" 40
is "posts: the 21 seats" "$(j '.posts | length')" 21
is "the chairman's membership" \
	"$(j '.memberships[] | select(.role == "chairman") | .label')" \
	"Executive Member Adult Social Care and Health"
is "a member represents the organisation of the seat" \
	"$(j '. as $d | .memberships[] | select(.label == "Clinical Chair" and .role == "member") | .on_behalf_of_id as $o | $d.organizations[] | select(.id == $o) | .name' | sort)" \
	"Fareham & Gosport Clinical Commissioning Group
North Hampshire Clinical Commissioning Group"
is "a county seat is held on behalf of the council" \
	"$(j '. as $d | .memberships[] | select(.label == "Director of Public Health") | .on_behalf_of_id as $o | $d.organizations[] | select(.id == $o) | .classification')" council
is "substitutes are memberships with role substitute" "$(j '[.memberships[] | select(.role == "substitute")] | length')" 20
is "events: the two meetings, local time with offset" "$(j '[.events[].start_date] | join(" ")')" \
	"2017-06-29T10:00:00+01:00 2017-10-05T10:00:00+01:00"
is "the event id is the meeting's UUID" "$(j '.events[1].id')" \
	"$(sqlite3 "$CLERK_DB" "SELECT id FROM meeting WHERE starts_at LIKE '2017-10-05%'")"
is "clerk:attendance on the event" \
	"$(j '.events[0]["clerk:attendance"] | map(.status) | join(",")')" "present,present,substitute,apology"
is "the exempt item is flagged with its paragraph, its text withheld" \
	"$(j '.events[0]["clerk:agenda"][] | select(.["clerk:exempt"]) | [.number, .["clerk:exempt_paragraph"], (.description // "withheld")] | join("|")')" \
	"14|3|withheld"
lacks "the exempt resolution's words are not published" "$(cat "$T/hwb.json")" "CONFIDENTIAL CONTRACT"
lacks "a sensitive interest's detail is not published" "$(cat "$T/hwb.json")" "SECRET ADDRESS"
is "the declared interest" "$(j '.events[0]["clerk:declarations"][] | select(.sensitive | not) | .what')" "school governor"
is "motion result and counts" "$(j '.vote_events[0] | [.result, (.counts | map("\(.option)=\(.value)") | join(","))] | join(" ")')" \
	"pass yes=10,no=2,abstain=1"
is "recorded votes" "$(j '[.votes[].option] | sort | join(",")')" "abstain,no,yes"
ok "clerk popolo without a body covers the whole file" $CLERK popolo -o "$T/all.json"
is "every body in the whole-file export, the expired committee kept too" "$(jq '[.organizations[] | select(.classification == "committee")] | length' "$T/all.json")" 3
is "the whole-file export is valid too" "$($check "$T/all.json" 2>&1)" ""
printf '{"persons":[{"id":"a"}],"organizations":[],"posts":[],"memberships":[{"person_id":"b","organization_id":"c"}],"events":[],"motions":[],"vote_events":[],"votes":[]}' >"$T/bad.json"
out=$($check "$T/bad.json")
has "the checker catches a missing name" "$out" "persons[0]: required name missing"
has "the checker catches a dangling reference" "$out" "memberships[0]: person_id b names no person"
# The demo board (the Hampshire Health and Wellbeing Board and a parish).
ok "the demo board builds" $CLERK --db "$T/demo.db" demo
ok "the demo board exports" $CLERK --db "$T/demo.db" popolo -o "$T/demo.json"
is "the demo board's Popolo has every required field and reference" "$($check "$T/demo.json" 2>&1)" ""
d() { jq -r "$1" "$T/demo.json"; }
has "the demo board is a committee of its council" "$(d '.organizations[] | select(.classification == "committee") | .name')" "Health and Wellbeing Board"
has "its resolutions are motions" "$(d '.motions[].text')" "Dr Barbara Rushton appointed Vice Chairman of the Health and Wellbeing Board for 2017/18."
is "every meeting is an event" "$(d '.events | length')" "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM meeting")"
is "every attendance record is on its event" "$(d '[.events[]["clerk:attendance"][]] | length')" "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM attendance")"
is "every seat is a post" "$(d '.posts | length')" "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM seat")"
ok "the demo board's HWB alone exports" $CLERK --db "$T/demo.db" popolo HWB -o "$T/demo-hwb.json"
is "and is valid too" "$($check "$T/demo-hwb.json" 2>&1)" ""
ok "the demo board's calendar" $CLERK --db "$T/demo.db" ics HWB -o "$T/demo.ics"

# iCalendar
ok "clerk ics" $CLERK ics HWB -o "$T/hwb.ics"
ics=$(cat "$T/hwb.ics")
is "every line ends CRLF" "$(grep -c $'\r$' "$T/hwb.ics")" "$(wc -l <"$T/hwb.ics")"
is "no line is longer than 75 octets" "$(LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) n++ } END { print n + 0 }' "$T/hwb.ics")" 0
has "folded lines continue with a space" "$ics" $'\r\n '
unfolded=$(sed -e ':a' -e 'N' -e '$!ba' -e 's/\r\n //g' "$T/hwb.ics" | tr -d '\r')
id=$(sqlite3 "$CLERK_DB" "SELECT id FROM meeting WHERE starts_at LIKE '2017-10-05%'")
has "UID from the meeting's UUID" "$unfolded" "UID:$id@clerk"
has "DTSTART in UTC" "$unfolded" "DTSTART:20171005T090000Z"
has "DTEND from the planned minutes" "$unfolded" "DTEND:20171005T103000Z"
has "commas escaped in the location" "$unfolded" 'LOCATION:Ashburton Hall\, Elizabeth II Court\, The Castle\, Winchester'
has "the agenda, lines escaped, exempt by title" "$unfolded" '\n14. Care Provider Contract Negotiations (exempt)'
is "one VEVENT per meeting" "$(grep -c '^BEGIN:VEVENT' "$T/hwb.ics")" 2
has "DTSTAMP from clerk's clock" "$unfolded" "DTSTAMP:20171001T120000Z"
exits "ics needs a body" 2 $CLERK ics

# Attendance CSV
ok "clerk attendance-csv" $CLERK attendance-csv HWB -o "$T/att.csv"
is "header and one row per attendee" "$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="")))))' "$T/att.csv")" 5
has "a row names person, status, seat" "$(cat "$T/att.csv")" "2017-06-29,10:00,"
has "the apology" "$(cat "$T/att.csv")" "Michael Lane,"
exits "an unknown body is not found" 1 $CLERK attendance-csv "Planning"
exits "an unwritable output is an i/o error" 4 $CLERK popolo -o "$T/no/such/dir/x.json"
done_testing
