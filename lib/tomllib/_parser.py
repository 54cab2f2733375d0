"""A TOML 1.0 parser. Errors name the line and column where parsing stopped,
as CPython 3.13's tomllib reports them."""

import re
import string
from datetime import date, datetime, time, timedelta, timezone

__all__ = ("loads", "load", "TOMLDecodeError")


class TOMLDecodeError(ValueError):
    """An error raised if a document is not valid TOML."""


_CTRL = frozenset(chr(i) for i in range(32)) | {chr(127)}
_BAD_IN_STR = _CTRL - {"\t"}
_BAD_IN_ML_STR = _CTRL - {"\t", "\n"}
_BAD_IN_COMMENT = _BAD_IN_STR
_WS = frozenset(" \t")
_WS_NL = _WS | {"\n"}
_BARE = frozenset(string.ascii_letters + string.digits + "-_")
_KEY_START = _BARE | {'"', "'"}
_HEX = frozenset(string.hexdigits)
_ESCAPES = {"\\b": "\b", "\\t": "\t", "\\n": "\n", "\\f": "\f", "\\r": "\r",
            '\\"': '"', "\\\\": "\\"}

_TIME = r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]{1,6})[0-9]*)?"
_NUMBER_RE = re.compile(
    r"0(?:x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*|b[01](?:_?[01])*|o[0-7](?:_?[0-7])*)"
    r"|[+-]?(?:0|[1-9](?:_?[0-9])*)"
    r"(?P<floatpart>(?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?)")
_LOCALTIME_RE = re.compile(_TIME)
_DATETIME_RE = re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt ]" + _TIME + r"(?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?)?")


def load(fp, /, *, parse_float=float):
    """Parse TOML from a binary file object."""
    data = fp.read()
    try:
        text = data.decode()
    except AttributeError:
        raise TypeError("File must be opened in binary mode, e.g. use "
                        "`open('foo.toml', 'rb')`") from None
    return loads(text, parse_float=parse_float)


def loads(s, /, *, parse_float=float):
    """Parse TOML from a string."""
    if parse_float is not float:
        user_float = parse_float

        def parse_float(text):
            value = user_float(text)
            # Lists and dicts would be mistaken for arrays and tables.
            if isinstance(value, (dict, list)):
                raise ValueError("parse_float must not return dicts or lists")
            return value
    return _Parser(s.replace("\r\n", "\n"), parse_float).document()


def _error(src, pos, msg):
    if pos >= len(src):
        where = "end of document"
    else:
        line = src.count("\n", 0, pos) + 1
        col = pos + 1 if line == 1 else pos - src.rindex("\n", 0, pos)
        where = f"line {line}, column {col}"
    return TOMLDecodeError(f"{msg} (at {where})")


class _Tables:
    """What was declared where: tables opened by a header ("explicit"), and
    values that may not be extended any more ("frozen": inline tables and
    arrays, with everything below them)."""

    def __init__(self):
        self.explicit = set()
        self.frozen = set()
        self.pending = set()

    def is_explicit(self, key):
        return bool(key) and key in self.explicit

    def is_frozen(self, key):
        return any(key[:i] in self.frozen for i in range(1, len(key) + 1))

    def commit_pending(self):
        self.explicit |= self.pending
        self.pending.clear()

    def forget(self, key):
        n = len(key)
        self.explicit = {k for k in self.explicit if k[:n] != key}
        self.frozen = {k for k in self.frozen if k[:n] != key}


def _nest(root, key, through_lists=True):
    # Walk (creating) the tables along key; the last element of an array of
    # tables stands for the array.
    cur = root
    for part in key:
        if part not in cur:
            cur[part] = {}
        cur = cur[part]
        if through_lists and isinstance(cur, list):
            cur = cur[-1]
        if not isinstance(cur, dict):
            raise KeyError(part)
    return cur


class _Parser:
    def __init__(self, src, parse_float):
        self.src = src
        self.parse_float = parse_float

    def err(self, pos, msg):
        return _error(self.src, pos, msg)

    def char(self, pos):
        return self.src[pos] if pos < len(self.src) else None

    def skip(self, pos, chars):
        src = self.src
        n = len(src)
        while pos < n and src[pos] in chars:
            pos += 1
        return pos

    def skip_until(self, pos, expect, bad, eof_is_error):
        src = self.src
        end = src.find(expect, pos)
        if end < 0:
            end = len(src)
            if eof_is_error:
                raise self.err(end, f"Expected {expect!r}")
        for i in range(pos, end):
            if src[i] in bad:
                raise self.err(i, f"Found invalid character {src[i]!r}")
        return end

    def skip_comment(self, pos):
        if self.char(pos) == "#":
            return self.skip_until(pos + 1, "\n", _BAD_IN_COMMENT, False)
        return pos

    def skip_array_ws(self, pos):
        while True:
            before = pos
            pos = self.skip_comment(self.skip(pos, _WS_NL))
            if pos == before:
                return pos

    # ---- statements -------------------------------------------------------------------

    def document(self):
        src = self.src
        root = {}
        tables = _Tables()
        header = ()
        pos = 0
        while True:
            pos = self.skip(pos, _WS)
            c = self.char(pos)
            if c is None:
                break
            if c == "\n":
                pos += 1
                continue
            if c in _KEY_START:
                pos = self.key_value_stmt(pos, root, tables, header)
                pos = self.skip(pos, _WS)
            elif c == "[":
                tables.commit_pending()
                if self.char(pos + 1) == "[":
                    pos, header = self.array_table_header(pos, root, tables)
                else:
                    pos, header = self.table_header(pos, root, tables)
                pos = self.skip(pos, _WS)
            elif c != "#":
                raise self.err(pos, "Invalid statement")
            pos = self.skip_comment(pos)
            c = self.char(pos)
            if c is None:
                break
            if c != "\n":
                raise self.err(pos, "Expected newline or end of document after a statement")
            pos += 1
        return root

    def table_header(self, pos, root, tables):
        pos, key = self.key(self.skip(pos + 1, _WS))
        if tables.is_explicit(key) or tables.is_frozen(key):
            raise self.err(pos, f"Cannot declare {key} twice")
        tables.explicit.add(key)
        try:
            _nest(root, key)
        except KeyError:
            raise self.err(pos, "Cannot overwrite a value") from None
        if not self.src.startswith("]", pos):
            raise self.err(pos, "Expected ']' at the end of a table declaration")
        return pos + 1, key

    def array_table_header(self, pos, root, tables):
        pos, key = self.key(self.skip(pos + 2, _WS))
        if tables.is_frozen(key):
            raise self.err(pos, f"Cannot mutate immutable namespace {key}")
        # A new element: the tables declared under the previous one are gone.
        tables.forget(key)
        tables.explicit.add(key)
        try:
            parent = _nest(root, key[:-1])
            last = key[-1]
            if last in parent:
                arr = parent[last]
                if not isinstance(arr, list):
                    raise KeyError(last)
                arr.append({})
            else:
                parent[last] = [{}]
        except KeyError:
            raise self.err(pos, "Cannot overwrite a value") from None
        if not self.src.startswith("]]", pos):
            raise self.err(pos, "Expected ']]' at the end of an array declaration")
        return pos + 2, key

    def key_value_stmt(self, pos, root, tables, header):
        pos, key, value = self.key_value(pos)
        parent = header + key[:-1]
        for i in range(1, len(key)):
            prefix = header + key[:i]
            if tables.is_explicit(prefix):
                raise self.err(pos, f"Cannot redefine namespace {prefix}")
            # Dotted keys define tables too, but only once the section ends.
            tables.pending.add(prefix)
        if tables.is_frozen(parent):
            raise self.err(pos, f"Cannot mutate immutable namespace {parent}")
        try:
            nest = _nest(root, parent)
        except KeyError:
            raise self.err(pos, "Cannot overwrite a value") from None
        if key[-1] in nest:
            raise self.err(pos, "Cannot overwrite a value")
        if isinstance(value, (dict, list)):
            tables.frozen.add(header + key)
        nest[key[-1]] = value
        return pos

    def key_value(self, pos):
        pos, key = self.key(pos)
        if self.char(pos) != "=":
            raise self.err(pos, "Expected '=' after a key in a key/value pair")
        pos, value = self.value(self.skip(pos + 1, _WS))
        return pos, key, value

    def key(self, pos):
        pos, part = self.key_part(pos)
        parts = [part]
        pos = self.skip(pos, _WS)
        while self.char(pos) == ".":
            pos, part = self.key_part(self.skip(pos + 1, _WS))
            parts.append(part)
            pos = self.skip(pos, _WS)
        return pos, tuple(parts)

    def key_part(self, pos):
        c = self.char(pos)
        if c is not None and c in _BARE:
            end = self.skip(pos, _BARE)
            return end, self.src[pos:end]
        if c == "'":
            return self.literal_str(pos)
        if c == '"':
            return self.basic_str(pos + 1, False)
        raise self.err(pos, "Invalid initial character for a key part")

    # ---- values -----------------------------------------------------------------------

    def value(self, pos):
        src = self.src
        c = self.char(pos)
        if c == '"':
            if src.startswith('"""', pos):
                return self.multiline_str(pos, False)
            return self.basic_str(pos + 1, False)
        if c == "'":
            if src.startswith("'''", pos):
                return self.multiline_str(pos, True)
            return self.literal_str(pos)
        if c == "t" and src.startswith("true", pos):
            return pos + 4, True
        if c == "f" and src.startswith("false", pos):
            return pos + 5, False
        if c == "[":
            return self.array(pos)
        if c == "{":
            return self.inline_table(pos)
        m = _DATETIME_RE.match(src, pos)
        if m:
            try:
                value = _to_datetime(m)
            except ValueError as e:
                raise self.err(pos, "Invalid date or datetime") from e
            return m.end(), value
        m = _LOCALTIME_RE.match(src, pos)
        if m:
            h, mi, s, frac = m.groups()
            return m.end(), time(int(h), int(mi), int(s), _micros(frac))
        m = _NUMBER_RE.match(src, pos)
        if m:
            if m.group("floatpart"):
                return m.end(), self.parse_float(m.group())
            return m.end(), int(m.group(), 0)
        for word in (src[pos:pos + 3], src[pos:pos + 4]):
            if word in {"inf", "nan", "-inf", "+inf", "-nan", "+nan"}:
                return pos + len(word), self.parse_float(word)
        raise self.err(pos, "Invalid value")

    def array(self, pos):
        items = []
        pos = self.skip_array_ws(pos + 1)
        if self.src.startswith("]", pos):
            return pos + 1, items
        while True:
            pos, item = self.value(pos)
            items.append(item)
            pos = self.skip_array_ws(pos)
            c = self.src[pos:pos + 1]
            if c == "]":
                return pos + 1, items
            if c != ",":
                raise self.err(pos, "Unclosed array")
            pos = self.skip_array_ws(pos + 1)
            if self.src.startswith("]", pos):
                return pos + 1, items

    def inline_table(self, pos):
        table = {}
        frozen = set()
        pos = self.skip(pos + 1, _WS)
        if self.src.startswith("}", pos):
            return pos + 1, table
        while True:
            pos, key, value = self.key_value(pos)
            if any(key[:i] in frozen for i in range(1, len(key) + 1)):
                raise self.err(pos, f"Cannot mutate immutable namespace {key}")
            try:
                nest = _nest(table, key[:-1], through_lists=False)
            except KeyError:
                raise self.err(pos, "Cannot overwrite a value") from None
            if key[-1] in nest:
                raise self.err(pos, f"Duplicate inline table key {key[-1]!r}")
            nest[key[-1]] = value
            pos = self.skip(pos, _WS)
            c = self.src[pos:pos + 1]
            if c == "}":
                return pos + 1, table
            if c != ",":
                raise self.err(pos, "Unclosed inline table")
            if isinstance(value, (dict, list)):
                frozen.add(key)
            pos = self.skip(pos + 1, _WS)

    # ---- strings ----------------------------------------------------------------------

    def literal_str(self, pos):
        start = pos + 1
        end = self.skip_until(start, "'", _BAD_IN_STR, True)
        return end + 1, self.src[start:end]

    def multiline_str(self, pos, literal):
        src = self.src
        pos += 3
        if src.startswith("\n", pos):
            pos += 1       # a newline right after the opening quotes is dropped
        if literal:
            quote = "'"
            end = self.skip_until(pos, "'''", _BAD_IN_ML_STR, True)
            text = src[pos:end]
            pos = end + 3
        else:
            quote = '"'
            pos, text = self.basic_str(pos, True)
        # Up to two quotes may directly precede the closing delimiter.
        for _ in range(2):
            if not src.startswith(quote, pos):
                break
            pos += 1
            text += quote
        return pos, text

    def basic_str(self, pos, multiline):
        src = self.src
        bad = _BAD_IN_ML_STR if multiline else _BAD_IN_STR
        parts = []
        start = pos
        n = len(src)
        while True:
            if pos >= n:
                raise self.err(pos, "Unterminated string")
            c = src[pos]
            if c == '"':
                if not multiline:
                    parts.append(src[start:pos])
                    return pos + 1, "".join(parts)
                if src.startswith('"""', pos):
                    parts.append(src[start:pos])
                    return pos + 3, "".join(parts)
                pos += 1
                continue
            if c == "\\":
                parts.append(src[start:pos])
                pos, text = self.escape(pos, multiline)
                parts.append(text)
                start = pos
                continue
            if c in bad:
                raise self.err(pos, f"Illegal character {c!r}")
            pos += 1

    def escape(self, pos, multiline):
        src = self.src
        esc = src[pos:pos + 2]
        pos += 2
        if multiline and esc in ("\\ ", "\\\t", "\\\n"):
            # Line-ending backslash: drop it and all whitespace that follows.
            if esc != "\\\n":
                pos = self.skip(pos, _WS)
                c = self.char(pos)
                if c is None:
                    return pos, ""
                if c != "\n":
                    raise self.err(pos, "Unescaped '\\' in a string")
                pos += 1
            return self.skip(pos, _WS_NL), ""
        if esc == "\\u":
            return self.hex_char(pos, 4)
        if esc == "\\U":
            return self.hex_char(pos, 8)
        try:
            return pos, _ESCAPES[esc]
        except KeyError:
            raise self.err(pos, "Unescaped '\\' in a string") from None

    def hex_char(self, pos, width):
        digits = self.src[pos:pos + width]
        if len(digits) != width or not _HEX.issuperset(digits):
            raise self.err(pos, "Invalid hex value")
        pos += width
        code = int(digits, 16)
        if not (0 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF):
            raise self.err(pos, "Escaped character is not a Unicode scalar value")
        return pos, chr(code)


def _micros(frac):
    return int(frac.ljust(6, "0")) if frac else 0


_tz_cache = {}


def _to_datetime(m):
    (year, month, day, hour, minute, sec, frac, zulu, sign, off_h, off_m) = m.groups()
    if hour is None:
        return date(int(year), int(month), int(day))
    if sign:
        key = (sign, off_h, off_m)
        tz = _tz_cache.get(key)
        if tz is None:
            k = 1 if sign == "+" else -1
            tz = _tz_cache[key] = timezone(timedelta(hours=k * int(off_h),
                                                     minutes=k * int(off_m)))
    elif zulu:
        tz = timezone.utc
    else:
        tz = None
    return datetime(int(year), int(month), int(day), int(hour), int(minute),
                    int(sec), _micros(frac), tzinfo=tz)
