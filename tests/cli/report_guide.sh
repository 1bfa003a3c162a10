#!/usr/bin/env bash
# report_guide.sh: the four commands of docs/guide.md, run as written there
# (code, agg, plot, report) over 1,000 HuffPost records, and the pipe form:
# the guide must stay true.
. tests/tap.sh
need_shared "docs/guide.md walk-through" || exit 0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
head -1000 "$DYAD_SHARED/corpora/huffpost/news_category_v3.first10k.jsonl" >"$T/news.jsonl"
cd "$T" || exit 1
check "guide 1: dyad code -> events.jsonl" "$DYAD" code --text-field headline,short_description \
    --date-field date --id-field link news.jsonl -o events.jsonl
check "guide 2: dyad agg -> weekly.csv" sh -c "'$DYAD' agg --period week --level country --dedup events.jsonl > weekly.csv"
check "guide 2: weekly.csv has a header and rows" test "$(head -1 weekly.csv)" = \
    "period,source,target,root,events,goldstein_sum,goldstein_mean" -a "$(wc -l <weekly.csv)" -gt 10
check "guide 3: dyad plot -> usa.png" "$DYAD" plot --kind quad --dyad USA,USA -o usa.png events.jsonl
check "guide 3: usa.png is a PNG" sh -c "head -c 4 usa.png | grep -q PNG"
check "guide 4: dyad report -> report.html" "$DYAD" report events.jsonl -o report.html
check "guide 4: report.html has its sections" sh -c "grep -q '<h2>Evidence</h2>' report.html"
n=$(wc -l <events.jsonl | tr -d ' ')
total=$("$DYAD" code --text-field headline,short_description --date-field date --id-field link \
    news.jsonl 2>/dev/null | "$DYAD" agg --period month | awk -F, 'NR > 1 { s += $5 } END { print s + 0 }')
check "guide pipe: dyad code | dyad agg counts all $n events" test "$total" = "$n"
