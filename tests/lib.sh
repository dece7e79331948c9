# tests/lib.sh: a tiny TAP library for clerk's shell tests.
#
#   . "$top_srcdir/tests/lib.sh"
#   setup                      # a private temp dir in $T, cleaned on exit
#   ok "what is checked" cmd args...      # passes when cmd exits 0
#   is "what" "$actual" "$expected"       # exact string comparison
#   has "what" "$haystack" "needle"       # substring
#   lacks "what" "$haystack" "needle"
#   exits "what" CODE cmd args...         # exit status equals CODE
#   need TOOL... && { checks that use TOOL; }  # else one SKIP naming it
#   done_testing
#
# Every check prints one TAP line; a failed check prints what was seen.

: "${CLERK:?CLERK must name the clerk binary (run through make check)}"
: "${top_srcdir:?}"
export LC_ALL=C.UTF-8 TZ=Europe/London
unset CLERK_DB XDG_DATA_HOME NO_COLOR
_tap_n=0
_tap_failed=0

setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/clerk-test.XXXXXX")
	trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
	export HOME="$T/home"
	mkdir -p "$HOME"
}

_tap_result() { # status description [diagnostic]
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_tap_n - $2"
	else
		_tap_failed=$((_tap_failed + 1))
		echo "not ok $_tap_n - $2"
		[ -n "${3-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
	fi
	return 0
}

ok() {
	_d=$1; shift
	_out=$("$@" 2>&1); _rc=$?
	_tap_result "$_rc" "$_d" "exit $_rc: $_out"
}

exits() {
	_d=$1; _want=$2; shift 2
	_out=$("$@" 2>&1); _rc=$?
	[ "$_rc" -eq "$_want" ]; _tap_result $? "$_d" "wanted exit $_want, got $_rc: $_out"
}

is() {
	[ "$2" = "$3" ]; _tap_result $? "$1" "$(printf 'got:\n%s\nwanted:\n%s\n--- diff:\n%s' "$2" "$3" "$(diff <(printf '%s\n' "$3") <(printf '%s\n' "$2"))")"
}

has() {
	case "$2" in *"$3"*) _tap_result 0 "$1" ;; *) _tap_result 1 "$1" "wanted to see: $3
in: $2" ;; esac
}

lacks() {
	case "$2" in *"$3"*) _tap_result 1 "$1" "did not want: $3
in: $2" ;; *) _tap_result 0 "$1" ;; esac
}

# need TOOL...: true when every TOOL is on the PATH.  Otherwise one check is
# reported as skipped, naming the missing tool, and need is false, so the
# caller leaves out the checks that use it: a check never vanishes without
# a trace.  CI installs every tool the suite uses (build-aux/quickstart
# check), so .ci/run counts any skip as a failure.
need() {
	for _t in "$@"; do
		command -v "$_t" >/dev/null 2>&1 && continue
		_tap_result 0 "the checks that use $_t # SKIP $_t is not installed"
		return 1
	done
}

done_testing() {
	echo "1..$_tap_n"
	[ "$_tap_failed" -eq 0 ]
}
