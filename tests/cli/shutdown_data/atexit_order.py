# atexit handlers run before module teardown; finalizers after them see cleared state
import atexit, os
class A:
    def __del__(self, write=os.write):
        write(1, b"del A (cycle)\n")
a = A(); a.me = a
del a
atexit.register(lambda: print("atexit 1"))
atexit.register(lambda: print("atexit 2"))
print("main done")
