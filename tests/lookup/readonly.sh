#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The look-ups only read: they work on a read-only file without changing a
# byte of it, and beside another process writing to the same file (a live
# meeting being recorded) without "database is locked".
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/lookup/fixture.sh"
look() {
	"$CLERK" --db "$db" members hwb >/dev/null &&
		"$CLERK" --db "$db" who sample >/dev/null &&
		"$CLERK" --db "$db" attendance hwb >/dev/null &&
		"$CLERK" --db "$db" search domestic >/dev/null
}

# A read-only file.
chmod 0444 "$db"
before=$(cksum <"$db")
ok "every look-up works on a read-only file" look
is "the read-only file is unchanged" "$(cksum <"$db")" "$before"
chmod 0644 "$db"
before=$(cksum <"$db")
ok "look-ups work on a writable file too" look
is "and leave it unchanged" "$(cksum <"$db")" "$before"

# A writer in a loop, one transaction at a time, while clerk reads.
stop=$T/stop
"$SQLEXEC" --until "$stop" "$db" "
INSERT INTO minute_text(id, meeting_id, item_id, section, position, body)
VALUES (lower(hex(randomblob(16))), 'm3', 'i4', 'heard',
        (SELECT count(*) FROM minute_text) + 1, 'A hedgehog crossed the road.');
INSERT INTO person(id, name) VALUES (lower(hex(randomblob(16))), 'Visitor');" \
	2>"$T/writer.err" &
writer=$!
fails=0
for i in $(seq 1 15); do
	look 2>>"$T/reader.err" || fails=$((fails + 1))
done
reads_done_while_writing=no
kill -0 "$writer" 2>/dev/null && reads_done_while_writing=yes
touch "$stop"
wait "$writer"
wrc=$?
is "the writer was still writing when the reads ended" \
	"$reads_done_while_writing" yes
is "no look-up failed beside the writer" "$fails" 0
lacks "no 'database is locked'" "$(cat "$T/reader.err")" "locked"
lacks "no 'busy'" "$(cat "$T/reader.err")" "busy"
is "the writer never failed either" "$wrc:$(cat "$T/writer.err")" "0:"
written=$(sqlite3 "$db" "SELECT count(*) FROM minute_text WHERE body LIKE 'A hedgehog%'")
found=$("$CLERK" --db "$db" search hedgehog --limit 100000 --csv | tail -n +2 | wc -l)
is "search finds every minute the writer committed" "$found" "$written"

done_testing
