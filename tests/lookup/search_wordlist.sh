#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A prefix (safeg*) stands for the words of the search index that start
# with it, read from the index's list of its words (schema step 18) rather
# than from FTS5's vocabulary, which counts every document of each word it
# lists.  The list must hold every word the index does, folded as the
# index folds them: each command lists the words it wrote as it ends; a
# document changed by another program is noted, and searched by the
# vocabulary until a writer lists it; many noted at once are listed from
# the vocabulary; a list changed by hand is named by clerk check and made
# again by clerk check --repair.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_NOW=2017-10-05T08:00:00Z
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null
s() { "$CLERK" --db "$db" search "$@"; }
q() { sqlite3 "$db" "$1"; }
unlisted() {
	q "SELECT count(*) FROM search_words_vocab v WHERE NOT EXISTS
	     (SELECT 1 FROM search_wordlist w WHERE w.word = v.term)"
}
noted() { q "SELECT count(*) FROM search_wordlist_todo"; }

is "every word of the demo is listed" "$(unlisted)" 0
is "... once, and no other" "$(q "SELECT count(*) FROM search_wordlist")" \
	"$(q "SELECT count(*) FROM search_words_vocab")"
is "nothing is left noted" "$(noted)" 0

# Words as a clerk types them, folded as the index folds them.
"$CLERK" --db "$db" item add 2017-10-05 \
	"Caffi Ŵyddgrug: naïve, sustainably-sourced catering 2017/18" >/dev/null
is "a new item's words are listed as the command ends" \
	"$(q "SELECT group_concat(word, ' ') FROM search_wordlist WHERE word IN
	      ('caffi', 'wyddgrug', 'naive', 'sustainably', 'sourced', '2017', '18')")" \
	"18 2017 caffi naive sourced sustainably wyddgrug"
is "... every one of them" "$(unlisted)" 0
is "... and the note cleared" "$(noted)" 0
ok "an item's text is edited (a write that commits on its own)" \
	"$CLERK" --db "$db" item edit 2017-10-05 1 --description "Sent by the quetzal keepers"
is "its new words are listed as that command ends" \
	"$(q "SELECT count(*) FROM search_wordlist WHERE word = 'quetzal'") $(noted)" "1 0"
has "... and a prefix finds them" "$(s 'quetz*')" "[quetzal]"
has "a prefix of a word with a circumflex finds it" "$(s 'wyddg*')" "[Ŵyddgrug]"
has "... typed with the circumflex too" "$(s 'ŵyddg*')" "[Ŵyddgrug]"
has "a prefix finds the new word and the demo's" "$(s 'sustainab*' --csv)" "sustainably"
is "... and the demo's sustainability plan" \
	"$(s 'sustainab*' --csv | tail -n +2 | cut -d, -f3 | sort -u | tr '\n' ' ')" "2017-06-29 2017-10-05 "

# A document changed by a program that is not clerk is noted by the
# file's own triggers: until a writer lists its words, a prefix reads the
# vocabulary and still finds them.
q "UPDATE search_doc SET body = body || ' zymurgy' WHERE src = 'item' AND title LIKE 'Caffi%'"
is "another program's change is noted" "$(noted)" 1
has "a prefix finds its new word all the same" "$(s 'zymurg*')" "[zymurgy]"
is "a look-up lists nothing (it does not write)" "$(noted)" 1
"$CLERK" --db "$db" item add 2017-10-05 "Allotments" >/dev/null
is "the next command that writes lists it" \
	"$(q "SELECT count(*) FROM search_wordlist WHERE word IN ('zymurgy', 'allotments')")" 2
is "... and clears the note" "$(noted)" 0

# Many documents noted at once (an import, a program that is not clerk)
# are listed from the vocabulary in one pass.
q "DELETE FROM search_wordlist WHERE word = 'zymurgy';
WITH RECURSIVE n(i) AS (SELECT 1000000 UNION ALL SELECT i + 1 FROM n WHERE i < 1001500)
INSERT INTO search_wordlist_todo SELECT i FROM n"
has "with 1,501 noted, a prefix reads the vocabulary" "$(s 'zymurg*')" "[zymurgy]"
"$CLERK" --db "$db" item add 2017-10-05 "Bus shelters" >/dev/null
is "the next writer lists every word from it" "$(unlisted)" 0
is "... and clears the notes" "$(noted)" 0

# A list changed by hand: the prefix misses the words it lacks, clerk
# check names them, and clerk check --repair makes the list again.
q "DELETE FROM search_wordlist WHERE word IN ('sustainability', 'sustainably')"
exits "a prefix misses the words the list lacks" 1 s 'sustainab*'
out=$("$CLERK" --db "$db" check)
is "clerk check exits 4 for them" "$?" 4
has "... and says how many, and what it costs" "$out" \
	"search: 2 words of the search index are not in its list of words: a search by prefix (safeg*) may not find them"
has "... and what to do" "$out" "run 'clerk check --repair' to file the search index again"
lacks "... with nothing else to restore" "$out" "restore clerk's own triggers"
has "--repair lists them again" "$("$CLERK" --db "$db" check --repair)" \
	"search:       2 words listed again for search by prefix"
has "the prefix finds them again" "$(s 'sustainab*')" "[SUSTAINABILITY]"
has "and the file is sound" "$("$CLERK" --db "$db" check)" "is sound"

# A word of a list made by hand cannot break the query it is put in.
q "INSERT INTO search_wordlist VALUES ('sustainab\"le OR x')"
has "a listed word holding a quote is searched as one word" "$(s 'sustainab*')" "[SUSTAINABILITY]"
done_testing
