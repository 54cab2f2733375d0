"""Rational numbers: the Fraction type."""

import math
import numbers
import operator
import sys

__all__ = ["Fraction"]

_PyHASH_MODULUS = sys.hash_info.modulus
_PyHASH_INF = sys.hash_info.inf


def _hash_algorithm(numerator, denominator):
    # Numeric hash of n/d: n * d^-1 modulo the hash prime; a denominator
    # divisible by the prime has no inverse and hashes like infinity.
    try:
        dinv = pow(denominator, -1, _PyHASH_MODULUS)
    except ValueError:
        hash_ = _PyHASH_INF
    else:
        hash_ = hash(hash(abs(numerator)) * dinv)
    result = hash_ if numerator >= 0 else -hash_
    return -2 if result == -1 else result


def _parse_digits(s):
    # Digits with single underscores between them.
    if not s or s[0] == "_" or s[-1] == "_" or "__" in s:
        return None
    t = s.replace("_", "")
    if not t.isdigit() or not t.isascii():
        return None
    return int(t)


def _parse_fraction_string(text):
    s = text.strip()
    sign = 1
    if s[:1] in ("+", "-"):
        if s[0] == "-":
            sign = -1
        s = s[1:]
    if "/" in s:
        num_s, _, den_s = s.partition("/")
        num = _parse_digits(num_s)
        den = _parse_digits(den_s)
        if num is None or den is None:
            return None
        return sign * num, den
    exp = 0
    low = s.lower()
    if "e" in low:
        idx = low.index("e")
        mant, exp_s = s[:idx], s[idx + 1:]
        esign = 1
        if exp_s[:1] in ("+", "-"):
            if exp_s[0] == "-":
                esign = -1
            exp_s = exp_s[1:]
        e = _parse_digits(exp_s)
        if e is None:
            return None
        exp = esign * e
    else:
        mant = s
    intpart, dot, frac = mant.partition(".")
    if not intpart and not frac:
        return None
    num = _parse_digits(intpart) if intpart else 0
    if num is None:
        return None
    den = 1
    if frac:
        f = _parse_digits(frac)
        if f is None:
            return None
        scale = 10 ** len(frac.replace("_", ""))
        num = num * scale + f
        den = scale
    elif dot and not intpart:
        return None
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction(numbers.Rational):
    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif isinstance(numerator, (float,)) or (
                    type(numerator).__name__ == "Decimal"):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            elif isinstance(numerator, str):
                parsed = _parse_fraction_string(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational "
                                "instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif (isinstance(numerator, numbers.Rational) and
              isinstance(denominator, numbers.Rational)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        numerator //= g
        denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator):
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    @classmethod
    def from_float(cls, f):
        if isinstance(f, numbers.Integral):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, numbers.Integral):
            dec = int(dec)
            return cls(dec)
        if type(dec).__name__ != "Decimal":
            raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)" %
                            (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    def is_integer(self):
        return self._denominator == 1

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued-fraction convergents until the next one would
        # exceed the bound, then pick the closer of it and the best
        # semiconvergent.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # -------------------------------------------------------- formatting

    def __format__(self, format_spec, /):
        spec = _parse_spec(format_spec, self)
        fill, align, sign, zcoerce, alt, zero, width, grouping, prec, ptype = spec
        if not ptype:
            if prec is not None or zero:
                raise ValueError("Invalid format specifier %r for object of "
                                 "type %r" % (format_spec, type(self).__name__))
            body = str(abs(self))
            neg = self._numerator < 0
            sign_s = "-" if neg else ("+" if sign == "+" else
                                      (" " if sign == " " else ""))
            return _pad(sign_s, body, fill or " ", align or ">", width)
        n, d = self._numerator, self._denominator
        neg = n < 0
        n = abs(n)
        if prec is None:
            prec = 6
        if ptype in "fF%":
            if ptype == "%":
                n *= 100
            digits = _round_div(n * 10 ** prec, d)
            body = _fixed(digits, prec, alt, grouping)
            if ptype == "%":
                body += "%"
            is_zero = digits == 0
        elif ptype in "eE":
            digits, exp = _sig_digits(n, d, prec + 1)
            if n == 0:
                digits = 0
            body = _sci(digits, exp, prec, alt, ptype, grouping)
            is_zero = n == 0
        else:  # g/G
            p = prec or 1
            if n == 0:
                digits, exp = 0, 0
            else:
                digits, exp = _sig_digits(n, d, p)
            if -4 <= exp < p:
                decimals = p - 1 - exp
                body = _fixed(digits, decimals, alt, grouping, strip=not alt)
            else:
                body = _sci(digits, exp, p - 1, alt, "e" if ptype == "g" else "E",
                            grouping, strip=not alt)
            is_zero = n == 0
        if neg and is_zero and zcoerce:
            neg = False
        sign_s = "-" if neg else ("+" if sign == "+" else
                                  (" " if sign == " " else ""))
        if zero and not align:
            fill, align = "0", "="
        if fill == "0" and align == "=" and grouping:
            return sign_s + _zero_pad_grouped(body, width - len(sign_s), grouping)
        return _pad(sign_s, body, fill or " ", align or ">", width)

    # -------------------------------------------------------- arithmetic

    def _operator_fallbacks(monomorphic_operator, fallback_operator, name):
        def forward(a, b):
            if isinstance(b, Fraction):
                return monomorphic_operator(a, b)
            elif isinstance(b, int):
                return monomorphic_operator(a, Fraction._from_coprime_ints(b, 1))
            elif isinstance(b, float):
                return fallback_operator(float(a), b)
            elif isinstance(b, complex):
                return fallback_operator(complex(a), b)
            else:
                return NotImplemented
        forward.__name__ = "__" + name + "__"

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return monomorphic_operator(Fraction(a), b)
            elif isinstance(a, numbers.Real):
                return fallback_operator(float(a), float(b))
            elif isinstance(a, numbers.Complex):
                return fallback_operator(complex(a), complex(b))
            else:
                return NotImplemented
        reverse.__name__ = "__r" + name + "__"
        return forward, reverse

    def _add(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        return Fraction(na * db + nb * da, da * db)

    __add__, __radd__ = _operator_fallbacks(_add, operator.add, "add")

    def _sub(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        return Fraction(na * db - nb * da, da * db)

    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub, "sub")

    def _mul(a, b):
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul, "mul")

    def _div(a, b):
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % (a._numerator * db))
        return Fraction(a._numerator * db, a._denominator * nb)

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv, "truediv")

    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv, operator.floordiv,
                                                      "floordiv")

    def _divmod(a, b):
        da, db = a._denominator, b._denominator
        div, n_mod = divmod(a._numerator * db, da * b._numerator)
        return div, Fraction(n_mod, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod, "divmod")

    def _mod(a, b):
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod, "mod")

    def __pow__(a, b, modulo=None):
        if modulo is not None:
            return NotImplemented
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                elif a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                elif a._numerator == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" %
                                            a._denominator ** -power)
                else:
                    return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                       (-a._numerator) ** -power)
            return float(a) ** float(b)
        elif isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a, modulo=None):
        if modulo is not None:
            return NotImplemented
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            elif remainder * 2 > d:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        return _hash_algorithm(self._numerator, self._denominator)

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


# ------------------------------------------------------------ format helpers

def _parse_spec(spec, obj):
    def bad():
        return ValueError("Invalid format specifier %r for object of type %r"
                          % (spec, type(obj).__name__))
    i = 0
    n = len(spec)
    fill = align = ""
    if n >= 2 and spec[1] in "<>=^":
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in "<>=^":
        align = spec[0]
        i = 1
    sign = ""
    if i < n and spec[i] in "+- ":
        sign = spec[i]
        i += 1
    zcoerce = False
    if i < n and spec[i] == "z":
        zcoerce = True
        i += 1
    alt = False
    if i < n and spec[i] == "#":
        alt = True
        i += 1
    zero = False
    if i < n and spec[i] == "0":
        zero = True
        i += 1
    j = i
    while j < n and spec[j].isdigit():
        j += 1
    width = int(spec[i:j]) if j > i else 0
    i = j
    grouping = ""
    if i < n and spec[i] in ",_":
        grouping = spec[i]
        i += 1
    prec = None
    if i < n and spec[i] == ".":
        j = i + 1
        while j < n and spec[j].isdigit():
            j += 1
        if j == i + 1:
            raise bad()
        prec = int(spec[i + 1:j])
        i = j
    ptype = spec[i:]
    if ptype and ptype not in ("e", "E", "f", "F", "g", "G", "%"):
        raise bad()
    if not ptype and (zcoerce or alt or grouping):
        raise bad()
    return fill, align, sign, zcoerce, alt, zero, width, grouping, prec, ptype


def _round_div(n, d):
    q, r = divmod(n, d)
    if 2 * r > d or (2 * r == d and q % 2):
        q += 1
    return q


def _sig_digits(n, d, figures):
    """Round n/d (> 0) to `figures` significant digits.

    Returns (digits, exp) with 10**(figures-1) <= digits < 10**figures and
    n/d ~= digits * 10**(exp - figures + 1).
    """
    if n == 0:
        return 10 ** (figures - 1), 0
    exp = len(str(n)) - len(str(d))
    if n * 10 ** max(0, -exp) < d * 10 ** max(0, exp):
        exp -= 1
    shift = figures - 1 - exp
    if shift >= 0:
        digits = _round_div(n * 10 ** shift, d)
    else:
        digits = _round_div(n, d * 10 ** -shift)
    if digits >= 10 ** figures:
        digits //= 10
        exp += 1
    return digits, exp


def _group(intpart, grouping):
    if not grouping:
        return intpart
    out = []
    while len(intpart) > 3:
        out.append(intpart[-3:])
        intpart = intpart[:-3]
    out.append(intpart)
    return grouping.join(reversed(out))


def _fixed(digits, decimals, alt, grouping, strip=False):
    s = str(digits).rjust(decimals + 1, "0")
    if decimals > 0:
        intpart, frac = s[:-decimals], s[-decimals:]
    else:
        intpart, frac = s, ""
    if strip:
        frac = frac.rstrip("0")
    intpart = _group(intpart, grouping)
    if frac or alt:
        return intpart + "." + frac
    return intpart


def _sci(digits, exp, decimals, alt, letter, grouping, strip=False):
    s = str(digits).rjust(decimals + 1, "0")
    head, frac = s[0], s[1:]
    if strip:
        frac = frac.rstrip("0")
    mant = head + ("." + frac if frac or alt else "")
    return "%s%s%+03d" % (mant, letter, exp)


def _pad(sign, body, fill, align, width):
    total = len(sign) + len(body)
    if total >= width:
        return sign + body
    pad = width - total
    if align == "<":
        return sign + body + fill * pad
    if align == "^":
        left = pad // 2
        return fill * left + sign + body + fill * (pad - left)
    if align == "=":
        return sign + fill * pad + body
    return fill * pad + sign + body


def _zero_pad_grouped(body, width, grouping):
    intpart, dot, rest = body.partition(".")
    digits = intpart.replace(grouping, "")
    tail = dot + rest
    while True:
        g = _group(digits, grouping)
        if len(g) + len(tail) >= width:
            return g + tail
        digits = "0" + digits
