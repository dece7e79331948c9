#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A file from someone else cannot hurt you: clerk compares a file's schema
# with the one it creates before using it.  A table replaced by a recursive
# view, a planted trigger, a view, an extra column: the file is refused
# (exit 4, a sentence naming the difference) without hanging; `clerk check`
# lists every difference.  The lock triggers dropped: the file is read, but
# every write is refused until `clerk check --repair` restores them, after
# which confirmed minutes are locked again.  The audit triggers are not in
# the file (each connection clerk opens to write makes its own): a trigger
# of that name in the file is refused like any other planted one, the
# sqlite3 shell is still refused any change to confirmed minutes, and what
# clerk writes is audited.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 99
"$CLERK" --db "$T/good.db" demo >/dev/null 2>&1 || exit 99
copy() { rm -f "$T/$1"*; sqlite3 "$T/good.db" ".backup '$T/$1'"; }

# A recursive view in place of the council table hung every command.
copy view.db
sqlite3 "$T/view.db" "PRAGMA foreign_keys=OFF; DROP TABLE council;
 CREATE VIEW council(id, name, kind) AS WITH RECURSIVE r(x) AS
 (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x, 'n', 'principal' FROM r;"
for c in "members Health" "export 2017-06-29" "meetings" "popolo"; do
	out=$(timeout 20 "$CLERK" --db "$T/view.db" $c 2>&1); rc=$?
	is "a recursive view for a table: clerk $c exits 4 at once" "$rc" 4
	has "clerk $c names the difference" "$out" "council is a view, not a table"
done
copy other.db
out=$(timeout 20 "$CLERK" --db "$T/other.db" merge "$T/view.db" 2>&1); rc=$?
is "merge of a file with a recursive view: exit 4 at once" "$rc" 4
has "merge names the difference" "$out" "council is a view, not a table"
out=$(timeout 20 "$CLERK" --db "$T/view.db" check 2>&1); rc=$?
is "check of that file: exit 4, not sound" "$rc" 4
has "check lists the view" "$out" "schema: council is a view, not a table"
out=$(timeout 20 "$CLERK" --db "$T/view.db" check --repair 2>&1); rc=$?
is "a table cannot be repaired: exit 4" "$rc" 4
has "and says so" "$out" "cannot be repaired"

# A planted trigger that deletes each paragraph as it is saved.
copy planted.db
sqlite3 "$T/planted.db" "CREATE TRIGGER planted AFTER INSERT ON minute_text
 BEGIN DELETE FROM minute_text WHERE id = NEW.id; END;"
out=$("$CLERK" --db "$T/planted.db" item add 2017-10-05 "Budget" 2>&1); rc=$?
is "a planted trigger: a write is refused (exit 4)" "$rc" 4
has "naming the trigger" "$out" "a trigger planted on minute_text that clerk does not create"
out=$("$CLERK" --db "$T/planted.db" members Health 2>&1); rc=$?
is "and so is a look-up (exit 4)" "$rc" 4
out=$("$CLERK" --db "$T/planted.db" check 2>&1); rc=$?
is "check: exit 4" "$rc" 4
has "check lists it" "$out" "schema: a trigger planted on minute_text that clerk does not create"
has "and says how to repair" "$out" "clerk check --repair"
out=$("$CLERK" --db "$T/planted.db" check --repair 2>&1); rc=$?
is "check --repair: exit 0" "$rc" 0
has "it reports the repair" "$out" "repaired"
is "the planted trigger is gone" \
	"$(sqlite3 "$T/planted.db" "SELECT count(*) FROM sqlite_schema WHERE name = 'planted'")" 0
exits "the file is usable again" 0 "$CLERK" --db "$T/planted.db" item add 2017-10-05 "Budget"

# A view of its own, and an extra column.
copy aview.db
sqlite3 "$T/aview.db" "CREATE VIEW nosy AS SELECT * FROM person;"
out=$("$CLERK" --db "$T/aview.db" meetings 2>&1); rc=$?
is "an extra view: refused (exit 4)" "$rc" 4
has "naming it" "$out" "a view nosy that clerk does not create"
copy column.db
sqlite3 "$T/column.db" "ALTER TABLE person ADD COLUMN secret TEXT;"
out=$("$CLERK" --db "$T/column.db" meetings 2>&1); rc=$?
is "an extra column: refused (exit 4)" "$rc" 4
has "naming the table and its columns" "$out" "table person has the columns"

# The lock triggers dropped: confirmed minutes were editable.
copy nolock.db
sqlite3 "$T/nolock.db" "DROP TRIGGER lock_minute_text_u; DROP TRIGGER lock_agenda_item_i; DROP TRIGGER signed_minutes_keep_u;"
before=$(sqlite3 "$T/nolock.db" "SELECT count(*) FROM agenda_item")
out=$("$CLERK" --db "$T/nolock.db" members Health 2>&1); rc=$?
is "without its lock triggers the file is still read (exit 0)" "$rc" 0
out=$("$CLERK" --db "$T/nolock.db" item add 2017-10-05 "Slipped in" 2>&1); rc=$?
is "but a write is refused (exit 4)" "$rc" 4
has "saying what to do" "$out" "run 'clerk check --repair'"
is "nothing was added" "$(sqlite3 "$T/nolock.db" "SELECT count(*) FROM agenda_item")" "$before"
out=$("$CLERK" --db "$T/nolock.db" check 2>&1); rc=$?
is "check: exit 4" "$rc" 4
has "check lists each missing trigger (1)" "$out" "schema: trigger lock_minute_text_u on minute_text is missing"
has "check lists each missing trigger (2)" "$out" "schema: trigger lock_agenda_item_i on agenda_item is missing"
has "check lists each missing trigger (3)" "$out" "schema: trigger signed_minutes_keep_u on signed_minutes is missing"
exits "check --repair: exit 0" 0 "$CLERK" --db "$T/nolock.db" check --repair
is "the triggers are back" \
	"$(sqlite3 "$T/nolock.db" "SELECT count(*) FROM sqlite_schema WHERE name IN ('lock_minute_text_u', 'lock_agenda_item_i', 'signed_minutes_keep_u')")" 3
out=$("$CLERK" --db "$T/nolock.db" item add 2017-02-23 "Slipped in" 2>&1); rc=$?
is "the confirmed minutes are locked again (exit 3)" "$rc" 3
has "with the legal-record sentence" "$out" "confirmed"
exits "and the draft meeting takes changes" 0 "$CLERK" --db "$T/nolock.db" item add 2017-10-05 "Late item"
out=$("$CLERK" --db "$T/nolock.db" check 2>&1); rc=$?
is "check after the repair: sound (exit 0)" "$rc" 0
has "the schema is as clerk creates it" "$out" "schema:       as this clerk creates it"

# The audit triggers are each writing connection's own, not the file's.
copy audit.db
is "the file keeps no audit triggers" \
	"$(sqlite3 "$T/audit.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit%'")" 0
confirmed="SELECT id FROM meeting WHERE starts_at LIKE '2019-05-14%'"
text=$(sqlite3 "$T/audit.db" "SELECT group_concat(body, '|') FROM minute_text WHERE meeting_id = ($confirmed)")
out=$(sqlite3 "$T/audit.db" "UPDATE minute_text SET body = 'rewritten' WHERE meeting_id = ($confirmed)" 2>&1); rc=$?
is "the sqlite3 shell changing confirmed minutes: refused" "$([ "$rc" -ne 0 ] && echo refused)" refused
has "by the lock trigger in the file" "$out" "minutes confirmed"
out=$(sqlite3 "$T/audit.db" "DELETE FROM minute_text WHERE meeting_id = ($confirmed)" 2>&1); rc=$?
is "the sqlite3 shell deleting confirmed minutes: refused" "$([ "$rc" -ne 0 ] && echo refused)" refused
out=$(sqlite3 "$T/audit.db" "DELETE FROM signed_minutes" 2>&1); rc=$?
is "the sqlite3 shell deleting the signed minutes: refused" "$([ "$rc" -ne 0 ] && echo refused)" refused
has "saying so" "$out" "minutes confirmed"
is "the confirmed minutes are as they were" \
	"$(sqlite3 "$T/audit.db" "SELECT group_concat(body, '|') FROM minute_text WHERE meeting_id = ($confirmed)")" "$text"
before=$(sqlite3 "$T/audit.db" "SELECT count(*) FROM audit")
exits "a look-up" 0 "$CLERK" --db "$T/audit.db" members Health
is "writes no audit row" "$(sqlite3 "$T/audit.db" "SELECT count(*) FROM audit")" "$before"
exits "clerk adds an item" 0 "$CLERK" --db "$T/audit.db" item add 2017-10-05 "Audited item"
is "and the audit records it, with the new row" \
	"$(sqlite3 "$T/audit.db" "SELECT count(*) FROM audit WHERE tbl = 'agenda_item' AND op = 'insert' AND json_extract(new, '$.title') = 'Audited item'")" 1
has "and it is found by search" "$("$CLERK" --db "$T/audit.db" search "Audited" 2>&1)" "Audited item"
is "the file still keeps no audit triggers" \
	"$(sqlite3 "$T/audit.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit%'")" 0
copy oldname.db
sqlite3 "$T/oldname.db" "CREATE TRIGGER audit_minute_text_u AFTER UPDATE ON minute_text
 BEGIN DELETE FROM minute_text WHERE id = NEW.id; END;"
out=$("$CLERK" --db "$T/oldname.db" item add 2017-10-05 "Budget" 2>&1); rc=$?
is "a trigger in the file with an audit trigger's name: refused (exit 4)" "$rc" 4
has "naming it as planted" "$out" "a trigger audit_minute_text_u on minute_text that clerk does not create"

done_testing
