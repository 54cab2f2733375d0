"""(b) asyncio echo server on loopback: 100 concurrent clients x 1,000 messages each.
Prints messages per second."""
import asyncio
import sys
import time

CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
MESSAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 1000


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    msg = b"x" * 32 + b"\n"
    for _ in range(MESSAGES):
        writer.write(msg)
        await writer.drain()
        await reader.readline()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=CLIENTS)
    port = server.sockets[0].getsockname()[1]
    t0 = time.perf_counter()
    await asyncio.gather(*(client(port) for _ in range(CLIENTS)))
    elapsed = time.perf_counter() - t0
    server.close()
    await server.wait_closed()
    print("echo_seconds", round(elapsed, 3))
    print("echo_msgs_per_s", round(CLIENTS * MESSAGES / elapsed))


asyncio.run(main())
