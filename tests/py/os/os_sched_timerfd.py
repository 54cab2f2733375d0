# os: sched_param and sched_* calls, setres[ug]id, tc[gs]etpgrp, preadv/pwritev, splice, timerfd_*, unshare/setns and new constants
import os
import tempfile
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# ---- sched_param and scheduling
p = os.sched_param(3)
print(p, p.sched_priority, p[0], len(p), p == (3,), p.__reduce__())
print(os.sched_param(sched_priority=4), os.sched_param('x'))
print(os.sched_param.__mro__, os.sched_param.n_fields, os.sched_param.__doc__)
for f in [lambda: os.sched_param(), lambda: os.sched_param(1, 2), lambda: os.sched_param(x=1),
          lambda: os.sched_setparam(0, (1,)), lambda: os.sched_setparam(0, os.sched_param('x')),
          lambda: os.sched_setparam(0, os.sched_param(2**40)), lambda: os.sched_setparam(0, os.sched_param(5)),
          lambda: os.sched_setparam(0, os.sched_param(0)),
          lambda: os.sched_getparam(0), lambda: os.sched_getparam(-1), lambda: os.sched_getparam(2**40),
          lambda: os.sched_setscheduler(0, os.sched_getscheduler(0), os.sched_param(0)),
          lambda: os.sched_setscheduler(0, os.SCHED_OTHER, 0), lambda: os.sched_setscheduler(0, 99, os.sched_param(0)),
          lambda: os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(0)),
          lambda: type(os.sched_rr_get_interval(0)), lambda: os.sched_rr_get_interval(0) >= 0,
          lambda: os.sched_rr_get_interval(-1), lambda: os.sched_getparam('x'),
          lambda: os.sched_setparam(0, os.sched_param(1.5)), lambda: os.sched_setparam(0, os.sched_param(-1)),
          lambda: os.sched_setparam(0), lambda: os.sched_getparam()]:
    show(f)

# ---- ids and terminals
ids = os.getresuid(), os.getresgid()
for f in [lambda: os.setresuid(-1, -1, -1), lambda: os.setresgid(-1, -1, -1), lambda: os.setresuid(*os.getresuid()),
          lambda: os.setresgid(*os.getresgid()), lambda: os.setresuid(-2, -1, -1), lambda: os.setresuid('a', -1, -1),
          lambda: os.setresuid(2**40, -1, -1), lambda: os.setresuid(2**70, -1, -1), lambda: os.setresuid(-2**70, -1, -1),
          lambda: os.setresuid(1, 2), lambda: os.setresgid(2**32 - 1, -1, -1), lambda: os.setresgid(2**32, -1, -1),
          lambda: os.setresuid(1.5, -1, -1), lambda: os.setresgid(-1, 'x', -1),
          lambda: os.tcgetpgrp(-1), lambda: os.tcsetpgrp(-1, 1), lambda: os.tcgetpgrp('x'),
          lambda: os.tcsetpgrp(-1, 2**40), lambda: os.tcsetpgrp(-1, 'a'), lambda: os.tcsetpgrp(1)]:
    show(f)
print(ids == (os.getresuid(), os.getresgid()))
master, slave = os.openpty()
show(lambda: os.tcgetpgrp(slave))  # no controlling terminal here
os.close(master)
os.close(slave)

# ---- preadv / pwritev
with tempfile.TemporaryFile() as tf:
    fd = tf.fileno()
    print(os.pwritev(fd, [b'hello', bytearray(b' '), memoryview(b'world')], 0))
    print(os.pwritev(fd, [b'!!'], 11, os.RWF_DSYNC))
    bufs = [bytearray(3), bytearray(4), bytearray(10)]
    print(os.preadv(fd, bufs, 1), bufs)
    bufs = [bytearray(4)]
    print(os.preadv(fd, bufs, 6, os.RWF_HIPRI if False else 0), bufs)
    os.lseek(fd, 2, os.SEEK_SET)
    bufs = [bytearray(3)]
    print(os.preadv(fd, bufs, -1), bufs, os.lseek(fd, 0, os.SEEK_CUR))
    print(os.preadv(fd, [], 0), os.pwritev(fd, [], 0))
    for f in [lambda: os.preadv(-1, [bytearray(2)], 0), lambda: os.preadv(fd, [b'ab'], 0), lambda: os.preadv(fd, 1, 0),
              lambda: os.preadv(fd, [bytearray(1)], 'x'), lambda: os.pwritev(fd, ['a'], 0),
              lambda: os.preadv(fd, [bytearray(1)], 0, 2**40), lambda: os.preadv(fd, [bytearray(1)], 0, 'f'),
              lambda: os.pwritev(fd, 5, 0), lambda: os.preadv(fd, (bytearray(1),) * 2000, 0), lambda: os.preadv(fd),
              lambda: os.pwritev(fd, [b'a'], 2**70), lambda: os.pwritev(fd, [b'a'], 0, 0, 0)]:
        show(f)

# ---- splice
r, w = os.pipe()
with tempfile.TemporaryFile() as tf:
    fd = tf.fileno()
    os.write(fd, b'0123456789')
    print(os.splice(fd, w, 4, offset_src=3), os.read(r, 100))
    os.write(w, b'abcdef')
    print(os.splice(r, fd, 6, offset_dst=2, flags=os.SPLICE_F_MOVE | os.SPLICE_F_MORE), os.pread(fd, 20, 0))
    os.write(w, b'xyz')
    print(os.splice(src=r, dst=fd, count=2), os.pread(fd, 20, 0))
    print(os.read(r, 10))
    os.set_blocking(r, False)
    show(lambda: os.splice(r, fd, 5, flags=os.SPLICE_F_NONBLOCK))
    for f in [lambda: os.splice(r, w, 1, offset_src=5), lambda: os.splice(-1, w, 1), lambda: os.splice(r, w, -1),
              lambda: os.splice(r, w, 'x'), lambda: os.splice(r, w, 1, flags='a'), lambda: os.splice(r, w),
              lambda: os.splice(r, w, 1, 2, 3, 4, 5), lambda: os.splice(r, w, 1, offset_src=-1),
              lambda: os.splice(r, w, 1, offset_src=2**70), lambda: os.splice(r, w, 1, offset_src='a'),
              lambda: os.splice(r, w, 1, flags=-1), lambda: os.splice(r, w, 1, flags=2**40),
              lambda: os.splice(r, w, 1, flags=1.5), lambda: os.splice(r, w, 2**70), lambda: os.splice('a', w, 1)]:
        show(f)
os.close(r)
os.close(w)

# ---- timerfd
fd = os.timerfd_create(time.CLOCK_MONOTONIC, flags=os.TFD_CLOEXEC | os.TFD_NONBLOCK)
print(os.get_inheritable(fd), os.get_blocking(fd))
print(os.timerfd_gettime(fd), os.timerfd_gettime_ns(fd))
print(os.timerfd_settime(fd, initial=100, interval=50.5))
value, interval = os.timerfd_settime(fd, initial=200.0, interval=1.25)
print(95 < value <= 100, interval)
value, interval = os.timerfd_gettime(fd)
print(195 < value <= 200, interval)
value, interval = os.timerfd_settime_ns(fd, initial=10**11, interval=3)
print(195 * 10**9 < value <= 200 * 10**9, interval)
value, interval = os.timerfd_gettime_ns(fd)
print(95 * 10**9 < value <= 10**11, interval)
value, interval = os.timerfd_gettime(fd)
print(interval)
print(os.timerfd_settime(fd, initial=0, interval=2)[1], os.timerfd_gettime(fd))
show(lambda: os.read(fd, 8))
os.timerfd_settime_ns(fd, initial=1000)
time.sleep(0.01)
print(int.from_bytes(os.read(fd, 8), 'little'))
os.timerfd_settime(fd, initial=0.001, interval=0.001)
time.sleep(0.05)
print(int.from_bytes(os.read(fd, 8), 'little') >= 2)
os.timerfd_settime(fd)
now = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
os.timerfd_settime_ns(fd, flags=os.TFD_TIMER_ABSTIME, initial=now + 5 * 10**9)
print(4 * 10**9 < os.timerfd_gettime_ns(fd)[0] <= 5 * 10**9)

class FD:
    def fileno(self):
        return fd
print(os.timerfd_settime(FD())[1], os.timerfd_gettime(FD()))
for f in [lambda: os.timerfd_settime(fd, initial=-1.0), lambda: os.timerfd_settime(fd, interval=-1),
          lambda: os.timerfd_settime(fd, initial='x'), lambda: os.timerfd_settime(fd, initial=float('nan')),
          lambda: os.timerfd_settime(fd, initial=1e20), lambda: os.timerfd_settime_ns(fd, initial=-1),
          lambda: os.timerfd_settime_ns(fd, initial=2**64), lambda: os.timerfd_settime_ns(fd, initial=2**63),
          lambda: os.timerfd_settime_ns(fd, interval=-5), lambda: os.timerfd_settime_ns(fd, initial='x'),
          lambda: os.timerfd_settime(fd, initial=True), lambda: os.timerfd_settime(fd, initial=2**70),
          lambda: os.timerfd_settime(fd, initial=float('inf')), lambda: os.timerfd_settime(fd, flags=99),
          lambda: os.timerfd_settime(fd, flags='x'), lambda: os.timerfd_settime_ns(fd, initial=1.5),
          lambda: os.timerfd_settime(fd, 0), lambda: os.timerfd_settime(-1), lambda: os.timerfd_gettime(-1),
          lambda: os.timerfd_gettime_ns('x'), lambda: os.timerfd_create(99), lambda: os.timerfd_create('x'),
          lambda: os.timerfd_create(time.CLOCK_MONOTONIC, 0), lambda: os.timerfd_create(time.CLOCK_MONOTONIC, flags=12345678),
          lambda: os.timerfd_create(time.CLOCK_MONOTONIC, flags=2**40), lambda: os.timerfd_create(), lambda: os.timerfd_gettime()]:
    show(f)
os.close(fd)
show(lambda: os.timerfd_gettime(fd))

# ---- namespaces
r, w = os.pipe()
for f in [lambda: os.unshare(), lambda: os.unshare('x'), lambda: os.unshare(-1), lambda: os.unshare(flags=0),
          lambda: os.unshare(2**40), lambda: os.setns(-1), lambda: os.setns('x'), lambda: os.setns(fd=-1, nstype=0),
          lambda: os.setns(r), lambda: os.setns(r, os.CLONE_NEWNET), lambda: os.setns(r, nstype=2**40)]:
    show(f)
os.close(r)
os.close(w)

for name in sorted(dir(os)):
    if name.startswith(('CLONE_', 'MFD_HUGE', 'P_PIDFD', 'RWF_', 'SPLICE_F', 'TFD_')):
        print(name, getattr(os, name))
