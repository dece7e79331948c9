#!/bin/bash
# tests/cli/suite.sh: the suite is whole.  A test program that configure
# could build today but did not (because configure ran before its library
# was installed) fails the run, naming what to do; every tool another test
# needs is on the PATH, or its absence is reported as a skip here, by name,
# with the Debian package that brings it (CI counts a skip as a failure).
. "$top_srcdir/tests/lib.sh"

built() { # what configure said, library, what is left out without it
	if [ "$1" = yes ]; then
		_tap_result 0 "$3 are built ($2 found by configure)"
	elif pkg-config --exists "$2" 2>/dev/null; then
		_tap_result 1 "$3 are built" \
			"$2 is installed now but configure ran before it was, so $3 were left out: run ./configure again (build-aux/quickstart check does)"
	else
		_tap_result 0 "$3 # SKIP $2 is not installed"
	fi
}
built "${CLERK_HAVE_CMOCKA:-no}" cmocka "the unit tests (cmocka)"
built "${CLERK_HAVE_LIBZIP:-no}" libzip "the DOCX read-back tests (libzip)"

# The tools the shell tests drive, and the package of each.
while read -r tool pkg; do
	if command -v "$tool" >/dev/null 2>&1; then
		_tap_result 0 "$tool is installed"
	else
		_tap_result 0 "$tool # SKIP not installed (Debian package $pkg)"
	fi
done <<'TOOLS'
tmux tmux
sqlite3 sqlite3
xmllint libxml2-utils
unzip unzip
valgrind valgrind
soffice libreoffice-writer-nogui
pdftotext poppler-utils
cmark cmark
python3 python3
pgrep procps
man man-db
jq jq
script bsdutils
TOOLS
done_testing
