"""Unix shell-style filename pattern matching."""

import os
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def _compile_pattern(pat):
    key = (type(pat), pat)
    rx = _cache.get(key)
    if rx is None:
        import re
        if isinstance(pat, bytes):
            res = translate(str(pat, "ISO-8859-1")).encode("ISO-8859-1")
        else:
            res = translate(pat)
        rx = re.compile(res).match
        if len(_cache) >= 32768:
            _cache.clear()
        _cache[key] = rx
    return rx


def fnmatch(name, pat):
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    return _compile_pattern(pat)(name) is not None


def filter(names, pat):
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    result = []
    if os.path is posixpath:
        for name in names:
            if match(name):
                result.append(name)
    else:
        for name in names:
            if match(os.path.normcase(name)):
                result.append(name)
    return result


def _escape_char(c):
    # Only what the regex syntax gives meaning to needs a backslash; this
    # mirrors re.escape without importing re at translation time.
    if c in _SPECIAL:
        return "\\" + c
    return c


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def _translate_set(pat, i, n):
    """Translate the bracket expression starting after '['.

    Returns (regex_or_None, index after the closing ']').  None means there
    is no closing bracket, so the '[' is a literal.
    """
    j = i
    if j < n and pat[j] == "!":
        j += 1
    if j < n and pat[j] == "]":
        j += 1
    while j < n and pat[j] != "]":
        j += 1
    if j >= n:
        return None, i
    stuff = pat[i:j]
    if "-" not in stuff:
        stuff = stuff.replace("\\", "\\\\")
    else:
        # Split on range hyphens so that backslashes and hyphens inside the
        # individual chunks can be escaped independently.
        chunks = []
        k = i + 2 if pat[i] == "!" else i + 1
        start = i
        while True:
            k = pat.find("-", k, j)
            if k < 0:
                break
            chunks.append(pat[start:k])
            start = k + 1
            k = k + 3
        chunk = pat[start:j]
        if chunk:
            chunks.append(chunk)
        else:
            chunks[-1] += "-"
        # Drop empty ranges such as z-a.
        for idx in range(len(chunks) - 1, 0, -1):
            if chunks[idx - 1][-1] > chunks[idx][0]:
                chunks[idx - 1] = chunks[idx - 1][:-1] + chunks[idx][1:]
                del chunks[idx]
        stuff = "-".join(c.replace("\\", "\\\\").replace("-", "\\-")
                         for c in chunks)
    out = []
    for c in stuff:
        if c in "&~|":
            out.append("\\")
        out.append(c)
    stuff = "".join(out)
    j += 1
    if not stuff:
        return "(?!)", j
    if stuff == "!":
        return ".", j
    if stuff[0] == "!":
        stuff = "^" + stuff[1:]
    elif stuff[0] in ("^", "["):
        stuff = "\\" + stuff
    return "[%s]" % stuff, j


def translate(pat):
    STAR = object()
    parts = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not parts or parts[-1] is not STAR:
                parts.append(STAR)
        elif c == "?":
            parts.append(".")
        elif c == "[":
            res, i2 = _translate_set(pat, i, n)
            if res is None:
                parts.append("\\[")
            else:
                parts.append(res)
                i = i2
        else:
            parts.append(_escape_char(c))
    # Between consecutive stars an atomic group keeps matching linear.
    out = []
    k = 0
    m = len(parts)
    while k < m and parts[k] is not STAR:
        out.append(parts[k])
        k += 1
    while k < m:
        k += 1
        if k == m:
            out.append(".*")
            break
        seg = []
        while k < m and parts[k] is not STAR:
            seg.append(parts[k])
            k += 1
        if k == m:
            out.append(".*")
            out.extend(seg)
        else:
            out.append("(?>.*?")
            out.extend(seg)
            out.append(")")
    return "(?s:%s)\\Z" % "".join(out)
