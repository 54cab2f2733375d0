# builtins copyright/credits/license: site's _Printer objects (repr text, paging when called)
import builtins
import io
import os
import sys
import tempfile

P = type(license)
print(P, P.__name__, P.__module__, P.MAXLINES)
print(P.__doc__)
print(type(copyright) is P, type(credits) is P)
print(repr(copyright) == sys.copyright, str(copyright) == sys.copyright)
print(repr(credits))
print(repr(license) in ('Type license() to see the full license text',
                        'See https://www.python.org/psf/license/'))
for name in ('copyright', 'credits', 'license'):
    print(name, name in dir(builtins))


def run(printer, answers):
    saved = sys.stdin
    sys.stdin = io.StringIO(answers)
    try:
        result = printer()
    except EOFError:
        print('<EOFError>')
    else:
        print('<returned %r>' % (result,))
    finally:
        sys.stdin = saved


short = P('short', 'one\ntwo\nthree')
print(repr(short))
run(short, '')
text = '\n'.join('line %d' % i for i in range(60))
long = P('demo', text)
print(repr(long))
print(str(long))
# Return shows the next page; anything but '' and 'q' asks again; q stops
run(long, '\nx\nq\n')
run(long, '\n\n')
run(long, '')
exact = P('exact', '\n'.join(str(i) for i in range(46)))
run(exact, '\n\n')
# a file from files x dirs wins over the fallback text; unreadable entries are skipped
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'NOTICE'), 'w', encoding='utf-8') as f:
        f.write('from the file\nsecond line')
    fromfile = P('notice', 'fallback', ['MISSING', 'NOTICE'], ['/nonexistent-dir', d])
    print(repr(fromfile))
    with open(os.path.join(d, 'EMPTY'), 'w', encoding='utf-8') as f:
        pass
    print(repr(P('empty', 'fallback', ['EMPTY'], [d])))
    os.mkdir(os.path.join(d, 'ADIR'))
    print(repr(P('dir', 'fallback', ['ADIR', 'NOTICE'], [d])))
print(repr(P('nofile', 'fallback', ['NOPE'], ['/nonexistent-dir'])))
for bad in (lambda: license(1), lambda: license(x=1), lambda: P(), lambda: P('a')):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
