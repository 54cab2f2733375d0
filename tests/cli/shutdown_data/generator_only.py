# a suspended generator inside a cycle is closed at exit (its finally block runs)
import os
def gen(write=os.write):
    try:
        yield 1
    finally:
        write(1, b"generator closed\n")
g = gen(); next(g)
box = [g]; box.append(box)
del g, box
print("end")
