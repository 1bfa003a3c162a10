#!/usr/bin/env bash
# plot.sh: 'dyad plot' from the command line: each kind and output format
# written and non-trivial, errors (no -o, unknown extension, no matching
# dyad) with the documented exit codes.
. tests/tap.sh
S=tests/data/events/sample.jsonl
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

size() { wc -c <"$1" | tr -d ' '; }
for kind in quad goldstein top matrix; do
    "$DYAD" plot --kind "$kind" -o "$T/$kind.png" "$S"
    rc=$?
    check "plot --kind $kind writes a PNG (exit 0)" test "$rc" = 0 -a -s "$T/$kind.png"
    check "plot --kind $kind PNG is a PNG of real content" \
        sh -c "head -c 4 '$T/$kind.png' | grep -q PNG && test $(size "$T/$kind.png" 2>/dev/null || echo 0) -gt 15000"
done
"$DYAD" plot --kind quad --dyad USA,RUS -o "$T/q.svg" "$S"
check "plot SVG by extension" grep -q "<svg" "$T/q.svg"
"$DYAD" plot --kind goldstein --dyad USA,RUS --dyad RUS,USA --period month -o "$T/g.pdf" "$S"
check "plot PDF by extension" sh -c "head -c 4 '$T/g.pdf' | grep -q '%PDF'"
"$DYAD" plot --kind matrix --value goldstein --top 6 --width 700 --height 600 -o "$T/m.png" "$S"
check "plot matrix of mean Goldstein" test -s "$T/m.png"
cat "$S" | "$DYAD" plot --kind top -o "$T/stdin.png"
check "plot reads standard input" test -s "$T/stdin.png"

"$DYAD" plot --kind quad --dyad XXX,YYY -o "$T/none.png" "$S" 2>"$T/err"
check "plot with no matching dyad exits 1" test $? = 1
check "plot says there is nothing to draw" grep -q "no events to draw" "$T/err"
"$DYAD" plot --kind top "$S" >/dev/null 2>&1
check "plot without -o is a usage error" test $? = 2
"$DYAD" plot --kind top -o "$T/x.gif" "$S" >/dev/null 2>&1
check "plot with an unknown extension is a usage error" test $? = 2
"$DYAD" plot --kind pie -o "$T/x.png" "$S" >/dev/null 2>&1
check "plot with an unknown kind is a usage error" test $? = 2
"$DYAD" plot --dyad USA -o "$T/x.png" "$S" >/dev/null 2>&1
check "plot --dyad without a comma is a usage error" test $? = 2
"$DYAD" plot --kind top -o "$T/bad.png" tests/data/events/bad.jsonl 2>"$T/err"
check "plot with bad records exits 3 and still draws" test $? = 3 -a -s "$T/bad.png"
check "plot reports bad records by file:line" grep -q "bad.jsonl:2: error" "$T/err"
check "plot --help lists the kinds" sh -c "'$DYAD' plot --help | grep -q matrix"
