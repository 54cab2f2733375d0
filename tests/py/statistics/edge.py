# checks statistics edge cases: type preservation, exact rounding, nan/inf, iterators, odd inputs
import statistics as S, math
from fractions import Fraction as F
from decimal import Decimal as D, getcontext
def e(f, *a, **k):
    try: r = f(*a, **k); print(type(r).__name__, repr(r))
    except Exception as ex: print(type(ex).__name__, ex)
for f in (S.mean, S.variance, S.pvariance, S.stdev, S.pstdev, S.median, S.median_low, S.median_high, S.harmonic_mean, S.fmean, S.geometric_mean):
    print(f.__name__)
    e(f, [1, 2, 3, 4, 6]); e(f, [True, False, True]); e(f, [F(1, 3), F(5, 7), 2]); e(f, [D('0.1'), D('0.25'), 3])
    e(f, [1.5, F(1, 2), 3]); e(f, iter([2.0, 3.0, 7.0])); e(f, (x * 0.1 for x in range(1, 12)))
    e(f, [1e308, 1e308, -1e308]); e(f, [1.0, math.inf, 2.0]); e(f, [1.0, math.nan]); e(f, [3])
for data in ([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], [1e-5, 2e-5, 7e-5], [10**20 + 1, 10**20 + 3, 10**20 + 8],
             [1.1] * 9 + [1.2], [2, 4, 4, 4, 5, 5, 7, 9], [0.5e-320, 1e-320, 3e-320], [1e300, 2e300]):
    e(S.variance, data); e(S.stdev, data); e(S.pvariance, data); e(S.pstdev, data); e(S.mean, data)
e(S.variance, [1, 2, 3, 4], 2.5); e(S.pstdev, [1, 2, 3, 4], mu=F(5, 2)); e(S.stdev, [D(1), D(2), D(4)], D('2.5'))
e(S.variance, [F(1, 2), F(3, 4)], F(1, 2))
getcontext().prec = 10
e(S.stdev, [D('1.123456789'), D('2.3'), D(7)]); e(S.mean, [D('1.123456789'), D('2.3'), D(7)])
getcontext().prec = 28
e(S.mean, [1, 2.0, D(3)]); e(S.mean, [F(1), D(1)]); e(S.variance, ['a', 'b']); e(S.mean, [1 + 2j])
e(S.median, ['b', 'a', 'c']); e(S.median, [1, 2, 3, 4.5]); e(S.median, [F(1), F(2)]); e(S.median_grouped, [1, 3, 3, 5, 7], 2)
e(S.median_grouped, [F(1), F(3)]); e(S.median_grouped, ['a']); e(S.mode, [[1], [1]]); e(S.mode, ['x'])
e(S.multimode, 'aabbcc'); e(S.multimode, iter([3, 1, 1, 3, 2])); e(S.mode, [1.0, 1, True])
e(S.quantiles, [F(1), F(2), F(4)], n=3); e(S.quantiles, [D(1), D(2), D(4)], n=5, method='inclusive'); e(S.quantiles, range(10))
e(S.quantiles, [1, 2, 3], n=1); e(S.quantiles, [1.0, 2, 3, 100], n=6); e(S.quantiles, iter([3, 1]), n=4)
e(S.harmonic_mean, [F(1, 2), F(1, 3)], [F(1), 2]); e(S.harmonic_mean, [0, 0]); e(S.harmonic_mean, [1, 2], [0, 0])
e(S.harmonic_mean, [D('2.5'), D(3)]); e(S.harmonic_mean, ['a']); e(S.harmonic_mean, iter([1, 4, 4]), iter([1, 2, 3]))
e(S.fmean, iter([1, 2]), iter([3, 4])); e(S.fmean, [F(1, 3), D('0.5')]); e(S.fmean, [1, 2], [1, 2, 3]); e(S.fmean, [])
e(S.geometric_mean, [0.0, math.inf]); e(S.geometric_mean, [F(2), D(8)]); e(S.geometric_mean, iter([4, 9]))
e(S.covariance, [1, 2, 3], [1.5, F(1, 2), 9]); e(S.covariance, [F(1), F(2)], [F(5), F(9)])
e(S.correlation, [1, 2, 3, 4], [1, 4, 9, 16]); e(S.correlation, [1e-200, 2e-200, 3e-200], [1e-200, 5e-200, 4e-200])
e(S.correlation, ['b', 'a', 'c'], ['x', 'z', 'y'], method='ranked'); e(S.correlation, [1, 1, 2, 2, 3], [5, 5, 5, 1, 2], method='ranked')
e(S.linear_regression, [1, 2, 3], [F(1), F(2), F(7)]); e(S.linear_regression, [1, 2, 4], [2, 3, 9], proportional=True)
e(S.linear_regression, [0, 0], [1, 2], proportional=True); e(S.linear_regression, [1, 2], [3, 3])
e(S.NormalDist.from_samples, iter([1.5, 2.5, 9])); e(S.NormalDist.from_samples, [F(1), F(2), D(3)] [:2])
e(S.NormalDist, '1', 2); e(lambda: S.NormalDist(0, 1).inv_cdf(0.9999999999999999)); e(lambda: S.NormalDist(3, 2).inv_cdf(1e-320))
e(lambda: S.NormalDist(0, 1) * S.NormalDist()); e(lambda: S.NormalDist(1, 2) + '1')
e(lambda: S.NormalDist(1, 2).samples(0, seed='abc')); e(lambda: S.NormalDist(1, 2).samples(3, seed=3.5))
