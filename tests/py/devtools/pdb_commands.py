# pdb: a scripted session (Pdb with stdin/stdout streams): run/runcall/set_trace/post_mortem, break/tbreak/condition/ignore/disable, step/next/return/until, where/up/down, list/ll, p/pp/args/retval/whatis/display, !statements, help, bdb breakpoints
import io
import os
import pdb
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILE = os.path.abspath(__file__)


def clean(text):
    out = []
    skipping = False
    for line in text.splitlines():
        line = line.replace(FILE, "<test>").replace(HERE + os.sep, "")
        # frames of the debugger's own modules (and their source lines) differ
        if "<frozen" in line or "pdb.py" in line or "bdb.py" in line:
            skipping = True
            continue
        if skipping and line.startswith("-> "):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)


def session(commands, action):
    out = io.StringIO()
    dbg = pdb.Pdb(stdin=io.StringIO("\n".join(commands) + "\n"), stdout=out)
    try:
        action(dbg)
    except Exception as e:
        out.write(f"[{type(e).__name__}: {e}]\n")
    print(clean(out.getvalue()))
    print("=" * 20)


def square(n):
    result = n * n
    return result


def total(items):
    acc = 0
    for item in items:
        acc += square(item)
    label = "sum"
    return acc


class Box:
    def __init__(self, value):
        self.value = value

    def double(self):
        return self.value * 2


session(["s", "n", "n", "p acc", "args", "s", "s", "where", "up", "p items", "down",
         "r", "retval", "rv", "c"],
        lambda d: d.runcall(total, [1, 2]))

session(["b square", "b", "c", "p n", "bt", "cl 1", "tbreak 48", "c", "p acc", "b",
         "c"],
        lambda d: d.runcall(total, [3, 4]))

session(["b 46, item == 3", "c", "p item", "condition 1", "ignore 1 1", "c", "p item",
         "disable 1", "b", "enable 1", "clear 1", "c"],
        lambda d: d.runcall(total, [1, 2, 3, 4]))

session(["n", "n", "l", "l", "ll", "until", "until", "whatis items", "whatis square",
         "whatis Box", "whatis Box(1).double", "display acc", "display", "n", "undisplay acc", "display",
         "pp {'k': list(range(3))}", "p undefined_name", "p", "!acc = 100", "p acc",
         "acc * 2", "c"],
        lambda d: d.runcall(total, [5, 6]))

session(["b 99999", "b nosuchfunc", "b 1", "cl 7", "enable x", "disable 42", "up", "down",
         "unknowncmd", "c"],
        lambda d: d.runcall(square, 3))

session(["s", "s", "p n", "c"], lambda d: d.run("square(7)", globals()))


def crash():
    data = {"a": 1}
    return data["missing"]


try:
    crash()
except KeyError:
    tb = sys.exc_info()[2]
    out = io.StringIO()
    dbg = pdb.Pdb(stdin=io.StringIO("bt\np data\nl\nq\n"), stdout=out)
    dbg.reset()
    dbg.interaction(None, tb)
    print(clean(out.getvalue()))
    print("=" * 20)


def traced():
    x = 1
    dbg = pdb.Pdb(stdin=io.StringIO("p x\nn\nn\np x, y\nc\n"), stdout=io.StringIO())
    dbg.set_trace()
    y = x + 1
    x = y * 10
    print(clean(dbg.stdout.getvalue()))
    return x


print("traced ->", traced())
print("=" * 20)

out = io.StringIO()
pdb.Pdb(stdin=io.StringIO("help\nq\n"), stdout=out).runcall(square, 1)
print(out.getvalue().replace(FILE, "<test>"))
import bdb
print([str(b).replace(FILE, "<test>") for b in bdb.Breakpoint.bpbynumber if b])
