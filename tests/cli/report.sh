#!/usr/bin/env bash
# report.sh: 'dyad report' from the command line: a self-contained HTML file
# with figures, five inline charts and highlighted evidence; stdin; errors.
. tests/tap.sh
S=tests/data/events/sample.jsonl
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

"$DYAD" report "$S" -o "$T/r.html"
check "report writes HTML (exit 0)" test $? = 0 -a -s "$T/r.html"
check "report counts the events" grep -q "<b>478</b>events" "$T/r.html"
check "report has five inline SVG charts" test "$(grep -o 'data:image/svg+xml;base64,' "$T/r.html" | wc -l)" = 5
check "report highlights evidence" grep -q '<mark class=s>Washington</mark>' "$T/r.html"
check "report is self-contained (no external src or href to files)" \
    sh -c "! grep -Eq '(src|href)=\"(/|file:|[a-z]+\\.(png|svg|css|js))' '$T/r.html'"
check "report names top dyads" grep -q '<h2>Top 10 dyads</h2>' "$T/r.html"
cat "$S" | "$DYAD" report --title "From stdin" --top 3 >"$T/s.html"
check "report reads standard input to stdout" grep -q "<title>From stdin</title>" "$T/s.html"
check "report --top 3" grep -q '<h2>Top 3 dyads</h2>' "$T/s.html"
"$DYAD" report tests/data/events/bad.jsonl -o "$T/b.html" 2>"$T/err"
check "report with bad records exits 3" test $? = 3
check "report reports bad records by file:line" grep -q "bad.jsonl:7: error" "$T/err"
: >"$T/empty.jsonl"
"$DYAD" report "$T/empty.jsonl" -o "$T/e.html" 2>/dev/null
check "report of no events exits 1" test $? = 1
"$DYAD" report a b >/dev/null 2>&1
check "report of two files is a usage error" test $? = 2
check "report --help" sh -c "'$DYAD' report --help | grep -q self-contained"
