# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced after tests/lib.sh: builds the hand-made look-up file
# (fixture.sql), where the right answers are known, at $db; s runs clerk
# search on it.
setup
SQLEXEC=$top_builddir/tests/lookup/sqlexec
db=$T/fx.db
"$SQLEXEC" "$db" "$(cat "$top_srcdir/tests/lookup/fixture.sql")"
s() { "$CLERK" --db "$db" search "$@"; }
