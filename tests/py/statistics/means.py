# checks fmean/harmonic_mean weight handling, zero and negative ordering, result types
import statistics as S
from fractions import Fraction as F
from decimal import Decimal as D
def e(f, *a, **k):
    try: r = f(*a, **k); print(type(r).__name__, repr(r))
    except Exception as ex: print(type(ex).__name__, ex)
e(S.fmean, [], []); e(S.fmean, [], weights=[1]); e(S.fmean, iter([1, 2, 3]), (w for w in [1, 2, 3])); e(S.fmean, [1, 2], [0.5, -0.5])
e(S.fmean, [F(1, 3), F(2, 3)], [F(1), F(2)]); e(S.fmean, [True, 3]); e(S.fmean, 'ab')
e(S.harmonic_mean, [1, 0], [1, 0]); e(S.harmonic_mean, [0, -1]); e(S.harmonic_mean, [-1, 0]); e(S.harmonic_mean, [1, 2], [-1, 2])
e(S.harmonic_mean, [1, 2], [0, 0]); e(S.harmonic_mean, [F(1), 2], [1, F(1, 2)]); e(S.harmonic_mean, [D(1), D(3)], [D(2), 1])
e(S.harmonic_mean, [2.0, 4], [1, 1]); e(S.harmonic_mean, [F(3)]); e(S.harmonic_mean, [D(-3)]); e(S.harmonic_mean, [2, 'a'])
e(S.harmonic_mean, [1, 2], [1, 2, 3]); e(S.harmonic_mean, [5, 10], iter([1, 1]))
r = S.linear_regression([1, 2, 3], [2, 4, 7]); print(type(r).__module__, type(r).__name__, r.slope, r._fields)
print(S.NormalDist.__slots__ if isinstance(S.NormalDist.__slots__, dict) else 'x', S.NormalDist().__class__.__name__)
