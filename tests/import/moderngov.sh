#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk import moderngov: GetCommittees, GetMeetings, GetMeeting and
# GetCouncillorsByWard responses laid out as real ModernGov servers answer
# (a GetMeeting's root is <meeting> and names no committee; published item
# numbers in <fulldisplaynumberformat>; Word's HTML in <agendatext>;
# <isrestricted>; attendees' membertype, roledescription and attendance;
# cancelled meetings; expired committees; counts with leading spaces; empty
# elements; entities escaped twice).
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db"
here="$top_srcdir/tests/import"
q() { sqlite3 -separator '|' "$CLERK_DB" "$1"; }
counts() { q "SELECT (SELECT count(*) FROM body), (SELECT count(*) FROM meeting), (SELECT count(*) FROM agenda_item), (SELECT count(*) FROM person), (SELECT count(*) FROM attendance), (SELECT count(*) FROM membership), (SELECT count(*) FROM body_ended)"; }
items() { q "SELECT a.number, a.title, a.kind, a.exempt FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.starts_at LIKE '$1%' ORDER BY a.position"; }
desc() { q "SELECT a.description FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.starts_at LIKE '$1%' AND a.number = '$2'"; }

# --- The demo board's committee, meetings and one meeting in full.
out=$($CLERK import moderngov "$here/mg-committees.xml" "$here/mg-meetings.xml" \
	"$here/mg-meeting.xml" --council "Hampshire County Council" 2>&1)
has "the import says what it wrote" "$out" "3 bodies, 2 meetings, 5 agenda items"
is "committees become bodies; the expired one is kept" "$(q "SELECT name FROM body ORDER BY name")" \
	"Health & Adult Social Care Select Committee
Health and Wellbeing Board
Shadow Health and Wellbeing Board"
is "the expired committee is marked ended" \
	"$(q "SELECT b.name || '|' || e.reason FROM body_ended e JOIN body b ON b.id = e.body_id")" \
	"Shadow Health and Wellbeing Board|expired in ModernGov"
is "dd/mm/yyyy at '10.00 am' is 10:00 in London (09:00 UTC)" \
	"$(q "SELECT starts_at FROM meeting ORDER BY starts_at")" \
	"2017-06-29T09:00:00Z
2017-10-05T09:00:00Z"
is "the GetMeeting, which names no committee, joined the GetMeetings' committee" \
	"$(q "SELECT count(*) FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.name = 'Health and Wellbeing Board'")" 2
is "the venue is kept" "$(q "SELECT venue FROM meeting WHERE starts_at LIKE '2017-06-29%'")" \
	"Ashburton Hall, Elizabeth II Court, The Castle, Winchester"
is "published item numbers (fulldisplaynumberformat), not the internal ones" \
	"$(items 2017-06-29)" \
	"1|Apologies for Absence|apologies|0
5|Election of Vice Chairman|election|0
7|Hampshire Domestic Abuse Strategy|ordinary|0
8|Improved & Integrated Better Care Fund Update|ordinary|0
14|Care Provider Contract Negotiations|ordinary|1"
is "Word's HTML becomes paragraphs; &amp;nbsp; and empty paragraphs go" "$(desc 2017-06-29 8)" \
	"To receive a report from the Director of Adults' Health & Care.
Funding: £56 million."
is "a line break inside a paragraph is a space; a numeric entity escaped twice" \
	"$(desc 2017-06-29 7)" \
	"To receive a presentation regarding the Hampshire Domestic Abuse Strategy for 2017–2022."
is "an empty <agendatext> is no description" "$(desc 2017-06-29 5)" ""
is "the restricted item is exempt, with its paragraph" \
	"$(q "SELECT exempt_paragraph FROM agenda_item WHERE number = '14'")" 3
is "attendees with their role and attendance" \
	"$(q "SELECT p.name || '|' || a.status || '|' || a.capacity FROM attendance a JOIN person p ON p.id = a.person_id ORDER BY p.name")" \
	"Barbara Rushton|present|Vice-Chairman
Liz Fairhurst|present|Chairman
Michael Lane|apology|Board Member
Peter Bibawy|substitute|Substitute for Dr Andrew Whitfield"
is "a substitute stands in for the member the role names" \
	"$(q "SELECT s.name FROM attendance a JOIN person p ON p.id = a.person_id JOIN person s ON s.id = a.substitute_for WHERE p.name = 'Peter Bibawy'")" \
	"Andrew Whitfield"

before=$(counts)
out=$($CLERK import moderngov "$here/mg-committees.xml" "$here/mg-meetings.xml" "$here/mg-meeting.xml" 2>&1)
has "importing again writes nothing" "$out" "nothing new written"
is "and changes no count" "$(counts)" "$before"
out=$($CLERK import moderngov "$here/mg-meeting.xml" 2>&1); rc=$?
is "a GetMeeting alone finds the meeting imported before" "$rc" 0
is "still no new record" "$(counts)" "$before"

# --- Another council: a cancelled meeting, expired and deleted committees,
# a meeting not yet held, councillors by ward.
eb() { $CLERK import moderngov "$@" --council "Eastbrook District Council"; }
out=$(eb "$here/mg-eb-meeting.xml" 2>&1); rc=$?
is "a GetMeeting whose committee is unknown is refused (exit 3)" "$rc" 3
has "saying what to give" "$out" "mg-eb-meeting.xml:2: meeting 881: its committee is not known: give the GetMeetings file that lists it"
ok "committees, meetings and two meetings in full import" eb "$here/mg-eb-committees.xml" \
	"$here/mg-eb-meetings.xml" "$here/mg-eb-meeting.xml" "$here/mg-eb-meeting-cancelled.xml"
is "expired and deleted committees are kept as ended bodies" \
	"$(q "SELECT b.name || '|' || e.reason FROM body_ended e JOIN body b ON b.id = e.body_id JOIN council c ON c.id = b.council_id WHERE c.name LIKE 'Eastbrook%' ORDER BY b.name")" \
	"Licensing Sub-Committee (2019)|deleted in ModernGov
Town Centre Regeneration Working Party|expired in ModernGov"
is "the cancelled meeting is cancelled; the others scheduled" \
	"$(q "SELECT m.starts_at || '|' || m.status FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.name = 'Culture & Leisure Committee' ORDER BY m.starts_at")" \
	"2025-01-14T19:00:00Z|cancelled
2025-02-11T19:00:00Z|scheduled
2031-04-09T18:00:00Z|scheduled"
is "no attendance is recorded for the cancelled meeting" \
	"$(q "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.starts_at LIKE '2025-01-14%'")" 0
is "items of the held meeting" "$(items 2025-02-11)" \
	"1|Apologies for Absence and Substitutions|apologies|0
3|Matters Arising from the Minutes|ordinary|0
5|Library Service Review|ordinary|0
7|Grounds Maintenance Contract|ordinary|1"
is "a restricted document does not make its item restricted" \
	"$(q "SELECT exempt FROM agenda_item WHERE title = 'Library Service Review'")" 0
is "HTML with a list: paragraphs and bullets" "$(desc 2025-02-11 5)" \
	"Purpose of report
To consider the responses to the consultation on opening hours at Eastbrook & Westford libraries.
• Option A – keep Saturday opening
• Option B – close on Mondays"
is "an attendee's party and ward" "$(q "SELECT honorific, party, ward FROM person WHERE name = 'Hannah Pryce'")" \
	"Councillor|Labour|Mill Lane"
is "attendance of the held meeting, officers in attendance" \
	"$(q "SELECT p.name || '|' || a.status FROM attendance a JOIN person p ON p.id = a.person_id JOIN meeting m ON m.id = a.meeting_id WHERE m.starts_at LIKE '2025-02-11%' ORDER BY p.name")" \
	"Hannah Pryce|absent
Priya Landon|in attendance
Ruth Okafor|present
Tomasz Wróbel|apology"

# A later GetMeetings says the April meeting is cancelled: it becomes so.
before=$(counts)
out=$(eb "$here/mg-eb-meetings-later.xml" 2>&1)
has "re-import reports the change" "$out" "1 meeting status changed"
is "the meeting later cancelled is cancelled" \
	"$(q "SELECT status FROM meeting WHERE starts_at LIKE '2031-04-09%'")" cancelled
is "nothing else changes" "$(counts)" "$before"
out=$(eb "$here/mg-eb-meetings.xml" 2>&1)
is "a cancellation withdrawn reinstates it" \
	"$(q "SELECT status FROM meeting WHERE starts_at LIKE '2031-04-09%'")" scheduled

# Councillors by ward: people with party and ward, terms of office as
# membership of the council in a seat of their ward.  ModernGov ends a term
# on the day the next begins (election day); a last day is inclusive in
# clerk, so that term ends the day before.
out=$(eb "$here/mg-eb-councillors.xml" 2>&1); rc=$?
is "GetCouncillorsByWard imports" "$rc" 0
is "councillors with party, ward and key posts" \
	"$(q "SELECT honorific, name, party, ward, role FROM person WHERE ward <> '' ORDER BY name")" \
	"Councillor|Hannah Pryce|Labour|Mill Lane|
Councillor|Ruth Okafor|Liberal Democrats|Eastbrook Central|Chair of Culture & Leisure Committee
Councillor|Simon Achterberg|Green Party|Eastbrook Central|
Councillor|Tomasz Wróbel|Conservative|Westford|"
is "the same person as the attendee of the same id, not a copy" \
	"$(q "SELECT count(*) FROM person WHERE name = 'Ruth Okafor'")" 1
is "terms of office as membership of the council ('unspecified': still serving)" \
	"$(q "SELECT b.name, s.label, p.name, ms.from_date, coalesce(ms.to_date, '') FROM membership ms JOIN seat s ON s.id = ms.seat_id JOIN body b ON b.id = s.body_id JOIN person p ON p.id = ms.person_id ORDER BY p.name, ms.from_date")" \
	"Council|Eastbrook Central|Ruth Okafor|2019-05-03|2023-05-03
Council|Eastbrook Central|Ruth Okafor|2023-05-04|
Council|Eastbrook Central|Simon Achterberg|2023-05-04|2027-05-06"
before=$(counts)
out=$(eb "$here/mg-eb-councillors.xml" 2>&1)
has "importing the councillors again writes nothing" "$out" "nothing new written"
is "no count changes" "$(counts)" "$before"

# --- Bad files: the fault named, nothing written from any file.
out=$($CLERK import moderngov "$here/mg-committees.xml" "$here/mg-malformed.xml" 2>&1); rc=$?
is "malformed XML is refused (exit 3)" "$rc" 3
has "the fault's file and line" "$out" "mg-malformed.xml:12: not well-formed XML: mismatched tag"
is "nothing written" "$(counts)" "$before"
out=$($CLERK import moderngov "$here/mg-badvalues.xml" 2>&1); rc=$?
is "bad values are refused (exit 3)" "$rc" 3
has "a date not in dd/mm/yyyy" "$out" "mg-badvalues.xml:2: meeting 4501: date \"2017-12-14\" is not dd/mm/yyyy"
has "a time that is not a time" "$out" "time \"ten o'clock\" is not a time of day"
has "an isrestricted neither True nor False" "$out" "mg-badvalues.xml:8: isrestricted \"Maybe\" is neither True nor False"
is "still nothing written" "$(counts)" "$before"
out=$($CLERK import moderngov "$here/mg-badcounts.xml" 2>&1)
has "a committeescount that does not match" "$out" "mg-badcounts.xml:3: committeescount says \"2\" but the file lists 1"
has "a committeemeetingcount that does not match" "$out" "committeemeetingcount says \"3\" but the file lists 1"
printf '<html><body>Not found</body></html>\n' >"$T/error.html"
out=$($CLERK import moderngov "$T/error.html" 2>&1)
has "a page that is not a response" "$out" "error.html:1: <html> is not a ModernGov"
done_testing
