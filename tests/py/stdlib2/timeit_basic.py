# timeit: Timer with string/callable stmt and setup, timeit/repeat/autorange with a fake timer, main output
import timeit, time, io, sys, contextlib
class FakeTimer:
    def __init__(self, step=0.001):
        self.t = 0.0
        self.step = step
    def __call__(self):
        self.t += self.step
        return self.t
count = []
t = timeit.Timer('count.append(1)', 'x = 1', timer=FakeTimer(), globals={'count': count})
print(round(t.timeit(10), 6), len(count))
print([round(v, 6) for v in t.repeat(3, 5)], len(count))
calls = []
t = timeit.Timer(lambda: calls.append(0), setup=lambda: calls.append(1), timer=FakeTimer(0.3))
print(t.autorange(lambda n, tt: print('cb', n, round(tt, 3))))
print(len(calls))
print(timeit.default_timer is time.perf_counter)
print(type(timeit.timeit('pass', number=100)).__name__)
print(len(timeit.repeat('1+1', repeat=3, number=10)))
for bad in [(1, 'pass'), ('pass', 2)]:
    try:
        timeit.Timer(*bad)
    except ValueError as e:
        print(e)
try:
    timeit.Timer('x = ')
except SyntaxError as e:
    print('SyntaxError', e.filename)
t = timeit.Timer('y = 1\nz = y + 1', 'import os\nimport sys')
print(t.timeit(3) >= 0)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    timeit.main(['-n', '10', '-r', '2', '-s', 'a = 1', 'a + 1'], _wrap_timer=lambda t: FakeTimer(0.5))
print(out.getvalue())
out = io.StringIO()
with contextlib.redirect_stdout(out):
    timeit.main(['-u', 'msec', '-v', 'pass'], _wrap_timer=lambda t: FakeTimer(0.25))
print(out.getvalue())
t = timeit.Timer('1/0')
try:
    t.timeit(1)
except ZeroDivisionError:
    err = io.StringIO()
    t.print_exc(file=err)
    print(err.getvalue().splitlines()[-3:])
print(t.src)
