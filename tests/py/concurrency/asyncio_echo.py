# asyncio: echo server and clients on 127.0.0.1 with streams, protocols/transports, sock_* methods, read errors, to_thread, signal handlers and the exception handler
import asyncio
import os
import signal
import socket
import threading


async def handle_echo(reader, writer):
    peer = writer.get_extra_info("peername")
    assert peer[0] == "127.0.0.1"
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, n, tag):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    got = []
    for i in range(n):
        writer.write(f"{tag} message {i}\n".encode())
        await writer.drain()
        got.append(await reader.readline())
    writer.write_eof()
    rest = await reader.read()
    writer.close()
    await writer.wait_closed()
    return got, rest


async def echo_demo():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving:", server.is_serving(), len(server.sockets))
    results = await asyncio.gather(*(client(port, 20, f"c{k}") for k in range(10)))
    print("clients:", len(results), "replies each:", sorted({len(r[0]) for r in results}))
    print("sample:", results[3][0][:2], "eof rest:", results[3][1])
    ok = all(r[0][i] == f"C{k} MESSAGE {i}\n".encode() for k, r in enumerate(results) for i in range(20))
    print("all replies correct:", ok)
    server.close()
    await server.wait_closed()
    print("closed:", server.is_serving())


asyncio.run(echo_demo())


async def reader_demo():
    async def feeder(reader, writer):
        writer.write(b"alpha|beta||gamma\nshort")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(feeder, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("readuntil:", await reader.readuntil(b"|"))
    print("readuntil tuple:", await reader.readuntil((b"||", b"\n")))
    print("readexactly:", await reader.readexactly(6))
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial, e.expected)
    print("at_eof:", reader.at_eof(), await reader.read(), await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    r = asyncio.StreamReader(limit=8)
    r.feed_data(b"0123456789abcdef\nxyz")
    r.feed_eof()
    try:
        await r.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print("LimitOverrunError:", e, e.consumed)
    try:
        await r.readline()
    except ValueError as e:
        print("readline ValueError:", e)
    print("after overrun:", await r.read())
    r2 = asyncio.StreamReader()
    r2.feed_data(b"a\nb\nc")
    r2.feed_eof()
    print("async for:", [line async for line in r2])
    try:
        await asyncio.open_connection("127.0.0.1", free_port())
    except ConnectionRefusedError as e:
        print("refused:", type(e).__name__, e.errno == 111)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


asyncio.run(reader_demo())


class EchoProtocol(asyncio.Protocol):
    def __init__(self, log):
        self.log = log

    def connection_made(self, transport):
        self.transport = transport
        self.log.append("server made")

    def data_received(self, data):
        self.transport.write(data[::-1])

    def eof_received(self):
        self.log.append("server eof")

    def connection_lost(self, exc):
        self.log.append(f"server lost {exc}")


class ClientProtocol(asyncio.Protocol):
    def __init__(self, done, log):
        self.done = done
        self.log = log
        self.data = b""

    def connection_made(self, transport):
        self.log.append("client made")
        transport.write(b"hello")
        transport.write(b" world")
        print("extra:", transport.get_extra_info("peername")[0], transport.get_extra_info("socket").type,
              transport.can_write_eof(), transport.is_closing(), transport.get_write_buffer_size())

    def data_received(self, data):
        self.data += data
        if len(self.data) >= 11:
            self.done.set_result(self.data)

    def connection_lost(self, exc):
        self.log.append(f"client lost {exc}")


async def protocol_demo():
    loop = asyncio.get_running_loop()
    log = []
    server = await loop.create_server(lambda: EchoProtocol(log), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, proto = await loop.create_connection(lambda: ClientProtocol(done, log), "127.0.0.1", port)
    data = await done
    print("protocol echo:", data)
    transport.close()
    print("closing:", transport.is_closing())
    await asyncio.sleep(0.05)
    print("log:", sorted(log))
    server.close()
    await server.wait_closed()

    # sock_* methods on non-blocking sockets
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    lsock.listen()
    lsock.setblocking(False)
    csock = socket.socket()
    csock.setblocking(False)
    accept_task = asyncio.create_task(loop.sock_accept(lsock))
    await loop.sock_connect(csock, lsock.getsockname())
    conn, addr = await accept_task
    await loop.sock_sendall(csock, b"x" * 100000)
    total = 0
    while total < 100000:
        chunk = await loop.sock_recv(conn, 65536)
        total += len(chunk)
    print("sock_* transferred:", total)
    buf = bytearray(4)
    await loop.sock_sendall(conn, b"ping")
    print("sock_recv_into:", await loop.sock_recv_into(csock, buf), buf)
    for s in (csock, conn, lsock):
        s.close()


asyncio.run(protocol_demo())


async def misc_demo():
    loop = asyncio.get_running_loop()
    print("to_thread:", await asyncio.to_thread(lambda a, b: a * b, 6, b=7))
    main_ident = threading.get_ident()
    print("to_thread other thread:", await asyncio.to_thread(threading.get_ident) != main_ident)
    fut = loop.create_future()

    def worker():
        loop.call_soon_threadsafe(fut.set_result, "from thread")

    threading.Thread(target=worker).start()
    print("call_soon_threadsafe:", await asyncio.wait_for(fut, 5))

    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, lambda: got.set_result("SIGUSR1 handled"))
    os.kill(os.getpid(), signal.SIGUSR1)
    print(await asyncio.wait_for(got, 5))
    print("removed:", loop.remove_signal_handler(signal.SIGUSR1), loop.remove_signal_handler(signal.SIGUSR1))
    try:
        loop.add_signal_handler(signal.SIGKILL, print)
    except RuntimeError as e:
        print("SIGKILL:", e)

    async def coro():
        pass

    try:
        loop.add_signal_handler(signal.SIGUSR2, coro)
    except TypeError as e:
        print("coroutine handler:", e)

    contexts = []
    loop.set_exception_handler(lambda lp, ctx: contexts.append(ctx))
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    ctx = contexts[0]
    print("handler got:", ctx["message"].startswith("Exception in callback"), type(ctx["exception"]).__name__)
    print("get_exception_handler set:", loop.get_exception_handler() is not None)
    loop.set_exception_handler(None)
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("bad handler:", e)
    print("run_in_executor:", await loop.run_in_executor(None, sum, range(10)))


asyncio.run(misc_demo())
