#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk attendance on the demo board, checked against the minutes of
# 29 June 2017 (15 present, 5 apologies, 1 absent; Dr Peter Bibawy came in
# place of Dr Andrew Whitfield), and the six-month rule (s.85) as the clock
# moves on.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_NOW=2017-10-05T08:00:00Z
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null
a() { "$CLERK" --db "$db" attendance "$@"; }
row() { # the CSV counts of one person: expected..substitute_sent,last,days,rule
	a hwb --csv "${@:2}" | grep ",$1," | cut -d, -f4-12 | tr -d '\r'
}

is "Dr Andrew Whitfield: an apology, his substitute sent" \
	"$(row "Dr Andrew Whitfield")" "1,0,0,1,0,1,,133,"
is "Dr Peter Bibawy: present as substitute" \
	"$(row "Dr Peter Bibawy")" "0,0,1,0,0,0,2017-06-29,98,"
is "Dr Sarah Schofield: an apology, her substitute could not come" \
	"$(row "Dr Sarah Schofield")" "1,0,0,1,0,0,,133,"
is "Councillor Liz Fairhurst: present" \
	"$(row "Councillor Liz Fairhurst")" "1,1,0,0,0,0,2017-06-29,98,ok"
is "Paul Archer: absent, and no longer a member" \
	"$(row "Paul Archer")" "1,0,0,0,1,0,,,"
is "Shantha Dickinson: joined after the meeting" \
	"$(row "Shantha Dickinson")" "0,0,0,0,0,0,,4,"
totals=$(a hwb --csv | tail -n +2 | awk -F, '{e+=$4; p+=$5; s+=$6; ap+=$7; ab+=$8; se+=$9}
	END {print e, p, s, ap, ab, se}')
is "totals agree with the minutes: 21 expected, 15 present, 1 substitute, 5 apologies, 1 absent, 1 sent" \
	"$totals" "21 15 1 5 1 1"

out=$(a hwb)
is "the table as printed" "$out" \
	"$(cat "$top_srcdir/tests/lookup/expected/attendance-hwb.txt")"
lacks "the six-month rule is for councillors: a partner member is not warned" "$out" \
	"! Dr Andrew Whitfield"
lacks "nobody has passed it yet" "$out" "six months passed"

out=$(CLERK_NOW=2017-11-01T10:00:00Z a hwb)
has "from 120 days after the last attendance, a warning" "$out" \
	"! Councillor Liz Fairhurst: 125 days since last attending a meeting of the authority on 2017-06-29; six months in 58 days (s.85)"
out=$(CLERK_NOW=2018-01-02T10:00:00Z a hwb)
has "six months on, the rule has passed" "$out" \
	"! Councillor Liz Fairhurst: 187 days since last attending a meeting of the authority on 2017-06-29; six months have passed: ceases to be a member of the authority unless the absence was approved by the authority (s.85)"
has "and the table says so" "$out" "PASSED"
has "the rule is explained" "$out" "s.85 Local Government Act 1972: a councillor who attends no meeting of the authority for six months ceases to be a member of the authority unless"
lacks "a former member is not warned" "$out" "! Paul Archer"
lacks "nor a substitute" "$out" "! Dr Peter Bibawy"

# Periods and people.
out=$(a hwb --from 2017-07-01 --csv)
is "--from after the meeting: nothing expected" \
	"$(printf '%s\n' "$out" | tail -n +2 | awk -F, '{e+=$4} END {print e}')" 0
is "--from/--to around it: the meeting counts" \
	"$(a hwb --from 2017-06-29 --to 2017-06-29 --json | python3 -c 'import json,sys
print(json.load(sys.stdin)["meetings"])')" 1
out=$(a --person bibawy)
has "--person: one person's record on each body" "$out" \
	"Dr Peter Bibawy: attendance at every meeting"
has "with their body" "$out" "Health and Wellbeing Board    0     0    1"
exits "--person with a mistyped name: exit 1" 1 a --person "Peter Bibawi"
has "with did you mean" "$(a --person "Liz Farhurst" 2>&1)" \
	"did you mean:
  Councillor Liz Fairhurst"
exits "--person naming two people: exit 2" 2 a --person whitfield
exits "no body named, and the file has two: exit 2" 2 a
has "the bodies are listed" "$(a 2>&1)" "  Upper Testwood Parish Council"
exits "a bad date: exit 2" 2 a hwb --from 2017-13-01
out=$(a hwb --json)
ok "--json parses" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$out"
has "--help gives the exit codes" "$("$CLERK" attendance --help)" "Exit status:"

done_testing
