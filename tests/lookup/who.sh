#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk who on the demo board: a member, a nominated substitute, a person
# whose place changed on 1 October 2017, several people of one name, and
# a mistyped name answered when one person is close, "did you mean" when
# several are.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_NOW=2017-10-05T08:00:00Z
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null
w() { "$CLERK" --db "$db" who "$@"; }

out=$(w Bibawy)
is "a nominated substitute, for whom, since when" "$out" \
	"$(cat "$top_srcdir/tests/lookup/expected/who-bibawy.txt")"
has "the chairman, by honorific and name" "$(w "Cllr Liz Fairhurst")" \
	"Health and Wellbeing Board (HWB)  Chairman"
has "the vice-chairman" "$(w rushton)" "Vice-Chairman"
out=$(w Archer)
has "Paul Archer is now the Director of Adults' substitute" "$out" \
	"substitute for Graham Allen"
out=$(w Archer --at 2017-06-29)
has "and on 29 June 2017 held the Transformation seat" "$out" \
	"member  Hampshire County Council – Director of Transformation & Governance"
lacks "not yet a substitute then" "$out" "substitute for"
has "a substitute of a vacant seat" "$(w Mearns)" "substitute (seat vacant)"
out=$(w Hardy)
has "someone who left is still found" "$out" "Dominic Hardy"
has "and holds no seat now" "$out" \
	"no seat and no nomination as substitute on 2017-10-05"
exits "which is still an answer: exit 0" 0 w Hardy
out=$(w whitfield)
has "two Whitfields: Alex" "$out" "Alex Whitfield"
has "two Whitfields: Dr Andrew" "$out" "Dr Andrew Whitfield"
out=$(w "Andrew W")
has "word prefixes narrow it down" "$out" "Dr Andrew Whitfield"
lacks "to one" "$out" "Alex"

# One close match is answered, saying so; several get "did you mean".
out=$(w "Liz Farhurst" 2>"$T/err"); rc=$?
is "a mistyped name close to one person: exit 0" "$rc" 0
has "answered for the person it was probably meant to be" "$out" "Councillor Liz Fairhurst"
is "and says so on standard error" "$(cat "$T/err")" \
	"clerk: nobody is called 'Liz Farhurst'; showing the one close match, Councillor Liz Fairhurst"
has "a mistyped surname alone" "$(w Bibawi 2>&1)" "Dr Peter Bibawy"
exits "a mistyped name close to several: exit 1" 1 w "Whitfeld"
has "did you mean, with each" "$(w Whitfeld 2>&1)" "did you mean:"
out=$(w "Zebedee Quux" 2>&1)
exits "nobody like it: exit 1" 1 w "Zebedee Quux"
is "and no wild guesses" "$out" "clerk: nobody matches 'Zebedee Quux'"
is "nothing on standard output when nobody matches" \
	"$(w "Zebedee Quux" 2>/dev/null)" ""

# Machine-readable forms.
out=$(w Bibawy --json)
is "--json" "$(printf '%s' "$out" | python3 -c 'import json,sys
d=json.load(sys.stdin)
p=d["people"][0]["posts"][0]
print(d["date"], p["as"], p["for_member"], p["since"], p["until"])')" \
	"2017-10-05 substitute Dr Andrew Whitfield 2017-05-25 None"
out=$(w whitfield --csv)
ok "--csv parses, a row a post" python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.argv[1], newline="")))
assert len(rows) == 3 and all(len(r) == 11 for r in rows), rows' "$out"
exits "no NAME: exit 2" 2 w
exits "a bad date: exit 2" 2 w Bibawy --at yesterday
has "--help gives the exit codes" "$("$CLERK" who --help)" \
	"Exit status: 0 found, 1 nobody matches, 2 usage error."

# An exact name or an id is found through the indexes: it names that person
# alone, even when it begins someone else's name.
"$top_builddir/tests/lookup/sqlexec" "$db" "INSERT INTO person(id, name)
	VALUES ('7d0c1b9e-3f7a-4c2e-9b1d-5e6f7a8b9c0d', 'Alex Whitfield-Jones')"
out=$(w "alex whitfield")
has "an exact name, in any case" "$out" "Alex Whitfield"
lacks "names that person alone" "$out" "Whitfield-Jones"
has "while part of it finds both" "$(w "alex whit")" "Alex Whitfield-Jones"
out=$(w "DR ANDREW WHITFIELD" --json)
is "an exact name with its honorific" "$(printf '%s' "$out" | python3 -c '
import json, sys
print([p["name"] for p in json.load(sys.stdin)["people"]])')" \
	"['Dr Andrew Whitfield']"
id=$(printf '%s' "$out" | python3 -c '
import json, sys
print(json.load(sys.stdin)["people"][0]["id"])')
is "an id names one person" "$(w "$id" | head -n 1)" "$(w "Dr Andrew Whitfield" | head -n 1)"

done_testing
