"""Extract, format and print Python stack traces and exceptions.

The layout matches what the interpreter prints for an uncaught exception. Krait has no
`ast` module, so the position markers under a source line are placed by a small scanner
of the instruction's source segment instead of a re-parse.
"""

import sys
import linecache
import itertools

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb', 'print_list']

_RECURSIVE_CUTOFF = 3
_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")
_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")

_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return None, None
    return value, tb


# ---- list / tb / stack entry points -------------------------------------------------

def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True, **kwargs):
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain, **kwargs)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True, **kwargs):
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain, **kwargs))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False):
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except BaseException:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    exc = getattr(sys, 'last_exc', None)
    if exc is None:
        if not hasattr(sys, "last_type"):
            raise ValueError("no last exception")
        print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                        limit, file, chain)
        return
    print_exception(exc, limit=limit, file=file, chain=chain)


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except (RuntimeError, AttributeError):
            pass
        tb = tb.tb_next


def walk_stack(f):
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _code_positions(code, lasti):
    if lasti < 0:
        return None, None, None, None
    try:
        return next(itertools.islice(code.co_positions(), lasti // 2, None))
    except (StopIteration, AttributeError):
        return None, None, None, None


def _walk_tb_with_full_positions(tb):
    while tb is not None:
        positions = _code_positions(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + tuple(positions[1:])
        else:
            yield tb.tb_frame, positions
        tb = tb.tb_next


# ---- FrameSummary / StackSummary ---------------------------------------------------

class FrameSummary:
    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_lines', '_lines_dedented', 'locals', '_code')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None, **kwargs):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._code = kwargs.get("_code")
        self._lines = line
        self._lines_dedented = None
        if lookup_line:
            self.line
        self.locals = {k: _safe_string(v, 'local', func=repr)
                       for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    def _set_lines(self):
        if not self._lines and self.lineno is not None and self.end_lineno is not None:
            lines = []
            for lineno in range(self.lineno, self.end_lineno + 1):
                lines.append(linecache.getline(self.filename, lineno).rstrip())
            self._lines = "\n".join(lines) + "\n"

    @property
    def _original_lines(self):
        self._set_lines()
        return self._lines

    @property
    def _dedented_lines(self):
        self._set_lines()
        if self._lines_dedented is None and self._lines is not None:
            self._lines_dedented = "\n".join(_dedent(self._lines.split("\n")))
        return self._lines_dedented

    @property
    def line(self):
        self._set_lines()
        if self._lines is None:
            return None
        return self._lines.partition("\n")[0].strip()


def _is_blank(s):
    return not s.strip()


def _dedent(lines):
    margin = None
    for l in lines:
        if _is_blank(l):
            continue
        k = 0
        while k < len(l) and l[k] in ' \t':
            k += 1
        if margin is None:
            margin = l[:k]
        else:
            j = 0
            while j < len(margin) and j < k and margin[j] == l[j]:
                j += 1
            margin = margin[:j]
    cut = len(margin) if margin else 0
    return ['' if _is_blank(l) else l[cut:] for l in lines]


def _byte_offset_to_character_offset(s, offset):
    as_utf8 = s.encode('utf-8')
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


class StackSummary(list):

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                import collections
                frame_gen = collections.deque(frame_gen, maxlen=-limit)
        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            co = f.f_code
            filename = co.co_filename
            name = co.co_name
            fnames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            if capture_locals:
                f_locals = f.f_locals
            else:
                f_locals = None
            result.append(FrameSummary(
                filename, lineno, name, lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno, _code=co))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary, **kwargs):
        row = []
        filename = frame_summary.filename
        if frame_summary.filename.startswith("<stdin>-"):
            filename = "<stdin>"
        row.append('  File "{}", line {}, in {}\n'.format(
            filename, frame_summary.lineno, frame_summary.name))
        if frame_summary._dedented_lines and frame_summary._dedented_lines.strip():
            text = None
            if (frame_summary.colno is not None and frame_summary.end_colno is not None):
                try:
                    text = _format_positions(frame_summary)
                except Exception:
                    text = None
            if text is None:
                text = '    {}\n'.format(frame_summary.line)
            row.append(text)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self, **kwargs):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted = self.format_frame_summary(frame_summary, **kwargs)
            if formatted is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(
                        f'  [Previous line repeated {count} more '
                        f'time{"s" if count > 1 else ""}]\n')
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n')
        return result


# ---- position markers -----------------------------------------------------------------

def _format_positions(fs):
    orig = fs._original_lines.split("\n")[:-1]
    if not orig:
        return None
    all_lines = _dedent(orig)
    if not any(l.strip() for l in all_lines):
        return None
    start = _byte_offset_to_character_offset(orig[0], fs.colno)
    end = _byte_offset_to_character_offset(orig[-1], fs.end_colno)
    dedent = len(orig[0]) - len(all_lines[0])
    start = max(0, start - dedent)
    end = max(0, end - dedent)
    n = len(all_lines)
    joined = "\n".join(all_lines)
    seg_end = len(joined) - (len(all_lines[-1]) - end)
    seg_end = min(max(seg_end, start), len(joined))
    segment = joined[min(start, len(joined)):seg_end]
    anchors = _extract_anchors(segment)
    if anchors is not None:
        (l1, c1), (l2, c2) = anchors
        if l1 == 0:
            c1 += start
        if l2 == 0:
            c2 += start
        anchors = (l1, c1, l2, c2)
    show = _should_show_carets(start, end, all_lines, anchors)
    sig = [False] * n
    sig[0] = sig[-1] = True
    if anchors is not None:
        for d in (-1, 0, 1):
            for ln in (anchors[0] + d, anchors[2] + d):
                if 0 <= ln < n:
                    sig[ln] = True
    out = []

    def emit(i):
        line = all_lines[i]
        out.append(line)
        if not show:
            return
        spaces = len(line) - len(line.lstrip())
        ncar = end if i == n - 1 else len(line)
        primary = '~' if anchors is not None else '^'
        buf = []
        for col in range(max(ncar, 0)):
            if col < spaces or (i == 0 and col < start):
                buf.append(' ')
            elif anchors is not None and \
                    (i > anchors[0] or (i == anchors[0] and col >= anchors[1])) and \
                    (i < anchors[2] or (i == anchors[2] and col < anchors[3])):
                buf.append('^')
            else:
                buf.append(primary)
        out.append(''.join(buf))

    prev = -1
    for i in range(n):
        if not sig[i]:
            continue
        if prev >= 0:
            diff = i - prev
            if diff == 2:
                emit(i - 1)
            elif diff > 2:
                out.append("...<%d lines>..." % (diff - 1))
        emit(i)
        prev = i
    return "".join("    " + l + "\n" for l in _dedent(out))


_OPCHARS = "+-*/%@<>&|^~=!:."
_BINOPS = {'|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5,
           '*': 6, '/': 6, '//': 6, '%': 6, '@': 6, '**': 8}
_STOPWORDS = {'lambda', 'if', 'else', 'and', 'or', 'not', 'in', 'is', 'await',
              'yield', 'for', 'async'}
_MULTI_OPS = ('**=', '//=', '>>=', '<<=', '**', '//', '<<', '>>', '<=', '>=', '==',
              '!=', ':=', '->', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=')


def _tokens(text):
    """(kind, string, line, col, end_line, end_col) for the tokens of `text`; raises
    ValueError on what it cannot follow (unterminated strings)."""
    lines = text.split("\n")
    toks = []
    ln = 0
    col = 0
    while ln < len(lines):
        line = lines[ln]
        if col >= len(line):
            ln += 1
            col = 0
            continue
        ch = line[col]
        if ch in ' \t\f\\':
            col += 1
            continue
        if ch == '#':
            ln += 1
            col = 0
            continue
        if ch.isalpha() or ch == '_' or ord(ch) > 127:
            j = col
            while j < len(line) and (line[j].isalnum() or line[j] == '_' or ord(line[j]) > 127):
                j += 1
            word = line[col:j]
            if j < len(line) and line[j] in '\'"' and word.lower() in (
                    'r', 'b', 'u', 'f', 'br', 'rb', 'fr', 'rf'):
                col = j
                sl, sc = ln, col - len(word)
                ln, col = _skip_string(lines, ln, col)
                toks.append(('str', '', sl, sc, ln, col))
                continue
            toks.append(('name', word, ln, col, ln, j))
            col = j
            continue
        if ch.isdigit() or (ch == '.' and col + 1 < len(line) and line[col + 1].isdigit()):
            j = col
            while j < len(line) and (line[j].isalnum() or line[j] in '._' or
                                     (line[j] in '+-' and line[j - 1] in 'eE' and
                                      not line[col:j].lower().startswith('0x'))):
                j += 1
            toks.append(('num', line[col:j], ln, col, ln, j))
            col = j
            continue
        if ch in '\'"':
            sl, sc = ln, col
            ln, col = _skip_string(lines, ln, col)
            toks.append(('str', '', sl, sc, ln, col))
            continue
        if ch in '([{':
            toks.append(('open', ch, ln, col, ln, col + 1))
            col += 1
            continue
        if ch in ')]}':
            toks.append(('close', ch, ln, col, ln, col + 1))
            col += 1
            continue
        if ch in ',;':
            toks.append(('op', ch, ln, col, ln, col + 1))
            col += 1
            continue
        for m in _MULTI_OPS:
            if line.startswith(m, col):
                toks.append(('op', m, ln, col, ln, col + len(m)))
                col += len(m)
                break
        else:
            toks.append(('op', ch, ln, col, ln, col + 1))
            col += 1
    return toks


def _skip_string(lines, ln, col):
    line = lines[ln]
    q = line[col]
    if line.startswith(q * 3, col):
        delim = q * 3
        col += 3
        while True:
            line = lines[ln]
            while col < len(line):
                if line[col] == '\\':
                    col += 2
                    continue
                if line.startswith(delim, col):
                    return ln, col + 3
                col += 1
            ln += 1
            col = 0
            if ln >= len(lines):
                raise ValueError("unterminated string")
    col += 1
    while col < len(line):
        if line[col] == '\\':
            col += 2
            continue
        if line[col] == q:
            return ln, col + 1
        col += 1
    raise ValueError("unterminated string")


def _operand_end(tok):
    return tok[0] in ('name', 'num', 'str', 'close') and tok[1] not in _STOPWORDS


def _classify(toks):
    """What the expression made of `toks` is at its top: ('binop', op_token),
    ('call'|'subscript', open_token) or None."""
    if not toks:
        return None
    depth = 0
    best = None
    best_level = 99
    prev = None
    lead_unary = toks[0][0] == 'op' and toks[0][1] in '+-~'
    last_trailer = None
    for t in toks:
        kind, s = t[0], t[1]
        if kind == 'open':
            if depth == 0:
                last_trailer = t if (prev is not None and _operand_end(prev)) else None
            depth += 1
        elif kind == 'close':
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            if kind == 'name' and s in _STOPWORDS:
                return None
            if kind == 'op':
                if s in _BINOPS and prev is not None and _operand_end(prev):
                    level = _BINOPS[s]
                    if level < best_level or (level == best_level and level != 8):
                        best, best_level = t, level
                elif s in '+-~' and (prev is None or not _operand_end(prev)):
                    pass
                elif s == '.':
                    last_trailer = None
                else:
                    return None
            elif prev is not None and _operand_end(prev) and kind != 'str':
                return None
        prev = t
    if depth != 0:
        return None
    if best is not None:
        if best_level == 8 and lead_unary:
            return None
        return ('binop', best)
    if lead_unary:
        return None
    last = toks[-1]
    if last_trailer is not None and last[0] == 'close':
        return ('call' if last_trailer[1] == '(' else 'subscript', last_trailer)
    return None


def _extract_anchors(segment):
    try:
        toks = _tokens(segment)
    except (ValueError, IndexError):
        return None
    c = _classify(toks)
    if c is None:
        return None
    kind, t = c
    if kind == 'binop':
        return (t[2], t[3]), (t[2], t[3] + min(len(t[1]), 2))
    last = toks[-1]
    return (t[2], t[3]), (last[4], last[5])


def _should_show_carets(start, end, all_lines, anchors):
    try:
        toks = _tokens("\n".join(all_lines))
    except (ValueError, IndexError):
        toks = None
    if toks is not None:
        stmt_end = len(toks)
        for i, t in enumerate(toks):
            if t[0] == 'op' and t[1] == ';':
                stmt_end = i
                break
        toks = toks[:stmt_end]
        if not toks:
            return False
        value = None
        if toks[0][:2] == ('name', 'return') and len(toks) > 2:
            v = toks[1:]
            c = _classify(v)
            if c is not None and c[0] == 'call' and c[1] is v[1] and v[0][0] == 'name' \
                    and v[0][1] not in _STOPWORDS:
                value = v
        elif (len(toks) > 3 and toks[0][0] == 'name' and toks[0][1] not in _STOPWORDS
              and toks[1][:2] == ('op', '=')):
            v = toks[2:]
            if not any(x[0] == 'op' and x[1] == '=' for x in v):
                c = _classify(v)
                if c is not None and c[0] == 'call':
                    value = v
        if value is not None:
            if (value[0][2] == 0 and value[-1][4] == len(all_lines) - 1 and
                    value[0][3] == start and value[-1][5] == end):
                return False
    if anchors is not None:
        return True
    if all_lines[0][:start].strip() or all_lines[-1][end:].strip():
        return True
    return False


# ---- TracebackException -----------------------------------------------------------------

def _levenshtein(a, b, limit):
    # Case-only differences cost less than other substitutions, as CPython's
    # suggestion engine weighs them.
    if a == b:
        return 0
    move = 2
    prev = [i * move for i in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        cur = [i * move] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            ca, cb = a[i - 1], b[j - 1]
            if ca == cb:
                sub = 0
            elif ca.lower() == cb.lower():
                sub = 1
            else:
                sub = move
            cur[j] = min(prev[j - 1] + sub, prev[j] + move, cur[j - 1] + move)
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _best_match(wrong, candidates):
    if len(candidates) > 750 or len(wrong) > 40:
        return None
    best = None
    best_d = None
    for name in sorted(candidates):
        if not isinstance(name, str) or name == wrong:
            continue
        limit = (len(wrong) + len(name) + 3) * 2 // 6
        if best_d is not None:
            limit = min(limit, best_d - 1)
        d = _levenshtein(wrong, name, limit)
        if d > limit:
            continue
        if best_d is None or d < best_d:
            best, best_d = name, d
    return best


def _compute_suggestion(exc_value):
    wrong = getattr(exc_value, 'name', None)
    if not isinstance(wrong, str):
        return None
    if isinstance(exc_value, AttributeError):
        obj = exc_value.obj
        try:
            d = dir(obj)
        except Exception:
            return None
        hide_under = not wrong.startswith('_')
        if hide_under:
            d = [x for x in d if not x.startswith('_')]
        return _best_match(wrong, d)
    if isinstance(exc_value, ImportError):
        try:
            mod = __import__(exc_value.name)
            d = dir(mod)
        except Exception:
            return None
        if not wrong.startswith('_'):
            d = [x for x in d if not x.startswith('_')]
        return _best_match(wrong, d)
    if isinstance(exc_value, NameError):
        tb = exc_value.__traceback__
        if tb is None:
            return None
        while tb.tb_next is not None:
            tb = tb.tb_next
        frame = tb.tb_frame
        d = list(frame.f_locals) + list(frame.f_globals) + list(frame.f_builtins)
        s = _best_match(wrong, d)
        if s is None and 'self' in frame.f_locals:
            try:
                if hasattr(frame.f_locals['self'], wrong):
                    return 'self.' + wrong
            except Exception:
                pass
        return s
    return None


class _ExceptionPrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        prefix = self.indent()
        if self.exception_group_depth:
            prefix += margin_char + ' '
        if isinstance(text_gen, str):
            text_gen = [text_gen]
        for text in text_gen:
            yield ''.join(prefix + l for l in text.splitlines(True))


class TracebackException:

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals)
        self._exc_type = exc_type if exc_type is not None else None
        self._str = _safe_string(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = [f'Ignored error getting __notes__: {_safe_string(e, "__notes__", repr)}']
        self._is_syntax_error = False
        self._have_exc_type = exc_type is not None
        if exc_type is not None:
            self.exc_type_qualname = exc_type.__qualname__
            self.exc_type_module = exc_type.__module__
        else:
            self.exc_type_qualname = None
            self.exc_type_module = None
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
            self._is_syntax_error = True
        elif exc_type and issubclass(exc_type, ImportError) and \
                getattr(exc_value, "name_from", None) is not None:
            wrong_name = getattr(exc_value, "name_from", None)
            suggestion = None
            try:
                mod = sys.modules.get(exc_value.name)
                if mod is not None:
                    d = dir(mod)
                    if not wrong_name.startswith('_'):
                        d = [x for x in d if not x.startswith('_')]
                    suggestion = _best_match(wrong_name, d)
            except Exception:
                suggestion = None
            if suggestion:
                self._str += f". Did you mean: '{suggestion}'?"
        elif exc_type and issubclass(exc_type, (NameError, AttributeError)) and \
                getattr(exc_value, "name", None) is not None:
            wrong_name = getattr(exc_value, "name", None)
            try:
                suggestion = _compute_suggestion(exc_value)
            except Exception:
                suggestion = None
            if suggestion:
                self._str += f". Did you mean: '{suggestion}'?"
            if issubclass(exc_type, NameError):
                names = getattr(sys, 'stdlib_module_names', ())
                if wrong_name in names:
                    if suggestion:
                        self._str += f" Or did you forget to import '{wrong_name}'?"
                    else:
                        self._str += f". Did you forget to import '{wrong_name}'?"
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False

        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        if is_recursive_call:
            return
        # The graph of causes, contexts and group members is built by the outermost
        # call, one node at a time from a LIFO work list, so which exceptions count
        # as already seen matches CPython (and deep chains do not recurse).
        kw = dict(limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals,
                  max_group_width=max_group_width, max_group_depth=max_group_depth,
                  _seen=_seen)

        def make(e):
            return TracebackException(type(e), e, e.__traceback__, **kw)

        work = [(self, exc_value)]
        while work:
            te, e = work.pop()
            if e is None:
                continue
            cause = None
            if e.__cause__ is not None and id(e.__cause__) not in _seen:
                cause = make(e.__cause__)
            if compact:
                need_context = cause is None and not e.__suppress_context__
            else:
                need_context = True
            context = None
            if e.__context__ is not None and need_context and id(e.__context__) not in _seen:
                context = make(e.__context__)
            members = None
            if isinstance(e, BaseExceptionGroup):
                members = [make(x) for x in e.exceptions]
            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = members
            if cause is not None:
                work.append((cause, e.__cause__))
            if context is not None:
                work.append((context, e.__context__))
            if members:
                work.extend(zip(members, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type(self):
        import warnings
        warnings.warn('Deprecated in 3.13. Use exc_type_str instead.',
                      DeprecationWarning, stacklevel=2)
        return self._exc_type

    @property
    def exc_type_str(self):
        if not self._have_exc_type:
            return None
        stype = self.exc_type_qualname
        smod = self.exc_type_module
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype
        return stype

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self, *, show_group=False, _depth=0):
        indent = 3 * _depth * ' '
        if not self._have_exc_type:
            yield indent + _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type_str
        if not self._is_syntax_error:
            if _depth > 0:
                formatted = _format_final_exc_line(stype, self._str)[:-1].split('\n')
                yield from [indent + l + '\n' for l in formatted]
            else:
                yield _format_final_exc_line(stype, self._str)
        else:
            yield from [indent + l for l in self._format_syntax_error(stype)]
        notes = self.__notes__
        if isinstance(notes, (list, tuple)) or (
                notes is not None and not isinstance(notes, (str, bytes)) and
                hasattr(notes, '__getitem__') and hasattr(notes, '__len__')):
            for note in notes:
                note = _safe_string(note, 'note')
                yield from [indent + l + '\n' for l in note.split('\n')]
        elif notes is not None:
            yield indent + "{}\n".format(_safe_string(notes, '__notes__', func=repr))
        if self.exceptions and show_group:
            for ex in self.exceptions:
                yield from ex.format_exception_only(show_group=show_group, _depth=_depth + 1)

    def _format_syntax_error(self, stype):
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)
        text = self.text
        if isinstance(text, str):
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if self.text and offset > len(self.text):
                    offset = len(rtext) + 1
                if self.text and end_offset > len(self.text):
                    end_offset = len(rtext) + 1
                if offset >= end_offset or end_offset < 0:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                    yield '    {}{}\n'.format(caretspace, '^' * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None, **kwargs):
        if _ctx is None:
            _ctx = _ExceptionPrintContext()
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg, chained_exc = _cause_message, exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg, chained_exc = _context_message, exc.__context__
                else:
                    chained_msg = chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                is_toplevel = (_ctx.exception_group_depth == 0)
                if is_toplevel:
                    _ctx.exception_group_depth += 1
                if exc.stack:
                    yield from _ctx.emit(
                        'Exception Group Traceback (most recent call last):\n',
                        margin_char='+' if is_toplevel else None)
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
                num_excs = len(exc.exceptions)
                if num_excs <= self.max_group_width:
                    n = num_excs
                else:
                    n = self.max_group_width + 1
                _ctx.need_close = False
                for i in range(n):
                    last_exc = (i == n - 1)
                    if last_exc:
                        _ctx.need_close = True
                    truncated = i >= self.max_group_width
                    title = f'{i + 1}' if not truncated else '...'
                    yield (_ctx.indent() + ('+-' if i == 0 else '  ') +
                           f'+---------------- {title} ----------------\n')
                    _ctx.exception_group_depth += 1
                    if not truncated:
                        yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
                    else:
                        remaining = num_excs - self.max_group_width
                        plural = 's' if remaining > 1 else ''
                        yield from _ctx.emit(f"and {remaining} more exception{plural}\n")
                    if last_exc and _ctx.need_close:
                        yield _ctx.indent() + "+------------------------------------\n"
                        _ctx.need_close = False
                    _ctx.exception_group_depth -= 1
                if is_toplevel:
                    _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True, **kwargs):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain, **kwargs):
            print(line, file=file, end="")
