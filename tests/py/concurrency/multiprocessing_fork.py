# multiprocessing (fork): Process, Pipe, Queue/SimpleQueue/JoinableQueue, locks, Event, Value/Array, Pool and ProcessPoolExecutor with deterministic output
import multiprocessing as mp
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(x):
    raise ValueError(f"bad {x}")


def child_send(conn, n):
    conn.send(["hello", n, {"pid": os.getpid() != 0}])
    conn.send_bytes(b"raw bytes")
    msg = conn.recv()
    conn.send(msg.upper())
    conn.close()


def child_queue(q, base):
    for i in range(3):
        q.put(base + i)


def child_exit(code):
    sys.exit(code)


def child_counter(counter, arr, lock, n):
    for _ in range(n):
        with lock:
            counter.value += 1
    for i in range(len(arr)):
        with arr.get_lock():
            arr[i] = arr[i] + 1


def child_event(ev, q):
    ev.wait(5)
    q.put("event seen")


def child_joinable(jq, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        out.put(item * 10)
        jq.task_done()


def child_info(q):
    q.put((mp.current_process().name, mp.parent_process() is not None,
           mp.current_process().daemon))


if __name__ == "__main__":
    print("start method:", mp.get_start_method(), "fork" in mp.get_all_start_methods())
    print("cpu_count ok:", mp.cpu_count() >= 1)
    print("current:", mp.current_process().name, mp.parent_process())

    parent, child = mp.Pipe()
    p = mp.Process(target=child_send, args=(child, 7), name="sender")
    print("before start:", p.is_alive(), p.exitcode, p.name)
    p.start()
    print("pipe recv:", parent.recv())
    print("pipe recv_bytes:", parent.recv_bytes())
    parent.send("shout")
    print("poll:", parent.poll(5))
    print("pipe reply:", parent.recv())
    p.join(5)
    print("after join:", p.is_alive(), p.exitcode, p.pid is not None)

    r, w = mp.Pipe(duplex=False)
    w.send({"one-way": True})
    print("one-way:", r.recv(), r.poll(0.01))
    try:
        r.send(1)
    except OSError as e:
        print("read-only end:", e)

    q = mp.Queue()
    procs = [mp.Process(target=child_queue, args=(q, 100 * k)) for k in range(3)]
    for pr in procs:
        pr.start()
    got = sorted(q.get(timeout=5) for _ in range(9))
    for pr in procs:
        pr.join()
    print("queue:", got)
    try:
        q.get(timeout=0.05)
    except Exception as e:
        print("empty:", type(e).__name__)

    sq = mp.SimpleQueue()
    sq.put(("simple", 1))
    print("simple queue:", sq.get(), sq.empty())

    codes = []
    for code in (0, 3, None):
        ep = mp.Process(target=child_exit, args=(code,))
        ep.start()
        ep.join()
        codes.append(ep.exitcode)
    print("exit codes:", codes)
    sleeper = mp.Process(target=time.sleep, args=(30,))
    sleeper.start()
    sleeper.terminate()
    sleeper.join()
    print("terminated exitcode:", sleeper.exitcode)

    counter = mp.Value("i", 0)
    arr = mp.Array("d", [0.0, 1.0, 2.0])
    lock = mp.Lock()
    workers = [mp.Process(target=child_counter, args=(counter, arr, lock, 50)) for _ in range(4)]
    for wk in workers:
        wk.start()
    for wk in workers:
        wk.join()
    print("shared value:", counter.value, "array:", arr[:], len(arr))

    ev = mp.Event()
    eq = mp.Queue()
    ep = mp.Process(target=child_event, args=(ev, eq))
    ep.start()
    print("event before:", ev.is_set())
    ev.set()
    print(eq.get(timeout=5), ev.is_set())
    ep.join()

    jq = mp.JoinableQueue()
    out = mp.Queue()
    jp = mp.Process(target=child_joinable, args=(jq, out))
    jp.start()
    for i in range(4):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("joinable:", sorted(out.get(timeout=5) for _ in range(4)))
    jp.join()

    iq = mp.Queue()
    ip = mp.Process(target=child_info, args=(iq,), name="info-child", daemon=True)
    ip.start()
    print("child info:", iq.get(timeout=5))
    ip.join()

    with mp.Pool(3) as pool:
        print("map:", pool.map(square, range(10)))
        print("starmap:", pool.starmap(add, [(1, 2), (3, 4)]))
        print("imap:", list(pool.imap(square, range(5))))
        print("imap chunked:", list(pool.imap(square, range(7), chunksize=3)))
        print("imap_unordered:", sorted(pool.imap_unordered(square, range(6))))
        print("apply:", pool.apply(add, (20, 22)))
        res = pool.apply_async(square, (9,))
        print("apply_async:", res.get(timeout=5), res.ready(), res.successful())
        bad = pool.apply_async(fail, (1,))
        try:
            bad.get(timeout=5)
        except ValueError as e:
            print("worker exception:", e)
        collected = []
        pool.map_async(square, [1, 2, 3], callback=collected.append).wait(5)
        time.sleep(0.05)
        print("map_async callback:", collected)
    pool = mp.Pool(2)
    print("empty map:", pool.map(square, []))
    pool.close()
    pool.join()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print("closed pool:", e)

    with ProcessPoolExecutor(max_workers=2) as ex:
        futs = [ex.submit(square, i) for i in range(5)]
        print("executor:", sorted(f.result(timeout=5) for f in as_completed(futs)))
        print("executor map:", list(ex.map(add, [1, 2], [10, 20])))
        err = ex.submit(fail, 2)
        print("executor exception:", type(err.exception(timeout=5)).__name__)
    try:
        ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print("bad max_workers:", e)
    print("children left:", mp.active_children())
