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
search domestic"
