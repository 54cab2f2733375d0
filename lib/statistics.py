"""Basic statistics for numeric data (Krait implementation)."""

__all__ = [
    'NormalDist', 'StatisticsError', 'correlation', 'covariance', 'fmean',
    'geometric_mean', 'harmonic_mean', 'kde', 'kde_random',
    'linear_regression', 'mean',
    'median', 'median_grouped', 'median_high', 'median_low', 'mode',
    'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance',
]

import math
import numbers
import random
import sys
from fractions import Fraction
from decimal import Decimal
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple


class StatisticsError(ValueError):
    pass


def _as_ratio(x):
    # Exact (numerator, denominator); denominator None flags inf/nan so
    # callers can fall back to float arithmetic.
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


def _coerce(T, S):
    # Mirrors the promotion rules: bool < int < (Fraction|float|Decimal),
    # Fraction < float; float and Decimal do not mix.
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    # CPython reduces over a set of types, so the order of the two names is
    # whatever its set yields; this fixed ranking reproduces it in practice.
    rank = {'Fraction': 0, 'Decimal': 1, 'float': 2}
    a, b = sorted((T.__name__, S.__name__), key=lambda name: rank.get(name, 3))
    raise TypeError(f"don't know how to coerce {a} and {b}")


def _sum(data):
    # Exact sum: returns (type, Fraction-or-special total, count).  Integer
    # numerators are pooled per denominator so Fractions are only built
    # once per distinct denominator (floats share few denominators).
    count = 0
    T = int
    pools = {}
    special = None
    for x in data:
        count += 1
        T = _coerce(T, type(x))
        n, d = _as_ratio(x)
        if d is None:
            special = x if special is None else special + x
        else:
            pools[d] = pools.get(d, 0) + n
    if special is not None:
        return (T, T(special) if not issubclass(T, Decimal) else special, count)
    total = sum((Fraction(n, d) for d, n in pools.items()), Fraction(0))
    return (T, total, count)


def _convert(value, T):
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        if issubclass(T, Decimal):
            return T(value.numerator) / T(value.denominator)
        raise


def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if not isinstance(total, Fraction):
        return total
    return _convert(total / n, T)


def fmean(data, weights=None):
    if weights is None:
        n = 0
        def counted(it):
            nonlocal n
            for n, x in enumerate(it, start=1):
                yield x
        total = math.fsum(counted(data))
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    try:
        num = math.sumprod(data, weights)
    except ValueError:
        raise StatisticsError('data and weights must be the same length')
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    n = 0
    found_zero = False
    logs = []
    for x in data:
        n += 1
        if x > 0.0 or math.isnan(x):
            logs.append(math.log(x))
        elif x == 0.0:
            found_zero = True
        else:
            raise StatisticsError('No negative inputs allowed', x)
    total = math.fsum(logs)
    if not n:
        raise StatisticsError('Must have a non-empty dataset')
    if math.isnan(total):
        return math.nan
    if found_zero:
        return math.nan if total == math.inf else 0.0
    return math.exp(total / n)


def harmonic_mean(data, weights=None):
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (numbers.Real, Decimal)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    def nonneg(values):
        for v in values:
            if v < 0:
                raise StatisticsError(errmsg)
            yield v
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(nonneg(weights))
    # Lazy checking matters: a zero datum met before a negative one makes
    # the result 0 rather than an error, as in CPython.
    try:
        T, total, count = _sum(w / x if w else 0
                               for w, x in zip(weights, nonneg(data)))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(sum_weights / total, T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    i = n // 2
    if n % 2 == 1:
        return data[i]
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[(n - 1) // 2]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def median_grouped(data, interval=1.0):
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError('no median for empty data')
    x = data[n // 2]
    i = bisect_left(data, x)
    j = bisect_right(data, x, lo=i)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    L = x - interval / 2.0
    cf = i
    f = j - i
    return L + interval * (n / 2 - cf) / f


def mode(data):
    pairs = Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [v for v, c in counts.items() if c == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise StatisticsError('must have at least one data point')
    if method == 'inclusive':
        m = ld - 1
        out = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            out.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return out
    if method == 'exclusive':
        m = ld + 1
        out = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            out.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return out
    raise ValueError(f'Unknown method: {method!r}')


def _ss(data, c=None):
    # Exact sum of squared deviations: (type, Fraction ssd, mean, count).
    if c is not None:
        T, total, count = _sum((x - c) * (x - c) for x in data)
        return (T, total, c, count)
    # sum((x - mean)**2) == sum(x*x) - sum(x)**2 / n exactly in rationals.
    count = 0
    T = int
    sx = {}
    sxx = {}
    special = None
    for x in data:
        count += 1
        T = _coerce(T, type(x))
        n, d = _as_ratio(x)
        if d is None:
            special = x if special is None else special + x
        else:
            sx[d] = sx.get(d, 0) + n
            sxx[d] = sxx.get(d, 0) + n * n
    if not count:
        return (T, Fraction(0), Fraction(0), 0)
    if special is not None:
        total = T(special) if not issubclass(T, Decimal) else special
        return (T, total, total, count)
    s1 = sum((Fraction(n, d) for d, n in sx.items()), Fraction(0))
    s2 = sum((Fraction(n, d * d) for d, n in sxx.items()), Fraction(0))
    mu = s1 / count
    return (T, s2 - s1 * mu, mu, count)


def _fraction_result(ss, div, T):
    if not isinstance(ss, Fraction):
        return ss / div
    return _convert(ss / div, T)


def variance(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _fraction_result(ss, n - 1, T)


def pvariance(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _fraction_result(ss, n, T)


def _isqrt_frac_rto(n, m):
    # floor(sqrt(n/m)) with the low bit forced on when inexact
    # (round-to-odd), so a later single rounding is correct.
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _float_sqrt_of_frac(n, m):
    extra = 2 * sys.float_info.mant_dig + 3
    q = (n.bit_length() - m.bit_length() - extra) // 2
    if q >= 0:
        return float(_isqrt_frac_rto(n, m << (2 * q)) << q)
    return _isqrt_frac_rto(n << (-2 * q), m) / (1 << -q)


def _decimal_sqrt_of_frac(n, m):
    if n <= 0:
        if not n:
            return Decimal('0.0')
        n, m = -n, -m
    r = (Decimal(n) / Decimal(m)).sqrt()
    # The quotient was rounded before the root, so the root may be one ulp
    # off; pick the neighbour whose rounding interval holds sqrt(n/m).
    x = Fraction(n, m)
    lo, hi = r.next_minus(), r.next_plus()
    fr = Fraction(r)
    if x < ((Fraction(lo) + fr) / 2) ** 2:
        r = lo
    elif x > ((fr + Fraction(hi)) / 2) ** 2:
        r = hi
    return r


def _sqrt_result(ss, div, T):
    ms = ss / div
    # Non-finite data leaves a float here; CPython fails the same way.
    ms.numerator
    if issubclass(T, Decimal):
        return _decimal_sqrt_of_frac(ms.numerator, ms.denominator)
    return _float_sqrt_of_frac(ms.numerator, ms.denominator)


def stdev(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_result(ss, n - 1, T)


def pstdev(data, mu=None):
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_result(ss, n, T)


def covariance(x, y, /):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.sumprod((xi - xbar for xi in x), (yi - ybar for yi in y))
    return sxy / (n - 1)


def _ranks(data):
    # Average rank (1-based) for ties.
    order = sorted(range(len(data)), key=data.__getitem__)
    result = [0] * len(data)
    i = 0
    n = len(data)
    while i < n:
        j = i
        while j + 1 < n and data[order[j + 1]] == data[order[i]]:
            j += 1
        r = (i + j + 2) / 2
        for k in range(i, j + 1):
            result[order[k]] = r
        i = j + 1
    return result


def correlation(x, y, /, *, method='linear'):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    if method not in {'linear', 'ranked'}:
        raise ValueError(f'Unknown method: {method!r}')
    if method == 'ranked':
        start = (n - 1) / -2
        x = [r - 1 + start for r in _ranks(x)]
        y = [r - 1 + start for r in _ranks(y)]
    else:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        x = [xi - xbar for xi in x]
        y = [yi - ybar for yi in y]
    sxy = math.sumprod(x, y)
    sxx = math.sumprod(x, x)
    syy = math.sumprod(y, y)
    try:
        return sxy / _sqrtprod(sxx, syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


def _sqrtprod(a, b):
    # sqrt(a*b): rescale when the product over/underflows, then apply a
    # first-order correction using the exact residual a*b - h*h.
    h = math.sqrt(a * b)
    if not math.isfinite(h):
        if math.isinf(h) and not math.isinf(a) and not math.isinf(b):
            k = 2.0 ** -512
            return _sqrtprod(k * a, k * b) / k
        return h
    if not h:
        if a and b:
            k = 2.0 ** 537
            return _sqrtprod(k * a, k * b) / k
        return h
    resid = math.sumprod((a, h), (b, -h))
    return h + resid / (2.0 * h)


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if not proportional:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        x = [xi - xbar for xi in x]
        y = (yi - ybar for yi in y)
    sxy = math.sumprod(x, y) + 0.0
    sxx = math.sumprod(x, x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


def _mean_stdev(data):
    T, ss, xbar, n = _ss(data)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    if not isinstance(ss, Fraction):
        return float(xbar), float(xbar) / float(ss)
    ms = ss / (n - 1)
    return float(xbar), _float_sqrt_of_frac(ms.numerator, ms.denominator)


def _normal_dist_inv_cdf(p, mu, sigma):
    # Wichura's algorithm AS 241 (Applied Statistics, 1988).
    q = p - 0.5
    if math.fabs(q) <= 0.425:
        r = 0.180625 - q * q
        num = (((((((2.5090809287301226727e+3 * r +
                     3.3430575583588128105e+4) * r +
                    6.7265770927008700853e+4) * r +
                   4.5921953931549871457e+4) * r +
                  1.3731693765509461125e+4) * r +
                 1.9715909503065514427e+3) * r +
                1.3314166789178437745e+2) * r +
               3.3871328727963666080e+0) * q
        den = (((((((5.2264952788528545610e+3 * r +
                     2.8729085735721942674e+4) * r +
                    3.9307895800092710610e+4) * r +
                   2.1213794301586595867e+4) * r +
                  5.3941960214247511077e+3) * r +
                 6.8718700749205790830e+2) * r +
                4.2313330701600911252e+1) * r +
               1.0)
        return mu + (num / den) * sigma
    r = p if q <= 0.0 else 1.0 - p
    r = math.sqrt(-math.log(r))
    if r <= 5.0:
        r = r - 1.6
        num = (((((((7.74545014278341407640e-4 * r +
                     2.27238449892691845833e-2) * r +
                    2.41780725177450611770e-1) * r +
                   1.27045825245236838258e+0) * r +
                  3.64784832476320460504e+0) * r +
                 5.76949722146069140550e+0) * r +
                4.63033784615654529590e+0) * r +
               1.42343711074968357734e+0)
        den = (((((((1.05075007164441684324e-9 * r +
                     5.47593808499534494600e-4) * r +
                    1.51986665636164571966e-2) * r +
                   1.48103976427480074590e-1) * r +
                  6.89767334985100004550e-1) * r +
                 1.67638483018380384940e+0) * r +
                2.05319162663775882187e+0) * r +
               1.0)
    else:
        r = r - 5.0
        num = (((((((2.01033439929228813265e-7 * r +
                     2.71155556874348757815e-5) * r +
                    1.24266094738807843860e-3) * r +
                   2.65321895265761230930e-2) * r +
                  2.96560571828504891230e-1) * r +
                 1.78482653991729133580e+0) * r +
                5.46378491116411436990e+0) * r +
               6.65790464350110377720e+0)
        den = (((((((2.04426310338993978564e-15 * r +
                     1.42151175831644588870e-7) * r +
                    1.84631831751005468180e-5) * r +
                   7.86869131145613259100e-4) * r +
                  1.48753612908506148525e-2) * r +
                 1.36929880922735805310e-1) * r +
                5.99832206555887937690e-1) * r +
               1.0)
    x = num / den
    if q < 0.0:
        x = -x
    return mu + (x * sigma)


class NormalDist:
    "Normal distribution of a random variable"

    __slots__ = {
        '_mu': 'Arithmetic mean of a normal distribution',
        '_sigma': 'Standard deviation of a normal distribution',
    }

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        return cls(*_mean_stdev(data))

    def samples(self, n, *, seed=None):
        rnd = random.random if seed is None else random.Random(seed).random
        mu, sigma = self._mu, self._sigma
        return [_normal_dist_inv_cdf(rnd(), mu, sigma) for _ in range(n)]

    def pdf(self, x):
        var = self._sigma * self._sigma
        if not var:
            raise StatisticsError('pdf() not defined when sigma is zero')
        d = x - self._mu
        return math.exp(d * d / (-2.0 * var)) / math.sqrt(math.tau * var)

    def cdf(self, x):
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    def inv_cdf(self, p):
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError('p must be in the range 0.0 < p < 1.0')
        return _normal_dist_inv_cdf(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        X, Y = self, other
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):
            X, Y = Y, X
        xv, yv = X.variance, Y.variance
        if not xv or not yv:
            raise StatisticsError('overlap() not defined when sigma is zero')
        dv = yv - xv
        dm = math.fabs(Y._mu - X._mu)
        if not dv:
            return 2.0 * NormalDist(dm, 2.0 * X._sigma).cdf(0)
        a = X._mu * yv - Y._mu * xv
        b = X._sigma * Y._sigma * math.sqrt(dm * dm + dv * math.log(yv / xv))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (math.fabs(Y.cdf(x1) - X.cdf(x1)) + math.fabs(Y.cdf(x2) - X.cdf(x2)))

    def zscore(self, x):
        if not self._sigma:
            raise StatisticsError('zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def __add__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        return NormalDist(x1._mu * x2, x1._sigma * math.fabs(x2))

    def __truediv__(x1, x2):
        return NormalDist(x1._mu / x2, x1._sigma / math.fabs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f'{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})'

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state


# Kernel table: name -> (density K, cumulative W, support half-width or
# None for unbounded).  Expressions are kept in this exact arithmetic form
# so estimates agree with CPython to the last bit.
def _make_kernels():
    pi = math.pi
    exp, cosh, erf, atan = math.exp, math.cosh, math.erf, math.atan
    sqrt2pi = math.sqrt(2 * pi)
    sqrt2 = math.sqrt(2)
    normal = (lambda t: exp(-1/2 * t * t) / sqrt2pi,
              lambda t: 1/2 * (1.0 + erf(t / sqrt2)), None)
    uniform = (lambda t: 1/2, lambda t: 1/2 * t + 1/2, 1.0)
    parabolic = (lambda t: 3/4 * (1.0 - t * t),
                 lambda t: -1/4 * t**3 + 3/4 * t + 1/2, 1.0)
    quartic = (lambda t: 15/16 * (1.0 - t * t) ** 2,
               lambda t: 3/16 * t**5 - 5/8 * t**3 + 15/16 * t + 1/2, 1.0)
    c_pi4, c_pi2 = pi / 4, pi / 2
    return {
        'normal': normal, 'gauss': normal,
        'logistic': (lambda t: 1/2 / (1.0 + cosh(t)),
                     lambda t: 1.0 - 1.0 / (exp(t) + 1.0), None),
        'sigmoid': (lambda t: (1 / pi) / cosh(t),
                    lambda t: (2 / pi) * atan(exp(t)), None),
        'rectangular': uniform, 'uniform': uniform,
        'triangular': (lambda t: 1.0 - abs(t),
                       lambda t: t*t * (1/2 if t < 0.0 else -1/2) + t + 1/2, 1.0),
        'parabolic': parabolic, 'epanechnikov': parabolic,
        'quartic': quartic, 'biweight': quartic,
        'triweight': (lambda t: 35/32 * (1.0 - t * t) ** 3,
                      lambda t: 35/32 * (-1/7*t**7 + 3/5*t**5 - t**3 + t) + 1/2, 1.0),
        'cosine': (lambda t: c_pi4 * math.cos(c_pi2 * t),
                   lambda t: 1/2 * math.sin(c_pi2 * t) + 1/2, 1.0),
    }

_KERNELS = _make_kernels()


def _check_kde_args(data, h):
    if not len(data):
        raise StatisticsError('Empty data sequence')
    if not isinstance(data[0], (int, float)):
        raise TypeError('Data sequence must contain ints or floats')
    if h <= 0.0:
        raise StatisticsError(f'Bandwidth h must be positive, not {h=!r}')


def kde(data, h, kernel='normal', *, cumulative=False):
    _check_kde_args(data, h)
    try:
        K, W, support = _KERNELS[kernel]
    except (KeyError, TypeError):
        raise StatisticsError(f'Unknown kernel name: {kernel!r}')
    if support is None:
        def pdf(x):
            return sum(K((x - xi) / h) for xi in data) / (len(data) * h)
        def cdf(x):
            return sum(W((x - xi) / h) for xi in data) / len(data)
    else:
        # Bounded kernels only touch points within the bandwidth; the
        # sorted copy is refreshed if the caller mutates data afterwards.
        state = [len(data), sorted(data)]
        width = h * support
        def window(x):
            if len(data) != state[0]:
                state[0] = len(data)
                state[1] = sorted(data)
            s = state[1]
            i = bisect_left(s, x - width)
            j = bisect_right(s, x + width)
            return i, s[i:j]
        def pdf(x):
            i, pts = window(x)
            return sum(K((x - xi) / h) for xi in pts) / (state[0] * h)
        def cdf(x):
            i, pts = window(x)
            return sum((W((x - xi) / h) for xi in pts), i) / state[0]
    f = cdf if cumulative else pdf
    f.__doc__ = f"{'CDF' if cumulative else 'PDF'} estimate with {h=!r} and {kernel=!r}"
    return f


def _solve_newton(guess, f, fprime, tol=1e-12):
    def inv(y):
        x = guess(y)
        while abs(diff := f(x) - y) > tol:
            x -= diff / fprime(x)
        return x
    return inv


def _quartic_guess(p):
    sign, p = (1.0, p) if p <= 1/2 else (-1.0, 1.0 - p)
    x = (2.0 * p) ** 0.4258865685331 - 1.0
    if p >= 0.004:
        x += 0.026818732 * math.sin(7.101753784 * p + 2.73230839482953)
    return x * sign


def _triweight_guess(p):
    sign, p = (1.0, p) if p <= 1/2 else (-1.0, 1.0 - p)
    return ((2.0 * p) ** 0.3400218741872791 - 1.0) * sign


def _make_invcdfs():
    pi, log, sqrt = math.pi, math.log, math.sqrt
    normal = NormalDist().inv_cdf
    uniform = lambda p: 2*p - 1
    parabolic = lambda p: 2 * math.cos((math.acos(2*p-1) + pi) / 3)
    quartic = _solve_newton(_quartic_guess, _KERNELS['quartic'][1], _KERNELS['quartic'][0])
    return {
        'normal': normal, 'gauss': normal,
        'logistic': lambda p: log(p / (1 - p)),
        'sigmoid': lambda p: log(math.tan(p * pi/2)),
        'rectangular': uniform, 'uniform': uniform,
        'parabolic': parabolic, 'epanechnikov': parabolic,
        'quartic': quartic, 'biweight': quartic,
        'triweight': _solve_newton(_triweight_guess, _KERNELS['triweight'][1], _KERNELS['triweight'][0]),
        'triangular': lambda p: sqrt(2*p) - 1 if p < 1/2 else 1 - sqrt(2 - 2*p),
        'cosine': lambda p: 2 * math.asin(2*p - 1) / pi,
    }

_KERNEL_INVCDFS = _make_invcdfs()


def kde_random(data, h, kernel='normal', *, seed=None):
    _check_kde_args(data, h)
    try:
        invcdf = _KERNEL_INVCDFS[kernel]
    except (KeyError, TypeError):
        raise StatisticsError(f'Unknown kernel name: {kernel!r}')
    prng = random.Random(seed)
    rnd, choice = prng.random, prng.choice
    def rand():
        return choice(data) + h * invcdf(rnd())
    rand.__doc__ = f'Random KDE selection with {h=!r} and {kernel=!r}'
    return rand
