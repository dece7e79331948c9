#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A read-only file, and a file in a read-only folder: look-ups, checks and
# backups still work; every edit is refused with a clear message; the file
# is left exactly as it was.  Run as an ordinary user (as root, chmod does
# not stop writes, so the checks are run as "nobody" through setpriv).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/reliability/rellib.sh"
setup

as_user() {
	if [ "$(id -u)" -eq 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
	else
		"$@"
	fi
}
if [ "$(id -u)" -eq 0 ]; then
	chmod 755 "$T"
	mkdir -p "$T/ro" "$T/rw"
	chown nobody:nogroup "$T/ro" "$T/rw"
	# The build tree may sit in a folder "nobody" cannot enter (a CI
	# clone under /root): then run copies of the programs and share/.
	if ! as_user test -x "$CLERK"; then
		mkdir -p "$T/bin"
		cp "$CLERK" "$RELTOOL" "$T/bin/"
		cp -r "$top_srcdir/share" "$T/share"
		chmod -R a+rX "$T/bin" "$T/share"
		CLERK=$T/bin/clerk RELTOOL=$T/bin/reltool
		export CLERK_SHARE=$T/share
	fi
else
	mkdir -p "$T/ro" "$T/rw"
fi
db=$T/ro/clerk.db
make_board "$db" as_user || exit 99

# The look-ups a clerk or an officer makes: each must work, exit 0.
lookups() { # label
	local a out rc
	while read -r a; do
		out=$(as_user "$CLERK" --db "$db" $a 2>&1 </dev/null); rc=$?
		is "$1: clerk $a works (exit 0)" "$rc" 0
	done <<<"$LOOKUPS"
	out=$(as_user "$CLERK" --db "$db" members Health 2>&1)
	has "$1: clerk members shows the chairman" "$out" "Liz Fairhurst"
}

# The edits: each refused with exit 4 and the read-only sentence.
edits() { # label
	local a out rc
	for a in "seat add Health Another" "meeting add Health 2018-01-11 10:00" \
		"item add 2017-12-07 Late"; do
		out=$(as_user "$CLERK" --db "$db" $a 2>&1); rc=$?
		is "$1: clerk $a is refused (exit 4)" "$rc" 4
		has "$1: clerk ${a%% *} says the file is read-only" "$out" "is read-only"
	done
}

read_only_checks() { # label
	local label=$1 sum out rc
	sum=$(cksum <"$db")
	out=$(as_user "$CLERK" --db "$db" check 2>&1); rc=$?
	is "$label: clerk check works (exit 0)" "$rc" 0
	has "$label: clerk check says the file is read-only here" "$out" "(read-only here: look-ups only)"
	out=$(as_user "$CLERK" --db "$db" backup "$T/rw/backup-$label.db" 2>&1); rc=$?
	is "$label: clerk backup works (exit 0)" "$rc" 0
	is "$label: the backup holds all 40 events" \
		"$(as_user "$RELTOOL" events "$T/rw/backup-$label.db")" 40
	is "$label: events can be listed through the model" \
		"$(as_user "$RELTOOL" events "$db" 2>&1)" 40
	lookups "$label"
	edits "$label"
	out=$(as_user "$RELTOOL" append "$db" "a new note" 2>&1); rc=$?
	is "$label: recording an event is refused (exit 4)" "$rc" 4
	has "$label: with a clear message" "$out" "is read-only: changes are refused (look-ups still work)"
	is "$label: the file is untouched" "$(cksum <"$db")" "$sum"
	is "$label: still 40 events" "$(as_user "$RELTOOL" events "$db" 2>&1)" 40
}

chmod 444 "$db"
read_only_checks "read-only file"
chmod 644 "$db"
chmod 555 "$T/ro"
read_only_checks "read-only folder"
lacks "read-only folder: no -wal or -shm appeared" "$(ls "$T/ro")" "-wal"
chmod 755 "$T/ro"

# Writable again: edits work, so the refusals above were about permissions.
ok "writable again: recording an event works" as_user "$RELTOOL" append "$db" "a new note"
is "and it is there" "$(as_user "$RELTOOL" events "$db")" 41

# Another program (here sqlite3) read the read-only file and left read-only
# -wal and -shm files behind (SQLite copies the file's mode): once the file
# is writable again, clerk must still be able to write.
chmod 444 "$db"
as_user sqlite3 -readonly "$db" 'SELECT count(*) FROM event' >/dev/null
is "a read-only -shm was left behind by the other program" \
	"$(stat -c %a "$db-shm" 2>/dev/null)" 444
chmod 644 "$db"
ok "writable again: clerk records an event despite the read-only -shm" \
	as_user "$RELTOOL" append "$db" "another note"
is "and it is there" "$(as_user "$RELTOOL" events "$db")" 42

done_testing
