#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk demo and clerk meetings as a clerk uses them: the demo board built
# into a new folder, private, listed; rebuilt safely; a mistake in a .board
# file named by file and line, with the old database left as it was.
. "$top_srcdir/tests/lib.sh"
setup
db=$T/new/folder/demo.db

out=$("$CLERK" --db "$db" demo 2>&1); rc=$?
is "demo exits 0" "$rc" 0
# share/demo holds the Hampshire board and a small parish council
# (zz-parish.board, the parish house style's example).
has "demo says what it built" "$out" "Built the demo board in $db: 2 councils, 2 bodies, 27 seats"
has "demo counts the five meetings" "$out" "5 meetings (38 agenda items, 29 attendance records)"
ok "the missing folders were created" test -d "$T/new/folder"
is "the database is private (0600)" "$(stat -c %a "$db")" 600
is "nothing else is left in the folder" "$(ls -A "$T/new/folder")" demo.db

out=$("$CLERK" --db "$db" meetings 2>&1); rc=$?
is "meetings exits 0" "$rc" 0
is "meetings lists date, body, status, minutes and venue" "$out" \
"DATE        TIME   BODY  STATUS       MINUTES    VENUE
2017-02-23  10:00  HWB   closed       confirmed
2017-06-29  10:00  HWB   closed       draft      Ashburton Hall, Elizabeth II Court, The Castle, Winchester
2017-10-05  10:00  HWB   scheduled    draft      Ashburton Hall, Elizabeth II Court, The Castle, Winchester
2019-05-14  19:30  UTPC  closed       confirmed  the Village Hall, Upper Testwood
2019-06-11  19:30  UTPC  scheduled    draft      the Village Hall, Upper Testwood"

# The README's example works as written: 5 October confirms 29 June.
out=$("$CLERK" --db "$db" confirm 2017-06-29 --at 2017-10-05 2>&1); rc=$?
is "clerk confirm 2017-06-29 --at 2017-10-05 (the README's example)" "$rc" 0
has "signed by the chairman" "$out" "signed by Councillor Liz Fairhurst (chairman)"
"$CLERK" --db "$db" demo >/dev/null 2>&1

out=$(CLERK_DB=$db "$CLERK" meetings --body "health and wellbeing" 2>&1); rc=$?
is "--body takes part of the name (and CLERK_DB the file)" "$rc" 0
has "--body lists that body's meetings" "$out" "2017-10-05  10:00  HWB   scheduled"
out=$("$CLERK" --db "$db" meetings --body=HWB 2>&1)
has "--body=SHORT works too" "$out" "2017-06-29  10:00  HWB"
out=$("$CLERK" --db "$db" meetings --body "Planning Committee" 2>&1); rc=$?
is "an unknown body: exit 1" "$rc" 1
has "an unknown body is named" "$out" "Planning Committee"

# Rebuilding replaces the file whole.
before=$(cksum < "$db")
out=$("$CLERK" --db "$db" demo 2>&1); rc=$?
is "demo again exits 0" "$rc" 0
is "still nothing else in the folder" "$(ls -A "$T/new/folder")" demo.db
is "still private" "$(stat -c %a "$db")" 600
has "the rebuilt file lists the same meetings" \
	"$("$CLERK" --db "$db" meetings 2>&1)" "2017-06-29  10:00  HWB   closed       draft"

# A mistake in a .board file: named by file and line, old file untouched.
mkdir -p "$T/share/demo"
cp "$top_srcdir/share/demo/hampshire-hwb.board" "$T/share/demo/"
# (confirmed minutes are kept as signed, in their house style)
cp -r "$top_srcdir/share/styles" "$T/share/"
printf 'person extra\n  name Someone\n  pronoun hee\n' > "$T/share/demo/zz-extra.board"
before=$(cksum < "$db")
out=$(CLERK_SHARE=$T/share "$CLERK" --db "$db" demo 2>&1); rc=$?
is "a bad .board file: exit 3" "$rc" 3
has "the error names the file and line" "$out" "$T/share/demo/zz-extra.board:3: unknown pronoun 'hee'"
is "the old database is unchanged" "$(cksum < "$db")" "$before"
is "no temporary file is left" "$(ls -A "$T/new/folder" | grep -c '\.demo-')" 0

# Files are read in name order: a later file may use an earlier one's handles.
printf 'person extra\n  name Someone Else\n  pronoun they\nmeeting extra-meeting\n  body hwb\n  starts 2017-12-14 10:00\n' \
	> "$T/share/demo/zz-extra.board"
out=$(CLERK_SHARE=$T/share "$CLERK" --db "$T/two.db" demo 2>&1); rc=$?
is "two .board files: exit 0" "$rc" 0
has "the second file's meeting is there" "$("$CLERK" --db "$T/two.db" meetings 2>&1)" \
	"2017-12-14  10:00  HWB   scheduled    draft"

# A clerk database with a body the demo does not describe is someone's real
# archive: not replaced without --force.
printf 'council parish\n  name Little Snoring Parish Council\n  kind parish\nbody pc\n  council parish\n  name Planning Committee\n  seat Councillor\n' \
	> "$T/share/demo/zz-extra.board"
rm "$T/share/demo/hampshire-hwb.board"
CLERK_SHARE=$T/share "$CLERK" --db "$T/archive.db" demo >/dev/null 2>&1
# A parish body that does not say takes a parish body's defaults, as
# `clerk body add` gives them: no substitutes, the parish style.
has "a parish body of a .board allows no substitutes unless it says" \
	"$("$CLERK" --db "$T/archive.db" members Planning --json)" '"substitutes_allowed": false'
has "and minutes in the parish style" \
	"$("$CLERK" --db "$T/archive.db" body edit Planning --self 'the Committee')" "style parish"
before=$(cksum < "$T/archive.db")
out=$("$CLERK" --db "$T/archive.db" demo 2>&1); rc=$?
is "demo onto another body's archive: exit 3" "$rc" 3
has "names the body that is not part of the demo" "$out" \
	"$T/archive.db holds the Planning Committee, which is not part of the demo"
has "and offers --force" "$out" "--force"
is "the archive is unchanged" "$(cksum < "$T/archive.db")" "$before"
is "no temporary file is left beside it" "$(ls -A "$T" | grep -c '\.demo-')" 0
out=$("$CLERK" --db "$T/archive.db" demo --force 2>&1); rc=$?
is "demo --force replaces it: exit 0" "$rc" 0
lacks "the Planning Committee is gone" "$("$CLERK" --db "$T/archive.db" meetings --body Planning 2>&1)" "2017"
has "the demo is there" "$("$CLERK" --db "$T/archive.db" meetings 2>&1)" "2017-10-05"

rm -f "$T/share/demo/"*.board
out=$(CLERK_SHARE=$T/share "$CLERK" --db "$T/none.db" demo 2>&1); rc=$?
is "no .board files: exit 4" "$rc" 4
has "says the folder has none" "$out" "no .board files in the demo folder $T/share/demo"
ok "and no database was made" test ! -e "$T/none.db"

done_testing
