#!/usr/bin/env bash
# cli.sh: `dyad validate` command line: usage errors (exit 2), unreadable
# files (exit 1), a small validation file with one passing and one failing
# record (one FAIL line, "1 passed, 1 failed", exit 1; exit 0 with --report),
# <Environment> names resolved against --dict-dir, <Parse> never read.
. "$(dirname "$0")/../tap.sh"
"$DYAD" validate >/dev/null 2>&1
check "validate without a file: usage error (2)" test $? -eq 2
"$DYAD" validate --bogus x.xml >/dev/null 2>&1
check "validate unknown option: usage error (2)" test $? -eq 2
"$DYAD" validate /nonexistent/file.xml >/dev/null 2>"${TMPDIR:-/tmp}/dyad_validate_err.$$"
rc=$?
check "validate missing file: fatal (1)" test "$rc" -eq 1
check "validate missing file: file:line message" grep -q '^/nonexistent/file.xml' "${TMPDIR:-/tmp}/dyad_validate_err.$$"
rm -f "${TMPDIR:-/tmp}/dyad_validate_err.$$"
need_shared "validate cli" || exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/v.xml" <<'XML'
<Validation>
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>PETR.Validate.actors.txt</Actorfile>
    <Agentfile>PETR.Validate.agents.txt</Agentfile>
    <Discardfile>PETR.Validate.discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="T-1" category="ONE" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Mordor)) (VP (VBD attacked) (NP (NNP Rohan)))))
<EventCoding sourcecode="MOR" targetcode="ROH" eventcode="999"></EventCoding></Parse>
</Sentence>
<Sentence date="19950101" id="T-2" category="TWO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="MOR" eventcode="064"></EventCoding>
<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>
</Sentence>
</Sentences>
</Validation>
XML
out=$("$DYAD" validate --dict-dir "$DYAD_SHARED/petrarch2/dictionaries" "$tmp/v.xml" 2>/dev/null)
rc=$?
check "validate: a failing record exits 1" test "$rc" -eq 1
check "validate: one FAIL line with id, category, expected, got" \
    test "$(echo "$out" | grep -c '^FAIL T-2 TWO expected {ARN MOR 064} got {ARN GON 064}')" -eq 1
check "validate: ends with N passed, N failed" test "$(echo "$out" | tail -1)" = "1 passed, 1 failed"
out=$("$DYAD" validate --report --dict-dir "$DYAD_SHARED/petrarch2/dictionaries" "$tmp/v.xml" 2>/dev/null)
check "validate --report: exit 0" test $? -eq 0
check "validate --report: rate per category" grep -q '^category ONE .*100.0%' <<<"$out"
"$DYAD" validate --dict-dir "$tmp" "$tmp/v.xml" >/dev/null 2>&1
check "validate: dictionaries missing in --dict-dir: fatal (1)" test $? -eq 1
