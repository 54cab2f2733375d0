# Checks logging.handlers network handlers (Socket/Datagram/SysLog) against local sockets, plus constants and SMTP/HTTP/NTEventLog construction.
import logging
import logging.handlers as lh
import os
import pickle
import socket
import struct
import tempfile

print(lh.DEFAULT_TCP_LOGGING_PORT, lh.DEFAULT_UDP_LOGGING_PORT,
      lh.DEFAULT_HTTP_LOGGING_PORT, lh.DEFAULT_SOAP_LOGGING_PORT,
      lh.SYSLOG_UDP_PORT, lh.SYSLOG_TCP_PORT)

log = logging.getLogger("net")
log.propagate = False
log.setLevel(logging.DEBUG)


def recv_exact(conn, n):
    buf = b""
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def show(d):
    rec = logging.makeLogRecord(d)
    print(" ", rec.name, rec.levelname, repr(rec.msg), rec.args, rec.exc_info,
          "message" in d, rec.funcName, type(rec.exc_text).__name__)
    if rec.exc_text:
        print("  exc_text last line:", rec.exc_text.splitlines()[-1])


# --- SocketHandler over TCP
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
port = srv.getsockname()[1]
h = lh.SocketHandler("127.0.0.1", port)
print("socket attrs", h.host == "127.0.0.1", h.port == port, h.address == ("127.0.0.1", port),
      h.sock, h.closeOnError, h.retryTime, h.retryStart, h.retryMax, h.retryFactor)
log.addHandler(h)
log.info("hello %s %d", "world", 42)
try:
    1 / 0
except ZeroDivisionError:
    log.exception("boom")
conn, _ = srv.accept()
print("SocketHandler:")
for _ in range(2):
    n = struct.unpack(">L", recv_exact(conn, 4))[0]
    show(pickle.loads(recv_exact(conn, n)))
log.removeHandler(h)
h.close()
print("closed sock", h.sock)
conn.close()
srv.close()

# makePickle directly
rec = logging.LogRecord("x", logging.WARNING, "f.py", 3, "a=%r", ("q",), None)
rec.message = "stale"
data = lh.SocketHandler("localhost", None).makePickle(rec)
print("prefix ok", struct.unpack(">L", data[:4])[0] == len(data) - 4)
d = pickle.loads(data[4:])
print("pickled", d["msg"], d["args"], "message" in d, d["levelname"])

# retry/backoff bookkeeping when nothing listens
h = lh.SocketHandler("127.0.0.1", port)
h.createSocket()
print("retry after failure", h.sock, h.retryPeriod, h.retryTime is not None)
h.retryTime = 0
h.createSocket()
print("second failure", h.retryPeriod)
h.retryPeriod = 20
h.retryTime = 0
h.createSocket()
print("capped", h.retryPeriod)
h.close()

# --- DatagramHandler over UDP
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(("127.0.0.1", 0))
uport = udp.getsockname()[1]
h = lh.DatagramHandler("127.0.0.1", uport)
print("datagram closeOnError", h.closeOnError, isinstance(h, lh.SocketHandler))
log.addHandler(h)
log.warning("udp %s", "payload")
pkt, _ = udp.recvfrom(65536)
print("DatagramHandler:")
show(pickle.loads(pkt[4:]))
log.removeHandler(h)
h.close()

# --- SysLogHandler over UDP
h = lh.SysLogHandler(address=("127.0.0.1", uport), facility=lh.SysLogHandler.LOG_LOCAL3)
print("syslog udp", h.unixsocket, h.socktype == socket.SOCK_DGRAM)
h.setFormatter(logging.Formatter("%(name)s: %(message)s"))
log.addHandler(h)
for lvl in (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, 25):
    log.log(lvl, "level %d", lvl)
    print(" ", udp.recvfrom(4096)[0])
h.ident = "myapp: "
h.append_nul = False
log.error("with ident")
print(" ", udp.recvfrom(4096)[0])
log.removeHandler(h)
h.close()
udp.close()

S = lh.SysLogHandler
print("encode", S.encodePriority(S, "mail", "err"), S.encodePriority(S, S.LOG_LOCAL7, S.LOG_DEBUG),
      S.encodePriority(S, "solaris-cron", "panic"))
print("mapPriority", S.mapPriority(S, "INFO"), S.mapPriority(S, "CUSTOM"))
print(sorted(S.priority_names.items()))
print(sorted(S.facility_names.items()))
print(S.priority_map)
print([(n, getattr(S, n)) for n in sorted(dir(S)) if n.startswith("LOG_")])
print("S defaults", repr(S.ident), S.append_nul)
try:
    S.encodePriority(S, "nosuch", "err")
except KeyError as e:
    print("KeyError", e)

# --- SysLogHandler over TCP
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
tport = srv.getsockname()[1]
h = lh.SysLogHandler(address=("127.0.0.1", tport), socktype=socket.SOCK_STREAM)
conn, _ = srv.accept()
log.addHandler(h)
log.info("over tcp")
print("syslog tcp", h.socktype == socket.SOCK_STREAM, recv_exact(conn, 13))
log.removeHandler(h)
h.close()
conn.close()
srv.close()

# --- SysLogHandler over a Unix datagram socket
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "log.sock")
    us = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    us.bind(path)
    h = lh.SysLogHandler(address=path, facility="daemon")
    print("syslog unix", h.unixsocket, h.socktype == socket.SOCK_DGRAM)
    log.addHandler(h)
    log.critical("unix %s", "sock")
    print(" ", us.recv(4096))
    log.removeHandler(h)
    h.close()
    us.close()
    # nothing listening: construction still succeeds
    h = lh.SysLogHandler(address=os.path.join(d, "missing.sock"))
    print("missing unix ok", h.unixsocket)
    h.close()

# --- DatagramHandler over a Unix socket
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "dg.sock")
    us = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    us.bind(path)
    h = lh.DatagramHandler(path, None)
    print("unix datagram address is path", h.address == path)
    log.addHandler(h)
    log.debug("to unix")
    show(pickle.loads(us.recv(65536)[4:]))
    log.removeHandler(h)
    h.close()
    us.close()

# --- SMTP / HTTP / NTEventLog construction
h = lh.SMTPHandler(("mail.example", 2525), "a@example", "b@example", "subj",
                   credentials=("u", "p"), secure=())
print("smtp", h.mailhost, h.mailport, h.toaddrs, h.username, h.password, h.secure, h.timeout,
      h.getSubject(None))
h = lh.SMTPHandler("mail.example", "a@example", ["b@x", "c@x"], "s")
print("smtp2", h.mailport, h.toaddrs, h.username)
h = lh.HTTPHandler("localhost:1", "/log", method="post")
print("http", h.host, h.url, h.method, h.secure, h.credentials, h.context)
rec = logging.LogRecord("x", logging.INFO, "f.py", 1, "m", None, None)
print("mapLogRecord is __dict__", h.mapLogRecord(rec) is rec.__dict__)
for kw in ({"method": "PUT"}, {"context": object()}):
    try:
        lh.HTTPHandler("h", "/u", **kw)
    except ValueError as e:
        print("ValueError", e)
h = lh.NTEventLogHandler("app")
print("nt", h._welu)
h.emit(rec)
h.close()
