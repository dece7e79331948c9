#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A real full disk: a 1 MiB tmpfs (in a private mount namespace, so
# nothing outside the test sees it) fills up under clerk.  SQLite's ENOSPC
# becomes the sentence "the disk holding ... is full: ... was not saved",
# exit 4; every event recorded before is intact; the file passes its
# checks; a backup to the full disk fails the same way and leaves nothing
# behind.  Skipped (visibly) where mounts are not allowed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup
if ! unshare -m --propagation private true 2>/dev/null; then
	echo "1..0 # SKIP no private mount namespace here (needs root)"
	exit 0
fi
mkdir "$T/small"
cat >"$T/inside.sh" <<'IN'
set -u
mount -t tmpfs -o size=1m tmpfs "$T/small" || { echo "mount failed"; exit 77; }
db=$T/small/clerk.db
"$RELTOOL" seed "$db" 5 >/dev/null || exit 99
long=$(printf 'Heard that the budget line %04d was agreed. ' $(seq 1 60))
ok=0
for i in $(seq 1 2000); do
	out=$("$RELTOOL" append "$db" "$i $long" 2>&1); rc=$?
	[ "$rc" -eq 0 ] || break
	ok=$((ok + 1))
done
echo "appended=$ok"
echo "rc=$rc"
echo "msg=$out"
echo "events=$("$RELTOOL" events "$db" 2>&1)"
echo "integrity=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)"
out=$("$CLERK" --db "$db" backup "$T/small/backup.db" 2>&1); rc=$?
echo "backup_rc=$rc"
echo "backup_msg=$out"
echo "leftover=$(ls "$T/small" | grep -c tmp-)"
echo "check=$("$CLERK" --db "$db" check 2>&1 | tail -1)"
umount "$T/small"
IN
T=$T RELTOOL=$RELTOOL CLERK=$CLERK unshare -m --propagation private \
	bash "$T/inside.sh" >"$T/result" 2>&1
rc=$?
[ "$rc" -eq 77 ] && { echo "1..0 # SKIP cannot mount a tmpfs here"; exit 0; }
r() { sed -n "s/^$1=//p" "$T/result"; }
appended=$(r appended)
echo "# $appended events of ~2.7 KB fitted before the 1 MiB disk was full"
[ "${appended:-0}" -gt 10 ]; _tap_result $? "events were recorded until the disk filled ($appended)" "$(cat "$T/result")"
is "the write that did not fit exits 4" "$(r rc)" 4
has "with the sentence" "$(r msg)" "is full: a database update was not saved; free some space and try again"
is "every event recorded before is there" "$(r events)" "$((appended + 5))"
is "the file passes integrity_check" "$(r integrity)" ok
is "a backup onto the full disk exits 4" "$(r backup_rc)" 4
has "with the same kind of sentence" "$(r backup_msg)" "is full: the backup was not saved"
is "and leaves no temporary file" "$(r leftover)" 0
has "clerk check still finds the file sound" "$(r check)" "is sound"
done_testing
