#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/publish/site_axe.sh: the site `clerk publish` writes, checked in a
# real browser as tests/export/axe.sh checks the HTML exports: headless
# Chromium loads the index, a body page, a person's page, a minutes page and
# an agenda page of the board's site and the parish's
# (axe-core is injected beside each to check it), and axe-core finds
# no violation of its WCAG 2.2 AA rules.  The board's body page and the
# parish's minutes page are screenshot to tests/publish/site-body.png and
# site-minutes.png for a person to look at.  Built into the suite only when configure found
# chromium and axe-core (see configure.ac).
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
AXE=$top_srcdir/tests/node_modules/axe-core/axe.min.js
CHROMIUM=$(command -v chromium || command -v chromium-browser)
[ -f "$AXE" ] && [ -n "$CHROMIUM" ] || { echo "Bail out! axe-core or chromium missing: run build-aux/quickstart check"; exit 1; }
D=$T/demo.db
"$CLERK" --db "$D" demo >/dev/null 2>&1 || { echo "Bail out! clerk demo failed"; exit 1; }
demo() { "$CLERK" --db "$D" "$@"; }

# axe PAGE: the violations axe finds in PAGE, as JSON ("[]": none).  The
# page is checked where it is (a copy beside it with axe put in), so that
# its relative links and styles are the site's.
axe() {
	copy=${1%.html}.axe-check.html
	python3 - "$1" "$copy" "$AXE" <<'PY'
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
PY
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$T/chromium" --virtual-time-budget=15000 \
		--dump-dom "file://$copy" 2>/dev/null >"$T/axe-dom.html"
	rm -f "$copy"
	python3 - "$T/axe-dom.html" <<'PY'
import html, re, sys
d = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<pre id="axe-result">(.*?)</pre>', d, re.S)
print(html.unescape(m.group(1)) if m else 'no result: the page did not run axe')
PY
}
# shot PAGE PNG: a screenshot of PAGE as a reader sees it (the site has no
# script: site.sh checks that).
shot() {
	rm -f "$2"
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$T/chromium-shot" \
		--hide-scrollbars --window-size=1024,2000 --screenshot="$2" \
		"file://$1" >/dev/null 2>&1
}

S=$T/site
P=$T/parish
exits "the board's site, with its draft minutes" 0 demo publish "$S" --council Hampshire --drafts
exits "the parish's site" 0 demo publish "$P" --council 'Upper Testwood'
for page in "$S/index.html" "$S/bodies/hwb/index.html" \
	"$S/bodies/hwb/2017-06-29-minutes.html" "$S/bodies/hwb/2017-10-05-agenda.html" \
	"$S/people/liz-fairhurst.html" "$P/index.html" "$P/bodies/utpc/index.html" \
	"$P/bodies/utpc/2019-05-14-minutes.html" "$P/people/mary-green.html"; do
	ok "the page is there: ${page#$T/}" test -s "$page"
	is "axe finds no WCAG 2.2 AA violation in ${page#$T/}" "$(axe "$page")" "[]"
done
# Pages as a reader sees them, to be looked at.
out=$top_builddir/tests/publish
mkdir -p "$out"
shot "$S/bodies/hwb/index.html" "$out/site-body.png"
ok "the body page screenshot (tests/publish/site-body.png)" test -s "$out/site-body.png"
shot "$P/bodies/utpc/2019-05-14-minutes.html" "$out/site-minutes.png"
ok "a minutes page screenshot (tests/publish/site-minutes.png)" test -s "$out/site-minutes.png"
ok "the screenshot is a PNG" sh -c "head -c 8 '$out/site-body.png' | grep -q PNG"
# The check can fail: the body page with a link that says nothing.
sed 's|<a href="meetings.ics">meetings.ics</a>|<a href="meetings.ics"></a>|' \
	"$S/bodies/hwb/index.html" >"$S/bodies/hwb/broken.html"
has "axe finds a link without a name" "$(axe "$S/bodies/hwb/broken.html")" '"id":"link-name"'

done_testing
