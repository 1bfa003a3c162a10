#!/usr/bin/env bash
# petrarch2.sh: dyad validate on PETRARCH2's developer unit-test records with
# its PETR.Validate.* dictionaries (PETRARCH-1/TABARI verb syntax). A
# ratchet: the pass rate must not fall below FLOOR (raise it as dyad improves).
. "$(dirname "$0")/../tap.sh"
FLOOR=93.0
need_shared "validate petrarch2" || exit 0
f=$DYAD_SHARED/petrarch2/text/PETR.UnitTest.records.dev.xml
out=$("$DYAD" validate --report -q --dict-dir "$DYAD_SHARED/petrarch2/dictionaries" "$f" 2>/dev/null)
rc=$?
echo "$out" | sed -n 's/^/# /p' | grep -E 'category|pass rate|passed'
check "validate petrarch2 exits 0 with --report" test "$rc" -eq 0
rate=$(echo "$out" | sed -n 's/^pass rate \([0-9.]*\)%.*/\1/p')
check "validate petrarch2 pass rate ${rate:-?}% >= $FLOOR%" \
    awk -v r="${rate:-0}" -v f="$FLOOR" 'BEGIN { exit !(r + 0 >= f + 0) }'
