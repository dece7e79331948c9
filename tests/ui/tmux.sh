#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The console on a real terminal: tmux (private server, 80x24) sends real
# keys, UTF-8 typed at the keyboard reaches the database intact, and the
# screen is redrawn on resize (larger, too small, back).  Every wait polls
# the screen until the text appears; the console's exit status is written
# to a file by the command itself.
. "$top_srcdir/tests/ui/ui_lib.sh"
if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi
unset TMUX
SOCK="clerk-ui-test-$$"
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

cat >"$T/run.sh" <<RUN
#!/bin/bash
unset LINES COLUMNS
export LC_ALL=C.UTF-8 TZ=Europe/London CLERK_NOW=$CLERK_NOW HOME=$HOME
"$CLERK" --db "$DB" live 2017-10-05
echo \$? >"$T/rc"
RUN
chmod +x "$T/run.sh"

# wait_for TEXT: poll the pane (up to ~5 s) until TEXT is on it.
wait_for() {
	local i
	for i in $(seq 1 250); do
		if tm capture-pane -p -t t 2>/dev/null | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.02
	done
	return 1
}
wait_rc() {
	local i
	for i in $(seq 1 250); do
		[ -s "$T/rc" ] && return 0
		sleep 0.02
	done
	return 1
}
screen() { tm capture-pane -p -t t; }
wait_for_file() {
	local i
	for i in $(seq 1 250); do
		[ -s "$1" ] && return 0
		sleep 0.02
	done
	return 1
}

tm new-session -d -s t -x 80 -y 24 "$T/run.sh"
ok "asks before opening the meeting" wait_for "Open the meeting now?"
tm send-keys -t t y
ok "the console comes up" wait_for "Meeting open: no item taken yet"
has "at 80x24 the header is short" "$(screen)" "HWB · Thu 5 Oct 2017 · Ashburton Hall"

# Real keys: focus the attendance, search, record an apology typed in UTF-8.
tm send-keys -t t a / H o l l o Enter Enter o
ok "the apology prompt opens" wait_for "Apology: reason"
tm send-keys -t t -l "Malade — été à Llanfair ŵ"
tm send-keys -t t Enter
ok "saved after the commit" wait_for "saved"
is "the reason reached the database intact" \
	"$(sql "SELECT a.note FROM attendance a JOIN person p ON p.id=a.person_id WHERE a.meeting_id='$MID' AND p.name='Christine Holloway'")" \
	"Malade — été à Llanfair ŵ"

# Attendance coloured by state: an apology dim, then present in green
# (SGR 2 and 32 in tmux's capture with escapes).
# The selection moves off her row first: a selected row is highlighted.
# wait_sgr NAME SGR: poll until NAME's row is drawn with that attribute.
wait_sgr() {
	local i
	for i in $(seq 1 250); do
		tm capture-pane -e -p -t t | grep -a "$1" | grep -qaF -- "$2" && return 0
		sleep 0.02
	done
	return 1
}
tm send-keys -t t j
ok "an apology's row is dim" wait_sgr 'a Christine Holloway' $'\e[2m'
tm send-keys -t t k p j
ok "marked present" wait_for "p Christine Holloway"
ok "a present member's row is green" wait_sgr 'p Christine Holloway' $'\e[32m'

# Resize: larger shows the whole venue, too small shows the notice, back.
tm resize-window -t t -x 160 -y 40
ok "a larger terminal is used at once" wait_for "Elizabeth II Court"
tm resize-window -t t -x 50 -y 12
ok "too small: a notice, not a broken screen" wait_for "Terminal too small: 50x12"
tm resize-window -t t -x 80 -y 24
ok "back to 80x24" wait_for "ATTENDANCE 1 p · 0 apol"
tm send-keys -t t F1
ok "F1 shows the help" wait_for "Help — keys"
tm send-keys -t t Escape
ok "Esc closes it" wait_for "F1 help"

# A real bracketed paste on the screen is ignored, not run as commands.
tm set-buffer -b clip "nnnnC"
tm paste-buffer -p -b clip -t t
ok "a paste outside the editor is refused" wait_for "Paste ignored"
is "no item was started by it" \
	"$(sql "SELECT count(*) FROM event WHERE meeting_id='$MID' AND kind='item started'")" 0

# q asks during a live meeting; n stays, q y leaves with status 0.
tm send-keys -t t q
ok "q asks before leaving" wait_for "Leave the console?"
tm send-keys -t t n q y
ok "the console ends" wait_rc
is "exit status 0" "$(cat "$T/rc")" 0
is "the meeting stays in progress" "$(sql "SELECT status FROM meeting WHERE id='$MID'")" "in progress"

# A hang-up (SIGHUP to the console) ends it cleanly with what was done.
rm -f "$T/rc"
tm kill-server 2>/dev/null
tm new-session -d -s t -x 80 -y 24 "$T/run.sh"
ok "it reopens on the meeting in progress" wait_for "ATTENDANCE 1 p · 0 apol"
pid=$(pgrep -f -n "$CLERK --db $DB live" || true)
if [ -n "$pid" ]; then kill -HUP "$pid"; fi
ok "SIGHUP ends it" wait_rc
is "exit status 0 after a hang-up" "$(cat "$T/rc" 2>/dev/null)" 0
ok "the database is sound afterwards" test "$(sql "PRAGMA integrity_check")" = ok

# Two consoles, one meeting: B opens the meeting A drives, is told who
# drives it and since when, and takes over; A is told at once (at its next
# tick, without a key) and records nothing more; B records.
rm -f "$T/rc"
tm kill-server 2>/dev/null
cat >"$T/run2.sh" <<RUN
#!/bin/bash
unset LINES COLUMNS
export LC_ALL=C.UTF-8 TZ=Europe/London CLERK_NOW=$CLERK_NOW HOME=$HOME
"$CLERK" --db "$DB" live 2017-10-05
echo \$? >"$T/rc2"
RUN
chmod +x "$T/run2.sh"
tm new-session -d -s t -x 80 -y 24 "$T/run.sh"
ok "console A opens the meeting" wait_for "ATTENDANCE 1 p · 0 apol"
is "A keeps a lease in the file" "$(sql "SELECT count(*) FROM console_lease WHERE meeting_id='$MID'")" 1
tm new-session -d -s u -x 80 -y 24 "$T/run2.sh"
wait_for_in() { # PANE TEXT
	local i
	for i in $(seq 1 250); do
		if tm capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; then
			return 0
		fi
		sleep 0.02
	done
	return 1
}
ok "console B is told another console drives the meeting" \
	wait_for_in u "has driven this meeting since"
tm send-keys -t u y
ok "B takes over" wait_for_in u "This console drives the meeting now"
ok "A is told at once that it was taken over" wait_for "Taken over:"
ok "and A's header says read-only" wait_for "READ-ONLY"
tm send-keys -t t h
ok "A's capture is refused before anything is typed" wait_for "Read-only:"
tm send-keys -t u n
ok "B starts the first item" wait_for_in u "started 09:58"
tm send-keys -t u h
ok "B's editor opens" wait_for_in u "Minuted as:"
tm send-keys -t u -l "Typed on console B."
tm send-keys -t u C-s
ok "B's text is saved" wait_for_in u "Typed on console B."
is "only B's text reached the file" \
	"$(sql "SELECT count(*) FROM minute_text WHERE meeting_id='$MID'")" 1
is "the lease is B's" \
	"$(sql "SELECT count(*) FROM console_lease WHERE meeting_id='$MID' AND pid<>0")" 1
tm send-keys -t t q y
ok "A leaves" wait_rc
tm send-keys -t u q y
ok "B leaves" wait_for_file "$T/rc2"
is "B gave the lease up on leaving" \
	"$(sql "SELECT count(*) FROM console_lease WHERE meeting_id='$MID'")" 0

done_testing
