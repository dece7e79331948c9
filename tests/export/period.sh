#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/period.sh: a period's minutes (clerk export --body --from
# --to -o FOLDER) on the demo board: one file for each meeting held, each
# the same as exporting that meeting alone; meetings not yet held left out
# and counted; confidential minutes private; every mistake named.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/demo.db
clerk() { "$CLERK" --db "$DB" "$@"; }
clerk demo >/dev/null 2>&1 || { echo "Bail out! clerk demo failed"; exit 1; }

out=$(clerk export --body HWB --from 2017-01-01 --to 2017-12-31 --format html -o "$T/year" 2>"$T/err")
is "the files written are listed, in date order" "$out" "$T/year/2017-02-23.html
$T/year/2017-06-29.html"
is "the summary names the count, the body, the period and what was left out" "$(cat "$T/err")" \
	"clerk: the minutes of 2 meetings of HWB from 2017-01-01 to 2017-12-31 written to $T/year; 1 not yet held left out"
clerk export 2017-06-29 --body HWB --format html -o "$T/one.html" 2>/dev/null
ok "each file is that meeting's minutes exported alone" cmp "$T/one.html" "$T/year/2017-06-29.html"
has "the June minutes are in their file" "$(cat "$T/year/2017-06-29.html")" "29 June 2017"
# A meeting whose venue was never recorded (the demo's February meeting,
# known only from the confirmation of its minutes) reads as the style's
# optional part says: "held on ...", never "held at on ...".
has "a meeting with no venue is held on its date" "$(cat "$T/year/2017-02-23.html")" "held on Thursday, 23rd February, 2017"
lacks "and never at nowhere" "$(cat "$T/year/2017-02-23.html")" "held at on"
is "the folder is made readable for public minutes" "$(stat -c %a "$T/year")" "755"

# Both ends of the period are included.
out=$(clerk export --body HWB --from 2017-06-29 --to 2017-06-29 -o "$T/day" 2>/dev/null)
is "a period of one day holds that day's meeting" "$out" "$T/day/2017-06-29.txt"

clerk export --body HWB --from 2017-01-01 --to 2017-12-31 --format docx -o "$T/docx" >/dev/null 2>&1
ok "Word documents too" unzip -tq "$T/docx/2017-06-29.docx"

clerk export --body HWB --from 2017-01-01 --to 2017-12-31 --confidential -o "$T/conf" >/dev/null 2>"$T/err"
is "a confidential folder is private" "$(stat -c %a "$T/conf")" "700"
is "and so is each file" "$(stat -c %a "$T/conf/2017-06-29.txt")" "600"
has "the summary says so" "$(cat "$T/err")" "(confidential, mode 0600)"

# Mistakes: each named, nothing written.
exits "no meeting held in the period: exit 1" 1 clerk export --body HWB --from 2030-01-01 --to 2030-12-31 -o "$T/none"
has "and it says so" "$(clerk export --body HWB --from 2030-01-01 --to 2030-12-31 -o "$T/none" 2>&1)" \
	"HWB held no meeting from 2030-01-01 to 2030-12-31"
ok "no folder is made for nothing" test ! -e "$T/none"
exits "the period backwards: exit 2" 2 clerk export --body HWB --from 2017-12-31 --to 2017-01-01 -o "$T/x"
exits "a date that is not one: exit 2" 2 clerk export --body HWB --from 2017-02-30 --to 2017-12-31 -o "$T/x"
exits "no folder named: exit 2" 2 clerk export --body HWB --from 2017-01-01 --to 2017-12-31
exits "no body named: exit 2" 2 clerk export --from 2017-01-01 --to 2017-12-31 -o "$T/x"
exits "a meeting and a period: exit 2" 2 clerk export 2017-06-29 --body HWB --from 2017-01-01 --to 2017-12-31 -o "$T/x"
exits "an unknown body: exit 1" 1 clerk export --body "Planning" --from 2017-01-01 --to 2017-12-31 -o "$T/x"
ok "nothing written for any of them" test ! -e "$T/x"
touch "$T/file"
exits "a file where the folder should be: exit 4" 4 clerk export --body HWB --from 2017-01-01 --to 2017-12-31 -o "$T/file"
has "and the message names it" "$(clerk export --body HWB --from 2017-01-01 --to 2017-12-31 -o "$T/file" 2>&1)" \
	"cannot write the minutes into the folder $T/file: Not a directory"
done_testing
