#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A search cites each hit by the minute number its minutes print, when one
# search finds several hits of a meeting and of others (each meeting, its
# body and the order its items were taken are read once for all its hits):
# a meeting whose items were taken out of order (item 8 before item 7), and
# two meetings of a body numbering through the municipal year (the second
# continues from the first).  Every numbered hit is checked against the
# exported minutes of its meeting.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_NOW=2017-10-05T08:00:00Z
SQLEXEC=$top_builddir/tests/lookup/sqlexec
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null

# The Board's 29 June 2017 meeting took its items in agenda order but for
# item 8, taken before item 7 (its log's 'item started' events); the
# parish council's June 2019 meeting is held, so that it is numbered on
# from May's.
hwb=$(sqlite3 "$db" "SELECT id FROM meeting WHERE starts_at LIKE '2017-06-29%'")
events=
seq=0
for pos in 1 2 3 4 5 6 8 7 9 10 11 12 13 14; do
	seq=$((seq + 1))
	events="$events INSERT INTO event(id, meeting_id, seq, at, kind, item_id)
SELECT 'ev$seq', '$hwb', $seq, '2017-06-29T09:$(printf %02d $seq):00Z',
'item started', id FROM agenda_item WHERE meeting_id = '$hwb' AND position = $pos;"
done
"$SQLEXEC" "$db" "$events
UPDATE meeting SET status = 'closed' WHERE starts_at LIKE '2019-06-11%';"

for day in 2017-06-29 2019-05-14 2019-06-11; do
	"$CLERK" --db "$db" export "$day" -o "$T/$day.txt" 2>>"$T/export.err"
done
ok "the minutes of the three meetings are exported" \
	test -s "$T/2017-06-29.txt" -a -s "$T/2019-05-14.txt" -a -s "$T/2019-06-11.txt"

# One search with many hits in each meeting: each hit "number title", as
# found (or not) in its meeting's minutes.
"$CLERK" --db "$db" search 'HAMPSHIRE OR UPDATE OR planning OR meeting OR swings OR apologies' \
	--limit 200 --csv >"$T/hits.csv"
checked=$(python3 - "$T" <<'EOF'
import csv, sys
t = sys.argv[1]
minutes = {}
for day in ("2017-06-29", "2019-05-14", "2019-06-11"):
    minutes[day] = " " + " ".join(open(f"{t}/{day}.txt").read().split()) + " "
per_day = {}
for r in csv.DictReader(open(f"{t}/hits.csv", newline="")):
    if r["date"] not in minutes or not r["item"]:
        continue
    cited = f" {r['minute']} {' '.join(r['title'].split())} "
    found = cited in minutes[r["date"]]
    per_day.setdefault(r["date"], []).append("ok" if found else
        f"NOT IN MINUTES:{cited.strip()}")
for day in sorted(per_day):
    print(day, len(per_day[day]), " ".join(sorted(set(per_day[day]))))
EOF
)
count() { printf '%s\n' "$checked" | awk -v d="$1" '$1 == d { print $2 }'; }
verdict() { printf '%s\n' "$checked" | awk -v d="$1" '$1 == d { $1 = $2 = ""; print substr($0, 3) }'; }
for day in 2017-06-29 2019-05-14 2019-06-11; do
	ok "several hits of the $day meeting" test "$(count $day)" -gt 2
	is "each cited with the number its minutes give it ($day)" "$(verdict $day)" ok
done
out=$(python3 -c 'import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["date"] == "2017-06-29" and r["kind"] == "agenda" and r["item"] in ("7", "8"):
        print(r["item"] + "=" + r["minute"])' <"$T/hits.csv" | sort | tr '\n' ' ')
is "item 8, taken before item 7, is minute 7 and item 7 minute 8" "$out" "7=8. 8=7. "
out=$(python3 -c 'import csv, sys
print(sorted({r["minute"] for r in csv.DictReader(sys.stdin)
              if r["date"] == "2019-06-11" and r["title"].startswith("Playing field")}))' <"$T/hits.csv")
is "June's minutes of the parish continue from May's seven" "$out" "['11/19']"

done_testing
