#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk browse, the look-up console, driven by keystroke scripts on the demo
# board and compared screen by screen (script mode: no terminal needed).
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_NOW=2017-10-05T08:00:00Z
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null
keys=$top_srcdir/tests/lookup/browse
expected=$top_srcdir/tests/lookup/expected/browse
b() { "$CLERK" --db "$db" browse "$@" --dump "$T" --size 90x24; }

ok "membership, a person, who with did you mean, bodies" \
	b hwb --script "$keys/members-person.keys"
for s in members person did-you-mean bibawy bodies; do
	is "screen: $s" "$(cat "$T/$s.txt")" "$(cat "$expected/$s.txt")"
done
ok "search, and a hit opening the minutes at its item" \
	b --script "$keys/search-minutes.keys"
for s in search minutes; do
	is "screen: $s" "$(cat "$T/$s.txt")" "$(cat "$expected/$s.txt")"
done

# o puts a search's hits in the other order, and back.
printf 's\nvice chairman<Enter>\n@expect 3 hits, newest first\no\n@expect 3 hits, best match first\n@dump best\no\n@expect 3 hits, newest first\n@dump newest\nq\n' >"$T/o.keys"
ok "o: the hits best match first, then newest first again" b --script "$T/o.keys"
kinds() { grep -o '· [a-z]* · 5 ELECTION' "$1" | cut -d' ' -f2 | tr '\n' ' '; }
is "best match first: the order of search --best" "$(kinds "$T/best.txt")" \
	"$(s() { "$CLERK" --db "$db" search "$@"; }; s vice chairman --best --csv |
		tail -n +2 | cut -d, -f6 | tr '\n' ' ')"
is "newest first again: the screen it left" "$(kinds "$T/newest.txt")" \
	"$(kinds "$T/search.txt")"
printf '@expect Dr Andrew Whitfield\n@expect ATTENDANCE\nq\n' >"$T/p.keys"
ok "--person opens the person's page" b --person "Andrew Whitfield" --script "$T/p.keys"
printf '@expect Search: hedgehogs\n@expect Nothing recorded matches\nq\n' >"$T/s.keys"
ok "--search with no hit says so" b --search hedgehogs --script "$T/s.keys"
printf '@expect no such text anywhere\nq\n' >"$T/f.keys"
exits "a failed @expect fails the run (the checks above can fail)" 3 \
	b hwb --script "$T/f.keys"
exits "--person with a mistyped name: exit 1 before the console starts" 1 \
	b --person "Liz Farhurst" --script "$T/p.keys"
exits "a body and --search: exit 2" 2 b hwb --search x --script "$T/p.keys"
has "browse is in clerk --help" "$("$CLERK" --help)" "  browse "

done_testing
