# contextvars: ContextVar get/set/reset, Tokens, Context run/copy/mapping API, error messages, per-thread contexts
import contextvars as cv
def t(f):
    try: r = f(); print(repr(r) if not isinstance(r, str) else r)
    except Exception as e: print(type(e).__name__, e)
import re
def clean(s): return re.sub(r'0x[0-9a-f]+', '0x?', s)
v = cv.ContextVar('v', default=1)
w = cv.ContextVar('w')
t(lambda: clean(repr(v))); t(lambda: clean(repr(w)))
t(lambda: v.get()); t(lambda: clean(str(t2())) if False else w.get(5))
try: w.get()
except LookupError as e: print('LookupError', clean(str(e)))
tok = w.set(10)
t(lambda: clean(repr(tok))); t(lambda: tok.var is w); t(lambda: tok.old_value); t(lambda: repr(cv.Token.MISSING))
t(lambda: w.get())
w.reset(tok)
t(lambda: clean(repr(tok)))
try: w.reset(tok)
except RuntimeError as e: print('RuntimeError', clean(str(e)))
tok2 = v.set(2)
try: w.reset(tok2)
except ValueError as e: print('ValueError', clean(str(e)))
ctx = cv.copy_context()
t(lambda: (len(ctx), v in ctx, ctx[v], ctx.get(w, 'd'), list(ctx.keys()) == [v], list(ctx.values()), list(ctx.items()) == [(v, 2)]))
def inner(x):
    v.set(x); return v.get()
t(lambda: ctx.run(inner, 99)); t(lambda: (v.get(), ctx[v]))
t(lambda: clean(str(ctx.run(ctx.run, inner, 1))) if False else None)
try: ctx.run(ctx.run, inner, 1)
except RuntimeError as e: print("RuntimeError", clean(str(e)))
try: ctx[w]
except KeyError as e: print('KeyError', clean(str(e)))
t(lambda: cv.Context().run(lambda: (len(cv.copy_context()), v.get())))
t(lambda: cv.Context(1))
t(lambda: cv.ContextVar(1))
t(lambda: v.name)
t(lambda: cv.ContextVar[int])
try:
    class X(cv.ContextVar): pass
except TypeError as e: print('TypeError', e)
t(lambda: type(cv.copy_context()).__name__)
c2 = ctx.copy(); t(lambda: (c2 is ctx, c2[v], len(c2)))
t(lambda: cv.Context() == cv.Context())
t(lambda: hash(v) == hash(v))
def in_other():
    try: v.reset(tok2)
    except ValueError as e: return clean(str(e))
t(lambda: cv.Context().run(in_other))
t(lambda: [x for x in dir(cv) if not x.startswith('__')])
import threading
seen = []
def worker():
    seen.append((v.get(), len(cv.copy_context())))
    v.set(1000)
th = threading.Thread(target=worker); th.start(); th.join()
print('thread', seen, v.get())
def gen():
    yield v.get()
    v.set(7)
    yield v.get()
print('gen', list(gen()), v.get())
