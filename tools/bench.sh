#!/usr/bin/env bash
# Benchmarks Krait against the oracle (CPython 3.13), side by side in one run.
#
#   tools/bench.sh [-n RUNS] [--shared] [KRAIT] [BENCH...]
#
# Runs every bench/bm_*.py (or the BENCH names given) with the oracle and KRAIT
# (default build/krait) alternately RUNS times (default 3) and prints, per benchmark,
# the best wall time, the best CPU time (user+sys) and peak RSS of each, the ratio
# oracle/krait of CPU time (higher = Krait faster; CPU time is steadier than wall
# time on a shared machine), and whether the outputs match. Ends with the geometric
# means of both ratios. --shared first runs the shared suite (../shared/bench/run.sh).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=3
SHARED=0
KRAIT=""
NAMES=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) RUNS=$2; shift 2 ;;
        --shared) SHARED=1; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) if [ -z "$KRAIT" ] && [ -x "$1" ] && [ ! -d "$1" ]; then KRAIT=$1; else NAMES+=("$1"); fi
           shift ;;
    esac
done
KRAIT=${KRAIT:-$ROOT/build/krait}
KRAIT="$(cd "$(dirname "$KRAIT")" && pwd)/$(basename "$KRAIT")"
ORACLE="$ROOT/../shared/oracle"
if [ "$SHARED" = 1 ] && [ -x "$ROOT/../shared/bench/run.sh" ]; then
    "$ROOT/../shared/bench/run.sh" --ref "$ORACLE" "$KRAIT"
    echo
fi
exec python3 - "$ROOT" "$ORACLE" "$KRAIT" "$RUNS" "${NAMES[@]}" <<'PYEOF'
import glob, math, os, subprocess, sys, tempfile

root, oracle, krait, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
names = sys.argv[5:]
if names:
    paths = []
    for n in names:
        n = os.path.basename(n)
        n = n if n.startswith("bm_") else "bm_" + n
        n = n if n.endswith(".py") else n + ".py"
        paths.append(os.path.join(root, "bench", n))
else:
    paths = sorted(glob.glob(os.path.join(root, "bench", "bm_*.py")))
TIME = "/usr/bin/time"

def run(cmd, path):
    """(wall, cpu, peak_rss_kb, stdout) of one run; /usr/bin/time keeps the runner's own
    memory out of the child's peak RSS."""
    with tempfile.NamedTemporaryFile("r") as tf:
        if os.access(TIME, os.X_OK):
            full = [TIME, "-f", "%e %U %S %M", "-o", tf.name, cmd, path]
        else:
            full = [cmd, path]
        p = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           cwd=os.path.dirname(path))
        fields = tf.read().split() if os.access(TIME, os.X_OK) else []
    if p.returncode != 0 or len(fields) < 4:
        return None, None, None, p.stdout
    wall, user, sys_, rss = fields[-4:]
    return float(wall), float(user) + float(sys_), int(rss), p.stdout

print("# krait: %s | oracle: %s | best of %d runs each, alternating" % (krait, oracle, runs))
hdr = "%-26s %8s %8s %8s %8s %7s %7s %9s %9s  %s" % (
    "benchmark", "ref wall", "kr wall", "ref cpu", "kr cpu", "wall x", "cpu x",
    "ref rss", "kr rss", "status")
print(hdr)
print("-" * len(hdr))
ratios_wall, ratios_cpu, failed = [], [], 0
for path in paths:
    name = os.path.basename(path)[3:-3]
    best = {"ref": [None, None, 0], "kr": [None, None, 0]}
    outs = {}
    ok = True
    for _ in range(runs):
        for tag, cmd in (("ref", oracle), ("kr", krait)):
            wall, cpu, rss, out = run(cmd, path)
            outs[tag] = out
            if wall is None:
                ok = False
                continue
            b = best[tag]
            b[0] = wall if b[0] is None else min(b[0], wall)
            b[1] = cpu if b[1] is None else min(b[1], cpu)
            b[2] = max(b[2], rss)
    r, k = best["ref"], best["kr"]
    if not ok or r[0] is None or k[0] is None:
        status = "FAILED"
    elif outs["ref"] != outs["kr"]:
        status = "MISMATCH"
    else:
        status = "ok"
    if status != "ok":
        failed += 1
        print("%-26s %s" % (name, status))
        continue
    rw = r[0] / max(k[0], 1e-6)
    rc = r[1] / max(k[1], 1e-6)
    ratios_wall.append(rw)
    ratios_cpu.append(rc)
    print("%-26s %8.3f %8.3f %8.3f %8.3f %7.2f %7.2f %8dK %8dK  %s" % (
        name, r[0], k[0], r[1], k[1], rw, rc, r[2], k[2], status))
print("-" * len(hdr))
def geo(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")
print("geomean speedup vs oracle: wall %.2f, cpu %.2f (%d benchmarks, %d failed)" % (
    geo(ratios_wall), geo(ratios_cpu), len(ratios_wall), failed))
PYEOF
