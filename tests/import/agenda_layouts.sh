#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk import agenda: agendas laid out as councils really print them — a
# ModernGov agenda page (the number on its own line, link text, "Minutes:"
# and "Additional documents:" blocks), a parish agenda from a PDF (numbers run
# into the titles, times "7.30pm", sub-items a) (i)), a planning agenda
# ("1 . Title", bullets, "Item 6", page references in several forms); --dry-run,
# --skip-unknown, the kinds shown and corrected, numbers of any size.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db"
here="$top_srcdir/tests/import/agendas"
q() { sqlite3 -separator '|' "$CLERK_DB" "$1"; }
items() { # MEETING-DATE: number|title|kind|HH.MM|pages|exempt, in order
	q "SELECT a.number, a.title, a.kind, strftime('%H.%M', a.planned_start, 'localtime'), a.pages, a.exempt FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.starts_at LIKE '$1%' ORDER BY a.position"
}
desc() { q "SELECT a.description FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.starts_at LIKE '$1%' AND a.number = '$2'"; }

$CLERK body add "Culture Committee" --council "Eastbrook District Council" --short CUL >/dev/null
$CLERK body add "Planning Committee" --council "Eastbrook District Council" --short PLAN >/dev/null
$CLERK body add "Parish Council" --council "Little Ashcombe Parish Council" --short LAPC >/dev/null
$CLERK meeting add CUL 2025-02-11 14.00 >/dev/null
$CLERK meeting add PLAN 2025-03-12 10.00 >/dev/null
$CLERK meeting add LAPC 2025-03-04 19.30 >/dev/null

# --- A ModernGov agenda page, copied as text.
before=$(q "SELECT count(*) FROM agenda_item")
out=$($CLERK import agenda 2025-02-11 "$here/moderngov-page.txt" --dry-run 2>&1); rc=$?
is "--dry-run succeeds" "$rc" 0
is "--dry-run shows number, time, kind and title of each item" "$out" \
"No.  Time   Kind                  Title
1.   14.00  apologies             Apologies for Absence
2.   14.00  declarations          Declarations of Interest
3.   14.00  previous minutes      Minutes of the meeting held on 14 January 2025
4.   14.00  ordinary              Matters Arising from the Minutes
5.   14.00  ordinary              Library Service Review (Pages 11 - 40)
6.   14.00  ordinary              Contract for Grounds Maintenance [exempt]
7.   14.00  date of next meeting  Date of Next Meeting
7 agenda items read; nothing written (--dry-run)."
is "--dry-run writes nothing" "$(q "SELECT count(*) FROM agenda_item")" "$before"
out=$($CLERK import agenda 2025-02-11 "$here/moderngov-page.txt" 2>&1)
has "the import shows the items too" "$out" "4.   14.00  ordinary              Matters Arising from the Minutes"
has "and says how a kind is corrected" "$out" "clerk item edit 2025-02-11 ITEM --kind KIND"
has "and what it wrote" "$out" "7 agenda items written."
is "items of the ModernGov page" "$(items 2025-02-11 | cut -d'|' -f1,2,3,5,6)" \
"1|Apologies for Absence|apologies||0
2|Declarations of Interest|declarations||0
3|Minutes of the meeting held on 14 January 2025|previous minutes||0
4|Matters Arising from the Minutes|ordinary||0
5|Library Service Review|ordinary|11 - 40|0
6|Contract for Grounds Maintenance|ordinary||1
7|Date of Next Meeting|date of next meeting||0"
is "the record after 'Minutes:' is not agenda text" "$(desc 2025-02-11 1)" "To receive any apologies for absence."
is "nor are the numbered resolutions inside it" "$(desc 2025-02-11 5)" \
	"To consider the report of the Head of Culture on the consultation responses."
is "document links and 'View the background' are dropped" "$(desc 2025-02-11 3)" \
	"To approve as a correct record the minutes of the meeting held on 14 January 2025."

# --- A parish agenda from a PDF: the summons before AGENDA, numbers glued to
# titles, sub-items, times with pm, a page footer.
out=$($CLERK import agenda 2025-03-04 "$here/parish.txt" 2>&1); rc=$?
is "the parish agenda imports" "$rc" 0
is "items of the parish agenda" "$(items 2025-03-04 | cut -d'|' -f1-5)" \
"1|APOLOGIES FOR ABSENCE|apologies|19.30|
2|DECLARATIONS OF INTEREST|declarations|19.30|
3|MINUTES|previous minutes|19.30|
4|MATTERS ARISING FROM THE MINUTES OF 4 FEBRUARY|ordinary|19.30|
5|PUBLIC PARTICIPATION|deputations|19.40|
6|FINANCE|ordinary|19.55|
6(a)|To approve the payments listed|ordinary|19.55|5
6(b)|To note the bank reconciliation for February.|ordinary|19.55|
6(c)|To agree the precept for 2025/26:|ordinary|19.55|
6(c)(i)|grass cutting contract|ordinary|19.55|
6(c)(ii)|play area inspection|ordinary|19.55|
7|HIGHWAYS AND FOOTPATHS|ordinary|19.55|
8|DATE OF NEXT MEETING|date of next meeting|19.55|"
is "the page footer is not description" "$(desc 2025-03-04 8)" "Tuesday 1 April 2025."

# --- A planning agenda: "1 . Title", bullets, lettered applications with
# their own pages and times, "Item 6".
ok "the planning agenda imports" $CLERK import agenda 2025-03-12 "$here/planning.txt"
is "items of the planning agenda" "$(items 2025-03-12)" \
"1|Apologies for Absence|apologies|10.00||0
2|Declarations of Interest|declarations|10.00||0
3|Minutes of the previous meeting|previous minutes|10.00|3 - 8|0
4|Planning Applications|ordinary|10.15||0
4(a)|24/01123/FUL - Land north of Mill Lane, Eastbrook|ordinary|10.15|9 - 24|0
4(b)|24/01207/HOU - 3 Orchard Rise, Westford|ordinary|11.00|25 - 30|0
5|Appeals Update|ordinary|11.30||0
6|Exclusion of the Press and Public|ordinary|11.30||0
7|Enforcement Case ENF/24/0099 - exempt|ordinary|11.30||1"
is "bullets stay in the description, one to a line" "$(desc 2025-03-12 2)" \
"• Disclosable pecuniary interests
• Other registrable and non-registrable interests"
is "a sub-item keeps its own description" "$(desc 2025-03-12 '4(b)')" \
"Two storey side extension.
• Recommendation: Refuse."

# --- "1)", "Item 2:", a time before the number, "(Page 7)" alone on the line
# after the title, "10:15 a.m.", "Agenda Item 5 -".
$CLERK meeting add LAPC 2025-06-03 10.00 >/dev/null
printf '1) Welcome and Apologies\nItem 2: Minutes of the Last Meeting\n(Page 7)\n10.20\t3. Budget Monitoring\n4. Playing Field Lease 10:45 a.m.\nAgenda Item 5 - Any Other Business\n' >"$T/forms.txt"
ok "the other numbering forms import" $CLERK import agenda 2025-06-03 "$T/forms.txt"
is "their items" "$(items 2025-06-03 | cut -d'|' -f1-5)" \
"1|Welcome and Apologies|apologies|10.00|
2|Minutes of the Last Meeting|previous minutes|10.00|7
3|Budget Monitoring|ordinary|10.20|
4|Playing Field Lease|ordinary|10.45|
5|Any Other Business|any other business|10.45|"

# --- Kinds: listed, corrected, kept through a listing and re-import.
list=$($CLERK item list 2025-02-11)
has "item list shows each item's kind" "$list" "4.	Matters Arising from the Minutes	14.00
	To note any matters arising from the minutes not covered elsewhere on the agenda.
	Kind: ordinary"
ok "item edit --kind corrects a kind" $CLERK item edit 2025-02-11 4 --kind "previous minutes"
ok "and back" $CLERK item edit 2025-02-11 4 --kind ordinary
exits "an unknown kind is refused" 2 $CLERK item edit 2025-02-11 4 --kind minutes
ok "item edit --kind on an item with a sub-number" $CLERK item edit 2025-03-12 "4(a)" --kind urgent
$CLERK item list 2025-03-12 >"$T/plan-list.txt"
$CLERK meeting add PLAN 2025-04-09 10.00 >/dev/null
ok "the listing imports back" $CLERK import agenda 2025-04-09 "$T/plan-list.txt"
is "with the corrected kind and the sub-item numbers" "$(items 2025-04-09 | cut -d'|' -f1,3 | sed -n 4,6p)" \
"4|ordinary
4(a)|urgent
4(b)|ordinary"

# --- What cannot be placed: reported by line; --skip-unknown.
$CLERK meeting add LAPC 2025-05-06 19.30 >/dev/null
printf 'Dear Councillor,\nYou are summoned.\n1. APOLOGIES\n2. FINANCE\n' >"$T/summons.txt"
standard=$(items 2025-05-06)
out=$($CLERK import agenda 2025-05-06 "$T/summons.txt" 2>&1); rc=$?
is "text that cannot be placed refuses the import (exit 3)" "$rc" 3
has "named by line" "$out" "summons.txt:1: text before the first numbered item: \"Dear Councillor,\""
has "every such line" "$out" "summons.txt:2: text before the first numbered item"
has "and the way out is named" "$out" "--skip-unknown imports the items and skips those lines"
is "nothing written" "$(items 2025-05-06)" "$standard"
out=$($CLERK import agenda 2025-05-06 "$T/summons.txt" --skip-unknown 2>&1); rc=$?
is "--skip-unknown imports the rest" "$rc" 0
has "each skipped line is still reported" "$out" "summons.txt:1: skipped: text before the first numbered item"
is "the items" "$(items 2025-05-06 | cut -d'|' -f1,2)" "1|APOLOGIES
2|FINANCE"
printf '1. APOLOGIES\n1. APOLOGIES AGAIN\nstray\n' >"$T/dup.txt"
exits "--skip-unknown does not excuse a wrong item" 3 $CLERK import agenda 2025-05-06 "$T/dup.txt" --skip-unknown

# --- Numbers of any size: item 1000 and above are items, not description.
$CLERK meeting add LAPC 2025-07-01 19.30 >/dev/null
for i in $(seq 1 1002); do printf '%d. ITEM %d\nAbout item %d.\n' "$i" "$i" "$i"; done >"$T/long.txt"
printf '100001. THE LAST ITEM\n' >>"$T/long.txt"
out=$($CLERK import agenda 2025-07-01 "$T/long.txt" 2>&1)
has "every item is written" "$out" "1003 agenda items written."
is "item 1000 is an item" "$(desc 2025-07-01 1000)" "About item 1000."
is "item 999 keeps only its own text" "$(desc 2025-07-01 999)" "About item 999."
is "a six-digit number is read" "$(items 2025-07-01 | tail -1 | cut -d'|' -f1,2)" "100001|THE LAST ITEM"
done_testing
