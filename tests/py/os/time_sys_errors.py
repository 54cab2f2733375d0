# time argument errors (sleep/gmtime/localtime/ctime), gmtime zone fields, sys.set_int_max_str_digits limits
import sys
import time

for arg in ["1", None, [], 1j, b"x", -1, float("nan")]:
    for f in (time.sleep, time.gmtime, time.localtime, time.ctime):
        if arg is None and f is not time.sleep:
            continue
        if isinstance(arg, int) and f is not time.sleep:
            continue
        try:
            f(arg)
            print(f.__name__, repr(arg), "ok")
        except Exception as e:
            print(f.__name__, repr(arg), type(e).__name__, e)
for big in (1e30, 2 ** 70):
    try:
        time.gmtime(big)
    except (OverflowError, OSError, ValueError) as e:
        print("gmtime", big, type(e).__name__, e)
g = time.gmtime(0)
print(g.tm_zone, g.tm_gmtoff, time.gmtime(1e9).tm_zone, time.gmtime(-1.5)[:6])
print(time.strftime("%Z", time.gmtime(0)), time.asctime(time.gmtime(0)))
old = sys.get_int_max_str_digits()
for v in (5, 639, -1):
    try:
        sys.set_int_max_str_digits(v)
    except ValueError as e:
        print("set_int_max_str_digits", v, e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
try:
    str(10 ** 700)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(old)
try:
    sys.set_int_max_str_digits("x")
except TypeError as e:
    print("TypeError", e)
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__,
      time.clock_getres(time.CLOCK_REALTIME), time.CLOCK_TAI)
for call in (lambda: time.clock_gettime(999), lambda: time.clock_settime(time.CLOCK_MONOTONIC, 0),
             lambda: time.clock_gettime("x")):
    try:
        call()
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
import threading
print(isinstance(time.pthread_getcpuclockid(threading.get_ident()), int))
