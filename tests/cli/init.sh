#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk init, the guided first set-up: a parish clerk answers its questions
# (a blank answer takes the default), each step runs the command it prints,
# a refused answer is asked again, an unfinished set-up says what was kept;
# plain clerk on a file with no council runs it on a terminal (tmux), and
# with no meeting today lists the meetings that can be run, its messages
# printed after the screen is restored.
. "$top_srcdir/tests/lib.sh"
setup
need sqlite3 || { done_testing; exit; }
unset CLERK_DB XDG_CONFIG_HOME
export CLERK_NOW=2024-05-10T10:00:00Z
db=$T/parish.db
q() { sqlite3 "$db" "$1"; }

# A parish, answered as a clerk would, defaults taken where they fit.
answers='Wereham Parish Council
town hall




Wereham Parish Council
parish
Nicola Cooper
Parish Clerk

clerk@wereham.example





2024-05-01

3
Cllr Jo Bruce
Cllr Dave Deighton

Jo Bruce
Dave Deighton
2024-06-04

Wereham Village Hall
'
out=$(printf '%s' "$answers" | "$CLERK" --db "$db" init 2>&1); rc=$?
is "init exits 0 when every step is done" "$rc" 0
has "a wrong kind is refused, with the command's sentence" "$out" "--kind takes principal, parish"
has "and the council is asked again" "$out" "That was refused: the reason is above."
has "each step shows the command it runs, --db included" "$out" \
	"\$ clerk --db $db council add 'Wereham Parish Council' --kind parish --officer 'Nicola Cooper' --officer-title 'Parish Clerk' --enquiries clerk@wereham.example"
lacks "an answer left blank leaves its option out" "$out" "--address"
has "a parish body by the parish defaults (quorum a third, at least 3)" "$out" \
	"body add 'Wereham Parish Council' --council 'Wereham Parish Council' --short WPC --self 'the Council' --quorum '1/3 min 3' --style parish"
has "the chairman by the name typed" "$out" "member add WPC 1 'Cllr Jo Bruce' --role chairman --from 2024-05-01"
has "the vice-chairman" "$out" "member add WPC 2 'Cllr Dave Deighton' --role vice-chairman --from 2024-05-01"
has "a seat left vacant is still added" "$out" "seat add WPC 'Councillor 3'"
has "the meeting at the parish's usual hour" "$out" "meeting add WPC 2024-06-04 19:00 --venue 'Wereham Village Hall'"
has "and what to do next" "$out" "clerk live 2024-06-04"
has "it counts what it did" "$out" "Set up: 8 commands run."
is "one council, of the parish kind" "$(q "SELECT name, kind FROM council")" "Wereham Parish Council|parish"
is "its officer" "$(q "SELECT officer, officer_title FROM council")" "Nicola Cooper|Parish Clerk"
members=$("$CLERK" --db "$db" members WPC)
has "members lists the chairman" "$members" "Jo Bruce"
has "and the vice-chairman" "$members" "Dave Deighton"
is "three seats" "$(q "SELECT count(*) FROM seat")" 3
has "the meeting is scheduled" "$("$CLERK" --db "$db" meetings)" "2024-06-04  19:00  WPC"

# A committee of a principal council, its members from a file.
db2=$T/district.db
out=$(printf '%s\n' "Anytown District Council" principal "" "" "" "" \
	"Planning Committee" "" "" "" "" 2024-05-01 \
	"$top_srcdir/share/examples/hwb-appendix-b.csv" "" |
	"$CLERK" --db "$db2" init 2>&1); rc=$?
is "a principal council's committee: exit 0" "$rc" 0
has "a planning committee gets the planning style, 'the Committee'" "$out" \
	"body add 'Planning Committee' --council 'Anytown District Council' --short PC --self 'the Committee' --quorum '1/4 min 3' --style planning"
has "its members imported from the file" "$out" \
	"import members PC $top_srcdir/share/examples/hwb-appendix-b.csv --from 2024-05-01"
has "no meeting asked for: none added" "$out" "Set up: 3 commands run."
ok "the members are there" test "$(sqlite3 "$db2" "SELECT count(*) FROM membership")" -gt 5

# Stopped part-way (the answers end): what was done is kept and said.
db3=$T/half.db
out=$(printf 'Half Parish Council\nparish\n\n\n\n\n' | "$CLERK" --db "$db3" init 2>&1); rc=$?
is "an unfinished set-up does not exit 0" "$rc" 1
has "it says how far it got and that it is kept" "$out" "init stopped before the end (1 step done, kept)"
is "the council is kept" "$(sqlite3 "$db3" "SELECT name FROM council")" "Half Parish Council"
exits "init takes no arguments" 2 "$CLERK" --db "$db3" init extra

# Plain clerk with no meeting today: the meetings that can be run, newest
# first; "no" to opening one says so once the screen is restored.
demo=$T/demo.db
"$CLERK" --db "$demo" demo >/dev/null
mkdir -p "$T/dump"
printf '@dump pick\n<Down>\n<Enter>\n@dump ask\nn\n' >"$T/pick.keys"
out=$(CLERK_NOW=2026-11-23T10:00:00Z "$CLERK" --db "$demo" live --script "$T/pick.keys" --dump "$T/dump" 2>&1); rc=$?
pick=$(cat "$T/dump/pick.txt")
has "no meeting today: the list is offered" "$pick" "No meeting today: which one is it?"
has "with the parish's scheduled meeting" "$pick" "Upper Testwood Parish Council, Tue 11 Jun 2019 19:30 (scheduled)"
has "and the board's" "$pick" "Health and Wellbeing Board, Thu 5 Oct 2017 10:00 (scheduled)"
has "choosing one asks before opening it" "$(cat "$T/dump/ask.txt")" "Open the meeting now?"
is "no: exit 1" "$rc" 1
has "and a sentence, printed after the screen closed" "$out" "clerk: not opened: the meeting stays scheduled"
is "nothing was opened" "$(sqlite3 "$demo" "SELECT count(*) FROM meeting WHERE status = 'in progress'")" 0

# On a terminal, plain clerk on a missing file runs the set-up first.
if need tmux; then
	unset TMUX
	SOCK="clerk-init-test-$$"
	tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
	trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
	cat >"$T/run.sh" <<RUN
#!/bin/bash
export LC_ALL=C.UTF-8 TZ=Europe/London CLERK_NOW=$CLERK_NOW HOME=$HOME
"$CLERK" --db "$T/fresh.db"
echo \$? >"$T/rc"
sleep 5 # the pane stays for the last message to be read
RUN
	chmod +x "$T/run.sh"
	wait_for() {
		local i
		for i in $(seq 1 250); do
			tm capture-pane -p -t t 2>/dev/null | grep -qF -- "$1" && return 0
			sleep 0.02
		done
		return 1
	}
	tm new-session -d -s t -x 100 -y 30 "$T/run.sh"
	ok "plain clerk on a missing file offers the set-up" wait_for "This file holds no council yet: clerk init sets one up"
	ok "and asks for the council" wait_for "Its name (e.g. Anytown Parish Council):"
	tm send-keys -t t "Fresh Parish Council" Enter
	ok "its kind next" wait_for "Its kind:"
	tm send-keys -t t C-d
	ok "stopping there says what was kept" wait_for "init stopped before the end"
	for i in $(seq 1 250); do [ -s "$T/rc" ] && break; sleep 0.02; done
	is "and exits 1" "$(cat "$T/rc")" 1
fi

done_testing
