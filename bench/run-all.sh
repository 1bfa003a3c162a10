#!/usr/bin/env bash
# run-all.sh: runs every benchmark script in bench/ (each prints its figures).
set -u
cd "$(dirname "$0")/.."
status=0
for b in bench/*; do
    case "$b" in bench/run-all.sh|*.md|*.c|*.py) continue ;; esac
    [ -f "$b" ] || continue
    echo "== $b"
    bash "$b" || status=1
done
exit $status
