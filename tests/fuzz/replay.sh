#!/usr/bin/env bash
# replay.sh: replays every fuzz target's seeds and stored crash inputs
# (tests/fuzz/seeds/<target>, tests/fuzz/regress/<target>) through the target
# built without libFuzzer (gcc, or gcc+ASan under check-asan). TAP output.
source tests/tap.sh
for bin in "$DYAD_BUILD"/tests/replay_fuzz_*; do
    [ -x "$bin" ] || continue
    name=${bin##*/replay_}
    "$bin" "$name" "tests/fuzz/seeds/$name" "tests/fuzz/regress/$name" \
        || not_ok "$name replay exited with status $?"
done
