"""Support for regular expressions (RE).

This module provides regular expression matching operations similar to
those found in Perl.  It supports both 8-bit and Unicode strings; both
the pattern and the strings being processed can contain null bytes and
characters outside the US ASCII range.

Krait's implementation: patterns are parsed by re._parser, lowered to an
instruction list by re._compiler and run by the C engine in the _sre module.
"""

import enum
import _sre
import functools

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "PatternError"
]

__version__ = "2.2.1"


class PatternError(Exception):
    """Exception raised for invalid regular expressions.

    Attributes:

        msg: The unformatted error message
        pattern: The regular expression pattern
        pos: The index in the pattern where compilation failed (may be None)
        lineno: The line corresponding to pos (may be None)
        colno: The column corresponding to pos (may be None)
    """

    __module__ = "re"

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            text = "%s at position %d" % (msg, pos)
            nl = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(nl, 0, pos) + 1
            self.colno = pos - pattern.rfind(nl, 0, pos)
            if nl in pattern:
                text = "%s (line %d, column %d)" % (text, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
            text = msg
        super().__init__(text)


error = PatternError

from re import _parser
_parser._error_class = PatternError
from re import _compiler

_FLAG_ORDER = (("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
               ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("DEBUG", 128))


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    DEBUG = 128

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        parts = []
        for name, bit in _FLAG_ORDER:
            if v & bit:
                parts.append("re." + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return "|".join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        return format(repr(self), spec)

    def __invert__(self):
        return self.__class__(~int(self) & 511)


NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG

Pattern = _sre.Pattern
Match = _sre.Match


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


class _NoArg:
    pass


_noarg = _NoArg()


def _deprecated_positional(name, kwname, value, flags):
    import warnings
    warnings.warn(
        "'%s' is passed as positional argument" % kwname,
        DeprecationWarning, stacklevel=3
    )


def sub(pattern, repl, string, *args, count=_noarg, flags=_noarg):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    count, flags = _sub_args("sub", args, count, flags)
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, *args, count=_noarg, flags=_noarg):
    """Return a 2-tuple containing (new_string, number).
    new_string is the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in the source
    string by the replacement repl.  number is the number of
    substitutions that were made."""
    count, flags = _sub_args("subn", args, count, flags)
    return _compile(pattern, flags).subn(repl, string, count)


def _sub_args(name, args, count, flags):
    if args:
        if count is not _noarg:
            raise TypeError("%s() got multiple values for argument 'count'" % name)
        count, *args = args
        if args:
            if flags is not _noarg:
                raise TypeError("%s() got multiple values for argument 'flags'" % name)
            flags, *args = args
            if args:
                raise TypeError("%s() takes from 3 to 5 positional arguments "
                                "but %d were given" % (name, 5 + len(args)))
        import warnings
        warnings.warn("'count' is passed as positional argument",
                      DeprecationWarning, stacklevel=3)
    return (0 if count is _noarg else count), (0 if flags is _noarg else flags)


def split(pattern, string, *args, maxsplit=_noarg, flags=_noarg):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    if args:
        if maxsplit is not _noarg:
            raise TypeError("split() got multiple values for argument 'maxsplit'")
        maxsplit, *args = args
        if args:
            if flags is not _noarg:
                raise TypeError("split() got multiple values for argument 'flags'")
            flags, *args = args
            if args:
                raise TypeError("split() takes from 2 to 4 positional arguments "
                                "but %d were given" % (4 + len(args)))
        import warnings
        warnings.warn("'maxsplit' is passed as positional argument",
                      DeprecationWarning, stacklevel=2)
    if maxsplit is _noarg:
        maxsplit = 0
    if flags is _noarg:
        flags = 0
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()
    _compile_template.cache_clear()


# Characters that have a meaning in patterns (and whitespace, for VERBOSE).
_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """
    Escape special characters in a string.
    """
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    else:
        pattern = str(pattern, 'latin1')
        return pattern.translate(_special_chars_map).encode('latin1')


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = _compiler.compile(pattern, flags)
    if flags & DEBUG:
        return p
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[type(pattern), pattern, flags] = p
    return p


@functools.lru_cache(_MAXCACHE)
def _compile_template(pattern, repl):
    """Parses a replacement template into a list alternating literal pieces and
    group numbers, the form Pattern.sub uses."""
    return _parse_template(repl, pattern)


_TEMPLATE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                     "v": "\v", "\\": "\\"}


def _parse_template(source, pattern):
    istext = isinstance(source, str)
    s = source if istext else str(source, "latin1")
    groupindex = pattern.groupindex
    groups = pattern.groups
    out = []
    lit = []
    i = 0
    n = len(s)

    def err(msg, pos):
        if not istext:
            msg = msg.encode("ascii", "backslashreplace").decode("ascii")
        return PatternError(msg, source, pos)

    def flush():
        if lit:
            piece = "".join(lit)
            out.append(piece if istext else piece.encode("latin1"))
            lit.clear()

    while i < n:
        c = s[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise err("bad escape (end of pattern)", n - 1)
        start = i
        d = s[i + 1]
        i += 2
        if d == "g":
            if i >= n or s[i] != "<":
                raise err("missing <", i)
            j = s.find(">", i + 1)
            if j < 0:
                name = s[i + 1:]
                if not name:
                    raise err("missing group name", i + 1)
                raise err("missing >, unterminated name", i + 1)
            name = s[i + 1:j]
            if not name:
                raise err("missing group name", i + 1)
            if name.isdecimal() and name.isascii():
                index = int(name)
                if index >= _sre.MAXGROUPS:
                    raise err("invalid group reference %d" % index, i + 1)
            else:
                if not (istext or name.isascii()):
                    raise err("bad character in group name %a" % name, i + 1)
                if not name.isidentifier():
                    raise err("bad character in group name %r" % name, i + 1)
                if name not in groupindex:
                    raise IndexError("unknown group name %r" % name)
                index = groupindex[name]
            if index > groups:
                raise err("invalid group reference %d" % index, i + 1)
            i = j + 1
            flush()
            out.append(index)
        elif d == "0":
            v = d
            while len(v) < 3 and i < n and s[i] in "01234567":
                v += s[i]
                i += 1
            lit.append(chr(int(v, 8)))
        elif d in "123456789":
            v = d
            if i < n and s[i] in "0123456789":
                v += s[i]
                i += 1
                if (v[0] in "01234567" and v[1] in "01234567" and i < n
                        and s[i] in "01234567"):
                    v += s[i]
                    i += 1
                    c = int(v, 8)
                    if c > 0o377:
                        raise err("octal escape value \\%s outside of range 0-0o377"
                                  % v, start)
                    lit.append(chr(c))
                    continue
            index = int(v)
            if index > groups:
                raise err("invalid group reference %d" % index, start + 1)
            flush()
            out.append(index)
        elif d in _TEMPLATE_ESCAPES:
            lit.append(_TEMPLATE_ESCAPES[d])
        elif d in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
            raise err("bad escape \\%s" % d, start)
        else:
            lit.append("\\" + d)
    flush()
    return out


def _expand(pattern, match, template):
    items = _parse_template(template, pattern)
    empty = match.string[:0]
    res = []
    for it in items:
        if isinstance(it, int):
            g = match.group(it)
            if g is not None:
                res.append(g)
        else:
            res.append(it)
    return empty.join(res)


import copyreg


def _pickle(p):
    return _compile, (p.pattern, p.flags)


copyreg.pickle(Pattern, _pickle, _compile)


class Scanner:
    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        alts = []
        for phrase, action in lexicon:
            alts.append("(%s)" % phrase if isinstance(phrase, str) else phrase)
        self.scanner = compile("|".join(alts), flags)

    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]
