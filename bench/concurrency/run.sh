#!/usr/bin/env bash
# Runs the concurrency measurements with Krait and the CPython oracle side by side and
# prints each metric with the Krait/CPython ratio.
#   bench/concurrency/run.sh [KRAIT_BINARY]   (default: build/krait)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
KRAIT=${1:-$ROOT/build/krait}
ORACLE=${ORACLE:-$ROOT/../shared/oracle}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kr-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
for bm in bm_gil_cpu bm_asyncio_echo bm_threadpool_sleep; do
    timeout 300 "$KRAIT" "$HERE/$bm.py" > "$TMP/k.$bm" 2>&1 || echo "krait $bm failed" >&2
    timeout 300 "$ORACLE" "$HERE/$bm.py" > "$TMP/o.$bm" 2>&1 || echo "oracle $bm failed" >&2
done
printf '%-28s %12s %12s %8s\n' metric krait cpython ratio
cat "$TMP"/k.* | while read -r key val; do
    oval=$(cat "$TMP"/o.* | awk -v k="$key" '$1 == k {print $2}')
    ratio=$(awk -v a="$val" -v b="$oval" 'BEGIN { if (b + 0 != 0) printf "%.2f", a / b; else print "-" }')
    printf '%-28s %12s %12s %8s\n' "$key" "$val" "${oval:--}" "$ratio"
done
