#!/usr/bin/env bash
# Builds Krait with ThreadSanitizer and runs the concurrency programs under it.
#   tools/tsan.sh [--no-build] [BUILD_DIR]        (default build/tsan)
# Programs: tests/py/concurrency/*.py, the threading/queue/asyncio/signal programs of
# ../shared/conformance/system (when present) and bench/concurrency at small sizes.
# Each runs with cwd = its folder; every TSan report (from the program and from any
# child it forks) is collected from log files, so a report is never lost in the
# program's own stderr. Prints one line per program and a summary; exits 1 when any
# program produced a report, 2 when the build failed.
#   TSAN_TIMEOUT=N   seconds per program (default 300: TSan slows Krait ~10x)
#   KEEP=1           keep the log directory and print its path
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
BUILD_STEP=1
if [ "${1:-}" = "--no-build" ]; then
    BUILD_STEP=0
    shift
fi
BUILD=${1:-build/tsan}
TIMEOUT=${TSAN_TIMEOUT:-300}

if [ "$BUILD_STEP" = 1 ]; then
    echo "building $BUILD ..."
    if ! make -j2 BUILD="$BUILD" OPT="-O1 -g -fsanitize=thread" \
            LDFLAGS_EXTRA=-fsanitize=thread > "${TMPDIR:-/tmp}/krait-tsan-build.$$" 2>&1; then
        tail -30 "${TMPDIR:-/tmp}/krait-tsan-build.$$"
        rm -f "${TMPDIR:-/tmp}/krait-tsan-build.$$"
        echo "tsan: build failed" >&2
        exit 2
    fi
    rm -f "${TMPDIR:-/tmp}/krait-tsan-build.$$"
fi
KRAIT=$ROOT/$BUILD/krait
[ -x "$KRAIT" ] || { echo "tsan: no interpreter at $KRAIT" >&2; exit 2; }

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/krait-tsan.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "logs in $LOGS"
else
    trap 'rm -rf "$LOGS"' EXIT
fi

export PYTHONHASHSEED=0 PYTHONUTF8=1 PYTHONIOENCODING=utf-8

CONF=$ROOT/../shared/conformance/system
PROGRAMS=()
for f in tests/py/concurrency/*.py; do PROGRAMS+=("$ROOT/$f"); done
for n in threading_basics queue_module asyncio_tasks asyncio_queues_streams \
         signal_handlers subprocess_children; do
    [ -f "$CONF/$n.py" ] && PROGRAMS+=("$CONF/$n.py")
done
# bench programs with "path|args" (small sizes: TSan is slow)
PROGRAMS+=("$ROOT/bench/concurrency/bm_gil_cpu.py|"
           "$ROOT/bench/concurrency/bm_asyncio_echo.py|10 50"
           "$ROOT/bench/concurrency/bm_threadpool_sleep.py|")

total=0
racy=0
other=0
for entry in "${PROGRAMS[@]}"; do
    prog=${entry%%|*}
    args=""
    case "$entry" in *"|"*) args=${entry#*|} ;; esac
    name=$(basename "$(dirname "$prog")")/$(basename "$prog" .py)
    tag=${name//\//_}
    total=$((total + 1))
    # shellcheck disable=SC2086
    (cd "$(dirname "$prog")" &&
        TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 die_after_fork=0 log_path=$LOGS/$tag.tsan" \
        timeout "$TIMEOUT" "$KRAIT" "$prog" $args < /dev/null \
            > "$LOGS/$tag.out" 2> "$LOGS/$tag.err")
    rc=$?
    reports=$(cat "$LOGS/$tag.tsan".* 2>/dev/null | grep -c '^WARNING: ThreadSanitizer')
    note=""
    if [ -z "$args" ] && [ -f "$prog.exp" ] && ! cmp -s "$LOGS/$tag.out" "$prog.exp"; then
        note=" (output differs from .exp)"
    fi
    if [ "$reports" -gt 0 ]; then
        racy=$((racy + 1))
        printf '%-40s %d report(s)%s\n' "$name" "$reports" "$note"
        cat "$LOGS/$tag.tsan".* | grep -E '^(WARNING|SUMMARY): ThreadSanitizer' | sort | uniq -c | head -20
    elif [ "$rc" = 124 ]; then
        other=$((other + 1))
        printf '%-40s timeout after %ss\n' "$name" "$TIMEOUT"
    elif [ "$rc" != 0 ] && [ "$rc" != 66 ]; then
        other=$((other + 1))
        printf '%-40s exit %s%s\n' "$name" "$rc" "$note"
        tail -5 "$LOGS/$tag.err"
    else
        printf '%-40s clean%s\n' "$name" "$note"
    fi
done
echo "tsan: $total programs, $racy with reports, $other failed otherwise"
if [ "$racy" -gt 0 ]; then
    [ "${KEEP:-0}" = 1 ] || echo "(KEEP=1 keeps the full reports)"
    exit 1
fi
exit 0
