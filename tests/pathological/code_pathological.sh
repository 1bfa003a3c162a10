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
a=Russia b=Ukraine c=Georgia   # actors the embedded defaults know
if [ -d "$DYAD_SHARED/petrarch2/dictionaries" ]; then
    d=$DYAD_SHARED/petrarch2/dictionaries
    dict=(--dict-dir "$d" --verbs PETR.Validate.verbs.txt --actors PETR.Validate.actors.txt
          --agents PETR.Validate.agents.txt)
    a=Arnor b=Gondor c=Mordor
fi
awk -v A="$a" -v B="$b" -v C="$c" 'BEGIN {
    for (i = 0; i < 2500; i++) printf "%s attacked %s and ", A, B;   # 10,000 tokens
    print C "."
}' >"$tmp/long.txt"
awk -v A="$a" -v B="$b" -v C="$c" 'BEGIN {
    printf "%s", A; for (i = 0; i < 500; i++) printf ", %s", B; print " attacked " C "."
}' >"$tmp/commas.txt"
awk -v A="$a" -v B="$b" -v C="$c" 'BEGIN {
    for (i = 0; i < 2000; i++) printf "( \""; printf "%s attacked %s", A, B;
    for (i = 0; i < 2000; i++) printf "\" )"; print "."
}' >"$tmp/nested.txt"
awk -v A="$a" -v B="$b" -v C="$c" 'BEGIN { for (i = 0; i < 3000; i++) printf "attacked restored said "; print "." }' >"$tmp/verbs.txt"
awk -v A="$a" -v B="$b" -v C="$c" 'BEGIN { for (i = 0; i < 3000; i++) printf "%s %s %s ", A, B, C; print "." }' >"$tmp/actors.txt"
awk -v A="$a" -v B="$b" -v C="$c" 'BEGIN { for (i = 0; i < 200000; i++) printf "x"; print "" }' >"$tmp/word.txt"
printf '%s\000attacked\377\376 %s.\n' "$a" "$b" >"$tmp/binary.txt"
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
