# checks NormalDist: construction, pdf/cdf/inv_cdf, overlap, samples, arithmetic, errors
from statistics import NormalDist, StatisticsError
import statistics as S
n = NormalDist(100, 15)
print(n, repr(NormalDist()), NormalDist(1, 0), n.mean, n.median, n.mode, n.stdev, n.variance)
print(n.pdf(110), n.cdf(110), n.inv_cdf(0.3), n.inv_cdf(0.001), n.inv_cdf(0.99), n.inv_cdf(1e-300), n.inv_cdf(0.5), n.zscore(130))
print(n.quantiles(), n.quantiles(10))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), NormalDist(0, 1).overlap(NormalDist(1, 1)), NormalDist(5, 2).overlap(NormalDist(5, 2)))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), NormalDist.from_samples([1, 2, 3]))
print(NormalDist(0, 1).samples(5, seed=42), len(n.samples(3)))
a, b = NormalDist(10, 3), NormalDist(4, 4)
print(a + b, a - b, a + 5, 5 + a, a - 5, 5 - a, a * 2, 2 * a, a * -2, a / 4, a / -2, -a, +a)
print(a == NormalDist(10, 3), a == b, a == 10, hash(a) == hash(NormalDist(10.0, 3.0)))
print({a: 1}[NormalDist(10, 3)])
def e(f, *args):
    try: print(f(*args))
    except Exception as ex: print(type(ex).__name__, ex)
z = NormalDist(1, 0)
e(NormalDist, 0, -1); e(z.pdf, 1); e(z.cdf, 1); e(z.zscore, 1); e(z.overlap, n); e(n.overlap, 3)
e(n.inv_cdf, 0); e(n.inv_cdf, 1); e(z.inv_cdf, 0.5); e(NormalDist.from_samples, [1])
import pickle, copy
print(pickle.loads(pickle.dumps(n)), copy.copy(n), copy.deepcopy(n))
print(sorted(S.__all__))
