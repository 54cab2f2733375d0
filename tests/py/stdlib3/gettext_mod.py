# gettext: .mo parsing (both byte orders), plural forms, contexts, fallbacks, translation/find/install, errors
import gettext, os, struct, tempfile, io, builtins

def make_mo(entries, order='<', magic=0x950412de, version=0):
    keys = sorted(entries)
    ids = b''; strs = b''; offs = []
    for k in keys:
        offs.append((len(ids), len(k), len(strs), len(entries[k])))
        ids += k + b'\0'; strs += entries[k] + b'\0'
    start = 7 * 4 + 16 * len(keys)
    tab_o = []; tab_t = []
    for io_, lo, is_, ls in offs:
        tab_o += [lo, start + io_]; tab_t += [ls, start + len(ids) + is_]
    hdr = struct.pack(order + 'Iiiiiii', magic, version, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return hdr + struct.pack(order + '%di' % len(tab_o), *tab_o) + struct.pack(order + '%di' % len(tab_t), *tab_t) + ids + strs

header = (b'Project-Id-Version: test\nContent-Type: text/plain; charset=UTF-8\n'
          b'Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n'
          b'X-Multi: first\n continued\n')
entries = {b'': header, b'Hello': 'Привет'.encode(), b'apple\0apples': 'яблоко\0яблока\0яблок'.encode(),
           b'menu\x04Open': b'Otkryt', b'menu\x04file\0files': b'fajl\0fajla\0fajlov', b'Only one': b'Odin'}
for order, magic in (('<', 0x950412de), ('>', 0x950412de)):
    fp = io.BytesIO(make_mo(entries, order, magic))
    t = gettext.GNUTranslations(fp)
    print(t.gettext('Hello'), t.gettext('Missing'), t.charset(), sorted(t.info().items()))
    print([t.ngettext('apple', 'apples', n) for n in (0, 1, 2, 5, 11, 21, 22, 25, 101, 112)])
    print(t.ngettext('pear', 'pears', 1), t.ngettext('pear', 'pears', 2), t.pgettext('menu', 'Open'), t.pgettext('x', 'Open'),
          t.npgettext('menu', 'file', 'files', 3), t.npgettext('menu', 'file', 'files', 21), t.npgettext('m', 'a', 'b', 1), t.gettext('apple'))
    print(t.plural(1), t.plural(3), t.plural(7))
n = gettext.NullTranslations()
print(n.gettext('a'), n.ngettext('a', 'b', 1), n.ngettext('a', 'b', 2), n.pgettext('c', 'm'), n.npgettext('c', 'a', 'b', 0), n.info(), n.charset())
t = gettext.GNUTranslations(io.BytesIO(make_mo({b'Hello': b'Hallo'})))
n.add_fallback(t); print(n.gettext('Hello'), n.ngettext('x', 'y', 1))
t2 = gettext.GNUTranslations(io.BytesIO(make_mo({b'Bye': b'Tschuess'})))
t.add_fallback(t2); print(t.gettext('Bye'), t.gettext('Hello'), t.gettext('none'), t.ngettext('a', 'b', 2), t.plural(1), t.plural(2))
for bad in [b'\x00' * 28, make_mo({}, version=5 << 16), make_mo({b'a': b'b'})[:-2]]:
    try:
        f = io.BytesIO(bad); f.name = 'bad.mo'
        gettext.GNUTranslations(f); print('ok')
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
for expr in ['n != 1', 'n>1', '0', 'n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2', '(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2',
             'n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5', '!n', '!(n == 1)', 'n/2', 'n*2-1', '1 || 0', '2 && 3']:
    f = gettext.c2py(expr)
    print(expr, [f(i) for i in (0, 1, 2, 3, 5, 11, 12, 102, 111)])
for expr in ['n +', '(n', 'n)', 'x', 'n ? 1', 'n $ 1', '1 2', '', 'n' * 1001, '((((((((((((((((((((((n))))))))))))))))))))))', 'n ==']:
    try:
        gettext.c2py(expr); print('ok')
    except ValueError as e:
        print('ValueError:', e)
f = gettext.c2py('n != 1')
for v in ['1', None]:
    try:
        f(v)
    except TypeError as e:
        print('TypeError:', e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(f(1.0), f(2.5), [str(x.message) for x in w], [x.category.__name__ for x in w])
with tempfile.TemporaryDirectory() as d:
    for lang, text in (('de', b'Hallo'), ('fr_FR', b'Bonjour'), ('pt_BR.UTF-8', b'Ola')):
        p = os.path.join(d, lang, 'LC_MESSAGES'); os.makedirs(p)
        with open(os.path.join(p, 'app.mo'), 'wb') as fh:
            fh.write(make_mo({b'Hello': text, b'': b'Content-Type: text/plain; charset=UTF-8\n'}))
    rel = lambda x: x and os.path.relpath(x, d)
    print(rel(gettext.find('app', d, ['de'])), rel(gettext.find('app', d, ['fr_FR'])), rel(gettext.find('app', d, ['fr'])), gettext.find('app', d, ['it']))
    print([rel(x) for x in gettext.find('app', d, ['de', 'fr_FR', 'it'], all=True)], gettext.find('app', d, ['C', 'de']), gettext.find('app', d, ['it'], all=True))
    print(rel(gettext.find('app', d, ['pt_BR.utf8'])), rel(gettext.find('app', d, ['de_DE.UTF-8@euro'])))
    t = gettext.translation('app', d, ['it', 'fr_FR', 'de'])
    print(type(t).__name__, t.gettext('Hello'), t._fallback.gettext('Hello'), t.gettext('x'))
    print(type(gettext.translation('app', d, ['it'], fallback=True)).__name__)
    try:
        gettext.translation('app', d, ['it'])
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, e)
    class My(gettext.GNUTranslations): pass
    print(type(gettext.translation('app', d, ['de'], class_=My)).__name__, gettext.translation('app', d, ['de']) is gettext.translation('app', d, ['de']))
    gettext.translation('app', d, ['de']).install(names=['ngettext', 'pgettext', 'bogus'])
    print(_('Hello'), ngettext('a', 'b', 1), pgettext('c', 'Hello'), hasattr(builtins, 'bogus'))
    del builtins._, builtins.ngettext, builtins.pgettext
    print(gettext.bindtextdomain('app', d) == d, gettext.textdomain(), gettext.textdomain('app'), gettext.textdomain())
    os.environ['LANGUAGE'] = 'de'
    print(gettext.gettext('Hello'), gettext.dgettext('app', 'Hello'), gettext.ngettext('Hello', 'Hellos', 2), gettext.dngettext('nope', 'a', 'b', 1),
          gettext.pgettext('c', 'Hello'), gettext.dpgettext('nope', 'c', 'm'), gettext.npgettext('c', 'a', 'b', 2), gettext.dnpgettext('nope', 'c', 'a', 'b', 1))
    gettext.install('app', d)
    print(_('Hello'))
    gettext.install('nothing', d)
    print(_('Hello'))
    del builtins._
    gettext.textdomain('messages')
print(gettext._expand_lang('de_DE.UTF-8@euro'), gettext._expand_lang('en'), gettext._expand_lang('C'))
print(gettext.Catalog is gettext.translation, sorted(gettext.__all__))
