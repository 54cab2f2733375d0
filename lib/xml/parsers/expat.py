"""A pure-Python XML parser with the interface of pyexpat (ParserCreate, handler
attributes, Parse/ParseFile, ExpatError with code/lineno/offset).

It checks well-formedness (tag nesting, attribute syntax, entity references, one root
element) and reports errors with expat's messages and positions. Internal general
entities declared in the DOCTYPE are expanded; external entities are not loaded.
"""

import re

__all__ = ["ParserCreate", "ExpatError", "error", "errors", "model",
           "EXPAT_VERSION", "version_info", "native_encoding", "features"]

EXPAT_VERSION = "expat_2.6.3"
version_info = (2, 6, 3)
native_encoding = "UTF-8"
features = [("sizeof(XML_Char)", 1), ("sizeof(XML_LChar)", 1), ("XML_DTD", 0),
            ("XML_CONTEXT_BYTES", 1024), ("XML_NS", 0)]


class ExpatError(Exception):
    pass


error = ExpatError


class _Errors:
    """Error codes and their messages (the xml.parsers.expat.errors module)."""
    XML_ERROR_NO_MEMORY = "out of memory"
    XML_ERROR_SYNTAX = "syntax error"
    XML_ERROR_NO_ELEMENTS = "no element found"
    XML_ERROR_INVALID_TOKEN = "not well-formed (invalid token)"
    XML_ERROR_UNCLOSED_TOKEN = "unclosed token"
    XML_ERROR_PARTIAL_CHAR = "partial character"
    XML_ERROR_TAG_MISMATCH = "mismatched tag"
    XML_ERROR_DUPLICATE_ATTRIBUTE = "duplicate attribute"
    XML_ERROR_JUNK_AFTER_DOC_ELEMENT = "junk after document element"
    XML_ERROR_PARAM_ENTITY_REF = "illegal parameter entity reference"
    XML_ERROR_UNDEFINED_ENTITY = "undefined entity"
    XML_ERROR_RECURSIVE_ENTITY_REF = "recursive entity reference"
    XML_ERROR_ASYNC_ENTITY = "asynchronous entity"
    XML_ERROR_BAD_CHAR_REF = "reference to invalid character number"
    XML_ERROR_BINARY_ENTITY_REF = "reference to binary entity"
    XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF = "reference to external entity in attribute"
    XML_ERROR_MISPLACED_XML_PI = "XML or text declaration not at start of entity"
    XML_ERROR_UNKNOWN_ENCODING = "unknown encoding"
    XML_ERROR_INCORRECT_ENCODING = "encoding specified in XML declaration is incorrect"
    XML_ERROR_UNCLOSED_CDATA_SECTION = "unclosed CDATA section"
    XML_ERROR_EXTERNAL_ENTITY_HANDLING = "error in processing external entity reference"
    XML_ERROR_NOT_STANDALONE = "document is not standalone"
    XML_ERROR_UNEXPECTED_STATE = "unexpected parser state - please send a bug report"
    XML_ERROR_ENTITY_DECLARED_IN_PE = "entity declared in parameter entity"
    XML_ERROR_FEATURE_REQUIRES_XML_DTD = "requested feature requires XML_DTD support in Expat"
    XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING = "cannot change setting once parsing has begun"
    XML_ERROR_UNBOUND_PREFIX = "unbound prefix"
    XML_ERROR_UNDECLARING_PREFIX = "must not undeclare prefix"
    XML_ERROR_INCOMPLETE_PE = "incomplete markup in parameter entity"
    XML_ERROR_XML_DECL = "XML declaration not well-formed"
    XML_ERROR_TEXT_DECL = "text declaration not well-formed"
    XML_ERROR_PUBLICID = "illegal character(s) in public id"
    XML_ERROR_SUSPENDED = "parser suspended"
    XML_ERROR_NOT_SUSPENDED = "parser not suspended"
    XML_ERROR_ABORTED = "parsing aborted"
    XML_ERROR_FINISHED = "parsing finished"
    XML_ERROR_SUSPEND_PE = "cannot suspend in external parameter entity"
    XML_ERROR_RESERVED_PREFIX_XML = "reserved prefix (xml) must not be undeclared or bound to another namespace name"
    XML_ERROR_RESERVED_PREFIX_XMLNS = "reserved prefix (xmlns) must not be declared or undeclared"
    XML_ERROR_RESERVED_NAMESPACE_URI = "prefix must not be bound to one of the reserved namespace names"


errors = _Errors()
_CODES = {
    "out of memory": 1, "syntax error": 2, "no element found": 3,
    "not well-formed (invalid token)": 4, "unclosed token": 5, "partial character": 6,
    "mismatched tag": 7, "duplicate attribute": 8, "junk after document element": 9,
    "illegal parameter entity reference": 10, "undefined entity": 11,
    "recursive entity reference": 12, "asynchronous entity": 13,
    "reference to invalid character number": 14, "reference to binary entity": 15,
    "reference to external entity in attribute": 16,
    "XML or text declaration not at start of entity": 17, "unknown encoding": 18,
    "encoding specified in XML declaration is incorrect": 19,
    "unclosed CDATA section": 20, "unbound prefix": 27, "must not undeclare prefix": 28,
    "XML declaration not well-formed": 30,
}
errors.codes = dict(_CODES)
errors.messages = {code: msg for msg, code in _CODES.items()}


class _Model:
    XML_CTYPE_EMPTY = 1
    XML_CTYPE_ANY = 2
    XML_CTYPE_MIXED = 3
    XML_CTYPE_NAME = 4
    XML_CTYPE_CHOICE = 5
    XML_CTYPE_SEQ = 6
    XML_CQUANT_NONE = 0
    XML_CQUANT_OPT = 1
    XML_CQUANT_REP = 2
    XML_CQUANT_PLUS = 3


model = _Model()


def _register_submodules():
    import sys
    import types
    for name, ns in (("errors", errors), ("model", model)):
        module = types.ModuleType(f"{__name__}.{name}")
        for key in dir(type(ns)):
            if not key.startswith("_"):
                setattr(module, key, getattr(ns, key))
        for key, value in vars(ns).items():
            setattr(module, key, value)
        sys.modules[module.__name__] = module
        globals()[name] = module


_register_submodules()

_XML_NS = "http://www.w3.org/XML/1998/namespace"
_NAME_START = r"A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
_NAME_CHAR = _NAME_START + r"\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"
_name_re = re.compile(f"[{_NAME_START}][{_NAME_CHAR}]*")
_space_re = re.compile(r"[ \t\r\n]*")
_ref_re = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[^;&<\s]*);?")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": '"'}


def _valid_char(cp):
    return (cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or
            0x10000 <= cp <= 0x10FFFF)


class _DeferredEntity(str):
    """An entity reference handed to DefaultHandlerExpand rather than expanded."""


class _Incomplete(Exception):
    """The buffered input ends inside a token; wait for more data."""


class XMLParserType:
    """The parser object returned by ParserCreate()."""

    def __init__(self, encoding=None, namespace_separator=None):
        self._encoding = encoding
        self._sep = namespace_separator
        self._buf = ""
        self._pos = 0
        self._line = 1
        self._col = 0
        self._counted = 0          # how much of _buf the line/column counters cover
        self._stack = []           # open elements: (raw name, namespace scope)
        self._ns_scopes = [{"xml": _XML_NS}]
        self._seen_root = False
        self._done_root = False
        self._finished = False
        self._entities = {}
        self._has_doctype = False
        self._bytes_pending = b""
        self._started = False
        self.buffer_text = False
        self.buffer_size = 8192
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self.ErrorCode = 0
        self.ErrorLineNumber = 1
        self.ErrorColumnNumber = 0
        self.ErrorByteIndex = -1
        self._text = []
        for name in ("StartElementHandler", "EndElementHandler", "CharacterDataHandler",
                     "ProcessingInstructionHandler", "CommentHandler",
                     "StartNamespaceDeclHandler", "EndNamespaceDeclHandler",
                     "XmlDeclHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
                     "DefaultHandler", "DefaultHandlerExpand", "StartCdataSectionHandler",
                     "EndCdataSectionHandler", "EntityDeclHandler",
                     "UnparsedEntityDeclHandler", "NotationDeclHandler",
                     "ElementDeclHandler", "AttlistDeclHandler",
                     "ExternalEntityRefHandler", "SkippedEntityHandler",
                     "NotStandaloneHandler", "CommentHandler"):
            setattr(self, name, None)

    # -- positions --
    def _advance_to(self, index):
        """Move the line/column counters to buffer index `index`."""
        chunk = self._buf[self._counted:index]
        nl = chunk.count("\n")
        if nl:
            self._line += nl
            self._col = len(chunk) - chunk.rfind("\n") - 1
        else:
            self._col += len(chunk)
        self._counted = index

    @property
    def CurrentLineNumber(self):
        self._advance_to(self._pos)
        return self._line

    @property
    def CurrentColumnNumber(self):
        self._advance_to(self._pos)
        return self._col

    @property
    def CurrentByteIndex(self):
        return self._pos

    def _error(self, message, index):
        self._advance_to(index)
        self.ErrorCode = _CODES.get(message, 0)
        self.ErrorLineNumber = self._line
        self.ErrorColumnNumber = self._col
        err = ExpatError(f"{message}: line {self._line}, column {self._col}")
        err.code = self.ErrorCode
        err.lineno = self._line
        err.offset = self._col
        self._finished = True
        raise err

    # -- input --
    def Parse(self, data, isfinal=False):
        if self._finished:
            err = ExpatError("parsing finished: line %d, column %d"
                             % (self.ErrorLineNumber, self.ErrorColumnNumber))
            err.code = 36
            err.lineno = self.ErrorLineNumber
            err.offset = self.ErrorColumnNumber
            raise err
        if isinstance(data, (bytes, bytearray)):
            data = self._decode(bytes(data), isfinal)
        elif not isinstance(data, str):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        if data:
            data = data.replace("\r\n", "\n").replace("\r", "\n")
            self._buf += data
        self._run(isfinal)
        if isfinal:
            self._finished = True
        return 1

    def ParseFile(self, file):
        while True:
            data = file.read(65536)
            if not data:
                break
            self.Parse(data, False)
        return self.Parse(b"" if not isinstance(data, str) else "", True)

    def _decode(self, data, isfinal):
        data = self._bytes_pending + data
        self._bytes_pending = b""
        enc = self._encoding
        if enc is None:
            if data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
                enc = "utf-8"
            elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                enc = "utf-16"
            else:
                m = re.match(rb"<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", data)
                enc = m.group(1).decode("ascii") if m else "utf-8"
            self._encoding = enc
        if not isfinal and enc.lower().replace("-", "") in ("utf8",):
            # Keep an incomplete trailing UTF-8 sequence for the next call.
            cut = len(data)
            for back in range(1, min(4, len(data)) + 1):
                b = data[-back]
                if b & 0xC0 == 0x80:
                    continue
                if b & 0x80:
                    need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4
                    if need > back:
                        cut = len(data) - back
                break
            self._bytes_pending = data[cut:]
            data = data[:cut]
        try:
            return data.decode(enc)
        except LookupError:
            self._error("unknown encoding", 0)
        except UnicodeDecodeError as exc:
            self._error("not well-formed (invalid token)", exc.start)

    # -- character data --
    def _flush_text(self):
        if self._text:
            text = "".join(self._text)
            self._text = []
            if self.CharacterDataHandler is not None:
                self.CharacterDataHandler(text)

    def _chardata(self, text):
        if not text:
            return
        if self.buffer_text:
            self._text.append(text)
        elif self.CharacterDataHandler is not None:
            self.CharacterDataHandler(text)

    def _expand_refs(self, text, start, in_attr=False, depth=0):
        """Replace character and entity references in `text` (found at buffer index
        `start`)."""
        if "&" not in text:
            return text
        out = []
        pos = 0
        for m in _ref_re.finditer(text):
            out.append(text[pos:m.start()])
            pos = m.end()
            ref = m.group(1)
            where = start + m.start()
            if not m.group(0).endswith(";") or not ref:
                self._error("not well-formed (invalid token)", where + len(m.group(0)))
            if ref.startswith("#"):
                try:
                    cp = int(ref[2:], 16) if ref[1] == "x" else int(ref[1:])
                except ValueError:
                    self._error("not well-formed (invalid token)", where)
                if not _valid_char(cp):
                    self._error("reference to invalid character number", where)
                out.append(chr(cp))
            elif ref in _PREDEFINED:
                out.append(_PREDEFINED[ref])
            elif ref in self._entities:
                if depth > 20:
                    self._error("recursive entity reference", where)
                value = self._expand_refs(self._entities[ref], where, in_attr, depth + 1)
                if isinstance(value, str):
                    out.append(value)
                else:
                    out.extend(value)
            else:
                if not _name_re.fullmatch(ref):
                    self._error("not well-formed (invalid token)", where + 1)
                if self._has_doctype and not in_attr and self.DefaultHandlerExpand is not None:
                    # As expat: with a DTD the entity might be declared externally, so it
                    # is passed on instead of being an error.
                    self._advance_to(where)
                    self.ErrorLineNumber = self._line
                    self.ErrorColumnNumber = self._col
                    out.append(_DeferredEntity(m.group(0)))
                    continue
                self._error("undefined entity", where)
        out.append(text[pos:])
        if any(isinstance(part, _DeferredEntity) for part in out):
            return out
        return "".join(out)

    # -- the scanner --
    def _run(self, final):
        buf = self._buf
        try:
            while self._pos < len(buf):
                pos = self._pos
                if buf.startswith("<", pos):
                    self._markup(pos, final)
                else:
                    end = buf.find("<", pos)
                    if end < 0:
                        if not final:
                            # Text may continue in the next chunk; stop at a safe point.
                            amp = buf.rfind("&", pos)
                            end = amp if amp >= 0 and ";" not in buf[amp:] else len(buf)
                            if end == pos:
                                raise _Incomplete
                        else:
                            end = len(buf)
                    self._text_run(pos, end)
                    self._pos = end
        except _Incomplete:
            if final:
                self._error("unclosed token", self._pos)
        self._flush_text()
        if final:
            if self._stack or not self._seen_root:
                self._error("no element found", len(buf))
        # Drop consumed input (keeping the position counters consistent).
        if self._pos > 65536:
            self._advance_to(self._pos)
            self._buf = buf[self._pos:]
            self._counted -= self._pos
            self._pos = 0

    def _text_run(self, start, end):
        text = self._buf[start:end]
        if not self._stack:
            stripped = text.strip(" \t\n")
            if stripped:
                first = start + (len(text) - len(text.lstrip(" \t\n")))
                # Like expat's prolog scanner: a name run directly followed by markup
                # is one bad token, reported where the markup starts.
                m = _name_re.match(self._buf, first)
                if m and m.end() == end and end < len(self._buf):
                    self._error("not well-formed (invalid token)", end)
                if self._done_root:
                    self._error("junk after document element", first)
                self._error("syntax error", first)
            return
        bad = text.find("]]>")
        if bad >= 0:
            self._error("not well-formed (invalid token)", start + bad + 2)
        for i, ch in enumerate(text):
            cp = ord(ch)
            if cp < 0x20 and ch not in "\t\n":
                self._error("not well-formed (invalid token)", start + i)
        parts = self._expand_refs(text, start)
        if isinstance(parts, str):
            self._chardata(parts)
            return
        for part in parts:
            if isinstance(part, _DeferredEntity):
                self._flush_text()
                self.DefaultHandlerExpand(str(part))
            else:
                self._chardata(part)

    def _markup(self, pos, final):
        buf = self._buf
        # Wait for enough input to tell which kind of markup this is.
        head = buf[pos:pos + 9]
        if len(head) < 9 and any(len(head) < len(p) and p.startswith(head)
                                 for p in ("<!--", "<![CDATA[", "<!DOCTYPE")):
            raise _Incomplete
        if buf.startswith("<!--", pos):
            end = buf.find("-->", pos + 4)
            if end < 0:
                raise _Incomplete
            text = buf[pos + 4:end]
            if "--" in text:
                self._error("not well-formed (invalid token)", pos + 6 + text.find("--"))
            self._flush_text()
            if self.CommentHandler is not None:
                self.CommentHandler(text)
            self._pos = end + 3
        elif buf.startswith("<![CDATA[", pos):
            if not self._stack:
                self._error("not well-formed (invalid token)" if self._seen_root
                            else "syntax error", pos)
            end = buf.find("]]>", pos + 9)
            if end < 0:
                raise _Incomplete
            if self.StartCdataSectionHandler is not None:
                self._flush_text()
                self.StartCdataSectionHandler()
            self._chardata(buf[pos + 9:end])
            if self.EndCdataSectionHandler is not None:
                self._flush_text()
                self.EndCdataSectionHandler()
            self._pos = end + 3
        elif buf.startswith("<!DOCTYPE", pos):
            self._doctype(pos)
        elif buf.startswith("<?", pos):
            end = buf.find("?>", pos + 2)
            if end < 0:
                raise _Incomplete
            self._pi(pos, end)
            self._pos = end + 2
        elif buf.startswith("</", pos):
            self._end_tag(pos)
        else:
            if pos + 1 >= len(buf):
                raise _Incomplete
            self._start_tag(pos)

    def _pi(self, pos, end):
        body = self._buf[pos + 2:end]
        m = _name_re.match(body)
        if not m:
            self._error("not well-formed (invalid token)", pos + 2)
        target = m.group(0)
        data = body[m.end():].lstrip(" \t\n")
        if target == "xml":
            if pos != 0:
                self._error("XML or text declaration not at start of entity", pos)
            attrs = dict(re.findall(r"""(\w+)\s*=\s*["']([^"']*)["']""", data))
            if "version" not in attrs:
                self._error("XML declaration not well-formed", pos + 5)
            if self.XmlDeclHandler is not None:
                standalone = attrs.get("standalone")
                standalone = -1 if standalone is None else int(standalone == "yes")
                self.XmlDeclHandler(attrs.get("version"), attrs.get("encoding"), standalone)
            return
        if target.lower() == "xml":
            self._error("XML or text declaration not at start of entity", pos)
        self._flush_text()
        if self.ProcessingInstructionHandler is not None:
            self.ProcessingInstructionHandler(target, data)

    def _doctype(self, pos):
        buf = self._buf
        # Find the end, skipping a bracketed internal subset and quoted strings.
        i = pos + 9
        depth = 0
        quote = None
        while True:
            if i >= len(buf):
                raise _Incomplete
            c = buf[i]
            if quote:
                if c == quote:
                    quote = None
            elif c in "\"'":
                quote = c
            elif c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
            elif c == ">" and depth <= 0:
                break
            i += 1
        body = buf[pos + 9:i]
        if self._seen_root:
            self._error("syntax error", pos)
        m = re.match(r"""\s+([^\s\[>]+)\s*(?:(SYSTEM)\s+("[^"]*"|'[^']*')|(PUBLIC)\s+("[^"]*"|'[^']*')\s+("[^"]*"|'[^']*'))?\s*(\[.*\])?\s*$""",
                     body, re.S)
        if not m:
            self._error("syntax error", pos)
        self._has_doctype = True
        name = m.group(1)
        sysid = (m.group(3) or m.group(6) or None)
        pubid = m.group(5)
        sysid = sysid[1:-1] if sysid else None
        pubid = pubid[1:-1] if pubid else None
        subset = m.group(7)
        if self.StartDoctypeDeclHandler is not None:
            self.StartDoctypeDeclHandler(name, sysid, pubid, 1 if subset else 0)
        if subset:
            for em in re.finditer(r"""<!ENTITY\s+(%\s+)?([^\s]+)\s+("[^"]*"|'[^']*')\s*>""",
                                  subset):
                if em.group(1):
                    continue
                value = em.group(3)[1:-1]
                self._entities.setdefault(em.group(2), value)
                if self.EntityDeclHandler is not None:
                    self.EntityDeclHandler(em.group(2), 0, value, None, None, None, None)
        if self.EndDoctypeDeclHandler is not None:
            self.EndDoctypeDeclHandler()
        self._pos = i + 1

    def _qname(self, raw, where, scopes, is_attr=False):
        """Resolve a prefixed name against the namespace scopes."""
        if self._sep is None:
            return raw
        prefix, colon, local = raw.partition(":")
        if not colon:
            if is_attr:
                return raw
            uri = scopes.get("")
            return f"{uri}{self._sep}{raw}" if uri else raw
        if prefix == "xmlns":
            return None
        uri = scopes.get(prefix)
        if uri is None:
            self._error("unbound prefix", where)
        if self.namespace_prefixes:
            return f"{uri}{self._sep}{local}{self._sep}{prefix}"
        return f"{uri}{self._sep}{local}"

    def _start_tag(self, pos):
        buf = self._buf
        m = _name_re.match(buf, pos + 1)
        if not m:
            if pos + 1 >= len(buf):
                raise _Incomplete
            self._error("not well-formed (invalid token)", pos + 1)
        if self._done_root:
            self._error("junk after document element", pos)
        raw = m.group(0)
        i = m.end()
        attrs = []
        names = set()
        while True:
            sp = _space_re.match(buf, i)
            i = sp.end()
            if i >= len(buf):
                raise _Incomplete
            if buf.startswith("/>", i):
                empty = True
                i += 2
                break
            if buf[i] == ">":
                empty = False
                i += 1
                break
            if buf[i] == "/":
                if i + 1 >= len(buf):
                    raise _Incomplete
                self._error("not well-formed (invalid token)", i)
            if sp.end() == sp.start():
                self._error("not well-formed (invalid token)", i)
            am = _name_re.match(buf, i)
            if not am:
                self._error("not well-formed (invalid token)", i)
            aname = am.group(0)
            j = _space_re.match(buf, am.end()).end()
            if j >= len(buf):
                raise _Incomplete
            if buf[j] != "=":
                self._error("not well-formed (invalid token)", j)
            j = _space_re.match(buf, j + 1).end()
            if j >= len(buf):
                raise _Incomplete
            q = buf[j]
            if q not in "\"'":
                self._error("not well-formed (invalid token)", j)
            end = buf.find(q, j + 1)
            if end < 0:
                raise _Incomplete
            rawval = buf[j + 1:end]
            lt = rawval.find("<")
            if lt >= 0:
                self._error("not well-formed (invalid token)", j + 1 + lt)
            if aname in names:
                self._error("duplicate attribute", i)
            names.add(aname)
            # Literal whitespace is normalised; whitespace from character references
            # is kept.
            rawval = rawval.replace("\t", " ").replace("\n", " ")
            value = self._expand_refs(rawval, j + 1, in_attr=True)
            attrs.append((aname, value, i))
            i = end + 1
        # Namespace declarations apply to the element itself and its attributes.
        scopes = self._ns_scopes[-1]
        declared = []
        if self._sep is not None:
            for aname, value, where in attrs:
                if aname == "xmlns" or aname.startswith("xmlns:"):
                    prefix = aname[6:] if aname != "xmlns" else ""
                    if prefix and not value:
                        self._error("must not undeclare prefix", where)
                    if len(declared) == 0:
                        scopes = dict(scopes)
                    scopes[prefix] = value
                    declared.append((prefix, value))
        self._flush_text()
        self._seen_root = True
        for prefix, uri in declared:
            if self.StartNamespaceDeclHandler is not None:
                self.StartNamespaceDeclHandler(prefix or None, uri or None)
        name = self._qname(raw, pos, scopes)
        if self._sep is not None:
            resolved = []
            for aname, value, where in attrs:
                if aname == "xmlns" or aname.startswith("xmlns:"):
                    continue
                resolved.append((self._qname(aname, pos, scopes, True), value))
        else:
            resolved = [(aname, value) for aname, value, where in attrs]
        self._pos = i
        self._stack.append((raw, declared))
        self._ns_scopes.append(scopes)
        if self.StartElementHandler is not None:
            if self.ordered_attributes:
                flat = []
                for k, v in resolved:
                    flat.append(k)
                    flat.append(v)
                self.StartElementHandler(name, flat)
            else:
                self.StartElementHandler(name, dict(resolved))
        if empty:
            self._close_element(name)

    def _close_element(self, name):
        raw, declared = self._stack.pop()
        self._ns_scopes.pop()
        if self.EndElementHandler is not None:
            self.EndElementHandler(name)
        for prefix, uri in reversed(declared):
            if self.EndNamespaceDeclHandler is not None:
                self.EndNamespaceDeclHandler(prefix or None)
        if not self._stack:
            self._done_root = True

    def _end_tag(self, pos):
        buf = self._buf
        end = buf.find(">", pos + 2)
        if end < 0:
            raise _Incomplete
        m = _name_re.match(buf, pos + 2)
        if not m:
            self._error("not well-formed (invalid token)", pos + 2)
        rest = buf[m.end():end]
        if rest.strip(" \t\n"):
            self._error("not well-formed (invalid token)", m.end() + (len(rest) - len(rest.lstrip(" \t\n"))))
        raw = m.group(0)
        if not self._stack:
            if self._done_root:
                self._error("junk after document element", pos)
            self._error("not well-formed (invalid token)", pos + 1)
        if self._stack[-1][0] != raw:
            self._error("mismatched tag", pos + 2)
        self._flush_text()
        name = self._qname(raw, pos, self._ns_scopes[-1])
        self._pos = end + 1
        self._close_element(name)

    # -- misc pyexpat API --
    def SetParamEntityParsing(self, flag):
        return 1

    def UseForeignDTD(self, flag=True):
        pass

    def SetBase(self, base):
        self._base = base

    def GetBase(self):
        return getattr(self, "_base", None)

    def GetReparseDeferralEnabled(self):
        return False

    def SetReparseDeferralEnabled(self, enabled):
        pass


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    """Return a new XML parser object."""
    if namespace_separator is not None and len(namespace_separator) > 1:
        raise ValueError("namespace_separator must be at most one character, omitted, or None")
    return XMLParserType(encoding, namespace_separator)


def ErrorString(code):
    """Return the message for an error code."""
    return errors.messages.get(code)
