#!/usr/bin/env bash
# Developer tools from the command line compared with CPython 3.13: -m unittest,
# -m cProfile, -m pdb (commands piped on stdin) and -m timeit. For each case the exit
# status, stdout and stderr are recorded from the oracle in devtools_exp/<case>.txt, after
# a filter removes what legitimately varies: times, the interpreter's own library paths
# and frames, and (for profiles) rows of built-in functions.
#   tests/cli/test_devtools.sh [KRAIT]     check krait (default: build/krait)
#   tests/cli/test_devtools.sh --regen     record the expected files from the oracle
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
TMP=$(mktemp -d "${TMPDIR:-/tmp}/krait-devtools.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1
unset PYTHONPATH PYTHONSTARTUP PYTHONWARNINGS PYTHONUNBUFFERED PYTHONINSPECT 2>/dev/null || true
cd "$HERE/devtools_data"
passed=0
failed=0

# Filters (stdin -> stdout).
f_none() { cat; }
f_time() { sed -E 's/in [0-9]+\.[0-9]+s$/in <time>/'; }
# Drops frames of the debugger/runner modules themselves (their paths and source
# lines differ between interpreters) and the line(s) printed under them.
f_lib() {
    awk '/<frozen |lib\/python3|\/lib\/(pdb|bdb|runpy|cProfile|profile)\.py/ {skip=1; next}
         skip && /^(-> |    )/ {next}
         {skip=0; print}'
}
f_ut() { f_time | f_lib; }
f_prof() {
    grep -v -e '{' -e '<frozen' | sed -E -e 's/[0-9]+\.[0-9]{3}/T/g' \
        -e 's/^( +)[0-9]+ function calls( \([0-9]+ primitive calls\))?/\1N function calls/'
}
f_timeit() {
    grep -v -e 'likely unreliable' | sed -E 's/: [0-9.e+-]+ (nsec|usec|msec|sec) per loop/: X per loop/'
}

# run NAME FILTER STDIN-TEXT ARGS...   (stdin text "-" means /dev/null)
run() {
    local name=$1 filter=$2 input=$3
    shift 3
    if [ "$input" = "-" ]; then
        "$PY" "$@" < /dev/null > "$TMP/out" 2> "$TMP/err"
    else
        printf '%s' "$input" | "$PY" "$@" > "$TMP/out" 2> "$TMP/err"
    fi
    local rc=$?
    {
        echo "rc: $rc"
        echo "--- stdout"
        $filter < "$TMP/out"
        echo "--- stderr"
        $filter < "$TMP/err"
    } | sed -e "s#$PY#PYTHON#g" -e "s#$HERE/devtools_data#CWD#g" > "$TMP/result"
    if [ $REGEN = 1 ]; then
        cp "$TMP/result" "$HERE/devtools_exp/$name.txt"
    elif cmp -s "$TMP/result" "$HERE/devtools_exp/$name.txt"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        diff -u "$HERE/devtools_exp/$name.txt" "$TMP/result" | head -30
    fi
}

run unittest_verbose f_time - -m unittest -v sample_tools
run unittest_failures f_time - -m unittest failing_tests
run unittest_buffer_failfast f_time - -m unittest -b -f failing_tests
run unittest_select f_time - -m unittest -k dict -k ok -v failing_tests
run unittest_names f_time - -m unittest -v failing_tests.Failing.test_ok sample_tools.SampleTests.test_fib
run unittest_discover f_time - -m unittest discover -s checks -p 'check_*.py' -v
run unittest_discover_default f_time - -m unittest -q
run unittest_main_script f_time - failing_tests.py -q Failing.test_ok
run unittest_bad_name f_ut - -m unittest -v failing_tests.Nope sample_tools.SampleTests.test_fib
run cprofile_script f_prof - -m cProfile -s name debugme.py
run cprofile_stdname f_prof - -m cProfile -s stdname debugme.py
run cprofile_bad_sort f_none - -m cProfile -s bogus debugme.py
run cprofile_no_args f_none - -m cProfile
run pdb_session f_lib $'b scale\nc\nargs\nn\nn\np result, v\nwhere\nup\np data\ndown\nl\nr\nretval\ncl 1\ntbreak 12\nc\nc\nq\n' -m pdb debugme.py
run pdb_step_display f_lib $'n\nn\ns\nn\nn\ns\ndisplay v\nn\nn\nn\nn\nundisplay\nll\nwhatis scale\nwhatis data\nc\n' -m pdb debugme.py
run pdb_post_mortem f_lib $'c\nbt\np mapping\nup\np table\nq\n' -m pdb crashes.py
run pdb_missing_file f_none - -m pdb no_such_file.py
run timeit_basic f_timeit - -m timeit -n 20 -r 3 'sum(range(10))'
run timeit_setup f_timeit - -m timeit -n 5 -r 2 -s 'from sample_tools import fib' 'fib(10)'
run timeit_bad_unit f_none - -m timeit -u parsecs pass

echo "test_devtools: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
