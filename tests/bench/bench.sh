#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench.sh: times clerk's operations on generated archives, each beside its
# floor: the same question asked of the same file with the same indexes by
# the sqlite3 shell (make bench).
#
# For each size in $BENCH_SIZES (small, mid, large) it builds the archive
# once (tests/bench/archive-SIZE.db, kept between runs).  Before timing an
# operation with a floor, it checks that the floor gives clerk's answer:
# clerk's --csv rows (the columns the floor asks for) against the floor's
# rows, compared row by row after sorting; a floor that answers another
# question is reported as DIFFERENT and makes the benchmark fail.  Then it
# counts instructions (valgrind callgrind, when valgrind is installed and
# BENCH_IR is not 0: repeatable whatever the load) and times
# $BENCH_RUNS runs (median, wall clock, with the load average beside).
# Operations with no query to compare (the console, review, the exports,
# meetings) are set beside the start-up of a program that does nothing, and
# say so: their fair floors are not written yet.
set -eu
: "${CLERK:?}" "${BENCHDIR:?}"
RUNS=${BENCH_RUNS:-15}
SIZES=${BENCH_SIZES:-small mid}
IR=${BENCH_IR:-1}
command -v valgrind >/dev/null 2>&1 || IR=0
run() { "$BENCHDIR/benchrun" "$RUNS" "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ=Europe/London LC_ALL=C.UTF-8
# The look-ups and console measure "now" in the archive's last year.
export CLERK_NOW=2026-11-23T10:05:00Z
today=2026-11-23
failed=0

# Millions of instructions of a command (callgrind's total), or "-".
ir() {
	if [ "$IR" = 0 ]; then
		echo -
		return
	fi
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$@" \
		>/dev/null 2>&1 || true
	awk '/^(summary|totals):/ { printf "%.1f", $2 / 1e6; exit }' "$tmp/cg"
}

# The named columns of CSV on standard input, '|'-separated, sorted; a row
# with a column empty, or with every count after the first column 0 (a
# line of someone who attended nothing), says nothing a floor counts.
cols() {
	python3 -c 'import csv, sys
cols = sys.argv[1].split(",")
for r in csv.DictReader(sys.stdin):
    v = [r[c] for c in cols]
    if all(v) and not (len(v) > 1 and all(x == "0" for x in v[1:])):
        print("|".join(v))' "$1" | LC_ALL=C sort
}

# op LABEL ANSWER-COLUMNS FLOOR-SQL CLERK-ARGS...: check, count, time, print.
# ANSWER-COLUMNS "-" (no floor query): the floor is a program doing nothing.
op() {
	label=$1 cols=$2 sql=$3
	shift 3
	check=- fir=- fmed=$start lines=-
	if [ "$cols" != - ]; then
		"$CLERK" --db "$db" "$@" --csv 2>/dev/null | cols "$cols" >"$tmp/clerk.rows"
		sqlite3 -separator '|' "file:$db?mode=ro" "$sql" | LC_ALL=C sort >"$tmp/floor.rows"
		lines=$(wc -l <"$tmp/clerk.rows")
		if cmp -s "$tmp/clerk.rows" "$tmp/floor.rows"; then
			check=same
		else
			check=DIFFERENT
			failed=1
			diff "$tmp/clerk.rows" "$tmp/floor.rows" | head -5 >&2 || true
		fi
		fir=$(ir sqlite3 "file:$db?mode=ro" "$sql")
		set -- $(run sqlite3 "file:$db?mode=ro" "$sql") "$@"
		fmed=$1
		shift 3
	else
		# No query gives this answer: only the start-up of a program
		# doing nothing is set beside it, and no ratio is made of it.
		lines=$("$CLERK" --db "$db" "$@" 2>/dev/null | wc -l)
		[ "$lines" = 0 ] && lines=-
		check="none: start-up only"
	fi
	cir=$(ir "$CLERK" --db "$db" "$@")
	set -- $(run "$CLERK" --db "$db" "$@")
	ratio=-
	[ "$fir" != - ] && [ "$cir" != - ] &&
		ratio=$(awk -v a="$cir" -v b="$fir" 'BEGIN { printf "%.2f", a / b }')
	printf '| %s | %s | %s | %s | %s | %s | %s | %.1f | %s |\n' "$label" \
		"$lines" "$cir" "$fir" "$ratio" "$1" "$fmed" \
		"$(awk -v k="$3" 'BEGIN { print k / 1024 }')" "$check"
}

# Start-up (issue 17): the fixed cost every command pays, whatever the
# archive: loading the program, opening the file, SQLite reading the schema
# (its audit and lock triggers included), clerk checking it, closing.  The
# target is 5 M instructions; "clerk members" runs on a file holding one
# council and one body with no seats.
empty="$tmp/empty.db"
"$CLERK" --db "$empty" council add "Empty Parish Council" --kind parish >/dev/null
"$CLERK" --db "$empty" body add "Empty Parish Council" --short E01 >/dev/null
echo
echo "### Start-up: the fixed cost of any command (target: at most 5 M instructions)"
echo
echo "| operation | clerk, M instr | target, M instr | met | median ms |"
echo "|---|---|---|---|---|"
startup() {
	label=$1
	shift
	cir=$(ir "$CLERK" "$@")
	met=-
	[ "$cir" != - ] && met=$(awk -v a="$cir" 'BEGIN { print a <= 5 ? "yes" : "no" }')
	set -- $(run "$CLERK" "$@")
	echo "| $label | $cir | 5.0 | $met | $1 |"
}
startup "clerk --version" --version
startup "clerk members on an empty file" --db "$empty" members E01

for size in $SIZES; do
	db="$BENCHDIR/archive-$size.db"
	if [ ! -s "$db" ] || [ ! -s "$BENCHDIR/archive-$size.live" ]; then
		echo "bench: building the $size archive (once)..." >&2
		t0=$(date +%s)
		"$BENCHDIR/genarchive" "$db" "$size" >"$BENCHDIR/archive-$size.live"
		echo "bench: built in $(($(date +%s) - t0)) s" >&2
	fi
	live=$(cat "$BENCHDIR/archive-$size.live")
	# An archive of an older schema is upgraded once, before any timing.
	"$CLERK" --db "$db" members B01 >/dev/null
	q() { sqlite3 "file:$db?mode=ro" "$1"; }
	meetings=$(q "SELECT count(*) FROM meeting")
	items=$(q "SELECT count(*) FROM agenda_item")
	att=$(q "SELECT count(*) FROM attendance")
	text=$(q "SELECT sum(length(body)) FROM minute_text")
	mb=$(du -m "$db" | cut -f1)
	# The person with the most terms, and their name.
	person=$(q "SELECT person_id FROM membership GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 1")
	day=$(q "SELECT date(starts_at) FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.short_name = 'B01' AND status = 'closed' ORDER BY starts_at DESC LIMIT 1")
	# One municipal year: its first and last day, and their UTC bounds.
	year_from=2024-05-01 year_to=2025-04-30
	utc_from=2024-04-30T23:00:00Z utc_to=2025-04-30T23:00:00Z

	echo
	echo "### $size archive: $meetings meetings, $items agenda items, $att attendance records, $((text / 1048576)) MB of minute text, file $mb MB"
	echo
	echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "| operation | answer (rows) | clerk, M instr | floor, M instr | clerk / floor | median ms | floor median ms | peak MB | floor's answer |"
	echo "|---|---|---|---|---|---|---|---|---|"

	set -- $(run /bin/true)
	start=$1
	echo "| floor: start-up of a program that does nothing | - | $(ir /bin/true) | - | - | $1 | - | - | - |"

	op "clerk members B01" position,as,name "
SELECT s.position, 'member', trim(p.honorific || ' ' || p.name) FROM body b
JOIN seat s ON s.body_id = b.id JOIN membership m ON m.seat_id = s.id
JOIN person p ON p.id = m.person_id WHERE b.short_name = 'B01'
AND (s.from_date IS NULL OR s.from_date <= '$today') AND (s.to_date IS NULL OR s.to_date >= '$today')
AND m.from_date <= '$today' AND (m.to_date IS NULL OR m.to_date >= '$today')
UNION ALL
SELECT s.position, 'substitute', trim(p.honorific || ' ' || p.name) FROM body b
JOIN seat s ON s.body_id = b.id JOIN substitute x ON x.seat_id = s.id
JOIN person p ON p.id = x.person_id WHERE b.short_name = 'B01'
AND (s.from_date IS NULL OR s.from_date <= '$today') AND (s.to_date IS NULL OR s.to_date >= '$today')
AND x.from_date <= '$today' AND (x.to_date IS NULL OR x.to_date >= '$today')" \
		members B01

	op "clerk who (the person with most terms)" short_name,as,seat_position "
SELECT b.short_name, 'member', s.position FROM membership m
JOIN seat s ON s.id = m.seat_id JOIN body b ON b.id = s.body_id
WHERE m.person_id = '$person' AND m.from_date <= '$today' AND (m.to_date IS NULL OR m.to_date >= '$today')
UNION ALL
SELECT b.short_name, 'substitute', s.position FROM substitute x
JOIN seat s ON s.id = x.seat_id JOIN body b ON b.id = s.body_id
WHERE x.person_id = '$person' AND x.from_date <= '$today' AND (x.to_date IS NULL OR x.to_date >= '$today')" \
		who "$person"

	# Present as a member and as a substitute, per body, at the meetings
	# held: the counts a clerk reads off the person's attendance.
	op "clerk attendance --person (the person with most terms)" body,present,as_substitute "
SELECT b.name, sum(a.substitute_for IS NULL), sum(a.substitute_for IS NOT NULL)
FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN body b ON b.id = m.body_id
WHERE a.person_id = '$person' AND (a.status = 'present' AND a.substitute_for IS NULL
OR a.status = 'substitute' AND a.substitute_for IS NOT NULL) AND m.status <> 'cancelled'
AND m.starts_at <= '${CLERK_NOW}' GROUP BY b.id" \
		attendance --person "$person"

	op "clerk attendance B01, one year" person,present "
SELECT trim(p.honorific || ' ' || p.name), count(*) FROM body b
JOIN meeting m ON m.body_id = b.id JOIN attendance a ON a.meeting_id = m.id
JOIN person p ON p.id = a.person_id WHERE b.short_name = 'B01'
AND m.starts_at >= '$utc_from' AND m.starts_at < '$utc_to' AND m.status <> 'cancelled'
AND a.status = 'present' AND a.substitute_for IS NULL GROUP BY p.id" \
		attendance B01 --from "$year_from" --to "$year_to"

	# Search: the 50 best of the 1,000 most recently recorded matches (the
	# question clerk answers without a filter, and says so) ...
	# Confidential (exempt) text is left out, as clerk leaves it out.
	open_text="NOT (coalesce((SELECT exempt FROM agenda_item WHERE id = d.item_id), 0)
OR EXISTS (SELECT 1 FROM minute_text t WHERE t.id = d.src_id AND t.section = 'exempt'))"
	newest() { # FTS5 query: the best 50 of its newest 1,000 matches
		echo "SELECT d.meeting_id, coalesce(d.item_id, ''), replace(d.src, 'item', 'agenda')
FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid
WHERE search_fts MATCH '$1' AND search_fts.rowid >= coalesce((SELECT rowid FROM search_fts
WHERE search_fts MATCH '$1' ORDER BY rowid DESC LIMIT 1 OFFSET 999), 0) AND $open_text
ORDER BY bm25(search_fts, 2.0, 1.0), search_fts.rowid LIMIT 50"
	}
	op "clerk search budget (common word)" meeting_id,item_id,kind \
		"$(newest budget)" search budget
	op "clerk search safeguard* (a prefix)" meeting_id,item_id,kind \
		"$(newest 'safeguard*')" search 'safeguard*'
	op "clerk search \"Pennington Marshes causeway\" (rare phrase)" meeting_id,item_id,kind \
		"$(newest '"Pennington Marshes causeway"')" search '"Pennington Marshes causeway"'
	# ... and with a filter, the 50 best of every match it keeps.
	filtered() { # FTS5 query, condition on meeting m
		echo "SELECT d.meeting_id, coalesce(d.item_id, ''), replace(d.src, 'item', 'agenda')
FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid
JOIN meeting m ON m.id = d.meeting_id
WHERE search_fts MATCH '$1' AND $2 AND $open_text
ORDER BY bm25(search_fts, 2.0, 1.0), search_fts.rowid LIMIT 50"
	}
	op "clerk search budget --body B01" meeting_id,item_id,kind \
		"$(filtered budget "m.body_id = (SELECT id FROM body WHERE short_name = 'B01')")" \
		search budget --body B01
	op "clerk search budget, one year" meeting_id,item_id,kind \
		"$(filtered budget "m.starts_at >= '$utc_from' AND m.starts_at < '$utc_to'")" \
		search budget --from "$year_from" --to "$year_to"

	printf '@dump first\n' >"$tmp/first.keys"
	op "console: first screen, meeting named" - - \
		live "$live" --script "$tmp/first.keys" --dump "$tmp"
	op "console: first screen, no meeting named (clerk)" - - \
		live --script "$tmp/first.keys" --dump "$tmp"
	op "review: first screen" - - review --script "$tmp/first.keys" --dump "$tmp"
	op "clerk meetings --body B01" - - meetings --body B01
	for fmt in text html docx; do
		op "clerk export $day --format $fmt" - - \
			export "$day" --body B01 --format "$fmt" -o "$tmp/one.$fmt"
	done
	days=$(q "SELECT count(*) FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.short_name = 'B01' AND status = 'closed' AND starts_at >= '$utc_from' AND starts_at < '$utc_to'")
	op "a year of B01's minutes as HTML ($days meetings, one command)" - - \
		export --body B01 --from "$year_from" --to "$year_to" --format html -o "$tmp/year"

	# The live benchmark writes 2,000 points (so that the 99th percentile
	# is the 20th slowest, not one noisy moment): on a fresh copy beside the
	# archive (the same disk), so that every run starts from the same file.
	copy="$BENCHDIR/archive-$size-copy.db"
	cp "$db" "$copy"
	# The copy's pages reach the disk before the timing: otherwise the
	# kernel writes them back meanwhile and every fsync waits behind them.
	sync
	set -- $("$BENCHDIR/benchlive" "$copy" "$live" "${BENCH_EVENTS:-2000}")
	rm -f "$copy" "$copy-wal" "$copy-shm"
	mem=$(awk -v k="$5" 'BEGIN{printf "%.1f", k/1024}')
	echo "| record one event in the live meeting, committed (median) | - | - | - | - | $1 | $3 (fdatasync) | $mem | - |"
	echo "| record one event in the live meeting, committed (99th percentile) | - | - | - | - | $2 | $4 (fdatasync) | $mem | - |"
	echo
	echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
done
if [ "$failed" != 0 ]; then
	echo "bench: a floor did not give clerk's answer (DIFFERENT above)" >&2
	exit 1
fi
