#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/review_confirm.sh: where the review screen lets minutes be
# confirmed (issue 13).  Only a later meeting of the body that confirms
# them is offered: never another body's; a meeting called off is shown
# with the reason it cannot be chosen, and choosing it changes nothing.
# Where standing orders name another body to confirm a body's minutes,
# that body's meetings are the ones offered, and its chair signs.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
export CLERK_NOW=2024-06-01T12:00:00Z
clerk() { "$CLERK" --db "$DB" "$@"; }
dump() { tr -s ' \n' ' ' <"$T/$1.txt"; }

exits "a meeting of the Audit Committee is added" 0 clerk meeting add "Audit Committee" 2024-03-28 10:00
exits "and cancelled" 0 clerk meeting cancel 2024-03-28 --reason "Insufficient business"

# The list is in date order: 2019 (2), 14 March, 28 March, 18 April, 2 May.
cat >"$T/script" <<'KEYS'
<Home>
<Down><Down>
<Enter>
@expect AT A MEETING of the Audit Committee
K
@expect Confirmed at which meeting?
@dump offered
<Enter>
@expect Not available
@dump refused
<Esc>
<Esc>
@dump after
q
KEYS
exits "the review script runs to the end" 0 clerk review --script "$T/script" --dump "$T"
offered=$(dump offered)
has "the cancelled meeting is shown" "$offered" "Thu 28 Mar 2024 10:00 cancelled"
has "with why it cannot be chosen" "$offered" "Thu 28 Mar 2024 10:00 cancelled Audit Committee not held"
has "the later meeting held is offered" "$offered" "Thu 18 Apr 2024 10:00"
lacks "another body's meeting is not offered" "$offered" "Licensing Sub-Committee"
lacks "nor an earlier meeting" "$offered" "Snoring"
has "choosing the cancelled meeting is refused" "$(dump refused)" "Not available: not held"
is "nothing was confirmed" "$(clerk meetings | grep -c confirmed)" 0

# The Licensing Sub-Committee's minutes are confirmed by the Audit
# Committee under the council's standing orders: review offers only the
# Audit Committee's later meetings.
exits "standing orders name the confirming body" 0 \
	clerk body edit "Licensing Sub-Committee" --minutes-confirmed-by "Audit Committee"
cat >"$T/script" <<'KEYS'
<End>
<Enter>
@expect Licensing Sub-Committee
K
@expect No later meeting of the body that confirms these minutes
@dump none
q
KEYS
exits "the review script runs to the end" 0 clerk review --script "$T/script" --dump "$T"
has "with no meeting of the confirming body to come, review says so" "$(dump none)" \
	"No later meeting of the body that confirms these minutes has been held or is to come: add the meeting first"
exits "a later Audit Committee meeting is added" 0 clerk meeting add "Audit Committee" 2024-05-16 10:00
cat >"$T/script" <<'KEYS'
<End>
<Up>
<Enter>
@expect Licensing Sub-Committee
K
@expect Confirmed at which meeting?
@dump confirmer
<Enter>
<Enter>
@expect Confirmed and kept as signed
q
q
KEYS
exits "the review script runs to the end" 0 clerk review --script "$T/script" --dump "$T"
has "the confirming body's meeting is offered" "$(dump confirmer)" "Thu 16 May 2024 10:00 draft minutes Audit Committee"
is "the Licensing minutes are confirmed at the Audit Committee's meeting" \
	"$(clerk meetings | grep Licensing | grep -c confirmed)" 1
done_testing
