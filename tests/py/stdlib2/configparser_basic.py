# configparser: parsing, interpolation (basic/extended), get*, mapping protocol, write, errors
import configparser, io
text = """
[DEFAULT]
base = /srv
Debug = yes

[paths]
home = %(base)s/home
data: %(home)s/data
pct = 100%%
multi = first
   second

   third
# comment
; other comment
[numbers]
i = 42
f = 2.5
b = off
"""
cp = configparser.ConfigParser()
cp.read_string(text)
print(cp.sections(), cp.defaults())
print(cp.get('paths', 'home'), cp.get('paths', 'data'), cp.get('paths', 'pct'))
print(repr(cp.get('paths', 'multi')))
print(cp.get('paths', 'data', raw=True), cp.get('paths', 'home', vars={'base': '/opt'}))
print(cp.getint('numbers', 'i'), cp.getfloat('numbers', 'f'), cp.getboolean('numbers', 'b'), cp.getboolean('paths', 'debug'))
print(cp.getint('numbers', 'zz', fallback=7), cp.get('nosec', 'x', fallback='fb'))
print(cp.options('numbers'), cp.has_option('numbers', 'I'), cp.has_option('nosec', 'x'), cp.has_section('paths'))
print(cp.items('numbers'))
print(list(cp), len(cp), 'paths' in cp, 'DEFAULT' in cp)
sec = cp['paths']
print(sec, sec.name, sec['home'], sec.get('nope', 'dflt'), sec.getint('x', 3), 'home' in sec, list(sec)[:3])
print(cp['numbers'].getboolean('b'), dict(cp['numbers']))
for f, args in [(cp.get, ('nosec', 'a')), (cp.get, ('paths', 'nope')), (cp.add_section, ('paths',)),
                (cp.add_section, ('DEFAULT',)), (cp.getint, ('paths', 'home')), (cp.getboolean, ('paths', 'home')),
                (cp.set, ('paths', 'x', 5)), (cp.set, ('paths', 'x', 'bad %')), (cp.options, ('nosec',))]:
    try:
        f(*args)
    except (configparser.Error, ValueError, TypeError) as e:
        print(type(e).__name__, e, e.args if isinstance(e, configparser.Error) else '')
bad = configparser.ConfigParser()
bad.read_string("[s]\na = %(missing)s\nb = %(c)s\nc = %(b)s\nd = %z\n")
for o in 'abcd':
    try:
        bad.get('s', o)
    except configparser.InterpolationError as e:
        print(type(e).__name__, e)
for src in ["x = 1\n", "[a]\nx=1\n[a]\n", "[a]\nx=1\nX=2\n", "[a]\nnovalue\n=3\n"]:
    try:
        configparser.ConfigParser().read_string(src)
    except configparser.Error as e:
        print(type(e).__name__, repr(str(e)))
ok = configparser.ConfigParser(strict=False)
ok.read_string("[a]\nx=1\n[a]\nx=2\n")
print(ok.get('a', 'x'))
cp.set('numbers', 'new', 'v')
cp.remove_option('numbers', 'f')
print(cp.remove_section('nosec'), cp.remove_section('paths'))
cp['extra'] = {'k': 'v', 'n': 5}
cp['numbers']['added'] = 'yes'
del cp['numbers']['i']
out = io.StringIO()
cp.write(out)
print(out.getvalue())
out = io.StringIO()
cp.write(out, space_around_delimiters=False)
print(out.getvalue())
raw = configparser.RawConfigParser(allow_no_value=True)
raw.read_string("[s]\nflag\nkey = %(x)s\n")
raw.set('s', 'num', 5)
print(raw.get('s', 'flag'), raw.get('s', 'key'), raw.get('s', 'num'))
out = io.StringIO()
raw.write(out)
print(out.getvalue())
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[common]\nroot = /r\ncost = $$5\n[app]\ndir = ${common:root}/app\nlog = ${dir}/log\n")
print(ext.get('app', 'log'), ext.get('common', 'cost'))
try:
    ext.read_dict({'app': {'bad': '${nope:x}'}}) if False else None
    ext.set('app', 'bad', '${nope:x}')
    ext.get('app', 'bad')
except configparser.InterpolationMissingOptionError as e:
    print(e)
ic = configparser.ConfigParser(inline_comment_prefixes=('#',), delimiters=(':',), default_section='common')
ic.read_string("[common]\nz: 1\n[s]\na: b # c\nd: e#f\n")
print(ic.items('s'), ic.defaults())
cv = configparser.ConfigParser(converters={'list': lambda v: v.split(',')})
cv.read_dict({'s': {'l': 'a,b,c'}})
print(cv.getlist('s', 'l'), cv['s'].getlist('l'))
none = configparser.ConfigParser(interpolation=None)
none.read_string("[s]\np = %(x)s\n")
print(none.get('s', 'p'))
print(configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH)
