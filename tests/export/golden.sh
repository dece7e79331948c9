#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/golden.sh: the demo's meeting of 29 June 2017 exported to
# text and Markdown reproduces the published minutes (attendance, apologies
# with substitutes, each item's narrative and resolutions, in order and in
# their wording).  The expected files were derived from the seed by
# tests/export/derive_expected.py, which lists the few deliberate
# differences.  The notice of 5 October 2017 keeps the seed's layout and
# approximate timings.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/demo.db
"$CLERK" --db "$DB" demo >/dev/null || { echo "Bail out! clerk demo failed"; exit 1; }
clerk() { "$CLERK" --db "$DB" "$@"; }
exp=$top_srcdir/tests/export/expected
# As the README does: 5 October 2017 confirms the minutes of 29 June.
clerk confirm 2017-06-29 --at 2017-10-05 >/dev/null

is "text minutes of 29 June 2017 as published" \
	"$(clerk export 2017-06-29 --format text)" "$(cat "$exp/hwb-2017-06-29.txt")"
is "Markdown minutes of 29 June 2017 as published" \
	"$(clerk export 2017-06-29 --format markdown)" "$(cat "$exp/hwb-2017-06-29.md")"
if need cmark; then
	h=$(clerk export 2017-06-29 --format markdown | cmark)
	lacks "Markdown renders no accidental numbered list" "$h" "<ol start"
	has "Markdown numbered resolutions render as a list" "$h" "<ol>
<li>Note the current position with regard to the Better Care Fund policy and guidance.</li>"
	has "Markdown minute heading renders as text" "$h" "<p>14. <strong>DATE OF NEXT MEETING</strong></p>"
fi
exits "the same to a file" 0 clerk export 2017-06-29 -o "$T/m.txt"
ok "the file holds the same text" cmp -s "$T/m.txt" "$exp/hwb-2017-06-29.txt"
txt=$(clerk export 2017-06-29)
lines=$(printf '%s\n' "$txt" | awk 'length($0) > 80' | wc -l)
is "no line wider than 80 columns" "$lines" "0"

# The notice of the next meeting, in the seed's layout.
a=$(clerk export 2017-10-05 --agenda)
has "notice: title" "$a" "NOTICE OF MEETING"
has "notice: meeting" "$a" "Meeting        Health and Wellbeing Board"
has "notice: date and time" "$a" "Date and Time  Thursday, 5th October, 2017 at 10.00 am"
has "notice: place" "$a" "Place          Ashburton Hall, Elizabeth II Court, The Castle, Winchester"
has "notice: timings column" "$a" "AGENDA                                                           Approx. Timings"
has "notice: item with pages and time" "$a" \
	"3. MINUTES OF PREVIOUS MEETING (Pages 5 - 10)                              10.05"
has "notice: first item without a time" "$a" "1. APOLOGIES FOR ABSENCE
"
has "notice: description" "$a" "To confirm the minutes of the previous meeting"
has "notice: last item" "$a" "12. DATE OF NEXT MEETING                                                   11.30"
order=$(printf '%s\n' "$a" | grep -oE '^[0-9]+\.' | tr -d '.\n' )
is "notice: items in order" "$order" "123456789101112"
md=$(clerk export 2017-10-05 --agenda --format markdown)
has "notice in Markdown: time beside the item" "$md" "6\\. **DOMESTIC ABUSE JOINT TARGETED AREA INSPECTION (Pages 11 - 32)** — 10.15"

# The parish demo (share/demo/zz-parish.board) in the parish style.
flat() { tr '\n' ' ' | tr -s ' '; }
p=$(clerk export 2019-05-14 | flat)
has "parish demo: opening" "$p" "Minutes of the meeting of UPPER TESTWOOD PARISH COUNCIL held at the Village Hall, Upper Testwood on Tuesday 14th May 2019"
has "parish demo: Present as a run of names" "$p" "Present: Cllr Mary Green (Chairman), Cllr John Hedge (Vice-Chairman), Cllr Ellen Brook and Cllr Priya Lane."
has "parish demo: running numbers" "$p" "1/19 Election of Chairman"
has "parish demo: proposer and seconder" "$p" "Proposed by Cllr Priya Lane, seconded by Cllr Ellen Brook. RESOLVED: That the Council raises no objection"
has "parish demo: exclusion under the 1960 Act" "$p" "7/19 Staffing RESOLVED: That in view of the confidential nature"
lacks "parish demo: exempt minute not public" "$p" "Clerk's hours"
has "parish demo: numbering continues at the next meeting" "$(clerk export 2019-06-11 | flat)" "8/19 Apologies for absence"
done_testing
