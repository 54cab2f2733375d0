# urllib.parse: splitting/joining URLs, result attributes, quoting and query strings, error messages
from urllib.parse import *
import urllib.parse as up

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

urls = ['http://user:pw@Example.COM:8080/p/a;x=1/t;h?q=1&r=2#frag',
        'https://[::1]:443/x', 'http://[fe80::1%25Eth0]/', 'mailto:someone@example.com',
        'file:///etc/passwd', '//host/path', 'path/only?x#y', 'HTTP://a', '  \thttp://b/c\n',
        'sip:alice@atlanta.com;maddr=1', 'a1+-.:rest', '1abc:x', ':no', 'http://h:/p',
        'http://h:abc', 'http://[v1.fe]/', 'news:comp.lang', 'tel:+1-816;ext=1', 'http://a/b;p/c;q',
        'http://a@b@c/', 'http://a?b#c?d', 'x://', '', 'http://h#f?q', 'data:text/plain,hi']
for u in urls:
    for f in (urlparse, urlsplit):
        try:
            r = f(u)
        except ValueError as e:
            print('ValueError:', e); continue
        print(repr(r))
        print(' ', r.geturl(), r.username, r.password, r.hostname, end=' ')
        try:
            print(r.port)
        except ValueError as e:
            print('port ValueError:', e)
print(urlsplit('g', 'http'), urlsplit('a#b', allow_fragments=False))
for bad in ['http://[::1/', 'http://::1]/', 'http://x[::1]/', 'http://[::1]x/', 'http://[1.2.3.4]/',
            'http://[vz.x]/', 'http://[zz]/', 'http://h:99999', 'http://\uff03x/', 'http://h:-1']:
    show(lambda u: (urlsplit(u), urlsplit(u).port), bad)
b = urlparse(b'http://u@h:1/p;q?x#y')
print(b, b.hostname, b.port, b.username, b.geturl())
print(b.decode(), urlsplit('http://h/x').encode())
show(urlparse, b'http://x', 'y')
show(urljoin, 'http://x', b'y')
r = urlparse('http://h/p')
print(r._replace(scheme='https', query='a=1').geturl(), r._fields, type(r).__name__, r[1])
base = 'http://a/b/c/d;p?q'
for rel in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x',
            'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g',
            '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g',
            './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'http:g', 'ftp://z/',
            'https:x', 'a//b', '//', '/', 'mailto:x']:
    print(repr(rel), urljoin(base, rel))
print(urljoin('', 'x'), urljoin('http://a/', ''), urljoin(b'http://a/b', b'c'), urljoin('http://a/b/', '../../..'))
print(urljoin('http://a/b', 'c', allow_fragments=False), urljoin('svn://a/b/c', 'd'), urljoin('foo://a/b', 'c'))
print(urldefrag('http://a/b#c'), urldefrag('http://a/b'), urldefrag(b'x#y'), urldefrag('a#b').geturl())
for comps in [('http', 'h', 'p', '', ''), ('http', '', 'x', '', ''), ('mailto', '', 'x', '', ''),
              ('', '', '//x', '', ''), ('http', '', '', '', ''), ('file', '', '/etc', '', ''),
              ('', 'h', '', 'q', 'f'), ('x', '', '', '', '')]:
    print(urlunsplit(comps))
print(urlunparse(('http', 'h', '/p', 'a=1', 'q', 'f')), urlunparse((b'http', b'h', b'/', b'', b'', b'')))
# quoting
for s in ['abc def/ghi', 'a&b=c', '\u00e9t\u00e9', '~_.-', '', '/', 'a+b', '\U0001f600']:
    print(repr(quote(s)), repr(quote(s, safe='')), repr(quote_plus(s)), repr(quote_plus(s, safe='/')))
print(quote(b'a b\xff'), quote('\u00e9', encoding='latin-1'), quote('\u20ac', 'x', 'ascii', 'replace'))
print(quote_from_bytes(b'a/b c', b'/ '), quote_from_bytes(bytearray(b'x y')), quote('a:b', safe=':\u00e9'))
show(quote, 123)
show(quote, b'x', encoding='utf-8')
show(quote, b'x', errors='strict')
show(quote_from_bytes, 'str')
show(quote, '\u20ac', encoding='ascii')
print(quote_plus(b'a b'), quote_plus('a b', safe=b'/'))
for s in ['abc%20def', '%e9t%C3%A9', '%', '%2', '%zz', '%%41', 'a+b', '\u00e9%41', '%E2%82', 'no-escapes', '%ff']:
    print(repr(unquote(s)), repr(unquote_plus(s)), repr(unquote_to_bytes(s)), repr(unquote(s, 'latin-1')))
print(unquote(b'a%20b'), unquote('%E9', encoding='latin-1'), unquote('%E9', errors='strict') if False else '', unquote_to_bytes(b'%41%'), unquote_to_bytes(''))
show(unquote, 123)
show(unquote, '%ff', errors='strict')
show(unquote_to_bytes, None)
show(unquote_plus, b'a+b')
# query strings
for q in ['a=1&b=2&a=3', 'a=&b', 'a=1;b=2', 'x=%41+%42&y=a+b', '&&a=1&&', '=v', 'k=', 'a=b=c', '', 'a=%ff']:
    print(parse_qs(q), parse_qsl(q), parse_qsl(q, keep_blank_values=True))
print(parse_qsl('a=1;b=2', separator=';'), parse_qs(b'a=1&a=2&b=%e9+x'), parse_qsl(bytearray(b'z=1')))
print(parse_qsl('a=%e9', encoding='latin-1'), parse_qsl(b'a=1;b=2', separator=';'), parse_qsl(b''))
show(parse_qsl, 'a', strict_parsing=True)
show(parse_qsl, 'a=1&&b=2', strict_parsing=True)
show(parse_qsl, 'a=1&b=2&c=3', max_num_fields=2)
print(parse_qsl('a=1&b=2', max_num_fields=2))
show(parse_qsl, 'a=1', separator='')
show(parse_qsl, 'a=1', separator=5)
show(parse_qsl, 5)
print(urlencode({'a': 1, 'b': 'x y', 'c': b'\xff&'}), urlencode([('a', '1'), ('a', '2')]))
print(urlencode({'a': [1, 2], 'b': 'str', 'c': (b'x', 'y')}, doseq=True), urlencode({'a': [1, 2]}))
print(urlencode({'a': 5}, doseq=True), urlencode({'p': '/x y'}, safe='/'), urlencode({'p': 'x y'}, quote_via=quote))
print(urlencode({'e': '\u00e9'}, encoding='latin-1'), urlencode([]), urlencode({}))
show(urlencode, 'abc')
show(urlencode, [1, 2])
show(urlencode, 5)
print(up.unwrap('<URL:http://x/>'), up.unwrap('  <http://y> '))
print(SplitResult('a', 'b', 'c', 'd', 'e'), ParseResultBytes(b'', b'', b'', b'', b'', b''), DefragResult('u', 'f').encode())
print(SplitResult[str], isinstance(urlsplit('x'), tuple), up.uses_netloc[:3], sorted(up.__all__))
