"""Small helpers shared by the unittest modules: reprs that cannot fail,
shortened reprs for long values, and element-count differences."""

from collections import namedtuple, Counter
from os.path import commonprefix

__unittest = True

# Long reprs in failure messages are cut so their differing parts stay visible.
_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12      # room taken by a "[N chars]" marker
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN +
                               _PLACEHOLDER_LEN + _MIN_END_LEN)


def _shorten(s, prefixlen, suffixlen):
    cut = len(s) - prefixlen - suffixlen
    if cut > _PLACEHOLDER_LEN:
        return '%s[%d chars]%s' % (s[:prefixlen], cut, s[len(s) - suffixlen:])
    return s


def _common_shorten_repr(*args):
    reprs = tuple(map(safe_repr, args))
    longest = max(map(len, reprs))
    if longest <= _MAX_LENGTH:
        return reprs
    prefix = commonprefix(reprs)
    plen = len(prefix)
    keep = _MAX_LENGTH - (longest - plen + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if keep > _MIN_COMMON_LEN:
        head = _shorten(prefix, _MIN_BEGIN_LEN, keep)
        return tuple(head + r[plen:] for r in reprs)
    head = _shorten(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(head + _shorten(r[plen:], _MIN_DIFF_LEN, _MIN_END_LEN) for r in reprs)


def safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if not short or len(text) < _MAX_LENGTH:
        return text
    return text[:_MAX_LENGTH] + ' [truncated]...'


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def sorted_list_difference(expected, actual):
    """Items only in `expected` and items only in `actual`, both lists sorted."""
    i = j = 0
    missing = []
    unexpected = []
    while True:
        try:
            e = expected[i]
            a = actual[j]
            if e < a:
                missing.append(e)
                i += 1
                while expected[i] == e:
                    i += 1
            elif e > a:
                unexpected.append(a)
                j += 1
                while actual[j] == a:
                    j += 1
            else:
                i += 1
                try:
                    while expected[i] == e:
                        i += 1
                finally:
                    j += 1
                    while actual[j] == a:
                        j += 1
        except IndexError:
            missing.extend(expected[i:])
            unexpected.extend(actual[j:])
            break
    return missing, unexpected


def unorderable_list_difference(expected, actual):
    """Like sorted_list_difference for unsortable items; empties `expected`."""
    missing = []
    while expected:
        item = expected.pop()
        try:
            actual.remove(item)
        except ValueError:
            missing.append(item)
    return missing, actual


def three_way_cmp(x, y):
    return (x > y) - (x < y)


_Mismatch = namedtuple('Mismatch', 'actual expected value')


def _count_diff_all_purpose(actual, expected):
    """Count mismatches for unhashable elements (quadratic, equality only)."""
    s, t = list(actual), list(expected)
    used = object()
    out = []
    for i, elem in enumerate(s):
        if elem is used:
            continue
        n_s = n_t = 0
        for j in range(i, len(s)):
            if s[j] == elem:
                n_s += 1
                s[j] = used
        for j, other in enumerate(t):
            if other == elem:
                n_t += 1
                t[j] = used
        if n_s != n_t:
            out.append(_Mismatch(n_s, n_t, elem))
    for i, elem in enumerate(t):
        if elem is used:
            continue
        n_t = 0
        for j in range(i, len(t)):
            if t[j] == elem:
                n_t += 1
                t[j] = used
        out.append(_Mismatch(0, n_t, elem))
    return out


def _count_diff_hashable(actual, expected):
    s, t = Counter(actual), Counter(expected)
    out = []
    for elem, n_s in s.items():
        n_t = t.get(elem, 0)
        if n_s != n_t:
            out.append(_Mismatch(n_s, n_t, elem))
    for elem, n_t in t.items():
        if elem not in s:
            out.append(_Mismatch(0, n_t, elem))
    return out
