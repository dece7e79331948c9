#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk merge of two files of the same council built apart: records that
# are the same thing under different UUIDs (the demo builds its council,
# board, people, seats and meetings with fresh UUIDs each time) are matched
# and each match reported, never copied as silent duplicates; --no-match
# refuses matching and then writes nothing.
. "$top_srcdir/tests/lib.sh"
setup
A="$T/a.db" B="$T/b.db"
counts() { sqlite3 "$1" "SELECT (SELECT count(*) FROM council), (SELECT count(*) FROM body), (SELECT count(*) FROM person), (SELECT count(*) FROM seat), (SELECT count(*) FROM membership), (SELECT count(*) FROM substitute), (SELECT count(*) FROM meeting), (SELECT count(*) FROM agenda_item), (SELECT count(*) FROM attendance), (SELECT count(*) FROM minute_text), (SELECT count(*) FROM resolution), (SELECT count(*) FROM signed_minutes)"; }

$CLERK --db "$A" demo >/dev/null
$CLERK --db "$B" demo >/dev/null
is "the two demo files were built with different UUIDs" \
	"$(sqlite3 "$A" "ATTACH '$B' AS b; SELECT count(*) FROM person p JOIN b.person q ON q.id = p.id")" 0
before=$(counts "$A")
is "the demo holds 2 councils, 2 bodies, 48 people, 27 seats, 5 meetings" \
	"$(echo "$before" | cut -d'|' -f1-4,7)" "2|2|48|27|5"

# --no-match: each pair is a conflict, nothing is written.
audit=$(sqlite3 "$A" "SELECT count(*) FROM audit")
out=$($CLERK --db "$A" merge "$B" --no-match 2>&1); rc=$?
is "--no-match with records to match exits 3" "$rc" 3
has "it names the board that would be matched" "$out" "clerk: conflict: body Health and Wellbeing Board: the same body as this file's under another id (same council and name), not matched (--no-match)"
has "and the meeting, by its date" "$out" "clerk: conflict: the meeting of 5 Oct 2017 (Health and Wellbeing Board): the same meeting"
has "and says nothing was merged" "$out" "with --no-match nothing was merged"
is "nothing was written" "$(counts "$A")" "$before"
is "not even to the audit" "$(sqlite3 "$A" "SELECT count(*) FROM audit")" "$audit"

# Matching: one council, one board, each person once.
out=$($CLERK --db "$A" merge "$B" 2>"$T/err"); rc=$?
err=$(cat "$T/err")
is "the merge completes: exit 0" "$rc" 0
is "no warning: the two files hold the same records" "$err" ""
has "the council match is reported" "$out" "Matched council Hampshire County Council (same name)."
has "the board match" "$out" "Matched body Health and Wellbeing Board (same council and name)."
has "a person's match" "$out" "Matched person Councillor Liz Fairhurst (Hampshire County Council) (same name and organisation)."
has "a seat's match" "$out" "Matched seat Healthwatch Hampshire, on the Health and Wellbeing Board (same body and name)."
has "a meeting's match, by date" "$out" "Matched the meeting of 5 Oct 2017 (Health and Wellbeing Board) (same body and start)."
has "what hangs off them, counted" "$out" "Matched 174 more records under them"
is "each match is one line: 2 councils, 2 bodies, 48 people, 27 seats, 5 meetings" \
	"$(printf '%s\n' "$out" | grep -c '^Matched [a-z]* [^0-9]')" 84
has "nothing new is copied" "$out" "Merged from $B: nothing new."
is "no count grew: no duplicates" "$(counts "$A")" "$before"
is "one Hampshire County Council" "$(sqlite3 "$A" "SELECT count(*) FROM council WHERE name = 'Hampshire County Council'")" 1
is "one board" "$(sqlite3 "$A" "SELECT count(*) FROM body WHERE name = 'Health and Wellbeing Board'")" 1
is "each person once" "$(sqlite3 "$A" "SELECT count(*) FROM (SELECT name, organisation FROM person GROUP BY 1, 2 HAVING count(*) > 1)")" 0
ok "the board can still be named" $CLERK --db "$A" members HWB
ok "the merged file is sound" $CLERK --db "$A" check

# What the other file adds under a matched record comes in under it.
$CLERK --db "$B" meeting add HWB 2017-12-14 10:00 --venue "Elizabeth II Court" >/dev/null
$CLERK --db "$B" item add 2017-12-14 "Pharmaceutical Needs Assessment" >/dev/null
$CLERK --db "$B" person add "Jane Newcomer" --organisation "Healthwatch Hampshire" >/dev/null
out=$($CLERK --db "$A" merge "$B" 2>&1); rc=$?
is "a second merge completes" "$rc" 0
has "the new person, meeting and its items come in" "$out" "1 person, 1 meeting, 8 agenda items."
is "under this file's board" \
	"$(sqlite3 "$A" "SELECT b.name FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.starts_at LIKE '2017-12-14%'")" \
	"Health and Wellbeing Board"
is "still one board" "$(sqlite3 "$A" "SELECT count(*) FROM body")" 2
is "the new person once" "$(sqlite3 "$A" "SELECT count(*) FROM person WHERE name = 'Jane Newcomer'")" 1
is "the old people still once" "$(sqlite3 "$A" "SELECT count(*) FROM person")" 49
done_testing
