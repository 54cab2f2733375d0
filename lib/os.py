"""Portable operating-system interface, built on the posix module (Krait)."""
import abc
import sys
import stat as st
from _collections_abc import MutableMapping, Mapping, _check_methods

import posix
from posix import *
from posix import _exit, _have_functions

GenericAlias = type(list[int])

name = 'posix'
linesep = '\n'
curdir = '.'
pardir = '..'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

import posixpath as path
sys.modules['os.path'] = path

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep", "defpath", "name",
           "path", "devnull", "SEEK_SET", "SEEK_CUR", "SEEK_END", "fsencode", "fsdecode",
           "get_exec_path", "fdopen", "extsep", "makedirs", "removedirs", "renames", "walk",
           "getenv", "getenvb", "environ", "environb", "PathLike", "fspath", "scandir",
           "supports_bytes_environ"]
__all__.extend(n for n in dir(posix) if not n.startswith('_') and n not in __all__)

supports_dir_fd = {access, chmod, chown, link, mkdir, mkfifo, mknod, open, readlink,
                   rename, rmdir, stat, symlink, unlink, utime}
supports_effective_ids = {access}
supports_fd = {chdir, chmod, chown, execve, listdir, pathconf, scandir, stat, statvfs,
               truncate, utime}
supports_follow_symlinks = {access, chown, link, stat, utime}
supports_bytes_environ = True


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


# Passed as followlinks by pathlib.Path.walk: symlinks to directories are listed with
# the files instead of with the directories.
_walk_symlinks_as_files = object()


def walk(top, topdown=True, onerror=None, followlinks=False):
    sys.audit("os.walk", top, topdown, onerror, followlinks)
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        cont = False
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break
                try:
                    if followlinks is _walk_symlinks_as_files:
                        is_dir = entry.is_dir(follow_symlinks=False)
                    else:
                        is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            is_symlink = False
                        walk_into = not is_symlink
                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def fwalk(top=".", topdown=True, onerror=None, *, follow_symlinks=False, dir_fd=None):
    """Directory tree generator like walk(), also yielding a descriptor open on each
    directory: (dirpath, dirnames, filenames, dirfd). The descriptors are closed when
    the walk moves on."""
    sys.audit("os.fwalk", top, topdown, onerror, follow_symlinks, dir_fd)
    top = fspath(top)
    isbytes = isinstance(top, bytes)
    # Errors on the top directory itself propagate; onerror only sees those below it.
    if not follow_symlinks:
        orig_st = stat(top, follow_symlinks=False, dir_fd=dir_fd)
    topfd = open(top, O_RDONLY | O_NONBLOCK, dir_fd=dir_fd)
    try:
        # Refuse to descend through a symlink swapped in after the stat (a race).
        if follow_symlinks or (st.S_ISDIR(orig_st.st_mode) and
                               path.samestat(orig_st, stat(topfd))):
            yield from _fwalk_dir(topfd, top, isbytes, topdown, onerror, follow_symlinks)
    finally:
        close(topfd)


def _fwalk_dir(topfd, toppath, isbytes, topdown, onerror, follow_symlinks):
    dirs = []
    nondirs = []
    entries = None if topdown or follow_symlinks else []
    for entry in scandir(topfd):
        name = entry.name
        if isbytes:
            name = fsencode(name)
        try:
            if entry.is_dir():
                dirs.append(name)
                if entries is not None:
                    entries.append(entry)
            else:
                nondirs.append(name)
        except OSError:
            try:
                if entry.is_symlink():
                    nondirs.append(name)
            except OSError:
                pass
    if topdown:
        yield toppath, dirs, nondirs, topfd
    children = dirs if entries is None else list(zip(dirs, entries))
    for child in children:
        if entries is None:
            name, entry = child, None
        else:
            name, entry = child
        try:
            if not follow_symlinks:
                if entry is None:
                    orig_st = stat(name, dir_fd=topfd, follow_symlinks=False)
                else:
                    orig_st = entry.stat(follow_symlinks=False)
            dirfd = open(name, O_RDONLY | O_NONBLOCK, dir_fd=topfd)
        except OSError as err:
            if onerror is not None:
                onerror(err)
            continue
        try:
            if follow_symlinks or path.samestat(orig_st, stat(dirfd)):
                yield from _fwalk_dir(dirfd, path.join(toppath, name), isbytes, topdown,
                                      onerror, follow_symlinks)
        finally:
            close(dirfd)
    if not topdown:
        yield toppath, dirs, nondirs, topfd


def _exists(name):
    return name in globals()


def execl(file, *args):
    execv(file, args)


def execle(file, *args):
    env = args[-1]
    execve(file, args[:-1], env)


def execlp(file, *args):
    execvp(file, args)


def execlpe(file, *args):
    env = args[-1]
    execvpe(file, args[:-1], env)


def execvp(file, args):
    _execvpe(file, args)


def execvpe(file, args, env):
    _execvpe(file, args, env)


def _execvpe(file, args, env=None):
    if env is not None:
        exec_func = execve
        argrest = (args, env)
    else:
        exec_func = execv
        argrest = (args,)
        env = environ
    if path.dirname(file):
        exec_func(file, *argrest)
        return
    saved_exc = None
    path_list = get_exec_path(env)
    for dir in path_list:
        fullname = path.join(dir, file)
        try:
            exec_func(fullname, *argrest)
        except (FileNotFoundError, NotADirectoryError) as e:
            last_exc = e
        except OSError as e:
            last_exc = e
            if saved_exc is None:
                saved_exc = e
    if saved_exc is not None:
        raise saved_exc
    raise last_exc


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


class _Environ(MutableMapping):
    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encodedkey = self.encodekey(key)
        unsetenv(encodedkey)
        try:
            del self._data[encodedkey]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        keys = list(self._data)
        for key in keys:
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        formatted_items = ", ".join(
            f"{self.decodekey(key)!r}: {self.decodevalue(value)!r}"
            for key, value in self._data.items()
        )
        return f"environ({{{formatted_items}}})"

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, MutableMapping) and not isinstance(other, dict):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, MutableMapping) and not isinstance(other, dict):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


def _create_environ_mapping():
    encoding = sys.getfilesystemencoding()

    def encode(value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value.encode(encoding, 'surrogateescape')

    def decode(value):
        return value.decode(encoding, 'surrogateescape')
    data = posix.environ
    return _Environ(data, encode, decode, encode, decode)


environ = _create_environ_mapping()
del _create_environ_mapping


def getenv(key, default=None):
    return environ.get(key, default)


def _check_bytes(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value


environb = _Environ(environ._data, _check_bytes, bytes, _check_bytes, bytes)


def getenvb(key, default=None):
    return environb.get(key, default)


def _fscodec():
    encoding = sys.getfilesystemencoding()
    errors = sys.getfilesystemencodeerrors()

    def fsencode(filename):
        filename = fspath(filename)
        if isinstance(filename, str):
            return filename.encode(encoding, errors)
        return filename

    def fsdecode(filename):
        filename = fspath(filename)
        if isinstance(filename, bytes):
            return filename.decode(encoding, errors)
        return filename

    return fsencode, fsdecode


fsencode, fsdecode = _fscodec()
del _fscodec


def popen(cmd, mode="r", buffering=-1):
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import subprocess
    if mode == "r":
        proc = subprocess.Popen(cmd, shell=True, text=True, stdout=subprocess.PIPE,
                                bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, text=True, stdin=subprocess.PIPE,
                            bufsize=buffering)
    return _wrap_close(proc.stdin, proc)


class _wrap_close:
    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding) if hasattr(io, 'text_encoding') else encoding
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


class PathLike(abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return _check_methods(subclass, '__fspath__')
        return NotImplemented

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def process_cpu_count():
    """Get the number of CPUs of the current process (the ones it may run on)."""
    try:
        return len(sched_getaffinity(0))
    except OSError:
        return cpu_count()


# ---- spawn*: fork + exec convenience functions ------------------------------------------
P_WAIT = 0
P_NOWAIT = P_NOWAITO = 1


def _spawnvef(mode, file, args, env, func):
    if not isinstance(args, (tuple, list)):
        raise TypeError('argv must be a tuple or a list')
    if not args or not args[0]:
        raise ValueError('argv first element cannot be empty')
    pid = fork()
    if not pid:
        try:
            if env is None:
                func(file, args)
            else:
                func(file, args, env)
        except:
            _exit(127)
    else:
        if mode == P_NOWAIT:
            return pid
        while True:
            wpid, sts = waitpid(pid, 0)
            if WIFSTOPPED(sts):
                continue
            return waitstatus_to_exitcode(sts)


def spawnv(mode, file, args):
    """spawnv(mode, file, args) -> integer

Execute file with arguments from args in a subprocess.
If mode == P_NOWAIT return the pid of the process.
If mode == P_WAIT return the process's exit code if it exits normally;
otherwise return -SIG, where SIG is the signal that killed it. """
    return _spawnvef(mode, file, args, None, execv)


def spawnve(mode, file, args, env):
    return _spawnvef(mode, file, args, env, execve)


def spawnvp(mode, file, args):
    return _spawnvef(mode, file, args, None, execvp)


def spawnvpe(mode, file, args, env):
    return _spawnvef(mode, file, args, env, execvpe)


def spawnl(mode, file, *args):
    return spawnv(mode, file, args)


def spawnle(mode, file, *args):
    env = args[-1]
    return spawnve(mode, file, args[:-1], env)


def spawnlp(mode, file, *args):
    return spawnvp(mode, file, args)


def spawnlpe(mode, file, *args):
    env = args[-1]
    return spawnvpe(mode, file, args[:-1], env)
