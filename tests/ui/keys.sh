#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clerk keys: the action list with the user's bindings, keys file errors
# named by file and line, and the man page's KEYS section generated from
# the same list (make man-keys regenerates it).
. "$top_srcdir/tests/lib.sh"
setup

out=$("$CLERK" keys)
has "keys lists next item" "$out" "next_item"
has "keys shows the default key" "$out" "  n                next_item"
has "help is F1 and ?" "$out" "<F1> ?"

export XDG_CONFIG_HOME="$T/config"
mkdir -p "$XDG_CONFIG_HOME/clerk"
printf '# mine\nbind next_item <Right> N\n' >"$XDG_CONFIG_HOME/clerk/keys"
out=$("$CLERK" keys)
has "keys file rebinds" "$out" "<Right> N        next_item"
out=$("$CLERK" keys --defaults)
has "--defaults ignores the keys file" "$out" "  n                next_item"

printf 'bind quit Q\n\nbind next_itm n\n' >"$XDG_CONFIG_HOME/clerk/keys"
exits "a bad keys file is refused (exit 3)" 3 "$CLERK" keys
err=$("$CLERK" keys 2>&1)
is "the error names file and line" "$err" \
	"clerk: $XDG_CONFIG_HOME/clerk/keys:3: unknown action 'next_itm' (clerk keys lists them)"
unset XDG_CONFIG_HOME
mkdir -p "$HOME/.config/clerk"
printf 'bind quit <Nope>\n' >"$HOME/.config/clerk/keys"
err=$("$CLERK" keys 2>&1)
has "falls back to ~/.config/clerk/keys" "$err" ".config/clerk/keys:1: unknown key '<Nope>'"
rm "$HOME/.config/clerk/keys"

man=$(sed -n '/^\.\\" KEYS-BEGIN/,/^\.\\" KEYS-END/p' "$top_srcdir/share/clerk.1" | sed '1d;$d')
is "the man page's KEYS section matches the action list (make man-keys)" \
	"$man" "$("$CLERK" keys --defaults --man)"
exits "keys takes no arguments" 2 "$CLERK" keys extra

done_testing
