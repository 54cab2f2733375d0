"""Utilities to support packages: listing the modules of a path or package,
package data access, namespace-path extension and dotted-name resolution."""

from collections import namedtuple
import importlib
import os
import re
import sys

__all__ = [
    'get_importer', 'iter_importers', 'get_loader', 'find_loader',
    'walk_packages', 'iter_modules', 'get_data', 'read_code', 'extend_path',
    'ModuleInfo',
]

ModuleInfo = namedtuple('ModuleInfo', 'module_finder name ispkg')
ModuleInfo.__doc__ = 'A namedtuple with minimal info about a module.'


def read_code(stream):
    """Read a code object from a .pyc stream (None if the magic differs)."""
    import marshal
    from importlib.util import MAGIC_NUMBER
    magic = stream.read(4)
    if magic != MAGIC_NUMBER:
        return None
    stream.read(12)     # flags, mtime/hash and size
    return marshal.load(stream)


def walk_packages(path=None, prefix='', onerror=None):
    """Yield ModuleInfo for all modules recursively on path (or sys.path),
    importing each package to find its submodules."""
    seen_paths = set()

    def walk(path, prefix):
        for info in iter_modules(path, prefix):
            yield info
            if not info.ispkg:
                continue
            try:
                __import__(info.name)
            except ImportError:
                if onerror is not None:
                    onerror(info.name)
            except Exception:
                if onerror is not None:
                    onerror(info.name)
                else:
                    raise
            else:
                sub = getattr(sys.modules[info.name], '__path__', None) or []
                sub = [p for p in sub if p not in seen_paths]
                seen_paths.update(sub)
                yield from walk(sub, info.name + '.')
    return walk(path, prefix)


def iter_modules(path=None, prefix=''):
    """Yield ModuleInfo for the top-level modules on path (default sys.path)."""
    if path is None:
        pairs = ((imp, None) for imp in iter_importers())
    elif isinstance(path, str):
        raise ValueError("path must be None or list of paths to look for modules in")
    else:
        pairs = ((get_importer(p), p) for p in path)
    yielded = set()
    for importer, item in pairs:
        for name, ispkg in iter_importer_modules(importer, prefix, item):
            if name not in yielded:
                yielded.add(name)
                yield ModuleInfo(importer, name, ispkg)


def _module_name(filename):
    # The module name a file in a directory would be imported as, or None.
    for suffix in ('.py', '.pyc') + tuple(importlib.machinery.EXTENSION_SUFFIXES
                                          if hasattr(importlib, 'machinery') else ()):
        if filename.endswith(suffix) and len(filename) > len(suffix):
            return filename[:-len(suffix)]
    return None


def iter_importer_modules(importer, prefix='', _path_item=None):
    """Yield (name, ispkg) for the modules an importer can import."""
    if hasattr(importer, 'iter_modules'):
        yield from importer.iter_modules(prefix)
        return
    directory = getattr(importer, 'path', None) or _path_item
    if directory is None or not os.path.isdir(directory):
        return
    try:
        names = os.listdir(directory)
    except OSError:
        names = []
    names.sort()        # a package comes before a same-named module
    yielded = set()
    for fn in names:
        modname = _module_name(fn)
        if modname == '__init__' or modname in yielded:
            continue
        full = os.path.join(directory, fn)
        ispkg = False
        if not modname and os.path.isdir(full) and '.' not in fn:
            modname = fn
            try:
                contents = os.listdir(full)
            except OSError:
                contents = []
            if not any(_module_name(c) == '__init__' for c in contents):
                continue
            ispkg = True
        if modname and '.' not in modname:
            yielded.add(modname)
            yield prefix + modname, ispkg


def get_importer(path_item):
    """The finder for a sys.path entry (cached in sys.path_importer_cache)."""
    path_item = os.fsdecode(path_item)
    try:
        return sys.path_importer_cache[path_item]
    except KeyError:
        pass
    for hook in sys.path_hooks:
        try:
            importer = hook(path_item)
        except ImportError:
            continue
        sys.path_importer_cache.setdefault(path_item, importer)
        return importer
    return None


def iter_importers(fullname=""):
    """Yield the finders that could import fullname (its package's __path__
    entries for a submodule, else sys.meta_path then sys.path)."""
    if fullname.startswith('.'):
        raise ImportError("Relative module name {!r} not supported".format(fullname))
    if '.' in fullname:
        pkg_name = fullname.rpartition(".")[0]
        pkg = importlib.import_module(pkg_name)
        path = getattr(pkg, '__path__', None)
        if path is None:
            return
    else:
        yield from sys.meta_path
        path = sys.path
    for item in path:
        yield get_importer(item)


def get_loader(module_or_name):
    """The loader of a module or module name (deprecated in CPython)."""
    if module_or_name in sys.modules:
        module_or_name = sys.modules[module_or_name]
        if module_or_name is None:
            return None
    if isinstance(module_or_name, type(sys)):
        module = module_or_name
        loader = getattr(module, '__loader__', None)
        if loader is not None:
            return loader
        if getattr(module, '__spec__', None) is None:
            return None
        fullname = module.__name__
    else:
        fullname = module_or_name
    return find_loader(fullname)


def find_loader(fullname):
    """The loader that would import fullname (deprecated in CPython)."""
    if fullname.startswith('.'):
        raise ImportError("Relative module name {!r} not supported".format(fullname))
    import importlib.util
    try:
        spec = importlib.util.find_spec(fullname)
    except (ImportError, AttributeError, TypeError, ValueError) as ex:
        msg = "Error while finding loader for {!r} ({}: {})"
        raise ImportError(msg.format(fullname, type(ex), ex)) from ex
    return spec.loader if spec is not None else None


def extend_path(path, name):
    """Extend a package's __path__ with the same-named directories on sys.path
    (and the entries of <name>.pkg files)."""
    if not isinstance(path, list):
        return path     # a namespace package handles this itself
    sname_pkg = name + ".pkg"
    path = path[:]
    parent, _, final = name.rpartition('.')
    if parent:
        try:
            search = sys.modules[parent].__path__
        except (KeyError, AttributeError):
            return path
    else:
        search = sys.path
    for d in search:
        if not isinstance(d, str):
            continue
        subdir = os.path.join(d, final)
        if os.path.isdir(subdir) and subdir not in path:
            path.append(subdir)
        pkgfile = os.path.join(d, sname_pkg)
        if os.path.isfile(pkgfile):
            try:
                f = open(pkgfile)
            except OSError as msg:
                sys.stderr.write("Can't open %s: %s\n" % (pkgfile, msg))
            else:
                with f:
                    for line in f:
                        line = line.rstrip('\n')
                        if not line or line.startswith('#'):
                            continue
                        path.append(line)
    return path


def get_data(package, resource):
    """Return the bytes of a resource file inside a package ('/'-separated
    relative name), or None if the package's loader cannot tell."""
    import importlib.util
    spec = importlib.util.find_spec(package)
    if spec is None:
        return None
    loader = spec.loader
    mod = sys.modules.get(package) or importlib.import_module(package)
    if mod is None or not hasattr(mod, '__file__') or mod.__file__ is None:
        return None
    parts = resource.split('/')
    parts.insert(0, os.path.dirname(mod.__file__))
    resource_name = os.path.join(*parts)
    if loader is not None and hasattr(loader, 'get_data'):
        return loader.get_data(resource_name)
    if loader is None:
        return None
    with open(resource_name, 'rb') as f:
        return f.read()


_NAME_PATTERN = None


def resolve_name(name):
    """Resolve 'pkg.mod:obj.attr' or 'pkg.mod.obj.attr' to an object."""
    global _NAME_PATTERN
    if _NAME_PATTERN is None:
        dotted = r'(?!\d)(\w+)(\.(?!\d)(\w+))*'
        _NAME_PATTERN = re.compile(f'^(?P<pkg>{dotted})(?P<cln>:(?P<obj>{dotted})?)?$', re.UNICODE)
    m = _NAME_PATTERN.match(name)
    if not m:
        raise ValueError(f'invalid format: {name!r}')
    gd = m.groupdict()
    if gd.get('cln'):
        mod = importlib.import_module(gd['pkg'])
        parts = gd.get('obj')
        parts = parts.split('.') if parts else []
    else:
        # Import as long a dotted prefix as possible, then walk attributes.
        parts = name.split('.')
        modname = parts.pop(0)
        mod = importlib.import_module(modname)
        while parts:
            candidate = f'{modname}.{parts[0]}'
            try:
                mod = importlib.import_module(candidate)
            except ImportError:
                break
            parts.pop(0)
            modname = candidate
    result = mod
    for p in parts:
        result = getattr(result, p)
    return result
