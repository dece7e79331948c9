#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Dates "from" and "to" are the first and last day, everywhere: a member
# whose term ends on 30 April still holds the seat that day (members, who,
# attendance), and their successor from 1 May; a term may not end before
# it begins, and two terms of one seat may not share a day.
. "$top_srcdir/tests/lib.sh"
setup
export CLERK_DB="$T/clerk.db" CLERK_NOW=2010-06-01T09:00:00Z

$CLERK body add "Licensing Committee" --council "Testshire Council" --short LIC >/dev/null
$CLERK seat add LIC "Councillor 1" >/dev/null
ok "a term with its last day" $CLERK member add LIC 1 "Cllr Old Holder" --from 2009-05-01 --to 2010-04-30
ok "its successor from the next day" $CLERK member add LIC 1 "Cllr New Holder" --from 2010-05-01
out=$($CLERK member add LIC 1 "Cllr Third Person" --from 2010-04-30 --to 2010-04-30 2>&1); rc=$?
is "a term sharing the last day of another is refused" "$rc" 3
has "... naming who holds it" "$out" "already held by Old Holder"
exits "a term ending before it begins is refused" 3 $CLERK member add LIC 1 "Cllr Fourth" --from 2011-05-02 --to 2011-05-01
ok "a term of one day" $CLERK member add LIC 1 "Cllr One Day" --from 2009-04-30 --to 2009-04-30

has "on its last day the seat is held" "$($CLERK members LIC --at 2010-04-30)" "Old Holder"
lacks "... not yet by the successor" "$($CLERK members LIC --at 2010-04-30)" "New Holder"
has "the next day by the successor" "$($CLERK members LIC --at 2010-05-01)" "New Holder"
has "a one-day term holds its day" "$($CLERK members LIC --at 2009-04-30)" "One Day"
has "who, on the last day" "$($CLERK who "Old Holder" --at 2010-04-30)" "Licensing Committee"
has "who, the day after: no seat" "$($CLERK who "Old Holder" --at 2010-05-01)" "no seat and no nomination as substitute on 2010-05-01"

# A substitute's nomination too: its last day is one of its days.
ok "a nomination with its last day" $CLERK substitute add LIC 1 "Sue Stand" --from 2009-05-01 --to 2010-04-30
exits "the same person again from that last day is refused" 3 \
	$CLERK substitute add LIC 1 "Sue Stand" --from 2010-04-30
ok "... and taken from the next day" $CLERK substitute add LIC 1 "Sue Stand" --from 2010-05-01
exits "a nomination ending on the first day of another is refused" 3 \
	$CLERK substitute add LIC 1 "Sue Stand" --from 2008-05-01 --to 2009-05-01
has "the substitute is listed on the last day" "$($CLERK members LIC --at 2010-04-30)" "substitute: Sue Stand"

# Attendance: a meeting on the last day of a term expects its holder.
$CLERK meeting add LIC 2010-04-30 10:00 >/dev/null
$CLERK meeting add LIC 2010-05-01 10:00 >/dev/null
att=$($CLERK attendance LIC --csv)
has "the old holder was expected at the meeting of their last day" "$att" "Cllr Old Holder,"
is "expected once each" "$(grep -c ',1,0,0,0,1,0,' <<<"$att")" 2

done_testing
