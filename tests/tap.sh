# tap.sh: helpers for shell tests; source it. Prints TAP lines that
# tests/run.sh counts. $DYAD is the binary under test, $DYAD_SHARED the
# outside data folder (may be absent: use need_shared to skip).
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
skip() { echo "ok - $1 # SKIP $2"; }
# check NAME CMD...: ok when CMD succeeds.
check() { local n=$1; shift; if "$@"; then ok "$n"; else not_ok "$n"; fi; }
# need_shared NAME: true when ../shared/data exists; else prints a skip.
need_shared() {
    if [ -d "$DYAD_SHARED" ]; then return 0; fi
    skip "$1" "../shared/data is absent (outside test data; CI has it)"
    return 1
}
