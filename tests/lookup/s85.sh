#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Honest attendance: only meetings held count; the six-month rule (Local
# Government Act 1972 s.85) applies to councillors only, counts every
# meeting of the authority they attended, and honours absences the
# authority approved in time; apology reasons are shown.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db" CLERK_NOW=2017-01-01T09:00:00Z
mkdir -p "$T/d"
live() { # DATE TIME(UTC) KEYS: run the console on the meeting of DATE
	printf '%b' "$3" >"$T/keys"
	CLERK_NOW=${1}T$2:00Z $CLERK live "$1" --script "$T/keys" --dump "$T/d" >/dev/null 2>&1
}

$CLERK body add "Planning Committee" --council "Testshire Council" --short PC >/dev/null
$CLERK body add "Licensing Committee" --council "Testshire Council" --short LIC >/dev/null
$CLERK seat add PC "Councillor 1" >/dev/null
$CLERK seat add PC "Community representative" >/dev/null
$CLERK seat add LIC "Councillor 1" >/dev/null
$CLERK member add PC 1 "Cllr Ann Able" --from 2017-01-01 >/dev/null
out=$($CLERK member add PC 2 "Carl Community" --from 2017-01-01 2>&1)
is "a new member without an honorific is a co-opted member" "$(sqlite3 "$CLERK_DB" "SELECT kind FROM person WHERE name = 'Carl Community'")" "co-opted member"
is "a councillor by the honorific" "$(sqlite3 "$CLERK_DB" "SELECT kind FROM person WHERE name = 'Ann Able'")" "councillor"
out=$($CLERK person edit Carl --kind "partner representative" 2>&1)
has "person edit --kind" "$out" "Saved Carl Community: partner representative."
exits "an unknown kind is a usage error" 2 $CLERK person edit Carl --kind mayor
has "person add" "$($CLERK person add "Olive Officer" --organisation "Testshire Council" 2>&1)" "Added Olive Officer: officer, Testshire Council."
exits "person add of someone recorded" 3 $CLERK person add "Olive Officer"
has "person add with nothing but a name" "$($CLERK person add "Cllr Nia Newname" 2>&1)" "Added Cllr Nia Newname: councillor."
$CLERK member add LIC 1 "Cllr Ann Able" --from 2017-01-01 >/dev/null

$CLERK meeting add PC 2017-02-01 10:00 >/dev/null
$CLERK meeting add PC 2017-03-01 10:00 >/dev/null
$CLERK meeting add LIC 2017-08-01 10:00 >/dev/null
$CLERK meeting add PC 2018-01-15 10:00 >/dev/null
$CLERK meeting add PC 2018-02-20 10:00 >/dev/null
$CLERK meeting cancel 2017-03-01 --reason "No business" >/dev/null
# 1 February: Ann sends her apologies; 1 August: she attends Licensing.
live 2017-02-01 09:55 'y\na\no\nUnwell<Enter>\n'
live 2017-08-01 09:55 'y\na\np\n'
is "the console recorded the apology and the attendance" \
	"$(sqlite3 "$CLERK_DB" "SELECT status || ':' || note FROM attendance WHERE status <> 'expected' ORDER BY status")" "apology:Unwell
present:"

export CLERK_NOW=2017-10-01T09:00:00Z
att=$($CLERK attendance PC)
has "the cancelled meeting is not counted" "$att" "1 meeting held"
has "Ann: apologies counted" "$att" "Cllr Ann Able     1     0    0     1    0"
lacks "Ann attended the authority in August: the rule is not passed" "$att" "PASSED"
lacks "the partner representative never attended, but the rule is not theirs" "$att" "Carl Community: "
has "apology reasons are listed" "$att" "2017-02-01  Cllr Ann Able: Unwell"
has "by person, the apology names the body" "$($CLERK attendance --person Ann)" "2017-02-01  Planning Committee: Unwell"

export CLERK_NOW=2018-03-01T09:00:00Z
att=$($CLERK attendance PC)
has "six months after her last attendance of the authority: passed" "$att" "! Cllr Ann Able: 212 days since last attending a meeting of the authority on 2017-08-01"
has "worded as the Act has it" "$att" "ceases to be a member of the authority unless the absence was approved by the authority (s.85)"
is "json says passed" "$($CLERK attendance PC --json | python3 -c 'import json,sys; print([r["six_month_rule"] for r in json.load(sys.stdin)["attendance"]])')" "['passed', None]"

# Approved absences.
out=$($CLERK absence approve Carl --until 2018-06-30 --reason "Illness" --at 2018-01-15 2>&1); rc=$?
is "an absence is approved for councillors only" "$rc" 3
has "... saying why" "$out" "Carl Community is recorded as a partner representative: the six-month rule (s.85) applies to councillors only"
exits "at a meeting called off: refused" 3 $CLERK absence approve Ann --until 2018-06-30 --reason "Illness" --at 2017-03-01
exits "a last day before the meeting: refused" 3 $CLERK absence approve Ann --until 2018-01-01 --reason "Illness" --at 2018-01-15
exits "an approval needs a reason" 2 $CLERK absence approve Ann --until 2018-06-30 --at 2018-01-15
ok "approved after the six months ran out (1 February)" $CLERK absence approve Ann --until 2018-06-30 --reason "Too late" --at 2018-02-20
has "... does not save her" "$($CLERK attendance PC)" "six months have passed"
ok "approved in time" $CLERK absence approve Ann --until 2018-06-30 --reason "Illness" --at 2018-01-15
att=$($CLERK attendance PC)
has "an approved absence is shown with its reason" "$att" "Cllr Ann Able: 212 days since last attending a meeting of the authority on 2017-08-01; absence approved by the authority until 2018-06-30: Illness (s.85)"
lacks "... and the rule has not passed" "$att" "PASSED"
export CLERK_NOW=2018-07-02T09:00:00Z
has "after the approved absence ends, the rule bites" "$($CLERK attendance PC)" "PASSED"

# The look-up console's person page.
printf '@dump person\n' >"$T/p.keys"
CLERK_NOW=2018-03-01T09:00:00Z $CLERK browse --person "Ann Able" --script "$T/p.keys" --dump "$T/d" >/dev/null 2>&1
page=$(tr '\n' ' ' <"$T/d/person.txt" | tr -s ' ')
has "the person page shows the apology's reason" "$page" "apology 2017-02-01, Planning Committee: Unwell"
has "... and the approved absence" "$page" "absence approved until 2018-06-30 (s.85)"

done_testing
