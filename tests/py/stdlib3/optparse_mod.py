# optparse: actions, types, defaults, abbreviations, clustering, groups, help/usage formatting and error exits
import optparse, sys, io, os
os.environ.pop('COLUMNS', None)
def mk(**kw):
    p = optparse.OptionParser(prog='prog', **kw)
    p.add_option('-f', '--file', dest='filename', metavar='FILE', help='write report to FILE [default: %default]', default='out.txt')
    p.add_option('-q', '--quiet', action='store_false', dest='verbose', default=True, help="don't print status messages to stdout")
    p.add_option('-v', action='count', dest='verbosity')
    p.add_option('-n', '--num', type='int', default='7', help='a number')
    p.add_option('--ratio', type=float)
    p.add_option('--mode', choices=['fast', 'slow'], help='one of fast/slow')
    p.add_option('-I', '--include', action='append', dest='incs', default=[])
    p.add_option('--const', action='store_const', const=42)
    p.add_option('--add', action='append_const', const='x', dest='adds')
    p.add_option('--pair', nargs=2, type='int')
    p.add_option('--secret', help=optparse.SUPPRESS_HELP)
    p.add_option('--with-dash', action='store_true')
    g = p.add_option_group('Dangerous Options', 'Caution: use these options at your own risk. It is believed that some of them bite.')
    g.add_option('-g', action='store_true', help='Group option.')
    return p
def run(args, **kw):
    p = mk(**kw)
    out, err = io.StringIO(), io.StringIO()
    so, se = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        opts, rest = p.parse_args(args)
        res = (sorted(vars(opts).items()), rest)
    except SystemExit as e:
        res = ('exit', e.code)
    finally:
        sys.stdout, sys.stderr = so, se
    print(args, res)
    if out.getvalue():
        print(out.getvalue(), end='')
    if err.getvalue():
        print('stderr:', err.getvalue(), end='')
for args in [[], ['-f', 'x', 'a', '-q', 'b'], ['--file=y', '-vvv', '-n0x1f'], ['-qvfname'], ['--fi', 'z'], ['--num', '010', '--ratio', '2.5'],
             ['--mode', 'slow', '-I', 'a', '-Ib', '--include=c'], ['--const', '--add', '--add'], ['--pair', '3', '4', '--with-dash'],
             ['a', '--', '-f', 'x'], ['-n', '0b101'], ['-x'], ['--nope'], ['--w'], ['--mode', 'medium'], ['-n', 'abc'], ['--ratio', 'x'],
             ['--file'], ['--pair', '1'], ['-q=1'], ['--quiet=1'], ['-h'], ['--version']]:
    run(args, version='%prog 1.0', description='A test program. ' * 6, epilog='The end.')
run(['--mode', 'fast'], usage='usage: %prog [opts] ARGS')
p = optparse.OptionParser(prog='p', usage=optparse.SUPPRESS_USAGE, add_help_option=False, formatter=optparse.TitledHelpFormatter())
p.add_option('-a', '--alpha', help='alpha help that is fairly long so that it wraps around onto several lines of output text')
p.add_option('--a-very-long-option-name-indeed', action='store_true', help='long one')
p.add_option_group('Extra').add_option('-z', type='int', metavar='N')
print(p.format_help(), end='')
p2 = optparse.OptionParser(prog='p2')
p2.disable_interspersed_args()
p2.add_option('-a', action='store_true')
_o, _r = p2.parse_args(['-a', 'cmd', '-a'])
print(_o, _r, p2.get_usage(), p2.has_option('-a'), str(p2.get_option('-a')), p2.get_option('--zz'))
p2.remove_option('-a')
print(p2.has_option('-a'), p2.parse_args([])[0])
for args, kw in [((), {}), (('x',), {}), (('-ab',), {}), (('--',), {}), (('---x',), {}), (('-a',), {'action': 'bogus'}), (('-a',), {'type': 'bogus'}),
                 (('-a',), {'action': 'store_true', 'type': 'int'}), (('-a',), {'type': 'choice'}), (('-a',), {'choices': 'ab'}), (('-a',), {'const': 1}),
                 (('-a',), {'action': 'count', 'nargs': 2}), (('-a',), {'action': 'callback', 'callback': 5}), (('-a',), {'callback': print}),
                 (('-a',), {'zzz': 1, 'aaa': 2}), (('-a',), {'type': int}), (('-a',), {'type': str})]:
    try:
        o = optparse.make_option(*args, **kw)
        print('ok', o, o.type, o.dest)
    except (optparse.OptionError, TypeError) as e:
        print(type(e).__name__, e)
p3 = optparse.OptionParser()
p3.add_option('-a', '--all')
try:
    p3.add_option('-a')
except optparse.OptionConflictError as e:
    print('OptionConflictError', e)
p4 = optparse.OptionParser(conflict_handler='resolve', prog='p4')
p4.add_option('-a', '--all', help='old')
p4.add_option('-a', help='new')
p4.add_option('--all', help='newer')
print(p4.format_option_help())
def cb(option, opt, value, parser, *a, **k):
    print('callback', option, opt, value, a, k, parser.largs, parser.rargs)
    setattr(parser.values, option.dest, (value, a))
p5 = optparse.OptionParser()
p5.add_option('-c', action='callback', callback=cb, type='string', dest='cbv', callback_args=(1,), callback_kwargs={'k': 2})
print(p5.parse_args(['x', '-c', 'val', 'y'])[0])
v = optparse.Values({'a': 1})
print(v, v == {'a': 1}, v == optparse.Values({'a': 1}), v.ensure_value('b', []), v.ensure_value('a', 5))
v._update({'a': 2, 'zz': 3}, 'careful'); print(v)
v._update({'zz': 3}, 'loose'); print(v)
try:
    v._update({}, 'bad')
except ValueError as e:
    print('ValueError:', e)
print(str(optparse.BadOptionError('-x')), str(optparse.AmbiguousOptionError('--a', ['--ab', '--ac'])), str(optparse.OptionValueError('m')))
print(optparse.OptionParser(prog='x').get_prog_name(), optparse.SUPPRESS_HELP, optparse.SUPPRESS_USAGE)
