#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Confirming the previous minutes is business of the confirming meeting
# (issue 13): on the demo board the minutes of 29 June 2017 are still a
# draft.  At 5 October 2017, K before the "minutes of the previous
# meeting" item is refused, saying where it belongs; at that item the
# meeting resolves to confirm them with an amendment and the chairman
# (recorded present) signs: they are locked and kept as signed, and both
# sets of minutes say so.
. "$top_srcdir/tests/ui/ui_lib.sh"

is "the demo's 29 June minutes are a draft until 5 October confirms them" \
	"$(sql "SELECT minutes_state FROM meeting WHERE starts_at LIKE '2017-06-29%'")" draft

ui_run confirm 2017-10-05 <<'KEYS'
y
a
p
j
p
j
p
j
p
j
p
<Tab>
@clock 2017-10-05T09:00:00Z
n
@clock +3m
n
K
@expect take that item first
@dump too-early
@clock +2m
n
@expect The minutes of 29 June 2017 await
@dump at-item
K
@expect Resolve that the minutes of the meeting held on 29 June
@dump question
y
Minute 12: for 2017-2022 read 2017-2023.<Enter>
@expect Confirmed and signed
@dump confirmed
K
@expect no earlier minutes of this body are waiting for confirmation
@dump again
KEYS
is "the console ran the script${UI_ERR:+: $UI_ERR}" "$UI_RC" 0
screen_has "K before the item is refused, saying where it belongs" confirm too-early \
	"Previous minutes are confirmed at the item"
# The item pane (right of the first │), its wrapped rows joined.
pane() { sed -n 's/^[^│]*│ *//p' "$T/confirm/$1.txt" | tr -s ' \n' ' '; }
has "at the item, the pane says which minutes await confirmation, and the key" \
	"$(pane at-item)" "The minutes of 29 June 2017 await confirmation (K: resolve to confirm them)"
screen_has "K asks the meeting's resolution" confirm question \
	"Resolve that the minutes of the meeting held on 29 June"
screen_has "at the item: confirmed and signed" confirm confirmed \
	"Confirmed and signed: the minutes of 29 June 2017 are locked"
has "the pane shows what was confirmed, who signed and the amendment" \
	"$(pane confirmed)" "Confirmed: the minutes of 29 June 2017, signed by Councillor Liz Fairhurst; amended: Minute 12: for 2017-2022 read 2017-2023."
lacks "and no longer that they await confirmation" "$(pane confirmed)" "await confirmation"
screen_has "nothing awaits confirmation any more" confirm again \
	"no earlier minutes of this body are waiting for confirmation"
is "29 June is confirmed at 5 October" \
	"$(sql "SELECT m.minutes_state, m.confirmed_at = '$MID', m.signed_as, p.name FROM meeting m JOIN person p ON p.id = m.signed_by WHERE m.starts_at LIKE '2017-06-29%'")" \
	"confirmed|1|chairman|Liz Fairhurst"
is "with the amendment" \
	"$(sql "SELECT confirmed_amendment FROM meeting WHERE starts_at LIKE '2017-06-29%'")" \
	"Minute 12: for 2017-2022 read 2017-2023."
is "and kept as signed" "$(sql "SELECT count(*) FROM signed_minutes s JOIN meeting m ON m.id = s.meeting_id WHERE m.starts_at LIKE '2017-06-29%'")" 1
flat() { tr '\n' ' ' | tr -s ' '; }
has "the confirming meeting's minutes resolve it, with the amendment" \
	"$("$CLERK" --db "$DB" export 2017-10-05 | flat)" \
	"were confirmed as a correct record, subject to the following amendment, and signed by the Chairman: Minute 12: for 2017-2022 read 2017-2023."
has "the confirmed minutes show the amendment" \
	"$("$CLERK" --db "$DB" export 2017-06-29 | flat)" \
	"Amended when confirmed as a correct record on 5 October 2017: Minute 12: for 2017-2022 read 2017-2023."
out=$("$CLERK" --db "$DB" confirm 2017-06-29 --at 2017-10-05 2>&1); rc=$?
is "confirming them again is refused" "$rc" 3
has "saying a correction is the way" "$out" "record a correction instead"

# The chairman and vice-chairman not recorded present: the clerk is asked
# who presided, and that member signs.
"$CLERK" --db "$DB" demo >/dev/null 2>&1
MID=$(sql "SELECT id FROM meeting WHERE starts_at LIKE '2017-10-05%'")
ui_run nochair 2017-10-05 <<'KEYS'
y
a
p
j
p
j
j
p
j
p
j
p
<Tab>
@clock 2017-10-05T09:00:00Z
n
@clock +3m
n
@clock +2m
n
K
y
<Enter>
@expect Who presided and signs?
@dump who
<Down>
<Enter>
@expect Confirmed and signed
KEYS
is "the console ran the script${UI_ERR:+: $UI_ERR}" "$UI_RC" 0
screen_has "asked who presided, the chairman and vice-chairman being absent" \
	nochair who "Who presided and signs? (no chairman or vice-chairman present)"
is "the member who presided signed, in that capacity" \
	"$(sql "SELECT m.confirmed_at = '$MID', m.signed_as, p.name, coalesce(m.confirmed_amendment, '') FROM meeting m JOIN person p ON p.id = m.signed_by WHERE m.starts_at LIKE '2017-06-29%'")" \
	"1|presiding|Patricia Stallard|"
has "the confirming meeting's minutes say so" \
	"$("$CLERK" --db "$DB" export 2017-10-05 | flat)" \
	"were confirmed as a correct record and signed by"
# The clerk records the meeting's resolution in its own words (r) and then
# confirms with K: the minutes give the resolution once, in those words,
# not again in the style's.
"$CLERK" --db "$DB" demo >/dev/null 2>&1
ui_run typed 2017-10-05 <<'KEYS'
y
a
p
j
p
j
p
j
p
j
p
<Tab>
@clock 2017-10-05T09:00:00Z
n
@clock +3m
n
@clock +2m
n
r
/Mans<Enter><Enter>
/Stallard<Enter><Enter>
That the minutes of the meeting held on 29 June 2017 be confirmed as a correct record.
<C-s>
=
K
y
<Enter>
@expect Confirmed and signed
KEYS
is "the console ran the script${UI_ERR:+: $UI_ERR}" "$UI_RC" 0
typed=$("$CLERK" --db "$DB" export 2017-10-05 | flat)
has "the typed resolution is minuted" "$typed" \
	"That the minutes of the meeting held on 29 June 2017 be confirmed as a correct record."
lacks "and the style's sentence is not added to it" "$typed" "were confirmed as a correct record"
is "the minutes are confirmed all the same" \
	"$(sql "SELECT minutes_state FROM meeting WHERE starts_at LIKE '2017-06-29%'")" confirmed
# The review's header at 80 columns: a long body's name is cut to leave
# the pager's position whole, never written over by it.
printf '@dump head\nq\nq\n' >"$T/head.keys"
"$CLERK" --db "$DB" review 2017-06-29 --script "$T/head.keys" --dump "$T" --size 80x24 >/dev/null 2>&1
head=$(head -1 "$T/head.txt")
has "the review header names the meeting" "$head" "Thu 29 Jun 2017  10:00  confirmed      Health and Wellbeing"
ok "and ends with its position, clear of the name" \
	grep -qE '(Board|…)  +1-[0-9]+/[0-9]+ *$' <<<"$head"
done_testing
