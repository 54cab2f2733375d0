"""JSON decoder: a recursive-descent parser over str with CPython-compatible errors."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """ValueError subclass with msg, doc, pos, lineno and colno attributes."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}
_WS = ' \t\n\r'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
            't': '\t'}


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _decode_uXXXX(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and esc[1] not in 'xX':
        try:
            return int(esc, 16)
        except ValueError:
            pass
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def scanstring(s, end, strict=True):
    """Scan the string body starting after the opening quote at s[end-1]; returns
    (str, index after the closing quote)."""
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        # Fast path: copy the run of ordinary characters in one slice.
        j = end
        while j < n:
            c = s[j]
            if c == '"' or c == '\\' or (c < ' ' and c != '\x7f'):
                break
            j += 1
        if j >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if j > end:
            chunks.append(s[end:j])
        c = s[j]
        end = j + 1
        if c == '"':
            break
        if c != '\\':
            if strict:
                raise JSONDecodeError("Invalid control character {0!r} at".format(c), s, j)
            chunks.append(c)
            continue
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != 'u':
            try:
                chunks.append(_ESCAPES[esc])
            except KeyError:
                raise JSONDecodeError("Invalid \\escape: {0!r}".format(esc), s, end) from None
            end += 1
            continue
        uni = _decode_uXXXX(s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            uni2 = _decode_uXXXX(s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni))
    return ''.join(chunks), end


def _scan_number(s, idx):
    n = len(s)
    i = idx
    if i < n and s[i] == '-':
        i += 1
    if i < n and s[i] == '0':
        i += 1
    elif i < n and '1' <= s[i] <= '9':
        i += 1
        while i < n and '0' <= s[i] <= '9':
            i += 1
    else:
        return None
    intpart_end = i
    frac = exp = ''
    if i < n - 1 and s[i] == '.' and '0' <= s[i + 1] <= '9':
        j = i + 2
        while j < n and '0' <= s[j] <= '9':
            j += 1
        frac = s[i:j]
        i = j
    if i < n and s[i] in 'eE':
        j = i + 1
        if j < n and s[j] in '+-':
            j += 1
        if j < n and '0' <= s[j] <= '9':
            j += 1
            while j < n and '0' <= s[j] <= '9':
                j += 1
            exp = s[i:j]
            i = j
    return s[idx:intpart_end], frac, exp, i


class _Scanner:
    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def __call__(self, s, idx):
        try:
            return self.scan(s, idx)
        finally:
            self.memo.clear()

    def scan(self, s, idx):
        try:
            nextchar = s[idx]
        except IndexError:
            raise StopIteration(idx) from None
        if nextchar == '"':
            return scanstring(s, idx + 1, self.strict)
        if nextchar == '{':
            return self.parse_object(s, idx + 1)
        if nextchar == '[':
            return self.parse_array(s, idx + 1)
        if nextchar == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if nextchar == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if nextchar == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        m = _scan_number(s, idx)
        if m is not None:
            integer, frac, exp, end = m
            if frac or exp:
                res = self.parse_float(integer + frac + exp)
            else:
                res = self.parse_int(integer)
            return res, end
        if nextchar == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if nextchar == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if nextchar == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        raise StopIteration(idx)

    def parse_object(self, s, end):
        pairs = []
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar in _WS:
                end = _skip_ws(s, end)
                nextchar = s[end:end + 1]
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            elif nextchar != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end)
        end += 1
        memo_get = self.memo.setdefault
        while True:
            key, end = scanstring(s, end, self.strict)
            key = memo_get(key, key)
            if s[end:end + 1] != ':':
                end = _skip_ws(s, end)
                if s[end:end + 1] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end += 1
            end = _skip_ws(s, end)
            try:
                value, end = self.scan(s, end)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            pairs.append((key, value))
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            comma_idx = end - 1
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                if nextchar == '}':
                    raise JSONDecodeError("Illegal trailing comma before end of object", s,
                                          comma_idx)
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def parse_array(self, s, end):
        values = []
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        if nextchar == ']':
            return values, end + 1
        append = values.append
        while True:
            try:
                value, end = self.scan(s, end)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            append(value)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            comma_idx = end - 1
            end = _skip_ws(s, end)
            if s[end:end + 1] == ']':
                raise JSONDecodeError("Illegal trailing comma before end of array", s,
                                      comma_idx)
        return values, end


class JSONDecoder(object):
    """Simple JSON decoder, configurable with hooks for objects and numbers."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self)

    def decode(self, s):
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
