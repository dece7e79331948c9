#!/bin/bash
# Hostile text: names, titles and minutes holding terminal escape
# sequences, control characters, right-to-left overrides, SQL and HTML
# metacharacters and a 100,000-character paragraph are stored exactly;
# invalid UTF-8 is refused with a clear message; exports escape them (no raw
# <script> in HTML, a well-formed DOCX, no ESC byte anywhere) and the
# console and the look-ups show them without sending a control character to
# the terminal.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup
db=$T/hostile.db
export CLERK_DB=$db
make_live_board "$db" || exit 99
hex() { od -An -tx1 -v | tr -d ' \n'; }
sqlhex() { sqlite3 "$db" "$1" | head -c -1 | hex; } # drop sqlite3's newline
no_esc() { # what text
	! printf '%s' "$2" | LC_ALL=C grep -q $'[\x1b\x07\x9b]'
	_tap_result $? "$1: no ESC, BEL or CSI byte" "$(printf '%s' "$2" | LC_ALL=C grep -a $'[\x1b\x07]' | od -c | head -5)"
}

title=$'Evil \e[31mred\e[0m <script>alert(1)</script> Robert\x27); DROP TABLE event;-- \u202eLTR-override & "q"'
name=$'Eve \e]0;pwned\a <img src=x onerror=alert(1)> \u202eNam\u00e9'
exits "a title with escapes, HTML and SQL is accepted" 0 \
	"$CLERK" item add 2017-10-05 "$title"
is "the title is stored byte for byte" \
	"$(sqlhex "SELECT title FROM agenda_item WHERE title LIKE 'Evil%'")" \
	"$(printf '%s' "$title" | hex)"
is "the event table survived the SQL in the title" \
	"$(sqlite3 "$db" "SELECT count(*) FROM sqlite_schema WHERE name = 'event'")" 1
out=$("$CLERK" item add 2017-10-05 $'Bad \xff\xfe bytes' 2>&1); rc=$?
is "invalid UTF-8 in a title is refused (exit 3)" "$rc" 3
has "with a clear message" "$out" "is not valid UTF-8"
is "and nothing was saved" \
	"$(sqlite3 "$db" "SELECT count(*) FROM agenda_item WHERE title LIKE 'Bad%'")" 0
"$CLERK" seat add Health "Seat 7" >/dev/null
out=$("$CLERK" member add Health "Seat 7" "$name" --from 2017-05-01 2>&1)
is "a person's name with escapes and HTML is stored byte for byte" \
	"$(sqlhex "SELECT name FROM person WHERE name LIKE 'Eve%'")" \
	"$(printf '%s' "$name" | hex)"
if printf '%s' "$out" | LC_ALL=C grep -q $'\x1b'; then
	echo "# NOTE: 'clerk member add' echoes the name's ESC bytes to the terminal (reported)"
fi

# A 100,000-character paragraph of minute text, hostile all through.
python3 - "$T/long.txt" <<'PY'
import sys
unit = "Heard that £2.5m <script>x</script> \x1b[2J \u202e’s café; DROP TABLE minute_text;-- "
text = (unit * (100000 // len(unit) + 1))[:99991] + " LONG-END"
open(sys.argv[1], "w", encoding="utf-8").write(text)
PY
ok "a 100,000-character paragraph is accepted" "$RELTOOL" text "$db" 2017-10-05 "$T/long.txt"
is "it is stored exactly (100,000 characters, same bytes)" \
	"$(sqlite3 "$db" "SELECT length(body) || ' ' || hex(body) FROM minute_text" | cksum)" \
	"$(printf '%s %s\n' 100000 "$(hex <"$T/long.txt" | tr a-f A-F)" | cksum)"

# Characters XML 1.0 does not allow (one U+FFFE made the whole DOCX
# unreadable): written as U+FFFD, visibly.
printf 'Noncharacters \xef\xbf\xbe and \xef\xbf\xbf in NONCHAR-PARA\n' >"$T/nonchar.txt"
ok "a paragraph holding U+FFFE and U+FFFF is accepted" "$RELTOOL" text "$db" 2017-10-05 "$T/nonchar.txt"

# Exports.
for f in text markdown html docx; do
	exits "export $f works" 0 "$CLERK" export 2017-10-05 --format $f -o "$T/m.$f"
done
html=$(cat "$T/m.html")
lacks "HTML: no raw <script>" "$(tr 'A-Z' 'a-z' <<<"$html")" "<script"
lacks "HTML: no raw <img> from a name" "$html" "<img src=x"
has "HTML: the title's tag is escaped" "$(tr 'A-Z' 'a-z' <<<"$html")" "&lt;script&gt;alert(1)&lt;/script&gt;"
has "HTML: the long paragraph is there to its end" "$html" "LONG-END"
no_esc "HTML" "$html"
no_esc "text" "$(cat "$T/m.text")"
has "text: the long paragraph is there to its end" "$(cat "$T/m.text")" "LONG-END"
no_esc "Markdown" "$(cat "$T/m.markdown")"
docxml=$(unzip -p "$T/m.docx" word/document.xml)
ok "DOCX: document.xml is well-formed XML" xmllint --noout <(printf '%s' "$docxml")
ok "DOCX: the package passes unzip -t" unzip -tq "$T/m.docx"
for part in $(unzip -Z1 "$T/m.docx" | grep '\.xml$\|\.rels$'); do
	pat=$(sed 's/[][]/\\&/g' <<<"$part") # unzip takes a pattern
	ok "DOCX: $part is well-formed XML" xmllint --noout <(unzip -p "$T/m.docx" "$pat")
done
has "DOCX: the paragraph is there" "$docxml" "NONCHAR-PARA"
lacks "DOCX: no U+FFFE" "$docxml" $'\xef\xbf\xbe'
lacks "DOCX: no U+FFFF" "$docxml" $'\xef\xbf\xbf'
has "DOCX: U+FFFD in their place" "$docxml" $'Noncharacters \xef\xbf\xbd and \xef\xbf\xbd'
lacks "HTML: no U+FFFE" "$html" $'\xef\xbf\xbe'
has "HTML: U+FFFD in its place" "$html" $'Noncharacters \xef\xbf\xbd'
ok "HTML: well-formed enough for xmllint --html" xmllint --html --noout "$T/m.html"
no_esc "DOCX" "$docxml"
lacks "DOCX: no raw <script> element" "$docxml" "<script>"

# The console: a script-mode screen dump holds no control character.
cat >"$T/keys" <<'KEYS'
y
@dump open
n
@dump item1
KEYS
mkdir -p "$T/dump"
ok "the console runs over the hostile meeting" \
	"$CLERK" live 2017-10-05 --script "$T/keys" --dump "$T/dump" --size 120x40
for d in open item1; do
	screen=$(cat "$T/dump/$d.txt" 2>/dev/null)
	[ -n "$screen" ]; _tap_result $? "console dump $d was written"
	no_esc "console dump $d" "$screen"
	lacks "console dump $d: no right-to-left override" "$screen" $'\u202e'
done
has "the console shows the hostile title (made safe)" "$(cat "$T/dump/open.txt")" "Evil ?[31mred"

# Look-ups.
for a in "item list 2017-10-05" "members Health" "who Eve" "search script"; do
	out=$("$CLERK" $a 2>&1)
	no_esc "clerk $a" "$out"
	lacks "clerk $a: no right-to-left override" "$out" $'\u202e'
done

done_testing
