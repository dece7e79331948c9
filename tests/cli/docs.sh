#!/bin/bash
# Every command declared in src/cli/commands.def is documented where a user
# looks: `clerk --help`, its own `clerk COMMAND --help`, the man page's
# COMMANDS section and the README.  A command added without its
# documentation fails here.
. "$top_srcdir/tests/lib.sh"
setup

commands=$(sed -n 's/^CLI_COMMAND(\([a-z_]*\),.*/\1/p' "$top_srcdir/src/cli/commands.def" | tr _ -)
help=$("$CLERK" --help)
man=$(sed -n '/^\.SH COMMANDS/,/^\.SH KEYS/p' "$top_srcdir/share/clerk.1" | sed 's/\\-/-/g')
readme=$(cat "$top_srcdir/README.md")
[ -n "$commands" ]; _tap_result $? "commands.def declares commands"
for c in $commands; do
	has "clerk --help lists $c" "$help" "  $c "
	own=$("$CLERK" "$c" --help 2>&1 | head -1)
	case "$own" in
	"usage: clerk "*"$c"*) _tap_result 0 "clerk $c --help gives its usage" ;;
	*) _tap_result 1 "clerk $c --help gives its usage" "first line: $own" ;;
	esac
	full=$("$CLERK" "$c" --help 2>&1)
	has "clerk $c --help gives an example" "$full" "Example:
  clerk "
	# Every option its usage lines name is explained under Options.
	opts=$(printf '%s\n' "$full" | sed -n '/^Options:/,/^$/p')
	for o in $(printf '%s\n' "$full" | sed -n 's/^\(usage\|   or\): clerk //p' |
		grep -o -- '--[a-z][a-z-]*' | sort -u); do
		[ "$o" = --db ] && continue
		if printf '%s\n' "$opts" | grep -Eq -- "(^  |, )$o( |$)"; then
			_tap_result 0 "clerk $c --help explains $o"
		else
			_tap_result 1 "clerk $c --help explains $o" "not under Options"
		fi
	done
	if printf '%s\n' "$man" | grep -Eq "^\.(B|BI|BR|B[IR]) \"?$c([ \"]|$)"; then
		_tap_result 0 "the man page documents $c"
	else
		_tap_result 1 "the man page documents $c" "no .TP entry for $c under COMMANDS"
	fi
	has "the README mentions clerk $c" "$readme" "clerk $c"
done
done_testing
