"""Splitting, joining, quoting and query-string handling for URLs (RFC 3986 and
the behaviour of CPython 3.13's urllib.parse)."""

from collections import namedtuple
import types as _types

__all__ = ['urlparse', 'urlunparse', 'urljoin', 'urldefrag', 'urlsplit',
           'urlunsplit', 'urlencode', 'parse_qs', 'parse_qsl', 'quote',
           'quote_plus', 'quote_from_bytes', 'unquote', 'unquote_plus',
           'unquote_to_bytes', 'DefragResult', 'ParseResult', 'SplitResult',
           'DefragResultBytes', 'ParseResultBytes', 'SplitResultBytes']

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file',
                 'https', 'shttp', 'mms', 'prospero', 'rtsp', 'rtsps', 'rtspu',
                 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais',
               'file', 'mms', 'https', 'shttp', 'snews', 'prospero', 'rtsp',
               'rtsps', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs',
               'git', 'git+ssh', 'ws', 'wss', 'itms-services']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp',
               'rtsp', 'rtsps', 'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
non_hierarchical = ['gopher', 'hdl', 'mailto', 'news', 'telnet', 'wais',
                    'imap', 'snews', 'sip', 'sips']
uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms', 'gopher',
              'rtsp', 'rtsps', 'rtspu', 'sip', 'sips']
uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais',
                 'https', 'shttp', 'snews', 'file', 'prospero']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

# WHATWG URL parsing strips these from both ends of the input.
_WHATWG_C0_CONTROL_OR_SPACE = ''.join(chr(i) for i in range(0x21))
# Removed anywhere in the URL (bpo-43882).
_UNSAFE_URL_BYTES_TO_REMOVE = ['\t', '\r', '\n']

MAX_CACHE_SIZE = 20


def clear_cache():
    """Kept for compatibility: parsing results are not cached here."""


# ---- str/bytes coercion -------------------------------------------------------------

def _noop(obj):
    return obj


def _encode_result(obj, encoding='ascii', errors='strict'):
    return obj.encode(encoding, errors)


def _decode_args(args, encoding='ascii', errors='strict'):
    return tuple(a.decode(encoding, errors) if a else '' for a in args)


def _coerce_args(*args):
    # Everything is done on str; byte inputs are decoded as ASCII and the result
    # encoded back. Empty values may be of either kind.
    want_str = isinstance(args[0], str)
    for a in args[1:]:
        if a and isinstance(a, str) != want_str:
            raise TypeError("Cannot mix str and non-str arguments")
    if want_str:
        return args + (_noop,)
    return _decode_args(args) + (_encode_result,)


# ---- result types -------------------------------------------------------------------

class _ResultMixinStr(object):
    __slots__ = ()

    def encode(self, encoding='ascii', errors='strict'):
        return self._encoded_counterpart(*(x.encode(encoding, errors) for x in self))


class _ResultMixinBytes(object):
    __slots__ = ()

    def decode(self, encoding='ascii', errors='strict'):
        return self._decoded_counterpart(*(x.decode(encoding, errors) for x in self))


class _NetlocResultMixinBase(object):
    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        host = self._hostinfo[0]
        if not host:
            return None
        # The zone id of a scoped IPv6 address keeps its case.
        sep = '%' if isinstance(host, str) else b'%'
        addr, pct, zone = host.partition(sep)
        return addr.lower() + pct + zone

    @property
    def port(self):
        port = self._hostinfo[1]
        if port is not None:
            if port.isdigit() and port.isascii():
                port = int(port)
            else:
                raise ValueError(f"Port could not be cast to integer value as {port!r}")
            if not (0 <= port <= 65535):
                raise ValueError("Port out of range 0-65535")
        return port

    __class_getitem__ = classmethod(_types.GenericAlias)


class _NetlocResultMixinStr(_NetlocResultMixinBase, _ResultMixinStr):
    __slots__ = ()

    @property
    def _userinfo(self):
        userinfo, at, _ = self.netloc.rpartition('@')
        if not at:
            return None, None
        user, colon, pw = userinfo.partition(':')
        return user, (pw if colon else None)

    @property
    def _hostinfo(self):
        hostinfo = self.netloc.rpartition('@')[2]
        _, bracket, rest = hostinfo.partition('[')
        if bracket:
            host, _, after = rest.partition(']')
            port = after.partition(':')[2]
        else:
            host, _, port = hostinfo.partition(':')
        return host, (port or None)


class _NetlocResultMixinBytes(_NetlocResultMixinBase, _ResultMixinBytes):
    __slots__ = ()

    @property
    def _userinfo(self):
        userinfo, at, _ = self.netloc.rpartition(b'@')
        if not at:
            return None, None
        user, colon, pw = userinfo.partition(b':')
        return user, (pw if colon else None)

    @property
    def _hostinfo(self):
        hostinfo = self.netloc.rpartition(b'@')[2]
        _, bracket, rest = hostinfo.partition(b'[')
        if bracket:
            host, _, after = rest.partition(b']')
            port = after.partition(b':')[2]
        else:
            host, _, port = hostinfo.partition(b':')
        return host, (port or None)


_DefragResultBase = namedtuple('DefragResult', 'url fragment')
_SplitResultBase = namedtuple('SplitResult', 'scheme netloc path query fragment')
_ParseResultBase = namedtuple('ParseResult', 'scheme netloc path params query fragment')

_DefragResultBase.__doc__ = "DefragResult(url, fragment)"
_SplitResultBase.__doc__ = "SplitResult(scheme, netloc, path, query, fragment)"
_ParseResultBase.__doc__ = "ParseResult(scheme, netloc, path, params, query, fragment)"


class DefragResult(_DefragResultBase, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + '#' + self.fragment
        return self.url


class SplitResult(_SplitResultBase, _NetlocResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_ParseResultBase, _NetlocResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(_DefragResultBase, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + b'#' + self.fragment
        return self.url


class SplitResultBytes(_SplitResultBase, _NetlocResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(_ParseResultBase, _NetlocResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


for _s, _b in ((DefragResult, DefragResultBytes), (SplitResult, SplitResultBytes),
               (ParseResult, ParseResultBytes)):
    _s._encoded_counterpart = _b
    _b._decoded_counterpart = _s
del _s, _b


# ---- splitting ----------------------------------------------------------------------

def _splitparams(path):
    # Parameters belong to the last path segment only.
    if '/' in path:
        i = path.find(';', path.rfind('/'))
        if i < 0:
            return path, ''
    else:
        i = path.find(';')
    return path[:i], path[i + 1:]


def _splitnetloc(url, start=0):
    end = len(url)
    for c in '/?#':
        j = url.find(c, start)
        if j >= 0 and j < end:
            end = j
    return url[start:end], url[end:]


def _checknetloc(netloc):
    if not netloc or netloc.isascii():
        return
    # A netloc whose NFKC form gains a delimiter would be parsed differently by
    # a consumer that normalises it (CVE-2019-9636).
    import unicodedata
    plain = netloc
    for c in '@:#?':
        plain = plain.replace(c, '')
    normal = unicodedata.normalize('NFKC', plain)
    if normal == plain:
        return
    for c in '/?#@:':
        if c in normal:
            raise ValueError("netloc '" + netloc + "' contains invalid "
                             "characters under NFKC normalization")


def _check_bracketed_host(host):
    if host.startswith('v'):
        import re
        if not re.match(r"\Av[a-fA-F0-9]+\..+\Z", host):
            raise ValueError("IPvFuture address is invalid")
    else:
        import ipaddress
        ip = ipaddress.ip_address(host)
        if isinstance(ip, ipaddress.IPv4Address):
            raise ValueError("An IPv4 address cannot be in brackets")


def urlsplit(url, scheme='', allow_fragments=True):
    """Split a URL into 5 components: <scheme>://<netloc>/<path>?<query>#<fragment>"""
    url, scheme, _coerce_result = _coerce_args(url, scheme)
    url = url.lstrip(_WHATWG_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_WHATWG_C0_CONTROL_OR_SPACE)
    for bad in _UNSAFE_URL_BYTES_TO_REMOVE:
        url = url.replace(bad, '')
        scheme = scheme.replace(bad, '')

    netloc = query = fragment = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha():
        head = url[:colon]
        if all(c in scheme_chars for c in head):
            scheme, url = head.lower(), url[colon + 1:]

    if url[:2] == '//':
        netloc, url = _splitnetloc(url, 2)
        has_open, has_close = '[' in netloc, ']' in netloc
        if has_open != has_close:
            raise ValueError("Invalid IPv6 URL")
        if has_open:
            _check_bracketed_host(netloc.partition('[')[2].partition(']')[0])
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    _checknetloc(netloc)
    return _coerce_result(SplitResult(scheme, netloc, url, query, fragment))


def urlparse(url, scheme='', allow_fragments=True):
    """Parse a URL into 6 components:
    <scheme>://<netloc>/<path>;<params>?<query>#<fragment>"""
    url, scheme, _coerce_result = _coerce_args(url, scheme)
    sp = urlsplit(url, scheme, allow_fragments)
    path = sp.path
    if sp.scheme in uses_params and ';' in path:
        path, params = _splitparams(path)
    else:
        params = ''
    return _coerce_result(ParseResult(sp.scheme, sp.netloc, path, params,
                                      sp.query, sp.fragment))


def urlunsplit(components):
    """Combine the elements of a tuple as returned by urlsplit() into a URL."""
    scheme, netloc, url, query, fragment, _coerce_result = _coerce_args(*components)
    if netloc:
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + netloc + url
    elif url[:2] == '//':
        # An empty authority must stay visible or the path would become one.
        url = '//' + url
    elif scheme and scheme in uses_netloc and (not url or url[:1] == '/'):
        url = '//' + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return _coerce_result(url)


def urlunparse(components):
    """Put a parsed URL back together."""
    scheme, netloc, url, params, query, fragment, _coerce_result = _coerce_args(*components)
    if params:
        url = "%s;%s" % (url, params)
    return _coerce_result(urlunsplit((scheme, netloc, url, query, fragment)))


def urljoin(base, url, allow_fragments=True):
    """Join a base URL and a possibly relative URL to form an absolute
    interpretation of the latter."""
    if not base:
        return url
    if not url:
        return base
    base, url, _coerce_result = _coerce_args(base, url)
    b = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, b.scheme, allow_fragments)

    if scheme != b.scheme or scheme not in uses_relative:
        return _coerce_result(url)
    if scheme in uses_netloc:
        if netloc:
            return _coerce_result(urlunparse((scheme, netloc, path, params,
                                              query, fragment)))
        netloc = b.netloc

    if not path and not params:
        return _coerce_result(urlunparse((scheme, netloc, b.path, b.params,
                                          query or b.query, fragment)))

    base_dir = b.path.split('/')
    if base_dir[-1] != '':
        base_dir.pop()          # the last base segment is a file, not a directory

    if path[:1] == '/':
        segments = path.split('/')
    else:
        segments = base_dir + path.split('/')
        # Empty inner segments would turn into '//' once joined again.
        segments[1:-1] = [s for s in segments[1:-1] if s]

    out = []
    for seg in segments:
        if seg == '..':
            if out:
                out.pop()
        elif seg != '.':
            out.append(seg)
    if segments[-1] in ('.', '..'):
        out.append('')
    return _coerce_result(urlunparse((scheme, netloc, '/'.join(out) or '/',
                                      params, query, fragment)))


def urldefrag(url):
    """Remove any existing fragment from URL; return (url-without-fragment, fragment)."""
    url, _coerce_result = _coerce_args(url)
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defrag = urlunparse((s, n, p, a, q, ''))
    else:
        frag = ''
        defrag = url
    return _coerce_result(DefragResult(defrag, frag))


# ---- unquoting ----------------------------------------------------------------------

_HEXDIG = '0123456789ABCDEFabcdef'
_hextobyte = None


def _hex_table():
    global _hextobyte
    if _hextobyte is None:
        _hextobyte = {(a + b).encode(): bytes.fromhex(a + b)
                      for a in _HEXDIG for b in _HEXDIG}
    return _hextobyte


def unquote_to_bytes(string):
    """unquote_to_bytes('abc%20def') -> b'abc def'."""
    if not string:
        string.split        # raises AttributeError for non-string-like input
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    parts = string.split(b'%')
    if len(parts) == 1:
        return string
    table = _hex_table()
    out = [parts[0]]
    for item in parts[1:]:
        byte = table.get(bytes(item[:2]))
        if byte is None:
            out.append(b'%')
            out.append(item)
        else:
            out.append(byte)
            out.append(item[2:])
    return b''.join(out)


def _unquote_str(string, encoding, errors):
    # Runs of non-ASCII characters are kept as they are; only ASCII runs can hold
    # percent escapes, and an escape sequence may span several bytes of one char.
    out = []
    i = 0
    n = len(string)
    while i < n:
        j = i
        ascii_run = string[i] < '\x80'
        while j < n and (string[j] < '\x80') == ascii_run:
            j += 1
        chunk = string[i:j]
        if ascii_run:
            out.append(unquote_to_bytes(chunk).decode(encoding, errors))
        else:
            out.append(chunk)
        i = j
    return ''.join(out)


def unquote(string, encoding='utf-8', errors='replace'):
    """Replace %xx escapes by their single-character equivalent."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    return _unquote_str(string, encoding, errors)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """Like unquote(), but also replace plus signs by spaces."""
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


# ---- query strings ------------------------------------------------------------------

def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a dict of lists."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing,
                                 encoding=encoding, errors=errors,
                                 max_num_fields=max_num_fields, separator=separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a list of (name, value) pairs."""
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if isinstance(qs, str):
        if not isinstance(separator, str):
            separator = str(separator, 'ascii')
        eq = '='

        def conv(s):
            return unquote_plus(s, encoding=encoding, errors=errors)
    else:
        if not qs:
            return []
        # memoryview() refuses ints and arbitrary iterables that bytes() would take.
        qs = bytes(memoryview(qs))
        if isinstance(separator, str):
            separator = bytes(separator, 'ascii')
        eq = b'='

        def conv(s):
            return unquote_to_bytes(s.replace(b'+', b' '))

    if not qs:
        return []
    if max_num_fields is not None:
        if max_num_fields < 1 + qs.count(separator):
            raise ValueError('Max number of fields exceeded')
    pairs = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name, has_eq, value = field.partition(eq)
        if not has_eq and strict_parsing:
            raise ValueError("bad query field: %r" % (field,))
        if value or keep_blank_values:
            pairs.append((conv(name), conv(value)))
    return pairs


# ---- quoting ------------------------------------------------------------------------

_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')
_ALWAYS_SAFE_BYTES = bytes(_ALWAYS_SAFE)


class _Quoter(dict):
    """Maps a byte value to its quoted form; missing entries are filled lazily."""

    def __init__(self, safe):
        self.safe = _ALWAYS_SAFE.union(safe)

    def __repr__(self):
        return f"<Quoter {dict(self)!r}>"

    def __missing__(self, b):
        res = chr(b) if b in self.safe else '%{:02X}'.format(b)
        self[b] = res
        return res


Quoter = _Quoter


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode a string (or bytes) for use in a URL."""
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """Like quote(), but also replace ' ' with '+'."""
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    string = quote(string, safe + space, encoding, errors)
    return string.replace(' ', '+')


def quote_from_bytes(bs, safe='/'):
    """Like quote(), but accepts a bytes object rather than a str."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes([c for c in safe if c < 128])
    if not bs.rstrip(_ALWAYS_SAFE_BYTES + safe):
        return bs.decode()
    q = _Quoter(safe)
    return ''.join([q[b] for b in bs])


def urlencode(query, doseq=False, safe='', encoding=None, errors=None,
              quote_via=quote_plus):
    """Encode a dict or sequence of two-element tuples into a URL query string."""
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence "
                            "or mapping object") from err

    def enc(x):
        if isinstance(x, bytes):
            return quote_via(x, safe)
        return quote_via(str(x), safe, encoding, errors)

    out = []
    for k, v in query:
        k = enc(k)
        if not doseq or isinstance(v, (bytes, str)):
            out.append(k + '=' + enc(v))
            continue
        try:
            len(v)
        except TypeError:
            out.append(k + '=' + enc(v))
        else:
            for item in v:
                out.append(k + '=' + enc(item))
    return '&'.join(out)


# ---- legacy helpers -----------------------------------------------------------------

def to_bytes(url):
    import warnings
    warnings.warn("urllib.parse.to_bytes() is deprecated as of 3.8",
                  DeprecationWarning, stacklevel=2)
    return _to_bytes(url)


def _to_bytes(url):
    if isinstance(url, str):
        try:
            url = url.encode("ASCII").decode()
        except UnicodeError:
            raise UnicodeError("URL " + repr(url) +
                               " contains non-ASCII characters")
    return url


def unwrap(url):
    """Transform a string like '<URL:scheme://host/path>' into 'scheme://host/path'."""
    url = str(url).strip()
    if url[:1] == '<' and url[-1:] == '>':
        url = url[1:-1].strip()
    if url[:4] == 'URL:':
        url = url[4:].strip()
    return url


def _splittype(url):
    scheme, colon, rest = url.partition(':')
    if colon and scheme and all(c in scheme_chars for c in scheme) and ':' not in scheme:
        return scheme.lower(), rest
    return None, url


def _splithost(url):
    if url[:2] != '//':
        return None, url
    host, rest = _splitnetloc(url, 2)
    if rest and rest[0] != '/':
        rest = '/' + rest
    return host, rest


def _splituser(host):
    user, at, rest = host.rpartition('@')
    return (user if at else None), rest


def _splitpasswd(user):
    user, colon, pw = user.partition(':')
    return user, (pw if colon else None)


def _splitport(host):
    import re
    m = re.fullmatch('(.*):([0-9]*)', host, re.DOTALL)
    if m:
        h, p = m.groups()
        if p:
            return h, p
    return host, None


def _splitnport(host, defport=-1):
    h, colon, port = host.rpartition(':')
    if not colon:
        h = host
    elif port:
        if port.isdigit() and port.isascii():
            return h, int(port)
        return h, None
    return h, defport


def _splitquery(url):
    path, q, query = url.rpartition('?')
    if q:
        return path, query
    return url, None


def _splittag(url):
    path, h, tag = url.rpartition('#')
    if h:
        return path, tag
    return url, None


def _splitattr(url):
    words = url.split(';')
    return words[0], words[1:]


def _splitvalue(attr):
    attr, eq, value = attr.partition('=')
    return attr, (value if eq else None)
