# linecache reads sources with their coding cookie or BOM and keeps its cache up to date
import linecache
import os
import tempfile
import types

with tempfile.TemporaryDirectory() as d:
    def write(name, data):
        path = os.path.join(d, name)
        with open(path, 'wb') as f:
            f.write(data)
        return path

    koi = write('koi.py', '# -*- coding: koi8-r -*-\ns = "Привет"\n'.encode('koi8-r'))
    print(repr(linecache.getline(koi, 2)))
    print(linecache.getlines(koi))

    lat = write('lat.py', '# coding: latin-1\nx = "café"  # ü\n'.encode('latin-1'))
    print(repr(linecache.getline(lat, 2)))

    bom = write('bom.py', b'\xef\xbb\xbfx = "\xc3\xa9t\xc3\xa9"\ny = 2')
    print(linecache.getlines(bom))

    cp = write('cp.py', '#!/usr/bin/env python\n# vim: set fileencoding=cp1251 :\nt = "Ж"\n'.encode('cp1251'))
    print(repr(linecache.getline(cp, 3)))

    utf = write('utf.py', 'a = "ñ"\r\nb = 1\r\n'.encode('utf-8'))
    print(linecache.getlines(utf))

    empty = write('empty.py', b'')
    print(linecache.getlines(empty))

    # undecodable or a bad cookie: no lines, no exception
    bad = write('bad.py', b'x = "\xff\xfe"\n')
    print(linecache.getlines(bad))
    badcookie = write('badcookie.py', b'# coding: no-such-codec\nx = 1\n')
    print(linecache.getlines(badcookie))

    print(repr(linecache.getline(koi, 0)), repr(linecache.getline(koi, 99)))
    print(linecache.getline('<string>', 1) == '', linecache.getlines('') == [])
    print(linecache.getlines(os.path.join(d, 'missing.py')))

    # checkcache drops entries whose file changed or vanished
    entry = linecache.cache[utf]
    print(entry[0], entry[2], os.path.basename(entry[3]))
    write('utf.py', b'changed = True\nmore = 1\n')
    os.utime(utf, (0, 12345))
    linecache.checkcache(utf)
    print(utf in linecache.cache)
    print(linecache.getlines(utf))
    os.remove(lat)
    linecache.checkcache()
    print(lat in linecache.cache, koi in linecache.cache)
    linecache.checkcache('not-cached')

    # updatecache rereads
    write('koi.py', '# coding: koi8-r\nz = "мир"\n'.encode('koi8-r'))
    print(linecache.updatecache(koi))

    # lazycache: the loader's get_source is asked only when the lines are needed
    calls = []

    class Loader:
        def get_source(self, name):
            calls.append(name)
            return 'line one\nline two'

    g = {'__name__': 'fake_mod', '__loader__': Loader()}
    fake = os.path.join(d, 'fake_mod.py')
    print(linecache.lazycache(fake, g), calls)
    print(linecache.lazycache(fake, g))
    print(linecache.getline(fake, 2, g), calls)
    print(linecache.lazycache(fake, g))
    print(linecache.lazycache('<stdin>', g), linecache.lazycache(fake + 'x', {}))
    spec = types.SimpleNamespace(name='spec_mod', loader=Loader())
    print(linecache.getlines(fake + 'y', {'__name__': 'x', '__spec__': spec}), calls)

    linecache.clearcache()
    print(linecache.cache)

# only newlines end lines: form feeds and other separators stay inside a line
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'ff.py')
    with open(path, 'wb') as f:
        f.write('a = 1\x0c# after ff\x0b\nb = "\u2028"\rc = 3'.encode('utf-8'))
    print(linecache.getlines(path))
