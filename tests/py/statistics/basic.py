# checks statistics averages, spread, quantiles, correlation and error messages
import statistics as S
from fractions import Fraction as F
from decimal import Decimal as D
print(S.mean([1,2,3,4]), S.mean([1,2,3]), S.mean([1.5,2,3]), S.mean([F(1,3),F(2,3),1]), S.mean([D('1.1'),D('2.2'),3]))
print(S.variance([1,2,3,4,5.5]), S.pvariance([2.75,1.75,1.25,0.25,0.5,1.25,3.5]), S.variance([F(1,3),F(2,5),F(7,4)]), S.variance([D('27.5'),D('30.25'),D('30.25'),D('34.5'),D('41.75')]))
print(S.stdev([1.5,2.5,2.5,2.75,3.25,4.75]), S.pstdev([1,2,3,4,5,6,7]), S.stdev([D('1.1'),D('2.3'),D('9.9')]), S.stdev([F(1,3),F(2,5)]), S.variance([1,2,3]), S.pvariance([1,2,3,4]))
print(S.variance([0.1]*7+[0.3]), S.stdev([0.1,0.2,0.3,1e10]), S.pvariance([1,2,3], mu=2), S.variance([1,2,3.5], xbar=2))
print(S.median([1,3,5]), S.median([1,3,5,7]), S.median_low([1,3,5,7]), S.median_high([1,3,5,7]), S.median_grouped([52,52,53,54]), S.median_grouped([1,2,2,3,4,4,4,4,4,5], interval=2))
print(S.mode([1,1,2,3,3,3]), S.mode('aabbbc'), S.multimode('aabbbbccddddeeffffgg'), S.multimode([]))
print(S.fmean([3.5,4.0,5.25]), S.fmean([85,92,83,91],weights=[0.2,0.2,0.3,0.3]), S.geometric_mean([54,24,36]), S.harmonic_mean([40,60]), S.harmonic_mean([40,60],weights=[5,30]), S.harmonic_mean([2.5,3,10]), S.harmonic_mean([1,0,3]))
d=[105,129,87,86,111,111,89,81,108,92,110,100,75,105,103,109,76,119,99,91,103,129,106,101,84,111,74,87,86,103,103,106,86,111,75,87,102,121,111,88,89,101,106,95,103,107,101,81,109,104]
print(S.quantiles(d, n=10), S.quantiles(d, n=4, method='inclusive'), S.quantiles([1,2], n=3), S.quantiles([5], n=3))
x=[1,2,3,4,5,6,7,8,9]; y=[1,2,3,1,2,3,1,2,3]
print(S.covariance(x,y), S.correlation(x,y), S.correlation(x,[9,8,7,6,5,4,3,2,1]), S.correlation(x,[i**3 for i in x],method='ranked'), S.correlation([1,2,2,3],[3,1,4,4],method='ranked'))
print(S.linear_regression([1,2,3,4,5],[1.5,3.8,6.1,7.9,10.2]), S.linear_regression([1,2,3],[2,4,6.5],proportional=True))
print(S.correlation([0.1,0.7,0.3,0.9],[1.2,0.4,3.3,2.1]), S.stdev([1e-300,2e-300,3e-300]))
def e(f,*a,**k):
    try: print(f(*a,**k))
    except Exception as ex: print(type(ex).__name__, ex)
e(S.mean,[]); e(S.variance,[1]); e(S.pvariance,[]); e(S.stdev,[1]); e(S.pstdev,[]); e(S.median,[]); e(S.median_low,[]); e(S.median_high,[]); e(S.median_grouped,[]); e(S.mode,[])
e(S.fmean,[]); e(S.fmean,[1,2],weights=[1]); e(S.fmean,[1,2],weights=[1,-1]); e(S.geometric_mean,[]); e(S.geometric_mean,[1,-2]); e(S.geometric_mean,[0,2])
e(S.harmonic_mean,[]); e(S.harmonic_mean,[1,-2]); e(S.harmonic_mean,[1,2],weights=[1]); e(S.harmonic_mean,[1,2],weights=[1,-1]); e(S.harmonic_mean,[-1])
e(S.quantiles,[1,2],n=0); e(S.quantiles,[],n=4); e(S.quantiles,[1,2,3],method='x')
e(S.covariance,[1],[1]); e(S.covariance,[1,2],[1]); e(S.correlation,[1,2],[3,3]); e(S.correlation,[1],[1]); e(S.correlation,[1,2],[1]); e(S.correlation,[1,2],[1,2],method='x')
e(S.linear_regression,[1,1],[1,2]); e(S.linear_regression,[1],[2]); e(S.linear_regression,[1,2],[2])
e(S.mean,[1.0, D(1)]); e(S.mean,['a'])
print(issubclass(S.StatisticsError, ValueError))
