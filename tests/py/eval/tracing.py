# sys.settrace/sys.setprofile: call/line/return/exception events delivered by the eval loop.
import sys
events = []
def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer
def f(x):
    y = x + 1
    return y
sys.settrace(tracer)
f(1)
sys.settrace(None)
for e in events: print(e)
pevents = []
def prof(frame, event, arg):
    if event in ('call', 'return'):
        pevents.append((event, frame.f_code.co_name))
sys.setprofile(prof)
f(2)
sys.setprofile(None)
print(pevents)
events.clear()
def g():
    for i in range(2):
        pass
    try:
        raise KeyError(1)
    except KeyError:
        pass
sys.settrace(tracer)
g()
sys.settrace(None)
for e in events: print(e)
print(sys.gettrace())
