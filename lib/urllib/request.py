"""A minimal urllib.request: Request objects, urlopen for file: and data: URLs
and the path/URL helpers. Krait has no HTTP client, so network schemes raise
URLError."""

import base64
import os
import re
from urllib.error import URLError, HTTPError, ContentTooShortError
from urllib.parse import (unwrap, unquote, unquote_to_bytes, quote, urlparse,
                          _splittype, _splithost, _splittag, _splitport)
from urllib.response import addinfourl, addclosehook

__all__ = ['Request', 'urlopen', 'pathname2url', 'url2pathname', 'getproxies',
           'URLError', 'HTTPError', 'ContentTooShortError']

_cut_port_re = re.compile(r":\d+$", re.ASCII)


def request_host(request):
    """The request-host (RFC 2965): the host of the URL, lower-cased, no port."""
    host = urlparse(request.full_url)[1]
    if host == "":
        host = request.get_header("Host", "")
    return _cut_port_re.sub("", host, 1).lower()


class Request:
    """An HTTP-style request: URL, data, headers and method."""

    def __init__(self, url, data=None, headers={}, origin_req_host=None,
                 unverifiable=False, method=None):
        self.full_url = url
        self.headers = {}
        self.unredirected_hdrs = {}
        self._data = None
        self.data = data
        self._tunnel_host = None
        for key, value in headers.items():
            self.add_header(key, value)
        if origin_req_host is None:
            origin_req_host = request_host(self)
        self.origin_req_host = origin_req_host
        self.unverifiable = unverifiable
        if method:
            self.method = method

    @property
    def full_url(self):
        if self.fragment:
            return '{}#{}'.format(self._full_url, self.fragment)
        return self._full_url

    @full_url.setter
    def full_url(self, url):
        self._full_url = unwrap(url)
        self._full_url, self.fragment = _splittag(self._full_url)
        self._parse()

    @full_url.deleter
    def full_url(self):
        self._full_url = None
        self.fragment = None
        self.selector = ''

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, data):
        if data != self._data:
            self._data = data
            # A stored length belongs to the previous body.
            if self.has_header("Content-length"):
                self.remove_header("Content-length")

    @data.deleter
    def data(self):
        self.data = None

    def _parse(self):
        self.type, rest = _splittype(self._full_url)
        if self.type is None:
            raise ValueError("unknown url type: %r" % self.full_url)
        self.host, self.selector = _splithost(rest)
        if self.host:
            self.host = unquote(self.host)

    def get_method(self):
        return getattr(self, 'method', "POST" if self.data is not None else "GET")

    def get_full_url(self):
        return self.full_url

    def set_proxy(self, host, type):
        if self.type == 'https' and not self._tunnel_host:
            self._tunnel_host = self.host
        else:
            self.type = type
            self.selector = self.full_url
        self.host = host

    def has_proxy(self):
        return self.selector == self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name in self.headers or header_name in self.unredirected_hdrs

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name,
                                self.unredirected_hdrs.get(header_name, default))

    def remove_header(self, header_name):
        self.headers.pop(header_name, None)
        self.unredirected_hdrs.pop(header_name, None)

    def header_items(self):
        return list({**self.unredirected_hdrs, **self.headers}.items())


class _Headers(dict):
    """A small stand-in for email.message.Message (case-insensitive get)."""

    def get(self, name, default=None):
        for k, v in self.items():
            if k.lower() == name.lower():
                return v
        return default

    __getitem__ = get

    def __str__(self):
        return ''.join('%s: %s\n' % kv for kv in self.items()) + '\n'


def _open_data(req):
    url = req.full_url
    scheme, data = url.split(":", 1)
    mediatype, data = data.split(",", 1)
    if mediatype.endswith(";base64"):
        data = base64.decodebytes(unquote_to_bytes(data))
        mediatype = mediatype[:-7]
    else:
        data = unquote_to_bytes(data)
    if not mediatype:
        mediatype = "text/plain;charset=US-ASCII"
    import io
    headers = _Headers({'Content-type': mediatype, 'Content-length': str(len(data))})
    return addinfourl(io.BytesIO(data), headers, url)


def _open_file(req):
    import mimetypes
    import time
    host = req.host
    path = url2pathname(req.selector)
    if host and host.lower() not in ('localhost', ''):
        raise URLError('file not on local host')
    try:
        st = os.stat(path)
        modified = time.strftime('%a, %d %b %Y %H:%M:%S GMT', time.gmtime(st.st_mtime))
        mtype = mimetypes.guess_type(path)[0]
        headers = _Headers({'Content-type': mtype or 'text/plain',
                            'Content-length': str(st.st_size),
                            'Last-modified': modified})
        origurl = 'file://' + (host or '') + req.selector
        return addinfourl(open(path, 'rb'), headers, origurl)
    except OSError as exp:
        raise URLError(exp, exp.filename)


def urlopen(url, data=None, timeout=None, *, context=None):
    """Open a URL. Only file: and data: URLs are supported by Krait."""
    req = url if isinstance(url, Request) else Request(url, data)
    if req.type == 'data':
        return _open_data(req)
    if req.type == 'file':
        return _open_file(req)
    raise URLError('unknown url type: %s' % req.type)


def pathname2url(pathname):
    """Convert a local path to the path component of a file: URL."""
    return quote(pathname)


def url2pathname(pathname):
    """Convert the path component of a file: URL to a local path."""
    return unquote(pathname)


def getproxies():
    """Proxy settings from the <scheme>_proxy environment variables."""
    proxies = {}
    for name, value in os.environ.items():
        name = name.lower()
        if value and name[-6:] == '_proxy':
            proxies[name[:-6]] = value
    if 'REQUEST_METHOD' in os.environ:
        proxies.pop('http', None)
    for name, value in os.environ.items():
        if name[-6:] == '_proxy':
            name = name.lower()
            if value:
                proxies[name[:-6]] = value
            else:
                proxies.pop(name[:-6], None)
    return proxies
