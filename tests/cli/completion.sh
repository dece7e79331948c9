#!/bin/bash
# Shell completion: clerk answers from its table of commands and from the
# database; the bash script installed by make install puts the answers in
# COMPREPLY (quoted, for names with spaces); `make install` installs both
# scripts.
. "$top_srcdir/tests/lib.sh"
setup

db=$T/demo.db
"$CLERK" --db "$db" demo >/dev/null 2>&1
c() { "$CLERK" help --complete "$@" 2>&1; }

out=$(c 0 me)
for w in members member meeting meetings; do
	has "commands: $w" "$out" "$w"
done
lacks "commands: only those that begin so" "$out" "export"
has "global options" "$(c 0 --n)" "--no-color"
has "a command's options" "$(c 3 --db "$db" members --)" "--at
--json
--csv
--help"
has "export's options" "$(c 3 --db "$db" export -)" "--body"
has "subcommands" "$(c 1 body "")" "add
edit"
has "body names for BODY" "$(c 3 --db "$db" members He)" "Health and Wellbeing Board"
has "body names after --body" "$(c 5 --db "$db" export 2017-06-29 --body "")" "Health and Wellbeing Board"
has "body names for a subcommand's BODY" "$(c 4 --db "$db" seat add "")" "Health and Wellbeing Board"
has "meeting dates for MEETING" "$(c 3 --db "$db" export 2017)" "2017-06-29
2017-10-05"
has "meeting dates for --at MEETING2" "$(c 5 --db "$db" confirm 2017-06-29 --at "")" "2017-10-05"
has "people for who" "$(c 3 --db "$db" who Liz)" "Liz Fairhurst"
is "nothing for a file argument (the shell completes files)" "$(c 3 --db "$db" backup "")" ""
is "nothing after --db (a file)" "$(c 1 --db "")" ""
is "no database: no names, no error" "$(c 3 --db "$T/none.db" members "")" ""
ok "and no database is created" test ! -e "$T/none.db"
out=$(CLERK_DB=$db "$CLERK" help --complete 1 members He)
has "CLERK_DB names the database" "$out" "Health and Wellbeing Board"

# The bash script, as bash-completion runs it.
mkdir -p "$T/bin"
ln -s "$CLERK" "$T/bin/clerk"
reply=$(PATH="$T/bin:$PATH" CLERK_DB="$db" bash -c '
	. "$1"
	COMP_WORDS=(clerk members He); COMP_CWORD=2; _clerk
	printf "%s\n" "${COMPREPLY[@]}"
	complete -p clerk' _ "$top_srcdir/share/completion/bash/clerk")
has "bash: a body's name, quoted" "$reply" 'Health\ and\ Wellbeing\ Board'
has "bash: files when clerk offers nothing" "$reply" "complete -o default -F _clerk clerk"

if need zsh; then
	ok "zsh: the script parses" zsh -n "$top_srcdir/share/completion/zsh/_clerk"
fi

# make install puts both where the shells look.
if need make; then
	inst=$(make -s -C "$top_builddir" install-data DESTDIR="$T/inst" prefix=/usr 2>&1)
	ok "make install installs the bash completion" test -f "$T/inst/usr/share/bash-completion/completions/clerk"
	ok "make install installs the zsh completion" test -f "$T/inst/usr/share/zsh/site-functions/_clerk"
	[ -n "$inst" ] && printf '%s\n' "$inst" | sed 's/^/# /'
fi
done_testing
