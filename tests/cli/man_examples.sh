#!/bin/bash
# The man page's EXAMPLES run as written, in order, on an empty database
# named by CLERK_DB (as they say): a whole meeting from set-up to published
# minutes.  The two consoles are run headless: live opens the meeting (y),
# marks every member present (a, P), closes it (C, y) and leaves (q);
# review leaves at once.  Every other line runs as printed.
. "$top_srcdir/tests/lib.sh"
setup

mkdir -p "$T/bin" "$T/work"
ln -s "$CLERK" "$T/bin/clerk"
sed -n '/^\.SH EXAMPLES/,/^\.SH [A-Z]/p' "$top_srcdir/share/clerk.1" |
	sed -n '/^\.nf/,/^\.fi/p' | grep -v '^\.' |
	sed 's/\\-/-/g; s/\\e$/\\/' >"$T/examples.sh"
has "the EXAMPLES set up a body" "$(cat "$T/examples.sh")" "clerk body add"
has "the EXAMPLES publish the minutes" "$(cat "$T/examples.sh")" "clerk export"
printf 'y\na\nP\nC\ny\nq\n' >"$T/live.keys"
printf 'q\n' >"$T/review.keys"
cd "$T/work" || exit 1
n=0
while IFS= read -r line; do
	# Continued lines ("\" at the end) are joined.
	while [ "${line%\\}" != "$line" ] && IFS= read -r more; do
		line="${line%\\} ${more}"
	done
	case "$line" in
	"export CLERK_DB="*) line="export CLERK_DB=$T/council.db" ;;
	"clerk live "*) line="$line --script $T/live.keys" ;;
	"clerk review "*) line="$line --script $T/review.keys" ;;
	esac
	n=$((n + 1))
	out=$(PATH="$T/bin:$PATH" eval "$line" 2>&1 </dev/null); rc=$?
	[ $rc -eq 0 ]
	_tap_result $? "EXAMPLES line $n runs: $line" "exit $rc: $out"
	case "$line" in "export "*) eval "$line" ;; esac
done <"$T/examples.sh"
ok "the minutes were published" test -s "$T/work/minutes-2024-06-04.html"
ok "with the item added" grep -qi "Planning application 24/0123" "$T/work/minutes-2024-06-04.html"
ok "the agenda was written" grep -qi "Planning application 24/0123" "$T/work/agenda.txt"
ok "the meeting was held and its minutes confirmed" grep -q "closed *confirmed" \
	<(CLERK_DB="$T/council.db" "$CLERK" meetings)
ok "the backup was written" test -s "$T/work/backup-2024-07-02.db"
done_testing
