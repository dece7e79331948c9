#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench.sh: times clerk's operations on generated archives, each beside its
# floor measured in the same run on the same file (make bench).
#
# For each size in $BENCH_SIZES (small, large) it builds the archive once
# (tests/bench/archive-SIZE.db, kept between runs), then times every
# operation over $BENCH_RUNS runs (median and worst, milliseconds) with its
# peak memory, and prints a Markdown table.  Floors: the sqlite3 shell
# running the equivalent query, and the start-up of a program that does
# nothing (/bin/true).  Targets are printed beside; nothing here asserts.
set -eu
: "${CLERK:?}" "${BENCHDIR:?}"
RUNS=${BENCH_RUNS:-15}
SIZES=${BENCH_SIZES:-small large}
run() { "$BENCHDIR/benchrun" "$RUNS" "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ=Europe/London LC_ALL=C.UTF-8
# The look-ups and console measure "now" in the archive's last year.
export CLERK_NOW=2026-11-23T10:05:00Z

row() { # operation target median worst rss floor-median
	ratio=-
	[ "$6" != - ] && ratio=$(awk -v a="$3" -v b="$6" 'BEGIN{printf "%.1fx", a/b}')
	printf '| %s | %s | %s | %s | %s | %.1f | %s |\n' "$1" "$3" "$4" "$6" \
		"$ratio" "$(awk -v k="$5" 'BEGIN{print k/1024}')" "$2"
}

for size in $SIZES; do
	db="$BENCHDIR/archive-$size.db"
	if [ ! -s "$db" ] || [ ! -s "$BENCHDIR/archive-$size.live" ]; then
		echo "bench: building the $size archive (once)..." >&2
		"$BENCHDIR/genarchive" "$db" "$size" >"$BENCHDIR/archive-$size.live"
	fi
	live=$(cat "$BENCHDIR/archive-$size.live")
	q() { sqlite3 "file:$db?mode=ro" "$1"; }
	meetings=$(q "SELECT count(*) FROM meeting")
	items=$(q "SELECT count(*) FROM agenda_item")
	att=$(q "SELECT count(*) FROM attendance")
	text=$(q "SELECT sum(length(body)) FROM minute_text")
	mb=$(du -m "$db" | cut -f1)
	person=$(q "SELECT p.name FROM person p JOIN membership m ON m.person_id = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1")
	day=$(q "SELECT date(starts_at) FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.short_name = 'B01' AND status = 'closed' ORDER BY starts_at DESC LIMIT 1")
	year_from=2024-05-01
	year_to=2025-04-30

	echo
	echo "### $size archive: $meetings meetings, $items agenda items, $att attendance records, $((text / 1048576)) MB of minute text, file $mb MB"
	echo
	echo "| operation | median ms | worst ms | floor ms | vs floor | peak MB | target |"
	echo "|---|---|---|---|---|---|---|"

	set -- $(run /bin/true)
	start=$1
	row "floor: start-up of a program that does nothing" "-" "$1" "$2" "$3" -

	printf '@dump first\n' >"$tmp/first.keys"
	set -- $(run "$CLERK" --db "$db" live "$live" --script "$tmp/first.keys" --dump "$tmp")
	row "console: first complete screen" "<= 50 ms" "$1" "$2" "$3" "$start"

	f=$(run sqlite3 "file:$db?mode=ro" "SELECT s.position, s.label, p.name, m.role FROM seat s JOIN body b ON b.id = s.body_id LEFT JOIN membership m ON m.seat_id = s.id AND m.from_date <= '2026-11-23' AND (m.to_date IS NULL OR m.to_date >= '2026-11-23') LEFT JOIN person p ON p.id = m.person_id WHERE b.short_name = 'B01' ORDER BY s.position; SELECT s.position, p.name FROM substitute x JOIN seat s ON s.id = x.seat_id JOIN body b ON b.id = s.body_id JOIN person p ON p.id = x.person_id WHERE b.short_name = 'B01' AND x.from_date <= '2026-11-23' AND (x.to_date IS NULL OR x.to_date >= '2026-11-23');" | cut -d' ' -f1)
	set -- $(run "$CLERK" --db "$db" members B01)
	row "clerk members B01" "<= 2x floor, <= 15 ms" "$1" "$2" "$3" "$f"

	f=$(run sqlite3 "file:$db?mode=ro" "SELECT b.name, m.role, m.from_date FROM person p JOIN membership m ON m.person_id = p.id JOIN seat s ON s.id = m.seat_id JOIN body b ON b.id = s.body_id WHERE p.name = '$person' AND (m.to_date IS NULL OR m.to_date >= '2026-11-23'); SELECT b.name, x.from_date FROM person p JOIN substitute x ON x.person_id = p.id JOIN seat s ON s.id = x.seat_id JOIN body b ON b.id = s.body_id WHERE p.name = '$person' AND (x.to_date IS NULL OR x.to_date >= '2026-11-23');" | cut -d' ' -f1)
	set -- $(run "$CLERK" --db "$db" who "$person")
	row "clerk who \"$person\"" "<= 2x floor, <= 15 ms" "$1" "$2" "$3" "$f"

	f=$(run sqlite3 "file:$db?mode=ro" "SELECT a.person_id, a.status, count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN body b ON b.id = m.body_id WHERE b.short_name = 'B01' AND m.starts_at >= '$year_from' AND m.starts_at < '$year_to' GROUP BY a.person_id, a.status;" | cut -d' ' -f1)
	set -- $(run "$CLERK" --db "$db" attendance B01 --from "$year_from" --to "$year_to")
	row "clerk attendance B01, one year" "-" "$1" "$2" "$3" "$f"

	# The same question as clerk's: the best of the newest 1,000 matches.
	f=$(run sqlite3 "file:$db?mode=ro" "SELECT d.meeting_id, snippet(search_fts, 1, '[', ']', '...', 12) FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH 'budget' AND rowid >= coalesce((SELECT rowid FROM search_fts WHERE search_fts MATCH 'budget' ORDER BY rowid DESC LIMIT 1 OFFSET 999), 0) ORDER BY rank LIMIT 20;" | cut -d' ' -f1)
	set -- $(run "$CLERK" --db "$db" search budget)
	row "clerk search budget (common word)" "<= 30 ms" "$1" "$2" "$3" "$f"

	f=$(run sqlite3 "file:$db?mode=ro" "SELECT d.meeting_id, snippet(search_fts, 1, '[', ']', '...', 12) FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH '\"Pennington Marshes causeway\"' ORDER BY rank LIMIT 20;" | cut -d' ' -f1)
	set -- $(run "$CLERK" --db "$db" search '"Pennington Marshes causeway"')
	row "clerk search \"Pennington Marshes causeway\" (rare phrase)" "<= 30 ms" "$1" "$2" "$3" "$f"

	for fmt in text markdown html docx; do
		set -- $(run "$CLERK" --db "$db" export "$day" --body B01 --format "$fmt" -o "$tmp/one.$fmt")
		row "clerk export $day --format $fmt" "<= 20 ms" "$1" "$2" "$3" "$start"
	done

	days=$(q "SELECT count(*) FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.short_name = 'B01' AND status = 'closed' AND starts_at >= '$year_from' AND starts_at < '$year_to'")
	set -- $(run "$CLERK" --db "$db" export --body B01 --from "$year_from" --to "$year_to" --format html -o "$tmp/year")
	row "a year of B01's minutes as HTML ($days meetings, one command)" "-" "$1" "$2" "$3" "$start"

	# The live benchmark writes 2,000 points (so that the 99th percentile
	# is the 20th slowest, not one noisy moment): on a fresh copy beside the
	# archive (the same disk), so that every run starts from the same file.
	copy="$BENCHDIR/archive-$size-copy.db"
	cp "$db" "$copy"
	# The copy's pages reach the disk before the timing: otherwise the
	# kernel writes them back meanwhile and every fsync waits behind them.
	sync
	set -- $("$BENCHDIR/benchlive" "$copy" "$live" 2000)
	rm -f "$copy" "$copy-wal" "$copy-shm"
	mem=$(awk -v k="$5" 'BEGIN{printf "%.1f", k/1024}')
	echo "| record one event in the live meeting, committed (median) | $1 | - | $3 (fdatasync) | - | $mem | <= fsync + 1 ms |"
	echo "| record one event in the live meeting, committed (99th percentile) | $2 | - | $4 (fdatasync) | - | $mem | <= fsync p99 + 1 ms |"
done
