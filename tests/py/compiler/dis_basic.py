# dis output of functions using comparisons in conditions, swaps, try/except returns, match and %-formatting, compared with CPython 3.13
import dis


def cmp_if(a, b):
    if a < b:
        return 1
    return 2


def cmp_while(n):
    while n > 0:
        n -= 1
    return n


def cmp_not(a, b):
    if not a == b:
        return a
    return b


def contains_if(x, seq):
    if x not in seq:
        return 0
    return 1


def is_none(x):
    if x is None:
        return 'none'
    if x is not None:
        return 'some'


def not_in_value(a, b):
    return not (a in b)


def swap2(x, y):
    x, y = y, x
    return x


def swap3(a, b, c):
    a, b, c = c, b, a
    return a, b, c


def try_return(a):
    try:
        a()
    except ValueError:
        pass
    return a


def try_named(a):
    try:
        return a()
    except KeyError as e:
        return e


def ifexp_cmp(a, b):
    return a if a < b else b


def chain_if(a, b, c):
    if a < b < c:
        return 1
    return 0


def const_tuple():
    return (1, 2, 3)


def defaults(a=(1, 2), b='x'):
    return a, b


def percent(a, b):
    return '%s and %r' % (a, b)


def percent_width(a):
    return '[%5s|%-3s|%.2s]' % (a, a, a)


def percent_unsupported(a):
    return '%d' % (a,)


def match_seq(p):
    match p:
        case (1, 2):
            return 1
        case {"a": x}:
            return x
        case _:
            return 0


def match_value(p):
    match p:
        case 1 | 2:
            return 'small'
        case None:
            return 'none'
        case str():
            return 'str'
    return 'other'


def assert_cmp(x):
    assert x > 0, 'positive'
    return x


def aug_attr(o):
    o.count += 1
    o.items[0] -= 2


def unpack_star(seq):
    first, *rest = seq
    return first, rest


def call_kw(f, a):
    return f(a, key=1, other=a)


def slices(s):
    return s[1:2], s[::2], s[:-1]


def fstring(x, w):
    return f'{x!r:>{w}} {x=}'


class Doc:
    """A class with a
    two-line docstring."""
    attr = 1

    def method(self):
        return self.attr


for f in (cmp_if, cmp_while, cmp_not, contains_if, is_none, not_in_value, swap2, swap3,
          try_return, try_named, ifexp_cmp, chain_if, const_tuple, defaults, percent,
          percent_width, percent_unsupported, match_seq, match_value, assert_cmp, aug_attr,
          unpack_star, call_kw, slices, fstring, Doc.method):
    print('==', f.__name__, f.__code__.co_stacksize, f.__code__.co_flags)
    dis.dis(f)

print(percent(1, 'x'), percent_width('abcdef'), percent_unsupported(3))
print(swap3(1, 2, 3), not_in_value(1, [1]), chain_if(1, 2, 3), Doc.__doc__)
