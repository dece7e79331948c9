#!/bin/bash
# tests/cli/share_dir.sh: a clerk outside the build tree (an installed copy)
# reads its shared data only from its installation, never from the clone it
# was built in; the build tree's clerk reads the clone's share/.
. "$top_srcdir/tests/lib.sh"
setup
: "${CLERK_PKGDATADIR:?}"
mkdir -p "$T/bin"
cp "$CLERK" "$T/bin/clerk"
out=$("$T/bin/clerk" --db "$T/copy.db" demo 2>&1); rc=$?
if [ -d "$CLERK_PKGDATADIR/demo" ]; then
	is "installed data present: the copy builds the demo from it" "$rc" 0
else
	is "no installed data: the copy refuses (exit 4)" "$rc" 4
	has "and names the installation's folder" "$out" "$CLERK_PKGDATADIR/demo"
fi
lacks "the copy never names the clone's share/" "$out" "$top_srcdir/share"
out=$("$CLERK" --db "$T/tree.db" demo 2>&1); rc=$?
is "the build tree's clerk builds the demo from the clone" "$rc" 0
out=$(CLERK_SHARE=$T/nowhere "$T/bin/clerk" --db "$T/env.db" demo 2>&1)
has "CLERK_SHARE names the folder to read" "$out" "$T/nowhere/demo"
done_testing
