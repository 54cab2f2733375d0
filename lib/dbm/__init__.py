"""Generic interface to dbm-style databases. Krait ships only the portable
dbm.dumb implementation, so new databases are always dumb ones."""

import io
import os
import struct
import sys

__all__ = ['open', 'whichdb', 'error']


class error(Exception):
    pass


_names = ['dbm.sqlite3', 'dbm.gnu', 'dbm.ndbm', 'dbm.dumb']
_defaultmod = None
_modules = {}

error = (error, OSError)


def _load_modules():
    global _defaultmod
    for name in _names:
        try:
            mod = __import__(name, fromlist=['open'])
        except ImportError:
            continue
        if not _defaultmod:
            _defaultmod = mod
        _modules[name] = mod


def open(file, flag='r', mode=0o666):
    """Open or create database at path given by *file* (flag 'r', 'w', 'c'
    or 'n', as for dbm.dumb)."""
    if not _defaultmod:
        _load_modules()
        if not _defaultmod:
            raise ImportError("no dbm clone found; tried %s" % _names)
    result = whichdb(file) if 'n' not in flag else None
    if result is None:
        if 'c' in flag or 'n' in flag:
            mod = _defaultmod
        else:
            raise error[0]("db file doesn't exist; use 'c' or 'n' flag to create a new db")
    elif result == "":
        raise error[0]("db type could not be determined")
    elif result not in _modules:
        raise error[0]("db type is {0}, but the module is not available".format(result))
    else:
        mod = _modules[result]
    return mod.open(file, flag, mode)


def whichdb(filename):
    """Guess which db package to use to open a db file: None if it cannot be
    opened, "" if its format is unknown, else the module name."""
    filename = os.fsencode(filename)
    # ndbm: a .pag/.dir pair or a .db file.
    try:
        f = io.open(filename + b".pag", "rb")
        f.close()
        f = io.open(filename + b".dir", "rb")
        f.close()
        return "dbm.ndbm"
    except OSError:
        try:
            f = io.open(filename + b".db", "rb")
            f.close()
            if _modules.get("dbm.ndbm") is not None or _probe("dbm.ndbm"):
                return "dbm.ndbm"
        except OSError:
            pass
    # dumb: a .dat file and a .dir file that is empty or starts with a quote.
    try:
        os.stat(filename + b".dat")
        size = os.stat(filename + b".dir").st_size
        if size == 0:
            return "dbm.dumb"
        f = io.open(filename + b".dir", "rb")
        try:
            if f.read(1) in (b"'", b'"'):
                return "dbm.dumb"
        finally:
            f.close()
    except OSError:
        pass
    try:
        f = io.open(filename, "rb")
    except OSError:
        return None
    with f:
        s16 = f.read(16)
    s = s16[0:4]
    if len(s) != 4:
        return ""
    if s16 == b"SQLite format 3\0":
        return "dbm.sqlite3"
    try:
        (magic,) = struct.unpack("=l", s)
    except struct.error:
        return ""
    if magic in (0x13579ace, 0x13579acd, 0x13579acf):
        return "dbm.gnu"
    try:
        (magic,) = struct.unpack("=l", s16[-4:])
    except struct.error:
        return ""
    return ""


def _probe(name):
    try:
        __import__(name)
        return True
    except ImportError:
        return False
