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
