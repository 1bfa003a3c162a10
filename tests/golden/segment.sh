#!/usr/bin/env bash
# segment.sh: golden test of sentence segmentation and kinds on the seed
# article (../shared/data/seed/article.txt): kind and text of each sentence,
# one per line, must match tests/golden/segment/article.expected (checked by
# hand: captions, credit and every prose sentence boundary).
. "$(dirname "$0")/../tap.sh"
tool="$DYAD_BUILD/tests/bench_segment"
need_shared "segment article.txt" || exit 0
if [ ! -x "$tool" ]; then
    not_ok "segment article.txt: $tool not built"
    exit 0
fi
got=$(mktemp)
trap 'rm -f "$got"' EXIT
"$tool" --dump "$DYAD_SHARED/seed/article.txt" >"$got" 2>&1
if diff -u "$(dirname "$0")/segment/article.expected" "$got" >&2; then
    ok "segment article.txt"
else
    not_ok "segment article.txt (diff above)"
fi
n=$(grep -c '^prose' "$got")
check "segment article.txt has 12 prose sentences ($n)" [ "$n" -eq 12 ]
