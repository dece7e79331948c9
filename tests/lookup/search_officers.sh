#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Search as officers use it: a prefix finds the words that start with it
# (not only stems that do: "sustainab*" finds "sustainability", whose stem
# is "sustain"); people's names find their attendance and apologies (and
# declarations); each hit of a meeting held shows its minute number beside
# the meeting's date; and the look-ups added use their indexes.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_NOW=2017-10-05T08:00:00Z
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null
s() { "$CLERK" --db "$db" search "$@"; }

out=$(s 'sustainab*' --csv)
is "sustainab* finds the sustainability plan at both meetings" \
	"$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f3 | sort -u | tr '\n' ' ')" "2017-06-29 2017-10-05 "
has "inspecti* finds the inspection" "$(s 'inspecti*')" "[inspection]"
has "a prefix of the stem still works" "$(s 'sustain*')" "[SUSTAINABILITY]"
has "a prefix inside a query with other words" "$(s 'sustainab* transformation')" "TRANSFORMATION"
exits "a prefix matching no word: nothing" 1 s 'zzyzx*'
has "a quoted phrase is left alone" "$(s '"transformation plan"')" "[TRANSFORMATION PLAN]"

out=$(s 'sustainab*')
has "a hit of a meeting held shows its minute number and date" "$out" \
	"HWB · 2017-06-29 · minute 11. · agenda · 11 HAMPSHIRE AND ISLE OF WIGHT SUSTAINABILITY AND TRANSFORMATION PLAN"
has "a meeting not yet held has no minute number" "$out" \
	"HWB · 2017-10-05 · agenda · 8 HAMPSHIRE"
is "the CSV gives the minute number" \
	"$(s 'sustainab*' --csv | tail -n +2 | awk -F, '{print $3 "=" $NF}' | tr -d '\r' | sort -u | tr '\n' ' ')" "2017-06-29=11. 2017-10-05= "
has "the JSON too" "$(s 'sustainab*' --json)" '"minute": "11."'

# Names: attendance, apologies with their reasons, declarations.
out=$(s Crocker)
has "an apology is found by the name" "$out" "HWB · 2017-06-29 · minute 1. · attendance · 1 APOLOGIES FOR ABSENCE"
has "... with its reason" "$out" "[Steve Crocker]: apologies - due to attending the Isle of Wight Health and Wellbeing Board meeting"
has "attendance is found by the name" "$(s 'Liz Fairhurst' --csv)" ",attendance,no,[Councillor Liz Fairhurst]: present,"
has "a substitute, with whom they stood in for" "$(s Bibawy)" "[Dr Peter Bibawy]: substitute for Dr Andrew Whitfield"
exits "the filters apply to names too" 1 s Crocker --from 2017-07-01
exits "nobody of that name: nothing" 1 s Zebedee

# The words a prefix stands for come from a range of the vocabulary's
# index, not a scan of it.
plan=$(sqlite3 "$db" "EXPLAIN QUERY PLAN SELECT term FROM search_words_vocab WHERE term >= 'sus' AND term < 'sut' ORDER BY term LIMIT 64")
has "the vocabulary is read as a range" "$plan" "VIRTUAL TABLE INDEX 6"
lacks "... already in order" "$plan" "TEMP B-TREE"

# The index of words follows changes like the index of stems.
vocab() { sqlite3 "$db" "SELECT term FROM search_words_vocab WHERE term >= 'sustainabl' AND term < 'sustainabm'"; }
"$CLERK" --db "$db" item add 2017-10-05 "Sustainably sourced catering" >/dev/null
is "a new item's words are in the index of words" "$(vocab)" "sustainably"
has "... and found by a prefix" "$(s 'sustainably*')" "[Sustainably] sourced catering"
ok "the item is deleted" "$CLERK" --db "$db" item delete 2017-10-05 "Sustainably sourced"
is "its words leave the index" "$(vocab)" ""

done_testing
