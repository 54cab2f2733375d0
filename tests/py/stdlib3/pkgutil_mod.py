# pkgutil: iter_modules/walk_packages over a temporary tree, get_data, extend_path, resolve_name and errors
import pkgutil, os, sys, tempfile
with tempfile.TemporaryDirectory() as d:
    def w(rel, text=''):
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'w') as f:
            f.write(text)
    w('alpha.py', 'X = 1\n')
    w('beta/__init__.py', '')
    w('beta/sub.py', 'Y = 2\n')
    w('beta/inner/__init__.py', '')
    w('beta/inner/deep.py', '')
    w('beta/data/info.txt', 'hello data\n')
    w('notpkg/readme.txt', 'x')
    w('broken/__init__.py', 'raise ImportError("nope")\n')
    w('gamma.txt', '')
    w('Bad.name.py', '')
    print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([d])))
    print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([d], prefix='p.')))
    print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([os.path.join(d, 'beta')])), list(pkgutil.iter_modules([os.path.join(d, 'missing')])))
    sys.path.insert(0, d)
    errors = []
    print(sorted((m.name, m.ispkg) for m in pkgutil.walk_packages([d], onerror=errors.append)), errors)
    print(pkgutil.get_data('beta', 'data/info.txt'), pkgutil.get_data('nonexistent_pkg_xyz', 'x'))
    try:
        pkgutil.get_data('beta', 'data/missing.txt')
    except FileNotFoundError:
        print('FileNotFoundError')
    print(pkgutil.resolve_name('beta.sub:Y'), pkgutil.resolve_name('beta.sub.Y'), pkgutil.resolve_name('alpha:X'), pkgutil.resolve_name('beta.sub').__name__)
    print(pkgutil.resolve_name('os.path:join').__name__, pkgutil.resolve_name('os.path.join').__name__, pkgutil.resolve_name('beta:').__name__)
    for bad in ['1abc', 'a b', 'os:1x', '']:
        try:
            pkgutil.resolve_name(bad)
        except ValueError as e:
            print('ValueError:', e)
    for bad in ['no_such_module_q', 'os.nosuchattr', 'os:path.nosuch']:
        try:
            pkgutil.resolve_name(bad)
        except (ImportError, AttributeError) as e:
            print(type(e).__name__, e)
    import beta
    print([os.path.relpath(p, d) for p in pkgutil.extend_path(list(beta.__path__), 'beta')], pkgutil.extend_path('notalist', 'beta'))
    sys.path.remove(d)
    print(pkgutil.get_importer(d) is pkgutil.get_importer(d))
try:
    list(pkgutil.iter_modules('a/string'))
except ValueError as e:
    print('ValueError:', e)
mi = pkgutil.ModuleInfo(None, 'n', False)
print(mi, mi._fields)
print(pkgutil.get_loader('sys') is not None, pkgutil.find_loader('no_such_mod_zz'))
try:
    list(pkgutil.iter_importers('.rel'))
except ImportError as e:
    print('ImportError:', e)
