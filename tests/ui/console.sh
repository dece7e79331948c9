#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The live console in script mode on the demo board's 5 October 2017
# meeting: opening, the screens at 80x24 and 200x60, too small, help, the
# editor with UTF-8 and undo, pickers with search, leaving with and without
# confirmation, hang-up, the keys file, and the harness's own checks.
. "$top_srcdir/tests/ui/ui_lib.sh"

# Declining to open leaves the meeting scheduled.
ui_run decline 2017-10-05 <<'KEYS'
@dump ask
n
KEYS
is "declining to open exits 1" "$UI_RC" 1
screen_has "asks before opening" decline ask "Open the meeting now?"
is "still scheduled" "$(sql "SELECT status FROM meeting WHERE id='$MID'")" scheduled

# Open, look around, resize, leave.
ui_run open 2017-10-05 <<'KEYS'
y
@dump 80x24
<F1>
@dump help
<Esc>
@resize 200 60
@dump 200x60
@resize 40 10
@dump small
n
@resize 80 24
@expect Meeting open: no item taken yet
q
@dump quit-ask
n
q
y
KEYS
is "open: exit 0" "$UI_RC" 0
screen_is "the console at 80x24" open 80x24
screen_is "help lists the actions with their keys" open help
screen_is "a large terminal shows three full-height panes" open 200x60
screen_is "below 60x16: a notice instead of the panes" open small
screen_has "keys are ignored while too small" open quit-ask "Meeting open: no item taken yet"
screen_has "q asks during a live meeting" open quit-ask "Leave the console?"
is "opening set the meeting in progress" \
	"$(sql "SELECT status FROM meeting WHERE id='$MID'")" "in progress"
is "one OPENED event" "$(sql "SELECT count(*) FROM event WHERE meeting_id='$MID' AND kind='opened'")" 1

# The editor: UTF-8 text, a second point, undo, save; then cancel.
ui_run editor 2017-10-05 <<'KEYS'
n
@clock +2m
h
The Board heard that Café £5 ŵ costs rose<Enter>
second point to drop<C-z><C-z><C-z><C-z>
@dump typing
<C-s>
@dump saved
h
throw away<Esc>
@dump discard-ask
y
q
y
KEYS
is "editor: exit 0" "$UI_RC" 0
screen_is "the editor wraps and shows its keys" editor typing
screen_is "the points appear under Heard that, then saved" editor saved
screen_has "cancelling asks before throwing text away" editor discard-ask "Throw away this text?"
is "the heard points in the database, accents intact" \
	"$(sql "SELECT body FROM minute_text WHERE meeting_id='$MID' AND section='heard' ORDER BY position")" \
	"The Board heard that Café £5 ŵ costs rose"
is "undo took back 'second point to drop' word by word" \
	"$(sql "SELECT count(*) FROM minute_text WHERE meeting_id='$MID'")" 1

# Correcting and withdrawing what was captured; the public noted.
ui_run correct 2017-10-05 <<'KEYS'
E
@dump pick
<Enter>
 (corrected)<C-s>
@dump corrected
<Hash>
12<Enter>
W
@dump nomotion
D
<Enter>
@dump withdraw-ask
y
@dump withdrawn
q
y
KEYS
screen_has "E lists what was captured on the item" correct pick "heard: The Board heard that Café"
screen_has "the correction shows at once" correct corrected "costs rose (corrected)"
screen_has "W with no motion says so" correct nomotion "No motion pending"
screen_has "D asks before withdrawing" correct withdraw-ask "Withdraw this from the record?"
lacks "withdrawn from the screen" "$(cat "$T/correct/withdrawn.txt")" "costs rose"
is "withdrawn from the record" \
	"$(sql "SELECT count(*) FROM minute_text WHERE meeting_id='$MID'")" 0
is "the public noted" \
	"$(sql "SELECT detail FROM event WHERE meeting_id='$MID' AND kind='note'")" "public 12"

# Attendance: search the pane, mark an apology with its reason.
ui_run attend 2017-10-05 <<'KEYS'
a
/
@dump search
Hollo
<Enter>
@dump found
<Enter>
o
Unwell<Enter>
@dump apology
q
y
KEYS
screen_has "search lists the attendance" attend search "Councillor Keith Mans"
screen_has "typing filters it" attend found "Christine Holloway"
lacks "to the matching names" "$(cat "$T/attend/found.txt")" "Keith Mans"
is "apology recorded with its reason" \
	"$(sql "SELECT a.status || ':' || a.note FROM attendance a JOIN person p ON p.id=a.person_id JOIN meeting m ON m.id=a.meeting_id WHERE m.starts_at LIKE '2017-10-05%' AND a.status='apology'")" \
	"apology:Unwell"
screen_has "saved shows after the commit" attend apology "saved"

# A hang-up (SIGHUP/SIGTERM) ends at once, without a question.  (The
# members are marked present first: an inquorate meeting takes no item.)
ui_run hup 2017-10-05 <<'KEYS'
a
P
<Tab>
n
@signal HUP
KEYS
is "hang-up: exit 0" "$UI_RC" 0
is "hang-up kept what was done (items 1 and 2 started)" "$(sql "SELECT count(*) FROM event WHERE meeting_id='$MID' AND kind='item started'")" 2
# SIGINT asks before leaving.
ui_run int 2017-10-05 <<'KEYS'
@signal INT
@dump asks
y
KEYS
screen_has "SIGINT asks before leaving a live meeting" int asks "Leave the console?"

# With no MEETING: the meeting in progress is offered first, the others
# listed; a mouse click selects a person.
ui_run noarg <<'KEYS'
@dump choose
<Enter>
@click 5 13
p
@dump clicked
q
y
KEYS
is "clerk live with no meeting: exit 0" "$UI_RC" 0
is "the meetings to choose from, the one in progress first" \
	"$(grep -o '(in progress)\|(scheduled)' "$T/noarg/choose.txt" | tr '\n' ' ')" \
	"(in progress) (scheduled) "
screen_has "a click on the attendance selected Keith Mans, p marked him" \
	noarg clicked "p Councillor Keith Mans"
is "present in the database" \
	"$(sql "SELECT a.status FROM attendance a JOIN person p ON p.id=a.person_id WHERE a.meeting_id='$MID' AND p.name='Keith Mans'")" present

# The keys file rebinds, and the status line follows.
export XDG_CONFIG_HOME="$T/config"
mkdir -p "$T/config/clerk"
printf 'bind next_item N\n' >"$T/config/clerk/keys"
ui_run rebound 2017-10-05 <<'KEYS'
N
@dump next
q
y
KEYS
screen_has "the status line shows the new key" rebound next "N next"
screen_has "the new key works" rebound next "started 09:58"
printf 'bind next_item N\nbind nope x\n' >"$T/config/clerk/keys"
ui_run badkeys 2017-10-05 </dev/null
is "a bad keys file stops the console (exit 3)" "$UI_RC" 3
has "and names the line" "$UI_ERR" "clerk/keys:2: unknown action 'nope'"
unset XDG_CONFIG_HOME

# The harness: an unknown command and a failed @expect fail the run.
ui_run harness 2017-10-05 <<'KEYS'
@expect no such text
@frobnicate
q
y
KEYS
is "a failed @expect exits 3" "$UI_RC" 3
has "unknown harness commands are named" "$UI_ERR" "unknown harness command '@frobnicate'"
exits "a bad --size is refused" 2 "$CLERK" --db "$DB" live --size 80 --script /dev/null
exits "no terminal and no script: refused" 2 "$CLERK" --db "$DB" live 2017-10-05

# `clerk` with no command at all runs the console (CLERK_SCRIPT drives it).
mkdir -p "$T/bare"
printf '@dump bare\n<Enter>\n@dump opened\nq\ny\n' >"$T/bare.keys"
(cd "$T/bare" && CLERK_SCRIPT="$T/bare.keys" "$CLERK" --db "$DB" >/dev/null 2>"$T/bare.err")
is "clerk with no command: exit 0" "$?" 0
has "it offers the meetings" "$(cat "$T/bare/bare.txt")" "Which meeting?"
has "and runs the console" "$(cat "$T/bare/opened.txt")" "ATTENDANCE"

# The quorum: lost the moment too few voting members remain in the room.
{
	printf 'a\ng\nP\n@dump all\n'
	for i in $(seq 10 28); do printf 'x\n@dump q%s\nj\n' "$i"; done
	printf 'q\ny\n'
} | ui_run quorum 2017-10-05
screen_has "quorate with everyone present (but the apology)" quorum all "quorum 19/5 ok"
screen_has "the header says the quorum is lost" quorum q28 "QUORUM LOST"
has "the status line said so the moment it happened" \
	"$(cat "$T"/quorum/q*.txt)" "Quorum lost: 4 voting members in the room, 5"
is "the loss is in the log" \
	"$(sql "SELECT count(*) > 0 FROM event WHERE meeting_id='$MID' AND kind='quorum lost'")" 1

# An amendment is voted before the motion it amends (a fresh demo board).
DB=$T/amend.db
"$CLERK" --db "$DB" demo >/dev/null
MID=$(sqlite3 "$DB" "SELECT id FROM meeting WHERE starts_at LIKE '2017-10-05%'")
ui_run amend 2017-10-05 <<'KEYS'
y
a
P
<Tab>
n
r
/Mans<Enter><Enter>
/Stallard<Enter><Enter>
That the Board note the report.
<C-s>
m
/Fairhurst<Enter><Enter>
/Rushton<Enter><Enter>
and ask for a further report in December
<C-s>
@dump moved
v
<Enter>
10<Enter>
5<Enter>
0<Enter>
v
<Enter>
12<Enter>
0<Enter>
0<Enter>
@dump voted
q
y
KEYS
screen_has "the motion and its amendment are both pending" amend moved "Amendment (pending): and ask for a"
is "the amendment carried 10 to 5, then the motion 12 to 0" \
	"$(sql "SELECT kind || ' ' || outcome || ' ' || votes_for || '-' || votes_against FROM resolution WHERE meeting_id='$MID' ORDER BY position")" \
	"motion carried 12-0
amendment carried 10-5"
screen_has "the screen shows the result" amend voted "12 for, 0 against, 0 abstained"

# --no-color (and NO_COLOR) change the attributes only, not the text.
ui_run plain 2017-10-05 <<'KEYS'
@dump screen
q
y
KEYS
mkdir -p "$T/nocolor"
printf '@dump screen\nq\ny\n' >"$T/nocolor.keys"
"$CLERK" --db "$DB" --no-color live 2017-10-05 --script "$T/nocolor.keys" --dump "$T/nocolor"
is "--no-color: exit 0" "$?" 0
is "--no-color shows the same text" "$(cat "$T/nocolor/screen.txt")" "$(cat "$T/plain/screen.txt")"

# Bracketed paste: ignored on the screen (never taken for commands), one
# undo step in the editor, line breaks kept as points.
ui_run paste 2017-10-05 <<'KEYS'
<PasteStart>nnnCX<PasteEnd>
@dump ignored
h
<PasteStart>first pasted point<Enter>second pasted point<PasteEnd>
 typed<C-z><C-z>
@dump undo1
<C-z>
@dump undo2
<PasteStart>again<Enter>and again<PasteEnd>
<C-s>
q
y
KEYS
screen_has "a paste on the screen is ignored, and says so" paste ignored "Paste ignored"
is "no item was started by the pasted n's" \
	"$(sql "SELECT count(*) FROM event WHERE meeting_id='$MID' AND kind='item started'")" 1
screen_has "undo takes back the typed word first" paste undo1 "second pasted point"
lacks "then the whole paste" "$(cat "$T/paste/undo2.txt")" "pasted point"
is "pasted lines saved as points" \
	"$(sql "SELECT body FROM minute_text WHERE meeting_id='$MID' AND section='heard' ORDER BY position")" \
	"again
and again"

# The item's pane scrolls back to older captures ([ and ]).  The comments
# are typed after the vote taken earlier on this item, so the pane (like
# the minutes) ends with them: the record in the order it happened (before
# issue 20's ordering, the resolutions always came last).
{
	printf 'c\n'
	for i in $(seq 1 14); do printf 'comment number %s<Enter>\n' "$i"; done
	printf '<C-s>\n@resize 80 16\n@dump tail\n[\n@dump back\n]\n@dump again\nq\ny\n'
} | ui_run scroll 2017-10-05
screen_has "the pane ends with the last capture (typed after the vote)" scroll tail "comment number 14"
lacks "the vote is above it" "$(cat "$T/scroll/tail.txt")" "10 for, 5 against"
screen_has "[ scrolls back to older captures" scroll back "comment number 1"
screen_has "saying there is more below" scroll back "more below"
screen_has "] comes back to the end" scroll again "comment number 14"

# F1 inside the editor lists the editor's keys and comes back to the text.
ui_run edhelp 2017-10-05 <<'KEYS'
h
kept through the help
<F1>
@dump help
<Esc>
@dump back
<C-s>
q
y
KEYS
screen_has "F1 in the editor shows the editor's keys" edhelp help "save the text (commits it)"
screen_has "with undo" edhelp help "undo the last edit"
lacks "not the console's" "$(cat "$T/edhelp/help.txt")" "next_item"
screen_has "Esc returns to the text typed" edhelp back "kept through the help"
is "which is saved" \
	"$(sql "SELECT count(*) FROM minute_text WHERE meeting_id='$MID' AND body = 'kept through the help'")" 1

done_testing
