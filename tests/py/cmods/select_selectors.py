# select/selectors: select(), poll and epoll objects, selector classes, error messages
import select as s, os
print([x for x in dir(s) if not x.startswith("__")])
r,w=os.pipe()
for a in [([r],[],[],-1), (5,[],[]), (["x"],[],[]), ([10**6],[],[],0), ([r],[],[],"x"), ([-1],[],[],0)]:
    try: print(s.select(*a))
    except Exception as e: print(type(e).__name__, e)
print(s.select([r],[w],[],0) == ([], [w], []))
class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
fr = F(r)
os.write(w, b"x"); rl, wl, xl = s.select([fr], [], [], 1.5); print(rl[0] is fr, wl, xl)
os.read(r, 1)
p=s.poll(); p.register(r); p.register(w, s.POLLOUT); print(p.poll(0) == [(w, s.POLLOUT)]); os.write(w,b"x"); print(sorted(p.poll(10)) == sorted([(r, s.POLLIN), (w, s.POLLOUT)]))
p.modify(w, s.POLLIN); print(p.poll(0) == [(r, s.POLLIN)])
try: p.modify(99, 1)
except Exception as e: print(type(e).__name__, e)
try: p.unregister(99)
except Exception as e: print(type(e).__name__, repr(e))
try: p.register("x")
except Exception as e: print(type(e).__name__, repr(e))
p.unregister(r); p.unregister(w); print(p.poll(0))
e=s.epoll(); e.register(r); print(e.poll(0) == [(r, s.EPOLLIN)], e.closed, type(e.fileno()))
try: e.register(r)
except Exception as ex: print(type(ex).__name__, ex)
try: e.unregister(w)
except Exception as ex: print(type(ex).__name__, ex)
e.modify(r, s.EPOLLOUT); print(e.poll(0.01))
e.close(); print(e.closed)
try: e.poll()
except Exception as ex: print(type(ex).__name__, ex)
with s.epoll() as e2: print(e2.closed)
print(e2.closed)
print(type(p), type(e), s.EPOLLIN, s.POLLIN, s.PIPE_BUF, s.error)
import selectors
print(selectors.DefaultSelector.__name__, selectors.EVENT_READ, selectors.EVENT_WRITE)
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    r, w = os.pipe()
    with cls() as sel:
        k = sel.register(r, selectors.EVENT_READ, data="reader")
        print(cls.__name__, k.fd == r, k.events, k.data, len(sel.get_map()), sel.get_key(r).data)
        print(sel.select(0))
        os.write(w, b"hi")
        ev = sel.select(1)
        print([(key.data, mask) for key, mask in ev])
        sel.register(w, selectors.EVENT_WRITE, "writer")
        print(sorted((key.data, mask) for key, mask in sel.select(0)))
        k2 = sel.modify(w, selectors.EVENT_WRITE, "w2"); print(k2.data)
        sel.unregister(w)
        for bad in (lambda: sel.register(r, selectors.EVENT_READ), lambda: sel.unregister(w),
                    lambda: sel.register(w, 0), lambda: sel.get_key(12345), lambda: sel.register("x", 1)):
            try: bad()
            except Exception as e: print(type(e).__name__, e)
    print(sel.get_map())
    os.close(r); os.close(w)
