#!/bin/bash
# Replay the importers' fuzzing corpus (the test files of tests/import and
# any crashers saved in tests/import/fuzz-corpus) through the harness built
# without a fuzzer: each file through each importer, nothing may crash.
. "$top_srcdir/tests/lib.sh"
setup
files=("$top_srcdir"/tests/import/*.txt "$top_srcdir"/tests/import/*.csv "$top_srcdir"/tests/import/*.xml)
[ -d "$top_srcdir/tests/import/fuzz-corpus" ] && files+=("$top_srcdir"/tests/import/fuzz-corpus/*)
out=$(TMPDIR="$T" "$top_builddir/tests/import/fuzz_import" "${files[@]}" 2>&1); rc=$?
is "the harness replays every file without a crash" "$rc" 0
lacks "no file failed" "$out" "not ok"
has "every file went through the three importers" "$out" "through importer 2"
done_testing
