#!/bin/bash
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
is "--version prints the version" "$out" "clerk $(sed -n 's/^AC_INIT(\[clerk\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")"

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
