# objects whose release runs code at exit: cycles with __del__, a suspended generator, weakref callbacks, untracked instances
import os, weakref
class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self, write=os.write):
        write(1, ("del " + self.name + "\n").encode())
class Slotted:
    __slots__ = ()
    def __del__(self, write=os.write):
        write(1, b"del Slotted\n")
def gen(write=os.write):
    try:
        yield 1
    finally:
        write(1, b"generator closed\n")
g = gen(); next(g)
holder = [g]; holder.append(holder)
cycle = [Slotted()]; cycle.append(cycle)
del cycle
class Target:
    pass
t = Target(); t.me = t
ref = weakref.ref(t, lambda r, write=os.write: write(1, b"weakref callback\n"))
keep = Node("kept in globals")
Node("garbage")
print("end of program")
