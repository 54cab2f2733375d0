"""Split Python source code into tokens.

tokenize(readline) reads bytes lines from readline, works out the source
encoding (PEP 263 cookie or UTF-8 BOM) and yields TokenInfo tuples, the first
of which is an ENCODING token.  generate_tokens(readline) does the same for a
readline that returns str lines, without the ENCODING token.

Each TokenInfo holds the token type (see the token module), the token text,
the (row, column) where it starts and ends, and the physical line(s) it was
found on.  Besides the tokens the compiler sees, the stream carries COMMENT
tokens, NL tokens for line breaks that do not end a statement, and every
operator is reported with type OP (TokenInfo.exact_type gives the precise
one).  The token stream matches the one CPython 3.13 produces.
"""

from builtins import open as _builtin_open
from codecs import lookup, BOM_UTF8
import collections
import functools
from io import TextIOWrapper
import itertools as _itertools
import re
import sys
from token import *
from token import EXACT_TOKEN_TYPES

cookie_re = re.compile(r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', re.ASCII)
blank_re = re.compile(br'^[ \t\f]*(?:[#\r\n]|$)', re.ASCII)

import token
__all__ = token.__all__ + ["tokenize", "generate_tokens", "detect_encoding",
                           "untokenize", "TokenInfo", "open", "TokenError"]
del token


class TokenInfo(collections.namedtuple('TokenInfo', 'type string start end line')):
    def __repr__(self):
        kind = '%d (%s)' % (self.type, tok_name[self.type])
        return ('TokenInfo(type=%s, string=%r, start=%r, end=%r, line=%r)'
                % (kind, self.string, self.start, self.end, self.line))

    @property
    def exact_type(self):
        if self.type == OP:
            return EXACT_TOKEN_TYPES.get(self.string, OP)
        return self.type


# Regular-expression building blocks.  The scanner below does not use them
# (it follows the C tokenizer's rules instead); they are kept because scripts
# import them to recognise pieces of Python source.
def group(*choices): return '(' + '|'.join(choices) + ')'
def any(*choices): return group(*choices) + '*'
def maybe(*choices): return group(*choices) + '?'


Whitespace = r'[ \f\t]*'
Comment = r'#[^\r\n]*'
Ignore = Whitespace + any(r'\\\r?\n' + Whitespace) + maybe(Comment)
Name = r'\w+'

Hexnumber = r'0[xX](?:_?[0-9a-fA-F])+'
Binnumber = r'0[bB](?:_?[01])+'
Octnumber = r'0[oO](?:_?[0-7])+'
Decnumber = r'(?:0(?:_?0)*|[1-9](?:_?[0-9])*)'
Intnumber = group(Hexnumber, Binnumber, Octnumber, Decnumber)
Exponent = r'[eE][-+]?[0-9](?:_?[0-9])*'
Pointfloat = group(r'[0-9](?:_?[0-9])*\.(?:[0-9](?:_?[0-9])*)?',
                   r'\.[0-9](?:_?[0-9])*') + maybe(Exponent)
Expfloat = r'[0-9](?:_?[0-9])*' + Exponent
Floatnumber = group(Pointfloat, Expfloat)
Imagnumber = group(r'[0-9](?:_?[0-9])*[jJ]', Floatnumber + r'[jJ]')
Number = group(Imagnumber, Floatnumber, Intnumber)


def _all_string_prefixes():
    # Every spelling of every legal prefix: each ordering of the letters of
    # b, r, u, f, br, fr, with each letter in either case.
    result = {''}
    for base in ('b', 'r', 'u', 'f', 'br', 'fr'):
        orders = {base, base[::-1]}
        for order in orders:
            spellings = ['']
            for ch in order:
                spellings = [s + c for s in spellings for c in (ch, ch.upper())]
            result.update(spellings)
    return result


@functools.lru_cache
def _compile(expr):
    return re.compile(expr, re.UNICODE)


StringPrefix = group(*sorted(_all_string_prefixes()))

Single = r"[^'\\]*(?:\\.[^'\\]*)*'"
Double = r'[^"\\]*(?:\\.[^"\\]*)*"'
Single3 = r"[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
Double3 = r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
Triple = group(StringPrefix + "'''", StringPrefix + '"""')
String = group(StringPrefix + r"'[^\n'\\]*(?:\\.[^\n'\\]*)*'",
               StringPrefix + r'"[^\n"\\]*(?:\\.[^\n"\\]*)*"')

# Longest operators first so that the alternation prefers them.
Special = group(*map(re.escape, sorted(EXACT_TOKEN_TYPES, reverse=True)))
Funny = group(r'\r?\n', Special)

PlainToken = group(Number, Funny, String, Name)
Token = Ignore + PlainToken

ContStr = group(StringPrefix + r"'[^\n'\\]*(?:\\.[^\n'\\]*)*" +
                group("'", r'\\\r?\n'),
                StringPrefix + r'"[^\n"\\]*(?:\\.[^\n"\\]*)*' +
                group('"', r'\\\r?\n'))
PseudoExtras = group(r'\\\r?\n|\Z', Comment, Triple)
PseudoToken = Whitespace + group(PseudoExtras, Number, Funny, ContStr, Name)

endpats = {}
for _prefix in _all_string_prefixes():
    endpats[_prefix + "'"] = Single
    endpats[_prefix + '"'] = Double
    endpats[_prefix + "'''"] = Single3
    endpats[_prefix + '"""'] = Double3
del _prefix

single_quoted = set()
triple_quoted = set()
for _t in _all_string_prefixes():
    for _u in (_t + '"', _t + "'"):
        single_quoted.add(_u)
    for _u in (_t + '"""', _t + "'''"):
        triple_quoted.add(_u)
del _t, _u

tabsize = 8


class TokenError(Exception): pass


# ---------------------------------------------------------------------------
# Untokenizing

class Untokenizer:
    """Rebuilds source text from tokens; see untokenize()."""

    def __init__(self):
        self.tokens = []        # output pieces, joined at the end
        self.prev_row = 1       # where the previous token ended
        self.prev_col = 0
        self.prev_type = None
        self.encoding = None

    def add_whitespace(self, start):
        row, col = start
        if (row, col) < (self.prev_row, self.prev_col):
            raise ValueError("start ({},{}) precedes previous end ({},{})"
                             .format(row, col, self.prev_row, self.prev_col))
        if row > self.prev_row:
            # The kind of line break between the tokens is lost; a
            # backslash continuation is valid anywhere.
            self.tokens.append("\\\n" * (row - self.prev_row))
            self.prev_col = 0
        if col > self.prev_col:
            self.tokens.append(" " * (col - self.prev_col))

    def escape_brackets(self, token):
        # FSTRING_MIDDLE text holds '{' for a source '{{'; double the braces
        # again, except those of a \N{...} named escape.
        out = []
        in_named_escape = False
        for ch in token:
            if ch == '{':
                if out and out[-1] == 'N':
                    slashes = 0
                    k = len(out) - 2
                    while k >= 0 and out[k] == '\\':
                        slashes += 1
                        k -= 1
                    if slashes % 2:
                        in_named_escape = True
                        out.append(ch)
                        continue
                out.append('{{')
            elif ch == '}':
                if in_named_escape:
                    in_named_escape = False
                    out.append(ch)
                else:
                    out.append('}}')
            else:
                out.append(ch)
        return ''.join(out)

    def _needs_string_gap(self, kind):
        # Adjacent string literals must stay apart or they would merge.
        return kind in (STRING, FSTRING_START) and \
            self.prev_type in (STRING, FSTRING_END)

    def untokenize(self, iterable):
        """Exact mode: each token goes back to its recorded position."""
        tokens = iter(iterable)
        indents = []
        at_line_start = False
        for tok in tokens:
            if len(tok) == 2:
                # Only (type, string) pairs: positions are unknown from here.
                self.compat(tok, tokens)
                break
            kind, text, start, end, _ = tok
            if kind == ENCODING:
                self.encoding = text
            elif kind == ENDMARKER:
                break
            elif kind == INDENT:
                indents.append(text)
            elif kind == DEDENT:
                indents.pop()
                self.prev_row, self.prev_col = end
            else:
                if kind in (NEWLINE, NL):
                    at_line_start = True
                elif at_line_start and indents:
                    # Reuse the block's own indentation text (tabs stay tabs).
                    at_line_start = False
                    indent = indents[-1]
                    if start[1] >= len(indent):
                        self.tokens.append(indent)
                        self.prev_col = len(indent)
                elif kind == FSTRING_MIDDLE:
                    if '{' in text or '}' in text:
                        text = self.escape_brackets(text)
                        tail = text.splitlines()[-1]
                        end = (end[0], end[1] + tail.count('{{')
                               + tail.count('}}'))
                elif self._needs_string_gap(kind):
                    self.tokens.append(" ")
                self.add_whitespace(start)
                self.tokens.append(text)
                if kind in (NEWLINE, NL):
                    self.prev_row, self.prev_col = end[0] + 1, 0
                else:
                    self.prev_row, self.prev_col = end
                self.prev_type = kind
        return "".join(self.tokens)

    def compat(self, token, iterable):
        """Approximate mode for (type, string) pairs: spacing is invented so
        that the output tokenizes back to the same pairs."""
        out = self.tokens
        indents = []
        at_line_start = token[0] in (NEWLINE, NL)
        after_string = False
        fstring_depth = 0
        for tok in _itertools.chain([token], iterable):
            kind, text = tok[:2]
            if kind == ENCODING:
                self.encoding = text
                continue
            if kind in (NAME, NUMBER):
                text += ' '
            if kind == STRING:
                if after_string:
                    text = ' ' + text
            after_string = kind == STRING
            if kind == FSTRING_START:
                fstring_depth += 1
            elif kind == FSTRING_END:
                fstring_depth -= 1
            if kind == INDENT:
                indents.append(text)
                continue
            if kind == DEDENT:
                indents.pop()
                continue
            if kind in (NEWLINE, NL):
                at_line_start = True
            elif at_line_start and indents:
                out.append(indents[-1])
                at_line_start = False
            elif kind == FSTRING_MIDDLE:
                text = self.escape_brackets(text)
            # Two adjacent braces inside an f-string would read back as an
            # escaped brace.
            if text in ('{', '}') and fstring_depth and out and out[-1] == text:
                text = ' ' + text
            if self._needs_string_gap(kind):
                out.append(" ")
            out.append(text)
            self.prev_type = kind


def untokenize(iterable):
    """Rebuild source text from a sequence of tokens.

    With full 5-tuples (as tokenize() yields) the result reproduces the
    original source; with (type, string) pairs only, the result tokenizes
    back to the same pairs but its spacing differs.  The result is bytes,
    encoded with the ENCODING token's encoding, when the sequence has one,
    and str otherwise.
    """
    ut = Untokenizer()
    out = ut.untokenize(iterable)
    if ut.encoding is not None:
        out = out.encode(ut.encoding)
    return out


# ---------------------------------------------------------------------------
# Source encoding (PEP 263)

def _get_normal_name(orig_enc):
    """Canonical name for the utf-8 and latin-1 families, as the C tokenizer."""
    enc = orig_enc[:12].lower().replace("_", "-")
    if enc == "utf-8" or enc.startswith("utf-8-"):
        return "utf-8"
    latin1 = ("latin-1", "iso-8859-1", "iso-latin-1")
    if enc in latin1 or enc.startswith(tuple(name + "-" for name in latin1)):
        return "iso-8859-1"
    return orig_enc


def _for_file(msg, filename):
    return msg if filename is None else '{} for {!r}'.format(msg, filename)


def _cookie_encoding(line, filename, bom_found):
    """The encoding a coding cookie on this bytes line names, or None."""
    try:
        # A cookie line is ASCII; any other line must be UTF-8 until a
        # cookie says otherwise.
        text = line.decode('utf-8')
    except UnicodeDecodeError:
        raise SyntaxError(_for_file("invalid or missing encoding declaration",
                                    filename))
    match = cookie_re.match(text)
    if match is None:
        return None
    encoding = _get_normal_name(match.group(1))
    try:
        lookup(encoding)
    except LookupError:
        if filename is None:
            raise SyntaxError("unknown encoding: " + encoding)
        raise SyntaxError("unknown encoding for {!r}: {}".format(filename,
                                                                 encoding))
    if bom_found:
        if encoding != 'utf-8':
            raise SyntaxError(_for_file('encoding problem', filename)
                              + ': utf-8')
        encoding = 'utf-8-sig'
    return encoding


def detect_encoding(readline):
    """Find the encoding of Python source read from readline (bytes lines).

    Looks for a UTF-8 BOM and a PEP 263 coding cookie in the first two
    lines, calling readline at most twice.  Returns (encoding, lines) where
    lines are the bytes lines already read.  A BOM gives 'utf-8-sig'; with
    neither BOM nor cookie the encoding is 'utf-8'.  A BOM with a cookie
    naming another encoding, an unknown encoding, or a first line that is
    not valid UTF-8 raises SyntaxError.
    """
    filename = getattr(getattr(readline, '__self__', None), 'name', None)

    def next_line():
        try:
            return readline()
        except StopIteration:
            return b''

    lines = []
    first = next_line()
    bom_found = first.startswith(BOM_UTF8)
    if bom_found:
        first = first[3:]
    default = 'utf-8-sig' if bom_found else 'utf-8'
    if not first:
        return default, lines
    lines.append(first)
    encoding = _cookie_encoding(first, filename, bom_found)
    if encoding:
        return encoding, lines
    # The cookie may sit on the second line only after a blank or comment
    # line (the first usually being a #! line).
    if not blank_re.match(first):
        return default, lines
    second = next_line()
    if not second:
        return default, lines
    lines.append(second)
    encoding = _cookie_encoding(second, filename, bom_found)
    return (encoding or default), lines


def open(filename):
    """Open a Python source file for reading as text, in the encoding that
    detect_encoding() finds for it.
    """
    raw = _builtin_open(filename, 'rb')
    try:
        encoding, _ = detect_encoding(raw.readline)
        raw.seek(0)
        text = TextIOWrapper(raw, encoding, line_buffering=True)
        text.mode = 'r'
    except:
        raw.close()
        raise
    return text


def tokenize(readline):
    """Tokenize Python source read as bytes lines from readline.

    readline is called repeatedly, like a binary file's readline method, and
    returns b'' (or raises StopIteration) at the end.  The first token is
    ENCODING, naming the encoding the lines were decoded with.
    """
    encoding, consumed = detect_encoding(readline)
    lines = _itertools.chain(consumed, iter(readline, b""))
    if encoding is not None:
        if encoding == "utf-8-sig":
            # detect_encoding has already removed the BOM.
            encoding = "utf-8"
        yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), '')
    yield from _generate_tokens_from_c_tokenizer(lines.__next__, encoding,
                                                 extra_tokens=True)


def generate_tokens(readline):
    """Tokenize Python source read as str lines from readline.

    Like tokenize(), but readline returns str and no ENCODING token is
    produced.
    """
    return _generate_tokens_from_c_tokenizer(readline, extra_tokens=True)


def _transform_msg(msg):
    # The historical pure-Python tokenize reported this condition with its
    # own wording; keep it for compatibility.
    if "unterminated triple-quoted string literal" in msg:
        return "EOF in multi-line string"
    return msg


def _generate_tokens_from_c_tokenizer(source, encoding=None, extra_tokens=False):
    """Tokenize str lines from the callable source (bytes lines decoded with
    encoding when one is given).

    Only the tokenize module's stream (extra_tokens=True) is produced: the
    parser-facing variant of CPython's C tokenizer is not emulated.
    """
    if encoding is not None:
        source = _Decoder(source, encoding)
    return _Lexer(source).tokens()


# ---------------------------------------------------------------------------
# The scanner.  It mirrors the behaviour of CPython's C tokenizer in its
# "extra tokens" mode, which is what tokenize exposes since 3.12: the same
# token boundaries, positions, `line` attributes and error messages.

class _Decoder:
    __slots__ = ('readline', 'encoding')

    def __init__(self, readline, encoding):
        self.readline = readline
        self.encoding = encoding

    def __call__(self):
        data = self.readline()
        if isinstance(data, bytes):
            return data.decode(self.encoding, 'replace')
        return data


class _LexError(Exception):
    # An error found in the middle of a token: (message, row, offset), with
    # the offset already in the C tokenizer's convention.
    pass


_MAXINDENT = 100
_MAXLEVEL = 200
_MAXFSTRINGLEVEL = 150
_MAX_EXPR_NESTING = 3

_REGULAR = 0
_FSTRING = 1

_STRING_PREFIXES = frozenset(('b', 'r', 'u', 'f', 'br', 'rb', 'fr', 'rf'))
_OPEN = frozenset('([{')
_CLOSE = frozenset(')]}')
_DIGITS = frozenset('0123456789')
_HEXDIGITS = frozenset('0123456789abcdefABCDEF')
_OCTDIGITS = frozenset('01234567')
_BINDIGITS = frozenset('01')

_OPERATORS = (r'\*\*=|//=|>>=|<<=|\.\.\.|!=|%=|&=|\*\*|\*=|\+=|-=|->|//|/=|:=|<<'
              r'|<=|<>|==|>=|>>|@=|\^=|\|=|[-+*/%&|^~<>=.,:;@()\[\]{}!]')
_op_re = re.compile(_OPERATORS)
# One match per token: leading blanks, then a name (any non-ASCII character
# counts as a name character, as in the C tokenizer) or an operator.  Any
# other first character is dispatched by hand.
_token_re = re.compile(
    r'[ \t\f]*(?:([A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_\u0080-\U0010ffff]*)'
    r'|(' + _OPERATORS + r'))?')
_comment_re = re.compile(r'#[^\r\n]*')
_blank_re = re.compile(r'[ \t\f]*')
_simple_number_re = re.compile(r'[1-9][0-9]*|0(?![0-9_xXoObBeEjJ.])')
# Strings that end on their first line.  A backslash before '\r' is left
# to the slow path, which (like CPython) also skips the character after it.
_string_body_re = {
    "'": re.compile(r"[^\n'\\]*(?:\\[^\r\n][^\n'\\]*)*'"),
    '"': re.compile(r'[^\n"\\]*(?:\\[^\r\n][^\n"\\]*)*"'),
    "'''": re.compile(r"[^'\\]*(?:(?:\\[^\r]|'(?!''))[^'\\]*)*'''"),
    '"""': re.compile(r'[^"\\]*(?:(?:\\[^\r]|"(?!""))[^"\\]*)*"""'),
}
_fstring_text_re = {
    "'": re.compile(r"[^\n'\\{}]+"),
    '"': re.compile(r'[^\n"\\{}]+'),
    "'''": re.compile(r"[^'\\{}\n]+"),
    '"""': re.compile(r'[^"\\{}\n]+'),
}


class _FState:
    # The state of one f-string being scanned (the C tokenizer's mode).
    __slots__ = ('kind', 'quote', 'qsize', 'raw', 'depth', 'expr_depth',
                 'in_spec', 'row', 'col')

    def __init__(self, quote, qsize, raw, row, col):
        self.kind = _FSTRING
        self.quote = quote
        self.qsize = qsize
        self.raw = raw
        self.depth = 0          # open brackets of any kind inside
        self.expr_depth = -1    # nesting of replacement fields
        self.in_spec = False
        self.row = row
        self.col = col


class _Lexer:

    def __init__(self, readline):
        self.readline = readline
        self.lnum = 0
        self.line = ''
        self.implicit = False
        self.eof = False
        # Lines read since the tokenizer last stood between tokens; the C
        # tokenizer reports some errors at an offset into this buffer.
        self.buf = []
        self.modes = []

    # -- input --------------------------------------------------------------

    def fetch(self, between_tokens):
        """Read the next line into self.line; return False at the end."""
        if between_tokens and not self.modes:
            self.buf = []
        if self.eof:
            return False
        try:
            text = self.readline()
        except StopIteration:
            text = ''
        if not text:
            self.eof = True
            return False
        if not isinstance(text, str):
            raise TypeError('readline() returned a non-string object')
        self.lnum += 1
        if '\0' in text:
            raise TokenError('source code cannot contain null bytes',
                             (self.lnum, 0))
        if text[-1] != '\n':
            text += '\n'
            self.implicit = True
        else:
            self.implicit = False
        self.line = text
        self.buf.append(text)
        return True

    def display(self, lines):
        # The `line` attribute: the physical lines a token spans, without
        # the newline the tokenizer supplies when the input lacks one.
        text = ''.join(lines) if len(lines) > 1 else lines[0]
        if self.implicit:
            text = text[:-1]
        return text

    def buffer_offset(self, in_bytes=True):
        # CPython counts the EOF error's offset in UTF-8 bytes but the
        # continuation error's in characters.
        if in_bytes:
            return sum(len(s.encode('utf-8', 'surrogatepass'))
                       for s in self.buf)
        return sum(len(s) for s in self.buf)

    def eof_error(self):
        return TokenError('unexpected EOF in multi-line statement',
                          (self.lnum, self.buffer_offset()))

    def indent_error(self, cls, msg):
        line = self.line
        text = line[:-1] if line.endswith('\n') else line
        return cls(msg, ('<string>', self.lnum, len(line), text, None, None))

    def continuation(self, pos, between_tokens):
        """Follow the backslash at pos onto the next line."""
        line = self.line
        k = pos + 1
        if line[k] == '\r':
            k += 1
        if line[k] != '\n':
            raise TokenError(
                'unexpected character after line continuation character',
                (self.lnum, self.buffer_offset(False)))
        if not self.fetch(between_tokens):
            raise self.eof_error()

    # -- the token loop -----------------------------------------------------

    def tokens(self):
        try:
            yield from self._tokens()
        except _LexError as err:
            msg, row, offset = err.args
            raise TokenError(_transform_msg(msg), (row, offset)) from None

    def _tokens(self):
        mk = tuple.__new__
        TI = TokenInfo
        token_match = _token_re.match
        modes = self.modes
        indents = [0]
        altindents = [0]
        level = 0
        atbol = True
        blankline = False
        comment_nl = False
        line = ''
        pos = 0
        lnum = 0
        disp = ''

        while True:
            if pos >= len(line):
                if not self.fetch(not modes or modes[-1].kind == _REGULAR):
                    break
                line = self.line
                lnum = self.lnum
                disp = line[:-1] if self.implicit else line
                pos = 0

            if modes and modes[-1].kind == _FSTRING:
                top = modes[-1]
                start = pos
                ch = line[pos]
                if ch == '{' and line[pos + 1] != '{':
                    top.expr_depth += 1
                    if top.expr_depth >= _MAX_EXPR_NESTING:
                        raise _LexError(
                            'f-string: expressions nested too deeply',
                            lnum, pos)
                    top.kind = _REGULAR
                    # falls through to the regular scanner below
                elif line.startswith(top.quote * top.qsize, pos):
                    end = pos + top.qsize
                    modes.pop()
                    yield mk(TI, (FSTRING_END, line[pos:end], (lnum, pos),
                                  (lnum, end), disp))
                    pos = end
                    continue
                else:
                    tok, srow, lines, ecol, pos = self.fstring_middle(top, pos)
                    line = self.line
                    lnum = self.lnum
                    disp = line[:-1] if self.implicit else line
                    yield mk(TI, (FSTRING_MIDDLE, tok, (srow, start),
                                  (lnum, ecol), self.display(lines)))
                    continue

            # ---- regular mode ----
            if atbol:
                atbol = False
                col = altcol = 0
                cont_col = 0
                p = pos
                while True:
                    ch = line[p]
                    if ch == ' ':
                        col += 1
                        altcol += 1
                    elif ch == '\t':
                        col = (col // 8 + 1) * 8
                        altcol += 1
                    elif ch == '\f':
                        col = altcol = 0
                    elif ch == '\\':
                        cont_col = cont_col or col
                        self.continuation(p, True)
                        line = self.line
                        lnum = self.lnum
                        disp = line[:-1] if self.implicit else line
                        p = 0
                        continue
                    else:
                        break
                    p += 1
                blankline = ch == '#' or ch == '\n' or ch == '\r'
                if not blankline and level == 0:
                    if cont_col:
                        col = altcol = cont_col
                    if col == indents[-1]:
                        if altcol != altindents[-1]:
                            raise self.indent_error(
                                TabError,
                                'inconsistent use of tabs and spaces in indentation')
                    elif col > indents[-1]:
                        if len(indents) >= _MAXINDENT:
                            raise self.indent_error(
                                IndentationError, 'too many levels of indentation')
                        if altcol <= altindents[-1]:
                            raise self.indent_error(
                                TabError,
                                'inconsistent use of tabs and spaces in indentation')
                        indents.append(col)
                        altindents.append(altcol)
                        yield mk(TI, (INDENT, line[:p], (lnum, 0), (lnum, p), disp))
                    else:
                        ndedent = 0
                        while len(indents) > 1 and col < indents[-1]:
                            indents.pop()
                            altindents.pop()
                            ndedent += 1
                        if col != indents[-1]:
                            raise self.indent_error(
                                IndentationError,
                                'unindent does not match any outer indentation level')
                        if altcol != altindents[-1]:
                            raise self.indent_error(
                                TabError,
                                'inconsistent use of tabs and spaces in indentation')
                        for _ in range(ndedent):
                            yield mk(TI, (DEDENT, '', (lnum, p), (lnum, p), disp))
                pos = p

            m = token_match(line, pos)
            name = m.group(1)
            if name is not None:
                start = m.start(1)
                end = m.end()
                q = line[end]
                if (q == '"' or q == "'") and name.lower() in _STRING_PREFIXES:
                    if 'f' in name or 'F' in name:
                        pos = self.fstring_start(start, end, q)
                        yield mk(TI, (FSTRING_START, line[start:pos],
                                      (lnum, start), (lnum, pos), disp))
                        continue
                    tok, srow, lines, pos = self.string(start, end)
                    line = self.line
                    lnum = self.lnum
                    disp = line[:-1] if self.implicit else line
                    yield mk(TI, (STRING, tok, (srow, start), (lnum, pos),
                                  self.display(lines)))
                    continue
                pos = end
                yield mk(TI, (NAME, name, (lnum, start), (lnum, end), disp))
                continue

            op = m.group(2)
            if op is not None:
                start = m.start(2)
                end = m.end()
                if op == '.' and line[end] in _DIGITS:
                    pos = self.number(start, lnum)
                    yield mk(TI, (NUMBER, line[start:pos], (lnum, start),
                                  (lnum, pos), disp))
                    continue
            else:
                start = m.end()
                ch = line[start]
                if ch == '\r' and line[start + 1] != '\n':
                    # A carriage return that does not end the line is joined to
                    # the token after it, as CPython's tokenizer does.
                    kind, op, text, srow, lines, end = self.carriage_return(start)
                    line = self.line
                    lnum = self.lnum
                    disp = line[:-1] if self.implicit else line
                    if kind is None:
                        # Whether the line counts as blank is decided by the
                        # first token after the continuation.
                        pos = 0
                        if blankline and \
                                line[_blank_re.match(line).end()] not in '#\r\n':
                            blankline = False
                        continue
                    # Only a comment keeps a line blank past this token.
                    blankline = False
                    if kind != OP:
                        pos = end
                        yield mk(TI, (kind, text, (srow, start), (lnum, end),
                                      self.display(lines)))
                        continue
                elif ch == '\n' or ch == '\r':
                    end = start + (1 if ch == '\n' else 2)
                    if blankline or level > 0 or comment_nl:
                        kind = NL
                    else:
                        kind = NEWLINE
                    comment_nl = False
                    if self.implicit and end == len(line):
                        # The newline the tokenizer supplied is not source
                        # text (CPython keeps a '\r' before it in NEWLINE).
                        text = line[start:end - 1] if kind == NEWLINE else ''
                    else:
                        text = line[start:end]
                    atbol = True
                    pos = end
                    yield mk(TI, (kind, text, (lnum, start), (lnum, end), disp))
                    continue
                elif ch == '#':
                    comment_nl = blankline
                    end = _comment_re.match(line, start).end()
                    pos = end
                    yield mk(TI, (COMMENT, line[start:end], (lnum, start),
                                  (lnum, end), disp))
                    continue
                elif ch in _DIGITS:
                    pos = self.number(start, lnum)
                    yield mk(TI, (NUMBER, line[start:pos], (lnum, start),
                                  (lnum, pos), disp))
                    continue
                elif ch == '"' or ch == "'":
                    tok, srow, lines, pos = self.string(start, start)
                    line = self.line
                    lnum = self.lnum
                    disp = line[:-1] if self.implicit else line
                    yield mk(TI, (STRING, tok, (srow, start), (lnum, pos),
                                  self.display(lines)))
                    continue
                elif ch == '\\':
                    self.continuation(start, False)
                    line = self.line
                    lnum = self.lnum
                    disp = line[:-1] if self.implicit else line
                    pos = 0
                    continue
                else:
                    if not ch.isprintable():
                        raise _LexError('invalid non-printable character U+%04X'
                                        % ord(ch), lnum, start + 1)
                    end = start + 1
                    pos = end
                    yield mk(TI, (OP, ch, (lnum, start), (lnum, end), disp))
                    continue
            if modes:
                top = modes[-1]
                if op[0] == ':' and top.expr_depth >= 0 and \
                        top.depth - 1 == top.expr_depth:
                    # A colon at the top of a replacement field starts
                    # its format spec (even where ':=' follows).
                    top.kind = _FSTRING
                    top.in_spec = True
                    end = end - len(op) + 1
                    pos = end
                    yield mk(TI, (OP, line[start:end], (lnum, start),
                                  (lnum, end), disp))
                    continue
            if op in _OPEN:
                if level >= _MAXLEVEL:
                    raise _LexError('too many nested parentheses',
                                    lnum, end)
                level += 1
                if modes:
                    modes[-1].depth += 1
            elif op in _CLOSE:
                if modes:
                    top = modes[-1]
                    if op == '}' and not top.depth:
                        raise _LexError(
                            "f-string: single '}' is not allowed",
                            lnum, end)
                if level:
                    level -= 1
                if modes:
                    top.depth -= 1
                    if top.depth < 0:
                        raise _LexError("f-string: unmatched '%s'" % op,
                                        lnum, end)
                    if op == '}' and top.depth == top.expr_depth:
                        top.expr_depth -= 1
                        top.kind = _FSTRING
                        top.in_spec = False
            pos = end
            yield mk(TI, (OP, line[start:end], (lnum, start), (lnum, end),
                          disp))

        # End of input.
        if level:
            raise self.eof_error()
        row = self.lnum + 1
        for _ in range(len(indents) - 1):
            yield mk(TI, (DEDENT, '', (row, 0), (row, 0), ''))
        yield mk(TI, (ENDMARKER, '', (row, 0), (row, 0), ''))

    # -- pieces -------------------------------------------------------------

    def number(self, i, lnum):
        """Return the end of the number starting at i (a digit or '.')."""
        s = self.line
        m = _simple_number_re.match(s, i)
        if m is not None:
            j = m.end()
            c = s[j]
            if c not in '._eEjJ' and c not in _DIGITS:
                return j
        try:
            return _scan_number(s, i)
        except _LexError as err:
            raise _LexError(err.args[0], lnum, err.args[1]) from None

    def carriage_return(self, start):
        """Scan the token glued to a lone carriage return at start.  Returns
        (kind, operator, text, start_row, lines, end); kind is None after a
        line continuation, and the operator is set for OP tokens."""
        line = self.line
        c = line[start + 1]
        if c in _DIGITS or (c == '.' and line[start + 2] in _DIGITS):
            end = self.number(start + 1, self.lnum)
            return NUMBER, None, line[start:end], self.lnum, (line,), end
        if c == '"' or c == "'":
            text, srow, lines, end = self.string(start, start + 1)
            return STRING, None, text, srow, lines, end
        if c == '\\':
            self.continuation(start + 1, False)
            return None, None, None, None, None, 0
        m = _op_re.match(line, start + 1)
        if m is not None:
            return OP, m.group(), None, None, None, m.end()
        if c >= '\x80':
            # CPython's tokenizer splits the character's UTF-8 encoding here.
            raise UnicodeDecodeError('utf-8', b'\r' + c.encode('utf-8')[:1],
                                     1, 2, 'unexpected end of data')
        if not c.isprintable():
            raise _LexError('invalid non-printable character U+%04X' % ord(c),
                            self.lnum, start + 2)
        return OP, c, None, None, None, start + 2

    def fstring_start(self, start, end, quote):
        line = self.line
        qsize = 3 if line.startswith(quote * 3, end) else 1
        if len(self.modes) + 1 >= _MAXFSTRINGLEVEL:
            raise _LexError('too many nested f-strings', self.lnum,
                            end + qsize)
        prefix = line[start:end].lower()
        self.modes.append(_FState(quote, qsize, 'r' in prefix, self.lnum,
                                  start))
        return end + qsize

    def string(self, start, qpos):
        """Scan a (non-f) string whose prefix starts at start and whose quote
        is at qpos.  Returns (text, start_row, lines, end)."""
        line = self.line
        srow = self.lnum
        quote = line[qpos]
        if line.startswith(quote * 3, qpos):
            q = quote * 3
        else:
            q = quote
        body = qpos + len(q)
        m = _string_body_re[q].match(line, body)
        if m is not None:
            end = m.end()
            return line[start:end], srow, (line,), end
        return self.string_slow(start, body, quote, len(q), srow)

    def string_slow(self, start, pos, quote, qsize, srow):
        # Every line ends with a newline (one is supplied when missing), so
        # the character after a backslash or '\r' is always on the same line.
        lines = [self.line]
        line = self.line
        escaped_quote = False
        endq = 0
        while endq != qsize:
            if pos >= len(line):
                if not self.fetch(False):
                    self.unterminated(start, srow, qsize, escaped_quote, quote)
                line = self.line
                lines.append(line)
                pos = 0
            c = line[pos]
            pos += 1
            if c == quote:
                endq += 1
                continue
            endq = 0
            if c == '\\':
                c = line[pos]
                pos += 1
                if c == quote:
                    escaped_quote = True
                elif c == '\r':
                    pos += 1
            elif c == '\n' and qsize == 1:
                self.unterminated(start, srow, qsize, escaped_quote, quote)
        if len(lines) == 1:
            text = line[start:pos]
        else:
            text = lines[0][start:] + ''.join(lines[1:-1]) + line[:pos]
        return text, srow, lines, pos

    def unterminated(self, start, srow, qsize, escaped_quote, quote):
        # Reported at the opening quote, naming the line where the scan gave up.
        detected = self.lnum
        if self.modes:
            top = self.modes[-1]
            if top.quote == quote and top.qsize == qsize:
                raise _LexError("f-string: expecting '}'", srow, start + 1)
        if qsize == 3:
            raise _LexError('unterminated triple-quoted string literal'
                            ' (detected at line %d)' % detected, srow, start + 1)
        if escaped_quote:
            raise _LexError('unterminated string literal (detected at line %d);'
                            ' perhaps you escaped the end quote?' % detected,
                            srow, start + 1)
        raise _LexError('unterminated string literal (detected at line %d)'
                        % detected, srow, start + 1)

    def fstring_middle(self, top, pos):
        """Scan literal text of an f-string from pos.  Returns
        (text, start_row, lines, end, next_pos); may switch top to regular
        mode.  An escaped brace ends the text after its first character and
        the scan resumes past the second."""
        line = self.line
        srow = self.lnum
        lines = [line]
        start = pos
        quote = top.quote
        qsize = top.qsize
        in_spec = top.in_spec and top.expr_depth >= 0
        text_re = _fstring_text_re[quote * qsize]
        named_escape = False
        endq = 0
        while endq != qsize:
            if pos >= len(line):
                if not self.fetch(False):
                    self.fstring_unterminated(top)
                line = self.line
                lines.append(line)
                pos = 0
            if not endq and not named_escape:
                m = text_re.match(line, pos)
                if m is not None:
                    pos = m.end()
                    continue
            c = line[pos]
            pos += 1
            if qsize == 1 and c == '\n':
                if in_spec:
                    # A line break ends a single-quoted format spec.
                    pos -= 1
                    top.kind = _REGULAR
                    top.in_spec = False
                    return self._middle(lines, start, pos), srow, lines, pos, pos
                self.fstring_unterminated(top)
            if c == quote:
                endq += 1
                continue
            endq = 0
            if c == '{':
                if line[pos] != '{' or in_spec:
                    pos -= 1
                    top.expr_depth += 1
                    if top.expr_depth >= _MAX_EXPR_NESTING:
                        raise _LexError(
                            'f-string: expressions nested too deeply',
                            self.lnum, pos)
                    top.kind = _REGULAR
                    top.in_spec = False
                    return self._middle(lines, start, pos), srow, lines, pos, pos
                return self._middle(lines, start, pos), srow, lines, pos, pos + 1
            if c == '}':
                if named_escape:
                    return self._middle(lines, start, pos), srow, lines, pos, pos
                if line[pos] == '}' and not in_spec and top.depth == 0:
                    return self._middle(lines, start, pos), srow, lines, pos, pos + 1
                pos -= 1
                top.kind = _REGULAR
                top.in_spec = False
                return self._middle(lines, start, pos), srow, lines, pos, pos
            if c == '\\':
                # Never the last character of a line (see string_slow).
                peek = line[pos]
                pos += 1
                if peek == '\r':
                    peek = line[pos]
                    pos += 1
                if peek == '{' or peek == '}':
                    if not top.raw:
                        self.bad_escape(peek, pos)
                    pos -= 1
                    continue
                if not top.raw and peek == 'N':
                    if line[pos] == '{':
                        named_escape = True
                        pos += 1
        pos -= qsize
        return self._middle(lines, start, pos), srow, lines, pos, pos

    def bad_escape(self, ch, pos):
        # CPython's tokenizer warns here; a warning turned into an error
        # becomes a tokenizing error.
        import warnings
        msg = "invalid escape sequence '\\%s'" % ch
        try:
            warnings.warn_explicit(msg, SyntaxWarning, '<string>', self.lnum)
        except SyntaxWarning:
            raise _LexError(msg, self.lnum, pos) from None

    @staticmethod
    def _middle(lines, start, end):
        if len(lines) == 1:
            return lines[0][start:end]
        return lines[0][start:] + ''.join(lines[1:-1]) + lines[-1][:end]

    def fstring_unterminated(self, top):
        detected = self.lnum
        if top.qsize == 3:
            raise _LexError('unterminated triple-quoted f-string literal'
                            ' (detected at line %d)' % detected,
                            top.row, top.col + 1)
        raise _LexError('unterminated f-string literal (detected at line %d)'
                        % detected, top.row, top.col + 1)


def _scan_number(s, i):
    """Follow the C tokenizer's number rules from s[i]; return the end, or
    raise _LexError(message, offset)."""
    c = s[i]
    if c == '.':
        return _fraction(s, i + 1)
    if c == '0':
        c = s[i + 1]
        if c in 'xX':
            return _radix(s, i + 2, _HEXDIGITS, 'hexadecimal', False)
        if c in 'oO':
            return _radix(s, i + 2, _OCTDIGITS, 'octal', True)
        if c in 'bB':
            return _radix(s, i + 2, _BINDIGITS, 'binary', True)
        j = i + 1
        while True:
            if s[j] == '_':
                j += 1
                if s[j] not in _DIGITS:
                    raise _LexError('invalid decimal literal', j)
            if s[j] != '0':
                break
            j += 1
        if s[j] in _DIGITS:
            j = _decimal_tail(s, j)
    else:
        j = _decimal_tail(s, i)
    if s[j] == '.':
        return _fraction(s, j + 1)
    return _exponent_or_imaginary(s, j)


def _decimal_tail(s, j):
    while True:
        while s[j] in _DIGITS:
            j += 1
        if s[j] != '_':
            return j
        j += 1
        if s[j] not in _DIGITS:
            raise _LexError('invalid decimal literal', j)


def _fraction(s, j):
    if s[j] in _DIGITS:
        j = _decimal_tail(s, j)
    return _exponent_or_imaginary(s, j)


def _exponent_or_imaginary(s, j):
    """End of a decimal number whose digits end at j: an exponent, a 'j' suffix, or j."""
    if s[j] in 'eE':
        return _exponent(s, j)
    if s[j] in 'jJ':
        return j + 1
    return j


def _exponent(s, j):
    k = j + 1
    if s[k] in '+-':
        k += 1
        if s[k] not in _DIGITS:
            raise _LexError('invalid decimal literal', k)
    elif s[k] not in _DIGITS:
        # Not an exponent after all: the number ends before the 'e'.
        return j
    k = _decimal_tail(s, k)
    if s[k] in 'jJ':
        return k + 1
    return k


def _radix(s, j, digits, kind, check_digit):
    while True:
        if s[j] == '_':
            j += 1
        c = s[j]
        if c not in digits:
            if check_digit and c in _DIGITS:
                raise _LexError("invalid digit '%s' in %s literal" % (c, kind),
                                j + 1)
            raise _LexError('invalid %s literal' % kind, j)
        j += 1
        while s[j] in digits:
            j += 1
        if s[j] != '_':
            break
    if check_digit and s[j] in _DIGITS:
        raise _LexError("invalid digit '%s' in %s literal" % (s[j], kind), j + 1)
    return j


# ---------------------------------------------------------------------------

def _report(message, filename=None, location=None):
    # Errors are reported as "file:line:col: error: message", like a compiler.
    if location:
        text = "%s:%d:%d: error: %s" % ((filename,) + tuple(location) + (message,))
    elif filename:
        text = "%s: error: %s" % (filename, message)
    else:
        text = "error: %s" % message
    sys.stderr.write(text + '\n')
    sys.exit(1)


def main():
    import argparse

    parser = argparse.ArgumentParser(prog='python -m tokenize')
    parser.add_argument(dest='filename', nargs='?',
                        metavar='filename.py',
                        help='the file to tokenize; defaults to stdin')
    parser.add_argument('-e', '--exact', dest='exact', action='store_true',
                        help='display token names using the exact type')
    args = parser.parse_args()

    filename = args.filename or "<stdin>"
    try:
        if args.filename:
            # Read everything first so that a tokenizing error is reported
            # before any output.
            with _builtin_open(args.filename, 'rb') as f:
                tokens = list(tokenize(f.readline))
        else:
            tokens = _generate_tokens_from_c_tokenizer(sys.stdin.readline,
                                                       extra_tokens=True)
        for tok in tokens:
            kind = tok.exact_type if args.exact else tok.type
            where = "%d,%d-%d,%d:" % (tok.start + tok.end)
            print("%-20s%-15s%-15r" % (where, tok_name[kind], tok.string))
    except IndentationError as err:
        _report(err.args[0], filename, err.args[1][1:3])
    except TokenError as err:
        _report(err.args[0], filename, err.args[1])
    except SyntaxError as err:
        _report(err, filename)
    except OSError as err:
        _report(err)
    except KeyboardInterrupt:
        print("interrupted\n")
    except Exception as err:
        sys.stderr.write("unexpected error: %s\n" % err)
        raise


if __name__ == "__main__":
    main()
