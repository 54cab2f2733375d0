# Lowers the tree from re._parser to the instruction list run by the C matcher
# (src/modules/_sre_*.c). Opcode numbers must stay in sync with _sre_internal.h.
import _sre
from re import _parser

OP_FAIL = 0
OP_SUCCESS = 1
OP_CHAR = 2
OP_CHAR_I = 3
OP_CHAR_IA = 4
OP_ANY = 5
OP_ANY_ALL = 6
OP_SET = 7
OP_AT = 8
OP_SPLIT = 9
OP_JMP = 10
OP_SAVE = 11
OP_BREF = 12
OP_REP1 = 13
OP_REP_INIT = 14
OP_REP_LOOP = 15
OP_REP_END = 16
OP_ATOMIC = 17
OP_ATOMIC_END = 18
OP_LOOK = 19
OP_LOOK_END = 20
OP_COND = 21

UNBOUNDED = 4294967295
_CATCODES = {"d": 0, "D": 1, "s": 2, "S": 3, "w": 4, "W": 5}
_SINGLE = ("lit", "any", "set")


class _Compiler:
    def __init__(self, isbytes):
        self.code = []
        self.classes = []
        self.nregs = 0
        self.isbytes = isbytes

    def ascii(self, flags):
        return self.isbytes or (flags & (_parser.FLAG_ASCII | _parser.FLAG_LOCALE))

    def icase(self, flags):
        if not flags & _parser.FLAG_IGNORECASE:
            return 0
        return 2 if self.ascii(flags) else 1

    def addclass(self, negate, items, flags):
        ranges = []
        cats = []
        asc = 6 if self.ascii(flags) else 0
        for it in items:
            if isinstance(it, tuple):
                ranges.append(it[0])
                ranges.append(it[1])
            else:
                cats.append(_CATCODES[it] + asc)
        self.classes.append((1 if negate else 0, self.icase(flags), tuple(ranges), tuple(cats)))
        return len(self.classes) - 1

    def single(self, node):
        """The two-word encoding of a one-character node."""
        tag = node[0]
        if tag == "lit":
            c, flags = node[1], node[2]
            ic = self.icase(flags)
            if ic == 1:
                return [OP_CHAR_I, c]
            if ic == 2 and c < 128 and chr(c).isalpha():
                return [OP_CHAR_IA, ord(chr(c).lower())]
            return [OP_CHAR, c]
        if tag == "any":
            return [OP_ANY_ALL if node[1] & _parser.FLAG_DOTALL else OP_ANY, 0]
        return [OP_SET, self.addclass(node[1], node[2], node[3])]

    def emit(self, node):
        code = self.code
        tag = node[0]
        if tag in _SINGLE:
            code.extend(self.single(node))
        elif tag == "cat":
            for n in node[1]:
                self.emit(n)
        elif tag == "alt":
            jumps = []
            branches = node[1]
            for i, b in enumerate(branches):
                if i < len(branches) - 1:
                    at = len(code)
                    code.extend([OP_SPLIT, at + 3, 0])
                    self.emit(b)
                    jumps.append(len(code) + 1)
                    code.extend([OP_JMP, 0])
                    code[at + 2] = len(code)
                else:
                    self.emit(b)
            for j in jumps:
                code[j] = len(code)
        elif tag == "group":
            code.extend([OP_SAVE, 2 * node[1]])
            self.emit(node[2])
            code.extend([OP_SAVE, 2 * node[1] + 1])
        elif tag == "rep":
            self.emit_rep(node)
        elif tag == "atomic":
            code.append(OP_ATOMIC)
            self.emit(node[1])
            code.append(OP_ATOMIC_END)
        elif tag == "look":
            behind, negate, sub = node[1], node[2], node[3]
            kind = (2 if behind else 0) + (1 if negate else 0)
            width = 0
            if behind:
                lo, hi = width_of(sub)
                if lo != hi:
                    raise _parser._error_class("look-behind requires fixed-width pattern")
                width = lo
            at = len(code)
            code.extend([OP_LOOK, kind, width, 0])
            self.emit(sub)
            code.extend([OP_LOOK_END, kind])
            code[at + 3] = len(code)
        elif tag == "bref":
            code.extend([OP_BREF, node[1], self.icase(node[2])])
        elif tag == "at":
            kind, flags = node[1], node[2]
            if kind == "A":
                k = 0
            elif kind == "^":
                k = 1 if flags & _parser.FLAG_MULTILINE else 0
            elif kind == "Z":
                k = 2
            elif kind == "$":
                k = 4 if flags & _parser.FLAG_MULTILINE else 3
            elif kind == "b":
                k = 7 if self.ascii(flags) else 5
            else:
                k = 8 if self.ascii(flags) else 6
            code.extend([OP_AT, k])
        elif tag == "cond":
            at = len(code)
            code.extend([OP_COND, node[1], 0])
            self.emit(node[2])
            j = len(code)
            code.extend([OP_JMP, 0])
            code[at + 2] = len(code)
            if node[3] is not None:
                self.emit(node[3])
            code[j + 1] = len(code)
        elif tag == "fail":
            code.append(OP_FAIL)
        else:
            raise AssertionError(tag)

    def emit_rep(self, node):
        code = self.code
        lo, hi, mode, sub = node[1], node[2], node[3], node[4]
        if hi < 0:
            hi = UNBOUNDED
        if sub[0] in _SINGLE:
            at = len(code)
            code.extend([OP_REP1, lo, hi, mode, 0])
            code.extend(self.single(sub))
            code[at + 4] = len(code)
            return
        if mode == 2:
            code.append(OP_ATOMIC)
            self.emit_rep(("rep", lo, hi, 0, sub))
            code.append(OP_ATOMIC_END)
            return
        minw = width_of(sub)[0]
        if lo == 0 and hi == 1:
            at = len(code)
            if mode == 0:
                code.extend([OP_SPLIT, at + 3, 0])
                self.emit(sub)
                code[at + 2] = len(code)
            else:
                code.extend([OP_SPLIT, 0, at + 3])
                self.emit(sub)
                code[at + 1] = len(code)
            return
        if lo == 0 and hi == UNBOUNDED and minw > 0:
            at = len(code)
            code.extend([OP_SPLIT, at + 3, 0])
            self.emit(sub)
            code.extend([OP_JMP, at])
            if mode == 0:
                code[at + 2] = len(code)
            else:
                code[at + 1] = len(code)
                code[at + 2] = at + 3
            return
        r = self.nregs
        self.nregs += 1
        code.extend([OP_REP_INIT, r])
        loop = len(code)
        code.extend([OP_REP_LOOP, r, lo, hi, mode, 0])
        self.emit(sub)
        code.extend([OP_REP_END, r, loop])
        code[loop + 5] = len(code)


def width_of(node):
    """(min, max) width in characters; max is capped at UNBOUNDED."""
    tag = node[0]
    if tag in _SINGLE:
        return 1, 1
    if tag == "cat":
        lo = hi = 0
        for n in node[1]:
            a, b = width_of(n)
            lo += a
            hi += b
        return min(lo, UNBOUNDED), min(hi, UNBOUNDED)
    if tag == "alt":
        ws = [width_of(n) for n in node[1]]
        return min(w[0] for w in ws), max(w[1] for w in ws)
    if tag == "group":
        return width_of(node[2])
    if tag == "atomic":
        return width_of(node[1])
    if tag == "rep":
        a, b = width_of(node[4])
        hi = node[2]
        if hi < 0:
            hi = UNBOUNDED if b else 0
            return min(a * node[1], UNBOUNDED), hi
        return min(a * node[1], UNBOUNDED), min(b * hi, UNBOUNDED)
    if tag == "bref":
        return width_of(node[3]) if node[3] is not None else (0, UNBOUNDED)
    if tag == "cond":
        a = width_of(node[2])
        b = width_of(node[3]) if node[3] is not None else (0, 0)
        return min(a[0], b[0]), max(a[1], b[1])
    return 0, 0


def _firsts(node, out):
    """Collects the one-character nodes that can start a match of node; returns False
    when node may match empty or starts with something unsupported."""
    tag = node[0]
    if tag in _SINGLE:
        out.append(node)
        return True
    if tag == "cat":
        for n in node[1]:
            if n[0] == "at" and n[1] in "b^B":
                continue
            return _firsts(n, out)
        return False
    if tag == "alt":
        return all(_firsts(n, out) for n in node[1])
    if tag == "group":
        return _firsts(node[2], out)
    if tag == "atomic":
        return _firsts(node[1], out)
    if tag == "rep":
        return node[1] > 0 and _firsts(node[4], out)
    return False


def _prefix(node, out):
    """Appends the literal, case-sensitive characters every match starts with."""
    tag = node[0]
    if tag == "lit":
        if node[2] & _parser.FLAG_IGNORECASE:
            return False
        out.append(node[1])
        return True
    if tag == "cat":
        for n in node[1]:
            if not _prefix(n, out):
                return False
        return True
    if tag == "group":
        return _prefix(node[2], out)
    return False


def compile(pattern, flags):
    tree, flags, groups, groupdict = _parser.parse(pattern, flags)
    c = _Compiler(not isinstance(pattern, str))
    c.emit(tree)
    c.code.append(OP_SUCCESS)
    prefix = []
    _prefix(tree, prefix)
    firstset = -1
    anchored = 0
    t = tree
    while t[0] in ("cat", "group"):
        if t[0] == "cat":
            if not t[1]:
                break
            t = t[1][0]
        else:
            t = t[2]
    if t[0] == "at" and (t[1] == "A" or (t[1] == "^" and not t[2] & _parser.FLAG_MULTILINE)):
        anchored = 1
    if not prefix and not anchored:
        firsts = []
        if _firsts(tree, firsts) and firsts:
            if len(firsts) == 1 and firsts[0][0] == "set":
                firstset = c.addclass(firsts[0][1], firsts[0][2], firsts[0][3])
            elif all(f[0] == "lit" or (f[0] == "set" and not f[1]) for f in firsts):
                items = []
                fl = 0
                for f in firsts:
                    if f[0] == "lit":
                        items.append((f[1], f[1]))
                        fl |= f[2] & _parser.FLAG_IGNORECASE
                    else:
                        items.extend(f[2])
                        fl |= f[3] & _parser.FLAG_IGNORECASE
                fl |= firsts[0][-1] & (_parser.FLAG_ASCII | _parser.FLAG_LOCALE)
                if all(isinstance(i, tuple) for i in items) or \
                        len(set(f[-1] & (_parser.FLAG_ASCII | _parser.FLAG_LOCALE)
                                for f in firsts)) == 1:
                    firstset = c.addclass(False, items, fl)
    if groupdict:
        indexgroup = [None] * (groups + 1)
        for k, v in groupdict.items():
            indexgroup[v] = k
        indexgroup = tuple(indexgroup)
    else:
        indexgroup = None
    return _sre.compile(pattern, flags, c.code, groups, groupdict, indexgroup,
                        tuple(c.classes), c.nregs, tuple(prefix), firstset, anchored)
