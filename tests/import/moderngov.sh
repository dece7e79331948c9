#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk import moderngov: GetCommittees, GetMeetings and GetMeeting responses
# with the service's quirks (dd/mm/yyyy, "10.00 am", True/False, counts with
# leading spaces, HTML escaped twice, attendees as attributes).
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db"
here="$top_srcdir/tests/import"
q() { sqlite3 "$CLERK_DB" "$1"; }
counts() { q "SELECT (SELECT count(*) FROM body), (SELECT count(*) FROM meeting), (SELECT count(*) FROM agenda_item), (SELECT count(*) FROM person), (SELECT count(*) FROM attendance)"; }

out=$($CLERK import moderngov "$here/mg-committees.xml" "$here/mg-meetings.xml" \
	"$here/mg-meeting.xml" --council "Hampshire County Council" 2>&1)
has "the import says what it wrote" "$out" "2 bodies, 2 meetings, 5 agenda items"
is "committees become bodies; the deleted one is left out" \
	"$(q "SELECT name FROM body ORDER BY name")" \
	"Health & Adult Social Care Select Committee
Health and Wellbeing Board"
is "dd/mm/yyyy at '10.00 am' is 10:00 in London (09:00 UTC)" \
	"$(q "SELECT starts_at FROM meeting ORDER BY starts_at")" \
	"2017-06-29T09:00:00Z
2017-10-05T09:00:00Z"
is "the venue is kept" "$(q "SELECT DISTINCT venue FROM meeting")" \
	"Ashburton Hall, Elizabeth II Court, The Castle, Winchester"
is "item numbers without their full stop" "$(q "SELECT group_concat(number, ',') FROM (SELECT number FROM agenda_item ORDER BY position)")" "1,5,7,8,14"
is "&amp;amp; in a title is one &" "$(q "SELECT title FROM agenda_item WHERE number = '8'")" \
	"Improved & Integrated Better Care Fund Update"
is "escaped HTML paragraphs become lines of text" "$(q "SELECT description FROM agenda_item WHERE number = '8'")" \
	"To receive a report from the Director of Adults' Health & Care.
Funding: £56 million."
has "a numeric reference escaped twice" "$(q "SELECT description FROM agenda_item WHERE number = '7'")" "2017–2022"
is "True marks the exempt item, False the others" "$(q "SELECT number FROM agenda_item WHERE exempt")" 14
is "attendees from attributes" \
	"$(q "SELECT p.name || '|' || a.status || '|' || a.capacity FROM attendance a JOIN person p ON p.id = a.person_id ORDER BY p.name")" \
	"Barbara Rushton|present|Vice-Chairman
Liz Fairhurst|present|Chairman
Michael Lane|apology|Board Member
Peter Bibawy|substitute|Substitute for Dr Andrew Whitfield"
is "a substitute stands in for the member the role names" \
	"$(q "SELECT s.name FROM attendance a JOIN person p ON p.id = a.person_id JOIN person s ON s.id = a.substitute_for WHERE p.name = 'Peter Bibawy'")" \
	"Andrew Whitfield"
is "honorifics are split from names" "$(q "SELECT honorific FROM person WHERE name = 'Liz Fairhurst'")" Councillor
is "the council is the one named" "$(q "SELECT name FROM council")" "Hampshire County Council"

before=$(counts)
out=$($CLERK import moderngov "$here/mg-committees.xml" "$here/mg-meetings.xml" "$here/mg-meeting.xml" 2>&1)
has "importing again writes nothing" "$out" "nothing new written"
is "and changes no count" "$(counts)" "$before"

# Malformed XML: the line of the fault, nothing written from any file.
out=$($CLERK import moderngov "$here/mg-committees.xml" "$here/mg-malformed.xml" 2>&1); rc=$?
is "malformed XML is refused (exit 3)" "$rc" 3
has "the fault's file and line" "$out" "mg-malformed.xml:12: not well-formed XML: mismatched tag"
is "nothing written" "$(counts)" "$before"
out=$($CLERK import moderngov "$here/mg-badvalues.xml" 2>&1); rc=$?
is "bad values are refused (exit 3)" "$rc" 3
has "a date not in dd/mm/yyyy" "$out" "mg-badvalues.xml:3: meeting 4501: date \"2017-12-14\" is not dd/mm/yyyy"
has "a time that is not a time" "$out" "time \"ten o'clock\" is not a time of day"
has "a count that does not match" "$out" "mg-badvalues.xml:9: agendaitemcount says \"2\" but the meeting lists 1 items"
has "an exempt flag neither True nor False" "$out" "mg-badvalues.xml:10: exempt flag \"Maybe\" is neither True nor False"
is "still nothing written" "$(counts)" "$before"
out=$($CLERK import moderngov "$here/mg-badcounts.xml" 2>&1)
has "a committeecount that does not match" "$out" "mg-badcounts.xml:3: committeecount says \"2\" but the file lists 1"
printf '<html><body>Not found</body></html>\n' >"$T/error.html"
out=$($CLERK import moderngov "$T/error.html" 2>&1)
has "a page that is not a response" "$out" "error.html:1: <html> is not a ModernGov"
done_testing
