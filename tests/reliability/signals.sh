#!/bin/bash
# Hang-up and termination of the live console in a real terminal (tmux):
# SIGTERM and SIGHUP end clerk cleanly (exit status written, terminal modes
# restored, the console's screen gone), nothing shown as saved is lost, the
# meeting stays in progress and reopens at the same item.  SIGINT (Ctrl-C)
# asks before leaving, and the meeting goes on when the clerk says no.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux is not installed"; exit 0; }
db=$T/live.db
make_live_board "$db" || exit 99
sock=clerk-rel-$$
tm() { tmux -L "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

screen() { tm capture-pane -p -t main 2>/dev/null; }
# Poll the screen (never sleep-then-look) until it shows $1; 5 s at most.
wait_for() {
	local i
	for i in $(seq 1 50); do
		case $(screen) in *"$1"*) return 0 ;; esac
		sleep 0.1
	done
	return 1
}
wait_file() {
	local i
	for i in $(seq 1 50); do [ -s "$1" ] && return 0; sleep 0.1; done
	return 1
}

start_console() { # tag
	rm -f "$T/rc.$1" "$T/stty.$1"
	tm new-session -d -s main -x 100 -y 30 \
		"LC_ALL=C.UTF-8 TZ=Europe/London bash -c '\"$CLERK\" --db \"$db\" live 2017-10-05; echo \$? >\"$T/rc.$1\"; stty -a >\"$T/stty.$1\"; sleep 600'"
}
clerk_pid() { pgrep -P "$(tm display-message -p -t main '#{pane_pid}')"; }
end_session() { tm kill-session -t main 2>/dev/null; }

check_clean_exit() { # tag signal
	wait_file "$T/rc.$1"
	is "$2: clerk exits with status 0" "$(cat "$T/rc.$1" 2>/dev/null)" 0
	local modes
	modes=$(cat "$T/stty.$1" 2>/dev/null)
	has "$2: the terminal is back in line mode (icanon)" "$modes" " icanon"
	has "$2: the terminal echoes again" "$modes" " echo "
	lacks "$2: the console's screen is gone (alternate screen left)" "$(screen)" "ATTENDANCE"
}

# --- SIGTERM: open the meeting, take the first item, record a paragraph.
start_console term
wait_for "Open the meeting now?" || echo "# the console did not ask to open: $(screen)"
tm send-keys -t main y
wait_for "Meeting open" && tm send-keys -t main n
wait_for "LIVE" || echo "# no item started: $(screen)"
tm send-keys -t main h
sleep 0.3
tm send-keys -t main -l "The Board heard that the £2.5m plan was agreed."
tm send-keys -t main C-s
wait_for "The Board heard that the £2.5m plan" || echo "# the text is not shown: $(screen)"
pid=$(clerk_pid)
[ -n "$pid" ]; _tap_result $? "SIGTERM: clerk is running (pid $pid)"
kill -TERM "$pid"
check_clean_exit term SIGTERM
end_session
is "SIGTERM: the paragraph saved before the signal is in the file" \
	"$(sqlite3 "$db" "SELECT body FROM minute_text")" \
	"The Board heard that the £2.5m plan was agreed."
is "SIGTERM: the meeting is still in progress" \
	"$(sqlite3 "$db" "SELECT status FROM meeting WHERE starts_at LIKE '2017-10-05%'")" \
	"in progress"
is "SIGTERM: the file passes integrity_check" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok

# --- SIGHUP: reopen (no question: the meeting is in progress), same item.
start_console hup
wait_for "LIVE" || echo "# the console did not reopen: $(screen)"
has "SIGHUP: reopened at the item that was running" "$(screen)" "1 APOLOGIES FOR ABSENCE"
has "SIGHUP: the saved paragraph is on screen" "$(screen)" "The Board heard that the £2.5m plan"
# The members are marked present first: an inquorate meeting takes no item.
tm send-keys -t main a P Tab
wait_for "quorum 6/" || echo "# attendance not taken: $(screen)"
tm send-keys -t main n
wait_for "2 DECLARATIONS OF INTEREST" || echo "# no second item: $(screen)"
kill -HUP "$(clerk_pid)"
check_clean_exit hup SIGHUP
end_session
is "SIGHUP: the move to item 2 is in the log" \
	"$(sqlite3 "$db" "SELECT count(*) FROM event WHERE kind = 'item started'")" 2

# --- SIGINT asks; 'n' keeps the meeting going; then SIGTERM ends it.
start_console int
wait_for "LIVE"
tm send-keys -t main C-c
wait_for "Leave the console?"
has "SIGINT: clerk asks before leaving" "$(screen)" "Leave the console?"
[ -n "$(clerk_pid)" ]; _tap_result $? "SIGINT: clerk is still running after Ctrl-C"
tm send-keys -t main n
wait_for "2 DECLARATIONS OF INTEREST"
[ -n "$(clerk_pid)" ]; _tap_result $? "SIGINT: answering no keeps the meeting going"
lacks "SIGINT: the question is gone" "$(screen)" "Leave the console?"
# Ctrl-C sent to the process as a signal (not a key) asks the same.
kill -INT "$(clerk_pid)"
wait_for "Leave the console?"
has "kill -INT: clerk asks before leaving" "$(screen)" "Leave the console?"
tm send-keys -t main y
check_clean_exit int "SIGINT answered yes"
end_session
# Text typed in the editor and not yet saved when SIGTERM arrives is saved
# as the console exits (src/ui/editor.c, save_on_hangup).
start_console typed
wait_for "LIVE"
tm send-keys -t main h
sleep 0.3
tm send-keys -t main -l "Typed but not saved when the signal came"
wait_for "Typed but not saved"
kill -TERM "$(clerk_pid)"
wait_file "$T/rc.typed"
end_session
n=$(sqlite3 "$db" "SELECT count(*) FROM minute_text WHERE body LIKE 'Typed but%'")
is "SIGTERM: the text open in the editor was saved before exit" "$n" 1

is "the meeting ends the test still in progress" \
	"$(sqlite3 "$db" "SELECT status FROM meeting WHERE starts_at LIKE '2017-10-05%'")" \
	"in progress"

done_testing
