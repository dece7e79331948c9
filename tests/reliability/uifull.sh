#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A full disk in the live console: the fault VFS is preloaded into clerk
# (tests/reliability/faultvfs.so) and fails writes with SQLITE_FULL, as
# ENOSPC does.  Saving a paragraph then shows "the disk holding ... is
# full: ... was not saved", keeps the typed text in the editor to try again,
# and saves it once space is back; a disk that stays full loses nothing
# saved before and corrupts nothing; opening a meeting on a full disk ends
# with the sentence and exit 4.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup
SO=$top_builddir/tests/reliability/faultvfs.so
# A preloaded library ahead of the AddressSanitizer runtime is fine here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
make_live_board "$T/seed.db" || exit 99
mkdir "$T/dump"
text="The Board heard that the reserves stand at £1.2m."
cat >"$T/keys" <<KEYS
y
<Enter>
n
h
$text
<C-s>
@dump first
<C-s>
@dump second
KEYS

run() { # full-after [full-for]
	cp "$T/seed.db" "$T/x.db"
	rm -f "$T/x.db-wal" "$T/x.db-shm" "$T"/dump/*
	LD_PRELOAD=$SO FAULTVFS_FULL_AFTER=$1 FAULTVFS_FULL_FOR=${2:-} \
		"$CLERK" --db "$T/x.db" live 2017-10-05 --script "$T/keys" \
		--dump "$T/dump" --size 100x30 >"$T/out" 2>&1
}

# Find the write at which saving the paragraph is the first thing to fail.
n=""
for try in $(seq 0 3 300); do
	run "$try" 1
	if grep -q "is full" "$T/dump/first.txt" 2>/dev/null; then n=$try; break; fi
done
[ -n "$n" ]; _tap_result $? "saving a paragraph meets the full disk (after $n writes)"

# Space comes back after the first failed write: the retry saves the text.
run "$n" 1
first=$(cat "$T/dump/first.txt" 2>/dev/null)
has "the console says the disk is full and the text was not saved" "$first" "is full: a database update was not saved"
# The sentence is wrapped in the editor's frame, to its end.
has "the sentence can be read to its end" "$first" "some space and try again"
has "the typed text is still in the editor" "$first" "$text"
has "the retry saves it: it is in the minute on screen" \
	"$(cat "$T/dump/second.txt")" "The Board heard that the"
lacks "the editor is closed after the retry" "$(cat "$T/dump/second.txt")" "is full"
is "the paragraph is in the file exactly once" \
	"$(sqlite3 "$T/x.db" "SELECT count(*) FROM minute_text WHERE body = '$text'")" 1
is "the file passes integrity_check" "$(sqlite3 "$T/x.db" 'PRAGMA integrity_check')" ok

# The disk stays full: two attempts fail, the text stays on screen, nothing
# saved before is lost, nothing is corrupted.
run "$n"
rc=$?
is "with the disk still full the console still ends cleanly" "$rc" 0
has "the text is still on screen after the second failure" "$(cat "$T/dump/second.txt")" "$text"
has "with the same message" "$(cat "$T/dump/second.txt")" "is full"
is "nothing of the paragraph reached the file" \
	"$(sqlite3 "$T/x.db" 'SELECT count(*) FROM minute_text')" 0
is "the opening and the item taken before are saved" \
	"$(sqlite3 "$T/x.db" "SELECT group_concat(kind, ', ') FROM event WHERE kind IN ('opened', 'item started')")" \
	"opened, item started"
is "the file passes integrity_check" "$(sqlite3 "$T/x.db" 'PRAGMA integrity_check')" ok

# Opening a meeting on a full disk: the sentence, exit 4, nothing changed.
run 0
rc=$?
is "opening on a full disk exits 4" "$rc" 4
has "with the sentence" "$(cat "$T/out")" "is full:"
is "the meeting is still scheduled" \
	"$(sqlite3 "$T/x.db" "SELECT status FROM meeting")" scheduled
is "the file passes integrity_check" "$(sqlite3 "$T/x.db" 'PRAGMA integrity_check')" ok

done_testing
