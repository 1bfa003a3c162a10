#!/usr/bin/env bash
# code_pathological.sh: the coder on hostile sentences finishes in bounded
# time and exits cleanly: 10,000 tokens in one sentence, 500 commas, deep
# parenthesis and quote nesting, endless coordination, verbs only, actors
# only. Uses the validation dictionaries when ../shared/data is present,
# else the embedded defaults.
. "$(dirname "$0")/../tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dict=()
if [ -d "$DYAD_SHARED/petrarch2/dictionaries" ]; then
    d=$DYAD_SHARED/petrarch2/dictionaries
    dict=(--dict-dir "$d" --verbs PETR.Validate.verbs.txt --actors PETR.Validate.actors.txt
          --agents PETR.Validate.agents.txt)
fi
awk 'BEGIN {
    for (i = 0; i < 2500; i++) printf "Arnor attacked Gondor and ";   # 10,000 tokens
    print "Mordor."
}' >"$tmp/long.txt"
awk 'BEGIN {
    printf "Arnor"; for (i = 0; i < 500; i++) printf ", Gondor"; print " attacked Mordor."
}' >"$tmp/commas.txt"
awk 'BEGIN {
    for (i = 0; i < 2000; i++) printf "( \""; printf "Arnor attacked Gondor";
    for (i = 0; i < 2000; i++) printf "\" )"; print "."
}' >"$tmp/nested.txt"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "attacked restored said "; print "." }' >"$tmp/verbs.txt"
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "Arnor Gondor Mordor "; print "." }' >"$tmp/actors.txt"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "x"; print "" }' >"$tmp/word.txt"
printf 'Arnor\000attacked\377\376 Gondor.\n' >"$tmp/binary.txt"
for f in long commas nested verbs actors word binary; do
    start=$(date +%s%N)
    timeout 20 "$DYAD" code "${dict[@]}" --date 19950101 --explain "$tmp/$f.txt" \
        >"$tmp/$f.out" 2>"$tmp/$f.err"
    rc=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    check "pathological $f: exit 0 or 3 in bounded time (${ms} ms)" \
        test "$rc" -eq 0 -o "$rc" -eq 3
done
check "pathological long: events coded" grep -q '"code"' "$tmp/long.out"
