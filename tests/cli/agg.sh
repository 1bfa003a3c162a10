#!/usr/bin/env bash
# agg.sh: 'dyad agg' from the command line: exact counts over the hand-made
# tests/data/events/small.jsonl, every input format, SQLite output, bad
# records (file:line: reason, exit 3), --strict, usage errors and --help.
. tests/tap.sh
D=tests/data/events
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

out=$("$DYAD" agg --period month --level country "$D/small.jsonl")
expect='period,source,target,root,events,goldstein_sum,goldstein_mean
2016-01,RUS,USA,03,1,4,4.000
2016-01,RUS,USA,19,1,-10,-10.000
2016-01,USA,RUS,04,2,3.8,1.900
2016-01,USA,RUS,11,1,-2,-2.000
2016-02,SYR,---,01,1,0,0.000
2016-02,TUR,SYR,05,2,6.8,3.400
2016-02,USA,RUS,17,2,-10,-5.000'
check "agg month country root: hand-checked counts" test "$out" = "$expect"

out=$("$DYAD" agg --period all --by quad --level country --dedup --stats "$D/small.jsonl" 2>"$T/err")
expect='period,source,target,quad,events,goldstein_sum,goldstein_mean
all,RUS,USA,1,1,4,4.000
all,RUS,USA,4,1,-10,-10.000
all,SYR,---,1,1,0,0.000
all,TUR,SYR,2,2,6.8,3.400
all,USA,RUS,1,1,1.9,1.900
all,USA,RUS,3,1,-2,-2.000
all,USA,RUS,4,1,-5,-5.000'
check "agg --dedup --by quad: two duplicates dropped" test "$out" = "$expect"
check "agg --stats: read, counted, duplicates" grep -q "10 events read, 8 counted, 2 duplicates, 0 rejected, 7 cells" "$T/err"

total=$("$DYAD" agg --period day "$D/sample.jsonl" | awk -F, 'NR > 1 { n += $5 } END { print n }')
check "agg totals equal the event count (sample.jsonl: 478)" test "$total" = 478

# stdin, and several files add up
n=$(cat "$D/small.jsonl" | "$DYAD" agg --period all --by all | awk -F, 'NR > 1 { n += $4 } END { print n }')
check "agg reads standard input" test "$n" = 10
n=$("$DYAD" agg --period all --by all "$D/small.jsonl" "$D/small.jsonl" | awk -F, 'NR > 1 { n += $4 } END { print n }')
check "agg adds up several files" test "$n" = 20

out=$("$DYAD" agg --period all --by all "$D/petrarch.tsv")
check "agg reads PETRARCH TSV (Goldstein from the CAMEO table)" \
    test "$out" = 'period,source,target,events,goldstein_sum,goldstein_mean
all,RUS,---,1,10,10.000
all,RUS,USA,1,-10,-10.000
all,USA,RUS,1,1.9,1.900
all,USAGOV,RUS,1,-2,-2.000'

# SQLite output
"$DYAD" agg --period month --level country -o "$T/agg.sqlite" "$D/small.jsonl"
check "agg -o x.sqlite writes dyad_periods" test "$(sqlite3 "$T/agg.sqlite" \
    "SELECT events FROM dyad_periods WHERE period='2016-02' AND source='USA' AND root='17'" 2>/dev/null ||
    python3 -c "import sqlite3;print(sqlite3.connect('$T/agg.sqlite').execute(\"SELECT events FROM dyad_periods WHERE period='2016-02' AND source='USA' AND root='17'\").fetchone()[0])")" = 2

# bad records: reported by line, skipped, exit 3
"$DYAD" agg --period all "$D/bad.jsonl" >"$T/out" 2>"$T/err"
rc=$?
check "agg with bad records exits 3" test "$rc" = 3
check "agg reports bad.jsonl:2 (broken JSON)" grep -q "^$D/bad.jsonl:2: error: not valid JSON" "$T/err"
check "agg reports bad.jsonl:4 (bad code)" grep -q "^$D/bad.jsonl:4: error: event code" "$T/err"
check "agg reports 6 rejected" grep -q "6 event records rejected" "$T/err"
check "agg still counts the good records" test "$(awk -F, 'NR > 1 { n += $5 } END { print n }' "$T/out")" = 2
"$DYAD" agg --strict "$D/bad.jsonl" >/dev/null 2>&1
check "agg --strict: first bad record is fatal (exit 1)" test $? = 1

# sorted dedup refuses unsorted input
printf '%s\n' '{"date":"20160102","source":"A","target":"B","code":"010"}' \
    '{"date":"20160101","source":"A","target":"B","code":"010"}' >"$T/unsorted.jsonl"
"$DYAD" agg --dedup --sorted "$T/unsorted.jsonl" >/dev/null 2>"$T/err"
check "agg --dedup --sorted: a date going back is fatal" test $? = 1
check "agg --sorted names file and line" grep -q "unsorted.jsonl:2: error: .*not sorted" "$T/err"
check "agg without --sorted accepts unsorted input" "$DYAD" agg --dedup "$T/unsorted.jsonl" -o "$T/x.csv"

# usage
"$DYAD" agg --period fortnight "$D/small.jsonl" >/dev/null 2>&1
check "agg bad --period is a usage error (exit 2)" test $? = 2
"$DYAD" agg --frobnicate >/dev/null 2>&1
check "agg unknown option is a usage error (exit 2)" test $? = 2
"$DYAD" agg "$T/absent.jsonl" >/dev/null 2>&1
check "agg missing file is fatal (exit 1)" test $? = 1
check "agg --help mentions --dedup" sh -c "'$DYAD' agg --help | grep -q -- --dedup"
