#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The file's idle work is done while the clerk types in the editor (issue
# 17): the editor's loop took the ticks the console's screen would have
# had, so the search index's segments, which no commit merges (schema step
# 13), piled up while the clerk typed point after point.  A tick inside
# the editor now merges them.  Since schema step 14 the console's commits
# write nothing to the search index: its points are noted and indexed
# when it is idle, or as it closes.
. "$top_srcdir/tests/ui/ui_lib.sh"

segments() {
	sql "SELECT (SELECT count(DISTINCT segid) FROM search_fts_idx) +
	        (SELECT count(DISTINCT segid) FROM search_words_idx)"
}

# Each index in one segment to begin with (the demo's commits left several).
sql "INSERT INTO search_fts(search_fts) VALUES ('optimize');
     INSERT INTO search_words(search_words) VALUES ('optimize');"
# Twelve points with no idle moment: no commit writes a segment; the
# console indexes the twelve as it closes, one segment to each index.
keys=$'y\na\nP\n<Tab>\nn\n'
for i in $(seq 1 12); do
	keys+=$'h\n'"Point $i heard from the quokka"$'\n<C-s>\n'
done
keys+=$'q\ny\n'
before=$(segments)
ui_run points 2017-10-05 <<<"$keys"
is "twelve points recorded (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
piled=$(segments)
is "the commits wrote no segment; the close one to each index" \
	"$before $piled" "2 4"
is "nothing is left noted" "$(sql "SELECT count(*) FROM search_pending")" 0
is "... and the points' words are listed for a prefix as it closes" \
	"$(sql "SELECT count(*) FROM search_wordlist WHERE word = 'quokka'") $(sql "SELECT count(*) FROM search_wordlist_todo")" "1 0"

# Segments that other writers' commits wrote one by one (twelve rows
# changed, each in its own commit: one segment to each index each).
for i in $(seq 1 12); do
	sql "UPDATE search_doc SET body = body || ' okapi$i'
	     WHERE id = (SELECT max(id) FROM search_doc)"
done
piled=$(segments)

# One more, with a tick while its editor is open.
ui_run tick 2017-10-05 <<'KEYS'
h
@clock +5s
One more point heard
<C-s>
q
y
KEYS
is "one more recorded (exit 0)" "$UI_RC" 0
is "nothing went wrong there" "$UI_ERR" ""
after=$(segments)
ok "the tick in the editor merged them ($piled segments, then $after)" \
	test "$after" -lt "$piled"
is "every point is found" \
	"$(sql "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'point AND heard'")" 13
is "the search indexes are whole" \
	"$(sql "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1);
	        INSERT INTO search_words(search_words, rank) VALUES ('integrity-check', 1);
	        SELECT 'ok'")" ok
is "the words other writers wrote meanwhile are listed by the console" \
	"$(sql "SELECT count(*) FROM search_wordlist WHERE word LIKE 'okapi%'") $(sql "SELECT count(*) FROM search_wordlist_todo")" "12 0"
done_testing
