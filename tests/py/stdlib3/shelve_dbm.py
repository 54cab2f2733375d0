# dbm.dumb (files, index format, errors), dbm.whichdb/open on dumb files, shelve (pickled values, writeback, closed shelf)
import dbm, dbm.dumb, shelve, os, tempfile
with tempfile.TemporaryDirectory() as d:
    base = os.path.join(d, 'db')
    db = dbm.dumb.open(base, 'c')
    db['a'] = 'one'
    db[b'b'] = b'two' * 300
    db[b'c'] = bytearray(b'three')
    db['a'] = 'ONE'
    db['b'] = 'x' * 2000
    print(sorted(db.keys()), db['a'], len(db['b']), db[b'c'], len(db), 'a' in db, b'zz' in db, sorted(db.items())[0])
    for bad in [(1, 'v'), ('k', 1)]:
        try:
            db[bad[0]] = bad[1]
        except TypeError as e:
            print('TypeError:', e)
    try:
        db['nope']
    except KeyError as e:
        print('KeyError', e)
    del db['c']
    db.sync()
    print(sorted(os.listdir(d)), open(base + '.dir').read().splitlines())
    db.close()
    try:
        db.keys()
    except OSError as e:
        print(type(e).__name__, e)
    print(dbm.whichdb(base), dbm.whichdb(os.path.join(d, 'missing')))
    with dbm.open(base, 'r') as ro:
        print(sorted(ro.keys()), ro['a'])
        try:
            ro['x'] = 'y'
        except dbm.error as e:
            print('dbm.error', e)
    with dbm.open(base, 'w') as rw:
        rw['z'] = '26'
    with dbm.dumb.open(base, 'n') as fresh:
        print(len(fresh))
    try:
        dbm.dumb.open(base, 'x')
    except ValueError as e:
        print('ValueError:', e)
    try:
        dbm.dumb.open(os.path.join(d, 'absent'), 'r')
    except FileNotFoundError:
        print('FileNotFoundError')
    try:
        dbm.open(os.path.join(d, 'absent'))
    except dbm.error[0] as e:
        print('dbm.error', e)
    print(dbm.error[1] is OSError, dbm.dumb.error is OSError)
    # shelve over an explicit dumb database
    sbase = os.path.join(d, 'shelf')
    with shelve.Shelf(dbm.dumb.open(sbase, 'c')) as sh:
        sh['list'] = [1, 2, {'x': (3, 4)}]
        sh['obj'] = {'nested': set([1])}
        sh['list'].append(99)          # lost without writeback
        print(sh['list'], sorted(sh), len(sh), 'obj' in sh, sh.get('none', 'dflt'))
    with shelve.Shelf(dbm.dumb.open(sbase, 'w'), writeback=True) as sh:
        sh['list'].append(5)
        print(sh.cache)
        del sh['obj']
    with shelve.Shelf(dbm.dumb.open(sbase, 'r')) as sh:
        print(dict(sh))
    sh.close()
    try:
        sh['list']
    except ValueError as e:
        print('ValueError:', e)
    print(repr(sh.dict))
    with shelve.open(os.path.join(d, 'auto')) as sh:
        sh['k'] = ('v', 1.5)
    with shelve.open(os.path.join(d, 'auto'), 'r') as sh:
        print(dict(sh), sh._protocol)
    with shelve.Shelf({}, protocol=2, keyencoding='latin-1') as sh:
        sh['\xe9'] = 1
        print(list(sh.dict), sh['\xe9'])
