#!/bin/bash
# clerk members on the demo board (Appendix B of the seed's agenda pack):
# the 21 seats, roles, several substitutes on one seat, the vacant seat, the
# TBC substitute, the quorum; the membership on an earlier date; naming a
# body; output forms; exit codes.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_NOW=2017-10-05T08:00:00Z
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null
m() { "$CLERK" --db "$db" members "$@"; }
expected=$top_srcdir/tests/lookup/expected

out=$(m "health and wellbeing")
is "the membership of 5 October 2017, as Appendix B shows it" "$out" \
	"$(cat "$expected/members-hwb.txt")"
has "21 seats, one of them vacant" "$out" "21 seats, 20 filled, 1 vacant"
has "the quorum: a quarter of the 20 filled seats, rounded up" "$out" \
	"Quorum: 5 (one quarter of the filled voting seats, rounded up)"
has "the Chairman" "$out" "Councillor Liz Fairhurst (Chairman)"
has "the Vice-Chairman" "$out" "Dr Barbara Rushton (Vice-Chairman)"
has "a seat with two substitutes (NHS England)" "$out" \
	"13  Wessex Local Area Team of NHS England
      vacant: Vacancy as of 1 Oct 2017
      substitute: Dr Liz Mearns, Medical Director
                  Dr John Duffy, Assistant Director"
has "the TBC substitute" "$out" "Dr Barbara Rushton (Vice-Chairman), Clinical Chairman
      substitute: TBC"
has "a seat with no substitute" "$out" "Councillor Roger Allen, Gosport Borough Council
      no substitute"
has "the replaced seat is listed apart, by its last day in the schema" "$out" \
	"Not in use on 2017-10-05:
22  Hampshire County Council – Director of Transformation & Governance: until 2017-09-30"

out=$(m hwb --at 2017-06-29)
is "the membership as it stood on 29 June 2017" "$out" \
	"$(cat "$expected/members-hwb-2017-06-29.txt")"
has "then NHS England's seat was held" "$out" "13  Wessex Local Area Team of NHS England
      Dominic Hardy"
has "then the Director of Transformation sat" "$out" \
	"Paul Archer, Director of Transformation & Governance"
has "the Fire and Rescue seat was not in use yet" "$out" \
	"21  Hampshire Fire and Rescue Service: from 2017-10-01"
has "still 21 seats, all filled" "$out" "21 seats, 21 filled, 0 vacant"
is "HWB names the body too (its short name)" "$(m HWB | head -1)" \
	"$(m "Health and Wellbeing Board" | head -1)"
is "and so does any part of the name" "$(m wellbeing | head -1)" \
	"$(m HWB | head -1)"

# Several bodies.
"$top_builddir/tests/lookup/sqlexec" "$db" "INSERT INTO body(id, council_id,
name, short_name) SELECT 'b-scrutiny', council_id,
'Health and Adult Social Care Select Committee', 'HASC' FROM body
WHERE short_name = 'HWB'"
exits "a name two bodies share: exit 2" 2 m health
has "the candidates are listed" "$(m health 2>&1)" \
	"clerk: 'health' matches 2 bodies; name one:
  Health and Adult Social Care Select Committee (HASC)
  Health and Wellbeing Board (HWB)"
exits "the exact short name is not ambiguous" 0 m hwb
exits "no such body: exit 1" 1 m planning
has "the bodies there are are listed" "$(m planning 2>&1)" \
	"clerk: no body matches 'planning'; the bodies are:"
has "the HWB among them" "$(m planning 2>&1)" "  Health and Wellbeing Board (HWB)"

# Machine-readable forms.
out=$(m hwb --json)
is "--json: 21 seats in use, the replaced one apart, NHS England's two substitutes" \
	"$(printf '%s' "$out" | python3 -c 'import json,sys
d=json.load(sys.stdin)
nhs=[s for s in d["seats"] if "NHS England" in s["label"]][0]
print(len(d["seats"]), len(d["seats_not_in_use"]), d["quorum"]["needed"],
      nhs["vacant"], [x["name"] for x in nhs["substitutes"]])')" \
	"21 1 5 True ['Dr Liz Mearns', 'Dr John Duffy']"
out=$(m hwb --csv)
ok "--csv parses as CSV, 10 fields a row" python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.argv[1], newline="")))
assert rows[0][:4] == ["position", "seat", "voting", "as"], rows[0]
assert all(len(r) == 10 for r in rows), rows' "$out"
has "--csv quotes a capacity holding a comma" "$out" \
	'5,Hampshire County Council – Director of Children'"'"'s Services,yes,substitute,Stuart Ashley,,"Assistant Director, Children & Families"'
has "--csv: the TBC substitute" "$out" \
	"8,South East Hampshire Clinical Commissioning Group,yes,substitute,,,,,,TBC"
lacks "no escapes on a pipe" "$(m hwb)" $'\033'

# On a terminal the lines fit its width.
if need script; then
	tty_out=$(COLUMNS=50 script -qec "$CLERK --db $db members hwb" /dev/null </dev/null)
	widest=$(printf '%s' "$tty_out" | python3 -c 'import re,sys
lines = re.sub(r"\x1b\[[0-9;]*m", "", sys.stdin.read()).replace("\r", "").split("\n")
print(max(len(l) for l in lines))')
	is "on a 50-column terminal no line is wider than 50" "$widest" 50
	has "a cut line ends with an ellipsis" "$tty_out" "…"
	has "headings are bold on a terminal" "$tty_out" $'\033[1m'
else
	_tap_result 0 "fits the terminal # SKIP script(1) is not installed"
fi

# Usage.
exits "no BODY: exit 2" 2 m
exits "a bad --at date: exit 2" 2 m hwb --at 29/06/2017
has "and says how to write it" "$(m hwb --at 29/06/2017 2>&1)" \
	"--at '29/06/2017' is not a date: write it as YYYY-MM-DD"
exits "an unknown option: exit 2" 2 m hwb --wide
has "--help gives the exit codes" "$("$CLERK" members --help)" \
	"Exit status: 0 found, 1 no such body, 2 usage error or several bodies match."
out=$("$CLERK" --help)
for c in members who attendance search; do
	has "clerk --help lists $c" "$out" "  $c "
done
exits "a missing file: exit 4, never created" 4 "$CLERK" --db "$T/none.db" members hwb
ok "and it was not created" test ! -e "$T/none.db"

# Seats have dates in the schema: what is in use is the seat's own from and
# to, not a guess from who held it.
db=$T/dated.db
"$CLERK" --db "$db" demo >/dev/null
sql() { "$top_builddir/tests/lookup/sqlexec" "$db" "$1"; }
is "the replaced seat's last day and the new seat's first, as stored" \
	"$(sqlite3 "$db" "SELECT coalesce(from_date, '-'), coalesce(to_date, '-')
FROM seat WHERE label LIKE '%Transformation%' OR label LIKE '%Fire and Rescue%'
ORDER BY position")" "2017-10-01|-
-|2017-09-30"
for d in 2017-06-29 2017-10-05; do
	has "21 seats on $d" "$(m hwb --at "$d")" "21 seats, "
done
out=$(m hwb --at 2017-09-30)
has "its last day, 30 September, the replaced seat is still in use" "$out" \
	"22  Hampshire County Council – Director of Transformation & Governance
      Paul Archer"
has "and the new one not yet" "$out" \
	"21  Hampshire Fire and Rescue Service: from 2017-10-01"
out=$(m hwb --at 2017-10-01)
has "the first day of the new one, 1 October, the old one is apart" "$out" \
	"22  Hampshire County Council – Director of Transformation & Governance: until 2017-09-30"
has "and 21 seats still" "$out" "21 seats, 20 filled, 1 vacant"
sql "UPDATE seat SET to_date = NULL WHERE label LIKE '%Transformation%'"
out=$(m hwb)
has "a seat with no end whose member left is vacant, not retired" "$out" \
	"22  Hampshire County Council – Director of Transformation & Governance
      vacant: Replaced by Hampshire Fire and Rescue Service from 1 Oct 2017"
has "and counted" "$out" "22 seats, 20 filled, 2 vacant"
lacks "nothing is listed apart" "$out" "Not in use"
"$CLERK" --db "$db" seat add hwb "Healthwatch Hampshire" --from 2017-11-01 \
	>/dev/null
has "clerk seat add --from: not in use before its first day" \
	"$(m hwb)" "23  Healthwatch Hampshire: from 2017-11-01"
has "and vacant from it" "$(m hwb --at 2017-11-01)" \
	"23  Healthwatch Hampshire
      vacant"
exits "a member from a day the seat does not exist yet: refused" 1 \
	"$CLERK" --db "$db" member add hwb 23 "Jo Bloggs"
has "naming the date" "$("$CLERK" --db "$db" member add hwb 23 "Jo Bloggs" 2>&1)" \
	"the body has no seat \"23\" on 2017-10-05"
exits "a member from its first day: taken" 0 "$CLERK" --db "$db" member add \
	hwb 23 "Jo Bloggs" --from 2017-11-01
has "and shown then" "$(m hwb --at 2017-11-01)" "23  Healthwatch Hampshire
      Jo Bloggs"
exits "clerk seat add --to before --from: refused" 3 "$CLERK" --db "$db" \
	seat add hwb "Backwards" --from 2017-11-01 --to 2017-10-01
has "naming what is wrong" "$("$CLERK" --db "$db" seat add hwb Backwards \
	--from 2017-11-01 --to 2017-10-01 2>&1)" \
	"the seat's last day 2017-10-01 is before its first day 2017-11-01"
exits "clerk seat add with a bad date: refused" 3 "$CLERK" --db "$db" \
	seat add hwb "Bad" --from 1/11/2017
is "and nothing was added" "$(sqlite3 "$db" "SELECT count(*) FROM seat
WHERE label IN ('Backwards', 'Bad')")" 0

done_testing
