# multiprocessing.Manager (fork): dict/list/Namespace/Value/Array proxies, nested proxies, reprs, errors from the server, refcounting of shared objects
import multiprocessing as mp
import re
from multiprocessing import managers


def addr_free(text):
    return re.sub(r'0x[0-9a-f]+', '0x...', text)


def main():
    with mp.Manager() as m:
        print(type(m).__name__, m._state.value)
        d = m.dict()
        l = m.list(range(5))
        print(addr_free(repr(d)), addr_free(repr(l)))
        print(type(d).__name__, type(l).__name__, type(d).__mro__[1].__name__)

        # dict operations
        d['x'] = 1
        d.update({'y': 2, 'z': [1, 2]})
        d.setdefault('w', 0)
        print(str(d), len(d), 'x' in d, 'q' in d)
        print(sorted(d.keys()), sorted(d.values(), key=repr), sorted(d.items(), key=repr))
        print(d.get('x'), d.get('nope', 'dflt'), d.pop('w'), d.copy() == {'x': 1, 'y': 2, 'z': [1, 2]})
        print(sorted(d), sorted(iter(d)))
        z = d['z']
        z.append(3)          # a copy: the shared value does not change
        print(d['z'])
        del d['y']
        print(d._getvalue())
        try:
            d['missing']
        except KeyError as e:
            print('KeyError', e)
        try:
            del d['missing']
        except KeyError as e:
            print('KeyError on del', e)

        # list operations
        l.append(5)
        l.extend([6, 7])
        l.insert(0, -1)
        l[1] = 100
        print(l[:], l[2], l[-1], l[1:3], len(l))
        print(l.index(3), l.count(100), l.pop(), l.pop(0))
        l.remove(100)
        l.reverse()
        print(str(l))
        l.sort()
        print(l._getvalue(), list(reversed(l)), 3 in l, 42 in l)
        l += [8, 9]
        print(l[:], type(l).__name__)
        l *= 2
        print(len(l), l + [0], l * 1 == l[:])
        del l[0]
        print(l[:3])
        try:
            l[99]
        except IndexError as e:
            print('IndexError', e)
        try:
            l.remove(12345)
        except ValueError as e:
            print('ValueError', e)

        # nested proxies: a list inside a dict stays shared
        inner = m.list()
        d['inner'] = inner
        got = d['inner']
        got.append('nested')
        print(inner[:], type(got).__name__, addr_free(repr(got)))
        outer = m.list([m.dict(a=1), m.dict(b=2)])
        first = outer[0]
        first['c'] = 3
        print(sorted(outer[0].items()))

        # Namespace, Value, Array
        ns = m.Namespace(a=1, b='two')
        ns.c = [3]
        print(ns.a, ns.b, ns.c, addr_free(repr(ns)), str(ns))
        del ns.a
        try:
            ns.a
        except AttributeError as e:
            print('AttributeError', e)
        v = m.Value('i', 7)
        v.value += 1
        print(v.value, v.get(), type(v).__name__, str(v))
        v.set(3)
        print(v.value)
        arr = m.Array('d', [1.0, 2.5])
        arr[0] = 4.0
        print(len(arr), arr[0], arr[1], str(arr))

        # errors raised by the referent come back as themselves
        try:
            d.pop('nope')
        except KeyError as e:
            print('KeyError from pop', e)
        try:
            l.index('nope')
        except ValueError as e:
            print('ValueError from index', e)
        # methods that are not exposed come back as a RemoteError with the server traceback
        try:
            d._callmethod('nonexistent')
        except managers.RemoteError as e:
            text = str(e)
            print('RemoteError', text.splitlines()[2].startswith('Traceback'),
                  text.splitlines()[-2].strip())
        try:
            d.nonexistent
        except AttributeError as e:
            print('AttributeError', e)
        print(d._callmethod('__len__'), d._callmethod('get', ('x',)), d._callmethod('get', ('q', 5)))
        try:
            d._callmethod('get', (), {'key': 'x'})
        except TypeError as e:
            print('TypeError', e)

        # refcounting: dropping the last proxy frees the server's object
        base = m._number_of_objects()
        tmp = m.dict(a=1)
        tmp2 = m.list()
        print(m._number_of_objects() - base)
        del tmp
        print(m._number_of_objects() - base)
        del tmp2
        print(m._number_of_objects() - base)
        it = iter(d)
        print(m._number_of_objects() - base)
        print(sorted(it))
        del it
        print(m._number_of_objects() - base)
        print(type(m._debug_info()).__name__)
    print(m._state.value)
    try:
        m.start()
    except mp.ProcessError as e:
        print('ProcessError', e)


if __name__ == '__main__':
    main()
