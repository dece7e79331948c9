# SPDX-License-Identifier: GPL-3.0-or-later
# tests/ui/ui_lib.sh: helpers of the console's script-mode tests.
#
#   . "$top_srcdir/tests/ui/ui_lib.sh"    # sources tests/lib.sh, runs setup,
#                                         # builds the demo board in $DB
#   ui_run NAME [ARGS...] <<'KEYS'        # clerk live ARGS with the script
#   ...keys and @commands...              # on stdin; dumps go to $T/NAME/;
#   KEYS                                  # exit code in $UI_RC
#   screen_is "what" NAME DUMP            # $T/NAME/DUMP.txt equals
#                                         # tests/ui/expected/NAME-DUMP.txt
#   sql "SELECT ..."                      # one query on $DB
#
# CLERK_UPDATE_EXPECTED=1 make check TESTS=tests/ui/x.sh writes the expected
# screens from the dumps instead (review them with git diff).
. "$top_srcdir/tests/lib.sh"
setup
unset CLERK_SCRIPT XDG_CONFIG_HOME LINES COLUMNS
export TERM=dumb
DB=$T/clerk.db
# 08:58 UTC is 09:58 in Winchester: two minutes before the meeting.
export CLERK_NOW=2017-10-05T08:58:00Z
if ! "$CLERK" --db "$DB" demo >"$T/demo.out" 2>&1; then
	echo "1..0 # SKIP the demo board cannot be built: $(cat "$T/demo.out")"
	exit 0
fi

# The meeting of 5 October 2017.
MID=$(sqlite3 "$DB" "SELECT id FROM meeting WHERE starts_at LIKE '2017-10-05%'")

ui_run() {
	local name=$1
	shift
	mkdir -p "$T/$name"
	cat >"$T/$name.keys"
	"$CLERK" --db "$DB" live "$@" --script "$T/$name.keys" \
		--dump "$T/$name" >"$T/$name.out" 2>"$T/$name.err"
	UI_RC=$?
	UI_ERR=$(cat "$T/$name.err")
}

screen_is() {
	local what=$1 name=$2 dump=$3
	local got="$T/$name/$dump.txt"
	local want="$top_srcdir/tests/ui/expected/$name-$dump.txt"
	if [ -n "${CLERK_UPDATE_EXPECTED-}" ] && [ -f "$got" ]; then
		cp "$got" "$want"
	fi
	if [ ! -f "$got" ]; then
		_tap_result 1 "$what" "no dump $dump (exit $UI_RC): $UI_ERR"
		return
	fi
	is "$what" "$(cat "$got")" "$(cat "$want" 2>/dev/null)"
}

screen_has() {
	has "$1" "$(cat "$T/$2/$3.txt" 2>/dev/null)" "$4"
}

sql() {
	sqlite3 -batch -noheader "$DB" "$1"
}
