#!/usr/bin/env bash
# run.sh: runs every dyad test and ends with "N passed, N failed[, N skipped]".
#
# Each test program prints TAP lines ("ok - name", "not ok - name",
# "ok - name # SKIP reason"); this script runs them all, shows failures and
# skips, and counts. Usage: tests/run.sh BUILD_DIR   (e.g. build/release)
set -u
B=${1:-build/release}
case "$B" in /*) ;; *) B="$PWD/$B" ;; esac
export DYAD="$B/dyad"
export DYAD_BUILD="$B"
export DYAD_SHARED="${DYAD_SHARED:-$PWD/../shared/data}"
export CMOCKA_MESSAGE_OUTPUT=TAP
pass=0 fail=0 skip=0 todo=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

run_one() {  # name, command...
    local name=$1; shift
    "$@" >"$out" 2>&1
    local rc=$?
    local p f s t
    p=$(grep -cE '^ok ' "$out" | tr -d ' ')
    s=$(grep -cE '^ok .*# *SKIP' "$out" | tr -d ' ')
    # cmocka's skip() prints "not ok N # SKIP name": a skip, not a failure.
    local cs
    cs=$(grep -cE '^not ok [0-9]+ # *SKIP' "$out" | tr -d ' ')
    f=$(grep -cE '^not ok ' "$out" | tr -d ' ')
    f=$((f - cs)); s=$((s + cs)); p=$((p + cs))
    t=$(grep -cE '^not ok .*# *TODO' "$out" | tr -d ' ')   # known failures
    p=$((p - s)); f=$((f - t))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "not ok - $name exited with status $rc" >>"$out"
    fi
    pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s)); todo=$((todo + t))
    if [ "$f" -gt 0 ]; then
        echo "FAIL $name ($p passed, $f failed)"
        grep -vE '^ok |^not ok .*# *(TODO|SKIP)' "$out" | head -60 | sed 's/^/    /'
    else
        echo "ok   $name ($p passed${s:+, $s skipped}${t:+, $t todo})" |
            sed 's/, 0 skipped//; s/, 0 todo//'
        grep -E '# *SKIP|^ok .*# *TODO' "$out" | sed 's/^/    /' | head -5
    fi
}

for t in "$B"/tests/test_*; do
    [ -x "$t" ] || continue
    run_one "unit/$(basename "$t")" "$t"
done
for t in tests/cli/*.sh tests/golden/*.sh tests/validate/*.sh tests/pathological/*.sh tests/fuzz/replay.sh; do
    [ -f "$t" ] || continue
    run_one "${t#tests/}" bash "$t"
done

echo
echo "$pass passed, $fail failed, $skip skipped$([ "$todo" -gt 0 ] && echo ", $todo todo")"
[ "$fail" -eq 0 ]
