#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/axe.sh: the HTML clerk writes, checked in a real browser:
# headless Chromium (Debian's chromium) runs axe-core (pinned in
# tests/package.json, installed by `build-aux/quickstart check`) over the
# demo's minutes, a confidential copy and an agenda, and every WCAG 2.2 AA
# rule axe has (tags wcag2a wcag2aa wcag21a wcag21aa wcag22aa) must find
# nothing.  Built into the suite only when configure found both (see
# configure.ac); the check that it can fail is the page without a language.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
AXE=$top_srcdir/tests/node_modules/axe-core/axe.min.js
CHROMIUM=$(command -v chromium || command -v chromium-browser)
[ -f "$AXE" ] && [ -n "$CHROMIUM" ] || { echo "Bail out! axe-core or chromium missing: run build-aux/quickstart check"; exit 1; }
D=$T/demo.db
"$CLERK" --db "$D" demo >/dev/null 2>&1 || { echo "Bail out! clerk demo failed"; exit 1; }
demo() { "$CLERK" --db "$D" "$@"; }

# axe PAGE: the violations axe finds in PAGE, as JSON ("[]": none).
axe() {
	python3 - "$1" "$T/axe-page.html" "$AXE" <<'EOF'
import sys
src, dst, axe = sys.argv[1:4]
h = open(src, encoding='utf-8').read()
run = ('axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa",'
       ' "wcag21a", "wcag21aa", "wcag22aa"]}}).then(function (r) {'
       ' done(JSON.stringify(r.violations.map(function (v) { return {id: v.id,'
       ' impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {'
       ' return n.target.join(" "); })}; }))); }, function (e) { done("ERROR " + e); });'
       ' function done(s) { var p = document.createElement("pre");'
       ' p.id = "axe-result"; p.textContent = s; document.body.appendChild(p); }')
inj = '<script src="file://%s"></script>\n<script>\n%s\n</script>\n' % (axe, run)
i = h.rindex('</body>')
open(dst, 'w', encoding='utf-8').write(h[:i] + inj + h[i:])
EOF
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$T/chromium" --virtual-time-budget=15000 \
		--dump-dom "file://$T/axe-page.html" 2>/dev/null >"$T/axe-dom.html"
	python3 - "$T/axe-dom.html" <<'EOF'
import html, re, sys
d = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<pre id="axe-result">(.*?)</pre>', d, re.S)
print(html.unescape(m.group(1)) if m else 'no result: the page did not run axe')
EOF
}

exits "the demo's minutes as HTML" 0 demo export 2017-06-29 --format html -o "$T/minutes.html"
exits "a confidential copy" 0 demo export 2017-06-29 --format html --confidential -o "$T/confidential.html"
exits "an agenda" 0 demo export 2017-10-05 --agenda --format html -o "$T/agenda.html"
exits "the parish demo's minutes" 0 demo export 2019-05-14 --format html -o "$T/parish.html"
has "the confidential copy is marked" "$(cat "$T/confidential.html")" "CONFIDENTIAL"
has "the agenda is an agenda" "$(cat "$T/agenda.html")" "<h1>Agenda of the Health and Wellbeing Board"
for page in minutes confidential agenda parish; do
	is "axe finds no WCAG 2.2 AA violation in the $page" "$(axe "$T/$page.html")" "[]"
done
# The check can fail: the same minutes without their language.
sed 's/<html lang="[^"]*">/<html>/' "$T/minutes.html" >"$T/nolang.html"
has "axe finds a page without a language" "$(axe "$T/nolang.html")" '"id":"html-has-lang"'

done_testing
