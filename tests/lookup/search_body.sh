#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk search --body through the token of each document's body in the
# search index (schema step 16): a body's hits are the hits of the words
# alone that are the body's, in the same order, with the same scores and
# snippets; the token follows a meeting moved to another body; no word a
# user types ever finds it, and text that happens to spell it is only text.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lookup/fixture.sh"

# The hits of a search, one a line: body, date, item, kind, score (with
# --best), snippet.
hits() {
	s "$@" --json 2>/dev/null | python3 -c 'import json, sys
text = sys.stdin.read()
for h in json.loads(text)["hits"] if text else []:
    if h["kind"] != "attendance":
        print(h["short_name"], h["date"], h["item_id"], h["kind"],
              repr(h.get("score")), h["snippet"])'
}
for qb in safeguarding:HWB safeguarding:CYP abuse:HWB 'domestic abuse:HWB' \
	'school*:CYP' '"in schools":CYP' 'consulted OR strategy:HWB'; do
	q=${qb%:*} b=${qb##*:}
	got=$(hits "$q" --body "$b" --best)
	ok "--body $b: '$q' has hits" test -n "$got"
	is "--body $b: the hits of '$q' there, as ranked and scored alone" \
		"$got" "$(hits "$q" --best | grep "^$b " || true)"
	is "--body $b: the hits of '$q' there, newest first as alone" \
		"$(hits "$q" --body "$b")" "$(hits "$q" | grep "^$b " || true)"
done
exits "--body of a body without the words: nothing" 1 s abuse --body cyp

# The scores are bm25's over an index of title and body alone, as they
# were before the index held each document's body: worked out by the
# sqlite3 shell on a copy with such an index.
cp "$db" "$T/plain.db"
bm25() {
	sqlite3 "$T/plain.db" "SELECT printf('%!.17g', bm25(p, 2.0, 1.0)) FROM p
WHERE p MATCH '$1' ORDER BY bm25(p, 2.0, 1.0), rowid"
}
sqlite3 "$T/plain.db" "CREATE VIRTUAL TABLE p USING fts5(title, body,
content='search_doc', content_rowid='id',
tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO p(p) VALUES ('rebuild')"
scores() {
	s "$@" --json --best --confidential 2>/dev/null | python3 -c 'import json, sys
for h in json.load(sys.stdin)["hits"]:
    if h["kind"] != "attendance":
        print("%.17g" % h["score"])'
}
for q in safeguarding 'domestic abuse' schools; do
	is "the scores of '$q' are bm25's over title and body" \
		"$(scores "$q")" "$(bm25 "$q")"
done

# A meeting moved to another body is that body's.
"$SQLEXEC" "$db" "UPDATE meeting SET body_id = 'b1' WHERE id = 'm3'"
has "a meeting moved to a body is found with it" \
	"$(s safeguarding --body hwb --csv)" "2017-07-12"
exits "and no longer with the body it left" 1 s safeguarding --body cyp
"$SQLEXEC" "$db" "UPDATE meeting SET body_id = 'b2' WHERE id = 'm3'"
has "moved back, it is found there again" \
	"$(s safeguarding --body cyp --csv)" "2017-07-12"

# The token of a body: what a word would have to be to reach it.
tok=$(sqlite3 "$db" "SELECT '0b' || hex(id) FROM body WHERE id = 'b2'")
exits "a word spelling a body's token finds nothing" 1 s "$tok"
exits "nor does it as a prefix" 1 s '0b*'
exits "nor in the column that holds it" 1 s "scope:$tok"
exits "nor with the body named" 1 s "$tok" --body cyp
"$SQLEXEC" "$db" "INSERT INTO minute_text(id, meeting_id, item_id, section,
position, body) VALUES ('t-tok', 'm1', 'i1', 'heard', 9,
'Safeguarding code $tok was read out.')"
has "text that spells a token is found as text" "$(s "$tok")" "[$tok]"
lacks "and does not make its meeting the token's body's" \
	"$(s safeguarding --body cyp)" "HWB"
lacks "no snippet shows a token" "$(s safeguarding --body cyp --csv)" "0b62"

# A malformed query is refused with the words FTS5 has for it alone.
is "a dangling OR with --body: the message it has without" \
	"$(s 'abuse OR' --body cyp 2>&1)" "$(s 'abuse OR' 2>&1)"
exits "and exit 2" 2 s 'abuse OR' --body cyp
for o in "" --best; do
	is "a dangling OR with a period${o:+ and $o}: the message it has without" \
		"$(s 'abuse OR' --from 2017-01-01 $o 2>&1)" "$(s 'abuse OR' 2>&1)"
	exits "and exit 2${o:+ ($o)}" 2 s 'abuse OR' --from 2017-01-01 --body hwb $o
done

done_testing
