#!/usr/bin/env bash
# agg_roundtrip.sh: real events from 'dyad code' over the first 2,000 HuffPost
# records, written in all four formats: 'dyad agg' must read the same events
# from each (identical tables at actor level by full code) and its totals
# must equal the number of events written.
. tests/tap.sh
need_shared "agg round trip over HuffPost events" || exit 0
HP=$DYAD_SHARED/corpora/huffpost/news_category_v3.first10k.jsonl
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
head -2000 "$HP" >"$T/hp.jsonl"
A="--text-field headline,short_description --date-field date --id-field link"
"$DYAD" code $A "$T/hp.jsonl" -o "$T/ev.jsonl" 2>/dev/null
"$DYAD" code $A --format tsv "$T/hp.jsonl" -o "$T/ev.tsv" 2>/dev/null
"$DYAD" code $A --format gdelt "$T/hp.jsonl" -o "$T/ev.csv" 2>/dev/null
"$DYAD" code $A --format sqlite "$T/hp.jsonl" -o "$T/ev.sqlite" 2>/dev/null
n=$(wc -l <"$T/ev.jsonl" | tr -d ' ')
check "dyad code wrote events to aggregate ($n)" test "$n" -gt 100
for f in jsonl tsv csv sqlite; do
    "$DYAD" agg --period day --by code "$T/ev.$f" >"$T/$f.agg" 2>"$T/$f.err"
    check "agg reads the $f events without rejects" test $? = 0 -a ! -s "$T/$f.err"
    total=$(awk -F, 'NR > 1 { s += $5 } END { print s + 0 }' "$T/$f.agg")
    check "agg total from $f equals the $n events written" test "$total" = "$n"
done
for f in tsv csv sqlite; do
    check "agg of $f equals agg of jsonl" cmp -s "$T/jsonl.agg" "$T/$f.agg"
done
