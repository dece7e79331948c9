#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk import members: Appendix B of the Hampshire agenda pack (21 seats,
# main members, nominated substitutes) from CSV.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db"
here="$top_srcdir/tests/import"
q() { sqlite3 "$CLERK_DB" "$1"; }
counts() { q "SELECT (SELECT count(*) FROM seat), (SELECT count(*) FROM person), (SELECT count(*) FROM membership), (SELECT count(*) FROM substitute)"; }

$CLERK body add "Health and Wellbeing Board" --council "Hampshire County Council" --short HWB >/dev/null
out=$($CLERK import members HWB "$here/appendix-b.csv" --from 2017-10-01 2>&1)
has "the import says what it wrote" "$out" "21 seats"
is "21 seats, in the seed's order" "$(q "SELECT count(*) FROM seat")" 21
is "first and last seats" "$(q "SELECT label FROM seat WHERE position IN (1, 21) ORDER BY position")" \
	"Hampshire County Council
Hampshire Fire and Rescue Service"
is "the chairman's seat and role" \
	"$(q "SELECT s.position, p.honorific, p.name, m.role FROM membership m JOIN seat s ON s.id = m.seat_id JOIN person p ON p.id = m.person_id WHERE m.role <> 'member'")" \
	"3|Cllr|Liz Fairhurst|chairman
8|Dr|Barbara Rushton|vice-chairman"
is "capacity after the name" \
	"$(q "SELECT capacity FROM membership m JOIN person p ON p.id = m.person_id WHERE p.name = 'Keith Mans'")" \
	"Executive Lead Member Children's Services"
is "the NHS England seat is vacant with its note" \
	"$(q "SELECT vacancy_note, (SELECT count(*) FROM membership WHERE seat_id = seat.id) FROM seat WHERE label LIKE 'Wessex%'")" \
	"Vacancy as of 1 Oct 2017|0"
is "two substitutes joined by 'and'" \
	"$(q "SELECT p.name || ' / ' || s.capacity FROM substitute s JOIN person p ON p.id = s.person_id JOIN seat ON seat.id = s.seat_id WHERE seat.label LIKE 'Wessex%' ORDER BY s.position")" \
	"Liz Mearns / Medical Director
John Duffy / Assistant Director"
is "'Director Policy and Governance' is not split" \
	"$(q "SELECT capacity FROM substitute s JOIN person p ON p.id = s.person_id WHERE p.name = 'Paul Archer'")" \
	"Director Policy and Governance"
is "TBC substitute is flagged, with nobody nominated" \
	"$(q "SELECT substitute_tbc, (SELECT count(*) FROM substitute WHERE seat_id = seat.id) FROM seat WHERE position = 8")" "1|0"
is "an empty substitute cell nominates nobody" \
	"$(q "SELECT count(*) FROM substitute s JOIN seat ON seat.id = s.seat_id WHERE seat.label LIKE 'District/ Borough%'")" 0
is "20 main members, 20 nominated substitutes" "$(q "SELECT (SELECT count(*) FROM membership), (SELECT count(*) FROM substitute)")" "20|20"
is "memberships start on --from" "$(q "SELECT DISTINCT from_date FROM membership")" "2017-10-01"
m=$(CLERK_NOW=2017-10-02T09:00:00Z $CLERK members HWB 2>&1)
has "clerk members: all 21 seats as in the seed" "$m" "21 seats, 20 filled, 1 vacant"
is "clerk members: the 21 labels in the seed's order" \
	"$(printf '%s\n' "$m" | grep -E '^ ?[0-9]+  ' | sed -E 's/^ ?[0-9]+  //')" \
	"$(tail -n +2 "$here/appendix-b.csv" | grep -v '^Organisation,' | python3 -c '
import csv, sys, re
for row in csv.reader(sys.stdin):
    print(re.sub(r" \((Chairman|and Vice Chair)[^)]*\)$", "", row[0]))')"
has "clerk members shows the chairman" "$m" "Cllr Liz Fairhurst (Chairman), Executive Member Adult Social Care and Health"
has "clerk members shows the vice-chairman" "$m" "Dr Barbara Rushton (Vice-Chairman), Clinical Chairman"
has "clerk members shows a substitute" "$m" "substitute: Councillor Zilliah Brooks"
has "clerk members shows the vacancy" "$m" "vacant: Vacancy as of 1 Oct 2017"
has "clerk members shows both NHS England substitutes" "$m" "substitute: Dr Liz Mearns, Medical Director
                  Dr John Duffy, Assistant Director"
has "clerk members shows the TBC substitute" "$m" "substitute: TBC"
has "clerk members shows the seat without a substitute" "$m" "Cllr Roger Allen, Gosport Borough Council
      no substitute"

# Importing the same table again changes nothing.
before=$(counts)
out=$($CLERK import members HWB "$here/appendix-b.csv" --from 2017-11-01 2>&1)
has "a second import writes nothing" "$out" "nothing new written"
is "same rows after the second import" "$(counts)" "$before"

# A changed member: the old term ends, the new one starts, history kept.
sed 's/Cllr Roger Allen, Gosport/Cllr Graham Burgess, Gosport/' "$here/appendix-b.csv" >"$T/changed.csv"
$CLERK import members HWB "$T/changed.csv" --from 2018-01-01 >/dev/null
is "the old member's last day is the day before the new one's first" \
	"$(q "SELECT p.name, m.from_date, ifnull(m.to_date, '') FROM membership m JOIN person p ON p.id = m.person_id JOIN seat s ON s.id = m.seat_id WHERE s.position = 17 ORDER BY m.from_date")" \
	"Roger Allen|2017-10-01|2017-12-31
Graham Burgess|2018-01-01|"

before=$(counts)
out=$($CLERK import members HWB "$here/appendix-b.csv" --from 2017-01-01 2>&1); rc=$?
is "a --from before the current terms is refused" "$rc" 3
has "and says which seat and why" "$out" "seat 17 (District/ Borough Council Elected Member 2) has a term that began on 2018-01-01, after 2017-01-01"
is "nothing changed" "$(counts)" "$before"

# Bad rows: each reported with its line; nothing written.
before=$(counts)
printf 'Organisation,Board Main Member,Nominated Substitute\nA Council,"Cllr A, Leader",\nOnly one column\n,"Dr B, Chair",\nC Council,"Cllr C, Member","unterminated\n' >"$T/bad.csv"
out=$($CLERK import members HWB "$T/bad.csv" 2>&1); rc=$?
is "a bad table is refused (exit 3)" "$rc" 3
has "too few columns named with its line" "$out" "bad.csv:3: expected 3 columns"
has "an empty seat named with its line" "$out" "bad.csv:4: the organisation / seat column is empty"
has "an open quote named with its line" "$out" "bad.csv:5: a quoted field is not closed"
is "nothing was written" "$(counts)" "$before"
exits "an unknown body is not found" 1 $CLERK import members "No Such Board" "$here/appendix-b.csv"
exits "a bad --from is a usage error" 2 $CLERK import members HWB "$here/appendix-b.csv" --from 1/10/2017
done_testing
