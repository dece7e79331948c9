#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Two consoles, one meeting (issue 20): opening a meeting that another
# console drives says who and since when (from the lease that console
# keeps in the file) and opens read-only: everything that would record is
# refused with that sentence and nothing reaches the file or the minutes,
# until the clerk takes over (T); a lease whose console has gone (its
# process ended on this machine) is no lease.  The console really taken
# over is tested on a real terminal in tmux.sh.
. "$top_srcdir/tests/ui/ui_lib.sh"

# Open the meeting once and take the first item; leaving gives the lease up.
ui_run first 2017-10-05 <<'KEYS'
y
n
q
y
KEYS
is "the meeting was opened (exit 0)" "$UI_RC" 0
is "leaving gave the lease up" "$(sql "SELECT count(*) FROM console_lease")" 0

# Another console drives it: a live process on this machine holds the lease.
sleep 600 &
OTHER=$!
trap 'kill $OTHER 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
HOST=$(hostname)
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
lease() {
	sql "INSERT OR REPLACE INTO console_lease(meeting_id, token, holder, host, pid, since, renewed) VALUES ('$MID', 'other-console', 'jdavies', '$HOST', $1, '$NOW', '$NOW')"
}
lease "$OTHER"
TEXTS=$(sql "SELECT count(*) FROM minute_text")

ui_run watch 2017-10-05 <<'KEYS'
@dump ask
n
@dump watching
h
@dump refused
a
p
@dump refused-attendance
<Tab>
n
T
@dump take-over-ask
y
@dump taken
h
Recorded after taking over.
<C-s>
@dump recorded
q
y
KEYS
is "the watching console ran (exit 0)" "$UI_RC" 0
is "nothing went wrong on the way" "$UI_ERR" ""
screen_has "opening says who drives the meeting and since when" watch ask \
	"jdavies on $HOST (process $OTHER) has driven this meeting since"
ask=$(tr '\n' ' ' <"$T/watch/ask.txt" | tr -s ' │' ' ')
has "the lease's time is said to be real time (issue 20)" "$ask" \
	", real time."
has "the meeting's own recorded clock is told apart from it" "$ask" \
	"The meeting itself runs on its own recorded clock"
has "with what that clock reads here" "$ask" "on Thu 5 Oct 2017 here), not real time."
screen_has "and offers to take over" watch ask "Take over?  y: drive the meeting"
screen_has "or only to watch" watch ask "n: only watch it here"
screen_has "the header says read-only" watch watching "READ-ONLY"
screen_has "a capture is refused with who drives the meeting" watch refused \
	"Read-only: jdavies on"
screen_has "so is attendance" watch refused-attendance \
	"Nothing was recorded; T takes over."
screen_has "taking over asks, naming the other console" watch take-over-ask \
	"Take over?  jdavies on $HOST"
screen_has "then this console drives the meeting" watch taken \
	"This console drives the meeting now"
lacks "no longer read-only" "$(cat "$T/watch/taken.txt")" "READ-ONLY"
screen_has "and records" watch recorded "Recorded after taking over."
is "nothing was recorded while watching; one text after taking over" \
	"$(sql "SELECT count(*) FROM minute_text")" "$((TEXTS + 1))"
is "the watching console moved no item (n refused)" \
	"$(sql "SELECT count(*) FROM event WHERE meeting_id='$MID' AND kind='item started'")" 1
is "nobody was marked present while watching" \
	"$(sql "SELECT count(*) FROM attendance WHERE meeting_id='$MID' AND status='present'")" 0
is "the text is on the item current when it was committed" \
	"$(sql "SELECT i.number FROM minute_text t JOIN agenda_item i ON i.id=t.item_id WHERE t.body='Recorded after taking over.'")" 1
is "the other console's lease was taken, then given up on leaving" \
	"$(sql "SELECT count(*) FROM console_lease")" 0

"$CLERK" --db "$DB" export 2017-10-05 -o "$T/minutes.txt" 2>"$T/export.err"
minutes=$(tr '\n' ' ' <"$T/minutes.txt" | tr -s ' ')
has "the minutes hold what was recorded after taking over" "$minutes" \
	"Recorded after taking over."

# A console that has gone (its process ended) holds nothing: no question.
kill $OTHER 2>/dev/null
wait $OTHER 2>/dev/null
lease "$OTHER"
ui_run gone 2017-10-05 <<'KEYS'
@dump opened
h
Recorded when the other console had gone.
<C-s>
q
y
KEYS
is "it ran (exit 0)" "$UI_RC" 0
lacks "no question about a console that has gone" \
	"$(cat "$T/gone/opened.txt" 2>/dev/null)" "has driven"
is "and it records at once" \
	"$(sql "SELECT count(*) FROM minute_text WHERE body='Recorded when the other console had gone.'")" 1

done_testing
