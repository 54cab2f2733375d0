# gc.callbacks run for the first shut-down collection only, while modules are intact
import gc, os
def cb(phase, info):
    os.write(1, ("cb %s gen=%s collected=%s\n" % (phase, info["generation"], info["collected"])).encode())
gc.callbacks.append(cb)
class A:
    def __del__(self):
        os.write(1, b"del A\n")
a = A(); a.self = a
del a
print("end")
