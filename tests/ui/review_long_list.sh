#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/ui/review_long_list.sh: the review list of an archive far longer
# than a screen.  The list reads only the meetings next to those shown
# (and counts the others when the clerk first moves), so each way of
# moving must reach the meetings not read yet, in order and with none
# missing or repeated: it opens on the newest meeting held; Home reaches
# the oldest meeting, Page Down and Enter open the one a page on, End the
# newest (Home and End move what is read to that end of the list), Page
# Up walks back to the top; and the same with --body.
. "$top_srcdir/tests/ui/ui_lib.sh"

# Four hundred weekly meetings of the parish council, 2000 to 2007, written
# straight into the file (clerk's own command would take a minute and a
# sync for each): the audit triggers need the clock and the user.
python3 - "$DB" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.create_function("clerk_now", 0, lambda: "2017-10-05T08:58:00Z")
c.create_function("clerk_user", 0, lambda: "test")
c.execute("""WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 399)
INSERT INTO meeting (id, body_id, starts_at, status)
SELECT printf('00000000-0000-4000-8000-%012d', i),
(SELECT id FROM body WHERE short_name = 'UTPC'),
strftime('%Y-%m-%dT18:30:00Z', '2000-01-04', '+' || (7 * i) || ' days'), 'closed' FROM n""")
c.commit()
EOF
is "four hundred and five meetings" "$(sql "SELECT count(*) FROM meeting")" 405

# The list's rows of a dump: the 13 lines between its heading and keys
# (a terminal of 16 lines), the date of each.
rows() { sed -n '3,15p' "$T/$1/$2.txt" | cut -c1-16; }
first() { rows "$1" "$2" | head -1; }
last() { rows "$1" "$2" | tail -1; }
# Every meeting's date as the list shows it, oldest first.
all=$(sqlite3 -batch -noheader "$DB" "SELECT starts_at FROM meeting ORDER BY starts_at, id" |
	while read -r t; do LC_ALL=C date -d "$t" '+ %a %e %b %Y'; done)

review() { # NAME [ARGS...], keys on standard input
	local name=$1
	shift
	mkdir -p "$T/$name"
	cat >"$T/$name.keys"
	"$CLERK" --db "$DB" review "$@" --script "$T/$name.keys" --dump "$T/$name" \
		--size 90x16 >"$T/$name.out" 2>"$T/$name.err"
	is "$name: the review script runs to the end" "$?" 0
	is "$name: nothing went wrong" "$(cat "$T/$name.err")" ""
}

review all <<'KEYS'
@dump first
<Home>
@dump home
<PageDown>
@dump down
<Enter>
@dump open
q
<End>
@dump end
<PageUp>
<PageUp>
@dump up2
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
@dump top
q
KEYS
is "opens on the newest meeting held, at the foot" "$(last all first)" " Thu 29 Jun 2017"
is "the twelve meetings before it above it" "$(rows all first)" \
	"$(printf '%s\n' "$all" | sed -n '390,402p')"
is "Home: the oldest meeting first" "$(rows all home)" \
	"$(printf '%s\n' "$all" | sed -n '1,13p')"
has "Page Down, Enter: the meeting a page on opens" "$(head -1 "$T/all/open.txt")" \
	"Tue 28 Mar 2000  19:30"
has "its minutes" "$(cat "$T/all/open.txt")" "held on Tuesday 28th"
is "End: the newest meeting last" "$(rows all end)" \
	"$(printf '%s\n' "$all" | sed -n '393,405p')"
is "two pages up from the end" "$(rows all up2)" \
	"$(printf '%s\n' "$all" | sed -n '381,393p')"
is "Page Up all the way: the top again" "$(rows all top)" \
	"$(printf '%s\n' "$all" | sed -n '1,13p')"

# One body's meetings: the parish council's 402, the board's left out.
parish=$(sqlite3 -batch -noheader "$DB" "SELECT m.starts_at FROM meeting m
JOIN body b ON b.id = m.body_id WHERE b.short_name = 'UTPC' ORDER BY m.starts_at, m.id" |
	while read -r t; do LC_ALL=C date -d "$t" '+ %a %e %b %Y'; done)
review body --body UTPC <<'KEYS'
@dump first
<End>
@dump end
<Home>
@dump home
<PageDown>
<PageDown>
@dump down2
q
KEYS
is "--body: opens on its newest meeting held" "$(last body first)" " Tue 28 Aug 2007"
lacks "--body: no other body's meeting" "$(cat "$T/body/first.txt" "$T/body/end.txt")" \
	"Health and Wellbeing"
is "--body: End, its newest" "$(rows body end)" \
	"$(printf '%s\n' "$parish" | sed -n '390,402p')"
is "--body: Home, its oldest" "$(rows body home)" \
	"$(printf '%s\n' "$parish" | sed -n '1,13p')"
has "--body: two pages on" "$(rows body down2)" "$(printf '%s\n' "$parish" | sed -n '25p')"

# Opened on a meeting (clerk review DATE), the list places it by counting
# the meetings between it and the nearer end of the list: the oldest end
# for 4 December 2001 (the 101st meeting) and 24 July 2007 (the 395th);
# the newest for 23 February 2017 (the 401st) seen from October 2019.
review kept2001 2001-12-04 <<'KEYS'
<Esc>
@dump list
<Home>
@dump home
<End>
@dump end
q
KEYS
is "opened on a meeting: Esc shows it at the foot, those before above it" \
	"$(rows kept2001 list)" "$(printf '%s\n' "$all" | sed -n '89,101p')"
is "Home: the oldest, read on from there" "$(rows kept2001 home)" \
	"$(printf '%s\n' "$all" | sed -n '1,13p')"
is "and End the newest" "$(rows kept2001 end)" "$(printf '%s\n' "$all" | sed -n '393,405p')"
review kept2007 2007-07-24 <<'KEYS'
<Esc>
@dump list
<Home>
@dump home
q
KEYS
is "opened on 24 July 2007: in its place" "$(rows kept2007 list)" \
	"$(printf '%s\n' "$all" | sed -n '383,395p')"
is "and Home the oldest" "$(rows kept2007 home)" "$(printf '%s\n' "$all" | sed -n '1,13p')"
CLERK_NOW=2019-10-01T09:00:00Z review kept2017 2017-02-23 <<'KEYS'
<Esc>
@dump list
<End>
@dump end
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
<PageUp>
@dump top
<Home>
@dump home
q
KEYS
is "opened on 23 February 2017, two years on: in its place" "$(rows kept2017 list)" \
	"$(printf '%s\n' "$all" | sed -n '389,401p')"
is "End: the newest, read on from there" "$(rows kept2017 end)" \
	"$(printf '%s\n' "$all" | sed -n '393,405p')"
is "Page Up all the way: the oldest" "$(rows kept2017 top)" \
	"$(printf '%s\n' "$all" | sed -n '1,13p')"
is "and Home the oldest" "$(rows kept2017 home)" "$(printf '%s\n' "$all" | sed -n '1,13p')"

# Opened in 2003, half the meetings are still to come: the list opens on
# those read around now, uncounted, and the first move counts them (so
# Down reaches the first to come, End the newest and Home the oldest, as
# from a list counted on opening).  A terminal grown before any key shows
# the meetings to come below, read as it needs them.
rows27() { sed -n '3,29p' "$T/$1/$2.txt" | cut -c1-16; }
CLERK_NOW=2003-12-31T12:00:00Z review now2003 <<'KEYS'
@dump first
<Down>
@dump down
<End>
@dump end
<Home>
@dump home
q
KEYS
is "in 2003: the newest meeting held at the foot, those before above" \
	"$(rows now2003 first)" "$(printf '%s\n' "$all" | sed -n '197,209p')"
is "Down: the first meeting to come" "$(rows now2003 down)" \
	"$(printf '%s\n' "$all" | sed -n '198,210p')"
is "End: the newest of all" "$(rows now2003 end)" \
	"$(printf '%s\n' "$all" | sed -n '393,405p')"
is "Home: the oldest" "$(rows now2003 home)" "$(printf '%s\n' "$all" | sed -n '1,13p')"
# Before any meeting was held, the list opens on the newest of all.
CLERK_NOW=1999-12-01T12:00:00Z review none_held <<'KEYS'
@dump first
<Home>
@dump home
q
KEYS
is "nothing held yet: the newest meeting of all at the foot" \
	"$(rows none_held first)" "$(printf '%s\n' "$all" | sed -n '393,405p')"
is "and Home the oldest" "$(rows none_held home)" "$(printf '%s\n' "$all" | sed -n '1,13p')"
CLERK_NOW=2003-12-31T12:00:00Z review grown <<'KEYS'
@resize 90 30
@dump grown
<PageDown>
<PageDown>
<PageDown>
@dump down3
<End>
@dump end
q
KEYS
is "grown before any key: the meetings to come below the newest held" \
	"$(rows27 grown grown)" "$(printf '%s\n' "$all" | sed -n '197,223p')"
is "then three pages down" "$(rows27 grown down3)" \
	"$(printf '%s\n' "$all" | sed -n '261,287p')"
is "and End the newest" "$(rows27 grown end)" "$(printf '%s\n' "$all" | sed -n '379,405p')"

done_testing
