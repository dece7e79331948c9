#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The console refuses a file with a damaged b-tree root before it writes
# anything, exactly when SQLite itself finds the damage.  For every b-tree
# of the demo file (the full-text index's tables WITHOUT ROWID among them,
# and the list of its words, whose pages clerk's check on opening reads as
# an index's), its root page
# is overwritten with 0xFF; a table's root has its kind swapped between a
# table's and an index's; for the tables whose text holds the word WITHOUT
# and the first few b-trees, also its cell count is made huge and its
# first cell pointer sent past the page.  (A leaf root of one kind, read
# as the other's, can look sound: the kind swapped is where a b-tree
# tested as the wrong kind would let the damage through.)  SQLite, asked to read the b-tree's
# first row (cell_size_check on, as clerk's connections), says whether the
# damage shows; `clerk live` must then refuse the file in the words of
# db.c's check (exit 4, "is damaged (B-TREE: ...)", the file untouched),
# and must not say so of a b-tree SQLite reads without complaint.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 99
export CLERK_NOW=2017-10-05T08:58:00Z
"$CLERK" --db "$T/demo.db" demo >/dev/null 2>&1 || exit 99
# One self-contained file (no -wal) to copy and damage.
"$CLERK" --db "$T/demo.db" backup "$T/good.db" >/dev/null 2>&1 || exit 99
pagesize=$(sqlite3 "$T/good.db" 'PRAGMA page_size')
printf 'q\ny\n' >"$T/keys"

# put OFFSET HEX...: bytes written into d.db at OFFSET.
put() {
	local at=$1
	shift
	printf "$(printf '\\x%s' "$@")" |
		dd of="$T/d.db" bs=1 seek="$at" conv=notrunc 2>/dev/null
}

# damage ROOT MODE: d.db, a copy of good.db with page ROOT damaged.
damage() {
	local root=$1 at=$(( ($1 - 1) * pagesize ))
	rm -f "$T"/d.db*
	cp "$T/good.db" "$T/d.db"
	local kind
	kind=$(od -An -tx1 -j "$at" -N1 "$T/good.db" | tr -d ' ')
	case $2 in
	noise) head -c "$pagesize" /dev/zero | tr '\0' '\377' |
		dd of="$T/d.db" bs="$pagesize" seek=$((root - 1)) \
			conv=notrunc 2>/dev/null ;;
	kind) case $kind in
		0d) put "$at" 0a ;; 0a) put "$at" 0d ;;
		05) put "$at" 02 ;; 02) put "$at" 05 ;;
		esac ;;
	count) put $((at + 3)) ff ff ;;
	pointer) case $kind in
		0d | 0a) put $((at + 8)) ff f0 ;;
		*) put $((at + 12)) ff f0 ;;
		esac ;;
	esac
}

# SQLite's own verdict on reading the b-tree's first row: 0 when it reads
# it; 2 when the statement cannot be made (a partial index, which clerk's
# check leaves to the commands that read it).
probe() { # TYPE NAME TABLE
	local sql="SELECT 1 FROM \"$2\" NOT INDEXED LIMIT 1"
	[ "$1" = index ] && sql="SELECT 1 FROM \"$3\" INDEXED BY \"$2\" LIMIT 1"
	local out
	out=$(sqlite3 -bail "$T/d.db" "PRAGMA cell_size_check=ON; $sql" 2>&1)
	case $out in
	*"no query solution"* | *"no such index"*) return 2 ;;
	*rror*) return 1 ;;
	esac
	return 0
}

trees=$(sqlite3 -separator ' ' "$T/good.db" "SELECT type, name, tbl_name,
	rootpage FROM sqlite_schema WHERE rootpage > 0 ORDER BY rootpage")
keyed=$(sqlite3 "$T/good.db" "SELECT count(*) FROM sqlite_schema
	WHERE type = 'table' AND sql LIKE '%) WITHOUT ROWID'")
is "the demo file has the full-text index's tables and its list of words WITHOUT ROWID" "$keyed" 5

bad= refused=0 accepted=0 keyed_refused=0
while read -r type name tbl root; do
	# Every b-tree overwritten, every table's kind swapped; the tables
	# whose text has WITHOUT in it, and the first few b-trees, all four.
	modes=noise
	[ "$type" = table ] && modes="noise kind"
	case $name in
	*_idx | *_config | search_wordlist | resolution) modes="$modes count pointer" ;;
	*) [ "$root" -le 12 ] && modes="$modes count pointer" ;;
	esac
	for mode in $modes; do
		damage "$root" "$mode"
		probe "$type" "$name" "$tbl"
		verdict=$?
		[ "$verdict" = 2 ] && continue
		sum=$(cksum <"$T/d.db")
		rm -rf "$T/dump"
		mkdir "$T/dump"
		"$CLERK" --db "$T/d.db" live 2017-10-05 --script "$T/keys" \
			--dump "$T/dump" >/dev/null 2>"$T/err"
		rc=$?
		err=$(cat "$T/err")
		said=0
		[[ $err == *"d.db is damaged ($name: "*"it was left untouched"* ]] && said=1
		if [ "$verdict" = 1 ]; then
			wal=$(cat "$T/d.db-wal" 2>/dev/null | wc -c)
			if [ "$rc" = 4 ] && [ "$said" = 1 ] &&
				[ "$(cksum <"$T/d.db")" = "$sum" ] && [ "$wal" = 0 ]; then
				refused=$((refused + 1))
				[[ $name == *_idx || $name == *_config ||
					$name == search_wordlist ]] &&
					keyed_refused=$((keyed_refused + 1))
			else
				bad="$bad$name/$mode (SQLite refuses; clerk exit $rc: $err) "
			fi
		elif [ "$said" = 1 ]; then
			bad="$bad$name/$mode (SQLite reads it; clerk: $err) "
		else
			accepted=$((accepted + 1))
		fi
	done
done <<<"$trees"
is "clerk live refuses a damaged root exactly when SQLite does ($refused refused, $accepted read)" \
	"$bad" ""
[ "$refused" -gt 100 ] && [ "$keyed_refused" -ge 12 ]
_tap_result $? "the damage is seen: $refused refused, $keyed_refused of them in the tables WITHOUT ROWID"
done_testing
