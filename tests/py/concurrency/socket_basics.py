# socket: TCP/UDP over IPv4/IPv6 loopback, AF_UNIX, socketpair, timeouts, refused connections, makefile, address helpers and error messages
import os
import socket
import tempfile
import threading


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


# --- TCP over IPv4 with a thread-served echo ---
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
print("server family/type:", srv.family, srv.type, srv.proto, repr(srv.family))
print("listening repr ok:", repr(srv).startswith("<socket.socket fd="), "laddr=('127.0.0.1'" in repr(srv))


def serve(n):
    for _ in range(n):
        conn, addr = srv.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())


t = threading.Thread(target=serve, args=(2,))
t.start()
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    print("peer:", c.getpeername() == ("127.0.0.1", port), "timeout:", c.gettimeout())
    c.sendall(b"hello world")
    got = b""
    while len(got) < 11:
        got += c.recv(100)
    print("echo:", got)
    buf = bytearray(5)
    c.send(b"abcde")
    n = 0
    view = memoryview(buf)
    while n < 5:
        n += c.recv_into(view[n:])
    print("recv_into:", n, bytes(buf))
    c.shutdown(socket.SHUT_WR)
    print("after shutdown recv:", c.recv(10))
with socket.create_connection(("localhost", port)) as c:
    f = c.makefile("rwb")
    f.write(b"line one\nline two\n")
    f.flush()
    c.shutdown(socket.SHUT_WR)
    print("makefile lines:", f.readline(), f.readline(), f.readline())
    f.close()
t.join()
srv.close()
print("closed repr:", repr(srv))
show("fileno after close:", srv.fileno)
show("send after close:", lambda: srv.send(b"x"))

# --- refused connection ---
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
dead_port = probe.getsockname()[1]
probe.close()
show("refused:", lambda: socket.create_connection(("127.0.0.1", dead_port)))
with socket.socket() as s:
    print("connect_ex refused is ECONNREFUSED:", s.connect_ex(("127.0.0.1", dead_port)) == 111)

# --- timeouts and blocking flags ---
a, b = socket.socketpair()
print("pair:", a.family, a.type, b.getblocking(), a.gettimeout())
a.settimeout(0.05)
print("timeout set:", a.gettimeout(), a.getblocking())
show("recv timeout:", lambda: a.recv(1))
print("socket.timeout is TimeoutError:", socket.timeout is TimeoutError)
a.setblocking(False)
print("nonblocking:", a.gettimeout(), a.getblocking())
show("nonblocking recv:", lambda: a.recv(1))
a.setblocking(True)
print("blocking again:", a.gettimeout())
b.sendall(b"x" * 10)
print("recv after send:", a.recv(100))
b.close()
print("recv at EOF:", a.recv(10))
a.close()
show("settimeout(-1):", lambda: socket.socket().settimeout(-1))
print("default timeout:", socket.getdefaulttimeout())

# --- reset peer and broken pipe ---
srv = socket.create_server(("127.0.0.1", 0))
c = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()
import struct
conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
conn.close()
show("reset peer:", lambda: c.recv(10))
c.close()
srv.close()
a, b = socket.socketpair()
b.close()
show("broken pipe:", lambda: [a.send(b"x" * 65536) for _ in range(10)])
a.close()

# --- UDP over IPv4 and IPv6 ---
for fam, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
    r = socket.socket(fam, socket.SOCK_DGRAM)
    r.bind((host, 0))
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.sendto(b"datagram", r.getsockname())
    data, addr = r.recvfrom(100)
    print("udp", fam.name, data, addr[0], addr[1] == s.getsockname()[1], len(addr))
    s.sendto(b"into", r.getsockname())
    buf = bytearray(10)
    n, addr = r.recvfrom_into(buf)
    print("recvfrom_into:", n, bytes(buf[:n]))
    r.close()
    s.close()

# --- IPv6 TCP ---
srv6 = socket.create_server(("::1", 0), family=socket.AF_INET6)
c6 = socket.create_connection(srv6.getsockname()[:2])
conn6, addr6 = srv6.accept()
c6.sendall(b"v6")
print("ipv6 tcp:", conn6.recv(10), addr6[0], len(addr6))
for s in (c6, conn6, srv6):
    s.close()

# --- AF_UNIX ---
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    u.bind(path)
    u.listen(1)
    print("unix name ok:", u.getsockname() == path, os.path.exists(path))
    uc = socket.socket(socket.AF_UNIX)
    uc.connect(path)
    uconn, uaddr = u.accept()
    uc.sendall(b"unix data")
    print("unix:", uconn.recv(100), repr(uaddr))
    for s in (uc, uconn, u):
        s.close()
show("unix path too long:", lambda: socket.socket(socket.AF_UNIX).bind("a" * 200))

# --- options ---
with socket.socket() as s:
    print("reuseaddr before:", s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    print("reuseaddr after:", s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print("nodelay:", s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    print("bytes option:", s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 4))
    d = s.dup()
    print("dup:", d.fileno() != s.fileno(), d.type)
    d.close()
    fd = s.detach()
    print("detached:", s.fileno(), fd >= 0)
    os.close(fd)

# --- bad arguments ---
s = socket.socket()
show("bind str port:", lambda: s.bind(("127.0.0.1", "80")))
show("bind int host:", lambda: s.bind((1, 80)))
show("bind bad port:", lambda: s.bind(("127.0.0.1", 70000)))
show("bind triple:", lambda: s.bind(("127.0.0.1", 80, 1)))
show("bind str:", lambda: s.bind("x"))
show("recv negative:", lambda: s.recv(-1))
show("send str:", lambda: s.send("x"))
s.close()
s6 = socket.socket(socket.AF_INET6)
show("v6 str:", lambda: s6.bind("x"))
show("v6 short:", lambda: s6.bind(("::1",)))
show("v6 flowinfo:", lambda: s6.bind(("::1", 80, 1 << 21)))
s6.close()

# --- helpers ---
print(socket.inet_aton("1.2.3.4"), socket.inet_aton("1.2.3"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\0" * 15 + b"\1"))
show("inet_aton bad:", lambda: socket.inet_aton("1.2.3.x"))
show("inet_pton bad:", lambda: socket.inet_pton(socket.AF_INET, "1.2.3"))
show("inet_ntoa bad:", lambda: socket.inet_ntoa(b"12"))
show("inet_ntop bad:", lambda: socket.inet_ntop(socket.AF_INET, b"12"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
show("htons big:", lambda: socket.htons(70000))
show("htons negative:", lambda: socket.htons(-1))
show("htonl negative:", lambda: socket.htonl(-1))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "http", socket.AF_INET6, socket.SOCK_STREAM)[0][4])
print(socket.getaddrinfo("localhost", 8080, socket.AF_INET, socket.SOCK_DGRAM))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname("localhost"), socket.gethostbyname("10.1.2.3"))
print("hostname is str:", isinstance(socket.gethostname(), str))
show("gaierror:", lambda: socket.getaddrinfo("nonexistent.invalid", 80))
print(socket.gaierror.__mro__[1], socket.herror.__mro__[1], socket.error is OSError)
print(socket.AF_INET, socket.SOCK_STREAM, socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP,
      socket.TCP_NODELAY, socket.SHUT_RDWR, socket.SOCK_NONBLOCK, socket.SOCK_CLOEXEC, socket.has_ipv6)
print("dualstack:", socket.has_dualstack_ipv6())
ns = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print("SOCK_NONBLOCK:", ns.type, ns.gettimeout())
ns.close()
