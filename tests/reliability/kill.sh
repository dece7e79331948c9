#!/bin/bash
# Kill: a scripted live meeting (tests/reliability/killdrv, which drives
# the live API as the console does and prints "ack" after every action that
# committed) is killed with SIGKILL at a random point of its progress, KILLS
# times (10 in make check, 200 in make reliability): after a random number
# of acknowledged actions and a few milliseconds more, so that the kill lands
# in an action, its commit or its reload whatever the machine's speed (a
# wall-clock delay killed a sanitizer build under load before it had opened
# the meeting).  After each kill: the file passes
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

# wait_for_acks PID FILE N: until the driver has reopened the meeting and
# acknowledged N actions (or has stopped, or a minute has passed).
wait_for_acks() {
	for _w in $(seq 1 6000); do
		kill -0 "$1" 2>/dev/null || return
		grep -q '^open' "$2" 2>/dev/null &&
			[ "$(grep -c '^ack' "$2")" -ge "$3" ] && return
		sleep 0.01
	done
}

sound=0 complete=0 exact=0 halfdone=0 killed=0 inflight=0 acked=0
problems=""
for i in $(seq 1 "$KILLS"); do
	"$KILLDRV" run "$db" 2017-10-05 "$i" >"$T/acks.$i" 2>"$T/err.$i" &
	pid=$!
	wait_for_acks "$pid" "$T/acks.$i" $((RANDOM % 12))
	# An action takes about 10 ms: the kill lands anywhere in the next one.
	sleep "$(printf '0.%03d' $((RANDOM % 15)))"
	kill -KILL "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	[ $? -eq 137 ] && killed=$((killed + 1)) ||
		problems="$problems
run $i was not killed mid-run: $(cat "$T/err.$i")"
	cat "$T/acks.$i" >>"$T/acks.all"
	out=$("$KILLDRV" verify "$db" 2017-10-05 "$T/acks.all")
	rc=$?
	case $out in *"integrity ok"*) sound=$((sound + 1)) ;; esac
	case $out in *"missing 0 "*) complete=$((complete + 1)) ;; esac
	case $out in *"state as-acked"*|*"state in-flight-committed"*)
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
