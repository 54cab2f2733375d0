# logging: basicConfig(filename), FileHandler, asctime/msecs formatting, defaults
import logging, os, tempfile, re, time
d = tempfile.mkdtemp(); fn = os.path.join(d, "out.log")
logging.basicConfig(filename=fn, filemode="w", level=logging.DEBUG, format="%(asctime)s %(levelname)-8s %(name)s %(message)s", datefmt="%Y")
logging.debug("dbg"); logging.getLogger("m").info("inf %d%%", 50)
h = logging.root.handlers[0]; print(type(h).__name__, h.baseFilename == fn, repr(h).startswith("<FileHandler " + fn), h.mode)
logging.shutdown()
for line in open(fn): print(re.sub(r"^\d{4}", "YYYY", line), end="")
f = logging.Formatter("%(asctime)s|%(msecs)03d|%(relativeCreated)d")
r = logging.makeLogRecord({"created": 0.25, "msecs": 250.0, "relativeCreated": 5})
f.converter = time.gmtime; print(f.format(r))
print(logging.Formatter("%(message)s", defaults={"x": 1}).format(logging.makeLogRecord({"msg": "hi"})), logging.Formatter("{x}-{message}", style="{", defaults={"x": 7}).format(logging.makeLogRecord({"msg": "yo"})))
os.unlink(fn); os.rmdir(d)
