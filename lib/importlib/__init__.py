"""Krait's importlib: a thin layer over the import system written in C."""
import sys
import _frozen_importlib as _bootstrap

__all__ = ['import_module', 'invalidate_caches', 'reload']


def import_module(name, package=None):
    """Import a module; `name` may be relative ('.mod') when `package` is given."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        for character in name:
            if character != '.':
                break
            level += 1
        return _import_relative(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def _import_relative(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    absolute = f'{base}.{name}' if name else base
    __import__(absolute)
    return sys.modules[absolute]


def invalidate_caches():
    """Ask every finder on sys.meta_path to drop its caches."""
    for finder in sys.meta_path:
        method = getattr(finder, 'invalidate_caches', None)
        if method is not None:
            method()


def reload(module):
    """Re-execute a module's code in its existing namespace."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    parent_name = name.rpartition('.')[0]
    path = None
    if parent_name:
        try:
            parent = sys.modules[parent_name]
        except KeyError:
            raise ImportError(f"parent {parent_name!r} not in sys.modules",
                              name=parent_name) from None
        path = parent.__path__
    spec = _bootstrap._find_spec(name, path)
    if spec is None:
        raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
    module.__spec__ = spec
    _bootstrap._exec(spec, module)
    return sys.modules[name]
