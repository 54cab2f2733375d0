# multiprocessing BaseManager subclasses: register (callable/proxytype/exposed/method_to_typeid/create_method), start(initializer), get_server()/connect() over AF_INET and AF_UNIX with authkey, Listener/Client authentication
import multiprocessing as mp
import os
import re
import threading
from multiprocessing import managers
from multiprocessing.connection import Listener, Client
from multiprocessing.managers import BaseManager, BaseProxy, SyncManager


def addr_free(text):
    return re.sub(r'0x[0-9a-f]+', '0x...', text)


class Counter:
    def __init__(self, start=0):
        self.value = start
        self._hidden = 'h'

    def incr(self, n=1):
        self.value += n
        return self.value

    def get(self):
        return self.value

    def fail(self):
        raise ValueError('counter failed at %d' % self.value)

    def child(self):
        return Counter(self.value * 100)

    def numbers(self):
        return iter(range(self.value))


class CounterProxy(BaseProxy):
    _exposed_ = ('incr', 'get')

    def incr(self, n=1):
        return self._callmethod('incr', (n,))

    def get(self):
        return self._callmethod('get')


class MyManager(BaseManager):
    pass


MyManager.register('Counter', Counter)
MyManager.register('LimitedCounter', Counter, exposed=('get',))
MyManager.register('ProxiedCounter', Counter, proxytype=CounterProxy)
MyManager.register('TreeCounter', Counter, method_to_typeid={'child': 'Sub', 'numbers': 'Iter'})
MyManager.register('Sub', create_method=False)
MyManager.register('Iter', proxytype=managers.IteratorProxy, create_method=False)

INIT_MARK = []


def init_server(tag):
    os.environ['MP_MGR_TAG'] = tag


def read_tag():
    return os.environ.get('MP_MGR_TAG', 'unset')


class TagManager(BaseManager):
    pass


TagManager.register('read_tag', callable=lambda: {'tag': read_tag()})


def child_incr(c, n):
    for _ in range(n):
        c.incr()


def run_server(address, authkey, ready):
    m = MyManager(address=address, authkey=authkey)
    server = m.get_server()
    ready.put(server.address)
    server.serve_forever()


def main():
    with MyManager() as m:
        c = m.Counter(5)
        print(addr_free(repr(c)), type(c).__name__, c._exposed_)
        print(c.incr(), c.incr(3), c.get(), str(c)[:9])
        try:
            c.fail()
        except ValueError as e:
            print('ValueError', e)
        ps = [mp.Process(target=child_incr, args=(c, 5)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(c.get())

        lc = m.LimitedCounter(1)
        print(type(lc).__name__, lc._exposed_, lc.get(), hasattr(lc, 'incr'))
        try:
            lc._callmethod('incr')
        except managers.RemoteError as e:
            print('RemoteError', str(e).splitlines()[-2])

        pc = m.ProxiedCounter(10)
        print(type(pc).__name__, pc.incr(2), pc.get())

        tc = m.TreeCounter(3)
        kid = tc.child()
        print(type(kid).__name__, kid.get(), kid.incr())
        print(type(tc.numbers()).__name__, list(tc.numbers()))
        print(sorted(MyManager._registry), 'Counter' in BaseManager._registry)
        print(hasattr(MyManager, 'Iter'), hasattr(MyManager, 'TreeCounter'))
        print(type(m.address).__name__, m._number_of_objects())
        del kid
        print(m._number_of_objects())

    # start() with an initializer runs it in the server process
    tm = TagManager()
    tm.start(init_server, ('from-init',))
    print(tm.read_tag().copy(), read_tag())
    tm.shutdown()
    try:
        TagManager().start(42)
    except TypeError as e:
        print('TypeError', e)

    # a server started elsewhere, reached with connect(); AF_INET then AF_UNIX
    for address in (('127.0.0.1', 0), None):
        ready = mp.SimpleQueue()
        p = mp.Process(target=run_server, args=(address, b'pass', ready))
        p.start()
        addr = ready.get()
        print(type(addr).__name__)
        client = MyManager(address=addr, authkey=b'pass')
        client.connect()
        c = client.Counter(2)
        print(c.incr(), client._number_of_objects())
        bad = MyManager(address=addr, authkey=b'wrong')
        try:
            bad.connect()
        except mp.AuthenticationError as e:
            print('AuthenticationError', e)
        del c
        conn = Client(addr, authkey=b'pass')
        managers.dispatch(conn, None, 'shutdown')
        conn.close()
        p.join(5)
        print('server exit', p.exitcode)

    # plain Listener/Client with an authkey
    errors = []
    with Listener(('127.0.0.1', 0), authkey=b'k') as listener:
        def serve():
            for _ in range(2):
                try:
                    with listener.accept() as conn:
                        conn.send(conn.recv() + 1)
                except mp.AuthenticationError as e:
                    errors.append(str(e))
        t = threading.Thread(target=serve)
        t.start()
        with Client(listener.address, authkey=b'k') as conn:
            conn.send(41)
            print(conn.recv())
        try:
            Client(listener.address, authkey=b'nope')
        except mp.AuthenticationError as e:
            print('client', e)
        t.join()
    print('server', errors)
    try:
        Listener(authkey='str')
    except TypeError as e:
        print('TypeError', e)
    print(sorted(c.name for c in mp.active_children()))


if __name__ == '__main__':
    main()
