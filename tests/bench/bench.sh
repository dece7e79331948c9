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
# Where no query can print a comparable answer (the console's screen, an
# exported document), the floor reads every row that answer is made from,
# and the table says so.  BENCH_ONLY=TEXT runs only the operations whose
# label holds TEXT ("record one event" for the live benchmark).
set -eu
: "${CLERK:?}" "${BENCHDIR:?}"
RUNS=${BENCH_RUNS:-15}
SIZES=${BENCH_SIZES:-small mid}
IR=${BENCH_IR:-1}
ONLY=${BENCH_ONLY:-} # only the operations whose label holds this text
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
# With "all:" before the columns, every row and every column, as printed.
cols() {
	python3 -c 'import csv, sys
whole = sys.argv[1].startswith("all:")
cols = sys.argv[1][4 if whole else 0:].split(",")
for r in csv.DictReader(sys.stdin):
    v = [r[c] for c in cols]
    if whole or all(v) and not (len(v) > 1 and all(x == "0" for x in v[1:])):
        print("|".join(v))' "$1" | LC_ALL=C sort
}

# The answer clerk gives, as rows to set beside the floor's ('|'-separated,
# sorted), for ANSWER (see op): the named columns of its --csv; the first
# N fields of its plain output's lines after the header (text:N); or the
# rows of its first screen between the heading and the keys (screen).
answer() {
	kind=$1
	shift
	case $kind in
	text:*)
		"$CLERK" --db "$db" "$@" 2>/dev/null |
			awk -v n="${kind#text:}" 'NR > 1 { s = $1
				for (i = 2; i <= n; i++) s = s "|" $i
				print s }' | LC_ALL=C sort ;;
	screen)
		rm -f "$tmp/first.txt"
		"$CLERK" --db "$db" "$@" >/dev/null 2>&1
		sed '1,2d;$d' "$tmp/first.txt" | sed 's/^ *//; s/  */ /g; s/ *$//' |
			LC_ALL=C sort ;;
	*) "$CLERK" --db "$db" "$@" --csv 2>/dev/null | cols "$kind" ;;
	esac
}

# op LABEL ANSWER FLOOR-SQL CLERK-ARGS...: check, count, time, print.
# ANSWER says how clerk's answer is compared with the floor's rows (see
# answer); "reads" when no query can print a comparable answer (a screen,
# a document): the floor then reads every row clerk's answer is made
# from, and the last column says so; "-" for no floor at all.
op() {
	label=$1 cols=$2 sql=$3
	shift 3
	case $label in *$ONLY*) ;; *) return 0 ;; esac
	check=- fir=- fmed=$start lines=-
	if [ "$cols" = reads ]; then
		lines=$("$CLERK" --db "$db" "$@" 2>/dev/null | wc -l)
		[ "$lines" = 0 ] && lines=-
		check="reads the same rows (no answer to compare)"
	elif [ "$cols" != - ]; then
		answer "$cols" "$@" >"$tmp/clerk.rows"
		sqlite3 -separator '|' "file:$db?mode=ro" "$sql" | LC_ALL=C sort >"$tmp/floor.rows"
		lines=$(wc -l <"$tmp/clerk.rows")
		if [ -s "$tmp/clerk.rows" ] && cmp -s "$tmp/clerk.rows" "$tmp/floor.rows"; then
			check=same
		else
			check=DIFFERENT
			failed=1
			diff "$tmp/clerk.rows" "$tmp/floor.rows" | head -5 >&2 || true
		fi
	else
		# No query gives this answer: only the start-up of a program
		# doing nothing is set beside it, and no ratio is made of it.
		lines=$("$CLERK" --db "$db" "$@" 2>/dev/null | wc -l)
		[ "$lines" = 0 ] && lines=-
		check="none: start-up only"
	fi
	if [ "$cols" != - ]; then
		fir=$(ir sqlite3 "file:$db?mode=ro" "$sql")
		set -- $(run sqlite3 "file:$db?mode=ro" "$sql") "$@"
		fmed=$1
		shift 3
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

# A screen timed from the start until the console's --dump has written
# the screen it first drew, not until it quits: only the milliseconds.
drawn() {
	label=$1
	shift
	case $label in *$ONLY*) ;; *) return 0 ;; esac
	set -- $(BENCH_DRAWN="$tmp/first.txt" run "$CLERK" --db "$db" "$@")
	printf '| %s | - | - | - | - | %s | - | %.1f | - |\n' "$label" "$4" \
		"$(awk -v k="$3" 'BEGIN { print k / 1024 }')"
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

# Long texts (issue 17): what one long text costs, at a quarter of the
# 256 KB one text may hold and at nearly all of it; linear is 4x.  Item 1
# of a meeting holds the text as its description and as a paragraph the
# meeting heard ("budget" one word in ten): searched for a word in it, the
# agenda exported, and the console opened on the item with ten keys.
longtext_file() { # KB: the file, made once
	f="$tmp/long$1.db"
	[ -s "$f" ] && return 0
	"$CLERK" --db "$f" body add "Long Text Committee" --short LT >/dev/null
	"$CLERK" --db "$f" meeting add LT 2026-11-23 10:00 >/dev/null
	python3 -c 'import sys
words = ["budget", "report", "parish", "road", "hall", "grant", "tree", "drain", "fence", "light"]
text = " ".join(words[(i * 7 + i // 10) % 10] for i in range(int(sys.argv[1]) * 1024 // 6))
print("1.\tTHE LONG REPORT\n\t" + text)
open(sys.argv[2], "w").write(text)' "$1" "$tmp/long$1.heard" >"$tmp/long$1.txt"
	"$CLERK" --db "$f" import agenda 2026-11-23 "$tmp/long$1.txt" >/dev/null
	sqlite3 "$f" "INSERT INTO minute_text (id, meeting_id, item_id, section, position, body)
SELECT '00000000-0000-4000-8000-00000000000$1', meeting_id, id, 'heard', 1, readfile('$tmp/long$1.heard')
FROM agenda_item WHERE number = '1'"
}
longtext() { # LABEL CLERK-ARGS...: instructions at 60 and 240 KB
	label=$1
	shift
	case $label in *$ONLY*) ;; *) return 0 ;; esac
	longtext_file 60
	longtext_file 240
	a=$(ir "$CLERK" --db "$tmp/long60.db" "$@")
	b=$(ir "$CLERK" --db "$tmp/long240.db" "$@")
	growth=-
	[ "$a" != - ] && growth=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2fx", b / a }')
	echo "| $label | $a | $b | $growth |"
}
printf 'y\nn\n' >"$tmp/long.keys"
for i in 1 2 3 4 5 6 7 8 9 10; do printf '<Down>\n' >>"$tmp/long.keys"; done
printf 'q\n' >>"$tmp/long.keys"
echo
echo "### Long texts: one 60 KB and one 240 KB text (linear: at most 4x)"
echo
echo "| operation | 60 KB, M instr | 240 KB, M instr | growth |"
echo "|---|---|---|---|"
longtext "long text: search budget" search budget
longtext "long text: export the agenda" export 2026-11-23 --agenda -o "$tmp/long.out"
longtext "long text: the console on its item, ten keys" live 2026-11-23 \
	--script "$tmp/long.keys" --dump "$tmp"

# The rows a meeting's minutes are made from (the tables of
# tests/reliability/damaged_tables.sh), every column, for meeting $1 of
# body $2 on local day $3: what a floor of an export or of the console's
# first screen reads.
meeting_rows() {
	echo "SELECT * FROM meeting WHERE id = '$1';
SELECT * FROM body WHERE id = '$2';
SELECT * FROM body_ended WHERE body_id = '$2';
SELECT c.* FROM council c JOIN body b ON b.council_id = c.id WHERE b.id = '$2';
SELECT * FROM agenda_item WHERE meeting_id = '$1' ORDER BY position;
SELECT a.*, p.* FROM attendance a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = '$1';
SELECT s.*, m.*, p.* FROM seat s JOIN membership m ON m.seat_id = s.id
JOIN person p ON p.id = m.person_id WHERE s.body_id = '$2'
AND m.from_date <= '$3' AND (m.to_date IS NULL OR m.to_date >= '$3');
SELECT x.*, p.* FROM seat s JOIN substitute x ON x.seat_id = s.id
JOIN person p ON p.id = x.person_id WHERE s.body_id = '$2'
AND x.from_date <= '$3' AND (x.to_date IS NULL OR x.to_date >= '$3');
SELECT * FROM declaration WHERE meeting_id = '$1';
SELECT * FROM minute_text WHERE meeting_id = '$1';
SELECT * FROM event WHERE meeting_id = '$1' ORDER BY seq;
SELECT * FROM action WHERE meeting_id = '$1';
SELECT * FROM application WHERE meeting_id = '$1';
SELECT * FROM resolution WHERE meeting_id = '$1';
SELECT * FROM vote WHERE meeting_id = '$1';
SELECT * FROM correction WHERE meeting_id = '$1';
SELECT id, src_id FROM search_doc WHERE meeting_id = '$1' ORDER BY id;"
}

# The live benchmark writes 2,000 points (so that the 99th percentile is
# the 20th slowest, not one noisy moment): on a fresh copy beside the
# archive (the same disk), so that every run starts from the same file.
live_bench() {
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
}

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

	# Attendance, the same question as clerk's (model/lookup_attendance.c):
	# at each meeting held up to now (not cancelled) of the bodies $1
	# (a condition on body b), the members whose term covers its day and
	# anyone recorded in their own right are expected; present, apologies,
	# absent (or no record, unless the meeting is still running), a
	# substitute sent, present as a substitute, counted over the days $3 to
	# $4; everyone expected or substituting up to now has a line, with
	# their last attendance, the days since (else since their current
	# term began), and the six-month rule for a councillor holding a
	# seat today (the last attendance at any meeting of the council;
	# approved absences extend the six months).  $2: one person's id, or
	# empty for everyone: with a person, only their rows are read (their
	# terms, their attendance by the index on meeting and person).
	attendance_floor() {
		if [ -n "$2" ]; then
			only_t="AND tm.pid = '$2'" only_a="AND a.person_id = '$2'"
			only_m="AND ms.person_id = '$2'" only_s="AND a.substitute_for = '$2'"
		else
			only_t= only_a= only_m= only_s=
		fi
		echo "WITH b AS MATERIALIZED (SELECT id, name, council_id FROM body b WHERE $1),
mt AS MATERIALIZED (SELECT m.id, m.body_id, date(m.starts_at, 'localtime') AS day,
  m.status IN ('in progress', 'adjourned') AS running,
  date(m.starts_at, 'localtime') BETWEEN '$3' AND '$4' AS inp
  FROM b JOIN meeting m ON m.body_id = b.id
  WHERE m.status <> 'cancelled' AND m.starts_at <= '$CLERK_NOW'),
tm AS MATERIALIZED (SELECT s.body_id, ms.person_id AS pid, ms.from_date AS f, ms.to_date AS t
  FROM b CROSS JOIN seat s ON s.body_id = b.id CROSS JOIN membership ms ON ms.seat_id = s.id
  WHERE 1 $only_m),
ex AS MATERIALIZED (SELECT mt.id AS mid, tm.pid FROM mt JOIN tm ON tm.body_id = mt.body_id
  AND tm.f <= mt.day AND (tm.t IS NULL OR tm.t >= mt.day) $only_t
  UNION SELECT a.meeting_id, a.person_id FROM mt JOIN attendance a ON a.meeting_id = mt.id
  WHERE a.substitute_for IS NULL AND (a.status IN ('present', 'apology', 'absent')
  OR a.status = 'expected' AND a.seat_id IS NOT NULL) $only_a),
su AS MATERIALIZED (SELECT a.meeting_id AS mid, a.person_id AS pid FROM mt JOIN attendance a ON a.meeting_id = mt.id
  WHERE (a.status = 'substitute' OR a.status = 'present' AND a.substitute_for IS NOT NULL) $only_a),
ss AS MATERIALIZED (SELECT DISTINCT a.meeting_id AS mid, a.substitute_for AS pid FROM mt
  JOIN attendance a ON a.meeting_id = mt.id WHERE a.substitute_for IS NOT NULL
  AND a.status IN ('substitute', 'present') $only_s),
er AS MATERIALIZED (SELECT mt.body_id, ex.pid, mt.day, mt.inp, mt.running,
  a.status = 'substitute' OR a.status = 'present' AND a.substitute_for IS NOT NULL AS subbing,
  a.substitute_for IS NULL AND a.status IN ('present', 'in attendance') AS here, a.status,
  ss.mid IS NOT NULL AS sent
  FROM ex JOIN mt ON mt.id = ex.mid LEFT JOIN attendance a ON a.meeting_id = ex.mid AND a.person_id = ex.pid
  LEFT JOIN ss ON ss.mid = ex.mid AND ss.pid = ex.pid),
ec AS (SELECT body_id, pid, sum(inp) AS expected, sum(inp AND here) AS present,
  sum(inp AND NOT here AND NOT subbing AND status = 'apology') AS apologies,
  sum(inp AND NOT here AND NOT (coalesce(status, '') = 'apology' AND NOT subbing)
   AND (coalesce(status, '') = 'absent' AND NOT subbing OR NOT running)) AS absent,
  sum(inp AND sent) AS sent, max(CASE WHEN here THEN day END) AS last
  FROM er GROUP BY body_id, pid),
sc AS (SELECT mt.body_id, su.pid, sum(mt.inp) AS as_sub, max(mt.day) AS last
  FROM su JOIN mt ON mt.id = su.mid GROUP BY mt.body_id, su.pid),
p AS (SELECT body_id, pid FROM ec UNION SELECT body_id, pid FROM sc),
c AS MATERIALIZED (SELECT p.body_id, p.pid, coalesce(ec.expected, 0) AS expected,
  coalesce(ec.present, 0) AS present, coalesce(sc.as_sub, 0) AS as_sub,
  coalesce(ec.apologies, 0) AS apologies, coalesce(ec.absent, 0) AS absent,
  coalesce(ec.sent, 0) AS sent,
  CASE WHEN ec.last IS NULL THEN sc.last WHEN sc.last IS NULL THEN ec.last
  ELSE max(ec.last, sc.last) END AS last,
  (SELECT max(f) FROM tm WHERE tm.body_id = p.body_id AND tm.pid = p.pid
   AND f <= '$today' AND (t IS NULL OR t >= '$today')) AS since
  FROM p LEFT JOIN ec ON ec.body_id = p.body_id AND ec.pid = p.pid
  LEFT JOIN sc ON sc.body_id = p.body_id AND sc.pid = p.pid),
r AS MATERIALIZED (SELECT c.*, coalesce(last, since) AS start,
  CASE WHEN since IS NOT NULL AND (SELECT kind FROM person WHERE id = c.pid) = 'councillor'
  THEN (SELECT date(max(m.starts_at), 'localtime') FROM attendance a CROSS JOIN meeting m ON m.id = a.meeting_id
   CROSS JOIN body x ON x.id = m.body_id WHERE a.person_id = c.pid
   AND x.council_id = (SELECT council_id FROM body WHERE id = c.body_id)
   AND m.status <> 'cancelled' AND m.starts_at <= '$CLERK_NOW'
   AND a.status IN ('present', 'substitute')) END AS s85_last
  FROM c),
s AS MATERIALIZED (SELECT r.*, coalesce(s85_last, since) AS s85_start FROM r),
d AS MATERIALIZED (SELECT s.*, max(date(s85_start, '+6 months'), coalesce((SELECT max(x.until)
  FROM absence_approval x JOIN meeting m ON m.id = x.approved_at WHERE x.person_id = s.pid
  AND date(m.starts_at, 'localtime') <= date(s85_start, '+6 months')), '')) AS deadline FROM s)
SELECT (SELECT name FROM body WHERE id = d.body_id), trim(pe.honorific || ' ' || pe.name),
  CASE WHEN since IS NULL THEN 'no' ELSE 'yes' END, expected, present, as_sub, apologies, absent, sent,
  coalesce(last, ''), coalesce(CAST(julianday('$today') - julianday(start) AS INTEGER), ''),
  CASE WHEN pe.kind <> 'councillor' OR since IS NULL OR s85_start IS NULL THEN ''
  WHEN julianday(deadline) < julianday('$today') THEN 'passed'
  WHEN (SELECT max(x.until) FROM absence_approval x WHERE x.person_id = d.pid) >= '$today' THEN 'approved'
  WHEN julianday('$today') - julianday(s85_start) >= 120 THEN 'warning' ELSE 'ok' END
FROM d JOIN person pe ON pe.id = d.pid"
	}
	att_cols=all:body,person,current,expected,present,as_substitute,apologies,absent,substitute_sent,last_attended,days_since,six_month_rule
	# The bodies the person sat on, substituted at or attended.
	person_bodies="b.id IN (SELECT s.body_id FROM membership ms JOIN seat s ON s.id = ms.seat_id
WHERE ms.person_id = '$person' UNION SELECT s.body_id FROM substitute x JOIN seat s ON s.id = x.seat_id
WHERE x.person_id = '$person' UNION SELECT m.body_id FROM attendance a JOIN meeting m ON m.id = a.meeting_id
WHERE a.person_id = '$person')"
	op "clerk attendance --person (the person with most terms)" "$att_cols" \
		"$(attendance_floor "$person_bodies" "$person" 0000-01-01 9999-12-31)" \
		attendance --person "$person"
	op "clerk attendance B01, one year" "$att_cols" \
		"$(attendance_floor "b.short_name = 'B01'" "" "$year_from" "$year_to")" \
		attendance B01 --from "$year_from" --to "$year_to"

	# Search, newest meeting first: the months read from the newest back
	# (each document's month is in the index, schema step 17), counting
	# the matches of each until 100 are found (room for the confidential
	# ones, left out as clerk leaves them out), then those months' matches
	# dated and the newest 50 kept.  $1 the FTS5 query (an SQL
	# expression), $2 a condition on meeting m, $3 an SQL expression for
	# the scope phrase of a body (before the month's).
	open_text="NOT (coalesce((SELECT exempt FROM agenda_item WHERE id = d.item_id), 0)
OR EXISTS (SELECT 1 FROM minute_text t WHERE t.id = d.src_id AND t.section = 'exempt'))"
	newest() {
		month="printf('scope : \"0m%04d%02d\" AND %s(%s)', k / 12, k % 12 + 1, ${3:-''}, $1)"
		ym="CAST(substr(starts_at, 1, 4) AS INT) * 12 + CAST(substr(starts_at, 6, 2) AS INT) - 1"
		echo "WITH RECURSIVE walk(k, n) AS (
SELECT (SELECT $ym FROM meeting m WHERE $2 ORDER BY starts_at DESC LIMIT 1), 0
UNION ALL SELECT k - 1, n + (SELECT count(*) FROM search_fts WHERE search_fts MATCH $month)
FROM walk WHERE n < 100 AND k > (SELECT $ym FROM meeting m WHERE $2 ORDER BY starts_at LIMIT 1))
SELECT d.meeting_id, coalesce(d.item_id, ''), replace(d.src, 'item', 'agenda')
FROM walk CROSS JOIN search_fts f CROSS JOIN search_doc d ON d.id = f.rowid
CROSS JOIN meeting m ON m.id = d.meeting_id LEFT JOIN agenda_item ai ON ai.id = d.item_id
WHERE walk.n < 100 AND search_fts MATCH $month AND $2 AND $open_text
ORDER BY m.starts_at DESC, m.id, coalesce(ai.position, 0), d.id LIMIT 50"
	}
	# A rare phrase's few matches: every one dated at once (as clerk does
	# below 500 matches), not a query for each month of the archive.
	all_newest() {
		echo "SELECT d.meeting_id, coalesce(d.item_id, ''), replace(d.src, 'item', 'agenda')
FROM search_fts f CROSS JOIN search_doc d ON d.id = f.rowid
CROSS JOIN meeting m ON m.id = d.meeting_id LEFT JOIN agenda_item ai ON ai.id = d.item_id
WHERE search_fts MATCH '$1' AND $open_text
ORDER BY m.starts_at DESC, m.id, coalesce(ai.position, 0), d.id LIMIT 50"
	}
	# A prefix stands for the words as written that start with it, from
	# the list of the index's words (search_wordlist, schema step 18), as
	# clerk asks.
	words="(SELECT group_concat('\"' || word || '\"', ' OR ') FROM search_wordlist
WHERE word >= 'safeguard' AND word < 'safeguare')"
	op "clerk search budget (common word)" meeting_id,item_id,kind \
		"$(newest "'budget'" 1)" search budget
	op "clerk search safeguard* (a prefix)" meeting_id,item_id,kind \
		"$(newest "$words" 1)" search 'safeguard*'
	op "clerk search \"Pennington Marshes causeway\" (rare phrase)" meeting_id,item_id,kind \
		"$(all_newest '"Pennington Marshes causeway"')" search '"Pennington Marshes causeway"'
	b01="m.body_id = (SELECT id FROM body WHERE short_name = 'B01')"
	op "clerk search budget --body B01" meeting_id,item_id,kind \
		"$(newest "'budget'" "$b01" "(SELECT 'scope : \"0b' || hex(id) || '\" AND ' FROM body WHERE short_name = 'B01')")" \
		search budget --body B01
	op "clerk search budget, one year" meeting_id,item_id,kind \
		"$(newest "'budget'" "m.starts_at >= '$utc_from' AND m.starts_at < '$utc_to'")" \
		search budget --from "$year_from" --to "$year_to"

	# Search --best: the 50 best of every match, by the same ranking as
	# clerk's, ranked in FTS5 alone (a top-N sort) and only the best
	# joined to their documents, confidential text left out as clerk
	# leaves it out: ranking 100 leaves room for those.  The ranking is
	# clerk's own bm25 over title and body (clerk_rank, loaded from
	# clerk-rank.so: tests/bench/rank_ext.c): from schema step 16 FTS5's
	# bm25() would count the index's column of each document's body and
	# month.  Scoring reads every match: this grows with the archive.
	rank="SELECT 1 WHERE load_extension('$BENCHDIR/clerk-rank') IS NOT NULL;"
	ranked() { # FTS5 query: the best 50 of all its matches
		echo "$rank SELECT d.meeting_id, coalesce(d.item_id, ''), replace(d.src, 'item', 'agenda')
FROM (SELECT rowid AS id, clerk_rank(search_fts, 0, 2.0, 1.0) AS r FROM search_fts
WHERE search_fts MATCH '$1' ORDER BY r, rowid LIMIT 100) f
JOIN search_doc d ON d.id = f.id WHERE $open_text ORDER BY f.r, f.id LIMIT 50"
	}
	op "clerk search budget --best (every match ranked)" meeting_id,item_id,kind \
		"$(ranked budget)" search budget --best

	# The console's first screen: no query prints a screen, so the floor
	# reads the rows of the meeting it shows (meeting_rows); opened with
	# no meeting named, it first finds the meeting in progress.
	printf '@dump first\n' >"$tmp/first.keys"
	live_body=$(q "SELECT body_id FROM meeting WHERE id = '$live'")
	live_day=$(q "SELECT date(starts_at, 'localtime') FROM meeting WHERE id = '$live'")
	op "console: first screen, meeting named" reads \
		"$(meeting_rows "$live" "$live_body" "$live_day")" \
		live "$live" --script "$tmp/first.keys" --dump "$tmp"
	op "console: first screen, no meeting named (clerk)" reads \
		"SELECT id FROM meeting WHERE status IN ('in progress', 'adjourned')
ORDER BY starts_at DESC LIMIT 1;
$(meeting_rows "$live" "$live_body" "$live_day")" \
		live --script "$tmp/first.keys" --dump "$tmp"
	# The same two, timed only until the first screen is drawn: --dump
	# writes it then (benchrun's BENCH_DRAWN), so quitting is left out.
	drawn "console: first screen drawn, meeting named (ms until dumped)" \
		live "$live" --script "$tmp/first.keys" --dump "$tmp"
	drawn "console: first screen drawn, no meeting named (ms until dumped)" \
		live --script "$tmp/first.keys" --dump "$tmp"
	# Review's first screen: the newest meetings, as many as the screen
	# shows, each with its date, time, minutes and body, in its words.
	shown=$("$CLERK" --db "$db" review --script "$tmp/first.keys" --dump "$tmp" \
		>/dev/null 2>&1; sed '1,2d;$d' "$tmp/first.txt" | wc -l)
	op "review: first screen" screen "
SELECT substr('SunMonTueWedThuFriSat', 1 + 3 * strftime('%w', t), 3) || ' ' ||
CAST(strftime('%d', t) AS INTEGER) || ' ' ||
substr('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * strftime('%m', t) - 2, 3) || ' ' ||
strftime('%Y %H:%M', t) || ' ' || minutes_state || ' minutes ' || name
FROM (SELECT datetime(m.starts_at, 'localtime') AS t, m.minutes_state, b.name
FROM meeting m JOIN body b ON b.id = m.body_id ORDER BY m.starts_at DESC LIMIT $shown)" \
		review --script "$tmp/first.keys" --dump "$tmp"
	drawn "review: first screen drawn (ms until dumped)" \
		review --script "$tmp/first.keys" --dump "$tmp"
	op "clerk meetings --body B01" text:5 "
SELECT strftime('%Y-%m-%d', m.starts_at, 'localtime'), strftime('%H:%M', m.starts_at, 'localtime'),
b.short_name, m.status, m.minutes_state
FROM body b JOIN meeting m ON m.body_id = b.id WHERE b.short_name = 'B01'" \
		meetings --body B01
	# An export: the floor reads every row the minutes are made from.
	day_id=$(q "SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.short_name = 'B01' AND date(m.starts_at, 'localtime') = '$day'")
	day_body=$(q "SELECT id FROM body WHERE short_name = 'B01'")
	for fmt in text html docx; do
		op "clerk export $day --format $fmt" reads \
			"$(meeting_rows "$day_id" "$day_body" "$day")" \
			export "$day" --body B01 --format "$fmt" -o "$tmp/one.$fmt"
	done
	# A year of minutes: the floor reads every row of each meeting's.
	year_rows=$(q "SELECT m.id || ' ' || date(m.starts_at, 'localtime') FROM meeting m
JOIN body b ON b.id = m.body_id WHERE b.short_name = 'B01' AND m.status = 'closed'
AND m.starts_at >= '$utc_from' AND m.starts_at < '$utc_to' ORDER BY m.starts_at" |
		while read -r mid mday; do meeting_rows "$mid" "$day_body" "$mday"; done)
	days=$(q "SELECT count(*) FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.short_name = 'B01' AND status = 'closed' AND starts_at >= '$utc_from' AND starts_at < '$utc_to'")
	op "a year of B01's minutes as HTML ($days meetings, one command)" reads "$year_rows" \
		export --body B01 --from "$year_from" --to "$year_to" --format html -o "$tmp/year"

	case "record one event" in *$ONLY*) live_bench ;; esac
	echo
	echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
done
if [ "$failed" != 0 ]; then
	echo "bench: a floor did not give clerk's answer (DIFFERENT above)" >&2
	exit 1
fi
