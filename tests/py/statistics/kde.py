# checks kde (pdf/cdf for every kernel), kde_random with seed, and their errors
from statistics import kde, kde_random, StatisticsError
data = [-2.1, -1.3, -0.4, 1.9, 5.1, 6.2]
names = ['normal', 'gauss', 'logistic', 'sigmoid', 'rectangular', 'uniform', 'triangular',
         'parabolic', 'epanechnikov', 'quartic', 'biweight', 'triweight', 'cosine']
for k in names:
    f = kde(data, 1.5, k)
    F = kde(data, 1.5, k, cumulative=True)
    print(k, [f(x) for x in (-3, -1.3, 0, 2.5, 6)], [F(x) for x in (-9, -1, 0.5, 6, 20)])
    r = kde_random(data, 1.5, k, seed=8675309)
    print(' ', [r() for _ in range(4)])
f = kde(data, 2)
print(f.__doc__, kde(data, 2, 'cosine', cumulative=True).__doc__, kde_random(data, 2, seed=1).__doc__)
d2 = [1, 2, 3]
g = kde(d2, 1, 'triangular')
print(g(2.5)); d2.append(2.5); print(g(2.5))
def e(f, *a, **k):
    try: print(f(*a, **k))
    except Exception as ex: print(type(ex).__name__, ex)
e(kde, [], 1); e(kde, ['a'], 1); e(kde, [1], 0); e(kde, [1], -1.5); e(kde, [1], 1, 'bogus')
e(kde_random, [], 1); e(kde_random, [1], 0); e(kde_random, [1], 1, 'bogus'); e(kde_random, ['x'], 1)
