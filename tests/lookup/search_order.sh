#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk search --best ranks every match, not only the newest: on the hand-made
# file, the best wombat minute is recorded first and 1,100 weaker ones
# after it, so a search that ranked only the most recently recorded
# matches would not show it.  Confidential matches better than every open
# one are left out without losing the open ones behind them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lookup/fixture.sh"
s() { "$CLERK" --db "$db" search --best "$@"; }
# The ranks (first CSV column) of the hits, one a line, as printed.
ranks() { s "$@" --csv | tail -n +2 | cut -d, -f1; }

# The best first, the weaker after: the oldest minute is the best.
"$SQLEXEC" "$db" "INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
VALUES ('tb-best', 'm1', 'i1', 'heard', 9, 'Wombat numbers.');"
"$SQLEXEC" "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
SELECT 'tb' || i, 'm3', 'i4', 'heard', 10 + i,
  'A long report on many things, among them the wombat census and more.' FROM n;"
out=$(s wombat --limit 3)
has "the best match over the whole file comes first, though 1,100 are newer" \
	"$out" "[Wombat] numbers."
is "it is the first hit" "$(s wombat --csv --limit 1 | tail -n +2 | cut -d, -f3,6)" \
	"2017-02-23,minute"
lacks "nothing is said about ranking only the newest" "$(s wombat 2>&1)" \
	"most recently recorded"
lacks "nor in JSON" "$(s wombat --json)" "ranked_newest"
r=$(ranks wombat)
is "50 hits by default" "$(printf '%s\n' "$r" | wc -l)" 50
is "best first: the ranks never fall back" "$r" "$(printf '%s\n' "$r" | sort -g)"
# The filters rank every match they keep too.
has "--body: the best of that body's matches" "$(s wombat --body hwb --limit 1)" \
	"[Wombat] numbers."
lacks "... and only that body's" "$(s wombat --body hwb)" "Safeguarding in Schools"
has "--from/--to: the best of the period's" \
	"$(s wombat --from 2017-01-01 --to 2017-03-01 --limit 1)" "[Wombat] numbers."
has "a period without the best gives the next best" \
	"$(s wombat --from 2017-07-01 --limit 1)" "the [wombat] census"

# 150 confidential minutes match better than any open one: the open
# ones are still found, best first, and the confidential ones only with
# --confidential.
"$SQLEXEC" "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
SELECT 'tx' || i, 'm2', 'i3', 'exempt', 2000 + i, 'Wombat wombat wombat.' FROM n;"
out=$(s wombat --limit 5)
lacks "confidential matches are left out, however good" "$out" "Wombat wombat"
has "the open best still comes first behind them" \
	"$(s wombat --limit 1)" "[Wombat] numbers."
is "and the page is full" "$(s wombat --csv --limit 5 | tail -n +2 | wc -l)" 5
has "--confidential puts the better confidential ones first" \
	"$(s wombat --confidential --limit 1)" "[Wombat] [wombat] [wombat]."
has "a filter leaves them out the same way" \
	"$(s wombat --from 2017-01-01 --limit 1)" "[Wombat] numbers."

done_testing
