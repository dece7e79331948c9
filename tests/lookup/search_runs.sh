#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk search over a period whose documents lie in runs far apart: on the
# hand-made file, the period's first meeting was written early, 9,000
# minutes of a meeting outside the period after it, and another meeting
# of the period after those, as an archive imported a body at a time lies.
# Each run is searched on its own (lookup_search.c, search_runs, with
# --best); the
# answer must be the one of the whole period: the best of every run,
# ranked together, nothing from outside the period, and confidential
# matches that outrank every open one left out without losing the open.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lookup/fixture.sh"

# The first run: m1 (February), written early.
"$SQLEXEC" "$db" "INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
VALUES ('wa', 'm1', 'i1', 'heard', 9, 'Wombat numbers were noted.');"
# Outside the period (July): 9,000 minutes that all match.
"$SQLEXEC" "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9000)
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
SELECT 'out' || i, 'm3', 'i4', 'heard', 10 + i, 'Wombat wombat wombat wombat.' FROM n;"
# The second run: m6 (May), written after them.
"$SQLEXEC" "$db" "INSERT INTO meeting(id, body_id, starts_at, status)
VALUES ('m6', 'b1', '2017-05-10T09:00:00Z', 'closed');
INSERT INTO agenda_item(id, meeting_id, position, number, title, description)
VALUES ('i6', 'm6', 1, '3', 'Wildlife', ''), ('i7', 'm6', 2, '4', 'Tenders', '');
UPDATE agenda_item SET exempt = 1, exempt_paragraph = '3' WHERE id = 'i7';
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
VALUES ('wb', 'm6', 'i6', 'heard', 1, 'Wombat wombat wombat.'),
       ('wc', 'm6', 'i6', 'heard', 2, 'A long report on many things, among them ' ||
        'the census of the county''s hedgehogs, badgers, otters and one wombat.');"
# In the second run too, 150 confidential matches better than every open one.
"$SQLEXEC" "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
SELECT 'ex' || i, 'm6', 'i7', 'heard', 10 + i, 'Wombat wombat wombat wombat.' FROM n;"
gap=$(sqlite3 "$db" "SELECT (SELECT min(id) FROM search_doc WHERE meeting_id = 'm6') -
  (SELECT max(id) FROM search_doc WHERE meeting_id IN ('m1', 'm2'))")
ok "the two runs of the period lie more than 8,192 documents apart" test "$gap" -gt 8192

period=(--from 2017-01-01 --to 2017-06-30)
csv=$(s --best wombat "${period[@]}" --csv)
rows=$(printf '%s\n' "$csv" | tail -n +2)
is "the period's three open matches, from both runs" "$(printf '%s\n' "$rows" | wc -l)" 3
is "ranked together: the best of the second run, the first run's, the weaker" \
	"$(printf '%s\n' "$rows" | cut -d, -f3)" "2017-05-10
2017-02-23
2017-05-10"
out=$(s --best wombat "${period[@]}")
has "the best is the short one" "$(printf '%s\n' "$out" | sed -n 1,3p)" \
	"[Wombat] [wombat] [wombat]."
lacks "nothing from July" "$csv" "2017-07-12"
lacks "nothing confidential" "$out" "Tenders"
is "the same with a body" \
	"$(s --best wombat "${period[@]}" --body HWB --csv | tail -n +2 | cut -d, -f3)" \
	"$(printf '%s\n' "$rows" | cut -d, -f3)"
is "and without the period, July's 9,000 outrank them" \
	"$(s --best wombat --csv --limit 1 | tail -n +2 | cut -d, -f3)" "2017-07-12"
done_testing
