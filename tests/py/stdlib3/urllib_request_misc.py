# urllib.request Request objects, data:/file: urlopen, urllib.error/response classes, getpass.getuser
import urllib.request as ur, urllib.error as ue, urllib.response as uresp, io, os, tempfile, getpass, pwd
q = ur.Request('http://user@Host:80/a/b?c#frag', data=b'x', headers={'content-type': 't', 'X-A': '1'})
print(q.full_url, q.type, q.host, q.selector, q.fragment, q.get_method(), q.headers, q.header_items(), q.origin_req_host, q.unverifiable)
q.add_unredirected_header('spam', 'eggs'); print(q.has_header('Spam'), q.get_header('Spam'), q.get_header('Nope', 'dflt'), sorted(q.header_items()))
q.remove_header('Spam'); q.data = None; print(q.get_method(), q.has_header('Spam'), q.get_full_url())
q.full_url = 'https://example.org/z'; print(q.type, q.host, q.selector, q.fragment)
print(ur.Request('http://h/', method='PUT').get_method(), ur.Request('<URL:http://w/x>').full_url)
for bad in ['noscheme', '']:
    try:
        ur.Request(bad)
    except ValueError as e:
        print('ValueError:', e)
r = ur.urlopen('data:,Hello%2C%20World%21')
print(r.read(), r.geturl(), r.status, r.getcode())
r = ur.urlopen('data:text/plain;base64,SGVsbG8=')
print(r.read(), r.info()['Content-type'] if hasattr(r.info(), '__getitem__') else None)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f.txt')
    with open(p, 'wb') as f:
        f.write(b'file body')
    with ur.urlopen('file://' + ur.pathname2url(p)) as r:
        print(r.read(), r.info()['Content-type'], r.info()['Content-length'])
    try:
        ur.urlopen('file://' + ur.pathname2url(os.path.join(d, 'missing')))
    except ue.URLError as e:
        print('URLError', type(e.reason).__name__)
print(ur.pathname2url('/a b/c%d'), ur.url2pathname('/a%20b/c%25d'))
e = ue.URLError('reason here')
print(str(e), e.reason, e.args, isinstance(e, OSError))
h = ue.HTTPError('http://x', 404, 'Not Found', {'a': 'b'}, None)
print(str(h), repr(h), h.code, h.reason, h.headers, isinstance(h, ue.URLError))
h2 = ue.HTTPError('http://x', 500, 'Boom', {}, io.BytesIO(b'body'))
print(h2.read(), h2.geturl(), h2.getcode(), h2.status)
c = ue.ContentTooShortError('short', b'abc'); print(str(c), c.content)
a = uresp.addinfourl(io.BytesIO(b'data'), {'h': 1}, 'http://u', 201)
print(a.read(), a.info(), a.geturl(), a.getcode(), a.status, a.url, a.code)
closed = []
ch = uresp.addclosehook(io.BytesIO(b'q'), closed.append, 'hooked')
ch.close(); ch.close(); print(closed)
user = getpass.getuser()
expected = next((os.environ[v] for v in ('LOGNAME', 'USER', 'LNAME', 'USERNAME') if os.environ.get(v)), None) or pwd.getpwuid(os.getuid())[0]
print(user == expected, issubclass(getpass.GetPassWarning, UserWarning), callable(getpass.getpass))
