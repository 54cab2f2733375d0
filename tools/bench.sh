#!/usr/bin/env bash
# Benchmarks build/krait against the oracle: the shared suite, then bench/*.py.
#   tools/bench.sh [KRAIT]   (default: build/krait)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KRAIT=${1:-$ROOT/build/krait}
ORACLE="$ROOT/../shared/oracle"
if [ -x "$ROOT/../shared/bench/run.sh" ]; then
    "$ROOT/../shared/bench/run.sh" --ref "$ORACLE" "$KRAIT"
fi
for b in "$ROOT"/bench/*.py; do
    [ -f "$b" ] || continue
    name=$(basename "$b" .py)
    t0=$(date +%s.%N)
    "$ORACLE" "$b" > /dev/null 2>&1
    t1=$(date +%s.%N)
    "$KRAIT" "$b" > /dev/null 2>&1
    rc=$?
    t2=$(date +%s.%N)
    awk -v n="$name" -v a="$t0" -v b="$t1" -v c="$t2" -v rc="$rc" \
        'BEGIN { printf "%-28s cpython %7.3fs  krait %7.3fs  %s\n", n, b - a, c - b, rc ? "(failed)" : "" }'
done
