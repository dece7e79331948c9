#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Confidentiality: no SQL in src/ is built by printf-style formatting of
# data (every value is a bound parameter); the files that can hold exempt
# minutes — the database and its journal, backups, confidential exports —
# are created mode 0600 even under umask 000; and no public output holds
# an exempt minute or a sensitive interest's details.
#
# The allowed exceptions build SQL from identifiers, never from data:
# - src/db/db.c generates the audit and lock triggers from PRAGMA
#   table_info of clerk's own tables (json_of_row, audit_triggers_for,
#   lock_triggers_for), writes user_version/application_id as integers
#   (migrate), and opens each b-tree named in sqlite_schema, quoted with %w,
#   to check the file before writing, when a b-tree fails clerk's own
#   reading of its pages (probe_root, called by check_roots);
# - src/db/schema_check.c drops, by its name quoted with %w, a view,
#   trigger or index clerk does not create, and recreates clerk's own from
#   its reference schema (db_schema_restore, for clerk check --repair);
# - src/model/merge_check.c reads each of clerk's tables of a file to merge
#   by its name quoted with %w, to validate every value (check_table);
# - src/model/merge.c builds column lists of clerk's own tables from
#   PRAGMA table_info and foreign_key_list, and names its own tables, to
#   copy, match, label, drop and settle rows between two clerk files
#   (pragma_cols, find_changed, find_collisions, row_label, drop_record,
#   settle); every id it looks up is bound.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup
scan() { python3 "$top_srcdir/tests/reliability/sqlscan.py" "$@"; }

# The scanner sees what it must (else this test could not fail).
cat >"$T/planted.c" <<'C'
static void f(struct strbuf *sb, const char *name)
{
	char *sql = xasprintf("SELECT id FROM person "
			      "WHERE name = '%s'", name);
	sb_addf(sb, "INSERT INTO t VALUES (%d)", 3);
}
C
found=$(scan "$T/planted.c")
has "the scanner finds SQL formatted across two literals" "$found" "planted.c:3: f: SELECT id FROM person WHERE name = '%s'"
has "the scanner finds an integer formatted into SQL" "$found" "planted.c:5: f: INSERT INTO t VALUES (%d)"

allowed="src/db/db.c json_of_row
src/db/db.c audit_triggers_for
src/db/db.c lock_triggers_for
src/db/db.c migrate
src/db/db.c migrate_to
src/db/schema_check.c db_schema_restore
src/model/merge_check.c check_table
src/db/db.c check_roots
src/db/db.c probe_root
src/model/merge.c pragma_cols
src/model/merge.c find_changed
src/model/merge.c find_collisions
src/model/merge.c row_label
src/model/merge.c drop_record
src/model/merge.c settle"
cd "$top_srcdir" || exit 99
findings=$(scan $(find src -name '*.c' | sort))
bad=""
while IFS= read -r line; do
	[ -n "$line" ] || continue
	file=${line%%:*}
	func=$(cut -d: -f3 <<<"$line" | tr -d ' ')
	grep -qx "$file $func" <<<"$allowed" || bad="$bad
$line"
done <<<"$findings"
is "no SQL built by formatting data outside the documented exceptions" "$bad" ""
n=$(grep -c . <<<"$findings")
echo "# $n formatted SQL strings in src/, all in the documented exceptions"
cd - >/dev/null || exit 99

# Files created mode 0600, whatever the umask.
umask 000
ok "a new database is created" "$RELTOOL" create "$T/new.db"
is "the new database is mode 0600 under umask 000" "$(stat -c %a "$T/new.db")" 600
ok "a database made by a command" "$CLERK" --db "$T/cmd.db" body add "Audit Committee"
is "a database made by a command is mode 0600" "$(stat -c %a "$T/cmd.db")" 600
"$RELTOOL" seed "$T/seed.db" 3
is "a seeded database is mode 0600" "$(stat -c %a "$T/seed.db")" 600
"$RELTOOL" writeloop "$T/seed.db" "$T/stop" >/dev/null &
writer=$!
for i in $(seq 1 50); do [ -e "$T/seed.db-wal" ] && break; sleep 0.1; done
is "its write-ahead log is mode 0600 too" "$(stat -c %a "$T/seed.db-wal" 2>/dev/null)" 600
is "and its shared-memory index" "$(stat -c %a "$T/seed.db-shm" 2>/dev/null)" 600
touch "$T/stop"
wait "$writer"
mkdir "$T/newdir"
ok "a database in a folder that does not exist yet" "$RELTOOL" create "$T/newdir/sub/clerk.db"
is "the folder clerk creates for it is private (0700)" "$(stat -c %a "$T/newdir/sub")" 700
ok "a backup is written" "$CLERK" --db "$T/cmd.db" backup "$T/b.db"
is "the backup is mode 0600 under umask 000" "$(stat -c %a "$T/b.db")" 600
make_live_board "$T/live.db" || exit 99
ok "a confidential export is written" \
	"$CLERK" --db "$T/live.db" export 2017-10-05 --confidential -o "$T/conf.txt"
is "the confidential export is mode 0600 under umask 000" "$(stat -c %a "$T/conf.txt")" 600
umask 022

# Public outputs never hold an exempt item's confidential minute, its
# description, or a sensitive interest's details (the export tests cover
# the minutes' formats; these add the open-data exports and search).
db=$T/secrets.db
make_live_board "$db" || exit 99
"$CLERK" --db "$db" item add 2017-10-05 "Contract award" --exempt 3 \
	--description "EXEMPT-SECRET-DESCRIPTION" >/dev/null
ok "a sensitive interest and a confidential minute are recorded live" \
	"$RELTOOL" secrets "$db" 2017-10-05
secrets() { grep -o 'EXEMPT-SECRET-[A-Z]*\|SENSITIVE-SECRET-DETAIL\|SENSITIVE-PUBLIC-DETAIL' | sort -u | tr '\n' ' '; }
"$CLERK" --db "$db" export 2017-10-05 --format docx -o "$T/public.docx"
is "public DOCX: no secret" "$(unzip -p "$T/public.docx" | secrets)" ""
for c in "popolo" "popolo Health" "ics Health" "attendance-csv Health" \
	"search Acme" "search SECRET*" "search Brightwater" \
	"search Brightwater --body Health" "export 2017-10-05" \
	"export 2017-10-05 --format html" "export 2017-10-05 --format markdown" \
	"export 2017-10-05 --agenda"; do
	is "clerk $c: no secret" "$("$CLERK" --db "$db" $c 2>&1 | secrets)" ""
done
# ... while the confidential record and an --exempt search do hold them
# (so the checks above could fail).
has "the confidential minutes hold the confidential minute" \
	"$("$CLERK" --db "$db" export 2017-10-05 --confidential | secrets)" "EXEMPT-SECRET-TEXT"
has "search --exempt finds it" \
	"$("$CLERK" --db "$db" search Acme --exempt | secrets)" "EXEMPT-SECRET-TEXT"
has "search --exempt finds the sensitive interest on a public item" \
	"$("$CLERK" --db "$db" search Brightwater --exempt | secrets)" "SENSITIVE-PUBLIC-DETAIL"
is "the sensitive interest on a public item is stored" \
	"$(sqlite3 "$db" "SELECT count(*) FROM declaration d JOIN agenda_item i ON i.id = d.item_id WHERE d.sensitive = 1 AND i.exempt = 0 AND d.what LIKE 'SENSITIVE-PUBLIC-DETAIL%'")" 1
# The look-up console's search (clerk browse --search) and its screens.
mkdir -p "$T/browse"
printf '@dump results\nq\n' >"$T/browse.keys"
"$CLERK" --db "$db" browse --search Brightwater --script "$T/browse.keys" \
	--dump "$T/browse" --size 120x40 >/dev/null 2>&1
[ -s "$T/browse/results.txt" ]; _tap_result $? "browse --search wrote its screen"
is "browse --search: no secret" "$(secrets <"$T/browse/results.txt")" ""
is "the sensitive detail is stored" \
	"$(sqlite3 "$db" "SELECT what FROM declaration WHERE sensitive = 1 AND what LIKE 'SENSITIVE-SECRET%'")" \
	"SENSITIVE-SECRET-DETAIL"

done_testing
