# multiprocessing managers shared with forked children and Pool workers: dict/list/Namespace updates under a managed Lock, Queue/Event/Barrier/Condition/Semaphore proxies, manager Pool
import multiprocessing as mp
import os


def worker(d, l, lock, i):
    with lock:
        d[i] = i * i
        l.append(i)
        d['total'] = d.get('total', 0) + i


def pool_task(args):
    d, i = args
    d[i] = os.getpid() != 0
    return i * 10


def queue_child(q, ev, n):
    ev.wait(5)
    for i in range(n):
        q.put(('item', i))
    q.put(None)


def barrier_child(b, l, i):
    idx = b.wait(5)
    l.append(idx >= 0)


def cond_child(cond, ns):
    with cond:
        ns.ready = True
        cond.notify_all()


def sem_child(sem, counter, lock):
    with sem:
        with lock:
            counter.value += 1


def main():
    with mp.Manager() as m:
        d = m.dict()
        l = m.list()
        lock = m.Lock()
        procs = [mp.Process(target=worker, args=(d, l, lock, i)) for i in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(sorted(d.items(), key=str), sorted(l), [p.exitcode for p in procs])

        # proxies pickled to Pool workers
        shared = m.dict()
        with mp.Pool(2) as pool:
            print(pool.map(pool_task, [(shared, i) for i in range(6)]))
        print(sorted(shared.keys()))

        q = m.Queue()
        ev = m.Event()
        p = mp.Process(target=queue_child, args=(q, ev, 3))
        p.start()
        print(ev.is_set())
        ev.set()
        items = []
        while True:
            item = q.get(timeout=5)
            if item is None:
                break
            items.append(item)
        p.join()
        print(items, ev.is_set(), q.empty(), q.qsize())

        b = m.Barrier(3)
        bl = m.list()
        ps = [mp.Process(target=barrier_child, args=(b, bl, i)) for i in range(2)]
        for p in ps:
            p.start()
        print(b.wait(5) in (0, 1, 2), b.parties, b.broken)
        for p in ps:
            p.join()
        print(bl[:], b.n_waiting)

        cond = m.Condition()
        ns = m.Namespace(ready=False)
        with cond:
            p = mp.Process(target=cond_child, args=(cond, ns))
            p.start()
            print(cond.wait_for(lambda: ns.ready, timeout=5))
        p.join()

        sem = m.Semaphore(2)
        bsem = m.BoundedSemaphore(1)
        rlock = m.RLock()
        counter = m.Value('i', 0)
        ps = [mp.Process(target=sem_child, args=(sem, counter, rlock)) for i in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(counter.value)
        print(bsem.acquire(), bsem.acquire(False), bsem.acquire(True, 0.05))
        bsem.release()
        try:
            bsem.release()
        except ValueError as e:
            print('ValueError', e)
        with rlock:
            with rlock:
                print('rlock reentrant')
        try:
            lock.release()
        except RuntimeError as e:
            print('RuntimeError', e)

        jq = m.JoinableQueue()
        jq.put(1)
        print(jq.get())
        jq.task_done()
        jq.join()

        # a Pool living in the manager process
        mpool = m.Pool(2)
        print(mpool.map(abs, [-1, -2, 3]))
        res = mpool.apply_async(pow, (2, 5))
        print(type(res).__name__, res.get(5), res.ready(), res.successful())
        print(sorted(mpool.imap_unordered(abs, [-4, 5, -6])))
        mpool.close()
        mpool.join()
    print(sorted(c.name.split('-')[0] for c in mp.active_children()))


if __name__ == '__main__':
    main()
