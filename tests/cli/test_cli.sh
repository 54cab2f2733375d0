#!/usr/bin/env bash
# Command-line behaviour of krait compared with CPython 3.13: for each case the exit
# status, stdout and stderr are recorded from the oracle in exp/<case>.txt (with the
# interpreter path and the working directory replaced by placeholders).
#   tests/cli/test_cli.sh [KRAIT]     check krait (default: build/krait)
#   tests/cli/test_cli.sh --regen     record the expected files from the oracle
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
REGEN=0
if [ "${1:-}" = "--regen" ]; then
    REGEN=1
    PY=$("$ROOT/../shared/oracle" --which)
else
    PY=${1:-$ROOT/build/krait}
    case "$PY" in /*) ;; *) PY="$(pwd)/$PY" ;; esac
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/krait-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1
unset PYTHONPATH PYTHONSTARTUP PYTHONWARNINGS PYTHONUNBUFFERED PYTHONINSPECT 2>/dev/null || true
cd "$HERE/data"
passed=0
failed=0

# run NAME STDIN-TEXT ARGS...   (stdin text "-" means /dev/null)
run() {
    local name=$1 input=$2
    shift 2
    if [ "$input" = "-" ]; then
        "$PY" "$@" < /dev/null > "$TMP/out" 2> "$TMP/err"
    else
        printf '%s' "$input" | "$PY" "$@" > "$TMP/out" 2> "$TMP/err"
    fi
    local rc=$?
    {
        echo "rc: $rc"
        echo "--- stdout"
        cat "$TMP/out"
        echo "--- stderr"
        cat "$TMP/err"
    } | sed -e "s#$PY#PYTHON#g" -e "s#$HERE/data#CWD#g" > "$TMP/result"
    if [ $REGEN = 1 ]; then
        cp "$TMP/result" "$HERE/exp/$name.txt"
    elif cmp -s "$TMP/result" "$HERE/exp/$name.txt"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        diff -u "$HERE/exp/$name.txt" "$TMP/result" | head -20
    fi
}

run c_print - -c 'print(1 + 1)'
run c_argv - -c 'import sys; print(sys.argv)' a -b --c
run script_args - script.py x y
run stdin_pipe 'import sys; print("from stdin", sys.argv)' 
run stdin_dash 'import sys; print(sys.argv)' - arg1
run module_run - -m mod_main p q
run module_pkg - -m clipkg
run module_missing - -m no_such_module_here
run module_lib_argv0 - -m doctest --no-such-option
run version - -V
run version_long - --version
run unknown_option - -z
run unknown_long_option - --frobnicate
run missing_c_arg - -c
run missing_m_arg - -m
run missing_file - no_such_file.py
run traceback - fail.py
run exit_message - -c 'import sys; sys.exit("bye now")'
run exit_code - -c 'raise SystemExit(5)'
run exit_none - -c 'raise SystemExit(None)'
run exit_large - -c 'import sys; sys.exit(256 + 7)'
run optimize - -O -c 'assert False, "not raised"; print(__debug__)'
run xoptions - -X utf8 -X key=val -c 'import sys; print(sorted(sys._xoptions.items()))'
run flags - -B -s -S -q -c 'import sys; print(sys.flags.dont_write_bytecode, sys.flags.no_user_site, sys.flags.no_site, sys.flags.quiet)'
run unbuffered - -u -c 'import sys; print(sys.stdout.write_through); print("x", file=sys.stderr)'
run pythonpath - -c 'import sys; print("extra_dir" in sys.path[1])'
PYTHONPATH="$HERE/data/extra_dir" run pythonpath_env - -c 'import sys; print(sys.path[1].endswith("extra_dir"))'
PYTHONPATH="$HERE/data/extra_dir" run ignore_env - -E -c 'import sys; print(any(p.endswith("extra_dir") for p in sys.path))'
run syntax_error - -c 'x = (1,'
run keyboard_interrupt_caught - -c 'try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print("caught")'
run stdout_then_stderr - -c 'import sys; print("out1"); print("err1", file=sys.stderr); print("out2")'
run interactive_pipe 'x = 6 * 7
x
' -i -q

if [ $REGEN = 1 ]; then
    echo "recorded $(ls "$HERE/exp" | wc -l) cases"
    exit 0
fi
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
