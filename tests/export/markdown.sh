#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/markdown.sh: exported Markdown renders as meant under a
# CommonMark renderer (cmark, the reference implementation that GitHub's
# and GitLab's derive from): minute numbers stay text (no accidental
# lists), resolutions are numbered lists, labels bold, and hostile names
# come out as text, never markup.  Skipped (77) when cmark is absent.
. "$top_srcdir/tests/lib.sh"
command -v cmark >/dev/null 2>&1 || { echo "1..0 # SKIP cmark not installed"; exit 77; }
setup
cd "$T" || exit 1
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
clerk() { "$CLERK" --db "$DB" "$@"; }

h=$(clerk export 2024-03-14 --format markdown | cmark)
has "minute heading is a paragraph with a bold title" "$h" "<p>4. <strong>BUDGET MONITORING</strong></p>"
lacks "no accidental ordered list" "$h" "<ol start"
has "label bold" "$h" "<p><strong>RESOLVED:</strong></p>"
has "points are a bullet list" "$h" "<li>Spending was on target &amp; &lt;under&gt; budget</li>"
lacks "no raw script tag" "$h" "<script>"
has "hostile name as text" "$h" "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'Co'"
has "capacity as text, no bold tags" "$h" "&lt;b&gt;Tags&lt;/b&gt;"
c=$(clerk export 2024-03-14 --format markdown --confidential | cmark)
has "confidential banner is a quote" "$c" "<blockquote>
<p><strong>CONFIDENTIAL - NOT FOR PUBLICATION</strong></p>"
p=$(clerk export 2019-06-11 --format markdown | cmark)
has "parish minute number as text" "$p" "<p>224/19 <strong>Planning applications</strong></p>"
done_testing
