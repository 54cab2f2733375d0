# asyncio: create_subprocess_exec/shell with pipes (communicate, streamed reads, stdin, exit codes, kill) and the destroyed-task / callback-error messages through the loop's exception handler
import asyncio
import gc
import signal
import sys


async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; data = sys.stdin.read(); print(data.upper()); sys.stderr.write('err\\n'); sys.exit(3)",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(b"hello child")
    print("communicate:", out, err, proc.returncode)

    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "for i in range(3): print('line', i, flush=True)",
        stdout=asyncio.subprocess.PIPE)
    lines = [line async for line in proc.stdout]
    print("streamed:", lines, await proc.wait())

    proc = await asyncio.create_subprocess_shell("echo shell $((6 * 7))", stdout=asyncio.subprocess.PIPE)
    print("shell:", (await proc.stdout.read()).strip(), await proc.wait())

    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys\nfor line in sys.stdin: print(len(line.strip()), flush=True)",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    for word in (b"a", b"abc", b"abcdef"):
        proc.stdin.write(word + b"\n")
        await proc.stdin.drain()
        print("interactive:", (await proc.stdout.readline()).strip())
    proc.stdin.close()
    await proc.stdin.wait_closed()
    print("after stdin close:", await proc.wait())

    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import time; time.sleep(30)")
    proc.kill()
    print("killed:", await proc.wait() == -signal.SIGKILL)

    loop = asyncio.get_running_loop()
    messages = []
    loop.set_exception_handler(lambda lp, ctx: messages.append(ctx["message"]))

    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0.01)
    print("handler messages:", [m.split(" at ")[0] for m in messages])


asyncio.run(main())


def destroyed():
    loop = asyncio.new_event_loop()
    messages = []
    loop.set_exception_handler(lambda lp, ctx: messages.append((ctx["message"], type(ctx.get("task")).__name__)))

    async def forever():
        await asyncio.sleep(100)

    t = loop.create_task(forever())
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()
    del t
    gc.collect()
    print("destroyed pending task:", messages)


destroyed()
