# multiprocessing with the spawn start method: a fresh interpreter re-imports this file as __mp_main__ and runs the pickled Process; Pipe/Queue/Lock/Event/Value passed to it; a spawn-context Manager
import multiprocessing as mp
import sys

LOADED_AS = __name__


def child(conn, q, jq, lock, ev, val, arr, sq):
    conn.send((LOADED_AS, mp.current_process().name, mp.parent_process() is not None))
    with lock:
        val.value += 1
        arr[0] = 9
    ev.wait(5)
    q.put(('from child', val.value))
    item = jq.get()
    jq.task_done()
    sq.put(item * 2)
    conn.close()


def failing():
    raise SystemExit(7)


def use_proxies(d, l, n):
    d[n] = n * n
    l.append(n)


def main():
    ctx = mp.get_context('spawn')
    print(type(ctx).__name__, ctx.get_start_method(), ctx.Process.__name__)
    r, w = ctx.Pipe()
    q, jq, lock, ev = ctx.Queue(), ctx.JoinableQueue(), ctx.Lock(), ctx.Event()
    val, arr, sq = ctx.Value('i', 5), ctx.Array('i', [1, 2]), ctx.SimpleQueue()
    p = ctx.Process(target=child, args=(w, q, jq, lock, ev, val, arr, sq), name='spawned-child')
    p.start()
    print(r.recv())
    ev.set()
    print(q.get(timeout=10))
    jq.put(21)
    jq.join()
    print(sq.get(), val.value, arr[:])
    p.join()
    print(p.exitcode, p.is_alive())

    p = ctx.Process(target=failing)
    p.start()
    p.join()
    print('exit code', p.exitcode)

    with ctx.Manager() as m:
        d = m.dict()
        l = m.list()
        ps = [ctx.Process(target=use_proxies, args=(d, l, i)) for i in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l))
    print(mp.get_start_method(), mp.active_children())


if __name__ == '__main__':
    main()
