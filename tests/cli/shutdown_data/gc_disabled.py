# after gc.disable(), the later shut-down collections still find cyclic garbage
import gc, os
gc.disable()
class A:
    def __del__(self):
        os.write(1, b"del A\n")
a = A(); a.self = a
del a
print("end")
