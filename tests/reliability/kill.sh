#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Kill: a scripted live meeting (tests/reliability/killdrv, which drives
# the live API as the console does and prints "ack" after every action that
# committed) is killed with SIGKILL at a random point of its progress, KILLS
# times (10 in make check, 200 in make reliability): at the K-th write,
# sync, truncation or deletion after its N-th acknowledged action (before
# it, or once it is done; K 0: right after the acknowledgement), counted by the fault VFS in the driver
# itself, so that the kill lands inside an action, its commit or its reload
# at the same point whatever the machine's speed; no clock is involved (a
# wall-clock delay killed a sanitizer build under load before it had opened
# the meeting, and one 0-14 ms after an acknowledgement said nothing of
# where it landed).  After each kill: the file passes
# integrity_check, every row ever acknowledged is in it, the log is no
# shorter than the last acknowledgement said, and the meeting reopens at the
# item (and running/adjourned state) last shown — exactly: every live
# action is one transaction, so no kill leaves a move half-done.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup
KILLS=${KILLS:-10}
KILLDRV=$top_builddir/tests/reliability/killdrv
db=$T/kill.db
make_live_board "$db" || exit 99

sound=0 complete=0 exact=0 halfdone=0 killed=0 inflight=0 acked=0
problems=""
for i in $(seq 1 "$KILLS"); do
	# after N acknowledged actions (0: as soon as the meeting is open), at
	# the K-th I/O point of what follows (an action is 5 to 20 of them)
	# (K < 0: once the |K|-th is done, so that a kill can land between a
	# commit's last sync and its acknowledgement)
	n=$((RANDOM % 12)) k=$((RANDOM % 31 - 15))
	{ "$KILLDRV" run "$db" 2017-10-05 "$i" "$n" "$k" >"$T/acks.$i" \
		2>"$T/err.$i"; rc=$?; } 2>/dev/null
	[ $rc -eq 137 ] && killed=$((killed + 1)) ||
		problems="$problems
run $i was not killed mid-run (exit $rc): $(cat "$T/err.$i")"
	# the kill comes after the N-th acknowledgement (later when the next
	# action had fewer than K I/O points)
	[ "$(grep -c '^ack' "$T/acks.$i")" -ge "$n" ] ||
		problems="$problems
run $i was killed after $(grep -c '^ack' "$T/acks.$i") acknowledgements, before $n"
	cat "$T/acks.$i" >>"$T/acks.all"
	out=$("$KILLDRV" verify "$db" 2017-10-05 "$T/acks.all")
	rc=$?
	case $out in *"integrity ok"*) sound=$((sound + 1)) ;; esac
	case $out in *"missing 0 "*) complete=$((complete + 1)) ;; esac
	case $out in *"state as-acked"*|*"state in-flight-committed"*|*"state nothing-shown"*)
		exact=$((exact + 1)) ;; esac
	case $out in *in-flight-committed*) inflight=$((inflight + 1)) ;; esac
	case $out in *half-done*) halfdone=$((halfdone + 1)) ;; esac
	[ "$rc" -eq 0 ] || problems="$problems
after kill $i: $out"
	acked=$(sed -n 's/^acked \([0-9]*\) .*/\1/p' <<<"${out##*$'\n'}")
done
events=$(sqlite3 "$db" 'SELECT count(*) FROM event')
echo "# $KILLS kills: $acked actions acknowledged in all, $events events in the log, $inflight kills landed after a commit and before its acknowledgement"
echo "# reopened exactly as shown (or as the action in flight left it): $exact of $KILLS; a move found half-done: $halfdone"
[ -n "$problems" ] && printf '%s\n' "$problems" | sed 's/^/# /'
is "the driver was killed mid-run every time" "$killed" "$KILLS"
is "integrity_check passed after every kill" "$sound" "$KILLS"
is "every acknowledged row survived every kill ($acked acknowledged)" "$complete" "$KILLS"
is "the meeting reopened exactly as last shown (or as the action in flight left it) after every kill" "$exact" "$KILLS"
is "no kill left a move to another item half-done" "$halfdone" 0
[ "${acked:-0}" -gt "$KILLS" ]; _tap_result $? "the runs did real work ($acked actions acknowledged)"
ok "clerk check finds the file sound at the end" "$CLERK" --db "$db" check

done_testing
