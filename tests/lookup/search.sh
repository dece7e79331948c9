#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk search: ranking, phrases, prefixes, filters, exempt items, output
# forms and exit codes, on a small hand-made file (fixture.sql) where the
# right order is known; and the index kept in step with later changes.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lookup/fixture.sh"
first() { s "$@" --best --csv | sed -n 2p | cut -d, -f2-6; }

out=$(s domestic abuse --best)
is "search --best: words found in title, resolution and minute, title first" "$out" \
	"$(cat "$top_srcdir/tests/lookup/expected/search-domestic-abuse.txt")"
lacks "exempt items are left out by default" "$out" "Contract for domestic"
has "--exempt includes them, marked" "$(s domestic --exempt)" \
	"agenda (exempt) · 9 Contract for domestic services"
has "an exempt minute is found with --exempt" "$(s tender --exempt)" \
	"confidential [tender]"
exits "an exempt minute alone is not found without --exempt" 1 s tender
has "--confidential is the same as --exempt" "$(s tender --confidential)" \
	"confidential [tender]"

is "ranking: the item named for it beats a passing mention" \
	"$(first safeguarding)" \
	"Children and Young People Select Committee,2017-07-12,4,Safeguarding in Schools,agenda"
has "porter stemming: safeguarding finds safeguarded" "$(s safeguarding)" \
	"[safeguarded] through"
has "a declaration is found, titled with who declared" "$(s sample)" \
	"declaration"
has "declared interest text is searched" "$(s pharmacy)" \
	"a partner who owns a community [pharmacy]"

# Phrases and prefixes.
has "phrase query" "$(s '"in schools"')" "safeguarding [in schools]"
exits "a phrase in the wrong order finds nothing" 1 s '"schools in"'
out=$(s 'pharma*')
has "prefix query finds pharmacies" "$out" "[pharmacies]"
has "prefix query finds Pharmaceutical" "$out" "[Pharmaceutical] Needs"
has "a hyphenated word is searched as a phrase" "$(s well-being)" "[well-being]"
has "OR" "$(s 'tender OR hub' --csv)" "multi-agency [hub]"
lacks "NOT" "$(s 'safeguarding NOT schools')" "Schools"

# Filters.
out=$(s safeguarding --body cyp --csv)
has "--body keeps the body's hits" "$out" "Children and Young People"
lacks "--body leaves out other bodies" "$out" "Health and Wellbeing"
out=$(s abuse --from 2017-06-29 --csv)
has "--from includes the day itself" "$out" "2017-06-29"
lacks "--from leaves out earlier meetings" "$out" "2017-02-23"
out=$(s abuse --to 2017-02-23 --csv)
has "--to includes the day itself" "$out" "2017-02-23"
lacks "--to leaves out later meetings" "$out" "2017-06-29"
exits "no hit in the period: exit 1" 1 s pharmacy --from 2017-03-01
is "--limit" "$(s safeguarding --csv --limit 2 | wc -l)" "3"

# Output forms.
out=$(s domestic abuse --json --best)
ok "--json parses" python3 -c 'import json,sys; json.loads(sys.argv[1])' "$out"
is "--json --best: hits in rank order with their item" \
	"$(printf '%s' "$out" | python3 -c 'import json,sys
d=json.load(sys.stdin)
for h in d["hits"]:
    print(h["rank"], h["date"], h["item_number"], h["kind"], h["matches"])')" \
	"1 2017-06-29 7 agenda ['Domestic', 'Abuse']
2 2017-06-29 7 resolution ['Domestic', 'Abuse']
3 2017-06-29 7 minute ['Domestic', 'abuse']"
out=$(s domestic abuse --csv)
is "--csv header" "$(printf '%s\n' "$out" | head -1)" \
	"rank,body,date,item,title,kind,exempt,snippet,meeting_id,item_id,minute"$'\r'
has "--csv quotes a field with a comma (RFC 4180)" "$out" \
	'"[Domestic] [abuse] affects one in four women, and the strategy'
ok "--csv parses as CSV with 11 fields a row" python3 -c '
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.argv[1], newline="")))
assert len(rows) == 4 and all(len(r) == 11 for r in rows), rows' "$out"
lacks "no terminal escapes on a pipe" "$(s domestic)" $'\033'

# Exit codes and messages.
exits "found: 0" 0 s abuse
exits "nothing found: 1" 1 s zebra
has "nothing found says so" "$(s zebra 2>&1)" "nothing recorded matches 'zebra'"
exits "unbalanced quote: 2" 2 s '"domestic abuse'
has "a malformed query gets a clear message" "$(s '"domestic abuse' 2>&1)" \
	"cannot search for '\"domestic abuse'"
exits "a dangling OR: 2" 2 s 'abuse OR'
exits "no text: 2" 2 s
exits "a bad date: 2" 2 s abuse --from 29/06/2017
exits "an unknown body: 1" 1 s abuse --body nowhere
exits "an unknown option: 2" 2 s abuse --colour

# A filter that leaves out the best few hundred matches still finds the
# one it keeps (150 short lighthouse minutes in one body outrank the
# single long one in the other).
"$SQLEXEC" "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
FROM n WHERE i < 150) INSERT INTO minute_text(id, meeting_id, item_id, section,
position, body) SELECT 'lh' || i, 'm2', 'i3', 'heard', 10 + i,
'Lighthouse ' || i FROM n;
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
VALUES ('lh-cyp', 'm3', 'i4', 'heard', 5, 'Members asked whether the old ' ||
'harbour lighthouse could host a youth club on the pier in the summer');"
is "--body finds the one match behind 150 better ones" \
	"$(s lighthouse --body cyp --csv | tail -n +2 | cut -d, -f2,3)" \
	"Children and Young People Select Committee,2017-07-12"
is "--from finds the one match dated after them" \
	"$(s lighthouse --from 2017-07-01 --csv | tail -n +2 | cut -d, -f3)" \
	"2017-07-12"
is "without a filter, the best 50" "$(s lighthouse --csv | tail -n +2 | wc -l)" 50

# The index follows changes made after it was built.
"$SQLEXEC" "$db" "UPDATE minute_text SET body = 'Hedgehogs were discussed.' WHERE id = 't2';
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
VALUES ('t9', 'm3', 'i4', 'heard', 2, 'Zebra crossings near schools.');
DELETE FROM resolution WHERE id = 'r1';"
has "an edited minute is found by its new words" "$(s hedgehogs)" "[Hedgehogs]"
exits "and no longer by its old ones" 1 s multi-agency
has "a new minute is found" "$(s zebra)" "[Zebra] crossings"
lacks "a deleted resolution is gone" "$(s domestic abuse)" "resolution"
"$SQLEXEC" "$db" "UPDATE person SET name = 'Ben Renamed' WHERE id = 'p2'"
has "a declaration follows its declarer's new name" "$(s renamed)" \
	"Dr Ben [Renamed]"

done_testing
