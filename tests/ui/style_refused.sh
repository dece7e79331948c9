#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A house style that is refused (edited after it was chosen, and now
# holding a key clerk does not know) does not stop the meeting: the console
# opens, says once what is wrong with the style (by its first idle moment,
# or as soon as a capture needs the style's words), and shows the captures
# as typed, under clerk's own headings.  The style is read when first
# needed, not before the first screen.
. "$top_srcdir/tests/ui/ui_lib.sh"

export XDG_CONFIG_HOME="$T/config"
S=$XDG_CONFIG_HOME/clerk/styles
mkdir -p "$S"
cp "$top_srcdir/share/styles/hampshire.style" "$S/mine.style"
ok "the body takes the style while it is sound" \
	"$CLERK" --db "$DB" body edit HWB --style mine
echo 'frobnicate = yes' >>"$S/mine.style"
why="mine.style line $(wc -l <"$S/mine.style"): clerk knows no key \"frobnicate\""
said() { # the screen NAME/DUMP as one line (a long message takes two rows)
	tr '\n' ' ' <"$T/$1/$2.txt" | tr -s ' '
}

# Opened and left idle: the first tick says it.
ui_run idle 2017-10-05 <<'KEYS'
y
@clock +1s
@dump ticked
<Down>
@clock +1s
@dump again
q
y
KEYS
is "the console runs with a refused style (exit 0)" "$UI_RC" 0
has "its first idle moment says what is wrong with the style" \
	"$(said idle ticked)" "$why"
lacks "and says it once: a key clears it, the next tick does not say it again" \
	"$(said idle again)" "frobnicate"

# A capture shown before any tick: the style is read for it, refused, and
# the capture is shown as typed.
ui_run capture 2017-10-05 <<'KEYS'
y
n
h
The budget is balanced.
<C-s>
@dump heard
q
y
KEYS
is "a capture is recorded with a refused style (exit 0)" "$UI_RC" 0
screen_has "the capture is shown as typed" capture heard \
	"- The budget is balanced."
screen_has "under clerk's own heading" capture heard "Heard that:"
is "and it is in the file" \
	"$(sql "SELECT count(*) FROM minute_text WHERE meeting_id = '$MID' AND body = 'The budget is balanced.'")" 1
unset XDG_CONFIG_HOME
done_testing
