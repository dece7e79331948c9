#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Words saved by a hang-up in the minutes (issue 20): a point and a
# motion's words saved when the terminal hung up are marked unfinished in
# the log and the file, on the console's item pane and in every export of
# the draft minutes (text, Markdown, HTML, Word) in the style's words
# (unfinished.mark); confirming the minutes is refused while any remain,
# with a sentence saying to accept them in review.  Accepted in the
# console (A), the mark goes and the refusal with it.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run hup 2017-10-05 <<'KEYS'
y
a
P
<Tab>
n
h
A finished point.
<C-s>
h
The pilot was half way through its
@signal HUP
KEYS
is "the first hang-up ends the console cleanly" "$UI_RC" 0
ui_run hup2 2017-10-05 <<'KEYS'
r
/Fairhurst<Enter><Enter>
/Stallard<Enter><Enter>
That the Board notes the half typed
@signal HUP
KEYS
is "the second hang-up, while typing a motion, too" "$UI_RC" 0
is "the point was kept, marked unfinished" \
	"$(sql "SELECT unfinished FROM minute_text WHERE body LIKE 'The pilot%'")" 1
rid=$(sql "SELECT id FROM resolution WHERE body = 'That the Board notes the half typed'")
is "the motion's words were kept" "$([ -n "$rid" ] && echo yes)" yes
is "and the log marks them unfinished" \
	"$(sql "SELECT count(*) FROM event WHERE kind='note' AND detail='motion unfinished $rid'")" 1

ui_run shown 2017-10-05 <<'KEYS'
@dump pane
q
y
KEYS
pane() { sed -n 's/^[^│]*│ *//p' "$T/shown/$1.txt" | tr -s ' \n' ' '; }
has "the pane marks the point unfinished" "$(pane pane)" \
	"The pilot was half way through its [UNFINISHED: saved when the terminal hung up"
has "and the motion" "$(pane pane)" \
	"That the Board notes the half typed [UNFINISHED: saved when the terminal hung up"

mark="[UNFINISHED: saved when the terminal hung up and not yet accepted]"
for f in txt md html; do
	"$CLERK" --db "$DB" export 2017-10-05 --format "$f" -o "$T/m.$f" 2>"$T/export.err"
	# (Markdown escapes the brackets: read without its backslashes)
	got=$(tr '\n' ' ' <"$T/m.$f" | tr -s ' ' | tr -d '\\')
	has "$f: the point is marked unfinished" "$got" "The pilot was half way through its $mark"
	has "$f: so are the motion's words" "$got" "That the Board notes the half typed $mark"
	lacks "$f: not the point finished" "$got" "A finished point. [UNFINISHED"
done
if command -v unzip >/dev/null; then
	"$CLERK" --db "$DB" export 2017-10-05 --format docx -o "$T/m.docx" 2>"$T/export.err"
	has "docx: marked too" "$(unzip -p "$T/m.docx" word/document.xml)" \
		"The pilot was half way through its $mark"
fi
"$CLERK" --db "$DB" export 2017-10-05 --style parish -o "$T/parish.txt" 2>>"$T/export.err"
has "another style marks it too" "$(tr '\n' ' ' <"$T/parish.txt" | tr -s ' ')" \
	"The pilot was half way through its $mark"

# Confirmation at a later meeting is refused while they remain.
"$CLERK" --db "$DB" meeting add HWB 2017-12-07 10:00 >/dev/null 2>&1
out=$(CLERK_NOW=2017-12-07T11:00:00Z "$CLERK" --db "$DB" confirm 2017-10-05 --at 2017-12-07 2>&1)
rc=$?
is "confirming is refused" "$([ "$rc" -ne 0 ] && echo refused)" refused
has "saying what remains and to accept it in review" "$(echo "$out" | tr '\n' ' ' | tr -s ' ')" \
	"1 paragraph and 1 motion saved unfinished when the terminal hung up: accept or correct them in review"
is "the minutes stay a draft" \
	"$(sql "SELECT minutes_state FROM meeting WHERE id='$MID'")" draft

ui_run accept 2017-10-05 <<'KEYS'
A
@dump ask-motion
y
y
@dump accepted
q
y
KEYS
screen_has "A asks about the motion's words too" accept ask-motion \
	"Motion saved when the terminal hung up"
lacks "accepted: no longer marked" "$(pane accepted 2>/dev/null; cat "$T/accept/accepted.txt")" "[UNFINISHED"
is "the log says the motion was accepted" \
	"$(sql "SELECT count(*) FROM event WHERE kind='note' AND detail='motion accepted $rid'")" 1
"$CLERK" --db "$DB" export 2017-10-05 -o "$T/after.txt" 2>"$T/export.err"
lacks "the minutes no longer mark anything" "$(cat "$T/after.txt")" "UNFINISHED"
out=$(CLERK_NOW=2017-12-07T11:00:00Z "$CLERK" --db "$DB" confirm 2017-10-05 --at 2017-12-07 2>&1)
lacks "confirmation no longer refused for it" "$out" "saved unfinished"

done_testing
