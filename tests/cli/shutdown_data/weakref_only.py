# a weakref callback is the only code that cyclic garbage can run at exit
import os, weakref
class T:
    pass
t = T(); t.me = t
r = weakref.ref(t, lambda ref, write=os.write: write(1, b"weakref callback\n"))
del t
print("end")
