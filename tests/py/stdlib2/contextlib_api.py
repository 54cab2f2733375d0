# Checks contextlib: contextmanager/asynccontextmanager, closing, suppress, redirect_*, ExitStack, nullcontext, chdir, ContextDecorator, errors.
import contextlib as cl, io, sys, os, tempfile, asyncio
def tryit(f):
    try:
        return f()
    except BaseException as e:
        return f"{type(e).__name__}: {e}"
@cl.contextmanager
def cm(tag):
    print("enter", tag)
    try:
        yield tag.upper()
    except ValueError as e:
        print("caught", e)
    finally:
        print("exit", tag)
with cm("a") as v: print("body", v)
with cm("b"): raise ValueError("inner")
print(tryit(lambda: [None for _ in [0] if cm("c").__enter__() and False] or "ok"))
@cl.contextmanager
def noyield():
    if False: yield
print(tryit(lambda: noyield().__enter__()))
@cl.contextmanager
def twice():
    yield 1
    yield 2
def use_twice():
    with twice(): pass
print(tryit(use_twice))
@cl.contextmanager
def swallow():
    try:
        yield
    except KeyError:
        pass
with swallow(): raise KeyError("x")
print("after swallow")
def stopiter():
    with cm("s"): raise StopIteration("si")
print(tryit(stopiter))
@cm("deco")
def decorated(): print("in decorated"); return 5
print(decorated())
class Res:
    def close(self): print("closed")
with cl.closing(Res()) as r: print(type(r).__name__)
with cl.suppress(KeyError, IndexError): {}["a"]
with cl.suppress(): pass
print(tryit(lambda: [1 for _ in [0] if cl.suppress(KeyError).__exit__(ValueError, ValueError(), None)]))
def eg():
    with cl.suppress(ValueError):
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
print(tryit(eg))
def eg2():
    with cl.suppress(ValueError):
        raise ExceptionGroup("g", [ValueError(1)])
    return "all suppressed"
print(tryit(eg2))
buf = io.StringIO()
with cl.redirect_stdout(buf) as b: print("hidden"); print(b is buf)
print(repr(buf.getvalue()))
ebuf = io.StringIO()
with cl.redirect_stderr(ebuf): print("err", file=sys.stderr)
print(repr(ebuf.getvalue()))
with cl.nullcontext(5) as n: print(n)
with cl.nullcontext() as n: print(n)
with cl.ExitStack() as st:
    st.callback(print, "cb1")
    st.push(lambda *a: print("push exit", a[0]))
    v = st.enter_context(cm("stacked"))
    print("stack body", v)
def es_suppress():
    with cl.ExitStack() as st:
        st.push(lambda t, e, tb: True)
        raise RuntimeError("x")
    return "suppressed"
print(es_suppress())
with cl.ExitStack() as st:
    st.callback(print, "moved")
    st2 = st.pop_all()
print("before close"); st2.close()
print(tryit(lambda: cl.ExitStack().enter_context(object())))
print(tryit(lambda: cl.ExitStack().push(5)))
def chain():
    with cl.ExitStack() as st:
        st.callback(lambda: 1 / 0)
        raise KeyError("k")
try:
    chain()
except ZeroDivisionError as e:
    print("zde context", repr(e.__context__))
class MyCD(cl.ContextDecorator):
    def __enter__(self): print("cd enter"); return self
    def __exit__(self, *a): print("cd exit"); return False
@MyCD()
def cdf(x): return x * 2
print(cdf(4))
with tempfile.TemporaryDirectory() as d:
    old = os.getcwd()
    with cl.chdir(d): print(os.path.samefile(os.getcwd(), d))
    print(os.getcwd() == old)
@cl.asynccontextmanager
async def acm(x):
    print("aenter"); yield x; print("aexit")
class AClose:
    async def aclose(self): print("aclosed")
async def main():
    async with acm(3) as v: print("abody", v)
    async with cl.aclosing(AClose()): pass
    async with cl.nullcontext(7) as n: print(n)
    async with cl.AsyncExitStack() as st:
        st.push_async_callback(lambda: asyncio.sleep(0))
        v = await st.enter_async_context(acm(9)); print("astack", v)
        st.callback(print, "sync cb")
    @acm(1)
    async def f(): return "decorated async"
    print(await f())
asyncio.run(main())
print(isinstance(cl.nullcontext(), cl.AbstractContextManager), issubclass(type(cm("x")), cl.AbstractContextManager), isinstance(object(), cl.AbstractAsyncContextManager))
print(sorted(cl.__all__))
print(tryit(lambda: cl.AbstractContextManager()), cl.AbstractContextManager.__enter__(5))
