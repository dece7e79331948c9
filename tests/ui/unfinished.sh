#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Text saved because the terminal hung up (issue 20): the editor's words
# are kept when SIGHUP or SIGTERM ends the console, and marked unfinished
# in the same commit; the console's item pane and the review show them as
# unfinished until the clerk accepts them (A in the console, e in the
# review: as they stand, or corrected); text typed and saved normally is
# never marked.
. "$top_srcdir/tests/ui/ui_lib.sh"

ui_run hup 2017-10-05 <<'KEYS'
y
n
h
A finished point.
<C-s>
h
The pilot was half way through its
@signal HUP
KEYS
is "the hang-up ends the console cleanly (exit 0)" "$UI_RC" 0
is "the half-typed point was kept, marked unfinished" \
	"$(sql "SELECT body || '|' || unfinished FROM minute_text WHERE body LIKE 'The pilot%'")" \
	"The pilot was half way through its|1"
is "the point saved normally is not" \
	"$(sql "SELECT unfinished FROM minute_text WHERE body = 'A finished point.'")" 0

# The review shows it as unfinished, above the minutes.
cat >"$T/review.keys" <<'KEYS'
@dump pager
q
KEYS
mkdir -p "$T/review"
"$CLERK" --db "$DB" review 2017-10-05 --script "$T/review.keys" --dump "$T/review" \
	>"$T/review.out" 2>"$T/review.err"
has "the review shows it unfinished" "$(tr '\n' ' ' <"$T/review/pager.txt" | tr -s ' ')" \
	"UNFINISHED (saved when the terminal hung up; e accepts or corrects it): The pilot was half way through its"

# The console shows it unfinished; A asks, and accepts it as it stands.
ui_run back 2017-10-05 <<'KEYS'
@dump shown
A
@dump accept-ask
y
@dump accepted
A
@dump nothing-left
q
y
KEYS
is "the console ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "the item pane marks it unfinished" back shown "[UNFINISHED: saved when"
lacks "but not the point saved normally" \
	"$(grep -F 'A finished point.' "$T/back/shown.txt")" "UNFINISHED"
screen_has "A asks about that text" back accept-ask "Saved when the terminal hung up:"
screen_has "and accepts it" back accepted "Accepted 1 paragraph"
lacks "no longer marked in the pane" "$(cat "$T/back/accepted.txt")" "[UNFINISHED"
screen_has "then there is nothing left to accept" back nothing-left \
	"Nothing on this item was saved unfinished"
is "accepted in the file" \
	"$(sql "SELECT count(*) FROM minute_text WHERE unfinished = 1")" 0

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
minutes=$(tr '\n' ' ' <"$T/minutes.txt" | tr -s ' ')
has "the minutes print the accepted words" "$minutes" \
	"The pilot was half way through its"

# SIGTERM while correcting a point (E): the correction is kept, unfinished;
# correcting it again in the review accepts it.
ui_run term 2017-10-05 <<'KEYS'
E
/finished<Enter><Enter>
<C-e> Then more
@signal TERM
KEYS
is "SIGTERM ends it cleanly (exit 0)" "$UI_RC" 0
is "the correction was kept, unfinished" \
	"$(sql "SELECT body || '|' || unfinished FROM minute_text WHERE body LIKE 'A finished%'")" \
	"A finished point. Then more|1"
cat >"$T/review2.keys" <<'KEYS'
e
/narrative<Enter><Enter>
/Then more<Enter><Enter>
@dump how
<Down><Enter>
<C-e> of the work.<C-s>
@expect saved
q
KEYS
mkdir -p "$T/review2"
"$CLERK" --db "$DB" review 2017-10-05 --script "$T/review2.keys" --dump "$T/review2" \
	>"$T/review2.out" 2>"$T/review2.err"
has "the review asks: accept as it stands, or correct" \
	"$(cat "$T/review2/how.txt" 2>/dev/null)" "accept it as it stands"
is "corrected in the review: accepted" \
	"$(sql "SELECT body || '|' || unfinished FROM minute_text WHERE body LIKE 'A finished%'")" \
	"A finished point. Then more of the work.|0"

done_testing
