# signal.sigwait/sigwaitinfo/sigtimedwait with blocked signals, struct_siginfo, argument errors, pidfd_send_signal
import os
import signal
import threading

for f in [lambda: signal.sigwait(1), lambda: signal.sigwaitinfo([0]), lambda: signal.sigwait([1000]), lambda: signal.sigwait(['a']),
          lambda: signal.sigtimedwait([], -1), lambda: signal.sigtimedwait([], 'x'), lambda: signal.sigtimedwait([], 0),
          lambda: signal.sigtimedwait([], 0.001), lambda: signal.sigtimedwait([signal.SIGUSR1], 0.01),
          lambda: signal.sigtimedwait([signal.SIGUSR1], float('nan')), lambda: signal.sigtimedwait([signal.SIGUSR1], 1e30),
          lambda: signal.sigtimedwait([signal.SIGUSR1], 2**70), lambda: signal.sigtimedwait([signal.SIGUSR1], 2**40), lambda: signal.sigtimedwait([signal.SIGUSR1], -2**40), lambda: signal.sigtimedwait([0], -1),
          lambda: signal.sigwaitinfo(1), lambda: signal.sigtimedwait([]), lambda: signal.sigtimedwait([2**70], 0),
          lambda: signal.pidfd_send_signal(-1, 0), lambda: signal.pidfd_send_signal(0, 0, 1),
          lambda: signal.pidfd_send_signal(-1, 0, None, 1), lambda: signal.pidfd_send_signal('x', 0),
          lambda: signal.pidfd_send_signal(), lambda: signal.pthread_sigmask(signal.SIG_BLOCK, [0]),
          lambda: signal.struct_siginfo((1, 2, 3)), lambda: signal.struct_siginfo((1, 2, 3, 4, 5, 6, 7))]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(signal.struct_siginfo.__module__, signal.struct_siginfo.n_fields, signal.struct_siginfo.__doc__)
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
signal.raise_signal(signal.SIGUSR1)
print(sorted(signal.sigpending()))
i = signal.sigwaitinfo([signal.SIGUSR1])
print(i.si_signo, i.si_code, i.si_errno, i.si_pid == os.getpid(), i.si_uid == os.getuid(), i.si_status, type(i).__name__, len(i), i[0])
signal.pthread_kill(threading.get_ident(), signal.SIGUSR2)
print(int(signal.sigwait([signal.SIGUSR2, signal.SIGUSR1])))
signal.raise_signal(signal.SIGUSR1)
i = signal.sigtimedwait({signal.SIGUSR1}, 1)
print(i.si_signo, i.si_code, i.si_pid == os.getpid())
print(signal.sigtimedwait({signal.SIGUSR1}, 0.05))

# A handled signal arriving from another thread while we wait for a blocked one.
got = []
signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
def sender():
    import time
    time.sleep(0.05)
    signal.pthread_kill(threading.main_thread().ident, signal.SIGALRM)
    time.sleep(0.05)
    signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR2)
t = threading.Thread(target=sender)
t.start()
print(signal.sigtimedwait([signal.SIGUSR2], 5).si_signo, got)
t.join()
t = threading.Thread(target=sender)
t.start()
print(signal.sigwaitinfo([signal.SIGUSR2]).si_signo, got)
t.join()
signal.signal(signal.SIGALRM, signal.SIG_DFL)

# pidfd_send_signal to a child
pid = os.fork()
if pid == 0:
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    while True:
        signal.pause()
fd = os.pidfd_open(pid)
signal.pidfd_send_signal(fd, signal.SIGTERM)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM)
try:
    signal.pidfd_send_signal(fd, signal.SIGTERM)
except OSError as e:
    print('after exit:', type(e).__name__, e.errno)
os.close(fd)
signal.pthread_sigmask(signal.SIG_SETMASK, old)
print('done')
