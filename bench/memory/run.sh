#!/usr/bin/env bash
# Memory measurements, Krait side by side with CPython 3.13 (the oracle) in one run:
#   bench/memory/run.sh [KRAIT] [RUNS]     (KRAIT: binary or build dir; defaults: build/krait, 3)
# - alloc_small: CPU seconds to allocate and drop 10 million small objects (median of
#   RUNS); ratio = cpython / krait, above 1 means Krait is faster;
# - cycles_rss: peak RSS (VmHWM) after building and dropping 300,000 two-object cycles;
#   ratio = krait / cpython, the target is at most 1.2;
# - rss_release: RSS before, at the peak and after freeing ~300 MB of small objects;
# - gc_cycles: the shared gc_cycles benchmark must print the same checksum.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KRAIT=${1:-$ROOT/build/krait}
[ -d "$KRAIT" ] && KRAIT="$KRAIT/krait"
RUNS=${2:-3}
ORACLE="$ROOT/../shared/oracle"
HERE="$ROOT/bench/memory"

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

run_median() { # interpreter script
    for _ in $(seq "$RUNS"); do "$1" "$2"; done | median
}

k=$(run_median "$KRAIT" "$HERE/alloc_small.py")
c=$(run_median "$ORACLE" "$HERE/alloc_small.py")
awk -v k="$k" -v c="$c" 'BEGIN { printf "alloc_small   krait %7.3fs  cpython %7.3fs  speedup cpython/krait %.2f\n", k, c, c / k }'

k=$(run_median "$KRAIT" "$HERE/cycles_rss.py")
c=$(run_median "$ORACLE" "$HERE/cycles_rss.py")
awk -v k="$k" -v c="$c" 'BEGIN { printf "cycles_rss    krait %7d KiB  cpython %7d KiB  ratio krait/cpython %.2f\n", k, c, k / c }'

echo "rss_release   krait   $("$KRAIT" "$HERE/rss_release.py")   (before peak after, KiB)"
echo "rss_release   cpython $("$ORACLE" "$HERE/rss_release.py")"

gc_bench="$ROOT/../shared/bench/bm_gc_cycles.py"
if [ -f "$gc_bench" ]; then
    ko=$("$KRAIT" "$gc_bench" 2>&1)
    co=$("$ORACLE" "$gc_bench" 2>&1)
    if [ "$ko" = "$co" ]; then
        echo "gc_cycles     same output as cpython: $ko"
    else
        echo "gc_cycles     MISMATCH: krait '$ko' cpython '$co'"
    fi
fi
