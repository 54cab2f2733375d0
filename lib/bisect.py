"""Bisection algorithms for sorted lists."""

from operator import index as _index

# Distinguishes "not passed" from None so missing arguments get the C module's message.
_NO = object()


def _bounds(name, a, x, lo, hi):
    if a is _NO:
        raise TypeError(f"{name}() missing required argument 'a' (pos 1)")
    if x is _NO:
        raise TypeError(f"{name}() missing required argument 'x' (pos 2)")
    lo = _index(lo)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    hi = len(a) if hi is None else _index(hi)
    return lo, hi


def bisect_right(a=_NO, x=_NO, lo=0, hi=None, *, key=None):
    """Return the index where to insert item x in list a, assuming a is sorted,
    after any existing entries equal to x."""
    lo, hi = _bounds('bisect_right', a, x, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a=_NO, x=_NO, lo=0, hi=None, *, key=None):
    """Return the index where to insert item x in list a, assuming a is sorted,
    before any existing entries equal to x."""
    lo, hi = _bounds('bisect_left', a, x, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def _insort(name, search, a, x, lo, hi, key):
    _bounds(name, a, x, lo, hi)
    if key is None:
        lo = search(a, x, lo, hi)
    else:
        lo = search(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_right(a=_NO, x=_NO, lo=0, hi=None, *, key=None):
    """Insert item x in list a, and keep it sorted assuming a is sorted; after equal items."""
    _insort('insort_right', bisect_right, a, x, lo, hi, key)


def insort_left(a=_NO, x=_NO, lo=0, hi=None, *, key=None):
    """Insert item x in list a, and keep it sorted assuming a is sorted; before equal items."""
    _insort('insort_left', bisect_left, a, x, lo, hi, key)


bisect = bisect_right
insort = insort_right
