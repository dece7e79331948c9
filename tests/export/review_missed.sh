#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/review_missed.sh: review puts right what the room missed
# (issue 13), before confirmation, under the room's rules: a declaration
# nobody recorded, a paragraph for an item that had none, a substitute's
# attendance, the mover and seconder, vote counts checked against the
# members present and entitled (a refusal says why and keeps what was
# typed), and withdrawing each of these.  Each change is in the audit
# trail and in `clerk history` with its old and new values, names shown
# as names.  Confirmed minutes refuse all of it.
. "$top_srcdir/tests/lib.sh"
setup
cd "$T" || exit 1
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
export CLERK_NOW=2024-04-01T12:00:00Z
export CLERK_NAME="Jane Smith"
clerk() { "$CLERK" --db "$DB" "$@"; }
flat() { tr '\n' ' ' | tr -s ' '; }
dump() { tr -s ' \n' ' ' <"$T/$1.txt"; }
need sqlite3 || { done_testing; exit 0; }
sql() { sqlite3 -batch -noheader "$DB" "$1"; }

# The meeting of 14 March 2024 (draft minutes): nothing yet of what follows.
is "no declaration by Vic Vice" "$(sql "SELECT count(*) FROM declaration d JOIN person p ON p.id = d.person_id WHERE p.name = 'Vic Vice'")" 0
is "no substitute for Nick Nosub" "$(sql "SELECT count(*) FROM attendance WHERE status = 'substitute'")" 1

base=$(sql "SELECT max(seq) FROM audit")
cat >"$T/script" <<'KEYS'
<Home>
<Down><Down>
<Enter>
@expect AT A MEETING of the Audit Committee
# A declaration nobody recorded: Vic Vice, non-registrable, on the budget.
e
/add a declaration<Enter><Enter>
/Budget<Enter><Enter>
/Vic<Enter><Enter>
/non-registrable<Enter><Enter>
n
a governor of Testshire Academy<Enter>
@expect Declaration added
@dump declared
# A paragraph for the urgent item, which had none.
e
/add a paragraph<Enter><Enter>
/Storm<Enter><Enter>
/heard<Enter><Enter>
The roof of the east wing had lost its tiles.<C-s>
@expect Added 1 paragraph
# Two votes too many on the storm repairs: refused, what was typed kept.
e
/votes<Enter><Enter>
/repairs<Enter><Enter>
<C-a><C-k>4 1 0<Enter>
@expect only 4 members were present and entitled
@dump toomany
<Enter>
@expect Votes: for against abstaining
@dump kept
<C-a><C-k>2 2 0<Enter>
@expect casting vote
@dump equal
<Enter>
<C-a><C-k>3 1 0<Enter>
@expect saved
# A recorded vote's counts are its named votes.
e
/votes<Enter><Enter>
/budget<Enter><Enter>
<C-a><C-k>3 1 0<Enter>
@expect recorded vote
<Enter>
<Esc>
# A substitute's attendance: Nell Nominee for Nick Nosub.
e
/add a substitute<Enter><Enter>
/Nick<Enter><Enter>
/Nell<Enter><Enter>
@expect Substitute's attendance added
# One not nominated: recorded, with a warning; then withdrawn.
e
/add a substitute<Enter><Enter>
/Una<Enter><Enter>
/Sue Sorry<Enter><Enter>
@expect not a nominated substitute
@dump warned
e
/withdraw a substitute<Enter><Enter>
/Sue<Enter><Enter>
y
@expect saved
# Nell cannot also stand for Dora: one seat each.
e
/add a substitute<Enter><Enter>
/Dora<Enter><Enter>
/Nell<Enter><Enter>
@expect already recorded as a substitute
@dump onceonly
<Enter>
# Nick Nosub cannot be corrected to present while Nell sat in his seat.
e
/attendance<Enter><Enter>
/Nick<Enter><Enter>
/present<Enter><Enter>
@expect withdraw the substitute
@dump seatonce
# The budget's mover and seconder: Sam Sensitive, with a pecuniary
# interest in it, cannot be picked; the seconder becomes Nell.
e
/mover<Enter><Enter>
/budget<Enter><Enter>
@dump movers
/Vic<Enter><Enter>
/Nell<Enter><Enter>
@expect saved
# The mover and seconder on the storm repairs withdrawn (not noted).
e
/mover<Enter><Enter>
/repairs<Enter><Enter>
<Enter>
<Enter>
@expect saved
# A paragraph recorded in error withdrawn.
e
/withdraw a paragraph<Enter><Enter>
/tenders were opened<Enter><Enter>
y
@expect saved
# A resolution nobody recorded: the meeting confirmed its previous
# minutes, but nobody pressed r.  Empty words are refused, then typed.
e
/add a resolution<Enter><Enter>
/Minutes of<Enter><Enter>
<Enter>
<C-s>
@expect words of the resolution are empty
@dump emptyres
That the minutes of the previous meeting be confirmed as a correct record.
<C-s>
@expect Resolution added
@dump after
q
q
KEYS
exits "the review script runs to the end" 0 clerk review --script "$T/script" --dump "$T"

has "the declaration is added" "$(dump declared)" "Declaration added"
has "a resolution with no words is refused, saying why" "$(dump emptyres)" \
	"The words of the resolution are empty: type what the meeting resolved"
res=$(clerk export 2024-03-14 | tr '\n' ' ' | tr -s ' ')
has "the resolution added in review is minuted at its item" "$res" \
	"3. MINUTES OF PREVIOUS MEETING RESOLVED: That the minutes of the previous meeting be confirmed as a correct record."
has "and its addition is in the history" "$(clerk history 2024-03-14)" \
	'body: "That the minutes of the previous meeting be confirmed as a correct record."'

has "too many votes refused, with the rule's sentence" "$(dump toomany)" \
	"5 votes counted but only 4 members were present and entitled to"
has "what was typed is offered again" "$(dump kept)" "4 1 0"
has "equal votes without the chair's casting vote refused" "$(dump equal)" \
	"The votes are equal and no casting vote of the chair is recorded"
has "a substitute not nominated is recorded with a warning" "$(dump warned)" \
	"Warning: Councillor Sue Sorry is not a nominated substitute for Councillor Una Unable."
has "a substitute stands for one seat" "$(dump onceonly)" \
	"Councillor Nell Nominee is already recorded as a substitute"
has "a member whose substitute sat cannot be made present" "$(dump seatonce)" \
	"Councillor Nell Nominee sat as substitute for Councillor Nick Nosub, and a seat counts once: withdraw the substitute's attendance first"
movers=$(cat "$T/movers.txt")
has "the picker says who may not move the budget, and why" "$movers" "Sam Sensitive"
has "(not entitled)" "$movers" "not entitled to vote on the item"

# The minutes as they will be published.
m=$(clerk export 2024-03-14 | flat)
has "the declaration is minuted" "$m" "a governor of Testshire Academy"
has "the new paragraph is minuted under its item" "$m" "The roof of the east wing had lost its tiles."
has "the votes corrected" "$m" "For 3, Against 1, Abstentions 0"
has "the substitute is minuted" "$m" "Nell Nominee"
lacks "the withdrawn substitute is not" "$m" "Sue Sorry"
lacks "the withdrawn paragraph is not" "$m" "tenders were opened"

# The database rows.
is "the declaration's row" \
	"$(sql "SELECT d.kind, d.what, d.left_room, i.title FROM declaration d JOIN person p ON p.id = d.person_id JOIN agenda_item i ON i.id = d.item_id WHERE p.name = 'Vic Vice'")" \
	"non-registrable|a governor of Testshire Academy|0|Budget Monitoring"
is "the substitute's row, for Nick Nosub's seat" \
	"$(sql "SELECT a.status, m.name FROM attendance a JOIN person p ON p.id = a.person_id JOIN person m ON m.id = a.substitute_for WHERE p.name = 'Nell Nominee'")" \
	"substitute|Nick Nosub"
is "Nick Nosub's apology, naming his substitute" \
	"$(sql "SELECT a.status, a.substitute_note FROM attendance a JOIN person p ON p.id = a.person_id WHERE p.name = 'Nick Nosub' AND a.meeting_id = (SELECT meeting_id FROM attendance WHERE person_id = (SELECT id FROM person WHERE name = 'Nell Nominee'))")" \
	"apology|Councillor Nell Nominee attended as substitute"
is "the budget's mover and seconder" \
	"$(sql "SELECT mp.name, sp.name FROM resolution r JOIN person mp ON mp.id = r.mover JOIN person sp ON sp.id = r.seconder WHERE r.body LIKE '%budget position%'")" \
	"Vic Vice|Nell Nominee"
is "the repairs' mover and seconder withdrawn, votes corrected, carried" \
	"$(sql "SELECT coalesce(mover, '-'), coalesce(seconder, '-'), votes_for, votes_against, votes_abstain, outcome FROM resolution WHERE body LIKE '%repairs%'")" \
	"-|-|3|1|0|carried"

# The audit rows: each change, with who made it.
who=$(id -un)
is "audit: the declaration inserted" \
	"$(sql "SELECT count(*) FROM audit WHERE tbl = 'declaration' AND op = 'insert' AND new LIKE '%Testshire Academy%'")" 1
is "audit: the paragraph inserted" \
	"$(sql "SELECT count(*) FROM audit WHERE tbl = 'minute_text' AND op = 'insert' AND new LIKE '%east wing%'")" 1
is "audit: the paragraph withdrawn, its words kept" \
	"$(sql "SELECT count(*) FROM audit WHERE tbl = 'minute_text' AND op = 'delete' AND old LIKE '%tenders were opened%'")" 1
is "audit: the substitute withdrawn" \
	"$(sql "SELECT count(*) FROM audit WHERE tbl = 'attendance' AND op = 'delete'")" 1
is "audit: every change names who made it" \
	"$(sql "SELECT DISTINCT who FROM audit WHERE seq > $base")" \
	"$who (Jane Smith)"

# clerk history: old and new values, names as names.
hist=$(clerk history 2024-03-14)
has "history: the declaration, with who declared" "$hist" "insert declaration"
has "history: the declarer's name" "$hist" 'person_id: "Councillor Vic Vice"'
has "history: what was declared" "$hist" 'what: "a governor of Testshire Academy"'
has "history: the paragraph added" "$hist" 'body: "The roof of the east wing had lost its tiles."'
has "history: on its item" "$hist" 'item_id: "Storm Damage to County Hall"'
has "history: the votes, old and new" "$hist" "votes_for: 4 -> 3"
has "history: the substitute added, for whom" "$hist" 'substitute_for: "Councillor Nick Nosub"'
has "history: the member's apology, naming the substitute" "$hist" 'substitute_note: "Councillor Nell Nominee attended as substitute"'
has "history: the seconder corrected" "$hist" 'seconder: "Councillor Vic Vice" -> "Councillor Nell Nominee"'
has "history: the mover withdrawn" "$hist" 'mover: "Councillor Ann Chair" -> -'
has "history: the paragraph withdrawn" "$hist" "delete minute_text"
has "history: with who made it" "$hist" "$who (Jane Smith)  insert declaration"

# After confirmation nothing of this can be done.
cat >"$T/locked" <<'KEYS'
<Home>
<Down><Down>
<Enter>
K
<Enter>
<Enter>
@expect locked
e
@dump locked
q
q
KEYS
CLERK_NOW=2024-04-18T15:00:00Z exits "confirmed at the April meeting" 0 \
	clerk review --script "$T/locked" --dump "$T"
has "confirmed minutes refuse review's additions" "$(dump locked)" "they are locked"
done_testing
