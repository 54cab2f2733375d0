# Pattern parser: turns a pattern string into a tree of tuples for re._compiler.
# Error messages and positions follow CPython's re module exactly, because user code
# and tests inspect them.
#
# Tree nodes (tuples, tag first):
#   ('lit', ch, flags)              one character
#   ('any', flags)                  '.'
#   ('set', negate, items, flags)   items: (lo, hi) ranges or category letters 'd','D',...
#   ('cat', [nodes])                sequence
#   ('alt', [nodes])                alternation
#   ('group', gid, node)            capturing group
#   ('rep', min, max, mode, node)   mode 0 greedy, 1 lazy, 2 possessive; max -1 = unbounded
#   ('atomic', node)
#   ('look', behind, negate, node)
#   ('bref', gid, flags)
#   ('at', kind, flags)             kind: 'A' 'Z' '^' '$' 'b' 'B'
#   ('cond', gid, yes, no)
#   ('fail',)

FLAG_TEMPLATE = 1
FLAG_IGNORECASE = 2
FLAG_LOCALE = 4
FLAG_MULTILINE = 8
FLAG_DOTALL = 16
FLAG_UNICODE = 32
FLAG_VERBOSE = 64
FLAG_DEBUG = 128
FLAG_ASCII = 256

MAXREPEAT = 4294967295
MAXGROUPS = 1073741823

_FLAGCHARS = {
    "i": FLAG_IGNORECASE, "L": FLAG_LOCALE, "m": FLAG_MULTILINE, "s": FLAG_DOTALL,
    "x": FLAG_VERBOSE, "a": FLAG_ASCII, "u": FLAG_UNICODE,
}
_TYPE_FLAGS = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE
_DIGITS = "0123456789"
_OCT = "01234567"
_HEX = "0123456789abcdefABCDEF"
_ASCIILETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WHITESPACE = " \t\n\r\v\f"
_SIMPLE_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_CATS = "dDsSwW"

_error_class = None


def _err(msg, pattern, pos):
    return _error_class(msg, pattern, pos)


class _Source:
    """Cursor over the pattern; bytes patterns are viewed as latin-1 text."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.istext = isinstance(pattern, str)
        self.s = pattern if self.istext else str(pattern, "latin1")
        self.n = len(self.s)
        self.i = 0

    def error(self, msg, offset=0):
        if not self.istext:
            msg = msg.encode("ascii", "backslashreplace").decode("ascii")
        return _err(msg, self.pattern, self.i - offset)

    def peek(self):
        """Next token without consuming: a char, a two-char escape, or None."""
        i = self.i
        if i >= self.n:
            return None
        c = self.s[i]
        if c == "\\":
            if i + 1 >= self.n:
                raise _err("bad escape (end of pattern)", self.pattern, self.n - 1)
            return self.s[i:i + 2]
        return c

    def get(self):
        t = self.peek()
        if t is not None:
            self.i += len(t)
        return t

    def match(self, c):
        if self.peek() == c:
            self.i += len(c)
            return True
        return False

    def getwhile(self, n, chars):
        r = ""
        while len(r) < n and self.i < self.n and self.s[self.i] in chars:
            r += self.s[self.i]
            self.i += 1
        return r

    def getuntil(self, term, name):
        r = ""
        while True:
            c = self.get()
            if c is None:
                if not r:
                    raise self.error("missing " + name)
                raise self.error("missing %s, unterminated name" % term, len(r))
            if c == term:
                if not r:
                    raise self.error("missing " + name, 1)
                return r
            r += c

    def checkname(self, name, offset):
        if not (self.istext or name.isascii()):
            raise self.error("bad character in group name %a" % name, len(name) + offset)
        if not name.isidentifier():
            raise self.error("bad character in group name %r" % name, len(name) + offset)


class _State:
    def __init__(self, flags):
        self.flags = flags
        self.groups = 1
        self.groupdict = {}
        self.closed = set()
        self.groupnodes = {}
        self.grouprefpos = {}
        self.lookbehind = None   # group count when the outermost lookbehind started

    def opengroup(self, src, name):
        gid = self.groups
        self.groups += 1
        if self.groups > MAXGROUPS:
            raise src.error("too many groups")
        if name is not None:
            old = self.groupdict.get(name)
            if old is not None:
                raise src.error("redefinition of group name %r as group %d; was group %d"
                                % (name, gid, old), len(name) + 1)
            self.groupdict[name] = gid
        return gid

    def checkref(self, src, gid, offset):
        if self.lookbehind is not None:
            if gid not in self.closed:
                raise src.error("cannot refer to an open group")
            if gid >= self.lookbehind:
                raise src.error("cannot refer to group defined in the same "
                                "lookbehind subpattern")


def _hexval(src, esc, n):
    digits = src.getwhile(n, _HEX)
    esc += digits
    if len(digits) != n:
        raise src.error("incomplete escape %s" % esc, len(esc))
    return int(digits, 16), esc


def _named(src):
    if not src.match("{"):
        raise src.error("missing {")
    name = src.getuntil("}", "character name")
    try:
        import unicodedata
        return ord(unicodedata.lookup(name))
    except (KeyError, TypeError, ImportError):
        raise src.error("undefined character name %r" % name, len(name) + 4) from None


def _class_escape(src, esc):
    """Escape inside [...]: returns ('c', ch) or ('cat', letter)."""
    c = esc[1]
    if c in _SIMPLE_ESCAPES:
        return ("c", _SIMPLE_ESCAPES[c])
    if c in _CATS:
        return ("cat", c)
    if c == "x":
        return ("c", _hexval(src, esc, 2)[0])
    if c == "u" and src.istext:
        return ("c", _hexval(src, esc, 4)[0])
    if c == "U" and src.istext:
        v, e = _hexval(src, esc, 8)
        if v > 0x10FFFF:
            raise src.error("bad escape %s" % e, len(e))
        return ("c", v)
    if c == "N" and src.istext:
        return ("c", _named(src))
    if c in _OCT:
        esc += src.getwhile(2, _OCT)
        v = int(esc[1:], 8)
        if v > 0o377:
            raise src.error("octal escape value %s outside of range 0-0o377" % esc, len(esc))
        return ("c", v)
    if c in _DIGITS or c in _ASCIILETTERS:
        raise src.error("bad escape %s" % esc, len(esc))
    return ("c", ord(c))


def _escape(src, esc, state, flags):
    c = esc[1]
    if c in _CATS:
        return ("set", False, [c], flags)
    if c in "AZbB":
        return ("at", c, flags)
    if c in _SIMPLE_ESCAPES:
        return ("lit", _SIMPLE_ESCAPES[c], flags)
    if c == "x":
        return ("lit", _hexval(src, esc, 2)[0], flags)
    if c == "u" and src.istext:
        return ("lit", _hexval(src, esc, 4)[0], flags)
    if c == "U" and src.istext:
        v, e = _hexval(src, esc, 8)
        if v > 0x10FFFF:
            raise src.error("bad escape %s" % e, len(e))
        return ("lit", v, flags)
    if c == "N" and src.istext:
        return ("lit", _named(src), flags)
    if c == "0":
        esc += src.getwhile(2, _OCT)
        return ("lit", int(esc[1:], 8), flags)
    if c in _DIGITS:
        nxt = src.peek()
        if nxt is not None and nxt in _DIGITS:
            esc += src.get()
            nxt = src.peek()
            if esc[1] in _OCT and esc[2] in _OCT and nxt is not None and nxt in _OCT:
                esc += src.get()
                v = int(esc[1:], 8)
                if v > 0o377:
                    raise src.error("octal escape value %s outside of range 0-0o377"
                                    % esc, len(esc))
                return ("lit", v, flags)
        gid = int(esc[1:])
        if gid < state.groups:
            if gid not in state.closed:
                raise src.error("cannot refer to an open group", len(esc))
            state.checkref(src, gid, len(esc))
            return ("bref", gid, flags, state.groupnodes.get(gid))
        raise src.error("invalid group reference %d" % gid, len(esc) - 1)
    if c in _ASCIILETTERS:
        raise src.error("bad escape %s" % esc, len(esc))
    return ("lit", ord(c), flags)


def _parse_alt(src, state, flags, nested):
    branches = []
    while True:
        node, flags = _parse_seq(src, state, flags, nested + 1, not nested and not branches)
        branches.append(node)
        if not src.match("|"):
            break
    if len(branches) == 1:
        return branches[0], flags
    return ("alt", branches), flags


def _warn(msg, category):
    """Warns at the first frame outside the re package (the user's call)."""
    import sys
    import warnings
    level = 1
    f = sys._getframe(0)
    while f is not None:
        name = f.f_globals.get("__name__", "")
        if name != "re" and not name.startswith("re."):
            break
        f = f.f_back
        level += 1
    warnings.warn(msg, category, stacklevel=level)


_SETOPS = {"-": "difference", "&": "intersection", "~": "symmetric difference", "|": "union"}


def _parse_class(src, flags):
    start = src.i - 1
    if src.peek() == "[":
        _warn("Possible nested set at position %d" % src.i, FutureWarning)
    negate = src.match("^")
    items = []
    first = True
    while True:
        t = src.get()
        if t is None:
            raise src.error("unterminated character set", src.i - start)
        if t == "]" and not first:
            break
        first = False
        if t[0] == "\\":
            a = _class_escape(src, t)
        else:
            if items and t in "-&~|" and src.peek() == t:
                _warn("Possible set %s at position %d" % (_SETOPS[t], src.i - 1),
                      FutureWarning)
            a = ("c", ord(t))
        if src.match("-"):
            t2 = src.get()
            if t2 is None:
                raise src.error("unterminated character set", src.i - start)
            if t2 == "]":
                items.append((a[1], a[1]) if a[0] == "c" else a[1])
                items.append((45, 45))
                break
            if t2 == "-":
                _warn("Possible set difference at position %d" % (src.i - 2), FutureWarning)
            b = _class_escape(src, t2) if t2[0] == "\\" else ("c", ord(t2))
            if a[0] != "c" or b[0] != "c" or b[1] < a[1]:
                raise src.error("bad character range %s-%s" % (t, t2), len(t) + 1 + len(t2))
            items.append((a[1], b[1]))
        else:
            items.append((a[1], a[1]) if a[0] == "c" else a[1])
    if len(items) == 1 and isinstance(items[0], tuple) and items[0][0] == items[0][1] \
            and not negate:
        return ("lit", items[0][0], flags)
    return ("set", negate, items, flags)


def _parse_flags(src, state, c):
    add = 0
    rem = 0
    if c != "-":
        while True:
            f = _FLAGCHARS[c]
            if src.istext:
                if c == "L":
                    raise src.error("bad inline flags: cannot use 'L' flag with a str pattern")
            elif c == "u":
                raise src.error("bad inline flags: cannot use 'u' flag with a bytes pattern")
            add |= f
            if (f & _TYPE_FLAGS) and (add & _TYPE_FLAGS) != f:
                raise src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            c = src.get()
            if c is None:
                raise src.error("missing -, : or )")
            if c in ")-:":
                break
            if c not in _FLAGCHARS:
                raise src.error("unknown flag" if c.isalpha() else "missing -, : or )", len(c))
    if c == ")":
        return add, None
    if c == "-":
        c = src.get()
        if c is None:
            raise src.error("missing flag")
        if c not in _FLAGCHARS:
            raise src.error("unknown flag" if c.isalpha() else "missing flag", len(c))
        while True:
            f = _FLAGCHARS[c]
            if f & _TYPE_FLAGS:
                raise src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            rem |= f
            c = src.get()
            if c is None:
                raise src.error("missing :")
            if c == ":":
                break
            if c not in _FLAGCHARS:
                raise src.error("unknown flag" if c.isalpha() else "missing :", len(c))
    if add & rem:
        raise src.error("bad inline flags: flag turned on and off", 1)
    return add, rem


def _parse_seq(src, state, flags, nested, first):
    items = []
    while True:
        t = src.peek()
        if t is None or t == "|" or t == ")":
            break
        src.get()
        if flags & FLAG_VERBOSE:
            if t in _WHITESPACE:
                continue
            if t == "#":
                while True:
                    t = src.get()
                    if t is None or t == "\n":
                        break
                continue
        if t[0] == "\\":
            items.append(_escape(src, t, state, flags))
        elif t == "[":
            items.append(_parse_class(src, flags))
        elif t in "*+?{":
            here = src.i
            if t == "?":
                lo, hi = 0, 1
            elif t == "*":
                lo, hi = 0, -1
            elif t == "+":
                lo, hi = 1, -1
            else:
                if src.peek() == "}":
                    items.append(("lit", 123, flags))
                    continue
                a = src.getwhile(1 << 30, _DIGITS)
                if src.match(","):
                    b = src.getwhile(1 << 30, _DIGITS)
                else:
                    b = a
                if not src.match("}"):
                    items.append(("lit", 123, flags))
                    src.i = here
                    continue
                lo, hi = 0, -1
                if a:
                    lo = int(a)
                    if lo >= MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                if b:
                    hi = int(b)
                    if hi >= MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                    if hi < lo:
                        raise src.error("min repeat greater than max repeat", src.i - here)
            if not items or items[-1][0] == "at":
                raise src.error("nothing to repeat", src.i - here + len(t))
            last = items[-1]
            if last[0] == "rep":
                raise src.error("multiple repeat", src.i - here + len(t))
            mode = 0
            if src.match("?"):
                mode = 1
            elif src.match("+"):
                mode = 2
            items[-1] = ("rep", lo, hi, mode, last)
        elif t == ".":
            items.append(("any", flags))
        elif t == "^":
            items.append(("at", "^", flags))
        elif t == "$":
            items.append(("at", "$", flags))
        elif t == "(":
            node = _parse_group(src, state, flags, nested, first and not items)
            if isinstance(node, int):
                # global inline flags: they apply to the whole pattern
                flags = node
                continue
            if node is not None:
                items.append(node)
        else:
            items.append(("lit", ord(t), flags))
    if len(items) == 1:
        return items[0], flags
    return ("cat", items), flags


def _parse_group(src, state, flags, nested, first):
    start = src.i - 1
    capture = True
    atomic = False
    name = None
    inner = flags
    if src.match("?"):
        c = src.get()
        if c is None:
            raise src.error("unexpected end of pattern")
        if c == "P":
            if src.match("<"):
                name = src.getuntil(">", "group name")
                src.checkname(name, 1)
            elif src.match("="):
                name = src.getuntil(")", "group name")
                src.checkname(name, 1)
                gid = state.groupdict.get(name)
                if gid is None:
                    raise src.error("unknown group name %r" % name, len(name) + 1)
                if gid not in state.closed:
                    raise src.error("cannot refer to an open group", len(name) + 1)
                state.checkref(src, gid, len(name) + 1)
                return ("bref", gid, flags, state.groupnodes.get(gid))
            else:
                c = src.get()
                if c is None:
                    raise src.error("unexpected end of pattern")
                raise src.error("unknown extension ?P" + c, len(c) + 2)
        elif c == ":":
            capture = False
        elif c == "#":
            while True:
                if src.peek() is None:
                    raise src.error("missing ), unterminated comment", src.i - start)
                if src.get() == ")":
                    break
            return None
        elif c in "=!<":
            behind = False
            if c == "<":
                c = src.get()
                if c is None:
                    raise src.error("unexpected end of pattern")
                if c not in "=!":
                    raise src.error("unknown extension ?<" + c, len(c) + 2)
                behind = True
            outer_lb = state.lookbehind
            if behind and outer_lb is None:
                state.lookbehind = state.groups
            p, _ = _parse_alt(src, state, flags, nested + 1)
            if behind and outer_lb is None:
                state.lookbehind = None
            if not src.match(")"):
                raise src.error("missing ), unterminated subpattern", src.i - start)
            if c == "!" and p == ("cat", []):
                return ("fail",)
            return ("look", behind, c == "!", p)
        elif c == "(":
            cond = src.getuntil(")", "group name")
            if not (cond.isdecimal() and cond.isascii()):
                src.checkname(cond, 1)
                gid = state.groupdict.get(cond)
                if gid is None:
                    raise src.error("unknown group name %r" % cond, len(cond) + 1)
            else:
                gid = int(cond)
                if not gid:
                    raise src.error("bad group number", len(cond) + 1)
                if gid >= MAXGROUPS:
                    raise src.error("invalid group reference %d" % gid, len(cond) + 1)
                if gid not in state.grouprefpos:
                    state.grouprefpos[gid] = src.i - len(cond) - 1
            state.checkref(src, gid, 0)
            yes, _ = _parse_seq(src, state, flags, nested + 1, False)
            no = None
            if src.match("|"):
                no, _ = _parse_seq(src, state, flags, nested + 1, False)
                if src.peek() == "|":
                    raise src.error("conditional backref with more than two branches")
            if not src.match(")"):
                raise src.error("missing ), unterminated subpattern", src.i - start)
            return ("cond", gid, yes, no)
        elif c == ">":
            capture = False
            atomic = True
        elif c in _FLAGCHARS or c == "-":
            add, rem = _parse_flags(src, state, c)
            if rem is None:
                if not first:
                    raise src.error("global flags not at the start of the expression",
                                    src.i - start)
                state.flags |= add
                return flags | add
            capture = False
            inner = (flags | add) & ~rem
        else:
            raise src.error("unknown extension ?" + c, len(c) + 1)
    gid = state.opengroup(src, name) if capture else None
    p, _ = _parse_alt(src, state, inner, nested + 1)
    if not src.match(")"):
        raise src.error("missing ), unterminated subpattern", src.i - start)
    if gid is not None:
        state.closed.add(gid)
        state.groupnodes[gid] = p
        return ("group", gid, p)
    if atomic:
        return ("atomic", p)
    if p[0] in ("rep", "at"):
        # keeps "(?:a*)*" and "(?:^)*" legal: a repeat may follow any group
        return ("cat", [p])
    return p


def parse(pattern, flags):
    """Returns (tree, final flags, group count, groupdict)."""
    src = _Source(pattern)
    state = _State(flags)
    tree, _ = _parse_alt(src, state, flags, 0)
    fl = state.flags
    if src.istext:
        if fl & FLAG_LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not fl & FLAG_ASCII:
            fl |= FLAG_UNICODE
        elif fl & FLAG_UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if fl & FLAG_UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if fl & FLAG_LOCALE and fl & FLAG_ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    if src.peek() is not None:
        raise src.error("unbalanced parenthesis")
    for g, pos in state.grouprefpos.items():
        if g >= state.groups:
            raise _err("invalid group reference %d" % g, pattern, pos)
    return tree, fl, state.groups - 1, state.groupdict
