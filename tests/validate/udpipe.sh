#!/usr/bin/env bash
# udpipe.sh: dyad validate on UniversalPETRARCH's re-coded developer records with
# the PETRARCH2-syntax validation verbs (CAMEO codes). A
# ratchet: the pass rate must not fall below FLOOR (raise it as dyad improves).
. "$(dirname "$0")/../tap.sh"
FLOOR=92.0
need_shared "validate udpipe" || exit 0
f=$DYAD_SHARED/universalpetrarch/text/PETR.UnitTest.records.udpipe.dev.xml
out=$("$DYAD" validate --report -q --dict-dir "$DYAD_SHARED/universalpetrarch/validate" "$f" 2>/dev/null)
rc=$?
echo "$out" | sed -n 's/^/# /p' | grep -E 'category|pass rate|passed'
check "validate udpipe exits 0 with --report" test "$rc" -eq 0
rate=$(echo "$out" | sed -n 's/^pass rate \([0-9.]*\)%.*/\1/p')
check "validate udpipe pass rate ${rate:-?}% >= $FLOOR%" \
    awk -v r="${rate:-0}" -v f="$FLOOR" 'BEGIN { exit !(r + 0 >= f + 0) }'
