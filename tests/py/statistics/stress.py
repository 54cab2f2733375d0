# checks bit-exact agreement of statistics results on many pseudo-random data sets
import statistics as S
from fractions import Fraction as F
from decimal import Decimal as D
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11
def fl():
    return (rnd() / 2**53 - 0.3) * 10.0 ** (rnd() % 9 - 4)
out = []
for trial in range(60):
    n = 2 + rnd() % 9
    xs = [fl() for _ in range(n)]
    ys = [fl() + xs[i] * (rnd() % 3) for i in range(n)]
    ints = [rnd() % 1000 - 300 for _ in range(n)]
    pos = [abs(v) + 0.5 for v in xs]
    decs = [D(rnd() % 100000) / D(1000) for _ in range(n)]
    fr = [F(rnd() % 1000, 1 + rnd() % 97) for _ in range(n)]
    row = []
    for data in (xs, ints, decs, fr):
        row += [S.mean(data), S.variance(data), S.pvariance(data), S.stdev(data), S.pstdev(data),
                S.median(data), S.quantiles(data, n=1 + rnd() % 7), S.quantiles(data, method='inclusive')]
    row += [S.fmean(xs), S.fmean(xs, pos), S.geometric_mean(pos), S.harmonic_mean(pos), S.harmonic_mean(pos, ints and [abs(i) + 1 for i in ints]),
            S.covariance(xs, ys), S.correlation(xs, ys), S.correlation(xs, ys, method='ranked'),
            S.linear_regression(xs, ys), S.linear_regression(xs, ys, proportional=True),
            S.NormalDist.from_samples(xs), S.mode(ints), S.multimode([i % 5 for i in ints]), S.median_grouped(ints, 3)]
    nd = S.NormalDist(fl(), abs(fl()) + 0.1)
    row += [nd.pdf(fl()), nd.cdf(fl()), nd.inv_cdf((rnd() % 999 + 1) / 1000), nd.overlap(S.NormalDist(fl(), abs(fl()) + 0.2)), nd.zscore(1.5)]
    print(trial, row)
