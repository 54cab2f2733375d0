"""CSV reading and writing, in pure Python.

The reader is a per-character state machine fed one input line at a time, so quoted
fields may span lines; the writer quotes or escapes each field as the dialect says.
"""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "QUOTE_STRINGS", "QUOTE_NOTNULL", "Error", "Dialect", "excel", "excel_tab",
           "field_size_limit", "reader", "writer", "register_dialect", "get_dialect",
           "list_dialects", "Sniffer", "unregister_dialect", "DictReader", "DictWriter",
           "unix_dialect", "__version__"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL = range(6)


class Error(Exception):
    pass


Error.__module__ = '_csv'


class _Registry:
    dialects = {}
    field_limit = 128 * 1024


def field_size_limit(*args):
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _Registry.field_limit
    if args:
        new = args[0]
        if not isinstance(new, int):
            raise TypeError("limit must be an integer")
        _Registry.field_limit = new
    return old


_ATTRS = ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar',
          'quoting', 'skipinitialspace', 'strict')


def _char_param(name, value, default, allow_none):
    if value is None:
        if allow_none:
            return None
        raise TypeError('"%s" must be a 1-character string' % name)
    if not isinstance(value, str):
        if allow_none:
            raise TypeError('"%s" must be string or None, not %s'
                            % (name, type(value).__name__))
        raise TypeError('"%s" must be a unicode character, not %s'
                        % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Dialect:
    """The validated, read-only parameters a reader or writer works with."""

    def __init__(self, dialect=None, **kw):
        for k in kw:
            if k not in _ATTRS:
                raise TypeError("this function got an unexpected keyword argument '%s'" % k)
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)

        def pick(name, default):
            if name in kw:
                return kw[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default

        quoting = pick('quoting', QUOTE_MINIMAL)
        if not isinstance(quoting, int) or isinstance(quoting, bool):
            raise TypeError('"quoting" must be an integer')
        if quoting not in range(6):
            raise TypeError('bad "quoting" value')
        delimiter = _char_param('delimiter', pick('delimiter', ','), ',', False)
        quotechar = pick('quotechar', '"')
        if quotechar is None and 'quoting' not in kw and quoting == QUOTE_MINIMAL \
                and 'quotechar' in kw:
            quoting = QUOTE_NONE
        quotechar = _char_param('quotechar', quotechar, '"', True)
        escapechar = _char_param('escapechar', pick('escapechar', None), None, True)
        lineterminator = pick('lineterminator', '\r\n')
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        if quotechar is None and quoting not in (QUOTE_NONE,):
            raise TypeError('quotechar must be set if quoting enabled')
        if delimiter in ' \r\n' and delimiter != ' ' or delimiter in '\r\n':
            raise ValueError('bad delimiter value')
        if escapechar is not None and escapechar == delimiter:
            raise ValueError('bad escapechar or delimiter value')
        if quotechar is not None and quotechar == delimiter:
            raise ValueError('bad delimiter or quotechar value')
        if escapechar is not None and escapechar == quotechar:
            raise ValueError('bad escapechar or quotechar value')
        d = self.__dict__
        d['delimiter'] = delimiter
        d['quotechar'] = quotechar
        d['escapechar'] = escapechar
        d['doublequote'] = bool(pick('doublequote', True))
        d['skipinitialspace'] = bool(pick('skipinitialspace', False))
        d['lineterminator'] = lineterminator
        d['quoting'] = quoting
        d['strict'] = bool(pick('strict', False))

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable"
                             % name)

    def __repr__(self):
        return '<_csv.Dialect object at %#x>' % id(self)


class Dialect:
    """Describe a CSV dialect; subclass it and set the class attributes."""
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e)) from None


class excel(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = '\t'


class unix_dialect(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _Registry.dialects[name] = _Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    if name not in _Registry.dialects:
        raise Error("unknown dialect")
    del _Registry.dialects[name]


def get_dialect(name):
    try:
        return _Registry.dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    return list(_Registry.dialects)


register_dialect("excel", excel)
register_dialect("excel-tab", excel_tab)
register_dialect("unix", unix_dialect)

# Reader states.
(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL) = range(9)
_EOL = None


class _Reader:
    def __init__(self, iterable, dialect='excel', **fmtparams):
        self._input = iter(iterable)
        self.dialect = _Dialect(dialect, **fmtparams)
        self.line_num = 0
        self._fields = None
        self._field = []
        self._state = _START_RECORD
        self._quoted = False

    def __iter__(self):
        return self

    def _save_field(self):
        d = self.dialect
        text = ''.join(self._field)
        self._field = []
        unquoted = not self._quoted
        self._quoted = False
        if unquoted and not text and d.quoting in (QUOTE_NOTNULL, QUOTE_STRINGS):
            value = None
        elif unquoted and text and d.quoting in (QUOTE_NONNUMERIC, QUOTE_STRINGS):
            value = float(text)
        else:
            value = text
        self._fields.append(value)

    def _add_char(self, c):
        if len(self._field) >= _Registry.field_limit:
            raise Error("field larger than field limit (%d)" % _Registry.field_limit)
        self._field.append(c)

    def _process(self, c):
        d = self.dialect
        st = self._state
        if st == _START_RECORD:
            if c is _EOL:
                return
            if c == '\n' or c == '\r':
                self._state = _EAT_CRNL
                return
            st = self._state = _START_FIELD
        if st == _START_FIELD:
            if c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._quoted = True
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == ' ' and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                self._add_char(c)
                self._state = _IN_FIELD
            return
        if st == _ESCAPED_CHAR:
            if c == '\n' or c == '\r':
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            if c is _EOL:
                c = '\n'
            self._add_char(c)
            self._state = _IN_FIELD
            return
        if st == _AFTER_ESCAPED_CRNL:
            if c is _EOL:
                return
            st = self._state = _IN_FIELD
        if st == _IN_FIELD:
            if c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
            return
        if st == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add_char(c)
            return
        if st == _ESCAPE_IN_QUOTED_FIELD:
            if c is _EOL:
                c = '\n'
            self._add_char(c)
            self._state = _IN_QUOTED_FIELD
            return
        if st == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is _EOL or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%s' expected after '%s'" % (d.delimiter, d.quotechar))
            return
        if st == _EAT_CRNL:
            if c == '\n' or c == '\r':
                pass
            elif c is _EOL:
                self._state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")

    def __next__(self):
        self._fields = []
        self._field = []
        self._quoted = False
        self._state = _START_RECORD
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data") from None
                    self._save_field()
                    break
                if self._fields:
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s "
                            "(the file should be opened in text mode)"
                            % type(line).__name__)
            self.line_num += 1
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = None
        return fields


def reader(iterable, dialect='excel', **fmtparams):
    return _Reader(iterable, dialect, **fmtparams)


class _Writer:
    def __init__(self, fileobj, dialect='excel', **fmtparams):
        self._write = getattr(fileobj, 'write', None)
        if self._write is None:
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = _Dialect(dialect, **fmtparams)

    def _quote_field(self, field, only):
        d = self.dialect
        if field is None:
            if d.quoting == QUOTE_NONNUMERIC or d.quoting == QUOTE_ALL:
                text, quote = '', True
            else:
                text, quote = '', False
        else:
            if isinstance(field, str):
                text = field
                numeric = False
            else:
                numeric = isinstance(field, (int, float, complex)) or \
                    hasattr(type(field), '__index__') or hasattr(type(field), '__float__')
                text = str(field)
            if d.quoting == QUOTE_ALL:
                quote = True
            elif d.quoting == QUOTE_NONNUMERIC:
                quote = not numeric
            elif d.quoting in (QUOTE_STRINGS, QUOTE_NOTNULL):
                quote = not numeric if d.quoting == QUOTE_STRINGS else True
            else:
                quote = False
        out = []
        special = set(d.lineterminator) | {'\n', '\r', d.delimiter}
        if d.quotechar is not None:
            special.add(d.quotechar)
        if d.escapechar is not None:
            special.add(d.escapechar)
        for c in text:
            if c in special:
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(c)
                            want_escape = False
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    else:
                        want_escape = False
                    if not want_escape:
                        quote = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        if not text and only:
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            quote = True
        s = ''.join(out)
        if quote:
            s = d.quotechar + s + d.quotechar
        return s

    def writerow(self, row):
        try:
            fields = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        d = self.dialect
        only = len(fields) == 1
        line = d.delimiter.join(self._quote_field(f, only) for f in fields)
        return self._write(line + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(fileobj, dialect='excel', **fmtparams):
    return _Writer(fileobj, dialect, **fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d

    __class_getitem__ = classmethod(lambda cls, item: cls)


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))

    __class_getitem__ = classmethod(lambda cls, item: cls)


class Sniffer:
    """Guesses a CSV dialect from a sample: the delimiter is the character that occurs
    the same number of times on (nearly) every line, the quote character the one that
    encloses whole fields."""

    def __init__(self):
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        lines = [l for l in sample.replace('\r\n', '\n').replace('\r', '\n').split('\n')
                 if l.strip()]
        if not lines:
            raise Error("Could not determine delimiter")
        quotechar, doublequote = self._guess_quote(lines)
        delim, skip = self._guess_delimiter(lines, quotechar, delimiters)
        if not delim:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.delimiter = delim
        dialect.quotechar = quotechar or '"'
        dialect.doublequote = doublequote
        dialect.skipinitialspace = skip
        return dialect

    def _guess_quote(self, lines):
        counts = {}
        for q in '"\'':
            n = 0
            for line in lines:
                inside = False
                for i, c in enumerate(line):
                    if c != q:
                        continue
                    before = line[i - 1] if i else ''
                    after = line[i + 1] if i + 1 < len(line) else ''
                    if not inside and (not before or not (before.isalnum() or before == q)):
                        inside = True
                    elif inside and (not after or not (after.isalnum() or after == q)):
                        inside = False
                        n += 1
            if n:
                counts[q] = n
        if not counts:
            return '', False
        q = max(counts, key=lambda k: (counts[k], k == '"'))
        doublequote = any(q + q in line.strip(q) for line in lines)
        return q, doublequote

    @staticmethod
    def _unquoted(line, q):
        if not q:
            return line
        out = []
        inside = False
        for c in line:
            if c == q:
                inside = not inside
            elif not inside:
                out.append(c)
        return ''.join(out)

    def _guess_delimiter(self, lines, q, delimiters):
        texts = [self._unquoted(l, q) for l in lines[:50]]
        cands = set()
        for t in texts:
            for c in t:
                if not (c.isalnum() or c == q or c in '\n"\'' or ord(c) > 127 or c == '_'):
                    cands.add(c)
        if delimiters is not None:
            cands &= set(delimiters)
        scored = []
        total = len(texts)
        for c in cands:
            freq = [t.count(c) for t in texts]
            nonzero = [f for f in freq if f]
            if not nonzero:
                continue
            mode = max(set(nonzero), key=lambda f: (freq.count(f), f))
            agree = freq.count(mode)
            if agree / total < 0.9 and total > 1:
                continue
            scored.append((agree, c))
        if not scored:
            return '', False
        best_agree = max(a for a, c in scored)
        best = [c for a, c in scored if a == best_agree]
        for p in self.preferred:
            if p in best:
                delim = p
                break
        else:
            delim = sorted(best)[0]
        first = lines[0]
        skip = first.count(delim) > 0 and first.count(delim) == first.count(delim + ' ')
        return delim, skip

    def has_header(self, sample):
        rows = list(reader(sample.splitlines(), self.sniff(sample)))
        if not rows:
            return False
        header = rows[0]
        ncols = len(header)
        kinds = {}
        for row in rows[1:21]:
            if len(row) != ncols:
                continue
            for i, value in enumerate(row):
                try:
                    complex(value)
                    kind = 'number'
                except (ValueError, OverflowError):
                    kind = len(value)
                if i not in kinds:
                    kinds[i] = kind
                elif kinds[i] != kind:
                    kinds[i] = None
        score = 0
        for i, kind in kinds.items():
            if kind is None:
                continue
            if kind == 'number':
                try:
                    complex(header[i])
                    score -= 1
                except (ValueError, OverflowError):
                    score += 1
            elif len(header[i]) != kind:
                score += 1
            else:
                score -= 1
        return score > 0
