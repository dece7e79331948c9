#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The real console (the clerk binary, `clerk live --script`) killed with
# its editor open and words typed in it, round after round on one file.
# kill.sh kills the live module's driver; this kills clerk itself.
#
# The keys come through a FIFO, so each kill is tied to the console's
# progress, not to the clock: the harness writes the keys of a round up
# to a dump of the screen, waits for that dump (the console has taken
# every key before it and shows the result), then signals clerk, which is
# waiting for the next key with the editor open.  A paragraph counts as
# acknowledged once a dump after its Ctrl-S shows it in the item's pane.
#
# After every round: every paragraph ever acknowledged is in the file
# exactly once, byte for byte, not marked unfinished; `clerk check` calls
# the file sound.  And what the unfinished-text rules (issue 20) say:
# - SIGKILL: the words in the editor are gone, none of them in the file
#   (nothing can save them; nothing half-saved either);
# - SIGTERM, SIGHUP: clerk exits 0 having saved them, whole, once, marked
#   unfinished; the next console shows them "[UNFINISHED: saved when";
# - SIGKILL right after Ctrl-S (the save in flight, not acknowledged):
#   the paragraph is in the file whole and once, or not at all.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 99
unset CLERK_SCRIPT XDG_CONFIG_HOME LINES COLUMNS
export TERM=dumb
# 08:58 UTC is 09:58 in Winchester: two minutes before the meeting.
export CLERK_NOW=2017-10-05T08:58:00Z
DB=$T/clerk.db
"$CLERK" --db "$DB" demo >/dev/null 2>&1 || exit 99
MID=$(sqlite3 "$DB" "SELECT id FROM meeting WHERE starts_at LIKE '2017-10-05%'")
sql() { sqlite3 -batch -noheader "$DB" "$1"; }
# texts WHERE: the meeting's paragraphs matching WHERE, "body|unfinished".
texts() { sql "SELECT body || '|' || unfinished FROM minute_text
	WHERE meeting_id = '$MID' AND ($1) ORDER BY rowid"; }

# The order of the signals: ROUNDS of them (10 in make check).
signals=(KILL KILL TERM KILL HUP KILL SAVING KILL TERM KILL)
rounds=${ROUNDS:-${#signals[@]}}

# Poll (never sleep-then-look) for a file; 10 s at most.
wait_file() {
	local i
	for i in $(seq 1 100); do [ -e "$1" ] && return 0; sleep 0.1; done
	return 1
}

acked=()   # every paragraph acknowledged so far
unfin=()   # every paragraph saved by SIGTERM/SIGHUP, unfinished
lost=0
for ((r = 0; r < rounds; r++)); do
	sig=${signals[r % ${#signals[@]}]}
	d=$T/round$r
	mkdir -p "$d"
	rm -f "$T/keys" "$T/rc"
	mkfifo "$T/keys"
	"$CLERK" --db "$DB" live 2017-10-05 --script "$T/keys" --dump "$d" \
		>"$d/out" 2>"$d/err" &
	pid=$!
	exec 7>"$T/keys"
	# The first round opens the meeting and takes the first item; later
	# rounds come back to it, in progress.
	[ "$r" -eq 0 ] && printf 'y\nn\n' >&7
	printf '@dump open\n' >&7
	# 1 to 3 paragraphs saved, each acknowledged by the screen.
	for ((k = 0; k <= r % 3; k++)); do
		p="Round $r, point $k: the Board heard £${r}.${k}m, é ŵ “quoted”."
		printf 'h\n%s\n<C-s>\n@dump saved%d\n' "$p" "$k" >&7
		if wait_file "$d/saved$k.txt" &&
			grep -qF "Round $r, point $k:" "$d/saved$k.txt"; then
			acked+=("$p")
		fi
	done
	# Words typed and not saved, the editor open on them.
	typed="Round $r typed, not saved when SIG$sig came: the pilot was half"
	printf 'h\n%s\n@dump typed\n' "$typed" >&7
	wait_file "$d/typed.txt"
	has "round $r: the editor shows the typed words" \
		"$(cat "$d/typed.txt" 2>/dev/null)" "Round $r typed"
	prev=
	[ "$r" -gt 0 ] && prev=${signals[(r - 1) % ${#signals[@]}]}
	if [ "$prev" = TERM ] || [ "$prev" = HUP ]; then
		has "round $r: the words saved by the last signal are shown unfinished" \
			"$(tr -s ' \n' ' ' <"$d/open.txt")" "[UNFINISHED: saved when"
	fi
	case $sig in
	KILL)
		kill -KILL "$pid"
		wait "$pid"
		is "round $r: SIGKILL ends clerk (status 137)" "$?" 137
		is "round $r, SIGKILL: none of the typed words is in the file" \
			"$(texts "body LIKE 'Round $r typed%'")" ""
		;;
	SAVING)
		# Ctrl-S and at once SIGKILL: the save in flight.
		printf '<C-s>\n' >&7
		kill -KILL "$pid"
		wait "$pid"
		n=$(texts "body LIKE 'Round $r typed%'")
		case $n in
		"" | "$typed|0") _tap_result 0 "round $r, SIGKILL during Ctrl-S: the paragraph is whole or absent" ;;
		*) _tap_result 1 "round $r, SIGKILL during Ctrl-S: the paragraph is whole or absent" "$n" ;;
		esac
		[ -n "$n" ] && acked+=("$typed")
		;;
	TERM | HUP)
		kill -"$sig" "$pid"
		wait "$pid"
		is "round $r: SIG$sig ends clerk cleanly (exit 0)" "$?" 0
		is "round $r, SIG$sig: the typed words saved whole, once, unfinished" \
			"$(texts "body LIKE 'Round $r typed%'")" "$typed|1"
		unfin+=("$typed")
		;;
	esac
	exec 7>&-
	rm -f "$T/keys"
	# Nothing acknowledged is lost, nor doubled, nor marked unfinished.
	miss=0
	for p in "${acked[@]}"; do
		[ "$(texts "body = '${p//\'/\'\'}'")" = "$p|0" ] || miss=$((miss + 1))
	done
	is "round $r: all ${#acked[@]} acknowledged paragraphs in the file, whole, once" \
		"$miss" 0
	lost=$((lost + miss))
	for p in "${unfin[@]}"; do
		[ "$(texts "body = '${p//\'/\'\'}'")" = "$p|1" ] || miss=$((miss + 1))
	done
	is "round $r: the ${#unfin[@]} paragraphs saved by a signal still there, unfinished" \
		"$miss" 0
	out=$("$CLERK" --db "$DB" check 2>&1)
	is "round $r: clerk check calls the file sound (exit 0)" "$?" 0
	has "round $r: integrity ok" "$out" "integrity:    ok"
done
echo "# $rounds rounds, ${#acked[@]} paragraphs acknowledged, $lost lost;" \
	"${#unfin[@]} saved unfinished by SIGTERM/SIGHUP"
is "the meeting is still in progress after every kill" \
	"$(sql "SELECT status FROM meeting WHERE id = '$MID'")" "in progress"
# The review shows what the signals saved as unfinished, above the minutes.
printf '@dump pager\nq\n' >"$T/review.keys"
mkdir -p "$T/review"
"$CLERK" --db "$DB" review 2017-10-05 --script "$T/review.keys" \
	--dump "$T/review" >/dev/null 2>&1
has "the review marks the words saved by SIGTERM unfinished" \
	"$(tr -s ' \n' ' ' <"$T/review/pager.txt")" \
	"UNFINISHED (saved when the terminal hung up; e accepts or corrects it): Round 2 typed"
done_testing
