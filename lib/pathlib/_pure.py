"""Pure (I/O-free) path classes: PurePath, PurePosixPath and PureWindowsPath."""
import os
import posixpath
import sys
from glob import translate as _glob_translate

__all__ = ["UnsupportedOperation", "PurePath", "PurePosixPath", "PureWindowsPath"]


class UnsupportedOperation(NotImplementedError):
    """An exception that is raised when an unsupported operation is attempted."""
    pass


UnsupportedOperation.__module__ = 'pathlib._abc'


class _WindowsParser:
    """The few ntpath operations the Windows flavour needs; Krait has no ntpath."""
    sep = '\\'
    altsep = '/'
    __name__ = 'ntpath'

    def __repr__(self):
        return "<module 'ntpath' (frozen)>"

    @staticmethod
    def normcase(s):
        return s.replace('/', '\\').lower()

    @staticmethod
    def splitroot(p):
        p = p.replace('/', '\\')
        if p[:1] == '\\':
            if p[1:2] == '\\':
                # UNC: \\server\share\ (or the device forms \\?\ and \\.\)
                index = p.find('\\', 2)
                if index == -1:
                    return p, '', ''
                index2 = p.find('\\', index + 1)
                if index2 == -1:
                    return p, '', ''
                return p[:index2], p[index2:index2 + 1], p[index2 + 1:]
            return '', p[:1], p[1:]
        if p[1:2] == ':':
            if p[2:3] == '\\':
                return p[:2], p[2:3], p[3:]
            return p[:2], '', p[2:]
        return '', '', p

    def join(self, path, *paths):
        result_drive, result_root, result_path = self.splitroot(path)
        for p in paths:
            p_drive, p_root, p_path = self.splitroot(p)
            if p_root:
                if p_drive or not result_drive:
                    result_drive = p_drive
                result_root = p_root
                result_path = p_path
                continue
            elif p_drive and p_drive != result_drive:
                if p_drive.lower() != result_drive.lower():
                    result_drive, result_root, result_path = p_drive, p_root, p_path
                    continue
                result_drive = p_drive
            if result_path and result_path[-1] not in '\\/':
                result_path = result_path + '\\'
            result_path = result_path + p_path
        if (result_path and not result_root and result_drive and
                result_drive[-1:] not in ':'):
            return result_drive + '\\' + result_path
        return result_drive + result_root + result_path

    def isabs(self, s):
        s = s.replace('/', '\\')
        return s[:3] in (':\\',) or s[1:3] == ':\\' or s.startswith('\\\\')

    @staticmethod
    def splitdrive(p):
        drv, root, tail = _WindowsParser.splitroot(p)
        return drv, root + tail


_windows_parser = _WindowsParser()


def _compile_pattern(pat, sep, case_sensitive, recursive=True):
    import re
    flags = 0 if case_sensitive else re.IGNORECASE
    regex = _glob_translate(pat, recursive=recursive, include_hidden=True, seps=sep)
    return re.compile(regex, flags=flags).match


class _PathParents:
    """The logical ancestors of a path, as a read-only sequence."""

    def __init__(self, path):
        self._path = path
        self._drv = path.drive
        self._root = path.root
        self._tail = path._tail

    def __len__(self):
        return len(self._tail)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._from_parsed_parts(self._drv, self._root, self._tail[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __reversed__(self):
        for i in range(len(self) - 1, -1, -1):
            yield self[i]

    def __contains__(self, item):
        return any(item == p for p in self)

    def count(self, value):
        return sum(1 for p in self if p == value)

    def index(self, value):
        for i, p in enumerate(self):
            if p == value:
                return i
        raise ValueError

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """Base class for manipulating paths without I/O."""

    parser = posixpath

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        paths = []
        for arg in args:
            if isinstance(arg, PurePath):
                if arg.parser is not self.parser and self.parser is posixpath:
                    # A Windows path handed to a POSIX class: keep its text only.
                    paths.extend(p.replace('\\', '/') for p in arg._raw_paths)
                else:
                    paths.extend(arg._raw_paths)
            else:
                try:
                    path = os.fspath(arg)
                except TypeError:
                    path = arg
                if not isinstance(path, str):
                    raise TypeError(
                        "argument should be a str or an os.PathLike "
                        "object where __fspath__ returns a str, "
                        f"not {type(path).__name__!r}")
                paths.append(path)
        self._raw_paths = paths

    def with_segments(self, *pathsegments):
        """Construct a new path object from any number of path-like objects."""
        return type(self)(*pathsegments)

    @classmethod
    def _parse_path(cls, path):
        if not path:
            return '', '', []
        sep = cls.parser.sep
        altsep = getattr(cls.parser, 'altsep', None)
        if altsep:
            path = path.replace(altsep, sep)
        if cls.parser is posixpath:
            if path[:1] == '/':
                if path[:2] == '//' and path[2:3] != '/':
                    drv, root, rel = '', '//', path[2:]
                else:
                    drv, root, rel = '', '/', path.lstrip('/')
            else:
                drv, root, rel = '', '', path
        else:
            drv, root, rel = cls.parser.splitroot(path)
            if not root and drv.startswith(sep) and not drv.endswith(sep):
                drv_parts = drv.split(sep)
                if len(drv_parts) == 4 and drv_parts[2] not in '?.':
                    # e.g. //server/share
                    root = sep
                elif len(drv_parts) == 6:
                    # e.g. //?/unc/server/share
                    root = sep
        parsed = [x for x in rel.split(sep) if x and x != '.']
        return drv, root, parsed

    def _load_parts(self):
        paths = self._raw_paths
        if len(paths) == 0:
            path = ''
        elif len(paths) == 1:
            path = paths[0]
        else:
            path = self.parser.join(*paths)
        drv, root, tail = self._parse_path(path)
        self._drv = drv
        self._root = root
        self._tail_cached = tail

    def _from_parsed_parts(self, drv, root, tail):
        path_str = self._format_parsed_parts(drv, root, tail)
        path = self.with_segments(path_str)
        path._str = path_str or '.'
        path._drv = drv
        path._root = root
        path._tail_cached = tail
        return path

    def _from_parsed_string(self, path_str):
        path = self.with_segments(path_str)
        path._str = path_str or '.'
        return path

    @classmethod
    def _format_parsed_parts(cls, drv, root, tail):
        if drv or root:
            return drv + root + cls.parser.sep.join(tail)
        elif tail and cls.parser is not posixpath and cls.parser.splitdrive(tail[0])[0]:
            tail = ['.'] + tail
        return cls.parser.sep.join(tail)

    def __str__(self):
        try:
            return self._str
        except AttributeError:
            self._str = self._format_parsed_parts(self.drive, self.root, self._tail) or '.'
            return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        """Return the string representation of the path with forward slashes."""
        return str(self).replace(self.parser.sep, '/')

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def __reduce__(self):
        return (self.__class__, self.parts)

    @property
    def _str_normcase(self):
        try:
            return self._str_normcase_cached
        except AttributeError:
            if self.parser is posixpath:
                self._str_normcase_cached = str(self)
            else:
                self._str_normcase_cached = str(self).lower()
            return self._str_normcase_cached

    @property
    def _parts_normcase(self):
        try:
            return self._parts_normcase_cached
        except AttributeError:
            self._parts_normcase_cached = self._str_normcase.split(self.parser.sep)
            return self._parts_normcase_cached

    def __hash__(self):
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(self._str_normcase)
            return self._hash

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._str_normcase == other._str_normcase and self.parser is other.parser

    def __lt__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase < other._parts_normcase

    def __le__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase <= other._parts_normcase

    def __gt__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase > other._parts_normcase

    def __ge__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase >= other._parts_normcase

    @property
    def drive(self):
        """The drive prefix (letter or UNC path), if any."""
        try:
            return self._drv
        except AttributeError:
            self._load_parts()
            return self._drv

    @property
    def root(self):
        """The root of the path, if any."""
        try:
            return self._root
        except AttributeError:
            self._load_parts()
            return self._root

    @property
    def _tail(self):
        try:
            return self._tail_cached
        except AttributeError:
            self._load_parts()
            return self._tail_cached

    @property
    def anchor(self):
        """The concatenation of the drive and root, or ''."""
        return self.drive + self.root

    @property
    def parts(self):
        """An object providing sequence-like access to the components in the path."""
        if self.drive or self.root:
            return (self.drive + self.root,) + tuple(self._tail)
        return tuple(self._tail)

    @property
    def parent(self):
        """The logical parent of the path."""
        drv = self.drive
        root = self.root
        tail = self._tail
        if not tail:
            return self
        return self._from_parsed_parts(drv, root, tail[:-1])

    @property
    def parents(self):
        """A sequence of this path's logical parents."""
        return _PathParents(self)

    @property
    def name(self):
        """The final path component, if any."""
        tail = self._tail
        if not tail:
            return ''
        return tail[-1]

    @property
    def suffix(self):
        """The final component's last suffix, if any."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        """A list of the final component's suffixes, if any."""
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + suffix for suffix in name.split('.')[1:]]

    @property
    def stem(self):
        """The final path component, minus its last suffix."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        """Return a new path with the file name changed."""
        p = self.parser
        if not name or name[-1] in [p.sep, getattr(p, 'altsep', None)] or name == '.':
            raise ValueError(f"Invalid name {name!r}")
        drv, root, tail = self._parse_path(name)
        if drv or root or len(tail) != 1:
            raise ValueError(f"Invalid name {name!r}")
        tail = list(self._tail)
        if not tail:
            raise ValueError(f"{self!r} has an empty name")
        tail[-1] = name
        return self._from_parsed_parts(self.drive, self.root, tail)

    def with_stem(self, stem):
        """Return a new path with the stem changed."""
        suffix = self.suffix
        if not suffix:
            return self.with_name(stem)
        elif not stem:
            raise ValueError(f"{self!r} has a non-empty suffix")
        return self.with_name(stem + suffix)

    def with_suffix(self, suffix):
        """Return a new path with the file suffix changed (or added, if none)."""
        stem = self.stem
        if not stem:
            raise ValueError(f"{self!r} has an empty name")
        elif suffix and (not suffix.startswith('.') or suffix == '.'):
            raise ValueError(f"Invalid suffix {suffix!r}")
        return self.with_name(stem + suffix)

    def relative_to(self, other, /, *_deprecated, walk_up=False):
        """Return the relative path to another path identified by the passed
        arguments."""
        if _deprecated:
            import warnings
            warnings.warn("support for supplying more than one positional argument "
                          "to pathlib.PurePath.relative_to() is deprecated and "
                          "scheduled for removal in Python 3.14", DeprecationWarning,
                          stacklevel=2)
            other = self.with_segments(other, *_deprecated)
        elif not isinstance(other, PurePath):
            other = self.with_segments(other)
        for step, path in enumerate([other] + list(other.parents)):
            if path == self or path in self.parents:
                break
            elif not walk_up:
                raise ValueError(f"{str(self)!r} is not in the subpath of {str(other)!r}")
            elif path.name == '..':
                raise ValueError(f"'..' segment in {str(other)!r} cannot be walked")
        else:
            raise ValueError(f"{str(self)!r} and {str(other)!r} have different anchors")
        parts = ['..'] * step + self._tail[len(path._tail):]
        return self._from_parsed_parts('', '', parts)

    def is_relative_to(self, other, /, *_deprecated):
        """Return True if the path is relative to another path or False."""
        if _deprecated:
            other = self.with_segments(other, *_deprecated)
        elif not isinstance(other, PurePath):
            other = self.with_segments(other)
        return other == self or other in self.parents

    def is_absolute(self):
        """True if the path is absolute (has both a root and, if applicable, a drive)."""
        if self.parser is posixpath:
            return bool(self.root)
        return bool(self.drive and self.root) or (self.drive.startswith('\\\\') and True)

    def is_reserved(self):
        import warnings
        warnings.warn("pathlib.PurePath.is_reserved() is deprecated and scheduled "
                      "for removal in Python 3.15. Use os.path.isreserved() to "
                      "detect reserved paths on Windows.", DeprecationWarning, stacklevel=2)
        if self.parser is posixpath:
            return False
        if not self._tail:
            return False
        name = self._tail[-1].partition('.')[0].partition(':')[0].rstrip(' ').upper()
        return name in ({'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'} |
                        {f'COM{c}' for c in '123456789\xb9\xb2\xb3'} |
                        {f'LPT{c}' for c in '123456789\xb9\xb2\xb3'})

    def as_uri(self):
        """Return the path as a URI."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        drive = self.drive
        if self.parser is posixpath:
            prefix = 'file://'
            path = str(self)
        elif len(drive) == 2 and drive[1] == ':':
            prefix = 'file:///' + drive
            path = self.as_posix()[2:]
        elif drive:
            prefix = 'file:'
            path = self.as_posix()
        else:
            prefix = 'file://'
            path = self.as_posix()
        return prefix + _quote_path(os.fsencode(path))

    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *pathsegments):
        """Combine this path with one or several arguments."""
        return self.with_segments(self, *pathsegments)

    def match(self, path_pattern, *, case_sensitive=None):
        """Return True if this path matches the given pattern (anchored at the right)."""
        if not isinstance(path_pattern, PurePath):
            path_pattern = self.with_segments(path_pattern)
        if case_sensitive is None:
            case_sensitive = self.parser is posixpath
        sep = path_pattern.parser.sep
        path_parts = self.parts[::-1]
        pattern_parts = path_pattern.parts[::-1]
        if not pattern_parts:
            raise ValueError("empty pattern")
        if len(path_parts) < len(pattern_parts):
            return False
        if len(path_parts) > len(pattern_parts) and path_pattern.anchor:
            return False
        for path_part, pattern_part in zip(path_parts, pattern_parts):
            match = _compile_pattern(pattern_part, sep, case_sensitive, recursive=False)
            if match(path_part) is None:
                return False
        return True

    def full_match(self, pattern, *, case_sensitive=None):
        """Return True if this path matches the given glob-style pattern."""
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if case_sensitive is None:
            case_sensitive = self.parser is posixpath
        path = str(self) if self.parts else ''
        pattern = str(pattern) if pattern.parts else ''
        return _compile_pattern(pattern, self.parser.sep, case_sensitive)(path) is not None


_SAFE_URI_BYTES = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
                            b'0123456789_.-~/')


def _quote_path(data):
    return ''.join(chr(b) if b in _SAFE_URI_BYTES else '%{:02X}'.format(b) for b in data)


def _unquote_to_bytes(s):
    data = s.encode('utf-8')
    out = bytearray()
    i = 0
    n = len(data)
    hexdigits = b'0123456789abcdefABCDEF'
    while i < n:
        c = data[i]
        if c == 0x25 and i + 2 < n and data[i + 1] in hexdigits and data[i + 2] in hexdigits:
            out.append(int(data[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(c)
            i += 1
    return bytes(out)


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems."""
    parser = posixpath


class PureWindowsPath(PurePath):
    """PurePath subclass for Windows systems."""
    parser = _windows_parser


for _cls in (PurePath, PurePosixPath, PureWindowsPath):
    _cls.__module__ = 'pathlib._local'
del _cls
