#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/export/signed.sh: confirmation only where the law allows, and
# confirmed minutes kept as signed.  Minutes are confirmed (and corrected)
# only at a later meeting of the same body that was held: another body's
# meeting, a cancelled one and one still to come are refused, naming the
# rule, with nothing changed.  Once confirmed, every format (public and
# confidential) comes from the text kept at signing: a new house style and
# a person's new name change nothing; a tampered signed text is named by
# clerk check.
. "$top_srcdir/tests/lib.sh"
setup
need sqlite3 unzip || { done_testing; exit; }
DB=$T/clerk.db
"$top_builddir/tests/export/mkfixture" "$DB" || { echo "Bail out! mkfixture failed"; exit 1; }
clerk() { "$CLERK" --db "$DB" "$@"; }
flat() { tr '\n' ' ' | tr -s ' '; }
state() { sqlite3 "$DB" "SELECT group_concat(minutes_state || coalesce(confirmed_at, ''), ',') FROM meeting; SELECT count(*) FROM audit; SELECT count(*) FROM correction; SELECT count(*) FROM signed_minutes"; }

# Before the April meeting is held (the clock: 1 April 2024).
export CLERK_NOW=2024-04-01T12:00:00Z
before=$(state)
out=$(clerk confirm 2024-03-14 --at 2024-04-18 2>&1); rc=$?
is "confirming at a meeting not yet held: exit 3" "$rc" 3
has "naming the rule" "$(echo "$out" | flat)" \
	"the Audit Committee's meeting of 18 April 2024 has not been held yet, so nothing can be confirmed at it"
out=$(clerk confirm 2024-04-18 --at 2024-05-02 2>&1); rc=$?
is "confirming minutes of a meeting not yet held: exit 3" "$rc" 3
has "saying it has no minutes" "$out" "has not been held yet, so it has no minutes to confirm"

export CLERK_NOW=2024-05-03T12:00:00Z
out=$(clerk confirm 2024-03-14 --at 2024-05-02 2>&1); rc=$?
is "confirming at another body's meeting: exit 3" "$rc" 3
has "naming the body it must be" "$(echo "$out" | flat)" \
	"can only be confirmed at a meeting of the Audit Committee (Sch. 12 para 41"
has "and what to do" "$(echo "$out" | flat)" "name a later meeting of the Audit Committee"
out=$(clerk confirm 2024-04-18 --at 2024-03-14 2>&1); rc=$?
is "confirming at an earlier meeting: exit 3" "$rc" 3
has "saying it must be later" "$out" "is not later"
# (by sqlite3, unaudited: the audit triggers are clerk's connections' own)
set_status() {
	sqlite3 "$DB" "UPDATE meeting SET status = '$1' WHERE starts_at LIKE '$2%'"
}
set_status cancelled 2024-04-18
before=$(state)
out=$(clerk confirm 2024-03-14 --at 2024-04-18 2>&1); rc=$?
is "confirming at a cancelled meeting: exit 3" "$rc" 3
has "saying it was cancelled" "$out" "was cancelled, so nothing can be confirmed at it"
out=$(clerk correct 2024-03-14 --at 2024-04-18 "x" 2>&1); rc=$?
is "correcting draft minutes: exit 3" "$rc" 3
has "saying to correct the draft directly" "$out" "not confirmed yet"
is "nothing changed by the refusals" "$(state)" "$before"
set_status closed 2024-04-18

# A body whose minutes another body confirms (standing orders).
out=$(clerk body edit Snoring --minutes-confirmed-by Licensing 2>&1); rc=$?
is "a body names the body that confirms its minutes" "$rc" 0
has "saying so" "$out" "Its minutes are confirmed at meetings of the Licensing Sub-Committee."
exits "then its own later meeting may not" 3 clerk confirm 2019-05-14 --at 2019-06-11
has "naming the body that confirms them" "$(clerk confirm 2019-05-14 --at 2019-06-11 2>&1 | flat)" \
	"can only be confirmed at a meeting of the Licensing Sub-Committee"
out=$(clerk confirm 2019-05-14 --at 2024-05-02 2>&1); rc=$?
is "with nobody presiding on record: exit 3" "$rc" 3
has "asking who presided" "$out" "name the member who presided there"
exits "the named body's later meeting confirms them, with who presided" 0 \
	clerk confirm 2019-05-14 --at 2024-05-02 --presiding "Ann Chair"

# Confirmed at the April meeting; exported in every format.
out=$(clerk confirm 2024-03-14 --at 2024-04-18 --amendment "Minute 4: for Treasurer read Chief Treasurer" 2>&1); rc=$?
is "confirm: exit 0" "$rc" 0
has "signed by the chairman recorded present" "$out" "signed by Councillor Ann Chair (chairman)"
has "kept as signed with its digest" "$out" "kept as signed (SHA-256 "
m=$(clerk export 2024-03-14 | flat)
has "the amendment is shown on the confirmed minutes" "$m" \
	"Amended when confirmed as a correct record on 18 April 2024: Minute 4: for Treasurer read Chief Treasurer"
has "and in the confirming meeting's minutes" "$(clerk export 2024-04-18 | flat)" \
	"subject to the following amendment, and signed by the Chairman: Minute 4: for Treasurer read Chief Treasurer"
mkdir "$T/a" "$T/b"
export_all() {
	for f in text markdown html docx; do
		clerk export 2024-03-14 --format $f -o "$1/public.$f" || return 1
		clerk export 2024-03-14 --format $f --confidential -o "$1/confidential.$f" || return 1
	done
}
exits "every format exported" 0 export_all "$T/a"

# A new house style and a person's new name: the signed minutes stay.
sqlite3 "$DB" "UPDATE body SET style = 'parish' WHERE name = 'Audit Committee'; UPDATE person SET name = 'Ann Renamed' WHERE name = 'Ann Chair'"
has "the data did change (a draft shows the new name)" "$(clerk export 2024-04-18 | flat)" "Ann Renamed"
exits "every format exported again" 0 export_all "$T/b"
for f in text markdown html docx; do
	for k in public confidential; do
		exits "$k $f byte-identical after the changes" 0 cmp "$T/a/$k.$f" "$T/b/$k.$f"
	done
done
lacks "the signed text keeps the name as signed" "$(cat "$T/b/public.text")" "Renamed"
exits "--style does not restyle signed minutes" 0 cmp "$T/a/public.text" \
	<(clerk export 2024-03-14 --style parish)

# A correction after signing follows the signed text, which is unchanged.
exits "correction at a later meeting" 0 clerk correct 2024-03-14 --at 2024-04-18 "Minute 5: for 3 read 4."
after=$(clerk export 2024-03-14)
has "the correction follows the signed minutes" "$(echo "$after" | flat)" \
	"CORRECTIONS MADE AFTER SIGNING Correction recorded at the meeting of 18th April 2024: Minute 5: for 3 read 4."
has "the signed text comes first, unchanged" "$after" "$(cat "$T/a/public.text")"
out=$(clerk correct 2024-03-14 --at 2024-05-02 "x" 2>&1); rc=$?
is "a correction at another body's meeting: exit 3" "$rc" 3
has "saying so" "$(echo "$out" | flat)" "can only be corrected at a meeting of the Audit Committee"

# clerk check verifies every digest.
out=$(clerk check 2>&1); rc=$?
is "check: sound" "$rc" 0
has "check: the signed minutes match" "$out" "signed:       ok (2 confirmed minutes match their SHA-256 digest)"
sqlite3 "$DB" "DROP TRIGGER signed_minutes_keep_u; UPDATE signed_minutes SET public_doc = replace(public_doc, 'Ann Chair', 'Someone Else') WHERE meeting_id = (SELECT id FROM meeting WHERE starts_at LIKE '2024-03-14%')"
out=$(clerk check 2>&1); rc=$?
is "check after tampering: exit 4" "$rc" 4
has "names the minutes whose text no longer matches" "$(echo "$out" | flat)" \
	"the minutes of 2024-03-14 (Audit Committee, meeting"
has "saying what happened" "$(echo "$out" | flat)" "no longer match the text signed"
done_testing
