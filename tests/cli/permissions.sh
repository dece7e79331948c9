#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Who else can read the record: a database others can read is warned about
# (its -wal and -shm files get the same mode), and confidential minutes are
# written only into a folder of one's own that nobody else can read.
. "$top_srcdir/tests/lib.sh"
setup
db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null
export CLERK_DB=$db

err=$("$CLERK" members HWB 2>&1 >/dev/null); rc=$?
is "a private file (0600): exit 0" "$rc" 0
is "and no warning" "$err" ""
chmod 644 "$db"
err=$("$CLERK" members HWB 2>&1 >/dev/null); rc=$?
is "a file others can read still answers" "$rc" 0
has "with a warning naming the file and its mode" "$err" \
	"clerk: warning: $db is readable by others (mode 0644), and so are its -wal and -shm files"
has "and what to do" "$err" "chmod 600 it unless that is meant"
chmod 600 "$db"

# Confidential minutes for a period go into a private folder only.
mkdir -m 755 "$T/shared"
out=$("$CLERK" export --body HWB --from 2017-01-01 --to 2017-12-31 --confidential -o "$T/shared" 2>&1); rc=$?
is "a folder others can read is refused for confidential minutes" "$rc" 2
has "saying why and what to do" "$out" \
	"confidential minutes are not written into $T/shared: others can read or write it; give a new folder (made private) or chmod 700 one of your own"
is "nothing is written there" "$(ls "$T/shared")" ""
ok "public minutes may go there" "$CLERK" export --body HWB --from 2017-01-01 --to 2017-12-31 -o "$T/shared"
ok "a new folder is made private and used" "$CLERK" export --body HWB --from 2017-01-01 --to 2017-12-31 --confidential -o "$T/private"
is "it is private" "$(stat -c %a "$T/private")" 700
mkdir -m 700 "$T/mine"
ok "a private folder of one's own is used" "$CLERK" export --body HWB --from 2017-01-01 --to 2017-12-31 --confidential -o "$T/mine"
if [ "$(id -u)" = 0 ]; then
	mkdir -m 700 "$T/theirs" && chown nobody "$T/theirs"
	out=$("$CLERK" export --body HWB --from 2017-01-01 --to 2017-12-31 --confidential -o "$T/theirs" 2>&1); rc=$?
	is "another user's folder is refused" "$rc" 2
	has "saying whose it is" "$out" "it belongs to someone else"
fi

done_testing
