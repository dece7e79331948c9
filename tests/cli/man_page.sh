#!/bin/bash
# The man page renders without warnings and documents the commands and the
# exit codes.  Skipped (TAP "1..0 # SKIP") when neither man nor groff is
# installed.
. "$top_srcdir/tests/lib.sh"
setup

# The man page: renders cleanly and documents the commands and exit codes.
man=$top_srcdir/share/clerk.1
if command -v man >/dev/null 2>&1; then
	warn=$(MANWIDTH=80 man --warnings -l "$man" 2>&1 >/dev/null)
	text=$(MANWIDTH=80 man -l "$man" 2>/dev/null)
elif command -v groff >/dev/null 2>&1; then
	warn=$(groff -man -ww -z "$man" 2>&1)
	text=$(groff -man -Tutf8 "$man" 2>/dev/null | sed 's/.\x08//g')
else
	echo "1..0 # SKIP neither man nor groff is installed"
	exit 0
fi
is "the man page renders without warnings" "$warn" ""
has "the man page has an EXIT STATUS section" "$text" "EXIT STATUS"
for code in 0 1 2 3 4; do
	has "the man page documents exit code $code" \
		"$(printf '%s\n' "$text" | sed -n '/^EXIT STATUS/,/^[A-Z]/p')" "       $code"
done
# Justified text: compare with runs of spaces squeezed to one.
flat=$(printf '%s\n' "$text" | tr -s ' ')
has "the man page documents demo" "$flat" " demo [--force]
 Build the demo board"
has "the man page documents meetings" "$flat" " meetings [--body NAME]
 List the meetings"

done_testing
