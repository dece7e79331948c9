#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/docx.sh: the DOCX package is a real Office Open XML file —
# a sound zip with the parts Word needs, well-formed XML, the text present —
# and LibreOffice reads it back (skipped, exit 77, only when soffice is not
# installed).
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
clerk() { "$CLERK" --db "$DB" "$@"; }

exits "docx written" 0 clerk export 2024-03-14 --format docx -o "$T/m.docx"
ok "zip is sound (unzip -tq)" unzip -tq "$T/m.docx"
ok "python's zipfile reads every member back with its CRC" python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.exit(z.testzip() is not None or len(z.namelist()) < 6)' "$T/m.docx"
# Every part stored (method 0: deflating the document cost as much as laying
# it out, issue 17), its sizes whole, and no reader asked for more than zip 1.0.
ok "every part is stored, as long in the file as whole" python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.exit(not all(i.compress_type == zipfile.ZIP_STORED and
                 i.compress_size == i.file_size and i.extract_version <= 10
                 for i in z.infolist()))' "$T/m.docx"
clerk export 2024-03-14 --format docx -o "$T/again.docx" >/dev/null
ok "the same minutes give the same file, byte for byte" cmp "$T/m.docx" "$T/again.docx"
parts=$(unzip -Z1 "$T/m.docx")
for p in '[Content_Types].xml' _rels/.rels word/document.xml word/styles.xml \
	word/numbering.xml word/_rels/document.xml.rels; do
	has "part $p present" "$parts" "$p"
done
for p in '\[Content_Types\].xml' _rels/.rels word/document.xml word/styles.xml \
	word/numbering.xml word/header1.xml; do
	ok "$p is well-formed XML" sh -c "unzip -p '$T/m.docx' '$p' | xmllint --noout -"
done
doc=$(unzip -p "$T/m.docx" word/document.xml)
has "heading style for minutes" "$doc" '<w:pStyle w:val="Heading2"/>'
has "minute number" "$doc" '>4.</w:t>'
has "title" "$doc" 'BUDGET MONITORING'
has "attendance is a table" "$doc" '<w:tbl>'
has "hostile name escaped" "$doc" '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;'
has "numbered or bulleted paragraphs" "$doc" '<w:numPr>'
# Fit to publish: properties, footer with page numbers, headings in order
# from the title, the key, the signature kept with the last minute.
has "part docProps/core.xml present" "$parts" "docProps/core.xml"
has "part word/footer1.xml present" "$parts" "word/footer1.xml"
for p in docProps/core.xml word/footer1.xml; do
	ok "$p is well-formed XML" sh -c "unzip -p '$T/m.docx' '$p' | xmllint --noout -"
done
core=$(unzip -p "$T/m.docx" docProps/core.xml)
has "the title in the properties" "$core" '<dc:title>Minutes of the Audit Committee, 14 March 2024</dc:title>'
has "the author is the council" "$core" '<dc:creator>Testshire County Council</dc:creator>'
has "the language in the properties" "$core" '<dc:language>en-GB</dc:language>'
ftr=$(unzip -p "$T/m.docx" word/footer1.xml)
has "the footer names the body and the date" "$ftr" 'Audit Committee · 14 March 2024'
has "the footer numbers the page" "$ftr" ' PAGE </w:instrText>'
has "of the pages" "$ftr" ' NUMPAGES </w:instrText>'
has "every page has the footer" "$doc" '<w:footerReference w:type="default" r:id="rId4"/>'
styles=$(printf '%s' "$doc" | grep -o '<w:pStyle w:val="Heading[0-9]"/>' | sed 's/.*val="\(Heading[0-9]\)".*/\1/' | uniq | tr '\n' ' ')
is "heading styles in order: the title, then every heading one level down" "$styles" "Heading1 Heading2 "
has "the first heading is the meeting's title" "$doc" '<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Minutes of the Audit Committee, 14 March 2024</w:t>'
is "one Heading1" "$(printf '%s' "$doc" | grep -o 'w:val="Heading1"' | wc -l)" "1"
has "the key to the p / a markers" "$doc" 'Key: p present, a apologies or absent'
before_sig=$(python3 -c '
import re, sys
paras = re.findall(r"<w:p>.*?</w:p>", sys.stdin.read(), re.S)
i = [k for k, p in enumerate(paras) if "w:val=\"Signature\"" in p][0]
print(paras[i - 1])' <<<"$doc")
has "the paragraph before the signature is kept with it" "$before_sig" '<w:keepNext/>'

# The agenda too.
exits "agenda docx written" 0 clerk export 2024-03-14 --agenda --format docx -o "$T/a.docx"
ok "agenda zip is sound" unzip -tq "$T/a.docx"

if ! command -v soffice >/dev/null 2>&1; then
	echo "# soffice not installed: LibreOffice round trip skipped"
	done_testing
	exit 77
fi
# One LibreOffice start for both documents (it is the slow part).
exits "confidential docx written" 0 clerk export 2024-03-14 --confidential --format docx -o "$T/c.docx"
HOME=$T/lo timeout 120 soffice --headless --norestore --convert-to pdf \
	--outdir "$T/out" "$T/m.docx" "$T/c.docx" >/dev/null 2>&1
if ! command -v pdftotext >/dev/null 2>&1; then
	echo "# pdftotext not installed: LibreOffice round trip skipped"
	done_testing
	exit 77
fi
back=$(pdftotext "$T/out/m.pdf" - 2>/dev/null | tr -s ' \n' ' ')
has "LibreOffice reads the opening line" "$back" "AT A MEETING of the Audit Committee of TESTSHIRE COUNTY COUNCIL"
has "LibreOffice reads a minute" "$back" "BUDGET MONITORING"
has "LibreOffice reads the table" "$back" "Councillor Lara Late"
has "LibreOffice reads the escaped name as text" "$back" "<script>alert(\"x\")</script> & 'Co'"
has "LibreOffice reads the resolution" "$back" "That the Committee notes the budget position."
has "LibreOffice numbers the pages" "$back" "Page 1 of"
has "LibreOffice prints the footer" "$back" "Audit Committee · 14 March 2024"
lo_info=$(pdfinfo "$T/out/m.pdf" 2>/dev/null)
has "LibreOffice reads the title" "$lo_info" "Title:           Minutes of the Audit Committee, 14 March 2024"
has "LibreOffice reads the author" "$lo_info" "Author:          Testshire County Council"
lacks "no exempt text in the public docx" "$back" "EXEMPT-MINUTE-TEXT"
lacks "public PDF not marked confidential" "$back" "CONFIDENTIAL"
pdf=$(pdftotext -layout "$T/out/c.pdf" - 2>/dev/null)
pages=$(pdftotext "$T/out/c.pdf" - 2>/dev/null | grep -c $'\f')
marks=$(printf '%s' "$pdf" | grep -c "CONFIDENTIAL - NOT FOR PUBLICATION")
ok "every page of the confidential PDF is marked ($marks marks, $pages pages)" \
	test "$marks" -ge "$pages" -a "$pages" -ge 1
has "confidential PDF holds the exempt minute" "$pdf" "EXEMPT-MINUTE-TEXT"
done_testing
