"""A tolerant, incremental parser for HTML and XHTML (behaves like CPython 3.13's
html.parser: the same events for the same input, however it is split into feeds)."""

import re
from html import unescape

__all__ = ['HTMLParser']

# The scanner's regular expressions. Attribute and tag syntax is the lenient one
# browsers accept: almost anything up to whitespace, '/', '=' or '>'.
_ANY_MARKUP = re.compile('[&<]')
_INCOMPLETE_REF = re.compile('&[a-zA-Z#]')
_ENTITY_REF = re.compile('&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]')
_CHAR_REF = re.compile('&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]')
_STARTTAG_OPEN = re.compile('<[a-zA-Z]')
_PI_CLOSE = re.compile('>')
_COMMENT_CLOSE = re.compile(r'--\s*>')
_TAG_NAME = re.compile(r'([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*')
_ATTR_VALUE = r'''(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)'''
_ATTR = re.compile(r'''((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*(''' + _ATTR_VALUE +
                   r'''))?(?:\s|/(?!>))*''')
_STARTTAG_EXTENT = re.compile(
    r'<[a-zA-Z][^\t\n\r\f />\x00]*'
    r'''(?:[\s/]*(?:(?<=['"\s/])[^\s/>][^\s/=>]*'''
    r'(?:\s*=+\s*' + _ATTR_VALUE + r'\s*)?(?:\s|/(?!>))*)*)?'
    r'\s*')
_GT = re.compile('>')
_ENDTAG = re.compile(r'</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>')
_REF_TERMINATOR = re.compile(r'[\s;]')
_DECL_NAME = re.compile(r'[a-zA-Z][-_.a-zA-Z0-9]*\s*')
_MARKED_SECTION_CLOSE = re.compile(r']\s*]\s*>')
_MS_MARKED_SECTION_CLOSE = re.compile(r']\s*>')     # MS Office conditionals


class HTMLParser:
    """Find tags and other markup and call handler methods.

    Feed text with feed() as often as wanted and finish with close(). Subclasses
    override handle_starttag/handle_endtag/handle_startendtag/handle_data/
    handle_comment/handle_decl/handle_pi/handle_entityref/handle_charref/
    unknown_decl. With convert_charrefs true (the default) character references
    in text are replaced before handle_data sees it."""

    CDATA_CONTENT_ELEMENTS = ("script", "style")

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        """Reset this instance. Loses all unprocessed data."""
        self.rawdata = ''
        self.lasttag = '???'
        self.interesting = _ANY_MARKUP
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0

    def feed(self, data):
        """Feed data to the parser."""
        self.rawdata = self.rawdata + data
        self.goahead(0)

    def close(self):
        """Handle any buffered data."""
        self.goahead(1)

    __starttag_text = None

    def get_starttag_text(self):
        """Return full source of start tag: '<...>'."""
        return self.__starttag_text

    def getpos(self):
        """Return current line number and offset."""
        return self.lineno, self.offset

    def updatepos(self, i, j):
        # Advance the (line, column) position over rawdata[i:j].
        if i >= j:
            return j
        text = self.rawdata
        newlines = text.count("\n", i, j)
        if newlines:
            self.lineno += newlines
            self.offset = j - (text.rindex("\n", i, j) + 1)
        else:
            self.offset += j - i
        return j

    def set_cdata_mode(self, elem):
        self.cdata_elem = elem.lower()
        self.interesting = re.compile(r'</\s*%s\s*>' % self.cdata_elem, re.I)

    def clear_cdata_mode(self):
        self.interesting = _ANY_MARKUP
        self.cdata_elem = None

    def _text(self, s):
        if self.convert_charrefs and not self.cdata_elem:
            self.handle_data(unescape(s))
        else:
            self.handle_data(s)

    def goahead(self, end):
        # Consume as much of rawdata as can be interpreted unambiguously; an
        # incomplete construct at the end waits for more input unless `end`.
        raw = self.rawdata
        i = 0
        n = len(raw)
        while i < n:
            if self.convert_charrefs and not self.cdata_elem:
                j = raw.find('<', i)
                if j < 0:
                    # A reference near the end may still be cut in two; keep
                    # the text until something ends it.
                    amp = raw.rfind('&', max(i, n - 34))
                    if amp >= 0 and not _REF_TERMINATOR.search(raw, amp):
                        break
                    j = n
            else:
                m = self.interesting.search(raw, i)
                if m:
                    j = m.start()
                elif self.cdata_elem:
                    break
                else:
                    j = n
            if i < j:
                self._text(raw[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break

            if raw.startswith('<', i):
                if _STARTTAG_OPEN.match(raw, i):
                    k = self.parse_starttag(i)
                elif raw.startswith("</", i):
                    k = self.parse_endtag(i)
                elif raw.startswith("<!--", i):
                    k = self.parse_comment(i)
                elif raw.startswith("<?", i):
                    k = self.parse_pi(i)
                elif raw.startswith("<!", i):
                    k = self.parse_html_declaration(i)
                elif i + 1 < n:
                    self.handle_data("<")
                    k = i + 1
                else:
                    break
                if k < 0:
                    if not end:
                        break
                    # Unterminated construct at the end: hand it over as text.
                    k = raw.find('>', i + 1)
                    if k < 0:
                        k = raw.find('<', i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k += 1
                    self._text(raw[i:k])
                i = self.updatepos(i, k)
            elif raw.startswith("&#", i):
                m = _CHAR_REF.match(raw, i)
                if m:
                    self.handle_charref(m.group()[2:-1])
                    k = m.end()
                    if raw[k - 1] != ';':
                        k -= 1
                    i = self.updatepos(i, k)
                    continue
                if ";" in raw[i:]:
                    self.handle_data(raw[i:i + 2])
                    i = self.updatepos(i, i + 2)
                break
            elif raw.startswith('&', i):
                m = _ENTITY_REF.match(raw, i)
                if m:
                    self.handle_entityref(m.group(1))
                    k = m.end()
                    if raw[k - 1] != ';':
                        k -= 1
                    i = self.updatepos(i, k)
                    continue
                m = _INCOMPLETE_REF.match(raw, i)
                if m:
                    if end and m.group() == raw[i:]:
                        i = self.updatepos(i, i + 1)
                    break
                if i + 1 < n:
                    self.handle_data("&")
                    i = self.updatepos(i, i + 1)
                else:
                    break
            else:
                raise AssertionError("interesting.search() lied")

        if end and i < n and not self.cdata_elem:
            self._text(raw[i:n])
            i = self.updatepos(i, n)
        self.rawdata = raw[i:]

    # ---- markup constructs; each returns the index after it, or -1 if the
    # ---- buffer ends before the construct does.

    def parse_html_declaration(self, i):
        raw = self.rawdata
        if raw[i:i + 4] == '<!--':
            return self.parse_comment(i)
        if raw[i:i + 3] == '<![':
            return self.parse_marked_section(i)
        if raw[i:i + 9].lower() == '<!doctype':
            gt = raw.find('>', i + 9)
            if gt == -1:
                return -1
            self.handle_decl(raw[i + 2:gt])
            return gt + 1
        return self.parse_bogus_comment(i)

    def parse_bogus_comment(self, i, report=1):
        raw = self.rawdata
        gt = raw.find('>', i + 2)
        if gt == -1:
            return -1
        if report:
            self.handle_comment(raw[i + 2:gt])
        return gt + 1

    def parse_comment(self, i, report=1):
        raw = self.rawdata
        if raw[i:i + 4] != '<!--':
            raise AssertionError('unexpected call to parse_comment()')
        m = _COMMENT_CLOSE.search(raw, i + 4)
        if not m:
            return -1
        if report:
            self.handle_comment(raw[i + 4:m.start()])
        return m.end()

    def _scan_name(self, i, declstartpos):
        raw = self.rawdata
        if i == len(raw):
            return None, -1
        m = _DECL_NAME.match(raw, i)
        if not m:
            self.updatepos(declstartpos, i)
            raise AssertionError("expected name token at %r"
                                 % raw[declstartpos:declstartpos + 20])
        if m.end() == len(raw):
            return None, -1
        return m.group().strip().lower(), m.end()

    def parse_marked_section(self, i, report=1):
        raw = self.rawdata
        name, j = self._scan_name(i + 3, i)
        if j < 0:
            return j
        if name in {"temp", "cdata", "ignore", "include", "rcdata"}:
            m = _MARKED_SECTION_CLOSE.search(raw, i + 3)
        elif name in {"if", "else", "endif"}:
            m = _MS_MARKED_SECTION_CLOSE.search(raw, i + 3)
        else:
            raise AssertionError('unknown status keyword %r in marked section'
                                 % raw[i + 3:j])
        if not m:
            return -1
        if report:
            self.unknown_decl(raw[i + 3:m.start()])
        return m.end()

    def parse_pi(self, i):
        raw = self.rawdata
        m = _PI_CLOSE.search(raw, i + 2)
        if not m:
            return -1
        self.handle_pi(raw[i + 2:m.start()])
        return m.end()

    def parse_starttag(self, i):
        self.__starttag_text = None
        endpos = self.check_for_whole_start_tag(i)
        if endpos < 0:
            return endpos
        raw = self.rawdata
        self.__starttag_text = raw[i:endpos]

        m = _TAG_NAME.match(raw, i + 1)
        k = m.end()
        self.lasttag = tag = m.group(1).lower()
        attrs = []
        while k < endpos:
            m = _ATTR.match(raw, k)
            if not m:
                break
            name, rest, value = m.group(1, 2, 3)
            if not rest:
                value = None
            elif value[:1] in ('"', "'") and value[:1] == value[-1:]:
                value = value[1:-1]
            if value:
                value = unescape(value)
            attrs.append((name.lower(), value))
            k = m.end()

        tail = raw[k:endpos].strip()
        if tail not in (">", "/>"):
            self.handle_data(raw[i:endpos])
            return endpos
        if tail.endswith('/>'):
            self.handle_startendtag(tag, attrs)     # XHTML-style empty element
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return endpos

    def check_for_whole_start_tag(self, i):
        raw = self.rawdata
        m = _STARTTAG_EXTENT.match(raw, i)
        if not m:
            raise AssertionError("we should not get here!")
        j = m.end()
        nxt = raw[j:j + 1]
        if nxt == ">":
            return j + 1
        if nxt == "/":
            if raw.startswith("/>", j):
                return j + 2
            return -1
        if nxt == "":
            return -1
        if nxt in ("abcdefghijklmnopqrstuvwxyz=/"
                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
            return -1
        return j if j > i else i + 1

    def parse_endtag(self, i):
        raw = self.rawdata
        m = _GT.search(raw, i + 1)
        if not m:
            return -1
        gtpos = m.end()
        m = _ENDTAG.match(raw, i)
        if not m:
            if self.cdata_elem is not None:
                self.handle_data(raw[i:gtpos])
                return gtpos
            name = _TAG_NAME.match(raw, i + 2)
            if not name:
                if raw[i:i + 3] == '</>':
                    return i + 3
                return self.parse_bogus_comment(i)
            tag = name.group(1).lower()
            gtpos = raw.find('>', name.end())
            self.handle_endtag(tag)
            return gtpos + 1

        elem = m.group(1).lower()
        if self.cdata_elem is not None and elem != self.cdata_elem:
            self.handle_data(raw[i:gtpos])
            return gtpos
        self.handle_endtag(elem)
        self.clear_cdata_mode()
        return gtpos

    # ---- handlers, overridden by subclasses

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
