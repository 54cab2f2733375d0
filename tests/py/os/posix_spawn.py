# os.posix_spawn/posix_spawnp: argv/env, file actions, process-group/session/signal/scheduler attributes, errors; os.forkpty
import os
import signal
import sys
import tempfile

PY = sys.executable
SH = '/bin/sh'


def run(pid):
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def child_output(code, **kw):
    r, w = os.pipe()
    actions = [(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)] + kw.pop('file_actions', [])
    pid = os.posix_spawn(PY, [PY, '-c', code], kw.pop('env', os.environ), file_actions=actions, **kw)
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    return run(pid), b''.join(chunks).decode()


print(run(os.posix_spawn(SH, [SH, '-c', 'exit 3'], {})))
print(run(os.posix_spawn(SH, (SH, '-c', 'exit $X'), {'X': '7'})))
print(run(os.posix_spawnp('sh', ['sh', '-c', 'exit 5'], os.environ)))
print(run(os.posix_spawn(os.fsencode(SH), [b'sh', b'-c', b'exit 2'], {b'A': b'1'})))
print(child_output('import os; print(os.environ.get("K"), os.environ.get("HOME"))', env={'K': 'v', '=x': 'y'}))

with tempfile.TemporaryDirectory() as d:
    out = os.path.join(d, 'out.txt')
    pid = os.posix_spawn(SH, [SH, '-c', 'echo hello; echo err >&2'], {},
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
                                       (os.POSIX_SPAWN_DUP2, 1, 2)])
    print(run(pid))
    with open(out) as f:
        print(repr(f.read()))
    # CLOSEFROM: only 0-2 survive in the child
    fd = os.open(out, os.O_RDONLY)
    os.set_inheritable(fd, True)
    print(child_output(f'import os\ntry:\n os.fstat({fd}); print("open")\nexcept OSError: print("closed")'))
    print(child_output(f'import os\ntry:\n os.fstat({fd}); print("open")\nexcept OSError: print("closed")',
                       file_actions=[(os.POSIX_SPAWN_CLOSEFROM, 3)]))
    os.close(fd)

print(child_output('import os; print(os.getpgid(0) == os.getpid())', setpgroup=0))
print(child_output('import os; print(os.getpgid(0) == os.getpid())'))
print(child_output('import os; print(os.getsid(0) == os.getpid())', setsid=True))
print(child_output('import os; print(os.getsid(0) == os.getpid())', resetids=True))
print(child_output('import signal; print(signal.SIGUSR1 in signal.pthread_sigmask(signal.SIG_BLOCK, []))',
                   setsigmask=[signal.SIGUSR1]))
old = signal.signal(signal.SIGUSR2, signal.SIG_IGN)
print(child_output('import signal; print(signal.getsignal(signal.SIGUSR2))'))
print(child_output('import signal; print(signal.getsignal(signal.SIGUSR2))', setsigdef=[signal.SIGUSR2]))
signal.signal(signal.SIGUSR2, old)
print(child_output('import os; print(os.sched_getscheduler(0) == os.SCHED_OTHER)',
                   scheduler=(os.SCHED_OTHER, os.sched_param(0))))
print(child_output('print(1)', scheduler=(None, os.sched_param(0))))

T = '/bin/true'
E = {}
for f in [lambda: os.posix_spawn(T, 'x', E), lambda: os.posix_spawn(T, [], E), lambda: os.posix_spawn(T, [T], 1),
          lambda: os.posix_spawn(T, [T], E, file_actions=1), lambda: os.posix_spawn(T, [T], E, file_actions=[1]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[()]), lambda: os.posix_spawn(T, [T], E, file_actions=[(99,)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[('x',)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_OPEN,)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_OPEN, 1, '/x', 0, 0, 9)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_CLOSE,)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_CLOSE, 'a')]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_DUP2, 1)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_CLOSEFROM,)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_OPEN, 1, 5, 0, 0)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_OPEN, 1, '/x', 'a', 0)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_CLOSE, -5)]),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_CLOSE, 2**40)]),
          lambda: os.posix_spawn(T, [T], E, setpgroup='a'), lambda: os.posix_spawn(T, [T], E, setsigmask=1),
          lambda: os.posix_spawn(T, [T], E, setsigmask=[0]), lambda: os.posix_spawn(T, [T], E, setsigdef=[99]),
          lambda: os.posix_spawn(T, [T], E, scheduler=1), lambda: os.posix_spawn(T, [T], E, scheduler=(1,)),
          lambda: os.posix_spawn(T, [T], E, scheduler=(None, 1)),
          lambda: os.posix_spawn(T, [T], E, scheduler=('a', os.sched_param(0))),
          lambda: os.posix_spawn(T, [T], E, x=1), lambda: os.posix_spawn(T, [T]), lambda: os.posix_spawn(T, [T], E, 1),
          lambda: os.posix_spawn('/nonexistent', ['x'], E), lambda: os.posix_spawnp('nonexistent-prog-xyz', ['x'], E),
          lambda: os.posix_spawn(1, [T], E), lambda: os.posix_spawnp(1, [T], E), lambda: os.posix_spawn(T, [1], E),
          lambda: os.posix_spawn(T, [T], {1: 2}), lambda: os.posix_spawn(T, [T], {'a=b': 'c'}),
          lambda: os.posix_spawn(T, [T], {'': 'c'}), lambda: os.posix_spawn(T, [T], {'a': 'c\0'}),
          lambda: os.posix_spawn(T, ['a\0'], E), lambda: os.posix_spawn(T + '\0', [T], E), lambda: os.posix_spawn(T, [''], E),
          lambda: os.posix_spawn(T, [T], E, setpgroup=None), lambda: os.posix_spawn(T, [T], E, scheduler=None),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_OPEN, 1, '/x', 0, 0)], setpgroup=2**40),
          lambda: os.posix_spawn(T, [T], E, scheduler=(os.SCHED_FIFO, os.sched_param(0))),
          lambda: os.posix_spawn(T, [T], E, file_actions=[(os.POSIX_SPAWN_DUP2, 99, 1)]),
          lambda: os.posix_spawn(T, [T], E, scheduler=(None, os.sched_param(2**40))),
          lambda: os.posix_spawn(T, [T], E, scheduler=(None, 5)),
          lambda: os.posix_spawn(T, [T], E, file_actions=[[os.POSIX_SPAWN_CLOSE, 5]]),
          lambda: os.posix_spawn(T, [T], E, file_actions='ab'),
          lambda: os.posix_spawn(T, [1], 1), lambda: os.posix_spawn(T, ['a'], {}, setpgroup='x', setsigmask=[0]),
          lambda: os.posix_spawn(T, ['a'], {}, scheduler=(0, 0), setsigmask=[0], setsigdef=[0])]:
    try:
        res = f()
        print('exit', run(res))
    except Exception as e:
        print(type(e).__name__, e)

print(os.POSIX_SPAWN_OPEN, os.POSIX_SPAWN_CLOSE, os.POSIX_SPAWN_DUP2, os.POSIX_SPAWN_CLOSEFROM)

# forkpty: the child's stdio is the new terminal
pid, master = os.forkpty()
if pid == 0:
    os.write(1, b'tty=%d sid=%d\n' % (os.isatty(0), os.getsid(0) == os.getpid()))
    os._exit(4)
data = b''
while True:
    try:
        chunk = os.read(master, 1024)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
os.close(master)
print(data.replace(b'\r\n', b'\n'), run(pid))
try:
    os.forkpty(1)
except TypeError as e:
    print(e)
