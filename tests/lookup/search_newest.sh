#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk search lists the newest meeting first (the default; --best ranks):
# hits by their meeting's start, a meeting's hits in agenda order, and the
# first line says so.  On the hand-made file with 36 more months of
# meetings whose 1,000 minutes hold "otter", the months are read one by one
# from the newest (search_newest.c, schema step 17);
# every answer must be the one of dating every match and sorting them all,
# which the sqlite3 shell works out here: the default page, a long one, a
# body, a period, confidential matches left out (a whole page of them in
# the newest month) or, with --confidential, in.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lookup/fixture.sh"

# clerk's hits, one a line: meeting|item|kind (attendance left out).
hits() {
	s "$@" --json | jq -r '.hits[] | select(.kind != "attendance") |
		[.meeting_id, .item_id, .kind] | join("|")'
}
# The same question asked of every match: $1 the words, $2 more conditions
# on meeting m, $3 the limit, $4 1 to keep confidential matches.
exempt="(coalesce(ai.exempt, 0) OR EXISTS (SELECT 1 FROM minute_text t
  WHERE t.id = d.src_id AND t.section = 'exempt'))"
newest() {
	sqlite3 -separator '|' "$db" "SELECT d.meeting_id, coalesce(d.item_id, ''),
replace(d.src, 'item', 'agenda') FROM search_fts f
JOIN search_doc d ON d.id = f.rowid JOIN meeting m ON m.id = d.meeting_id
LEFT JOIN agenda_item ai ON ai.id = d.item_id
WHERE search_fts MATCH '{title body} : $1' ${2:-} AND (${4:-0} OR NOT $exempt)
ORDER BY m.starts_at DESC, m.id, coalesce(ai.position, 0), d.id LIMIT ${3:-50}"
}

# The small file: few matches, dated all at once.
out=$(s strategy)
is "the first line says how the hits are ordered" "$(printf '%s\n' "$out" | head -1)" \
	"3 hits, newest meeting first (--best: best match first)"
is "--best says it ranks" "$(s strategy --best | head -1)" \
	"3 hits, best match first"
is "the hits, newest meeting first, in agenda order" "$(hits strategy)" \
	"$(newest strategy)"
dates=$(s strategy --csv | tail -n +2 | cut -d, -f3)
is "their dates never rise" "$dates" "$(printf '%s\n' "$dates" | sort -r)"
is "JSON says the order" "$(s strategy --json | jq -r .order)" newest
is "and gives no score" "$(s strategy --json | jq '[.hits[] | has("score")] | any')" \
	false
is "--best: JSON says so, with bm25's scores" \
	"$(s strategy --best --json | jq -r '.order, ([.hits[] | has("score")] | all)')" \
	"best
true"

# 36 months of meetings (2014 to 2016), the two bodies by turns, each
# with an item and 28 minutes holding "otter"; a meeting of each body on
# the same day in April 2016; in the newest month 150 confidential
# minutes, more than the first page read.
"$SQLEXEC" "$db" "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 35)
INSERT INTO meeting(id, body_id, starts_at, status)
SELECT 'om' || i, CASE i % 2 WHEN 0 THEN 'b1' ELSE 'b2' END,
  printf('%04d-%02d-%02dT10:00:00Z', 2014 + i / 12, i % 12 + 1, 3 + i % 20), 'closed'
FROM n;
INSERT INTO meeting(id, body_id, starts_at, status)
SELECT 'om-same', 'b1', starts_at, 'closed' FROM meeting WHERE id = 'om27';
INSERT INTO agenda_item(id, meeting_id, position, number, title, description)
SELECT 'oi-' || id, id, 2, '2', 'Wildlife', 'The otter survey' FROM meeting
WHERE id LIKE 'om%';
INSERT INTO agenda_item(id, meeting_id, position, number, title, description)
SELECT 'oa-' || id, id, 1, '1', 'Otter holts', '' FROM meeting WHERE id LIKE 'om%';"
"$SQLEXEC" "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 28)
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
SELECT 'ot-' || m.id || '-' || i, m.id, 'oi-' || m.id, 'heard', i,
  'The otter count was reported, ' || i || '.' FROM meeting m, n WHERE m.id LIKE 'om%';
UPDATE agenda_item SET exempt = 1, exempt_paragraph = '3' WHERE id = 'oa-om35';"
"$SQLEXEC" "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
SELECT 'ox' || i, 'om35', 'oa-om35', 'exempt', 100 + i, 'Otter otter otter.' FROM n;"
many=$(sqlite3 "$db" "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'otter'")
ok "more than 850 matches (the most dated at once for a page of 600 over 43 months): the months are read one by one" test "$many" -gt 850

is "the newest 50, as dating every match gives them" "$(hits otter)" "$(newest otter)"
is "300 of them" "$(hits otter --limit 300)" "$(newest otter '' 300)"
is "--confidential: the newest month's confidential minutes first" \
	"$(hits otter --confidential --limit 200)" "$(newest otter '' 200 1)"
is "--body CYP: that body's newest" "$(hits otter --body CYP)" \
	"$(newest otter "AND m.body_id = 'b2'")"
is "a period: its newest" "$(hits otter --from 2015-03-01 --to 2015-08-31 --limit 80)" \
	"$(newest otter "AND m.starts_at >= '2015-03-01' AND m.starts_at < '2015-09-01'" 80)"
is "a period and a body" "$(hits otter --from 2014-01-01 --to 2014-12-31 --body HWB)" \
	"$(newest otter "AND m.starts_at < '2015-01-01' AND m.body_id = 'b1'")"
same=$(s otter --csv --limit 400 | tail -n +2 | grep -c '2016-04-' || true)
is "both meetings of the same day are listed" "$same" 60

# A meeting moved to a later month moves in the order.
"$SQLEXEC" "$db" "UPDATE meeting SET starts_at = '2017-01-10T10:00:00Z' WHERE id = 'om3'"
is "a meeting moved to January 2017 comes first" \
	"$(hits otter --limit 1 | cut -d'|' -f1)" om3
is "and the whole order is still every match's" "$(hits otter --limit 120)" \
	"$(newest otter '' 120)"

# No word reaches a month's token.
tok=$(sqlite3 "$db" "SELECT substr(scope, instr(scope, '0m')) FROM search_doc
WHERE meeting_id = 'om3' LIMIT 1")
is "the token is the meeting's month" "$tok" 0m201701
exits "a word spelling a month's token finds nothing" 1 s "$tok"
exits "nor as a prefix" 1 s '0m*'
exits "nor in the column that holds it" 1 s "scope:$tok"

# A meeting dated in the year 1 and one dated in no year (a file changed
# by a program that is not clerk): every match is dated at once, in the
# same order.
sqlite3 "$db" "INSERT INTO meeting(id, body_id, starts_at, status)
VALUES ('old1', 'b1', '0001-01-01T10:00:00Z', 'closed'), ('oldx', 'b1', 'soon', 'closed')"
ok "their items are recorded" "$SQLEXEC" "$db" "INSERT INTO agenda_item(id, meeting_id,
position, number, title, description) VALUES ('oi-old1', 'old1', 1, '1', 'Otters', ''),
('oi-oldx', 'oldx', 1, '1', 'Otters', '')"
is "a meeting of the year 1: every match in order" "$(hits otter --limit 2000)" \
	"$(newest otter '' 2000)"
is "the undated meeting first, the year 1 last, as their dates sort" \
	"$(hits otter --limit 2000 | sed -n '1p;$p' | cut -d'|' -f1)" "oldx
old1"
"$SQLEXEC" "$db" "DELETE FROM agenda_item WHERE id IN ('oi-old1', 'oi-oldx');
DELETE FROM meeting WHERE id IN ('old1', 'oldx')"

# Records filed under another month (the file changed by a program that
# is not clerk): the search misses them, clerk check names them, and
# clerk check --repair files them again.
sqlite3 "$db" "UPDATE search_doc SET scope = replace(scope, '0m201701', '0m201401')
WHERE meeting_id = 'om3'"
is "a meeting's records filed under another month are missed" \
	"$(hits otter --limit 1 | cut -d'|' -f1)" om35
out=$("$CLERK" --db "$db" check)
is "clerk check exits 4 for them" "$?" 4
has "and says how many, and what it costs" "$out" \
	"search: 30 records are filed in the search index under another body or month than their meeting's: a search may not find them"
has "and what to do" "$out" "run 'clerk check --repair' to file the search index again"
has "--repair files them again" "$("$CLERK" --db "$db" check --repair)" \
	"search:       30 records filed again under their meeting's body and month"
is "the meeting is found first again" "$(hits otter --limit 1 | cut -d'|' -f1)" om3
has "and the file is sound" "$("$CLERK" --db "$db" check)" "is sound"
done_testing
