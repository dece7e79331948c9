#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line itself: help, version, unknown commands and options
# (exit 2 with a message).
. "$top_srcdir/tests/lib.sh"
setup

out=$("$CLERK" --help 2>&1); rc=$?
is "--help exits 0" "$rc" 0
has "--help shows the usage" "$out" "usage: clerk [--db FILE] [--no-color] COMMAND [ARGS]"
has "--help lists demo" "$out" "  demo "
has "--help lists meetings" "$out" "  meetings "
has "--help gives the exit codes" "$out" "Exit status: 0 success, 1 nothing found, 2 usage error"
is "-h is --help" "$("$CLERK" -h 2>&1)" "$out"

out=$("$CLERK" --version 2>&1); rc=$?
is "--version exits 0" "$rc" 0
is "--version prints the version first" "$(printf '%s\n' "$out" | head -1)" "clerk $(sed -n 's/^AC_INIT(\[clerk\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")"
has "--version gives the licence, as GNU programs do" "$out" "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law."
has "--version names the demo data's licence" "$out" "Open Government Licence v3.0"
ok "COPYING is the GNU GPL version 3" grep -q "GNU GENERAL PUBLIC LICENSE" "$top_srcdir/COPYING"
ok "the demo board's file gives its source and licence" grep -q "Open Government Licence v3.0" "$top_srcdir/share/demo/hampshire-hwb.board"
ok "README gives the attribution the OGL asks for" grep -q "Contains public sector information licensed under" "$top_srcdir/README.md"
ok "a NEWS file" test -s "$top_srcdir/NEWS"
# Every source file says its licence (new files too: add the line).
missing=$(cd "$top_srcdir" && find src include tests share/completion build-aux/quickstart \
	configure.ac Makefile.am \( -name '*.[ch]' -o -name '*.def' -o -name '*.sh' \
	-o -name '*.am' -o -name '*.py' -o -name '*.ac' -o -name quickstart \
	-o -name clerk -o -name _clerk \) -type f -print | grep -v '^build-aux/tap' |
	while read -r f; do head -3 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || echo "$f"; done)
is "every source file has its SPDX-License-Identifier line" "$missing" ""

out=$("$CLERK" meetings --help 2>&1); rc=$?
is "COMMAND --help exits 0" "$rc" 0
has "COMMAND --help shows its usage" "$out" "usage: clerk meetings [--body NAME]"

out=$("$CLERK" --db "$T/x.db" frobnicate 2>&1); rc=$?
is "an unknown command: exit 2" "$rc" 2
has "an unknown command is named" "$out" "no command 'frobnicate'"
ok "an unknown command creates no database" test ! -e "$T/x.db"

out=$("$CLERK" --frobnicate meetings 2>&1); rc=$?
is "an unknown global option: exit 2" "$rc" 2
has "an unknown global option is named" "$out" "frobnicate"
has "and help is offered" "$out" "Try 'clerk --help'."

out=$("$CLERK" --db 2>&1); rc=$?
is "--db without FILE: exit 2" "$rc" 2

out=$("$CLERK" --db "$T/x.db" meetings --frobnicate 2>&1); rc=$?
is "an unknown option of meetings: exit 2" "$rc" 2
has "names the option" "$out" "unknown option '--frobnicate'"
has "shows the usage" "$out" "usage: clerk meetings [--body NAME]"
out=$("$CLERK" --db "$T/x.db" meetings --body 2>&1); rc=$?
is "--body without NAME: exit 2" "$rc" 2
has "says --body needs a name" "$out" "--body needs a NAME"
out=$("$CLERK" --db "$T/x.db" meetings extra 2>&1); rc=$?
is "a stray argument to meetings: exit 2" "$rc" 2
has "names the argument" "$out" "unexpected argument 'extra'"
out=$("$CLERK" --db "$T/x.db" demo extra 2>&1); rc=$?
is "a stray argument to demo: exit 2" "$rc" 2
has "names it" "$out" "unexpected argument 'extra'"
out=$("$CLERK" --db "$T/x.db" demo -x 2>&1); rc=$?
is "an unknown option of demo: exit 2" "$rc" 2
ok "usage errors create no database" test ! -e "$T/x.db"

out=$("$CLERK" --db "$T/absent.db" meetings 2>&1); rc=$?
is "meetings on a missing database: exit 4 (storage)" "$rc" 4
has "says how to make one" "$out" "clerk demo"
ok "and does not create it" test ! -e "$T/absent.db"

done_testing
