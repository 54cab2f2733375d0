# fileinput (multi-file iteration, line numbers, inplace editing, hooks, errors) and sched (ordering, cancel, run)
import fileinput, os, tempfile, sched, gzip
with tempfile.TemporaryDirectory() as d:
    names = []
    for i, text in enumerate(['a1\na2\n', '', 'c1\nc2\nc3', 'd1\n']):
        p = os.path.join(d, 'f%d.txt' % i)
        with open(p, 'w') as f:
            f.write(text)
        names.append(p)
    for line in fileinput.input(names, encoding='utf-8'):
        print(repr(line), os.path.basename(fileinput.filename()), fileinput.lineno(), fileinput.filelineno(), fileinput.isfirstline(), fileinput.isstdin(), fileinput.fileno() > 2)
        if line == 'c2\n':
            fileinput.nextfile()
    fileinput.close()
    with fileinput.FileInput(names[0], mode='rb') as fi:
        print(list(fi), fi.lineno())
    with fileinput.FileInput(names, inplace=True, backup='.orig', encoding='utf-8') as fi:
        for line in fi:
            print(line.upper(), end='')
    for p in names:
        print(open(p).read().split('\n'), os.path.exists(p + '.orig'))
    with fileinput.input(names[2:], inplace=True) as fi:
        for line in fi:
            if fi.filelineno() != 2:
                print(line, end='')
    print(open(names[2]).read().split('\n'), sorted(os.listdir(d)))
    gz = os.path.join(d, 'z.gz')
    with gzip.open(gz, 'wt') as f:
        f.write('zipped\nlines\n')
    print(list(fileinput.input([gz, names[3]], openhook=fileinput.hook_compressed, encoding='utf-8')))
    fileinput.close()
    print(list(fileinput.FileInput(names[3], openhook=fileinput.hook_encoded('latin-1'))))
    fi = fileinput.FileInput(names[0])
    print(fi.filename(), fi.lineno(), fi.fileno(), fi.readline(), fi.readline(), fi.readline(), repr(fi.readline()))
    fi.close()
    for kw in [dict(mode='w'), dict(inplace=True, openhook=open), dict(openhook='x')]:
        try:
            fileinput.FileInput(names, **kw)
        except ValueError as e:
            print('ValueError:', e)
    for fn in [fileinput.filename, fileinput.lineno, fileinput.nextfile]:
        try:
            fn()
        except RuntimeError as e:
            print('RuntimeError:', e)
    fi = fileinput.input(names)
    next(fi)
    try:
        fileinput.input(names)
    except RuntimeError as e:
        print('RuntimeError:', e)
    fileinput.close()
    try:
        list(fileinput.input([os.path.join(d, 'nope')]))
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    fileinput.close()
print(fileinput.FileInput[str])

clock = [0.0]
log = []
def now(): return clock[0]
def sleep(t): log.append(('sleep', t)); clock[0] += t
s = sched.scheduler(now, sleep)
def act(name, *a, **k): log.append((name, clock[0], a, k))
e1 = s.enter(5, 1, act, ('five',))
e2 = s.enter(2, 2, act, ('two-low',))
e3 = s.enter(2, 1, act, ('two-high',), {'k': 1})
e4 = s.enterabs(10, 0, act, ('ten',))
e5 = s.enter(3, 0, act, ('cancelled',))
s.cancel(e5)
print([(e.time, e.priority, e.argument) for e in s.queue], s.empty(), e1 < e4, e3 < e2)
try:
    s.cancel(e5)
except ValueError as e:
    print('ValueError:', e)
print(s.run(blocking=False), log)
s.run()
print(log, s.empty(), s.run(blocking=False))
print(sched.Event._fields, repr(e1)[:40])
s2 = sched.scheduler()
s2.enter(0, 0, lambda: log.append('real'))
s2.run()
print(log[-1])
