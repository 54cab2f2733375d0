"""Filename globbing utility."""

import os
import fnmatch

__all__ = ["escape", "glob", "iglob", "translate"]

_MAGIC = "*?["


def has_magic(s):
    if isinstance(s, bytes):
        return any(c in s for c in b"*?[")
    return any(c in s for c in _MAGIC)


def _is_hidden(name):
    return name[0] in (".", b"."[0])


def _is_recursive(pattern):
    return pattern == "**" or pattern == b"**"


def escape(pathname):
    drive, path = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        out = bytearray()
        for b in path:
            if b in b"*?[":
                out += b"[" + bytes([b]) + b"]"
            else:
                out.append(b)
        return drive + bytes(out)
    return drive + "".join("[%s]" % c if c in _MAGIC else c for c in path)


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def glob0(dirname, pattern):
    return _glob0(dirname, pattern, None, False)


def glob1(dirname, pattern):
    return _glob1(dirname, pattern, None, False)


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    it = _iglob(pathname, root_dir, dir_fd, recursive, False, include_hidden)
    if not pathname or (recursive and _is_recursive(pathname[:2])):
        try:
            s = next(it)
            if s:
                it = _chain([s], it)
        except StopIteration:
            pass
    return it


def _chain(first, rest):
    yield from first
    yield from rest


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def _iglob(pathname, root_dir, dir_fd, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(_join(root_dir, pathname)):
                yield pathname
        else:
            if _isdir(_join(root_dir, dirname)):
                yield pathname
        return
    if not dirname:
        if recursive and _is_recursive(basename):
            yield from _glob2(root_dir, basename, dir_fd, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dir_fd, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, dir_fd, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _is_recursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for d in dirs:
        for name in glob_in_dir(_join(root_dir, d), basename, dir_fd, dironly,
                                include_hidden):
            yield os.path.join(d, name)


def _glob1(dirname, pattern, dir_fd=None, dironly=False, include_hidden=False):
    names = _listdir(dirname, dironly)
    if not (include_hidden or _is_hidden(pattern)):
        names = [x for x in names if not _is_hidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dir_fd=None, dironly=False, include_hidden=False):
    if basename:
        if _lexists(_join(dirname, basename)):
            return [basename]
    else:
        if _isdir(dirname):
            return [basename]
    return []


def _glob2(dirname, pattern, dir_fd=None, dironly=False, include_hidden=False):
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _iterdir(dirname, dironly):
    try:
        arg = dirname
        if not dirname:
            arg = os.curdir if isinstance(dirname, str) else bytes(os.curdir, "ASCII")
        with os.scandir(arg) as it:
            for entry in it:
                try:
                    if not dironly or entry.is_dir():
                        yield entry.name
                except OSError:
                    pass
    except OSError:
        return


def _listdir(dirname, dironly):
    return list(_iterdir(dirname, dironly))


def _rlistdir(dirname, dironly, include_hidden=False):
    names = _listdir(dirname, dironly)
    for x in names:
        if include_hidden or not _is_hidden(x):
            yield x
            path = _join(dirname, x)
            for y in _rlistdir(path, dironly, include_hidden):
                yield _join(x, y)


def _lexists(pathname):
    try:
        os.lstat(pathname)
    except (OSError, ValueError):
        return False
    return True


def _isdir(pathname):
    try:
        import stat
        return stat.S_ISDIR(os.stat(pathname).st_mode)
    except (OSError, ValueError):
        return False


def translate(pat, *, recursive=False, include_hidden=False, seps=None):
    if not seps:
        seps = os.path.sep + (os.path.altsep or "")
    escaped_seps = "".join(fnmatch._escape_char(s) for s in seps)
    any_sep = "[%s]" % escaped_seps if len(seps) > 1 else escaped_seps
    not_sep = "[^%s]" % escaped_seps
    if include_hidden:
        one_last_segment = "%s+" % not_sep
        one_segment = one_last_segment + any_sep
        any_segments = "(?:.+%s)?" % any_sep
        any_last_segments = ".*"
    else:
        one_last_segment = "[^%s.]%s*" % (escaped_seps, not_sep)
        one_segment = one_last_segment + any_sep
        any_segments = "(?:%s)*" % one_segment
        any_last_segments = "%s(?:%s)?" % (any_segments, one_last_segment)
    results = []
    import re
    parts = re.split(any_sep, pat)
    last_part_idx = len(parts) - 1
    for idx, part in enumerate(parts):
        if part == "*":
            results.append(one_segment if idx < last_part_idx else one_last_segment)
        elif recursive and part == "**":
            if idx < last_part_idx:
                if parts[idx + 1] != "**":
                    results.append(any_segments)
            else:
                results.append(any_last_segments)
        else:
            if part:
                if not include_hidden and part[0] in "*?":
                    results.append(r"(?!\.)")
                body = fnmatch.translate(part)
                body = body[4:-3]
                results.append(body.replace(".", not_sep) if False else
                               _star_to_notsep(part, not_sep))
            if idx < last_part_idx:
                results.append(any_sep)
    res = "".join(results)
    return r"(?s:%s)\Z" % res


def _star_to_notsep(part, not_sep):
    # fnmatch semantics inside one path segment: wildcards never cross a
    # separator.
    out = []
    i = 0
    n = len(part)
    while i < n:
        c = part[i]
        i += 1
        if c == "*":
            if not out or out[-1] != not_sep + "*":
                out.append(not_sep + "*")
        elif c == "?":
            out.append(not_sep)
        elif c == "[":
            res, i2 = fnmatch._translate_set(part, i, n)
            if res is None:
                out.append("\\[")
            else:
                out.append(res)
                i = i2
        else:
            out.append(fnmatch._escape_char(c))
    return "".join(out)
