# cProfile/pstats: Profile (enable/disable, runcall, runctx, context manager), Stats sorting/restrictions/callers/callees, dump and load, add, strip_dirs (built-in rows filtered)
import cProfile
import io
import os
import pstats
import re
import tempfile
from pstats import SortKey


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work(k):
    total = 0
    for i in range(k):
        total += fib(i)
    return helper(total)


def helper(x):
    return x * 2


def show(stats_text):
    # times vary and built-in rows depend on the interpreter: mask and drop them
    for line in stats_text.splitlines():
        if "{" in line or "<frozen" in line or "List reduced" in line:
            continue
        line = re.sub(r"\d+\.\d{3}", "T", line)
        line = re.sub(r"^( +)\d+ function calls( \(\d+ primitive calls\))?", r"\1N function calls", line)
        line = re.sub(r"List reduced from \d+", "List reduced from N", line)
        print(line.rstrip())


p = cProfile.Profile()
p.enable()
work(6)
p.disable()
out = io.StringIO()
st = pstats.Stats(p, stream=out)
st.strip_dirs().sort_stats("calls", "name").print_stats()
show(out.getvalue())

print("--- runcall / sort keys")
p = cProfile.Profile()
print("result:", p.runcall(work, 5))
st = pstats.Stats(p, stream=io.StringIO())
for key in ("ncalls", "name", "nfl", "stdname", "line", "pcalls", SortKey.NAME, "na", "cumulative", "tottime"):
    st.sort_stats(key)
    print(key, "->", st.sort_type)
st.stream = out = io.StringIO()
st.strip_dirs().sort_stats(SortKey.PCALLS, SortKey.NAME).print_stats("fib|helper")
show(out.getvalue())
st.stream = out = io.StringIO()
st.sort_stats("name").print_stats("cprofile", 2)
show(out.getvalue())
st.stream = out = io.StringIO()
st.sort_stats("name").print_stats("fib|helper", 1)
show(out.getvalue())
st.stream = out = io.StringIO()
st.sort_stats("name").print_callers("fib|helper")
show(out.getvalue())
st.stream = out = io.StringIO()
st.sort_stats("name").print_callees("work")
show(out.getvalue())
st.stream = out = io.StringIO()
st.sort_stats("name").reverse_order().print_stats("cprofile_pstats")
show(out.getvalue())

print("--- context manager, runctx, dump and load, add")
with cProfile.Profile() as p:
    helper(3)
    fib(4)
p2 = cProfile.Profile()
p2.runctx("work(3)", globals(), {})
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "out.prof")
    p2.dump_stats(path)
    loaded = pstats.Stats(path, stream=io.StringIO())
    print("files:", [os.path.basename(f.split()[-1]) for f in loaded.files])
    combined = pstats.Stats(p, stream=io.StringIO()).add(loaded)
    combined.strip_dirs().sort_stats("name")
    names = sorted(f[2] for f in combined.stats if f[0] != "~")
    print("functions:", names)
    fibrow = [v for k, v in combined.stats.items() if k[2] == "fib"][0]
    print("fib calls:", fibrow[0], fibrow[1])
    path2 = os.path.join(d, "again.prof")
    combined.dump_stats(path2)
    print("reloaded:", sorted(f[2] for f in pstats.Stats(path2).stats if f[0] != "~"))

prof = pstats.Stats(p, stream=io.StringIO()).get_stats_profile() if False else None
entries = {e.code.co_name: (e.callcount, e.reccallcount) for e in p.getstats() if not isinstance(e.code, str)}
print("getstats:", sorted(entries.items()))
print("entry fields:", type(p.getstats()[0]).__name__, len(p.getstats()[0]))

print("--- errors")
try:
    pstats.Stats(cProfile.Profile())
except TypeError as e:
    print("TypeError:", re.sub(r"object at 0x[0-9a-f]+", "object", str(e)))
try:
    st.sort_stats("calls", SortKey.NAME, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    st.sort_stats("nosuchkey")
except KeyError as e:
    print("KeyError:", e)
print(SortKey("ncalls"), SortKey.CUMULATIVE.value, list(SortKey)[:3])
print(pstats.func_std_string(("~", 0, "<built-in method builtins.len>")), pstats.func_std_string(("a.py", 3, "f")), pstats.f8(1 / 3))
