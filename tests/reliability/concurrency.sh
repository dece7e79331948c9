#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Two processes on one file: one records events and minute text as fast as
# it can (as the live console does, one commit each) while another runs the
# officers' look-ups, checks and backups over and over.  Neither may see
# "database is locked" or any other failure, and nothing may be lost.  Run
# on WAL (local disk) and on the rollback-journal fallback (network share).
# The slowest look-up and write are printed (never asserted: no timing in
# tests) and recorded in RELIABILITY.md.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup
ROUNDS=${CONCURRENCY_ROUNDS:-8}

ms() { date +%s%3N; }

run_pair() { # label [env...]
	local label=$1 db=$T/$1.db stop=$T/$1.stop
	shift
	make_board "$db" env "$@" || exit 99
	env "$@" "$RELTOOL" writeloop "$db" "$stop" >"$T/$label.writer" 2>&1 &
	local writer=$! failures=0 runs=0 slowest=0 a out rc t0 dt
	for round in $(seq 1 "$ROUNDS"); do
		while read -r a; do
			t0=$(ms)
			out=$(env "$@" "$CLERK" --db "$db" $a 2>&1 </dev/null); rc=$?
			dt=$(($(ms) - t0))
			[ "$dt" -gt "$slowest" ] && slowest=$dt
			runs=$((runs + 1))
			if [ "$rc" -ne 0 ] || grep -qiE 'locked|busy' <<<"$out"; then
				failures=$((failures + 1))
				echo "# $label: clerk $a: exit $rc: $out"
			fi
		done <<<"$LOOKUPS
check
backup $T/$label-backup.db"
	done
	touch "$stop"
	wait "$writer"
	local wrc=$? wout
	wout=$(cat "$T/$label.writer")
	echo "# $label: $runs look-ups (slowest ${slowest} ms) while the writer: $wout (ms)"
	is "$label: every one of $runs look-ups, checks and backups succeeded" "$failures" 0
	is "$label: the writer exited 0" "$wrc" 0
	lacks "$label: the writer never saw 'locked'" "$wout" "locked"
	has "$label: the writer had no failure" "$wout" "failed 0 "
	local written
	written=$(sed -n 's/.*written \([0-9]*\) .*/\1/p' <<<"$wout")
	[ "${written:-0}" -gt 0 ]; _tap_result $? "$label: the writer wrote while the look-ups ran ($written writes)"
	# 40 seeded events, 2 of every 3 writes an event (writes 1, 2, 4, 5, ...).
	local events=$((40 + written - (written + 2) / 3))
	is "$label: every write is in the file" "$(env "$@" "$RELTOOL" events "$db")" "$events"
	is "$label: the file passes integrity_check" \
		"$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
	has "$label: the last backup is sound" \
		"$("$CLERK" --db "$T/$label-backup.db" check 2>&1)" "is sound"
}

run_pair wal
# With a rollback journal a writer in a tight loop would starve readers (a
# reader must find a moment with no write under way); the console writes
# when the clerk acts, so the writer pauses 20 ms between writes here: still
# 50 writes a second, far faster than anyone types.
run_pair rollback CLERK_ASSUME_NETWORK_FS=1 REL_PAUSE_MS=20
is "the rollback run really used a rollback journal" \
	"$(sqlite3 "$T/rollback.db" 'PRAGMA journal_mode')" delete

done_testing
