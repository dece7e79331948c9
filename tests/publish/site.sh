#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/publish/site.sh: `clerk publish DIR`, the council's public site, on
# the demo (Hampshire's board and the Upper Testwood parish demo) and on the
# export fixture (an exempt minute and a sensitive interest): every page
# there, every relative link leading to a file of the site, nothing exempt
# or sensitive anywhere in it (the PDF and DOCX read back too), nothing of
# one council in the other's site, draft minutes only when asked, and a
# rebuild that writes nothing when nothing changed.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
D=$T/demo.db
"$CLERK" --db "$D" demo >/dev/null 2>&1 || { echo "Bail out! clerk demo failed"; exit 1; }
demo() { "$CLERK" --db "$D" "$@"; }

# links DIR: every href and src of the site's pages and feed that does not
# lead to a file of the site (none: empty), and any link that is absolute.
links() {
	python3 - "$1" <<'PY'
import os, re, sys
from urllib.parse import urlsplit, unquote
top = os.path.realpath(sys.argv[1])
bad = []
for d, _, files in os.walk(top):
    for f in files:
        if not (f.endswith('.html') or f.endswith('.atom')):
            continue
        page = os.path.join(d, f)
        text = open(page, encoding='utf-8').read()
        for url in re.findall(r'(?:href|src)="([^"]*)"', text):
            u = urlsplit(url)
            where = os.path.relpath(page, top) + ': ' + url
            if u.scheme or u.netloc or url.startswith('/'):
                bad.append('absolute ' + where)
                continue
            if not u.path:
                continue
            target = os.path.realpath(os.path.join(d, unquote(u.path)))
            if not target.startswith(top + os.sep) or not os.path.isfile(target):
                bad.append('broken ' + where)
print('\n'.join(bad))
PY
}
# text DIR: every word of the site, its PDFs and DOCX read back as text.
text() {
	find "$1" -type f | sort | while read -r f; do
		case $f in
		*.pdf) pdftotext -q "$f" - ;;
		*.docx) unzip -p "$f" 'word/*.xml' 'docProps/*.xml' ;;
		*) cat "$f" ;;
		esac
	done
}
mtimes() { find "$1" -type f -printf '%P %T@ %i\n' | sort; }

# --- Refusals, each with a sentence.
exits "two councils in the file: --council is needed" 2 demo publish "$T/site"
has "and the message names them" "$(demo publish "$T/site" 2>&1)" "the file holds 2 councils (Hampshire County Council; Upper Testwood Parish Council)"
[ ! -e "$T/site" ]; ok "nothing is made when refused" test $? -eq 0
: >"$T/afile"
exits "DIR is a file: refused" 2 demo publish "$T/afile" --council Hampshire
has "saying it is not a folder" "$(demo publish "$T/afile" --council Hampshire 2>&1)" "is not a folder"
exits "DIR inside a file: refused" 2 demo publish "$T/afile/site" --council Hampshire
exits "an unknown council" 1 demo publish "$T/site" --council Nowhere
exits "a usage error" 2 demo publish

# --- The board's site.
S=$T/site
out=$(demo publish "$S" --council Hampshire 2>&1); rc=$?
is "clerk publish writes the site" "$rc" 0
has "and says what it wrote" "$out" "the site of Hampshire County Council is in $S:"
for f in index.html minutes.atom bodies/hwb/index.html bodies/hwb/meetings.ics \
	bodies/hwb/popolo.json bodies/hwb/2017-02-23-agenda.html \
	bodies/hwb/2017-02-23-agenda.pdf \
	bodies/hwb/2017-06-29-agenda.html bodies/hwb/2017-10-05-agenda.html \
	people/liz-fairhurst.html people/peter-bibawy.html; do
	ok "the site has $f" test -s "$S/$f"
done
# The February meeting is known only by the confirmation of its minutes:
# clerk holds none of its proceedings, so it has no minutes page (it would
# be a heading with nothing under it) and the body page says where they are.
ok "no minutes page for a meeting whose proceedings clerk does not hold" test ! -e "$S/bodies/hwb/2017-02-23-minutes.html"
ok "nor its PDF" test ! -e "$S/bodies/hwb/2017-02-23-minutes.pdf"
ok "draft minutes are not published unless asked" test ! -e "$S/bodies/hwb/2017-06-29-minutes.html"
is "every relative link leads to a file of the site" "$(links "$S")" ""
idx=$(cat "$S/index.html")
has "the index lists the body" "$idx" '<a href="bodies/hwb/index.html">Health and Wellbeing Board</a>'
has "and the members" "$idx" '<a href="people/liz-fairhurst.html">Councillor Liz Fairhurst</a>'
lacks "no script anywhere (works without JavaScript)" "$(cat "$S"/*.html "$S"/*/*.html "$S"/*/*/*.html)" "<script"
body=$(cat "$S/bodies/hwb/index.html")
has "the body page: the chairman in the membership" "$body" 'Councillor Liz Fairhurst</a> (Chairman)'
has "a substitute" "$body" '<a href="../../people/peter-bibawy.html">Dr Peter Bibawy</a>'
has "a vacant seat" "$body" 'Vacant: Vacancy as of 1 Oct 2017'
has "meetings by municipal year" "$body" '<h3>2017/18</h3>'
has "the earlier year too" "$body" '<h3>2016/17</h3>'
has "confirmed minutes kept elsewhere are said to be" "$body" 'Kept outside this record'
has "draft minutes said to be unconfirmed" "$body" 'Not yet confirmed'
person=$(cat "$S/people/liz-fairhurst.html")
has "a person's roles" "$person" 'Chairman of the <a href="../bodies/hwb/index.html">Health and Wellbeing Board</a>'
has "and attendance" "$person" '<caption>Attendance at the meetings held</caption>'
has "the calendar is iCalendar" "$(cat "$S/bodies/hwb/meetings.ics")" "BEGIN:VCALENDAR"
ok "the Popolo file is JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$S/bodies/hwb/popolo.json"
ok "the Atom feed is well-formed XML" xmllint --noout "$S/minutes.atom"
atom=$(cat "$S/minutes.atom")
lacks "the feed has no minutes kept outside the record" "$atom" '2017-02-23-minutes'
lacks "and no draft" "$atom" "Draft:"
lacks "nothing of the parish in the board's site" "$(text "$S")" "Testwood"

# --- A rebuild writes nothing when nothing changed.
before=$(mtimes "$S")
sleep 1
out=$(demo publish "$S" --council Hampshire 2>&1)
has "a rebuild says nothing was written" "$out" ": 0 files written,"
is "and no file's time or inode changed" "$(mtimes "$S")" "$before"

# --- Drafts, when asked; gone again when not.
out=$(demo publish "$S" --council Hampshire --drafts 2>&1)
has "--drafts writes the draft's files" "$out" "draft minutes included"
ok "the draft minutes are published" test -s "$S/bodies/hwb/2017-06-29-minutes.html"
has "marked as a draft on the page" "$(cat "$S/bodies/hwb/2017-06-29-minutes.html")" "DRAFT: these minutes have not yet been confirmed as a correct record."
has "and in the PDF" "$(pdftotext -q "$S/bodies/hwb/2017-06-29-minutes.pdf" - | tr '\n' ' ')" "DRAFT: these minutes have not yet been confirmed"
min=$(cat "$S/bodies/hwb/2017-06-29-minutes.html")
has "the minutes page is the minutes" "$min" '<h1>Minutes of the Health and Wellbeing Board, 29 June 2017</h1>'
has "with what the meeting resolved" "$min" 'RESOLVED'
has "with the way back" "$min" '<a href="index.html">Health and Wellbeing Board</a>'
has "and its downloads" "$min" '<a href="2017-06-29-minutes.pdf">PDF</a> · <a href="2017-06-29-minutes.docx">Word (DOCX)</a>'
is "one <h1> on the minutes page" "$(grep -c '<h1' "$S/bodies/hwb/2017-06-29-minutes.html")" 1
ok "the minutes DOCX is a DOCX" sh -c "unzip -p '$S/bodies/hwb/2017-06-29-minutes.docx' word/document.xml | grep -q 'Health and Wellbeing'"
has "the feed has the minutes" "$(cat "$S/minutes.atom")" '<link rel="alternate" type="text/html" href="bodies/hwb/2017-06-29-minutes.html"/>'
has "the feed says it is a draft" "$(cat "$S/minutes.atom")" "<title>Draft: Minutes of the Health and Wellbeing Board, 29 June 2017</title>"
is "links still resolve" "$(links "$S")" ""
: >"$S/upload-notes.txt"
out=$(demo publish "$S" --council Hampshire 2>&1)
has "without --drafts the draft's three files are removed" "$out" ", 3 removed"
ok "the draft minutes are gone" test ! -e "$S/bodies/hwb/2017-06-29-minutes.html"
ok "a file clerk did not make is left alone" test -e "$S/upload-notes.txt"
is "links still resolve after the removal" "$(links "$S")" ""

# --- A run that fails part-way leaves the published site as it was: the
# pages are built into a staging folder and put in place only at the end.
# The votes of a copy are made unreadable; with --drafts the run
# would change the body page and add the draft's files before it meets it.
cp "$D" "$T/damaged.db"
pagesize=$(sqlite3 "$T/damaged.db" "PRAGMA page_size")
for page in $(sqlite3 "$T/damaged.db" "SELECT rootpage FROM sqlite_schema
		WHERE rootpage > 0 AND tbl_name = 'vote'"); do
	head -c "$pagesize" /dev/zero | tr '\0' '\377' |
		dd of="$T/damaged.db" bs="$pagesize" seek=$((page - 1)) conv=notrunc 2>/dev/null
done
before=$(mtimes "$S")
exits "publishing from a damaged file fails: exit 4" 4 "$CLERK" --db "$T/damaged.db" publish "$S" --council Hampshire --drafts
has "saying what could not be read" "$("$CLERK" --db "$T/damaged.db" publish "$S" --council Hampshire --drafts 2>&1)" "could not read"
is "and no file of the site changed" "$(mtimes "$S")" "$before"
ok "nothing staged is left behind" test ! -e "$S/.clerk-site.new"

# --- The parish demo's site.
P=$T/parish
exits "the parish's site" 0 demo publish "$P" --council 'Upper Testwood'
for f in index.html bodies/utpc/index.html bodies/utpc/2019-05-14-minutes.html \
	bodies/utpc/2019-05-14-minutes.pdf bodies/utpc/2019-05-14-minutes.docx \
	bodies/utpc/2019-06-11-agenda.html bodies/utpc/meetings.ics \
	bodies/utpc/popolo.json minutes.atom; do
	ok "the parish site has $f" test -s "$P/$f"
done
is "every link of the parish site resolves" "$(links "$P")" ""
ptext=$(text "$P")
lacks "nothing of Hampshire in the parish's site" "$ptext" "Hampshire"
lacks "nor of its board" "$ptext" "Wellbeing"

# --- Exempt minutes and sensitive interests: never on the site.
F=$T/fixture.db
"$top_builddir/tests/export/mkfixture" "$F" || { echo "Bail out! mkfixture failed"; exit 1; }
exits "the fixture's exempt meeting confirmed" 0 "$CLERK" --db "$F" confirm 2024-03-14 --at 2024-04-18
for council in 'Testshire County Council' 'Little Snoring'; do
	X=$T/fixture-${council%% *}
	exits "the fixture's $council site, drafts too" 0 "$CLERK" --db "$F" publish "$X" --council "$council" --drafts
	all=$(text "$X")
	has "$council: the site has its body" "$all" "Committee"
	for secret in EXEMPT-MINUTE-TEXT SENSITIVE-DETAIL EXEMPT-DESCRIPTION; do
		lacks "$council: no $secret anywhere in the site" "$all" "$secret"
	done
	is "$council: every link resolves" "$(links "$X")" ""
done
ok "the exempt meeting's minutes are published" test -s "$T/fixture-Testshire/bodies/audit-committee/2024-03-14-minutes.pdf"
has "the exempt item is there by its title" "$(text "$T/fixture-Testshire")" "CONTRACT AWARD"
has "the sensitive interest only by its existence" "$(text "$T/fixture-Testshire")" "Councillor Sam Sensitive declared an interest"
# The check can fail: the confidential export has the exempt minute.
has "(the fixture does hold the exempt minute)" "$("$CLERK" --db "$F" export 2024-03-14 --confidential 2>/dev/null)" "EXEMPT-MINUTE-TEXT"

done_testing
