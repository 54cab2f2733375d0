# math.sumprod when products overflow, and statistics.correlation that depends on it
import math, statistics
print(math.sumprod([1e300], [1e300]), math.sumprod([1e300, -1e300], [1e300, 1e300]), math.sumprod([-1e300], [1e300]))
print(math.sumprod([1.5, 2.25], [2, 4]), math.sumprod([1, 2], [3.5, 1e308]))
print(statistics.correlation([1e300, 2e300, 3e300], [1, 2, 4]))
