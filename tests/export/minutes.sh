#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/minutes.sh: minutes exported from meetings built through the
# model (tests/export/mkfixture): hostile names escaped in HTML and Markdown,
# exempt minutes and sensitive interests kept out of public minutes in every
# format, the confidential record marked and private, house styles (county
# and parish), confirmation locking the minutes, and a correction after
# confirmation shown in the next meeting's minutes.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
clerk() { "$CLERK" --db "$DB" "$@"; }
# Text output is wrapped at 80 columns: sentences are checked on one line.
flat() { tr '\n' ' ' | tr -s ' '; }

# --- HTML: every piece of text escaped, one self-contained printable file.
html=$(clerk export 2024-03-14 --format html)
lacks "no raw <script> from a member's name" "$html" "<script>"
has "the name escaped" "$html" '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;'
has "capacity escaped" "$html" 'Member for &quot;Quotes&quot; &amp; &lt;b&gt;Tags&lt;/b&gt;'
has "minute text escaped" "$html" 'on target &amp; &lt;under&gt; budget'
has "UTF-8 declared" "$html" '<meta charset="utf-8">'
has "print stylesheet" "$html" '@media print'
lacks "nothing fetched from elsewhere" "$html" 'http'
has "attendance is a table" "$html" '<table class="attendance">'
ok "HTML is well-formed XML-ish (xmllint --html)" \
	sh -c "printf '%s' \"\$1\" | xmllint --html --noout - 2>&1 | (! grep -q .)" _ "$html"
# Fit to publish: the language, one <h1> (the title) then <h2>s in order,
# tables with a caption and header cells and no empty header row, the key
# to the markers, page numbers and the footer when printed.
has "the language is set" "$html" '<html lang="en-GB">'
is "one <h1>" "$(printf '%s' "$html" | grep -o '<h1' | wc -l)" "1"
has "the <h1> is the meeting's title" "$html" '<h1>Minutes of the Audit Committee, 14 March 2024</h1>'
levels=$(printf '%s' "$html" | grep -o '<h[1-6]' | uniq | tr '\n' ' ')
is "headings in order: the title, then every heading one level down" "$levels" "<h1 <h2 "
first=$(printf '%s' "$html" | grep -o '<h[12]>[^<]*' | head -2 | tr '\n' '|')
is "the first heading is the title, then PRESENT" "$first" "<h1>Minutes of the Audit Committee, 14 March 2024|<h2>PRESENT|"
has "the council's name above the title" "$html" '<p class="council">Testshire County Council</p>'
has "the attendance table has a caption" "$html" '<table class="attendance">
<caption'
has "a member's name heads their row" "$html" '<th scope="row">Councillor Ann Chair'
has "a group heads its rows" "$html" '<th colspan="2" scope="rowgroup">Chairman:</th>'
lacks "no empty header cell" "$html" '"></th>'
has "the key to the p / a markers" "$html" '<p class="key">Key: p present, a apologies or absent</p>'
has "printed pages are numbered" "$html" '@bottom-right{content:"Page " counter(page) " of " counter(pages)'
has "printed pages name the body and the date" "$html" '@bottom-left{content:"Audit Committee · 14 March 2024"'
ahtml=$(clerk export 2024-03-14 --agenda --format html)
has "the agenda's <h1> is its title" "$ahtml" '<h1>Agenda of the Audit Committee, 14 March 2024</h1>'
is "the agenda has one <h1>" "$(printf '%s' "$ahtml" | grep -o '<h1' | wc -l)" "1"
has "the notice's fields table has a caption" "$ahtml" '<table class="fields">
<caption'
has "a field's name heads its row" "$ahtml" '<th scope="row">'

# --- Markdown: metacharacters escaped.
md=$(clerk export 2024-03-14 --format markdown)
has "Markdown escapes < > in a name" "$md" '\<script\>alert("x")\</script\>'
has "Markdown minute heading" "$md" '4\. **BUDGET MONITORING**'
has "RESOLVED in bold" "$md" '**RESOLVED:**'

# --- Public minutes never hold the exempt minute or a sensitive interest.
for f in text markdown html; do
	out=$(clerk export 2024-03-14 --format $f)
	lacks "$f: no exempt minute text" "$out" "EXEMPT-MINUTE-TEXT"
	lacks "$f: no sensitive interest detail" "$out" "SENSITIVE-DETAIL"
	lacks "$f: no kind of a sensitive interest" "$out" "pecuniary interest in minute"
	has "$f: exempt item shown by title" "$out" "CONTRACT AWARD"
	has "$f: with its exclusion resolution" "$out" "excluded for the Contract Award"
	lacks "$f: public minutes not marked confidential" "$out" "CONFIDENTIAL"
done
clerk export 2024-03-14 --format docx -o "$T/public.docx" 2>/dev/null
docxml=$(unzip -p "$T/public.docx" word/document.xml)
lacks "docx: no exempt minute text" "$docxml" "EXEMPT-MINUTE-TEXT"
lacks "docx: no sensitive interest detail" "$docxml" "SENSITIVE-DETAIL"
has "docx: exempt item shown by title" "$docxml" "CONTRACT AWARD"
txt=$(clerk export 2024-03-14 | flat)
has "sensitive interest: only that it exists" "$txt" "Councillor Sam Sensitive declared an interest in minute 4"
has "who left the room for it (named: the generic style needs no pronoun)" "$txt" "Councillor Sam Sensitive left the meeting while the matter was discussed."
has "late arrival at its item" "$txt" "Councillor Lara Late arrived at the meeting during this item at 10.25 am."
has "departure at its item, even an exempt one" "$txt" "Councillor Lara Late left the meeting during this item at 11.05 am."
has "vote counts" "$txt" "(Votes: For 2, Against 2, Abstentions 0)"
has "recorded vote by name" "$txt" "For: Councillor Ann Chair and Councillor Vic Vice."
# The casting vote names who gave it (issue 20): the chairman, recorded
# present, presided (before, the sentence left the name out).
has "casting vote, naming who gave it" "$txt" \
	"the Chairman, Councillor Ann Chair, gave a casting vote for the motion."
has "the Committee's own name" "$txt" "The Committee heard that:"

has "urgent item with the reason for urgency" "$txt" "The Chairman agreed to consider this item as a matter of urgency because repairs could not wait for the next meeting."
has "amendment moved and lost, with its count" "$txt" "An amendment was moved by Councillor <script>alert(\"x\")</script> & 'Co': Replace £50,000 with £20,000. (Votes: For 1, Against 3, Abstentions 0) The amendment was lost."
has "the motion carried" "$txt" "RESOLVED: That repairs of up to £50,000 be approved. (Votes: For 4, Against 0, Abstentions 0)"
ag=$(clerk export 2024-03-14 --agenda | flat)
has "agenda lists the exempt item by title" "$ag" "5. CONTRACT AWARD"
has "agenda says it is exempt, under the principal council's law" "$ag" "Exempt item: the press and public are likely to be excluded for this item under section 100A(4) of the Local Government Act 1972, on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Act."
lacks "public agenda hides the exempt item's description" "$ag" "EXEMPT-DESCRIPTION"
has "confidential agenda shows it" "$(clerk export 2024-03-14 --agenda --confidential | flat)" "EXEMPT-DESCRIPTION"
has "agenda shows the urgent item's description" "$ag" "To agree emergency repairs."

# --- The confidential record: exempt text in, marked, mode 0600.
ctxt=$(clerk export 2024-03-14 --confidential)
has "confidential: exempt minute included" "$ctxt" "EXEMPT-MINUTE-TEXT Acme Ltd bid £1m."
has "confidential: banner" "$ctxt" "CONFIDENTIAL - NOT FOR PUBLICATION"
lacks "confidential: still no sensitive detail" "$ctxt" "SENSITIVE-DETAIL"
cmd=$(clerk export 2024-03-14 --confidential --format markdown)
has "confidential Markdown banner" "$cmd" "> **CONFIDENTIAL - NOT FOR PUBLICATION**"
chtml=$(clerk export 2024-03-14 --confidential --format html)
has "confidential HTML header on every printed page" "$chtml" '<thead><tr><td class="confidential-page">CONFIDENTIAL - NOT FOR PUBLICATION</td></tr></thead>'
umask 022
for f in text markdown html docx; do
	exits "confidential $f written" 0 clerk export 2024-03-14 --confidential --format $f -o "$T/conf.$f"
	is "confidential $f file is mode 0600" "$(stat -c %a "$T/conf.$f")" "600"
done
is "confidential docx has the page header" \
	"$(unzip -p "$T/conf.docx" word/document.xml | grep -c 'headerReference')" "1"
has "confidential docx header text" "$(unzip -p "$T/conf.docx" word/header1.xml)" "CONFIDENTIAL - NOT FOR PUBLICATION"
exits "public file written" 0 clerk export 2024-03-14 --format html -o "$T/pub.html"
is "public file is mode 0644" "$(stat -c %a "$T/pub.html")" "644"
ls "$T" | grep -q 'tmp-' && _tmp=1 || _tmp=0
is "no temporary files left behind" "$_tmp" "0"

# --- Errors.
exits "docx needs -o" 2 clerk export 2024-03-14 --format docx
has "and says so" "$(clerk export 2024-03-14 --format docx 2>&1)" "name it with -o FILE"
exits "unknown format" 2 clerk export 2024-03-14 --format rtf
has "names the formats" "$(clerk export 2024-03-14 --format rtf 2>&1)" "text|markdown|html|docx|pdf"
exits "no such meeting" 1 clerk export 2030-01-01
exits "a folder that does not exist" 4 clerk export 2024-03-14 -o "$T/no/such/folder/m.txt"
has "names the file and why" "$(clerk export 2024-03-14 -o "$T/no/such/folder/m.txt" 2>&1)" \
	"cannot write $T/no/such/folder/m.txt"
exits "unknown style" 1 clerk export 2024-03-14 --style nosuch
has "unknown style named" "$(clerk export 2024-03-14 --style nosuch 2>&1)" "nosuch"
# A council's own style file, copied into the user's style folder and
# adapted; and a broken one.  A style is a name, never a path.
S=$HOME/.config/clerk/styles
mkdir -p "$S"
sed 's/^heard = .*/heard = Those present were told:/' "$top_srcdir/share/styles/county.style" >"$S/ours.style"
has "an adapted style in the user's folder" "$(clerk export 2024-03-14 --style ours)" "Those present were told:"
printf 'opening = Minutes\nthis line has no equals sign\n' >"$S/bad.style"
exits "a broken style file is refused" 3 clerk export 2024-03-14 --style bad
has "naming the file and line" "$(clerk export 2024-03-14 --style bad 2>&1)" "$S/bad.style line 2: expected 'key = value'"
exits "a style given as a path is refused" 3 clerk export 2024-03-14 --style "$S/ours.style"

# --- Parish style: running numbers, Present: run, proposer, seconder,
# votes, abstention with reason, the 1960 Act.
p=$(clerk export 2019-06-11 --body Snoring | flat)
has "parish: opening" "$p" "Minutes of the meeting of LITTLE SNORING PARISH COUNCIL"
has "parish: Present as a run of names" "$p" "Present: Cllr Mary Green (Chairman), Cllr John Hedge and Cllr Priya Lane."
has "parish: running minute number continues the year" "$p" "222/19 Apologies for absence"
has "parish: next minute" "$p" "224/19 Planning applications"
has "parish: apologies with reason" "$p" "Cllr Tom Field (work commitments)"
has "parish: proposer and seconder" "$p" "Proposed by Cllr John Hedge, seconded by Cllr Mary Green."
has "parish: vote counts" "$p" "(For 2, against 0, abstaining 1)"
has "parish: abstention named with reason" "$p" "Cllr Priya Lane abstained: being a neighbour of the applicant."
has "parish: exclusion under the 1960 Act" "$p" "under section 1(2) of the Public Bodies (Admission to Meetings) Act 1960"
lacks "parish: exempt minute not public" "$p" "EXEMPT-MINUTE-TEXT"
has "parish: the Council's own name" "$p" "That the Council raises no objection."
has "parish: first meeting starts at 220" "$(clerk export 2019-05-14)" "220/19 Apologies"

# --- Minute numbers in a third format.
lic=$(clerk export 2024-05-02)
has "bracketed minute numbers" "$lic" "(2) PREMISES LICENCE: THE RED LION"
has "numbering starts at (1) at each meeting" "$lic" "(1) APOLOGIES"

# --- Apologies written as sentences from what was recorded.
ap=$(clerk export 2024-04-18 | flat)
has "apology with reason, no substitute nominated" "$ap" "Councillor Vic Vice, due to illness. There was no nominated substitute."
has "substitute attended" "$ap" "Councillor Dora Deputy. Councillor Sid Sub, Deputy Member, the nominated substitute, attended."
has "substitute unable, with reason" "$ap" "Councillor Una Unable; the nominated substitute, Councillor Ursula Ill, Deputy Member, was unable to attend due to a clash of meetings."
has "substitute also sent apologies" "$ap" "Councillor Al Also. The nominated substitute, Councillor Sue Sorry, Deputy Member, also sent apologies."
has "nominated substitute did not attend" "$ap" "Councillor Nick Nosub. The nominated substitute did not attend."
# A style that words these with pronouns uses each person's own.
aph=$(clerk export 2024-04-18 --style hampshire | flat)
has "her pronouns, as recorded" "$aph" "Councillor Dora Deputy. Councillor Sid Sub, Deputy Member, her substitute, attended in her place."
has "his pronouns, as recorded" "$aph" "Councillor Nick Nosub. His substitute did not attend."
has "and for the vice-chairman" "$aph" "Councillor Vic Vice, due to illness. He did not have a nominated substitute."
# Attendance classes as a council's own style lists them: members in seat
# order, substitutes apart ("A – substitute for B"), apologies in one
# sentence that still names the substitute.
mkdir -p "$HOME/.config/clerk/styles"
sed -e 's/^present.order = .*/present.order = seat/' \
	-e 's/^substitutes.heading =.*/substitutes.heading = Substitutes:/' \
	-e 's/^substitutes.entry =.*/substitutes.entry = {name} – substitute for {member}/' \
	-e 's/^apologies.layout = .*/apologies.layout = run/' \
	"$top_srcdir/share/styles/county.style" >"$HOME/.config/clerk/styles/classes.style"
printf '%s\n' 'apologies.run = Apologies were received from {names}.' \
	'apologies.run_entry = {name}[[ ({sub} attended as substitute)]]' >>"$HOME/.config/clerk/styles/classes.style"
cls=$(clerk export 2024-04-18 --style classes | flat)
has "members in the order of their seats" "$cls" "a Councillor Dora Deputy a Councillor Una Unable a Councillor Al Also a Councillor Nick Nosub"
has "substitutes listed apart" "$cls" "Substitutes: Councillor Sid Sub – substitute for Councillor Dora Deputy"
lacks "and not among the members" "$cls" "p Councillor Sid Sub"
has "the substitute in a one-sentence apology" "$cls" "Councillor Dora Deputy (Councillor Sid Sub attended as substitute)"
has "by surname in the shipped style" "$ap" "a Councillor Al Also a Councillor Dora Deputy a Councillor Nick Nosub a Councillor Una Unable"
lacks "substitutes are not listed as apologies of their own" "$ap" "- Councillor Ursula Ill"

# --- Confirmation locks the minutes; corrections are new, visible records.
exits "correct before confirmation is refused" 3 clerk correct 2024-03-14 --at 2024-04-18 "x"
has "saying why" "$(clerk correct 2024-03-14 --at 2024-04-18 x 2>&1)" "not confirmed yet"
exits "confirm at an earlier meeting is refused" 3 clerk confirm 2024-04-18 --at 2024-03-14
out=$(clerk confirm 2024-03-14 --at 2024-04-18)
is "confirm succeeds" "$?" "0"
has "confirm says it is locked" "$out" "now locked"
has "signed by the chairman by default" "$out" "signed by Councillor Ann Chair"
exits "confirming twice is refused" 3 clerk confirm 2024-03-14 --at 2024-04-18
has "signature line dated" "$(clerk export 2024-03-14)" "Chairman, 18 April 2024"
has "next meeting's minutes record the confirmation" "$(clerk export 2024-04-18 | flat)" \
	"The Minutes of the Audit Committee meeting held on 14 March 2024 were confirmed as a correct record and signed by the Chairman."
exits "correction after confirmation" 0 clerk correct 2024-03-14 --at 2024-04-18 \
	"Minute 4: the vote was 3 for and 2 against."
next=$(clerk export 2024-04-18)
has "correction shown in the next meeting's minutes" "$(printf '%s' "$next" | flat)" \
	"A correction to the Minutes of the meeting held on 14 March 2024, confirmed on 18 April 2024, was recorded: Minute 4: the vote was 3 for and 2 against."
# It sits under the minutes-of-previous-meeting item.
is "under the previous-minutes item" \
	"$(printf '%s\n' "$next" | awk '/^2\. MINUTES OF PREVIOUS/{p=1} /^3\./{p=0} p && /A correction/{print "yes"}')" "yes"
has "the locked minutes are unchanged" "$(clerk export 2024-03-14)" "(Votes: For 2, Against 2, Abstentions 0)"
# Edits through the model (as the console makes them) are refused.
for what in text attendance resolution; do
	exits "editing the $what of confirmed minutes is refused" 3 \
		"$top_builddir/tests/export/mkfixture" "$DB" edit-$what
	has "saying why ($what)" "$("$top_builddir/tests/export/mkfixture" "$DB" edit-$what 2>&1)" \
		"confirmed and signed"
done
exits "the draft minutes of the next meeting can still be edited" 0 \
	"$top_builddir/tests/export/mkfixture" "$DB" edit-draft
done_testing
