#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Commands keep the search index merged (issue 17): no commit merges its
# segments since schema step 13; the console merges when idle, and a
# command, never idle, merges once as it closes.  Else commands piled
# segments up to FTS5's crisismerge (sixteen a level, in each of the two
# indexes) for every search to read.
. "$top_srcdir/tests/lib.sh"
setup
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null
sql() { sqlite3 -batch -noheader "$db" "$1"; }
segments() {
	sql "SELECT (SELECT count(DISTINCT segid) FROM search_fts_idx) +
	        (SELECT count(DISTINCT segid) FROM search_words_idx)"
}
# Each index in one segment to begin with.
sql "INSERT INTO search_fts(search_fts) VALUES ('optimize');
     INSERT INTO search_words(search_words) VALUES ('optimize');"
is "one segment per index" "$(segments)" 2
# An item added writes several segments to each index (the item, and the
# items after it renumbered); the most seen after any command is kept.
added=0 most=0
for i in $(seq 1 15); do
	"$CLERK" --db "$db" item add 2017-10-05 "Zebra crossing $i" >/dev/null &&
		added=$((added + 1))
	n=$(segments)
	[ "$n" -gt "$most" ] && most=$n
done
is "fifteen items added, a command each" "$added" 15
ok "after every command the index stays merged (at most $most segments)" \
	test "$most" -le 10
is "every item is found" "$("$CLERK" --db "$db" search zebra --csv --limit 100 | tail -n +2 | wc -l)" 15
is "the search indexes are whole" \
	"$(sql "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1);
	INSERT INTO search_words(search_words, rank) VALUES ('integrity-check', 1); SELECT 'whole'")" whole
done_testing
