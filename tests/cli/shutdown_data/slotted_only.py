# an instance the collector does not track (no __dict__, no slots) reached only from a cycle
import os
class Slotted:
    __slots__ = ()
    def __del__(self, write=os.write):
        write(1, b"del Slotted\n")
cycle = [Slotted()]; cycle.append(cycle)
del cycle
print("end")
