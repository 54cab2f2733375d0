"""General functions for HTML manipulation."""

import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace &, < and > (and, when quote is true, both quote characters) by
    HTML-safe sequences."""
    s = s.replace("&", "&amp;")     # first, so the other replacements survive
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


# HTML5 8.2.4.69: numeric references in the C1 range name windows-1252 characters
# (the five bytes cp1252 leaves undefined map to themselves).
_C1_AS_CP1252 = ('\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160'
                 '\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022'
                 '\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178')
_invalid_charrefs = {0x00: '\ufffd', 0x0d: '\r'}
for _i, _c in enumerate(_C1_AS_CP1252):
    _invalid_charrefs[0x80 + _i] = _c
del _i, _c

# Code points a numeric reference may not produce; they are dropped.
_invalid_codepoints = set(range(0x1, 0x9))
_invalid_codepoints.add(0xb)
_invalid_codepoints.update(range(0xe, 0x20))
_invalid_codepoints.update(range(0x7f, 0xa0))
_invalid_codepoints.update(range(0xfdd0, 0xfdf0))
for _plane in range(17):
    _invalid_codepoints.add(_plane * 0x10000 + 0xfffe)
    _invalid_codepoints.add(_plane * 0x10000 + 0xffff)
del _plane


def _replace_charref(m):
    ref = m.group(1)
    if ref[0] == '#':
        if ref[1] in 'xX':
            num = int(ref[2:].rstrip(';'), 16)
        else:
            num = int(ref[1:].rstrip(';'))
        if num in _invalid_charrefs:
            return _invalid_charrefs[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return '\uFFFD'
        if num in _invalid_codepoints:
            return ''
        return chr(num)
    if ref in _html5:
        return _html5[ref]
    # Legacy references may omit the ';': take the longest known prefix.
    for n in range(len(ref) - 1, 1, -1):
        head = ref[:n]
        if head in _html5:
            return _html5[head] + ref[n:]
    return '&' + ref


_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    """Convert all named and numeric character references in s to the
    corresponding Unicode characters (HTML5 rules)."""
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
