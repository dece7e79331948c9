# SPDX-License-Identifier: GPL-3.0-or-later
# tests/reliability/rellib.sh: shared by the reliability shell tests.
RELTOOL=$top_builddir/tests/reliability/reltool

# make_board FILE [RUN...]: a clerk file with a body (one seat, its
# chairman), a meeting in progress with 40 events, and a meeting on
# 2017-12-07 with one agenda item; commands run through RUN (e.g. as_user).
make_board() {
	local db=$1
	shift
	{
		"$@" "$RELTOOL" seed "$db" 40 &&
		"$@" "$CLERK" --db "$db" seat add Health "Hampshire County Council" &&
		"$@" "$CLERK" --db "$db" member add Health "Hampshire County Council" \
			"Liz Fairhurst" --role chairman --from 2017-05-01 &&
		"$@" "$CLERK" --db "$db" meeting add Health 2017-12-07 10:00 &&
		"$@" "$CLERK" --db "$db" item add 2017-12-07 "Domestic Abuse JTAI"
	} >/dev/null
}

# The look-ups a clerk or an officer makes, one per line.
LOOKUPS="members Health
who Fairhurst
item list 2017-12-07
attendance Health
search domestic
export 2017-12-07 --format html"

# make_live_board FILE: a body of six members and its meeting of
# 2017-10-05 with the body's standard items and two more, ready to run.
make_live_board() {
	local db=$1 i
	{
		"$CLERK" --db "$db" body add "Health and Wellbeing Board" \
			--self "the Board" &&
		for i in 1 2 3 4 5 6; do
			"$CLERK" --db "$db" seat add Health "Seat $i" &&
			"$CLERK" --db "$db" member add Health "Seat $i" "Member $i" \
				--from 2017-05-01 || return 1
		done &&
		"$CLERK" --db "$db" meeting add Health 2017-10-05 10:00 \
			--venue "Ashburton Hall" &&
		"$CLERK" --db "$db" item add 2017-10-05 "Domestic Abuse JTAI" &&
		"$CLERK" --db "$db" item add 2017-10-05 "HSCB Report"
	} >/dev/null
}
