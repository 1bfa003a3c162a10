#!/usr/bin/env bash
# run.sh: runs every libFuzzer target in build/fuzz for SECONDS each, two at a
# time, seeded from tests/fuzz/seeds/<target>/ and the regressions in
# tests/fuzz/regress/<target>/. A crash fails the run and leaves its input in
# build/fuzz/artifacts/ (copy it into tests/fuzz/regress/<target>/).
set -u
secs=${1:-60}
mkdir -p build/fuzz/artifacts
status=0
pids=()
names=()
for bin in build/fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin")
    corpus=build/fuzz/corpus/$name
    mkdir -p "$corpus"
    dirs=("$corpus")
    [ -d "tests/fuzz/seeds/$name" ] && dirs+=("tests/fuzz/seeds/$name")
    [ -d "tests/fuzz/regress/$name" ] && dirs+=("tests/fuzz/regress/$name")
    dict=()
    [ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
    "$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=build/fuzz/artifacts/"$name"- "${dict[@]}" "${dirs[@]}" \
        >"build/fuzz/$name.log" 2>&1 &
    pids+=($!)
    names+=("$name")
    if [ "${#pids[@]}" -ge 2 ]; then
        for i in "${!pids[@]}"; do
            if ! wait "${pids[$i]}"; then status=1; echo "fuzz: ${names[$i]} FAILED"; tail -30 "build/fuzz/${names[$i]}.log"; else echo "fuzz: ${names[$i]} ok ($(grep -o 'Done [0-9]* runs' "build/fuzz/${names[$i]}.log" | head -1))"; fi
        done
        pids=(); names=()
    fi
done
for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then status=1; echo "fuzz: ${names[$i]} FAILED"; tail -30 "build/fuzz/${names[$i]}.log"; else echo "fuzz: ${names[$i]} ok ($(grep -o 'Done [0-9]* runs' "build/fuzz/${names[$i]}.log" | head -1))"; fi
done
exit $status
