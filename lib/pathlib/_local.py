"""Concrete paths: Path and PosixPath do I/O on the local file system."""
import io
import os
import posixpath
import sys
from stat import S_ISDIR, S_ISREG, S_ISLNK, S_ISBLK, S_ISCHR, S_ISFIFO, S_ISSOCK

from ._pure import (UnsupportedOperation, PurePath, PurePosixPath, PureWindowsPath,
                    _compile_pattern, _unquote_to_bytes)

__all__ = ["UnsupportedOperation", "PurePath", "PurePosixPath", "PureWindowsPath",
           "Path", "PosixPath", "WindowsPath"]

_SPECIAL_PARTS = ('', '.', '..')


def _has_magic(part):
    return any(c in part for c in '*?[')


class _Globber:
    """Pattern selection over the file system. Each pattern part becomes a selector
    function taking a path string (ending without a separator unless it is the root)
    and yielding matching path strings, in the order CPython's pathlib yields them."""

    def __init__(self, sep, case_sensitive, recurse_symlinks):
        self.sep = sep
        self.case_sensitive = case_sensitive
        self.recurse_symlinks = recurse_symlinks

    def compile(self, pat):
        return _compile_pattern(pat, self.sep, self.case_sensitive, recursive=True)

    def add_slash(self, path):
        if not path or path.endswith(self.sep):
            return path
        return path + self.sep

    def selector(self, parts):
        if not parts:
            return self.select_exists
        part = parts.pop()
        if part == '**':
            return self.recursive_selector(part, parts)
        if part in _SPECIAL_PARTS:
            return self.special_selector(part, parts)
        if self.case_sensitive and not _has_magic(part):
            return self.literal_selector(part, parts)
        return self.wildcard_selector(part, parts)

    def special_selector(self, part, parts):
        select_next = self.selector(parts)

        def select_special(path, exists=False):
            return select_next(self.add_slash(path) + part, exists)
        return select_special

    def literal_selector(self, part, parts):
        # Consecutive literal parts need no directory listing at all.
        while parts and parts[-1] not in _SPECIAL_PARTS and parts[-1] != '**' \
                and not _has_magic(parts[-1]):
            part += self.sep + parts.pop()
        select_next = self.selector(parts)

        def select_literal(path, exists=False):
            return select_next(self.add_slash(path) + part, False)
        return select_literal

    def wildcard_selector(self, part, parts):
        match = self.compile(part)
        dir_only = bool(parts)
        select_next = self.selector(parts)

        def select_wildcard(path, exists=False):
            try:
                with os.scandir(path or '.') as it:
                    entries = list(it)
            except OSError:
                return
            prefix = self.add_slash(path)
            for entry in entries:
                if match(entry.name) is None:
                    continue
                if dir_only:
                    try:
                        if not entry.is_dir():
                            continue
                    except OSError:
                        continue
                entry_path = prefix + entry.name
                if dir_only:
                    yield from select_next(entry_path, True)
                else:
                    yield entry_path
        return select_wildcard

    def recursive_selector(self, part, parts):
        while parts and parts[-1] == '**':
            parts.pop()
        follow_symlinks = self.recurse_symlinks
        if follow_symlinks:
            while parts and parts[-1] not in _SPECIAL_PARTS:
                part += self.sep + parts.pop()
        match = None if part == '**' else self.compile(part)
        dir_only = bool(parts)
        select_next = self.selector(parts)

        def select_recursive(path, exists=False):
            path = self.add_slash(path)
            match_pos = len(path)
            if match is None or match(path, match_pos):
                yield from select_next(path, exists)
            stack = [path]
            while stack:
                yield from select_recursive_step(stack, match_pos)

        def select_recursive_step(stack, match_pos):
            path = stack.pop()
            try:
                with os.scandir(path or '.') as it:
                    entries = list(it)
            except OSError:
                return
            for entry in entries:
                is_dir = False
                try:
                    if entry.is_dir(follow_symlinks=follow_symlinks):
                        is_dir = True
                except OSError:
                    pass
                if is_dir or not dir_only:
                    entry_path = path + entry.name
                    if match is None or match(entry_path, match_pos):
                        if dir_only:
                            yield from select_next(entry_path + self.sep, True)
                        else:
                            yield entry_path
                    if is_dir:
                        stack.append(entry_path + self.sep)
        return select_recursive

    def select_exists(self, path, exists=False):
        if exists:
            yield path
        else:
            try:
                os.lstat(path or '.')
                yield path
            except (OSError, ValueError):
                pass


class Path(PurePath):
    """PurePath subclass that can make system calls."""


    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    # ---- queries ------------------------------------------------------------------
    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def exists(self, *, follow_symlinks=True):
        try:
            self.stat(follow_symlinks=follow_symlinks)
        except (OSError, ValueError):
            return False
        return True

    def _test_mode(self, test, follow_symlinks=True):
        try:
            return test(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except (OSError, ValueError):
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(S_ISDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(S_ISREG, follow_symlinks)

    def is_symlink(self):
        return self._test_mode(S_ISLNK, False)

    def is_block_device(self):
        return self._test_mode(S_ISBLK)

    def is_char_device(self):
        return self._test_mode(S_ISCHR)

    def is_fifo(self):
        return self._test_mode(S_ISFIFO)

    def is_socket(self):
        return self._test_mode(S_ISSOCK)

    def is_junction(self):
        return False

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = self.with_segments(other_path).stat()
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    # ---- file contents ------------------------------------------------------------
    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None, newline=None):
        encoding = io.text_encoding(encoding)
        with self.open(mode='r', encoding=encoding, errors=errors, newline=newline) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        encoding = io.text_encoding(encoding)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    # ---- directories --------------------------------------------------------------
    def _make_child_relpath(self, name):
        path_str = str(self)
        tail = self._tail
        if tail:
            path_str = f'{path_str}{self.parser.sep}{name}'
        elif path_str != '.':
            path_str = f'{path_str}{name}'
        else:
            path_str = name
        path = self.with_segments(path_str)
        path._str = path_str
        path._drv = self.drive
        path._root = self.root
        path._tail_cached = tail + [name]
        return path

    def iterdir(self):
        root_dir = str(self)
        with os.scandir(root_dir) as scandir_it:
            paths = [entry.path for entry in scandir_it]
        if root_dir == '.':
            paths = map(self._remove_leading_dot, paths)
        return map(self._from_parsed_string, paths)

    def _remove_leading_dot(self, path_str):
        return path_str[2:] if path_str[:2] == './' else path_str

    def _remove_trailing_slash(self, path_str):
        return path_str[:-1] if path_str[-1:] == '/' and len(path_str) > 1 else path_str

    def _filter_trailing_slash(self, paths):
        for path_str in paths:
            if path_str[-1:] == '/' and len(path_str) > 1:
                path_str = path_str[:-1]
            yield path_str

    def glob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Iterate over this subtree and yield all existing files (of any kind,
        including directories) matching the given relative pattern."""
        sys.audit("pathlib.Path.glob", self, pattern)
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if pattern.anchor:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pattern._tail)
        if not parts:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        raw = pattern._raw_paths[-1] if pattern._raw_paths else ''
        if raw[-1:] in (self.parser.sep, getattr(self.parser, 'altsep', None) or self.parser.sep):
            parts.append('')
        if case_sensitive is None:
            case_sensitive = True
        globber = _Globber(self.parser.sep, case_sensitive, recurse_symlinks)
        select = globber.selector(parts[::-1])
        root = str(self)
        paths = select(root if root != '.' else '')
        if parts[-1] == '':
            paths = map(self._remove_trailing_slash, paths)
        elif parts[-1] == '**':
            paths = self._filter_trailing_slash(paths)
        return map(self._from_parsed_string, paths)

    def rglob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Recursively yield all existing files matching the given relative pattern,
        anywhere in this subtree."""
        sys.audit("pathlib.Path.rglob", self, pattern)
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        pattern = self.with_segments('**', pattern) if not pattern.anchor else pattern
        if isinstance(pattern, PurePath) and pattern._raw_paths and \
                str(pattern._raw_paths[-1]).endswith('/'):
            pass
        return self.glob(pattern, case_sensitive=case_sensitive,
                         recurse_symlinks=recurse_symlinks)

    def walk(self, top_down=True, on_error=None, follow_symlinks=False):
        """Walk the directory tree from this directory, like os.walk()."""
        sys.audit("pathlib.Path.walk", self, on_error, follow_symlinks)
        root_dir = str(self)
        results = os.walk(root_dir, top_down, on_error,
                          follow_symlinks if follow_symlinks else os._walk_symlinks_as_files)
        for path_str, dirnames, filenames in results:
            if root_dir == '.':
                path_str = self._remove_leading_dot(path_str)
            yield self._from_parsed_string(path_str), dirnames, filenames

    # ---- whole paths --------------------------------------------------------------
    def absolute(self):
        if self.is_absolute():
            return self
        if self.root:
            drive = os.path.splitroot(os.getcwd())[0] if hasattr(os.path, 'splitroot') else ''
            return self._from_parsed_parts(drive, self.root, self._tail)
        cwd = os.getcwd()
        if not self._tail:
            return self._from_parsed_string(cwd)
        drive, root, rel = self._parse_path(cwd)
        if not rel:
            return self._from_parsed_parts(drive, root, self._tail)
        return self._from_parsed_parts(drive, root, rel + self._tail)

    @classmethod
    def cwd(cls):
        return cls().absolute()

    def resolve(self, strict=False):
        return self.with_segments(os.path.realpath(self, strict=strict))

    def owner(self, *, follow_symlinks=True):
        try:
            import pwd
        except ImportError:
            raise UnsupportedOperation(
                f"{type(self).__name__}.owner() is unsupported on this system") from None
        uid = self.stat(follow_symlinks=follow_symlinks).st_uid
        return pwd.getpwuid(uid).pw_name

    def group(self, *, follow_symlinks=True):
        try:
            import grp
        except ImportError:
            raise UnsupportedOperation(
                f"{type(self).__name__}.group() is unsupported on this system") from None
        gid = self.stat(follow_symlinks=follow_symlinks).st_gid
        return grp.getgrgid(gid).gr_name

    def readlink(self):
        return self.with_segments(os.readlink(self))

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return self.with_segments(target)

    def replace(self, target):
        os.replace(self, target)
        return self.with_segments(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self, target_is_directory)

    def hardlink_to(self, target):
        os.link(target, self)

    def expanduser(self):
        if not (self.drive or self.root) and self._tail and self._tail[0][:1] == '~':
            homedir = os.path.expanduser(self._tail[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            drv, root, tail = self._parse_path(homedir)
            return self._from_parsed_parts(drv, root, tail + self._tail[1:])
        return self

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return PurePath.as_uri(self)

    @classmethod
    def from_uri(cls, uri):
        """Return a new path from the given 'file' URI."""
        if not uri.startswith('file:'):
            raise ValueError(f"URI does not start with 'file:': {uri!r}")
        path = uri[5:]
        if path[:3] == '///':
            path = path[2:]
        elif path[:12] == '//localhost/':
            path = path[11:]
        if path[:3] == '///' or (path[:1] == '/' and path[2:3] in ':|'):
            path = path[1:]
        if path[1:2] == '|':
            path = path[:1] + ':' + path[2:]
        path = cls(os.fsdecode(_unquote_to_bytes(path)))
        if not path.is_absolute():
            raise ValueError(f"URI is not absolute: {uri!r}")
        return path


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""


class WindowsPath(Path, PureWindowsPath):
    """Path subclass for Windows systems (not instantiable here)."""

    def __new__(cls, *args, **kwargs):
        raise UnsupportedOperation(f"cannot instantiate {cls.__name__!r} on your system")


for _cls in (Path, PosixPath, WindowsPath):
    _cls.__module__ = 'pathlib._local'
del _cls
