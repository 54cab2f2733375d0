# Checks logging.handlers file/queue handlers against CPython: timed rollover computation, getFilesToDelete, size rotation, WatchedFileHandler reopen, QueueHandler/QueueListener, Memory/BufferingHandler.
import logging, logging.handlers as lh, os, tempfile, time, datetime, queue, io
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "t.log")
    for when, kw in [("MIDNIGHT", {}), ("W0", {}), ("W6", {"atTime": datetime.time(3, 30)}),
                     ("D", {}), ("H", {"interval": 2}), ("midnight", {"atTime": datetime.time(23, 59, 59)})]:
        h = lh.TimedRotatingFileHandler(p, when=when, utc=True, delay=True, **kw)
        base = 1700000000  # a Tuesday
        print(when, h.interval, h.suffix, h.extMatch.pattern, [h.computeRollover(base + k * 40000) - base for k in range(4)],
              getattr(h, "dayOfWeek", None))
        h.close()
    for bad in ("W", "W7", "X", "W12"):
        try:
            lh.TimedRotatingFileHandler(p, when=bad, delay=True)
        except ValueError as e:
            print("ValueError", e)
    # getFilesToDelete with and without namer
    for name in ["t.log.2020-01-01", "t.log.2020-01-02", "t.log.2020-01-03", "t.log.x", "t.log.2020-01-04.gz", "other.2020-01-01"]:
        open(os.path.join(d, name), "w").close()
    h = lh.TimedRotatingFileHandler(p, when="D", backupCount=1, delay=True)
    print(sorted(os.path.basename(f) for f in h.getFilesToDelete()))
    h.namer = lambda n: n + ".gz"
    print(sorted(os.path.basename(f) for f in h.getFilesToDelete()))
    h.close()
    # RotatingFileHandler
    r = lh.RotatingFileHandler(os.path.join(d, "r.log"), maxBytes=30, backupCount=2, encoding="utf-8")
    lg = logging.getLogger("rot"); lg.propagate = False; lg.addHandler(r)
    for i in range(8):
        lg.warning("message number %d", i)
    r.close()
    for n in sorted(os.listdir(d)):
        if n.startswith("r.log"):
            print(n, repr(open(os.path.join(d, n)).read()))
    w = lh.WatchedFileHandler(os.path.join(d, "w.log"))
    lg.removeHandler(r); lg.addHandler(w)
    lg.warning("one")
    os.rename(os.path.join(d, "w.log"), os.path.join(d, "w.old"))
    lg.warning("two")
    w.close()
    print(open(os.path.join(d, "w.log")).read(), open(os.path.join(d, "w.old")).read())
    lg.removeHandler(w)
q = queue.Queue()
qh = lh.QueueHandler(q)
s = io.StringIO()
sh = logging.StreamHandler(s)
sh.setLevel(logging.ERROR)
ql = lh.QueueListener(q, sh, respect_handler_level=True)
lg = logging.getLogger("q"); lg.propagate = False; lg.addHandler(qh)
ql.start()
lg.warning("w %s", 1)
lg.error("e %s", 2)
try:
    1/0
except Exception:
    lg.exception("ex")
ql.stop(); ql.stop()
v = s.getvalue().splitlines(); print(v[:2], v[-1])
rec = qh.prepare(logging.makeLogRecord({"msg": "a %s", "args": ("b",)}))
print(rec.msg, rec.args, rec.message, rec.exc_info, rec.exc_text, rec.stack_info)
mh = lh.MemoryHandler(3, target=sh, flushOnClose=False)
print(mh.shouldFlush(logging.makeLogRecord({"levelno": 40})), mh.flushLevel)
bh = lh.BufferingHandler(2)
bh.handle(logging.makeLogRecord({})); print(len(bh.buffer)); bh.handle(logging.makeLogRecord({})); print(len(bh.buffer))
