#!/usr/bin/env bash
# dictload.sh: dictionary load time and memory for the PETRARCH2 production
# set (CAMEO.2.0.txt, the three Phoenix actor files, Phoenix agents,
# discards and issues): from source and from the compiled cache. Each run is
# a fresh process timing dyad_dict_load in-process; prints the median of
# RUNS runs (default 5) and the largest peak RSS.
#   usage: bench/dictload.sh [BUILD_DIR]     (default build/release)
set -eu
B=${1:-build/release}
RUNS=${RUNS:-5}
SHARED=${DYAD_SHARED:-$PWD/../shared/data}
P=$SHARED/petrarch2/dictionaries
[ -d "$P" ] || { echo "dictload: $P absent"; exit 0; }
[ -f "$B/libdyad.a" ] || { echo "dictload: build $B first (make BUILD_DIR=$B)"; exit 1; }
tool=$B/bench/dictload
mkdir -p "$B/bench"
cc -std=c17 -O2 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -o "$tool" bench/dictload.c \
    "$B/libdyad.a" $(pkg-config --libs libutf8proc jansson libzstd zlib sqlite3 cairo) -lpthread -lm
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {  # label, args...
    local label=$1; shift
    local ms=() rss=0 out
    for _ in $(seq "$RUNS"); do
        out=$("$tool" --petrarch "$P" "$@")
        ms+=("$(sed 's/.*ms=\([0-9.]*\).*/\1/' <<<"$out")")
        r=$(sed 's/.*rss_kb=\([0-9]*\).*/\1/' <<<"$out")
        [ "$r" -gt "$rss" ] && rss=$r
    done
    printf '%-12s median %8.2f ms  (runs: %s)  peak RSS %d KB\n' "$label" \
        "$(printf '%s\n' "${ms[@]}" | median)" "${ms[*]}" "$rss"
}
run "from source" 
"$tool" --petrarch "$P" --cache-dir "$cache" >/dev/null   # writes the cache
run "from cache" --cache-dir "$cache"
echo "cache file: $(du -k "$cache"/*.cache | cut -f1) KB"
