# gc module, exception classes and groups, os/os.path, time, errno, inspect, asyncio basics
import gc, os, time, errno, inspect, asyncio, sys
print(gc.isenabled(), gc.get_threshold(), gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
class Node:
    def __init__(self): self.me = self
for _ in range(3):
    Node()
gc.collect()
print(gc.collect(), gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked({}), gc.is_tracked({"a": []}))
gc.disable(); print(gc.isenabled()); gc.enable()
gc.set_threshold(700, 5, 5); print(gc.get_threshold()); gc.set_threshold(2000, 10, 10)
try:
    gc.collect(5)
except ValueError as e:
    print("ValueError:", e)
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(OSError(2, "No such file or directory", "x"), type(OSError(13, "denied")).__name__, FileNotFoundError.__mro__[1].__name__)
print(str(KeyError("k")), repr(ValueError("a", 1)), SyntaxError("bad", ("f.py", 3, 4, "txt")))
eg = ExceptionGroup("grp", [ValueError(1), TypeError(2), ValueError(3)])
m, r = eg.split(ValueError)
print(eg, repr(m), repr(r), eg.subgroup(TypeError).exceptions)
e = ValueError("x"); e.add_note("n1"); print(e.__notes__)
try:
    raise ExceptionGroup("outer", [KeyError("k")])
except* KeyError as g:
    print("caught", repr(g))
print(os.path.join("a", "b", "/c"), os.path.splitext("x.tar.gz"), os.path.normpath("a/./b/../c"), os.path.basename("/p/q.txt"))
print(os.path.dirname("/p/q.txt"), os.path.isabs("/x"), os.path.relpath("/a/b/c", "/a"), os.path.commonpath(["/a/b", "/a/c"]))
print(os.sep, os.curdir, os.pardir, os.devnull, os.path.exists("/"), os.path.isdir("/"), type(os.getpid()).__name__)
print(errno.ENOENT, errno.errorcode[errno.EACCES], os.strerror(errno.ENOENT))
print(time.gmtime(0)[:6], time.strftime("%Y-%m-%d", time.gmtime(86400 * 400)), isinstance(time.time(), float))
def g(a, b=1, *c, d, **e) -> int: pass
print(inspect.signature(g), inspect.isfunction(g), inspect.isclass(int), inspect.getmodule(g).__name__)
async def work(n):
    await asyncio.sleep(0)
    return n * 2
async def main():
    r = await asyncio.gather(work(1), work(2))
    t = asyncio.create_task(work(5))
    q = asyncio.Queue()
    await q.put("item")
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.01)
    except TimeoutError:
        print("timed out")
    return r, await t, await q.get()
print(asyncio.run(main()))
