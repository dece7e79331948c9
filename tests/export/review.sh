#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/review.sh: the review screen (clerk review) driven by a
# keystroke script: the meetings listed with the state of their minutes,
# the minutes shown as published, corrections of the draft (attendance,
# a heard point, vote counts) committed and kept in the audit trail, an
# export, the confirmation that locks them, and a correction after it that
# shows in the next meeting's minutes.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
export CLERK_NOW=2024-04-01T12:00:00Z
export CLERK_NAME="Jane Smith"   # the display name the audit records
clerk() { "$CLERK" --db "$DB" "$@"; }
flat() { tr '\n' ' ' | tr -s ' '; }

cat >"$T/script" <<'KEYS'
@dump list
<Enter>
@dump opened
<Esc>
# Open the minutes of 14 March 2024 (the list is in date order).
<Home>
<Down><Down>
<Enter>
@expect AT A MEETING of the Audit Committee
@dump pager
# Attendance: Lara Late sent apologies after all.
e
/attendance<Enter><Enter>
/Lara<Enter><Enter>
/apology<Enter><Enter>
<C-a><C-k>illness<Enter>
@expect saved
# A heard point corrected in the editor.
e
/narrative<Enter><Enter>
/Spending<Enter><Enter>
<C-e> and approved<C-s>
@expect saved
# The vote counts corrected (a vote by show of hands: the budget's was
# a recorded vote, whose counts are its named votes).
e
/votes<Enter><Enter>
/repairs<Enter><Enter>
<C-a><C-k>3 1 0<Enter>
@expect saved
# Export as HTML, public.
x
/html<Enter><Enter>
<C-a><C-k>r.html<Enter>
n
@expect Written to r.html
# The April meeting has not been held yet: nothing is confirmed at it.
K
<Enter>
<Enter>
@expect has not been held yet
@dump unheld
q
q
KEYS
exits "the review script runs to the end" 0 clerk review --script "$T/script" --dump "$T"
has "confirming at a meeting not yet held is refused, saying why" \
	"$(cat "$T/unheld.txt" | flat)" "has not been held yet, so nothing can be confirmed at it"
is "nothing was confirmed" "$(clerk meetings | grep -c confirmed)" 0

# After the April meeting: confirmed there, locked from then on.
cat >"$T/script" <<'KEYS'
<Home>
<Down><Down>
<Enter>
@expect AT A MEETING of the Audit Committee
K
<Enter>
<Enter>
@expect locked
e
@dump refused
C
<Enter>
Minute 4: the report was from the Treasurer.<Enter>
@expect Correction recorded
H
@dump history_of
<Enter>
@expect History:
<End>
@dump history
<Esc>
H
/Lara Late<Enter>
<Enter>
@expect History:
@dump record_history
<Esc>
<Esc>
@dump after
q
KEYS
CLERK_NOW=2024-04-18T15:00:00Z exits "the confirming script runs to the end" 0 \
	clerk review --script "$T/script" --dump "$T"
list=$(cat "$T/list.txt")
has "meetings listed with the state of their minutes" "$list" "Thu 14 Mar 2024  10:00  draft minutes  Audit Committee"
has "a meeting still to come is scheduled" "$list" "Thu 18 Apr 2024  10:00  scheduled      Audit Committee"
# The list opens on the newest meeting already held: the minutes a clerk
# is working on (14 March on 1 April 2024), not the oldest.
has "the list opens on the newest meeting held" \
	"$(head -1 "$T/opened.txt")" "Thu 14 Mar 2024  10:00  draft minutes  Audit Committee"
pager=$(cat "$T/pager.txt")
has "the pager shows the minutes as published" "$pager" "AT A MEETING of the Audit Committee of TESTSHIRE COUNTY COUNCIL held at Council"
has "with their attendance" "$pager" "p Councillor Lara Late"
has "a locked meeting refuses edits, saying why" "$(cat "$T/refused.txt")" "they are locked"
has "after confirmation the list says confirmed" "$(cat "$T/after.txt")" "Thu 14 Mar 2024  10:00  confirmed      Audit Committee"

m=$(clerk export 2024-03-14 | flat)
has "attendance corrected" "$m" "Councillor Lara Late, due to illness."
has "heard point corrected" "$m" "Spending was on target & <under> budget and approved"
has "votes corrected" "$m" "(Votes: For 3, Against 1, Abstentions 0)"
has "confirmed: signed on the April meeting's date" "$m" "Chairman, 18 April 2024"
has "exported file written" "$(cat "$T/r.html" 2>/dev/null)" "AT A MEETING of the Audit Committee"
has "correction in the next meeting's minutes" "$(clerk export 2024-04-18 | flat)" \
	"was recorded: Minute 4: the report was from the Treasurer."
if need sqlite3; then
	is "the corrections are in the audit trail (text, vote, attendance)" \
		"$(sqlite3 "$DB" "SELECT count(DISTINCT tbl) FROM audit WHERE op = 'update' AND tbl IN ('minute_text', 'resolution', 'attendance')")" "3"
	has "the audit keeps the old wording" \
		"$(sqlite3 "$DB" "SELECT old FROM audit WHERE tbl = 'minute_text' AND op = 'update'")" \
		"Spending was on target & <under> budget\""
fi
# The history: every change, oldest first, who made it, old and new values.
hist=$(clerk history 2024-03-14)
who=$(id -un)
has "history: who changed the heard point" "$hist" "$who (Jane Smith)  update minute_text "
has "history: its old and new wording" "$hist" \
	"    body: \"Spending was on target & <under> budget\" -> \"Spending was on target & <under> budget and approved\""
has "history: the attendance corrected" "$hist" 'status: "present" -> "apology"'
has "history: the votes corrected" "$hist" "votes_for: 4 -> 3"
has "history: the confirmation" "$hist" 'minutes_state: "draft" -> "confirmed"'
has "history: the correction made after it" "$hist" "insert correction "
has "history: with its text" "$hist" \
	'body: "Minute 4: the report was from the Treasurer."'
first=$(printf '%s\n' "$hist" | grep -n 'update minute_text' | head -1 | cut -d: -f1)
last=$(printf '%s\n' "$hist" | grep -n 'minutes_state: "draft" -> "confirmed"' | cut -d: -f1)
ok "history: oldest first (the edit before the confirmation)" test "$first" -lt "$last"
is "the audit rows name who made them" \
	"$(sqlite3 "$DB" "SELECT DISTINCT who FROM audit WHERE tbl IN ('minute_text', 'resolution', 'attendance') AND op = 'update'")" \
	"$who (Jane Smith)"
h=$(cat "$T/history.txt")
has "the review screen shows the history, with who" "$h" "(Jane Smith)  update minute_text"
has "with the old and new values" "$h" '"draft" -> "confirmed"'
# H first asks whose history: the whole meeting, or one record named by
# what it is about; a record's history holds its changes and no other's.
ho=$(cat "$T/history_of.txt")
has "H offers the whole meeting first" "$ho" "The whole meeting"
has "and each record by what it is about" "$ho" 'Councillor Lara Late"'
rh=$(cat "$T/record_history.txt")
has "a record's history says whose it is" "$rh" "changes to this record, oldest first"
has "the picked attendance record's change" "$rh" 'status: "present" -> "apology"'
lacks "no other record's change" "$rh" "update minute_text"
lacks "nor the meeting's" "$rh" 'minutes_state'
att=$(printf '%s\n' "$hist" | grep 'update attendance' | head -1 | awk '{print $NF}')
rec=$(clerk history 2024-03-14 --record "$att")
has "history --record: that record's change" "$rec" 'status: "present" -> "apology"'
lacks "history --record: nothing else" "$rec" "minute_text"
exits "history --record with no such record exits 1" 1 clerk history 2024-03-14 --record ffffffff
has "and says how to find the ids" "$(clerk history 2024-03-14 --record ffffffff 2>&1)" \
	'lists every change with its record'"'"'s id'

# Opened on one meeting's minutes directly, narrowed to one body.
printf '@expect 222/19 Apologies for absence\n@dump direct\nq\nq\n' >"$T/direct"
exits "review MEETING opens its minutes" 0 clerk review 2019-06-11 --body Snoring --script "$T/direct" --dump "$T"
has "the parish minutes in the pager" "$(cat "$T/direct.txt")" "Present: Cllr Mary Green (Chairman), Cllr John Hedge and Cllr Priya Lane."
printf '<Esc>\n@dump narrowed\nq\n' >"$T/narrow"
clerk review --body Snoring --script "$T/narrow" --dump "$T" >/dev/null 2>&1
lacks "--body lists only that body's meetings" "$(cat "$T/narrowed.txt")" "Audit Committee"
exits "an unknown body is refused" 1 clerk review --body "No Such Body" --script "$T/narrow"

# A long list: 300 meetings, of which the list reads those it shows (and
# those next to them), reaching the others as the clerk moves to them.
LDB=$T/long.db
"$CLERK" --db "$LDB" body add "Long Board" --council "Testshire Council" \
	--short LB >/dev/null
"$top_builddir/tests/lookup/sqlexec" "$LDB" "WITH RECURSIVE n(i) AS (SELECT 0
UNION ALL SELECT i + 1 FROM n WHERE i < 299) INSERT INTO meeting(id, body_id,
starts_at, status) SELECT printf('00000000-0000-4000-8000-%012d', i),
(SELECT id FROM body WHERE short_name = 'LB'), strftime('%Y-%m-%dT10:00:00Z',
'2000-01-06', '+' || (7 * i) || ' days'), 'closed' FROM n"
printf '%s\n' '@dump lopen' '<Home>' '@dump ltop' '<Down>' '@dump ldown' \
	'<End>' '@dump lend' '<PgUp>' '<PgUp>' '<PgUp>' '<PgUp>' '<PgUp>' \
	'<PgUp>' '<PgUp>' '<PgUp>' '<PgUp>' '<PgUp>' '<PgUp>' '<PgUp>' \
	'@dump lup' '<Enter>' '@dump lpager' q >"$T/long"
exits "the long list runs" 0 "$CLERK" --db "$LDB" review --script "$T/long" --dump "$T"
has "it opens on the newest meeting" "$(tail -3 "$T/lopen.txt")" "Thu 29 Sep 2005  11:00"
has "Home reaches the oldest, 299 meetings back" "$(sed -n 3p "$T/ltop.txt")" \
	"Thu  6 Jan 2000  10:00  draft minutes  Long Board"
has "and Down goes on from it" "$(sed -n 4p "$T/ldown.txt")" "Thu 13 Jan 2000"
has "End the newest again" "$(cat "$T/lend.txt")" "Thu 29 Sep 2005"
has "twelve pages up from the end" "$(sed -n 3p "$T/lup.txt")" "Thu 22 Feb 2001"
has "and the meeting chosen there opens" "$(head -3 "$T/lpager.txt" | tr '\n' ' ')" \
	"Long Board of TESTSHIRE COUNCIL held on Thursday, 22nd February, 2001"
done_testing
