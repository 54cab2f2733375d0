"""Utilities for working with module specs."""
import sys
import _frozen_importlib as _bootstrap
from _frozen_importlib import spec_from_file_location, module_from_spec

__all__ = ['find_spec', 'spec_from_file_location', 'module_from_spec',
           'resolve_name', 'spec_from_loader']


def resolve_name(name, package):
    """Turn a relative module name into an absolute one."""
    if not name.startswith('.'):
        return name
    elif not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = 0
    for character in name:
        if character != '.':
            break
        level += 1
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name[level:]}' if name[level:] else base


def find_spec(name, package=None):
    """The spec for `name`, importing parent packages; None if not found."""
    fullname = resolve_name(name, package) if name.startswith('.') else name
    if fullname in sys.modules:
        module = sys.modules[fullname]
        if module is None:
            return None
        try:
            spec = module.__spec__
        except AttributeError:
            raise ValueError(f'{name}.__spec__ is not set') from None
        if spec is None:
            raise ValueError(f'{name}.__spec__ is None')
        return spec
    parent_name = fullname.rpartition('.')[0]
    if parent_name:
        parent = __import__(parent_name, fromlist=['__path__'])
        try:
            parent_path = parent.__path__
        except AttributeError as e:
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent_name!r} "
                f"while trying to find {fullname!r}", name=fullname) from e
    else:
        parent_path = None
    return _bootstrap._find_spec(fullname, parent_path)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for a module loaded by `loader`."""
    if is_package is None and hasattr(loader, 'is_package'):
        try:
            is_package = loader.is_package(name)
        except ImportError:
            is_package = None
    return _bootstrap.ModuleSpec(name, loader, origin=origin,
                                 is_package=bool(is_package))
