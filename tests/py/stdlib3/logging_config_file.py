# Checks logging.config: fileConfig (path/file/ConfigParser, defaults, disable_existing_loggers), dictConfig details, Converting*/cfg:// resolution and listen().
import configparser
import io
import json
import logging
import logging.config as lc
import logging.handlers
import os
import queue
import socket
import struct
import sys
import tempfile

print(lc.DEFAULT_LOGGING_CONFIG_PORT, lc.RESET_ERROR == __import__("errno").ECONNRESET,
      lc.IDENTIFIER.pattern, lc._listener)

CONF = """
[loggers]
keys=root,app,app_db

[handlers]
keys=out,mem,file

[formatters]
keys=plain,brace

[logger_root]
level=WARNING
handlers=out

[logger_app]
level=DEBUG
handlers=mem
qualname=app
propagate=0

[logger_app_db]
level=INFO
handlers=file
qualname=app.db

[handler_out]
class=StreamHandler
level=NOTSET
formatter=plain
args=(sys.stdout,)

[handler_mem]
class=handlers.MemoryHandler
level=DEBUG
formatter=plain
args=(10, ERROR)
target=out

[handler_file]
class=logging.FileHandler
formatter=brace
args=('%(logfile)s', 'w')
kwargs={'encoding': 'utf-8'}

[formatter_plain]
format=%(levelname)s|%(name)s|%(message)s
datefmt=%H

[formatter_brace]
format={levelname}:{message}
style={
defaults={'extra': 'x'}
"""


def describe():
    root = logging.getLogger()
    print("root", logging.getLevelName(root.level), [h.name for h in root.handlers])
    for name in ("app", "app.db", "old", "old.child", "app.db.sub"):
        lg = logging.getLogger(name)
        print(" ", name, logging.getLevelName(lg.level), lg.propagate, lg.disabled,
              [type(h).__name__ + ":" + str(h.name) for h in lg.handlers])


with tempfile.TemporaryDirectory() as d:
    old = logging.getLogger("old")
    logging.getLogger("old.child")
    logging.getLogger("app.db.sub").setLevel(logging.ERROR)
    path = os.path.join(d, "log.ini")
    logfile = os.path.join(d, "out.log")
    with open(path, "w") as f:
        f.write(CONF)
    lc.fileConfig(path, defaults={"logfile": logfile})
    describe()
    print("handler names", sorted(logging.getHandlerNames()))
    mem = logging.getHandlerByName("mem")
    print("mem target", mem.target.name, mem.capacity, mem.flushLevel)
    fh = logging.getHandlerByName("file")
    print("file formatter", fh.formatter._style.__class__.__name__, fh.encoding, fh.mode)
    out = logging.getHandlerByName("out")
    print("out", out.stream is sys.stdout, out.formatter.datefmt)
    logging.getLogger("app").info("buffered")
    print("before flush")
    logging.getLogger("app").error("flushes")
    logging.getLogger("app.db").warning("propagates to app")
    logging.getLogger("app.db").error("db error")
    logging.warning("root warning")
    fh.handle(logging.makeLogRecord({"msg": "direct", "levelname": "INFO"}))
    fh.flush()
    with open(logfile, encoding="utf-8") as f:
        print("file contents", repr(f.read()))

    # disable_existing_loggers=False, ConfigParser input, file-object input
    cp = configparser.ConfigParser({"logfile": logfile})
    cp.read_string(CONF)
    lc.fileConfig(cp, disable_existing_loggers=False)
    print("old disabled after keep:", logging.getLogger("old").disabled)
    lc.fileConfig(io.StringIO(CONF.replace("%(logfile)s", logfile.replace("\\", "/"))))
    describe()

    # encoding argument
    with open(path, "w", encoding="latin-1") as f:
        f.write(CONF.replace("|%(message)s", "\xe9%(message)s"))
    lc.fileConfig(path, defaults={"logfile": logfile}, encoding="latin-1")
    logging.warning("enc")

    # error paths
    for bad in (os.path.join(d, "missing.ini"),):
        try:
            lc.fileConfig(bad)
        except FileNotFoundError as e:
            print("FileNotFoundError", str(e).replace(d, "<d>"))
    empty = os.path.join(d, "empty.ini")
    open(empty, "w").close()
    try:
        lc.fileConfig(empty)
    except RuntimeError as e:
        print("RuntimeError", str(e).replace(d, "<d>"))
    invalid = os.path.join(d, "bad.ini")
    with open(invalid, "w") as f:
        f.write("[loggers]\nkeys=root\n  bogus continuation\nnovalue line\n")
    try:
        lc.fileConfig(invalid)
    except RuntimeError as e:
        print("RuntimeError", type(e.__context__).__name__)
    try:
        lc.fileConfig(io.StringIO("[loggers]\nkeys=root\n"))
    except KeyError as e:
        print("KeyError", e)
    logging.shutdown()

# ---- Converting containers and cfg:// / ext:// resolution
cfg = {
    "version": 1,
    "a": {"b": [10, {"c": "ext://sys.maxsize"}], "7": "seven"},
    "t": (1, "cfg://a.b[0]"),
    "ref": "cfg://a.b[1].c",
}
bc = lc.BaseConfigurator(cfg)
print(type(bc.config).__name__, bc.config.configurator is bc)
a = bc.config["a"]
print(type(a).__name__, a.parent is bc.config, a.key)
b = a["b"]
print(type(b).__name__, b.key, b[1]["c"] == sys.maxsize)
print(bc.config["ref"] == sys.maxsize, bc.config["t"][1], type(bc.config["t"]).__name__)
print(bc.cfg_convert("a.b[0]"), bc.cfg_convert("a[b][0]"))
print(bc.convert("nope://x"), bc.convert("plain"))
print(bc.ext_convert("os.path.join") is os.path.join, bc.resolve("logging.handlers.SysLogHandler").__name__)
print(bc.as_tuple([1, 2]), bc.as_tuple("s"))
print(sorted(bc.value_converters.items()), bc.importer is __import__)
for bad in ("", "a.b[0]x", "!"):
    try:
        bc.cfg_convert(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    bc.resolve("no_such_module_xyz.thing")
except ValueError as e:
    print("ValueError", e, type(e.__cause__).__name__)
cl = lc.ConvertingList(["cfg://a[b][0]", 2])
cl.configurator = bc
print(cl[0], cl.pop(0) if False else cl.pop(), list(cl))
ct = lc.ConvertingTuple(("cfg://a[b][0]",))
ct.configurator = bc
print(ct[0], tuple.__getitem__(ct, 0))
cd = lc.ConvertingDict({"x": "cfg://a[b][0]", "y": [1]})
cd.configurator = bc
print(cd.get("x"), dict.__getitem__(cd, "x"), type(cd.pop("y")).__name__, cd.get("zz"))
print(lc.valid_ident("ok_1"))
for bad in ("1x", "a-b", ""):
    try:
        lc.valid_ident(bad)
    except ValueError as e:
        print("ValueError", e)

# ---- dictConfig behaviours
class Counter(logging.Filter):
    def __init__(self, prefix="", **kw):
        super().__init__()
        self.prefix = prefix

    def filter(self, record):
        record.msg = self.prefix + str(record.msg)
        return True


def make_formatter(fmt=None):
    return logging.Formatter("custom:" + fmt)


stream = io.StringIO()
lc.dictConfig({
    "version": 1,
    "formatters": {"f": {"()": make_formatter, "format": "%(message)s"},
                   "g": {"format": "%(levelname)s %(message)s", "validate": False}},
    "filters": {"pre": {"()": Counter, "prefix": ">", ".": {"tag": "T"}},
                "named": {"name": "x.y"}},
    "handlers": {
        "buf": {"class": "logging.handlers.MemoryHandler", "capacity": 5,
                "flushLevel": "ERROR", "target": "s"},
        "s": {"class": "logging.StreamHandler", "stream": stream,
              "formatter": "f", "filters": ["pre"], ".": {"marker": 1}},
        "q": {"class": "logging.handlers.QueueHandler", "handlers": ["s"],
              "respect_handler_level": True},
    },
    "loggers": {"dc": {"handlers": ["buf"], "level": "DEBUG", "propagate": False}},
    "root": {"level": "CRITICAL"},
})
s = logging.getHandlerByName("s")
print("marker", s.marker, [type(f).__name__ for f in s.filters], s.filters[0].tag)
buf = logging.getHandlerByName("buf")
print("buf", buf.target is s, buf.flushLevel)
q = logging.getHandlerByName("q")
print("queue listener", type(q.listener).__name__, q.listener.handlers == (s,),
      q.listener.respect_handler_level, type(q.queue).__name__)
logging.getLogger("dc").info("one")
logging.getLogger("dc").error("two")
print(repr(stream.getvalue()))

lc.dictConfig({"version": 1, "incremental": True,
               "handlers": {"s": {"level": "WARNING"}},
               "loggers": {"dc": {"level": "ERROR", "handlers": ["zzz"]}}})
print("incremental", logging.getLevelName(s.level),
      logging.getLevelName(logging.getLogger("dc").level), logging.getLogger("dc").handlers == [buf])

def show_error(conf):
    try:
        lc.dictConfig(conf)
    except Exception as e:
        cause = e.__cause__
        print(type(e).__name__, e, "<-", type(cause).__name__ if cause else None,
              str(cause) if cause else "")

show_error({})
show_error({"version": 2})
show_error({"version": 1, "incremental": True, "handlers": {"nope": {}}})
show_error({"version": 1, "handlers": {"h": {"class": "logging.NoSuchHandler"}}})
show_error({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "formatter": "zz"}}})
show_error({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "filters": ["zz"]}}})
show_error({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler", "bad key": 1}}})
show_error({"version": 1, "handlers": {"h": {"class": "logging.handlers.MemoryHandler",
                                             "capacity": 1, "target": "missing"}}})
show_error({"version": 1, "handlers": {"h": {"class": "logging.handlers.QueueHandler",
                                             "queue": 5}}})
show_error({"version": 1, "handlers": {"h": {"class": "logging.handlers.QueueHandler",
                                             "listener": 5}}})
show_error({"version": 1, "formatters": {"f": {"format": "%(x", "style": "?"}}})
show_error({"version": 1, "filters": {"f": {"()": "nosuchmod.Filter"}}})
show_error({"version": 1, "loggers": {"a": {"handlers": ["nope"]}}})
show_error({"version": 1, "loggers": {"a": {"level": "LOUD"}}})
show_error({"version": 1, "root": {"level": "LOUD"}})
logging.shutdown()

# ---- listen / stopListening
t = lc.listen(0)
print("listener thread", type(t).__name__ != "", t.port)
t.start()
t.ready.wait(5)
t.ready.clear()
port = t.port
print("port assigned", port != 0)
conf = json.dumps({"version": 1, "loggers": {"remote": {"level": "WARNING"}}}).encode()
with socket.create_connection(("localhost", port)) as c:
    c.sendall(struct.pack(">L", len(conf)) + conf)
print("applied", t.ready.wait(5), logging.getLevelName(logging.getLogger("remote").level))
t.ready.clear()
ini = b"[loggers]\nkeys=root\n[handlers]\nkeys=\n[formatters]\nkeys=\n[logger_root]\nlevel=ERROR\nhandlers=\n"
with socket.create_connection(("localhost", port)) as c:
    c.sendall(struct.pack(">L", len(ini)) + ini)
print("applied ini", t.ready.wait(5), logging.getLevelName(logging.getLogger().level))
lc.stopListening()
t.join(5)
print("stopped", t.is_alive(), lc._listener)

t = lc.listen(0, verify=lambda b: None)
t.start()
t.ready.wait(5)
t.ready.clear()
with socket.create_connection(("localhost", t.port)) as c:
    conf = conf.replace(b"WARNING", b"DEBUG")
    c.sendall(struct.pack(">L", len(conf)) + conf)
print("verified-away", t.ready.wait(5), logging.getLevelName(logging.getLogger("remote").level))
lc.stopListening()
t.join(5)
print("stopped", t.is_alive())

# ---- dictConfig queue/listener specifiers, 'strm' retry, as_tuple conversions
s = io.StringIO()
lc.dictConfig({"version": 1,
  "handlers": {"s": {"class": "logging.StreamHandler", "stream": s},
               "q": {"class": "logging.handlers.QueueHandler", "handlers": ["s"], "queue": {"()": "queue.Queue", "maxsize": 10}}},
  "root": {"handlers": ["q"], "level": "INFO"}})
q = logging.getHandlerByName("q")
print(q.listener._thread, type(q.queue).__name__, q.queue.maxsize)
q.listener.start()
logging.info("hi")
q.listener.stop()
print(repr(s.getvalue()))
lc.dictConfig({"version": 1, "handlers": {"q": {"class": "logging.handlers.QueueHandler", "queue": "queue.LifoQueue"}}, "root": {"handlers": ["q"]}})
print(type(logging.getHandlerByName("q").queue).__name__)
try:
    lc.dictConfig({"version": 1, "handlers": {"q": {"class": "logging.handlers.QueueHandler", "queue": {"maxsize": 1}}}})
except ValueError as e:
    print(e, "<-", e.__cause__)
try:
    lc.dictConfig({"version": 1, "handlers": {"q": {"class": "logging.handlers.QueueHandler", "listener": "logging.Handler"}}})
except ValueError as e:
    print(e, "<-", e.__cause__)
# a stream kwarg retried as strm for old handlers
class Old(logging.Handler):
    def __init__(self, strm=None):
        super().__init__(); self.strm = strm
lc.dictConfig({"version": 1, "handlers": {"o": {"()": Old, "stream": "ext://sys.stdout"}}, "root": {"handlers": ["o"]}})
print(logging.getHandlerByName("o") is None)
lc.dictConfig({"version": 1, "handlers": {"o": {"class": "__main__.Old", "stream": "ext://sys.stdout"}}, "root": {"handlers": ["o"]}})
print(logging.getHandlerByName("o").strm is sys.stdout)
lc.dictConfig({"version": 1, "handlers": {"sys": {"class": "logging.handlers.SysLogHandler", "address": ["localhost", 5140]}}, "root": {"handlers": ["sys"]}})
print(logging.getHandlerByName("sys").address)
lc.dictConfig({"version": 1, "handlers": {"m": {"class": "logging.handlers.SMTPHandler", "mailhost": ["h", 25], "fromaddr": "a", "toaddrs": "b", "subject": "s"}}, "root": {"handlers": ["m"]}})
print(logging.getHandlerByName("m").mailhost, logging.getHandlerByName("m").mailport)
lc.dictConfig({"version": 1, "formatters": {"f": {"format": "%(message)s", "defaults": {"x": 1}, "class": "logging.Formatter"}}, "filters": {"f1": {"name": "a.b"}},
  "loggers": {"a": {"filters": ["f1", lambda r: True], "propagate": 0}}})
print(logging.getLogger("a").filters[0].name, logging.getLogger("a").propagate)
