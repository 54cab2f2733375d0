"""Decimal fixed- and floating-point arithmetic (General Decimal Arithmetic).

Values are kept as (sign, integer coefficient, exponent); every operation
computes an exact (or sticky-bit exact) integer result and then rounds it
once to the context, so rounding behaviour is in one place (_finish).
"""

import math as _math
import numbers as _numbers
from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context', 'DecimalTuple',
    'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero',
    'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING,
              ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

# The hash modulus shared with int/float so equal numbers hash equal.
_P = (1 << 61) - 1
_INV10 = pow(10, _P - 2, _P)


class DecimalException(ArithmeticError):
    pass

class Clamped(DecimalException):
    pass

class InvalidOperation(DecimalException):
    pass

class ConversionSyntax(InvalidOperation):
    pass

class DivisionByZero(DecimalException, ZeroDivisionError):
    pass

class DivisionImpossible(InvalidOperation):
    pass

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass

class Inexact(DecimalException):
    pass

class InvalidContext(InvalidOperation):
    pass

class Rounded(DecimalException):
    pass

class Subnormal(DecimalException):
    pass

class Overflow(Inexact, Rounded):
    pass

class Underflow(Inexact, Rounded, Subnormal):
    pass

class FloatOperation(DecimalException, TypeError):
    pass


# Order used to pick which exception class a trap raises.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped)
# Context.__repr__ lists signals in the bit order of the reference
# implementation, where InvalidOperation sits at the bit of whichever
# invalid-operation condition occurred first.
_REPR_RANK = {Clamped: 1, DivisionByZero: 4, Inexact: 64,
              FloatOperation: 1024, Overflow: 2048, Rounded: 4096,
              Subnormal: 8192, Underflow: 16384}
_INVALID_RANK = {ConversionSyntax: 2, DivisionImpossible: 8,
                 DivisionUndefined: 16, InvalidContext: 128,
                 InvalidOperation: 256}
_CONDITIONS = (ConversionSyntax, DivisionImpossible, DivisionUndefined,
               InvalidContext)


def _signal_of(cond):
    return InvalidOperation if cond in _CONDITIONS else cond


DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent',
                           module='decimal')


def _ndigits(n):
    # len(str(n)) is exact but slow for huge ints; estimate from bit_length.
    if n < 10**15:
        return len(str(n))
    est = int(n.bit_length() * 0.30102999566398120) - 1
    if est < 1:
        est = 1
    p = 10 ** est
    while p <= n:
        p *= 10
        est += 1
    return est


def _round_int(coef, drop, mode, sign):
    """Remove `drop` low digits of coef; returns (new_coef, inexact)."""
    if drop <= 0:
        return coef, False
    if coef == 0:
        return 0, False
    if drop > _ndigits(coef) + 1:
        q, below_half, exact_half = 0, True, False
        r = coef
    else:
        p = 10 ** drop
        q, r = divmod(coef, p)
        if r == 0:
            return q, False
        half = p // 2
        below_half = r < half
        exact_half = r == half
    if mode == ROUND_DOWN:
        up = False
    elif mode == ROUND_UP:
        up = True
    elif mode == ROUND_CEILING:
        up = sign == 0
    elif mode == ROUND_FLOOR:
        up = sign == 1
    elif mode == ROUND_HALF_UP:
        up = not below_half
    elif mode == ROUND_HALF_DOWN:
        up = not below_half and not exact_half
    elif mode == ROUND_HALF_EVEN:
        up = (not below_half and not exact_half) or (exact_half and (q & 1))
    else:  # ROUND_05UP
        up = q % 10 in (0, 5)
    return q + (1 if up else 0), True


def _mk(sign, coef, exp, special=None):
    d = object.__new__(Decimal)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._special = special
    return d


def _nan(sign=0, payload=0, signaling=False):
    return _mk(sign, payload, 0, 'N' if signaling else 'n')


def _inf(sign):
    return _mk(sign, 0, 0, 'F')


def _overflow_result(sign, ctx):
    m = ctx.rounding
    if (m in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (m == ROUND_CEILING and sign == 0)
            or (m == ROUND_FLOOR and sign == 1)):
        res = _inf(sign)
    else:
        res = _mk(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)
    ctx._signal([Overflow, Inexact, Rounded])
    return res


def _finish(sign, coef, exp, ctx, rounding=None):
    """Round an exact finite value to ctx, raising the right signals."""
    prec = ctx.prec
    Emin, Emax = ctx.Emin, ctx.Emax
    Etiny = Emin - prec + 1
    Etop = Emax - prec + 1
    mode = rounding or ctx.rounding
    conds = []
    if coef == 0:
        hi = Etop if ctx.clamp else Emax
        e2 = min(max(exp, Etiny), hi)
        if e2 != exp:
            ctx._signal([Clamped])
        return _mk(sign, 0, e2)
    nd = _ndigits(coef)
    adj = exp + nd - 1
    if adj > Emax:
        return _overflow_result(sign, ctx)
    subnormal = adj < Emin
    emin = adj - prec + 1
    if emin < Etiny:
        emin = Etiny
    if exp < emin:
        coef, inexact = _round_int(coef, emin - exp, mode, sign)
        exp = emin
        if coef and _ndigits(coef) > prec:
            coef //= 10
            exp += 1
        if coef and exp + _ndigits(coef) - 1 > Emax:
            return _overflow_result(sign, ctx)
        if subnormal:
            if inexact:
                conds.append(Underflow)
            conds.append(Subnormal)
            if coef == 0:
                conds.append(Clamped)
        if inexact:
            conds.append(Inexact)
        conds.append(Rounded)
    elif subnormal:
        conds.append(Subnormal)
    if ctx.clamp and exp > Etop:
        coef *= 10 ** (exp - Etop)
        exp = Etop
        conds.append(Clamped)
    if conds:
        ctx._signal(conds)
    return _mk(sign, coef, exp)


_WS = ' \t\n\r\x0b\x0c'


def _parse(s):
    """Parse a numeric string; returns a Decimal or None if malformed."""
    s = s.strip()
    s = s.replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return _inf(sign)
    if low.startswith('nan') or low.startswith('snan'):
        sig = low[0] == 's'
        rest = low[4:] if sig else low[3:]
        if rest and not _all_digits(rest):
            return None
        payload = int(_to_ascii(rest)) if rest else 0
        return _nan(sign, payload, sig)
    epos = -1
    for i, ch in enumerate(low):
        if ch == 'e':
            epos = i
            break
    exp = 0
    mant = s
    if epos >= 0:
        mant = s[:epos]
        es = s[epos + 1:]
        esign = 1
        if es and es[0] in '+-':
            esign = -1 if es[0] == '-' else 1
            es = es[1:]
        if not es or not _all_digits(es):
            return None
        exp = esign * int(_to_ascii(es))
    if '.' in mant:
        ip, _, fp = mant.partition('.')
    else:
        ip, fp = mant, ''
    if not ip and not fp:
        return None
    if (ip and not _all_digits(ip)) or (fp and not _all_digits(fp)):
        return None
    digits = _to_ascii(ip + fp)
    return _mk(sign, int(digits), exp - len(fp))


def _all_digits(t):
    for ch in t:
        if not ch.isdigit():
            return False
    return True


def _to_ascii(t):
    if t.isascii():
        return t
    return ''.join(str(int(ch)) for ch in t)


def _from_float(f):
    if f != f:
        return _nan(1 if _math.copysign(1.0, f) < 0 else 0)
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    if f in (float('inf'), float('-inf')):
        return _inf(sign)
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1
    # n/2**k == n*5**k / 10**k exactly.
    return _mk(sign, n * 5 ** k, -k)


# Builtin types that never implement arithmetic with Decimal; failing
# early lets the error name 'decimal.Decimal' as the reference does.
_FOREIGN = (float, complex, str, bytes, bytearray, list, tuple, dict, set,
            frozenset, type(None))


def _convert(other, ctx=None, allow_float=False, sym=None, rev=False):
    """Coerce an operand; NotImplemented for unsupported types."""
    if (sym == '*' and type(other) in (str, bytes, bytearray, list, tuple)):
        raise TypeError("can't multiply sequence by non-int of type "
                        "'decimal.Decimal'")
    if sym is not None and type(other) in _FOREIGN:
        # float never handles Decimal either, so report it as CPython does.
        names = ("'%s'" % type(other).__name__, "'decimal.Decimal'")
        if not rev:
            names = names[::-1]
        raise TypeError("unsupported operand type(s) for %s: %s and %s"
                        % (sym, names[0], names[1]))
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _mk(1 if other < 0 else 0, abs(other), 0)
    if allow_float and isinstance(other, float):
        if ctx is None:
            ctx = getcontext()
        ctx._signal([FloatOperation])
        return _from_float(other)
    return NotImplemented


class Decimal(object):
    """Floating-point decimal number."""

    __slots__ = ('_sign', '_coef', '_exp', '_special')

    def __new__(cls, value="0", context=None):
        if isinstance(value, str):
            d = _parse(value)
            if d is None:
                if context is None:
                    context = getcontext()
                context._signal([ConversionSyntax])
                d = _nan()
        elif isinstance(value, Decimal):
            d = value
        elif isinstance(value, int):
            d = _mk(1 if value < 0 else 0, abs(value), 0)
        elif isinstance(value, float):
            if context is None:
                context = getcontext()
            context._signal([FloatOperation])
            d = _from_float(value)
        elif isinstance(value, (tuple, list)):
            d = _from_tuple(value)
        else:
            raise TypeError("conversion from %s to Decimal is not supported"
                            % type(value).__name__)
        if cls is Decimal:
            return d
        r = object.__new__(cls)
        r._sign, r._coef, r._exp, r._special = (d._sign, d._coef, d._exp,
                                                d._special)
        return r

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = _mk(1 if f < 0 else 0, abs(f), 0)
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError("argument must be int or float")
        return d if cls is Decimal else cls(d)

    # ---- string conversion -------------------------------------------

    def _sci(self, eng=False, capitals=1):
        sign = '-' if self._sign else ''
        sp = self._special
        if sp == 'F':
            return sign + 'Infinity'
        if sp is not None:
            pre = 'sNaN' if sp == 'N' else 'NaN'
            return sign + pre + (str(self._coef) if self._coef else '')
        digits = str(self._coef)
        exp = self._exp
        left = exp + len(digits)
        if exp <= 0 and left > -6:
            dot = left
        elif not eng:
            dot = 1
        elif self._coef == 0:
            dot = (left + 1) % 3 - 1
        else:
            dot = (left - 1) % 3 + 1
        if dot <= 0:
            ip = '0'
            fp = '.' + '0' * (-dot) + digits
        elif dot >= len(digits):
            ip = digits + '0' * (dot - len(digits))
            fp = ''
        else:
            ip = digits[:dot]
            fp = '.' + digits[dot:]
        if left == dot:
            es = ''
        else:
            es = ('E' if capitals else 'e') + '%+d' % (left - dot)
        return sign + ip + fp + es

    def __str__(self, eng=False, context=None):
        if context is None:
            context = getcontext()
        return self._sci(eng, context.capitals)

    def __repr__(self):
        return "Decimal('%s')" % self._sci(False, getcontext().capitals)

    def to_eng_string(self, context=None):
        if context is None:
            context = getcontext()
        return self._sci(True, context.capitals)

    # ---- predicates ----------------------------------------------------

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_qnan(self):
        return self._special == 'n'

    def is_snan(self):
        return self._special == 'N'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return self._special is None

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return self._special is None and self._coef == 0

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._special is not None or self._coef == 0:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() >= context.Emin

    def is_subnormal(self, context=None):
        if self._special is not None or self._coef == 0:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def adjusted(self):
        if self._special is not None:
            return 0
        return self._exp + _ndigits(self._coef) - 1

    def radix(self):
        return Decimal(10)

    def canonical(self):
        return self

    def number_class(self, context=None):
        if self._special == 'N':
            return 'sNaN'
        if self._special == 'n':
            return 'NaN'
        s = '-' if self._sign else '+'
        if self._special == 'F':
            return s + 'Infinity'
        if self._coef == 0:
            return s + 'Zero'
        if self.is_subnormal(context):
            return s + 'Subnormal'
        return s + 'Normal'

    def as_tuple(self):
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        if self._special is not None:
            digs = tuple(int(c) for c in str(self._coef)) if self._coef else ()
            return DecimalTuple(self._sign, digs, self._special)
        return DecimalTuple(self._sign, tuple(int(c) for c in str(self._coef)),
                            self._exp)

    def as_integer_ratio(self):
        if self._special is not None:
            if self._special == 'F':
                raise OverflowError("cannot convert Infinity to integer ratio")
            raise ValueError("cannot convert NaN to integer ratio")
        n = -self._coef if self._sign else self._coef
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        d = 10 ** (-self._exp)
        g = _math.gcd(n, d)
        return n // g, d // g

    # ---- NaN handling ----------------------------------------------------

    def _check_nans(self, other, ctx):
        """Return the NaN result for an operation, or None."""
        a = self._special in ('n', 'N')
        b = other is not None and other._special in ('n', 'N')
        if not a and not b:
            return None
        if self._special == 'N':
            ctx._signal([InvalidOperation])
            return _nan(self._sign, self._fix_payload(ctx))
        if b and other._special == 'N':
            ctx._signal([InvalidOperation])
            return _nan(other._sign, other._fix_payload(ctx))
        if a:
            return _nan(self._sign, self._fix_payload(ctx))
        return _nan(other._sign, other._fix_payload(ctx))

    def _fix_payload(self, ctx):
        # Payloads longer than the context allows are dropped.
        p = self._coef
        if p and _ndigits(p) > ctx.prec - ctx.clamp:
            return 0
        return p

    def _invalid(self, ctx, cond=InvalidOperation):
        ctx._signal([cond])
        return _nan()

    # ---- arithmetic -----------------------------------------------------

    def __add__(self, other, context=None):
        other = _convert(other, sym='+', rev=False)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _add(self, other, ctx)

    def __radd__(self, other, context=None):
        other = _convert(other, sym='+', rev=True)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _add(other, self, ctx)

    def __sub__(self, other, context=None):
        other = _convert(other, sym='-', rev=False)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _add(self, other, ctx, True)

    def __rsub__(self, other, context=None):
        other = _convert(other, sym='-', rev=True)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _add(other, self, ctx, True)

    def __mul__(self, other, context=None):
        other = _convert(other, sym='*', rev=False)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _mul(self, other, ctx)

    def __rmul__(self, other, context=None):
        other = _convert(other, sym='*', rev=True)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _mul(other, self, ctx)

    def __truediv__(self, other, context=None):
        other = _convert(other, sym='/', rev=False)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _div(self, other, ctx)

    def __rtruediv__(self, other, context=None):
        other = _convert(other, sym='/', rev=True)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _div(other, self, ctx)

    def __divmod__(self, other, context=None):
        other = _convert(other, sym='divmod()', rev=False)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _divmod(self, other, ctx)

    def __rdivmod__(self, other, context=None):
        other = _convert(other, sym='divmod()', rev=True)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _divmod(other, self, ctx)

    def __floordiv__(self, other, context=None):
        other = _convert(other, sym='//', rev=False)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _divmod(self, other, ctx, 'q')

    def __rfloordiv__(self, other, context=None):
        other = _convert(other, sym='//', rev=True)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _divmod(other, self, ctx, 'q')

    def __mod__(self, other, context=None):
        other = _convert(other, sym='%', rev=False)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _divmod(self, other, ctx, 'r')

    def __rmod__(self, other, context=None):
        other = _convert(other, sym='%', rev=True)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _divmod(other, self, ctx, 'r')

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other, sym='** or pow()', rev=False)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        if modulo is not None:
            m = _convert(modulo)
            if m is NotImplemented:
                return m
            return _powmod(self, other, m, ctx)
        return _pow(self, other, ctx)

    def __rpow__(self, other, modulo=None, context=None):
        other = _convert(other, sym='** or pow()', rev=True)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        return _pow(other, self, ctx)

    def __neg__(self, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._special == 'F':
            return _inf(1 - self._sign)
        if self._coef == 0:
            # Behaves as 0 - x: only +0 negated under ROUND_FLOOR gives -0.
            sign = 1 if ctx.rounding == ROUND_FLOOR and not self._sign else 0
            return _finish(sign, 0, self._exp, ctx)
        return _finish(1 - self._sign, self._coef, self._exp, ctx)

    def __pos__(self, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._special == 'F':
            return self
        sign = self._sign
        if self._coef == 0:
            sign = 1 if ctx.rounding == ROUND_FLOOR and sign else 0
            if ctx.rounding != ROUND_FLOOR:
                sign = 0
        return _finish(sign, self._coef, self._exp, ctx)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._special == 'F':
            return _inf(0)
        return _finish(0, self._coef, self._exp, ctx)

    def copy_abs(self):
        return _mk(0, self._coef, self._exp, self._special)

    def copy_negate(self):
        return _mk(1 - self._sign, self._coef, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert_strict(other)
        return _mk(other._sign, self._coef, self._exp, self._special)

    def plus(self, context=None):
        return self.__pos__(context)

    def minus(self, context=None):
        return self.__neg__(context)

    def fma(self, other, third, context=None):
        other = _convert_strict(other)
        third = _convert_strict(third)
        ctx = context if context is not None else getcontext()
        # The product must not be rounded before the addition.
        big = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
        prod = _mul(self, other, big)
        if prod.is_nan():
            n = self._check_nans(other, ctx)
            if n is not None:
                return n
            return self._invalid(ctx)
        n = third._check_nans(None, ctx)
        if n is not None:
            return n
        return _add(prod, third, ctx)

    # ---- comparison -------------------------------------------------------

    def _cmp(self, other):
        """Three-way compare of two non-NaN Decimals."""
        if self._special == 'F' or other._special == 'F':
            a = (0 if self._special != 'F' else (-1 if self._sign else 1))
            b = (0 if other._special != 'F' else (-1 if other._sign else 1))
            if a == b:
                return 0
            if a or b:
                if a == 0:
                    return -b
                if b == 0:
                    return a
                return -1 if a < b else 1
        if self._coef == 0 and other._coef == 0:
            return 0
        if self._coef == 0:
            return 1 if other._sign else -1
        if other._coef == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        r = _cmp_abs(self._coef, self._exp, other._coef, other._exp)
        return -r if self._sign else r

    def _rich(self, other, op):
        ctx = getcontext()
        orig = other
        if isinstance(other, float):
            if op in ('eq', 'ne'):
                ctx._signal_flag(FloatOperation)
            else:
                ctx._signal([FloatOperation])
            other = _from_float(other)
        elif isinstance(other, complex) and op in ('eq', 'ne'):
            if other.imag != 0:
                return op == 'ne'
            return self._rich(other.real, op)
        elif (not isinstance(other, (Decimal, int))
              and isinstance(other, _numbers.Rational)):
            if self._special is None:
                n, d = other.numerator, other.denominator
                s = -self._coef if self._sign else self._coef
                if self._exp >= 0:
                    lhs, rhs = s * 10 ** self._exp * d, n
                else:
                    lhs, rhs = s * d, n * 10 ** (-self._exp)
                c = (lhs > rhs) - (lhs < rhs)
                return _cmp_result(c, op)
            other = _mk(0, 0, 0)  # only magnitude of inf/nan matters below
        else:
            other = _convert(other)
            if other is NotImplemented:
                if op not in ('eq', 'ne') and type(orig) in _FOREIGN:
                    raise TypeError("'%s' not supported between instances "
                                    "of 'decimal.Decimal' and '%s'" % (
                                        _OPSYM[op], type(orig).__name__))
                return NotImplemented
        if self.is_nan() or other.is_nan():
            if op in ('eq', 'ne'):
                if self.is_snan() or other.is_snan():
                    ctx._signal([InvalidOperation])
                return op == 'ne'
            ctx._signal([InvalidOperation])
            return False
        return _cmp_result(self._cmp(other), op)

    def __eq__(self, other):
        return self._rich(other, 'eq')

    def __ne__(self, other):
        r = self._rich(other, 'ne')
        return r

    def __lt__(self, other):
        return self._rich(other, 'lt')

    def __le__(self, other):
        return self._rich(other, 'le')

    def __gt__(self, other):
        return self._rich(other, 'gt')

    def __ge__(self, other):
        return self._rich(other, 'ge')

    def compare(self, other, context=None):
        other = _convert_strict(other)
        ctx = context if context is not None else getcontext()
        n = self._check_nans(other, ctx)
        if n is not None:
            return n
        return Decimal(self._cmp(other))

    def compare_signal(self, other, context=None):
        other = _convert_strict(other)
        ctx = context if context is not None else getcontext()
        if self.is_nan() or other.is_nan():
            ctx._signal([InvalidOperation])
            return self._check_nans(other, ctx) or _nan()
        return Decimal(self._cmp(other))

    def compare_total(self, other, context=None):
        other = _convert_strict(other)
        return Decimal(_cmp_total(self, other))

    def compare_total_mag(self, other, context=None):
        other = _convert_strict(other)
        return Decimal(_cmp_total(self.copy_abs(), other.copy_abs()))

    def max(self, other, context=None):
        return self._minmax(other, context, 1, False)

    def min(self, other, context=None):
        return self._minmax(other, context, -1, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, context, 1, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, context, -1, True)

    def _minmax(self, other, context, want, mag):
        other = _convert_strict(other)
        ctx = context if context is not None else getcontext()
        if self.is_nan() or other.is_nan():
            if self.is_snan() or other.is_snan():
                return self._check_nans(other, ctx)
            # A single quiet NaN loses to a number.
            if not self.is_nan():
                return _finish_any(self, ctx)
            if not other.is_nan():
                return _finish_any(other, ctx)
            return self._check_nans(other, ctx)
        a, b = (self.copy_abs(), other.copy_abs()) if mag else (self, other)
        c = a._cmp(b)
        if c == 0:
            c = _cmp_total(self, other)
        res = self if c == want else other
        return _finish_any(res, ctx)

    def same_quantum(self, other, context=None):
        other = _convert_strict(other)
        if self._special is not None or other._special is not None:
            return ((self.is_nan() and other.is_nan())
                    or (self.is_infinite() and other.is_infinite()))
        return self._exp == other._exp

    # ---- hashing and conversion ------------------------------------------

    def __hash__(self):
        if self._special is not None:
            if self._special == 'N':
                raise TypeError("Cannot hash a signaling NaN value")
            if self._special == 'n':
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        if self._exp >= 0:
            m = pow(10, self._exp, _P)
        else:
            m = pow(_INV10, -self._exp, _P)
        h = self._coef * m % _P
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def __bool__(self):
        return self._special is not None or self._coef != 0

    def _int_check(self):
        if self._special is not None:
            if self._special == 'F':
                raise OverflowError("cannot convert Infinity to integer")
            raise ValueError("cannot convert NaN to integer")

    def _to_int(self, mode):
        self._int_check()
        if self._exp >= 0:
            n = self._coef * 10 ** self._exp
        else:
            n, _ = _round_int(self._coef, -self._exp, mode, self._sign)
        return -n if self._sign else n

    def __int__(self):
        return self._to_int(ROUND_DOWN)

    __trunc__ = __int__

    def __index__(self):
        raise TypeError("'decimal.Decimal' object cannot be interpreted "
                        "as an integer")

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(_mk(0, 1, -n))
        if self._special is not None:
            if self._special == 'F':
                raise OverflowError("cannot convert Infinity to integer")
            raise ValueError("cannot convert NaN to integer")
        return self._to_int(ROUND_HALF_EVEN)

    def __float__(self):
        if self._special is not None:
            if self._special == 'N':
                raise ValueError("cannot convert signaling NaN to float")
            if self._special == 'n':
                return -float('nan') if self._sign else float('nan')
            return float('-inf') if self._sign else float('inf')
        return float(self._sci())

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # ---- quantization and integral values ----------------------------------

    def _rescale(self, exp, mode):
        """Exact-or-rounded rescale of a finite value; (coef, inexact)."""
        if exp <= self._exp:
            return self._coef * 10 ** (self._exp - exp), False
        return _round_int(self._coef, exp - self._exp, mode, self._sign)

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert_strict(exp)
        ctx = context if context is not None else getcontext()
        mode = rounding or ctx.rounding
        n = self._check_nans(exp, ctx)
        if n is not None:
            return n
        if self._special == 'F' or exp._special == 'F':
            if self._special == 'F' and exp._special == 'F':
                return _inf(self._sign)
            return self._invalid(ctx)
        e = exp._exp
        if not (ctx.Emin - ctx.prec + 1 <= e <= ctx.Emax):
            return self._invalid(ctx)
        if self._coef == 0:
            etop = ctx.Emax - ctx.prec + 1
            if ctx.clamp and e > etop:
                ctx._signal([Clamped])
                e = etop
            return _mk(self._sign, 0, e)
        if self.adjusted() - e + 1 > ctx.prec:
            return self._invalid(ctx)
        coef, inexact = self._rescale(e, mode)
        if coef and _ndigits(coef) > ctx.prec:
            return self._invalid(ctx)
        res = _mk(self._sign, coef, e)
        conds = []
        if coef and res.adjusted() > ctx.Emax:
            return self._invalid(ctx)
        if coef and res.adjusted() < ctx.Emin:
            conds.append(Subnormal)
            if inexact:
                conds.append(Underflow)
        if inexact:
            conds.append(Inexact)
        if e > self._exp:
            conds.append(Rounded)
        etop = ctx.Emax - ctx.prec + 1
        if ctx.clamp and e > etop:
            res = _mk(self._sign, coef * 10 ** (e - etop), etop)
            conds.append(Clamped)
        if conds:
            ctx._signal(conds)
        return res

    def to_integral_value(self, rounding=None, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._special == 'F' or self._exp >= 0:
            return self
        coef, _ = self._rescale(0, rounding or ctx.rounding)
        return _mk(self._sign, coef, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._special == 'F' or self._exp >= 0:
            return self
        if self._coef == 0:
            return _mk(self._sign, 0, 0)
        coef, inexact = self._rescale(0, rounding or ctx.rounding)
        ctx._signal([Inexact, Rounded] if inexact else [Rounded])
        return _mk(self._sign, coef, 0)

    def normalize(self, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._special == 'F':
            return self
        d = _finish(self._sign, self._coef, self._exp, ctx)
        if d._special is not None:
            return d
        if d._coef == 0:
            return _mk(d._sign, 0, 0)
        coef, exp = d._coef, d._exp
        top = ctx.Emax - ctx.prec + 1 if ctx.clamp else ctx.Emax
        while coef % 10 == 0 and exp < top:
            coef //= 10
            exp += 1
        return _mk(d._sign, coef, exp)

    reduce = normalize

    def scaleb(self, other, context=None):
        other = _convert_strict(other)
        ctx = context if context is not None else getcontext()
        n = self._check_nans(other, ctx)
        if n is not None:
            return n
        if other._special is not None or other._exp != 0:
            return self._invalid(ctx)
        k = -other._coef if other._sign else other._coef
        if self._special == 'F':
            return self
        return _finish(self._sign, self._coef, self._exp + k, ctx)

    def logb(self, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._special == 'F':
            return _inf(0)
        if self._coef == 0:
            ctx._signal([DivisionByZero])
            return _inf(1)
        return _finish_any(Decimal(self.adjusted()), ctx)

    def remainder_near(self, other, context=None):
        other = _convert_strict(other)
        ctx = context if context is not None else getcontext()
        n = self._check_nans(other, ctx)
        if n is not None:
            return n
        if self._special == 'F' or other._coef == 0 and other._special is None:
            return self._invalid(ctx, DivisionUndefined if (
                self._special is None and self._coef == 0) else
                InvalidOperation)
        if other._special == 'F':
            return _finish_any(self, ctx)
        e = min(self._exp, other._exp)
        a = self._coef * 10 ** (self._exp - e)
        b = other._coef * 10 ** (other._exp - e)
        q, r = divmod(a, b)
        if 2 * r > b or (2 * r == b and q & 1):
            r -= b
            q += 1
        if _ndigits(q) > ctx.prec:
            return self._invalid(ctx, DivisionImpossible)
        sign = self._sign
        if r < 0:
            sign = 1 - sign
            r = -r
        return _finish(sign, r, e, ctx)

    # ---- roots, exponentials and logarithms --------------------------------

    def sqrt(self, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._coef == 0 and self._special is None:
            return _finish(self._sign, 0, self._exp // 2, ctx)
        if self._sign:
            return self._invalid(ctx)
        if self._special == 'F':
            return self
        prec = ctx.prec
        ideal = self._exp // 2
        coef, exp = self._coef, self._exp
        # Even exponent, and enough digits for prec+1 result digits.
        shift = max(0, 2 * (prec + 2) - _ndigits(coef))
        if (exp - shift) % 2:
            shift += 1
        coef *= 10 ** shift
        exp -= shift
        root = _math.isqrt(coef)
        rexp = exp // 2
        if root * root == coef:
            while rexp < ideal and root % 10 == 0:
                root //= 10
                rexp += 1
        elif root % 5 == 0:
            root += 1
        ctx2 = ctx._shallow(rounding=ROUND_HALF_EVEN)
        res = _finish(0, root, rexp, ctx2)
        ctx._merge(ctx2)
        return res

    def exp(self, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._special == 'F':
            return _mk(0, 0, 0) if self._sign else _inf(0)
        if self._coef == 0:
            return _mk(0, 1, 0)
        # Results that certainly overflow/underflow are decided early.
        adj = self.adjusted()
        limit = 2.31 * (max(ctx.Emax, -ctx.Emin) + ctx.prec + 2)
        if adj > 30 or (adj >= 0 and abs(float(self)) > limit):
            if self._sign:
                return _finish(0, 1, ctx.Emin - ctx.prec - 5, ctx)
            return _overflow_result(0, ctx)
        if self._sign:
            # Tiny results would need a huge fixed-point scale; 1/exp(|x|)
            # keeps the work proportional to the precision.
            work = ctx._shallow(prec=ctx.prec + 10, Emax=MAX_EMAX,
                                Emin=MIN_EMIN)
            big = _approx(lambda w: _exp_fixed(self.copy_abs(), w), work,
                          None)
            work2 = work._shallow(prec=ctx.prec + 10)
            q = _div(_mk(0, 1, 0), big, work2)
            res = _finish(0, q._coef * 10 + 1, q._exp - 1, ctx)
            ctx._signal([Inexact, Rounded])
            return res
        return _approx(lambda w: _exp_fixed(self, w), ctx, self)

    def ln(self, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._coef == 0 and self._special is None:
            return _inf(1)
        if self._sign:
            return self._invalid(ctx)
        if self._special == 'F':
            return self
        if self._coef == 1 and self._exp == 0:
            return _mk(0, 0, 0)
        return _approx(lambda w: _ln_fixed(self, w), ctx, self)

    def log10(self, context=None):
        ctx = context if context is not None else getcontext()
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        if self._coef == 0 and self._special is None:
            return _inf(1)
        if self._sign:
            return self._invalid(ctx)
        if self._special == 'F':
            return self
        c = self._coef
        stripped = 0
        while c % 10 == 0:
            c //= 10
            stripped += 1
        if c == 1:
            return _finish_any(Decimal(self._exp + stripped), ctx)
        return _approx(lambda w: _ln_fixed(self, w) * 10 ** w
                       // _ln10_fixed(w), ctx, self)

    # ---- neighbours --------------------------------------------------------

    def _step(self, ctx, up):
        n = self._check_nans(None, ctx)
        if n is not None:
            return n
        prec, etop = ctx.prec, ctx.Emax - ctx.prec + 1
        if self._special == 'F':
            if (self._sign == 0) == up:
                return self
            return _mk(self._sign, 10 ** prec - 1, etop)
        work = ctx._shallow(rounding=ROUND_CEILING if up else ROUND_FLOOR)
        work.traps = []
        tiny = _mk(0 if up else 1, 1, ctx.Emin - prec - 1)
        return _add(self, tiny, work)

    def next_plus(self, context=None):
        return self._step(context if context is not None else getcontext(),
                          True)

    def next_minus(self, context=None):
        return self._step(context if context is not None else getcontext(),
                          False)

    def next_toward(self, other, context=None):
        other = _convert_strict(other)
        ctx = context if context is not None else getcontext()
        n = self._check_nans(other, ctx)
        if n is not None:
            return n
        c = self._cmp(other)
        if c == 0:
            return self.copy_sign(other)
        res = self._step(ctx, c < 0)
        if res._special == 'F':
            ctx._signal([Overflow, Inexact, Rounded])
        elif res.is_zero() or res.adjusted() < ctx.Emin:
            conds = [Underflow, Subnormal, Inexact, Rounded]
            if res.is_zero():
                conds.append(Clamped)
            ctx._signal(conds)
        return res

    # ---- digit-wise operations ----------------------------------------------

    def _logical_digits(self, ctx):
        if (self._special is not None or self._sign or self._exp != 0):
            return None
        t = str(self._coef)
        if t.strip('01'):
            return None
        return t.rjust(ctx.prec, '0')[-ctx.prec:]

    def _logical(self, other, context, fn):
        ctx = context if context is not None else getcontext()
        a = self._logical_digits(ctx)
        b = _convert_strict(other)._logical_digits(ctx) \
            if other is not None else a
        if a is None or b is None:
            return self._invalid(ctx)
        digits = ''.join(fn(x, y) for x, y in zip(a, b))
        return _mk(0, int(digits), 0)

    def logical_and(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if x == y == '1' else '0')

    def logical_or(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if '1' in (x, y) else '0')

    def logical_xor(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if x != y else '0')

    def logical_invert(self, context=None):
        return self._logical(None, context,
                             lambda x, y: '0' if x == '1' else '1')

    def _shift_amount(self, other, ctx):
        other = _convert_strict(other)
        n = self._check_nans(other, ctx)
        if n is not None:
            return None, n
        if (other._special is not None or other._exp != 0
                or other._coef > ctx.prec):
            return None, self._invalid(ctx)
        k = -other._coef if other._sign else other._coef
        if self._special == 'F':
            return None, self
        return k, None

    def shift(self, other, context=None):
        ctx = context if context is not None else getcontext()
        k, res = self._shift_amount(other, ctx)
        if res is not None:
            return res
        if k >= 0:
            coef = self._coef * 10 ** k % 10 ** ctx.prec
        else:
            coef = self._coef // 10 ** (-k)
        return _mk(self._sign, coef, self._exp)

    def rotate(self, other, context=None):
        ctx = context if context is not None else getcontext()
        k, res = self._shift_amount(other, ctx)
        if res is not None:
            return res
        t = str(self._coef).rjust(ctx.prec, '0')[-ctx.prec:]
        k %= ctx.prec
        t = t[k:] + t[:k]
        return _mk(self._sign, int(t), self._exp)

    def __format__(self, spec, _localeconv=None):
        return _format(self, spec)


_OPSYM = {'lt': '<', 'le': '<=', 'gt': '>', 'ge': '>='}


def _cmp_result(c, op):
    if op == 'eq':
        return c == 0
    if op == 'ne':
        return c != 0
    if op == 'lt':
        return c < 0
    if op == 'le':
        return c <= 0
    if op == 'gt':
        return c > 0
    return c >= 0


def _cmp_abs(c1, e1, c2, e2):
    a1 = e1 + _ndigits(c1)
    a2 = e2 + _ndigits(c2)
    if a1 != a2:
        return 1 if a1 > a2 else -1
    e = min(e1, e2)
    x = c1 * 10 ** (e1 - e)
    y = c2 * 10 ** (e2 - e)
    return (x > y) - (x < y)


def _cmp_total(a, b):
    """Total ordering including NaNs and exponents (IEEE totalOrder)."""
    if a._sign != b._sign:
        return -1 if a._sign else 1
    def rank(d):
        return {None: 1, 'F': 2, 'N': 3, 'n': 4}[d._special]
    ra, rb = rank(a), rank(b)
    if ra != rb:
        c = 1 if ra > rb else -1
    elif ra >= 3:
        c = (a._coef > b._coef) - (a._coef < b._coef)
    elif ra == 2:
        c = 0
    else:
        c = _cmp_abs_zero(a, b)
        if c == 0:
            c = (a._exp > b._exp) - (a._exp < b._exp)
    return -c if a._sign else c


def _cmp_abs_zero(a, b):
    if a._coef == 0 or b._coef == 0:
        return (a._coef != 0) - (b._coef != 0)
    return _cmp_abs(a._coef, a._exp, b._coef, b._exp)


def _finish_any(d, ctx):
    if d._special is not None:
        return d
    return _finish(d._sign, d._coef, d._exp, ctx)


def _convert_strict(other):
    r = _convert(other)
    if r is NotImplemented:
        raise TypeError("conversion from %s to Decimal is not supported"
                        % type(other).__name__)
    return r


def _from_tuple(t):
    if len(t) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = t
    if sign not in (0, 1) or isinstance(sign, bool) and False:
        raise ValueError("sign must be an integer with the value 0 or 1")
    digits = tuple(digits)
    for x in digits:
        if not isinstance(x, int) or not 0 <= x <= 9:
            raise ValueError("coefficient must be a tuple of digits")
    coef = int(''.join(map(str, digits))) if digits else 0
    if exp == 'F':
        return _inf(sign)
    if exp in ('n', 'N'):
        return _nan(sign, coef, exp == 'N')
    if isinstance(exp, str):
        raise ValueError("string argument in the third position must be "
                         "'F', 'n' or 'N'")
    if not isinstance(exp, int):
        raise ValueError("exponent must be an integer")
    return _mk(sign, coef, exp)


# ---- arithmetic kernels --------------------------------------------------

def _add(a, b, ctx, negate_b=False):
    n = a._check_nans(b, ctx)
    if n is not None:
        return n
    bsign = b._sign ^ 1 if negate_b else b._sign
    if a._special == 'F' or b._special == 'F':
        if a._special == 'F' and b._special == 'F' and a._sign != bsign:
            return a._invalid(ctx)
        return _inf(a._sign) if a._special == 'F' else _inf(bsign)
    ca, ea, sa = a._coef, a._exp, a._sign
    cb, eb, sb = b._coef, b._exp, bsign
    exp = min(ea, eb)
    if ca == 0 and cb == 0:
        if sa == sb:
            sign = sa
        else:
            sign = 1 if ctx.rounding == ROUND_FLOOR else 0
        return _finish(sign, 0, exp, ctx)
    if ca == 0 or cb == 0:
        # Adding a zero only changes the exponent, as far as precision allows.
        if ca == 0:
            ca, ea, sa, cb, eb, sb = cb, eb, sb, ca, ea, sa
        nd = _ndigits(ca)
        e2 = max(exp, ea - max(0, ctx.prec - nd))
        if e2 > exp:
            # The ideal exponent needed more digits than prec allows.
            ctx._signal([Rounded])
        return _finish(sa, ca * 10 ** (ea - e2) if ea > e2 else ca,
                       min(ea, e2) if ea <= e2 else e2, ctx)
    # Operands far below the rounding position only act as a sticky digit.
    if ea < eb:
        ca, ea, sa, cb, eb, sb = cb, eb, sb, ca, ea, sa
    adj_a = ea + _ndigits(ca) - 1
    k = min(ea, adj_a - ctx.prec) - 2
    if eb + _ndigits(cb) - 1 < k:
        cb, eb = 1, k
    exp = min(ea, eb)
    va = ca * 10 ** (ea - exp)
    vb = cb * 10 ** (eb - exp)
    if sa:
        va = -va
    if sb:
        vb = -vb
    s = va + vb
    if s == 0:
        return _finish(1 if ctx.rounding == ROUND_FLOOR else 0, 0, exp, ctx)
    return _finish(1 if s < 0 else 0, abs(s), exp, ctx)


def _mul(a, b, ctx):
    n = a._check_nans(b, ctx)
    if n is not None:
        return n
    sign = a._sign ^ b._sign
    if a._special == 'F' or b._special == 'F':
        if a.is_zero() or b.is_zero():
            return a._invalid(ctx)
        return _inf(sign)
    return _finish(sign, a._coef * b._coef, a._exp + b._exp, ctx)


def _div(a, b, ctx):
    n = a._check_nans(b, ctx)
    if n is not None:
        return n
    sign = a._sign ^ b._sign
    if a._special == 'F':
        if b._special == 'F':
            return a._invalid(ctx)
        return _inf(sign)
    if b._special == 'F':
        ctx._signal([Clamped])
        return _mk(sign, 0, ctx.Emin - ctx.prec + 1)
    if b._coef == 0:
        if a._coef == 0:
            return a._invalid(ctx, DivisionUndefined)
        ctx._signal([DivisionByZero])
        return _inf(sign)
    ideal = a._exp - b._exp
    if a._coef == 0:
        return _finish(sign, 0, ideal, ctx)
    ca, cb = a._coef, b._coef
    shift = _ndigits(cb) - _ndigits(ca) + ctx.prec + 1
    if shift >= 0:
        q, r = divmod(ca * 10 ** shift, cb)
    else:
        q, r = divmod(ca, cb * 10 ** (-shift))
    exp = ideal - shift
    if r:
        if q % 5 == 0:
            q += 1
    else:
        while exp < ideal and q % 10 == 0:
            q //= 10
            exp += 1
    return _finish(sign, q, exp, ctx)


def _divmod(a, b, ctx, which=None):
    n = a._check_nans(b, ctx)
    if n is not None:
        return n if which else (n, n)
    sign = a._sign ^ b._sign
    if a._special == 'F':
        r = a._invalid(ctx)
        return r if which else (r, r)
    if b._special == 'F':
        q = _mk(sign, 0, 0)
        r = _finish_any(a, ctx)
        return q if which == 'q' else r if which == 'r' else (q, r)
    if b._coef == 0:
        if a._coef == 0:
            r = a._invalid(ctx, DivisionUndefined)
            return r if which else (r, r)
        if which == 'r':
            return a._invalid(ctx)
        ctx._signal([DivisionByZero] if which == 'q'
                    else [DivisionByZero, InvalidOperation])
        q = _inf(sign)
        return q if which == 'q' else (q, _nan())
    e = min(a._exp, b._exp)
    if a._coef == 0 or a.adjusted() < b.adjusted() - 1:
        q, r = 0, a._coef * 10 ** (a._exp - e)
    elif a.adjusted() - b.adjusted() > ctx.prec:
        r = a._invalid(ctx, DivisionImpossible)
        return r if which else (r, r)
    else:
        va = a._coef * 10 ** (a._exp - e)
        vb = b._coef * 10 ** (b._exp - e)
        q, r = divmod(va, vb)
    if _ndigits(q) > ctx.prec:
        r = a._invalid(ctx, DivisionImpossible)
        return r if which else (r, r)
    if which == 'r':
        return _finish(a._sign, r, e, ctx)
    qd = _finish(sign, q, 0, ctx)
    if which == 'q':
        return qd
    rd = _finish(a._sign, r, e, ctx)
    if which == 'r':
        return rd
    return qd, rd


def _pow(a, b, ctx):
    n = a._check_nans(b, ctx)
    if n is not None:
        return n
    if b._special is None and b._exp < 0 and b._exp > -40 and \
            b._coef % 10 ** (-b._exp) == 0:
        b = _mk(b._sign, b._coef // 10 ** (-b._exp), 0)
    if b._special is None and b._exp >= 0 and (b._exp < 20 or b._coef == 0):
        k = b._coef * 10 ** b._exp
        if b._sign:
            k = -k
        return _int_pow(a, k, ctx)
    # Non-integral exponent.
    if b._special == 'F':
        if a._special is None and a._coef == 0:
            return _inf(0) if b._sign else _mk(0, 0, 0)
        c = a.copy_abs()._cmp(_mk(0, 1, 0))
        if a._sign and a._special is None and c != 0:
            return a._invalid(ctx)
        if c == 0:
            return _approx_one(ctx)
        big = (c > 0) != bool(b._sign)
        return _inf(0) if big else _mk(0, 0, 0)
    if a._sign and not a.is_zero():
        return a._invalid(ctx)
    if a._special == 'F':
        return _mk(0, 0, 0) if b._sign else _inf(0)
    if a._coef == 0:
        if b._sign:
            return _inf(0)
        return _mk(0, 0, 0)
    if a._coef == 1 and a._exp == 0:
        return _approx_one(ctx)
    return _approx(lambda w: _exp_of_fixed(_tdiv(
        _ln_fixed(a, w + 5) * _to_fixed(b, w + 5), 10 ** (w + 5)), w + 5)
        // 10 ** 5, ctx, None)


def _approx_one(ctx):
    ctx._signal([Inexact, Rounded])
    return _mk(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)


def _int_pow(a, k, ctx):
    sign = a._sign if k & 1 else 0
    if a._special == 'F':
        if k == 0:
            return _mk(0, 1, 0)
        return _mk(sign, 0, 0) if k < 0 else _inf(sign)
    if a._coef == 0:
        if k == 0:
            return a._invalid(ctx)
        if k < 0:
            return _inf(sign)
        return _mk(sign, 0, 0)
    if k == 0:
        return _mk(0, 1, 0)
    m = abs(k)
    nd = _ndigits(a._coef)
    # Decide hopeless magnitudes before computing huge integers.
    approx_adj = (a.adjusted() + (0.5 if nd > 1 else 0)) * m
    if k > 0 and approx_adj > ctx.Emax + 1 and a.adjusted() >= 0:
        return _overflow_result(sign, ctx)
    if k < -1 and approx_adj > -ctx.Emin + ctx.prec + 2 and a.adjusted() >= 0:
        return _power_flush(sign, ctx)
    if nd * m <= 4 * ctx.prec + 2000:
        coef = a._coef ** m
        exp = a._exp * m
        if k > 0:
            return _finish(sign, coef, exp, ctx)
        return _div(_mk(0, 1, 0), _mk(sign, coef, exp), ctx)
    # Huge powers: repeated squaring at extended precision.
    work = ctx._shallow(prec=ctx.prec + len(str(m)) + 10, traps=[],
                        Emax=MAX_EMAX, Emin=MIN_EMIN)
    base = _mk(0, a._coef, a._exp)
    acc = _mk(0, 1, 0)
    while m:
        if m & 1:
            acc = _mul(acc, base, work)
        m >>= 1
        if m:
            base = _mul(base, base, work)
    if k < 0:
        acc = _div(_mk(0, 1, 0), acc, work)
    res = _finish(sign, acc._coef, acc._exp, ctx)
    if res._special is None:
        ctx._signal([Inexact, Rounded])
    return res


def _power_flush(sign, ctx):
    ctx._signal([Underflow, Subnormal, Inexact, Rounded, Clamped])
    return _mk(sign, 0, ctx.Emin - ctx.prec + 1)


def _powmod(a, b, m, ctx):
    for x in (a, b, m):
        if x._special is not None or x._exp < 0 and x._coef % 10 ** (
                -x._exp):
            return a._invalid(ctx)
    ai, bi, mi = int(a), int(b), int(m)
    if bi < 0 or mi == 0:
        return a._invalid(ctx)
    r = pow(abs(ai), bi, abs(mi))
    sign = 1 if ai < 0 and bi & 1 else 0
    return _finish(sign, r, 0, ctx)


# ---- transcendental helpers (fixed point with w fractional digits) -------

def _to_fixed(d, w):
    v = d._coef * 10 ** (d._exp + w) if d._exp + w >= 0 else \
        d._coef // 10 ** (-(d._exp + w))
    return -v if d._sign else v


def _tdiv(a, b):
    # Truncating division, so series terms of either sign shrink to 0.
    return -((-a) // b) if a < 0 else a // b


def _exp_of_fixed(x, w):
    """exp(x / 10**w) * 10**w."""
    one = 10 ** w
    # Halve the argument until it is small, then square back up.
    k = 0
    while abs(x) > one // 1000:
        x = _tdiv(x, 2)
        k += 1
    g = w + k // 3 + 10
    xs = x * 10 ** (g - w)
    one_g = 10 ** g
    term = one_g
    total = one_g
    i = 1
    while term:
        term = _tdiv(term * xs, one_g * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // one_g
    return total // 10 ** (g - w)


def _exp_fixed(d, w):
    return _exp_of_fixed(_to_fixed(d, w + 5), w + 5) // 10 ** 5


def _ln10_fixed(w):
    return _ln_small(10 * 10 ** (w + 5), w + 5) // 10 ** 5


def _ln_small(x, w):
    """ln(x / 10**w) * 10**w for x/10**w in a moderate range."""
    one = 10 ** w
    # Bring the argument close to 1 by square roots so atanh converges fast.
    k = 0
    while abs(x - one) > one // 100:
        x = _math.isqrt(x * one)
        k += 1
    t = _tdiv((x - one) * one, x + one)
    t2 = t * t // one
    total = 0
    term = t
    i = 1
    while term:
        total += _tdiv(term, i)
        term = _tdiv(term * t2, one)
        i += 2
    return 2 * total * (1 << k)


def _ln_fixed(d, w):
    """ln(d) * 10**w for finite positive d."""
    g = w + 10
    nd = _ndigits(d._coef)
    # d = m * 10**e with m in [0.1, 1).
    e = d._exp + nd
    m = d._coef * 10 ** g // 10 ** nd if nd <= g else \
        d._coef // 10 ** (nd - g)
    r = _ln_small(m, g)
    if e:
        r += e * _ln_small(10 * 10 ** g, g)
    return r // 10 ** 10


def _approx(fn, ctx, arg):
    """Round fn(w) (a fixed-point value) correctly-enough to ctx."""
    w = ctx.prec + 12
    while True:
        v = fn(w)
        if v != 0 or w > ctx.prec + 200:
            break
        w += 40
    # Enough significant digits: widen when the value is tiny.
    nd = _ndigits(abs(v)) if v else 0
    if nd < ctx.prec + 8:
        w += ctx.prec + 8 - nd
        v = fn(w)
    sign = 1 if v < 0 else 0
    v = abs(v)
    # Sticky digit so the truncated tail is never mistaken for exactness.
    v = v * 10 + 1
    ctx2 = ctx._shallow(rounding=ROUND_HALF_EVEN)
    res = _finish(sign, v, -w - 1, ctx2)
    ctx._merge(ctx2)
    return res


# ---- formatting -----------------------------------------------------------

def _parse_spec(spec):
    i = 0
    n = len(spec)
    fill, align = ' ', None
    if n >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    zcoerce = False
    if i < n and spec[i] == 'z':
        zcoerce = True
        i += 1
    alt = False
    if i < n and spec[i] == '#':
        alt = True
        i += 1
    zeropad = False
    if i < n and spec[i] == '0':
        zeropad = True
        i += 1
    j = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[j:i]) if i > j else None
    grouping = ''
    if i < n and spec[i] == ',':
        grouping = spec[i]
        i += 1
    prec = None
    if i < n and spec[i] == '.':
        i += 1
        j = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == j:
            raise ValueError("Invalid format specifier")
        prec = int(spec[j:i])
    typ = None
    if i < n:
        typ = spec[i]
        i += 1
    if i != n or (typ is not None and typ not in 'eEfFgGn%'):
        raise ValueError("invalid format string")
    if zeropad and align is None:
        fill, align = '0', '='
    if align is None:
        align = '>'
    if typ == 'n' and grouping:
        raise ValueError("invalid format string")
    return fill, align, sign, zcoerce, alt, width, grouping, prec, typ, \
        zeropad


def _format(d, spec):
    fill, align, sgn, zcoerce, alt, width, grouping, prec, typ, zpad = \
        _parse_spec(spec)
    ctx = getcontext()
    if typ is None:
        typ = 'G' if ctx.capitals else 'g'
        plain_type = True
    else:
        plain_type = False
    if typ == 'n':
        typ = 'g'
    sign = d._sign
    if d._special is not None:
        if d._special == 'F':
            body = 'Infinity'
        else:
            body = ('sNaN' if d._special == 'N' else 'NaN') + (
                str(d._coef) if d._coef else '')
        if typ == '%':
            body += '%'
        if zpad and fill == '0' and align == '=':
            fill, align = ' ', '>'
        return _pad(_sign_str(sign, sgn), body, '', fill, align, width,
                    '', False)
    if typ == '%':
        d = _mk(d._sign, d._coef, d._exp + 2)
    coef, exp = d._coef, d._exp
    mode = ctx.rounding
    if prec is not None:
        if typ in 'eE':
            target = exp + _ndigits(coef) - 1 - prec if coef else exp
            if coef:
                coef, exp = _requant(sign, coef, exp, target, mode)
                if _ndigits(coef) > prec + 1:
                    coef //= 10
                    exp += 1
        elif typ in 'fF%':
            coef, exp = _requant(sign, coef, exp, -prec, mode)
        else:
            p = prec or 1
            if coef and _ndigits(coef) > p:
                target = exp + _ndigits(coef) - p
                coef, exp = _requant(sign, coef, exp, target, mode)
                if _ndigits(coef) > p:
                    coef //= 10
                    exp += 1
    if zcoerce and coef == 0:
        sign = 0
    if coef == 0 and exp > 0 and typ in 'fF%':
        exp = 0
    digits = str(coef)
    left = exp + len(digits)
    if typ in 'eE':
        if coef == 0 and prec is not None:
            dot = 1 - prec
        else:
            dot = 1
    elif typ in 'fF%':
        dot = left
    else:
        if exp <= 0 and left > -6:
            dot = left
        else:
            dot = 1
    if dot <= 0:
        ip = '0'
        fp = '0' * (-dot) + digits
    elif dot >= len(digits):
        ip = digits + '0' * (dot - len(digits))
        fp = ''
    else:
        ip = digits[:dot]
        fp = digits[dot:]
    if fp or alt:
        fp = '.' + fp
    if left == dot and typ not in 'eE':
        es = ''
    else:
        if typ in 'EG':
            ech = 'E'
        else:
            ech = 'e'
        if plain_type:
            ech = 'E' if ctx.capitals else 'e'
        es = ech + '%+d' % (left - dot)
    if typ == '%':
        es += '%'
    return _pad(_sign_str(sign, sgn), ip, fp + es, fill, align, width,
                grouping, fill == '0' and align == '=')


def _requant(sign, coef, exp, target, mode):
    if target <= exp:
        return coef * 10 ** (exp - target), target
    c, _ = _round_int(coef, target - exp, mode, sign)
    return c, target


def _sign_str(sign, sgn):
    if sign:
        return '-'
    if sgn == '+':
        return '+'
    if sgn == ' ':
        return ' '
    return ''


def _group(ip, sep, minwidth):
    if not sep:
        if len(ip) < minwidth:
            ip = '0' * (minwidth - len(ip)) + ip
        return ip
    groups = []
    rest = ip
    total = 0
    while True:
        g = rest[-3:]
        rest = rest[:-3]
        if not rest and total + len(g) < minwidth:
            # Zero padding extends into (and through) further groups.
            need = minwidth - total
            g = g.rjust(min(3, need), '0')
        groups.append(g)
        total += len(g)
        if rest:
            total += 1
            continue
        if total < minwidth:
            total += 1
            rest = '0' * min(3, minwidth - total) if minwidth - total > 0 \
                else ''
            if not rest:
                # A lone separator would lead; use a zero group instead.
                rest = '0'
            continue
        break
    return sep.join(reversed(groups))


def _pad(signs, ip, tail, fill, align, width, grouping, zeropad):
    if zeropad and width:
        minw = width - len(signs) - len(tail)
        ip = _group(ip, grouping, max(minw, 0))
    elif grouping:
        ip = _group(ip, grouping, 0)
    body = ip + tail
    w = width or 0
    total = len(signs) + len(body)
    if total >= w:
        return signs + body
    padn = w - total
    if align == '<':
        return signs + body + fill * padn
    if align == '^':
        lp = padn // 2
        return fill * lp + signs + body + fill * (padn - lp)
    if align == '=':
        return signs + fill * padn + body
    return fill * padn + signs + body


# ---- contexts --------------------------------------------------------------

class Context(object):
    """Arithmetic context: precision, rounding, exponent limits, signals."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None,
                 _ignored_flags=None):
        dc = _default_template
        object.__setattr__(self, '_ready', False)
        self.prec = prec if prec is not None else dc[0]
        self.rounding = rounding if rounding is not None else dc[1]
        self.Emin = Emin if Emin is not None else dc[2]
        self.Emax = Emax if Emax is not None else dc[3]
        self.capitals = capitals if capitals is not None else dc[4]
        self.clamp = clamp if clamp is not None else dc[5]
        if traps is None:
            traps = dc[6]
        if flags is None:
            flags = []
        object.__setattr__(self, 'traps', _mkflags(traps))
        object.__setattr__(self, 'flags', _mkflags(flags))
        object.__setattr__(self, '_ready', True)

    def __setattr__(self, name, value):
        if name == 'prec':
            _check_int(value, 1, MAX_PREC, 'prec')
        elif name == 'Emin':
            _check_int(value, MIN_EMIN, 0, 'Emin')
        elif name == 'Emax':
            _check_int(value, 0, MAX_EMAX, 'Emax', 'MAX_EMAX')
        elif name == 'capitals':
            _check_int(value, 0, 1, 'capitals')
        elif name == 'clamp':
            _check_int(value, 0, 1, 'clamp')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n"
                                "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, "
                                "ROUND_DOWN,\n   ROUND_HALF_UP, "
                                "ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                                "   ROUND_05UP]")
        elif name in ('flags', 'traps'):
            value = _mkflags(value)
        else:
            raise AttributeError("'decimal.Context' object has no "
                                 "attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError("context attributes cannot be deleted")

    def _signal(self, conds):
        trapped = []
        for c in conds:
            s = _signal_of(c)
            if s is InvalidOperation:
                old = self.__dict__.get('_inv_rank') or 1 << 20
                object.__setattr__(self, '_inv_rank',
                                   min(old, _INVALID_RANK[c]))
            self.flags[s] = True
            if self.traps[s]:
                trapped.append(c)
        if trapped:
            sigs = [_signal_of(c) for c in trapped]
            for s in _SIGNALS:
                if s in sigs:
                    cls = s
                    break
            order = ([c for c in _CONDITIONS if c in trapped]
                     + [s for s in _SIGNALS if s in trapped])
            raise cls(order)

    def _signal_flag(self, sig):
        self.flags[sig] = True

    def _shallow(self, **kw):
        c = Context(self.prec, self.rounding, self.Emin, self.Emax,
                    self.capitals, self.clamp, [], [])
        for k, v in kw.items():
            setattr(c, k, v)
        return c

    def _merge(self, other):
        self._signal([s for s in _SIGNALS if other.flags[s]])

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax,
                       self.capitals, self.clamp, dict(self.flags),
                       dict(self.traps))

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self.prec, self.rounding, self.Emin, self.Emax,
                          self.capitals, self.clamp,
                          [s for s in _SIGNALS if self.flags[s]],
                          [s for s in _SIGNALS if self.traps[s]]))

    def __repr__(self):
        inv = self.__dict__.get('_inv_rank') or 2
        fl = _repr_signals(self.flags, inv)
        tr = _repr_signals(self.traps, 2)
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, '
                'capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self.prec, self.rounding, self.Emin, self.Emax,
                   self.capitals, self.clamp, fl, tr))

    def clear_flags(self):
        object.__setattr__(self, '_inv_rank', None)
        for s in _SIGNALS:
            self.flags[s] = False

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def radix(self):
        return Decimal(10)

    def create_decimal(self, num='0'):
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            self._signal([ConversionSyntax])
            return _nan()
        d = Decimal(num, self) if not isinstance(num, float) else \
            _from_float(num)
        if d._special is not None:
            if d.is_nan():
                return _nan(d._sign, d._fix_payload(self),
                            d._special == 'N')
            return d
        return _finish(d._sign, d._coef, d._exp, self)

    def create_decimal_from_float(self, f):
        return self.create_decimal(Decimal.from_float(f))

    def _d(self, x):
        if isinstance(x, Decimal):
            return x
        if isinstance(x, int):
            return Decimal(x)
        raise TypeError("conversion from %s to Decimal is not supported"
                        % type(x).__name__)

    def abs(self, a):
        return self._d(a).__abs__(context=self)

    def add(self, a, b):
        return _add(self._d(a), self._d(b), self)

    def subtract(self, a, b):
        return _add(self._d(a), self._d(b), self, True)

    def multiply(self, a, b):
        return _mul(self._d(a), self._d(b), self)

    def divide(self, a, b):
        return _div(self._d(a), self._d(b), self)

    def divide_int(self, a, b):
        return _divmod(self._d(a), self._d(b), self, 'q')

    def divmod(self, a, b):
        return _divmod(self._d(a), self._d(b), self)

    def remainder(self, a, b):
        return _divmod(self._d(a), self._d(b), self, 'r')

    def remainder_near(self, a, b):
        return self._d(a).remainder_near(b, context=self)

    def power(self, a, b, modulo=None):
        return self._d(a).__pow__(self._d(b), modulo, context=self)

    def plus(self, a):
        return self._d(a).__pos__(context=self)

    def minus(self, a):
        return self._d(a).__neg__(context=self)

    def fma(self, a, b, c):
        return self._d(a).fma(b, c, context=self)

    def to_sci_string(self, a):
        return self._d(a)._sci(False, self.capitals)

    def to_eng_string(self, a):
        return self._d(a)._sci(True, self.capitals)

    def to_integral_exact(self, a):
        return self._d(a).to_integral_exact(context=self)

    def to_integral_value(self, a):
        return self._d(a).to_integral_value(context=self)

    to_integral = to_integral_value

    def is_normal(self, a):
        return self._d(a).is_normal(self)

    def is_subnormal(self, a):
        return self._d(a).is_subnormal(self)

    def number_class(self, a):
        return self._d(a).number_class(self)

    def same_quantum(self, a, b):
        return self._d(a).same_quantum(b)

    def copy_decimal(self, a):
        return self._d(a)

    def __getattr__(self, name):
        # Most one- and two-operand context methods mirror Decimal methods.
        if name.startswith('_') or not hasattr(Decimal, name):
            raise AttributeError("'decimal.Context' object has no "
                                 "attribute '%s'" % name)
        meth = getattr(Decimal, name)

        def call(a, *args):
            d = self._d(a)
            try:
                return meth(d, *args, context=self)
            except TypeError as e:
                if 'context' not in str(e):
                    raise
                return meth(d, *args)
        call.__name__ = name
        return call


def _repr_signals(d, inv_rank):
    items = [(_REPR_RANK.get(s, inv_rank), s.__name__) for s in _SIGNALS
             if d[s]]
    items.sort()
    return ', '.join(name for _, name in items)


def _check_int(v, lo, hi, name, hi_name=None):
    if not isinstance(v, int):
        raise TypeError("an integer is required")
    if not lo <= v <= hi:
        if name in ('capitals', 'clamp'):
            raise ValueError("valid values for %s are 0 or 1" % name)
        raise ValueError("valid range for %s is [%s, %s]"
                         % (name, 'MIN_EMIN' if lo == MIN_EMIN else lo,
                            hi_name or ('MAX_PREC' if hi == MAX_PREC
                                        else hi)))


class _SignalDict(dict):
    def __repr__(self):
        return '{' + ', '.join('%r:%r' % kv for kv in self.items()) + '}'

    def copy(self):
        return _SignalDict(self)


_SIG_MSG = ("valid values for signals are:\n  [InvalidOperation, "
            "FloatOperation, DivisionByZero,\n   Overflow, Underflow, "
            "Subnormal, Inexact, Rounded,\n   Clamped]")


def _mkflags(v):
    d = _SignalDict((s, False) for s in _SIGNALS)
    if isinstance(v, dict):
        for k, val in v.items():
            if k not in d:
                raise KeyError(_SIG_MSG)
            d[k] = bool(val)
    else:
        for k in v:
            if k not in d:
                raise KeyError(_SIG_MSG)
            d[k] = True
    return d


_default_template = (28, ROUND_HALF_EVEN, -999999, 999999, 1, 0,
                     [InvalidOperation, DivisionByZero, Overflow])

DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[InvalidOperation, DivisionByZero, Overflow,
                              Underflow, Clamped])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

try:
    from _thread import _local as _Local
except ImportError:
    class _Local(object):
        pass

_tls = _Local()


def getcontext():
    """Return the current thread's context (created from DefaultContext)."""
    try:
        return _tls.context
    except AttributeError:
        c = DefaultContext.copy()
        c.clear_flags()
        _tls.context = c
        return c


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _tls.context = context


class _ContextManager(object):
    def __init__(self, ctx):
        self.new_context = ctx

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *exc):
        setcontext(self.saved_context)
        return False


def localcontext(ctx=None, **kwargs):
    """Context manager running its block with a copy of a context."""
    if ctx is None:
        ctx = getcontext()
    c = ctx.copy()
    for k, v in kwargs.items():
        if k not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals',
                     'clamp', 'flags', 'traps'):
            raise TypeError("this function got an unexpected keyword "
                            "argument '%s'" % k)
        setattr(c, k, v)
    return _ContextManager(c)


_numbers.Number.register(Decimal)
