#!/usr/bin/env bash
# Regenerates every tests/py/**/<name>.py.exp with the oracle (CPython 3.13):
#   PYTHONHASHSEED=0 ../shared/oracle -X utf8 <name>.py > <name>.py.exp
# run with cwd = the test's folder (as tools/run_tests.sh runs Krait).
#   tools/regen_expected.sh [TEST.py...]   (default: all top-level tests/py/*/*.py)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ORACLE="$ROOT/../shared/oracle"
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1
unset PYTHONPATH PYTHONSTARTUP PYTHONWARNINGS PYTHONUNBUFFERED 2>/dev/null || true
if [ $# -gt 0 ]; then
    tests=("$@")
else
    tests=("$ROOT"/tests/py/*/*.py)
fi
for t in "${tests[@]}"; do
    [ -f "$t" ] || continue
    t=$(cd "$(dirname "$t")" && pwd)/$(basename "$t")
    (cd "$(dirname "$t")" && "$ORACLE" -X utf8 "$(basename "$t")" < /dev/null > "$t.exp" 2> /dev/null) || true
    echo "regenerated ${t#"$ROOT"/}.exp"
done
