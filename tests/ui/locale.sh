#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The console takes only the character set from the locale, as every
# command does: under a French LC_TIME its dates are written as clerk
# writes them everywhere else ("Thu 5 Oct 2017", as `clerk live` lists
# meetings), not half in French in an English screen.  The French locale is compiled
# here (LOCPATH), since a test machine has only C.UTF-8 installed.
. "$top_srcdir/tests/ui/ui_lib.sh"

need localedef && {
	mkdir -p "$T/locales"
	localedef -i fr_FR -f UTF-8 "$T/locales/fr_FR.UTF-8" >"$T/localedef.out" 2>&1
	french() {
		env -u LC_ALL LANG=C.UTF-8 LC_TIME=fr_FR.UTF-8 LOCPATH="$T/locales" "$@"
	}
	# The locale is in force: a program that follows LC_TIME says jeudi.
	is "the French locale was made and names the day in French" \
		"$(french date -u -d 2017-10-05 +%A 2>&1)" "jeudi"

	mkdir -p "$T/fr"
	printf 'y\n@dump open\nq\ny\n' >"$T/fr.keys"
	french "$CLERK" --db "$DB" live 2017-10-05 --script "$T/fr.keys" \
		--dump "$T/fr" >"$T/fr.out" 2>"$T/fr.err"
	is "the console runs under a French LC_TIME" "$?" 0
	screen_has "the console's heading gives the date in clerk's words" \
		fr open "· Thu 5 Oct 2017 ·"
	lacks "and no French in it" "$(cat "$T/fr/open.txt" 2>/dev/null)" "jeu."
}

done_testing
