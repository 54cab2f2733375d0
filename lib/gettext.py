"""Internationalization and localization support: GNU gettext message catalogs
(.mo files) and the class-based and function-based translation APIs."""

import operator
import os
import re
import sys

__all__ = ['NullTranslations', 'GNUTranslations', 'Catalog',
           'bindtextdomain', 'find', 'translation', 'install',
           'textdomain', 'dgettext', 'dngettext', 'gettext',
           'ngettext', 'pgettext', 'dpgettext', 'npgettext',
           'dnpgettext']

_default_localedir = os.path.join(sys.base_prefix, 'share', 'locale')


# ---- plural-forms expressions ---------------------------------------------------------
# A Plural-Forms header holds a C expression in n. It is parsed into a tree of
# closures; nothing from the catalog is ever handed to eval/exec.

_token_re = re.compile(r'(?P<ws>[ \t]+)|(?P<num>[0-9]+\b)|(?P<name>n\b)|(?P<paren>[()])'
                       r'|(?P<op>[-*/%+?:]|[><!]=?|==|&&|\|\|)|(?P<bad>\w+|.)', re.DOTALL)


def _tokenize(plural):
    for m in _token_re.finditer(plural):
        kind = m.lastgroup
        if kind == 'ws':
            continue
        if kind == 'bad':
            raise ValueError('invalid token in plural form: %s' % m.group())
        yield m.group()
    yield ''


def _error(tok):
    if tok:
        return ValueError('unexpected token in plural form: %s' % tok)
    return ValueError('unexpected end of plural form')


# Binding strength of the binary operators (higher binds tighter).
_LEVEL = {'||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4,
          '+': 5, '-': 5, '*': 6, '/': 6, '%': 6}


def _binop(op, a, b):
    if op == '||':
        return lambda n: a(n) or b(n)
    if op == '&&':
        return lambda n: a(n) and b(n)
    if op == '/':
        return lambda n: a(n) // b(n)
    fn = {'==': operator.eq, '!=': operator.ne, '<': operator.lt, '>': operator.gt,
          '<=': operator.le, '>=': operator.ge, '+': operator.add, '-': operator.sub,
          '*': operator.mul, '%': operator.mod}[op]
    return lambda n: fn(a(n), b(n))


def _parse(tokens, priority, depth):
    if depth > 20:
        raise ValueError('plural form expression is too complex')
    nots = 0
    tok = next(tokens)
    while tok == '!':
        nots += 1
        tok = next(tokens)
    if tok == '(':
        node, tok = _parse(tokens, -1, depth + 1)
        if tok != ')':
            raise ValueError('unbalanced parenthesis in plural form')
    elif tok == 'n':
        node = lambda n: n
    else:
        try:
            value = int(tok, 10)
        except ValueError:
            raise _error(tok) from None
        node = lambda n, v=value: v
    tok = next(tokens)

    def binary_ops(node, tok, floor):
        while tok in _LEVEL and _LEVEL[tok] >= floor:
            level = _LEVEL[tok]
            right, nxt = _parse(tokens, level + 1, depth)
            node = _binop(tok, node, right)
            tok = nxt
        return node, tok

    if nots:
        # Negation covers the comparisons and arithmetic that follow it, but
        # not '&&' and '||' (the precedence CPython's translation gives it).
        node, tok = binary_ops(node, tok, max(priority, 3))
        inner = node
        if nots % 2:
            node = lambda n: not inner(n)
        else:
            node = lambda n: not not inner(n)
    node, tok = binary_ops(node, tok, priority)

    if tok == '?' and priority <= 0:
        if_true, tok = _parse(tokens, 0, depth + 1)
        if tok != ':':
            raise _error(tok)
        if_false, tok = _parse(tokens, -1, depth + 1)
        cond = node
        node = lambda n: if_true(n) if cond(n) else if_false(n)
    return node, tok


def _as_int(n):
    try:
        round(n)
    except TypeError:
        raise TypeError('Plural value must be an integer, got %s' %
                        (n.__class__.__name__,)) from None
    try:
        return operator.index(n)
    except TypeError:
        pass
    import warnings
    warnings.warn('Plural value must be an integer, got %s' % (n.__class__.__name__,),
                  DeprecationWarning, 3)
    return n


def c2py(plural):
    """Turn a C plural-forms expression into a Python function of n."""
    if len(plural) > 1000:
        raise ValueError('plural form expression is too long')
    try:
        tree, tok = _parse(_tokenize(plural), -1, 0)
    except RecursionError:
        raise ValueError('plural form expression is too complex')
    if tok:
        raise _error(tok)

    def func(n):
        if not isinstance(n, int):
            n = _as_int(n)
        return int(tree(n))
    return func


# ---- locating catalogs ----------------------------------------------------------------

def _expand_lang(loc):
    # All the less specific variants of a locale name, most specific first:
    # language[_territory][.codeset][@modifier].
    import locale
    loc = locale.normalize(loc)
    CODESET, TERRITORY, MODIFIER = 1, 2, 4
    mask = 0
    loc, at, modifier = loc.partition('@')
    if at:
        modifier = '@' + modifier
        mask |= MODIFIER
    pos = loc.find('.')
    codeset = ''
    if pos >= 0:
        codeset = loc[pos:]
        loc = loc[:pos]
        mask |= CODESET
    pos = loc.find('_')
    territory = ''
    if pos >= 0:
        territory = loc[pos:]
        loc = loc[:pos]
        mask |= TERRITORY
    result = []
    for i in range(mask, -1, -1):
        if i & ~mask:
            continue
        val = loc
        if i & TERRITORY:
            val += territory
        if i & CODESET:
            val += codeset
        if i & MODIFIER:
            val += modifier
        result.append(val)
    return result


class NullTranslations:
    """A translation that translates nothing (and the base of the others)."""

    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        if self._fallback:
            self._fallback.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        import builtins
        builtins.__dict__['_'] = self.gettext
        if names is not None:
            for name in {'gettext', 'ngettext', 'npgettext', 'pgettext'} & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    """Translations read from a GNU .mo file."""

    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495
    CONTEXT = "%s\x04%s"        # msgctxt and msgid are joined by EOT
    VERSIONS = (0, 1)

    def _get_versions(self, version):
        return (version >> 16, version & 0xffff)

    def _parse(self, fp):
        from struct import unpack
        filename = getattr(fp, 'name', '')
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)
        buf = fp.read()
        size = len(buf)
        magic = unpack('<I', buf[:4])[0]
        if magic == self.LE_MAGIC:
            order = '<'
        elif magic == self.BE_MAGIC:
            order = '>'
        else:
            raise OSError(0, 'Bad magic number', filename)
        version, count, orig_tab, trans_tab = unpack(order + '4I', buf[4:20])
        pair = order + 'II'
        major, minor = self._get_versions(version)
        if major not in self.VERSIONS:
            raise OSError(0, 'Bad version number ' + str(major), filename)
        for _ in range(count):
            mlen, moff = unpack(pair, buf[orig_tab:orig_tab + 8])
            tlen, toff = unpack(pair, buf[trans_tab:trans_tab + 8])
            mend = moff + mlen
            tend = toff + tlen
            if not (mend < size and tend < size):
                raise OSError(0, 'File is corrupt', filename)
            msg = buf[moff:mend]
            tmsg = buf[toff:tend]
            if mlen == 0:
                self._parse_header(tmsg)
            charset = self._charset or 'ascii'
            if b'\x00' in msg:
                # Plural entry: msgid and msgid_plural, one translation per form.
                singular, _plural = msg.split(b'\x00')
                singular = str(singular, charset)
                for i, form in enumerate(tmsg.split(b'\x00')):
                    catalog[(singular, i)] = str(form, charset)
            else:
                catalog[str(msg, charset)] = str(tmsg, charset)
            orig_tab += 8
            trans_tab += 8

    def _parse_header(self, data):
        last = None
        for line in data.split(b'\n'):
            item = line.decode().strip()
            if not item:
                continue
            # msgcat's separators between merged headers.
            if item.startswith('#-#-#-#-#') and item.endswith('#-#-#-#-#'):
                continue
            k = v = None
            if ':' in item:
                k, v = item.split(':', 1)
                k = k.strip().lower()
                v = v.strip()
                self._info[k] = v
                last = k
            elif last:
                self._info[last] += '\n' + item
            if k == 'content-type':
                self._charset = v.split('charset=')[1]
            elif k == 'plural-forms':
                expr = v.split(';')[1].split('plural=')[1]
                self.plural = c2py(expr)

    def gettext(self, message):
        missing = object()
        tmsg = self._catalog.get(message, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((message, self.plural(1)), missing)
        if tmsg is not missing:
            return tmsg
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        try:
            return self._catalog[(msgid1, self.plural(n))]
        except KeyError:
            if self._fallback:
                return self._fallback.ngettext(msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        key = self.CONTEXT % (context, message)
        missing = object()
        tmsg = self._catalog.get(key, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((key, self.plural(1)), missing)
        if tmsg is not missing:
            return tmsg
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        key = self.CONTEXT % (context, msgid1)
        try:
            return self._catalog[key, self.plural(n)]
        except KeyError:
            if self._fallback:
                return self._fallback.npgettext(context, msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2


def find(domain, localedir=None, languages=None, all=False):
    """Locate the .mo file(s) of a domain for the given (or environment) languages."""
    if localedir is None:
        localedir = _default_localedir
    if languages is None:
        languages = []
        for var in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
            val = os.environ.get(var)
            if val:
                languages = val.split(':')
                break
        if 'C' not in languages:
            languages.append('C')
    expanded = []
    for lang in languages:
        for variant in _expand_lang(lang):
            if variant not in expanded:
                expanded.append(variant)
    result = [] if all else None
    for lang in expanded:
        if lang == 'C':
            break
        mofile = os.path.join(localedir, lang, 'LC_MESSAGES', '%s.mo' % domain)
        if os.path.exists(mofile):
            if not all:
                return mofile
            result.append(mofile)
    return result


_translations = {}


def translation(domain, localedir=None, languages=None, class_=None, fallback=False):
    """Return a translations object for the domain (the catalogs of all the
    matching languages, chained as fallbacks)."""
    if class_ is None:
        class_ = GNUTranslations
    mofiles = find(domain, localedir, languages, all=True)
    if not mofiles:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT, 'No translation file found for domain', domain)
    import copy
    result = None
    for mofile in mofiles:
        key = (class_, os.path.abspath(mofile))
        t = _translations.get(key)
        if t is None:
            with open(mofile, 'rb') as fp:
                t = _translations.setdefault(key, class_(fp))
        # Each caller gets its own copy so add_fallback does not leak between them.
        t = copy.copy(t)
        if result is None:
            result = t
        else:
            result.add_fallback(t)
    return result


def install(domain, localedir=None, *, names=None):
    t = translation(domain, localedir, fallback=True)
    t.install(names)


_localedirs = {}
_current_domain = 'messages'


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def dgettext(domain, message):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return message
    return t.gettext(message)


def dngettext(domain, msgid1, msgid2, n):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return msgid1 if n == 1 else msgid2
    return t.ngettext(msgid1, msgid2, n)


def dpgettext(domain, context, message):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return message
    return t.pgettext(context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    try:
        t = translation(domain, _localedirs.get(domain, None))
    except OSError:
        return msgid1 if n == 1 else msgid2
    return t.npgettext(context, msgid1, msgid2, n)


def gettext(message):
    return dgettext(_current_domain, message)


def ngettext(msgid1, msgid2, n):
    return dngettext(_current_domain, msgid1, msgid2, n)


def pgettext(context, message):
    return dpgettext(_current_domain, context, message)


def npgettext(context, msgid1, msgid2, n):
    return dnpgettext(_current_domain, context, msgid1, msgid2, n)


Catalog = translation
