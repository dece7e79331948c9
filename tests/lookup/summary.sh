#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One source of truth for attendance: the model's attendance_summary() and
# `clerk attendance` give the same figures on the demo board, person by
# person, on the day of the demo and later, when the meeting of 5 October
# has passed without being opened, and over a period.
. "$top_srcdir/tests/lib.sh"
setup
db=$T/demo.db
CLERK_NOW=2017-10-05T08:00:00Z "$CLERK" --db "$db" demo >/dev/null
summary=./tests/lookup/summary

# person,expected..substitute_sent,last_attended from clerk attendance.
cli() {
	"$CLERK" --db "$db" attendance hwb --csv "$@" | tail -n +2 |
		tr -d '\r' | cut -d, -f2,4-10 | sort
}
model() { "$summary" "$db" hwb "$@" | sort; }

for now in 2017-10-05T08:00:00Z 2017-11-01T10:00:00Z; do
	export CLERK_NOW=$now
	c=$(cli)
	m=$(model)
	is "as of $now: the model's summary is clerk attendance's, row by row" \
		"$m" "$c"
	is "as of $now: 23 people counted" "$(printf '%s\n' "$m" | wc -l)" 23
done
export CLERK_NOW=2017-10-05T08:00:00Z
is "the minutes of 29 June in the model: Whitfield's apology, his substitute sent" \
	"$(model | grep '^Dr Andrew Whitfield,')" \
	"Dr Andrew Whitfield,1,0,0,1,0,1,"
is "and Bibawy present as his substitute" \
	"$(model | grep '^Dr Peter Bibawy,')" "Dr Peter Bibawy,0,0,1,0,0,0,2017-06-29"
is "over a period, too" "$(model 2017-06-01 2017-06-30)" \
	"$(cli --from 2017-06-01 --to 2017-06-30)"
export CLERK_NOW=2017-11-01T10:00:00Z
is "5 October passed unopened: counted, and Fairhurst absent from it" \
	"$(model | grep '^Councillor Liz Fairhurst,')" \
	"Councillor Liz Fairhurst,2,1,0,0,1,0,2017-06-29"
done_testing
