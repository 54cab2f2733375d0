# logging.handlers (rotating/memory/queue) and logging.config.dictConfig
import logging, logging.handlers, logging.config, io, os, tempfile, queue, sys
d = tempfile.mkdtemp()
path = os.path.join(d, "app.log")
log = logging.getLogger("rot"); log.propagate = False; log.setLevel(logging.DEBUG)
h = logging.handlers.RotatingFileHandler(path, maxBytes=60, backupCount=2)
h.setFormatter(logging.Formatter("%(message)s")); log.addHandler(h)
for i in range(12): log.info("message number %02d", i)
h.close(); log.removeHandler(h)
for name in sorted(os.listdir(d)): print(name, open(os.path.join(d, name)).read().split())
out = io.StringIO(); target = logging.StreamHandler(out)
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
ml = logging.getLogger("mem"); ml.propagate = False; ml.addHandler(mh); ml.setLevel(logging.INFO)
ml.info("a"); ml.info("b"); print(repr(out.getvalue())); ml.info("c"); print(repr(out.getvalue())); ml.info("d"); ml.error("e"); print(repr(out.getvalue()))
q = queue.Queue(); qh = logging.handlers.QueueHandler(q); ql = logging.getLogger("q"); ql.propagate = False; ql.addHandler(qh)
ql.warning("queued %s", "item"); r = q.get_nowait(); print(r.msg, r.args, r.levelname)
lst = io.StringIO(); listener = logging.handlers.QueueListener(q, logging.StreamHandler(lst)); listener.start(); ql.warning("via listener"); listener.stop(); print(repr(lst.getvalue()))
bh = logging.handlers.BufferingHandler(2); print(bh.shouldFlush(None))
s = io.StringIO()
logging.config.dictConfig({"version": 1, "formatters": {"f": {"format": "{levelname}:{name}:{message}", "style": "{"}},
    "handlers": {"s": {"class": "logging.StreamHandler", "formatter": "f", "stream": s}, "o": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "level": "ERROR"}},
    "root": {"level": "INFO", "handlers": ["s", "o"]}})
logging.getLogger("x.y").info("hello"); logging.getLogger("x").error("bad"); print(repr(s.getvalue()), logging.getLogger("rot").disabled)
import shutil; shutil.rmtree(d)
