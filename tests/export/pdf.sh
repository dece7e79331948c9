#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/pdf.sh: the PDF is one a council can publish as it is, read
# back with poppler's tools: its text in the minutes' order, "Page N of M"
# and the footer on every page, CONFIDENTIAL on every page of a confidential
# copy and on none of the public one, the title, author and pages in its
# properties, every font embedded, bookmarks, tags and language, the
# signature on the page of the last minute, the minute book's numbering.
# Page 1 is rendered to tests/export/pdf-page1.png (and the confidential
# copy's to pdf-confidential-page1.png) so that a failure can be looked at.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
clerk() { "$CLERK" --db "$DB" "$@"; }
need pdftotext pdfinfo pdffonts pdftoppm || { done_testing; exit; }

# Text every format must carry whole: Welsh and accented letters.
clerk item add 2024-03-14 "Cronfa Gŵyl Dewi a'r Tŷ Cymuned" \
	--description "Adroddiad ar yr ŵyl; café, naïve, Ŷ and Ŵ." >/dev/null

exits "pdf needs -o" 2 clerk export 2024-03-14 --format pdf
exits "minutes written as PDF" 0 clerk export 2024-03-14 --format pdf -o "$T/m.pdf"
ok "the file is a PDF" sh -c "head -c 5 '$T/m.pdf' | grep -q '%PDF-'"
info=$(pdfinfo "$T/m.pdf" 2>&1)
has "title in the properties" "$info" "Title:           Minutes of the Audit Committee, 14 March 2024"
has "author is the council" "$info" "Author:          Testshire County Council"
has "A4 pages" "$info" "(A4)"
has "tagged" "$info" "Tagged:          yes"
pages=$(printf '%s\n' "$info" | sed -n 's/^Pages: *//p')
ok "more than one page (enough text to turn a page)" test "${pages:-0}" -ge 2
ok "the language is set (catalog /Lang)" grep -aq "/Lang (en-GB)" "$T/m.pdf"
ok "headings are bookmarks" grep -aq "/Title (4. BUDGET MONITORING)" "$T/m.pdf"
ok "the title is the first bookmark" grep -aq "/Title (Minutes of the Audit Committee, 14 March 2024)" "$T/m.pdf"
struct=$(pdfinfo -struct "$T/m.pdf" 2>&1)
has "the title is tagged H1" "$struct" "H1"
has "minute headings are tagged H2" "$struct" "H2"
has "lists are tagged L and LI" "$struct" "LI"
# The attendance is a table: rows (TR) of a marker cell (TD) and the
# person's name as the row's header (TH), as the HTML has it.
has "the attendance is tagged as a Table" "$struct" "Table"
stext=$(pdfinfo -struct-text "$T/m.pdf" 2>&1)
has "of rows" "$stext" "TR"
has "whose header is the person" "$(printf '%s\n' "$stext" | grep -A1 -E '^ *TH' | tr -s ' \n' '  ')" "Councillor Ann Chair"
has "and whose cell is the marker" "$(printf '%s\n' "$stext" | grep -A1 -E '^ *TD' | tr -s ' \n' '  ')" '"p"'

fonts=$(pdffonts "$T/m.pdf" | tail -n +3)
ok "fonts are listed" test -n "$fonts"
notemb=$(printf '%s\n' "$fonts" | awk 'NF && $(NF-4) != "yes"')
is "every font is embedded" "$notemb" ""

text=$(pdftotext "$T/m.pdf" - 2>&1)
flat=$(printf '%s' "$text" | tr -s ' \n' '  ')
has "the council's heading" "$text" "Testshire County Council"
has "the opening line" "$flat" "AT A MEETING of the Audit Committee of TESTSHIRE COUNTY COUNCIL"
has "a minute" "$text" "BUDGET MONITORING"
has "Welsh capitals survive (the minute's title)" "$text" "CRONFA GŴYL DEWI A'R TŶ CYMUNED"
lacks "the public copy has no exempt minute" "$text" "EXEMPT-MINUTE-TEXT"
has "the key to the p / a markers" "$text" "Key: p present, a apologies or absent"
# Order: the minutes' order, as in the text export.
order() { printf '%s\n' "$1" | grep -n -m1 -F "$2" | cut -d: -f1; }
a=$(order "$text" "APOLOGIES FOR ABSENCE"); b=$(order "$text" "BUDGET MONITORING")
c=$(order "$text" "CRONFA GŴYL DEWI")
ok "apologies before budget monitoring before the added item" test "${a:-0}" -gt 0 -a "${a:-0}" -lt "${b:-0}" -a "${b:-0}" -lt "${c:-0}"

# Every page: its number of the whole and the footer; no CONFIDENTIAL.
for ((p = 1; p <= ${pages:-0}; p++)); do
	pt=$(pdftotext -f "$p" -l "$p" "$T/m.pdf" - 2>&1)
	has "page $p says Page $p of $pages" "$pt" "Page $p of $pages"
	has "page $p's footer names the body and the date" "$pt" "Audit Committee · 14 March 2024"
	lacks "public page $p is not marked CONFIDENTIAL" "$pt" "CONFIDENTIAL"
done
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$T/m.pdf" "$top_builddir/tests/export/pdf-page1"
ok "page 1 rendered to PNG for a look" test -s "$top_builddir/tests/export/pdf-page1.png"

# The confidential copy: marked on every page, its file private.
exits "confidential PDF written" 0 clerk export 2024-03-14 --confidential --format pdf -o "$T/c.pdf"
is "the confidential file is mode 0600" "$(stat -c %a "$T/c.pdf")" "600"
cpages=$(pdfinfo "$T/c.pdf" | sed -n 's/^Pages: *//p')
has "the confidential copy has the exempt minute" "$(pdftotext "$T/c.pdf" -)" "EXEMPT-MINUTE-TEXT"
for ((p = 1; p <= ${cpages:-0}; p++)); do
	pt=$(pdftotext -f "$p" -l "$p" "$T/c.pdf" - 2>&1)
	has "confidential page $p is marked CONFIDENTIAL" "$pt" "CONFIDENTIAL"
	has "confidential page $p says Page $p of $cpages" "$pt" "Page $p of $cpages"
done
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$T/c.pdf" "$top_builddir/tests/export/pdf-confidential-page1"

# The agenda.
exits "agenda written as PDF" 0 clerk export 2024-03-14 --agenda --format pdf -o "$T/a.pdf"
ainfo=$(pdfinfo "$T/a.pdf" 2>&1)
has "agenda title" "$ainfo" "Title:           Agenda of the Audit Committee, 14 March 2024"
atext=$(pdftotext "$T/a.pdf" - 2>&1)
has "agenda items" "$atext" "BUDGET MONITORING"
has "Welsh and accented letters survive (an item's description)" "$atext" "Adroddiad ar yr ŵyl; café, naïve, Ŷ and Ŵ."
has "agenda footer" "$atext" "Page 1 of"
exits "the minute book is minutes" 2 clerk export 2024-03-14 --agenda --format pdf --minute-book -o "$T/x.pdf"
exits "the minute book is PDF" 2 clerk export 2024-03-14 --format html --minute-book -o "$T/x.html"
exits "a first leaf is a number" 2 clerk export 2024-03-14 --format pdf --first-leaf 0 -o "$T/x.pdf"

# The demo: the signature stays with the last minute; the minute book.
D=$T/demo.db
"$CLERK" --db "$D" demo >/dev/null 2>&1
demo() { "$CLERK" --db "$D" "$@"; }
exits "demo minutes written as PDF" 0 demo export 2017-06-29 --format pdf -o "$T/d.pdf"
dpages=$(pdfinfo "$T/d.pdf" | sed -n 's/^Pages: *//p')
last=$(pdftotext -f "$dpages" -l "$dpages" "$T/d.pdf" - 2>&1 | tr -s ' \n' '  ')
has "the signature is on the last page" "$last" "Chairman,"
has "with the end of the last minute" "$last" "that meeting."
for ((p = 1; p < ${dpages:-0}; p++)); do
	lacks "page $p does not hold the signature" "$(pdftotext -f "$p" -l "$p" "$T/d.pdf" -)" "Chairman,"
done
lacks "an ordinary copy has no initials box" "$(pdftotext "$T/d.pdf" -)" "Chair's initials"

exits "a year's minute book written" 0 demo export --body HWB --from 2017-01-01 --to 2017-12-31 --format pdf --minute-book --first-leaf 41 -o "$T/book"
p1=$(pdfinfo "$T/book/2017-02-23.pdf" | sed -n 's/^Pages: *//p')
b1=$(pdftotext "$T/book/2017-02-23.pdf" - 2>&1)
b2=$(pdftotext "$T/book/2017-06-29.pdf" - 2>&1)
has "the first meeting starts at the first leaf" "$b1" "Minute book page 41"
has "the next meeting goes on from there" "$b2" "Minute book page $((41 + p1))"
is "a box for the chair's initials on every page" "$(printf '%s\n' "$b2" | grep -c "Chair's initials")" "$(pdfinfo "$T/book/2017-06-29.pdf" | sed -n 's/^Pages: *//p')"
has "each page still says its page of the meeting's" "$b2" "Page 1 of"
# One meeting: its first leaf follows the meetings held before it in its
# municipal year (2017-06-29 is the first of 2017-18: leaf 1).
exits "one meeting's minute book pages" 0 demo export 2017-06-29 --format pdf --minute-book -o "$T/one.pdf"
has "the first meeting of the year starts at page 1" "$(pdftotext -l 1 "$T/one.pdf" -)" "Minute book page 1"

# A very long paragraph is laid out a piece at a time (pango's line
# breaking is quadratic in a paragraph's length): every word must come out
# once, in order, across the pieces' seams and the pages.
long=$(seq -f 'w%g' 1 12000 | tr '\n' ' ')
clerk item add 2024-03-14 "A very long report" --description "$long" >/dev/null
exits "an agenda with a 12,000-word paragraph written" 0 clerk export 2024-03-14 --agenda --format pdf -o "$T/long.pdf"
words=$(pdftotext "$T/long.pdf" - | tr -s ' \n' '\n\n' | grep -E '^w[0-9]+$' | tr '\n' ' ')
is "every word of it once, in order" "$words" "$long"
pages=$(pdfinfo "$T/long.pdf" | sed -n "s/^Pages: *//p")
ok "over many pages ($pages)" test "${pages:-0}" -ge 10

done_testing
