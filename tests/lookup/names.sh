#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Names in every language: people are found whatever the case and accents
# typed, composed or decomposed, and in "Surname, Forename" order; one close
# match is answered (saying so); tables line up decomposed and wide names;
# capitals follow Unicode ("CAFÉ").
. "$top_srcdir/tests/lib.sh"
setup

export CLERK_DB=$T/names.db
decomposed=$(printf 'Gwy\xcc\x82n Roberts')   # "Gwŷn" as y + U+0302
"$CLERK" body add "Pwyllgor Café Board" --short PCB --quorum 2 >/dev/null
for s in 1 2 3 4; do "$CLERK" seat add PCB "Seat $s" >/dev/null; done
"$CLERK" member add PCB 1 "Cllr Siân Lloyd" --from 2020-01-01 >/dev/null
"$CLERK" member add PCB 2 "Cllr $decomposed" --from 2020-01-01 >/dev/null
"$CLERK" member add PCB 3 "Cllr Liz Fairhurst" --from 2020-01-01 >/dev/null
"$CLERK" member add PCB 4 "Dr 王小明" --from 2020-01-01 >/dev/null
"$CLERK" meeting add PCB 2024-03-05 10:00 --venue "Neuadd y Dref" >/dev/null
"$CLERK" item add 2024-03-05 "Café licensing: Straße" >/dev/null

for q in "SIÂN" "sian" "Siân" "lloyd, sian"; do
	out=$("$CLERK" who "$q" 2>&1); rc=$?
	is "who $q: found" "$rc" 0
	has "who $q: Siân Lloyd" "$out" "Siân Lloyd"
done
out=$("$CLERK" who Gwyn 2>&1); rc=$?
is "who Gwyn finds the decomposed Gwŷn: exit 0" "$rc" 0
has "who Gwyn finds the decomposed Gwŷn" "$out" "$decomposed"
out=$("$CLERK" who "GWŶN" 2>&1); rc=$?
is "who GWŶN (composed capitals) finds the decomposed name" "$rc" 0
out=$("$CLERK" who "Fairhurst, Liz" 2>&1); rc=$?
is "who \"Fairhurst, Liz\": found" "$rc" 0
has "who \"Fairhurst, Liz\": Liz Fairhurst" "$out" "Liz Fairhurst"

# One close match: answered, and said so; several: "did you mean".
out=$("$CLERK" who Fairhirst 2>"$T/err"); rc=$?
is "who Fairhirst (one close match): exit 0" "$rc" 0
has "it answers for the close match" "$out" "Liz Fairhurst"
has "and says so" "$(cat "$T/err")" "nobody is called 'Fairhirst'; showing the one close match, Cllr Liz Fairhurst"
out=$("$CLERK" who Zzyzx 2>&1); rc=$?
is "who Zzyzx (nothing close): exit 1" "$rc" 1

# Attendance lines up names of every kind: the column after the name starts
# at the same display column on each member's line.
out=$(COLUMNS=120 "$CLERK" attendance PCB 2>&1)
cols=$(printf '%s\n' "$out" | grep -E '^(Cllr|Councillor|Dr) ' |
	python3 -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in sys.stdin:
    line = line.rstrip("\n")
    # the first digit after the name: the first count column
    i = next(k for k, c in enumerate(line) if c.isdigit())
    print(width(line[:i]))' | sort -u)
is "attendance: four members listed" "$(printf '%s\n' "$out" | grep -cE '^(Cllr|Councillor|Dr) ')" 4
is "attendance: every member's counts start in the same column" "$(printf '%s\n' "$cols" | wc -l)" 1

# Capitals by Unicode's rules in an export.
out=$("$CLERK" export 2024-03-05 --agenda 2>&1)
has "an item's heading in capitals by Unicode's rules" "$out" "CAFÉ LICENSING: STRASSE"
lacks "never CAFé" "$out" "CAFé"

# A terminal whose locale is not UTF-8 is given readable names, not '?';
# a pipe keeps clerk's UTF-8 whatever the locale.  script(1) gives the
# command a real terminal.
tty_run() { script -qec "$1" /dev/null | tr -d '\r'; }
out=$(tty_run "LC_ALL=C '$CLERK' --db '$CLERK_DB' members PCB")
has "C locale on a terminal: Siân as Sian" "$out" "Cllr Sian Lloyd"
has "and the decomposed Gwŷn as Gwyn" "$out" "Cllr Gwyn Roberts"
lacks "no question marks for accents" "$out" "Si?n"
out=$(tty_run "LC_ALL=C.UTF-8 '$CLERK' --db '$CLERK_DB' members PCB")
has "a UTF-8 terminal shows the name as written" "$out" "Cllr Siân Lloyd"
out=$(LC_ALL=C "$CLERK" members PCB)
has "a pipe keeps UTF-8 in the C locale" "$out" "Cllr Siân Lloyd"
done_testing
