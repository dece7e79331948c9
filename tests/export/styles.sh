#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/styles.sh: house styles are names, found in the user's folder
# and then the system's; a style file with an unknown key, an unknown
# {variable}, a missing required key or a read error is refused naming the
# file and line, and nothing is exported; quoted values keep their blanks;
# the shipped generic styles carry the council's own details and nothing of
# the demo council (Hampshire), whose wording lives in its own style.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
clerk() { "$CLERK" --db "$DB" "$@"; }
flat() { tr '\n' ' ' | tr -s ' '; }
unset XDG_CONFIG_HOME
S=$HOME/.config/clerk/styles
mkdir -p "$S"
county=$top_srcdir/share/styles/county.style

# Every shipped style is whole: each exports the same meeting.
for s in county planning parish partnership hampshire; do
	ok "shipped style $s loads and exports" clerk export 2024-03-14 --style "$s" -o "$T/$s.txt"
done

# A style file that is wrong is refused with its file and line, and the
# export does not happen.
refused() { # what style needle [exit]
	local out rc
	rm -f "$T/out.txt"
	out=$(clerk export 2024-03-14 --style "$2" -o "$T/out.txt" 2>&1); rc=$?
	is "$1: refused (exit ${4:-3})" "$rc" "${4:-3}"
	has "$1: says where" "$out" "$3"
	[ ! -e "$T/out.txt" ]; _tap_result $? "$1: no file written"
}
{ cat "$county"; echo "resolvd = RESOLVED:"; } >"$S/typo.style"
n=$(($(wc -l <"$county") + 1))
refused "a misspelt key" typo "$S/typo.style line $n: clerk knows no key \"resolvd\""
sed 's/^heard = .*/heard = {Self} heard at {time}:/' "$county" >"$S/var.style"
n=$(grep -n '^heard = ' "$S/var.style" | cut -d: -f1)
refused "an unknown variable" var "$S/var.style line $n: heard has no variable {time}"
sed 's/^date = .*/date = {day} {month} {year} of the {body}/' "$county" >"$S/datevar.style"
refused "a date with a minutes variable" datevar "date has no variable {body}"
grep -v '^resolved = ' "$county" >"$S/nores.style"
refused "a missing RESOLVED heading" nores "$S/nores.style: the key \"resolved\" is missing"
: >"$S/empty.style"
refused "an empty style" empty "$S/empty.style: the key \"chairman\" is missing"
sed 's/^present.layout = .*/present.layout = run/' "$county" >"$S/norun.style"
refused "a layout without its keys" norun "the key \"present.run\" is missing, which present.layout = run needs"
sed 's/^minute.title_case = .*/minute.title_case = lower/' "$county" >"$S/case.style"
refused "a setting outside its choices" case "minute.title_case takes one of upper as"
ln -s /dev/zero "$S/zero.style"
refused "a device instead of a file" zero "not a regular file" 4
mkfifo "$S/fifo.style"
refused "a FIFO instead of a file" fifo "not a regular file" 4
{ printf 'chairman = '; head -c 9000 /dev/zero | tr '\0' x; echo; } >"$S/long.style"
refused "a line too long" long "$S/long.style line 1: the line is longer than 8192 bytes"
printf 'chairman = Chair\xff\n' >"$S/bad8.style"
refused "invalid UTF-8" bad8 "$S/bad8.style line 1: the line is not valid UTF-8 text"
refused "a style name with a slash" "../styles/county" "is not a style's name"

# A style name that arrives through a file (merge, another program) is
# still only a name.
sqlite3 "$DB" "UPDATE body SET style = '../../../etc/passwd' WHERE name = 'Audit Committee'"
out=$(clerk export 2024-03-14 -o "$T/merged.txt" 2>&1); rc=$?
is "a stored style path: refused" "$rc" 3
has "naming the style" "$out" "house style '../../../etc/passwd' is not a style's name"
[ ! -e "$T/merged.txt" ]; _tap_result $? "no file written"
sqlite3 "$DB" "UPDATE body SET style = 'county' WHERE name = 'Audit Committee'"

# Quoted values keep their blanks; the user's folder comes first, and
# $XDG_CONFIG_HOME before ~/.config.
sed 's/^apologies.sub_absent = .*/apologies.sub_absent = " (no substitute came)"/' "$county" >"$S/county.style"
has "the user's county style is used, blanks kept" "$(clerk export 2024-04-18 | flat)" "Councillor Nick Nosub (no substitute came)"
mkdir -p "$T/xdg/clerk/styles"
sed 's/^heard = .*/heard = XDG heard:/' "$county" >"$T/xdg/clerk/styles/county.style"
has "XDG_CONFIG_HOME is looked in first" "$(XDG_CONFIG_HOME=$T/xdg clerk export 2024-03-14)" "XDG heard:"
rm "$S/county.style"

# The council's own details fill the generic notice; what is not set is
# left out, never filled with another council's.
ag=$(clerk export 2024-03-14 --agenda --style county | flat)
lacks "no enquiries row when none is set" "$ag" "Enquiries to"
clerk council edit "Testshire County Council" --enquiries "committees@testshire.example" \
	--officer "Pat Officer" --officer-title "Chief Executive" \
	--address "County Hall, Testbury TS1 1AA" \
	--filming "This meeting may be filmed." \
	--conduct "the Members' Code of Conduct of Testshire County Council" >/dev/null
ag=$(clerk export 2024-03-14 --agenda --style county | flat)
has "its enquiries contact" "$ag" "Enquiries to committees@testshire.example"
has "its officer and address" "$ag" "Pat Officer Chief Executive County Hall, Testbury TS1 1AA"
has "its filming notice" "$ag" "This meeting may be filmed."
has "its code of conduct in the declarations" "$(clerk export 2024-03-14 --style county | flat)" \
	"in accordance with the Members' Code of Conduct of Testshire County Council."

# Nothing of the demo council in any export of another council, in any
# shipped style but Hampshire's own.
demo_text=("Coughlan" "hants.gov.uk" "The Castle, Winchester" "SO23 8UJ"
	"Paragraph 1.5 of" "County Council's Members' Code of Conduct"
	"Hampshire" "County Council's website")
all=""
for m in 2024-03-14 2024-04-18 2024-05-02; do
	for s in county planning parish partnership; do
		for f in text html markdown; do
			all+=$(clerk export "$m" --style "$s" --format "$f" 2>&1)
			all+=$(clerk export "$m" --style "$s" --format "$f" --agenda 2>&1)
		done
	done
	all+=$(clerk export "$m" 2>&1)$(clerk export "$m" --agenda 2>&1)
done
all+=$(clerk export 2019-06-11 --body Snoring 2>&1)$(clerk export 2019-06-11 --body Snoring --agenda 2>&1)
for t in "${demo_text[@]}"; do
	lacks "no \"$t\" in another council's papers" "$all" "$t"
done
has "but the exports were made" "$all" "AUDIT COMMITTEE"
"$CLERK" --db "$T/demo.db" demo >/dev/null
has "the demo board keeps its Hampshire wording" "$("$CLERK" --db "$T/demo.db" export 2017-10-05 --agenda | flat)" "John Coughlan CBE"

# The page number is the house style's (page.number), in every paged format.
sed 's/^page.number = .*/page.number = Tudalen {page} o {pages}/' "$county" >"$S/welsh.style"
ok "a style with its own page number" clerk export 2024-03-14 --style welsh --format pdf -o "$T/welsh.pdf"
wtext=$(pdftotext -q "$T/welsh.pdf" - | tr -s ' \n' '  ')
has "the PDF numbers its pages in the style's words" "$wtext" "Tudalen 1 o "
lacks "and not in the default's" "$wtext" "Page 1 of"
ok "the same style as DOCX" clerk export 2024-03-14 --style welsh --format docx -o "$T/welsh.docx"
wftr=$(unzip -p "$T/welsh.docx" word/footer1.xml)
has "the DOCX footer: the style's words" "$wftr" '<w:t xml:space="preserve">Tudalen </w:t>'
has "around the fields" "$wftr" '<w:t xml:space="preserve"> o </w:t>'
has "the printed HTML too" "$(clerk export 2024-03-14 --style welsh --format html)" '@bottom-right{content:"Tudalen " counter(page) " o " counter(pages)'
has "the shipped styles say Page N of M" "$(clerk export 2024-03-14 --format html)" '@bottom-right{content:"Page " counter(page) " of " counter(pages)'
sed 's/^page.number = .*/page.number = {body}: page {page}/' "$county" >"$S/pagevar.style"
refused "a page number with another variable" pagevar "page.number has no variable {body}"
for f in "$top_srcdir"/share/styles/*.style; do
	has "$(basename "$f") sets page.number" "$(cat "$f")" "page.number = Page {page} of {pages}"
done

done_testing
