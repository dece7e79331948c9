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
if need groff; then
	is "groff -ww finds nothing to warn of" "$(groff -man -ww -z "$man" 2>&1)" ""
fi
if need mandoc; then
	is "mandoc -T lint finds nothing (not even style)" "$(mandoc -T lint "$man" 2>&1)" ""
fi
# Each synopsis line under COMMANDS is the one generated from the table of
# commands (`clerk help --man`; paste a changed one in its place).
commands=$(sed -n '/^\.\\" COMMANDS-BEGIN/,/^\.\\" COMMANDS-END/p' "$man")
while IFS= read -r line; do
	case "$line" in .TP) continue ;; esac
	if printf '%s\n' "$commands" | grep -A1 -Fx '.TP' | grep -qFx -- "$line"; then
		_tap_result 0 "the man page's synopsis: $line"
	else
		_tap_result 1 "the man page's synopsis: $line" "not under COMMANDS after a .TP"
	fi
done < <("$CLERK" help --man)
# Every entry under COMMANDS starts with its .TP (found: body add and popolo
# ran into the paragraph before).
untagged=$(printf '%s\n' "$commands" | grep -B1 -E '^\.(BR|RB|BI|B) ' | grep -vE '^\.(TP|BR|RB|BI|B) |^--$|^\.TP$')
is "every command entry has its .TP" "$untagged" ""
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
