#!/usr/bin/env bash
# events.sh: golden event tests: news sentences in tests/golden/events/*.txt
# coded with the embedded default dictionaries (and, for dict=petrarch
# cases, the PETRARCH2 production set in ../shared/data, skipped when
# absent), compared with the events a careful CAMEO coder expects. The
# format is in docs/golden-tests.md; the runner is tests/tools/golden_events.c.
# Known gaps (xfail) print "not ok ... # TODO reason", which tests/run.sh
# counts as todo, not failure.
. "$(dirname "$0")/../tap.sh"
tool="$DYAD_BUILD/tests/golden_events"
if [ ! -x "$tool" ]; then
    not_ok "golden events: $tool not built"
    exit 0
fi
files=("$(dirname "$0")"/events/*.txt)
if [ ! -f "${files[0]}" ]; then
    not_ok "golden events: no case files in $(dirname "$0")/events"
    exit 0
fi
"$tool" --petrarch "$DYAD_SHARED/petrarch2/dictionaries" "${files[@]}"

# The runner itself must be able to fail: a wrong expectation, an extra
# event, a malformed case and an xfail that passes are each reported.
t=$(mktemp)
trap 'rm -f "$t"' EXIT
cat >"$t" <<'CASES'
### wrong-code
Russia condemned Ukraine on Tuesday.
---
RUS UKR 051
### extra-event
Russia condemned Ukraine on Tuesday.
---
(none)
### no-separator
Russia condemned Ukraine on Tuesday.
### passing-xfail xfail not a gap at all
Russia condemned Ukraine on Tuesday.
---
RUS UKR 111
### at-least-forbidden
Russia condemned Ukraine on Tuesday. France praised Germany.
---
~ RUS UKR 111
! FRA DEU 051
CASES
self=$("$tool" "$t")
check "golden runner exits 1 on failing cases" test $? -eq 1
check "golden runner: wrong code fails with a diff" \
    grep -q "^#   - RUS UKR 051   (line 4)" <<<"$self"
check "golden runner: unexpected event fails" \
    grep -q "^not ok - .*:5: extra-event" <<<"$self"
check "golden runner: case without '---' is a format error" \
    grep -q "no-separator: format error" <<<"$self"
check "golden runner: passing xfail asks for promotion" \
    grep -q "^ok - .*passing-xfail # TODO xfail case passes" <<<"$self"
check "golden runner: forbidden event fails" \
    grep -q "^#   + FRA DEU 051   (forbidden by line 19)" <<<"$self"
